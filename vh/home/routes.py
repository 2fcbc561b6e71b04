"""The start page: for each role of the user, what is waiting for them."""
from __future__ import annotations

from flask import Blueprint, url_for
from flask_login import current_user, login_required

from vh import access
from vh.htmx import render
from vh.models import Aanmelding, Dossier, Overleg, Parketcheck, utcnow

bp = Blueprint("home", __name__)


def wachtend(user) -> list[dict]:
    """One tile per thing waiting for this user: a title, a count, a link and a sentence."""
    tiles = []
    if access.can(user, "aanmelding.create"):
        drafts = access.own_aanmeldingen(user).where(Aanmelding.status == "concept").count()
        tiles.append(dict(titel="Aanmelden", aantal=drafts, url=url_for("aanmelden.mijn"),
                          tekst=f"{drafts} aanmelding(en) nog niet verstuurd." if drafts
                          else "U hebt geen onafgewerkte aanmeldingen.",
                          actie=url_for("aanmelden.start"), actie_label="Nieuwe aanmelding"))
    if access.can(user, "politie.import"):
        tiles.append(dict(titel="Politie-instroom", aantal=None, url=url_for("politie.import_csv"),
                          tekst="Interventies met een PV-nummer aanmelden: één per formulier of "
                                "veel tegelijk met een CSV-bestand.",
                          actie=url_for("politie.kort"), actie_label="Eén interventie aanmelden"))
    if access.can(user, "ontvangst.inbox"):
        nieuw = access.aanmeldingen_received_by(user).where(Aanmelding.status == "ingediend").count()
        tiles.append(dict(titel="Nieuwe aanmeldingen", aantal=nieuw, url=url_for("ontvangst.inbox"),
                          tekst=f"{nieuw} aanmelding(en) wachten op ontvangst."))
        visible = access.dossiers_visible_to(user)
        te_bespreken = visible.where(Dossier.fase == "te_bespreken").count()
        tiles.append(dict(titel="Triage", aantal=te_bespreken, url=url_for("triage.board"),
                          tekst=f"{te_bespreken} dossier(s) te bespreken op het volgende overleg."))
    if access.can(user, "parket.inbox"):
        open_ = access.parketchecks_visible_to(user).where(Parketcheck.uitkomst.is_null()).count()
        tiles.append(dict(titel="Parketcheck", aantal=open_, url=url_for("parket.lijst"),
                          tekst=f"{open_} vraag/vragen wachten op uw antwoord."))
    if access.can(user, "overleg.list"):
        komend = access.overleggen_visible_to(user).where(
            (Overleg.datum >= utcnow()) & ~Overleg.afgesloten).count()
        tiles.append(dict(titel="Triage-overleg", aantal=komend, url=url_for("overleg.lijst"),
                          tekst=f"{komend} komend(e) overleg(gen) waaraan u deelneemt."))
    if access.can(user, "regie.mijn"):
        mine = access.dossiers_visible_to(user).where(
            (Dossier.regisseur == user.id) & (Dossier.fase != "afgesloten")).count()
        tiles.append(dict(titel="Mijn casusregie", aantal=mine, url=url_for("dossiers.lijst"),
                          tekst=f"U bent casusregisseur van {mine} lopend(e) dossier(s)."))
    if access.can(user, "beheer"):
        tiles.append(dict(titel="Beheer", aantal=None, url=url_for("beheer.gebruikers"),
                          tekst="Gebruikers en organisaties beheren."))
    if access.can(user, "audit.view"):
        tiles.append(dict(titel="Audittrail", aantal=None, url=url_for("audit.lijst"),
                          tekst="Wie zag of wijzigde wat, en wanneer."))
    return tiles


@bp.route("/")
@login_required
def index():
    return render("home/index.html", "content", tiles=wachtend(current_user), title="Start")
