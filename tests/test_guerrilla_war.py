"""Guerrilla war: a rebel army in the periphery on its own, against its state (docs/model.md §7.6).

Rebels with no backer and no faction's bases, weaker than the army sent against them, do not
stand and fight: their aimed fire takes from the army in proportion to their number, and the
army's fire at hidden bands takes a share of them set by its fighting quality, not its numbers
(Deitchman's guerrilla law). Each side reads its odds from the same law.
"""

from __future__ import annotations

import math

import pytest
from conftest import civil_war_text

from sim.model.combat import guerrilla_day, guerrilla_expectation, guerrilla_win_chance
from sim.model.model import SahelModel
from sim.model.records import RecordKind
from sim.model.termination import side_odds
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

QUIET = (
    "parameters:\n  truce_breakdown_rate: 0\n  capitulation_rate: 0\n  mediation_rate: 0\n"
    "  breaking_point: 0.9\n  withdrawal_rate: 0\n"
)
"""No war ends for weariness or talks, so that what the fighting does can be read."""

REVOLT = "  revolt:\n    kind: attack\n    date: 1998-06-07\n    by: REB\n    target: GNB\n"
"""The rebels' rising in :func:`civil_war_text`."""

SWORN = (
    "  RB2:\n    kind: belligerent\n    name: the Second Army\n    name_fr: la Deuxième Armée\n"
    "    sources: [https://example.org/rebels]\n    in: GNB\n    fights_beside: [REB]\n{extra}"
    "    forces: {{value: 300, year: 1998, unit: fighters, source: https://example.org/r}}\n"
)
"""A second belligerent, sworn to fight beside the rebels."""


def model_of(write, text: str, seed: int = 1) -> SahelModel:
    return SahelModel(build_world(load_scenario(write(text)), fact_base()), seed)


def civil_war(write, extra: str = "", *, value: int = 1000, army: int | None = None, **kw):
    """Guinea-Bissau's army against a rebel army of ``value`` (the army's 4,493 by default)."""
    text = civil_war_text(value=value, extra=extra, **kw) + QUIET
    if army is not None:
        text = text.replace("  GNB:\n", f"  GNB:\n    forces: {army}\n", 1)
    return model_of(write, text)


def run_days(model: SahelModel, days: int) -> SahelModel:
    while model.day < days:
        model.step()
    return model


@pytest.mark.parametrize("kind", KINDS)
def test_only_a_rebel_army_in_the_periphery_on_its_own_fights_as_guerrillas(write, kind):
    model = run_days(civil_war(write, KINDS[kind]), 1)
    expected = ATTACKERS if kind == "a rebel army in the periphery" else None
    assert model.wars[0].guerrillas == expected


def test_rebels_stronger_than_the_army_sent_against_them_stand_and_fight(write):
    """Irregular war is the technology of the weaker side (Kalyvas & Balcells 2010)."""
    model = run_days(civil_war(write, value=4000), 1)  # the army's home defence is about 2,700
    assert model.wars[0].guerrillas is None


def test_an_attempted_coup_is_no_guerrilla_war(write):
    text = civil_war_text(value=300).replace(REVOLT, REVOLT + "    scale: coup_attempt\n")
    model = run_days(model_of(write, text), 1)
    assert model.wars[0].coup_attempt and model.wars[0].guerrillas is None


@pytest.mark.parametrize(("extra", "guerrillas"), [("", True), ("    faction_of: true\n", False)])
def test_who_is_sworn_beside_the_rebels_decides_the_war_they_fight(write, extra, guerrillas):
    """A second rebel band beside them is guerrillas too; a faction of the army sworn beside them
    brings its bases and arsenals, and the war is fought in the open from its first day."""
    text = civil_war_text(value=1000, actors=SWORN.format(extra=extra)) + QUIET
    model = run_days(model_of(write, text), 1)
    war = model.wars[0]
    assert war.side_of("RB2") == ATTACKERS
    assert (war.guerrillas == ATTACKERS) is guerrillas
    [started] = [r for r in model.records if r.kind is RecordKind.WAR_STARTED]
    assert started.get("guerrillas") == (["REB", "RB2"] if guerrillas else None)


