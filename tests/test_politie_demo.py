"""The police part of the demo data: idempotent, a new PV for the already known Peggy and Jordy."""
from vh.aanmelding import indienen
from vh.db import db
from vh.demo import basis, politie
from vh.models import Aanmelding, PvNummer


def test_demo_is_idempotent_and_known(app):
    with db.atomic():
        basis._dossiers()
    assert "ingediend" in politie.load()
    assert politie.load() == ""
    assert PvNummer.select().where(PvNummer.nummer == politie.PV).count() == 1
    a = Aanmelding.get(Aanmelding.pv_nummers == politie.PV)
    assert (a.status, a.bron, a.auteur.email) == ("ingediend", "politie-kort", "politie@vh.test")
    assert sorted(p.naam for p in a.personen) == ["Jordy Maes", "Peggy Claes"]
    bekend = indienen.bekende_dossiers(a)
    assert len(bekend) == 1 and bekend[0][0].spoor == 2
