"""'Mijn aanmeldingen': what a referrer may know of their own referrals — a status in plain words,
never the dossier behind it (domain rule 1)."""
from __future__ import annotations

from peewee import JOIN

from vh import access
from vh.aanmelding.concepten import eerste_open_stap
from vh.models import Aanmelding, Besluit, Brief, Dossier, Persoon
from vh.workflow import VOOR_BESLUIT


def status_voor_aanmelder(a: Aanmelding, dossier: Dossier | None, besluit: Besluit | None) -> tuple[str, str]:
    """What the referrer may know of their referral: (label, tag colour)."""
    if a.status == "concept":
        return "Concept", "tag--grey"
    uitkomst = besluit.uitkomst if besluit else None
    if uitkomst is None and dossier is not None and dossier.spoor in (2, 3):
        uitkomst = f"spoor{dossier.spoor}"
    if uitkomst in ("spoor2", "spoor3"):
        return "Afgerond: opgenomen", "tag--green"
    if uitkomst in ("advies", "niet_ontvankelijk") or a.status == "niet_ontvankelijk":
        return "Afgerond: advies", "tag--green"
    if a.status == "ingediend":
        return "Ontvangen", "tag--blue"
    if dossier is not None and dossier.fase not in VOOR_BESLUIT:
        return "Afgerond: opgenomen", "tag--green"
    return "In behandeling", "tag--yellow"


def _besluiten(ids: list[int], dossier_ids: list[int]) -> dict[tuple, Besluit]:
    """The latest decision per referral ("a", id) and per dossier ("d", id), in one query."""
    cond = Besluit.aanmelding.in_(ids)
    if dossier_ids:
        cond = cond | Besluit.dossier.in_(dossier_ids)
    besluiten: dict[tuple, Besluit] = {}
    for b in Besluit.select().where(cond).order_by(Besluit.beslist_op, Besluit.id):
        if b.dossier_id:
            besluiten[("d", b.dossier_id)] = b
        if b.aanmelding_id:
            besluiten[("a", b.aanmelding_id)] = b
    return besluiten


def _brieven(ids: list[int], user) -> dict[int, list[Brief]]:
    """The letters sent to `user` about these referrals, in one query."""
    brieven: dict[int, list[Brief]] = {}
    for brief in (Brief.select(Brief.id, Brief.aanmelding, Brief.onderwerp, Brief.verzonden_op)
                  .where(Brief.aanmelding.in_(ids) & Brief.verzonden_op.is_null(False)
                         & (Brief.aan == user.id))
                  .order_by(Brief.verzonden_op)):
        brieven.setdefault(brief.aanmelding_id, []).append(brief)
    return brieven


def _personen(ids: list[int]) -> dict[int, list[Persoon]]:
    personen: dict[int, list[Persoon]] = {}
    for p in (Persoon.select(Persoon.id, Persoon.aanmelding, Persoon.voornaam, Persoon.achternaam,
                             Persoon.rol, Persoon.postcode)
              .where(Persoon.aanmelding.in_(ids)).order_by(Persoon.id)):
        personen.setdefault(p.aanmelding_id, []).append(p)
    return personen


def mijn_aanmeldingen(user) -> list[dict]:
    """The user's own referrals, most recent first, each a dict: aanmelding, status, kleur,
    brieven (sent to the user), personen, and for a draft `verder`, the step to resume at.
    Four queries, whatever the number of referrals."""
    rijen = list(access.own_aanmeldingen(user)
                 .select(Aanmelding, Dossier).join(Dossier, join_type=JOIN.LEFT_OUTER,
                                                   on=(Aanmelding.dossier == Dossier.id))
                 .order_by(Aanmelding.gewijzigd_op.desc(), Aanmelding.id.desc()))
    ids = [a.id for a in rijen]
    if not ids:
        return []
    besluiten = _besluiten(ids, [a.dossier_id for a in rijen if a.dossier_id])
    brieven, personen = _brieven(ids, user), _personen(ids)
    result = []
    for a in rijen:
        dossier = a.dossier if a.dossier_id else None
        besluit = besluiten.get(("a", a.id)) or besluiten.get(("d", a.dossier_id))
        label, kleur = status_voor_aanmelder(a, dossier, besluit)
        eigen = personen.get(a.id, [])
        result.append(dict(aanmelding=a, status=label, kleur=kleur, brieven=brieven.get(a.id, []),
                           personen=eigen,
                           verder=eerste_open_stap(a, eigen) if a.status == "concept" else None))
    return result
