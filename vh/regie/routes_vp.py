"""The screens of the veiligheidsplan and the zorgoverleg of one dossier (dossier frame).

The rules are vh/regie/veiligheidsplan.py and vh/regie/zorgoverleg.py; this module parses,
checks access (vh/access.py) and renders. Every screen is a `@dossier_scherm`, so what it shows
is audited; the downloads (PDF, ICS) are audited here with what they hold, and carry no-store.
"""
from __future__ import annotations

from flask import Blueprint, abort, make_response, request, url_for
from flask_login import current_user, login_required

from vh import access, audit
from vh.dossier.frame import dossier_scherm
from vh.htmx import answer, render
from vh.models import Dossier
from vh.regie import veiligheidsplan as vp_regels
from vh.regie import zorgoverleg as zo_regels
from vh.regie.forms_vp import BesluitForm, VerslagForm, ZorgoverlegForm, veiligheidsplan_form
from vh.richtext import html_naar_tekst
from vh.tijd import vandaag

bp = Blueprint("regie_vp", __name__)
VP = "/dossiers/<int:dossier_id>/regie/veiligheidsplan"
ZO = "/dossiers/<int:dossier_id>/regie/zorgoverleg"
FRAME = {"scherm": "content"}  # htmx aimed at the dossier frame gets the whole screen
ZO_BLOKKEN = {"scherm": "content", "verslag": "verslag", "besluiten": "besluiten"}


def _user():
    return current_user._get_current_object()


def _zet(field, value: int) -> None:
    """Set a hidden number of a submitted form (what it renders is its raw input)."""
    field.data, field.raw_data = value, [str(value)]


# ---------------------------------------------------------------- veiligheidsplan
def _plan_pagina(dossier, plan, status: int = 200):
    return render("regie/veiligheidsplan.html", FRAME, status=status, dossier=dossier, plan=plan,
                  wat_doen=vp_regels.wat_doen(plan), personen=vp_regels.personen(dossier),
                  versies=vp_regels.versies(dossier), mag_schrijven=access.can(current_user, "veiligheidsplan.edit", dossier),
                  title="Veiligheidsplan")


@bp.route(VP, methods=["GET"])
@login_required
@dossier_scherm("veiligheidsplan.view", audit_action="veiligheidsplan.view")
def veiligheidsplan(dossier: Dossier):
    return _plan_pagina(dossier, vp_regels.laatste(dossier))


def _versie_of_404(dossier, nummer: int):
    plan = vp_regels.versie(dossier, nummer)
    if plan is None:
        abort(404)
    return plan


@bp.route(VP + "/<int:nummer>", methods=["GET"])
@login_required
@dossier_scherm("veiligheidsplan.view", audit_action="veiligheidsplan.view")
def veiligheidsplan_versie(dossier: Dossier, nummer: int):
    return _plan_pagina(dossier, _versie_of_404(dossier, nummer))


def _formulier(dossier, form, personen, status: int = 200, conflict=None):
    return render("regie/veiligheidsplan_form.html", FRAME, status=status, dossier=dossier, form=form,
                  personen=personen, conflict=conflict,
                  conflict_wat_doen=vp_regels.wat_doen(conflict.laatste) if conflict else {},
                  title="Veiligheidsplan opstellen")


@bp.route(VP + "/nieuw", methods=["GET", "POST"])
@login_required
@dossier_scherm("veiligheidsplan.edit")
def veiligheidsplan_nieuw(dossier: Dossier):
    """A new version, prefilled from the last one."""
    personen = vp_regels.personen(dossier)
    if request.method == "GET":
        vorige = vp_regels.laatste(dossier)
        per_persoon = vp_regels.wat_doen(vorige)
        data = dict(vp_regels.startwaarden(vorige), basis=vorige.nummer if vorige else 0,
                    **{f"wat_doen_{p.id}": per_persoon.get(p.id, "") for p in personen})
        return _formulier(dossier, veiligheidsplan_form(personen, data=data, formdata=None), personen)
    form = veiligheidsplan_form(personen)
    if not form.validate_on_submit():
        return _formulier(dossier, form, personen, 422)
    try:
        plan = vp_regels.bewaar(dossier, form.waarden(), {pid: f.data for pid, f in form.persoon_velden()},
                                form.basis.data or 0, _user())
    except vp_regels.VeiligheidsplanConflict as conflict:
        _zet(form.basis, conflict.laatste.nummer if conflict.laatste else 0)  # a resubmit builds on it
        return _formulier(dossier, form, personen, 409, conflict=conflict)
    except vp_regels.VeiligheidsplanError as error:
        form.zorg.errors = [str(error)]
        return _formulier(dossier, form, personen, 422)
    return answer(f"Versie {plan.nummer} van het veiligheidsplan is bewaard.",
                  url_for("regie_vp.veiligheidsplan", dossier_id=dossier.id))


