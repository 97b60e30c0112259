"""Safe, bounded YAML reading that remembers where every value came from.

PyYAML's composer (libyaml's when present) builds the node tree; this module then turns the
nodes into plain data itself, so that it can refuse what a scenario never needs and a hostile
file could abuse: tags that construct objects, aliases (the "billion laughs" expansion),
duplicate keys, deep nesting and oversized files. Every value and key keeps its line and
column so that later validation can point at it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from sim.errors import Location, Problem, ScenarioError, Text

MAX_BYTES = 4 * 1024 * 1024
"""Largest file read. Scenarios are a few kilobytes; this leaves room for generated ones."""

MAX_DEPTH = 32
"""Deepest nesting accepted. The scenario format needs about six levels."""

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Control characters (NUL, ESC of terminal escapes...): refused in text, which ends up in the
terminal and the report. Tabs and line breaks are text."""

NOT_REGULAR = Text("not a regular file (a folder, a device or a pipe)")

FAST_FROM_BYTES = 64 * 1024
"""Files at least this large are first read by rapidyaml (see :func:`fast_data`)."""

try:  # rapidyaml is optional: without it every file takes the located path
    import ryml
except ImportError:  # pragma: no cover - depends on the platform's wheels
    ryml = None

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"

Path_ = tuple[str | int, ...]


@dataclass
class LocatedDocument:
    """Plain data read from YAML, with the position of every value and every key.

    Attributes:
        data: dicts, lists, str, int, float, bool, None and ``datetime.date``.
        file: the name used in messages (a path as the user gave it).
        values: document path -> where that value starts.
        keys: document path -> where the key naming that value starts.
    """

    data: Any
    file: str
    values: dict[Path_, Location] = field(default_factory=dict)
    keys: dict[Path_, Location] = field(default_factory=dict)
    located: bool = True

    def where(self, path: Path_, *, key: bool = False) -> Location:
        """Best location for ``path``: the exact node, else its nearest located ancestor."""
        table = self.keys if key else self.values
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), Location(self.file))


def read_yaml(path: str | Path, *, name: str | None = None, fast: bool = False) -> LocatedDocument:
    """Read a YAML file safely. Raises :class:`ScenarioError` for anything unreadable.

    With ``fast``, a large file that needs none of what the located path refuses is read by
    rapidyaml without positions (``located`` is then False); callers re-read it located when
    they have a problem to report.
    """
    shown = name or str(path)
    file = Path(path)
    try:
        size = file.stat().st_size
        if not file.is_file():
            raise _fail(shown, NOT_REGULAR, expected=Text("the path of a scenario YAML file"))
    except FileNotFoundError:
        raise _fail(
            shown, Text("file not found"), expected=Text("the path of a scenario YAML file")
        ) from None
    except OSError as exc:
        raise _fail(shown, _unreadable(exc)) from None
    if size > MAX_BYTES:
        raise _fail(
            shown,
            Text("file too large ({size:,} bytes)", size=size),
            expected=Text("at most {most:,}", most=MAX_BYTES),
        )
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise _fail(shown, _unreadable(exc)) from None
    if fast and len(raw) >= FAST_FROM_BYTES:
        data = fast_data(raw)
        if data is not None:
            return LocatedDocument(data, shown, located=False)
    return parse_yaml(raw, shown)


def _unreadable(exc: OSError) -> Text:
    return Text("cannot read the file ({reason})", reason=exc.strerror or exc)


class _Duplicate(Exception):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise _Duplicate
    return out


def fast_data(raw: bytes) -> dict[str, Any] | None:
    """Plain data from rapidyaml (a C++ parser, some 20 times faster than PyYAML here), or None.

    Only for a single mapping with nothing the located path would refuse: no anchors, aliases,
    tags or merge keys (any ``&``, ``*``, ``!`` or ``<<`` sends the file to the located path),
    no tabs, no backslash escapes, no duplicate keys, no control characters. rapidyaml only
    splits the text into nodes: every plain scalar is then resolved and built exactly as the
    located path does (``yes`` is true, ``1_000`` is 1000, a date is a date, as YAML 1.1 and
    PyYAML read them), so both paths give the same data, hence the same verdict. Returns None
    whenever in doubt, and the located path reads the file.
    """
    if ryml is None or any(token in raw for token in _FAST_REFUSES):
        return None
    try:
        with _quiet_stderr():  # rapidyaml prints parse errors to the C stderr
            tree = ryml.parse_in_arena(raw)
        root = tree.root_id()
        if tree.size() == 0 or not tree.is_map(root):
            return None
        return _fast_node(tree, root, _Builder("<fast>"), 0)
    except Exception:  # any failure, ours or the parser's, means "take the located path"
        return None


