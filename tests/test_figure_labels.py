"""Figure labels a reader can read: no collisions, no ids, contrast, and French all through.

Each test draws the real figure and reads back what matplotlib would print: the text artists
(titles, axis labels, tick labels, legends, annotations) and, where overlap matters, their
extents on the rendered canvas.
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch
from matplotlib.text import Text

from sim.analysis.backtest import Bin
from sim.analysis.compare import compare_bundles
from sim.analysis.sensitivity import Index
from sim.analysis.summary import key_estimates
from sim.model.outcome_registry import KEY_OUTCOMES
from sim.present import backtest as bt
from sim.present import figures as fg
from sim.present import markers
from sim.present import sweep_figures as sf
from sim.present.app import live
from sim.present.app.words import UI
from sim.present.catalogue import MONTHS
from sim.present.geography import luminance, text_colour
from sim.run.bundle import read_summary
from sim.run.replicate import run_one
from sim.scenario.loading import load_scenario


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    from sim.cli import main

    out = tmp_path_factory.mktemp("labels") / "c"
    main(
        ["compare", "niger-2023-base", "niger-2023-intervention", "-n", "8", "--seed", "4",
         "--out", str(out), "-q", "--no-figures", "--set", "commitment=strict"]
    )  # fmt: skip
    return out


def _records(run) -> list[dict]:
    return [
        {"replicate": 0, "day": r.day, "kind": r.kind.value, "actor": r.actor,
         "target": r.target, **r.data}
        for r in run.records
    ]  # fmt: skip


def _extents(fig: Figure, texts: list[Text]):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw(renderer)  # lay out as saving would
    return [t.get_window_extent(renderer) for t in texts]


def _overlapping(boxes_a, boxes_b=None) -> list[tuple[int, int]]:
    pairs = []
    for i, a in enumerate(boxes_a):
        for j, b in enumerate(boxes_a if boxes_b is None else boxes_b):
            if (boxes_b is None and j <= i) or not a.overlaps(b):
                continue
            pairs.append((i, j))
    return pairs


# ---------------------------------------------------------------------- collisions


def test_same_day_events_share_one_readable_label():
    start = dt.date(2023, 8, 10)
    days = [start + dt.timedelta(days=d) for d in range(120)]
    bands = fg.Bands(days, *(np.arange(120.0) for _ in range(5)))
    marks = [
        (start, "Threat: ECOWAS → Niger"),
        (start, "Sanctions: ECOWAS → Niger"),
        (start + dt.timedelta(days=1), "Force refused at home: Nigeria"),
        (start + dt.timedelta(days=40), "Attack: ECOWAS → Niger"),
    ]
    fig = fg.plot_band(bands, label="x", markers=marks)
    labels = [t for t in fig.axes[0].texts if t.get_gid() == "event-label"]
    assert [t.get_text().count("\n") + 1 for t in labels] == [3, 1]
    assert _overlapping(_extents(fig, labels)) == []


def _gambia_like_bands(days: int = 180) -> dict[str, fg.Bands]:
    """Bands like The Gambia 2017's: a short war at the start, and no armed group at all."""
    start = dt.date(2017, 1, 19)
    dates = [start + dt.timedelta(days=d) for d in range(days)]
    spike = np.where((np.arange(days) > 5) & (np.arange(days) < 10), 7000.0, 0.0)
    zero = np.zeros(days)
    bands = {name: fg.Bands(dates, *(spike for _ in range(5))) for name in fg.VARIABLE_LABELS["en"]}
    bands["insurgent_strength"] = fg.Bands(dates, *(zero for _ in range(5)), mean=zero)
    return bands


