"""Attempted coups: decided the day after they begin, won by a faction at the coup record's rate,
by armed men from outside the army only by force; a success is a coup (docs/model.md §7.8)."""

from __future__ import annotations

import pytest
from conftest import question_asked

from sim.model.model import SahelModel
from sim.model.records import RecordKind
from sim.model.world import build_world
from sim.present.narrative import render_text
from sim.run.replicate import run_one
from sim.scenario.facts import fact_base
from sim.scenario.loading import idle_requests, load_scenario
from sim.scenario.vocabulary import Regime

SEEDS = range(60)

ATTEMPT = """\
title: An attempted coup in Benin
start: 2025-12-07
days: 30
actors:
  BEN:
  NGA:
  TGO:
  PLOTTERS:
    kind: belligerent
    name: the plotters
    name_fr: les putschistes
    sources: [https://example.org/plotters]
    in: BEN
    faction_of: {faction}
    forces:
      value: {fighters}
      year: 2025
      unit: fighters
      source: https://example.org/plotters
pacts:
  ecowas-mechanism-1999:
  ecowas-democracy-2001:
parameters:
  coup_success: {rate}
events:
  putsch:
    kind: attack
    scale: coup_attempt
    date: 2025-12-07
    by: PLOTTERS
    target: BEN
{more}"""


def text(*, faction: bool = True, fighters: int = 200, rate: float = 0.48, more: str = "") -> str:
    return ATTEMPT.format(faction=str(faction).lower(), fighters=fighters, rate=rate, more=more)


def runs(write, **kwargs) -> list:
    scenario = load_scenario(write(text(**kwargs), name="attempt.yaml"))
    return [run_one(scenario, seed) for seed in SEEDS]


def ended(run):
    return next(r for r in run.records if r.kind is RecordKind.WAR_ENDED)


def succeeded(run) -> bool:
    return ended(run).data["outcome"] == "attackers_won"


@pytest.mark.parametrize("faction", [True, False])
def test_an_attempt_is_decided_the_day_after_it_began(write, faction):
    """Coups are decided in hours, not fought out for weeks as a civil war is (The Gambia, 30
    December 2014; Mali's counter-coup of 30 April 2012): every replicate's fight ends the
    next day, in a success or a failure, never a truce."""
    for run in runs(write, faction=faction):
        end = ended(run)
        assert end.day == 1 and end.data["reason"] == "coup attempt"
        assert end.data["outcome"] in ("attackers_won", "defenders_won")
        assert run.summary["war_days"] == 1


def test_a_faction_succeeds_at_the_coup_records_rate(write):
    """Powell & Thyne (2011): 48 % of 457 attempts succeeded. At that rate about half of the
    replicates see the plotters take power; at 0 none, at 1 all."""
    assert not any(succeeded(r) for r in runs(write, rate=0.0))
    assert all(succeeded(r) for r in runs(write, rate=1.0))
    share = sum(succeeded(r) for r in runs(write)) / len(SEEDS)
    assert 0.3 < share < 0.66


def test_a_higher_rate_of_success_never_makes_a_coup_fail_where_it_succeeded(write):
    """On common random numbers, every replicate whose coup succeeds at the lower rate
    succeeds at the higher one."""
    low, high = runs(write, rate=0.3), runs(write, rate=0.6)
    assert all(succeeded(h) for lo, h in zip(low, high, strict=True) if succeeded(lo))
    assert sum(map(succeeded, high)) > sum(map(succeeded, low))


def test_armed_men_from_outside_the_army_win_only_by_force(write):
    """Exiles are no coup in the record's sense: no unit is expected to follow them. A band of
    twenty against Benin's army never takes power, whatever the coup record's rate; a band
    stronger than the army nearly always does."""
    assert not any(succeeded(r) for r in runs(write, faction=False, fighters=20, rate=1.0))
    strong = runs(write, faction=False, fighters=60_000)
    assert sum(map(succeeded, strong)) > 0.9 * len(SEEDS)


def test_a_bigger_band_never_makes_its_attempt_less_likely_to_succeed(write):
    small = runs(write, faction=False, fighters=3000)
    large = runs(write, faction=False, fighters=6000)
    assert all(succeeded(b) for s, b in zip(small, large, strict=True) if succeeded(s))
    assert sum(map(succeeded, large)) > sum(map(succeeded, small))


