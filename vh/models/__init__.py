"""Every Peewee model of vh, with the queries that belong to it.

Domain nouns are Dutch (domain.md §7). Times are stored as naive UTC (`utcnow()`) and shown in
Brussels time by the `datum` filters. Every state change is stamped with who and when: the
`Overgang` table holds one row per dossier transition, so lead times can be reported.
"""
from __future__ import annotations

import datetime as dt
import unicodedata

from flask_login import UserMixin
from peewee import (
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
    Value,
)

from vh.db import db
from vh.keuzes import (  # noqa: F401  (re-exported: `from vh.models import ROLLEN` keeps working)
    CLIENT_ROLLEN,
    GESLACHTEN,
    GEWELDSVORMEN,
    IFG_VORMEN,
    KIND_ROLLEN,
    ORGANISATIE_TYPES,
    ROLLEN,
    SLACHTOFFER_ROLLEN,
)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)


def split_list(value: str | None) -> list[str]:
    """Multi-valued choice fields are stored as '|'-separated text (portable, queryable)."""
    return [v for v in (value or "").split("|") if v]


def join_list(values) -> str:
    return "|".join(v for v in values if v)


def normaliseer_naam(tekst: str | None) -> str:
    """Lower case, no accents, no spaces or hyphens: 'Van den Broeck-Sélis' → 'vandenbroeckselis'."""
    tekst = unicodedata.normalize("NFKD", tekst or "")
    tekst = "".join(c for c in tekst if not unicodedata.combining(c))
    return "".join(c for c in tekst.lower() if c.isalnum())


class BaseModel(Model):
    class Meta:
        database = db
        legacy_table_names = False


# ---------------------------------------------------------------- reference data
class Gemeente(BaseModel):
    """One postcode + locality of Vlaams-Brabant (vh/data/vlaams-brabant.csv)."""
    postcode = CharField(max_length=4, index=True)
    deelgemeente = CharField(max_length=80)
    gemeente = CharField(max_length=80)
    politiezone_nr = CharField(max_length=4)
    politiezone = CharField(max_length=80)
    arrondissement = CharField(max_length=40)
    pilootzone = BooleanField(default=False)

    class Meta:
        indexes = ((("postcode", "deelgemeente"), True),)

    @property
    def label(self) -> str:
        if self.deelgemeente == self.gemeente:
            return f"{self.postcode} {self.gemeente}"
        return f"{self.postcode} {self.deelgemeente} ({self.gemeente})"

    @classmethod
    def for_postcode(cls, postcode: str):
        return list(cls.select().where(cls.postcode == (postcode or "").strip()).order_by(cls.deelgemeente))


class Team(BaseModel):
    """A Veilig Huis team; serves the arrondissements listed in TeamArrondissement."""
    naam = CharField(max_length=120, unique=True)
    # "het parket neemt tijdelijk niet deel": no new parket requests, no new information sharing.
    parket_pauze = BooleanField(default=False)
    parket_pauze_sinds = DateTimeField(null=True)

    def __str__(self):
        return self.naam

    @property
    def arrondissementen(self) -> list[str]:
        return [ta.arrondissement for ta in self.arrondissement_links.order_by(TeamArrondissement.arrondissement)]

    @classmethod
    def for_arrondissement(cls, arrondissement: str):
        return (cls.select().join(TeamArrondissement)
                .where(TeamArrondissement.arrondissement == arrondissement).first())


class TeamArrondissement(BaseModel):
    team = ForeignKeyField(Team, backref="arrondissement_links", on_delete="CASCADE")
    arrondissement = CharField(max_length=40, unique=True)


