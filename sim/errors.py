"""The project's own errors: every failure a user can cause is one of these.

The command line turns a :class:`SahelsimError` into a message and exit status 2 (bad input)
or 1 (failure while running); anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple


class SahelsimError(Exception):
    """Base of every error this package raises on purpose."""

    exit_status = 1


class InputError(SahelsimError):
    """The user gave something unusable: a file, a flag, a value. Exit status 2."""

    exit_status = 2


class Location(NamedTuple):
    """Where a value came from: a file position, or a command-line override."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.column}"
        return self.file


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one value, said so that a person can fix it.

    Attributes:
        location: file, line and column of the value (or of the key, for an unknown key).
        path: the path inside the document, dotted (``events.threat.target``); empty for the
            document itself.
        message: what is wrong, in a few words.
        value: the offending value, as the user wrote it (``None`` when there is none).
        expected: what would have been accepted.
        suggestion: the nearest valid alternative, when there is one.
    """

    location: Location
    path: str
    message: str
    value: object = None
    expected: str = ""
    suggestion: str = ""

    def __str__(self) -> str:
        head = f"{self.location}: {self.path}: " if self.path else f"{self.location}: "
        parts = [head + self.message]
        if self.value is not None:
            parts.append(f"got {_show(self.value)}")
        if self.expected:
            parts.append(f"expected {self.expected}")
        text = "; ".join(parts)
        if self.suggestion:
            text += f"; did you mean {self.suggestion!r}?"
        return text


class ScenarioError(InputError):
    """A scenario (or fact-base) document is invalid. Carries every problem found in it."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = tuple(sorted(problems, key=lambda p: (p.location, p.path)))
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} found"
        super().__init__(head + ":\n" + "\n".join(str(p) for p in self.problems))


def nearest(word: str, choices: Iterable[str]) -> str:
    """Return the valid choice closest to ``word`` (case-insensitive), or ``""``."""
    choices = [str(c) for c in choices]
    folded = {c.lower(): c for c in choices}
    if word.lower() in folded:
        return folded[word.lower()]
    match = difflib.get_close_matches(word.lower(), list(folded), n=1, cutoff=0.6)
    return folded[match[0]] if match else ""


def one_of(choices: Iterable[str], limit: int = 12) -> str:
    """Say "one of a, b, c" for an error message, shortening long lists."""
    choices = sorted(str(c) for c in choices)
    shown = ", ".join(choices[:limit])
    if len(choices) > limit:
        shown += f", ... ({len(choices)} in all)"
    return f"one of {shown}" if len(choices) > 1 else shown


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."
