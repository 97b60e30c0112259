"""Headless component tests of the classroom app (solara's test rendering, no browser)."""

from __future__ import annotations

import threading
import time

import matplotlib.colors
import pytest

solara = pytest.importorskip("solara")
ipyvuetify = pytest.importorskip("ipyvuetify")
ipywidgets = pytest.importorskip("ipywidgets")

from sim.errors import InputError  # noqa: E402
from sim.model.outcome_registry import OUTCOMES, OutcomeKind  # noqa: E402
from sim.present.app import animate_map, live, serve, server_command, server_env, warmap  # noqa: E402
from sim.present.app import page as app  # noqa: E402
from sim.present.app.words import typeset  # noqa: E402
from sim.scenario.parameters import PARAMETERS  # noqa: E402

pytestmark = [
    # solara's own hooks and ipywidgets' deprecated comm API, raised inside third-party code
    pytest.mark.filterwarnings("ignore:.*use_state. found despite early return:UserWarning"),
    pytest.mark.filterwarnings("ignore::DeprecationWarning:ipywidgets.*"),
    pytest.mark.filterwarnings("ignore::DeprecationWarning:traitlets.*"),
    pytest.mark.filterwarnings("ignore::DeprecationWarning:comm.*"),
    pytest.mark.filterwarnings("ignore::DeprecationWarning:jupyter_client.*"),
]


@solara.component
def Wrapped():
    # Without an AppLayout around it, solara leaves the Sidebar (the controls) out of the tree.
    with solara.AppLayout():
        app.Page()


@pytest.fixture
def page():
    """The page rendered headlessly on the base scenario, in English, with a fresh run."""
    app.lang.set("en")
    app.side_by_side.set(False)
    app.choose_scenario("niger-2023-base")
    _box, rc = solara.render(Wrapped(), handle_error=False)
    yield rc
    rc.close()
    app.release_runs()  # no model may outlive the test (see test_memory.py)


def _button(rc, text: str):
    return rc.find(ipyvuetify.Btn, children=[text])


def _texts(rc) -> list[str]:
    """Every text child of every widget on the page."""
    texts: list[str] = []
    todo = list(rc.find(ipywidgets.DOMWidget).widgets)
    while todo:
        widget = todo.pop()
        texts.append(getattr(widget, "unsafe_innerHTML", None) or "")
        if isinstance(getattr(widget, "text", None), str):  # the day mark, a Vue template
            texts.append(widget.text)
        if isinstance(getattr(widget, "html", None), str):  # the story box, another
            texts.append(widget.html)
        for child in getattr(widget, "children", None) or []:
            (texts if isinstance(child, str) else todo).append(child)
    return texts


def _slider(rc, label: str):
    return rc.find(ipyvuetify.Slider, label=label)


def test_controls_show_declared_defaults_units_and_labels(page):
    for p in PARAMETERS.values():
        # A decimal slider carries its value in its label (the browser's bubble clipped 0.002).
        value = "" if p.integer else f": {p.default:g}"
        slider = _slider(page, f"{p.label} ({p.unit}){value}")
        slider.assert_single()
        assert slider.widget.v_model == p.default  # exactly: the run after a Reset uses it
        assert slider.widget.min == pytest.approx(p.low)
        assert slider.widget.max == pytest.approx(p.high)
    switches = page.find(ipyvuetify.Switch).widgets
    labels = [s.label for s in switches]
    assert any("Liptako-Gourma" in label for label in labels)
    assert any("Strict commitment" in label for label in labels)


@pytest.mark.slow
def test_step_advances_the_model(page):
    _button(page, "Step").widget.click()
    _button(page, "Step").widget.click()
    assert app.runs.value[0].day == 1
    _button(page, "Step a week").widget.click()
    assert app.runs.value[0].day == 8
    assert any(text.startswith("Day 8 of 365") for text in _texts(page))


@pytest.mark.slow
def test_two_weeks_from_lesson_1s_start_land_on_the_deadline_its_notes_name(page):
    app.choose_scenario("lesson-1-does-the-pledge-deter")
    run = app.runs.value[0]
    assert "(24 August 2023)" in run.scenario.teaching.things_to_notice[0]  # the day to watch
    for _ in range(2):
        _button(page, "Step a week").widget.click()
    assert run.day == 14
    assert any(t.startswith("Day 14 of 365 - 24 Aug 2023") for t in _texts(page))


