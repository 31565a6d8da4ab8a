"""The corridor map: the M5 from Hama south to Homs, with the Orontes, the Rastan bridge and the governorate line,
each town named with the date(s) it was reported taken and each leg of the road with its length and the days
between the captures at its ends; beside it, an overview of the road on to Damascus.

Builders take the exact frame they draw (:func:`corridor_frame`); geography is basemap data.
"""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from .geo import scale_bar
from .maps import basemap
from .theme import INK, MUTED, SIDE_COLOURS
from .voice import ENGLISH, Voice

# The two panels: the corridor (Hama to Homs, with Qusayr and Salamiyah), and the overview on to Damascus.
# Each: centre (lon, lat), mercator scale, width, height.
PANELS = {
    "corridor": ((36.78, 34.835), 22700, 340, 330),
    "overview": ((36.52, 34.30), 8300, 215, 330),
}
# Places each panel names (place ids), and where each name sits beside its point (dx, dy, align).
PLACES = {
    "corridor": {
        "hama": (7, 2, "left"),
        "hama-military-airport": (-7, 12, "right"),
        "salamiyah": (0, -11, "center"),
        "rastan": (7, 6, "left"),
        "talbiseh": (7, 4, "left"),
        "homs": (7, 4, "left"),
        "qusayr": (7, -4, "left"),
    },
    "overview": {
        "hama": (-7, 0, "right"),
        "homs": (-7, 0, "right"),
        "damascus": (0, 16, "center"),
    },
}
TWO_LINES = ("hama-military-airport",)  # names long enough to put their dates on a second line
# The legs of the road each panel measures (place ids, north to south), and where their text sits.
LEGS = {
    "corridor": {("hama", "rastan"): (-9, 0, "right"), ("rastan", "homs"): (-9, 0, "right")},
    "overview": {("hama", "homs"): (-9, 0, "right"), ("homs", "damascus"): (9, 0, "left")},
}
BRIDGE_OFFSET = (-12, -24, "right")
BRIDGE_TEXT = "#a34700"  # the bridge's orange, darkened for text (contrast 5.6:1 on white)
# Fixed names (panel, text, lon, lat, align) and the scale bars (panel, km, west end lon, lat).
NOTES = (
    ("corridor", "Orontes", 36.675, 35.152, "right"),
    ("corridor", "M5 (schematic)", 36.74, 34.6, "left"),
    ("corridor", "HAMA\nGOVERNORATE", 37.1, 34.972, "center"),
    ("corridor", "HOMS\nGOVERNORATE", 36.47, 34.79, "center"),
    ("overview", "LEBANON", 36.12, 34.25, "center"),
    ("overview", "M5", 36.66, 33.85, "center"),
)
SCALES = (("corridor", 10, 36.98, 34.57), ("overview", 25, 36.72, 33.42))
KINDS = ("town or city: the date(s) reported taken", "the Rastan bridge: dates struck and crossed")
KIND_COLOURS = (SIDE_COLOURS["opposition"], SIDE_COLOURS["government"])
KIND_SHAPES = ("circle", "diamond")
COLUMNS = ["panel", "layer", "place_id", "name", "label", "kind", "longitude", "latitude", "seq", "dx", "dy"]


def day_label(days, voice: Voice = ENGLISH) -> str:
    """'5 Dec, 6 Dec' from the distinct dates; 'no report' when there are none (in the ``voice``'s words)."""
    days = sorted(set(pd.to_datetime(list(days))))
    return voice.days(days) if days else voice.word("no report")


def days_text(low, high) -> str:
    """'1 day', '2–3 days', 'same day', 'no date' (a leg whose end has no dated report)."""
    if pd.isna(low) or pd.isna(high):
        return "no date"
    low, high = int(low), int(high)
    if low == high:
        return "same day" if low == 0 else f"{_signed(low)} day{'' if abs(low) == 1 else 's'}"
    return f"{low}–{high} days" if low >= 0 else f"{_signed(low)} to {_signed(high)} days"


def _signed(n: int) -> str:
    """A whole number with a true minus sign (a capture reported before the one north of it)."""
    return f"\u2212{abs(n)}" if n < 0 else str(n)


def leg_text(km, low, high, voice: Voice = ENGLISH, days=days_text) -> str:
    """'23 km · 1 day': a leg's great-circle length and the days between its captures (``days`` writes them)."""
    unit = voice.word("km")
    length = f"? {unit}" if pd.isna(km) else f"{round(float(km))} {unit}"
    return f"{length} · {days(low, high)}"


