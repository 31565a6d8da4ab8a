"""Map chart builders: control of places day by day, over Syria's outline.

Each builder takes the exact frame it draws (:func:`wide_frame`: one row per place, each day's status in a column
of its own, plus the fixed labels) so :func:`hamabook.output.figure.figure` can offer that frame as the figure's
data; the maps pick a day's columns in the browser. The only other
data a layer carries is the country outline (a geoshape basemap).
"""

from __future__ import annotations

import json
import math

import altair as alt
import pandas as pd

from .geo import country_outline, line_features, scale_bar
from .theme import INK, MUTED, SIDE_COLOURS
from .voice import ENGLISH, Voice

# Statuses a place can have on a day, in legend order, with their colours and shapes.
STATUSES = ("opposition", "government", "contested", "unresolved", "no report")
STATUS_COLOURS = (SIDE_COLOURS["opposition"], SIDE_COLOURS["government"], "#E69F00", "#CC79A7", "#bbbbbb")
STATUS_SHAPES = ("circle", "square", "diamond", "triangle-down", "cross")
# The Hama-to-Damascus corridor: centre (lon, lat) of the zoomed maps.
CENTRE = (36.75, 34.85)
HAMA_AREA = (36.70, 35.07)  # longitude, latitude the battle maps centre on (Hama to Homs)
PANEL_AREA = (36.72, 35.07)  # the small maps' centre
RIVER, ROAD = "#3a7dbf", "#8c4f2b"
# Where each labelled place's name sits beside its point (dx, dy in pixels; align), so the names around Hama
# do not overlap: the places the battle chapter discusses (the high ground, the airbase, the villages of the
# counter-attack, the minority towns, Rastan and Talbiseh) and the cities that orient the reader.
LABELS = {
    "hama": (7, 10, "left"),
    "homs": (7, 4, "left"),
    "rastan": (7, 2, "left"),
    "talbiseh": (7, 6, "left"),
    "jabal-zayn-al-abidin": (7, -6, "left"),
    "qamhana": (-6, -7, "right"),
    "hama-military-airport": (-6, 10, "right"),
    "maardes": (7, 2, "left"),
    "suran": (7, -5, "left"),
    "halfaya": (-6, -7, "right"),
    "mhardeh": (-6, 10, "right"),
    "suqaylabiyah": (-6, 4, "right"),
    "salamiyah": (7, 4, "left"),
    "masyaf": (-6, 4, "right"),
    "morek": (7, 3, "left"),
    "khan-shaykhun": (7, 3, "left"),
}
PANEL_LABELS = ("hama", "homs", "rastan")  # the names each small map carries


def _outline() -> alt.Chart:
    return alt.Chart(alt.Data(values=[country_outline("760")])).mark_geoshape(
        fill="#f2efe9", stroke="#8a8a8a", strokeWidth=1, aria=False
    )


def basemap(geography: pd.DataFrame, box, *, layers=("governorate", "border", "coast", "river", "road"), scale=1.0):
    """Geoshape layers of the map lines in ``box``: governorate boundaries dashed, borders, coast, rivers blue,
    roads brown (each a basemap layer with its own data, credited as a source)."""
    styles = {
        "governorate": {"stroke": "#a9a9a9", "strokeWidth": 0.8, "strokeDash": [3, 2]},
        "border": {"stroke": "#555555", "strokeWidth": 1.2},
        "coast": {"stroke": RIVER, "strokeWidth": 1.2},
        "river": {"stroke": RIVER, "strokeWidth": 1.6 * scale},
        "road": {"stroke": ROAD, "strokeWidth": 2.0 * scale, "strokeDash": [6, 2]},
    }
    charts = []
    for layer in layers:
        features = line_features(geography, (layer,), box)
        if features:
            charts.append(alt.Chart(alt.Data(values=features)).mark_geoshape(filled=False, aria=False, **styles[layer]))
    return charts


