"""Allied support for and against Assad: who backed whom, from when to when, each actor's moves, the
diplomacy of the last week and what the fall cost the allies.

Support periods are selected from ``events.csv`` by category and actor: a backer's support starts at its
earliest ``support_start`` or ``military_intervention`` row and ends at its earliest ``ally_withdrawal`` row
on or after that start (open if there is none). Which side each backer backed, and in what form, are the
actor row's ``backs`` and ``support_kind`` fields.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..charts import kinds_allies, theme
from ..data import load
from ..output import prose
from ..output.figure import figure, folded_table
from ..rows.figures import latest, peak
from ..rows.select import labels as registry_labels
from ..rows.select import modal_date, reported_dates, with_sources
from .page import Page, Section, judged

STATEMENT_CATEGORIES = ("ally_statement", "statement", "ally_assessment", "un_statement")
START_CATEGORIES = ("support_start", "military_intervention")
END_CATEGORY = "ally_withdrawal"
ALLY_OF = "syrian-government"  # actors.backs value of Assad's allies
DIPLOMACY_CATEGORIES = ("diplomatic_meeting", "un_statement", "ally_statement")
WINDOW = ("2024-11-27", "2024-12-08")
COST_END = "2024-12-31"
JUDGMENTS = {"j02_verdict": "J02", "j05_verdict": "J05", "j13_verdict": "J13"}  # verdict key -> judgment
RAID_METRICS = (
    "air_raids_first_week_russian_jets",
    "air_raids_first_week_syrian_jets",
    "air_raids_first_week_syrian_helicopters",
)
RAID_FORCE = {
    "air_raids_first_week_russian_jets": "Russian jets",
    "air_raids_first_week_syrian_jets": "Syrian jets",
    "air_raids_first_week_syrian_helicopters": "Syrian helicopters",
}


def support_periods(events: pd.DataFrame, actors: pd.DataFrame, as_of) -> pd.DataFrame:
    """One row per backer: start and end rows selected by category and actor, years of support."""
    names = actors.set_index("actor_id")["name"]
    as_of = pd.Timestamp(as_of)
    rows = []
    backers = actors[actors["backs"].notna()]
    for backer, backed, what in zip(backers["actor_id"], backers["backs"], backers["support_kind"], strict=True):
        if backed not in names.index:
            raise KeyError(f"unknown actor {backed!r}")
        own = events[events["actor_id"] == backer].sort_values(["date", "event_id"])
        starts = own[own["category"].isin(START_CATEGORIES)]
        if starts.empty:
            raise LookupError(f"no support_start or military_intervention row for {backer}")
        start = starts.iloc[0]
        ends = own[(own["category"] == END_CATEGORY) & (own["date"] >= start["date"])]
        end = ends.iloc[0] if not ends.empty else None
        end_date = end["date"] if end is not None else as_of
        rows.append(
            {
                "backer": names[backer],
                "backer_id": backer,
                "backed": names[backed],
                "what": what,
                "start": start["date"],
                "start_precision": start["date_precision"],
                "end": end_date,
                "open_ended": end is None,
                "years": round((end_date - start["date"]).days / 365.25, 1),
                "start_event": start["event_id"],
                "end_event": end["event_id"] if end is not None else "",
                "source_id": start["source_id"],
            }
        )
    return pd.DataFrame(rows)


def actor_moves(events: pd.DataFrame, actors: pd.DataFrame, start: str, end: str) -> pd.DataFrame:
    """Events with an actor between ``start`` and ``end`` (inclusive), oldest first, marked statement/action."""
    mask = events["actor_id"].notna() & events["date"].between(start, end) & (events["topic"] == "allies")
    rows = events.loc[mask].merge(actors[["actor_id", "name", "side"]], on="actor_id", how="left")
    if rows["name"].isna().any():
        raise KeyError(f"events name unknown actors: {sorted(rows.loc[rows['name'].isna(), 'actor_id'].unique())}")
    rows = rows.rename(columns={"name": "actor"}).sort_values(["date", "event_id"]).reset_index(drop=True)
    rows["kind"] = rows["category"].map(lambda c: "statement" if c in STATEMENT_CATEGORIES else "action")
    rows["slot"] = rows.groupby(["actor_id", "date"]).cumcount()
    return rows


def select(events: pd.DataFrame, categories, start, end, topics=("allies",), actors=None) -> pd.DataFrame:
    """Events of ``categories`` and ``topics`` dated ``start``..``end`` (optionally of ``actors``), oldest first."""
    mask = events["category"].isin(categories) & events["topic"].isin(topics) & events["date"].between(start, end)
    if actors is not None:
        mask &= events["actor_id"].isin(actors)
    return events[mask].sort_values(["date", "event_id"]).reset_index(drop=True)


LABELS = {
    "actor": "Actor",
    "category": "Kind",
    "summary": "What was reported (our words)",
    "publisher": "Source",
    "event_id": "Row",
}


def kind_labels(rows: pd.DataFrame, actors: pd.DataFrame, labels: pd.Series) -> pd.Series:
    """The reader's label of each row's category (``categories.csv``). A label that calls the actor an ally
    ("Ally's ...") is not used for an actor that does not back the Syrian government: a statement then gets the
    label of the plain ``statement`` category, so the US and Turkey are never called Assad's allies."""
    missing = sorted(set(rows["category"]) - set(labels.index))
    if missing:
        raise KeyError(f"categories without a label in categories.csv: {missing}")
    allies = set(actors.loc[actors["backs"] == ALLY_OF, "actor_id"])
    out = rows["category"].map(labels)
    wrong = out.str.contains(r"\bally\b|\bally's\b", case=False, regex=True) & ~rows["actor_id"].isin(allies)
    out[wrong & rows["category"].isin(STATEMENT_CATEGORIES)] = labels["statement"]
    return out


