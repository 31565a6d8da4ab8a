"""The military chapter (``book/military.ipynb``): ``build() -> Page``.

When places changed hands (every reported date), the reported distances along the M5, the army that
gave way (withdrawals, pay, conscription, desertion, flight, the exchange rate),
Russian strikes on the Rastan bridge, the SNA's operation and the other fronts. Rows are selected by
category, metric, topic, place and dates; place ids appear only to define the M5 axis (a geographic fact).
"""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd

from ..charts import theme
from ..charts.kinds import report_dots
from ..data import load
from ..output import prose
from ..output.figure import figure, table
from ..rows.control import control_reports
from ..rows.figures import value_or_range
from ..rows.geo import great_circle_km
from ..rows.provenance import credit
from ..rows.select import days_between, modal_date, reported_dates, with_sources
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
JUDGMENTS = {"j01_verdict": "J01", "j04_verdict": "J04", "j15_verdict": "J15"}  # verdict key -> judgment
SOURCE_COLUMNS = ("publisher", "originator", "via", "reliability")
NO_PLACE = "Not recorded"  # the Place cell of a report whose row names no place
COMMAND = "command_structure"  # the category of the reports on how the joint command was built
REPORT_LABELS = {
    "place": "Place",
    "what": "What was reported (our words)",
    "source": "Source",
}


