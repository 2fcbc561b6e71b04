"""Schema migrations (vh/migrations, on playhouse.migrate), on SQLite and on PostgreSQL:

- `flask --app wsgi migrate` and `init-db` are idempotent and keep the data;
- a database made by an older version (as main made it before the migrator) upgrades in place;
- the runner applies a new-style migration (`migrator.add_column`, `add_index`) on both dialects;
- drift: the migrated database is exactly what the models declare (columns with type and
  nullability, indexes with their columns and uniqueness, foreign keys), and the check does fail
  when a model changes without a migration.
"""
from __future__ import annotations

import hashlib
import importlib
import importlib.util
import inspect
import json
import os
from contextlib import contextmanager

import pytest
from peewee import (
    BooleanField,
    CharField,
    DateTimeField,
    IntegerField,
    Model,
    SqliteDatabase,
    Table,
    TextField,
)
from playhouse.migrations import template
from playhouse.schema_diff import diff_models

from vh import audit, create_app, migrations
from vh.db import db, is_sqlite
from vh.models import (
    MODELS,
    AuditEvent,
    Dossier,
    Gemeente,
    Organisatie,
    Persoon,
    Team,
    User,
)

HISTORY = ["m0001_basis", "m0002_politie_instroom", "m0003_audit_alleen_toevoegen"]  # frozen SQL
MIGRATOR = ["m0004_persoon_geboortedatum_index", "m0006_persoon_taal",
            "m0007_dossier_buiten_vlaams_brabant", "m0008_team_adres",
            "m0009_rollen_en_wachtwoorden", "m0010_casusregie",
            "m0013_meldingen"]  # playhouse.migrate
# Every migration, in order: the historical ones (frozen SQL) and those on playhouse.migrate.
MIGRATIONS = [*HISTORY, *MIGRATOR]
# sha256 of each historical migration's frozen SQL: what databases in use were built with.
FROZEN = {
    "m0001_basis": "fc791cc8741cbef134ecbc4d6ebb219c021700884ea80ae912a8db2f0b6bd3e3",
    "m0002_politie_instroom": "4f27b5d7f71e0ecd68c904abada350ba1e2f292e6ff96aa766c5fdc048709920",
    "m0003_audit_alleen_toevoegen": "5765406cd48ab848a723487f5994762af2d5f38b9e74a623ce0017c9f34484c5",
    "m0009_rollen_en_wachtwoorden": "a09d52c7187e2de173504ab2de89bab76963878081f996e9cc61f166f2c78b2c",
    "m0010_casusregie": "bfe12460771f6880998a44bbb57cd5fde81b70e6cf96f8354fd093d9d0f6e9b3",
    "m0013_meldingen": "6c4561ee2c05f1f445aa26b54ba1cf62244f286842258142d6be37e868795f6d",
}
# The record table as the runner before playhouse.migrate created it (from its model).
RECORD_TABLE = {
    "sqlite": 'CREATE TABLE IF NOT EXISTS "schema_migratie" ("naam" VARCHAR(100) NOT NULL '
              'PRIMARY KEY, "toegepast_op" DATETIME NOT NULL)',
    "postgres": 'CREATE TABLE IF NOT EXISTS "schema_migratie" ("naam" VARCHAR(100) NOT NULL '
                'PRIMARY KEY, "toegepast_op" TIMESTAMP NOT NULL)',
}
# A casusregie-like next step, written as a future migration file is.
PROEF_MIGRATIE = '''
from peewee import BooleanField, CharField, ForeignKeyField, Model, TextField


class User(Model):  # a frozen stub of the table referred to
    class Meta:
        table_name = "user"


def up(migrator, db):
    migrator.migrate(
        migrator.add_column("dossier", "regie_fase", CharField(max_length=30, default="start")),
        migrator.add_column("dossier", "regie_notitie", TextField(null=True)),
        migrator.add_column("dossier", "regie_door_id",
                            ForeignKeyField(User, field=User.id, null=True)),
        migrator.add_index("dossier", ("regie_fase",)),
        migrator.add_column("persoon", "contactpersoon", BooleanField(default=False)),
        migrator.add_index("persoon", ("dossier_id", "naam_norm"), unique=True),
    )
'''


def dialect() -> str:
    return "sqlite" if is_sqlite() else "postgres"


