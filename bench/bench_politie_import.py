"""Benchmark the police CSV import at its row limit: a 40 000-row file (2 or 3 persons per PV,
about 17 000 interventions, 4.4 MB: under the 5 MB upload limit) into a fresh temporary SQLite
database, through the real code path (lees → ontleed → short transactions of bulk inserts, with
audit). Prints the time, rows/s and the longest single transaction, which is how long other users'
writes may have to wait (SQLite's busy_timeout is 5 s; gunicorn's worker timeout 30 s). Also
against PostgreSQL when VH_BENCH_DATABASE_URL is set (that database's public schema is dropped
and recreated!).

    python bench/bench_politie_import.py [rows]
"""
from __future__ import annotations

import io
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from vh import create_app, migrations  # noqa: E402
from vh.aanmelding import politie as pi  # noqa: E402
from vh.beheer.referentie import load_gemeenten  # noqa: E402
from vh.db import db, is_sqlite  # noqa: E402
from vh.demo import basis  # noqa: E402
from vh.models import Aanmelding, Persoon, User  # noqa: E402

POSTCODES = ["3000", "3001", "3010", "3012", "3018", "3020", "1500", "1800", "3200", "3290"]
ROLLEN = ["slachtoffer", "pleger", "kind-getuige"]


def bestand(rijen: int) -> bytes:
    regels = [",".join(pi.KOLOMMEN)]
    n = 0
    pv_nr = 0
    while n < rijen:
        pv_nr += 1
        pv = f"LE.55.L1.{pv_nr:06d}/2026"
        for i, rol in enumerate(ROLLEN[: 2 if pv_nr % 3 else 3]):
            if n >= rijen:
                break
            oms = '"Ruzie, met slagen"' if i == 0 else ""
            regels.append(f"{pv},2026-03-{1 + pv_nr % 28:02d},partnergeweld,{oms},{rol},Voornaam{pv_nr}{i},"
                          f"Achternaam-{pv_nr},19{50 + pv_nr % 50}-0{1 + i}-1{i},{POSTCODES[pv_nr % 10]}")
            n += 1
    return ("\ufeff" + "\n".join(regels) + "\n").encode("utf-8")


def run(url: str, rijen: int) -> None:
    app = create_app({"DATABASE_URL": url, "TESTING": True, "SECRET_KEY": "bench" * 8,
                      "WTF_CSRF_ENABLED": False})
    with app.app_context(), db.connection_context():
        if not is_sqlite():
            db.execute_sql("DROP SCHEMA public CASCADE")
            db.execute_sql("CREATE SCHEMA public")
        migrations.apply()
        load_gemeenten()
        with db.atomic():
            basis._teams()
            basis._organisaties()
            basis._accounts("bench-wachtwoord-123")
        politie = User.get(User.email == "politie@vh.test")
        data = bestand(rijen)
        t0 = time.perf_counter()
        verslag = pi.importeer(data, politie, "bench.csv", "text/csv")
        t1 = time.perf_counter()
        tweede = pi.importeer(data, politie, "bench.csv", "text/csv")
        t2 = time.perf_counter()
        imp = verslag.import_
        assert imp.afgekeurd == 0 and imp.nieuw == Aanmelding.select().count(), (imp.afgekeurd, imp.nieuw)
        assert Persoon.select().count() == rijen and tweede.import_.nieuw == 0
        assert len(data) < app.config["MAX_CONTENT_LENGTH"] and rijen <= pi.MAX_RIJEN
    # Through HTTP as well: upload to the real view a file of the same size with
    # new PV numbers, so that the request does the full insert (multipart parsing included).
    client = app.test_client()
    assert client.post("/login", data={"email": "politie@vh.test",
                                       "password": "bench-wachtwoord-123"}).status_code == 303
    vers = data.replace(b"LE.55.L1.", b"LE.99.L9.")
    t3 = time.perf_counter()
    r = client.post("/aanmelden/politie-import", content_type="multipart/form-data",
                    data={"bestand": (io.BytesIO(vers), "bench.csv", "text/csv")})
    t4 = time.perf_counter()
    assert r.status_code == 303, r.status_code
    assert "0 waren al ingevoerd" in client.get(r.headers["Location"]).text
    with app.app_context(), db.connection_context():
        soort = "SQLite" if is_sqlite() else "PostgreSQL"
        print(f"{soort}: {rijen} rijen ({len(data) / 1024:.0f} kB), {imp.nieuw} interventies in "
              f"{t1 - t0:.2f} s = {rijen / (t1 - t0):,.0f} rijen/s, {verslag.transacties} transacties, "
              f"langste {verslag.langste_transactie * 1000:.0f} ms; opnieuw (0 nieuw, "
              f"{tweede.import_.al_ingevoerd} al ingevoerd) in {t2 - t1:.2f} s, langste transactie "
              f"{tweede.langste_transactie * 1000:.0f} ms; via HTTP-upload (nieuw bestand) "
              f"{t4 - t3:.2f} s = {rijen / (t4 - t3):,.0f} rijen/s")


if __name__ == "__main__":
    rijen = int(sys.argv[1]) if len(sys.argv) > 1 else pi.MAX_RIJEN
    with tempfile.TemporaryDirectory() as tmp:
        run(f"sqlite:///{tmp}/bench.sqlite3", rijen)
    if os.environ.get("VH_BENCH_DATABASE_URL"):
        run(os.environ["VH_BENCH_DATABASE_URL"], rijen)
