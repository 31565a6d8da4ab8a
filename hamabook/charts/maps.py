"""Map chart builders: control of places day by day, over Syria's outline.

Each builder takes the exact frame it draws (one row per place and day, plus orientation rows for the main
cities) so :func:`hamabook.output.figure.figure` can offer that frame as the figure's data. The only other
data a layer carries is the country outline (a geoshape basemap).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from .geo import country_outline
from .theme import INK, MUTED, SIDE_COLOURS

# Statuses a place can have on a day, in legend order, with their colours.
STATUSES = ("opposition", "government", "contested", "no report")
STATUS_COLOURS = (SIDE_COLOURS["opposition"], SIDE_COLOURS["government"], "#E69F00", "#bbbbbb")
# The Hama-to-Damascus corridor: centre (lon, lat) of the zoomed maps.
CENTRE = (36.75, 34.85)


def _outline() -> alt.Chart:
    return alt.Chart(alt.Data(values=[country_outline("760")])).mark_geoshape(
        fill="#f2efe9", stroke="#8a8a8a", strokeWidth=1, aria=False
    )


def _layers(width: int, height: int, size: int, font: int):
    """Points coloured by status and labels of the orientation cities (both from the top-level data)."""
    points = (
        alt.Chart()
        .mark_point(filled=True, opacity=0.9)
        .encode(
            longitude="longitude:Q",
            latitude="latitude:Q",
            color=alt.Color(
                "status:N",
                title="Reported holder",
                scale=alt.Scale(domain=list(STATUSES), range=list(STATUS_COLOURS)),
                legend=alt.Legend(orient="bottom", direction="horizontal"),
            ),
            shape=alt.Shape(
                "status:N",
                title="Reported holder",
                scale=alt.Scale(domain=list(STATUSES), range=["circle", "square", "diamond", "cross"]),
                legend=alt.Legend(orient="bottom", direction="horizontal"),  # merges with the colour legend
            ),
            size=alt.value(size),
            tooltip=["name:N", "day_label:N", "status:N", "last_change_ids:N"],
        )
        .transform_filter("datum.layer == 'place'")
    )
    cities = (
        alt.Chart()
        .mark_point(shape="triangle-up", filled=True, color=INK, size=size)
        .encode(longitude="longitude:Q", latitude="latitude:Q")
        .transform_filter("datum.layer == 'city'")
    )
    labels = (
        alt.Chart()
        .mark_text(align="left", dx=6, dy=-4, fontSize=font, color=INK, fontWeight="bold")
        .encode(longitude="longitude:Q", latitude="latitude:Q", text="name:N")
        .transform_filter("datum.layer == 'city'")
    )
    return points, cities, labels


HAMA_AREA = (36.66, 35.06)  # longitude, latitude the zoomed battle map centres on (between Hama and Homs)


def _projection(width: int, height: int, scale: float, centre: tuple[float, float] = CENTRE) -> dict:
    return {
        "type": "mercator",
        "center": list(centre),
        "scale": scale,
        "translate": [width / 2, height / 2],
        "clipExtent": [[0, 0], [width, height]],
    }


def control_map_slider(frame: pd.DataFrame, *, start: int | None = None) -> alt.LayerChart:
    """One map with a day slider: the chart draws ``frame`` filtered to the chosen ``day_index``."""
    width, height, scale = 640, 440, 21000
    days = int(frame["day_index"].max()) + 1
    day = alt.param(
        name="day",
        value=days - 1 if start is None else start,
        bind=alt.binding_range(min=0, max=days - 1, step=1, name="Day "),
    )
    points, cities, labels = _layers(width, height, 90, 12)
    by_day = "datum.day_index == day"
    title = (
        alt.Chart()
        .mark_text(align="left", fontSize=13, color=INK, fontWeight="bold")
        .encode(text="day_label:N", x=alt.value(8), y=alt.value(14))
        .transform_filter(by_day)
        .transform_aggregate(rows="count()", groupby=["day_label"])
    )
    chart = alt.layer(
        _outline(),
        points.transform_filter(by_day),
        cities.transform_filter(by_day),
        labels.transform_filter(by_day),
        title,
        data=frame,
    )
    projection = _projection(width, height, scale, HAMA_AREA)
    return chart.add_params(day).project(**projection).properties(width=width, height=height)


def control_map_panels(frame: pd.DataFrame, order: list[str], columns: int = 5) -> alt.FacetChart:
    """Small multiples: one panel per day (``day_label`` in ``order``), for print and readers without scripts."""
    width, height, scale = 120, 135, 2400
    points, cities, labels = _layers(width, height, 22, 8)
    chart = alt.layer(_outline(), points, cities, labels, data=frame)
    projection = _projection(width, height, scale)
    return (
        chart.project(**projection)
        .properties(width=width, height=height)
        .facet(
            facet=alt.Facet("day_label:N", sort=order, title=None, header=alt.Header(labelColor=MUTED)), columns=columns
        )
    )


def front_distance_line(frame: pd.DataFrame) -> alt.Chart:
    """Distance from the nearest opposition-held mapped place to Damascus, by day."""
    base = alt.Chart(frame).encode(
        x=alt.X("day:T", title="Day", axis=alt.Axis(format="%d %b", tickCount="day")),
        y=alt.Y("km:Q", title="Kilometres to Damascus (great circle)", scale=alt.Scale(zero=True)),
        tooltip=[alt.Tooltip("day:T", format="%d %b %Y"), "km:Q", "nearest:N"],
    )
    line = base.mark_line(color=SIDE_COLOURS["opposition"], strokeWidth=2) + base.mark_point(
        color=SIDE_COLOURS["opposition"], filled=True, size=60
    )
    return line.properties(width="container", height=260)


def reports_per_day_bars(frame: pd.DataFrame) -> alt.Chart:
    """Reports of a change of hands per day, stacked by the side reported taking the place."""
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X("yearmonthdate(day):O", title="Reported date", axis=alt.Axis(format="%-d %b", labelAngle=0)),
            y=alt.Y("reports:Q", title="Reports of a change of hands"),
            color=alt.Color(
                "taken_by_side:N",
                title="Reported taken by",
                scale=alt.Scale(
                    domain=["opposition", "government"], range=[SIDE_COLOURS["opposition"], SIDE_COLOURS["government"]]
                ),
            ),
            tooltip=[alt.Tooltip("day:T", format="%d %b %Y"), "taken_by_side:N", "reports:Q"],
        )
        .properties(width="container", height=190)
    )
