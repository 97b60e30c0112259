"""`sahelsim sweep`: grids and Latin hypercubes on common random numbers."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict

import numpy as np
import pytest

from sim.model.outcomes import SUMMARY_COLUMNS
from sim.run.plan import replicate_seeds
from sim.run.sweep import Axis, latin_hypercube, lhs_design, parse_param

HONOUR = "parameters.honour_base_rate"


def _rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def small_sweep(tmp_path, sahelsim):
    """Three values of the base rate of honouring, four replicates each, on The Gambia 2017."""
    out = tmp_path / "sweep"
    result = sahelsim(
        "sweep", "gambia-2017", "--param", f"{HONOUR}=0:1:3", "-n", "4", "--seed", "11",
        "--out", str(out),
    )  # fmt: skip
    assert result.status == 0, result.err
    return out, result


def test_a_grid_writes_one_row_per_point_and_replicate_with_its_values(small_sweep):
    out, result = small_sweep
    rows = _rows(out / "results.csv")
    assert [(r["point"], r["replicate"]) for r in rows] == [
        (str(p), str(r)) for p in range(3) for r in range(4)
    ]
    assert [r[HONOUR] for r in rows] == ["0"] * 4 + ["0.5"] * 4 + ["1"] * 4
    assert set(SUMMARY_COLUMNS) <= set(rows[0])
    assert _rows(out / "points.csv") == [
        {"point": "0", HONOUR: "0"},
        {"point": "1", HONOUR: "0.5"},
        {"point": "2", HONOUR: "1"},
    ]
    means = _rows(out / "means.csv")
    assert [m["replicates"] for m in means] == ["4", "4", "4"]
    assert {"ecowas_attacked_low", "casualties_high"} <= set(means[0])
    figures = {p.name for p in (out / "figures").iterdir()}
    for outcome in ("ecowas_attacked", "aes_entered", "war_days", "casualties"):
        assert {f"sweep-{outcome}.png", f"sweep-{outcome}.svg"} <= figures
    assert "Not a forecast." in result.out
    # what the intervals leave out: the other parameters are not drawn from the posterior
    assert "Parameters not varied keep their single values" in " ".join(result.out.split())


def test_a_sweep_in_french_says_so_in_french(tmp_path, sahelsim):
    result = sahelsim("sweep", "gambia-2017", "--param", f"{HONOUR}=0:1:2", "-n", "2", "--seed",
                      "11", "--lang", "fr", "--no-figures", "--out", str(tmp_path / "s"))  # fmt: skip
    assert result.status == 0, result.err
    said = " ".join(result.out.split())
    assert "Les autres paramètres gardent leur valeur fixe" in said
    for english in ("Parameters", "replicate seeds", "Not a forecast", "Every point"):
        assert english not in said, english


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_sweep_table_at_80_columns_keeps_every_number_whole(
    tmp_path, sahelsim, monkeypatch, lang
):
    """At 80 columns a French interval was printed "[4 510 ; 8" over "804]": rich breaks a line
    at any space, the narrow no-break space that groups a French number's thousands included.
    A narrow column now folds an interval between its bounds; English never had the trouble."""
    import re

    from rich.cells import cell_len
    from rich.console import Console

    from sim.analysis.sensitivity import is_share
    from sim.present.sweep_figures import print_sweep

    monkeypatch.setenv("COLUMNS", "80")
    out = tmp_path / "s"
    result = sahelsim("sweep", "niger-2023-intervention", "--param", f"{HONOUR}=0:1:2", "-n", "8",
                      "--seed", "3", "--lang", lang, "--no-figures", "--out", str(out))  # fmt: skip
    assert result.status == 0, result.err
    foot = "Chaque point" if lang == "fr" else "Every point"
    table = result.out[: result.out.index(foot)].splitlines()
    assert max(cell_len(line) for line in table) <= 80

    wide = Console(width=400, record=True, file=io.StringIO())
    manifest = json.loads((out / "manifest.json").read_text())
    shares = {c: is_share(out / "results.csv", c) for c in manifest["outcomes"]}
    print_sweep(out, manifest, shares, lang=lang, console=wide)
    text = wide.export_text()
    numbers = re.findall(r"\d(?:[\d\u202f,.]*\d)?[kM]?(?:\u202f?%)?", text[: text.index(foot)])
    if lang == "fr":  # the case in point: thousands and a percent sign after a narrow space
        assert any(re.fullmatch(r"\d+\u202f\d{3}", n) for n in numbers), numbers
        assert any(n.endswith("\u202f%") for n in numbers), numbers
    for number in numbers:
        assert any(number in line for line in table), (number, "\n".join(table))


@pytest.mark.parametrize("lang, written", [("en", "40,000"), ("fr", "40\u202f000")])
def test_the_sweep_table_groups_the_thousands_of_a_swept_value(lang, written):
    """A swept army of 40,000 read "40000" in the table, in French as in English."""
    from rich.console import Console

    from sim.present.sweep_figures import Means, sweep_table

    days = {"war_days": np.array([120.0, 60.0])}
    means = Means(["actors.NER.active_forces"], ["war_days"], np.array([[20000.0], [40000.0]]),
                  days, days, days, np.arange(2))  # fmt: skip
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(sweep_table(means, {"war_days": False}, lang=lang))
    text = console.export_text()
    assert written in text and "40000" not in text


def test_the_manifest_records_scenario_seeds_design_and_command(small_sweep):
    out, _ = small_sweep
    manifest = json.loads((out / "manifest.json").read_text())
    assert len(manifest["scenario"]["sha256"]) == 64
    assert manifest["seeds"]["root"] == 11
    assert manifest["seeds"]["replicates"] == list(replicate_seeds(11, 4))
    assert manifest["design"]["sample"] == "grid"
    assert manifest["design"]["parameters"][0]["path"] == HONOUR
    assert manifest["design"]["parameters"][0]["declared"]["unit"] == "probability"
    assert manifest["replicates"] == {
        "per_point": 4,
        "planned": 12,
        "completed": 12,
        "points_completed": 3,
        "interrupted": False,
    }
    assert manifest["command"][0] == "sahelsim" and "--seed" in manifest["reproduce"]
    assert manifest["timings"]["seconds"] >= 0
    assert not (out / ".partial").exists()


def test_every_point_runs_the_same_replicate_seeds(small_sweep):
    """Common random numbers: replicate r has the same seed at every point."""
    out, _ = small_sweep
    seeds = defaultdict(list)
    for row in _rows(out / "results.csv"):
        seeds[row["point"]].append(int(row["seed"]))
    assert seeds["0"] == seeds["1"] == seeds["2"] == list(replicate_seeds(11, 4))


@pytest.mark.slow
def test_aes_entry_never_falls_as_the_base_rate_of_honouring_rises(tmp_path, sahelsim):
    """More honouring can only bring the AES in more often (each obligation's draw is shared)."""
    out = tmp_path / "honour"
    result = sahelsim(
        "sweep", "niger-2023-intervention", "--param", f"{HONOUR}=0:1:3", "-n", "30",
        "--seed", "5", "--outcome", "aes_entered", "--out", str(out), "-q",
    )  # fmt: skip
    assert result.status == 0, result.err
    shares = [float(m["aes_entered"]) for m in _rows(out / "means.csv")]
    assert shares == sorted(shares)
    assert shares[0] < shares[-1]  # and it does move


def test_two_parameters_on_a_grid_cross_every_value(tmp_path, sahelsim):
    out = tmp_path / "grid"
    result = sahelsim(
        "sweep", "gambia-2017", "--param", f"{HONOUR}=0:1:2",
        "--param", "actors.GMB.resolve=0.1:0.9:3", "-n", "2", "--seed", "1", "--out", str(out), "-q",
    )  # fmt: skip
    assert result.status == 0, result.err
    points = [(p[HONOUR], p["actors.GMB.resolve"]) for p in _rows(out / "points.csv")]
    assert points == [(h, r) for h in ("0", "1") for r in ("0.1", "0.5", "0.9")]
    assert (out / "figures" / "sweep-casualties.svg").exists()  # a heat map per outcome


# --------------------------------------------------------------------------- Latin hypercube


def test_a_latin_hypercube_hits_every_stratum_of_every_axis_once():
    unit = latin_hypercube(50, 3, seed=4)
    for j in range(3):
        strata = np.floor(unit[:, j] * 50).astype(int)
        assert sorted(strata) == list(range(50))


def test_a_latin_hypercube_is_reproducible_from_the_root_seed():
    axes = [
        parse_param(HONOUR, grid=False),
        parse_param("parameters.kill_rate=0.001:0.01", grid=False),
    ]
    first, again = lhs_design(axes, 20, root_seed=7), lhs_design(axes, 20, root_seed=7)
    other = lhs_design(axes, 20, root_seed=8)
    assert np.array_equal(first.values, again.values)
    assert not np.array_equal(first.values, other.values)
    assert first.values[:, 0].min() >= 0 and first.values[:, 0].max() <= 1  # the declared range
    kill = first.values[:, 1]
    assert sorted(np.floor((kill - 0.001) / 0.009 * 20).astype(int)) == list(range(20))


def test_lhs_from_the_command_line_repeats_with_the_same_seed(tmp_path, sahelsim):
    def run(name):
        result = sahelsim(
            "sweep", "gambia-2017", "--sample", "lhs", "--n", "6", "--param", HONOUR,
            "--param", "actors.GMB.resolve=0:0.5", "-n", "2", "--seed", "3",
            "--outcome", "casualties", "--out", str(tmp_path / name), "-q",
        )  # fmt: skip
        assert result.status == 0, result.err
        return (tmp_path / name / "points.csv").read_bytes(), (
            tmp_path / name / "results.csv"
        ).read_bytes()

    assert run("a") == run("b")
    rows = _rows(tmp_path / "a" / "points.csv")
    assert len(rows) == 6 and all(0 <= float(r["actors.GMB.resolve"]) <= 0.5 for r in rows)


def test_whole_number_parameters_are_rounded():
    axis = Axis("parameters.decision_window", 1, 365, None, True)
    design = lhs_design([axis], 10, root_seed=1)
    assert all(v == int(v) for v in design.values[:, 0])
    assert all(t.isdigit() for p in range(10) for t in design.texts(p))


# --------------------------------------------------------------------------- workers


@pytest.mark.slow
def test_one_or_two_workers_write_byte_identical_results(tmp_path, sahelsim):
    outs = []
    for workers in ("1", "2"):
        out = tmp_path / f"w{workers}"
        result = sahelsim(
            "sweep", "gambia-2017", "--param", f"{HONOUR}=0.2:0.8:4", "-n", "30",
            "--seed", "9", "--workers", workers, "--out", str(out), "-q",
        )  # fmt: skip
        assert result.status == 0, result.err
        outs.append(out)
    for name in ("results.csv", "points.csv", "means.csv"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name


# --------------------------------------------------------------------------- bad input

SWEEP = ("sweep", "gambia-2017", "-n", "2")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--param", f"{HONOUR}=1:0:3"),
            f"--param {HONOUR}=1:0:3: LO must be below HI; got LO 1 and HI 0",
        ),
        (
            ("--param", f"{HONOUR}=0:1:1"),
            f"--param {HONOUR}=0:1:1: N, the number of points, is '1'; expected a whole number "
            "of at least 2",
        ),
        (
            ("--param", f"{HONOUR}=0:1.5:3"),
            f"--param {HONOUR}=0:1.5:3: 1.5 is outside the declared range of {HONOUR}; expected "
            "0 to 1 (probability)",
        ),
        (
            ("--param", f"{HONOUR}=0-1-3"),
            f"--param {HONOUR}=0-1-3: expected PATH=LO:HI:N, e.g. {HONOUR}=0:1:5",
        ),
        (
            ("--param", f"{HONOUR}=low:1:3"),
            f"--param {HONOUR}=low:1:3: 'low' is not a number; expected PATH=LO:HI:N, e.g. "
            f"{HONOUR}=0:1:5",
        ),
        (
            ("--param", HONOUR),
            f"--param {HONOUR}: a grid needs a range and a number of points; expected "
            f"PATH=LO:HI:N, e.g. {HONOUR}=0:1:5",
        ),
        (
            ("--param", "actors.NER.resolve=0:1:3"),
            "--param actors.NER.resolve=0:1:3: NER is not among this scenario's actors; expected "
            "one of GHA, GMB, MLI, NGA, SEN, TGO",
        ),
        (
            ("--param", "days=10:20:4"),
            "--param days=10:20:4: days: wrong value; got 13.3333333333; expected a whole "
            "number, without a fractional part",
        ),
        (
            ("--param", f"{HONOUR}=0:1:3", "--param", f"{HONOUR}=0:1:2"),
            f"--param {HONOUR}=0:1:2: {HONOUR} is given twice; expected each path once",
        ),
        (
            ("--sample", "lhs", "--param", HONOUR),
            "--sample lhs needs --n, the number of points, e.g. --n 50",
        ),
        (
            ("--sample", "lhs", "--n", "5", "--param", "days"),
            "--param days: days has no declared range; expected PATH=LO:HI",
        ),
        (
            ("--n", "5", "--param", f"{HONOUR}=0:1:3"),
            "--n 5: sets the points of --sample lhs; a grid's points come from each --param "
            "PATH=LO:HI:N",
        ),
    ],
)
def test_bad_params_exit_2_with_a_message_and_write_nothing(tmp_path, sahelsim, args, message):
    out = tmp_path / "never"
    result = sahelsim(*SWEEP, *args, "--out", str(out))
    assert result.status == 2
    assert result.err == f"sahelsim: {message}\n"
    assert not out.exists()


