"""Ontvangst: the coordinator's inbox of submitted referrals, the admissibility decision, the
"already known?" suggestion, the first dossier step and the team setting "het parket neemt
tijdelijk niet deel"."""
from __future__ import annotations

from flask import Blueprint, abort, flash, request, url_for
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from peewee import JOIN
from wtforms import RadioField, SelectField, TextAreaField
from wtforms.validators import Length

from vh import access, audit
from vh.aanmelding import indienen
from vh.db import db
from vh.htmx import redirect_after_post, render
from vh.models import (
    Aanmelding,
    Besluit,
    Dossier,
    Gemeente,
    Nummering,
    Organisatie,
    Overgang,
    Persoon,
    Team,
    join_list,
    utcnow,
)
from vh.parket.parketcheck import vraag_aan
from vh.workflow import WorkflowError

bp = Blueprint("ontvangst", __name__)

MAX_LIJST = 200
BRONNEN = {"formulier": "Formulier", "politie-kort": "Politie", "politie-instroom": "Politie (instroom)"}


class AlBehandeld(Exception):
    """Another coordinator decided on this referral first."""


# ---------------------------------------------------------------- the rules (views and demo use these)
def _snapshot(a: Aanmelding) -> dict:
    return {"status": a.status, "dossier": a.dossier_id, "team": a.team_id,
            "behandeld_op": a.behandeld_op, "behandeld_door": a.behandeld_door_id,
            "reden_niet_ontvankelijk": a.reden_niet_ontvankelijk}


def _neem(a: Aanmelding, user, status: str, **velden) -> None:
    """Set the outcome only if nobody did it first (a conditional UPDATE, safe for two tabs)."""
    now = utcnow()
    values = dict(status=status, behandeld_op=now, behandeld_door=user.id, gewijzigd_op=now, **velden)
    n = (Aanmelding.update(**values)
         .where((Aanmelding.id == a.id) & (Aanmelding.status == "ingediend")).execute())
    if n != 1:
        raise AlBehandeld()
    for name, value in values.items():
        setattr(a, name, value)


def niet_ontvankelijk(a: Aanmelding, user, reden: str) -> Besluit:
    old = _snapshot(a)
    with db.atomic():
        _neem(a, user, "niet_ontvankelijk", reden_niet_ontvankelijk=reden.strip())
        besluit = Besluit.create(aanmelding=a, uitkomst="niet_ontvankelijk", motivering=reden.strip(),
                                 beslist_door=user)
        audit.record_change("aanmelding.niet_ontvankelijk", a, old, _snapshot(a), user=user)
        audit.record("besluit.create", besluit, user=user,
                     details={"uitkomst": "niet_ontvankelijk", "aanmelding_id": a.id})
    return besluit


def bij_dossier(a: Aanmelding, dossier: Dossier, user) -> Dossier:
    """Join an existing dossier: its phase stays; persons not yet in it are added."""
    old = _snapshot(a)
    with db.atomic():
        _neem(a, user, "ontvankelijk", dossier=dossier.id)
        bekend = {indienen.sleutel(p) for p in Persoon.select().where(Persoon.dossier == dossier.id)}
        nieuw = [p.id for p in a.personen
                 if not (p.geboortedatum and indienen.sleutel(p) in bekend) and p.dossier_id is None]
        if nieuw:
            Persoon.update(dossier=dossier.id).where(Persoon.id.in_(nieuw)).execute()
        vormen = join_list(dict.fromkeys(dossier.vormen + a.vormen))
        if vormen != dossier.ifg_vormen:
            oud = dossier.ifg_vormen
            dossier.ifg_vormen = vormen
            dossier.save(only=[Dossier.ifg_vormen])
            audit.record_change("dossier.edit", dossier, {"ifg_vormen": oud}, {"ifg_vormen": vormen}, user=user)
        audit.record_change("aanmelding.ontvankelijk", a, old, _snapshot(a), user=user)
        audit.record("dossier.aanmelding_toegevoegd", dossier, user=user,
                     details={"aanmelding_id": a.id, "personen_toegevoegd": len(nieuw)})
    return dossier


