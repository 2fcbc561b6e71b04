"""Demo data of the referral form: a draft of the CAW, and two submitted referrals of the GP —
one about Sandra Wouters of the Peeters–Wouters dossier, written as "wouters sandra" to show the
tolerant "already known?" match, and the vague concern of case 3 of seed-cases.md.
Idempotent: each referral is recognised by its own (fictional) incident text."""
from __future__ import annotations

import datetime as dt

from vh.aanmelding import indienen
from vh.db import db
from vh.models import Aanmelding, Gemeente, Persoon, User
from vh.tijd import vandaag

CONCEPT_CAW = "Buren hoorden gisteren opnieuw geroep en slagen; de moeder belde het CAW in paniek."
GEKEND = "Mevrouw kwam op consultatie met kneuzingen aan de arm en vertelt over ruzies thuis."
VAAG = "Mevrouw lijkt gespannen bij de consultaties; ze zegt dat het thuis 'soms moeilijk' is."


def _gemeente(postcode: str, deelgemeente: str) -> Gemeente:
    return Gemeente.get((Gemeente.postcode == postcode) & (Gemeente.deelgemeente == deelgemeente))


def _aanmelding(auteur: User, incident: str, **velden) -> Aanmelding:
    return Aanmelding.create(
        auteur=auteur, organisatie=auteur.organisatie_id, aanmelder_naam=auteur.naam,
        aanmelder_functie=auteur.functie, aanmelder_telefoon=auteur.telefoon,
        aanmelder_email=auteur.email, recent_incident=incident, **velden)


def _persoon(a: Aanmelding, voornaam, achternaam, geboren, geslacht, rol, relatie, gemeente,
             straat="", school=""):
    Persoon.create(aanmelding=a, voornaam=voornaam, achternaam=achternaam, geboortedatum=geboren,
                   geslacht=geslacht, rol=rol, relatie=relatie, straat=straat, school=school,
                   postcode=gemeente.postcode if gemeente else "", gemeente=gemeente)


def _bestaat(auteur: User, incident: str) -> bool:
    return Aanmelding.select().where((Aanmelding.auteur == auteur)
                                     & (Aanmelding.recent_incident == incident)).exists()


def load() -> str:
    caw = User.get_or_none(User.email == "caw@vh.test")
    huisarts = User.get_or_none(User.email == "huisarts@vh.test")
    if caw is None or huisarts is None:
        return ""
    made = []
    with db.atomic():
        if not _bestaat(caw, CONCEPT_CAW):
            a = _aanmelding(caw, CONCEPT_CAW, ifg_vormen="partnergeweld|kindermishandeling",
                            geweldsvormen="fysiek|psychisch", politie_betrokken=False)
            tienen = _gemeente("3300", "Tienen")
            _persoon(a, "Leen", "Vandenberghe", dt.date(1990, 2, 11), "v", "slachtoffer",
                     "moeder", tienen, "Stationsstraat 1")
            _persoon(a, "Mats", "Vandenberghe", dt.date(2016, 8, 30), "m", "kind-getuige",
                     "zoon van Leen", tienen, "Stationsstraat 1", school="Basisschool De Bron")
            made.append("1 concept (CAW)")
        if not _bestaat(huisarts, GEKEND):
            a = _aanmelding(
                huisarts, GEKEND, ifg_vormen="partnergeweld", geweldsvormen="fysiek|psychisch",
                datum_incident=vandaag() - dt.timedelta(days=3),
                eerdere_incidenten="Vorig jaar al eens blauwe plekken gezien.",
                politie_betrokken=True, pv_nummers="LE.12.L1.004711/2026",
                hulpverlening="Huisarts; vroeger OCJ voor de kinderen.",
                hulp_vastgelopen="Mevrouw stopte de afspraken bij het CAW.",
                criterium_complex=True,
                criterium_complex_uitleg="Geweld, druggebruik en schulden tegelijk.",
                criterium_ketenaanpak=True,
                criterium_ketenaanpak_uitleg="Politie kwam al meermaals tussen; ook justitie is nodig.",
                vraag="Graag een gezamenlijke aanpak met politie en parket.",
                gezin_op_de_hoogte=True, veilig_contact="Bellen tijdens de kantooruren, geen sms.",
                pleger_contacteren=False, taal="Nederlands")
            # Written as "wouters sandra": first and last name swapped, no capitals.
            _persoon(a, "wouters", "sandra", dt.date(1987, 9, 3), "v", "slachtoffer",
                     "moeder van drie kinderen", _gemeente("3010", "Kessel-Lo"))
            indienen.submit(a, huisarts)
            made.append(f"{a.nummer} (huisarts, gekend gezin)")
        if not _bestaat(huisarts, VAAG):
            a = _aanmelding(
                huisarts, VAAG, ifg_vormen="partnergeweld", geweldsvormen="psychisch",
                politie_betrokken=False, hulpverlening="Alleen de huisarts.",
                vraag="Ik twijfel of er meer aan de hand is. Wat kan ik doen?",
                gezin_op_de_hoogte=False,
                waarom_niet_op_de_hoogte="Mevrouw wil eerst zelf nadenken; haar partner weet van niets.",
                veilig_contact="Alleen via de huisarts.", pleger_contacteren=False,
                taal="Nederlands")
            heverlee = _gemeente("3001", "Heverlee")
            _persoon(a, "Ria", "Goris", dt.date(1968, 3, 21), "v", "slachtoffer", "echtgenote van Luc",
                     heverlee)
            _persoon(a, "Luc", "Hermans", dt.date(1965, 12, 5), "m", "pleger", "echtgenoot van Ria",
                     heverlee)
            indienen.submit(a, huisarts)
            made.append(f"{a.nummer} (huisarts, vage zorg)")
    return "Aanmeldingen: " + (", ".join(made) if made else "niets nieuw") + "."
