"""The models' own queries, tested directly, and the labelled choices of vh.keuzes."""
from __future__ import annotations

import datetime as dt
import threading

import pytest
from kit import AARSCHOT, GEZIN, maak_dossier
from playhouse.test_utils import count_queries

from vh import keuzes, workflow
from vh.db import db
from vh.keuzes import (
    AanmeldingStatus,
    BesluitUitkomst,
    Bron,
    ClientRol,
    Fase,
    Geslacht,
    IfgVorm,
    ParketUitkomst,
)
from vh.models import Aanmelding, Dossier, Gemeente, Nummering, Overgang, Parketcheck, Persoon, utcnow
from vh.transitions import voer_uit


# ---------------------------------------------------------------- labelled choices
def test_a_member_is_its_stored_string():
    assert Fase.NIEUW == "nieuw" and f"{Fase.NIEUW}" == "nieuw" and str(Fase.NIEUW) == "nieuw"
    assert Fase("kennismaking") is Fase.KENNISMAKING
    assert "slachtoffer én pleger" in keuzes.SLACHTOFFER_ROLLEN
    assert {Fase.NIEUW: 1}["nieuw"] == 1


def test_labels_and_choices():
    assert Fase.PARKETCHECK.label == "Wacht op parket"
    assert ParketUitkomst.BEPERKINGEN.label == "Akkoord met beperkingen"
    assert BesluitUitkomst.SPOOR2.label == "Spoor 2: casusondersteuning"
    assert AanmeldingStatus.NIET_ONTVANKELIJK.label == "Niet ontvankelijk"
    assert Bron.POLITIE_KORT == "politie-kort" and Bron.POLITIE_KORT.label == "Politie"
    assert IfgVorm.OUDERENMISBEHANDELING == "ouderenmis(be)handeling"
    assert ClientRol.SLACHTOFFER_EN_PLEGER == "slachtoffer én pleger"
    assert Geslacht("").label == "Onbekend"
    assert Fase.choices()[0] == ("nieuw", "Nieuw") and len(Fase.choices()) == len(Fase)
    assert Fase.label_van("afgesloten") == "Afgesloten"
    assert Fase.label_van("verdwenen") == "verdwenen" and Fase.label_van(None) == ""


def test_old_dicts_are_derived_from_the_enums():
    assert Fase.labels() == workflow.FASEN and list(workflow.FASEN)[0] == "nieuw"
    assert workflow.PARKET_UITKOMSTEN == {"akkoord": "Akkoord", "beperkingen": "Akkoord met beperkingen",
                                          "bezwaar": "Bezwaar"}
    assert BesluitUitkomst.labels() == workflow.BESLUIT_UITKOMSTEN
    assert keuzes.CLIENT_ROLLEN["kind-slachtoffer"] == "Kind-slachtoffer"
    assert keuzes.GESLACHTEN == {"v": "Vrouw", "m": "Man", "x": "X / anders", "": "Onbekend"}
    assert all(type(k) is str for d in (keuzes.FASEN, keuzes.ROLLEN, keuzes.IFG_VORMEN) for k in d)
    # every phase the workflow moves between is a Fase
    assert all(isinstance(f, Fase) for van, naar, _ in workflow.OVERGANGEN.values() for f in (*van, naar))


def test_templates_see_labels_and_enums(app):
    with app.test_request_context():
        html = app.jinja_env.from_string(
            "{{ FASEN['nieuw'] }}|{{ Fase.AFGESLOTEN.label }}|{{ IFG_VORMEN['belaging'] }}").render()
    assert html == "Nieuw|Afgesloten|Belaging"


# ---------------------------------------------------------------- the gapless counter
def test_volgende_nr_counts_per_soort_and_year(app):
    assert Nummering.volgende_nr("test", jaar=2001) == 1
    assert Nummering.volgende_nr("test", jaar=2001) == 2
    assert Nummering.volgende_nr("test", jaar=2002) == 1
    assert Nummering.volgende_nr("test", jaar=0, aantal=5) == 5  # numbers 1…5 at once
    assert Nummering.volgende_nr("test", jaar=0) == 6
    with pytest.raises(ValueError):
        Nummering.volgende_nr("test", jaar=0, aantal=0)


