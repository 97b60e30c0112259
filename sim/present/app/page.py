"""The classroom page: step a scenario day by day on a map, in English or French, offline.

Served by solara (``solara run sim/present/app/page.py --production``; ``sahelsim teach`` does
it). Every asset comes from the local solara install and its ``solara-assets`` package, figures
are matplotlib images sent inline, and no component that fetches from a CDN (such as
``solara.Markdown``, which loads KaTeX) is used, so the page renders with no internet. The
scenario and the language to start with are read from ``SAHELSIM_SCENARIO`` and
``SAHELSIM_LANG``.

The page holds: a scenario picker (bundled scenarios and lessons), controls generated from
:mod:`sim.scenario.parameters` (defaults, ranges, units, English and French labels), the
commitment mode and one switch per pact; step, play, reset and a seed; the live map, time
series and the narrative as it grows; a side-by-side mode stepping two variants on the same
seed; the teaching notes; an ensemble panel run in a background thread; and a presenter view
for the projector (no sidebar; the map, the day and the newest of the story in one screen).

Play steps only as fast as the browser draws (:mod:`sim.present.app.playback`), and every click
goes through :func:`guarded`: an error shows as one short line, never as a traceback.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import os
import re
import threading
from collections.abc import Callable
from html import escape

import solara

from sim.errors import SahelsimError
from sim.present import i18n
from sim.present.app import ENV_LANG, ENV_SCENARIO, warmap
from sim.present.app.live import (
    ACTOR_KNOBS,
    SPEEDS,
    WEEK,
    EnsembleResult,
    LiveRun,
    Settings,
    actor_choices,
    actor_value,
    as_bundled,
    build_runs,
    choice_title,
    day_title,
    default_variant,
    defaults_for,
    pact_name,
    parameter_label,
    run_ensemble,
    scenario_choices,
    scenario_title,
    side_heading,
    slider_step,
    variant_choices,
    variant_label,
)
from sim.present.app.playback import Playback
from sim.present.app.story import StoryLine, story_lines
from sim.present.app.words import UI, typeset, ui
from sim.present.error_words import said
from sim.present.figures import png
from sim.scenario.defaults import FIRST_LESSON, MAX_SEED
from sim.scenario.parameters import ACTOR_PARAMETERS, PARAMETERS, Parameter
from sim.scenario.schema import Scenario
from sim.scenario.vocabulary import Lang

CSS = """
.v-application, .v-application .v-label, .v-application .v-input, .v-application .v-btn,
.v-application .v-select__selection, .v-application input { font-size: 19px !important; }
.v-application h1 { font-size: 34px; } .v-application h2 { font-size: 28px; }
.v-application h3 { font-size: 23px; }
.sahel-narrative { max-height: 50vh; overflow-y: auto; font-size: 19px; line-height: 1.45;
  display: flex; flex-direction: column-reverse; }
