"""Demo data of the triage feature: two invented families in Aarschot (3200) on their way through
triage, a past overleg where one was discussed (with bijdragen of police and CGG), and the
coming overleg next week in Leuven with the "te bespreken" dossiers on its agenda.

Idempotent: recognised by the first family's persons and by the coming overleg's place."""
from __future__ import annotations

import datetime as dt

from vh.db import db
from vh.models import (
    Agendapunt,
    Bijdrage,
    Dossier,
    Overleg,
    OverlegDeelnemer,
    Parketcheck,
    Persoon,
    Team,
    User,
    utcnow,
)
from vh.richtext import tekst_naar_html as naar_html
from vh.tijd import naar_utc, vandaag
from vh.transitions import voer_uit

from .basis import _dossier

TEAM = "Veilig Huis Oost-Brabant"
PLAATS_KOMEND = "Leuven, Veilig Huis (zaal Triage)"
PLAATS_VORIG = "Leuven, Veilig Huis (zaal Triage) – vorige week"
DEELNEMERS = ("politie@vh.test", "ggz@vh.test")

# Invented, fictional people.
GEZIN_MERTENS = [
    ("Bram", "Mertens", dt.date(1988, 2, 9), "m", "pleger", "vader"),
    ("Lies", "Vanhoof", dt.date(1990, 10, 21), "v", "slachtoffer", "moeder"),
    ("Mila", "Mertens", dt.date(2018, 5, 30), "v", "kind-getuige", "dochter"),
    ("Tuur", "Mertens", dt.date(2012, 8, 14), "m", "kind-slachtoffer", "zoon"),
]
GEZIN_LEMMENS = [
    ("Ine", "Goris", dt.date(1995, 1, 11), "v", "slachtoffer", "ex-partner van Stijn"),
    ("Stijn", "Lemmens", dt.date(1993, 6, 4), "m", "pleger", "ex-partner van Ine"),
]
GEZIN_DECOSTER = [
    ("Marleen", "Decoster", dt.date(1951, 12, 2), "v", "slachtoffer", "moeder"),
    ("Geert", "Decoster", dt.date(1979, 3, 27), "m", "pleger", "zoon"),
]


def _moment(dagen: int, uur: int, minuut: int = 0) -> dt.datetime:
    """A Brussels wall-clock time `dagen` from today, as naive UTC."""
    return naar_utc(vandaag() + dt.timedelta(days=dagen), dt.time(uur, minuut))


def _naar_triage(dossier: Dossier, uitkomst: str = "akkoord", beperkingen: str = "") -> None:
    coordinator = User.get(User.email == "coordinator@vh.test")
    parket = User.get(User.email == "parket@vh.test")
    voer_uit(dossier, "parket_vragen", coordinator)
    Parketcheck.create(dossier=dossier, gevraagd_door=coordinator, beantwoord_door=parket,
                       beantwoord_op=utcnow(), uitkomst=uitkomst, beperkingen=beperkingen)
    voer_uit(dossier, "parket_antwoord", parket, uitkomst)


def _overleg(team: Team, datum: dt.datetime, plaats: str) -> Overleg:
    coordinator = User.get(User.email == "coordinator@vh.test")
    overleg = Overleg.create(team=team, datum=datum, plaats=plaats, voorzitter=coordinator)
    for email in DEELNEMERS:
        OverlegDeelnemer.create(overleg=overleg, user=User.get(User.email == email))
    return overleg


def _deelnemers_tekst(overleg: Overleg) -> str:
    parts = [f"{overleg.voorzitter.naam} ({overleg.voorzitter.organisatie.naam}, voorzitter)"]
    for email in DEELNEMERS:
        u = User.get(User.email == email)
        parts.append(f"{u.naam} ({u.organisatie.naam})")
    return "; ".join(parts)


def _bijdrage(dossier: Dossier, overleg: Overleg, email: str, tekst: str) -> None:
    auteur = User.get(User.email == email)
    Bijdrage.create(dossier=dossier, overleg=overleg, auteur=auteur, organisatie=auteur.organisatie,
                    inhoud=naar_html(tekst), rechtsgrond=f"Casusoverleg art. 458ter Sw. – {overleg.team.naam}",
                    deelnemers=_deelnemers_tekst(overleg))


