"""m0006_persoon_taal: language and interpreter need per person of the cliëntsysteem."""
from peewee import BooleanField, CharField


def up(migrator, db):
    migrator.migrate(
        migrator.add_column("persoon", "taal", CharField(max_length=80, default="")),
        migrator.add_column("persoon", "tolk_nodig", BooleanField(default=False)),
    )
