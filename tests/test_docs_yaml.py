"""The YAML the README and the docs show a reader works when it is copied.

A reader copies a scenario from the docs to start one of their own (the README's variant that
extends a bundled scenario, docs/backtest.md's Niger 2023 written by hand): each whole scenario
shown (a block with a ``title``) loads, validates and runs as written, and every other block is
at least valid YAML (a mapping, or a comment line such as the editor's modeline). The commands
of the same documents are run by ``test_docs_commands``.
"""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import DOCUMENTS

from sim.run.replicate import run_one
from sim.scenario.loading import load_scenario

YAML_BLOCK = re.compile(r"^```yaml\n(.*?)^```", re.S | re.M)

BLOCKS = [
    pytest.param(text, id=f"{path.name}:{n}")
    for path in DOCUMENTS
    for n, text in enumerate(YAML_BLOCK.findall(path.read_text(encoding="utf-8")))
]


def test_the_docs_show_whole_scenarios_to_copy():
    """The blocks below are found: a change of fence or of file would otherwise pass unseen."""
    whole = [p for p in BLOCKS if "title" in (yaml.safe_load(p.values[0]) or {})]
    assert len(whole) >= 2, [p.id for p in BLOCKS]


@pytest.mark.parametrize("text", BLOCKS)
def test_a_yaml_block_of_the_docs_is_valid_and_a_whole_scenario_loads_and_runs(text, write):
    document = yaml.safe_load(text)
    if document is None:  # a line to paste at the top of a file: a comment only
        assert all(line.startswith("#") for line in text.splitlines()), text
        return
    assert isinstance(document, dict), "a block shows a mapping, as a scenario file is"
    if "title" not in document:
        return  # a fragment of a scenario, shown under its section
    scenario = load_scenario(write(text, "copied.yaml"))
    assert scenario.title == document["title"]
    run = run_one(scenario, 1)
    assert run.records, "the copied scenario runs and records what happened"