def _families(team: Team) -> int:
    if Persoon.select().where((Persoon.voornaam == "Bram") & (Persoon.achternaam == "Mertens")
                              & Persoon.dossier.is_null(False)).exists():
        return 0
    coordinator = User.get(User.email == "coordinator@vh.test")
    # 1. Mertens–Vanhoof, Aarschot: discussed last week, now in dossiervorming with two bijdragen.
    mertens = _dossier(team, "3200", "Aarschot", GEZIN_MERTENS, "partnergeweld|kindermishandeling",
                       "politie@vh.test", politie_betrokken=True,
                       recent_incident="Interventie na een hevige ruzie; de zoon had blauwe plekken op de arm.",
                       vraag="Een gezamenlijke aanpak met hulpverlening; de kinderen zijn bang.",
                       gezin_op_de_hoogte=True,
                       veilig_contact="Moeder bellen tussen 9 en 12 u; geen voicemail.")
    _naar_triage(mertens)
    vorig = _overleg(team, _moment(-7, 9, 30), PLAATS_VORIG)
    Agendapunt.create(overleg=vorig, dossier=mertens, volgorde=1, besproken=True,
                      bespreking=naar_html("Herhaald geweld, kinderen getuige en slachtoffer.\n\n"
                                           "Vader erkent een drankprobleem; moeder wil de relatie behouden."))
    voer_uit(mertens, "bespreken", coordinator, toelichting=f"overleg {vorig.id}")
    _bijdrage(mertens, vorig, "politie@vh.test",
              "Vier interventies in het voorbije jaar, waarvan twee met slagen.\n"
              "Geen lopend strafonderzoek.")
    _bijdrage(mertens, vorig, "ggz@vh.test",
              "Vader was vorig jaar kort in begeleiding voor alcohol; gestopt na drie gesprekken.")
    # 2. Goris–Lemmens, Gelrode (Aarschot): te bespreken, parket akkoord with a restriction.
    lemmens = _dossier(team, "3200", "Gelrode", GEZIN_LEMMENS, "belaging|partnergeweld", "caw@vh.test",
                       recent_incident="Na de breuk blijft de ex-partner haar volgen en berichten sturen.",
                       vraag="Afstemming met politie over haar veiligheid.", gezin_op_de_hoogte=False,
                       waarom_niet_op_de_hoogte="De pleger mag niet weten dat zij hulp zoekt.")
    _naar_triage(lemmens, "beperkingen", "Niets delen over de lopende klacht wegens belaging.")
    # 3. Decoster, Aarschot: te bespreken (abuse of an elderly parent).
    decoster = _dossier(team, "3200", "Aarschot", GEZIN_DECOSTER, "ouderenmis(be)handeling",
                        "huisarts@vh.test",
                        recent_incident="De zoon neemt geld af en dreigt; mevrouw is vermagerd.",
                        vraag="Wie kan mee zorgen voor haar veiligheid?")
    _naar_triage(decoster)
    return 3


def _komend_overleg(team: Team) -> bool:
    if Overleg.select().where((Overleg.team == team) & (Overleg.plaats == PLAATS_KOMEND)).exists():
        return False
    overleg = _overleg(team, _moment(7, 9, 30), PLAATS_KOMEND)
    te_bespreken = (Dossier.select().where((Dossier.team == team) & (Dossier.fase == "te_bespreken"))
                    .order_by(Dossier.acuut.desc(), Dossier.fase_sinds, Dossier.id))
    for i, dossier in enumerate(te_bespreken, start=1):
        Agendapunt.create(overleg=overleg, dossier=dossier, volgorde=i)
    return True


def load() -> str:
    team = Team.get(Team.naam == TEAM)
    with db.atomic():
        families = _families(team)
        komend = _komend_overleg(team)
    if not families and not komend:
        return ""
    return (f"Triage: {families} nieuwe dossiers in triage"
            + (", een triage-overleg volgende week in Leuven." if komend else "."))
