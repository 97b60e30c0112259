"""`sahelsim sensitivity`: Morris and Sobol' indices through SALib, ranked and said in words."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

from sim.analysis.sensitivity import (
    Index,
    analyse,
    sample_design,
    sensitivity_axes,
    sentence,
)
from sim.run.options import SENSITIVITY_SAMPLES, Sample
from sim.scenario.parameters import PARAMETERS

REPO = Path(__file__).resolve().parent.parent


def _indices(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.slow
def test_morris_ranks_required_superiority_above_combat_noise_for_an_ecowas_attack(
    tmp_path, sahelsim
):
    """ECOWAS's decision to attack cannot depend on combat noise, and does on the superiority.

    In niger-2023-base ECOWAS decides each day whether to carry out its threat, comparing the
    strength ratio with ``required_superiority``: raising it makes an attack less likely.
    ``combat_noise`` enters only the combat phase, which runs only while a war is under way, and
    the first war is ECOWAS's own attack (the kill rate, by contrast, sets the length of the war
    a threatener expects); with common random numbers every replicate draws the same numbers at
    each sample point, so each elementary effect of ``combat_noise`` on ``ecowas_attacked`` is
    exactly zero.
    """
    out = tmp_path / "morris"
    result = sahelsim(
        "sensitivity", "niger-2023-base", "--param", "required_superiority",
        "--param", "combat_noise", "--outcome", "ecowas_attacked", "--n", "6", "-n", "10",
        "--seed", "2", "--out", str(out),
    )  # fmt: skip
    assert result.status == 0, result.err
    rows = _indices(out / "indices.csv")
    assert [(r["rank"], r["parameter"]) for r in rows] == [
        ("1", "parameters.required_superiority"),
        ("2", "parameters.combat_noise"),
    ]
    superiority, noise = rows
    assert float(superiority["mu_star"]) > float(superiority["mu_star_conf"]) > 0
    assert float(noise["mu_star"]) == 0 == float(noise["sigma"])
    summary = (out / "summary.txt").read_text()
    assert "Whether ECOWAS attacks depends mostly on required_superiority (mu* " in summary
    assert "; combat_noise matters little." in summary
    assert "not a forecast" in summary
    assert result.out.startswith(summary)  # printed as saved
    assert {"morris-ecowas_attacked.png", "morris-ecowas_attacked.svg"} <= {
        p.name for p in (out / "figures").iterdir()
    }
    assert len(_indices(out / "points.csv")) == 6 * 3  # n trajectories of k + 1 points


def test_sobol_indices_are_written_with_their_intervals(tmp_path, sahelsim):
    out = tmp_path / "sobol"
    result = sahelsim(
        "sensitivity", "gambia-2017", "--method", "sobol", "--param", "honour_base_rate",
        "--param", "actors.GMB.resolve", "--outcome", "casualties", "--n", "4", "-n", "3",
        "--seed", "1", "--out", str(out), "-q",
    )  # fmt: skip
    assert result.status == 0, result.err
    rows = _indices(out / "indices.csv")
    assert list(rows[0]) == [
        "outcome", "rank", "parameter", "ST", "ST_conf", "S1", "S1_conf", "ST_low", "ST_high",
    ]  # fmt: skip
    for row in rows:  # an interval of a share of variance does not reach below zero
        if row["ST_low"]:
            assert 0 <= float(row["ST_low"]) <= float(row["ST_high"])
    assert {r["parameter"] for r in rows} == {"parameters.honour_base_rate", "actors.GMB.resolve"}
    assert len(_indices(out / "points.csv")) == 4 * (2 + 2)  # n (k + 2) points


def test_sobol_finds_the_only_input_that_matters():
    """On a known function the plumbing from design to ranked indices is right."""
    axes = sensitivity_axes(["honour_base_rate", "kill_rate", "mediation_rate"])
    design = sample_design("sobol", axes, 256, root_seed=3)
    y = np.sin(6 * design.values[:, 0]) + 0.01 * design.values[:, 2]
    ranked = analyse("sobol", design, "ecowas_attacked", y, root_seed=3)
    assert ranked[0].parameter == "parameters.honour_base_rate"
    assert ranked[0].values["ST"] > 0.9 and ranked[0].values["S1"] > 0.9
    assert abs(next(i for i in ranked if i.name == "kill_rate").values["ST"]) < 0.05


def test_morris_design_repeats_from_the_root_seed():
    axes = sensitivity_axes(["required_superiority", "kill_rate"])
    first, again = sample_design("morris", axes, 5, 9), sample_design("morris", axes, 5, 9)
    assert np.array_equal(first.values, again.values)
    assert first.points == 5 * 3
    assert not np.array_equal(first.values, sample_design("morris", axes, 5, 10).values)


def test_by_default_every_parameter_but_the_whole_numbers_is_varied():
    names = {a.name for a in sensitivity_axes()}
    assert names == {p.name for p in PARAMETERS.values() if not p.integer}
    assert "decision_window" not in names and "kill_rate" in names


@pytest.mark.parametrize(("method", "points_per_sample"), [("morris", 3), ("sobol", 4)])
def test_without_n_the_declared_default_sample_size_is_run(
    tmp_path, sahelsim, method, points_per_sample
):
    """The command the docs give first passes no --n: it runs the declared default (Morris's
    trajectories of k + 1 points, Sobol's base samples of k + 2), not a traceback."""
    out = tmp_path / method
    result = sahelsim(
        "sensitivity", "gambia-2017", "--method", method, "--param", "honour_base_rate",
        "--param", "kill_rate", "--outcome", "casualties", "-n", "1", "--seed", "1",
        "--out", str(out), "-q",
    )  # fmt: skip
    assert result.status == 0, result.err
    points = SENSITIVITY_SAMPLES[Sample(method)] * points_per_sample
    assert len(_indices(out / "points.csv")) == points


def test_the_analysis_guide_counts_the_parameters_a_default_analysis_varies():
    """docs/analysis.md says how many parameters vary by default, which whole numbers are left
    out, and what the default Morris design costs: a new parameter must not leave it stale."""
    text = (REPO / "docs" / "analysis.md").read_text(encoding="utf-8")
    varied = [p for p in PARAMETERS.values() if not p.integer]
    whole = [p.name for p in PARAMETERS.values() if p.integer]
    k, trajectories = len(varied), SENSITIVITY_SAMPLES[Sample.MORRIS]
    assert f"which of the {k} parameters matter" in text
    assert f"declared range ({k} of them; the whole numbers" in text
    assert all(f"`{name}`" in text.split("the whole numbers")[1][:200] for name in whole)
    assert f"{trajectories * (k + 1):,} points for the {k} parameters" in text


def _index(name, mu, conf, rank):
    return Index(
        "ecowas_attacked",
        f"parameters.{name}",
        rank,
        {"mu_star": mu, "mu_star_conf": conf, "sigma": 0.0, "mu": -mu},
    )


def test_the_summary_names_what_matters_and_what_does_not():
    indices = [
        _index("required_superiority", 0.31, 0.05, 1),
        _index("honour_base_rate", 0.12, 0.03, 2),
        _index("kill_rate", 0.0, 0.0, 3),
    ]
    assert sentence("morris", indices) == (
        "Whether ECOWAS attacks depends mostly on required_superiority (mu* 0.31; 95 % CI 0.26 "
        "to 0.36) and honour_base_rate (0.12; 0.09 to 0.15); kill_rate matters little."
    )
    assert sentence("morris", indices, "fr") == (
        "Que la CEDEAO attaque ou non dépend surtout de required_superiority (mu* 0,31 ; IC à "
        "95\u202f% 0,26 à 0,36) et de honour_base_rate (0,12 ; 0,09 à 0,15) ; kill_rate compte peu."
    )


@pytest.mark.parametrize(
    ("lang", "said", "title", "given"),
    [
        (
            "en",
            "The number of days of the first war (0 where there was none) depends mostly on ",
            "<!-- Days of the first war (0 where there was none): Morris screening",
            "how long the first war lasts",
        ),
        (
            "fr",
            "Le nombre de jours de la première guerre (0 sans guerre) dépend surtout de ",
            "<!-- Jours de la première guerre (0 sans guerre)\u00a0: Criblage de Morris",
            "la durée de la première guerre",
        ),
    ],
)
def test_the_length_of_a_war_is_named_as_its_indices_measure_it(
    tmp_path, sahelsim, lang, said, title, given
):
    """The indices rank a war's days over every replicate, 0 where there was no war: named "how
    long the first war lasts", they read as a war's length given a war, which they are not."""
    out = tmp_path / "s"
    args = ("sensitivity", "gambia-2017", "--param", "kill_rate", "--param", "honour_base_rate")
    args += ("--n", "2", "-n", "3", "--seed", "5", "--outcome", "war_days")
    ran = sahelsim(*args, "--lang", lang, "--out", str(out))
    assert ran.status == 0, ran.err
    summary = (out / "summary.txt").read_text(encoding="utf-8")
    assert said in summary and said in ran.out
    assert given not in summary.lower()
    svg = (out / "figures" / "morris-war_days.svg").read_text(encoding="utf-8")
    assert title in svg  # matplotlib writes each text it draws as a comment


def test_a_mu_star_interval_never_goes_below_zero():
    # mu* is a mean of absolute effects: a bootstrap half-width larger than mu* is cut at 0.
    noisy = [_index("required_superiority", 0.2, 0.3, 1), _index("kill_rate", 0.0, 0.0, 2)]
    text = sentence("morris", noisy)
    assert "(mu* 0.20; 95 % CI 0.00 to 0.50)" in text
    assert "-0.10" not in text


def test_the_summary_says_when_intervals_are_too_wide_and_when_nothing_moves():
    noisy = [_index("required_superiority", 0.2, 0.3, 1), _index("kill_rate", 0.0, 0.0, 2)]
    assert sentence("morris", noisy).endswith(
        "The intervals are wide: more samples (--n) or replicates (-n) would sharpen this ranking."
    )
    still = [_index("required_superiority", 0.0, 0.0, 1), _index("kill_rate", 0.0, 0.0, 2)]
    assert sentence("morris", still) == (
        "Whether ECOWAS attacks did not change across the sample: no parameter, over the ranges "
        "explored, moves it."
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--method", "sobol", "--n", "10"),
            "--n 10: Sobol' sampling needs a power of 2; expected 8 or 16",
        ),
        (
            ("--param", "kill_rte"),
            "--param kill_rte: not a parameter with a declared range; expected one of ",
        ),
    ],
)
def test_bad_sensitivity_inputs_exit_2(tmp_path, sahelsim, args, message):
    out = tmp_path / "never"
    result = sahelsim("sensitivity", "gambia-2017", *args, "--out", str(out))
    assert result.status == 2
    assert result.err.startswith(f"sahelsim: {message}")
    assert "Traceback" not in result.err and not out.exists()


def test_a_misspelt_parameter_gets_a_suggestion(sahelsim):
    result = sahelsim("sensitivity", "gambia-2017", "--param", "kill_rte")
    assert result.err.endswith("; did you mean 'kill_rate'?\n")
