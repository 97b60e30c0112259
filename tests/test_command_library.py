"""What the commands do, called as library functions, without the command line.

The command line only parses and prints (docs/architecture.md); these functions hold what it
used to compute, so they are checked here directly. The commands' own output is checked in
test_compare.py, test_sweep.py, test_sensitivity.py, test_run_bundle.py and the others.
"""

import os
import subprocess
import sys

import pytest

from sim.analysis.precision import plan_adaptive
from sim.analysis.sweeps import sensitivity_design
from sim.analysis.typical import representative_replicate
from sim.cli import cli
from sim.errors import InputError
from sim.run.designs import design_for
from sim.run.ensemble import plan_pair, run_pair
from sim.run.options import PRECISION_CAP, Sample
from sim.run.plan import plan_runs
from sim.scenario.defaults import FIRST_LESSON, FLAGSHIP, MAX_SEED
from sim.scenario.loading import check_sources, load_scenario
from sim.scenario.schema import Scenario
from sim.scenario.vocabulary import Lang

HONOUR = "parameters.honour_base_rate"


@pytest.fixture(scope="module")
def gambia():
    return load_scenario("gambia-2017")


def test_a_grid_crosses_every_level_and_a_hypercube_repeats_from_its_root_seed():
    grid = design_for(Sample.GRID, [f"{HONOUR}=0:1:3", "parameters.deterrence_weight=0:2:2"], None)
    assert grid(7).points == 6
    lhs = design_for(Sample.LHS, [HONOUR, "parameters.deterrence_weight=0:3"], 5)
    assert (lhs(11).values == lhs(11).values).all()
    assert not (lhs(11).values == lhs(12).values).all()


@pytest.mark.parametrize(
    ("sample", "points", "message"),
    [
        (Sample.GRID, 5, "--n 5: sets the points of --sample lhs"),
        (Sample.LHS, None, "--sample lhs needs --n"),
    ],
)
def test_the_number_of_points_belongs_to_a_hypercube_only(sample, points, message):
    with pytest.raises(InputError, match=message):
        design_for(sample, [f"{HONOUR}=0:1:3" if sample is Sample.GRID else HONOUR], points)


def test_an_adaptive_ensemble_is_capped_and_stops_by_its_rule(gambia):
    plan, stop = plan_adaptive(gambia, None, 1, 0.05)
    assert plan.replicates == PRECISION_CAP and stop.precision == 0.05
    plan, stop = plan_adaptive(gambia, 300, 1, 0.05)
    assert plan.replicates == 300 and stop is not None
    plan, stop = plan_adaptive(gambia, None, 1, None)
    assert plan.replicates == gambia.ensemble.replicates and stop is None


def test_compared_scenarios_run_on_the_same_replicate_seeds(gambia):
    strict = load_scenario("gambia-2017", ["commitment=strict"])
    a, b = plan_pair(gambia, strict, 12, None)
    assert a.seeds == b.seeds and a.root_seed == b.root_seed
    assert a.scenario.title == gambia.title and b.scenario.commitment.value == "strict"


def test_a_comparison_stopped_in_a_never_starts_b(tmp_path, gambia):
    plans = plan_pair(gambia, gambia, 3, 1)
    stopped_at_once = lambda work, total: ({}, True)  # noqa: E731 - Ctrl-C before any replicate
    assert run_pair(plans, tmp_path, watch=stopped_at_once)
    assert (tmp_path / "a").is_dir() and not (tmp_path / "b").exists()


def test_validation_titles_good_scenarios_and_locates_every_problem_of_bad_ones():
    good, unknown = check_sources(["gambia-2017", "nope-not-here"])
    assert good.title.startswith("The Gambia") and not good.problems
    assert unknown.title is None and "nope-not-here" in unknown.problems[0]
    (overridden,) = check_sources(["gambia-2017"], [f"{HONOUR}=7"])
    assert overridden.title is None
    assert overridden.problems[0].startswith(f"--set {HONOUR}=7")


def test_the_typical_replicate_has_the_commonest_outcome_and_the_median_war():
    rows = [
        {"replicate": "0", "first_war_outcome": "stalemate", "war_days": "300"},
        {"replicate": "1", "first_war_outcome": "victory", "war_days": "10"},
        {"replicate": "2", "first_war_outcome": "victory", "war_days": "40"},
        {"replicate": "3", "first_war_outcome": "victory", "war_days": "90"},
    ]
    assert representative_replicate(rows) == 2


def test_a_sensitivity_sample_is_checked_before_anything_runs():
    with pytest.raises(InputError, match="power of 2"):
        sensitivity_design(Sample.SOBOL, ["kill_rate"], 3)
    with pytest.raises(InputError, match="did you mean 'honour_base_rate'"):
        sensitivity_design(Sample.MORRIS, ["honour_base_rat"])
    design = sensitivity_design(Sample.MORRIS, ["kill_rate", "honour_base_rate"], 2)(5)
    assert design.sample is Sample.MORRIS and design.points == 2 * (2 + 1)


def _options(name: str) -> list:
    return [p for command in cli.commands.values() for p in command.params if p.name == name]


def test_every_command_offers_every_language_and_the_same_seed_range():
    assert {tuple(p.type.choices) for p in _options("lang")} == {tuple(lang.value for lang in Lang)}
    assert {(p.type.min, p.type.max) for p in _options("seed")} == {(0, MAX_SEED)}
    assert (
        Scenario.model_json_schema()["$defs"]["Ensemble"]["properties"]["seed"]["anyOf"][0][
            "maximum"
        ]
        == MAX_SEED
    )
    with pytest.raises(InputError, match=f"from 0 to {MAX_SEED}"):
        plan_runs(load_scenario("gambia-2017"), 1, MAX_SEED + 1)


def test_run_and_explain_default_to_the_flagship_and_teach_to_the_first_lesson():
    assert cli.commands["run"].params[0].default == FLAGSHIP
    assert cli.commands["explain"].params[0].default == FLAGSHIP
    assert cli.commands["teach"].params[0].default == FIRST_LESSON


def test_every_language_has_every_text_of_the_report_terminal_figures_and_app():
    from sim.analysis.compare import SENTENCES as COMPARE_SENTENCES
    from sim.analysis.sensitivity import WORDS as SUMMARY_WORDS
    from sim.present.app.words import UI
    from sim.present.comparison import HEADERS as COMPARE_HEADERS
    from sim.present.comparison import WORDS as COMPARE_WORDS
    from sim.present.console import RANGE
    from sim.present.console import TEXT as TERMINAL
    from sim.present.report import TEXT as REPORT
    from sim.present.sweep_figures import WORDS as SWEEP_WORDS
    from sim.present.terminal import WORDS as NOTES

    assert set(RANGE) == set(COMPARE_HEADERS) == set(Lang)
    for table in (
        REPORT,
        TERMINAL,
        UI,
        SUMMARY_WORDS,
        SWEEP_WORDS,
        COMPARE_WORDS,
        COMPARE_SENTENCES,
        NOTES,
    ):
        assert set(table) == set(Lang)
        assert all(set(table[lang]) == set(table[Lang.EN]) for lang in Lang)


def test_python_m_sim_without_the_dependencies_says_how_to_install(tmp_path):
    """`python -m sim` from a Python that lacks the package's dependencies: a message, exit 1."""
    blocker = tmp_path / "rich"
    blocker.mkdir()
    (blocker / "__init__.py").write_text(
        "raise ModuleNotFoundError(\"No module named 'rich'\", name='rich')\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "sim", "--help"],
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "lacks the module 'rich'" in result.stderr and "pip install -e ." in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
