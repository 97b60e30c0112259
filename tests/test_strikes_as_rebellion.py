"""An armed group's strike where it fights is its rebellion there (docs/model.md §7.3).

The fact base's partnerships against armed groups inside a state (France's Barkhane with the G5
Sahel states, the G5's Joint Force, Russia's with Mali, Burkina Faso and Niger, the Charter's
Art. 5) answer it; the clauses against an attack from outside do not. A group striking a state
where it does not fight attacks it from outside.
"""

from __future__ import annotations

from sim.model.records import RecordKind
from sim.run.replicate import run_one
from sim.scenario.loading import load_scenario

STRIKE = """\
title: IS Sahel strikes {target}
start: 2019-12-09
days: 30
actors:
  NER:
  MLI:
  BFA:
  TCD:
  MRT:
  BEN:
  NGA:
  SEN:
  FRA:
  ISSP:
pacts:
  france-g5-partnership:
  g5-sahel-convention:
  ecowas-mechanism-1999:
events:
  raid:
    kind: attack
    scale: incident
    date: 2019-12-10
    by: ISSP
    target: {target}
"""


def obligations(write, target, seed=0):
    scenario = load_scenario(write(STRIKE.format(target=target), name=f"{target}.yaml"))
    run = run_one(scenario, seed).records
    return [r for r in run if r.kind is RecordKind.OBLIGATION]


def test_a_strike_where_the_group_fights_calls_on_the_partnerships_against_armed_groups(write):
    """IS Sahel fights in Niger: its raid on Inates (10 December 2019) is its rebellion there,
    so France owes Niger Barkhane's support and Niger's G5 partners the Joint Force's; ECOWAS
    weighs the Mechanism's article on internal conflict, not the one on aggression."""
    owed = obligations(write, "NER")
    assert {r.get("casus_foederis") for r in owed} == {"armed_rebellion"}
    assert ("FRA", "barkhane") in {(r.actor, r.get("clause")) for r in owed}
    joint = {r.actor for r in owed if r.get("clause") == "joint-force"}
    assert joint == {"MLI", "BFA", "TCD", "MRT"}
    ecowas = {r.get("clause") for r in owed if r.get("pact") == "ecowas-mechanism-1999"}
    assert ecowas == {"art25-internal"}


def test_a_strike_where_the_group_does_not_fight_is_an_attack_from_outside(write):
    """IS Sahel does not fight in Benin (seeds/armed_groups.yaml): a raid there comes from
    outside, so the Mechanism's article on aggression answers it and no partnership against
    armed groups inside a state does."""
    owed = obligations(write, "BEN")
    assert {r.get("casus_foederis") for r in owed} == {"aggression"}
    assert {r.get("clause") for r in owed} == {"art25-aggression"}


def test_the_help_a_partnership_gives_after_a_strike_is_help_short_of_war(write):
    """France helps Niger under Barkhane after the raid, in most replicates, and never pledges
    to fight: the partnership's clause asks combat support (or less, a partial answer)."""
    scenario = load_scenario(write(STRIKE.format(target="NER"), name="help.yaml"))
    helped = 0
    for seed in range(10):
        run = run_one(scenario, seed).records
        given = [r for r in run if r.kind is RecordKind.SUPPORT and r.actor == "FRA"]
        assert {r.get("action") for r in given} <= {"support", "non_military"}
        assert {r.get("pact") for r in given} <= {"france-g5-partnership"}
        helped += any(r.get("forces", 0) > 0 for r in given)
    assert helped > 5
