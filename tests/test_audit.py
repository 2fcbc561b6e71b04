"""The audit trail: events for views and changes, the hash chain and its tampering, the CLI check,
no names in the application log, and the DPO's screen."""
from __future__ import annotations

import datetime as dt
import json
import logging

import pytest
from flask_login import login_user
from kit import HX, ROLE_USERS, act_as_database_admin, assert_fragment, assert_page, queries_for
from werkzeug.exceptions import NotFound

from vh import audit
from vh.auditlog import zoeken
from vh.db import db
from vh.demo import basis
from vh.models import AuditEvent, Dossier, User


@pytest.fixture
def dossiers(app):
    """The two seed dossiers (team Oost-Brabant) with their persons."""
    with db.atomic():
        basis._dossiers()
    return list(Dossier.select().order_by(Dossier.id))


def events(**where):
    q = AuditEvent.select().order_by(AuditEvent.id)
    for k, v in where.items():
        q = q.where(getattr(AuditEvent, k) == v)
    return list(q)


def make_events(n, user=None, actie="test.gebeurtenis"):
    with db.atomic():
        return [audit.record(actie, details={"i": i}, user=user) for i in range(n)]


# ---------------------------------------------------------------- writing events
def test_load_writes_a_view_event_when_allowed(app, dossiers, user):
    d = dossiers[0]
    coordinator = user("coordinator")
    with app.test_request_context("/", environ_base={"REMOTE_ADDR": "10.1.2.3"}):
        login_user(coordinator)
        assert audit.load(Dossier, d.id).id == d.id
    e = events(actie="dossier.view")[-1]
    assert (e.user_id, e.user_email, e.object_type, e.object_id, e.dossier_id, e.ip) == (
        coordinator.id, coordinator.email, "Dossier", d.id, d.id, "10.1.2.3")


@pytest.mark.parametrize("role, pk", [("coordinator_hv", "own"), ("beheerder", "own"), ("dpo", "own"),
                                      ("coordinator", 99999), ("coordinator", "abc")])
def test_load_writes_no_event_when_refused(app, dossiers, user, role, pk):
    before = AuditEvent.select().count()
    with app.test_request_context("/"):
        login_user(user(role))
        with pytest.raises(NotFound):
            audit.load(Dossier, dossiers[0].id if pk == "own" else pk)
    assert AuditEvent.select().count() == before


def test_change_event_keeps_old_and_new_values(app, dossiers, user):
    d = dossiers[0]
    e = audit.record_change("dossier.edit", d, {"fase": "nieuw", "acuut": False, "spoor": None},
                            {"fase": "te_bespreken", "acuut": False, "spoor": 2}, user=user("coordinator"))
    assert json.loads(e.details) == {"wijzigingen": {"fase": ["nieuw", "te_bespreken"], "spoor": [None, 2]}}
    assert e.dossier_id == d.id
    assert audit.record_change("dossier.edit", d, {"fase": "x"}, {"fase": "x"}) is None


def test_transitions_are_audited(app, dossiers):
    stamped = events(actie="dossier.besluit_spoor3")
    assert len(stamped) == 1 and json.loads(stamped[0].details)["fase"] == ["dossiervorming", "kennismaking"]


# ---------------------------------------------------------------- the chain
def test_chain_verifies(app, dossiers):
    make_events(5)
    ok, message = audit.verify()
    assert ok, message
    assert f"{AuditEvent.select().count()} gebeurtenissen" in message


def test_edited_details_break_the_chain_at_that_event(app):
    made = make_events(6)
    act_as_database_admin()
    AuditEvent.update(details='{"i": 99}').where(AuditEvent.id == made[2].id).execute()
    ok, message = audit.verify()
    assert not ok and f"gebeurtenis {made[2].id}:" in message and "gewijzigd" in message


