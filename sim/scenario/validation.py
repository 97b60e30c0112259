"""Turning pydantic's validation errors into located, actionable :class:`Problem` records.

Pydantic reports a path in the *model* (with union tags and validator names mixed in); this
module maps it back to the path in the *document*, finds the line and column, and rewords
the message so that it says what was wrong, what was given, what was expected and, for a
misspelt key or choice, the nearest valid one.
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from collections.abc import Callable, Iterable
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, BeforeValidator, Tag, ValidationError

from sim.errors import Problem, Text, nearest, one_of
from sim.scenario.parameters import PARAMETERS, retired
from sim.scenario.yamlfile import LocatedDocument, Path_


def _parse_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        raise ValueError(Text("a date without a time of day is expected"))
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError as exc:
            reason = str(exc)
            if "out of range" in reason or "must be in" in reason:
                raise ValueError(
                    Text("{value} is not a real date ({reason})", value=value, reason=_why(reason))
                ) from None
            raise ValueError(Text("a date as YYYY-MM-DD is expected")) from None
    raise ValueError(Text("a date as YYYY-MM-DD is expected"))


_REASONS = {
    "day is out of range for month": Text("day is out of range for month"),
    "month must be in 1..12": Text("month must be in 1..12"),
}
"""Python's reasons for an impossible date, to be said in the user's language."""
_YEAR_OUT = re.compile(r"year (-?\d+) is out of range")


def _why(reason: str) -> str:
    """Python's reason for an impossible date, as a :class:`Text` when it is a known one."""
    year = _YEAR_OUT.fullmatch(reason)
    if year:
        return Text("year {year} is out of range", year=year.group(1))
    return _REASONS.get(reason, reason)


Date = Annotated[dt.date, BeforeValidator(_parse_date)]
"""A calendar date written YYYY-MM-DD. Numbers are refused (pydantic would read them as
Unix timestamps), and impossible dates say why."""


def problems_from_validation(
    exc: ValidationError,
    doc: LocatedDocument,
    *,
    prefix: Path_ = (),
    model: type[BaseModel] | None = None,
    origin: Callable[[Path_], Any] | None = None,
) -> list[Problem]:
    """One :class:`Problem` per pydantic error, located in ``doc``.

    Args:
        exc: the validation error.
        doc: the document that was validated (or that holds the validated part).
        prefix: where the validated data sits inside ``doc``.
        model: the model validated, used to list valid keys for unknown-key errors.
        origin: optional function giving a better :class:`~sim.errors.Location` for a path
            (the merged scenario knows which file, or which ``--set``, each value came from).
    """
    problems = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        path = _document_path(doc.data, prefix, loc, name_missing=error["type"] in _NAMING)
        problems.append(_problem(error, path, doc, model, prefix, loc, origin))
    return problems


def _parameter_given_bare(field: str, valid: Iterable[str]) -> str:
    """``parameters.NAME`` for a declared parameter's name written bare, else "".

    Beside a ``parameters`` key (the scenario's top level), ``--set non_military_lending_share=0.5``
    means the parameter: the nearest top-level key would not say so.
    """
    if field in PARAMETERS and "parameters" in valid:
        return f"parameters.{field}"
    return ""


def _problem(error, path, doc, model, prefix, loc, origin) -> Problem:
    kind = error["type"]
    dotted = ".".join(str(p) for p in path)
    message = error["msg"]
    value = error.get("input")
    expected = ""
    suggestion = ""
    ctx = error.get("ctx") or {}
    is_key = False
    if kind == "missing":
        field = path[-1]
        message = Text("missing required field {field!r}", field=field)
        value = None
        where_path = path[:-1]
    elif kind == "extra_forbidden":
        field = str(path[-1])
        message = Text("unknown key {field!r}", field=field)
        valid = fields_at(model, loc[:-1]) if model else []
        expected = one_of(valid) if valid else ""
        suggestion = _parameter_given_bare(field, valid) or (nearest(field, valid) if valid else "")
        if tuple(path[:-1]) == ("parameters",) and (note := retired(field)):
            message, expected, suggestion = note, "", ""
        value = None
        where_path = path
        is_key = True
    elif kind in {"enum", "literal_error"}:
        choices = _choices(ctx.get("expected", ""))
        message = Text("not a valid choice")
        expected = one_of(choices) if choices else ctx.get("expected", "")
        suggestion = nearest(str(value), choices) if choices else ""
        where_path = path
    elif kind == "union_tag_invalid":
        choices = _choices(ctx.get("expected_tags", ""))
        message = Text("unknown kind {tag!r}", tag=ctx.get("tag"))
        value = None
        expected = one_of(choices)
        suggestion = nearest(str(ctx.get("tag")), choices)
        where_path = path = (*path, "kind")
        dotted = ".".join(str(p) for p in path)
    elif kind == "union_tag_not_found":
        message = Text("missing required field 'kind'")
        value = None
        where_path = path
    elif kind == "string_pattern_mismatch" and ctx.get("pattern") == ID_PATTERN:
        message = Text("not a valid id")
        expected = Text("letters A-Z or a-z, digits, '_' or '-', starting with a letter")
        where_path = path
    elif kind in _AS_TEXT and isinstance(value, str) and _reads_as(value, _AS_TEXT[kind]):
        # "2" in quotes (or in a --set) is a text: it is no longer read as the number 2
        message, expected = _wrong(_UNQUOTED[kind])
        where_path = path
    elif kind in {"int_type", "int_parsing"} and isinstance(value, str) and _is_number(value):
        message = Text("not a whole number the format takes")
        expected = Text(
            "a whole number written in digits (such as 30000), within the field's range"
        )
        where_path = path
    elif kind == "float_type" and isinstance(value, str) and _is_number(value):
        # YAML 1.1 reads 1e-3, without a decimal point and a signed exponent, as a text
        message = Text("not a number the format takes")
        expected = Text("a number written with a decimal point (such as 0.001 or 1.0e-3)")
        where_path = path
    else:
        # A text where a number or a boolean is wanted is said as before the types were strict
        said_as = _PARSING.get(kind, kind) if isinstance(value, str) else kind
        if kind == "int_type" and isinstance(value, float) and not value.is_integer():
            said_as = "int_from_float"  # 13.33 days: said as the lax field said it
        message, expected = _said(said_as, ctx, *_reword(message))
        where_path = path
    if isinstance(value, dict | list) and not kind.endswith(("_type", "_parsing")):
        value = None  # a whole event or section: the path says which; a scalar's is shown
    location = None
    if origin is not None:
        location = origin(where_path, key=is_key)
    if location is None:
        location = doc.where(where_path, key=is_key)
    return Problem(location, dotted, message, value, expected, suggestion)


