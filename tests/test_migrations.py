"""`flask --app wsgi migrate` upgrades in place: idempotent, and data survives."""
from __future__ import annotations

from kit import make_app, reset_database

from vh import migrations
from vh.db import db
from vh.models import Organisatie, Team


def test_migrate_is_idempotent_and_keeps_data(tmp_path):
    app = make_app(tmp_path)
    with db.connection_context():
        reset_database()
    runner = app.test_cli_runner()

    first = runner.invoke(args=["migrate"])
    assert first.exit_code == 0, first.output
    assert "Toegepast: " in first.output and "m0001_basis" in first.output

    with db.connection_context():
        Team.create(naam="Veilig Huis Testregio")
        Organisatie.create(naam="CAW Test", type="caw")

    second = runner.invoke(args=["migrate"])
    assert second.exit_code == 0, second.output
    assert "De database is al bijgewerkt." in second.output
    assert "Toegepast" not in second.output

    with db.connection_context():
        assert Team.get(Team.naam == "Veilig Huis Testregio")
        assert Organisatie.get(Organisatie.naam == "CAW Test").type == "caw"
        assert migrations.applied() == set(migrations.available())
        assert migrations.apply() == []


def test_every_migration_module_has_up():
    import importlib
    names = migrations.available()
    assert names and names == sorted(names)
    for name in names:
        assert callable(importlib.import_module(f"vh.migrations.{name}").up)


def test_init_db_twice(tmp_path):
    app = make_app(tmp_path)
    with db.connection_context():
        reset_database()
    runner = app.test_cli_runner()
    assert runner.invoke(args=["init-db"]).exit_code == 0
    again = runner.invoke(args=["init-db"])
    assert again.exit_code == 0 and "Database klaar" in again.output


def test_an_older_database_upgrades_in_place_without_losing_data(tmp_path):
    """A database made by the first version (m0001 only) is migrated and its data read back."""
    from vh import audit
    from vh.beheer.referentie import load_gemeenten
    from vh.models import Dossier, Gemeente, PvNummer, Team, User

    make_app(tmp_path)
    with db.connection_context():
        reset_database()
        assert migrations.apply(until="m0001_basis") == ["m0001_basis"]
        load_gemeenten()
        team = Team.create(naam="Veilig Huis Oost-Brabant")
        coordinator = User.create(email="c@vh.test", naam="C", password_hash="x", rollen="coordinator")
        dossier = Dossier.create(nummer="D-2025-0001", team=team, aangemaakt_door=coordinator)
        audit.record("dossier.view", dossier, user=coordinator)

        assert migrations.apply() == ["m0002_politie_instroom", "m0003_audit_alleen_toevoegen"]
        assert Dossier.get(Dossier.nummer == "D-2025-0001").aangemaakt_door.email == "c@vh.test"
        assert Gemeente.select().count() == 237
        assert PvNummer.select().count() == 0  # the new table exists
        assert audit.verify()[0]


def test_migrations_build_exactly_the_tables_and_columns_of_the_models(tmp_path):
    """A model changed without a migration fails here, on SQLite and on PostgreSQL."""
    from vh.models import MODELS

    make_app(tmp_path)
    with db.connection_context():
        reset_database()
        migrations.apply()
        for model in MODELS:
            table = model._meta.table_name
            in_db = {c.name for c in db.get_columns(table)}
            assert in_db == set(model._meta.columns), table
        expected = {m._meta.table_name for m in MODELS} | {"schema_migratie"}
        assert set(db.get_tables()) == expected
