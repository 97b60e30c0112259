"""A strike that left no one to pursue is answered by policing (docs/model.md §7.11).

An incident by armed groups may count its strikers (``fighters``) and those of them who got
away (``escaped``). Fewer than ``pursuit_threshold`` left in the field (those who got away when
the sources say, else all who struck) leave no body of fighters to pursue: no victim weighs
force against them. At the default (1), that is a strike none of whose authors got away; a
strike no source counts, or one some of whose authors got away, however few, is weighed as
before. A larger threshold (``PLATOON``, its value until 7 December 2026) polices a few who
struck too. Every strike weighed is answered with an offensive here (``offensive_share`` 1), so
that the threshold alone decides.
"""

from __future__ import annotations

import re

import pytest
from conftest import jnim_strikes

from sim.model.records import RecordKind
from sim.run.replicate import run_one
from sim.scenario.loading import load_scenario
from sim.scenario.parameters import PARAMETERS

THRESHOLD = int(PARAMETERS["pursuit_threshold"].default)
PLATOON = 20
"""An infantry platoon, the threshold until 7 December 2026: a few who struck are policed."""
AT_PLATOON = f"  pursuit_threshold: {PLATOON}\n"


def _raid(*, target: str, fighters: str, parameters: str) -> str:
    """JNIM's strike on ``target``, its counts in ``fighters``, every strike weighed answered
    with an offensive (``offensive_share`` 1), more ``parameters`` lines."""
    every = "  offensive_share: 1\n" + parameters
    return jnim_strikes(target, "MLI, BFA, NER, TGO", every, strike=fighters)


SEEDS = range(12)


def _runs(write, *, fighters=None, target="MLI", parameters="", escaped=None):
    counts = f"    fighters: {fighters}\n" if fighters is not None else ""
    counts += f"    escaped: {escaped}\n" if escaped is not None else ""
    text = _raid(
        target=target,
        fighters=counts,
        parameters=parameters,
    )
    scenario = load_scenario(write(text, name=f"raid-{target}-{fighters}-{escaped}.yaml"))
    return [run_one(scenario, seed).records for seed in SEEDS]


def _told(sahelsim, path) -> tuple[str, str]:
    """The story of seed 1, in English and in French."""
    args = ("explain", str(path), "--seed", "1", "--parameters", "point")
    return sahelsim(*args).out, sahelsim(*args, "--lang", "fr").out


def _force_answered(records, victim="MLI") -> bool:
    """Whether the victim used force against the group: an offensive decided."""
    return any(r.kind is RecordKind.ATTACK_DECIDED and r.actor == victim for r in records)


def _weighed(records) -> list:
    """Every record of a victim weighing force against the strike's authors."""
    kinds = {
        RecordKind.ATTACK_DECIDED,
        RecordKind.DEADLINE_PASSED,
        RecordKind.STOOD_DOWN,
        RecordKind.WAR_STARTED,
    }
    return [r for r in records if r.kind in kinds]


def test_a_strike_no_one_got_away_from_is_answered_by_no_force(write):
    """JNIM fights in Mali: a strike there is answered by an offensive in every replicate when
    no source counts its fighters, when a few struck (five kidnappers fled with their hostages
    from Niamey and were chased the same night, January 2011), and when some got away; never
    when none did (a suicide attack on a base's gate: Kati, July 2022)."""
    assert all(_force_answered(run) for run in _runs(write))
    assert all(_force_answered(run) for run in _runs(write, fighters=5))
    assert all(_force_answered(run) for run in _runs(write, fighters=5, escaped=1))
    assert not any(_weighed(run) for run in _runs(write, fighters=5, escaped=0))
    assert not any(_weighed(run) for run in _runs(write, escaped=0))


def test_a_larger_threshold_polices_a_strike_by_a_few_however_many_got_away(write):
    """At a platoon, a strike by 8 is policed, and one by the threshold or more is not."""
    assert all(
        _force_answered(run) for run in _runs(write, fighters=PLATOON, parameters=AT_PLATOON)
    )
    assert not any(_weighed(run) for run in _runs(write, fighters=8, parameters=AT_PLATOON))
    few = _runs(write, fighters=400, escaped=8, parameters=AT_PLATOON)
    assert not any(_weighed(run) for run in few)