def credited(rows: pd.DataFrame, places: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Rows with their place name (``place``) and source credit (``source``) and grade (``reliability``)."""
    out = rows.merge(places[["place_id", "name"]], on="place_id", how="left")
    out = with_sources(out, sources, SOURCE_COLUMNS)
    out["place"] = out["name"].fillna(NO_PLACE)
    out["source"] = [credit(o, p, v) for o, p, v in zip(out["originator"], out["publisher"], out["via"])]
    return out


def report_table(rows: pd.DataFrame, places: pd.DataFrame, sources: pd.DataFrame, caption: str, *, place=True):
    """Event rows as a table, one row per report, oldest first."""
    out = credited(rows, places, sources).sort_values(["date", "event_id"]).rename(columns={"summary": "what"})
    cols = ["date", "date_precision", *(["place"] if place else []), "what", "source", "reliability", "credibility"]
    return table(out[cols], caption, REPORT_LABELS, noun="reports")


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


def dates_text(dates) -> str:
    """Distinct dates in words: '5 December 2024', '5 and 6 December 2024', '30 November and 1 December 2024'."""
    days = [pd.Timestamp(d) for d in sorted(pd.Series(dates).dropna().unique())]
    if not days:
        raise ValueError("no dates")
    if len({d.year for d in days}) > 1:
        return prose.join_words(prose.fmt_date(d) for d in days)
    same_month = len({d.month for d in days}) == 1
    parts = [str(d.day) if same_month else f"{d.day} {d:%B}" for d in days[:-1]]
    return prose.join_words([*parts, prose.fmt_date(days[-1])])


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
    date the latest of them: calling it with rows records them and returns their ids."""

    def __init__(self):
        self.frames: list[pd.DataFrame] = []

    def __call__(self, rows: pd.DataFrame, key: str = "event_id") -> list[str]:
        self.frames.append(rows)
        return list(rows[key])


def build() -> Page:
    theme.apply()
    t, ids = tables(), Used()
    sections = [
        origins(t, ids),
        advance(t, ids),
        distances(t, ids),
        army(t, ids),
        exchange_rate(t, ids),
        russian_strikes(t, ids),
        other_fronts(t, ids),
    ]
    campaign = (t.launch_rows["date"].min(), t.captured.loc["damascus", "last"])
    closing = {
        "mil_as_of": campaign_as_of(ids.frames, *campaign),
        "mil_campaign_span": prose.date_range(*campaign, [*t.launch_rows["event_id"], *t.dam_rows["event_id"]]),
    }
    return Page.of(*sections, judged(CHAPTER, JUDGMENTS), Section(values=closing))


def origins(t: Tables, ids: Used) -> Section:
    """The launch, the command and the plan."""
    events, launch_rows, launch = t.events, t.launch_rows, t.launch
    v: dict[str, prose.Value] = {}
    v["mil_launch"] = prose.date(launch, ids(launch_rows))
    v["mil_launch_reports"] = prose.count(len(launch_rows), launch_rows["event_id"], noun="report")
    other = launch_rows[launch_rows["date"] != launch]
    v["mil_launch_other"] = prose.text(
        dates_text(other["date"]) if len(other) else "none", ids(other) or ids(launch_rows)
    )
    commanded = launch_rows[launch_rows["actor_id"].notna()]
    names = t.actors.set_index("actor_id").loc[commanded["actor_id"].unique(), "name"]
    v["mil_command"] = prose.text(prose.join_words(names), ids(commanded))
    prep = reported_dates(events, "offensive_preparation")
    v["mil_prep_date"] = prose.date(prep["date"].min(), ids(prep), precision=prep["date_precision"].iloc[0])
    command = reported_dates(events, COMMAND)
    first_command = command[command["date"] == command["date"].min()]
    v["mil_command_first"] = prose.date(
        first_command["date"].iloc[0], ids(first_command), precision=first_command["date_precision"].iloc[0]
    )
    rows = events[events["category"].isin(ORIGINS)]
    ids(rows)
    s = Section(values=v)
    s.add(
        "military-origins",
        report_table(
            rows, t.places, t.sources, "How the offensive was planned, launched and commanded, one row per report"
        ),
    )
    return s


def advance(t: Tables, ids: Used) -> Section:
    """Places changing hands along the M5: how many, when Damascus fell, and every reported date (a chart)."""
    events, places = t.events, t.places
    window = events[events["date"].between(t.launch_rows["date"].min(), t.captured.loc["damascus", "last"])]
    moves = window[
        window["category"].isin(FRONT_MOVES)
        & (window["topic"] == TOPIC)
        & ~window["place_id"].isin(t.fronts["place_id"])
    ]
    held = control_dates(moves, places).set_index("place_id")
    v: dict[str, prose.Value] = {}
    v["mil_places_n"] = prose.count(len(held), ids(moves[moves["category"].isin(CHANGE_OF_HANDS)]))
    v["mil_damascus"] = prose.date(t.damascus, ids(t.dam_rows))
    v["mil_days_total"] = prose.count(
        days_between(t.launch, t.damascus), [*t.launch_rows["event_id"], *t.dam_rows["event_id"]]
    )
    # The chart and the disputed days count every report that a place on the axis changed hands: control
    # changes and capture events together, the reports the battle chapter and the opening chronology count.
    axis = control_reports(t.changes, events)
    axis = axis[axis["place_id"].isin(held.index) & axis["date"].between(window["date"].min(), window["date"].max())]
    ids(axis, "change_id")
    homs_rows = axis[axis["place_id"] == "homs"]
    v["mil_homs_span"] = prose.date_range(homs_rows["date"].min(), homs_rows["date"].max(), homs_rows["change_id"])
    v["mil_homs_reports"] = prose.count(len(homs_rows), homs_rows["change_id"], noun="report")
    talbiseh = odd_date_values(axis[axis["place_id"] == "talbiseh"])
    v["mil_talbiseh_odd_date"] = talbiseh["odd_date"]
    v["mil_talbiseh_odd_credibility"] = talbiseh["odd_credibility"]
    v["mil_talbiseh_date"] = talbiseh["date"]
    v["mil_talbiseh_others"] = talbiseh["others"]
    s = Section(values=v)
    s.add("military-advance-dates", _advance_figure(axis, places, t.sources))
    return s


def _advance_figure(axis: pd.DataFrame, places: pd.DataFrame, sources: pd.DataFrame):
    """One dot per report of the day a place on the axis changed hands."""
    reported = control_dates(axis.assign(event_id=axis["change_id"], category="city_captured"), places)
    reported = reported.set_index("place_id")
    contested = reported[reported["last"] > reported["first"]]
    dots = credited(axis, places, sources)
    drawn = dots[["place", "date", "publisher", "reliability"]]
    order = list(reported.sort_values(["first", "headline"])["name"])
    chart = report_dots(drawn, "place", order, x_title="Reported date", height=320, size=80, opacity=0.75)
    return figure(
        "military-advance-dates",
        chart,
        drawn,
        caption=f"In all, {prose.plural(len(drawn), 'report')} give the day {prose.plural(len(reported), 'place')} "
        f"changed hands ({prose.fmt_date_range(drawn['date'].min(), drawn['date'].max())}); "
        "reports disagree on the day for "
        f"{prose.join_words(contested['name'])}.",
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
            "mil_dist_hama_homs": dist[("hama", "homs")],
            "mil_dist_hama_damascus": dist[("hama", "damascus")],
            "mil_dist_homs_damascus": dist[("homs", "damascus")],
        }
    )
    s.add(
        "military-distances",
        table(
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
        ),
    )
    return s


