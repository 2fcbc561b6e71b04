"""The referral, the people on it (who later also belong to a dossier) and the police inflow."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from peewee import (
    JOIN,
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from vh.keuzes import KIND_ROLLEN, SLACHTOFFER_ROLLEN, AanmeldingStatus, Bron
from vh.tijd import vandaag

from .basis import BaseModel, Gemeente, Organisatie, Team, User, _id, normaliseer_naam, split_list, utcnow
from .dossier import Dossier


class Aanmelding(BaseModel):
    """A referral. A draft ('concept') is visible only to its author (domain rule 1)."""
    nummer = CharField(max_length=20, unique=True, null=True)  # VH-<jaar>-<nr> when submitted
    status = CharField(max_length=20, default=AanmeldingStatus.CONCEPT, index=True)  # an AanmeldingStatus
    bron = CharField(max_length=20, default=Bron.FORMULIER)  # a Bron
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

    def woonplaats(self) -> Gemeente | None:
        """The family's municipality (see Persoon.woonplaats_uit), in one query."""
        return Persoon.woonplaats_van(aanmelding=self)


def _gemeente_als_gekend(p: Persoon) -> Gemeente | None:
    return p.gemeente if p.gemeente_id else None


class Persoon(BaseModel):
    """A member of the cliëntsysteem, first on a referral, then (also) in a dossier."""
    aanmelding = ForeignKeyField(Aanmelding, null=True, backref="personen", on_delete="CASCADE")
    dossier = ForeignKeyField(Dossier, null=True, backref="personen")
    voornaam = CharField(max_length=80)
    achternaam = CharField(max_length=80)
    naam_norm = CharField(max_length=160, index=True, default="")  # voornaam+achternaam, normalised
    geboortedatum = DateField(null=True, index=True)  # "already known?" looks persons up by it
    geslacht = CharField(max_length=1, default="")  # a Geslacht
    rol = CharField(max_length=30)  # a ClientRol
    straat = CharField(max_length=160, default="")
    postcode = CharField(max_length=10, default="")
    gemeente = ForeignKeyField(Gemeente, null=True, backref="+")
    woonplaats = CharField(max_length=80, default="")  # the municipality's name without a Gemeente row
    relatie = CharField(max_length=200, default="")
    school = CharField(max_length=160, default="")
    taal = CharField(max_length=80, default="")  # the language this person speaks
    tolk_nodig = BooleanField(default=False)
    geanonimiseerd = BooleanField(default=False)

    def save(self, *args, **kwargs):
        self.naam_norm = normaliseer_naam(self.voornaam) + " " + normaliseer_naam(self.achternaam)
        return super().save(*args, **kwargs)

    @property
    def naam(self) -> str:
        return f"{self.voornaam} {self.achternaam}"

    @property
    def woonplaats_label(self) -> str:
        """Where the person lives, for display: the Gemeente's label ("3010 Kessel-Lo (Leuven)"),
        else postcode and the typed municipality ("1000 Brussel"), else what is known, or ""."""
        if self.gemeente_id:
            return self.gemeente.label
        return " ".join(v for v in (self.postcode, self.woonplaats) if v)

    @property
    def initialen(self) -> str:
        return "".join(p[0].upper() for p in (self.voornaam, self.achternaam) if p)

    @property
    def is_kind(self) -> bool:
        return self.rol in KIND_ROLLEN

    @property
    def is_slachtoffer(self) -> bool:
        return self.rol in SLACHTOFFER_ROLLEN

    def leeftijd(self, op: dt.date | None = None) -> int | None:
        if not self.geboortedatum:
            return None
        op = op or vandaag()
        g = self.geboortedatum
        return op.year - g.year - ((op.month, op.day) < (g.month, g.day))

    @classmethod
    def van(cls, aanmelding=None, dossier=None):
        """The persons of a referral or of a dossier, each with its Gemeente loaded (LEFT OUTER
        JOIN), so `p.gemeente.gemeente` costs no extra query; ordered by id.

        Give exactly one of `aanmelding` or `dossier`: an instance, an id, or a list of them
        (the persons of many at once, e.g. a board). Returns a query: add `.order_by(...)` for
        another order, or `.where(...)` to narrow it."""
        if (aanmelding is None) == (dossier is None):
            raise TypeError("Persoon.van: geef aanmelding óf dossier")
        veld, waarde = (cls.aanmelding, aanmelding) if aanmelding is not None else (cls.dossier, dossier)
        if isinstance(waarde, (list, tuple, set, frozenset)):
            voorwaarde = veld.in_([_id(w) for w in waarde])
        else:
            voorwaarde = veld == _id(waarde)
        return (cls.select(cls, Gemeente)
                .join(Gemeente, JOIN.LEFT_OUTER, on=(cls.gemeente == Gemeente.id))
                .where(voorwaarde).order_by(cls.id))

    @staticmethod
    def woonplaats_uit(personen: Iterable,
                       gemeente_van: Callable[[object], Gemeente | None] = _gemeente_als_gekend,
                       ) -> Gemeente | None:
        """THE rule for where a family lives: the municipality of the first victim (in the given
        order) with a known municipality, else of the first person with one, else None.

        Works on anything with a `rol` (persons in memory, rows of the police import that have
        no Persoon yet); `gemeente_van` gives an item's municipality or None."""
        personen = list(personen)
        slachtoffers = [p for p in personen if p.rol in SLACHTOFFER_ROLLEN]
        for kandidaten in (slachtoffers, personen):
            for p in kandidaten:
                gemeente = gemeente_van(p)
                if gemeente is not None:
                    return gemeente
        return None

    @classmethod
    def woonplaats_van(cls, aanmelding=None, dossier=None) -> Gemeente | None:
        """The family's municipality of a referral or dossier (instance or id), in one query."""
        return cls.woonplaats_uit(cls.van(aanmelding=aanmelding, dossier=dossier))


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
