"""Executors: run a plan's replicates in this process or in local worker processes.

Either way replicates come back in replicate order, each computed by
:func:`~sim.run.replicate.run_one` from the plan's seed for it and encoded for the bundle by
:func:`~sim.run.bundle.encode` where it ran, so the number of workers never changes a byte and
the parent process only writes. Local workers (:mod:`sim.run.local_pool`) receive the scenario
once, then only seeds.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from sim.errors import SahelsimError, Text
from sim.run.bundle import Encoded, EncodeOptions, encode, encode_failure
from sim.run.local_pool import WorkerDied, in_order_locally
from sim.run.plan import RunPlan
from sim.run.posterior import Posterior
from sim.run.replicate import run_one
from sim.scenario.schema import Scenario

_worker: tuple[Scenario, EncodeOptions, Posterior | None] | None = None


def _init_worker(
    scenario: Scenario, options: EncodeOptions, posterior: Posterior | None = None
) -> None:
    global _worker
    _worker = (scenario, options, posterior)


def replicate(
    scenario: Scenario,
    index: int,
    seed: int,
    options: EncodeOptions,
    posterior: Posterior | None = None,
) -> Encoded:
    """Run and encode one replicate; a replicate that raises is returned as a failure record.

    With a ``posterior``, the replicate runs with the parameter set its seed draws from it.
    ``SystemExit`` is a failure too: code inside a replicate has no business ending the
    ensemble (Ctrl-C, a ``KeyboardInterrupt``, still stops it).
    """
    try:
        if posterior is not None:
            scenario = posterior.scenario_for(scenario, seed)
        return encode(run_one(scenario, seed), index, options)
    except (Exception, SystemExit) as error:  # failures are data: the ensemble goes on
        return encode_failure(index, seed, error)


def _run_chunk(chunk: list[tuple[int, int]]) -> list[Encoded]:
    assert _worker is not None
    scenario, options, posterior = _worker
    return [replicate(scenario, index, seed, options, posterior) for index, seed in chunk]


class WorkerLost(SahelsimError):
    """A local worker process died (killed, or it exited) before returning its replicates."""


def worker_lost(done: int, planned: int) -> WorkerLost:
    """Say which replicates a lost worker process took with it: all from ``done`` on."""
    return WorkerLost(
        Text(
            "a worker process was lost (killed, or it exited) while the work ran: replicates "
            "{done} to {last} (in run order) were not finished and are not in the results; the "
            "{done} before them are kept: finish with the same command and --resume",
            done=done,
            last=planned - 1,
        )
    )


def execute(
    plan: RunPlan, options: EncodeOptions, workers: int = 1, *, start: int = 0, chunk: int = 8
) -> Iterator[Encoded]:
    """Yield every replicate from ``start`` on, encoded, in replicate order.

    Seeds are read and chunks made as the work goes, and only a few chunks per worker are in
    flight, so memory does not grow with the number of replicates.
    """
    items = itertools.islice(enumerate(plan.seeds), start, None)
    if workers <= 1 or plan.replicates - start <= 1:
        for index, seed in items:
            yield replicate(plan.scenario, index, seed, options, plan.posterior)
        return
    chunks = iter(lambda: list(itertools.islice(items, chunk)), [])
    done = start
    try:
        for encoded in in_order_locally(
            _run_chunk,
            chunks,
            workers,
            initializer=_init_worker,
            initargs=(plan.scenario, options, plan.posterior),
        ):
            yield from encoded
            done += len(encoded)
    except WorkerDied:
        raise worker_lost(done, plan.replicates) from None