@pytest.fixture
def empty_app(tmp_path):
    """An app on an empty database (nothing migrated); no connection left open."""
    url = os.environ.get("VH_TEST_DATABASE_URL") or f"sqlite:///{tmp_path}/test.sqlite3"
    app = create_app({"TESTING": True, "DATABASE_URL": url, "WTF_CSRF_ENABLED": False,
                      "SECRET_KEY": "test-secret-key-that-is-long-enough-123"})
    with db.connection_context():
        if not is_sqlite():
            db.execute_sql("DROP SCHEMA public CASCADE")
            db.execute_sql("CREATE SCHEMA public")
    yield app
    if not db.is_closed():
        db.close()


@pytest.fixture
def conn(empty_app):
    with db.connection_context():
        yield


def write_migration(tmp_path, name: str, source: str):
    """A migration module from a file outside vh/migrations (so tests add no fake migrations)."""
    path = tmp_path / f"{name}.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _insert(table: Table, **values) -> int:
    """Insert one row into a bare table and return its id (PostgreSQL returns none by itself)."""
    return list(table.insert(**values).returning(table.id).execute())[0]["id"]


def _team() -> Team:
    """A team row with only the columns every version has (a database from before m0008 too)."""
    t = Table("team", ("id", "naam", "parket_pauze")).bind(db)
    t.insert(naam="Veilig Huis Oost-Brabant", parket_pauze=False).execute()
    return Team(id=t.select(t.id).where(t.naam == "Veilig Huis Oost-Brabant").scalar())


def build_as_main_did() -> None:
    """The schema exactly as main made it before playhouse.migrate: the record table from the old
    runner's model, then each historical migration's frozen SQL run straight, and its record."""
    record = Table("schema_migratie", ("naam", "toegepast_op")).bind(db)
    db.execute_sql(RECORD_TABLE[dialect()])
    for name in HISTORY:
        module = importlib.import_module(f"vh.migrations.{name}")
        with db.atomic():
            for statement in module.SQL[dialect()]:
                db.execute_sql(statement)
            record.insert(naam=name, toegepast_op="2025-06-01 12:00:00").execute()


def fill_with_data() -> Dossier:
    team = _team()
    Gemeente.create(postcode="3000", deelgemeente="Leuven", gemeente="Leuven", politiezone_nr="5388",
                    politiezone="Leuven", arrondissement="Leuven", pilootzone=True)
    # the user with the columns of m0001 only, too (later migrations add columns to the model)
    user_tabel = Table("user", ("id", "email", "naam", "functie", "telefoon", "password_hash", "rollen",
                                "actief", "aangemaakt_op")).bind(db)
    coordinator = User(id=_insert(user_tabel, email="c@vh.test", naam="C", functie="", telefoon="",
                                  password_hash="x", rollen="coordinator", actief=True,
                                  aangemaakt_op="2025-06-01 12:00:00"), email="c@vh.test")
    # dossier and persoon with the columns of m0001 only (the models have newer columns)
    dossier_tabel = Table("dossier", ("id", "nummer", "team_id", "fase", "pilootzone", "acuut", "ifg_vormen",
                                      "fase_sinds", "aangemaakt_op", "aangemaakt_door_id")).bind(db)
    dossier = Dossier(id=_insert(dossier_tabel,
        nummer="D-2025-0001", team_id=team.id, fase="nieuw", pilootzone=False, acuut=False, ifg_vormen="",
        fase_sinds="2025-06-01 12:00:00", aangemaakt_op="2025-06-01 12:00:00",
        aangemaakt_door_id=coordinator.id), nummer="D-2025-0001", team=team)
    Table("persoon", ("id", "dossier_id", "voornaam", "achternaam", "naam_norm", "geslacht", "rol", "straat",
                      "postcode", "relatie", "school", "geanonimiseerd")).bind(db).insert(
        dossier_id=dossier.id, voornaam="Jan", achternaam="Peeters", naam_norm="jan peeters", geslacht="",
        rol="pleger", straat="", postcode="", relatie="", school="", geanonimiseerd=False).execute()
    audit.record("dossier.view", dossier, user=coordinator)
    return dossier


# --- the CLI ---------------------------------------------------------------------------------

