"""m0002_politie_instroom: tables PvNummer, PolitieImport (the police inflow: an import is
idempotent by PV number; the report of each upload is kept for its result page).

Frozen DDL, generated from the models of that time (by the former vh/migrations/freeze.py),
run as it was written: do not edit.
"""
from . import dialect

SQL = {'postgres': ['CREATE TABLE "pv_nummer" ("id" SERIAL NOT NULL PRIMARY KEY, "nummer" VARCHAR(40) '
              'NOT NULL, "aanmelding_id" INTEGER NOT NULL, "aangemaakt_op" TIMESTAMP NOT NULL, '
              'FOREIGN KEY ("aanmelding_id") REFERENCES "aanmelding" ("id") ON DELETE CASCADE)',
              'CREATE UNIQUE INDEX "pv_nummer_nummer" ON "pv_nummer" ("nummer")',
              'CREATE INDEX "pv_nummer_aanmelding_id" ON "pv_nummer" ("aanmelding_id")',
              'CREATE TABLE "politie_import" ("id" SERIAL NOT NULL PRIMARY KEY, "user_id" INTEGER '
              'NOT NULL, "op" TIMESTAMP NOT NULL, "rijen" INTEGER NOT NULL, "nieuw" INTEGER NOT '
              'NULL, "al_ingevoerd" INTEGER NOT NULL, "afgekeurd" INTEGER NOT NULL, "lege_regels" '
              'INTEGER NOT NULL, "fouten" TEXT NOT NULL, FOREIGN KEY ("user_id") REFERENCES "user" '
              '("id"))',
              'CREATE INDEX "politie_import_user_id" ON "politie_import" ("user_id")'],
 'sqlite': ['CREATE TABLE "pv_nummer" ("id" INTEGER NOT NULL PRIMARY KEY, "nummer" VARCHAR(40) NOT '
            'NULL, "aanmelding_id" INTEGER NOT NULL, "aangemaakt_op" DATETIME NOT NULL, FOREIGN '
            'KEY ("aanmelding_id") REFERENCES "aanmelding" ("id") ON DELETE CASCADE)',
            'CREATE UNIQUE INDEX "pv_nummer_nummer" ON "pv_nummer" ("nummer")',
            'CREATE INDEX "pv_nummer_aanmelding_id" ON "pv_nummer" ("aanmelding_id")',
            'CREATE TABLE "politie_import" ("id" INTEGER NOT NULL PRIMARY KEY, "user_id" INTEGER '
            'NOT NULL, "op" DATETIME NOT NULL, "rijen" INTEGER NOT NULL, "nieuw" INTEGER NOT NULL, '
            '"al_ingevoerd" INTEGER NOT NULL, "afgekeurd" INTEGER NOT NULL, "lege_regels" INTEGER '
            'NOT NULL, "fouten" TEXT NOT NULL, FOREIGN KEY ("user_id") REFERENCES "user" ("id"))',
            'CREATE INDEX "politie_import_user_id" ON "politie_import" ("user_id")']}


def up(migrator, db):
    for statement in SQL[dialect(migrator)]:
        db.execute_sql(statement)

