"""Shared test data for the triage and overleg tests (not a test module)."""
from __future__ import annotations

import datetime as dt

from vh.models import (
    Aanmelding,
    Agendapunt,
    Besluit,
    Dossier,
    Gemeente,
    Nummering,
    Organisatie,
    Overleg,
    OverlegDeelnemer,
    Parketcheck,
    Persoon,
    Team,
    User,
    utcnow,
)

OOST = "Veilig Huis Oost-Brabant"
HV = "Veilig Huis Halle-Vilvoorde"
# Distinctive invented names, so "absent from the HTML" cannot pass by accident.
GEZIN = [
    ("Griet", "Vandermeulen", dt.date(1985, 3, 14), "slachtoffer"),
    ("Jarno", "Verhaegen", dt.date(1983, 7, 2), "pleger"),
    ("Wouterke", "Vandermeulen", dt.date.today().replace(year=dt.date.today().year - 4), "kind-getuige"),
    ("Floortje", "Verhaegen", dt.date.today().replace(year=dt.date.today().year - 13), "kind-slachtoffer"),
]


def team(naam: str = OOST) -> Team:
    return Team.get(Team.naam == naam)


def maak_dossier(fase: str = "te_bespreken", parket: str | None = "akkoord", *, teamnaam: str = OOST,
                 personen=GEZIN[:2], postcode: str = "3200", acuut: bool = False,
                 beperkingen: str = "", organisatie: str = "CAW Oost-Brabant") -> Dossier:
    gemeente = Gemeente.select().where(Gemeente.postcode == postcode).first()
    coordinator = User.get(User.email == "coordinator@vh.test")
    d = Dossier.create(nummer=Nummering.volgende("dossier", "D"), team=team(teamnaam), fase=fase,
                       pilootzone=bool(gemeente and gemeente.pilootzone), acuut=acuut,
                       ifg_vormen="partnergeweld", aangemaakt_door=coordinator,
                       fase_sinds=utcnow() - dt.timedelta(days=3))
    for voornaam, achternaam, geboren, rol in personen:
        Persoon.create(dossier=d, voornaam=voornaam, achternaam=achternaam, geboortedatum=geboren,
                       rol=rol, postcode=postcode, gemeente=gemeente)
    if parket:
        Parketcheck.create(dossier=d, gevraagd_door=coordinator, uitkomst=parket,
                           beantwoord_op=utcnow(), beperkingen=beperkingen,
                           beantwoord_door=User.get(User.email == "parket@vh.test"))
    org = Organisatie.get(Organisatie.naam == organisatie)
    Aanmelding.create(nummer=Nummering.volgende("aanmelding", "VH"), status="ontvankelijk",
                      auteur=User.get(User.email == "caw@vh.test"), organisatie=org,
                      team=d.team, dossier=d, ingediend_op=utcnow() - dt.timedelta(days=5),
                      ifg_vormen="partnergeweld", recent_incident="Ruzie met slaan.",
                      vraag="Graag een gezamenlijk plan.")
    return d


def maak_overleg(deelnemers=("politie@vh.test", "ggz@vh.test"), dossiers=(), *, teamnaam: str = OOST,
                 dagen: int = 7) -> Overleg:
    o = Overleg.create(team=team(teamnaam), datum=utcnow() + dt.timedelta(days=dagen), plaats="Leuven",
                       voorzitter=User.get(User.email == "coordinator@vh.test"))
    for email in deelnemers:
        OverlegDeelnemer.create(overleg=o, user=User.get(User.email == email))
    for i, d in enumerate(dossiers, start=1):
        Agendapunt.create(overleg=o, dossier=d, volgorde=i)
    return o


def beslis(d: Dossier, uitkomst: str = "spoor3", overleg: Overleg | None = None) -> Besluit:
    d.fase = "afgesloten" if uitkomst == "advies" else "kennismaking"
    d.save()
    return Besluit.create(dossier=d, overleg=overleg, uitkomst=uitkomst, motivering="Gemotiveerd.",
                          beslist_door=User.get(User.email == "coordinator@vh.test"))


def ingediende_aanmelding(teamnaam: str = OOST, personen=GEZIN[2:3]) -> Aanmelding:
    a = Aanmelding.create(nummer=Nummering.volgende("aanmelding", "VH"), status="ingediend",
                          auteur=User.get(User.email == "caw@vh.test"),
                          organisatie=Organisatie.get(Organisatie.naam == "CAW Oost-Brabant"),
                          team=team(teamnaam), ingediend_op=utcnow() - dt.timedelta(days=1),
                          ifg_vormen="kindermishandeling")
    for voornaam, achternaam, geboren, rol in personen:
        Persoon.create(aanmelding=a, voornaam=voornaam, achternaam=achternaam, geboortedatum=geboren,
                       rol=rol, postcode="3200")
    return a
