"""Notifications by e-mail (vh/meldingen): planned in the transaction of the change by the rules,
delivered to a real SMTP server (aiosmtpd, tests/smtp.py) never twice, retried with backoff,
bundled into a daily overview on request; the account choice and the beheerder's outbox page;
and no name or free text of the demo in any mail of a full demo run."""
from __future__ import annotations

import datetime as dt
import re
import threading

import kit
import pytest
from kit import HALLE, HX, LEUVEN, assert_fragment, assert_page
from smtp import namen_en_vrije_tekst, wat_niet_mag

from vh import meldingen
from vh.aanmelding import politie as pi
from vh.db import db
from vh.demo import load as demo_load
from vh.keuzes import MeldingSoort
from vh.meldingen import bezorgen, dagoverzicht
from vh.models import Aanmelding, AuditEvent, Melding, MeldingDag, Overgang, User, utcnow
from vh.ontvangst import beoordelen
from vh.tijd import vandaag
from vh.triage import brieven

BASIS = "http://127.0.0.1:5000"


def van(soort, email=None) -> list[Melding]:
    q = Melding.select().where(Melding.soort == soort)
    if email:
        q = q.join(User, on=(Melding.user == User.id)).where(User.email == email)
    return list(q.order_by(Melding.id))


def zonder_namen(m: Melding, *namen: str) -> None:
    for naam in namen:
        assert naam not in m.onderwerp and naam not in m.tekst, (naam, m.onderwerp)


# ---------------------------------------------------------------- planned by the rules
def test_a_submitted_referral_plans_a_receipt_and_tells_the_teams_coordinators(app):
    a = kit.maak_aanmelding("aanmelder", LEUVEN)
    [ontvangen] = van(MeldingSoort.ONTVANGEN)
    assert ontvangen.adres == "caw@vh.test" and ontvangen.user.email == "caw@vh.test"
    assert ontvangen.onderwerp == f"Uw aanmelding {a.nummer} is ontvangen"
    assert a.nummer in ontvangen.tekst and f"{BASIS}/aanmeldingen" in ontvangen.tekst
    [nieuw] = van(MeldingSoort.NIEUWE_AANMELDING)
    assert nieuw.adres == "coordinator@vh.test"  # Oost-Brabant's only; not Halle-Vilvoorde's
    assert nieuw.link == f"{BASIS}/ontvangst/{a.id}" and not nieuw.bundel
    for m in (ontvangen, nieuw):
        zonder_namen(m, "Greet", "Rik", "Mila", "Vos", "Sofie", "Janssens", "Ruzie", "slagen")
        assert m.verstuur_na <= utcnow() and m.verzonden_op is None and m.pogingen == 0


def test_planning_twice_adds_nothing_and_only_inside_a_transaction(app):
    a = kit.maak_aanmelding("aanmelder", LEUVEN)
    before = Melding.select().count()
    with db.atomic():
        meldingen.aanmelding_ingediend(a)
    assert Melding.select().count() == before == 2
    with pytest.raises(RuntimeError, match="transactie"):
        meldingen.aanmelding_ingediend(a)


def test_a_rolled_back_change_leaves_no_mail(app):
    class Stop(Exception):
        pass
    with pytest.raises(Stop), db.atomic():
        kit.maak_aanmelding("aanmelder", LEUVEN)
        assert Melding.select().count() == 2
        raise Stop
    assert Melding.select().count() == 0 and Aanmelding.select().count() == 0


def test_a_referral_without_team_goes_to_every_coordinator(app):
    kit.maak_aanmelding("aanmelder", None)
    assert sorted(m.adres for m in van(MeldingSoort.NIEUWE_AANMELDING)) == [
        "coordinator-hv@vh.test", "coordinator@vh.test"]


def test_inactive_accounts_get_nothing(app):
    User.update(actief=False).where(User.email == "coordinator@vh.test").execute()
    kit.maak_aanmelding("aanmelder", LEUVEN)
    assert van(MeldingSoort.NIEUWE_AANMELDING) == []


def test_a_handover_tells_the_new_teams_coordinators(app):
    a = kit.maak_aanmelding("aanmelder", LEUVEN)
    with db.atomic():
        beoordelen.overdragen(a, kit.team(kit.HV), kit.coordinator())
    assert [m.adres for m in van(MeldingSoort.NIEUWE_AANMELDING)] == ["coordinator@vh.test",
                                                                      "coordinator-hv@vh.test"]


