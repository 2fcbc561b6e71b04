"""The base of every model, reference data, organisations, users and teams, and the counter of
every gapless number."""
from __future__ import annotations

from flask_login import UserMixin
from peewee import BooleanField, CharField, DateTimeField, ForeignKeyField, IntegerField, Model, Value

from vh.db import db
from vh.keuzes import ORGANISATIE_TYPES, ROLLEN, MeldingVoorkeur
from vh.tekst import normaliseer_naam  # noqa: F401 (re-exported: the models' name rule)
from vh.tijd import utcnow  # noqa: F401 (re-exported)


def split_list(value: str | None) -> list[str]:
    """Multi-valued choice fields are stored as '|'-separated text (portable, queryable)."""
    return [v for v in (value or "").split("|") if v]


def join_list(values) -> str:
    return "|".join(v for v in values if v)


def _id(obj) -> int | None:
    """A model instance or its id → the id."""
    return getattr(obj, "id", obj)


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
    # The sender of its letters (the letterhead): where the Veilig Huis can be reached.
    straat = CharField(max_length=120, default="")
    postcode = CharField(max_length=4, default="")
    gemeente = CharField(max_length=80, default="")
    telefoon = CharField(max_length=40, default="")
    email = CharField(max_length=254, default="")

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
    type = CharField(max_length=20)  # a vh.keuzes.OrganisatieType
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
    rollen = CharField(max_length=200, default="")  # '|'-separated vh.keuzes.Rol values
    organisatie = ForeignKeyField(Organisatie, backref="users", null=True)
    actief = BooleanField(default=True)
    totp_secret = CharField(max_length=64, null=True)  # two-factor login, later
    aangemaakt_op = DateTimeField(default=utcnow)
    laatst_ingelogd = DateTimeField(null=True)
    # The notifications that may wait (keuzes.MELDING_BUNDELBAAR): at once or in a daily overview.
    meldingen = CharField(max_length=10, default=MeldingVoorkeur.DIRECT)  # a MeldingVoorkeur

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
    """Gapless counters, one row per (soort, jaar): the yearly reference numbers (VH-2026-0001,
    D-2026-0001) and, with jaar 0, the audit chain's event count."""
    soort = CharField(max_length=10)
    jaar = IntegerField()
    laatste = IntegerField(default=0)

    class Meta:
        indexes = ((("soort", "jaar"), True),)

    @classmethod
    def volgende_nr(cls, soort: str, *, jaar: int | None = None, aantal: int = 1) -> int:
        """Take the next `aantal` numbers of counter (`soort`, `jaar`; this year by default) and
        return the last one taken: the numbers are `nr - aantal + 1 … nr`.

        The UPDATE takes the counter's row lock (PostgreSQL) or the write lock (SQLite) and keeps
        it until the surrounding transaction ends, so concurrent callers are served one after
        the other and never get the same number; call it inside the transaction that uses the
        numbers, so a rollback gives them back and no gap appears."""
        if aantal < 1:
            raise ValueError("aantal moet minstens 1 zijn")
        jaar = utcnow().year if jaar is None else jaar
        rij = (cls.soort == soort) & (cls.jaar == jaar)
        with db.atomic():
            cls.insert(soort=soort, jaar=jaar, laatste=0).on_conflict_ignore().execute()
            update = cls.update(laatste=cls.laatste + aantal).where(rij)
            if db.returning_clause:  # PostgreSQL: UPDATE … RETURNING, one round trip
                return update.returning(cls.laatste).tuples().execute()[0][0]
            update.execute()  # SQLite: read back our own write inside the same transaction
            return cls.select(cls.laatste).where(rij).scalar()

    @classmethod
    def volgende(cls, soort: str, prefix: str) -> str:
        """The next reference number of this year: volgende("dossier", "D") → 'D-2026-0007'."""
        return cls.reeks(soort, prefix, 1)[0]

    @classmethod
    def reeks(cls, soort: str, prefix: str, aantal: int) -> list[str]:
        """`aantal` consecutive reference numbers of this year at once (bulk import)."""
        if aantal <= 0:
            return []
        jaar = utcnow().year
        laatste = cls.volgende_nr(soort, jaar=jaar, aantal=aantal)
        return [f"{prefix}-{jaar}-{nr:04d}" for nr in range(laatste - aantal + 1, laatste + 1)]


class RolAanvraag(BaseModel):
    """A role that needs a second person (vh/beheer/rollen.MET_BEVESTIGING), asked by a beheerder
    and not active until another beheerder or the DPO confirms it; never decided by its requester
    or by the user concerned. `uitkomst` None: waiting; else bevestigd, geweigerd or ingetrokken."""
    user = ForeignKeyField(User, backref="rolaanvragen", on_delete="CASCADE")
    rol = CharField(max_length=20)
    aangevraagd_door = ForeignKeyField(User, null=True)  # None: the command line
    aangevraagd_op = DateTimeField(default=utcnow)
    uitkomst = CharField(max_length=12, null=True)
    beslist_door = ForeignKeyField(User, null=True)
    beslist_op = DateTimeField(null=True)

    @classmethod
    def openstaand(cls):
        return cls.select().where(cls.uitkomst.is_null())


class WachtwoordLink(BaseModel):
    """A one-time link to set a first or new password (/wachtwoord/<token>). Only the token's
    sha256 is stored; it works once (gebruikt_op) and until verloopt_op."""
    user = ForeignKeyField(User, backref="wachtwoordlinks", on_delete="CASCADE")
    token_hash = CharField(max_length=64, unique=True)
    aangemaakt_door = ForeignKeyField(User, null=True)  # None: the command line
    aangemaakt_op = DateTimeField(default=utcnow)
    verloopt_op = DateTimeField()
    gebruikt_op = DateTimeField(null=True)