def test_a_backer_that_joins_the_guerrillas_ends_their_guerrilla_war_for_good(write):
    """Armed to stand and fight, the rebels fight in the open even after the backer goes home."""
    model = run_days(civil_war(write), 1)
    war = model.wars[0]
    war.commit("GIN", ATTACKERS, 500.0)
    model.backed(war, "GIN", None)
    assert war.guerrillas is None
    war.sides[ATTACKERS].pop("GIN")
    model.step()
    assert war.guerrillas is None


def test_a_state_fighting_beside_the_government_leaves_it_a_guerrilla_war(write):
    """Allies of the government do not bring the guerrillas to battle (France in Mali, 2013-22)."""
    model = run_days(civil_war(write), 1)
    war = model.wars[0]
    war.commit("SEN", DEFENDERS, 2000.0)
    model.backed(war, "SEN", None)
    assert war.guerrillas == ATTACKERS


def test_a_small_band_takes_from_the_army_in_proportion_to_its_number(write):
    """Twenty rebels cannot inflict what a thousand do: the guerrillas' fire is aimed."""
    losses = {}
    for value in (20, 1000):
        war = run_days(civil_war(write, value=value), 60).wars[0]
        assert war.guerrillas == ATTACKERS and war.ongoing
        losses[value] = war.losses[DEFENDERS]
    assert 0 < losses[20] < losses[1000] / 20


def test_a_larger_army_does_not_find_more_hidden_bands(write):
    """On the same seed, the rebels lose the same share of themselves facing an army three
    times as large; the larger army loses a smaller share of its own."""
    wars = [run_days(civil_war(write, army=army), 60).wars[0] for army in (4000, 12000)]
    shares = [[w.losses[s] / w.initial[s] for s in (ATTACKERS, DEFENDERS)] for w in wars]
    assert shares[0][ATTACKERS] == pytest.approx(shares[1][ATTACKERS], rel=1e-9)
    assert shares[1][DEFENDERS] < shares[0][DEFENDERS]


def test_a_guerrilla_war_reads_its_odds_by_deitchmans_law(write):
    """The odds each side's capitulation and a truce's breakdown weigh (docs/model.md §7.8)."""
    model = run_days(civil_war(write), 5)
    war = model.wars[0]
    strength = [model.side_strength(war, s) for s in (ATTACKERS, DEFENDERS)]
    odds = side_odds(model, war, strength)
    quality = model.fighting_quality(war)[DEFENDERS]
    assert odds[ATTACKERS] == pytest.approx(guerrilla_win_chance(*strength, quality))
    assert sum(odds) == pytest.approx(1.0)
    square_law = strength[ATTACKERS] ** 2 / sum(x * x for x in strength)
    assert odds[ATTACKERS] > square_law, "a band reads better odds than it would in the open"


def test_a_guerrilla_day_is_deitchmans_law():
    left, held = guerrilla_day(1000.0, 5000.0, rate_g=0.01, rate_gov=0.02, quality_gov=1.5)
    assert left == pytest.approx(1000.0 * math.exp(-0.03))
    assert 5000.0 - held == pytest.approx(0.01 * (1000.0 - left) / 0.03)
    # the band's share lost does not depend on the army's numbers
    assert guerrilla_day(1000.0, 50_000.0, 0.01, 0.02, 1.5)[0] == pytest.approx(left)
    assert guerrilla_day(20.0, 5000.0, 0.01, 0.02, 1.5)[1] > held, "twenty take less than 1,000"
    assert guerrilla_win_chance(1000.0, 3000.0, 1.0) == pytest.approx(0.25)


