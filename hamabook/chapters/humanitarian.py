"""Displacement, casualty and needs figures for the humanitarian chapter.

The figures table holds one row per reported number. Different organisations
count different things (people newly displaced since a date, people still
displaced, people who went home), so the functions here never merge rows of
different metrics: a *series* is one originating organisation and one metric.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..charts import theme
from ..data import load
from ..output import prose
from ..output.figure import figure, table
from ..output.judgments import judgment_boxes, verdict_values
from ..output.prose import Value, fmt_date, fmt_date_range, fmt_range, join_words
from ..rows.figures import best_first, in_window, latest, peak, spread, value_or_range
from ..rows.provenance import credit
from ..rows.select import labels as registry_labels
from ..rows.select import with_sources
from .page import Page

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
    rows["organisation"] = counted.where(counted.notna() & (counted != ""), rows["originator"].map(organisation))
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
]
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


def same_day_total(rows: pd.DataFrame, organisation_name: str) -> dict:
    """The latest day on which ``organisation_name`` gave both a still-displaced and a returned figure:
    the two numbers, their sum's parts and the row ids (still displaced first)."""
    own = rows[rows["organisation"] == organisation_name]
    still = own[own["metric"] == DISPLACEMENT[1]]
    home = own[own["metric"] == DISPLACEMENT[2]]
    days = sorted(set(still["as_of"]) & set(home["as_of"]))
    if not days:
        raise LookupError(f"no day with both still-displaced and returned figures from {organisation_name}")
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
    return prose.text(as_text(row), rows if rows is not None else [row["figure_id"]])


def _when(row: pd.Series) -> Value:
    return prose.date(row["as_of"], [row["figure_id"]], precision=row.get("as_of_precision", "day") or "day")


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


def displacement_chart(drawn: pd.DataFrame, order: list[str]):
    base = alt.Chart().encode(
        x=alt.X("as_of:T", title="As of", axis=alt.Axis(format="%d %b")),
        color=alt.Color("organisation:N", title="Counted by"),
    )
    tips = [alt.Tooltip("as_of:T", format="%d %b %Y"), "counted_by", alt.Tooltip("point:Q", format=","), "reliability"]
    lines = base.mark_line(point=True).encode(
        y=alt.Y("point:Q", title="People", axis=alt.Axis(format="~s")), detail="series:N", tooltip=tips
    )
    ranges = base.mark_rule(strokeWidth=4, opacity=0.6).encode(y="low:Q", y2="high:Q")
    header = alt.Header(labelAngle=0, labelAlign="left", labelOrient="top")
    return (
        alt.layer(lines, ranges, data=drawn)
        .properties(width=520, height=150)
        .facet(row=alt.Row("metric_label:N", title=None, sort=order, header=header))
        .resolve_scale(y="independent")
    )


def casualty_chart(drawn: pd.DataFrame):
    return (
        alt.Chart(drawn)
        .mark_line(point=True)
        .encode(
            x=alt.X("as_of:T", title="As of", axis=alt.Axis(format="%d %b")),
            y=alt.Y("point:Q", title="People killed since the offensive began"),
            color=alt.Color(
                "series:N", title="Counted by – what", legend=alt.Legend(orient="bottom", columns=1, labelLimit=420)
            ),
            tooltip=[
                alt.Tooltip("as_of:T", format="%d %b %Y"),
                "series",
                alt.Tooltip("point:Q", format=","),
                "reliability",
            ],
        )
        .properties(width="container", height=300)
    )