def test_a_misspelt_path_gets_the_loaders_suggestion(tmp_path, sahelsim):
    out = tmp_path / "never"
    result = sahelsim(*SWEEP, "--param", "parameters.honor_base_rate=0:1:3", "--out", str(out))
    assert result.status == 2 and not out.exists()
    assert result.err.startswith(
        "sahelsim: --param parameters.honor_base_rate=0:1:3: parameters.honor_base_rate: "
        "unknown key 'honor_base_rate'; expected one of "
    )
    assert result.err.endswith("; did you mean 'honour_base_rate'?\n")
    assert "Traceback" not in result.err


def test_a_misspelt_outcome_gets_a_suggestion(tmp_path, sahelsim):
    result = sahelsim(*SWEEP, "--param", f"{HONOUR}=0:1:2", "--outcome", "war_day")
    assert result.status == 2
    assert result.err.startswith("sahelsim: --outcome war_day: not a summary column; expected ")
    assert result.err.endswith("; did you mean 'war_days'?\n")


def test_an_existing_folder_is_never_written_over(tmp_path, sahelsim):
    out = tmp_path / "busy"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    result = sahelsim(*SWEEP, "--param", f"{HONOUR}=0:1:2", "--out", str(out))
    assert result.status == 2 and "already exists" in result.err
    assert [p.name for p in out.iterdir()] == ["keep.txt"]


