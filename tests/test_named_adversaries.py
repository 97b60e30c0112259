"""A clause that names its adversaries covers only their acts (docs/model.md §7.3).

A coalition formed against one armed group (the Lake Chad basin's Multinational Joint Task
Force against Boko Haram) does not pledge its members against every group that strikes one of
them: the clause's ``adversaries`` say whose acts bring it into play, and the story says why a
strike by anyone else did not.
"""

from __future__ import annotations

import pytest
from conftest import RAID_EVENT

from sim.model.records import RecordKind
from sim.present.narrative import render_text
from sim.run.replicate import run_one
from sim.scenario.loading import absent_adversaries, load_scenario

FORCE = """\
    id: {pact}
    name: A task force against IS Sahel
    signed: 2020-01-01
    parties: {{states: [NER, TCD]}}
    source: https://example.org/task-force
    clauses:
      - id: help
        article: "Art. 2"
        summary: Chad supports Niger against IS Sahel.
        source: https://example.org/task-force
        casus_foederis: armed_rebellion
        obliged: named
        obliged_states: [TCD]
        adversaries: [{adversary}]
        toward: victim
        action: support
        decision: obliged_state
"""

SCENARIO = """\
title: A raid on Niger
start: 2024-07-21
days: 20
actors:
  NER:
  TCD:
  JNIM:
  ISSP:
pacts:
  task-force:
{pact}events:
"""


def scenario_text(striker: str, adversary: str = "ISSP") -> str:
    pact = FORCE.format(pact="task-force", adversary=adversary)
    raid = RAID_EVENT.replace("{target}", "NER").replace("by: JNIM", f"by: {striker}")
    return SCENARIO.format(pact=pact) + raid


def records(write, striker: str):
    scenario = load_scenario(write(scenario_text(striker), name=f"raid-{striker}.yaml"))
    return run_one(scenario, 1)


def test_a_strike_by_a_named_adversary_brings_the_clause_into_play(write):
    run = records(write, "ISSP")
    owed = [r for r in run.records if r.kind is RecordKind.OBLIGATION]
    assert [(r.actor, r.target, r.get("pact")) for r in owed] == [("TCD", "NER", "task-force")]
    assert not [r for r in run.records if r.kind is RecordKind.CLAUSE_UNMET]


def test_a_strike_by_another_group_does_not_and_the_story_says_why(write):
    run = records(write, "JNIM")
    assert not [r for r in run.records if r.kind is RecordKind.OBLIGATION]
    [unmet] = [r for r in run.records if r.kind is RecordKind.CLAUSE_UNMET]
    assert unmet.get("condition") == "adversaries"
    assert unmet.get("adversaries") == ["ISSP"]
    english, french = render_text(run, "en"), render_text(run, "fr")
    assert "the text covers only the acts of" in english and "none of whom" in english
    assert "le texte ne couvre que les actes" in french and "dont aucun" in french


@pytest.mark.parametrize("wrong", ["ISS", "BH"])
def test_an_unknown_adversary_is_refused_where_it_is_written(write, sahelsim, wrong):
    """A misspelt adversary would leave the clause asleep for good: it is refused, located."""
    path = write(scenario_text("ISSP", adversary=wrong), name="bad.yaml")
    result = sahelsim("validate", str(path))
    said = result.out + result.err
    assert result.status == 2, said
    assert (
        f"bad.yaml:24:23: pacts.task-force.clauses.0.adversaries.0: unknown actor {wrong!r}" in said
    )
    assert "Traceback" not in said


def test_validate_notes_a_clause_whose_adversaries_are_not_in_the_file(write):
    """A task force against Boko Haram in a file without it answers nothing: validate says so."""
    text = scenario_text("ISSP", adversary="JAS")
    assert absent_adversaries(load_scenario(write(text, name="absent.yaml"))) == [
        "pacts.task-force Art. 2 names adversaries (JAS) none of which is an actor of this "
        "scenario: the clause can never come into play"
    ]
    assert not absent_adversaries(load_scenario(write(scenario_text("ISSP"), name="present.yaml")))
