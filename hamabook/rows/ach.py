"""The rating rule of the competing-hypotheses matrix: how a piece of evidence bears on a turning point.

A hypothesis names a turning point: the last place where government forces held a line or counter-attacked with
fresh reinforcements for at least 48 hours, after which no government position was held against attack for more
than 24 hours. The point has a date and a position on the Aleppo-Damascus axis (``hypotheses.csv``: ``point_date``,
``point_axis``; a place's position is ``axis`` in ``places.csv``). A row stands *before* the point if it is dated
earlier, or if its place lies on the axis at or north of the point; otherwise *after*. Before the point the army
could still fight; after it, it could not. Each kind of evidence (``evidence_kinds.csv``) has one rating on each side.
"""

from __future__ import annotations

import pandas as pd

from ..data import load
from .provenance import FACT_TABLES

RATINGS = ("inconsistent", "neutral", "consistent")

# Kind of evidence -> (its rating when it stands before the point, when it stands after). An army leaving, defecting
# or fleeing fits a point already passed; a stand fits a point still ahead. Allied help arriving shows what the
# allies believed, not what the army could do, so it never counts against a point; context cannot date one.
RULE = {
    "withdrawal_without_fight": ("inconsistent", "consistent"),
    "defection": ("inconsistent", "consistent"),
    "flight_before_attack": ("inconsistent", "consistent"),
    "counterattack_or_stand": ("consistent", "inconsistent"),
    "allied_support_arrives": ("consistent", "neutral"),
    "allied_support_leaves": ("inconsistent", "consistent"),
    "context": ("neutral", "neutral"),
}


def rate(kind: str, row_date, row_axis, point_date, point_axis) -> str:
    """How a row of ``kind``, dated ``row_date`` at axis position ``row_axis`` (None or NaN off the axis), bears on
    a turning point at ``point_date`` and ``point_axis``: 'consistent', 'inconsistent' or 'neutral'."""
    if kind not in RULE:
        raise KeyError(f"{kind!r} is not a kind of evidence the rule rates (one of {', '.join(RULE)})")
    on_axis = row_axis is not None and not pd.isna(row_axis)
    before = pd.Timestamp(row_date) < pd.Timestamp(point_date) or (on_axis and row_axis <= point_axis)
    return RULE[kind][0 if before else 1]


def row_axes(row_ids: list[str]) -> pd.Series:
    """The axis position of each fact row's place (NaN for a row without a place or off the axis), by row id."""
    axis = load("places").set_index("place_id")["axis"]
    frames = [load(table) for table in FACT_TABLES]
    place = pd.concat(
        [f.set_index(key)["place_id"] for f, (key, _, _) in zip(frames, FACT_TABLES.values()) if "place_id" in f]
    )
    return place.reindex(row_ids).map(axis)


def rated(evidence: pd.DataFrame, hypotheses: pd.DataFrame) -> pd.DataFrame:
    """Every cell of the matrix: each evidence row (``row_id``, ``kind``, ``date``, ``axis``) rated against each
    hypothesis's point (``hypothesis_id``, ``point_date``, ``point_axis``), one row per cell with its ``rating``."""
    cells = evidence.merge(hypotheses[["hypothesis_id", "point_date", "point_axis"]], how="cross")
    cells["rating"] = [rate(c.kind, c.date, c.axis, c.point_date, c.point_axis) for c in cells.itertuples(index=False)]
    return cells.drop(columns=["point_date", "point_axis"])