def nieuw_dossier(a: Aanmelding, user, team: Team) -> Dossier:
    """Open a new dossier for the referral and, unless the team's parket is paused, ask the parket."""
    old = _snapshot(a)
    with db.atomic():
        _neem(a, user, "ontvankelijk", **({"team": team.id} if a.team_id is None else {}))
        dossier = Dossier.create(nummer=Nummering.volgende("dossier", "D"), team=team,
                                 ifg_vormen=a.ifg_vormen, pilootzone=a.pilootzone, aangemaakt_door=user)
        Aanmelding.update(dossier=dossier.id).where(Aanmelding.id == a.id).execute()
        a.dossier = dossier
        Persoon.update(dossier=dossier.id).where(Persoon.aanmelding == a.id).execute()
        Overgang.create(dossier=dossier, van=None, naar="nieuw", actie="openen", door=user,
                        op=dossier.aangemaakt_op)
        audit.record("dossier.create", dossier, user=user,
                     details={"aanmelding_id": a.id, "team_id": team.id})
        audit.record_change("aanmelding.ontvankelijk", a, old, _snapshot(a), user=user)
        if not team.parket_pauze:
            vraag_aan(dossier, user)
    return dossier


def zet_parket_pauze(team: Team, pauze: bool, user) -> bool:
    """Switch "het parket neemt tijdelijk niet deel"; returns whether anything changed."""
    if team.parket_pauze == pauze:
        return False
    old = {"parket_pauze": team.parket_pauze, "parket_pauze_sinds": team.parket_pauze_sinds}
    team.parket_pauze = pauze
    team.parket_pauze_sinds = utcnow() if pauze else None
    with db.atomic():
        team.save(only=[Team.parket_pauze, Team.parket_pauze_sinds])
        audit.record_change("team.parket_pauze", team, old,
                            {"parket_pauze": team.parket_pauze, "parket_pauze_sinds": team.parket_pauze_sinds},
                            user=user)
    return True


def wachten_op_parketcheck(team: Team):
    """Dossiers of the team left in 'nieuw' (e.g. opened while the parket did not take part)."""
    return (Dossier.select().where((Dossier.team == team.id) & (Dossier.fase == "nieuw"))
            .order_by(Dossier.aangemaakt_op))


def mogelijk_gekend(aanmeldingen, team_ids) -> set[int]:
    """Which referrals have a person already known in an open or recent dossier of their team
    (or, without a team, of one of `team_ids`): `indienen.gekend` for a whole list, two queries."""
    by_id = {a.id: a for a in aanmeldingen}
    if not by_id:
        return set()
    personen = list(Persoon.select(Persoon.id, Persoon.aanmelding, Persoon.naam_norm, Persoon.geboortedatum)
                    .where(Persoon.aanmelding.in_(list(by_id)) & Persoon.geboortedatum.is_null(False)))
    matches = indienen.gekend(personen, team_ids)
    return {p.aanmelding_id for p in personen for k in matches.get(p.id, [])
            if by_id[p.aanmelding_id].team_id in (None, k.dossier.team_id)}


