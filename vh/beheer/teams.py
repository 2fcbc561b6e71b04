"""The Veilig Huis teams as the beheerder keeps them: the sender of their letters (address, phone,
e-mail). Which arrondissements a team serves and who works there are set elsewhere (the reference
data and the accounts). Every change is audited."""
from __future__ import annotations

from peewee import JOIN, fn

from vh import audit
from vh.db import db
from vh.models import Team, UserTeam

BRIEFHOOFD = ("straat", "postcode", "gemeente", "telefoon", "email")


def lijst() -> list[Team]:
    """Every team by name, each with `aantal` staff (one query)."""
    aantal = fn.COUNT(UserTeam.id).alias("aantal")
    return list(Team.select(Team, aantal).join(UserTeam, JOIN.LEFT_OUTER, on=(UserTeam.team == Team.id))
                .group_by(Team.id).order_by(Team.naam))


def snapshot(team: Team) -> dict:
    return {veld: getattr(team, veld) for veld in BRIEFHOOFD}


def bewerk(team: Team, velden: dict) -> Team:
    """Save the letterhead fields of `team` and audit the difference."""
    old = snapshot(team)
    with db.atomic():
        for name in BRIEFHOOFD:
            setattr(team, name, velden[name])
        team.save(only=[getattr(Team, name) for name in BRIEFHOOFD])
        audit.record_change("beheer.team.edit", team, old, snapshot(team))
    return team
