"""Opschalen / afschalen: the regisseur proposes the other spoor, the coordinator decides.

A spoor-2 regisseur proposes spoor 3; a spoor-3 regisseur proposes spoor 2, only when the family
lives in a pilot zone (domain rule 2). The proposal waits on the triage board ("Voorstellen")
until a coordinator of the team accepts it (the spoor changes, the regisseur may be reassigned,
an Overgang is stamped) or refuses it with a reason. One proposal waits at a time; a proposal is
decided once (a conditional UPDATE WHERE uitkomst IS NULL: the second decision gets a conflict)."""
from __future__ import annotations

from peewee import JOIN

from vh import audit
from vh.db import db
from vh.models import Dossier, Overgang, Spoorvoorstel, User, utcnow
from vh.triage.besluiten import regisseurs
from vh.workflow import CASUSREGIE

REDEN_MAX = 2000
AANVAARD, GEWEIGERD = "aanvaard", "geweigerd"


class SpoorFout(Exception):
    """A refused proposal or decision; `veld` is the form field, `conflict` a decision that came
    second (409)."""

    def __init__(self, message: str, veld: str = "reden", conflict: bool = False):
        super().__init__(message)
        self.veld = veld
        self.conflict = conflict


def naar_spoor(dossier: Dossier) -> int | None:
    return {2: 3, 3: 2}.get(dossier.spoor)


def wachtend(dossier: Dossier) -> Spoorvoorstel | None:
    return (Spoorvoorstel.select().where((Spoorvoorstel.dossier == dossier.id) & Spoorvoorstel.uitkomst.is_null())
            .order_by(Spoorvoorstel.id.desc()).first())


def geschiedenis(dossier: Dossier) -> list[Spoorvoorstel]:
    """Every proposal of the dossier, newest first, with who proposed and decided (one query)."""
    Door, Beslist = User.alias(), User.alias()
    return list(Spoorvoorstel.select(Spoorvoorstel, Door, Beslist)
                .join(Door, on=(Spoorvoorstel.voorgesteld_door == Door.id)).switch(Spoorvoorstel)
                .join(Beslist, JOIN.LEFT_OUTER, on=(Spoorvoorstel.beslist_door == Beslist.id))
                .where(Spoorvoorstel.dossier == dossier.id)
                .order_by(Spoorvoorstel.voorgesteld_op.desc(), Spoorvoorstel.id.desc()))


def weigering(dossier: Dossier) -> str | None:
    """Why the regisseur cannot propose the other spoor now, or None."""
    if dossier.fase not in CASUSREGIE or dossier.spoor not in (2, 3):
        return "Alleen een dossier in casusregie kan van spoor veranderen."
    if dossier.spoor == 3 and not dossier.pilootzone:
        return "Spoor 2 kan alleen als het gezin in een pilootzone woont."
    if wachtend(dossier):
        return "Er wacht al een voorstel op het besluit van de coördinator."
    return None


def stel_voor(dossier: Dossier, reden: str, user) -> Spoorvoorstel:
    """The regisseur proposes the other spoor, with a reason."""
    fout = weigering(dossier)
    if fout:
        raise SpoorFout(fout)
    reden = (reden or "").strip()
    if not reden:
        raise SpoorFout("Schrijf waarom het dossier naar een ander spoor moet.")
    if len(reden) > REDEN_MAX:
        raise SpoorFout(f"De reden is te lang: gebruik hoogstens {REDEN_MAX} tekens.")
    with db.atomic():
        voorstel = Spoorvoorstel.create(dossier=dossier, van_spoor=dossier.spoor, naar_spoor=naar_spoor(dossier),
                                        reden=reden, voorgesteld_door=user)
        audit.record_change("spoorvoorstel.create", voorstel, {},
                            {"van_spoor": voorstel.van_spoor, "naar_spoor": voorstel.naar_spoor}, user=user)
    return voorstel


def kandidaten(voorstel: Spoorvoorstel) -> list[User]:
    """Who may direct the dossier in the proposed spoor (as at the decision)."""
    return list(regisseurs(voorstel.dossier, f"spoor{voorstel.naar_spoor}"))


def beslis(voorstel: Spoorvoorstel, uitkomst: str, user, *, motivering: str = "",
           regisseur: User | None = None) -> Spoorvoorstel:
    """Accept (with the regisseur of the new spoor) or refuse (with a reason) `voorstel`."""
    motivering = (motivering or "").strip()
    if uitkomst not in (AANVAARD, GEWEIGERD):
        raise SpoorFout("Kies: aanvaarden of weigeren.", "uitkomst")
    if uitkomst == GEWEIGERD and not motivering:
        raise SpoorFout("Schrijf waarom het voorstel geweigerd wordt.", "motivering")
    if len(motivering) > REDEN_MAX:
        raise SpoorFout(f"De motivering is te lang: gebruik hoogstens {REDEN_MAX} tekens.", "motivering")
    dossier = Dossier.get_by_id(voorstel.dossier_id)
    if uitkomst == AANVAARD:
        if dossier.spoor != voorstel.van_spoor or dossier.fase not in CASUSREGIE:
            raise SpoorFout("Het dossier is intussen veranderd: dit voorstel kan niet meer.", "uitkomst",
                            conflict=True)
        if voorstel.naar_spoor == 2 and not dossier.pilootzone:
            raise SpoorFout("Spoor 2 kan alleen als het gezin in een pilootzone woont.", "uitkomst")
        if regisseur is None or regisseur.id not in {u.id for u in kandidaten(voorstel)}:
            raise SpoorFout(f"Kies een casusregisseur voor spoor {voorstel.naar_spoor}.", "regisseur")
    nu = utcnow()
    with db.atomic():
        n = (Spoorvoorstel.update(uitkomst=uitkomst, beslist_door=user.id, beslist_op=nu, motivering=motivering)
             .where((Spoorvoorstel.id == voorstel.id) & Spoorvoorstel.uitkomst.is_null()).execute())
        if not n:
            raise SpoorFout("Over dit voorstel werd intussen al beslist.", "uitkomst", conflict=True)
        audit.record_change("spoorvoorstel.beslissen", voorstel, {"uitkomst": None},
                            {"uitkomst": uitkomst}, user=user)
        if uitkomst == AANVAARD:
            oud = {"spoor": dossier.spoor, "regisseur_id": dossier.regisseur_id}
            Dossier.update(spoor=voorstel.naar_spoor, regisseur=regisseur.id).where(Dossier.id == dossier.id).execute()
            Overgang.create(dossier=dossier, van=dossier.fase, naar=dossier.fase, door=user, op=nu,
                            actie="opschalen" if voorstel.naar_spoor == 3 else "afschalen",
                            toelichting=f"spoorvoorstel {voorstel.id}")
            audit.record_change("dossier.spoor", dossier, oud,
                                {"spoor": voorstel.naar_spoor, "regisseur_id": regisseur.id}, user=user)
    return Spoorvoorstel.get_by_id(voorstel.id)
