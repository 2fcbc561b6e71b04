"""Parketcheck: the parket decides whether a dossier may be opened for information sharing.

The parket sees only what that decision needs: the persons with their birth dates, the PV
numbers, the forms of IFG and a short summary of the latest incident. Never the bijdragen, never
the full referral. Every view and every answer is audited.
"""
from __future__ import annotations

import datetime as dt

from flask import Blueprint, abort, current_app, flash, request, url_for
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from peewee import JOIN, fn
from wtforms import RadioField, TextAreaField
from wtforms.validators import Length

from vh import access, audit, transitions
from vh.db import db
from vh.htmx import redirect_after_post, render
from vh.models import Aanmelding, Dossier, Gemeente, Parketcheck, Persoon, Team, utcnow
from vh.templating import dagen_sinds
from vh.workflow import PARKET_UITKOMSTEN, WorkflowError

bp = Blueprint("parket", __name__)

RECENT_BEANTWOORD_DAGEN = 30
MAX_OPEN = 200
MAX_BEANTWOORD = 25
SAMENVATTING_TEKENS = 400


class AlBeantwoord(Exception):
    """Someone answered this request already (two tabs, two magistrates)."""


# ---------------------------------------------------------------- the rules, used by views and demo
def vraag_aan(dossier: Dossier, user) -> Parketcheck:
    """Ask the parket (raises WorkflowError when the phase is wrong or the parket is paused)."""
    with db.atomic():
        transitions.voer_uit(dossier, "parket_vragen", user)
        check = Parketcheck.create(dossier=dossier, gevraagd_door=user, gevraagd_op=dossier.fase_sinds)
        audit.record("parketcheck.request", check, user=user)
    return check


def _snapshot(check: Parketcheck) -> dict:
    return {"uitkomst": check.uitkomst, "beperkingen": check.beperkingen, "reden": check.reden,
            "beantwoord_op": check.beantwoord_op, "beantwoord_door": check.beantwoord_door_id}


def beantwoord(check: Parketcheck, user, uitkomst: str, beperkingen: str = "", reden: str = "") -> Parketcheck:
    """Record the parket's answer and move the dossier on to 'te bespreken'."""
    if uitkomst not in PARKET_UITKOMSTEN:
        raise ValueError(uitkomst)
    old = _snapshot(check)
    now = utcnow()
    values = dict(uitkomst=uitkomst, beantwoord_op=now, beantwoord_door=user.id,
                  beperkingen=beperkingen.strip() if uitkomst == "beperkingen" else "",
                  reden=reden.strip() if uitkomst == "bezwaar" else "")
    with db.atomic():
        n = (Parketcheck.update(**values)
             .where((Parketcheck.id == check.id) & Parketcheck.uitkomst.is_null()).execute())
        if n != 1:
            raise AlBeantwoord()
        check = Parketcheck.get_by_id(check.id)
        transitions.voer_uit(check.dossier, "parket_antwoord", user, PARKET_UITKOMSTEN[uitkomst])
        audit.record_change("parketcheck.answer", check, old, _snapshot(check), user=user)
    return check


def wacht_dagen_max() -> int:
    return int(current_app.config.get("VH_PARKET_WAIT_DAYS", 5))


def wacht(check: Parketcheck) -> dict:
    """How long a request waits, and whether that is too long (for the red tag)."""
    dagen = dagen_sinds(check.gevraagd_op)
    return {"dagen": dagen, "te_lang": check.uitkomst is None and dagen > wacht_dagen_max()}


# ---------------------------------------------------------------- screens
class AntwoordForm(FlaskForm):
    uitkomst = RadioField("Wat is uw antwoord?", choices=list(PARKET_UITKOMSTEN.items()),
                          validate_choice=False)
    beperkingen = TextAreaField("Welke informatie mag niet gedeeld worden?",
                                validators=[Length(max=4000, message="Gebruik hoogstens 4000 tekens.")])
    reden = TextAreaField("Waarom maakt u bezwaar?",
                          validators=[Length(max=4000, message="Gebruik hoogstens 4000 tekens.")])

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        if self.uitkomst.data not in PARKET_UITKOMSTEN:
            self.uitkomst.errors = list(self.uitkomst.errors) + [
                "Kies akkoord, akkoord met beperkingen of bezwaar."]
            return False
        if self.uitkomst.data == "beperkingen" and not (self.beperkingen.data or "").strip():
            self.beperkingen.errors = list(self.beperkingen.errors) + [
                "Schrijf welke informatie niet gedeeld mag worden. Iedereen die aan het dossier werkt, ziet dit."]
            ok = False
        if self.uitkomst.data == "bezwaar" and not (self.reden.data or "").strip():
            self.reden.errors = list(self.reden.errors) + [
                "Schrijf waarom u bezwaar maakt, bijvoorbeeld een lopend onderzoek (onderzoeksbelang)."]
            ok = False
        return ok


