"""Beheer: the functioneel beheerder manages users and organisations. No dossier content here.

Every create, edit, deactivation and reactivation is audited with old and new values (never a
password hash). Lists load in a fixed number of queries, whatever the number of rows."""
from __future__ import annotations

from collections import defaultdict

from flask import Blueprint, abort, flash, redirect, request, url_for
from flask_login import current_user, login_required
from peewee import JOIN, IntegrityError, fn

from vh import access, audit
from vh.auth.accounts import AccountError, create_user, hash_password
from vh.db import db
from vh.htmx import is_fragment_request, redirect_after_post, render
from vh.models import ROLLEN, Gemeente, Organisatie, Team, User, UserTeam, join_list

from .forms import GebruikerForm, OrganisatieForm

bp = Blueprint("beheer", __name__)


@bp.before_request
@login_required
def _alleen_beheerder():
    access.require(current_user, "beheer")


def _get_or_404(model, pk):
    obj = model.get_or_none(model.id == pk)
    if obj is None:
        abort(404)
    return obj


# ---------------------------------------------------------------- users
def _teams_per_user(user_ids) -> dict[int, list[Team]]:
    """One query for the teams of all listed users."""
    result = defaultdict(list)
    if user_ids:
        query = (UserTeam.select(UserTeam.user, Team).join(Team)
                 .where(UserTeam.user.in_(list(user_ids))).order_by(Team.naam))
        for link in query:
            result[link.user_id].append(link.team)
    return result


def _gebruikers_query():
    return (User.select(User, Organisatie).join(Organisatie, JOIN.LEFT_OUTER)
            .order_by(User.actief.desc(), User.naam, User.id))


def _rij(user: User) -> dict:
    """What one row of the list shows."""
    return {"user": user, "teams": _teams_per_user([user.id]).get(user.id, [])}


def snapshot_gebruiker(user: User, teams=None) -> dict:
    """The audited state of an account: never the password hash."""
    if teams is None:
        teams = [t.naam for t in Team.select().join(UserTeam).where(UserTeam.user == user.id)]
    return {
        "email": user.email, "naam": user.naam, "functie": user.functie, "telefoon": user.telefoon,
        "rollen": sorted(user.roles),
        "organisatie": user.organisatie.naam if user.organisatie_id else None,
        "teams": sorted(teams), "actief": user.actief,
    }


@bp.route("/beheer")
def index():
    return redirect(url_for("beheer.gebruikers"))


def _lijst_context() -> dict:
    users = list(_gebruikers_query())
    teams = _teams_per_user([u.id for u in users])
    return {"rijen": [{"user": u, "teams": teams.get(u.id, [])} for u in users],
            "title": "Gebruikers"}


@bp.route("/beheer/gebruikers")
def gebruikers():
    return render("beheer/gebruikers.html", "content", **_lijst_context())


def _gebruiker_form(user: User | None):
    organisaties = Organisatie.select().where(
        Organisatie.actief | (Organisatie.id == (user.organisatie_id if user else None)))
    return GebruikerForm(nieuw=user is None, organisaties=organisaties.order_by(Organisatie.naam),
                         teams=Team.select().order_by(Team.naam),
                         data=None if user is None or request.method == "POST" else {
                             "naam": user.naam, "email": user.email, "functie": user.functie,
                             "telefoon": user.telefoon,
                             "organisatie": str(user.organisatie_id or ""),
                             "rollen": sorted(user.roles, key=list(ROLLEN).index),
                             "teams": [str(t) for t in user.team_ids]})


def _email_bezet(email: str, behalve: int | None = None) -> bool:
    query = User.select().where(fn.LOWER(User.email) == email)
    if behalve:
        query = query.where(User.id != behalve)
    return query.exists()


def _formulier(form, user, status=200):
    return render("beheer/gebruiker.html", "content", status=status, form=form, gebruiker=user,
                  title="Nieuwe gebruiker" if user is None else f"Gebruiker {user.naam}")


@bp.route("/beheer/gebruikers/nieuw", methods=["GET", "POST"])
def gebruiker_nieuw():
    form = _gebruiker_form(None)
    if not form.validate_on_submit():
        return _formulier(form, None, 422 if form.is_submitted() else 200)
    email = form.email.data.strip().lower()
    if _email_bezet(email):
        form.email.errors.append("Er bestaat al een account met dit e-mailadres.")
        return _formulier(form, None, 422)
    try:
        with db.atomic():
            user = create_user(
                email=email, naam=form.naam.data.strip(), rollen=form.rollen.data,
                password=form.wachtwoord.data, organisatie=Organisatie.get_by_id(int(form.organisatie.data)),
                teams=list(Team.select().where(Team.id.in_([int(t) for t in form.teams.data]))),
                functie=(form.functie.data or "").strip(), telefoon=(form.telefoon.data or "").strip())
            audit.record_change("beheer.gebruiker.create", user, {}, snapshot_gebruiker(user))
    except (AccountError, IntegrityError):
        form.email.errors.append("Er bestaat al een account met dit e-mailadres.")
        return _formulier(form, None, 422)
    flash(f"Het account van {user.naam} is aangemaakt.", "success")
    return redirect_after_post(url_for("beheer.gebruikers"))


