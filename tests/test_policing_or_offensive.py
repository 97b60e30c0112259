"""A state struck by armed groups chooses policing or an offensive (docs/model.md §7.11).

Once, the first day it could answer, at a chance of ``offensive_share``, it chooses to answer
with an offensive; otherwise it polices, and the story says so. Having chosen an offensive, it
weighs it at its readiness, as before.
"""

from __future__ import annotations

import itertools
import re

from conftest import jnim_strikes, story_of

from sim.model.model import SahelModel
from sim.model.players import Choice
from sim.model.records import RecordKind
from sim.model.world import build_world
from sim.present.markers import record_title
from sim.run.replicate import run_one
from sim.scenario.facts import fact_base
from sim.scenario.loading import load_scenario
from sim.scenario.parameters import PARAMETERS


def _text(share, window=30, group="", strike=""):
    """JNIM's strike on Mali (with Senegal), answered with an offensive at ``share``."""
    parameters = f"  offensive_share: {share}\n  decision_window: {window}\n"
    return jnim_strikes("MLI", "MLI, BFA, NER, SEN", parameters, jnim=group, strike=strike)


SEEDS = range(60)


def _runs(write, share, window=30, group=""):
    text = _text(share, window, group)
    path = write(text, name=f"raid-{share}-{window}-{len(group)}.yaml")
    scenario = load_scenario(path)
    return [run_one(scenario, seed).records for seed in SEEDS]


def _policed(records) -> bool:
    """Whether Mali chose policing over an offensive."""
    return any(
        r.kind is RecordKind.STOOD_DOWN and r.actor == "MLI" and r.get("policed") is not None
        for r in records
    )


def _weighed(records) -> bool:
    """Whether Mali weighed an offensive: it decided one, or let its first day pass."""
    kinds = (RecordKind.ATTACK_DECIDED, RecordKind.DEADLINE_PASSED)
    return any(r.kind in kinds and r.actor == "MLI" for r in records)


def test_at_share_zero_every_strike_is_policed_and_at_one_every_strike_is_weighed(write):
    for records in _runs(write, 0):
        assert _policed(records) and not _weighed(records)
        assert not any(r.kind is RecordKind.WAR_STARTED for r in records)
    for records in _runs(write, 1):
        assert _weighed(records) and not _policed(records)


def test_a_larger_share_never_turns_an_offensive_into_policing(write):
    """On common random numbers, a replicate that answered with an offensive at one share does
    at every larger share; so the share of offensives never falls as the share rises."""
    answered = [[not _policed(r) for r in _runs(write, share)] for share in (0.25, 0.5, 0.75)]
    for lower, higher in itertools.pairwise(answered):
        assert all(h for low, h in zip(lower, higher, strict=True) if low)
    counts = [sum(a) for a in answered]
    assert counts[0] < counts[1] < counts[2] < len(SEEDS)


def test_the_choice_is_made_once_so_a_longer_window_does_not_make_an_offensive_likelier(write):
    """Drawn once, the first day it could answer: a state that chose an offensive, and weighs
    it each day of its window against a group too strong to attack at once, does not reconsider
    policing each day too."""
    strong = "    forces: 40000\n"
    short = [_policed(r) for r in _runs(write, 0.5, window=1, group=strong)]
    runs = _runs(write, 0.5, window=60, group=strong)
    long = [_policed(r) for r in runs]
    assert short == long
    assert 0 < sum(long) < len(SEEDS)
    assert all(_weighed(r) for r, policed in zip(runs, long, strict=True) if not policed)


def test_the_default_share_polices_about_one_strike_in_four(write):
    share = PARAMETERS["offensive_share"].default
    policed = sum(_policed(r) for r in _runs(write, share))
    expected = (1 - share) * len(SEEDS)
    assert abs(policed - expected) <= 3 * (expected * share) ** 0.5  # three binomial sds


def test_an_ally_bound_to_help_against_a_rebellion_helps_a_state_that_polices(write):
    """Policing is the state's answer, not its allies': Burkina Faso and Niger, bound by the
    Charter's Art. 5 to support Mali against a rising, support it whether or not it chose an
    offensive."""
    for share in (0, 1):
        for records in _runs(write, share)[:10]:
            helpers = {r.actor for r in records if r.kind is RecordKind.SUPPORT}
            obliged = {r.actor for r in records if r.kind is RecordKind.OBLIGATION}
            assert obliged >= {"BFA", "NER"}
            assert helpers & obliged, (share, helpers, obliged)


def test_the_story_says_the_state_chose_policing_in_english_and_in_french(write, sahelsim):
    path = write(_text(0), name="policed.yaml")
    args = ("explain", str(path), "--seed", "1", "--parameters", "point")
    english = sahelsim(*args).out
    french = sahelsim(*args, "--lang", "fr").out
    assert "Mali chose policing over an offensive to answer JNIM's strike" in english
    assert re.search(r"a chance of 0(\.0+)? ?% of answering with an offensive", english)
    assert "Le Mali opte pour des mesures de police face à la frappe du GSIM" in french
    assert "policing" not in french and "offensive to" not in french