def test_the_clauses_a_strike_that_left_no_one_brings_into_play_still_oblige(write):
    """Policing is the victim's own answer: its allies still owe it help against the
    rebellion (the Charter's Art. 5), as after any strike."""
    owed = [
        [(r.actor, r.get("clause")) for r in run if r.kind is RecordKind.OBLIGATION]
        for run in (_runs(write)[0], _runs(write, fighters=8, escaped=0)[0])
    ]
    assert owed[0] and owed[0] == owed[1]


def test_more_strikers_never_make_force_less_likely(write):
    """Over the same seeds, the replicates answered with force never fall as the count rises."""
    answered = [
        sum(_force_answered(run) for run in _runs(write, fighters=n, parameters=AT_PLATOON))
        for n in (1, 8, PLATOON - 1, PLATOON, 60, 400)
    ]
    assert answered == sorted(answered)
    assert answered[0] == 0 and answered[-1] == len(SEEDS)


def test_a_body_of_fighters_runs_as_a_strike_no_source_counts(write):
    """A count at or above the threshold changes nothing but the story's line on it."""

    def bare(runs):
        return [
            [(r.day, r.kind, r.actor, r.target, {**r.data, "fighters": None}) for r in run]
            for run in runs
        ]

    assert bare(_runs(write, fighters=250)) == bare(_runs(write))


def test_a_strike_whose_every_attacker_died_or_was_taken_is_policed_however_many(write):
    """A siege ended with every gunman dead (the Radisson Blu, Bamako 2015), a suicide
    bombing: no one got away to pursue, whether the sources count those who struck or not."""
    assert not any(_weighed(run) for run in _runs(write, escaped=0))
    assert not any(_weighed(run) for run in _runs(write, fighters=250, escaped=0))
    policed = _runs(write, fighters=250, escaped=PLATOON - 1, parameters=AT_PLATOON)
    assert not any(_weighed(run) for run in policed)


def test_those_who_got_away_not_all_who_struck_are_the_body_pursued(write):
    """A body of fighters that got away is weighed as a strike no source counts, even when
    it is all that struck; the count changes nothing but the story's line on it."""

    def bare(runs):
        return [
            [
                (r.day, r.kind, r.actor, r.target, {**r.data, "fighters": 0, "escaped": 0})
                for r in run
            ]
            for run in runs
        ]

    uncounted = bare(_runs(write))
    assert bare(_runs(write, escaped=THRESHOLD)) == uncounted
    counted = _runs(write, fighters=400, escaped=THRESHOLD)
    assert bare(counted) == uncounted
    told = [r for r in counted[0] if r.kind is RecordKind.INCIDENT]
    assert [(r.get("fighters"), r.get("escaped"), r.get("unpursued")) for r in told] == [
        (400, THRESHOLD, None)
    ]


def test_at_threshold_zero_a_strike_no_one_got_away_from_is_weighed_too(write):
    runs = _runs(write, fighters=400, escaped=0, parameters="  pursuit_threshold: 0\n")
    assert all(_force_answered(run) for run in runs)


def test_more_strikers_getting_away_never_makes_force_less_likely(write):
    """Over the same seeds, of 400 who struck, the replicates answered with force never fall
    as more of them got away."""
    answered = [
        sum(
            _force_answered(run)
            for run in _runs(write, fighters=400, escaped=n, parameters=AT_PLATOON)
        )
        for n in (0, 5, PLATOON - 1, PLATOON, 100, 400)
    ]
    assert answered == sorted(answered)
    assert answered[0] == 0 and answered[-1] == len(SEEDS)