def map_frame(
    status: pd.DataFrame, places: pd.DataFrame, days, notes: pd.DataFrame, voice: Voice = ENGLISH
) -> pd.DataFrame:
    """The battle map's days: one row per mapped place and day (layer 'place'; ``label`` set for the places of
    :data:`LABELS`, with its offset), plus ``notes``: rows of a fixed label (layer 'note': a river or road name, the
    scale bar) repeated on every day; what the chapter counts, and what the maps draw as :func:`wide_frame`.
    Columns: layer, place_id, name, latitude, longitude, day, day_index, day_label, status, last_change_ids, label,
    dx, dy, align. Names, statuses and days are in the ``voice``'s language."""
    coords = places.set_index("place_id")[["name", "latitude", "longitude"]]
    coords["name"] = [voice.place(p, n) for p, n in zip(coords.index, coords["name"])]
    status = voice.values(status, "status")
    pts = status.join(coords, on="place_id").dropna(subset=["latitude"]).assign(layer="place")
    days = sorted(pd.to_datetime(list(days)))
    fixed = [notes.assign(day=d) for d in days]
    frame = pd.concat([pts.reset_index(drop=True), *fixed], ignore_index=True)
    index = {d: i for i, d in enumerate(days)}
    frame["day_index"] = frame["day"].map(index).astype(int)
    frame["day_label"] = frame["day"].map(voice.day)
    placed = frame["layer"] == "place"
    frame.loc[placed, "label"] = frame.loc[placed, "place_id"].map(
        lambda p: coords.loc[p, "name"] if p in LABELS else ""
    )
    for i, col in enumerate(("dx", "dy", "align")):
        frame.loc[placed, col] = frame.loc[placed, "place_id"].map(lambda p, i=i: LABELS.get(p, (0, 0, "left"))[i])
    frame["latitude"] = frame["latitude"].astype(float)
    frame["longitude"] = frame["longitude"].astype(float)
    columns = ["layer", "place_id", "name", "latitude", "longitude", "day", "day_index", "day_label", "status"]
    return frame[[*columns, "last_change_ids", "label", "dx", "dy", "align"]].fillna({"label": "", "status": ""})


def wide_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """What the maps draw: :func:`map_frame` with one row per place (and per fixed label), each day's status and
    the rows behind it in columns of their own, named by the day's date ('2024-11-30', 'ids 2024-11-30', in either
    edition: column names are the data's, as in every figure's CSV), as a reader reads a table of days; the maps
    pick a day's columns in the browser (:func:`_on_day`). Columns: layer, place_id, name, latitude, longitude,
    label, dx, dy, align, then each day's status and each day's ids."""
    keys = [f"{d:%Y-%m-%d}" for d in sorted(set(frame["day"]))]
    ids_of = [_ids_column(key) for key in keys]
    columns = ["layer", "place_id", "name", "latitude", "longitude", "label", "dx", "dy", "align"]
    placed = frame[frame["layer"] == "place"].fillna({"place_id": ""})
    placed = placed.assign(key=placed["day"].dt.strftime("%Y-%m-%d"))
    status = placed.pivot(index="place_id", columns="key", values="status")[keys]
    ids = placed.pivot(index="place_id", columns="key", values="last_change_ids")[keys].fillna("")
    places = placed.drop_duplicates("place_id")[columns].set_index("place_id", drop=False)
    places = places.join(status).join(ids.set_axis(ids_of, axis=1))
    fixed = frame[(frame["layer"] != "place") & (frame["day_index"] == 0)][columns]
    return (
        pd.concat([places.reset_index(drop=True), fixed], ignore_index=True)
        .fillna({"place_id": "", "dx": 0, "dy": 0, **{c: "" for c in [*keys, *ids_of]}})
        .astype({"dx": int, "dy": int})
    )


def _ids_column(key: str) -> str:
    """The name of :func:`wide_frame`'s column of a day's rows: 'ids 2024-11-30'."""
    return f"ids {key}"


def _day_columns(frame: pd.DataFrame, voice: Voice = ENGLISH) -> tuple[list[str], list[str]]:
    """The names of :func:`wide_frame`'s status columns (the days' dates), in order, and the days' labels in the
    ``voice``'s words ('30 Nov')."""
    keys = [c for c in frame.columns if _ids_column(c) in frame.columns]
    return keys, [voice.day(pd.Timestamp(k)) for k in keys]


def _on_day(chart, frame: pd.DataFrame, day: str, voice: Voice = ENGLISH):
    """``chart`` drawing day ``day`` (a Vega expression of the day's index): its label, and each place's status and
    rows that day, taken from that day's columns of :func:`wide_frame` (``frame``)."""
    keys, labels = _day_columns(frame, voice)
    prefix = json.dumps(_ids_column(""))
    return (
        chart.transform_calculate(
            day_label=json.dumps(labels, ensure_ascii=False) + f"[{day}]", day_key=json.dumps(keys) + f"[{day}]"
        )
        .transform_calculate(status="datum[datum.day_key]", last_change_ids=f"datum[{prefix} + datum.day_key]")
        .transform_filter("datum.layer != 'place' || datum.status != ''")  # a place without a report that day
    )


