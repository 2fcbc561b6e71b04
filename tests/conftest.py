"""Fixtures like flaskr's: an app on a temp-file database (or VH_TEST_DATABASE_URL), a client,
and a login helper per role. The demo accounts and organisations exist in every test."""
from __future__ import annotations

import os

import pytest
from argon2 import PasswordHasher

from vh import create_app, migrations
from vh.auth import accounts
from vh.beheer.referentie import load_gemeenten
from vh.db import db, is_sqlite
from vh.demo import basis
from vh.models import User

PASSWORD = "demo-veilig-huis"
# One account per role of domain.md §2, from the demo data.
ROLE_USERS = {
    "aanmelder": "caw@vh.test",
    "huisarts": "huisarts@vh.test",
    "politie": "politie@vh.test",
    "coordinator": "coordinator@vh.test",
    "coordinator_hv": "coordinator-hv@vh.test",
    "parket": "parket@vh.test",
    "kernpartner": "ggz@vh.test",
    "regisseur2": "regisseur2@vh.test",
    "regisseur3": "regisseur3@vh.test",
    "beheerder": "beheer@vh.test",
    "dpo": "dpo@vh.test",
}

# Hashing with production cost makes every test slow; the algorithm stays the same.
accounts._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


def reset_database():
    if not is_sqlite():
        db.execute_sql("DROP SCHEMA public CASCADE")
        db.execute_sql("CREATE SCHEMA public")


def act_as_database_admin() -> None:
    """Drop the append-only triggers of audit_event, as only a database administrator could,
    so a test can tamper with the trail and show that the hash chain still catches it."""
    if is_sqlite():
        for name in ("audit_event_geen_wijziging", "audit_event_geen_verwijdering"):
            db.execute_sql(f"DROP TRIGGER IF EXISTS {name}")
    else:
        db.execute_sql("ALTER TABLE audit_event DISABLE TRIGGER USER")


def make_app(tmp_path, **config):
    url = os.environ.get("VH_TEST_DATABASE_URL") or f"sqlite:///{tmp_path}/test.sqlite3"
    settings = {"TESTING": True, "DATABASE_URL": url, "WTF_CSRF_ENABLED": False,
                "SECRET_KEY": "test-secret-key-that-is-long-enough-123"}
    settings.update(config)
    return create_app(settings)


def seed_base() -> None:
    """Reference data, teams, organisations and the demo accounts (no dossiers)."""
    migrations.apply()
    load_gemeenten()
    with db.atomic():
        basis._teams()
        basis._organisaties()
        basis._accounts(PASSWORD)


@pytest.fixture
def app(tmp_path):
    app = make_app(tmp_path)
    with db.connection_context():
        reset_database()
        seed_base()
    yield app
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


HX = {"HX-Request": "true", "HX-Target": "inhoud"}  # an htmx request aimed at an element
