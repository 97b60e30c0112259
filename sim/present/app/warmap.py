"""The live map of a run: who is at war on which side, who answered an ally, which power came.

Drawn for the classroom app (a run's map, alone or side by side), the class mode's projector
(each world's card) and the slides' GIF, from what a model has run so far (its ``side`` and
``records``). Countries are coloured by their side in their first war; an arrow goes from each
ally to each state it answered (solid honoured, dashed partial, dotted abstained); an outside
power that acts (France in Mali in 2013), whose own country lies far off the map, is named in a
box at the map's edge, on the side it comes from, and its arrow starts there.

Readable from the back of a room: the labels are drawn at a size in proportion to the width the
map is shown at (:class:`MapSize`: alone, or one of two side by side), the small coastal states
(The Gambia, Guinea-Bissau, Sierra Leone, Togo) are named in the sea with a line to their land,
and the pages show the legend beside the map in their own type (:func:`legend_entries`), so that
it covers no country; only the GIF, an image alone on a slide, draws it, to the map's right.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Patch
from matplotlib.transforms import Bbox

from sim.model.records import RecordKind
from sim.present import i18n
from sim.present.figures import MAP_WORDS, RESPONSE_STYLE, SIDE_COLOURS, capitals, styled
from sim.present.geography import draw_countries, label_point, load_countries, text_colour
from sim.scenario.facts import fact_base
from sim.scenario.vocabulary import ActorKind

EXTENT = (-21.5, 16.0, 3.0, 25.0)
"""The frame (lon, lon, lat, lat): the modelled region, with the sea west of Dakar in which the
smallest coastal states are named."""

OFFSHORE = {
    "GMB": (-19.5, 13.8),
    "GNB": (-19.3, 11.2),
    "SLE": (-15.5, 7.3),
    "TGO": (1.3, 4.5),
}
"""Where the labels of the coastal states too small to hold them are written: in the sea beside
them, with a line to their land (their own points lie a label's height from their neighbours')."""

NUDGED = {"GHA": (-0.9, 7.3), "LBR": (-9.6, 6.2), "SEN": (-14.2, 14.7)}
"""Labels moved off their country's own point, still on its land, to stand clear of their
neighbours' in the larger type of two maps side by side (Ghana's point lies a label's width
from Côte d'Ivoire's and Benin's)."""

POWER_HOMES = {
    "FRA": (2.35, 48.86),
    "GBR": (-0.13, 51.51),
    "RUS": (37.62, 55.76),
    "USA": (-77.04, 38.91),
}
"""Where the outside powers' capitals lie (lon, lat): the side of the map each comes from. A
power of a scenario's own comes from the north."""

LABEL_PAD = 3
"""Points a country's label keeps from the frame's edge."""
EDGE_MARGIN = (2.2, 0.9)
"""Degrees (longitude, latitude) an outside power's box is set inside the frame's edge (and
moved further in if its type needs it)."""
ARROW_SPREAD = 0.9
"""Degrees between the ends of arrows that share a capital, so that none hides another."""
ARROW_BEND = 0.2
"""The curvature of a lone arrow; arrows to one capital bend apart, up to 1.5 times it."""


@dataclass(frozen=True)
class MapSize:
    """How large a map is drawn: its inches, dots per inch and the size of its labels.

    A label's height on screen is its share of the image's width times the width the map is
    shown at: the map alone is shown at about 470 to 560 pixels on a projector of 1024 to 1280,
    each of two side by side at about 290 to 390 (:data:`SINGLE`, :data:`PAIRED`).
    """

    width: float  # inches
    dpi: int
    labels: float  # points

    def label_pixels(self, drawn: float, shown: float) -> float:
        """How high a label stands on screen: the image is ``drawn`` pixels wide, shown ``shown``."""
        return self.labels / 72 * self.dpi * shown / drawn

    def figure(self) -> Figure:
        """An empty figure of this size, shaped to the frame."""
        lon0, lon1, lat0, lat1 = EXTENT
        aspect = (lon1 - lon0) * math.cos(math.radians((lat0 + lat1) / 2)) / (lat1 - lat0)
        return Figure(figsize=(self.width, self.width / aspect + 0.05), dpi=self.dpi)


