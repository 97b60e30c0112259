"""What the classroom app shows, without the app: settings, a live run, figures and the GIF.

Nothing here imports solara, so the figures and :func:`animate_map` work from the command line
and in tests without the ``teach`` extra. :mod:`sim.present.app.page` builds the page on these.
"""

from __future__ import annotations

import dataclasses
import decimal
import functools
import io
import math
import textwrap
import threading
import types
from collections.abc import Callable, Collection, Sequence
from pathlib import Path

import matplotlib
import matplotlib.ticker
import numpy as np
from matplotlib.figure import Figure

from sim.analysis.estimates import proportion
from sim.model.model import SahelModel
from sim.model.outcome_registry import OUTCOMES, Estimator, applicable
from sim.model.outcomes import summarise
from sim.model.records import RecordKind
from sim.model.world import World, build_world
from sim.present import i18n
from sim.present.app import warmap
from sim.present.app.words import typeset, ui
from sim.present.catalogue import PACT_ARTICLES
from sim.present.figures import (
    VARIABLE_LABELS,
    localise_numbers,
    png,
    styled,
    war_length_title,
)
from sim.present.figures import WORDS as FIGURE_WORDS
from sim.present.french import UNITS_FR
from sim.present.narrative import Paragraph, narrative
from sim.run.files import written_whole
from sim.run.plan import draw_root_seed, replicate_seeds
from sim.run.posterior import drawn_by_default as drawn
from sim.run.replicate import run_one
from sim.scenario.catalogue import catalogue
from sim.scenario.facts import fact_base
from sim.scenario.loading import bundled_path, load_scenario
from sim.scenario.parameters import ACTOR_PARAMETERS, PARAMETERS, Parameter
from sim.scenario.schema import Scenario
from sim.scenario.vocabulary import ActorKind

SLIDER_STEPS = 1000  # about this many steps from end to end: kill_rate's 0.0001 over its 0.1
MAX_DECIMALS = 6  # a step the browser still writes as a plain decimal (1e-7 would not be)
ACTOR_KNOBS = [n for n in ACTOR_PARAMETERS if n != "forces"]  # forces default to the fact base
WEEK = 7  # the days "Step a week" shows, and Play's middle speed
SPEEDS = (1, WEEK, 30)  # days per tick of play

PANEL_OUTCOMES = tuple(o for o in OUTCOMES.values() if o.estimator is Estimator.PROPORTION)
"""The yes/no outcomes the ensemble panel shows, in the summary's order."""


def parameter_label(p: Parameter, lang: str) -> str:
    """A control's label from its declaration: the label and the unit, in ``lang``."""
    label = p.label_fr if lang == "fr" else p.label
    unit = UNITS_FR.get(p.unit, p.unit) if lang == "fr" else p.unit
    return f"{label} ({unit})"


def decimals(x: float) -> int:
    """How many decimals ``x`` is written with (0.25: 2; 30: 0; 1e-05: 5)."""
    exponent = decimal.Decimal(repr(float(x))).normalize().as_tuple().exponent
    return max(0, -int(exponent))


def slider_step(p: Parameter, value: float | None = None) -> float | int:
    """The increment of the slider for ``p``, a power of ten that every value it holds is on.

    The browser's slider snaps what it is given to ``low`` plus a whole number of steps, and
    sends the snapped value back: a step of 0.0009 on 0.1 to 1 turned the declared 0.6 into
    0.6004, and with it every run after a Reset. A power of ten as fine as the declaration's
    own decimals (and the value shown, from a scenario) keeps them exact: about
    :data:`SLIDER_STEPS` steps from end to end, finer only when a declared figure needs it.
    """
    if p.integer:
        return 1
    coarse = math.floor(-math.log10((p.high - p.low) / SLIDER_STEPS))
    figures = [p.low, p.high, p.default, *([] if value is None else [value])]
    places = min(MAX_DECIMALS, max(coarse, *(decimals(x) for x in figures)))
    return float(f"1e-{places}") if places > 0 else 1