def _dossier_checks(query):
    return query.select(Parketcheck, Dossier, Team).join_from(Dossier, Team)


@bp.route("/parket", methods=["GET"])
@login_required
def lijst():
    access.require(current_user, "parket.inbox")
    zichtbaar = access.parketchecks_visible_to(current_user)
    open_ = list(_dossier_checks(zichtbaar).where(Parketcheck.uitkomst.is_null())
                 .order_by(Parketcheck.gevraagd_op, Parketcheck.id).limit(MAX_OPEN))
    sinds = utcnow() - dt.timedelta(days=RECENT_BEANTWOORD_DAGEN)
    beantwoord_ = list(_dossier_checks(access.parketchecks_visible_to(current_user))
                       .where(Parketcheck.uitkomst.is_null(False) & (Parketcheck.beantwoord_op >= sinds))
                       .order_by(Parketcheck.beantwoord_op.desc()).limit(MAX_BEANTWOORD))
    ids = [c.dossier.id for c in open_]
    aantallen = {}
    if ids:
        aantallen = dict(Persoon.select(Persoon.dossier, fn.COUNT(Persoon.id))
                         .where(Persoon.dossier.in_(ids)).group_by(Persoon.dossier).tuples())
    audit.record("parket.lijst", details={"parketchecks": [c.id for c in open_ + beantwoord_]})
    return render("parket/lijst.html", {"scherm": "content"}, title="Parketcheck",
                  open_=[(c, wacht(c), aantallen.get(c.dossier.id, 0)) for c in open_],
                  beantwoord=beantwoord_, max_dagen=wacht_dagen_max())


def _beslissingsinfo(check: Parketcheck) -> dict:
    """Only what the parket needs to decide."""
    d = check.dossier
    personen = list(Persoon.select(Persoon, Gemeente).join(Gemeente, JOIN.LEFT_OUTER)
                    .where(Persoon.dossier == d.id).order_by(Persoon.geboortedatum, Persoon.id))
    aanmeldingen = list(Aanmelding.select(Aanmelding.id, Aanmelding.pv_nummers, Aanmelding.recent_incident,
                                          Aanmelding.datum_incident, Aanmelding.ingediend_op)
                        .where(Aanmelding.dossier == d.id)
                        .order_by(Aanmelding.ingediend_op.desc(), Aanmelding.id.desc()))
    pv = []
    for a in aanmeldingen:
        for nr in (a.pv_nummers or "").replace(";", ",").replace("\n", ",").split(","):
            if nr.strip() and nr.strip() not in pv:
                pv.append(nr.strip())
    laatste = aanmeldingen[0] if aanmeldingen else None
    samenvatting = ""
    if laatste and laatste.recent_incident:
        tekst = " ".join(laatste.recent_incident.split())
        samenvatting = tekst if len(tekst) <= SAMENVATTING_TEKENS else tekst[:SAMENVATTING_TEKENS].rsplit(" ", 1)[0] + " …"
    return dict(dossier=d, personen=personen, pv_nummers=pv, samenvatting=samenvatting,
                datum_incident=laatste.datum_incident if laatste else None)


@bp.route("/parket/<int:check_id>", methods=["GET", "POST"])
@login_required
def toon(check_id):
    if request.method == "GET":
        check = audit.load(Parketcheck, check_id, "parketcheck.view")
    else:
        check = Parketcheck.get_or_none(Parketcheck.id == check_id) or abort(404)
        if check.uitkomst is not None and access.can(current_user, "parketcheck.view", check):
            flash("Deze vraag werd al beantwoord.", "info")
            return redirect_after_post(url_for("parket.toon", check_id=check.id))
        access.require(current_user, "parketcheck.answer", check)
    form = AntwoordForm()
    fout = None
    if request.method == "POST":
        if form.validate():
            try:
                beantwoord(check, current_user._get_current_object(), form.uitkomst.data,
                           form.beperkingen.data or "", form.reden.data or "")
            except AlBeantwoord:
                flash("Deze vraag werd intussen al beantwoord.", "info")
                return redirect_after_post(url_for("parket.toon", check_id=check.id))
            except WorkflowError as error:
                fout = str(error)
            else:
                flash("Uw antwoord is bewaard. De coördinator van het Veilig Huis ziet het meteen.", "success")
                return redirect_after_post(url_for("parket.lijst"))
        audit.record("parketcheck.view", check)  # the form is shown again, with the persons
    status = 422 if request.method == "POST" else 200
    return render("parket/toon.html", {"scherm": "content", "antwoord": "antwoord"}, status=status,
                  title=f"Parketcheck {check.dossier.nummer}", check=check, form=form, fout=fout,
                  wacht=wacht(check), max_dagen=wacht_dagen_max(), **_beslissingsinfo(check))
