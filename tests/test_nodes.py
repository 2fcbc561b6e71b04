"""Two nodes on one database: two gunicorn processes on loopback ports, requests alternating
between them. A login on one node holds on the other, a form fetched from one is accepted by the
other (CSRF), and both write one audit chain that still verifies."""
from __future__ import annotations

import contextlib
import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from kit import PASSWORD, maak_aanmelding

from vh import audit
from vh.db import db
from vh.models import AuditEvent, Team

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Node:
    def __init__(self, url: str):
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "VH_DATABASE_URL": url, "VH_SECRET_KEY": "twee-nodes-een-geheim-" + "x" * 20,
               "VH_ACCESS_LOG": "/dev/null"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--workers", "1",
             "--bind", f"127.0.0.1:{self.port}", "wsgi:app"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def wait(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.base + "/health", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:  # not up yet (refused, reset or timed out)
                time.sleep(0.2)
        self.proc.kill()
        raise AssertionError("node did not start: " + self.proc.stderr.read().decode()[-2000:])

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@contextlib.contextmanager
def two_nodes(url: str):
    """Two nodes on the database at `url`, stopped afterwards; the test's own connection is closed
    meanwhile (the nodes are the ones working) and opened again after."""
    db.close()
    pair = [Node(url), Node(url)]
    try:
        for node in pair:
            node.wait()
        yield pair
    finally:
        for node in pair:
            node.stop()
        db.connect(reuse_if_open=True)


class Browser:
    """One user's cookies, sent to whichever node is asked."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, node: Node, path: str) -> tuple[int, str]:
        with self.opener.open(node.base + path, timeout=10) as r:
            return r.status, r.read().decode()

    def post(self, node: Node, path: str, data: dict) -> tuple[int, str]:
        body = urllib.parse.urlencode(data, doseq=True).encode()
        try:
            with self.opener.open(node.base + path, data=body, timeout=10) as r:
                return r.status, r.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


def _csrf(html: str) -> str:
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)


def test_two_nodes_share_sessions_csrf_and_one_audit_chain(app, tmp_path):
    a = maak_aanmelding()  # a referral for the coordinator, before the nodes start
    team_id = Team.get(Team.naam == "Veilig Huis Oost-Brabant").id
    events_before = AuditEvent.select().count()
    with two_nodes(app.config["DATABASE_URL"]) as (een, twee):
        browser = Browser()
        _, login_page = browser.get(een, "/login")  # the form from node 1 ...
        status, home = browser.post(twee, "/login", {  # ... posted to node 2
            "csrf_token": _csrf(login_page), "email": "coordinator@vh.test", "password": PASSWORD})
        assert status == 200 and "Uitloggen" in home
        status, html = browser.get(een, f"/ontvangst/{a.id}")  # the session holds on node 1
        assert status == 200 and a.nummer in html
        status, instellingen = browser.get(twee, f"/ontvangst/team/{team_id}")
        status, _ = browser.post(een, f"/ontvangst/team/{team_id}",
                                 {"csrf_token": _csrf(instellingen), "pauze": "ja"})
        assert status == 200
        status, _ = browser.post(twee, f"/ontvangst/team/{team_id}",
                                 {"csrf_token": "vervalst", "pauze": "nee"})
        assert status == 400  # a forged token is refused on either node
    assert Team.get_by_id(team_id).parket_pauze
    assert AuditEvent.select().count() > events_before + 2  # login, reads and the change, both nodes
    assert audit.verify()[0]
