"""Running an ensemble into a results bundle, with progress and a clean stop on Ctrl-C."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

from sim.errors import InputError
from sim.run.bundle import BundleWriter, Encoded, scenario_hash
from sim.run.checkpoint import finish_publish, load_manifest
from sim.run.executors import execute
from sim.run.plan import RunPlan

if TYPE_CHECKING:
    from sim.run.sweep import SweepPlan

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
    """Refuse to write over anything: the folder must be new or empty (or, to resume, partial).

    To resume, a complete folder is accepted too (nothing is run again; see :func:`is_complete`),
    and so is a missing or empty one (killed before anything was written: it starts afresh).
    """
    if resume:
        if finish_publish(out):  # complete already, or killed while its files were moved
            return out
        if not out.exists() or (out.is_dir() and not any(out.iterdir())):
            return prepare_out_dir(out)
        if not (out / ".partial").is_dir():
            raise InputError(
                f"--resume: {out} holds no interrupted run (no .partial/ folder); expected the --out "
                "folder of a run that was stopped"
            )
        return out
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        hint = (
            "; it holds stopped work: add --resume to finish it"
            if (out / ".partial").is_dir()
            else ""
        )
        raise InputError(
            f"--out {out}: already exists and is not an empty folder; expected a new folder "
            f"(nothing was written, so what is there is untouched){hint}"
        )
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"--out {out}: cannot create the folder ({exc.strerror or exc})") from None
    return out


def is_complete(out: Path) -> bool:
    """Whether ``out`` holds finished work (a manifest, and nothing left to resume)."""
    return (out / "manifest.json").is_file() and not (out / ".partial").exists()


def finished_work(out: Path, plan: RunPlan | SweepPlan) -> dict | None:
    """The manifest of finished work in ``out`` made by ``plan``; None if work is left to do.

    Raises:
        InputError: ``out`` is finished but was made with another scenario, seed or size.
    """
    if not is_complete(out):
        return None
    manifest = load_manifest(out)
    found = {
        "scenario_sha256": manifest["scenario"]["sha256"],
        "root_seed": manifest["seeds"]["root"],
        "replicates": manifest["replicates"].get("per_point", manifest["replicates"]["planned"]),
    }
    expected = {
        "scenario_sha256": scenario_hash(plan.scenario),
        "root_seed": plan.root_seed,
        "replicates": plan.replicates,
    }
    changed = [k for k, v in expected.items() if found[k] != v]
    if changed:
        was = ", ".join(f"{k}={found[k]!r}" for k in changed)
        raise InputError(
            f"--resume: {out} is complete but was made with a different {', '.join(changed)} "
            f"({was}); expected the same command as the finished work"
        )
    return manifest


def _replay(out: Path, stop: Callable[[Encoded], str | None]) -> str | None:
    """Show a stopping rule the replicates a resumed bundle already holds; return its reason."""
    lines = (out / ".partial" / "summary.csv").read_text(encoding="utf-8").splitlines()[1:]
    for line in lines:
        reason = stop(SimpleNamespace(failure=None, summary=line + "\n"))
        if reason:
            return reason
    return None


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
    if resume and (manifest := finished_work(out, plan)) is not None:
        return manifest, False  # nothing left to run: its outputs are (re)drawn by the caller
    writer = BundleWriter(out, plan, list(command), workers, series_sample, all_series, resume)
    interrupted = False
    if stop is not None and writer.completed:  # resumed: the rule sees again what it saw
        writer.stopped_early = _replay(out, stop) or ""
        if writer.stopped_early:
            return writer.close(), False
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
