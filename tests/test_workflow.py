"""vh/workflow.py: EVERY allowed and EVERY refused transition (all phases × all actions), the
guards (no akkoord, bezwaar, parket pause, not a pilot zone) and check_bijdrage.

The expected table is written out here on purpose, not derived from workflow.OVERGANGEN, so a
change in the rules makes these tests fail."""
import pytest

from vh import workflow
from vh.workflow import Toestand, WorkflowError, check, check_bijdrage

PHASES = ["nieuw", "parketcheck", "te_bespreken", "dossiervorming", "kennismaking",
          "vraagverduidelijking", "plan_van_aanpak", "uitvoering", "afronding", "afgesloten"]
BEFORE = {"nieuw", "parketcheck", "te_bespreken", "dossiervorming"}
TRIAGE = {"te_bespreken", "dossiervorming"}

# actie: (phases it is allowed from, phase it leads to)
EXPECTED = {
    "parket_vragen": ({"nieuw", "te_bespreken", "dossiervorming"}, "parketcheck"),  # every phase before the decision
    "parket_antwoord": ({"parketcheck"}, "te_bespreken"),
    "agenderen": ({"nieuw"}, "te_bespreken"),
    "bespreken": ({"te_bespreken"}, "dossiervorming"),
    "besluit_advies": (BEFORE, "afgesloten"),
    "besluit_spoor2": (TRIAGE, "kennismaking"),
    "besluit_spoor3": (TRIAGE, "kennismaking"),
    "vraagverduidelijking": ({"kennismaking"}, "vraagverduidelijking"),
    "plan_van_aanpak": ({"vraagverduidelijking"}, "plan_van_aanpak"),
    "uitvoering": ({"plan_van_aanpak", "afronding"}, "uitvoering"),
    "afronding": ({"uitvoering"}, "afronding"),
    "afsluiten": ({"kennismaking", "vraagverduidelijking", "plan_van_aanpak", "uitvoering", "afronding"},
                  "afgesloten"),
    "heropenen": ({"afgesloten"}, "uitvoering"),
}

# Everything that a guard could refuse is satisfied here, so only the phase decides.
GOOD = dict(parket="akkoord", pilootzone=True, parket_pauze=False, spoor=3, risicoanalyse=True, acties=2,
            open_acties=0)
# Asking the parket needs an unasked parket; triage without one needs a pausing parket.
GOOD_FOR = {"parket_vragen": dict(GOOD, parket=None), "agenderen": dict(GOOD, parket=None, parket_pauze=True)}


def test_tables_cover_the_module():
    assert list(workflow.FASEN) == PHASES
    assert set(workflow.OVERGANGEN) == set(EXPECTED)


@pytest.mark.parametrize("fase", PHASES)
@pytest.mark.parametrize("actie", sorted(EXPECTED))
def test_every_phase_times_every_action(fase, actie):
    van, naar = EXPECTED[actie]
    toestand = Toestand(fase=fase, **GOOD_FOR.get(actie, GOOD))
    if fase in van:
        assert check(toestand, actie) == naar
        assert actie in workflow.allowed(toestand)
    else:
        with pytest.raises(WorkflowError) as error:
            check(toestand, actie)
        message = str(error.value)
        assert workflow.FASEN[fase] in message and "kan niet in de fase" in message
        assert actie not in workflow.allowed(toestand)


def test_unknown_action_is_refused():
    with pytest.raises(WorkflowError, match="bestaat niet"):
        check(Toestand(fase="nieuw"), "alles_mag")


@pytest.mark.parametrize("fase", sorted(TRIAGE))
@pytest.mark.parametrize("actie", ["besluit_spoor2", "besluit_spoor3"])
def test_spoor_needs_parket_akkoord(fase, actie):
    with pytest.raises(WorkflowError, match="Zonder akkoord van het parket"):
        check(Toestand(fase=fase, parket=None, pilootzone=True), actie)
    # akkoord with restrictions counts as akkoord
    assert check(Toestand(fase=fase, parket="beperkingen", pilootzone=True), actie) == "kennismaking"


@pytest.mark.parametrize("fase", sorted(TRIAGE))
@pytest.mark.parametrize("actie", ["besluit_spoor2", "besluit_spoor3"])
def test_after_bezwaar_only_advies(fase, actie):
    toestand = Toestand(fase=fase, parket="bezwaar", pilootzone=True)
    with pytest.raises(WorkflowError, match="bezwaar: alleen een advies"):
        check(toestand, actie)
    assert check(toestand, "besluit_advies") == "afgesloten"
    assert workflow.allowed(toestand) == (["bespreken", "besluit_advies"] if fase == "te_bespreken"
                                          else ["besluit_advies"])  # the parket is not asked again


@pytest.mark.parametrize("fase", sorted(TRIAGE))
def test_spoor2_only_in_pilot_zone(fase):
    toestand = Toestand(fase=fase, parket="akkoord", pilootzone=False)
    with pytest.raises(WorkflowError, match="pilootzone"):
        check(toestand, "besluit_spoor2")
    assert check(toestand, "besluit_spoor3") == "kennismaking"  # spoor 3: anywhere in the province


def test_advies_needs_no_parket():
    for fase in BEFORE:
        assert check(Toestand(fase=fase, parket=None), "besluit_advies") == "afgesloten"


def test_parket_pause_blocks_only_new_parket_requests():
    paused = Toestand(fase="nieuw", parket_pauze=True)
    with pytest.raises(WorkflowError, match="tijdelijk niet deel"):
        check(paused, "parket_vragen")
    assert check(paused, "agenderen") == "te_bespreken"
    assert check(paused, "besluit_advies") == "afgesloten"
    assert workflow.allowed(paused) == ["agenderen", "besluit_advies"]
    # An answer to an earlier request still counts during the pause.
    assert check(Toestand(fase="parketcheck", parket_pauze=True), "parket_antwoord") == "te_bespreken"


