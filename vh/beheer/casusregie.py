"""The reference data of the casusregie that a Veilig Huis adapts: the standard checklist steps
per phase (RegieStap) and the life domains (Levensdomein). The beheerder adds, renames, reorders
and (de)activates them; a step or domain is never deleted (ticks, analyses and goals point to it).
Every change is audited with its old and new values."""
from __future__ import annotations

import re
import unicodedata

from vh import audit
from vh.db import db
from vh.keuzes import Fase
from vh.models import Levensdomein, RegieStap
from vh.workflow import CASUSREGIE

from . import Geweigerd

# kind → (model, the field shown and edited, its maximum length, the field that groups the order)
SOORTEN = {"stap": (RegieStap, "tekst", 200, "fase"), "domein": (Levensdomein, "naam", 120, None)}


def stappen() -> list[tuple[str, str, list[RegieStap]]]:
    """(phase, label, its steps in order, inactive ones included) for every casusregie phase."""
    alle = list(RegieStap.select().order_by(RegieStap.volgorde, RegieStap.id))
    return [(f.value, f.label, [s for s in alle if s.fase == f]) for f in CASUSREGIE]


def domeinen() -> list[Levensdomein]:
    return list(Levensdomein.select().order_by(Levensdomein.volgorde, Levensdomein.id))


def _soort(obj) -> str:
    return "stap" if isinstance(obj, RegieStap) else "domein"


def _snapshot(obj) -> dict:
    _, veld, _, groep = SOORTEN[_soort(obj)]
    return {veld: getattr(obj, veld), "volgorde": obj.volgorde, "actief": obj.actief,
            **({groep: getattr(obj, groep)} if groep else {})}


def _tekst(soort: str, tekst: str) -> str:
    _, _, maximum, _ = SOORTEN[soort]
    tekst = " ".join((tekst or "").split())
    if not tekst:
        raise Geweigerd("tekst", "Vul de tekst van de stap in." if soort == "stap" else "Vul de naam van het levensdomein in.")
    if len(tekst) > maximum:
        raise Geweigerd("tekst", f"Gebruik hoogstens {maximum} tekens.")
    return tekst


def _code(naam: str) -> str:
    """A code for a new life domain from its name: 'Werk & school' → 'werk_school' (unique)."""
    ascii_ = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode()
    basis = re.sub(r"[^a-z0-9]+", "_", ascii_.lower()).strip("_")[:30] or "domein"
    code, n = basis, 1
    while Levensdomein.select().where(Levensdomein.code == code).exists():
        n += 1
        code = f"{basis}_{n}"
    return code


def _groep(obj):
    model, _, _, groep = SOORTEN[_soort(obj)]
    query = model.select()
    if groep:
        query = query.where(getattr(model, groep) == getattr(obj, groep))
    return list(query.order_by(model.volgorde, model.id))


def voeg_toe(soort: str, tekst: str, user, fase: str | None = None):
    """A new step (of `fase`) or life domain, last in its order."""
    tekst = _tekst(soort, tekst)
    if soort == "stap" and fase not in CASUSREGIE:
        raise Geweigerd("fase", "Kies de fase waarin de stap hoort.")
    model = SOORTEN[soort][0]
    with db.atomic():
        if soort == "stap":
            laatste = RegieStap.select().where(RegieStap.fase == fase).order_by(RegieStap.volgorde.desc()).first()
            obj = RegieStap.create(fase=fase, tekst=tekst, volgorde=(laatste.volgorde if laatste else 0) + 1)
        else:
            laatste = Levensdomein.select().order_by(Levensdomein.volgorde.desc()).first()
            obj = Levensdomein.create(code=_code(tekst), naam=tekst, volgorde=(laatste.volgorde if laatste else 0) + 1)
        audit.record_change(f"beheer.{model.__name__.lower()}.create", obj, {}, _snapshot(obj), user=user)
    return obj


def wijzig(obj, tekst: str, user):
    """Rename a step or life domain (its code stays: data points to it)."""
    soort = _soort(obj)
    tekst = _tekst(soort, tekst)
    old = _snapshot(obj)
    with db.atomic():
        setattr(obj, SOORTEN[soort][1], tekst)
        obj.save()
        audit.record_change(f"beheer.{type(obj).__name__.lower()}.edit", obj, old, _snapshot(obj), user=user)
    return obj


def verplaats(obj, richting: str, user) -> bool:
    """One place up ("op") or down ("neer") within its phase; returns whether it moved."""
    if richting not in ("op", "neer"):
        raise ValueError(richting)
    with db.atomic():
        groep = _groep(obj)
        i = next(n for n, o in enumerate(groep) if o.id == obj.id)
        j = i - 1 if richting == "op" else i + 1
        if not 0 <= j < len(groep):
            return False
        groep[i], groep[j] = groep[j], groep[i]
        for volgorde, o in enumerate(groep, start=1):
            if o.volgorde != volgorde:
                type(o).update(volgorde=volgorde).where(type(o).id == o.id).execute()
        audit.record_change(f"beheer.{type(obj).__name__.lower()}.order", obj, {"volgorde": i + 1},
                            {"volgorde": j + 1}, user=user)
    return True


def zet_actief(obj, actief: bool, user) -> bool:
    """Deactivate (no longer offered; what was ticked or written stays) or reactivate."""
    if obj.actief == actief:
        return False
    with db.atomic():
        obj.actief = actief
        obj.save()
        audit.record_change(f"beheer.{type(obj).__name__.lower()}." + ("reactivate" if actief else "deactivate"),
                            obj, {"actief": not actief}, {"actief": actief}, user=user)
    return True


def fase_label(fase: str) -> str:
    return Fase.label_van(fase)
