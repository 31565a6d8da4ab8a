"""The campaign map: Syria from Idlib to Damascus and the other fronts, each city named with the date(s) it was
reported taken, a day slider and small multiples, over borders, coast, governorates, the Orontes and Euphrates and
the M5 and M4. Builders take the exact frame they draw (:func:`campaign_frame`); geography is basemap data."""

from __future__ import annotations

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
    """One row per place and day: ``reports`` (control reports with ``taken_by_side``: every report of a place
    taken) give the cities of CAMPAIGN_PLACES, shown from the first report on; ``fronts`` (events with ``category``
    in FRONT_WORDS) give the other fronts; ORIENTATION cities and the NOTES show on every day.
    Columns: layer, place_id, name, label, status, longitude, latitude, day, day_index, day_label, dx, dy, align,
    row_ids. Names, dates, statuses and notes are in the ``voice``'s words."""
    pl = places.set_index("place_id")
    pl["name"] = [voice.place(p, n) for p, n in zip(pl.index, pl["name"])]
    statuses = voice.domain(STATUSES)
    days = sorted(pd.to_datetime(list(days)))
    rows = []
    for place_id in CAMPAIGN_PLACES:
        taken = reports[reports["place_id"] == place_id]
        if taken.empty:
            continue
        first = taken["date"].min()
        side = taken.loc[taken["date"] == first, "taken_by_side"].iloc[0]
        status = statuses[0] if side == "opposition" else statuses[1]
        label = f"{pl.loc[place_id, 'name']} {voice.days(taken['date'])}"
        for day in days:
            rows.append(_row("place", place_id, pl, label, status if first <= day else statuses[2], day, taken))
    for place_id, events in fronts[~fronts["place_id"].isin(CAMPAIGN_PLACES)].groupby("place_id"):
        first = events["date"].min()
        what = voice.word("; ").join(
            f"{voice.word(FRONT_WORDS[c])} {voice.days(g['date'])}" for c, g in events.groupby("category", sort=False)
        )
        label = f"{pl.loc[place_id, 'name']}: {what}"
        for day in days:
            if first <= day:
                rows.append(_row("place", place_id, pl, label, statuses[3], day, events, key="event_id"))
    for place_id in ORIENTATION:
        for day in days:
            rows.append(_row("place", place_id, pl, pl.loc[place_id, "name"], statuses[4], day, None))
    west, east = scale_bar(39.9, 32.55, 100)
    notes = [(voice.word(n), lon, lat) for n, lon, lat in (*NOTES, ("100 km (at 33° N)", (west + east) / 2, 32.68))]
    for day in days:
        for name, lon, lat in notes:
            rows.append({"layer": "note", "name": name, "label": name, "longitude": lon, "latitude": lat, "day": day})
        for lon in (west, east):
            rows.append({"layer": "scale", "name": voice.word("100 km"), "label": "", "longitude": lon,
                         "latitude": 32.55, "day": day})  # fmt: skip
    frame = pd.DataFrame(rows)
    index = {d: i for i, d in enumerate(days)}
    frame["day_index"] = frame["day"].map(index).astype(int)
    frame["day_label"] = frame["day"].map(voice.day)
    columns = ["layer", "place_id", "name", "label", "status", "longitude", "latitude", "day", "day_index"]
    return frame[[*columns, "day_label", "dx", "dy", "align", "row_ids"]].fillna(
        {"place_id": "", "status": "", "dx": 0, "dy": 0, "align": "left", "row_ids": ""}
    )


def _row(layer, place_id, pl, label, status, day, rows, key="change_id") -> dict:
    dx, dy, align = OFFSETS.get(place_id, (7, 4, "left"))
    return {
        "layer": layer,
        "place_id": place_id,
        "name": pl.loc[place_id, "name"],
        "label": label,
        "status": status,
        "longitude": float(pl.loc[place_id, "longitude"]),
        "latitude": float(pl.loc[place_id, "latitude"]),
        "day": day,
        "dx": dx,
        "dy": dy,
        "align": align,
        "row_ids": "" if rows is None else " ".join(rows[key]),
    }


PANEL_NAMES = ("aleppo", "hama", "homs", "damascus", "daraa", "deir-ez-zor", "palmyra")  # named in the small maps


