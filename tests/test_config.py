"""Settings from the environment: safe defaults, and a production instance that refuses to start
unsafe, saying why in Dutch."""
from __future__ import annotations

import pytest

from vh import config as vh_config
from vh import create_app

GOOD_KEY = "een-lange-geheime-sleutel-van-meer-dan-32-tekens"


@pytest.fixture(autouse=True)
def clean_env(monkeypatch):
    for name in ("VH_ENV", "VH_SECRET_KEY", "VH_SECURE_COOKIES", "VH_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)


def test_production_refuses_the_dev_secret_key(monkeypatch):
    monkeypatch.setenv("VH_ENV", "production")
    with pytest.raises(vh_config.ConfigError) as error:
        create_app()
    message = str(error.value)
    assert message.startswith("De app start niet in productie")
    assert "VH_SECRET_KEY ontbreekt of is te kort" in message


@pytest.mark.parametrize("key", [vh_config.DEV_SECRET_KEY, "kort"])
def test_production_refuses_a_weak_key_given_explicitly(monkeypatch, key):
    monkeypatch.setenv("VH_ENV", "production")
    monkeypatch.setenv("VH_SECRET_KEY", key)
    with pytest.raises(vh_config.ConfigError, match="VH_SECRET_KEY"):
        create_app()


def test_production_refuses_cookies_without_https(monkeypatch):
    monkeypatch.setenv("VH_ENV", "production")
    monkeypatch.setenv("VH_SECRET_KEY", GOOD_KEY)
    monkeypatch.setenv("VH_SECURE_COOKIES", "0")
    with pytest.raises(vh_config.ConfigError) as error:
        create_app()
    assert "cookies moeten over HTTPS gaan" in str(error.value)
    assert "VH_SECRET_KEY" not in str(error.value)


def test_production_starts_when_safe(monkeypatch, tmp_path):
    monkeypatch.setenv("VH_ENV", "production")
    monkeypatch.setenv("VH_SECRET_KEY", GOOD_KEY)
    monkeypatch.setenv("VH_DATABASE_URL", f"sqlite:///{tmp_path}/prod.sqlite3")
    app = create_app()
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["REMEMBER_COOKIE_SECURE"]
    assert app.config["PREFERRED_URL_SCHEME"] == "https"
    assert app.config["SECRET_KEY"] == GOOD_KEY


def test_defaults_are_sqlite_under_instance(tmp_path):
    settings = vh_config.from_env(str(tmp_path / "instance"))
    assert settings["DATABASE_URL"] == f"sqlite:///{tmp_path}/instance/vh.sqlite3"
    assert settings["VH_ENV"] == "development"
    assert settings["WTF_CSRF_ENABLED"] is True
    assert settings["SESSION_COOKIE_HTTPONLY"] is True and settings["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert settings["SESSION_COOKIE_SECURE"] is False  # development runs on plain http://localhost


def test_app_default_database_is_in_its_instance_folder():
    app = create_app()
    assert app.config["DATABASE_URL"] == "sqlite:///" + app.instance_path + "/vh.sqlite3"
    assert app.instance_path.endswith("instance")


def test_database_url_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("VH_DATABASE_URL", "sqlite:////srv/vh/vh.sqlite3")
    assert vh_config.from_env(str(tmp_path))["DATABASE_URL"] == "sqlite:////srv/vh/vh.sqlite3"


def test_postgresql_goes_through_a_connection_pool(monkeypatch, tmp_path):
    from vh.backup import _pg_url
    from vh.config import from_env
    monkeypatch.setenv("VH_DATABASE_URL", "postgresql://vh:geheim@db.example:5432/vh")
    url = from_env(str(tmp_path))["DATABASE_URL"]
    assert url == "postgresql+pool://vh:geheim@db.example:5432/vh?max_connections=8&stale_timeout=300"
    assert _pg_url(url) == "postgresql://vh:geheim@db.example:5432/vh"  # what pg_dump is given
    monkeypatch.setenv("VH_DB_POOL", "0")
    assert from_env(str(tmp_path))["DATABASE_URL"] == "postgresql://vh:geheim@db.example:5432/vh"
    monkeypatch.setenv("VH_DATABASE_URL", "sqlite:///x.sqlite3")
    monkeypatch.delenv("VH_DB_POOL")
    assert from_env(str(tmp_path))["DATABASE_URL"] == "sqlite:///x.sqlite3"
