"""docs/model.md §9 says what the code runs: every fixed constant, with its value, both ways."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re

import pytest
from conftest import REPO

import sim.model
from sim.scenario.vocabulary import PactAction

ROW = re.compile(r"^\| (?P<what>[^|]+) \| (?P<value>[^|]+) \| `(?P<name>sim\.model\.[\w.]+)` \|")
NOT_BEHAVIOUR = {"sim.model.wars.ATTACKERS", "sim.model.wars.DEFENDERS"}  # side indices


def documented() -> dict[str, str]:
    text = (REPO / "docs" / "model.md").read_text(encoding="utf-8")
    section = text.split("## 9. Fixed constants in the code")[1].split("\n## ")[0]
    rows = [ROW.match(line) for line in section.splitlines()]
    return {m["name"]: m["value"].strip() for m in rows if m}


def lookup(dotted: str):
    module, name = dotted.rsplit(".", 1)
    return getattr(importlib.import_module(module), name)


def numbers(text: str) -> list[float]:
    return [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?", text)]


def test_section_9_lists_constants():
    assert len(documented()) >= 10


@pytest.mark.parametrize("dotted", sorted(documented()))
def test_each_documented_constant_has_the_documented_value(dotted):
    value, text = lookup(dotted), documented()[dotted]
    if isinstance(value, dict):  # "consult 0, sanctions 0.1, ..."
        pairs = dict(re.findall(r"(\w+) (-?\d+(?:\.\d+)?)", text))
        assert {
            str(k.value if isinstance(k, PactAction) else k): float(v) for k, v in value.items()
        } == {k: float(v) for k, v in pairs.items()}
    elif isinstance(value, tuple):
        assert list(map(float, value)) == numbers(text)
    else:
        assert [float(value)] == numbers(text)


def assigned_here(module) -> set[str]:
    """Names a module assigns at its top level (not those it imports)."""
    tree = ast.parse(inspect.getsource(module))
    names = set()
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        for target in targets:
            for leaf in ast.walk(target) if target is not None else ():
                if isinstance(leaf, ast.Name):
                    names.add(leaf.id)
    return names


def test_every_numeric_constant_of_the_model_is_documented():
    listed = set(documented())
    for info in pkgutil.iter_modules(sim.model.__path__):
        module = importlib.import_module(f"sim.model.{info.name}")
        for name in assigned_here(module):
            value = getattr(module, name)
            dotted = f"sim.model.{info.name}.{name}"
            numeric = isinstance(value, int | float | tuple | dict) and not isinstance(value, bool)
            if isinstance(value, tuple | dict):
                items = value.values() if isinstance(value, dict) else value
                numeric = bool(value) and all(
                    isinstance(v, int | float) and not isinstance(v, bool) for v in items
                )
            public = name.isupper() and not name.startswith("_")
            if public and numeric and dotted not in NOT_BEHAVIOUR:
                assert dotted in listed, f"{dotted} = {value} is not in docs/model.md §9"


def test_section_8_gives_every_parameter_its_declared_default_range_and_source():
    """docs/model.md §8 copies each parameter's declaration; a refit or a new value that
    reaches the code and not the page would have a reader set up runs on the wrong number."""
    from sim.scenario.parameters import ACTOR_PARAMETERS, PARAMETERS

    text = (REPO / "docs" / "model.md").read_text(encoding="utf-8")
    section = text.split("## 8. Parameters")[1].split("\n## ")[0]
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        if cells[0].startswith("`") and cells[0].endswith("`"):
            rows[cells[0].strip("`")] = cells
    for table in (PARAMETERS, ACTOR_PARAMETERS):
        for name, p in table.items():
            assert name in rows, f"{name} is not in docs/model.md §8"
            _, default, span, *_, source = rows[name]
            assert (default, span) == (f"{p.default:g}", f"{p.low:g} to {p.high:g}"), name
            assert source == p.source, name
