"""The audit trail for the DPO: filter by user, dossier and period; read-only. The rules are in
`zoeken`.

The filters live in the URL (a GET form); htmx swaps only the results, or the whole search
block when a filter is wrong."""
from __future__ import annotations

from flask import Blueprint, request
from flask_login import current_user, login_required

from vh import access, audit
from vh.htmx import is_fragment_request, render

from . import zoeken
from .forms import AuditFilterForm

bp = Blueprint("audit", __name__)


@bp.before_request
@login_required
def _alleen_dpo():
    access.require(current_user, "audit.view")


def _pagina() -> int:
    try:
        return max(1, int(request.args.get("pagina", 1)))
    except (TypeError, ValueError):
        return 1


@bp.route("/audit")
def lijst():
    gebruikers = zoeken.gebruikers()
    form = AuditFilterForm(request.args, gebruikers=gebruikers)
    opdracht = zoeken.zoekopdracht(form)
    ctx = dict(form=form, filters=opdracht.filters, title="Audittrail", rijen=[], totaal=0, pagina=1,
               paginas=0, keten=None if is_fragment_request() else audit.verify())
    if not opdracht.geldig:
        # The results were the target; the errors belong beside the fields, so swap the form too.
        return render("audit/lijst.html", "zoeken", status=422, retarget="#zoeken",
                      reswap="outerHTML", **ctx)
    ctx.update(zoeken.bekijk(opdracht, _pagina(), {u.id: u.naam for u in gebruikers}))
    return render("audit/lijst.html", "resultaten", **ctx)
