"""THE policy, table-driven: every role × every action of vh/access.py, the "no"s included.

One world is built per module (read-only tests): dossiers of team Oost-Brabant and Halle-Vilvoorde,
a kernpartner on one overleg and not on the other, regisseurs assigned and not, a draft and
submitted referrals of other authors, open and answered parket requests. Each row of the table is
(action, object, the roles that may); every other role is an explicit "no" row."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from flask_login import AnonymousUserMixin, login_user
from kit import PASSWORD, ROLE_USERS, seeded_app
from werkzeug.exceptions import Forbidden, NotFound

from vh import access
from vh.auth.accounts import create_user
from vh.db import db
from vh.models import (
    Aanmelding,
    Agendapunt,
    Bijdrage,
    Brief,
    Dossier,
    Levensdomein,
    Logboek,
    Overleg,
    OverlegDeelnemer,
    Parketcheck,
    PolitieImport,
    RegieStap,
    RolAanvraag,
    Spoorvoorstel,
    Team,
    User,
    Veiligheidsplan,
    Zorgoverleg,
    utcnow,
)

ROLES = ["aanmelder", "huisarts", "politie", "coordinator", "coordinator_hv", "parket", "kernpartner",
         "regisseur2", "regisseur3", "beheerder", "dpo", "inactief", "anoniem"]
COORDINATORS = {"coordinator", "coordinator_hv"}
NOBODY: set[str] = set()

# (action, object key, roles that may). Object None = a global action.
GLOBAL = [
    # any professional may refer (decree of 2024): every role but functioneel beheer and DPO alone
    ("aanmelding.create", None, set(ROLES) - {"beheerder", "dpo", "inactief", "anoniem"}),
    ("politie.import", None, {"politie"}),  # police in a pilot zone only (PZ Leuven is one)
    ("ontvangst.inbox", None, COORDINATORS),
    ("triage.board", None, COORDINATORS),
    ("overleg.list", None, COORDINATORS | {"kernpartner", "politie"}),
    ("overleg.create", None, COORDINATORS),
    ("parket.inbox", None, {"parket"}),
    ("dossier.list", None, COORDINATORS | {"regisseur2", "regisseur3", "kernpartner", "politie"}),
    ("beheer", None, {"beheerder"}),
    ("audit.view", None, {"dpo"}),
    ("rolaanvraag.lijst", None, {"beheerder", "dpo"}),  # the grants that wait for a second person
    ("regie.mijn", None, {"regisseur2", "regisseur3"}),
    # how one's own e-mails arrive: every active account, never an inactive or anonymous one
    ("account.meldingen", None, set(ROLES) - {"inactief", "anoniem"}),
    ("alles.mag", None, NOBODY),  # deny by default
]

COORDINATOR_ONLY = ("dossier.edit", "parketcheck.request", "besluit.create", "brief.send", "agenda.manage",
                    "team.settings")


def dossier_rows(key, *, view, coordinator, bijdrage, regie, identificerend):
    """`identificerend`: who may see who the family is (names, birth dates, the referral's text,
    the bijdragen); every other role that sees the dossier sees only the non-identifying card."""
    assert identificerend <= view
    rows = [("dossier.view", key, view), ("bijdrage.create", key, bijdrage), ("regie.plan", key, regie),
            ("regie.logboek", key, regie), ("dossier.verwijderen", key, NOBODY),
            ("dossier.identificerend", key, identificerend), ("dossier.aanmeldingen", key, regie)]
    rows += [(action, key, {coordinator}) for action in COORDINATOR_ONLY]
    return rows


KP = {"coordinator", "kernpartner"}
DOSSIERS = (
    # Oost-Brabant, te bespreken with the parket's akkoord, on the agenda of an overleg the
    # kernpartner takes part in.
    dossier_rows("d_ob_agenda", view=KP, coordinator="coordinator", bijdrage=KP, regie={"coordinator"},
                 identificerend=KP)
    # Oost-Brabant, nieuw, on no agenda.
    + dossier_rows("d_ob_nieuw", view={"coordinator"}, coordinator="coordinator",
                   bijdrage={"coordinator"}, regie={"coordinator"}, identificerend={"coordinator"})
    # Halle-Vilvoorde, te bespreken, on the agenda of an overleg the kernpartner is NOT part of.
    + dossier_rows("d_hv", view={"coordinator_hv"}, coordinator="coordinator_hv",
                   bijdrage={"coordinator_hv"}, regie={"coordinator_hv"}, identificerend={"coordinator_hv"})
    # Oost-Brabant, decided (spoor 3, regisseur3 assigned), still on the old agenda: the kernpartner
    # no longer sees it; regisseur3 (member of the team, but no coordinator) sees it as regisseur.
    + dossier_rows("d_regie3", view={"coordinator", "regisseur3"}, coordinator="coordinator",
                   bijdrage={"coordinator"}, regie={"coordinator", "regisseur3"},
                   identificerend={"coordinator", "regisseur3"})
    # Oost-Brabant, spoor 2 with regisseur2 assigned.
    + dossier_rows("d_regie2", view={"coordinator", "regisseur2"}, coordinator="coordinator",
                   bijdrage={"coordinator"}, regie={"coordinator", "regisseur2"},
                   identificerend={"coordinator", "regisseur2"})
    # On the kernpartner's agenda, per state of the parket (issue 8.1b): without an akkoord (never
    # asked, the team's parket pausing; asked and waiting) and after a bezwaar the kernpartner
    # sees the dossier's card only; akkoord with restrictions counts as akkoord.
    + dossier_rows("d_kp_geen", view=KP, coordinator="coordinator", bijdrage=KP, regie={"coordinator"},
                   identificerend={"coordinator"})
    + dossier_rows("d_kp_wacht", view=KP, coordinator="coordinator", bijdrage=KP, regie={"coordinator"},
                   identificerend={"coordinator"})
    + dossier_rows("d_kp_beperkingen", view=KP, coordinator="coordinator", bijdrage=KP,
                   regie={"coordinator"}, identificerend=KP)
    + dossier_rows("d_kp_bezwaar", view=KP, coordinator="coordinator", bijdrage=KP, regie={"coordinator"},
                   identificerend={"coordinator"})
)

AANMELDINGEN = [
    # A draft of the aanmelder: visible to its author only, not even to the team's coordinator.
    ("aanmelding.edit", "a_concept", {"aanmelder"}),
    ("aanmelding.status", "a_concept", {"aanmelder"}),
    ("aanmelding.view", "a_concept", NOBODY),
    ("aanmelding.receive", "a_concept", NOBODY),
    ("aanmelding.verwijderen", "a_concept", NOBODY),
    ("aanmelding.overdragen", "a_concept", NOBODY),
    # Submitted, team Oost-Brabant: the author follows its status but edits no more.
    ("aanmelding.edit", "a_ob", NOBODY),
    ("aanmelding.status", "a_ob", {"aanmelder"}),
    ("aanmelding.view", "a_ob", {"coordinator"}),
    ("aanmelding.receive", "a_ob", {"coordinator"}),
    ("aanmelding.verwijderen", "a_ob", NOBODY),
    ("aanmelding.overdragen", "a_ob", {"coordinator"}),  # to another team, from the inbox
    # Submitted by the huisarts, team Halle-Vilvoorde.
    ("aanmelding.edit", "a_hv", NOBODY),
    ("aanmelding.status", "a_hv", {"huisarts"}),
    ("aanmelding.view", "a_hv", {"coordinator_hv"}),
    ("aanmelding.receive", "a_hv", {"coordinator_hv"}),
    ("aanmelding.verwijderen", "a_hv", NOBODY),
    ("aanmelding.overdragen", "a_hv", {"coordinator_hv"}),
    # Submitted by the police, address outside Vlaams-Brabant (no team): any coordinator routes it.
    ("aanmelding.edit", "a_zonder_team", NOBODY),
    ("aanmelding.status", "a_zonder_team", {"politie"}),
    ("aanmelding.view", "a_zonder_team", COORDINATORS),
    ("aanmelding.receive", "a_zonder_team", COORDINATORS),
    ("aanmelding.verwijderen", "a_zonder_team", NOBODY),
    ("aanmelding.overdragen", "a_zonder_team", COORDINATORS),
]

PARKETCHECKS = [
    ("parketcheck.view", "p_ob_open", {"parket"}),
    ("parketcheck.answer", "p_ob_open", {"parket"}),
    ("parketcheck.verwijderen", "p_ob_open", NOBODY),
    ("parketcheck.view", "p_ob_beantwoord", {"parket"}),
    ("parketcheck.answer", "p_ob_beantwoord", NOBODY),  # answered once, never again
    ("parketcheck.verwijderen", "p_ob_beantwoord", NOBODY),
    ("parketcheck.view", "p_hv_open", NOBODY),  # another arrondissement's parket
    # The reason of a bezwaar (it may reveal an ongoing investigation): the team's coordinator and
    # the parket that gave it, never a kernpartner, even one who sees the dossier.
    ("parketcheck.reden", "p_kp_bezwaar", {"coordinator", "parket"}),
    ("parketcheck.reden", "p_hv_open", {"coordinator_hv"}),
    ("parketcheck.answer", "p_hv_open", NOBODY),
    ("parketcheck.verwijderen", "p_hv_open", NOBODY),
]

OVERLEGGEN = [
    ("overleg.view", "o_ob", {"coordinator", "kernpartner"}),
    ("overleg.manage", "o_ob", {"coordinator"}),
    ("overleg.deelnemen", "o_ob", {"coordinator", "kernpartner"}),
    ("overleg.verwijderen", "o_ob", NOBODY),
    ("overleg.view", "o_hv", {"coordinator_hv"}),
    ("overleg.manage", "o_hv", {"coordinator_hv"}),
    ("overleg.deelnemen", "o_hv", {"coordinator_hv"}),
    ("overleg.verwijderen", "o_hv", NOBODY),
]

BRIEVEN = [
    # A letter is the team coordinator's to compose; the referrer sees it only once it is sent.
    ("brief.compose", "a_ob", {"coordinator"}),
    ("brief.compose", "a_hv", {"coordinator_hv"}),
    ("brief.compose", "a_zonder_team", COORDINATORS),
    ("brief.compose", "a_concept", NOBODY),
    ("brief.view", "b_concept", {"coordinator"}),
    ("brief.pdf", "b_concept", {"coordinator"}),
    ("brief.edit", "b_concept", {"coordinator"}),
    ("brief.send", "b_concept", {"coordinator"}),
    ("brief.view", "b_verzonden", {"coordinator", "aanmelder"}),
    ("brief.pdf", "b_verzonden", {"coordinator", "aanmelder"}),
    ("brief.edit", "b_verzonden", NOBODY),
    ("brief.send", "b_verzonden", NOBODY),
    ("brief.verwijderen", "b_verzonden", NOBODY),
]

BIJDRAGEN = [
    # A bijdrage is seen with its dossier; only its author corrects it, only the current version,
    # and only while the author may still add bijdragen (not after the decision).
    ("bijdrage.view", "bij_kp", {"coordinator", "kernpartner"}),
    ("bijdrage.correct", "bij_kp", {"kernpartner"}),
    ("bijdrage.verwijderen", "bij_kp", NOBODY),
    ("bijdrage.view", "bij_kp_oud", {"coordinator", "kernpartner"}),
    ("bijdrage.correct", "bij_kp_oud", NOBODY),
    ("bijdrage.correct", "bij_coord", {"coordinator"}),
    ("bijdrage.view", "bij_beslist", {"coordinator", "regisseur3"}),
    ("bijdrage.correct", "bij_beslist", NOBODY),
    ("bijdrage.view", "bij_hv", {"coordinator_hv"}),
    ("bijdrage.view", "bij_bezwaar", {"coordinator"}),  # a bezwaar stops information sharing
]

IMPORTS = [
    # A police upload report is its uploader's only.
    ("politie_import.view", "imp_politie", {"politie"}),
    ("politie_import.verwijderen", "imp_politie", NOBODY),
]

TEAMS = [
    # Team settings (e.g. "het parket neemt tijdelijk niet deel"): the team's own coordinators.
    ("team.settings", "t_ob", {"coordinator"}),
    ("team.settings", "t_hv", {"coordinator_hv"}),
    # Its letterhead is reference data: the beheerder's (no dossier content).
    ("team.bewerken", "t_ob", {"beheerder"}),
    ("team.bewerken", "t_hv", {"beheerder"}),
    ("team.verwijderen", "t_ob", NOBODY),
]

BEHEER = [
    # Accounts and organisations: the beheerder; one's own account is not deactivated.
    ("gebruiker.bewerken", "een_user", {"beheerder"}),
    ("gebruiker.deactiveren", "een_user", {"beheerder"}),
    ("gebruiker.bewerken", "de_beheerder", {"beheerder"}),
    ("gebruiker.deactiveren", "de_beheerder", NOBODY),
    ("gebruiker.verwijderen", "een_user", NOBODY),
    # Roles: never one's own (nor taking away one's beheer role, so beheer is never locked out).
    ("gebruiker.rollen", "een_user", {"beheerder"}),
    ("gebruiker.rollen", "de_beheerder", NOBODY),
    # A one-time password link: not for one's own account (change it under "Mijn wachtwoord"), and
    # not for a beheerder or DPO (the confirmers: the command line does those).
    ("gebruiker.wachtwoordlink", "een_aanmelder", {"beheerder"}),
    ("gebruiker.wachtwoordlink", "de_beheerder", NOBODY),
    ("gebruiker.wachtwoordlink", "een_user", NOBODY),
    # A pending grant: seen by beheerders and the DPO; decided by neither its requester nor the
    # user concerned, and only once.
    ("rolaanvraag.bekijken", "ra_open", {"beheerder", "dpo"}),
    ("rolaanvraag.beslissen", "ra_open", {"dpo"}),
    ("rolaanvraag.beslissen", "ra_voor_dpo", NOBODY),
    ("rolaanvraag.beslissen", "ra_beslist", NOBODY),
    ("rolaanvraag.beslissen", "ra_door_dpo", {"beheerder"}),
    ("organisatie.bewerken", "een_org", {"beheerder"}),
    ("organisatie.verwijderen", "een_org", NOBODY),
]

# --- casusregie: kern. The casusregie of a dossier is its own regisseur's work; the team's
# coordinator reads it, reopens a closed one and decides on a spoor proposal; nobody else sees it
# (kernpartners, parket, aanmelders, beheer and the DPO: no).
REGIE_KERN = [
    *[(action, key, allowed) for key, lezen, werken, heropenen in (
        ("d_regie3", {"coordinator", "regisseur3"}, {"regisseur3"}, NOBODY),
        ("d_regie2", {"coordinator", "regisseur2"}, {"regisseur2"}, NOBODY),
        ("d_regie_dicht", {"coordinator", "regisseur3"}, NOBODY, {"coordinator"}),  # closed after regie
        ("d_ob_agenda", NOBODY, NOBODY, NOBODY),  # before the decision: no casusregie
        ("d_hv", NOBODY, NOBODY, NOBODY))
      for action, allowed in (("regie.lezen", lezen), ("regie.werken", werken), ("regie.heropenen", heropenen))],
    ("logboek.view", "lb_regie3", {"coordinator", "regisseur3"}),
    ("logboek.corrigeren", "lb_regie3", {"regisseur3"}),
    ("logboek.view", "lb_regie3_oud", {"coordinator", "regisseur3"}),
    ("logboek.corrigeren", "lb_regie3_oud", NOBODY),  # only the current version
    ("logboek.corrigeren", "lb_dicht", NOBODY),  # not after the closure
    ("logboek.verwijderen", "lb_regie3", NOBODY),
    ("spoorvoorstel.view", "sv_wacht", {"coordinator", "regisseur2"}),
    ("spoorvoorstel.beslissen", "sv_wacht", {"coordinator"}),
    ("spoorvoorstel.beslissen", "sv_beslist", NOBODY),  # decided once
    ("regiestap.bewerken", "een_stap", {"beheerder"}),
    ("levensdomein.bewerken", "een_domein", {"beheerder"}),
]

# --- casusregie: veiligheidsplan en zorgoverleg (regie-vp). Read by the team's coordinator and
# the dossier's own regisseur, written by that regisseur only; a kernpartner who sees the dossier
# (d_ob_agenda) sees none of it.
LEZERS3, LEZERS2 = {"coordinator", "regisseur3"}, {"coordinator", "regisseur2"}
VEILIGHEIDSPLAN_ZORGOVERLEG = [
    *[(a, "d_regie3", LEZERS3) for a in ("veiligheidsplan.view", "zorgoverleg.view")],
    *[(a, "d_regie3", {"regisseur3"}) for a in ("veiligheidsplan.edit", "zorgoverleg.create")],
    *[(a, "d_regie2", LEZERS2) for a in ("veiligheidsplan.view", "zorgoverleg.view")],
    *[(a, "d_regie2", {"regisseur2"}) for a in ("veiligheidsplan.edit", "zorgoverleg.create")],
    *[(a, "d_ob_agenda", {"coordinator"}) for a in ("veiligheidsplan.view", "zorgoverleg.view")],
    *[(a, "d_ob_agenda", NOBODY) for a in ("veiligheidsplan.edit", "zorgoverleg.create")],  # no regie yet
    *[(a, "d_hv", {"coordinator_hv"}) for a in ("veiligheidsplan.view", "zorgoverleg.view")],
    *[(a, "vp_regie3", LEZERS3) for a in ("veiligheidsplan.view", "veiligheidsplan.pdf")],
    ("veiligheidsplan.edit", "vp_regie3", NOBODY),  # a version is never edited in place
    *[(a, "zo_regie3", LEZERS3) for a in ("zorgoverleg.view", "zorgoverleg.ics")],
    *[(a, "zo_regie3", {"regisseur3"}) for a in ("zorgoverleg.verslag", "zorgoverleg.besluit")],
    ("zorgoverleg.verwijderen", "zo_regie3", NOBODY),
]

OTHER = [
    # An object of a kind the policy does not know: refused, whatever the action.
    ("dossier.view", "een_user", NOBODY),
    ("beheer", "een_user", NOBODY),
]

TABLE = (GLOBAL + DOSSIERS + AANMELDINGEN + PARKETCHECKS + OVERLEGGEN + BRIEVEN + BIJDRAGEN + IMPORTS + TEAMS + BEHEER
         + REGIE_KERN + VEILIGHEIDSPLAN_ZORGOVERLEG + OTHER)
ROWS = [(role, action, obj, role in allowed) for action, obj, allowed in TABLE for role in ROLES]


def build_world() -> dict:
    users = {role: User.get(User.email == email) for role, email in ROLE_USERS.items()}
    users["inactief"] = create_user(email="oud@vh.test", naam="Oud Coördinator", rollen=["coordinator"],
                                    password=PASSWORD, organisatie="Veilig Huis Oost-Brabant",
                                    teams=["Veilig Huis Oost-Brabant"])
    users["inactief"].actief = False
    users["inactief"].save()
    ob = Team.get(Team.naam == "Veilig Huis Oost-Brabant")
    hv = Team.get(Team.naam == "Veilig Huis Halle-Vilvoorde")
    n = iter(range(1, 100))

    def dossier(team, fase, regisseur=None, spoor=None):
        return Dossier.create(nummer=f"D-2026-{next(n):04d}", team=team, fase=fase,
                              regisseur=users[regisseur] if regisseur else None, spoor=spoor)

    w = {"users": users}
    w["d_ob_agenda"] = dossier(ob, "te_bespreken")
    w["d_ob_nieuw"] = dossier(ob, "nieuw")
    w["d_hv"] = dossier(hv, "te_bespreken")
    w["d_regie3"] = dossier(ob, "kennismaking", "regisseur3", 3)
    w["d_regie2"] = dossier(ob, "uitvoering", "regisseur2", 2)
    for key, fase in (("d_kp_geen", "te_bespreken"), ("d_kp_wacht", "parketcheck"),
                      ("d_kp_beperkingen", "te_bespreken"), ("d_kp_bezwaar", "dossiervorming")):
        w[key] = dossier(ob, fase)

    w["o_ob"] = Overleg.create(team=ob, datum=utcnow(), voorzitter=users["coordinator"])
    OverlegDeelnemer.create(overleg=w["o_ob"], user=users["kernpartner"])
    Agendapunt.create(overleg=w["o_ob"], dossier=w["d_ob_agenda"], volgorde=1)
    Agendapunt.create(overleg=w["o_ob"], dossier=w["d_regie3"], volgorde=2)
    for i, key in enumerate(("d_kp_geen", "d_kp_wacht", "d_kp_beperkingen", "d_kp_bezwaar"), start=3):
        Agendapunt.create(overleg=w["o_ob"], dossier=w[key], volgorde=i)
    w["o_hv"] = Overleg.create(team=hv, datum=utcnow(), voorzitter=users["coordinator_hv"])
    Agendapunt.create(overleg=w["o_hv"], dossier=w["d_hv"], volgorde=1)

    def aanmelding(auteur, status, team, nummer=None):
        return Aanmelding.create(auteur=users[auteur], status=status, team=team, nummer=nummer,
                                 organisatie=users[auteur].organisatie)
    w["a_concept"] = aanmelding("aanmelder", "concept", ob)
    w["a_ob"] = aanmelding("aanmelder", "ingediend", ob, "VH-2026-0001")
    w["a_hv"] = aanmelding("huisarts", "ingediend", hv, "VH-2026-0002")
    w["a_zonder_team"] = aanmelding("politie", "ingediend", None, "VH-2026-0003")

    def check(d, uitkomst=None):
        return Parketcheck.create(dossier=d, gevraagd_door=users["coordinator"], uitkomst=uitkomst,
                                  beantwoord_door=users["parket"] if uitkomst else None)
    w["p_ob_open"] = check(w["d_ob_nieuw"])
    w["p_ob_beantwoord"] = check(w["d_regie3"], "akkoord")
    w["p_hv_open"] = check(w["d_hv"])
    check(w["d_ob_agenda"], "akkoord")
    check(w["d_kp_wacht"])
    check(w["d_kp_beperkingen"], "beperkingen")
    w["p_kp_bezwaar"] = check(w["d_kp_bezwaar"], "bezwaar")
    for key, verzonden in (("b_concept", None), ("b_verzonden", utcnow())):
        w[key] = Brief.create(aanmelding=w["a_ob"], aan=users["aanmelder"], onderwerp="Advies",
                              inhoud="<p>Advies</p>", verzonden_op=verzonden)
    def bijdrage(d, auteur, actueel=True):
        return Bijdrage.create(dossier=d, auteur=users[auteur], inhoud="<p>x</p>", rechtsgrond="r",
                               actueel=actueel)
    w["bij_kp"] = bijdrage(w["d_ob_agenda"], "kernpartner")
    w["bij_kp_oud"] = bijdrage(w["d_ob_agenda"], "kernpartner", actueel=False)
    w["bij_coord"] = bijdrage(w["d_ob_agenda"], "coordinator")
    w["bij_beslist"] = bijdrage(w["d_regie3"], "kernpartner")
    w["bij_hv"] = bijdrage(w["d_hv"], "coordinator_hv")
    w["bij_bezwaar"] = bijdrage(w["d_kp_bezwaar"], "coordinator")
    w["imp_politie"] = PolitieImport.create(user=users["politie"])
    w["t_ob"], w["t_hv"] = ob, hv
    w["een_user"] = users["dpo"]
    w["de_beheerder"] = users["beheerder"]
    w["een_org"] = users["dpo"].organisatie
    w["een_aanmelder"] = users["aanmelder"]

    def aanvraag(voor, door, rol, uitkomst=None):
        return RolAanvraag.create(user=users[voor], rol=rol, aangevraagd_door=users[door], uitkomst=uitkomst,
                                  beslist_door=users["dpo"] if uitkomst else None)
    w["ra_open"] = aanvraag("huisarts", "beheerder", "coordinator")
    w["ra_voor_dpo"] = aanvraag("dpo", "beheerder", "coordinator")
    w["ra_beslist"] = aanvraag("aanmelder", "beheerder", "parket", "geweigerd")
    w["ra_door_dpo"] = aanvraag("regisseur2", "dpo", "regisseur3")
    # --- casusregie: kern
    w["d_regie_dicht"] = dossier(ob, "afgesloten", "regisseur3", 3)

    def entry(d, actueel=True):
        return Logboek.create(dossier=d, datum=utcnow().date(), soort="telefoon", tekst="x",
                              auteur=d.regisseur, actueel=actueel)
    w["lb_regie3"], w["lb_regie3_oud"] = entry(w["d_regie3"]), entry(w["d_regie3"], actueel=False)
    w["lb_dicht"] = entry(w["d_regie_dicht"])

    def voorstel(d, uitkomst=None):
        return Spoorvoorstel.create(dossier=d, van_spoor=2, naar_spoor=3, reden="r", uitkomst=uitkomst,
                                    voorgesteld_door=d.regisseur)
    w["sv_wacht"], w["sv_beslist"] = voorstel(w["d_regie2"]), voorstel(w["d_regie2"], "geweigerd")
    w["een_stap"], w["een_domein"] = RegieStap.select().first(), Levensdomein.select().first()
    # --- casusregie: veiligheidsplan en zorgoverleg (regie-vp)
    w["vp_regie3"] = Veiligheidsplan.create(dossier=w["d_regie3"], nummer=1, auteur=users["regisseur3"])
    w["zo_regie3"] = Zorgoverleg.create(dossier=w["d_regie3"], datum=utcnow(), aangemaakt_door=users["regisseur3"])
    return w


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """Built once on a copy of the kit's seeded database: these tests only read. (No
    function-scoped `app` in this module: the database handle is global, so another app would
    rebind it.) The world is made by hand on purpose: one object per cell of the policy table,
    in states the rules need not reach (e.g. a dossier in casusregie without a besluit)."""
    app = seeded_app(tmp_path_factory.mktemp("access"))
    with db.connection_context(), db.atomic():
        w = build_world()
    w["app"] = app
    yield w
    if not db.is_closed():
        db.close()


def actor(world, role):
    return AnonymousUserMixin() if role == "anoniem" else world["users"][role]


@pytest.mark.parametrize("role, action, obj, expected", ROWS,
                         ids=[f"{r}-{a}-{o or 'globaal'}-{'ja' if e else 'nee'}" for r, a, o, e in ROWS])
def test_policy_table(world, role, action, obj, expected):
    target = world[obj] if obj else None
    assert access.can(actor(world, role), action, target) is expected


def test_table_covers_every_rule_and_role_of_the_registry(world):
    """Every registered (action, kind of object) has cells in the table; every action of the
    table that no rule registers is a deny-by-default probe whose cells all say no."""
    cells = {(action, type(world[obj]) if obj else None) for action, obj, _ in TABLE}
    registered = {(action, model) for action, by_model in access.RULES.items() for model in by_model}
    assert registered <= cells, f"rules without a row: {sorted((a, str(m)) for a, m in registered - cells)}"
    probes = {action: allowed for action, _, allowed in TABLE if action not in access.RULES}
    assert probes and all(not allowed for allowed in probes.values()), probes
    assert {a for a, o, _ in GLOBAL if a in access.RULES} == {a for a, m in registered if m is None}
    from vh.models import ROLLEN
    played = set().union(*(world["users"][r].roles for r in ROLES if r != "anoniem"))
    assert set(ROLLEN) <= played


ROOT = Path(access.__file__).parent
ASKING = {"can", "require", "load", "dossier_scherm"}  # and helpers named *_load, *_toegang
ACTION_NAME = re.compile(r"[a-z_]+(?:\.[a-z_]+)*")
TEMPLATE_CAN = re.compile(r"""\bcan\(\s*["']([^"']+)["']""")


def _asked_in_python(source: str):
    """The action names a module asks for: string arguments of can/require/load calls (and of
    helpers named *_load / *_toegang), and defaults of parameters named `action`."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            f = node.func
            name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
            if name in ASKING or name.endswith(("_load", "_toegang")):
                values = node.args + [k.value for k in node.keywords if k.arg == "action"]
                yield from (v.value for v in values if isinstance(v, ast.Constant)
                            and isinstance(v.value, str) and ACTION_NAME.fullmatch(v.value))
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            params = node.args.args[len(node.args.args) - len(node.args.defaults):]
            for param, default in zip(params, node.args.defaults, strict=True):
                if param.arg == "action" and isinstance(default, ast.Constant) and default.value:
                    yield default.value


def test_every_action_the_code_asks_for_is_registered():
    """A typo in an action name would silently deny: every name asked for is in RULES."""
    from vh.dossier import frame
    from vh.templating import NAV
    asked: dict[str, set[str]] = {}
    for path in list(ROOT.rglob("*.py")) + [p for p in (ROOT.parent / "tests").rglob("*.py")
                                            if p.name != "test_access.py"]:
        for action in _asked_in_python(path.read_text(encoding="utf-8")):
            asked.setdefault(action, set()).add(path.name)
    for path in (ROOT / "templates").rglob("*.html"):
        for action in TEMPLATE_CAN.findall(path.read_text(encoding="utf-8")):
            asked.setdefault(action, set()).add(path.name)
    for action in [a for _, _, a in NAV if a] + [t.action for t in frame.TABS]:
        asked.setdefault(action, set()).add("navigation")
    assert {"dossier.view", "beheer", "aanmelding.view", "overleg.manage"} <= set(asked)
    unknown = {a: sorted(files) for a, files in asked.items() if a not in access.RULES}
    assert not unknown, f"actions asked for but not registered: {unknown}"


def test_registry_refuses_a_rule_twice_and_an_object_of_another_kind(world):
    with pytest.raises(ValueError, match="twice"):
        access.rule("dossier.view", Dossier)(lambda user, d: True)
    coordinator = world["users"]["coordinator"]
    assert access.can(coordinator, "dossier.view", world["d_ob_nieuw"])
    assert not access.can(coordinator, "dossier.view", world["a_ob"])  # an Aanmelding: no such rule
    assert not access.can(coordinator, "aanmelding.view", world["d_ob_nieuw"])
    assert not access.can(coordinator, "dossier.view")  # an object rule asked without an object
    assert not access.can(coordinator, "ontvangst.inbox", world["d_ob_nieuw"])  # and vice versa


# ---------------------------------------------------------------- scoped queries (SQL)
KP_AGENDA = {"d_ob_agenda", "d_kp_geen", "d_kp_wacht", "d_kp_beperkingen", "d_kp_bezwaar"}
VISIBLE = {
    "coordinator": KP_AGENDA | {"d_ob_nieuw", "d_regie3", "d_regie2", "d_regie_dicht"},
    "coordinator_hv": {"d_hv"},
    "kernpartner": KP_AGENDA,
    "regisseur2": {"d_regie2"},
    "regisseur3": {"d_regie3", "d_regie_dicht"},
}


@pytest.mark.parametrize("role", ROLES)
def test_dossiers_visible_to(world, role):
    got = {d.nummer for d in access.dossiers_visible_to(actor(world, role))}
    assert got == {world[k].nummer for k in VISIBLE.get(role, set())}


@pytest.mark.parametrize("role", [r for r in ROLES if r != "anoniem"])
def test_other_scoped_queries(world, role):
    u = actor(world, role)

    def keys(query, prefix):
        ids = {o.id for o in query}
        return {k for k, v in world.items() if k.startswith(prefix) and type(v) is query.model and v.id in ids}
    received = {"coordinator": {"a_ob", "a_zonder_team"}, "coordinator_hv": {"a_hv", "a_zonder_team"}}
    own = {"aanmelder": {"a_concept", "a_ob"}, "huisarts": {"a_hv"}, "politie": {"a_zonder_team"}}
    checks = {"parket": {"p_ob_open", "p_ob_beantwoord", "p_kp_bezwaar"}}
    overleggen = {"coordinator": {"o_ob"}, "coordinator_hv": {"o_hv"}, "kernpartner": {"o_ob"}}
    if role == "inactief":  # the scoped queries do not look at `actief`; login refuses such a user
        received = {"inactief": {"a_ob", "a_zonder_team"}}
        overleggen = {"inactief": {"o_ob"}}
    assert keys(access.aanmeldingen_received_by(u), "a_") == received.get(role, set())
    assert keys(access.own_aanmeldingen(u), "a_") == own.get(role, set())
    assert keys(access.parketchecks_visible_to(u), "p_") == checks.get(role, set())
    assert keys(access.overleggen_visible_to(u), "o_") == overleggen.get(role, set())


def test_scoped_dossier_query_is_one_sql_query(world):
    sql, _ = access.dossiers_visible_to(world["users"]["coordinator"]).sql()
    assert sql.upper().startswith("SELECT") and "IN (SELECT" in sql.upper()


# ---------------------------------------------------------------- require(): 404 or 403
@pytest.mark.parametrize("role, action, obj, status", [
    ("coordinator", "dossier.edit", "d_hv", 404),  # another team's dossier: may not know it exists
    ("coordinator", "dossier.view", "d_hv", 404),
    ("regisseur3", "dossier.edit", "d_regie3", 403),  # sees it, may not edit it
    ("regisseur3", "dossier.view", "d_regie2", 404),
    ("kernpartner", "dossier.edit", "d_ob_agenda", 403),
    ("kernpartner", "bijdrage.create", "d_regie3", 404),  # decided: no longer visible
    ("beheerder", "dossier.view", "d_ob_agenda", 404),
    ("dpo", "dossier.view", "d_ob_agenda", 404),
    ("parket", "dossier.view", "d_ob_nieuw", 404),
    ("coordinator", "aanmelding.view", "a_concept", 404),  # someone else's draft
    ("huisarts", "aanmelding.status", "a_ob", 404),
    ("aanmelder", "aanmelding.edit", "a_ob", 403),  # own, but submitted
    ("coordinator", "aanmelding.edit", "a_ob", 403),  # received, but not theirs to edit
    ("coordinator_hv", "aanmelding.view", "a_ob", 404),
    ("parket", "parketcheck.answer", "p_ob_beantwoord", 403),
    ("parket", "parketcheck.answer", "p_hv_open", 404),
    ("coordinator", "parketcheck.view", "p_ob_open", 404),
    ("kernpartner", "overleg.manage", "o_ob", 403),
    ("kernpartner", "overleg.view", "o_hv", 404),
    ("coordinator_hv", "overleg.manage", "o_ob", 404),
    ("aanmelder", "beheer", None, 403),  # a global action: the screen is no secret
    ("beheerder", "audit.view", None, 403),
    ("dpo", "beheer", None, 403),
    ("dpo", "beheer", "een_user", 404),
])
def test_require_answers_404_or_403(world, role, action, obj, status):
    target = world[obj] if obj else None
    with world["app"].test_request_context(), pytest.raises(NotFound if status == 404 else Forbidden):
        access.require(actor(world, role), action, target)


@pytest.mark.parametrize("role, action, obj", [
    ("coordinator", "dossier.edit", "d_ob_nieuw"), ("regisseur3", "regie.plan", "d_regie3"),
    ("aanmelder", "aanmelding.edit", "a_concept"), ("parket", "parketcheck.answer", "p_ob_open"),
    ("beheerder", "beheer", None), ("dpo", "audit.view", None),
])
def test_require_lets_allowed_through(world, role, action, obj):
    with world["app"].test_request_context():
        assert access.require(actor(world, role), action, world[obj] if obj else None) is None


def test_inactive_user_gets_nothing_even_via_scoped_dossiers(world):
    u = world["users"]["inactief"]
    assert not access.can(u, "dossier.view", world["d_ob_nieuw"])
    assert list(access.dossiers_visible_to(u)) == []


def test_require_through_a_logged_in_request(world):
    """The current_user path as views use it."""
    with world["app"].test_request_context():
        login_user(world["users"]["coordinator"])
        from flask_login import current_user
        with pytest.raises(NotFound):
            access.require(current_user, "dossier.view", world["d_hv"])
        access.require(current_user, "dossier.view", world["d_ob_nieuw"])


@pytest.mark.parametrize("pk", ["abc", "-1", "0", "9223372036854775808", "1e3", " 1", "\u0661", "",
                                None, True, 2**63, -5, 10**30, 999_999_999])
def test_load_answers_404_for_an_absent_or_impossible_id(world, pk):
    with world["app"].test_request_context():
        login_user(world["users"]["coordinator"])
        with pytest.raises(NotFound):
            access.load(Dossier, pk, "dossier.view")


def test_load_checks_and_returns_without_an_audit_event(world):
    from vh.models import AuditEvent
    before = AuditEvent.select().count()
    with world["app"].test_request_context():
        login_user(world["users"]["coordinator"])
        d = world["d_ob_nieuw"]
        assert access.load(Dossier, str(d.id), "dossier.edit") == d
        assert access.load(Dossier, d.id, "dossier.view") == d
        with pytest.raises(NotFound):  # another team's: may not know it exists
            access.load(Dossier, world["d_hv"].id, "dossier.edit")
        with pytest.raises(Forbidden):  # the wrong kind of object for the action: refused
            access.load(Aanmelding, world["a_ob"].id, "dossier.view")  # (it may know this one exists)
        assert access.load(Aanmelding, world["a_ob"].id, "aanmelding.receive") == world["a_ob"]
    with world["app"].test_request_context(), pytest.raises(Forbidden):  # sees it, may not edit it
        access.load(Dossier, world["d_regie3"].id, "dossier.edit", user=world["users"]["regisseur3"])
    assert AuditEvent.select().count() == before


@pytest.mark.parametrize("role, teams", [
    ("coordinator", ["Veilig Huis Oost-Brabant"]), ("coordinator_hv", ["Veilig Huis Halle-Vilvoorde"]),
    ("regisseur3", []), ("kernpartner", []), ("beheerder", []), ("inactief", ["Veilig Huis Oost-Brabant"]),
])
def test_teams_coordinated_by(world, role, teams):
    assert [t.naam for t in access.teams_coordinated_by(world["users"][role])] == teams
