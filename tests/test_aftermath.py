import math

import pandas as pd
import pytest

from hamabook.chapters import aftermath
from hamabook.data import load


@pytest.fixture
def scale():
    return load("likelihood_scale")


def _forecasts(terms, probability, outcome, words=None):
    n = len(terms)
    return pd.DataFrame(
        {
            "forecast_id": [f"P9{i:02d}" for i in range(n)],
            "published": pd.Timestamp("2024-12-01"),
            "forecaster_kind": ["analyst or think tank"] * n,
            "forecaster_side": ["other"] * n,
            "likelihood_words": words or ["(as written)"] * n,
            "scale_term": terms,
            "probability": probability,
            "outcome": outcome,
        }
    )


def test_band_midpoint(scale):
    assert aftermath.band_midpoints(scale)["likely"] == pytest.approx(0.675)


def test_probability_rules(scale):
    # The hedge as written is never read: only scale_term (our reading) or a stated number gives a probability.
    f = _forecasts(
        ["likely", "Very Likely", None, None],
        [None, None, None, 0.3],
        ["right"] * 4,
        words=["unlikely", "very surprised", "likely", None],
    )
    got = aftermath.forecast_probability(f, scale)
    assert got["rule"].tolist() == ["scale term", "scale term", "none", "stated"]
    assert got["p"].iloc[0] == pytest.approx(0.675)
    assert got["p"].iloc[1] == pytest.approx(0.875)
    assert math.isnan(got["p"].iloc[2])
    assert got["p"].iloc[3] == pytest.approx(0.3)


def test_scale_term_must_be_on_the_scale(scale):
    with pytest.raises(ValueError):
        aftermath.forecast_probability(_forecasts(["probably"], [None], ["right"]), scale)


def test_real_data_scores_only_coded_forecasts(scale):
    scored = aftermath.score_forecasts(load("forecasts"), scale)
    coded = scored["scale_term"].notna() | scored["probability"].notna()
    assert (scored["scored"] == coded).all()


def test_stated_probability_out_of_range(scale):
    with pytest.raises(ValueError):
        aftermath.forecast_probability(_forecasts(["likely"], [1.5], ["right"]), scale)


def test_brier():
    assert aftermath.brier(0.5, "right") == pytest.approx(0.25)
    assert aftermath.brier(1.0, "wrong") == pytest.approx(1.0)
    assert aftermath.brier(0.8, "right") == pytest.approx(0.04)
    with pytest.raises(ValueError):
        aftermath.brier(0.5, "unresolved")
    with pytest.raises(ValueError):
        aftermath.brier(1.2, "right")


def test_score_and_calibration(scale):
    f = _forecasts(["likely", "likely", "unlikely", None], [None] * 4, ["right", "wrong", "wrong", "right"])
    scored = aftermath.score_forecasts(f, scale)
    assert scored["scored"].tolist() == [True, True, True, False]
    cal = aftermath.calibration(scored, scale).set_index("term")
    assert cal.loc["likely", "forecasts"] == 2
    assert cal.loc["likely", "share_true"] == pytest.approx(0.5)
    assert cal.loc["unlikely", "share_true"] == 0
    rec = aftermath.record_by(scored, "forecaster_kind").iloc[0]
    assert (rec["forecasts"], rec["came_true"], rec["scored"]) == (4, 2, 3)


def test_a_statement_of_intent_is_a_warring_side_speaking_without_a_probability(scale):
    f = pd.DataFrame(
        {
            "forecast_id": ["A", "B", "C", "D", "E", "F"],
            "published": pd.Timestamp("2024-12-01"),
            "forecaster_kind": [
                "government",
                "armed group",
                "government",
                "analyst or think tank",
                "government",
                "media",
            ],
            "forecaster_side": ["government", "opposition", "other", "government", "opposition", "government"],
            "likelihood_words": ["will", "(certainty)", "could", "(no hedge)", "likely", "may"],
            "scale_term": [None, None, None, None, "likely", None],
            "probability": [None, None, None, None, None, None],
            "outcome": ["wrong", "right", "right", "right", "right", "wrong"],
        }
    )
    # A and B: parties to the war on their own war; C a government outside it; D and F not a government or armed
    # group; E gave a probability word, so it is a forecast and is scored.
    assert aftermath.is_intent(f).tolist() == [True, True, False, False, False, False]
    scored = aftermath.score_forecasts(f, scale)
    assert not scored.loc[scored["intent"], "scored"].any()
    assert scored.set_index("forecast_id").loc["E", "scored"]


