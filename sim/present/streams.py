"""Where the commands' output goes: a pipe whose reader may leave, a file that has no width.

A reader that leaves early (``sahelsim run ... | head -1``) closes the pipe, and the next write
fails with EPIPE. A command's work is its files, not what it prints about them, so the command
carries on, writes its files whole and exits with its work's status, saying nothing more: what
it would still print goes to /dev/null, as Python's documentation recommends (the interpreter's
own flush at exit then has nowhere to fail).

Output into a file or a pipe has no width. Rich would lay it out at 80 columns (or at the width
of a terminal on another stream), so a table would wrap mid-row in the file; ``COLUMNS``, when
set, is honoured, as at a terminal, and otherwise a line is as long as its content. Rich pads
every row of a table with spaces to the widest; a terminal does not show them, but a file keeps
them, so there no line ends in spaces (:class:`_TrimmedLines`).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from rich.console import Console

UNWRAPPED = 10_000
"""The width a console not writing to a terminal lays out at, when ``COLUMNS`` is not set: no
table or line of sahelsim's is that wide, so none wraps."""


def std_console(*, stderr: bool = False, **options: Any) -> Console:
    """A rich console on standard output (or error), laid out for where that goes.

    At a terminal, rich's width as always; into a file or a pipe, ``COLUMNS`` if set, else
    :data:`UNWRAPPED`.
    """
    made = Console(stderr=stderr, **options)
    if made.is_terminal or "file" in options:
        return made
    columns = os.environ.get("COLUMNS", "")
    if "width" not in options and not columns.isdigit():
        made.width = UNWRAPPED
    made.file = _TrimmedLines(stderr)  # type: ignore[assignment]
    return made


class _TrimmedLines:
    """Standard output (or error) as rich writes to it, with no line ending in spaces.

    The stream is looked up at each write, as rich does, so that a stream replaced later (a
    reader gone, :func:`drain_closed_pipes`; a test's capture) is the one written to. Spaces
    at the end of a write wait for what follows: dropped before a new line, written before text.
    """

    def __init__(self, stderr: bool):
        self._stderr = stderr
        self._spaces = ""

    def _stream(self) -> TextIO:
        stream = sys.stderr if self._stderr else sys.stdout
        return getattr(stream, "rich_proxied_file", stream)  # under a progress bar: the real one

    def write(self, text: str) -> int:
        *lines, last = (self._spaces + text).split("\n")
        kept = last.rstrip(" ")
        self._spaces = last[len(kept) :]
        self._stream().write("".join(f"{line.rstrip(' ')}\n" for line in lines) + kept)
        return len(text)

    def flush(self) -> None:
        self._stream().flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream(), name)


class _Drained:
    """A standard stream that, once its reader has gone, writes to /dev/null instead of failing."""

    def __init__(self, stream: TextIO):
        self._stream = stream
        self._gone = False

    def write(self, text: str) -> int:
        if not self._gone:
            try:
                return self._stream.write(text)
            except BrokenPipeError:
                self._drain()
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        if not self._gone:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._drain()

    def _drain(self) -> None:
        self._gone = True
        # On the descriptor itself, so that the buffer the failed write left, and any writer
        # holding the stream or the descriptor (a child process, the exit's flush), go there too.
        with contextlib.suppress(OSError, ValueError):
            null = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(null, self._stream.fileno())
            finally:
                os.close(null)
            self._stream.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def drain_closed_pipes() -> Callable[[], None]:
    """Make standard output and error outlive their readers (see above); return the undo."""
    saved = sys.stdout, sys.stderr
    if sys.stdout is not None:
        sys.stdout = _Drained(sys.stdout)  # type: ignore[assignment]
    if sys.stderr is not None:
        sys.stderr = _Drained(sys.stderr)  # type: ignore[assignment]

    def undo() -> None:
        sys.stdout, sys.stderr = saved

    return undo
