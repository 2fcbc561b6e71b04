"""Beheer's screens: the functioneel beheerder manages users and organisations. No dossier
content here. The rules (with their audit of old and new values) are in `gebruikers` and
`organisaties`; who may deactivate whom is `access`'s."""
from __future__ import annotations

from flask import Blueprint, abort, redirect, request, url_for
from flask_login import current_user, login_required

from vh import access
from vh.htmx import answer, render
from vh.models import Organisatie, User

from . import Geweigerd, gebruikers, organisaties
from .forms import GebruikerForm, OrganisatieForm

bp = Blueprint("beheer", __name__)


@bp.before_request
@login_required
def _alleen_beheerder():
    access.require(current_user, "beheer")


def _gewenst_actief() -> bool:
    """The posted `actief`: "1" (reactivate) or "0" (deactivate); anything else is a 400."""
    wanted = request.form.get("actief")
    if wanted not in ("0", "1"):
        abort(400)
    return wanted == "1"


def _geweigerd(scherm, form, fout: Geweigerd):
    """The form again (422), with the rule's refusal beside its field."""
    form[fout.veld].errors.append(fout.boodschap)
    return scherm(form, 422)


@bp.route("/beheer")
def index():
    return redirect(url_for("beheer.gebruikers"))


# ---------------------------------------------------------------- users
@bp.route("/beheer/gebruikers", endpoint="gebruikers")
def gebruikers_lijst():
    return render("beheer/gebruikers.html", "content", rijen=gebruikers.lijst(), title="Gebruikers")


def _gebruiker_form(user: User | None):
    """The account form and how to show it (`scherm(form, status)`), for a new account or `user`."""
    def scherm(form, status=200):
        return render("beheer/gebruiker.html", "content", status=status, form=form, gebruiker=user,
                      title="Nieuwe gebruiker" if user is None else f"Gebruiker {user.naam}")
    form = GebruikerForm.voor(user, **gebruikers.te_kiezen(user), vul_in=request.method == "GET")
    return form, scherm


@bp.route("/beheer/gebruikers/nieuw", methods=["GET", "POST"])
def gebruiker_nieuw():
    form, scherm = _gebruiker_form(None)
    if not form.validate_on_submit():
        return scherm(form, 422 if form.is_submitted() else 200)
    try:
        user = gebruikers.maak(form.velden())
    except Geweigerd as fout:
        return _geweigerd(scherm, form, fout)
    return answer(f"Het account van {user.naam} is aangemaakt.", url_for("beheer.gebruikers"))


@bp.route("/beheer/gebruikers/<int:user_id>", methods=["GET", "POST"])
def gebruiker(user_id: int):
    user = access.load(User, user_id, "gebruiker.bewerken")
    form, scherm = _gebruiker_form(user)
    if not form.validate_on_submit():
        return scherm(form, 422 if form.is_submitted() else 200)
    try:
        user = gebruikers.bewerk(user, form.velden(), current_user._get_current_object())
    except Geweigerd as fout:
        return _geweigerd(scherm, form, fout)
    return answer(f"De gegevens van {user.naam} zijn bewaard.", url_for("beheer.gebruikers"))


@bp.route("/beheer/gebruikers/<int:user_id>/actief", methods=["POST"])
def gebruiker_actief(user_id: int):
    """Deactivate (actief=0) or reactivate (actief=1). htmx gets the row back, in place."""
    user = access.load(User, user_id, "gebruiker.bewerken")
    actief = _gewenst_actief()
    if not actief and not access.can(current_user, "gebruiker.deactiveren", user):
        # Only a crafted form gets here: the list shows no button on one's own row.
        return answer(gebruikers.EIGEN_ACCOUNT, url_for("beheer.gebruikers"), category="error")
    gebruikers.zet_actief(user, actief)
    return answer(gebruikers.actief_melding(user), url_for("beheer.gebruikers"),
                  template="beheer/gebruikers.html", block="rij",
                  context=lambda: {"rij": gebruikers.rij(user)})


# ---------------------------------------------------------------- organisations
@bp.route("/beheer/organisaties", endpoint="organisaties")
def organisaties_lijst():
    return render("beheer/organisaties.html", "content", organisaties=organisaties.lijst(),
                  zones=dict(organisaties.politiezones()), title="Organisaties")


def _organisatie_form(org: Organisatie | None):
    def scherm(form, status=200):
        return render("beheer/organisatie.html", "content", status=status, form=form, organisatie=org,
                      title="Nieuwe organisatie" if org is None else f"Organisatie {org.naam}")
    form = OrganisatieForm.voor(org, arrondissementen=organisaties.arrondissementen(),
                                politiezones=organisaties.politiezones(),
                                vul_in=request.method == "GET")
    return form, scherm


@bp.route("/beheer/organisaties/nieuw", methods=["GET", "POST"])
def organisatie_nieuw():
    form, scherm = _organisatie_form(None)
    if not form.validate_on_submit():
        return scherm(form, 422 if form.is_submitted() else 200)
    try:
        org = organisaties.maak(form.velden())
    except Geweigerd as fout:
        return _geweigerd(scherm, form, fout)
    return answer(f"De organisatie {org.naam} is toegevoegd.", url_for("beheer.organisaties"))


@bp.route("/beheer/organisaties/<int:org_id>", methods=["GET", "POST"])
def organisatie(org_id: int):
    org = access.load(Organisatie, org_id, "organisatie.bewerken")
    form, scherm = _organisatie_form(org)
    if not form.validate_on_submit():
        return scherm(form, 422 if form.is_submitted() else 200)
    try:
        organisaties.bewerk(org, form.velden())
    except Geweigerd as fout:
        return _geweigerd(scherm, form, fout)
    return answer(f"De gegevens van {org.naam} zijn bewaard.", url_for("beheer.organisaties"))


@bp.route("/beheer/organisaties/<int:org_id>/actief", methods=["POST"])
def organisatie_actief(org_id: int):
    """Deactivate (actief=0) or reactivate (actief=1). htmx gets the row back, in place."""
    org = access.load(Organisatie, org_id, "organisatie.bewerken")
    organisaties.zet_actief(org, _gewenst_actief())
    return answer(organisaties.actief_melding(org), url_for("beheer.organisaties"),
                  template="beheer/organisaties.html", block="rij",
                  context=lambda: {"org": organisaties.met_aantal(org),
                                   "zones": dict(organisaties.politiezones())})