def with_article(name: str) -> str:
    """A country or body named as a noun phrase in a sentence: 'United States' -> 'the United States'."""
    plural_state = name.split(" (")[0].endswith(("States", "Nations", "Emirates", "Kingdom"))
    return f"the {name}" if plural_state and not name.lower().startswith("the ") else name


def short_name(name: str) -> str:
    """A backer as a caption names it: 'Iran (IRGC and Quds Force)' -> 'Iran', 'United States' -> 'the United
    States'."""
    return with_article(name.split(" (")[0])


def longest_backers(periods: pd.DataFrame) -> pd.DataFrame:
    """Every backer whose support ran longest, in years to one decimal as the support table shows them (a start
    known only to the year cannot separate backers by days): several when they tie."""
    return periods[periods["years"] == periods["years"].max()]


def _report_table(rows, sources, actors, caption):
    shown = with_sources(rows, sources).merge(actors[["actor_id", "name"]], on="actor_id", how="left")
    shown["actor"] = shown["name"].fillna("no actor recorded")
    shown["category"] = kind_labels(shown, actors, registry_labels("categories")).to_numpy()
    cols = ["date", "date_precision", "actor", "category", "summary", "publisher", "reliability", "event_id"]
    return folded_table(shown[cols], caption, LABELS, "reports")


# --- Picking the rows a sentence rests on ----------------------------------------------------------------------

NO_ACTOR = "none"  # on(actor=NO_ACTOR): rows that name no actor
# How the report of the offensive's first day names the ceasefire that had frozen the north-west (its words).
YEAR = pd.Timestamp(WINDOW[0]).year  # a date in the offensive's year reads without its year ("5 December")


def on(events: pd.DataFrame, *, actor=None, category=None, day=None, place=None, topic=None) -> pd.DataFrame:
    """The events of ``actor`` (a name, a tuple of names, or :data:`NO_ACTOR` for rows that name none), of
    ``category`` (a name or a tuple), dated ``day``, at ``place`` and of ``topic``, each filter applied only when
    given, oldest first; a LookupError when none match."""
    mask = pd.Series(True, index=events.index)
    if actor == NO_ACTOR:
        mask &= events["actor_id"].isna()
    elif actor is not None:
        mask &= events["actor_id"].isin((actor,) if isinstance(actor, str) else actor)
    if category is not None:
        mask &= events["category"].isin((category,) if isinstance(category, str) else category)
    if day is not None:
        mask &= events["date"] == pd.Timestamp(day)
    for column, wanted in (("place_id", place), ("topic", topic)):
        if wanted is not None:
            mask &= events[column] == wanted
    rows = events[mask.fillna(False).astype(bool)].sort_values(["date", "event_id"])
    if rows.empty:
        raise LookupError(f"no event of {actor or 'any actor'}, {category or 'any kind'}, {day or 'any day'}")
    return rows


def of(table: pd.DataFrame, code: str, column: str = "metric") -> pd.DataFrame:
    """Every figure of metric ``code`` (or every outcome of question ``code``, with ``column="question"``);
    a LookupError when there is none."""
    rows = table[table[column] == code]
    if rows.empty:
        raise LookupError(f"no row of {column} {code}")
    return rows


def row_ids(rows: pd.DataFrame) -> list[str]:
    """The ids of fact rows (events, figures, outcomes...), from the one id column they carry."""
    columns = [c for c in prose.ID_COLUMNS if c in rows.columns]
    if len(columns) != 1:
        raise ValueError(f"rows need one id column of {', '.join(prose.ID_COLUMNS)}")
    return list(rows[columns[0]])


def dated(rows: pd.DataFrame, day: str) -> pd.DataFrame:
    """The rows of ``rows`` dated ``day``; a LookupError when there is none."""
    picked = rows[rows["date"] == pd.Timestamp(day)]
    if picked.empty:
        raise LookupError(f"no row dated {day}")
    return picked


def when(rows, column: str = "date", precision: str | None = None, *, also=()) -> prose.Value:
    """The one date ``rows`` give in ``column`` (as :func:`prose.fmt_day` writes it, at the rows' own precision for
    their ``date`` unless ``precision`` is given), resting on ``rows`` and the rows ``also`` (reports of the same
    day's other facts); an error if ``rows`` give several dates."""
    days = rows[column].dropna().unique()
    if len(days) != 1:
        raise ValueError(f"rows give {len(days)} dates in {column}, not one")
    if precision is None:  # the most precise report of the date sets its precision
        given = rows["date_precision"] if column == "date" and "date_precision" in rows else pd.Series(["day"])
        precision = "day" if (given == "day").any() else given.iloc[0]
    ids = [i for r in (rows, *also) for i in row_ids(r)]
    return prose.text(prose.fmt_day(days[0], YEAR, precision), ids)


