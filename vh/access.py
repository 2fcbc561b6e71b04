"""THE need-to-know policy: who may see or do what, on which dossier or referral.

Deny by default: an action that is not listed here is refused. Views never decide access by
themselves; they call `can()` / `require()` and scope lists with the query functions, so a list is
filtered in SQL, never in Python. `require()` answers 404 when the user may not know the thing
exists and 403 when they may see it but not do this.
"""
from __future__ import annotations

from flask import abort
from peewee import Expression, Value

from .models import (
    Aanmelding,
    Agendapunt,
    Bijdrage,
    Brief,
    Dossier,
    Overleg,
    OverlegDeelnemer,
    Parketcheck,
    PolitieImport,
    Team,
    TeamArrondissement,
    User,
    UserTeam,
)
from .workflow import VOOR_BESLUIT

NOTHING = Value(1) == Value(0)


def _any(conditions: list[Expression]) -> Expression:
    result = NOTHING
    for c in conditions:
        result = result | c
    return result


def _teams_of(user: User):
    return UserTeam.select(UserTeam.team).where(UserTeam.user == user.id)


def _parket_teams_of(user: User):
    """The teams whose arrondissement the user's parket serves."""
    arr = user.organisatie.arrondissement if user.organisatie_id else None
    return TeamArrondissement.select(TeamArrondissement.team).where(TeamArrondissement.arrondissement == arr)


def _agenda_dossiers_of(user: User):
    """Dossiers on the agenda of an overleg this user takes part in."""
    return (Agendapunt.select(Agendapunt.dossier)
            .join(Overleg).join(OverlegDeelnemer)
            .where(OverlegDeelnemer.user == user.id))


# ---------------------------------------------------------------- scoped queries
def dossier_condition(user: User) -> Expression:
    """SQL condition on Dossier for what `user` may see of dossier content."""
    if not user or not user.is_authenticated or not user.actief:
        return NOTHING
    conditions = []
    if user.has("coordinator"):
        conditions.append(Dossier.team.in_(_teams_of(user)))
    if user.has("regisseur2", "regisseur3"):
        conditions.append(Dossier.regisseur == user.id)
    if user.has("kernpartner"):
        # Only while on the agenda of a meeting they take part in, and until it is decided.
        conditions.append(Dossier.id.in_(_agenda_dossiers_of(user)) & Dossier.fase.in_(VOOR_BESLUIT))
    return _any(conditions)


def dossiers_visible_to(user: User):
    return Dossier.select().where(dossier_condition(user))


def parketchecks_visible_to(user: User):
    """Requests the user's parket may answer: only for teams of its own arrondissement."""
    if not user.has("parket") or not user.organisatie_id:
        return Parketcheck.select().where(NOTHING)
    return (Parketcheck.select(Parketcheck, Dossier).join(Dossier)
            .where(Dossier.team.in_(_parket_teams_of(user))))


def aanmeldingen_received_by(user: User):
    """Submitted referrals the coordinator may read in full: their teams', and those without a
    team (an address outside Vlaams-Brabant), which a coordinator routes."""
    if not user.has("coordinator"):
        return Aanmelding.select().where(NOTHING)
    return Aanmelding.select().where(
        (Aanmelding.status != "concept")
        & (Aanmelding.team.in_(_teams_of(user)) | Aanmelding.team.is_null()))


def teams_coordinated_by(user: User):
    """The teams whose dossiers, meetings and settings this coordinator looks after."""
    if not user.has("coordinator"):
        return Team.select().where(NOTHING)
    return Team.select().where(Team.id.in_(_teams_of(user))).order_by(Team.naam)


def own_imports(user: User):
    """The police user's own CSV uploads (their reports name PV numbers)."""
    return PolitieImport.select().where(PolitieImport.user == user.id)


def own_aanmeldingen(user: User):
    """The referrer's own referrals, drafts included (a draft is visible only to its author)."""
    return Aanmelding.select().where(Aanmelding.auteur == user.id)


def overleggen_visible_to(user: User):
    conditions = []
    if user.has("coordinator"):
        conditions.append(Overleg.team.in_(_teams_of(user)))
    if user.has("kernpartner"):
        conditions.append(Overleg.id.in_(
            OverlegDeelnemer.select(OverlegDeelnemer.overleg).where(OverlegDeelnemer.user == user.id)))
    return Overleg.select().where(_any(conditions))


# ---------------------------------------------------------------- single decisions
def _in(query, obj) -> bool:
    return query.where(query.model.id == obj.id).exists()


def _coordinator_of(user: User, team_id) -> bool:
    return user.has("coordinator") and team_id in user.team_ids


GLOBAL_ACTIONS = {
    "aanmelding.create": lambda u: u.has("aanmelder"),
    "politie.import": lambda u: (u.has("aanmelder") and u.organisatie_id is not None
                                 and u.organisatie.type == "politie" and u.organisatie.in_pilootzone),
    "ontvangst.inbox": lambda u: u.has("coordinator"),
    "triage.board": lambda u: u.has("coordinator"),
    "overleg.list": lambda u: u.has("coordinator", "kernpartner"),
    "overleg.create": lambda u: u.has("coordinator"),
    "parket.inbox": lambda u: u.has("parket") and u.organisatie_id is not None,
    "dossier.list": lambda u: u.has("coordinator", "regisseur2", "regisseur3", "kernpartner"),
    "beheer": lambda u: u.has("beheerder"),
    "audit.view": lambda u: u.has("dpo"),
    "regie.mijn": lambda u: u.has("regisseur2", "regisseur3"),
}


