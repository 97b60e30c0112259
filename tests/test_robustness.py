"""The backtest's robustness probes: swings and flips on constructed cases, and the command.

Nothing here asserts that the model matches history, nor which figure matters: only that the
probes are planned, computed and written as documented.
"""

from __future__ import annotations

import csv
import datetime as dt
import json

import pytest

from sim.analysis.backtest import ItemKind, ItemValues
from sim.analysis.robustness import flips_by_episode, item_swings, ranked, top_swings
from sim.run.backtest import plan_backtest
from sim.run.robustness import Probe, plan_probes
from sim.scenario.facts import fact_base


def _item(values: str, observed: str = "true", kind: ItemKind = ItemKind.FORCE_USED):
    as_words = tuple("true" if v == "1" else "false" for v in values)
    return ItemValues("ep", kind, "ECOWAS → NER", observed, as_words)


PROBE = Probe("ep", "NER", "active_forces", 20_000, 50_000, 70_000)


def test_swing_is_the_spread_of_the_three_probabilities():
    # as cited 6/10 say yes (a match); low 2/10 (no match); high 7/10
    [s] = item_swings(PROBE, [_item("1111110000")], [_item("1100000000")], [_item("1111111000")])
    assert (s.p_low, s.p_value, s.p_high) == pytest.approx((0.2, 0.6, 0.7))
    assert s.swing == pytest.approx(0.5)
    assert (s.match_low, s.match_value, s.match_high) == (False, True, True)
    assert s.flips


def test_no_flip_when_the_match_holds_at_both_ends():
    [s] = item_swings(PROBE, [_item("1111110000")], [_item("1111111100")], [_item("1111111000")])
    assert not s.flips
    assert s.swing == pytest.approx(0.2)


def test_a_tie_is_not_a_match_so_reaching_one_flips():
    [s] = item_swings(PROBE, [_item("1111110000")], [_item("1111100000")], None)
    assert s.match_low is False and s.flips
    assert s.p_high is None and s.match_high is None
    assert s.swing == pytest.approx(0.1)


def test_a_missing_end_is_left_out_of_the_swing():
    [s] = item_swings(PROBE, [_item("1000")], None, None)
    assert s.swing == 0.0 and not s.flips


def test_probes_that_flip_come_first_within_their_episode():
    small = Probe("ep", "BEN", "active_forces", 10_000, 11_000, 12_000)
    big = Probe("ep", "MLI", "active_forces", 12_000, 37_500, 40_000)
    other = Probe("first", "GMB", "active_forces", 3_000, 3_500, 4_000)
    flips = item_swings(small, [_item("1100")], [_item("1110")], None)  # 50% → 75%: flips
    moves = item_swings(big, [_item("1000")], [_item("0000")], [_item("0000")])  # no flip
    quiet = item_swings(other, [_item("1000")], None, None)
    assert flips[0].flips and not moves[0].flips
    order = ranked([*moves, *flips, *quiet], ["first", "ep"])
    assert [s.probe.actor for s in order] == ["GMB", "BEN", "MLI"]
    assert list(flips_by_episode(order)) == ["ep"]
    assert [s.probe.actor for s in top_swings(order, 2)] == ["BEN", "MLI"]  # equal: flips first


def test_an_end_equal_to_the_value_is_not_run():
    probe = Probe("ep", "NGA", "active_forces", 140_000, 140_000, 230_000)
    assert probe.end("low") is None and probe.end("high") == 230_000


def test_niger_forces_are_probed_at_the_cited_ends_on_the_episodes_seeds():
    episodes = plan_backtest(["niger-2023-base"], replicates=3, seed=11)
    runs, probes, unprobed = plan_probes(episodes)
    ner = [r for r in runs if r.probe.actor == "NER"]
    assert {r.end for r in ner} == {"low", "high"}
    assert not unprobed
    cited = fact_base().states["NER"].forces_on(episodes[0].plan.scenario.start)
    for r in ner:
        expected = {"low": cited.low, "high": cited.high}[r.end]
        assert r.plan.scenario.actors["NER"].forces == expected
        assert r.plan.root_seed == 11 and r.plan.seeds == episodes[0].plan.seeds
    assert {p.figure for p in probes} >= {"active_forces", "fighters"}


def test_a_scenario_that_sets_forces_is_not_probed(write):
    from sim.resources import scenarios_dir

    base = scenarios_dir() / "niger-2023-base.yaml"
    path = write(f"extends: {base}\nactors:\n  NER:\n    forces: 30000\n" + _observed())
    episodes = plan_backtest([str(path)], replicates=2, seed=1)
    _, probes, unprobed = plan_probes(episodes)
    assert [(u.actor, u.set_to) for u in unprobed] == [("NER", 30_000)]
    assert "NER" not in {p.actor for p in probes}


def _observed() -> str:
    return (
        "observed:\n  outcome:\n    value: none\n"
        "    sources: [https://example.org/a]\n    year: 2023\n"
    )


