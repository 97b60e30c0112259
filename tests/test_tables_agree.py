"""Tables and figures agree, and each number means what its label says (issue 14, item 3)."""

from __future__ import annotations

import csv
import html
import re
from collections import Counter

import pytest
from conftest import NIGER_AT_THE_EDGE
from rich.console import Console

from sim.analysis.summary import key_estimates, key_estimates_of
from sim.analysis.typical import representative_replicate
from sim.model.outcome_registry import OUTCOMES
from sim.present import figures as fg
from sim.present.console import print_run_summary
from sim.present.report import build_report
from sim.run.bundle import read_summary


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    from sim.cli import main

    out = tmp_path_factory.mktemp("pair") / "c"
    main(
        ["compare", "niger-2023-base", "niger-2023-no-pact", "-n", "16", "--seed", "3",
         "--set", "parameters.concession_rate=0", "--set", NIGER_AT_THE_EDGE, "--out", str(out), "-q"]
    )  # fmt: skip
    return out


@pytest.fixture(scope="module")
def gambia(tmp_path_factory):
    from sim.cli import main

    out = tmp_path_factory.mktemp("gambia") / "run"
    main(["run", "gambia-2017", "-n", "6", "--seed", "2", "--out", str(out), "-q"])
    return out


def _comparison(out):
    with open(out / "comparison.csv", encoding="utf-8") as handle:
        return {row["outcome"]: row for row in csv.DictReader(handle)}


def test_the_overlay_plots_the_mean_the_table_reports_and_says_so(pair):
    bands = fg.read_bands(pair / "a"), fg.read_bands(pair / "b")
    fig = fg.plot_overlay(*bands, names=("a", "b"), title="t", seed=3)
    growth = fig.axes[3]  # armed groups' fighters
    lines = growth.get_lines()
    for line, side in zip(lines, bands, strict=True):
        assert list(line.get_ydata()) == pytest.approx(list(side["insurgent_strength"].mean))
    assert all("mean" in t.get_text() for t in fig.axes[0].get_legend().get_texts())
    assert "mean over replicates" in fig.get_supxlabel()
    # The table's insurgent growth (B - A, a mean) and the figure's last day move the same way.
    table = float(_comparison(pair)["insurgent_strength_change"]["difference"])
    figure = lines[1].get_ydata()[-1] - lines[0].get_ydata()[-1]
    assert table != 0 and (table > 0) == (figure > 0)


def test_war_duration_is_given_a_war_not_averaged_with_zeros():
    rows = [
        {"war_occurred": "true", "war_days": "10"},
        {"war_occurred": "true", "war_days": "30"},
        {"war_occurred": "false", "war_days": "0"},
        {"war_occurred": "false", "war_days": "0"},
    ]
    for row in rows:
        row.update({o: "false" for o in OUTCOMES if o not in row})
        row.update(casualties="0", insurgent_strength_change="0", counterinsurgency_lost="0")
    found = {k.outcome.column: k.estimate for k in key_estimates_of(rows, frozenset(OUTCOMES))}
    assert found["war_days"].value == 20 and found["war_days"].n == 2
    assert found["war_occurred"].value == 0.5  # the share with a war, on its own row


def test_the_terminal_table_labels_war_duration_given_a_war(pair):
    console = Console(record=True, width=200)
    print_run_summary(pair / "b", console=console)
    line = next(x for x in console.export_text().splitlines() if x.startswith("War duration"))
    rows = read_summary(pair / "b")
    wars = [int(r["war_days"]) for r in rows if r["war_occurred"] == "true"]
    assert wars and line.startswith("War duration, given a war")
    assert line.split()[5] == f"{sum(wars) / len(wars):,.0f}"
    assert "over the replicates with a war" in line


def test_an_outcome_the_scenario_cannot_produce_is_n_a_not_zero(gambia):
    for lang, na in (("en", "n/a"), ("fr", "s.o.")):
        console = Console(record=True, width=200)
        print_run_summary(gambia, console=console, lang=lang)
        label = OUTCOMES["aes_entered"].label(lang)  # no AES in 2017
        line = next(x for x in console.export_text().splitlines() if x.startswith(label))
        assert line.split(label)[1].split()[0] == na
        assert "%" not in line.split(label)[1][:20]
        report = build_report(gambia, lang=lang)
        assert f"<td>{html.escape(label)}</td><td>{na}</td>" in report
    keys = {k.outcome.column: k.estimate for k in key_estimates(gambia)}
    assert keys["aes_entered"] is None and keys["ecowas_attacked"] is not None
    fig = fg.plot_outcomes(key_estimates(gambia), [], replicates=6, title="t", seed=2)
    assert any(t.get_text().startswith("n/a") for t in fig.axes[0].texts)


