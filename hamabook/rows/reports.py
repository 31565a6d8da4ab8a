"""Count reports, not copies.

A report is one originator's claim: the same wire story carried by three outlets is one report, however many
rows and source rows its copies fill. Rows stay one per copy read (each keeps its own page, quote and grade);
only counts, medians and "all N reports" phrases go by report. Who originated a row is its ``estimated_by`` where
the row names one (a figure a source retells), else its source's originator.
"""

from __future__ import annotations

import pandas as pd

from ..data import load

# What a report of a change of hands claims: who took which place on which day.
CONTROL_CLAIM = ("place_id", "taken_by", "date")
# What an estimate claims: its bounds.
ESTIMATE_CLAIM = ("low_", "high_")


def originated_by(rows: pd.DataFrame, sources: pd.DataFrame | None = None) -> pd.Series:
    """Who originated each row: ``estimated_by`` where given, else the originator of the row's source."""
    sources = load("sources") if sources is None else sources
    originator = rows["source_id"].map(sources.set_index("source_id")["originator"])
    if originator.isna().any():
        missing = sorted(rows.loc[originator.isna(), "source_id"].unique())
        raise KeyError(f"rows cite unknown sources: {', '.join(missing)}")
    if "estimated_by" in rows:
        given = rows["estimated_by"].where(rows["estimated_by"].notna() & (rows["estimated_by"] != ""))
        originator = given.fillna(originator)
    return originator


def report_keys(rows: pd.DataFrame, claim: tuple[str, ...], sources: pd.DataFrame | None = None) -> pd.Series:
    """One key per report: the originator and the ``claim`` columns (for example place, taker and date)."""
    parts = [originated_by(rows, sources).astype(str), *(rows[c].astype(str) for c in claim)]
    return pd.Series(["\x1f".join(p) for p in zip(*parts)], index=rows.index, dtype=object)


def count_reports(rows: pd.DataFrame, claim: tuple[str, ...], sources: pd.DataFrame | None = None) -> int:
    """How many distinct reports ``rows`` hold: copies of one originator's claim count once."""
    if rows.empty:
        return 0
    return int(report_keys(rows, claim, sources).nunique())


def one_per_report(rows: pd.DataFrame, claim: tuple[str, ...], sources: pd.DataFrame | None = None) -> pd.DataFrame:
    """The first row (in ``rows``' order) of each report."""
    if rows.empty:
        return rows
    return rows[~report_keys(rows, claim, sources).duplicated()]
