"""The progress bar of the running commands: replicates done, and the time left."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
from rich.progress import Progress as Bar

from sim.run.ensemble import Progress

T = TypeVar("T")


def with_progress(work: Callable[[Progress | None], T], total: int, quiet: bool = False) -> T:
    """Run ``work(progress_callback)`` under a progress bar on stderr; bare when ``quiet``.

    The bar is transient: once the work is done, only what the command prints stays.
    """
    if quiet:
        return work(None)
    with Bar(
        TextColumn("replicates"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("time left"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("run", total=total)
        return work(lambda done, _total: bar.update(task, completed=done))


def watcher(quiet: bool) -> Callable[[Callable[[Progress | None], T], int], T]:
    """A ``watch`` for :func:`sim.run.ensemble.run_pair`: one bar per ensemble, or none."""
    return lambda work, total: with_progress(work, total, quiet)
