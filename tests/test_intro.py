"""Unit tests of hamabook.chapters.intro: the chronology merges events and city control changes."""

import pandas as pd
import pytest

from hamabook.chapters import intro

PLACES = pd.DataFrame({"place_id": ["hama", "morek"], "name": ["Hama", "Morek"], "kind": ["city", "town"]})
SOURCES = pd.DataFrame(
    {
        "source_id": ["s1"],
        "publisher": ["Reuters"],
        "originator": ["Reuters"],
        "via": [pd.NA],
        "reliability": ["A"],
    }
)
DAY = pd.Timestamp


def _events():
    return pd.DataFrame(
        {
            "event_id": ["E1", "E2", "E3"],
            "date": [DAY("2024-12-05"), DAY("2024-12-05"), DAY("2024-12-20")],
            "date_precision": ["day"] * 3,
            "place_id": ["hama", "hama", "hama"],
            "category": ["city_captured", "statement", "city_captured"],
            "summary": ["taken", "said", "late"],
            "source_id": ["s1"] * 3,
            "as_of": [DAY("2024-12-06")] * 3,
            "credibility": [5] * 3,
        }
    )


def _changes():
    return pd.DataFrame(
        {
            "change_id": ["K1", "K2"],
            "date": [DAY("2024-12-04"), DAY("2024-12-03")],
            "date_precision": ["day", "day"],
            "place_id": ["hama", "morek"],
            "summary": ["control", "town"],
            "source_id": ["s1", "s1"],
            "as_of": [DAY("2024-12-09"), DAY("2024-12-03")],
            "credibility": [4, 4],
        }
    )


def test_chronology_rows_merges_city_changes_and_listed_events_in_window():
    rows = intro.chronology_rows(_events(), _changes(), PLACES, SOURCES, DAY("2024-12-01"), DAY("2024-12-08"))
    assert list(rows["row_id"]) == ["K1", "E1"]  # town change, statement and out-of-window event left out
    assert rows["as_of"].max() == DAY("2024-12-09")
    assert list(rows["source"]) == ["Reuters", "Reuters"]


def test_chronology_rows_empty_window_raises():
    with pytest.raises(LookupError):
        intro.chronology_rows(_events(), _changes(), PLACES, SOURCES, DAY("2025-01-01"), DAY("2025-01-02"))


def test_span_text():
    assert intro.span_text([11, 12, 11]) == "11–12 days"
    assert intro.span_text([11.0]) == "11 days"


def test_build_values_and_outputs(chapter):
    page = chapter("intro")
    assert {"key-judgments", "chronology", "capture-dates"} <= set(page.shows)
    assert page.values["launch_date"].text == "27 November 2024"
    assert page.values["data_as_of"].rows  # computed from a row, never typed


def test_latest_report_credits_every_row_of_the_latest_date():
    rows = pd.DataFrame(
        {"row_id": ["E1", "K1", "N1"], "as_of": [DAY("2024-12-06"), DAY("2024-12-09"), DAY("2024-12-09")]}
    )
    out = intro.latest_report(rows)
    assert out.text == "9 December 2024" and out.rows == ("K1", "N1")
    with pytest.raises(LookupError):
        intro.latest_report(rows.assign(as_of=pd.NaT))


def test_build_cut_off_and_plain_title_values(chapter):
    page = chapter("intro")
    assert page.values["read_up_to"].table == "sources"
    assert "hama_month" not in page.values