def test_a_replicate_that_raises_is_kept_as_data_and_the_sweep_goes_on(
    tmp_path, sahelsim, monkeypatch
):
    import sim.run.sweep as sweep

    bad_seed = replicate_seeds(4, 3)[1]
    real = sweep.run_one

    def flaky(scenario, seed):
        if seed == bad_seed and scenario.parameters.honour_base_rate == 1:
            raise RuntimeError("boom")
        return real(scenario, seed)

    monkeypatch.setattr(sweep, "run_one", flaky)
    out = tmp_path / "flaky"
    result = sahelsim(
        "sweep", "gambia-2017", "--param", f"{HONOUR}=0:1:2", "-n", "3", "--seed", "4",
        "--outcome", "casualties", "--out", str(out), "-q",
    )  # fmt: skip
    assert result.status == 0, result.err
    assert "1 replicate(s) failed" in result.err
    rows = _rows(out / "results.csv")
    assert [(r["point"], r["replicate"]) for r in rows] == [
        ("0", "0"), ("0", "1"), ("0", "2"), ("1", "0"), ("1", "2"),
    ]  # fmt: skip
    failure = json.loads((out / "failures.jsonl").read_text())
    assert (failure["point"], failure["replicate"], failure["seed"]) == (1, 1, bad_seed)
    assert "RuntimeError: boom" in failure["traceback"]
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["failed"]["count"] == 1
    assert [m["replicates"] for m in _rows(out / "means.csv")] == ["3", "2"]


def test_results_stream_point_by_point_so_memory_does_not_grow_with_the_points(monkeypatch):
    """The first rows of a million-point sweep come out before a second point is even loaded."""
    import sim.run.sweep as sweep

    axes = [parse_param(f"{HONOUR}=0:1:1000000", grid=True)]
    plan = sweep.plan_sweep(
        "gambia-2017", [], lambda _root: sweep.grid_design(axes), replicates=2, seed=1
    )
    loads = []
    real = sweep.load_scenario
    monkeypatch.setattr(sweep, "load_scenario", lambda *a, **k: loads.append(a) or real(*a, **k))
    chunks = sweep.execute_sweep(plan, workers=1)
    first = next(chunks)
    assert first.replicates == 2 and first.rows.startswith("0,0,")
    assert len(loads) == 1
    chunks.close()
