"""Running an ensemble into a results bundle, with progress and a clean stop on Ctrl-C."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from sim.errors import InputError
from sim.run.bundle import BundleWriter, Encoded
from sim.run.checkpoint import finish_publish
from sim.run.executors import execute
from sim.run.plan import RunPlan

Progress = Callable[[int, int], None]


def default_out_dir(scenario_name: str, root: Path = Path("runs")) -> Path:
    """A new folder under ``runs/`` named after the scenario and the time."""
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", Path(scenario_name).stem).strip("-") or "scenario"
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = root / f"{stem}-{stamp}"
    n = 2
    while candidate.exists():
        candidate = root / f"{stem}-{stamp}-{n}"
        n += 1
    return candidate


def prepare_out_dir(out: Path, *, resume: bool = False) -> Path:
    """Refuse to write over anything: the folder must be new or empty (or, to resume, partial)."""
    if resume:
        if finish_publish(out):  # complete already, or killed while its files were moved
            raise InputError(
                f"--resume: {out} is already complete (it has a manifest.json); nothing to resume"
            )
        if out.is_dir() and not any(out.iterdir()):
            return out  # killed before anything was written: start afresh
        if not (out / ".partial").is_dir():
            raise InputError(
                f"--resume: {out} holds no interrupted run (no .partial/ folder); expected the --out "
                "folder of a run that was stopped"
            )
        return out
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise InputError(
            f"--out {out}: already exists and is not an empty folder; expected a new folder "
            "(nothing was written, so what is there is untouched)"
        )
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"--out {out}: cannot create the folder ({exc.strerror or exc})") from None
    return out


def run_ensemble(
    plan: RunPlan,
    out: Path,
    *,
    workers: int = 1,
    command: Sequence[str] = (),
    series_sample: int = 5,
    all_series: bool = False,
    resume: bool = False,
    executor: str = "local",
    scheduler: str | None = None,
    progress: Progress | None = None,
    stop: Callable[[Encoded], str | None] | None = None,
) -> tuple[dict, bool]:
    """Run every replicate of ``plan`` into a bundle at ``out``.

    Returns the manifest and whether the run was interrupted (Ctrl-C), in which case the
    bundle holds every replicate finished before the interruption. ``stop``, called after each
    replicate, may end the ensemble early by returning the reason (adaptive ensembles); the
    reason is recorded in the manifest.
    """
    writer = BundleWriter(out, plan, list(command), workers, series_sample, all_series, resume)
    interrupted = False
    try:
        if executor == "dask":
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
    except BaseException:
        writer.abandon()
        raise
    return writer.close(interrupted=interrupted), interrupted
