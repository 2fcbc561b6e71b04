"""Throughput of the busiest pages against a bare Flask hello world on the same gunicorn, side by
side in one run: gunicorn with 2 sync workers, `wrk -t2 -c16`, logged in as the coordinator, on
the demo data and again after 1 000 more police interventions. Prints requests/s, latency and
the ratio to hello world for the login page, the triage board and a dossier page; then, in
process, what the audit write of a read costs on the dossier page (with and without it).

    python bench/bench_doorvoer.py [seconds per URL, default 8]

Needs wrk (Debian: apt-get install wrk). Uses a fresh temporary SQLite database; with
VH_BENCH_DATABASE_URL set, also PostgreSQL (that database's public schema is dropped!).
"""
from __future__ import annotations

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_politie_import import bestand  # noqa: E402

from vh import audit, create_app, migrations  # noqa: E402
from vh.aanmelding import politie as pi  # noqa: E402
from vh.db import db, is_sqlite  # noqa: E402
from vh.demo import load  # noqa: E402
from vh.models import Dossier, User  # noqa: E402

PASSWORD = "bench-wachtwoord-123"
HELLO = "from flask import Flask\napp = Flask(__name__)\n\n\n@app.route('/')\ndef hello():\n    return 'Hello, World!'\n"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _gunicorn(app: str, env: dict, cwd: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "gunicorn", "--workers", "2", "--worker-class", "sync",
                             "--bind", f"127.0.0.1:{port}", "--access-logfile", "/dev/null",
                             "--error-logfile", "/dev/null", app], cwd=cwd, env=env)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(base + "/", timeout=1)
            break
        except urllib.error.HTTPError:
            break  # it answers
        except OSError:
            time.sleep(0.1)
    return proc, base


def _wrk(url: str, seconds: int, cookie: str | None = None) -> tuple[float, str]:
    args = ["wrk", "-t2", "-c16", f"-d{seconds}s", "--latency", url]
    if cookie:
        args += ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    latency = re.search(r"Latency\s+([\d.]+\w+)", out).group(1)
    fouten = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if fouten:
        raise SystemExit(f"{url}: {fouten.group(1)} antwoorden met een fout")
    return rps, latency


def _login(base: str) -> str:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    html = opener.open(base + "/login").read().decode()
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)
    opener.open(base + "/login", urllib.parse.urlencode(
        {"csrf_token": token, "email": "coordinator@vh.test", "password": PASSWORD}).encode())
    return "; ".join(f"{c.name}={c.value}" for c in jar)


def _vul(url: str, politie: int) -> int:
    """Migrate and load the demo data (and `politie` more interventions); the id of a dossier."""
    app = create_app({"DATABASE_URL": url, "VH_DEMO_PASSWORD": PASSWORD})
    with app.app_context(), db.connection_context():
        if not is_sqlite():
            db.execute_sql("DROP SCHEMA public CASCADE")
            db.execute_sql("CREATE SCHEMA public")
        migrations.apply()
        load(PASSWORD)
        if politie:
            # about 2.4 rows an intervention; new PV numbers so they are not "al ingevoerd"
            data = bestand(int(politie * 2.4)).replace(b"LE.55.L1.", b"LE.77.L7.")
            pi.importeer(data, User.get(User.email == "politie@vh.test"), "bench.csv", "text/csv")
        return Dossier.select(Dossier.id).where(Dossier.spoor.is_null(False)).order_by(Dossier.id).first().id


def _audit_kost(url: str, dossier_id: int, n: int = 200) -> tuple[float, float]:
    """ms per dossier page in process, with the audit write of the read and without it."""
    app = create_app({"DATABASE_URL": url, "WTF_CSRF_ENABLED": False})
    client = app.test_client()
    client.post("/login", data={"email": "coordinator@vh.test", "password": PASSWORD})
    client.get(f"/dossiers/{dossier_id}")

    def meet() -> float:
        t0 = time.perf_counter()
        for _ in range(n):
            assert client.get(f"/dossiers/{dossier_id}").status_code == 200
        return (time.perf_counter() - t0) / n * 1000

    met = meet()
    echt = audit.record
    audit.record = lambda *a, **k: None
    try:
        zonder = meet()
    finally:
        audit.record = echt
    return met, zonder


def run(url: str, seconds: int, tmp: Path) -> None:
    soort = "SQLite" if url.startswith("sqlite") else "PostgreSQL"
    (tmp / "hello.py").write_text(HELLO)
    env = {**os.environ, "VH_DATABASE_URL": url, "VH_SECRET_KEY": "bench-" * 8, "PYTHONPATH": str(ROOT)}
    hello, hello_base = _gunicorn("hello:app", env, tmp)
    try:
        for politie in (0, 1000):
            dossier_id = _vul(url, politie)
            vh_proc, base = _gunicorn("wsgi:app", env, ROOT)
            try:
                cookie = _login(base)
                basis, _ = _wrk(hello_base + "/", seconds)
                print(f"\n{soort}, demo data{' + 1 000 politie-interventies' if politie else ''}: "
                      f"hello world {basis:,.0f} req/s")
                for naam, pad, met_cookie in (("login", "/login", False), ("triagebord", "/triage", True),
                                              ("dossier", f"/dossiers/{dossier_id}", True)):
                    rps, latency = _wrk(base + pad, seconds, cookie if met_cookie else None)
                    print(f"  {naam:<11} {rps:8,.0f} req/s  {latency:>8}  {rps / basis:6.1%} van hello world")
            finally:
                vh_proc.terminate()
                vh_proc.wait()
            met, zonder = _audit_kost(url, dossier_id)
            print(f"  dossierpagina in proces: {met:.1f} ms met audit, {zonder:.1f} ms zonder "
                  f"(audit {(met - zonder) / met:.0%} van de pagina)")
    finally:
        hello.terminate()
        hello.wait()


if __name__ == "__main__":
    seconds = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    with tempfile.TemporaryDirectory() as tmp:
        run(f"sqlite:///{tmp}/bench.sqlite3", seconds, Path(tmp))
        if os.environ.get("VH_BENCH_DATABASE_URL"):
            run(os.environ["VH_BENCH_DATABASE_URL"], seconds, Path(tmp))
