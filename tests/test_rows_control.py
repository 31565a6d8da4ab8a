"""Unit tests of hamabook.rows.control: sides, status by day, changes of hands, deciding reports, distance of the front."""

import pandas as pd
import pytest

from hamabook.rows import control

ACTORS = pd.DataFrame({"actor_id": ["gov", "opp"], "side": ["government", "opposition"]})


def _changes(rows):
    return pd.DataFrame(rows, columns=["change_id", "date", "place_id", "taken_by", "taken_from"]).assign(
        date=lambda d: pd.to_datetime(d["date"])
    )


CHANGES = _changes(
    [
        ("K1", "2024-12-01", "a", "opp", "gov"),
        ("K2", "2024-12-02", "a", "gov", "opp"),
        ("K3", "2024-12-04", "a", "opp", "gov"),
        ("K4", "2024-12-03", "b", "opp", "gov"),
        ("K5", "2024-12-01", "c", "gov", "opp"),
    ]
)
DAYS = pd.date_range("2024-11-30", "2024-12-05")


def _status(place, day):
    out = control.control_by_day(CHANGES, ACTORS, DAYS)
    return out[(out["place_id"] == place) & (out["day"] == pd.Timestamp(day))].iloc[0]


def test_no_report_before_the_first_report():
    assert _status("a", "2024-11-30")["status"] == "no report"
    assert _status("b", "2024-12-02")["status"] == "no report"
    assert _status("b", "2024-12-02")["last_change_ids"] == ""


def test_one_side_holds_when_recent_reports_agree():
    assert _status("a", "2024-12-01")["status"] == "opposition"
    assert _status("b", "2024-12-05")["status"] == "opposition"
    assert _status("c", "2024-12-05")["status"] == "government"
    # the government's claim of 2 December still stands against the opposition's of 1 December
    assert _status("a", "2024-12-03")["status"] == "contested"
    assert _status("a", "2024-12-05")["status"] == "opposition"


def test_claims_by_both_sides_within_a_day_are_contested():
    row = _status("a", "2024-12-02")
    assert row["status"] == "contested"
    assert row["last_change_ids"] == "K1 K2"


def test_status_frame_has_one_row_per_place_and_day():
    out = control.control_by_day(CHANGES, ACTORS, DAYS)
    assert len(out) == 3 * len(DAYS)
    assert list(out.columns) == ["place_id", "day", "status", "last_change_ids"]


def test_unknown_actor_is_an_error():
    bad = CHANGES.assign(taken_by=["opp", "nobody", "opp", "opp", "gov"])
    with pytest.raises(KeyError, match="nobody"):
        control.with_sides(bad, ACTORS)


def test_hand_changes_counts_switches_of_side():
    out = control.hand_changes(CHANGES, ACTORS).set_index("place_id")
    assert out.loc["a", "times"] == 3
    assert out.loc["b", "times"] == 1


def test_front_distance_takes_the_nearest_opposition_place():
    places = pd.DataFrame(
        {
            "place_id": ["a", "b", "damascus"],
            "name": ["A", "B", "Damascus"],
            "latitude": [35.0, 34.0, 33.5],
            "longitude": [36.5, 36.5, 36.3],
        }
    )
    status = control.control_by_day(CHANGES, ACTORS, DAYS)
    dist = control.front_distance(status, places, "damascus").set_index("day")
    assert pd.Timestamp("2024-11-30") not in dist.index  # nothing held yet
    assert dist.loc[pd.Timestamp("2024-12-01"), "nearest"] == "A"
    assert dist.loc[pd.Timestamp("2024-12-04"), "nearest"] == "B"
    assert dist.loc[pd.Timestamp("2024-12-04"), "km"] < dist.loc[pd.Timestamp("2024-12-01"), "km"]


def test_build_offers_the_map_and_judgments(chapter):
    page = chapter("battle")
    for name in ("battle-map", "battle-map-panels", "battle-front-distance", "J08"):
        assert name in page.shows
    assert page.values["battle_reports_n"].rows


def test_improbable_reports_do_not_decide():
    changes = CHANGES.assign(credibility=[3, 5, 3, 3, 3])
    kept = control.deciding(changes)
    assert "K2" not in set(kept["change_id"])
    all_status = control.control_by_day(changes, ACTORS, DAYS)
    kept_status = control.control_by_day(kept, ACTORS, DAYS)
    extra = control.newly_contested(all_status, kept_status)
    assert set(extra["place_id"]) == {"a"}
    assert pd.Timestamp("2024-12-02") in set(extra["day"])


def test_a_contest_goes_stale_after_the_stated_age():
    import pandas as pd

    from hamabook.rows.control import _status

    day = pd.Timestamp
    split = [(day("2024-12-02"), "C1", "opposition"), (day("2024-12-02"), "C2", "government")]
    assert _status(split, day("2024-12-04"), 1, 2)[0] == "contested"  # two days old: still counts
    assert _status(split, day("2024-12-05"), 1, 2) == ("unresolved", ["C1", "C2"])  # older: the split stays open
    assert _status(split, day("2024-12-05"), 1)[0] == "contested"  # without the age rule, a contest never ages
    later = [(day("2024-12-03"), "C1", "opposition"), (day("2024-12-04"), "C2", "government")]
    assert _status(later, day("2024-12-08"), 1, 2) == ("government", ["C2"])  # the latest day's report decides