@pytest.mark.drawn_seed
def test_a_scenario_that_names_no_seed_opens_with_a_drawn_one(write):
    """A newcomer's file without ``ensemble: seed`` opens in the app (it used to stop the
    server at start-up): a seed is drawn, as ``sahelsim run`` draws one, shown in the seed
    control, and the same until the app restarts; the run steps on it."""
    path = write(
        "title: JNIM strikes Mali\nstart: 2024-07-21\ndays: 30\nactors:\n  MLI:\n  JNIM:\n"
        "events:\n  raid: {kind: attack, scale: incident, date: 2024-07-22, by: JNIM, "
        "target: MLI}\n",
        name="no-seed.yaml",
    )
    settings = live.defaults_for(str(path))
    assert isinstance(settings.seed, int) and 0 <= settings.seed < 2**32
    assert live.defaults_for(str(path)).seed == settings.seed
    run = live.LiveRun(settings)
    try:
        run.advance(7)
        assert run.day == 7
    finally:
        run.model.release()


def test_a_run_not_begun_shows_its_start_day_then_counts_weeks_and_months_from_it():
    assert [live.days_on(-1, d) for d in (1, 7, 30)] == [1, 8, 31]
    assert [live.days_on(3, d) for d in (1, 7, 30)] == [1, 7, 30]
    run = live.LiveRun(live.defaults_for("niger-2023-base"))
    try:
        run.advance(7)  # Play at a week per tick, or Step a week, from the start
        assert (run.day, run.model.date.isoformat()) == (7, "2023-08-17")
        run.advance(7)
        assert (run.day, run.model.date.isoformat()) == (14, "2023-08-24")
    finally:
        run.model.release()


@pytest.mark.slow
def test_reset_rebuilds_with_the_chosen_values(page):
    _button(page, "Step").widget.click()
    _slider(page, "Base rate of honouring commitments (probability): 0.75").widget.v_model = 0.2
    charter = page.find(
        ipyvuetify.Switch, label="Liptako-Gourma Charter (Alliance of Sahel States)"
    )
    charter.widget.v_model = False
    _button(page, "Reset").widget.click()
    run = app.runs.value[0]
    assert run.day == -1
    assert run.scenario.parameters.honour_base_rate == pytest.approx(0.2)
    assert "liptako-gourma-charter" not in run.world.pacts


@pytest.mark.slow
def test_side_by_side_steps_both_on_the_same_seed(page):
    page.find(ipyvuetify.Switch, label="Side by side").widget.v_model = True
    left, right = app.runs.value
    assert left.settings.seed == right.settings.seed
    assert right.settings == live.variant(left.settings, live.default_variant(left.settings))
    assert right.settings.pacts != left.settings.pacts
    _button(page, "Step a week").widget.click()
    assert left.day == right.day == 7


def test_french_switch_translates_labels_and_narrative(page):
    _button(page, "Step a week").widget.click()
    _button(page, "Français").widget.click()
    p = PARAMETERS["honour_base_rate"]
    # In French a decimal slider carries its value in its label, with a decimal comma.
    _slider(page, typeset(f"{p.label_fr} (probabilité) : 0,75", "fr")).assert_single()
    _button(page, "Un pas").assert_single()
    assert any(text.startswith("Jour 7 sur 365") for text in _texts(page))
    assert any("Le Mali" in text or "CEDEAO" in text for text in _texts(page))
    # the scenario's title and teaching notes too, not only the interface
    texts = " ".join(_texts(page))
    assert "Le Niger, août 2023" in texts and "De quoi s'agit-il" in texts
    assert "La CEDEAO a menacé" in texts and "ECOWAS has threatened" not in texts


def test_every_parameter_s_unit_is_said_in_french(page):
    """The French page says each slider's unit in French: "z par an", not "z per year"."""
    from sim.present.french import UNITS_FR

    assert {p.unit for p in PARAMETERS.values()} <= set(UNITS_FR), "a unit with no French"
    _button(page, "Français").widget.click()
    p = PARAMETERS["time_cost_weight"]
    value = f"{p.default:g}".replace(".", ",")  # a French decimal comma
    _slider(page, typeset(f"{p.label_fr} (z par an) : {value}", "fr")).assert_single()


def test_the_map_is_redrawn_when_what_it_shows_changes_and_only_then():
    run = live.LiveRun(live.defaults_for("niger-2023-intervention"))
    run.step(1)
    quiet = run.map_png("en")
    run.step(1)
    assert run.map_png("en") is quiet  # nothing on the map moved: the same image is sent
    french = run.map_png("fr")  # the French page's own (an outside power is named in French)
    # the page switched to French and back: neither map is drawn again
    assert run.map_png("en") is quiet and run.map_png("fr") is french
    while not any(run.model.side.values()):  # until the attack puts sides on the map
        run.step(1)
    assert run.map_png("en") != quiet
    run.model.release()