class Organisatie(BaseModel):
    naam = CharField(max_length=160, unique=True)
    type = CharField(max_length=20)
    # Where it works: a parket serves an arrondissement; a police zone or local government a zone.
    arrondissement = CharField(max_length=40, null=True)
    politiezone_nr = CharField(max_length=4, null=True)
    actief = BooleanField(default=True)

    def __str__(self):
        return self.naam

    @property
    def type_label(self) -> str:
        return ORGANISATIE_TYPES.get(self.type, self.type)

    @property
    def in_pilootzone(self) -> bool:
        return bool(self.politiezone_nr) and Gemeente.select().where(
            (Gemeente.politiezone_nr == self.politiezone_nr) & Gemeente.pilootzone).exists()


class User(UserMixin, BaseModel):
    email = CharField(max_length=254, unique=True)
    naam = CharField(max_length=120)
    functie = CharField(max_length=120, default="")
    telefoon = CharField(max_length=40, default="")
    password_hash = CharField(max_length=255)
    rollen = CharField(max_length=200, default="")  # '|'-separated keys of ROLLEN
    organisatie = ForeignKeyField(Organisatie, backref="users", null=True)
    actief = BooleanField(default=True)
    totp_secret = CharField(max_length=64, null=True)  # two-factor login, later
    aangemaakt_op = DateTimeField(default=utcnow)
    laatst_ingelogd = DateTimeField(null=True)

    def __str__(self):
        return self.naam

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive users
        return self.actief

    @property
    def roles(self) -> set[str]:
        return set(split_list(self.rollen))

    def has(self, *roles: str) -> bool:
        return bool(self.roles & set(roles))

    @property
    def rollen_labels(self) -> list[str]:
        return [ROLLEN[r] for r in ROLLEN if r in self.roles]

    @property
    def teams(self) -> list[Team]:
        return list(Team.select().join(UserTeam).where(UserTeam.user == self).order_by(Team.naam))

    @property
    def team_ids(self) -> list[int]:
        return [ut.team_id for ut in UserTeam.select(UserTeam.team).where(UserTeam.user == self)]

    @classmethod
    def with_role(cls, role: str):
        """Active users holding `role` ('|'-bounded match, so 'partner' never matches 'kernpartner')."""
        padded = Value("|").concat(cls.rollen).concat("|")
        return cls.select().where(cls.actief & padded.contains(f"|{role}|"))


class UserTeam(BaseModel):
    """Veilig Huis staff work for one or more teams."""
    user = ForeignKeyField(User, backref="team_links", on_delete="CASCADE")
    team = ForeignKeyField(Team, backref="user_links", on_delete="CASCADE")

    class Meta:
        indexes = ((("user", "team"), True),)


class Nummering(BaseModel):
    """Gapless yearly sequences for reference numbers (VH-2026-0001, D-2026-0001)."""
    soort = CharField(max_length=10)
    jaar = IntegerField()
    laatste = IntegerField(default=0)

    class Meta:
        indexes = ((("soort", "jaar"), True),)

    @classmethod
    def volgende(cls, soort: str, prefix: str) -> str:
        jaar = utcnow().year
        with db.atomic():
            cls.insert(soort=soort, jaar=jaar, laatste=0).on_conflict_ignore().execute()
            # The UPDATE takes the row lock, so two concurrent submits never get the same number.
            cls.update(laatste=cls.laatste + 1).where((cls.soort == soort) & (cls.jaar == jaar)).execute()
            nr = cls.get((cls.soort == soort) & (cls.jaar == jaar)).laatste
        return f"{prefix}-{jaar}-{nr:04d}"


# ---------------------------------------------------------------- the dossier and its people
class Dossier(BaseModel):
    """One cliëntsysteem: everyone around one situation of violence."""
    nummer = CharField(max_length=20, unique=True)
    team = ForeignKeyField(Team, backref="dossiers")
    fase = CharField(max_length=30, index=True, default="nieuw")  # see vh/workflow.py
    spoor = IntegerField(null=True)  # 2 or 3 once decided
    regisseur = ForeignKeyField(User, backref="regie_dossiers", null=True)
    pilootzone = BooleanField(default=False)  # derived from the persons' municipality
    acuut = BooleanField(default=False)
    ifg_vormen = CharField(max_length=200, default="")
    fase_sinds = DateTimeField(default=utcnow)
    aangemaakt_op = DateTimeField(default=utcnow)
    aangemaakt_door = ForeignKeyField(User, null=True, backref="+")
    afgesloten_op = DateTimeField(null=True)
    afsluitreden = CharField(max_length=200, null=True)
    geanonimiseerd_op = DateTimeField(null=True)

    def __str__(self):
        return self.nummer

    @property
    def vormen(self) -> list[str]:
        return split_list(self.ifg_vormen)


