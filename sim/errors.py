"""The project's own errors: every failure a user can cause is one of these.

The command line turns a :class:`SahelsimError` into a message and exit status 2 (bad input)
or 1 (failure while running); anything else is a bug and keeps its traceback.

A message is a :class:`Text`: English wherever a string is used (``str(error)``, the tests,
the library), and it keeps its template and fields, so that the command line can say it in the
language of ``--lang`` (:mod:`sim.present.error_words` holds each template's French). Nothing
here knows French: an error is raised in English and said in French only when it is printed.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple


class Text(str):
    """A message in English that keeps its template and fields, to be said in another language.

    ``Text("unknown key {key!r}", key="dayz")`` is the string ``unknown key 'dayz'``: English,
    wherever a string is used. The template is the key of its translation; the fields are what
    the template names: a value the user typed is passed as it is (the translation quotes it as
    that language does), and a field that is itself a :class:`Text` (a phrase: "one of a, b")
    is said in the same language as the message around it.
    """

    template: str
    fields: dict[str, object]

    def __new__(cls, template: str, /, **fields: object) -> Text:
        """The English of ``template`` with ``fields`` filled in, remembering both."""
        text = super().__new__(cls, template.format(**fields) if fields else template)
        text.template = template
        text.fields = fields
        return text

    def __reduce__(self):  # pickled as it is built (an error crossing from a worker process)
        return (_text, (self.template, self.fields))


def _text(template: str, fields: dict[str, object]) -> Text:
    return Text(template, **fields)


class Joined(str):
    """Messages joined by a separator that every language shares (a new line), each said alone."""

    separator: str
    parts: tuple[object, ...]

    def __new__(cls, separator: str, parts: Iterable[object]) -> Joined:
        """``separator.join(parts)`` in English, remembering the parts."""
        parts = tuple(parts)
        joined = super().__new__(cls, separator.join(str(p) for p in parts))
        joined.separator = separator
        joined.parts = parts
        return joined

    def __reduce__(self):
        return (Joined, (self.separator, self.parts))


class Quoted:
    """A value as the user wrote it, in a message: its ``repr`` in English, cut at ``limit``.

    Another language quotes text its own way (French: « text »); other values keep their repr.
    """

    def __init__(self, value: object, limit: int = 80):
        self.value = value
        self.limit = limit

    def __format__(self, spec: str) -> str:
        return _show(self.value, self.limit)

    def __repr__(self) -> str:
        return f"Quoted({self.value!r})"


class Listed(str):
    """Names or values listed in a message ("strict, behavioural"): bare in English.

    Another language quotes each the way it quotes a value the user typed (French: « strict »,
    « behavioural »), so that a list of allowed values reads like the rest of its messages.
    """

    items: tuple[str, ...]

    def __new__(cls, items: Iterable[object]) -> Listed:
        """``", ".join(items)`` in English, remembering the items."""
        items = tuple(str(i) for i in items)
        listed = super().__new__(cls, ", ".join(items))
        listed.items = items
        return listed

    def __reduce__(self):
        return (Listed, (self.items,))


class Unit(str):
    """A unit of a declared parameter ("days", "probability"), said in the user's language."""


class Named(str):
    """An actor named in a message: its English name, said in another language by its id.

    ``Named("Mali", "MLI")`` is the string ``Mali``; French names it as the stories do (« le
    Mali », « du Mali », with the format specs ``de`` and ``Le`` of :mod:`sim.present.error_words`).
    """

    actor: str

    def __new__(cls, name: str, actor: str) -> Named:
        """The English ``name`` of the actor ``actor``, remembering its id."""
        named = super().__new__(cls, name)
        named.actor = actor
        return named

    def __reduce__(self):
        return (Named, (str(self), self.actor))


