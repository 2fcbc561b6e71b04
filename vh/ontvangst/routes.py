"""Ontvangst's screens: the coordinator's inbox of submitted referrals, the decision on one
referral and the team setting "het parket neemt tijdelijk niet deel". The rules are in
`beoordelen` (inbox, "already known?", the three decisions) and `pauze`."""
from __future__ import annotations

from flask import Blueprint, abort, request, url_for
from flask_login import current_user, login_required

from vh import access, audit
from vh.htmx import answer, is_fragment_request, render
from vh.keuzes import AanmeldingStatus, Fase
from vh.models import Aanmelding, Team
from vh.ontvangst import beoordelen
from vh.ontvangst.forms import BESTAAND, NIET_ONTVANKELIJK, OntvangstForm, OverdrachtForm, PauzeForm, ZoekForm
from vh.ontvangst.pauze import wachten_op_parketcheck, zet_parket_pauze
from vh.workflow import WorkflowError

bp = Blueprint("ontvangst", __name__)


@bp.route("/ontvangst", methods=["GET"])
@login_required
def inbox():
    access.require(current_user, "ontvangst.inbox")
    aanmeldingen, meer = beoordelen.inbox(current_user)
    return render("ontvangst/inbox.html", {"scherm": "content"}, title="Ontvangst",
                  aanmeldingen=aanmeldingen, gekend=beoordelen.mogelijk_gekend(aanmeldingen, current_user.team_ids),
                  meer=meer, max_lijst=beoordelen.MAX_LIJST, teams=current_user.teams)


def _beslis(a: Aanmelding, form: OntvangstForm, ctx: dict):
    """Carry out the validated decision with its rule; the answer says what happened."""
    user = current_user._get_current_object()
    if form.beslissing.data == NIET_ONTVANKELIJK:
        beoordelen.niet_ontvankelijk(a, user, form.reden.data)
        return answer("De aanmelding is niet ontvankelijk. Stel nu de adviesbrief aan de aanmelder op.",
                      url_for("brieven.nieuw", aanmelding_id=a.id))
    if form.beslissing.data == BESTAAND:
        dossier = beoordelen.bij_dossier(a, form.gekozen_dossier(ctx["joinable"]), user)
        return answer(f"De aanmelding is toegevoegd aan dossier {dossier.nummer}.",
                      url_for("dossiers.toon", dossier_id=dossier.id))
    dossier = beoordelen.nieuw_dossier(
        a, user, ctx["team"] if ctx["team"] is not None else form.gekozen_team(ctx["teams"]))
    if dossier.fase == Fase.PARKETCHECK:
        return answer(f"Dossier {dossier.nummer} is geopend en de parketcheck is gevraagd.",
                      url_for("dossiers.toon", dossier_id=dossier.id))
    return answer(f"Dossier {dossier.nummer} is geopend. Het parket neemt tijdelijk niet deel: "
                  "de parketcheck wordt pas gevraagd als het weer deelneemt.",
                  url_for("dossiers.toon", dossier_id=dossier.id), category="info")


@bp.route("/ontvangst/<int:aanmelding_id>", methods=["GET", "POST"])
@login_required
def toon(aanmelding_id):
    if request.method == "GET":
        a = audit.load(Aanmelding, aanmelding_id, "aanmelding.view")
    else:
        a = access.load(Aanmelding, aanmelding_id, "aanmelding.receive")
    ctx = beoordelen.beoordeling(a, current_user, gekozen=request.form.get("dossier"))
    form = OntvangstForm.voor(ctx["joinable"], ctx["teams"])
    fout = None
    if request.method == "POST":
        if a.status != AanmeldingStatus.INGEDIEND:
            return answer("Over deze aanmelding werd al beslist.",
                          url_for("ontvangst.toon", aanmelding_id=a.id), category="info")
        if form.check(ctx["joinable"], ctx["teams"]):
            try:
                return _beslis(a, form, ctx)
            except beoordelen.AlBehandeld:
                return answer("Een collega besliste intussen al over deze aanmelding.",
                              url_for("ontvangst.toon", aanmelding_id=a.id), category="info")
            except WorkflowError as error:
                fout = str(error)
        audit.record("aanmelding.view", a)  # the referral is shown again, with the persons
    return render("ontvangst/toon.html", {"scherm": "content", "beslissing": "beslissing"},
                  status=422 if request.method == "POST" else 200,
                  title=f"Aanmelding {a.nummer}", a=a, form=form, fout=fout,
                  zoekform=ZoekForm(formdata=None),
                  overdracht=OverdrachtForm.voor(ctx["andere_teams"]), **ctx)