@pytest.mark.parametrize(
    ("counts", "parameters", "english", "french"),
    [
        (
            "    fighters: 10\n    escaped: 0\n",
            "",
            "None of the 10 strikers got away, by the sources: no one was left in the field to "
            "pursue, and Mali answered by policing, not with force.",
            "Aucun des 10 assaillants n'a échappé, selon les sources : personne ne reste sur le "
            "terrain à poursuivre, et le Mali réplique par des mesures de police, non par la "
            "force.",
        ),
        (
            "    escaped: 0\n",
            "",
            "None of the strikers got away, by the sources: no one was left in the field",
            "Aucun assaillant n'a échappé, selon les sources : personne ne reste sur le terrain",
        ),
        (
            "    fighters: 1\n    escaped: 0\n",
            "",
            "The one striker did not get away, by the sources: no one was left in the field",
            "L'unique assaillant n'a pas échappé, selon les sources : personne ne reste",
        ),
        (
            "    fighters: 10\n    escaped: 3\n",
            AT_PLATOON,
            f"Strikers who got away, by the sources: 3 of 10, below the {PLATOON} fighters an "
            "army pursues. No body of fighters was left in the field, and Mali answered by "
            "policing, not with force.",
            f"Assaillants en fuite selon les sources : 3 sur 10, en deçà des {PLATOON} "
            "combattants qu'une armée poursuit. Aucune troupe ne reste sur le terrain, et le "
            "Mali réplique par des mesures de police, non par la force.",
        ),
        (
            "    escaped: 60\n",
            "",
            "Strikers who got away, by the sources: 60.\n",
            "Assaillants en fuite selon les sources : 60.\n",
        ),
    ],
    ids=["none of those counted", "none", "a suicide bomber", "a few, at a platoon", "a body"],
)
def test_the_story_says_how_many_got_away_in_english_and_french(
    write, sahelsim, counts, parameters, english, french
):
    path = write(_raid(target="MLI", fighters=counts, parameters=parameters))
    told, dit = _told(sahelsim, path)
    assert english in told, told
    assert french in dit, dit


def test_a_strike_during_an_offensive_that_no_one_got_away_from_is_told_so(write, sahelsim):
    """The second strike on Mali, during its offensive, by 200 of whom none got away: the
    story says so, and that it changed nothing in the war, in English and French."""
    text = _raid(target="MLI", fighters="", parameters="") + (
        "  again:\n    kind: attack\n    scale: incident\n    date: 2024-07-25\n"
        "    by: JNIM\n    target: MLI\n    fighters: 200\n    escaped: 0\n"
    )
    path = write(text)
    args = ("explain", str(path), "--seed", "1", "--parameters", "point")
    english = sahelsim(*args).out
    assert (
        "None of the 200 strikers got away, by the sources: the strike changed nothing in the war."
    ) in english, english
    french = sahelsim(*args, "--lang", "fr").out
    assert (
        "Aucun des 200 assaillants n'a échappé, selon les sources : la frappe ne change rien à "
        "la guerre."
    ) in french, french
    platoon = write(
        text.replace("events:", f"{AT_PLATOON}events:").replace(
            "    fighters: 200\n    escaped: 0\n", "    fighters: 200\n    escaped: 3\n"
        ),
        name="platoon.yaml",
    )
    english = sahelsim("explain", str(platoon), "--seed", "1", "--parameters", "point").out
    assert (
        f"Strikers who got away, by the sources: 3 of 200, below the {PLATOON} fighters an "
        "army pursues: the strike changed nothing in the war."
    ) in english, english


def test_at_threshold_zero_every_counted_strike_is_weighed(write):
    runs = _runs(write, fighters=3, parameters="  pursuit_threshold: 0\n")
    assert all(_force_answered(run) for run in runs)


def test_a_strike_from_abroad_that_left_no_one_is_not_weighed_either(write):
    """JNIM striking Togo, where the fact base does not place it, came from abroad, and Togo
    weighs a sweep of its own soil (docs/model.md §7.11); when none got away, it weighs
    nothing."""
    assert any(_weighed(run) for run in _runs(write, target="TGO"))
    assert not any(_weighed(run) for run in _runs(write, target="TGO", fighters=5, escaped=0))


def test_the_story_says_why_no_force_answered_in_english_and_french(write, sahelsim):
    path = write(_raid(target="MLI", fighters="    fighters: 8\n", parameters=AT_PLATOON))
    english = sahelsim("explain", str(path), "--seed", "1", "--parameters", "point").out
    said = f"Strikers counted by the sources: 8, below the {PLATOON} fighters an army pursues."
    assert said in english
    assert "and Mali answered by policing, not with force." in english
    french = sahelsim("explain", str(path), "--seed", "1", "--parameters", "point", "--lang", "fr")
    assert (
        f"Assaillants comptés par les sources : 8, en deçà des {PLATOON} combattants" in french.out
    )
    assert "le Mali réplique par des mesures de police, non par la force." in french.out
    counted = write(_raid(target="MLI", fighters="    fighters: 300\n", parameters=""))
    told = sahelsim("explain", str(counted), "--seed", "1", "--parameters", "point").out
    assert "Strikers counted by the sources: 300." in told