def test_migrate_is_idempotent_and_keeps_data(empty_app):
    runner = empty_app.test_cli_runner()
    first = runner.invoke(args=["migrate"])
    assert first.exit_code == 0, first.output
    assert first.output.strip() == "Toegepast: " + ", ".join(MIGRATIONS)

    with db.connection_context():
        Team.create(naam="Veilig Huis Testregio")
        Organisatie.create(naam="CAW Test", type="caw")

    second = runner.invoke(args=["migrate"])
    assert second.exit_code == 0, second.output
    assert second.output.strip() == "De database is al bijgewerkt."

    with db.connection_context():
        assert Team.get(Team.naam == "Veilig Huis Testregio")
        assert Organisatie.get(Organisatie.naam == "CAW Test").type == "caw"
        assert migrations.applied() == set(migrations.available())
        assert migrations.apply() == []


def test_init_db_twice(empty_app):
    runner = empty_app.test_cli_runner()
    assert runner.invoke(args=["init-db"]).exit_code == 0
    again = runner.invoke(args=["init-db"])
    assert again.exit_code == 0 and "Database klaar" in again.output


# --- the migration files ---------------------------------------------------------------------

def test_every_migration_is_numbered_with_up_migrator_db():
    assert migrations.available() == MIGRATIONS
    for module in migrations.discover():
        assert list(inspect.signature(module.up).parameters) == ["migrator", "db"], module.__name__


def test_the_historical_migrations_are_frozen():
    """Databases in use were built with exactly this SQL; editing it would fork the schema."""
    for name, digest in FROZEN.items():
        sql = importlib.import_module(f"vh.migrations.{name}").SQL
        assert hashlib.sha256(json.dumps(sql, sort_keys=True).encode()).hexdigest() == digest, name


def test_apply_until_an_unknown_migration_is_refused(conn):
    with pytest.raises(ValueError, match="m9999_nee"):
        migrations.apply(until="m9999_nee")
    assert migrations.applied() == set()


# --- upgrade in place ------------------------------------------------------------------------

def test_a_database_made_by_main_is_up_to_date_and_upgrades_in_place(conn, tmp_path):
    build_as_main_did()
    dossier = fill_with_data()
    password_hash = Table("user", ("email", "password_hash")).bind(db).select().tuples().get()[1]
    assert migrations.apply() == MIGRATOR  # recognised: same record table, same names; only the new ones
    assert migrations.apply() == []
    assert Team.get().naam == "Veilig Huis Oost-Brabant" and Team.get().straat == ""
    # The accounts keep their password hashes (old hashes stay valid); the new tables exist.
    assert User.get(User.email == "c@vh.test").password_hash == password_hash
    assert Table("rol_aanvraag").bind(db).select().count() == 0
    assert Table("wachtwoord_link").bind(db).select().count() == 0

    proef = write_migration(tmp_path, "m9001_regie_proef", PROEF_MIGRATIE)
    assert migrations.apply(modules=[*migrations.discover(), proef]) == ["m9001_regie_proef"]
    assert migrations.apply(modules=[*migrations.discover(), proef]) == []

    t = Table("dossier", ("id", "nummer", "regie_fase", "regie_notitie", "regie_door_id")).bind(db)
    row = t.select(t.nummer, t.regie_fase, t.regie_notitie, t.regie_door_id).where(
        t.id == dossier.id).tuples().get()
    assert row == ("D-2025-0001", "start", None, None)  # the default filled the existing row
    assert Dossier.get_by_id(dossier.id).aangemaakt_door.email == "c@vh.test"
    persoon = Persoon.get(Persoon.dossier == dossier)
    assert persoon.naam == "Jan Peeters" and persoon.naam_norm == "jan peeters"
    assert Gemeente.get(Gemeente.postcode == "3000").pilootzone
    assert audit.verify()[0]
    with pytest.raises(Exception, match="append-only"), db.atomic():
        AuditEvent.update(actie="x").execute()  # m0003's triggers survive the upgrade
    if is_sqlite():
        assert db.execute_sql("PRAGMA foreign_key_check").fetchall() == []


