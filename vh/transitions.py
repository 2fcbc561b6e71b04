"""Apply a workflow transition to a dossier: check it, change the phase, stamp it, audit it."""
from __future__ import annotations

from . import audit, workflow
from .db import db
from .keuzes import Fase
from .models import Dossier, Overgang, utcnow


def voer_uit(dossier: Dossier, actie: str, user, toelichting: str = "", **velden) -> Overgang:
    """Carry out `actie` on `dossier` (raises workflow.WorkflowError when refused).

    `velden` are extra dossier fields set in the same step (e.g. spoor, regisseur)."""
    naar = workflow.check(dossier.toestand(), actie)
    van = dossier.fase
    with db.atomic():
        dossier.fase = naar
        dossier.fase_sinds = utcnow()
        for name, value in velden.items():
            setattr(dossier, name, value)
        if naar == Fase.AFGESLOTEN and not dossier.afgesloten_op:
            dossier.afgesloten_op = dossier.fase_sinds
        dossier.save()
        overgang = Overgang.create(dossier=dossier, van=van, naar=naar, actie=actie, door=user,
                                   op=dossier.fase_sinds, toelichting=toelichting)
        audit.record(f"dossier.{actie}", dossier, user=user,
                     details={"fase": [van, naar], **{k: str(v) for k, v in velden.items()}})
    return overgang
