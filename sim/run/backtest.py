"""Running the backtest: every episode's ensemble on the same replicate seeds, into one folder.

An episode is a scenario with an ``observed:`` block: a bundled scenario, or any file under
``scenarios/history/`` (the set grows by adding files there). These are the *training*
episodes, the ones ``sahelsim calibrate`` fits. The files under ``scenarios/held-out/`` are
episodes kept apart: ``backtest --held-out`` scores them, and no fit may use them. Each runs through
:func:`sim.run.ensemble.run_ensemble` into ``OUT/<episode>/``, a complete results bundle, on
one root seed and one number of replicates (common random numbers). ``OUT/backtest-plan.json``
records both before anything runs, so that ``--resume`` finishes stopped work with the same
seeds and leaves finished episodes alone.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sim.errors import InputError, Text
from sim.resources import scenarios_dir
from sim.run.bundle import drawn_from
from sim.run.checkpoint import refuse_changed
from sim.run.ensemble import Watch, _unwatched, run_ensemble
from sim.run.files import own, release
from sim.run.folders import prepare_out_dir
from sim.run.options import Executor
from sim.run.plan import RunPlan, plan_runs
from sim.scenario.loading import (
    HELD_OUT,
    HISTORY,
    bundled_names,
    bundled_path,
    episode_path,
    load_scenario,
)

PLAN_FILE = "backtest-plan.json"


@dataclass(frozen=True)
class Episode:
    """An episode to score: its name (the bundle's folder) and its ensemble's plan."""

    name: str
    plan: RunPlan
    source: str = ""  # the scenario file or bundled name, re-read with a probe's override


def episode_sources(held_out: bool = False) -> list[tuple[str, str]]:
    """(name, source) of the training episodes, or with ``held_out`` of the held-out ones.

    The training episodes are every bundled scenario with an ``observed:`` block, then the
    history's.
    """
    found = []
    if not held_out:
        found = [(n, n) for n in bundled_names() if load_scenario(n).observed is not None]
    folder = scenarios_dir() / (HELD_OUT if held_out else HISTORY)
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        if load_scenario(path).observed is not None:
            found.append((path.stem, str(path)))
    return found


def _named(given: str) -> tuple[str, str]:
    """(name, source) of an episode given on the command line: a name or a path."""
    path = episode_path(given)
    return (path.stem, str(path)) if path is not None else (Path(given).stem, given)


def as_given(name: str, source: str) -> str:
    """How to name an episode on a command line that others may run: its name when that finds it.

    An episode of scenarios/history/ or held-out/ is found by its name; its source is a path
    into this installation, which a command written for someone else must not carry.
    """
    return name if _named(name)[1] == source else source


def is_training(name: str, source: str, training: Sequence[tuple[str, str]]) -> bool:
    """Whether an episode is one of ``training`` (:func:`episode_sources`): the same file.

    A file of the user's own that bears a training episode's name (an edited copy) is not.
    """
    known = dict(training).get(name)
    if known is None:
        return False
    if source == known:
        return True
    files = [Path(known), bundled_path(known)]
    given = Path(source)
    return given.is_file() and any(
        f is not None and f.is_file() and f.samefile(given) for f in files
    )


def is_held_out(source: str) -> bool:
    """Whether an episode is one of the held-out episodes: by name, by path, or by a copy's name.

    A file elsewhere that bears a held-out episode's name counts too, so that a copy of one
    cannot slip into a fit.
    """
    # A name, a path into the folder and a copy elsewhere all end in a held-out file's stem.
    return Path(source).stem in {path.stem for path in (scenarios_dir() / HELD_OUT).glob("*.yaml")}


def plan_backtest(
    episodes: Sequence[str] = (),
    replicates: int | None = None,
    seed: int | None = None,
    *,
    held_out: bool = False,
) -> list[Episode]:
    """Plan every episode on one root seed and size (the first episode's, unless given).

    Without ``episodes``: the training episodes, or with ``held_out`` the held-out ones.
    """
    chosen = [_named(e) for e in episodes] if episodes else episode_sources(held_out)
    if not chosen:
        where = (
            Text("no file in scenarios/{folder}/", folder=HELD_OUT)
            if held_out
            else Text("no bundled scenario")
        )
        raise InputError(Text("no episodes: {where} has an observed: block", where=where))
    names = [name for name, _ in chosen]
    if len(set(names)) != len(names):
        raise InputError(
            Text("episodes named twice: {names}; expected distinct names", names=", ".join(names))
        )
    planned: list[Episode] = []
    for name, source in chosen:
        scenario = load_scenario(source)
        if scenario.observed is None:
            raise InputError(
                Text(
                    "{source}: has no observed: block; expected an episode (a scenario recording "
                    "what happened)",
                    source=source,
                )
            )
        if planned:
            first = planned[0].plan
            plan = plan_runs(scenario, first.replicates, first.root_seed)
        else:
            plan = plan_runs(scenario, replicates, seed)
        planned.append(Episode(name, plan, source))
    return planned


def saved_plan(out: Path) -> dict | None:
    """The root seed and replicates stopped backtest work in ``out`` ran with, if it says."""
    try:
        return json.loads((out / PLAN_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def plan_resumed(
    out: Path, episodes: Sequence[str], replicates: int | None, seed: int | None
) -> list[Episode]:
    """Plan the same work as the stopped backtest in ``out``: what was not given is taken from it."""
    saved = saved_plan(out) or {}
    return plan_backtest(
        episodes or tuple(saved.get("episodes", ())),
        replicates or saved.get("replicates"),
        seed if seed is not None else saved.get("root_seed"),
    )


def run_backtest(
    episodes: Sequence[Episode],
    out: Path,
    *,
    workers: int = 1,
    command: Sequence[str] = (),
    resume: bool = False,
    executor: Executor | str = Executor.LOCAL,
    scheduler: str | None = None,
    watch: Watch[tuple[dict, bool]] = _unwatched,
    robustness: bool = False,
) -> bool:
    """Run each episode into ``out/<name>``; return whether it was interrupted (Ctrl-C).

    ``robustness`` is recorded in the plan, so that ``--resume`` finishes the probes too.
    """
    first = episodes[0].plan
    record = {
        "root_seed": first.root_seed,
        "replicates": first.replicates,
        "episodes": [e.name for e in episodes],
    }
    if robustness:
        record["robustness"] = True
    if first.posterior is not None:  # --resume needs the same --parameters and --posterior
        record["parameters"] = first.posterior.describe()
    if resume:  # the top folder holds episodes' bundles, not a run of its own to resume
        _refuse_other_settings(out, record)  # before its plan is written over
        out.mkdir(parents=True, exist_ok=True)
        own(out)  # a second backtest resuming the same folder is refused
    else:
        out = prepare_out_dir(out)
    (out / PLAN_FILE).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    return run_into_folders(
        [(episode.plan, out / episode.name) for episode in episodes],
        workers=workers,
        command=command,
        resume=resume,
        executor=executor,
        scheduler=scheduler,
        watch=watch,
    )


def _refuse_other_settings(out: Path, record: dict) -> None:
    """Refuse to resume a backtest with another seed, size, parameters, episodes or probes.

    Its finished episodes would keep the old ones and the rest run with the new: one folder,
    scored as one backtest, of two ensembles. Other episodes would leave bundles the scores
    leave out, or score a set the folder's plan does not name (and the baselines learn from
    the episodes scored): a backtest of other episodes is another backtest, in another folder.
    Nor may ``--robustness`` add probes to a backtest begun without them (a resumption without
    it finishes the probes of one begun with them: the plan recalls them).
    """
    saved = saved_plan(out)
    if saved is None:
        return  # stopped before its plan was written: nothing ran
    keys = ("root_seed", "replicates", "episodes", "posterior_sha256", "robustness")
    found, expected = (
        {**plan, **drawn_from(plan), "robustness": bool(plan.get("robustness"))}
        for plan in (saved, record)
    )
    same = Text(
        "the same --seed, --replicates, --episodes, --parameters, --posterior and --robustness"
    )
    refuse_changed(out, found, {key: expected.get(key) for key in keys}, same)


def run_into_folders(
    work: Sequence[tuple[RunPlan, Path]],
    *,
    workers: int = 1,
    command: Sequence[str] = (),
    resume: bool = False,
    executor: Executor | str = Executor.LOCAL,
    scheduler: str | None = None,
    watch: Watch[tuple[dict, bool]] = _unwatched,
) -> bool:
    """Run each plan into its own bundle folder, in order; return whether one was interrupted.

    Each folder is let go as soon as its bundle is published, so that ``sahelsim report`` may
    read an episode finished while the others run.
    """
    for plan, target in work:
        target.parent.mkdir(parents=True, exist_ok=True)
        folder = prepare_out_dir(target, resume=resume)
        _, stopped = watch(
            lambda progress, plan=plan, folder=folder: run_ensemble(
                plan,
                folder,
                workers=workers,
                command=command,
                resume=resume,
                executor=executor,
                scheduler=scheduler,
                progress=progress,
            ),
            plan.replicates,
        )
        release(folder)
        if stopped:
            return True
    return False
