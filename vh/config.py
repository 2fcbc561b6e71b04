"""Settings from VH_* environment variables, with safe defaults for development."""
import os
from pathlib import Path

DEV_SECRET_KEY = "dev-only-niet-in-productie"


class ConfigError(RuntimeError):
    """The configuration is unsafe; the message says why, in plain words."""


def _bool(value: str | None, default: bool) -> bool:
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "ja", "yes", "on"}


def _pooled(url: str, pool: str) -> str:
    """PostgreSQL through peewee's connection pool (PooledPostgresqlDatabase): a worker reuses its
    connections instead of opening one per request. VH_DB_POOL is the most a worker keeps open
    (0: no pool)."""
    scheme, sep, rest = url.partition("://")
    if scheme not in ("postgres", "postgresql") or not sep or pool.strip() in ("", "0"):
        return url
    query = "&" if "?" in rest else "?"
    return f"{scheme}+pool://{rest}{query}max_connections={int(pool)}&stale_timeout=300"


def from_env(instance_path: str) -> dict:
    env = os.environ
    vh_env = env.get("VH_ENV", "development")
    production = vh_env == "production"
    default_db = "sqlite:///" + str(Path(instance_path) / "vh.sqlite3")
    return {
        "VH_ENV": vh_env,
        "SECRET_KEY": env.get("VH_SECRET_KEY", DEV_SECRET_KEY),
        "DATABASE_URL": _pooled(env.get("VH_DATABASE_URL", default_db), env.get("VH_DB_POOL", "8")),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": _bool(env.get("VH_SECURE_COOKIES"), production),
        "REMEMBER_COOKIE_SECURE": _bool(env.get("VH_SECURE_COOKIES"), production),
        "REMEMBER_COOKIE_HTTPONLY": True,
        "PREFERRED_URL_SCHEME": "https" if production else "http",
        "MAX_CONTENT_LENGTH": int(env.get("VH_MAX_UPLOAD_BYTES", 5 * 1024 * 1024)),
        "WTF_CSRF_ENABLED": True,
        "WTF_CSRF_TIME_LIMIT": None,  # tied to the session; a long form must not expire
        "VH_DRAFT_RETENTION_DAYS": int(env.get("VH_DRAFT_RETENTION_DAYS", 30)),
        "VH_PARKET_WAIT_DAYS": int(env.get("VH_PARKET_WAIT_DAYS", 5)),
        "VH_DEMO_PASSWORD": env.get("VH_DEMO_PASSWORD", "demo-veilig-huis"),
        "VH_TRUSTED_PROXIES": int(env.get("VH_TRUSTED_PROXIES", 0)),
        "VH_LOG_FORMAT": env.get("VH_LOG_FORMAT", "json" if production else "tekst"),
        # flask-compress: the app's own responses (static files come precompressed, vh/statisch.py)
        "COMPRESS_MIMETYPES": ["text/html", "text/css", "text/csv", "text/plain", "application/javascript",
                               "application/json", "image/svg+xml", "text/calendar"],
        "COMPRESS_ALGORITHM": ["br", "gzip"],
        "COMPRESS_BR_LEVEL": 4,
        "COMPRESS_LEVEL": 6,
        "COMPRESS_MIN_SIZE": 500,
        **mail_settings(env),
    }


SMTP_TLS = {"starttls": 587, "ssl": 465, "uit": 25}  # VH_SMTP_TLS → its default port


def mail_settings(env) -> dict:
    """The notifications by e-mail (vh/meldingen): where the links in a mail point, the SMTP
    server (no VH_SMTP_HOST: mails stay in the outbox, shown to the beheerder), the sender, and
    the hour (Brussels) after which the daily overviews are built."""
    tls = (env.get("VH_SMTP_TLS") or "starttls").strip().lower()
    if tls not in SMTP_TLS:
        raise ConfigError(f"VH_SMTP_TLS moet starttls, ssl of uit zijn, niet {tls!r}.")
    return {
        "VH_BASE_URL": (env.get("VH_BASE_URL") or "http://127.0.0.1:5000").rstrip("/"),
        "VH_SMTP_HOST": env.get("VH_SMTP_HOST", "").strip(),
        "VH_SMTP_PORT": int(env.get("VH_SMTP_PORT") or SMTP_TLS[tls]),
        "VH_SMTP_USER": env.get("VH_SMTP_USER", ""),
        "VH_SMTP_PASSWORD": env.get("VH_SMTP_PASSWORD", ""),
        "VH_SMTP_TLS": tls,
        "VH_MAIL_FROM": env.get("VH_MAIL_FROM") or "Veilig Huis <noreply@localhost>",
        "VH_DIGEST_UUR": int(env.get("VH_DIGEST_UUR", 7)),
    }


def check_production(config: dict) -> None:
    """Refuse to start an unsafe production instance, saying why."""
    if config.get("VH_ENV") != "production":
        return
    problems = []
    if config["SECRET_KEY"] in (DEV_SECRET_KEY, "", None) or len(config["SECRET_KEY"]) < 32:
        problems.append("VH_SECRET_KEY ontbreekt of is te kort (minstens 32 tekens, niet de ontwikkelsleutel)")
    if not config.get("SESSION_COOKIE_SECURE"):
        problems.append("cookies moeten over HTTPS gaan (zet VH_SECURE_COOKIES niet op 0)")
    if config.get("VH_SMTP_PASSWORD") and config.get("VH_SMTP_TLS") == "uit":
        problems.append("het SMTP-wachtwoord mag niet onversleuteld over het net (zet VH_SMTP_TLS op starttls of ssl)")
    if config.get("VH_SMTP_HOST") and not str(config.get("VH_BASE_URL", "")).startswith("https://"):
        problems.append("de links in de e-mails moeten naar de toepassing over HTTPS wijzen (zet VH_BASE_URL, "
                        "bv. https://veiligthuis.example)")
    if problems:
        raise ConfigError("De app start niet in productie: " + "; ".join(problems) + ".")
