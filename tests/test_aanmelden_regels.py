"""Rules of the referral, tested directly: routing, pilot zone, "already known?" matching, the
validation of the step forms and the derived status a referrer may see."""
from __future__ import annotations

import datetime as dt

import pytest
from kit import count_queries, gemeente, team
from werkzeug.datastructures import MultiDict

from vh.aanmelding import indienen
from vh.aanmelding.forms import CriteriaForm, GebeurdForm, PersoonForm, VeiligheidForm
from vh.aanmelding.mijn import status_voor_aanmelder
from vh.models import Aanmelding, Besluit, Dossier, Nummering, Persoon, utcnow


def aanmelding(user, **kw):
    u = user("aanmelder")
    return Aanmelding.create(auteur=u, organisatie=u.organisatie, **kw)


def persoon(a=None, d=None, voornaam="Sandra", achternaam="Wouters", geboren=dt.date(1987, 9, 3),
            rol="slachtoffer", postcode=None, deel=None):
    g = gemeente(postcode, deel) if postcode else None
    return Persoon.create(aanmelding=a, dossier=d, voornaam=voornaam, achternaam=achternaam,
                          geboortedatum=geboren, rol=rol, postcode=postcode or "", gemeente=g)


# ---------------------------------------------------------------- routing
def test_leuven_goes_to_oost_brabant_in_pilot_zone(app, user):
    a = aanmelding(user)
    persoon(a, postcode="3000")
    indienen.route(a)
    assert a.team.naam == "Veilig Huis Oost-Brabant"
    assert a.pilootzone is True and a.buiten_vlaams_brabant is False


def test_vilvoorde_goes_to_halle_vilvoorde(app, user):
    a = aanmelding(user)
    persoon(a, postcode="1800", deel="Vilvoorde")
    indienen.route(a)
    assert a.team.naam == "Veilig Huis Halle-Vilvoorde"
    assert a.pilootzone is True


def test_tienen_is_leuven_but_no_pilot_zone(app, user):
    a = aanmelding(user)
    persoon(a, postcode="3300", deel="Tienen")
    indienen.route(a)
    assert a.team.naam == "Veilig Huis Oost-Brabant" and a.pilootzone is False


def test_outside_vlaams_brabant_has_no_team(app, user):
    a = aanmelding(user)
    persoon(a, postcode="9000")  # Gent: valid Belgian postcode, not in the table
    indienen.route(a)
    assert a.team is None and a.buiten_vlaams_brabant is True and a.pilootzone is False


def test_victims_address_decides_over_perpetrators(app, user):
    a = aanmelding(user)
    persoon(a, voornaam="Jordy", achternaam="Maes", rol="pleger", postcode="1800", deel="Vilvoorde")
    persoon(a, postcode="3000")
    indienen.route(a)
    assert a.team.naam == "Veilig Huis Oost-Brabant"


def test_submit_numbers_and_audits(app, user):
    from vh.models import AuditEvent
    a = aanmelding(user)
    persoon(a, postcode="3000")
    indienen.submit(a, user("aanmelder"))
    b = aanmelding(user)
    persoon(b, postcode="3000")
    indienen.submit(b, user("aanmelder"))
    year = utcnow().year
    assert a.nummer == f"VH-{year}-0001" and b.nummer == f"VH-{year}-0002"
    assert Aanmelding.get_by_id(a.id).status == "ingediend"
    assert AuditEvent.select().where((AuditEvent.actie == "aanmelding.submit")
                                     & (AuditEvent.object_id == a.id)).count() == 1


# ---------------------------------------------------------------- "already known?"
def dossier(team_naam="Veilig Huis Oost-Brabant", afgesloten_op=None, **persoon_kw):
    d = Dossier.create(nummer=Nummering.volgende("dossier", "D"), team=team(team_naam),
                       afgesloten_op=afgesloten_op, fase="afgesloten" if afgesloten_op else "nieuw")
    persoon(d=d, **persoon_kw)
    return d


@pytest.fixture
def gekend(app):
    return dossier(voornaam="Sandra", achternaam="Wouters", postcode="3010")


def matches(a):
    return [d.nummer for d, _ in indienen.bekende_dossiers(a)]


def routed(user, **persoon_kw):
    a = aanmelding(user)
    persoon(a, postcode=persoon_kw.pop("postcode", "3000"), **persoon_kw)
    indienen.route(a)
    a.save()
    return a


