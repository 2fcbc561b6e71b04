"""Notifications by e-mail, through an outbox (issue 11, items 6–8).

    plannen.py       plan() and the hooks the rule modules call inside their transaction
    bezorgen.py      delivery over SMTP: claim, send, retry with backoff, never twice
    dagoverzicht.py  the daily overview per user, and the registry of its sources (dagbron)
    voorkeur.py      the user's choice: at once or in the daily overview; the beheerder's outbox list
    routes.py        the account page "Mijn e-mails"

Import the hooks from here: `from vh import meldingen; meldingen.aanmelding_ingediend(a)`.
"""
from .plannen import (  # noqa: F401 (the hooks of the rule modules)
    aanmelding_ingediend,
    actie_toegewezen,
    besluit,
    brief_verzonden,
    nieuwe_aanmelding,
    parketvraag,
    plan,
    politie_import,
)
