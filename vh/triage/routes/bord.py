"""The triage board screen (blueprint "triage"): the cards of vh/triage/bord.py, the team filter,
moving a card, and the projector view (`?weergave=projectie`: initials and numbers only)."""
from __future__ import annotations

from flask import Blueprint, abort, request, url_for
from flask_login import current_user, login_required

from vh import access, audit, workflow
from vh.htmx import answer, render
from vh.models import Dossier, Team
from vh.triage import bord as regels

bp = Blueprint("triage", __name__)


def _team_keuze(user) -> tuple[list[Team], int | None]:
    teams = list(access.teams_coordinated_by(user))
    raw = request.args.get("team", "").strip()
    if not raw:
        return teams, None
    team_id = access.parse_id(raw)
    if team_id not in {t.id for t in teams}:
        abort(404)  # not one of the user's teams: the user may not know it
    return teams, team_id


def _context(team_id: int | None, teams: list[Team], **extra) -> dict:
    projectie = request.args.get("weergave") == "projectie"
    aantallen = regels.aantallen(current_user, team_id)
    per_kolom = regels.PROJECTIE_PER_PAGINA if projectie else regels.BORD_PER_KOLOM
    kolom = regels.projectie_kolom(request.args.get("kolom")) if projectie else request.args.get("kolom")
    pagina, paginas = (regels.kolom_pagina(aantallen[kolom], access.parse_id(request.args.get("pagina", "")),
                                           per_kolom) if kolom in aantallen else (1, 1))
    kolommen = regels.laad_bord(current_user, team_id, kolom=kolom, pagina=pagina, per_kolom=per_kolom)
    voorstellen = [] if projectie else regels.voorstellen(current_user, team_id)
    audit.record("triage.board", details={**regels.getoond(kolommen), "team": team_id,
                                          "projectie": projectie,
                                          **({"spoorvoorstellen": [v.id for v in voorstellen]} if voorstellen else {})})
    team = next((t for t in teams if t.id == team_id), None)
    volgende = (url_for("triage.board", weergave="projectie", team=team_id, kolom=kolom,
                        pagina=pagina % paginas + 1) if projectie else None)
    waarschuwingen = [] if projectie else regels.parket_waarschuwingen(teams, team_id)
    return dict(kolommen=kolommen, aantallen=aantallen, KOLOMMEN=regels.KOLOMMEN, projectie=projectie,
                teams=teams, waarschuwingen=waarschuwingen, team_id=team_id, team=team,
                title="Triagebord", kolom=kolom, pagina=pagina, paginas=paginas, per_kolom=per_kolom,
                volgende=volgende, voorstellen=voorstellen, **extra)


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
    dossier = access.load(Dossier, dossier_id, "agenda.manage")
    if actie not in regels.BORD_ACTIES:
        abort(404)
    teams, team_id = _team_keuze(current_user)
    try:
        melding = regels.verplaats(dossier, actie, current_user._get_current_object())
    except workflow.WorkflowError as error:
        return render("triage/board.html", "board", status=422,
                      **_context(team_id, teams, fout=str(error)))
    return answer(melding, url_for("triage.board", team=team_id), template="triage/board.html",
                  block="board", context=lambda: _context(team_id, teams))