def test_a_coup_that_succeeds_is_a_coup_against_the_state_the_plotters_now_hold(write):
    """The regime turns military and the clauses on an unconstitutional change come into play,
    as for a coup the scenario schedules; the plotters hold the state and its army, so the
    state is the offender, not the few who struck."""
    scenario = load_scenario(write(text(rate=1.0), name="attempt.yaml"))
    run = run_one(scenario, 1)
    model = SahelModel(build_world(scenario, fact_base()), 1)
    model.step()
    model.step()  # day 1, when the attempt is decided (a concession may follow later)
    assert model.state("BEN").regime is Regime.MILITARY
    coup = next(r for r in run.records if r.kind is RecordKind.COUP)
    assert (coup.actor, coup.data["by"], coup.day) == ("BEN", "PLOTTERS", 1)
    assert coup.data["war"] == ended(run).data["war"]
    brought = [r for r in run.records if r.kind is RecordKind.OBLIGATION]
    assert brought and all(r.day >= coup.day for r in brought)
    assert {r.data.get("casus_foederis") for r in brought} == {"unconstitutional_change"}
    assert all(r.data.get("offenders") == ["BEN"] for r in brought)


def test_an_attempt_is_not_fought_by_attrition_and_brings_no_clause_into_play(write):
    """It is over the next day, before a clause's decision could act: no rebellion trigger, no
    vote, no support; no combat, so no casualties are counted."""
    for run in runs(write, rate=0.0):
        assert not any(
            r.kind in (RecordKind.OBLIGATION, RecordKind.VOTE, RecordKind.SUPPORT)
            for r in run.records
        )
        assert ended(run).data["losses"] == [0, 0]
        assert run.summary["casualties"] == 0


def test_a_failed_attempt_changes_no_government(write):
    scenario = load_scenario(write(text(rate=0.0), name="attempt.yaml"))
    assert not any(r.kind is RecordKind.COUP for r in run_one(scenario, 1).records)
    model = SahelModel(build_world(scenario, fact_base()), 1)
    model.run()
    assert model.state("BEN").regime is Regime.CIVILIAN


def test_a_faction_that_is_the_whole_army_takes_power_at_once_and_it_is_a_coup(write):
    """A side with nothing left to hold or strike with decides the attempt at once: Benin's
    army reduced to the faction's own numbers leaves the seat of power to them, and the story
    says the coup succeeded on the day it began, with the coup record and trigger."""
    scenario = load_scenario(
        write(text(fighters=100, rate=0.0), name="whole.yaml"), ["actors.BEN.forces=100"]
    )
    run = run_one(scenario, 1)
    end = ended(run)
    assert (end.day, end.data["outcome"], end.data["probability"]) == (0, "attackers_won", 1.0)
    assert any(r.kind is RecordKind.COUP and r.data["by"] == "PLOTTERS" for r in run.records)
    story = render_text(run, "en")
    assert "succeeded on the day it began: they took power" in story


def test_a_ceasefire_on_the_day_of_an_attempt_is_told(write):
    """The attempt ended by a scheduled ceasefire is told as such, in both languages."""
    ceasefire = (
        "  truce:\n    kind: ceasefire\n    date: 2025-12-07\n    between: [PLOTTERS, BEN]\n"
    )
    run = run_one(load_scenario(write(text(more=ceasefire), name="truce.yaml")), 1)
    assert ended(run).data["outcome"] == "ceasefire"
    for lang in ("en", "fr"):
        assert render_text(run, lang)


def test_a_retention_keeps_its_named_offender(write):
    """An incumbent's refusal to hand over, written with the faction that backs him, keeps that
    faction as the offender, as before attempts shared the coup's code."""
    retention = (
        "  refusal:\n    kind: coup\n    date: 2025-12-08\n    state: BEN\n"
        "    form: retention\n    by: PLOTTERS\n"
    )
    scenario = load_scenario(write(text(rate=0.0, more=retention), name="retention.yaml"))
    run = run_one(scenario, 1)
    coup = next(r for r in run.records if r.kind is RecordKind.COUP)
    assert (coup.data["by"], coup.data["form"]) == ("PLOTTERS", "retention")
    brought = [r for r in run.records if r.kind is RecordKind.OBLIGATION]
    assert brought and all(r.data.get("offenders") == ["PLOTTERS"] for r in brought)
    # and the story names them (it said "An event concerning Benin")
    assert "change of government by the plotters in Benin brought" in render_text(run, "en")
    assert "gouvernement opéré par les putschistes au Bénin" in render_text(run, "fr")