# ---------------------------------------------------------------------- settings


@dataclasses.dataclass(frozen=True)
class Settings:
    """What the controls say: the scenario and every value the user may change.

    Attributes:
        scenario: a bundled scenario or lesson name.
        params: model parameters by name.
        strict: whether commitments are strict (else behavioural).
        pacts: whether each of the scenario's pacts is switched on.
        actors: per-actor parameter values that differ from the scenario's.
        seed: the replicate's seed.
    """

    scenario: str
    params: dict[str, float]
    strict: bool
    pacts: dict[str, bool]
    actors: dict[str, dict[str, float]]
    seed: int

    def with_param(self, name: str, value: float) -> Settings:
        """A copy with model parameter ``name`` set to ``value``."""
        return dataclasses.replace(self, params={**self.params, name: value})

    def with_pact(self, pact: str, on: bool) -> Settings:
        """A copy with ``pact`` switched on or off."""
        return dataclasses.replace(self, pacts={**self.pacts, pact: on})

    def with_actor(self, actor: str, name: str, value: float) -> Settings:
        """A copy with actor parameter ``name`` of ``actor`` set to ``value``."""
        actors = {**self.actors, actor: {**self.actors.get(actor, {}), name: value}}
        return dataclasses.replace(self, actors=actors)


def scenario_names() -> list[str]:
    """Bundled scenarios, then lessons."""
    return [entry.name for entry in catalogue() if not entry.invalid]  # a draft can't be opened


def as_bundled(source: str) -> str:
    """The name of the bundled scenario ``source`` is the file of, else ``source`` itself.

    ``sahelsim teach scenarios/lessons/lesson-1-....yaml`` opens a bundled lesson by its path:
    the picker lists it once, under its own title.
    """
    path = Path(source)
    found = bundled_path(path.stem) if path.suffix in {".yaml", ".yml"} else None
    if found is not None and path.is_file() and found.resolve() == path.resolve():
        return path.stem
    return source


@functools.cache
def scenario_choices(lang: str, opened: str) -> dict[str, str]:
    """The picker's entries: each scenario's title in ``lang``, to its name (or its file).

    Lessons come first, as a class meets them; file names stay out of sight. A scenario file
    the app was ``opened`` on comes before them all (with its file's name only if a bundled
    scenario has its title): the picker shows what is loaded, and takes the class back to it.
    """
    names = scenario_names()
    ordered = [n for n in names if n.startswith("lesson-")] + [
        n for n in names if not n.startswith("lesson-")
    ]
    bundled = {scenario_title(load_scenario(n), lang): n for n in ordered}
    if opened in names:
        return bundled
    title = scenario_title(load_scenario(opened), lang)
    if title in bundled:
        title = f"{title} ({Path(opened).name})"
    return {title: opened, **bundled}


def choice_title(name: str, lang: str, opened: str) -> str:
    """How scenario ``name`` reads in the picker of an app opened on ``opened``."""
    return next(t for t, n in scenario_choices(lang, opened).items() if n == name)


def actor_choices(scenario: Scenario, lang: str) -> dict[str, str]:
    """The actor picker's entries: each actor's name in ``lang`` (its id if it has none), to its id."""
    return {i18n.actor_name(actor, lang): actor for actor in scenario.actors}


def pact_enabled(scenario: Scenario) -> dict[str, bool]:
    """Whether each pact named in ``scenario`` is switched on."""
    return {
        pid: getattr(entry, "enabled", True) is not False for pid, entry in scenario.pacts.items()
    }


def scenario_title(scenario: Scenario, lang: str) -> str:
    """The scenario's title in ``lang``: its French title (Scenario.french_title), else its own."""
    if lang == "fr" and scenario.french_title:
        return typeset(scenario.french_title, lang)
    return scenario.title


def pact_name(pact: str, lang: str) -> str:
    """A pact's name from the fact base in ``lang``; its id for a pact defined in a scenario."""
    fact = fact_base().pacts.get(pact)
    if fact is None:
        return pact
    return (fact.name_fr or fact.name) if lang == "fr" else fact.name


