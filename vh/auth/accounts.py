"""Accounts: password hashing (Argon2id), the password rule, logging in and out, changing a
password, the one-time link to set one, and creating users, for the login screen, the CLI,
beheer and the demo.

Every password that is set goes through `zet_wachtwoord` (one place: issue 10's revocable
sessions end the other sessions there) after `wachtwoord_fout` (THE password rule). Hashes
made before the rule stay valid: the rule applies when a password is chosen, not at login."""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import session
from flask_login import login_user, logout_user

from vh import audit
from vh.db import db
from vh.models import ROLLEN, Organisatie, Team, User, UserTeam, WachtwoordLink, join_list, utcnow

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
    """Refused, with a Dutch message for the user; `veld` names the form field it belongs to."""

    def __init__(self, boodschap: str, veld: str | None = None):
        super().__init__(boodschap)
        self.boodschap = boodschap
        self.veld = veld


# ---------------------------------------------------------------- the password rule
MIN_LENGTE = 12
MAX_LENGTE = 200
WACHTWOORD_REGEL = (f"Minstens {MIN_LENGTE} tekens, niet uw naam of e-mailadres en geen bekend "
                    "wachtwoord. Tip: een zin van een paar woorden is sterk en goed te onthouden.")
TE_KORT = f"Kies een wachtwoord van minstens {MIN_LENGTE} tekens."
TE_LANG = f"Een wachtwoord mag maximaal {MAX_LENGTE} tekens hebben."
EENTONIG = ("Gebruik niet steeds hetzelfde teken of dezelfde paar tekens. "
            "Een zin van een paar woorden is sterk en goed te onthouden.")
PERSOONLIJK = "Gebruik uw naam of e-mailadres niet in uw wachtwoord."
BEKEND = ("Dit wachtwoord wordt vaak gebruikt en is makkelijk te raden. "
          "Kies een ander, bijvoorbeeld een zin van een paar woorden.")

# Words of the most common passwords (Dutch, French and English lists, and this context),
# compared with the password's letters only: "Wachtwoord2026!" is "wachtwoord".
_BEKENDE_WOORDEN = frozenset({
    "wachtwoord", "paswoord", "passwoord", "password", "passw", "motdepasse", "welkom",
    "welcome", "bienvenue", "azerty", "qwerty", "qwertz", "admin", "administrator",
    "administrateur", "beheer", "beheerder", "geheim", "secret", "letmein", "iloveyou",
    "ikhouvanjou", "jetaime", "veilighuis", "veiligehuis", "vhadmin", "politie", "parket",
    "leuven", "vlaanderen", "belgie", "belgique", "brussel", "bruxelles", "zomer", "winter",
    "lente", "herfst", "voorjaar", "najaar", "januari", "februari", "maart", "april", "mei",
    "juni", "juli", "augustus", "september", "oktober", "november", "december", "maandag",
    "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "monkey", "dragon",
    "football", "voetbal", "sunshine", "princess", "changeme", "default", "test", "demo",
    "gebruiker", "user", "login", "abc", "abcdef",
})
# Runs on a keyboard or in counting: "123456789012", "azertyuiopqs" are substrings of these.
_RIJEN = ("01234567890123456789012345678901234567890", "09876543210987654321098765432109876543210",
          "azertyuiopqsdfghjklmwxcvbn", "qwertyuiopasdfghjklzxcvbnm", "qwertzuiopasdfghjklyxcvbnm",
          "abcdefghijklmnopqrstuvwxyz", "zyxwvutsrqponmlkjihgfedcba")
_GEEN_LETTER = re.compile(r"[^a-z]+")
_GEEN_LETTER_OF_CIJFER = re.compile(r"[^a-z0-9]+")


