"""The figures draw what they claim: bands, event markers, war spells, countries and arrows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import MODELLED_STATES
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, Rectangle
from matplotlib.text import Text

from sim.present import figures as fg
from sim.run.replicate import run_one
from sim.scenario.loading import load_scenario


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    from sim.cli import main

    out = tmp_path_factory.mktemp("figs") / "run"
    main(
        [
            "run",
            "niger-2023-intervention",
            "-n",
            "12",
            "--seed",
            "9",
            "--out",
            str(out),
            "-q",
            "--set",
            "commitment=strict",
        ]
    )
    return out


def _events(run):
    start = run.start
    return [
        {
            "replicate": 0,
            "day": r.day,
            "date": (start + dt.timedelta(days=r.day)).isoformat(),
            "kind": r.kind.value,
            "actor": r.actor,
            "target": r.target,
            **r.data,
        }
        for r in run.records
    ]


def test_bands_draw_two_bands_a_median_and_one_marker_per_event(bundle):
    bands = fg.read_bands(bundle)["casualties"]
    markers = [(dt.date(2023, 9, 18), "attack"), (dt.date(2023, 12, 22), "departure")]
    fig = fg.plot_band(bands, label="casualties", markers=markers)
    ax = fig.axes[0]
    assert isinstance(fig, Figure)
    assert sum(isinstance(c, PolyCollection) for c in ax.collections) == 2
    assert len([line for line in ax.lines if line.get_gid() == "event-marker"]) == 2
    assert len([line for line in ax.lines if line.get_gid() != "event-marker"]) == 1


def test_plot_band_draws_into_a_given_axes(bundle):
    fig = Figure()
    ax = fig.add_subplot()
    assert fg.plot_band(fg.read_bands(bundle)["wars"], label="wars", ax=ax) is fig


def test_the_timeseries_marks_the_scenario_s_dated_events(bundle):
    import yaml

    scenario = yaml.safe_load((bundle / "scenario.yaml").read_text())
    markers = fg.scheduled_markers(scenario)
    # Titled by what happens, not by the scenario file's ids (the threat is disabled).
    # The outside bodies' stands of 28 Jul 2023 move no plotted variable: not marked.
    first_day = ["Force refused at home: Nigeria", "Sanctions: ECOWAS → Niger"]
    assert [name for _, name in markers] == [*first_day, "Attack: ECOWAS → Niger"]
    fig = fg.plot_timeseries(fg.read_bands(bundle), title="t", seed=1, markers=markers)
    for ax in fig.axes:
        assert len([line for line in ax.lines if line.get_gid() == "event-marker"]) == 3
        assert sum(isinstance(c, PolyCollection) for c in ax.collections) == 2
        # The events of the first day share one label, one title per line.
        labels = [t.get_text() for t in ax.texts if t.get_gid() == "event-label"]
        assert labels == ["\n".join(first_day), "Attack: ECOWAS → Niger"]


def test_the_timeline_draws_one_bar_per_belligerent_with_the_clause():
    run = run_one(load_scenario("niger-2023-intervention", ["commitment=strict"]), 1)
    events = _events(run)
    fig = fg.plot_timeline(events, start=run.start, days=run.days, title="t", seed=1)
    bars = [
        p for p in fig.axes[0].patches if isinstance(p, Rectangle) and p.get_gid() == "war-spell"
    ]
    assert (
        len(bars) == len(fg.war_spells(events, run.days)) >= 7
    )  # 4 attackers, Niger, Mali, Burkina Faso
    labels = [t.get_text() for t in fig.axes[0].texts]
    assert labels.count("Art. 6") == 2


def test_a_war_fought_again_after_a_truce_is_drawn_in_spells_with_none_over_the_truce():
    """A timeline shows the truce: no one is drawn at war between the ceasefire and its breakdown."""
    events = [
        {
            "kind": "war_started",
            "war": 0,
            "day": 0,
            "actor": "REB",
            "attackers": ["REB"],
            "target": "GNB",
        },
        {"kind": "entered_war", "war": 0, "day": 5, "actor": "SEN", "side": 1, "article": "Art. 1"},
        {"kind": "war_ended", "war": 0, "day": 10},
        {"kind": "war_resumed", "war": 0, "day": 30},
        {"kind": "entered_war", "war": 0, "day": 35, "actor": "GIN", "side": 1},
    ]
    spells = {}
    for spell in fg.war_spells(events, 50):
        spells.setdefault(spell["actor"], []).append((spell["start"], spell["end"]))
    assert spells == {
        "REB": [(0, 10), (30, 50)],
        "GNB": [(0, 10), (30, 50)],
        "SEN": [(5, 10), (30, 50)],
        "GIN": [(35, 50)],
    }


def test_the_map_draws_every_modelled_country_and_one_arrow_per_obligation_between_states():
    from sim.present.geography import load_countries

    run = run_one(load_scenario("niger-2023-intervention", ["commitment=strict"]), 1)
    events = _events(run)
    fig = fg.plot_map(events, title="t", seed=1)
    ax = fig.axes[0]
    drawn = {p.get_gid() for p in ax.patches if p.get_gid() in load_countries()}
    assert set(MODELLED_STATES) <= drawn
    niger = next(p for p in ax.patches if p.get_gid() == "NER")
    assert niger.get_facecolor()[:3] == pytest.approx(
        tuple(int(fg.SIDE_COLOURS[2][i : i + 2], 16) / 255 for i in (1, 3, 5))
    )
    arrows = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    expected = [
        o
        for o in fg.map_obligations(events)
        if o[0] in fg.capitals() and o[1] in fg.capitals() and o[0] != o[1]
    ]
    assert len(arrows) == len(expected) >= 2


def test_the_maps_draw_a_state_the_scenario_defines_from_its_own_capital():
    """Chad 1980, written blind, defines Libya with Tripoli: its help to Chad is an arrow from
    there on both maps, as a state of the fact base's would be."""
    blind = Path(__file__).resolve().parent.parent / "docs" / "blind"
    load_scenario(str(blind / "readerI" / "chad-1980.yaml"))
    events = [{"kind": "response", "actor": "LBY", "target": "TCD", "response": "honoured"}]
    one = fg.plot_map(events, title="t", seed=1)
    many = fg.plot_map_frequencies({"TCD": 1.0}, {("LBY", "TCD"): 1.0}, 1, title="t", seed=1)
    for fig in (one, many):
        (arrow,) = [p for p in fig.axes[0].patches if isinstance(p, FancyArrowPatch)]
        assert arrow._posA_posB == [(13.19, 32.89), fg.capitals()["TCD"]]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_maps_never_call_a_granted_request_a_kept_obligation(lang):
    """Lesson 5: France answers Mali's request, which no treaty makes a duty; the legend and the
    titles say help given, not an obligation honoured."""
    run = run_one(load_scenario("lesson-5-asked-not-bound", ["commitment=strict"]), 1)
    events = _events(run)
    assert any(o[0] == "FRA" for o in fg.map_obligations(events)), "France's answer is drawn"
    one = fg.plot_map(events, title="t", seed=1, lang=lang)
    many = fg.plot_map_frequencies({"MLI": 1.0}, {("FRA", "MLI"): 1.0}, 1, title="t", seed=1,
                                   lang=lang)  # fmt: skip
    words = " ".join(t.get_text() for fig in (one, many) for t in fig.findobj(Text)).lower()
    for promise in ("honoured", "obligation", "honorée", "abstention"):
        assert promise not in words