def _lezers(dossier):
    """The persons the copy is for (`voor` in the query string), or None when none was chosen."""
    gekozen = request.args.getlist("voor")
    return vp_regels.lezers_van(dossier, gekozen) if gekozen else None


@bp.route(VP + "/<int:nummer>/exemplaar", methods=["GET"])
@login_required
@dossier_scherm("veiligheidsplan.view", audit_action="veiligheidsplan.view")
def exemplaar(dossier: Dossier, nummer: int):
    """Choose for whom the copy is; then the print view of that copy (print CSS: A4)."""
    plan = _versie_of_404(dossier, nummer)
    access.require(current_user, "veiligheidsplan.pdf", plan)
    personen = vp_regels.personen(dossier)
    lezers = _lezers(dossier)
    ctx = dict(dossier=dossier, plan=plan, personen=personen, lezers=lezers or [], fout=None,
               title="Veiligheidsplan voor het gezin")
    if lezers is None or not lezers:
        ctx["fout"] = "Kies voor wie dit exemplaar is." if lezers is not None else None
        return render("regie/veiligheidsplan_exemplaar.html", FRAME, status=422 if ctx["fout"] else 200, **ctx)
    audit.record("veiligheidsplan.exemplaar", plan, details={"nummer": plan.nummer, "lezers": [p.id for p in lezers]})
    return render("regie/veiligheidsplan_afdruk.html", **ctx,
                  document=vp_regels.exemplaar_html(plan, lezers, vandaag()),
                  pdf_url=url_for("regie_vp.exemplaar_pdf", dossier_id=dossier.id, nummer=nummer,
                                  voor=[p.id for p in lezers]))


@bp.route(VP + "/<int:nummer>/exemplaar.pdf", methods=["GET"])
@login_required
def exemplaar_pdf(dossier_id: int, nummer: int):
    dossier = access.load(Dossier, dossier_id, "veiligheidsplan.view")
    plan = _versie_of_404(dossier, nummer)
    access.require(current_user, "veiligheidsplan.pdf", plan)
    lezers = _lezers(dossier)
    if not lezers:
        abort(404)
    audit.record("veiligheidsplan.pdf", plan, details={"nummer": plan.nummer, "lezers": [p.id for p in lezers]})
    response = make_response(vp_regels.pdf(plan, lezers, vandaag()))
    response.headers["Content-Type"] = "application/pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="veiligheidsplan-{plan.nummer}.pdf"'
    response.headers["Cache-Control"] = "no-store"
    return response


# ---------------------------------------------------------------- zorgoverleg
@bp.route(ZO, methods=["GET"])
@login_required
@dossier_scherm("zorgoverleg.view", audit_action="zorgoverleg.view")
def zorgoverleggen(dossier: Dossier):
    overleggen = zo_regels.lijst(dossier)
    return render("regie/zorgoverleggen.html", FRAME, dossier=dossier, overleggen=overleggen,
                  komend={zo.id for zo in overleggen if not zo_regels.heeft_plaatsgevonden(zo)},
                  mag_plannen=access.can(current_user, "zorgoverleg.create", dossier), title="Zorgoverleg")


@bp.route(ZO + "/nieuw", methods=["GET", "POST"])
@login_required
@dossier_scherm("zorgoverleg.create")
def zorgoverleg_nieuw(dossier: Dossier):
    form = ZorgoverlegForm(keuzes=zo_regels.deelnemer_keuzes(dossier))

    def pagina(status: int):
        return render("regie/zorgoverleg_form.html", FRAME, status=status, dossier=dossier, form=form,
                      title="Zorgoverleg plannen")

    if not form.validate_on_submit():
        return pagina(422 if form.is_submitted() else 200)
    try:
        zo = zo_regels.plan(dossier, _user(), **form.waarden())
    except zo_regels.ZorgoverlegError as error:
        form[error.veld or "deelnemers"].errors = [str(error)]
        return pagina(422)
    return answer("Het zorgoverleg is gepland. Download de uitnodiging voor de deelnemers.",
                  url_for("regie_vp.zorgoverleg", dossier_id=dossier.id, zorgoverleg_id=zo.id))


def _zorgoverleg_of_404(dossier, zorgoverleg_id: int):
    zo = zo_regels.van_dossier(dossier, zorgoverleg_id)
    if zo is None:
        abort(404)
    access.require(current_user, "zorgoverleg.view", zo)
    return zo


def _zo_context(dossier, zo, **extra) -> dict:
    agenda = zo_regels.agenda(dossier)
    ctx = dict(dossier=dossier, zo=zo, deelnemers=zo_regels.deelnemers(zo), agenda=agenda,
               besluiten=zo_regels.besluiten(zo), vandaag=vandaag(),
               heeft_plaatsgevonden=zo_regels.heeft_plaatsgevonden(zo),
               mag_schrijven=access.can(current_user, "zorgoverleg.verslag", zo), title="Zorgoverleg")
    ctx.update(extra)
    if ctx["mag_schrijven"]:
        ctx.setdefault("verslag_form", VerslagForm(formdata=None, versie=zo.versie,
                                                   verslag=html_naar_tekst(zo.verslag)))
        ctx.setdefault("besluit_form", BesluitForm(formdata=None, doelen=zo_regels.doel_keuzes(dossier),
                                                   organisaties=zo_regels.organisatie_keuzes()))
    return ctx


