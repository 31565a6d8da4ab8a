"""The allies chapter's support mapping, actor timeline and row pickers."""

import pandas as pd
import pytest

from hamabook.chapters.allies import (
    SUPPORT_LINKS,
    SupportLink,
    actor_moves,
    date_label,
    event_rows,
    metric_rows,
    reports,
    support_periods,
)
from hamabook.data import load

ACTORS = pd.DataFrame(
    {
        "actor_id": ["gov", "ally", "rebels", "patron"],
        "name": ["Government", "Ally", "Rebels", "Patron"],
        "side": ["government", "government", "opposition", "opposition"],
    }
)


def _events(rows):
    frame = pd.DataFrame(rows, columns=["event_id", "date", "actor_id", "category", "summary", "source_id"])
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


EVENTS = _events(
    [
        ("E1", "2015-09-30", "ally", "support_start", "ally arrives", "s1"),
        ("E2", "2024-12-06", "ally", "ally_withdrawal", "ally leaves", "s2"),
        ("E3", "2016-08-24", "patron", "support_start", "patron arrives", "s3"),
        ("E4", "2024-12-06", "ally", "ally_statement", "ally speaks", "s4"),
        ("E5", "2024-12-01", None, "context", "nobody", "s5"),
        ("E6", "2024-12-09", "patron", "ally_statement", "after the window", "s6"),
    ]
)
LINKS = (
    SupportLink("ally", "gov", "air power", "E1", "E2"),
    SupportLink("patron", "rebels", "troops", "E3", None, "month"),
)


def test_support_periods_closed_and_open():
    out = support_periods(EVENTS, ACTORS, pd.Timestamp("2024-12-08"), LINKS)
    closed, open_ = out.iloc[0], out.iloc[1]
    assert (closed["backer"], closed["backed"]) == ("Ally", "Government")
    assert closed["end"] == pd.Timestamp("2024-12-06") and not closed["open_ended"]
    assert closed["years"] == pytest.approx(9.2, abs=0.05)
    assert closed["end_source"] == "s2"
    assert open_["open_ended"] and open_["end"] == pd.Timestamp("2024-12-08")
    assert open_["start_label"] == "August 2016"
    assert open_["end_label"].startswith("no end in our data")


def test_support_periods_rejects_unknown_event():
    with pytest.raises(KeyError, match="E99"):
        support_periods(EVENTS, ACTORS, pd.Timestamp("2024-12-08"), (SupportLink("ally", "gov", "x", "E99"),))


def test_support_periods_rejects_start_of_other_actor():
    with pytest.raises(ValueError, match="belongs to 'patron'"):
        support_periods(EVENTS, ACTORS, pd.Timestamp("2024-12-08"), (SupportLink("ally", "gov", "x", "E3"),))


def test_support_periods_rejects_end_before_start():
    with pytest.raises(ValueError, match="ends before it starts"):
        support_periods(EVENTS, ACTORS, pd.Timestamp("2010-01-01"), (SupportLink("patron", "rebels", "x", "E3"),))


def test_support_periods_rejects_unknown_actor():
    with pytest.raises(KeyError, match="'nobody'"):
        support_periods(EVENTS, ACTORS, pd.Timestamp("2024-12-08"), (SupportLink("ally", "nobody", "x", "E1"),))


@pytest.mark.parametrize(
    ("precision", "expected"), [("day", "1 October 2015"), ("month", "October 2015"), ("year", "2015")]
)
def test_date_label(precision, expected):
    assert date_label(pd.Timestamp("2015-10-01"), precision) == expected


def test_date_label_rejects_unknown_precision():
    with pytest.raises(ValueError, match="precision"):
        date_label(pd.Timestamp("2015-10-01"), "week")


def test_actor_moves_window_kinds_and_slots():
    moves = actor_moves(EVENTS, ACTORS, "2024-11-27", "2024-12-08")
    assert list(moves["event_id"]) == ["E2", "E4"]  # E5 has no actor, E1/E3/E6 are outside
    assert list(moves["kind"]) == ["action", "statement"]
    assert list(moves["slot"]) == [0, 1]  # same actor, same day: side by side
    assert set(moves["actor"]) == {"Ally"}


def test_actor_moves_rejects_unknown_actor():
    events = _events([("E9", "2024-12-01", "ghost", "ally_statement", "who?", "s9")])
    with pytest.raises(KeyError, match="ghost"):
        actor_moves(events, ACTORS, "2024-11-27", "2024-12-08")


def test_metric_rows_keeps_every_row_in_order():
    figures = pd.DataFrame(
        {
            "figure_id": ["N2", "N1", "N3"],
            "metric": ["b", "a", "a"],
            "as_of": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-01-01"]),
            "source_id": ["s1", "s1", "s2"],
        }
    )
    sources = pd.DataFrame({"source_id": ["s1", "s2"], "publisher": ["P1", "P2"], "reliability": ["B", "D"]})
    out = metric_rows(figures, sources, ["a", "b"])
    assert list(out["figure_id"]) == ["N3", "N1", "N2"]
    assert list(out["publisher"]) == ["P2", "P1", "P1"]
    with pytest.raises(LookupError, match="zzz"):
        metric_rows(figures, sources, ["a", "zzz"])


def test_event_rows_raises_on_missing():
    sources = pd.DataFrame({"source_id": ["s1", "s2"], "publisher": ["P1", "P2"], "reliability": ["B", "C"]})
    assert list(event_rows(EVENTS, sources, ["E2", "E1"])["event_id"]) == ["E1", "E2"]
    with pytest.raises(KeyError, match="E77"):
        event_rows(EVENTS, sources, ["E1", "E77"])


def test_real_mapping_resolves_against_the_data():
    events, actors = load("events"), load("actors")
    out = support_periods(events, actors, pd.Timestamp("2024-12-08"))
    assert len(out) == len(SUPPORT_LINKS)
    assert (out["end"] >= out["start"]).all()
    russia = out.set_index("backer").loc["Russia"]
    assert russia["start"] == pd.Timestamp("2015-09-30")


def test_reports_merges_events_and_figures_by_date():
    sources = pd.DataFrame(
        {"source_id": ["s1", "s2", "s9"], "publisher": ["P1", "P2", "P9"], "reliability": list("BCD")}
    )
    events = EVENTS.assign(credibility=2)
    figures = pd.DataFrame(
        {
            "figure_id": ["N1"],
            "as_of": pd.to_datetime(["2020-01-01"]),
            "summary": ["a figure"],
            "source_id": ["s9"],
            "credibility": [3],
        }
    )
    out = reports(events, figures, sources, ["E2", "E1"], ["N1"])
    assert list(out["row_id"]) == ["E1", "N1", "E2"]
    assert list(out["publisher"]) == ["P1", "P9", "P2"]
    with pytest.raises(KeyError, match="N7"):
        reports(events, figures, sources, [], ["N7"])
    with pytest.raises(ValueError):
        reports(events, figures, sources)
