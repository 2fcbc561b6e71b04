"""The triage overleg: the meeting, its agenda, the walk through the agenda (dossierbespreking,
dossiervorming with need-to-know bijdragen, link to the decision), the invite and the minutes.

Sharing in a casusoverleg is legal only under art. 458ter Sw.: every bijdrage records its legal
basis and who took part at that moment, and the parket gate (`workflow.check_bijdrage`) is
checked on every route that adds or corrects one.
"""
from __future__ import annotations

import datetime as dt
import uuid

from flask import Blueprint, abort, flash, make_response, request, url_for
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from icalendar import Calendar, Event
from peewee import JOIN, fn
from wtforms import DateField, SelectField, SelectMultipleField, StringField, TextAreaField, TimeField
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from vh import access, audit, richtext, workflow
from vh.db import db
from vh.htmx import is_fragment_request, redirect_after_post, render
from vh.models import (
    Aanmelding,
    Agendapunt,
    Besluit,
    Bijdrage,
    Dossier,
    Organisatie,
    Overleg,
    OverlegDeelnemer,
    Persoon,
    Team,
    User,
    utcnow,
)
from vh.tijd import lokaal, naar_utc, vandaag
from vh.transitions import laatste_parketcheck, toestand, voer_uit

bp = Blueprint("overleg", __name__)

MAX_TEKST = richtext.MAX_LENGTH
DUUR = dt.timedelta(hours=2)


# ---------------------------------------------------------------- forms
class KeuzeUit:
    """Dutch refusal of a value that is not among the field's choices (tampered input)."""
    def __init__(self, message: str):
        self.message = message

    def __call__(self, form, field):
        allowed = {value for value, _ in field.choices}
        values = field.data if isinstance(field.data, list) else [field.data]
        if any(v not in allowed for v in values):
            raise ValidationError(self.message)


class DatumVeld(DateField):
    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError("Vul de datum van het overleg in als dag, maand en jaar, bijvoorbeeld 14/03/2026.")


class UurVeld(TimeField):
    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError("Vul het beginuur in als uren en minuten, bijvoorbeeld 09:30.")


