"""Historical patterns the model must reproduce, over 100+ replicates, asserted as patterns."""

from __future__ import annotations

import pytest

from sim.model.records import RecordKind
from sim.run.replicate import run_one
from sim.scenario.loading import bundled_names, load_scenario

pytestmark = pytest.mark.slow
REPLICATES = range(100)


def runs(name, overrides=()):
    scenario = load_scenario(name, list(overrides))
    return [run_one(scenario, seed) for seed in REPLICATES]


def share(flags):
    flags = list(flags)
    return sum(flags) / len(flags)


def test_gambia_2017_the_intervention_goes_ahead_and_the_incumbent_yields_quickly():
    results = runs("gambia-2017")
    quick = [
        r.summary["war_occurred"]
        and r.summary["first_war_outcome"] == "attackers_won"
        and r.summary["war_days"] <= 7
        and r.summary["casualties"] < 1000
        for r in results
    ]
    assert share(quick) >= 0.8


def test_niger_2023_base_ecowas_stands_down_in_most_replicates():
    results = runs("niger-2023-base")
    assert share(not r.summary["ecowas_attacked"] for r in results) > 0.5
    stood_down = [any(rec.kind is RecordKind.STOOD_DOWN for rec in r.records) for r in results]
    assert share(stood_down) > 0.5


def test_mali_algeria_2025_art_6_is_invoked_and_the_response_stays_below_armed_force():
    results = runs("mali-algeria-2025")
    invoked = [
        any(
            rec.kind is RecordKind.OBLIGATION and rec.get("article") == "Art. 6"
            for rec in r.records
        )
        for r in results
    ]
    assert all(invoked)
    assert share(not r.summary["war_occurred"] for r in results) > 0.5


def test_niger_2023_intervention_draws_in_mali_and_burkina_faso():
    results = runs("niger-2023-intervention")
    both = [
        {"MLI", "BFA"} <= {rec.actor for rec in r.records if rec.kind is RecordKind.ENTERED_WAR}
        for r in results
    ]
    assert share(both) > 0.5
    assert share(r.summary["aes_entered"] for r in results) > 0.8


def test_behavioural_mode_honours_about_three_in_four_triggered_obligations():
    honoured = triggered = 0
    for name in bundled_names():
        scenario = load_scenario(name)
        if scenario.commitment.value != "behavioural":
            continue
        for seed in range(40):
            summary = run_one(scenario, seed).summary
            honoured += summary["obligations_honoured"]
            triggered += summary["obligations_triggered"]
    assert triggered > 100
    assert 0.65 <= honoured / triggered <= 0.85
