"""Displacement, casualty and needs figures for the humanitarian chapter.

The figures table holds one row per reported number. Different organisations
count different things (people newly displaced since a date, people still
displaced, people who went home), so the functions here never merge rows of
different metrics: a *series* is one originating organisation and one metric.
"""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd

from ..charts import theme
from ..charts.voice import ENGLISH, Voice
from ..data import load
from ..output import prose
from ..output.figure import figure, table
from ..output.prose import Value, fmt_date, fmt_date_range, fmt_range, join_words
from ..rows.figures import best_first, in_window, latest, of_metric, peak, spread, value_or_range
from ..rows.provenance import credit
from ..rows.select import bodies, with_sources
from ..rows.select import labels as registry_labels
from .page import Page, Section, judged

# Readable names for the metrics the chapter charts (order = facet order).
METRIC_LABELS = {
    "displaced_new_since_2024_11_27": "Newly displaced since 27 Nov (cumulative)",
    "displaced_current_since_2024_11_27": "Still displaced on the date (net of returns)",
    "returned_idps_since_2024_11_27": "Displaced people back in their areas of origin",
    "deaths_all_since_2024_11_27": "All deaths since 27 Nov",
    "deaths_combatants_since_2024_11_27": "Combatants killed since 27 Nov",
    "civilians_killed_since_2024_11_27": "Civilians killed since 26/27 Nov",
}


def organisation(originator: str) -> str:
    """The counting body of an originator as the registry names it: 'UNHCR (Filippo Grandi)' -> 'UNHCR' (a
    spokesperson in brackets speaks for the body)."""
    return originator.split(" (")[0].strip()


def metric_labels() -> dict[str, str]:
    """Reader labels of every metric: the chapter's own short labels, else data/metrics.csv."""
    return {**registry_labels("metrics").to_dict(), **METRIC_LABELS}


def tidy(
    figures: pd.DataFrame, sources: pd.DataFrame, metrics: list[str], labels: dict[str, str] | None = None
) -> pd.DataFrame:
    """Rows of ``metrics`` with publisher, grade, originator and a plotting value.

    ``point`` is the reported value, or the middle of ``low``-``high`` for a
    range; ``low``/``high`` are filled with the value for single figures, so a
    chart can draw every row as a (possibly zero-length) interval.
    """
    rows = with_sources(
        figures[figures["metric"].isin(metrics)], sources, ("publisher", "originator", "via", "reliability")
    )
    # The counting body: whoever the row says made the estimate, else the source's originator.
    counted = rows["estimated_by"] if "estimated_by" in rows.columns else pd.Series(pd.NA, index=rows.index)
    given = counted.notna() & (counted != "")
    rows["organisation"] = counted.where(given, rows["originator"].map(organisation))
    rows["body"] = counted.where(given, rows["originator"]).map(bodies())
    rows["counted_by"] = [credit(o, p, v) for o, p, v in zip(rows["originator"], rows["publisher"], rows["via"])]
    rows["low"], rows["high"] = value_or_range(rows)
    rows["point"] = (rows["low"] + rows["high"]) / 2
    rows["is_range"] = rows["low"] < rows["high"]
    labels = metric_labels() if labels is None else labels
    missing = sorted(set(rows["metric"]) - set(labels))
    if missing:
        raise KeyError(f"no reader label for metric(s): {', '.join(missing)}")
    rows["metric_label"] = rows["metric"].map(labels)
    order = {m: i for i, m in enumerate(metrics)}
    return rows.sort_values(
        ["metric", "organisation", "as_of", "figure_id"], key=lambda s: s.map(order) if s.name == "metric" else s
    ).reset_index(drop=True)


def series(rows: pd.DataFrame) -> pd.DataFrame:
    """One point per originator, metric, date and figure; the same number relayed by
    several outlets is kept once (best-graded outlet), with ``n_reports`` counting them.

    ``series`` names the line a chart may draw: points are connected only within
    one originator and one metric.
    """
    keys = ["metric", "organisation", "as_of", "low", "high"]
    ranked = best_first(rows)
    counts = ranked.groupby(keys, dropna=False).size().rename("n_reports")
    kept = ranked.drop_duplicates(keys).merge(counts.reset_index(), on=keys)
    kept["series"] = kept["organisation"] + " – " + kept["metric_label"]
    return kept.sort_values(["metric", "organisation", "as_of"]).reset_index(drop=True)


def as_text(row: pd.Series) -> str:
    """A reported figure as prose text: '280,000' or '800,000–1,000,000'."""
    return fmt_range(row["low"], row["high"])


