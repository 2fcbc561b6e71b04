"""Forms of the beheer screens: users, organisations, the teams' letterhead and the casusregie
reference data.

Choice fields use string values and refuse anything outside their choices with a Dutch message,
so a tampered form gets a clean 422 with the error beside the field, never a 500."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import EmailField, StringField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from vh.forms import KeuzeVeld, MultiCheckboxField, email_geldig
from vh.models import ORGANISATIE_TYPES, ROLLEN, Organisatie, Team, User

from .teams import BRIEFHOOFD


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

    def __init__(self, *args, organisaties, teams, eigen: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisatie.choices = [("", "Kies een organisatie")] + [(str(o.id), o.naam) for o in organisaties]
        self.teams.choices = [(str(t.id), t.naam) for t in teams]
        if eigen:  # one's own roles are not changed here (access "gebruiker.rollen")
            del self.rollen

    @classmethod
    def voor(cls, user: User | None, *, organisaties, teams, vul_in: bool, wachtend=(),
             eigen: bool = False) -> GebruikerForm:
        """The form for a new account (`user` None) or for `user`, filled in from it when
        `vul_in` (a GET; a POST reads what was sent); the roles that wait for a second person
        (`wachtend`) are ticked too. `eigen`: the beheerder's own account, without roles."""
        data = None
        if user is not None and vul_in:
            data = {"naam": user.naam, "email": user.email, "functie": user.functie,
                    "telefoon": user.telefoon, "organisatie": str(user.organisatie_id or ""),
                    "rollen": sorted(user.roles | set(wachtend), key=list(ROLLEN).index),
                    "teams": [str(t) for t in user.team_ids]}
        return cls(organisaties=organisaties, teams=teams, eigen=eigen, data=data)

    def velden(self) -> dict:
        """The validated values, as `gebruikers.maak`/`bewerk` take them (rollen None: unchanged)."""
        return {"naam": self.naam.data.strip(), "email": self.email.data.strip().lower(),
                "functie": (self.functie.data or "").strip(),
                "telefoon": (self.telefoon.data or "").strip(),
                "organisatie": int(self.organisatie.data),
                "rollen": list(self.rollen.data) if "rollen" in self else None,
                "teams": [int(t) for t in self.teams.data]}

    def validate_organisatie(self, field):
        if not field.data:
            raise ValidationError("Kies de organisatie van deze persoon.")

    def validate_rollen(self, field):
        if not field.data:
            raise ValidationError("Kies minstens één rol.")


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

    @classmethod
    def voor(cls, org: Organisatie | None, *, arrondissementen, politiezones,
             vul_in: bool) -> OrganisatieForm:
        data = None
        if org is not None and vul_in:
            data = {"naam": org.naam, "type": org.type, "arrondissement": org.arrondissement or "",
                    "politiezone_nr": org.politiezone_nr or ""}
        return cls(arrondissementen=arrondissementen, politiezones=politiezones, data=data)

    def velden(self) -> dict:
        return {"naam": self.naam.data.strip(), "type": self.type.data,
                "arrondissement": self.arrondissement.data or None,
                "politiezone_nr": self.politiezone_nr.data or None}

    def validate_type(self, field):
        if not field.data:
            raise ValidationError("Kies de soort organisatie.")


class TeamForm(FlaskForm):
    """The sender of the team's letters. Each field may stay empty; the letter then leaves it out."""
    straat = StringField("Straat en huisnummer", validators=[
        Optional(), Length(max=120, message="De straat mag maximaal 120 tekens hebben.")])
    postcode = StringField("Postcode", validators=[Optional()])
    gemeente = StringField("Gemeente", validators=[
        Optional(), Length(max=80, message="De gemeente mag maximaal 80 tekens hebben.")])
    telefoon = StringField("Telefoon", validators=[
        Optional(), Length(max=40, message="Het telefoonnummer mag maximaal 40 tekens hebben.")])
    email = EmailField("E-mailadres", validators=[
        Optional(), Length(max=254, message="Dit e-mailadres is te lang (maximaal 254 tekens)."),
        email_geldig()])

    @classmethod
    def voor(cls, team: Team, *, vul_in: bool) -> TeamForm:
        return cls(data={veld: getattr(team, veld) for veld in BRIEFHOOFD} if vul_in else None)

    def velden(self) -> dict:
        return {veld: (self[veld].data or "").strip() for veld in BRIEFHOOFD}

    def validate_postcode(self, field):
        if field.data and not (len(field.data.strip()) == 4 and field.data.strip().isdigit()):
            raise ValidationError("Een postcode heeft 4 cijfers, bijvoorbeeld 3000.")


class ReferentieForm(FlaskForm):
    """A checklist step (with its phase, when new) or a life domain."""
    tekst = StringField("Tekst", validators=[Length(max=200, message="Gebruik hoogstens 200 tekens.")])
    fase = KeuzeVeld("Fase", fout="Kies de fase waarin de stap hoort.")

    def __init__(self, *args, label: str = "Tekst", fasen=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.tekst.label.text = label
        if fasen is None:
            del self.fase
        else:
            self.fase.choices = list(fasen)
