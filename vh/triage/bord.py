"""The triage board: the coordinator's dossiers by stage, as cards.

The board loads in a bounded number of queries whatever the number of cards: the dossiers, then
persons, parket checks, first referrals, agenda items and decisions for all shown dossiers in
one query each. Cards are plain data (`Kaart`), so the template cannot trigger a query per row.
Projection mode shows initials and numbers only (domain rule 8): that is the template's part.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from peewee import JOIN, fn

from vh import access, workflow
from vh.dossier.gevoelig import gevoelig_per
from vh.keuzes import BesluitUitkomst, Fase, IfgVorm, ParketUitkomst
from vh.models import (
    Aanmelding,
    Agendapunt,
    Besluit,
    Dossier,
    Organisatie,
    Overleg,
    Parketcheck,
    Persoon,
    Spoorvoorstel,
    Team,
)
from vh.parket.parketcheck import parket_zonder_account, vraag_aan
from vh.templating import dagen_sinds
from vh.tijd import utcnow
from vh.transitions import voer_uit

KOLOMMEN = [(fase.value, fase.label) for fase in workflow.VOOR_BESLUIT] + [("beslist", "Beslist")]
# The projector (1024×768, 24 px text) shows every column as a count and the cards of one column,
# the agenda by default, a page at a time; the pages advance by themselves.
PROJECTIE_FOCUS = Fase.TE_BESPREKEN.value
PROJECTIE_PER_PAGINA = 4  # 2×2 cards fit at 1024×768 in 24 px type
# The ordinary board shows a column's first cards; the rest a page at a time (?kolom=…&pagina=…),
# so that 800 police interventions do not make a page of 400 kB.
BORD_PER_KOLOM = 12
BESLIST_DAGEN = 14
# The transitions the board offers as buttons (with the workflow's labels); the rest happens on
# other screens.
BORD_ACTIES = {actie: workflow.OVERGANGEN[actie][2] for actie in ("parket_vragen", "agenderen", "bespreken")}
BORD_MELDINGEN = {
    "parket_vragen": "De parketcheck is aangevraagd.",
    "agenderen": "Het dossier staat klaar voor de triage.",
    "bespreken": "Het dossier is besproken en staat nu bij dossiervorming.",
}


def verplaats(dossier: Dossier, actie: str, user) -> str:
    """Move a card one step with `actie` (one of BORD_ACTIES; raises WorkflowError when
    refused) and return the board's message. Asking the parket is the parket's rule (the
    transition and the request in one step); the other moves are plain transitions."""
    if actie not in BORD_ACTIES:
        raise ValueError(actie)
    if actie == "parket_vragen":
        vraag_aan(dossier, user)
    else:
        voer_uit(dossier, actie, user)
    return f"{dossier.nummer}: {BORD_MELDINGEN[actie]}"


def leeftijdsgroep(leeftijd: int | None) -> str | None:
    if leeftijd is None or leeftijd < 0 or leeftijd > 17:
        return None
    if leeftijd <= 5:
        return "0–5"
    if leeftijd <= 11:
        return "6–11"
    return "12–17"


@dataclass
class Kaart:
    soort: str  # dossier or aanmelding
    id: int
    nummer: str
    sinds: dt.datetime | None
    initialen: list[str] = field(default_factory=list)
    leeftijden: list[str] = field(default_factory=list)
    vormen: list[str] = field(default_factory=list)
    organisatie: str = ""  # the referring organisation's name
    pilootzone: bool = False
    kinderen: bool = False
    beperking: bool = False
    bezwaar: bool = False
    acuut: bool = False
    niet_op_de_hoogte: bool = False  # markers only: the free text is never on the board
    veilig_contact: bool = False
    agenda: Agendapunt | None = None
    acties: list[tuple[str, str]] = field(default_factory=list)
    besluit: str = ""
    besluitbaar: bool = False

    @property
    def dagen(self) -> int:
        return dagen_sinds(self.sinds)


def _vul_personen(kaart: Kaart, personen: list[Persoon]) -> None:
    kaart.initialen = [p.initialen for p in personen]
    kinderen = [p for p in personen if p.is_kind or (p.leeftijd() is not None and p.leeftijd() < 18)]
    kaart.kinderen = bool(kinderen)
    groepen = {leeftijdsgroep(p.leeftijd()) for p in kinderen} - {None}
    kaart.leeftijden = sorted(groepen, key=lambda g: int(g.split("–")[0]))


def _per(rijen, sleutel: str) -> dict[int, list]:
    groepen: dict[int, list] = {}
    for rij in rijen:
        groepen.setdefault(getattr(rij, sleutel), []).append(rij)
    return groepen


def _organisatie(aanmelding: Aanmelding | None) -> str:
    """Who referred: the organisation's name (not its type)."""
    return aanmelding.organisatie.naam if aanmelding and aanmelding.organisatie_id else ""