def test_edited_user_breaks_the_chain(app):
    made = make_events(3)
    act_as_database_admin()
    AuditEvent.update(user_email="iemand@anders.be").where(AuditEvent.id == made[0].id).execute()
    ok, message = audit.verify()
    assert not ok and f"gebeurtenis {made[0].id}:" in message


def test_deleting_a_middle_event_breaks_the_chain(app):
    made = make_events(6)
    act_as_database_admin()
    AuditEvent.delete().where(AuditEvent.id == made[3].id).execute()
    ok, message = audit.verify()
    assert not ok and f"gebeurtenis {made[4].id}:" in message and "ontbreekt" in message


def test_deleting_the_last_event_breaks_the_chain(app):
    made = make_events(4)
    act_as_database_admin()
    AuditEvent.delete().where(AuditEvent.id == made[-1].id).execute()
    ok, message = audit.verify()
    assert not ok and "verwijderd" in message


def test_cli_audit_verify(app):
    made = make_events(5)
    runner = app.test_cli_runner()
    result = runner.invoke(args=["audit-verify"])
    assert result.exit_code == 0, result.output
    assert "in orde" in result.output
    act_as_database_admin()
    AuditEvent.update(ip="6.6.6.6").where(AuditEvent.id == made[1].id).execute()
    result = runner.invoke(args=["audit-verify"])
    assert result.exit_code == 1
    assert f"gebeurtenis {made[1].id}" in result.output


# ---------------------------------------------------------------- no names in the log
@pytest.mark.fresh_app
def test_application_log_has_no_names(app, client, login, dossiers, caplog):
    d = dossiers[0]

    @app.route("/test/dossier/<int:pk>")
    def _toon(pk):
        dossier = audit.load(Dossier, pk)
        return ", ".join(p.naam for p in dossier.personen)

    @app.route("/test/dossier/<int:pk>/fout")
    def _fout(pk):
        dossier = audit.load(Dossier, pk)
        raise ValueError(f"kapot bij {dossier.personen[0].naam}")

    caplog.set_level(logging.DEBUG)
    login("coordinator")
    client.get(f"/dossiers/{d.id}")  # the real screen, whatever it answers today
    shown = client.get(f"/test/dossier/{d.id}")
    assert shown.status_code == 200 and "Kevin Peeters" in shown.text
    assert client.get(f"/test/dossier/{d.id}/fout").status_code == 500
    assert "onverwachte fout ValueError" in caplog.text  # the log is captured, and says something
    for name in ("Peeters", "Kevin", "Sandra", "Wouters", "Lucas"):
        assert name not in caplog.text
    assert events(actie="dossier.view", dossier_id=d.id)


# ---------------------------------------------------------------- the DPO's screen
@pytest.mark.parametrize("role", ["beheerder", "coordinator", "aanmelder", "parket", "regisseur3"])
def test_only_the_dpo_reaches_the_audit_trail(client, login, role):
    login(role)
    assert client.get("/audit").status_code == 403
    assert client.get("/audit", headers=HX).status_code == 403
    assert not events(actie="audit.view")


def test_audit_requires_login(client):
    r = client.get("/audit")
    assert r.status_code == 302 and "/login" in r.headers["Location"]


def test_dpo_sees_no_dossier_content_and_edits_nothing(client, login, dossiers):
    login("dpo")
    assert client.get(f"/dossiers/{dossiers[0].id}").status_code == 404
    for url in ("/dossiers", "/triage", "/ontvangst"):
        r = client.get(url)
        assert r.status_code in (403, 404) and "Peeters" not in r.text
    assert client.post("/audit").status_code == 405
    assert client.get("/beheer/gebruikers").status_code == 403


def test_audit_page_and_fragment(client, login, dossiers):
    login("dpo")
    r = client.get("/audit")
    assert_page(r)
    assert "Audittrail in orde" in r.text and 'id="keten"' in r.text
    assert 'id="resultaten"' in r.text and 'name="gebruiker"' in r.text
    assert "dpo@vh.test" in r.text and "Aangemeld" in r.text
    d = dossiers[0]
    assert d.nummer in r.text  # the dossier number of the transition events
    f = client.get("/audit", headers={**HX, "HX-Target": "resultaten"})
    assert_fragment(f)
    assert f.text.strip().startswith('<div id="resultaten"')
    assert 'id="keten"' not in f.text and 'name="gebruiker"' not in f.text
    assert "HX-Request" in f.headers["Vary"]