def test_a_side_fighting_guerrillas_expects_what_the_guerrilla_law_gives():
    rate, own, enemy = 0.001, 5000.0, 1000.0
    lost, wins, days = guerrilla_expectation(own, enemy, 1.0, 0.5, 0.3, rate)
    assert wins and lost == pytest.approx(enemy * 0.3 / own)
    assert days == pytest.approx(-math.log(0.7) / rate)
    assert guerrilla_expectation(own, enemy, 1.0, 0.5, 0.3, rate / 10)[0] == pytest.approx(lost)
    better = guerrilla_expectation(own, enemy, 2.0, 0.5, 0.3, rate)
    assert better[0] < lost and better[2] < days, "a better army loses less, sooner"
    lost, wins, days = guerrilla_expectation(1000.0, 5000.0, 1.0, 0.3, 0.5, rate)
    assert not wins and lost == 0.3 and days < math.inf
    assert guerrilla_expectation(own, enemy, 1.0, 0.5, 1.2, rate)[1:] == (False, math.inf)


@pytest.mark.parametrize(("extra", "guerrillas"), [("", True), ("backers: [GIN]", False)])
def test_a_government_threatening_its_own_rebels_weighs_the_war_it_would_fight(
    write, extra, guerrillas
):
    threat = (
        "  ultimatum:\n    kind: threat\n    date: 1998-06-07\n    by: GNB\n    target: REB\n"
        "    deadline: 1998-06-09\n"
    )
    text = civil_war_text(value=1000, extra=extra, days=20).replace(REVOLT, threat)
    model = run_days(model_of(write, text), 3)
    weighed = [
        r
        for r in model.records
        if r.kind in (RecordKind.ATTACK_DECIDED, RecordKind.DEADLINE_PASSED) and r.actor == "GNB"
    ]
    assert weighed
    assert all(r.get("terms").get("guerrilla war", False) is guerrillas for r in weighed)


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [("en", "fought as guerrillas"), ("fr", "mène une guérilla")],
)
def test_the_story_says_the_rebels_fought_as_guerrillas(write, sahelsim, lang, sentence):
    for kind, extra in KINDS.items():
        path = write(civil_war_text(value=1000, extra=extra, days=5))
        result = sahelsim("explain", str(path), "--seed", "1", "--lang", lang)
        assert result.status == 0
        assert (sentence in result.out) is (kind == "a rebel army in the periphery"), kind


def test_the_french_story_agrees_with_two_bands(write, sahelsim):
    path = write(civil_war_text(value=1000, actors=SWORN.format(extra=""), days=5))
    result = sahelsim("explain", str(path), "--seed", "1", "--lang", "fr")
    assert "mènent une guérilla" in result.out


CRACKDOWN = "  crackdown:\n    kind: attack\n    date: 1998-06-07\n    by: GNB\n    target: REB\n"
"""The government attacks its rebels first: the guerrillas are the defenders."""


def test_guerrillas_attacked_by_their_government_fight_as_guerrillas_too(write):
    """The same law with the sides the other way round: an army three times as large takes the
    same share of the rebels, on the same seed."""
    shares = []
    for army in (4000, 12000):
        text = civil_war_text(value=300).replace(REVOLT, CRACKDOWN) + QUIET
        text = text.replace("  GNB:\n", f"  GNB:\n    forces: {army}\n", 1)
        war = run_days(model_of(write, text), 60).wars[0]
        assert war.leaders == ("GNB", "REB") and war.guerrillas == DEFENDERS
        shares.append(war.losses[DEFENDERS] / war.initial[DEFENDERS])
    assert shares[0] == pytest.approx(shares[1], rel=1e-9)


@pytest.mark.parametrize("defenders", [True, False])
def test_scheduled_defenders_beside_the_rebels_make_it_a_war_in_the_open(write, defenders):
    """Placed beside the rebels on the war's first day, a state arms them to stand and fight: the
    record and the story do not call them guerrillas (they are, without it)."""
    crackdown = CRACKDOWN + ("    defenders: [GIN]\n" if defenders else "")
    text = civil_war_text(value=300, days=5).replace(REVOLT, crackdown)
    model = run_days(model_of(write, text + QUIET), 1)
    war = model.wars[0]
    assert (war.side_of("GIN") == DEFENDERS) is defenders
    assert (war.guerrillas is None) is defenders
    [started] = [r for r in model.records if r.kind is RecordKind.WAR_STARTED]
    assert (started.get("guerrillas") is None) is defenders