@dataclass
class _Gegevens:
    """What the cards of the shown dossiers need, each loaded in one query."""
    personen: dict[int, list[Persoon]]
    checks: dict[int, Parketcheck]
    eerste: dict[int, Aanmelding]
    agenda: dict[int, Agendapunt]
    gevoelig: dict[int, dict]

    @classmethod
    def laad(cls, dossiers: list[Dossier]) -> _Gegevens:
        ids = [d.id for d in dossiers]
        eerste: dict[int, Aanmelding] = {}
        for a in (Aanmelding.select(Aanmelding.id, Aanmelding.dossier, Aanmelding.organisatie,
                                    Organisatie.id, Organisatie.naam)
                  .join(Organisatie, JOIN.LEFT_OUTER).where(Aanmelding.dossier.in_(ids))
                  .order_by(Aanmelding.ingediend_op, Aanmelding.id)):
            eerste.setdefault(a.dossier_id, a)
        agenda: dict[int, Agendapunt] = {}
        for punt in (Agendapunt.select(Agendapunt, Overleg).join(Overleg)
                     .where(Agendapunt.dossier.in_(ids) & ~Overleg.afgesloten
                            & (Overleg.datum >= utcnow() - dt.timedelta(hours=12)))
                     .order_by(Overleg.datum.desc())):
            agenda[punt.dossier_id] = punt  # the nearest coming overleg wins
        return cls(personen=_per(Persoon.van(dossier=ids), "dossier_id"),
                   checks=Parketcheck.laatste_per_dossier(ids), eerste=eerste, agenda=agenda,
                   gevoelig=gevoelig_per(dossiers, set()))

    def kaart(self, d: Dossier, sinds) -> Kaart:
        check = self.checks.get(d.id)
        uitkomst = check.uitkomst if check else None
        kaart = Kaart(soort="dossier", id=d.id, nummer=d.nummer, sinds=sinds,
                      vormen=[IfgVorm.label_van(v) for v in d.vormen],
                      organisatie=_organisatie(self.eerste.get(d.id)),
                      pilootzone=d.pilootzone, acuut=d.acuut,
                      beperking=uitkomst == ParketUitkomst.BEPERKINGEN,
                      bezwaar=uitkomst == ParketUitkomst.BEZWAAR, agenda=self.agenda.get(d.id),
                      niet_op_de_hoogte=bool(self.gevoelig[d.id]["niet_op_de_hoogte"]),
                      veilig_contact=bool(self.gevoelig[d.id]["veilig_contact"]))
        _vul_personen(kaart, self.personen.get(d.id, []))
        # A decided dossier's card moves no more (and its casusregie facts would cost queries per card).
        mogelijk = workflow.allowed(d.toestand(check)) if d.fase in workflow.VOOR_BESLUIT else []
        kaart.acties = [(a, label) for a, label in BORD_ACTIES.items() if a in mogelijk]
        kaart.besluitbaar = (d.fase == Fase.DOSSIERVORMING
                             and any(a.startswith("besluit_") for a in mogelijk))
        return kaart


def _aanmelding_kaarten(aanmeldingen: list[Aanmelding]) -> list[Kaart]:
    personen = _per(Persoon.van(aanmelding=aanmeldingen), "aanmelding_id")
    kaarten = []
    for a in aanmeldingen:
        kaart = Kaart(soort="aanmelding", id=a.id, nummer=a.nummer or "", sinds=a.ingediend_op,
                      vormen=[IfgVorm.label_van(v) for v in a.vormen],
                      organisatie=_organisatie(a), pilootzone=a.pilootzone)
        _vul_personen(kaart, personen.get(a.id, []))
        kaarten.append(kaart)
    return kaarten


def _queries(user, team_id: int | None):
    """The three sources of the board, scoped to what `user` may see (and to one team)."""
    cutoff = utcnow() - dt.timedelta(days=BESLIST_DAGEN)
    # dossiers before a decision
    dq = Dossier.select(Dossier, Team).join(Team).where(
        access.dossier_condition(user) & Dossier.fase.in_(workflow.VOOR_BESLUIT))
    # decisions of the last 14 days, with their dossier
    bq = (Besluit.select(Besluit, Dossier, Team).join(Dossier).join(Team)
          .where(access.dossier_condition(user) & (Besluit.beslist_op >= cutoff)))
    # submitted referrals waiting in the inbox
    aq = (access.aanmeldingen_received_by(user)
          .select(Aanmelding, Organisatie).join(Organisatie, JOIN.LEFT_OUTER)
          .where(Aanmelding.status == "ingediend"))
    if team_id:
        dq = dq.where(Dossier.team == team_id)
        bq = bq.where(Dossier.team == team_id)
        aq = aq.where(Aanmelding.team == team_id)
    return dq, bq, aq