def test_a_strike_that_left_no_one_during_an_offensive_does_not_make_it_a_war(write):
    """A body of fighters struck Mali, which launched its offensive; a second strike that left
    no one to pursue is no reason to fight on: the offensive ends when its days are over, as it
    does with no second strike, and the story says why."""
    first = _raid(target="MLI", fighters="", parameters="")

    def offensive(second: str):
        text = first + (
            "  again:\n    kind: attack\n    scale: incident\n    date: 2024-07-25\n"
            f"    by: JNIM\n    target: MLI\n{second}"
        )
        return run_one(load_scenario(write(text, name=f"again-{len(second)}.yaml")), 1).records

    def ended(records):
        return [(r.day, r.get("reason")) for r in records if r.kind is RecordKind.WAR_ENDED]

    few = offensive("    fighters: 2\n    escaped: 0\n")
    alone = run_one(load_scenario(write(first, name="alone.yaml")), 1).records
    assert ended(few) == ended(alone) and ended(few)
    assert not any(r.get("offensive_now_war") for r in few)
    taken = offensive("    fighters: 200\n    escaped: 0\n")  # all killed or taken
    assert ended(taken) == ended(alone)
    assert not any(r.get("offensive_now_war") for r in taken)
    assert any(r.get("offensive_now_war") for r in offensive("    fighters: 200\n"))
    fled = offensive("    fighters: 2\n")  # two who may have got away are pursued
    assert any(r.get("offensive_now_war") for r in fled)
    told = [r for r in few if r.get("what") == "attack_in_war"]
    assert told and told[0].get("unpursued") == THRESHOLD


def test_a_strike_abroad_that_left_no_one_is_policed_by_every_victim(write, sahelsim):
    """JNIM striking France's forces in Côte d'Ivoire, where it does not fight, strikes Côte
    d'Ivoire's soil too: when none got away, neither victim weighs force, and the story names
    both."""
    text = _raid(target="FRA", fighters="    fighters: 4\n    escaped: 0\n", parameters="")
    text = text.replace("  TGO:\n", "  CIV:\n  FRA:\n").replace(
        "    target: FRA\n", "    target: FRA\n    host: CIV\n"
    )
    path = write(text)
    records = run_one(load_scenario(path), 1).records
    assert not _weighed(records)
    assert {r.target for r in records if r.kind is RecordKind.OBLIGATION} <= {"FRA", "CIV"}
    english = sahelsim("explain", str(path), "--seed", "1", "--parameters", "point").out
    assert "France and Côte d'Ivoire answered by policing, not with force." in english
    french = sahelsim("explain", str(path), "--seed", "1", "--parameters", "point", "--lang", "fr")
    assert "répliquent par des mesures de police" in french.out
    uncounted = write(text.replace("    fighters: 4\n    escaped: 0\n", ""), name="uncounted.yaml")
    weighed = {r.actor for r in _weighed(run_one(load_scenario(uncounted), 1).records)}
    assert weighed == {"FRA", "CIV"}


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (
            ("    scale: incident\n", "    scale: invasion\n"),
            "events.raid.fighters: fighters counts the strikers of an incident",
        ),
        (
            ("    by: JNIM\n", "    by: BFA\n"),
            "events.raid.by: fighters counts an armed group's strikers, and BFA is a state",
        ),
        (
            ("    by: JNIM\n", "    by: ECOWAS\n"),
            "events.raid.by: fighters counts an armed group's strikers, and ECOWAS is an "
            "organisation",
        ),
        (("    fighters: 8\n", "    fighters: 0\n"), "events.raid.fighters"),
        (("    fighters: 8\n", "    fighters: true\n"), "events.raid.fighters"),
        (("    fighters: 8\n", "    fighters: about 50\n"), "events.raid.fighters"),
    ],
    ids=["an invasion", "a state's strike", "an organisation's", "none", "a yes", "words"],
)
def test_a_count_the_model_cannot_use_is_refused_where_it_stands(write, sahelsim, change, said):
    text = _raid(target="MLI", fighters="    fighters: 8\n", parameters="")
    path = write(text.replace(*change))
    result = sahelsim("validate", str(path))
    assert result.status == 2 and "Traceback" not in result.out + result.err
    assert f"{path}:" in result.out and said in result.out, result.out


