"""`sahelsim calibrate`: real pyABC fits on tiny budgets, the distance, resuming, Dask."""

from __future__ import annotations

import csv
import dataclasses
import json
import math

import pytest

pytest.importorskip("pyabc")

from sim.analysis import calibration as calib
from sim.analysis.backtest import load_items, score_all
from sim.resources import scenarios_dir
from sim.run.backtest import plan_backtest, run_backtest
from sim.run.options import Executor
from sim.run.posterior import Posterior, read_posterior, with_parameters
from sim.scenario.calibration import FREE_PARAMETERS, PriorShape, free_parameters
from sim.scenario.loading import HELD_OUT
from sim.scenario.parameters import PARAMETERS

# pyABC's own storage and its dependencies warn about their own deprecations.
pytestmark = pytest.mark.filterwarnings(
    "ignore::DeprecationWarning", "ignore::FutureWarning", "ignore::PendingDeprecationWarning"
)

TWO = ("gambia-2017-ultimatum", "niger-2023-base")
TINY = ("--population", "6", "--generations", "2", "-n", "2", "--seed", "5", "-q")


def _episodes_args():
    return [a for name in TWO for a in ("--episodes", name)]


def _posterior_rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_at_least_eight_free_parameters_are_declared_assumptions_with_their_ranges():
    assumed = [p for p in FREE_PARAMETERS if "assumption" in PARAMETERS[p.name].source]
    assert len(assumed) >= 8
    for p in FREE_PARAMETERS:
        assert (p.low, p.high) == (PARAMETERS[p.name].low, PARAMETERS[p.name].high)
    assert free_parameters(("irregular_intensity",))[0].shape is PriorShape.LOG_UNIFORM


@pytest.mark.parametrize("parameter", FREE_PARAMETERS, ids=lambda p: p.name)
def test_the_sampler_s_logit_scale_keeps_the_declared_prior_and_never_leaves_the_range(parameter):
    """Each quantile of the standard logistic is that quantile of the flat (or log-flat) prior."""
    low, high = parameter.sampled_range
    for u in (0.001, 0.1, 0.5, 0.9, 0.999):
        y = low + u * (high - low)
        expected = 10.0**y if parameter.shape is PriorShape.LOG_UNIFORM else y
        logit = math.log(u / (1 - u))  # the standard logistic's quantile u
        assert parameter.value(logit) == pytest.approx(expected, rel=1e-9)
        assert parameter.sampled(expected) == pytest.approx(logit, abs=1e-6)
    for far in (-800.0, 800.0):
        assert parameter.low <= parameter.value(far) <= parameter.high


def test_the_shipped_posterior_is_over_the_declared_free_parameters_with_its_remake_command():
    from sim.resources import shipped_posterior

    shipped = read_posterior(shipped_posterior())  # in range, weights valid: or an input error
    assert shipped.names == tuple(p.name for p in FREE_PARAMETERS)
    # Eleven free parameters on 80 particles: the shipped fit's last generation has an effective
    # sample size of 3.6 (POSTERIOR.md says so and why: read its ranges as where the fit went);
    # below 3 the posterior would be one or two draws.
    assert calib.effective_sample_size(shipped.weights) >= 3, "more than a couple of particles"
    summary = json.loads((shipped_posterior().parent / calib.SUMMARY_FILE).read_text())
    assert summary["reproduce"] == calib.remake_command(
        calib.plan_calibration(seed=summary["seed"])
    )
    assert summary["parameters"] == list(shipped.names)


def test_each_free_parameter_s_single_value_is_the_shipped_posterior_s_median():
    """``--parameters point``, sweeps and sensitivity runs start from where history put the
    model, not from hand-set values that the backtest fails (remake them with each refit)."""
    from sim.resources import shipped_posterior

    shipped = read_posterior(shipped_posterior())
    for p in FREE_PARAMETERS:
        median = shipped.median(p.name)
        assert PARAMETERS[p.name].default == float(f"{median:.2g}"), (p.name, median)


def test_the_weighted_median_puts_half_the_weight_on_each_side():
    posterior = Posterior(("concession_rate",), ((0.9,), (0.1,), (0.5,)), (0.2, 0.5, 0.3))
    assert posterior.median("concession_rate") == 0.1  # 0.1 alone holds half the weight
    heavier = dataclasses.replace(posterior, weights=(0.2, 0.4, 0.4))
    assert heavier.median("concession_rate") == 0.5