def test_every_slider_value_of_every_bundled_scenario_is_on_its_slider_grid():
    # The browser snaps a slider to low + k * step and sends that back: a value off the grid
    # (0.6 on a 0.0009 grid from 0.1) would change the run at the next Reset.
    from decimal import Decimal

    for name in live.scenario_names():
        values = live.defaults_for(name).params
        for key, p in PARAMETERS.items():
            step = Decimal(repr(live.slider_step(p, values[key])))
            for x in (p.low, p.high, p.default, values[key]):
                assert (Decimal(repr(float(x))) - Decimal(repr(float(p.low)))) % step == 0, (
                    name,
                    key,
                    x,
                    step,
                )


def test_pickers_and_headings_use_names_not_ids(page):
    picker = page.find(ipyvuetify.Select, label="Scenario or lesson").widget
    assert picker.v_model == "Niger, August 2023 - ECOWAS threatens force"
    assert picker.items[0].startswith("Lesson 1 - ")
    assert not any(item.startswith(("lesson-", "niger-")) for item in picker.items)
    actors = page.find(ipyvuetify.Select, label="Actor").widget
    assert "Niger" in actors.items and "NER" not in actors.items
    page.find(ipyvuetify.Switch, label="Side by side").widget.v_model = True
    variants = page.find(ipyvuetify.Select, label="Right-hand variant").widget
    assert "without the Liptako-Gourma Charter (Alliance of Sahel States)" in variants.items
    texts = " ".join(_texts(page))
    assert "Left, as set: behavioural commitment" in texts
    # lesson 1's variant is where side by side starts, and the heading counts its pacts
    on = sum(app.runs.value[1].settings.pacts.values())
    total = len(app.runs.value[1].settings.pacts)
    assert 0 < on < total
    variant = "the pacts between Mali, Burkina Faso and Niger switched off"
    assert f"Right, the variant: {variant}, {on} of {total} pacts on" in texts
    assert variants.v_model == variant


def test_the_pacts_between_the_aes_states_can_be_switched_off_together_on_the_right(page):
    # lesson 1 asks for the pledges of Mali, Burkina Faso and Niger off, ECOWAS's own kept
    page.find(ipyvuetify.Switch, label="Side by side").widget.v_model = True
    variants = page.find(ipyvuetify.Select, label="Right-hand variant").widget
    label = "the pacts between Mali, Burkina Faso and Niger switched off"
    assert label in variants.items
    variants.v_model = label
    left, right = app.runs.value
    off = {p for p, on in right.settings.pacts.items() if not on}
    assert off == {
        "liptako-gourma-charter",
        "mali-burkina-declaration-2023",
        "niger-authorisation-2023",
    }
    assert all(left.settings.pacts.values())
    assert right.settings.pacts["ecowas-democracy-2001"]
    # The Gambia's 2017 has no AES pact: no such variant is offered, and side by side starts
    # on all pacts off
    assert live.variant_choices(live.defaults_for("gambia-2017"))[1] == "other-mode"
    assert live.default_variant(live.defaults_for("gambia-2017")) == "no-pacts"


def test_lessons_are_in_the_picker():
    names = live.scenario_names()
    assert sum(name.startswith("lesson-") for name in names) >= 4
    assert "niger-2023-base" in names


def test_a_scenario_file_with_a_lesson_s_title_is_told_apart_in_the_picker(write):
    """A lesson copied to change it keeps its title: the picker names its file beside it, and
    each entry opens its own scenario."""
    path = str(write("extends: lesson-2-strict-vs-behavioural\n", name="my-lesson-2.yaml"))
    for lang in ("en", "fr"):
        choices = live.scenario_choices(lang, path)
        lesson = live.choice_title("lesson-2-strict-vs-behavioural", lang, path)
        assert choices[lesson] == "lesson-2-strict-vs-behavioural"
        first, opened = next(iter(choices.items()))
        assert (first, opened) == (f"{lesson} (my-lesson-2.yaml)", path)


def test_a_bundled_lesson_opened_by_its_path_is_in_the_picker_once():
    """``sahelsim teach scenarios/lessons/lesson-1-....yaml`` listed lesson 1 twice: by its
    title with the file's name, and by its title."""
    from sim.scenario.loading import bundled_path

    path = str(bundled_path("lesson-1-does-the-pledge-deter"))
    opened = live.as_bundled(path)
    assert opened == "lesson-1-does-the-pledge-deter"
    for lang in ("en", "fr"):
        choices = live.scenario_choices(lang, opened)
        assert list(choices.values()).count(opened) == 1
        assert not any(".yaml" in title for title in choices)
    assert live.as_bundled("my-war.yaml") == "my-war.yaml"  # a file of the user's own stays


