"""The military chapter (``book/military.ipynb``): ``build() -> Page``.

The campaign told in order: the launch and the joint command, Aleppo, the stand north of Hama and its fall, the
army that gave way (withdrawals as announced, pay, conscription, desertion, flight, the exchange rate), Russian
strikes and the Rastan bridge, Homs, the SNA's front in the north and the fronts in the south and east; with every
reported date of a change of hands (a chart), the reported distances along the M5 and the reports themselves
(folded tables). Rows are selected by category, metric, topic, actor, place and dates; place ids name the places a
sentence is about and define the M5 axis (a geographic fact).
"""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd

from ..charts import theme
from ..charts.kinds import report_dots
from ..charts.voice import ENGLISH, Voice
from ..data import load
from ..output import prose
from ..output.figure import figure, folded_table
from ..rows.control import control_reports
from ..rows.figures import value_or_range
from ..rows.geo import great_circle_km
from ..rows.provenance import credit
from ..rows.select import days_between, modal_date, reported_dates, with_sources
from .campaign import corridor_map
from .page import Page, Section, judged

# Event categories that mean a place changed hands (first entry or capture).
CHANGE_OF_HANDS = ("city_entered", "city_captured")
KM_PER_MILE = 1.609344


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


# --- The chapter page ------------------------------------------------------------------------------------

CHAPTER = "military"
TOPIC = "military"
# The M5 axis south from Idlib, in road order (a geographic definition, not a selection of rows): places on
# it are the main axis; changes of hands elsewhere after Hama fell are the other fronts.
M5_ROUTE = ("idlib", "saraqib", "khan-shaykhun", "hama", "rastan", "talbiseh", "homs", "damascus")
DISTANCE_PAIRS = (("aleppo", "hama"), ("hama", "homs"), ("hama", "damascus"), ("homs", "damascus"))
ORIGINS = ("offensive_launch", "offensive_rationale", "command_structure", "offensive_preparation", "offensive_context")
FRONT_MOVES = ("road_cut", *CHANGE_OF_HANDS)
COLLAPSE = ("pay_decree", "conscription", "desertion", "army_flight")
OTHER_FRONTS = ("front_opened", "border_crossing_taken", "city_captured", "army_withdrawal")
EXCHANGE = {"syp_per_usd_market": "market", "syp_per_usd_official": "official"}
JUDGMENTS = {
    "j01_verdict": "J01",
    "j04_verdict": "J04",
    "j09_verdict": "J09",
    "j15_verdict": "J15",
}  # verdict key -> judgment
SOURCE_COLUMNS = ("publisher", "originator", "via", "reliability")
NO_PLACE = "Not recorded"  # the Place cell of a report whose row names no place
COMMAND = "command_structure"  # the category of the reports on how the joint command was built
GOVERNMENT = "syrian-government"
RUSSIA = "russia"
REPORT_LABELS = {
    "place": "Place",
    "what": "What was reported (our words)",
    "source": "Source",
}
# The evidence at the foot of the page: the table of distances and the report tables fold whole, under a line that
# names them and their number of rows. The reports stay one click away, every row prints, and the page keeps the
# story told in full, with room for the campaign map, within twelve screens.


