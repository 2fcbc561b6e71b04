"""Dossiers: the list of dossiers a user may see, and the dossier page as a task list.

Other features reuse two things from here:
- `gevoelig(dossier)` and the partial `dossiers/_gevoelig.html` (also available in every template
  as `gevoelig_voor(dossier)`): the sensitive banners that stand at the top of every screen of a
  dossier (parket restriction or bezwaar, "gezin niet op de hoogte", safe contact, parket pause).
- `parket_pauze_teams()` and the partial `dossiers/_parket_pauze.html`: the banner "Het parket
  neemt tijdelijk niet deel" for the current user's teams (ontvangst, dossiers, triage pages).
"""
from __future__ import annotations

from flask import Blueprint, abort, flash, request, url_for
from flask_login import current_user, login_required
from peewee import JOIN, fn

from vh import access, audit, transitions
from vh.htmx import redirect_after_post, render
from vh.models import (
    Aanmelding,
    Besluit,
    Bijdrage,
    Dossier,
    Gemeente,
    Organisatie,
    Overgang,
    Parketcheck,
    Persoon,
    Team,
    User,
    UserTeam,
)
from vh.parket.parketcheck import vraag_aan, wacht, wacht_dagen_max
from vh.templating import dagen_sinds
from vh.workflow import CASUSREGIE, FASEN, OVERGANGEN, TRIAGE, WorkflowError

bp = Blueprint("dossiers", __name__)

PER_PAGINA = 50
FASE_KLEUR = {
    "nieuw": "tag--grey", "parketcheck": "tag--yellow", "te_bespreken": "tag--blue",
    "dossiervorming": "tag--purple", "kennismaking": "tag--green", "vraagverduidelijking": "tag--green",
    "plan_van_aanpak": "tag--green", "uitvoering": "tag--green", "afronding": "tag--orange",
    "afgesloten": "tag--grey",
}
OVERGANG_LABELS = {"openen": "Dossier geopend", **{k: v[2] for k, v in OVERGANGEN.items()}}
BEZWAAR_TEKST = "Alleen advies mogelijk; er wordt geen informatie gedeeld."


# ---------------------------------------------------------------- shared with other features
def parket_pauze_teams() -> list[Team]:
    """The current user's teams whose parket does not take part for now."""
    if not current_user.is_authenticated:
        return []
    return list(Team.select().join(UserTeam)
                .where((UserTeam.user == current_user.id) & Team.parket_pauze).order_by(Team.naam))


def gevoelig(dossier: Dossier) -> dict:
    """What must stand at the top of every screen of this dossier, before any contact action."""
    check = transitions.laatste_parketcheck(dossier)
    aanmeldingen = list(Aanmelding.select(Aanmelding.nummer, Aanmelding.gezin_op_de_hoogte,
                                          Aanmelding.waarom_niet_op_de_hoogte, Aanmelding.veilig_contact)
                        .where(Aanmelding.dossier == dossier.id).order_by(Aanmelding.ingediend_op))
    return dict(
        beperkingen=check.beperkingen if check and check.uitkomst == "beperkingen" else "",
        bezwaar=bool(check and check.uitkomst == "bezwaar"),
        niet_op_de_hoogte=[a for a in aanmeldingen if a.gezin_op_de_hoogte is False],
        veilig_contact=[a for a in aanmeldingen if (a.veilig_contact or "").strip()],
        pauze=dossier.team.parket_pauze,
        pauze_sinds=dossier.team.parket_pauze_sinds,
    )


@bp.app_context_processor
def _template_helpers():
    return {"gevoelig_voor": gevoelig, "parket_pauze_teams": parket_pauze_teams,
            "fase_kleur": lambda fase: FASE_KLEUR.get(fase, "tag--grey"), "BEZWAAR_TEKST": BEZWAAR_TEKST}