@pytest.mark.slow
def test_ensemble_runs_in_a_thread_and_shows_outcomes(page):
    app.choose_scenario("gambia-2017")
    _slider(page, "Replicates").widget.v_model = 10
    _button(page, "Run ensemble").widget.click()  # returns at once: the work is in a thread
    deadline = time.monotonic() + 120
    while "10 replicates done" not in _texts(page) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert "10 replicates done" in _texts(page)
    fig = live.ensemble_figure(
        live.run_ensemble(live.defaults_for("gambia-2017"), 3, lambda i: None, threading.Event()),
        "fr",
    )
    assert fig.axes


@pytest.mark.slow
def test_the_ensemble_before_stays_below_to_compare_with_its_settings(page):
    def run_ensemble_of_10():
        _slider(page, "Replicates").widget.v_model = 10
        _button(page, "Run ensemble").widget.click()
        deadline = time.monotonic() + 120
        while "10 replicates done" not in _texts(page) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert "10 replicates done" in _texts(page)

    app.choose_scenario("lesson-1-does-the-pledge-deter")
    run_ensemble_of_10()
    assert "The ensemble before (to compare)" not in " ".join(_texts(page))  # none yet
    for pact in ("liptako-gourma-charter", "mali-burkina-declaration-2023"):
        app.settings.set(app.settings.value.with_pact(pact, False))
    _button(page, "Reset").widget.click()
    run_ensemble_of_10()
    texts = " ".join(_texts(page))
    # the new one as set (5 of 7 pacts on), the one before under its own caption (7 of 7)
    assert "pacts on: 7 of 7;" in texts
    # and the caption names the two pacts switched off, not only how many
    caption = texts[texts.index("pacts on: 5 of 7 (off: ") :].split(";")[0]
    assert "the Liptako-Gourma Charter" in caption and "the Mali-Burkina Faso" in caption
    assert "The ensemble before (to compare)" in texts


def test_two_ensembles_can_share_one_scale_of_war_lengths():
    """The ensemble before and the one after were drawn on their own axes (a war of 60 days and
    one of 20 looked alike): given the longer of the two, both read on one scale."""
    short = [{**s, "war_occurred": True, "war_days": 20} for s in _summaries(4)]
    long = [{**s, "war_occurred": True, "war_days": 60} for s in _summaries(4)]
    own = live.ensemble_figure(short, "en").axes[1].get_xlim()
    assert own[1] < 60
    for summaries in (short, long):
        assert live.ensemble_figure(summaries, "en", longest=60).axes[1].get_xlim() == (0, 60)


def _summaries(n: int) -> list[dict]:
    return [
        {c: (i % 2 == 0 if o.kind is OutcomeKind.YES_NO else i) for c, o in OUTCOMES.items()}
        for i in range(n)
    ]


def test_a_caption_names_the_pacts_a_run_has_off_in_the_page_s_language():
    """Lesson 1 compares with and without the three pacts between Mali, Burkina Faso and
    Niger: the caption says those are the ones off, in English and in French."""
    lesson = live.defaults_for("lesson-1-does-the-pledge-deter")
    aes_off = live.variant(lesson, "no-aes-pacts")
    assert live.pacts_off(aes_off, "en") == " (off: the pacts between Mali, Burkina Faso and Niger)"
    assert live.pacts_off(aes_off, "fr") == (
        " (désactivés\u00a0: les pactes entre le Mali, le Burkina Faso et le Niger)"
    )
    assert live.pacts_off(lesson, "en") == ""  # every pact on
    assert live.pacts_off(live.variant(lesson, "no-pacts"), "en") == ""  # "0 of 7" says it


@pytest.mark.slow
def test_animate_map_writes_a_gif(tmp_path):
    from PIL import Image

    out = animate_map("gambia-2017", 3, tmp_path / "map.gif", "fr", every=30)
    with Image.open(out) as gif:
        assert gif.format == "GIF"
        assert gif.n_frames >= 6
        assert gif.size[0] >= 1280  # sharp on a slide