GAMBIA_MARKS = [
    (dt.date(2017, 1, 19), "Coup in The Gambia"),
    (dt.date(2017, 1, 20), "Threat: ECOWAS → The Gambia"),
    (dt.date(2017, 1, 22), "Attack: ECOWAS → The Gambia"),
    (dt.date(2017, 4, 1), "Departure: Senegal"),
]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_event_labels_keep_clear_of_the_y_axis_numbers(lang):
    """An event on the first days has its label on the right of its line, not over the numbers."""
    fig = fg.plot_timeseries(_gambia_like_bands(), title="t", seed=3, markers=GAMBIA_MARKS,
                             lang=lang)  # fmt: skip
    for ax in fig.axes:
        labels = [t for t in ax.texts if t.get_gid() == "event-label"]
        ticks = [t for t in ax.get_yticklabels() if t.get_text()]
        assert len(labels) == 2 and ticks
        boxes = _extents(fig, labels)
        assert _overlapping(boxes, _extents(fig, ticks)) == [], ax.get_title()
        assert all(ax.bbox.x0 <= b.x0 and b.x1 <= ax.bbox.x1 for b in boxes), ax.get_title()
        assert _overlapping(boxes) == []


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_panel_with_nothing_to_show_says_so_on_one_zero_tick(lang):
    """No armed group in the scenario: the panel says so, on 0 to 1 with one tick, not on -0.04
    to 0.04 with the same rounded number printed over and over."""
    fig = fg.plot_timeseries(_gambia_like_bands(), title="t", seed=3, markers=GAMBIA_MARKS,
                             lang=lang)  # fmt: skip
    panel = fig.axes[3]
    assert panel.get_title() == fg.VARIABLE_LABELS[lang]["insurgent_strength"]
    (note,) = [t for t in panel.texts if t.get_gid() == "nothing-to-show"]
    assert note.get_text() == fg.WORDS[lang]["nothing_to_show"]
    (box,) = _extents(fig, [note])
    assert panel.bbox.x0 < box.x0 and box.x1 < panel.bbox.x1  # inside the panel
    assert _overlapping([box], _extents(fig, [t for t in panel.texts if t is not note])) == []
    ticks = [t.get_text() for t in panel.get_yticklabels() if t.get_text()]
    assert ticks == ["0"]
    assert panel.get_ylim()[0] == 0
    # The other panels, with something to show, keep their numbers and say nothing of the kind.
    for ax in fig.axes[:3]:
        assert not [t for t in ax.texts if t.get_gid() == "nothing-to-show"]
        shown = [t.get_text() for t in ax.get_yticklabels() if t.get_text()]
        assert len(shown) == len(set(shown)) >= 3
    # Two such scenarios compared: the same.
    both = _gambia_like_bands()
    overlay = fg.plot_overlay(both, both, names=("a", "b"), title="t", seed=3, lang=lang)
    panel = overlay.axes[3]
    assert [t.get_gid() for t in panel.texts] == ["nothing-to-show"]
    (box,) = _extents(overlay, panel.texts)
    assert panel.bbox.x0 < box.x0 and box.x1 < panel.bbox.x1
    assert [t.get_text() for t in panel.get_yticklabels() if t.get_text()] == ["0"]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_war_in_one_replicate_of_a_hundred_is_not_called_nothing(lang):
    """Every quantile is 0 when one replicate in a hundred fought, but the mean is not: the
    panels must not say "0 in every replicate", and the comparison's mean lines stay in sight."""
    bands = _gambia_like_bands()
    rare = bands["committed"]
    zero = np.zeros(len(rare.dates))
    for name in ("belligerents", "committed", "casualties"):
        bands[name] = fg.Bands(rare.dates, *(zero for _ in range(5)), mean=rare.q50 / 100)
    fig = fg.plot_timeseries(bands, title="t", seed=3, lang=lang)
    overlay = fg.plot_overlay(bands, bands, names=("a", "b"), title="t", seed=3, lang=lang)
    for panel in [*fig.axes[:3], *overlay.axes[:3]]:
        assert not [t for t in panel.texts if t.get_gid() == "nothing-to-show"], panel.get_title()
    for panel in overlay.axes[:3]:
        assert panel.get_ylim()[1] >= 70  # the means' peak, 7,000 / 100
    assert [t.get_gid() for t in overlay.axes[3].texts] == ["nothing-to-show"]