class Aanmelding(BaseModel):
    """A referral. A draft ('concept') is visible only to its author (domain rule 1)."""
    nummer = CharField(max_length=20, unique=True, null=True)  # VH-<jaar>-<nr> when submitted
    status = CharField(max_length=20, default="concept", index=True)  # concept, ingediend, ontvankelijk, niet_ontvankelijk
    bron = CharField(max_length=20, default="formulier")  # formulier, politie-kort, politie-instroom
    auteur = ForeignKeyField(User, backref="aanmeldingen")
    organisatie = ForeignKeyField(Organisatie, null=True, backref="aanmeldingen")
    team = ForeignKeyField(Team, null=True, backref="aanmeldingen")
    dossier = ForeignKeyField(Dossier, null=True, backref="aanmeldingen")
    # who refers (prefilled from the account, editable)
    aanmelder_naam = CharField(max_length=120, default="")
    aanmelder_functie = CharField(max_length=120, default="")
    aanmelder_telefoon = CharField(max_length=40, default="")
    aanmelder_email = CharField(max_length=254, default="")
    # what happened
    ifg_vormen = CharField(max_length=200, default="")
    geweldsvormen = CharField(max_length=100, default="")
    recent_incident = TextField(default="")
    datum_incident = DateField(null=True)
    eerdere_incidenten = TextField(default="")
    politie_betrokken = BooleanField(null=True)
    pv_nummers = CharField(max_length=400, default="")
    # help so far
    hulpverlening = TextField(default="")
    hulp_vastgelopen = TextField(default="")
    # admission criteria and the question
    criterium_complex = BooleanField(default=False)
    criterium_complex_uitleg = TextField(default="")
    criterium_zorgwekkend = BooleanField(default=False)
    criterium_zorgwekkend_uitleg = TextField(default="")
    criterium_ketenaanpak = BooleanField(default=False)
    criterium_ketenaanpak_uitleg = TextField(default="")
    vraag = TextField(default="")
    # consent and safety
    gezin_op_de_hoogte = BooleanField(null=True)
    waarom_niet_op_de_hoogte = TextField(default="")
    veilig_contact = TextField(default="")
    pleger_contacteren = BooleanField(null=True)
    taal = CharField(max_length=80, default="")
    tolk_nodig = BooleanField(default=False)
    # routing
    buiten_vlaams_brabant = BooleanField(default=False)
    pilootzone = BooleanField(default=False)
    # stamps
    aangemaakt_op = DateTimeField(default=utcnow)
    gewijzigd_op = DateTimeField(default=utcnow, index=True)
    ingediend_op = DateTimeField(null=True)
    behandeld_op = DateTimeField(null=True)
    behandeld_door = ForeignKeyField(User, null=True, backref="+")
    reden_niet_ontvankelijk = TextField(default="")

    @property
    def vormen(self) -> list[str]:
        return split_list(self.ifg_vormen)


