"""The chapter on the 1982 Hama massacre (``book/hama1982.ipynb``): ``build() -> Page``.

The death toll of February 1982 is contested: every estimate is one row of ``figures.csv`` with metric
``hama_1982_death_toll``, a point ``value`` or a ``low``/``high`` range, the date the estimate was made
(``as_of``, at the precision ``as_of_precision`` gives), a ``scope`` that starts with what it counts:
``civilians``, ``all deaths`` or ``unspecified`` (details may follow after a semicolon), who made the estimate
when the source retells someone else's (``estimated_by``) and how a figure was obtained (``method``:
documented, census, estimate, claim, diplomatic_report). The functions here put those rows in one shape,
summarise their spread, and turn tolls into shares of the city's population. None of them picks a "true"
figure. Rows are selected by metric, method, category, scope class, topic and dates only.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..charts import kinds_hama1982 as kinds
from ..charts import theme
from ..data import load
from ..output import prose
from ..output.figure import figure, table
from ..rows.control import CAPTURE_CATEGORIES
from ..rows.figures import agreed, value_or_range
from ..rows.provenance import row_href
from ..rows.reports import ESTIMATE_CLAIM, one_per_report, originated_by
from ..rows.select import days_between, modal_date, reported_dates, with_sources
from ..rows.select import labels as registry_labels
from .page import Page, Section, judged

CHAPTER = "hama1982"
TOPIC = "hama1982"
DEATH_TOLL = "hama_1982_death_toll"
DEATH_TOLL_UNDATED = "hama_1982_death_toll_undated"
DISAPPEARED = "hama_1982_disappeared"
ASSAULT_DAYS = "hama_1982_assault_days"
TROOPS = "hama_1982_troops_deployed"
FIGHTERS = "hama_1982_insurgent_fighters"
WOUND_YEARS = "hama_1982_wound_years_cited"
POPULATION = "hama_city_population"
FRENCH_SENTENCE = "rifaat_assad_french_sentence_years"
FRENCH_ASSETS = "rifaat_assad_french_assets_eur"
RETURN_YEAR = "rifaat_assad_return_to_syria_year"
DC_STRENGTH = "defence_companies_strength"
CROWD_2011 = "protest_crowd_hama_2011"
DEATHS_2011 = "hama_2011_assault_deaths"
CONTEXT = "hama_1982_context"
EVENTS_2011 = ("protest", "diplomatic_visit", "assault")
SCOPE_CLASSES = ("civilians", "all deaths", "unspecified")
# Event kinds of the later memory of 1982, shown in one table.
MEMORY_CATEGORIES = ("statement", "press_framing", "symbolic_act", "commemoration")
FIRST_DECADE = 10  # years after the massacre within which an estimate counts as made "at the time" or soon after
THRESHOLD = 10_000  # the toll that judgment J30 weighs; counted here so the prose can say how many reach it

# How a figure was obtained (figures.method).
DOCUMENTED = "documented"
CLAIM = "claim"
# The steps of the proceedings against Rifaat al-Assad (event categories), in the order a case runs.
ACCOUNTABILITY = ("indictment", "arrest_warrant", "court_notice", "conviction", "appeal_ruling", "final_ruling")


# --- Row shapes and summaries (unit-tested) ------------------------------------------------------------


def scope_class(scope) -> str:
    """'civilians; SNHR estimate' -> 'civilians'; the part before ';' must be a known class."""
    if scope is None or pd.isna(scope):
        raise ValueError("a death-toll row needs a scope (civilians, all deaths or unspecified)")
    head = str(scope).split(";")[0].strip().lower()
    if head not in SCOPE_CLASSES:
        raise ValueError(f"scope {scope!r} must start with one of: {', '.join(SCOPE_CLASSES)}")
    return head


def lenient_scope_class(scope) -> str:
    """:func:`scope_class`, but a scope that names none of the classes counts as 'unspecified' (the row does
    not say in our terms what it counts); the chapter's tests list such rows for the data to be fixed."""
    try:
        return scope_class(scope)
    except ValueError:
        return "unspecified"


def _given(value) -> bool:
    return value is not None and not pd.isna(value) and bool(str(value).strip())


def estimator(estimated_by, originator, publisher: str) -> str:
    """Who made the estimate: the figure's ``estimated_by`` when the row names who made an estimate its source
    retells (used as written); otherwise the source's ``originator``, else its publisher, shortened at the
    first comma, parenthesis or slash ('Robert Fisk, The Great War ...' -> 'Robert Fisk')."""
    if _given(estimated_by):
        return str(estimated_by).strip()
    text = str(originator) if _given(originator) else publisher
    for stop in (",", " (", " / "):
        text = text.split(stop)[0]
    return text.strip()


def made_by(rows: pd.DataFrame) -> list[str]:
    """:func:`estimator` for each row joined to its source (``estimated_by``/``originator`` may be absent)."""
    none = [None] * len(rows)
    return [
        estimator(e, o, p)
        for e, o, p in zip(rows.get("estimated_by", none), rows.get("originator", none), rows["publisher"], strict=True)
    ]


