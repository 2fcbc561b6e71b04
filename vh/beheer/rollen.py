"""Roles that need a second person: coordinator, parket, DPO, the casusregisseurs and beheerder
itself (a beheerder who could make a second beheerder alone would also be the second person).
Beheer asks them (`vraag_aan`); they are not active until another beheerder or the DPO confirms
(`beslis`); who may decide is `access`'s "rolaanvraag.beslissen" (never the requester, never the
user concerned). The command line grants at once (`ken_toe`): the bootstrap path. Every request,
decision and withdrawal is audited."""
from __future__ import annotations

from peewee import JOIN

from vh import access, audit
from vh.db import db
from vh.keuzes import Rol
from vh.models import ROLLEN, RolAanvraag, User, join_list, utcnow

from . import Geweigerd

MET_BEVESTIGING = (Rol.COORDINATOR, Rol.PARKET, Rol.REGISSEUR2, Rol.REGISSEUR3, Rol.BEHEERDER, Rol.DPO)
AL_BESLIST = "Over deze aanvraag werd al beslist."
NIET_DOOR_U = ("U kunt deze aanvraag niet zelf beslissen: u vroeg ze aan of ze gaat over uw eigen "
               "account. Een andere beheerder of de DPO beslist.")


def openstaand():
    """The waiting requests with the user and the requester, oldest first (one query)."""
    Aanvrager = User.alias()
    return list(RolAanvraag.select(RolAanvraag, User, Aanvrager)
                .join(User, on=(RolAanvraag.user == User.id))
                .switch(RolAanvraag)
                .join(Aanvrager, on=(RolAanvraag.aangevraagd_door == Aanvrager.id), join_type=JOIN.LEFT_OUTER)
                .where(RolAanvraag.uitkomst.is_null())
                .order_by(RolAanvraag.aangevraagd_op, RolAanvraag.id))


def openstaand_voor(user: User) -> list[RolAanvraag]:
    return list(RolAanvraag.openstaand().where(RolAanvraag.user == user.id).order_by(RolAanvraag.id))


def vraag_aan(user: User, rol: str, door: User) -> RolAanvraag:
    """Ask `rol` for `user` (inside the caller's transaction); an existing waiting request for
    the same role is returned as it is."""
    bestaand = RolAanvraag.openstaand().where((RolAanvraag.user == user.id) & (RolAanvraag.rol == rol)).first()
    if bestaand is not None:
        return bestaand
    aanvraag = RolAanvraag.create(user=user, rol=rol, aangevraagd_door=door)
    audit.record("beheer.rol.aangevraagd", user, user=door, details={"rol": rol, "aanvraag": aanvraag.id})
    return aanvraag


def trek_in(aanvraag: RolAanvraag, door: User) -> None:
    """The role was unticked while it waited (inside the caller's transaction)."""
    if _sluit(aanvraag, "ingetrokken", door):
        audit.record("beheer.rol.ingetrokken", aanvraag.user, user=door,
                     details={"rol": aanvraag.rol, "aanvraag": aanvraag.id})


def _sluit(aanvraag: RolAanvraag, uitkomst: str, door: User | None) -> bool:
    """Close a waiting request in one conditional statement: False when it was already decided."""
    return (RolAanvraag.update(uitkomst=uitkomst, beslist_door=door, beslist_op=utcnow())
            .where((RolAanvraag.id == aanvraag.id) & RolAanvraag.uitkomst.is_null()).execute()) == 1


def _voeg_rol_toe(user: User, rol: str, actie: str, door: User | None) -> None:
    user = User.get_by_id(user.id)
    oud = sorted(user.roles)
    user.rollen = join_list(r for r in ROLLEN if r in user.roles | {rol})
    user.save(only=[User.rollen])
    audit.record_change(actie, user, {"rollen": oud}, {"rollen": sorted(user.roles)}, user=door)


def beslis(aanvraag: RolAanvraag, beslissing: str, door: User) -> RolAanvraag:
    """"bevestigen" (the role becomes active) or "weigeren". Geweigerd when `door` may not decide
    it (access) or it was decided meanwhile."""
    if beslissing not in ("bevestigen", "weigeren"):
        raise ValueError(beslissing)
    if not access.can(door, "rolaanvraag.beslissen", aanvraag):
        raise Geweigerd("beslissing", AL_BESLIST if aanvraag.uitkomst else NIET_DOOR_U)
    with db.atomic():
        uitkomst = "bevestigd" if beslissing == "bevestigen" else "geweigerd"
        if not _sluit(aanvraag, uitkomst, door):
            raise Geweigerd("beslissing", AL_BESLIST)
        if uitkomst == "bevestigd":
            _voeg_rol_toe(aanvraag.user, aanvraag.rol, "beheer.rol.bevestigd", door)
        else:
            audit.record("beheer.rol.geweigerd", aanvraag.user, user=door,
                         details={"rol": aanvraag.rol, "aanvraag": aanvraag.id})
    return RolAanvraag.get_by_id(aanvraag.id)


def ken_toe(user: User, rol: str) -> bool:
    """The command line grants `rol` at once (the bootstrap path; no second person exists yet).
    A waiting request for it is closed as confirmed. Returns whether anything changed."""
    if rol not in ROLLEN:
        raise ValueError(rol)
    if rol in user.roles:
        return False
    with db.atomic():
        for aanvraag in openstaand_voor(user):
            if aanvraag.rol == rol:
                _sluit(aanvraag, "bevestigd", None)
        _voeg_rol_toe(user, rol, "beheer.rol.toegekend", None)
    return True


def melding(aanvraag: RolAanvraag) -> str:
    rol = ROLLEN[aanvraag.rol]
    if aanvraag.uitkomst == "bevestigd":
        return f"{aanvraag.user.naam} heeft nu de rol {rol}."
    return f"De rol {rol} voor {aanvraag.user.naam} werd geweigerd."
