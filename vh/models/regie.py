"""Casusregie: what the casusregisseur keeps for a dossier from kennismaking to afsluiting.

    Levensdomein, RegieStap     reference data a Veilig Huis adapts (beheerder): the life domains
                                of domain.md §4 and the standard checklist steps per phase
    RegieVinkje                 a checklist step ticked (or undone, with a reason) for one dossier
    Logboek                     contacts and events; a correction is a new row, the old one stays
    Risicoanalyse, RisicoDomein a risk analysis, one row per version, with per domain the worries
                                and the strengths
    Doel, Actie, ActiePersoon,  the plan van aanpak: goals per life domain, actions owned by a
    ActieNotitie, Plan          partner organisation, the persons an action concerns, progress
                                notes, and the cliëntsysteem's own agreements
    Veiligheidsplan, VeiligheidsplanPersoon   the safety plan, one row per version
    Zorgoverleg, ZorgoverlegDeelnemer         a care meeting with the partners of the plan
    Spoorvoorstel               a regisseur's proposal to move the dossier to the other spoor
    Afsluiting                  the closing checklist of a closed dossier

Versioned objects keep every version: a new version is a new row with the next `nummer`; the pair
(dossier, nummer) is unique, so two people saving a new version of the same one at once cannot
both win. Objects edited in place carry `versie` (optimistic locking: save only WHERE versie = the
version the form was loaded with).
"""
from __future__ import annotations

from peewee import (
    BooleanField,
    Case,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
    fn,
)

from vh.keuzes import OPEN_ACTIE_STATUSSEN

from .aanmelding import Persoon
from .basis import BaseModel, Organisatie, User, _id, utcnow
from .dossier import Dossier


# ---------------------------------------------------------------- reference data
class Levensdomein(BaseModel):
    """A life domain of the risk analysis and the plan (domain.md §4)."""
    code = CharField(max_length=40, unique=True)
    naam = CharField(max_length=120)
    volgorde = IntegerField(default=0)
    actief = BooleanField(default=True)

    def __str__(self):
        return self.naam


class RegieStap(BaseModel):
    """A standard step of the regie checklist in one phase (a vh.keuzes.Fase of CASUSREGIE)."""
    fase = CharField(max_length=30, index=True)
    volgorde = IntegerField(default=0)
    tekst = CharField(max_length=200)
    actief = BooleanField(default=True)


class RegieVinkje(BaseModel):
    """A step ticked for a dossier, stamped with who and when. Undoing keeps the row (with who,
    when and why); ticking again adds a new row. The current tick has ongedaan_op NULL."""
    dossier = ForeignKeyField(Dossier, backref="regie_vinkjes", on_delete="CASCADE")
    stap = ForeignKeyField(RegieStap, backref="vinkjes")
    gedaan_door = ForeignKeyField(User, backref="+")
    gedaan_op = DateTimeField(default=utcnow)
    ongedaan_door = ForeignKeyField(User, null=True, backref="+")
    ongedaan_op = DateTimeField(null=True)
    ongedaan_reden = TextField(default="")

    class Meta:
        indexes = ((("dossier", "stap"), False),)


# ---------------------------------------------------------------- logboek
class Logboek(BaseModel):
    """A contact or event (soort: a vh.keuzes.LogboekSoort). A correction is a new row pointing to
    the one it corrects (`vorige`), which is then no longer `actueel`."""
    dossier = ForeignKeyField(Dossier, backref="logboek", on_delete="CASCADE")
    datum = DateField(index=True)
    soort = CharField(max_length=20)
    met_wie = CharField(max_length=200, default="")
    tekst = TextField(default="")
    auteur = ForeignKeyField(User, backref="+")
    aangemaakt_op = DateTimeField(default=utcnow)
    vorige = ForeignKeyField("self", null=True, backref="correcties")
    actueel = BooleanField(default=True, index=True)


