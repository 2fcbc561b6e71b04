"""WTForms classes shared by several screens. Feature forms live beside their views."""
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField
from wtforms.validators import DataRequired, Length


class LoginForm(FlaskForm):
    email = EmailField("E-mailadres", validators=[
        DataRequired("Vul uw e-mailadres in."), Length(max=254, message="Dit e-mailadres is te lang.")])
    password = PasswordField("Wachtwoord", validators=[
        DataRequired("Vul uw wachtwoord in."), Length(max=200, message="Dit wachtwoord is te lang.")])