def test_a_parket_request_goes_to_the_parket_of_the_teams_arrondissement(app):
    d = kit.maak_dossier("parketcheck", parket=None)
    [m] = van(MeldingSoort.PARKETVRAAG)
    check = d.laatste_parketcheck()
    assert m.adres == "parket@vh.test" and m.link == f"{BASIS}/parket/{check.id}"
    assert m.onderwerp == f"Nieuwe parketvraag over dossier {d.nummer}"
    kit.maak_dossier("parketcheck", parket=None, teamnaam=kit.HV, plaats=HALLE)
    assert sorted(m.adres for m in van(MeldingSoort.PARKETVRAAG)) == ["parket-hv@vh.test", "parket@vh.test"]


def test_a_decision_for_spoor_3_tells_the_referrer_and_the_regisseur(app):
    d = kit.maak_dossier("kennismaking", aanmelder="huisarts")
    a = kit.aanmelding_van(d)
    [besluit] = van(MeldingSoort.BESLUIT)
    assert besluit.adres == "huisarts@vh.test" and besluit.onderwerp == f"Besluit over uw aanmelding {a.nummer}"
    [regie] = van(MeldingSoort.REGIE)
    assert regie.user_id == d.regisseur_id and regie.link == f"{BASIS}/dossiers/{d.id}"
    assert d.nummer in regie.onderwerp
    zonder_namen(besluit, "spoor", "Spoor", "Gemotiveerd")  # the outcome itself is read in the app


def test_advies_reaches_the_referrer_by_the_letter_only(app, user):
    d = kit.maak_dossier("afgesloten", aanmelder="huisarts")
    assert van(MeldingSoort.BESLUIT) == [] and van(MeldingSoort.REGIE) == []
    a = kit.aanmelding_van(d)
    with app.test_request_context():
        brief = brieven.opstellen(a, "Advies", "Verwijs naar het CAW.", kit.coordinator())
        brieven.verstuur(brief, kit.coordinator())
    [m] = van(MeldingSoort.BRIEF)
    assert m.adres == "huisarts@vh.test" and m.link == f"{BASIS}/brieven/{brief.id}"
    assert a.nummer in m.onderwerp and "CAW" not in m.tekst


def test_a_csv_import_plans_one_receipt_and_one_mail_per_team(app):
    rijen = [",".join(pi.KOLOMMEN)]
    for i, pc in enumerate(["3000", "3000", "1500"], start=1):
        rijen.append(f"LE.55.L1.00{i:04d}/2026,2026-03-14,partnergeweld,,slachtoffer,Anna{i},Testkens,1990-05-01,{pc}")
    imp = pi.importeer(("\n".join(rijen) + "\n").encode(), kit.user("politie"), vandaag=dt.date(2026, 3, 20)).import_
    assert imp.nieuw == 3
    [ontvangen] = van(MeldingSoort.IMPORT_ONTVANGEN)
    assert ontvangen.adres == "politie@vh.test" and "3 nieuwe aanmeldingen" in ontvangen.tekst
    assert ontvangen.link == f"{BASIS}/aanmelden/politie-import/{imp.id}"
    assert van(MeldingSoort.ONTVANGEN) == []  # not one per row
    nieuw = {m.adres: m for m in van(MeldingSoort.NIEUWE_AANMELDING)}
    assert set(nieuw) == {"coordinator@vh.test", "coordinator-hv@vh.test"}
    assert "2 nieuwe aanmeldingen" in nieuw["coordinator@vh.test"].tekst
    assert "1 nieuwe aanmelding " in nieuw["coordinator-hv@vh.test"].tekst
    for m in [ontvangen, *nieuw.values()]:
        zonder_namen(m, "Anna", "Testkens", "LE.55")


def test_the_hook_of_casusregie_plans_for_the_partner_users(app, user):
    ggz = user("kernpartner")  # partner and kernpartner of CGG Vlaams-Brabant Oost
    d = kit.maak_dossier("kennismaking")

    class Actie:  # the two attributes the hook reads of casusregie's Actie
        id = 7
        organisatie_id = ggz.organisatie_id
    with db.atomic():
        meldingen.actie_toegewezen(Actie(), d, pad="/")
    [m] = van(MeldingSoort.ACTIE)
    assert m.adres == "ggz@vh.test" and d.nummer in m.onderwerp