def test_gif_frame_is_french_when_asked_and_its_legend_clear_of_the_map():
    import types

    from sim.model.model import SahelModel
    from sim.model.world import build_world
    from sim.scenario.facts import fact_base
    from sim.scenario.loading import load_scenario

    scenario = load_scenario("lesson-4-gambia-vs-niger")
    model = SahelModel(build_world(scenario, fact_base()), 3)
    model.step()
    run = types.SimpleNamespace(model=model, day=0, finished=False)
    fig = live.frame_figure(run, live.scenario_title(scenario, "fr"), "fr")
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(fig).get_renderer()
    (ax,) = fig.axes
    legend = ax.get_legend().get_window_extent(renderer)
    assert not legend.overlaps(ax.get_window_extent(renderer))  # off the land and the coast
    title = fig._suptitle.get_text()
    assert title.startswith("Leçon 4 - La Gambie") and "Jour 0 sur" in title
    assert "camp attaquant" in [t.get_text() for t in ax.get_legend().get_texts()]
    model.release()


def test_the_seed_field_takes_the_seeds_a_run_takes_and_no_other():
    from sim.scenario.defaults import MAX_SEED

    assert [app.typed_seed(t) for t in ("0", " 42 ", "007", str(MAX_SEED))] == [0, 42, 7, MAX_SEED]
    refused = ("", "-5", "+5", "4_2", "4.0", "seven", "1e3", str(MAX_SEED + 1))
    assert [app.typed_seed(t) for t in refused] == [None] * len(refused)


def test_actor_slider_and_seed_reach_the_model(page):
    page.find(
        ipyvuetify.Switch,
        label="Strict commitment (every obligation honoured, every permitted measure taken)",
    ).widget.v_model = True
    seed = page.find(ipyvuetify.TextField, label="Seed")
    seed.widget.v_model = "7"  # taken as typed: the field checks each keystroke
    resolve = [w for w in page.find(ipyvuetify.Slider).widgets if w.label.startswith("Resolve")]
    resolve[0].v_model = 0.3  # the first actor, NER
    _button(page, "Reset").widget.click()
    run = app.runs.value[0]
    assert run.settings.seed == 7
    assert run.scenario.commitment.value == "strict"
    assert run.world.actors["NER"].resolve == pytest.approx(0.3)


def test_server_command_is_local_and_passes_scenario_and_language():
    command = server_command(8800)
    assert command[1:4] == ["-m", "solara", "run"]
    assert command[command.index("--host") + 1] == "127.0.0.1"
    assert "--production" in command
    env = server_env("lesson-2-strict-vs-behavioural", "fr")
    assert env["SAHELSIM_SCENARIO"] == "lesson-2-strict-vs-behavioural"
    assert env["SAHELSIM_LANG"] == "fr"


def test_serve_rejects_an_unknown_scenario_before_starting_a_server():
    with pytest.raises(InputError):
        serve("no-such-scenario", port=8801, open_browser=False)


def _bezier_middle(arrow) -> tuple[float, float]:
    """The middle of an arc3 arrow, in (lon, lat), as matplotlib bends it."""
    (x0, y0), (x1, y1) = arrow.start, arrow.end
    cx, cy = (x0 + x1) / 2 + arrow.rad * (y1 - y0), (y0 + y1) / 2 - arrow.rad * (x1 - x0)
    return 0.25 * x0 + 0.5 * cx + 0.25 * x1, 0.25 * y0 + 0.5 * cy + 0.25 * y1


def test_each_allys_arrow_is_distinct_on_the_map():
    import math

    run = live.LiveRun(live.defaults_for("lesson-2-strict-vs-behavioural"))
    run.step(120)  # Mali and Burkina Faso have both answered Niger's call by then
    to_niger = [a for a in warmap.obligation_arrows(run.model) if a.end != a.start]
    ends = {a.end for a in to_niger}
    assert len(to_niger) >= 2 and len(ends) == len(to_niger)
    for i, a in enumerate(to_niger):
        for b in to_niger[i + 1 :]:
            assert math.dist(a.end, b.end) >= 0.5
            assert math.dist(_bezier_middle(a), _bezier_middle(b)) >= 1.5
    run.model.release()


@pytest.mark.parametrize("lesson", [n for n in live.scenario_names() if n.startswith("lesson-")])
def test_map_labels_stay_in_the_frame_clear_of_each_other_and_no_legend_covers_the_map(lesson):
    # The legend, drawn over the map's north-east, covered Niger's; the pages show it beside
    # the map instead (MapLegend), and the GIF to its right
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    run = live.LiveRun(live.defaults_for(lesson))
    run.step(120)
    for paired in (False, True):
        fig = live.map_figure(run, "fr", title=False, paired=paired)
        renderer = FigureCanvasAgg(fig).get_renderer()
        (ax,) = fig.axes
        assert ax.get_legend() is None
        frame = ax.get_window_extent(renderer)
        boxes = {t.get_text(): t.get_window_extent(renderer) for t in ax.texts if t.get_text()}
        assert "GMB" in boxes  # The Gambia is on the map, and named
        for name, box in boxes.items():
            assert frame.x0 <= box.x0 and box.x1 <= frame.x1, (name, paired)
            assert frame.y0 <= box.y0 and box.y1 <= frame.y1, (name, paired)
            others = [b for other, b in boxes.items() if other != name]
            # apart, not only not over each other: "CIVGHA" read as one word
            assert not any(box.padded(1).overlaps(b.padded(1)) for b in others), (name, paired)
    run.model.release()


