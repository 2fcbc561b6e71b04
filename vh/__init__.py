"""vh: the dossier system of a Flemish Veilig Huis."""
from __future__ import annotations

import builtins
import importlib
import os

from flask import Flask
from flask_compress import Compress
from flask_login import LoginManager
from flask_wtf.csrf import CSRFProtect
from htmx_flask import Htmx
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter

from . import applog
from . import config as vh_config
from . import db as vh_db

csrf = CSRFProtect()
login_manager = LoginManager()
htmx_ext = Htmx()
compress = Compress()

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
       "base-uri 'none'; object-src 'none'")


MAX_ID = 2**63 - 1  # the largest id a database column holds (BIGINT on PostgreSQL, INTEGER on SQLite)


class IdConverter(IntegerConverter):
    """Werkzeug's `int`, bounded to what a database can hold: a larger number does not match the
    route, so every `<int:…>` answers 404 instead of overflowing in the query (a 500)."""

    def __init__(self, url_map, fixed_digits=0, min=None, max=None, signed=False):  # noqa: A002
        limit = MAX_ID if max is None else builtins.min(max, MAX_ID)  # `min`, `max`: Werkzeug's names
        super().__init__(url_map, fixed_digits=fixed_digits, min=min, max=limit, signed=signed)


def create_app(config: dict | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    app.url_map.converters["int"] = IdConverter  # before any blueprint adds a route
    os.makedirs(app.instance_path, exist_ok=True)
    app.config.update(vh_config.from_env(app.instance_path))
    app.config.update(config or {})
    vh_config.check_production(app.config)
    if app.config["VH_TRUSTED_PROXIES"]:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=app.config["VH_TRUSTED_PROXIES"],
                                x_proto=app.config["VH_TRUSTED_PROXIES"])

    vh_db.init_app(app)
    csrf.init_app(app)
    htmx_ext.init_app(app)
    _init_login(app)

    from . import cli, errors, statisch, templating
    templating.init_app(app)
    errors.init_app(app)
    cli.init_app(app)
    _register_blueprints(app)
    statisch.init_app(app)
    compress.init_app(app)

    @app.after_request
    def _security_headers(response):
        h = response.headers
        h.setdefault("Content-Security-Policy", CSP)
        h.setdefault("X-Content-Type-Options", "nosniff")
        h.setdefault("Referrer-Policy", "same-origin")
        h.setdefault("X-Frame-Options", "DENY")
        h.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        if response.mimetype == "text/html":
            # Dossier pages must not linger in shared caches or the back/forward cache of a shared PC.
            h.setdefault("Cache-Control", "no-store")
        return response

    applog.init(app.config["VH_LOG_FORMAT"])
    return app


# One blueprint per screen group, in the order of the process. This is the only place that
# imports a routes module: rules, the demo and the tests never do.
BLUEPRINTS = [
    "auth.routes", "home.routes", "aanmelding.routes.formulier", "aanmelding.routes.politie",
    "ontvangst.routes", "parket.routes", "triage.routes.bord", "triage.routes.overleg",
    "dossier.routes", "triage.routes.besluit", "triage.routes.brieven", "beheer.routes",
    "auditlog.routes", "health", "meldingen.routes",
    "regie.routes", "regie.routes_vp",
]


def _register_blueprints(app: Flask) -> None:
    for name in BLUEPRINTS:
        app.register_blueprint(importlib.import_module(f"{__name__}.{name}").bp)


def _init_login(app: Flask) -> None:
    from .models import User
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Log in om verder te gaan."
    login_manager.login_message_category = "info"
    login_manager.session_protection = "strong"

    @login_manager.user_loader
    def _load(user_id: str):
        return User.get_or_none((User.id == int(user_id)) & User.actief)
