"""France's bilateral accords in the fact base oblige what their texts say, and no more.

The defence accords with Senegal (1974) and Togo (1963) oblige aid against an attack from outside
("se prêtent aide et assistance"); the Ivorian accord of 1961 lets Côte d'Ivoire ask, for its
internal as for its external defence ("peuvent demander"), and France read the 2002 mutiny as
internal and gave logistics only; the partnership treaties that replaced them in 2014 have no
clause of assistance (seeds/README.md).
"""

from __future__ import annotations

import pytest

from sim.model.model import SahelModel
from sim.model.records import RecordKind
from sim.model.world import build_world
from sim.scenario.facts import fact_base
from sim.scenario.loading import load_scenario

REBELS = (
    "  REB:\n    kind: belligerent\n    name: the rebels\n    name_fr: les rebelles\n"
    "    sources: [https://example.org/rebels]\n    in: {state}\n"
    "    forces: {{value: 800, year: {year}, unit: fighters, source: https://example.org/r}}\n"
)


MILITARY = {"TGO", "GHA", "MRT"}
"""Ruled by soldiers in 1986-89 (Eyadéma, Rawlings, Taya), before the fact base's regime series."""


def _actor(state: str) -> str:
    return f"  {state}:\n" + ("    regime: military\n" if state in MILITARY else "")


def owed_by_france(write, *, state: str, pact: str, start: str, by: str) -> list[tuple]:
    """What France is asked under ``pact`` when ``by`` attacks ``state`` on ``start``."""
    year = start[:4]
    rebels = REBELS.format(state=state, year=year) if by == "REB" else _actor(by)
    text = (
        f"title: An attack on {state}\nstart: {start}\ndays: 3\ncommitment: strict\n"
        f"actors:\n{_actor(state)}  FRA:\n{rebels}pacts:\n  {pact}:\n"
        f"events:\n  attack:\n    kind: attack\n    date: {start}\n    by: {by}\n"
        f"    target: {state}\n"
    )
    model = SahelModel(build_world(load_scenario(write(text)), fact_base()), 1)
    model.run()
    return sorted(
        (r.get("action"), r.get("modality", "duty"))
        for r in model.records
        if r.kind is RecordKind.OBLIGATION and r.actor == "FRA"
    )


@pytest.mark.parametrize(
    ("state", "pact", "start", "attacker"),
    [
        ("SEN", "france-senegal-defence-1974", "1989-04-25", "MRT"),
        ("TGO", "france-togo-defence-1963", "1986-09-23", "GHA"),
    ],
)
def test_a_defence_accord_obliges_france_against_an_attack_from_outside(
    write, state, pact, start, attacker
):
    assert owed_by_france(write, state=state, pact=pact, start=start, by=attacker) == [
        ("armed_assistance", "duty")
    ]


def test_senegal_s_accord_asks_nothing_of_france_against_a_rebellion(write):
    """The 1974 accord covers Senegal's external defence only: the MFDC's rising asks nothing."""
    args = {"state": "SEN", "pact": "france-senegal-defence-1974", "start": "1990-05-01"}
    assert owed_by_france(write, by="REB", **args) == []


def test_the_ivorian_accord_lets_france_help_short_of_war_against_rebels(write):
    """Côte d'Ivoire may ask for help against a rising, and France may give support (the
    technical accord's logistics stand beside it); it owes nothing, and no armed help is in the
    text for an internal conflict."""
    args = {"state": "CIV", "pact": "france-civ-defence-1961", "start": "2002-09-19"}
    assert owed_by_france(write, by="REB", **args) == [("support", "permission")]
    assert owed_by_france(write, by="BFA", **args) == [("armed_assistance", "permission")]


@pytest.mark.parametrize(
    ("state", "pact", "start"),
    [
        ("CIV", "france-civ-partnership-2012", "2016-03-13"),
        ("SEN", "france-senegal-partnership-2012", "2016-03-13"),
    ],
)
def test_the_partnerships_of_2012_oblige_france_to_no_help(write, state, pact, start):
    owed = owed_by_france(write, state=state, pact=pact, start=start, by="MLI")
    assert owed == [("consult", "permission")]


def test_an_old_accord_binds_no_one_once_its_replacement_is_in_force(write):
    """The Senegalese accord of 1974 ended when the treaty of 2012 came into force."""
    args = {"state": "SEN", "pact": "france-senegal-defence-1974", "start": "2016-03-13"}
    assert owed_by_france(write, by="MLI", **args) == []


def test_a_victim_is_not_asked_to_consult_itself(write):
    """The partnership's exchanges of views are toward the party struck: France may consult
    Côte d'Ivoire after a strike on it, and Côte d'Ivoire, though a party, owes itself nothing
    (the story once said it "used the measure of consultation toward" itself)."""
    text = (
        "title: An attack on CIV\nstart: 2016-03-13\ndays: 3\ncommitment: strict\n"
        "actors:\n  CIV:\n  FRA:\n  MLI:\npacts:\n  france-civ-partnership-2012:\n"
        "events:\n  attack:\n    kind: attack\n    date: 2016-03-13\n    by: MLI\n    target: CIV\n"
        "    scale: incident\n"
    )
    model = SahelModel(build_world(load_scenario(write(text)), fact_base()), 1)
    model.run()
    owed = {r.actor for r in model.records if r.kind is RecordKind.OBLIGATION}
    assert owed == {"FRA"}
    consulted = [r for r in model.records if r.kind is RecordKind.CONSULTATION]
    assert all(r.actor != r.target for r in consulted)