_FAST_REFUSES = (b"&", b"*", b"!", b"<<", b"\t", b"\r", b"\\")
_RESOLVER = yaml.resolver.Resolver()
"""The implicit resolvers of PyYAML's safe loader, which the located path uses."""


class _TakeTheLocatedPath(Exception):
    pass


def _fast_node(tree: Any, node: int, builder: _Builder, depth: int) -> Any:
    """The plain data of one rapidyaml node, built as the located path builds it."""
    if depth > MAX_DEPTH:
        raise _TakeTheLocatedPath
    kind = tree.type(node)  # one call for every flag: each call into rapidyaml costs
    if kind & ryml.MAP:
        out: dict[str, Any] = {}
        child = tree.first_child(node)
        while child != ryml.NONE:
            key = _fast_text(tree.key(child))
            if key in out or CONTROL.search(key):
                raise _TakeTheLocatedPath  # it says where
            out[key] = _fast_node(tree, child, builder, depth + 1)
            child = tree.next_sibling(child)
        return out
    if kind & ryml.SEQ:
        items = []
        child = tree.first_child(node)
        while child != ryml.NONE:
            items.append(_fast_node(tree, child, builder, depth + 1))
            child = tree.next_sibling(child)
        return items
    text = _fast_text(tree.val(node))
    if not kind & ryml.VAL_PLAIN:  # quoted, literal or folded: text as written
        if CONTROL.search(text):
            raise _TakeTheLocatedPath
        return text
    return _fast_plain(text, builder)


def _fast_plain(text: str, builder: _Builder) -> Any:
    """A plain scalar resolved and built as the located path does (remembered: they repeat)."""
    try:
        return builder.plain[text]
    except KeyError:
        pass
    tag = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))
    value = builder._scalar(yaml.ScalarNode(tag, text), (), Location("<fast>"))
    if builder.problems:
        raise _TakeTheLocatedPath
    builder.plain[text] = value
    return value


def _fast_text(view: Any) -> str:
    return "" if view is None else bytes(view).decode("utf-8")


