"""'Mijn aanmeldingen': what a referrer may know of their own referrals — a status in plain words,
never the dossier behind it (domain rule 1)."""
from __future__ import annotations

from peewee import fn

from vh import access
from vh.aanmelding.concepten import eerste_open_stap
from vh.models import Aanmelding, Besluit, Brief, Persoon


def status_voor_aanmelder(a: Aanmelding, besluit: Besluit | None, brief_verzonden: bool) -> tuple[str, str]:
    """What the referrer may know of their referral: (label, tag colour). "Ontvangen" until the
    decision on *this* referral (`eigen_besluit`) is communicated: an advice by the letter sent
    to them, a spoor as soon as it is decided. The dossier behind it is never looked at, so a
    family already known looks exactly like a new one (issue 8)."""
    if a.status == "concept":
        return "Concept", "tag--grey"
    uitkomst = besluit.uitkomst if besluit else None
    if uitkomst in ("spoor2", "spoor3"):
        return "Afgerond: opgenomen", "tag--green"
    if uitkomst in ("advies", "niet_ontvankelijk") and brief_verzonden:
        return "Afgerond: advies", "tag--green"
    return "Ontvangen", "tag--blue"


def eigen_besluit(a: Aanmelding, besluiten: list[Besluit], opende_dossier: bool) -> Besluit | None:
    """The latest decision on this referral: on the referral itself, or on its dossier, every one
    if this referral opened it (`opende_dossier`), else only those taken after it was joined (an
    earlier one was about an earlier referral). `besluiten` in decision order."""
    sinds = a.behandeld_op or a.ingediend_op

    def van_deze(b: Besluit) -> bool:
        if b.aanmelding_id == a.id:
            return True
        return bool(a.dossier_id) and b.dossier_id == a.dossier_id and (
            opende_dossier or sinds is None or b.beslist_op > sinds)
    eigen = [b for b in besluiten if van_deze(b)]
    return eigen[-1] if eigen else None


def _openers(dossier_ids: list[int]) -> set[int]:
    """The referral each dossier was opened for (its first), in one query."""
    if not dossier_ids:
        return set()
    return {r.eerste for r in Aanmelding.select(fn.MIN(Aanmelding.id).alias("eerste"))
            .where(Aanmelding.dossier.in_(dossier_ids)).group_by(Aanmelding.dossier)}


def _besluiten(ids: list[int], dossier_ids: list[int]) -> list[Besluit]:
    """The decisions on these referrals and their dossiers, oldest first, in one query."""
    cond = Besluit.aanmelding.in_(ids)
    if dossier_ids:
        cond = cond | Besluit.dossier.in_(dossier_ids)
    return list(Besluit.select(Besluit.id, Besluit.aanmelding, Besluit.dossier, Besluit.uitkomst,
                               Besluit.beslist_op)
                .where(cond).order_by(Besluit.beslist_op, Besluit.id))


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
    Five queries, whatever the number of referrals."""
    rijen = list(access.own_aanmeldingen(user)
                 .order_by(Aanmelding.gewijzigd_op.desc(), Aanmelding.id.desc()))
    ids = [a.id for a in rijen]
    if not ids:
        return []
    dossier_ids = list({a.dossier_id for a in rijen if a.dossier_id})
    besluiten, openers = _besluiten(ids, dossier_ids), _openers(dossier_ids)
    brieven, personen = _brieven(ids, user), _personen(ids)
    per_aanmelding: dict[int, list[Besluit]] = {}
    per_dossier: dict[int, list[Besluit]] = {}
    for b in besluiten:
        per_aanmelding.setdefault(b.aanmelding_id, []).append(b)
        per_dossier.setdefault(b.dossier_id, []).append(b)
    result = []
    for a in rijen:
        relevant = sorted(set(per_aanmelding.get(a.id, [])) | set(per_dossier.get(a.dossier_id, [])
                                                                  if a.dossier_id else []),
                          key=lambda b: (b.beslist_op, b.id))
        label, kleur = status_voor_aanmelder(a, eigen_besluit(a, relevant, a.id in openers), bool(brieven.get(a.id)))
        eigen = personen.get(a.id, [])
        result.append(dict(aanmelding=a, status=label, kleur=kleur, brieven=brieven.get(a.id, []),
                           personen=eigen,
                           verder=eerste_open_stap(a, eigen) if a.status == "concept" else None))
    return result
