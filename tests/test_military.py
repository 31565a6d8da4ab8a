"""Unit tests of hamabook.chapters.military: change-of-hands dates, legs of the advance, distances, exchange rates, dates in words, the page."""

import pandas as pd
import pytest

from hamabook.chapters import military

PLACES = pd.DataFrame(
    {
        "place_id": ["hama", "homs", "damascus", "nowhere"],
        "name": ["Hama", "Homs", "Damascus", "Nowhere"],
        "latitude": [35.13179, 34.72405, 33.5102, None],
        "longitude": [36.75783, 36.72559, 36.29128, None],
    }
)

EVENTS = pd.DataFrame(
    {
        "event_id": ["E1", "E2", "E3", "E4", "E5", "E6", "E7"],
        "date": pd.to_datetime(
            ["2024-12-05", "2024-12-05", "2024-12-07", "2024-12-08", "2024-12-08", "2024-12-08", "2024-12-06"]
        ),
        "category": [
            "city_captured",
            "city_entered",
            "city_captured",
            "city_captured",
            "city_captured",
            "city_captured",
            "airstrike",
        ],
        "place_id": ["hama", "hama", "homs", "homs", "damascus", None, "homs"],
    }
)


def test_control_dates_first_headline_last():
    dates = military.control_dates(EVENTS, PLACES).set_index("place_id")
    assert list(dates.index) == ["hama", "homs", "damascus"]  # oldest first; the row without a place is ignored
    assert dates.loc["hama", "reports"] == 2
    homs = dates.loc["homs"]
    assert (homs["first"], homs["last"]) == (pd.Timestamp("2024-12-07"), pd.Timestamp("2024-12-08"))
    assert homs["headline"] == pd.Timestamp("2024-12-07")  # a 1-1 tie goes to the earlier date
    # airstrikes are not a change of hands
    assert dates.loc["homs", "reports"] == 2


def test_control_dates_can_be_limited_to_captures():
    dates = military.control_dates(EVENTS, PLACES, ("city_captured",)).set_index("place_id")
    assert dates.loc["hama", "reports"] == 1
    with pytest.raises(LookupError):
        military.control_dates(EVENTS, PLACES, ("no_such_category",))


def test_reported_distances_either_order_and_miles():
    figures = pd.DataFrame(
        {
            "figure_id": ["N1", "N2", "N3", "N4"],
            "metric": ["distance_km_hama_homs", "distance_km_homs_hama", "distance_miles_hama_homs", "other"],
            "value": [46.0, 40.0, 25.0, 1.0],
        }
    )
    out = military.reported_distances(figures, "hama", "homs")
    assert list(out["figure_id"]) == ["N2", "N3", "N1"]
    assert list(out["km"]) == [40, 40, 46]  # 25 miles is 40 km
    with pytest.raises(LookupError, match="hama and damascus"):
        military.reported_distances(figures, "hama", "damascus")


def _fx():
    return pd.DataFrame(
        {
            "figure_id": ["N1", "N2", "N3", "N4"],
            "metric": ["syp_per_usd_market", "syp_per_usd_official", "syp_per_usd_market", "other"],
            "value": [None, 13668.0, 22000.0, 1.0],
            "low": [28000.0, None, None, None],
            "high": [29000.0, None, None, None],
            "as_of": pd.to_datetime(["2024-12-05", "2024-09-11", "2024-12-08", "2024-12-01"]),
        }
    )


def test_exchange_series_ranges_points_and_order():
    out = military.exchange_series(_fx())
    assert list(out["figure_id"]) == ["N2", "N1", "N3"]  # oldest first, other metrics left out
    assert list(out["rate"]) == ["official", "market", "market"]
    assert list(out["low"]) == [13668, 28000, 22000]
    assert list(out["high"]) == [13668, 29000, 22000]
    assert out.loc[1, "mid"] == 28500
    with pytest.raises(LookupError):
        military.exchange_series(_fx()[_fx()["metric"] == "other"])


def test_value_text_point_and_range():
    fx = _fx()
    assert military.value_text(fx.iloc[[1]]) == "13,668"
    assert military.value_text(fx.iloc[[0, 2]]) == "22,000–29,000"


