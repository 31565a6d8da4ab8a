"""Count reports, not copies: one report per originator and claim."""

import pandas as pd

from hamabook.rows.reports import CONTROL_CLAIM, count_reports, one_per_report, originated_by

SOURCES = pd.DataFrame(
    {
        "source_id": ["cna-afp", "lbci-afp", "reuters-copy", "aawsat"],
        "originator": ["AFP", "AFP", "Reuters", "Asharq Al-Awsat"],
    }
)


def _rows(**columns):
    return pd.DataFrame(columns)


def test_copies_of_one_wire_story_count_once():
    rows = _rows(
        source_id=["cna-afp", "lbci-afp", "reuters-copy"],
        place_id="hama",
        taken_by="opposition",
        date=["2024-12-05"] * 3,
    )
    assert count_reports(rows, CONTROL_CLAIM, SOURCES) == 2
    assert list(one_per_report(rows, CONTROL_CLAIM, SOURCES)["source_id"]) == ["cna-afp", "reuters-copy"]


def test_one_originator_claiming_two_things_makes_two_reports():
    rows = _rows(source_id=["cna-afp", "lbci-afp"], place_id=["hama", "homs"], taken_by="opposition", date="2024-12-05")
    assert count_reports(rows, CONTROL_CLAIM, SOURCES) == 2


def test_an_estimator_named_on_the_row_is_the_originator():
    """A figure a source retells is counted under who made it: SOHR's count in an AFP copy and in a paper's own
    report is one estimate."""
    rows = _rows(source_id=["cna-afp", "aawsat"], estimated_by=["SOHR", "SOHR"], low_=[704, 704], high_=[704, 704])
    assert list(originated_by(rows, SOURCES)) == ["SOHR", "SOHR"]
    assert count_reports(rows, ("low_", "high_"), SOURCES) == 1


def test_unknown_source_is_named():
    rows = _rows(source_id=["nowhere"], place_id="hama", taken_by="x", date="2024-12-05")
    try:
        count_reports(rows, CONTROL_CLAIM, SOURCES)
    except KeyError as error:
        assert "nowhere" in str(error)
    else:
        raise AssertionError("an unknown source passed")


def test_no_rows_no_reports():
    assert count_reports(_rows(source_id=[], place_id=[], taken_by=[], date=[]), CONTROL_CLAIM, SOURCES) == 0
