"""Backup and restore of the whole database, for `flask --app wsgi backup|restore`.

SQLite: the online backup API (a consistent copy while the app keeps running). PostgreSQL:
`pg_dump --format=custom` and `pg_restore --clean`, from PATH or Debian's
/usr/lib/postgresql/*/bin. Restore replaces everything: stop the app first."""
from __future__ import annotations

import glob
import shutil
import sqlite3
import subprocess
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from vh.db import db, is_sqlite


class BackupFout(RuntimeError):
    """The message says what went wrong, in Dutch."""


def _pg_tool(naam: str) -> str:
    gevonden = shutil.which(naam) or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{naam}"),
                                                      reverse=True)), None)
    if not gevonden:
        raise BackupFout(f"{naam} niet gevonden: installeer de PostgreSQL-client (postgresql-client).")
    return gevonden


POOL_PARAMETERS = {"max_connections", "stale_timeout", "timeout"}


def _pg_url(url: str) -> str:
    """The URL as libpq takes it: peewee's '+pool' scheme and pool parameters are not libpq's."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k not in POOL_PARAMETERS]
    return urlunsplit(parts._replace(scheme="postgresql", query=urlencode(query)))


def _run(args: list[str]) -> None:
    result = subprocess.run(args, capture_output=True, text=True)
    if result.returncode != 0:
        # stderr of pg_dump names tables and settings, never rows: safe to show
        raise BackupFout(f"{Path(args[0]).name} mislukte: {result.stderr.strip()[-500:]}")


def backup(url: str, doel: Path) -> Path:
    """Write a consistent copy of the database at `url` to `doel`."""
    doel = Path(doel)
    doel.parent.mkdir(parents=True, exist_ok=True)
    if is_sqlite():
        bron = db.connection()
        kopie = sqlite3.connect(doel)
        try:
            bron.backup(kopie)
        finally:
            kopie.close()
    else:
        _run([_pg_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(doel), _pg_url(url)])
    return doel


def restore(url: str, bron: Path) -> None:
    """Replace the database at `url` by the backup `bron`."""
    bron = Path(bron)
    if not bron.is_file():
        raise BackupFout(f"Het bestand {bron} bestaat niet.")
    if is_sqlite():
        kopie = sqlite3.connect(bron)
        try:
            kopie.backup(db.connection())
        finally:
            kopie.close()
    else:
        _run([_pg_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--single-transaction",
              "--dbname", _pg_url(url), str(bron)])