@contextlib.contextmanager
def _quiet_stderr():
    saved = os.dup(2)
    try:
        with tempfile.TemporaryFile() as sink:
            os.dup2(sink.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def parse_yaml(text: str | bytes, name: str = "<text>") -> LocatedDocument:
    """Parse YAML text into a :class:`LocatedDocument`, refusing anything unsafe."""
    if isinstance(text, bytes):
        if len(text) > MAX_BYTES:
            raise _fail(
                name,
                Text("text too large ({size:,} bytes)", size=len(text)),
                expected=Text("at most {most:,}", most=MAX_BYTES),
            )
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise _fail(
                name,
                Text("not UTF-8 text (bad byte at offset {offset})", offset=exc.start),
                expected=Text("a UTF-8 file"),
            ) from None
    elif len(text) > MAX_BYTES:
        raise _fail(
            name,
            Text("text too large ({size:,} characters)", size=len(text)),
            expected=Text("at most {most:,}", most=MAX_BYTES),
        )
    later = _later_yaml(text, name)
    if later is not None:
        raise ScenarioError([later])
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise ScenarioError([_syntax_problem(exc, text, name)]) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        raise ScenarioError(
            [
                Problem(
                    Location(name, line, column),
                    "",
                    Text(
                        "invalid YAML: character {character} is not allowed",
                        character=_char(exc.character),
                    ),
                    expected=Text("printable text"),
                )
            ]
        ) from None
    except (yaml.YAMLError, ValueError, RecursionError) as exc:
        what = " ".join(str(exc).split())[:200]
        raise ScenarioError(
            [Problem(Location(name), "", Text("invalid YAML: {what}", what=what))]
        ) from None
    if root is None:
        raise _fail(
            name, Text("the document is empty"), expected=Text("a mapping of scenario fields")
        )
    builder = _Builder(name)
    data = builder.build(root, (), 0)
    if builder.aliases > 1:
        first = builder.problems[builder._first_alias]
        builder.problems[builder._first_alias] = replace(
            first,
            message=Text(
                "{message} ({count} uses of aliases; this is the first)",
                message=first.message,
                count=builder.aliases,
            ),
        )
    if builder.problems:
        raise ScenarioError(builder.problems)
    return LocatedDocument(data, name, builder.values, builder.keys)


class _Builder:
    """Turns a composed node tree into plain data, recording positions and problems."""

    def __init__(self, file: str):
        self.file = file
        self.values: dict[Path_, Location] = {}
        self.keys: dict[Path_, Location] = {}
        self.problems: list[Problem] = []
        self._seen: set[int] = set()
        self.aliases = 0  # uses of an alias: the first is reported, with how many there are
        self._first_alias = -1
        self.plain: dict[str, Any] = {}  # plain scalars built by the fast path, by their text
        constructor = yaml.constructor.SafeConstructor()
        # Direct constructors for the plain scalar types (construct_object is much slower).
        self._construct = {
            "tag:yaml.org,2002:null": constructor.construct_yaml_null,
            "tag:yaml.org,2002:bool": constructor.construct_yaml_bool,
            "tag:yaml.org,2002:int": constructor.construct_yaml_int,
            "tag:yaml.org,2002:float": constructor.construct_yaml_float,
            "tag:yaml.org,2002:timestamp": constructor.construct_yaml_timestamp,
        }

    def at(self, node: yaml.Node) -> Location:
        mark = node.start_mark
        return Location(self.file, mark.line + 1, mark.column + 1)

    def problem(self, where: Location, path: Path_, message: str, expected: str = "") -> None:
        self.problems.append(Problem(where, _dotted(path), message, expected=expected))

    def build(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        where = self.at(node)
        if id(node) in self._seen:
            # The node is the anchored one: point at the key that uses the alias instead.
            where = self.keys.get(path, where)
            self.values[path] = where
            self.aliases += 1
            if self.aliases == 1:  # one message for all of them: an alias bomb is one mistake
                self._first_alias = len(self.problems)
                self.problem(
                    where,
                    path,
                    Text("aliases (*name) are not allowed"),
                    Text("the value written out in full"),
                )
            return None
        self.values[path] = where
        self._seen.add(id(node))
        if depth > MAX_DEPTH:
            self.problem(where, path, Text("nested deeper than {most} levels", most=MAX_DEPTH))
            return None
        kind = type(node)
        if kind is yaml.ScalarNode:
            return self._scalar(node, path, where)
        if kind is yaml.MappingNode:
            return self._mapping(node, path, depth, where)
        if node.tag != _SEQ_TAG:
            self.problem(where, path, *_tagged(node.tag))
            return None
        return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]

    def _printable(self, text: str, path: Path_, where: Location) -> None:
        control = CONTROL.search(text)
        if control:
            self.problem(
                where,
                path,
                Text("control character {character} in text", character=_char(control.group())),
                Text("printable text (no control characters or terminal escapes)"),
            )

    def _mapping(self, node: yaml.MappingNode, path: Path_, depth: int, where: Location) -> dict:
        if node.tag != _MAP_TAG:
            self.problem(where, path, *_tagged(node.tag))
            return {}
        out: dict[str, Any] = {}
        keys = self.keys
        for key_node, value_node in node.value:
            key_at = self.at(key_node)
            if type(key_node) is not yaml.ScalarNode:
                self.problem(
                    key_at,
                    path,
                    Text("a key must be a plain word"),
                    Text("a scalar key such as 'title'"),
                )
                continue
            key = key_node.value
            self._printable(key, path, key_at)
            if key == "<<":
                self.problem(
                    key_at,
                    path,
                    Text("merge keys (<<) are not allowed"),
                    Text("keys written out in full"),
                )
                continue
            child = (*path, key)
            if key in out:
                first = keys[child]
                self.problem(
                    key_at,
                    child,
                    Text(
                        "duplicate key {key!r} (first given at line {line})",
                        key=key,
                        line=first.line,
                    ),
                    Text("each key once per mapping"),
                )
                continue
            keys[child] = key_at
            out[key] = self.build(value_node, child, depth + 1)
        return out

    def _scalar(self, node: yaml.ScalarNode, path: Path_, where: Location) -> Any:
        tag = node.tag
        if tag == "tag:yaml.org,2002:str":
            self._printable(node.value, path, where)
            return node.value
        construct = self._construct.get(tag)
        if construct is None:
            self.problem(where, path, *_tagged(tag))
            return None
        try:
            value = construct(node)
        except (ValueError, OverflowError, yaml.YAMLError):
            # An impossible timestamp such as 2023-02-30: keep the text, so that validation
            # reports it at this position with the reason.
            return node.value
        if isinstance(value, dt.datetime):
            return node.value  # times of day are not part of the format; let validation say so
        return value


def _tagged(tag: str) -> tuple[Text, Text]:
    return Text("tag {tag!r} is not allowed", tag=tag), Text("plain YAML without tags")


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, name: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    where = Location(name, mark.line + 1, mark.column + 1) if mark else Location(name)
    problem = " ".join(str(exc.problem or "").split())
    context = " ".join(str(exc.context or "").split())
    problem, context = _PARSER_SAYS.get(problem, problem), _PARSER_SAYS.get(context, context)
    if problem and context:
        what = Text("{problem} ({context})", problem=problem, context=context)
    else:
        what = problem or context
    expected = Text("well-formed YAML")
    if mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t":
        what = Text("a tab character")
        expected = Text("spaces for indentation (YAML forbids tabs there)")
    elif "another document" in what:
        return Problem(
            where,
            "",
            Text("valid YAML, but more than one document in the file (a scenario is one document)"),
            expected=Text("a single document (no second ---)"),
        )
    return Problem(where, "", Text("invalid YAML: {what}", what=what), expected=expected)


_PARSER_SAYS = {
    said: said
    for said in (
        Text("mapping values are not allowed in this context"),
        Text("mapping values are not allowed here"),
        Text("mapping keys are not allowed in this context"),
        Text("block sequence entries are not allowed in this context"),
        Text("did not find expected ',' or ']'"),
        Text("did not find expected ',' or '}'"),
        Text("did not find expected key"),
        Text("did not find expected '-' indicator"),
        Text("did not find expected node content"),
        Text("did not find expected <document start>"),
        Text("did not find expected comment or line break"),
        Text("did not find expected whitespace or line break"),
        Text("did not find expected alphabetic or numeric character"),
        Text("did not find expected hexdecimal number"),
        Text("could not find expected ':'"),
        Text("found unexpected end of stream"),
        Text("found undefined alias"),
        Text("found character that cannot start any token"),
        Text("found unknown escape character"),
        Text("found unknown directive name"),
        Text("found duplicate %YAML directive"),
        Text("found duplicate %TAG directive"),
        Text("found incompatible YAML document"),
        Text("found undefined tag handle"),
        Text("found invalid Unicode character escape code"),
        Text("found a tab character that violates indentation"),
        Text("found a tab character where an indentation space is expected"),
        Text("while parsing a block node"),
        Text("while parsing a flow node"),
        Text("while parsing a node"),
        Text("while parsing a block collection"),
        Text("while parsing a block mapping"),
        Text("while parsing a flow sequence"),
        Text("while parsing a flow mapping"),
        Text("while parsing a quoted scalar"),
        Text("while parsing a tag"),
        Text("while scanning a simple key"),
        Text("while scanning a quoted scalar"),
        Text("while scanning a block scalar"),
        Text("while scanning a plain scalar"),
        Text("while scanning an anchor"),
        Text("while scanning an alias"),
        Text("while scanning a tag"),
        Text("while scanning a directive"),
        Text("while scanning a %YAML directive"),
        Text("while scanning a %TAG directive"),
        Text("while scanning for the next token"),
    )
}
"""What the YAML parser says of a syntax error (libyaml's words, and PyYAML's alike), so that
it can be said in the user's language; anything else it says is kept as it is."""


_YAML_12 = re.compile(r"^%YAML[ \t]+1\.([2-9]|\d\d)", re.MULTILINE)


def _later_yaml(text: str, name: str) -> Problem | None:
    """A ``%YAML 1.2`` directive: valid YAML, but this reader resolves scalars as YAML 1.1."""
    found = _YAML_12.search(text)
    if found is None:
        return None
    line = text.count("\n", 0, found.start()) + 1
    return Problem(
        Location(name, line, 1),
        "",
        Text(
            "valid YAML {version} (said by its %YAML line), which this reader cannot take: it "
            "reads YAML 1.1, where yes, off, 0x1F and 1:20 are not text",
            version=found.group().split()[-1],
        ),
        expected=Text("the file without its %YAML line (quote any text that must stay text)"),
    )


def _char(character: int | str) -> str:
    code = character if isinstance(character, int) else ord(character[:1] or "\0")
    return f"U+{code:04X}"


def _dotted(path: Path_) -> str:
    return ".".join(str(p) for p in path)


def _fail(name: str, message: Text, expected: Text | str = "") -> ScenarioError:
    return ScenarioError([Problem(Location(name), "", message, expected=expected)])
