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

from sim.model import termination
from sim.model.combat import guerrilla_expectation
from sim.model.model import SahelModel
from sim.model.records import RecordKind
from sim.model.termination import breaking_share, stalemate
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
    """Years, not days, for an army that finds a few hidden bands a day, and never more than
    the days it would take to wear down a band with nothing lost yet."""
    model = run_days(rebellion(write), 1)
    war = model.wars[0]
    assert war.guerrillas is not None
    since, expected = war.expected_length
    assert since == war.start and 365 < expected < 3650
    fresh = guerrilla_expectation(
        1000.0, 1000.0 / 4.0, 1.0, 0.5, breaking_share(model, ["REB"]), 1.0
    )[2]
    assert expected <= fresh / (model.params.kill_rate * model.params.irregular_intensity * 0.3)


def test_what_the_government_expects_is_what_the_fighting_takes_without_chance(write):
    """With no chance in the combat and nothing but the rebels' losses to end the war, the
    rebels break on the day the government reckoned they would, when the fighting began."""
    text = civil_war_text(value=300, days=3000) + (
        "parameters:\n  capitulation_rate: 0\n  withdrawal_rate: 0\n  breaking_point: 0.9\n"
        "  mediation_rate: 0\n  combat_noise: 0\n"
    )
    model = SahelModel(build_world(load_scenario(write(text)), fact_base()), 1)
    model.run()
    war = model.wars[0]
    since, expected = war.expected_length
    [ended] = [r for r in model.records if r.kind is RecordKind.WAR_ENDED]
    assert ended.get("outcome") == "defenders_won"
    assert expected <= ended.day - since <= expected + 1


def test_the_stalemate_grows_with_the_days_fought_to_all_of_them(write):
    """Never less the longer the war, and at most 1 once it has outlasted the days expected."""
    model = run_days(rebellion(write), 1)
    war = model.wars[0]
    expected = war.expected_length[1]
    shares = []
    for day in (1, 30, 120, math.ceil(expected), math.ceil(expected) + 200):
        model.day = war.start + day
        shares.append(stalemate(model, war)[0])
    assert shares == sorted(shares)
    assert shares[0] == pytest.approx(1 / expected)
    assert shares[-2:] == [1.0, 1.0]


def test_a_government_that_never_expects_to_wear_the_rebels_down_sees_it_at_once(write):
    """Rebels who bear losses as well as it does would outlast its army: no days to count."""
    model = run_days(rebellion(write, extra="casualty_tolerance: 1.0"), 2)
    war = model.wars[0]
    assert war.expected_length == (war.start, None)
    assert stalemate(model, war) == (1.0, None)


def _first_mediation(model: SahelModel) -> int | None:
    found = mediations(run_days(model, 400))
    return found[0].day if found else None


def test_a_large_army_that_barely_bleeds_is_brought_to_talks_sooner(write, monkeypatch):
    """On common random numbers the same war is fought; the war's length can only ripen it
    sooner, and against a band of 300 it is what ripens it: each mediation names the stalemate."""
    with_it = [_first_mediation(rebellion(write, value=300, seed=s)) for s in range(1, 9)]
    monkeypatch.setattr(termination, "stalemate", lambda model, war: (0.0, None))
    losses_only = [_first_mediation(rebellion(write, value=300, seed=s)) for s in range(1, 9)]
    assert all(d is not None for d in with_it)
    assert all(b is None or a <= b for a, b in zip(with_it, losses_only, strict=True))
    assert sum(with_it) < sum(b if b is not None else 400 for b in losses_only)
    monkeypatch.undo()
    for seed in range(1, 4):
        for r in mediations(run_days(rebellion(write, value=300, seed=seed), 400)):
            outlasted = r.get("stalemate")
            assert outlasted["government"] == "GNB"
            share = outlasted["days_fought"] / outlasted["expected_days"]
            assert r.get("ripeness") <= min(1.0, share) + 1e-3


