"""The corridor map: the legs of the road (km and days between captures), where two drawn lines cross, the drawn
frame and chart, and the section the military chapter shows (figure rules: caption, credits, alt text, CSV, static
drawing)."""

import re
from dataclasses import replace

import pandas as pd
import pytest

from hamabook.charts import corridor
from hamabook.charts.geo import line_crossings
from hamabook.rows.control import capture_legs

PLACES = pd.DataFrame(
    {
        "place_id": ["hama", "rastan", "talbiseh", "homs", "damascus", "nowhere"],
        "name": ["Hama", "Rastan", "Talbiseh", "Homs", "Damascus", "Nowhere"],
        "latitude": [35.13179, 34.92667, 34.84072, 34.72405, 33.5102, None],
        "longitude": [36.75783, 36.73241, 36.73092, 36.72559, 36.29128, None],
    }
)
REPORTS = pd.DataFrame(
    {
        "change_id": ["K1", "E1", "K2", "K3", "E2", "E3"],
        "place_id": ["hama", "rastan", "talbiseh", "talbiseh", "homs", "homs"],
        "date": pd.to_datetime(["2024-12-05", "2024-12-06", "2024-12-05", "2024-12-06", "2024-12-07", "2024-12-08"]),
    }
)


def test_a_leg_measures_great_circle_km_and_the_range_of_days_between_reported_captures():
    legs = capture_legs(REPORTS, PLACES, [("hama", "rastan"), ("rastan", "homs"), ("hama", "homs")]).set_index(
        ["from_id", "to_id"]
    )
    assert round(legs.loc[("hama", "rastan"), "km"], 1) == 22.9
    assert round(legs.loc[("hama", "homs"), "km"], 1) == 45.4
    assert (legs.loc[("hama", "rastan"), "days_min"], legs.loc[("hama", "rastan"), "days_max"]) == (1, 1)
    # Homs is reported taken on 7 and on 8 December: the leg from Rastan took 1 to 2 days
    assert (legs.loc[("rastan", "homs"), "days_min"], legs.loc[("rastan", "homs"), "days_max"]) == (1, 2)
    assert legs.loc[("rastan", "homs"), "change_ids"] == "E1 E2 E3"


def test_a_leg_without_a_report_or_a_coordinate_has_no_days_or_no_km():
    legs = capture_legs(REPORTS, PLACES, [("homs", "damascus"), ("homs", "nowhere"), ("homs", "unknown")])
    assert legs["days_min"].isna().all() and legs["days_max"].isna().all()
    assert round(legs["km"].iloc[0]) == 141
    assert legs["km"].iloc[1:].isna().all()


def test_days_and_leg_text():
    assert corridor.days_text(1, 1) == "1 day"
    assert corridor.days_text(2, 3) == "2–3 days"
    assert corridor.days_text(0, 1) == "0–1 days"
    assert corridor.days_text(0, 0) == "same day"
    assert corridor.days_text(-1, -1) == "−1 day"
    assert corridor.days_text(-1, 0) == "−1 to 0 days"
    assert corridor.days_text(pd.NA, 1) == "no date"
    assert corridor.leg_text(22.94, 1, 1) == "23 km · 1 day"
    assert corridor.leg_text(pd.NA, pd.NA, pd.NA) == "? km · no date"
    assert corridor.day_label([]) == "no report"
    assert corridor.day_label(pd.to_datetime(["2024-12-08", "2024-12-07", "2024-12-08"])) == "7 Dec, 8 Dec"


def _lines(*features):
    rows = []
    for feature, points in features:
        for seq, (lon, lat) in enumerate(points):
            rows.append({"feature": feature, "part": 0, "seq": seq, "longitude": lon, "latitude": lat})
    return pd.DataFrame(rows)


def test_line_crossings_finds_every_crossing_and_none_for_parallel_lines():
    road = ("road", [(0.0, 0.0), (0.0, 2.0)])
    river = ("river", [(-1.0, 0.5), (1.0, 0.5), (1.0, 1.5), (-1.0, 1.5)])  # crosses the road twice
    assert line_crossings(_lines(road, river), "road", "river") == [(0.0, 0.5), (0.0, 1.5)]
    assert line_crossings(_lines(road, ("canal", [(1.0, 0.0), (1.0, 2.0)])), "road", "canal") == []


def test_the_committed_m5_crosses_the_orontes_at_rastan():
    from hamabook.data import load

    crossings = line_crossings(load("geography"), "m5", "orontes")
    near_rastan = [(lon, lat) for lon, lat in crossings if 34.9 < lat < 35.0]
    assert len(near_rastan) == 1
    lon, lat = near_rastan[0]
    assert 36.72 < lon < 36.75  # on the road between Rastan and Hama, about 2 km north of Rastan


def _legs():
    pairs = [p for panel in corridor.LEGS.values() for p in panel]
    legs = capture_legs(REPORTS, PLACES, pairs)
    return pd.concat(
        legs.set_index(["from_id", "to_id"]).loc[list(corridor.LEGS[p])].reset_index().assign(panel=p)
        for p in corridor.LEGS
    )


