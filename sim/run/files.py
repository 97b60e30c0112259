"""Files that are whole or absent, and folders that one process owns at a time.

Every result file is written under a temporary name beside its final one and renamed into place
when complete (a rename within a folder is atomic), so a kill or a full disk at any moment
leaves the old file, the new one, or none: never a truncated one under the final name.

A process writing into a folder first takes it (:func:`own`): an exclusive ``flock`` on the
file ``.lock`` in it, which holds the owner's process id. The kernel drops the lock when its
process ends, however it ends, so the lock of a process that was killed is stale at once and
the next process simply takes it. A second process finds the lock held and is refused before it
writes anything. The lock file is removed when its owner lets go (:func:`release_all`).
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import time
from collections.abc import Iterator
from pathlib import Path

from sim.errors import InputError, Text

LOCK = ".lock"
TEMPORARY = ".part"
"""Suffix of a file being written; such files are never results, and are swept away."""

_held: dict[Path, int] = {}
_made: set[Path] = set()  # folders this process created, among those it holds


@contextlib.contextmanager
def written_whole(path: Path) -> Iterator[Path]:
    """Give a temporary path to write; rename it to ``path`` if the block ends normally.

    If the block raises (a full disk, Ctrl-C), the temporary file is removed and ``path`` is
    left as it was.
    """
    temporary = path.with_name(f".{path.name}{TEMPORARY}")
    try:
        yield temporary
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def write_whole(path: Path, data: str | bytes) -> None:
    """Write ``data`` (text as UTF-8) to ``path`` so that the file is the old one or the new one."""
    with written_whole(path) as temporary:
        if isinstance(data, str):
            temporary.write_text(data, encoding="utf-8")
        else:
            temporary.write_bytes(data)


def sweep_temporaries(folder: Path) -> None:
    """Remove what a killed writer left half-written in ``folder`` (files ending in .part)."""
    if folder.is_dir():
        for stray in folder.glob(f".*{TEMPORARY}"):
            with contextlib.suppress(OSError):
                stray.unlink()


# ----------------------------------------------------------------------- one owner per folder


def own(folder: Path, *, made: bool = False) -> None:
    """Take ``folder`` for this process until :func:`release_all`.

    ``made``: this process created the folder, so :func:`release` may tell it may go.

    Raises:
        InputError: another live process holds it, or the folder cannot be written to.
    """
    key = folder.resolve()
    if key in _held:
        return
    path = folder / LOCK
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                raise  # a full disk is the environment's failure, said as such by the CLI
            raise unwritable(folder, exc) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            os.close(fd)
            raise in_use(folder, holder) from None
        # Its previous owner may have removed the file between our open and our lock: then
        # we hold a lock on a file nobody else can see, and must try again on the new one.
        try:
            same = os.stat(path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)
    try:
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
    except OSError:
        os.close(fd)
        raise
    _held[key] = fd
    if made:
        _made.add(key)


def in_use_by(folder: Path) -> int | None:
    """The process id of a live process that owns ``folder``, else None (0 if it did not say)."""
    try:
        fd = os.open(folder / LOCK, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return _holder(fd)
    finally:
        os.close(fd)  # closing drops the shared lock just taken, if it was
    return None


def release(folder: Path) -> bool:
    """Let go of ``folder`` if this process owns it, removing its lock file.

    Returns whether this process made the folder (an empty one it made may then be removed).
    """
    key = folder.resolve()
    fd = _held.pop(key, None)
    made = key in _made
    _made.discard(key)
    if fd is None:
        return made
    path = key / LOCK
    with contextlib.suppress(OSError):
        if os.stat(path).st_ino == os.fstat(fd).st_ino:
            path.unlink()  # while still holding it: the next owner makes a new one
    os.close(fd)
    return made


def release_all() -> None:
    """Let go of every folder this process owns, removing their lock files."""
    for key in list(_held):
        release(key)


def in_use(folder: Path, pid: int | None, *, to_read: bool = False) -> InputError:
    """The error for a folder another process is writing into.

    ``to_read``: the folder was to be read as finished work (a report of it), not written into.
    """
    fields = {
        "folder": folder,
        "who": Text("process {pid}", pid=pid) if pid else Text("another process"),
    }
    if to_read:  # what is missing is not written yet: the work did not stop
        return InputError(
            Text(
                "{folder}: in use by {who}, a sahelsim command still writing into it, so its "
                "results are not all there yet; run the same command again once it has ended",
                **fields,
            )
        )
    return InputError(
        Text(
            "{folder}: in use by {who} (another sahelsim writing into it); nothing was written "
            "and its files are untouched; wait for that run to finish, or choose another --out",
            **fields,
        )
    )


def unwritable(folder: Path, exc: OSError) -> InputError:
    """The error for a folder this process may not write into."""
    reason = exc.strerror or str(exc)
    return InputError(
        Text(
            "{folder}: cannot write into this folder ({reason}); nothing was written; expected a "
            "folder you may write to (check its permissions, or whether its disk is mounted "
            "read-only)",
            folder=folder,
            reason=reason,
        )
    )


def _holder(fd: int) -> int:
    """The process id in a held lock file (0 if it never says: its owner writes it on taking it).

    Started at the same instant, the other process may hold the lock and not yet have written
    its id: wait for it a moment.
    """
    for _ in range(40):
        try:
            return int(os.pread(fd, 32, 0).split()[0])
        except (OSError, ValueError, IndexError):
            time.sleep(0.025)
    return 0