def army(t: Tables, ids: Used) -> Section:
    """The army: withdrawals, pay, conscription, desertion, flight."""
    events, figures, places, sources = t.events, t.figures, t.places, t.sources
    v: dict[str, prose.Value] = {}
    s = Section(values=v)
    wd = reported_dates(events, "army_withdrawal")
    v["mil_withdrawal_n"] = prose.count(len(wd), ids(wd), noun="report")
    v["mil_withdrawal_span"] = prose.date_range(wd["date"].min(), wd["date"].max(), wd["event_id"])
    s.add(
        "military-withdrawals",
        report_table(wd, places, sources, "Reports of army withdrawals and how they were described"),
    )
    decree = reported_dates(events, "pay_decree")
    pay = figures[figures["metric"] == "military_pay_rise_percent"]
    v["mil_pay_date"] = prose.date(decree["date"].min(), ids(decree))
    v["mil_pay_pct"] = prose.text(value_text(pay), ids(pay, "figure_id"))
    v["mil_pay_reports"] = prose.count(len(pay), pay["figure_id"], noun="report")
    usd = figures[figures["metric"] == "soldier_monthly_pay_usd"]
    v["mil_pay_usd"] = prose.text(value_text(usd), ids(usd, "figure_id"))
    v["mil_pay_usd_reports"] = prose.count(len(usd), usd["figure_id"], noun="report")
    collapse = events[events["category"].isin(COLLAPSE)]
    ids(collapse)
    s.add(
        "military-collapse",
        report_table(
            collapse, places, sources, "The pay decree, conscription, desertion and flight, one row per report"
        ),
    )
    fled = figures[figures["metric"] == "soldiers_fled_to_iraq"].sort_values(["as_of", "figure_id"])
    v["mil_iraq_soldiers"] = prose.text(value_text(fled), ids(fled, "figure_id"))
    v["mil_iraq_reports"] = prose.count(len(fled), fled["figure_id"], noun="report")
    v["mil_iraq_dates"] = prose.date_range(fled["as_of"].min(), fled["as_of"].max(), fled["figure_id"])
    return s


def exchange_rate(t: Tables, ids: Used) -> Section:
    """The Syrian pound: the official rate before the launch, market quotes during the campaign (a chart)."""
    fx = exchange_series(t.figures)
    ids(fx, "figure_id")
    before = fx[(fx["rate"] == "official") & (fx["as_of"] < t.launch)].tail(1)
    during = fx[(fx["rate"] == "market") & fx["as_of"].between(t.launch, t.damascus)]
    v: dict[str, prose.Value] = {}
    v["mil_fx_official"] = prose.text(value_text(before), before["figure_id"])
    v["mil_fx_official_date"] = prose.date(
        before["as_of"].iloc[0], before["figure_id"], precision=before["as_of_precision"].iloc[0]
    )
    v["mil_fx_market"] = prose.text(value_text(during), during["figure_id"])
    v["mil_fx_market_span"] = prose.date_range(during["as_of"].min(), during["as_of"].max(), during["figure_id"])
    fx = fx.merge(t.places[["place_id", "name"]], on="place_id", how="left").assign(
        place=lambda d: d["name"].fillna("")
    )
    drawn_fx = fx[["as_of", "rate", "place", "low", "high", "mid", "figure_id"]]
    base = alt.Chart(drawn_fx).encode(
        x=alt.X("as_of:T", title="Date reported"),
        color=alt.Color("rate:N", title="Rate", scale=alt.Scale(domain=list(EXCHANGE.values()))),
    )
    chart_fx = (
        base.mark_rule(strokeWidth=3).encode(y=alt.Y("low:Q", title="Syrian pounds per US dollar"), y2="high:Q")
        + base.mark_point(filled=True, size=60).encode(
            y="mid:Q", tooltip=[alt.Tooltip("as_of:T", format="%d %b %Y"), "rate", "place", "low", "high"]
        )
    ).properties(width="container", height=260)
    s = Section(values=v)
    s.add(
        "military-exchange-rate",
        figure(
            "military-exchange-rate",
            chart_fx,
            drawn_fx,
            caption=f"Market quotes dated {prose.fmt_date_range(during['as_of'].min(), during['as_of'].max())} "
            f"ranged over {value_text(during)} pounds to the dollar, against an official rate of "
            f"{value_text(before)} pounds on {prose.fmt_date(before['as_of'].iloc[0])}. The chart draws "
            f"{prose.plural(len(fx), 'report')}, dated {prose.fmt_date_range(fx['as_of'].min(), fx['as_of'].max())}.",
            alt_text="Dated series of reported Syrian pound exchange rates, market and official, each report a dot "
            "with a bar for a quoted buy-sell range.",
            sources=list(dict.fromkeys(fx["source_id"])),
        ),
    )
    amnesty = reported_dates(t.events, "amnesty")
    v["mil_amnesty_n"] = prose.count(len(amnesty), ids(amnesty), noun="public offer")
    v["mil_amnesty_span"] = prose.date_range(amnesty["date"].min(), amnesty["date"].max(), amnesty["event_id"])
    return s


