"""Third parties that use force on their own, and the threatener that lets them (buck-passing).

What a user relies on: a ``third_party_force`` event is checked like any other, with a located
message when it is wrong; while an outside party uses force against the target, the threatener is
never readier, and never attacks where it would not have; the story says who acted and why the
threatener held back, in English and in French.
"""

from __future__ import annotations

import re

import pytest
from conftest import readiness_on

from sim.model.records import RecordKind
from sim.present.catalogue import MESSAGES
from sim.present.narrative import render_text
from sim.run.replicate import run_one
from sim.scenario.loading import load_scenario

BASE = "niger-2023-base"
SEEDS = range(1, 25)

SCENARIO = """\
title: Strikes beside a threat
start: 2023-08-10
days: 30
actors:
  NER:
  NGA:
  FRA:
events:
  threat:
    kind: threat
    date: 2023-08-10
    by: ECOWAS
    target: NER
    deadline: 2023-08-24
  strikes:
    kind: third_party_force
    date: 2023-08-12
    party: FRA
    target: NER
"""


def _strikes(party: str = "FRA", date: str = "2023-08-14", until: str | None = None) -> str:
    who = f"body: {party}" if party.islower() else f"party: {party}"
    last = f", until: {until}" if until else ""
    return f"events.strikes={{kind: third_party_force, date: {date}, {who}, target: NER{last}}}"


# ---------------------------------------------------------------------- the event is checked


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        pytest.param(
            "party: FRA",
            "party: FRANCE",
            "{f}:18:12: events.strikes.party: not an actor of this scenario; got 'FRANCE'; "
            "expected one of FRA, NER, NGA; did you mean 'FRA'?",
            id="unknown party",
        ),
        pytest.param(
            "party: FRA",
            "body: un",
            "{f}:18:11: events.strikes.body: not a valid choice; got 'un'; expected one of "
            "au_psc, oau, unsc; did you mean 'unsc'?",
            id="unknown body",
        ),
        pytest.param(
            "party: FRA",
            "party: FRA\n    body: unsc",
            "{f}:19:11: events.strikes.body: a third party's use of force names who acts, once; "
            "got 'party: FRA, body: unsc'; expected exactly one of party (an actor of this "
            "scenario) and body (au_psc, unsc or oau)",
            id="both party and body",
        ),
        pytest.param(
            "party: FRA",
            "note: strikes",
            "{f}:16:5: events.strikes: a third party's use of force names who acts, once; got "
            "'neither party nor body'; expected exactly one of party (an actor of this scenario) "
            "and body (au_psc, unsc or oau)",
            id="neither party nor body",
        ),
        pytest.param(
            "party: FRA",
            "party: NER",
            "{f}:19:13: events.strikes.target: NER cannot use force against itself; got 'NER'; "
            "expected a target other than the actor in party",
            id="against itself",
        ),
        pytest.param(
            "party: FRA",
            "party: FRA\n    until: 2023-08-11",
            "{f}:19:12: events.strikes.until: its last day comes before the event's date "
            "(2023-08-12); got '2023-08-11'; expected a date on or after 2023-08-12",
            id="ends before it starts",
        ),
        pytest.param(
            "target: NER\n",
            "target: NER\n    strength: 1500\n",
            "{f}:20:5: events.strikes.strength: unknown key 'strength'; expected one of body, "
            "date, enabled, kind, note, note_fr, party, target, until",
            id="unknown key",
        ),
    ],
)
def test_a_mistaken_third_party_gets_a_located_message_and_exit_2(sahelsim, write, old, new, line):
    head, tail = SCENARIO.split("  strikes:\n")
    assert old in tail
    path = write(head + "  strikes:\n" + tail.replace(old, new, 1))
    result = sahelsim("validate", str(path))
    assert result.status == 2
    assert line.format(f=path) in result.out.splitlines(), result.out
    assert "Traceback" not in result.out + result.err


@pytest.mark.parametrize("who", ["party: FRA", "body: unsc"])
def test_a_power_or_a_body_s_mandated_force_is_a_valid_third_party(sahelsim, write, who):
    path = write(SCENARIO.replace("party: FRA", f"{who}\n    until: 2023-08-20"))
    result = sahelsim("validate", str(path))
    assert result.status == 0, result.out


# ---------------------------------------------------------------------- the threatener holds back


@pytest.mark.parametrize("weight", [0.0, 0.25, 1.0, 3.0])
@pytest.mark.parametrize("day", [0, 4, 14, 30])
def test_a_third_party_acting_never_makes_the_threatener_readier(weight, day):
    weighed = [f"parameters.buck_passing_weight={weight}"]
    plain, plain_terms = readiness_on(weighed, day)
    held, terms = readiness_on([*weighed, _strikes(date="2023-08-10")], day)
    assert held <= plain
    assert terms["third parties acting"] == ["FRA"]
    assert "third parties acting" not in plain_terms
    if weight > 0 and 0 < plain < 1:
        assert held < plain, "a positive weight lowers a readiness that can fall"