def test_the_story_tells_the_attempt_and_how_it_was_decided_in_both_languages(write, sahelsim):
    path = write(text(faction=True, rate=1.0), name="attempt.yaml")
    english = sahelsim("explain", str(path), "--seed", "1")
    assert english.status == 0
    assert "A coup attempt: the plotters tried to seize power in Benin" in english.out
    assert "the plotters took power" in english.out
    # the rate was set to 1 for this run: said, with the record's beside it
    assert "the rate of success set for this run, 100%" in english.out
    assert "(the coup record's: 48%)" in english.out
    french = sahelsim("explain", str(path), "--seed", "1", "--lang", "fr")
    assert "Tentative de coup d'État : les putschistes tentent de s'emparer" in french.out
    assert "les putschistes prennent le pouvoir" in french.out
    path = write(text(faction=False, fighters=20), name="band.yaml")
    english = sahelsim("explain", str(path), "--seed", "1")
    assert "The coup attempt by the plotters in Benin was decided the next day" in english.out
    assert "the attempt failed; armed men from outside the army" in english.out
    assert "Losses:" not in english.out
    assert "chance of success < 0.01%" in english.out  # twenty men against an army


REQUEST = """\
  help:
    kind: request
    date: 2025-12-07
    by: BEN
    to: [NGA]
"""


def test_a_request_against_the_plotters_finds_them_to_help_against(write):
    """Benin asked Nigeria for help on the day of the attempt of 7 December 2025: the attempt
    is a fight the request can answer, so validating notes no idle request."""
    scenario = load_scenario(write(text(more=REQUEST), name="asked.yaml"))
    assert idle_requests(scenario) == []


def test_foreign_troops_fighting_for_the_government_never_help_a_coup_succeed(write):
    """Foreign troops are no part of the army's choice, so the plotters must beat them too:
    Nigeria's jets and troops in Cotonou on 7 December 2025, at Benin's request; France undid
    Gabon's coup of February 1964. On common random numbers, no coup succeeds with Nigeria
    asked that fails without, and those Nigeria joins against fail."""
    alone, helped = runs(write), runs(write, more=REQUEST)
    assert all(succeeded(a) for a, h in zip(alone, helped, strict=True) if succeeded(h))
    joined = [
        h
        for h in helped
        if any(r.kind is RecordKind.ENTERED_WAR and r.actor == "NGA" for r in h.records)
    ]
    assert joined and not any(succeeded(h) for h in joined)
    assert sum(map(succeeded, helped)) < sum(map(succeeded, alone))


def asked_later(day: str = "2025-12-11", more: str = "") -> str:
    """Benin asks Nigeria on ``day``, after the attempt is decided either way."""
    return more + REQUEST.replace("2025-12-07", day).replace(
        "[NGA]", "[NGA]\n    against: PLOTTERS"
    )


def asked(run):
    [record] = [r for r in run.records if r.kind is RecordKind.REQUEST]
    return record


def test_a_government_that_beat_the_plotters_may_still_be_sent_troops_to_guard_it(write):
    """Siaka Stevens asked Guinea for troops four days after the attempt of 23 March 1971 had
    failed, and got them; France's paratroopers came to Togo two days after a commando's attack
    on Lomé (September 1986) and were not needed in combat. Asked after the attempt, Nigeria is
    asked only where the government won; whatever it gives, it fights no one, and the story says
    the troops guard the government; where the plotters won, no one is asked."""
    lent = 0
    for run in runs(write, more=asked_later()):
        answers = [r for r in run.records if r.kind is RecordKind.RESPONSE and r.actor == "NGA"]
        if succeeded(run):
            assert asked(run).get("against") == [] and not answers
            continue
        assert asked(run).get("against") == ["PLOTTERS"] and asked(run).get("guard") is True
        assert len(answers) == 1
        support = [r for r in run.records if r.kind is RecordKind.SUPPORT and r.actor == "NGA"]
        response = answers[0].get("response")
        if response == "abstained":
            assert not support
        else:  # armed help granted, or help short of it (partial)
            [given] = support
            expected = "armed_assistance" if response == "honoured" else "non_military"
            assert given.target == "BEN" and given.get("action") == expected
            assert given.get("fighting") is None and given.get("guard") is True
            lent += response == "honoured" and given.get("forces") > 0
        assert sum(r.kind is RecordKind.WAR_STARTED for r in run.records) == 1  # the attempt's
        if lent == 1 and response == "honoured":
            assert "troops to guard its government" in render_text(run, "en")
            assert "militaires pour protéger son gouvernement" in render_text(run, "fr")
    assert lent > 0


COUP_AFTER = """  seized:
    kind: coup
    date: 2025-12-09
    state: BEN
    by: PLOTTERS
"""
INVASION = """  invasion:
    kind: attack
    date: 2025-12-09
    by: BEN
    target: TGO
"""
UNNAMED = REQUEST.replace("2025-12-07", "2025-12-09")
"""Benin asks Nigeria the day it invades Togo, two days after the attempt, naming no one."""


