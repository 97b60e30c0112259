"""What the commands print around their work: headers, notes, the catalogue, sensitivity.

Headers and notes are returned as text (the command line chooses the stream); tables are built
or printed on a rich console, standard output by default. Larger reports live with what they
show: a bundle's summary in :mod:`sim.present.console`, a comparison's in
:mod:`sim.present.comparison`, a sweep's in :mod:`sim.present.sweep_figures`. Nothing heavy is
imported here, so that quick commands (``sahelsim list``) stay quick.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:
    from sim.run.plan import RunPlan
    from sim.run.sweep import SweepPlan
    from sim.scenario.catalogue import Entry


def _drawn(plan: RunPlan | SweepPlan, lang: str = "en") -> str:
    if not plan.seed_was_drawn:
        return ""
    if lang == "fr":
        return " (tirée au hasard ; passez --seed pour la reproduire)"
    return " (drawn; pass --seed to repeat)"


def scenario_title(scenario, lang: str = "en") -> str:
    """A scenario's title in ``lang``: its French title (Scenario.french_title) when it has one."""
    french = scenario.french_title
    return french if lang == "fr" and french else scenario.title


def run_header(plan: RunPlan, lang: str = "en") -> str:
    """What an ensemble is about to run, and from which root seed."""
    if lang == "fr":
        return (
            f"{scenario_title(plan.scenario, lang)} : {plan.replicates} réplications, graine "
            f"{plan.root_seed}{_drawn(plan, lang)}"
        )
    return (
        f"{plan.scenario.title}: {plan.replicates} replicates, root seed {plan.root_seed}"
        f"{_drawn(plan)}"
    )


def pair_header(name_a: str, name_b: str, plan: RunPlan, lang: str = "en") -> str:
    """What a comparison is about to run: both scenarios on the same replicate seeds."""
    if lang == "fr":
        return (
            f"A = {name_a}, B = {name_b} : {plan.replicates} réplications appariées, graine "
            f"{plan.root_seed}"
        )
    return (
        f"A = {name_a}, B = {name_b}: {plan.replicates} paired replicates, "
        f"root seed {plan.root_seed}"
    )


def sweep_header(plan: SweepPlan, lang: str = "en") -> str:
    """What a sweep is about to run: points times replicates, and the root seed."""
    if lang == "fr":
        return (
            f"{scenario_title(plan.scenario, lang)} : {plan.design.points} points x "
            f"{plan.replicates} réplications, graine {plan.root_seed}{_drawn(plan, lang)}"
        )
    return (
        f"{plan.scenario.title}: {plan.design.points} points x {plan.replicates} replicates, "
        f"root seed {plan.root_seed}{_drawn(plan)}"
    )


def precision_outcome(precision: float, manifest: dict) -> str:
    """Whether an adaptive ensemble reached its precision, and after how many replicates."""
    reason = manifest["replicates"]["stopped_early"]
    done = manifest["replicates"]["completed"]
    return f"Precision ±{precision:g}: " + (
        f"reached; {reason}." if reason else f"not reached within the cap of {done} replicates."
    )


def _resume_command(manifest: dict) -> str:
    """The command that finishes stopped work: the one that started it, with --resume."""
    command = manifest.get("command")
    if isinstance(command, list) and command and all(isinstance(c, str) for c in command):
        words = [shlex.quote(c) for c in command if c != "--resume"]
        return " ".join([*words, "--resume"])
    return "the same command with --resume"


def interrupted_run(out: Path, manifest: dict) -> str:
    """What an interrupted ensemble left, and how to finish it."""
    done = manifest["replicates"]["completed"]
    return (
        f"Interrupted: the bundle in {out} holds the {done} replicates finished (summary.csv, "
        f"events.jsonl; the state to resume from is in {out / '.partial'}). Finish it with: "
        f"{_resume_command(manifest)}"
    )


def interrupted_sweep(out: Path, manifest: dict) -> str:
    """What an interrupted sweep left, and how to finish it."""
    done = manifest["replicates"]["completed"]
    return (
        f"Interrupted: {out} holds the {done} replicates finished (the state to resume from is "
        f"in {out / '.partial'}). Finish it with: {_resume_command(manifest)}"
    )


def interrupted_pair(out: Path) -> str:
    """Where an interrupted comparison left its bundles."""
    return f"Interrupted: partial bundles are in {out}."


INTERRUPTED_SAMPLE = "Interrupted: the sample is incomplete, so no indices were computed."


def failures_note(manifest: dict) -> str | None:
    """A warning when some replicates of a sweep failed, else None."""
    failed = manifest["failed"]["count"]
    if not failed:
        return None
    return (
        f"{failed} replicate(s) failed and are left out of the estimates (failures.jsonl holds "
        "each traceback)."
    )


def print_sensitivity(
    text: str, folder: Path, *, drawn: bool = True, console: Console | None = None
) -> None:
    """The plain-language summary as written to summary.txt, then where the files are."""
    report = console or Console(
        highlight=False, soft_wrap=True
    )  # the terminal wraps; copies stay whole
    report.print(text, markup=False, end="")
    figures = ", figures/" if drawn else ""
    report.print(f"Sensitivity: {folder} (indices.csv, summary.txt{figures}, results.csv)")


def catalogue_table(entries: Iterable[Entry]) -> Table:
    """Bundled scenarios and lessons: name, title, and the summary dimmed below it."""
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column("name", no_wrap=True)
    table.add_column("title / description", overflow="fold")
    for entry in entries:
        text = entry.title if not entry.summary else f"{entry.title}\n[dim]{entry.summary}[/dim]"
        table.add_row(entry.name, text)
    return table
