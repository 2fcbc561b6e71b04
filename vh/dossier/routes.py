"""Dossiers: the list of dossiers a user may see, and the dossier page as a task list.

The page is a dossier screen (`vh/dossier/frame.py`: `@dossier_scherm` and the template frame
`dossier/_dossier.html`); its rules live in `overzicht.py`, the sensitive banners in
`gevoelig.py` and the lead times in `doorlooptijden.py`. This blueprint also makes the banners
(`gevoelig_voor(dossier)`), `parket_pauze_teams()` and the frame available to every template.
"""
from __future__ import annotations

from flask import Blueprint, abort, request, url_for
from flask_login import current_user, login_required
from peewee import JOIN, fn

from vh import access, audit
from vh.htmx import answer, render
from vh.models import Dossier, Persoon, Team
from vh.parket.parketcheck import vraag_aan
from vh.workflow import FASEN, WorkflowError

from . import frame, overzicht
from .frame import dossier_scherm
from .gevoelig import BEZWAAR_TEKST, gevoelig, parket_pauze_teams

bp = Blueprint("dossiers", __name__)
bp.app_context_processor(frame.context)

PER_PAGINA = 50
FASE_KLEUR = {
    "nieuw": "tag--grey", "parketcheck": "tag--yellow", "te_bespreken": "tag--blue",
    "dossiervorming": "tag--purple", "kennismaking": "tag--green", "vraagverduidelijking": "tag--green",
    "plan_van_aanpak": "tag--green", "uitvoering": "tag--green", "afronding": "tag--orange",
    "afgesloten": "tag--grey",
}
TOON_BLOKKEN = {"scherm": "content", "volgende-stap": "volgende_stap"}


@bp.app_context_processor
def _template_helpers():
    return {"gevoelig_voor": gevoelig, "parket_pauze_teams": parket_pauze_teams,
            "fase_kleur": lambda fase: FASE_KLEUR.get(fase, "tag--grey"), "BEZWAAR_TEKST": BEZWAAR_TEKST}


# ---------------------------------------------------------------- screens
@bp.route("/dossiers", methods=["GET"])
@login_required
def lijst():
    access.require(current_user, "dossier.list")
    fase = request.args.get("fase", "")
    if fase and fase not in FASEN:
        abort(400)
    try:
        pagina = max(1, int(request.args.get("pagina", "1")))
    except ValueError:
        abort(400)
    aantal_personen = fn.COUNT(Persoon.id).alias("aantal_personen")
    query = (access.dossiers_visible_to(current_user)
             .select(Dossier, Team, aantal_personen)
             .join_from(Dossier, Team)
             .join_from(Dossier, Persoon, JOIN.LEFT_OUTER, on=(Persoon.dossier == Dossier.id))
             .group_by(Dossier, Team)
             .order_by(Dossier.fase_sinds.desc(), Dossier.id.desc()))
    if fase:
        query = query.where(Dossier.fase == fase)
    dossiers = list(query.paginate(pagina, PER_PAGINA + 1))
    meer = len(dossiers) > PER_PAGINA
    dossiers = dossiers[:PER_PAGINA]
    audit.record("dossier.lijst", details={"fase": fase, "pagina": pagina, "dossiers": [d.id for d in dossiers]})
    return render("dossiers/lijst.html", {"scherm": "content", "dossier-resultaten": "resultaten"},
                  title="Dossiers", dossiers=dossiers, fase=fase, pagina=pagina, meer=meer)


def _pagina(dossier: Dossier, status: int = 200, fout: str | None = None):
    return render("dossiers/toon.html", TOON_BLOKKEN, status=status, title=f"Dossier {dossier.nummer}",
                  dossier=dossier, fout=fout, **overzicht.gegevens(dossier, current_user))


@bp.route("/dossiers/<int:dossier_id>", methods=["GET"])
@login_required
@dossier_scherm()
def toon(dossier: Dossier):
    return _pagina(dossier)


@bp.route("/dossiers/<int:dossier_id>/aanmeldingen", methods=["GET"])
@login_required
@dossier_scherm("dossier.aanmeldingen")
def aanmeldingen(dossier: Dossier):
    """The referrals in full for the casusregisseur (and the coordinator): who referred and how to
    reach them, the family's consent, safe contact, language and the question."""
    return render("dossiers/aanmeldingen.html", {"scherm": "content"}, title=f"Aanmeldingen van {dossier.nummer}",
                  dossier=dossier, **overzicht.aanmeldingen(dossier))


@bp.route("/dossiers/<int:dossier_id>/parketcheck", methods=["POST"])
@login_required
@dossier_scherm("parketcheck.request")
def parket_vragen(dossier: Dossier):
    try:
        vraag_aan(dossier, current_user._get_current_object())
    except WorkflowError as error:
        return _pagina(dossier, status=422, fout=str(error))
    return answer("De parketcheck is gevraagd.", url_for("dossiers.toon", dossier_id=dossier.id))
