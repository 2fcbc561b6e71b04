"""The one database handle: SQLite (embedded default) or PostgreSQL, from one URL."""
from peewee import DatabaseProxy, SqliteDatabase
from playhouse.db_url import connect

db = DatabaseProxy()

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "synchronous": "normal",
}


def open_database(url: str):
    """Bind the proxy to the database named by `url` and return it."""
    database = connect(url, pragmas=SQLITE_PRAGMAS) if url.startswith("sqlite") else connect(url)
    db.initialize(database)
    return database


def is_sqlite() -> bool:
    return isinstance(db.obj, SqliteDatabase)


def init_app(app) -> None:
    open_database(app.config["DATABASE_URL"])

    @app.before_request
    def _connect():
        from flask import request
        if request.blueprint != "health":  # /health connects itself, to say 503 when it cannot
            db.connect(reuse_if_open=True)

    @app.teardown_request
    def _close(exc):
        if not db.is_closed():
            db.close()