def _bekend(wachtwoord: str) -> bool:
    klein = wachtwoord.lower()
    letters = _GEEN_LETTER.sub("", klein)
    if letters and any(letters == woord * (len(letters) // len(woord))
                       for woord in _BEKENDE_WOORDEN if len(letters) % len(woord) == 0):
        return True  # a known word, repeated or not, with digits or signs around it
    compact = _GEEN_LETTER_OF_CIJFER.sub("", klein)
    return bool(compact) and any(compact in rij for rij in _RIJEN)


def _persoonlijk(wachtwoord: str, email: str, naam: str) -> bool:
    letters = _GEEN_LETTER.sub("", wachtwoord.lower())
    stukken = re.split(r"[^a-z]+", (email or "").lower().partition("@")[0])
    stukken += re.split(r"[^a-z]+", (naam or "").lower())
    stukken.append(_GEEN_LETTER.sub("", (email or "").lower().partition("@")[0]))
    return any(len(stuk) >= 4 and stuk in letters for stuk in stukken)


def wachtwoord_fout(wachtwoord: str, *, email: str = "", naam: str = "") -> str | None:
    """THE password rule: None when `wachtwoord` may be chosen by the person with this e-mail and
    name, else the Dutch message that says what to do."""
    wachtwoord = wachtwoord or ""
    if len(wachtwoord) < MIN_LENGTE:
        return TE_KORT
    if len(wachtwoord) > MAX_LENGTE:
        return TE_LANG
    if len(set(wachtwoord.lower())) < 5:
        return EENTONIG
    if _persoonlijk(wachtwoord, email, naam):
        return PERSOONLIJK
    if _bekend(wachtwoord):
        return BEKEND
    return None


# ---------------------------------------------------------------- hashing
def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_password(user: User | None, password: str) -> bool:
    """Does `password` match? An unknown account, or one without a password yet (a link not
    used yet), costs the same time as a wrong password."""
    stored = user.password_hash if user is not None and user.password_hash else None
    try:
        ok = _hasher.verify(stored or _dummy(), password)
    except (VerificationError, InvalidHashError):
        return False
    return ok and stored is not None


def zet_wachtwoord(user: User, wachtwoord: str) -> None:
    """Apply the rule and store the new hash (inside the caller's transaction). The one place a
    password is set."""
    fout = wachtwoord_fout(wachtwoord, email=user.email, naam=user.naam)
    if fout:
        raise AccountError(fout, "nieuw")
    user.password_hash = hash_password(wachtwoord)
    user.save(only=[User.password_hash])


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


def wijzig_wachtwoord(user: User, huidig: str, nieuw: str) -> None:
    """The user changes their own password: the current one must match, the new one differ from
    it and pass the rule. Audited without either."""
    if not check_password(user, huidig or ""):
        raise AccountError("Uw huidige wachtwoord klopt niet. Controleer het en probeer opnieuw.", "huidig")
    if nieuw == huidig:
        raise AccountError("Kies een ander wachtwoord dan uw huidige.", "nieuw")
    with db.atomic():
        zet_wachtwoord(user, nieuw)
        audit.record("auth.wachtwoord.gewijzigd", user, user=user)


# ---------------------------------------------------------------- the one-time link
LINK_GELDIG = dt.timedelta(hours=72)
LINK_UREN = int(LINK_GELDIG.total_seconds() // 3600)
LINK_ONGELDIG = ("Deze link is niet meer geldig: hij werd al gebruikt, is verlopen of werd "
                 "vervangen door een nieuwe. Vraag de functioneel beheerder van uw Veilig Huis om een nieuwe link.")
_TOKEN = re.compile(r"[A-Za-z0-9_-]{40,64}")


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def maak_link(user: User, door: User | None) -> str:
    """A new one-time link for `user` to set their password; returns its token (shown once, to
    pass on; only its hash is stored). It ends earlier links and the current password (a reset:
    whoever knew it, no longer logs in with it). `door` None: the command line."""
    token = secrets.token_urlsafe(32)
    nu = utcnow()
    with db.atomic():
        WachtwoordLink.delete().where((WachtwoordLink.user == user.id)
                                      & WachtwoordLink.gebruikt_op.is_null()).execute()
        WachtwoordLink.create(user=user, token_hash=_token_hash(token), aangemaakt_door=door,
                              aangemaakt_op=nu, verloopt_op=nu + LINK_GELDIG)
        User.update(password_hash="").where(User.id == user.id).execute()
        audit.record("beheer.gebruiker.wachtwoordlink", user, user=door,
                     details={"geldig_uren": LINK_UREN})
    return token


def geldige_link(token: str) -> WachtwoordLink | None:
    """The unused, unexpired link of an active account with this token, else None."""
    if not isinstance(token, str) or not _TOKEN.fullmatch(token):
        return None
    link = (WachtwoordLink.select(WachtwoordLink, User).join(User, on=WachtwoordLink.user)
            .where((WachtwoordLink.token_hash == _token_hash(token))
                   & WachtwoordLink.gebruikt_op.is_null() & (WachtwoordLink.verloopt_op > utcnow())
                   & User.actief)
            .first())
    return link


def stel_in_met_link(token: str, wachtwoord: str) -> User:
    """Set the password of the link's account, once: the link is used up in the same statement
    that checks it is unused, so two tabs cannot both use it."""
    link = geldige_link(token)
    if link is None:
        raise AccountError(LINK_ONGELDIG)
    user = link.user
    fout = wachtwoord_fout(wachtwoord, email=user.email, naam=user.naam)
    if fout:
        raise AccountError(fout, "nieuw")
    with db.atomic():
        used = (WachtwoordLink.update(gebruikt_op=utcnow())
                .where((WachtwoordLink.id == link.id) & WachtwoordLink.gebruikt_op.is_null()).execute())
        if used != 1:
            raise AccountError(LINK_ONGELDIG)
        zet_wachtwoord(user, wachtwoord)
        audit.record("auth.wachtwoord.ingesteld", user, user=user, details={"via": "eenmalige link"})
    return user


# ---------------------------------------------------------------- creating accounts
def create_user(*, email: str, naam: str, rollen, password: str | None, organisatie=None, teams=(),
                **fields) -> User:
    """Create an account with `rollen` granted at once (the command line, the demo, tests: the
    bootstrap path; beheer asks the roles that need a second person through beheer.rollen).
    `password` None: none yet, the account waits for its one-time link."""
    unknown = [r for r in rollen if r not in ROLLEN]
    if unknown:
        raise AccountError(f"onbekende rol: {', '.join(unknown)}")
    email = email.strip().lower()
    if password is not None:
        fout = wachtwoord_fout(password, email=email, naam=naam)
        if fout:
            raise AccountError(fout, "wachtwoord")
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
                           password_hash=hash_password(password) if password is not None else "",
                           organisatie=org, **fields)
        for team in team_objs:
            UserTeam.create(user=user, team=team)
    return user
