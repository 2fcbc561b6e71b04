"""Forms of the beheer screens (users and organisations) and the audit filter.

Choice fields use string values and refuse anything outside their choices with a Dutch message,
so a tampered form gets a clean 422 with the error beside the field, never a 500."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import DateField, EmailField, Form, PasswordField, StringField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from vh.forms import KeuzeVeld, MultiCheckboxField, email_geldig
from vh.models import ORGANISATIE_TYPES, ROLLEN


def _email_field():
    return EmailField("E-mailadres", validators=[
        DataRequired("Vul het e-mailadres in."),
        Length(max=254, message="Dit e-mailadres is te lang (maximaal 254 tekens)."),
        email_geldig()])


class GebruikerForm(FlaskForm):
    naam = StringField("Naam", validators=[
        DataRequired("Vul de naam in."), Length(max=120, message="De naam mag maximaal 120 tekens hebben.")])
    email = _email_field()
    functie = StringField("Functie (niet verplicht)", validators=[
        Optional(), Length(max=120, message="De functie mag maximaal 120 tekens hebben.")])
    telefoon = StringField("Telefoon (niet verplicht)", validators=[
        Optional(), Length(max=40, message="Het telefoonnummer mag maximaal 40 tekens hebben.")])
    organisatie = KeuzeVeld("Organisatie", fout="Kies een organisatie uit de lijst.")
    rollen = MultiCheckboxField("Rollen", choices=list(ROLLEN.items()),
                                 fout="Kies alleen rollen uit de lijst.")
    teams = MultiCheckboxField("Teams", fout="Kies alleen teams uit de lijst.")
    wachtwoord = PasswordField("Wachtwoord")

    def __init__(self, *args, nieuw: bool, organisaties, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.nieuw = nieuw
        self.organisatie.choices = [("", "Kies een organisatie")] + [(str(o.id), o.naam) for o in organisaties]
        self.teams.choices = [(str(t.id), t.naam) for t in teams]
        if nieuw:
            self.wachtwoord.label.text = "Eerste wachtwoord"
        else:
            self.wachtwoord.label.text = "Nieuw wachtwoord (niet verplicht)"

    def validate_organisatie(self, field):
        if not field.data:
            raise ValidationError("Kies de organisatie van deze persoon.")

    def validate_rollen(self, field):
        if not field.data:
            raise ValidationError("Kies minstens één rol.")

    def validate_wachtwoord(self, field):
        if not field.data:
            if self.nieuw:
                raise ValidationError("Vul een eerste wachtwoord in van minstens 10 tekens.")
            return
        if not 10 <= len(field.data) <= 200:
            raise ValidationError("Het wachtwoord moet tussen 10 en 200 tekens hebben.")


class OrganisatieForm(FlaskForm):
    naam = StringField("Naam", validators=[
        DataRequired("Vul de naam van de organisatie in."),
        Length(max=160, message="De naam mag maximaal 160 tekens hebben.")])
    type = KeuzeVeld("Soort organisatie", choices=[("", "Kies een soort")] + list(ORGANISATIE_TYPES.items()),
                     fout="Kies een soort organisatie uit de lijst.")
    arrondissement = KeuzeVeld("Gerechtelijk arrondissement (niet verplicht)",
                               fout="Kies een arrondissement uit de lijst.")
    politiezone_nr = KeuzeVeld("Politiezone (niet verplicht)", fout="Kies een politiezone uit de lijst.")

    def __init__(self, *args, arrondissementen, politiezones, **kwargs):
        super().__init__(*args, **kwargs)
        self.arrondissement.choices = [("", "Geen")] + [(a, a) for a in arrondissementen]
        self.politiezone_nr.choices = [("", "Geen")] + [(nr, f"{naam} ({nr})") for nr, naam in politiezones]

    def validate_type(self, field):
        if not field.data:
            raise ValidationError("Kies de soort organisatie.")


class DatumVeld(DateField):
    """A date (input type=date sends YYYY-MM-DD); an invalid one is refused in Dutch."""

    def process_formdata(self, valuelist):
        if not valuelist or not valuelist[0].strip():
            self.data = None
            return
        try:
            super().process_formdata([valuelist[0].strip()[:10]])
        except ValueError:
            self.data = None
            raise ValueError("Vul een geldige datum in, bijvoorbeeld 2026-03-14.") from None


class AuditFilterForm(Form):
    """A GET form (the filters live in the URL); no CSRF needed because it changes nothing."""
    gebruiker = KeuzeVeld("Gebruiker", fout="Kies een gebruiker uit de lijst.")
    dossier = StringField("Dossiernummer", validators=[
        Optional(), Length(max=20, message="Een dossiernummer heeft maximaal 20 tekens, bijvoorbeeld D-2026-0001.")])
    van = DatumVeld("Van", validators=[Optional()], format="%Y-%m-%d")
    tot = DatumVeld("Tot en met", validators=[Optional()], format="%Y-%m-%d")

    def __init__(self, *args, gebruikers, **kwargs):
        super().__init__(*args, **kwargs)
        self.gebruiker.choices = [("", "Iedereen")] + [
            (str(u.id), f"{u.naam} ({u.email})") for u in gebruikers]

    def validate_tot(self, field):
        if self.van.data and field.data and field.data < self.van.data:
            raise ValidationError("De einddatum moet na de begindatum liggen.")