def test_every_link_of_a_mail_is_a_route_of_the_app(app):
    d = kit.maak_dossier("kennismaking", aanmelder="huisarts")
    kit.maak_dossier("parketcheck", parket=None)
    adapter = app.url_map.bind("127.0.0.1:5000")
    links = {m.link for m in Melding.select()}
    assert len(links) >= 5
    for link in links:
        endpoint, _ = adapter.match(link.removeprefix(BASIS), method="GET")
        assert endpoint != "static"
    assert d.id


# ---------------------------------------------------------------- delivery over SMTP
def test_delivery_sends_each_mail_once_to_the_smtp_server(app, postbus):
    a = kit.maak_aanmelding("aanmelder", LEUVEN)
    verslag = bezorgen.bezorg(app.config)
    assert len(verslag.verzonden) == 2 and not verslag.mislukt
    [ontvangen] = postbus.aan("caw@vh.test")
    assert ontvangen["Subject"] == f"Uw aanmelding {a.nummer} is ontvangen"
    assert ontvangen["From"] == "Veilig Huis <noreply@vh.test>" and ontvangen["Auto-Submitted"] == "auto-generated"
    assert a.nummer in ontvangen.get_content() and ontvangen["Message-ID"].endswith("@vh.test>")
    assert all(m.verzonden_op for m in Melding.select())
    assert bezorgen.bezorg(app.config).verzonden == []  # never twice
    assert len(postbus.berichten) == 2
    event = AuditEvent.select().where(AuditEvent.actie == "melding.bezorgd").get()
    assert str(ontvangen_id := Melding.get(Melding.adres == "caw@vh.test").id) in event.details and ontvangen_id


def test_a_row_claimed_by_another_runner_is_not_sent(app, postbus):
    kit.maak_aanmelding("aanmelder", LEUVEN)
    andere = Melding.get(Melding.adres == "caw@vh.test")
    Melding.update(geclaimd_tot=utcnow() + dt.timedelta(minutes=5)).where(Melding.id == andere.id).execute()
    bezorgen.bezorg(app.config)
    assert [m["To"] for m in postbus.berichten] == ["coordinator@vh.test"]
    # the other runner died: its claim expires and the row goes out (with the same Message-ID)
    Melding.update(geclaimd_tot=utcnow() - dt.timedelta(seconds=1)).where(Melding.id == andere.id).execute()
    bezorgen.bezorg(app.config)
    assert [m["To"] for m in postbus.berichten] == ["coordinator@vh.test", "caw@vh.test"]


