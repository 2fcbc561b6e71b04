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
import functools
import os
import shutil
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from argon2 import PasswordHasher
from peewee import fn
from playhouse.test_utils import count_queries as _peewee_count_queries

from vh import create_app, migrations, transitions
from vh.aanmelding import indienen
from vh.auth import accounts
from vh.beheer.referentie import load_all
from vh.db import db, is_sqlite, open_database
from vh.demo import basis
from vh.ontvangst import beoordelen
from vh.parket import parketcheck
from vh.regie import fasen as regie_fasen
from vh.tijd import lokaal
from vh.triage import besluiten
from vh.triage import overleg as overleg_regels
from vh.models import (
    Aanmelding,
    Actie,
    Agendapunt,
    Besluit,
    Doel,
    Dossier,
    Gemeente,
    Levensdomein,
    Overgang,
    Overleg,
    Persoon,
    Risicoanalyse,
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
    load_all()
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


def datum(naam: str, d: str) -> dict[str, str]:
    """A date as a DatumField's three boxes post it: datum("x", "14 3 2026") → x-dag, x-maand, x-jaar."""
    return dict(zip((f"{naam}-dag", f"{naam}-maand", f"{naam}-jaar"), (d.split() + ["", "", ""])[:3]))


def fill_date(page, naam: str, d: str) -> None:
    """Type a date into a DatumField's three boxes in the browser: fill_date(page, "x", "14 3 2026")."""
    for selector, deel in zip((f"#{naam}", f"#{naam}-maand", f"#{naam}-jaar"), d.split()):
        page.fill(selector, deel)


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
AARSCHOT = ("3200", "Aarschot")
# The family of maak_aanmelding's referral (the "already known" and dossier-page tests).
VOS = [("Greet", "Vos", dt.date(1981, 3, 4), "slachtoffer"),
       ("Rik", "Vos", dt.date(1979, 7, 9), "pleger"),
       ("Mila", "Vos", dt.date(2016, 1, 2), "kind-getuige")]
PLAATS_VAN_TEAM = {OOST: LEUVEN, HV: HALLE}  # where a team's families live, by default
COORDINATOR_VAN_TEAM = {OOST: "coordinator@vh.test", HV: "coordinator-hv@vh.test"}
ADVIES = "Verwijs het gezin naar het CAW.\n\nBel bij twijfel 1712."


def coordinator(teamnaam: str = OOST) -> User:
    return user(COORDINATOR_VAN_TEAM[teamnaam])


def _een_transactie(builder):
    """Run a builder in one transaction: its rules' own transactions become savepoints, so a
    builder costs one commit (on SQLite one fsync), not one per rule."""
    @functools.wraps(builder)
    def in_transactie(*args, **kwargs):
        with db.atomic():
            return builder(*args, **kwargs)
    return in_transactie


@_een_transactie
def maak_aanmelding(auteur_email: str = "caw@vh.test", plaats: tuple[str, str] | None = LEUVEN,
                    personen=None, **velden) -> Aanmelding:
    """A submitted referral (status 'ingediend'), through the rule `indienen.submit`, so it is
    numbered and routed to a team by the persons' municipality (LEUVEN, AARSCHOT: Oost-Brabant;
    HALLE: Halle-Vilvoorde). plaats=None: no municipality (outside Vlaams-Brabant, no team).
    `auteur_email`: an e-mail or a role of ROLE_USERS; `personen`: (voornaam, achternaam,
    geboortedatum, rol) tuples, default VOS; `velden`: fields of the referral."""
    auteur = user(auteur_email)
    plek = gemeente(*plaats) if plaats else None
    defaults = dict(ifg_vormen="partnergeweld", recent_incident="Ruzie met slagen op zaterdagavond.",
                    pv_nummers="LE.55.L1.001234/26", hulpverlening="CAW begeleidt sinds een jaar.",
                    gezin_op_de_hoogte=True)
    defaults.update(velden)
    a = Aanmelding.create(auteur=auteur, organisatie=auteur.organisatie, aanmelder_naam=auteur.naam,
                          aanmelder_functie=auteur.functie, aanmelder_email=auteur.email, **defaults)
    for voornaam, achternaam, geboren, rol in VOS if personen is None else personen:
        Persoon.create(aanmelding=a, voornaam=voornaam, achternaam=achternaam, geboortedatum=geboren,
                       rol=rol, gemeente=plek, postcode=plaats[0] if plaats else "")
    return indienen.submit(a, auteur)


# The phases after the decision, in the order the workflow walks them (spoor 3).
_CASUSREGIE_STAPPEN = ("vraagverduidelijking", "plan_van_aanpak", "uitvoering", "afronding")


@_een_transactie
def maak_dossier(fase: str = "te_bespreken", parket: str | None = "akkoord", *, teamnaam: str = OOST,
                 personen=None, plaats: tuple[str, str] | None = None, acuut: bool = False,
                 beperkingen: str | None = None, reden: str = "Lopend onderzoek.",
                 aanmelder: str = "caw@vh.test", overleg: bool = False, dagen_in_fase: int = 0,
                 vandaag: dt.date | None = None, spoor: int = 3, **velden) -> Dossier:
    """A dossier walked to `fase` through the rules, as the screens would:

    - a referral by `aanmelder` (maak_aanmelding with `velden`), its persons (default the triage
      family's parents) living in `plaats` (default the team's: LEUVEN or HALLE), so routed to
      the team;
    - opened by the team's coordinator (beoordelen.nieuw_dossier), which asks the parket
      (parketcheck.vraag_aan); `parket` ("akkoord", "beperkingen", "bezwaar") is the parket's
      answer (parketcheck.beantwoord, with `beperkingen` or `reden`). parket=None: not answered:
      'parketcheck' waits for it; 'nieuw' and 'te_bespreken'/'dossiervorming' are opened while
      the parket does not take part (the team's pause, in memory only) and, for the latter, put
      on the agenda without it ("agenderen");
    - 'dossiervorming': discussed ("bespreken"); 'kennismaking' and the later phases of
      casusregie: decided `spoor` (3, or 2 in a pilot zone; beslis) and walked on by the
      regisseur through regie.fasen.ga_naar, with a risk analysis before the plan van aanpak and
      one action, already carried out, before uitvoering (_regie_walk); 'afgesloten': decided advies;
    - overleg=True: on the agenda of an overleg of today without participants (maak_overleg);
    - acuut: set directly (no rule sets it); dagen_in_fase: the last step happened that many days
      ago (fase_sinds and its Overgang moved back, as if time passed)."""
    wacht = fase in ("nieuw", "parketcheck")
    if wacht and parket is not None:
        raise ValueError(f"a dossier in {fase!r} has no answer of the parket: pass parket=None")
    plek = plaats or PLAATS_VAN_TEAM[teamnaam]
    velden.setdefault("vraag", "Graag een gezamenlijk plan.")
    a = maak_aanmelding(aanmelder, plek, personen if personen is not None else gezin(vandaag)[:2], **velden)
    # no persons, so no municipality: the coordinator chooses the team (as outside Vlaams-Brabant)
    assert a.team_id is None or a.team.naam == teamnaam, f"{plek} is not in the area of {teamnaam}"
    door = coordinator(teamnaam)
    t = team(teamnaam)
    if parket is None and fase != "parketcheck":
        t.parket_pauze = True  # in memory: opened while the parket did not take part
    d = beoordelen.nieuw_dossier(a, door, t)
    d = Dossier.get_by_id(d.id)
    if parket is not None:
        antwoord = beperkingen if beperkingen is not None else "Geen info over het lopende onderzoek delen."
        parketcheck.beantwoord(d.laatste_parketcheck(), user("parket"), parket, beperkingen=antwoord,
                               reden=reden)
        d = Dossier.get_by_id(d.id)
    elif not wacht:
        d.team.parket_pauze = True  # in memory, as above: the workflow reads the dossier's team
        transitions.voer_uit(d, "agenderen", door)
    if acuut:
        d.acuut = True
        d.save(only=[Dossier.acuut])
    if overleg:
        maak_overleg((), [d], teamnaam=teamnaam, dagen=0)
    if fase == "afgesloten":
        beslis(d, "advies")
    elif fase not in ("nieuw", "parketcheck", "te_bespreken"):
        transitions.voer_uit(d, "bespreken", door)
        if fase != "dossiervorming":
            beslis(d, f"spoor{spoor}")
            _regie_walk(Dossier.get_by_id(d.id), fase)
    d = Dossier.get_by_id(d.id)
    assert d.fase == fase, f"{d.fase} ≠ {fase}"
    if dagen_in_fase:
        sinds = d.fase_sinds - dt.timedelta(days=dagen_in_fase)
        Overgang.update(op=sinds).where((Overgang.dossier == d.id) & (Overgang.op == d.fase_sinds)).execute()
        Dossier.update(fase_sinds=sinds).where(Dossier.id == d.id).execute()
        d = Dossier.get_by_id(d.id)
    return d


def _regie_walk(d: Dossier, fase: str) -> None:
    """Walk a decided dossier from kennismaking to `fase` as its regisseur would: the workflow
    wants a risk analysis before the plan van aanpak and an action before uitvoering (added
    directly: the plan's own builders are regie-plan's). The action is carried out, so afronding
    is possible."""
    for stap in _CASUSREGIE_STAPPEN:
        d = Dossier.get_by_id(d.id)
        if d.fase == fase:
            return
        if stap == "plan_van_aanpak" and not Risicoanalyse.select().where(Risicoanalyse.dossier == d.id).exists():
            _risicoanalyse(d)
        if stap == "uitvoering" and not Actie.select().where(Actie.dossier == d.id).exists():
            _uitgevoerde_actie(d)
        regie_fasen.ga_naar(d, stap, d.regisseur)


def _risicoanalyse(d: Dossier) -> Risicoanalyse:
    return Risicoanalyse.create(dossier=d, nummer=1, veiligheid_nu="verhoogd",
                                veiligheid_nu_reden="Recente slagen; de kinderen waren erbij.",
                                risico_termijn="hoog", risico_termijn_reden="Patroon over jaren.",
                                auteur=d.regisseur)


def _uitgevoerde_actie(d: Dossier) -> Actie:
    domein = Levensdomein.select().order_by(Levensdomein.volgorde).first()
    doel = Doel.create(dossier=d, domein=domein, omschrijving="Veiligheid thuis.", aangemaakt_door=d.regisseur)
    return Actie.create(doel=doel, dossier=d, organisatie=user("ggz@vh.test").organisatie,
                        omschrijving="Intake bij het CGG.", deadline=dt.date.today(), status="uitgevoerd",
                        aangemaakt_door=d.regisseur, afgerond_op=utcnow())


def aanmelding_van(d: Dossier) -> Aanmelding:
    """The (first) referral of dossier `d`."""
    return Aanmelding.select().where(Aanmelding.dossier == d.id).order_by(Aanmelding.id).get()


@_een_transactie
def maak_overleg(deelnemers=("politie@vh.test", "ggz@vh.test"), dossiers=(), *, teamnaam: str = OOST,
                 dagen: int = 0, plaats: str = "Leuven") -> Overleg:
    """An overleg of the team in `dagen` days (default today: held, so it can record), planned by its coordinator (overleg.opslaan), with
    `deelnemers` (e-mails or roles) and `dossiers` on its agenda in that order (set directly:
    the rule agenda_opbouwen takes every dossier te bespreken)."""
    moment = lokaal(utcnow() + dt.timedelta(days=dagen)).replace(second=0, microsecond=0)
    o = overleg_regels.opslaan(coordinator(teamnaam), team_id=team(teamnaam).id, datum=moment.date(),
                               tijd=moment.time(), plaats=plaats, deelnemers=[user(e).id for e in deelnemers])
    volgorde = Agendapunt.select(fn.MAX(Agendapunt.volgorde)).where(Agendapunt.overleg == o.id).scalar() or 0
    for i, d in enumerate(dossiers, start=volgorde + 1):
        Agendapunt.create(overleg=o, dossier=d, volgorde=i)
    return o


@_een_transactie
def beslis(d: Dossier, uitkomst: str = "spoor3", overleg: Overleg | None = None, *,
           motivering: str | None = None, regisseur: User | None = None) -> Besluit:
    """The team's coordinator decides (besluiten.neem_besluit): advies closes the dossier, spoor
    2/3 assign `regisseur` (default the first who may be assigned). motivering default ADVIES
    for advies, else "Gemotiveerd."."""
    d = Dossier.get_by_id(d.id)
    if uitkomst != "advies" and regisseur is None:
        regisseur = besluiten.regisseurs(d, uitkomst).first()
    return besluiten.neem_besluit(d, uitkomst, motivering or (ADVIES if uitkomst == "advies" else "Gemotiveerd."),
                                  coordinator(d.team.naam), overleg=overleg, regisseur=regisseur)


def open_dossier(client, a: Aanmelding, **data) -> Dossier:
    """The coordinator (logged in on `client`) opens a new dossier for referral `a`."""
    r = client.post(f"/ontvangst/{a.id}", data={"beslissing": "nieuw", **data})
    assert r.status_code == 303, r.text[:2000]
    return Aanmelding.get_by_id(a.id).dossier


# ---------------------------------------------------------------- regie-vp: veiligheidsplan, zorgoverleg
VP_TEKST = dict(zorg="Als papa drinkt, wordt hij kwaad en dan zijn we bang.",
                signalen="Hij begint te roepen en smijt met deuren.",
                veilige_personen="Tante Hilde, 0470 11 22 33.", veilige_plaatsen="Bij tante Hilde in Kessel-Lo.",
                afspraken="Niemand drinkt als de kinderen thuis zijn.", opvolging="De casusregisseur, elke twee weken.")


@_een_transactie
def maak_veiligheidsplan(d: Dossier, wat_doen: dict | None = None, door: User | None = None, **velden):
    """A new version of the dossier's veiligheidsplan (veiligheidsplan.bewaar) by its regisseur:
    VP_TEKST with `velden`, evaluated in 30 days; `wat_doen` {Persoon or id: text}, default for
    every person of the dossier "<voornaam> doet X"."""
    from vh.regie import veiligheidsplan
    d = Dossier.get_by_id(d.id)
    if wat_doen is None:
        wat_doen = {p.id: f"{p.voornaam} belt tante Hilde." for p in veiligheidsplan.personen(d)}
    waarden = dict(VP_TEKST, evaluatie_op=dt.date.today() + dt.timedelta(days=30), **velden)
    vorige = veiligheidsplan.laatste(d)
    return veiligheidsplan.bewaar(d, waarden, {getattr(k, "id", k): v for k, v in wat_doen.items()},
                                  vorige.nummer if vorige else 0, door or d.regisseur)


@_een_transactie
def maak_vp_actie(d: Dossier, organisatie: str = "CGG Vlaams-Brabant Oost", *, status: str = "open",
                  reden: str = "", dagen: int = 14, omschrijving: str = "Gesprekken bij het CGG.",
                  contactpersoon: str | None = None):
    """An action of the dossier's plan (a goal in the first life domain is made when there is
    none; the rules of the plan are regie-plan's) owned by `organisatie`, deadline in `dagen`
    days, with `status` and (niet gelukt) `reden` set directly."""
    from vh.models import Actie, Doel, Levensdomein, Organisatie
    from vh.regie import zorgoverleg
    d = Dossier.get_by_id(d.id)
    doel = Doel.select().where(Doel.dossier == d.id).first() or Doel.create(
        dossier=d, domein=Levensdomein.select().order_by(Levensdomein.volgorde).first(),
        omschrijving="Veilig opgroeien.", aangemaakt_door=d.regisseur)
    actie = zorgoverleg._maak_actie(doel, Organisatie.get(Organisatie.naam == organisatie), omschrijving,
                                    dt.date.today() + dt.timedelta(days=dagen), d.regisseur)
    if status != "open" or contactpersoon:
        Actie.update(status=status, reden=reden,
                     contactpersoon=user(contactpersoon).id if contactpersoon else None).where(Actie.id == actie.id).execute()
    return Actie.get_by_id(actie.id)


@_een_transactie
def maak_zorgoverleg(d: Dossier, *, dagen: int = 0, deelnemers=(), anderen: str = "Griet (moeder)",
                     plaats: str = "CAW Leuven, zaal 2"):
    """A zorgoverleg of the dossier in `dagen` days (default today: its day has come), planned by
    its regisseur (zorgoverleg.plan) with `deelnemers` (values of deelnemer_keuzes)."""
    from vh.regie import zorgoverleg
    d = Dossier.get_by_id(d.id)
    moment = lokaal(utcnow() + dt.timedelta(days=dagen)).replace(second=0, microsecond=0)
    return zorgoverleg.plan(d, d.regisseur, datum=moment.date(), tijd=moment.time().replace(tzinfo=None),
                            plaats=plaats, doel="Afstemmen van het plan.", deelnemers=list(deelnemers),
                            anderen=anderen)
