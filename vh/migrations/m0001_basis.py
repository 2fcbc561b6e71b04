"""m0001_basis: the first schema (foundation, aanmelding, parketcheck, triage, besluit): tables Gemeente, Team, TeamArrondissement, Organisatie, User, UserTeam, Nummering, Dossier, Aanmelding, Persoon, Overgang, Parketcheck, Overleg, OverlegDeelnemer, Agendapunt, Bijdrage, Besluit, Brief, AuditEvent.

Frozen DDL, generated from the models of that time (by the former vh/migrations/freeze.py),
run as it was written: do not edit.
"""
from . import dialect

SQL = {'postgres': ['CREATE TABLE "gemeente" ("id" SERIAL NOT NULL PRIMARY KEY, "postcode" VARCHAR(4) '
              'NOT NULL, "deelgemeente" VARCHAR(80) NOT NULL, "gemeente" VARCHAR(80) NOT NULL, '
              '"politiezone_nr" VARCHAR(4) NOT NULL, "politiezone" VARCHAR(80) NOT NULL, '
              '"arrondissement" VARCHAR(40) NOT NULL, "pilootzone" BOOLEAN NOT NULL)',
              'CREATE INDEX "gemeente_postcode" ON "gemeente" ("postcode")',
              'CREATE UNIQUE INDEX "gemeente_postcode_deelgemeente" ON "gemeente" ("postcode", '
              '"deelgemeente")',
              'CREATE TABLE "team" ("id" SERIAL NOT NULL PRIMARY KEY, "naam" VARCHAR(120) NOT '
              'NULL, "parket_pauze" BOOLEAN NOT NULL, "parket_pauze_sinds" TIMESTAMP)',
              'CREATE UNIQUE INDEX "team_naam" ON "team" ("naam")',
              'CREATE TABLE "team_arrondissement" ("id" SERIAL NOT NULL PRIMARY KEY, "team_id" '
              'INTEGER NOT NULL, "arrondissement" VARCHAR(40) NOT NULL, FOREIGN KEY ("team_id") '
              'REFERENCES "team" ("id") ON DELETE CASCADE)',
              'CREATE INDEX "team_arrondissement_team_id" ON "team_arrondissement" ("team_id")',
              'CREATE UNIQUE INDEX "team_arrondissement_arrondissement" ON "team_arrondissement" '
              '("arrondissement")',
              'CREATE TABLE "organisatie" ("id" SERIAL NOT NULL PRIMARY KEY, "naam" VARCHAR(160) '
              'NOT NULL, "type" VARCHAR(20) NOT NULL, "arrondissement" VARCHAR(40), '
              '"politiezone_nr" VARCHAR(4), "actief" BOOLEAN NOT NULL)',
              'CREATE UNIQUE INDEX "organisatie_naam" ON "organisatie" ("naam")',
              'CREATE TABLE "user" ("id" SERIAL NOT NULL PRIMARY KEY, "email" VARCHAR(254) NOT '
              'NULL, "naam" VARCHAR(120) NOT NULL, "functie" VARCHAR(120) NOT NULL, "telefoon" '
              'VARCHAR(40) NOT NULL, "password_hash" VARCHAR(255) NOT NULL, "rollen" VARCHAR(200) '
              'NOT NULL, "organisatie_id" INTEGER, "actief" BOOLEAN NOT NULL, "totp_secret" '
              'VARCHAR(64), "aangemaakt_op" TIMESTAMP NOT NULL, "laatst_ingelogd" TIMESTAMP, '
              'FOREIGN KEY ("organisatie_id") REFERENCES "organisatie" ("id"))',
              'CREATE UNIQUE INDEX "user_email" ON "user" ("email")',
              'CREATE INDEX "user_organisatie_id" ON "user" ("organisatie_id")',
              'CREATE TABLE "user_team" ("id" SERIAL NOT NULL PRIMARY KEY, "user_id" INTEGER NOT '
              'NULL, "team_id" INTEGER NOT NULL, FOREIGN KEY ("user_id") REFERENCES "user" ("id") '
              'ON DELETE CASCADE, FOREIGN KEY ("team_id") REFERENCES "team" ("id") ON DELETE '
              'CASCADE)',
              'CREATE INDEX "user_team_user_id" ON "user_team" ("user_id")',
              'CREATE INDEX "user_team_team_id" ON "user_team" ("team_id")',
              'CREATE UNIQUE INDEX "user_team_user_id_team_id" ON "user_team" ("user_id", '
              '"team_id")',
              'CREATE TABLE "nummering" ("id" SERIAL NOT NULL PRIMARY KEY, "soort" VARCHAR(10) NOT '
              'NULL, "jaar" INTEGER NOT NULL, "laatste" INTEGER NOT NULL)',
              'CREATE UNIQUE INDEX "nummering_soort_jaar" ON "nummering" ("soort", "jaar")',
              'CREATE TABLE "dossier" ("id" SERIAL NOT NULL PRIMARY KEY, "nummer" VARCHAR(20) NOT '
              'NULL, "team_id" INTEGER NOT NULL, "fase" VARCHAR(30) NOT NULL, "spoor" INTEGER, '
              '"regisseur_id" INTEGER, "pilootzone" BOOLEAN NOT NULL, "acuut" BOOLEAN NOT NULL, '
              '"ifg_vormen" VARCHAR(200) NOT NULL, "fase_sinds" TIMESTAMP NOT NULL, '
              '"aangemaakt_op" TIMESTAMP NOT NULL, "aangemaakt_door_id" INTEGER, "afgesloten_op" '
              'TIMESTAMP, "afsluitreden" VARCHAR(200), "geanonimiseerd_op" TIMESTAMP, FOREIGN KEY '
              '("team_id") REFERENCES "team" ("id"), FOREIGN KEY ("regisseur_id") REFERENCES '
              '"user" ("id"), FOREIGN KEY ("aangemaakt_door_id") REFERENCES "user" ("id"))',
              'CREATE UNIQUE INDEX "dossier_nummer" ON "dossier" ("nummer")',
              'CREATE INDEX "dossier_team_id" ON "dossier" ("team_id")',
              'CREATE INDEX "dossier_fase" ON "dossier" ("fase")',
              'CREATE INDEX "dossier_regisseur_id" ON "dossier" ("regisseur_id")',
              'CREATE INDEX "dossier_aangemaakt_door_id" ON "dossier" ("aangemaakt_door_id")',
              'CREATE TABLE "aanmelding" ("id" SERIAL NOT NULL PRIMARY KEY, "nummer" VARCHAR(20), '
              '"status" VARCHAR(20) NOT NULL, "bron" VARCHAR(20) NOT NULL, "auteur_id" INTEGER NOT '
              'NULL, "organisatie_id" INTEGER, "team_id" INTEGER, "dossier_id" INTEGER, '
              '"aanmelder_naam" VARCHAR(120) NOT NULL, "aanmelder_functie" VARCHAR(120) NOT NULL, '
              '"aanmelder_telefoon" VARCHAR(40) NOT NULL, "aanmelder_email" VARCHAR(254) NOT NULL, '
              '"ifg_vormen" VARCHAR(200) NOT NULL, "geweldsvormen" VARCHAR(100) NOT NULL, '
              '"recent_incident" TEXT NOT NULL, "datum_incident" DATE, "eerdere_incidenten" TEXT '
              'NOT NULL, "politie_betrokken" BOOLEAN, "pv_nummers" VARCHAR(400) NOT NULL, '
              '"hulpverlening" TEXT NOT NULL, "hulp_vastgelopen" TEXT NOT NULL, '
              '"criterium_complex" BOOLEAN NOT NULL, "criterium_complex_uitleg" TEXT NOT NULL, '
              '"criterium_zorgwekkend" BOOLEAN NOT NULL, "criterium_zorgwekkend_uitleg" TEXT NOT '
              'NULL, "criterium_ketenaanpak" BOOLEAN NOT NULL, "criterium_ketenaanpak_uitleg" TEXT '
              'NOT NULL, "vraag" TEXT NOT NULL, "gezin_op_de_hoogte" BOOLEAN, '
              '"waarom_niet_op_de_hoogte" TEXT NOT NULL, "veilig_contact" TEXT NOT NULL, '
              '"pleger_contacteren" BOOLEAN, "taal" VARCHAR(80) NOT NULL, "tolk_nodig" BOOLEAN NOT '
              'NULL, "buiten_vlaams_brabant" BOOLEAN NOT NULL, "pilootzone" BOOLEAN NOT NULL, '
              '"aangemaakt_op" TIMESTAMP NOT NULL, "gewijzigd_op" TIMESTAMP NOT NULL, '
              '"ingediend_op" TIMESTAMP, "behandeld_op" TIMESTAMP, "behandeld_door_id" INTEGER, '
              '"reden_niet_ontvankelijk" TEXT NOT NULL, FOREIGN KEY ("auteur_id") REFERENCES '
              '"user" ("id"), FOREIGN KEY ("organisatie_id") REFERENCES "organisatie" ("id"), '
              'FOREIGN KEY ("team_id") REFERENCES "team" ("id"), FOREIGN KEY ("dossier_id") '
              'REFERENCES "dossier" ("id"), FOREIGN KEY ("behandeld_door_id") REFERENCES "user" '
              '("id"))',
              'CREATE UNIQUE INDEX "aanmelding_nummer" ON "aanmelding" ("nummer")',
              'CREATE INDEX "aanmelding_status" ON "aanmelding" ("status")',
              'CREATE INDEX "aanmelding_auteur_id" ON "aanmelding" ("auteur_id")',
              'CREATE INDEX "aanmelding_organisatie_id" ON "aanmelding" ("organisatie_id")',
              'CREATE INDEX "aanmelding_team_id" ON "aanmelding" ("team_id")',
              'CREATE INDEX "aanmelding_dossier_id" ON "aanmelding" ("dossier_id")',
              'CREATE INDEX "aanmelding_gewijzigd_op" ON "aanmelding" ("gewijzigd_op")',
              'CREATE INDEX "aanmelding_behandeld_door_id" ON "aanmelding" ("behandeld_door_id")',
              'CREATE TABLE "persoon" ("id" SERIAL NOT NULL PRIMARY KEY, "aanmelding_id" INTEGER, '
              '"dossier_id" INTEGER, "voornaam" VARCHAR(80) NOT NULL, "achternaam" VARCHAR(80) NOT '
              'NULL, "naam_norm" VARCHAR(160) NOT NULL, "geboortedatum" DATE, "geslacht" '
              'VARCHAR(1) NOT NULL, "rol" VARCHAR(30) NOT NULL, "straat" VARCHAR(160) NOT NULL, '
              '"postcode" VARCHAR(10) NOT NULL, "gemeente_id" INTEGER, "relatie" VARCHAR(200) NOT '
              'NULL, "school" VARCHAR(160) NOT NULL, "geanonimiseerd" BOOLEAN NOT NULL, FOREIGN '
              'KEY ("aanmelding_id") REFERENCES "aanmelding" ("id") ON DELETE CASCADE, FOREIGN KEY '
              '("dossier_id") REFERENCES "dossier" ("id"), FOREIGN KEY ("gemeente_id") REFERENCES '
              '"gemeente" ("id"))',
              'CREATE INDEX "persoon_aanmelding_id" ON "persoon" ("aanmelding_id")',
              'CREATE INDEX "persoon_dossier_id" ON "persoon" ("dossier_id")',
              'CREATE INDEX "persoon_naam_norm" ON "persoon" ("naam_norm")',
              'CREATE INDEX "persoon_gemeente_id" ON "persoon" ("gemeente_id")',
              'CREATE TABLE "overgang" ("id" SERIAL NOT NULL PRIMARY KEY, "dossier_id" INTEGER NOT '
              'NULL, "van" VARCHAR(30), "naar" VARCHAR(30) NOT NULL, "actie" VARCHAR(40) NOT NULL, '
              '"door_id" INTEGER, "op" TIMESTAMP NOT NULL, "toelichting" TEXT NOT NULL, FOREIGN '
              'KEY ("dossier_id") REFERENCES "dossier" ("id") ON DELETE CASCADE, FOREIGN KEY '
              '("door_id") REFERENCES "user" ("id"))',
              'CREATE INDEX "overgang_dossier_id" ON "overgang" ("dossier_id")',
              'CREATE INDEX "overgang_door_id" ON "overgang" ("door_id")',
              'CREATE INDEX "overgang_op" ON "overgang" ("op")',
              'CREATE TABLE "parketcheck" ("id" SERIAL NOT NULL PRIMARY KEY, "dossier_id" INTEGER '
              'NOT NULL, "gevraagd_door_id" INTEGER NOT NULL, "gevraagd_op" TIMESTAMP NOT NULL, '
              '"beantwoord_door_id" INTEGER, "beantwoord_op" TIMESTAMP, "uitkomst" VARCHAR(20), '
              '"beperkingen" TEXT NOT NULL, "reden" TEXT NOT NULL, FOREIGN KEY ("dossier_id") '
              'REFERENCES "dossier" ("id") ON DELETE CASCADE, FOREIGN KEY ("gevraagd_door_id") '
              'REFERENCES "user" ("id"), FOREIGN KEY ("beantwoord_door_id") REFERENCES "user" '
              '("id"))',
              'CREATE INDEX "parketcheck_dossier_id" ON "parketcheck" ("dossier_id")',
              'CREATE INDEX "parketcheck_gevraagd_door_id" ON "parketcheck" ("gevraagd_door_id")',
              'CREATE INDEX "parketcheck_beantwoord_door_id" ON "parketcheck" '
              '("beantwoord_door_id")',
              'CREATE TABLE "overleg" ("id" SERIAL NOT NULL PRIMARY KEY, "team_id" INTEGER NOT '
              'NULL, "datum" TIMESTAMP NOT NULL, "plaats" VARCHAR(160) NOT NULL, "voorzitter_id" '
              'INTEGER, "afgesloten" BOOLEAN NOT NULL, "aangemaakt_op" TIMESTAMP NOT NULL, FOREIGN '
              'KEY ("team_id") REFERENCES "team" ("id"), FOREIGN KEY ("voorzitter_id") REFERENCES '
              '"user" ("id"))',
              'CREATE INDEX "overleg_team_id" ON "overleg" ("team_id")',
              'CREATE INDEX "overleg_datum" ON "overleg" ("datum")',
              'CREATE INDEX "overleg_voorzitter_id" ON "overleg" ("voorzitter_id")',
              'CREATE TABLE "overleg_deelnemer" ("id" SERIAL NOT NULL PRIMARY KEY, "overleg_id" '
              'INTEGER NOT NULL, "user_id" INTEGER NOT NULL, FOREIGN KEY ("overleg_id") REFERENCES '
              '"overleg" ("id") ON DELETE CASCADE, FOREIGN KEY ("user_id") REFERENCES "user" '
              '("id"))',
              'CREATE INDEX "overleg_deelnemer_overleg_id" ON "overleg_deelnemer" ("overleg_id")',
              'CREATE INDEX "overleg_deelnemer_user_id" ON "overleg_deelnemer" ("user_id")',
              'CREATE UNIQUE INDEX "overleg_deelnemer_overleg_id_user_id" ON "overleg_deelnemer" '
              '("overleg_id", "user_id")',
              'CREATE TABLE "agendapunt" ("id" SERIAL NOT NULL PRIMARY KEY, "overleg_id" INTEGER '
              'NOT NULL, "dossier_id" INTEGER NOT NULL, "volgorde" INTEGER NOT NULL, "bespreking" '
              'TEXT NOT NULL, "besproken" BOOLEAN NOT NULL, FOREIGN KEY ("overleg_id") REFERENCES '
              '"overleg" ("id") ON DELETE CASCADE, FOREIGN KEY ("dossier_id") REFERENCES "dossier" '
              '("id"))',
              'CREATE INDEX "agendapunt_overleg_id" ON "agendapunt" ("overleg_id")',
              'CREATE INDEX "agendapunt_dossier_id" ON "agendapunt" ("dossier_id")',
              'CREATE UNIQUE INDEX "agendapunt_overleg_id_dossier_id" ON "agendapunt" '
              '("overleg_id", "dossier_id")',
              'CREATE TABLE "bijdrage" ("id" SERIAL NOT NULL PRIMARY KEY, "dossier_id" INTEGER NOT '
              'NULL, "overleg_id" INTEGER, "auteur_id" INTEGER NOT NULL, "organisatie_id" INTEGER, '
              '"inhoud" TEXT NOT NULL, "rechtsgrond" VARCHAR(300) NOT NULL, "deelnemers" TEXT NOT '
              'NULL, "aangemaakt_op" TIMESTAMP NOT NULL, "vorige_id" INTEGER, "actueel" BOOLEAN '
              'NOT NULL, FOREIGN KEY ("dossier_id") REFERENCES "dossier" ("id"), FOREIGN KEY '
              '("overleg_id") REFERENCES "overleg" ("id"), FOREIGN KEY ("auteur_id") REFERENCES '
              '"user" ("id"), FOREIGN KEY ("organisatie_id") REFERENCES "organisatie" ("id"), '
              'FOREIGN KEY ("vorige_id") REFERENCES "bijdrage" ("id"))',
              'CREATE INDEX "bijdrage_dossier_id" ON "bijdrage" ("dossier_id")',
              'CREATE INDEX "bijdrage_overleg_id" ON "bijdrage" ("overleg_id")',
              'CREATE INDEX "bijdrage_auteur_id" ON "bijdrage" ("auteur_id")',
              'CREATE INDEX "bijdrage_organisatie_id" ON "bijdrage" ("organisatie_id")',
              'CREATE INDEX "bijdrage_vorige_id" ON "bijdrage" ("vorige_id")',
              'CREATE INDEX "bijdrage_actueel" ON "bijdrage" ("actueel")',
              'CREATE TABLE "besluit" ("id" SERIAL NOT NULL PRIMARY KEY, "dossier_id" INTEGER, '
              '"aanmelding_id" INTEGER, "overleg_id" INTEGER, "uitkomst" VARCHAR(20) NOT NULL, '
              '"regisseur_id" INTEGER, "motivering" TEXT NOT NULL, "beslist_door_id" INTEGER NOT '
              'NULL, "beslist_op" TIMESTAMP NOT NULL, FOREIGN KEY ("dossier_id") REFERENCES '
              '"dossier" ("id"), FOREIGN KEY ("aanmelding_id") REFERENCES "aanmelding" ("id"), '
              'FOREIGN KEY ("overleg_id") REFERENCES "overleg" ("id"), FOREIGN KEY '
              '("regisseur_id") REFERENCES "user" ("id"), FOREIGN KEY ("beslist_door_id") '
              'REFERENCES "user" ("id"))',
              'CREATE INDEX "besluit_dossier_id" ON "besluit" ("dossier_id")',
              'CREATE INDEX "besluit_aanmelding_id" ON "besluit" ("aanmelding_id")',
              'CREATE INDEX "besluit_overleg_id" ON "besluit" ("overleg_id")',
              'CREATE INDEX "besluit_regisseur_id" ON "besluit" ("regisseur_id")',
              'CREATE INDEX "besluit_beslist_door_id" ON "besluit" ("beslist_door_id")',
              'CREATE INDEX "besluit_beslist_op" ON "besluit" ("beslist_op")',
              'CREATE TABLE "brief" ("id" SERIAL NOT NULL PRIMARY KEY, "aanmelding_id" INTEGER NOT '
              'NULL, "dossier_id" INTEGER, "aan_id" INTEGER NOT NULL, "onderwerp" VARCHAR(200) NOT '
              'NULL, "inhoud" TEXT NOT NULL, "html" TEXT NOT NULL, "aangemaakt_op" TIMESTAMP NOT '
              'NULL, "verzonden_op" TIMESTAMP, "verzonden_door_id" INTEGER, FOREIGN KEY '
              '("aanmelding_id") REFERENCES "aanmelding" ("id"), FOREIGN KEY ("dossier_id") '
              'REFERENCES "dossier" ("id"), FOREIGN KEY ("aan_id") REFERENCES "user" ("id"), '
              'FOREIGN KEY ("verzonden_door_id") REFERENCES "user" ("id"))',
              'CREATE INDEX "brief_aanmelding_id" ON "brief" ("aanmelding_id")',
              'CREATE INDEX "brief_dossier_id" ON "brief" ("dossier_id")',
              'CREATE INDEX "brief_aan_id" ON "brief" ("aan_id")',
              'CREATE INDEX "brief_verzonden_door_id" ON "brief" ("verzonden_door_id")',
              'CREATE TABLE "audit_event" ("id" SERIAL NOT NULL PRIMARY KEY, "op" TIMESTAMP NOT '
              'NULL, "user_id" INTEGER, "user_email" VARCHAR(254) NOT NULL, "actie" VARCHAR(60) '
              'NOT NULL, "object_type" VARCHAR(40) NOT NULL, "object_id" INTEGER, "dossier_id" '
              'INTEGER, "ip" VARCHAR(64) NOT NULL, "details" TEXT NOT NULL, "prev_hash" '
              'VARCHAR(64) NOT NULL, "hash" VARCHAR(64) NOT NULL)',
              'CREATE INDEX "audit_event_op" ON "audit_event" ("op")',
              'CREATE INDEX "audit_event_user_id" ON "audit_event" ("user_id")',
              'CREATE INDEX "audit_event_dossier_id" ON "audit_event" ("dossier_id")'],
 'sqlite': ['CREATE TABLE "gemeente" ("id" INTEGER NOT NULL PRIMARY KEY, "postcode" VARCHAR(4) NOT '
            'NULL, "deelgemeente" VARCHAR(80) NOT NULL, "gemeente" VARCHAR(80) NOT NULL, '
            '"politiezone_nr" VARCHAR(4) NOT NULL, "politiezone" VARCHAR(80) NOT NULL, '
            '"arrondissement" VARCHAR(40) NOT NULL, "pilootzone" INTEGER NOT NULL)',
            'CREATE INDEX "gemeente_postcode" ON "gemeente" ("postcode")',
            'CREATE UNIQUE INDEX "gemeente_postcode_deelgemeente" ON "gemeente" ("postcode", '
            '"deelgemeente")',
            'CREATE TABLE "team" ("id" INTEGER NOT NULL PRIMARY KEY, "naam" VARCHAR(120) NOT NULL, '
            '"parket_pauze" INTEGER NOT NULL, "parket_pauze_sinds" DATETIME)',
            'CREATE UNIQUE INDEX "team_naam" ON "team" ("naam")',
            'CREATE TABLE "team_arrondissement" ("id" INTEGER NOT NULL PRIMARY KEY, "team_id" '
            'INTEGER NOT NULL, "arrondissement" VARCHAR(40) NOT NULL, FOREIGN KEY ("team_id") '
            'REFERENCES "team" ("id") ON DELETE CASCADE)',
            'CREATE INDEX "team_arrondissement_team_id" ON "team_arrondissement" ("team_id")',
            'CREATE UNIQUE INDEX "team_arrondissement_arrondissement" ON "team_arrondissement" '
            '("arrondissement")',
            'CREATE TABLE "organisatie" ("id" INTEGER NOT NULL PRIMARY KEY, "naam" VARCHAR(160) '
            'NOT NULL, "type" VARCHAR(20) NOT NULL, "arrondissement" VARCHAR(40), "politiezone_nr" '
            'VARCHAR(4), "actief" INTEGER NOT NULL)',
            'CREATE UNIQUE INDEX "organisatie_naam" ON "organisatie" ("naam")',
            'CREATE TABLE "user" ("id" INTEGER NOT NULL PRIMARY KEY, "email" VARCHAR(254) NOT '
            'NULL, "naam" VARCHAR(120) NOT NULL, "functie" VARCHAR(120) NOT NULL, "telefoon" '
            'VARCHAR(40) NOT NULL, "password_hash" VARCHAR(255) NOT NULL, "rollen" VARCHAR(200) '
            'NOT NULL, "organisatie_id" INTEGER, "actief" INTEGER NOT NULL, "totp_secret" '
            'VARCHAR(64), "aangemaakt_op" DATETIME NOT NULL, "laatst_ingelogd" DATETIME, FOREIGN '
            'KEY ("organisatie_id") REFERENCES "organisatie" ("id"))',
            'CREATE UNIQUE INDEX "user_email" ON "user" ("email")',
            'CREATE INDEX "user_organisatie_id" ON "user" ("organisatie_id")',
            'CREATE TABLE "user_team" ("id" INTEGER NOT NULL PRIMARY KEY, "user_id" INTEGER NOT '
            'NULL, "team_id" INTEGER NOT NULL, FOREIGN KEY ("user_id") REFERENCES "user" ("id") ON '
            'DELETE CASCADE, FOREIGN KEY ("team_id") REFERENCES "team" ("id") ON DELETE CASCADE)',
            'CREATE INDEX "user_team_user_id" ON "user_team" ("user_id")',
            'CREATE INDEX "user_team_team_id" ON "user_team" ("team_id")',
            'CREATE UNIQUE INDEX "user_team_user_id_team_id" ON "user_team" ("user_id", "team_id")',
            'CREATE TABLE "nummering" ("id" INTEGER NOT NULL PRIMARY KEY, "soort" VARCHAR(10) NOT '
            'NULL, "jaar" INTEGER NOT NULL, "laatste" INTEGER NOT NULL)',
            'CREATE UNIQUE INDEX "nummering_soort_jaar" ON "nummering" ("soort", "jaar")',
            'CREATE TABLE "dossier" ("id" INTEGER NOT NULL PRIMARY KEY, "nummer" VARCHAR(20) NOT '
            'NULL, "team_id" INTEGER NOT NULL, "fase" VARCHAR(30) NOT NULL, "spoor" INTEGER, '
            '"regisseur_id" INTEGER, "pilootzone" INTEGER NOT NULL, "acuut" INTEGER NOT NULL, '
            '"ifg_vormen" VARCHAR(200) NOT NULL, "fase_sinds" DATETIME NOT NULL, "aangemaakt_op" '
            'DATETIME NOT NULL, "aangemaakt_door_id" INTEGER, "afgesloten_op" DATETIME, '
            '"afsluitreden" VARCHAR(200), "geanonimiseerd_op" DATETIME, FOREIGN KEY ("team_id") '
            'REFERENCES "team" ("id"), FOREIGN KEY ("regisseur_id") REFERENCES "user" ("id"), '
            'FOREIGN KEY ("aangemaakt_door_id") REFERENCES "user" ("id"))',
            'CREATE UNIQUE INDEX "dossier_nummer" ON "dossier" ("nummer")',
            'CREATE INDEX "dossier_team_id" ON "dossier" ("team_id")',
            'CREATE INDEX "dossier_fase" ON "dossier" ("fase")',
            'CREATE INDEX "dossier_regisseur_id" ON "dossier" ("regisseur_id")',
            'CREATE INDEX "dossier_aangemaakt_door_id" ON "dossier" ("aangemaakt_door_id")',
            'CREATE TABLE "aanmelding" ("id" INTEGER NOT NULL PRIMARY KEY, "nummer" VARCHAR(20), '
            '"status" VARCHAR(20) NOT NULL, "bron" VARCHAR(20) NOT NULL, "auteur_id" INTEGER NOT '
            'NULL, "organisatie_id" INTEGER, "team_id" INTEGER, "dossier_id" INTEGER, '
            '"aanmelder_naam" VARCHAR(120) NOT NULL, "aanmelder_functie" VARCHAR(120) NOT NULL, '
            '"aanmelder_telefoon" VARCHAR(40) NOT NULL, "aanmelder_email" VARCHAR(254) NOT NULL, '
            '"ifg_vormen" VARCHAR(200) NOT NULL, "geweldsvormen" VARCHAR(100) NOT NULL, '
            '"recent_incident" TEXT NOT NULL, "datum_incident" DATE, "eerdere_incidenten" TEXT NOT '
            'NULL, "politie_betrokken" INTEGER, "pv_nummers" VARCHAR(400) NOT NULL, '
            '"hulpverlening" TEXT NOT NULL, "hulp_vastgelopen" TEXT NOT NULL, "criterium_complex" '
            'INTEGER NOT NULL, "criterium_complex_uitleg" TEXT NOT NULL, "criterium_zorgwekkend" '
            'INTEGER NOT NULL, "criterium_zorgwekkend_uitleg" TEXT NOT NULL, '
            '"criterium_ketenaanpak" INTEGER NOT NULL, "criterium_ketenaanpak_uitleg" TEXT NOT '
            'NULL, "vraag" TEXT NOT NULL, "gezin_op_de_hoogte" INTEGER, "waarom_niet_op_de_hoogte" '
            'TEXT NOT NULL, "veilig_contact" TEXT NOT NULL, "pleger_contacteren" INTEGER, "taal" '
            'VARCHAR(80) NOT NULL, "tolk_nodig" INTEGER NOT NULL, "buiten_vlaams_brabant" INTEGER '
            'NOT NULL, "pilootzone" INTEGER NOT NULL, "aangemaakt_op" DATETIME NOT NULL, '
            '"gewijzigd_op" DATETIME NOT NULL, "ingediend_op" DATETIME, "behandeld_op" DATETIME, '
            '"behandeld_door_id" INTEGER, "reden_niet_ontvankelijk" TEXT NOT NULL, FOREIGN KEY '
            '("auteur_id") REFERENCES "user" ("id"), FOREIGN KEY ("organisatie_id") REFERENCES '
            '"organisatie" ("id"), FOREIGN KEY ("team_id") REFERENCES "team" ("id"), FOREIGN KEY '
            '("dossier_id") REFERENCES "dossier" ("id"), FOREIGN KEY ("behandeld_door_id") '
            'REFERENCES "user" ("id"))',
            'CREATE UNIQUE INDEX "aanmelding_nummer" ON "aanmelding" ("nummer")',
            'CREATE INDEX "aanmelding_status" ON "aanmelding" ("status")',
            'CREATE INDEX "aanmelding_auteur_id" ON "aanmelding" ("auteur_id")',
            'CREATE INDEX "aanmelding_organisatie_id" ON "aanmelding" ("organisatie_id")',
            'CREATE INDEX "aanmelding_team_id" ON "aanmelding" ("team_id")',
            'CREATE INDEX "aanmelding_dossier_id" ON "aanmelding" ("dossier_id")',
            'CREATE INDEX "aanmelding_gewijzigd_op" ON "aanmelding" ("gewijzigd_op")',
            'CREATE INDEX "aanmelding_behandeld_door_id" ON "aanmelding" ("behandeld_door_id")',
            'CREATE TABLE "persoon" ("id" INTEGER NOT NULL PRIMARY KEY, "aanmelding_id" INTEGER, '
            '"dossier_id" INTEGER, "voornaam" VARCHAR(80) NOT NULL, "achternaam" VARCHAR(80) NOT '
            'NULL, "naam_norm" VARCHAR(160) NOT NULL, "geboortedatum" DATE, "geslacht" VARCHAR(1) '
            'NOT NULL, "rol" VARCHAR(30) NOT NULL, "straat" VARCHAR(160) NOT NULL, "postcode" '
            'VARCHAR(10) NOT NULL, "gemeente_id" INTEGER, "relatie" VARCHAR(200) NOT NULL, '
            '"school" VARCHAR(160) NOT NULL, "geanonimiseerd" INTEGER NOT NULL, FOREIGN KEY '
            '("aanmelding_id") REFERENCES "aanmelding" ("id") ON DELETE CASCADE, FOREIGN KEY '
            '("dossier_id") REFERENCES "dossier" ("id"), FOREIGN KEY ("gemeente_id") REFERENCES '
            '"gemeente" ("id"))',
            'CREATE INDEX "persoon_aanmelding_id" ON "persoon" ("aanmelding_id")',
            'CREATE INDEX "persoon_dossier_id" ON "persoon" ("dossier_id")',
            'CREATE INDEX "persoon_naam_norm" ON "persoon" ("naam_norm")',
            'CREATE INDEX "persoon_gemeente_id" ON "persoon" ("gemeente_id")',
            'CREATE TABLE "overgang" ("id" INTEGER NOT NULL PRIMARY KEY, "dossier_id" INTEGER NOT '
            'NULL, "van" VARCHAR(30), "naar" VARCHAR(30) NOT NULL, "actie" VARCHAR(40) NOT NULL, '
            '"door_id" INTEGER, "op" DATETIME NOT NULL, "toelichting" TEXT NOT NULL, FOREIGN KEY '
            '("dossier_id") REFERENCES "dossier" ("id") ON DELETE CASCADE, FOREIGN KEY ("door_id") '
            'REFERENCES "user" ("id"))',
            'CREATE INDEX "overgang_dossier_id" ON "overgang" ("dossier_id")',
            'CREATE INDEX "overgang_door_id" ON "overgang" ("door_id")',
            'CREATE INDEX "overgang_op" ON "overgang" ("op")',
            'CREATE TABLE "parketcheck" ("id" INTEGER NOT NULL PRIMARY KEY, "dossier_id" INTEGER '
            'NOT NULL, "gevraagd_door_id" INTEGER NOT NULL, "gevraagd_op" DATETIME NOT NULL, '
            '"beantwoord_door_id" INTEGER, "beantwoord_op" DATETIME, "uitkomst" VARCHAR(20), '
            '"beperkingen" TEXT NOT NULL, "reden" TEXT NOT NULL, FOREIGN KEY ("dossier_id") '
            'REFERENCES "dossier" ("id") ON DELETE CASCADE, FOREIGN KEY ("gevraagd_door_id") '
            'REFERENCES "user" ("id"), FOREIGN KEY ("beantwoord_door_id") REFERENCES "user" '
            '("id"))',
            'CREATE INDEX "parketcheck_dossier_id" ON "parketcheck" ("dossier_id")',
            'CREATE INDEX "parketcheck_gevraagd_door_id" ON "parketcheck" ("gevraagd_door_id")',
            'CREATE INDEX "parketcheck_beantwoord_door_id" ON "parketcheck" ("beantwoord_door_id")',
            'CREATE TABLE "overleg" ("id" INTEGER NOT NULL PRIMARY KEY, "team_id" INTEGER NOT '
            'NULL, "datum" DATETIME NOT NULL, "plaats" VARCHAR(160) NOT NULL, "voorzitter_id" '
            'INTEGER, "afgesloten" INTEGER NOT NULL, "aangemaakt_op" DATETIME NOT NULL, FOREIGN '
            'KEY ("team_id") REFERENCES "team" ("id"), FOREIGN KEY ("voorzitter_id") REFERENCES '
            '"user" ("id"))',
            'CREATE INDEX "overleg_team_id" ON "overleg" ("team_id")',
            'CREATE INDEX "overleg_datum" ON "overleg" ("datum")',
            'CREATE INDEX "overleg_voorzitter_id" ON "overleg" ("voorzitter_id")',
            'CREATE TABLE "overleg_deelnemer" ("id" INTEGER NOT NULL PRIMARY KEY, "overleg_id" '
            'INTEGER NOT NULL, "user_id" INTEGER NOT NULL, FOREIGN KEY ("overleg_id") REFERENCES '
            '"overleg" ("id") ON DELETE CASCADE, FOREIGN KEY ("user_id") REFERENCES "user" ("id"))',
            'CREATE INDEX "overleg_deelnemer_overleg_id" ON "overleg_deelnemer" ("overleg_id")',
            'CREATE INDEX "overleg_deelnemer_user_id" ON "overleg_deelnemer" ("user_id")',
            'CREATE UNIQUE INDEX "overleg_deelnemer_overleg_id_user_id" ON "overleg_deelnemer" '
            '("overleg_id", "user_id")',
            'CREATE TABLE "agendapunt" ("id" INTEGER NOT NULL PRIMARY KEY, "overleg_id" INTEGER '
            'NOT NULL, "dossier_id" INTEGER NOT NULL, "volgorde" INTEGER NOT NULL, "bespreking" '
            'TEXT NOT NULL, "besproken" INTEGER NOT NULL, FOREIGN KEY ("overleg_id") REFERENCES '
            '"overleg" ("id") ON DELETE CASCADE, FOREIGN KEY ("dossier_id") REFERENCES "dossier" '
            '("id"))',
            'CREATE INDEX "agendapunt_overleg_id" ON "agendapunt" ("overleg_id")',
            'CREATE INDEX "agendapunt_dossier_id" ON "agendapunt" ("dossier_id")',
            'CREATE UNIQUE INDEX "agendapunt_overleg_id_dossier_id" ON "agendapunt" ("overleg_id", '
            '"dossier_id")',
            'CREATE TABLE "bijdrage" ("id" INTEGER NOT NULL PRIMARY KEY, "dossier_id" INTEGER NOT '
            'NULL, "overleg_id" INTEGER, "auteur_id" INTEGER NOT NULL, "organisatie_id" INTEGER, '
            '"inhoud" TEXT NOT NULL, "rechtsgrond" VARCHAR(300) NOT NULL, "deelnemers" TEXT NOT '
            'NULL, "aangemaakt_op" DATETIME NOT NULL, "vorige_id" INTEGER, "actueel" INTEGER NOT '
            'NULL, FOREIGN KEY ("dossier_id") REFERENCES "dossier" ("id"), FOREIGN KEY '
            '("overleg_id") REFERENCES "overleg" ("id"), FOREIGN KEY ("auteur_id") REFERENCES '
            '"user" ("id"), FOREIGN KEY ("organisatie_id") REFERENCES "organisatie" ("id"), '
            'FOREIGN KEY ("vorige_id") REFERENCES "bijdrage" ("id"))',
            'CREATE INDEX "bijdrage_dossier_id" ON "bijdrage" ("dossier_id")',
            'CREATE INDEX "bijdrage_overleg_id" ON "bijdrage" ("overleg_id")',
            'CREATE INDEX "bijdrage_auteur_id" ON "bijdrage" ("auteur_id")',
            'CREATE INDEX "bijdrage_organisatie_id" ON "bijdrage" ("organisatie_id")',
            'CREATE INDEX "bijdrage_vorige_id" ON "bijdrage" ("vorige_id")',
            'CREATE INDEX "bijdrage_actueel" ON "bijdrage" ("actueel")',
            'CREATE TABLE "besluit" ("id" INTEGER NOT NULL PRIMARY KEY, "dossier_id" INTEGER, '
            '"aanmelding_id" INTEGER, "overleg_id" INTEGER, "uitkomst" VARCHAR(20) NOT NULL, '
            '"regisseur_id" INTEGER, "motivering" TEXT NOT NULL, "beslist_door_id" INTEGER NOT '
            'NULL, "beslist_op" DATETIME NOT NULL, FOREIGN KEY ("dossier_id") REFERENCES "dossier" '
            '("id"), FOREIGN KEY ("aanmelding_id") REFERENCES "aanmelding" ("id"), FOREIGN KEY '
            '("overleg_id") REFERENCES "overleg" ("id"), FOREIGN KEY ("regisseur_id") REFERENCES '
            '"user" ("id"), FOREIGN KEY ("beslist_door_id") REFERENCES "user" ("id"))',
            'CREATE INDEX "besluit_dossier_id" ON "besluit" ("dossier_id")',
            'CREATE INDEX "besluit_aanmelding_id" ON "besluit" ("aanmelding_id")',
            'CREATE INDEX "besluit_overleg_id" ON "besluit" ("overleg_id")',
            'CREATE INDEX "besluit_regisseur_id" ON "besluit" ("regisseur_id")',
            'CREATE INDEX "besluit_beslist_door_id" ON "besluit" ("beslist_door_id")',
            'CREATE INDEX "besluit_beslist_op" ON "besluit" ("beslist_op")',
            'CREATE TABLE "brief" ("id" INTEGER NOT NULL PRIMARY KEY, "aanmelding_id" INTEGER NOT '
            'NULL, "dossier_id" INTEGER, "aan_id" INTEGER NOT NULL, "onderwerp" VARCHAR(200) NOT '
            'NULL, "inhoud" TEXT NOT NULL, "html" TEXT NOT NULL, "aangemaakt_op" DATETIME NOT '
            'NULL, "verzonden_op" DATETIME, "verzonden_door_id" INTEGER, FOREIGN KEY '
            '("aanmelding_id") REFERENCES "aanmelding" ("id"), FOREIGN KEY ("dossier_id") '
            'REFERENCES "dossier" ("id"), FOREIGN KEY ("aan_id") REFERENCES "user" ("id"), FOREIGN '
            'KEY ("verzonden_door_id") REFERENCES "user" ("id"))',
            'CREATE INDEX "brief_aanmelding_id" ON "brief" ("aanmelding_id")',
            'CREATE INDEX "brief_dossier_id" ON "brief" ("dossier_id")',
            'CREATE INDEX "brief_aan_id" ON "brief" ("aan_id")',
            'CREATE INDEX "brief_verzonden_door_id" ON "brief" ("verzonden_door_id")',
            'CREATE TABLE "audit_event" ("id" INTEGER NOT NULL PRIMARY KEY, "op" DATETIME NOT '
            'NULL, "user_id" INTEGER, "user_email" VARCHAR(254) NOT NULL, "actie" VARCHAR(60) NOT '
            'NULL, "object_type" VARCHAR(40) NOT NULL, "object_id" INTEGER, "dossier_id" INTEGER, '
            '"ip" VARCHAR(64) NOT NULL, "details" TEXT NOT NULL, "prev_hash" VARCHAR(64) NOT NULL, '
            '"hash" VARCHAR(64) NOT NULL)',
            'CREATE INDEX "audit_event_op" ON "audit_event" ("op")',
            'CREATE INDEX "audit_event_user_id" ON "audit_event" ("user_id")',
            'CREATE INDEX "audit_event_dossier_id" ON "audit_event" ("dossier_id")']}


def up(migrator, db):
    for statement in SQL[dialect(migrator)]:
        db.execute_sql(statement)

