"""Allied support for and against Assad: who backed whom, from when to when, and each actor's moves.

The support relationships are a small mapping (:data:`SUPPORT_LINKS`) from a backer and
the side it backed to two rows of ``events.csv``: the event that marks the start of the
support and, where our data has one, the event that marks its end. Dates, places and
sources therefore always come from the data package; the mapping only says which rows
bound each relationship.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..rows import with_sources
from ..output.prose import fmt_date

# Event categories that record words rather than deeds (drawn as hollow marks).
STATEMENT_CATEGORIES = ("ally_statement", "statement", "ally_assessment")
PRECISIONS = ("day", "month", "year")


@dataclass(frozen=True)
class SupportLink:
    """One backer supporting one side, bounded by two event rows."""

    backer: str  # actor_id of the backer
    backed: str  # actor_id of the side it backed
    what: str  # the kind of support, in our words
    start: str  # event_id marking the start
    end: str | None = None  # event_id marking the end; None: no end in our data
    start_precision: str = "day"  # how precise the start event's date is


SUPPORT_LINKS = (
    SupportLink("russia", "syrian-government", "air campaign and bases", "E115", "E157"),
    SupportLink("iran", "syrian-government", "IRGC advisers and militias", "E500", "E138", "year"),
    SupportLink("hezbollah", "syrian-government", "fighters", "E502", "E505"),
    SupportLink("iraqi-militias", "syrian-government", "fighters", "E501", None, "year"),
    SupportLink("turkey", "sna", "troops and backing for rebel factions", "E503"),
    SupportLink("united-states", "sdf", "partnership against the Islamic State", "E504", None, "month"),
)


def date_label(date: pd.Timestamp, precision: str = "day") -> str:
    """A date written only as precisely as it is known: '2012', 'October 2015', '30 September 2015'."""
    if precision not in PRECISIONS:
        raise ValueError(f"precision must be one of {', '.join(PRECISIONS)}, not {precision!r}")
    date = pd.Timestamp(date)
    if precision == "year":
        return f"{date.year}"
    if precision == "month":
        return f"{date:%B %Y}"
    return fmt_date(date)


def _event(events: pd.DataFrame, event_id: str) -> pd.Series:
    rows = events.loc[events["event_id"] == event_id]
    if rows.empty:
        raise KeyError(f"support mapping names event {event_id}, which is not in events.csv")
    return rows.iloc[0]


def support_periods(
    events: pd.DataFrame,
    actors: pd.DataFrame,
    as_of: pd.Timestamp,
    links: tuple[SupportLink, ...] = SUPPORT_LINKS,
) -> pd.DataFrame:
    """One row per support relationship: backer, backed side, start, end (or ``as_of`` if open), years.

    Raises if a link names an unknown actor or event, if its start event is not the backer's,
    or if it ends before it starts.
    """
    names = actors.set_index("actor_id")["name"]
    sides = actors.set_index("actor_id")["side"]
    as_of = pd.Timestamp(as_of)
    rows = []
    for link in links:
        for actor in (link.backer, link.backed):
            if actor not in names.index:
                raise KeyError(f"support mapping names actor {actor!r}, which is not in actors.csv")
        start = _event(events, link.start)
        if start["actor_id"] != link.backer:
            raise ValueError(f"start event {link.start} belongs to {start['actor_id']!r}, not {link.backer!r}")
        end = _event(events, link.end) if link.end else None
        end_date = end["date"] if end is not None else as_of
        if end_date < start["date"]:
            raise ValueError(f"support of {link.backed} by {link.backer} ends before it starts")
        rows.append(
            {
                "backer": names[link.backer],
                "backed": names[link.backed],
                "backer_side": sides[link.backer],
                "what": link.what,
                "start": start["date"],
                "end": end_date,
                "open_ended": end is None,
                "start_label": date_label(start["date"], link.start_precision),
                "end_label": fmt_date(end_date) if end is not None else f"no end in our data (as of {fmt_date(as_of)})",
                "years": round((end_date - start["date"]).days / 365.25, 1),
                "start_event": link.start,
                "end_event": link.end or "",
                "start_source": start["source_id"],
                "end_source": end["source_id"] if end is not None else "",
            }
        )
    return pd.DataFrame(rows)


def actor_moves(events: pd.DataFrame, actors: pd.DataFrame, start: str, end: str) -> pd.DataFrame:
    """Events with an actor between ``start`` and ``end`` (inclusive), oldest first.

    ``kind`` is 'statement' for words and 'action' for deeds; ``slot`` numbers the events
    of one actor on one day (0, 1, ...) so that a chart can set them side by side.
    """
    mask = events["actor_id"].notna() & events["date"].between(start, end)
    rows = events.loc[mask].merge(actors[["actor_id", "name", "side"]], on="actor_id", how="left")
    if rows["name"].isna().any():
        missing = sorted(rows.loc[rows["name"].isna(), "actor_id"].unique())
        raise KeyError(f"events name unknown actors: {', '.join(missing)}")
    rows = rows.rename(columns={"name": "actor"}).sort_values(["date", "event_id"]).reset_index(drop=True)
    rows["kind"] = rows["category"].map(lambda c: "statement" if c in STATEMENT_CATEGORIES else "action")
    rows["slot"] = rows.groupby(["actor_id", "date"]).cumcount()
    return rows[["date", "actor", "actor_id", "side", "kind", "category", "summary", "source_id", "event_id", "slot"]]


def _pick(table: pd.DataFrame, column: str, wanted: list[str], sources: pd.DataFrame, what: str) -> pd.DataFrame:
    """Rows whose ``column`` is in ``wanted``, with publisher and grade; a KeyError names any not found."""
    rows = table.loc[table[column].isin(wanted)]
    missing = sorted(set(wanted) - set(rows[column]))
    if missing:
        raise KeyError(f"{what} not in the data: {', '.join(missing)}")
    return with_sources(rows, sources)


def metric_rows(figures: pd.DataFrame, sources: pd.DataFrame, metrics: list[str]) -> pd.DataFrame:
    """Every row of the given metrics, with its source's publisher and grade, in the order asked, oldest first."""
    rows = _pick(figures, "metric", metrics, sources, "metric(s)")
    order = {m: i for i, m in enumerate(metrics)}
    rows = rows.assign(_order=rows["metric"].map(order))
    return rows.sort_values(["_order", "as_of", "figure_id"]).drop(columns="_order").reset_index(drop=True)