def volgende_stap(dossier: Dossier, check: Parketcheck | None, user) -> dict:
    """The next action: what, who, and the button if this user may do it."""
    fase = dossier.fase
    if fase == "nieuw":
        if dossier.team.parket_pauze:
            return dict(titel="Wacht tot het parket weer deelneemt", wie="Coördinator",
                        uitleg="Het parket neemt tijdelijk niet deel. Zodra het weer deelneemt, "
                               "vraagt u hier de parketcheck aan.")
        return dict(titel="Vraag de parketcheck aan", wie="Coördinator",
                    uitleg="Het parket beslist of er in dit dossier informatie gedeeld mag worden.",
                    actie="parket_vragen" if access.can(user, "parketcheck.request", dossier) else None)
    if fase == "parketcheck":
        w = wacht(check) if check else {"dagen": 0, "te_lang": False}
        return dict(titel="Wacht op antwoord van het parket", wie="Parket", wacht=w,
                    uitleg="Zonder akkoord van het parket deelt niemand informatie over dit dossier.")
    if fase in TRIAGE:
        besluit = "besluit" if access.can(user, "besluit.create", dossier) else None
        if check and check.uitkomst == "bezwaar":
            return dict(titel="Neem het besluit: alleen advies is mogelijk", wie="Coördinator",
                        uitleg="Het parket maakte bezwaar. " + BEZWAAR_TEKST, actie=besluit)
        if fase == "te_bespreken":
            return dict(titel="Klaar voor het triage-overleg", wie="Coördinator en kernpartners",
                        uitleg="Zet het dossier op de agenda van het volgende overleg.", actie=besluit)
        return dict(titel="Besproken: neem het besluit", wie="Coördinator en kernpartners",
                    uitleg="Advies, spoor 2 (alleen in een pilootzone) of spoor 3.", actie=besluit)
    if fase in CASUSREGIE:
        regisseur = dossier.regisseur.naam if dossier.regisseur_id else "nog niet toegewezen"
        return dict(titel=f"Casusregie: {FASEN[fase].lower()}", wie=f"Casusregisseur: {regisseur}",
                    uitleg="")
    return dict(titel="Dossier afgesloten", wie="", uitleg=dossier.afsluitreden or "")


def _doorlooptijden(aanmeldingen, checks, besluiten) -> list[dict]:
    """referral → parket answer → decision, each with its date and the days since the step before."""
    stappen = [
        ("Aanmelding ingediend", min((a.ingediend_op for a in aanmeldingen if a.ingediend_op), default=None)),
        ("Antwoord van het parket", min((c.beantwoord_op for c in checks if c.beantwoord_op), default=None)),
        ("Besluit", min((b.beslist_op for b in besluiten), default=None)),
    ]
    result, vorige = [], None
    for label, op in stappen:
        dagen = (op.date() - vorige.date()).days if op and vorige else None
        result.append(dict(label=label, op=op, dagen=dagen))
        vorige = op or vorige
    return result


# ---------------------------------------------------------------- screens
@bp.route("/dossiers", methods=["GET"])
@login_required
def lijst():
    access.require(current_user, "dossier.list")
    fase = request.args.get("fase", "")
    if fase and fase not in FASEN:
        abort(400)
    try:
        pagina = max(1, int(request.args.get("pagina", "1")))
    except ValueError:
        abort(400)
    aantal_personen = fn.COUNT(Persoon.id).alias("aantal_personen")
    query = (access.dossiers_visible_to(current_user)
             .select(Dossier, Team, aantal_personen)
             .join_from(Dossier, Team)
             .join_from(Dossier, Persoon, JOIN.LEFT_OUTER, on=(Persoon.dossier == Dossier.id))
             .group_by(Dossier, Team)
             .order_by(Dossier.fase_sinds.desc(), Dossier.id.desc()))
    if fase:
        query = query.where(Dossier.fase == fase)
    dossiers = list(query.paginate(pagina, PER_PAGINA + 1))
    meer = len(dossiers) > PER_PAGINA
    dossiers = dossiers[:PER_PAGINA]
    audit.record("dossier.lijst", details={"fase": fase, "pagina": pagina, "dossiers": [d.id for d in dossiers]})
    return render("dossiers/lijst.html", {"scherm": "content", "dossier-resultaten": "resultaten"},
                  title="Dossiers", dossiers=dossiers, fase=fase, pagina=pagina, meer=meer)


