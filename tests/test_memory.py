"""Memory stays flat as replicates grow: no finished model is kept alive."""

from __future__ import annotations

import gc
import re

import pytest

from sim.model.model import SahelModel
from sim.run.replicate import run_one
from sim.scenario.loading import load_scenario


def _models_alive() -> int:
    gc.collect()
    return sum(isinstance(o, SahelModel) for o in gc.get_objects())


def test_finished_models_are_garbage_collected():
    # Counted against what the process held before, so that a model an earlier test keeps
    # (in a fixture or a cache of its own) does not fail this one.
    before = _models_alive()
    scenario = load_scenario("gambia-2017")
    for seed in range(25):
        run_one(scenario, seed)
    assert _models_alive() == before


# ---------------------------------------------------------------------- size guards


def test_a_plan_of_a_hundred_million_replicates_holds_no_seeds():
    import tracemalloc

    import numpy as np

    from sim.run.plan import plan_runs

    tracemalloc.start()
    plan = plan_runs(load_scenario("gambia-2017"), 100_000_000, 7)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert plan.replicates == 100_000_000
    assert peak < 5_000_000  # a tuple of the seeds alone would be 3.2 GB
    # Derived on demand, each seed is the one SeedSequence.spawn gives (bundles stay the same).
    spawned = np.random.SeedSequence(7).spawn(40)
    expected = [int(c.generate_state(1, np.uint64)[0] >> np.uint64(1)) for c in spawned]
    assert list(plan.seeds[:40]) == expected == list(plan_runs(plan.scenario, 40, 7).seeds)
    assert plan.seeds[39] == expected[39] and plan.seeds[-1] == plan.seeds[99_999_999]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_huge_ensemble_runs_replicate_by_replicate(tmp_path, workers):
    import json
    import tracemalloc

    from sim.run.ensemble import run_ensemble
    from sim.run.plan import plan_runs

    plan = plan_runs(load_scenario("gambia-2017"), 100_000_000, 7)
    tracemalloc.start()
    manifest, _ = run_ensemble(
        plan,
        tmp_path / "b",
        workers=workers,
        stop=lambda item: "three are enough" if item.index >= 2 else None,
    )
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert manifest["replicates"]["completed"] == 3
    assert peak < 100_000_000  # nothing sized by the hundred million planned
    saved = json.loads((tmp_path / "b" / "manifest.json").read_text())
    assert saved["seeds"]["replicates"] == list(plan.seeds[:3])


def test_a_long_run_says_how_long_once_its_first_replicates_set_the_pace():
    import time

    from sim.present.progress import Estimate

    for lang, expected in (("en", "This will take about "), ("fr", "Il faudra encore environ ")):
        said: list[str] = []
        estimate = Estimate(said.append, lang, probe=0.05)
        estimate(1, 100_000)  # the first replicate carries the start-up: not timed
        estimate(2, 100_000)  # too soon to say
        time.sleep(0.06)
        estimate(3, 100_000)
        estimate(4, 100_000)
        assert len(said) == 1 and said[0].startswith(expected)
        assert "--resume" in said[0]
        assert re.search(r"\d+ (h|min)", said[0])  # ~0.03 s x 100 000: about an hour


def test_a_short_run_says_nothing_about_time():
    import time

    from sim.present.progress import Estimate

    said: list[str] = []
    estimate = Estimate(said.append, probe=0.01)
    estimate(1, 50)
    time.sleep(0.02)
    for done in range(2, 51):
        estimate(done, 50)
    assert said == []
