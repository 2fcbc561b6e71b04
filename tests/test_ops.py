"""Operations: /health for a load balancer, static files under hashed names cached for a year,
compressed pages within their byte budget, and backup/restore on SQLite and PostgreSQL."""
from __future__ import annotations

import re

import pytest
from kit import HX, maak_aanmelding, maak_dossier

from vh.db import db, is_sqlite
from vh.models import Aanmelding, Team


# ---------------------------------------------------------------- /health
def test_health_says_ok_without_login_and_without_data(client):
    r = client.get("/health")
    assert r.status_code == 200 and r.get_json() == {"status": "ok"}
    assert "Set-Cookie" not in r.headers


def test_health_is_503_when_a_migration_is_missing(client):
    from vh.migrations import SchemaMigratie
    SchemaMigratie.delete().where(SchemaMigratie.naam == "m0010_casusregie").execute()
    r = client.get("/health")
    assert r.status_code == 503 and r.get_json() == {"status": "fout", "reden": "migraties niet toegepast",
                                                     "migraties": 1}


def test_health_is_503_when_the_database_is_unreachable(app, client):
    app.config["DATABASE_URL"] = "sqlite:////nonexistent-dir/vh.sqlite3"
    from vh.db import open_database
    open_database(app.config["DATABASE_URL"])
    r = client.get("/health")
    assert r.status_code == 503 and r.get_json()["reden"] == "database niet bereikbaar"


# ---------------------------------------------------------------- static files and compression
def _assets(html: str) -> list[str]:
    return re.findall(r'(?:href|src)="(/static/[^"]+)"', html)


def test_static_files_have_hashed_names_and_are_immutable(client):
    assets = _assets(client.get("/login").text)
    assert len(assets) == 3 and all(re.search(r"\.[0-9a-f]{10}\.(css|js)$", a) for a in assets), assets
    for url in assets:
        r = client.get(url, headers={"Accept-Encoding": "br, gzip"})
        assert r.status_code == 200 and r.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert r.headers["Content-Encoding"] == "br" and "Accept-Encoding" in r.headers["Vary"]
        again = client.get(url, headers={"Accept-Encoding": "br, gzip", "If-None-Match": r.headers["ETag"]})
        assert again.status_code == 304
        gzip = client.get(url, headers={"Accept-Encoding": "gzip"})
        assert gzip.headers["Content-Encoding"] == "gzip"
        plain = client.get(url)
        assert "Content-Encoding" not in plain.headers and len(plain.data) > len(r.data)
    # the plain name still works (an old page in a cache), revalidated as usual
    assert client.get("/static/app.css").status_code == 200


def _transferred(client, url: str) -> int:
    r = client.get(url, headers={"Accept-Encoding": "br, gzip"})
    assert r.status_code == 200, url
    return len(r.data)


def test_a_first_load_is_at_most_40_kb_and_a_next_page_12_kb(client, login):
    eerste = _transferred(client, "/login")
    eerste += sum(_transferred(client, a) for a in _assets(client.get("/login").text))
    assert eerste <= 40_000, eerste
    login("coordinator")
    for _ in range(3):
        maak_dossier("te_bespreken")
    d = maak_dossier("dossiervorming")
    for url in ("/", "/triage", f"/dossiers/{d.id}", "/dossiers"):
        n = _transferred(client, url)
        assert n <= 12_000, (url, n)
    r = client.get("/triage", headers={"Accept-Encoding": "gzip", **HX})
    assert r.headers.get("Content-Encoding") == "gzip"


# ---------------------------------------------------------------- backup and restore
def test_backup_and_restore_give_back_the_database(app, tmp_path):
    from vh.backup import backup, restore
    url = app.config["DATABASE_URL"]
    a = maak_aanmelding()
    bestand = backup(url, tmp_path / ("vh.sqlite3" if is_sqlite() else "vh.dump"))
    assert bestand.stat().st_size > 0
    Team.update(straat="Gewijzigd na de back-up").execute()
    maak_aanmelding()
    aantal = Aanmelding.select().count()
    restore(url, bestand)
    db.connect(reuse_if_open=True)
    assert Aanmelding.select().count() == aantal - 1 and Aanmelding.get_by_id(a.id).nummer == a.nummer
    assert not Team.select().where(Team.straat == "Gewijzigd na de back-up").exists()
    from vh import audit
    assert audit.verify()[0]


def test_the_backup_commands_say_what_they_did(app, tmp_path):
    runner = app.test_cli_runner()
    bestand = tmp_path / "kopie.bak"
    r = runner.invoke(args=["backup", str(bestand)])
    assert r.exit_code == 0 and "Back-up geschreven" in r.output, r.output
    r = runner.invoke(args=["restore", str(bestand), "--ja"])
    assert r.exit_code == 0 and "teruggezet" in r.output, r.output
    r = runner.invoke(args=["restore", str(tmp_path / "bestaat-niet.bak"), "--ja"])
    assert r.exit_code != 0


@pytest.mark.parametrize("ok", [True])
def test_gunicorn_config_logs_no_query_strings(ok):
    import runpy
    conf = runpy.run_path("gunicorn.conf.py")
    assert "%(U)s" in conf["access_log_format"] and "%(r)s" not in conf["access_log_format"]
    assert "%(q)s" not in conf["access_log_format"] and conf["workers"] >= 2 and conf["timeout"] >= 30


# ---------------------------------------------------------------- application logs
def test_json_log_lines_carry_the_route_pattern_and_user_id_never_the_path(app, client, login):
    import json
    import logging

    from vh.applog import JsonFormatter
    login("coordinator")
    d = maak_dossier("te_bespreken")
    with app.test_request_context(f"/dossiers/{d.id}?zoek=Peggy+Claes"):
        app.preprocess_request()
        from flask import request
        request.url_rule = app.url_map.bind("x").match(f"/dossiers/{d.id}", return_rule=True)[0]
        try:
            raise ValueError("Peggy Claes")  # an exception text may quote dossier data
        except ValueError:
            record = logging.LogRecord("vh", logging.ERROR, __file__, 1, "onverwachte fout", (),
                                       exc_info=__import__("sys").exc_info())
        regel = json.loads(JsonFormatter().format(record))
    assert regel["route"] == "/dossiers/<int:dossier_id>" and regel["methode"] == "GET"
    assert regel["fout"] == "ValueError" and "Peggy" not in json.dumps(regel)