def bounds(rows: pd.DataFrame) -> pd.DataFrame:
    """Add ``low_``, ``high_``, ``midpoint`` and ``is_range``: a point value counts as low == high (the rule
    is :func:`hamabook.rows.figures.value_or_range`)."""
    low, high = value_or_range(rows)
    out = rows.assign(low_=low, high_=high)
    out["midpoint"] = (out["low_"] + out["high_"]) / 2
    out["is_range"] = out["low_"] < out["high_"]
    return out


def _source_columns(sources: pd.DataFrame) -> tuple[str, ...]:
    return tuple(c for c in ("publisher", "originator", "via", "kind", "reliability", "url") if c in sources)


def death_toll_estimates(figures: pd.DataFrame, sources: pd.DataFrame, metric: str = DEATH_TOLL) -> pd.DataFrame:
    """Every death-toll estimate, oldest estimate first, with bounds, scope class, its source and who made it
    (``made_by``); ``label`` reads 'Amnesty International, 1983 [N092]'."""
    rows = figures[figures["metric"] == metric]
    if rows.empty:
        raise LookupError(f"no {metric} rows in the data")
    rows = bounds(rows)
    rows["scope_class"] = rows["scope"].map(lenient_scope_class)
    rows = with_sources(rows, sources, _source_columns(sources))
    rows["year"] = rows["as_of"].dt.year
    rows["made_by"] = made_by(rows)
    rows["label"] = rows["made_by"] + ", " + rows["year"].astype(str) + " [" + rows["figure_id"] + "]"
    return rows.sort_values(["as_of", "figure_id"]).reset_index(drop=True)


def spread(estimates: pd.DataFrame) -> dict:
    """Summary of the spread of estimates, one vote per row (not weighted by source quality).

    Median and quartiles are of the midpoints (pandas' linear interpolation);
    ``lowest``/``highest`` are the smallest low and largest high end of any row.
    """
    if estimates.empty:
        raise ValueError("no estimates to summarise")
    mid = estimates["midpoint"].astype(float)
    q1, median, q3 = (float(mid.quantile(q)) for q in (0.25, 0.5, 0.75))
    lowest, highest = float(estimates["low_"].min()), float(estimates["high_"].max())
    return {
        "n": int(len(estimates)),
        "median": median,
        "q1": q1,
        "q3": q3,
        "iqr": q3 - q1,
        "lowest": lowest,
        "highest": highest,
        "ratio": highest / lowest if lowest > 0 else float("inf"),
    }


def share_range(toll_low: float, toll_high: float, pop_low: float, pop_high: float) -> tuple[float, float]:
    """Tolls as a percentage of population, as a range: smallest toll over largest population,
    largest toll over smallest population."""
    if min(pop_low, pop_high) <= 0:
        raise ValueError("population must be positive")
    if toll_low > toll_high or pop_low > pop_high:
        raise ValueError("give each range as (low, high)")
    return 100 * toll_low / pop_high, 100 * toll_high / pop_low


def fmt_share(low: float, high: float) -> str:
    """A share range as the prose writes it: whole percentages, one decimal below 1 % ('0.4–34 %')."""

    def one(x: float) -> str:
        return f"{x:.1f}" if x < 1 else f"{x:.0f}"

    return f"{one(low)}–{one(high)} %"


def metric_rows(figures: pd.DataFrame, metric: str, sources: pd.DataFrame | None = None) -> pd.DataFrame:
    """All rows of one metric with bounds (and publisher, if ``sources`` is given), oldest first."""
    rows = figures[figures["metric"] == metric]
    if rows.empty:
        raise LookupError(f"no {metric} rows in the data")
    rows = bounds(rows)
    if sources is not None:
        rows = with_sources(rows, sources, _source_columns(sources))
    return rows.sort_values(["as_of", "figure_id"]).reset_index(drop=True)


def by_method(rows: pd.DataFrame, method: str) -> pd.DataFrame:
    """The rows obtained by ``method`` (a value of ``figures.method``), oldest first; LookupError if none."""
    hit = rows[rows["method"] == method]
    if hit.empty:
        raise LookupError(f"no rows with method {method!r}")
    return hit.sort_values(["as_of", "figure_id"])


def their_estimate(toll: pd.DataFrame, documented: pd.DataFrame) -> pd.DataFrame:
    """What those who documented deaths estimated: rows from the same source as a documented count, not
    themselves documented, counting the same class of dead (a documented civilian count is set against the
    same source's estimate of civilian deaths)."""
    pairs = documented[["source_id", "scope_class"]].drop_duplicates()
    rows = toll[toll["method"].ne(DOCUMENTED).fillna(True)].merge(pairs, on=["source_id", "scope_class"])
    if rows.empty:
        raise LookupError("no estimate beside a documented count")
    return rows


def dated_list(rows: pd.DataFrame, date: str, precision: str, by: str) -> str:
    """'November 2021 (The Swiss Times), July 2022 (Civitas Maxima) and 16 August 2023 (SNHR)'."""
    return prose.join_words(
        f"{prose.fmt_date_at(d, p)} ({b})" for d, p, b in zip(rows[date], rows[precision], rows[by], strict=True)
    )