# ---------------------------------------------------------------- forms
class OntvangstForm(FlaskForm):
    beslissing = RadioField("Is de aanmelding ontvankelijk?", validate_choice=False, choices=[
        ("niet_ontvankelijk", "Niet ontvankelijk: de aanmelder krijgt een advies"),
        ("bestaand", "Ontvankelijk: bij een bestaand dossier voegen"),
        ("nieuw", "Ontvankelijk: een nieuw dossier openen"),
    ])
    reden = TextAreaField("Waarom is de aanmelding niet ontvankelijk?",
                          validators=[Length(max=4000, message="Gebruik hoogstens 4000 tekens.")])
    dossier = RadioField("Bij welk dossier hoort deze aanmelding?", choices=[], validate_choice=False)
    team = SelectField("Welk team neemt het dossier op?", choices=[], validate_choice=False)

    def check(self, joinable: list[Dossier], teams: list[Team] | None) -> bool:
        """Validate, with the choices of this referral (foreign ids are refused, not trusted)."""
        ok = self.validate()

        def fout(field, message):
            field.errors = list(field.errors) + [message]

        keuze = self.beslissing.data
        toegestaan = ["niet_ontvankelijk", "nieuw"] + (["bestaand"] if joinable else [])
        if keuze not in toegestaan:
            fout(self.beslissing, "Kies of de aanmelding ontvankelijk is.")
            return False
        if keuze == "niet_ontvankelijk" and not (self.reden.data or "").strip():
            fout(self.reden, "Schrijf waarom de aanmelding niet ontvankelijk is. "
                             "Dit helpt om de aanmelder een passend advies te geven.")
            ok = False
        if keuze == "bestaand" and self.dossier.data not in {str(d.id) for d in joinable}:
            fout(self.dossier, "Kies een van de voorgestelde dossiers.")
            ok = False
        if keuze == "nieuw" and teams is not None and self.team.data not in {str(t.id) for t in teams}:
            fout(self.team, "Kies het team dat het dossier opneemt.")
            ok = False
        return ok


class PauzeForm(FlaskForm):
    pauze = RadioField("Neemt het parket deel?", validate_choice=False, choices=[
        ("nee", "Ja, het parket neemt deel"),
        ("ja", "Nee, het parket neemt tijdelijk niet deel"),
    ])


# ---------------------------------------------------------------- screens
@bp.route("/ontvangst", methods=["GET"])
@login_required
def inbox():
    access.require(current_user, "ontvangst.inbox")
    query = (access.aanmeldingen_received_by(current_user)
             .select(Aanmelding, Organisatie, Team)
             .join(Organisatie, JOIN.LEFT_OUTER, on=(Aanmelding.organisatie == Organisatie.id))
             .switch(Aanmelding)
             .join(Team, JOIN.LEFT_OUTER, on=(Aanmelding.team == Team.id))
             .where(Aanmelding.status == "ingediend")
             .order_by(Aanmelding.ingediend_op, Aanmelding.id)
             .limit(MAX_LIJST + 1))
    aanmeldingen = list(query)
    meer = len(aanmeldingen) > MAX_LIJST
    aanmeldingen = aanmeldingen[:MAX_LIJST]
    gekend = mogelijk_gekend(aanmeldingen, current_user.team_ids)
    return render("ontvangst/inbox.html", {"scherm": "content"}, title="Ontvangst",
                  aanmeldingen=aanmeldingen, gekend=gekend, meer=meer, max_lijst=MAX_LIJST,
                  bronnen=BRONNEN, teams=current_user.teams)


def _context(a: Aanmelding) -> dict:
    user = current_user
    personen = list(Persoon.select(Persoon, Gemeente).join(Gemeente, JOIN.LEFT_OUTER)
                    .where(Persoon.aanmelding == a.id).order_by(Persoon.id))
    bekend = [(d, paren) for d, paren in indienen.bekende_dossiers(a)
              if access.can(user, "dossier.edit", d)]
    joinable = [d for d, _ in bekend if d.fase != "afgesloten"]
    teams = None if a.team_id else list(access.teams_coordinated_by(user))  # outside Vlaams-Brabant: the coordinator chooses
    return dict(a=a, personen=personen, bekend=bekend, joinable=joinable, teams=teams, bronnen=BRONNEN,
                team=a.team if a.team_id else None)