def credited(rows: pd.DataFrame, places: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Rows with their place name (``place``) and source credit (``source``) and grade (``reliability``)."""
    out = rows.merge(places[["place_id", "name"]], on="place_id", how="left")
    out = with_sources(out, sources, SOURCE_COLUMNS)
    out["place"] = out["name"].fillna(NO_PLACE)
    out["source"] = [credit(o, p, v) for o, p, v in zip(out["originator"], out["publisher"], out["via"])]
    return out


def report_table(
    rows: pd.DataFrame, places: pd.DataFrame, sources: pd.DataFrame, caption: str, *, fold_after: int | None = None
):
    """Event rows as a table, one row per report, oldest first, folded (see :func:`folded_table`)."""
    out = credited(rows, places, sources).sort_values(["date", "event_id"]).rename(columns={"summary": "what"})
    cols = ["date", "date_precision", "place", "what", "source", "reliability", "credibility"]
    return folded_table(out[cols], caption, REPORT_LABELS, noun="reports", fold_after=fold_after)


def exchange_series(figures: pd.DataFrame) -> pd.DataFrame:
    """Exchange-rate reports (Syrian pounds per US dollar), one row per report: ``rate`` (market|official),
    ``low``/``high`` (a point value gives both) and ``mid``, dated by ``as_of``."""
    rows = figures[figures["metric"].isin(EXCHANGE)].copy()
    if rows.empty:
        raise LookupError("no exchange-rate figures")
    rows["low"], rows["high"] = value_or_range(rows)
    rows["mid"] = (rows["low"] + rows["high"]) / 2
    rows["rate"] = rows["metric"].map(EXCHANGE)
    return rows.sort_values(["as_of", "figure_id"]).reset_index(drop=True)


def value_text(rows: pd.DataFrame) -> str:
    """'50', or '1,500–4,000' over the rows' value (or low/high) columns."""
    lows, highs = value_or_range(rows)
    return prose.fmt_range(lows.min(), highs.max())


@dataclass(frozen=True)
class Tables:
    """What the sections read: the tables, loaded once, and the campaign's dates, computed once."""

    events: pd.DataFrame
    places: pd.DataFrame
    figures: pd.DataFrame
    sources: pd.DataFrame
    actors: pd.DataFrame
    changes: pd.DataFrame  # control_changes.csv
    launch_rows: pd.DataFrame  # every report of the launch
    launch: pd.Timestamp  # the launch date most reports give
    captured: pd.DataFrame  # per place: the dates reported for its capture (control_dates)
    dam_rows: pd.DataFrame  # every report of Damascus's capture
    fronts: pd.DataFrame  # changes of hands away from the M5 after Hama fell

    @property
    def pid(self) -> pd.DataFrame:
        return self.places.set_index("place_id")

    @property
    def damascus(self) -> pd.Timestamp:
        return self.captured.loc["damascus", "headline"]

    @property
    def hama(self) -> pd.Timestamp:
        return self.captured.loc["hama", "headline"]

    @property
    def year(self) -> int:
        return self.launch.year

    def of(self, category, place: str | None = None, **where) -> pd.DataFrame:
        """Events of ``category`` (one or several), optionally at ``place`` and matching ``where`` (column=value:
        topic, actor_id), oldest first; a LookupError when none match."""
        rows = self.events[self.events["category"].isin([category] if isinstance(category, str) else category)]
        if place is not None:
            rows = rows[rows["place_id"].isin([place] if isinstance(place, str) else place)]
        for column, wanted in where.items():
            rows = rows[rows[column].isin([wanted])]
        if rows.empty:
            raise LookupError(f"no {category} event" + (f" at {place}" if place else "") + f" {where or ''}")
        return rows.sort_values(["date", "event_id"])

    def metric(self, metric: str, place: str | None = None) -> pd.DataFrame:
        """Figures of ``metric`` (optionally at ``place``), oldest first; a LookupError when there are none."""
        rows = self.figures[self.figures["metric"] == metric]
        if place is not None:
            rows = rows[rows["place_id"] == place]
        if rows.empty:
            raise LookupError(f"no {metric} figure" + (f" at {place}" if place else ""))
        return rows.sort_values(["as_of", "figure_id"])

    def in_campaign(self, rows: pd.DataFrame) -> pd.DataFrame:
        """The rows dated between the first report of the launch and the fall of Damascus."""
        return rows[rows["date"].between(self.launch_rows["date"].min(), self.damascus)]


def tables() -> Tables:
    events, places = load("events"), load("places")
    hama = modal_date(events, "city_captured", "hama")
    return Tables(
        events=events,
        places=places,
        figures=load("figures"),
        sources=load("sources"),
        actors=load("actors"),
        changes=load("control_changes"),
        launch_rows=reported_dates(events, "offensive_launch"),
        launch=modal_date(events, "offensive_launch"),
        captured=control_dates(events, places, ("city_captured",)).set_index("place_id"),
        dam_rows=reported_dates(events, "city_captured", "damascus"),
        fronts=events[
            events["category"].isin(OTHER_FRONTS)
            & (events["topic"] == TOPIC)
            & events["place_id"].notna()
            & ~events["place_id"].isin(M5_ROUTE)
            & (events["date"] > hama)
        ],
    )


class Used:
    """The rows the chapter's values rest on, gathered as the sections name them, so that the as-of line can
    date the latest of them: calling it with rows records them and returns their ids. ``when`` and ``amount``
    make the chapter's two kinds of value from rows and record them the same way."""

    def __init__(self, year: int):
        self.frames: list[pd.DataFrame] = []
        self.year = year

    def __call__(self, rows: pd.DataFrame, key: str = "event_id") -> list[str]:
        self.frames.append(rows)
        return list(rows[key])

    def when(self, rows: pd.DataFrame) -> prose.Value:
        """The day the event rows give, as a reader says it ('5 December', 'about 7 December'); where they give
        different days, each of them ('5 or 6 December')."""
        days = rows["date"].drop_duplicates()
        if len(days) == 1:
            return prose.in_year(
                prose.date(days.iloc[0], self(rows), precision=rows["date_precision"].iloc[0]), self.year
            )
        return prose.in_year(prose.text(prose.fmt_dates(rows["date"], "or"), self(rows)), self.year)

    def amount(self, rows: pd.DataFrame) -> prose.Value:
        """The figure the rows give, or the range they span where they differ ('10–20')."""
        return prose.text(value_text(rows), self(rows, "figure_id"))


def build() -> Page:
    theme.apply()
    t = tables()
    ids = Used(t.year)
    sections = [
        origins(t, ids),
        aleppo(t, ids),
        hama_front(t, ids),
        advance(t, ids),
        distances(t, ids),
        army(t, ids),
        exchange_rate(t, ids),
        russian_strikes(t, ids),
        corridor_map(prefix="military"),
        homs(t, ids),
        north(t, ids),
        other_fronts(t, ids),
    ]
    campaign = (t.launch_rows["date"].min(), t.captured.loc["damascus", "last"])
    closing = {
        "mil_as_of": campaign_as_of(ids.frames, *campaign),
        "mil_campaign_span": prose.date_range(*campaign, [*t.launch_rows["event_id"], *t.dam_rows["event_id"]]),
    }
    return Page.of(*sections, judged(CHAPTER, JUDGMENTS), Section(values=closing))


def origins(t: Tables, ids: Used) -> Section:
    """The launch, the joint command that ran it and the plan."""
    launch_rows, launch = t.launch_rows, t.launch
    v: dict[str, prose.Value] = {}
    v["mil_launch"] = prose.date(launch, ids(launch_rows[launch_rows["date"] == launch]))
    v["mil_launch_reports"] = prose.count(len(launch_rows), launch_rows["event_id"], noun="report")
    other = launch_rows[launch_rows["date"] != launch]
    v["mil_launch_other"] = prose.in_year(
        prose.text(prose.fmt_dates(other["date"]) if len(other) else "none", ids(other) or ids(launch_rows)), t.year
    )
    commanded = launch_rows[launch_rows["actor_id"].notna()]
    names = t.actors.set_index("actor_id").loc[commanded["actor_id"].unique(), "name"]
    # The registry's name carries the operation's name in brackets; the sentence names the operation itself.
    v["mil_command"] = prose.text(prose.join_words(names.str.split(" (", regex=False).str[0]), ids(commanded))
    command = reported_dates(t.events, COMMAND)
    first_command = command[command["date"] == command["date"].min()]
    # The report dates HTS's order to the middle of the year: the page says only the year.
    v["mil_command_first"] = prose.date(first_command["date"].iloc[0], ids(first_command), precision="year")
    v["mil_aleppo_km"] = ids.amount(t.metric("military_km").head(1))
    rows = t.events[t.events["category"].isin(ORIGINS)]
    ids(rows)
    s = Section(values=v)
    s.add(
        "military-origins",
        report_table(
            rows,
            t.places,
            t.sources,
            "How the offensive was planned, launched and commanded, one row per report",
        ),
    )
    return s


def aleppo(t: Tables, ids: Used) -> Section:
    """The first days: the M5 cut, Aleppo entered and lost, southern Idlib, the first Russian strikes on Aleppo."""
    v: dict[str, prose.Value] = {}
    v["mil_m5_cut"] = ids.when(t.of("road_cut", topic=TOPIC))  # the M5, not the Khanaser road
    v["mil_aleppo_entered"] = ids.when(t.of("city_entered", "aleppo"))
    redeploy = t.of("army_withdrawal", "aleppo")
    v["mil_aleppo_redeploy"] = ids.when(redeploy)
    towns = t.metric("military_towns")  # the counts given on the day of the army's admission, as the prose says
    that_day = towns[towns["as_of"] == redeploy["date"].min()]
    v["mil_towns_low"] = ids.amount(that_day[that_day["value"] == that_day["value"].min()])
    v["mil_towns_high"] = ids.amount(that_day[that_day["value"] == that_day["value"].max()])
    fallen = t.of("city_captured", "aleppo")
    v["mil_aleppo_span"] = prose.in_year(
        prose.date_range(fallen["date"].min(), fallen["date"].max(), ids(fallen)), t.year
    )
    v["mil_aleppo_sohr"] = ids.when(fallen[fallen["date"] == fallen["date"].max()])
    v["mil_aleppo_air"] = ids.when(t.of("ally_air_strike", "aleppo", actor_id=RUSSIA))
    since = t.metric("russian_strikes_aleppo_first_since_year", "aleppo")
    v["mil_aleppo_air_since"] = prose.text(str(int(since["value"].iloc[0])), ids(since, "figure_id"))
    return Section(values=v)


def hama_front(t: Tables, ids: Used) -> Section:
    """The stand north of Hama: the pause, the government's claims and reinforcements, the counter-attack, the
    ring closing, and the fall of the city."""
    v: dict[str, prose.Value] = {}
    v["mil_hama_outskirts"] = ids.when(t.of("city_approach", "hama"))
    claims = t.of("statement", actor_id=GOVERNMENT, topic="battle")
    v["mil_hold_claim"] = ids.when(claims[claims["date"] == claims["date"].min()])
    v["mil_four_towns"] = ids.when(t.of("city_captured", ["halfaya", "taybat-al-imam", "suran"], topic=TOPIC))
    near = t.metric("front_distance_km_to_hama", "hama")
    v["mil_front_km"] = ids.amount(near[near["value"].notna()])
    ring = near[near["low"].notna()]
    v["mil_ring_km"] = ids.amount(ring)
    v["mil_ring_dates"] = prose.in_year(prose.text(prose.fmt_dates(ring["as_of"]), ring["figure_id"]), t.year)
    counter = t.of("counter_offensive", topic="battle")  # the Hama front's rows, before the city fell
    v["mil_counter_begun"] = ids.when(counter[counter["date"] == counter["date"].min()])
    depth = t.metric("counter_attack_depth_km", "hama")
    v["mil_counter_claimed"] = ids.when(counter[counter["date"].isin(depth["as_of"])])
    state = depth[~depth["estimated_by"].fillna("").str.contains("SOHR")]
    monitor = depth[depth["estimated_by"].fillna("").str.contains("SOHR")]
    v["mil_counter_state_km"] = ids.amount(state[state["estimated_by"].fillna("").str.contains("TV|SANA")])
    v["mil_counter_sohr_km"] = ids.amount(monitor)
    taken = t.of("city_captured", "hama")
    v["mil_hama"] = prose.in_year(prose.date(t.hama, ids(taken[taken["date"] == t.hama])), t.year)
    market = t.metric("syp_per_usd_market", "aleppo")
    v["mil_fx_hama"] = ids.amount(market[market["as_of"] == t.hama])
    return Section(values=v)


def advance(t: Tables, ids: Used) -> Section:
    """Places changing hands along the M5: how many, when Damascus fell, and every reported date (a chart)."""
    moves, held, axis = advance_reports(t)
    v: dict[str, prose.Value] = {}
    v["mil_places_n"] = prose.count(len(held), ids(moves[moves["category"].isin(CHANGE_OF_HANDS)]))
    v["mil_damascus"] = prose.in_year(prose.date(t.damascus, ids(t.dam_rows[t.dam_rows["date"] == t.damascus])), t.year)
    v["mil_days_total"] = prose.count(
        days_between(t.launch, t.damascus), [*t.launch_rows["event_id"], *t.dam_rows["event_id"]]
    )
    ids(axis, "change_id")
    homs_rows = axis[axis["place_id"] == "homs"]
    v["mil_homs_span"] = prose.in_year(
        prose.text(prose.fmt_dates(homs_rows["date"], "or"), homs_rows["change_id"]), t.year
    )
    v["mil_homs_reports"] = prose.count(len(homs_rows), homs_rows["change_id"], noun="report")
    talbiseh = odd_date_values(axis[axis["place_id"] == "talbiseh"])
    v["mil_talbiseh_odd_date"] = prose.in_year(talbiseh["odd_date"], t.year)
    v["mil_talbiseh_odd_credibility"] = talbiseh["odd_credibility"]
    v["mil_talbiseh_date"] = prose.in_year(talbiseh["date"], t.year)
    v["mil_talbiseh_others"] = talbiseh["others"]
    s = Section(values=v)
    s.add("military-advance-dates", _advance_figure(axis, t.places, t.sources))
    return s


def advance_reports(t: Tables) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The moves of the front on the M5 from the launch to Damascus's fall (events), the places they moved
    (control dates, by place_id), and every report that one of those places changed hands in that window."""
    events, places = t.events, t.places
    window = events[events["date"].between(t.launch_rows["date"].min(), t.captured.loc["damascus", "last"])]
    moves = window[
        window["category"].isin(FRONT_MOVES)
        & (window["topic"] == TOPIC)
        & ~window["place_id"].isin(t.fronts["place_id"])
    ]
    held = control_dates(moves, places).set_index("place_id")
    # The chart and the disputed days count every report that a place on the axis changed hands: control
    # changes and capture events together, the reports the battle chapter and the opening chronology count.
    axis = control_reports(t.changes, events)
    axis = axis[axis["place_id"].isin(held.index) & axis["date"].between(window["date"].min(), window["date"].max())]
    return moves, held, axis


def advance_dots(axis: pd.DataFrame, places: pd.DataFrame, sources: pd.DataFrame):
    """The advance chart's rows: each place's first and last reported day (by place_id), those with more than one,
    one dot per report (with its source), and the places in the chart's order (first taken at the top)."""
    reported = control_dates(axis.assign(event_id=axis["change_id"], category="city_captured"), places)
    reported = reported.set_index("place_id")
    order = list(reported.sort_values(["first", "headline"]).index)
    return reported, reported[reported["last"] > reported["first"]], credited(axis, places, sources), order


def _advance_figure(axis: pd.DataFrame, places: pd.DataFrame, sources: pd.DataFrame):
    """One dot per report of the day a place on the axis changed hands."""
    reported, contested, dots, order = advance_dots(axis, places, sources)
    drawn = dots[["place", "date", "publisher", "reliability"]]
    order = list(reported.loc[order, "name"])
    chart = report_dots(drawn, "place", order, x_title="Reported date", height=190, size=70, opacity=0.75)
    return figure(
        "military-advance-dates",
        chart,
        drawn,
        caption="The towns and cities on the M5 changed hands one after another, "
        f"{prose.fmt_date_range(drawn['date'].min(), drawn['date'].max())}, and accounts disagree on the day for "
        f"{prose.join_words(contested['name'])}. One dot per report ({prose.plural(len(drawn), 'report')} on "
        f"{prose.plural(len(reported), 'place')}).",
        alt_text="Dot chart, one dot per report, of the dates on which towns and cities were reported to have "
        "changed hands, earliest at the top, coloured by source grade.",
        sources=list(dict.fromkeys(dots["source_id"])),
    )


def distances(t: Tables, ids: Used) -> Section:
    """Reported distances between M5 cities beside the great-circle distance."""
    pid = t.pid
    rows, dist = [], {}
    for a, b in DISTANCE_PAIRS:
        rep = with_sources(reported_distances(t.figures, a, b), t.sources)
        ids(rep, "figure_id")
        gc = great_circle_km(*pid.loc[a, ["latitude", "longitude"]], *pid.loc[b, ["latitude", "longitude"]])
        dist[(a, b)] = prose.text(prose.fmt_range(rep["km"].min(), rep["km"].max()), rep["figure_id"])
        rows.append(
            {
                "pair": f"{pid.loc[a, 'name']} – {pid.loc[b, 'name']}",
                "reported_km": dist[(a, b)].text,
                "reports": len(rep),
                "great_circle_km": round(gc, 1),
                "sources": "; ".join(rep["publisher"] + " (" + rep["reliability"] + ")"),
            }
        )
    s = Section(
        values={
            "mil_dist_hama_damascus": dist[("hama", "damascus")],
            "mil_dist_homs_damascus": dist[("homs", "damascus")],
        }
    )
    s.add(
        "military-distances",
        folded_table(
            pd.DataFrame(rows),
            "Reported distances between M5 cities (as given; road or straight line not stated), with the "
            "great-circle distance between GeoNames coordinates",
            {
                "pair": "Between",
                "reported_km": "Reported (km)",
                "reports": "Reports",
                "great_circle_km": "Great circle (km)",
                "sources": "Sources (grade)",
            },
            noun="pairs of cities",
        ),
    )
    return s


def army(t: Tables, ids: Used) -> Section:
    """The army: withdrawals as announced, pay, the price of leaving reserve service, desertion, flight, the
    amnesties offered to those who left."""
    events, places, sources = t.events, t.places, t.sources
    v: dict[str, prose.Value] = {}
    s = Section(values=v)
    wd = reported_dates(events, "army_withdrawal")
    v["mil_withdrawal_n"] = prose.count(len(wd), ids(wd), noun="report")
    v["mil_withdrawal_span"] = prose.in_year(
        prose.date_range(wd["date"].min(), wd["date"].max(), wd["event_id"]), t.year
    )
    s.add(
        "military-withdrawals",
        report_table(wd, places, sources, "Reports of army withdrawals and how they were described"),
    )
    pay = t.metric("military_pay_rise_percent")
    v["mil_pay_date"] = ids.when(t.of("pay_decree"))
    v["mil_pay_pct"] = ids.amount(pay)
    v["mil_pay_reports"] = prose.count(len(pay), pay["figure_id"], noun="report")
    usd = t.metric("soldier_monthly_pay_usd")
    v["mil_pay_usd"] = ids.amount(usd[usd["credibility"] == usd["credibility"].min()])  # the conscript's own pay
    v["mil_pay_usd_claim"] = ids.amount(usd[usd["credibility"] == usd["credibility"].max()])  # unsourced, on TV
    v["mil_pay_usd_reports"] = prose.count(len(usd), usd["figure_id"], noun="report")
    buyout = t.of("conscription")
    v["mil_buyout_date"] = prose.in_year(
        prose.date(buyout["date"].iloc[0], ids(buyout), precision=buyout["date_precision"].iloc[0]), t.year
    )
    v["mil_buyout_usd"] = ids.amount(t.metric("reserve_service_buyout_usd"))
    deserted = t.of("desertion")
    # The outpost's strength comes from the same report as the conscript's account of leaving it.
    people = t.metric("military_people")
    outpost = people[people["source_id"].isin(deserted["source_id"])]
    v["mil_outpost"] = prose.count(int(outpost["value"].iloc[0]), ids(outpost, "figure_id"))
    ids(deserted)
    morale = t.of("army_morale")
    isw = t.in_campaign(morale)
    v["mil_isw_date"] = ids.when(isw[isw["date"] == isw["date"].max()])
    v["mil_reuters_date"] = ids.when(morale[morale["date"] == morale["date"].max()])
    fled = t.metric("soldiers_fled_to_iraq")
    v["mil_iraq_soldiers"] = ids.amount(fled[fled["as_of"] == fled["as_of"].min()])
    v["mil_iraq_later"] = ids.amount(fled[fled["as_of"] == fled["as_of"].max()])
    later = fled[fled["as_of"] == fled["as_of"].max()]
    v["mil_iraq_later_date"] = prose.in_year(prose.date(later["as_of"].iloc[0], later["figure_id"]), t.year)
    v["mil_iraq_reports"] = prose.count(len(fled), fled["figure_id"], noun="report")
    v["mil_iraq_dates"] = prose.in_year(
        prose.date_range(fled["as_of"].min(), fled["as_of"].max(), fled["figure_id"]), t.year
    )
    amnesty = t.of("amnesty")
    v["mil_amnesty_aleppo"] = ids.when(amnesty.head(1))
    v["mil_amnesty_conscripts"] = ids.when(amnesty.tail(1))
    collapse = events[events["category"].isin(COLLAPSE)]
    ids(collapse)
    s.add(
        "military-collapse",
        report_table(
            collapse, places, sources, "The pay decree, conscription, desertion and flight, one row per report"
        ),
    )
    return s


EXCHANGE_DRAWN = ["as_of", "rate", "place", "low", "high", "mid", "figure_id"]  # the exchange-rate chart's columns


def exchange_rows(t: Tables) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The pound's reported rates (every quote), the last official rate before the launch, and the market quotes
    from the launch to the fall of Damascus."""
    fx = exchange_series(t.figures)
    before = fx[(fx["rate"] == "official") & (fx["as_of"] < t.launch)].tail(1)
    return fx, before, fx[(fx["rate"] == "market") & fx["as_of"].between(t.launch, t.damascus)]


def exchange_chart(drawn: pd.DataFrame, voice: Voice = ENGLISH) -> alt.LayerChart:
    """Each reported rate at its date: a bar for a quoted buy-sell range, a dot at its middle, coloured by rate."""
    # The English axis names its months as Vega does; the Arabic one numbers them (month/year).
    months = voice.axis(format="%b %Y") if voice.rtl else {}
    base = alt.Chart(drawn).encode(
        x=alt.X("as_of:T", title=voice.title("Date reported"), **voice.along(), **months),
        color=alt.Color(
            "rate:N",
            title=voice.title("Rate"),
            scale=alt.Scale(domain=voice.domain(EXCHANGE.values())),
            **voice.legend(),
        ),
    )
    y = alt.Y("low:Q", title=voice.title("Syrian pounds per US dollar"), **voice.axis(rtl_orient="right"))
    tips = [voice.tooltip("as_of", "T", format="%d %b %Y")] + [
        voice.tooltip(c) for c in ("rate", "place", "low", "high")
    ]
    chart = (
        base.mark_rule(strokeWidth=3).encode(y=y, y2="high:Q")
        + base.mark_point(filled=True, size=60).encode(y="mid:Q", tooltip=tips)
    ).properties(width="container", height=140)
    return voice.finish(chart)


def exchange_rate(t: Tables, ids: Used) -> Section:
    """The Syrian pound: the official rate before the launch, market quotes during the campaign (a chart)."""
    fx, before, during = exchange_rows(t)
    ids(fx, "figure_id")
    v: dict[str, prose.Value] = {}
    v["mil_fx_official"] = prose.text(value_text(before), before["figure_id"])
    v["mil_fx_official_date"] = prose.in_year(
        prose.date(before["as_of"].iloc[0], before["figure_id"], precision=before["as_of_precision"].iloc[0]), t.year
    )
    v["mil_fx_market"] = prose.text(value_text(during), during["figure_id"])
    v["mil_fx_market_span"] = prose.in_year(
        prose.date_range(during["as_of"].min(), during["as_of"].max(), during["figure_id"]), t.year
    )
    fx = fx.merge(t.places[["place_id", "name"]], on="place_id", how="left").assign(
        place=lambda d: d["name"].fillna("")
    )
    drawn_fx = fx[EXCHANGE_DRAWN]
    chart_fx = exchange_chart(drawn_fx)
    s = Section(values=v)
    s.add(
        "military-exchange-rate",
        figure(
            "military-exchange-rate",
            chart_fx,
            drawn_fx,
            caption=f"Market quotes dated {prose.fmt_date_range(during['as_of'].min(), during['as_of'].max())} "
            f"ranged over {value_text(during)} pounds to the dollar, against an official rate of "
            f"{value_text(before)} pounds on {prose.fmt_date(before['as_of'].iloc[0])}. One dot per quote "
            f"({prose.plural(len(fx), 'report')}), dated {prose.fmt_date_range(fx['as_of'].min(), fx['as_of'].max())}.",
            alt_text="Dated series of reported Syrian pound exchange rates, market and official, each report a dot "
            "with a bar for a quoted buy-sell range.",
            sources=list(dict.fromkeys(fx["source_id"])),
        ),
    )
    return s


def russian_strikes(t: Tables, ids: Used) -> Section:
    """Russian strikes from the first days to the Rastan bridge, and the crossing of the bridge."""
    v: dict[str, prose.Value] = {}
    killed = t.metric("civilians_killed_russian_strikes_day")
    # SOHR's tolls, each on its own day and place (28 November's names no place; the others Aleppo and Idlib).
    first, in_aleppo, in_idlib = (
        killed[killed["place_id"].isna()],
        killed[killed["place_id"] == "aleppo"],
        killed[killed["place_id"] == "idlib"],
    )
    v["mil_ru_killed_first"] = ids.amount(first)
    v["mil_ru_killed_first_date"] = prose.in_year(prose.date(first["as_of"].iloc[0], first["figure_id"]), t.year)
    v["mil_ru_killed_aleppo"] = ids.amount(in_aleppo)
    v["mil_ru_killed_aleppo_date"] = prose.in_year(
        prose.date(in_aleppo["as_of"].iloc[0], in_aleppo["figure_id"]), t.year
    )
    v["mil_ru_killed_idlib"] = ids.amount(in_idlib)
    v["mil_ru_killed_idlib_date"] = prose.in_year(prose.date(in_idlib["as_of"].iloc[0], in_idlib["figure_id"]), t.year)
    raids = [t.metric(f"air_raids_first_week_{by}") for by in ("russian_jets", "syrian_jets", "syrian_helicopters")]
    v["mil_raids_russian"] = ids.amount(raids[0])
    v["mil_raids_syrian"] = ids.amount(raids[1])
    v["mil_raids_helicopters"] = ids.amount(raids[2])
    counted = pd.concat(raids)
    v["mil_raids_date"] = prose.in_year(prose.text(prose.fmt_dates(counted["as_of"]), counted["figure_id"]), t.year)
    v["mil_ru_morek"] = ids.when(t.of("ally_air_strike", "morek", actor_id=RUSSIA))
    v["mil_ru_hama"] = ids.when(t.of("ally_air_strike", "hama", actor_id=RUSSIA))
    strikes = reported_dates(t.events, "airstrike", "rastan")
    v["mil_bridge_reports"] = prose.count(len(strikes), strikes["event_id"], noun="report")
    v["mil_bridge_dates"] = ids.when(strikes)
    v["mil_bridge_strikes"] = ids.amount(t.metric("military_airstrikes"))
    v["mil_bridge_homs_km"] = ids.amount(t.metric("distance_km_rastan_bridge_homs"))
    v["mil_bridge_crossed"] = ids.when(t.of("bridge_crossing", "rastan"))
    return Section(values=v)


def homs(t: Tables, ids: Used) -> Section:
    """Homs: the call to defect, Hezbollah's last move, the army's convoy south, the city's fall."""
    v: dict[str, prose.Value] = {}
    v["mil_homs_walls"] = ids.when(t.of("defection_appeal", "homs"))
    v["mil_hezbollah_fighters"] = ids.amount(t.metric("hezbollah_fighters_sent"))
    v["mil_homs_entered"] = ids.when(t.of("city_entered", "homs"))
    v["mil_qusayr_vehicles"] = ids.amount(t.metric("hezbollah_armoured_vehicles_left_qusayr", "qusayr"))
    return Section(values=v)


def north(t: Tables, ids: Used) -> Section:
    """The SNA's parallel operation against the SDF north and east of Aleppo."""
    v: dict[str, prose.Value] = {}
    sna = reported_dates(t.events, "sna_operation")
    ids(sna)
    manbij = sna[sna["place_id"] == "manbij"]
    # Reports of the start: rows not about the later Manbij fighting, dated within the campaign.
    starts = t.in_campaign(sna[~sna["place_id"].isin(["manbij"])])
    v["mil_sna_announced"] = ids.when(starts[starts["date"] == starts["date"].min()])
    v["mil_sna_opened"] = ids.when(starts[starts["date"] == starts["date"].max()])
    v["mil_tel_rifaat_km"] = ids.amount(t.metric("distance_km_tel_rifaat_turkish_border", "tel-rifaat"))
    v["mil_manbij_span"] = ids.when(manbij)
    v["mil_manbij_reports"] = prose.count(len(manbij), manbij["event_id"], noun="report")
    return Section(values=v)


def other_fronts(t: Tables, ids: Used) -> Section:
    """The fronts away from the M5 after Hama fell: Daraa, Suwayda, Deir ez-Zor, Palmyra."""
    fronts = t.fronts
    v: dict[str, prose.Value] = {}
    v["mil_fronts_places"] = prose.text(prose.join_words(t.pid.loc[fronts["place_id"].unique(), "name"]), ids(fronts))
    v["mil_fronts_first"] = ids.when(fronts[fronts["date"] == fronts["date"].min()])
    v["mil_fronts_last"] = ids.when(fronts[fronts["date"] == fronts["date"].max()])
    daraa = t.of("city_captured", "daraa")
    v["mil_daraa_centre"] = ids.when(daraa[daraa["date"] == daraa["date"].min()])
    v["mil_daraa_all"] = ids.when(daraa[daraa["date"] == daraa["date"].max()])
    v["mil_daraa_km"] = ids.amount(t.metric("distance_km_daraa_damascus", "daraa"))
    lost = t.metric("cities_lost_by_government_in_week", "daraa")
    v["mil_cities_lost"] = prose.text(prose.fmt_ordinal(int(lost["value"].iloc[0])), ids(lost, "figure_id"))
    v["mil_dez_left"] = ids.when(t.of("army_withdrawal", "deir-ez-zor"))
    v["mil_dez_after"] = ids.when(t.of("city_captured", "deir-ez-zor", topic="aftermath"))
    v["mil_palmyra"] = ids.when(t.of("city_captured", "palmyra"))
    s = Section(values=v)
    s.add(
        "military-other-fronts",
        report_table(fronts, t.places, t.sources, "Fronts away from the M5 axis, one row per report"),
    )
    return s


def odd_date_values(rows: pd.DataFrame) -> dict[str, prose.Value]:
    """Where one report dates a change of hands to a different day from the others: ``odd_date`` and
    ``odd_credibility`` (that report: the first at the least reported day), ``date`` and ``others`` (every day the
    other reports give, and how many they are). ``rows``: control reports of one place (columns change_id, date,
    credibility); none at all reads 'no date'."""
    if rows.empty:
        none = prose.text("no date", table="control_changes")
        return {
            "odd_date": none,
            "odd_credibility": none,
            "date": none,
            "others": prose.count(0, table="control_changes"),
        }
    counts = rows["date"].value_counts()
    odd = rows[rows["date"] == counts.idxmin()].iloc[[0]]
    others = rows.drop(odd.index)
    others = odd if others.empty else others
    return {
        "odd_date": prose.date(odd["date"].iloc[0], odd["change_id"]),
        "odd_credibility": prose.text(str(int(odd["credibility"].iloc[0])), odd["change_id"]),
        "date": prose.text(prose.fmt_dates(others["date"], "or"), others["change_id"]),
        "others": prose.count(len(others), others["change_id"]),
    }


def campaign_as_of(used: list[pd.DataFrame], start, end):
    """The latest report date (``as_of``) among the rows about the campaign: events dated ``start``-``end``
    and figures whose ``as_of`` falls in that window (so a later series, such as exchange rates, does not
    set the date). Credited to the row(s) that carry it."""
    frames = []
    for f in used:
        if "change_id" in f:
            frames.append(
                f.loc[f["date"].between(start, end), ["change_id", "as_of"]].rename(columns={"change_id": "row_id"})
            )
        elif "event_id" in f:
            frames.append(
                f.loc[f["date"].between(start, end), ["event_id", "as_of"]].rename(columns={"event_id": "row_id"})
            )
        else:
            frames.append(
                f.loc[f["as_of"].between(start, end), ["figure_id", "as_of"]].rename(columns={"figure_id": "row_id"})
            )
    dated = pd.concat(frames, ignore_index=True).dropna(subset=["as_of"])
    if dated.empty:
        raise LookupError("no dated rows in the campaign window")
    last = dated["as_of"].max()
    return prose.date(last, dated.loc[dated["as_of"] == last, "row_id"])
