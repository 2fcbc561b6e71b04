"""The test kit itself: dates that survive 29 February, builders on a leap day, the helpers."""
from __future__ import annotations

import datetime as dt

import kit
import pytest

from vh.models import Dossier, Persoon

LEAP_DAY = dt.date(2028, 2, 29)


@pytest.mark.parametrize("n, expected", [(4, dt.date(2024, 2, 29)), (13, dt.date(2015, 2, 28)),
                                         (1, dt.date(2027, 2, 28))])
def test_jaren_geleden_on_a_leap_day(n, expected):
    assert kit.jaren_geleden(n, LEAP_DAY) == expected


def test_builders_run_on_29_february(app):
    family = kit.gezin(LEAP_DAY)
    assert [p[2] for p in family[2:]] == [dt.date(2024, 2, 29), dt.date(2015, 2, 28)]
    d = kit.maak_dossier(personen=family, vandaag=LEAP_DAY)
    a = kit.maak_aanmelding(plaats=kit.AARSCHOT, personen=family[2:3])
    assert Persoon.select().where(Persoon.dossier == d.id).count() == 4
    assert [p.geboortedatum for p in a.personen] == [dt.date(2024, 2, 29)]
    assert kit.maak_dossier(vandaag=LEAP_DAY).fase == "te_bespreken"


def test_count_queries_and_page_or_fragment(client, login):
    login("coordinator")
    with kit.count_queries() as counter:
        Dossier.select().count()
    assert counter.count == 1
    kit.assert_page(client.get("/triage"))
    kit.assert_fragment(client.get("/triage", headers=kit.HX))
    with pytest.raises(AssertionError):
        kit.assert_fragment(client.get("/triage"))