def test_an_error_in_a_click_is_one_short_line_and_the_page_keeps_working(page, caplog):
    app.guarded(lambda: 1 / 0)()  # a handler that fails, as any click's might
    texts = _texts(page)
    shown = [t for t in texts if t.startswith("Something went wrong")]
    # a fault of the program: its message is Python's, for the terminal, not the class
    assert shown == [
        "Something went wrong; the details are in the terminal that runs sahelsim teach."
    ]
    assert not any("Traceback" in t for t in texts)
    assert "Traceback" in caplog.text or "ZeroDivisionError" in caplog.text  # in the log
    _button(page, "Dismiss").widget.click()
    assert not any(t.startswith("Something went wrong") for t in _texts(page))
    _button(page, "Step").widget.click()
    assert app.runs.value[0].day == 0


def test_figures_write_numbers_the_french_way_in_french():
    import threading

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    run = live.LiveRun(live.defaults_for("niger-2023-intervention"))
    run.step(200)
    series = live.SeriesFigure(run.model.horizon, "fr")
    figure = series.update(run.model.series)
    FigureCanvasAgg(figure).draw()
    ticks = [t.get_text() for ax in figure.axes for t in ax.get_yticklabels()]
    assert any("\u202f" in t or "\u00a0" in t or " " in t for t in ticks)  # 10 000
    assert not any("," in t for t in ticks)
    summaries = live.run_ensemble(
        live.defaults_for("gambia-2017"), 3, lambda i: None, threading.Event()
    )
    chart = live.ensemble_figure(summaries, "fr")
    FigureCanvasAgg(chart).draw()
    shares = [t.get_text() for t in chart.axes[0].get_xticklabels()]
    assert "40 %" in [s.replace("\u202f", " ").replace("\u00a0", " ") for s in shares]
    run.model.release()


@pytest.mark.parametrize(
    ("response", "en", "fr"),
    [
        ("honoured", "affinity, for honouring.", "affinité, pour honorer l'engagement."),
        ("abstained", "went the other way, and it abstained.", "l'abstention l'a emporté."),
    ],
)
def test_the_plain_reason_never_reads_as_the_opposite_of_the_choice(response, en, fr):
    """Burkina Faso's largest term was for honouring: if it abstained, the reason says so."""
    from sim.model.records import Record, RecordKind
    from sim.present.app.story import plain_reason

    terms = {"affinity (log-odds)": 1.2, "expected cost (log-odds)": -0.5}
    record = Record(0, RecordKind.RESPONSE, "BFA", "NER", {"response": response, "terms": terms})
    english, french = plain_reason(record, "en"), plain_reason(record, "fr")
    assert english.startswith("What weighed most in Burkina Faso's choice: affinity")
    assert english.endswith(en) and french.endswith(fr)
    assert "honour" not in french and "abstained" not in french


@pytest.mark.parametrize(
    ("extra", "response", "en", "fr"),
    [
        ({"pact": "request/MLI/2013-01-11"}, "abstained", "against helping.", "contre l'aide."),
        (
            {"pact": "request/MLI/2013-01-11"},
            "honoured",
            "and it gave the help asked.",
            "l'aide demandée a été accordée.",
        ),
        (
            {"modality": "permission"},
            "abstained",
            "against taking the measure.",
            "contre la mesure.",
        ),
    ],
)
def test_the_plain_reason_of_a_request_or_a_permission_never_speaks_of_honouring(
    extra, response, en, fr
):
    """France declining Mali's request read "affinity, against honouring" beside "Nothing was
    owed": a request or a permission is not an obligation, and the words say what was decided."""
    from sim.model.records import Record, RecordKind
    from sim.present.app.story import plain_reason

    terms = {"affinity (log-odds)": -1.0, "expected cost (log-odds)": 0.3}
    record = Record(
        0, RecordKind.RESPONSE, "FRA", "MLI", {"response": response, **extra, "terms": terms}
    )
    english, french = plain_reason(record, "en"), plain_reason(record, "fr")
    assert english.endswith(en) and french.endswith(fr)
    assert "honour" not in english and "engagement" not in french


