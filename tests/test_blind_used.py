"""docs/blind/used.yaml: which crises written blind stopped being tests, and of what.

A tool scores the crises still blind apart from the others by this registry, so a key that names
no file, an entry without its rule or its source, or a key written twice (which a plain YAML
loader would silently merge, keeping the last) would make it score the wrong crises.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
import yaml

DOCS = Path(__file__).resolve().parent.parent / "docs"
BLIND = DOCS / "blind"
USED = BLIND / "used.yaml"
HOW = {"changed_because", "value_drawn_from", "rewritten", "ambiguous"}
FIELDS = {"rule", "how", "date", "where"}


class _RefusingDuplicates(yaml.SafeLoader):
    """A safe loader that refuses a key written twice in one mapping."""


def _mapping(loader, node, deep=False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                "while constructing a mapping", node.start_mark,
                f"found the key {key!r} twice", key_node.start_mark,
            )  # fmt: skip
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_RefusingDuplicates.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def _load(text: str):
    return yaml.load(text, Loader=_RefusingDuplicates)  # a SafeLoader subclass


USED_ENTRIES = _load(USED.read_text(encoding="utf-8"))["used"]


def test_the_loader_refuses_a_crisis_listed_twice():
    """The check below can fail: two blocks for one file are refused, not merged."""
    text = "used:\n  readerK/togo-2022.yaml: []\n  readerK/togo-2022.yaml: []\n"
    with pytest.raises(yaml.constructor.ConstructorError, match="twice"):
        _load(text)


def test_the_registry_loads_with_no_key_written_twice():
    assert isinstance(USED_ENTRIES, dict) and USED_ENTRIES


@pytest.mark.parametrize("name", sorted(USED_ENTRIES))
def test_each_key_is_a_crisis_file_under_docs_blind(name):
    path = BLIND / name
    assert re.fullmatch(r"reader[A-Z]{1,2}/[a-z0-9-]+\.yaml", name), name
    assert path.is_file(), f"{name} is no file under docs/blind"


@pytest.mark.parametrize("name", sorted(USED_ENTRIES))
def test_each_entry_says_what_rule_how_when_and_where(name):
    entries = USED_ENTRIES[name]
    assert isinstance(entries, list) and entries, name
    seen = set()
    for entry in entries:
        assert FIELDS <= set(entry) <= FIELDS | {"note"}, (name, entry)
        assert isinstance(entry["rule"], str) and entry["rule"].strip(), (name, entry)
        assert entry["how"] in HOW, (name, entry)
        assert isinstance(entry["date"], datetime.date), (name, entry)
        assert entry["where"].startswith("docs/"), (name, entry)
        if entry["how"] == "ambiguous":
            assert entry.get("note", "").strip(), f"{name}: an ambiguous entry quotes its passage"
        key = (entry["rule"], entry["how"], entry["date"])
        assert key not in seen, f"{name} lists {key} twice"
        seen.add(key)


def test_each_section_named_in_where_is_in_the_docs():
    """`where` names sections by their bold opening words, as the docs cite each other: each
    must still be found in docs/backtest.md or docs/model.md."""
    text = (DOCS / "backtest.md").read_text(encoding="utf-8")
    text += (DOCS / "model.md").read_text(encoding="utf-8")
    titles = {
        title
        for entries in USED_ENTRIES.values()
        for entry in entries
        for title in re.findall(r"\*([^*]+)\*", entry["where"])
    }
    assert titles
    missing = sorted(t for t in titles if t not in text)
    assert not missing, missing


def test_the_scores_tool_puts_a_used_crisis_apart_from_those_still_blind(tmp_path, capsys):
    """tools/blind_scores.py: a crisis of the registry is scored with those that changed the
    model, any other with those still blind, and all of them together."""
    import importlib.util
    import json

    spec = importlib.util.spec_from_file_location(
        "blind_scores", BLIND.parent.parent / "tools" / "blind_scores.py"
    )
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    spent = Path(next(iter(USED_ENTRIES))).stem
    blind = next(f.stem for f in sorted(BLIND.glob("reader*/*.yaml")) if f.stem not in tool.used())

    def item(match: bool) -> dict:
        q = 0.9 if match else 0.2
        return {"match": match, "brier": (1 - q) ** 2, "baseline_frequent": 0.5,
                "baseline_rate": 0.5}  # fmt: skip

    episodes = [
        {"episode": spent, "items": [item(False)]},
        {"episode": blind, "items": [item(True)]},
    ]
    (tmp_path / "scores.json").write_text(json.dumps({"episodes": episodes}))
    tool.main(str(tmp_path / "scores.json"))
    rows = {line.split(" | ")[0]: line for line in capsys.readouterr().out.splitlines()}
    assert rows["| still blind"].startswith("| still blind | 1 | 1 | 1 (100%) | 0.010 |")
    assert rows["| changed the model"].startswith("| changed the model | 1 | 1 | 0 (0%) | 0.640 |")
    assert rows["| all"].startswith("| all | 2 | 2 | 1 (50%) |")
