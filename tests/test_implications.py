"""Unit tests of hamabook.chapters.implications: developments dated by status, what to watch from the judgment's
own indicators, the latest figure of a metric, and one section per judged implication."""

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from hamabook.chapters import implications
from hamabook.data import load

NOTEBOOK = Path(__file__).resolve().parent.parent / "book" / "implications.ipynb"


def _outcomes(rows):
    return pd.DataFrame(rows, columns=["outcome_id", "date", "date_precision", "question", "status"]).assign(
        date=lambda f: pd.to_datetime(f["date"])
    )


OUTCOMES = _outcomes(
    [
        ("O1", "2025-03-01", "day", "sdf", "talks"),
        ("O2", "2025-01-15", "month", "sdf", "talks"),
        ("O3", "2025-02-01", "day", "sdf", "signed"),
        ("O4", "2025-01-01", "day", "returns", "talks"),
    ]
)


def test_a_development_is_dated_by_its_status_and_cites_the_reports_of_that_date():
    got = implications.dated(OUTCOMES, {"first": ("sdf", "talks", "first"), "last": ("sdf", "talks", "last")})
    assert got["first"].text == "January 2025"  # the earliest report, at its own precision
    assert got["last"].text == "1 March 2025"
    # each date rests on the reports that give it (not on a report of the same status on another day; not O4:
    # another question)
    assert set(got["first"].rows) == {"O2"} and set(got["last"].rows) == {"O1"}


def test_a_status_no_row_records_is_an_error():
    with pytest.raises(LookupError):
        implications.dated(OUTCOMES, {"k": ("sdf", "repealed", "first")})


def test_what_to_watch_is_the_judgments_indicators():
    judgments = pd.DataFrame({"judgment_id": ["J90"], "indicators": ["A signed text; troops leaving."]})
    got = implications.watch(judgments, {"w": "J90"})["w"]
    assert got.text == "A signed text; troops leaving"  # the prose adds its own full stop
    assert got.table == "judgments" and got.rows == ()
    with pytest.raises(LookupError):
        implications.watch(judgments, {"w": "J91"})


def test_every_judged_implication_has_a_section_verdict_and_watch_list():
    judged = set(load("judgments").query("chapter == @implications.CHAPTER")["judgment_id"])
    assert len(judged) >= 6
    assert set(implications.VERDICTS.values()) == judged
    assert set(implications.WATCH.values()) == judged


def _anchor(heading: str) -> str:
    """The id the site gives a heading: "Russia's bases" -> "russia-s-bases"."""
    return re.sub(r"[^a-z0-9]+", "-", heading.lower()).strip("-")


def test_each_judgment_names_the_section_of_the_page_that_shows_its_box():
    shown_under, heading = {}, None
    for cell in json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            heading = ([heading] + re.findall(r"^## (.+)$", source, re.M))[-1]
        for jid in re.findall(r'page\.show\("(J[0-9]{2})"\)', source):
            shown_under[jid] = _anchor(heading or "")
    judgments = load("judgments").query("chapter == @implications.CHAPTER")
    assert dict(zip(judgments["judgment_id"], judgments["section"])) == {
        jid: shown_under.get(jid) for jid in judgments["judgment_id"]
    }


def test_an_event_after_the_fall_is_picked_by_actor_category_and_topic_and_dated_at_its_precision():
    events = pd.DataFrame(
        {
            "event_id": ["E1", "E2", "E3"],
            "date": pd.to_datetime(["2024-12-20", "2024-12-19", "2024-12-01"]),
            "date_precision": ["approximate", "day", "day"],
            "actor_id": ["iran", "iran", "iran"],
            "category": ["ally_withdrawal", "ally_withdrawal", "ally_withdrawal"],
            "topic": ["aftermath", "aftermath", "allies"],
        }
    )
    rows = implications.after_events(events, "iran", "ally_withdrawal")
    assert list(rows["event_id"]) == ["E2", "E1"]  # oldest first; E3 is not about the aftermath
    assert implications.event_date(rows, "last").text == "about 20 December 2024"
    with pytest.raises(LookupError):
        implications.after_events(events, "russia", "ally_withdrawal")
