"""The campaign map and the geography of the corridor: section functions any page can call (the military chapter,
the eleven days). Each loads what it reads and returns a Section holding its figures.

Every place's dates come from the control reports (control changes and capture events, ``rows.control``); the
lines from ``data/geography.csv``; coordinates from ``places.csv``.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..charts import campaign, corridor, theme
from ..charts.geo import line_crossings
from ..charts.voice import ENGLISH, Voice
from ..data import load
from ..output import prose
from ..output.figure import figure
from ..rows.control import capture_legs, control_reports, deciding, with_sides
from .page import Section

FIRST_DAY, LAST_DAY = "2024-11-27", "2024-12-08"
PANEL_DAYS = ("2024-11-29", "2024-11-30", "2024-12-05", "2024-12-06", "2024-12-07", "2024-12-08")


@dataclass(frozen=True)
class Tables:
    places: pd.DataFrame
    events: pd.DataFrame
    figures: pd.DataFrame
    geography: pd.DataFrame
    reports: pd.DataFrame  # deciding control reports (changes and capture events) with the side of the taker
    fronts: pd.DataFrame  # events of the other fronts (campaign.FRONT_WORDS)


def tables() -> Tables:
    changes, events, actors = load("control_changes"), load("events"), load("actors")
    reports = with_sides(deciding(control_reports(changes, events)), actors)
    places = load("places")
    window = events["date"].between(FIRST_DAY, LAST_DAY)
    # A front is drawn at its place: events at a place without coordinates (Mount Hermon) cannot be.
    mapped = events["place_id"].isin(places.loc[places["latitude"].notna(), "place_id"])
    fronts = events[window & events["category"].isin(campaign.FRONT_WORDS) & mapped]
    return Tables(
        places=places,
        events=events,
        figures=load("figures"),
        geography=load("geography"),
        reports=reports[reports["taken_by_side"].isin(["opposition", "other"])],
        fronts=fronts,
    )


def _line_sources(geography: pd.DataFrame, layers) -> list[str]:
    return list(dict.fromkeys(geography.loc[geography["layer"].isin(layers), "source_id"]))


@dataclass(frozen=True)
class Campaign:
    """What the campaign maps draw: the frame (one row per place; the maps pick each day's statuses) and its
    ``days``, the small maps' days (their labels ``shown``), each city's first reported day (place_id -> date, in
    order), the cities whose reports disagree, the sources."""

    frame: pd.DataFrame
    days: pd.DatetimeIndex
    shown: list[str]
    firsts: pd.Series
    split: list[str]
    sources: list[str]


def campaign_rows(t: Tables, voice: Voice = ENGLISH) -> Campaign:
    """The campaign maps' rows, in the ``voice``'s words: the control reports of the cities the map follows, the
    other fronts' events, and the sources of the coordinates, reports and lines drawn."""
    days = pd.date_range(FIRST_DAY, LAST_DAY, freq="D")
    frame = campaign.campaign_frame(t.reports, t.fronts, t.places, days, voice)
    shown = [voice.day(d) for d in pd.to_datetime(list(PANEL_DAYS))]
    taken = t.reports[t.reports["place_id"].isin(campaign.CAMPAIGN_PLACES)]
    firsts = taken.groupby("place_id")["date"].min().sort_values()
    disputed = taken.groupby("place_id")["date"].nunique()
    row_ids = set(" ".join(frame["row_ids"]).split())
    sources = [
        *t.places.loc[t.places["place_id"].isin(frame["place_id"]), "coord_source_id"].dropna().unique(),
        *dict.fromkeys(
            pd.concat([t.reports.set_index("change_id")["source_id"], t.events.set_index("event_id")["source_id"]]).loc[
                lambda s: s.index.isin(row_ids)
            ]
        ),
        *_line_sources(t.geography, ["border", "coast", "governorate", "river", "road"]),
    ]
    split = [p for p in disputed.index if disputed[p] > 1]
    return Campaign(frame, days, shown, firsts, split, list(dict.fromkeys(sources)))


def campaign_map(t: Tables | None = None, prefix: str = "campaign") -> Section:
    """The whole campaign on one map (slider) and in six small maps; names ``<prefix>-map`` and
    ``<prefix>-map-panels``."""
    theme.apply()
    t = t or tables()
    c = campaign_rows(t)
    frame, shown, firsts, sources = c.frame, c.shown, c.firsts, c.sources
    names = t.places.set_index("place_id")["name"]
    order = " → ".join(f"{names[p]} ({prose.fmt_date(d)})" for p, d in firsts.items())
    split = [names[p] for p in c.split]
    caption = (
        f"The advance as the reports date it: {order}. Each city is named with every date a report gives for its "
        f"capture; reports disagree for {prose.join_words(split)}. Away from the M5, the other fronts are named "
        "with what was reported there. The M5 and M4 are schematic (straight between the cities a cited page names "
        "on them); rivers from World Data Bank II, borders, coast and governorate boundaries from Natural Earth."
    )
    took = prose.join_words(names[list(firsts.index)])
    alt_text = (
        "Map of Syria with its borders with Turkey, Iraq, Jordan, Lebanon and the Golan line, the coast, the "
        "governorate boundaries, the Orontes and Euphrates rivers and the M5 and M4 roads; each city the offensive "
        f"took is a point named with the date or dates reported for its capture ({took}), "
        "and the other fronts are marked with what was reported there."
    )
    s = Section()
    s.add(
        f"{prefix}-map",
        figure(
            f"{prefix}-map",
            campaign.campaign_slider(frame, t.geography, c.days),
            frame,
            caption=caption,
            alt_text=alt_text + " A slider picks the day.",
            sources=sources,
        ),
    )
    s.add(
        f"{prefix}-map-panels",
        figure(
            f"{prefix}-map-panels",
            campaign.campaign_panels(frame, t.geography, c.days, shown),
            frame,
            caption=caption,
            alt_text=alt_text + f" Six small maps: {', '.join(shown)}.",
            sources=sources,
        ),
    )
    return s


# The corridor: the stops the caption follows down the M5 (place ids, north to south), the place of the bridge
# that carries the M5 over the Orontes, and the event categories of its reports (strikes, the crossing).
ROUTE = ("hama", "rastan", "homs", "damascus")
BRIDGE_PLACE = "rastan"
BRIDGE_CATEGORIES = ("airstrike", "ally_air_strike", "bridge_crossing")


def _on(dates, conjunction: str = "or") -> str:
    """'5 December', '7 or 8 December', 'no date' (every distinct reported date, in order)."""
    days = sorted(set(pd.to_datetime(list(dates))))
    if not days:
        return "no date"
    if len({d.month for d in days}) == 1:
        return f"{prose.join_words([d.day for d in days], conjunction)} {days[0]:%B}"
    return prose.join_words([f"{d.day} {d:%B}" for d in days], conjunction)


def _corridor_caption(t: Tables, legs: pd.DataFrame, bridge: pd.DataFrame) -> str:
    names = t.places.set_index("place_id")["name"]
    leg = legs.set_index(["from_id", "to_id"])

    def taken(place_id: str) -> str:
        return f"{names[place_id]} ({_on(t.reports.loc[t.reports['place_id'] == place_id, 'date'])})"

    def km(a: str, b: str) -> str:
        return corridor.leg_text(leg.loc[(a, b), "km"], 0, 0).split(" · ")[0]

    def days(a: str, b: str) -> str:
        return corridor.days_text(leg.loc[(a, b), "days_min"], leg.loc[(a, b), "days_max"])

    chain = taken(ROUTE[0]) + "".join(f" → {km(a, b)}, {days(a, b)} → {taken(b)}" for a, b in zip(ROUTE, ROUTE[1:]))
    struck = bridge[bridge["category"] != "bridge_crossing"]
    return (
        f"Down the M5: {chain}. The {km('hama', 'homs')} from Hama to Homs took {days('hama', 'homs')}; the "
        f"{km('homs', 'damascus')} on to Damascus, {days('homs', 'damascus')}. Great-circle km between the "
        "coordinates in places.csv; days between reported capture dates. The M5 is schematic; the Rastan bridge "
        f"(struck {_on(struck['date'], 'and')}, {prose.plural(len(struck), 'report')}) is drawn where it crosses "
        "the Orontes."
    )


@dataclass(frozen=True)
class Corridor:
    """What the corridor map draws: its frame, the capture legs (great-circle km and days between captures), the
    reports of the Rastan bridge (struck, crossed), the sources."""

    frame: pd.DataFrame
    legs: pd.DataFrame
    bridge: pd.DataFrame
    sources: list[str]


def corridor_rows(t: Tables, voice: Voice = ENGLISH, days=corridor.days_text) -> Corridor:
    """The corridor map's rows, in the ``voice``'s words (``days`` writing the days of a leg): the capture legs of
    the route and of each panel, the bridge where the M5 crosses the Orontes nearest Rastan, and the sources of the
    coordinates, reports and lines drawn."""
    pairs = {*zip(ROUTE, ROUTE[1:]), *(p for legs in corridor.LEGS.values() for p in legs)}
    legs = capture_legs(t.reports, t.places, sorted(pairs))
    drawn = pd.concat(
        [
            legs.set_index(["from_id", "to_id"]).loc[list(corridor.LEGS[p])].reset_index().assign(panel=p)
            for p in corridor.LEGS
        ]  # fmt: skip
    )
    events = t.events
    bridge = events[(events["place_id"] == BRIDGE_PLACE) & events["category"].isin(BRIDGE_CATEGORIES)]
    bridge = bridge.sort_values(["date", "event_id"])
    rastan = t.places.set_index("place_id").loc[BRIDGE_PLACE, ["longitude", "latitude"]].astype(float)
    crossings = line_crossings(t.geography, "m5", "orontes")
    if not crossings:
        raise LookupError("the M5 and the Orontes of data/geography.csv do not cross: no place for the bridge")
    at = min(crossings, key=lambda p: (p[0] - rastan.longitude) ** 2 + (p[1] - rastan.latitude) ** 2)
    frame = corridor.corridor_frame(t.reports, bridge, t.places, drawn, at, voice, days)
    row_ids = set(" ".join(frame["row_ids"]).split())
    reported = pd.concat([t.reports.set_index("change_id")["source_id"], events.set_index("event_id")["source_id"]])
    sources = [
        *t.places.loc[t.places["place_id"].isin(frame["place_id"]), "coord_source_id"].dropna().unique(),
        *dict.fromkeys(reported[reported.index.isin(row_ids)]),
        *_line_sources(t.geography, ["border", "governorate", "river", "road"]),
    ]
    return Corridor(frame, legs, bridge, list(dict.fromkeys(sources)))


def corridor_map(t: Tables | None = None, prefix: str = "military") -> Section:
    """The corridor: the M5 from Hama to Homs, the Orontes and the Rastan bridge, each town named with the
    date(s) it was reported taken, and the road on to Damascus; names ``<prefix>-corridor-map``."""
    theme.apply()
    t = t or tables()
    c = corridor_rows(t)
    frame, legs, bridge, sources = c.frame, c.legs, c.bridge, c.sources
    towns = prose.join_words(frame.loc[frame["layer"] == "place", "name"].drop_duplicates())
    bars = {panel: km for panel, km, _lon, _lat in corridor.SCALES}
    alt_text = (
        "Two maps. Left, Hama to Homs: the M5 road drawn as a straight schematic line beside the winding Orontes "
        "river, the dashed boundary between Hama and Homs governorates, the Rastan bridge where the road crosses the "
        "river, named with the dates it was struck and crossed, each leg of the road marked with its length in km "
        f"and the days between the captures at its ends, and a {bars['corridor']} km scale bar. Right, the road on "
        f"to Damascus, with the border of Lebanon, the legs from Hama to Homs and from Homs to Damascus, and a "
        f"{bars['overview']} km scale bar. Each place is a point named with the date or dates reported for its "
        f"capture: {towns}."
    )
    s = Section()
    s.add(
        f"{prefix}-corridor-map",
        figure(
            f"{prefix}-corridor-map",
            corridor.corridor_map(frame, t.geography),
            frame,
            caption=_corridor_caption(t, legs, bridge),
            alt_text=alt_text,
            sources=list(dict.fromkeys(sources)),
        ),
    )
    return s