@pytest.mark.parametrize("voornaam, achternaam", [
    ("Sandra", "Wouters"),           # exact
    ("sandra", "WOUTERS"),           # case
    ("Sândra", "Woutérs"),           # accents
    ("wouters", "sandra"),           # swapped first/last name
    ("Sandra ", " Wouters"),         # stray spaces
    ("San-dra", "Wou ters"),         # hyphens and inner spaces
])
def test_matching_is_tolerant(app, user, gekend, voornaam, achternaam):
    a = routed(user, voornaam=voornaam, achternaam=achternaam)
    assert matches(a) == [gekend.nummer]
    pairs = indienen.bekende_dossiers(a)[0][1]
    assert pairs[0][0].aanmelding_id == a.id and pairs[0][1].dossier_id == gekend.id


def test_compound_surname_with_spaces_and_hyphens(app, user):
    d = dossier(voornaam="Marie", achternaam="Van den Broeck-Sélis", geboren=dt.date(1970, 1, 2))
    a = routed(user, voornaam="marie", achternaam="Vandenbroeck Selis", geboren=dt.date(1970, 1, 2))
    assert matches(a) == [d.nummer]


def test_different_birth_date_is_no_match(app, user, gekend):
    a = routed(user, geboren=dt.date(1987, 9, 4))
    assert matches(a) == []


def test_no_birth_date_is_no_match(app, user, gekend):
    a = routed(user, geboren=None)
    assert matches(a) == []


@pytest.mark.parametrize("voornaam, achternaam", [
    ("Sandra", "Peeters"),           # another family name
    ("Greet", "Wouters"),            # another first name
    ("Sandy", "Woets"),              # two names that only look a little alike
])
def test_other_name_same_birth_date_is_no_match(app, user, gekend, voornaam, achternaam):
    a = routed(user, voornaam=voornaam, achternaam=achternaam)
    assert matches(a) == []


# One-letter typos and Dutch spelling variants (issue 8 item 10), each with the reason shown.
PEGGY, JORDY = dt.date(1979, 4, 17), dt.date(1976, 11, 2)


@pytest.mark.parametrize("bekend, getypt, reden", [
    (("Peggy", "Claes"), ("Pegy", "Claes"), "zelfde geboortedatum, naam lijkt op Peggy Claes"),
    (("Jordy", "Maes"), ("Jordi", "Maes"), "zelfde geboortedatum, naam lijkt op Jordy Maes"),
    (("Jordy", "Maes"), ("Jordy", "Maas"), "zelfde geboortedatum, naam lijkt op Jordy Maes"),  # ae/aa
    (("Jordy", "Maes"), ("Jordy", "Mäes"), "zelfde naam en geboortedatum"),  # accents
    (("Lies", "Rijckaert"), ("Lies", "Ryckaert"), "zelfde geboortedatum, naam lijkt op Lies Rijckaert"),
    (("Marie", "Van den Broeck"), ("Marie", "Broeck"), "zelfde geboortedatum, naam lijkt op Marie Van den Broeck"),
    (("Marie", "Vander Linden"), ("Marie", "Linden"), "zelfde geboortedatum, naam lijkt op Marie Vander Linden"),
    (("Marie", "De Smet"), ("Marie", "Desmet"), "zelfde naam en geboortedatum"),
    (("Peggy", "Claes"), ("Claes", "Peggy"), "zelfde geboortedatum, voor- en achternaam omgewisseld"),
    (("Peggy", "Claes"), ("Peggy", "Claes"), "zelfde naam en geboortedatum"),
])
def test_typos_and_dutch_spelling_match_with_a_reason(app, user, bekend, getypt, reden):
    d = dossier(voornaam=bekend[0], achternaam=bekend[1], geboren=PEGGY)
    a = routed(user, voornaam=getypt[0], achternaam=getypt[1], geboren=PEGGY)
    gevonden = indienen.bekende_dossiers(a)
    assert [x.nummer for x, _ in gevonden] == [d.nummer]
    (p, k, waarom), = gevonden[0][1]
    assert p.aanmelding_id == a.id and k.dossier_id == d.id and waarom == reden


def test_a_typo_with_another_birth_date_is_no_match(app, user):
    dossier(voornaam="Jordy", achternaam="Maes", geboren=JORDY)
    assert matches(routed(user, voornaam="Jordi", achternaam="Maes", geboren=PEGGY)) == []


def test_joining_adds_a_twin_whose_name_only_looks_alike(app, user):
    """"Lijkt op" is a hint for the coordinator, not a merge: joining a dossier adds every person
    not in it by the same name, so twins Jan and Jana both stay."""
    from vh.ontvangst import beoordelen
    d = dossier(voornaam="Jan", achternaam="Peeters", geboren=PEGGY)
    a = routed(user, voornaam="Jana", achternaam="Peeters", geboren=PEGGY)
    assert matches(a) == [d.nummer]
    a.status, a.nummer = "ingediend", "VH-2026-0901"
    a.save()
    beoordelen.bij_dossier(a, d, user("coordinator"))
    assert Persoon.select().where(Persoon.dossier == d.id).count() == 2


