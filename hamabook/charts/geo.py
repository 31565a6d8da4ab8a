"""Country outlines for maps."""

from __future__ import annotations

import functools
import json
import math
import sys
from pathlib import Path

# Natural Earth 1:50m country boundaries (public domain) as TopoJSON, from the npm package
# world-atlas 2.0.2, which `make venv` installs into the virtual environment (see Makefile).
WORLD_ATLAS = Path(sys.prefix) / "share" / "world-atlas" / "package" / "countries-50m.json"


def _decode_arc(arc: list[list[int]], transform: dict) -> list[list[float]]:
    """Absolute [lon, lat] points of one arc of a quantized, delta-encoded TopoJSON topology."""
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    x = y = 0
    points = []
    for dx, dy in arc:
        x, y = x + dx, y + dy
        points.append([round(x * sx + tx, 4), round(y * sy + ty, 4)])
    return points


def _ring(indexes: list[int], arc) -> list[list[float]]:
    """A ring from arc indexes; ``arc(i)`` gives arc i's points."""
    ring: list[list[float]] = []
    for i in indexes:
        points = arc(i) if i >= 0 else arc(~i)[::-1]  # a negative index means the arc reversed
        ring.extend(points if not ring else points[1:])  # consecutive arcs share an end point
    return ring


def topojson_feature(topology: dict, layer: str, feature_id: str) -> dict:
    """One feature of a TopoJSON layer as a GeoJSON Feature (Polygon or MultiPolygon)."""
    decoded: dict[int, list[list[float]]] = {}

    def arc(i: int) -> list[list[float]]:  # only the feature's own arcs are decoded
        if i not in decoded:
            decoded[i] = _decode_arc(topology["arcs"][i], topology["transform"])
        return decoded[i]

    for geometry in topology["objects"][layer]["geometries"]:
        if geometry.get("id") != feature_id:
            continue
        if geometry["type"] == "Polygon":
            coordinates = [_ring(r, arc) for r in geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            coordinates = [[_ring(r, arc) for r in polygon] for polygon in geometry["arcs"]]
        else:
            raise ValueError(f"feature {feature_id} is a {geometry['type']}, not a polygon")
        return {
            "type": "Feature",
            "id": feature_id,
            "properties": dict(geometry.get("properties", {})),
            "geometry": {"type": geometry["type"], "coordinates": coordinates},
        }
    raise KeyError(f"no feature {feature_id!r} in layer {layer!r}")


@functools.lru_cache(maxsize=4)
def _topology(path: Path, modified: float) -> dict:
    """The parsed TopoJSON at ``path`` as last modified at ``modified`` (read once per build, not once per map:
    parsing the world atlas took a tenth of a second each time; the features made from it are new objects)."""
    return json.loads(path.read_text(encoding="utf-8"))


def country_outline(iso_numeric: str = "760", atlas: Path | None = None) -> dict:
    """A country's outline (default Syria, ISO 3166 numeric 760) from the installed world atlas."""
    path = atlas or WORLD_ATLAS
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: run `make venv` to install world-atlas")
    return topojson_feature(_topology(path, path.stat().st_mtime), "countries", iso_numeric)


def line_features(geography, layers: tuple[str, ...], box: tuple[float, float, float, float] | None = None) -> list:
    """GeoJSON line features, one per feature of ``geography`` (rows of data/geography.csv) in ``layers``: a
    LineString, or a MultiLineString of its parts; with ``box`` (west, south, east, north), only the parts with a
    vertex inside it, so a zoomed map carries no line it cannot show. Each feature's properties: layer, feature,
    name (once per feature, however many parts it has)."""
    rows = geography[geography["layer"].isin(layers)].sort_values(["layer", "feature", "part", "seq"])
    features = []
    for (layer, feature), rows_of in rows.groupby(["layer", "feature"], sort=False):
        parts = []
        for _part, piece in rows_of.groupby("part", sort=False):
            points = [[float(x), float(y)] for x, y in zip(piece["longitude"], piece["latitude"])]
            if box is None or any(box[0] <= x <= box[2] and box[1] <= y <= box[3] for x, y in points):
                parts.append(points)
        if not parts:
            continue
        geometry = (
            {"type": "LineString", "coordinates": parts[0]}
            if len(parts) == 1
            else {"type": "MultiLineString", "coordinates": parts}
        )
        features.append(
            {
                "type": "Feature",
                "properties": {"layer": layer, "feature": feature, "name": str(rows_of["name"].iloc[0])},
                "geometry": geometry,
            }
        )
    return features


def scale_bar(west: float, latitude: float, km: int) -> tuple[float, float]:
    """The longitudes (west end, east end) of a ``km``-long east-west bar at ``latitude`` (spherical earth)."""
    return west, round(west + km / (111.32 * math.cos(math.radians(latitude))), 4)


def line_crossings(geography, first: str, second: str) -> list[tuple[float, float]]:
    """Where the drawn lines of features ``first`` and ``second`` (rows of data/geography.csv) cross: (lon, lat)
    of every crossing of a segment of one with a segment of the other, in a plane of longitude and latitude (the
    segments are a few km long), sorted by latitude, then longitude."""

    def segments(feature: str):
        rows = geography[geography["feature"] == feature].sort_values(["part", "seq"])
        for _part, piece in rows.groupby("part", sort=False):
            points = list(zip(piece["longitude"].astype(float), piece["latitude"].astype(float)))
            yield from zip(points, points[1:])

    found = set()
    for (ax, ay), (bx, by) in segments(first):
        for (cx, cy), (dx, dy) in segments(second):
            denominator = (bx - ax) * (dy - cy) - (by - ay) * (dx - cx)
            if denominator == 0:
                continue  # parallel segments: no single crossing
            t = ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / denominator
            u = ((cx - ax) * (by - ay) - (cy - ay) * (bx - ax)) / denominator
            if 0 <= t <= 1 and 0 <= u <= 1:
                found.add((round(ax + t * (bx - ax), 4), round(ay + t * (by - ay), 4)))
    return sorted(found, key=lambda p: (p[1], p[0]))
