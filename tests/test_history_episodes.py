"""Every historical episode validates, records what happened and runs; held-out ones stay apart.

``scenarios/history/`` holds training episodes (what ``sahelsim calibrate`` fits);
``scenarios/held-out/`` holds crises kept to test the fitted model, which no fit may use.
"""

from __future__ import annotations

import json

import pytest

from sim.resources import scenarios_dir
from sim.run.backtest import episode_sources
from sim.run.replicate import run_one
from sim.scenario.loading import load_scenario

HISTORY = sorted((scenarios_dir() / "history").glob("*.yaml"))
HELD_OUT = sorted((scenarios_dir() / "held-out").glob("*.yaml"))


def test_the_history_folder_holds_the_coup_episodes():
    names = {path.stem for path in HISTORY}
    assert {"togo-2005", "mali-2020", "burkina-faso-2015"} <= names


@pytest.mark.parametrize("path", HISTORY + HELD_OUT, ids=[p.stem for p in HISTORY + HELD_OUT])
def test_a_history_episode_validates_records_what_happened_and_runs(path):
    scenario = load_scenario(path)
    assert scenario.observed is not None, f"{path.name} has no observed: block"
    assert scenario.observed.force_used is not None or scenario.observed.outcome is not None
    record = run_one(scenario, 1)
    assert record is not None


def test_the_backtest_discovers_every_history_episode():
    names = {name for name, _ in episode_sources()}
    assert {path.stem for path in HISTORY} <= names


def test_no_episode_scores_a_use_of_force_its_own_script_makes():
    """A scripted attack happens whatever the model would choose: scoring it scores the script.

    So an episode that records force used leaves that use of force to the model (the Gambia's
    training episode disables the bundled scenario's scripted entry; Algeria's shoot-down of
    2025, the premise of its scenario, is not an item).
    """
    for name, source in episode_sources() + episode_sources(held_out=True):
        scenario = load_scenario(source)
        for used in scenario.observed.force_used_items:
            if not used.value:
                continue
            scripted = [
                key
                for key, event in scenario.events.items()
                if event.enabled
                and getattr(event, "kind", None) == "attack"
                and event.by in used.by
                and event.target == used.against
            ]
            assert not scripted, f"{name}: {used.by} -> {used.against} is scripted by {scripted}"


def test_held_out_episodes_are_scored_apart_and_never_among_the_training_ones():
    training = {name for name, _ in episode_sources()}
    held_out = {name for name, _ in episode_sources(held_out=True)}
    assert held_out == {path.stem for path in HELD_OUT}
    assert len(held_out) >= 5
    assert not training & held_out


def test_calibrate_refuses_a_held_out_episode_by_name_path_or_copy(sahelsim, tmp_path):
    name = HELD_OUT[0].stem
    copy = tmp_path / HELD_OUT[0].name
    copy.write_bytes(HELD_OUT[0].read_bytes())
    for given in (name, str(HELD_OUT[0]), str(copy)):
        result = sahelsim("calibrate", "--episodes", given, "--no-loo", "-q")
        assert result.status == 2
        assert f"--episodes {name}: a held-out episode" in result.err
        assert "Traceback" not in result.err


def test_backtest_held_out_scores_exactly_the_held_out_episodes(sahelsim, tmp_path):
    out = tmp_path / "held-out"
    result = sahelsim(
        "backtest", "--held-out", "-n", "2", "--no-figures", "--json", "--out", str(out)
    )
    assert result.status == 0, result.err
    document = json.loads(result.out)
    scored = {e["episode"] for e in document["episodes"]}
    assert scored == {path.stem for path in HELD_OUT}
    # the baselines also learn from the training episodes' record, and say so
    assert document["baselines_also_learn_from"] == [name for name, _ in episode_sources()]
    refused = sahelsim("backtest", "--held-out", "--episodes", "gambia-2017-ultimatum", "-n", "2")
    assert refused.status == 2
    assert "--held-out scores every held-out episode" in refused.err


def test_a_crisis_of_the_user_s_own_is_forecast_by_baselines_that_know_the_training_record(
    sahelsim, tmp_path
):
    """A file the fit never saw, scored alone: "always the most frequent" would otherwise learn
    only its own record and forecast it perfectly. A training episode scored alone is
    unchanged: its baselines learn from what it is scored with."""
    mine = tmp_path / "my-crisis.yaml"
    mine.write_bytes((scenarios_dir() / "history" / "togo-2005.yaml").read_bytes())
    result = sahelsim(
        "backtest",
        "--episodes",
        str(mine),
        "-n",
        "2",
        "--no-figures",
        "--json",
        "--out",
        str(tmp_path / "mine"),
    )
    assert result.status == 0, result.err
    document = json.loads(result.out)
    assert document["baselines_also_learn_from"] == [name for name, _ in episode_sources()]
    edited = tmp_path / "edited" / "togo-2005.yaml"  # a copy of one's own, under its name
    edited.parent.mkdir()
    edited.write_bytes(mine.read_bytes())
    copied = sahelsim(
        "backtest",
        "--episodes",
        str(edited),
        "-n",
        "2",
        "--no-figures",
        "--json",
        "--out",
        str(tmp_path / "edited-out"),
    )
    assert copied.status == 0, copied.err
    assert "baselines_also_learn_from" in json.loads(copied.out)
    trained = sahelsim(
        "backtest",
        "--episodes",
        "togo-2005",
        "-n",
        "2",
        "--no-figures",
        "--json",
        "--out",
        str(tmp_path / "training"),
    )
    assert trained.status == 0, trained.err
    assert "baselines_also_learn_from" not in json.loads(trained.out)
