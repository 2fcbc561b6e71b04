"""The advice letter to the referrer (domain rule 4): compose, keep as draft, send (freeze), PDF.

A letter is HTML (templates/brieven/_brief.html) styled by app.css, whose print rules make it an
A4 letter; the PDF is rendered by WeasyPrint from the SAME frozen HTML and stylesheet. Once sent,
`Brief.html` is the complete letter and never changes again.
"""
from __future__ import annotations

import logging
from pathlib import Path

from flask import render_template

from vh import audit, meldingen, richtext
from vh.db import db
from vh.models import Aanmelding, Besluit, Brief, Team, User, utcnow

STATIC = (Path(__file__).parents[1] / "static").resolve()
STYLESHEET = STATIC / "app.css"

ADVIES_UITKOMSTEN = ("advies", "niet_ontvankelijk")
# WeasyPrint reports every screen-only CSS rule it ignores, and its progress: keep the logs quiet.
logging.getLogger("weasyprint").setLevel(logging.ERROR)


class BriefError(Exception):
    """A refused letter action; str(error) is the Dutch message for the user, `veld` the form
    field it belongs beside (None: the action itself is refused)."""

    def __init__(self, message: str, veld: str | None = None):
        super().__init__(message)
        self.veld = veld


def briefhoofd(team: Team | None) -> dict:
    """The letterhead: the team's name, address, phone and e-mail as the team records them
    (what it has not filled in is left out)."""
    if team is None:
        return {"naam": "Veilig Huis Vlaams-Brabant", "adres": "", "plaats": "", "telefoon": "", "email": ""}
    plaats = " ".join(p for p in (team.postcode, team.gemeente) if p)
    return {"naam": team.naam, "adres": ", ".join(p for p in (team.straat, plaats) if p),
            "plaats": team.gemeente, "telefoon": team.telefoon, "email": team.email}


def advies_besluit(aanmelding: Aanmelding) -> Besluit | None:
    """The decision the letter follows from: 'niet ontvankelijk' on the referral itself, or
    'advies' on its dossier. None if the referral got no such decision (then no letter)."""
    condition = (Besluit.aanmelding == aanmelding.id) & (Besluit.uitkomst == "niet_ontvankelijk")
    if aanmelding.dossier_id:
        condition |= (Besluit.dossier == aanmelding.dossier_id) & (Besluit.uitkomst == "advies")
    return Besluit.select().where(condition).order_by(Besluit.beslist_op.desc(), Besluit.id.desc()).first()


def ontwerp(aanmelding: Aanmelding) -> Brief | None:
    return (Brief.select().where((Brief.aanmelding == aanmelding.id) & Brief.verzonden_op.is_null())
            .order_by(Brief.id.desc()).first())


def verzonden(aanmelding: Aanmelding) -> Brief | None:
    return (Brief.select().where((Brief.aanmelding == aanmelding.id) & Brief.verzonden_op.is_null(False))
            .order_by(Brief.verzonden_op.desc()).first())


def standaard_onderwerp(aanmelding: Aanmelding) -> str:
    return f"Advies over uw aanmelding {aanmelding.nummer}"


def standaard_inhoud(aanmelding: Aanmelding, besluit: Besluit) -> str:
    """The starting point the coordinator edits: what was decided, the advice, what next."""
    team = aanmelding.team.naam if aanmelding.team_id else "het Veilig Huis"
    if besluit.uitkomst == "niet_ontvankelijk":
        intro = (f"Wij hebben uw aanmelding met referentie {aanmelding.nummer} goed ontvangen en "
                 f"bekeken. De situatie valt niet onder de aanpak van {team}: de voorwaarden voor "
                 "een aanmelding zijn niet vervuld.")
    else:
        waar = "in het triage-overleg" if besluit.overleg_id else "door het team"
        intro = (f"Wij hebben uw aanmelding met referentie {aanmelding.nummer} goed ontvangen. "
                 f"Ze werd besproken {waar} van {team}. Wij bieden geen actief aanbod vanuit het "
                 "Veilig Huis, maar geven u graag een advies mee.")
    advies = richtext.van_tekst(besluit.motivering)
    slot = ("Blijft u zich zorgen maken, of wordt de situatie ernstiger? Dan kunt u de situatie "
            "opnieuw aanmelden. Bij direct gevaar belt u de politie op 101.")
    return richtext.sanitize(f"<p>{intro}</p><p><strong>Ons advies</strong></p>{advies}<p>{slot}</p>")


