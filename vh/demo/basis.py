"""Teams, organisations, the demo accounts and the two dossiers of the seed cases."""
from __future__ import annotations

import datetime as dt

from vh.aanmelding.indienen import submit
from vh.auth.accounts import create_user
from vh.beheer.referentie import load_all
from vh.db import db
from vh.models import (
    Aanmelding,
    Dossier,
    Gemeente,
    Nummering,
    Organisatie,
    Parketcheck,
    Persoon,
    Team,
    TeamArrondissement,
    User,
    utcnow,
)
from vh.transitions import voer_uit

TEAMS = {"Veilig Huis Oost-Brabant": "Leuven", "Veilig Huis Halle-Vilvoorde": "Halle-Vilvoorde"}
# The sender of each team's letters (demo addresses: .test e-mail, no real numbers).
TEAM_ADRES = {
    "Veilig Huis Oost-Brabant": dict(straat="Diestsevest 20", postcode="3000", gemeente="Leuven",
                                     telefoon="016 00 00 01", email="oost-brabant@vh.test"),
    "Veilig Huis Halle-Vilvoorde": dict(straat="Leuvensestraat 10", postcode="1800", gemeente="Vilvoorde",
                                        telefoon="02 000 00 02", email="halle-vilvoorde@vh.test"),
}

ORGANISATIES = [
    # naam, type, arrondissement, politiezone
    ("Veilig Huis Oost-Brabant", "veilig_huis", "Leuven", None),
    ("Veilig Huis Halle-Vilvoorde", "veilig_huis", "Halle-Vilvoorde", None),
    ("CAW Oost-Brabant", "caw", "Leuven", None),
    ("PZ Leuven", "politie", "Leuven", "5388"),
    ("Huisartsenpraktijk De Linde", "huisarts", None, None),
    ("Parket Leuven", "parket", "Leuven", None),
    ("Parket Halle-Vilvoorde", "parket", "Halle-Vilvoorde", None),
    ("Stad Leuven", "lokaal_bestuur", "Leuven", "5388"),
    ("CGG Vlaams-Brabant Oost", "ggz", "Leuven", None),
    ("OCJ Vlaams-Brabant", "ocj", None, None),
    ("Justitiehuis Leuven", "justitiehuis", "Leuven", None),
    ("PZ Vilvoorde-Machelen", "politie", "Halle-Vilvoorde", "5411"),
    ("Stad Vilvoorde", "lokaal_bestuur", "Halle-Vilvoorde", "5411"),
]

ACCOUNTS = [
    # e-mail, naam, rollen, organisatie, teams, functie
    ("coordinator@vh.test", "Els Coördinator", ["coordinator"], "Veilig Huis Oost-Brabant",
     ["Veilig Huis Oost-Brabant"], "Coördinator triage"),
    ("coordinator-hv@vh.test", "Hilde Vermeulen", ["coordinator"], "Veilig Huis Halle-Vilvoorde",
     ["Veilig Huis Halle-Vilvoorde"], "Coördinator triage"),
    ("caw@vh.test", "Sofie Janssens", ["aanmelder"], "CAW Oost-Brabant", [], "Maatschappelijk werker"),
    ("politie@vh.test", "Inspecteur Tom Claes", ["aanmelder", "kernpartner"], "PZ Leuven", [],
     "Inspecteur jeugd en gezin"),
    ("huisarts@vh.test", "Dr. An Wuyts", ["aanmelder"], "Huisartsenpraktijk De Linde", [], "Huisarts"),
    ("parket@vh.test", "Mr. Karel De Smet", ["parket"], "Parket Leuven", [], "Parketcriminoloog"),
    ("regisseur2@vh.test", "Lotte Stevens", ["regisseur2"], "Stad Leuven", [], "Casusregisseur spoor 2"),
    ("regisseur3@vh.test", "Pieter Goossens", ["regisseur3"], "Veilig Huis Oost-Brabant",
     ["Veilig Huis Oost-Brabant"], "Casusregisseur spoor 3"),
    ("ggz@vh.test", "Nadia El Amrani", ["partner", "kernpartner"], "CGG Vlaams-Brabant Oost", [],
     "Psycholoog"),
    ("beheer@vh.test", "Bart Beheer", ["beheerder"], "Veilig Huis Oost-Brabant", [],
     "Functioneel beheerder"),
    ("dpo@vh.test", "Dirk Privacy", ["dpo"], "Veilig Huis Oost-Brabant", [],
     "Functionaris voor gegevensbescherming"),
    ("ocj@vh.test", "Marieke Vos", ["aanmelder"], "OCJ Vlaams-Brabant", [], "Consulent"),
    # Halle-Vilvoorde: its own parket, police, and regisseurs of spoor 2 (PZ VIMA) and spoor 3.
    ("parket-hv@vh.test", "Mr. Ingrid Van Damme", ["parket"], "Parket Halle-Vilvoorde", [],
     "Parketcriminoloog"),
    ("politie-hv@vh.test", "Inspecteur Youssef Bakkali", ["aanmelder", "kernpartner"],
     "PZ Vilvoorde-Machelen", [], "Inspecteur intrafamiliaal geweld"),
    ("regisseur2-hv@vh.test", "Jana De Wolf", ["regisseur2"], "Stad Vilvoorde", [],
     "Casusregisseur spoor 2"),
    ("regisseur3-hv@vh.test", "Wim Verhaegen", ["regisseur3"], "Veilig Huis Halle-Vilvoorde",
     ["Veilig Huis Halle-Vilvoorde"], "Casusregisseur spoor 3"),
]