def with_unit(row: pd.Series) -> str:
    """A reported figure with its unit, for tables: '310,000,000 USD', '280,000 people', '93 %'."""
    unit = row.get("unit")
    if pd.isna(unit) or not unit:
        raise ValueError(f"figure {row.get('figure_id')} has no unit")
    return f"{as_text(row)} {'%' if unit == 'percent' else unit}"


def as_of_text(row: pd.Series) -> str:
    """A row's as-of date at its own precision: '5 December 2024', 'December 2023' or '2024'."""
    stamp = pd.Timestamp(row["as_of"])
    precision = row.get("as_of_precision", "day")
    if precision == "year":
        return f"{stamp:%Y}"
    if precision == "month":
        return f"{stamp:%B %Y}"
    return fmt_date(stamp)


# --- The page ---------------------------------------------------------------------------------------------

START, END = "2024-11-27", "2024-12-31"
# The counting bodies whose figures the page names (originators.csv body_id).
WFP, UNHCR, OCHA, SOHR, SNHR = "wfp", "unhcr", "ocha", "sohr", "snhr"
DISPLACEMENT = [
    "displaced_new_since_2024_11_27",
    "displaced_current_since_2024_11_27",
    "returned_idps_since_2024_11_27",
]
DEATHS = ["deaths_all_since_2024_11_27", "deaths_combatants_since_2024_11_27", "civilians_killed_since_2024_11_27"]
BASELINE = [
    "people_in_need",
    "people_in_need_share",
    "population_in_poverty_share",
    "idps_syria_total",
    "refugees_neighbouring_countries",
    "refugees_turkiye",
    "refugees_lebanon",
    "refugees_abroad_total",
    "deaths_conflict_since_2011",
    "crossings_lebanon_to_syria_since_2024_09",
    "refugees_planning_return_within_12_months_percent",
    "refugee_returns_verified_2023_jan_aug",
]
# Figures of the week itself beside displacement and deaths: attacks recorded, the price of bread, a month's
# civilian deaths, soldiers who fled abroad.
WEEK = [
    "attacks_idleb_western_aleppo",
    "bread_price_change_idleb_aleppo",
    "civilians_killed_month_2024_12",
    "soldiers_fled_to_iraq",
]
# What UNHCR planned for: its appeal, its forecast of returns and its target for 2025.
PLANS = ["unhcr_appeal_returns_2025_h1", "refugee_returns_forecast_2025_h1", "refugee_returns_target_2025"]
RETURNS = [
    "refugee_returns_since_2024_12_08",
    "idp_returns_since_2024_12_08",
    "refugee_returns_from_lebanon_since_2024_12_08",
    "refugee_returns_from_turkiye_since_2024_12_08",
    "returned_home_week_to_2024_12_17",
    "refugee_returns_2024_total",
    "unhcr_appeal_returns_2025_h1",
]
HAMA_CATEGORIES = ("displacement", "food_shortage", "idp_returns")
REPORT_LABELS = {
    "as_of": "As of",
    "organisation": "Counted by",
    "metric_label": "What is counted",
    "figure": "Figure",
    "scope": "Definition and area",
    "counted_by": "Source (originator, via carrier)",
}


def death_split(combatants: pd.Series, civilians: pd.Series, total: pd.Series) -> str:
    """'772 combatants and 138 civilians', naming a part's own date only where it differs from the total's."""

    def part(row: pd.Series, noun: str) -> str:
        same = pd.Timestamp(row["as_of"]) == pd.Timestamp(total["as_of"])
        return f"{as_text(row)} {noun}" + ("" if same else f" (as of {as_of_text(row)})")

    return f"{part(combatants, 'combatants')} and {part(civilians, 'civilians')}"


def home_share(home: float, still: float) -> int:
    """Percentage of everyone displaced who is back home: home / (home + still displaced)."""
    return round(100 * home / (home + still))


def same_day_total(rows: pd.DataFrame, body: str) -> dict:
    """The latest day on which the counting ``body`` gave both a still-displaced and a returned figure:
    the two numbers, their sum's parts and the row ids (still displaced first)."""
    own = rows[rows["body"] == body]
    still = own[own["metric"] == DISPLACEMENT[1]]
    home = own[own["metric"] == DISPLACEMENT[2]]
    days = sorted(set(still["as_of"]) & set(home["as_of"]))
    if not days:
        raise LookupError(f"no day with both still-displaced and returned figures from {body}")
    day = days[-1]
    s = best_first(still[still["as_of"] == day]).iloc[0]
    h = best_first(home[home["as_of"] == day]).iloc[0]
    return {
        "as_of": day,
        "still": float(s["point"]),
        "home": float(h["point"]),
        "rows": [s["figure_id"], h["figure_id"]],
    }


def _val(row: pd.Series, rows=None) -> Value:
    return prose.text(as_text(row), rows if rows is not None else row)


