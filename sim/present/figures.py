"""Figures of an ensemble, readable when projected: bands, escalation timeline, outcomes.

Every plotting function takes ``ax=None`` (drawing into a new figure when none is given) and
returns the :class:`~matplotlib.figure.Figure`; data preparation is separate and reads the
bundle's files. Each figure carries the scenario's title and a footer with the seed, the
version and "not a forecast".
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import matplotlib
import matplotlib.dates as mdates
import numpy as np
from matplotlib.figure import Figure  # figures are drawn without pyplot: no GUI backend needed
from matplotlib.legend import Legend
from matplotlib.patches import Patch
from matplotlib.text import Annotation, Text
from matplotlib.transforms import IdentityTransform, ScaledTranslation

from sim import __version__
from sim.model.outcome_registry import OUTCOMES, Estimator, Outcome
from sim.model.pacts import requested
from sim.numbers import grouped, localised, percent_sign, takes_singular
from sim.present.catalogue import MONTHS
from sim.present.markers import dated_line, merge_close, record_title, scenario_event_title
from sim.present.terminal import replicates as counted_replicates
from sim.run.files import written_whole

STYLE = {
    "font.size": 13,
    "axes.titlesize": 15,
    "axes.labelsize": 13,
    "xtick.labelsize": 11,
    "ytick.labelsize": 11,
    "legend.fontsize": 11,
    "figure.dpi": 110,
    "savefig.bbox": "tight",
}
DRAWING = threading.RLock()
"""Held while any figure of the package is drawn or saved.