# The two cases of the seed (names invented, fictional).
CASE_PEETERS = [
    # voornaam, achternaam, geboortedatum, geslacht, rol, relatie
    ("Kevin", "Peeters", dt.date(1984, 5, 12), "m", "slachtoffer én pleger", "vader"),
    ("Sandra", "Wouters", dt.date(1987, 9, 3), "v", "slachtoffer én pleger", "moeder"),
    ("Lucas", "Peeters", dt.date(2015, 2, 20), "m", "kind-getuige", "zoon, 11 jaar"),
    ("Emma", "Peeters", dt.date(2019, 6, 8), "v", "kind-getuige", "dochter, 7 jaar"),
    ("Noah", "Peeters", dt.date(2022, 1, 15), "m", "kind-getuige", "zoon, 4 jaar"),
]
CASE_PEGGY = [
    ("Peggy", "Claes", dt.date(1979, 4, 17), "v", "slachtoffer", "partner van Jordy"),
    ("Jordy", "Maes", dt.date(1976, 11, 2), "m", "pleger", "partner van Peggy"),
]


def _teams() -> dict[str, Team]:
    teams = {}
    for naam, arrondissement in TEAMS.items():
        team, _ = Team.get_or_create(naam=naam, defaults=TEAM_ADRES[naam])
        if not team.straat:  # a database made before m0008: fill in the letterhead once
            Team.update(**TEAM_ADRES[naam]).where(Team.id == team.id).execute()
        TeamArrondissement.get_or_create(arrondissement=arrondissement, defaults={"team": team})
        teams[naam] = team
    return teams


def _organisaties() -> None:
    for naam, type_, arr, pz in ORGANISATIES:
        Organisatie.get_or_create(naam=naam, defaults=dict(type=type_, arrondissement=arr,
                                                           politiezone_nr=pz))


def _accounts(password: str) -> int:
    made = 0
    for email, naam, rollen, org, teams, functie in ACCOUNTS:
        if User.select().where(User.email == email).exists():
            continue
        create_user(email=email, naam=naam, rollen=rollen, password=password, organisatie=org,
                    teams=teams, functie=functie, telefoon="016 00 00 00")
        made += 1
    return made


def _dossier(team: Team, postcode: str, deelgemeente: str, mensen, vormen: str, aanmelder: str,
             **referral) -> Dossier:
    """A submitted, admissible referral with its persons, and the dossier opened from it."""
    gemeente = Gemeente.get((Gemeente.postcode == postcode) & (Gemeente.deelgemeente == deelgemeente))
    coordinator = User.get(User.email == "coordinator@vh.test")
    auteur = User.get(User.email == aanmelder)
    dossier = Dossier.create(nummer=Nummering.volgende("dossier", "D"), team=team,
                             pilootzone=gemeente.pilootzone, ifg_vormen=vormen,
                             aangemaakt_door=coordinator)
    aanmelding = Aanmelding.create(
        auteur=auteur, organisatie=auteur.organisatie, aanmelder_naam=auteur.naam,
        aanmelder_functie=auteur.functie, aanmelder_email=auteur.email,
        aanmelder_telefoon=auteur.telefoon, ifg_vormen=vormen, **referral)
    for voornaam, achternaam, geboren, geslacht, rol, relatie in mensen:
        Persoon.create(aanmelding=aanmelding, dossier=dossier, voornaam=voornaam,
                       achternaam=achternaam, geboortedatum=geboren, geslacht=geslacht, rol=rol,
                       relatie=relatie, postcode=postcode, gemeente=gemeente)
    submit(aanmelding, auteur)  # links its PV numbers
    aanmelding.status, aanmelding.dossier = "ontvankelijk", dossier
    aanmelding.behandeld_op, aanmelding.behandeld_door = utcnow(), coordinator
    aanmelding.save()
    return dossier