class Persoon(BaseModel):
    """A member of the cliëntsysteem, first on a referral, then (also) in a dossier."""
    aanmelding = ForeignKeyField(Aanmelding, null=True, backref="personen", on_delete="CASCADE")
    dossier = ForeignKeyField(Dossier, null=True, backref="personen")
    voornaam = CharField(max_length=80)
    achternaam = CharField(max_length=80)
    naam_norm = CharField(max_length=160, index=True, default="")  # voornaam+achternaam, normalised
    geboortedatum = DateField(null=True)
    geslacht = CharField(max_length=1, default="")
    rol = CharField(max_length=30)
    straat = CharField(max_length=160, default="")
    postcode = CharField(max_length=10, default="")
    gemeente = ForeignKeyField(Gemeente, null=True, backref="+")
    relatie = CharField(max_length=200, default="")
    school = CharField(max_length=160, default="")
    geanonimiseerd = BooleanField(default=False)

    def save(self, *args, **kwargs):
        self.naam_norm = normaliseer_naam(self.voornaam) + " " + normaliseer_naam(self.achternaam)
        return super().save(*args, **kwargs)

    @property
    def naam(self) -> str:
        return f"{self.voornaam} {self.achternaam}"

    @property
    def initialen(self) -> str:
        return "".join(p[0].upper() for p in (self.voornaam, self.achternaam) if p)

    @property
    def is_kind(self) -> bool:
        return self.rol in KIND_ROLLEN

    def leeftijd(self, op: dt.date | None = None) -> int | None:
        if not self.geboortedatum:
            return None
        op = op or dt.date.today()
        g = self.geboortedatum
        return op.year - g.year - ((op.month, op.day) < (g.month, g.day))


class Overgang(BaseModel):
    """A dossier transition, stamped: who moved it from which phase to which, and when."""
    dossier = ForeignKeyField(Dossier, backref="overgangen", on_delete="CASCADE")
    van = CharField(max_length=30, null=True)
    naar = CharField(max_length=30)
    actie = CharField(max_length=40)
    door = ForeignKeyField(User, null=True, backref="+")
    op = DateTimeField(default=utcnow, index=True)
    toelichting = TextField(default="")


# ---------------------------------------------------------------- parket, triage, besluit
class Parketcheck(BaseModel):
    dossier = ForeignKeyField(Dossier, backref="parketchecks", on_delete="CASCADE")
    gevraagd_door = ForeignKeyField(User, backref="+")
    gevraagd_op = DateTimeField(default=utcnow)
    beantwoord_door = ForeignKeyField(User, null=True, backref="+")
    beantwoord_op = DateTimeField(null=True)
    uitkomst = CharField(max_length=20, null=True)  # akkoord, beperkingen, bezwaar
    beperkingen = TextField(default="")
    reden = TextField(default="")


class Overleg(BaseModel):
    """A triage overleg of the kernpartners, chaired by a coordinator."""
    team = ForeignKeyField(Team, backref="overleggen")
    datum = DateTimeField(index=True)
    plaats = CharField(max_length=160, default="")
    voorzitter = ForeignKeyField(User, null=True, backref="+")
    afgesloten = BooleanField(default=False)
    aangemaakt_op = DateTimeField(default=utcnow)


class OverlegDeelnemer(BaseModel):
    overleg = ForeignKeyField(Overleg, backref="deelnemers", on_delete="CASCADE")
    user = ForeignKeyField(User, backref="overleg_links")

    class Meta:
        indexes = ((("overleg", "user"), True),)


class Agendapunt(BaseModel):
    overleg = ForeignKeyField(Overleg, backref="agenda", on_delete="CASCADE")
    dossier = ForeignKeyField(Dossier, backref="agendapunten")
    volgorde = IntegerField(default=0)
    bespreking = TextField(default="")  # the coordinator's notes (dossierbespreking)
    besproken = BooleanField(default=False)

    class Meta:
        indexes = ((("overleg", "dossier"), True),)


