"""The "What changed" page: every change to the book's judgments (``judgment_history.csv``), newest first, and a
bottom line on the latest review (how many standing judgments changed, in what, and which were added or ended)."""

from __future__ import annotations

import pandas as pd

from ..data import load
from ..output import prose
from ..output.figure import table
from .page import Page, Section

ENDED = ("merged", "withdrawn")  # changes that end a judgment that had been issued
HISTORY_LABELS = {
    "judgment_id": "Judgment",
    "date": "Date",
    "change": "Change",
    "old": "Before",
    "new": "After",
    "reason": "Why",
}


def build() -> Page:
    history, judgments = load("judgment_history"), load("judgments")
    return Page.of(latest_review(history, judgments), changes(history))


def latest_review(history: pd.DataFrame, judgments: pd.DataFrame) -> Section:
    """The latest review: its date, the standing judgments it changed, those it added and those it ended."""
    day = history["date"].max()
    latest = history[history["date"] == day]
    standing = set(judgments["judgment_id"])
    revised = latest[latest["change"].isin(("reworded", "likelihood", "confidence"))]
    changed = revised.loc[revised["judgment_id"].isin(standing), "judgment_id"].nunique()
    moved = revised.loc[revised["change"] == "likelihood", "judgment_id"].nunique()
    return Section(
        values={
            "wc_review_date": prose.date(day, table="judgment_history"),
            "wc_n_standing": prose.count(len(standing), table="judgments"),
            "wc_n_changed": prose.count(changed, table="judgment_history"),
            "wc_n_likelihood": prose.count(moved, table="judgment_history"),
            "wc_n_new": prose.count(int((latest["change"] == "new").sum()), table="judgment_history"),
            "wc_n_ended": prose.count(int(latest["change"].isin(ENDED).sum()), table="judgment_history"),
        }
    )


def changes(history: pd.DataFrame) -> Section:
    """Every change, newest first (the order of the file within a day)."""
    newest = history.sort_values("date", ascending=False, kind="stable")
    newest = newest.assign(change=newest["change"].str.replace("_", " "))
    s = Section()
    s.add(
        "history",
        table(
            newest[list(HISTORY_LABELS)], "Every change to the judgments, newest first", HISTORY_LABELS, noun="changes"
        ),
    )
    return s
