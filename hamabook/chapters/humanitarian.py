"""Displacement, casualty and needs figures for the humanitarian chapter.

The figures table holds one row per reported number. Different organisations
count different things (people newly displaced since a date, people still
displaced, people who went home), so the functions here never merge rows of
different metrics: a *series* is one originating organisation and one metric.
"""

from __future__ import annotations

import re

import pandas as pd

from ..rows import with_sources
from ..output.prose import fmt_date, fmt_number, fmt_range

# Who produced a number, looked for in the row's summary in this order: the
# counting body comes before the agency or outlet that relayed it (OCHA before
# "UN", SOHR before the wire that quoted it). Falls back to the publisher.
ORIGINATORS = (
    ("SOHR", r"\bSOHR\b|Syrian Observatory"),
    ("SNHR", r"\bSNHR\b"),
    ("WFP", r"\bWFP\b"),
    ("IOM", r"\bIOM\b"),
    ("UNHCR", r"\bUNHCR\b"),
    ("OCHA", r"\bOCHA\b"),
    ("UN", r"\bUN\b|United Nations"),
)

# Readable names for the metrics the chapter charts (order = facet order).
METRIC_LABELS = {
    "displaced_new_since_2024_11_27": "Newly displaced since 27 Nov (cumulative)",
    "displaced_current_since_2024_11_27": "Still displaced on the date (net of returns)",
    "returned_idps_since_2024_11_27": "Displaced people back in their areas of origin",
    "deaths_all_since_2024_11_27": "All deaths since 27 Nov",
    "deaths_combatants_since_2024_11_27": "Combatants killed since 27 Nov",
    "civilians_killed_since_2024_11_27": "Civilians killed since 26/27 Nov",
}

GRADE_ORDER = {g: i for i, g in enumerate("ABCDEF")}


def originator(summary: str, publisher: str) -> str:
    """The organisation whose number a row reports (see ORIGINATORS), else the publisher."""
    for name, pattern in ORIGINATORS:
        if re.search(pattern, summary):
            return name
    return publisher


def tidy(figures: pd.DataFrame, sources: pd.DataFrame, metrics: list[str]) -> pd.DataFrame:
    """Rows of ``metrics`` with publisher, grade, originator and a plotting value.

    ``point`` is the reported value, or the middle of ``low``-``high`` for a
    range; ``low``/``high`` are filled with the value for single figures, so a
    chart can draw every row as a (possibly zero-length) interval.
    """
    rows = with_sources(figures[figures["metric"].isin(metrics)], sources)
    rows["originator"] = [originator(s, p) for s, p in zip(rows["summary"], rows["publisher"])]
    is_range = rows["value"].isna()
    rows["low"] = rows["low"].where(is_range, rows["value"])
    rows["high"] = rows["high"].where(is_range, rows["value"])
    rows["point"] = rows["value"].where(~is_range, (rows["low"] + rows["high"]) / 2)
    rows["is_range"] = is_range
    rows["metric_label"] = rows["metric"].map(METRIC_LABELS).fillna(rows["metric"])
    order = {m: i for i, m in enumerate(metrics)}
    return rows.sort_values(
        ["metric", "originator", "as_of", "figure_id"], key=lambda s: s.map(order) if s.name == "metric" else s
    ).reset_index(drop=True)


def _best_first(rows: pd.DataFrame) -> pd.DataFrame:
    """Order rows best source first: reliability grade A..F, then credibility 1..6, then id."""
    return (
        rows.assign(_grade=rows["reliability"].map(GRADE_ORDER))
        .sort_values(["_grade", "credibility", "figure_id"])
        .drop(columns="_grade")
    )


def series(rows: pd.DataFrame) -> pd.DataFrame:
    """One point per originator, metric, date and figure; the same number relayed by
    several outlets is kept once (best-graded outlet), with ``n_reports`` counting them.

    ``series`` names the line a chart may draw: points are connected only within
    one originator and one metric.
    """
    keys = ["metric", "originator", "as_of", "low", "high"]
    ranked = _best_first(rows)
    counts = ranked.groupby(keys, dropna=False).size().rename("n_reports")
    kept = ranked.drop_duplicates(keys).merge(counts.reset_index(), on=keys)
    kept["series"] = kept["originator"] + " – " + kept["metric_label"]
    return kept.sort_values(["metric", "originator", "as_of"]).reset_index(drop=True)


def latest(rows: pd.DataFrame, metric: str, originator_name: str | None = None) -> pd.Series:
    """The headline rule: the most recent figure of ``metric`` (optionally from one
    originator); on the same date the best-graded source wins, then the larger figure."""
    pick = rows[rows["metric"] == metric]
    if originator_name is not None:
        pick = pick[pick["originator"] == originator_name]
    if pick.empty:
        raise LookupError(f"no {metric} figure" + (f" from {originator_name}" if originator_name else ""))
    ranked = _best_first(pick[pick["as_of"] == pick["as_of"].max()])
    top = ranked[ranked["reliability"] == ranked.iloc[0]["reliability"]]
    return top.sort_values("high", ascending=False, kind="stable").iloc[0]


def peak(rows: pd.DataFrame, metric: str) -> pd.Series:
    """The row with the highest figure of ``metric`` (upper end for ranges); earliest date on ties."""
    pick = rows[rows["metric"] == metric]
    if pick.empty:
        raise LookupError(f"no {metric} figure")
    return pick.sort_values(["high", "as_of"], ascending=[False, True]).iloc[0]


def as_text(row: pd.Series) -> str:
    """A reported figure as prose text: '280,000' or '800,000–1,000,000'."""
    if row["low"] == row["high"]:
        return fmt_number(row["low"])
    return fmt_range(row["low"], row["high"])


def spread(rows: pd.DataFrame, metric: str) -> tuple[float, float, int]:
    """Smallest low, largest high and number of rows of one metric: the range sources give."""
    pick = rows[rows["metric"] == metric]
    if pick.empty:
        raise LookupError(f"no {metric} figure")
    return float(pick["low"].min()), float(pick["high"].max()), len(pick)


def in_window(rows: pd.DataFrame, start: str, end: str) -> pd.DataFrame:
    """Rows whose as-of date lies between ``start`` and ``end`` (inclusive)."""
    return rows[rows["as_of"].between(pd.Timestamp(start), pd.Timestamp(end))].reset_index(drop=True)


def as_of_text(row: pd.Series) -> str:
    """A row's as-of date at its own precision: '5 December 2024', 'December 2023' or '2024'."""
    stamp = pd.Timestamp(row["as_of"])
    precision = row.get("as_of_precision", "day")
    if precision == "year":
        return f"{stamp:%Y}"
    if precision == "month":
        return f"{stamp:%B %Y}"
    return fmt_date(stamp)
