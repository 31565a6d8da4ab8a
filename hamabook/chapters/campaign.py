"""The campaign map and the geography of the corridor: section functions any page can call (the military chapter,
the eleven days). Each loads what it reads and returns a Section holding its figures.

Every place's dates come from the control reports (control changes and capture events, ``rows.control``); the
lines from ``data/geography.csv``; coordinates from ``places.csv``.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..charts import campaign, theme
from ..data import load
from ..output import prose
from ..output.figure import figure
from ..rows.control import control_reports, deciding, with_sides
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
    window = events["date"].between(FIRST_DAY, LAST_DAY)
    fronts = events[window & events["category"].isin(campaign.FRONT_WORDS) & events["place_id"].notna()]
    return Tables(
        places=load("places"),
        events=events,
        figures=load("figures"),
        geography=load("geography"),
        reports=reports[reports["taken_by_side"].isin(["opposition", "other"])],
        fronts=fronts,
    )


def _line_sources(geography: pd.DataFrame, layers) -> list[str]:
    return list(dict.fromkeys(geography.loc[geography["layer"].isin(layers), "source_id"]))


def campaign_map(t: Tables | None = None, prefix: str = "campaign") -> Section:
    """The whole campaign on one map (slider) and in six small maps; names ``<prefix>-map`` and
    ``<prefix>-map-panels``."""
    theme.apply()
    t = t or tables()
    days = pd.date_range(FIRST_DAY, LAST_DAY, freq="D")
    frame = campaign.campaign_frame(t.reports, t.fronts, t.places, days)
    shown = [f"{d.day} {d:%b}" for d in pd.to_datetime(list(PANEL_DAYS))]
    panels = frame[frame["day_label"].isin(shown)].reset_index(drop=True)
    taken = t.reports[t.reports["place_id"].isin(campaign.CAMPAIGN_PLACES)]
    firsts = taken.groupby("place_id")["date"].min().sort_values()
    disputed = taken.groupby("place_id")["date"].nunique()
    names = t.places.set_index("place_id")["name"]
    order = " → ".join(f"{names[p]} ({prose.fmt_date(d)})" for p, d in firsts.items())
    split = [names[p] for p in disputed.index if disputed[p] > 1]
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
    sources = list(dict.fromkeys(sources))
    s = Section()
    s.add(
        f"{prefix}-map",
        figure(
            f"{prefix}-map",
            campaign.campaign_slider(frame, t.geography),
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
            campaign.campaign_panels(panels, t.geography, shown),
            panels,
            caption=caption,
            alt_text=alt_text + f" Six small maps: {', '.join(shown)}.",
            sources=sources,
        ),
    )
    return s
