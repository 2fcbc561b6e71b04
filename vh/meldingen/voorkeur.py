"""The user's choice for the notifications that may wait, and the beheerder's view of the outbox.
Each change is one transaction with its audit event; the list is audited with the ids it showed."""
from __future__ import annotations

from peewee import JOIN, Case, fn

from vh import audit
from vh.db import db
from vh.keuzes import MeldingVoorkeur
from vh.models import Melding, User, utcnow

MAX_LIJST = 100


def zet(user: User, keuze: str) -> User:
    """At once ("direct") or in the daily overview ("dagelijks"); ValueError for anything else.
    Notifications already waiting for the overview stay there."""
    keuze = MeldingVoorkeur(keuze)
    old = {"meldingen": user.meldingen}
    with db.atomic():
        User.update(meldingen=keuze).where(User.id == user.id).execute()
        user.meldingen = keuze
        audit.record_change("account.meldingen", user, old, {"meldingen": str(keuze)}, user=user)
    return user


# What the beheerder may filter the outbox on: name → condition on Melding.
FILTERS = {
    "wachtend": Melding.verzonden_op.is_null() & Melding.opgegeven_op.is_null() & Melding.opgenomen_in.is_null(),
    "mislukt": Melding.opgegeven_op.is_null(False) | ((Melding.laatste_fout != "") & Melding.verzonden_op.is_null()),
    "verzonden": Melding.verzonden_op.is_null(False),
}


def uitgaande_post(filter_: str | None = None, limiet: int = MAX_LIJST) -> dict:
    """The outbox for the beheerder, newest first: at most `limiet` rows (with the account), the
    counts per state, and whether there are more. Without SMTP (VH_SMTP_HOST) the mails wait
    here. Two queries; audited with the ids shown."""
    query = (Melding.select(Melding, User).join(User, JOIN.LEFT_OUTER, on=(Melding.user == User.id))
             .order_by(Melding.aangemaakt_op.desc(), Melding.id.desc()))
    if filter_ in FILTERS:
        query = query.where(FILTERS[filter_])
    rijen = list(query.limit(limiet + 1))
    # one row of counts: SUM(CASE WHEN … THEN 1 ELSE 0 END) per state (portable SQL)
    tellingen = Melding.select(*[fn.SUM(Case(None, [(voorwaarde, 1)], 0)).alias(naam)
                                 for naam, voorwaarde in FILTERS.items()]).dicts().get()
    audit.record("melding.lijst", details={"meldingen": [m.id for m in rijen[:limiet]], "filter": filter_})
    return dict(rijen=rijen[:limiet], meer=len(rijen) > limiet, filter=filter_ if filter_ in FILTERS else None,
                tellingen={naam: int(tellingen.get(naam) or 0) for naam in FILTERS}, nu=utcnow())
