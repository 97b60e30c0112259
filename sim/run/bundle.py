"""The results bundle: one folder per ensemble, written as replicates finish.

Files are written inside ``.partial/`` and moved into the bundle only when complete, so a run
stopped at any moment leaves complete files or none (and ``.partial/``, which says so).
Interrupted with Ctrl-C, the bundle is closed on the replicates already finished (if none
finished, only ``.partial/`` is left, to resume from).

Layout::

    manifest.json        resolved scenario hash, version, seeds, command line, timings, what was kept
    scenario.yaml        the resolved scenario (runs again with ``sahelsim run scenario.yaml``)
    summary.csv          one row per replicate, in replicate order
    series.csv           daily values per actor for a sample of replicates (long format)
    bands.csv            daily quantiles over replicates of the overall variables
    events.jsonl         every event record of every replicate, one JSON object a line
    figures/, report.html

Memory stays flat: replicates are written and dropped; only the overall daily variables of at
most :data:`BAND_SAMPLE` replicates are held to compute the bands.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import gzip
import hashlib
import io
import json
import math
import platform
import shutil
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import mesa
import numpy as np
import yaml

from sim import __version__
from sim.errors import Text
from sim.model.outcomes import SUMMARY_COLUMNS
from sim.model.records import RunRecord
from sim.run import checkpoint
from sim.run.checkpoint import publish
from sim.run.codehash import code_sha256
from sim.run.files import release
from sim.run.options import SERIES_SAMPLE
from sim.run.plan import RunPlan
from sim.run.posterior import DRAW_COLUMNS
from sim.scenario.schema import Scenario

if TYPE_CHECKING:
    from sim.run.posterior import Posterior

BAND_SAMPLE = 1000
"""Largest number of replicates whose overall daily variables are kept for the bands."""

BAND_VARIABLES = ("belligerents", "wars", "committed", "casualties", "insurgent_strength")
"""Overall daily variables summarised as quantile bands."""

QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)
LISTED_SEEDS = 100_000
"""Up to this many replicates the manifest lists their seeds; beyond, summary.csv alone does
(every row holds its replicate's seed), so that a huge ensemble's manifest stays small."""
SERIES_VARIABLES = ("forces", "committed", "casualties", "side")
NOT_A_FORECAST = "Exploratory model output for teaching and analysis; not a forecast."


def resolved_document(scenario: Scenario) -> dict[str, Any]:
    """The resolved scenario as plain data (what ``scenario.yaml`` holds).

    Model parameters appear only where the scenario (or ``--set``) gives them: the others are
    left to their declared values or, by default, to each replicate's draw from the posterior,
    so that ``sahelsim run scenario.yaml`` with the manifest's seed runs the same replicates.
    """
    document = scenario.model_dump(mode="json", by_alias=True, exclude_none=True)
    given = scenario.parameters.model_fields_set
    document["parameters"] = {k: v for k, v in document["parameters"].items() if k in given}
    # Fields added to the format since (6 December 2026) are left out when empty, so that a
    # scenario that does not use them keeps its hash, and a run begun before resumes.
    if not document.get("pacts_left_out"):
        document.pop("pacts_left_out", None)
    for pact in document.get("pacts", {}).values():
        for clause in (pact or {}).get("clauses", []):
            if not clause.get("adversaries"):
                clause.pop("adversaries", None)
    return document


def scenario_hash(scenario: Scenario) -> str:
    """SHA-256 of the resolved scenario's canonical JSON."""
    text = json.dumps(resolved_document(scenario), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def posterior_sha256(plan: RunPlan) -> str | None:
    """The hash of the posterior ``plan``'s replicates draw from; None for single values."""
    return plan.posterior.sha256 if plan.posterior else None


def drawn_from(manifest: dict) -> dict[str, str | None]:
    """What a finished bundle's parameters were drawn from, as its identity says it."""
    described = manifest.get("parameters")
    return {"posterior_sha256": described.get("sha256") if isinstance(described, dict) else None}


def band_stride(replicates: int) -> int:
    """Keep every k-th replicate for the bands, so that at most BAND_SAMPLE are held."""
    return max(1, math.ceil(replicates / BAND_SAMPLE))


def base_identity(plan: Any) -> dict[str, Any]:
    """What no stopped work may change, run or sweep: the code, the scenario, the seeds."""
    return {
        "version": __version__,  # other code could give other bytes: no mixing
        "code_sha256": code_sha256(),  # nor other model code or facts under one version
        "scenario_sha256": scenario_hash(plan.scenario),
        "root_seed": plan.root_seed,
        "replicates": plan.replicates,
    }


def run_settings(plan: RunPlan, series_sample: int, all_series: bool) -> dict[str, Any]:
    """What a run's identity holds besides :func:`base_identity`'s: what it keeps and draws."""
    return {
        "series_sample": series_sample,
        "all_series": all_series,
        # drawn parameters: the same posterior's bytes, or single values (None) throughout
        "posterior_sha256": posterior_sha256(plan),
        # an adaptive run's stopping rule: another would have stopped it elsewhere
        "precision": plan.precision,
    }


def finished_settings(manifest: dict) -> dict[str, Any]:
    """What a finished bundle's manifest says of the settings :func:`run_settings` gives.

    Not the size of the series sample, which no option of the command line sets; nor the
    precision, in the manifest of an earlier version, which did not record it.
    """
    found: dict[str, Any] = drawn_from(manifest)
    files = manifest.get("files")
    if isinstance(files, list):
        found["all_series"] = "series-all.csv.gz" in files
    replicates = manifest.get("replicates")
    if isinstance(replicates, dict) and "precision" in replicates:
        found["precision"] = replicates["precision"]
    return found


def _identity(plan: RunPlan, series_sample: int, all_series: bool) -> dict:
    """What must not change between a run and its resumption."""
    return base_identity(plan) | run_settings(plan, series_sample, all_series)


def _files(all_series: bool) -> dict[str, str]:
    """The files a bundle appends to in ``.partial/``, by checkpoint key."""
    files = {
        "summary": "summary.csv",
        "events": "events.jsonl",
        "series": "series.csv",
        "failures": "failures.jsonl",
        "bands": "bands.f32",
    }
    if all_series:
        files["all"] = "series-all.csv"
    return files


def check_resumable(
    out: Path, plan: RunPlan, series_sample: int = SERIES_SAMPLE, all_series: bool = False
) -> checkpoint.Checked | None:
    """The stopped run in ``out``, checked for resuming ``plan``; None if there is none.

    Nothing in ``out`` is changed; :class:`BundleWriter` goes on from what this returns.

    Raises:
        InputError: the stopped work in ``out`` was started otherwise, or its state is damaged.
    """
    if not checkpoint.saved(out / checkpoint.PARTIAL):
        return None
    resumption = checkpoint.Resumption(
        _identity(plan, series_sample, all_series),
        _files(all_series),
        expected=Text(
            "the same scenario, --set, --seed, --replicates, --precision, --series, --parameters "
            "and --posterior"
        ),
        lists=("failed", "band_replicates"),
        most=plan.replicates,
    )
    return checkpoint.check_saved(out, resumption)


@dataclass
class BundleWriter:
    """Writes a results bundle incrementally; :meth:`close` completes it.

    Everything is appended to files in ``.partial/`` and, after each replicate, a checkpoint
    records how many replicates are complete and how long each file then was. A run killed at
    any moment can therefore be resumed (``stopped``, what :func:`check_resumable` found): the
    files are cut back to the last checkpoint and the run goes on from there, giving the same
    bytes as an uninterrupted run.
    """

    out: Path
    plan: RunPlan
    command: list[str]
    workers: int = 1
    series_sample: int = SERIES_SAMPLE
    all_series: bool = False
    stopped: checkpoint.Checked | None = None
    started: float = field(default_factory=time.time)
    stopped_early: str = ""  # why an adaptive ensemble stopped before its cap

    def __post_init__(self) -> None:
        self.partial = self.out / ".partial"
        self.start_date = self.plan.scenario.start
        self.stride = band_stride(self.plan.replicates)
        self.completed = 0
        self.failed: list[dict] = []
        self.band_replicates: list[int] = []
        self.fresh = self.stopped is None
        if self.stopped is not None:
            state = checkpoint.restore(self.out, self.stopped)
            self._open("ab")
            self._adopt(state)
        else:
            self.partial.mkdir(parents=True, exist_ok=True)
            self._open("wb")
            self._summary.write(_csv_text([["replicate", "seed", *SUMMARY_COLUMNS]]).encode())
            self._series.write(
                _csv_text([["replicate", "day", "date", "actor", "variable", "value"]]).encode()
            )
            if self._all is not None:
                self._all.write(
                    _csv_text([["replicate", "day", "actor", "variable", "value"]]).encode()
                )
            checkpoint.begin(
                self.partial, _identity(self.plan, self.series_sample, self.all_series)
            )
            self._checkpoint()

    def _files(self) -> dict[str, str]:
        return _files(self.all_series)

    def _open(self, mode: str) -> None:
        handles = {key: open(self.partial / name, mode) for key, name in self._files().items()}  # noqa: SIM115
        self._summary, self._events, self._series = (
            handles["summary"],
            handles["events"],
            handles["series"],
        )
        self._failures, self._bands = handles["failures"], handles["bands"]
        self._all = handles.get("all")

    def _handles(self) -> list:
        return [
            h
            for h in (
                self._summary,
                self._events,
                self._series,
                self._failures,
                self._bands,
                self._all,
            )
            if h is not None
        ]

    def _adopt(self, state: dict) -> None:
        """Take the progress a checkpoint recorded."""
        self.completed = state["completed"]
        self.failed = state["failed"]
        self.band_replicates = state["band_replicates"]

    def _checkpoint(self) -> None:
        state = {
            "completed": self.completed,
            "failed": self.failed,
            "band_replicates": self.band_replicates,
        }
        checkpoint.save(self.partial, state, self._open_files())

    def _open_files(self) -> dict:
        """Each open file by its checkpoint key."""
        return dict(zip(self._files(), self._handles_in_order(), strict=True))

    def _handles_in_order(self) -> list:
        order = {
            "summary": self._summary,
            "events": self._events,
            "series": self._series,
            "failures": self._failures,
            "bands": self._bands,
            "all": self._all,
        }
        return [order[key] for key in self._files()]

    # ------------------------------------------------------------------ adding

    def add(self, item: Encoded) -> None:
        """Write one finished replicate, already encoded (replicates must arrive in order)."""
        if item.index != self.completed:
            raise ValueError(
                f"replicate {item.index} arrived out of order (expected {self.completed})"
            )
        if item.failure is not None:
            self._failures.write((json.dumps(item.failure, ensure_ascii=False) + "\n").encode())
            self.failed.append({"replicate": item.index, "seed": item.failure["seed"]})
        else:
            self._summary.write(item.summary.encode())
            self._events.write(item.events.encode())
            self._series.write(item.series.encode())
            if self._all is not None:
                self._all.write(item.series_all.encode())
            if item.bands is not None:
                self._bands.write(np.ascontiguousarray(item.bands, dtype="<f4").tobytes())
                self.band_replicates.append(item.index)
        self.completed += 1
        self._checkpoint()

    @property
    def options(self) -> EncodeOptions:
        """What each replicate must encode for this bundle."""
        return EncodeOptions(self.start_date, self.series_sample, self.all_series, self.stride)

    # ------------------------------------------------------------------ closing

    def close(self, *, interrupted: bool = False) -> dict:
        """Complete the bundle on the replicates written so far; return the manifest.

        Interrupted before any replicate finished, it publishes nothing (a bundle of no
        replicates would only look like results): ``.partial/`` stays, to resume from, and the
        manifest returned is not written.
        """
        if interrupted:  # a replicate half-written when Ctrl-C came is not part of it
            self._adopt(checkpoint.roll_back(self.partial, self._open_files()))
            if not self.completed:
                self.abandon()
                return self.manifest(interrupted=True, files=[])
        for handle in self._handles():
            handle.close()
        files = ["summary.csv", "events.jsonl", "series.csv"]
        if self.all_series:
            with (
                open(self.partial / "series-all.csv", "rb") as source,
                gzip.GzipFile(self.partial / "series-all.csv.gz", "wb", mtime=0) as target,
            ):
                shutil.copyfileobj(source, target)
            files.append("series-all.csv.gz")
        if self.failed:
            files.append("failures.jsonl")
        self._write_bands()
        files.append("bands.csv")
        with open(self.partial / "scenario.yaml", "w", encoding="utf-8") as handle:
            handle.write(f"# Resolved scenario of this bundle. {NOT_A_FORECAST}\n")
            yaml.safe_dump(
                resolved_document(self.plan.scenario), handle, sort_keys=False, allow_unicode=True
            )
        files.append("scenario.yaml")
        if self.plan.posterior is not None:
            self._write_parameters()
            files.append("parameters.csv")
        return publish(
            self.partial,
            self.out,
            files,
            self.manifest(interrupted=interrupted, files=files),
            keep=interrupted,  # stopped part-way: stays resumable
        )

    def _write_parameters(self) -> None:
        """Each replicate's drawn parameter set (a function of its seed, so the parent writes it)."""
        posterior = self.plan.posterior
        assert posterior is not None
        with open(self.partial / "parameters.csv", "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow([*DRAW_COLUMNS, *posterior.names])
            for index, seed in enumerate(self.plan.seeds[: self.completed]):
                drawn = posterior.scenario_for(self.plan.scenario, seed).parameters
                row = [repr(float(getattr(drawn, name))) for name in posterior.names]  # exact
                writer.writerow([index, seed, posterior.draw_index(seed), *row])

    def _write_bands(self) -> None:
        days = self.plan.scenario.days + 1
        raw = np.fromfile(self.partial / "bands.f32", dtype="<f4")
        stack = raw.reshape(-1, len(BAND_VARIABLES), days).astype(
            float
        )  # replicates x variables x days
        with open(self.partial / "bands.csv", "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(
                ["variable", "day", "date", *(f"q{int(q * 100):02d}" for q in QUANTILES), "mean"]
            )
            if not len(stack):
                return
            quantiles = np.quantile(stack, QUANTILES, axis=0)  # quantiles x variables x days
            means = stack.mean(axis=0)
            for v, name in enumerate(BAND_VARIABLES):
                for day in range(days):
                    date = (self.start_date + dt.timedelta(days=day)).isoformat()
                    row = [_cell(quantiles[k, v, day]) for k in range(len(QUANTILES))]
                    writer.writerow([name, day, date, *row, _cell(means[v, day])])

    def manifest(self, *, interrupted: bool, files: list[str]) -> dict:
        """What the bundle is and how to reproduce it."""
        finished = time.time()
        plan = self.plan
        return {
            "tool": "sahelsim",
            "version": __version__,
            "note": NOT_A_FORECAST,
            "scenario": {
                "title": plan.scenario.title,
                "sha256": scenario_hash(plan.scenario),
                "file": "scenario.yaml",
            },
            "seeds": {
                "root": plan.root_seed,
                "root_was_drawn": plan.seed_was_drawn,
                "method": "numpy SeedSequence(root).spawn(replicates); replicate seed = 63 bits of its state",
                **(
                    {"replicates": list(plan.seeds[: self.completed])}
                    if self.completed <= LISTED_SEEDS
                    else {"replicates_in": "summary.csv (column seed), one row per replicate"}
                ),
            },
            **({"parameters": plan.posterior.describe()} if plan.posterior else {}),
            "failed": {
                "count": len(self.failed),
                "replicates": self.failed,
                "rerun": "sahelsim explain scenario.yaml --seed SEED"
                + ("" if plan.posterior else " --parameters point")
                + (" --posterior FILE" if plan.posterior and not plan.posterior.shipped else "")
                + " (failures.jsonl has each traceback)",
            },
            "replicates": {
                "planned": plan.replicates,
                "precision": plan.precision,
                "completed": self.completed,
                "interrupted": interrupted,
                "stopped_early": self.stopped_early or None,
            },
            "reproduce": f"sahelsim run scenario.yaml --seed {plan.root_seed} --replicates "
            f"{self.completed if self.stopped_early else plan.replicates}"
            + _reproduce_parameters(plan.posterior),
            "command": self.command,
            "kept": {
                "summary": "every replicate",
                "events": "every record of every replicate",
                "series": f"replicates 0 to {min(self.series_sample, self.completed) - 1} (series.csv)"
                if self.completed
                else "none",
                "series_all": "every replicate (series-all.csv.gz)"
                if self.all_series
                else "not kept (use --series all)",
                "bands": {
                    "variables": list(BAND_VARIABLES),
                    "quantiles": list(QUANTILES),
                    "replicates": f"every {self.stride}th replicate ({len(self.band_replicates)} in all)"
                    if self.stride > 1
                    else f"all {len(self.band_replicates)}",
                },
            },
            "files": files,
            "drawn": [],  # figures and report, listed once each is written whole
            "environment": {
                "python": platform.python_version(),
                "mesa": mesa.__version__,
                "numpy": np.__version__,
                "platform": platform.platform(terse=True),
            },
            "timings": {
                "started": dt.datetime.fromtimestamp(self.started, dt.UTC).isoformat(
                    timespec="seconds"
                ),
                "finished": dt.datetime.fromtimestamp(finished, dt.UTC).isoformat(
                    timespec="seconds"
                ),
                "seconds": round(finished - self.started, 3),
                "workers": self.workers,
            },
        }

    def abandon(self) -> None:
        """Close the open files without completing anything (the bundle stays resumable)."""
        for handle in self._handles():
            if not handle.closed:
                with contextlib.suppress(OSError):  # a full disk: the checkpoint is what counts
                    handle.close()

    def discard(self) -> None:
        """Remove what this writer made, the run refused before any replicate.

        A Dask scheduler out of reach, say: a retry then starts afresh, not on stopped work.
        """
        self.abandon()
        if self.fresh and not self.completed:
            shutil.rmtree(self.partial, ignore_errors=True)
            # Its lock file is the last thing this run put there; a folder the user made stays.
            if release(self.out):
                with contextlib.suppress(OSError):  # anything else in it stays
                    self.out.rmdir()


@dataclass(frozen=True)
class EncodeOptions:
    """What a replicate contributes to a bundle: sent once to each worker."""

    start: dt.date
    series_sample: int
    all_series: bool
    stride: int


@dataclass(frozen=True)
class Encoded:
    """One replicate as the bundle's files need it: text lines and the band variables.

    Workers encode their own replicates, so the parent process only appends text.
    """

    index: int
    summary: str
    events: str
    series: str
    series_all: str
    bands: np.ndarray | None
    failure: dict | None = None


def encode(run: RunRecord, index: int, options: EncodeOptions) -> Encoded:
    """Encode one replicate's summary row, event lines, series rows and band variables."""
    summary = _csv_text([[index, run.seed, *(_cell(run.summary[c]) for c in SUMMARY_COLUMNS)]])
    lines = []
    for record in run.records:
        row = record.row()
        line = {
            "replicate": index,
            "day": row.pop("day"),
            "date": (options.start + dt.timedelta(days=record.day)).isoformat(),
            **row,
        }
        lines.append(
            json.dumps(line, ensure_ascii=False, separators=(",", ":"), default=str) + "\n"
        )
    series = (
        _csv_text(_series_rows(run, index, options.start, True))
        if index < options.series_sample
        else ""
    )
    series_all = (
        _csv_text(_series_rows(run, index, options.start, False)) if options.all_series else ""
    )
    bands = _overall(run).astype(np.float32) if index % options.stride == 0 else None
    return Encoded(index, summary, "".join(lines), series, series_all, bands)


def encode_failure(index: int, seed: int, error: BaseException) -> Encoded:
    """A replicate that raised: kept as data (seed and traceback), so the ensemble goes on."""
    trace = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    failure = {
        "replicate": index,
        "seed": seed,
        "error": f"{type(error).__name__}: {error}",
        "traceback": trace,
    }
    return Encoded(index, "", "", "", "", None, failure)


def _series_rows(run: RunRecord, index: int, start: dt.date, with_dates: bool) -> list[list]:
    series = run.series
    rows = []
    for day in range(series.forces.shape[0]):
        prefix = (
            [index, day, (start + dt.timedelta(days=day)).isoformat()]
            if with_dates
            else [index, day]
        )
        for j, actor in enumerate(series.actors):
            for name in SERIES_VARIABLES:
                rows.append([*prefix, actor, name, _cell(getattr(series, name)[day, j])])
        for j, group in enumerate(series.groups):
            rows.append([*prefix, group, "strength", _cell(series.strength[day, j])])
    return rows


def _csv_text(rows: list[list]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def _overall(run: RunRecord) -> np.ndarray:
    """Variables x days array of the overall daily variables of one replicate."""
    s = run.series
    return np.stack(
        [
            s.belligerents.astype(float),
            s.wars.astype(float),
            s.committed.sum(axis=1),
            s.casualties.sum(axis=1),
            s.strength.sum(axis=1) if s.strength.size else np.zeros(s.forces.shape[0]),
        ]
    )


def _cell(value: Any) -> str:
    """A CSV cell that is the same on every machine: bools as true/false, floats to 6 digits."""
    if isinstance(value, bool | np.bool_):
        return "true" if value else "false"
    if isinstance(value, int | np.integer):
        return str(int(value))
    if isinstance(value, float | np.floating):
        v = float(value)
        if math.isnan(v):
            return ""
        return f"{v:.6g}" if abs(v) < 1e15 else f"{v:.6e}"
    return str(value)


def read_summary(bundle: Path) -> list[dict[str, str]]:
    """The rows of a bundle's summary.csv."""
    with open(bundle / "summary.csv", newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _reproduce_parameters(posterior: Posterior | None) -> str:
    """The ``reproduce`` command's parameter options: the shipped posterior needs no path."""
    if posterior is None:
        return " --parameters point"
    if posterior.shipped:
        return " --parameters posterior"
    return f" --parameters posterior --posterior {posterior.source}"