def _zo_pagina(dossier, zo, status: int = 200, **extra):
    return render("regie/zorgoverleg.html", ZO_BLOKKEN, status=status, **_zo_context(dossier, zo, **extra))


@bp.route(ZO + "/<int:zorgoverleg_id>", methods=["GET"])
@login_required
@dossier_scherm("zorgoverleg.view", audit_action="zorgoverleg.view")
def zorgoverleg(dossier: Dossier, zorgoverleg_id: int):
    return _zo_pagina(dossier, _zorgoverleg_of_404(dossier, zorgoverleg_id))


def _zo_url(dossier, zo, anker: str = "") -> str:
    return url_for("regie_vp.zorgoverleg", dossier_id=dossier.id, zorgoverleg_id=zo.id) + anker


@bp.route(ZO + "/<int:zorgoverleg_id>/verslag", methods=["POST"])
@login_required
@dossier_scherm("zorgoverleg.view", audit_action="zorgoverleg.view")
def verslag(dossier: Dossier, zorgoverleg_id: int):
    zo = _zorgoverleg_of_404(dossier, zorgoverleg_id)
    access.require(current_user, "zorgoverleg.verslag", zo)
    form = VerslagForm()
    if not form.validate_on_submit():
        return _zo_pagina(dossier, zo, 422, verslag_form=form)
    try:
        zo = zo_regels.bewaar_verslag(zo, form.verslag.data, form.versie.data, _user())
    except zo_regels.ZorgoverlegError as error:
        form.verslag.errors = [str(error)]
        return _zo_pagina(dossier, zo, 422, verslag_form=form)
    except zo_regels.ZorgoverlegConflict as conflict:
        _zet(form.versie, conflict.huidig.versie)  # a resubmit builds on the other version
        return _zo_pagina(dossier, conflict.huidig, 409, verslag_form=form, conflict=conflict)
    return answer("Het verslag is bewaard. Het zorgoverleg staat als gehouden.", _zo_url(dossier, zo, "#verslag"),
                  template="regie/zorgoverleg.html", block=ZO_BLOKKEN, key="verslag_melding",
                  context=lambda: _zo_context(dossier, zo))


@bp.route(ZO + "/<int:zorgoverleg_id>/besluit", methods=["POST"])
@login_required
@dossier_scherm("zorgoverleg.view", audit_action="zorgoverleg.view")
def besluit(dossier: Dossier, zorgoverleg_id: int):
    """A decision of the meeting becomes an action of the plan."""
    zo = _zorgoverleg_of_404(dossier, zorgoverleg_id)
    access.require(current_user, "zorgoverleg.besluit", zo)
    form = BesluitForm(doelen=zo_regels.doel_keuzes(dossier), organisaties=zo_regels.organisatie_keuzes())
    if not form.validate_on_submit():
        return _zo_pagina(dossier, zo, 422, besluit_form=form)
    try:
        zo_regels.besluit(zo, _user(), doel_id=int(form.doel.data), organisatie_id=int(form.organisatie.data),
                          omschrijving=form.omschrijving.data, deadline=form.deadline.data)
    except zo_regels.ZorgoverlegError as error:
        form[error.veld or "omschrijving"].errors = [str(error)]
        return _zo_pagina(dossier, zo, 422, besluit_form=form)
    return answer("Het besluit staat nu als actie in het plan van aanpak.", _zo_url(dossier, zo, "#besluiten"),
                  template="regie/zorgoverleg.html", block=ZO_BLOKKEN, key="besluit_melding",
                  context=lambda: _zo_context(dossier, zo))


@bp.route(ZO + "/<int:zorgoverleg_id>.ics", methods=["GET"])
@login_required
def ics(dossier_id: int, zorgoverleg_id: int):
    """The invitation: time, place and a link; no dossier data."""
    dossier = access.load(Dossier, dossier_id, "zorgoverleg.view")
    zo = zo_regels.van_dossier(dossier, zorgoverleg_id)
    if zo is None:
        abort(404)
    access.require(current_user, "zorgoverleg.ics", zo)
    audit.record("zorgoverleg.ics", zo)
    response = make_response(zo_regels.uitnodiging(zo, url_for(
        "regie_vp.zorgoverleg", dossier_id=dossier.id, zorgoverleg_id=zo.id, _external=True)))
    response.headers["Content-Type"] = "text/calendar; charset=utf-8"
    response.headers["Content-Disposition"] = 'attachment; filename="zorgoverleg.ics"'
    response.headers["Cache-Control"] = "no-store"
    return response