@pytest.mark.parametrize("changed", [{}, {"required_superiority": 0.8, "breaking_point": 0.6}])
def test_the_distance_is_the_backtests_mean_brier_score_on_the_same_replicates(tmp_path, changed):
    """The fit's distance at a parameter set equals `sahelsim backtest`'s Brier score there."""
    planned = plan_backtest(TWO, 6, 31)
    planned = [
        dataclasses.replace(
            e, plan=dataclasses.replace(e.plan, scenario=with_parameters(e.plan.scenario, changed))
        )
        for e in planned
    ]
    run_backtest(planned, tmp_path / "bt")
    items = load_items(tmp_path / "bt", [(e.name, e.plan.scenario.observed) for e in planned])
    _, scores, _ = score_all(items)

    episodes = [
        calib.Training(e.name, load.plan.scenario, load.plan.scenario.observed)
        for e, load in zip(planned, plan_backtest(TWO, 6, 31), strict=True)
    ]
    free = tuple(p for p in FREE_PARAMETERS if p.name in changed)
    model = calib.EpisodeModel(tuple(episodes), planned[0].plan.seeds, free)
    sampled = {p.sampled_as: p.sampled(changed[p.name]) for p in free}
    distance = calib.brier_distance(model(sampled), model.observed)
    assert len(model.observed) == scores.items
    assert math.isclose(distance, scores.brier, rel_tol=0, abs_tol=1e-12)


@pytest.mark.slow
def test_calibrate_writes_a_posterior_its_diagnostics_and_a_leave_one_out_score(tmp_path, sahelsim):
    out = tmp_path / "calib"
    result = sahelsim(
        "calibrate", *_episodes_args(), *TINY, "--loo-share", "0.7", "--out", str(out)
    )
    assert result.status == 0, result.err
    rows = _posterior_rows(out / "posterior.csv")
    names = [p.name for p in FREE_PARAMETERS]
    assert list(rows[0]) == [*names, "weight"]
    assert len(rows) == 6
    assert math.isclose(sum(float(r["weight"]) for r in rows), 1.0)
    for row in rows:  # every particle inside its prior
        for p in FREE_PARAMETERS:
            assert p.low <= float(row[p.name]) <= p.high
    summary = json.loads((out / "calibration.json").read_text())
    assert summary["parameters"] == names and summary["seed"] == 5
    assert summary["reproduce"].startswith("sahelsim calibrate --seed 5 --population 6")
    assert "--episodes gambia-2017-ultimatum" in summary["reproduce"]
    assert [g["t"] for g in summary["generations"]] == [0, 1]
    for g in summary["generations"]:
        assert 0 < g["acceptance"] <= 1 and 1 <= g["ess"] <= 6 + 1e-9
    assert summary["final_epsilon"] == summary["generations"][-1]["epsilon"]
    assert summary["sampler"]["reproducible"] is True
    loo = summary["leave_one_out"]
    assert set(loo["episodes"]) == set(TWO) and 0 <= loo["brier"] <= 1
    assert loo["budget"]["population"] == 4  # 6 x 0.7, rounded
    # The held-out scores' comparison: a fit of the same size on every episode, scored on each.
    same = json.loads((out / "loo" / "_all.json").read_text())
    assert loo["same_budget_in_sample"] == same["brier"]
    assert {key.split("#")[0] for key in same["items"]} == set(TWO)
    for name in ("marginals", "pairs", "generations"):
        assert (out / "figures" / f"{name}.png").stat().st_size > 0
    assert (out / "abc.db").is_file()


@pytest.mark.slow
def test_one_worker_and_one_seed_give_the_same_posterior_byte_for_byte(tmp_path, sahelsim):
    args = ("calibrate", *_episodes_args(), *TINY, "--no-loo", "--no-figures")
    for name in ("a", "b"):
        assert sahelsim(*args, "--out", str(tmp_path / name)).status == 0
    first = (tmp_path / "a" / "posterior.csv").read_bytes()
    assert first == (tmp_path / "b" / "posterior.csv").read_bytes()
    other = sahelsim(*args[:-4], "--no-loo", "--no-figures", "--seed", "6", "-q", "--out",
                     str(tmp_path / "c"))  # fmt: skip
    assert other.status == 0
    assert (tmp_path / "c" / "posterior.csv").read_bytes() != first


