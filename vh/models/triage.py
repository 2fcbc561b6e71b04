"""The triage overleg, the partners' contributions, the decision and the letter to the referrer."""
from __future__ import annotations

from peewee import BooleanField, CharField, DateTimeField, ForeignKeyField, IntegerField, TextField

from .aanmelding import Aanmelding
from .basis import BaseModel, Organisatie, Team, User, utcnow
from .dossier import Dossier


class Overleg(BaseModel):
    """A triage overleg of the kernpartners, chaired by a coordinator."""
    team = ForeignKeyField(Team, backref="overleggen")
    datum = DateTimeField(index=True)
    plaats = CharField(max_length=160, default="")
    voorzitter = ForeignKeyField(User, null=True, backref="+")
    afgesloten = BooleanField(default=False)
    aangemaakt_op = DateTimeField(default=utcnow)


class OverlegDeelnemer(BaseModel):
    overleg = ForeignKeyField(Overleg, backref="deelnemers", on_delete="CASCADE")
    user = ForeignKeyField(User, backref="overleg_links")

    class Meta:
        indexes = ((("overleg", "user"), True),)


class Agendapunt(BaseModel):
    overleg = ForeignKeyField(Overleg, backref="agenda", on_delete="CASCADE")
    dossier = ForeignKeyField(Dossier, backref="agendapunten")
    volgorde = IntegerField(default=0)
    bespreking = TextField(default="")  # the coordinator's notes (dossierbespreking)
    besproken = BooleanField(default=False)

    class Meta:
        indexes = ((("overleg", "dossier"), True),)


class Bijdrage(BaseModel):
    """Need-to-know information of a kernpartner (dossiervorming). Corrections add a new version."""
    dossier = ForeignKeyField(Dossier, backref="bijdragen")
    overleg = ForeignKeyField(Overleg, null=True, backref="bijdragen")
    auteur = ForeignKeyField(User, backref="+")
    organisatie = ForeignKeyField(Organisatie, null=True, backref="+")
    inhoud = TextField()  # sanitised HTML (bleach)
    rechtsgrond = CharField(max_length=300)
    deelnemers = TextField(default="")  # who took part, as recorded at the time
    aangemaakt_op = DateTimeField(default=utcnow)
    vorige = ForeignKeyField("self", null=True, backref="correcties")
    actueel = BooleanField(default=True, index=True)


class Besluit(BaseModel):
    """A decision on a dossier, or on a referral that was not admissible (then without dossier)."""
    dossier = ForeignKeyField(Dossier, null=True, backref="besluiten")
    aanmelding = ForeignKeyField(Aanmelding, null=True, backref="besluiten")
    overleg = ForeignKeyField(Overleg, null=True, backref="besluiten")
    uitkomst = CharField(max_length=20)  # a BesluitUitkomst
    regisseur = ForeignKeyField(User, null=True, backref="+")
    motivering = TextField(default="")
    beslist_door = ForeignKeyField(User, backref="+")
    beslist_op = DateTimeField(default=utcnow, index=True)


class Brief(BaseModel):
    """A letter to the referrer. Once sent it is frozen: `html` never changes again."""
    aanmelding = ForeignKeyField(Aanmelding, backref="brieven")
    dossier = ForeignKeyField(Dossier, null=True, backref="brieven")
    aan = ForeignKeyField(User, backref="brieven")
    onderwerp = CharField(max_length=200)
    inhoud = TextField()  # sanitised HTML body, editable while a draft
    html = TextField(default="")  # the complete frozen letter once sent
    aangemaakt_op = DateTimeField(default=utcnow)
    verzonden_op = DateTimeField(null=True)
    verzonden_door = ForeignKeyField(User, null=True, backref="+")
