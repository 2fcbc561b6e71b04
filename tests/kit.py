"""The test kit: constants, apps and databases, query counts, page/fragment checks and one
builder per object. Imported by tests/conftest.py (the fixtures) and by test modules
(`from kit import ...`); it is not a test module, and it imports no blueprint module.

Databases: `seed()` builds one seeded database per session (migrations, reference data, teams,
organisations, the demo accounts); `fresh_database(tmp_path)` gives a test its own copy of it
(SQLite: a file copy; PostgreSQL: its tables refilled from a snapshot) and binds `vh.db.db` to it.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from argon2 import PasswordHasher
from playhouse.test_utils import count_queries as _peewee_count_queries

from vh import create_app, migrations
from vh.aanmelding import indienen
from vh.auth import accounts
from vh.beheer.referentie import load_gemeenten
from vh.db import db, is_sqlite, open_database
from vh.demo import basis
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

# Hashing with production cost makes every test slow; the algorithm stays the same. Set at
# import, before anything hashes (accounts makes its dummy hash on first use).
accounts._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)

PASSWORD = "demo-veilig-huis"
# One account per role of domain.md §2, from the demo data.
ROLE_USERS = {
    "aanmelder": "caw@vh.test",
    "huisarts": "huisarts@vh.test",
    "politie": "politie@vh.test",
    "coordinator": "coordinator@vh.test",
    "coordinator_hv": "coordinator-hv@vh.test",
    "parket": "parket@vh.test",
    "kernpartner": "ggz@vh.test",
    "regisseur2": "regisseur2@vh.test",
    "regisseur3": "regisseur3@vh.test",
    "beheerder": "beheer@vh.test",
    "dpo": "dpo@vh.test",
    "parket_hv": "parket-hv@vh.test",
    "politie_hv": "politie-hv@vh.test",
    "regisseur2_hv": "regisseur2-hv@vh.test",
    "regisseur3_hv": "regisseur3-hv@vh.test",
}
HX = {"HX-Request": "true", "HX-Target": "inhoud"}  # an htmx request aimed at an element
SECRET_KEY = "test-secret-key-that-is-long-enough-123"
OOST = "Veilig Huis Oost-Brabant"
HV = "Veilig Huis Halle-Vilvoorde"


# ---------------------------------------------------------------- apps and databases
def settings(url: str, **config) -> dict:
    return {"TESTING": True, "DATABASE_URL": url, "WTF_CSRF_ENABLED": False,
            "SECRET_KEY": SECRET_KEY, **config}


def make_app(tmp_path, **config):
    """An app of its own on an EMPTY database (reset_database() + seed_base() to fill it):
    for migration tests. Other tests use the `app` fixture or seeded_app()."""
    url = os.environ.get("VH_TEST_DATABASE_URL") or f"sqlite:///{tmp_path}/test.sqlite3"
    return create_app(settings(url, **config))


def reset_database() -> None:
    if not is_sqlite():
        db.execute_sql("DROP SCHEMA public CASCADE")
        db.execute_sql("CREATE SCHEMA public")


def seed_base() -> None:
    """Reference data, teams, organisations and the demo accounts (no dossiers)."""
    migrations.apply()
    load_gemeenten()
    with db.atomic():
        basis._teams()
        basis._organisaties()
        basis._accounts(PASSWORD)


def act_as_database_admin() -> None:
    """Drop the append-only triggers of audit_event, as only a database administrator could,
    so a test can tamper with the trail and show that the hash chain still catches it."""
    if is_sqlite():
        for name in ("audit_event_geen_wijziging", "audit_event_geen_verwijdering"):
            db.execute_sql(f"DROP TRIGGER IF EXISTS {name}")
    else:
        db.execute_sql("ALTER TABLE audit_event DISABLE TRIGGER USER")


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


class _Seed:
    """The seeded database of this session, made on first use and restored for every test.
    SQLite: a file, copied per test. PostgreSQL: a database of its own beside
    VH_TEST_DATABASE_URL (which the migration tests empty at will), with a copy of every
    seeded table in schema `kit_seed`; per test the public tables are emptied and refilled
    from it and the sequences reset (measured faster than CREATE DATABASE … TEMPLATE)."""
    sqlite_file: Path | None = None
    pg_admin: str | None = None  # the URL of VH_TEST_DATABASE_URL: where CREATE DATABASE runs
    pg_name = f"vh_kit_{os.getpid()}"
    pg_restore = ""  # the SQL that puts the seeded rows back
    ready = False


def _pg(sql: str) -> None:
    """Run one statement outside a transaction (CREATE/DROP DATABASE) on VH_TEST_DATABASE_URL."""
    import psycopg2
    connection = psycopg2.connect(_Seed.pg_admin)
    try:
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(sql)
    finally:
        connection.close()


def _close() -> None:
    if db.obj is not None and not db.is_closed():
        db.close()


def _snapshot_postgres() -> str:
    """Copy the seeded tables into schema kit_seed; return the SQL that restores them."""
    tables = db.get_tables()
    db.execute_sql("CREATE SCHEMA kit_seed")
    for t in tables:
        db.execute_sql(f'CREATE TABLE kit_seed."{t}" AS SELECT * FROM public."{t}"')
    sequences = db.execute_sql(
        "SELECT s.schemaname, s.sequencename, s.last_value FROM pg_sequences s "
        "WHERE s.schemaname = 'public'").fetchall()
    filled = [t for t in tables if db.execute_sql(f'SELECT 1 FROM public."{t}" LIMIT 1').fetchone()]
    sql = ["SET LOCAL session_replication_role = replica"]  # no FK or append-only triggers now
    sql += [f'DELETE FROM public."{t}"' for t in tables]
    sql += [f'INSERT INTO public."{t}" SELECT * FROM kit_seed."{t}"' for t in filled]
    sql += [f"SELECT setval('public.\"{name}\"', {last or 1}, {'true' if last else 'false'})"
            for _, name, last in sequences]
    if "audit_event" in tables:  # a test may have acted as database administrator
        sql.append("ALTER TABLE audit_event ENABLE TRIGGER USER")
    return ";\n".join(sql)


def seed() -> None:
    """Build the session's seeded database once (idempotent)."""
    if _Seed.ready:
        return
    _close()
    url = os.environ.get("VH_TEST_DATABASE_URL")
    if url:
        _Seed.pg_admin = url
        _pg(f"DROP DATABASE IF EXISTS {_Seed.pg_name} WITH (FORCE)")
        _pg(f"CREATE DATABASE {_Seed.pg_name}")
        open_database(_with_database(url, _Seed.pg_name))
    else:
        _Seed.sqlite_file = Path(tempfile.mkdtemp(prefix="vh-seed-")) / "seed.sqlite3"
        open_database(f"sqlite:///{_Seed.sqlite_file}")
    with db.connection_context():
        seed_base()
        if is_sqlite():
            db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            db.execute_sql("PRAGMA journal_mode=delete")  # one self-contained file to copy
        else:
            _Seed.pg_restore = _snapshot_postgres()
    _Seed.ready = True


