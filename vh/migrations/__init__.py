"""Numbered schema migrations: vh/migrations/mNNNN_name.py, each with `up(database)`.

`apply()` runs the ones not yet recorded in the table schema_migratie, in order, each in its own
transaction, so a database made by an older version upgrades in place without losing data.
"""
from __future__ import annotations

import importlib
import pkgutil

from peewee import CharField, DateTimeField, Model

from vh.db import db
from vh.models import utcnow


class SchemaMigratie(Model):
    naam = CharField(max_length=100, primary_key=True)
    toegepast_op = DateTimeField(default=utcnow)

    class Meta:
        database = db
        table_name = "schema_migratie"


def available() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name.startswith("m"))


def applied() -> set[str]:
    db.create_tables([SchemaMigratie], safe=True)
    return {m.naam for m in SchemaMigratie.select()}


def apply(until: str | None = None) -> list[str]:
    """Apply pending migrations (up to and including `until`); returns the names applied."""
    done = applied()
    ran = []
    for name in available():
        if name in done:
            continue
        module = importlib.import_module(f"{__name__}.{name}")
        with db.atomic():
            module.up(db)
            SchemaMigratie.create(naam=name)
        ran.append(name)
        if name == until:
            break
    return ran
