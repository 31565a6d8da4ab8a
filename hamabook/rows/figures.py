"""Counting rules for reported figures: a value or a low–high range, best source first, latest, peak, spread.

A figure row gives a point ``value`` or a ``low``/``high`` range. These rules never merge rows of different
metrics, and where a single figure is needed they say which rule chose it.
"""

from __future__ import annotations

import pandas as pd

from .grades import grade_rank


def value_or_range(rows: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Each row's low and high end: a range's ends where the row gives them, else its point ``value`` at both
    (so a one-sided figure, "up to 25,000", is a point). Raises on a row with neither, or with low > high."""
    low = rows["low"].where(rows["low"].notna(), rows["value"]).astype(float)
    high = rows["high"].where(rows["high"].notna(), rows["value"]).astype(float)
    missing = low.isna() | high.isna()
    if missing.any():
        raise ValueError(f"rows without a value or a range: {', '.join(rows.loc[missing, 'figure_id'].astype(str))}")
    if (low > high).any():
        raise ValueError(f"rows with low > high: {', '.join(rows.loc[low > high, 'figure_id'].astype(str))}")
    return low, high


def best_first(rows: pd.DataFrame) -> pd.DataFrame:
    """Order rows best source first: reliability grade (the scale's order), then credibility 1..6, then id."""
    return (
        rows.assign(_grade=rows["reliability"].map(grade_rank()))
        .sort_values(["_grade", "credibility", "figure_id"])
        .drop(columns="_grade")
    )


def agreed(rows: pd.DataFrame, what: str, column: str = "value") -> tuple[pd.Series, list[str]]:
    """The best-sourced of ``rows`` that all report one ``column`` value, with every row's id (copies and
    corroborations of one figure rest on all their rows). LookupError naming ``what`` if there are none or they
    disagree."""
    if rows.empty:
        raise LookupError(f"no rows for {what}")
    if rows[column].nunique(dropna=False) != 1:
        raise LookupError(f"rows for {what} disagree on {column}: {', '.join(rows['figure_id'].astype(str))}")
    return best_first(rows).iloc[0], list(rows["figure_id"])


def of_metric(rows: pd.DataFrame, metric: str, body: str | None = None) -> pd.DataFrame:
    """The rows of ``metric`` (optionally counted by one body: its ``body`` id, see
    :func:`hamabook.rows.select.bodies`); a LookupError when there are none."""
    pick = rows[rows["metric"] == metric]
    if body is not None:
        pick = pick[pick["body"] == body]
    if pick.empty:
        raise LookupError(f"no {metric} figure" + (f" from {body}" if body else ""))
    return pick


def latest(rows: pd.DataFrame, metric: str, body: str | None = None) -> pd.Series:
    """The headline rule: the most recent figure of ``metric`` (optionally counted by one ``body``); on the same
    date the best-graded source wins, then the larger figure."""
    pick = of_metric(rows, metric, body)
    ranked = best_first(pick[pick["as_of"] == pick["as_of"].max()])
    top = ranked[ranked["reliability"] == ranked.iloc[0]["reliability"]]
    return top.sort_values("high", ascending=False, kind="stable").iloc[0]


def peak(rows: pd.DataFrame, metric: str) -> pd.Series:
    """The row with the highest figure of ``metric`` (upper end for ranges); earliest date on ties."""
    return of_metric(rows, metric).sort_values(["high", "as_of"], ascending=[False, True]).iloc[0]


def spread(rows: pd.DataFrame, metric: str) -> tuple[float, float, int]:
    """Smallest low, largest high and number of rows of one metric: the range sources give."""
    pick = of_metric(rows, metric)
    return float(pick["low"].min()), float(pick["high"].max()), len(pick)


def in_window(rows: pd.DataFrame, start: str, end: str) -> pd.DataFrame:
    """Rows whose as-of date lies between ``start`` and ``end`` (inclusive)."""
    return rows[rows["as_of"].between(pd.Timestamp(start), pd.Timestamp(end))].reset_index(drop=True)
