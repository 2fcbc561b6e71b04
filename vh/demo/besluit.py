"""Demo data of the besluit feature: the GP's vague-concern referral (walk 3 of the seed cases),
decided "advies" in a triage overleg, with its SENT advice letter to huisarts@vh.test.

Names are invented. Idempotent: recognised by the referral's persons, so a second run adds nothing.
"""
from __future__ import annotations

import datetime as dt

from vh.db import db
from vh.models import (
    Aanmelding,
    Agendapunt,
    Dossier,
    Gemeente,
    Nummering,
    Overleg,
    Persoon,
    Team,
    User,
    utcnow,
)

PERSONEN = [
    # voornaam, achternaam, geboortedatum, geslacht, rol, relatie
    ("Rita", "Vandenberghe", dt.date(1949, 3, 8), "v", "slachtoffer", "moeder"),
    ("Steven", "Vandenberghe", dt.date(1977, 10, 21), "m", "pleger", "zoon, woont bij zijn moeder"),
]
MOTIVERING = (
    "De zorg is reëel, maar er zijn geen aanwijzingen voor ernstig of herhaald geweld en de "
    "hulpverlening is niet vastgelopen. De criteria voor een ketenaanpak zijn niet vervuld.\n\n"
    "Wij raden aan om met mevrouw en haar zoon in gesprek te gaan over de spanningen thuis en "
    "hen warm door te verwijzen naar het CAW (onthaal) voor ondersteuning van de zoon bij werk en "
    "wonen. Bij twijfel kunt u anoniem advies vragen bij 1712."
)


def _bestaat() -> bool:
    return Persoon.select().join(Aanmelding, on=(Persoon.aanmelding == Aanmelding.id)).join(
        User, on=(Aanmelding.auteur == User.id)).where(
        (User.email == "huisarts@vh.test") & (Persoon.voornaam == "Rita")
        & (Persoon.achternaam == "Vandenberghe")).exists()


def load() -> str:
    from vh.parket import parketcheck
    from vh.triage import besluiten, brieven
    from vh.triage import overleg as overleg_regels

    if _bestaat():
        return ""
    huisarts = User.get(User.email == "huisarts@vh.test")
    coordinator = User.get(User.email == "coordinator@vh.test")
    team = Team.get(Team.naam == "Veilig Huis Oost-Brabant")
    gemeente = Gemeente.get((Gemeente.postcode == "3001") & (Gemeente.deelgemeente == "Heverlee"))
    ingediend = utcnow() - dt.timedelta(days=12)
    with db.atomic():
        dossier = Dossier.create(nummer=Nummering.volgende("dossier", "D"), team=team,
                                 pilootzone=gemeente.pilootzone, ifg_vormen="ouderenmis(be)handeling",
                                 aangemaakt_door=coordinator)
        aanmelding = Aanmelding.create(
            nummer=Nummering.volgende("aanmelding", "VH"), status="ontvankelijk", bron="formulier",
            auteur=huisarts, organisatie=huisarts.organisatie, team=team, dossier=dossier,
            aanmelder_naam=huisarts.naam, aanmelder_functie=huisarts.functie,
            aanmelder_telefoon=huisarts.telefoon, aanmelder_email=huisarts.email,
            ifg_vormen="ouderenmis(be)handeling", geweldsvormen="psychisch",
            recent_incident="Mevrouw vertelt op consultatie dat haar zoon soms roept en haar geld vraagt.",
            vraag="Is hier een aanpak van het Veilig Huis nodig?", gezin_op_de_hoogte=True,
            ingediend_op=ingediend, gewijzigd_op=ingediend, behandeld_op=ingediend,
            behandeld_door=coordinator)
        for voornaam, achternaam, geboren, geslacht, rol, relatie in PERSONEN:
            Persoon.create(aanmelding=aanmelding, dossier=dossier, voornaam=voornaam,
                           achternaam=achternaam, geboortedatum=geboren, geslacht=geslacht, rol=rol,
                           relatie=relatie, postcode=gemeente.postcode, gemeente=gemeente)
        # The parket takes part: to the triage through its check (domain rule 3).
        parketcheck.beantwoord(parketcheck.vraag_aan(dossier, coordinator),
                               User.get(User.email == "parket@vh.test"), "akkoord")
        overleg = Overleg.create(team=team, datum=utcnow() - dt.timedelta(days=2),
                                 plaats="Leuven, vergaderzaal 1", voorzitter=coordinator)
        Agendapunt.create(overleg=overleg, dossier=dossier, volgorde=1, besproken=True)
        besluiten.neem_besluit(dossier, "advies", MOTIVERING, coordinator, overleg=overleg)
        overleg_regels.afsluiten(overleg, coordinator)  # decided, then closed: it takes nothing new
        besluit = brieven.advies_besluit(aanmelding)
        brief = brieven.bewaar(aanmelding, brieven.standaard_onderwerp(aanmelding),
                               brieven.standaard_inhoud(aanmelding, besluit), coordinator)
        brieven.verstuur(brief, coordinator)
    return f"Besluit: dossier {dossier.nummer} besloten ‘advies’, brief aan de huisarts verzonden."
