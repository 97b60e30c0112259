"""Parameter sweeps: points in parameter space, each run on the same replicate seeds.

A sweep varies one or more scenario values (dotted paths, as with ``--set``) over a *design*
(:mod:`sim.run.designs`: a grid, a Latin hypercube, or a sample made by the sensitivity
analysis); this module plans and runs it. Every point runs the same replicate seeds,
``replicate_seeds(root, replicates)`` (common random numbers), so what differs between points
is the parameters' doing, not noise.

Each point's scenario is built by the loader, ``load_scenario(source, [*sets, "PATH=VALUE"])``,
so a bad path or value gets the loader's located message. Rows stream to ``results.csv`` in
point and replicate order whatever the number of workers, and only the tasks in flight are
held, so memory stays flat in the number of points.

Layout of a sweep folder::

    manifest.json   scenario hash, seeds, the design, command line, timings
    scenario.yaml   the scenario every point starts from (with the --set overrides)
    points.csv      one row per point: its index and parameter values
    results.csv     one row per point and replicate: point, replicate, seed, values, summary
    failures.jsonl  replicates that raised, with their tracebacks (only when some did)

Files are written in ``.partial/`` and moved in when complete, as in a results bundle; a sweep
killed at any moment resumes from its last checkpoint (``--resume``) to the same bytes. Stopped
with Ctrl-C before any replicate finished, it publishes nothing: only ``.partial/`` is left.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import hashlib
import json
import math
import platform
import shlex
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import mesa
import numpy as np
import yaml

from sim import __version__
from sim.errors import InputError, Joined, ScenarioError, Text, did_you_mean, nearest, one_of
from sim.model.outcome_registry import OUTCOMES, Estimator
from sim.model.outcomes import SUMMARY_COLUMNS
from sim.run import checkpoint
from sim.run.bundle import (
    LISTED_SEEDS,
    NOT_A_FORECAST,
    _cell,
    _csv_text,
    base_identity,
    resolved_document,
    scenario_hash,
)
from sim.run.checkpoint import publish
from sim.run.designs import (
    Axis,
    Design,
    check_unique,
    declared_parameter,
    design_seed,
    grid_design,
    latin_hypercube,
    lhs_design,
    make_design,
    parse_param,
    value_text,
)
from sim.run.executors import worker_lost
from sim.run.folders import finished_work
from sim.run.local_pool import WorkerDied, in_order_locally
from sim.run.options import DEFAULT_OUTCOMES, Executor
from sim.run.plan import plan_runs
from sim.run.replicate import run_one
from sim.scenario.loading import load_scenario
from sim.scenario.schema import Scenario

# The public names, with the designs' and DEFAULT_OUTCOMES, which used to be defined here.
__all__ = [
    "CHUNK",
    "DEFAULT_OUTCOMES",
    "RESUMABLE",
    "WORD_COLUMNS",
    "Chunk",
    "SweepPlan",
    "SweepWriter",
    "Task",
    "check_outcomes",
    "design_seed",
    "execute_sweep",
    "grid_design",
    "latin_hypercube",
    "lhs_design",
    "make_design",
    "parse_param",
    "plan_sweep",
    "run_sweep",
]

WORD_COLUMNS = tuple(c for c, o in OUTCOMES.items() if o.estimator is Estimator.NONE)
"""Summary columns that hold a word, not a number: they have no mean to plot."""

CHUNK = 25
"""Most replicates of one point sent to a worker at once (enough to amortise the pickling)."""


def check_outcomes(columns: Sequence[str]) -> tuple[str, ...]:
    """Validate ``--outcome`` columns: numeric or yes/no summary columns, each once."""
    numeric = [c for c in SUMMARY_COLUMNS if c not in WORD_COLUMNS]
    for column in columns:
        if column in WORD_COLUMNS:
            raise InputError(
                Text(
                    "--outcome {column}: holds a word, not a number, so it has no mean; expected "
                    "{choices}",
                    column=column,
                    choices=one_of(numeric, 30),
                )
            )
        if column not in SUMMARY_COLUMNS:
            hint = nearest(column, numeric)
            message = Text(
                "--outcome {column}: not a summary column; expected {choices}",
                column=column,
                choices=one_of(numeric, 30),
            )
            raise InputError(did_you_mean(message, hint))
    return tuple(dict.fromkeys(columns))


# --------------------------------------------------------------------------- plans


@dataclass(frozen=True)
class SweepPlan:
    """What a sweep runs: a base scenario, a design, and one seed per replicate for every point."""

    source: str
    sets: tuple[str, ...]
    scenario: Scenario
    design: Design
    root_seed: int
    seeds: Sequence[int]  # derived on demand (sim.run.plan.ReplicateSeeds)
    seed_was_drawn: bool
    outcomes: tuple[str, ...] = DEFAULT_OUTCOMES
    kind: str = "sweep"

    @property
    def replicates(self) -> int:
        """Replicates per point."""
        return len(self.seeds)

    @property
    def total(self) -> int:
        """Replicates in all."""
        return self.design.points * self.replicates

    def scenario_at(self, point: int) -> Scenario:
        """The scenario of one point: the base with the point's values set."""
        overrides = [*self.sets, *self.design.overrides(point)]
        return _load(self.source, overrides, self.design.axes, point)


