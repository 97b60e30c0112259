"""A government fighting guerrillas sees a stalemate as the war outlasts what it expected.

A state fighting a rebellion in its periphery fights a limited war: what wears its will is the
war's length, not its losses, which a large army barely feels (Mack 1975). The share of the days
it expected to need that it has fought without wearing the rebels down is its weariness when a
mediator weighs how ripe the war is (docs/model.md §7.8, rule 5); it never makes it give up.
"""

from __future__ import annotations

import math

import pytest
from conftest import civil_war_text

from sim.model.combat import guerrilla_expectation
from sim.model.model import SahelModel
from sim.model.records import RecordKind
from sim.model.termination import _reach, breaking_share, stalemate
from sim.model.world import build_world
from sim.present.narrative import render_text
from sim.run.replicate import run_one
from sim.scenario.facts import fact_base
from sim.scenario.loading import load_scenario

TALKS = (
    "parameters:\n  capitulation_rate: 0\n  withdrawal_rate: 0\n  breaking_point: 0.9\n"
    "  mediation_rate: 0.5\n  truce_breakdown_rate: {breakdown}\n"
)
"""Only talks end the war, and a truce breaks down at ``breakdown`` a day."""


def rebellion(write, *, value: int = 1000, extra: str = "", breakdown: float = 0.0, seed: int = 1):
    """Guinea-Bissau's army (4,493) against a rebel army of ``value``; Senegal and Guinea neutral."""
    text = civil_war_text(value=value, extra=extra, days=400) + TALKS.format(breakdown=breakdown)
    return SahelModel(build_world(load_scenario(write(text)), fact_base()), seed)


def run_days(model: SahelModel, days: int) -> SahelModel:
    while model.day < days:
        model.step()
    return model


def mediations(model: SahelModel):
    return [
        r
        for r in model.records
        if r.kind is RecordKind.WAR_ENDED and r.get("reason") == "mediation"
    ]


def test_the_government_reckons_its_war_on_the_day_the_fighting_begins(write):
    """The days of the model's own guerrilla combat, from all each side can bring that day."""
    model = run_days(rebellion(write), 1)
    war = model.wars[0]
    assert war.guerrillas is not None
    since, expected = war.expected_length
    assert since == war.start
    government = 1 - war.guerrillas
    reach = _reach(model, war, [model.side_strength(war, s) for s in (0, 1)])
    members = [list(side) for side in war.sides]
    p = model.params
    _, wins, days = guerrilla_expectation(
        reach[government],
        reach[war.guerrillas],
        model.fighting_quality(war)[government],
        breaking_share(model, members[government]),
        breaking_share(model, members[war.guerrillas]),
        p.kill_rate * (p.irregular_intensity if war.irregular else 1.0),
    )
    assert wins and expected == pytest.approx(days) and 0 < expected < 3650


def test_the_stalemate_grows_with_the_days_fought_to_all_of_them(write):
    """Never less the longer the war, and at most 1 once it has outlasted the days expected."""
    model = run_days(rebellion(write), 1)
    war = model.wars[0]
    expected = war.expected_length[1]
    shares = []
    for day in (1, 30, 120, math.ceil(expected), math.ceil(expected) + 200):
        model.day = war.start + day
        shares.append(stalemate(model, war, [1000.0, 4000.0])[0])
    assert shares == sorted(shares)
    assert shares[0] == pytest.approx(1 / expected)
    assert shares[-2:] == [1.0, 1.0]


def test_a_government_that_never_expects_to_wear_the_rebels_down_sees_it_at_once(write):
    model = run_days(rebellion(write), 1)
    war = model.wars[0]
    war.expected_length = None  # reckoned again, against guerrillas nearly its match
    government = 1 - war.guerrillas
    reach = [0.0, 0.0]
    reach[government], reach[war.guerrillas] = 1000.0, 1000.0
    assert stalemate(model, war, reach) == (1.0, 0.0)