@bp.route("/beheer/gebruikers/<int:user_id>", methods=["GET", "POST"])
def gebruiker(user_id: int):
    user = _get_or_404(User, user_id)
    form = _gebruiker_form(user)
    if not form.validate_on_submit():
        return _formulier(form, user, 422 if form.is_submitted() else 200)
    email = form.email.data.strip().lower()
    if _email_bezet(email, behalve=user.id):
        form.email.errors.append("Er bestaat al een account met dit e-mailadres.")
        return _formulier(form, user, 422)
    if user.id == current_user.id and "beheerder" not in form.rollen.data:
        form.rollen.errors.append("U kunt uw eigen rol van functioneel beheerder niet afnemen. "
                                  "Vraag dat aan een andere beheerder.")
        return _formulier(form, user, 422)
    old = snapshot_gebruiker(user)
    team_ids = [int(t) for t in form.teams.data]
    try:
        with db.atomic():
            user.naam = form.naam.data.strip()
            user.email = email
            user.functie = (form.functie.data or "").strip()
            user.telefoon = (form.telefoon.data or "").strip()
            user.rollen = join_list(r for r in ROLLEN if r in form.rollen.data)
            user.organisatie = int(form.organisatie.data)
            if form.wachtwoord.data:
                user.password_hash = hash_password(form.wachtwoord.data)
            user.save()
            UserTeam.delete().where((UserTeam.user == user.id) & UserTeam.team.not_in(team_ids)).execute()
            for team_id in team_ids:
                UserTeam.insert(user=user.id, team=team_id).on_conflict_ignore().execute()
            user = User.get_by_id(user.id)
            new = snapshot_gebruiker(user)
            if form.wachtwoord.data:
                old["wachtwoord"], new["wachtwoord"] = "ongewijzigd", "opnieuw ingesteld"
            audit.record_change("beheer.gebruiker.edit", user, old, new)
    except IntegrityError:
        form.email.errors.append("Er bestaat al een account met dit e-mailadres.")
        return _formulier(form, user, 422)
    flash(f"De gegevens van {user.naam} zijn bewaard.", "success")
    return redirect_after_post(url_for("beheer.gebruikers"))


@bp.route("/beheer/gebruikers/<int:user_id>/actief", methods=["POST"])
def gebruiker_actief(user_id: int):
    """Deactivate (actief=0) or reactivate (actief=1). htmx gets the row back, in place."""
    user = _get_or_404(User, user_id)
    wanted = request.form.get("actief")
    if wanted not in ("0", "1"):
        abort(400)
    actief = wanted == "1"
    if user.id == current_user.id and not actief:
        flash("U kunt uw eigen account niet deactiveren. Vraag dat aan een andere beheerder.", "error")
        return redirect_after_post(url_for("beheer.gebruikers"))
    if user.actief != actief:
        old = snapshot_gebruiker(user)
        with db.atomic():
            user.actief = actief
            user.save(only=[User.actief])
            audit.record_change("beheer.gebruiker." + ("reactivate" if actief else "deactivate"),
                                user, {"actief": old["actief"]}, {"actief": actief})
    if is_fragment_request():
        return render("beheer/gebruikers.html", "rij", rij=_rij(user), bericht=(
            f"{user.naam} is " + ("weer actief." if actief else "gedeactiveerd.")))
    flash(f"{user.naam} is " + ("weer actief." if actief else "gedeactiveerd: deze persoon kan niet meer aanmelden."),
          "success")
    return redirect_after_post(url_for("beheer.gebruikers"))


# ---------------------------------------------------------------- organisations
def snapshot_organisatie(org: Organisatie) -> dict:
    return {"naam": org.naam, "type": org.type, "arrondissement": org.arrondissement,
            "politiezone_nr": org.politiezone_nr, "actief": org.actief}


def _organisaties_context() -> dict:
    aantal = fn.COUNT(User.id).alias("aantal")
    orgs = list(Organisatie.select(Organisatie, aantal).join(User, JOIN.LEFT_OUTER)
                .group_by(Organisatie.id).order_by(Organisatie.actief.desc(), Organisatie.naam))
    return {"organisaties": orgs, "zones": _politiezones_dict(), "title": "Organisaties"}


