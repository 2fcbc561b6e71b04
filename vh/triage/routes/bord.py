"""The triage board: the coordinator's dossiers by stage, as cards; also as a projector view.

The board loads in a bounded number of queries whatever the number of cards: the dossiers, then
persons, parket checks, first referrals, agenda items and decisions for all shown dossiers in
one query each. Cards are plain data (`Kaart`), so the template cannot trigger a query per row.
Projection mode (`?weergave=projectie`) shows initials and numbers only (domain rule 8).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from flask import Blueprint, abort, flash, request, url_for
from flask_login import current_user, login_required
from peewee import JOIN

from vh import access, audit, workflow
from vh.htmx import is_fragment_request, redirect_after_post, render
from vh.models import (
    IFG_VORMEN,
    ORGANISATIE_TYPES,
    Aanmelding,
    Agendapunt,
    Besluit,
    Dossier,
    Organisatie,
    Overleg,
    Parketcheck,
    Persoon,
    Team,
    utcnow,
)
from vh.parket.parketcheck import vraag_aan
from vh.templating import dagen_sinds
from vh.transitions import voer_uit

bp = Blueprint("triage", __name__)

KOLOMMEN = [
    ("nieuw", "Nieuw"),
    ("parketcheck", "Wacht op parket"),
    ("te_bespreken", "Te bespreken"),
    ("dossiervorming", "Besproken / dossiervorming"),
    ("beslist", "Beslist"),
]
BESLIST_DAGEN = 14
# The transitions the board offers as buttons; the rest happens on other screens.
BORD_ACTIES = {
    "parket_vragen": "Parketcheck aanvragen",
    "agenderen": "Klaarzetten voor triage",
    "bespreken": "Besproken",
}
BORD_MELDINGEN = {
    "parket_vragen": "De parketcheck is aangevraagd.",
    "agenderen": "Het dossier staat klaar voor de triage.",
    "bespreken": "Het dossier is besproken en staat nu bij dossiervorming.",
}


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
    organisatie_type: str = ""
    pilootzone: bool = False
    kinderen: bool = False
    beperking: bool = False
    bezwaar: bool = False
    acuut: bool = False
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


def _team_keuze(user) -> tuple[list[Team], int | None]:
    teams = list(access.teams_coordinated_by(user))
    raw = request.args.get("team", "").strip()
    if not raw:
        return teams, None
    if not raw.isdigit() or int(raw) not in {t.id for t in teams}:
        abort(404)  # not one of the user's teams: the user may not know it
    return teams, int(raw)


def laad_bord(user, team_id: int | None = None) -> dict[str, list[Kaart]]:
    """The cards per column, in a fixed number of queries."""
    kolommen: dict[str, list[Kaart]] = {k: [] for k, _ in KOLOMMEN}
    cutoff = utcnow() - dt.timedelta(days=BESLIST_DAGEN)

    # 1. dossiers before a decision
    dq = (Dossier.select(Dossier, Team).join(Team)
          .where(access.dossier_condition(user) & Dossier.fase.in_(workflow.VOOR_BESLUIT)))
    # 2. decisions of the last 14 days, with their dossier
    bq = (Besluit.select(Besluit, Dossier, Team).join(Dossier).join(Team)
          .where(access.dossier_condition(user) & (Besluit.beslist_op >= cutoff)))
    # 3. submitted referrals waiting in the inbox
    aq = (access.aanmeldingen_received_by(user)
          .select(Aanmelding, Organisatie).join(Organisatie, JOIN.LEFT_OUTER)
          .where(Aanmelding.status == "ingediend"))
    if team_id:
        dq = dq.where(Dossier.team == team_id)
        bq = bq.where(Dossier.team == team_id)
        aq = aq.where(Aanmelding.team == team_id)
    dossiers = list(dq.order_by(Dossier.acuut.desc(), Dossier.fase_sinds, Dossier.id))
    besluiten: dict[int, Besluit] = {}
    for b in bq.order_by(Besluit.beslist_op, Besluit.id):
        besluiten[b.dossier.id] = b  # the latest decision per dossier
    aanmeldingen = list(aq.order_by(Aanmelding.ingediend_op, Aanmelding.id))

    ids = [d.id for d in dossiers] + [i for i in besluiten if i not in {d.id for d in dossiers}]
    personen: dict[int, list[Persoon]] = {}
    for p in Persoon.select().where(Persoon.dossier.in_(ids)).order_by(Persoon.id):  # 4
        personen.setdefault(p.dossier_id, []).append(p)
    checks: dict[int, Parketcheck] = {}
    for c in (Parketcheck.select().where(Parketcheck.dossier.in_(ids))  # 5
              .order_by(Parketcheck.gevraagd_op, Parketcheck.id)):
        checks[c.dossier_id] = c  # the latest check per dossier
    eerste: dict[int, Aanmelding] = {}
    for a in (Aanmelding.select(Aanmelding.id, Aanmelding.dossier, Aanmelding.organisatie,
                                Organisatie.id, Organisatie.type)  # 6
              .join(Organisatie, JOIN.LEFT_OUTER).where(Aanmelding.dossier.in_(ids))
              .order_by(Aanmelding.ingediend_op, Aanmelding.id)):
        eerste.setdefault(a.dossier_id, a)
    agenda: dict[int, Agendapunt] = {}
    for punt in (Agendapunt.select(Agendapunt, Overleg).join(Overleg)  # 7
                 .where(Agendapunt.dossier.in_(ids) & ~Overleg.afgesloten
                        & (Overleg.datum >= utcnow() - dt.timedelta(hours=12)))
                 .order_by(Overleg.datum.desc())):
        agenda[punt.dossier_id] = punt  # the nearest coming overleg wins
    a_personen: dict[int, list[Persoon]] = {}
    for p in (Persoon.select().where(Persoon.aanmelding.in_([a.id for a in aanmeldingen]))  # 8
              .order_by(Persoon.id)):
        a_personen.setdefault(p.aanmelding_id, []).append(p)

    def dossier_kaart(d: Dossier, sinds) -> Kaart:
        check = checks.get(d.id)
        uitkomst = check.uitkomst if check else None
        ref = eerste.get(d.id)
        org_type = ref.organisatie.type if ref and ref.organisatie_id and ref.organisatie else ""
        kaart = Kaart(soort="dossier", id=d.id, nummer=d.nummer, sinds=sinds,
                      vormen=[IFG_VORMEN.get(v, v) for v in d.vormen],
                      organisatie_type=ORGANISATIE_TYPES.get(org_type, org_type),
                      pilootzone=d.pilootzone, acuut=d.acuut, beperking=uitkomst == "beperkingen",
                      bezwaar=uitkomst == "bezwaar", agenda=agenda.get(d.id))
        _vul_personen(kaart, personen.get(d.id, []))
        toestand = workflow.Toestand(fase=d.fase, parket=uitkomst, pilootzone=d.pilootzone,
                                     parket_pauze=d.team.parket_pauze,
                                     regisseur=d.regisseur_id is not None)
        mogelijk = workflow.allowed(toestand)
        kaart.acties = [(a, label) for a, label in BORD_ACTIES.items() if a in mogelijk]
        kaart.besluitbaar = d.fase == "dossiervorming" and any(a.startswith("besluit_") for a in mogelijk)
        return kaart

    for a in aanmeldingen:
        org_type = a.organisatie.type if a.organisatie_id and a.organisatie else ""
        kaart = Kaart(soort="aanmelding", id=a.id, nummer=a.nummer or "", sinds=a.ingediend_op,
                      vormen=[IFG_VORMEN.get(v, v) for v in a.vormen],
                      organisatie_type=ORGANISATIE_TYPES.get(org_type, org_type),
                      pilootzone=a.pilootzone)
        _vul_personen(kaart, a_personen.get(a.id, []))
        kolommen["nieuw"].append(kaart)
    for d in dossiers:
        kolommen[d.fase].append(dossier_kaart(d, d.fase_sinds))
    for b in sorted(besluiten.values(), key=lambda b: b.beslist_op, reverse=True):
        kaart = dossier_kaart(b.dossier, b.beslist_op)
        kaart.acties, kaart.besluitbaar = [], False
        kaart.besluit = workflow.BESLUIT_UITKOMSTEN.get(b.uitkomst, b.uitkomst)
        kolommen["beslist"].append(kaart)
    return kolommen


def _context(team_id: int | None, teams: list[Team], **extra) -> dict:
    projectie = request.args.get("weergave") == "projectie"
    kolommen = laad_bord(current_user, team_id)
    shown = {soort: sorted({k.id for col in kolommen.values() for k in col if k.soort == soort})
             for soort in ("dossier", "aanmelding")}
    audit.record("triage.board", details={"dossiers": shown["dossier"], "aanmeldingen": shown["aanmelding"],
                                          "team": team_id, "projectie": projectie})
    team = next((t for t in teams if t.id == team_id), None)
    return dict(kolommen=kolommen, KOLOMMEN=KOLOMMEN, projectie=projectie, teams=teams,
                team_id=team_id, team=team, title="Triagebord", **extra)


@bp.route("/triage", methods=["GET"])
@login_required
def board():
    access.require(current_user, "triage.board")
    teams, team_id = _team_keuze(current_user)
    return render("triage/board.html", "board", **_context(team_id, teams))


@bp.route("/triage/<int:dossier_id>/<actie>", methods=["POST"])
@login_required
def verplaats(dossier_id: int, actie: str):
    """Move a card forward: a plain POST (303 back to the board) or htmx (the board block)."""
    access.require(current_user, "triage.board")
    dossier = Dossier.get_or_none(Dossier.id == dossier_id)
    if dossier is None:
        abort(404)
    access.require(current_user, "agenda.manage", dossier)
    if actie not in BORD_ACTIES:
        abort(404)
    teams, team_id = _team_keuze(current_user)
    user = current_user._get_current_object()
    try:
        if actie == "parket_vragen":
            vraag_aan(dossier, user)  # the parket feature's rule: transition + request, one step
        else:
            voer_uit(dossier, actie, user)
    except workflow.WorkflowError as error:
        return render("triage/board.html", "board", status=422,
                      **_context(team_id, teams, fout=str(error)))
    if is_fragment_request():
        return render("triage/board.html", "board",
                      **_context(team_id, teams, melding=f"{dossier.nummer}: {BORD_MELDINGEN[actie]}"))
    flash(f"{dossier.nummer}: {BORD_MELDINGEN[actie]}", "success")
    return redirect_after_post(url_for("triage.board", team=team_id))
