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
from vh.models import Levensdomein, Organisatie, RegieStap, RolAanvraag, Team, User
from vh.workflow import CASUSREGIE

from . import Geweigerd, casusregie, gebruikers, organisaties, rollen, teams
from .forms import GebruikerForm, OrganisatieForm, ReferentieForm, TeamForm

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


# ---------------------------------------------------------------- teams (their letterhead)
@bp.route("/beheer/teams", endpoint="teams")
def teams_lijst():
    return render("beheer/teams.html", "content", teams=teams.lijst(), title="Teams")


@bp.route("/beheer/teams/<int:team_id>", methods=["GET", "POST"])
def team(team_id: int):
    t = access.load(Team, team_id, "team.bewerken")
    form = TeamForm.voor(t, vul_in=request.method == "GET")
    if not form.validate_on_submit():
        return render("beheer/team.html", "content", status=422 if form.is_submitted() else 200,
                      form=form, team=t, title=f"Team {t.naam}")
    teams.bewerk(t, form.velden())
    return answer(f"Het briefhoofd van {t.naam} is bewaard.", url_for("beheer.teams"))


# ---------------------------------------------------------------- casusregie reference data
# kind → (model, its access action, list endpoint, label of its text field, its title)
REFERENTIE = {
    "stap": (RegieStap, "regiestap.bewerken", "beheer.checklist", "Tekst van de stap", "Checklist casusregie"),
    "domein": (Levensdomein, "levensdomein.bewerken", "beheer.levensdomeinen", "Naam van het levensdomein",
               "Levensdomeinen"),
}
FASE_KEUZES = [(f.value, f.label) for f in CASUSREGIE]


def _referentie_scherm(soort: str, form=None, status: int = 200):
    _, _, _, label, titel = REFERENTIE[soort]
    form = form or ReferentieForm(formdata=None, label=label, fasen=FASE_KEUZES if soort == "stap" else None)
    return render("beheer/casusregie.html", "content", status=status, soort=soort, form=form, title=titel,
                  groepen=casusregie.stappen() if soort == "stap" else [("", "", casusregie.domeinen())])


@bp.route("/beheer/checklist", methods=["GET", "POST"], endpoint="checklist", defaults={"soort": "stap"})
@bp.route("/beheer/levensdomeinen", methods=["GET", "POST"], endpoint="levensdomeinen",
          defaults={"soort": "domein"})
def referentie_lijst(soort: str):
    """The list of steps (per phase) or life domains, and adding one (POST)."""
    if request.method == "GET":
        return _referentie_scherm(soort)
    form = ReferentieForm(label=REFERENTIE[soort][3], fasen=FASE_KEUZES if soort == "stap" else None)
    if form.validate():
        try:
            obj = casusregie.voeg_toe(soort, form.tekst.data, current_user._get_current_object(),
                                      fase=form.fase.data if soort == "stap" else None)
        except Geweigerd as fout:
            form[fout.veld].errors = [*form[fout.veld].errors, fout.boodschap]
        else:
            return answer(f"Toegevoegd: {getattr(obj, casusregie.SOORTEN[soort][1])}.",
                          url_for(REFERENTIE[soort][2]))
    return _referentie_scherm(soort, form, 422)


def _referentie_obj(soort: str, obj_id: int):
    if soort not in REFERENTIE:
        abort(404)
    model, action, *_ = REFERENTIE[soort]
    return access.load(model, obj_id, action)


@bp.route("/beheer/casusregie/<soort>/<int:obj_id>", methods=["GET", "POST"])
def referentie(soort: str, obj_id: int):
    """Rename a step or life domain."""
    obj = _referentie_obj(soort, obj_id)
    veld = casusregie.SOORTEN[soort][1]
    label = REFERENTIE[soort][3]
    form = ReferentieForm(label=label, data={"tekst": getattr(obj, veld)})

    def scherm(status=200):
        return render("beheer/casusregie_item.html", "content", status=status, soort=soort, obj=obj, form=form,
                      lijst=url_for(REFERENTIE[soort][2]), title=f"{REFERENTIE[soort][4]}: wijzigen")
    if request.method == "GET":
        return scherm()
    if form.validate():
        try:
            casusregie.wijzig(obj, form.tekst.data, current_user._get_current_object())
        except Geweigerd as fout:
            form.tekst.errors = [*form.tekst.errors, fout.boodschap]
        else:
            return answer("De wijziging is bewaard.", url_for(REFERENTIE[soort][2]))
    return scherm(422)


@bp.route("/beheer/casusregie/<soort>/<int:obj_id>/volgorde", methods=["POST"])
def referentie_volgorde(soort: str, obj_id: int):
    obj = _referentie_obj(soort, obj_id)
    richting = request.form.get("richting")
    if richting not in ("op", "neer"):
        abort(400)
    casusregie.verplaats(obj, richting, current_user._get_current_object())
    return answer(None, url_for(REFERENTIE[soort][2]) + f"#{soort}-{obj.id}")


@bp.route("/beheer/casusregie/<soort>/<int:obj_id>/actief", methods=["POST"])
def referentie_actief(soort: str, obj_id: int):
    obj = _referentie_obj(soort, obj_id)
    actief = _gewenst_actief()
    casusregie.zet_actief(obj, actief, current_user._get_current_object())
    naam = getattr(obj, casusregie.SOORTEN[soort][1])
    return answer(f"‘{naam}’ is " + ("weer actief." if actief else "niet langer actief: het wordt niet meer aangeboden."),
                  url_for(REFERENTIE[soort][2]))