ID_PATTERN = r"^[A-Za-z][A-Za-z0-9_-]*$"
"""The pattern of every id of the format (kept here so that messages can name it in words)."""


def _is_number(value: Any) -> bool:
    """Whether ``value`` reads as a number in Python's eyes (1e308), though not in YAML's."""
    try:
        float(str(value))
    except ValueError:
        return False
    return any(c.isdigit() for c in str(value))  # not "nan" or "inf"


_AS_TEXT = {"int_type": int, "float_type": float, "bool_type": bool}
"""The errors of a number or a boolean given as text, and the type the field wants."""

_PARSING = {"int_type": "int_parsing", "float_type": "float_parsing", "bool_type": "bool_parsing"}
"""The error a lax field gave for a text, by the error the strict one gives."""

_UNQUOTED = {
    "int_type": Text("a whole number, without quotes"),
    "float_type": Text("a number, without quotes"),
    "bool_type": Text("true or false, without quotes"),
}


def _reads_as(text: str, wanted: type) -> bool:
    """Whether ``text``, unquoted in a file, would be read as a value of the ``wanted`` type."""
    try:
        value = yaml.safe_load(text)
    except yaml.YAMLError:
        return False
    if wanted is bool or isinstance(value, bool):
        return isinstance(value, bool) and wanted is bool
    return isinstance(value, int) if wanted is int else isinstance(value, int | float)


def _reword(message: str) -> tuple[str, str]:
    message = message.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if message.startswith("Input should be "):
        return "wrong value", message.removeprefix("Input should be ")
    if message.startswith("Input "):
        return message[len("Input ") :], ""
    if message.startswith("List should have at least"):
        return "too few items", message.removeprefix("List should have ")
    return message[:1].lower() + message[1:], ""


def _wrong(expected: Text) -> tuple[Text, Text]:
    return Text("wrong value"), expected


def _bound(value: object) -> object:
    """A bound as pydantic writes it: a whole float without its ".0"."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _plural(n: object) -> str:
    return "" if n == 1 else "s"


_PYDANTIC: dict[str, Callable[[dict], tuple[Text, Text | str]]] = {
    "greater_than": lambda c: _wrong(Text("greater than {gt}", gt=_bound(c["gt"]))),
    "greater_than_equal": lambda c: _wrong(
        Text("greater than or equal to {ge}", ge=_bound(c["ge"]))
    ),
    "less_than": lambda c: _wrong(Text("less than {lt}", lt=_bound(c["lt"]))),
    "less_than_equal": lambda c: _wrong(Text("less than or equal to {le}", le=_bound(c["le"]))),
    "int_type": lambda c: _wrong(Text("a whole number")),
    "int_parsing": lambda c: _wrong(Text("a whole number; this text is not one")),
    "int_from_float": lambda c: _wrong(Text("a whole number, without a fractional part")),
    "float_type": lambda c: _wrong(Text("a number")),
    "float_parsing": lambda c: _wrong(Text("a number; this text is not one")),
    "finite_number": lambda c: _wrong(Text("a finite number")),
    "bool_type": lambda c: _wrong(Text("true or false")),
    "bool_parsing": lambda c: _wrong(Text("true or false; this value is neither")),
    "string_type": lambda c: _wrong(Text("a text")),
    "list_type": lambda c: _wrong(Text("a list")),
    "dict_type": lambda c: _wrong(Text("a mapping of keys to values")),
    "model_type": lambda c: _wrong(Text("a mapping of keys to values")),
    "model_attributes_type": lambda c: _wrong(
        Text("a mapping of keys to values to read the fields from")
    ),
    "too_short": lambda c: (
        Text("too few items"),
        Text(
            "at least {min_length} item{s} after validation, not {actual_length}",
            min_length=c["min_length"],
            s=_plural(c["min_length"]),
            actual_length=c["actual_length"],
        ),
    ),
    "string_too_short": lambda c: (
        Text(
            "string should have at least {min_length} character{s}",
            min_length=c["min_length"],
            s=_plural(c["min_length"]),
        ),
        "",
    ),
    "string_too_long": lambda c: (
        Text(
            "string should have at most {max_length} character{s}",
            max_length=c["max_length"],
            s=_plural(c["max_length"]),
        ),
        "",
    ),
    "string_pattern_mismatch": lambda c: (
        Text("string should match pattern '{pattern}'", pattern=c["pattern"]),
        "",
    ),
}
"""What pydantic's errors say, by their type and context, as :class:`Text` to be said in the
user's language: (what is wrong, what was expected), as :func:`_reword` words them."""