def corridor_frame(
    reports: pd.DataFrame,
    bridge: pd.DataFrame,
    places: pd.DataFrame,
    legs: pd.DataFrame,
    bridge_at,
    voice: Voice = ENGLISH,
    days=days_text,
) -> pd.DataFrame:
    """The drawn frame: per panel, the places of PLACES (layer 'place', each named with every date a report in
    ``reports`` gives for its capture), the legs of LEGS at the middle of the road between their ends (layer 'leg',
    from ``legs``: :func:`hamabook.rows.control.capture_legs` with a ``panel`` column), the Rastan bridge at
    ``bridge_at`` (lon, lat) named with the dates of ``bridge`` (events with ``category``: strikes and the crossing),
    the NOTES, the scale bars (layer 'scale') and, in the overview, the corridor panel's outline (layer 'box').
    Columns: COLUMNS plus align and row_ids. Names, dates and notes are in the ``voice``'s words, the days of a leg
    as ``days`` writes them."""
    pl = places.set_index("place_id")
    pl["name"] = [voice.place(p, n) for p, n in zip(pl.index, pl["name"])]
    kinds = voice.domain(KINDS)
    rows = []
    for panel, named in PLACES.items():
        for place_id, (dx, dy, align) in named.items():
            if place_id not in pl.index or pd.isna(pl.loc[place_id, "latitude"]):
                continue
            taken = reports[reports["place_id"] == place_id]
            name = str(pl.loc[place_id, "name"])
            label = f"{name}{chr(10) if place_id in TWO_LINES else ' '}{day_label(taken['date'], voice)}"
            rows.append(_row(panel, "place", place_id, name, label, kinds[0],
                             pl.loc[place_id, "longitude"], pl.loc[place_id, "latitude"], dx, dy, align,
                             taken["change_id"]))  # fmt: skip
        for leg in legs[legs["panel"] == panel].itertuples():
            if not {leg.from_id, leg.to_id} <= set(pl.index):
                continue
            dx, dy, align = LEGS[panel][(leg.from_id, leg.to_id)]
            ends = pl.loc[[leg.from_id, leg.to_id], ["longitude", "latitude"]].astype(float).mean()
            text = leg_text(leg.km, leg.days_min, leg.days_max, voice, days)
            rows.append(_row(panel, "leg", "", f"{leg.from_id}–{leg.to_id}", text, "", ends.longitude, ends.latitude,
                             dx, dy, align, leg.change_ids.split()))  # fmt: skip
    struck = bridge[bridge["category"] != "bridge_crossing"]
    crossed = bridge[bridge["category"] == "bridge_crossing"]
    bridge_name = voice.word("Rastan bridge")
    label = (
        f"{bridge_name}\n{voice.word('struck')} {day_label(struck['date'], voice)}"
        f"\n{voice.word('crossed')} {day_label(crossed['date'], voice)}"
    )
    rows.append(_row("corridor", "bridge", "rastan-bridge", bridge_name, label, kinds[1], *bridge_at,
                     *BRIDGE_OFFSET, bridge["event_id"]))  # fmt: skip
    for panel, text, lon, lat, align in NOTES:
        rows.append(_row(panel, "note", "", voice.word(text), voice.word(text), "", lon, lat, 0, 0, align, []))
    unit = voice.word("km")
    for panel, km, west, lat in SCALES:
        east = scale_bar(west, lat, km)[1]
        at = voice.word("(at {lat}° N)").format(lat=f"{lat:.1f}")
        rows.append(_row(panel, "note", "", f"{km} {unit}", f"{km} {unit}\n{at}", "", (west + east) / 2,
                         lat, 0, -22, "center", []))  # fmt: skip
        for seq, lon in enumerate((west, east)):
            rows.append(_row(panel, "scale", "", f"{km} {unit}", "", "", lon, lat, 0, 0, "center", [], seq))
    west, south, east, north = panel_box("corridor", margin=1.0)
    corners = ((west, south), (east, south), (east, north), (west, north), (west, south))
    for seq, (lon, lat) in enumerate(corners):
        rows.append(_row("overview", "box", "", "corridor map", "", "", lon, lat, 0, 0, "center", [], seq))
    return pd.DataFrame(rows)[[*COLUMNS, "align", "row_ids"]]


def _row(panel, layer, place_id, name, label, kind, lon, lat, dx, dy, align, ids, seq=0) -> dict:
    return {"panel": panel, "layer": layer, "place_id": place_id, "name": name, "label": label, "kind": kind,
            "longitude": round(float(lon), 4), "latitude": round(float(lat), 4), "seq": seq, "dx": dx, "dy": dy,
            "align": align, "row_ids": " ".join(ids)}  # fmt: skip


def panel_box(panel: str, margin: float = 1.1) -> tuple[float, float, float, float]:
    """The lon/lat box (west, south, east, north) a panel shows (times ``margin``)."""
    (lon, lat), scale, width, height = PANELS[panel]
    half_lon = math.degrees(width / 2 / scale) * margin
    half_lat = math.degrees(height / 2 / scale) * math.cos(math.radians(lat)) * margin
    return lon - half_lon, lat - half_lat, lon + half_lon, lat + half_lat


