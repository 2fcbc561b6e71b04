"""The daily overview: once a day (from VH_DIGEST_UUR, Brussels time, or `flask --app wsgi
meldingen --digest`), each user gets ONE e-mail with

- the notifications they chose to receive bundled (MELDING_BUNDELBAAR, user.meldingen
  "dagelijks"), which waited in the outbox with `bundel` set, and
- the lines of every *dagbron*: a function registered with `@dagbron("naam")` that returns, for
  a day, (user id, sentence, path) for what needs attention — here the regisseur's flags of
  domain rule 5; casusregie adds its own (overdue actions per partner organisation, overdue
  steps of the checklist) in its own module, e.g.

      from vh.meldingen import dagoverzicht

      @dagoverzicht.dagbron("acties_over_tijd")
      def _acties_over_tijd(dag):
          for actie, dossier in ...:  # open actions past their deadline, one query
              for user_id in dagoverzicht.partners(actie.organisatie_id):
                  yield user_id, f"Dossier {dossier.nummer}: een actie is over tijd", "/acties"

  A sentence names a number only: no names, no free text (see plannen.py).

The overview is itself a row of the outbox (soort "dagoverzicht"), delivered as any other. A day
is built once, whatever the number of runners: its MeldingDag row, the overviews and the marks on
the bundled rows (opgenomen_in) are one transaction, and a second runner finds the day taken.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable

from peewee import JOIN, IntegrityError, fn

from vh.db import db, is_sqlite
from vh.keuzes import Fase, MeldingSoort
from vh.models import Dossier, Melding, MeldingDag, Overgang, User, utcnow
from vh.templating import aantal, datum
from vh.tijd import lokaal, naar_utc, vandaag

from . import plannen

Regel = tuple[int, str, str]  # (user id, sentence, path)
DAGBRONNEN: dict[str, Callable[[dt.date], Iterable[Regel]]] = {}


def dagbron(naam: str):
    """Register a source of daily lines (see the module's docstring)."""
    def register(bron):
        if naam in DAGBRONNEN:
            raise ValueError(f"dagbron {naam!r} is registered twice")
        DAGBRONNEN[naam] = bron
        return bron
    return register


def partners(organisatie_id: int) -> list[int]:
    """The ids of the active partner users of an organisation: who reads its overview."""
    return [u.id for u in plannen.partners_van(organisatie_id).select(User.id)]


def maanden_terug(dag: dt.date, maanden: int) -> dt.date:
    """The same day `maanden` months earlier (the last day of a shorter month)."""
    jaar, maand = divmod(dag.year * 12 + dag.month - 1 - maanden, 12)
    for d in (dag.day, 30, 29, 28):
        try:
            return dt.date(jaar, maand + 1, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


# ---------------------------------------------------------------- the regisseur's flags (rule 5)
HERBEKIJKEN = {2: 6, 3: 12}  # spoor → months after the decision when it is flagged for review
AFRONDING_MAANDEN = 6


@dagbron("regisseur_signalen")
def regisseur_signalen(dag: dt.date) -> Iterable[Regel]:
    """Domain rule 5 for each dossier with a regisseur that is not closed: spoor 2 past 6 months
    and spoor 3 past 12 months since the decision (to review), afronding past 6 months (to
    close). One query."""
    besloten = fn.MAX(Overgang.op).alias("besloten")
    query = (Dossier.select(Dossier.id, Dossier.nummer, Dossier.regisseur, Dossier.spoor, Dossier.fase,
                            Dossier.fase_sinds, besloten)
             .join(Overgang, JOIN.LEFT_OUTER, on=((Overgang.dossier == Dossier.id)
                                                  & Overgang.actie.in_(["besluit_spoor2", "besluit_spoor3"])))
             .where(Dossier.regisseur.is_null(False) & (Dossier.fase != Fase.AFGESLOTEN))
             .group_by(Dossier.id, Dossier.nummer, Dossier.regisseur, Dossier.spoor, Dossier.fase,
                       Dossier.fase_sinds)
             .order_by(Dossier.nummer))
    grens = {s: naar_utc(maanden_terug(dag, m) + dt.timedelta(days=1)) for s, m in HERBEKIJKEN.items()}
    afronden = naar_utc(maanden_terug(dag, AFRONDING_MAANDEN) + dt.timedelta(days=1))
    for d in query.objects():
        if d.fase == Fase.AFRONDING and d.fase_sinds < afronden:
            yield d.regisseur_id, (f"Dossier {d.nummer}: langer dan {AFRONDING_MAANDEN} maanden in afronding, "
                                   "af te sluiten"), f"/dossiers/{d.id}"
        elif d.spoor in grens and d.besloten and d.besloten < grens[d.spoor]:
            yield d.regisseur_id, (f"Dossier {d.nummer}: spoor {d.spoor} loopt langer dan "
                                   f"{HERBEKIJKEN[d.spoor]} maanden, te herbekijken"), f"/dossiers/{d.id}"


# ---------------------------------------------------------------- building the day's overviews
def _tekst(dag: dt.date, regels: list[tuple[str, str]]) -> str:
    lijst = "\n".join(f"- {regel}\n  {link}" for regel, link in regels)
    return f"Goedendag,\n\nUw dagoverzicht van {datum(dag)}:\n\n{lijst}\n\n{plannen.SLOT}\n"


def _slot():
    """The write lock at once on SQLite (a deferred transaction that reads first may fail when
    another runner writes between); PostgreSQL orders the runners on MeldingDag's unique index."""
    return db.atomic("IMMEDIATE") if is_sqlite() else db.atomic()


def maak(dag: dt.date | None = None) -> int | None:
    """Build the overviews of `dag` (default today); None if that day was built already, else
    the number of overviews put in the outbox. Bundled rows of an account that is no longer
    active are given up."""
    dag = dag or vandaag()
    try:
        with _slot():
            if MeldingDag.select().where(MeldingDag.dag == dag).exists():
                return None
            MeldingDag.create(dag=dag, op=utcnow())
            return _bouw(dag)
    except IntegrityError:  # another runner built this day at the same moment (PostgreSQL)
        return None


def _bouw(dag: dt.date) -> int:
    per_user: dict[int, list[tuple[str, str, int | None]]] = defaultdict(list)
    for m in Melding.wacht_op_overzicht().select(Melding.id, Melding.user, Melding.onderwerp, Melding.link) \
            .where(Melding.user.is_null(False)).order_by(Melding.id):
        per_user[m.user_id].append((m.onderwerp, m.link, m.id))
    for bron in DAGBRONNEN.values():
        for user_id, regel, pad in bron(dag):
            per_user[user_id].append((regel, plannen.url(pad), None))
    actief = {u.id: u for u in User.select().where(User.id.in_(list(per_user)) & User.actief)} if per_user else {}
    nu, gemaakt = utcnow(), 0
    for user_id, regels in per_user.items():
        ids = [i for _, _, i in regels if i is not None]
        u = actief.get(user_id)
        if u is None or not u.email:
            if ids:
                Melding.update(opgegeven_op=nu, laatste_fout="account niet actief").where(Melding.id.in_(ids)).execute()
            continue
        overzicht = Melding.create(
            sleutel=f"dagoverzicht:{dag.isoformat()}:u{u.id}", soort=MeldingSoort.DAGOVERZICHT, user=u.id,
            adres=u.email, onderwerp=f"Dagoverzicht van het Veilig Huis: {aantal(len(regels), 'melding', 'meldingen')}",
            tekst=_tekst(dag, [(r, link) for r, link, _ in regels]), link=plannen.url("/"),
            aangemaakt_op=nu, verstuur_na=nu)
        if ids:
            Melding.update(opgenomen_in=overzicht.id).where(Melding.id.in_(ids)).execute()
        gemaakt += 1
    return gemaakt


def tijd_voor(cfg: dict, nu: dt.datetime | None = None) -> bool:
    """Is it past today's hour for the overviews (VH_DIGEST_UUR, Brussels) — and not built yet?"""
    lokaal_nu = lokaal(nu or utcnow())
    return (lokaal_nu.hour >= int(cfg.get("VH_DIGEST_UUR", 7))
            and not MeldingDag.select().where(MeldingDag.dag == lokaal_nu.date()).exists())