def test_reference_numbers(app):
    jaar = utcnow().year
    assert Nummering.volgende("proef", "P") == f"P-{jaar}-0001"
    assert Nummering.reeks("proef", "P", 3) == [f"P-{jaar}-0002", f"P-{jaar}-0003", f"P-{jaar}-0004"]
    assert Nummering.reeks("proef", "P", 0) == []
    assert Nummering.volgende("proef", "P") == f"P-{jaar}-0005"


def test_a_rolled_back_number_is_given_again(app):
    with pytest.raises(RuntimeError), db.atomic():
        Nummering.volgende_nr("terug", jaar=0)
        raise RuntimeError
    assert Nummering.volgende_nr("terug", jaar=0) == 1


def test_counter_is_gapless_under_two_threads(app):
    """Two threads, each on its own connection, take 20 numbers each: 40 distinct, consecutive."""
    Nummering.volgende_nr("draad", jaar=0)  # the row exists; both threads contend on the UPDATE
    db.close()
    genomen: list[list[int]] = [[], []]
    fouten: list[BaseException] = []
    start = threading.Barrier(2)

    def neem(i: int) -> None:
        try:
            start.wait()
            for _ in range(20):
                genomen[i].append(Nummering.volgende_nr("draad", jaar=0))
        except BaseException as e:  # reported below, a thread cannot fail the test itself
            fouten.append(e)
        finally:
            db.close()  # peewee's connection is per thread

    threads = [threading.Thread(target=neem, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not fouten, fouten
    assert sorted(genomen[0] + genomen[1]) == list(range(2, 42))
    assert all(a < b for reeks in genomen for a, b in zip(reeks, reeks[1:], strict=False))


# ---------------------------------------------------------------- persons and where they live
def gemeente(postcode: str) -> Gemeente:
    return Gemeente.select().where(Gemeente.postcode == postcode).order_by(Gemeente.id).first()


def test_persoon_van_loads_the_municipality_in_one_query(app):
    d = maak_dossier(personen=GEZIN, plaats=AARSCHOT)
    with count_queries() as telling:
        personen = list(Persoon.van(dossier=d))
        namen = [(p.voornaam, p.gemeente.postcode) for p in personen]
    assert telling.count == 1
    assert namen == [(voornaam, "3200") for voornaam, *_ in GEZIN]
    assert [p.id for p in Persoon.van(dossier=d.id)] == [p.id for p in personen]


def test_persoon_van_a_referral_many_dossiers_and_without_municipality(app):
    d1, d2 = maak_dossier(personen=GEZIN[:1]), maak_dossier(personen=GEZIN[1:3])
    a = Aanmelding.get(Aanmelding.dossier == d1.id)
    p = Persoon.create(aanmelding=a, voornaam="Lotte", achternaam="Smets", rol="slachtoffer")
    with count_queries() as telling:
        op_aanmelding = list(Persoon.van(aanmelding=a))
        zonder = [x.id for x in op_aanmelding if x.gemeente is None]
    # the referral holds its own person (with a municipality) too, as the rules made it
    assert telling.count == 1 and zonder == [p.id] and len(op_aanmelding) == 2
    assert len(list(Persoon.van(dossier=[d1, d2.id]))) == 3
    oudste = Persoon.van(dossier=d2).order_by(Persoon.geboortedatum).first()
    assert oudste.voornaam == "Jarno"
    with pytest.raises(TypeError):
        Persoon.van()
    with pytest.raises(TypeError):
        Persoon.van(aanmelding=a, dossier=d1)


def test_woonplaats_is_that_of_the_first_victim_with_a_municipality(app):
    d = maak_dossier(personen=[])
    leuven, halle = gemeente("3000"), gemeente("1500")

    def persoon(voornaam, rol, g):
        return Persoon.create(dossier=d, voornaam=voornaam, achternaam="Peeters", rol=rol, gemeente=g)

    assert Persoon.woonplaats_van(dossier=d) is None
    persoon("Jan", "pleger", leuven)
    assert Persoon.woonplaats_van(dossier=d) == leuven  # no victim with one: anyone's
    persoon("An", "slachtoffer", None)
    persoon("Mia", "kind-slachtoffer", halle)
    with count_queries() as telling:
        assert Persoon.woonplaats_van(dossier=d.id).gemeente == halle.gemeente
    assert telling.count == 1


def test_woonplaats_uit_works_on_rows_in_memory(app):
    class Rij:
        def __init__(self, rol, postcode):
            self.rol, self.postcode = rol, postcode

    rijen = [Rij("pleger", "3000"), Rij("slachtoffer", "9999"), Rij("slachtoffer", "1500")]
    bekend = {"3000": "Leuven", "1500": "Halle"}
    assert Persoon.woonplaats_uit(rijen, lambda r: bekend.get(r.postcode)) == "Halle"
    assert Persoon.woonplaats_uit([], lambda r: "x") is None


def test_aanmelding_woonplaats(app):
    d = maak_dossier(personen=[])
    a = Aanmelding.get(Aanmelding.dossier == d.id)
    Persoon.create(aanmelding=a, voornaam="Els", achternaam="Claes", rol="slachtoffer",
                   gemeente=gemeente("1500"))
    assert a.woonplaats().postcode == "1500"


# ---------------------------------------------------------------- parketcheck and transitions
def test_laatste_parketcheck(app, user):
    d = maak_dossier(parket=None)
    assert d.laatste_parketcheck() is None
    nu = utcnow()
    oud = Parketcheck.create(dossier=d, gevraagd_door=user("coordinator"), gevraagd_op=nu - dt.timedelta(days=9),
                             uitkomst="bezwaar")
    nieuw = Parketcheck.create(dossier=d, gevraagd_door=user("coordinator"), gevraagd_op=nu)
    zelfde_tijd = Parketcheck.create(dossier=d, gevraagd_door=user("coordinator"), gevraagd_op=nu)
    assert d.laatste_parketcheck() == zelfde_tijd  # same moment: the later row wins
    zelfde_tijd.delete_instance()
    assert d.laatste_parketcheck() == nieuw != oud
    ander = maak_dossier(parket="akkoord")
    laatste = Parketcheck.laatste_per_dossier([d, ander.id, 10**6])
    assert laatste == {d.id: nieuw, ander.id: ander.laatste_parketcheck()}
    assert Parketcheck.laatste_per_dossier([]) == {}


def test_tijdlijn_holds_every_stamp_with_its_author(app, user):
    d = maak_dossier(fase="nieuw", parket=None)
    voer_uit(d, "agenderen", user("coordinator"))
    voer_uit(Dossier.get_by_id(d.id), "bespreken", user("coordinator"), toelichting="Overleg 1")
    with count_queries() as telling:
        stappen = [(o.actie, o.van, o.naar, o.door.naam) for o in Dossier.get_by_id(d.id).tijdlijn()]
    assert telling.count == 2  # the dossier and its timeline
    coordinator = user("coordinator").naam
    assert stappen == [("openen", None, "nieuw", coordinator), ("agenderen", "nieuw", "te_bespreken", coordinator),
                       ("bespreken", "te_bespreken", "dossiervorming", coordinator)]
    assert [o.actie for o in Overgang.van_dossier(d.id, "bespreken")] == ["bespreken"]
    assert Dossier.get_by_id(d.id).fase == Fase.DOSSIERVORMING


def test_defaults_are_members(app, user):
    a = Aanmelding(auteur=user("aanmelder"))
    assert a.status is AanmeldingStatus.CONCEPT and a.bron is Bron.FORMULIER
    a.save()
    assert Aanmelding.get_by_id(a.id).status == "concept"