def test_viewing_the_trail_is_audited(client, login, user):
    login("dpo")
    client.get(f"/audit?gebruiker={user('coordinator').id}&pagina=1")
    e = events(actie="audit.view")
    assert len(e) == 1 and e[0].user_email == ROLE_USERS["dpo"]
    assert json.loads(e[0].details) == {"filter": {"gebruiker": str(user("coordinator").id)}, "pagina": 1}


def test_filter_by_user(client, login, user):
    make_events(3, user=user("coordinator"), actie="test.coordinator")
    make_events(2, user=user("aanmelder"), actie="test.aanmelder")
    login("dpo")
    r = client.get(f"/audit?gebruiker={user('aanmelder').id}")
    assert r.status_code == 200
    assert r.text.count('id="gebeurtenis-') == 2 and "test.coordinator" not in r.text
    assert f'<option selected value="{user("aanmelder").id}">' in r.text


def test_filter_by_dossier_number(client, login, dossiers):
    d1, d2 = dossiers
    login("dpo")
    r = client.get(f"/audit?dossier={d2.nummer.lower()}", headers=HX)
    assert r.status_code == 200
    expected = len(events(dossier_id=d2.id))
    assert expected and r.text.count('id="gebeurtenis-') == expected
    assert d1.nummer not in r.text


def test_filter_by_period_in_brussels_days(client, login):
    early, late, other = make_events(3)
    # 23:30 UTC on 13 March is 00:30 on 14 March in Brussels.
    act_as_database_admin()
    AuditEvent.update(op=dt.datetime(2026, 3, 13, 23, 30)).where(AuditEvent.id == early.id).execute()
    act_as_database_admin()
    AuditEvent.update(op=dt.datetime(2026, 3, 14, 22, 59, 59)).where(AuditEvent.id == late.id).execute()
    act_as_database_admin()
    AuditEvent.update(op=dt.datetime(2026, 3, 14, 23, 0)).where(AuditEvent.id == other.id).execute()
    login("dpo")
    r = client.get("/audit?van=2026-03-14&tot=2026-03-14")
    assert r.status_code == 200
    assert f'id="gebeurtenis-{early.id}"' in r.text and f'id="gebeurtenis-{late.id}"' in r.text
    assert f'id="gebeurtenis-{other.id}"' not in r.text
    assert "14 maart 2026, 00:30:00" in r.text  # shown in Brussels time


def test_pagination_newest_first(client, login, user):
    u = user("huisarts")
    made = make_events(120, user=u)
    login("dpo")
    r = client.get(f"/audit?gebruiker={u.id}")
    assert r.text.count('id="gebeurtenis-') == 50
    first = r.text.index(f'id="gebeurtenis-{made[-1].id}"')
    assert first < r.text.index(f'id="gebeurtenis-{made[-2].id}"')
    assert "pagina 1 van 3" in r.text
    assert f"/audit?pagina=2&amp;gebruiker={u.id}" in r.text or f"/audit?gebruiker={u.id}&amp;pagina=2" in r.text
    p3 = client.get(f"/audit?gebruiker={u.id}&pagina=3", headers=HX)
    assert p3.text.count('id="gebeurtenis-') == 20 and f'id="gebeurtenis-{made[0].id}"' in p3.text
    assert "hx-get=" in p3.text and 'hx-push-url="true"' in p3.text
    assert client.get(f"/audit?gebruiker={u.id}&pagina=99").text.count("pagina 3 van 3") == 1
    assert client.get(f"/audit?gebruiker={u.id}&pagina=abc").text.count("pagina 1 van 3") == 1


