"""What must stand at the top of every screen of a dossier, before any contact action (ui.md):
a parket restriction or bezwaar, "gezin niet op de hoogte", safe contact, the parket pause.

The partial `dossiers/_gevoelig.html` shows `gevoelig(dossier)`; every dossier screen gets it
through the frame `dossier/_dossier.html`; pages about one dossier under another URL (the
overleg's agenda item and the correction of a bijdrage) include the same partial with `dossier`
in the context (the template helper `gevoelig_voor(dossier)`).
`parket_pauze_teams()` feeds `dossiers/_parket_pauze.html` on list screens.
"""
from __future__ import annotations

from flask_login import current_user

from vh.models import Aanmelding, Dossier, Team, UserTeam

BEZWAAR_TEKST = "Alleen advies mogelijk; er wordt geen informatie gedeeld."


def gevoelig(dossier: Dossier) -> dict:
    """The sensitive banners of `dossier` (two queries, plus its team if not loaded)."""
    check = dossier.laatste_parketcheck()
    aanmeldingen = list(Aanmelding.select(Aanmelding.nummer, Aanmelding.gezin_op_de_hoogte,
                                          Aanmelding.waarom_niet_op_de_hoogte, Aanmelding.veilig_contact)
                        .where(Aanmelding.dossier == dossier.id).order_by(Aanmelding.ingediend_op))
    return dict(
        beperkingen=check.beperkingen if check and check.uitkomst == "beperkingen" else "",
        bezwaar=bool(check and check.uitkomst == "bezwaar"),
        niet_op_de_hoogte=[a for a in aanmeldingen if a.gezin_op_de_hoogte is False],
        veilig_contact=[a for a in aanmeldingen if (a.veilig_contact or "").strip()],
        pauze=dossier.team.parket_pauze,
        pauze_sinds=dossier.team.parket_pauze_sinds,
    )


def parket_pauze_teams(user=None) -> list[Team]:
    """The user's (default: the current user's) teams whose parket does not take part for now."""
    user = current_user if user is None else user
    if not user.is_authenticated:
        return []
    return list(Team.select().join(UserTeam)
                .where((UserTeam.user == user.id) & Team.parket_pauze).order_by(Team.naam))
