"""The regie checklist: the standard steps of each phase (RegieStap, reference data the beheerder
keeps) ticked for one dossier, each tick stamped with who and when. Undoing needs a reason and
keeps the row (RegieVinkje: ongedaan_door/op/reden); ticking again adds a new row.

Two people ticking the same step at once cannot both win: a tick is added only while the step
has no current tick, an undo only while the tick is still current (a conditional UPDATE)."""
from __future__ import annotations

from dataclasses import dataclass

from peewee import JOIN

from vh import audit
from vh.db import db, is_sqlite
from vh.keuzes import Fase
from vh.models import Dossier, RegieStap, RegieVinkje, User, utcnow
from vh.workflow import CASUSREGIE

REDEN_MAX = 500


class ChecklistFout(Exception):
    """A refused tick or undo; str(error) is the Dutch message beside the step."""

    def __init__(self, message: str, conflict: bool = False):
        super().__init__(message)
        self.conflict = conflict  # someone else changed the step meanwhile (409)


@dataclass
class Stap:
    """One step of the checklist of one dossier, as the screen shows it."""
    stap: RegieStap
    vinkje: RegieVinkje | None  # the current tick (with gedaan_door loaded), or None
    ongedaan: list[RegieVinkje]  # earlier ticks that were undone, newest first

    @property
    def id(self) -> int:
        return self.stap.id

    @property
    def gedaan(self) -> bool:
        return self.vinkje is not None


@dataclass
class Fasestappen:
    fase: str
    label: str
    stappen: list[Stap]
    huidig: bool

    @property
    def open(self) -> list[Stap]:
        return [s for s in self.stappen if not s.gedaan]


def actieve_stappen() -> list[RegieStap]:
    """Every active step, per phase in the order of the process, then by volgorde (one query)."""
    rang = {fase: i for i, fase in enumerate(CASUSREGIE)}
    stappen = list(RegieStap.select().where(RegieStap.actief).order_by(RegieStap.volgorde, RegieStap.id))
    return sorted((s for s in stappen if s.fase in rang), key=lambda s: rang[s.fase])


def huidige_vinkjes(dossier_ids: list[int]) -> dict[int, set[int]]:
    """{dossier id: the ids of its ticked steps} for many dossiers (one query)."""
    result: dict[int, set[int]] = {i: set() for i in dossier_ids}
    if dossier_ids:
        for v in (RegieVinkje.select(RegieVinkje.dossier, RegieVinkje.stap)
                  .where(RegieVinkje.dossier.in_(dossier_ids) & RegieVinkje.ongedaan_op.is_null())):
            result[v.dossier_id].add(v.stap_id)
    return result


def volgende_open(fase: str, stappen: list[RegieStap], gedaan: set[int]) -> RegieStap | None:
    """The first active step of `fase` not ticked yet."""
    return next((s for s in stappen if s.fase == fase and s.id not in gedaan), None)


def checklist(dossier: Dossier) -> list[Fasestappen]:
    """The steps of every phase up to the current one (earlier phases first), with their ticks:
    in three queries whatever the number of steps (steps, ticks with who ticked, who undid)."""
    stappen = actieve_stappen()
    Gedaan, Ongedaan = User.alias(), User.alias()
    vinkjes = list(RegieVinkje.select(RegieVinkje, Gedaan, Ongedaan)
                   .join(Gedaan, on=(RegieVinkje.gedaan_door == Gedaan.id))
                   .switch(RegieVinkje)
                   .join(Ongedaan, JOIN.LEFT_OUTER, on=(RegieVinkje.ongedaan_door == Ongedaan.id))
                   .where(RegieVinkje.dossier == dossier.id)
                   .order_by(RegieVinkje.gedaan_op.desc(), RegieVinkje.id.desc()))
    huidig: dict[int, RegieVinkje] = {}
    ongedaan: dict[int, list[RegieVinkje]] = {}
    for v in vinkjes:
        if v.ongedaan_op is None:
            huidig.setdefault(v.stap_id, v)
        else:
            ongedaan.setdefault(v.stap_id, []).append(v)
    fasen = list(CASUSREGIE)
    tot = fasen.index(dossier.fase) if dossier.fase in fasen else len(fasen) - 1
    return [Fasestappen(fase=f, label=Fase.label_van(f), huidig=f == dossier.fase,
                        stappen=[Stap(s, huidig.get(s.id), ongedaan.get(s.id, [])) for s in stappen
                                 if s.fase == f])
            for f in fasen[:tot + 1]]


def stap_van(dossier: Dossier, stap_id) -> Stap | None:
    """One step of the dossier's checklist (active, of a phase up to the current one), or None."""
    for fase in checklist(dossier):
        for s in fase.stappen:
            if s.id == stap_id:
                return s
    return None


def vink_aan(dossier: Dossier, stap: RegieStap, user) -> RegieVinkje:
    """Tick `stap` for `dossier`, stamped with `user` and now. ChecklistFout(conflict) when it is
    ticked already (by someone else meanwhile)."""
    with db.atomic():
        # Lock the dossier row (PostgreSQL) so two ticks of one step are serialised.
        Dossier.select(Dossier.id).where(Dossier.id == dossier.id).for_update(not is_sqlite()).execute()
        bestaand = (RegieVinkje.select(RegieVinkje, User).join(User, on=(RegieVinkje.gedaan_door == User.id))
                    .where((RegieVinkje.dossier == dossier.id) & (RegieVinkje.stap == stap.id)
                           & RegieVinkje.ongedaan_op.is_null()).first())
        if bestaand:
            raise ChecklistFout(f"Deze stap werd al afgevinkt door {bestaand.gedaan_door.naam}.",
                                conflict=True)
        vinkje = RegieVinkje.create(dossier=dossier, stap=stap, gedaan_door=user)
        audit.record_change("regie.stap_afvinken", vinkje, {"gedaan": False},
                            {"gedaan": True, "stap": stap.id}, user=user)
    return vinkje


def maak_ongedaan(dossier: Dossier, stap: RegieStap, reden: str, user) -> RegieVinkje:
    """Undo the current tick of `stap`, with a reason (kept). ChecklistFout when the reason is
    missing or too long, or (conflict) when the step is not ticked (any more)."""
    reden = (reden or "").strip()
    if not reden:
        raise ChecklistFout("Schrijf waarom u het afvinken ongedaan maakt.")
    if len(reden) > REDEN_MAX:
        raise ChecklistFout(f"De reden is te lang: gebruik hoogstens {REDEN_MAX} tekens.")
    with db.atomic():
        vinkje = (RegieVinkje.select().where((RegieVinkje.dossier == dossier.id) & (RegieVinkje.stap == stap.id)
                                             & RegieVinkje.ongedaan_op.is_null()).first())
        n = 0
        if vinkje:
            n = (RegieVinkje.update(ongedaan_door=user.id, ongedaan_op=utcnow(), ongedaan_reden=reden)
                 .where((RegieVinkje.id == vinkje.id) & RegieVinkje.ongedaan_op.is_null()).execute())
        if not n:
            raise ChecklistFout("Deze stap is niet (meer) afgevinkt: iemand anders maakte het al ongedaan.",
                                conflict=True)
        audit.record_change("regie.stap_ongedaan", vinkje, {"gedaan": True},
                            {"gedaan": False, "stap": stap.id}, user=user)
    return RegieVinkje.get_by_id(vinkje.id)
