"""The model's own ensemble from the class's start: how often its states made the class's choices.

A world of the class is one replicate (the class's seed) in which players took some decisions.
The debrief sets each decision a player took against unplayed runs from the same start: the same
scenario, on the replicate seeds ``sahelsim run SCENARIO --seed SEED --replicates N`` spawns from
the class's seed, each with the parameters its seed draws (as the class's worlds draw theirs).

A decision is compared by who took it, of which kind, about whom and under which clause, whatever
the day: "ECOWAS, its threat against Niger: attacked or not", "Niger: gave in or not", "Mali, its
obligation to Niger under art. 6: honoured, partial help or abstained", "Senegal's vote on the
crisis of the Gambia: for or against". A daily question counts as its decisive answer if it was
ever given (attack, concede), else as the other; an obligation or a vote counts as its first
answer. The class's side is read the same way from its world, replayed with its answers.

Each unplayed run is watched by deciders that answer nothing (the model's own rule stands), so the
runs are the plain runs, byte for byte; they only see the questions and the model's choices.
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections import Counter
from dataclasses import dataclass, field

from sim.model.players import Choice, Decider, Question, QuestionKind
from sim.model.records import RunRecord
from sim.run.plan import replicate_seeds
from sim.run.posterior import drawn_by_default
from sim.run.replicate import run_one
from sim.scenario.schema import Scenario

RUNS = 200
"""Unplayed runs the debrief compares with: a one-year run takes a few hundredths of a second."""

DECISIVE = {QuestionKind.ATTACK: Choice.ATTACK, QuestionKind.CONCESSION: Choice.CONCEDE}
"""The answer that settles a daily question for good (once given, the threat is carried out or
given in to)."""
OTHERWISE = {QuestionKind.ATTACK: Choice.STAND_DOWN, QuestionKind.CONCESSION: Choice.DEFY}
"""What a daily question counts as when its decisive answer was never given."""


@dataclass(frozen=True, order=True)
class Decision:
    """A decision as the debrief compares it across runs: who, which kind, about whom, under what.

    Attributes:
        role: who decides.
        kind: which decision.
        other: the other party (the target, the threatener, the victim).
        clause: ``pact:clause`` for obligations and votes, else empty.
    """

    role: str
    kind: QuestionKind
    other: str
    clause: str = ""


def decision_of(question: Question) -> Decision:
    """The decision a question belongs to, whatever its day."""
    clause = ""
    if question.kind in (QuestionKind.OBLIGATION, QuestionKind.VOTE, QuestionKind.DECISION):
        # series: "obligation:PACT:CLAUSE:...", "vote:PACT:CLAUSE:...", "decision:PACT:..."
        clause = ":".join(question.series.split(":")[1:3])
    return Decision(question.role, question.kind, question.other, clause)


@dataclass
class Watcher:
    """Deciders for every role that record what each decision came to in one run.

    Args:
        answer: the class's answers (``None``: none, every decision is the model's rule).
    """

    answer: Decider | None = None
    came_to: dict[Decision, Choice] = field(default_factory=dict)

    def __call__(self, question: Question) -> Choice | None:
        """The class's answer (or none), after noting what the decision came to."""
        choice = self.answer(question) if self.answer is not None else None
        taken = choice if choice is not None else question.model_choice
        decision = decision_of(question)
        if question.kind in DECISIVE:
            if taken is DECISIVE[question.kind]:
                self.came_to[decision] = taken
            else:
                self.came_to.setdefault(decision, OTHERWISE[question.kind])
        else:
            self.came_to.setdefault(decision, taken)
        return choice


def watched_run(
    scenario: Scenario, seed: int, roles: list[str], answer: Decider | None = None
) -> tuple[RunRecord, dict[Decision, Choice]]:
    """One run of ``scenario`` (drawn for ``seed``) and what each of its decisions came to."""
    watcher = Watcher(answer)
    run = run_one(scenario, seed, players=dict.fromkeys(roles, watcher))
    return run, watcher.came_to


@dataclass(frozen=True)
class EnsembleCounts:
    """What the decisions came to in ``runs`` unplayed runs from one start.

    Attributes:
        root_seed: the seed the replicates' seeds are spawned from (the class's).
        runs: how many runs.
        counts: for each decision, how many runs it came to each choice in (a decision that never
            arose in a run is counted in none).
    """

    root_seed: int
    runs: int
    counts: dict[Decision, Counter[Choice]]

    def faced(self, decision: Decision) -> int:
        """Runs in which the decision arose."""
        return sum(self.counts.get(decision, Counter()).values())

    def made(self, decision: Decision, choice: Choice) -> int:
        """Runs in which the decision came to ``choice``."""
        return self.counts.get(decision, Counter())[choice]


def model_ensemble(
    scenario: Scenario, root_seed: int, roles: list[str], runs: int = RUNS
) -> EnsembleCounts:
    """Run the ``runs`` unplayed replicates from the class's start and count their decisions.

    Args:
        scenario: the scenario as loaded (each replicate draws its own parameters).
        root_seed: the class's seed.
        roles: every role whose decisions are counted.
        runs: how many replicates.
    """
    counts: dict[Decision, Counter[Choice]] = {}
    for seed in replicate_seeds(root_seed, runs):
        _, came_to = watched_run(drawn_by_default(scenario, seed), seed, roles)
        for decision, choice in came_to.items():
            counts.setdefault(decision, Counter())[choice] += 1
    return EnsembleCounts(root_seed, runs, counts)


class Background:
    """The ensemble of a class, counted once, in a thread of its own or when first needed.

    The server starts it when the class opens, so it is ready long before a world ends; a caller
    that needs it before then (a test, a world finished at once) counts it in its own thread.
    """

    def __init__(self, scenario: Scenario, root_seed: int, roles: list[str], runs: int = RUNS):
        self._args = (scenario, root_seed, list(roles), runs)
        self._lock = threading.Lock()
        self._result: EnsembleCounts | None = None
        self._thread: threading.Thread | None = None
        self.failed: Exception | None = None  # why the counting failed, if it did

    def start(self) -> None:
        """Count in a background thread (once)."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._count, name="class-ensemble", daemon=True)
            self._thread.start()

    def _count(self) -> None:
        try:
            self.result()
        except Exception as error:  # the debrief says so instead of "still counting" for ever
            traceback.print_exc(file=sys.stderr)  # the details, in the lecturer's terminal
            self.failed = error

    @property
    def started(self) -> bool:
        """Whether a background thread was started to count them."""
        return self._thread is not None

    @property
    def ready(self) -> bool:
        """Whether the counts are there."""
        return self._result is not None

    def result(self) -> EnsembleCounts:
        """The counts, counted now if no thread has counted them yet."""
        with self._lock:
            if self._result is None:
                self._result = model_ensemble(*self._args)
            return self._result

    def now_or_never(self) -> EnsembleCounts | None:
        """The counts if ready; without a background thread, counted now; else ``None``."""
        if self._thread is None:
            return self.result()
        return self._result
