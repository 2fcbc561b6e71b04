"""The start page: for each role of the user, what is waiting for them. The counts (and who
sees which) are in `wachtend`; this only words them."""
from __future__ import annotations

from flask import Blueprint, url_for
from flask_login import current_user, login_required

from vh.htmx import render

from .wachtend import wachtend

bp = Blueprint("home", __name__)


def _tegel(sleutel: str, n: int | None) -> dict:
    """One tile: a title, the count, a link, a sentence and perhaps an action."""
    if sleutel == "aanmelden":
        return dict(titel="Aanmelden", aantal=n, url=url_for("aanmelden.mijn"),
                    tekst=f"{n} aanmelding(en) nog niet verstuurd." if n
                    else "U hebt geen onafgewerkte aanmeldingen.",
                    actie=url_for("aanmelden.start"), actie_label="Nieuwe aanmelding")
    if sleutel == "politie":
        return dict(titel="Politie-instroom", aantal=None, url=url_for("politie.import_csv"),
                    tekst="Interventies met een PV-nummer aanmelden: één per formulier of "
                          "veel tegelijk met een CSV-bestand.",
                    actie=url_for("politie.kort"), actie_label="Eén interventie aanmelden")
    titel, endpoint, tekst = {
        "ontvangst": ("Nieuwe aanmeldingen", "ontvangst.inbox", "{n} aanmelding(en) wachten op ontvangst."),
        "triage": ("Triage", "triage.board", "{n} dossier(s) te bespreken op het volgende overleg."),
        "parket": ("Parketcheck", "parket.lijst", "{n} vraag/vragen wachten op uw antwoord."),
        "overleg": ("Triage-overleg", "overleg.lijst", "{n} komend(e) overleg(gen) waaraan u deelneemt."),
        "regie": ("Mijn casusregie", "dossiers.lijst", "U bent casusregisseur van {n} lopend(e) dossier(s)."),
        "beheer": ("Beheer", "beheer.gebruikers", "Gebruikers en organisaties beheren."),
        "audit": ("Audittrail", "audit.lijst", "Wie zag of wijzigde wat, en wanneer."),
    }[sleutel]
    return dict(titel=titel, aantal=n, url=url_for(endpoint), tekst=tekst.format(n=n))


@bp.route("/")
@login_required
def index():
    tiles = [_tegel(sleutel, n) for sleutel, n in wachtend(current_user).items()]
    return render("home/index.html", "content", tiles=tiles, title="Start")
