"""`flask --app wsgi migrate` upgrades in place: idempotent, and data survives."""
from __future__ import annotations

from conftest import make_app, reset_database
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