def _below_everything(fig: Figure, footer: Text) -> bool:
    """Whether ``footer`` lies below every panel (its ticks, labels and texts), every legend and
    every other text of the figure (a figure-wide label, the title)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw(renderer)
    boxes = [ax.get_tightbbox(renderer) for ax in fig.axes]
    boxes += [legend.get_window_extent(renderer) for legend in fig.legends]
    boxes += [t.get_window_extent(renderer) for t in fig.texts
              if t is not footer and t.get_visible() and t.get_text()]  # fmt: skip
    return footer.get_window_extent(renderer).y1 <= min(b.y0 for b in boxes)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_footer_is_the_figure_s_last_line(pair, lang):
    """The seed, version and "not a forecast" run below everything else (legends, axis labels,
    a figure-wide label), never beside or over them."""
    bins = [Bin(0.0, 0.5, 3, 0.2, 0.33), Bin(0.5, 1.0, 4, 0.8, 0.75)]
    figures = {
        **all_figures(pair, lang),
        # the longest footers: a seed of eight digits
        "timeseries-long-seed": fg.plot_timeseries(
            _gambia_like_bands(), title="t", seed=20250401, markers=GAMBIA_MARKS, lang=lang
        ),
        "reliability-long-seed": bt.plot_reliability(bins, lang=lang, seed=20250401),
    }
    footed = []
    for name, fig in figures.items():
        for footer in [t for t in fig.texts if t.get_gid() == "footer"]:
            footed.append(name)
            assert _below_everything(fig, footer), name
    assert {"timeseries", "overlay", "reliability", "map", "outcomes"} < set(footed)
    assert len(footed) == len(set(footed)) >= 10


def test_bundle_markers_name_events_by_title_never_by_id():
    scenario = load_scenario("niger-2023-base")
    doc = scenario.model_dump(mode="json", by_alias=True, exclude_none=True)
    titles = [t for _, t in fg.scheduled_markers(doc)]
    assert "Threat: ECOWAS → Niger" in titles
    ids = set(doc["events"])
    assert not any(i in t for t in titles for i in ids)
    assert "Menace : CEDEAO → Niger" in [t for _, t in fg.scheduled_markers(doc, "fr")]


def test_the_frequency_map_keeps_labels_and_shares_apart_and_readable():
    at_war = {"MLI": 0.97, "BFA": 0.95, "NER": 1.0, "NGA": 0.4, "SEN": 0.1}
    honoured = {("MLI", "NER"): 0.76, ("BFA", "NER"): 0.74, ("NER", "MLI"): 0.2}
    fig = fg.plot_map_frequencies(at_war, honoured, 30, title="t", seed=1)
    fig.draw_without_rendering()
    ax = fig.axes[0]
    names = [t for t in ax.texts if (t.get_gid() or "").startswith("label-")]
    shares = [t for t in ax.texts if t.get_gid() == "honoured-share"]
    assert len(shares) == 3 and len(names) >= 13
    # No share over a country's name nor over another share.
    assert _overlapping(_extents(fig, shares), _extents(fig, names)) == []
    assert _overlapping(_extents(fig, shares)) == []
    # The names are drawn above the arrows.
    arrows = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    assert min(t.get_zorder() for t in names) > max(a.get_zorder() for a in arrows)
    # White on dark purple, near-black on pale grey.
    ink = {t.get_gid().removeprefix("label-"): t.get_color() for t in names}
    assert ink["NER"] == "white" and ink["GHA"] != "white"


@pytest.mark.parametrize("fill", ["#3f007d", "#c0392b", "#2471a3", "#eeeeee", "#fcfbfd", "#7d3c98"])
def test_label_colour_contrasts_with_its_fill(fill):
    ink = text_colour(fill)
    lighter, darker = sorted((luminance(ink), luminance(fill)), reverse=True)
    assert (lighter + 0.05) / (darker + 0.05) >= 4.5  # WCAG AA for normal text


def test_a_timeline_with_no_war_says_what_happened(pair):
    rows = read_summary(pair / "a")
    quiet = next(int(r["replicate"]) for r in rows if r["war_occurred"] == "false")
    events = fg.read_events(pair / "a", quiet)
    for lang, heading in (("en", "What happened instead"), ("fr", "Ce qui s'est passé")):
        fig = fg.plot_timeline(
            events, start=dt.date(2023, 8, 10), days=365, title="t", seed=4, lang=lang
        )
        (story,) = [t for t in fig.axes[0].texts if t.get_gid() == "what-happened"]
        lines = story.get_text().splitlines()
        assert lines[0].startswith(heading)
        dated = [x for x in lines if re.match(r"\d{1,2}(er)? \S+ \d{4} — ", x)]
        assert len(dated) >= 2
        threat = "Threat: ECOWAS → Niger" if lang == "en" else "Menace : CEDEAO → Niger"
        assert any(x.endswith(threat) for x in dated)
        # every line is titled by its kind: none falls back to "Scheduled event"
        assert not any(x.endswith(("Scheduled event", "Événement prévu")) for x in dated), dated


def test_every_kind_of_record_a_timeline_lists_has_a_title_of_its_own():
    from sim.model.records import RecordKind
    from sim.present.markers import TITLES

    listed = {k.value for k in RecordKind} - fg.QUIET_KINDS - {"event"}  # events: by ``what``
    assert sorted(listed - TITLES.keys()) == []


# ---------------------------------------------------------------------- French


def every_text(fig: Figure) -> list[str]:
    """Every string a figure prints: titles, labels, tick labels, legends, annotations."""
    fig.draw_without_rendering()  # tick labels exist once the figure is laid out
    return [t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text()]


def _words(text: str) -> set[str]:
    text = re.sub(r"\S*_\S*", " ", text)  # parameter names and ids are not words of a language
    return {w.lower() for w in re.findall(r"[A-Za-zÀ-ÿ']+", text) if len(w) >= 4}


def _catalogue(lang: str) -> list[str]:
    """The figure modules' own strings in ``lang``, and the outcomes' labels."""
    strings = [
        *fg.WORDS[lang].values(),
        *fg.MAP_WORDS[lang].values(),
        *fg.VARIABLE_LABELS[lang].values(),
        *sf.WORDS[lang].values(),
        *bt.WORDS[lang].values(),
        *(entry[lang] for entry in markers.TITLES.values()),
        *(o.label(lang) for o in KEY_OUTCOMES),
        *(fg.axis_label(o, lang) for o in KEY_OUTCOMES),
        *UI[lang].values(),
    ]
    return [s for s in strings if isinstance(s, str)]


def english_words() -> set[str]:
    """Words of the catalogue's English strings that its French strings (and the parameters'
    French labels) never use: "base" is French too, in "Taux de base"."""
    from sim.scenario.parameters import PARAMETERS

    french = [*_catalogue("fr"), *(p.label_fr for p in PARAMETERS.values())]
    return set().union(*map(_words, _catalogue("en"))) - set().union(*map(_words, french))


def all_figures(pair, lang: str) -> dict[str, Figure]:
    """Every figure the project draws, with real data, in ``lang``."""
    a, b = pair / "a", pair / "b"
    doc = load_scenario("niger-2023-base").model_dump(mode="json", by_alias=True)
    start = dt.date(2023, 8, 10)
    war = run_one(load_scenario("niger-2023-intervention", ["commitment=strict"]), 1)
    rows = read_summary(a)
    quiet = next(int(r["replicate"]) for r in rows if r["war_occurred"] == "false")
    common = {"title": "t", "seed": 4, "lang": lang}
    wars = [float(r["war_days"]) for r in read_summary(b) if r["war_occurred"] == "true"]
    differences = compare_bundles(a, b)
    morris = [Index("casualties", "parameters.kill_rate", 1,
                    {"mu_star": 0.3, "mu_star_conf": 0.4, "sigma": 0.1, "mu": 0.2})]  # fmt: skip
    sobol = [Index("casualties", "parameters.kill_rate", 1,
                   {"ST": 0.3, "ST_conf": 0.1, "S1": 0.2, "S1_conf": 0.1})]  # fmt: skip
    x = np.array([0.5, 0.75, 1.0])
    live_run = live.LiveRun(live.defaults_for("niger-2023-intervention"))
    live_run.step(60)
    summaries = [run_one(load_scenario("gambia-2017"), s).summary for s in range(3)]
    app = {
        "app-map": live.map_figure(live_run, lang),
        "app-series": live.SeriesFigure(live_run.model.horizon, lang).update(live_run.model.series),
        "app-ensemble": live.ensemble_figure(summaries, lang),
        "app-frame": live.frame_figure(live_run, "t", lang),
    }
    live_run.model.release()
    return {
        **app,
        "timeseries": fg.plot_timeseries(
            fg.read_bands(a), markers=fg.scheduled_markers(doc, lang), **common
        ),
        "timeline-war": fg.plot_timeline(_records(war), start=war.start, days=war.days, **common),
        "timeline-no-war": fg.plot_timeline(
            fg.read_events(a, quiet), start=start, days=365, **common
        ),
        "map": fg.plot_map(_records(war), **common),
        "map-frequencies": fg.plot_map_frequencies(*fg.ensemble_map_data(b), **common),
        "outcomes": fg.plot_outcomes(key_estimates(b), wars, replicates=8, **common),
        "overlay": fg.plot_overlay(fg.read_bands(a), fg.read_bands(b), names=("a", "b"), **common),
        "differences": fg.plot_differences(differences, names=("a", "b"), **common),
        "sweep-line": sf.plot_sweep_line(
            x,
            x,
            x - 0.1,
            x + 0.1,
            xlabel=sf.parameter_label("parameters.honour_base_rate", lang),
            label=sf.outcome_label("war_occurred", lang),
            share=True,
            lang=lang,
        ),
        "sweep-heatmap": sf.plot_sweep_heatmap(
            x,
            x,
            np.array([[0.25, 0.5, 0.75]] * 3),
            xlabel=sf.parameter_label("parameters.honour_base_rate", lang),
            ylabel=sf.parameter_label("parameters.kill_rate", lang),
            label=sf.outcome_label("war_occurred", lang),
            share=True,
            lang=lang,
        ),
        "morris": sf.plot_indices("morris", morris, label="x", lang=lang),
        "sobol": sf.plot_indices("sobol", sobol, label="x", lang=lang),
        "reliability": bt.plot_reliability(
            [Bin(0.0, 0.5, 3, 0.2, 0.33), Bin(0.5, 1.0, 4, 0.8, 0.75)], lang=lang, seed=4
        ),
    }


ENGLISH_MONTHS = {m for m in MONTHS["en"] if m.lower() not in {f.strip(".") for f in MONTHS["fr"]}}
"""Month names matplotlib writes in the machine's (English) locale, that French spells otherwise."""
POINT_DECIMAL = re.compile(r"^[−-]?\d+\.\d+\s?%?$")
GLUED_PERCENT = re.compile(r"\d%")  # French writes "20 %", with a (narrow) no-break space
GLUED_COLON = re.compile(r"[^\W\d]:(?!//)")  # and "Pertes : Criblage", not "Pertes: Criblage"


