"""The triage overleg screens: list, plan/change, the meeting and its agenda, the invitation,
the walk through the agenda (bespreking, bijdragen, corrections) and the minutes.

The rules are vh/triage/overleg.py (meeting, agenda, ICS, minutes) and vh/triage/bijdragen.py
(bespreking, bijdragen and the parket gate); this module parses, checks access and renders.
"""
from __future__ import annotations

from flask import Blueprint, abort, make_response, request, url_for
from flask_login import current_user, login_required

from vh import access, audit, richtext, workflow
from vh.htmx import answer, render
from vh.models import Overleg
from vh.templating import aantal
from vh.triage import bijdragen as walk
from vh.triage import overleg as regels
from vh.triage.forms import BesprekingForm, BijdrageForm, OverlegForm

bp = Blueprint("overleg", __name__)
PUNT_BLOKKEN = {"bespreking": "bespreking", "bijdragen": "bijdragen"}


def _load(overleg_id: int, action: str = "overleg.view") -> Overleg:
    """The overleg, checked for `action`. Shown by a GET: audited as a view; loaded for a
    change: not (the rule that makes the change audits it)."""
    if request.method == "GET":
        return audit.load(Overleg, overleg_id, action, audit_action="overleg.view")
    return access.load(Overleg, overleg_id, action)


def _user():
    return current_user._get_current_object()


def _neemt_deel(o: Overleg) -> bool:
    return access.can(current_user, "overleg.deelnemen", o)


def _punt(o: Overleg, n: int):
    gevonden = walk.punt(o, n)
    if gevonden is None:
        abort(404)
    return gevonden


# ---------------------------------------------------------------- list, create, edit
@bp.route("/overleggen", methods=["GET"])
@login_required
def lijst():
    access.require(current_user, "overleg.list")
    return render("overleg/lijst.html", "content", title="Triage-overleggen", **regels.overzicht(current_user))


def _formulier(form: OverlegForm, overleg: Overleg | None):
    return render("overleg/formulier.html", "content", form=form, overleg=overleg,
                  status=422 if form.is_submitted() else 200,
                  title="Overleg wijzigen" if overleg else "Nieuw triage-overleg")


@bp.route("/overleggen/nieuw", methods=["GET", "POST"])
@login_required
def nieuw():
    access.require(current_user, "overleg.create")
    form = OverlegForm(nieuw=True, **regels.keuzes(current_user))
    if request.method == "GET" and len(form.team.choices) == 1:
        form.team.data = form.team.choices[0][0]
    if not form.validate_on_submit():
        return _formulier(form, None)
    try:
        o = regels.opslaan(_user(), **form.waarden())
    except regels.OverlegError as error:
        form.deelnemers.errors = [str(error)]
        return _formulier(form, None)
    return answer("Het overleg is gepland. Bouw nu de agenda op.", url_for("overleg.toon", overleg_id=o.id))


@bp.route("/overleggen/<int:overleg_id>/bewerken", methods=["GET", "POST"])
@login_required
def bewerken(overleg_id: int):
    o = _load(overleg_id, "overleg.manage")
    form = OverlegForm(nieuw=False, data=regels.formulier_waarden(o) if request.method == "GET" else None,
                       **regels.keuzes(current_user))
    if not form.validate_on_submit():
        return _formulier(form, o)
    try:
        regels.opslaan(_user(), overleg=o, **form.waarden())
    except regels.OverlegError as error:
        form.deelnemers.errors = [str(error)]
        return _formulier(form, o)
    return answer("Het overleg is gewijzigd.", url_for("overleg.toon", overleg_id=o.id))


# ---------------------------------------------------------------- the meeting and its agenda
def _toon_context(o: Overleg, **extra) -> dict:
    punten = regels.agenda(o)
    return dict(overleg=o, punten=punten, zichtbaar=regels.zichtbaar(current_user, {p.dossier_id for p in punten}),
                deelnemers=regels.deelnemers(o), beheert=access.can(current_user, "overleg.manage", o),
                heeft_plaatsgevonden=regels.heeft_plaatsgevonden(o), title="Triage-overleg", **extra)


@bp.route("/overleggen/<int:overleg_id>", methods=["GET"])
@login_required
def toon(overleg_id: int):
    o = _load(overleg_id)
    return render("overleg/toon.html", "agenda", **_toon_context(o))


@bp.route("/overleggen/<int:overleg_id>/agenda", methods=["POST"])
@login_required
def agenda_opbouwen(overleg_id: int):
    """Add every dossier of the team in "te bespreken" that is not on the agenda yet."""
    o = _load(overleg_id, "overleg.manage")
    try:
        nieuwe = regels.agenda_opbouwen(o, _user())
    except regels.OverlegError as error:
        return _agenda_fout(o, error)
    melding = (f"{aantal(len(nieuwe), 'dossier', 'dossiers')} op de agenda gezet." if nieuwe
               else "Er zijn geen dossiers meer te bespreken die nog niet op de agenda staan.")
    return answer(melding, url_for("overleg.toon", overleg_id=o.id), template="overleg/toon.html",
                  block="agenda", context=lambda: _toon_context(o), category="success" if nieuwe else "info")


