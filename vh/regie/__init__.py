"""Casusregie: the casusregisseur's work from kennismaking to afsluiting (issue 9).

    fasen.py        the phase transitions of the regie (one rule over transitions.voer_uit)
    checklist.py    the regie checklist per phase: ticking and undoing steps
    logboek.py      contacts and events; corrections keep the earlier version
    spoor.py        opschalen / afschalen: a regisseur's proposal, the coordinator's decision
    afsluiting.py   the closing checklist, and reopening by the coordinator
    mijn_werk.py    the regisseur's dossiers with their next step and flags (domain rule 5)
    routes.py       blueprint "regie": the screens of the above
    veiligheidsplan.py, zorgoverleg.py, routes_vp.py (blueprint "regie_vp"): the safety plan
                    and the care meeting
"""
