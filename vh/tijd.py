"""Time in one place: stored times are naive UTC, people live in Brussels.

Every conversion between the two, "today" in Brussels and the one rule for reading a date that a
person typed, live here, so a screen, a form, the audit filter and the demo cannot disagree.
"""
from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

BRUSSEL = ZoneInfo("Europe/Brussels")
EERSTE_JAAR = 1900  # older dates are typing errors (a year of two digits, a birth date of 1066)


def utcnow() -> dt.datetime:
    """Now as stored: naive UTC, whole seconds."""
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)


def lokaal(value: dt.datetime) -> dt.datetime:
    """A stored (naive UTC) time as Brussels wall-clock time."""
    return value.replace(tzinfo=dt.timezone.utc).astimezone(BRUSSEL)


def vandaag() -> dt.date:
    """Today's date in Brussels (not on the server's clock, which may run in UTC)."""
    return dt.datetime.now(BRUSSEL).date()


def naar_utc(datum: dt.date, tijd: dt.time = dt.time.min) -> dt.datetime:
    """Brussels wall-clock date and time → naive UTC, as stored."""
    local = dt.datetime.combine(datum, tijd, tzinfo=BRUSSEL)
    return local.astimezone(dt.timezone.utc).replace(tzinfo=None)


def dag_van(value) -> dt.date:
    """The Brussels calendar day of a stored time (a date stays itself)."""
    return lokaal(value).date() if isinstance(value, dt.datetime) else value


def maak_datum(jaar, maand, dag) -> dt.date | None:
    """A real date from three parts as typed, or None: '31 2 2026', '99999999999' and '' are None."""
    try:
        jaar, maand, dag = int(jaar), int(maand), int(dag)
        return dt.date(jaar, maand, dag)
    except (ValueError, TypeError, OverflowError):
        return None


def jaren_rond(terug: int, vooruit: int, op: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The first and last day allowed for a date planned around now: from 1 January `terug` years
    ago to 31 December `vooruit` years ahead (a meeting in year 1 or 9999 is a typing error)."""
    jaar = (op or vandaag()).year
    return dt.date(jaar - terug, 1, 1), dt.date(jaar + vooruit, 12, 31)


_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_BELGISCH = re.compile(r"(\d{1,2})[/. -](\d{1,2})[/. -](\d{4})")


def lees_datum(tekst: str | None) -> dt.date | None:
    """The one rule for a date typed as text: '2026-03-14' (what a date input sends), or
    '14/3/2026', '14-03-2026', '14.3.2026', '14 3 2026'. None when it is not a real date."""
    tekst = (tekst or "").strip()
    if m := _ISO.fullmatch(tekst):
        jaar, maand, dag = m.groups()
    elif m := _BELGISCH.fullmatch(tekst):
        dag, maand, jaar = m.groups()
    else:
        return None
    return maak_datum(jaar, maand, dag)


def jaren_geleden(jaren: int, op: dt.date | None = None) -> dt.date:
    """The same day `jaren` years before `op` (28 February for a 29 February in a common year)."""
    op = op or vandaag()
    try:
        return op.replace(year=op.year - jaren)
    except ValueError:  # 29 February → 28 February
        return op.replace(year=op.year - jaren, day=28)