def _when(row: pd.Series) -> Value:
    return prose.date(row["as_of"], row, precision=row.get("as_of_precision", "day") or "day")


def _year(row: pd.Series, value_key: str, year_key: str) -> dict[str, Value]:
    """A reported figure and the year it refers to."""
    return {value_key: _val(row), year_key: prose.date(row["as_of"], row, precision="year")}


def _figure(row: pd.Series, value_key: str, date_key: str) -> dict[str, Value]:
    """A reported figure and its date, under the two keys the prose inserts them with."""
    return {value_key: _val(row), date_key: _when(row)}


def _report_table(rows: pd.DataFrame, caption: str, noun: str = "reports"):
    frame = rows.sort_values(["as_of", "figure_id"]).assign(figure=lambda d: d.apply(with_unit, axis=1))
    cols = [
        "as_of",
        "as_of_precision",
        "organisation",
        "metric_label",
        "figure",
        "scope",
        "counted_by",
        "reliability",
        "credibility",
    ]
    return table(frame[cols], caption=caption, labels=REPORT_LABELS, noun=noun)


def displacement_chart(drawn: pd.DataFrame, order: list[str], voice: Voice = ENGLISH):
    base = alt.Chart().encode(
        x=alt.X("as_of:T", title=voice.title("As of"), **voice.along(), **voice.axis(format="%d %b")),
        color=alt.Color("organisation:N", title=voice.title("Counted by"), **voice.legend()),
    )
    tips = [voice.tooltip("as_of", "T", format="%d %b %Y"), voice.tooltip("counted_by")]
    tips += [voice.tooltip("point", "Q", format=","), voice.tooltip("reliability")]
    lines = base.mark_line(point=True).encode(
        y=alt.Y("point:Q", title=voice.title("People"), **voice.axis(rtl_orient="right", format="~s")),
        detail="series:N",
        tooltip=tips,
    )
    ranges = base.mark_rule(strokeWidth=4, opacity=0.6).encode(y="low:Q", y2="high:Q")
    header = voice.header(labelAngle=0, labelAlign="left", labelOrient="top")
    return voice.finish(
        alt.layer(lines, ranges, data=drawn)
        .properties(width=520, height=150)
        .facet(row=alt.Row("metric_label:N", title=None, sort=order, header=header))
        .resolve_scale(y="independent")
    )


def casualty_chart(drawn: pd.DataFrame, voice: Voice = ENGLISH):
    chart = (
        alt.Chart(drawn)
        .mark_line(point=True)
        .encode(
            x=alt.X("as_of:T", title=voice.title("As of"), **voice.along(), **voice.axis(format="%d %b")),
            y=alt.Y(
                "point:Q",
                title=voice.title("People killed since the offensive began"),
                **voice.axis(rtl_orient="right"),
            ),
            color=alt.Color(
                "series:N",
                title=voice.title("Counted by – what"),
                **voice.legend(orient="bottom", columns=1, labelLimit=420),
            ),
            tooltip=[
                voice.tooltip("as_of", "T", format="%d %b %Y"),
                voice.tooltip("series"),
                voice.tooltip("point", "Q", format=","),
                voice.tooltip("reliability"),
            ],
        )
        .properties(width="container", height=300)
    )
    return voice.finish(chart)


@dataclass(frozen=True)
class Tables:
    """What the sections read: the tables, loaded once, and the figures of each part of the chapter."""

    figures: pd.DataFrame
    sources: pd.DataFrame
    events: pd.DataFrame
    places: pd.DataFrame
    disp: pd.DataFrame  # displacement figures in the window, tidy
    dead: pd.DataFrame  # death tolls, tidy
    base_rows: pd.DataFrame  # the baseline of need, tidy
    ret: pd.DataFrame  # returns, tidy
    week: pd.DataFrame  # attacks, bread prices and a month's civilian deaths, tidy
    plans: pd.DataFrame  # UNHCR's appeal, forecast and target for returns, tidy


def tables() -> Tables:
    figures, sources = load("figures"), load("sources")
    return Tables(
        figures=figures,
        sources=sources,
        events=load("events"),
        places=load("places"),
        disp=in_window(tidy(figures, sources, DISPLACEMENT), START, END),
        dead=tidy(figures, sources, DEATHS),
        base_rows=tidy(figures, sources, BASELINE),
        ret=tidy(figures, sources, RETURNS),
        week=tidy(figures, sources, WEEK),
        plans=tidy(figures, sources, PLANS),
    )


def build() -> Page:
    theme.apply()
    t = tables()
    sections = (baseline, flight, displacement, displacement_definitions, casualties, hama, relief, returns, data_dates)
    page = Page.of(*(section(t) for section in sections), judged("humanitarian", {"j40_verdict": "J40"}))
    page.headline("hum_peak_value", "hum_still_value")
    return page