def test_outcome_rows_reject_unknown_question():
    outcomes = load("outcomes").assign(question="weather")
    with pytest.raises(ValueError):
        aftermath.outcome_rows(outcomes, load("sources"))


def test_real_data_scores(chapter):
    page = chapter("aftermath")
    assert page.values["am_n_statements"].text == str(len(load("forecasts")))
    assert set(page.shows) >= {"aftermath-forecasts", "aftermath-calibration", "aftermath-outcomes", "J10", "J14"}
    assert page.values["am_fell_date"].text == "8 December 2024"
    for value in page.values.values():
        assert value.rows or value.table


def test_hezbollah_call_is_the_earliest_wrong_call_by_a_government_on_neither_side():
    import pandas as pd

    from hamabook.chapters import aftermath as am

    rows = pd.DataFrame(
        {
            "forecast_id": ["A", "B", "C"],
            "forecaster": ["X (note)", "Y", "Z"],
            "forecaster_kind": ["government", "government", "analyst"],
            "forecaster_side": ["other", "other", "other"],
            "outcome": ["wrong", "wrong", "wrong"],
            "published": ["2024-11-29", "2024-12-05", "2024-11-01"],
        }
    )
    assert am.hezbollah_call(rows)["forecast_id"] == "A"
    with pytest.raises(LookupError):
        am.hezbollah_call(rows.assign(outcome="right"))


def _events(rows):
    return pd.DataFrame(
        rows, columns=["event_id", "date", "date_precision", "category", "actor_id", "place_id", "topic"]
    ).assign(date=lambda f: pd.to_datetime(f["date"]))


EVENTS = _events(
    [
        ("E1", "2024-12-13", "approximate", "occupation_extended", "israel", "mount-hermon", "aftermath"),
        ("E2", "2024-12-13", "day", "occupation_extended", "israel", "mount-hermon", "aftermath"),
        ("E3", "2024-12-25", "approximate", "occupation_extended", "israel", "quneitra", "aftermath"),
        ("E4", "2024-12-09", "day", "un_statement", "un", None, "aftermath"),
    ]
)


def test_a_day_cites_every_report_of_it_and_is_given_to_the_day_when_one_report_is():
    held = aftermath.events_of(EVENTS, "occupation_extended", actor="israel")
    first = aftermath.on_day(held)
    assert first.text == "13 December 2024" and set(first.rows) == {"E1", "E2"}
    last = aftermath.on_day(held, "last")
    assert last.text == "about 25 December 2024" and last.rows == ("E3",)
    also = aftermath.on_day(held[held["place_id"] == "quneitra"], also=EVENTS)
    assert also.rows == ("E3",)  # only reports of the same day join


def test_rows_are_picked_by_category_actor_place_and_topic_never_by_text():
    assert list(aftermath.events_of(EVENTS, "occupation_extended", place="quneitra")["event_id"]) == ["E3"]
    with pytest.raises(LookupError):
        aftermath.events_of(EVENTS, "occupation_extended", actor="russia")


def test_a_statement_of_intent_named_as_a_governments_must_be_one():
    rows = pd.DataFrame(
        {
            "forecast_id": ["A", "B"],
            "published": pd.to_datetime(["2024-11-29", "2024-12-05"]),
            "forecaster_kind": ["government", "armed group"],
        }
    )
    assert aftermath._said_on(rows, pd.Timestamp("2024-11-29")).rows == ("A",)
    with pytest.raises(LookupError):
        aftermath._said_on(rows, pd.Timestamp("2024-12-05"))


def test_the_pages_tables_fold_whole_under_their_caption_and_size():
    shown = aftermath.folded_table(pd.DataFrame({"a": [1, 2, 3]}), "Three things", {"a": "A"}, noun="things")
    assert shown.data.startswith('<details class="hb-group"><summary>Three things (three things)</summary>')


def test_real_data_tells_the_exit_the_forecasts_and_the_weeks_after(chapter):
    page = chapter("aftermath")
    v = page.values
    assert pd.Timestamp(v["am_assad_left_date"].text) < pd.Timestamp(v["am_assad_exit_date"].text)
    # every forecast falls before Hama's fall or on or after it, never both
    assert not set(v["am_before_n"].rows) & set(v["am_after_n"].rows)
    assert len(v["am_before_n"].rows) + len(v["am_after_n"].rows) == len(v["am_n_forecasts"].rows)
    for key in ("am_released", "am_missing", "am_soldiers_back", "am_beyond_km"):
        assert v[key].rows and v[key].rows[0].startswith("N"), key
