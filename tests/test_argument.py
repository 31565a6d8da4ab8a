"""Unit tests of hamabook.chapters.argument's telling of the candidate turning points."""

import pandas as pd

from hamabook.chapters import argument


def _events(rows):
    return pd.DataFrame(rows, columns=["event_id", "date", "category", "place_id", "actor_id"]).assign(
        date=lambda f: pd.to_datetime(f["date"])
    )


def test_a_city_falls_over_the_span_its_reports_give_citing_them_all():
    events = _events(
        [
            ("E1", "2024-11-29", "city_captured", "aleppo", "x"),
            ("E2", "2024-12-01", "city_captured", "aleppo", "x"),
            ("E3", "2024-12-05", "city_captured", "hama", "x"),
        ]
    )
    span = argument._fell(events, "aleppo")
    assert span.text == "29 November – 1 December 2024" and set(span.rows) == {"E1", "E2"}
    assert argument._fell(events, "hama").text == "5 December 2024"


def test_the_counter_attack_is_given_as_the_range_of_every_account(chapter):
    page = chapter("argument")
    low, high = page.values["arg_pushback_low"], page.values["arg_pushback_high"]
    assert float(low.text) < float(high.text)
    assert low.rows == high.rows and len(low.rows) > 1  # every report of the depth, not one picked
