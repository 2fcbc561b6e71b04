"""m0008_team_adres: the team's own address, phone and e-mail, the sender of its letters."""
from peewee import CharField


def up(migrator, db):
    migrator.migrate(
        migrator.add_column("team", "straat", CharField(max_length=120, default="")),
        migrator.add_column("team", "postcode", CharField(max_length=4, default="")),
        migrator.add_column("team", "gemeente", CharField(max_length=80, default="")),
        migrator.add_column("team", "telefoon", CharField(max_length=40, default="")),
        migrator.add_column("team", "email", CharField(max_length=254, default="")),
    )