def population_then_and_now(figures: pd.DataFrame, sources: pd.DataFrame, massacre_year: int) -> pd.DataFrame:
    """City population rows, each marked as referring to the time of the massacre (up to the end of
    ``massacre_year``) or later; the period label names the year."""
    rows = metric_rows(figures, POPULATION, sources)
    then = rows["as_of"].dt.year <= massacre_year
    rows["period"] = then.map({True: f"around {massacre_year}", False: "later"})
    return rows


def modal_bracket(estimates: pd.DataFrame) -> pd.DataFrame:
    """The rows that give the range most often given (ties go to the lower range)."""
    ranges = estimates[estimates["is_range"]]
    if ranges.empty:
        raise LookupError("no estimate is a range")
    counts = ranges.groupby(["low_", "high_"]).size()
    low, high = min(counts[counts == counts.max()].index)
    return estimates[(estimates["low_"] == low) & (estimates["high_"] == high)]


def short_name(label: str) -> str:
    """An actor's label as prose: 'Defence Companies (Saraya al-Difa)' -> 'the Defence Companies' (the
    transliteration in brackets dropped, the definite article added)."""
    head, _, tail = label.partition(" (")
    rest = tail.split(")", 1)[1] if ")" in tail else ""
    return "the " + (head + rest).strip()


def distinct_days(rows: pd.DataFrame) -> list[tuple[pd.Timestamp, str]]:
    """Each distinct date of ``rows`` once, with the finest precision any row gives it ('day' over 'approximate'),
    oldest first: two reports of 7 December, one of them approximate, read as one date."""
    order = {"day": 0, "approximate": 1, "month": 2, "year": 3}
    out: dict = {}
    for d, p in zip(rows["date"], precisions(rows), strict=True):
        if d not in out or order.get(p, 9) < order.get(out[d], 9):
            out[d] = p
    return sorted(out.items())


def precisions(rows: pd.DataFrame, default: str = "day") -> pd.Series:
    """Each event's date precision (``date_precision`` when the table has it, else ``default``)."""
    if "date_precision" in rows:
        return rows["date_precision"].fillna(default)
    return pd.Series(default, index=rows.index)


def event_date(row: pd.Series, rows=(), default: str = "day") -> prose.Value:
    """An event's date as a prose value, at its precision."""
    precision = row["date_precision"] if "date_precision" in row and isinstance(row["date_precision"], str) else default
    return prose.date(row["date"], rows or row["event_id"], precision=precision)


def chapter_events(events: pd.DataFrame) -> pd.DataFrame:
    """The events of this chapter: those with topic ``hama1982``."""
    return events[events["topic"] == TOPIC]


# --- The page --------------------------------------------------------------------------------------------


def _estimate_table(rows: pd.DataFrame) -> pd.DataFrame:
    shown = rows.assign(estimate=[prose.fmt_range(lo, hi) for lo, hi in zip(rows["low_"], rows["high_"], strict=True)])
    return shown.rename(columns={"as_of": "made", "as_of_precision": "made_precision"})


@dataclass(frozen=True)
class Tables:
    """What the sections read: the tables, loaded once, the chapter's events and rows, and the dates and
    death-toll spread that several sections state."""

    events: pd.DataFrame
    figures: pd.DataFrame
    sources: pd.DataFrame
    mine: pd.DataFrame  # the chapter's events
    start: pd.Timestamp  # the assault's start, as most reports date it
    on_start: pd.DataFrame  # the reports that give that day
    toll: pd.DataFrame  # every death-toll estimate
    stats: dict  # the spread of the estimates
    days: pd.DataFrame  # the assault's reported length
    dis: pd.DataFrame  # the disappeared
    pop: pd.DataFrame  # the city's population then and now
    wound: pd.DataFrame  # the years of the wound, as 2024 statements cite them
    undated: pd.DataFrame  # undated death-toll estimates


def tables() -> Tables:
    events, figures, sources = load("events"), load("figures"), load("sources")
    start = modal_date(events, "hama_1982")
    start_rows = reported_dates(events, "hama_1982")
    dated = start_rows[precisions(start_rows) == "day"]  # reports that give a day
    toll = death_toll_estimates(figures, sources)
    return Tables(
        events=events,
        figures=figures,
        sources=sources,
        mine=chapter_events(events),
        start=start,
        on_start=dated[dated["date"] == start],
        toll=toll,
        # One estimate per estimator and figure, however many outlets repeated it.
        stats=spread(one_per_report(toll, ESTIMATE_CLAIM, sources)),
        days=metric_rows(figures, ASSAULT_DAYS, sources),
        dis=metric_rows(figures, DISAPPEARED, sources),
        pop=population_then_and_now(figures, sources, start.year),
        wound=metric_rows(figures, WOUND_YEARS),
        undated=metric_rows(figures, DEATH_TOLL_UNDATED, sources),
    )


