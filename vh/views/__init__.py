"""One blueprint per part of the process, in the order of the process."""
from importlib import import_module

BLUEPRINTS = [
    "auth", "home", "aanmelden", "politie", "ontvangst", "parket", "triage", "overleg", "dossiers",
    "besluit", "brieven", "beheer", "audit",
]


def register_blueprints(app) -> None:
    for name in BLUEPRINTS:
        app.register_blueprint(import_module(f"{__name__}.{name}").bp)
