"""Allied support for and against Assad: who backed whom, from when to when, each actor's moves, the
diplomacy of the last week and what the fall cost the allies.

Support periods are selected from ``events.csv`` by category and actor: a backer's support starts at its
earliest ``support_start`` or ``military_intervention`` row and ends at its earliest ``ally_withdrawal`` row
on or after that start (open if there is none). Which side each backer backed, and in what form, are the
actor row's ``backs`` and ``support_kind`` fields.
"""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd

from ..charts import theme
from ..data import load
from ..output import prose
from ..output.figure import figure, table
from ..rows.select import labels as registry_labels
from ..rows.select import with_sources
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


def longest_backers(periods: pd.DataFrame) -> pd.DataFrame:
    """Every backer whose support ran longest, in years to one decimal as the support table shows them (a start
    known only to the year cannot separate backers by days): several when they tie."""
    return periods[periods["years"] == periods["years"].max()]


def _report_table(rows, sources, actors, caption):
    shown = with_sources(rows, sources).merge(actors[["actor_id", "name"]], on="actor_id", how="left")
    shown["actor"] = shown["name"].fillna("no actor recorded")
    shown["category"] = kind_labels(shown, actors, registry_labels("categories")).to_numpy()
    cols = ["date", "date_precision", "actor", "category", "summary", "publisher", "reliability", "event_id"]
    return table(shown[cols], caption=caption, labels=LABELS, noun="reports")


@dataclass(frozen=True)
class Tables:
    """What the sections read: the tables, loaded once, and the window of the chapter."""

    events: pd.DataFrame
    figures: pd.DataFrame
    actors: pd.DataFrame
    sources: pd.DataFrame
    start: pd.Timestamp
    end: pd.Timestamp


