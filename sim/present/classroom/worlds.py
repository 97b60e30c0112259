"""One group's world: a live run that pauses at each decision its players hold.

A model cannot stop in the middle of a day and wait for a phone. So a world runs its model
until a played role faces a decision nobody has answered yet; the decider then raises
:class:`DecisionNeeded`, the half-run day is thrown away and the question waits. Once it is
answered (or its timer runs out and the model's own rule stands), the world runs a fresh model
from day 0 with every answer given so far: the run is a pure function of the scenario, the seed
and the answers, so the replay retraces the same days and goes on past the question. A full
year takes a few hundredths of a second, so replaying is cheap; and the answers alone are
enough to reproduce the class's run.
"""

from __future__ import annotations

from dataclasses import dataclass

from sim.model.model import SahelModel
from sim.model.players import Choice, Question, QuestionKind
from sim.model.records import Record
from sim.model.world import World

HOLD_DAYS = 7
"""A daily question (attack or wait, concede or defy) answered "wait", "defy" or left to the
model's rule is not asked again for this many days: a class decides once a week, not daily."""

DAILY = (QuestionKind.ATTACK, QuestionKind.CONCESSION)
HOLDS = (None, Choice.WAIT, Choice.DEFY)


def held_over(answers: dict[tuple[str, int], Choice | None]) -> set[tuple[str, int]]:
    """The answers of ``answers`` that no one gave: the days a daily choice held for.

    A daily question answered "wait", "defy" or left to the model's rule is not asked again
    for :data:`HOLD_DAYS` days: :meth:`GroupWorld.settle` writes the same answer for each of
    them. Those are held over; the others were answers to a question put to the class.
    """
    daily = {kind.value for kind in DAILY}
    held, last = set(), {}  # last: each series' last answer given, (day, choice)
    for series, day in sorted(answers):
        choice = answers[(series, day)]
        given = last.get(series)
        if (
            given is not None
            and series.split(":")[0] in daily
            and choice in HOLDS
            and choice == given[1]
            and day - given[0] < HOLD_DAYS
        ):
            held.add((series, day))
        else:
            last[series] = (day, choice)
    return held


class DecisionNeeded(Exception):
    """Raised by a world's decider: a played role faces a question not answered yet."""

    def __init__(self, question: Question):
        super().__init__(question.series)
        self.question = question


@dataclass(frozen=True)
class Answer:
    """A question put to a player and how it was settled.

    Attributes:
        question: the question.
        choice: the player's choice, or ``None`` when the timer let the model's rule stand.
        by: ``"player"`` or ``"timer"``.
    """

    question: Question
    choice: Choice | None
    by: str


class GroupWorld:
    """One world of a class session: one model of the scenario on the class's seed.

    Args:
        world: the resolved scenario (shared by every group, never changed by a run).
        seed: the replicate seed (the same for every group, so groups differ only by choices).
        roles: every role of the class; the model asks the world about each of them, and the
            world lets the model's rule decide for those no phone holds.
    """

    def __init__(self, world: World, seed: int, roles: list[str]):
        self.world = world
        self.seed = seed
        self.roles = list(roles)
        self.horizon = world.scenario.days
        self.played: set[str] = set()  # roles a phone holds: their questions wait for it
        self.answers: dict[tuple[str, int], Choice | None] = {}
        self.roles_of: dict[str, str] = {}  # the role each series of questions belongs to
        self.log: list[Answer] = []
        self.pending: Question | None = None
        self.leading: list[Record] = []  # what the pending question's day brought before it
        self.done = -1  # the last day fully run
        self.target = -1  # the day the lecturer asked to run to
        self.model = self._fresh()

    # ------------------------------------------------------------------ running

    def _fresh(self) -> SahelModel:
        return SahelModel(self.world, self.seed, players=dict.fromkeys(self.roles, self.decide))

    def decide(self, question: Question) -> Choice | None:
        """The decider every role is given: an answer, the model's rule, or a pause."""
        if question.key in self.answers:
            return self.answers[question.key]
        if question.role not in self.played or question.day <= self.done:
            return None  # not held, or on a day already run without that role's player
        raise DecisionNeeded(question)

    @property
    def day(self) -> int:
        """The last day fully run (-1 before the first)."""
        return self.done

    @property
    def today(self) -> int:
        """The day the pages show: a waiting question's, else the last day fully run.

        A question's day is the one being decided; -1 before the first day.
        """
        return self.pending.day if self.pending is not None else self.done

    @property
    def finished(self) -> bool:
        """Whether the horizon has been run."""
        return self.done >= self.horizon

    def advance(self, days: int) -> None:
        """Ask for ``days`` more days and run as far as the questions allow."""
        self.target = min(self.horizon, max(self.target, self.done) + days)
        self._run()

    def _run(self) -> None:
        while self.pending is None and self.done < self.target:
            try:
                self.model.step()
            except DecisionNeeded as need:
                self.pending = need.question
                # The replay retraces that day up to the question: what it brought so far (the
                # strike the question is about) is what the class sees while it decides.
                self.leading = [r for r in self.model.records if r.day > self.done]
                self._restart()  # the day was left half-run: rebuild up to the day before
                return
            self.done = self.model.day

    def _restart(self) -> None:
        """A fresh model run again to the last full day, with every answer so far."""
        self.model.release()
        self.model = self._fresh()
        while self.model.day < self.done:
            self.model.step()

    def settle(self, choice: Choice | None, by: str) -> Answer:
        """Settle the pending question (``None``: the model's rule) and run on.

        Raises:
            ValueError: nothing is pending, or the choice is not one of the question's options.
        """
        question = self.pending
        if question is None:
            raise ValueError("no question is pending")
        if choice is not None and choice not in question.options:
            raise ValueError(f"{choice!r} is not one of {question.options}")
        self.answers[question.key] = choice
        self.roles_of[question.series] = question.role
        if question.kind in DAILY and choice in HOLDS:
            for later in range(1, HOLD_DAYS):
                self.answers.setdefault((question.series, question.day + later), choice)
        answer = Answer(question, choice, by)
        self.log.append(answer)
        self.pending = None
        self._run()
        return answer

    # ------------------------------------------------------------------ what pages read

    @property
    def records(self) -> list[Record]:
        """The records of the days fully run."""
        return [r for r in self.model.records if r.day <= self.done]

    @property
    def shown(self) -> list[Record]:
        """What the pages tell: the days fully run, and what a waiting question's day brought.

        While a question waits, the records of its day before it (the strike a struck state is
        asked about) are shown; the saved run keeps only the days fully run.
        """
        return self.records + (self.leading if self.pending is not None else [])
