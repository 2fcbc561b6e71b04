"""The append-only, hash-chained audit trail (domain rule 6).

Every view of a dossier or person and every change is written here: who, when, what, from
where, and for a change the old and new values. Views load dossier data through `load()`, which
checks access and writes the event in one step, so a new view cannot forget either.

Each event's hash covers its content and the previous event's hash; `verify()` walks the chain
and names the first event that was edited, inserted or deleted.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json

from flask import has_request_context, request
from flask_login import current_user

from . import access
from .db import db
from .models import AuditEvent, Nummering, utcnow
from .tijd import naar_utc

CHAIN = "audit"  # the Nummering row that serialises writers and counts the events


def _client_ip() -> str:
    return (request.remote_addr or "") if has_request_context() else "cli"


def _json(value) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def _digest(event: AuditEvent) -> str:
    content = [event.op.isoformat(), event.user_id, event.user_email, event.actie,
               event.object_type, event.object_id, event.dossier_id, event.ip, event.details,
               event.prev_hash]
    return hashlib.sha256(_json(content).encode()).hexdigest()


def record(actie: str, obj=None, *, dossier_id: int | None = None, details: dict | None = None,
           user=None) -> AuditEvent:
    """Append one event. `obj` is the model instance concerned; its dossier is found if it has one."""
    user = user if user is not None else (current_user if has_request_context() else None)
    if user is not None and not getattr(user, "is_authenticated", False):
        user = None
    if dossier_id is None and obj is not None:
        dossier_id = obj.id if type(obj).__name__ == "Dossier" else getattr(obj, "dossier_id", None)
    with db.atomic():
        # Taking the counter's row lock first orders concurrent writers, so the chain stays linear.
        Nummering.volgende_nr(CHAIN, jaar=0)
        last = AuditEvent.select(AuditEvent.hash).order_by(AuditEvent.id.desc()).first()
        event = AuditEvent(
            op=utcnow(), user_id=user.id if user else None, user_email=user.email if user else "",
            actie=actie, object_type=type(obj).__name__ if obj is not None else "",
            object_id=obj.id if obj is not None else None, dossier_id=dossier_id,
            ip=_client_ip()[:64], details=_json(details) if details else "",
            prev_hash=last.hash if last else "")
        event.hash = _digest(event)  # written once: the table allows no UPDATE
        event.save(force_insert=True)
    return event


def changes(old: dict, new: dict) -> dict:
    """Only the fields that changed, as {"veld": [oud, nieuw]}."""
    return {k: [old.get(k), new.get(k)] for k in sorted(set(old) | set(new)) if old.get(k) != new.get(k)}


def record_change(actie: str, obj, old: dict, new: dict, **kwargs) -> AuditEvent | None:
    diff = changes(old, new)
    return record(actie, obj, details={"wijzigingen": diff}, **kwargs) if diff else None


def load(model, pk, action: str | None = None, *, audit_action: str | None = None):
    """Load one object for display: `access.load()` (404 if absent, the 404/403 check), then the
    audit event.

    `action` defaults to the model's view action (e.g. dossier.view). The event is written only
    when access was granted, under `audit_action` (default: the same name)."""
    action = action or f"{model.__name__.lower()}.view"
    obj = access.load(model, pk, action)
    record(audit_action or action, obj)
    return obj


def verify() -> tuple[bool, str]:
    """Walk the chain. Returns (ok, message); the message names the first broken event."""
    prev = ""
    count = 0
    for event in AuditEvent.select().order_by(AuditEvent.id).iterator():
        count += 1
        if event.prev_hash != prev:
            return False, f"Keten gebroken bij gebeurtenis {event.id}: de vorige gebeurtenis ontbreekt of werd gewijzigd."
        if _digest(event) != event.hash:
            return False, f"Keten gebroken bij gebeurtenis {event.id}: de inhoud werd gewijzigd."
        prev = event.hash
    counter = Nummering.get_or_none((Nummering.soort == CHAIN) & (Nummering.jaar == 0))
    expected = counter.laatste if counter else 0
    if count != expected:
        return False, f"Keten gebroken: {expected} gebeurtenissen geschreven, {count} gevonden (de laatste werden verwijderd)."
    return True, f"Audittrail in orde: {count} gebeurtenissen."


def period(van: dt.date | None, tot: dt.date | None):
    """Filter helper for the audit screen: [van, tot] inclusive, by calendar day in Brussels."""
    q = AuditEvent.select()
    if van:
        q = q.where(AuditEvent.op >= naar_utc(van))
    if tot:
        q = q.where(AuditEvent.op < naar_utc(tot + dt.timedelta(days=1)))
    return q
