"""`--parameters posterior`: each replicate draws its parameter set from a posterior, by its seed."""

from __future__ import annotations

import csv
import json

import pytest

from sim.resources import shipped_posterior
from sim.run.options import DEFAULT_PARAMETER_SOURCE, ParameterSource
from sim.run.posterior import read_posterior

RESULTS = ("summary.csv", "events.jsonl", "parameters.csv")

# Three parameter sets far apart, so that the draws show in the results.
POSTERIOR = """required_superiority,breaking_point,kill_rate,weight
0.6,0.1,0.05,0.5
4.5,0.8,0.0002,0.3
1.5,0.3,0.004,0.2
"""


@pytest.fixture
def posterior(tmp_path):
    path = tmp_path / "posterior.csv"
    path.write_text(POSTERIOR)
    return path


def _rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_ensembles_draw_from_the_shipped_posterior_unless_asked_for_single_values(
    tmp_path, sahelsim
):
    assert DEFAULT_PARAMETER_SOURCE is ParameterSource.POSTERIOR
    shipped = read_posterior(shipped_posterior())
    args = ("run", "gambia-2017", "-n", "6", "--seed", "1", "-q", "--no-figures")
    assert sahelsim(*args, "--out", str(tmp_path / "drawn")).status == 0
    manifest = json.loads((tmp_path / "drawn" / "manifest.json").read_text())
    assert manifest["parameters"]["sha256"] == shipped.sha256
    for row in _rows(tmp_path / "drawn" / "parameters.csv"):
        assert int(row["set"]) == shipped.draw_index(int(row["seed"]))

    assert sahelsim(*args, "--parameters", "point", "--out", str(tmp_path / "point")).status == 0
    assert not (tmp_path / "point" / "parameters.csv").exists()
    assert "parameters" not in json.loads((tmp_path / "point" / "manifest.json").read_text())


def test_explain_tells_the_story_of_the_replicate_a_run_drew(sahelsim):
    """`explain --seed S` replays replicate S with the set S drew, as the bundle's row ran."""
    from sim.present.narrative import render_text
    from sim.run.posterior import with_parameters
    from sim.run.replicate import run_one
    from sim.scenario.loading import load_scenario

    shipped = read_posterior(shipped_posterior())
    scenario = load_scenario("niger-2023-base")
    differs = 0
    for seed in (3, 4, 5, 6):
        drawn = run_one(with_parameters(scenario, shipped.draw(seed)), seed)
        told = sahelsim("explain", "niger-2023-base", "--seed", str(seed))
        assert told.status == 0 and told.out.strip() == render_text(drawn, "en").strip()
        point = sahelsim("explain", "niger-2023-base", "--seed", str(seed), "--parameters", "point")
        assert point.out.strip() == render_text(run_one(scenario, seed), "en").strip()
        differs += told.out != point.out
    assert differs, "the draws change some story, or this test shows nothing"


def test_the_classroom_app_runs_the_draw_sahelsim_run_would_and_keeps_what_the_page_sets():
    from sim.present.app.live import LiveRun, defaults_for
    from sim.scenario.loading import load_scenario

    shipped = read_posterior(shipped_posterior())
    settings = defaults_for("niger-2023-base")
    run = LiveRun(settings)
    fixed = load_scenario("niger-2023-base").parameters.model_fields_set
    drawn = {k: v for k, v in shipped.draw(settings.seed).items() if k not in fixed}
    assert drawn
    for name, value in drawn.items():
        assert getattr(run.scenario.parameters, name) == value
    assert "required_superiority" in drawn
    moved = LiveRun(settings.with_param("required_superiority", 2.5))
    assert moved.scenario.parameters.required_superiority == 2.5


def test_each_replicate_draws_by_its_seed_the_same_on_one_and_two_workers(
    tmp_path, sahelsim, posterior
):
    args = ("run", "niger-2023-base", "-n", "12", "--seed", "8", "-q", "--no-figures")
    args = (*args, "--parameters", "posterior", "--posterior", str(posterior))
    for workers in ("1", "2"):
        result = sahelsim(*args, "--workers", workers, "--out", str(tmp_path / workers))
        assert result.status == 0, result.err
    for name in RESULTS:
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes(), name

    drawn = _rows(tmp_path / "1" / "parameters.csv")
    summary = _rows(tmp_path / "1" / "summary.csv")
    assert [d["seed"] for d in drawn] == [s["seed"] for s in summary]
    table = read_posterior(posterior)
    for row in drawn:  # the set recorded is the one the seed draws, with its values
        k = table.draw_index(int(row["seed"]))
        assert int(row["set"]) == k
        assert float(row["required_superiority"]) == table.values[k][0]
    assert len({d["set"] for d in drawn}) > 1  # twelve replicates do not all draw one set
    manifest = json.loads((tmp_path / "1" / "manifest.json").read_text())
    assert manifest["parameters"]["sha256"] == table.sha256
    assert "parameters.csv" in manifest["files"]