# ---------------------------------------------------------------- risicoanalyse
class Risicoanalyse(BaseModel):
    """One version of the risk analysis. Two separate judgements, each a vh.keuzes.Niveau with a
    written reason; the instrument and its version when one was used (never just a score)."""
    dossier = ForeignKeyField(Dossier, backref="risicoanalyses", on_delete="CASCADE")
    nummer = IntegerField()  # 1, 2, …: the version
    veiligheid_nu = CharField(max_length=10)
    veiligheid_nu_reden = TextField()
    risico_termijn = CharField(max_length=10)
    risico_termijn_reden = TextField()
    instrument = CharField(max_length=80, default="")
    instrument_versie = CharField(max_length=40, default="")
    instrument_uitkomst = TextField(default="")
    auteur = ForeignKeyField(User, backref="+")
    aangemaakt_op = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("dossier", "nummer"), True),)


class RisicoDomein(BaseModel):
    """The worries and strengths of one life domain in one version of the risk analysis."""
    analyse = ForeignKeyField(Risicoanalyse, backref="domeinen", on_delete="CASCADE")
    domein = ForeignKeyField(Levensdomein, backref="+")
    zorgen = TextField(default="")
    krachten = TextField(default="")

    class Meta:
        indexes = ((("analyse", "domein"), True),)


# ---------------------------------------------------------------- plan van aanpak
class Plan(BaseModel):
    """The plan van aanpak of a dossier: its goals and actions hang from the dossier; this row
    holds the cliëntsysteem's own agreements."""
    dossier = ForeignKeyField(Dossier, backref="plannen", unique=True, on_delete="CASCADE")
    afspraken = TextField(default="")
    versie = IntegerField(default=1)
    bijgewerkt_door = ForeignKeyField(User, null=True, backref="+")
    bijgewerkt_op = DateTimeField(default=utcnow)


class Doel(BaseModel):
    """A goal of the plan in one life domain, linked to a worry of the risk analysis.
    status: a vh.keuzes.DoelStatus; reached, adjusted or dropped with a reason."""
    dossier = ForeignKeyField(Dossier, backref="doelen", on_delete="CASCADE")
    domein = ForeignKeyField(Levensdomein, backref="+")
    zorg = ForeignKeyField(RisicoDomein, null=True, backref="doelen")
    omschrijving = TextField()
    status = CharField(max_length=20, default="lopend")
    status_reden = TextField(default="")
    aangemaakt_door = ForeignKeyField(User, backref="+")
    aangemaakt_op = DateTimeField(default=utcnow)
    versie = IntegerField(default=1)


class Zorgoverleg(BaseModel):
    """A care meeting with the partners of the plan; the legal basis of sharing as for triage."""
    dossier = ForeignKeyField(Dossier, backref="zorgoverleggen", on_delete="CASCADE")
    datum = DateTimeField(index=True)
    plaats = CharField(max_length=160, default="")
    doel = TextField(default="")
    rechtsgrond = CharField(max_length=300, default="")
    verslag = TextField(default="")  # sanitised HTML
    gehouden = BooleanField(default=False)
    aangemaakt_door = ForeignKeyField(User, backref="+")
    aangemaakt_op = DateTimeField(default=utcnow)
    versie = IntegerField(default=1)


class ZorgoverlegDeelnemer(BaseModel):
    zorgoverleg = ForeignKeyField(Zorgoverleg, backref="deelnemers", on_delete="CASCADE")
    organisatie = ForeignKeyField(Organisatie, null=True, backref="+")
    user = ForeignKeyField(User, null=True, backref="+")
    naam = CharField(max_length=160, default="")  # someone without an account (e.g. the family)