@bp.route("/overleggen/<int:overleg_id>/agenda/<int:punt_id>/verwijderen", methods=["POST"])
@login_required
def punt_verwijderen(overleg_id: int, punt_id: int):
    o = _load(overleg_id, "overleg.manage")
    punt = regels.agendapunt(o, punt_id)
    if punt is None:
        abort(404)
    try:
        regels.punt_verwijderen(punt, _user())
    except regels.OverlegError as error:
        return _agenda_fout(o, error)
    return answer("Het agendapunt is verwijderd.", url_for("overleg.toon", overleg_id=o.id),
                  template="overleg/toon.html", block="agenda", context=lambda: _toon_context(o))


def _agenda_fout(o: Overleg, error: Exception):
    return render("overleg/toon.html", "agenda", status=422, **_toon_context(o, fout=str(error)))


@bp.route("/overleggen/<int:overleg_id>/agenda/<int:punt_id>/<any(omhoog, omlaag):richting>", methods=["POST"])
@login_required
def verplaats(overleg_id: int, punt_id: int, richting: str):
    """Move an item one place up or down; with htmx the agenda is swapped in place."""
    o = _load(overleg_id, "overleg.manage")
    punt = regels.agendapunt(o, punt_id)
    if punt is None:
        abort(404)
    try:
        regels.verplaats(punt, richting, _user())
    except regels.OverlegError as error:
        return _agenda_fout(o, error)
    return answer(f"Het agendapunt staat een plaats {'hoger' if richting == 'omhoog' else 'lager'}.",
                  url_for("overleg.toon", overleg_id=o.id) + "#agenda",
                  template="overleg/toon.html", block="agenda", context=lambda: _toon_context(o))


@bp.route("/overleggen/<int:overleg_id>/afsluiten", methods=["POST"])
@login_required
def afsluiten(overleg_id: int):
    """Close the meeting: it takes no new agenda items, besprekingen, bijdragen or decisions."""
    o = _load(overleg_id, "overleg.manage")
    try:
        regels.afsluiten(o, _user())
    except regels.OverlegError as error:
        return _agenda_fout(o, error)
    return answer("Het overleg is afgesloten.", url_for("overleg.toon", overleg_id=o.id),
                  template="overleg/toon.html", block="agenda", context=lambda: _toon_context(o))


@bp.route("/overleggen/<int:overleg_id>.ics", methods=["GET"])
@login_required
def ics(overleg_id: int):
    """The invitation: time and place only, never dossier information or names."""
    o = _load(overleg_id)
    response = make_response(regels.uitnodiging(o))
    response.headers["Content-Type"] = "text/calendar; charset=utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="triage-overleg-{o.id}.ics"'
    return response


# ---------------------------------------------------------------- walking through the agenda
def _punt_context(o: Overleg, n: int, **extra) -> dict:
    punten, punt = _punt(o, n)
    d = punt.dossier
    ctx = dict(overleg=o, punt=punt, n=n, totaal=len(punten), beheert=access.can(current_user, "overleg.manage", o),
               title=f"Punt {n} van {len(punten)}", verborgen=False, **extra)
    if not access.can(current_user, "dossier.view", d):
        ctx["verborgen"] = True
        return ctx
    audit.record("dossier.view", d, details={"overleg": o.id})  # every render, a 422 too
    ctx.update(dossier=d, **walk.dossiervorming(d, access.can(current_user, "dossier.identificerend", d)))
    ctx["mag_bijdragen"] = (access.can(current_user, "bijdrage.create", d) and _neemt_deel(o)
                            and ctx["gate"] is None and not o.afgesloten)
    ctx["dicht"] = regels.waarom_dicht(o, gehouden=True)
    ctx.setdefault("bespreking_form", BesprekingForm(tekst=richtext.html_naar_tekst(punt.bespreking), formdata=None))
    ctx.setdefault("bijdrage_form", BijdrageForm(formdata=None))
    return ctx


def _punt_pagina(o: Overleg, n: int, status: int = 200, **extra):
    ctx = _punt_context(o, n, **extra)
    return render("overleg/punt.html", PUNT_BLOKKEN, status=403 if ctx["verborgen"] else status, **ctx)


def _bijdragen_url(o: Overleg, n: int) -> str:
    return url_for("overleg.punt", overleg_id=o.id, n=n) + "#bijdragen"


@bp.route("/overleggen/<int:overleg_id>/punt/<int:n>", methods=["GET"])
@login_required
def punt(overleg_id: int, n: int):
    return _punt_pagina(_load(overleg_id), n)


