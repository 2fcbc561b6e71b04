"""m0007_dossier_buiten_vlaams_brabant: the "buiten Vlaams-Brabant" marker stays on a dossier
opened from a referral outside the province (dossier.buiten_vlaams_brabant), and a person's
municipality as text for an address without a Gemeente row (persoon.woonplaats, "Brussel")."""
from peewee import BooleanField, CharField


def up(migrator, db):
    migrator.migrate(
        migrator.add_column("dossier", "buiten_vlaams_brabant", BooleanField(default=False)),
        migrator.add_column("persoon", "woonplaats", CharField(max_length=80, default="")),
    )