.sahel-narrative p { margin-bottom: 0.6em; overflow-wrap: anywhere; }
.sahel-narrative details { margin: -0.4em 0 0.8em 1em; color: #444; }
.sahel-narrative summary { cursor: pointer; }
.sahel-notes { font-size: 19px; }
.sahel-day { font-size: 26px; font-weight: bold; }
.sahel-predict { font-size: 23px; background: #fff6e0; border-left: 8px solid #e67e22;
  padding: 12px 18px; margin: 8px 0; }
.v-input__slider .v-input__slot { flex-wrap: wrap; }
.v-input__slider .v-input__slot > .v-label { flex: 0 0 100%; max-width: 100%; white-space: normal;
  height: auto; line-height: 1.3;
  margin-bottom: 4px; }
.v-input__slider:has(.v-slider__thumb-label) .v-input__slot > .v-label { margin-bottom: 46px; }
.v-input__slider { margin-bottom: 22px; }
.sahel-ensemble { width: 880px; max-width: 100%; height: auto; }
/* the ensemble before, folded inside the ensemble panel: over its panel's padding, so that it is
   drawn at the size and place of the one above it */
.v-expansion-panel .v-expansion-panel .sahel-ensemble { max-width: calc(100% + 48px);
  margin-left: -22px; }
.sahel-presenter { padding: 0 12px; }
.sahel-presenter-title { font-size: 26px !important; margin: 0; }
.sahel-narrative-compact { max-height: calc(100vh - 330px); }
.sahel-presenter .sahel-predict { font-size: 20px; padding: 8px 12px; }
.sahel-presenter .sahel-run-heading { margin: 0 0 -12px; }
/* side by side: the headings in smaller type and closer to their maps, each map no higher
   than leaves its story room (story_box.vue sets its max-height) */
.sahel-presenter .sahel-paired-heading { font-size: 20px !important; margin: 0 0 4px; }
.sahel-presenter .sahel-paired { margin-top: 0; margin-bottom: 0; }
.sahel-presenter .sahel-paired > .col { padding-top: 0; padding-bottom: 0; }
.sahel-paired-map { display: block; width: auto !important; max-width: 100%; }
/* the maps' legend, in the page's type beside the map (on it, it covered Niger's north-east) */
.sahel-legend { display: flex; flex-wrap: wrap; gap: 2px 18px; font-size: 18px;
  line-height: 1.3; margin: 2px 0 6px; }
.sahel-key { display: inline-flex; align-items: center; gap: 6px; white-space: nowrap; }
.sahel-side { display: inline-block; width: 22px; height: 16px; background: var(--ink); }
.sahel-answer { display: inline-block; width: 34px; border-top: 4px var(--line) var(--ink); }
.v-application .v-expansion-panel-header { font-size: 19px; }
.v-application .v-label--active { transform: translateY(-24px) scale(1); }
.v-application .v-slider__thumb-label { font-size: 18px; }
.v-application .sahel-seed .v-messages, .v-application .sahel-seed .v-messages__message {
  font-size: 18px; line-height: 1.3; min-height: 0; }
.v-application .sahel-seed .v-text-field__details { margin-bottom: 4px; }
.v-application .sahel-seed .error--text { color: #b3261e !important; caret-color: #b3261e !important; }
.v-navigation-drawer { width: 400px !important; min-width: 400px !important;
  max-width: 400px !important; }
.v-navigation-drawer .v-select__selections { min-width: 0; }
.v-navigation-drawer .v-select__selection { max-width: 100%; white-space: normal;
  line-height: 1.3; margin: 6px 0; }
"""
# The sidebar is 400 pixels wide whatever it holds: solara sizes it to its content
# ("min-content"), and a long lesson name widened it over the main area after the page had
# placed that area beside it. A slider sits just under its label and well above the next
# one, so that a lecturer moves the slider of the label read; one that always shows its value
# in a bubble leaves it 46 pixels above the track, clear of the label.
# The narrative box lists paragraphs newest first in the page's HTML and shows them reversed
# (column-reverse): it reads in order, and its scroll stays on the newest as the story grows;
# story_box.vue shortens it so that its top edge never cuts a line.


# ---------------------------------------------------------------------- page state

OPENED = as_bundled(os.environ.get(ENV_SCENARIO) or FIRST_LESSON)
"""The scenario the app was opened on: a bundled name (a bundled file opened by its path
too), or a scenario file."""

# Module-level reactives are per browser session in solara: each tab has its own run.
STARTED_IN = os.environ[ENV_LANG] if os.environ.get(ENV_LANG) in UI else Lang.EN.value
"""The language the server was started in (``sahelsim teach --lang``): each page's first."""
lang = solara.reactive(STARTED_IN)
settings = solara.reactive(defaults_for(OPENED))
side_by_side = solara.reactive(False)
variant_key = solara.reactive(default_variant(settings.value))
# Empty until the page first renders: a default value would keep its model for good.
runs: solara.Reactive[list[LiveRun]] = solara.reactive([])
tick = solara.reactive(0)  # bumped after each step, to redraw what reads the mutable runs
playing = solara.reactive(False)
speed = solara.reactive(1)
chosen_actor = solara.reactive("")
built = solara.reactive(0)  # how many times the runs were built: results of older ones are stale
replicates = solara.reactive(50)  # the ensemble's size, kept across Resets
pacer: solara.Reactive[Playback | None] = solara.reactive(None)  # set once per session
presenting = solara.reactive(False)  # the presenter view: no sidebar, map and story in sight
rebuild_asked = solara.reactive(0)  # how many times side by side or its variant was changed
rebuilt = solara.reactive(0)  # how many of those changes the runs were rebuilt for
# Any error a click met (shown as a short line in the page's language, whichever it is switched
# to), and which build of the runs was shown when it did: a Reset that builds them anew takes it
# away with the run it came from.
problem: solara.Reactive[tuple[Exception | None, int]] = solara.reactive((None, 0))


@dataclasses.dataclass(frozen=True)
class EnsembleRun:
    """The ensemble panel's results: the one asked for last, and those kept to compare with it.

    Held by the session, not by the panel: the presenter view takes the panel off the page, and
    the results (or an ensemble still running) went with it.
    """

    build: int = 0
    """The build of the runs (:data:`built`) the ensemble was asked on."""
    state: str = ""
    """"running", "finished" or "failed"; "" before any was asked for."""
    result: EnsembleResult | None = None
    error: Exception | None = None
    """The error it met ("failed"), said in the page's language (:func:`problem_line`)."""
    last: EnsembleResult | None = None
    """The last ensemble finished, of whatever build."""
    before: EnsembleResult | None = None
    """The one finished before the ensemble asked for last, to compare with it."""


# What the seed field holds when it is not the settings' seed written plainly: a seed refused
# (the settings keep the last one accepted), or one written otherwise ("007").
seed_typed: solara.Reactive[str | None] = solara.reactive(None)

# (the build of the runs it was asked on, how many asks): set by the button only
ensemble_asked = solara.reactive((0, 0))
ensemble: solara.Reactive[EnsembleRun] = solara.reactive(EnsembleRun())  # set by its thread only
ensemble_done = solara.reactive(0)  # replicates done of the one running
ENSEMBLE_SET = threading.Lock()
"""An ensemble cancelled as it finishes must not overwrite the one asked for after it."""

log = logging.getLogger(__name__)

PLAY_GREEN = "#2e7d32"  # white on it: 5.1:1, WCAG AA (Vuetify's "success" green is 2.8:1)
RESET_ORANGE = "#b34700"  # white on it: 5.1:1 (Vuetify's "warning" orange is 2.2:1)


def guarded(handler: Callable[..., None]) -> Callable[..., None]:
    """``handler`` for a click or a control: any error becomes a short message on the page.

    No action of a lecturer may put a traceback on the projector; the traceback goes to the
    server's log instead, and the page keeps working.
    """

    @functools.wraps(handler)
    def run(*args, **kwargs) -> None:
        try:
            handler(*args, **kwargs)
        except Exception as error:
            report(error)

    return run


def report(error: Exception, build: int | None = None) -> None:
    """Log ``error`` with its traceback and show it on the page in one short line.

    ``build``: the build of the runs (:data:`built`) it came from, by default those shown.
    """
    log.exception(ui("error", lang.value))  # in the lecturer's terminal, in the page's language
    try:
        problem.set((error, built.value if build is None else build))
    except Exception:  # the page itself is gone: the log has it
        log.exception(ui("error", STARTED_IN))  # the page is gone, and its language with it


def problem_line(error: Exception, language: str) -> str:
    """An error the page met, in one line of the page's language.

    An error sahelsim knows (a scenario file that no longer loads, say) is said as the command
    line says it (:func:`sim.present.error_words.said`: French under French), after "Something
    went wrong:", on one line; any other is a fault of the program, whose message is Python's and English:
    the line says where its details are, the terminal that runs ``sahelsim teach``.
    """
    if not isinstance(error, SahelsimError):
        return ui("error_elsewhere", language)
    # on one line: a scenario's problems come after "1 problem found:", each on a line of its own
    message = re.sub(r"\s*\n\s*", " ", said(error.message, language).strip())
    return typeset(f"{ui('error', language)}:", language) + (f" {message}" if message else "")


def release_runs() -> None:
    """Let the runs shown go: Mesa 3.3 would otherwise keep every model of a long class."""
    for run in runs.value:
        run.model.release()
    runs.set([])


def start_if_empty() -> None:
    """Build the first run of a new browser session, and its Play."""
    if pacer.value is None:
        pacer.set(Playback())
    if not runs.value:
        reset()


def play() -> None:
    """Start stepping the runs, one tick each time the browser has drawn the last."""
    if pacer.value is None or all(run.finished for run in runs.value):
        return
    pacer.value.start()
    playing.set(True)


def pause() -> None:
    """Stop Play: its thread steps no more from now, before the page redraws."""
    if pacer.value is not None:
        pacer.value.pause()
        with pacer.value.busy:  # a step under way ends; the page then shows where it stopped
            pass
    playing.set(False)


def reset() -> None:
    """Rebuild the run (and its variant) from the controls."""
    pause()
    fresh = build_runs(settings.value, side_by_side.value, variant_key.value)
    for run in runs.value:
        run.model.release()
    runs.set(fresh)
    built.set(built.value + 1)
    tick.set(tick.value + 1)


def step(days: int = 1) -> int:
    """Show ``days`` more days of every run, on the same seed; return the new frame.

    From a run not yet begun, a week ends on day 7, the start's weekday (:func:`days_on`).
    """
    for run in runs.value:
        run.advance(days)
    frame = tick.value + 1
    tick.set(frame)
    return frame


def choose_scenario(name: str) -> None:
    """Load scenario ``name`` with its own values and rebuild the run."""
    settings.set(defaults_for(name))
    variant_key.set(default_variant(settings.value))
    chosen_actor.set("")
    seed_typed.set(None)  # the field shows the lesson's own seed
    ensemble.set(EnsembleRun())  # another lesson's ensembles answer another question
    reset()


def set_side_by_side(on: bool) -> None:
    """Show (or hide) the variant: both runs are rebuilt on the same seed, once it shows."""
    side_by_side.set(on)
    rebuild_asked.set(rebuild_asked.value + 1)


def set_variant(key: str) -> None:
    """Choose the right-hand variant: both runs are rebuilt, once the choice shows."""
    variant_key.set(key)
    rebuild_asked.set(rebuild_asked.value + 1)


@solara.component
def Rebuilder():
    """Rebuilds the runs after the page has shown the switch or the variant that asked for it.

    Rebuilt in the switch's own click, the runs were drawn in the same render as the variant's
    picker: for three seconds of maps and series nothing answered the switch, and the picker
    seemed to come only with the Reset a lecturer pressed meanwhile.
    """
    asked = rebuild_asked.value

    def rebuild() -> None:
        if asked > rebuilt.value:  # once per change, should the page be drawn again meanwhile
            rebuilt.set(asked)
            guarded(reset)()

    solara.use_effect(rebuild, [asked])


# ---------------------------------------------------------------------- components


BLOCK = {"display": "block"}
"""A text on a line of its own (solara.Text is inline)."""


@solara.component
def ParameterSlider(p: Parameter, value: float, on_value: Callable[[float], None]):
    """A slider for one declared parameter, labelled in the page's language."""
    label = parameter_label(p, lang.value)
    if p.integer:
        solara.SliderInt(
            label,
            value=int(value),
            min=int(p.low),
            max=int(p.high),
            on_value=on_value,
            thumb_label="always",
        )
    else:
        # The label carries the value, in the page's language ("0,75" in French): the browser's
        # value bubble writes 0.75 in every language, and it is too narrow for 0.002 (it showed
        # ".002", over the label above it).
        language = lang.value
        value_text = i18n.short_decimal(float(value), language)
        solara.SliderFloat(
            typeset(f"{label}{' :' if language == 'fr' else ':'} {value_text}", language),
            value=float(value),
            min=p.low,
            max=p.high,
            step=slider_step(p, value),
            on_value=on_value,
            thumb_label=False,
        )


@solara.component
def PlayControls():
    """Step, play or pause, reset and the speed: what a lecturer clicks while the class watches."""
    language = lang.value
    _ = tick.value  # the runs are mutable: subscribe to the tick that says they moved
    # At the horizon Step and Play do nothing: greyed out, until a Reset (a lecturer clicked
    # Play at the end of lesson 5 and waited)
    ended = bool(runs.value) and all(run.finished for run in runs.value) and not playing.value
    # row-gap too: solara's gap is a column gap, and French buttons wrap onto two rows at 1024
    # pixels
    style = {"flex-wrap": "wrap", "align-items": "center", "row-gap": "8px"}
    with solara.Row(gap="8px", style=style):
        solara.Button(
            ui("step", language),
            on_click=guarded(lambda: step(1)),
            color="primary",
            disabled=ended,
        )
        solara.Button(
            ui("step_week", language), on_click=guarded(lambda: step(WEEK)), disabled=ended
        )
        solara.Button(
            ui("pause" if playing.value else "play", language),
            on_click=guarded(pause if playing.value else play),
            # greyed out as Step is: dark, its disabled white text stood on the white page
            color=None if ended else PLAY_GREEN,
            dark=not ended,
            disabled=ended,
        )
        solara.Button(ui("reset", language), on_click=guarded(reset), color=RESET_ORANGE, dark=True)
    with solara.Row(style={"align-items": "center"}):
        solara.Text(ui("speed", language))
        solara.ToggleButtonsSingle(
            value=speed.value, values=list(SPEEDS), on_value=guarded(speed.set)
        )


SEED_WRITTEN = re.compile(r"\s*[0-9]+\s*")


def typed_seed(text: str) -> int | None:
    """The seed ``text`` names, or None when it names none a run takes (0 to MAX_SEED)."""
    if not SEED_WRITTEN.fullmatch(text):
        return None
    seed = int(text)
    return seed if seed <= MAX_SEED else None


def type_seed(text: str | None) -> None:
    """Keep what was typed in the seed field; the settings take it only if it is a seed."""
    text = text or ""
    seed_typed.set(text)
    seed = typed_seed(text)
    if seed is not None:
        settings.set(dataclasses.replace(settings.value, seed=seed))


def seed_refusal(language: str) -> str:
    """What the seed field expects, and the seed the next Reset takes instead."""
    most = i18n.number(MAX_SEED, language)
    return ui("seed_refused", language).format(most=most, seed=settings.value.seed)


@solara.component
def RunControls():
    """The seed, and when changed controls apply.

    A seed that is none (negative, text, past the largest) is refused as it is typed, in the
    page's language: it used to reach Reset, which failed on it.
    """
    language = lang.value
    text = seed_typed.value if seed_typed.value is not None else str(settings.value.seed)
    solara.InputText(
        ui("seed", language),
        value=text,
        on_value=type_seed,
        continuous_update=True,
        error=seed_refusal(language) if typed_seed(text) is None else False,
        classes=["sahel-seed"],
    )
    solara.Text(ui("apply", language), style={"font-style": "italic"})


@solara.component
def ScenarioControls():
    """Scenario picker, language, commitment mode, pacts, side-by-side and parameters."""
    language = lang.value
    current = settings.value
    scenario = runs.value[0].scenario
    choices = scenario_choices(language, OPENED)
    solara.Select(
        ui("scenario", language),
        value=choice_title(current.scenario, language, OPENED),
        values=list(choices),
        on_value=guarded(lambda title: choose_scenario(choices[title])),
    )
    with solara.Row():
        for choice in Lang:
            solara.Button(
                choice.meaning,
                on_click=lambda choice=choice: lang.set(choice.value),
                outlined=language != choice,
            )
    solara.Button(
        ui("presenter", language),
        on_click=lambda: presenting.set(True),
        icon_name="mdi-projector-screen",
        outlined=True,
    )
    RunControls()
    solara.Switch(
        label=ui("commitment", language),
        value=current.strict,
        on_value=lambda v: settings.set(dataclasses.replace(settings.value, strict=v)),
    )
    solara.HTML(tag="h3", unsafe_innerHTML=ui("pacts", language))
    for pact, on in current.pacts.items():
        solara.Switch(
            label=pact_name(pact, language),
            value=on,
            on_value=lambda v, pact=pact: settings.set(settings.value.with_pact(pact, v)),
        )
    solara.Switch(
        label=ui("side_by_side", language),
        value=side_by_side.value,
        on_value=guarded(set_side_by_side),
    )
    if side_by_side.value:
        # Not `choices`: the scenario picker's handler above reads that name when called, and
        # found the variants' list there (a lesson picked side by side was a TypeError).
        variants = variant_choices(current)
        by_label = {variant_label(k, language, current): k for k in variants}
        solara.Select(
            ui("variant", language),
            value=variant_label(variant_key.value, language, current),
            values=list(by_label),
            on_value=guarded(lambda v: set_variant(by_label[v])),
        )
    with solara.Details(ui("parameters", language), expand=True):
        # The sliders show single values; the run draws from the posterior (LiveRun, drawn()).
        solara.Text(ui("parameters_hint", language), style=BLOCK)
        for name, p in PARAMETERS.items():
            ParameterSlider(
                p,
                current.params[name],
                lambda v, name=name: settings.set(settings.value.with_param(name, v)),
            )
    ActorControls(scenario)


@solara.component
def ActorControls(scenario: Scenario):
    """Per-actor parameters of one chosen actor."""
    language = lang.value
    ids = list(scenario.actors)
    actor = chosen_actor.value if chosen_actor.value in ids else ids[0]
    names = actor_choices(scenario, language)
    shown = next(name for name, i in names.items() if i == actor)
    with solara.Details(ui("actors", language)):
        solara.Select(
            ui("actor", language),
            value=shown,
            values=list(names),
            on_value=guarded(lambda name: chosen_actor.set(names[name])),
        )
        for name in ACTOR_KNOBS:
            ParameterSlider(
                ACTOR_PARAMETERS[name],
                actor_value(scenario, settings.value, actor, name),
                lambda v, name=name: settings.set(settings.value.with_actor(actor, name, v)),
            )


@solara.component
def Narrative(run: LiveRun, compact: bool = False, paired: bool = False):
    """The story so far, newest paragraph last.

    In a shorter box in the presenter view; under its map there when ``paired``, side by side
    with another run.
    """
    language = lang.value
    _ = tick.value  # the run is mutable: subscribe to the tick that says it moved
    day = run.day
    lines = story_lines(run, language)
    html = "".join(story_html(line, language) for line in reversed(lines))
    # The day this story reaches, for whoever checks that the story and the day agree.
    html += f"<span class='sahel-story-day' data-day='{day}' hidden></span>"
    # Plain HTML, not solara.Markdown, whose front-end fetches KaTeX from a CDN.
    StoryBox(
        html=html if lines else escape(ui("not_started", language)), compact=compact, paired=paired
    )


def story_html(line: StoryLine, lang: str) -> str:
    """One paragraph of the story: the words, the reason, and the figures behind a toggle."""
    words = escape(typeset(line.text, lang))
    if line.reason:
        words += f" <span class='sahel-reason'>{escape(typeset(line.reason, lang))}</span>"
    html = f"<p><b>{i18n.date_text(line.date, lang)}</b> — {words}</p>"
    if line.details:
        html = (
            f"<div class='sahel-paragraph'>{html}<details><summary>{ui('details', lang)}"
            f"</summary>{escape(typeset(line.details, lang))}</details></div>"
        )
    return html


def run_headings(shown: list[LiveRun], language: str) -> list[str | None]:
    """What each run shown is, as HTML: side by side, the runs as set and the variant."""
    if len(shown) == 1:
        return [None]
    left, right = (run.settings for run in shown)
    return [
        escape(side_heading(left, language)),
        escape(
            ui("right_heading", language).format(
                variant=variant_label(variant_key.value, language, left),
                pacts=sum(right.pacts.values()),
                total=len(right.pacts),
            )
        ),
    ]


@solara.component
def RunView(run: LiveRun, paired: bool = False):
    """Map, series and narrative of one run (``paired``: side by side with another)."""
    language = lang.value
    _ = tick.value  # the run is mutable: subscribe to the tick that says it moved
    with solara.Column():
        DayMark(
            text=day_title(run, language),
            day=run.day,
            frame=tick.value,
            playing=playing.value,
            event_drawn=pacer.value.drawn if pacer.value is not None else lambda frame: None,
        )
        # The map and the story side by side on a projector; one above the other when narrow.
        with solara.ColumnsResponsive(default=12, large=12 if paired else [7, 5]):
            # PNG bytes made by the run, which redraws only what changed since the last tick.
            with solara.Column(gap="4px"):
                solara.Image(
                    run.map_png(language, paired),
                    format="png",
                    width="100%",
                    classes=["sahel-map", *(["sahel-map-paired"] * paired)],
                )
                if not paired:  # side by side, one legend stands under both headings
                    MapLegend()
            with solara.Column():
                solara.HTML(tag="h3", unsafe_innerHTML=ui("narrative", language))
                Narrative(run)
        solara.Image(run.series_png(language), format="png", width="100%", classes=["sahel-series"])


@solara.component
def MapLegend():
    """The maps' legend in the page's type and language, beside the map rather than over it.

    Drawn on the map, it covered the north-east of Niger, and its words were as small as the
    map was shown (a few pixels high, side by side at 1024 pixels).
    """
    keys = "".join(
        f"<span class='sahel-key'><i class='sahel-{e['kind']}' style='--ink: {e['colour']};"
        f" --line: {e['style']}'></i>{escape(e['text'])}</span>"
        for e in warmap.legend_entries(lang.value)
    )
    solara.HTML(tag="div", unsafe_innerHTML=keys, classes=["sahel-legend"])


@solara.component
def TeachingNotes(scenario: Scenario):
    """The scenario's teaching notes, NetLogo-style."""
    language = lang.value
    if scenario.teaching is None:
        return
    notes = scenario.teaching.in_language(language)
    parts = [
        f"<h3>{ui('what_is_it', language)}</h3><p>{escape(typeset(notes.what_is_it, language))}</p>"
    ]
    for key in ("things_to_notice", "things_to_try", "discuss"):
        items = "".join(
            f"<li>{escape(typeset(item, language))}</li>" for item in getattr(notes, key)
        )
        if items:
            parts.append(f"<h3>{ui(key, language)}</h3><ul>{items}</ul>")
    # The predict-then-run question stands above, in Predict; the rest waits behind a click.
    with solara.Details(ui("notes", language), expand=False):
        solara.HTML(tag="div", unsafe_innerHTML="".join(parts), classes=["sahel-notes"])


@solara.component
def Predict(scenario: Scenario):
    """The lesson's predict-then-run question, large, above the run."""
    language = lang.value
    if scenario.teaching is None or not scenario.teaching.in_language(language).predict:
        return
    question = escape(typeset(scenario.teaching.in_language(language).predict, language))
    solara.HTML(
        tag="div",
        unsafe_innerHTML=f"<b>{typeset(ui('predict', language) + ':', language)}</b> {question}",
        classes=["sahel-predict"],
    )


@solara.component
def Ensemble():
    """N replicates of the current settings in a background thread, then their outcomes.

    A Reset (see :data:`built`) takes the results away, and cancels an ensemble still
    running: results of earlier settings never stand beside the new run as its own. The
    ensemble finished before the last one asked for stays below, folded, under its own caption
    (the settings that made it), so that a lecturer can compare, say, with and without the
    pledges: of the same lesson only, never of another one chosen before. The results are the
    session's (:data:`ensemble`), run by :func:`EnsembleRunner`: they stay through the
    presenter view.
    """
    language = lang.value
    n = replicates
    now = ensemble.value
    current = runs.value[0].settings
    generation = built.value
    asked_now = now.build == generation  # else the results are of runs since reset
    # After a change of lesson (a Reset or none), another lesson's ensemble stood below as
    # "the ensemble before", its caption the only sign that it answered another question.
    before = same_lesson(now.before, current)
    with solara.Details(ui("ensemble", language), expand=True):
        solara.Text(ui("ensemble_hint", language))
        with solara.Row():
            solara.SliderInt(
                ui("replicates", language), value=n, min=10, max=500, step=10, thumb_label="always"
            )
            solara.Button(
                ui("run_ensemble", language),
                on_click=lambda: ensemble_asked.set((generation, ensemble_asked.value[1] + 1)),
                color="primary",
            )
        # Both on one scale of war lengths, so that the two are compared at a glance
        shown = [e for e in (now.result if asked_now else None, before) if e]
        longest = None
        if len(shown) == 2:
            longest = max(e.longest_war() for e in shown) or None
        if now.state == "running" and asked_now:
            done = ensemble_done.value
            solara.ProgressLinear(100 * done / max(n.value, 1))
            solara.Text(f"{done} / {n.value} {ui('progress', language)}", style=BLOCK)
        elif now.state == "finished" and asked_now:
            # Each on its line: two texts in a row read "10 replicates done10 replicates of".
            finished = now.result
            solara.Text(f"{len(finished.summaries)} {ui('progress', language)}", style=BLOCK)
            EnsembleShown(finished, language, longest)
        elif now.state == "failed" and asked_now:
            solara.Warning(problem_line(now.error, language))
        if before is not None:  # e.g. with the pledges, before a Reset without them
            with solara.Details(ui("previous_ensemble", language), expand=False):
                EnsembleShown(before, language, longest)


@solara.component
def EnsembleRunner():
    """Runs the ensemble asked for in a background thread, in the main view or the presenter's.

    Always on the page, as :func:`Player` is; a new ask or a Reset cancels the one running.
    """
    asked = ensemble_asked.value
    generation = built.value
    shown = runs.value

    def work(cancel: threading.Event) -> None:
        if asked[1] == 0 or asked[0] != generation or not shown:
            return
        run = shown[0]
        current = run.settings
        with ENSEMBLE_SET:
            if cancel.is_set():
                return
            now = ensemble.value
            # the last one finished is kept, so that two settings can be compared
            before = same_lesson(now.last, current) if now.last is not None else now.before
            ensemble_done.set(0)
            ensemble.set(EnsembleRun(generation, "running", last=now.last, before=before))
        try:
            summaries = run_ensemble(
                current, replicates.value, lambda i: cancel.is_set() or ensemble_done.set(i), cancel
            )
            result = None
            if summaries is not None:
                result = EnsembleResult(current, run.scenario, run.in_play, summaries)
            state, error = "finished", None
        except Exception as exc:
            log.exception(ui("error", lang.value))  # the page's language, as the others
            result, state, error = None, "failed", exc
        with ENSEMBLE_SET:
            if cancel.is_set() or (state == "finished" and result is None):
                return
            last = result or ensemble.value.last
            ensemble.set(
                dataclasses.replace(
                    ensemble.value, state=state, result=result, error=error, last=last
                )
            )

    solara.use_thread(work, dependencies=[asked, generation], intrusive_cancel=False)


def same_lesson(ensemble: EnsembleResult | None, current: Settings) -> EnsembleResult | None:
    """``ensemble`` if it was run on the lesson (or scenario) of ``current``, else None."""
    if ensemble is None or ensemble.settings.scenario != current.scenario:
        return None
    return ensemble


@solara.component
def EnsembleShown(ensemble: EnsembleResult, language: str, longest: int | None = None):
    """An ensemble's caption (what made it) and its figure (``longest``: its war-length axis)."""
    solara.Text(ensemble.caption(language), style=BLOCK)
    # Drawn to PNG here, under figures.DRAWING (figures.png): FigureMatplotlib would save it
    # outside the lock, in whatever settings another session's drawing left.
    figure = ensemble.figure(language, longest)
    solara.Image(png(figure), format="png", classes=["sahel-ensemble"])


@solara.component
def Player():
    """Steps the runs while Play is on, in a thread so the page stays responsive.

    One tick, then a wait until the browser has drawn it (see :mod:`.playback`): the model
    never runs ahead of the screen, and Pause stops it within one tick of the click.
    """

    def loop(cancel: threading.Event) -> None:
        playback = pacer.value
        if not playing.value or playback is None:
            return
        stop = playback.stop_event
        # A Reset pauses Play before it builds the runs anew: an error of a step under way is
        # told once the runs it stepped are gone, and must go with them.
        build = built.value
        try:
            while True:
                with playback.busy:  # Pause waits for a step under way, then none follows
                    if stop.is_set() or cancel.is_set():
                        return
                    for run in runs.value:
                        run.advance(speed.value)
                    ended = all(run.finished for run in runs.value)
                frame = tick.value + 1
                tick.set(frame)
                if ended:
                    break
                if not playback.wait_shown(frame, stop, cancel):
                    return
        except Exception as error:
            report(error, build)
        pause()  # the end of the run, or an error

    solara.use_thread(loop, dependencies=[playing.value], intrusive_cancel=False)


@solara.component_vue("frame_drawn.vue")
def DayMark(text: str, day: int, frame: int, playing: bool, event_drawn: Callable[[int], None]):
    """The run's day, large; tells the server once the browser has drawn ``frame``."""


@solara.component_vue("at_top.vue")
def AtTop():
    """Scrolls the page to its top as it appears (see the .vue): the presenter view opens there."""


@solara.component_vue("story_box.vue")
def StoryBox(html: str, compact: bool, paired: bool):
    """The story's box: its newest line at the foot, opening on a whole entry (see the .vue)."""


@solara.component
def Problem():
    """The last error a click met, in one line, until dismissed or a Reset.

    A Reset that builds the runs anew discards the run the error came from (or replaces the
    build that failed): the message stood over the fresh run until dismissed.
    """
    error, build = problem.value
    if error is not None and build == built.value:
        with solara.Row(style={"align-items": "center"}, classes=["sahel-problem"]):
            solara.Warning(problem_line(error, lang.value))
            solara.Button(
                ui("dismiss", lang.value), on_click=lambda: problem.set((None, 0)), text=True
            )


@solara.component
def Presenter():
    """The view for the projector: the map, the day and the newest of the story in one screen.

    No sidebar: the map takes more than half the width, and the day, the predict question and
    the narrative's newest lines stand beside it, all in view at 1024x768 and 1280x800 without
    scrolling, in either language (story_box.vue keeps the story's foot in the window). Side by
    side, the question stands over both runs, each map over its day and story, and the maps are
    only as high as leaves both stories' newest lines in the window.
    """
    language = lang.value
    shown = runs.value
    with solara.Column(classes=["sahel-presenter"]):
        AtTop()
        Problem()
        with solara.Row(style={"align-items": "center", "flex-wrap": "wrap"}, gap="16px"):
            solara.HTML(
                tag="h2",
                unsafe_innerHTML=escape(scenario_title(shown[0].scenario, language)),
                classes=["sahel-presenter-title"],
            )
            PlayControls()
            solara.Button(
                ui("controls", language),
                on_click=lambda: presenting.set(False),
                icon_name="mdi-tune",
                outlined=True,
            )
        paired = len(shown) > 1
        if paired:
            # Once over both: in the left column alone it pushed that story below the window.
            Predict(shown[0].scenario)
            # Which map is which, as in the main view (the two stood unnamed on the projector);
            # in a row of their own, so that the maps below stand level when one wraps more.
            with solara.Columns([1] * len(shown), classes=["sahel-paired"]):
                for heading in run_headings(shown, language):
                    solara.HTML(
                        tag="h3",
                        unsafe_innerHTML=heading,
                        classes=["sahel-run-heading", "sahel-paired-heading"],
                    )
            MapLegend()  # once, for both maps
        with solara.Columns([1] * len(shown), classes=["sahel-paired"] if paired else []):
            for i, run in enumerate(shown):
                PresentedRun(run, first=i == 0, paired=paired)


@solara.component
def PresentedRun(run: LiveRun, first: bool, paired: bool):
    """One run in the presenter view: the map, and beside it the day, the question, the story.

    Under the map when ``paired``, side by side with another run (the question stands above).
    """
    language = lang.value
    _ = tick.value  # the run is mutable: subscribe to the tick that says it moved
    if paired:
        # The map full width of its half stood 460 pixels high at 1280x800, and both stories
        # below the window: it is as high as leaves room for the day and the newest lines.
        with solara.Column(gap="4px"):
            solara.Image(
                run.map_png(language, paired=True),
                format="png",
                classes=["sahel-map", "sahel-map-paired", "sahel-paired-map"],
            )
            presented_day(run, first)
            Narrative(run, compact=True, paired=True)
    else:
        # Beside each other from 960 pixels: at 1024x768 the map, full width, filled the
        # window, and the day, the question and the story were all below it.
        with solara.ColumnsResponsive(default=12, medium=[7, 5]):
            with solara.Column(gap="4px"):
                solara.Image(
                    run.map_png(language), format="png", width="100%", classes=["sahel-map"]
                )
                MapLegend()
            with solara.Column(gap="4px"):
                presented_day(run, first)
                Predict(run.scenario)
                Narrative(run, compact=True)
    solara.Image(run.series_png(language), format="png", width="100%", classes=["sahel-series"])


def presented_day(run: LiveRun, first: bool) -> None:
    """The run's day in the presenter view; the first run's tells Play the frame is drawn."""
    DayMark(
        text=day_title(run, lang.value),
        day=run.day,
        frame=tick.value,
        playing=playing.value,
        event_drawn=(
            pacer.value.drawn if pacer.value is not None and first else lambda frame: None
        ),
    )


@solara.component
def Page():
    """The whole page: controls in the sidebar, runs, notes and ensemble in the main area."""
    language = lang.value
    # Not subscribed to the tick: only what shows a run redraws as it steps, not the controls.
    shown = runs.value
    solara.use_effect(start_if_empty, [])
    if not shown:  # a new session, built by the effect above
        solara.Text("…")
        return
    solara.Style(CSS)
    solara.Title("sahelsim")
    Player()
    Rebuilder()
    EnsembleRunner()  # here, not in the panel: the presenter view takes the panel away
    if presenting.value:
        Presenter()
        return
    with solara.Sidebar():
        ScenarioControls()
    with solara.Column():
        Problem()
        solara.HTML(tag="h1", unsafe_innerHTML=escape(scenario_title(shown[0].scenario, language)))
        solara.Text(ui("not_forecast", language), style={"font-style": "italic"})
        Predict(shown[0].scenario)
        TeachingNotes(shown[0].scenario)
        # Over the runs, not in the sidebar: its 376 pixels held the French buttons only on
        # three rows
        PlayControls()
        if len(shown) == 1:
            RunView(shown[0])
        else:
            # The headings in a row of their own, as in the presenter view: in each run's
            # column, the one that wrapped onto more lines pushed its map below the other's.
            with solara.Columns([1, 1]):
                for heading in run_headings(shown, language):
                    solara.HTML(tag="h3", unsafe_innerHTML=heading, classes=["sahel-run-heading"])
            MapLegend()  # once, for both maps
            with solara.Columns([1, 1]):
                for run in shown:
                    RunView(run, paired=True)
        Ensemble()