def test_other_team_is_no_match(app, user, gekend):
    a = routed(user, postcode="1800", deel="Vilvoorde")
    assert a.team.naam == "Veilig Huis Halle-Vilvoorde"
    assert matches(a) == []


def test_closed_more_than_a_year_ago_is_no_match(app, user):
    dossier(afgesloten_op=utcnow() - dt.timedelta(days=400))
    a = routed(user)
    assert matches(a) == []


def test_closed_recently_is_a_match(app, user):
    d = dossier(afgesloten_op=utcnow() - dt.timedelta(days=100))
    a = routed(user)
    assert matches(a) == [d.nummer]


def test_anonymised_dossier_is_no_match(app, user, gekend):
    gekend.geanonimiseerd_op = utcnow()
    gekend.save()
    assert matches(routed(user)) == []


def test_dossier_with_most_matching_people_first(app, user):
    een = dossier(voornaam="Sandra", achternaam="Wouters")
    twee = dossier(voornaam="Sandra", achternaam="Wouters")
    persoon(d=twee, voornaam="Kevin", achternaam="Peeters", geboren=dt.date(1984, 5, 12))
    a = routed(user)
    persoon(a, voornaam="Kevin", achternaam="Peeters", geboren=dt.date(1984, 5, 12), rol="pleger")
    assert matches(a) == [twee.nummer, een.nummer]


def test_matching_uses_bounded_queries(app, user, gekend):
    a = routed(user)
    for i in range(5):
        persoon(a, voornaam=f"Kind{i}", achternaam="Wouters", geboren=dt.date(2015, 1, i + 1),
                rol="kind-getuige")
        dossier(voornaam=f"Kind{i}", achternaam="Wouters", geboren=dt.date(2015, 1, i + 1))
    a = Aanmelding.get_by_id(a.id)
    with count_queries() as counter:
        assert len(indienen.bekende_dossiers(a)) == 6
    assert counter.count <= 3


# ---------------------------------------------------------------- step validation
def form(cls, app, data):
    with app.test_request_context(method="POST", data=MultiDict(data)):
        f = cls(meta={"csrf": False})
        ok = f.validate()
        return ok, f


def test_at_least_one_form_of_ifg(app):
    ok, f = form(GebeurdForm, app, {"recent_incident": "x", "politie_betrokken": "nee"})
    assert not ok and f.ifg_vormen.errors == ["Kies minstens één vorm van intrafamiliaal geweld."]


def test_unknown_ifg_form_is_refused(app):
    ok, f = form(GebeurdForm, app, [("ifg_vormen", "partnergeweld"), ("ifg_vormen", "<script>"),
                                    ("recent_incident", "x"), ("politie_betrokken", "nee")])
    assert not ok and "Kies alleen uit" in f.ifg_vormen.errors[0]


def test_oversized_text_is_refused(app):
    ok, f = form(GebeurdForm, app, {"ifg_vormen": "belaging", "recent_incident": "x" * 5001,
                                    "politie_betrokken": "ja"})
    assert not ok and "hoogstens 5000 tekens" in f.recent_incident.errors[0]
    assert f.geldige_waarden()["ifg_vormen"] == "belaging"
    assert "recent_incident" not in f.geldige_waarden()


def test_incident_date_not_in_future(app):
    morgen = dt.date.today() + dt.timedelta(days=1)
    ok, f = form(GebeurdForm, app, {"ifg_vormen": "belaging", "recent_incident": "x",
                                    "politie_betrokken": "nee", "datum_incident-dag": morgen.day,
                                    "datum_incident-maand": morgen.month,
                                    "datum_incident-jaar": morgen.year})
    assert not ok and "toekomst" in f.datum_incident.errors[0]


@pytest.mark.parametrize("dag, maand, jaar, fout", [
    ("31", "2", "1987", "bestaande datum"),
    ("3", "9", "87", "na 1900"),
    ("3", "9", "1899", "na 1900"),
    ("a", "9", "1987", "bestaande datum"),
    ("3", "", "1987", "bestaande datum"),
])
def test_birth_date_plausible(app, dag, maand, jaar, fout):
    ok, f = form(PersoonForm, app, {"voornaam": "A", "achternaam": "B", "rol": "slachtoffer",
                                    "geboortedatum-dag": dag, "geboortedatum-maand": maand,
                                    "geboortedatum-jaar": jaar})
    assert not ok and fout in f.geboortedatum.errors[0]
    assert f.geboortedatum.raw["dag"] == dag  # shown back as typed