def test_details_are_readable(client, login, user):
    login("beheerder")
    client.post(f"/beheer/gebruikers/{user('huisarts').id}/actief", data={"actief": "0"})
    client.post("/logout")
    login("dpo")
    r = client.get(f"/audit?gebruiker={user('beheerder').id}")
    assert "Gebruiker gedeactiveerd" in r.text
    assert '<dt>actief</dt><dd>ja <span aria-hidden="true">→</span><span class="visually-hidden">wordt</span> nee</dd>' in r.text


@pytest.mark.parametrize("query, veld, boodschap", [
    ("van=2026-13-45", "van", "Vul een geldige datum in"),
    ("van=2026-03-14&tot=2026-03-01", "tot", "De einddatum moet na de begindatum liggen."),
    ("dossier=D-1999-9999", "dossier", "Er is geen dossier met dit nummer."),
    ("gebruiker=abc", "gebruiker", "Kies een gebruiker uit de lijst."),
    ("dossier=" + "X" * 40, "dossier", "maximaal 20 tekens"),
])
def test_bad_filters_are_refused_beside_the_field(client, login, query, veld, boodschap):
    login("dpo")
    r = client.get(f"/audit?{query}")
    assert_page(r, 422)
    assert boodschap in r.text[r.text.index(f'id="{veld}-fout"'):][:300]
    assert "Er is een probleem" in r.text and 'id="gebeurtenis-' not in r.text
    f = client.get(f"/audit?{query}", headers={**HX, "HX-Target": "resultaten"})
    assert_fragment(f, 422)
    assert f.headers["HX-Retarget"] == "#zoeken" and f.headers["HX-Reswap"] == "outerHTML"
    assert f.text.strip().startswith('<div id="zoeken">') and f'id="{veld}-fout"' in f.text


def test_chain_status_shows_tampering(client, login):
    made = make_events(3)
    act_as_database_admin()
    AuditEvent.update(details="{}").where(AuditEvent.id == made[1].id).execute()
    login("dpo")
    r = client.get("/audit")
    assert "Niet in orde" in r.text and f"gebeurtenis {made[1].id}" in r.text


def test_audit_page_loads_in_a_bounded_number_of_queries(client, login, dossiers, user, monkeypatch):
    login("dpo")

    def measure():
        return queries_for(client, "/audit")
    few = measure()
    with db.atomic():
        for i in range(40):
            audit.record("test.veel", dossiers[i % 2], user=User.get_by_id(1 + i % 10))
    many = measure()
    assert many == few, (few, many)


def test_transition_details_read_as_from_to(client, login, dossiers):
    login("dpo")
    r = client.get(f"/audit?dossier={dossiers[0].nummer}")
    assert ('<dt>fase</dt><dd>dossiervorming <span aria-hidden="true">→</span>'
            '<span class="visually-hidden">wordt</span> kennismaking</dd>') in r.text
    assert "<dt>spoor</dt><dd>3</dd>" in r.text


@pytest.mark.parametrize("change", ["update", "delete"])
def test_the_database_refuses_to_change_or_delete_events(app, change):
    from peewee import DatabaseError
    event = audit.record("test.event", details={"i": 1})
    query = (AuditEvent.update(ip="6.6.6.6") if change == "update" else AuditEvent.delete())
    with pytest.raises(DatabaseError, match="append-only"), db.atomic():
        query.where(AuditEvent.id == event.id).execute()
    assert AuditEvent.get_by_id(event.id).ip == event.ip
    assert audit.verify()[0]


def test_search_rule_clamps_the_page_and_records_the_view(app):
    result = zoeken.bekijk(zoeken.Zoekopdracht(True), 999, {})
    assert result["pagina"] == result["paginas"] == 1
    event = AuditEvent.select().order_by(AuditEvent.id.desc()).first()
    assert event.actie == "audit.view" and json.loads(event.details) == {"filter": {}, "pagina": 1}