matplotlib's settings are one dictionary per process, and ``rc_context`` changes it in place
and restores it on leaving: a figure drawn or saved in one thread while another is inside its
``rc_context`` reads the other's settings (the classroom app's map came out cropped to another
size whenever another session drew), and two leaving out of order leave stale settings behind.
"""


@contextmanager
def styled(extra: Mapping | None = None) -> Iterator[None]:
    """Draw in :data:`STYLE` (with ``extra`` over it), one thread at a time (:data:`DRAWING`)."""
    with DRAWING, matplotlib.rc_context({**STYLE, **(extra or {})}):
        yield


MARKER_GAP = 0.04
"""Event markers closer than this share of a time axis are labelled together."""
SIDE_COLOURS = {1: "#c0392b", 2: "#2471a3"}  # attacking side red, defending side blue
BAND_COLOUR = "#2471a3"

VARIABLE_LABELS = {
    "en": {
        "belligerents": "Belligerents",
        "wars": "Wars under way",
        "committed": "Forces at the front (personnel)",
        "casualties": "Military casualties (cumulative)",
        "insurgent_strength": "Armed groups' fighters",
    },
    "fr": {
        "belligerents": "Belligérants",
        "wars": "Guerres en cours",
        "committed": "Forces au front (personnel)",
        "casualties": "Pertes militaires (cumulées)",
        "insurgent_strength": "Combattants des groupes armés",
    },
}
WORDS = {
    "en": {
        "median": "median",
        "50": "50 % of replicates",
        "90": "90 % of replicates",
        "not_forecast": "not a forecast",
        "seed": "root seed",
        "replicate": "replicate",
        "timeline": "Escalation timeline",
        "request": "on request",
        "no_war": "No war in replicate {i}",
        "what_happened": "What happened instead:",
        "nothing": "Nothing was scheduled or decided: no threat, no attack.",
        "more": "... and {n} more events (sahelsim explain tells them all)",
        "outcomes": "Key outcomes across replicates (95 % intervals)",
        "share": "share of replicates",
        "replicates": "replicates",
        "side1": "attacking side",
        "side2": "defending side",
        "na": "n/a: cannot happen in this scenario",
        "with_war": "Length of the war\n({k} of {replicates} had one)",
        "with_war_one": "Length of the war\n(1 of {replicates} had one)",
        "war_length": "Length of the war",
        "no_war_at_all": "No replicate has a war",
        "mean": "mean",
        "overlay": "lines: mean over replicates; shading: 50 % of replicates",
        "paired": "paired on common random numbers",
        "points": "points",
        "nothing_to_show": "Nothing to show: 0 in every replicate, every day",
    },
    "fr": {
        "median": "médiane",
        "50": "50\u202f% des réplications",
        "90": "90\u202f% des réplications",
        "not_forecast": "ce n'est pas une prévision",
        "seed": "graine",
        "replicate": "réplication",
        "timeline": "Chronologie de l'escalade",
        "request": "sur demande",
        "no_war": "Pas de guerre dans la réplication {i}",
        "what_happened": "Ce qui s'est passé à la place :",
        "nothing": "Rien n'était prévu ni décidé : ni menace, ni attaque.",
        "more": "... et {n} autres événements (sahelsim explain les raconte tous)",
        "outcomes": "Principaux résultats (intervalles à 95\u202f%)",
        "share": "part des réplications",
        "replicates": "réplications",
        "side1": "camp attaquant",
        "side2": "camp défenseur",
        "na": "s.o. : ne peut pas arriver dans ce scénario",
        "with_war": "Durée de la guerre\n({k} réplications sur {n} en ont une)",
        "with_war_one": "Durée de la guerre\n(1 réplication sur {n} en a une)",
        "war_length": "Durée de la guerre",
        "no_war_at_all": "Aucune réplication n'a de guerre",
        "mean": "moyenne",
        "overlay": "courbes : moyenne des réplications ; zone : 50\u202f% des réplications",
        "paired": "réplications appariées sur des nombres aléatoires communs",
        "points": "points",
        "nothing_to_show": "Rien à montrer : 0 dans chaque réplication, chaque jour",
    },
}


@dataclass(frozen=True)
class Bands:
    """Daily quantiles of one overall variable across replicates."""

    dates: list[dt.date]
    q05: np.ndarray
    q25: np.ndarray
    q50: np.ndarray
    q75: np.ndarray
    q95: np.ndarray
    mean: np.ndarray | None = None  # None in bundles written before bands.csv had means

    def centre(self) -> np.ndarray:
        """The mean over replicates (the median, for a bundle without means)."""
        return self.mean if self.mean is not None else self.q50

    @property
    def all_zero(self) -> bool:
        """Whether every replicate was 0 every day (the variables are counts, never negative).

        Read from the mean, not the quantiles: a war in one replicate of a hundred leaves every
        quantile at 0. A bundle written before bands.csv had means cannot tell, so never says so.
        """
        return self.mean is not None and not np.any(self.mean)


def read_bands(bundle: Path) -> dict[str, Bands]:
    """The quantile bands of a bundle, by variable."""
    rows: dict[str, list[dict]] = defaultdict(list)
    with open(bundle / "bands.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            rows[row["variable"]].append(row)
    out = {}
    for name, items in rows.items():

        def col(key, items=items):
            return np.array([float(r[key]) for r in items])

        out[name] = Bands(
            [dt.date.fromisoformat(r["date"]) for r in items],
            col("q05"),
            col("q25"),
            col("q50"),
            col("q75"),
            col("q95"),
            col("mean") if "mean" in items[0] else None,
        )
    return out


def read_events(bundle: Path, replicate: int) -> list[dict]:
    """The event records of one replicate, from events.jsonl."""
    out = []
    with open(bundle / "events.jsonl", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["replicate"] == replicate:
                out.append(record)
            elif record["replicate"] > replicate:
                break
    return out


UNMARKED = frozenset({"endorsement"})
"""Scenario events not marked on time axes: an outside body's stand moves no plotted variable,
and the stands of a crisis gather on its first days, where their labels would crowd out the
events that do (the story and the timeline tell them)."""


def scheduled_markers(scenario_doc: dict, lang: str = "en") -> list[tuple[dt.date, str]]:
    """Dated scenario events to mark on time axes: (date, title), in date order.

    The title says what the event is ("Threat: ECOWAS → Niger", :mod:`sim.present.markers`),
    in ``lang``; the event's id in the scenario file means nothing to a reader of the figure.
    """
    start = dt.date.fromisoformat(str(scenario_doc["start"]))
    end = start + dt.timedelta(days=int(scenario_doc.get("days", 365)))
    marks = []
    for event in (scenario_doc.get("events") or {}).values():
        if event.get("kind") in UNMARKED:
            continue
        if event.get("enabled", True) and event.get("date"):
            day = dt.date.fromisoformat(str(event["date"]))
            if start <= day <= end:
                marks.append((day, scenario_event_title(event, lang)))
    return sorted(marks)


def war_length_title(wars: int, replicates: int, lang: str = "en") -> str:
    """The title over the lengths of the wars, with how many replicates had one.

    The panel counts those replicates only; without any war it says so itself, so the title
    does not say it again.
    """
    words = WORDS[lang]
    if wars == 0:
        return words["war_length"]
    return words["with_war_one" if takes_singular(wars, lang) else "with_war"].format(
        k=localised(f"{wars:,}", lang),
        n=localised(f"{replicates:,}", lang),
        replicates=counted_replicates(replicates, lang),
    )


def french_number(text: str) -> str:
    """A number as matplotlib or ``format`` write it ("10000", "0.5", "20%"), the French way.

    Thousands grouped with a narrow no-break space, a decimal comma: "10 000", "0,5", "20 %".
    """
    return localised(grouped(text), "fr")


class _French(matplotlib.ticker.Formatter):
    """Another formatter's tick labels, written the French way (:func:`french_number`).

    It wraps matplotlib's plain numbers and percentages alike, so that an axis, a colour bar and
    the offset above an axis read "10 000" and "0,5" as the figure's text does.
    """

    def __init__(self, inner: matplotlib.ticker.Formatter):
        self.inner = inner

    def set_axis(self, axis):
        super().set_axis(axis)
        self.inner.set_axis(axis)

    def set_locs(self, locs):
        super().set_locs(locs)
        self.inner.set_locs(locs)

    def __call__(self, x, pos=None):
        return french_number(self.inner(x, pos))

    def format_ticks(self, values):
        return [french_number(text) for text in self.inner.format_ticks(values)]

    def get_offset(self):
        return french_number(self.inner.get_offset())

    def format_data_short(self, value):
        return french_number(self.inner.format_data_short(value))


NUMERIC_FORMATTERS = (matplotlib.ticker.ScalarFormatter, matplotlib.ticker.PercentFormatter)
"""The formatters that write numbers the English way: the French wraps them. Dates, fixed
labels and a figure's own functions (already in the figure's language) are left alone."""


def localise_numbers(fig: Figure, lang: str = "en") -> None:
    """In French, every numeric tick of ``fig`` is written the French way: "10 000", "0,5".

    Its axes and its colour bars alike; English is left as matplotlib writes it.
    """
    if lang != "fr":
        return
    for ax in fig.axes:
        # A colour bar sets its axis's formatter again from its own when it redraws its ticks.
        colourbar = getattr(ax, "_colorbar", None)
        for axis in (ax.xaxis, ax.yaxis):
            formatter = axis.get_major_formatter()
            if type(formatter) not in NUMERIC_FORMATTERS:
                continue
            if colourbar is not None and axis is colourbar.long_axis:
                colourbar.formatter = _French(formatter)
            else:
                axis.set_major_formatter(_French(formatter))


def date_formatter(locator, lang: str = "en"):
    """Dates on a time axis: matplotlib's concise form in English, French month names in French.

    matplotlib names months in the machine's locale (English, mostly), so French builds its own:
    the year on 1 January, the month on the first of a month, else the day and month.
    """
    if lang != "fr":
        return mdates.ConciseDateFormatter(locator)
    months = MONTHS["fr"]

    def show(x, pos=None):
        day = mdates.num2date(x)
        if day.day == 1:
            return str(day.year) if day.month == 1 else months[day.month - 1]
        return f"{day.day} {months[day.month - 1]}"

    return matplotlib.ticker.FuncFormatter(show)


def _new_axes(ax, size=(11, 6)):
    if ax is not None:
        return ax.figure, ax
    fig = Figure(figsize=size, layout="constrained")
    return fig, fig.add_subplot()


def mark_figure(
    fig: Figure, title: str, seed: int | None, lang: str = "en", extra: str = ""
) -> None:
    """Title the figure with the scenario and mark it with seed, version and 'not a forecast'."""
    words = WORDS[lang]
    localise_numbers(fig, lang)
    fig.suptitle(title, fontsize=16, fontweight="bold")
    parts = [
        f"{words['seed']} {seed}" if seed is not None else "",
        extra,
        f"sahelsim {__version__}",
        words["not_forecast"],
    ]
    footer(fig, " · ".join(p for p in parts if p))


FOOTER_ROOM = 0.035
"""Share of a figure's height kept along its bottom edge for the footer."""