def _leaks(texts: list[str], vocabulary: set[str]) -> list[str]:
    words = sorted(_words(" ".join(texts)) & vocabulary)
    months = sorted({t for t in texts if t.strip() in ENGLISH_MONTHS})
    points = sorted({t for t in texts if POINT_DECIMAL.match(t.strip())})
    glued = sorted({t for t in texts if GLUED_PERCENT.search(t) or GLUED_COLON.search(t)})
    return words + months + points + glued


def test_french_figures_hold_no_english_word(pair):
    vocabulary = english_words()
    english = all_figures(pair, "en")
    texts = [t for f in english.values() for t in every_text(f)]
    assert len(_words(" ".join(texts)) & vocabulary) >= 20  # the check below can see English
    assert set(_leaks(texts, vocabulary)) & ENGLISH_MONTHS  # ... and English month names
    assert any(POINT_DECIMAL.match(t) for t in texts)  # ... and decimal points
    assert any(GLUED_PERCENT.search(t) for t in texts)  # ... and "20%"
    leaks = {}
    for name, fig in all_figures(pair, "fr").items():
        found = _leaks(every_text(fig), vocabulary)
        if found:
            leaks[name] = found
    assert leaks == {}


# ---------------------------------------------------------------------- French numbers

NUMBER = re.compile(r"[−-]?\d[\d\u202f.,]*(?:\u202f?%)?")
"""A text that is a number alone: a tick label, an axis's offset, a cell's or an arrow's value."""
UNGROUPED = re.compile(r"\d{4}")


