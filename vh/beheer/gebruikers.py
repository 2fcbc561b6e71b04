"""The accounts of the people who work with the system: the list, creating and editing an
account, deactivating and reactivating it. Every change is audited with old and new values
(never a password hash); the list loads in a fixed number of queries, whatever the row count.

No password passes through beheer: a new account gets a one-time link to set its own
(`accounts.maak_link`), and so does a reset. Roles that need a second person are asked, not
granted (`rollen`); one's own roles are never changed here (access "gebruiker.rollen")."""
from __future__ import annotations

from collections import defaultdict

from peewee import JOIN, IntegrityError, fn

from vh import access, audit
from vh.auth.accounts import AccountError, create_user, maak_link
from vh.db import db
from vh.models import ROLLEN, Organisatie, Team, User, UserTeam, join_list

from . import Geweigerd, rollen

EMAIL_BEZET = "Er bestaat al een account met dit e-mailadres."
EIGEN_ROLLEN = ("U kunt uw eigen rollen niet wijzigen: geen rol toekennen en uw rol van functioneel "
                "beheerder niet afnemen. Vraag dat aan een andere beheerder.")
EIGEN_ACCOUNT = "U kunt uw eigen account niet deactiveren. Vraag dat aan een andere beheerder."


def teams_per_user(user_ids) -> dict[int, list[Team]]:
    """One query for the teams of all listed users."""
    result = defaultdict(list)
    if user_ids:
        query = (UserTeam.select(UserTeam.user, Team).join(Team)
                 .where(UserTeam.user.in_(list(user_ids))).order_by(Team.naam))
        for link in query:
            result[link.user_id].append(link.team)
    return result


def lijst() -> list[dict]:
    """Every account, the active first, each row with its organisation and teams (two queries)."""
    users = list(User.select(User, Organisatie).join(Organisatie, JOIN.LEFT_OUTER)
                 .order_by(User.actief.desc(), User.naam, User.id))
    teams = teams_per_user([u.id for u in users])
    return [{"user": u, "teams": teams.get(u.id, [])} for u in users]


def rij(user: User) -> dict:
    """What one row of the list shows."""
    return {"user": user, "teams": teams_per_user([user.id]).get(user.id, [])}


def te_kiezen(user: User | None) -> dict:
    """The choices of the account form: active organisations (and the account's own), all teams."""
    organisaties = Organisatie.select().where(
        Organisatie.actief | (Organisatie.id == (user.organisatie_id if user else None)))
    return {"organisaties": organisaties.order_by(Organisatie.naam),
            "teams": Team.select().order_by(Team.naam)}


def snapshot(user: User, teams=None) -> dict:
    """The audited state of an account: never the password hash."""
    if teams is None:
        teams = [t.naam for t in Team.select().join(UserTeam).where(UserTeam.user == user.id)]
    return {
        "email": user.email, "naam": user.naam, "functie": user.functie, "telefoon": user.telefoon,
        "rollen": sorted(user.roles),
        "organisatie": user.organisatie.naam if user.organisatie_id else None,
        "teams": sorted(teams), "actief": user.actief,
    }


def email_bezet(email: str, behalve: int | None = None) -> bool:
    """Is `email` (lower case) the address of another account than `behalve`?"""
    query = User.select().where(fn.LOWER(User.email) == email)
    if behalve:
        query = query.where(User.id != behalve)
    return query.exists()


def _rollen_delen(user: User | None, gewenst) -> tuple[set[str], set[str]]:
    """Split the ticked roles into those granted now and those that wait for a second person."""
    huidig = user.roles if user is not None else set()
    nieuw = set(gewenst) - huidig
    wacht = nieuw & set(rollen.MET_BEVESTIGING)
    return (set(gewenst) & huidig) | (nieuw - wacht), wacht


def maak(velden: dict, door: User) -> tuple[User, str]:
    """Create an account from the form's `velden` (naam, email, functie, telefoon, organisatie id,
    rollen, team ids), without a password; returns it with the token of its one-time link.
    Roles that need a second person are asked, not granted. Geweigerd("email") when the
    address is taken."""
    if email_bezet(velden["email"]):
        raise Geweigerd("email", EMAIL_BEZET)
    nu, wacht = _rollen_delen(None, velden["rollen"])
    try:
        with db.atomic():
            user = create_user(
                email=velden["email"], naam=velden["naam"], rollen=[r for r in ROLLEN if r in nu],
                password=None, organisatie=Organisatie.get_by_id(velden["organisatie"]),
                teams=list(Team.select().where(Team.id.in_(velden["teams"]))),
                functie=velden["functie"], telefoon=velden["telefoon"])
            audit.record_change("beheer.gebruiker.create", user, {}, snapshot(user), user=door)
            for rol in (r for r in ROLLEN if r in wacht):
                rollen.vraag_aan(user, rol, door)
            token = maak_link(user, door)
    except (AccountError, IntegrityError):
        raise Geweigerd("email", EMAIL_BEZET) from None
    return user, token


def bewerk(user: User, velden: dict, door: User) -> User:
    """Save the form's `velden` on `user` and audit the difference. `velden["rollen"]` None keeps
    the roles (the own account's form has none); roles that need a second person are asked,
    a waiting one that is no longer ticked is withdrawn. Geweigerd when the address is taken, or
    when `door` would change roles they may not change (their own)."""
    if email_bezet(velden["email"], behalve=user.id):
        raise Geweigerd("email", EMAIL_BEZET)
    wachtend = {a.rol: a for a in rollen.openstaand_voor(user)}
    gewenst = velden["rollen"]
    if gewenst is not None and set(gewenst) != user.roles | set(wachtend) \
            and not access.can(door, "gebruiker.rollen", user):
        raise Geweigerd("rollen", EIGEN_ROLLEN)
    old = snapshot(user)
    try:
        with db.atomic():
            for name in ("naam", "email", "functie", "telefoon"):
                setattr(user, name, velden[name])
            if gewenst is not None:
                nu, wacht = _rollen_delen(user, gewenst)
                user.rollen = join_list(r for r in ROLLEN if r in nu)
            user.organisatie = velden["organisatie"]
            user.save()
            UserTeam.delete().where((UserTeam.user == user.id)
                                    & UserTeam.team.not_in(velden["teams"])).execute()
            for team_id in velden["teams"]:
                UserTeam.insert(user=user.id, team=team_id).on_conflict_ignore().execute()
            user = User.get_by_id(user.id)
            audit.record_change("beheer.gebruiker.edit", user, old, snapshot(user), user=door)
            if gewenst is not None:
                for rol in (r for r in ROLLEN if r in wacht):
                    rollen.vraag_aan(user, rol, door)
                for rol, aanvraag in wachtend.items():
                    if rol not in gewenst:
                        rollen.trek_in(aanvraag, door)
    except IntegrityError:
        raise Geweigerd("email", EMAIL_BEZET) from None
    return user


def zet_actief(user: User, actief: bool) -> bool:
    """Deactivate (the person can no longer log in; their session ends) or reactivate the
    account; returns whether anything changed. Who may is `access`'s "gebruiker.(de)activeren"."""
    if user.actief == actief:
        return False
    with db.atomic():
        user.actief = actief
        user.save(only=[User.actief])
        audit.record_change("beheer.gebruiker." + ("reactivate" if actief else "deactivate"),
                            user, {"actief": not actief}, {"actief": actief})
    return True


def actief_melding(user: User) -> str:
    return f"{user.naam} is " + (
        "weer actief." if user.actief else "gedeactiveerd: deze persoon kan niet meer inloggen.")
