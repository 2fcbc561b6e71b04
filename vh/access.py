"""THE need-to-know policy: who may see or do what, on which dossier or referral.

A registry of rules keyed by action name: `RULES["dossier.view"][Dossier]` is the one small
function that decides it, registered with `@rule("dossier.view", Dossier)`. Deny by default: an
action that is not registered, or asked about an object of another kind, is refused. Views never
decide access by themselves; they call `can()` / `require()` / `load()` and scope lists with the
query functions, so a list is filtered in SQL, never in Python. `require()` answers 404 when the
user may not know the thing exists (no "see" rule of its kind grants it) and 403 when they may
see it but not do this.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from flask import abort
from flask_login import current_user
from peewee import Expression, Value

from .models import (
    Aanmelding,
    Agendapunt,
    Bijdrage,
    Brief,
    Dossier,
    Levensdomein,
    Logboek,
    Organisatie,
    Overleg,
    OverlegDeelnemer,
    Parketcheck,
    PolitieImport,
    RegieStap,
    RolAanvraag,
    Spoorvoorstel,
    Team,
    TeamArrondissement,
    User,
    UserTeam,
    Veiligheidsplan,
    Zorgoverleg,
)
from .workflow import CASUSREGIE, VOOR_BESLUIT, identificerend_delen

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


# ---------------------------------------------------------------- the registry
Decide = Callable[..., bool]  # (user) -> bool for a global action, (user, obj) -> bool otherwise

RULES: dict[str, dict[type | None, Decide]] = {}  # action → {model (None: global) → decide}
SEE: dict[type, list[str]] = {}  # model → the actions that let a user know such an object exists


def rule(actions: str | Iterable[str], model: type | None = None, *, see: bool = False):
    """Register the decorated function as the rule of `actions` on `model` (None: a global
    action, asked without an object). `see=True`: granting it means the user may know the object
    exists, so a refusal of another action on it is 403 instead of 404."""
    names = (actions,) if isinstance(actions, str) else tuple(actions)

    def register(decide: Decide) -> Decide:
        for action in names:
            by_model = RULES.setdefault(action, {})
            if model in by_model:
                raise ValueError(f"access rule {action!r} on {model} is registered twice")
            by_model[model] = decide
            if see:
                SEE.setdefault(model, []).append(action)
        return decide
    return register


def can(user: User, action: str, obj=None) -> bool:
    """May `user` do `action` (to `obj`)? Everything not granted here is denied."""
    if user is None or not user.is_authenticated or not user.actief:
        return False
    decide = RULES.get(action, {}).get(None if obj is None else type(obj))
    if decide is None:
        return False
    return bool(decide(user) if obj is None else decide(user, obj))


def may_know(user: User, obj) -> bool:
    """May `user` know that `obj` exists (one of its kind's "see" rules grants it)?"""
    return any(can(user, action, obj) for action in SEE.get(type(obj), ()))


def require(user: User, action: str, obj=None) -> None:
    """Abort unless allowed: 404 if the user may not know `obj` exists, 403 otherwise."""
    if can(user, action, obj):
        return
    if obj is not None and not may_know(user, obj):
        abort(404)
    abort(403)


MAX_ID = 2**63 - 1  # the largest BIGINT: a larger id is absent, not a database error
_DIGITS = re.compile(r"[0-9]{1,19}")


def parse_id(pk) -> int | None:
    """`pk` as a row id, or None when it cannot be one (not a whole number, < 1, > MAX_ID)."""
    if isinstance(pk, bool):
        return None
    if isinstance(pk, str):
        pk = int(pk) if _DIGITS.fullmatch(pk) else None
    return pk if isinstance(pk, int) and 1 <= pk <= MAX_ID else None


def load(model, pk, action: str, user: User | None = None):
    """Load one `model` by id for `action` and check it: 404 when absent (also for an id that
    cannot be one), then `require()`'s 404/403. No audit event: a change is audited by the rule
    that makes it, a read by `audit.load()`, which calls this."""
    ident = parse_id(pk)
    obj = model.get_or_none(model.id == ident) if ident is not None else None
    if obj is None:
        abort(404)
    require(current_user if user is None else user, action, obj)
    return obj


# ---------------------------------------------------------------- the rules
def _in(query, obj) -> bool:
    return query.where(query.model.id == obj.id).exists()


def _coordinator_of(user: User, team_id) -> bool:
    return user.has("coordinator") and team_id in user.team_ids


def _team_coordinator(user: User, team_id) -> bool:
    """A coordinator of the team; a referral without a team (outside Vlaams-Brabant) is any
    coordinator's, as in `aanmeldingen_received_by`."""
    return user.has("coordinator") and (team_id is None or team_id in user.team_ids)


# Global actions: a screen or a list, asked without an object.
for _action, _roles in {
    "ontvangst.inbox": ("coordinator",),
    "triage.board": ("coordinator",),
    "overleg.list": ("coordinator", "kernpartner"),
    "overleg.create": ("coordinator",),
    "dossier.list": ("coordinator", "regisseur2", "regisseur3", "kernpartner"),
    "beheer": ("beheerder",),
    "audit.view": ("dpo",),
    "rolaanvraag.lijst": ("beheerder", "dpo"),  # the grants that wait for a second person
    "regie.mijn": ("regisseur2", "regisseur3"),
}.items():
    rule(_action)(lambda user, _roles=_roles: user.has(*_roles))
del _action, _roles


@rule("account.meldingen")
def _account_meldingen(user: User) -> bool:
    """Everyone chooses for themselves how their notifications by e-mail arrive."""
    return True


@rule("aanmelding.create")
def _aanmelding_create(user: User) -> bool:
    """Any professional may refer (decree of 2024): a user of a partner organisation, whatever
    their roles; functioneel beheer and the DPO alone are no professional work on families."""
    return user.organisatie_id is not None and bool(user.roles - {"beheerder", "dpo"})


@rule("politie.import")
def _politie_import(user: User) -> bool:
    """Police in a pilot zone only."""
    return (user.has("aanmelder") and user.organisatie_id is not None
            and user.organisatie.type == "politie" and user.organisatie.in_pilootzone)


@rule("parket.inbox")
def _parket_inbox(user: User) -> bool:
    return user.has("parket") and user.organisatie_id is not None


# Dossier
@rule("dossier.view", Dossier, see=True)
def _dossier_view(user: User, d: Dossier) -> bool:
    return _in(dossiers_visible_to(user), d)


@rule(("dossier.edit", "parketcheck.request", "besluit.create", "brief.send", "agenda.manage",
       "team.settings"), Dossier)
def _dossier_coordinator(user: User, d: Dossier) -> bool:
    return _coordinator_of(user, d.team_id)


def _eigen_regisseur(user: User, d: Dossier) -> bool:
    return user.has("regisseur2", "regisseur3") and d.regisseur_id == user.id


def identificerend(user: User, dossiers) -> set[int]:
    """The ids of `dossiers` whose family `user` may see identified — names, birth dates,
    addresses, the referrals' text, the bijdragen: the team's coordinator and the dossier's
    regisseur; a kernpartner who sees the dossier only after the parket's akkoord. Before it and
    after a bezwaar, partners see the non-identifying card (domain rule 3). The rule of
    "dossier.identificerend" for many dossiers at once, in two queries (dossiers with their
    team loaded)."""
    if user is None or not user.is_authenticated or not user.actief:
        return set()
    dossiers = list(dossiers)
    teams = set(user.team_ids) if user.has("coordinator") else set()
    result = {d.id for d in dossiers if d.team_id in teams or _eigen_regisseur(user, d)}
    rest = [d for d in dossiers if d.id not in result]
    if rest and user.has("kernpartner"):
        checks = Parketcheck.laatste_per_dossier(rest)
        gedeeld = [d.id for d in rest if identificerend_delen(d.toestand(checks.get(d.id)))]
        if gedeeld:
            result |= {d.id for d in dossiers_visible_to(user).select(Dossier.id).where(Dossier.id.in_(gedeeld))}
    return result


@rule("dossier.identificerend", Dossier)
def _dossier_identificerend(user: User, d: Dossier) -> bool:
    return d.id in identificerend(user, [d])


@rule("dossier.aanmeldingen", Dossier)
def _dossier_aanmeldingen(user: User, d: Dossier) -> bool:
    """The referrals of the dossier in full (the referrer's contact, safe contact, language): the
    team's coordinator and the dossier's own casusregisseur."""
    return _coordinator_of(user, d.team_id) or _eigen_regisseur(user, d)


@rule("bijdrage.create", Dossier)
def _bijdrage_create(user: User, d: Dossier) -> bool:
    """Who may speak for their organisation (the workflow adds the parket gate)."""
    return _coordinator_of(user, d.team_id) or (
        user.has("kernpartner") and d.fase in VOOR_BESLUIT
        and _agenda_dossiers_of(user).where(Agendapunt.dossier == d.id).exists())


@rule(("regie.plan", "regie.logboek"), Dossier)
def _regie(user: User, d: Dossier) -> bool:
    """Casusregie: the team's coordinator or the dossier's own regisseur."""
    return _coordinator_of(user, d.team_id) or _eigen_regisseur(user, d)


# Aanmelding
@rule("aanmelding.edit", Aanmelding)
def _aanmelding_edit(user: User, a: Aanmelding) -> bool:
    return a.auteur_id == user.id and a.status == "concept"


@rule("aanmelding.status", Aanmelding, see=True)
def _aanmelding_status(user: User, a: Aanmelding) -> bool:
    """What the referrer may know of their own referral (a draft is its author's only)."""
    return a.auteur_id == user.id


@rule(("aanmelding.view", "aanmelding.receive"), Aanmelding, see=True)
def _aanmelding_received(user: User, a: Aanmelding) -> bool:
    return a.status != "concept" and _in(aanmeldingen_received_by(user), a)


@rule("aanmelding.overdragen", Aanmelding)
def _aanmelding_overdragen(user: User, a: Aanmelding) -> bool:
    """Hand a referral to another team: a coordinator who receives it, before the decision."""
    return a.status == "ingediend" and _in(aanmeldingen_received_by(user), a)


@rule("brief.compose", Aanmelding)
def _brief_compose(user: User, a: Aanmelding) -> bool:
    """The advice letter to the referrer: a coordinator of the referral's team."""
    return a.status != "concept" and _team_coordinator(user, a.team_id)


# Brief
def _brief_coordinator(user: User, b: Brief) -> bool:
    return _team_coordinator(user, b.dossier.team_id if b.dossier_id else b.aanmelding.team_id)


@rule(("brief.view", "brief.pdf"), Brief, see=True)
def _brief_view(user: User, b: Brief) -> bool:
    """The referrer sees the letter only once it is sent; before that it does not exist for them."""
    return _brief_coordinator(user, b) or (b.aan_id == user.id and b.verzonden_op is not None)


@rule(("brief.edit", "brief.send"), Brief)
def _brief_edit(user: User, b: Brief) -> bool:
    return b.verzonden_op is None and _brief_coordinator(user, b)


# Parketcheck
@rule("parketcheck.view", Parketcheck, see=True)
def _parketcheck_view(user: User, p: Parketcheck) -> bool:
    return _in(parketchecks_visible_to(user), p)


@rule("parketcheck.reden", Parketcheck)
def _parketcheck_reden(user: User, p: Parketcheck) -> bool:
    """The reason of a bezwaar may reveal an ongoing investigation: the team's coordinator and
    the parket that answers it only, never a partner."""
    return _coordinator_of(user, p.dossier.team_id) or _in(parketchecks_visible_to(user), p)


@rule("parketcheck.answer", Parketcheck)
def _parketcheck_answer(user: User, p: Parketcheck) -> bool:
    """Answered once, never again."""
    return p.uitkomst is None and _in(parketchecks_visible_to(user), p)


# Overleg
@rule("overleg.view", Overleg, see=True)
def _overleg_view(user: User, o: Overleg) -> bool:
    return _in(overleggen_visible_to(user), o)


@rule("overleg.manage", Overleg)
def _overleg_manage(user: User, o: Overleg) -> bool:
    return _coordinator_of(user, o.team_id)


@rule("overleg.deelnemen", Overleg)
def _overleg_deelnemen(user: User, o: Overleg) -> bool:
    """Speak in this meeting: its chair's team, or a participant."""
    return _coordinator_of(user, o.team_id) or OverlegDeelnemer.select().where(
        (OverlegDeelnemer.overleg == o.id) & (OverlegDeelnemer.user == user.id)).exists()


# Bijdrage
@rule("bijdrage.view", Bijdrage, see=True)
def _bijdrage_view(user: User, b: Bijdrage) -> bool:
    """Seen with its dossier, by who may see who the family is (not after a bezwaar)."""
    return can(user, "dossier.identificerend", b.dossier)


@rule("bijdrage.correct", Bijdrage)
def _bijdrage_correct(user: User, b: Bijdrage) -> bool:
    """Only its author, only the current version, only while the author may still add."""
    return (b.actueel and b.auteur_id == user.id and can(user, "bijdrage.create", b.dossier)
            and can(user, "bijdrage.view", b))


# PolitieImport
@rule("politie_import.view", PolitieImport)
def _politie_import_view(user: User, imp: PolitieImport) -> bool:
    """A police upload report (it names PV numbers) is its uploader's only."""
    return imp.user_id == user.id and can(user, "politie.import")


# Team
@rule("team.settings", Team)
def _team_settings(user: User, t: Team) -> bool:
    """e.g. "het parket neemt tijdelijk niet deel"."""
    return _coordinator_of(user, t.id)


# Beheer: accounts and organisations, for the functioneel beheerder (no dossier content).
# "bewerken" covers editing and (re)activating; deactivating an account has its own rule.
@rule("gebruiker.bewerken", User, see=True)
def _gebruiker_bewerken(user: User, u: User) -> bool:
    return user.has("beheerder")


@rule("gebruiker.deactiveren", User)
def _gebruiker_deactiveren(user: User, u: User) -> bool:
    """Not one's own account: another beheerder does that, so beheer is never locked out."""
    return user.has("beheerder") and u.id != user.id


@rule("gebruiker.rollen", User)
def _gebruiker_rollen(user: User, u: User) -> bool:
    """Grant or take away roles: never on one's own account (not making oneself coordinator or
    DPO, not locking beheer out). Roles that need a second person wait in RolAanvraag."""
    return user.has("beheerder") and u.id != user.id


# The accounts that confirm grants: a beheerder who could set their password could be the
# second person themself, so their one-time links come from the command line.
BEVESTIGERS = ("beheerder", "dpo")


@rule("gebruiker.wachtwoordlink", User)
def _gebruiker_wachtwoordlink(user: User, u: User) -> bool:
    """A one-time link to set a password: not for one's own account (change it under "Mijn
    wachtwoord"), nor for an account that confirms grants."""
    return user.has("beheerder") and u.id != user.id and not u.has(*BEVESTIGERS)


# RolAanvraag: a role waiting for a second person.
@rule("rolaanvraag.bekijken", RolAanvraag, see=True)
def _rolaanvraag_bekijken(user: User, a: RolAanvraag) -> bool:
    return user.has(*BEVESTIGERS)


@rule("rolaanvraag.beslissen", RolAanvraag)
def _rolaanvraag_beslissen(user: User, a: RolAanvraag) -> bool:
    """Once, by another beheerder or the DPO: never its requester, never the user concerned."""
    return (user.has(*BEVESTIGERS) and a.uitkomst is None
            and a.aangevraagd_door_id != user.id and a.user_id != user.id)


@rule("team.bewerken", Team, see=True)
def _team_bewerken(user: User, t: Team) -> bool:
    """The team's letterhead (address, phone, e-mail): reference data, no dossier content."""
    return user.has("beheerder")


@rule("organisatie.bewerken", Organisatie, see=True)
def _organisatie_bewerken(user: User, o: Organisatie) -> bool:
    return user.has("beheerder")


# --- casusregie: kern (checklist, phases, logboek, spoor, afsluiting, Mijn werk)
# The dossier's own regisseur works in it; the team's coordinator reads everything and may
# reopen it and decide on a spoorvoorstel. Nobody else sees casusregie content.
def _in_regie(d: Dossier) -> bool:
    """Decided as spoor 2 or 3: in casusregie, or closed after it."""
    return d.spoor is not None and d.fase in (*CASUSREGIE, "afgesloten")


@rule("regie.lezen", Dossier)
def _regie_lezen(user: User, d: Dossier) -> bool:
    """The checklist, the logboek, the spoor proposals and the closing checklist."""
    return _in_regie(d) and (_coordinator_of(user, d.team_id) or _eigen_regisseur(user, d))


@rule("regie.werken", Dossier)
def _regie_werken(user: User, d: Dossier) -> bool:
    """Tick steps, write the logboek, move the phase, propose a spoor, close: the dossier's own
    regisseur, while the regie runs."""
    return d.fase in CASUSREGIE and d.spoor is not None and _eigen_regisseur(user, d)


@rule("regie.heropenen", Dossier)
def _regie_heropenen(user: User, d: Dossier) -> bool:
    """Reopen a dossier closed after casusregie: the team's coordinator."""
    return d.fase == "afgesloten" and d.spoor is not None and _coordinator_of(user, d.team_id)


@rule("logboek.view", Logboek, see=True)
def _logboek_view(user: User, entry: Logboek) -> bool:
    return can(user, "regie.lezen", entry.dossier)


@rule("logboek.corrigeren", Logboek)
def _logboek_corrigeren(user: User, entry: Logboek) -> bool:
    """Only the current version, by who works in the dossier."""
    return entry.actueel and can(user, "regie.werken", entry.dossier)


@rule("spoorvoorstel.view", Spoorvoorstel, see=True)
def _spoorvoorstel_view(user: User, v: Spoorvoorstel) -> bool:
    return can(user, "regie.lezen", v.dossier)


@rule("spoorvoorstel.beslissen", Spoorvoorstel)
def _spoorvoorstel_beslissen(user: User, v: Spoorvoorstel) -> bool:
    """Once, by a coordinator of the dossier's team, while the regie runs."""
    return (v.uitkomst is None and v.dossier.fase in CASUSREGIE
            and _coordinator_of(user, v.dossier.team_id))


@rule("regiestap.bewerken", RegieStap, see=True)
@rule("levensdomein.bewerken", Levensdomein, see=True)
def _regie_referentie(user: User, obj) -> bool:
    """The checklist steps and life domains are reference data: the functioneel beheerder's."""
    return user.has("beheerder")


def spoorvoorstellen_voor(user: User):
    """The waiting spoor proposals of the dossiers of the teams this coordinator looks after."""
    if not user.has("coordinator"):
        return Spoorvoorstel.select().where(NOTHING)
    return (Spoorvoorstel.select(Spoorvoorstel, Dossier).join(Dossier)
            .where(Spoorvoorstel.uitkomst.is_null() & Dossier.team.in_(_teams_of(user))
                   & Dossier.fase.in_(CASUSREGIE)))


# --- casusregie: veiligheidsplan en zorgoverleg
# Read by the team's coordinator and the dossier's own regisseur; written by the regisseur only,
# and only while the dossier is in casusregie (a closed dossier is read-only). Kernpartners,
# partners, parket, aanmelders, beheer and the DPO see none of it.
def _regie_lezen(user: User, d: Dossier) -> bool:
    return _coordinator_of(user, d.team_id) or _eigen_regisseur(user, d)


def _regie_schrijven(user: User, d: Dossier) -> bool:
    return _eigen_regisseur(user, d) and d.fase in CASUSREGIE


@rule(("veiligheidsplan.view", "zorgoverleg.view"), Dossier)
def _vp_zo_lezen(user: User, d: Dossier) -> bool:
    return _regie_lezen(user, d)


@rule(("veiligheidsplan.edit", "zorgoverleg.create"), Dossier)
def _vp_zo_schrijven(user: User, d: Dossier) -> bool:
    return _regie_schrijven(user, d)


@rule(("veiligheidsplan.view", "veiligheidsplan.pdf"), Veiligheidsplan, see=True)
def _veiligheidsplan_view(user: User, vp: Veiligheidsplan) -> bool:
    """A version and its copies for the family (print view, PDF)."""
    return _regie_lezen(user, vp.dossier)


@rule(("zorgoverleg.view", "zorgoverleg.ics"), Zorgoverleg, see=True)
def _zorgoverleg_view(user: User, zo: Zorgoverleg) -> bool:
    return _regie_lezen(user, zo.dossier)


@rule(("zorgoverleg.verslag", "zorgoverleg.besluit"), Zorgoverleg)
def _zorgoverleg_schrijven(user: User, zo: Zorgoverleg) -> bool:
    """Minutes and decisions: the regisseur (the workflow of the meeting itself, e.g. not before
    its day, is vh/regie/zorgoverleg.py's)."""
    return _regie_schrijven(user, zo.dossier)