def test_rebels_fighting_a_rival_rebel_army_are_no_guerrillas_against_it(write):
    """A rival rebel army is no government, whatever state it fights in."""
    rival = SWORN.format(extra="    backers: [SEN]\n").replace("    fights_beside: [REB]\n", "")
    strike = "  strike:\n    kind: attack\n    date: 1998-06-08\n    by: RB2\n    target: REB\n"
    text = civil_war_text(value=200, actors=rival, events=strike, days=5)
    model = run_days(model_of(write, text.replace(REVOLT, "") + QUIET), 2)
    [war] = model.wars
    assert war.leaders == ("RB2", "REB") and war.guerrillas is None


def test_capitulating_guerrillas_read_their_odds_by_deitchmans_law(write):
    """The odds a capitulation records are the guerrilla law's, from the sides as they stood."""
    fragile = (
        "parameters:\n  capitulation_rate: 5\n  baseline_weariness: 0.5\n  mediation_rate: 0\n"
    )
    ended = 0
    for seed in range(1, 4):
        model = model_of(write, civil_war_text(value=1000, days=120) + fragile, seed)
        model.run()
        war = model.wars[0]
        ends = [r for r in model.records if r.kind is RecordKind.WAR_ENDED]
        if not ends or ends[0].get("reason") != "capitulation under war weariness":
            continue
        r = ends[0]
        ended += 1
        strength = [model.side_strength(war, s) for s in (ATTACKERS, DEFENDERS)]
        quality = model.fighting_quality(war)[DEFENDERS]
        odds = guerrilla_win_chance(*strength, quality)
        side = ATTACKERS if r.get("loser") == "REB" else DEFENDERS
        expected = odds if side == ATTACKERS else 1 - odds
        assert r.get("terms")["odds"] == pytest.approx(round(expected, 4), abs=1e-4)
        # the guerrillas weigh even odds, whatever they read; the army weighs its own
        assert r.get("terms").get("odds_weighed") == (0.5 if side == ATTACKERS else None)
    assert ended


FRAGILE = (
    "parameters:\n  capitulation_rate: 5\n  baseline_weariness: 0.5\n  mediation_rate: 0\n"
    "  withdrawal_rate: 0\n"
)
"""Sides that give up quickly, so that who gives up when can be read within weeks."""


def _surrender(write, extra: str, army: int, seed: int) -> tuple:
    """The day and loser of the war's end, the rebels 1,000 against a resolute army of ``army``."""
    text = civil_war_text(value=1000, extra=extra, days=120) + FRAGILE
    text = text.replace("  GNB:\n", f"  GNB:\n    forces: {army}\n    resolve: 1\n", 1)
    model = model_of(write, text, seed)
    model.run()
    end = next(r for r in model.records if r.kind is RecordKind.WAR_ENDED)
    return end.day, end.get("loser"), end.get("reason")


def test_the_army_s_size_does_not_hasten_the_guerrillas_surrender(write):
    """Guerrillas rose knowing the army outnumbered them, and refuse the battles that would show
    them more (docs/model.md §7.8): an army twice the size finds no more of them, and they give
    up on the same day. Before the rule they gave up weeks sooner against the larger army."""
    for seed in range(1, 7):
        small, large = (_surrender(write, "", army, seed) for army in (4493, 9000))
        assert small == large
        assert small[1:] == ("REB", "capitulation under war weariness")


def test_guerrillas_the_fighting_shows_winning_weigh_their_own_odds(write):
    """Against an army of half an average army's effectiveness the guerrillas read better than
    even odds: they weigh those, as any side does, and never the worse even odds (a reviewer's
    finding: weighing even odds made winning guerrillas give up sooner)."""
    text = civil_war_text(value=1000, days=120) + FRAGILE
    text = text.replace("  GNB:\n", "  GNB:\n    effectiveness: 0.5\n    resolve: 1\n", 1)
    ends = []
    for seed in range(1, 7):
        model = model_of(write, text, seed)
        model.run()
        ends += [r for r in model.records if r.kind is RecordKind.WAR_ENDED]
    gave_up = [r.get("terms") for r in ends if r.get("loser") == "REB"]
    assert gave_up and all(t["odds"] > 0.5 and "odds_weighed" not in t for t in gave_up)


