"""The start page: for each role of the user, what is waiting for them. The counts (and who
sees which) are in `wachtend`; this only words them."""
from __future__ import annotations

from flask import Blueprint, url_for
from flask_login import current_user, login_required

from vh.htmx import render

from vh.templating import aantal, getal, meervoud

from .wachtend import wachtend

bp = Blueprint("home", __name__)


def _tegel(sleutel: str, n: int | None) -> dict:
    """One tile: a title, the count, a link, a sentence and perhaps an action."""
    if sleutel == "aanmelden":
        return dict(titel="Aanmelden", aantal=n, url=url_for("aanmelden.mijn"),
                    tekst=f"{aantal(n, 'aanmelding', 'aanmeldingen')} nog niet verstuurd." if n
                    else "U hebt geen onafgewerkte aanmeldingen.",
                    actie=url_for("aanmelden.start"), actie_label="Nieuwe aanmelding")
    if sleutel == "politie":
        return dict(titel="Politie-instroom", aantal=None, url=url_for("politie.import_csv"),
                    tekst="Interventies met een PV-nummer aanmelden: één per formulier of "
                          "veel tegelijk met een CSV-bestand.",
                    actie=url_for("politie.kort"), actie_label="Eén interventie aanmelden")
    # Per tile the sentence for one and for more ({n}: the number, written the Dutch way).
    titel, endpoint, enkel, meer = {
        "ontvangst": ("Nieuwe aanmeldingen", "ontvangst.inbox", "{n} aanmelding wacht op ontvangst.",
                      "{n} aanmeldingen wachten op ontvangst."),
        "triage": ("Triage", "triage.board", "{n} dossier te bespreken op het volgende overleg.",
                   "{n} dossiers te bespreken op het volgende overleg."),
        "parket": ("Parketcheck", "parket.lijst", "{n} vraag wacht op uw antwoord.",
                   "{n} vragen wachten op uw antwoord."),
        "overleg": ("Triage-overleg", "overleg.lijst", "{n} komend overleg waaraan u deelneemt.",
                    "{n} komende overleggen waaraan u deelneemt."),
        "regie": ("Mijn werk", "regie.mijn_werk_lijst", "U bent casusregisseur van {n} lopend dossier.",
                  "U bent casusregisseur van {n} lopende dossiers."),
        "beheer": ("Beheer", "beheer.gebruikers", "Gebruikers en organisaties beheren.", None),
        "audit": ("Audittrail", "audit.lijst", "Wie zag of wijzigde wat, en wanneer.", None),
    }[sleutel]
    tekst = meervoud(n, enkel, meer or enkel).format(n=getal(n) if n is not None else "")
    return dict(titel=titel, aantal=n, url=url_for(endpoint), tekst=tekst)


@bp.route("/")
@login_required
def index():
    tiles = [_tegel(sleutel, n) for sleutel, n in wachtend(current_user).items()]
    return render("home/index.html", "content", tiles=tiles, title="Start")
