"""Memory stays flat as replicates grow: no finished model is kept alive."""

from __future__ import annotations

import gc

from sim.model.model import SahelModel
from sim.run.replicate import run_one
from sim.scenario.loading import load_scenario


def test_finished_models_are_garbage_collected():
    scenario = load_scenario("gambia-2017")
    for seed in range(25):
        run_one(scenario, seed)
    gc.collect()
    assert sum(isinstance(o, SahelModel) for o in gc.get_objects()) == 0