def build() -> Page:
    theme.apply()
    figures, sources, events, places = (load(t) for t in ("figures", "sources", "events", "places"))
    page = Page()
    v = page.values
    start, end = pd.Timestamp(START), pd.Timestamp(END)

    # Displacement in the window: one series per organisation and definition.
    disp_all = tidy(figures, sources, DISPLACEMENT)
    disp = in_window(disp_all, START, END)
    disp_series = series(disp)
    first = disp.sort_values(["as_of", "figure_id"]).iloc[0]
    wfp = latest(disp, DISPLACEMENT[0], "WFP")
    unhcr_range = disp[(disp["organisation"] == "UNHCR") & disp["is_range"]].sort_values("as_of").iloc[0]
    top = peak(disp, DISPLACEMENT[1])
    still = latest(disp, DISPLACEMENT[1])
    home = latest(disp, DISPLACEMENT[2])
    launch = events[(events["category"] == "offensive_launch") & (events["date"] == start)]
    v["hum_start"] = prose.date(start, list(launch["event_id"]) or [first["figure_id"]])
    for key, row in {
        "first": first,
        "wfp": wfp,
        "unhcr": unhcr_range,
        "peak": top,
        "still": still,
        "home": home,
    }.items():
        v[f"hum_{key}_value"] = _val(row)
        v[f"hum_{key}_date"] = _when(row)
    carriers = [c for c in (wfp["via"], wfp["publisher"]) if isinstance(c, str) and c and c != wfp["originator"]]
    v["hum_wfp_carriers"] = prose.text(join_words(list(dict.fromkeys(carriers))), [wfp["figure_id"]])
    # The same number under two definitions: OCHA's peak of people still displaced, UNHCR's cumulative count.
    cum = latest(disp, DISPLACEMENT[0], "UNHCR")
    v["hum_unhcr_cum_value"], v["hum_unhcr_cum_date"] = _val(cum), _when(cum)
    ids = list(disp["figure_id"])
    v["hum_window"] = prose.date_range(disp["as_of"].min(), disp["as_of"].max(), ids)
    v["hum_disp_reports"] = prose.count(len(disp), ids, noun="dated displacement figure")
    v["hum_disp_orgs"] = prose.count(disp["organisation"].nunique(), ids, noun="counting organisation")
    # Returns as a share of everyone displaced (back home plus still displaced), both from the OCHA series.
    ocha_still = latest(disp, DISPLACEMENT[1], home["organisation"])
    v["hum_still_ocha"], v["hum_still_ocha_date"] = _val(ocha_still), _when(ocha_still)
    v["hum_home_share"] = prose.number(
        home_share(home["point"], ocha_still["point"]), [home["figure_id"], ocha_still["figure_id"]]
    )
    # Why OCHA's peak and UNHCR's cumulative count coincide: still displaced plus returned on one day.
    both = same_day_total(disp, top["organisation"])
    v["hum_sum_date"] = prose.date(both["as_of"], both["rows"])
    v["hum_sum_still"] = prose.number(both["still"], [both["rows"][0]])
    v["hum_sum_home"] = prose.number(both["home"], [both["rows"][1]])
    v["hum_sum_total"] = prose.number(both["still"] + both["home"], both["rows"])
    order = [METRIC_LABELS[m] for m in DISPLACEMENT]
    drawn = disp_series[
        [
            "metric_label",
            "organisation",
            "counted_by",
            "series",
            "as_of",
            "point",
            "low",
            "high",
            "reliability",
            "n_reports",
        ]
    ]
    page.add(
        "humanitarian-displacement",
        figure(
            "humanitarian-displacement",
            displacement_chart(drawn, order),
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
        ),
    )
    page.add(
        "humanitarian-displacement-table",
        _report_table(
            disp,
            f"Displacement figures, {fmt_date_range(disp['as_of'].min(), disp['as_of'].max())}, one row per report",
        ),
    )
    low, high, n = spread(disp, DISPLACEMENT[0])
    new_ids = list(disp.loc[disp["metric"] == DISPLACEMENT[0], "figure_id"])
    v["hum_new_n"] = prose.count(n, new_ids)
    v["hum_new_low"] = prose.number(low, new_ids)
    v["hum_new_high"] = prose.number(high, new_ids)
    nne = latest(tidy(figures, sources, ["displaced_new_to_northeast_syria"]), "displaced_new_to_northeast_syria")
    v["hum_ne_value"], v["hum_ne_date"] = _val(nne), _when(nne)
    proj = latest(tidy(figures, sources, ["displaced_projected_wfp"]), "displaced_projected_wfp")
    v["hum_wfp_proj"] = _val(proj)

    # Casualties.
    dead = tidy(figures, sources, DEATHS)
    dead_series = series(dead)
    sohr = {m: latest(dead, m, "SOHR") for m in DEATHS}
    ocha_civ = latest(dead, DEATHS[2], "OCHA")
    snhr_civ = latest(dead, DEATHS[2], "SNHR")
    for key, row in {
        "all": sohr[DEATHS[0]],
        "ocha": ocha_civ,
        "snhr": snhr_civ,
    }.items():
        v[f"hum_dead_{key}"], v[f"hum_dead_{key}_date"] = _val(row), _when(row)
    v["hum_dead_reports"] = prose.count(len(dead), list(dead["figure_id"]), noun="death-toll report")
    first_day = latest(dead[dead["as_of"] == dead["as_of"].min()], DEATHS[0], "SOHR")
    v["hum_dead_first"] = _val(first_day)
    civ, tot = sohr[DEATHS[2]], sohr[DEATHS[0]]
    v["hum_dead_split"] = prose.text(
        death_split(sohr[DEATHS[1]], civ, tot), [sohr[DEATHS[1]]["figure_id"], civ["figure_id"]]
    )
    v["hum_civ_share"] = prose.number(round(100 * civ["point"] / tot["point"]), [civ["figure_id"], tot["figure_id"]])
    drawn_dead = dead_series[
        ["series", "organisation", "counted_by", "metric_label", "as_of", "point", "reliability", "n_reports"]
    ]
    page.add(
        "humanitarian-casualties",
        figure(
            "humanitarian-casualties",
            casualty_chart(drawn_dead),
            drawn_dead,
            caption=(
                f"SOHR's running toll reached {as_text(tot)} by {fmt_date(tot['as_of'])}, mostly combatants "
                f"({as_text(sohr[DEATHS[1]])}); civilian counts were far smaller and differ by definition: SOHR "
                f"{as_text(civ)}, SNHR {as_text(snhr_civ)} (north, to {fmt_date(snhr_civ['as_of'])}), OCHA "
                f"{as_text(ocha_civ)} (verified, north-west, to {fmt_date(ocha_civ['as_of'])})."
            ),
            alt_text=(
                f"Line chart of death tolls, {fmt_date_range(drawn_dead['as_of'].min(), drawn_dead['as_of'].max())}, "
                f"one line per organisation and definition: SOHR's total deaths climbing to {as_text(tot)}, SOHR's "
                "combatant deaths just below it, and much lower lines for civilians counted by SOHR, OCHA and SNHR."
            ),
            sources=list(dict.fromkeys(dead_series["source_id"])),
        ),
    )

    # Baseline of need.
    base_rows = tidy(figures, sources, BASELINE)
    pin = latest(base_rows, "people_in_need", "OCHA")
    v["hum_pin"], v["hum_pin_date"] = _val(pin), _when(pin)
    before = base_rows[base_rows["as_of"] < start]
    idp_low, idp_high, idp_n = spread(before, "idps_syria_total")
    idp_ids = list(before.loc[before["metric"] == "idps_syria_total", "figure_id"])
    v["hum_idp_low"] = prose.number(idp_low, idp_ids)
    v["hum_idp_high"] = prose.number(idp_high, idp_ids)
    v["hum_idp_n"] = prose.count(idp_n, idp_ids, noun="report")
    ref = latest(base_rows, "refugees_neighbouring_countries")
    v["hum_ref"] = _val(ref)
    share = latest(base_rows, "people_in_need_share")
    v["hum_share_need"], v["hum_share_date"] = _val(share), _when(share)

    # Returns.
    ret = tidy(figures, sources, RETURNS)
    in_dec = in_window(ret[ret["metric"] == RETURNS[0]], START, END)
    unhcr_dec = in_dec[in_dec["organisation"] == "UNHCR"]
    estimate = latest(unhcr_dec, RETURNS[0])
    # The same estimate relayed again after the window is not a later estimate.
    repeats = ret[
        (ret["metric"] == RETURNS[0])
        & (ret["organisation"] == estimate["organisation"])
        & (ret["high"] == estimate["high"])
    ]
    v["hum_ret_dec"] = _val(estimate, list(repeats["figure_id"]))
    v["hum_ret_dec_date"] = prose.date(estimate["as_of"], list(repeats["figure_id"]), precision="month")
    # UNHCR's count through the crossings it monitored: its December figure below the estimate.
    crossings = latest(unhcr_dec[unhcr_dec["high"] < estimate["low"]], RETURNS[0])
    v["hum_ret_crossed"], v["hum_ret_crossed_date"] = _val(crossings), _when(crossings)
    later = ret[(ret["metric"] == RETURNS[0]) & (ret["as_of"] > end) & ~ret["figure_id"].isin(repeats["figure_id"])]
    later = later.sort_values("as_of")
    for key, row in {"first": later.iloc[0], "last": later.iloc[-1]}.items():
        v[f"hum_ret_{key}"], v[f"hum_ret_{key}_date"] = _val(row), _when(row)
    v["hum_ret_later_n"] = prose.count(len(later), list(later["figure_id"]), noun="later estimate")
    idp_back = latest(ret, "idp_returns_since_2024_12_08")
    v["hum_idp_back"] = _val(idp_back)
    iom = latest(ret, "returned_home_week_to_2024_12_17")
    v["hum_iom_week"], v["hum_iom_date"] = _val(iom), _when(iom)

    # Hama.
    hama_metrics = list(figures.loc[figures["place_id"] == "hama", "metric"].unique())
    hama_figs = tidy(figures, sources, hama_metrics)
    pop = hama_figs[hama_figs["metric"] == "population_city"].sort_values("as_of").iloc[-1]
    v["hum_hama_pop"] = _val(pop)
    v["hum_hama_pop_pub"] = prose.text(pop["counted_by"], [pop["figure_id"]])
    hosted = latest(hama_figs, "displaced_in_hosting_centres_hama_homs")
    v["hum_hama_hosted"], v["hum_hama_hosted_date"] = _val(hosted), _when(hosted)
    v["hum_hama_hosted_by"] = prose.text(hosted["organisation"], [hosted["figure_id"]])
    homs = latest(tidy(figures, sources, ["displaced_families_into_homs_city"]), "displaced_families_into_homs_city")
    v["hum_homs_families"], v["hum_homs_date"] = _val(homs), _when(homs)
    v["hum_homs_by"] = prose.text(homs["organisation"], [homs["figure_id"]])
    claim = latest(hama_figs, "civilians_killed_hama_reported")
    v["hum_hama_claim"], v["hum_hama_claim_date"] = _val(claim), _when(claim)
    then = latest(dead[dead["as_of"] <= claim["as_of"]], DEATHS[2], "SOHR")
    v["hum_sohr_civ_then"] = _val(then)
    same_day = pd.Timestamp(then["as_of"]) == pd.Timestamp(claim["as_of"])
    v["hum_sohr_civ_then_when"] = (
        prose.text("the same day", [then["figure_id"], claim["figure_id"]]) if same_day else _when(then)
    )
    hama_events = events[
        events["place_id"].isin(["hama", "homs"])
        & events["category"].isin(HAMA_CATEGORIES)
        & (events["topic"] == "humanitarian")
    ]
    hama_events = with_sources(hama_events, sources, ("publisher", "originator", "via", "reliability"))
    hama_events = hama_events.merge(places[["place_id", "name"]], on="place_id").sort_values(["date", "event_id"])
    hama_events["credit"] = [
        credit(o, p, w) for o, p, w in zip(hama_events["originator"], hama_events["publisher"], hama_events["via"])
    ]
    page.add(
        "humanitarian-hama-table",
        table(
            hama_events[["date", "date_precision", "name", "summary", "credit", "reliability", "credibility"]],
            caption="What the fighting meant for Hama and Homs, one row per report",
            labels={
                "name": "Place",
                "summary": "What was reported (our words)",
                "credit": "Source",
            },
        ),
    )
    used = pd.concat([disp["as_of"], dead["as_of"], ret["as_of"], base_rows["as_of"]])
    latest_row = pd.concat([disp, dead, ret, base_rows]).sort_values("as_of").iloc[-1]
    v["hum_data_as_of"] = prose.date(used.max(), [latest_row["figure_id"]])
    v["hum_disp_as_of"] = prose.date(disp["as_of"].max(), [disp.sort_values("as_of").iloc[-1]["figure_id"]])
    judgments, scale = load("judgments"), load("likelihood_scale")
    for jid, box in judgment_boxes(judgments, scale, "humanitarian").items():
        page.add(jid, box)
    v.update(verdict_values(judgments, scale, ["J40"]))
    page.headline("hum_peak_value", "hum_still_value")
    return page
