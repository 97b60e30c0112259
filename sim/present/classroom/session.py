"""A class session: up to eight worlds of one scenario, the phones that play them, the timers.

Pure Python, no web: the server (:mod:`.server`) turns requests into calls here, and the tests
call it directly with a clock of their own.

- The lecturer opens a session on a scenario and a seed, with one to :data:`MAX_GROUPS` worlds
  (one per group of students, all on the same seed: groups differ only by their choices).
- A phone joins with the session's join code and gets a secret token (kept in the browser) and
  a public seat id (shown on the projector); the lecturer gives it a role in a world, or draws.
- A role is a head of state of one of the scenario's states, an organisation that threatens
  force or decides on an obligation by its members' votes (the ECOWAS Authority), or an
  observer. One phone per role in a world; observers
  unlimited.
- When a world reaches a decision of a role a phone holds, the run pauses and the question gets
  a fresh id and a deadline. Only the phone holding that role in that world, naming that id,
  may answer; once settled the id answers nothing, so a replayed or late message is refused without
  touching the run. When the deadline passes, the model's own rule decides (the same keyed
  draws as an unplayed run, so fallbacks are reproducible). The lecturer's Pause stops the
  deadlines too; Play (or a step) gives back the seconds left.
- A phone that drops comes back with its token and finds its role and any pending question.
- A new round (the same scenario or another) starts every world again with the phones that
  have joined, each keeping its role if the scenario has it.
"""

from __future__ import annotations

import random
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sim import __version__
from sim.model.players import Choice, Question
from sim.model.records import RunRecord
from sim.model.world import build_world
from sim.present.app.live import WEEK, days_on
from sim.present.classroom.ensemble import RUNS, Background, Decision, watched_run
from sim.present.classroom.runfile import ClassRun, parameters_of, plain, write_class_run
from sim.present.classroom.worlds import Answer, GroupWorld
from sim.run.posterior import default_posterior, drawn_by_default
from sim.scenario.facts import fact_base
from sim.scenario.loading import load_scenario
from sim.scenario.vocabulary import ActorKind

MAX_GROUPS = 8
MAX_SEATS = 30 * MAX_GROUPS
"""Phones a class takes at most: a phone joining beyond is refused (a flood cannot fill memory)."""
OBSERVER = "observer"
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread on a projector
CODE_LENGTH = 6
DEFAULT_TIMEOUT = 45.0
"""Seconds a player has to answer before the model's own rule decides."""
DAYS_PER_TICK = 1
"""Days a playing world advances on each tick of the server's clock."""


class Refused(Exception):
    """A request the session refuses; ``reason`` names it (``refused.<reason>`` in the words).

    Args:
        reason: ``code``, ``token``, ``key``, ``seat``, ``group``, ``role``, ``not_yours``,
            ``stale``, ``choice``, ``full`` or ``malformed``.
    """

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class Seat:
    """A phone in the class.

    Attributes:
        id: public id, shown on the projector (the lecturer assigns roles by it).
        token: secret, known only to the phone (and kept in its browser).
        name: the first name the student typed.
        group: the world it plays in (0-based).
        role: its role in that world.
    """

    id: str
    token: str = field(repr=False)
    name: str
    group: int
    role: str = OBSERVER
    last_seen: float = 0.0


@dataclass
class Ask:
    """A pending question of one world, as the phones see it: its id and deadline."""

    id: str
    question: Question
    deadline: float


