import pandas as pd
import pytest

from hamabook.rows.stated import figures_in, stating


def test_figures_are_numerals_number_words_and_months():
    assert figures_in("more than 1,334 people, five km, in March 2020") == {"1334", "5", "march", "2020"}
    assert figures_in("7:50 a.m.") == {"7", "50"}


def test_a_phrase_rests_only_on_rows_that_state_its_figures():
    rows = pd.DataFrame(
        {
            "event_id": ["E1", "E2", "E3"],
            "summary": ["SNHR counted 1,334 dead", "about five kilometres away", "nothing of the kind"],
            "quote": ["", "", "1,000"],
        }
    )
    assert list(stating("1,334", rows)["event_id"]) == ["E1"]
    assert list(stating("5 km", rows)["event_id"]) == ["E2"]  # a number word matches its digits
    with pytest.raises(ValueError, match="not stated in rows"):
        stating("more than 2,000", rows)
    with pytest.raises(ValueError, match="no figure"):
        stating("several", rows)
