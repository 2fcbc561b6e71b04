"""Accounts: password hashing (Argon2id), logging in and out, and creating users, for the
login screen, the CLI, beheer and the demo."""
from __future__ import annotations

import logging

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import session
from flask_login import login_user, logout_user

from vh import audit
from vh.db import db
from vh.models import ROLLEN, Organisatie, Team, User, UserTeam, join_list, utcnow

log = logging.getLogger("vh.auth")

_hasher = PasswordHasher()
_dummy_hash: str | None = None


def _dummy() -> str:
    """Verified against when the e-mail is unknown, so a wrong address costs the same time as a
    wrong password. Made on first use (not at import) with the hasher in use then."""
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = _hasher.hash("geen-account")
    return _dummy_hash


class AccountError(ValueError):
    pass


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_password(user: User | None, password: str) -> bool:
    try:
        ok = _hasher.verify(user.password_hash if user else _dummy(), password)
    except (VerificationError, InvalidHashError):
        return False
    return ok and user is not None


def authenticate(email: str, password: str) -> User | None:
    user = User.get_or_none(User.email == (email or "").strip().lower())
    if not check_password(user, password or "") or not user.actief:
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
        user.save(only=[User.password_hash])
    return user


def meld_aan(email: str, password: str) -> User | None:
    """Log in: a new session for the account with this e-mail and password, stamped and audited;
    None when they do not match an active account (the same answer whether it exists or not)."""
    user = authenticate(email, password)
    if user is None:
        log.info("mislukte aanmelding")  # never the address: the log holds no names
        return None
    session.clear()
    login_user(user)
    user.laatst_ingelogd = utcnow()
    user.save(only=[User.laatst_ingelogd])
    audit.record("auth.login", user, user=user)
    return user


def meld_af(user: User) -> None:
    """Log out, audited, and forget the session."""
    audit.record("auth.logout", user, user=user)
    logout_user()
    session.clear()


def create_user(*, email: str, naam: str, rollen, password: str, organisatie=None, teams=(),
                **fields) -> User:
    unknown = [r for r in rollen if r not in ROLLEN]
    if unknown:
        raise AccountError(f"onbekende rol: {', '.join(unknown)}")
    if len(password or "") < 10:
        raise AccountError("het wachtwoord moet minstens 10 tekens hebben")
    email = email.strip().lower()
    if User.select().where(User.email == email).exists():
        raise AccountError("er bestaat al een account met dit e-mailadres")
    org = None
    if organisatie:
        org = organisatie if isinstance(organisatie, Organisatie) else Organisatie.get_or_none(Organisatie.naam == organisatie)
        if org is None:
            raise AccountError(f"onbekende organisatie: {organisatie}")
    team_objs = []
    for t in teams:
        team = t if isinstance(t, Team) else Team.get_or_none(Team.naam == t)
        if team is None:
            raise AccountError(f"onbekend team: {t}")
        team_objs.append(team)
    with db.atomic():
        user = User.create(email=email, naam=naam, rollen=join_list(rollen),
                           password_hash=hash_password(password), organisatie=org, **fields)
        for team in team_objs:
            UserTeam.create(user=user, team=team)
    return user