@pytest.mark.slow
def test_a_stopped_fit_resumes_from_its_database(tmp_path, sahelsim):
    """Stopped after one generation, --resume adds the next and keeps the first as it was."""
    out = tmp_path / "calib"
    budget = calib.Budget(population=6, generations=2, replicates=2)
    plan = calib.plan_calibration(TWO, (), 5, budget, loo=False)
    out.mkdir()
    (out / calib.PLAN_FILE).write_text(json.dumps(plan.as_dict()))
    episodes = calib.training(plan)
    stopped = calib.fit(  # as if stopped once the first generation was stored
        episodes,
        plan.parameters,
        plan.seed,
        dataclasses.replace(budget, generations=1),
        out / calib.DATABASE,
        calib.Sampler(),
    )
    assert [g.t for g in stopped.generations] == [0]

    result = sahelsim("calibrate", "--resume", "--out", str(out), "-q", "--no-figures")
    assert result.status == 0, result.err
    summary = json.loads((out / "calibration.json").read_text())
    assert [g["t"] for g in summary["generations"]] == [0, 1]
    first = summary["generations"][0]
    assert first["epsilon"] == stopped.generations[0].epsilon
    assert first["proposals"] == stopped.generations[0].proposals
    # finished: resuming again runs nothing and gives the same posterior
    before = (out / "posterior.csv").read_bytes()
    assert sahelsim("calibrate", "--resume", "--out", str(out), "-q", "--no-figures").status == 0
    assert (out / "posterior.csv").read_bytes() == before


@pytest.mark.slow
def test_calibrate_runs_on_a_dask_local_cluster(tmp_path):
    from distributed import LocalCluster

    plan = calib.plan_calibration(
        TWO, ("required_superiority", "intent_spread"), 3, calib.Budget(6, 2, 2), loo=False
    )
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster:
        summary = calib.calibrate(
            dataclasses.replace(plan, score_replicates=4),
            tmp_path / "calib",
            lambda: calib.Sampler(Executor.DASK, 2, cluster.scheduler_address),
        )
    assert summary["sampler"] == {"executor": "dask", "workers": 2, "reproducible": False}
    assert [g["t"] for g in summary["generations"]] == [0, 1]
    posterior = read_posterior(tmp_path / "calib" / "posterior.csv")
    assert posterior.names == ("required_superiority", "intent_spread")
    assert len(posterior.values) == 6


def test_a_free_parameter_must_be_declared(sahelsim):
    result = sahelsim("calibrate", "--free", "honour_base_rat", "--no-loo")
    assert result.status == 2
    assert "not a free parameter: honour_base_rat" in result.err


def test_resuming_a_plan_that_holds_a_held_out_episode_is_refused(tmp_path, sahelsim):
    # A plan written before an episode was held out, or edited by hand, must not fit it either.
    plan = calib.plan_calibration(TWO, (), 5, calib.Budget(6, 1, 2), loo=False).as_dict()
    held_out = sorted((scenarios_dir() / HELD_OUT).glob("*.yaml"))[0]
    plan["episodes"] = [*plan["episodes"], held_out.stem]
    plan["sources"] = [*plan["sources"], str(held_out)]
    out = tmp_path / "calib"
    out.mkdir()
    (out / calib.PLAN_FILE).write_text(json.dumps(plan))
    result = sahelsim("calibrate", "--resume", "--out", str(out), "-q", "--no-figures")
    assert result.status == 2
    assert f"--episodes {held_out.stem}: a held-out episode" in result.err
    assert sorted(p.name for p in out.iterdir()) == [calib.PLAN_FILE]  # nothing else written


@pytest.mark.parametrize("ess, warned", [(1.1, True), (15.0, False)])
def test_a_collapsed_effective_sample_size_is_said(ess, warned, capsys, tmp_path):
    """The small fit of calibrate's --help ended with an ESS of 1.1 of 20 particles and said
    nothing: the posterior then says less than its size suggests."""
    from sim.present.calibration import print_calibration

    generation = {"t": 0, "epsilon": 0.1, "particles": 20, "proposals": 40, "acceptance": 0.5}
    summary = {
        "generations": [{**generation, "ess": ess}],
        "scores": {"replicates": 4, "posterior_brier": 0.1, "point_brier": 0.1},
        "sampler": {"reproducible": True},
    }
    print_calibration(summary, tmp_path)
    said = " ".join(capsys.readouterr().out.split())
    assert ("effective sample size is 1.1 of 20 particles" in said) is warned
    assert ("Raise --population" in said) is warned  # the advice docs/calibration.md gives
