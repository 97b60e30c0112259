"""Every historical episode in ``scenarios/history/`` validates, records what happened and runs."""

from __future__ import annotations

import pytest

from sim.resources import scenarios_dir
from sim.run.backtest import episode_sources
from sim.run.replicate import run_one
from sim.scenario.loading import load_scenario

HISTORY = sorted((scenarios_dir() / "history").glob("*.yaml"))


def test_the_history_folder_holds_the_coup_episodes():
    names = {path.stem for path in HISTORY}
    assert {"togo-2005", "mali-2020", "burkina-faso-2015"} <= names


@pytest.mark.parametrize("path", HISTORY, ids=[path.stem for path in HISTORY])
def test_a_history_episode_validates_records_what_happened_and_runs(path):
    scenario = load_scenario(path)
    assert scenario.observed is not None, f"{path.name} has no observed: block"
    assert scenario.observed.force_used is not None or scenario.observed.outcome is not None
    record = run_one(scenario, 1)
    assert record is not None


def test_the_backtest_discovers_every_history_episode():
    names = {name for name, _ in episode_sources()}
    assert {path.stem for path in HISTORY} <= names
