"""Words a report gives in passing: a phrase the prose quotes from the rows' own text.

An event row has no value column, yet its report may give a number in passing ("more than 20 factions", "about
six months", "7:50 a.m."). The prose may insert such a phrase only from the rows that state it: each figure in the
phrase (numerals, number words, month names) must be in the row's summary or quotes, a number word matching its
digits ("five" and "5"). A phrase no row states is an error, so a reworded or dropped row stops the build instead
of leaving a number in the book that no row gives.
"""

from __future__ import annotations

import re

import pandas as pd

NUMERAL = re.compile(r"\d[\d,.]*\d|\d")
NUMBER_WORDS = {
    word: str(n)
    for n, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
}
MONTHS = tuple("january february march april may june july august september october november december".split())
TEXT_COLUMNS = ("summary", "statement", "quote", "quote_en")
ID_COLUMNS = ("event_id", "figure_id", "change_id", "outcome_id", "forecast_id")


def figures_in(text: str) -> set[str]:
    """The figures a text gives: numerals without separators ('1,334' -> '1334'), number words as digits, and
    month names."""
    words = re.findall(r"[a-z]+", text.lower())
    found = {n.replace(",", "").rstrip(".") for n in NUMERAL.findall(text)}
    found |= {NUMBER_WORDS[w] for w in words if w in NUMBER_WORDS}
    found |= {w for w in words if w in MONTHS}
    return found


def row_text(row: pd.Series) -> str:
    return " ".join(str(row[c]) for c in TEXT_COLUMNS if c in row.index and pd.notna(row[c]))


def stating(words: str, rows: pd.DataFrame) -> pd.DataFrame:
    """The rows whose own text gives every figure of ``words``; an error if ``words`` has no figure to check or
    no row states it."""
    wanted = figures_in(words)
    if not wanted:
        raise ValueError(f"{words!r} holds no figure to check against the rows")
    found = rows[[wanted <= figures_in(row_text(r)) for _, r in rows.iterrows()]]
    if found.empty:
        ids = [str(r[c]) for _, r in rows.iterrows() for c in ID_COLUMNS if c in r.index]
        raise ValueError(f"{words!r} is not stated in rows {ids}")
    return found
