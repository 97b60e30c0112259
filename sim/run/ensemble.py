"""Running an ensemble into a results bundle, with progress and a clean stop on Ctrl-C.

Also two ensembles paired on the same replicate seeds (``sahelsim compare``): common random
numbers, so that their difference is the scenarios' and not noise.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import TypeVar

from sim.errors import InputError, Text
from sim.run.bundle import (
    BundleWriter,
    Encoded,
    check_resumable,
    finished_settings,
    run_settings,
)
from sim.run.checkpoint import Found
from sim.run.executors import execute
from sim.run.folders import finished_work
from sim.run.options import SERIES_SAMPLE, Executor
from sim.run.plan import RunPlan, plan_runs
from sim.scenario.schema import Scenario

Progress = Callable[[int, int], None]
"""Told the replicates done and planned after each one."""

T = TypeVar("T")
Watch = Callable[[Callable[[Progress | None], T], int], T]
"""Runs some work under a progress display: ``watch(work, total)`` calls ``work(progress)``."""


def _replay(out: Path, stop: Callable[[Encoded], str | None]) -> str | None:
    """Show a stopping rule the replicates a resumed bundle already holds; return its reason."""
    lines = (out / ".partial" / "summary.csv").read_text(encoding="utf-8").splitlines()[1:]
    for line in lines:
        reason = stop(SimpleNamespace(failure=None, summary=line + "\n"))
        if reason:
            return reason
    return None


def check_resume(
    plan: RunPlan, out: Path, *, series_sample: int = SERIES_SAMPLE, all_series: bool = False
) -> Found:
    """What resuming ``plan`` in ``out`` goes on from, changing nothing in ``out``.

    A command says what it will run before it runs it: checked first, a refusal is said alone,
    with nothing of the plan it refuses. :func:`run_ensemble` goes on from what this returns.

    Raises:
        InputError: ``out`` holds work, finished or stopped, made with other settings, or
            stopped work whose saved state is damaged.
    """
    settings = run_settings(plan, series_sample, all_series)
    finished = finished_work(out, plan, finished_settings, settings)
    if finished is not None:
        return Found(finished=finished)
    return Found(stopped=check_resumable(out, plan, series_sample, all_series))


def run_ensemble(
    plan: RunPlan,
    out: Path,
    *,
    workers: int = 1,
    command: Sequence[str] = (),
    series_sample: int = SERIES_SAMPLE,
    all_series: bool = False,
    resume: bool | Found = False,
    executor: Executor | str = Executor.LOCAL,
    scheduler: str | None = None,
    progress: Progress | None = None,
    stop: Callable[[Encoded], str | None] | None = None,
) -> tuple[dict, bool]:
    """Run every replicate of ``plan`` into a bundle at ``out``.

    Returns the manifest and whether the run was interrupted (Ctrl-C), in which case the
    bundle holds every replicate finished before the interruption. ``resume``: go on from the
    work in ``out``, checked here (True) or already by :func:`check_resume` (what it found).
    ``stop``, called after each replicate, may end the ensemble early by returning the reason
    (adaptive ensembles); the reason is recorded in the manifest.
    """
    if resume is True:
        resume = check_resume(plan, out, series_sample=series_sample, all_series=all_series)
    found = resume or Found()
    if found.finished is not None:
        return found.finished, False  # nothing left to run: its outputs are (re)drawn by the caller
    writer = BundleWriter(
        out, plan, list(command), workers, series_sample, all_series, found.stopped
    )
    interrupted = False
    if stop is not None and writer.completed:  # resumed: the rule sees again what it saw
        writer.stopped_early = _replay(out, stop) or ""
        if writer.stopped_early:
            return writer.close(), False
    try:
        if executor == Executor.DASK:
            from sim.run.dask_executor import execute_dask

            items = execute_dask(
                plan, writer.options, workers, scheduler=scheduler, start=writer.completed
            )
        else:
            items = execute(plan, writer.options, workers, start=writer.completed)
        for item in items:
            writer.add(item)
            if progress is not None:
                progress(writer.completed, plan.replicates)
            reason = stop(item) if stop is not None else None
            if reason:
                writer.stopped_early = reason
                break
    except KeyboardInterrupt:
        interrupted = True
    except InputError:  # refused (an extra missing, a scheduler out of reach): leave no trace
        writer.discard()
        raise
    except BaseException:
        writer.abandon()
        raise
    return writer.close(interrupted=interrupted), interrupted


def _unwatched(work: Callable[[Progress | None], T], total: int) -> T:
    return work(None)


def plan_pair(
    a: Scenario, b: Scenario, replicates: int | None = None, seed: int | None = None
) -> tuple[RunPlan, RunPlan]:
    """Plan two ensembles on the same replicate seeds: B takes A's size and root seed.

    Raises:
        InputError: fewer than two replicates (a paired interval needs two at least).
    """
    plan_a = plan_runs(a, replicates, seed)
    if plan_a.replicates < 2:
        raise InputError(
            Text(
                "-n {n}: an interval on the paired differences needs at least two replicates; "
                "expected -n 2 or more (nothing was run)",
                n=plan_a.replicates,
            )
        )
    return plan_a, plan_runs(b, plan_a.replicates, plan_a.root_seed)


def pair_differences(a: Scenario, b: Scenario) -> dict[str, tuple]:
    """What besides their settings makes two scenarios differ: start date, horizon, actors.

    Paired replicates share their seeds, so a difference between A and B is the effect of what
    differs; a different start or cast is part of it, and worth saying before running. Keys:
    ``start`` and ``days`` (A's value, B's), ``actors`` (those only in A, those only in B).
    """
    found: dict[str, tuple] = {}
    if a.start != b.start:
        found["start"] = (a.start, b.start)
    if a.days != b.days:
        found["days"] = (a.days, b.days)
    only_a = sorted(set(a.actors) - set(b.actors))
    only_b = sorted(set(b.actors) - set(a.actors))
    if only_a or only_b:
        found["actors"] = (only_a, only_b)
    return found


def run_pair(
    plans: tuple[RunPlan, RunPlan],
    out: Path,
    *,
    workers: int = 1,
    command: Sequence[str] = (),
    watch: Watch[tuple[dict, bool]] = _unwatched,
) -> bool:
    """Run A into ``out/a``, then B into ``out/b``; return whether it was interrupted.

    Interrupted in A, B is not started: the bundles hold what was finished, as one run's does.
    """
    for plan, folder in zip(plans, (out / "a", out / "b"), strict=True):
        folder.mkdir()
        _, stopped = watch(
            lambda progress, plan=plan, folder=folder: run_ensemble(
                plan, folder, workers=workers, command=command, progress=progress
            ),
            plan.replicates,
        )
        if stopped:
            return True
    return False