def test_the_term_holds_only_from_its_date_to_its_last_day():
    event = _strikes(date="2023-08-14", until="2023-08-20")  # days 4 to 10 of the run
    plain = {day: readiness_on([], day)[0] for day in (3, 4, 10, 11)}
    acting = {day: readiness_on([event], day) for day in (3, 4, 10, 11)}
    assert acting[3][0] == plain[3] and acting[11][0] == plain[11]
    assert acting[4][0] < plain[4] and acting[10][0] < plain[10]
    assert "third parties acting" not in acting[3][1] | acting[11][1]


def test_a_threatener_cannot_pass_the_buck_to_one_of_its_own_fighters():
    plain, _ = readiness_on([])
    own, terms = readiness_on([_strikes(party="NGA")])
    assert own == plain and "third parties acting" not in terms


def test_a_second_party_does_not_pass_the_buck_twice():
    one, _ = readiness_on([_strikes()])
    both = [_strikes(), _strikes(party="unsc").replace("events.strikes=", "events.unoci=")]
    two, terms = readiness_on(both)
    assert two == one and terms["third parties acting"] == ["FRA", "unsc"]


def _attacked(scenario, seed: int) -> bool:
    return any(r.kind is RecordKind.ATTACK_DECIDED for r in run_one(scenario, seed).records)


@pytest.mark.parametrize(
    ("date", "weight"), [("2023-08-10", 0.5), ("2023-08-24", 1.0), ("2023-09-05", 3.0)]
)
def test_on_the_same_seeds_a_threatener_never_attacks_where_it_would_not_have(date, weight):
    # No concession: a target that gives in less often (the threat being less credible) would
    # leave the threat open to be carried out later, a different question from this one.
    # A judgement spread wide enough that some seeds sit near the threshold, where the term acts.
    common = [
        "parameters.concession_rate=0",
        "parameters.intent_spread=0.5",
        f"parameters.buck_passing_weight={weight}",
    ]
    plain = load_scenario(BASE, common)
    acting = load_scenario(BASE, [*common, _strikes(date=date)])
    carried = [(_attacked(plain, s), _attacked(acting, s)) for s in SEEDS]
    assert all(a or not b for a, b in carried), "every attack with a third party is one without"
    assert sum(a for a, _ in carried) > 0, "the threat is carried out on some seeds"
    if date == "2023-08-10":
        assert sum(b for _, b in carried) < sum(a for a, _ in carried), "and some are held back"


# ---------------------------------------------------------------------- the story tells it


def _story_run():
    """A replicate in which ECOWAS lets France strike and stands down (seed found by search)."""
    scenario = load_scenario(
        BASE, ["parameters.concession_rate=0", _strikes(date="2023-08-10", until="2023-09-30")]
    )
    for seed in SEEDS:
        replicate = run_one(scenario, seed)
        if any(r.kind is RecordKind.STOOD_DOWN for r in replicate.records):
            return replicate
    raise AssertionError("no replicate stood down")


def test_explain_tells_the_third_party_and_the_held_back_threat_in_english():
    text = render_text(_story_run(), "en")
    assert "France used force against Niger on its own." in text
    assert "The action was to last until 30 Sep 2023." in text
    assert "Others were already using force against the target on their own (France)" in text


def test_explain_tells_them_in_french_without_english():
    text = render_text(_story_run(), "fr")
    assert "La France emploie la force contre le Niger de façon autonome." in text
    assert "L'action devait durer jusqu'au 30 sept. 2023." in text
    assert (
        "D'autres employaient déjà la force contre la cible de façon autonome (la France)" in text
    )
    english = [
        MESSAGES[key]["en"].split("{")[0].strip()
        for key in ("third_party_force", "third_party_force.until", "attack_decided.third_parties")
    ]
    assert not [phrase for phrase in english if phrase and phrase in text]
    told = re.sub(r"«[^»]*»", "«»", text)  # the scenario's notes are quoted as written, in English
    assert " the " not in told and " on its own" not in told


def test_a_body_s_mandated_force_is_told_as_such_in_both_languages(sahelsim, write):
    path = write(SCENARIO.replace("party: FRA", "body: unsc"))
    english = sahelsim("explain", str(path), "--seed", "1")
    french = sahelsim("explain", str(path), "--seed", "1", "--lang", "fr")
    assert english.status == 0 and french.status == 0, english.err + french.err
    assert "Forces mandated by the UN Security Council used force against Niger" in english.out
    assert (
        "Des forces mandatées par le Conseil de sécurité des Nations unies emploient la force "
        "contre le Niger de façon autonome." in french.out
    )