def build() -> Page:
    theme.apply()
    t = tables()
    sections = (months, assault, death_toll, known_then, why_estimates_differ, then_and_now, memory, reassurance)
    later = (accountability, perpetrators, before, in_2011, data_as_of)
    verdicts = {"j06_verdict": "J06", "j30_verdict": "J30", "j31_verdict": "J31", "j33_verdict": "J33"}
    page = Page.of(*(section(t) for section in (*sections, *later)), judged(CHAPTER, verdicts))
    page.headline("h82_massacre_month", "h82_toll_lowest", "h82_toll_highest", "h82_threshold", "h82_capture_month")
    return page


def months(t: Tables) -> Section:
    """The month of the massacre and of the rebels' capture of the city."""
    capture = modal_date(t.events, "city_captured", "hama")
    # Every report that the rebels took or entered the city (CAPTURE_CATEGORIES), not only "captured".
    capture_rows = pd.concat([reported_dates(t.events, c, "hama") for c in CAPTURE_CATEGORIES])
    on_capture = capture_rows.loc[capture_rows["date"] == capture, "event_id"]
    return Section(
        values={
            "h82_massacre_month": prose.date(t.start, t.on_start["event_id"], precision="month"),
            "h82_capture_month": prose.date(capture, on_capture, precision="month"),
        }
    )


def assault(t: Tables) -> Section:
    """The assault: when it began and was declared over, how long it lasted, the forces on each side."""
    events, start, on_start, days = t.events, t.start, t.on_start, t.days
    declared = reported_dates(events, "hama_1982_declared_over").iloc[0]
    end = reported_dates(events, "hama_1982_end").iloc[0]
    troops = metric_rows(t.figures, TROOPS, t.sources).iloc[0]
    fighters = metric_rows(t.figures, FIGHTERS, t.sources).iloc[0]
    v: dict[str, prose.Value] = {}
    v["h82_start_date"] = prose.date(start, on_start["event_id"])
    v["h82_declared_date"] = event_date(declared)
    v["h82_declared_after"] = prose.count(
        days_between(start, declared["date"]), [declared["event_id"], *on_start["event_id"]], noun="day"
    )
    v["h82_end_month"] = event_date(end, default="month")  # the indictment gives no day
    v["h82_days_range"] = prose.text(
        prose.fmt_range(days["low_"].min(), days["high_"].max(), "days"), days["figure_id"]
    )
    v["h82_days_sources"] = prose.count(
        originated_by(days, t.sources).nunique(), days["figure_id"], noun="source"
    )  # counted by originator: copies of one report are one source
    v["h82_troops_range"] = prose.text(
        prose.fmt_range(troops["low_"], troops["high_"], "soldiers"), troops["figure_id"]
    )
    v["h82_troops_by"] = prose.text(made_by(troops.to_frame().T)[0], troops["figure_id"])
    v["h82_fighters_range"] = prose.text(
        prose.fmt_range(fighters["low_"], fighters["high_"], "fighters"), fighters["figure_id"]
    )
    return Section(values=v)


def death_toll(t: Tables) -> Section:
    """The death toll: the spread of the estimates (a range chart), the bracket most given, what each counts."""
    toll, stats = t.toll, t.stats
    ids = toll["figure_id"]
    v: dict[str, prose.Value] = {}
    v["h82_n_estimates"] = prose.count(stats["n"], ids)
    lo_rows = toll[toll["low_"] == stats["lowest"]]["figure_id"]
    hi_rows = toll[toll["high_"] == stats["highest"]]["figure_id"]
    v["h82_toll_lowest"] = prose.number(stats["lowest"], lo_rows)
    v["h82_toll_highest"] = prose.number(stats["highest"], hi_rows)
    v["h82_toll_ratio"] = prose.number(round(stats["ratio"]), [*lo_rows, *hi_rows])
    v["h82_toll_median"] = prose.number(stats["median"], ids)
    v["h82_toll_iqr_range"] = prose.text(prose.fmt_range(stats["q1"], stats["q3"], "deaths"), ids)
    bracket = modal_bracket(toll)
    counts = toll["scope_class"].value_counts()
    v["h82_n_bracket"] = prose.count(len(bracket), bracket["figure_id"])
    v["h82_bracket"] = prose.text(
        prose.fmt_range(bracket["low_"].iloc[0], bracket["high_"].iloc[0]), bracket["figure_id"]
    )
    v["h82_bracket_first_year"] = prose.date(
        bracket["as_of"].min(), bracket.loc[bracket["as_of"].idxmin(), "figure_id"], precision="year"
    )
    for key, cls in (
        ("h82_n_civilian", "civilians"),
        ("h82_n_all", "all deaths"),
        ("h82_n_unspecified", "unspecified"),
    ):
        rows = toll.loc[toll["scope_class"] == cls, "figure_id"]
        v[key] = prose.count(int(counts.get(cls, 0)), rows if len(rows) else ids)
    above = toll[toll["low_"] >= THRESHOLD]
    v["h82_threshold"] = prose.number(THRESHOLD, ids)
    v["h82_n_low_at_least_threshold"] = prose.text(prose.of_all(len(above), len(toll)), ids)
    s = Section(values=v)
    s.add("hama1982-death-toll", _toll_figure(t))
    s.add("hama1982-estimates", _estimates(t))
    return s