SINGLE = MapSize(width=6.4, dpi=125, labels=15)
"""The map of one run: labels 14 pixels high at 420 pixels wide, 18 at 560."""
PAIRED = MapSize(width=5.0, dpi=120, labels=18.5)
"""Each of two maps side by side: labels 14 pixels high at 290 pixels wide, 19 at 390."""
CARD = MapSize(width=6.4, dpi=80, labels=16)
"""A world's map on the class projector: labels 14 pixels high at 430 pixels wide (eight worlds
on a projector of 1280), 19 at 576 (its card's widest)."""


TITLE_INCHES = 0.45
"""Room above the map for a title (the day, in a figure of the report's tests)."""


def map_figure(state, lang: str, size: MapSize = SINGLE, title: str | None = None) -> Figure:
    """The map of a model's ``state`` (its ``side`` and ``records``), without legend.

    ``title``: written above the map (the pages write the day beside it instead).
    """
    with styled():
        fig = size.figure()
        width, height = fig.get_size_inches()
        top = TITLE_INCHES if title else 0.0
        fig.set_size_inches(width, height + top)
        # fixed margins: cheaper than a layout
        ax = fig.add_axes((0.005, 0.005, 0.99, (height - 0.01) / (height + top)))
        draw_map(ax, state, lang, fontsize=size.labels)
        if title:
            fig.suptitle(title, y=1 - 0.05 / (height + top), va="top")
    return fig


def draw_map(ax, state, lang: str, *, fontsize: float = 15, legend: bool = False) -> None:
    """Countries coloured by side, labelled; obligations answered and powers that act, as arrows.

    ``legend``: draw the legend beside the map, clear of every coast (the GIF's wide frame); the
    pages show it in their own type instead (:func:`legend_entries`).
    """
    known = load_countries()
    fill = {a: SIDE_COLOURS[s] for a, s in state.side.items() if s and a in known}
    modelled = [c.iso3 for c in known.values() if c.modelled]
    offshore = {iso3: OFFSHORE[iso3] for iso3 in modelled if iso3 in OFFSHORE}
    draw_countries(
        ax,
        fill,
        labels={iso3: iso3 for iso3 in modelled},
        fontsize=fontsize,
        points={**NUDGED, **offshore},
        extent=EXTENT,
    )
    _keep_inside(ax, ax.texts)
    for iso3, at in offshore.items():  # a line from the label in the sea to its land
        land = label_point(iso3, EXTENT)
        ax.plot(*zip(at, land, strict=True), color="#555555", linewidth=1.2, zorder=6)
    for arrow in obligation_arrows(state):
        _arrow(ax, arrow.start, arrow.end, RESPONSE_STYLE[arrow.response], arrow.rad)
    for power in outside_powers(state):
        _power(ax, power, lang, fontsize)
    if legend:
        ax.legend(
            handles=_handles(lang),
            loc="upper left",
            bbox_to_anchor=(1.02, 1),
            fontsize=14,
            frameon=False,
        )


def legend_entries(lang: str) -> list[dict[str, str]]:
    """The legend as the pages draw it beside the map: each entry's kind, colour, style, words.

    ``kind`` is ``side`` (a filled swatch) or ``answer`` (a line, ``style`` solid, dashed or
    dotted).
    """
    words = MAP_WORDS[lang]
    css = {"-": "solid", "--": "dashed", ":": "dotted"}
    sides = [
        ("side", SIDE_COLOURS[1], "solid", "attacking"),
        ("side", SIDE_COLOURS[2], "solid", "defending"),
    ]
    answers = [
        ("answer", s["color"], css[s["linestyle"]], key) for key, s in RESPONSE_STYLE.items()
    ]
    return [
        {"kind": kind, "colour": colour, "style": style, "text": words[key]}
        for kind, colour, style, key in sides + answers
    ]


