"""The bundled map: every modelled state is there, where it should be, and draws offline."""

from __future__ import annotations

import io
import json

import matplotlib
import numpy as np
import pytest
from conftest import MODELLED_STATES, OFF_MAP_STATES
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.path import Path

from sim.present.geography import DATA_FILE, EXTENT, draw_countries, label_point, load_countries
from sim.scenario.facts import fact_base

matplotlib.use("Agg")

MODELLED = list(MODELLED_STATES)
CONTEXT = ["LBY", "MAR", "ESH", "TUN", "CAF"]
COUNTRIES = load_countries()


def _gap(a: str, b: str) -> float:
    """Smallest distance in degrees between the vertices of two countries."""
    pa = np.concatenate(COUNTRIES[a].polygons)
    pb = np.concatenate(COUNTRIES[b].polygons)
    return float(np.hypot(*(pa[:, None, :] - pb[None, :, :]).transpose(2, 0, 1)).min())


def _area(iso3: str) -> float:
    """Area in square degrees (shoelace formula), summed over the country's polygons."""
    total = 0.0
    for ring in COUNTRIES[iso3].polygons:
        x, y = ring[:, 0], ring[:, 1]
        total += abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))) / 2
    return total


def _inside(iso3: str, point: tuple[float, float]) -> bool:
    return any(Path(ring).contains_point(point) for ring in COUNTRIES[iso3].polygons)


def _axes():
    return Figure(figsize=(8, 6)).add_subplot()


def test_all_modelled_states_and_their_neighbours_are_on_the_map():
    assert set(MODELLED) <= set(COUNTRIES)
    assert set(CONTEXT) <= set(COUNTRIES)
    assert [c.iso3 for c in COUNTRIES.values() if c.modelled] == MODELLED
    assert COUNTRIES["CIV"].name == "Côte d'Ivoire"


def test_the_map_covers_the_modelled_states_of_the_fact_base():
    assert set(fact_base().states) == set(MODELLED) | set(OFF_MAP_STATES)
    assert not set(OFF_MAP_STATES) & set(COUNTRIES)


def test_polygons_are_lon_lat_arrays_that_callers_cannot_corrupt():
    for country in COUNTRIES.values():
        assert country.polygons
        for ring in country.polygons:
            assert ring.ndim == 2 and ring.shape[1] == 2 and len(ring) >= 4
            assert np.all(np.abs(ring[:, 0]) <= 180) and np.all(np.abs(ring[:, 1]) <= 90)
        with pytest.raises(ValueError):
            country.polygons[0][0, 0] = 0.0
    # load_countries hands out a fresh dict: dropping an entry does not remove it for others.
    load_countries().pop("MLI")
    assert "MLI" in load_countries()


@pytest.mark.parametrize(
    ("iso3", "lon", "lat"),
    [
        ("MLI", (-13, 5), (10, 25.5)),
        ("BFA", (-6, 3), (9, 15.5)),
        ("NER", (0, 16.5), (11, 24)),
        ("NGA", (2.5, 15), (4, 14)),
        ("SEN", (-18, -11), (12, 17)),
        ("DZA", (-9, 12.5), (18.5, 37.5)),
        ("TCD", (13, 24.5), (7, 24)),
        ("GHA", (-3.5, 1.5), (4.5, 11.5)),
    ],
)
def test_bounding_boxes_are_plausible(iso3, lon, lat):
    x0, y0, x1, y1 = COUNTRIES[iso3].bbox
    assert lon[0] <= x0 < x1 <= lon[1]
    assert lat[0] <= y0 < y1 <= lat[1]


def test_niger_lies_where_niger_is():
    lon, lat = label_point("NER")
    assert 0 < lon < 16 and 11 < lat < 24
    assert _inside("NER", (lon, lat))


def test_the_gambia_is_small_and_inside_senegal_s_box():
    gx0, gy0, gx1, gy1 = COUNTRIES["GMB"].bbox
    sx0, sy0, sx1, sy1 = COUNTRIES["SEN"].bbox
    assert sx0 <= gx0 and gx1 <= sx1 and sy0 <= gy0 and gy1 <= sy1
    assert _area("GMB") < 0.1 * _area("SEN")  # about 11,000 km² against 197,000
    assert _gap("GMB", "SEN") < 0.01


def test_the_aes_triangle_shares_borders():
    assert _gap("MLI", "BFA") < 0.1
    assert _gap("NER", "BFA") < 0.1
    assert _gap("MLI", "NER") < 0.1


