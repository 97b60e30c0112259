"""Decision rules and dynamics as pure functions: tables in, outcomes out."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sim.model.combat import square_law_closed_form, square_law_day, win_chance
from sim.model.decisions import Situation, decide, honour_probability, vote_passes
from sim.model.insurgency import Insurgents, carrying_capacity, insurgent_day
from sim.model.records import Response
from sim.scenario.parameters import Parameters
from sim.scenario.vocabulary import Commitment, DecisionRule, PactAction

PARAMS = Parameters()
AVERAGE = Situation(resolve=0.5, affinity=0.5, capacity=0.5, cost=0.5, pressure=0.0, reputation=0.5)


def test_an_average_state_honours_at_the_base_rate():
    p, _ = honour_probability(AVERAGE, PactAction.ARMED_ASSISTANCE, PARAMS)
    assert p == pytest.approx(PARAMS.honour_base_rate)


@pytest.mark.parametrize(
    ("term", "low", "high"),
    [
        ("resolve", 0.1, 0.9),
        ("affinity", 0.0, 1.0),
        ("capacity", 0.1, 0.9),
        ("reputation", 0.2, 0.8),
    ],
)
def test_more_of_a_good_term_never_lowers_the_chance_of_honouring(term, low, high):
    weak = honour_probability(
        AVERAGE.__class__(**{**AVERAGE.__dict__, term: low}), PactAction.ARMED_ASSISTANCE, PARAMS
    )[0]
    strong = honour_probability(
        AVERAGE.__class__(**{**AVERAGE.__dict__, term: high}), PactAction.ARMED_ASSISTANCE, PARAMS
    )[0]
    assert strong > weak


@pytest.mark.parametrize(("term", "low", "high"), [("cost", 0.1, 0.9), ("pressure", 0.0, 1.0)])
def test_more_cost_or_insurgency_at_home_lowers_the_chance_of_honouring(term, low, high):
    light = honour_probability(
        AVERAGE.__class__(**{**AVERAGE.__dict__, term: low}), PactAction.ARMED_ASSISTANCE, PARAMS
    )[0]
    heavy = honour_probability(
        AVERAGE.__class__(**{**AVERAGE.__dict__, term: high}), PactAction.ARMED_ASSISTANCE, PARAMS
    )[0]
    assert heavy < light


def test_cost_weighs_on_armed_assistance_more_than_on_consultation():
    costly = AVERAGE.__class__(**{**AVERAGE.__dict__, "cost": 0.95})
    armed = honour_probability(costly, PactAction.ARMED_ASSISTANCE, PARAMS)[0]
    consult = honour_probability(costly, PactAction.CONSULT, PARAMS)[0]
    assert consult > armed


@given(st.floats(0, 1), st.floats(0, 1), st.floats(0, 0.999))
def test_a_higher_base_rate_never_turns_an_honour_into_a_defection(low, high, draw):
    low, high = sorted((low, high))
    r_low = decide(
        AVERAGE,
        PactAction.ARMED_ASSISTANCE,
        Commitment.BEHAVIOURAL,
        draw,
        Parameters(honour_base_rate=low),
    ).response
    r_high = decide(
        AVERAGE,
        PactAction.ARMED_ASSISTANCE,
        Commitment.BEHAVIOURAL,
        draw,
        Parameters(honour_base_rate=high),
    ).response
    if r_low is Response.HONOURED:
        assert r_high is Response.HONOURED


@pytest.mark.parametrize(
    ("draw", "expected"),
    [(0.10, Response.HONOURED), (0.80, Response.PARTIAL), (0.95, Response.ABSTAINED)],
)
def test_one_draw_decides_honour_partial_or_abstain(draw, expected):
    # base rate 0.75 and partial share 0.5: honour below 0.75, partial to 0.875, abstain above
    assert (
        decide(AVERAGE, PactAction.ARMED_ASSISTANCE, Commitment.BEHAVIOURAL, draw, PARAMS).response
        is expected
    )


def test_strict_mode_keeps_every_pledge_whatever_the_draw():
    hopeless = Situation(0.0, 0.0, 0.0, 1.0, 1.0, 0.0)
    decision = decide(hopeless, PactAction.ARMED_ASSISTANCE, Commitment.STRICT, 0.999, PARAMS)
    assert decision.response is Response.HONOURED and decision.probability == 1.0


@pytest.mark.parametrize(
    ("yes", "members", "rule", "passes"),
    [
        (3, 3, DecisionRule.UNANIMITY, True),
        (2, 3, DecisionRule.UNANIMITY, False),
        (5, 9, DecisionRule.MAJORITY, True),
        (4, 8, DecisionRule.MAJORITY, False),
        (6, 9, DecisionRule.TWO_THIRDS, True),
        (5, 9, DecisionRule.TWO_THIRDS, False),
        (0, 0, DecisionRule.MAJORITY, False),
    ],
)
def test_voting_rules(yes, members, rule, passes):
    assert vote_passes(yes, members, rule) is passes


@pytest.mark.parametrize(
    ("a0", "b0", "alpha", "beta"), [(10000, 8000, 0.004, 0.004), (5000, 9000, 0.01, 0.003)]
)
def test_daily_combat_follows_the_closed_form_square_law(a0, b0, alpha, beta):
    a, b = a0, b0
    for day in range(1, 60):
        a, b = square_law_day(a, b, alpha, beta)
        ca, cb = square_law_closed_form(a0, b0, alpha, beta, day)
        if min(ca, cb) <= 0:
            break
        assert a == pytest.approx(ca, rel=0.01)
        assert b == pytest.approx(cb, rel=0.01)


@given(st.floats(1, 1e5), st.floats(1, 1e5), st.floats(1e-4, 0.5), st.floats(1e-4, 0.5))
def test_combat_never_makes_forces_negative_and_keeps_the_square_law_invariant(a, b, alpha, beta):
    na, nb = square_law_day(a, b, alpha, beta)
    assert na >= 0 and nb >= 0
    assert na <= a and nb <= b
    if na > 0 and nb > 0:
        assert alpha * na**2 - beta * nb**2 == pytest.approx(
            alpha * a**2 - beta * b**2, rel=1e-6, abs=1e-3
        )


def test_win_chance_is_the_share_of_squared_strength():
    assert win_chance(3, 4) == pytest.approx(9 / 25)
    assert win_chance(0, 4) == 0.0


def test_insurgency_holds_steady_at_full_effort_and_grows_when_effort_falls():
    r, e = 0.006, 0.004
    k = carrying_capacity(1000, r, e)
    steady = insurgent_day(1000, k, r, e, effort=1.0)
    grown = insurgent_day(1000, k, r, e, effort=0.5)
    assert steady == pytest.approx(1000)
    assert grown > 1000


def test_without_a_ceiling_insurgency_is_exponential():
    assert math.isinf(carrying_capacity(1000, 0.004, 0.006))
    assert insurgent_day(1000, math.inf, 0.004, 0.006, effort=0.0) == pytest.approx(1004)


def test_a_day_of_insurgency_steps_each_cell_by_its_own_countrys_effort_and_totals_by_group():
    # two groups over three countries; country 1 has lost half its counter-insurgency effort
    cells = [(0, 0, 1000.0), (0, 1, 1000.0), (1, 1, 500.0), (1, 2, 0.0)]
    insurgents = Insurgents(cells, 2, 2, 0.006, 0.004)
    totals = insurgents.day([1.0, 0.5, 1.0], [0.0, 0.0, 0.0, 0.0])
    steady, grown, small, empty = insurgents.strength
    assert steady == pytest.approx(1000) and grown > 1000 and small > 500 and empty == 0
    assert totals == insurgents.by_group() == [steady + grown, small + empty]
    assert grown == insurgent_day(1000, insurgents.capacity[1], 0.006, 0.004, effort=0.5)