def _handles(lang: str) -> list:
    words = MAP_WORDS[lang]
    handles = [
        Patch(color=SIDE_COLOURS[1], label=words["attacking"]),
        Patch(color=SIDE_COLOURS[2], label=words["defending"]),
    ]
    return handles + [
        Line2D([], [], linewidth=2, label=words[k], **v) for k, v in RESPONSE_STYLE.items()
    ]


# ---------------------------------------------------------------------- obligations


@dataclass(frozen=True)
class Arrow:
    """An obligation answered, as the map draws it: from, to (lon, lat), its bend, the answer."""

    start: tuple[float, float]
    end: tuple[float, float]
    rad: float
    response: str


def answered(state) -> dict[tuple[str, str], str]:
    """The latest answer of each actor to each state it answered (an obligation, a request)."""
    latest: dict[tuple[str, str], str] = {}
    for r in state.records:
        kept = r.kind is RecordKind.RESPONSE and r.get("response") in RESPONSE_STYLE
        if kept and r.actor != r.target:
            latest[(r.actor, r.target)] = r.get("response")
    return latest


def obligation_arrows(state) -> list[Arrow]:
    """One arrow per ally and state it answered, both on the map; their ends spread apart.

    The latest answer of each ally to each state counts. Arrows that end at the same capital
    (Mali and Burkina Faso helping Niger) end at points spread across their way in, and
    arrows leaving the same capital start apart, so that each ally's arrow stays distinct.
    """
    where = capitals()
    latest = {
        pair: response
        for pair, response in answered(state).items()
        if pair[0] in where and pair[1] in where
    }
    pairs = list(latest)

    def spread(pair: tuple[str, str], end: int) -> tuple[float, float]:
        point = np.array(where[pair[end]], dtype=float)
        sharing = [q for q in pairs if q[end] == pair[end]]
        if len(sharing) == 1:
            return tuple(point)
        away = np.array(where[pair[1 - end]], dtype=float) - point
        ranked = sorted(
            sharing, key=lambda q: np.arctan2(*(np.array(where[q[1 - end]]) - point)[::-1])
        )
        across = np.array([-away[1], away[0]]) / max(float(np.hypot(*away)), 1e-9)
        shift = (ranked.index(pair) - (len(ranked) - 1) / 2) * ARROW_SPREAD
        return tuple(point + shift * across)

    def bend(pair: tuple[str, str]) -> float:
        sharing = [q for q in pairs if q[1] == pair[1]]
        if len(sharing) == 1:
            return ARROW_BEND
        point = np.array(where[pair[1]], dtype=float)
        ranked = sorted(sharing, key=lambda q: np.arctan2(*(np.array(where[q[0]]) - point)[::-1]))
        return ARROW_BEND * (2 * ranked.index(pair) / (len(ranked) - 1) - 1) * 1.5

    return [Arrow(spread(p, 0), spread(p, 1), bend(p), latest[p]) for p in pairs]


def _arrow(ax, start, end, style: dict, rad: float = ARROW_BEND) -> None:
    ax.add_patch(
        FancyArrowPatch(
            start,
            end,
            arrowstyle="-|>",
            mutation_scale=22,
            linewidth=2.5,
            connectionstyle=f"arc3,rad={rad:.3f}",
            zorder=5,
            gid="obligation-arrow",
            **style,
        )
    )


# ---------------------------------------------------------------------- outside powers


@dataclass(frozen=True)
class Power:
    """An outside power that acts, as the map shows it.

    Attributes:
        actor: its id.
        edge: where its box stands, at the frame's edge on the side it comes from (lon, lat).
        side: its side in its first war (0: at war in none).
        answers: each state it answered on the map, and how.
    """

    actor: str
    edge: tuple[float, float]
    side: int
    answers: tuple[tuple[str, str], ...]


