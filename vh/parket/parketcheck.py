"""The parketcheck's rules: ask the parket, record its answer, how long a request waits, and
what the parket may see to decide (the persons with their birth dates, the PV numbers, the forms
of IFG and a short summary of the latest incident; never the bijdragen, never the full referral).
Every change is one transaction with its audit events."""
from __future__ import annotations

import datetime as dt

from flask import current_app
from peewee import fn

from vh import access, audit, meldingen, transitions
from vh.db import db
from vh.dossier.gevoelig import gevoelig
from vh.keuzes import ParketUitkomst
from vh.models import (
    Aanmelding,
    Dossier,
    Organisatie,
    Parketcheck,
    Persoon,
    Team,
    TeamArrondissement,
    User,
    utcnow,
)
from vh.templating import dagen_sinds

RECENT_BEANTWOORD_DAGEN = 30
MAX_OPEN = 200
MAX_BEANTWOORD = 25
SAMENVATTING_TEKENS = 400


class AlBeantwoord(Exception):
    """Someone answered this request already (two tabs, two magistrates)."""


# ---------------------------------------------------------------- asking and answering
def vraag_aan(dossier: Dossier, user) -> Parketcheck:
    """Ask the parket (raises WorkflowError when the phase is wrong or the parket is paused)."""
    with db.atomic():
        transitions.voer_uit(dossier, "parket_vragen", user)
        check = Parketcheck.create(dossier=dossier, gevraagd_door=user, gevraagd_op=dossier.fase_sinds)
        audit.record("parketcheck.request", check, user=user)
        meldingen.parketvraag(check)
    return check


def _snapshot(check: Parketcheck) -> dict:
    return {"uitkomst": check.uitkomst, "beperkingen": check.beperkingen, "reden": check.reden,
            "beantwoord_op": check.beantwoord_op, "beantwoord_door": check.beantwoord_door_id}


def beantwoord(check: Parketcheck, user, uitkomst: str, beperkingen: str = "", reden: str = "") -> Parketcheck:
    """Record the parket's answer and move the dossier on to 'te bespreken' (raises AlBeantwoord
    when someone answered first, WorkflowError when the dossier no longer waits)."""
    uitkomst = ParketUitkomst(uitkomst)  # ValueError for anything else
    old = _snapshot(check)
    values = dict(uitkomst=uitkomst, beantwoord_op=utcnow(), beantwoord_door=user.id,
                  beperkingen=beperkingen.strip() if uitkomst == ParketUitkomst.BEPERKINGEN else "",
                  reden=reden.strip() if uitkomst == ParketUitkomst.BEZWAAR else "")
    with db.atomic():
        n = (Parketcheck.update(**values)
             .where((Parketcheck.id == check.id) & Parketcheck.uitkomst.is_null()).execute())
        if n != 1:
            raise AlBeantwoord()
        check = Parketcheck.get_by_id(check.id)
        transitions.voer_uit(check.dossier, "parket_antwoord", user, uitkomst.label)
        audit.record_change("parketcheck.answer", check, old, _snapshot(check), user=user)
    return check


# ---------------------------------------------------------------- is anyone there to answer?
def parket_zonder_account(team: Team) -> str | None:
    """The warning for the coordinator when no active account of the team's parket exists (an
    active user with the role parket whose organisation serves one of the team's
    arrondissements, as `access.parketchecks_visible_to` requires): a request would wait
    unseen. None when someone can answer (one query)."""
    regio = TeamArrondissement.select(TeamArrondissement.arrondissement).where(
        TeamArrondissement.team == team.id)
    if User.with_role("parket").join(Organisatie).where(Organisatie.arrondissement.in_(regio)).exists():
        return None
    return (f"Het parket van {' en '.join(team.arrondissementen) or team.naam} heeft nog geen actief account: "
            "de vraag wordt niet gezien. Vraag de beheerder een account aan te maken.")