def russian_strikes(t: Tables, ids: Used) -> Section:
    """Russian strikes and the Rastan bridge."""
    events, figures = t.events, t.figures
    v: dict[str, prose.Value] = {}
    strikes = reported_dates(events, "airstrike", "rastan")
    v["mil_bridge_reports"] = prose.count(len(strikes), ids(strikes), noun="report")
    v["mil_bridge_dates"] = prose.text(dates_text(strikes["date"]), strikes["event_id"])
    count = figures[figures["metric"] == "military_airstrikes"]
    v["mil_bridge_strikes"] = prose.text(value_text(count), ids(count, "figure_id"))
    bridge_km = figures[figures["metric"] == "distance_km_rastan_bridge_homs"]
    v["mil_bridge_homs_km"] = prose.text(value_text(bridge_km), ids(bridge_km, "figure_id"))
    rastan = reported_dates(events, "city_captured", "rastan")
    v["mil_rastan_taken"] = prose.text(dates_text(rastan["date"]), ids(rastan))
    return Section(values=v)


def other_fronts(t: Tables, ids: Used) -> Section:
    """The SNA's operation and the other fronts away from the M5."""
    fronts = t.fronts
    v: dict[str, prose.Value] = {}
    sna = reported_dates(t.events, "sna_operation")
    ids(sna)
    manbij = sna[sna["place_id"] == "manbij"]
    tel = sna[sna["place_id"] == "tel-rifaat"]
    # Reports of the start: rows not about the later Manbij fighting, dated within the campaign.
    starts = sna[~sna["place_id"].isin(["manbij"]) & sna["date"].between(t.launch_rows["date"].min(), t.damascus)]
    v["mil_sna_starts"] = prose.text(dates_text(starts["date"]), starts["event_id"])
    v["mil_sna_first"] = prose.date(
        starts["date"].min(), starts.loc[starts["date"] == starts["date"].min(), "event_id"]
    )
    v["mil_tel_rifaat"] = prose.date(tel["date"].min(), tel["event_id"])
    v["mil_manbij_span"] = prose.date_range(manbij["date"].min(), manbij["date"].max(), manbij["event_id"])
    v["mil_manbij_reports"] = prose.count(len(manbij), manbij["event_id"], noun="report")
    v["mil_fronts_places"] = prose.text(prose.join_words(t.pid.loc[fronts["place_id"].unique(), "name"]), ids(fronts))
    last_front = fronts[fronts["date"] == fronts["date"].max()]
    v["mil_fronts_last"] = prose.date(last_front["date"].iloc[0], last_front["event_id"])
    first_front = fronts[fronts["date"] == fronts["date"].min()]
    v["mil_fronts_first"] = prose.date(first_front["date"].iloc[0], first_front["event_id"])
    s = Section(values=v)
    s.add(
        "military-other-fronts",
        report_table(fronts, t.places, t.sources, "Fronts away from the M5 axis, one row per report"),
    )
    return s


def odd_date_values(rows: pd.DataFrame) -> dict[str, prose.Value]:
    """Where one report dates a change of hands to a different day from all the others: ``odd_date`` and
    ``odd_credibility`` (that report), ``date`` and ``others`` (the day and the number of the others).
    ``rows``: control reports of one place (columns change_id, date, credibility)."""
    counts = rows["date"].value_counts()
    if len(counts) != 2 or counts.min() != 1 or counts.max() == 1:
        raise LookupError("the reports do not split into one odd report and a majority")
    odd = rows[rows["date"] == counts.idxmin()]
    others = rows[rows["date"] == counts.idxmax()]
    return {
        "odd_date": prose.date(odd["date"].iloc[0], odd["change_id"]),
        "odd_credibility": prose.text(str(int(odd["credibility"].iloc[0])), odd["change_id"]),
        "date": prose.date(others["date"].iloc[0], others["change_id"]),
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
