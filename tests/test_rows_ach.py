"""Unit tests of hamabook.rows.ach on small tables: the rating rule for every kind, on both sides of a point."""

import pandas as pd
import pytest

from hamabook.data import descriptor
from hamabook.rows import ach

POINT = ("2024-12-05", 2)  # Hama: 5 December, Hama province
EARLIER_SOUTH = ("2024-12-01", 4)  # before the point by date, though south of it
LATER_NORTH = ("2024-12-07", 1)  # before the point by place, though later
LATER_SOUTH = ("2024-12-07", 4)  # after the point
LATER_OFF_AXIS = ("2024-12-07", None)  # after: a later row off the axis
SAME_DAY_SOUTH = ("2024-12-05", 3)  # after: the point's own day, south of it

EXPECTED = {  # kind -> (rating before, rating after)
    "withdrawal_without_fight": ("inconsistent", "consistent"),
    "defection": ("inconsistent", "consistent"),
    "flight_before_attack": ("inconsistent", "consistent"),
    "counterattack_or_stand": ("consistent", "inconsistent"),
    "allied_support_arrives": ("consistent", "neutral"),
    "allied_support_leaves": ("inconsistent", "consistent"),
    "context": ("neutral", "neutral"),
}


@pytest.mark.parametrize("kind", sorted(EXPECTED))
@pytest.mark.parametrize("side", [EARLIER_SOUTH, LATER_NORTH])
def test_a_row_before_the_point(kind, side):
    assert ach.rate(kind, *side, *POINT) == EXPECTED[kind][0]


@pytest.mark.parametrize("kind", sorted(EXPECTED))
@pytest.mark.parametrize("side", [LATER_SOUTH, LATER_OFF_AXIS, SAME_DAY_SOUTH])
def test_a_row_after_the_point(kind, side):
    assert ach.rate(kind, *side, *POINT) == EXPECTED[kind][1]


def test_the_rule_rates_exactly_the_kinds_the_schema_allows():
    resource = next(r for r in descriptor()["resources"] if r["name"] == "evidence_kinds")
    kind = next(f for f in resource["schema"]["fields"] if f["name"] == "kind")
    assert set(kind["constraints"]["enum"]) == set(ach.RULE) == set(EXPECTED)


def test_a_point_before_the_offensive_leaves_every_row_after_it():
    """The null hypothesis's point (the day before the offensive, before the axis): a stand is inconsistent."""
    assert ach.rate("counterattack_or_stand", "2024-11-27", 1, "2024-11-26", 0) == "inconsistent"
    assert ach.rate("withdrawal_without_fight", "2024-11-27", 1, "2024-11-26", 0) == "consistent"


def test_an_unknown_kind_is_an_error():
    with pytest.raises(KeyError, match="rumour"):
        ach.rate("rumour", *LATER_SOUTH, *POINT)


def test_rated_crosses_every_row_with_every_hypothesis():
    evidence = pd.DataFrame(
        {
            "row_id": ["E1", "E2"],
            "kind": ["counterattack_or_stand", "withdrawal_without_fight"],
            "date": pd.to_datetime(["2024-12-04", "2024-12-07"]),
            "axis": [2.0, float("nan")],
        }
    )
    hypotheses = pd.DataFrame(
        {
            "hypothesis_id": ["H1", "H2"],
            "point_date": pd.to_datetime(["2024-11-30", "2024-12-05"]),
            "point_axis": [1, 2],
        }
    )
    cells = ach.rated(evidence, hypotheses).set_index(["hypothesis_id", "row_id"])["rating"]
    assert cells.to_dict() == {
        ("H1", "E1"): "inconsistent",
        ("H2", "E1"): "consistent",
        ("H1", "E2"): "consistent",
        ("H2", "E2"): "consistent",
    }


def test_row_axes_reads_each_rows_place_from_places():
    axes = ach.row_axes(["K086", "E1093", "E070"])  # Morek (Hama province), Deir ez-Zor (off the axis), no place
    assert axes["K086"] == 2
    assert pd.isna(axes["E1093"]) and pd.isna(axes["E070"])


def test_the_argument_ranks_hama_first_and_the_null_close_behind(chapter):
    """The matrix computed by the rule: Hama meets the fewest inconsistent rows, the null hypothesis the next
    fewest, Aleppo more and Homs the most; without the sources graded D-F Hama still meets the fewest."""
    page = chapter("argument")
    assert page.values["arg_survivor"].text == "Hama"
    assert page.values["arg_runner_up"].text == "Decided before"
    assert page.values["arg_sensitivity"].text == "Hama still meets the fewest"