def plan_sweep(
    source: str,
    sets: Sequence[str],
    design_for: Callable[[int], Design],
    *,
    replicates: int,
    seed: int | None = None,
    outcomes: Sequence[str] = DEFAULT_OUTCOMES,
    kind: str = "sweep",
) -> SweepPlan:
    """Plan a sweep; every check runs here, before anything is written.

    Args:
        source: a scenario's path or bundled name.
        sets: ``--set`` overrides applied to every point (the swept values win).
        design_for: makes the design from the root seed (which random designs need).
        replicates: replicates per point.
        seed: root seed (default: the scenario's, else drawn).
        outcomes: summary columns to estimate and plot.
        kind: ``sweep`` or ``sensitivity``, for the manifest.

    Raises:
        InputError: any bad input, with the loader's located message for bad paths and values.
    """
    outcomes = check_outcomes(outcomes)
    base = load_scenario(source, sets)
    runs = plan_runs(base, replicates, seed)
    design = design_for(runs.root_seed)
    check_unique(design.axes)
    _check_actors(base, design.axes)
    _probe(source, sets, design)
    return SweepPlan(
        str(source),
        tuple(sets),
        base,
        design,
        runs.root_seed,
        runs.seeds,
        runs.seed_was_drawn,
        outcomes,
        kind,
    )


def _check_actors(base: Scenario, axes: Sequence[Axis]) -> None:
    # --set actors.GHA.x would quietly add Ghana to the scenario; a sweep means to vary it.
    for axis in axes:
        parts = axis.path.split(".")
        if parts[0] == "actors" and len(parts) >= 3 and parts[1] not in base.actors:
            hint = nearest(parts[1], base.actors)
            message = Text(
                "{label}: {actor} is not among this scenario's actors; expected {choices}",
                label=axis.label,
                actor=parts[1],
                choices=one_of(base.actors),
            )
            raise InputError(did_you_mean(message, hint))


def _probe(source: str, sets: Sequence[str], design: Design) -> None:
    """Load the scenario at the values of each axis, one axis at a time, so the loader checks them.

    A declared parameter's range was checked already, so its lowest and highest values are
    enough; a path with no declared range (``days``...) is tried at every value it takes.
    """
    for j, axis in enumerate(design.axes):
        column = design.values[:, j]
        declared = declared_parameter(axis.path) is not None
        values = {float(column.min()), float(column.max())} if declared else set(column.tolist())
        for value in sorted(values):
            _load(source, [*sets, f"{axis.path}={value_text(value, axis.integer)}"], [axis])


