"""The advice letter: compose → preview → send (frozen), print view and PDF download.

The rules are vh/triage/brieven.py; this module parses, renders and answers."""
from __future__ import annotations

from flask import Blueprint, abort, make_response, redirect, request, url_for
from flask_login import current_user, login_required

from vh import audit, richtext
from vh.htmx import answer, render
from vh.models import Aanmelding, Brief
from vh.tijd import utcnow
from vh.triage import brieven
from vh.triage.forms import BriefForm

bp = Blueprint("brieven", __name__)
# htmx targeting #brief gets just that region; any other htmx request (e.g. after HX-Location) the page.
REGIO = {"brief": "brief"}


def _weigering(title: str, text: str, status: int = 409):
    return render("errors/error.html", "content", status=status, code=status, title=title, text=text)


def _opstellen_pagina(aanmelding, form, besluit, status: int = 200):
    return render("brieven/nieuw.html", REGIO, status=status, aanmelding=aanmelding, form=form,
                  besluit=besluit, title="Adviesbrief opstellen")


def _versturen(draft: Brief | None):
    if draft is None:
        return _weigering("Bekijk eerst de brief", "Stel de brief op en bekijk hem voor u hem verstuurt.")
    try:
        brief = brieven.verstuur(draft, current_user)
    except brieven.BriefError as error:
        return _weigering("De brief is al verzonden", str(error))
    return answer("De brief is verzonden. De aanmelder kan hem nu lezen en downloaden bij ‘Mijn aanmeldingen’.",
                  url_for("brieven.toon", brief_id=brief.id))


def _bewaren(aanmelding: Aanmelding, form: BriefForm, besluit):
    if form.validate_on_submit():
        try:
            brieven.opstellen(aanmelding, form.onderwerp.data, form.tekst.data, current_user)
        except brieven.BriefError as error:
            if error.veld is None:
                return _weigering("De brief is al verzonden", str(error))
            getattr(form, error.veld).errors = [str(error)]
        else:
            return answer(None, url_for("brieven.nieuw", aanmelding_id=aanmelding.id, stap="voorbeeld"))
    return _opstellen_pagina(aanmelding, form, besluit, 422)


@bp.route("/aanmeldingen/<int:aanmelding_id>/brief", methods=["GET", "POST"])
@login_required
def nieuw(aanmelding_id):
    aanmelding = audit.load(Aanmelding, aanmelding_id, "brief.compose", audit_action="aanmelding.view")
    sent = brieven.verzonden(aanmelding)
    if sent is not None:
        if request.method == "GET":
            return redirect(url_for("brieven.toon", brief_id=sent.id), 303)
        return _weigering("De brief is al verzonden",
                          "Een verzonden brief kan niet meer gewijzigd worden. U kunt hem bekijken en afdrukken.")
    besluit = brieven.advies_besluit(aanmelding)
    if besluit is None:
        return _weigering("Geen brief bij deze aanmelding",
                          "Een adviesbrief hoort bij een besluit ‘advies’ of ‘niet ontvankelijk’. "
                          "Over deze aanmelding is zo nog niet beslist.")
    draft = brieven.ontwerp(aanmelding)
    form = BriefForm()
    if request.method == "POST":
        if request.form.get("actie") == "versturen":
            return _versturen(draft)
        return _bewaren(aanmelding, form, besluit)
    if request.args.get("stap") == "voorbeeld" and draft is not None:
        return render("brieven/voorbeeld.html", REGIO, aanmelding=aanmelding, brief=draft,
                      letter=brieven.render_brief(draft, current_user, utcnow()),
                      title="Adviesbrief nakijken")
    if draft is not None:
        form.onderwerp.data = draft.onderwerp
        form.tekst.data = richtext.html_naar_tekst(draft.inhoud)
    else:
        form.onderwerp.data = brieven.standaard_onderwerp(aanmelding)
        form.tekst.data = richtext.html_naar_tekst(brieven.standaard_inhoud(aanmelding, besluit))
    return _opstellen_pagina(aanmelding, form, besluit)


@bp.route("/brieven/<int:brief_id>", methods=["GET"])
@login_required
def toon(brief_id):
    brief = audit.load(Brief, brief_id, "brief.view")
    if brief.verzonden_op is None:  # only a coordinator gets here: the draft is checked in the preview
        return redirect(url_for("brieven.nieuw", aanmelding_id=brief.aanmelding_id, stap="voorbeeld"), 303)
    return render("brieven/toon.html", REGIO, brief=brief, title=brief.onderwerp)


@bp.route("/brieven/<int:brief_id>.pdf", methods=["GET"])
@login_required
def pdf(brief_id):
    brief = audit.load(Brief, brief_id, "brief.pdf")
    if brief.verzonden_op is None:
        abort(404)
    response = make_response(brieven.pdf(brief))
    response.headers["Content-Type"] = "application/pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{brieven.bestandsnaam(brief)}"'
    response.headers["Cache-Control"] = "no-store"
    return response
