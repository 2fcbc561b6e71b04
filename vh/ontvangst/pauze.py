"""The team setting "het parket neemt tijdelijk niet deel": while it is on, no parketcheck is
asked (the workflow refuses it) and new dossiers stay in 'nieuw'."""
from __future__ import annotations

from vh import audit
from vh.db import db
from vh.keuzes import Fase
from vh.models import Dossier, Team, utcnow


def zet_parket_pauze(team: Team, pauze: bool, user) -> bool:
    """Switch "het parket neemt tijdelijk niet deel"; returns whether anything changed."""
    if team.parket_pauze == pauze:
        return False
    old = {"parket_pauze": team.parket_pauze, "parket_pauze_sinds": team.parket_pauze_sinds}
    team.parket_pauze = pauze
    team.parket_pauze_sinds = utcnow() if pauze else None
    with db.atomic():
        team.save(only=[Team.parket_pauze, Team.parket_pauze_sinds])
        audit.record_change("team.parket_pauze", team, old,
                            {"parket_pauze": team.parket_pauze, "parket_pauze_sinds": team.parket_pauze_sinds},
                            user=user)
    return True


def wachten_op_parketcheck(team: Team):
    """Dossiers of the team left in 'nieuw' (e.g. opened while the parket did not take part)."""
    return (Dossier.select().where((Dossier.team == team.id) & (Dossier.fase == Fase.NIEUW))
            .order_by(Dossier.aangemaakt_op))