def test_rebels_in_the_open_give_up_no_later_against_a_larger_army(write):
    """A rebel army backed from outside stands and fights: the fighting shows it the odds, and a
    larger army never makes it hold out longer."""
    days = [
        [_surrender(write, "backers: [GIN]", army, seed)[0] for army in (4493, 9000)]
        for seed in range(1, 7)
    ]
    assert all(large <= small for small, large in days)
    assert any(large < small for small, large in days)


def _weighed(model: SahelModel, actor: str) -> list:
    kinds = (RecordKind.ATTACK_DECIDED, RecordKind.DEADLINE_PASSED)
    return [r for r in model.records if r.kind in kinds and r.actor == actor]


def test_an_ally_threatening_guerrillas_at_war_weighs_the_guerrilla_war_it_would_join(write):
    threat = (
        "  ultimatum:\n    kind: threat\n    date: 1998-06-08\n    by: SEN\n    target: REB\n"
        "    deadline: 1998-06-10\n"
    )
    model = run_days(model_of(write, civil_war_text(value=1000, events=threat, days=20)), 4)
    weighed = _weighed(model, "SEN")
    assert weighed and all(r.get("terms").get("guerrilla war") for r in weighed)


@pytest.mark.parametrize(
    ("value", "actors"),
    [(4000, ""), (1000, SWORN.format(extra="    faction_of: true\n"))],
    ids=["rebels stronger than the army", "a faction sworn beside them"],
)
def test_a_government_expects_a_war_in_the_open_where_it_would_be_one(write, value, actors):
    threat = (
        "  ultimatum:\n    kind: threat\n    date: 1998-06-07\n    by: GNB\n    target: REB\n"
        "    deadline: 1998-06-09\n"
    )
    text = civil_war_text(value=value, actors=actors, days=20).replace(REVOLT, threat)
    model = run_days(model_of(write, text), 3)
    weighed = _weighed(model, "GNB")
    assert weighed and not any(r.get("terms").get("guerrilla war") for r in weighed)


@pytest.mark.parametrize("kind", KINDS)
def test_validating_says_which_rebels_will_fight_as_guerrillas(write, sahelsim, kind):
    """A writer who leaves out a backer the sources were unsure of changes how the war is
    fought: validating says so, as a note (exit 0)."""
    result = sahelsim("validate", str(write(civil_war_text(value=1000, extra=KINDS[kind]))))
    assert result.status == 0
    said = "The Rebel Army (REB) has no backer and is no faction" in result.out
    assert said is (kind == "a rebel army in the periphery")


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "the Rebel Army no longer fought as guerrillas"),
        ("fr", "cesse de mener une guérilla"),
    ],
)
def test_a_state_standing_beside_guerrillas_mid_war_is_told_to_arm_them(
    write, sahelsim, lang, sentence
):
    """Guinea placed beside the rebels on the war's fifth day: they fight in the open from then
    on, and the story says so the day Guinea enters."""
    later = (
        "  second:\n    kind: attack\n    date: 1998-06-12\n    by: GNB\n    target: REB\n"
        "    defenders: [GIN]\n"
    )
    text = civil_war_text(value=300, events=later, days=10) + QUIET
    model = run_days(model_of(write, text), 6)
    [war] = model.wars
    assert war.side_of("GIN") == ATTACKERS and war.guerrillas is None
    [entered] = [r for r in model.records if r.kind is RecordKind.ENTERED_WAR and r.actor == "GIN"]
    assert entered.get("armed") == ["REB"] and entered.day == 5
    result = sahelsim("explain", str(write(text)), "--seed", "1", "--lang", lang)
    assert sentence in result.out