def test_the_stalemate_is_told_only_when_it_ripened_the_war(write):
    """Rebels who bear no losses lightly are the less weary side: the war is as ripe as they
    are weary, and the record does not credit the government's stalemate."""
    found = []
    for seed in range(1, 5):
        model = run_days(
            rebellion(write, value=1500, extra="casualty_tolerance: 1.0", seed=seed), 400
        )
        assert model.wars[0].guerrillas is not None
        found += mediations(model)
    assert found and not any(r.get("stalemate") for r in found)


def test_a_truce_that_breaks_down_restarts_the_government_s_reckoning(write):
    """From where the sides stand: the guerrillas have less left to lose before they break."""
    resumed = []
    for seed in range(1, 9):
        model = run_days(rebellion(write, breakdown=0.05, seed=seed), 1)
        first = model.wars[0].expected_length[1]
        war = run_days(model, 400).wars[0]
        if war.resumed is not None:
            resumed.append(war)
            since, again = war.expected_length
            assert since == war.resumed and again < first
    assert resumed


def test_no_stalemate_is_read_in_a_war_fought_in_the_open(write):
    """A faction of the army fights in the open: its war's ripeness is both sides' losses."""
    models = [run_days(rebellion(write, extra="faction_of: true", seed=s), 400) for s in (1, 2)]
    assert all(m.wars[0].guerrillas is None and m.wars[0].expected_length is None for m in models)
    assert not any(r.get("stalemate") for m in models for r in mediations(m))


STORIES = {
    "the days expected": (
        {},
        "which had expected to wear the rebels down in",
        "quand les calculs de la Guinée-Bissau prévoyaient d'en finir avec les rebelles en",
    ),
    "never expected": (
        {"extra": "casualty_tolerance: 1.0", "value": 1000},
        "which had never expected to wear the rebels down, had fought for",
        "quand les calculs de la Guinée-Bissau ne prévoyaient pas d'en finir avec les rebelles",
    ),
    "fought again": (
        {"breakdown": 0.05},
        "had fought again for",
        "la guerre, reprise, dure depuis",
    ),
}


@pytest.mark.parametrize("case", STORIES)
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_story_says_how_long_the_government_expected_and_fought(write, case, lang):
    how, english, french = STORIES[case]
    text = civil_war_text(
        value=how.get("value", 300), extra=how.get("extra", ""), days=400
    ) + TALKS.format(breakdown=how.get("breakdown", 0.0))
    run = run_one(load_scenario(write(text)), 1)
    told = [r for r in run.records if r.get("stalemate")]
    if case == "fought again":
        told = [r for r in told if r.get("stalemate").get("resumed")]
    assert told
    story = " ".join(render_text(run, lang).split())
    assert (english if lang == "en" else french) in story
    fought = told[0].get("stalemate")["days_fought"]
    assert f"{fought} {'days' if lang == 'en' else 'jours'}" in story
    if lang == "fr":
        assert "rebels" not in story and "days" not in story


ONLY_THE_PARTIES = (
    "title: A rebellion\nstart: 1998-06-07\ndays: 400\nactors:\n  GNB:\n"
    "  REB:\n    kind: belligerent\n    name: the Rebel Army\n    name_fr: l'Armée rebelle\n"
    "    sources: [https://example.org/rebels]\n    in: {home}\n{extra}"
    "    forces: {{value: 1000, year: 1998, unit: fighters, source: https://example.org/r}}\n"
    "{more}events:\n  revolt:\n    kind: attack\n    date: 1998-06-07\n    by: REB\n"
    "    target: GNB\n{events}"
    "parameters:\n  mediation_rate: 0.5\n  capitulation_rate: 0\n  breaking_point: 0.9\n"
)

STRIKE = (
    "  strike:\n    kind: third_party_force\n    date: 1998-06-08\n    party: SEN\n"
    "    target: {target}\n{until}"
)

SWORN = (
    "  BBB:\n    kind: belligerent\n    name: the Second Army\n    name_fr: la Deuxième Armée\n"
    "    sources: [https://example.org/b]\n    in: GNB\n    fights_beside: [REB]\n"
    "    backers: [SEN]\n"
    "    forces: {value: 200, year: 1998, unit: fighters, source: https://example.org/b}\n"
)


