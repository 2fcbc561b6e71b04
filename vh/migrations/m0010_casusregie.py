"""m0010_casusregie: the tables of casusregie (vh/models/regie.py): life domains and checklist
steps as reference data, the checklist ticks, the logboek, the risk analysis, the plan van aanpak
(goals, actions, persons concerned, progress notes, the family's own agreements), the safety plan,
the zorgoverleg, spoor proposals and the closing checklist. Levensdomein and RegieStap are seeded
by `flask --app wsgi referentie`/the demo, not here.

Frozen DDL, generated from the models of that time: do not edit.
"""
from . import dialect

SQL = {'postgres': ['CREATE TABLE "levensdomein" ("id" SERIAL NOT NULL PRIMARY KEY, "code" VARCHAR(40) '
              'NOT NULL, "naam" VARCHAR(120) NOT NULL, "volgorde" INTEGER NOT NULL, "actief" '
              'BOOLEAN NOT NULL)',
              'CREATE UNIQUE INDEX "levensdomein_code" ON "levensdomein" ("code")',
              'CREATE TABLE "regie_stap" ("id" SERIAL NOT NULL PRIMARY KEY, "fase" VARCHAR(30) NOT '
              'NULL, "volgorde" INTEGER NOT NULL, "tekst" VARCHAR(200) NOT NULL, "actief" BOOLEAN '
              'NOT NULL)',
              'CREATE INDEX "regie_stap_fase" ON "regie_stap" ("fase")',
              'CREATE TABLE "regie_vinkje" ("id" SERIAL NOT NULL PRIMARY KEY, "dossier_id" INTEGER '
              'NOT NULL, "stap_id" INTEGER NOT NULL, "gedaan_door_id" INTEGER NOT NULL, '
              '"gedaan_op" TIMESTAMP NOT NULL, "ongedaan_door_id" INTEGER, "ongedaan_op" '
              'TIMESTAMP, "ongedaan_reden" TEXT NOT NULL, FOREIGN KEY ("dossier_id") REFERENCES '
              '"dossier" ("id") ON DELETE CASCADE, FOREIGN KEY ("stap_id") REFERENCES "regie_stap" '
              '("id"), FOREIGN KEY ("gedaan_door_id") REFERENCES "user" ("id"), FOREIGN KEY '
              '("ongedaan_door_id") REFERENCES "user" ("id"))',
              'CREATE INDEX "regie_vinkje_dossier_id" ON "regie_vinkje" ("dossier_id")',
              'CREATE INDEX "regie_vinkje_stap_id" ON "regie_vinkje" ("stap_id")',
              'CREATE INDEX "regie_vinkje_gedaan_door_id" ON "regie_vinkje" ("gedaan_door_id")',
              'CREATE INDEX "regie_vinkje_ongedaan_door_id" ON "regie_vinkje" ("ongedaan_door_id")',
              'CREATE INDEX "regie_vinkje_dossier_id_stap_id" ON "regie_vinkje" ("dossier_id", '
              '"stap_id")',
              'CREATE TABLE "logboek" ("id" SERIAL NOT NULL PRIMARY KEY, "dossier_id" INTEGER NOT '
              'NULL, "datum" DATE NOT NULL, "soort" VARCHAR(20) NOT NULL, "met_wie" VARCHAR(200) '
              'NOT NULL, "tekst" TEXT NOT NULL, "auteur_id" INTEGER NOT NULL, "aangemaakt_op" '
              'TIMESTAMP NOT NULL, "vorige_id" INTEGER, "actueel" BOOLEAN NOT NULL, FOREIGN KEY '
              '("dossier_id") REFERENCES "dossier" ("id") ON DELETE CASCADE, FOREIGN KEY '
              '("auteur_id") REFERENCES "user" ("id"), FOREIGN KEY ("vorige_id") REFERENCES '
              '"logboek" ("id"))',
              'CREATE INDEX "logboek_dossier_id" ON "logboek" ("dossier_id")',
              'CREATE INDEX "logboek_datum" ON "logboek" ("datum")',
              'CREATE INDEX "logboek_auteur_id" ON "logboek" ("auteur_id")',
              'CREATE INDEX "logboek_vorige_id" ON "logboek" ("vorige_id")',
              'CREATE INDEX "logboek_actueel" ON "logboek" ("actueel")',
              'CREATE TABLE "risicoanalyse" ("id" SERIAL NOT NULL PRIMARY KEY, "dossier_id" '
              'INTEGER NOT NULL, "nummer" INTEGER NOT NULL, "veiligheid_nu" VARCHAR(10) NOT NULL, '
              '"veiligheid_nu_reden" TEXT NOT NULL, "risico_termijn" VARCHAR(10) NOT NULL, '
              '"risico_termijn_reden" TEXT NOT NULL, "instrument" VARCHAR(80) NOT NULL, '
              '"instrument_versie" VARCHAR(40) NOT NULL, "instrument_uitkomst" TEXT NOT NULL, '
              '"auteur_id" INTEGER NOT NULL, "aangemaakt_op" TIMESTAMP NOT NULL, FOREIGN KEY '
              '("dossier_id") REFERENCES "dossier" ("id") ON DELETE CASCADE, FOREIGN KEY '
              '("auteur_id") REFERENCES "user" ("id"))',
              'CREATE INDEX "risicoanalyse_dossier_id" ON "risicoanalyse" ("dossier_id")',
              'CREATE INDEX "risicoanalyse_auteur_id" ON "risicoanalyse" ("auteur_id")',
              'CREATE UNIQUE INDEX "risicoanalyse_dossier_id_nummer" ON "risicoanalyse" '
              '("dossier_id", "nummer")',
              'CREATE TABLE "risico_domein" ("id" SERIAL NOT NULL PRIMARY KEY, "analyse_id" '
              'INTEGER NOT NULL, "domein_id" INTEGER NOT NULL, "zorgen" TEXT NOT NULL, "krachten" '
              'TEXT NOT NULL, FOREIGN KEY ("analyse_id") REFERENCES "risicoanalyse" ("id") ON '
              'DELETE CASCADE, FOREIGN KEY ("domein_id") REFERENCES "levensdomein" ("id"))',
              'CREATE INDEX "risico_domein_analyse_id" ON "risico_domein" ("analyse_id")',
              'CREATE INDEX "risico_domein_domein_id" ON "risico_domein" ("domein_id")',
              'CREATE UNIQUE INDEX "risico_domein_analyse_id_domein_id" ON "risico_domein" '
              '("analyse_id", "domein_id")',
              'CREATE TABLE "plan" ("id" SERIAL NOT NULL PRIMARY KEY, "dossier_id" INTEGER NOT '
              'NULL, "afspraken" TEXT NOT NULL, "versie" INTEGER NOT NULL, "bijgewerkt_door_id" '
              'INTEGER, "bijgewerkt_op" TIMESTAMP NOT NULL, FOREIGN KEY ("dossier_id") REFERENCES '
              '"dossier" ("id") ON DELETE CASCADE, FOREIGN KEY ("bijgewerkt_door_id") REFERENCES '
              '"user" ("id"))',
              'CREATE UNIQUE INDEX "plan_dossier_id" ON "plan" ("dossier_id")',
              'CREATE INDEX "plan_bijgewerkt_door_id" ON "plan" ("bijgewerkt_door_id")',
              'CREATE TABLE "doel" ("id" SERIAL NOT NULL PRIMARY KEY, "dossier_id" INTEGER NOT '
              'NULL, "domein_id" INTEGER NOT NULL, "zorg_id" INTEGER, "omschrijving" TEXT NOT '
              'NULL, "status" VARCHAR(20) NOT NULL, "status_reden" TEXT NOT NULL, '
              '"aangemaakt_door_id" INTEGER NOT NULL, "aangemaakt_op" TIMESTAMP NOT NULL, "versie" '
              'INTEGER NOT NULL, FOREIGN KEY ("dossier_id") REFERENCES "dossier" ("id") ON DELETE '
              'CASCADE, FOREIGN KEY ("domein_id") REFERENCES "levensdomein" ("id"), FOREIGN KEY '
              '("zorg_id") REFERENCES "risico_domein" ("id"), FOREIGN KEY ("aangemaakt_door_id") '
              'REFERENCES "user" ("id"))',
              'CREATE INDEX "doel_dossier_id" ON "doel" ("dossier_id")',
              'CREATE INDEX "doel_domein_id" ON "doel" ("domein_id")',
              'CREATE INDEX "doel_zorg_id" ON "doel" ("zorg_id")',
              'CREATE INDEX "doel_aangemaakt_door_id" ON "doel" ("aangemaakt_door_id")',
              'CREATE TABLE "zorgoverleg" ("id" SERIAL NOT NULL PRIMARY KEY, "dossier_id" INTEGER '
              'NOT NULL, "datum" TIMESTAMP NOT NULL, "plaats" VARCHAR(160) NOT NULL, "doel" TEXT '
              'NOT NULL, "rechtsgrond" VARCHAR(300) NOT NULL, "verslag" TEXT NOT NULL, "gehouden" '
              'BOOLEAN NOT NULL, "aangemaakt_door_id" INTEGER NOT NULL, "aangemaakt_op" TIMESTAMP '
              'NOT NULL, "versie" INTEGER NOT NULL, FOREIGN KEY ("dossier_id") REFERENCES '
              '"dossier" ("id") ON DELETE CASCADE, FOREIGN KEY ("aangemaakt_door_id") REFERENCES '
              '"user" ("id"))',
              'CREATE INDEX "zorgoverleg_dossier_id" ON "zorgoverleg" ("dossier_id")',
              'CREATE INDEX "zorgoverleg_datum" ON "zorgoverleg" ("datum")',
              'CREATE INDEX "zorgoverleg_aangemaakt_door_id" ON "zorgoverleg" '
              '("aangemaakt_door_id")',
              'CREATE TABLE "zorgoverleg_deelnemer" ("id" SERIAL NOT NULL PRIMARY KEY, '
              '"zorgoverleg_id" INTEGER NOT NULL, "organisatie_id" INTEGER, "user_id" INTEGER, '
              '"naam" VARCHAR(160) NOT NULL, FOREIGN KEY ("zorgoverleg_id") REFERENCES '
              '"zorgoverleg" ("id") ON DELETE CASCADE, FOREIGN KEY ("organisatie_id") REFERENCES '
              '"organisatie" ("id"), FOREIGN KEY ("user_id") REFERENCES "user" ("id"))',
              'CREATE INDEX "zorgoverleg_deelnemer_zorgoverleg_id" ON "zorgoverleg_deelnemer" '
              '("zorgoverleg_id")',
              'CREATE INDEX "zorgoverleg_deelnemer_organisatie_id" ON "zorgoverleg_deelnemer" '
              '("organisatie_id")',
              'CREATE INDEX "zorgoverleg_deelnemer_user_id" ON "zorgoverleg_deelnemer" ("user_id")',
              'CREATE TABLE "actie" ("id" SERIAL NOT NULL PRIMARY KEY, "doel_id" INTEGER NOT NULL, '
              '"dossier_id" INTEGER NOT NULL, "organisatie_id" INTEGER NOT NULL, '
              '"contactpersoon_id" INTEGER, "omschrijving" TEXT NOT NULL, "deadline" DATE NOT '
              'NULL, "status" VARCHAR(20) NOT NULL, "reden" VARCHAR(30) NOT NULL, "toelichting" '
              'TEXT NOT NULL, "zorgoverleg_id" INTEGER, "aangemaakt_door_id" INTEGER NOT NULL, '
              '"aangemaakt_op" TIMESTAMP NOT NULL, "afgerond_op" TIMESTAMP, "versie" INTEGER NOT '
              'NULL, FOREIGN KEY ("doel_id") REFERENCES "doel" ("id") ON DELETE CASCADE, FOREIGN '
              'KEY ("dossier_id") REFERENCES "dossier" ("id") ON DELETE CASCADE, FOREIGN KEY '
              '("organisatie_id") REFERENCES "organisatie" ("id"), FOREIGN KEY '
              '("contactpersoon_id") REFERENCES "user" ("id"), FOREIGN KEY ("zorgoverleg_id") '
              'REFERENCES "zorgoverleg" ("id"), FOREIGN KEY ("aangemaakt_door_id") REFERENCES '
              '"user" ("id"))',
              'CREATE INDEX "actie_doel_id" ON "actie" ("doel_id")',
              'CREATE INDEX "actie_dossier_id" ON "actie" ("dossier_id")',
              'CREATE INDEX "actie_organisatie_id" ON "actie" ("organisatie_id")',
              'CREATE INDEX "actie_contactpersoon_id" ON "actie" ("contactpersoon_id")',
              'CREATE INDEX "actie_deadline" ON "actie" ("deadline")',
              'CREATE INDEX "actie_status" ON "actie" ("status")',
              'CREATE INDEX "actie_zorgoverleg_id" ON "actie" ("zorgoverleg_id")',
              'CREATE INDEX "actie_aangemaakt_door_id" ON "actie" ("aangemaakt_door_id")',
              'CREATE TABLE "actie_persoon" ("id" SERIAL NOT NULL PRIMARY KEY, "actie_id" INTEGER '
              'NOT NULL, "persoon_id" INTEGER NOT NULL, FOREIGN KEY ("actie_id") REFERENCES '
              '"actie" ("id") ON DELETE CASCADE, FOREIGN KEY ("persoon_id") REFERENCES "persoon" '
              '("id") ON DELETE CASCADE)',
              'CREATE INDEX "actie_persoon_actie_id" ON "actie_persoon" ("actie_id")',
              'CREATE INDEX "actie_persoon_persoon_id" ON "actie_persoon" ("persoon_id")',
              'CREATE UNIQUE INDEX "actie_persoon_actie_id_persoon_id" ON "actie_persoon" '
              '("actie_id", "persoon_id")',
              'CREATE TABLE "actie_notitie" ("id" SERIAL NOT NULL PRIMARY KEY, "actie_id" INTEGER '
              'NOT NULL, "auteur_id" INTEGER NOT NULL, "op" TIMESTAMP NOT NULL, "status" '
              'VARCHAR(20) NOT NULL, "tekst" TEXT NOT NULL, FOREIGN KEY ("actie_id") REFERENCES '
              '"actie" ("id") ON DELETE CASCADE, FOREIGN KEY ("auteur_id") REFERENCES "user" '
              '("id"))',
              'CREATE INDEX "actie_notitie_actie_id" ON "actie_notitie" ("actie_id")',
              'CREATE INDEX "actie_notitie_auteur_id" ON "actie_notitie" ("auteur_id")',
              'CREATE TABLE "veiligheidsplan" ("id" SERIAL NOT NULL PRIMARY KEY, "dossier_id" '
              'INTEGER NOT NULL, "nummer" INTEGER NOT NULL, "zorg" TEXT NOT NULL, "signalen" TEXT '
              'NOT NULL, "veilige_personen" TEXT NOT NULL, "veilige_plaatsen" TEXT NOT NULL, '
              '"afspraken" TEXT NOT NULL, "opvolging" TEXT NOT NULL, "evaluatie_op" DATE, '
              '"auteur_id" INTEGER NOT NULL, "aangemaakt_op" TIMESTAMP NOT NULL, FOREIGN KEY '
              '("dossier_id") REFERENCES "dossier" ("id") ON DELETE CASCADE, FOREIGN KEY '
              '("auteur_id") REFERENCES "user" ("id"))',
              'CREATE INDEX "veiligheidsplan_dossier_id" ON "veiligheidsplan" ("dossier_id")',
              'CREATE INDEX "veiligheidsplan_auteur_id" ON "veiligheidsplan" ("auteur_id")',
              'CREATE UNIQUE INDEX "veiligheidsplan_dossier_id_nummer" ON "veiligheidsplan" '
              '("dossier_id", "nummer")',
              'CREATE TABLE "veiligheidsplan_persoon" ("id" SERIAL NOT NULL PRIMARY KEY, "plan_id" '
              'INTEGER NOT NULL, "persoon_id" INTEGER NOT NULL, "wat_doen" TEXT NOT NULL, FOREIGN '
              'KEY ("plan_id") REFERENCES "veiligheidsplan" ("id") ON DELETE CASCADE, FOREIGN KEY '
              '("persoon_id") REFERENCES "persoon" ("id") ON DELETE CASCADE)',
              'CREATE INDEX "veiligheidsplan_persoon_plan_id" ON "veiligheidsplan_persoon" '
              '("plan_id")',
              'CREATE INDEX "veiligheidsplan_persoon_persoon_id" ON "veiligheidsplan_persoon" '
              '("persoon_id")',
              'CREATE UNIQUE INDEX "veiligheidsplan_persoon_plan_id_persoon_id" ON '
              '"veiligheidsplan_persoon" ("plan_id", "persoon_id")',
              'CREATE TABLE "spoorvoorstel" ("id" SERIAL NOT NULL PRIMARY KEY, "dossier_id" '
              'INTEGER NOT NULL, "van_spoor" INTEGER NOT NULL, "naar_spoor" INTEGER NOT NULL, '
              '"reden" TEXT NOT NULL, "voorgesteld_door_id" INTEGER NOT NULL, "voorgesteld_op" '
              'TIMESTAMP NOT NULL, "uitkomst" VARCHAR(12), "beslist_door_id" INTEGER, "beslist_op" '
              'TIMESTAMP, "motivering" TEXT NOT NULL, FOREIGN KEY ("dossier_id") REFERENCES '
              '"dossier" ("id") ON DELETE CASCADE, FOREIGN KEY ("voorgesteld_door_id") REFERENCES '
              '"user" ("id"), FOREIGN KEY ("beslist_door_id") REFERENCES "user" ("id"))',
              'CREATE INDEX "spoorvoorstel_dossier_id" ON "spoorvoorstel" ("dossier_id")',
              'CREATE INDEX "spoorvoorstel_voorgesteld_door_id" ON "spoorvoorstel" '
              '("voorgesteld_door_id")',
              'CREATE INDEX "spoorvoorstel_beslist_door_id" ON "spoorvoorstel" ("beslist_door_id")',
              'CREATE TABLE "afsluiting" ("id" SERIAL NOT NULL PRIMARY KEY, "dossier_id" INTEGER '
              'NOT NULL, "reden" VARCHAR(30) NOT NULL, "toelichting" TEXT NOT NULL, '
              '"veiligheidsplan_ok" BOOLEAN NOT NULL, "gezin_kan_terugkomen" BOOLEAN NOT NULL, '
              '"door_id" INTEGER NOT NULL, "op" TIMESTAMP NOT NULL, FOREIGN KEY ("dossier_id") '
              'REFERENCES "dossier" ("id") ON DELETE CASCADE, FOREIGN KEY ("door_id") REFERENCES '
              '"user" ("id"))',
              'CREATE INDEX "afsluiting_dossier_id" ON "afsluiting" ("dossier_id")',
              'CREATE INDEX "afsluiting_door_id" ON "afsluiting" ("door_id")'],
 'sqlite': ['CREATE TABLE "levensdomein" ("id" INTEGER NOT NULL PRIMARY KEY, "code" VARCHAR(40) '
            'NOT NULL, "naam" VARCHAR(120) NOT NULL, "volgorde" INTEGER NOT NULL, "actief" INTEGER '
            'NOT NULL)',
            'CREATE UNIQUE INDEX "levensdomein_code" ON "levensdomein" ("code")',
            'CREATE TABLE "regie_stap" ("id" INTEGER NOT NULL PRIMARY KEY, "fase" VARCHAR(30) NOT '
            'NULL, "volgorde" INTEGER NOT NULL, "tekst" VARCHAR(200) NOT NULL, "actief" INTEGER '
            'NOT NULL)',
            'CREATE INDEX "regie_stap_fase" ON "regie_stap" ("fase")',
            'CREATE TABLE "regie_vinkje" ("id" INTEGER NOT NULL PRIMARY KEY, "dossier_id" INTEGER '
            'NOT NULL, "stap_id" INTEGER NOT NULL, "gedaan_door_id" INTEGER NOT NULL, "gedaan_op" '
            'DATETIME NOT NULL, "ongedaan_door_id" INTEGER, "ongedaan_op" DATETIME, '
            '"ongedaan_reden" TEXT NOT NULL, FOREIGN KEY ("dossier_id") REFERENCES "dossier" '
            '("id") ON DELETE CASCADE, FOREIGN KEY ("stap_id") REFERENCES "regie_stap" ("id"), '
            'FOREIGN KEY ("gedaan_door_id") REFERENCES "user" ("id"), FOREIGN KEY '
            '("ongedaan_door_id") REFERENCES "user" ("id"))',
            'CREATE INDEX "regie_vinkje_dossier_id" ON "regie_vinkje" ("dossier_id")',
            'CREATE INDEX "regie_vinkje_stap_id" ON "regie_vinkje" ("stap_id")',
            'CREATE INDEX "regie_vinkje_gedaan_door_id" ON "regie_vinkje" ("gedaan_door_id")',
            'CREATE INDEX "regie_vinkje_ongedaan_door_id" ON "regie_vinkje" ("ongedaan_door_id")',
            'CREATE INDEX "regie_vinkje_dossier_id_stap_id" ON "regie_vinkje" ("dossier_id", '
            '"stap_id")',
            'CREATE TABLE "logboek" ("id" INTEGER NOT NULL PRIMARY KEY, "dossier_id" INTEGER NOT '
            'NULL, "datum" DATE NOT NULL, "soort" VARCHAR(20) NOT NULL, "met_wie" VARCHAR(200) NOT '
            'NULL, "tekst" TEXT NOT NULL, "auteur_id" INTEGER NOT NULL, "aangemaakt_op" DATETIME '
            'NOT NULL, "vorige_id" INTEGER, "actueel" INTEGER NOT NULL, FOREIGN KEY ("dossier_id") '
            'REFERENCES "dossier" ("id") ON DELETE CASCADE, FOREIGN KEY ("auteur_id") REFERENCES '
            '"user" ("id"), FOREIGN KEY ("vorige_id") REFERENCES "logboek" ("id"))',
            'CREATE INDEX "logboek_dossier_id" ON "logboek" ("dossier_id")',
            'CREATE INDEX "logboek_datum" ON "logboek" ("datum")',
            'CREATE INDEX "logboek_auteur_id" ON "logboek" ("auteur_id")',
            'CREATE INDEX "logboek_vorige_id" ON "logboek" ("vorige_id")',
            'CREATE INDEX "logboek_actueel" ON "logboek" ("actueel")',
            'CREATE TABLE "risicoanalyse" ("id" INTEGER NOT NULL PRIMARY KEY, "dossier_id" INTEGER '
            'NOT NULL, "nummer" INTEGER NOT NULL, "veiligheid_nu" VARCHAR(10) NOT NULL, '
            '"veiligheid_nu_reden" TEXT NOT NULL, "risico_termijn" VARCHAR(10) NOT NULL, '
            '"risico_termijn_reden" TEXT NOT NULL, "instrument" VARCHAR(80) NOT NULL, '
            '"instrument_versie" VARCHAR(40) NOT NULL, "instrument_uitkomst" TEXT NOT NULL, '
            '"auteur_id" INTEGER NOT NULL, "aangemaakt_op" DATETIME NOT NULL, FOREIGN KEY '
            '("dossier_id") REFERENCES "dossier" ("id") ON DELETE CASCADE, FOREIGN KEY '
            '("auteur_id") REFERENCES "user" ("id"))',
            'CREATE INDEX "risicoanalyse_dossier_id" ON "risicoanalyse" ("dossier_id")',
            'CREATE INDEX "risicoanalyse_auteur_id" ON "risicoanalyse" ("auteur_id")',
            'CREATE UNIQUE INDEX "risicoanalyse_dossier_id_nummer" ON "risicoanalyse" '
            '("dossier_id", "nummer")',
            'CREATE TABLE "risico_domein" ("id" INTEGER NOT NULL PRIMARY KEY, "analyse_id" INTEGER '
            'NOT NULL, "domein_id" INTEGER NOT NULL, "zorgen" TEXT NOT NULL, "krachten" TEXT NOT '
            'NULL, FOREIGN KEY ("analyse_id") REFERENCES "risicoanalyse" ("id") ON DELETE CASCADE, '
            'FOREIGN KEY ("domein_id") REFERENCES "levensdomein" ("id"))',
            'CREATE INDEX "risico_domein_analyse_id" ON "risico_domein" ("analyse_id")',
            'CREATE INDEX "risico_domein_domein_id" ON "risico_domein" ("domein_id")',
            'CREATE UNIQUE INDEX "risico_domein_analyse_id_domein_id" ON "risico_domein" '
            '("analyse_id", "domein_id")',
            'CREATE TABLE "plan" ("id" INTEGER NOT NULL PRIMARY KEY, "dossier_id" INTEGER NOT '
            'NULL, "afspraken" TEXT NOT NULL, "versie" INTEGER NOT NULL, "bijgewerkt_door_id" '
            'INTEGER, "bijgewerkt_op" DATETIME NOT NULL, FOREIGN KEY ("dossier_id") REFERENCES '
            '"dossier" ("id") ON DELETE CASCADE, FOREIGN KEY ("bijgewerkt_door_id") REFERENCES '
            '"user" ("id"))',
            'CREATE UNIQUE INDEX "plan_dossier_id" ON "plan" ("dossier_id")',
            'CREATE INDEX "plan_bijgewerkt_door_id" ON "plan" ("bijgewerkt_door_id")',
            'CREATE TABLE "doel" ("id" INTEGER NOT NULL PRIMARY KEY, "dossier_id" INTEGER NOT '
            'NULL, "domein_id" INTEGER NOT NULL, "zorg_id" INTEGER, "omschrijving" TEXT NOT NULL, '
            '"status" VARCHAR(20) NOT NULL, "status_reden" TEXT NOT NULL, "aangemaakt_door_id" '
            'INTEGER NOT NULL, "aangemaakt_op" DATETIME NOT NULL, "versie" INTEGER NOT NULL, '
            'FOREIGN KEY ("dossier_id") REFERENCES "dossier" ("id") ON DELETE CASCADE, FOREIGN KEY '
            '("domein_id") REFERENCES "levensdomein" ("id"), FOREIGN KEY ("zorg_id") REFERENCES '
            '"risico_domein" ("id"), FOREIGN KEY ("aangemaakt_door_id") REFERENCES "user" ("id"))',
            'CREATE INDEX "doel_dossier_id" ON "doel" ("dossier_id")',
            'CREATE INDEX "doel_domein_id" ON "doel" ("domein_id")',
            'CREATE INDEX "doel_zorg_id" ON "doel" ("zorg_id")',
            'CREATE INDEX "doel_aangemaakt_door_id" ON "doel" ("aangemaakt_door_id")',
            'CREATE TABLE "zorgoverleg" ("id" INTEGER NOT NULL PRIMARY KEY, "dossier_id" INTEGER '
            'NOT NULL, "datum" DATETIME NOT NULL, "plaats" VARCHAR(160) NOT NULL, "doel" TEXT NOT '
            'NULL, "rechtsgrond" VARCHAR(300) NOT NULL, "verslag" TEXT NOT NULL, "gehouden" '
            'INTEGER NOT NULL, "aangemaakt_door_id" INTEGER NOT NULL, "aangemaakt_op" DATETIME NOT '
            'NULL, "versie" INTEGER NOT NULL, FOREIGN KEY ("dossier_id") REFERENCES "dossier" '
            '("id") ON DELETE CASCADE, FOREIGN KEY ("aangemaakt_door_id") REFERENCES "user" '
            '("id"))',
            'CREATE INDEX "zorgoverleg_dossier_id" ON "zorgoverleg" ("dossier_id")',
            'CREATE INDEX "zorgoverleg_datum" ON "zorgoverleg" ("datum")',
            'CREATE INDEX "zorgoverleg_aangemaakt_door_id" ON "zorgoverleg" ("aangemaakt_door_id")',
            'CREATE TABLE "zorgoverleg_deelnemer" ("id" INTEGER NOT NULL PRIMARY KEY, '
            '"zorgoverleg_id" INTEGER NOT NULL, "organisatie_id" INTEGER, "user_id" INTEGER, '
            '"naam" VARCHAR(160) NOT NULL, FOREIGN KEY ("zorgoverleg_id") REFERENCES "zorgoverleg" '
            '("id") ON DELETE CASCADE, FOREIGN KEY ("organisatie_id") REFERENCES "organisatie" '
            '("id"), FOREIGN KEY ("user_id") REFERENCES "user" ("id"))',
            'CREATE INDEX "zorgoverleg_deelnemer_zorgoverleg_id" ON "zorgoverleg_deelnemer" '
            '("zorgoverleg_id")',
            'CREATE INDEX "zorgoverleg_deelnemer_organisatie_id" ON "zorgoverleg_deelnemer" '
            '("organisatie_id")',
            'CREATE INDEX "zorgoverleg_deelnemer_user_id" ON "zorgoverleg_deelnemer" ("user_id")',
            'CREATE TABLE "actie" ("id" INTEGER NOT NULL PRIMARY KEY, "doel_id" INTEGER NOT NULL, '
            '"dossier_id" INTEGER NOT NULL, "organisatie_id" INTEGER NOT NULL, "contactpersoon_id" '
            'INTEGER, "omschrijving" TEXT NOT NULL, "deadline" DATE NOT NULL, "status" VARCHAR(20) '
            'NOT NULL, "reden" VARCHAR(30) NOT NULL, "toelichting" TEXT NOT NULL, "zorgoverleg_id" '
            'INTEGER, "aangemaakt_door_id" INTEGER NOT NULL, "aangemaakt_op" DATETIME NOT NULL, '
            '"afgerond_op" DATETIME, "versie" INTEGER NOT NULL, FOREIGN KEY ("doel_id") REFERENCES '
            '"doel" ("id") ON DELETE CASCADE, FOREIGN KEY ("dossier_id") REFERENCES "dossier" '
            '("id") ON DELETE CASCADE, FOREIGN KEY ("organisatie_id") REFERENCES "organisatie" '
            '("id"), FOREIGN KEY ("contactpersoon_id") REFERENCES "user" ("id"), FOREIGN KEY '
            '("zorgoverleg_id") REFERENCES "zorgoverleg" ("id"), FOREIGN KEY '
            '("aangemaakt_door_id") REFERENCES "user" ("id"))',
            'CREATE INDEX "actie_doel_id" ON "actie" ("doel_id")',
            'CREATE INDEX "actie_dossier_id" ON "actie" ("dossier_id")',
            'CREATE INDEX "actie_organisatie_id" ON "actie" ("organisatie_id")',
            'CREATE INDEX "actie_contactpersoon_id" ON "actie" ("contactpersoon_id")',
            'CREATE INDEX "actie_deadline" ON "actie" ("deadline")',
            'CREATE INDEX "actie_status" ON "actie" ("status")',
            'CREATE INDEX "actie_zorgoverleg_id" ON "actie" ("zorgoverleg_id")',
            'CREATE INDEX "actie_aangemaakt_door_id" ON "actie" ("aangemaakt_door_id")',
            'CREATE TABLE "actie_persoon" ("id" INTEGER NOT NULL PRIMARY KEY, "actie_id" INTEGER '
            'NOT NULL, "persoon_id" INTEGER NOT NULL, FOREIGN KEY ("actie_id") REFERENCES "actie" '
            '("id") ON DELETE CASCADE, FOREIGN KEY ("persoon_id") REFERENCES "persoon" ("id") ON '
            'DELETE CASCADE)',
            'CREATE INDEX "actie_persoon_actie_id" ON "actie_persoon" ("actie_id")',
            'CREATE INDEX "actie_persoon_persoon_id" ON "actie_persoon" ("persoon_id")',
            'CREATE UNIQUE INDEX "actie_persoon_actie_id_persoon_id" ON "actie_persoon" '
            '("actie_id", "persoon_id")',
            'CREATE TABLE "actie_notitie" ("id" INTEGER NOT NULL PRIMARY KEY, "actie_id" INTEGER '
            'NOT NULL, "auteur_id" INTEGER NOT NULL, "op" DATETIME NOT NULL, "status" VARCHAR(20) '
            'NOT NULL, "tekst" TEXT NOT NULL, FOREIGN KEY ("actie_id") REFERENCES "actie" ("id") '
            'ON DELETE CASCADE, FOREIGN KEY ("auteur_id") REFERENCES "user" ("id"))',
            'CREATE INDEX "actie_notitie_actie_id" ON "actie_notitie" ("actie_id")',
            'CREATE INDEX "actie_notitie_auteur_id" ON "actie_notitie" ("auteur_id")',
            'CREATE TABLE "veiligheidsplan" ("id" INTEGER NOT NULL PRIMARY KEY, "dossier_id" '
            'INTEGER NOT NULL, "nummer" INTEGER NOT NULL, "zorg" TEXT NOT NULL, "signalen" TEXT '
            'NOT NULL, "veilige_personen" TEXT NOT NULL, "veilige_plaatsen" TEXT NOT NULL, '
            '"afspraken" TEXT NOT NULL, "opvolging" TEXT NOT NULL, "evaluatie_op" DATE, '
            '"auteur_id" INTEGER NOT NULL, "aangemaakt_op" DATETIME NOT NULL, FOREIGN KEY '
            '("dossier_id") REFERENCES "dossier" ("id") ON DELETE CASCADE, FOREIGN KEY '
            '("auteur_id") REFERENCES "user" ("id"))',
            'CREATE INDEX "veiligheidsplan_dossier_id" ON "veiligheidsplan" ("dossier_id")',
            'CREATE INDEX "veiligheidsplan_auteur_id" ON "veiligheidsplan" ("auteur_id")',
            'CREATE UNIQUE INDEX "veiligheidsplan_dossier_id_nummer" ON "veiligheidsplan" '
            '("dossier_id", "nummer")',
            'CREATE TABLE "veiligheidsplan_persoon" ("id" INTEGER NOT NULL PRIMARY KEY, "plan_id" '
            'INTEGER NOT NULL, "persoon_id" INTEGER NOT NULL, "wat_doen" TEXT NOT NULL, FOREIGN '
            'KEY ("plan_id") REFERENCES "veiligheidsplan" ("id") ON DELETE CASCADE, FOREIGN KEY '
            '("persoon_id") REFERENCES "persoon" ("id") ON DELETE CASCADE)',
            'CREATE INDEX "veiligheidsplan_persoon_plan_id" ON "veiligheidsplan_persoon" '
            '("plan_id")',
            'CREATE INDEX "veiligheidsplan_persoon_persoon_id" ON "veiligheidsplan_persoon" '
            '("persoon_id")',
            'CREATE UNIQUE INDEX "veiligheidsplan_persoon_plan_id_persoon_id" ON '
            '"veiligheidsplan_persoon" ("plan_id", "persoon_id")',
            'CREATE TABLE "spoorvoorstel" ("id" INTEGER NOT NULL PRIMARY KEY, "dossier_id" INTEGER '
            'NOT NULL, "van_spoor" INTEGER NOT NULL, "naar_spoor" INTEGER NOT NULL, "reden" TEXT '
            'NOT NULL, "voorgesteld_door_id" INTEGER NOT NULL, "voorgesteld_op" DATETIME NOT NULL, '
            '"uitkomst" VARCHAR(12), "beslist_door_id" INTEGER, "beslist_op" DATETIME, '
            '"motivering" TEXT NOT NULL, FOREIGN KEY ("dossier_id") REFERENCES "dossier" ("id") ON '
            'DELETE CASCADE, FOREIGN KEY ("voorgesteld_door_id") REFERENCES "user" ("id"), FOREIGN '
            'KEY ("beslist_door_id") REFERENCES "user" ("id"))',
            'CREATE INDEX "spoorvoorstel_dossier_id" ON "spoorvoorstel" ("dossier_id")',
            'CREATE INDEX "spoorvoorstel_voorgesteld_door_id" ON "spoorvoorstel" '
            '("voorgesteld_door_id")',
            'CREATE INDEX "spoorvoorstel_beslist_door_id" ON "spoorvoorstel" ("beslist_door_id")',
            'CREATE TABLE "afsluiting" ("id" INTEGER NOT NULL PRIMARY KEY, "dossier_id" INTEGER '
            'NOT NULL, "reden" VARCHAR(30) NOT NULL, "toelichting" TEXT NOT NULL, '
            '"veiligheidsplan_ok" INTEGER NOT NULL, "gezin_kan_terugkomen" INTEGER NOT NULL, '
            '"door_id" INTEGER NOT NULL, "op" DATETIME NOT NULL, FOREIGN KEY ("dossier_id") '
            'REFERENCES "dossier" ("id") ON DELETE CASCADE, FOREIGN KEY ("door_id") REFERENCES '
            '"user" ("id"))',
            'CREATE INDEX "afsluiting_dossier_id" ON "afsluiting" ("dossier_id")',
            'CREATE INDEX "afsluiting_door_id" ON "afsluiting" ("door_id")']}


def up(migrator, db):
    for statement in SQL[dialect(migrator)]:
        db.execute_sql(statement)