def test_fall_sentence_counts_each_city_and_never_says_every_for_one_report():
    caps = pd.DataFrame(
        {
            "name": ["Hama", "Hama", "Damascus", "Aleppo", "Aleppo"],
            "place_id": ["hama", "hama", "damascus", "aleppo", "aleppo"],
            "taken_by": "military-operations-command",
            "date": [DAY("2024-12-05"), DAY("2024-12-05"), DAY("2024-12-08"), DAY("2024-11-29"), DAY("2024-12-01")],
            # two originators for Hama (AFP, Reuters)
            "source_id": [
                "khaleej-times-2024-b",
                "tvn24-2024",
                "khaleej-times-2024-b",
                "khaleej-times-2024-b",
                "tvn24-2024",
            ],
        }
    )
    text = intro.fall_sentence(caps, ["Aleppo", "Hama", "Homs", "Damascus"])
    assert text == (
        "Both reports date the fall of Hama to 5 December 2024; the one report for Damascus dates its fall to "
        "8 December 2024; reported dates spread over three days for Aleppo."
    )
    with pytest.raises(LookupError):
        intro.fall_sentence(caps, ["Homs"])


def test_fall_sentence_counts_copies_of_one_report_once():
    """Two outlets carrying the same AFP report of Hama's fall are one report, not two."""
    caps = pd.DataFrame(
        {
            "name": ["Hama", "Hama"],
            "place_id": ["hama", "hama"],
            "taken_by": "military-operations-command",
            "date": [DAY("2024-12-05"), DAY("2024-12-05")],
            "source_id": ["bc-cna-afp-2024-12-06", "khaleej-times-2024-b"],  # both AFP
        }
    )
    assert intro.fall_sentence(caps, ["Hama"]) == "The one report for Hama dates its fall to 5 December 2024."


def test_capture_chart_counts_control_changes_and_capture_events(chapter):
    page = chapter("intro")
    html = page.shows["capture-dates"].data
    assert "reports date the fall of Hama to 5 December 2024" in html
    assert "Every report" not in html


def test_key_judgments_lead_with_the_bottom_line_then_follow_the_chapters():
    judgments = pd.DataFrame(
        {
            "judgment_id": ["J01", "J09", "J16", "J40", "J50"],
            "chapter": ["military", "argument", "military", "humanitarian", "implications"],
        }
    )
    assert intro.ranked(judgments) == ["J16", "J09", "J01", "J40", "J50"]


def test_two_days_reads_a_contested_date():
    rows = pd.DataFrame({"event_id": ["E1", "E2"], "date": [DAY("2024-12-07"), DAY("2024-12-08")]})
    assert intro._two_days(rows, "or").text == "7 or 8 December 2024"
    rows = rows.assign(date=[DAY("2024-11-29"), DAY("2024-12-01")])
    assert intro._two_days(rows).text == "29 November and 1 December 2024"
    assert intro._two_days(rows.iloc[:1]).text == "29 November 2024"


def test_first_screen_values_name_the_new_authorities_dates(chapter):
    page = chapter("intro")
    assert page.values["president_date"].text == "29 January 2025"
    assert page.values["assad_moscow"].rows  # Moscow rests on the reports of Assad's exit
    # the as-of date covers every row the page cites, the transition's among them
    assert pd.Timestamp(page.values["data_as_of"].text) >= pd.Timestamp(page.values["president_date"].text)


def test_assad_exit_splits_leaving_from_arriving_and_tells_each_date():
    events = pd.DataFrame(
        {
            "event_id": ["E1", "E2", "E3"],
            "date": [DAY("2024-12-07"), DAY("2024-12-08"), DAY("2024-12-08")],
            "place_id": ["damascus", "latakia", None],
            "category": ["assad_exit"] * 3,
        }
    )
    got = intro.assad_exit(events)
    assert got["assad_left"].text == "7 or 8 December 2024" and got["assad_left"].rows == ("E1", "E2")
    assert got["assad_moscow"].text == "8 December 2024" and got["assad_moscow"].rows == ("E3",)


def test_handover_dates_by_first_and_latest_report(chapter):
    page = chapter("intro")
    v = page.values
    assert v["handover_date"].text == page.values["damascus_date"].text  # the order of the day Damascus fell
    assert pd.Timestamp(v["caretaker_date"].text) > pd.Timestamp(v["handover_date"].text)
    assert v["salvation_since"].text == "2017" and v["sednaya_prison"].rows
