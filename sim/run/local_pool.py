"""Local worker processes that hand back results in task order and notice a lost worker.

Each worker has a pipe of its own and one task at a time. The parent waits on the pipes and
on the processes themselves, so a worker that dies (killed by the kernel for memory, or by
hand) ends the work with :class:`WorkerDied` at once, even halfway through sending a result or
between two tasks.
``concurrent.futures.ProcessPoolExecutor`` shares one result pipe among its workers: a worker
killed while writing a large result there leaves half a message, and the pool's manager thread
waits forever for the rest (seen with ensembles, whose chunks are about a megabyte).

Workers come from a ``forkserver`` that has already imported the model (fast to start, and
safe with the threads a progress bar runs) and ignore Ctrl-C: the parent stops them.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import pickle
import signal
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

_END = object()


class WorkerDied(Exception):
    """A worker process ended before returning the task it held."""


def context() -> multiprocessing.context.BaseContext:
    """A ``forkserver`` with the model imported where there is one, else ``spawn``."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        forkserver = multiprocessing.get_context("forkserver")
        forkserver.set_forkserver_preload(["sim.run.executors"])
        return forkserver
    return multiprocessing.get_context("spawn")


def _serve(
    pipe: Connection, function: Callable, initializer: Callable | None, initargs: tuple
) -> None:
    """A worker's life: run each task it is sent until it is sent ``None`` or the parent goes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if initializer is not None:
        initializer(*initargs)
    while True:
        try:
            task = pipe.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if task is None:
            return
        try:
            answer = function(task)
        except BaseException as error:  # the parent raises it in its turn, as a pool would
            answer = _Raised(error, traceback.format_exc())
        try:
            pipe.send(answer)
        except OSError:  # the parent is gone
            return
        except Exception:  # an answer that cannot be pickled: say so, as text
            error = RuntimeError(traceback.format_exc())
            pipe.send(_Raised(error, ""))


class _RemoteTraceback(Exception):
    """Where, in the worker, the error it sent back was raised (the error's cause)."""

    def __str__(self) -> str:
        return self.args[0]


class _Raised:
    """An error a task raised in its worker, with the worker's traceback as text."""

    def __init__(self, error: BaseException, trace: str):
        self.error, self.trace = error, trace

    def __reduce__(self):  # an error that cannot be rebuilt in the parent comes back as text
        try:
            pickle.loads(pickle.dumps(self.error))
        except Exception:
            error = RuntimeError(f"{type(self.error).__name__}: {self.error}")
            return (_Raised, (error, self.trace))
        return (_Raised, (self.error, self.trace))

    def raise_it(self) -> None:
        if self.trace:
            self.error.__cause__ = _RemoteTraceback(self.trace)
        raise self.error


@dataclass
class _Worker:
    process: Any
    pipe: Connection
    held: int | None = None  # the index of the task it is running


def in_order_locally(
    function: Callable[[Any], Any],
    tasks: Iterable[Any],
    workers: int,
    *,
    initializer: Callable | None = None,
    initargs: tuple = (),
    window: int = 3,
) -> Iterator[Any]:
    """Yield ``function(task)`` for every task, in task order, computed by ``workers`` processes.

    At most ``window`` tasks per worker are started and not yet yielded, so memory does not grow
    with the number of tasks. An exception raised by ``function`` is raised here; a worker that
    dies raises :class:`WorkerDied` after every result before its task has been yielded.
    ``function`` and ``initializer`` must be importable by name (module-level functions).
    """
    if workers < 1 or window < 1:
        raise ValueError(f"needs at least one worker and a window of one: {workers}, {window}")
    spawner = context()
    pool: list[_Worker] = []
    try:
        for _ in range(workers):
            parent_end, child_end = spawner.Pipe()
            process = spawner.Process(
                target=_serve,
                args=(child_end, function, initializer, initargs),
                daemon=True,
            )
            process.start()
            child_end.close()  # so the parent's end reads EOF when the worker goes
            pool.append(_Worker(process, parent_end))
        yield from _dispatch(pool, iter(tasks), workers * window)
    finally:
        _stop(pool)


def _dispatch(pool: list[_Worker], tasks: Iterator[Any], window: int) -> Iterator[Any]:
    finished: dict[int, Any] = {}
    started = yielded = 0
    exhausted = lost = False

    def in_order() -> Iterator[Any]:
        nonlocal yielded
        while yielded in finished:
            value = finished.pop(yielded)
            if isinstance(value, _Raised):
                value.raise_it()
            yield value
            yielded += 1

    while True:
        for worker in pool:  # give every idle worker the next task, within the window
            if worker.held is None and not exhausted and started - yielded < window:
                task = next(tasks, _END)
                if task is _END:
                    exhausted = True
                    break
                try:
                    worker.pipe.send(task)
                except OSError:  # it died since its last result, before the parent saw it go
                    lost = True
                    break
                worker.held, started = started, started + 1
        yield from in_order()  # after a loss too: what was finished before it is kept
        if lost:
            raise WorkerDied
        busy = [worker for worker in pool if worker.held is not None]
        if not busy:  # then every task started has been yielded
            if exhausted:
                return
            continue
        ready = set(wait([w.pipe for w in busy] + [w.process.sentinel for w in pool]))
        died = any(worker.process.sentinel in ready for worker in pool)
        for worker in busy:
            if worker.pipe in ready:
                try:
                    value = worker.pipe.recv()
                except (EOFError, OSError):  # it died while sending
                    died = True
                    continue
                finished[worker.held], worker.held = value, None
        if died:
            yield from in_order()  # what was finished before the loss is kept
            raise WorkerDied


def _stop(pool: list[_Worker]) -> None:
    """Let idle workers leave; kill those still running (an error, or Ctrl-C, stopped the work)."""
    for worker in pool:
        if worker.held is None and worker.process.is_alive():
            with contextlib.suppress(OSError):
                worker.pipe.send(None)
        else:
            worker.process.kill()
    for worker in pool:
        worker.process.join(timeout=5)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        worker.pipe.close()
