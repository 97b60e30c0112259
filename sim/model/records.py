"""What a run leaves behind: typed event records, daily series, and the replicate record.

Records, not model state, are the output. Every decision the model takes is a
:class:`Record` carrying its reasons (the clause and article, the terms of the decision and
their values, the probability and the number drawn), so that summaries, figures and the
narrative ("Mali entered on 25 Aug under Art. 6 because...") are rendered from records alone.
Everything here is plain data that pickles and travels between processes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import numpy as np


class RecordKind(StrEnum):
    """Kinds of event record, in roughly the order a crisis produces them."""

    EVENT = "event"  # a scheduled event of the scenario fired
    COUP = "coup"
    THREAT = "threat"  # a threat is issued (scheduled or decided under a clause)
    ATTACK_DECIDED = "attack_decided"  # intent: the threatener attacks
    STOOD_DOWN = "stood_down"  # intent: the threatener gives up its threat
    DEADLINE_PASSED = "deadline_passed"  # intent: a threat's deadline came, no attack that day
    CONCEDED = "conceded"  # intent: the target of a threat gives in
    WAR_STARTED = "war_started"
    INCIDENT = "incident"  # an attack below the level of war
    REBELLION = "rebellion"  # insurgent strength crossed the rebellion threshold
    OBLIGATION = "obligation"  # a clause was triggered: who owes what to whom
    CLAUSE_UNMET = "clause_unmet"  # a clause's casus foederis arose, but not a condition of it
    VOTE = "vote"  # a body decided an obligation collectively
    RESPONSE = "response"  # an obliged actor honoured, helped partially or abstained
    ENTERED_WAR = "entered_war"  # an actor joined a war, with its cause
    WITHDREW = "withdrew"  # a state fighting another's war on foreign soil went home
    SUPPORT = "support"  # help short of war (support, non-military aid, lending, backing)
    CONSULTATION = "consultation"  # parties consulted on a breach, under a clause
    WAR_ENDED = "war_ended"
    WAR_RESUMED = "war_resumed"  # a mediated ceasefire broke down and the war was fought again
    MEMBERSHIP = "membership"
    STANCE = "stance"  # a body outside the crisis backs or opposes a threatener's position
    REFUSAL = "refusal"  # a state's legislature or public refuses the use of force
    THIRD_PARTY_FORCE = "third_party_force"  # an outside party uses force on its own
    REQUEST = "request"  # a state asks others for help outside any pact's clause
    DEPLOYMENT = "deployment"
    DEPARTURE = "departure"


class Response(StrEnum):
    """How an obliged actor answered an obligation."""

    HONOURED = "honoured"
    PARTIAL = "partial"  # non-military help instead of what the clause asks
    ABSTAINED = "abstained"


class Unasked(StrEnum):
    """Why a request asked nothing of anyone: it had nothing to help against."""

    NOTHING = "nothing"  # no war, no armed group operating in the state that asks, no striker
    NOT_FIGHTING = "not_fighting"  # the actor named in `against` is not fighting it
    ATTACKER = "attacker"  # its only wars, or its war with `against`, are ones it started


COUP_ATTEMPT_REASON = "coup attempt"
"""The reason a ``war_ended`` record gives for an attempted coup decided (docs/model.md §7.8)."""

OFFENSIVE_OVER = "offensive over"
"""The reason a ``war_ended`` or ``withdrew`` record gives for a limited offensive that ran its
course (docs/model.md §7.11)."""


class WarOutcome(StrEnum):
    """How a war ended."""

    ATTACKERS_WON = "attackers_won"  # the defending side broke or capitulated
    DEFENDERS_WON = "defenders_won"  # the attacking side broke or gave up
    MEDIATED = "mediated"  # a neutral actor brokered a ceasefire (that held to the horizon)
    CEASEFIRE = "ceasefire"  # a scheduled ceasefire
    ONGOING = "ongoing"  # still fighting at the horizon


@dataclass(frozen=True)
class Record:
    """One thing that happened, with its reasons.

    Attributes:
        day: days since the scenario's start (0 is the start date).
        kind: what happened.
        actor: who acted (or was acted on, for events such as a coup).
        target: the other party, when there is one.
        data: the details, by name: ``pact``, ``clause``, ``article``, ``action``,
            ``response``, ``probability``, ``draw``, ``terms`` (the decision's terms and their
            values), ``war``, ``cause`` (the record that led to this one)...
    """

    day: int
    kind: RecordKind
    actor: str
    target: str = ""
    data: dict[str, Any] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        """A detail of the record, or ``default``."""
        return self.data.get(key, default)

    def row(self) -> dict[str, Any]:
        """The record as one flat mapping, without empty details (a line of events.jsonl)."""
        return {
            "day": self.day,
            "kind": self.kind.value,
            "actor": self.actor,
            "target": self.target,
            **{k: v for k, v in self.data.items() if v is not None},
        }


@dataclass
class Series:
    """Daily values, one row per day from the start (day 0) to the horizon.

    Per actor (columns in ``actors`` order): ``forces`` (personnel left), ``committed`` (at a
    front), ``casualties`` (cumulative), ``side`` (0 neutral, 1 attacking side, 2 defending side,
    in the actor's first war). Per armed group (columns in ``groups`` order): ``strength``.
    Overall: ``belligerents`` and ``wars`` (counts).
    """

    actors: list[str]
    groups: list[str]
    forces: np.ndarray
    committed: np.ndarray
    casualties: np.ndarray
    side: np.ndarray
    strength: np.ndarray
    belligerents: np.ndarray
    wars: np.ndarray

    @classmethod
    def empty(cls, days: int, actors: list[str], groups: list[str]) -> Series:
        """Zero-filled series for ``days + 1`` rows."""
        rows = days + 1
        return cls(
            actors=list(actors),
            groups=list(groups),
            forces=np.zeros((rows, len(actors))),
            committed=np.zeros((rows, len(actors))),
            casualties=np.zeros((rows, len(actors))),
            side=np.zeros((rows, len(actors)), dtype=np.int8),
            strength=np.zeros((rows, len(groups))),
            belligerents=np.zeros(rows, dtype=np.int16),
            wars=np.zeros(rows, dtype=np.int16),
        )


@dataclass
class RunRecord:
    """Everything one replicate produced: its seed, records, series and summary."""

    scenario_title: str
    start: dt.date
    days: int
    seed: int
    records: list[Record]
    series: Series
    summary: dict[str, Any]
    scenario_title_fr: str = ""  # the title the scenario's French notes give, if any
    notes_fr: dict[str, str] = field(default_factory=dict)  # events' notes in French, by name