def toll_drawn(toll: pd.DataFrame) -> pd.DataFrame:
    """The toll chart's rows: one per estimate, oldest first, with what it counts (``counts``) and its grade."""
    drawn = toll.drop(columns=["low", "high"]).rename(
        columns={
            "low_": "low",
            "high_": "high",
            "scope_class": "counts",
            "reliability": "grade",
            "as_of": "estimate_date",
            "as_of_precision": "estimate_date_precision",
        }
    )
    drawn["estimate_year"] = drawn["year"].astype(str)
    columns = ["label", "made_by", "estimate_date", "estimate_date_precision", "estimate_year", "low", "high"]
    return drawn[[*columns, "midpoint", "is_range", "counts", "grade", "figure_id"]]


def _toll_figure(t: Tables):
    """One row per estimate of the toll: a bar for a range, a dot for a single figure."""
    toll, stats, fmt = t.toll, t.stats, prose.fmt_number
    drawn = toll_drawn(toll)
    widest = toll.loc[(toll["high_"] - toll["low_"]).idxmax()]
    first, last = toll.iloc[0], toll.iloc[-1]
    return figure(
        "hama1982-death-toll",
        kinds.estimate_ranges(drawn, SCOPE_CLASSES),
        drawn,
        caption=(
            f"The {stats['n']} estimates of the Hama death toll, made between {first['year']} and "
            f"{last['year']}, run from {fmt(stats['lowest'])} to {fmt(stats['highest'])}; half of their "
            f"midpoints lie between {fmt(stats['q1'])} and {fmt(stats['q3'])} (dashed line: median of "
            f"midpoints, {fmt(stats['median'])}). Each label names who made the estimate."
        ),
        alt_text=(
            f"Range chart, one row per estimate of the {t.start.year} Hama death toll, oldest estimate at the "
            "top, each labelled with who made it and the year. Bars show low-to-high ranges and dots single "
            "figures, coloured by whether they count civilians, all deaths or do not say. The widest range, "
            f"from {fmt(widest['low_'])} to {fmt(widest['high_'])}, is {widest['made_by']}'s; a dashed "
            "line marks the median."
        ),
        sources=list(dict.fromkeys(toll["source_id"])),
    )


def _estimates(t: Tables):
    """Every dated estimate of the toll, oldest first (a table)."""
    columns = ["made", "made_precision", "estimate", "made_by", "scope", "publisher", "url", "reliability"]
    return table(
        _estimate_table(t.toll)[[*columns, "credibility"]],
        caption=f"Every dated estimate of the {t.start.year} Hama death toll in the data, oldest first",
        labels={
            "made": "Estimate made",
            "estimate": "Deaths",
            "made_by": "Made by",
            "scope": "What is counted",
            "summary": "What the source says (our words)",
            "publisher": "Copy read",
        },
        links={"publisher": "url"},
        noun="estimates",
    )


def why_estimates_differ(t: Tables) -> Section:
    """Why the estimates differ: documented counts against estimates, the disappeared, the extremes."""
    toll, dis = t.toll, t.dis
    documented = by_method(toll, DOCUMENTED)
    snhr_estimate = their_estimate(toll, documented)
    boast, boast_ids = agreed(by_method(toll, CLAIM), "the perpetrator's claim")
    dis_doc, dis_doc_ids = agreed(by_method(dis, DOCUMENTED), "the documented disappeared")
    dis_est = dis[~dis["figure_id"].isin(dis_doc_ids)]
    v: dict[str, prose.Value] = {}
    named = documented.iloc[-1]  # the latest count by name
    v["h82_snhr_documented"] = prose.number(named["value"], named["figure_id"])
    # How far the list by name falls short of the threshold J06 asks about, to the nearest thousand.
    v["h82_list_gap"] = prose.text(
        f"about {prose.fmt_number(round(THRESHOLD - float(named['value']), -3))}", named["figure_id"]
    )
    v["h82_snhr_documented_date"] = prose.date(named["as_of"], named["figure_id"], precision=named["as_of_precision"])
    v["h82_snhr_estimate"] = prose.text(
        prose.fmt_range(snhr_estimate["low_"].min(), snhr_estimate["high_"].max()), snhr_estimate["figure_id"]
    )
    v["h82_dis_range"] = prose.text(
        prose.fmt_range(dis_est["low_"].min(), dis_est["high_"].max(), "people"), dis_est["figure_id"]
    )
    v["h82_dis_documented"] = prose.number(dis_doc["value"], dis_doc_ids)
    v["h82_boast"] = prose.number(boast["value"], boast_ids)
    return Section(values=v)


