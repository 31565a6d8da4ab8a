"""The campaign map: Syria from Idlib to Damascus and the other fronts, each city named with the date(s) it was
reported taken, a day slider and small multiples, over borders, coast, governorates, the Orontes and Euphrates and
the M5 and M4. Builders take the exact frame they draw (:func:`campaign_frame`); geography is basemap data."""

from __future__ import annotations

import json
import math

import altair as alt
import pandas as pd

from .geo import country_outline, scale_bar
from .maps import basemap, day_title
from .theme import INK, MUTED, SIDE_COLOURS
from .voice import ENGLISH, Voice

# Cities and towns the campaign map follows (place ids), and the fronts away from the M5 it names.
CAMPAIGN_PLACES = (
    "aleppo", "saraqib", "maarat-al-numan", "khan-shaykhun", "hama", "rastan", "homs", "damascus", "daraa",
    "deir-ez-zor", "palmyra",
)  # fmt: skip
ORIENTATION = ("idlib", "latakia", "tartus", "raqqa")  # named for orientation, with no capture report drawn
FRONT_WORDS = {
    "army_withdrawal": "army withdrew",
    "front_opened": "front opened",
    "border_crossing_taken": "border crossing taken",
    "sna_operation": "SNA operation",
}
STATUSES = (
    "taken by the opposition",
    "taken by the SDF",
    "not yet reported taken",
    "other front",
    "named for orientation",
)
COLOURS = (SIDE_COLOURS["opposition"], "#009E73", "#bbbbbb", "#E69F00", "#555555")
SHAPES = ("circle", "square", "circle", "diamond", "triangle-up")
CENTRE, SCALE, WIDTH, HEIGHT = (38.85, 34.85), 4900, 640, 560
# Label offsets (dx, dy, align) by place, so the names along the M5 do not collide.
OFFSETS = {
    "idlib": (-7, 0, "right"),
    "saraqib": (7, 8, "left"),
    "latakia": (-7, 8, "right"),
    "rastan": (7, 2, "left"),
    "tel-rifaat": (6, -9, "left"),  # right of the point: the label would run off the map's western edge
    "suwayda": (7, -6, "left"),
}
NOTES = (  # fixed names: neighbours, rivers, roads (lon, lat)
    ("TURKEY", 37.3, 37.05),
    ("IRAQ", 41.6, 34.2),
    ("JORDAN", 37.2, 32.45),
    ("LEBANON", 35.75, 33.95),
    ("Orontes", 36.12, 35.3),
    ("Euphrates", 39.55, 35.75),
    ("M5", 36.95, 34.2),
    ("M4", 36.3, 35.8),
)


def campaign_frame(
    reports: pd.DataFrame, fronts: pd.DataFrame, places: pd.DataFrame, days, voice: Voice = ENGLISH
) -> pd.DataFrame:
    """One row per place the map draws, and per fixed note: ``reports`` (control reports with ``taken_by_side``:
    every report of a place taken) give the cities of CAMPAIGN_PLACES, drawn every day and taken from the first
    report on; ``fronts`` (events with ``category`` in FRONT_WORDS) give the other fronts, drawn from their first
    report on; ORIENTATION cities and the NOTES are drawn every day. ``shown_from`` and ``taken_from`` are indexes
    into ``days`` (0 is the first day), ``first_report`` the day a city or front is first reported; ``status`` is
    what a place is once taken. A day of the map is :func:`campaign_day` of this frame. Columns: layer, place_id,
    name, label, status, longitude, latitude, shown_from, taken_from, first_report, dx, dy, align, row_ids. Names,
    dates, statuses and notes are in the ``voice``'s words."""
    pl = places.set_index("place_id")
    pl["name"] = [voice.place(p, n) for p, n in zip(pl.index, pl["name"])]
    statuses = voice.domain(STATUSES)
    index = {d: i for i, d in enumerate(sorted(pd.to_datetime(list(days))))}
    rows = []
    for place_id in CAMPAIGN_PLACES:
        taken = reports[reports["place_id"] == place_id]
        if taken.empty:
            continue
        first = taken["date"].min()
        side = taken.loc[taken["date"] == first, "taken_by_side"].iloc[0]
        status = statuses[0] if side == "opposition" else statuses[1]
        label = f"{pl.loc[place_id, 'name']} {voice.days(taken['date'])}"
        rows.append(_row(place_id, pl, label, status, (0, _first(first, index)), voice.day(first), taken))
    # The other fronts in the order they were first reported (where two names overlap, the later one is drawn over)
    others = fronts[~fronts["place_id"].isin(CAMPAIGN_PLACES)].groupby("place_id")
    for place_id, events in sorted(others, key=lambda group: (group[1]["date"].min(), group[0])):
        first = events["date"].min()
        what = voice.word("; ").join(
            f"{voice.word(FRONT_WORDS[c])} {voice.days(g['date'])}" for c, g in events.groupby("category", sort=False)
        )
        label, at = f"{pl.loc[place_id, 'name']}: {what}", _first(first, index)
        rows.append(_row(place_id, pl, label, statuses[3], (at, at), voice.day(first), events, key="event_id"))
    for place_id in ORIENTATION:
        rows.append(_row(place_id, pl, pl.loc[place_id, "name"], statuses[4], (0, 0), "", None))
    west, east = scale_bar(39.9, 32.55, 100)
    for name, lon, lat in (*NOTES, ("100 km (at 33° N)", (west + east) / 2, 32.68)):
        rows.append({"layer": "note", "name": voice.word(name), "label": voice.word(name), "longitude": lon,
                     "latitude": lat})  # fmt: skip
    for lon in (west, east):
        rows.append({"layer": "scale", "name": voice.word("100 km"), "label": "", "longitude": lon, "latitude": 32.55})
    columns = ["layer", "place_id", "name", "label", "status", "longitude", "latitude", "shown_from", "taken_from"]
    return pd.DataFrame(rows).reindex(columns=[*columns, "first_report", "dx", "dy", "align", "row_ids"]).fillna(
        {"place_id": "", "status": "", "shown_from": 0, "taken_from": 0, "first_report": "", "dx": 0, "dy": 0,
         "align": "left", "row_ids": ""}
    ).astype({"shown_from": int, "taken_from": int})  # fmt: skip