def _load(
    source: str, overrides: Sequence[str], axes: Sequence[Axis], point: int | None = None
) -> Scenario:
    """Load a scenario; on error, name each synthetic ``--set`` as the ``--param`` it came from.

    ``point``: the sweep's point the overrides set, named in the message (none when each axis
    is probed alone).
    """
    try:
        return load_scenario(source, overrides)
    except InputError as exc:
        lines = (
            [p.text() for p in exc.problems] if isinstance(exc, ScenarioError) else [exc.message]
        )
        raise InputError(Joined("\n", _name_params(lines, overrides, axes, point))) from None


def _name_params(
    lines: list[str], overrides: Sequence[str], axes: Sequence[Axis], point: int | None
) -> list[str]:
    where = "" if point is None else Text(" (point {point})", point=point)
    labels = {
        f"--set {o}": Text("{label}{where}", label=a.label, where=where)
        for a in axes
        for o in overrides
        if o.startswith(f"{a.path}=")
    }
    named = []
    for line in lines:
        origin = next((o for o in labels if line.startswith(o)), None)
        if origin is not None:
            named.append(_renamed(line, origin, labels[origin]))
        elif len(axes) == 1:  # located in the file, but brought about by this --param
            named.append(
                Text("{label}{where}: {line}", label=axes[0].label, where=where, line=line)
            )
        elif point is not None:
            named.append(
                Text("{point}: {line}", point=Text("point {point}", point=point), line=line)
            )
        else:
            named.append(line)
    return named


def _renamed(line: str, origin: str, label: str) -> str:
    """``line``, which starts with ``origin``, starting with ``label`` instead.

    A :class:`Text` keeps its template: the origin is at the start of its first field.
    """
    if isinstance(line, Text) and line.template.startswith("{"):
        first = line.template[1:].split("}", 1)[0].split("!")[0].split(":")[0]
        value = line.fields.get(first)
        if isinstance(value, str) and value.startswith(origin):
            return Text(line.template, **{**line.fields, first: _renamed(value, origin, label)})
    if isinstance(line, Text) or not line.startswith(origin):
        return label + line[len(origin) :]  # said in English only: no template to keep
    return Text("{label}{rest}", label=label, rest=line[len(origin) :])


# --------------------------------------------------------------------------- running

Task = tuple[Scenario, int, list[str], list[tuple[int, int]]]
"""A point's scenario, its index and values, and the (replicate, seed) pairs to run."""


@dataclass(frozen=True)
class Chunk:
    """Some replicates of one point, done: their ``results.csv`` rows and any failures."""

    replicates: int
    rows: str
    failures: tuple[dict, ...] = ()


def _run_task(task: Task) -> Chunk:
    """Run some replicates of one point; a replicate that raises is kept as a failure record."""
    scenario, point, values, pairs = task
    rows, failures = [], []
    for replicate, seed in pairs:
        try:
            summary = run_one(scenario, seed).summary
        except (Exception, SystemExit) as error:  # failures are data, as in a bundle
            trace = "".join(traceback.format_exception(type(error), error, error.__traceback__))
            failures.append(
                {
                    "point": point,
                    "replicate": replicate,
                    "seed": seed,
                    "error": f"{type(error).__name__}: {error}",
                    "traceback": trace,
                }
            )
            continue
        cells = [_cell(summary[c]) for c in SUMMARY_COLUMNS]
        rows.append([point, replicate, seed, *values, *cells])
    return Chunk(len(pairs), _csv_text(rows), tuple(failures))