def _text(panel: str, layer: str, font: int, offsets, voice: Voice = ENGLISH, **style) -> list:
    """One text layer per offset (Vega-Lite cannot take an offset from data)."""
    charts = []
    for dx, dy, align in sorted(set(offsets)):
        keep = f"datum.panel == '{panel}' && datum.layer == '{layer}' && datum.dx == {dx} && datum.dy == {dy}"
        chart, text = voice.text(alt.Chart().transform_filter(f"{keep} && datum.align == '{align}'"), "label")
        charts.append(
            chart.mark_text(align=align, dx=dx, dy=dy, fontSize=font, lineBreak="\n", **style).encode(
                longitude="longitude:Q", latitude="latitude:Q", text=text
            )
        )
    return charts


def _panel(frame: pd.DataFrame, geography: pd.DataFrame, panel: str, voice: Voice = ENGLISH) -> alt.LayerChart:
    (lon, lat), scale, width, height = PANELS[panel]
    here = f"datum.panel == '{panel}'"
    # Both panels define the same legend: with shared scales, one legend is drawn (and no conflict warned).
    legend_def = voice.legend(orient="bottom", direction="horizontal", title=None, labelLimit=0, offset=4)["legend"]
    kinds = voice.domain(KINDS)
    points = (
        alt.Chart()
        .mark_point(filled=True, opacity=1, stroke="white", strokeWidth=0.8)
        .encode(
            longitude="longitude:Q",
            latitude="latitude:Q",
            color=alt.Color("kind:N", scale=alt.Scale(domain=kinds, range=list(KIND_COLOURS)), legend=legend_def),
            shape=alt.Shape("kind:N", scale=alt.Scale(domain=kinds, range=list(KIND_SHAPES)), legend=legend_def),
            size=alt.value(90 if panel == "corridor" else 60),
            tooltip=[voice.tooltip("label", "N"), voice.tooltip("row_ids", "N")],
        )
        .transform_filter(f"{here} && (datum.layer == 'place' || datum.layer == 'bridge')")
    )
    frame_here = frame[frame["panel"] == panel]
    # The scale bar and the overview's outline of the corridor panel: drawn lines a screen reader skips (the
    # scale bar's text says what it is); a layer with no row in this panel is left out.
    lines = [
        alt.Chart()
        .mark_line(color=colour, strokeWidth=width_, strokeDash=dash, aria=False)
        .encode(longitude="longitude:Q", latitude="latitude:Q", order="seq:Q")
        .transform_filter(f"{here} && datum.layer == '{layer}'")
        for layer, colour, width_, dash in (("scale", INK, 2, [1, 0]), ("box", MUTED, 1, [4, 2]))
        if (frame_here["layer"] == layer).any()
    ]
    offsets = {layer: list(zip(*(frame_here.loc[frame_here["layer"] == layer, c] for c in ("dx", "dy", "align"))))
               for layer in ("place", "leg", "bridge", "note")}  # fmt: skip
    texts = [
        *_text(panel, "note", 11, offsets["note"], voice, fontStyle="italic", color=MUTED),
        *_text(panel, "leg", 11, offsets["leg"], voice, fontStyle="italic", color=INK),
        *_text(panel, "place", 12, offsets["place"], voice, fontWeight="bold", color=INK),
        *_text(panel, "bridge", 11, offsets["bridge"], voice, fontWeight="bold", color=BRIDGE_TEXT),
    ]
    # The overview leaves out the governorate lines: the corridor panel draws the one the road crosses.
    layers = ("governorate", "border", "river", "road") if panel == "corridor" else ("border", "river", "road")
    chart = alt.layer(
        *basemap(geography, panel_box(panel), layers=layers, scale=1.0 if panel == "corridor" else 0.7),
        *lines,
        points,
        *texts,
    )
    projection = {"type": "mercator", "center": [lon, lat], "scale": scale, "translate": [width / 2, height / 2],
                  "clipExtent": [[0, 0], [width, height]]}  # fmt: skip
    title = voice.title("Hama to Homs" if panel == "corridor" else "On to Damascus")
    anchor = {"anchor": "end"} if voice.rtl else {}
    return chart.project(**projection).properties(
        width=width, height=height, title=alt.Title(title, offset=2, **anchor)
    )


def corridor_map(frame: pd.DataFrame, geography: pd.DataFrame, voice: Voice = ENGLISH) -> alt.HConcatChart:
    """The corridor (Hama to Homs) beside the overview (Hama to Damascus), one static drawing; read right to left,
    the corridor stands on the right."""
    panels = [_panel(frame, geography, "corridor", voice), _panel(frame, geography, "overview", voice)]
    chart = alt.hconcat(*(panels[::-1] if voice.rtl else panels), data=frame, spacing=14)
    return voice.finish(chart.resolve_scale(color="shared", shape="shared"))