@pytest.mark.parametrize(
    ("counts", "change", "said"),
    [
        (
            "    fighters: 8\n    escaped: 9\n",
            None,
            "events.raid.escaped: escaped counts the strikers who got away, some of the 8 who "
            "struck",
        ),
        (
            "    escaped: 0\n",
            ("    scale: incident\n", "    scale: invasion\n"),
            "events.raid.escaped: escaped counts those of an incident's strikers who got away;",
        ),
        (
            "    escaped: 3\n",
            ("    by: JNIM\n", "    by: BFA\n"),
            "events.raid.by: escaped counts an armed group's strikers who got away, and BFA is "
            "a state",
        ),
        (
            "    fighters: 3\n    escaped: 1\n",
            ("    by: JNIM\n", "    by: BFA\n"),
            "events.raid.by: fighters counts an armed group's strikers, and BFA is a state: a "
            "strike by a state or a power is weighed whatever its size; got 'BFA'; expected an "
            "armed group or a belligerent, or no fighters and no escaped",
        ),
        (
            "    escaped: -1\n",
            None,
            "events.raid.escaped: wrong value; got -1; expected greater than or equal to 0",
        ),
        (
            "    escaped: all\n",
            None,
            "events.raid.escaped: wrong value; got 'all'; expected a whole number",
        ),
    ],
    ids=["more than struck", "an invasion", "a state's strike", "both", "negative", "words"],
)
def test_a_count_of_those_who_got_away_the_model_cannot_use_is_refused(
    write, sahelsim, counts, change, said
):
    text = _raid(target="MLI", fighters=counts, parameters="")
    path = write(text.replace(*change) if change else text)
    result = sahelsim("validate", str(path))
    assert result.status == 2 and "Traceback" not in result.out + result.err
    assert f"{path}:" in result.out and said in result.out, result.out


def test_validate_says_how_to_write_a_strike_that_left_no_one(write, sahelsim):
    """A suicide bomber written as one who struck, with nothing on who got away, is weighed
    for force at the default: validating says so, and says nothing once escaped is written."""
    path = write(_raid(target="MLI", fighters="    fighters: 1\n", parameters=""))
    result = sahelsim("validate", str(path))
    assert result.status == 0
    assert (
        "events.raid: counts who struck (fighters: 1) but not who got away: at "
        f"pursuit_threshold {THRESHOLD} it is weighed for force"
    ) in result.out, result.out
    assert "write escaped: 0" in result.out
    said = write(
        _raid(target="MLI", fighters="    fighters: 1\n    escaped: 0\n", parameters=""),
        name="said.yaml",
    )
    assert "who got away" not in sahelsim("validate", str(said)).out
    platoon = write(
        _raid(target="MLI", fighters="    fighters: 8\n", parameters=AT_PLATOON),
        name="platoon.yaml",
    )
    assert "who got away" not in sahelsim("validate", str(platoon)).out  # policed by its count


def test_an_armed_group_fought_in_an_offensive_defends_with_fighters_not_troops(write, sahelsim):
    """A reader's Mauritania 2007 told "AQIM defended with 50 troops": the fact base's groups,
    and those a scenario defines, fight with fighters, in English and French."""
    path = write(_raid(target="MLI", fighters="", parameters=""))
    english = sahelsim("explain", str(path), "--seed", "1", "--parameters", "point").out
    assert re.search(r"JNIM defended with [\d,]+ fighters\.", english), english
    french = sahelsim("explain", str(path), "--seed", "1", "--parameters", "point", "--lang", "fr")
    assert re.search(r"oppose [\d\u202f\u00a0]+ combattants à l'attaque", french.out), french.out