def drop_seed() -> None:
    """End of session: remove the seeded database."""
    if not _Seed.ready:
        return
    _close()
    if _Seed.pg_admin:
        _pg(f"DROP DATABASE IF EXISTS {_Seed.pg_name} WITH (FORCE)")
    elif _Seed.sqlite_file:
        shutil.rmtree(_Seed.sqlite_file.parent, ignore_errors=True)
    _Seed.ready = False


def fresh_database(tmp_path) -> str:
    """The seeded database as it was, for one test; binds `vh.db.db` to it and returns its URL."""
    seed()
    _close()
    if _Seed.pg_admin:
        url = _with_database(_Seed.pg_admin, _Seed.pg_name)
        open_database(url)
        with db.atomic():
            db.execute_sql(_Seed.pg_restore)
        return url
    target = Path(tmp_path) / "test.sqlite3"
    shutil.copyfile(_Seed.sqlite_file, target)
    url = f"sqlite:///{target}"
    open_database(url)
    return url


def seeded_app(tmp_path, **config):
    """An app of its own (e.g. CSRF on, or a test that adds routes) on a fresh seeded database."""
    url = fresh_database(tmp_path)
    return create_app(settings(url, **config))


# ---------------------------------------------------------------- queries
@contextlib.contextmanager
def count_queries(only_select: bool = False):
    """with count_queries() as c: ... → c.count statements ran (playhouse.test_utils);
    c.get_queries() the log records, for a failure message."""
    with _peewee_count_queries(only_select=only_select) as counter:
        yield counter