@pytest.mark.parametrize(
    ("home", "extra", "more", "events", "noted"),
    [
        ("GNB", "", "", "", True),
        ("GNB", "    backers: [SEN]\n", "  SEN:\n", "", True),
        ("GNB", "", "  SEN:\n" + SWORN, "", True),
        ("GNB", "", "  SEN:\n", "", False),
        ("SEN", "", "  SEN:\n", "", False),
        ("GNB", "    fights_beside: [SEN]\n", "  SEN:\n", "", False),
        ("GNB", "", "  SEN:\n", STRIKE.format(target="REB", until=""), True),
        (
            "GNB",
            "",
            "  SEN:\n",
            STRIKE.format(target="REB", until="    until: 1998-06-20\n"),
            False,
        ),
        (
            "GNB",
            "    backers: [GIN]\n",
            "  SEN:\n  GIN:\n",
            STRIKE.format(target="GIN", until=""),
            False,
        ),
    ],
    ids=[
        "the parties alone",
        "and the rebels' backer",
        "and a backer of a belligerent sworn to the rebels",
        "and a neighbour outside the war",
        "and the neighbour the rebels are based in",
        "and a neighbour whose wars the rebels would join",
        "and a neighbour striking the rebels to the end",
        "and a neighbour striking the rebels for a fortnight",
        "and a neighbour striking the rebels' backer",
    ],
)
def test_validating_says_when_no_state_could_broker_a_ceasefire(
    write, sahelsim, home, extra, more, events, noted
):
    """A reader wrote rebellions with the parties alone: no war of theirs could end in talks.
    The note says so exactly when the run agrees that no state ever brokers one."""
    path = write(ONLY_THE_PARTIES.format(home=home, extra=extra, more=more, events=events))
    result = sahelsim("validate", str(path))
    assert result.status == 0 and "Traceback" not in result.err
    said = "no state of the scenario stands outside the war events.revolt starts (REB against GNB)"
    assert (said in " ".join(result.out.split())) is noted
    brokered = []
    for seed in (1, 2, 3):
        model = SahelModel(build_world(load_scenario(path), fact_base()), seed)
        model.run()
        brokered += mediations(model)
    assert (not brokered) is noted


SOUTHERN_REBELS = (
    "  RSN:\n    kind: belligerent\n    name: the Southern Rebels\n"
    "    name_fr: les Rebelles du Sud\n    sources: [https://example.org/south]\n    in: SEN\n"
    "    in_the_open: true\n"
    "    forces: {value: 300, year: 1998, unit: fighters, source: https://example.org/s}\n"
)
"""Rebels in Senegal whom its army breaks within months, in the open."""
SOUTHERN_RISING = (
    "  southern:\n    kind: attack\n    date: 1998-06-07\n    by: RSN\n    target: SEN\n"
)


def test_a_state_fighting_a_war_of_its_own_mediates_only_once_it_is_over(write, sahelsim):
    """Two rebellions at once, each state the other's only neighbour: neither can broker the
    other's ceasefire while its own war goes on, and the note says so of both. Senegal's war
    ends within months, and only then does it broker Guinea-Bissau's."""
    path = write(
        ONLY_THE_PARTIES.format(
            home="GNB", extra="", more="  SEN:\n" + SOUTHERN_REBELS, events=SOUTHERN_RISING
        )
    )
    result = sahelsim("validate", str(path))
    said = " ".join(result.out.split())
    assert result.status == 0
    assert (
        "the only states of the scenario standing outside the war events.revolt starts "
        "(REB against GNB) fight events.southern, so none can broker a ceasefire in it while "
        "that war goes on" in said
    )
    assert "outside the war events.southern starts (RSN against SEN) fight events.revolt" in said
    brokered = 0
    for seed in (1, 2, 3):
        model = SahelModel(build_world(load_scenario(path), fact_base()), seed)
        model.run()
        ended = {r.get("war"): r.day for r in model.records if r.kind is RecordKind.WAR_ENDED}
        for talks in mediations(model):
            brokered += 1
            others = [day for war, day in ended.items() if war != talks.get("war")]
            assert others and min(others) < talks.day, "a mediator whose own war was over"
    assert brokered