def test_an_older_database_upgrades_in_place_without_losing_data(conn):
    """A database made by the first version (m0001 only) is migrated and its data read back."""
    assert migrations.apply(until="m0001_basis") == ["m0001_basis"]
    dossier = fill_with_data()

    assert migrations.apply() == MIGRATIONS[1:]
    assert Dossier.get_by_id(dossier.id).aangemaakt_door.email == "c@vh.test"
    persoon = Persoon.get(Persoon.dossier == dossier)  # m0006: language and interpreter per person
    assert (persoon.naam, persoon.taal, persoon.tolk_nodig) == ("Jan Peeters", "", False)
    assert Table("pv_nummer").bind(db).select().count() == 0  # the new table exists
    assert audit.verify()[0]


# --- the runner with the migrator (both dialects) --------------------------------------------

def test_the_runner_applies_a_migration_written_with_the_migrator(conn, tmp_path):
    migrations.apply()
    proef = write_migration(tmp_path, "m9001_regie_proef", PROEF_MIGRATIE)
    assert migrations.apply(modules=[*migrations.discover(), proef]) == ["m9001_regie_proef"]
    assert "m9001_regie_proef" in migrations.applied()

    columns = {c.name: c for c in db.get_columns("dossier")}
    assert not columns["regie_fase"].null and columns["regie_notitie"].null
    assert ("regie_door_id", "user", "id") in {
        (fk.column, fk.dest_table, fk.dest_column) for fk in db.get_foreign_keys("dossier")}
    assert not {c.name: c for c in db.get_columns("persoon")}["contactpersoon"].null
    indexes = {(tuple(i.columns), i.unique) for t in ("dossier", "persoon") for i in db.get_indexes(t)}
    assert {(("regie_fase",), False), (("dossier_id", "naam_norm"), True)} <= indexes

    # The models know nothing of it, so the drift check names every change.
    problems = "\n".join(drift(db, MODELS))
    for expected in ("column regie_fase", "column regie_notitie", "column regie_door_id",
                     "index (regie_fase)", "column contactpersoon", "unique index (dossier_id, naam_norm)",
                     "foreign key regie_door_id"):
        assert expected in problems


def test_a_failing_migration_leaves_nothing_behind(conn, tmp_path):
    migrations.apply()
    kapot = write_migration(tmp_path, "m9002_kapot", '''
from peewee import CharField


def up(migrator, db):
    migrator.migrate(migrator.add_column("dossier", "half", CharField(default="")))
    raise RuntimeError("stop")
''')
    with pytest.raises(RuntimeError):
        migrations.apply(modules=[*migrations.discover(), kapot])
    assert "half" not in {c.name for c in db.get_columns("dossier")}
    assert "m9002_kapot" not in migrations.applied()


# --- drift: models against the migrated database ---------------------------------------------

def facts(database, table: str, schema: str | None = None) -> set[str]:
    """A table as both dialects can describe it: columns (type, nullability, primary key),
    indexes (columns, uniqueness; not their names) and foreign keys."""
    result = set()
    for c in database.get_columns(table, schema):
        kind = c.full_type or c.data_type
        result.add(f"column {c.name} {kind} {'null' if c.null else 'not null'}"
                   + (" primary key" if c.primary_key else ""))
    for i in database.get_indexes(table, schema):
        result.add(f"{'unique index' if i.unique else 'index'} ({', '.join(i.columns)})")
    for fk in database.get_foreign_keys(table, schema):
        result.add(f"foreign key {fk.column} → {fk.dest_table}.{fk.dest_column}"
                   f" on delete {fk.on_delete or 'NO ACTION'}")
    return result


@contextmanager
def schema_of_models(models):
    """The database `create_tables` makes from the models, on the same dialect, thrown away after:
    (database, schema). SQLite: an in-memory database; PostgreSQL: a schema in a transaction that
    is rolled back."""
    if is_sqlite():
        reference = SqliteDatabase(":memory:")
        with reference.bind_ctx(models, bind_refs=False, bind_backrefs=False):
            reference.create_tables(models)
            yield reference, None
        reference.close()
        return
    with db.atomic() as transaction, db.bind_ctx(models, bind_refs=False, bind_backrefs=False):
        db.execute_sql("CREATE SCHEMA vh_drift_referentie")
        db.execute_sql("SET LOCAL search_path TO vh_drift_referentie")
        db.create_tables(models)
        yield db, "vh_drift_referentie"
        transaction.rollback()