def _played_run(write, share, decider, seed, host=""):
    path = write(_text(share, strike=host), name=f"played-{share}-{len(host)}.yaml")
    model = SahelModel(build_world(load_scenario(path), fact_base()), seed, players=decider)
    model.run()
    return model


def test_a_struck_states_player_who_lets_the_model_decide_changes_nothing(write):
    """The class's struck state, held by nobody that day, polices exactly when the model does;
    the question it is put says the model's own choice, to stand down, and why."""
    asked = []

    def lets_it_be(question):
        asked.append(question)

    scenario = load_scenario(write(_text(0.5), name="half.yaml"))
    for seed in range(12):
        alone = run_one(scenario, seed).records
        played = _played_run(write, 0.5, {"MLI": lets_it_be}, seed).records
        assert played == alone
    policed = [q for q in asked if q.context.get("policed")]
    assert policed and all(q.model_choice is Choice.STAND_DOWN for q in policed)


def test_a_player_may_answer_a_strike_the_model_would_police(write):
    model = _played_run(write, 0, {"MLI": lambda question: Choice.ATTACK}, 1)
    decided = [r for r in model.records if r.kind is RecordKind.ATTACK_DECIDED]
    assert decided and decided[0].actor == "MLI" and decided[0].get("played")
    assert not any(r.kind is RecordKind.STOOD_DOWN for r in model.records)


def test_the_draw_is_keyed_by_the_strike_not_its_date(write):
    """Common random numbers: the same strike a week later is policed in the same replicates."""
    first = [_policed(r) for r in _runs(write, 0.5)]
    text = _text(0.5).replace("date: 2024-07-22", "date: 2024-07-29")
    later = load_scenario(write(text, name="later.yaml"))
    assert first == [_policed(run_one(later, seed).records) for seed in SEEDS]


def test_an_ally_owing_armed_help_after_a_policed_strike_on_forces_abroad_is_told_so(write):
    """JNIM strikes Mali's forces in Senegal; Mali polices. Niger, honouring the Charter's
    Art. 7, has no answer to join: it says so (``answer_over``) and fights no one."""
    over = 0
    for seed in range(8):
        model = _played_run(write, 0, {}, seed, host="    host: SEN\n")
        support = [r for r in model.records if r.kind is RecordKind.SUPPORT and r.actor == "NER"]
        over += sum(1 for r in support if r.get("action") == "answer_over")
        assert not any(r.get("fighting") for r in support)
        assert not any(r.kind is RecordKind.ENTERED_WAR for r in model.records)
    assert over > 0


def test_a_player_who_waited_on_the_first_day_is_still_offered_policing_after_it(write):
    """The class's Mali waits on the day of the strike, then its timer runs out: the model's own
    choice is still policing, not an offensive its daily hazard would launch."""
    asked = []

    def waits_then_lets_it_be(question):
        asked.append(question)
        return Choice.WAIT if len(asked) == 1 else None

    model = _played_run(write, 0, {"MLI": waits_then_lets_it_be}, 1)
    assert asked[0].model_choice is Choice.STAND_DOWN and asked[1].model_choice is Choice.STAND_DOWN
    [stood] = [r for r in model.records if r.kind is RecordKind.STOOD_DOWN]
    assert stood.get("policed") is not None and not stood.get("played")
    assert not any(r.kind is RecordKind.WAR_STARTED for r in model.records)


def test_a_players_choice_of_policing_or_force_is_told_with_the_models_own(write):
    stood = _played_run(write, 0, {"MLI": lambda question: Choice.STAND_DOWN}, 1)
    [record] = [r for r in stood.records if r.kind is RecordKind.STOOD_DOWN]
    assert record.get("played") and record.get("policed") is not None
    line = {"kind": record.kind.value, "actor": record.actor, "target": record.target}
    assert record_title({**line, **record.data}) == "Mali polices"
    told = story_of(stood, "en")
    assert "Mali's player chose policing over an offensive to answer JNIM's strike of" in told
    assert "The model's own choice was policing" in told
    assert "Le modèle, lui, optait pour des mesures de police" in story_of(stood, "fr")
    fought = _played_run(write, 0, {"MLI": lambda question: Choice.ATTACK}, 1)
    assert "The model's own choice was policing" in story_of(fought, "en")


def test_the_story_and_the_timeline_name_the_strike_answered_by_policing(write, sahelsim):
    path = write(_text(0), name="dated.yaml")
    english = sahelsim("explain", str(path), "--seed", "1", "--parameters", "point").out
    assert "to answer JNIM's strike of 22 Jul 2024" in english
    record = {"kind": "stood_down", "actor": "MLI", "target": "JNIM", "policed": 0.75}
    assert record_title(record) == "Mali polices"
    assert record_title(record, "fr").startswith("Mesures de police : ")
    assert record_title({**record, "policed": None}) == "Mali stands down"
