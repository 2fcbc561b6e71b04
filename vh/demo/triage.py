"""Demo data of the triage feature: two invented families in Aarschot (3200) on their way through
triage, a past overleg where one was discussed (with bijdragen of police and CGG), and the
coming overleg next week in Leuven with the "te bespreken" dossiers on its agenda.

Idempotent: recognised by the first family's persons and by the coming overleg's place."""
from __future__ import annotations

import datetime as dt

from vh.db import db
from vh.models import (
    Agendapunt,
    Dossier,
    Overleg,
    Parketcheck,
    Persoon,
    Team,
    User,
    utcnow,
)
from vh.tijd import vandaag
from vh.transitions import voer_uit
from vh.triage import bijdragen, overleg

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


def _naar_triage(dossier: Dossier, uitkomst: str = "akkoord", beperkingen: str = "") -> None:
    coordinator = User.get(User.email == "coordinator@vh.test")
    parket = User.get(User.email == "parket@vh.test")
    voer_uit(dossier, "parket_vragen", coordinator)
    Parketcheck.create(dossier=dossier, gevraagd_door=coordinator, beantwoord_door=parket,
                       beantwoord_op=utcnow(), uitkomst=uitkomst, beperkingen=beperkingen)
    voer_uit(dossier, "parket_antwoord", parket, uitkomst)


def _overleg(team: Team, dagen: int, plaats: str) -> Overleg:
    """An overleg at 9:30 Brussels time, `dagen` from today, with the DEELNEMERS."""
    coordinator = User.get(User.email == "coordinator@vh.test")
    deelnemers = [User.get(User.email == email).id for email in DEELNEMERS]
    return overleg.opslaan(coordinator, team_id=team.id, datum=vandaag() + dt.timedelta(days=dagen),
                           tijd=dt.time(9, 30), plaats=plaats, deelnemers=deelnemers)


def _bijdrage(dossier: Dossier, o: Overleg, email: str, tekst: str) -> None:
    bijdragen.maak_bijdrage(o, dossier, tekst, User.get(User.email == email))


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
    vorig = _overleg(team, -7, PLAATS_VORIG)
    punt = Agendapunt.create(overleg=vorig, dossier=mertens, volgorde=1)
    bijdragen.bespreek(vorig, punt, "Herhaald geweld, kinderen getuige en slachtoffer.\n\n"
                                    "Vader erkent een drankprobleem; moeder wil de relatie behouden.",
                       coordinator)
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
    komend = _overleg(team, 7, PLAATS_KOMEND)
    overleg.agenda_opbouwen(komend, User.get(User.email == "coordinator@vh.test"))
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
