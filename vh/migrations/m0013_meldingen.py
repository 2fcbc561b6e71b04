"""m0013_meldingen: the outbox of notifications by e-mail (table melding: one row per e-mail,
idempotent by its unique `sleutel`, with its attempts, claim, failure and sending time), the days
whose daily overviews were built (melding_dag), and each user's choice for the notifications
that may wait (user.meldingen: "direct" or "dagelijks"; existing accounts get "direct").

The tables are frozen DDL, generated from the models of that time: do not edit.
"""
from peewee import CharField

from . import dialect

SQL = {'postgres': ['CREATE TABLE "melding" ("id" SERIAL NOT NULL PRIMARY KEY, "sleutel" VARCHAR(120) '
              'NOT NULL, "soort" VARCHAR(20) NOT NULL, "user_id" INTEGER, "adres" VARCHAR(254) NOT '
              'NULL, "onderwerp" VARCHAR(200) NOT NULL, "tekst" TEXT NOT NULL, "link" VARCHAR(300) '
              'NOT NULL, "aangemaakt_op" TIMESTAMP NOT NULL, "verstuur_na" TIMESTAMP NOT NULL, '
              '"bundel" BOOLEAN NOT NULL, "opgenomen_in_id" INTEGER, "pogingen" INTEGER NOT NULL, '
              '"geclaimd_tot" TIMESTAMP, "verzonden_op" TIMESTAMP, "laatste_fout" VARCHAR(300) NOT '
              'NULL, "opgegeven_op" TIMESTAMP, FOREIGN KEY ("user_id") REFERENCES "user" ("id"), '
              'FOREIGN KEY ("opgenomen_in_id") REFERENCES "melding" ("id"))',
              'CREATE UNIQUE INDEX "melding_sleutel" ON "melding" ("sleutel")',
              'CREATE INDEX "melding_soort" ON "melding" ("soort")',
              'CREATE INDEX "melding_user_id" ON "melding" ("user_id")',
              'CREATE INDEX "melding_verstuur_na" ON "melding" ("verstuur_na")',
              'CREATE INDEX "melding_opgenomen_in_id" ON "melding" ("opgenomen_in_id")',
              'CREATE INDEX "melding_verzonden_op" ON "melding" ("verzonden_op")',
              'CREATE TABLE "melding_dag" ("id" SERIAL NOT NULL PRIMARY KEY, "dag" DATE NOT NULL, '
              '"op" TIMESTAMP NOT NULL)',
              'CREATE UNIQUE INDEX "melding_dag_dag" ON "melding_dag" ("dag")'],
 'sqlite': ['CREATE TABLE "melding" ("id" INTEGER NOT NULL PRIMARY KEY, "sleutel" VARCHAR(120) NOT '
            'NULL, "soort" VARCHAR(20) NOT NULL, "user_id" INTEGER, "adres" VARCHAR(254) NOT NULL, '
            '"onderwerp" VARCHAR(200) NOT NULL, "tekst" TEXT NOT NULL, "link" VARCHAR(300) NOT '
            'NULL, "aangemaakt_op" DATETIME NOT NULL, "verstuur_na" DATETIME NOT NULL, "bundel" '
            'INTEGER NOT NULL, "opgenomen_in_id" INTEGER, "pogingen" INTEGER NOT NULL, '
            '"geclaimd_tot" DATETIME, "verzonden_op" DATETIME, "laatste_fout" VARCHAR(300) NOT '
            'NULL, "opgegeven_op" DATETIME, FOREIGN KEY ("user_id") REFERENCES "user" ("id"), '
            'FOREIGN KEY ("opgenomen_in_id") REFERENCES "melding" ("id"))',
            'CREATE UNIQUE INDEX "melding_sleutel" ON "melding" ("sleutel")',
            'CREATE INDEX "melding_soort" ON "melding" ("soort")',
            'CREATE INDEX "melding_user_id" ON "melding" ("user_id")',
            'CREATE INDEX "melding_verstuur_na" ON "melding" ("verstuur_na")',
            'CREATE INDEX "melding_opgenomen_in_id" ON "melding" ("opgenomen_in_id")',
            'CREATE INDEX "melding_verzonden_op" ON "melding" ("verzonden_op")',
            'CREATE TABLE "melding_dag" ("id" INTEGER NOT NULL PRIMARY KEY, "dag" DATE NOT NULL, '
            '"op" DATETIME NOT NULL)',
            'CREATE UNIQUE INDEX "melding_dag_dag" ON "melding_dag" ("dag")']}


def up(migrator, db):
    for statement in SQL[dialect(migrator)]:
        db.execute_sql(statement)
    migrator.migrate(migrator.add_column("user", "meldingen", CharField(max_length=10, default="direct")))