@functools.cache
def defaults_for(name: str) -> Settings:
    """The controls' starting values for scenario ``name``: its own values, else the declared ones.

    A scenario that names no seed gets one drawn, as ``sahelsim run`` draws one; the seed control
    shows it, and it stays the same until the app is restarted.
    """
    scenario = load_scenario(name)
    params = scenario.parameters.model_dump()
    return Settings(
        scenario=name,
        params={k: params[k] for k in PARAMETERS},
        strict=scenario.commitment.value == "strict",
        pacts=pact_enabled(scenario),
        actors={},
        seed=int(scenario.ensemble.seed)
        if scenario.ensemble.seed is not None
        else draw_root_seed(),
    )


def actor_value(scenario: Scenario, settings: Settings, actor: str, name: str) -> float:
    """An actor parameter as the controls show it: changed, else the scenario's, else declared."""
    if name in settings.actors.get(actor, {}):
        return settings.actors[actor][name]
    overrides = scenario.actors.get(actor)
    value = getattr(overrides, name, None) if overrides is not None else None
    return ACTOR_PARAMETERS[name].default if value is None else value


def overrides(settings: Settings) -> list[str]:
    """The settings as ``--set`` overrides of the scenario.

    Only the parameters moved away from the scenario's own values are set: the others are left
    to each replicate's draw from the shipped posterior, as ``sahelsim run`` leaves them.
    """
    own = defaults_for(settings.scenario).params
    sets = [f"parameters.{k}={v}" for k, v in settings.params.items() if v != own.get(k)]
    sets.append(f"commitment={'strict' if settings.strict else 'behavioural'}")
    sets += [f"pacts.{p}.enabled={str(on).lower()}" for p, on in settings.pacts.items()]
    sets += [
        f"actors.{actor}.{name}={value}"
        for actor, values in settings.actors.items()
        for name, value in values.items()
    ]
    return sets


AES = "AES"
"""The alliance whose pledges the project is about: its pacts are switched off together."""


def among_aes(pact: str) -> bool:
    """Whether a pact of the fact base binds the AES states only.

    The Liptako-Gourma Charter, and the pledges Mali, Burkina Faso and Niger made each other
    before it.
    """
    fact = fact_base().pacts.get(pact)
    if fact is None:
        return False
    if fact.parties.organisation == AES:
        return True
    members = {m.state for m in fact_base().organisations[AES].members}
    return bool(fact.parties.states) and set(fact.parties.states) <= members


def variant_choices(settings: Settings) -> list[str]:
    """Keys of the right-hand variants on offer.

    No pacts; the AES states' pacts off (when the scenario has others too); the other mode; or
    one pact less.
    """
    on = [p for p, kept in settings.pacts.items() if kept]
    aes = sum(map(among_aes, on))
    return [
        "no-pacts",
        *(["no-aes-pacts"] if 0 < aes < len(on) else []),
        "other-mode",
        *(f"pact:{p}" for p in on),
    ]


def default_variant(settings: Settings) -> str:
    """The right-hand variant side by side starts on: the AES states' pacts off where offered.

    Lesson 1 asks for the pledges of Mali, Burkina Faso and Niger switched off, ECOWAS's own
    kept; all pacts off also takes away the protocols the threat is made under.
    """
    choices = variant_choices(settings)
    return "no-aes-pacts" if "no-aes-pacts" in choices else choices[0]


def variant_label(key: str, lang: str, settings: Settings) -> str:
    """How a variant key of the run as set (``settings``) reads in the picker and its heading.

    The other commitment mode is named: "strict commitment (the other mode)".
    """
    if key == "no-pacts":
        return ui("no_pacts", lang)
    if key == "no-aes-pacts":
        return ui("no_aes_pacts", lang)
    if key == "other-mode":
        mode = ui("behavioural" if settings.strict else "strict", lang)
        return ui("other_mode", lang).format(mode=mode)
    # "sans le Communiqué...": French keeps its article
    return f"{ui('without', lang)} {pact_phrase(key.removeprefix('pact:'), lang)}"