def _politiezones():
    rows = (Gemeente.select(Gemeente.politiezone_nr, Gemeente.politiezone).distinct()
            .order_by(Gemeente.politiezone))
    return [(g.politiezone_nr, g.politiezone) for g in rows]


def _politiezones_dict() -> dict[str, str]:
    return dict(_politiezones())


def _arrondissementen():
    rows = Gemeente.select(Gemeente.arrondissement).distinct().order_by(Gemeente.arrondissement)
    return [g.arrondissement for g in rows]


def _organisatie_form(org: Organisatie | None):
    data = None
    if org is not None and request.method != "POST":
        data = {"naam": org.naam, "type": org.type, "arrondissement": org.arrondissement or "",
                "politiezone_nr": org.politiezone_nr or ""}
    return OrganisatieForm(arrondissementen=_arrondissementen(), politiezones=_politiezones(), data=data)


def _organisatie_formulier(form, org, status=200):
    return render("beheer/organisatie.html", "content", status=status, form=form, organisatie=org,
                  title="Nieuwe organisatie" if org is None else f"Organisatie {org.naam}")


def _naam_bezet(naam: str, behalve: int | None = None) -> bool:
    query = Organisatie.select().where(fn.LOWER(Organisatie.naam) == naam.lower())
    if behalve:
        query = query.where(Organisatie.id != behalve)
    return query.exists()


def _velden(form) -> dict:
    return {"naam": form.naam.data.strip(), "type": form.type.data,
            "arrondissement": form.arrondissement.data or None,
            "politiezone_nr": form.politiezone_nr.data or None}


BESTAAT_AL = "Er bestaat al een organisatie met deze naam."


@bp.route("/beheer/organisaties")
def organisaties():
    return render("beheer/organisaties.html", "content", **_organisaties_context())


@bp.route("/beheer/organisaties/nieuw", methods=["GET", "POST"])
def organisatie_nieuw():
    form = _organisatie_form(None)
    if not form.validate_on_submit():
        return _organisatie_formulier(form, None, 422 if form.is_submitted() else 200)
    velden = _velden(form)
    if _naam_bezet(velden["naam"]):
        form.naam.errors.append(BESTAAT_AL)
        return _organisatie_formulier(form, None, 422)
    try:
        with db.atomic():
            org = Organisatie.create(**velden)
            audit.record_change("beheer.organisatie.create", org, {}, snapshot_organisatie(org))
    except IntegrityError:
        form.naam.errors.append(BESTAAT_AL)
        return _organisatie_formulier(form, None, 422)
    flash(f"De organisatie {org.naam} is toegevoegd.", "success")
    return redirect_after_post(url_for("beheer.organisaties"))


@bp.route("/beheer/organisaties/<int:org_id>", methods=["GET", "POST"])
def organisatie(org_id: int):
    org = _get_or_404(Organisatie, org_id)
    form = _organisatie_form(org)
    if not form.validate_on_submit():
        return _organisatie_formulier(form, org, 422 if form.is_submitted() else 200)
    velden = _velden(form)
    if _naam_bezet(velden["naam"], behalve=org.id):
        form.naam.errors.append(BESTAAT_AL)
        return _organisatie_formulier(form, org, 422)
    old = snapshot_organisatie(org)
    try:
        with db.atomic():
            for name, value in velden.items():
                setattr(org, name, value)
            org.save()
            audit.record_change("beheer.organisatie.edit", org, old, snapshot_organisatie(org))
    except IntegrityError:
        form.naam.errors.append(BESTAAT_AL)
        return _organisatie_formulier(form, org, 422)
    flash(f"De gegevens van {org.naam} zijn bewaard.", "success")
    return redirect_after_post(url_for("beheer.organisaties"))


@bp.route("/beheer/organisaties/<int:org_id>/actief", methods=["POST"])
def organisatie_actief(org_id: int):
    org = _get_or_404(Organisatie, org_id)
    wanted = request.form.get("actief")
    if wanted not in ("0", "1"):
        abort(400)
    actief = wanted == "1"
    if org.actief != actief:
        with db.atomic():
            old = org.actief
            org.actief = actief
            org.save(only=[Organisatie.actief])
            audit.record_change("beheer.organisatie." + ("reactivate" if actief else "deactivate"),
                                org, {"actief": old}, {"actief": actief})
    bericht = f"{org.naam} is " + ("weer actief." if actief else "niet langer actief: nieuwe accounts kunnen er niet meer aan gekoppeld worden.")
    if is_fragment_request():
        org.aantal = User.select().where(User.organisatie == org.id).count()
        return render("beheer/organisaties.html", "rij", org=org, zones=_politiezones_dict(),
                      bericht=bericht)
    flash(bericht, "success")
    return redirect_after_post(url_for("beheer.organisaties"))

