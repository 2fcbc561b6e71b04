"""Jinja filters and globals: Dutch dates, labels of reference lists, the user's options."""
from __future__ import annotations

import datetime as dt

from flask_login import current_user

from . import access, keuzes
from .tijd import dag_van, lokaal, vandaag

MAANDEN = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"]


def datum(value) -> str:
    """14 maart 2026"""
    if not value:
        return ""
    if isinstance(value, dt.datetime):
        value = lokaal(value)
    return f"{value.day} {MAANDEN[value.month - 1]} {value.year}"


def getal(n) -> str:
    """A whole number as Dutch (nl-BE) writes it: 1.234, 40.000."""
    return f"{int(n):,}".replace(",", ".")


def meervoud(n, enkel: str, meer: str) -> str:
    """`enkel` for exactly one, else `meer`: "1 aanmelding", "0 aanmeldingen", "2 aanmeldingen".
    Give whole phrases when the verb agrees too: meervoud(n, "aanmelding wacht", "aanmeldingen wachten")."""
    return enkel if n == 1 else meer


def aantal(n, enkel: str, meer: str) -> str:
    """The number with its noun: aantal(3, "dossier", "dossiers") → "3 dossiers"."""
    return f"{getal(n)} {meervoud(n, enkel, meer)}"


def datumtijd(value) -> str:
    """14 maart 2026 om 9.05 u"""
    if not value:
        return ""
    t = lokaal(value)
    return f"{datum(value)} om {t.hour}.{t.minute:02d} u"


def geleden(value) -> str:
    """'vandaag', 'gisteren', '12 dagen geleden'"""
    if not value:
        return ""
    days = (vandaag() - dag_van(value)).days
    if days <= 0:
        return "vandaag"
    if days == 1:
        return "gisteren"
    return f"{days} dagen geleden"


def dagen_sinds(value) -> int:
    if not value:
        return 0
    return max(0, (vandaag() - dag_van(value)).days)


# (endpoint, label, action that grants it)
NAV = [
    ("home.index", "Start", None),
    ("aanmelden.mijn", "Mijn aanmeldingen", "aanmelding.create"),
    ("politie.import_csv", "Politie-instroom", "politie.import"),
    ("ontvangst.inbox", "Ontvangst", "ontvangst.inbox"),
    ("parket.lijst", "Parketcheck", "parket.inbox"),
    ("triage.board", "Triage", "triage.board"),
    ("overleg.lijst", "Overleggen", "overleg.list"),
    ("regie.mijn_werk_lijst", "Mijn werk", "regie.mijn"),
    ("dossiers.lijst", "Dossiers", "dossier.list"),
    ("beheer.gebruikers", "Beheer", "beheer"),
    ("beheer.rollen", "Rollen bevestigen", "rolaanvraag.lijst"),
    ("audit.lijst", "Audittrail", "audit.view"),
    ("auth.wachtwoord_wijzigen", "Mijn wachtwoord", None),
    ("meldingen.voorkeur_scherm", "Mijn e-mails", "account.meldingen"),
]


def nav_items():
    return [(e, label, a) for e, label, a in NAV
            if a is None or access.can(current_user, a)]


# The {value: label} dicts and the enums of vh.keuzes, e.g. {{ FASEN[d.fase] }},
# {{ Fase.label_van(d.fase) }} or {% if d.fase == Fase.AFGESLOTEN %}.
LABELS = {name: getattr(keuzes, name) for name in (
    "FASEN", "PARKET_UITKOMSTEN", "BESLUIT_UITKOMSTEN", "AANMELDING_STATUSSEN", "BRONNEN", "ROLLEN",
    "ORGANISATIE_TYPES", "IFG_VORMEN", "GEWELDSVORMEN", "CLIENT_ROLLEN", "GESLACHTEN")}
KEUZES = {cls.__name__: cls for cls in keuzes.Keuze.__subclasses__()}


def init_app(app) -> None:
    app.jinja_env.filters.update(datum=datum, datumtijd=datumtijd, geleden=geleden,
                                 dagen_sinds=dagen_sinds, getal=getal, meervoud=meervoud, aantal=aantal)
    app.jinja_env.globals.update(
        can=lambda action, obj=None: access.can(current_user, action, obj),
        **LABELS, **KEUZES,
        nav_items=nav_items,
        HTMX_JS="htmx-2.0.11.min.js",
    )
