"""Executors: run a plan's replicates in this process or in local worker processes.

Either way replicates come back in replicate order, each computed by
:func:`~sim.run.replicate.run_one` from the plan's seed for it, so the number of workers never
changes a result. Workers are started with the ``spawn`` method (safe with the threads a
progress bar runs) and receive the scenario once, then only seeds.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

from sim.model.records import RunRecord
from sim.run.plan import RunPlan
from sim.run.replicate import run_one
from sim.scenario.schema import Scenario

_worker_scenario: Scenario | None = None


def _init_worker(scenario: Scenario) -> None:
    global _worker_scenario
    _worker_scenario = scenario


def _run_chunk(seeds: list[int]) -> list[RunRecord]:
    assert _worker_scenario is not None
    return [run_one(_worker_scenario, seed) for seed in seeds]


def execute(
    plan: RunPlan, workers: int = 1, *, start: int = 0, chunk: int = 8
) -> Iterator[tuple[int, RunRecord]]:
    """Yield ``(replicate index, record)`` for replicates ``start..``, in order."""
    seeds = list(plan.seeds[start:])
    if workers <= 1 or len(seeds) <= 1:
        for offset, seed in enumerate(seeds):
            yield start + offset, run_one(plan.scenario, seed)
        return
    chunks = [seeds[i : i + chunk] for i in range(0, len(seeds), chunk)]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_init_worker, initargs=(plan.scenario,)
    ) as pool:
        index = start
        try:
            for records in pool.map(_run_chunk, chunks):
                for record in records:
                    yield index, record
                    index += 1
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