def test_the_report_tells_a_typical_replicate_with_dates(pair):
    bundle = pair / "b"
    rows = read_summary(bundle)
    chosen = representative_replicate(rows)
    commonest, _ = Counter(r["first_war_outcome"] for r in rows).most_common(1)[0]
    assert rows[chosen]["first_war_outcome"] == commonest
    story = build_report(bundle).split('<div class="narrative">')[1].split("</div>")[0]
    paragraphs = re.findall(r"<p>(.*?)</p>", story)
    assert paragraphs
    dated = r'<span class="date">\d{1,2} [A-Z][a-z]{2} \d{4}</span> — '
    assert all(re.match(dated, p) for p in paragraphs)
    french = build_report(bundle, lang="fr").split('<div class="narrative">')[1]
    assert re.search(r'<span class="date">\d{1,2}(er)? [a-zéû]+\.? \d{4}</span>', french)


def test_a_sweep_gives_war_duration_given_a_war_and_cuts_intervals_at_zero(tmp_path):
    from sim.analysis.sensitivity import point_estimates

    results = tmp_path / "results.csv"
    results.write_text(
        "point,replicate,war_occurred,war_days,casualties\n"
        "0,0,true,10,0\n0,1,true,30,9000\n0,2,false,0,0\n0,3,false,0,0\n"
        "1,0,false,0,0\n1,1,false,0,0\n"
    )
    columns = ["war_days", "casualties"]
    first, second = point_estimates(results, [], columns)
    assert first.estimates["war_days"].value == 20 and first.replicates == 4
    assert first.estimates["casualties"].low == 0  # a t interval would reach below zero
    assert second.estimates["war_days"].n == 0  # no war: no length to average
    # The sensitivity indices need a value everywhere: there no war counts 0 days.
    unconditioned, _ = point_estimates(results, [], columns, given=False)
    assert unconditioned.estimates["war_days"].value == 10


def test_a_war_length_is_never_estimated_beyond_the_runs_horizon(tmp_path):
    """Two wars in a year's run, of 20 and 340 days: the t interval on their mean reaches far
    past 365 days, which no war of the run could last (a newcomer's sweep showed 1,403)."""
    from sim.analysis.estimates import estimate
    from sim.analysis.sensitivity import point_estimates
    from sim.model.outcome_registry import OUTCOMES

    results = tmp_path / "results.csv"
    results.write_text(
        "point,replicate,war_occurred,war_days\n0,0,true,20\n0,1,true,340\n0,2,false,0\n"
    )
    [unbounded] = point_estimates(results, [], ["war_days"])
    assert unbounded.estimates["war_days"].high > 365  # the check below can fail
    [point] = point_estimates(results, [], ["war_days"], horizon=365)
    assert point.estimates["war_days"].high == 365 and point.estimates["war_days"].value == 180
    run = estimate(OUTCOMES["war_days"], [20, 340], horizon=365)
    assert run.high == 365 and run.low == 0


def test_compare_says_how_its_war_duration_row_is_paired(pair):
    rows = _comparison(pair)["war_days"]
    a, b = read_summary(pair / "a"), read_summary(pair / "b")
    both = sum(x["war_occurred"] == y["war_occurred"] == "true" for x, y in zip(a, b, strict=True))
    assert int(rows["replicates"]) == both
    wars_b = [int(r["war_days"]) for r in b if r["war_occurred"] == "true"]
    assert float(rows["b"]) == pytest.approx(sum(wars_b) / len(wars_b), rel=1e-5)
    from sim.analysis.compare import compare_bundles
    from sim.present.comparison import print_comparison

    console = Console(record=True, width=200)
    print_comparison(compare_bundles(pair / "a", pair / "b"), ("a", "b"), pair, console=console)
    assert f"pairs the replicates with a war in both (n = {both})" in console.export_text()


def test_the_sweep_table_is_french_in_french():
    import numpy as np

    from sim.present.sweep_figures import Means, sweep_table

    columns = ["war_occurred", "casualties"]
    means = Means(
        paths=["parameters.kill_rate"],
        outcomes=columns,
        values=np.array([[0.5]]),
        mean={"war_occurred": np.array([0.25]), "casualties": np.array([1234.5])},
        low={"war_occurred": np.array([0.1]), "casualties": np.array([0.0])},
        high={"war_occurred": np.array([0.5]), "casualties": np.array([2468.0])},
        points=np.array([0]),
    )
    console = Console(record=True, width=80)
    console.print(sweep_table(means, {"war_occurred": True, "casualties": False}, lang="fr"))
    text = console.export_text().replace("\u202f", " ").replace("\u00a0", " ")
    assert "0,5" in text and "25 %" in text and "10 % à 50 %" in text
    assert "1 234" in text and "0 à 2 468" in text and "[" not in text
    assert "0.5" not in text and "25%" not in text


