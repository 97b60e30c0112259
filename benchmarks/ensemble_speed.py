"""Ensemble throughput and peak memory: sahelsim's runner against Mesa's ``batch_run``.

Both run the same model (the flagship scenario), the same replicate seeds and produce the same
per-replicate outputs (the summary columns); sahelsim also writes its whole results bundle.
Each variant runs in a fresh subprocess so that its peak memory (max RSS, children included)
is its own; the table gives seconds, megabytes, and ratios against ``batch_run`` in this same
command. Mesa's ``batch_run`` keeps every result in memory and returns them at the end.

Usage: python benchmarks/ensemble_speed.py [-n 1000] [--workers 1 2] [--big 10000]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sim.scenario.defaults import FLAGSHIP as SCENARIO


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def variant_ours(n: int, workers: int) -> dict:
    """sahelsim's planner, executor and bundle writer (no figures)."""
    from sim.run.ensemble import run_ensemble
    from sim.run.plan import plan_runs
    from sim.scenario.loading import load_scenario

    plan = plan_runs(load_scenario(SCENARIO), n, 1)
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        run_ensemble(plan, Path(folder) / "bundle", workers=workers)
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "peak_mb": _peak_mb()}


def variant_batch_run(n: int, workers: int) -> dict:
    """Mesa's batch_run on the same model, seeds and summary outputs."""
    import mesa

    from sim.model.model import SahelModel
    from sim.model.outcomes import SUMMARY_COLUMNS, summarise
    from sim.model.world import build_world
    from sim.run.plan import plan_runs
    from sim.scenario.facts import fact_base
    from sim.scenario.loading import load_scenario

    scenario = load_scenario(SCENARIO)
    plan = plan_runs(scenario, n, 1)

    started = time.perf_counter()
    results = mesa.batch_run(
        _BatchSahel,
        parameters={"seed": list(plan.seeds)},
        number_processes=workers,
        max_steps=scenario.days,
        data_collection_period=-1,
        display_progress=False,
    )
    seconds = time.perf_counter() - started
    assert len(results) == n and set(SUMMARY_COLUMNS) <= set(results[0])
    del SahelModel, summarise, build_world, fact_base  # imported for the worker's module state
    return {"seconds": seconds, "peak_mb": _peak_mb()}


def _summary_reporter(column):
    def report(model):
        return model.summary()[column] if not model.running else None

    report.__name__ = f"report_{column}"
    return report


class _BatchSahel:  # replaced below by a real Mesa model class, defined at import for pickling
    pass


def _define_batch_model():
    import mesa

    from sim.model.model import SahelModel
    from sim.model.outcomes import SUMMARY_COLUMNS, summarise
    from sim.model.world import build_world
    from sim.scenario.facts import fact_base
    from sim.scenario.loading import load_scenario

    world = build_world(load_scenario(SCENARIO), fact_base())

    class BatchSahel(SahelModel):
        """The flagship model as batch_run wants it: built from keyword arguments alone."""

        def __init__(self, seed: int = 0):
            super().__init__(world, seed)
            self._summary = None
            self.datacollector = mesa.DataCollector(
                model_reporters={c: _summary_reporter(c) for c in SUMMARY_COLUMNS}
            )

        def step(self) -> None:
            super().step()
            if self.day >= self.horizon:
                self.running = False
            # batch_run reads one collected row per step (Mesa's usual pattern); the
            # reporters are cheap until the last day, when they give the summary.
            self.datacollector.collect(self)

        def summary(self):
            if self._summary is None:
                members = {
                    o: [m.state for m in org.members] for o, org in self.world.organisations.items()
                }
                self._summary = summarise(
                    self.records,
                    self.series,
                    organisation_members=members,
                    counterinsurgency_lost=self.counterinsurgency_lost,
                    homes=self.world.homes(),
                )
            return self._summary

    BatchSahel.__module__ = __name__
    BatchSahel.__qualname__ = "_BatchSahel"
    return BatchSahel


if __name__ != "__main__" or "--variant" in sys.argv:
    _BatchSahel = _define_batch_model()


def _run_variant(variant: str, n: int, workers: int) -> dict:
    output = subprocess.run(
        [sys.executable, __file__, "--variant", variant, "-n", str(n), "--workers", str(workers)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument(
        "--big", type=int, default=0, help="also run ours with this many replicates"
    )
    parser.add_argument("--variant", choices=["ours", "batch_run"])
    args = parser.parse_args()
    if args.variant:
        function = variant_ours if args.variant == "ours" else variant_batch_run
        print(json.dumps(function(args.n, args.workers[0])))
        return
    print(f"{SCENARIO}, {args.n} replicates of 365 days; each variant in a fresh process")
    print(
        f"{'variant':<28}{'workers':>8}{'seconds':>10}{'peak MB':>10}{'time ratio':>12}{'memory ratio':>14}"
    )
    for workers in args.workers:
        base = _run_variant("batch_run", args.n, workers)
        ours = _run_variant("ours", args.n, workers)
        for name, result in (("mesa batch_run", base), ("sahelsim run_ensemble", ours)):
            print(
                f"{name:<28}{workers:>8}{result['seconds']:>10.1f}{result['peak_mb']:>10.0f}"
                f"{result['seconds'] / base['seconds']:>12.2f}{result['peak_mb'] / base['peak_mb']:>14.2f}"
            )
    if args.big:
        big = _run_variant("ours", args.big, max(args.workers))
        print(
            f"sahelsim, {args.big} replicates, {max(args.workers)} workers: {big['seconds']:.1f} s, "
            f"peak {big['peak_mb']:.0f} MB"
        )
    print(
        "targets: 1,000 replicates in at most 30 s; peak at most 500 MB, also at 10,000 replicates"
    )


if __name__ == "__main__":
    main()