def _dossier_action(user: User, action: str, d: Dossier) -> bool:
    coordinator = _coordinator_of(user, d.team_id)
    if action == "dossier.view":
        return _in(dossiers_visible_to(user), d)
    if action in ("dossier.edit", "parketcheck.request", "besluit.create", "brief.send",
                  "agenda.manage", "team.settings"):
        return coordinator
    if action == "bijdrage.create":
        # The workflow adds the parket gate; here: who may speak for their organisation.
        return coordinator or (user.has("kernpartner") and d.fase in VOOR_BESLUIT
                               and _agenda_dossiers_of(user).where(Agendapunt.dossier == d.id).exists())
    if action.startswith("regie."):
        return coordinator or (user.has("regisseur2", "regisseur3") and d.regisseur_id == user.id)
    return False


def _aanmelding_action(user: User, action: str, a: Aanmelding) -> bool:
    if action == "aanmelding.edit":
        return a.auteur_id == user.id and a.status == "concept"
    if action == "aanmelding.status":  # what the referrer may know of their own referral
        return a.auteur_id == user.id
    if action in ("aanmelding.view", "aanmelding.receive"):
        return a.status != "concept" and _in(aanmeldingen_received_by(user), a)
    if action == "brief.compose":  # the advice letter to the referrer: a coordinator of the team
        return a.status != "concept" and _brief_team_coordinator(user, a.team_id)
    return False


def _brief_team_coordinator(user: User, team_id) -> bool:
    """A coordinator of the team; a referral without a team (outside Vlaams-Brabant) is any
    coordinator's, as in `aanmeldingen_received_by`."""
    return user.has("coordinator") and (team_id is None or team_id in user.team_ids)


def _brief_action(user: User, action: str, b: Brief) -> bool:
    team_id = b.dossier.team_id if b.dossier_id else b.aanmelding.team_id
    coordinator = _brief_team_coordinator(user, team_id)
    if action in ("brief.view", "brief.pdf"):
        # The referrer sees the letter only once it is sent; before that it does not exist for them.
        return coordinator or (b.aan_id == user.id and b.verzonden_op is not None)
    if action in ("brief.edit", "brief.send"):
        return coordinator and b.verzonden_op is None
    return False


def _parketcheck_action(user: User, action: str, p: Parketcheck) -> bool:
    if action == "parketcheck.view":
        return _in(parketchecks_visible_to(user), p)
    if action == "parketcheck.answer":
        return p.uitkomst is None and _in(parketchecks_visible_to(user), p)
    return False


def _overleg_action(user: User, action: str, o: Overleg) -> bool:
    if action == "overleg.view":
        return _in(overleggen_visible_to(user), o)
    if action == "overleg.manage":
        return _coordinator_of(user, o.team_id)
    if action == "overleg.deelnemen":  # speak in this meeting: its chair's team, or a participant
        return _coordinator_of(user, o.team_id) or OverlegDeelnemer.select().where(
            (OverlegDeelnemer.overleg == o.id) & (OverlegDeelnemer.user == user.id)).exists()
    return False


def _bijdrage_action(user: User, action: str, b: Bijdrage) -> bool:
    if action == "bijdrage.view":
        return _in(dossiers_visible_to(user), b.dossier)
    if action == "bijdrage.correct":  # only its author, only the current version, while allowed to add
        return (b.actueel and b.auteur_id == user.id
                and _dossier_action(user, "bijdrage.create", b.dossier))
    return False


def _import_action(user: User, action: str, imp: PolitieImport) -> bool:
    if action == "politie_import.view":
        return can(user, "politie.import") and imp.user_id == user.id
    return False


def _team_action(user: User, action: str, t: Team) -> bool:
    if action == "team.settings":  # e.g. "het parket neemt tijdelijk niet deel"
        return _coordinator_of(user, t.id)
    return False


def can(user: User, action: str, obj=None) -> bool:
    """May `user` do `action` (to `obj`)? Everything not granted here is denied."""
    if user is None or not user.is_authenticated or not user.actief:
        return False
    if obj is None:
        rule = GLOBAL_ACTIONS.get(action)
        return bool(rule and rule(user))
    for model, decide in ((Dossier, _dossier_action), (Aanmelding, _aanmelding_action),
                          (Parketcheck, _parketcheck_action), (Overleg, _overleg_action),
                          (Brief, _brief_action), (Team, _team_action), (Bijdrage, _bijdrage_action),
                          (PolitieImport, _import_action)):
        if isinstance(obj, model):
            return decide(user, action, obj)
    return False


_SEE = {Dossier: "dossier.view", Aanmelding: "aanmelding.status", Parketcheck: "parketcheck.view",
        Overleg: "overleg.view", Brief: "brief.view",
        Bijdrage: "bijdrage.view"}


def require(user: User, action: str, obj=None) -> None:
    """Abort unless allowed: 404 if the user may not know `obj` exists, 403 otherwise."""
    if can(user, action, obj):
        return
    if obj is not None:
        see = _SEE.get(type(obj))
        may_know = see and (can(user, see, obj) or (
            isinstance(obj, Aanmelding) and can(user, "aanmelding.view", obj)))
        if not may_know:
            abort(404)
    abort(403)
