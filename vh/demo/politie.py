"""Demo data of the police inflow: a new intervention for Peggy Claes and Jordy Maes (case 2),
referred by politie@vh.test with the short form. The base demo already holds their dossier
(spoor 2), so this new PV shows up in the coordinator's inbox with the "already known" hint.
Idempotent: the PV number is the key."""
from __future__ import annotations

import datetime as dt

from vh.aanmelding.politie import al_aangemeld, kort_indienen
from vh.models import User
from vh.tijd import vandaag

PV = "LE.55.L1.012345/2026"


def load() -> str:
    if al_aangemeld(PV):
        return ""
    politie = User.get_or_none(User.email == "politie@vh.test")
    if politie is None:
        return ""
    aanmelding = kort_indienen(
        politie, pv=PV, datum_feit=vandaag() - dt.timedelta(days=2), vormen=["partnergeweld"],
        omschrijving=("Nieuwe interventie na een melding van de buren: Jordy had gedronken, er was "
                      "ruzie over geld en hij duwde Peggy tegen de kast. Peggy had een blauwe plek "
                      "aan de arm. Geen kinderen in huis."),
        personen=[
            dict(rol="slachtoffer", voornaam="Peggy", achternaam="Claes",
                 geboortedatum=dt.date(1979, 4, 17), postcode="3000"),
            dict(rol="pleger", voornaam="Jordy", achternaam="Maes",
                 geboortedatum=dt.date(1976, 11, 2), postcode="3000"),
        ])
    return f"Politie: nieuwe interventie {PV} van Peggy en Jordy ingediend als {aanmelding.nummer}."