def side_heading(settings: Settings, lang: str) -> str:
    """The left-hand heading of side by side: what the run as set has on."""
    on = sum(settings.pacts.values())
    return ui("left_heading", lang).format(
        mode=ui("strict" if settings.strict else "behavioural", lang),
        pacts=on,
        total=len(settings.pacts),
    )


def variant(settings: Settings, key: str) -> Settings:
    """The settings of the right-hand variant ``key`` (see :func:`variant_choices`)."""
    if key == "no-pacts":
        return dataclasses.replace(settings, pacts=dict.fromkeys(settings.pacts, False))
    if key == "no-aes-pacts":
        pacts = {p: on and not among_aes(p) for p, on in settings.pacts.items()}
        return dataclasses.replace(settings, pacts=pacts)
    if key == "other-mode":
        return dataclasses.replace(settings, strict=not settings.strict)
    return settings.with_pact(key.removeprefix("pact:"), False)


# ---------------------------------------------------------------------- one live run


def days_on(day: int, days: int) -> int:
    """Days to run to show ``days`` more from ``day`` (the last day run, -1 before the first).

    A run not yet begun counts from its start day (day 0): one day shows the start day, and a
    week or a month from the start ends on day 7 or 30, the start's weekday or date, not on day
    6 or 29. So two weeks from lesson 1's start (10 August 2023) land on the deadline its notes
    ask the class to watch (24 August), and so does Play at a week per tick.
    """
    return days + 1 if day < 0 and days > 1 else days


class LiveRun:
    """One replicate stepped day by day, with what the page shows of it.

    Args:
        settings: the scenario and the values to run it with.
    """

    def __init__(self, settings: Settings):
        self.settings = settings
        loaded = load_scenario(settings.scenario, overrides(settings))
        self.scenario: Scenario = drawn(loaded, settings.seed)
        self.world: World = build_world(self.scenario, fact_base())
        self.model = SahelModel(self.world, settings.seed)
        # Play's thread steps while the page draws: both hold this lock.
        self.lock = threading.RLock()
        # The last map drawn in each language, and what it showed: switching the page's
        # language back and forth redraws nothing that has not changed.
        self._maps: dict[tuple[str, bool], tuple[tuple, bytes]] = {}
        self._series: dict[str, SeriesFigure] = {}  # one figure per language, redrawn in place

    @property
    def day(self) -> int:
        """The last day run (-1 before the first step)."""
        return self.model.day

    @property
    def finished(self) -> bool:
        """Whether the horizon has been run."""
        return self.model.day >= self.model.horizon

    @property
    def in_play(self) -> frozenset[str]:
        """The outcomes this run's world can produce (the summary columns)."""
        return frozenset(o.column for o in applicable(self.world))

    def step(self, days: int = 1) -> None:
        """Run ``days`` more days, stopping at the horizon."""
        with self.lock:
            for _ in range(days):
                if self.finished:
                    return
                self.model.step()

    def advance(self, days: int) -> None:
        """Show ``days`` more days: from a run not yet begun, to day ``days`` (:func:`days_on`)."""
        with self.lock:  # the day read and the days run, with no Play step in between
            self.step(days_on(self.day, days))

    def map_png(self, lang: str, paired: bool = False) -> bytes:
        """The map as a PNG, drawn again only when what it shows has changed.

        The map changes only when someone enters a war or answers an obligation, a few times a
        run, so playing day by day redraws only the series. ``paired``: drawn to be shown side
        by side with another, its labels larger for the smaller map.
        """
        with self.lock:
            sides = tuple(sorted((a, s) for a, s in self.model.side.items() if s))
            answered = sum(1 for r in self.model.records if r.kind is RecordKind.RESPONSE)
            shown = (sides, answered)
            drawn = self._maps.get((lang, paired))
            if drawn is None or drawn[0] != shown:
                figure = map_figure(self, lang, title=False, paired=paired)
                drawn = self._maps[(lang, paired)] = (shown, png(figure))
            return drawn[1]

    def series_png(self, lang: str) -> bytes:
        """The time series so far as a PNG."""
        with self.lock:
            if lang not in self._series:
                groups = bool(self.model.world.ids(ActorKind.ARMED_GROUP))
                self._series[lang] = SeriesFigure(self.model.horizon, lang, groups)
            return self._series[lang].png(self.model.series)

    def summary(self) -> dict:
        """The replicate's summary, as :func:`sim.run.replicate.run_one` computes it."""
        model, scenario = self.model, self.scenario
        members = {
            org: sorted(
                set(model.memberships.active(org, scenario.start))
                | set(model.memberships.active(org, scenario.end))
            )
            for org in self.world.organisations
        }
        return summarise(
            model.records,
            model.series,
            organisation_members=members,
            counterinsurgency_lost=model.counterinsurgency_lost,
            homes=self.world.homes(),
        )

    def paragraphs(self, lang: str) -> list[Paragraph]:
        """The narrative so far; the closing paragraph only once the horizon is reached."""
        return self.told(lang)[0]

    def told(self, lang: str) -> tuple[list[Paragraph], list]:
        """The narrative so far, and the records it tells (one per paragraph after the first)."""
        with self.lock:
            records = list(self.model.records)
            summary = self.summary() if self.finished else {}
        run = types.SimpleNamespace(
            records=records,
            series=self.model.series,
            start=self.scenario.start,
            days=self.scenario.days,
            summary=summary,
            seed=self.settings.seed,
            scenario_title=self.scenario.title,  # the story takes the French one in French
            scenario_title_fr=scenario_title(self.scenario, "fr")
            if self.scenario.french_title
            else "",
            notes_fr=self.scenario.notes_fr,
        )
        told = narrative(run, lang)  # duck-typed: narrative reads only these attributes
        return (told if self.finished else told[:-1]), records