def either_date(rows: pd.DataFrame) -> prose.Value:
    """A date the reports disagree on, as a reader says it: '5 December' when they agree, '5 or 6 December' or
    '30 November or 1 December' when they give two days of one year, the span ('4–6 December 2024') when more."""
    days = sorted(pd.Timestamp(d) for d in rows["date"].unique())
    if len(days) == 1:
        return when(rows)
    if len(days) == 2 and days[0].year == days[1].year:
        return prose.text(prose.in_year(prose.fmt_dates(days, "or"), YEAR), rows)
    return prose.date_range(days[0], days[-1], rows)


def first_of(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows of the earliest date ``rows`` give: the rule for when something began (the first report of a
    withdrawal is when it started; later reports of the same withdrawal tell how it went on)."""
    return rows[rows["date"] == rows["date"].min()]


def last_of(rows: pd.DataFrame, column: str = "date") -> pd.DataFrame:
    """The rows of the latest date ``rows`` give in ``column``: the rule for the last word, or the latest count."""
    return rows[rows[column] == rows[column].max()]


def year_of(rows: pd.DataFrame, column: str = "date") -> prose.Value:
    """The year of the rows' one date, as a reader writes it ('2017', never '2,017')."""
    years = rows[column].dt.year.unique()
    if len(years) != 1:
        raise ValueError(f"rows span {len(years)} years")
    return prose.text(str(years[0]), rows)


def figure_value(rows: pd.DataFrame, *, as_year: bool = False) -> prose.Value:
    """The one figure ``rows`` report (a year written as a year); an error if they report several."""
    values = rows["value"].unique()
    if len(values) != 1:
        raise ValueError(f"rows report {len(values)} values, not one")
    return prose.text(str(int(values[0])), rows) if as_year else prose.number(values[0], rows)


def reports_by_day(rows: pd.DataFrame, places: pd.DataFrame) -> prose.Value:
    """Every report of one daily figure, oldest first, as a reader lists them: '19 on 28 November, 16 in Aleppo on
    30 November and 8 in Idlib on 1 December' (the place where the row names one), resting on every row: reports
    of different days and places are not one figure to choose between, so none is left out."""
    names = places.set_index("place_id")["name"]
    parts = []
    for row in rows.sort_values(["as_of", "figure_id"]).itertuples():
        where = f" in {names[row.place_id]}" if isinstance(row.place_id, str) else ""
        parts.append(f"{prose.fmt_number(row.value)}{where} on {prose.fmt_day(row.as_of, YEAR)}")
    return prose.text(prose.join_words(parts), rows)


def value_range(rows: pd.DataFrame, unit: str) -> prose.Value:
    """'3,500–4,047 people': the span of every report of one figure."""
    return prose.text(prose.fmt_range(rows["value"].min(), rows["value"].max(), unit), rows)


@dataclass(frozen=True)
class Tables:
    """What the sections read: the tables, loaded once, and the window of the chapter."""

    events: pd.DataFrame
    figures: pd.DataFrame
    outcomes: pd.DataFrame
    actors: pd.DataFrame
    sources: pd.DataFrame
    places: pd.DataFrame
    start: pd.Timestamp
    end: pd.Timestamp


def build() -> Page:
    theme.apply()
    start, end = (pd.Timestamp(d) for d in WINDOW)
    t = Tables(
        load("events"), load("figures"), load("outcomes"), load("actors"), load("sources"), load("places"), start, end
    )
    sections = [
        history(t),
        support(t),
        late_2024(t),
        first_days(t),
        iraq(t),
        air_raids(t),
        hama_days(t),
        last_days(t),
        fall(t),
        actor_moves_section(t),
        diplomacy(t),
        turkey(t),
        washington(t),
        israel(t),
        cost(t),
        after(t),
    ]
    return Page.of(*sections, cited(t, sections), judged("allies", JUDGMENTS))


def cited(t: Tables, sections: list[Section]) -> Section:
    """Every other report the story rests on, folded whole: the rows behind the page's values that none of the
    chapter's other tables shows (the later reports, the figures, what came of the bases and the route), so every
    report a sentence tells is one click away. (The judgment boxes show their own evidence.)"""
    ids = {i for s in sections for v in s.values.values() for i in v.rows}
    periods = support_periods(t.events, t.actors, t.end)
    shown = {
        *periods["start_event"],
        *actor_moves(t.events, t.actors, WINDOW[0], WINDOW[1])["event_id"],
        *diplomacy_rows(t)["event_id"],
        *(i for r in cost_rows(t) for i in r["event_id"]),
    }
    ids -= shown
    ev = t.events[t.events["event_id"].isin(ids)]
    fig = t.figures[t.figures["figure_id"].isin(ids)]
    out = t.outcomes[t.outcomes["outcome_id"].isin(ids)]
    columns = ["date", "date_precision", "summary", "source_id"]
    rows = pd.concat(
        [
            ev[["event_id", *columns]].rename(columns={"event_id": "row"}),
            out[["outcome_id", *columns]].rename(columns={"outcome_id": "row"}),
            fig[["figure_id", "as_of", "as_of_precision", "summary", "source_id"]].rename(
                columns={"figure_id": "row", "as_of": "date", "as_of_precision": "date_precision"}
            ),
        ],
        ignore_index=True,
    ).sort_values(["date", "row"])
    shown_rows = with_sources(rows, t.sources)[["date", "date_precision", "summary", "publisher", "reliability", "row"]]
    s = Section()
    s.add(
        "allies-cited",
        folded_table(
            shown_rows, "The story's other reports and figures, one row per report", {**LABELS, "row": "Row"}, "reports"
        ),
    )
    return s


# --- The story, section by section ------------------------------------------------------------------------------

SAID = "ally_statement"


def earliest(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows that give the earliest date: when support began is the first report of it (later reports of the
    same forces confirm it, they do not move it)."""
    return rows[rows["date"] == rows["date"].min()]


def history(t: Tables) -> Section:
    """Who came to Assad's aid and when, and who stood on the other side, before 2024."""
    ev, fig = t.events, t.figures
    troops = of(fig, "us_troops_in_syria")
    hezbollah = on(ev, actor="hezbollah", category=START_CATEGORIES)
    lease = of(fig, "russia_base_lease_years")
    first_day = on(ev, category="offensive_context", place="idlib")
    return Section(
        values={
            "al_iran_since": when(earliest(on(ev, actor="iran", category=START_CATEGORIES))),
            "al_iraqi_since": when(earliest(on(ev, actor="iraqi-militias", category=START_CATEGORIES))),
            "al_qusayr_assault": when(hezbollah),
            "al_qusayr_retaken": when(hezbollah, "as_of"),
            "al_qusayr_year": year_of(hezbollah),
            "al_russia_since": when(earliest(on(ev, actor="russia", category=START_CATEGORIES))),
            "al_lease_year": year_of(lease, "as_of"),
            "al_lease_years": figure_value(lease),
            "al_turkey_since": when(on(ev, actor="turkey", category=START_CATEGORIES)),
            "al_turkey_hts_listed": when(on(ev, actor="turkey", category="terror_designation")),
            "al_sdf_formed": when(on(ev, actor="united-states", category=START_CATEGORIES)),
            "al_us_troops_range": value_range(troops, "troops"),
            "al_us_troops_admitted": when(troops[troops["value"] == troops["value"].max()], "as_of"),
            # The Moscow ceasefire of March 2020 that froze the north-west (the Russian and Turkish reports of it).
            "al_quiet_since": when(on(ev, category="ceasefire", place="idlib"), precision="month", also=(first_day,)),
            "al_launch": when(first_day),
        }
    )


def late_2024(t: Tables) -> Section:
    """How the support stood when the offensive began: Hezbollah's war with Israel just over."""
    truces = on(t.events, category="ceasefire")
    lebanon = truces[truces["place_id"].isna() & truces["date"].between(*WINDOW)]
    return Section(
        values={
            # Lebanon's ceasefire: the one of the offensive's days that no Syrian place is named for.
            "al_ceasefire_date": when(lebanon),
            "al_lebanon_range": value_range(of(t.figures, "lebanon_killed_since_2023_10"), "people"),
        }
    )


def first_days(t: Tables) -> Section:
    """27 November – 2 December: an Iranian adviser killed, Russian strikes, Moscow's and Tehran's words."""
    ev, fig = t.events, t.figures
    killed = of(fig, "civilians_killed_russian_strikes_day")
    return Section(
        values={
            "al_adviser_killed": when(on(ev, actor="iran", category="ally_adviser_killed")),
            "al_adviser_blame": when(on(ev, actor="iran", category=SAID, day="2024-12-23")),
            "al_russia_civilians": reports_by_day(killed, t.places),
            "al_aleppo_strikes": when(on(ev, actor="russia", category="ally_air_strike", place="aleppo")),
            "al_aleppo_last": figure_value(of(fig, "russian_strikes_aleppo_first_since_year"), as_year=True),
            "al_kremlin_first": when(on(ev, actor="russia", category=SAID, day="2024-11-29")),
            "al_aid_promised": when(on(ev, actor="russia", category="ally_support")),
            "al_aid_hours": figure_value(of(fig, "russian_aid_promised_within_hours")),
            "al_russia_strikes_north": when(
                on(ev, actor="russia", category="ally_air_strike", place="morek"),
                also=[on(ev, actor="russia", category="ally_command_change")],
            ),
            "al_peskov_support": when(on(ev, actor="russia", category=SAID, day="2024-12-02")),
            "al_araghchi_damascus": when(
                on(ev, actor="iran", category=SAID, day="2024-12-01"),
                also=[on(ev, actor="iran", category="diplomatic_visit", day="2024-12-01")],
            ),
            "al_araghchi_ankara": when(on(ev, actor=("iran", "turkey"), category=SAID, day="2024-12-02")),
            # Dated only about the day: the prose says "around" (as for the convoy and Putin's word on Iran below).
            "al_araghchi_forces": when(on(ev, actor="iran", category=SAID, day="2024-12-03"), precision="day"),
        }
    )


def iraq(t: Tables) -> Section:
    """The Iraqi militias: fighters reported crossing, the denial, the argument in Baghdad."""
    ev = t.events
    iraqi = of(t.figures, "iraqi_fighters_crossed_into_syria")
    appeal = on(ev, actor="hts", category="statement", day="2024-12-05", topic="allies")
    replies = on(ev, category=SAID, day="2024-12-05", topic="allies")
    return Section(
        values={
            "al_iraqi_fighters": figure_value(iraqi),
            "al_iraqi_crossed": when(iraqi, "as_of"),
            "al_pmf_denial": when(
                on(ev, actor="iraqi-militias", category=("ally_deployment", SAID), day="2024-12-02"),
            ),
            "al_name_change": when(
                on(ev, actor="hts", category="statement", day="2024-12-05", place="hama"), precision="month"
            ),
            "al_sudani_appeal": when(appeal, also=[replies]),
        }
    )


def hama_days(t: Tables) -> Section:
    """3–5 December: strikes and reinforcements at Hama, the city's fall, the Rastan bridge."""
    ev = t.events
    hama = reported_dates(ev, "city_captured", "hama")
    rastan = on(ev, category=("airstrike", "ally_air_strike"), place="rastan")
    return Section(
        values={
            "al_hama_strikes": when(
                on(ev, actor="russia", category="ally_air_strike", place="hama"),
                also=[on(ev, category="reinforcements", day="2024-12-04", place="hama")],
            ),
            "al_hama_fell": prose.text(prose.fmt_day(modal_date(ev, "city_captured", "hama"), YEAR), hama),
            "al_rastan_dates": either_date(rastan),
            "al_lavrov_malta": when(on(ev, actor="russia", category=SAID, day="2024-12-05")),
        }
    )


def last_days(t: Tables) -> Section:
    """6–8 December: Iran leaves, Hezbollah comes to Homs and leaves Qusayr, Israel strikes the crossings."""
    ev, fig = t.events, t.figures
    sent, advisers = of(fig, "hezbollah_fighters_sent"), of(fig, "hezbollah_advisers_sent")
    east = on(ev, category=("army_withdrawal", "city_captured"), day="2024-12-06", place="deir-ez-zor")
    leaving = first_of(on(ev, actor="iran", category=END_CATEGORY))  # the evacuation began with its first report
    # What Tehran said and did the day it began to leave: missiles and drones promised, talks in Baghdad.
    pledges = on(ev, actor="iran", category=("ally_support", "diplomatic_meeting"), day=leaving["date"].min())
    memo = on(ev, actor="iran", category="ally_assessment")
    radwan = first_of(on(ev, actor="hezbollah", category=END_CATEGORY, place="homs"))
    qusayr = on(ev, actor="hezbollah", category=END_CATEGORY, place="qusayr")
    return Section(
        values={
            "al_iran_evacuation": when(leaving, also=[east, pledges]),
            "al_irgc_memo": when(memo, also=[on(ev, actor="iran", category="claim_denied", day=memo["date"].min())]),
            "al_iraqi_home": when(on(ev, actor="free-syrian-army-tanf", category="city_captured", place="palmyra")),
            "al_hezbollah_homs": when(on(ev, actor="hezbollah", category=("ally_deployment", SAID), day="2024-12-06")),
            "al_hezbollah_max": prose.number(sent["value"].max(), sent),
            "al_hezbollah_advisers": figure_value(advisers),
            "al_hezbollah_afp": when(
                sent, "as_of", also=[advisers, on(ev, actor="hezbollah", category="ally_deployment", day="2024-12-07")]
            ),
            "al_radwan": when(radwan),
            "al_hezbollah_out": when(
                qusayr, also=[on(ev, actor="hezbollah", category=END_CATEGORY, day=qusayr["date"].min(), place="homs")]
            ),
            "al_qusayr_vehicles": figure_value(of(fig, "hezbollah_armoured_vehicles_left_qusayr")),
            "al_israel_crossings": when(on(ev, actor="israel", category="israeli_strike", day="2024-12-06")),
            "al_us_aside": when(on(ev, actor="united-states", category=SAID, day="2024-12-07")),
        }
    )


def fall(t: Tables) -> Section:
    """8 December: Assad's exit as each side tells it, Moscow's announcement and asylum, Tehran's losses that day.
    Reports that place his exit in Damascus date his leaving the capital (SOHR's); the one placed in Latakia is
    his own later account; those placed nowhere in Syria, his arrival in Moscow."""
    ev = t.events
    exits = reported_dates(ev, "assad_exit")
    own = on(ev, category="assad_exit", place="latakia")
    day = own["date"].min()
    words = on(ev, actor=("russia", "iran"), category=(SAID, END_CATEGORY), day=day)
    asylum = first_of(on(ev, actor="russia", category="asylum_granted"))
    return Section(
        values={
            "al_sohr_exit": either_date(on(ev, category="assad_exit", place="damascus")),
            "al_assad_own": when(own, also=[exits[exits["place_id"].isna() & (exits["date"] == day)], words]),
            "al_asylum": when(asylum, also=[on(ev, actor="russia", category=SAID, day=asylum["date"].min())]),
        }
    )


def turkey(t: Tables) -> Section:
    """Turkey and the SNA: the SNA's own offensive, Erdogan's words, Ankara's denial, the account of its
    foreknowledge."""
    ev = t.events
    return Section(
        values={
            # The operation's opening: every SNA report but Manbij's (dated 30 November or 1 December by outlet).
            "al_dawn": either_date(
                on(ev, category="sna_operation").pipe(lambda r: r[r["place_id"].fillna("") != "manbij"])
            ),
            "al_tel_rifaat_km": figure_value(of(t.figures, "distance_km_tel_rifaat_turkish_border")),
            "al_manbij": either_date(on(ev, category="sna_operation", place="manbij")),
            "al_putin_call": when(on(ev, actor=("russia", "turkey"), category=SAID, day="2024-12-03")),
            "al_erdogan_march": when(on(ev, actor="turkey", category=SAID, day="2024-12-06")),
            "al_erdogan_gaziantep": when(on(ev, actor="turkey", category=SAID, day="2024-12-07")),
            # A report dated only about the day (a column written the day after the fall): the prose says "around".
            "al_fidan_free": when(on(ev, actor="turkey", category=SAID, day="2024-12-08"), precision="day"),
            "al_yilmaz": when(on(ev, actor="turkey", category=SAID, day="2024-12-09")),
            "al_fidan_ntv": when(
                on(ev, actor="turkey", category=SAID, day="2024-12-13"),
                also=[on(ev, actor="iran", category="diplomatic_meeting", day="2024-12-07")],
            ),
            "al_prep_account": when(foreknowledge(ev), "as_of"),
        }
    )


def foreknowledge(events: pd.DataFrame) -> pd.DataFrame:
    """The account that Turkey knew of the offensive: its ``offensive_preparation`` rows and every row of the same
    reports (the line they quote is filed under the rebels who spoke it)."""
    turkey = on(events, actor="turkey", category="offensive_preparation")
    return on(events, category="offensive_preparation").pipe(lambda r: r[r["source_id"].isin(turkey["source_id"])])


def washington(t: Tables) -> Section:
    """The United States: no part in the offensive, caught off guard by its speed, strikes on ISIS the day Assad
    fell."""
    ev, us = t.events, "united-states"
    fell = on(ev, actor=us, category=SAID, day=WINDOW[1])
    return Section(
        values={
            "al_nsc": when(on(ev, actor=us, category=SAID, day="2024-11-30")),
            "al_off_guard": when(on(ev, actor=us, category="press_framing")),
            "al_biden": when(fell, also=[on(ev, actor=us, category="airstrike", day=WINDOW[1])]),
            "al_isis_targets": figure_value(of(t.figures, "us_strike_targets_isis")),
        }
    )


def israel(t: Tables) -> Section:
    """Israel's first moves: the buffer zone and Mount Hermon on the day Assad fell, the strikes on the old army's
    arsenal (the IDF's count against SOHR's), and the answers of Arab governments and the UN."""
    ev, fig = t.events, with_sources(t.figures, t.sources)
    seized = first_of(on(ev, actor="israel", category="buffer_zone_seized"))
    idf = peak(fig, "israeli_strikes_idf_claim")  # the whole count; the IDF's other figures are parts of it
    same_day = of(fig, "israeli_strikes_since_2024_12_08").pipe(lambda r: r[r["as_of"] == idf["as_of"]])
    sohr = latest(fig, "israeli_strikes_since_2024_12_08")
    next_day = seized["date"].min() + pd.Timedelta(days=1)
    answers = on(ev, actor=NO_ACTOR, category=SAID, day=next_day)  # the day after: Arab governments' answers
    return Section(
        values={
            "al_buffer_zone": when(
                seized, also=[on(ev, actor="israel", category="statement", day=seized["date"].min())]
            ),
            "al_bashan_day": when(on(ev, actor="israel", category="israeli_strike", day=idf["as_of"])),
            "al_idf_strikes": prose.number(idf["value"], idf),
            "al_sohr_strikes_then": value_range(same_day, "strikes"),
            "al_israeli_strikes": prose.number(sohr["value"], sohr),
            "al_israeli_strikes_date": prose.text(prose.fmt_day(sohr["as_of"], YEAR), sohr),
            "al_un_violation": when(on(ev, category="un_statement", day=next_day), also=[answers]),
        }
    )


def support(t: Tables) -> Section:
    """Who backed whom, from when to when: the numbers, a bar chart and the table of start and end rows."""
    periods = support_periods(t.events, t.actors, t.end)
    ids = list(periods["start_event"]) + [e for e in periods["end_event"] if e]
    ended = periods[~periods["open_ended"]]
    longest = longest_backers(periods)
    first = longest.sort_values("start").iloc[0]
    s = Section(
        values={
            "al_n_backers": prose.count(len(periods), ids),
            "al_ended": prose.text(prose.join_words(ended["backer"].map(with_article)), ended["end_event"]),
            "al_open": prose.text(
                prose.join_words(periods.loc[periods["open_ended"], "backer"].map(with_article)),
                periods.loc[periods["open_ended"], "start_event"],
            ),
            "al_longest": prose.text(prose.join_words(longest["backer"].map(with_article)), longest["start_event"]),
            "al_longest_since": prose.date(first["start"], longest["start_event"], precision=first["start_precision"]),
        }
    )
    s.add("allies-support", _support_figure(t, periods, longest, ended))
    shown = periods.assign(end=periods["end"].where(~periods["open_ended"]))
    columns = ["backer", "backed", "what", "start", "start_precision", "end", "years", "start_event", "end_event"]
    s.add(
        "allies-support-table",
        folded_table(
            shown[columns],
            "Who backed whom: the reports that start and end each period of support",
            noun="backers",
            labels={
                "backer": "Backer",
                "backed": "Backed",
                "what": "Support",
                "start": "From",
                "end": "Until",
                "years": "Years",
                "start_event": "Start row",
                "end_event": "End row",
            },
        ),
    )
    return s


SUPPORT_DRAWN = ["backer", "backed", "what", "start", "end", "open_ended", "years"]  # the support chart's columns


def _support_figure(t: Tables, periods: pd.DataFrame, longest: pd.DataFrame, ended: pd.DataFrame):
    """One bar per backer from the start of its support to its end (or the end of the window)."""
    first = longest.sort_values("start").iloc[0]
    since = prose.fmt_date_at(first["start"], first["start_precision"])
    drawn = periods[SUPPORT_DRAWN]
    chart = kinds_allies.support_bars(drawn)
    return figure(
        "allies-support",
        chart,
        drawn,
        caption=(
            f"{prose.sentence_start(prose.join_words(longest['backer'].map(short_name)))} had backed their side "
            f"longest (since {since}); {prose.join_words(ended['backer'].map(short_name))} drew down or pulled out "
            f"on {prose.fmt_date_range(ended['end'].min(), ended['end'].max())}."
        ),
        alt_text="Bar chart, one bar per backer from the start of its support to its end or to "
        f"{prose.fmt_date(t.end)}: " + "; ".join(f"{r.backer}, {r.years} years" for r in drawn.itertuples()) + ".",
        sources=list(dict.fromkeys(periods["source_id"])),
    )


def raid_rows(t: Tables) -> tuple[pd.DataFrame, pd.DataFrame, float]:
    """The air raids of the offensive's first week by force (with their sources), Russia's, and Russia's share."""
    raids = with_sources(t.figures[t.figures["metric"].isin(RAID_METRICS)], t.sources)
    raids["force"] = raids["metric"].map(RAID_FORCE)
    russian = raids[raids["metric"] == RAID_METRICS[0]]
    return raids, russian, russian["value"].sum() / raids["value"].sum()


def air_raids(t: Tables) -> Section:
    """Russia in the air: the air raids of the offensive's first week by force (a bar chart)."""
    raids, russian, share = raid_rows(t)
    s = Section(
        values={
            "al_raids_russia": prose.number(russian["value"].sum(), russian["figure_id"]),
            "al_raids_total": prose.number(raids["value"].sum(), raids["figure_id"]),
            "al_raids_share": prose.text(f"{share:.0%}", raids["figure_id"]),
        }
    )
    drawn_raids = raids[["force", "value", "as_of", "publisher"]].rename(columns={"value": "raids"})
    s.add(
        "allies-air-raids",
        figure(
            "allies-air-raids",
            kinds_allies.raid_bars(drawn_raids),
            drawn_raids,
            caption=f"Russian jets flew about {share:.0%} of the air raids SOHR counted in the offensive's first week.",
            alt_text="Bar chart of air raids by force: "
            + "; ".join(f"{r.force} {prose.fmt_number(r.raids)}" for r in drawn_raids.itertuples())
            + ".",
            sources=list(dict.fromkeys(raids["source_id"])),
        ),
    )
    return s


MOVES_DRAWN = ["date", "actor", "side", "kind", "slot", "summary", "publisher"]  # the moves timeline's columns


def actor_moves_section(t: Tables) -> Section:
    """Each actor's moves in the window: who moved most, a timeline and the table of every report."""
    moves = actor_moves(t.events, t.actors, WINDOW[0], WINDOW[1])
    counts = moves.groupby("actor").size().sort_values(ascending=False)
    top = moves[moves["actor"] == counts.index[0]]
    s = Section(
        values={
            "al_window": prose.date_range(t.start, t.end, moves["event_id"]),
            "al_n_moves": prose.count(len(moves), moves["event_id"]),
            "al_n_moving": prose.count(moves["actor_id"].nunique(), moves["event_id"]),
            "al_top_actor": prose.text(counts.index[0], top["event_id"]),
        }
    )
    drawn_moves = with_sources(moves, t.sources)[MOVES_DRAWN]
    s.add(
        "allies-actor-moves",
        figure(
            "allies-actor-moves",
            kinds_allies.moves_timeline(drawn_moves),
            drawn_moves,
            caption=f"{counts.index[0]} made more of the reported moves than any other outside actor "
            f"({counts.iloc[0]} of {len(moves)}), {prose.fmt_date_range(t.start, t.end)}.",
            alt_text=f"Timeline from {prose.fmt_date(t.start)} to {prose.fmt_date(t.end)}, one row per actor; "
            "each mark is a reported event, a circle for a deed and a diamond for a statement, coloured by side.",
            sources=list(dict.fromkeys(moves["source_id"])),
        ),
    )
    s.add(
        "allies-moves-table",
        _report_table(moves, t.sources, t.actors, "All actor moves in the window, one row per report"),
    )
    return s


def diplomacy_rows(t: Tables) -> pd.DataFrame:
    """Meetings and UN and allies' statements through the fall of Damascus (the diplomacy table)."""
    return select(t.events, DIPLOMACY_CATEGORIES, t.start, t.end)


def cost_rows(t: Tables) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The allies' withdrawals to the end of the year, and Hezbollah's words after the fall (the cost table)."""
    backers = list(t.actors.loc[t.actors["backs"] == ALLY_OF, "actor_id"])
    rows = select(
        t.events, (END_CATEGORY,), t.start, pd.Timestamp(COST_END), topics=("allies", "aftermath"), actors=backers
    )
    words = select(t.events, (SAID,), t.end, pd.Timestamp(COST_END), topics=("aftermath",), actors=["hezbollah"])
    return rows, words


def diplomacy(t: Tables) -> Section:
    """Diplomacy through 8 December: meetings and UN statements."""
    rows = diplomacy_rows(t)
    meetings = rows[rows["category"] == "diplomatic_meeting"]
    un = rows[rows["category"] == "un_statement"]
    s = Section(
        values={
            "al_n_diplomacy": prose.count(len(rows), rows["event_id"], noun="report"),
            # The last meeting before the fall (Doha), with what Moscow, Tehran and the host said there that day.
            "al_meeting_date": when(
                last_of(meetings),
                also=[
                    on(t.events, actor=("russia", "iran"), category=SAID, day=meetings["date"].max()),
                    on(t.events, actor=NO_ACTOR, category=SAID, day=meetings["date"].max()),
                ],
            ),
            "al_n_un": prose.count(len(un), un["event_id"], noun="statement"),
            "al_un_span": prose.date_range(un["date"].min(), un["date"].max(), un["event_id"]),
        }
    )
    s.add(
        "allies-diplomacy",
        _report_table(rows, t.sources, t.actors, "Diplomacy through the fall of Damascus, one row per report"),
    )
    return s


def cost(t: Tables) -> Section:
    """What the week cost the allies, to the end of the year: Russia's drawdown, Hezbollah's lost route, Tehran's
    blame, Turkey's returning refugees."""
    events, actors, fig = t.events, t.actors, t.figures
    rows, hez_words = cost_rows(t)
    russia_cost = rows[rows["actor_id"] == "russia"]
    convoy = of(fig, "russian_vehicles_convoy")
    returns = of(fig, "refugee_returns_from_turkiye_since_2024_12_08")
    hosted = of(fig, "refugees_turkiye")
    out, present = of(fig, "iranians_evacuated_from_syria"), of(fig, "iranians_in_syria")
    s = Section(
        values={
            "al_n_cost": prose.count(len(rows), rows["event_id"], noun="report"),
            "al_russia_pullback": when(russia_cost[russia_cost["date"] == russia_cost["date"].max()]),
            "al_tartus_empty": when(on(events, actor="russia", category=END_CATEGORY, place="tartus")),
            "al_convoy": figure_value(convoy),
            "al_convoy_date": when(
                on(events, actor="russia", category=END_CATEGORY, day="2024-12-13"), also=[convoy], precision="day"
            ),
            "al_hezbollah_speech": when(hez_words),
            "al_khamenei": when(on(events, actor="iran", category=SAID, day="2024-12-11")),
            "al_iranians_out": figure_value(last_of(out, "as_of")),
            "al_iranians_out_date": when(last_of(out, "as_of"), "as_of"),
            "al_iranians_in": figure_value(last_of(present, "as_of")),
            "al_putin_iran": when(on(events, actor="russia", category=SAID, day="2024-12-19"), precision="day"),
            "al_turkey_hosted": prose.text(f"{hosted['value'].max() / 1e6:g} million", hosted),
            "al_turkey_returns": figure_value(returns),
            "al_turkey_returns_date": when(returns, "as_of"),
        }
    )
    s.add(
        "allies-cost",
        _report_table(
            pd.concat([rows, hez_words]).sort_values(["date", "event_id"]),
            t.sources,
            actors,
            "What the fall cost Assad's allies, one row per report",
        ),
    )
    return s


def after(t: Tables) -> Section:
    """What came of it: Russia's bases under talks, the route to Lebanon contested, Damascus's charge against
    Hezbollah (outcomes to date)."""
    bases = of(t.outcomes, "russia_bases", "question")
    network = of(t.outcomes, "iran_network", "question")
    return Section(
        values={
            "al_port_contract": when(of(bases, "Tartus port contract cancelled", "status"), precision="month"),
            "al_putin_sharaa": when(dated(bases, "2025-10-15")),
            "al_qamishli": when(
                of(bases, "Russia leaves Qamishli; keeps Hmeimim and Tartus", "status"), precision="month"
            ),
            "al_bases_talks": when(dated(bases, "2026-01-29")),
            "al_smuggling": when(of(network, "smuggling to Lebanon interdicted; some routes open", "status")),
            "al_mezzeh_cell": when(of(network, "Hezbollah-armed cell dismantled (Syrian claim)", "status")),
        }
    )
