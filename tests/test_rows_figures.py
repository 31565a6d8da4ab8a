"""Unit tests of hamabook.rows.figures on small tables: value or range, grade order, best first, latest, peak."""

import pandas as pd
import pytest

from hamabook.data import load
from hamabook.rows import figures, grades

NEW, CUR = "displaced_new", "displaced_current"


def _rows(rows):
    cols = ["figure_id", "metric", "body", "value", "low", "high", "as_of", "reliability", "credibility"]
    frame = pd.DataFrame(rows, columns=cols).assign(as_of=lambda d: pd.to_datetime(d["as_of"]))
    for col in ("value", "low", "high"):
        frame[col] = frame[col].astype("Float64")
    frame["low"], frame["high"] = figures.value_or_range(frame)
    return frame


ROWS = _rows(
    [
        ("N1", NEW, "ocha", 14000, None, None, "2024-11-28", "A", 2),
        ("N2", NEW, "unhcr", None, 800000, 1000000, "2024-12-08", "A", 2),
        ("N3", NEW, "wfp", 280000, None, None, "2024-12-06", "B", 2),
        ("N4", NEW, "wfp", 280000, None, None, "2024-12-06", "D", 3),
        ("N5", CUR, "ocha", 1100000, None, None, "2024-12-12", "A", 2),
        ("N6", CUR, "ocha", 664000, None, None, "2024-12-31", "A", 2),
        ("N7", CUR, "blog", 700000, None, None, "2024-12-31", "D", 3),
    ]
)


def test_value_or_range_prefers_the_range_and_rejects_rows_with_neither():
    rows = pd.DataFrame(
        {
            "figure_id": ["a", "b", "c"],
            "value": [5.0, 20000.0, None],
            "low": [None, 10000.0, 3.0],
            "high": [None, 20000.0, 7.0],
        }
    )
    low, high = figures.value_or_range(rows)
    assert list(low) == [5.0, 10000.0, 3.0] and list(high) == [5.0, 20000.0, 7.0]
    with pytest.raises(ValueError, match="without a value or a range: d"):
        figures.value_or_range(pd.DataFrame({"figure_id": ["d"], "value": [None], "low": [1.0], "high": [None]}))
    with pytest.raises(ValueError, match="low > high: e"):
        figures.value_or_range(pd.DataFrame({"figure_id": ["e"], "value": [None], "low": [9.0], "high": [1.0]}))


def test_grade_order_and_groups_follow_the_reliability_scale():
    rank = grades.grade_rank()
    assert list(rank) == list(load("reliability_scale")["grade"])
    assert list(rank.values()) == list(range(len(rank)))
    scale = pd.Series(list(rank))
    assert list(scale[grades.at_least(scale, grades.USUALLY_RELIABLE)]) == list(rank)[: rank["B"] + 1]
    assert list(scale[grades.at_most(scale, grades.NOT_USUALLY_RELIABLE)]) == list(rank)[rank["D"] :]


def test_best_first_orders_by_grade_then_credibility_then_id():
    ranked = figures.best_first(ROWS[ROWS["metric"] == NEW].iloc[::-1])
    assert list(ranked["figure_id"]) == ["N1", "N2", "N3", "N4"]


def test_agreed_takes_the_best_copy_and_rests_on_every_row():
    best, ids = figures.agreed(ROWS[ROWS["body"] == "wfp"], "WFP's count")
    assert best["figure_id"] == "N3" and ids == ["N3", "N4"]
    with pytest.raises(LookupError, match="rows for the new displaced disagree on value: N1, N2, N3, N4"):
        figures.agreed(ROWS[ROWS["metric"] == NEW], "the new displaced")
    with pytest.raises(LookupError, match="no rows for nothing"):
        figures.agreed(ROWS.iloc[0:0], "nothing")


def test_latest_prefers_best_grade_on_the_same_date():
    assert figures.latest(ROWS, CUR)["figure_id"] == "N6"  # grade A beats the blog's larger figure
    assert figures.latest(ROWS, NEW)["figure_id"] == "N2"
    assert figures.latest(ROWS, NEW, "ocha")["figure_id"] == "N1"
    with pytest.raises(LookupError, match="no missing_metric figure"):
        figures.latest(ROWS, "missing_metric")
    with pytest.raises(LookupError, match="from sohr"):
        figures.latest(ROWS, NEW, "sohr")


def test_peak_and_spread():
    assert figures.peak(ROWS, CUR)["figure_id"] == "N5"
    assert figures.spread(ROWS, NEW) == (14000.0, 1000000.0, 4)


def test_in_window_is_inclusive():
    picked = figures.in_window(ROWS, "2024-11-28", "2024-12-08")
    assert set(picked["figure_id"]) == {"N1", "N2", "N3", "N4"}