class ClassSession:
    """The class's worlds, seats and timers.

    Args:
        scenario: a bundled scenario name or a scenario file.
        groups: how many worlds (1 to :data:`MAX_GROUPS`).
        seed: the replicate seed every world runs on.
        timeout: seconds a player has to answer.
        clock: the time, in seconds (``time.monotonic``; tests pass their own).
        code: the join code (drawn by default).
        save: a folder where each world's answers are written after every decision
            (``class-CODE-world-N.json``, for ``sahelsim explain --class-run``).
        ensemble_runs: the unplayed runs from the same start the debrief compares with.

    Raises:
        ValueError: ``groups`` out of range or ``timeout`` not positive.
        ScenarioError: the scenario is not valid.
    """

    def __init__(
        self,
        scenario: str = "niger-2023-base",
        *,
        groups: int = 1,
        seed: int = 1,
        timeout: float = DEFAULT_TIMEOUT,
        clock: Callable[[], float] = time.monotonic,
        code: str | None = None,
        save: Path | None = None,
        ensemble_runs: int = RUNS,
    ):
        if not 1 <= groups <= MAX_GROUPS:
            raise ValueError(f"groups must be between 1 and {MAX_GROUPS}, not {groups}")
        if timeout <= 0:
            raise ValueError(f"timeout must be a positive number of seconds, not {timeout}")
        self.timeout = float(timeout)
        self.clock = clock
        self.code = code or "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        self.lecturer_key = secrets.token_urlsafe(18)
        self.seats: dict[str, Seat] = {}  # by token
        self.draws = 0
        self.save = None if save is None else Path(save)
        self.ensemble_runs = ensemble_runs
        self.round = 0
        self._open(scenario, seed, groups)

    def _open(self, scenario: str, seed: int, groups: int) -> None:
        """Open a round: every world of ``scenario`` at its start, on ``seed``.

        Raises:
            InputError: no such scenario, or it is not valid (nothing of the class changes).
        """
        loaded = load_scenario(scenario)
        seed = int(seed)
        # the parameters a bundle's replicate of this seed runs with, as the app's
        drawn = drawn_by_default(loaded, seed)
        world = build_world(drawn, fact_base())
        # a scenario file is named by its full path, so that a saved run finds it again
        self.scenario_name = (
            str(Path(scenario).resolve()) if Path(scenario).is_file() else str(scenario)
        )
        self.seed, self.scenario, self.world = seed, drawn, world
        self.round += 1
        self.organisations = frozenset(self.threateners()) | self.deciding_bodies()
        self.roles = self._roles()
        self.worlds = [GroupWorld(self.world, self.seed, self.roles) for _ in range(groups)]
        self.asks: list[Ask | None] = [None] * groups
        self.running = False
        self.paused_at: float | None = None  # when the lecturer paused: the timers stand still
        self.stories: dict[tuple[int, str], tuple] = {}  # the pages' story of each world, told
        self.ensemble = Background(loaded, self.seed, self.roles, self.ensemble_runs)
        self._replays: dict[int, tuple[int, RunRecord, dict[Decision, Choice]]] = {}

    def new_round(self, scenario: str | None = None, seed: int | None = None) -> None:
        """Play again, the same scenario or another, with the phones that have joined.

        Every world starts again from the scenario's first day (on ``seed``, by default the
        class's); each phone stays in its world and keeps its role if the scenario has it, else
        observes. The unplayed runs the debrief compares with are counted again, in the
        background if the last round's were; from the second round on, saved runs are named
        ``class-CODE-round-R-world-N.json``, so that no round overwrites another's.

        Raises:
            InputError: no such scenario, or it is not valid (the round under way goes on).
        """
        counting = self.ensemble.started
        self._open(
            self.scenario_name if scenario is None else scenario,
            self.seed if seed is None else seed,
            len(self.worlds),
        )
        for seat in self.seats.values():
            if seat.role not in self.roles:
                seat.role = OBSERVER
            else:
                self.worlds[seat.group].played.add(seat.role)
        if counting:
            self.ensemble.start()

    # ------------------------------------------------------------------ roles

    def threateners(self) -> list[str]:
        """Organisations that threaten force in the scenario (they decide to attack or not)."""
        return [
            e.by
            for e in self.scenario.events.values()
            if getattr(e, "kind", None) == "threat" and e.by in self.world.organisations
        ]

    def deciding_bodies(self) -> frozenset[str]:
        """Organisations that decide an obligation by their members' votes under a pact in play.

        The ECOWAS Authority under the 1999 Mechanism's Art. 25: a player can hold its decision.
        """
        return frozenset(
            clause.body
            for pact in self.world.pacts.values()
            for clause in pact.clauses
            if clause.body is not None and clause.body in self.world.organisations
        )

    def _roles(self) -> list[str]:
        """Every role but the observer, those who decide first in the crisis first."""
        states = [a.id for a in self.world.actors.values() if a.kind is ActorKind.STATE]
        first = []
        for e in self.scenario.events.values():
            if getattr(e, "kind", None) == "threat":
                first += [e.target, e.by]
            elif getattr(e, "kind", None) == "request":
                first += e.to  # the asked decide whether to help
        ordered = [r for r in dict.fromkeys(first) if r in states or r in self.organisations]
        bodies = sorted(b for b in self.organisations if b not in ordered)
        return ordered + [s for s in states if s not in ordered] + bodies

    # ------------------------------------------------------------------ phones

    def join(self, code: str, name: str, group: int | None = None) -> Seat:
        """A phone joins with the join code; it gets a seat (an observer) in a world.

        Raises:
            Refused: ``code`` is wrong, ``group`` is not a world of the class, or the class is
                full.
        """
        if not isinstance(code, str) or not secrets.compare_digest(
            code.strip().upper().encode(), self.code.encode()
        ):
            raise Refused("code")
        if len(self.seats) >= MAX_SEATS:
            raise Refused("full")
        if group is None:  # the world with fewest phones
            group = min(range(len(self.worlds)), key=lambda g: len(self.seats_in(g)))
        self._check_group(group)
        seat = Seat(
            id=f"{len(self.seats) + 1}",
            token=secrets.token_urlsafe(18),
            name=(name or "").strip()[:24] or "?",
            group=group,
            last_seen=self.clock(),
        )
        self.seats[seat.token] = seat
        return seat

    def seat(self, token: object) -> Seat:
        """The seat of a token (a phone coming back finds its role).

        Raises:
            Refused: no seat has that token.
        """
        seat = self.seats.get(token) if isinstance(token, str) else None
        if seat is None:
            raise Refused("token")
        seat.last_seen = self.clock()
        return seat

    def seats_in(self, group: int) -> list[Seat]:
        """The seats of one world, in the order they joined."""
        return [s for s in self.seats.values() if s.group == group]

    def holder(self, group: int, role: str) -> Seat | None:
        """The seat holding ``role`` in world ``group``, if any."""
        return next((s for s in self.seats_in(group) if s.role == role), None)

    # ------------------------------------------------------------------ the lecturer

    def check_key(self, key: object) -> None:
        """Raises Refused("key") unless ``key`` is the lecturer's."""
        if not isinstance(key, str) or not secrets.compare_digest(
            key.encode(), self.lecturer_key.encode()
        ):
            raise Refused("key")

    def assign(self, seat_id: str, role: str, group: int | None = None) -> Seat:
        """Give a seat a role (in ``group``, or its own world); a former holder observes.

        Raises:
            Refused: no such seat, role or world.
        """
        seat = next((s for s in self.seats.values() if s.id == seat_id), None)
        if seat is None:
            raise Refused("seat")
        if role != OBSERVER and role not in self.roles:
            raise Refused("role")
        if group is not None:
            self._check_group(group)
            self._release(seat)
            seat.group = group
        self._give(seat, role)
        self._settle_orphans()
        return seat

    def _give(self, seat: Seat, role: str) -> None:
        self._release(seat)
        if role != OBSERVER:
            former = self.holder(seat.group, role)
            if former is not None:
                former.role = OBSERVER
            self.worlds[seat.group].played.add(role)
        seat.role = role

    def _release(self, seat: Seat) -> None:
        if seat.role != OBSERVER:
            self.worlds[seat.group].played.discard(seat.role)
            seat.role = OBSERVER

    def draw(self) -> None:
        """Draw roles: in each world, its phones get the roles in order of who decides first.

        The draw is shuffled with the session's seed and the draw's number, so it is the same
        for the same class; phones beyond the roles observe.
        """
        self.draws += 1
        rng = random.Random(f"{self.seed}:draw:{self.draws}")
        for group in range(len(self.worlds)):
            seats = self.seats_in(group)
            rng.shuffle(seats)
            for seat in seats:
                self._release(seat)
            for seat, role in zip(seats, self.roles, strict=False):
                self._give(seat, role)
        self._settle_orphans()

    def _settle_orphans(self) -> None:
        """A question whose role no phone holds any more is left to the model's rule."""
        for group, ask in enumerate(self.asks):
            if ask is not None and self.holder(group, ask.question.role) is None:
                self.worlds[group].played.discard(ask.question.role)
                self._settle(group, None, "timer")

    def play(self, running: bool) -> None:
        """Start or pause the worlds (a paused world still waits for its question).

        Pause stops the pending questions' timers too (the lecturer stops the class to talk);
        Play, or a step, starts them again with the seconds they had left.
        """
        if running:
            self._resume()
        elif self.paused_at is None:  # also after a step: Pause always stops the clock
            self.paused_at = self.clock()
        self.running = bool(running)

    def _resume(self) -> None:
        """Give the pending questions back the time the pause took."""
        if self.paused_at is not None:
            paused = self.clock() - self.paused_at
            self.paused_at = None
            for ask in self.asks:
                if ask is not None:
                    ask.deadline += paused

    def now(self) -> float:
        """The time the timers count by: stopped at the moment of a pause."""
        return self.paused_at if self.paused_at is not None else self.clock()

    def step(self, days: int) -> None:
        """Run every world ``days`` more days (as far as its questions allow)."""
        self._resume()
        for g, world in enumerate(self.worlds):
            world.advance(days)
            self._sync(g)

    def step_week(self) -> None:
        """Ask every world for a week more, as the app's button: to day 7 from the start.

        The week counts from the day a world was already asked to reach (the day shown, unless
        a question holds it back): a second press while a phone decides asks for a week more.
        """
        self._resume()
        for g, world in enumerate(self.worlds):
            world.advance(days_on(max(world.target, world.day), WEEK))
            self._sync(g)

    def tick(self) -> None:
        """Settle questions whose time is up, and advance playing worlds: the server's heartbeat."""
        now = self.now()
        for g, world in enumerate(self.worlds):
            ask = self.asks[g]
            if ask is not None and now >= ask.deadline:
                self._settle(g, None, "timer")
            if self.running and self.asks[g] is None and not world.finished:
                world.advance(DAYS_PER_TICK)
                self._sync(g)

    def _sync(self, group: int) -> None:
        """Give a world's new pending question an id and a deadline."""
        pending = self.worlds[group].pending
        ask = self.asks[group]
        if pending is None:
            self.asks[group] = None
        elif ask is None or ask.question is not pending:
            self.asks[group] = Ask(secrets.token_urlsafe(12), pending, self.now() + self.timeout)

    def _settle(self, group: int, choice: Choice | None, by: str) -> Answer:
        self.asks[group] = None  # its id answers nothing any more: a replay of it is refused
        answer = self.worlds[group].settle(choice, by)
        self._sync(group)
        if self.save is not None:
            write_class_run(self.run_path(group), self.class_run(group))
        return answer

    def class_run(self, group: int) -> ClassRun:
        """What one world's players chose so far: enough to tell its story again."""
        world = self.worlds[group]
        answers = {
            key: (world.roles_of[key[0]], choice)
            for key, choice in world.answers.items()
            if choice is not None
        }
        return ClassRun(
            self.scenario_name,
            self.seed,
            group + 1,
            answers,
            parameters_of(default_posterior()),
            [plain(r.row()) for r in world.records],
            world.done,
            __version__,
        )

    def replayed(self, group: int) -> tuple[RunRecord, dict[Decision, Choice]]:
        """A world run again with its answers: its summary, and what each decision came to."""
        answered = len(self.worlds[group].log)
        cached = self._replays.get(group)
        if cached is None or cached[0] != answered:
            run, came_to = watched_run(
                self.scenario, self.seed, self.roles, self.class_run(group).decide
            )
            cached = (answered, run, came_to)
            self._replays[group] = cached
        return cached[1], cached[2]

    def run_path(self, group: int) -> Path:
        """Where a world's answers are saved (each round's apart from the first's)."""
        played = f"-round-{self.round}" if self.round > 1 else ""
        return self.save / f"class-{self.code}{played}-world-{group + 1}.json"

    def _check_group(self, group: object) -> None:
        if not isinstance(group, int) or isinstance(group, bool):
            raise Refused("group")
        if not 0 <= group < len(self.worlds):
            raise Refused("group")

    # ------------------------------------------------------------------ deciding

    def decide(self, token: object, question_id: object, choice: object) -> Answer:
        """A phone's answer to its world's pending question.

        Raises:
            Refused: ``token`` unknown; ``question_id`` is no pending question (``stale``:
                answered, timed out, or a replay); the question is another role's or another
                world's (``not_yours``); ``choice`` is not one of its options.
        """
        seat = self.seat(token)
        if not isinstance(question_id, str) or not isinstance(choice, str):
            raise Refused("malformed")
        group = next(
            (
                g
                for g, ask in enumerate(self.asks)
                if ask is not None and secrets.compare_digest(ask.id.encode(), question_id.encode())
            ),
            None,
        )
        if group is None:
            raise Refused("stale")
        ask = self.asks[group]
        if seat.group != group or seat.role != ask.question.role:
            raise Refused("not_yours")
        try:
            picked = Choice(choice)
        except ValueError:
            raise Refused("choice") from None
        if picked not in ask.question.options:
            raise Refused("choice")
        return self._settle(group, picked, "player")

    def ask_for(self, seat: Seat) -> Ask | None:
        """The question waiting for this seat, if its role has one now."""
        ask = self.asks[seat.group]
        if ask is not None and seat.role != OBSERVER and ask.question.role == seat.role:
            return ask
        return None

    def seconds_left(self, ask: Ask) -> int:
        """Whole seconds left to answer (0 once due)."""
        return max(0, round(ask.deadline - self.now()))