def day_month(stamp) -> str:
    """'5 December': a date inside a sentence that already gives the year."""
    stamp = pd.Timestamp(stamp)
    return f"{stamp.day} {stamp:%B}"


def events_of(t: Tables, category: str, place: str | None = None) -> pd.DataFrame:
    """The events of one category (at one place), oldest first; LookupError if there are none."""
    rows = t.events[t.events["category"] == category]
    if place is not None:
        rows = rows[rows["place_id"] == place]
    if rows.empty:
        raise LookupError(f"no {category} events" + (f" at {place}" if place else ""))
    return rows.sort_values(["date", "event_id"])


def on_first_day(rows: pd.DataFrame) -> pd.DataFrame:
    """The events of ``rows`` dated on its earliest day."""
    return rows[rows["date"] == rows["date"].min()]


def flight(t: Tables) -> Section:
    """The week's flight in order: the first attacks and civilian deaths, OCHA's rising count of the newly
    displaced, Tel Rifaat, Hama and Homs, the spread of the UN's figures on the day WFP spoke."""
    disp = t.disp
    attacks = latest(t.week, WEEK[0])
    sohr_civ = of_metric(t.dead, DEATHS[2], SOHR)
    first_civ = latest(sohr_civ[sohr_civ["as_of"] == sohr_civ["as_of"].min()], DEATHS[2])
    ocha_new = series(of_metric(disp, DISPLACEMENT[0], OCHA))
    tel_rifaat = latest(disp[disp["place_id"] == "tel-rifaat"], DISPLACEMENT[0])
    hama_wave = on_first_day(events_of(t, "displacement", "hama"))
    homs_flight = on_first_day(events_of(t, "displacement", "homs"))
    wfp = latest(disp, DISPLACEMENT[0], WFP)
    that_day = of_metric(disp, DISPLACEMENT[0])
    that_day = that_day[that_day["as_of"] == wfp["as_of"]]
    return Section(
        values={
            **_figure(attacks, "hum_attacks", "hum_attacks_date"),
            **_figure(first_civ, "hum_first_civ", "hum_first_civ_date"),
            "hum_ocha_series": prose.text(
                join_words(f"{as_text(r)} by {day_month(r['as_of'])}" for _, r in ocha_new.iterrows()),
                ocha_new["figure_id"],
            ),
            **_figure(tel_rifaat, "hum_tr_value", "hum_tr_date"),
            "hum_hama_wave_date": prose.date(hama_wave["date"].iloc[0], hama_wave["event_id"]),
            "hum_homs_flight_date": prose.date(homs_flight["date"].iloc[0], homs_flight["event_id"]),
            **_iraq(t.week),
            "hum_wfp_day_range": prose.text(
                fmt_range(that_day["low"].min(), that_day["high"].max()), that_day["figure_id"]
            ),
        }
    )


def _iraq(week: pd.DataFrame) -> dict[str, Value]:
    """Soldiers who fled into Iraq: the figures of the first day they were counted, as a range where sources
    differ, and the latest figure."""
    rows = of_metric(week, WEEK[3])
    first = rows[rows["as_of"] == rows["as_of"].min()]
    last = latest(rows, WEEK[3])
    return {
        "hum_iraq_first": prose.text(fmt_range(first["low"].min(), first["high"].max()), first["figure_id"]),
        "hum_iraq_first_date": prose.date(first["as_of"].iloc[0], first["figure_id"]),
        **_figure(last, "hum_iraq_last", "hum_iraq_last_date"),
    }


def relief(t: Tables) -> Section:
    """What the UN said and planned, and what the week did to food: statements picked by category and date,
    the price of bread, UNHCR's appeal, forecast and target."""
    # The fall: the day the army command said Assad's rule had ended.
    fall = t.events.loc[t.events["category"] == "regime_end", "date"].mode().min()
    # The UN envoy before the fall: his first statement (the Security Council) and his last.
    said = events_of(t, "un_statement")
    said = said[said["summary"].str.contains("Pedersen") & (said["date"] < fall)]
    if said.empty:
        raise LookupError("no statement by the UN envoy before the fall")
    chief = t.events[(t.events["category"] == "context") & (t.events["date"] == fall)]
    if chief.empty:
        raise LookupError("no statement on the day of the fall")
    bread = latest(t.week, WEEK[1])
    food = on_first_day(events_of(t, "food_shortage"))
    appeal = latest(t.plans, PLANS[0])
    return Section(
        values={
            "hum_council_date": prose.date(said["date"].iloc[0], said.iloc[[0]]),
            "hum_envoy_date": prose.date(said["date"].iloc[-1], said.iloc[[-1]]),
            "hum_chief_date": prose.date(fall, chief["event_id"]),
            **_figure(bread, "hum_bread", "hum_bread_date"),
            "hum_food_date": prose.date(food["date"].iloc[0], food["event_id"]),
            "hum_appeal": prose.text(f"${prose.fmt_number(appeal['high'] / 1e6)} million", appeal),
            "hum_appeal_date": _when(appeal),
            "hum_forecast": _val(latest(t.plans, PLANS[1])),
            **_figure(latest(t.plans, PLANS[2]), "hum_target", "hum_target_date"),
            "hum_snhr_month": _val(latest(t.week, WEEK[2])),
        }
    )