def build_runs(settings: Settings, side_by_side: bool, variant_key: str) -> list[LiveRun]:
    """The run as set, and with ``side_by_side`` its variant on the same seed."""
    runs = [LiveRun(settings)]
    if side_by_side:
        runs.append(LiveRun(variant(settings, variant_key)))
    return runs


# ---------------------------------------------------------------------- figures


def day_title(run: LiveRun, lang: str) -> str:
    """``Day 12 of 365 - 22 August 2023`` in ``lang``."""
    if run.day < 0:
        return ui("not_started", lang)
    date = i18n.date_text(run.model.date, lang)
    done = f" ({ui('finished', lang)})" if run.finished else ""
    return f"{ui('day', lang)} {run.day} {ui('of', lang)} {run.model.horizon} - {date}{done}"


def map_figure(run: LiveRun, lang: str, *, title: bool = True, paired: bool = False) -> Figure:
    """The live map of ``run``, with the day as its title unless ``title`` is false.

    ``paired``: drawn to be shown side by side with another (:data:`warmap.PAIRED`).
    """
    size = warmap.PAIRED if paired else warmap.SINGLE
    with run.lock:
        return warmap.map_figure(run.model, lang, size, day_title(run, lang) if title else None)


PROJECTOR_TYPE = {
    "axes.titlesize": 17,
    "axes.labelsize": 15,
    "xtick.labelsize": 14,
    "ytick.labelsize": 14,
}
"""Type sizes (points) of the live series, read from the back of a classroom."""

SERIES_PANELS = ("belligerents", "committed", "casualties", "insurgent_strength")


def series_values(series) -> list[np.ndarray]:
    """The four overall daily variables of :data:`SERIES_PANELS` from a model's series."""
    return [
        series.belligerents,
        series.committed.sum(axis=1),
        series.casualties.sum(axis=1),
        series.strength.sum(axis=1),
    ]


