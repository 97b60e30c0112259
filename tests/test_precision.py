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
    assert manifest["reproduce"].endswith(f"--replicates {done}")
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