def displacement(t: Tables) -> Section:
    """Displacement in the window, one series per organisation and definition: the chart and the table."""
    disp = t.disp
    first = disp.sort_values(["as_of", "figure_id"]).iloc[0]
    wfp = latest(disp, DISPLACEMENT[0], WFP)
    # Returns as a share of everyone displaced (back home plus still displaced), both from the OCHA series.
    top, ocha_still, home, unhcr_range = displacement_points(disp)
    launch = t.events[(t.events["category"] == "offensive_launch") & (t.events["date"] == pd.Timestamp(START))]
    carriers = [c for c in (wfp["via"], wfp["publisher"]) if isinstance(c, str) and c and c != wfp["originator"]]
    # The same number under two definitions: OCHA's peak of people still displaced, UNHCR's cumulative count.
    cum = latest(disp, DISPLACEMENT[0], UNHCR)
    ids = list(disp["figure_id"])
    s = Section(
        values={
            "hum_start": prose.date(pd.Timestamp(START), list(launch["event_id"]) or first),
            **_figure(wfp, "hum_wfp_value", "hum_wfp_date"),
            **_figure(unhcr_range, "hum_unhcr_value", "hum_unhcr_date"),
            **_figure(top, "hum_peak_value", "hum_peak_date"),
            **_figure(latest(disp, DISPLACEMENT[1]), "hum_still_value", "hum_still_date"),
            **_figure(home, "hum_home_value", "hum_home_date"),
            "hum_wfp_carriers": prose.text(join_words(list(dict.fromkeys(carriers))), wfp),
            **_figure(cum, "hum_unhcr_cum_value", "hum_unhcr_cum_date"),
            "hum_window": prose.date_range(disp["as_of"].min(), disp["as_of"].max(), ids),
            "hum_disp_reports": prose.count(len(disp), ids, noun="dated displacement figure"),
            "hum_disp_orgs": prose.count(disp["organisation"].nunique(), ids, noun="counting organisation"),
            "hum_home_share": prose.number(
                home_share(home["point"], ocha_still["point"]), [home["figure_id"], ocha_still["figure_id"]]
            ),
            **_same_day_sum(disp, top["body"]),
        }
    )
    s.add("humanitarian-displacement", _displacement_figure(disp, top, ocha_still, home, unhcr_range))
    s.add(
        "humanitarian-displacement-table",
        _report_table(
            disp,
            f"Displacement figures, {fmt_date_range(disp['as_of'].min(), disp['as_of'].max())}, one row per report",
        ),
    )
    return s


def _same_day_sum(disp: pd.DataFrame, body: str) -> dict[str, Value]:
    """Why OCHA's peak and UNHCR's cumulative count coincide: still displaced plus returned on one day."""
    both = same_day_total(disp, body)
    still = of_metric(disp, DISPLACEMENT[1])
    same = still[still["as_of"] == both["as_of"]]  # every still-displaced figure of that day, whoever relayed it
    return {
        "hum_sum_date": prose.date(both["as_of"], both["rows"]),
        "hum_sum_still": prose.number(both["still"], [both["rows"][0]]),
        "hum_sum_home": prose.number(both["home"], [both["rows"][1]]),
        "hum_sum_total": prose.number(both["still"] + both["home"], both["rows"]),
        "hum_mid_still": prose.text(fmt_range(same["low"].min(), same["high"].max()), same["figure_id"]),
    }


DISPLACEMENT_DRAWN = ["metric_label", "organisation", "counted_by", "series", "as_of", "point", "low", "high"]


def displacement_points(disp: pd.DataFrame) -> tuple[pd.Series, pd.Series, pd.Series, pd.Series]:
    """The figures the displacement chart's caption names: the peak of the still displaced, the same body's latest
    count of them and of returns, and UNHCR's first range."""
    top, home = peak(disp, DISPLACEMENT[1]), latest(disp, DISPLACEMENT[2])
    unhcr_range = disp[(disp["body"] == UNHCR) & disp["is_range"]].sort_values("as_of").iloc[0]
    return top, latest(disp, DISPLACEMENT[1], home["body"]), home, unhcr_range


