"""Selecting rows: by kind, place and date, with their sources' fields, and the reader labels of codes."""

from __future__ import annotations

import pandas as pd

from ..data import load

# Events that move the front or end the regime, shown in the chronology.
CHRONOLOGY_CATEGORIES = (
    "offensive_launch",
    "road_cut",
    "city_entered",
    "city_captured",
    "army_withdrawal",
    "airstrike",
    "sna_operation",
    "regime_end",
    "assad_exit",
)


def with_sources(
    rows: pd.DataFrame, sources: pd.DataFrame, columns: tuple[str, ...] = ("publisher", "reliability")
) -> pd.DataFrame:
    """Add source ``columns`` (by default publisher and reliability grade) to rows that carry a ``source_id``;
    a KeyError names any source id that is not in the registry."""
    extra = sources[["source_id", *columns]]
    merged = rows.merge(extra, on="source_id", how="left", validate="many_to_one", indicator="_found")
    unknown = merged["_found"] == "left_only"
    if unknown.any():
        raise KeyError(f"rows cite unknown sources: {', '.join(sorted(merged.loc[unknown, 'source_id'].unique()))}")
    return merged.drop(columns="_found")


def chronology(events: pd.DataFrame, places: pd.DataFrame, sources: pd.DataFrame, start: str, end: str) -> pd.DataFrame:
    """Front-moving events between ``start`` and ``end`` (inclusive), oldest first, one row per report."""
    mask = events["category"].isin(CHRONOLOGY_CATEGORIES) & events["date"].between(start, end)
    rows = events.loc[mask].merge(places[["place_id", "name"]], on="place_id", how="left")
    rows = with_sources(rows, sources)
    rows["place"] = rows["name"].fillna("")
    return rows.sort_values(["date", "event_id"]).reset_index(drop=True)[
        ["date", "place", "category", "summary", "publisher", "reliability", "credibility", "event_id"]
    ]


def reported_dates(events: pd.DataFrame, category: str, place_id: str | None = None) -> pd.DataFrame:
    """All reports of one kind of event (optionally at one place), oldest date first."""
    mask = events["category"] == category
    if place_id is not None:
        mask &= events["place_id"] == place_id
    rows = events.loc[mask]
    if rows.empty:
        raise LookupError(f"no {category} event" + (f" at {place_id}" if place_id else "") + " in the data")
    return rows.sort_values(["date", "event_id"]).reset_index(drop=True)


def date_span(events: pd.DataFrame, category: str, place_id: str | None = None) -> tuple[pd.Timestamp, pd.Timestamp]:
    """Earliest and latest date that sources give for an event."""
    dates = reported_dates(events, category, place_id)["date"]
    return dates.min(), dates.max()


def modal_date(events: pd.DataFrame, category: str, place_id: str | None = None) -> pd.Timestamp:
    """The date most reports give (ties go to the earlier date): the rule for a single headline date."""
    counts = reported_dates(events, category, place_id)["date"].value_counts()
    top = counts[counts == counts.max()].index
    return min(top)


def days_between(start: pd.Timestamp, end: pd.Timestamp) -> int:
    """Whole days from ``start`` to ``end`` (27 Nov -> 5 Dec is 8)."""
    return int((pd.Timestamp(end) - pd.Timestamp(start)).days)


def capture_table(
    events: pd.DataFrame, places: pd.DataFrame, place_ids: list[str], launch: pd.Timestamp
) -> pd.DataFrame:
    """Per city: every reported capture date, and days since launch, one row per report."""
    rows = events[(events["category"] == "city_captured") & events["place_id"].isin(place_ids)]
    rows = rows.merge(places[["place_id", "name", "latitude", "longitude"]], on="place_id")
    rows = rows.assign(day=(rows["date"] - launch).dt.days)
    order = {pid: i for i, pid in enumerate(place_ids)}
    return rows.sort_values(
        by=["place_id", "date"], key=lambda s: s.map(order) if s.name == "place_id" else s
    ).reset_index(drop=True)


# --- Reader labels of the codes the data use ----------------------------------------------------------------

REGISTRIES = {
    "alignments": "alignment",
    "categories": "category",
    "chapters": "chapter",
    "metrics": "metric",
    "questions": "question",
}


def labels(registry: str) -> pd.Series:
    """The reader's label of every code in a registry table (``alignments``, ``categories``, ``chapters``,
    ``metrics`` or ``questions``), indexed by code, in the registry's order: what pages show instead of a raw code."""
    if registry not in REGISTRIES:
        raise KeyError(f"no label registry {registry!r}; registries: {', '.join(REGISTRIES)}")
    return load(registry).set_index(REGISTRIES[registry])["label"]


def bodies() -> pd.Series:
    """The id of the counting body each originator speaks for (``originators.csv`` ``body_id``), by originator,
    for the originators that have one: pages select a body's figures by this id, never by a name."""
    return load("originators").set_index("originator")["body_id"].dropna()


def with_originator_sides(sources: pd.DataFrame) -> pd.DataFrame:
    """The sources with ``side``: the alignment of each source's originator (whose claim a reader hears),
    beside ``alignment``, that of the publisher whose copy was read."""
    sides = load("originators").set_index("originator")["alignment"]
    return sources.assign(side=sources["originator"].map(sides))