def known_then(t: Tables) -> Section:
    """What was said of the toll at the time and since: the estimates of the first decade (a perpetrator's claim
    aside), the estimate of all deaths made on the thirtieth anniversary, and what those who also counted the
    missing estimate (rows picked by date, method, scope class and by the sources of the disappeared counts)."""
    toll, start = t.toll, t.start
    not_claim = toll["method"].ne(CLAIM).fillna(True)
    early = toll[not_claim & (toll["as_of"].dt.year < start.year + FIRST_DECADE)].sort_values(["as_of", "figure_id"])
    if len(early) < 2:
        raise LookupError("fewer than two estimates from the first decade")
    first, later = early.iloc[0], early.iloc[-1]
    thirty = toll[toll["as_of"].dt.year == start.year + 30]
    both_sides, both_ids = agreed(
        thirty[thirty["scope_class"] == "all deaths"], "the thirtieth-anniversary estimate of all deaths", "high_"
    )
    counters = toll[toll["source_id"].isin(t.dis["source_id"]) & toll["method"].ne(DOCUMENTED).fillna(True)]
    if counters.empty:
        raise LookupError("no estimate of the dead by those who counted the missing")
    return Section(
        values={
            "h82_first_date": prose.date(first["as_of"], first["figure_id"], precision=first["as_of_precision"]),
            "h82_first_toll": prose.number(first["high_"], first["figure_id"]),
            "h82_later_year": prose.date(later["as_of"], later["figure_id"], precision="year"),
            "h82_later_toll": prose.number(later["high_"], later["figure_id"]),
            "h82_thirty_year": prose.date(both_sides["as_of"], both_ids, precision="year"),
            "h82_both_sides": prose.number(both_sides["high_"], both_ids),
            "h82_counters_toll": prose.text(
                prose.fmt_range(counters["low_"].min(), counters["high_"].max()), counters["figure_id"]
            ),
        }
    )


def events_of(t: Tables, category: str, after=None, before=None) -> pd.DataFrame:
    """The events of one category (any topic), oldest first, optionally within dates; LookupError if none."""
    rows = t.events[t.events["category"] == category]
    if after is not None:
        rows = rows[rows["date"] >= pd.Timestamp(after)]
    if before is not None:
        rows = rows[rows["date"] <= pd.Timestamp(before)]
    if rows.empty:
        raise LookupError(f"no {category} events in the dates asked")
    return rows.sort_values(["date", "event_id"])


def reassurance(t: Tables) -> Section:
    """The offensive's offers to soldiers and minorities around the fall of Hama, the statue, the anniversaries:
    the events a reader weighs the 2024 invocation against (picked by category and date)."""
    capture = modal_date(t.events, "city_captured", "hama")
    offer = events_of(t, "amnesty", before=capture).iloc[0]
    towns = events_of(t, "minority_town_handover", after=capture - pd.Timedelta(days=1))
    envoy = events_of(t, "un_statement", before=capture).iloc[0]
    statue = events_of(t, "symbolic_act", after=capture, before=capture)
    marked = events_of(t, "commemoration")
    first_marked, anniversary = marked.iloc[0], marked.iloc[-1]
    return Section(
        values={
            "h82_offer_date": event_date(offer),
            "h82_towns_dates": prose.date_range(towns["date"].min(), towns["date"].max(), towns["event_id"]),
            "h82_envoy_date": event_date(envoy),
            "h82_statue_date": prose.date(capture, statue["event_id"]),
            "h82_first_marked_date": event_date(first_marked),
            "h82_anniversary_date": event_date(anniversary),
        }
    )


def population_drawn(pop: pd.DataFrame) -> pd.DataFrame:
    """The population chart's rows: each figure by the year it refers to, its period, scope, source and grade."""
    return pop.rename(
        columns={
            "as_of": "refers_to",
            "as_of_precision": "refers_to_precision",
            "value": "population",
            "reliability": "grade",
        }
    )[["refers_to", "refers_to_precision", "population", "period", "scope", "publisher", "grade", "figure_id"]]


def population_facts(t: Tables) -> tuple[pd.DataFrame, pd.Series, pd.Series, float]:
    """The population figures for the time of the massacre, the latest figure, the largest for the time and how many
    times it the latest is (no census of the city is among the stored sources: growth is measured from the largest
    figure for the time)."""
    pop_then = t.pop[t.pop["as_of"].dt.year <= t.start.year]
    latest_pop = t.pop.iloc[-1]
    largest_then = pop_then.sort_values(["value", "figure_id"]).iloc[-1]
    return pop_then, latest_pop, largest_then, latest_pop["value"] / largest_then["value"]