def _displacement_figure(disp: pd.DataFrame, top: pd.Series, ocha_still: pd.Series, home: pd.Series, unhcr_range):
    """The displacement chart: one panel per definition, one line per counting organisation."""
    disp_series = series(disp)
    drawn = disp_series[[*DISPLACEMENT_DRAWN, "reliability", "n_reports"]]
    return figure(
        "humanitarian-displacement",
        displacement_chart(drawn, [METRIC_LABELS[m] for m in DISPLACEMENT]),
        drawn,
        caption=(
            f"{top['organisation']}'s count of people still displaced peaked at {as_text(top)} on "
            f"{fmt_date(top['as_of'])} and stood at {as_text(ocha_still)} on {fmt_date(ocha_still['as_of'])}; "
            f"by {fmt_date(home['as_of'])} it counted {as_text(home)} people back in their areas of origin. "
            "Lines join only figures of one organisation and one definition; vertical bars are ranges."
        ),
        alt_text=(
            "Three stacked line charts sharing a date axis, "
            f"{fmt_date_range(drawn['as_of'].min(), drawn['as_of'].max())}, "
            "one per definition: newly displaced, still displaced, and returned. Points are coloured by the "
            f"counting organisation ({join_words(sorted(drawn['organisation'].unique()))}); "
            f"UNHCR's estimates are drawn as vertical bars from {as_text(unhcr_range)}."
        ),
        sources=list(dict.fromkeys(disp_series["source_id"])),
    )


def displacement_definitions(t: Tables) -> Section:
    """How far apart the counts of the newly displaced lie, and the counts under other definitions."""
    low, high, n = spread(t.disp, DISPLACEMENT[0])
    new_ids = list(t.disp.loc[t.disp["metric"] == DISPLACEMENT[0], "figure_id"])
    nne = latest(tidy(t.figures, t.sources, ["displaced_new_to_northeast_syria"]), "displaced_new_to_northeast_syria")
    proj = latest(tidy(t.figures, t.sources, ["displaced_projected_wfp"]), "displaced_projected_wfp")
    return Section(
        values={
            "hum_new_n": prose.count(n, new_ids),
            "hum_new_low": prose.number(low, new_ids),
            "hum_new_high": prose.number(high, new_ids),
            **_figure(nne, "hum_ne_value", "hum_ne_date"),
            "hum_wfp_proj": _val(proj),
        }
    )


CASUALTY_DRAWN = ["series", "organisation", "counted_by", "metric_label", "as_of", "point", "reliability", "n_reports"]


def casualty_points(dead: pd.DataFrame) -> tuple[pd.Series, ...]:
    """The death tolls the casualty chart's caption names: SOHR's latest total, combatants and civilians, and the
    latest civilian counts of OCHA and SNHR."""
    sohr = {m: latest(dead, m, SOHR) for m in DEATHS}
    return (
        sohr[DEATHS[0]],
        sohr[DEATHS[1]],
        sohr[DEATHS[2]],
        latest(dead, DEATHS[2], OCHA),
        latest(dead, DEATHS[2], SNHR),
    )


def casualties(t: Tables) -> Section:
    """Death tolls by organisation and definition: the numbers and the chart."""
    dead = t.dead
    tot, fighters, civ, ocha_civ, snhr_civ = casualty_points(dead)
    first_day = latest(dead[dead["as_of"] == dead["as_of"].min()], DEATHS[0], SOHR)
    s = Section(
        values={
            "hum_dead_all": _val(tot),
            "hum_dead_all_date": _when(tot),
            "hum_dead_ocha": _val(ocha_civ),
            "hum_dead_ocha_date": _when(ocha_civ),
            "hum_dead_snhr": _val(snhr_civ),
            "hum_dead_snhr_date": _when(snhr_civ),
            "hum_dead_reports": prose.count(len(dead), list(dead["figure_id"]), noun="death-toll report"),
            "hum_dead_first": _val(first_day),
            "hum_dead_split": prose.text(death_split(fighters, civ, tot), [fighters["figure_id"], civ["figure_id"]]),
            "hum_civ_share": prose.number(
                round(100 * civ["point"] / tot["point"]), [civ["figure_id"], tot["figure_id"]]
            ),
        }
    )
    dead_series = series(dead)
    drawn = dead_series[CASUALTY_DRAWN]
    s.add(
        "humanitarian-casualties",
        figure(
            "humanitarian-casualties",
            casualty_chart(drawn),
            drawn,
            caption=(
                f"SOHR's running toll reached {as_text(tot)} by {fmt_date(tot['as_of'])}, mostly combatants "
                f"({as_text(fighters)}); civilian counts were far smaller and differ by definition: SOHR "
                f"{as_text(civ)}, SNHR {as_text(snhr_civ)} (north, to {fmt_date(snhr_civ['as_of'])}), OCHA "
                f"{as_text(ocha_civ)} (verified, north-west, to {fmt_date(ocha_civ['as_of'])})."
            ),
            alt_text=(
                f"Line chart of death tolls, {fmt_date_range(drawn['as_of'].min(), drawn['as_of'].max())}, "
                f"one line per organisation and definition: SOHR's total deaths climbing to {as_text(tot)}, SOHR's "
                "combatant deaths just below it, and much lower lines for civilians counted by SOHR, OCHA and SNHR."
            ),
            sources=list(dict.fromkeys(dead_series["source_id"])),
        ),
    )
    return s


