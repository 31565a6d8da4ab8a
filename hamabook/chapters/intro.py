"""The opening page (``book/intro.ipynb``): ``build() -> Page``.

What happened, in dates computed from every report; the key-judgments list from ``judgments.csv``; and a
chronology that merges front-moving events with the control changes of the cities, so it reads the same rows
as the battle chapter. Rows are selected by category, place kind and dates only.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..charts import theme
from ..charts.kinds import report_dots
from ..data import load
from ..output import prose
from ..output.figure import block, figure, table
from ..output.judgments import key_judgments, verdict_values
from ..rows.control import control_reports
from ..rows.provenance import credit
from ..rows.reports import CONTROL_CLAIM, count_reports
from ..rows.select import days_between, modal_date, reported_dates, with_sources
from .page import Page, Section

# Event kinds the opening chronology lists (the battle chapter has the full day-by-day record).
CHRONOLOGY_EVENTS = ("offensive_launch", "city_captured", "army_withdrawal", "regime_end", "assad_exit")
END_EVENTS = ("regime_end", "assad_exit")
CITY = "city"  # places.kind of the places whose control changes the chronology lists
KEY_CITIES = ("aleppo", "hama", "homs", "damascus")  # the M5 cities whose reported capture dates are charted
BOTTOM_LINE = {"j16_verdict": "J16", "j09_verdict": "J09"}  # verdict key -> judgment
KEY_SHOWN = 5  # the key judgments shown at the top of the page; the full list follows, folded
SOURCE_COLUMNS = ("publisher", "originator", "via", "reliability")
NEVER_TAKEN = "a city the rebels had never taken during the war"  # the wording of the capture reports
NO_PLACE = "Not recorded"  # the Place cell of a report whose row names no place


def chronology_rows(
    events: pd.DataFrame,
    changes: pd.DataFrame,
    places: pd.DataFrame,
    sources: pd.DataFrame,
    start: pd.Timestamp,
    end: pd.Timestamp,
) -> pd.DataFrame:
    """One row per report between ``start`` and ``end`` (inclusive): events of :data:`CHRONOLOGY_EVENTS`
    and control changes of places whose kind is ``city``, oldest first. Columns: row_id, date,
    date_precision, place, what (the row's summary), source (credit), reliability, credibility, as_of."""
    ev = events[events["category"].isin(CHRONOLOGY_EVENTS) & events["date"].between(start, end)]
    ev = ev.rename(columns={"event_id": "row_id"})
    cities = set(places.loc[places["kind"] == CITY, "place_id"])
    ch = changes[changes["place_id"].isin(cities) & changes["date"].between(start, end)]
    ch = ch.rename(columns={"change_id": "row_id"})
    cols = ["row_id", "date", "date_precision", "place_id", "summary", "source_id", "as_of", "credibility"]
    rows = pd.concat([ev[cols], ch[cols]], ignore_index=True)
    if rows.empty:
        raise LookupError("no chronology rows in that window")
    rows = rows.merge(places[["place_id", "name"]], on="place_id", how="left")
    rows = with_sources(rows, sources, SOURCE_COLUMNS)
    rows["place"] = rows["name"].fillna(NO_PLACE)
    rows["source"] = [credit(o, p, v) for o, p, v in zip(rows["originator"], rows["publisher"], rows["via"])]
    rows = rows.rename(columns={"summary": "what"})
    return rows.sort_values(["date", "row_id"]).reset_index(drop=True)[
        ["row_id", "date", "date_precision", "place", "what", "source", "reliability", "credibility", "as_of"]
    ]


def span_text(values) -> str:
    """'11 days' or '11–12 days' for the reported lengths of the offensive."""
    low, high = min(values), max(values)
    unit = "day" if high == 1 else "days"
    return f"{prose.fmt_number(low)} {unit}" if low == high else prose.fmt_range(low, high, unit)


@dataclass(frozen=True)
class Tables:
    """What the sections read: the tables, loaded once, and the reports of the dates the page is built on."""

    events: pd.DataFrame
    changes: pd.DataFrame  # control_changes.csv
    places: pd.DataFrame
    sources: pd.DataFrame
    launch_rows: pd.DataFrame
    hama_rows: pd.DataFrame
    damascus_rows: pd.DataFrame
    massacre: pd.DataFrame  # reports of the 1982 massacre
    rank_rows: pd.DataFrame  # Hama's population rank
    length: pd.DataFrame  # the offensive's reported length in days
    outcomes: pd.DataFrame  # what happened next (outcomes.csv)
    figures: pd.DataFrame


def tables() -> Tables:
    events, figures = load("events"), load("figures")
    return Tables(
        events=events,
        changes=load("control_changes"),
        places=load("places"),
        sources=load("sources"),
        launch_rows=reported_dates(events, "offensive_launch"),
        hama_rows=reported_dates(events, "city_captured", "hama"),
        damascus_rows=reported_dates(events, "city_captured", "damascus"),
        massacre=reported_dates(events, "hama_1982"),
        rank_rows=figures[(figures["metric"] == "city_population_rank") & (figures["place_id"] == "hama")],
        length=figures[figures["metric"] == "timeline_days"],
        outcomes=load("outcomes"),
        figures=figures,
    )


def ranked(judgments: pd.DataFrame) -> list[str]:
    """The key judgments in reading order: the bottom line's first (why so fast, then when), then the rest in the
    order of the chapters they belong to (chapters.csv), then by id."""
    lead = list(BOTTOM_LINE.values())
    page = load("chapters").set_index("chapter")["page"]
    rest = judgments[~judgments["judgment_id"].isin(lead)].assign(page=lambda j: j["chapter"].map(page))
    return lead + list(rest.sort_values(["page", "judgment_id"], na_position="last")["judgment_id"])


def all_judgments(judgments: pd.DataFrame, likelihood: pd.DataFrame, ids: list[str]):
    """Every judgment, folded under one line: the key judgments the page shows are the first few of this list.
    (A private fold, like the military chapter's tables; the print edition prints the list in full.)"""
    full = key_judgments(judgments, likelihood, ids)
    summary = f"All {len(ids)} judgments, in the order of the chapters that argue them"
    return block(
        f'<details class="hb-table-fold"><summary>{summary}</summary>{full.data}</details>',
        full.print_form[next(iter(full.print_form))],
    )


def build() -> Page:
    theme.apply()
    t = tables()
    judgments, likelihood = load("judgments"), load("likelihood_scale")
    story = [eleven_days(t), who_governs(t), why_it_matters(t)]
    cited = [row for section in story for value in section.values.values() for row in value.rows]
    return Page.of(
        what_happened(t),
        *story,
        context(t),
        Section(
            values=verdict_values(judgments, likelihood, BOTTOM_LINE),
            shows={
                "key-judgments": key_judgments(judgments, likelihood, ranked(judgments)[:KEY_SHOWN]),
                "all-judgments": all_judgments(judgments, likelihood, ranked(judgments)),
            },
        ),
        chronology(t, cited),
    )


def what_happened(t: Tables) -> Section:
    """The dates of the launch, of Hama's and Damascus's capture, and the days between them."""
    events, launch_rows = t.events, t.launch_rows
    launch = modal_date(events, "offensive_launch")
    hama = modal_date(events, "city_captured", "hama")
    damascus = modal_date(events, "city_captured", "damascus")
    late = launch_rows[launch_rows["date"] > launch]
    launch_ids, hama_ids, damascus_ids = (list(r["event_id"]) for r in (launch_rows, t.hama_rows, t.damascus_rows))
    return Section(
        values={
            "launch_date": prose.date(launch, launch_rows["event_id"]),
            "launch_reports": prose.count(len(launch_rows), launch_rows["event_id"], noun="report"),
            "launch_other_dates": prose.text(
                prose.join_words(prose.fmt_date(d) for d in sorted(late["date"].unique())) if len(late) else "none",
                late["event_id"] if len(late) else launch_rows["event_id"],
            ),
            "hama_date": prose.date(hama, t.hama_rows["event_id"]),
            "damascus_date": prose.date(damascus, t.damascus_rows["event_id"]),
            "days_to_hama": prose.count(days_between(launch, hama), launch_ids + hama_ids),
            "days_to_damascus": prose.count(days_between(launch, damascus), launch_ids + damascus_ids),
            "days_hama_to_damascus": prose.count(days_between(hama, damascus), hama_ids + damascus_ids),
        }
    )


def context(t: Tables) -> Section:
    """Why Hama matters, how long the offensive lasted, and the scales the book grades with."""
    rank = t.rank_rows.iloc[0]
    credibility = load("credibility_scale")["score"]
    return Section(
        values={
            "hama_rank": prose.text(f"{prose.fmt_ordinal(int(rank['value']))}-largest", rank),
            # The reports of Hama's capture are where the press says the rebels had never taken it during the war.
            "hama_never_taken": prose.text(NEVER_TAKEN, t.hama_rows["event_id"]),
            "length_range": prose.text(span_text(t.length["value"].astype(float)), t.length["figure_id"]),
            "length_reports": prose.count(len(t.length), t.length["figure_id"], noun="report"),
            "credibility_span": prose.text(f"{credibility.min()}–{credibility.max()}", table="credibility_scale"),
            "massacre_year": prose.text(str(modal_date(t.events, "hama_1982").year), t.massacre["event_id"]),
        }
    )


def row_dates(t: Tables, ids) -> pd.DataFrame:
    """The date each of the rows ``ids`` was reported as of (an outcome's own date): columns row_id, as_of."""
    frames = [
        t.events[["event_id", "as_of"]].rename(columns={"event_id": "row_id"}),
        t.figures[["figure_id", "as_of"]].rename(columns={"figure_id": "row_id"}),
        t.changes[["change_id", "as_of"]].rename(columns={"change_id": "row_id"}),
        t.outcomes[["outcome_id", "date"]].rename(columns={"outcome_id": "row_id", "date": "as_of"}),
    ]
    known = pd.concat(frames, ignore_index=True)
    return known[known["row_id"].isin(set(ids))]


def chronology(t: Tables, cited=()) -> Section:
    """The chronology from the launch to the regime's end (a table), the capture dates (a chart), and the date of
    the latest report the page uses (its own rows and the rows ``cited`` by the story above it)."""
    events = t.events
    start = t.launch_rows["date"].min()
    end = reported_dates(events, END_EVENTS[0])["date"].max()
    for category in END_EVENTS[1:]:
        end = max(end, reported_dates(events, category)["date"].max())
    chron = chronology_rows(events, t.changes, t.places, t.sources, start, end)
    caps = capture_dates(t.changes, events, t.places, t.sources)
    used = pd.concat(
        [
            chron[["row_id", "as_of"]],
            caps[["change_id", "as_of"]].rename(columns={"change_id": "row_id"}),
            *(
                r[["event_id", "as_of"]].rename(columns={"event_id": "row_id"})
                for r in (t.launch_rows, t.hama_rows, t.damascus_rows, t.massacre)
            ),
            *(
                r[["figure_id", "as_of"]].rename(columns={"figure_id": "row_id"})
                for r in (t.rank_rows.head(1), t.length)
            ),
            row_dates(t, cited),
        ],
        ignore_index=True,
    )
    s = Section(
        values={
            "chronology_span": prose.date_range(start, end, chron["row_id"]),
            "chronology_reports": prose.count(len(chron), chron["row_id"], noun="report"),
            "data_as_of": latest_report(used),
            "read_up_to": prose.date(t.sources["accessed"].max(), table="sources"),
        }
    )
    s.add(
        "chronology",
        table(
            chron[["date", "date_precision", "place", "what", "source", "reliability", "credibility"]],
            caption=f"Chronology, {prose.fmt_date_range(start, end)}: front-moving events and city control "
            "changes, one row per report",
            labels={
                "place": "Place",
                "what": "What was reported (our words)",
                "source": "Source",
            },
            noun="reports",
        ),
    )
    s.add("capture-dates", capture_figure(caps, t.places))
    return s


def latest_report(rows: pd.DataFrame) -> prose.Value:
    """The latest ``as_of`` date among ``rows`` (columns row_id, as_of), credited to the row(s) that carry it."""
    dated = rows.dropna(subset=["as_of"])
    if dated.empty:
        raise LookupError("no dated rows")
    last = dated["as_of"].max()
    return prose.date(last, dated.loc[dated["as_of"] == last, "row_id"])


def capture_dates(
    changes: pd.DataFrame, events: pd.DataFrame, places: pd.DataFrame, sources: pd.DataFrame
) -> pd.DataFrame:
    """Every report that one of the :data:`KEY_CITIES` changed hands, one row per report: control changes and
    capture events together (:func:`hamabook.rows.control_reports`), the reports the battle chapter counts."""
    rows = control_reports(changes, events)
    rows = rows[rows["place_id"].isin(KEY_CITIES)]
    rows = with_sources(rows.merge(places[["place_id", "name"]], on="place_id"), sources)
    return rows.sort_values(["date", "change_id"]).reset_index(drop=True)


def fall_facts(caps: pd.DataFrame, order: list[str]) -> list[tuple[str, str, int, object]]:
    """How the reports date each city's fall, in ``order``, for either edition's sentence: per city with reports,
    (city, "spread", days the dates span, None), (city, "one", 1, the date) or (city, "all", reports, the date)
    (``caps``: columns name, date)."""
    facts = []
    for city in order:
        rows = caps[caps["name"] == city]
        dates, n = rows["date"], count_reports(rows, CONTROL_CLAIM)
        if dates.empty:
            continue
        days = (dates.max() - dates.min()).days + 1
        if days > 1:
            facts.append((city, "spread", days, None))
        else:
            facts.append((city, "one" if n == 1 else "all", n, dates.iloc[0]))
    if not facts:
        raise LookupError("no capture reports for the key cities")
    return facts


def fall_sentence(caps: pd.DataFrame, order: list[str]) -> str:
    """How the reports date each city's fall, in ``order``: 'All 12 reports date the fall of Hama to
    5 December 2024; the one report for Damascus dates it to 8 December 2024; reported dates spread over
    three days for Aleppo and two days for Homs.' (``caps``: columns name, date)."""
    parts, spread = [], []
    for city, kind, n, day in fall_facts(caps, order):
        if kind == "spread":
            spread.append(f"{prose.count_word(n)} days for {city}")
        elif kind == "one":
            parts.append(f"the one report for {city} dates its fall to {prose.fmt_date(day)}")
        else:
            parts.append(f"{prose.of_all(n, n)} reports date the fall of {city} to {prose.fmt_date(day)}")
    if spread:
        parts.append(f"reported dates spread over {prose.join_words(spread)}")
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


def capture_figure(caps: pd.DataFrame, places: pd.DataFrame):
    drawn = caps[["name", "date", "publisher", "reliability"]].rename(columns={"name": "city"})
    order = places.set_index("place_id").loc[list(KEY_CITIES), "name"].tolist()
    caption = (
        f"{fall_sentence(caps, order)} The chart draws one dot per copy read "
        f"({prose.plural(len(caps), 'copy', 'copies')}); copies of one originator's report count once in the text."
    )
    chart = report_dots(drawn, "city", order, x_title="Reported date of capture", height=180, size=90, opacity=0.8)
    return figure(
        "capture-dates",
        chart,
        drawn,
        caption=caption,
        alt_text=f"Dot chart of reported capture dates for {prose.join_words(order)}, one dot per report, "
        "coloured by source grade.",
        sources=list(dict.fromkeys(caps["source_id"])),
    )


# --- The opening story: the eleven days, who governs now, why the week matters -----------------------------------

TRANSITION = "transition"  # outcomes.questions: the question of who governs and how
DESIGNATION = "hts_designation"  # outcomes.questions: HTS and al-Sharaa on the terrorist lists
# outcomes.status: the UN's and the United States' delistings of al-Sharaa (Canada's of HTS came later)
UN_US_DELISTINGS = ("UN delists al-Sharaa and Khattab", "US delists al-Sharaa (SDGT)")
# The words in which the reports give a span or a size (numbers they state in prose, not in a value field).
TRANSITION_LENGTH = "five-year"  # the constitutional declaration's transitional period
CABINET_SIZE = "23-member"  # the transitional cabinet sworn in on 29 March 2025
SEDNAYA = "sednaya-prison"  # places.csv: the prison the rebels stormed as Damascus fell


def _of(frame: pd.DataFrame, column: str, *wanted) -> pd.DataFrame:
    """The rows whose ``column`` is one of ``wanted``; a LookupError when none is."""
    rows = frame[frame[column].isin(wanted)]
    if rows.empty:
        raise LookupError(f"no row with {column} in {wanted}")
    return rows.sort_values("date")


def _one_date(rows: pd.DataFrame, precision: str | None = None) -> prose.Value:
    """The one date ``rows`` give, at their own precision unless ``precision`` is given; an error if several."""
    days = rows["date"].unique()
    if len(days) != 1:
        raise ValueError(f"rows give {len(days)} dates, not one")
    return prose.date(days[0], rows, precision=precision or rows["date_precision"].iloc[0])


def _two_days(rows: pd.DataFrame, word: str = "and") -> prose.Value:
    """The first and last day reports give for one event, as a reader says them: '29 November and 1 December
    2024', or with ``word="or"`` '7 or 8 December 2024'."""
    first, last = rows["date"].min(), rows["date"].max()
    if first == last:
        return prose.date(first, rows)
    if first.year != last.year:
        start = prose.fmt_date(first)
    else:
        start = f"{first.day}" if first.month == last.month else f"{first.day} {first:%B}"
    return prose.text(f"{start} {word} {prose.fmt_date(last)}", rows)


def _latest_month(rows: pd.DataFrame) -> prose.Value:
    """The month of the latest of ``rows``, resting on every row of that month."""
    last = rows["date"].max()
    month = rows[rows["date"].dt.to_period("M") == last.to_period("M")]
    return prose.date(last, month, precision="month")


def eleven_days(t: Tables) -> Section:
    """The offensive in brief, city by city, from the reports of capture the battle chapter also reads."""
    ev = t.events
    captured = ev[ev["category"] == "city_captured"]
    return Section(
        values={
            "aleppo_dates": _two_days(_of(captured, "place_id", "aleppo")),
            "hama_approach": _one_date(_of(captured, "place_id", "halfaya", "taybat-al-imam", "suran")),
            "homs_dates": _two_days(_of(captured, "place_id", "homs"), "or"),
            "daraa_dates": _two_days(_of(captured, "place_id", "daraa"), "or"),
            **assad_exit(ev),
        }
    )


def assad_exit(events: pd.DataFrame) -> dict[str, prose.Value]:
    """Assad's exit, as the reports tell it: those that place it in Syria date when he left (Damascus late on
    7 December, SOHR said; Latakia on the 8th, by his own later account), those that place it nowhere in Syria
    date his arrival in Moscow. Where they give several days, the sentence gives each ('7 or 8 December')."""
    exits = _of(events, "category", "assad_exit")
    left = exits[exits["place_id"].notna()]
    arrived = exits[exits["place_id"].isna()]
    return {
        "assad_left": _two_days(left if len(left) else exits, "or"),
        "assad_moscow": _two_days(arrived if len(arrived) else exits, "or"),
    }


def who_governs(t: Tables) -> Section:
    """Who has governed Syria since: the caretaker government, the transitional president, the declaration, the
    cabinet and the assembly, as of the latest report of each."""
    ev, out = t.events, t.outcomes
    transition = _of(out, "question", TRANSITION)
    sharaa = ev[(ev["actor_id"] == "hts") & (ev["category"] == "statement") & (ev["place_id"] == "hama")]
    declaration = _of(ev, "category", "constitutional_declaration")
    cabinet = transition[transition["status"] == "government formed"]
    named = transition[transition["status"] == "al-Sharaa named president"]  # and the old state dissolved
    return Section(
        values={
            "sharaa_until": _one_date(sharaa[sharaa["date"] == t.hama_rows["date"].min()], precision="month"),
            **handover(ev, t.places),
            "president_date": prose.text(
                _one_date(_of(ev, "category", "transitional_president")).text,
                [*_of(ev, "category", "transitional_president")["event_id"], *named["outcome_id"]],
            ),
            "declaration_date": _one_date(declaration),
            "transition_length": prose.text(TRANSITION_LENGTH, declaration),
            "cabinet_date": _one_date(cabinet),
            "cabinet_size": prose.text(CABINET_SIZE, cabinet),
            "assembly_vote": _one_date(transition[transition["status"] == "indirect elections held"], "month"),
            "transition_as_of": _one_date(transition[transition["date"] == transition["date"].max()]),
            "delisted": _latest_month(_of(_of(out, "question", DESIGNATION), "status", *UN_US_DELISTINGS)),
        }
    )


def _first(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows of the earliest date ``rows`` give."""
    return rows[rows["date"] == rows["date"].min()]


def _last(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows of the latest date ``rows`` give."""
    return rows[rows["date"] == rows["date"].max()]


def handover(ev: pd.DataFrame, places: pd.DataFrame) -> dict[str, prose.Value]:
    """Who ran Idlib, and how power changed hands in Damascus. The reports on Idlib's administration are the
    background (``context``) rows placed in Idlib: the earliest year they give is the Salvation Government's
    founding, the latest before the offensive names who headed it then. The caretaker government's first report is
    al-Sharaa's order of 8 December that the old prime minister keep the institutions until a handover (dated with
    the prime minister's offers that day), its latest the naming of al-Bashir's caretaker government."""
    idlib = ev[(ev["category"] == "context") & (ev["topic"] == "context") & (ev["place_id"] == "idlib")]
    founded = idlib[idlib["date"].dt.year == idlib["date"].dt.year.min()]
    before = idlib[idlib["date"] < _of(ev, "category", "offensive_launch")["date"].min()]
    caretaker = _of(ev, "category", "caretaker_government")
    first = _first(caretaker)
    offers = ev[(ev["category"] == "handover_offer") & ev["date"].isin(first["date"])]
    sednaya = _first(_of(ev, "place_id", SEDNAYA).pipe(lambda r: r[r["category"] == "prison_opened"]))
    return {
        "salvation_since": prose.text(str(founded["date"].dt.year.iloc[0]), founded),
        "bashir_in_idlib": _one_date(_last(before), precision="month"),
        "handover_date": prose.text(_one_date(first).text, [*first["event_id"], *offers["event_id"]]),
        # The prison by the name the map gives it, resting on the report that the rebels stormed it.
        "sednaya_prison": prose.text(places.set_index("place_id").loc[SEDNAYA, "name"], sednaya),
        "caretaker_date": _one_date(_last(caretaker)),
    }


def why_it_matters(t: Tables) -> Section:
    """What the week ended and changed: the Assad family's rule over Hama, Iran's route to Hezbollah, Israel's
    line on the Golan."""
    ev = t.events
    family = t.figures[t.figures["metric"] == "context_years"]
    route = ev[(ev["actor_id"] == "hezbollah") & (ev["category"] == "ally_statement") & (ev["topic"] == "aftermath")]
    return Section(
        values={
            "family_years": prose.number(family["value"].max(), family),
            "route_lost": _one_date(route[route["date"] == route["date"].min()]),
            "buffer_zone": _one_date(_of(ev, "category", "buffer_zone_seized")),
        }
    )
