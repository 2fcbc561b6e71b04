"""Afsluiting and heropening of a dossier in casusregie.

The regisseur closes with the closing checklist (Afsluiting: a reason from Afsluitreden, whether
the safety plan is in place, whether the family was told it can come back, a toelichting); the
workflow refuses while actions are open. The Afsluiting row, the transition and Dossier.afsluitreden
are written in one transaction. A coordinator of the team reopens a closed dossier with a reason:
it goes back to uitvoering and its closing date and reason are cleared (the Afsluiting row stays)."""
from __future__ import annotations

from vh import audit
from vh.db import db
from vh.keuzes import Afsluitreden
from vh.models import Afsluiting, Dossier, User

from . import fasen

TOELICHTING_MAX = 2000


class AfsluitFout(Exception):
    def __init__(self, veld: str, message: str):
        super().__init__(message)
        self.veld = veld


def afsluitingen(dossier: Dossier) -> list[Afsluiting]:
    """Every closure of the dossier, newest first, with who closed it (one query)."""
    return list(Afsluiting.select(Afsluiting, User).join(User, on=(Afsluiting.door == User.id))
                .where(Afsluiting.dossier == dossier.id).order_by(Afsluiting.op.desc(), Afsluiting.id.desc()))


def sluit_af(dossier: Dossier, user, *, reden: str, veiligheidsplan_ok: bool = False,
             gezin_kan_terugkomen: bool = False, toelichting: str = "") -> Afsluiting:
    """Close the dossier with its closing checklist. AfsluitFout for a wrong field,
    WorkflowError (the workflow's reason, e.g. open actions) when it cannot close now."""
    toelichting = (toelichting or "").strip()
    if reden not in Afsluitreden.labels():
        raise AfsluitFout("reden", "Kies waarom het dossier afgesloten wordt.")
    if reden == Afsluitreden.ANDERE and not toelichting:
        raise AfsluitFout("toelichting", "Schrijf welke andere reden het is.")
    if len(toelichting) > TOELICHTING_MAX:
        raise AfsluitFout("toelichting", f"De toelichting is te lang: gebruik hoogstens {TOELICHTING_MAX} tekens.")
    with db.atomic():
        fasen.ga_naar(dossier, "afsluiten", user, toelichting=Afsluitreden.label_van(reden),
                      acties=("afsluiten",))
        afsluiting = Afsluiting.create(dossier=dossier, reden=reden, toelichting=toelichting, door=user,
                                       veiligheidsplan_ok=veiligheidsplan_ok,
                                       gezin_kan_terugkomen=gezin_kan_terugkomen)
        Dossier.update(afsluitreden=reden).where(Dossier.id == dossier.id).execute()
        audit.record_change("dossier.afsluiting", afsluiting, {"afsluitreden": None},
                            {"afsluitreden": reden, "veiligheidsplan_ok": veiligheidsplan_ok,
                             "gezin_kan_terugkomen": gezin_kan_terugkomen}, user=user)
    return afsluiting


def heropen(dossier: Dossier, user, reden: str):
    """A coordinator reopens a closed dossier: back to uitvoering, with a reason (required)."""
    reden = (reden or "").strip()
    if not reden:
        raise AfsluitFout("reden", "Schrijf waarom het dossier heropend wordt.")
    if len(reden) > TOELICHTING_MAX:
        raise AfsluitFout("reden", f"De reden is te lang: gebruik hoogstens {TOELICHTING_MAX} tekens.")
    oud = {"afsluitreden": dossier.afsluitreden, "afgesloten_op": dossier.afgesloten_op}
    with db.atomic():
        fasen.ga_naar(dossier, "heropenen", user, toelichting=reden, acties=("heropenen",))
        Dossier.update(afsluitreden=None, afgesloten_op=None).where(Dossier.id == dossier.id).execute()
        audit.record_change("dossier.heropening", dossier, oud, {"afsluitreden": None, "afgesloten_op": None},
                            user=user)
    return Dossier.get_by_id(dossier.id)