def _adres(aanmelding: Aanmelding) -> dict:
    """The referrer's details as written on the referral, completed from their account."""
    auteur = aanmelding.auteur
    org = aanmelding.organisatie or auteur.organisatie
    return {"naam": aanmelding.aanmelder_naam or auteur.naam,
            "functie": aanmelding.aanmelder_functie or auteur.functie,
            "organisatie": org.naam if org else "",
            "email": aanmelding.aanmelder_email or auteur.email}


def render_brief(brief: Brief, afzender: User, datum) -> str:
    """The complete letter as an HTML fragment (<article class="letter">)."""
    aanmelding = brief.aanmelding
    team = brief.dossier.team if brief.dossier_id else aanmelding.team
    return render_template("brieven/_brief.html", brief=brief, aanmelding=aanmelding,
                           adres=_adres(aanmelding), hoofd=briefhoofd(team), afzender=afzender,
                           datum=datum, inhoud=richtext.sanitize(brief.inhoud))


def bewaar(aanmelding: Aanmelding, onderwerp: str, inhoud_html: str, user: User) -> Brief:
    """Create or update the draft letter of a referral. Refused once a letter was sent."""
    if verzonden(aanmelding) is not None:
        raise BriefError("De brief is al verzonden en kan niet meer gewijzigd worden.")
    if advies_besluit(aanmelding) is None:
        raise BriefError("Er is geen besluit ‘advies’ over deze aanmelding: er hoort geen brief bij.")
    inhoud = richtext.sanitize(inhoud_html)
    with db.atomic():
        brief = ontwerp(aanmelding)
        if brief is None:
            brief = Brief.create(aanmelding=aanmelding, dossier=aanmelding.dossier_id,
                                 aan=aanmelding.auteur_id, onderwerp=onderwerp, inhoud=inhoud)
            audit.record("brief.create", brief, user=user, details={"aanmelding_id": aanmelding.id})
        else:
            old = {"onderwerp": brief.onderwerp, "inhoud": brief.inhoud}
            brief.onderwerp, brief.inhoud = onderwerp, inhoud
            brief.save()
            audit.record_change("brief.edit", brief, old, {"onderwerp": onderwerp, "inhoud": inhoud},
                                user=user)
    return brief


def opstellen(aanmelding: Aanmelding, onderwerp: str, tekst: str, user: User) -> Brief:
    """The coordinator's plain text (a textarea) as the draft letter; refused (BriefError on
    `tekst`) when no visible text is left."""
    inhoud = richtext.van_tekst(tekst)
    if not inhoud:
        raise BriefError("Schrijf de tekst van de brief, met uw advies aan de aanmelder.", "tekst")
    return bewaar(aanmelding, (onderwerp or "").strip(), inhoud, user)


def verstuur(brief: Brief, user: User) -> Brief:
    """Freeze the letter: `html` is rendered once and the letter is marked sent."""
    with db.atomic():
        # Re-read under the transaction so two clicks never send (or re-freeze) twice.
        fresh = Brief.get_by_id(brief.id)
        if fresh.verzonden_op is not None:
            raise BriefError("Deze brief is al verzonden.")
        now = utcnow()
        fresh.html = render_brief(fresh, user, now)
        fresh.verzonden_op, fresh.verzonden_door = now, user
        updated = (Brief.update(html=fresh.html, verzonden_op=now, verzonden_door=user)
                   .where((Brief.id == fresh.id) & Brief.verzonden_op.is_null()).execute())
        if updated != 1:
            raise BriefError("Deze brief is al verzonden.")
        audit.record("brief.send", fresh, user=user, details={"aanmelding_id": fresh.aanmelding_id})
        meldingen.brief_verzonden(fresh)
    return fresh


def bestandsnaam(brief: Brief) -> str:
    return f"advies-{brief.aanmelding.nummer or brief.id}.pdf"


def document(brief: Brief):
    """The frozen letter laid out by WeasyPrint (print media: the A4 rules of app.css)."""
    from weasyprint import HTML
    html = render_template("brieven/pdf.html", brief=brief)
    return HTML(string=html, base_url=STATIC.as_uri() + "/", url_fetcher=_alleen_stylesheet()).render()


def pdf(brief: Brief) -> bytes:
    """The frozen letter as PDF (WeasyPrint), from the same HTML and stylesheet as the print view."""
    return document(brief).write_pdf()


def _alleen_stylesheet():
    """A fetcher that loads app.css and nothing else (no network, no other files)."""
    from weasyprint.urls import URLFetcher

    allowed = STYLESHEET.resolve().as_uri()

    class Fetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.split("?")[0] != allowed:
                raise ValueError("Alleen het stijlblad mag geladen worden.")
            return super().fetch(url, headers)

    return Fetcher()
