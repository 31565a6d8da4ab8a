"""The military chapter's computations: when places changed hands, speed along the M5, strike timing.

Every function takes the loaded tables (or frames derived from them) and returns a
DataFrame, so the chapter notebook stays a sequence of short calls.
"""

from __future__ import annotations

import re

import pandas as pd

from ..charts.geo import great_circle_km

# Event categories that mean a place changed hands (first entry or capture).
CHANGE_OF_HANDS = ("city_entered", "city_captured")
KM_PER_MILE = 1.609344

# How a report times a strike, checked in this order (the first match wins).
_TIMINGS = (
    ("overnight", re.compile(r"\bovernight\b|\bnight of\b", re.I)),
    ("evening", re.compile(r"\bevening\b", re.I)),
    ("morning", re.compile(r"\bmorning\b", re.I)),
)


def control_dates(
    events: pd.DataFrame, places: pd.DataFrame, categories: tuple[str, ...] = CHANGE_OF_HANDS
) -> pd.DataFrame:
    """Per place: first and last date any report gives for it changing hands, and the number of reports.

    ``headline`` is the date most reports give (ties go to the earlier date).
    Rows without a place are ignored; places without coordinates are kept (latitude NaN).
    """
    rows = events[events["category"].isin(categories) & events["place_id"].notna()]
    if rows.empty:
        raise LookupError("no change-of-hands events in the data")
    out = []
    for place_id, group in rows.groupby("place_id", sort=False):
        counts = group["date"].value_counts()
        headline = min(counts[counts == counts.max()].index)
        out.append(
            {
                "place_id": place_id,
                "first": group["date"].min(),
                "headline": headline,
                "last": group["date"].max(),
                "reports": len(group),
            }
        )
    frame = pd.DataFrame(out).merge(places[["place_id", "name", "latitude", "longitude"]], on="place_id", how="left")
    return frame.sort_values(["first", "place_id"]).reset_index(drop=True)


def legs(stops: pd.DataFrame) -> pd.DataFrame:
    """Speed of advance between consecutive stops (already in route order).

    ``stops`` needs columns name, latitude, longitude, first, headline, last (dates).
    Distance is great-circle km. Days use the headline dates; a capture on the same day
    as the previous one counts as one day, so a same-day speed is a lower bound
    (flagged in ``same_day``). ``km_per_day_low``/``high`` use the latest/earliest
    pairing of the reported dates.
    """
    needed = {"name", "latitude", "longitude", "first", "headline", "last"}
    missing = needed - set(stops.columns)
    if missing:
        raise KeyError(f"stops lack column(s): {', '.join(sorted(missing))}")
    if len(stops) < 2:
        raise ValueError("need at least two stops to form a leg")
    if stops[["latitude", "longitude"]].isna().any().any():
        raise ValueError("every stop needs coordinates")
    rows = []
    for a, b in zip(stops.itertuples(index=False), stops.iloc[1:].itertuples(index=False)):
        km = great_circle_km(a.latitude, a.longitude, b.latitude, b.longitude)
        days = (b.headline - a.headline).days
        if days < 0:
            raise ValueError(f"{b.name} is dated before {a.name}: stops must be in the order they fell")
        days_min = max((b.first - a.last).days, 0)
        days_max = (b.last - a.first).days
        rows.append(
            {
                "leg": f"{a.name} → {b.name}",
                "start": a.headline,
                "end": b.headline,
                "km": round(km, 1),
                "days": days,
                "km_per_day": round(km / max(days, 1), 1),
                "km_per_day_low": round(km / max(days_max, 1), 1),
                "km_per_day_high": round(km / max(days_min, 1), 1),
                "same_day": days == 0,
            }
        )
    return pd.DataFrame(rows)


def reported_distances(figures: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    """Every reported distance between places ``a`` and ``b`` (either order), converted to km.

    Looks for metrics ``distance_km_<a>_<b>`` and ``distance_miles_<a>_<b>``.
    """
    names = {f"distance_{unit}_{x}_{y}" for unit in ("km", "miles") for x, y in ((a, b), (b, a))}
    rows = figures[figures["metric"].isin(names)].copy()
    if rows.empty:
        raise LookupError(f"no reported distance between {a} and {b}")
    factor = rows["metric"].str.startswith("distance_miles").map({True: KM_PER_MILE, False: 1.0})
    rows["km"] = (rows["value"].astype(float) * factor).round(0)
    return rows.sort_values(["km", "figure_id"]).reset_index(drop=True)


def strike_timing(summary: str) -> str:
    """'overnight', 'evening', 'morning' or 'day only', from a report's wording."""
    for label, pattern in _TIMINGS:
        if pattern.search(summary):
            return label
    return "day only"
