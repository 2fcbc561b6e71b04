"""Demo data of the ontvangst feature: referrals waiting in the inbox, and dossiers in the first
phases (nieuw, wacht op parket, one waiting too long, one with a parket restriction).

Made through the same functions the screens use, so the phases, stamps and audit events are real.
Every person is invented. Idempotent: each scenario is recognised by its incident text."""
from __future__ import annotations

import datetime as dt

from vh.aanmelding import indienen
from vh.db import db
from vh.keuzes import ParketUitkomst
from vh.models import Aanmelding, Dossier, Gemeente, Overgang, Parketcheck, Persoon, Team, User
from vh.ontvangst.beoordelen import nieuw_dossier
from vh.parket.parketcheck import beantwoord

BEPERKING = "Het lopende strafonderzoek naar de feiten van 3 november mag niet besproken worden."

# key: (auteur, bron, postcode, deelgemeente, ifg, incident, extra fields, persons, what happens)
SCENARIOS = [
    dict(auteur="caw@vh.test", plaats=("3001", "Heverlee"), ifg="partnergeweld",
         incident="Na een ruzie over geld duwde hij haar van de trap; de buren belden de politie.",
         extra=dict(veilig_contact="Alleen bellen tussen 9 en 12 u, geen voicemail.",
                    criterium_complex=True, criterium_zorgwekkend=True, criterium_ketenaanpak=True,
                    pv_nummers="LE.55.L1.004411/26"),
         personen=[("Ilse", "Verbruggen", dt.date(1990, 6, 14), "v", "slachtoffer", "partner van Marnix"),
                   ("Marnix", "Dewitte", dt.date(1988, 2, 27), "m", "pleger", "partner van Ilse"),
                   ("Lena", "Dewitte", dt.date(2016, 10, 3), "v", "kind-getuige", "dochter")],
         stap="parket"),
    dict(auteur="politie@vh.test", bron="politie-kort", plaats=("3200", "Aarschot"),
         ifg="ouderenmis(be)handeling",
         incident="De zoon eist geld van zijn moeder en bedreigt haar; derde interventie dit jaar.",
         extra=dict(politie_betrokken=True, pv_nummers="AA.57.L3.000812/26, AA.57.L3.000344/26"),
         personen=[("Karin", "Smets", dt.date(1951, 11, 8), "v", "slachtoffer", "moeder"),
                   ("Dieter", "Smets", dt.date(1984, 4, 19), "m", "pleger", "zoon")],
         stap="parket", dagen_geleden=7),
    dict(auteur="caw@vh.test", plaats=("3300", "Tienen"), ifg="partnergeweld|belaging",
         incident="Na de scheiding blijft hij haar volgen en berichten sturen; op 3 november sloeg hij haar.",
         extra=dict(gezin_op_de_hoogte=False, pv_nummers="TI.59.L1.002231/25",
                    waarom_niet_op_de_hoogte="Zij vreest dat hij agressief wordt als hij het hoort.",
                    veilig_contact="Niet bellen na 17 u; zij deelt haar telefoon soms met haar zoon."),
         personen=[("Joke", "Vandenbergh", dt.date(1992, 1, 23), "v", "slachtoffer", "ex-partner van Steven"),
                   ("Steven", "Lambrechts", dt.date(1989, 8, 30), "m", "pleger", "ex-partner van Joke"),
                   ("Finn", "Lambrechts", dt.date(2018, 5, 12), "m", "kind-getuige", "zoon")],
         stap="beperkingen", dagen_geleden=3),
    dict(auteur="caw@vh.test", plaats=("3290", "Diest"), ifg="partnergeweld",
         incident="Hij kleineert en controleert haar al jaren; zij durft niet meer buiten te komen.",
         extra=dict(),
         personen=[("Gerda", "Mertens", dt.date(1958, 3, 2), "v", "slachtoffer", "echtgenote"),
                   ("Willy", "Mertens", dt.date(1955, 12, 11), "m", "pleger", "echtgenoot")],
         stap="nieuw", dagen_geleden=2),
    # in the inbox: a second referral about the Verbruggen-Dewitte family ("mogelijk gekend")
    dict(auteur="huisarts@vh.test", plaats=("3001", "Heverlee"), ifg="partnergeweld",
         incident="Lena vertelde op consultatie dat papa mama pijn doet; ze slaapt slecht.",
         extra=dict(vraag="Kan het Veilig Huis nagaan of er al hulp loopt?"),
         personen=[("Lena", "Dewitte", dt.date(2016, 10, 3), "v", "kind-getuige", "dochter"),
                   ("Ilse", "Verbruggen", dt.date(1990, 6, 14), "v", "slachtoffer", "moeder")],
         stap=None),
    # in the inbox: a vague concern from a GP (walk 3: advies)
    dict(auteur="huisarts@vh.test", plaats=("3000", "Leuven"), ifg="ouderenmis(be)handeling",
         incident="Mevrouw lijkt gespannen als haar volwassen zoon mee op consultatie komt; geen concrete feiten.",
         extra=dict(vraag="Ik maak mij zorgen, maar weet niet wat ik moet doen."),
         personen=[("Marleen", "Hendrickx", dt.date(1962, 7, 7), "v", "slachtoffer", "moeder")],
         stap=None, dagen_geleden=4),
    # in the inbox of Halle-Vilvoorde
    dict(auteur="caw@vh.test", plaats=("1800", "Vilvoorde"), ifg="partnergeweld",
         incident="Zij kwam met blauwe plekken naar het onthaal van het CAW en wil niet terug naar huis.",
         extra=dict(veilig_contact="Via het CAW-onthaal, niet thuis."),
         personen=[("Sara", "Lemmens", dt.date(1995, 9, 9), "v", "slachtoffer", "partner van Tim"),
                   ("Tim", "Lemmens", dt.date(1993, 3, 3), "m", "pleger", "partner van Sara")],
         stap=None),
]


