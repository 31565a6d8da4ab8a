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


def test_line_features_keep_only_pieces_in_the_box_and_scale_bar_length():
    import pandas as pd

    from hamabook.charts.geo import line_features, scale_bar

    rows = pd.DataFrame(
        {
            "layer": ["river"] * 4,
            "feature": ["a", "a", "b", "b"],
            "name": ["A", "A", "B", "B"],
            "part": [0, 0, 0, 0],
            "seq": [1, 0, 0, 1],
            "longitude": [36.1, 36.0, 40.0, 40.1],
            "latitude": [35.1, 35.0, 33.0, 33.1],
        }
    )
    features = line_features(rows, ("river",), box=(35.5, 34.5, 36.5, 35.5))
    assert [f["properties"]["feature"] for f in features] == ["a"]
    assert features[0]["geometry"]["coordinates"] == [[36.0, 35.0], [36.1, 35.1]]  # in seq order
    west, east = scale_bar(36.0, 0.0, 111)
    assert west == 36.0 and abs(east - 36.0 - 111 / 111.32) < 1e-3


def test_the_committed_geography_draws_the_orontes_the_m5_and_every_border():
    from hamabook.data import load

    geography = load("geography")
    assert {"orontes", "euphrates", "m5", "m4"} <= set(geography["feature"])
    assert {"Turkey", "Iraq", "Jordan", "Lebanon"} <= set(geography.loc[geography["layer"] == "border", "name"])
    assert (geography["layer"] == "governorate").any() and (geography["layer"] == "coast").any()


def test_most_places_in_control_reports_are_mapped_from_a_sourced_coordinate():
    """The maps draw a place only from a coordinate whose source is recorded: at least 85 % of the places the
    control reports name have one (#32)."""
    from hamabook.data import load

    places, changes = load("places"), load("control_changes")
    named = places[places["place_id"].isin(changes["place_id"])]
    mapped = named[named["latitude"].notna() & named["coord_source_id"].notna()]
    assert len(mapped) / len(named) >= 0.85, sorted(set(named["place_id"]) - set(mapped["place_id"]))