def _tasks(plan: SweepPlan, start: int = 0) -> Iterator[Task]:
    """Tasks in point and replicate order from the ``start``-th replicate of the whole sweep.

    Each point's scenario is loaded only when reached.
    """
    n = plan.replicates
    pieces = math.ceil(n / CHUNK)
    size = math.ceil(n / pieces)
    for point in range(start // n, plan.design.points):
        scenario, values = plan.scenario_at(point), plan.design.texts(point)
        for first in range(max(0, start - point * n), n, size):  # seeds derived as reached
            last = min(first + size, n)
            yield scenario, point, values, list(enumerate(plan.seeds[first:last], start=first))


def execute_sweep(
    plan: SweepPlan,
    workers: int = 1,
    *,
    executor: Executor | str = Executor.LOCAL,
    scheduler: str | None = None,
    start: int = 0,
) -> Iterator[Chunk]:
    """Yield every task's rows and failures, in order, whatever the number of workers.

    Runs in this process, in local worker processes, or on Dask (a ``LocalCluster`` of
    ``workers``, or the cluster at ``scheduler``), from the ``start``-th replicate. At most a
    few tasks per worker are in flight, so memory does not grow with the points.
    """
    tasks = _tasks(plan, start)
    if executor == Executor.DASK:
        from sim.run.dask_executor import in_order_on_dask

        yield from in_order_on_dask(_run_task, tasks, workers, scheduler=scheduler)
        return
    if workers <= 1:
        for task in tasks:
            yield _run_task(task)
        return
    done = start
    try:
        for chunk in in_order_locally(_run_task, tasks, workers):
            yield chunk
            done += chunk.replicates
    except WorkerDied:
        raise worker_lost(done, plan.total) from None


RESUMABLE = {"results": "results.csv", "failures": "failures.jsonl"}
"""The files a sweep appends to, by checkpoint key."""


def _identity(plan: SweepPlan) -> dict[str, Any]:
    """What must not change between a sweep and its resumption."""
    return base_identity(plan) | _design_identity(plan)


def check_resume(plan: SweepPlan, out: Path) -> checkpoint.Found:
    """What resuming ``plan`` in ``out`` goes on from, changing nothing in ``out``.

    As :func:`sim.run.ensemble.check_resume` does for an ensemble: a command checks first, so
    that a refusal is said alone, with nothing of the plan it refuses; :func:`run_sweep` goes
    on from what this returns.

    Raises:
        InputError: ``out`` holds a sweep, finished or stopped, made with other settings, or
            a stopped one whose saved state is damaged.
    """
    finished = finished_work(out, plan, _finished_design(out), _design_identity(plan))
    if finished is not None:
        return checkpoint.Found(finished=finished)
    if not checkpoint.saved(out / checkpoint.PARTIAL):
        return checkpoint.Found()
    resumption = checkpoint.Resumption(
        _identity(plan),
        RESUMABLE,
        expected=Text("the same scenario, --set, --param, --sample, --n, --seed and --replicates"),
        most=plan.total,
    )
    return checkpoint.Found(stopped=checkpoint.check_saved(out, resumption))


@dataclass
class SweepWriter:
    """Writes a sweep folder incrementally; :meth:`close` completes it.

    As in a results bundle, a checkpoint after each finished task makes a sweep killed at any
    moment resumable (``stopped``, what :func:`check_resume` found) to the bytes of an
    uninterrupted one.
    """

    out: Path
    plan: SweepPlan
    command: list[str]
    workers: int = 1
    stopped: checkpoint.Checked | None = None
    started: float = field(default_factory=time.time)

    def __post_init__(self) -> None:
        self.partial = self.out / checkpoint.PARTIAL
        self.completed = 0
        self.failed: list[dict] = []
        if self.stopped is not None:
            state = checkpoint.restore(self.out, self.stopped)
            self.completed, self.failed = state["completed"], state["failed"]
            self._open("ab")
            return
        checkpoint.begin(self.partial, _identity(self.plan))
        design = self.plan.design
        with open(self.partial / "points.csv", "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["point", *design.paths])
            for point in range(design.points):
                writer.writerow([point, *design.texts(point)])
        self._open("wb")
        header = ["point", "replicate", "seed", *design.paths, *SUMMARY_COLUMNS]
        self._results.write(_csv_text([header]).encode())
        self._checkpoint()

    def _open(self, mode: str) -> None:
        # Binary, so that lengths are byte offsets the checkpoint can cut back to.
        self._results = open(self.partial / RESUMABLE["results"], mode)  # noqa: SIM115 - closed in close()
        self._failures = open(self.partial / RESUMABLE["failures"], mode)  # noqa: SIM115 - closed in close()

    def _open_files(self) -> dict:
        """Each open file by its checkpoint key."""
        return {"results": self._results, "failures": self._failures}

    def _checkpoint(self) -> None:
        state = {"completed": self.completed, "failed": self.failed}
        checkpoint.save(self.partial, state, self._open_files())

    def add(self, chunk: Chunk) -> None:
        """Append finished rows and failures (they arrive in order)."""
        self._results.write(chunk.rows.encode())
        for failure in chunk.failures:
            self._failures.write((json.dumps(failure, ensure_ascii=False) + "\n").encode())
            self.failed.append({k: failure[k] for k in ("point", "replicate", "seed")})
        self.completed += chunk.replicates
        self._checkpoint()

    def abandon(self) -> None:
        """Close the open files without completing anything (the folder stays partial)."""
        for handle in (self._results, self._failures):
            with contextlib.suppress(OSError):  # a full disk: the checkpoint is what counts
                handle.close()

    def close(self, *, interrupted: bool = False) -> dict:
        """Complete the folder on the rows written so far; return the manifest.

        Interrupted before any replicate finished, it publishes nothing, like a results bundle:
        ``.partial/`` stays, to resume from, and the manifest returned is not written.
        """
        if interrupted:  # a chunk half-written when Ctrl-C came is not part of it
            state = checkpoint.roll_back(self.partial, self._open_files())
            self.completed, self.failed = state["completed"], state["failed"]
            if not self.completed:
                self.abandon()
                return self.manifest(interrupted=True, files=[])
        self._results.close()
        self._failures.close()
        with open(self.partial / "scenario.yaml", "w", encoding="utf-8") as handle:
            handle.write(f"# The scenario every point starts from. {NOT_A_FORECAST}\n")
            yaml.safe_dump(
                resolved_document(self.plan.scenario), handle, sort_keys=False, allow_unicode=True
            )
        files = ["points.csv", "results.csv", "scenario.yaml"]
        if self.failed:
            files.append("failures.jsonl")
        return publish(
            self.partial,
            self.out,
            files,
            self.manifest(interrupted=interrupted, files=files),
            keep=interrupted,  # stopped part-way: stays resumable
        )

    def manifest(self, *, interrupted: bool, files: list[str]) -> dict:
        """What the sweep is and how to repeat it."""
        plan, design = self.plan, self.plan.design
        finished = time.time()
        return {
            "tool": "sahelsim",
            "kind": plan.kind,
            "version": __version__,
            "note": NOT_A_FORECAST,
            "scenario": {
                "source": plan.source,
                "title": plan.scenario.title,
                "sha256": scenario_hash(plan.scenario),
                "set": list(plan.sets),
                "file": "scenario.yaml",
            },
            "design": {
                "sample": design.sample,
                "points": design.points,
                "parameters": [_axis_record(a) for a in design.axes],
                **design.about,
            },
            "seeds": {
                "root": plan.root_seed,
                "root_was_drawn": plan.seed_was_drawn,
                "method": "numpy SeedSequence(root).spawn(replicates); every point runs the same "
                "replicate seeds (common random numbers)",
                **(
                    {"replicates": list(plan.seeds)}
                    if plan.replicates <= LISTED_SEEDS
                    else {"replicates_in": "results.csv (column seed)"}
                ),
            },
            "replicates": {
                "per_point": plan.replicates,
                "planned": plan.total,
                "completed": self.completed,
                "points_completed": self.completed // plan.replicates,
                "interrupted": interrupted,
            },
            "failed": {
                "count": len(self.failed),
                "replicates": self.failed,
                "rerun": "sahelsim explain scenario.yaml --seed SEED --parameters point, with the "
                "point's values as --set (failures.jsonl has each traceback)",
            },
            "outcomes": list(plan.outcomes),
            "command": self.command,
            "reproduce": _reproduce(self.command, plan.root_seed),
            "files": files,
            "drawn": [],  # figures, listed once each is written whole
            "environment": {
                "python": platform.python_version(),
                "mesa": mesa.__version__,
                "numpy": np.__version__,
                "platform": platform.platform(terse=True),
            },
            "timings": {
                "started": _iso(self.started),
                "finished": _iso(finished),
                "seconds": round(finished - self.started, 3),
                "workers": self.workers,
            },
        }


def _points_sha256(points: list[list[str]]) -> str:
    """One hash of every point's values, as written to ``points.csv``."""
    return hashlib.sha256(json.dumps(points).encode()).hexdigest()


def _design_identity(plan: SweepPlan) -> dict[str, Any]:
    """What a sweep's design is, as a stopped sweep's plan and a finished one's folder say it."""
    design = plan.design
    return {
        "kind": plan.kind,
        "parameters": list(design.paths),
        "design": design.sample,
        "points_sha256": _points_sha256([design.texts(p) for p in range(design.points)]),
    }


def _finished_design(out: Path) -> Callable[[dict], dict[str, Any]]:
    """The design of the finished sweep in ``out``, from its manifest and ``points.csv``.

    A resumption with another design (other levels, points or parameters) would otherwise show
    the old sweep's results under the new command.
    """

    def found(manifest: dict) -> dict[str, Any]:
        path = out / "points.csv"
        try:
            with open(path, newline="", encoding="utf-8") as handle:
                header, *rows = list(csv.reader(handle))
            sample = manifest["design"]["sample"]
        except (OSError, UnicodeDecodeError, ValueError, csv.Error):
            raise checkpoint.damaged(out, path, Text("unreadable, or without a header")) from None
        except (KeyError, TypeError):
            raise checkpoint.damaged(
                out, out / checkpoint.MANIFEST, Text("it lacks the design's sample")
            ) from None
        return {
            "kind": manifest.get("kind"),
            "parameters": header[1:],
            "design": sample,
            "points_sha256": _points_sha256([row[1:] for row in rows]),
        }

    return found


def _axis_record(axis: Axis) -> dict[str, Any]:
    declared = declared_parameter(axis.path)
    record: dict[str, Any] = {"path": axis.path, "low": axis.low, "high": axis.high}
    if axis.levels is not None:
        record["levels"] = axis.levels
    record["integer"] = axis.integer
    if declared is not None:
        record["declared"] = {
            "low": declared.low,
            "high": declared.high,
            "default": declared.default,
            "unit": declared.unit,
            "label": declared.label,
        }
    return record


def _reproduce(command: list[str], root: int) -> str:
    command = [a for a in command if a != "--resume"]  # the repeat starts afresh
    has_seed = any(a == "--seed" or a.startswith("--seed=") for a in command)
    return shlex.join(command if has_seed else [*command, "--seed", str(root)])


def _iso(stamp: float) -> str:
    return dt.datetime.fromtimestamp(stamp, dt.UTC).isoformat(timespec="seconds")


def run_sweep(
    plan: SweepPlan,
    out: Path,
    *,
    workers: int = 1,
    command: Sequence[str] = (),
    progress: Callable[[int, int], None] | None = None,
    resume: bool | checkpoint.Found = False,
    executor: Executor | str = Executor.LOCAL,
    scheduler: str | None = None,
) -> tuple[dict, bool]:
    """Run every point and replicate of ``plan`` into the folder ``out``.

    Returns the manifest and whether the sweep was interrupted (Ctrl-C), in which case the
    folder holds every replicate finished before the interruption. With ``resume``, ``out``
    holds a sweep that was stopped, which goes on from its last checkpoint: checked here
    (True) or already by :func:`check_resume` (what it found).
    """
    if resume is True:
        resume = check_resume(plan, out)
    found = resume or checkpoint.Found()
    if found.finished is not None:
        return found.finished, False  # nothing left to run: its outputs are (re)made by the caller
    writer = SweepWriter(out, plan, list(command), workers, found.stopped)
    interrupted = False
    try:
        chunks = execute_sweep(
            plan, workers, executor=executor, scheduler=scheduler, start=writer.completed
        )
        for chunk in chunks:
            writer.add(chunk)
            if progress is not None:
                progress(writer.completed, plan.total)
    except KeyboardInterrupt:
        interrupted = True
    except BaseException:
        writer.abandon()
        raise
    return writer.close(interrupted=interrupted), interrupted
