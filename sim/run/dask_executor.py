"""Running replicates on a Dask cluster: a ``distributed.LocalCluster`` or an existing one.

The work is the same as with local processes — chunks of (replicate index, seed), run and
encoded where they land — and results are consumed in replicate order, so a bundle made on a
cluster is byte-identical to one made on a laptop. At most a few chunks per worker are in
flight, which keeps memory flat on both sides however long the ensemble. Every machine of the
cluster needs the same sahelsim installed (``pip install 'sahelsim[dask]'``).
"""

from __future__ import annotations

import itertools
import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from sim.errors import InputError, SahelsimError, Text
from sim.resources import install_command
from sim.run.bundle import Encoded, EncodeOptions
from sim.run.plan import RunPlan
from sim.run.posterior import Posterior
from sim.scenario.schema import Scenario

T = TypeVar("T")


def _chunk(
    scenario: Scenario,
    options: EncodeOptions,
    posterior: Posterior | None,
    items: list[tuple[int, int]],
) -> list[Encoded]:
    from sim.run.executors import replicate

    return [replicate(scenario, index, seed, options, posterior) for index, seed in items]


def _one_line(exc: BaseException) -> str:
    """Dask's words, quoted last in a message: its lines (a traceback's, at times) as one."""
    return " ".join(str(exc).split())


def _client(scheduler: str | None, workers: int):
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise InputError(
            Text(
                "--executor dask needs the dask extra; install it with: {command}",
                command=install_command("dask"),
            )
        ) from None
    if scheduler:
        # A lost scheduler is reported once, by in_order_on_dask; not as the client's tracebacks.
        logging.getLogger("distributed.client").setLevel(logging.CRITICAL)
        try:
            return Client(scheduler, timeout=10), None
        except (OSError, TimeoutError, ValueError) as exc:
            raise InputError(
                Text(
                    "--scheduler {scheduler}: cannot reach a Dask scheduler at this address; "
                    "check the address (tcp://HOST:8786) and that the scheduler is running, or "
                    "leave out --scheduler to start a cluster on this machine (Dask says: "
                    "{reason})",
                    scheduler=scheduler,
                    reason=_one_line(exc),
                )
            ) from None
    # ":0": the scheduler's web server takes a free port; with the default (8787) a second
    # cluster on the machine would collide and retry.
    cluster = LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
    )
    return Client(cluster), cluster


def dask_client(scheduler: str | None, workers: int):
    """A client of the cluster at ``scheduler``, or of a new ``LocalCluster`` of ``workers``.

    Returns ``(client, cluster)``; ``cluster`` is ``None`` for an existing scheduler. The caller
    closes both.
    """
    return _client(scheduler, workers)


def execute_dask(
    plan: RunPlan,
    options: EncodeOptions,
    workers: int = 2,
    *,
    scheduler: str | None = None,
    start: int = 0,
    chunk: int = 8,
) -> Iterator[Encoded]:
    """Yield every replicate from ``start`` on, encoded, in replicate order, computed on Dask."""
    items = itertools.islice(enumerate(plan.seeds), start, None)  # seeds read as work goes
    chunks = iter(lambda: list(itertools.islice(items, chunk)), [])
    for encoded in in_order_on_dask(
        _chunk,
        chunks,
        workers,
        scheduler=scheduler,
        shared=(plan.scenario, options, plan.posterior),
    ):
        yield from encoded


def in_order_on_dask(
    function: Callable[..., T],
    tasks: Iterable[Any],
    workers: int = 2,
    *,
    scheduler: str | None = None,
    shared: tuple = (),
) -> Iterator[T]:
    """Yield ``function(*shared, task)`` for every task, in task order, computed on Dask.

    ``shared`` values are sent to every worker once. Only a few tasks per worker are in flight
    (and ``tasks`` is read lazily), so memory stays flat however many there are. Nothing starts
    when there is nothing to do.
    """
    queue = iter(tasks)
    first = next(queue, None)
    if first is None:
        return
    client, cluster = _client(scheduler, workers)
    try:
        sent = [client.scatter(value, broadcast=True) for value in shared]
        window = max(2, 3 * len(client.scheduler_info().get("workers", {})) or 2 * workers)
        pending: deque = deque([client.submit(function, *sent, first, pure=False)])
        for task in queue:
            pending.append(client.submit(function, *sent, task, pure=False))
            if len(pending) >= window:
                break
        while pending:
            future = pending.popleft()
            try:
                result = future.result()
            except Exception as exc:  # tasks keep their own failures: this is the cluster's
                # distributed would log each failed reconnection, traceback and all, as it closes
                logging.getLogger("distributed").setLevel(logging.CRITICAL)
                raise SahelsimError(
                    Text(
                        "lost the Dask cluster: the scheduler or a worker stopped answering; the "
                        "work finished so far is kept: finish it with the same command and "
                        "--resume (Dask says: {kind}: {reason})",
                        kind=type(exc).__name__,
                        reason=_one_line(exc),
                    )
                ) from None
            yield result
            future.release()
            task = next(queue, None)
            if task is not None:
                pending.append(client.submit(function, *sent, task, pure=False))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