def _pagina(dossier: Dossier, status: int = 200, fout: str | None = None):
    user = current_user
    personen = list(Persoon.select(Persoon, Gemeente).join(Gemeente, JOIN.LEFT_OUTER)
                    .where(Persoon.dossier == dossier.id).order_by(Persoon.geboortedatum, Persoon.id))
    aanmeldingen = list(Aanmelding.select(Aanmelding, Organisatie)
                        .join(Organisatie, JOIN.LEFT_OUTER, on=(Aanmelding.organisatie == Organisatie.id))
                        .where(Aanmelding.dossier == dossier.id).order_by(Aanmelding.ingediend_op))
    Gevraagd, Beantwoord = User.alias(), User.alias()
    checks = list(Parketcheck.select(Parketcheck, Gevraagd, Beantwoord)
                  .join(Gevraagd, on=(Parketcheck.gevraagd_door == Gevraagd.id))
                  .switch(Parketcheck)
                  .join(Beantwoord, JOIN.LEFT_OUTER, on=(Parketcheck.beantwoord_door == Beantwoord.id))
                  .where(Parketcheck.dossier == dossier.id).order_by(Parketcheck.gevraagd_op, Parketcheck.id))
    overgangen = list(Overgang.select(Overgang, User)
                      .join(User, JOIN.LEFT_OUTER, on=(Overgang.door == User.id))
                      .where(Overgang.dossier == dossier.id).order_by(Overgang.op, Overgang.id))
    bijdragen = list(Bijdrage.select(Bijdrage, User, Organisatie)
                     .join(User, on=(Bijdrage.auteur == User.id))
                     .switch(Bijdrage)
                     .join(Organisatie, JOIN.LEFT_OUTER, on=(Bijdrage.organisatie == Organisatie.id))
                     .where((Bijdrage.dossier == dossier.id) & Bijdrage.actueel)
                     .order_by(Bijdrage.aangemaakt_op, Bijdrage.id))
    besluiten = list(Besluit.select().where(Besluit.dossier == dossier.id).order_by(Besluit.beslist_op))
    check = checks[-1] if checks else None
    return render("dossiers/toon.html", {"scherm": "content", "volgende-stap": "volgende_stap"},
                  status=status, title=f"Dossier {dossier.nummer}", dossier=dossier,
                  gevoelig=gevoelig(dossier), stap=volgende_stap(dossier, check, user), fout=fout,
                  personen=personen, aanmeldingen=aanmeldingen, checks=checks, overgangen=overgangen,
                  bijdragen=bijdragen, besluiten=besluiten, doorlooptijden=_doorlooptijden(
                      aanmeldingen, checks, besluiten),
                  max_dagen=wacht_dagen_max(), overgang_labels=OVERGANG_LABELS, dagen_in_fase=dagen_sinds(dossier.fase_sinds))


@bp.route("/dossiers/<int:dossier_id>", methods=["GET"])
@login_required
def toon(dossier_id):
    return _pagina(audit.load(Dossier, dossier_id))


@bp.route("/dossiers/<int:dossier_id>/parketcheck", methods=["POST"])
@login_required
def parket_vragen(dossier_id):
    dossier = Dossier.get_or_none(Dossier.id == dossier_id) or abort(404)
    access.require(current_user, "parketcheck.request", dossier)
    try:
        vraag_aan(dossier, current_user._get_current_object())
    except WorkflowError as error:
        audit.record("dossier.view", dossier)
        return _pagina(dossier, status=422, fout=str(error))
    flash("De parketcheck is gevraagd.", "success")
    return redirect_after_post(url_for("dossiers.toon", dossier_id=dossier.id))