def _points(size: int, legend: bool = True, voice: Voice = ENGLISH) -> alt.Chart:
    status_legend = voice.legend(orient="bottom", direction="horizontal", columns=3)["legend"] if legend else None
    return (
        alt.Chart()
        .mark_point(filled=True, opacity=0.95, stroke="white", strokeWidth=0.6)
        .encode(
            longitude="longitude:Q",
            latitude="latitude:Q",
            color=alt.Color(
                "status:N",
                title=voice.title("Reported holder"),
                scale=alt.Scale(domain=voice.domain(STATUSES), range=list(STATUS_COLOURS)),
                legend=status_legend,
            ),
            shape=alt.Shape(
                "status:N",
                title=voice.title("Reported holder"),
                scale=alt.Scale(domain=voice.domain(STATUSES), range=list(STATUS_SHAPES)),
                legend=status_legend,  # merges with the colour legend
            ),
            size=alt.value(size),
            tooltip=[voice.tooltip(c, "N") for c in ("name", "day_label", "status", "last_change_ids")],
        )
        .transform_filter("datum.layer == 'place'")
    )


def _labels(font: int, only=None, voice: Voice = ENGLISH) -> list[alt.Chart]:
    """Place names beside their points, each offset and aligned as its row says (``dx``, ``dy``, ``align``: mark
    properties read from the row); with ``only``, just those places."""
    keep = "datum.layer == 'place' && datum.label != ''"
    if only is not None:
        keep += " && indexof(" + repr(list(only)).replace("'", '"') + ", datum.place_id) >= 0"
    chart, text = voice.text(alt.Chart().transform_filter(keep), "label")
    offset = {k: alt.ExprRef(expr=f"datum.{k}") for k in ("dx", "dy", "align")}
    return [
        chart.mark_text(fontSize=font, color=INK, fontWeight="bold", **offset).encode(
            longitude="longitude:Q", latitude="latitude:Q", text=text
        )
    ]


def _notes(font: int, voice: Voice = ENGLISH) -> list[alt.Chart]:
    """The fixed labels (river and road names, the scale bar's text) and the scale bar's line."""
    chart, name = voice.text(alt.Chart().transform_filter("datum.layer == 'note'"), "name")
    text = chart.mark_text(align="left", fontSize=font, fontStyle="italic", color=MUTED).encode(
        longitude="longitude:Q", latitude="latitude:Q", text=name, color=alt.value(MUTED)
    )
    bar = (
        alt.Chart()
        .mark_line(color=INK, strokeWidth=2)
        .encode(longitude="longitude:Q", latitude="latitude:Q")
        .transform_filter("datum.layer == 'scale'")
    )
    return [bar, text]


def _projection(width: int, height: int, scale: float, centre: tuple[float, float] = CENTRE) -> dict:
    return {
        "type": "mercator",
        "center": list(centre),
        "scale": scale,
        "translate": [width / 2, height / 2],
        "clipExtent": [[0, 0], [width, height]],
    }


def _box(width: int, height: int, scale: float, centre) -> tuple[float, float, float, float]:
    """The lon/lat box a mercator map of this size, scale and centre shows (a little margin)."""
    half_lon = math.degrees(width / 2 / scale) * 1.1
    half_lat = math.degrees(height / 2 / scale) * math.cos(math.radians(centre[1])) * 1.1
    return centre[0] - half_lon, centre[1] - half_lat, centre[0] + half_lon, centre[1] + half_lat


def day_title(labels: list[str], day: str, voice: Voice = ENGLISH) -> alt.Chart:
    """The chosen day's label (``labels`` indexed by ``day``, a Vega expression of the day's index) in the map's top
    left corner, in either direction (a map wider than the column scrolls from its left edge: a label on the right
    would be out of sight)."""
    base = alt.Chart().transform_aggregate(rows="count()")
    base = base.transform_calculate(day_label=json.dumps(labels, ensure_ascii=False) + f"[{day}]")
    chart, text = voice.text(base, "day_label")
    return chart.mark_text(align="left", fontSize=15, color=INK, fontWeight="bold").encode(
        text=text, x=alt.value(8), y=alt.value(16)
    )


def control_map_slider(
    frame: pd.DataFrame, geography: pd.DataFrame, *, start: int | None = None, voice: Voice = ENGLISH
) -> alt.LayerChart:
    """One map with a day slider: the chart draws ``frame`` (:func:`wide_frame`) on the chosen day, over the map
    lines of ``geography`` (the Orontes, the M5, governorate boundaries)."""
    width, height, scale = 700, 480, 30000
    labels = _day_columns(frame, voice)[1]
    days = len(labels)
    day = alt.param(
        name="day",
        value=days - 1 if start is None else start,
        bind=alt.binding_range(min=0, max=days - 1, step=1, name=voice.word("Day ")),
    )
    chart = alt.layer(
        _outline(),
        *basemap(geography, _box(width, height, scale, HAMA_AREA), layers=("governorate", "river", "road")),
        _on_day(_points(110, voice=voice), frame, "day", voice),
        *_labels(12, voice=voice),  # named on every day: control_by_day gives every place a status each day
        *_notes(11, voice),
        day_title(labels, "day", voice),
        data=frame,
    )
    projection = _projection(width, height, scale, HAMA_AREA)
    return voice.finish(chart.add_params(day).project(**projection).properties(width=width, height=height))