def test_birth_date_ok_and_optional(app):
    ok, f = form(PersoonForm, app, {"voornaam": "A", "achternaam": "B", "rol": "slachtoffer",
                                    "geboortedatum-dag": "3", "geboortedatum-maand": "9",
                                    "geboortedatum-jaar": "1987"})
    assert ok and f.geboortedatum.data == dt.date(1987, 9, 3)
    ok, f = form(PersoonForm, app, {"voornaam": "A", "achternaam": "B", "rol": "slachtoffer"})
    assert ok and f.geboortedatum.data is None


def test_unknown_role_is_refused(app):
    ok, f = form(PersoonForm, app, {"voornaam": "A", "achternaam": "B", "rol": "koning"})
    assert not ok and f.rol.errors == ["Kies een rol uit de lijst."]


@pytest.mark.parametrize("code, ok_, gemeente_naam", [
    ("3000", True, "Leuven"), ("9000", True, None), ("123", False, None), ("0999", False, None),
    ("30000", False, None), ("abcd", False, None),
])
def test_postcode(app, code, ok_, gemeente_naam):
    ok, f = form(PersoonForm, app, {"voornaam": "A", "achternaam": "B", "rol": "slachtoffer",
                                    "postcode": code})
    assert ok is ok_
    if ok_:
        assert (f.gekozen_gemeente.gemeente if f.gekozen_gemeente else None) == gemeente_naam
    else:
        assert "vier cijfers" in f.postcode.errors[0]


def test_postcode_with_several_deelgemeenten_asks_which(app):
    ok, f = form(PersoonForm, app, {"voornaam": "A", "achternaam": "B", "rol": "slachtoffer",
                                    "postcode": "1800"})
    assert not ok and "kies de juiste deelgemeente" in f.gemeente.errors[0]
    peutie = gemeente("1800", "Peutie")
    ok, f = form(PersoonForm, app, {"voornaam": "A", "achternaam": "B", "rol": "slachtoffer",
                                    "postcode": "1800", "gemeente": str(peutie.id)})
    assert ok and f.gekozen_gemeente.id == peutie.id
    # a deelgemeente of another postcode is refused
    ok, f = form(PersoonForm, app, {"voornaam": "A", "achternaam": "B", "rol": "slachtoffer",
                                    "postcode": "1800", "gemeente": str(gemeente("3000").id)})
    assert not ok


def test_each_ticked_criterion_needs_an_explanation(app):
    ok, f = form(CriteriaForm, app, {"criterium_complex": "y", "criterium_zorgwekkend": "y",
                                     "criterium_zorgwekkend_uitleg": "Hulp zit vast.", "vraag": "Hulp"})
    assert not ok
    assert "Leg uit waarom" in f.criterium_complex_uitleg.errors[0]
    assert not f.criterium_zorgwekkend_uitleg.errors
    ok, f = form(CriteriaForm, app, {"vraag": "Advies"})
    assert ok  # no criterion ticked is allowed (then the Veilig Huis gives advice)


def test_family_not_informed_needs_a_reason(app):
    base = {"veilig_contact": "Bellen op het werk", "pleger_contacteren": "nee"}
    ok, f = form(VeiligheidForm, app, dict(base, gezin_op_de_hoogte="nee"))
    assert not ok and "waarom" in f.waarom_niet_op_de_hoogte.errors[0]
    ok, f = form(VeiligheidForm, app, dict(base, gezin_op_de_hoogte="ja"))
    assert ok
    ok, f = form(VeiligheidForm, app, dict(base, gezin_op_de_hoogte="misschien"))
    assert not ok and f.gezin_op_de_hoogte.errors == ["Kies ja of nee."]


# ---------------------------------------------------------------- what the referrer may know
# "Ontvangen" until the decision on *this* referral is communicated: an advice once the letter is
# sent, a spoor once decided. Nothing about the dossier behind it (joined or new) shows.
@pytest.mark.parametrize("status, uitkomst, brief, verwacht", [
    ("concept", None, False, "Concept"),
    ("ingediend", None, False, "Ontvangen"),
    ("ontvankelijk", None, False, "Ontvangen"),
    ("ontvankelijk", "advies", False, "Ontvangen"),
    ("ontvankelijk", "advies", True, "Afgerond: advies"),
    ("niet_ontvankelijk", "niet_ontvankelijk", False, "Ontvangen"),
    ("niet_ontvankelijk", "niet_ontvankelijk", True, "Afgerond: advies"),
    ("ontvankelijk", "spoor2", False, "Afgerond: opgenomen"),
    ("ontvankelijk", "spoor3", False, "Afgerond: opgenomen"),
])
def test_status_for_referrer(status, uitkomst, brief, verwacht):
    a = Aanmelding(status=status)
    b = Besluit(uitkomst=uitkomst) if uitkomst else None
    assert status_voor_aanmelder(a, b, brief)[0] == verwacht