def drift(database, models) -> list[str]:
    """Every difference between the tables of `models` in `database` and what the models declare."""
    tables = sorted({m._meta.table_name for m in models})
    actual = {table: facts(database, table) for table in tables}  # before the search_path moves
    with schema_of_models(models) as (reference, schema):
        expected = {table: facts(reference, table, schema) for table in tables}
    problems = []
    for table in tables:
        problems += [f"{table}: {f} — in the models, not in the database"
                     for f in sorted(expected[table] - actual[table])]
        problems += [f"{table}: {f} — in the database, not in the models"
                     for f in sorted(actual[table] - expected[table])]
    return problems


def test_migrations_build_exactly_what_the_models_declare(conn):
    """A model changed without a migration fails here, on SQLite and on PostgreSQL."""
    migrations.apply()
    problems = drift(db, MODELS)
    assert not problems, "\n".join(problems) + "\n\nA migration to start from:\n" + template(
        diff_models(db, MODELS))
    assert set(db.get_tables()) == {m._meta.table_name for m in MODELS} | {"schema_migratie"}


def kaart(**changes) -> type[Model]:
    """A small model of the table proefkaart, with some fields or its indexes changed."""
    fields = {"naam": CharField(max_length=40), "code": CharField(max_length=10, index=True),
              "op": DateTimeField(null=True)}
    indexes = changes.pop("indexes", ())
    fields.update(changes)
    meta = type("Meta", (), {"database": db, "table_name": "proefkaart", "indexes": indexes})
    return type("Kaart", (Model,), {**fields, "Meta": meta})


@pytest.mark.parametrize(("change", "expected"), [
    ({"nieuw": IntegerField(null=True)}, "column nieuw"),
    ({"actief": BooleanField(default=True)}, "column actief"),
    ({"naam": CharField(max_length=40, index=True)}, "index (naam) — in the models"),
    ({"code": CharField(max_length=10, unique=True)}, "unique index (code) — in the models"),
    ({"indexes": ((("naam", "code"), True),)}, "unique index (naam, code) — in the models"),
    ({"naam": CharField(max_length=40, null=True)}, "column naam"),
    ({"naam": CharField(max_length=80)}, "column naam"),
    ({"naam": TextField()}, "column naam"),
    ({"op": DateTimeField()}, "column op"),
])
def test_drift_fails_when_a_model_changes_without_a_migration(conn, change, expected):
    db.create_tables([kaart()])
    assert drift(db, [kaart()]) == []
    problems = drift(db, [kaart(**change)])
    assert any(expected in p for p in problems), problems


def test_m0007_keeps_dossiers_and_persons_and_fills_the_defaults(conn):
    """A database of m0003 with a dossier and a person upgrades in place: the dossier is not
    marked outside Vlaams-Brabant and the person has no typed municipality."""
    migrations.apply(until="m0003_audit_alleen_toevoegen")
    team = Table("team", ("id", "naam", "parket_pauze")).bind(db)
    team_id = _insert(team, naam="Veilig Huis Oost-Brabant", parket_pauze=False)
    dossier = Table("dossier", ("id", "nummer", "team_id", "fase", "pilootzone", "acuut", "ifg_vormen",
                                "fase_sinds", "aangemaakt_op")).bind(db)
    dossier_id = _insert(dossier, nummer="D-2025-0009", team_id=team_id, fase="nieuw", pilootzone=False,
                         acuut=False, ifg_vormen="", fase_sinds="2025-06-01 12:00:00",
                         aangemaakt_op="2025-06-01 12:00:00")
    persoon = Table("persoon", ("id", "dossier_id", "voornaam", "achternaam", "naam_norm", "geslacht", "rol",
                                "straat", "postcode", "relatie", "school", "geanonimiseerd")).bind(db)
    persoon.insert(dossier_id=dossier_id, voornaam="An", achternaam="Buiten", naam_norm="an buiten",
                   geslacht="", rol="slachtoffer", straat="", postcode="1000", relatie="", school="",
                   geanonimiseerd=False).execute()
    assert migrations.apply() == MIGRATOR
    d = Dossier.get_by_id(dossier_id)
    assert d.nummer == "D-2025-0009" and d.buiten_vlaams_brabant is False
    p = Persoon.get(Persoon.dossier == dossier_id)
    assert (p.naam, p.woonplaats, p.woonplaats_label) == ("An Buiten", "", "1000")