def queries_for(client, url: str, **kwargs) -> int:
    """The number of SQL statements of one GET (which must answer 200)."""
    with count_queries() as counter:
        response = client.get(url, **kwargs)
    assert response.status_code == 200, response.text[:500]
    return counter.count


# ---------------------------------------------------------------- page or fragment
def is_page(text: str) -> bool:
    return "<html" in text.lower()


def assert_page(response, status: int = 200) -> str:
    """A whole page (the layout, `<html`) with `status`; returns the text."""
    text = response.get_data(as_text=True)
    assert response.status_code == status, f"{response.status_code} ≠ {status}: {text[:500]}"
    assert is_page(text), f"verwacht een hele pagina, kreeg: {text[:300]}"
    return text


def assert_fragment(response, status: int = 200, *, contains: str | None = None) -> str:
    """A fragment (no `<html`, `Vary: HX-Request`) with `status`; returns the text.
    `contains`: a piece of HTML the fragment must hold (e.g. the id of the swapped region)."""
    text = response.get_data(as_text=True)
    assert response.status_code == status, f"{response.status_code} ≠ {status}: {text[:500]}"
    assert not is_page(text), f"verwacht een fragment, kreeg een hele pagina: {text[:300]}"
    assert "HX-Request" in response.headers.get("Vary", ""), "een fragment hoort Vary: HX-Request te dragen"
    if contains is not None:
        assert contains in text, f"{contains!r} ontbreekt in het fragment: {text[:300]}"
    return text


# ---------------------------------------------------------------- dates
def jaren_geleden(n: int, vandaag: dt.date | None = None) -> dt.date:
    """The date n years before `vandaag` (default today); 29 February → 28 February."""
    vandaag = vandaag or dt.date.today()
    try:
        return vandaag.replace(year=vandaag.year - n)
    except ValueError:  # 29 February in a year that has none
        return vandaag.replace(year=vandaag.year - n, day=28)


def gezin(vandaag: dt.date | None = None) -> list[tuple[str, str, dt.date, str]]:
    """The family of the triage tests: distinctive invented names, so "absent from the HTML"
    cannot pass by accident. The children's ages are counted back from `vandaag`."""
    return [
        ("Griet", "Vandermeulen", dt.date(1985, 3, 14), "slachtoffer"),
        ("Jarno", "Verhaegen", dt.date(1983, 7, 2), "pleger"),
        ("Wouterke", "Vandermeulen", jaren_geleden(4, vandaag), "kind-getuige"),
        ("Floortje", "Verhaegen", jaren_geleden(13, vandaag), "kind-slachtoffer"),
    ]


GEZIN = gezin()


# ---------------------------------------------------------------- builders
def user(role_or_email: str) -> User:
    return User.get(User.email == ROLE_USERS.get(role_or_email, role_or_email))


def team(naam: str = OOST) -> Team:
    return Team.get(Team.naam == naam)


def gemeente(postcode: str, deelgemeente: str | None = None) -> Gemeente | None:
    """The municipality of a postcode (its first, or the named deelgemeente)."""
    query = Gemeente.select().where(Gemeente.postcode == postcode)
    if deelgemeente is not None:
        query = query.where(Gemeente.deelgemeente == deelgemeente)
    return query.first()


LEUVEN = ("3000", "Leuven")
HALLE = ("1500", "Halle")