def footer(fig: Figure, text: str, *, fontsize: float = 10, ha: str = "right") -> None:
    """Write ``text`` as the figure's last line, along its bottom edge."""
    fig.text(0.99 if ha == "right" else 0.01, 0.002, text, ha=ha, va="bottom",
             fontsize=fontsize, color="#555555", gid="footer")  # fmt: skip
    engine = fig.get_layout_engine()
    if engine is not None and hasattr(engine, "set"):
        engine.set(rect=(0, FOOTER_ROOM, 1, 1 - FOOTER_ROOM))  # keep the footer clear of the axes


def above_footer(fig: Figure, artist: Legend | Text) -> None:
    """Lift a legend below the axes (``loc="outside lower ..."``) or a ``supxlabel`` above the footer.

    The layout makes room for them above the footer's strip, but places them on the figure's
    bottom edge all the same, on the footer's line.
    """
    lift = FOOTER_ROOM * fig.get_figheight() * 72  # points
    if isinstance(artist, Legend):  # its gap to the edge is in units of its font size
        artist.borderaxespad += lift / artist.prop.get_size_in_points()
    else:
        artist.set_transform(
            artist.get_transform() + ScaledTranslation(0, lift / 72, fig.dpi_scale_trans)
        )


class EventLabel(Annotation):
    """An event marker's label: down the left of its line, or the right where the left is short.

    On the left, the label of an event in the first days would run over the y-axis's numbers.
    """

    def update_positions(self, renderer):
        """Settle the side when drawn, once the layout has given the axes their width."""
        self.set_horizontalalignment("right")
        super().update_positions(renderer)
        if Text.get_window_extent(self, renderer).x0 < self.axes.bbox.x0:
            self.set_horizontalalignment("left")


def plot_band(
    bands: Bands,
    *,
    label: str,
    markers: Iterable[tuple[dt.date, str]] = (),
    lang: str = "en",
    zero_based: bool = True,
    ax=None,
) -> Figure:
    """Median with 50 % and 90 % bands over replicates, dated events marked as vertical lines."""
    with styled():
        fig, ax = _new_axes(ax)
        words = WORDS[lang]
        x = mdates.date2num(bands.dates)
        ax.fill_between(
            x, bands.q05, bands.q95, color=BAND_COLOUR, alpha=0.18, linewidth=0, label=words["90"]
        )
        ax.fill_between(
            x, bands.q25, bands.q75, color=BAND_COLOUR, alpha=0.35, linewidth=0, label=words["50"]
        )
        ax.plot(x, bands.q50, color=BAND_COLOUR, linewidth=2.2, label=words["median"])
        markers = [(mdates.date2num(day), name) for day, name in markers]
        for at, _ in markers:
            ax.axvline(at, color="#7f7f7f", linestyle="--", linewidth=1, gid="event-marker")
        # Events a few days apart share one label, one title per line: stacked labels on
        # the same day would print over each other.
        span = (x[-1] - x[0]) if len(x) > 1 else 1.0
        for at, titles in merge_close(markers, MARKER_GAP * span):
            tag = EventLabel(
                "\n".join(titles),
                (at, 0.98),
                xycoords=("data", "axes fraction"),
                rotation=90,
                va="top",
                ha="right",
                multialignment="right",  # the titles hang from the top, on either side
                fontsize=9,
                color="#444444",
                gid="event-label",
                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75},
                annotation_clip=False,
            )
            tag.set_transform(IdentityTransform())  # as ax.annotate sets it
            ax.add_artist(tag)
        ax.set_title(label)
        ax.xaxis.set_major_locator(mdates.AutoDateLocator(maxticks=6))
        ax.xaxis.set_major_formatter(date_formatter(ax.xaxis.get_major_locator(), lang))
        if bands.all_zero:
            nothing_to_show(ax, lang)
        elif zero_based or ax.get_ylim()[0] < 0 <= np.min(bands.q05):
            ax.set_ylim(bottom=0)  # counts: never a negative number on the axis
        ax.grid(alpha=0.3)
        return fig