class SahelsimError(Exception):
    """Base of every error this package raises on purpose."""

    exit_status = 1

    @property
    def message(self) -> object:
        """What the error says: its :class:`Text` (English as a string), or its plain text."""
        if len(self.args) == 1 and isinstance(self.args[0], str):
            return self.args[0]
        return str(self)


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
        return str(self.text())

    def text(self) -> Text:
        """The problem in one line, as a :class:`Text` (the location and the path as written)."""
        where = str(self.location)
        if self.path:
            text = Text(
                "{where}: {path}: {message}", where=where, path=self.path, message=self.message
            )
        else:
            text = Text("{where}: {message}", where=where, message=self.message)
        if self.value is not None:
            text = Text("{problem}; got {value}", problem=text, value=Quoted(self.value))
        if self.expected:
            text = Text("{problem}; expected {expected}", problem=text, expected=self.expected)
        return did_you_mean(text, self.suggestion)


class ScenarioError(InputError):
    """A scenario (or fact-base) document is invalid. Carries every problem found in it."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = tuple(sorted(problems, key=lambda p: (p.location, p.path)))
        count = len(self.problems)
        lines = Joined("\n", (p.text() for p in self.problems))
        if count == 1:
            super().__init__(
                Text("{count} problem found:\n{problems}", count=count, problems=lines)
            )
        else:
            super().__init__(
                Text("{count} problems found:\n{problems}", count=count, problems=lines)
            )


CLOSE = 2 / 3
"""How alike a slip and a valid name must be for the name to be suggested: difflib's ratio, two
thirds of their letters in common and in order ("NGR" and "NGA", "strickt" and "strict"). At
0.6, "frobnicate" was taken for a slip of "replicates"."""


def nearest(word: str, choices: Iterable[str]) -> str:
    """The valid choice closest to ``word`` (case-insensitive), if :data:`CLOSE`; else ``""``."""
    choices = [str(c) for c in choices]
    folded = {c.lower(): c for c in choices}
    if word.lower() in folded:
        return folded[word.lower()]
    match = difflib.get_close_matches(word.lower(), list(folded), n=1, cutoff=CLOSE)
    return folded[match[0]] if match else ""


def nearest_option(typed: str, options: Iterable[str]) -> str:
    """The command-line option closest to ``typed`` (``--wrkers``: ``--workers``), or ``""``.

    The rule of :func:`nearest`, on the names without their dashes: two options' shared "--"
    made "--frobnicate" close enough to "--replicates".
    """
    names = {option.lstrip("-"): option for option in options}
    found = nearest(typed.lstrip("-"), names)
    return names[found] if found else ""


def did_you_mean(message: str, suggestion: str) -> str:
    """``message``, then "; did you mean 'suggestion'?" when there is a suggestion."""
    if not suggestion:
        return message
    return Text("{problem}; did you mean {suggestion!r}?", problem=message, suggestion=suggestion)


def one_of(choices: Iterable[str], limit: int = 12) -> str:
    """Say "one of a, b, c" for an error message, shortening long lists.

    The choices are :class:`Listed`: French quotes each (« a », « b »).
    """
    choices = sorted(str(c) for c in choices)
    shown = Listed(choices[:limit])
    if len(choices) > limit:
        shown = Text("{shown}, ... ({count} in all)", shown=shown, count=len(choices))
    return Text("one of {choices}", choices=shown) if len(choices) > 1 else shown


def number_expected(low: float | None, high: float | None, *, whole: bool) -> Text:
    """Say which numbers are accepted: "a whole number of at least 1", "a number from 0.01 to 1".

    ``low`` and ``high`` are the inclusive bounds (``None``: no bound); ``whole``: only whole
    numbers.
    """
    low, high = _plain_number(low), _plain_number(high)
    if low is not None and high is not None:
        if whole:
            return Text("a whole number from {low:,} to {high:,}", low=low, high=high)
        return Text("a number from {low:,} to {high:,}", low=low, high=high)
    if low is not None:
        if whole:
            return Text("a whole number of at least {low:,}", low=low)
        return Text("a number of at least {low:,}", low=low)
    if high is not None:
        if whole:
            return Text("a whole number of at most {high:,}", high=high)
        return Text("a number of at most {high:,}", high=high)
    return Text("a whole number") if whole else Text("a number")


def _plain_number(value: float | None) -> float | int | None:
    """A bound as a reader writes it: 1, not 1.0."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _show(value: object, limit: int = 80) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
