"""The DPO's search of the audit trail: the filters (user, dossier, period in Brussels days),
one page of events, newest first, readable. Looking is itself written to the trail
("audit.view"). A page loads in a fixed number of queries, whatever its rows."""
from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass

from vh import audit
from vh.models import AuditEvent, Dossier, User
from vh.templating import datum
from vh.tijd import lokaal

PER_PAGINA = 50
GEEN_DOSSIER = "Er is geen dossier met dit nummer. Controleer het nummer, bijvoorbeeld D-2026-0001."

ACTIES = {
    "auth.login": "Aangemeld", "auth.logout": "Afgemeld",
    "audit.view": "Audittrail bekeken",
    "dossier.view": "Dossier bekeken", "aanmelding.view": "Aanmelding bekeken",
    "aanmelding.status": "Status van aanmelding bekeken", "parketcheck.view": "Parketcheck bekeken",
    "overleg.view": "Overleg bekeken",
    "beheer.gebruiker.create": "Gebruiker aangemaakt", "beheer.gebruiker.edit": "Gebruiker gewijzigd",
    "beheer.gebruiker.deactivate": "Gebruiker gedeactiveerd",
    "beheer.gebruiker.reactivate": "Gebruiker opnieuw geactiveerd",
    "beheer.organisatie.create": "Organisatie toegevoegd",
    "beheer.organisatie.edit": "Organisatie gewijzigd",
    "beheer.organisatie.deactivate": "Organisatie gedeactiveerd",
    "beheer.organisatie.reactivate": "Organisatie opnieuw geactiveerd",
}


def gebruikers() -> list[User]:
    """Everyone who can appear in the trail, for the filter's choices and the rows' names."""
    return list(User.select(User.id, User.naam, User.email).order_by(User.naam, User.id))


@dataclass(frozen=True)
class Zoekopdracht:
    """What the DPO asked for; `geldig` False when a filter is wrong (the error is on the form)."""
    geldig: bool
    gebruiker: str = ""  # a user id, or "" for everyone
    dossier: Dossier | None = None
    van: dt.date | None = None
    tot: dt.date | None = None

    @property
    def filters(self) -> dict[str, str]:
        """The filters as URL arguments (for the pages' links), only those that are set."""
        return {k: v for k, v in (("gebruiker", self.gebruiker),
                                  ("dossier", self.dossier.nummer if self.dossier else ""),
                                  ("van", self.van.isoformat() if self.van else ""),
                                  ("tot", self.tot.isoformat() if self.tot else "")) if v}


def zoekopdracht(form) -> Zoekopdracht:
    """Validate the filter form (an `AuditFilterForm`); an unknown dossier number is an error
    beside its field."""
    geldig = form.validate()
    dossier = None
    if geldig and form.dossier.data and form.dossier.data.strip():
        dossier = Dossier.get_or_none(Dossier.nummer == form.dossier.data.strip().upper())
        if dossier is None:
            form.dossier.errors.append(GEEN_DOSSIER)
            geldig = False
    if not geldig:
        return Zoekopdracht(False, form.gebruiker.data or "")
    return Zoekopdracht(True, form.gebruiker.data or "", dossier, form.van.data, form.tot.data)


def bekijk(opdracht: Zoekopdracht, pagina: int, namen: dict[int, str]) -> dict:
    """Page `pagina` (clamped to the last) of the events `opdracht` selects, newest first, as
    {totaal, pagina, paginas, rijen}; `namen` names the users. Writes the "audit.view" event."""
    query = audit.period(opdracht.van, opdracht.tot)
    if opdracht.gebruiker:
        query = query.where(AuditEvent.user_id == int(opdracht.gebruiker))
    if opdracht.dossier:
        query = query.where(AuditEvent.dossier_id == opdracht.dossier.id)
    totaal = query.count()
    paginas = max(1, math.ceil(totaal / PER_PAGINA))
    pagina = min(max(1, pagina), paginas)
    events = list(query.order_by(AuditEvent.id.desc()).paginate(pagina, PER_PAGINA))

    # The dossier numbers of the whole page in one query, not one per row.
    dossier_ids = {e.dossier_id for e in events if e.dossier_id}
    nummers = ({d.id: d.nummer for d in Dossier.select(Dossier.id, Dossier.nummer)
                .where(Dossier.id.in_(list(dossier_ids)))} if dossier_ids else {})
    rijen = [{
        "event": e, "tijd": _tijd(e.op), "iso": e.op.isoformat() + "Z",
        "naam": namen.get(e.user_id, ""), "actie": ACTIES.get(e.actie, e.actie),
        "dossier": nummers.get(e.dossier_id, f"#{e.dossier_id}" if e.dossier_id else ""),
        "details": leesbaar(e.details)} for e in events]
    audit.record("audit.view", details={"filter": opdracht.filters, "pagina": pagina})
    return {"totaal": totaal, "pagina": pagina, "paginas": paginas, "rijen": rijen}


def _tijd(op) -> str:
    t = lokaal(op)
    return f"{datum(op)}, {t:%H:%M:%S}"


def _waarde(value) -> str:
    if value is None or value == "" or value == []:
        return "(leeg)"
    if value is True:
        return "ja"
    if value is False:
        return "nee"
    if isinstance(value, list):
        return ", ".join(_waarde(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def leesbaar(details: str) -> dict:
    """Details as {"wijzigingen": [(veld, oud, nieuw)], "overig": [(sleutel, waarde)]}."""
    if not details:
        return {"wijzigingen": [], "overig": []}
    try:
        data = json.loads(details)
    except ValueError:
        return {"wijzigingen": [], "overig": [("details", details)]}
    if not isinstance(data, dict):
        return {"wijzigingen": [], "overig": [("details", _waarde(data))]}
    wijzigingen = []
    paren = dict(data.get("wijzigingen") or {})
    if isinstance(data.get("fase"), list):  # a transition: {"fase": [van, naar], ...}
        paren = {"fase": data.pop("fase"), **paren}
    for veld, paar in paren.items():
        oud, nieuw = (paar + [None, None])[:2] if isinstance(paar, list) else (None, paar)
        wijzigingen.append((veld, _waarde(oud), _waarde(nieuw)))
    overig = [(k, _waarde(v)) for k, v in sorted(data.items()) if k != "wijzigingen"]
    return {"wijzigingen": wijzigingen, "overig": overig}