def nothing_to_show(ax, lang: str = "en") -> None:
    """Say so on a panel whose every replicate is 0 all along (no armed group in the scenario).

    matplotlib would centre the line on -0.04 to 0.04, with ticks rounded to the same number.
    """
    ax.set_ylim(0, 1)
    ax.set_yticks([0])
    ax.text(0.5, 0.5, WORDS[lang]["nothing_to_show"], transform=ax.transAxes, ha="center",
            va="center", fontsize=12, color="#555555", gid="nothing-to-show")  # fmt: skip


def plot_timeseries(
    bands: dict[str, Bands],
    *,
    title: str,
    seed: int | None,
    markers: Iterable[tuple[dt.date, str]] = (),
    lang: str = "en",
) -> Figure:
    """Four panels of the key daily variables, each with its bands."""
    with styled():
        fig = Figure(figsize=(14, 9), layout="constrained")
        axes = fig.subplots(2, 2).ravel()
        markers = list(markers)
        for ax, name in zip(
            axes, ("belligerents", "committed", "casualties", "insurgent_strength"), strict=True
        ):
            plot_band(
                bands[name],
                label=VARIABLE_LABELS[lang][name],
                markers=markers,
                lang=lang,
                zero_based=name != "insurgent_strength",
                ax=ax,
            )
        # Below the panels, not inside one: the event labels run down from the top left.
        handles, labels = axes[0].get_legend_handles_labels()
        legend = fig.legend(handles, labels, loc="outside lower center", ncols=len(labels))
        above_footer(fig, legend)
        mark_figure(fig, title, seed, lang)
        return fig


def war_spells(events: list[dict], horizon_day: int) -> list[dict]:
    """Who fought on which side from which day to which day, with the clause that brought them.

    A war whose mediated truce broke down is fought in spells: none is drawn over the truce.
    """
    started = {e["war"]: e for e in events if e["kind"] == "war_started"}
    fought = _fighting(events, horizon_day)
    spells = []

    def add(actor: str, side: int, since: int, war: int, label: str) -> None:
        for start, end in fought.get(war, [(since, horizon_day)]):
            if end >= since:
                spells.append(
                    {
                        "actor": actor,
                        "side": side,
                        "start": max(start, since),
                        "end": end,
                        "label": label,
                        "war": war,
                    }
                )

    for war, start in started.items():
        for actor in start.get("attackers", []):
            add(actor, 1, start["day"], war, "")
        add(start["target"], 2, start["day"], war, "")
    for entry in (e for e in events if e["kind"] == "entered_war"):
        label = entry.get("article", "")
        if requested(entry.get("pact") or "") is not None:  # a request's, under no article
            label = REQUEST_LABEL
        add(entry["actor"], entry["side"] + 1, entry["day"], entry["war"], label)
    return spells


REQUEST_LABEL = "\x00request"
"""A spell's label for an entry at a state's request, worded in the figure's language."""


def _fighting(events: list[dict], horizon_day: int) -> dict[int, list[tuple[int, int]]]:
    """Each war's spells of fighting, ``(first day, last day)``: a truce that broke down splits it."""
    spells: dict[int, list[tuple[int, int]]] = {}
    since: dict[int, int] = {}
    for e in events:
        if e["kind"] in ("war_started", "war_resumed"):
            since[e["war"]] = e["day"]
        elif e["kind"] == "war_ended" and e["war"] in since:
            spells.setdefault(e["war"], []).append((since.pop(e["war"]), e["day"]))
    for war, day in since.items():
        spells.setdefault(war, []).append((day, horizon_day))
    return spells