def _first(day, index: dict) -> int:
    """The index of the map's first day on or after ``day`` (a report before the map's first day shows from it;
    one after its last day, never)."""
    return next((i for d, i in index.items() if d >= day), len(index))


def _row(place_id, pl, label, status, shown_taken, first: str, rows, key="change_id") -> dict:
    dx, dy, align = OFFSETS.get(place_id, (7, 4, "left"))
    return {
        "layer": "place",
        "place_id": place_id,
        "name": pl.loc[place_id, "name"],
        "label": label,
        "status": status,
        "longitude": float(pl.loc[place_id, "longitude"]),
        "latitude": float(pl.loc[place_id, "latitude"]),
        "shown_from": shown_taken[0],
        "taken_from": shown_taken[1],
        "first_report": first,
        "dx": dx,
        "dy": dy,
        "align": align,
        "row_ids": "" if rows is None else " ".join(rows[key]),
    }


# A day of the map, as Vega expressions of the day's index (``day``): which rows it draws, and each place's status
# (``untaken``: the status of a place not yet reported taken, quoted, in the chart's words).
SHOWN = "datum.shown_from <= {day}"
STATUS_ON = "datum.taken_from <= {day} ? datum.status : {untaken}"


def _status_on(day: str, voice: Voice = ENGLISH) -> str:
    """:data:`STATUS_ON` of day ``day`` in the ``voice``'s words."""
    return STATUS_ON.format(day=day, untaken=json.dumps(voice.word(STATUSES[2]), ensure_ascii=False))


def day_labels(days, voice: Voice = ENGLISH) -> list[str]:
    """The map's days as its titles and small maps name them ('29 Nov'), in order."""
    return [voice.day(d) for d in sorted(pd.to_datetime(list(days)))]


def campaign_day(frame: pd.DataFrame, day: int, voice: Voice = ENGLISH) -> pd.DataFrame:
    """The rows of :func:`campaign_frame` drawn on day ``day`` (an index), each place with its status that day: what
    the slider's expressions (SHOWN, STATUS_ON) compute in the browser."""
    out = frame[frame["shown_from"] <= day].copy()
    placed = out["layer"] == "place"
    out.loc[placed & (out["taken_from"] > day), "status"] = voice.word(STATUSES[2])
    return out


def day_frame(frame: pd.DataFrame, days, shown: list[str], voice: Voice = ENGLISH) -> pd.DataFrame:
    """The small maps' frame: :func:`campaign_day` for each day of ``days`` whose label ('29 Nov') is in ``shown``,
    with that label as ``day_label``."""
    labels = day_labels(days, voice)
    parts = [campaign_day(frame, i, voice).assign(day_label=lb) for i, lb in enumerate(labels) if lb in shown]
    return pd.concat(parts, ignore_index=True)


PANEL_NAMES = ("aleppo", "hama", "homs", "damascus", "daraa", "deir-ez-zor", "palmyra")  # named in the small maps