class OverlegForm(FlaskForm):
    datum = DatumVeld("Datum", format="%Y-%m-%d", validators=[
        InputRequired("Vul de datum van het overleg in, bijvoorbeeld 14/03/2026.")])
    tijd = UurVeld("Beginuur", format="%H:%M", validators=[
        InputRequired("Vul het beginuur in, bijvoorbeeld 09:30.")])
    plaats = StringField("Plaats", validators=[
        DataRequired("Vul de plaats van het overleg in."),
        Length(max=160, message="Gebruik hoogstens 160 tekens voor de plaats.")])
    team = SelectField("Team", coerce=int, validate_choice=False, validators=[
        KeuzeUit("Kies een van uw teams.")])
    deelnemers = SelectMultipleField(
        "Deelnemende kernpartners", coerce=int, validate_choice=False,
        widget=ListWidget(prefix_label=False), option_widget=CheckboxInput(),
        validators=[KeuzeUit("Kies alleen kernpartners uit de lijst.")])

    def validate_deelnemers(self, field):
        if not field.data:
            raise ValidationError("Kies minstens één kernpartner die deelneemt.")

    def __init__(self, *args, nieuw: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self._nieuw = nieuw

    def validate_datum(self, field):
        if self._nieuw and field.data and field.data < vandaag():
            raise ValidationError("Kies een datum vandaag of later.")


class BesprekingForm(FlaskForm):
    tekst = TextAreaField("Notities van de bespreking", validators=[
        Length(max=MAX_TEKST, message=f"Gebruik hoogstens {MAX_TEKST} tekens.")])


class BijdrageForm(FlaskForm):
    inhoud = TextAreaField("Uw bijdrage", id="bijdrage-inhoud", validators=[
        DataRequired("Schrijf uw bijdrage: wat uw organisatie weet en nodig is om te weten."),
        Length(max=MAX_TEKST, message=f"Gebruik hoogstens {MAX_TEKST} tekens.")])


def _kernpartners():
    return list(User.with_role("kernpartner").select(User, Organisatie)
                .join(Organisatie, JOIN.LEFT_OUTER).order_by(User.naam))


def _vul_keuzes(form: OverlegForm, user) -> None:
    teams = list(access.teams_coordinated_by(user))
    form.team.choices = [(t.id, t.naam) for t in teams]
    form.deelnemers.choices = [
        (u.id, f"{u.naam} ({u.organisatie.naam})" if u.organisatie_id else u.naam)
        for u in _kernpartners()]


# ---------------------------------------------------------------- helpers
def _load(overleg_id: int, action: str = "overleg.view") -> Overleg:
    return audit.load(Overleg, overleg_id, action)


def _deelnemers(o: Overleg) -> list[User]:
    return list(User.select(User, Organisatie).join(OverlegDeelnemer)
                .switch(User).join(Organisatie, JOIN.LEFT_OUTER)
                .where(OverlegDeelnemer.overleg == o.id).order_by(User.naam))


def _deelnemers_tekst(o: Overleg) -> str:
    """Who takes part, as text at this moment (kept with each bijdrage)."""
    parts = []
    if o.voorzitter_id:
        v = o.voorzitter
        parts.append(f"{v.naam} ({v.organisatie.naam if v.organisatie_id else 'Veilig Huis'}, voorzitter)")
    for u in _deelnemers(o):
        if u.id != o.voorzitter_id:
            parts.append(f"{u.naam} ({u.organisatie.naam if u.organisatie_id else '-'})")
    return "; ".join(parts)


def _agenda(o: Overleg) -> list[Agendapunt]:
    return list(Agendapunt.select(Agendapunt, Dossier).join(Dossier)
                .where(Agendapunt.overleg == o.id).order_by(Agendapunt.volgorde, Agendapunt.id))


def _zichtbaar(user, dossier_ids) -> set[int]:
    """Which of these dossiers the user may see: one query, whatever the number."""
    if not dossier_ids:
        return set()
    return {d.id for d in access.dossiers_visible_to(user).select(Dossier.id)
            .where(Dossier.id.in_(list(dossier_ids)))}


def _beheert(o: Overleg) -> bool:
    return access.can(current_user, "overleg.manage", o)


def _neemt_deel(o: Overleg) -> bool:
    return access.can(current_user, "overleg.deelnemen", o)


# ---------------------------------------------------------------- list, create, edit
@bp.route("/overleggen", methods=["GET"])
@login_required
def lijst():
    access.require(current_user, "overleg.list")
    overleggen = list(access.overleggen_visible_to(current_user).select(Overleg, Team).join(Team)
                      .order_by(Overleg.datum.desc()))
    ids = [o.id for o in overleggen]
    punten = dict(Agendapunt.select(Agendapunt.overleg, fn.COUNT(Agendapunt.id))
                  .where(Agendapunt.overleg.in_(ids)).group_by(Agendapunt.overleg).tuples()) if ids else {}
    nu = utcnow() - dt.timedelta(hours=12)
    komend = [o for o in overleggen if o.datum >= nu and not o.afgesloten][::-1]
    voorbij = [o for o in overleggen if not (o.datum >= nu and not o.afgesloten)]
    return render("overleg/lijst.html", "content", komend=komend, voorbij=voorbij, punten=punten,
                  title="Triage-overleggen")


def _opslaan(form: OverlegForm, o: Overleg | None) -> Overleg:
    user = current_user._get_current_object()
    waarden = dict(team=form.team.data, datum=naar_utc(form.datum.data, form.tijd.data),
                   plaats=form.plaats.data.strip())
    with db.atomic():
        if o is None:
            o = Overleg.create(voorzitter=user, **waarden)
            oud = {}
            audit.record("overleg.create", o, details={"team": o.team_id, "datum": o.datum})
        else:
            oud = dict(team=o.team_id, datum=o.datum, plaats=o.plaats)
            for k, v in waarden.items():
                setattr(o, k, v)
            o.save()
        bestaand = {d.user_id for d in OverlegDeelnemer.select().where(OverlegDeelnemer.overleg == o.id)}
        nieuw = set(form.deelnemers.data)
        OverlegDeelnemer.delete().where((OverlegDeelnemer.overleg == o.id)
                                        & OverlegDeelnemer.user.not_in(list(nieuw))).execute()
        for uid in sorted(nieuw - bestaand):
            OverlegDeelnemer.create(overleg=o, user=uid)
        audit.record_change("overleg.edit", o, dict(oud, deelnemers=sorted(bestaand)),
                            dict(team=o.team_id, datum=o.datum, plaats=o.plaats,
                                 deelnemers=sorted(nieuw)))
    return o


@bp.route("/overleggen/nieuw", methods=["GET", "POST"])
@login_required
def nieuw():
    access.require(current_user, "overleg.create")
    form = OverlegForm(nieuw=True)
    _vul_keuzes(form, current_user)
    if request.method == "GET" and len(form.team.choices) == 1:
        form.team.data = form.team.choices[0][0]
    if not form.validate_on_submit():
        return render("overleg/formulier.html", "content", form=form, overleg=None,
                      status=422 if form.is_submitted() else 200, title="Nieuw triage-overleg")
    o = _opslaan(form, None)
    flash("Het overleg is gepland. Bouw nu de agenda op.", "success")
    return redirect_after_post(url_for("overleg.toon", overleg_id=o.id))


@bp.route("/overleggen/<int:overleg_id>/bewerken", methods=["GET", "POST"])
@login_required
def bewerken(overleg_id: int):
    o = _load(overleg_id, "overleg.manage")
    form = OverlegForm(nieuw=False)
    _vul_keuzes(form, current_user)
    if request.method == "GET":
        local = lokaal(o.datum)
        form.datum.data, form.tijd.data = local.date(), local.time()
        form.plaats.data, form.team.data = o.plaats, o.team_id
        form.deelnemers.data = [d.user_id for d in o.deelnemers]
    if not form.validate_on_submit():
        return render("overleg/formulier.html", "content", form=form, overleg=o,
                      status=422 if form.is_submitted() else 200, title="Overleg wijzigen")
    _opslaan(form, o)
    flash("Het overleg is gewijzigd.", "success")
    return redirect_after_post(url_for("overleg.toon", overleg_id=o.id))


# ---------------------------------------------------------------- the meeting and its agenda
def _toon_context(o: Overleg, **extra) -> dict:
    punten = _agenda(o)
    zichtbaar = _zichtbaar(current_user, {p.dossier_id for p in punten})
    return dict(overleg=o, punten=punten, zichtbaar=zichtbaar, deelnemers=_deelnemers(o),
                beheert=_beheert(o), title="Triage-overleg", **extra)


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
    al = Agendapunt.select(Agendapunt.dossier).where(Agendapunt.overleg == o.id)
    nieuwe = list(access.dossiers_visible_to(current_user)
                  .where((Dossier.team == o.team_id) & (Dossier.fase == "te_bespreken")
                         & Dossier.id.not_in(al))
                  .order_by(Dossier.acuut.desc(), Dossier.fase_sinds, Dossier.id))
    with db.atomic():
        laatste = (Agendapunt.select(fn.MAX(Agendapunt.volgorde)).where(Agendapunt.overleg == o.id).scalar() or 0)
        for i, d in enumerate(nieuwe, start=1):
            Agendapunt.create(overleg=o, dossier=d, volgorde=laatste + i)
        if nieuwe:
            audit.record("overleg.agenda", o, details={"toegevoegd": [d.id for d in nieuwe]})
    melding = (f"{len(nieuwe)} dossier(s) op de agenda gezet." if nieuwe
               else "Er zijn geen dossiers meer te bespreken die nog niet op de agenda staan.")
    if is_fragment_request():
        return render("overleg/toon.html", "agenda", **_toon_context(o, melding=melding))
    flash(melding, "success" if nieuwe else "info")
    return redirect_after_post(url_for("overleg.toon", overleg_id=o.id))


@bp.route("/overleggen/<int:overleg_id>/agenda/<int:punt_id>/verwijderen", methods=["POST"])
@login_required
def punt_verwijderen(overleg_id: int, punt_id: int):
    o = _load(overleg_id, "overleg.manage")
    punt = Agendapunt.get_or_none((Agendapunt.id == punt_id) & (Agendapunt.overleg == o.id))
    if punt is None:
        abort(404)
    if punt.besproken:
        return render("overleg/toon.html", "agenda", status=422, **_toon_context(
            o, fout="Dit dossier is al besproken in dit overleg; het blijft op de agenda."))
    with db.atomic():
        audit.record("overleg.agenda_verwijderd", o, dossier_id=punt.dossier_id,
                     details={"dossier": punt.dossier_id})
        punt.delete_instance()
    if is_fragment_request():
        return render("overleg/toon.html", "agenda", **_toon_context(o, melding="Het agendapunt is verwijderd."))
    flash("Het agendapunt is verwijderd.", "success")
    return redirect_after_post(url_for("overleg.toon", overleg_id=o.id))


@bp.route("/overleggen/<int:overleg_id>.ics", methods=["GET"])
@login_required
def ics(overleg_id: int):
    """The invitation: time and place only, never dossier information or names."""
    o = _load(overleg_id)
    cal = Calendar()
    cal.add("prodid", "-//Veilig Huis//Triage-overleg//NL")
    cal.add("version", "2.0")
    event = Event()
    event.add("uid", f"overleg-{o.id}-{uuid.uuid5(uuid.NAMESPACE_URL, str(o.id)).hex[:12]}@veilighuis")
    event.add("dtstamp", dt.datetime.now(dt.timezone.utc))
    start = lokaal(o.datum)
    event.add("dtstart", start)
    event.add("dtend", start + DUUR)
    event.add("summary", "Triage-overleg Veilig Huis")
    if o.plaats:
        event.add("location", o.plaats)
    event.add("description", "Casusoverleg art. 458ter Sw. De agenda staat in het dossiersysteem.")
    cal.add_component(event)
    cal.add_missing_timezones()  # a VTIMEZONE for Europe/Brussels, for calendar clients that need it
    response = make_response(cal.to_ical())
    response.headers["Content-Type"] = "text/calendar; charset=utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="triage-overleg-{o.id}.ics"'
    return response


# ---------------------------------------------------------------- walking through the agenda
def _punt(o: Overleg, n: int) -> tuple[list[Agendapunt], Agendapunt]:
    punten = _agenda(o)
    if n < 1 or n > len(punten):
        abort(404)
    return punten, punten[n - 1]


def _gate(d: Dossier) -> str | None:
    try:
        workflow.check_bijdrage(toestand(d))
    except workflow.WorkflowError as error:
        return str(error)
    return None


def _bijdragen(d: Dossier) -> list[tuple[Bijdrage, list[Bijdrage]]]:
    """Current bijdragen with their earlier versions (newest first), in one query."""
    alle = list(Bijdrage.select(Bijdrage, User, Organisatie)
                .join(User, on=(Bijdrage.auteur == User.id))
                .switch(Bijdrage).join(Organisatie, JOIN.LEFT_OUTER, on=(Bijdrage.organisatie == Organisatie.id))
                .where(Bijdrage.dossier == d.id).order_by(Bijdrage.aangemaakt_op, Bijdrage.id))
    per_id = {b.id: b for b in alle}
    result = []
    for b in alle:
        if not b.actueel:
            continue
        geschiedenis, vorige = [], b.vorige_id
        while vorige and vorige in per_id:
            geschiedenis.append(per_id[vorige])
            vorige = per_id[vorige].vorige_id
        result.append((b, geschiedenis))
    return result


def _punt_context(o: Overleg, n: int, **extra) -> dict:
    punten, punt = _punt(o, n)
    d = punt.dossier
    ctx = dict(overleg=o, punt=punt, n=n, totaal=len(punten), beheert=_beheert(o),
               title=f"Punt {n} van {len(punten)}", verborgen=False, **extra)
    if not access.can(current_user, "dossier.view", d):
        ctx["verborgen"] = True
        return ctx
    audit.record("dossier.view", d, details={"overleg": o.id})
    check = laatste_parketcheck(d)
    aanmelding = (Aanmelding.select(Aanmelding, Organisatie).join(Organisatie, JOIN.LEFT_OUTER)
                  .where(Aanmelding.dossier == d.id)
                  .order_by(Aanmelding.ingediend_op, Aanmelding.id).first())
    gate = _gate(d)
    mag = (access.can(current_user, "bijdrage.create", d) and _neemt_deel(o) and gate is None)
    ctx.update(dossier=d, personen=list(d.personen.order_by(Persoon.id)), check=check,
               aanmelding=aanmelding, bijdragen=_bijdragen(d), gate=gate, mag_bijdragen=mag,
               beperking=check.beperkingen if check and check.uitkomst == "beperkingen" else "")
    ctx.setdefault("bespreking_form", BesprekingForm(tekst=richtext.html_naar_tekst(punt.bespreking), formdata=None))
    ctx.setdefault("bijdrage_form", BijdrageForm(formdata=None))
    return ctx


PUNT_BLOKKEN = {"bespreking": "bespreking", "bijdragen": "bijdragen"}


@bp.route("/overleggen/<int:overleg_id>/punt/<int:n>", methods=["GET"])
@login_required
def punt(overleg_id: int, n: int):
    o = _load(overleg_id)
    ctx = _punt_context(o, n)
    return render("overleg/punt.html", PUNT_BLOKKEN, status=403 if ctx["verborgen"] else 200, **ctx)


@bp.route("/overleggen/<int:overleg_id>/punt/<int:n>/bespreking", methods=["POST"])
@login_required
def bespreking(overleg_id: int, n: int):
    """Save the coordinator's notes; the dossier moves te_bespreken → dossiervorming."""
    o = _load(overleg_id, "overleg.manage")
    _, punt = _punt(o, n)
    d = punt.dossier
    access.require(current_user, "dossier.edit", d)
    form = BesprekingForm()
    if not form.validate():
        return render("overleg/punt.html", PUNT_BLOKKEN, status=422,
                      **_punt_context(o, n, bespreking_form=form))
    user = current_user._get_current_object()
    oud = dict(bespreking=punt.bespreking, besproken=punt.besproken)
    try:
        with db.atomic():
            if d.fase != "dossiervorming":
                voer_uit(d, "bespreken", user, toelichting=f"overleg {o.id}")
            punt.bespreking = richtext.tekst_naar_html(form.tekst.data)
            punt.besproken = True
            punt.save()
            audit.record_change("agendapunt.bespreking", punt, oud,
                                dict(bespreking=punt.bespreking, besproken=True))
    except workflow.WorkflowError as error:
        return render("overleg/punt.html", PUNT_BLOKKEN, status=422,
                      **_punt_context(o, n, bespreking_form=form, bespreking_fout=str(error)))
    if is_fragment_request():
        return render("overleg/punt.html", PUNT_BLOKKEN,
                      **_punt_context(o, n, bespreking_melding="De bespreking is opgeslagen."))
    flash("De bespreking is opgeslagen. Het dossier staat nu bij dossiervorming.", "success")
    return redirect_after_post(url_for("overleg.punt", overleg_id=o.id, n=n) + "#bijdragen")


def _bijdrage_toegang(o: Overleg, d: Dossier, action: str, obj) -> str | None:
    """Access first (404/403), then the parket gate: its Dutch message, or None."""
    access.require(current_user, action, obj)
    if not _neemt_deel(o):
        abort(403)
    return _gate(d)


def _maak_bijdrage(o: Overleg, d: Dossier, inhoud: str, vorige: Bijdrage | None = None) -> Bijdrage:
    user = current_user._get_current_object()
    with db.atomic():
        b = Bijdrage.create(dossier=d, overleg=o, auteur=user, organisatie=user.organisatie_id,
                            inhoud=inhoud, rechtsgrond=f"Casusoverleg art. 458ter Sw. – {o.team.naam}",
                            deelnemers=_deelnemers_tekst(o), vorige=vorige)
        if vorige is None:
            audit.record("bijdrage.create", b, details={"overleg": o.id})
        else:
            Bijdrage.update(actueel=False).where(Bijdrage.id == vorige.id).execute()
            audit.record_change("bijdrage.correct", b, dict(inhoud=vorige.inhoud, id=vorige.id),
                                dict(inhoud=b.inhoud, id=b.id))
    return b


def _inhoud(form: BijdrageForm) -> str | None:
    """The sanitised content, or None with the error beside the field."""
    if not form.validate():
        return None
    inhoud = richtext.tekst_naar_html(form.inhoud.data)
    if richtext.is_leeg(inhoud):
        form.inhoud.errors = list(form.inhoud.errors) + ["Schrijf uw bijdrage in gewone tekst."]
        return None
    return inhoud


@bp.route("/overleggen/<int:overleg_id>/punt/<int:n>/bijdrage", methods=["POST"])
@login_required
def bijdrage(overleg_id: int, n: int):
    o = _load(overleg_id)
    _, punt = _punt(o, n)
    d = punt.dossier
    gate = _bijdrage_toegang(o, d, "bijdrage.create", d)
    form = BijdrageForm()
    if gate:
        return render("overleg/punt.html", PUNT_BLOKKEN, status=422,
                      **_punt_context(o, n, bijdrage_fout=gate))
    inhoud = _inhoud(form)
    if inhoud is None:
        return render("overleg/punt.html", PUNT_BLOKKEN, status=422,
                      **_punt_context(o, n, bijdrage_form=form))
    _maak_bijdrage(o, d, inhoud)
    if is_fragment_request():
        return render("overleg/punt.html", PUNT_BLOKKEN,
                      **_punt_context(o, n, bijdrage_melding="Uw bijdrage is opgeslagen."))
    flash("Uw bijdrage is opgeslagen.", "success")
    return redirect_after_post(url_for("overleg.punt", overleg_id=o.id, n=n) + "#bijdragen")


@bp.route("/overleggen/<int:overleg_id>/punt/<int:n>/bijdrage/<int:bijdrage_id>/corrigeren",
          methods=["GET", "POST"])
@login_required
def corrigeren(overleg_id: int, n: int, bijdrage_id: int):
    """A correction is a new version; the old one stays readable in the history."""
    o = _load(overleg_id)
    _, punt = _punt(o, n)
    d = punt.dossier
    oud = Bijdrage.get_or_none((Bijdrage.id == bijdrage_id) & (Bijdrage.dossier == d.id))
    if oud is None:
        abort(404)
    gate = _bijdrage_toegang(o, d, "bijdrage.correct", oud)
    audit.record("bijdrage.view", oud, details={"overleg": o.id})
    form = BijdrageForm()
    ctx = dict(overleg=o, punt=punt, n=n, dossier=d, oud=oud, gate=gate, form=form,
               title="Bijdrage corrigeren")
    if request.method == "GET":
        form.inhoud.data = richtext.html_naar_tekst(oud.inhoud)
        return render("overleg/corrigeren.html", "content", status=422 if gate else 200, **ctx)
    if gate:
        return render("overleg/corrigeren.html", "content", status=422, **ctx)
    inhoud = _inhoud(form)
    if inhoud is None:
        return render("overleg/corrigeren.html", "content", status=422, **ctx)
    _maak_bijdrage(o, d, inhoud, vorige=oud)
    flash("Uw correctie is opgeslagen; de vorige versie blijft zichtbaar in de geschiedenis.", "success")
    return redirect_after_post(url_for("overleg.punt", overleg_id=o.id, n=n) + "#bijdragen")


# ---------------------------------------------------------------- minutes
@bp.route("/overleggen/<int:overleg_id>/verslag", methods=["GET"])
@login_required
def verslag(overleg_id: int):
    """Printable minutes; per item only what the reader may still see (bounded queries)."""
    o = _load(overleg_id)
    punten = _agenda(o)
    zichtbaar = _zichtbaar(current_user, {p.dossier_id for p in punten})
    besluiten = {}
    if zichtbaar:
        for b in (Besluit.select().where((Besluit.overleg == o.id) & Besluit.dossier.in_(list(zichtbaar)))
                  .order_by(Besluit.beslist_op, Besluit.id)):
            besluiten[b.dossier_id] = b
    getoond = [p for p in punten if p.dossier_id in zichtbaar]
    audit.record("overleg.verslag", o, details={"dossiers": sorted(zichtbaar)})
    return render("overleg/verslag.html", "content", overleg=o, punten=getoond,
                  verborgen=len(punten) - len(getoond), besluiten=besluiten,
                  deelnemers=_deelnemers(o), title="Verslag triage-overleg")
