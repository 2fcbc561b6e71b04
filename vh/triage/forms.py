"""The forms of triage: the overleg, its bespreking and bijdragen, the decision and the letter.

Shared fields (checkbox lists, selects that refuse unknown values) come from vh.forms; the
choices are filled by the route from the rules (vh/triage/overleg.py, besluiten.py).
"""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import SelectField, StringField, TextAreaField, TimeField
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError

from vh import richtext
from vh.forms import DatumField, KeuzeVeld, MultiCheckboxField
from vh.tijd import vandaag

MAX_TEKST = richtext.MAX_LENGTH


class UurVeld(TimeField):
    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError as error:
            raise ValueError("Vul het beginuur in als uren en minuten, bijvoorbeeld 09:30.") from error


class OverlegForm(FlaskForm):
    # A meeting lies around now: from last year (to correct one that was held) to two years ahead.
    datum = DatumField("Datum", voorbeeld="14 3 2026", jaren=(1, 2))
    tijd = UurVeld("Beginuur", format="%H:%M", validators=[
        InputRequired("Vul het beginuur in, bijvoorbeeld 09:30.")])
    plaats = StringField("Plaats", validators=[
        DataRequired("Vul de plaats van het overleg in."),
        Length(max=160, message="Gebruik hoogstens 160 tekens voor de plaats.")])
    team = KeuzeVeld("Team", fout="Kies een van uw teams.")
    deelnemers = MultiCheckboxField("Deelnemende kernpartners",
                                    fout="Kies alleen kernpartners uit de lijst.")

    def __init__(self, *args, nieuw: bool = True, teams=(), kernpartners=(), **kwargs):
        """`teams` and `kernpartners` are (id, label) pairs: the user's teams, the kernpartners."""
        super().__init__(*args, **kwargs)
        self._nieuw = nieuw
        self.team.choices = [(str(i), label) for i, label in teams]
        self.deelnemers.choices = [(str(i), label) for i, label in kernpartners]

    def validate_deelnemers(self, field):
        if not field.data:
            raise ValidationError("Kies minstens één kernpartner die deelneemt.")

    def validate_datum(self, field):
        if field.data is None and not field.errors:
            raise ValidationError("Vul de datum van het overleg in, bijvoorbeeld 14 3 2026.")
        if self._nieuw and field.data and not field.errors and field.data < vandaag():
            raise ValidationError("Kies een datum vandaag of later.")

    def waarden(self) -> dict:
        """The keyword arguments of `overleg.opslaan`."""
        return dict(team_id=int(self.team.data), datum=self.datum.data, tijd=self.tijd.data,
                    plaats=self.plaats.data, deelnemers=[int(i) for i in self.deelnemers.data])


class BesprekingForm(FlaskForm):
    tekst = TextAreaField("Notities van de bespreking", validators=[
        Length(max=MAX_TEKST, message=f"Gebruik hoogstens {MAX_TEKST} tekens.")])


class BijdrageForm(FlaskForm):
    inhoud = TextAreaField("Uw bijdrage", id="bijdrage-inhoud", validators=[
        DataRequired("Schrijf uw bijdrage: wat uw organisatie weet en nodig is om te weten."),
        Length(max=MAX_TEKST, message=f"Gebruik hoogstens {MAX_TEKST} tekens.")])


class BesluitForm(FlaskForm):
    # The outcome and the regisseur are checked by the rule (besluiten.neem_besluit), which
    # refuses with a Dutch message for the field concerned.
    uitkomst = StringField("Wat beslist het overleg?")
    motivering = TextAreaField("Motivering", validators=[
        Length(max=10_000, message="De motivering is te lang: houd het onder 10.000 tekens.")])
    regisseur = SelectField("Casusregisseur", choices=[], validate_choice=False)


class BriefForm(FlaskForm):
    onderwerp = StringField("Onderwerp", validators=[
        DataRequired("Vul het onderwerp van de brief in."),
        Length(max=200, message="Het onderwerp is te lang: houd het onder 200 tekens.")])
    tekst = TextAreaField("Tekst van de brief", validators=[
        DataRequired("Schrijf de tekst van de brief, met uw advies aan de aanmelder."),
        Length(max=MAX_TEKST, message="De tekst is te lang: houd het onder 20.000 tekens.")])