BRIDGE = pd.DataFrame(
    {
        "event_id": ["E9", "E8", "E7"],
        "date": pd.to_datetime(["2024-12-05", "2024-12-06", "2024-12-06"]),
        "category": ["airstrike", "ally_air_strike", "bridge_crossing"],
    }
)


def test_corridor_frame_names_every_reported_date_and_measures_each_leg():
    frame = corridor.corridor_frame(REPORTS, BRIDGE, PLACES, _legs(), (36.734, 34.944))
    places = frame[(frame["layer"] == "place") & (frame["panel"] == "corridor")].set_index("place_id")
    assert places.loc["talbiseh", "label"] == "Talbiseh 5 Dec, 6 Dec"
    assert places.loc["homs", "row_ids"] == "E2 E3"
    assert "salamiyah" not in places.index  # not in the places given: left out, no error
    legs = frame[frame["layer"] == "leg"].set_index(["panel", "name"])["label"]
    assert legs[("corridor", "hama–rastan")] == "23 km · 1 day"
    assert legs[("overview", "hama–homs")] == "45 km · 2–3 days"
    assert legs[("overview", "homs–damascus")] == "141 km · no date"  # no report for Damascus here
    bridge = frame[frame["layer"] == "bridge"].iloc[0]
    assert bridge["label"] == "Rastan bridge\nstruck 5 Dec, 6 Dec\ncrossed 6 Dec"
    assert (bridge["longitude"], bridge["latitude"]) == (36.734, 34.944) and bridge["row_ids"] == "E9 E8 E7"
    scale = frame[(frame["layer"] == "scale") & (frame["panel"] == "corridor")]
    assert len(scale) == 2 and scale["latitude"].nunique() == 1
    box = frame[frame["layer"] == "box"]
    assert (
        len(box) == 5
        and box.iloc[0][["longitude", "latitude"]].tolist() == box.iloc[-1][["longitude", "latitude"]].tolist()
    )  # a closed outline of the corridor panel, drawn in the overview
    assert {"Orontes", "M5 (schematic)", "HAMA\nGOVERNORATE", "HOMS\nGOVERNORATE"} <= set(frame["name"])


def test_corridor_map_draws_two_projected_panels_over_basemap_lines():
    geography = _lines(("orontes", [(36.6, 34.7), (36.8, 35.1)]), ("m5", [(36.72, 34.72), (36.76, 35.13)]))
    geography = geography.assign(layer=geography["feature"].map({"orontes": "river", "m5": "road"}), name="x")
    frame = corridor.corridor_frame(REPORTS, BRIDGE, PLACES, _legs(), (36.734, 34.944))
    chart = corridor.corridor_map(frame, geography)
    assert chart.data is frame
    spec = chart.to_dict()
    panels = spec["hconcat"]
    assert [p["title"]["text"] for p in panels] == ["Hama to Homs", "On to Damascus"]
    for panel in panels:
        assert panel["projection"]["type"] == "mercator"
        assert any(layer.get("mark", {}).get("type") == "geoshape" for layer in panel["layer"])
        assert "data" not in {k for layer in panel["layer"] if layer.get("mark", {}).get("type") != "geoshape"
                              for k in layer}  # fmt: skip


@pytest.fixture(scope="module")
def section():
    from hamabook.chapters import campaign

    return campaign.corridor_map(prefix="military")


def test_the_section_holds_the_military_corridor_map_with_the_figure_rules(section):
    assert list(section.shows) == ["military-corridor-map"] and not section.values
    html = section.shows["military-corridor-map"].data
    assert 'id="fig-military-corridor-map"' in html
    assert '<img class="hb-chart-static" src="data:image/svg+xml,' in html  # drawn before any script runs
    assert html.index("hb-chart-static") < html.index("<script>")
    assert 'download="military-corridor-map.csv"' in html
    assert 'aria-label="Two maps.' in html
    caption = re.search(r'hb-caption">(.*?)</p>', html).group(1)
    assert "Hama (5 December) → 23 km, 1 day → Rastan (6 December)" in caption
    assert "The 45 km from Hama to Homs took 2–3 days" in caption
    assert "Great-circle km between the coordinates in places.csv" in caption
    assert "the Rastan bridge (struck 5 and 6 December, six reports) is drawn where it crosses the Orontes" in caption
    credit = re.search(r'hb-credit">(.*?)<a class="hb-download"', html, re.S).group(1)
    for publisher in ("GeoNames", "Natural Earth"):
        assert publisher in credit


def test_the_section_builds_when_a_place_on_the_road_has_no_report():
    from hamabook.chapters import campaign

    t = campaign.tables()
    t = replace(t, reports=t.reports[t.reports["place_id"] != "rastan"])
    html = campaign.corridor_map(t, prefix="test").shows["test-corridor-map"].data
    assert "Rastan (no date) → 23 km, no date" in html


def test_the_campaign_tables_keep_only_fronts_the_map_can_place():
    """A front reported at a place without coordinates (Mount Hermon) is left off the campaign map, not a crash."""
    from hamabook.chapters import campaign

    t = campaign.tables()
    unmapped = set(t.places.loc[t.places["latitude"].isna(), "place_id"])
    assert unmapped and not set(t.fronts["place_id"]) & unmapped
    assert "military-map" in campaign.campaign_map(t, prefix="military").shows
