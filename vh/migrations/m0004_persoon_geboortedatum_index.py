"""m0004: an index on persoon.geboortedatum, so "already known?" finds the persons born the same
day in one indexed lookup, whatever the number of persons (the names are compared in Python)."""


def up(migrator, db):
    migrator.migrate(migrator.add_index("persoon", ("geboortedatum",)))
