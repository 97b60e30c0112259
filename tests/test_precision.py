"""Adaptive ensembles stop once every reported probability is precise enough, reproducibly."""

from __future__ import annotations

from sim.analysis.precision import MIN_REPLICATES, PrecisionRule
from sim.run.ensemble import run_ensemble
from sim.run.plan import plan_runs
from sim.scenario.loading import load_scenario


def test_an_adaptive_ensemble_stops_early_and_is_a_prefix_of_the_fixed_one(tmp_path):
    plan = plan_runs(load_scenario("gambia-2017"), 400, 12)
    rule = PrecisionRule(0.05)
    manifest, _ = run_ensemble(plan, tmp_path / "adaptive", stop=rule)
    done = manifest["replicates"]["completed"]
    assert MIN_REPLICATES <= done < 400
    assert "within ±0.05" in manifest["replicates"]["stopped_early"]
    assert max(rule.half_widths().values()) <= 0.05
    assert f"--replicates {done} " in manifest["reproduce"] + " "
    run_ensemble(plan_runs(load_scenario("gambia-2017"), done, 12), tmp_path / "fixed")
    assert (tmp_path / "adaptive" / "summary.csv").read_bytes() == (
        tmp_path / "fixed" / "summary.csv"
    ).read_bytes()


def test_a_demanding_precision_runs_to_the_cap(tmp_path):
    plan = plan_runs(load_scenario("niger-2023-base"), 120, 3)
    manifest, _ = run_ensemble(plan, tmp_path / "capped", stop=PrecisionRule(0.001))
    assert (
        manifest["replicates"]["completed"] == 120
        and manifest["replicates"]["stopped_early"] is None
    )


def test_an_adaptive_ensemble_killed_part_way_resumes_to_the_same_bytes(tmp_path):
    from sim.run.bundle import BundleWriter
    from sim.run.executors import execute

    plan = plan_runs(load_scenario("gambia-2017"), 400, 4)
    whole, _ = run_ensemble(plan, tmp_path / "whole", stop=PrecisionRule(0.1))
    assert whole["replicates"]["completed"] < 400  # it did stop early

    stopped = tmp_path / "stopped"
    writer, rule = BundleWriter(stopped, plan, []), PrecisionRule(0.1)
    for item in execute(plan, writer.options):
        writer.add(item)
        rule(item)
        if writer.completed == 61:
            break
    writer.abandon()  # as a kill leaves it
    resumed, _ = run_ensemble(plan, stopped, resume=True, stop=PrecisionRule(0.1))
    assert resumed["replicates"]["completed"] == whole["replicates"]["completed"]
    assert resumed["replicates"]["stopped_early"] == whole["replicates"]["stopped_early"]
    for name in ("summary.csv", "events.jsonl", "bands.csv"):
        assert (stopped / name).read_bytes() == (tmp_path / "whole" / name).read_bytes(), name


def test_the_header_of_an_adaptive_run_gives_its_cap_as_a_cap():
    """'10000 replicates' announced, 100 run: the header of a --precision run says 'up to'."""
    from sim.analysis.precision import plan_adaptive
    from sim.present.terminal import run_header

    plan, _ = plan_adaptive(load_scenario("gambia-2017"), None, 1, 0.05)
    assert ": up to 10,000 replicates, root seed 1" in run_header(plan, "en", adaptive=True)
    assert " : jusqu'à 10\u202f000 réplications, graine 1" in run_header(plan, "fr", adaptive=True)
    assert ": 10,000 replicates" in run_header(plan, "en")
