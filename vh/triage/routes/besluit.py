"""Besluit: the coordinator records the decision on a dossier (advies, spoor 2, spoor 3)."""
from __future__ import annotations

from flask import Blueprint, abort, flash, request, url_for
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField, TextAreaField
from wtforms.validators import Length

from vh import audit
from vh.htmx import redirect_after_post, render
from vh.models import Aanmelding, Brief, Dossier, User
from vh.triage import besluiten
from vh.workflow import BESLUIT_UITKOMSTEN, FASEN, VOOR_BESLUIT, WorkflowError

bp = Blueprint("besluit", __name__)
# htmx targeting #besluit gets just that region; any other htmx request (e.g. after HX-Location) the page.
REGIO = {"besluit": "besluit"}


class BesluitForm(FlaskForm):
    # Choices are checked by the view (Dutch messages, and the workflow's reason per option).
    uitkomst = StringField("Wat beslist het overleg?")
    motivering = TextAreaField("Motivering", validators=[
        Length(max=10_000, message="De motivering is te lang: houd het onder 10.000 tekens.")])
    regisseur = SelectField("Casusregisseur", choices=[], validate_choice=False)


def _regisseur_keuzes(dossier: Dossier) -> dict:
    """Per spoor the regisseurs that may be assigned (one query each)."""
    return {u: list(besluiten.regisseurs(dossier, u).select(User.id, User.naam, User.organisatie))
            for u in ("spoor2", "spoor3")}


def _overleg(dossier: Dossier):
    raw = request.args.get("overleg")
    if raw is None:
        return besluiten.overleg_van(dossier)
    try:
        overleg_id = int(raw)
    except ValueError:
        abort(404)
    overleg = besluiten.overleg_van(dossier, overleg_id)
    if overleg is None:
        abort(404)
    return overleg


def _context(dossier: Dossier, overleg, form: BesluitForm) -> dict:
    return dict(
        dossier=dossier, overleg=overleg, form=form, keuzes=_regisseur_keuzes(dossier),
        weigeringen={u: besluiten.weigering(dossier, u) for u in besluiten.UITKOMSTEN_DOSSIER},
        uitkomsten={u: BESLUIT_UITKOMSTEN[u] for u in besluiten.UITKOMSTEN_DOSSIER},
        besluit=besluiten.laatste_besluit(dossier),
        open_besluit=dossier.fase in VOOR_BESLUIT, fase_label=FASEN.get(dossier.fase, dossier.fase),
        aanmeldingen=list(Aanmelding.select(Aanmelding.id, Aanmelding.nummer)
                          .where(Aanmelding.dossier == dossier.id).order_by(Aanmelding.id)),
        verzonden_ids={b.aanmelding_id: b.id for b in Brief.select(Brief.id, Brief.aanmelding)
                       .where((Brief.dossier == dossier.id) & Brief.verzonden_op.is_null(False))},
        title=f"Besluit over dossier {dossier.nummer}",
    )


@bp.route("/dossiers/<int:dossier_id>/besluit", methods=["GET", "POST"])
@login_required
def nemen(dossier_id):
    dossier = audit.load(Dossier, dossier_id, "besluit.create", audit_action="dossier.view")
    overleg = _overleg(dossier)
    form = BesluitForm()
    keuzes = _regisseur_keuzes(dossier)
    form.regisseur.choices = [("", "Kies een casusregisseur")] + [
        (str(u.id), u.naam) for spoor in keuzes.values() for u in spoor]
    if request.method == "GET":
        return render("besluit/nemen.html", REGIO, **_context(dossier, overleg, form))

    uitkomst = form.uitkomst.data or ""
    valid = form.validate_on_submit()
    if uitkomst not in besluiten.UITKOMSTEN_DOSSIER:
        form.uitkomst.errors = ["Kies een besluit: advies, spoor 2 of spoor 3."]
        valid = False
    else:
        reason = besluiten.weigering(dossier, uitkomst)
        if reason:
            form.uitkomst.errors = [reason]
            valid = False
    if not (form.motivering.data or "").strip():
        form.motivering.errors = list(form.motivering.errors) + [
            "Schrijf op waarom het overleg dit besluit neemt, bijvoorbeeld welk advies het gezin of de aanmelder krijgt."]
        valid = False
    regisseur = None
    if uitkomst in ("spoor2", "spoor3"):
        raw = form.regisseur.data or ""
        regisseur = User.get_or_none(User.id == int(raw)) if raw.isdigit() and len(raw) < 10 else None
        if regisseur is None or regisseur.id not in {u.id for u in keuzes[uitkomst]}:
            form.regisseur.errors = [
                "Kies een casusregisseur van het lokaal bestuur in de pilootzone van het gezin."
                if uitkomst == "spoor2" else "Kies een casusregisseur spoor 3 van het Veilig Huis."]
            valid = False
    if valid:
        try:
            besluit = besluiten.neem_besluit(dossier, uitkomst, form.motivering.data, current_user,
                                             overleg=overleg, regisseur=regisseur)
        except besluiten.BesluitError as error:
            getattr(form, error.veld).errors = [str(error)]
        except WorkflowError as error:
            form.uitkomst.errors = [str(error)]
        else:
            return redirect_after_post(_next_url(dossier, besluit))
    dossier = Dossier.get_by_id(dossier.id)
    return render("besluit/nemen.html", REGIO, status=422, **_context(dossier, overleg, form))


def _next_url(dossier: Dossier, besluit) -> str:
    """After advies: the letter to the referrer (if there is exactly one referral); else the summary."""
    if besluit.uitkomst == "advies":
        flash("Het besluit is opgeslagen. Stel nu de adviesbrief aan de aanmelder op.", "success")
        aanmeldingen = list(Aanmelding.select(Aanmelding.id).where(Aanmelding.dossier == dossier.id))
        if len(aanmeldingen) == 1:
            return url_for("brieven.nieuw", aanmelding_id=aanmeldingen[0].id)
    else:
        flash(f"Het besluit is opgeslagen: {BESLUIT_UITKOMSTEN[besluit.uitkomst]}. "
              f"{besluit.regisseur.naam} is de casusregisseur.", "success")
    return url_for("besluit.nemen", dossier_id=dossier.id)