def build() -> Page:
    theme.apply()
    start, end = (pd.Timestamp(d) for d in WINDOW)
    t = Tables(load("events"), load("figures"), load("actors"), load("sources"), start, end)
    return Page.of(
        support(t),
        air_raids(t),
        actor_moves_section(t),
        diplomacy(t),
        cost(t),
        contested_figures(t),
        judged("allies", JUDGMENTS),
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
        table(
            shown[columns],
            caption="Who backed whom: the rows that start and end each period of support",
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


def _support_figure(t: Tables, periods: pd.DataFrame, longest: pd.DataFrame, ended: pd.DataFrame):
    """One bar per backer from the start of its support to its end (or the end of the window)."""
    first = longest.sort_values("start").iloc[0]
    since = prose.fmt_date_at(first["start"], first["start_precision"])
    drawn = periods[["backer", "backed", "what", "start", "end", "open_ended", "years"]]
    chart = (
        alt.Chart(drawn)
        .mark_bar(height=14)
        .encode(
            x=alt.X("start:T", title=None),
            x2="end:T",
            y=alt.Y("backer:N", sort=list(drawn["backer"]), title=None),
            color=alt.Color("backed:N", title="Backed"),
            tooltip=[
                "backer",
                "backed",
                "what",
                alt.Tooltip("start:T", format="%Y"),
                alt.Tooltip("end:T", format="%d %b %Y"),
                "years",
            ],
        )
        .properties(width="container", height=200)
    )
    return figure(
        "allies-support",
        chart,
        drawn,
        caption=(
            f"Of the {prose.count_word(len(periods))} backers in our data, the longest support recorded is "
            f"that of {prose.join_words(longest['backer'])} (since {since}); "
            f"support ended in our data for {prose.join_words(ended['backer'])} "
            f"({prose.fmt_date_range(ended['end'].min(), ended['end'].max())})."
        ),
        alt_text="Bar chart, one bar per backer from the start of its support to its end or to "
        f"{prose.fmt_date(t.end)}: " + "; ".join(f"{r.backer}, {r.years} years" for r in drawn.itertuples()) + ".",
        sources=list(dict.fromkeys(periods["source_id"])),
    )


def air_raids(t: Tables) -> Section:
    """Russia in the air: the air raids of the offensive's first week by force (a bar chart)."""
    raids = with_sources(t.figures[t.figures["metric"].isin(RAID_METRICS)], t.sources)
    raids["force"] = raids["metric"].map(RAID_FORCE)
    russian = raids[raids["metric"] == RAID_METRICS[0]]
    share = russian["value"].sum() / raids["value"].sum()
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
            alt.Chart(drawn_raids)
            .mark_bar()
            .encode(
                x=alt.X("raids:Q", title="Air raids in the offensive's first week (SOHR count)"),
                y=alt.Y("force:N", sort="-x", title=None),
                color=alt.value(theme.SIDE_COLOURS["government"]),
                tooltip=["force", "raids", "publisher"],
            )
            .properties(width="container", height=120),
            drawn_raids,
            caption=f"Russian jets flew about {share:.0%} of the air raids SOHR counted in the offensive's first week.",
            alt_text="Bar chart of air raids by force: "
            + "; ".join(f"{r.force} {prose.fmt_number(r.raids)}" for r in drawn_raids.itertuples())
            + ".",
            sources=list(dict.fromkeys(raids["source_id"])),
        ),
    )
    return s


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
    drawn_moves = with_sources(moves, t.sources)[["date", "actor", "side", "kind", "slot", "summary", "publisher"]]
    kinds = alt.Scale(domain=["action", "statement"], range=["circle", "diamond"])
    sides = alt.Scale(domain=list(theme.SIDE_COLOURS), range=list(theme.SIDE_COLOURS.values()))
    s.add(
        "allies-actor-moves",
        figure(
            "allies-actor-moves",
            alt.Chart(drawn_moves)
            .mark_point(size=70, filled=True, opacity=0.85)
            .encode(
                x=alt.X("date:T", title=None, axis=alt.Axis(format="%d %b")),
                y=alt.Y("actor:N", title=None),
                yOffset=alt.YOffset("slot:O"),
                shape=alt.Shape("kind:N", title="Kind", scale=kinds),
                color=alt.Color("side:N", title="Side", scale=sides),
                tooltip=[alt.Tooltip("date:T", format="%d %b %Y"), "actor", "kind", "summary", "publisher"],
            )
            .properties(width="container", height=320),
            drawn_moves,
            caption=f"{counts.index[0]} made the most recorded moves ({counts.iloc[0]} of {len(moves)}), "
            f"{prose.fmt_date_range(t.start, t.end)}.",
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


def diplomacy(t: Tables) -> Section:
    """Diplomacy through 8 December: meetings and UN statements."""
    rows = select(t.events, DIPLOMACY_CATEGORIES, t.start, t.end)
    meetings = rows[rows["category"] == "diplomatic_meeting"]
    un = rows[rows["category"] == "un_statement"]
    s = Section(
        values={
            "al_n_diplomacy": prose.count(len(rows), rows["event_id"], noun="report"),
            "al_meeting_date": prose.date(meetings["date"].max(), meetings["event_id"]),
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
    """What the week cost the allies: withdrawals through the end of the year, and Hezbollah's speech."""
    events, actors = t.events, t.actors
    rows = select(
        events,
        (END_CATEGORY,),
        t.start,
        pd.Timestamp(COST_END),
        topics=("allies", "aftermath"),
        actors=list(actors.loc[actors["backs"] == "syrian-government", "actor_id"]),
    )
    russia_cost = rows[rows["actor_id"] == "russia"]
    hez = rows[rows["actor_id"] == "hezbollah"]
    hez_words = select(
        events, ("ally_statement",), t.end, pd.Timestamp(COST_END), topics=("aftermath",), actors=["hezbollah"]
    )
    s = Section(
        values={
            "al_n_cost": prose.count(len(rows), rows["event_id"], noun="report"),
            "al_russia_withdrawal_span": prose.date_range(
                russia_cost["date"].min(), russia_cost["date"].max(), russia_cost["event_id"]
            ),
            "al_hezbollah_out": prose.date(hez["date"].min(), hez["event_id"]),
            "al_hezbollah_speech": prose.date(hez_words["date"].min(), hez_words["event_id"]),
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


def contested_figures(t: Tables) -> Section:
    """Hezbollah and the US: contested figures, given as the range the reports span."""
    figures = t.figures
    lebanon = figures[figures["metric"] == "lebanon_killed_since_2023_10"].sort_values("as_of")
    hez_max = figures[figures["metric"] == "hezbollah_fighters_sent"]
    troops = figures[figures["metric"] == "us_troops_in_syria"]
    iraqi = figures[figures["metric"] == "iraqi_fighters_crossed_into_syria"]
    return Section(
        values={
            "al_lebanon_range": prose.text(
                prose.fmt_range(lebanon["value"].min(), lebanon["value"].max(), "people"), lebanon["figure_id"]
            ),
            "al_hezbollah_max": prose.number(hez_max["value"].max(), hez_max["figure_id"]),
            "al_us_troops_range": prose.text(
                prose.fmt_range(troops["value"].min(), troops["value"].max(), "troops"), troops["figure_id"]
            ),
            "al_iraqi_fighters": prose.number(iraqi["value"].max(), iraqi["figure_id"]),
        }
    )
