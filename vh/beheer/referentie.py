"""Load the reference data shipped in vh/data/ (idempotent)."""
from __future__ import annotations

import csv
from pathlib import Path

from peewee import chunked

from vh.db import db
from vh.keuzes import Fase
from vh.models import Gemeente, Levensdomein, RegieStap

DATA = Path(__file__).resolve().parents[1] / "data"


def load_gemeenten(path: Path = DATA / "vlaams-brabant.csv") -> int:
    """Insert or update every postcode + locality; returns the number of rows in the file."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = [
            dict(postcode=r["postcode"], deelgemeente=r["deelgemeente"], gemeente=r["gemeente"],
                 politiezone_nr=r["politiezone_nr"], politiezone=r["politiezone"],
                 arrondissement=r["arrondissement"], pilootzone=r["pilootzone"] == "ja")
            for r in csv.DictReader(f)
        ]
    with db.atomic():
        for batch in chunked(rows, 100):
            (Gemeente.insert_many(batch)
             .on_conflict(conflict_target=[Gemeente.postcode, Gemeente.deelgemeente],
                          preserve=[Gemeente.gemeente, Gemeente.politiezone_nr, Gemeente.politiezone,
                                    Gemeente.arrondissement, Gemeente.pilootzone])
             .execute())
    return len(rows)


# The built-in life domains (domain.md §4) and standard checklist steps per casusregie phase.
# Loaded once into empty tables; from then on the beheerder keeps them (a Veilig Huis adapts them).
LEVENSDOMEINEN = [
    ("geweldsdynamiek", "Geweldsdynamiek"),
    ("veiligheid", "Veiligheid"),
    ("middelengebruik", "Afhankelijkheid en middelengebruik"),
    ("financien", "Financiën"),
    ("familiale_context", "Familiale context"),
    ("hulpverlening", "Vroegere en lopende hulpverlening"),
    ("psychisch", "Psychisch functioneren"),
    ("relationeel", "Relationeel functioneren"),
    ("sociaal", "Sociaal functioneren"),
    ("kinderen", "Kinderen en opvoeding"),
    ("huisvesting", "Huisvesting"),
    ("justitie", "Justitiële context"),
]
REGIE_STAPPEN = {
    Fase.KENNISMAKING: [
        "Kennismaking met elke volwassene van het gezin",
        "Contact met de aanmelder",
        "Beperkingen van het parket gelezen",
        "Veiligheid nagegaan: is er nu gevaar?",
        "Gezin uitgelegd wat casusregie is en wat met hun gegevens gebeurt",
    ],
    Fase.VRAAGVERDUIDELIJKING: [
        "Vraag en zorgen van elk gezinslid gehoord",
        "Betrokken hulpverleners in kaart gebracht",
        "Risicoanalyse over de levensdomeinen opgemaakt",
    ],
    Fase.PLAN_VAN_AANPAK: [
        "Doelen per levensdomein afgesproken met het gezin",
        "Acties verdeeld over de partners, elk met een deadline",
        "Veiligheidsplan opgemaakt met het gezin",
        "Plan afgestemd met de partners",
    ],
    Fase.UITVOERING: [
        "Acties opgevolgd bij de partners",
        "Veiligheidsplan geëvalueerd",
        "Risicoanalyse herhaald",
    ],
    Fase.AFRONDING: [
        "Partners weten dat de regie afgerond wordt",
        "Gezin weet dat het kan terugkomen",
        "Nazorg afgesproken",
    ],
}


def load_regie() -> int:
    """Fill the life domains and checklist steps when their tables are empty; returns rows added."""
    added = 0
    with db.atomic():
        if not Levensdomein.select().exists():
            Levensdomein.insert_many([dict(code=c, naam=n, volgorde=i)
                                      for i, (c, n) in enumerate(LEVENSDOMEINEN, 1)]).execute()
            added += len(LEVENSDOMEINEN)
        if not RegieStap.select().exists():
            rows = [dict(fase=fase.value, volgorde=i, tekst=tekst)
                    for fase, stappen in REGIE_STAPPEN.items() for i, tekst in enumerate(stappen, 1)]
            RegieStap.insert_many(rows).execute()
            added += len(rows)
    return added


def load_all() -> int:
    """Every piece of reference data; returns the number of postcodes."""
    n = load_gemeenten()
    load_regie()
    return n
