"""Control of places: who was reported holding which place, day by day, and how far the front stood from a city.

The control-change rows are the detailed record of the Hama battle; capture events add the cities along the rest of
the way (:func:`control_reports`). Every rule here is computed from those reports' dates, sides and credibility.
"""

from __future__ import annotations

import pandas as pd

from .geo import great_circle_km

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


CONTEST_WINDOW_DAYS = 1  # claims by both sides within this many days of the latest report make a place contested
# A contest goes stale: once its newest report is more than this many days old, the place is no longer shown as
# contested ("contested now"); the newest day's reports alone decide it, and when they too name both sides the
# place is 'unresolved'. Used by the maps (control_by_day(..., stale_after=STALE_AFTER_DAYS)).
STALE_AFTER_DAYS = 2
# Reports rated worse than this on the credibility scale (5 improbable: contradicted by well-established facts;
# 6 cannot be judged) are listed but do not decide a place's status on the map, its changes of hands or the front.
DECIDING_CREDIBILITY = 4


def with_sides(changes: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Add ``taken_by_side`` and ``taken_from_side`` (government, opposition, other) from actors.csv."""
    side = actors.set_index("actor_id")["side"]
    unknown = sorted(set(changes["taken_by"]).union(changes["taken_from"].dropna()) - set(side.index))
    if unknown:
        raise KeyError(f"control changes name unknown actors: {', '.join(unknown)}")
    return changes.assign(taken_by_side=changes["taken_by"].map(side), taken_from_side=changes["taken_from"].map(side))


def _records(reports: pd.DataFrame) -> list[tuple[pd.Timestamp, str, str]]:
    """A place's dated reports as (date, change_id, side), in date then id order."""
    rows = zip(reports["date"], reports["change_id"], reports["taken_by_side"], strict=True)
    return sorted(r for r in rows if not pd.isna(r[0]))


def _status(
    records: list[tuple], day: pd.Timestamp, window: int, stale_after: int | None = None
) -> tuple[str, list[str]]:
    """A place's status on ``day`` from its :func:`_records` and the ids that decide it.

    No report on or before the day: 'no report'. Otherwise the reports dated within ``window`` days of the
    latest one decide: one side in all of them gives that side; both sides give 'contested'. With
    ``stale_after``, a contest whose newest report is more than that many days older than ``day`` is no longer
    current: the newest day's reports alone decide, and both sides among them give 'unresolved'.
    """
    known = [r for r in records if r[0] <= day]
    if not known:
        return "no report", []
    latest = known[-1][0]
    start = latest - pd.Timedelta(days=window)
    recent = [r for r in known if r[0] >= start]
    sides = {side for _, _, side in recent}
    if len(sides) > 1 and stale_after is not None and (day - latest).days > stale_after:
        recent = [r for r in known if r[0] == latest]
        sides = {side for _, _, side in recent}
        return (sides.pop() if len(sides) == 1 else "unresolved"), [change_id for _, change_id, _ in recent]
    return (sides.pop() if len(sides) == 1 else "contested"), [change_id for _, change_id, _ in recent]


def control_by_day(changes: pd.DataFrame, actors: pd.DataFrame, days, stale_after: int | None = None) -> pd.DataFrame:
    """One row per place in ``changes`` and day: place_id, day, status, last_change_ids (space-separated).
    ``stale_after``: see :func:`_status` (None: a contest stays current however old its reports)."""
    sided = with_sides(changes, actors)
    days = pd.to_datetime(list(days))
    rows = []
    for place_id, reports in sided.groupby("place_id", sort=True):
        records = _records(reports)
        for day in days:
            status, ids = _status(records, day, CONTEST_WINDOW_DAYS, stale_after)
            rows.append({"place_id": place_id, "day": day, "status": status, "last_change_ids": " ".join(ids)})
    return pd.DataFrame(rows, columns=["place_id", "day", "status", "last_change_ids"])


def hand_changes(changes: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Per place: how many times the reported holder changed, counting reports in date order and a change
    each time the side reported taking it differs from the one before (the first report counts as one)."""
    sided = with_sides(changes, actors).sort_values(["date", "change_id"])
    rows = []
    for place_id, reports in sided.groupby("place_id", sort=True):
        sides = list(reports["taken_by_side"])
        times = 1 + sum(a != b for a, b in zip(sides, sides[1:]))
        rows.append({"place_id": place_id, "times": times, "change_ids": list(reports["change_id"])})
    return pd.DataFrame(rows)


def front_distance(status: pd.DataFrame, places: pd.DataFrame, target: str) -> pd.DataFrame:
    """Per day: great-circle km from ``target`` to the nearest mapped place held by the opposition that day.

    Days on which no mapped place is reported held by the opposition are left out.
    """
    coords = places.set_index("place_id")[["name", "latitude", "longitude"]]
    t = coords.loc[target]
    held = status[status["status"] == "opposition"].join(coords, on="place_id").dropna(subset=["latitude"])
    held = held.assign(
        km=[great_circle_km(t.latitude, t.longitude, a, b) for a, b in zip(held["latitude"], held["longitude"])]
    )
    nearest = held.loc[held.groupby("day")["km"].idxmin()]
    return (
        nearest.assign(km=nearest["km"].round(0), nearest=nearest["name"])[
            ["day", "km", "nearest", "place_id", "last_change_ids"]
        ]
        .sort_values("day")
        .reset_index(drop=True)
    )


def deciding(changes: pd.DataFrame, worst: int = DECIDING_CREDIBILITY) -> pd.DataFrame:
    """The control reports allowed to decide a status: credibility ``worst`` or better (lower is better)."""
    return changes[changes["credibility"] <= worst]


def newly_contested(all_status: pd.DataFrame, kept_status: pd.DataFrame) -> pd.DataFrame:
    """Place-days contested when every report counts but not when only the deciding reports do."""
    both = all_status.merge(kept_status, on=["place_id", "day"], suffixes=("", "_kept"))
    return both[(both["status"] == "contested") & (both["status_kept"] != "contested")]


def capture_legs(reports: pd.DataFrame, places: pd.DataFrame, legs) -> pd.DataFrame:
    """Per leg ``(from_id, to_id)`` of ``legs``: the great-circle km between the two places' coordinates and the
    days between their reported captures, as the range over every pair of a date reported for the first place and
    one for the second (so reports that disagree widen it). ``reports`` are capture reports (``place_id``, ``date``,
    ``change_id``). A place without a dated report gives NA days; a place without coordinates, NA km.
    Columns: from_id, to_id, km, days_min, days_max, change_ids (the reports of both places, space-separated)."""
    coords = places.set_index("place_id")[["latitude", "longitude"]]
    dated = reports.dropna(subset=["date"])
    rows = []
    for a, b in legs:
        ends = [coords.loc[p] if p in coords.index else None for p in (a, b)]
        km = pd.NA
        if all(e is not None and e.notna().all() for e in ends):
            km = great_circle_km(ends[0].latitude, ends[0].longitude, ends[1].latitude, ends[1].longitude)
        first, second = (dated[dated["place_id"] == p] for p in (a, b))
        gaps = [(db - da).days for da in set(first["date"]) for db in set(second["date"])]
        rows.append(
            {
                "from_id": a,
                "to_id": b,
                "km": km,
                "days_min": min(gaps) if gaps else pd.NA,
                "days_max": max(gaps) if gaps else pd.NA,
                "change_ids": " ".join([*first["change_id"], *second["change_id"]]),
            }
        )
    return pd.DataFrame(rows, columns=["from_id", "to_id", "km", "days_min", "days_max", "change_ids"])