class Bijdrage(BaseModel):
    """Need-to-know information of a kernpartner (dossiervorming). Corrections add a new version."""
    dossier = ForeignKeyField(Dossier, backref="bijdragen")
    overleg = ForeignKeyField(Overleg, null=True, backref="bijdragen")
    auteur = ForeignKeyField(User, backref="+")
    organisatie = ForeignKeyField(Organisatie, null=True, backref="+")
    inhoud = TextField()  # sanitised HTML (bleach)
    rechtsgrond = CharField(max_length=300)
    deelnemers = TextField(default="")  # who took part, as recorded at the time
    aangemaakt_op = DateTimeField(default=utcnow)
    vorige = ForeignKeyField("self", null=True, backref="correcties")
    actueel = BooleanField(default=True, index=True)


class Besluit(BaseModel):
    """A decision on a dossier, or on a referral that was not admissible (then without dossier)."""
    dossier = ForeignKeyField(Dossier, null=True, backref="besluiten")
    aanmelding = ForeignKeyField(Aanmelding, null=True, backref="besluiten")
    overleg = ForeignKeyField(Overleg, null=True, backref="besluiten")
    uitkomst = CharField(max_length=20)  # advies, spoor2, spoor3, niet_ontvankelijk
    regisseur = ForeignKeyField(User, null=True, backref="+")
    motivering = TextField(default="")
    beslist_door = ForeignKeyField(User, backref="+")
    beslist_op = DateTimeField(default=utcnow, index=True)


class Brief(BaseModel):
    """A letter to the referrer. Once sent it is frozen: `html` never changes again."""
    aanmelding = ForeignKeyField(Aanmelding, backref="brieven")
    dossier = ForeignKeyField(Dossier, null=True, backref="brieven")
    aan = ForeignKeyField(User, backref="brieven")
    onderwerp = CharField(max_length=200)
    inhoud = TextField()  # sanitised HTML body, editable while a draft
    html = TextField(default="")  # the complete frozen letter once sent
    aangemaakt_op = DateTimeField(default=utcnow)
    verzonden_op = DateTimeField(null=True)
    verzonden_door = ForeignKeyField(User, null=True, backref="+")


# ---------------------------------------------------------------- systematic police inflow
class PvNummer(BaseModel):
    """A PV number that reached the Veilig Huis: the unique constraint makes the police inflow
    idempotent (a PV already linked to a referral is never imported a second time)."""
    nummer = CharField(max_length=40, unique=True)
    aanmelding = ForeignKeyField(Aanmelding, backref="pv_links", on_delete="CASCADE")
    aangemaakt_op = DateTimeField(default=utcnow)


class PolitieImport(BaseModel):
    """One upload of the police inflow: its counts and the problems per line, so the result can
    be shown after the redirect. Holds no names: messages quote codes and dates only."""
    user = ForeignKeyField(User, backref="+")
    op = DateTimeField(default=utcnow)
    rijen = IntegerField(default=0)
    nieuw = IntegerField(default=0)
    al_ingevoerd = IntegerField(default=0)
    afgekeurd = IntegerField(default=0)
    lege_regels = IntegerField(default=0)
    fouten = TextField(default="")  # JSON: [[regel, pv, bericht], ...]


# ---------------------------------------------------------------- audit
class AuditEvent(BaseModel):
    """Append-only and hash-chained: see vh/audit.py. No foreign keys, so nothing cascades into it."""
    op = DateTimeField(default=utcnow, index=True)
    user_id = IntegerField(null=True, index=True)
    user_email = CharField(max_length=254, default="")
    actie = CharField(max_length=60)
    object_type = CharField(max_length=40, default="")
    object_id = IntegerField(null=True)
    dossier_id = IntegerField(null=True, index=True)
    ip = CharField(max_length=64, default="")
    details = TextField(default="")  # JSON: for a change the old and new values
    prev_hash = CharField(max_length=64, default="")
    hash = CharField(max_length=64)


MODELS = [
    Gemeente, Team, TeamArrondissement, Organisatie, User, UserTeam, Nummering, Dossier,
    Aanmelding, Persoon, Overgang, Parketcheck, Overleg, OverlegDeelnemer, Agendapunt, Bijdrage,
    Besluit, Brief, PvNummer, PolitieImport, AuditEvent,
]
