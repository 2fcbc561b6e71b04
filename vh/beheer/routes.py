"""Beheer's screens: the functioneel beheerder manages users and organisations; beheerders and
the DPO confirm the roles that need a second person. No dossier content here. The rules (with
their audit of old and new values) are in `gebruikers`, `rollen` and `organisaties`; who may do
what to whom is `access`'s."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, redirect, request, url_for
from flask_login import current_user, login_required

from vh import access
from vh.auth import accounts
from vh.htmx import answer, render
from vh.meldingen import voorkeur
from vh.models import Organisatie, RolAanvraag, User

from . import Geweigerd, gebruikers, organisaties, rollen
from .forms import GebruikerForm, OrganisatieForm

bp = Blueprint("beheer", __name__)


# The confirm screen is also the DPO's: a second person need not be a beheerder.
_OOK_DPO = {"beheer.rollen", "beheer.rol_beslissen"}


@bp.before_request
@login_required
def _alleen_beheerder():
    access.require(current_user, "rolaanvraag.lijst" if request.endpoint in _OOK_DPO else "beheer")


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
    wachtend = rollen.openstaand_voor(user) if user is not None else []
    eigen = user is not None and not access.can(current_user, "gebruiker.rollen", user)

    def scherm(form, status=200):
        return render("beheer/gebruiker.html", "content", status=status, form=form, gebruiker=user,
                      wachtend=wachtend, title="Nieuwe gebruiker" if user is None else f"Gebruiker {user.naam}")
    form = GebruikerForm.voor(user, **gebruikers.te_kiezen(user), vul_in=request.method == "GET",
                              wachtend=[a.rol for a in wachtend], eigen=eigen)
    return form, scherm


def _link(user: User, token: str, melding: str):
    """The one-time link, shown once to pass on (never in a flash, a URL of ours or a log)."""
    return render("beheer/wachtwoordlink.html", "content", gebruiker=user, melding=melding,
                  link=url_for("auth.wachtwoord_instellen", token=token, _external=True),
                  uren=accounts.LINK_UREN, wachtend=rollen.openstaand_voor(user),
                  title=f"Link voor {user.naam}")


@bp.route("/beheer/gebruikers/nieuw", methods=["GET", "POST"])
def gebruiker_nieuw():
    form, scherm = _gebruiker_form(None)
    if not form.validate_on_submit():
        return scherm(form, 422 if form.is_submitted() else 200)
    try:
        user, token = gebruikers.maak(form.velden(), current_user._get_current_object())
    except Geweigerd as fout:
        return _geweigerd(scherm, form, fout)
    return _link(user, token, f"Het account van {user.naam} is aangemaakt.")


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


@bp.route("/beheer/gebruikers/<int:user_id>/wachtwoordlink", methods=["POST"])
def gebruiker_wachtwoordlink(user_id: int):
    """A new one-time link to set a password; the old password stops working."""
    user = access.load(User, user_id, "gebruiker.wachtwoordlink")
    token = accounts.maak_link(user, current_user._get_current_object())
    return _link(user, token, f"Er is een nieuwe link voor {user.naam}. Het oude wachtwoord werkt niet meer.")


# ---------------------------------------------------------------- roles that wait for a second person
@bp.route("/beheer/rollen", endpoint="rollen")
def rollen_lijst():
    return render("beheer/rollen.html", "content", aanvragen=rollen.openstaand(), title="Rollen bevestigen")


@bp.route("/beheer/rollen/<int:aanvraag_id>", methods=["POST"], endpoint="rol_beslissen")
def rol_beslissen(aanvraag_id: int):
    aanvraag = access.load(RolAanvraag, aanvraag_id, "rolaanvraag.beslissen")
    beslissing = request.form.get("beslissing")
    if beslissing not in ("bevestigen", "weigeren"):
        abort(400)
    try:
        aanvraag = rollen.beslis(aanvraag, beslissing, current_user._get_current_object())
    except Geweigerd as fout:  # decided meanwhile by someone else
        return answer(fout.boodschap, url_for("beheer.rollen"), category="error")
    return answer(rollen.melding(aanvraag), url_for("beheer.rollen"))


# ---------------------------------------------------------------- the outbox of notifications
@bp.route("/beheer/uitgaande-post", endpoint="uitgaande_post")
def uitgaande_post():
    """The e-mails of the outbox (they hold no dossier content); without SMTP they wait here."""
    return render("beheer/uitgaande_post.html", "content", **voorkeur.uitgaande_post(request.args.get("filter")),
                  smtp=bool(current_app.config.get("VH_SMTP_HOST")), title="Uitgaande post")


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
