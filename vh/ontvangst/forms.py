"""The forms of the ontvangst: the decision on a referral and the team's parket setting."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from vh.forms import DatumField

from vh.models import Dossier, Team

NIET_ONTVANKELIJK, BESTAAND, NIEUW = "niet_ontvankelijk", "bestaand", "nieuw"


class OntvangstForm(FlaskForm):
    beslissing = RadioField("Is de aanmelding ontvankelijk?", validate_choice=False, choices=[
        (NIET_ONTVANKELIJK, "Niet ontvankelijk: de aanmelder krijgt een advies"),
        (BESTAAND, "Ontvankelijk: bij een bestaand dossier voegen"),
        (NIEUW, "Ontvankelijk: een nieuw dossier openen"),
    ])
    reden = TextAreaField("Waarom is de aanmelding niet ontvankelijk?",
                          validators=[Length(max=4000, message="Gebruik hoogstens 4000 tekens.")])
    dossier = RadioField("Bij welk dossier hoort deze aanmelding?", choices=[], validate_choice=False)
    team = SelectField("Welk team neemt het dossier op?", choices=[], validate_choice=False)

    @classmethod
    def voor(cls, joinable: list[Dossier], teams: list[Team] | None) -> OntvangstForm:
        """The form with this referral's choices: the dossiers it may join, the teams to pick."""
        form = cls()
        form.dossier.choices = [(str(d.id), d.nummer) for d in joinable]
        form.team.choices = [("", "Kies een team")] + [(str(t.id), t.naam) for t in (teams or [])]
        return form

    def check(self, joinable: list[Dossier], teams: list[Team] | None) -> bool:
        """Validate, with the choices of this referral (foreign ids are refused, not trusted)."""
        ok = self.validate()

        def fout(field, message):
            field.errors = list(field.errors) + [message]

        keuze = self.beslissing.data
        toegestaan = [NIET_ONTVANKELIJK, NIEUW] + ([BESTAAND] if joinable else [])
        if keuze not in toegestaan:
            fout(self.beslissing, "Kies of de aanmelding ontvankelijk is.")
            return False
        if keuze == NIET_ONTVANKELIJK and not (self.reden.data or "").strip():
            fout(self.reden, "Schrijf waarom de aanmelding niet ontvankelijk is. "
                             "Dit helpt om de aanmelder een passend advies te geven.")
            ok = False
        if keuze == BESTAAND and self.gekozen_dossier(joinable) is None:
            fout(self.dossier, "Kies een van de voorgestelde dossiers.")
            ok = False
        if keuze == NIEUW and teams is not None and self.gekozen_team(teams) is None:
            fout(self.team, "Kies het team dat het dossier opneemt.")
            ok = False
        return ok

    def gekozen_dossier(self, joinable: list[Dossier]) -> Dossier | None:
        return next((d for d in joinable if str(d.id) == self.dossier.data), None)

    def gekozen_team(self, teams: list[Team]) -> Team | None:
        return next((t for t in teams if str(t.id) == self.team.data), None)


class PauzeForm(FlaskForm):
    pauze = RadioField("Neemt het parket deel?", validate_choice=False, choices=[
        ("nee", "Ja, het parket neemt deel"),
        ("ja", "Nee, het parket neemt tijdelijk niet deel"),
    ])

    def check(self) -> bool:
        if self.validate() and self.pauze.data in ("ja", "nee"):
            return True
        self.pauze.errors = ["Kies of het parket deelneemt."]
        return False


class ZoekForm(FlaskForm):
    """The coordinator's name search to link a referral by hand (POST: a name never goes in a URL)."""
    naam = StringField("Naam", filters=[lambda v: (v or "").strip()], validators=[
        DataRequired("Vul een naam in, bijvoorbeeld Peggy Claes of alleen Claes."),
        Length(min=2, max=120, message="Vul een naam in van 2 tot 120 tekens.")])
    geboortedatum = DatumField("Geboortedatum (niet verplicht)")


class OverdrachtForm(FlaskForm):
    """Hand the referral to another team (the choices: every team but its own)."""
    team = SelectField("Aan welk team draagt u de aanmelding over?", choices=[], validate_choice=False)

    @classmethod
    def voor(cls, teams: list[Team]) -> OverdrachtForm:
        form = cls(prefix="overdracht")  # beside the decision form's own "team" field
        form.team.choices = [("", "Kies een team")] + [(str(t.id), t.naam) for t in teams]
        return form

    def check(self, teams: list[Team]) -> Team | None:
        """The chosen team, or None with the error beside the field (foreign ids are refused)."""
        gekozen = next((t for t in teams if str(t.id) == self.team.data), None) if self.validate() else None
        if gekozen is None:
            self.team.errors = list(self.team.errors) + [
                "Kies het team dat de aanmelding verder behandelt."]
        return gekozen