def test_a_french_number_never_breaks_across_lines_on_the_page():
    """The presenter's story wrapped "18 / 064": a French number's thousands and its percent
    sign keep a thin no-break space; English and dates are left as they are."""
    fr = typeset("Opposition attendue : 18 064, soit 6,1 % ; 1 234 567 le 24 août 2023.", "fr")
    assert "18\u202f064" in fr and "6,1\u202f%" in fr and "1\u202f234\u202f567" in fr
    assert "24 août 2023" in fr and " %" not in fr
    assert typeset("18 064 at 6 %", "en") == "18 064 at 6 %"


def test_the_parameters_panel_says_each_run_draws_its_values(page):
    """A lecturer saw "Superiority an attacker wants 2.2" on a slider and "2.74 sought" in the
    story: the panel says why, in the page's language."""
    assert any(t.startswith("Each run draws the parameters fitted") for t in _texts(page))
    _button(page, "Français").widget.click()
    french = [t for t in _texts(page) if t.startswith("Chaque exécution tire les paramètres")]
    assert french and "Each run" not in " ".join(_texts(page))


def test_a_scenarios_english_note_in_the_french_story_keeps_english_spacing():
    from sim.present.catalogue import MESSAGES

    note = "Deadline: 6 Aug; extended to 10 Aug (see http://example.org)!"
    fr = typeset(MESSAGES["note"]["fr"].format(note=note), "fr")
    # the French frame is spaced the French way, the English note is left as written
    assert fr == f"Note du scénario (en anglais)\u00a0: «\u202f{note}\u202f»"
    twice = typeset(f"{MESSAGES['note']['fr'].format(note='A: b')} ; puis : c", "fr")
    assert twice.endswith("«\u202fA: b\u202f»\u202f; puis\u00a0: c")


def test_the_deadline_line_shows_its_headline_and_keeps_the_balance_one_click_away():
    from dataclasses import replace

    from sim.model.records import RecordKind
    from sim.present.app.story import story_lines

    settings = live.defaults_for("lesson-1-does-the-pledge-deter")
    for seed in range(settings.seed, settings.seed + 40):  # a replicate where ECOWAS waits
        run = live.LiveRun(replace(settings, seed=seed))
        run.advance(14)  # to 24 August 2023, the deadline
        if any(r.kind is RecordKind.DEADLINE_PASSED for r in run.model.records):
            break
        run.model.release()
    try:
        for lang, headline in (
            ("en", "The deadline ECOWAS had set for Niger came and passed without an attack."),
            ("fr", "L'échéance fixée par la CEDEAO au Niger arrive et passe sans attaque."),
        ):
            [line] = [x for x in story_lines(run, lang) if x.text.startswith(headline[:20])]
            # only the headline in the story's narrow column; the figures behind "details"
            assert line.text == headline
            assert ("Balance of forces" if lang == "en" else "Rapport de forces") in line.details
    finally:
        run.model.release()


@pytest.mark.parametrize(
    "name", ["niger-2023-intervention", "g5-sahel-2017", "lesson-1-does-the-pledge-deter"]
)
def test_a_french_story_line_is_cut_only_where_its_figures_begin(name):
    """The French balance of forces opens "Force ", as the Standby Force and the G5 Sahel's Joint
    Force do: the page cut the title, a pact's name and a note there, hiding the rest of the
    sentence behind "détails". The words shown are whole: every guillemet and bracket closed."""
    from sim.present.app.story import TECHNICAL, story_lines
    from sim.present.catalogue import MESSAGES

    run = live.LiveRun(live.defaults_for(name))
    try:
        run.advance(60)
        lines = story_lines(run, "fr")
    finally:
        run.model.release()
    openings = tuple(MESSAGES[m]["fr"].split("{")[0] for m in TECHNICAL)
    assert lines[0].details == "" and lines[0].text.endswith(".")  # the opening, whole
    for line in lines:
        assert line.text.count("«") == line.text.count("»"), line.text
        assert line.text.count("(") == line.text.count(")"), line.text
        assert not line.details or line.details.startswith(openings), line.details[:60]