def plot_timeline(
    events: list[dict],
    *,
    start: dt.date,
    days: int,
    title: str,
    seed: int | None,
    replicate: int = 0,
    lang: str = "en",
    ax=None,
) -> Figure:
    """Who is at war with whom and when, each entry labelled with the clause that brought it."""
    with styled():
        fig, ax = _new_axes(ax, (12, 6))
        words = WORDS[lang]
        spells = war_spells(events, days)
        actors = list(dict.fromkeys(s["actor"] for s in spells))
        for spell in spells:
            y = actors.index(spell["actor"])
            x0 = mdates.date2num(start + dt.timedelta(days=spell["start"]))
            width = max(spell["end"] - spell["start"], 1)
            ax.barh(
                y,
                width,
                left=x0,
                height=0.6,
                color=SIDE_COLOURS[spell["side"]],
                alpha=0.85,
                gid="war-spell",
            )
            if spell["label"]:
                ax.annotate(
                    words["request"] if spell["label"] == REQUEST_LABEL else spell["label"],
                    (x0, y),
                    xytext=(4, 0),
                    textcoords="offset points",
                    va="center",
                    fontsize=10,
                    color="white",
                    fontweight="bold",
                )
        if not spells:
            _what_happened(ax, events, start, lang)
            ax.set_title(words["no_war"].format(i=replicate))
            mark_figure(fig, title, seed, lang)
            return fig
        ax.set_yticks(range(len(actors)), actors)
        ax.invert_yaxis()
        ax.set_xlim(mdates.date2num(start), mdates.date2num(start + dt.timedelta(days=days)))
        ax.xaxis_date()
        ax.xaxis.set_major_formatter(date_formatter(mdates.AutoDateLocator(), lang))
        ax.set_title(f"{words['timeline']} ({words['replicate']} {replicate})")
        if spells:
            handles = [Patch(color=SIDE_COLOURS[s], label=words[f"side{s}"]) for s in (1, 2)]
            ax.legend(handles=handles, loc="lower right")
        ax.grid(axis="x", alpha=0.3)
        mark_figure(fig, title, seed, lang)
        return fig


QUIET_KINDS = {"obligation", "clause_unmet", "vote", "consultation", "support"}
"""Event records left out of a no-war timeline's list: the steps behind the others."""
MOST_LINES = 14


def _what_happened(ax, events: list[dict], start: dt.date, lang: str) -> None:
    """In place of war bars: the replicate's events, one dated line each, as explain says them."""
    words = WORDS[lang]
    lines = []
    for record in events:
        if record["kind"] in QUIET_KINDS:
            continue
        line = dated_line(
            start + dt.timedelta(days=record["day"]), record_title(record, lang), lang
        )
        if line not in lines:
            lines.append(line)
    if len(lines) > MOST_LINES:
        more = len(lines) - MOST_LINES + 1
        lines = [*lines[: MOST_LINES - 1], words["more"].format(n=more)]
    ax.set_axis_off()
    ax.text(
        0.02,
        0.95,
        "\n".join([words["what_happened"], "", *(lines or [words["nothing"]])]),
        transform=ax.transAxes,
        va="top",
        ha="left",
        fontsize=13,
        linespacing=1.5,
        gid="what-happened",
    )


def axis_label(outcome: Outcome, lang: str = "en") -> str:
    """An outcome's label with its unit, for an axis: "War duration (days)"."""
    unit = outcome.unit(lang)
    return f"{outcome.label(lang)} ({unit})" if unit else outcome.label(lang)


def plot_outcomes(
    estimates: list,
    war_days: list[float],
    *,
    replicates: int | None = None,
    title: str,
    seed: int | None,
    lang: str = "en",
    ax=None,
) -> Figure:
    """Shares of replicates for the yes/no outcomes with their intervals, and war durations.

    ``estimates`` are :class:`~sim.analysis.summary.KeyEstimate`: one the scenario cannot
    produce is written "n/a" in place of a bar. ``war_days`` are the lengths of the replicates'
    wars, one per replicate with a war (of ``replicates`` in all).
    """
    with styled():
        words = WORDS[lang]
        if ax is None:
            fig = Figure(figsize=(14, 6), layout="constrained")
            ax, ax2 = fig.subplots(1, 2, width_ratios=(3, 2))
        else:
            fig, ax2 = ax.figure, None
        keys = [k for k in estimates if k.outcome.estimator is Estimator.PROPORTION]
        ys = np.arange(len(keys))
        drawn = [(y, k.estimate) for y, k in zip(ys, keys, strict=True) if k.estimate is not None]
        errors = np.clip(
            np.nan_to_num(
                np.array(
                    [[e.value - e.low for _, e in drawn], [e.high - e.value for _, e in drawn]]
                )
            ),
            0,
            None,
        ).reshape(2, len(drawn))
        ax.barh(
            [y for y, _ in drawn],
            [e.value for _, e in drawn],
            xerr=errors,
            color=BAND_COLOUR,
            alpha=0.8,
            capsize=5,
            gid="outcome-bar",
        )
        for y, k in zip(ys, keys, strict=True):
            if k.estimate is None:  # cannot happen in this scenario: not a 0 % bar
                ax.text(0.01, y, words["na"], va="center", fontsize=12, color="#555555")
        ax.set_yticks(ys, [k.outcome.label(lang) for k in keys])
        ax.invert_yaxis()
        ax.set_xlim(0, 1)
        ax.set_xlabel(words["share"])
        ax.xaxis.set_major_formatter(
            matplotlib.ticker.PercentFormatter(1.0, symbol=percent_sign(lang))
        )
        ax.set_title(words["outcomes"])
        ax.grid(axis="x", alpha=0.3)
        if ax2 is not None:
            if war_days:
                ax2.hist(
                    war_days, bins=min(30, max(5, len(set(war_days)))), color="#7d3c98", alpha=0.8
                )
            else:
                ax2.text(
                    0.5, 0.5, words["no_war_at_all"], ha="center", va="center",
                    transform=ax2.transAxes, fontsize=13, wrap=True,
                )  # fmt: skip
            total = replicates if replicates is not None else len(war_days)
            ax2.set_title(war_length_title(len(war_days), total, lang), fontsize=13)
            ax2.set_xlabel(axis_label(OUTCOMES["war_days"], lang))
            ax2.set_ylabel(words["replicates"])
            ax2.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
            ax2.grid(alpha=0.3)
        mark_figure(fig, title, seed, lang)
        return fig


