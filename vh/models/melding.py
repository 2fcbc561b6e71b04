"""The outbox of notifications by e-mail (vh/meldingen): one row per e-mail, written in the same
transaction as the change that causes it, delivered later by `flask --app wsgi meldingen`.

A row holds no dossier content: its subject and text name only a referral or dossier number and
carry a link into the application (see vh/meldingen/teksten.py)."""
from __future__ import annotations

from peewee import BooleanField, CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField

from .basis import BaseModel, User, utcnow


class Melding(BaseModel):
    """One e-mail. `sleutel` makes it idempotent: planning the same notification twice (a
    retried request, two runners building the daily overview) adds nothing.

    Its life: planned (verstuur_na: not before) → claimed by one runner (geclaimd_tot, a
    conditional UPDATE, so two nodes never both send it) → verzonden_op, or a failure
    (laatste_fout, a later verstuur_na: exponential backoff) until opgegeven_op. A row with
    `bundel` waits for the recipient's daily overview instead (opgenomen_in: the overview's row)."""
    sleutel = CharField(max_length=120, unique=True)
    soort = CharField(max_length=20, index=True)  # a vh.keuzes.MeldingSoort
    user = ForeignKeyField(User, null=True, backref="+")  # the recipient, when it is an account
    adres = CharField(max_length=254)  # the address (the account's at planning; the account's own wins)
    onderwerp = CharField(max_length=200)
    tekst = TextField()
    link = CharField(max_length=300, default="")
    aangemaakt_op = DateTimeField(default=utcnow)
    verstuur_na = DateTimeField(default=utcnow, index=True)
    bundel = BooleanField(default=False)
    opgenomen_in = ForeignKeyField("self", null=True, backref="opgenomen")
    pogingen = IntegerField(default=0)
    geclaimd_tot = DateTimeField(null=True)
    verzonden_op = DateTimeField(null=True, index=True)
    laatste_fout = CharField(max_length=300, default="")
    opgegeven_op = DateTimeField(null=True)

    @property
    def status(self) -> str:
        """In words, for the beheerder's list."""
        if self.verzonden_op:
            return "Verzonden"
        if self.opgenomen_in_id:
            return "In dagoverzicht"
        if self.opgegeven_op:
            return "Mislukt"
        if self.bundel:
            return "Wacht op dagoverzicht"
        return "Nieuwe poging gepland" if self.pogingen else "Wacht"

    @classmethod
    def te_versturen(cls, nu):
        """The rows a runner may try now (a query): not sent, not given up, not waiting for an
        overview, due, and not claimed by another runner (or that claim has expired)."""
        return cls.select().where(
            cls.verzonden_op.is_null() & cls.opgegeven_op.is_null() & ~cls.bundel
            & (cls.verstuur_na <= nu) & (cls.geclaimd_tot.is_null() | (cls.geclaimd_tot < nu)))

    @classmethod
    def wacht_op_overzicht(cls):
        """The rows waiting for their recipient's daily overview (a query)."""
        return cls.select().where(cls.bundel & cls.opgenomen_in.is_null() & cls.verzonden_op.is_null())


class MeldingDag(BaseModel):
    """The days whose daily overviews were built: once a day, whatever the number of runners."""
    dag = DateField(unique=True)
    op = DateTimeField(default=utcnow)
