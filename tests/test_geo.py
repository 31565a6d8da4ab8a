import pytest

from hamabook.charts.geo import country_outline, topojson_feature

# Two arcs forming a unit square when the second is reversed; quantized with scale 0.5, offset (10, 20).
TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [0.5, 0.5], "translate": [10, 20]},
    "arcs": [[[0, 0], [2, 0], [0, 2]], [[0, 0], [0, 2], [2, 0]]],
    "objects": {
        "countries": {
            "type": "GeometryCollection",
            "geometries": [
                {"type": "Polygon", "id": "001", "arcs": [[0, -2]], "properties": {"name": "Square"}},
                {"type": "MultiPolygon", "id": "002", "arcs": [[[0, -2]], [[1]]]},
                {"type": "LineString", "id": "003", "arcs": [0]},
            ],
        }
    },
}


def test_polygon_decodes_deltas_and_reversed_arcs():
    feature = topojson_feature(TOPOLOGY, "countries", "001")
    assert feature["properties"] == {"name": "Square"}
    ring = feature["geometry"]["coordinates"][0]
    assert ring == [[10.0, 20.0], [11.0, 20.0], [11.0, 21.0], [10.0, 21.0], [10.0, 20.0]]


def test_multipolygon_and_errors():
    feature = topojson_feature(TOPOLOGY, "countries", "002")
    assert feature["geometry"]["type"] == "MultiPolygon" and len(feature["geometry"]["coordinates"]) == 2
    with pytest.raises(ValueError, match="not a polygon"):
        topojson_feature(TOPOLOGY, "countries", "003")
    with pytest.raises(KeyError, match="no feature '999'"):
        topojson_feature(TOPOLOGY, "countries", "999")


def test_installed_atlas_has_syria_around_its_cities():
    syria = country_outline("760")
    assert syria["properties"]["name"] == "Syria"
    lons = [p[0] for p in syria["geometry"]["coordinates"][0]]
    lats = [p[1] for p in syria["geometry"]["coordinates"][0]]
    # Damascus (33.51 N, 36.29 E) and Aleppo (36.20 N, 37.16 E) lie inside the outline's bounding box.
    assert min(lons) < 36.29 < max(lons) and min(lats) < 33.51 < max(lats)
    assert min(lons) < 37.16 < max(lons) and min(lats) < 36.20 < max(lats)


def test_missing_atlas_says_how_to_install(tmp_path):
    with pytest.raises(FileNotFoundError, match="make venv"):
        country_outline(atlas=tmp_path / "nope.json")