class SeriesFigure:
    """Four daily series of a run so far: wars, forces at the front, casualties, insurgents.

    Built once and updated in place: a fresh figure each day would cost twice as much.
    """

    def __init__(self, horizon: int, lang: str, groups: bool = True):
        """``groups``: the scenario has armed groups (without, their panel says so)."""
        labels = VARIABLE_LABELS[lang]
        # Shown about 1,000 pixels wide, under the map: large type for the back of the room.
        with styled(PROJECTOR_TYPE):
            self.figure = Figure(figsize=(11, 5.2), dpi=90)
            # Fixed margins: constrained layout would triple the time of each redraw.
            self.figure.subplots_adjust(
                left=0.09, right=0.98, bottom=0.12, top=0.93, hspace=0.55, wspace=0.2
            )
            self.lines = []
            for i, key in enumerate(SERIES_PANELS):
                ax = self.figure.add_subplot(2, 2, i + 1)
                (line,) = ax.plot([], [], color="#2471a3", linewidth=2.5)
                ax.set_title(labels[key])
                ax.set_xlim(0, horizon)
                ax.set_xlabel(ui("day", lang))
                # Five round labels at most: at matplotlib's ten, the armed groups' 0, 400, ...
                # 3,200 touched one another in a panel 140 pixels high
                ax.yaxis.set_major_locator(
                    matplotlib.ticker.MaxNLocator(nbins=4, steps=[1, 2, 5, 10], integer=True)
                )
                # 35,000 in English, 35 000 in French
                ax.yaxis.set_major_formatter(
                    matplotlib.ticker.FuncFormatter(lambda x, _pos: i18n.number(x, lang))
                )
                self.lines.append(line)
                if key == "insurgent_strength" and not groups:
                    # Not a flat 0 on a 0-1 axis a class would read as a count
                    ax.text(0.5, 0.5, ui("no_armed_groups", lang), transform=ax.transAxes,
                            ha="center", va="center", color="#555555")  # fmt: skip
                    ax.set_yticks([0])

    def update(self, series) -> Figure:
        """Show ``series`` (a model's daily series so far); return the figure."""
        for line, values in zip(self.lines, series_values(series), strict=True):
            line.set_data(np.arange(len(values)), values)
            # From zero, so that day-to-day noise does not look like a collapse; at least 0-1,
            # so that a series still at zero shows as a flat line at the bottom.
            top = float(values.max()) if len(values) else 0.0
            line.axes.set_ylim(0, max(1.0, 1.08 * top))
        return self.figure

    def png(self, series) -> bytes:
        """Show ``series`` and return the figure as PNG bytes."""
        return png(self.update(series))


def war_lengths(summaries: Sequence[dict]) -> list[int]:
    """The first war's length in the replicates that had one: no war is not a war of 0 days."""
    return [s["war_days"] for s in summaries if s.get("war_occurred")]


