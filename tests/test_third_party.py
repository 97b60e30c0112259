"""Third parties that use force on their own: the event, its checks and its story.

What a user relies on: a ``third_party_force`` event is checked like any other, with a located
message when it is wrong, and the story says who acted, in English and in French.
"""

from __future__ import annotations

import pytest

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
            "au_psc, unsc; did you mean 'unsc'?",
            id="unknown body",
        ),
        pytest.param(
            "party: FRA",
            "party: FRA\n    body: unsc",
            "{f}:19:11: events.strikes.body: a third party's use of force names who acts, once; "
            "got 'party: FRA, body: unsc'; expected exactly one of party (an actor of this "
            "scenario) and body (au_psc or unsc)",
            id="both party and body",
        ),
        pytest.param(
            "party: FRA",
            "note: strikes",
            "{f}:16:5: events.strikes: a third party's use of force names who acts, once; got "
            "'neither party nor body'; expected exactly one of party (an actor of this scenario) "
            "and body (au_psc or unsc)",
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
            "date, enabled, kind, note, party, target, until",
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


# ---------------------------------------------------------------------- the story tells it


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