def control_map_panels(frame: pd.DataFrame, geography: pd.DataFrame, columns: int = 5, voice: Voice = ENGLISH):
    """Small multiples: one panel per day of ``frame`` (:func:`wide_frame`; each row repeated for every day), for
    print and readers without scripts, each naming Hama, Rastan and Homs."""
    width, height, scale = 145, 175, 11000
    box = _box(width, height, scale, PANEL_AREA)
    labels = _day_columns(frame, voice)[1]
    chart = alt.layer(
        _outline(),
        *basemap(geography, box, layers=("river", "road"), scale=0.7),
        _points(34, legend=True, voice=voice),
        *_labels(10, only=PANEL_LABELS, voice=voice),
        data=frame,
    )
    projection = _projection(width, height, scale, PANEL_AREA)
    header = voice.header(labelColor=INK, labelFontSize=13)
    faceted = (
        chart.project(**projection)
        .properties(width=width, height=height)
        .facet(facet=alt.Facet("day_label:N", sort=labels, title=None, header=header), columns=columns)
        .transform_calculate(panel_day=json.dumps(list(range(len(labels)))))
        .transform_flatten(["panel_day"])
    )
    return voice.finish(_on_day(faceted, frame, "datum.panel_day", voice))


def front_distance_line(frame: pd.DataFrame, voice: Voice = ENGLISH) -> alt.Chart:
    """Distance from the nearest opposition-held mapped place to Damascus, by day."""
    base = alt.Chart(frame).encode(
        x=alt.X("day:T", title=voice.title("Day"), **voice.along(), **voice.axis(format="%d %b", tickCount="day")),
        y=alt.Y(
            "km:Q",
            title=voice.title("Kilometres to Damascus (great circle)"),
            scale=alt.Scale(zero=True),
            **voice.axis(rtl_orient="right"),
        ),
        tooltip=[voice.tooltip("day", "T", format="%d %b %Y"), voice.tooltip("km", "Q"), voice.tooltip("nearest", "N")],
    )
    line = base.mark_line(color=SIDE_COLOURS["opposition"], strokeWidth=2) + base.mark_point(
        color=SIDE_COLOURS["opposition"], filled=True, size=60
    )
    return voice.finish(line.properties(width="container", height=220))


def reports_per_day_bars(frame: pd.DataFrame, voice: Voice = ENGLISH) -> alt.Chart:
    """Reports of a change of hands per day, stacked by the side reported taking the place."""
    sides = ["opposition", "government"]
    chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X(
                "yearmonthdate(day):O",
                title=voice.title("Reported date"),
                **voice.along(),
                **voice.axis(format="%-d %b", labelAngle=0),
            ),
            y=alt.Y("reports:Q", title=voice.title("Reports of a change of hands"), **voice.axis(rtl_orient="right")),
            color=alt.Color(
                "taken_by_side:N",
                title=voice.title("Reported taken by"),
                scale=alt.Scale(domain=voice.domain(sides), range=[SIDE_COLOURS[s] for s in sides]),
                **voice.legend(),
            ),
            tooltip=[
                voice.tooltip("day", "T", format="%d %b %Y"),
                voice.tooltip("taken_by_side", "N"),
                voice.tooltip("reports", "Q"),
            ],
        )
        .properties(width="container", height=170)
    )
    return voice.finish(chart)


def battle_notes(voice: Voice = ENGLISH) -> pd.DataFrame:
    """The battle maps' fixed labels: the Orontes and the M5 named where they run, and a 10 km scale bar (its
    line at 35.25 N, its text above), as rows for :func:`map_frame`'s ``notes``."""
    west, east = scale_bar(36.12, 34.70, 10)
    rows = [
        ("note", voice.word("Orontes"), 35.335, 36.455),
        ("note", voice.word("M5 (schematic)"), 35.00, 36.78),
        ("scale", voice.word("10 km"), 34.70, west),
        ("scale", voice.word("10 km"), 34.70, east),
        ("note", voice.word("10 km (at 35° N)"), 34.725, west),
    ]
    return pd.DataFrame(rows, columns=["layer", "name", "latitude", "longitude"]).assign(place_id="", status="")
