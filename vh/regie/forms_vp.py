"""The forms of the veiligheidsplan and the zorgoverleg. Choices are filled by the route from
the rules (vh/regie/veiligheidsplan.py, vh/regie/zorgoverleg.py)."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError
from wtforms.widgets import HiddenInput

from vh import richtext
from vh.forms import DatumField, KeuzeVeld, MultiCheckboxField, regel, tekst
from vh.tijd import vandaag
from vh.triage.forms import UurVeld

MAX_TEKST = 5000


def _niet_voorbij(wat: str):
    def check(form, field):
        if field.data is None and not field.errors:
            raise ValidationError(f"Vul de datum {wat} in, bijvoorbeeld 14 3 2026.")
        if field.data and not field.errors and field.data < vandaag():
            raise ValidationError("Kies een datum vandaag of later.")
    return check


class VeiligheidsplanForm(FlaskForm):
    basis = IntegerField(widget=HiddenInput(), default=0)
    zorg = tekst("De zorg, in de woorden van het gezin", "Schrijf de zorg op zoals het gezin ze zegt.",
                 MAX_TEKST)
    signalen = tekst("Signalen: waaraan merken we dat het misloopt?", max_=MAX_TEKST)
    veilige_personen = tekst("Veilige personen", max_=MAX_TEKST)
    veilige_plaatsen = tekst("Veilige plaatsen", max_=MAX_TEKST)
    afspraken = tekst("Afspraken", max_=MAX_TEKST)
    opvolging = regel("Wie volgt het plan op?", "Vul in wie het plan opvolgt.", 300)
    evaluatie_op = DatumField("Evaluatie op", voorbeeld="14 3 2026", jaren=(0, 2))

    def validate_evaluatie_op(self, field):
        _niet_voorbij("van de evaluatie")(self, field)

    def persoon_velden(self):
        """The "wat doet … als het gebeurt?" fields, one per person, in order."""
        return [(int(name[9:]), self[name]) for name in self._fields if name.startswith("wat_doen_")]

    def waarden(self) -> dict:
        return {veld: self[veld].data for veld in ("zorg", "signalen", "veilige_personen",
                                                   "veilige_plaatsen", "afspraken", "opvolging",
                                                   "evaluatie_op")}


def veiligheidsplan_form(personen, **kwargs) -> VeiligheidsplanForm:
    """The form with one "wat doet … als het gebeurt?" field per person of the dossier."""
    velden = {f"wat_doen_{p.id}": tekst(f"Wat doet {p.voornaam} als het gebeurt?", max_=MAX_TEKST)
              for p in personen}
    return type("VeiligheidsplanPersonenForm", (VeiligheidsplanForm,), velden)(**kwargs)


class ZorgoverlegForm(FlaskForm):
    # Around now: from last year (to record one that was held) to two years ahead.
    datum = DatumField("Datum", voorbeeld="14 3 2026", jaren=(1, 2))
    tijd = UurVeld("Beginuur", format="%H:%M", validators=[InputRequired("Vul het beginuur in, bijvoorbeeld 09:30.")])
    plaats = StringField("Plaats", validators=[
        DataRequired("Vul de plaats van het overleg in."),
        Length(max=160, message="Gebruik hoogstens 160 tekens voor de plaats.")])
    doel = tekst("Doel van het overleg", "Schrijf waarvoor het overleg dient.", 2000)
    deelnemers = MultiCheckboxField("Partners van het plan", fout="Kies alleen partners uit de lijst.")
    anderen = tekst("Andere deelnemers zonder account", max_=2000)
    rechtsgrond = BooleanField("De deelnemers kennen vooraf het doel, wie deelneemt en hoe er gewerkt "
                               "wordt, en delen alleen wat nodig is voor de veiligheid (art. 458ter Sw.)",
                               validators=[DataRequired("Bevestig dat het overleg aan art. 458ter Sw. voldoet.")])

    def __init__(self, *args, keuzes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.deelnemers.choices = list(keuzes)

    def validate_datum(self, field):
        if field.data is None and not field.errors:
            raise ValidationError("Vul de datum van het overleg in, bijvoorbeeld 14 3 2026.")

    def waarden(self) -> dict:
        return dict(datum=self.datum.data, tijd=self.tijd.data, plaats=self.plaats.data, doel=self.doel.data,
                    deelnemers=list(self.deelnemers.data or []), anderen=self.anderen.data or "")


class VerslagForm(FlaskForm):
    versie = IntegerField(widget=HiddenInput(), validators=[InputRequired("Laad het verslag opnieuw.")])
    verslag = TextAreaField("Verslag", validators=[
        Length(max=richtext.MAX_LENGTH, message=f"Gebruik hoogstens {richtext.MAX_LENGTH} tekens.")])


class BesluitForm(FlaskForm):
    doel = KeuzeVeld("Bij welk doel van het plan?", fout="Kies een lopend doel van het plan.")
    organisatie = KeuzeVeld("Welke organisatie voert de actie uit?", fout="Kies een organisatie uit de lijst.")
    omschrijving = tekst("Wat wordt er gedaan?", "Beschrijf de actie.", 2000)
    deadline = DatumField("Deadline", voorbeeld="14 3 2026", jaren=(0, 2))

    def __init__(self, *args, doelen=(), organisaties=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.doel.choices = [("", "Kies een doel"), *doelen]
        self.organisatie.choices = [("", "Kies een organisatie"), *organisaties]

    def validate_doel(self, field):
        if not field.data:
            raise ValidationError("Kies een lopend doel van het plan.")

    def validate_organisatie(self, field):
        if not field.data:
            raise ValidationError("Kies de organisatie die de actie uitvoert.")

    def validate_deadline(self, field):
        _niet_voorbij("van de deadline")(self, field)