@bp.route("/ontvangst/<int:aanmelding_id>/zoeken", methods=["POST"])
@login_required
def zoek(aanmelding_id):
    """The coordinator's name search on a referral's screen; the results each join by hand."""
    a = access.load(Aanmelding, aanmelding_id, "aanmelding.receive")
    zoekform = ZoekForm()
    gevonden, meer, status = None, False, 422
    if zoekform.validate():
        gevonden, meer = beoordelen.zoek_op_naam(a, current_user._get_current_object(),
                                                 zoekform.naam.data, zoekform.geboortedatum.data)
        status = 200
    elif "csrf_token" in zoekform.errors:
        abort(400)
    ctx = beoordelen.beoordeling(a, current_user)
    if not is_fragment_request():
        audit.record("aanmelding.view", a)  # the whole referral is shown again
    return render("ontvangst/toon.html", {"scherm": "content", "zoeken": "zoeken"}, status=status,
                  title=f"Aanmelding {a.nummer}", a=a, form=OntvangstForm.voor(ctx["joinable"], ctx["teams"]),
                  fout=None, zoekform=zoekform, gevonden=gevonden, meer_gevonden=meer,
                  max_gezocht=beoordelen.MAX_GEZOCHT,
                  overdracht=OverdrachtForm.voor(ctx["andere_teams"]), **ctx)


@bp.route("/ontvangst/<int:aanmelding_id>/overdragen", methods=["POST"])
@login_required
def overdragen(aanmelding_id):
    """Hand the referral to another team; it leaves this team's inbox."""
    a = access.load(Aanmelding, aanmelding_id, "aanmelding.receive")
    if a.status != AanmeldingStatus.INGEDIEND:
        return answer("Over deze aanmelding werd al beslist.",
                      url_for("ontvangst.toon", aanmelding_id=a.id), category="info")
    access.require(current_user, "aanmelding.overdragen", a)
    ctx = beoordelen.beoordeling(a, current_user)
    overdracht = OverdrachtForm.voor(ctx["andere_teams"])
    team = overdracht.check(ctx["andere_teams"])
    if team is not None:
        try:
            beoordelen.overdragen(a, team, current_user._get_current_object())
        except beoordelen.AlBehandeld:
            return answer("Een collega besliste intussen al over deze aanmelding.",
                          url_for("ontvangst.inbox"), category="info")
        return answer(f"Aanmelding {a.nummer} is overgedragen aan {team.naam}.", url_for("ontvangst.inbox"))
    audit.record("aanmelding.view", a)  # the referral is shown again, with the persons
    return render("ontvangst/toon.html", {"scherm": "content", "overdracht": "overdracht"}, status=422,
                  title=f"Aanmelding {a.nummer}", a=a, form=OntvangstForm.voor(ctx["joinable"], ctx["teams"]),
                  fout=None, overdracht=overdracht, zoekform=ZoekForm(formdata=None), **ctx)


@bp.route("/ontvangst/team/<int:team_id>", methods=["GET", "POST"])
@login_required
def team(team_id):
    t = access.load(Team, team_id, "team.settings")
    form = PauzeForm(data={"pauze": "ja" if t.parket_pauze else "nee"} if request.method == "GET" else None)
    if request.method == "POST" and form.check():
        veranderd = zet_parket_pauze(t, form.pauze.data == "ja", current_user._get_current_object())
        bericht = None
        if veranderd:
            bericht = ("Het parket neemt tijdelijk niet deel. Er worden geen nieuwe parketchecks gevraagd "
                       "en er wordt geen nieuwe informatie gedeeld." if t.parket_pauze else
                       "Het parket neemt weer deel. Vraag de parketcheck aan voor de dossiers die wachtten.")
        return answer(bericht, url_for("ontvangst.team", team_id=t.id))
    wachtend = list(wachten_op_parketcheck(t).limit(beoordelen.MAX_LIJST))
    return render("ontvangst/team.html", {"scherm": "content"},
                  status=422 if request.method == "POST" else 200,
                  title=f"Instellingen {t.naam}", t=t, form=form, wachtend=wachtend)