def _through_triage(dossier: Dossier, spoor: int, regisseur_email: str, motivering: str) -> None:
    """Walk the dossier through parket, triage and decision the way the screens would."""
    from vh.triage.besluiten import neem_besluit
    coordinator = User.get(User.email == "coordinator@vh.test")
    parket = User.get(User.email == "parket@vh.test")
    voer_uit(dossier, "parket_vragen", coordinator)
    Parketcheck.create(dossier=dossier, gevraagd_door=coordinator, beantwoord_door=parket,
                       beantwoord_op=utcnow(), uitkomst="akkoord")
    voer_uit(dossier, "parket_antwoord", parket, "akkoord")
    voer_uit(dossier, "bespreken", coordinator)
    neem_besluit(dossier, f"spoor{spoor}", motivering, coordinator,
                 regisseur=User.get(User.email == regisseur_email))


def _dossiers() -> int:
    """The two seed dossiers, recognised by their persons so a second run adds nothing."""
    if Persoon.select().where((Persoon.voornaam == "Kevin") & (Persoon.achternaam == "Peeters")
                              & Persoon.dossier.is_null(False)).exists():
        return 0
    team = Team.get(Team.naam == "Veilig Huis Oost-Brabant")
    peeters = _dossier(
        team, "3010", "Kessel-Lo", CASE_PEETERS, "partnergeweld", "ocj@vh.test",
        geweldsvormen="fysiek|psychisch", politie_betrokken=True,
        recent_incident="Nieuw incident van partnergeweld met een baseballbat; de drie kinderen waren thuis.",
        eerdere_incidenten="Frequent partnergeweld met veel politietussenkomsten; beide ouders recidiveren.",
        hulpverlening="OCJ volgt het gezin op; eerder CAW en CGG.",
        hulp_vastgelopen="Geen probleeminzicht, sterk minimaliserend.",
        criterium_complex=True, criterium_complex_uitleg="Geweld, druggebruik, schulden en opvoedingszorgen.",
        criterium_zorgwekkend=True, criterium_zorgwekkend_uitleg="Hulp loopt vast; herhaald geweld.",
        criterium_ketenaanpak=True, criterium_ketenaanpak_uitleg="Politie, parket en hulpverlening zijn alle nodig.",
        vraag="Intensieve casusregie voor het hele gezin.", gezin_op_de_hoogte=True,
        veilig_contact="Bel de moeder alleen overdag; geen voicemail.")
    _through_triage(peeters, 3, "regisseur3@vh.test",
                    "Structureel onveilig gezin met drie kinderen als getuigen: intensieve casusregie.")
    peggy = _dossier(
        team, "3000", "Leuven", CASE_PEGGY, "partnergeweld", "politie@vh.test", bron="politie-kort",
        geweldsvormen="fysiek", politie_betrokken=True, pv_nummers="LE.55.L1.004711/2026",
        recent_incident="Jordy sloeg Peggy na het drinken; de politie werd voor de tweede keer gebeld.",
        gezin_op_de_hoogte=True)
    _through_triage(peggy, 2, "regisseur2@vh.test",
                    "Gezin uit balans in de pilootzone Leuven: korte casusondersteuning.")
    return 2


def load(password: str) -> str:
    n_gemeenten = load_all()
    with db.atomic():
        _teams()
        _organisaties()
        made = _accounts(password)
        dossiers = _dossiers()
    return (f"Demo: {n_gemeenten} postcodes, {len(TEAMS)} teams, {len(ORGANISATIES)} organisaties, "
            f"{made} nieuwe accounts, {dossiers} nieuwe dossiers.")