def _aanmelding(s: dict) -> Aanmelding:
    auteur = User.get(User.email == s["auteur"])
    gemeente = Gemeente.get((Gemeente.postcode == s["plaats"][0]) & (Gemeente.deelgemeente == s["plaats"][1]))
    a = Aanmelding.create(auteur=auteur, organisatie=auteur.organisatie, bron=s.get("bron", "formulier"),
                          aanmelder_naam=auteur.naam, aanmelder_functie=auteur.functie,
                          aanmelder_telefoon=auteur.telefoon, aanmelder_email=auteur.email,
                          ifg_vormen=s["ifg"], recent_incident=s["incident"],
                          gezin_op_de_hoogte=s["extra"].pop("gezin_op_de_hoogte", True), **s["extra"])
    for voornaam, achternaam, geboren, geslacht, rol, relatie in s["personen"]:
        Persoon.create(aanmelding=a, voornaam=voornaam, achternaam=achternaam, geboortedatum=geboren,
                       geslacht=geslacht, rol=rol, relatie=relatie, postcode=gemeente.postcode,
                       gemeente=gemeente)
    return indienen.submit(a, auteur)


def _terug_in_de_tijd(a: Aanmelding, dossier: Dossier | None, dagen: int) -> None:
    """Shift the stamps back, so lead times and the 'wacht al 7 dagen' mark show (in Python:
    date arithmetic in SQL is not portable)."""
    delta = dt.timedelta(days=dagen)
    rows = [(a, ("ingediend_op", "behandeld_op", "gewijzigd_op"))]
    if dossier is not None:
        rows.append((Dossier.get_by_id(dossier.id), ("aangemaakt_op", "fase_sinds")))
        rows += [(o, ("op",)) for o in Overgang.select().where(Overgang.dossier == dossier.id)]
        rows += [(c, ("gevraagd_op",)) for c in Parketcheck.select().where(Parketcheck.dossier == dossier.id)]
    for obj, velden in rows:
        for veld in velden:
            if getattr(obj, veld):
                setattr(obj, veld, getattr(obj, veld) - delta)
        obj.save(only=[getattr(type(obj), veld) for veld in velden])


def load() -> str:
    coordinator = User.get(User.email == "coordinator@vh.test")
    parket = User.get(User.email == "parket@vh.test")
    made = 0
    with db.atomic():
        for s in SCENARIOS:
            if Aanmelding.select().where(Aanmelding.recent_incident == s["incident"]).exists():
                continue
            s = dict(s, extra=dict(s["extra"]))
            a = _aanmelding(s)
            made += 1
            dossier = None
            if s["stap"] == "nieuw":
                # Opened while the parket did not take part for a few days (an unsaved flag: the
                # team's real setting is not touched); the dossier page offers the request now.
                team = Team.get_by_id(a.team_id)
                team.parket_pauze = True
                dossier = nieuw_dossier(a, coordinator, team)
            elif s["stap"] in ("parket", "beperkingen"):
                dossier = nieuw_dossier(a, coordinator, Team.get_by_id(a.team_id))
            if s.get("dagen_geleden"):
                _terug_in_de_tijd(a, dossier, s["dagen_geleden"])
            if s["stap"] == "beperkingen":
                beantwoord(dossier.laatste_parketcheck(), parket, ParketUitkomst.BEPERKINGEN, beperkingen=BEPERKING)
    return f"Ontvangst: {made} nieuwe aanmeldingen." if made else ""