def test_triage_without_a_parket_request_only_while_the_parket_pauses():
    """Issue 8.1: "Klaarzetten voor triage" skips the parket; only a pausing parket allows it."""
    taking_part = Toestand(fase="nieuw")
    with pytest.raises(WorkflowError, match="alleen zolang het parket tijdelijk niet deelneemt"):
        check(taking_part, "agenderen")
    assert workflow.allowed(taking_part) == ["parket_vragen", "besluit_advies"]


@pytest.mark.parametrize("fase", ["nieuw", "te_bespreken", "dossiervorming"])
def test_the_parket_can_be_asked_from_every_phase_before_the_decision(fase):
    """Put on the agenda during a pause, the dossier can still get its parketcheck afterwards."""
    assert check(Toestand(fase=fase), "parket_vragen") == "parketcheck"
    with pytest.raises(WorkflowError, match="tijdelijk niet deel"):
        check(Toestand(fase=fase, parket_pauze=True), "parket_vragen")


@pytest.mark.parametrize("uitkomst", ["akkoord", "beperkingen", "bezwaar"])
def test_an_answered_parket_is_not_asked_again(uitkomst):
    with pytest.raises(WorkflowError, match="al geantwoord"):
        check(Toestand(fase="te_bespreken", parket=uitkomst), "parket_vragen")


@pytest.mark.parametrize("parket, pauze, expected", [
    (None, False, False), (None, True, False), ("bezwaar", False, False), ("bezwaar", True, False),
    ("akkoord", False, True), ("beperkingen", False, True), ("akkoord", True, True),
])
def test_partners_see_identifying_data_only_after_the_akkoord(parket, pauze, expected):
    """Domain rule 3: before the akkoord and after a bezwaar, partners see only the card."""
    for fase in ["nieuw", "parketcheck", "te_bespreken", "dossiervorming"]:
        assert workflow.identificerend_delen(Toestand(fase=fase, parket=parket, parket_pauze=pauze)) is expected


# ---------------------------------------------------------------- check_bijdrage
@pytest.mark.parametrize("fase", PHASES)
def test_bijdrage_per_phase(fase):
    toestand = Toestand(fase=fase, parket="akkoord")
    if fase in TRIAGE:
        assert check_bijdrage(toestand) is None
    elif fase in BEFORE:
        with pytest.raises(WorkflowError, match="pas als het dossier op de agenda"):
            check_bijdrage(toestand)
    else:
        with pytest.raises(WorkflowError, match="al beslist"):
            check_bijdrage(toestand)


@pytest.mark.parametrize("fase", sorted(TRIAGE))
def test_bijdrage_guards(fase):
    with pytest.raises(WorkflowError, match="bezwaar"):
        check_bijdrage(Toestand(fase=fase, parket="bezwaar"))
    with pytest.raises(WorkflowError, match="Zonder akkoord"):
        check_bijdrage(Toestand(fase=fase, parket=None))
    with pytest.raises(WorkflowError, match="tijdelijk niet deel"):
        check_bijdrage(Toestand(fase=fase, parket="akkoord", parket_pauze=True))
    assert check_bijdrage(Toestand(fase=fase, parket="beperkingen")) is None


def test_toestand_parket_akkoord():
    assert Toestand("nieuw", parket="akkoord").parket_akkoord
    assert Toestand("nieuw", parket="beperkingen").parket_akkoord
    assert not Toestand("nieuw", parket="bezwaar").parket_akkoord
    assert not Toestand("nieuw").parket_akkoord


# --- casusregie: the conditions of its steps ---------------------------------------------

REGIE = dict(parket="akkoord", spoor=3)


def test_no_plan_without_a_risk_analysis():
    with pytest.raises(WorkflowError, match="eerst een risicoanalyse"):
        check(Toestand(fase="vraagverduidelijking", **REGIE), "plan_van_aanpak")
    assert check(Toestand(fase="vraagverduidelijking", risicoanalyse=True, **REGIE),
                 "plan_van_aanpak") == "plan_van_aanpak"


def test_no_uitvoering_of_a_plan_without_actions_but_a_new_concern_restarts_it():
    with pytest.raises(WorkflowError, match="nog geen acties"):
        check(Toestand(fase="plan_van_aanpak", risicoanalyse=True, **REGIE), "uitvoering")
    assert check(Toestand(fase="plan_van_aanpak", acties=1, **REGIE), "uitvoering") == "uitvoering"
    # From afronding (a new concern during the wait), nothing else is needed.
    assert check(Toestand(fase="afronding", **REGIE), "uitvoering") == "uitvoering"


@pytest.mark.parametrize("actie", ["afronding", "afsluiten"])
@pytest.mark.parametrize("open_acties, woorden", [(1, "staat nog 1 actie open"), (3, "staan nog 3 acties open")])
def test_no_afronding_or_closure_with_open_actions(actie, open_acties, woorden):
    with pytest.raises(WorkflowError, match=woorden):
        check(Toestand(fase="uitvoering", acties=4, open_acties=open_acties, **REGIE), actie)
    assert check(Toestand(fase="uitvoering", acties=4, **REGIE), actie) in ("afronding", "afgesloten")


def test_only_a_dossier_that_was_in_casusregie_can_be_reopened():
    with pytest.raises(WorkflowError, match="in casusregie was"):
        check(Toestand(fase="afgesloten"), "heropenen")  # an advies
    assert check(Toestand(fase="afgesloten", spoor=2), "heropenen") == "uitvoering"
