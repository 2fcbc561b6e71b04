"""The audit trail for the DPO: filter by user, dossier and period; read-only.

Looking at the trail is itself written to the trail ("audit.view"). The filters live in the URL
(a GET form); htmx swaps only the results, or the whole search block when a filter is wrong."""
from __future__ import annotations

import json
import math

from flask import Blueprint, request
from flask_login import current_user, login_required

from vh import access, audit
from vh.auditlog.forms import AuditFilterForm
from vh.htmx import is_fragment_request, render
from vh.models import AuditEvent, Dossier, User
from vh.templating import datum
from vh.tijd import lokaal

bp = Blueprint("audit", __name__)

PER_PAGINA = 50

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


@bp.before_request
@login_required
def _alleen_dpo():
    access.require(current_user, "audit.view")


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


def _tijd(op) -> str:
    t = lokaal(op)
    return f"{datum(op)}, {t:%H:%M:%S}"


def _pagina() -> int:
    try:
        return max(1, int(request.args.get("pagina", 1)))
    except (TypeError, ValueError):
        return 1


@bp.route("/audit")
def lijst():
    gebruikers = list(User.select(User.id, User.naam, User.email).order_by(User.naam, User.id))
    form = AuditFilterForm(request.args, gebruikers=gebruikers)
    valid = form.validate()
    dossier = None
    if valid and form.dossier.data and form.dossier.data.strip():
        dossier = Dossier.get_or_none(Dossier.nummer == form.dossier.data.strip().upper())
        if dossier is None:
            form.dossier.errors.append("Er is geen dossier met dit nummer. Controleer het nummer, "
                                       "bijvoorbeeld D-2026-0001.")
            valid = False

    filters = {k: v for k, v in (("gebruiker", form.gebruiker.data),
                                 ("dossier", dossier.nummer if dossier else ""),
                                 ("van", form.van.data.isoformat() if valid and form.van.data else ""),
                                 ("tot", form.tot.data.isoformat() if valid and form.tot.data else ""))
               if v}
    ctx = dict(form=form, filters=filters, title="Audittrail", rijen=[], totaal=0, pagina=1,
               paginas=0, keten=None)
    if not is_fragment_request():
        ctx["keten"] = audit.verify()
    if not valid:
        # The results were the target; the errors belong beside the fields, so swap the form too.
        return render("audit/lijst.html", "zoeken", status=422, retarget="#zoeken",
                      reswap="outerHTML", **ctx)

    query = audit.period(form.van.data, form.tot.data)
    if form.gebruiker.data:
        query = query.where(AuditEvent.user_id == int(form.gebruiker.data))
    if dossier:
        query = query.where(AuditEvent.dossier_id == dossier.id)
    totaal = query.count()
    paginas = max(1, math.ceil(totaal / PER_PAGINA))
    pagina = min(_pagina(), paginas)
    events = list(query.order_by(AuditEvent.id.desc()).paginate(pagina, PER_PAGINA))

    # Names and dossier numbers for the whole page in two queries, not one per row.
    namen = {u.id: u.naam for u in gebruikers}
    dossier_ids = {e.dossier_id for e in events if e.dossier_id}
    nummers = ({d.id: d.nummer for d in Dossier.select(Dossier.id, Dossier.nummer)
                .where(Dossier.id.in_(list(dossier_ids)))} if dossier_ids else {})
    ctx.update(totaal=totaal, pagina=pagina, paginas=paginas, rijen=[{
        "event": e, "tijd": _tijd(e.op), "iso": e.op.isoformat() + "Z",
        "naam": namen.get(e.user_id, ""), "actie": ACTIES.get(e.actie, e.actie),
        "dossier": nummers.get(e.dossier_id, f"#{e.dossier_id}" if e.dossier_id else ""),
        "details": leesbaar(e.details)} for e in events])
    audit.record("audit.view", details={"filter": filters, "pagina": pagina})
    return render("audit/lijst.html", "resultaten", **ctx)