def maak_aanmelding(auteur_email: str = "caw@vh.test", plaats: tuple[str, str] | None = LEUVEN,
                    personen=None, **velden) -> Aanmelding:
    """A submitted referral (status 'ingediend'), through the rule `indienen.submit`, so it is
    numbered and routed by the persons' municipality. plaats=None: no municipality (outside
    Vlaams-Brabant)."""
    auteur = User.get(User.email == auteur_email)
    plek = gemeente(*plaats) if plaats else None
    defaults = dict(ifg_vormen="partnergeweld", recent_incident="Ruzie met slagen op zaterdagavond.",
                    pv_nummers="LE.55.L1.001234/26", hulpverlening="CAW begeleidt sinds een jaar.",
                    gezin_op_de_hoogte=True)
    defaults.update(velden)
    a = Aanmelding.create(auteur=auteur, organisatie=auteur.organisatie, aanmelder_naam=auteur.naam,
                          **defaults)
    for voornaam, achternaam, geboren, rol in personen or [
            ("Greet", "Vos", dt.date(1981, 3, 4), "slachtoffer"),
            ("Rik", "Vos", dt.date(1979, 7, 9), "pleger"),
            ("Mila", "Vos", dt.date(2016, 1, 2), "kind-getuige")]:
        Persoon.create(aanmelding=a, voornaam=voornaam, achternaam=achternaam, geboortedatum=geboren,
                       rol=rol, gemeente=plek, postcode=plaats[0] if plaats else "")
    return indienen.submit(a, auteur)


def ingediende_aanmelding(teamnaam: str = OOST, personen=None, *,
                          vandaag: dt.date | None = None) -> Aanmelding:
    """A submitted referral for a team's inbox or board, made directly (no routing): one child
    of the triage family by default."""
    a = Aanmelding.create(nummer=Nummering.volgende("aanmelding", "VH"), status="ingediend",
                          auteur=User.get(User.email == "caw@vh.test"),
                          organisatie=Organisatie.get(Organisatie.naam == "CAW Oost-Brabant"),
                          team=team(teamnaam), ingediend_op=utcnow() - dt.timedelta(days=1),
                          ifg_vormen="kindermishandeling")
    for voornaam, achternaam, geboren, rol in personen if personen is not None else gezin(vandaag)[2:3]:
        Persoon.create(aanmelding=a, voornaam=voornaam, achternaam=achternaam, geboortedatum=geboren,
                       rol=rol, postcode="3200")
    return a


def maak_dossier(fase: str = "te_bespreken", parket: str | None = "akkoord", *, teamnaam: str = OOST,
                 personen=None, postcode: str = "3200", acuut: bool = False,
                 beperkingen: str = "", organisatie: str = "CAW Oost-Brabant",
                 vandaag: dt.date | None = None) -> Dossier:
    """A dossier in `fase` (set directly), with persons (default the triage family's parents),
    an answered parket check (`parket`=None: none) and an admissible referral."""
    plek = gemeente(postcode)
    coordinator = User.get(User.email == "coordinator@vh.test")
    d = Dossier.create(nummer=Nummering.volgende("dossier", "D"), team=team(teamnaam), fase=fase,
                       pilootzone=bool(plek and plek.pilootzone), acuut=acuut,
                       ifg_vormen="partnergeweld", aangemaakt_door=coordinator,
                       fase_sinds=utcnow() - dt.timedelta(days=3))
    for voornaam, achternaam, geboren, rol in personen if personen is not None else gezin(vandaag)[:2]:
        Persoon.create(dossier=d, voornaam=voornaam, achternaam=achternaam, geboortedatum=geboren,
                       rol=rol, postcode=postcode, gemeente=plek)
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


def open_dossier(client, a: Aanmelding, **data) -> Dossier:
    """The coordinator (logged in on `client`) opens a new dossier for referral `a`."""
    r = client.post(f"/ontvangst/{a.id}", data={"beslissing": "nieuw", **data})
    assert r.status_code == 303, r.text[:2000]
    return Aanmelding.get_by_id(a.id).dossier
