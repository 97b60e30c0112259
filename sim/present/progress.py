"""The progress bar of the running commands: replicates done, the time left, and an estimate.

A long run says so early: once the first replicates have taken a couple of seconds, their pace
gives the time the rest will take, and when that is more than a minute one line says it (also
when the output is not a terminal and no bar is drawn), with how to stop and finish later.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
from rich.progress import Progress as Bar

from sim.numbers import localised
from sim.present.streams import std_console
from sim.run.ensemble import Progress

T = TypeVar("T")

PROBE_SECONDS = 2.0
"""How long the first replicates run before their pace is taken for the estimate."""
LONG_SECONDS = 60.0
"""A run expected to take longer than this says so."""

WORDS = {
    "en": {
        "replicates": "replicates",
        "left": "time left",
        "estimate": "This will take about {left} more ({each} per replicate, measured on the "
        "first {k}). Ctrl-C keeps the replicates finished; the same command with --resume "
        "finishes the rest.",
        "days": "{d} days {h} h",
        "hours": "{h} h {m:02d} min",
        "minutes": "{m} min",
        "seconds": "{s:.2g} s",
        "ms": "{ms} ms",
    },
    "fr": {
        "replicates": "réplications",
        "left": "temps restant",
        "estimate": "Il faudra encore environ {left} ({each} par réplication, mesuré sur les "
        "{k} premières). Ctrl-C garde les réplications terminées ; la même commande avec "
        "--resume termine le reste.",
        "days": "{d} j {h} h",
        "hours": "{h} h {m:02d} min",
        "minutes": "{m} min",
        "seconds": "{s:.2g} s",
        "ms": "{ms} ms",
    },
}


def duration(seconds: float, lang: str = "en") -> str:
    """A duration in the largest units that say it: "3 days 4 h", "2 h 05 min", "12 min"."""
    words = WORDS[lang]
    if seconds < 1:
        ms = seconds * 1000  # two significant figures, never in e-notation ("250 ms")
        text = words["ms"].format(ms=f"{ms:.0f}" if ms >= 10 else f"{ms:.2g}")
    elif seconds < 60:
        text = words["seconds"].format(s=seconds)
    else:
        minutes = round(seconds / 60)
        hours, m = divmod(minutes, 60)
        days, h = divmod(hours, 24)
        if days:
            text = words["days"].format(d=days, h=h)
        elif hours:
            text = words["hours"].format(h=hours, m=m)
        else:
            text = words["minutes"].format(m=m)
    return localised(text, lang)


class Estimate:
    """Times the first replicates of a run and, once, says how long the rest will take."""

    def __init__(self, say: Callable[[str], None], lang: str = "en", probe: float = PROBE_SECONDS):
        self.say, self.lang, self.probe = say, lang, probe
        self.first: tuple[float, int] | None = None
        self.said = False

    def __call__(self, done: int, total: int) -> None:
        """Note that ``done`` of ``total`` replicates are finished."""
        if self.said:
            return
        now = time.monotonic()
        if self.first is None:  # the first replicate carries the start-up: timed from here
            self.first = (now, done)
            return
        since, at = self.first
        if now - since < self.probe or done <= at:
            return
        self.said = True
        each = (now - since) / (done - at)
        left = each * (total - done)
        if left > LONG_SECONDS:
            words = WORDS[self.lang]
            self.say(
                words["estimate"].format(
                    left=duration(left, self.lang),
                    each=duration(each, self.lang),
                    k=done - at,
                )
            )


def with_progress(
    work: Callable[[Progress | None], T], total: int, quiet: bool = False, lang: str = "en"
) -> T:
    """Run ``work(progress_callback)`` under a progress bar on stderr; bare when ``quiet``.

    The bar is transient: once the work is done, only what the command prints stays. A run
    that will take more than a minute says so, once, when its first replicates have set the
    pace (:class:`Estimate`).
    """
    if quiet:
        return work(None)
    words = WORDS[lang]
    console = std_console(stderr=True, highlight=False)
    if not console.is_terminal:  # no bar into a file or a pipe (it would leave a blank line)
        estimate = Estimate(lambda text: console.print(text, markup=False, soft_wrap=True), lang)
        return work(estimate)
    with Bar(
        TextColumn(words["replicates"]),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn(words["left"]),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("run", total=total)
        estimate = Estimate(lambda text: console.print(text, markup=False), lang)

        def progress(done: int, total_: int) -> None:
            bar.update(task, completed=done)
            estimate(done, total_)

        return work(progress)


def watcher(quiet: bool, lang: str = "en") -> Callable[[Callable[[Progress | None], T], int], T]:
    """A ``watch`` for :func:`sim.run.ensemble.run_pair`: one bar per ensemble, or none."""
    return lambda work, total: with_progress(work, total, quiet, lang)