def test_the_draws_change_the_results_and_a_value_given_with_set_is_kept(
    tmp_path, sahelsim, posterior
):
    base = ("run", "niger-2023-base", "-n", "12", "--seed", "8", "-q", "--no-figures")
    drawn = (*base, "--parameters", "posterior", "--posterior", str(posterior))
    assert sahelsim(*base, "--out", str(tmp_path / "point")).status == 0
    assert sahelsim(*drawn, "--out", str(tmp_path / "post")).status == 0
    assert (tmp_path / "point" / "summary.csv").read_bytes() != (
        tmp_path / "post" / "summary.csv"
    ).read_bytes()

    fixed = sahelsim(*drawn, "--set", "parameters.required_superiority=2.5", "--out",
                     str(tmp_path / "fixed"))  # fmt: skip
    assert fixed.status == 0, fixed.err
    for row in _rows(tmp_path / "fixed" / "parameters.csv"):
        assert float(row["required_superiority"]) == 2.5


def test_compare_and_backtest_draw_the_same_set_for_the_same_replicate(
    tmp_path, sahelsim, posterior
):
    drawn = ("--parameters", "posterior", "--posterior", str(posterior))
    pair = sahelsim("compare", "niger-2023-base", "niger-2023-no-pact", "-n", "6", "--seed", "3",
                    "-q", "--no-figures", *drawn, "--out", str(tmp_path / "cmp"))  # fmt: skip
    assert pair.status == 0, pair.err
    a = _rows(tmp_path / "cmp" / "a" / "parameters.csv")
    b = _rows(tmp_path / "cmp" / "b" / "parameters.csv")
    assert a == b  # common random numbers: replicate i runs the same set in both

    bt = sahelsim("backtest", "--episodes", "gambia-2017-ultimatum", "-n", "4", "--seed", "3", "--json",
                  "--no-figures", *drawn, "--out", str(tmp_path / "bt"))  # fmt: skip
    assert bt.status == 0, bt.err
    assert (tmp_path / "bt" / "gambia-2017-ultimatum" / "parameters.csv").is_file()
    plan = json.loads((tmp_path / "bt" / "backtest-plan.json").read_text())
    assert plan["parameters"]["sha256"] == read_posterior(posterior).sha256


@pytest.mark.slow
def test_a_posterior_run_on_a_dask_cluster_gives_the_same_bytes(tmp_path, posterior):
    pytest.importorskip("distributed")
    from distributed import LocalCluster

    from sim.run.ensemble import run_ensemble
    from sim.run.plan import plan_runs
    from sim.scenario.loading import load_scenario

    plan = plan_runs(load_scenario("gambia-2017"), 6, 9, read_posterior(posterior))
    run_ensemble(plan, tmp_path / "local")
    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster:
        run_ensemble(plan, tmp_path / "dask", executor="dask", scheduler=cluster.scheduler_address)
    for name in RESULTS:
        assert (tmp_path / "local" / name).read_bytes() == (tmp_path / "dask" / name).read_bytes()


def test_a_malformed_posterior_is_an_input_error(tmp_path, sahelsim):
    bad = tmp_path / "bad.csv"
    bad.write_text("required_superiority,weight\n9,1\n")  # outside the declared range
    result = sahelsim("run", "gambia-2017", "-n", "2", "-q", "--no-figures", "--parameters",
                      "posterior", "--posterior", str(bad))  # fmt: skip
    assert result.status == 2
    assert "required_superiority=9.0 is outside its declared range" in result.err


def test_the_reports_story_replays_the_replicate_with_the_parameters_it_drew(tmp_path, posterior):
    import html

    from sim.present.i18n import date_text
    from sim.present.narrative import narrative
    from sim.present.report import _narrative_html
    from sim.run.bundle import resolved_document
    from sim.run.ensemble import run_ensemble
    from sim.run.plan import plan_runs
    from sim.run.posterior import with_parameters
    from sim.run.replicate import run_one
    from sim.scenario.loading import load_scenario

    table = read_posterior(posterior)
    scenario = load_scenario("niger-2023-base")
    plan = plan_runs(scenario, 6, 8, table)
    run_ensemble(plan, tmp_path / "b")
    document = resolved_document(scenario)
    told_otherwise = 0  # replicates whose story with the single values would be another one
    for index, seed in enumerate(plan.seeds):
        run = run_one(with_parameters(scenario, table.draw(seed)), seed)
        expected = "".join(
            f'<p><span class="date">{date_text(p.date, "en")}</span> — {html.escape(p.text)}</p>'
            for p in narrative(run, "en")
        )
        assert _narrative_html(tmp_path / "b", document, index, seed, "en") == expected
        told_otherwise += narrative(run_one(scenario, seed), "en") != narrative(run, "en")
    assert told_otherwise > 0
