"""Resuming a killed run gives the same bytes; a replicate that raises is kept as data."""

from __future__ import annotations

import json
import signal

import pytest
from conftest import start_run, wait_for_replicates

RESULT_FILES = ("summary.csv", "events.jsonl", "series.csv", "bands.csv", "scenario.yaml")


@pytest.mark.slow
def test_a_run_killed_with_sigkill_resumes_to_the_same_bytes(tmp_path, sahelsim):
    n = 160
    killed = tmp_path / "killed"
    process = start_run(killed, n, 21)
    wait_for_replicates(killed, 15)
    process.send_signal(signal.SIGKILL)
    process.wait()
    checkpoint = killed / ".partial" / "checkpoint.json"
    done_before = json.loads(checkpoint.read_text())["completed"]
    assert 0 < done_before < n

    resumed = sahelsim(
        "run",
        "niger-2023-intervention",
        "-n",
        str(n),
        "--seed",
        "21",
        "--out",
        str(killed),
        "--resume",
        "-q",
    )
    assert resumed.status == 0, resumed.err
    whole = sahelsim(
        "run",
        "niger-2023-intervention",
        "-n",
        str(n),
        "--seed",
        "21",
        "--out",
        str(tmp_path / "whole"),
        "-q",
    )
    assert whole.status == 0
    for name in RESULT_FILES:
        assert (killed / name).read_bytes() == (tmp_path / "whole" / name).read_bytes(), name
    assert not (killed / ".partial").exists()


def _interrupted_bundle(tmp_path, sahelsim):
    out = tmp_path / "stopped"
    from sim.run.bundle import BundleWriter
    from sim.run.executors import execute
    from sim.run.plan import plan_runs
    from sim.scenario.loading import load_scenario

    plan = plan_runs(load_scenario("gambia-2017"), 10, 3)
    writer = BundleWriter(out, plan, [])
    for item in execute(plan, writer.options):
        writer.add(item)
        if writer.completed == 4:
            break
    writer.abandon()
    return out


def test_resume_refuses_a_different_plan(tmp_path, sahelsim):
    out = _interrupted_bundle(tmp_path, sahelsim)
    result = sahelsim(
        "run", "gambia-2017", "-n", "10", "--seed", "4", "--out", str(out), "--resume"
    )
    assert result.status == 2
    assert "was started with a different root_seed (root_seed=3)" in result.err
    ok = sahelsim(
        "run", "gambia-2017", "-n", "10", "--seed", "3", "--out", str(out), "--resume", "-q"
    )
    assert ok.status == 0
    assert len((out / "summary.csv").read_text().splitlines()) == 11


def test_resume_needs_an_interrupted_run(tmp_path, sahelsim):
    result = sahelsim("run", "gambia-2017", "--out", str(tmp_path / "nothing"), "--resume")
    assert result.status == 2 and "holds no interrupted run" in result.err
    assert sahelsim("run", "gambia-2017", "--resume").status == 2


def test_a_replicate_that_raises_is_recorded_and_the_ensemble_goes_on(
    tmp_path, monkeypatch, capsys
):
    from sim.present.console import print_run_summary
    from sim.run import executors
    from sim.run.ensemble import run_ensemble
    from sim.run.plan import plan_runs
    from sim.scenario.loading import load_scenario

    plan = plan_runs(load_scenario("gambia-2017"), 6, 5)
    broken_seed = plan.seeds[2]
    real = executors.run_one

    def fragile(scenario, seed):  # one replicate hits a (simulated) bug
        if seed == broken_seed:
            raise ZeroDivisionError("simulated failure")
        return real(scenario, seed)

    monkeypatch.setattr(executors, "run_one", fragile)
    manifest, interrupted = run_ensemble(plan, tmp_path / "b")
    assert not interrupted
    assert manifest["failed"]["count"] == 1
    assert manifest["failed"]["replicates"] == [{"replicate": 2, "seed": broken_seed}]
    failure = json.loads((tmp_path / "b" / "failures.jsonl").read_text())
    assert (
        failure["error"] == "ZeroDivisionError: simulated failure"
        and "Traceback" in failure["traceback"]
    )
    rows = (tmp_path / "b" / "summary.csv").read_text().splitlines()[1:]
    assert [int(r.split(",")[0]) for r in rows] == [0, 1, 3, 4, 5]
    print_run_summary(tmp_path / "b")
    assert f"--seed {broken_seed}" in capsys.readouterr().out
