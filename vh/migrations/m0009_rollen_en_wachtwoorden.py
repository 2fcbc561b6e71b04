"""m0009_rollen_en_wachtwoorden: tables RolAanvraag (a role that waits for a second person:
asked by a beheerder, confirmed or refused by another beheerder or the DPO) and WachtwoordLink
(a one-time link to set a first or new password; only the token's hash is stored). Existing
password hashes stay as they are and stay valid.

Frozen DDL, generated from the models of that time: do not edit.
"""
from . import dialect

SQL = {'postgres': ['CREATE TABLE "rol_aanvraag" ("id" SERIAL NOT NULL PRIMARY KEY, "user_id" INTEGER '
              'NOT NULL, "rol" VARCHAR(20) NOT NULL, "aangevraagd_door_id" INTEGER, '
              '"aangevraagd_op" TIMESTAMP NOT NULL, "uitkomst" VARCHAR(12), "beslist_door_id" '
              'INTEGER, "beslist_op" TIMESTAMP, FOREIGN KEY ("user_id") REFERENCES "user" ("id") '
              'ON DELETE CASCADE, FOREIGN KEY ("aangevraagd_door_id") REFERENCES "user" ("id"), '
              'FOREIGN KEY ("beslist_door_id") REFERENCES "user" ("id"))',
              'CREATE INDEX "rol_aanvraag_user_id" ON "rol_aanvraag" ("user_id")',
              'CREATE INDEX "rol_aanvraag_aangevraagd_door_id" ON "rol_aanvraag" '
              '("aangevraagd_door_id")',
              'CREATE INDEX "rol_aanvraag_beslist_door_id" ON "rol_aanvraag" ("beslist_door_id")',
              'CREATE TABLE "wachtwoord_link" ("id" SERIAL NOT NULL PRIMARY KEY, "user_id" INTEGER '
              'NOT NULL, "token_hash" VARCHAR(64) NOT NULL, "aangemaakt_door_id" INTEGER, '
              '"aangemaakt_op" TIMESTAMP NOT NULL, "verloopt_op" TIMESTAMP NOT NULL, "gebruikt_op" '
              'TIMESTAMP, FOREIGN KEY ("user_id") REFERENCES "user" ("id") ON DELETE CASCADE, '
              'FOREIGN KEY ("aangemaakt_door_id") REFERENCES "user" ("id"))',
              'CREATE INDEX "wachtwoord_link_user_id" ON "wachtwoord_link" ("user_id")',
              'CREATE UNIQUE INDEX "wachtwoord_link_token_hash" ON "wachtwoord_link" '
              '("token_hash")',
              'CREATE INDEX "wachtwoord_link_aangemaakt_door_id" ON "wachtwoord_link" '
              '("aangemaakt_door_id")'],
 'sqlite': ['CREATE TABLE "rol_aanvraag" ("id" INTEGER NOT NULL PRIMARY KEY, "user_id" INTEGER NOT '
            'NULL, "rol" VARCHAR(20) NOT NULL, "aangevraagd_door_id" INTEGER, "aangevraagd_op" '
            'DATETIME NOT NULL, "uitkomst" VARCHAR(12), "beslist_door_id" INTEGER, "beslist_op" '
            'DATETIME, FOREIGN KEY ("user_id") REFERENCES "user" ("id") ON DELETE CASCADE, FOREIGN '
            'KEY ("aangevraagd_door_id") REFERENCES "user" ("id"), FOREIGN KEY ("beslist_door_id") '
            'REFERENCES "user" ("id"))',
            'CREATE INDEX "rol_aanvraag_user_id" ON "rol_aanvraag" ("user_id")',
            'CREATE INDEX "rol_aanvraag_aangevraagd_door_id" ON "rol_aanvraag" '
            '("aangevraagd_door_id")',
            'CREATE INDEX "rol_aanvraag_beslist_door_id" ON "rol_aanvraag" ("beslist_door_id")',
            'CREATE TABLE "wachtwoord_link" ("id" INTEGER NOT NULL PRIMARY KEY, "user_id" INTEGER '
            'NOT NULL, "token_hash" VARCHAR(64) NOT NULL, "aangemaakt_door_id" INTEGER, '
            '"aangemaakt_op" DATETIME NOT NULL, "verloopt_op" DATETIME NOT NULL, "gebruikt_op" '
            'DATETIME, FOREIGN KEY ("user_id") REFERENCES "user" ("id") ON DELETE CASCADE, FOREIGN '
            'KEY ("aangemaakt_door_id") REFERENCES "user" ("id"))',
            'CREATE INDEX "wachtwoord_link_user_id" ON "wachtwoord_link" ("user_id")',
            'CREATE UNIQUE INDEX "wachtwoord_link_token_hash" ON "wachtwoord_link" ("token_hash")',
            'CREATE INDEX "wachtwoord_link_aangemaakt_door_id" ON "wachtwoord_link" '
            '("aangemaakt_door_id")']}


def up(migrator, db):
    for statement in SQL[dialect(migrator)]:
        db.execute_sql(statement)