def _layers(size: int, font: int, labelled: str, legend: bool = True, only=None, voice: Voice = ENGLISH, day=None):
    """The drawn layers: points by status, names beside them, notes and the scale bar. With
    ``day`` (a Vega expression of the day's index), the points and names first keep the rows that day draws and give
    each place its status that day."""
    legend_def = (
        voice.legend(orient="bottom", direction="horizontal", columns=3, title=None)["legend"] if legend else None
    )
    statuses = voice.domain(STATUSES)

    def chart() -> alt.Chart:
        base = alt.Chart()
        if day is None:
            return base
        return base.transform_filter(SHOWN.format(day=day)).transform_calculate(status=_status_on(day, voice))

    points = (
        chart()
        .mark_point(filled=True, opacity=0.95, stroke="white", strokeWidth=0.6)
        .encode(
            longitude="longitude:Q",
            latitude="latitude:Q",
            color=alt.Color("status:N", scale=alt.Scale(domain=statuses, range=list(COLOURS)), legend=legend_def),
            shape=alt.Shape("status:N", scale=alt.Scale(domain=statuses, range=list(SHAPES)), legend=legend_def),
            size=alt.value(size),
            tooltip=[voice.tooltip(c, "N") for c in ("label", "day_label", "status", "row_ids")],
        )
        .transform_filter("datum.layer == 'place'")
    )
    untaken = json.dumps(statuses[2], ensure_ascii=False)
    keep = f"datum.layer == 'place' && datum.status != {untaken}" + (
        "" if only is None else " && indexof(" + repr(list(only)).replace("'", '"') + ", datum.place_id) >= 0"
    )
    drawn, text = voice.text(chart().transform_filter(keep), labelled)
    offset = {k: alt.ExprRef(expr=f"datum.{k}") for k in ("dx", "dy", "align")}  # each name as its row places it
    labels = drawn.mark_text(fontSize=font, color=INK, fontWeight="bold", **offset).encode(
        longitude="longitude:Q",
        latitude="latitude:Q",
        text=text,
    )
    drawn, text = voice.text(alt.Chart().transform_filter("datum.layer == 'note'"), "label")
    notes = drawn.mark_text(align="center", fontSize=font, fontStyle="italic", color=MUTED).encode(
        longitude="longitude:Q", latitude="latitude:Q", text=text
    )
    bar = (
        alt.Chart()
        .mark_line(color=INK, strokeWidth=2)
        .encode(longitude="longitude:Q", latitude="latitude:Q")
        .transform_filter("datum.layer == 'scale'")
    )
    return [points, labels, notes, bar]


def _outline() -> alt.Chart:
    return alt.Chart(alt.Data(values=[country_outline("760")])).mark_geoshape(fill="#f2efe9", stroke=None, aria=False)


def _projection(width, height, scale, centre=CENTRE) -> dict:
    return {"type": "mercator", "center": list(centre), "scale": scale, "translate": [width / 2, height / 2],
            "clipExtent": [[0, 0], [width, height]]}  # fmt: skip


def _box(width, height, scale, centre=CENTRE):
    half_lon = math.degrees(width / 2 / scale) * 1.1
    half_lat = math.degrees(height / 2 / scale) * math.cos(math.radians(centre[1])) * 1.1
    return centre[0] - half_lon, centre[1] - half_lat, centre[0] + half_lon, centre[1] + half_lat


def campaign_slider(frame: pd.DataFrame, geography: pd.DataFrame, days, voice: Voice = ENGLISH) -> alt.LayerChart:
    """The whole of Syria with a day slider over ``days`` (starting on the last day): cities as the reports have
    them taken that day (:func:`campaign_frame`, one row per place; the slider's day picks each one's status)."""
    labels = day_labels(days, voice)
    day = alt.param(
        name="day",
        value=len(labels) - 1,
        bind=alt.binding_range(min=0, max=len(labels) - 1, step=1, name=voice.word("Day ")),
    )
    layers = _layers(90, 11, "label", voice=voice, day="day")
    # The points' tooltips name the day.
    layers[0] = layers[0].transform_calculate(day_label=json.dumps(labels, ensure_ascii=False) + "[day]")
    chart = alt.layer(
        _outline(),
        *basemap(geography, _box(WIDTH, HEIGHT, SCALE)),
        *layers,
        day_title(labels, "day", voice),
        data=frame,
    )
    projection = _projection(WIDTH, HEIGHT, SCALE)
    return voice.finish(chart.add_params(day).project(**projection).properties(width=WIDTH, height=HEIGHT))


def campaign_panels(
    frame: pd.DataFrame, geography: pd.DataFrame, days, shown: list[str], columns: int = 3, voice: Voice = ENGLISH
):
    """Small multiples, one per day of ``shown`` (day labels, '29 Nov', of ``days``), for print and readers without
    scripts: each city named once it is reported taken. They draw :func:`campaign_frame` as the slider does, each
    row repeated for the panels' days (what :func:`day_frame` computes)."""
    width, height, scale = 215, 190, 1650
    labels = day_labels(days, voice)
    picked = [i for i, label in enumerate(labels) if label in shown]
    chart = alt.layer(
        _outline(),
        *basemap(geography, _box(width, height, scale), layers=("border", "coast", "river", "road"), scale=0.6),
        *_layers(28, 10, "name", legend=True, only=PANEL_NAMES, voice=voice, day="datum.panel_day"),
        data=frame,
    )
    header = voice.header(labelFontSize=13)
    return voice.finish(
        chart.project(**_projection(width, height, scale))
        .properties(width=width, height=height)
        .facet(facet=alt.Facet("day_label:N", sort=list(shown), title=None, header=header), columns=columns)
        .transform_calculate(panel_day=json.dumps(picked))
        .transform_flatten(["panel_day"])
        .transform_calculate(day_label=json.dumps(labels, ensure_ascii=False) + "[datum.panel_day]")
    )