_SVG_ID = re.compile(rb'id="([a-z]+?)([0-9a-f]{10})"')
"""The ids matplotlib's SVG writer makes by hashing what they name (clip paths, markers)."""


def canonical_svg(svg: bytes, name: str) -> bytes:
    """``svg`` with its hashed ids renamed ``NAME-p1``, ``NAME-image2``... in order of definition.

    matplotlib hashes a clip rectangle's exact floats into its id, and the last bits of a layout
    can differ from one process to another (numpy's sums depend on memory alignment) although
    every coordinate written is the same: a resumed run's SVG then differed from a fresh one's
    by an id alone. The figure's name keeps ids unique when several SVGs share one page.
    """
    renamed: dict[bytes, bytes] = {}
    for match in _SVG_ID.finditer(svg):
        old = match.group(1) + match.group(2)
        renamed.setdefault(old, b"%s-%s%d" % (name.encode(), match.group(1), len(renamed) + 1))
    if not renamed:
        return svg
    pattern = re.compile(rb'(id="|#)(' + b"|".join(map(re.escape, renamed)) + rb")\b")
    return pattern.sub(lambda m: m.group(1) + renamed[m.group(2)], svg)


def png(fig: Figure) -> bytes:
    """A figure as PNG bytes, saved under :data:`DRAWING` in the settings in force."""
    buffer = io.BytesIO()
    with DRAWING:
        fig.savefig(buffer, format="png")
    return buffer.getvalue()


def save(fig: Figure, folder: Path, name: str) -> list[Path]:
    """Write a figure as PNG and SVG, each whole or not at all; return the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for suffix in ("png", "svg"):
        path = folder / f"{name}.{suffix}"
        with (
            DRAWING,
            written_whole(path) as temporary,
            matplotlib.rc_context({"svg.hashsalt": name}),
        ):
            if suffix == "svg":  # the salt: no random ids (matplotlib salts with a UUID by default)
                buffer = io.BytesIO()
                fig.savefig(buffer, format="svg", metadata={"Date": None})
                temporary.write_bytes(canonical_svg(buffer.getvalue(), name))
            else:
                fig.savefig(temporary, format="png")
        paths.append(path)
        # The layout is settled by the first save; solving it again for the SVG costs a third.
        fig.set_layout_engine("none")
    return paths


def plot_overlay(
    bands_a: dict[str, Bands],
    bands_b: dict[str, Bands],
    *,
    names: tuple[str, str],
    title: str,
    seed: int | None,
    lang: str = "en",
) -> Figure:
    """The key daily variables of two scenarios on common random numbers: means and 50 % bands.

    The lines are means over replicates, the statistic of the comparison's table, so that the
    figure and the table agree in direction; the shading is the middle half of the replicates.
    """
    with styled():
        words = WORDS[lang]
        fig = Figure(figsize=(14, 9), layout="constrained")
        axes = fig.subplots(2, 2).ravel()
        for ax, name in zip(
            axes, ("belligerents", "committed", "casualties", "insurgent_strength"), strict=True
        ):
            for bands, label, colour in (
                (bands_a, names[0], "#2471a3"),
                (bands_b, names[1], "#d35400"),
            ):
                b = bands[name]
                x = mdates.date2num(b.dates)
                ax.fill_between(x, b.q25, b.q75, color=colour, alpha=0.25, linewidth=0)
                ax.plot(
                    x, b.centre(), color=colour, linewidth=2.2, label=f"{label} ({words['mean']})"
                )
            if bands_a[name].all_zero and bands_b[name].all_zero:
                nothing_to_show(ax, lang)
            ax.set_title(VARIABLE_LABELS[lang][name])
            ax.xaxis.set_major_locator(mdates.AutoDateLocator(maxticks=6))
            ax.xaxis.set_major_formatter(date_formatter(ax.xaxis.get_major_locator(), lang))
            ax.grid(alpha=0.3)
        axes[0].legend(loc="upper left")
        above_footer(fig, fig.supxlabel(words["overlay"], fontsize=12))
        mark_figure(fig, title, seed, lang)
        return fig


def plot_differences(
    differences: list,
    *,
    names: tuple[str, str],
    title: str,
    seed: int | None,
    lang: str = "en",
    ax=None,
) -> Figure:
    """Paired differences (B minus A) of the yes/no outcomes, in points, with 95 % intervals."""
    with styled():
        words = WORDS[lang]
        fig, ax = _new_axes(ax, (12, 6))
        shares = [d for d in differences if d.outcome.estimator is Estimator.PROPORTION]
        ys = np.arange(len(shares))
        kept = [(y, d) for y, d in zip(ys, shares, strict=True) if d.in_play]
        values = np.array([d.difference.value * 100 for _, d in kept])
        low = np.array([d.difference.low * 100 for _, d in kept])
        high = np.array([d.difference.high * 100 for _, d in kept])
        errors = np.clip(np.nan_to_num(np.array([values - low, high - values])), 0, None)
        colours = ["#d35400" if v > 0 else "#2471a3" for v in values]
        ax.barh(
            [y for y, _ in kept],
            np.nan_to_num(values),
            xerr=errors.reshape(2, len(kept)),
            color=colours,
            alpha=0.85,
            capsize=5,
            gid="difference-bar",
        )
        for y, d in zip(ys, shares, strict=True):
            if not d.in_play:  # one scenario cannot produce it: no difference to draw
                ax.annotate(
                    words["na"], (0, y), xytext=(6, 0), textcoords="offset points",
                    va="center", fontsize=12, color="#555555",
                )  # fmt: skip
        ax.axvline(0, color="black", linewidth=1)
        ax.set_yticks(ys, [d.outcome.label(lang) for d in shares])
        ax.invert_yaxis()
        ax.set_xlabel(f"{names[1]} - {names[0]} ({words['points']})")
        ax.grid(axis="x", alpha=0.3)
        mark_figure(fig, title, seed, lang, extra=words["paired"])
        return fig


RESPONSE_STYLE = {
    "honoured": {"color": "#1e8449", "linestyle": "-"},
    "partial": {"color": "#ca6f1e", "linestyle": "--"},
    "abstained": {"color": "#7f7f7f", "linestyle": ":"},
}
MAP_WORDS = {
    "en": {
        "map": "Sides, and help owed or asked",
        "freq": "Share of replicates at war, and help given",
        "attacking": "attacking side",
        "defending": "defending side",
        # A clause that only permits, and a request, are answered too: "honoured" would call
        # the help a kept promise.
        "honoured": "help given",
        "partial": "partial help",
        "abstained": "no help",
        "war_share": "share of replicates at war",
    },
    "fr": {
        "map": "Camps, et aide due ou demandée",
        "freq": "Part des réplications en guerre, et aide apportée",
        "attacking": "camp attaquant",
        "defending": "camp défenseur",
        "honoured": "aide apportée",
        "partial": "aide partielle",
        "abstained": "aucune aide",
        "war_share": "part des réplications en guerre",
    },
}


def capitals() -> dict[str, tuple[float, float]]:
    """(lon, lat) of each state's capital: the fact base's, and those loaded scenarios define."""
    from sim.scenario.facts import fact_base
    from sim.scenario.loading import inline_capitals

    facts = {s.id: (s.capital.lon, s.capital.lat) for s in fact_base().states.values()}
    return {**inline_capitals(), **facts}


def map_sides(events: list[dict]) -> dict[str, int]:
    """Each actor's side in its first war of one replicate (1 attacking, 2 defending)."""
    sides: dict[str, int] = {}
    for spell in war_spells(events, 0):
        sides.setdefault(spell["actor"], spell["side"])
    return sides