# ---------------------------------------------------------------- waiting
def wacht_dagen_max() -> int:
    """After how many days a request waits too long (VH_PARKET_WAIT_DAYS, default 5)."""
    return int(current_app.config.get("VH_PARKET_WAIT_DAYS", 5))


def wacht(check: Parketcheck) -> dict:
    """How long a request waits, and whether that is too long (for the red tag)."""
    dagen = dagen_sinds(check.gevraagd_op)
    return {"dagen": dagen, "te_lang": check.uitkomst is None and dagen > wacht_dagen_max()}


# ---------------------------------------------------------------- what the parket sees
def _met_dossier(query):
    return query.select(Parketcheck, Dossier, Team).join_from(Dossier, Team)


def lijst(user) -> dict:
    """The parket's list of the requests `user` may see (access.parketchecks_visible_to): the
    open ones oldest first, each as (check, wacht, number of persons), and those answered in the
    last 30 days; bounded queries whatever the number of rows. The view is audited."""
    zichtbaar = access.parketchecks_visible_to(user)
    open_ = list(_met_dossier(zichtbaar).where(Parketcheck.uitkomst.is_null())
                 .order_by(Parketcheck.gevraagd_op, Parketcheck.id).limit(MAX_OPEN))
    sinds = utcnow() - dt.timedelta(days=RECENT_BEANTWOORD_DAGEN)
    beantwoord_ = list(_met_dossier(zichtbaar)
                       .where(Parketcheck.uitkomst.is_null(False) & (Parketcheck.beantwoord_op >= sinds))
                       .order_by(Parketcheck.beantwoord_op.desc()).limit(MAX_BEANTWOORD))
    ids = [c.dossier.id for c in open_]
    aantallen = {}
    if ids:
        aantallen = dict(Persoon.select(Persoon.dossier, fn.COUNT(Persoon.id))
                         .where(Persoon.dossier.in_(ids)).group_by(Persoon.dossier).tuples())
    audit.record("parket.lijst", details={"parketchecks": [c.id for c in open_ + beantwoord_]})
    return dict(open_=[(c, wacht(c), aantallen.get(c.dossier.id, 0)) for c in open_],
                beantwoord=beantwoord_, max_dagen=wacht_dagen_max(), recent_dagen=RECENT_BEANTWOORD_DAGEN)


def pv_nummers(aanmeldingen) -> list[str]:
    """The distinct PV numbers of the referrals, in order (separated by ',', ';' or a new line)."""
    pv: list[str] = []
    for a in aanmeldingen:
        for nr in (a.pv_nummers or "").replace(";", ",").replace("\n", ",").split(","):
            if nr.strip() and nr.strip() not in pv:
                pv.append(nr.strip())
    return pv


def samenvatting(tekst: str | None, tekens: int = SAMENVATTING_TEKENS) -> str:
    """The text on one line, cut at a word before `tekens` characters (with ' …')."""
    tekst = " ".join((tekst or "").split())
    return tekst if len(tekst) <= tekens else tekst[:tekens].rsplit(" ", 1)[0] + " …"


def beslissingsinfo(check: Parketcheck) -> dict:
    """Only what the parket needs to decide on `check`."""
    d = check.dossier
    personen = list(Persoon.van(dossier=d).order_by(Persoon.geboortedatum, Persoon.id))
    aanmeldingen = list(Aanmelding.select(Aanmelding.id, Aanmelding.pv_nummers, Aanmelding.recent_incident,
                                          Aanmelding.datum_incident, Aanmelding.ingediend_op)
                        .where(Aanmelding.dossier == d.id)
                        .order_by(Aanmelding.ingediend_op.desc(), Aanmelding.id.desc()))
    laatste = aanmeldingen[0] if aanmeldingen else None
    # The banners as facts, without the referrer's free text (the decision does not need it).
    return dict(dossier=d, personen=personen, pv_nummers=pv_nummers(aanmeldingen),
                gevoelig=gevoelig(d, volledig=False),
                samenvatting=samenvatting(laatste.recent_incident) if laatste else "",
                datum_incident=laatste.datum_incident if laatste else None)