def test_a_large_army_that_barely_bleeds_is_still_brought_to_talks(write):
    """The rebellion is ripe as the days pass: each mediation's ripeness is no more than the
    share of the expected days fought, and the government's losses alone would not ripen it."""
    found = [
        r
        for seed in range(1, 7)
        for r in mediations(run_days(rebellion(write, value=300, seed=seed), 400))
    ]
    assert found
    for r in found:
        outlasted = r.get("stalemate")
        assert outlasted["government"] == "GNB"
        share = outlasted["days_fought"] / outlasted["expected_days"]
        assert r.get("ripeness") <= min(1.0, share) + 1e-3
        assert r.get("probability") == pytest.approx(0.5 * r.get("ripeness"), abs=1e-4)


def test_a_truce_that_breaks_down_restarts_the_government_s_reckoning(write):
    resumed = []
    for seed in range(1, 9):
        model = run_days(rebellion(write, breakdown=0.05, seed=seed), 400)
        war = model.wars[0]
        if war.resumed is not None:
            resumed.append(war)
            assert war.expected_length[0] == war.resumed
    assert resumed


def test_no_stalemate_is_read_in_a_war_fought_in_the_open(write):
    """A faction of the army fights in the open: its war's ripeness is both sides' losses."""
    models = [run_days(rebellion(write, extra="faction_of: true", seed=s), 400) for s in (1, 2)]
    assert all(m.wars[0].guerrillas is None and m.wars[0].expected_length is None for m in models)
    assert not any(r.get("stalemate") for m in models for r in mediations(m))


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ["which had expected to wear the rebels down in", "without doing so"]),
        ("fr", ["qui comptait user les rebelles en", "sans y parvenir"]),
    ],
)
def test_the_story_says_how_long_the_government_expected_and_fought(write, lang, words):
    text = civil_war_text(value=300, days=400) + TALKS.format(breakdown=0.0)
    scenario = load_scenario(write(text))
    for seed in range(1, 7):
        run = run_one(scenario, seed)
        found = [r for r in run.records if r.get("reason") == "mediation"]
        if found:
            break
    outlasted = found[0].get("stalemate")
    story = " ".join(render_text(run, lang).split())
    assert all(w in story for w in words)
    fought = f"{outlasted['days_fought']} {'days' if lang == 'en' else 'jours'}"
    assert fought in story


ONLY_THE_PARTIES = (
    "title: A rebellion\nstart: 1998-06-07\ndays: 60\nactors:\n  GNB:\n"
    "  REB:\n    kind: belligerent\n    name: the Rebel Army\n    name_fr: l'Armée rebelle\n"
    "    sources: [https://example.org/rebels]\n    in: GNB\n{extra}"
    "    forces: {{value: 300, year: 1998, unit: fighters, source: https://example.org/r}}\n"
    "{more}events:\n  revolt:\n    kind: attack\n    date: 1998-06-07\n    by: REB\n"
    "    target: GNB\n"
)


@pytest.mark.parametrize(
    ("extra", "more", "noted"),
    [
        ("", "", True),
        ("    backers: [SEN]\n", "  SEN:\n", True),
        ("", "  SEN:\n", False),
    ],
    ids=["the parties alone", "and the rebels' backer", "and a neighbour outside the war"],
)
def test_validating_says_when_no_state_could_broker_a_ceasefire(
    write, sahelsim, extra, more, noted
):
    """A reader wrote rebellions with the parties alone: no war of theirs could end in talks."""
    result = sahelsim("validate", str(write(ONLY_THE_PARTIES.format(extra=extra, more=more))))
    assert result.status == 0 and "Traceback" not in result.err
    said = "no state of the scenario stands outside its wars (events.revolt: REB against GNB)"
    assert (said in " ".join(result.out.split())) is noted
    if noted:  # and the run agrees: no ceasefire is ever brokered
        model = SahelModel(
            build_world(
                load_scenario(
                    write(
                        ONLY_THE_PARTIES.format(extra=extra, more=more)
                        + "parameters:\n  mediation_rate: 0.5\n  capitulation_rate: 0\n"
                    )
                ),
                fact_base(),
            ),
            1,
        )
        model.run()
        assert not mediations(model)