def ensemble_figure(
    summaries: Sequence[dict],
    lang: str,
    in_play: Collection[str] | None = None,
    longest: int | None = None,
) -> Figure:
    """Shares of yes/no outcomes with 95 % intervals, and the first war's length.

    An outcome the scenario cannot produce (not in ``in_play``, the columns
    :func:`~sim.model.outcome_registry.applicable` gives its world) gets no bar but "n/a", as in
    the report's figure: a 0 % would say it could have happened. ``longest`` (days) fixes the
    war lengths' axis, so that two ensembles shown one above the other read on the same scale.
    """
    with styled():
        # One above the other, at the width of the main area on a 1280-pixel projector: side by
        # side, the figure was shrunk to 57 % there and its labels were 10 pixels high.
        fig = Figure(figsize=(8, 8.5), layout="constrained")
        fig.get_layout_engine().set(w_pad=0.12)  # "100%" in its column touched the right edge
        ax, hist = fig.subplots(2, 1, height_ratios=(3, 2))
        shown = [o for o in PANEL_OUTCOMES if summaries and o.column in summaries[0]]
        estimates = [
            proportion(sum(bool(s[o.column]) for s in summaries), len(summaries))
            if in_play is None or o.column in in_play
            else None
            for o in shown
        ]
        y = np.arange(len(shown))
        values = np.array([e.value if e else 0.0 for e in estimates])
        # Wilson bounds at 0 or 1 may land a rounding error on the wrong side of the share.
        errors = np.clip(
            np.array([[e.value - e.low, e.high - e.value] if e else [0, 0] for e in estimates]).T,
            0,
            1,
        )
        ax.barh(y, values, xerr=errors if len(shown) else None, color="#2471a3", capsize=5)
        for row, estimate in zip(y, estimates, strict=True):
            if estimate is None:  # on two lines: in French one ran past the 100 % edge
                ax.text(0.01, row, textwrap.fill(FIGURE_WORDS[lang]["na"], 26), va="center",
                        fontsize=12, color="#555555", linespacing=1.0)  # fmt: skip
        ax.set_yticks(y, [o.label(lang) for o in shown])
        # Each share in figures, in a column past the 100 % edge: beside the bar's end or its
        # interval's, a figure could be read as a bound.
        shares = ax.secondary_yaxis("right")
        shares.set_yticks(y, [i18n.percent(e.value, lang) if e else "-" for e in estimates])
        shares.tick_params(length=0, labelsize=15)
        ax.tick_params(axis="y", labelsize=14)
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(  # 20% in English, 20 % in French
            matplotlib.ticker.FuncFormatter(lambda x, _pos: i18n.percent(x, lang))
        )
        ax.invert_yaxis()
        ax.set_xlabel(FIGURE_WORDS[lang]["share"])
        days = war_lengths(summaries)
        if days:
            span = (0, max(longest, *days)) if longest else None
            hist.hist(days, bins=20, range=span, color="#c0392b")
            if span:
                hist.set_xlim(*span)
            hist.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
            hist.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))  # days
            hist.set_ylabel(FIGURE_WORDS[lang]["replicates"])
        else:
            hist.set_axis_off()
            hist.text(0.5, 0.5, FIGURE_WORDS[lang]["no_war_at_all"], ha="center", va="center",
                      transform=hist.transAxes, fontsize=15)  # fmt: skip
        # Over the replicates with a war, as the title says, and how many they are: a title on
        # one line ran out of the panel in French.
        hist.set_title(war_length_title(len(days), len(summaries), lang), fontsize=13)
        hist.set_xlabel(OUTCOMES["war_days"].unit(lang))
        localise_numbers(fig, lang)
    return fig


@dataclasses.dataclass(frozen=True)
class EnsembleResult:
    """An ensemble's replicates and what made them: enough to show it again after a Reset."""

    settings: Settings
    scenario: Scenario
    in_play: frozenset[str]
    summaries: list[dict]

    def caption(self, lang: str) -> str:
        """:func:`ensemble_caption` of these replicates."""
        return ensemble_caption(self, len(self.summaries), lang)

    def figure(self, lang: str, longest: int | None = None) -> Figure:
        """:func:`ensemble_figure` of these replicates (``longest``: the war lengths' axis)."""
        return ensemble_figure(self.summaries, lang, self.in_play, longest)

    def longest_war(self) -> int:
        """The longest first war of these replicates, in days (0 without a war)."""
        return max(war_lengths(self.summaries), default=0)


def ensemble_caption(run: LiveRun | EnsembleResult, n: int, lang: str) -> str:
    """What produced an ensemble's results: how many replicates of which settings, which seed."""
    changed = [
        k
        for k, v in run.settings.params.items()
        if v != defaults_for(run.settings.scenario).params[k]
    ]
    return ui("ensemble_of", lang).format(
        n=n,
        title=scenario_title(run.scenario, lang),
        seed=run.settings.seed,
        mode=ui("strict" if run.settings.strict else "behavioural", lang),
        pacts=sum(run.settings.pacts.values()),
        total=len(run.settings.pacts),
        off=pacts_off(run.settings, lang),
        changed=len(changed) + sum(len(v) for v in run.settings.actors.values()),
    )