def map_obligations(events: list[dict]) -> list[tuple[str, str, str]]:
    """(obliged, beneficiary, response) for each answered obligation of one replicate."""
    return [(e["actor"], e["target"], e["response"]) for e in events if e["kind"] == "response"]


def _arrow(ax, start, end, style, width=2.0, alpha=0.9):
    from matplotlib.patches import FancyArrowPatch

    patch = FancyArrowPatch(
        start,
        end,
        arrowstyle="-|>",
        mutation_scale=18,
        linewidth=width,
        alpha=alpha,
        connectionstyle="arc3,rad=0.2",
        zorder=5,
        gid="obligation-arrow",
        **style,
    )
    ax.add_patch(patch)
    return patch


def plot_map(
    events: list[dict],
    *,
    title: str,
    seed: int | None,
    replicate: int = 0,
    lang: str = "en",
    ax=None,
) -> Figure:
    """One replicate on the map: sides by colour, an arrow for each answer to help owed or asked."""
    from sim.present.geography import draw_countries, load_countries

    with styled():
        fig, ax = _new_axes(ax, (11, 8))
        words = MAP_WORDS[lang]
        known = load_countries()
        sides = {a: s for a, s in map_sides(events).items() if a in known}
        fill = {a: SIDE_COLOURS[s] for a, s in sides.items()}
        modelled = [c for c in known.values() if c.modelled]
        draw_countries(ax, fill, labels={c.iso3: c.iso3 for c in modelled}, fontsize=11)
        where = capitals()
        for obliged, beneficiary, response in map_obligations(events):
            if obliged in where and beneficiary in where and obliged != beneficiary:
                _arrow(ax, where[obliged], where[beneficiary], RESPONSE_STYLE[response])
        handles = [
            Patch(color=SIDE_COLOURS[1], label=words["attacking"]),
            Patch(color=SIDE_COLOURS[2], label=words["defending"]),
        ]
        handles += [
            matplotlib.lines.Line2D([], [], linewidth=2, label=words[r], **RESPONSE_STYLE[r])
            for r in RESPONSE_STYLE
        ]
        ax.legend(handles=handles, loc="lower left", framealpha=0.9)
        ax.set_title(f"{words['map']} ({WORDS[lang]['replicate']} {replicate})")
        mark_figure(fig, title, seed, lang, extra="Natural Earth")
        return fig