@bp.route("/ontvangst/<int:aanmelding_id>", methods=["GET", "POST"])
@login_required
def toon(aanmelding_id):
    if request.method == "GET":
        a = audit.load(Aanmelding, aanmelding_id, "aanmelding.view")
    else:
        a = Aanmelding.get_or_none(Aanmelding.id == aanmelding_id) or abort(404)
        access.require(current_user, "aanmelding.receive", a)
    ctx = _context(a)
    form = OntvangstForm()
    form.dossier.choices = [(str(d.id), d.nummer) for d in ctx["joinable"]]
    form.team.choices = [("", "Kies een team")] + [(str(t.id), t.naam) for t in (ctx["teams"] or [])]
    fout = None
    if request.method == "POST":
        user = current_user._get_current_object()
        if a.status != "ingediend":
            flash("Over deze aanmelding werd al beslist.", "info")
            return redirect_after_post(url_for("ontvangst.toon", aanmelding_id=a.id))
        if form.check(ctx["joinable"], ctx["teams"]):
            try:
                if form.beslissing.data == "niet_ontvankelijk":
                    niet_ontvankelijk(a, user, form.reden.data)
                    flash("De aanmelding is niet ontvankelijk. Stel nu de adviesbrief aan de aanmelder op.", "success")
                    return redirect_after_post(url_for("brieven.nieuw", aanmelding_id=a.id))
                if form.beslissing.data == "bestaand":
                    dossier = Dossier.get_by_id(int(form.dossier.data))
                    bij_dossier(a, dossier, user)
                    flash(f"De aanmelding is toegevoegd aan dossier {dossier.nummer}.", "success")
                else:
                    team = a.team if a.team_id else Team.get_by_id(int(form.team.data))
                    dossier = nieuw_dossier(a, user, team)
                    if dossier.fase == "parketcheck":
                        flash(f"Dossier {dossier.nummer} is geopend en de parketcheck is gevraagd.", "success")
                    else:
                        flash(f"Dossier {dossier.nummer} is geopend. Het parket neemt tijdelijk niet deel: "
                              "de parketcheck wordt pas gevraagd als het weer deelneemt.", "info")
                return redirect_after_post(url_for("dossiers.toon", dossier_id=dossier.id))
            except AlBehandeld:
                flash("Een collega besliste intussen al over deze aanmelding.", "info")
                return redirect_after_post(url_for("ontvangst.toon", aanmelding_id=a.id))
            except WorkflowError as error:
                fout = str(error)
        audit.record("aanmelding.view", a)
    return render("ontvangst/toon.html", {"scherm": "content", "beslissing": "beslissing"},
                  status=422 if request.method == "POST" else 200,
                  title=f"Aanmelding {a.nummer}", form=form, fout=fout, **ctx)


@bp.route("/ontvangst/team/<int:team_id>", methods=["GET", "POST"])
@login_required
def team(team_id):
    t = Team.get_or_none(Team.id == team_id) or abort(404)
    access.require(current_user, "team.settings", t)
    form = PauzeForm(data={"pauze": "ja" if t.parket_pauze else "nee"} if request.method == "GET" else None)
    if request.method == "POST":
        if form.validate() and form.pauze.data in ("ja", "nee"):
            if zet_parket_pauze(t, form.pauze.data == "ja", current_user._get_current_object()):
                flash("Het parket neemt tijdelijk niet deel. Er worden geen nieuwe parketchecks gevraagd "
                      "en er wordt geen nieuwe informatie gedeeld." if t.parket_pauze else
                      "Het parket neemt weer deel. Vraag de parketcheck aan voor de dossiers die wachtten.",
                      "success")
            return redirect_after_post(url_for("ontvangst.team", team_id=t.id))
        form.pauze.errors = ["Kies of het parket deelneemt."]
    wachtend = list(wachten_op_parketcheck(t).limit(MAX_LIJST))
    return render("ontvangst/team.html", {"scherm": "content"},
                  status=422 if request.method == "POST" else 200,
                  title=f"Instellingen {t.naam}", t=t, form=form, wachtend=wachtend)
