"""Fixtures like flaskr's: one app per session, and per test a fresh copy of a database seeded
once per session (temp SQLite file, or a database made from a template on VH_TEST_DATABASE_URL);
a client and a login helper per role. The demo accounts and organisations exist in every test.
Helpers, constants and builders live in tests/kit.py (`from kit import ...`)."""
from __future__ import annotations

import pytest
from kit import PASSWORD, ROLE_USERS, drop_seed, fresh_database, seeded_app, settings
from smtp import Postbus

from vh import create_app
from vh.db import db
from vh.models import User


def pytest_configure(config):
    config.addinivalue_line("markers", "fresh_app: this test gets an app of its own (e.g. it adds routes)")


@pytest.fixture(scope="session")
def _session_app(tmp_path_factory):
    app = create_app(settings(fresh_database(tmp_path_factory.mktemp("session"))))
    yield app
    drop_seed()


@pytest.fixture
def app(request, tmp_path):
    """The session's app on this test's own copy of the seeded database. Its config is restored
    after the test; a test marked `fresh_app` (one that adds routes) gets an app of its own."""
    if request.node.get_closest_marker("fresh_app"):
        own = seeded_app(tmp_path)
        yield own
    else:
        app = request.getfixturevalue("_session_app")
        saved = app.config.copy()
        app.config["DATABASE_URL"] = fresh_database(tmp_path)
        yield app
        app.config.clear()
        app.config.update(saved)
    if not db.is_closed():
        db.close()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def user():
    """user("coordinator") → the User of that role's demo account."""
    return lambda role: User.get(User.email == ROLE_USERS.get(role, role))


@pytest.fixture
def login(client):
    """login("coordinator") logs the test client in as that role's demo account."""
    def _login(role: str, c=None):
        c = c or client
        response = c.post("/login", data={"email": ROLE_USERS.get(role, role), "password": PASSWORD})
        assert response.status_code == 303, response.get_data(as_text=True)[:500]
        return c
    return _login


@pytest.fixture
def postbus(app):
    """A real SMTP server (aiosmtpd on 127.0.0.1, a free port) and the app set to send to it;
    `postbus.berichten` holds what arrived (tests/smtp.py)."""
    server = Postbus()
    app.config.update(server.config())
    yield server
    server.stop()