def test_a_run_piped_with_its_errors_into_one_file_says_its_title_once(tmp_path):
    """`sahelsim run ... 2>&1 | less`: the header before the work would repeat the summary's."""
    import subprocess
    import sys

    out = tmp_path / "run"
    done = subprocess.run(
        [sys.executable, "-m", "sim", "run", "gambia-2017", "-n", "2", "--seed", "1",
         "--no-figures", "--out", str(out)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout
    title = "The Gambia, January 2017"
    assert done.stdout.count(title) == 1, done.stdout
    apart = subprocess.run(
        [sys.executable, "-m", "sim", "run", "gambia-2017", "-n", "2", "--seed", "1",
         "--no-figures", "--out", str(tmp_path / "apart")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert title in apart.stderr and title in apart.stdout, "apart, each stream keeps its own"


def test_a_backtest_piped_into_a_file_starts_with_its_table_not_blank_lines(tmp_path):
    """`sahelsim backtest 2>&1 > file`: a progress bar is for a terminal; in a file each
    episode's bar left an empty line before the table."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "sim", "backtest", "--episodes", "gambia-2017-ultimatum",
         "--episodes", "burkina-faso-2015", "-n", "4", "--out", str(tmp_path / "bt")],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout
    assert done.stdout.splitlines()[0].startswith("episode"), done.stdout[:200]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_one_replicate_in_two_hundred_is_not_shown_as_none(lang):
    """A war in 1 of 200 replicates read "0 %", which the README says to read as "no way for it
    to happen"; one short of all read "100 %". Neither is rounded away; none and all are kept."""
    from sim.analysis.estimates import proportion
    from sim.present.console import format_estimate
    from sim.present.i18n import percent

    war = OUTCOMES["war_occurred"]
    shown = {k: format_estimate(proportion(k, 200), war, lang)[0] for k in (0, 1, 199, 200)}
    assert shown == {
        0: percent(0, lang),
        1: f"< {percent(0.01, lang)}",
        199: f"> {percent(0.99, lang)}",
        200: percent(1, lang),
    }


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_change_that_rounds_to_nothing_has_no_minus_sign(lang):
    """Insurgent growth of -0.001 read "-0.00" ("-0,00"), a sign with nothing to carry it."""
    from sim.analysis.estimates import Estimate
    from sim.present.console import format_estimate

    growth = OUTCOMES["insurgent_strength_change"]
    value, interval = format_estimate(Estimate(-0.001, -0.2, 0.004, 200), growth, lang)
    assert value == {"en": "0.00", "fr": "0,00"}[lang]
    assert interval.startswith({"en": "-0.20", "fr": "-0,20"}[lang])  # a real minus stays


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_run_and_the_sweep_write_an_interval_the_same_way(
    tmp_path, sahelsim, monkeypatch, lang
):
    """The sweep's table wrote "[68, 100%]" ("[68 ; 100 %]") where the run's wrote "68% to
    100%" ("68 % à 100 %"): the same estimate, on the same seeds and values, in two forms."""
    monkeypatch.delenv("COLUMNS", raising=False)  # each row whole, on one line
    common = ("-n", "8", "--seed", "1", "--no-figures", "--lang", lang)
    run = sahelsim("run", "gambia-2017", "--parameters", "point", "--set",
                   "parameters.honour_base_rate=0", "--out", str(tmp_path / "run"), *common)  # fmt: skip
    sweep = sahelsim("sweep", "gambia-2017", "--param", "parameters.honour_base_rate=0:1:2",
                     "--outcome", "ecowas_attacked", "--out", str(tmp_path / "sweep"), *common)  # fmt: skip
    assert run.status == sweep.status == 0, run.err + sweep.err
    label = {"en": "ECOWAS attacks", "fr": "La CEDEAO attaque"}[lang]
    row = next(line for line in run.out.splitlines() if line.startswith(label))
    cells = [cell.strip() for cell in row.removeprefix(label).split("  ") if cell.strip()]
    said = cells[1]  # the estimate, then its interval
    assert said.replace("\u202f", " ") == {"en": "68% to 100%", "fr": "68 % à 100 %"}[lang]
    assert said in [line.strip() for line in sweep.out.splitlines()], sweep.out
