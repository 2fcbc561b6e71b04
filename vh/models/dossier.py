"""The dossier (one cliëntsysteem), its stamped transitions and its parketchecks."""
from __future__ import annotations

from peewee import (
    JOIN,
    BooleanField,
    CharField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from vh.keuzes import Fase
from vh.workflow import CASUSREGIE, Toestand

from .basis import BaseModel, Team, User, _id, split_list, utcnow


_LAAD = object()  # Dossier.toestand(): load the latest parketcheck


class Dossier(BaseModel):
    """One cliëntsysteem: everyone around one situation of violence."""
    nummer = CharField(max_length=20, unique=True)
    team = ForeignKeyField(Team, backref="dossiers")
    fase = CharField(max_length=30, index=True, default=Fase.NIEUW)  # a Fase, see vh/workflow.py
    spoor = IntegerField(null=True)  # 2 or 3 once decided
    regisseur = ForeignKeyField(User, backref="regie_dossiers", null=True)
    pilootzone = BooleanField(default=False)  # derived from the persons' municipality
    buiten_vlaams_brabant = BooleanField(default=False)  # opened from a referral outside the province
    acuut = BooleanField(default=False)
    ifg_vormen = CharField(max_length=200, default="")
    fase_sinds = DateTimeField(default=utcnow)
    aangemaakt_op = DateTimeField(default=utcnow)
    aangemaakt_door = ForeignKeyField(User, null=True, backref="+")
    afgesloten_op = DateTimeField(null=True)
    afsluitreden = CharField(max_length=200, null=True)
    geanonimiseerd_op = DateTimeField(null=True)

    def __str__(self):
        return self.nummer

    @property
    def vormen(self) -> list[str]:
        return split_list(self.ifg_vormen)

    def laatste_parketcheck(self) -> Parketcheck | None:
        """The most recent parketcheck (asked last), answered or not; None if never asked."""
        return (Parketcheck.select().where(Parketcheck.dossier == self.id)
                .order_by(Parketcheck.gevraagd_op.desc(), Parketcheck.id.desc()).first())

    def toestand(self, check: Parketcheck | None | object = _LAAD, *, regie: bool | None = None) -> Toestand:
        """What the workflow rules need to know of this dossier. `check`: its latest parketcheck
        when already loaded (None: never asked), else it is loaded (one query). `regie`: load
        the casusregie facts (risk analysis, actions; two queries) of a dossier in or after
        casusregie; by default only for one dossier (no `check` given), not on a list's bulk path."""
        if check is _LAAD:
            check = self.laatste_parketcheck()
            regie = regie is not False
        feiten = {}
        if regie and self.spoor is not None and self.fase in (*CASUSREGIE, Fase.AFGESLOTEN):
            from .regie import Actie, Risicoanalyse  # regie imports this module
            feiten = dict(risicoanalyse=Risicoanalyse.select().where(Risicoanalyse.dossier == self.id).exists(),
                          **Actie.tellingen(self))
        return Toestand(fase=self.fase, parket=check.uitkomst if check else None,
                        pilootzone=self.pilootzone, parket_pauze=self.team.parket_pauze,
                        regisseur=self.regisseur_id is not None, spoor=self.spoor, **feiten)

    def tijdlijn(self) -> list[Overgang]:
        """Every stamped transition of this dossier, oldest first, with who made it (one query)."""
        return list(Overgang.van_dossier(self))


class Overgang(BaseModel):
    """A dossier transition, stamped: who moved it from which phase to which, and when."""
    dossier = ForeignKeyField(Dossier, backref="overgangen", on_delete="CASCADE")
    van = CharField(max_length=30, null=True)
    naar = CharField(max_length=30)
    actie = CharField(max_length=40)  # a key of vh.workflow.OVERGANGEN, or "openen"
    door = ForeignKeyField(User, null=True, backref="+")
    op = DateTimeField(default=utcnow, index=True)
    toelichting = TextField(default="")

    @classmethod
    def van_dossier(cls, dossier, *acties: str):
        """The transitions of `dossier` (instance or id), oldest first, each with its `door`
        loaded (LEFT OUTER JOIN User); only those of `acties` when given. A query."""
        query = (cls.select(cls, User).join(User, JOIN.LEFT_OUTER, on=(cls.door == User.id))
                 .where(cls.dossier == _id(dossier)))
        if acties:
            query = query.where(cls.actie.in_(acties))
        return query.order_by(cls.op, cls.id)


class Parketcheck(BaseModel):
    """The coordinator asks the parket whether the dossier may be opened for information sharing."""
    dossier = ForeignKeyField(Dossier, backref="parketchecks", on_delete="CASCADE")
    gevraagd_door = ForeignKeyField(User, backref="+")
    gevraagd_op = DateTimeField(default=utcnow)
    beantwoord_door = ForeignKeyField(User, null=True, backref="+")
    beantwoord_op = DateTimeField(null=True)
    uitkomst = CharField(max_length=20, null=True)  # a ParketUitkomst once answered
    beperkingen = TextField(default="")
    reden = TextField(default="")

    @classmethod
    def laatste_per_dossier(cls, dossiers) -> dict[int, Parketcheck]:
        """{dossier id: its most recent parketcheck} for many dossiers (instances or ids) in one
        query; a dossier never asked is absent. The bulk form of Dossier.laatste_parketcheck."""
        ids = [_id(d) for d in dossiers]
        laatste: dict[int, Parketcheck] = {}
        if ids:
            for check in cls.select().where(cls.dossier.in_(ids)).order_by(cls.gevraagd_op, cls.id):
                laatste[check.dossier_id] = check  # later rows overwrite earlier ones
        return laatste
