"""Output folders: naming a new one, refusing to write over one, and recognising finished work.

Ensembles, comparisons and sweeps all write one folder each; the rules for choosing it and for
resuming into it are the same, so they live here, below the code that fills the folders.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from sim.errors import InputError, Text
from sim.run.bundle import scenario_hash
from sim.run.checkpoint import (
    MANIFEST,
    PARTIAL,
    damaged,
    finish_publish,
    load_manifest,
    refuse_changed,
)
from sim.run.files import LOCK, in_use, in_use_by, own
from sim.scenario.schema import Scenario


class Planned(Protocol):
    """What finished work is checked against: an ensemble's or a sweep's plan."""

    @property
    def scenario(self) -> Scenario: ...  # noqa: D102

    @property
    def root_seed(self) -> int: ...  # noqa: D102

    @property
    def replicates(self) -> int: ...  # noqa: D102


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
    The folder is then owned by this process (:func:`sim.run.files.own`): a second process
    given the same folder is refused, before it writes anything.
    """
    if out.exists() and not out.is_dir():
        raise InputError(
            Text(
                "--out {out}: already exists and is not a folder; expected a new folder "
                "(nothing was written, so what is there is untouched)",
                out=out,
            )
        )
    if resume:
        if not out.exists():
            return prepare_out_dir(out)
        own(out)
        if finish_publish(out):  # complete already, or killed while its files were moved
            return out
        if not _holds_anything(out):
            return out
        if not (out / ".partial").is_dir():
            raise InputError(
                Text(
                    "--resume: {out} holds no interrupted run (no .partial/ folder); expected the "
                    "--out folder of a run that was stopped",
                    out=out,
                )
            )
        return out
    if out.exists() and _holds_anything(out):
        pid = in_use_by(out)
        if pid is not None:
            raise in_use(out, pid)
        hint = (
            Text("; it holds stopped work: add --resume to finish it")
            if (out / ".partial").is_dir()
            else ""
        )
        raise InputError(
            Text(
                "--out {out}: already exists and is not an empty folder; expected a new folder "
                "(nothing was written, so what is there is untouched){hint}",
                out=out,
                hint=hint,
            )
        )
    made = not out.exists()
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(
            Text(
                "--out {out}: cannot create the folder ({reason})",
                out=out,
                reason=exc.strerror or exc,
            )
        ) from None
    own(out, made=made)
    if _holds_anything(out):  # another process took it, filled it and let go in between
        raise InputError(
            Text(
                "--out {out}: another process wrote into it while this one started; expected a "
                "new folder (nothing was written, so what is there is untouched)",
                out=out,
            )
        )
    return out


def _holds_anything(out: Path) -> bool:
    """Whether ``out`` holds anything besides a lock file."""
    return any(entry.name != LOCK for entry in out.iterdir())


def holds_results(out: Path) -> bool:
    """Whether ``out``, or a folder in it (a comparison's or a backtest's), holds results.

    Published work has a manifest; work stopped before any replicate finished publishes
    none, and leaves only what ``--resume`` starts from (``.partial/``).
    """
    return out.is_dir() and any(
        PARTIAL not in path.relative_to(out).parts for path in out.rglob(MANIFEST)
    )


def is_complete(out: Path) -> bool:
    """Whether ``out`` holds finished work (a manifest, and nothing left to resume)."""
    return (out / "manifest.json").is_file() and not (out / ".partial").exists()


def finished_work(
    out: Path,
    plan: Planned,
    found_more: Callable[[dict], dict[str, Any]] | None = None,
    expected_more: dict[str, Any] | None = None,
) -> dict | None:
    """The manifest of finished work in ``out`` made by ``plan``; None if work is left to do.

    Besides the scenario, seed and size, ``found_more`` (of the manifest) must give what
    ``expected_more`` holds: the rest of what the work's identity was when it was stopped
    (its parameters, its design), keyed as :data:`sim.run.checkpoint.CHANGED` words them. A
    key ``found_more`` leaves out, which the manifest of an earlier version does not record,
    is not held against the work.

    Raises:
        InputError: ``out`` is finished but was made with other settings.
    """
    if not is_complete(out):
        return None
    manifest = load_manifest(out)
    try:
        found = {
            "scenario_sha256": manifest["scenario"]["sha256"],
            "root_seed": manifest["seeds"]["root"],
            "replicates": manifest["replicates"].get(
                "per_point", manifest["replicates"]["planned"]
            ),
        }
    except (KeyError, TypeError, AttributeError):
        raise damaged(
            out, out / MANIFEST, Text("it lacks the scenario hash, the root seed or the replicates")
        ) from None
    if found_more is not None:
        found |= found_more(manifest)
    expected = {
        "scenario_sha256": scenario_hash(plan.scenario),
        "root_seed": plan.root_seed,
        "replicates": plan.replicates,
        **{k: v for k, v in (expected_more or {}).items() if k in found},
    }
    refuse_changed(out, found, expected)
    return manifest
