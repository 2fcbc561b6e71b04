"""The audit screen's filter form (a GET form: the filters live in the URL)."""
from __future__ import annotations

from wtforms import DateField, Form, StringField
from wtforms.validators import Length, Optional, ValidationError

from vh.forms import KeuzeVeld


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
