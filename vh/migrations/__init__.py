"""Numbered schema migrations on playhouse.migrate: vh/migrations/mNNNN_name.py, each with
`up(migrator, db)` (the signature of peewee's own playhouse.migrations), e.g.

    from peewee import CharField


    def up(migrator, db):
        migrator.migrate(
            migrator.add_column("dossier", "regie_fase", CharField(max_length=30, default="")),
            migrator.add_index("dossier", ("regie_fase",)),
        )

`migrator` is `SchemaMigrator.from_database(db)` (SqliteMigrator or PostgresqlMigrator), so one
file serves both databases; `db` is the database itself, for data steps. A migration never imports
the live models: it must keep doing what it did when it was written (a new table declares a frozen
copy of its model inline). `apply()` runs the migrations not yet recorded in the table
schema_migratie, in order, each in its own transaction (`migrator.migration_context()`, which on
SQLite also suspends foreign keys while a table is rebuilt), so a database made by an older
version upgrades in place without losing data.
"""
from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Sequence
from types import ModuleType

from peewee import CharField, DateTimeField, Model
from playhouse.migrate import SchemaMigrator, SqliteMigrator

from vh.db import db
from vh.models import utcnow

NAME = re.compile(r"m\d{4}_\w+")


class SchemaMigratie(Model):
    naam = CharField(max_length=100, primary_key=True)
    toegepast_op = DateTimeField(default=utcnow)

    class Meta:
        database = db
        table_name = "schema_migratie"


def name_of(module: ModuleType) -> str:
    return module.__name__.rpartition(".")[2]


def discover(package: str = __name__) -> list[ModuleType]:
    """The migration modules `mNNNN_name` of a package, in order."""
    path = importlib.import_module(package).__path__
    names = sorted(m.name for m in pkgutil.iter_modules(path) if NAME.fullmatch(m.name))
    return [importlib.import_module(f"{package}.{name}") for name in names]


def available() -> list[str]:
    return [name_of(module) for module in discover()]


def applied() -> set[str]:
    db.create_tables([SchemaMigratie], safe=True)
    return {m.naam for m in SchemaMigratie.select()}


def pending() -> list[str]:
    """The migrations not applied yet, without writing anything (for /health)."""
    done = ({m.naam for m in SchemaMigratie.select(SchemaMigratie.naam)}
            if db.table_exists(SchemaMigratie._meta.table_name) else set())
    return [name for name in available() if name not in done]


def dialect(migrator: SchemaMigrator) -> str:
    """"sqlite" or "postgres": the key of a frozen migration's SQL for this database."""
    return "sqlite" if isinstance(migrator, SqliteMigrator) else "postgres"


def apply(until: str | None = None, modules: Sequence[ModuleType] | None = None) -> list[str]:
    """Apply the pending migrations of `modules` (default: this package's), up to and including
    `until`; returns the names applied."""
    modules = discover() if modules is None else list(modules)
    names = [name_of(module) for module in modules]
    if names != sorted(set(names)):
        raise ValueError(f"migrations out of order or twice: {names}")
    if until is not None:
        if until not in names:
            raise ValueError(f"unknown migration {until!r}")
        modules = modules[: names.index(until) + 1]
    done = applied()
    migrator = SchemaMigrator.from_database(db)
    ran = []
    for module in modules:
        name = name_of(module)
        if name in done:
            continue
        with migrator.migration_context():
            module.up(migrator, migrator.database)
            SchemaMigratie.create(naam=name)
        ran.append(name)
    return ran
