"""Country borders of West Africa and the Sahel, for drawing maps offline.

The borders are Natural Earth's 1:50m Admin 0 countries (public domain, "Made with Natural
Earth"), taken from the ``world-atlas`` npm package and reduced to the modelled states and their
neighbours by ``tools/build_geography.py``. The result, ``sim/data/west_africa.json``, ships
inside the package, so drawing a map needs no network at run time. See
``sim/data/NATURAL_EARTH.md`` for the attribution and how to rebuild the file.

Coordinates are longitude/latitude in degrees; maps use a plain equirectangular projection
with the aspect corrected for the latitude of the region, which is accurate enough at this
scale and needs no projection library.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from matplotlib.axes import Axes
from matplotlib.patches import Polygon
from matplotlib.path import Path as MplPath
from matplotlib.patheffects import withStroke

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "west_africa.json"

# The modelled region, as (lon_min, lon_max, lat_min, lat_max): Dakar to Lake Chad, Gulf of
# Guinea to the Algerian Sahara. Chad and Algeria extend beyond it and are cut at the frame.
EXTENT: tuple[float, float, float, float] = (-18.0, 16.0, 3.0, 25.0)


@dataclass(frozen=True, eq=False)  # eq=False: numpy arrays have no single truth value
class Country:
    """One country's borders.

    Attributes:
        iso3: ISO 3166-1 alpha-3 code, as used in the fact base (``seeds/states.yaml``).
        name: English name.
        polygons: Outer rings, largest first, each an (n, 2) read-only array of lon/lat.
        modelled: True for a state of the model, False for a neighbour drawn for context.
    """

    iso3: str
    name: str
    polygons: tuple[np.ndarray, ...]
    modelled: bool = True

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        """Bounding box as (lon_min, lat_min, lon_max, lat_max)."""
        points = np.concatenate(self.polygons)
        (x0, y0), (x1, y1) = points.min(axis=0), points.max(axis=0)
        return float(x0), float(y0), float(x1), float(y1)


@cache
def _load() -> dict[str, Country]:
    document = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    modelled = set(document["_meta"]["modelled"])
    countries = {}
    for iso3, entry in document.items():
        if iso3.startswith("_"):
            continue
        polygons = []
        for ring in entry["polygons"]:
            array = np.asarray(ring, dtype=float)
            array.setflags(write=False)  # shared by every caller through the cache
            polygons.append(array)
        countries[iso3] = Country(iso3, entry["name"], tuple(polygons), iso3 in modelled)
    return countries


def load_countries() -> dict[str, Country]:
    """Return every country of the bundled map, keyed by ISO3 code.

    The file is read once per process; each call returns a new dict of the same (immutable)
    countries, so callers may add to or remove from it freely.

    Returns:
        The modelled states and their context neighbours, in the file's order.
    """
    return dict(_load())


def _country(iso3: str) -> Country:
    try:
        return _load()[iso3]
    except KeyError:
        known = ", ".join(sorted(_load()))
        raise KeyError(f"no country {iso3!r} on the map; known: {known}") from None


def _area_and_centroid(ring: np.ndarray) -> tuple[float, float, float]:
    # Shoelace formula; the sign of the area cancels in the centroid.
    x, y = ring[:, 0], ring[:, 1]
    xn, yn = np.roll(x, -1), np.roll(y, -1)
    cross = x * yn - xn * y
    signed = cross.sum() / 2
    if signed == 0:
        cx, cy = ring.mean(axis=0)
        return 0.0, float(cx), float(cy)
    cx = ((x + xn) * cross).sum() / (6 * signed)
    cy = ((y + yn) * cross).sum() / (6 * signed)
    return abs(float(signed)), float(cx), float(cy)


def _widest_crossing(ring: np.ndarray, lat: float) -> float | None:
    # Midpoint of the longest stretch of the parallel `lat` that lies inside the ring.
    a, b = ring, np.roll(ring, -1, axis=0)
    crosses = (a[:, 1] > lat) != (b[:, 1] > lat)
    if not crosses.any():
        return None
    a, b = a[crosses], b[crosses]
    xs = np.sort(a[:, 0] + (lat - a[:, 1]) * (b[:, 0] - a[:, 0]) / (b[:, 1] - a[:, 1]))
    starts, ends = xs[0::2], xs[1::2]  # even-odd rule: inside between pairs
    widest = int(np.argmax(ends - starts))
    return float((starts[widest] + ends[widest]) / 2)


def _clip(ring: np.ndarray, extent: tuple[float, float, float, float]) -> np.ndarray:
    # Sutherland-Hodgman against the frame: exact for a rectangle, whatever the ring's shape.
    lon0, lon1, lat0, lat1 = extent
    points = ring
    for axis, bound, keep_above in (
        (0, lon0, True),
        (0, lon1, False),
        (1, lat0, True),
        (1, lat1, False),
    ):
        if len(points) == 0:
            break
        nxt = np.roll(points, -1, axis=0)
        inside = points[:, axis] >= bound if keep_above else points[:, axis] <= bound
        inside_next = np.roll(inside, -1)
        out = []
        for p, q, p_in, q_in in zip(points, nxt, inside, inside_next, strict=True):
            if p_in:
                out.append(p)
            if p_in != q_in:  # the edge crosses the bound: keep the crossing
                t = (bound - p[axis]) / (q[axis] - p[axis])
                out.append(p + t * (q - p))
        points = np.asarray(out).reshape(-1, 2)
    return points


def label_point(
    iso3: str, extent: tuple[float, float, float, float] | None = None
) -> tuple[float, float]:
    """Return where to write a country's label, as (lon, lat).

    This is the centroid of the country's largest polygon. A curved country (The Gambia, for
    one) can have its centroid outside itself; the point then moves along the centroid's
    parallel to the middle of the widest stretch inside the country.

    Args:
        iso3: ISO3 code of a country on the map.
        extent: A frame as (lon_min, lon_max, lat_min, lat_max). When given, only the part of
            the country inside it counts, so that a country cut by the frame (Chad, Algeria)
            is labelled where it can be seen. A country wholly outside keeps its own point.

    Returns:
        A point inside the country's largest polygon (or its largest visible part).

    Raises:
        KeyError: If the country is not on the map.
    """
    rings = _country(iso3).polygons
    if extent is not None:
        clipped = [_clip(ring, extent) for ring in rings]
        clipped = [ring for ring in clipped if len(ring) >= 3]
        if clipped and max(_area_and_centroid(ring)[0] for ring in clipped) > 0:
            rings = tuple(clipped)
    measured = [_area_and_centroid(ring) for ring in rings]
    largest = max(range(len(rings)), key=lambda i: measured[i][0])
    ring, (_, cx, cy) = rings[largest], measured[largest]
    if not MplPath(ring).contains_point((cx, cy)):
        x = _widest_crossing(ring, cy)
        if x is not None:
            cx = x
    return cx, cy


LABEL_ZORDER = 7
"""Country labels sit above the fills and above arrows (zorder 5) drawn over the map."""


def luminance(colour: str) -> float:
    """Relative luminance of a colour (WCAG 2): 0 for black, 1 for white."""
    from matplotlib.colors import to_rgb

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in to_rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def text_colour(fill: str) -> str:
    """White on a dark fill, near-black on a light one: whichever contrasts more (WCAG)."""
    lum = luminance(fill)
    # Contrast with white is 1.05 / (L + 0.05); with #1b1b1b (L ~ 0.011) it is (L + 0.05) / 0.061.
    return "white" if 1.05 / (lum + 0.05) > (lum + 0.05) / 0.061 else "#1b1b1b"


def draw_countries(
    ax: Axes,
    fill: Mapping[str, str] | None = None,
    *,
    edge: str = "#555555",
    default: str = "#eeeeee",
    context: str = "#f7f7f7",
    labels: Mapping[str, str] | None = None,
    fontsize: float = 9,
    points: Mapping[str, tuple[float, float]] | None = None,
    extent: tuple[float, float, float, float] = EXTENT,
) -> list[Polygon]:
    """Draw the map of West Africa as the background of ``ax``.

    Every country on the map is drawn as filled polygons beneath other artists, so arrows,
    markers and text added afterwards stay on top. The axes are framed on the modelled region,
    given an aspect that keeps shapes true at its mean latitude, and stripped of ticks.

    Args:
        ax: The matplotlib axes to draw into.
        fill: Colour per ISO3 code; countries not named here get ``default`` (modelled states)
            or ``context`` (neighbours).
        edge: Colour of the borders and coastlines.
        default: Fill of a modelled state not in ``fill``.
        context: Fill of a neighbouring state not in ``fill``.
        labels: Text per ISO3 code, written at the country's label point, above anything drawn
            over the map, white on a dark fill and near-black on a light one.
        fontsize: Size of the labels.
        points: Where to write a label, as (lon, lat) per ISO3 code (a capital, say); by
            default :func:`label_point` of the part of the country inside the frame.
        extent: The frame as (lon_min, lon_max, lat_min, lat_max).

    Returns:
        The polygon patches, one per polygon (a country with islands has several); each
        carries its country's ISO3 code as its gid (``patch.get_gid()``).

    Raises:
        KeyError: If ``fill`` or ``labels`` names a country that is not on the map.
    """
    countries = _load()
    fill = dict(fill or {})
    labels = dict(labels or {})
    points = dict(points or {})
    unknown = sorted((set(fill) | set(labels)) - set(countries))
    if unknown:  # a typo would otherwise leave a country silently grey
        raise KeyError(f"not on the map: {', '.join(unknown)}; known: {', '.join(countries)}")

    patches = []
    for iso3, country in countries.items():
        colour = fill.get(iso3, default if country.modelled else context)
        for ring in country.polygons:
            patch = Polygon(
                ring,
                closed=True,
                facecolor=colour,
                edgecolor=edge,
                linewidth=0.6,
                joinstyle="round",
                zorder=0.5,  # under lines (2), patches such as arrows (1) and text (3)
            )
            patch.set_gid(iso3)
            ax.add_patch(patch)
            patches.append(patch)

    for iso3, text in labels.items():
        x, y = points.get(iso3) or label_point(iso3, extent)
        country = countries[iso3]
        ink = text_colour(fill.get(iso3, default if country.modelled else context))
        halo = "white" if ink != "white" else "#1b1b1b"
        ax.text(
            x,
            y,
            text,
            fontsize=fontsize,
            ha="center",
            va="center",
            color=ink,
            zorder=LABEL_ZORDER,  # above arrows: an arrow never hides whose country it is
            clip_on=True,  # a label of a country cut by the frame must not spill outside it
            path_effects=[withStroke(linewidth=2.5, foreground=halo)],
            gid=f"label-{iso3}",
        )

    lon0, lon1, lat0, lat1 = extent
    ax.set_xlim(lon0, lon1)
    ax.set_ylim(lat0, lat1)
    # One degree of longitude is cos(latitude) times as long as one of latitude.
    ax.set_aspect(1 / math.cos(math.radians((lat0 + lat1) / 2)))
    ax.set_xticks([])
    ax.set_yticks([])
    return patches
