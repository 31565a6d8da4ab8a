"""Computations on the loaded tables that chapters share (and tests pin down)."""

from __future__ import annotations

import pandas as pd

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
    merged = rows.merge(extra, on="source_id", how="left", validate="many_to_one")
    if merged["publisher"].isna().any():
        missing = sorted(merged.loc[merged["publisher"].isna(), "source_id"].unique())
        raise KeyError(f"rows cite unknown sources: {', '.join(missing)}")
    return merged


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


# --- Provenance: from any fact row id to its source -----------------------------------------------------

# Fact tables: key column, the date a row is about, and the text that says what it records. Every row id in
# the book is unique across them (E events, N figures, K control changes, P forecasts, O outcomes).
FACT_TABLES = {
    "events": ("event_id", "date", "summary"),
    "figures": ("figure_id", "as_of", "summary"),
    "control_changes": ("change_id", "date", "summary"),
    "forecasts": ("forecast_id", "published", "statement"),
    "outcomes": ("outcome_id", "date", "summary"),
}
EVIDENCE_PAGE = "evidence.html"


def evidence_index() -> pd.DataFrame:
    """One row per fact row of the package: id, table, date, summary and its source's credit fields."""
    from .data import load

    parts = []
    for table, (key, date_col, text_col) in FACT_TABLES.items():
        frame = load(table)
        parts.append(
            pd.DataFrame(
                {
                    "row_id": frame[key],
                    "table": table,
                    "date": frame[date_col],
                    "summary": frame[text_col],
                    "source_id": frame["source_id"],
                    "credibility": frame["credibility"],
                }
            )
        )
    index = pd.concat(parts, ignore_index=True)
    return with_sources(index, load("sources"), ("publisher", "originator", "reliability", "published", "url"))


def credit(originator: str, publisher: str, via: str = "") -> str:
    """Who to credit for a copy: 'SOHR, via AFP via Asharq Al-Awsat'; just the publisher for its own report."""

    def same(a: str, b: str) -> bool:  # 'SNHR' and 'Syrian Network for Human Rights (SNHR)' are one body
        return a == b or f"({a})" in b or f"({b})" in a or b.startswith(a + " ") or a.startswith(b + " ")

    chain = [*(via.split("; ") if isinstance(via, str) and via else []), publisher]
    carriers = [c for c in dict.fromkeys(chain) if not same(originator, c)]
    return originator + "".join(f", via {c}" if i == 0 else f" via {c}" for i, c in enumerate(carriers))


def _cited(row_ids: tuple[str, ...], index: pd.DataFrame) -> pd.DataFrame:
    """:func:`evidence_index` by row id, after checking that every row a value cites exists."""
    by_id = index.set_index("row_id")
    unknown = [r for r in row_ids if r not in by_id.index]
    if unknown:
        raise KeyError(f"value cites row(s) not in the data package: {', '.join(unknown)}")
    return by_id


def originators(row_ids: tuple[str, ...], index: pd.DataFrame) -> list[str]:
    """The distinct originators behind ``row_ids`` (looked up in :func:`evidence_index`), in row order: two
    copies of one agency's report count once, however many outlets carried them."""
    return list(dict.fromkeys(_cited(row_ids, index).loc[list(row_ids), "originator"]))


def row_anchor(row_id: str) -> str:
    """The HTML id of a row on the evidence page."""
    return "row-" + row_id.lower()


def provenance_note(row_ids: tuple[str, ...], index: pd.DataFrame, table: str = "") -> str:
    """The note a reader opens on an inserted value: which rows, from which source, graded how, dated when.

    HTML; every row links to its line on the evidence page. ``table`` names the table a value counts when
    it rests on no single row.
    """
    import html

    from .output.prose import fmt_date, join_words

    if not row_ids:
        return f"counted from this book's data package, table {html.escape(table)}.csv"
    by_id = _cited(row_ids, index)
    shown = row_ids[:4]
    parts = []
    for rid in shown:
        row = by_id.loc[rid]
        when = "" if pd.isna(row["published"]) else f", {fmt_date(row['published'])}"
        parts.append(
            f'<a href="{EVIDENCE_PAGE}#{row_anchor(rid)}">{html.escape(rid)}</a>: '
            f"{html.escape(credit(row['originator'], row['publisher']))}, grade {row['reliability']}{when}"
        )
    more = len(row_ids) - len(shown)
    tail = f" and {more} more" if more else ""
    label = "data row" if len(row_ids) == 1 else "data rows"
    return f"{label} {join_words(parts) if not more else '; '.join(parts)}{tail}"


# --- Control of places: the control-change rows, plus capture events that name who took the place ------------

CAPTURE_CATEGORIES = ("city_captured", "city_entered")


def control_reports(changes: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """Every report that a named force took a named place, in the shape of ``control_changes.csv``.

    The control-change rows are the detailed record of the Hama battle; capture events (categories
    :data:`CAPTURE_CATEGORIES` with a place and an actor) add the cities along the rest of the way, so that the
    map, the distance to Damascus and the chronology count the same reports. An event's ``change_id`` is its
    event id; who it was taken from, and how, are not recorded for events.
    """
    captures = events[events["category"].isin(CAPTURE_CATEGORIES) & events["place_id"].notna()]
    captures = captures[captures["actor_id"].notna()]
    from_events = pd.DataFrame(
        {
            "change_id": captures["event_id"],
            "date": captures["date"],
            "date_precision": captures["date_precision"],
            "place_id": captures["place_id"],
            "taken_by": captures["actor_id"],
            "taken_from": pd.NA,
            "how": "unknown",
            "source_id": captures["source_id"],
            "as_of": captures["as_of"],
            "credibility": captures["credibility"],
        }
    )
    out = pd.concat([changes[from_events.columns], from_events], ignore_index=True)
    return out.sort_values(["date", "change_id"]).reset_index(drop=True)


# --- Reader labels of the codes the data use ----------------------------------------------------------------

REGISTRIES = {"alignments": "alignment", "categories": "category", "metrics": "metric"}


def labels(registry: str) -> pd.Series:
    """The reader's label of every code in a registry table (``alignments``, ``categories`` or ``metrics``),
    indexed by code, in the registry's order: what pages show instead of a raw code."""
    from .data import load

    if registry not in REGISTRIES:
        raise KeyError(f"no label registry {registry!r}; registries: {', '.join(REGISTRIES)}")
    return load(registry).set_index(REGISTRIES[registry])["label"]


def with_originator_sides(sources: pd.DataFrame) -> pd.DataFrame:
    """The sources with ``side``: the alignment of each source's originator (whose claim a reader hears),
    beside ``alignment``, that of the publisher whose copy was read."""
    from .data import load

    sides = load("originators").set_index("originator")["alignment"]
    return sources.assign(side=sources["originator"].map(sides))