def _layers(size: int, font: int, labelled: str, legend: bool = True, only=None, voice: Voice = ENGLISH) -> list:
    legend_def = (
        voice.legend(orient="bottom", direction="horizontal", columns=3, title=None)["legend"] if legend else None
    )
    statuses = voice.domain(STATUSES)
    points = (
        alt.Chart()
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
    labels = []
    for dx, dy, align in sorted({(7, 4, "left"), *OFFSETS.values()}):
        keep = (
            f"datum.layer == 'place' && datum.status != '{statuses[2]}' && datum.dx == {dx} && datum.dy == {dy}"
            f" && datum.align == '{align}'"
            + ("" if only is None else " && indexof(" + repr(list(only)).replace("'", '"') + ", datum.place_id) >= 0")
        )
        chart, text = voice.text(alt.Chart().transform_filter(keep), labelled)
        labels.append(
            chart.mark_text(align=align, dx=dx, dy=dy, fontSize=font, color=INK, fontWeight="bold").encode(
                longitude="longitude:Q", latitude="latitude:Q", text=text
            )
        )
    chart, text = voice.text(alt.Chart().transform_filter("datum.layer == 'note'"), "label")
    notes = chart.mark_text(align="center", fontSize=font, fontStyle="italic", color=MUTED).encode(
        longitude="longitude:Q", latitude="latitude:Q", text=text
    )
    bar = (
        alt.Chart()
        .mark_line(color=INK, strokeWidth=2)
        .encode(longitude="longitude:Q", latitude="latitude:Q", detail="day_index:N")
        .transform_filter("datum.layer == 'scale'")
    )
    return [points, *labels, notes, bar]


def _outline() -> alt.Chart:
    return alt.Chart(alt.Data(values=[country_outline("760")])).mark_geoshape(fill="#f2efe9", stroke=None, aria=False)


def _projection(width, height, scale, centre=CENTRE) -> dict:
    return {"type": "mercator", "center": list(centre), "scale": scale, "translate": [width / 2, height / 2],
            "clipExtent": [[0, 0], [width, height]]}  # fmt: skip


def _box(width, height, scale, centre=CENTRE):
    half_lon = math.degrees(width / 2 / scale) * 1.1
    half_lat = math.degrees(height / 2 / scale) * math.cos(math.radians(centre[1])) * 1.1
    return centre[0] - half_lon, centre[1] - half_lat, centre[0] + half_lon, centre[1] + half_lat


def campaign_slider(frame: pd.DataFrame, geography: pd.DataFrame, voice: Voice = ENGLISH) -> alt.LayerChart:
    """The whole of Syria with a day slider (starting on the last day): cities as the reports have them taken."""
    days = int(frame["day_index"].max()) + 1
    day = alt.param(
        name="day", value=days - 1, bind=alt.binding_range(min=0, max=days - 1, step=1, name=voice.word("Day "))
    )
    by_day = "datum.day_index == day"
    chart = alt.layer(
        _outline(),
        *basemap(geography, _box(WIDTH, HEIGHT, SCALE)),
        *(layer.transform_filter(by_day) for layer in _layers(90, 11, "label", voice=voice)),
        day_title(by_day, voice),
        data=frame,
    )
    projection = _projection(WIDTH, HEIGHT, SCALE)
    return voice.finish(chart.add_params(day).project(**projection).properties(width=WIDTH, height=HEIGHT))


def campaign_panels(
    frame: pd.DataFrame, geography: pd.DataFrame, shown: list[str], columns: int = 3, voice: Voice = ENGLISH
):
    """Small multiples, one per day of ``shown`` (day labels; ``frame`` holds those days only), for print and
    readers without scripts: each city named once it is reported taken."""
    width, height, scale = 215, 190, 1650
    chart = alt.layer(
        _outline(),
        *basemap(geography, _box(width, height, scale), layers=("border", "coast", "river", "road"), scale=0.6),
        *_layers(28, 10, "name", legend=True, only=PANEL_NAMES, voice=voice),
        data=frame,
    )
    header = voice.header(labelFontSize=13)
    return voice.finish(
        chart.project(**_projection(width, height, scale))
        .properties(width=width, height=height)
        .facet(facet=alt.Facet("day_label:N", sort=list(shown), title=None, header=header), columns=columns)
    )