class Actie(BaseModel):
    """An action of a goal, owned by a partner organisation with a contact person and a deadline.
    status: a vh.keuzes.ActieStatus; niet gelukt with a reden (a vh.keuzes.NietGeluktReden)."""
    doel = ForeignKeyField(Doel, backref="acties", on_delete="CASCADE")
    dossier = ForeignKeyField(Dossier, backref="acties", on_delete="CASCADE")  # = doel.dossier
    organisatie = ForeignKeyField(Organisatie, backref="acties", index=True)
    contactpersoon = ForeignKeyField(User, null=True, backref="+")
    omschrijving = TextField()
    deadline = DateField(index=True)
    status = CharField(max_length=20, default="open", index=True)
    reden = CharField(max_length=30, default="")
    toelichting = TextField(default="")
    zorgoverleg = ForeignKeyField(Zorgoverleg, null=True, backref="besluiten")  # decided there
    aangemaakt_door = ForeignKeyField(User, backref="+")
    aangemaakt_op = DateTimeField(default=utcnow)
    afgerond_op = DateTimeField(null=True)
    versie = IntegerField(default=1)

    @classmethod
    def tellingen(cls, dossier) -> dict[str, int]:
        """{"acties": all actions of the dossier, "open_acties": those open or bezig} (one query)."""
        open_ = fn.SUM(Case(None, [(cls.status.in_(list(OPEN_ACTIE_STATUSSEN)), 1)], 0))
        alle, open_n = (cls.select(fn.COUNT(cls.id), open_).where(cls.dossier == _id(dossier))
                        .tuples().get())
        return {"acties": alle or 0, "open_acties": open_n or 0}


class ActiePersoon(BaseModel):
    """A person of the cliëntsysteem an action concerns."""
    actie = ForeignKeyField(Actie, backref="personen", on_delete="CASCADE")
    persoon = ForeignKeyField(Persoon, backref="+", on_delete="CASCADE")

    class Meta:
        indexes = ((("actie", "persoon"), True),)


class ActieNotitie(BaseModel):
    """Progress on an action, by the partner or the regisseur: a note and the status it set."""
    actie = ForeignKeyField(Actie, backref="notities", on_delete="CASCADE")
    auteur = ForeignKeyField(User, backref="+")
    op = DateTimeField(default=utcnow)
    status = CharField(max_length=20)
    tekst = TextField(default="")


# ---------------------------------------------------------------- veiligheidsplan
class Veiligheidsplan(BaseModel):
    """One version of the safety plan, written with the family."""
    dossier = ForeignKeyField(Dossier, backref="veiligheidsplannen", on_delete="CASCADE")
    nummer = IntegerField()
    zorg = TextField(default="")  # the worry in the family's own words
    signalen = TextField(default="")
    veilige_personen = TextField(default="")
    veilige_plaatsen = TextField(default="")
    afspraken = TextField(default="")
    opvolging = TextField(default="")  # who monitors
    evaluatie_op = DateField(null=True)
    auteur = ForeignKeyField(User, backref="+")
    aangemaakt_op = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("dossier", "nummer"), True),)


class VeiligheidsplanPersoon(BaseModel):
    """What one person does when it happens, in one version of the safety plan."""
    plan = ForeignKeyField(Veiligheidsplan, backref="personen", on_delete="CASCADE")
    persoon = ForeignKeyField(Persoon, backref="+", on_delete="CASCADE")
    wat_doen = TextField(default="")

    class Meta:
        indexes = ((("plan", "persoon"), True),)


# ---------------------------------------------------------------- spoor and closure
class Spoorvoorstel(BaseModel):
    """A regisseur proposes spoor 3 (from 2) or spoor 2 (from 3, pilot zone only); it goes back on
    the triage agenda with its reason. uitkomst None: waiting; else aanvaard or geweigerd."""
    dossier = ForeignKeyField(Dossier, backref="spoorvoorstellen", on_delete="CASCADE")
    van_spoor = IntegerField()
    naar_spoor = IntegerField()
    reden = TextField()
    voorgesteld_door = ForeignKeyField(User, backref="+")
    voorgesteld_op = DateTimeField(default=utcnow)
    uitkomst = CharField(max_length=12, null=True)
    beslist_door = ForeignKeyField(User, null=True, backref="+")
    beslist_op = DateTimeField(null=True)
    motivering = TextField(default="")


class Afsluiting(BaseModel):
    """The closing checklist: reden a vh.keuzes.Afsluitreden, and what was checked. A dossier that
    is reopened and closed again gets a new row."""
    dossier = ForeignKeyField(Dossier, backref="afsluitingen", on_delete="CASCADE")
    reden = CharField(max_length=30)
    toelichting = TextField(default="")
    veiligheidsplan_ok = BooleanField(default=False)
    gezin_kan_terugkomen = BooleanField(default=False)
    door = ForeignKeyField(User, backref="+")
    op = DateTimeField(default=utcnow)
