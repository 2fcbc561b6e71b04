"""What must stand at the top of every screen of a dossier, before any contact action (ui.md):
a parket restriction or bezwaar, "gezin niet op de hoogte", safe contact, the parket pause.

The partial `dossiers/_gevoelig.html` shows `gevoelig(dossier)`; every dossier screen gets it
through the frame `dossier/_dossier.html`; pages about one dossier under another URL (the
overleg's agenda item and the correction of a bijdrage) include the same partial with `dossier`
in the context (the template helper `gevoelig_voor(dossier)`).
`parket_pauze_teams()` feeds `dossiers/_parket_pauze.html` on list screens.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask_login import current_user

from vh import access
from vh.models import Aanmelding, Dossier, Parketcheck, Team, UserTeam

BEZWAAR_TEKST = "Alleen advies mogelijk; er wordt geen informatie gedeeld."


@dataclass(frozen=True)
class Melding:
    """One referral's sensitive fact; `tekst` (free text of the referrer) is empty for a reader
    who sees only the non-identifying card."""
    nummer: str
    tekst: str


def gevoelig_per(dossiers, volledig: set[int]) -> dict[int, dict]:
    """The sensitive banners of many dossiers (with their team loaded) in two queries: {id: banners}.
    `volledig`: the ids whose free text (why the family does not know, the safe-contact rule)
    the reader may read (access.identificerend); the others get the facts without the text."""
    dossiers = list(dossiers)
    checks = Parketcheck.laatste_per_dossier(dossiers)
    per: dict[int, list[Aanmelding]] = {d.id: [] for d in dossiers}
    if dossiers:
        for a in (Aanmelding.select(Aanmelding.dossier, Aanmelding.nummer, Aanmelding.gezin_op_de_hoogte,
                                    Aanmelding.waarom_niet_op_de_hoogte, Aanmelding.veilig_contact)
                  .where(Aanmelding.dossier.in_([d.id for d in dossiers]))
                  .order_by(Aanmelding.ingediend_op, Aanmelding.id)):
            per[a.dossier_id].append(a)
    result = {}
    for d in dossiers:
        check, mag = checks.get(d.id), d.id in volledig
        aanmeldingen = per[d.id]
        result[d.id] = dict(
            beperkingen=check.beperkingen if check and check.uitkomst == "beperkingen" else "",
            bezwaar=bool(check and check.uitkomst == "bezwaar"),
            niet_op_de_hoogte=[Melding(a.nummer, a.waarom_niet_op_de_hoogte if mag else "")
                               for a in aanmeldingen if a.gezin_op_de_hoogte is False],
            veilig_contact=[Melding(a.nummer, a.veilig_contact if mag else "")
                            for a in aanmeldingen if (a.veilig_contact or "").strip()],
            pauze=d.team.parket_pauze,
            pauze_sinds=d.team.parket_pauze_sinds,
        )
    return result


def gevoelig(dossier: Dossier, user=None, *, volledig: bool | None = None) -> dict:
    """The sensitive banners of `dossier` for `user` (default: the current user); `volledig`
    overrides whether its free text is shown."""
    if volledig is None:
        volledig = bool(access.identificerend(current_user if user is None else user, [dossier]))
    return gevoelig_per([dossier], {dossier.id} if volledig else set())[dossier.id]


def parket_pauze_teams(user=None) -> list[Team]:
    """The user's (default: the current user's) teams whose parket does not take part for now."""
    user = current_user if user is None else user
    if not user.is_authenticated:
        return []
    return list(Team.select().join(UserTeam)
                .where((UserTeam.user == user.id) & Team.parket_pauze).order_by(Team.naam))