@pytest.mark.parametrize(
    ("request_text", "days", "reason"),
    [
        (asked_later(more=COUP_AFTER), 30, "not_fighting"),  # the plotters took power since
        (INVASION + UNNAMED, 30, "attacker"),  # at war, it is the attacker in every war it fights
        (INVASION + asked_later(day="2025-12-09"), 30, "not_fighting"),  # the same, naming them
        (asked_later(day="2026-01-20"), 60, "not_fighting"),  # six weeks on: the danger is past
    ],
    ids=["coup-since", "attacking", "attacking-named", "too-late"],
)
def test_no_guard_is_asked_once_the_moment_is_gone(write, request_text, days, reason):
    text_ = text(rate=0.0, more=request_text).replace("days: 30", f"days: {days}")
    scenario = load_scenario(write(text_, name="later.yaml"))
    for seed in range(6):  # every attempt fails (rate 0)
        run = run_one(scenario, seed)
        answers = [r for r in run.records if r.kind is RecordKind.RESPONSE]
        assert not [r for r in answers if r.get("pact", "").startswith("request/")]
        assert asked(run).get("against") == [] and asked(run).get("reason") == reason


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (("    by: PLOTTERS\n", "    by: TGO\n"), "a coup attempt is made by plotters inside"),
        (("    in: BEN\n", "    in: TGO\n"), "PLOTTERS is a belligerent in TGO, not in BEN"),
        (
            ("    target: BEN\n", "    target: BEN\n    contributors: [TGO]\n"),
            "no state sends forces into it",
        ),
    ],
)
def test_a_wrong_coup_attempt_is_refused_with_a_located_message(write, sahelsim, change, said):
    path = write(text().replace(*change), name="wrong.yaml")
    result = sahelsim("validate", str(path))
    said_all = result.out + result.err
    assert result.status == 2
    assert said in said_all and "Traceback" not in said_all
    assert f"{path}:" in said_all  # file, line and column


LESSON_6 = "lesson-6-half-of-coups-fail"


def test_lesson_6_nigeria_s_help_is_what_stands_between_benin_and_a_coin_toss():
    """What the lesson asks the class to find: with Nigeria answering Benin's request the
    mutineers seldom take power; with Nigeria's resolve at 0 it comes less often, and more
    coups succeed, on common random numbers never fewer."""
    seeds = range(40)
    asked = [run_one(load_scenario(LESSON_6), s) for s in seeds]
    reluctant = [run_one(load_scenario(LESSON_6, ["actors.NGA.resolve=0"]), s) for s in seeds]
    came = [
        any(r.kind is RecordKind.ENTERED_WAR and r.actor == "NGA" for r in run.records)
        for run in asked
    ]
    assert sum(came) > 0.8 * len(seeds)
    assert sum(map(succeeded, asked)) < 0.2 * len(seeds)
    assert all(succeeded(r) for a, r in zip(asked, reluctant, strict=True) if succeeded(a))
    assert sum(map(succeeded, reluctant)) > sum(map(succeeded, asked))


def test_an_armed_group_as_plotter_is_refused_as_such(write, sahelsim):
    text_ = text().replace("  TGO:\n", "  TGO:\n  JNIM:\n").replace("by: PLOTTERS", "by: JNIM")
    path = write(text_, name="group.yaml")
    result = sahelsim("validate", str(path))
    assert result.status == 2
    assert "JNIM is an armed group, which seizes no power" in result.out + result.err


def test_host_is_refused_on_a_coup_attempt(write, sahelsim):
    path = write(text().replace("    target: BEN\n", "    target: BEN\n    host: TGO\n", 1))
    result = sahelsim("validate", str(path))
    assert result.status == 2
    assert "an invasion or a coup attempt strikes the target's territory" in result.out


def test_a_student_asked_to_guard_a_government_is_told_the_plotters_were_put_down(write):
    """Playing Nigeria, asked four days after the attempt failed, a student reads that Benin has
    put down the plotters and asks for troops to guard its government, not that it is under
    attack."""
    path = write(text(rate=0.0, more=asked_later()), name="guard.yaml")
    _, english, french = question_asked(path, "NGA", 6)
    assert english["text"] == (
        "Benin has put down the plotters and asks you for armed assistance, to guard its "
        "government. No treaty binds you to give it."
    )
    assert french["text"] == (
        "Le Bénin a repoussé l'attaque des putschistes et vous demande une assistance armée pour "
        "protéger son gouvernement. Aucun traité ne vous y oblige."
    )