def pacts_off(settings: Settings, lang: str) -> str:
    """Which pacts a run has switched off, for a caption ("" when none, or all, are off).

    "4 of 7" alone did not say whether the pledges a lesson asks about were the ones off.
    """
    off = [p for p, on in settings.pacts.items() if not on]
    if not off or len(off) == len(settings.pacts):
        return ""
    if set(off) == {p for p in settings.pacts if among_aes(p)}:
        names = ui("aes_pacts", lang)
    else:
        names = i18n.join_list([pact_phrase(p, lang) for p in off], lang)
    return ui("pacts_off", lang).format(names=names)


def pact_phrase(pact: str, lang: str) -> str:
    """A pact's name with its article ("the Liptako-Gourma Charter", "le Protocole...")."""
    articles = PACT_ARTICLES.get(pact)
    return i18n.with_article(articles[lang] if articles else "", pact_name(pact, lang))


def run_ensemble(
    current: Settings, n: int, progress: Callable[[int], None], cancel: threading.Event
) -> list[dict] | None:
    """Run ``n`` replicates of ``current``; None if cancelled."""
    scenario = load_scenario(current.scenario, overrides(current))
    facts = fact_base()
    summaries = []
    for i, seed in enumerate(replicate_seeds(current.seed, n)):
        if cancel.is_set():
            return None
        summaries.append(run_one(drawn(scenario, seed), seed, facts).summary)
        progress(i + 1)
    return summaries


# ---------------------------------------------------------------------- animated GIF


def animate_map(
    scenario: str | Scenario,
    seed: int,
    path: str | Path,
    lang: str = "en",
    *,
    every: int = 7,
    frame_ms: int = 250,
) -> Path:
    """Write an animated GIF of the map over one replicate, for slides.

    Args:
        scenario: a bundled name, a scenario file or a loaded scenario.
        seed: the replicate's seed.
        path: where to write the GIF.
        lang: "en" or "fr" for the titles and legend.
        every: days between frames (the last day is always a frame).
        frame_ms: how long each frame shows, in milliseconds.

    Returns:
        The path written.
    """
    from PIL import Image

    loaded = scenario if isinstance(scenario, Scenario) else load_scenario(scenario)
    model = SahelModel(build_world(loaded, fact_base()), seed)
    run = types.SimpleNamespace(model=model, day=-1, finished=False)
    title = scenario_title(loaded, lang)
    frames: list[Image.Image] = []
    for day in range(model.horizon + 1):
        model.step()
        if day % every == 0 or day == model.horizon:
            run.day, run.finished = model.day, day == model.horizon
            frames.append(_palette(png(frame_figure(run, title, lang))))
    out = Path(path)
    with written_whole(out) as temporary:  # whole or not at all
        frames[0].save(
            temporary,
            format="GIF",
            save_all=True,
            append_images=frames[1:],
            duration=frame_ms,
            loop=0,
        )
    model.release()
    return out


GIF_SIZE = (16, 10)
"""A GIF frame's size in inches: 1280 x 800 pixels at :data:`GIF_DPI`, for a slide."""
GIF_DPI = 80


def frame_figure(run, title: str, lang: str) -> Figure:
    """One GIF frame: the map with the title and the date, its legend beside it."""
    with styled():
        fig = Figure(figsize=GIF_SIZE, dpi=GIF_DPI)
        ax = fig.add_axes((0.01, 0.02, 0.76, 0.86))
        warmap.draw_map(ax, run.model, lang, legend=True)
        fig.suptitle(f"{title}\n{day_title(run, lang)}", fontsize=20, y=0.985)
    return fig


def _palette(frame: bytes):
    """PNG bytes as a palette image, as a GIF holds them."""
    from PIL import Image

    return Image.open(io.BytesIO(frame)).convert("RGB").convert("P", palette=Image.Palette.ADAPTIVE)