def ensemble_map_data(bundle: Path) -> tuple[dict[str, float], dict[tuple[str, str], float], int]:
    """Share of replicates each actor was at war, and share in which each obligation was honoured."""
    at_war: dict[str, set[int]] = defaultdict(set)
    honoured: dict[tuple[str, str], set[int]] = defaultdict(set)
    replicates: set[int] = set()
    with open(bundle / "events.jsonl", encoding="utf-8") as handle:
        for line in handle:
            e = json.loads(line)
            replicates.add(e["replicate"])
            if e["kind"] == "war_started":
                for actor in [*e.get("attackers", []), e["target"]]:
                    at_war[actor].add(e["replicate"])
            elif e["kind"] == "entered_war":
                at_war[e["actor"]].add(e["replicate"])
            elif e["kind"] == "response" and e["response"] == "honoured":
                honoured[(e["actor"], e["target"])].add(e["replicate"])
    with open(bundle / "summary.csv", encoding="utf-8") as handle:
        n = max(sum(1 for _ in handle) - 1, 1)
    return (
        {a: len(r) / n for a, r in at_war.items()},
        {k: len(r) / n for k, r in honoured.items()},
        n,
    )


ARC = 0.2
"""How much the obligation arrows bend (matplotlib's ``arc3`` radius)."""
CLEAR = (1.8, 0.9)
"""Half the width and half the height, in degrees, a share's label needs clear of others."""


def _arc_point(start, end, t: float, aspect: float) -> tuple[float, float]:
    """The point at ``t`` (0 to 1) along an ``arc3`` arrow from ``start`` to ``end``.

    matplotlib bends the arrow in display space, where a degree of latitude is ``aspect``
    times as long as one of longitude: the quadratic curve is computed there.
    """
    (x1, y1), (x2, y2) = (start[0], start[1] * aspect), (end[0], end[1] * aspect)
    cx = (x1 + x2) / 2 + ARC * (y2 - y1)
    cy = (y1 + y2) / 2 - ARC * (x2 - x1)
    x = (1 - t) ** 2 * x1 + 2 * (1 - t) * t * cx + t**2 * x2
    y = (1 - t) ** 2 * y1 + 2 * (1 - t) * t * cy + t**2 * y2
    return x, y / aspect


def _free_point_on_arc(start, end, taken, aspect: float) -> tuple[float, float]:
    """The first point along the arrow (from its middle outwards) clear of ``taken`` points."""
    candidates = [_arc_point(start, end, t, aspect) for t in (0.5, 0.4, 0.6, 0.3, 0.7, 0.2)]
    for x, y in candidates:
        if all(abs(x - a) > CLEAR[0] or abs(y - b) > CLEAR[1] for a, b in taken):
            return x, y
    return candidates[0]


def plot_map_frequencies(
    at_war: dict[str, float],
    honoured: dict[tuple[str, str], float],
    n: int,
    *,
    title: str,
    seed: int | None,
    lang: str = "en",
    ax=None,
) -> Figure:
    """Over the ensemble: how often each state was at war, and how often each obligation was honoured."""
    from matplotlib import colormaps
    from matplotlib.cm import ScalarMappable
    from matplotlib.colors import Normalize

    from sim.present.geography import EXTENT, draw_countries, label_point, load_countries

    with styled():
        fig, ax = _new_axes(ax, (11, 8))
        words = MAP_WORDS[lang]
        known = load_countries()
        cmap, norm = colormaps["Purples"], Normalize(0, 1)  # not red/blue: no side implied
        fill = {a: matplotlib.colors.to_hex(cmap(norm(s))) for a, s in at_war.items() if a in known}
        draw_countries(
            ax, fill, labels={c.iso3: c.iso3 for c in known.values() if c.modelled}, fontsize=11
        )
        where = capitals()
        taken = [label_point(c.iso3, EXTENT) for c in known.values() if c.modelled]
        aspect = ax.get_aspect() if isinstance(ax.get_aspect(), float) else 1.0
        for (obliged, beneficiary), share in sorted(honoured.items()):
            if obliged in where and beneficiary in where and obliged != beneficiary and share > 0:
                _arrow(
                    ax,
                    where[obliged],
                    where[beneficiary],
                    RESPONSE_STYLE["honoured"],
                    width=1 + 6 * share,
                )
                # On the arrow's own curve (A->B and B->A bend apart), at the first point clear
                # of every country's label and of the shares already written.
                at = _free_point_on_arc(where[obliged], where[beneficiary], taken, aspect)
                taken.append(at)
                ax.annotate(
                    localised(f"{share:.0%}", lang),
                    at,
                    ha="center",
                    va="center",
                    fontsize=11,
                    color=RESPONSE_STYLE["honoured"]["color"],
                    fontweight="bold",
                    zorder=8,
                    gid="honoured-share",
                    bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.9},
                )
        fig.colorbar(ScalarMappable(norm, cmap), ax=ax, shrink=0.6, label=words["war_share"])
        ax.set_title(words["freq"])
        mark_figure(
            fig,
            title,
            seed,
            lang,
            extra=f"{counted_replicates(n, lang)} · Natural Earth",
        )
        return fig