def then_and_now(t: Tables) -> Section:
    """Hama then and now: the census, the population at the time and later, the toll as a share of it."""
    pop, stats, start, ids = t.pop, t.stats, t.start, t.toll["figure_id"]
    pop_then, latest_pop, largest_then, growth = population_facts(t)
    share_mid = share_range(stats["q1"], stats["q3"], pop_then["low_"].min(), pop_then["high_"].max())
    share_all = share_range(stats["lowest"], stats["highest"], pop_then["low_"].min(), pop_then["high_"].max())
    v: dict[str, prose.Value] = {}
    v["h82_pop_then_range"] = prose.text(
        prose.fmt_range(pop_then["value"].min(), pop_then["value"].max(), "people"), pop_then["figure_id"]
    )
    v["h82_pop_latest"] = prose.number(latest_pop["value"], latest_pop["figure_id"])
    v["h82_pop_latest_year"] = prose.date(latest_pop["as_of"], latest_pop["figure_id"], precision="year")
    v["h82_pop_growth"] = prose.number(round(growth, 1), [largest_then["figure_id"], latest_pop["figure_id"]])
    v["h82_share_mid"] = prose.text(fmt_share(*share_mid), [*ids, *pop_then["figure_id"]])
    v["h82_share_all"] = prose.text(fmt_share(*share_all), [*ids, *pop_then["figure_id"]])
    pdrawn = population_drawn(pop)
    fmt = prose.fmt_number
    lo_then, hi_then = fmt(pop_then["value"].min()), fmt(pop_then["value"].max())
    s = Section(values=v)
    s.add(
        "hama1982-population",
        figure(
            "hama1982-population",
            kinds.population_dots(pdrawn),
            pdrawn,
            caption=(
                f"Figures for Hama's population at the time of the massacre range from {lo_then} to {hi_then}; by "
                f"{latest_pop['as_of'].year} the city was put at about {fmt(latest_pop['value'])}, some {growth:.1f} "
                "times the largest of them."
            ),
            alt_text=(
                "Dot chart of Hama's population by the year each figure refers to, one dot per source, coloured "
                f"by whether it describes the city around {start.year} or later; the dots rise from "
                f"{lo_then}–{hi_then} around {start.year} to about {fmt(latest_pop['value'])} in "
                f"{latest_pop['as_of'].year}."
            ),
            sources=list(dict.fromkeys(pop["source_id"])),
        ),
    )
    return s


def memory(t: Tables) -> Section:
    """The memory in 2024: the video and the years of the wound, the defections, later statements (a table)."""
    mine, wound, start = t.mine, t.wound, t.start
    said = mine[(mine["category"] == "statement")].sort_values(["date", "event_id"])
    video = said[said["source_id"].isin(wound["source_id"])].iloc[0]
    later = said[said["date"] > video["date"]]
    v: dict[str, prose.Value] = {}
    v["h82_video_date"] = event_date(video)
    v["h82_wound_years"] = prose.number(wound["value"].mode().iloc[0], wound["figure_id"])
    v["h82_elapsed_years"] = prose.number(
        int(days_between(start, video["date"]) / 365.25), [video["event_id"], *t.on_start["event_id"]]
    )
    # Statements with a firm day; an undated message (approximate date) is described as undated in the prose.
    dated = later[precisions(later) == "day"]
    dated = dated if not dated.empty else later
    v["h82_defection_date"] = prose.text(
        prose.join_words(prose.fmt_date_at(d, p) for d, p in distinct_days(dated)), dated["event_id"]
    )
    rows = with_sources(
        mine[mine["category"].isin(MEMORY_CATEGORIES)].sort_values(["date", "event_id"]),
        t.sources,
        ("publisher", "reliability", "url"),
    )
    labels = registry_labels("categories")
    rows = rows.assign(
        kind=rows["category"].map(labels),
        date_precision=precisions(rows),
        row_url=[row_href(r) for r in rows["event_id"]],
    )
    s = Section(values=v)
    s.add(
        "hama1982-memory",
        table(
            rows[["date", "date_precision", "kind", "publisher", "url", "reliability", "event_id", "row_url"]],
            caption=(
                f"Hama {start.year} in later memory ({rows['date'].min().year}–{rows['date'].max().year}): "
                "statements, framing and commemoration, one row per report; each row links to the report's words "
                "and source on the evidence page"
            ),
            labels={"kind": "Kind", "publisher": "Copy read", "event_id": "Report"},
            links={"publisher": "url", "event_id": "row_url"},
            noun="reports",
        ),
    )
    return s


def step(acc: pd.DataFrame, category: str) -> pd.DataFrame:
    """The reports of one accountability step, oldest first.

    LookupError if the data has none; ValueError if they date the step differently (the prose states one date).
    """
    rows = acc[acc["category"] == category]
    if rows.empty:
        raise LookupError(f"no {category} events in the data")
    if rows["date"].nunique() != 1:
        raise ValueError(f"{category} reports give different dates: {', '.join(rows['event_id'])}")
    return rows


def step_date(rows: pd.DataFrame) -> prose.Value:
    """The date of a step, resting on every report of it."""
    return event_date(rows.iloc[0], tuple(rows["event_id"]))


