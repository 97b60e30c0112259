"""Guerrilla war: a rebel army in the periphery on its own, against its state (docs/model.md §7.6).

Rebels with no backer and no faction's bases do not stand and fight: each side loses a share of
its own forces each day, set by the other's fighting quality, so numbers do not decide the war,
and each side reads its odds from that quality, not from the square law.
"""

from __future__ import annotations

import math

import pytest
from conftest import civil_war_text

from sim.model.combat import guerrilla_day
from sim.model.intent import guerrilla_expectation
from sim.model.model import SahelModel
from sim.model.termination import guerrilla_odds
from sim.model.wars import ATTACKERS, DEFENDERS
from sim.model.world import build_world
from sim.scenario.facts import fact_base
from sim.scenario.loading import load_scenario

KINDS = {
    "a rebel army in the periphery": "",
    "a band that rose in the capital": "rose_in_capital: true",
    "a faction of the army": "faction_of: true",
    "a rebel army backed from outside": "backers: [GIN]",
}

QUIET = "parameters:\n  truce_breakdown_rate: 0\n"
"""Truces hold, so a war's end is its first."""


def civil_war(write, extra: str = "", army: int | None = None, seed: int = 1, days: int = 400):
    text = civil_war_text(value=3000, extra=extra, days=days) + QUIET
    if army is not None:
        text = text.replace("  GNB:\n", f"  GNB:\n    forces: {army}\n", 1)
    model = SahelModel(build_world(load_scenario(write(text)), fact_base()), seed)
    model.run()
    return model


@pytest.mark.parametrize("kind", KINDS)
def test_only_a_rebel_army_in_the_periphery_on_its_own_fights_as_guerrillas(write, kind):
    model = civil_war(write, KINDS[kind], days=2)
    war = model.wars[0]
    expected = ATTACKERS if kind == "a rebel army in the periphery" else None
    assert model.guerrilla_side(war) == expected


def test_a_backer_joining_the_guerrillas_ends_the_guerrilla_war(write):
    """A state fighting beside the rebels arms them to stand and fight (Kalyvas & Balcells 2010)."""
    model = civil_war(write, days=2)
    war = model.wars[0]
    assert model.guerrilla_side(war) == ATTACKERS
    war.commit("GIN", ATTACKERS, 500.0)
    assert model.guerrilla_side(war) is None


def test_a_state_fighting_beside_the_government_leaves_it_a_guerrilla_war(write):
    """Allies of the government do not bring the guerrillas to battle (France in Mali, 2013-22)."""
    model = civil_war(write, days=2)
    war = model.wars[0]
    war.commit("SEN", DEFENDERS, 2000.0)
    assert model.guerrilla_side(war) == ATTACKERS


def test_numbers_do_not_decide_a_guerrilla_war(write):
    """On the same seed, an army three times as large fights the same guerrilla war: the same
    end, on the same day, with each side losing the same share of its forces."""
    for seed in (1, 2, 3):
        small, large = (civil_war(write, army=a, seed=seed) for a in (4000, 12000))
        wars = small.wars[0], large.wars[0]
        assert wars[0].end == wars[1].end and wars[0].outcome == wars[1].outcome
        shares = [[w.losses[s] / w.initial[s] for s in (0, 1)] for w in wars]
        assert shares[0] == pytest.approx(shares[1], rel=1e-9)


def test_numbers_decide_a_war_the_rebels_fight_in_the_open(write):
    """The same comparison with a backed rebel army, fought by the square law: the larger army
    makes the rebels lose a larger share (the test above is not vacuous)."""
    backed = KINDS["a rebel army backed from outside"]
    small, large = (civil_war(write, backed, army=a, days=30) for a in (4000, 12000))
    rebels = [m.wars[0].losses[ATTACKERS] / m.wars[0].initial[ATTACKERS] for m in (small, large)]
    assert rebels[1] > rebels[0]


def test_a_guerrilla_day_takes_from_each_side_a_share_set_by_the_others_quality():
    for a, b in ((100.0, 100.0), (100.0, 5000.0), (7000.0, 30.0)):
        new_a, new_b = guerrilla_day(a, b, alpha=0.01, beta=0.02, quality_a=0.8, quality_b=1.5)
        assert 1 - new_a / a == pytest.approx(1 - math.exp(-0.02 * 1.5))
        assert 1 - new_b / b == pytest.approx(1 - math.exp(-0.01 * 0.8))


def test_each_side_of_a_guerrilla_war_reads_its_odds_from_fighting_quality():
    assert guerrilla_odds(1.0, 1.0) == [0.5, 0.5]
    better, worse = guerrilla_odds(1.5, 0.5)
    assert better > 0.5 > worse and better + worse == pytest.approx(1.0)
    assert guerrilla_odds(0.0, 0.0) == [0.5, 0.5]


def test_an_attacker_joining_a_guerrilla_war_expects_what_the_guerrilla_law_gives():
    rate = 0.001
    lost, wins, days = guerrilla_expectation(1.0, 1.0, 0.5, 0.3, rate)
    assert wins and days == pytest.approx(-math.log(0.7) / rate)
    assert lost == pytest.approx(0.3)  # equal quality: each side loses the same share a day
    lost, wins, days = guerrilla_expectation(1.0, 1.0, 0.3, 0.5, rate)
    assert not wins and lost == 0.3
    better = guerrilla_expectation(2.0, 1.0, 0.5, 0.5, rate)
    assert better[1] and better[2] < days, "a better army expects a shorter war"
    assert guerrilla_expectation(1.0, 1.0, 1.2, 1.0, rate)[2] == math.inf


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [("en", "fought as guerrillas"), ("fr", "mène une guérilla")],
)
def test_the_story_says_the_rebels_fought_as_guerrillas(write, sahelsim, lang, sentence):
    for kind, extra in KINDS.items():
        path = write(civil_war_text(value=3000, extra=extra, days=5))
        result = sahelsim("explain", str(path), "--seed", "1", "--lang", lang)
        assert result.status == 0
        assert (sentence in result.out) is (kind == "a rebel army in the periphery"), kind
