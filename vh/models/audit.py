"""The audit trail's table. The rules (hash chain, append-only triggers) live in vh/audit.py."""
from __future__ import annotations

from peewee import CharField, DateTimeField, IntegerField, TextField

from .basis import BaseModel, utcnow


class AuditEvent(BaseModel):
    """Append-only and hash-chained: see vh/audit.py. No foreign keys, so nothing cascades into it."""
    op = DateTimeField(default=utcnow, index=True)
    user_id = IntegerField(null=True, index=True)
    user_email = CharField(max_length=254, default="")
    actie = CharField(max_length=60)
    object_type = CharField(max_length=40, default="")
    object_id = IntegerField(null=True)
    dossier_id = IntegerField(null=True, index=True)
    ip = CharField(max_length=64, default="")
    details = TextField(default="")  # JSON: for a change the old and new values
    prev_hash = CharField(max_length=64, default="")
    hash = CharField(max_length=64)
