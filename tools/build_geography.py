"""Build ``sim/data/west_africa.json`` from Natural Earth's 1:50m countries (world-atlas TopoJSON).

The figures draw West Africa offline, so the borders ship with the package as a small JSON file.
This script makes that file from ``countries-50m.json`` of the ``world-atlas`` npm package, a
TopoJSON redistribution of Natural Earth's Admin 0 countries (public domain), keyed by ISO 3166-1
numeric ids. It decodes the TopoJSON itself (pure Python and numpy, no GIS libraries)::

    REPO=$(git rev-parse --show-toplevel)
    cd "$(mktemp -d)" && npm pack world-atlas && tar xzf world-atlas-*.tgz
    "$REPO/.venv/bin/python" "$REPO/tools/build_geography.py" package/countries-50m.json

The version of world-atlas is read from the ``package.json`` beside the input file (pass
``--version`` when there is none). Re-running with the same input gives the same output byte for
byte. Only outer rings are kept (holes are dropped) and coordinates are rounded to 3 decimals
(about 100 m). With ``--tolerance``, each border arc is simplified once, before the rings are
assembled, so that neighbours keep identical borders and no slivers or gaps open between them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "sim" / "data" / "west_africa.json"

# ISO3 -> (ISO 3166-1 numeric id, name as spelled in world-atlas, display name).
# The names are checked against the file so that a wrong id fails loudly instead of drawing
# the wrong country.
MODELLED: dict[str, tuple[str, str, str]] = {
    "MLI": ("466", "Mali", "Mali"),
    "BFA": ("854", "Burkina Faso", "Burkina Faso"),
    "NER": ("562", "Niger", "Niger"),
    "NGA": ("566", "Nigeria", "Nigeria"),
    "SEN": ("686", "Senegal", "Senegal"),
    "CIV": ("384", "Côte d'Ivoire", "Côte d'Ivoire"),
    "BEN": ("204", "Benin", "Benin"),
    "GHA": ("288", "Ghana", "Ghana"),
    "TGO": ("768", "Togo", "Togo"),
    "GIN": ("324", "Guinea", "Guinea"),
    "TCD": ("148", "Chad", "Chad"),
    "MRT": ("478", "Mauritania", "Mauritania"),
    "DZA": ("012", "Algeria", "Algeria"),
    "GMB": ("270", "Gambia", "The Gambia"),
    "LBR": ("430", "Liberia", "Liberia"),
    "SLE": ("694", "Sierra Leone", "Sierra Leone"),
    "GNB": ("624", "Guinea-Bissau", "Guinea-Bissau"),
    "CMR": ("120", "Cameroon", "Cameroon"),
}
# Cabo Verde (CPV) is in the fact base too, but its islands lie west of the drawn region and the
# bundled map has no shape for it; adding it needs the region widened and the map rebuilt.
# Neighbours drawn for context only (greyed out in the figures).
CONTEXT: dict[str, tuple[str, str, str]] = {
    "LBY": ("434", "Libya", "Libya"),
    "MAR": ("504", "Morocco", "Morocco"),
    "ESH": ("732", "W. Sahara", "Western Sahara"),
    "TUN": ("788", "Tunisia", "Tunisia"),
    "CAF": ("140", "Central African Rep.", "Central African Republic"),
}
OPTIONAL = {"ESH"}  # Natural Earth editions differ on Western Sahara: skip it if absent

DECIMALS = 3
DEFAULT_TOLERANCE = 0.0  # degrees; the 1:50m borders fit the size budget unsimplified
MAX_BYTES = 400_000


def decode_arcs(topology: dict) -> list[np.ndarray]:
    """Return every arc of a topology as an (n, 2) array of lon/lat.

    Args:
        topology: The parsed TopoJSON.

    Returns:
        One array per arc, in the topology's order.
    """
    transform = topology.get("transform")
    arcs = []
    for raw in topology["arcs"]:
        points = np.asarray(raw, dtype=float)[:, :2]
        if transform:
            # Quantized topologies store the first position and then deltas, in integer units.
            points = np.cumsum(points, axis=0) * transform["scale"] + transform["translate"]
        arcs.append(points)
    return arcs


def simplify(points: np.ndarray, tolerance: float) -> np.ndarray:
    """Douglas-Peucker simplification of a polyline, keeping both ends.

    Args:
        points: An (n, 2) polyline.
        tolerance: Largest distance, in degrees, a dropped point may lie from the kept line.

    Returns:
        The kept points, in order.
    """
    n = len(points)
    if tolerance <= 0 or n < 3:
        return points
    keep = np.zeros(n, dtype=bool)
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    while stack:  # iterative: long coastlines would overflow a recursive version
        first, last = stack.pop()
        if last - first < 2:
            continue
        start, end = points[first], points[last]
        segment = end - start
        inner = points[first + 1 : last] - start
        length = np.hypot(*segment)
        if length == 0:  # closed arc: measure from the shared endpoint
            dist = np.hypot(inner[:, 0], inner[:, 1])
        else:
            dist = np.abs(segment[0] * inner[:, 1] - segment[1] * inner[:, 0]) / length
        i = int(np.argmax(dist))
        if dist[i] > tolerance:
            mid = first + 1 + i
            keep[mid] = True
            stack.extend([(first, mid), (mid, last)])
    return points[keep]


def ring(indices: list[int], arcs: list[np.ndarray]) -> np.ndarray:
    """Assemble a closed ring from arc indices (a negative index ``~i`` is arc ``i`` reversed).

    Args:
        indices: The ring's arc indices, as in TopoJSON.
        arcs: The decoded (and possibly simplified) arcs.

    Returns:
        The ring as an (n, 2) array whose last point repeats the first.
    """
    parts = []
    for k, index in enumerate(indices):
        part = arcs[~index][::-1] if index < 0 else arcs[index]
        parts.append(part if k == 0 else part[1:])  # consecutive arcs share an endpoint
    return np.concatenate(parts)


def clean(points: np.ndarray) -> list[list[float]] | None:
    """Round a ring and drop the repeated points rounding creates.

    Args:
        points: A closed ring.

    Returns:
        The ring as a list of [lon, lat], or None when it collapses to fewer than 3 corners.
    """
    rounded = np.round(points, DECIMALS) + 0.0  # + 0.0 turns -0.0 into 0.0
    moved = np.any(np.diff(rounded, axis=0) != 0, axis=1)
    rounded = rounded[np.concatenate([[True], moved])]
    if len(rounded) < 4:  # a closed triangle has 4 points
        return None
    return [[float(x), float(y)] for x, y in rounded]


def area(points: list[list[float]]) -> float:
    """Return the absolute planar area of a ring in square degrees (shoelace formula)."""
    xy = np.asarray(points)
    x, y = xy[:, 0], xy[:, 1]
    return abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))) / 2


def outer_rings(geometry: dict) -> list[list[int]]:
    """Return the outer ring (as arc indices) of each polygon of a geometry, dropping holes."""
    if geometry["type"] == "Polygon":
        return [geometry["arcs"][0]]
    if geometry["type"] == "MultiPolygon":
        return [polygon[0] for polygon in geometry["arcs"]]
    raise ValueError(f"unexpected geometry type {geometry['type']!r} for id {geometry.get('id')}")


def build(topology: dict, version: str, tolerance: float) -> dict:
    """Select, decode and simplify the countries; return the JSON document to write.

    Args:
        topology: The parsed ``countries-50m.json``.
        version: The world-atlas version, recorded in ``_meta``.
        tolerance: Douglas-Peucker tolerance in degrees (0 keeps every point).

    Returns:
        ``{"_meta": ..., ISO3: {"name": ..., "polygons": [...]}, ...}``.

    Raises:
        SystemExit: When a required country is missing or its name does not match its id.
    """
    by_id = {g.get("id"): g for g in topology["objects"]["countries"]["geometries"]}
    wanted = {**MODELLED, **CONTEXT}
    arcs = decode_arcs(topology)
    simplified: dict[int, np.ndarray] = {}  # each shared arc is simplified once, for both sides

    countries: dict[str, dict] = {}
    for iso3, (numeric, source_name, name) in wanted.items():
        geometry = by_id.get(numeric)
        if geometry is None:
            if iso3 in OPTIONAL:
                print(f"note: {iso3} (id {numeric}) is not in this file; skipped", file=sys.stderr)
                continue
            raise SystemExit(f"{iso3}: id {numeric} not found in the topology")
        found = geometry.get("properties", {}).get("name")
        if found != source_name:
            raise SystemExit(f"{iso3}: id {numeric} is named {found!r}, expected {source_name!r}")
        polygons = []
        for indices in outer_rings(geometry):
            for index in indices:
                i = ~index if index < 0 else index
                if i not in simplified:
                    simplified[i] = simplify(arcs[i], tolerance)
            points = clean(ring(indices, simplified))
            if points is not None:
                polygons.append(points)
        polygons.sort(key=area, reverse=True)  # largest first: the mainland leads
        countries[iso3] = {"name": name, "polygons": polygons}

    every = np.concatenate([np.asarray(p) for c in countries.values() for p in c["polygons"]])
    lo, hi = every.min(axis=0), every.max(axis=0)
    meta = {
        "source": f"Natural Earth 1:50m via world-atlas {version}",
        "licence": "public domain (Natural Earth); world-atlas packaging ISC",
        "url": "https://www.naturalearthdata.com/",
        "built_by": "tools/build_geography.py",
        "decimals": DECIMALS,
        "tolerance_deg": tolerance,
        "bbox": [float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1])],  # lon0, lat0, lon1, lat1
        "modelled": [iso3 for iso3 in MODELLED if iso3 in countries],
        "context": [iso3 for iso3 in CONTEXT if iso3 in countries],
    }
    return {"_meta": meta, **countries}


def dump(document: dict) -> str:
    """Serialise compactly, one country per line so that a rebuild gives a readable diff."""
    lines = [
        json.dumps(key, ensure_ascii=False)
        + ":"
        + json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        for key, value in document.items()
    ]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def main(argv: list[str] | None = None) -> int:
    """Command line: read the TopoJSON given, write the compact JSON; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="countries-50m.json from the world-atlas package")
    parser.add_argument("-o", "--out", type=Path, default=DEFAULT_OUT, help="file to write")
    parser.add_argument("--version", help="world-atlas version (default: from package.json)")
    parser.add_argument(
        "--tolerance",
        type=float,
        default=DEFAULT_TOLERANCE,
        help="Douglas-Peucker tolerance in degrees (default: %(default)s)",
    )
    args = parser.parse_args(argv)

    version = args.version
    package = args.source.resolve().parent / "package.json"
    if version is None and package.is_file():
        meta = json.loads(package.read_text(encoding="utf-8"))
        if meta.get("name") == "world-atlas":
            version = meta["version"]
    if version is None:
        parser.error("no world-atlas package.json beside the source: pass --version")

    topology = json.loads(args.source.read_text(encoding="utf-8"))
    document = build(topology, version, args.tolerance)
    text = dump(document)
    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        print(f"warning: {size} bytes, over {MAX_BYTES}: raise --tolerance", file=sys.stderr)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({size} bytes, {len(document) - 1} countries)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