def event_rows(events: pd.DataFrame, sources: pd.DataFrame, event_ids: list[str]) -> pd.DataFrame:
    """The named events, with publisher and grade, oldest first; raises if one is missing."""
    rows = _pick(events, "event_id", event_ids, sources, "events")
    return rows.sort_values(["date", "event_id"]).reset_index(drop=True)


def reports(
    events: pd.DataFrame,
    figures: pd.DataFrame,
    sources: pd.DataFrame,
    event_ids: list[str] = (),
    figure_ids: list[str] = (),
) -> pd.DataFrame:
    """Events and figures about one question as one list of reports: date, what was reported, source, grade.

    Figures are dated by their ``as_of``. Every id must exist; rows come oldest first.
    """
    parts = []
    if event_ids:
        rows = event_rows(events, sources, list(event_ids))
        parts.append(
            rows.assign(row_id=rows["event_id"])[
                ["date", "summary", "publisher", "reliability", "credibility", "row_id"]
            ]
        )
    if figure_ids:
        rows = _pick(figures, "figure_id", list(figure_ids), sources, "figures")
        parts.append(
            rows.assign(date=rows["as_of"], row_id=rows["figure_id"])[
                ["date", "summary", "publisher", "reliability", "credibility", "row_id"]
            ]
        )
    if not parts:
        raise ValueError("name at least one event or figure")
    return pd.concat(parts).sort_values(["date", "row_id"]).reset_index(drop=True)
