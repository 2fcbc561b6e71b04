"""Mijn werk: the regisseur's running dossiers with their phase, the next open step of the
checklist, overdue actions, the next zorgoverleg and the flags of domain rule 5 (spoor 2 past
6 months and spoor 3 past 12 months since the decision: review; afronding past 6 months:
closure). One page in a fixed number of queries, whatever the number of dossiers."""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

from peewee import fn

from vh import access
from vh.keuzes import OPEN_ACTIE_STATUSSEN
from vh.models import Actie, Dossier, Overgang, RegieStap, Team, Zorgoverleg
from vh.tijd import dag_van, utcnow, vandaag
from vh.workflow import CASUSREGIE

from .checklist import actieve_stappen, huidige_vinkjes, volgende_open

PER_PAGINA = 25
# Domain rule 5: months after the decision before a review, per spoor; months in afronding.
HERZIEN_NA = {2: 6, 3: 12}
AFSLUITEN_NA = 6
BESLUIT_ACTIES = ("besluit_spoor2", "besluit_spoor3", "opschalen", "afschalen")


def maanden_terug(n: int, op: dt.date | None = None) -> dt.date:
    """The same day `n` months before `op` (the month's last day when it is shorter)."""
    op = op or vandaag()
    maand = op.month - n
    jaar = op.year + (maand - 1) // 12
    maand = (maand - 1) % 12 + 1
    return dt.date(jaar, maand, min(op.day, calendar.monthrange(jaar, maand)[1]))


@dataclass
class Rij:
    dossier: Dossier
    volgende_stap: RegieStap | None
    te_laat: int = 0  # overdue actions
    zorgoverleg: dt.datetime | None = None  # the next one
    besluit_op: dt.datetime | None = None
    vlaggen: list[tuple[str, str]] = field(default_factory=list)  # (kind, Dutch text)


def vlaggen(d: Dossier, besluit_op: dt.datetime | None, vandaag_: dt.date | None = None) -> list[tuple[str, str]]:
    """The flags of domain rule 5 for one dossier."""
    vandaag_ = vandaag_ or vandaag()
    result = []
    maanden = HERZIEN_NA.get(d.spoor)
    if maanden and besluit_op and dag_van(besluit_op) <= maanden_terug(maanden, vandaag_):
        result.append(("herzien", f"Spoor {d.spoor} loopt langer dan {maanden} maanden: herbekijk het spoor."))
    if d.fase == "afronding" and dag_van(d.fase_sinds) <= maanden_terug(AFSLUITEN_NA, vandaag_):
        result.append(("afsluiten", f"Langer dan {AFSLUITEN_NA} maanden in afronding: sluit het dossier af."))
    return result


def _per_dossier(query) -> dict:
    return {dossier_id: waarde for dossier_id, waarde in query.tuples()}


def mijn_werk(user, pagina: int = 1) -> tuple[list[Rij], bool]:
    """The rows of one page and whether there is a next page."""
    dossiers = list(access.dossiers_visible_to(user).select(Dossier, Team).join(Team)
                    .where((Dossier.regisseur == user.id) & Dossier.fase.in_(CASUSREGIE))
                    .order_by(Dossier.fase_sinds, Dossier.id)
                    .offset((pagina - 1) * PER_PAGINA).limit(PER_PAGINA + 1))
    meer = len(dossiers) > PER_PAGINA
    dossiers = dossiers[:PER_PAGINA]
    if not dossiers:
        return [], meer
    ids = [d.id for d in dossiers]
    stappen = actieve_stappen()
    gedaan = huidige_vinkjes(ids)
    te_laat = _per_dossier(Actie.select(Actie.dossier, fn.COUNT(Actie.id))
                           .where(Actie.dossier.in_(ids) & (Actie.deadline < vandaag())
                                  & Actie.status.in_(list(OPEN_ACTIE_STATUSSEN)))
                           .group_by(Actie.dossier))
    overleg = _per_dossier(Zorgoverleg.select(Zorgoverleg.dossier, fn.MIN(Zorgoverleg.datum))
                           .where(Zorgoverleg.dossier.in_(ids) & (Zorgoverleg.datum >= utcnow())
                                  & ~Zorgoverleg.gehouden)
                           .group_by(Zorgoverleg.dossier))
    besluit = _per_dossier(Overgang.select(Overgang.dossier, fn.MAX(Overgang.op))
                           .where(Overgang.dossier.in_(ids) & Overgang.actie.in_(BESLUIT_ACTIES))
                           .group_by(Overgang.dossier))
    rijen = []
    for d in dossiers:
        besluit_op = _als_tijd(besluit.get(d.id))
        rijen.append(Rij(dossier=d, volgende_stap=volgende_open(d.fase, stappen, gedaan[d.id]),
                         te_laat=te_laat.get(d.id, 0), zorgoverleg=_als_tijd(overleg.get(d.id)),
                         besluit_op=besluit_op, vlaggen=vlaggen(d, besluit_op)))
    return rijen, meer


def _als_tijd(value):
    """MIN()/MAX() of a datetime column comes back as text on SQLite."""
    if isinstance(value, str):
        return dt.datetime.fromisoformat(value)
    return value