def outside_powers(state) -> list[Power]:
    """The actors that act in the run but have no country on the map: outside powers.

    One that answered a state on the map (an obligation, a request), or took a side in a war:
    France, asked by Mali in January 2013, is named at the map's northern edge, its arrow to
    Bamako. Armed groups and rebel armies fight inside a country, which the map colours; they
    are not shown apart.
    """
    known, where = load_countries(), capitals()
    powers = _powers(state)
    latest = answered(state)
    acting = {a for a, _ in latest if a in powers} | {
        a for a, s in state.side.items() if s and a in powers
    }
    found = []
    for actor in sorted(acting):
        if actor in known:
            continue
        answers = tuple((t, r) for (a, t), r in latest.items() if a == actor and t in where)
        towards = [where[t] for t, _ in answers] or [
            where[a] for a, s in state.side.items() if s and a in where and a in known
        ]
        middle = tuple(np.mean(towards, axis=0)) if towards else _middle()
        home = POWER_HOMES.get(actor, (middle[0], 90.0))
        found.append(Power(actor, edge_point(middle, home), state.side.get(actor, 0), answers))
    return found


def _powers(state) -> set[str]:
    """The outside powers among the run's actors (the fact base's, and a scenario's own)."""
    world = getattr(state, "world", None)
    if world is not None:
        return {a.id for a in world.actors.values() if a.kind is ActorKind.POWER}
    return set(fact_base().powers)


def _middle() -> tuple[float, float]:
    lon0, lon1, lat0, lat1 = EXTENT
    return ((lon0 + lon1) / 2, (lat0 + lat1) / 2)


def edge_point(inside: tuple[float, float], home: tuple[float, float]) -> tuple[float, float]:
    """Where the way from ``inside`` (a point of the map) toward ``home`` leaves the frame.

    Kept :data:`EDGE_MARGIN` inside it, so that the power's box stands whole on the map.
    """
    lon0, lon1, lat0, lat1 = EXTENT
    dx, dy = EDGE_MARGIN
    box = (lon0 + dx, lon1 - dx, lat0 + dy, lat1 - dy)
    x, y = inside
    ux, uy = home[0] - x, home[1] - y
    steps = [
        (bound - start) / way
        for bound, start, way in (
            (box[0], x, ux),
            (box[1], x, ux),
            (box[2], y, uy),
            (box[3], y, uy),
        )
        if way
    ]
    t = min((s for s in steps if s > 0), default=0.0)
    return (min(max(x + t * ux, box[0]), box[1]), min(max(y + t * uy, box[2]), box[3]))


def _power(ax, power: Power, lang: str, fontsize: float) -> None:
    """An outside power's box at the map's edge, coloured by its side, and its arrows."""
    colour = SIDE_COLOURS.get(power.side, "white")
    ink = text_colour(colour) if power.side else "#1b1b1b"
    box = ax.text(
        *power.edge,
        i18n.actor_name(power.actor, lang),
        fontsize=fontsize,
        ha="center",
        va="center",
        color=ink,
        zorder=8,
        bbox={"boxstyle": "round,pad=0.3", "facecolor": colour, "edgecolor": "#333333"},
        gid=f"power-{power.actor}",
    )
    _keep_inside(ax, [box])  # its box whole on the map
    where = capitals()
    for target, response in power.answers:
        _arrow(ax, box.get_position(), where[target], RESPONSE_STYLE[response])


def _keep_inside(ax, texts) -> None:
    """Move the ``texts`` that would cross the frame's edge (Chad's label, say) inside it.

    Measured as drawn, in the map's own type size and with the box around a power's name: a
    fixed margin in degrees left a label of a larger type cut at the edge.
    """
    renderer = FigureCanvasAgg(ax.figure).get_renderer()
    ax.apply_aspect()
    frame = ax.get_window_extent(renderer)
    pad = LABEL_PAD * ax.figure.dpi / 72
    to_data = ax.transData.inverted()
    for text in texts:
        box = text.get_window_extent(renderer)
        if text.get_bbox_patch() is not None:
            text.update_bbox_position_size(renderer)
            box = Bbox.union([box, text.get_bbox_patch().get_window_extent(renderer)])
        dx = max(frame.x0 + pad - box.x0, 0) - max(box.x1 - (frame.x1 - pad), 0)
        dy = max(frame.y0 + pad - box.y0, 0) - max(box.y1 - (frame.y1 - pad), 0)
        if dx or dy:
            x, y = ax.transData.transform(text.get_position())
            text.set_position(to_data.transform((x + dx, y + dy)))