def baseline(t: Tables) -> Section:
    """The baseline of need before the offensive."""
    base_rows = t.base_rows
    before = base_rows[base_rows["as_of"] < pd.Timestamp(START)]
    idp_low, idp_high, idp_n = spread(before, "idps_syria_total")
    idp_ids = list(before.loc[before["metric"] == "idps_syria_total", "figure_id"])
    return Section(
        values={
            **_figure(latest(base_rows, "people_in_need", OCHA), "hum_pin", "hum_pin_date"),
            "hum_idp_low": prose.number(idp_low, idp_ids),
            "hum_idp_high": prose.number(idp_high, idp_ids),
            "hum_idp_n": prose.count(idp_n, idp_ids, noun="report"),
            "hum_ref": _val(latest(base_rows, "refugees_neighbouring_countries")),
            **_figure(latest(base_rows, "people_in_need_share"), "hum_share_need", "hum_share_date"),
            "hum_poverty": _val(latest(before, "population_in_poverty_share")),
            "hum_war_dead": _val(latest(before, "deaths_conflict_since_2011")),
            "hum_from_lebanon": _val(latest(base_rows, "crossings_lebanon_to_syria_since_2024_09")),
            **_year(latest(before, "refugees_planning_return_within_12_months_percent"), "hum_plan", "hum_plan_year"),
            **_figure(latest(before, "refugee_returns_verified_2023_jan_aug"), "hum_verified", "hum_verified_date"),
        }
    )


def returns(t: Tables) -> Section:
    """Returns: UNHCR's count at the crossings by the end of December, its first estimate of all returns after
    it, the later estimates, IDPs and IOM's week."""
    ret = t.ret
    unhcr = ret[(ret["metric"] == RETURNS[0]) & (ret["body"] == UNHCR)].sort_values(["as_of", "figure_id"])
    # UNHCR's count through the crossings it monitored: its last figure in the window.
    crossings = latest(in_window(unhcr, START, END), RETURNS[0])
    # Its first estimate of all returns: the first later UNHCR figure above that count.
    estimate = unhcr[(unhcr["as_of"] > crossings["as_of"]) & (unhcr["low"] > crossings["high"])].iloc[0]
    # The same estimate relayed again is not a later estimate.
    repeats = ret[
        (ret["metric"] == RETURNS[0])
        & (ret["organisation"] == estimate["organisation"])
        & (ret["high"] == estimate["high"])
    ]
    later = ret[
        (ret["metric"] == RETURNS[0])
        & (ret["as_of"] > estimate["as_of"])
        & ~ret["figure_id"].isin(repeats["figure_id"])
    ].sort_values("as_of")
    return Section(
        values={
            "hum_ret_dec": _val(estimate, list(repeats["figure_id"])),
            "hum_ret_dec_date": prose.date(estimate["as_of"], list(repeats["figure_id"]), precision="month"),
            **_figure(crossings, "hum_ret_crossed", "hum_ret_crossed_date"),
            **_figure(later.iloc[0], "hum_ret_first", "hum_ret_first_date"),
            **_figure(later.iloc[-1], "hum_ret_last", "hum_ret_last_date"),
            "hum_idp_back": _val(latest(ret, "idp_returns_since_2024_12_08")),
            **_figure(_by_half_year(later), "hum_ret_june", "hum_ret_june_date"),
            **_figure(latest(ret, RETURNS[2]), "hum_from_lebanon_back", "hum_from_lebanon_back_date"),
            **_figure(latest(ret, RETURNS[3]), "hum_from_turkiye_back", "hum_from_turkiye_back_date"),
            "hum_ret_2024": _val(latest(ret, RETURNS[5])),
            **_figure(latest(ret, "returned_home_week_to_2024_12_17"), "hum_iom_week", "hum_iom_date"),
        }
    )


