"""Besluit: the coordinator records the decision on a dossier (advies, spoor 2, spoor 3).

The rule is vh/triage/besluiten.neem_besluit: it refuses with the Dutch message for the field
concerned, and this screen shows it beside that field."""
from __future__ import annotations

from flask import Blueprint, abort, request, url_for
from flask_login import current_user, login_required

from vh import access
from vh.dossier.frame import dossier_scherm
from vh.htmx import answer, render
from vh.keuzes import BesluitUitkomst, Fase
from vh.models import Dossier
from vh.triage import besluiten
from vh.triage.forms import BesluitForm
from vh.workflow import VOOR_BESLUIT, WorkflowError

bp = Blueprint("besluit", __name__)
# htmx targeting #besluit gets just that region; any other htmx request (e.g. after HX-Location) the page.
REGIO = {"scherm": "content", "besluit": "besluit"}


def _overleg(dossier: Dossier):
    """The meeting of `?overleg=` (404 when it is not one where the dossier is on the agenda),
    else the most recent one."""
    raw = request.args.get("overleg")
    if raw is None:
        return besluiten.overleg_van(dossier)
    overleg_id = access.parse_id(raw)
    overleg = besluiten.overleg_van(dossier, overleg_id) if overleg_id is not None else None
    if overleg is None:
        abort(404)
    return overleg


def _context(dossier: Dossier, overleg, form: BesluitForm, keuzes: dict) -> dict:
    return dict(
        dossier=dossier, overleg=overleg, form=form, keuzes=keuzes,
        weigeringen={u: besluiten.weigering(dossier, u) for u in besluiten.UITKOMSTEN_DOSSIER},
        uitkomsten={u: BesluitUitkomst(u).label for u in besluiten.UITKOMSTEN_DOSSIER},
        besluit=besluiten.laatste_besluit(dossier),
        open_besluit=dossier.fase in VOOR_BESLUIT, fase_label=Fase.label_van(dossier.fase),
        aanmeldingen=besluiten.aanmeldingen(dossier), verzonden_ids=besluiten.verzonden_brieven(dossier),
        title=f"Besluit over dossier {dossier.nummer}",
    )


@bp.route("/dossiers/<int:dossier_id>/besluit", methods=["GET", "POST"])
@login_required
@dossier_scherm("besluit.create")
def nemen(dossier: Dossier):
    overleg = _overleg(dossier)
    form = BesluitForm()
    keuzes = besluiten.keuzes(dossier)
    form.regisseur.choices = [("", "Kies een casusregisseur")] + [
        (str(u.id), u.naam) for spoor in keuzes.values() for u in spoor]
    if request.method == "GET":
        return render("besluit/nemen.html", REGIO, **_context(dossier, overleg, form, keuzes))
    if form.validate_on_submit():
        try:
            besluit = besluiten.neem_besluit(dossier, form.uitkomst.data or "", form.motivering.data,
                                             current_user, overleg=overleg,
                                             regisseur=besluiten.regisseur_uit(form.regisseur.data))
        except besluiten.BesluitError as error:
            getattr(form, error.veld).errors = [str(error)]
        except WorkflowError as error:
            form.uitkomst.errors = [str(error)]
        else:
            return answer(*_na_besluit(dossier, besluit))
    dossier = Dossier.get_by_id(dossier.id)
    return render("besluit/nemen.html", REGIO, status=422, **_context(dossier, overleg, form, keuzes))


def _na_besluit(dossier: Dossier, besluit) -> tuple[str, str]:
    """The message and the next screen. After advies: the letter to the referrer (if there is
    exactly one referral); else this page, which now shows the decision."""
    if besluit.uitkomst == "advies":
        aanmeldingen = besluiten.aanmeldingen(dossier)
        volgende = (url_for("brieven.nieuw", aanmelding_id=aanmeldingen[0].id) if len(aanmeldingen) == 1
                    else url_for("besluit.nemen", dossier_id=dossier.id))
        return "Het besluit is opgeslagen. Stel nu de adviesbrief aan de aanmelder op.", volgende
    return (f"Het besluit is opgeslagen: {BesluitUitkomst.label_van(besluit.uitkomst)}. "
            f"{besluit.regisseur.naam} is de casusregisseur.", url_for("besluit.nemen", dossier_id=dossier.id))