def numbers_written(fig: Figure) -> list[str]:
    """Every number ``fig`` writes on its own (ticks, colour bars, cells), dates left out."""
    import matplotlib.dates as mdates

    fig.draw_without_rendering()
    dates = {
        id(label)
        for ax in fig.axes
        for axis in (ax.xaxis, ax.yaxis)
        if isinstance(axis.get_major_locator(), mdates.DateLocator)  # "2024" is a year
        for label in axis.get_ticklabels()
    }
    return [
        t.get_text().strip()
        for t in fig.findobj(Text)
        if t.get_visible() and id(t) not in dates and NUMBER.fullmatch(t.get_text().strip())
    ]


def large_heatmap(lang: str) -> Figure:
    """A sweep's heat map of a mean in the thousands (casualties), over levels in the thousands."""
    levels = np.array([5000.0, 10000.0, 20000.0])
    cells = np.array([[1234.5, 5210.0, 12345.0], [2500.0, 7500.0, 15000.0], [0.5, 950.0, 20000]])
    return sf.plot_sweep_heatmap(
        levels, levels, cells, xlabel="x", ylabel="y", label="casualties", share=False, lang=lang
    )


def test_french_figures_write_their_numbers_the_french_way(pair):
    """A newcomer read "10000" on a French figure whose text wrote "10 000": every number a
    figure writes alone (axes, colour bars, cells, shares on arrows) groups its thousands with a
    narrow no-break space and takes a decimal comma. An English heat map's cells read "1.23e+03"
    where people write "1,230"."""
    english = {**all_figures(pair, "en"), "heatmap-large": large_heatmap("en")}
    written = {name: numbers_written(fig) for name, fig in english.items()}
    assert any(UNGROUPED.search(n) for n in written["timeseries"])  # the check below can see
    assert "20000" in written["heatmap-large"]  # the colour bar's ticks, as matplotlib writes them
    # English cells and levels as people write them, not "1.23e+03" and "1e+04"
    assert {"1,230", "12,300", "0.5", "20,000"} <= set(every_text(english["heatmap-large"]))
    assert not any("e+" in text for text in every_text(english["heatmap-large"]))
    french = {**all_figures(pair, "fr"), "heatmap-large": large_heatmap("fr")}
    wrong = {}
    for name, fig in french.items():
        found = [n for n in numbers_written(fig) if UNGROUPED.search(n) or "." in n]
        if found:
            wrong[name] = found
    assert wrong == {}
    cells = numbers_written(french["heatmap-large"])
    assert {"12\u202f300", "1\u202f230", "0,5", "20\u202f000"} <= set(cells)
    heat = french["heatmap-large"]
    colourbar = next(ax for ax in heat.axes if getattr(ax, "_colorbar", None) is not None)
    ticks = [t.get_text() for t in colourbar.get_yticklabels() if t.get_text()]
    assert "10\u202f000" in ticks and "20\u202f000" in ticks


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_heat_map_says_why_a_cell_is_blank(lang):
    """Where no replicate of a point had a war, the war's length has no value: the cell is left
    blank, and a key below the map says so, in the figure's language."""
    levels = np.array([0.5, 2.75, 5.0])
    means = sf.Means(
        ["parameters.required_superiority", "parameters.honour_base_rate"],
        ["war_days"],
        np.array([[x, y] for x in levels for y in (0.0, 1.0)]),
        {"war_days": np.array([109.0, 85.3, *[np.nan] * 4])},
        {"war_days": np.full(6, np.nan)},
        {"war_days": np.full(6, np.nan)},
        np.arange(6),
    )
    fig = sf.sweep_figure(means, "war_days", grid=True, share=False, lang=lang)
    [legend] = fig.legends
    assert [t.get_text() for t in legend.get_texts()] == [sf.WORDS[lang]["no_war"]]
    if lang == "fr":
        assert _leaks(every_text(fig), english_words()) == []
    full = sf.sweep_figure(
        sf.Means(**{**vars(means), "mean": {"war_days": np.arange(6.0)}}),
        "war_days",
        grid=True,
        share=False,
        lang=lang,
    )
    assert full.legends == []  # no blank cell: no key
