"""The committed baseline is reproduced byte for byte, on every supported Python and Mesa.

Every bundled scenario and lesson, 20 replicates on a fixed seed, through the real ensemble
runner: the summary rows and every event record with its reasons. A refactoring or a speed-up
must leave these bytes alone; a change of behaviour regenerates them on purpose with
``python tests/update_baseline.py`` and says why in its commit.
"""

from __future__ import annotations

import difflib

import pytest
from update_baseline import produce, stored

from sim.scenario.loading import bundled_names


def _first_difference(old: bytes, new: bytes) -> str:
    diff = difflib.unified_diff(
        old.decode().splitlines(), new.decode().splitlines(), "baseline", "now", n=0, lineterm=""
    )
    return "\n".join(list(diff)[:8])


@pytest.mark.parametrize("name", bundled_names())
def test_bundled_scenario_reproduces_its_baseline(name):
    now, old = produce(name), stored(name)
    for file in ("summary.csv", "events.jsonl"):
        assert now[file] == old[file], (
            f"{name}: {file} moved from the committed baseline. If the change of behaviour is "
            f"intended, run `python tests/update_baseline.py` and say why in the commit.\n"
            + _first_difference(old[file], now[file])
        )


def test_the_baseline_covers_every_bundled_scenario_and_lesson():
    names = bundled_names()
    assert any(n.startswith("lesson") for n in names)
    for name in names:
        assert stored(name)["summary.csv"].count(b"\n") == 21  # header and 20 replicates