@pytest.mark.parametrize("name, groups", [("gambia-2017", False), ("aes-insurgency", True)])
def test_the_armed_groups_chart_says_when_a_scenario_has_none(name, groups):
    """Lessons 4 to 6 have no armed group: their panel showed a flat 0 on a 0-1 axis, which a
    class would read as a count."""
    run = live.LiveRun(live.defaults_for(name))
    try:
        run.advance(7)
        said = {}
        for lang in ("en", "fr"):
            run.series_png(lang)
            panel = run._series[lang].figure.axes[live.SERIES_PANELS.index("insurgent_strength")]
            said[lang] = [t.get_text() for t in panel.texts]
    finally:
        run.model.release()
    expected = (
        {"en": ["No armed group in this scenario"], "fr": ["Aucun groupe armé dans ce scénario"]}
        if not groups
        else {"en": [], "fr": []}
    )
    assert said == expected


def test_the_app_s_french_story_opens_on_the_french_title_unmarked(write):
    """The app gave the story its French title as if it were the English one, which the
    French story then marked "(titre en anglais)"; a title with no French is marked."""
    from sim.present.app.story import story_lines

    untranslated = str(write("title: A drone shot down\nstart: 2024-03-01\ndays: 5\nactors:\n"
                             "  MLI:\n  DZA:\nensemble:\n  seed: 7\n"))  # fmt: skip
    for name, marked in (("lesson-6-half-of-coups-fail", False), (untranslated, True)):
        run = live.LiveRun(live.defaults_for(name))
        try:
            run.advance(1)
            opening = story_lines(run, "fr")[0].text
        finally:
            run.model.release()
        assert ("(titre en anglais)" in opening) is marked, opening
        assert ("Leçon 6" in opening) is not marked


def test_an_error_the_page_shows_is_in_the_pages_language(page):
    # Under French the line read "Un problème est survenu: ValueError: <English message>"
    from sim.errors import InputError, Text
    from sim.present.error_words import said

    def refused():
        raise InputError(
            Text("--save {save}: no such folder; expected an existing folder", save="x")
        )

    app.guarded(refused)()  # an error sahelsim knows: said as the command line says it
    shown = [t for t in _texts(page) if t.startswith("Something went wrong")]
    assert shown == ["Something went wrong: --save x: no such folder; expected an existing folder"]
    _button(page, "Français").widget.click()  # the line follows the page's language
    french = said(
        Text("--save {save}: no such folder; expected an existing folder", save="x"), "fr"
    )
    assert "ce dossier n'existe pas" in french
    shown = [t for t in _texts(page) if t.startswith("Un problème est survenu")]
    assert shown == [f"Un problème est survenu\u00a0: {french}"]
    _button(page, "Fermer").widget.click()
    app.guarded(lambda: int("seven"))()  # a fault: no English message under French
    shown = [t for t in _texts(page) if t.startswith("Un problème est survenu")]
    assert shown == [
        "Un problème est survenu\u202f; les détails sont dans le terminal où tourne sahelsim teach."
    ]
    assert not any("ValueError" in t or "invalid literal" in t for t in _texts(page))


def test_an_outside_power_that_acts_is_named_at_the_maps_edge_with_its_arrow():
    # Lesson 5: France, asked by Mali, comes (in strict mode every measure permitted is taken)
    # and fights beside it; its own country is far off the map, and it was nowhere on it
    import dataclasses

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from sim.present.figures import SIDE_COLOURS, capitals

    settings = dataclasses.replace(live.defaults_for("lesson-5-asked-not-bound"), strict=True)
    run = live.LiveRun(settings)
    run.step(3)
    [france] = warmap.outside_powers(run.model)
    assert (france.actor, france.side, france.answers) == ("FRA", 2, (("MLI", "honoured"),))
    for paired in (False, True):
        fig = live.map_figure(run, "fr", title=False, paired=paired)
        FigureCanvasAgg(fig).draw()  # as drawn
        renderer = fig.canvas.get_renderer()
        (ax,) = fig.axes
        [box] = [t for t in ax.texts if t.get_gid() == "power-FRA"]
        assert box.get_text() == "France"
        assert box.get_bbox_patch().get_facecolor()[:3] == matplotlib.colors.to_rgb(SIDE_COLOURS[2])
        frame = ax.get_window_extent(renderer)
        drawn = box.get_bbox_patch().get_window_extent(renderer)
        assert frame.x0 <= drawn.x0 and drawn.x1 <= frame.x1 and drawn.y1 <= frame.y1
        assert drawn.y1 >= frame.y1 - 0.2 * frame.height  # at the northern edge: from Paris
        arrows = [p for p in ax.patches if p.get_gid() == "obligation-arrow"]
        ends = [tuple(round(v, 6) for v in a._posA_posB[1]) for a in arrows]
        assert tuple(round(v, 6) for v in capitals()["MLI"]) in ends  # to Bamako
    run.model.release()