def _said(kind: str, ctx: dict, message: str, expected: str) -> tuple[str, str]:
    """The reworded ``message`` and ``expected`` of pydantic as :class:`Text`, when known.

    A template of :data:`_PYDANTIC` is the message in English too, in the project's words
    ("a whole number; this text is not one", not "a valid integer, unable to parse string as
    an integer"); an error it does not know keeps pydantic's own English.
    """
    if kind == "value_error" and isinstance(error := ctx.get("error"), ValueError):
        text = error.args[0] if error.args else None
        return (text if isinstance(text, Text) and text == message else message), expected
    known = _PYDANTIC.get(kind)
    if known is None:
        return message, expected
    try:
        said = known(ctx)
    except KeyError:  # a context this pydantic does not give
        return message, expected
    return said


def _choices(text: str) -> list[str]:
    # pydantic writes "'strict' or 'behavioural'" / "'a', 'b' or 'c'"
    return [
        part.strip().strip("'") for part in text.replace(" or ", ",").split(",") if part.strip()
    ]


_NAMING = {"missing", "extra_forbidden"}


def _document_path(data: Any, prefix: Path_, loc: tuple, *, name_missing: bool = False) -> Path_:
    """Map pydantic's ``loc`` onto keys that exist in the data, dropping union tags."""
    node = data
    for part in prefix:
        node = node[part] if isinstance(node, dict | list) else None
    path: list[str | int] = list(prefix)
    for i, part in enumerate(loc):
        if (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        ):
            node = node[part]
            path.append(part)
        elif name_missing and isinstance(node, dict) and i == len(loc) - 1:
            path.append(part)  # a missing field: name it
        # anything else is a union tag or validator name pydantic put in the path
    return tuple(path)


def fields_at(model: type[BaseModel], loc: Iterable[Any]) -> list[str]:
    """The keys valid at ``loc`` (a pydantic error path) under ``model``."""
    current: list[Any] = [model]
    for part in loc:
        following: list[Any] = []
        for tp in current:
            following += _step(tp, part)
        if following:
            current = following
    names: list[str] = []
    for tp in current:
        for member in _members(tp):
            if isinstance(member, type) and issubclass(member, BaseModel):
                for name, info in member.model_fields.items():
                    key = info.alias or name
                    if key not in names:
                        names.append(key)
    return names


def _members(tp: Any) -> list[Any]:
    origin = typing.get_origin(tp)
    if origin is Annotated:
        return _members(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        out = []
        for arg in typing.get_args(tp):
            out += _members(arg)
        return out
    return [tp]


def _tagged(tp: Any) -> dict[str, Any]:
    """The members of a tagged union (``Annotated[X, Tag("t")]``), by tag."""
    found: dict[str, Any] = {}
    origin = typing.get_origin(tp)
    if origin is Annotated:
        inner, *metadata = typing.get_args(tp)
        for meta in metadata:
            if isinstance(meta, Tag) and isinstance(meta.tag, str):
                found[meta.tag] = inner
        return found | _tagged(inner)
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(tp):
            found |= _tagged(arg)
    return found


def _step(tp: Any, part: Any) -> list[Any]:
    tagged = _tagged(tp)
    if isinstance(part, str) and part in tagged:
        return [tagged[part]]  # pydantic names the union member by its tag
    out = []
    for member in _members(tp):
        origin = typing.get_origin(member)
        if isinstance(member, type) and issubclass(member, BaseModel):
            fields = {info.alias or name: info for name, info in member.model_fields.items()}
            if isinstance(part, str) and part in fields:
                out.append(fields[part].annotation)
            elif _tag_of(member) == part:
                out.append(member)  # pydantic names the union member by its tag
        elif origin is dict and isinstance(part, str):
            out.append(typing.get_args(member)[1])
        elif origin is list and isinstance(part, int):
            out.append(typing.get_args(member)[0])
    return out


def _tag_of(model: type[BaseModel]) -> str | None:
    field = model.model_fields.get("kind")
    if field is None:
        return None
    default = field.default
    return getattr(default, "value", default) if isinstance(default, str) else None