def _by_half_year(later: pd.DataFrame) -> pd.Series:
    """The last estimate of refugee returns made by the end of June of the year after the fall: what UNHCR's
    forecast for that half-year is set against."""
    half = later[later["as_of"] <= pd.Timestamp(f"{pd.Timestamp(END).year + 1}-06-30")]
    if half.empty:
        raise LookupError("no estimate of returns in the first half of the year after the fall")
    return half.sort_values(["as_of", "figure_id"]).iloc[-1]


def hama(t: Tables) -> Section:
    """Hama and Homs: the city's population, the displaced hosted, a claim of civilians killed, the reports."""
    figures, sources = t.figures, t.sources
    hama_metrics = list(figures.loc[figures["place_id"] == "hama", "metric"].unique())
    hama_figs = tidy(figures, sources, hama_metrics)
    pop = hama_figs[hama_figs["metric"] == "population_city"].sort_values("as_of").iloc[-1]
    hosted = latest(hama_figs, "displaced_in_hosting_centres_hama_homs")
    homs = latest(tidy(figures, sources, ["displaced_families_into_homs_city"]), "displaced_families_into_homs_city")
    claim = latest(hama_figs, "civilians_killed_hama_reported")
    then = latest(t.dead[t.dead["as_of"] <= claim["as_of"]], DEATHS[2], SOHR)
    ocha_then = latest(t.dead[t.dead["as_of"] <= claim["as_of"]], DEATHS[2], OCHA)
    freed = {place: on_first_day(events_of(t, "prison_opened", place)) for place in ("hama", "homs")}
    struck = on_first_day(events_of(t, "airstrike", "hama"))
    same_day = pd.Timestamp(then["as_of"]) == pd.Timestamp(claim["as_of"])
    s = Section(
        values={
            "hum_hama_pop": _val(pop),
            "hum_hama_pop_pub": prose.text(pop["counted_by"], pop),
            **_figure(hosted, "hum_hama_hosted", "hum_hama_hosted_date"),
            "hum_hama_hosted_by": prose.text(hosted["organisation"], hosted),
            **_figure(homs, "hum_homs_families", "hum_homs_date"),
            "hum_homs_by": prose.text(homs["organisation"], homs),
            **_figure(claim, "hum_hama_claim", "hum_hama_claim_date"),
            "hum_sohr_civ_then": _val(then),
            **_figure(ocha_then, "hum_ocha_civ_then", "hum_ocha_civ_then_date"),
            "hum_hama_strikes_date": prose.date(struck["date"].iloc[0], struck["event_id"]),
            "hum_hama_freed_date": prose.date(freed["hama"]["date"].iloc[0], freed["hama"]["event_id"]),
            "hum_homs_freed_date": prose.date(freed["homs"]["date"].iloc[0], freed["homs"]["event_id"]),
            "hum_sohr_civ_then_when": (
                prose.text("the same day", [then["figure_id"], claim["figure_id"]]) if same_day else _when(then)
            ),
        }
    )
    s.add("humanitarian-hama-table", _hama_table(t))
    return s


def _hama_table(t: Tables):
    """What the fighting meant for Hama and Homs, one row per report."""
    events = t.events
    hama_events = events[
        events["place_id"].isin(["hama", "homs"])
        & events["category"].isin(HAMA_CATEGORIES)
        & (events["topic"] == "humanitarian")
    ]
    hama_events = with_sources(hama_events, t.sources, ("publisher", "originator", "via", "reliability"))
    hama_events = hama_events.merge(t.places[["place_id", "name"]], on="place_id").sort_values(["date", "event_id"])
    hama_events["credit"] = [
        credit(o, p, w) for o, p, w in zip(hama_events["originator"], hama_events["publisher"], hama_events["via"])
    ]
    return table(
        hama_events[["date", "date_precision", "name", "summary", "credit", "reliability", "credibility"]],
        caption="What the fighting meant for Hama and Homs, one row per report",
        labels={
            "name": "Place",
            "summary": "What was reported (our words)",
            "credit": "Source",
        },
    )


def data_dates(t: Tables) -> Section:
    """How recent the chapter's data are: all its figures, and the displacement figures."""
    disp = t.disp
    used = pd.concat([disp["as_of"], t.dead["as_of"], t.ret["as_of"], t.base_rows["as_of"]])
    latest_row = pd.concat([disp, t.dead, t.ret, t.base_rows]).sort_values("as_of").iloc[-1]
    return Section(
        values={
            "hum_data_as_of": prose.date(used.max(), latest_row),
            "hum_disp_as_of": prose.date(disp["as_of"].max(), [disp.sort_values("as_of").iloc[-1]["figure_id"]]),
        }
    )