def test_two_runners_at_once_send_every_mail_exactly_once(app, postbus):
    for _ in range(4):
        kit.maak_aanmelding("aanmelder", LEUVEN, pv_nummers="")
    rows = Melding.select().count()
    assert rows == 8
    db.close()
    start = threading.Barrier(2)
    fouten = []

    def runner():
        try:
            with db.connection_context():
                start.wait()
                bezorgen.bezorg(app.config)
        except Exception as error:  # noqa: BLE001
            fouten.append(error)
    threads = [threading.Thread(target=runner) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not fouten
    ids = [m["Message-ID"] for m in postbus.berichten]
    assert len(ids) == rows and len(set(ids)) == rows
    with db.connection_context():
        assert Melding.select().where(Melding.verzonden_op.is_null()).count() == 0
        assert all(m.pogingen == 1 for m in Melding.select())


def test_a_temporary_refusal_is_retried_with_backoff(app, postbus):
    kit.maak_aanmelding("aanmelder", LEUVEN)
    postbus.weiger("caw@vh.test", 451)
    verslag = bezorgen.bezorg(app.config)
    m = Melding.get(Melding.adres == "caw@vh.test")
    assert verslag.mislukt == [m.id] and len(verslag.verzonden) == 1  # the coordinator's went out
    assert (m.pogingen, m.laatste_fout, m.verzonden_op, m.opgegeven_op) == (1, "SMTPRecipientsRefused 451", None, None)
    assert m.verstuur_na > utcnow() and m.geclaimd_tot is None and m.status == "Nieuwe poging gepland"
    assert bezorgen.bezorg(app.config).mislukt == []  # not due yet
    postbus.geweigerd.clear()
    Melding.update(verstuur_na=utcnow()).where(Melding.id == m.id).execute()
    assert bezorgen.bezorg(app.config).verzonden == [m.id]
    assert [b["To"] for b in postbus.berichten] == ["coordinator@vh.test", "caw@vh.test"]


def test_backoff_doubles_up_to_six_hours():
    assert [bezorgen.wacht(n).total_seconds() / 60 for n in (1, 2, 3, 4, 9)] == [1, 2, 4, 8, 256]
    assert bezorgen.wacht(20) == dt.timedelta(hours=6)


def test_a_permanent_refusal_or_too_many_attempts_gives_up(app, postbus):
    kit.maak_aanmelding("aanmelder", LEUVEN)
    postbus.weiger("caw@vh.test", 550)
    bezorgen.bezorg(app.config)
    m = Melding.get(Melding.adres == "caw@vh.test")
    assert m.opgegeven_op is not None and m.status == "Mislukt" and "550" in m.laatste_fout
    coordinator = Melding.get(Melding.adres == "coordinator@vh.test")
    Melding.update(verzonden_op=None, pogingen=bezorgen.MAX_POGINGEN - 1).where(Melding.id == coordinator.id).execute()
    postbus.weiger("coordinator@vh.test", 421)
    assert bezorgen.bezorg(app.config).opgegeven == [coordinator.id]
    assert bezorgen.bezorg(app.config).opgegeven == []


def test_a_server_that_is_down_records_the_failure_and_stops_the_run(app, postbus):
    kit.maak_aanmelding("aanmelder", LEUVEN)
    postbus.stop()
    verslag = bezorgen.bezorg(app.config)
    assert len(verslag.mislukt) == 1 and not verslag.verzonden
    eerste, tweede = Melding.select().order_by(Melding.id)
    assert eerste.pogingen == 1 and eerste.laatste_fout.startswith("ConnectionRefusedError")
    assert tweede.pogingen == 0 and tweede.laatste_fout == ""


def test_a_deactivated_account_gets_nothing_sent(app, postbus):
    kit.maak_aanmelding("aanmelder", LEUVEN)
    User.update(actief=False).where(User.email == "caw@vh.test").execute()
    verslag = bezorgen.bezorg(app.config)
    assert len(verslag.opgegeven) == 1 and [b["To"] for b in postbus.berichten] == ["coordinator@vh.test"]


def test_the_accounts_current_address_is_used(app, postbus):
    kit.maak_aanmelding("aanmelder", LEUVEN)
    User.update(email="sofie.nieuw@vh.test").where(User.email == "caw@vh.test").execute()
    bezorgen.bezorg(app.config)
    assert len(postbus.aan("sofie.nieuw@vh.test")) == 1 and postbus.aan("caw@vh.test") == []


def test_without_smtp_the_mails_stay_in_the_outbox(app):
    kit.maak_aanmelding("aanmelder", LEUVEN)
    assert app.config["VH_SMTP_HOST"] == ""
    verslag = bezorgen.bezorg(app.config)
    assert not verslag.ingesteld and verslag.wachtend == 2
    assert "2 e-mails" in verslag.tekst()
    assert Melding.select().where(Melding.verzonden_op.is_null() & (Melding.pogingen == 0)).count() == 2
    result = app.test_cli_runner().invoke(args=["meldingen"])
    assert result.exit_code == 0 and "Geen SMTP-server ingesteld" in result.output


def test_the_command_delivers_and_builds_the_overview_once(app, postbus):
    kit.maak_aanmelding("aanmelder", LEUVEN)
    User.update(meldingen="dagelijks").where(User.email == "coordinator@vh.test").execute()
    kit.maak_aanmelding("huisarts", LEUVEN)
    runner = app.test_cli_runner()
    result = runner.invoke(args=["meldingen", "--digest"])
    assert result.exit_code == 0, result.output
    assert "Dagoverzicht: 1 e-mail klaargezet." in result.output and "Verzonden: 4" in result.output
    [overzicht] = postbus.aan("coordinator@vh.test")[1:]
    assert overzicht["Subject"] == "Dagoverzicht van het Veilig Huis: 1 melding"
    result = runner.invoke(args=["meldingen", "--digest"])
    assert "Dagoverzicht" not in result.output and "Verzonden: 0" in result.output


# ---------------------------------------------------------------- the daily overview
def test_a_user_who_chose_daily_gets_the_optional_ones_in_one_overview(app, postbus):
    User.update(meldingen="dagelijks").where(User.email.in_(["coordinator@vh.test", "caw@vh.test"])).execute()
    a1 = kit.maak_aanmelding("aanmelder", LEUVEN)
    a2 = kit.maak_aanmelding("huisarts", LEUVEN)
    nieuw = van(MeldingSoort.NIEUWE_AANMELDING)
    assert [m.bundel for m in nieuw] == [True, True]
    assert not any(m.bundel for m in van(MeldingSoort.ONTVANGEN))  # a receipt always goes at once
    bezorgen.bezorg(app.config)
    assert postbus.aan("coordinator@vh.test") == [] and len(postbus.aan("caw@vh.test")) == 1
    dag = vandaag()
    assert dagoverzicht.maak(dag) == 1
    assert dagoverzicht.maak(dag) is None  # once a day
    overzicht = Melding.get(Melding.soort == MeldingSoort.DAGOVERZICHT)
    assert {m.opgenomen_in_id for m in van(MeldingSoort.NIEUWE_AANMELDING)} == {overzicht.id}
    assert all(m.status == "In dagoverzicht" for m in van(MeldingSoort.NIEUWE_AANMELDING))
    bezorgen.bezorg(app.config)
    [mail] = postbus.aan("coordinator@vh.test")
    tekst = mail.get_content()
    assert mail["Subject"] == "Dagoverzicht van het Veilig Huis: 2 meldingen"
    assert f"Nieuwe aanmelding {a1.nummer}" in tekst and f"{BASIS}/ontvangst/{a2.id}" in tekst
    assert MeldingDag.select().count() == 1


def test_two_runners_build_the_days_overview_once(app):
    User.update(meldingen="dagelijks").where(User.email == "coordinator@vh.test").execute()
    kit.maak_aanmelding("aanmelder", LEUVEN)
    db.close()
    start, uitkomsten = threading.Barrier(2), []

    def runner():
        with db.connection_context():
            start.wait()
            uitkomsten.append(dagoverzicht.maak(dt.date(2026, 3, 20)))
    threads = [threading.Thread(target=runner) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(uitkomsten, key=str) == [1, None]
    with db.connection_context():
        assert Melding.select().where(Melding.soort == MeldingSoort.DAGOVERZICHT).count() == 1


def test_the_overview_brings_the_regisseurs_flags_of_rule_5(app, user):
    lang = kit.maak_dossier("kennismaking")  # spoor 3
    kort = kit.maak_dossier("kennismaking")
    dag = vandaag()
    Overgang.update(op=utcnow() - dt.timedelta(days=400)).where(
        (Overgang.dossier == lang.id) & (Overgang.actie == "besluit_spoor3")).execute()
    regels = list(dagoverzicht.regisseur_signalen(dag))
    assert regels == [(lang.regisseur_id, f"Dossier {lang.nummer}: spoor 3 loopt langer dan 12 maanden, te herbekijken",
                       f"/dossiers/{lang.id}")]
    afronding = kit.maak_dossier("afronding", dagen_in_fase=200)
    assert (afronding.regisseur_id, f"Dossier {afronding.nummer}: langer dan 6 maanden in afronding, af te sluiten",
            f"/dossiers/{afronding.id}") in list(dagoverzicht.regisseur_signalen(dag))
    assert dagoverzicht.maak(dag) == 1
    overzicht = Melding.get(Melding.soort == MeldingSoort.DAGOVERZICHT)
    assert overzicht.user_id == lang.regisseur_id and lang.nummer in overzicht.tekst
    assert kort.nummer not in overzicht.tekst


def test_months_back_keeps_the_day_or_takes_the_months_last():
    assert dagoverzicht.maanden_terug(dt.date(2026, 8, 31), 6) == dt.date(2026, 2, 28)
    assert dagoverzicht.maanden_terug(dt.date(2026, 3, 15), 12) == dt.date(2025, 3, 15)
    assert dagoverzicht.maanden_terug(dt.date(2026, 1, 10), 1) == dt.date(2025, 12, 10)


def test_the_hour_of_the_overview(app):
    cfg = {"VH_DIGEST_UUR": 7}
    # 5.30 and 6.30 UTC in winter are 6.30 and 7.30 in Brussels
    assert not dagoverzicht.tijd_voor(cfg, dt.datetime(2026, 1, 15, 5, 30))
    assert dagoverzicht.tijd_voor(cfg, dt.datetime(2026, 1, 15, 6, 30))
    MeldingDag.create(dag=dt.date(2026, 1, 15))
    assert not dagoverzicht.tijd_voor(cfg, dt.datetime(2026, 1, 15, 6, 30))


# ---------------------------------------------------------------- the account page
def gekozen(html: str) -> str:
    """The value of the checked radio button of the form."""
    [value] = [re.search(r'value="([^"]+)"', i).group(1) for i in re.findall(r"<input[^>]*>", html)
               if "checked" in i and 'type="radio"' in i]
    return value


def test_the_choice_on_the_account_page(client, login, user):
    login("coordinator")
    text = assert_page(client.get("/account/meldingen"))
    assert "Mijn e-mails" in text and gekozen(text) == "direct"
    assert_fragment(client.get("/account/meldingen", headers=HX))
    r = client.post("/account/meldingen", data={"meldingen": "dagelijks"})
    assert r.status_code == 303 and r.headers["Location"].endswith("/account/meldingen")
    assert user("coordinator").meldingen == "dagelijks"
    event = AuditEvent.select().where(AuditEvent.actie == "account.meldingen").get()
    assert "dagelijks" in event.details
    assert gekozen(assert_page(client.get("/account/meldingen"))) == "dagelijks"
    r = client.post("/account/meldingen", data={"meldingen": "elk-uur"})
    text = assert_page(r, 422)
    assert "Er is een probleem" in text and "Kies ‘meteen’ of ‘één keer per dag’." in text
    assert user("coordinator").meldingen == "dagelijks"
    r = client.post("/account/meldingen", data={"meldingen": "direct"}, headers=HX)
    assert r.status_code == 204 and r.headers["HX-Location"] == "/account/meldingen"
    assert user("coordinator").meldingen == "direct"
    assert_fragment(client.post("/account/meldingen", data={}, headers=HX), 422)


@pytest.mark.parametrize("role", ["aanmelder", "parket", "regisseur3", "beheerder", "dpo"])
def test_every_role_has_the_account_page(client, login, role):
    login(role)
    assert "Mijn e-mails" in assert_page(client.get("/account/meldingen"))


def test_the_account_page_needs_a_login(client):
    r = client.get("/account/meldingen")
    assert r.status_code == 302 and "/login" in r.headers["Location"]


# ---------------------------------------------------------------- the beheerder's outbox
def test_the_beheerder_sees_the_outbox(client, login):
    kit.maak_aanmelding("aanmelder", LEUVEN)
    login("beheerder")
    text = assert_page(client.get("/beheer/uitgaande-post"))
    assert "geen mailserver ingesteld" in text and "caw@vh.test" in text and "Wacht" in text
    assert "Wachtend (2)" in text and "Verzonden (0)" in text
    assert "Greet" not in text and "Vos" not in text
    assert "caw@vh.test" not in assert_page(client.get("/beheer/uitgaande-post?filter=verzonden"))
    assert AuditEvent.select().where(AuditEvent.actie == "melding.lijst").count() == 2
    assert "uitgaande-post" in assert_page(client.get("/beheer/gebruikers"))  # in beheer's menu


def test_the_outbox_shows_failures_and_sent_mails(client, login, app, postbus):
    kit.maak_aanmelding("aanmelder", LEUVEN)
    postbus.weiger("caw@vh.test", 550)
    bezorgen.bezorg(app.config)
    login("beheerder")
    text = assert_page(client.get("/beheer/uitgaande-post"))
    assert "Mislukt" in text and "1 poging: SMTPRecipientsRefused 550" in text and "Verzonden" in text
    assert "geen mailserver ingesteld" not in text
    text = assert_page(client.get("/beheer/uitgaande-post?filter=mislukt"))
    assert "caw@vh.test" in text and "coordinator@vh.test" not in text


@pytest.mark.parametrize("role,status", [("coordinator", 403), ("dpo", 403), ("aanmelder", 403)])
def test_only_the_beheerder_sees_the_outbox(client, login, role, status):
    login(role)
    assert client.get("/beheer/uitgaande-post").status_code == status


def test_the_outbox_list_is_bounded(client, login, app):
    for _ in range(3):
        kit.maak_aanmelding("aanmelder", LEUVEN, pv_nummers="")
    login("beheerder")
    with kit.count_queries() as small:
        client.get("/beheer/uitgaande-post")
    for _ in range(5):
        kit.maak_aanmelding("aanmelder", LEUVEN, pv_nummers="")
    with kit.count_queries() as large:
        client.get("/beheer/uitgaande-post")
    assert large.count == small.count


# ---------------------------------------------------------------- no names in any mail
def test_no_name_or_free_text_of_the_demo_in_any_mail(app, postbus):
    """The whole demo through the rules (referrals, police, reception, parket, triage, decisions,
    letters), with a daily overview for a coordinator who chose it; everything is delivered to
    the SMTP server and every message is searched for every name and free text of the demo."""
    User.update(meldingen="dagelijks").where(User.email == "coordinator@vh.test").execute()
    with app.app_context():
        demo_load(kit.PASSWORD)
    assert dagoverzicht.maak(vandaag()) is not None
    while bezorgen.bezorg(app.config).verzonden:
        pass
    assert Melding.select().where(Melding.verzonden_op.is_null() & Melding.opgenomen_in.is_null()).count() == 0
    assert len(postbus.berichten) >= 10
    soorten = {m.soort for m in Melding.select(Melding.soort)}
    assert {"ontvangen", "nieuwe_aanmelding", "besluit", "regie", "brief", "dagoverzicht"} <= soorten, soorten

    namen, vrije_tekst = namen_en_vrije_tekst()
    assert {"Peggy", "Jordy", "Kevin", "Sandra", "Rita", "Goossens"} <= namen and len(vrije_tekst) > 5
    assert wat_niet_mag(postbus.berichten) == []
    for bericht in postbus.berichten:
        inhoud = f"{bericht['Subject']}\n{bericht.get_content()}"
        assert re.search(r"\b(VH|D)-\d{4}-\d{4}\b|politie-import|dagoverzicht", inhoud, re.I), bericht["Subject"]
        assert "http://127.0.0.1:5000/" in inhoud


def test_the_search_for_names_does_find_one(app, postbus):
    """The check above can fail: a mail that did name a person is caught."""
    kit.maak_aanmelding("aanmelder", LEUVEN)
    with db.atomic():
        meldingen.plan(MeldingSoort.ONTVANGEN, kit.user("aanmelder"), sleutel="fout", onderwerp="Over Greet",
                       regel="Ruzie met slagen op zaterdagavond.", pad="/")
    bezorgen.bezorg(app.config)
    assert {w for w, _ in wat_niet_mag(postbus.berichten)} >= {"Greet", "Ruzie met slagen op zater"}


# ---------------------------------------------------------------- settings
def test_mail_settings_from_the_environment(monkeypatch, tmp_path):
    from vh import config
    for name in ("VH_SMTP_HOST", "VH_SMTP_PORT", "VH_SMTP_TLS", "VH_BASE_URL", "VH_MAIL_FROM"):
        monkeypatch.delenv(name, raising=False)
    cfg = config.from_env(str(tmp_path))
    assert (cfg["VH_SMTP_HOST"], cfg["VH_SMTP_PORT"], cfg["VH_SMTP_TLS"]) == ("", 587, "starttls")
    monkeypatch.setenv("VH_SMTP_TLS", "ssl")
    monkeypatch.setenv("VH_BASE_URL", "https://vh.example/")
    cfg = config.from_env(str(tmp_path))
    assert (cfg["VH_SMTP_PORT"], cfg["VH_BASE_URL"]) == (465, "https://vh.example")
    monkeypatch.setenv("VH_SMTP_TLS", "misschien")
    with pytest.raises(config.ConfigError, match="VH_SMTP_TLS"):
        config.from_env(str(tmp_path))


def test_production_refuses_unsafe_mail_settings():
    from vh import config
    veilig = {"VH_ENV": "production", "SECRET_KEY": "x" * 40, "SESSION_COOKIE_SECURE": True}
    config.check_production({**veilig, "VH_SMTP_HOST": "smtp.example", "VH_SMTP_TLS": "starttls",
                             "VH_SMTP_PASSWORD": "geheim", "VH_BASE_URL": "https://vh.example"})
    with pytest.raises(config.ConfigError, match="onversleuteld"):
        config.check_production({**veilig, "VH_SMTP_PASSWORD": "geheim", "VH_SMTP_TLS": "uit"})
    with pytest.raises(config.ConfigError, match="VH_BASE_URL"):
        config.check_production({**veilig, "VH_SMTP_HOST": "smtp.example", "VH_BASE_URL": "http://127.0.0.1:5000"})