def test_build_values_and_outputs(chapter):
    page = chapter("military")
    assert {"J01", "J04", "J15", "military-advance-dates", "military-exchange-rate"} <= set(page.shows)
    assert page.values["mil_launch"].text == "27 November 2024"
    assert all(value.rows or value.table for value in page.values.values())


def test_campaign_as_of_ignores_rows_outside_the_campaign():
    day = pd.Timestamp
    events = pd.DataFrame(
        {
            "event_id": ["E1", "E2", "E3"],
            "date": [day("2024-11-27"), day("2024-12-08"), day("2025-03-01")],
            "as_of": [day("2024-11-28"), day("2024-12-10"), day("2025-03-02")],
        }
    )
    fx = pd.DataFrame({"figure_id": ["N1", "N2"], "as_of": [day("2024-12-01"), day("2025-12-29")]})
    out = military.campaign_as_of([events, fx], day("2024-11-27"), day("2024-12-08"))
    assert out.text == "10 December 2024"
    assert out.rows == ("E2",)
    with pytest.raises(LookupError):
        military.campaign_as_of([events.iloc[[2]]], day("2024-11-27"), day("2024-12-08"))


def test_build_campaign_values(chapter):
    page = chapter("military")
    # the campaign's reports (events and control changes), not the exchange-rate series
    assert all(row[0] in "EK" for row in page.values["mil_as_of"].rows)
    # dates in the campaign's year read as a reader says them; the year stays on the first and on others
    assert page.values["mil_talbiseh_odd_date"].text == "5 December"
    assert page.values["mil_talbiseh_date"].text == "6 December"
    assert page.values["mil_command_first"].text == "2020"
    assert page.values["mil_buyout_date"].text.endswith("2023")
    # where reports give two days for one event, the sentence gives both
    assert page.values["mil_bridge_dates"].text == "5 or 6 December"
    assert " or " in page.values["mil_homs_span"].text
    # a date rests on the reports that give it, not on those that give another day
    launch = page.values["mil_launch"]
    assert set(launch.rows) < set(page.values["mil_launch_reports"].rows)


def test_used_when_gives_every_day_reported_and_records_the_rows():
    ids = military.Used(2024)
    rows = pd.DataFrame(
        {
            "event_id": ["E1", "E2", "E3"],
            "date": pd.to_datetime(["2024-12-05", "2024-12-06", "2024-12-06"]),
            "date_precision": ["day", "day", "day"],
        }
    )
    assert ids.when(rows).text == "5 or 6 December"
    assert ids.when(rows.iloc[1:]).text == "6 December"
    approximate = rows.iloc[[0]].assign(date_precision="approximate")
    assert ids.when(approximate).text == "about 5 December"
    assert len(ids.frames) == 3


def test_report_tables_fold_after_the_first_report():
    html = military.folded_table(
        pd.DataFrame({"what": ["a", "b", "c"]}), "Caption", {"what": "What"}, noun="reports", fold_after=1
    ).data
    assert html.count('class="hb-more"') == 2 and "Show all 3 reports" in html


def test_odd_date_values_one_report_against_the_rest():
    day = pd.Timestamp
    rows = pd.DataFrame(
        {
            "change_id": ["K1", "K2", "E3"],
            "date": [day("2024-12-05"), day("2024-12-06"), day("2024-12-06")],
            "credibility": [4, 2, 3],
        }
    )
    out = military.odd_date_values(rows)
    assert out["odd_date"].text == "5 December 2024" and out["odd_date"].rows == ("K1",)
    assert out["odd_credibility"].text == "4"
    assert out["date"].rows == ("K2", "E3") and out["others"].text == "two"
    agree = military.odd_date_values(rows.assign(date=day("2024-12-06")))  # all agree: the others give that day
    assert agree["date"].rows == ("K2", "E3")
    assert military.odd_date_values(rows.iloc[0:0])["odd_date"].text == "no date"


def test_rows_without_a_place_say_so():
    places = pd.DataFrame({"place_id": ["hama"], "name": ["Hama"]})
    sources = pd.DataFrame(
        {"source_id": ["s1"], "publisher": ["AFP"], "originator": ["AFP"], "via": [pd.NA], "reliability": ["B"]}
    )
    rows = pd.DataFrame({"place_id": ["hama", pd.NA], "source_id": ["s1", "s1"]})
    assert list(military.credited(rows, places, sources)["place"]) == ["Hama", military.NO_PLACE]
