"""Benchmark "already known?" at volume: 100 000 persons in dossiers of two teams (three persons a
dossier, birth dates spread over 85 years, so a few persons per day) in a fresh temporary SQLite
database; then an inbox page of 200 referrals (600 persons, one in five a one-letter typo of a
known person). Times `indienen.gekend` for those persons, `mogelijk_gekend` for the page, the
detail page's `bekende_dossiers` and the coordinator's name search, each with its query count.
Prints figures; the boundedness itself is tested in tests/ with count_queries.

    python bench/bench_bekend.py [persons]
"""
from __future__ import annotations

import datetime as dt
import logging
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playhouse.test_utils import count_queries  # noqa: E402

from vh import create_app, migrations  # noqa: E402
from vh.aanmelding import indienen  # noqa: E402
from vh.beheer.referentie import load_gemeenten  # noqa: E402
from vh.db import db  # noqa: E402
from vh.demo import basis  # noqa: E402
from vh.models import Aanmelding, Dossier, Persoon, Team, User, utcnow  # noqa: E402
from vh.ontvangst import beoordelen  # noqa: E402
from vh.tekst import normaliseer_naam  # noqa: E402

VOORNAMEN = ["Peggy", "Jordy", "Sandra", "Kevin", "Lucas", "Emma", "Noah", "Marie", "Jan", "An", "Els",
             "Tom", "Lies", "Bart", "Sofie", "Wim", "Greet", "Rik", "Mila", "Dirk", "Nora", "Louis"]
ACHTERNAMEN = ["Claes", "Maes", "Peeters", "Janssens", "Wouters", "Van den Broeck", "De Smet", "Rijckaert",
               "Vos", "Willems", "Goossens", "Mertens", "Jacobs", "Vandamme", "Dubois", "Lambrechts"]
EERSTE_DAG, DAGEN = dt.date(1940, 1, 1), 85 * 365
BATCH = 2000


def typfout(naam: str, rnd: random.Random) -> str:
    i = rnd.randrange(1, len(naam))
    return naam[:i] + naam[i + 1:]  # one letter dropped: "Pegy"


def vul(aantal: int, rnd: random.Random) -> list[tuple[str, str, dt.date]]:
    teams = [t.id for t in Team.select().order_by(Team.naam.desc())]  # Oost-Brabant first
    coordinator = User.get(User.email == "coordinator@vh.test")
    dossiers = aantal // 3
    with db.atomic():
        for start in range(0, dossiers, BATCH):
            Dossier.insert_many([dict(nummer=f"D-B-{i:06d}", team=teams[i % len(teams)], fase="dossiervorming",
                                      aangemaakt_door=coordinator.id)
                                 for i in range(start, min(start + BATCH, dossiers))]).execute()
    ids = [d.id for d in Dossier.select(Dossier.id).order_by(Dossier.id)]
    bekend = []
    rijen = []
    with db.atomic():
        for n in range(aantal):
            vn, an = rnd.choice(VOORNAMEN), rnd.choice(ACHTERNAMEN)
            geboren = EERSTE_DAG + dt.timedelta(days=rnd.randrange(DAGEN))
            rijen.append(dict(dossier=ids[n % len(ids)], voornaam=vn, achternaam=an, geboortedatum=geboren,
                              rol="slachtoffer", naam_norm=f"{normaliseer_naam(vn)} {normaliseer_naam(an)}"))
            if n % 500 == 0 and (n % len(ids)) % len(teams) == 0:  # known in Oost-Brabant, the inbox's team
                bekend.append((vn, an, geboren))
            if len(rijen) == BATCH:
                Persoon.insert_many(rijen).execute()
                rijen = []
        if rijen:
            Persoon.insert_many(rijen).execute()
    return bekend


def inbox(bekend, rnd: random.Random) -> list[Aanmelding]:
    auteur = User.get(User.email == "caw@vh.test")
    team = Team.get(Team.naam == "Veilig Huis Oost-Brabant")
    aanmeldingen = []
    with db.atomic():
        for i in range(beoordelen.MAX_LIJST):
            a = Aanmelding.create(auteur=auteur, status="ingediend", nummer=f"VH-B-{i:05d}", team=team,
                                  ingediend_op=utcnow())
            for j in range(3):
                if j == 0 and i % 5 == 0:  # one in five: a known person with a typo
                    vn, an, geboren = bekend[i % len(bekend)]
                    vn = typfout(vn, rnd) if len(vn) > 3 else vn
                else:
                    vn, an = rnd.choice(VOORNAMEN), rnd.choice(ACHTERNAMEN)
                    geboren = EERSTE_DAG + dt.timedelta(days=rnd.randrange(DAGEN))
                Persoon.create(aanmelding=a, voornaam=vn, achternaam=an, geboortedatum=geboren, rol="slachtoffer")
            aanmeldingen.append(a)
    return aanmeldingen


def meet(label: str, fn):
    with count_queries() as q:
        t0 = time.perf_counter()
        result = fn()
        ms = (time.perf_counter() - t0) * 1000
    print(f"  {label}: {q.count} queries, {ms:,.0f} ms")
    return result


def run(url: str, aantal: int) -> None:
    rnd = random.Random(8)
    app = create_app({"DATABASE_URL": url, "TESTING": True, "SECRET_KEY": "bench" * 8,
                      "WTF_CSRF_ENABLED": False})
    logging.getLogger("peewee").propagate = False  # count_queries logs every query at DEBUG; not to the screen
    with app.test_request_context(), db.connection_context():
        migrations.apply()
        load_gemeenten()
        with db.atomic():
            basis._teams()
            basis._organisaties()
            basis._accounts("bench-wachtwoord-123")
        t0 = time.perf_counter()
        bekend = vul(aantal, rnd)
        aanmeldingen = inbox(bekend, rnd)
        print(f"SQLite: {Persoon.select().where(Persoon.dossier.is_null(False)).count():,} personen in "
              f"{Dossier.select().count():,} dossiers, inbox van {len(aanmeldingen)} aanmeldingen "
              f"(opgebouwd in {time.perf_counter() - t0:.1f} s)")
        coordinator = User.get(User.email == "coordinator@vh.test")
        personen = list(Persoon.select().where(Persoon.aanmelding.in_([a.id for a in aanmeldingen])))
        treffers = meet(f"gekend({len(personen)} personen, alle teams)", lambda: indienen.gekend(personen))
        gemarkeerd = meet("mogelijk_gekend(inboxpagina)",
                          lambda: beoordelen.mogelijk_gekend(aanmeldingen, coordinator.team_ids))
        meet("bekende_dossiers(één aanmelding)", lambda: indienen.bekende_dossiers(aanmeldingen[0]))
        vn, an, geboren = bekend[0]
        meet("zoek_op_naam(met geboortedatum)",
             lambda: beoordelen.zoek_op_naam(aanmeldingen[1], coordinator, f"{vn} {an}", geboren))
        meet("zoek_op_naam(alleen naam, hele team)",
             lambda: beoordelen.zoek_op_naam(aanmeldingen[1], coordinator, f"{vn} {an}"))
        getypt = sum(1 for i in range(0, len(aanmeldingen), 5) if aanmeldingen[i].id in gemarkeerd)
        print(f"  {len(treffers)} personen met een treffer; {len(gemarkeerd)} aanmeldingen 'mogelijk gekend', "
              f"waarvan {getypt} van de {len(range(0, len(aanmeldingen), 5))} met een tikfout")


if __name__ == "__main__":
    aantal = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        run(f"sqlite:///{tmp}/bench.sqlite3", aantal)