def test_the_bundle_has_every_figure_in_png_and_svg(bundle):
    names = {p.name for p in (bundle / "figures").iterdir()}
    for stem in ("timeseries", "timeline", "map", "map-frequencies", "outcomes"):
        assert {f"{stem}.png", f"{stem}.svg"} <= names
    svg = (bundle / "figures" / "map.svg").read_text()
    assert "not a forecast" in svg and "Niger, August 2023" in svg


def test_every_svg_reference_resolves_and_ids_do_not_depend_on_the_last_bits_of_a_layout(bundle):
    import re

    for path in (bundle / "figures").glob("*.svg"):
        svg = path.read_bytes()
        defined = set(re.findall(rb'id="([^"]+)"', svg))
        used = set(re.findall(rb'(?:url\(#|href="#)([^)"]+)', svg))
        assert used and used <= defined, path.name  # every clip path and marker is there
        hashed = [name for name in defined if re.fullmatch(rb"[a-z]+[0-9a-f]{10}", name)]
        assert not hashed, path.name  # named by order, not by a hash of exact floats
    # Two drawings whose clip rectangle differs below the printed precision write the same bytes.
    a, b = (fg.canonical_svg(x, "t") for x in (
        b'<clipPath id="pfa5e83f0b4"/><g clip-path="url(#pfa5e83f0b4)"/>',
        b'<clipPath id="pe46fe3629f"/><g clip-path="url(#pe46fe3629f)"/>',
    ))  # fmt: skip
    assert a == b == b'<clipPath id="t-p1"/><g clip-path="url(#t-p1)"/>'
