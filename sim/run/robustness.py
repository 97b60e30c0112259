"""Robustness probes: each episode run again with one cited figure at its low and at its high.

A *probe* is one fact-base figure of one actor in an episode that the sources give a range for
(``low`` and/or ``high``): a state's ``active_forces`` (the point in force on the episode's start
date) or an armed group's ``fighters``. Each end of the range that differs from the value runs
the episode's ensemble again with one ``--set``-style override (``actors.NER.forces=20000``),
on the episode's root seed and replicates (common random numbers), into
``OUT/robustness/<episode>/<actor>-<figure>-<end>/``. An actor whose ``forces`` the scenario
already sets is not probed (:class:`Unprobed`): the scenario, not the fact base, decides it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sim.run.backtest import Episode, run_into_folders
from sim.run.ensemble import Watch, _unwatched
from sim.run.options import Executor
from sim.run.plan import RunPlan, plan_runs
from sim.scenario.facts import FactBase, Figure, fact_base
from sim.scenario.loading import load_scenario
from sim.scenario.schema import InlineActor, Scenario

FOLDER = "robustness"
"""The folder of the backtest's ``--out`` holding the probes' bundles."""

ENDS = ("low", "high")


@dataclass(frozen=True)
class Probe:
    """One ranged figure of one actor in one episode: the value used and the cited range."""

    episode: str
    actor: str
    figure: str  # "active_forces" (a state) or "fighters" (an armed group)
    low: float | None
    value: float
    high: float | None

    def end(self, which: str) -> float | None:
        """The low or high end, or ``None`` when the sources give none or it is the value."""
        x = self.low if which == "low" else self.high
        return None if x is None or x == self.value else x

    def folder(self, which: str) -> str:
        """The probe's bundle for one end, relative to the backtest's folder."""
        return f"{FOLDER}/{self.episode}/{self.actor}-{self.figure}-{which}"


@dataclass(frozen=True)
class Unprobed:
    """A ranged figure left alone because the scenario sets the actor's forces itself."""

    episode: str
    actor: str
    figure: str
    set_to: float


@dataclass(frozen=True)
class ProbeRun:
    """One end of one probe: its ensemble, on the episode's seeds."""

    probe: Probe
    end: str
    plan: RunPlan


def ranged_figures(scenario: Scenario, facts: FactBase) -> list[tuple[str, str, Figure]]:
    """(actor, figure name, figure) of each actor in play whose fact-base figure has a range."""
    found = []
    for actor, entry in scenario.actors.items():
        if isinstance(entry, InlineActor):  # the scenario's own cited figure
            figure, name = entry.forces, "forces"
        elif actor in facts.states:
            figure, name = facts.states[actor].forces_on(scenario.start), "active_forces"
        elif actor in facts.armed_groups:
            figure, name = facts.armed_groups[actor].fighters_on(scenario.start), "fighters"
        else:
            continue
        if figure.low is not None or figure.high is not None:
            found.append((actor, name, figure))
    return found


def _override(actor: str, x: float, inline: bool) -> str:
    # Forces are whole personnel; an inline actor's figure is a mapping with its value inside.
    return f"actors.{actor}.forces{'.value' if inline else ''}={round(x)}"


def plan_probes(
    episodes: Sequence[Episode], facts: FactBase | None = None
) -> tuple[list[ProbeRun], list[Probe], list[Unprobed]]:
    """Every probe of every episode, its runs, and the figures the scenarios set themselves."""
    facts = facts or fact_base()
    runs: list[ProbeRun] = []
    probes: list[Probe] = []
    unprobed: list[Unprobed] = []
    for episode in episodes:
        scenario = episode.plan.scenario
        for actor, name, figure in ranged_figures(scenario, facts):
            given = scenario.actors[actor]
            inline = isinstance(given, InlineActor)
            if given is not None and not inline and given.forces is not None:
                unprobed.append(Unprobed(episode.name, actor, name, float(given.forces)))
                continue
            probe = Probe(episode.name, actor, name, figure.low, figure.value, figure.high)
            probes.append(probe)
            for which in ENDS:
                x = probe.end(which)
                if x is None:
                    continue
                changed = load_scenario(episode.source, [_override(actor, x, inline)], facts=facts)
                plan = plan_runs(
                    changed,
                    episode.plan.replicates,
                    episode.plan.root_seed,
                    episode.plan.posterior,
                )
                runs.append(ProbeRun(probe, which, plan))
    return runs, probes, unprobed


def run_probes(
    runs: Sequence[ProbeRun],
    out: Path,
    *,
    workers: int = 1,
    command: Sequence[str] = (),
    resume: bool = False,
    executor: Executor | str = Executor.LOCAL,
    scheduler: str | None = None,
    watch: Watch[tuple[dict, bool]] = _unwatched,
) -> bool:
    """Run each probe's ensemble into ``out/robustness/...``; return whether it was interrupted."""
    return run_into_folders(
        [(run.plan, out / run.probe.folder(run.end)) for run in runs],
        workers=workers,
        command=command,
        resume=resume,
        executor=executor,
        scheduler=scheduler,
        watch=watch,
    )
