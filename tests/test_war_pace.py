"""The pace of a war with a rebel party, and how the odds weigh on a side's will to fight on.

A rebel army in the periphery, a faction of the army, or a rebel army with outside backers draws
a war out (it is fought at ``irregular_intensity``); a band that rose in the capital with none of
these is fought at the full rate (docs/model.md §7.6). A side gives up under weariness in
proportion to the odds against it (§7.8).
"""

from __future__ import annotations

import itertools

import pytest
from conftest import civil_war_text

from sim.model.combat import win_chance
from sim.model.model import SahelModel
from sim.model.termination import odds_against
from sim.model.world import build_world
from sim.run.replicate import run_one
from sim.scenario.facts import fact_base
from sim.scenario.loading import load_scenario

QUIET = "parameters:\n  truce_breakdown_rate: 0\n  irregular_intensity: {intensity}\n"
"""Truces hold (a reopened war would blur its length) and the civil war's intensity is set."""

CAPITAL = "rose_in_capital: true"
KINDS = {
    "a band that rose in the capital": CAPITAL,
    "a rebel army in the periphery": "",
    "a faction of the army": "faction_of: true",
    "a rebel army backed from outside": "backers: [GIN]",
}


def first_war(write, extra: str, intensity: float = 0.2, seed: int = 1, value: int = 3000):
    text = civil_war_text(value=value, extra=extra, days=300) + QUIET.format(intensity=intensity)
    model = SahelModel(build_world(load_scenario(write(text)), fact_base()), seed)
    model.run()
    return model.wars[0]


@pytest.mark.parametrize("kind", KINDS)
def test_only_a_faction_or_a_backed_rebel_army_draws_a_war_out(write, kind):
    war = first_war(write, KINDS[kind])
    assert war.irregular is (kind != "a band that rose in the capital")


def test_the_intensity_of_a_civil_war_does_not_touch_a_band_that_rose_in_the_capital(write):
    """Its war is fought at the full rate, so the same seed tells the same story at any intensity."""
    stories = []
    for intensity in (0.05, 0.5):
        text = civil_war_text(days=300, extra=CAPITAL) + QUIET.format(intensity=intensity)
        path = write(text)
        stories.append(run_one(load_scenario(path), 3).records)
    assert stories[0] == stories[1]


def test_the_intensity_of_a_civil_war_paces_a_rebel_army_in_the_periphery(write):
    lengths = []
    for intensity in (0.05, 0.5):
        war = first_war(write, KINDS["a rebel army in the periphery"], intensity=intensity)
        lengths.append((war.end if war.end is not None else 300) - war.start)
    assert lengths[0] > lengths[1]


def test_a_side_facing_k_times_its_strength_weighs_k_squared_the_odds_against():
    even = odds_against(0.5)
    assert even == pytest.approx(0.25)  # where (1 - odds)^2 put it before
    for k in (2.0, 3.6, 10.0):
        assert odds_against(win_chance(1.0, k)) == pytest.approx(k * k * even)
        assert odds_against(win_chance(k, 1.0)) == pytest.approx(even / (k * k))


def test_the_worse_a_sides_odds_the_more_the_odds_against_weigh():
    odds = [i / 100 for i in range(1, 100)]
    weights = [odds_against(p) for p in odds]
    assert all(a > b for a, b in itertools.pairwise(weights))
    assert odds_against(0.0) > 0  # a side with no odds left is guarded, not divided by zero


def test_a_band_gives_up_sooner_the_more_it_is_outnumbered(write):
    """On the same seeds, a smaller band facing the same government fights shorter wars."""

    def total_days(value: int) -> int:
        total = 0
        for seed in range(1, 9):
            war = first_war(write, CAPITAL, seed=seed, value=value)
            total += (war.end if war.end is not None else 300) - war.start
        return total

    assert total_days(400) < total_days(3000)


def test_a_backed_rebel_army_joining_a_bands_war_draws_it_out(write):
    """The pace is a party's, whenever it joins: a band's war turns irregular once a rebel army
    with outside backers attacks the band in it (it enters that war, §7.6)."""
    second = (
        "  RB2:\n    kind: belligerent\n    name: the Second Army\n    name_fr: la Deuxième Armée\n"
        "    sources: [https://example.org/rebels]\n    in: GNB\n    backers: [GIN]\n"
        "    forces: {value: 2000, year: 1998, unit: fighters, source: https://example.org/r}\n"
    )
    attack = "  second:\n    kind: attack\n    date: 1998-06-09\n    by: RB2\n    target: REB\n"
    text = civil_war_text(value=3000, days=300, actors=second, events=attack, extra=CAPITAL)
    model = SahelModel(
        build_world(load_scenario(write(text + QUIET.format(intensity=0.2))), fact_base()), 1
    )
    model.step()
    [war] = model.wars
    assert not war.irregular, "the band's war is fought at the full rate until the army joins"
    while model.day < 3:
        model.step()
    assert len(model.wars) == 1 and war.side_of("RB2") is not None
    assert war.irregular


@pytest.mark.parametrize("with_", ["faction_of: true", "backers: [GIN]"])
def test_a_band_in_the_capital_cannot_be_a_faction_or_backed(write, sahelsim, with_):
    """A faction or a backed rebel army draws its war out wherever it rose: saying it rose in the
    capital would change nothing, so the file is refused, with the place and the reason."""
    path = write(civil_war_text(extra=f"{with_}\n{CAPITAL}"))
    result = sahelsim("validate", str(path))
    assert result.status == 2 and "Traceback" not in result.err
    assert "actors.REB: 'rose_in_capital' is for a band with no backer" in result.out