@bp.route("/overleggen/<int:overleg_id>/punt/<int:n>/bespreking", methods=["POST"])
@login_required
def bespreking(overleg_id: int, n: int):
    """Save the coordinator's notes; the dossier moves te_bespreken → dossiervorming."""
    o = _load(overleg_id, "overleg.manage")
    _, agendapunt = _punt(o, n)
    access.require(current_user, "dossier.edit", agendapunt.dossier)
    form = BesprekingForm()
    if not form.validate():
        return _punt_pagina(o, n, 422, bespreking_form=form)
    try:
        walk.bespreek(o, agendapunt, form.tekst.data, _user())
    except (workflow.WorkflowError, regels.OverlegError) as error:
        return _punt_pagina(o, n, 422, bespreking_form=form, bespreking_fout=str(error))
    return answer("De bespreking is opgeslagen. Het dossier staat nu bij dossiervorming.", _bijdragen_url(o, n),
                  template="overleg/punt.html", block=PUNT_BLOKKEN, context=lambda: _punt_context(o, n),
                  key="bespreking_melding")


def _bijdrage_toegang(o: Overleg, action: str, obj) -> None:
    """Access: 404 for what the user may not know, 403 for who does not take part."""
    access.require(current_user, action, obj)
    if not _neemt_deel(o):
        abort(403)


@bp.route("/overleggen/<int:overleg_id>/punt/<int:n>/bijdrage", methods=["POST"])
@login_required
def bijdrage(overleg_id: int, n: int):
    o = _load(overleg_id)
    _, agendapunt = _punt(o, n)
    d = agendapunt.dossier
    _bijdrage_toegang(o, "bijdrage.create", d)
    form = BijdrageForm()
    gate = walk.gate(d)
    if gate:
        return _punt_pagina(o, n, 422, bijdrage_fout=gate)
    if not form.validate():
        return _punt_pagina(o, n, 422, bijdrage_form=form)
    try:
        walk.maak_bijdrage(o, d, form.inhoud.data, _user())
    except walk.BijdrageError as error:
        form.inhoud.errors = [*form.inhoud.errors, str(error)]
        return _punt_pagina(o, n, 422, bijdrage_form=form)
    except (workflow.WorkflowError, regels.OverlegError) as error:
        return _punt_pagina(o, n, 422, bijdrage_fout=str(error))
    return answer("Uw bijdrage is opgeslagen.", _bijdragen_url(o, n), template="overleg/punt.html",
                  block=PUNT_BLOKKEN, context=lambda: _punt_context(o, n), key="bijdrage_melding")


@bp.route("/overleggen/<int:overleg_id>/punt/<int:n>/bijdrage/<int:bijdrage_id>/corrigeren",
          methods=["GET", "POST"])
@login_required
def corrigeren(overleg_id: int, n: int, bijdrage_id: int):
    """A correction is a new version; the old one stays readable in the history."""
    o = _load(overleg_id)
    _, agendapunt = _punt(o, n)
    d = agendapunt.dossier
    oud = walk.bijdrage_in(d, bijdrage_id)
    if oud is None:
        abort(404)
    _bijdrage_toegang(o, "bijdrage.correct", oud)
    gate = walk.gate(d)
    form = BijdrageForm()
    if request.method == "GET":
        form.inhoud.data = richtext.html_naar_tekst(oud.inhoud)
    elif not gate and form.validate():
        try:
            walk.maak_bijdrage(o, d, form.inhoud.data, _user(), vorige=oud)
        except (walk.BijdrageError, workflow.WorkflowError, regels.OverlegError) as error:
            form.inhoud.errors = [*form.inhoud.errors, str(error)]
        else:
            return answer("Uw correctie is opgeslagen; de vorige versie blijft zichtbaar in de geschiedenis.",
                          _bijdragen_url(o, n))
    audit.record("bijdrage.view", oud, details={"overleg": o.id})  # in its dossier; every render, a 422 too
    return render("overleg/corrigeren.html", "content",
                  status=422 if gate or request.method == "POST" else 200,
                  overleg=o, punt=agendapunt, n=n, dossier=d, oud=oud, gate=gate, form=form,
                  title="Bijdrage corrigeren")


# ---------------------------------------------------------------- minutes
@bp.route("/overleggen/<int:overleg_id>/verslag", methods=["GET"])
@login_required
def verslag(overleg_id: int):
    """Printable minutes; per item only what the reader may still see (bounded queries)."""
    o = _load(overleg_id)
    inhoud = regels.verslag(o, current_user)
    audit.record("overleg.verslag", o, details={"dossiers": inhoud.pop("dossier_ids")})
    return render("overleg/verslag.html", "content", overleg=o, title="Verslag triage-overleg", **inhoud)