def test_neighbours_in_the_fact_base_touch_on_the_map():
    # Shared arcs are decoded once for both sides, so land neighbours share exact vertices.
    # The fact base follows the CIA, which now counts Western Sahara's borders as Morocco's;
    # Natural Earth draws the de facto line, with Morocco and "W. Sahara" as separate shapes.
    for state in fact_base().states.values():
        for neighbour in state.borders.km:
            either = ["MAR", "ESH"] if neighbour == "MAR" else [neighbour]
            if neighbour in COUNTRIES:
                gap = min(_gap(state.id, other) for other in either)
                assert gap < 0.01, (state.id, neighbour)


def test_capitals_of_the_fact_base_fall_in_their_country():
    # Coastal capitals (Dakar, Conakry, Banjul) may sit just off a 1:50m coastline.
    for state in fact_base().states.values():
        if state.id in OFF_MAP_STATES:
            continue
        point = np.array([state.capital.lon, state.capital.lat])
        if not _inside(state.id, tuple(point)):
            rings = np.concatenate(COUNTRIES[state.id].polygons)
            assert np.hypot(*(rings - point).T).min() < 0.15, state.capital.name


@pytest.mark.parametrize("iso3", MODELLED + CONTEXT)
def test_label_points_fall_inside_their_country(iso3):
    assert _inside(iso3, label_point(iso3))
    assert _inside(iso3, label_point(iso3, EXTENT))


def test_label_point_of_a_country_cut_by_the_frame_is_in_the_frame():
    lon0, lon1, lat0, lat1 = EXTENT
    for iso3 in ("TCD", "DZA"):
        lon, lat = label_point(iso3, EXTENT)
        assert lon0 < lon < lon1 and lat0 < lat < lat1


def test_label_point_of_an_unknown_country_says_which_are_known():
    with pytest.raises(KeyError, match="MLI"):
        label_point("XXX")


def test_draw_countries_fills_the_requested_countries():
    ax = _axes()
    fill = {"MLI": "#c0392b", "BFA": "#c0392b", "NER": "#c0392b", "NGA": "#2471a3"}
    patches = draw_countries(ax, fill, default="#eeeeee", context="#f7f7f7")
    assert len(patches) >= 14
    drawn = {p.get_gid() for p in patches}
    assert drawn == set(COUNTRIES)
    for patch in patches:
        iso3 = patch.get_gid()
        expected = fill.get(iso3, "#eeeeee" if iso3 in MODELLED else "#f7f7f7")
        assert patch.get_facecolor() == pytest.approx(to_rgba(expected)), iso3
        assert patch in ax.patches
    ax.figure.savefig(io.BytesIO(), format="png")  # renders without a display


def test_draw_countries_frames_the_region_and_stays_under_arrows():
    ax = _axes()
    patches = draw_countries(ax)
    arrow = ax.annotate("", xy=(2, 13), xytext=(-8, 12), arrowprops={"arrowstyle": "->"})
    assert ax.get_xlim() == pytest.approx((-18, 16))
    assert ax.get_ylim() == pytest.approx((3, 25))
    assert ax.get_aspect() == pytest.approx(1 / np.cos(np.radians(14)))
    assert list(ax.get_xticks()) == [] and list(ax.get_yticks()) == []
    assert max(p.get_zorder() for p in patches) < arrow.arrow_patch.get_zorder()


def test_labels_go_at_label_points_or_at_the_points_given():
    ax = _axes()
    abuja = (7.53, 9.08)
    draw_countries(ax, labels={"NGA": "Nigeria", "MLI": "Mali"}, points={"NGA": abuja})
    texts = {t.get_text(): t.get_position() for t in ax.texts}
    assert texts["Nigeria"] == pytest.approx(abuja)
    assert texts["Mali"] == pytest.approx(label_point("MLI", EXTENT))


def test_a_misspelt_country_is_an_error_not_a_grey_map():
    ax = _axes()
    with pytest.raises(KeyError, match="MLX"):
        draw_countries(ax, {"MLX": "red"})


def test_the_data_file_is_small_and_says_where_it_comes_from():
    assert DATA_FILE.stat().st_size < 500_000
    meta = json.loads(DATA_FILE.read_text(encoding="utf-8"))["_meta"]
    assert meta["source"].startswith("Natural Earth 1:50m via world-atlas ")
    assert "public domain" in meta["licence"]
    x0, y0, x1, y1 = meta["bbox"]
    assert x0 < -17 and x1 > 16 and y0 < 4.5 and y1 > 25
    assert (DATA_FILE.parent / "NATURAL_EARTH.md").is_file()