@pytest.mark.slow
def test_robustness_end_to_end_the_same_on_one_and_two_workers(sahelsim, tmp_path):
    args = ("backtest", "--episodes", "niger-2023-base", "-n", "8", "--seed", "3", "--robustness")
    one = sahelsim(*args, "--out", str(tmp_path / "one"), "--no-figures")
    assert one.status == 0, one.err
    two = sahelsim(*args, "--workers", "2", "--out", str(tmp_path / "two"), "--no-figures")
    assert two.status == 0, two.err
    data = (tmp_path / "one" / "robustness.csv").read_bytes()
    assert data == (tmp_path / "two" / "robustness.csv").read_bytes()
    with open(tmp_path / "one" / "robustness.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    ner = [r for r in rows if r["actor"] == "NER" and r["figure"] == "active_forces"]
    cited = fact_base().states["NER"].forces_on(dt.date(2023, 8, 10))  # the episode's start
    ends = tuple(f"{v:g}" for v in (cited.low, cited.value, cited.high))
    assert ner and {(r["low"], r["value"], r["high"]) for r in ner} == {ends}
    for r in ner:
        ps = [float(r[k]) for k in ("p_low", "p_value", "p_high")]
        assert float(r["swing"]) == pytest.approx(max(ps) - min(ps))
    assert "Robustness" in (tmp_path / "one" / "report.md").read_text(encoding="utf-8")
    assert "Largest swings" in one.out


@pytest.mark.slow
def test_robustness_speaks_french_and_resumes(sahelsim, tmp_path):
    out = tmp_path / "fr"
    args = (
        "backtest",
        "--episodes",
        "gambia-2017-ultimatum",
        "-n",
        "2",
        "--seed",
        "2",
        "--out",
        str(out),
    )
    fr = sahelsim(*args, "--robustness", "--lang", "fr", "--no-figures")
    assert fr.status == 0, fr.err
    for english in ("Largest", "swing", "as cited", "active forces", "Robustness", " of "):
        assert english not in fr.out, english
    assert "Robustesse" in fr.out
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "écart" in report and "forces actives" in report and "as cited" not in report
    before = (out / "robustness.csv").read_bytes()
    again = sahelsim(*args, "--resume", "--no-figures")  # the plan recalls --robustness
    assert again.status == 0, again.err
    assert (out / "robustness.csv").read_bytes() == before


def test_an_inline_actor_s_cited_range_is_probed_through_its_figure():
    episodes = plan_backtest(["scenarios/history/liberia-1990.yaml"], replicates=2, seed=5)
    runs, probes, _ = plan_probes(episodes)
    npfl = [r for r in runs if r.probe.actor == "NPFL"]
    cited = episodes[0].plan.scenario.actors["NPFL"].forces
    assert {r.end: r.plan.scenario.actors["NPFL"].forces.value for r in npfl} == {
        "low": cited.low,
        "high": cited.high,
    }
    assert ("NPFL", "forces") in {(p.actor, p.figure) for p in probes}


@pytest.mark.slow
def test_json_carries_the_robustness_rows_of_the_csv(sahelsim, tmp_path):
    out = tmp_path / "json"
    args = ("backtest", "--episodes", "sierra-leone-1997", "-n", "4", "--seed", "4")
    result = sahelsim(*args, "--robustness", "--json", "--no-figures", "--out", str(out))
    assert result.status == 0, result.err
    document = json.loads(result.out)
    with open(out / "robustness.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(document["robustness"]["rows"]) == len(rows) > 0
    for row, obj in zip(rows, document["robustness"]["rows"], strict=True):
        assert (row["episode"], row["actor"], row["figure"], row["item"]) == (
            obj["episode"],
            obj["actor"],
            obj["figure"],
            obj["item"],
        )
        assert float(row["swing"]) == pytest.approx(obj["swing"])
        assert (row["flips"] == "true") is obj["flips"]
    assert {"AFRC", "RUF"} <= {r["actor"] for r in document["robustness"]["rows"]}


@pytest.mark.slow
def test_what_the_model_gave_where_it_missed_folds_at_80_columns(sahelsim, tmp_path, monkeypatch):
    """Liberia 1990 on three replicates may miss its mediated end: the line that says what the
    model gave instead folds under its dash at the terminal's width, every word whole."""
    monkeypatch.setenv("COLUMNS", "80")
    for seed in range(1, 30):  # the first seed whose three replicates miss it
        args = ("backtest", "--episodes", "liberia-1990", "-n", "3", "--seed", str(seed))
        result = sahelsim(*args, "--no-figures", "--out", str(tmp_path / str(seed)))
        assert result.status == 0, result.err
        lines = [line for line in result.out.splitlines() if str(tmp_path) not in line]
        missed = [i for i, line in enumerate(lines) if line.startswith("- liberia-1990, first")]
        if missed:
            break
    start = missed[0]
    assert lines[start + 1].startswith("  ") and not lines[start + 1].startswith("   ")
    assert max(len(line.rstrip()) for line in lines) <= 80
    told = " ".join(line.strip() for line in lines[start : start + 3])
    assert "(observed: mediated)" in told and "mediated 33 %" in told


def test_the_tables_read_whole_at_80_columns(sahelsim, tmp_path, monkeypatch):
    """Long names and ranges fold onto the next line; no word is cut to an ellipsis."""
    monkeypatch.setenv("COLUMNS", "80")
    args = ("backtest", "--episodes", "guinea-bissau-1998", "-n", "3", "--seed", "2")
    result = sahelsim(*args, "--robustness", "--no-figures", "--out", str(tmp_path / "b"))
    assert result.status == 0, result.err
    assert "…" not in result.out
    table_lines = [line for line in result.out.splitlines() if str(tmp_path) not in line]
    assert max(len(line.rstrip()) for line in table_lines) <= 80
    run = sahelsim(
        "run", "niger-2023-base", "-n", "3", "--no-figures", "--out", str(tmp_path / "r")
    )
    assert run.status == 0 and "…" not in run.out + run.err