def accountability(t: Tables) -> Section:
    """The accountability record: each step of the proceedings, picked by its category."""
    acc = t.mine[t.mine["category"].isin(ACCOUNTABILITY)].sort_values(["date", "event_id"])
    acc = with_sources(acc, t.sources, ("publisher", "kind", "reliability", "url"))
    acc = acc.assign(date_precision=precisions(acc))
    if acc.empty:
        raise LookupError("no accountability events in the data")
    indict = step(acc, "indictment")
    close = step(acc, "court_notice")
    warrants = acc[acc["category"] == "arrest_warrant"]
    if warrants["date"].nunique() < 2:  # the prose says the reports date the warrant differently
        raise ValueError(f"warrant reports agree on one date: {', '.join(warrants['event_id'])}")
    convicted, upheld, final = (step(acc, c) for c in ("conviction", "appeal_ruling", "final_ruling"))
    # The toll the Swiss indictment gives, as whoever carried it reports it (the indictment's own originator).
    prosecutor = t.sources.set_index("source_id").loc[indict["source_id"], "originator"]
    swiss = t.toll[t.toll["originator"].isin(prosecutor)].iloc[0]
    sentence = metric_rows(t.figures, FRENCH_SENTENCE).iloc[0]
    assets = metric_rows(t.figures, FRENCH_ASSETS).iloc[0]
    back = metric_rows(t.figures, RETURN_YEAR).iloc[0]
    v: dict[str, prose.Value] = {}
    v["h82_indict_date"] = step_date(indict)
    v["h82_swiss_range"] = prose.text(prose.fmt_range(swiss["low_"], swiss["high_"], "deaths"), swiss["figure_id"])
    v["h82_close_date"] = step_date(close)
    v["h82_warrant_dates"] = prose.text(
        f"{warrants['date'].min().year} to {warrants['date'].max().year}", warrants["event_id"]
    )
    v["h82_fr_conviction_date"] = step_date(convicted)
    v["h82_fr_appeal_date"] = step_date(upheld)
    v["h82_fr_final_date"] = step_date(final)
    v["h82_sentence_years"] = prose.count(int(sentence["value"]), sentence["figure_id"], noun="year")
    v["h82_assets_m"] = prose.text(f"{prose.fmt_number(assets['value'] / 1e6)} million euros", assets["figure_id"])
    v["h82_return_year"] = prose.date(
        pd.Timestamp(year=int(back["value"]), month=1, day=1), back["figure_id"], precision="year"
    )
    return Section(values=v)


def perpetrators(t: Tables) -> Section:
    """Accounts of the assault that name the force that carried it out (events with an ``actor_id``)."""
    mine, actors = t.mine, load("actors")
    named = mine[(mine["category"] == "hama_1982") & mine["actor_id"].notna()]
    named = named.merge(actors[["actor_id", "name", "kind"]], on="actor_id", how="left")
    units = named[named["kind"] != "state"].sort_values(["date", "event_id"])
    strength = metric_rows(t.figures, DC_STRENGTH).iloc[0]
    forces = prose.join_words(dict.fromkeys(short_name(n) for n in units["name"]))
    return Section(
        values={
            "h82_forces": prose.text(forces, units["event_id"]),
            "h82_dc_strength": prose.text(
                prose.fmt_range(strength["low_"], strength["high_"], "men"), strength["figure_id"]
            ),
        }
    )


def before(t: Tables) -> Section:
    """1979-80: the events leading up to the assault (category ``hama_1982_context``), picked by place."""
    ctx = t.mine[t.mine["category"] == CONTEXT].sort_values(["date", "event_id"])
    aleppo = ctx[ctx["place_id"] == "aleppo"].iloc[0]
    palmyra = ctx[ctx["place_id"] == "palmyra"].iloc[0]
    law = ctx[ctx["place_id"].isna()]
    return Section(
        values={
            "h82_ctx_years": prose.text(f"{ctx['date'].min().year}–{ctx['date'].max().year}", ctx["event_id"]),
            "h82_artillery_date": event_date(aleppo),
            "h82_palmyra_date": event_date(palmyra),
            "h82_law_date": prose.date(law["date"].mode().min(), law["event_id"]),
        }
    )


def in_2011(t: Tables) -> Section:
    """Hama in the 2011 uprising: protests, the ambassadors' visit and the army's assault (by category)."""
    rows = t.mine[t.mine["category"].isin(EVENTS_2011)].sort_values(["date", "event_id"])
    visit = rows[rows["category"] == "diplomatic_visit"].iloc[0]
    attack = rows[rows["category"] == "assault"]
    crowd = metric_rows(t.figures, CROWD_2011).iloc[0]
    deaths = metric_rows(t.figures, DEATHS_2011)
    return Section(
        values={
            "h82_2011_year": prose.date(rows["date"].min(), rows["event_id"], precision="year"),
            "h82_2011_crowd": prose.text(prose.fmt_range(crowd["low_"], crowd["high_"], "people"), crowd["figure_id"]),
            "h82_2011_crowd_date": prose.date(crowd["as_of"], crowd["figure_id"], precision=crowd["as_of_precision"]),
            "h82_2011_visit_date": event_date(visit),
            "h82_2011_assault_date": prose.date(attack["date"].mode().min(), attack["event_id"]),
            "h82_2011_deaths": prose.text(
                prose.fmt_range(deaths["low_"].min(), deaths["high_"].max(), "people"), deaths["figure_id"]
            ),
        }
    )


def data_as_of(t: Tables) -> Section:
    """The date of the latest row the chapter rests on."""
    frames = (t.toll, t.undated, t.pop, t.days, t.dis, t.wound)
    used = pd.concat(
        [f[["figure_id", "as_of"]].rename(columns={"figure_id": "row"}) for f in frames]
        + [t.mine[["event_id", "as_of"]].rename(columns={"event_id": "row"}).dropna()]
    )
    latest = used[used["as_of"] == used["as_of"].max()]
    return Section(values={"h82_data_as_of": prose.date(latest["as_of"].iloc[0], latest["row"])})