def aantallen(user, team_id: int | None = None) -> dict[str, int]:
    """How many cards each column holds in all (three queries), whatever the board shows."""
    dq, bq, aq = _queries(user, team_id)
    tellen = {k: 0 for k, _ in KOLOMMEN}
    for fase, n in dq.select(Dossier.fase, fn.COUNT(Dossier.id)).group_by(Dossier.fase).tuples():
        tellen[fase] = n
    tellen["beslist"] = bq.select(fn.COUNT(fn.DISTINCT(Besluit.dossier))).scalar() or 0
    tellen["nieuw"] += aq.count()
    return tellen


def laad_bord(user, team_id: int | None = None, *, kolom: str | None = None, pagina: int = 1,
              per_kolom: int = BORD_PER_KOLOM) -> dict[str, list[Kaart]]:
    """The cards per column (keys of KOLOMMEN) that `user` may see: the first `per_kolom` of
    each column, and of column `kolom` page `pagina`; in a fixed number of queries whatever the
    number of dossiers. In "nieuw" the referrals come first, then the new dossiers."""
    dq, bq, aq = _queries(user, team_id)

    def venster(key: str) -> tuple[int, int]:  # (offset, limit)
        return ((max(pagina, 1) - 1) * per_kolom if key == kolom else 0), per_kolom

    dossiers = []
    for fase in workflow.VOOR_BESLUIT:  # one query per phase, each a page
        start, n = venster(fase.value)
        query = dq.where(Dossier.fase == fase).order_by(Dossier.acuut.desc(), Dossier.fase_sinds, Dossier.id)
        if fase == Fase.NIEUW:  # after the referrals in the same column
            start = max(0, start - aq.count())
        dossiers += list(query.offset(start).limit(n))
    start, n = venster("nieuw")
    aanmeldingen = list(aq.order_by(Aanmelding.ingediend_op, Aanmelding.id).offset(start).limit(n))
    besluiten: dict[int, Besluit] = {}
    for b in bq.order_by(Besluit.beslist_op, Besluit.id):  # 14 days of decisions; the latest wins
        besluiten[b.dossier.id] = b
    start, n = venster("beslist")
    besluiten_getoond = sorted(besluiten.values(), key=lambda b: b.beslist_op, reverse=True)[start:start + n]

    getoond = {d.id for d in dossiers}
    gegevens = _Gegevens.laad(dossiers + [b.dossier for b in besluiten_getoond if b.dossier.id not in getoond])
    kolommen: dict[str, list[Kaart]] = {k: [] for k, _ in KOLOMMEN}
    kolommen["nieuw"].extend(_aanmelding_kaarten(aanmeldingen))
    for d in dossiers:
        kolommen[d.fase].append(gegevens.kaart(d, d.fase_sinds))
    kolommen["nieuw"] = kolommen["nieuw"][:per_kolom]
    for b in besluiten_getoond:
        kaart = gegevens.kaart(b.dossier, b.beslist_op)
        kaart.acties, kaart.besluitbaar = [], False
        kaart.besluit = BesluitUitkomst.label_van(b.uitkomst)
        kolommen["beslist"].append(kaart)
    return kolommen


def kolom_pagina(aantal: int, pagina: int | None, per_pagina: int) -> tuple[int, int]:
    """(page, pages) for a column of `aantal` cards: a page past the end is the last one."""
    paginas = max(1, -(-aantal // per_pagina))
    return min(max(pagina or 1, 1), paginas), paginas


def projectie_kolom(focus: str | None) -> str:
    """The column to project: an unknown one is the agenda."""
    return focus if focus in dict(KOLOMMEN) else PROJECTIE_FOCUS


def voorstellen(user, team_id: int | None = None) -> list:
    """The waiting spoor proposals of the coordinator's dossiers (regie/spoor.py), oldest first:
    a "Voorstellen" block above the board (one query)."""
    query = access.spoorvoorstellen_voor(user)
    if team_id:
        query = query.where(Dossier.team == team_id)
    return list(query.order_by(Spoorvoorstel.voorgesteld_op, Spoorvoorstel.id))


def getoond(kolommen: dict[str, list[Kaart]]) -> dict[str, list[int]]:
    """The ids of the dossiers and referrals on the board, for the audit trail."""
    def ids(soort: str) -> list[int]:
        return sorted({k.id for col in kolommen.values() for k in col if k.soort == soort})

    return {"dossiers": ids("dossier"), "aanmeldingen": ids("aanmelding")}


def parket_waarschuwingen(teams, team_id: int | None) -> list[str]:
    """The warnings for the board when a shown team's parket has no active account: a request
    for the parket would wait unseen (one query per team shown; a coordinator has few teams)."""
    getoonde = [t for t in teams if team_id in (None, t.id)]
    return [w for t in getoonde if (w := parket_zonder_account(t))]
