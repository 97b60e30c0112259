"""Throughput and how the cost of a replicate grows with the horizon and the number of actors.

Prints, as tables:

1. throughput in replicate-days per second of the flagship scenario with 1 and 2 local
   worker processes and on a 2-worker ``distributed.LocalCluster`` (when dask is installed);
2. the median time of one replicate for horizons of 90, 365 and 1,095 days;
3. the median time of one replicate of synthetic scenarios of 10, 50 and 200 actors: copies of
   the fact base's states with new ids, bordering their neighbours in a ring, with an armed
   group in every fifth state, an attack on day 10 and the Liptako-Gourma-like pact binding
   them all. Ratios are against the smallest case, measured in the same command.

Usage: python benchmarks/scaling.py [--replicates 200] [--repeats 15]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from sim.run.ensemble import run_ensemble
from sim.run.plan import plan_runs
from sim.run.replicate import run_one
from sim.scenario.defaults import FLAGSHIP
from sim.scenario.facts import FactBase, Parties, fact_base
from sim.scenario.loading import load_scenario
from sim.scenario.schema import Scenario


def throughput(replicates: int) -> list[tuple[str, float]]:
    """Replicate-days per second for each executor."""
    scenario = load_scenario(FLAGSHIP)
    plan = plan_runs(scenario, replicates, 1)
    days = (scenario.days + 1) * replicates
    variants = [("local, 1 worker", "local", 1), ("local, 2 workers", "local", 2)]
    try:
        import distributed  # noqa: F401

        variants.append(("dask LocalCluster, 2 workers", "dask", 2))
    except ImportError:
        pass
    out = []
    for label, executor, workers in variants:
        with tempfile.TemporaryDirectory() as folder:
            started = time.perf_counter()
            run_ensemble(plan, Path(folder) / "b", workers=workers, executor=executor)
            out.append((label, days / (time.perf_counter() - started)))
    return out


def _median_ms(scenario: Scenario, repeats: int, facts: FactBase | None = None) -> float:
    run_one(scenario, 0, facts)
    times = []
    for seed in range(repeats):
        started = time.perf_counter()
        run_one(scenario, seed, facts)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def synthetic(n_states: int) -> tuple[Scenario, FactBase]:
    """A scenario of ``n_states`` states (and a group per five states) on a synthetic fact base."""
    base = fact_base()
    template = base.states["NER"]
    group = base.armed_groups["JNIM"]
    ids = [f"S{i:03d}" for i in range(n_states)]
    states = {}
    for i, sid in enumerate(ids):
        left, right = ids[i - 1], ids[(i + 1) % n_states]
        borders = template.borders.model_copy(update={"km": {left: 500.0, right: 500.0}})
        states[sid] = template.model_copy(
            update={"id": sid, "name": sid, "name_fr": sid, "borders": borders}
        )
    groups = {}
    for k, sid in enumerate(ids[::5]):
        gid = f"G{k:03d}"
        where = group.operates_in.model_copy(update={"countries": [sid]})
        groups[gid] = group.model_copy(update={"id": gid, "operates_in": where})
    charter = base.pacts["liptako-gourma-charter"].model_copy(
        update={"id": "ring-pact", "parties": Parties(states=ids)}
    )
    facts = FactBase(
        states=states,
        powers={},
        armed_groups=groups,
        conflict_fatalities=[],
        organisations=base.organisations,
        pacts={"ring-pact": charter},
    )
    scenario = Scenario.model_validate(
        {
            "title": f"synthetic {n_states}",
            "start": "2024-01-01",
            "days": 365,
            "actors": {a: None for a in [*ids, *groups]},
            "pacts": {"ring-pact": None},
            "events": {
                "war": {"kind": "attack", "date": "2024-01-10", "by": ids[1], "target": ids[0]}
            },
        }
    )
    return scenario, facts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicates", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()

    print(f"1. Throughput, {FLAGSHIP}, {args.replicates} replicates")
    results = throughput(args.replicates)
    base = results[0][1]
    for label, rate in results:
        print(f"   {label:<32}{rate:>12,.0f} replicate-days/s{rate / base:>8.2f}x")

    print("2. One replicate against the horizon (median ms)")
    first = None
    for days in (90, 365, 1095):
        ms = _median_ms(load_scenario(FLAGSHIP, [f"days={days}"]), args.repeats)
        first = first or ms
        print(f"   {days:>5} days{ms:>10.1f} ms{ms / first:>8.2f}x")

    print("3. One replicate against the number of actors (median ms, 365 days)")
    first = None
    for n in (10, 50, 200):
        scenario, facts = synthetic(n)
        ms = _median_ms(scenario, max(3, args.repeats // 3), facts)
        first = first or ms
        print(f"   {len(scenario.actors):>5} actors{ms:>10.1f} ms{ms / first:>8.2f}x")


if __name__ == "__main__":
    main()
