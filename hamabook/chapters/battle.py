"""The battle for Hama: who was reported holding which place, day by day, from the control-change reports.

Every row is selected by its fields (place, side, category, topic, date), never by its id or its wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from ..charts import maps, theme
from ..charts.voice import ENGLISH, Voice
from ..data import load
from ..output import prose
from ..output.figure import COLUMN_LABELS, Printable, block, figure, readable
from ..output.render import table_html, table_print
from ..rows.control import (
    DECIDING_CREDIBILITY,
    STALE_AFTER_DAYS,
    control_by_day,
    control_reports,
    deciding,
    front_distance,
    hand_changes,
    newly_contested,
    with_sides,
)
from ..rows.reports import CONTROL_CLAIM, count_reports
from ..rows.select import bodies, with_originator_sides, with_sources
from ..rows.select import labels as registry_labels
from .page import Page, Section, judged

FIRST_DAY, LAST_DAY = "2024-11-26", "2024-12-08"
ROAD_SOUTH = "2024-12-06"  # the days after Hama's fall
ORIENTATION = ("aleppo", "idlib", "hama", "homs", "damascus")  # cities labelled on the map
FOUGHT = ("unit_deployment", "army_reinforcement", "reinforcements")
MINORITY = ("minority_town_handover", "minority_assurance")
HIGH_GROUND_KINDS = ("site",)  # hills and other named positions in places.csv
STRIKES = ("airstrike", "ally_air_strike")  # the strikes on the Rastan bridge
GATE_TOWNS = ("rastan", "talbiseh")  # the first towns of Homs province on the road south
SOHR = "sohr"  # the monitor whose estimates of the counter-attack's depth the page names (originators.csv body_id)


# Column labels of the tables of reports.
DAILY_LABELS = {
    "taken_by_side": "Reported taken by",
    "places": "Places",
    "reports": "Reports",
    "names": "Places named",
}

HIGH_GROUND_LABELS = {
    "name": "Place",
    "taken_by_side": "Taken by",
    "how": "How",
    "claimed_by": "Claimed by",
    "publisher": "Source",
    "change_id": "Row",
}

COUNTER_LABELS = {
    "kind": "Kind",
    "summary": "What was reported (our words)",
    "publisher": "Source",
    "row": "Row",
}

MINORITY_LABELS = {**HIGH_GROUND_LABELS, "name": "Town", "community": "Community"}


def map_frame(status: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """The drawn map data: mapped places per day (layer 'place') plus the orientation cities (layer 'city')."""
    coords = places.set_index("place_id")[["name", "latitude", "longitude"]]
    pts = status.join(coords, on="place_id").dropna(subset=["latitude"]).assign(layer="place")
    days = sorted(status["day"].unique())
    index = {d: i for i, d in enumerate(days)}
    cities = pd.concat(
        [
            coords.loc[list(ORIENTATION)].reset_index().assign(day=d, status="", last_change_ids="", layer="city")
            for d in days
        ]
    )
    frame = pd.concat([pts.reset_index(drop=True), cities], ignore_index=True)
    frame["day_index"] = frame["day"].map(index).astype(int)
    frame["day_label"] = frame["day"].map(lambda d: f"{d.day} {d:%b}")
    frame["latitude"] = frame["latitude"].astype(float)
    frame["longitude"] = frame["longitude"].astype(float)
    return frame[
        [
            "layer",
            "place_id",
            "name",
            "latitude",
            "longitude",
            "day",
            "day_index",
            "day_label",
            "status",
            "last_change_ids",
        ]
    ]


def _names(places: pd.DataFrame, ids) -> list[str]:
    return list(places.set_index("place_id").loc[list(ids), "name"])


def actor_phrase(name: str) -> str:
    """An actor's registry name as it reads in a sentence: parentheses dropped, 'the' before common-noun
    names ('the 25th Special Tasks Division'), none before transliterated ones ('Hayat Tahrir al-Sham')."""
    bare = re.sub(r"\s*\([^)]*\)", "", name).strip()
    return bare if re.search(r"\b(al|el)-", bare) else f"the {bare}"


def join_phrases(items) -> str:
    """join_words, with a comma before the last 'and' when an item itself contains 'and'."""
    items = list(items)
    if len(items) > 2 and any(" and " in i for i in items):
        return f"{', '.join(items[:-1])}, and {items[-1]}"
    if len(items) == 2 and " and " in items[0]:
        return f"{items[0]}, and {items[1]}"
    return prose.join_words(items)


def _side_dates(rows: pd.DataFrame, side: str) -> str:
    picked = rows[rows["taken_by_side"] == side]
    if picked.empty:
        return "no report"
    dates = sorted(set(zip(picked["date"], picked["date_precision"])))
    return prose.join_words(prose.fmt_date_at(d, p) for d, p in dates)


FOLD_AFTER = 2  # the page's evidence tables show their first two rows; "Show all" opens the rest
FOLD_LONG_ROWS = 1  # a table whose rows quote long summaries shows its first row only


def _folded(
    frame: pd.DataFrame, caption: str, labels: dict[str, str], *, noun: str, after: int = FOLD_AFTER
) -> Printable:
    """``output.figure.table``, folded after ``after`` rows instead of the book's four, so that the page's story
    and all its evidence fit twelve screens: the same escaped, accessible table and fold (every row on the page
    once, the rest opened by a keyboard-operable "Show all"), and every row in print."""
    frame = readable(frame)
    labels = {**COLUMN_LABELS, **labels}
    html_text = table_html(frame, caption, labels, fold_after=after, noun=noun)
    return block(html_text, table=table_print(frame, caption, labels))


@dataclass(frozen=True)
class Tables:
    """What the sections read: the tables, loaded once, and the rules every section shares, computed once."""

    changes: pd.DataFrame  # control_changes.csv
    places: pd.DataFrame
    actors: pd.DataFrame
    sources: pd.DataFrame
    sided: pd.DataFrame  # the control changes with the side of who took and who lost each place
    events: pd.DataFrame  # every event, whatever its topic
    figures: pd.DataFrame
    battle: pd.DataFrame  # events of the battle topic
    daily: pd.DataFrame  # per day and side: places reported taken and reports
    kept: pd.DataFrame  # the control changes allowed to decide a status
    days: pd.DatetimeIndex  # the days the map shows
    everywhere: pd.DataFrame  # the deciding control reports, capture events included

    @property
    def pl(self) -> pd.DataFrame:
        return self.places.set_index("place_id")


#: The front whose control reports the battle chapter tells (places.csv ``front``): the battle for Hama, from the
#: sweep south through the Idlib countryside to the road to Homs.
FRONT = "hama"


def tables() -> Tables:
    places, actors = load("places"), load("actors")
    changes = load("control_changes")
    changes = changes[changes["place_id"].isin(places.loc[places["front"] == FRONT, "place_id"])]
    events = load("events")
    sided = with_sides(changes, actors)
    kept = deciding(changes)
    daily = (
        sided.groupby(["date", "taken_by_side"])
        .agg(places=("place_id", "nunique"), reports=("change_id", "count"))
        .reset_index()
        .sort_values(["date", "taken_by_side"])
    )
    return Tables(
        changes=changes,
        places=places,
        actors=actors,
        sources=load("sources"),
        sided=sided,
        events=events,
        figures=load("figures"),
        battle=events[events["topic"] == "battle"],
        daily=daily,
        kept=kept,
        days=pd.date_range(kept["date"].min(), LAST_DAY, freq="D"),
        everywhere=deciding(control_reports(changes, events)),
    )


def build() -> Page:
    theme.apply()
    t = tables()
    page = Page.of(
        judged("battle", {"j09_verdict": "J09", "j08_verdict": "J08"}),
        bottom_line(t),
        sweep(t),
        stand(t),
        counter_attack(t),
        high_ground(t),
        minority_towns(t),
        claims(t),
        road_south(t),
        why(t),
        control_map(t),
        distance_to_damascus(t),
        day_by_day(t),
        reports_per_day(t),
        method(t),
    )
    page.headline("battle_stand", "battle_hama_fall")
    return page


# --- Dates as a reader says them -----------------------------------------------------------------------------
# Inside the story of one week the year goes without saying: '5 December', '1–4 December', '5 or 6 December'
# (prose.in_year; rows as prose.text takes them).

YEAR = 2024  # the battle's year: its dates read without it
NO_DATE = prose.text("no date", table="control_changes")  # what a date reads when no report gives one


def _day(day, rows, precision: str = "day") -> prose.Value:
    """'5 December', resting on ``rows``; 'about 5 December' when asked, or when every one of ``rows`` (a table of
    rows) gives its date only approximately."""
    if pd.isna(day) or len(rows) == 0:
        return NO_DATE
    if isinstance(rows, pd.DataFrame) and "date_precision" in rows and (rows["date_precision"] == "approximate").all():
        precision = "approximate"
    return prose.text(prose.fmt_day(day, YEAR, precision), rows)


def _span(start, end, rows) -> prose.Value:
    """'1–4 December', '30 November – 4 December' or '5 December', resting on ``rows``."""
    if pd.isna(start) or pd.isna(end) or len(rows) == 0:
        return NO_DATE
    return prose.text(prose.in_year(prose.fmt_date_range(start, end), YEAR), rows)


def _either(days, rows) -> prose.Value:
    """The dates different reports give for one thing: '5 or 6 December', '30 November or 1 December'."""
    days = [d for d in days if not pd.isna(d)]
    if not days or len(rows) == 0:
        return NO_DATE
    return prose.text(prose.in_year(prose.fmt_dates(days, "or"), YEAR), rows)


def _ids(*frames: pd.DataFrame) -> list[str]:
    """The ids of rows from several fact tables (events, control changes, figures), in order."""
    out: list[str] = []
    for frame in frames:
        column = next(c for c in ("event_id", "change_id", "figure_id") if c in frame.columns)
        out += list(frame[column])
    return list(dict.fromkeys(out))


def _place_list(t: Tables, rows: pd.DataFrame) -> prose.Value:
    """The places of ``rows`` by name, in alphabetical order: 'Halfaya, Maardes and Qalaat al-Madiq' ('no place'
    when there are none: the control changes counted, none matching)."""
    if rows.empty:
        return prose.text("no place", table="control_changes")
    return prose.text(prose.join_words(sorted(_names(t.places, rows["place_id"].unique()))), rows)


def _on(frame: pd.DataFrame, day) -> pd.DataFrame:
    return frame[frame["date"] == pd.Timestamp(day)]


def _taken(t: Tables, side: str) -> pd.DataFrame:
    """The deciding reports of places taken by ``side``."""
    kept = t.sided[t.sided["change_id"].isin(t.kept["change_id"])]
    return kept[kept["taken_by_side"] == side]


def _stand_days(t: Tables) -> tuple[pd.Timestamp, pd.Timestamp, pd.DataFrame]:
    """The government's stand north of Hama: from the first day after the opposition's sweep on which the
    government's side of the battle is reported (its statements, reinforcements and strikes) to its last report of
    a counter-offensive; with those reports."""
    sweep_day = _taken(t, "opposition")["date"].min()
    gov = t.battle[t.battle["actor_id"] == "syrian-government"]
    start = gov.loc[gov["date"] > sweep_day, "date"].min()
    end = gov.loc[gov["category"] == "counter_offensive", "date"].max()
    return start, end, gov[(gov["date"] >= start) & (gov["date"] <= end)]


# --- The story -----------------------------------------------------------------------------------------------


def bottom_line(t: Tables) -> Section:
    """The two dates the bottom line states: the government's stand and the fall of the city."""
    v: dict[str, prose.Value] = {}
    start, end, stand_rows = _stand_days(t)
    v["battle_stand"] = _span(start, end, stand_rows)
    hama_opp = t.sided[(t.sided["place_id"] == "hama") & (t.sided["taken_by_side"] == "opposition")]
    v["battle_hama_fall"] = _day(hama_opp["date"].mode().min(), hama_opp)
    return Section(values=v)


def sweep(t: Tables) -> Section:
    """27–30 November: the launch, the sweep through the northern countryside, the halt and the first claims."""
    v: dict[str, prose.Value] = {}
    launch = t.events[(t.events["category"] == "offensive_launch") & (t.events["credibility"] <= DECIDING_CREDIBILITY)]
    launch_day = launch["date"].mode().min()
    v["battle_launch_day"] = _day(launch_day, _on(launch, launch_day))
    opp = _taken(t, "opposition")
    first = opp["date"].min()
    swept = _on(opp, first)
    v["battle_sweep_day"] = _day(first, [*_ids(swept), *_ids(_on(t.battle, first))])  # with the halt that day
    v["battle_sweep_n"] = prose.count(swept["place_id"].nunique(), swept)
    # The government's own first claims of ground regained, at places the opposition took that first day.
    gov = t.sided[(t.sided["taken_by_side"] == "government") & t.sided["place_id"].isin(swept["place_id"])]
    own = gov[(gov["claimed_by"] == "government") & (gov["date"] <= first + pd.Timedelta(days=1))]
    firsts = own[own["place_id"].isin(own.loc[own["date"] == own["date"].min(), "place_id"])]
    v["battle_gov_first_claim_places"] = _place_list(t, firsts)
    v["battle_gov_first_claim_days"] = _either(firsts["date"], firsts)
    retaken = t.sided[t.sided["taken_by_side"] == "government"]
    ally = retaken[(retaken["claimed_by"] == "other") & (retaken["date"] == first + pd.Timedelta(days=1))]
    v["battle_ally_claim_places"] = _place_list(t, ally)
    return Section(values=v)


def stand(t: Tables) -> Section:
    """1–3 December: the army digs in, the villages taken and retaken, the rebels at the gates."""
    v: dict[str, prose.Value] = {}
    start, _, stand_rows = _stand_days(t)
    v["battle_dig_in_day"] = _day(start, _on(stand_rows, start))
    second, third = start + pd.Timedelta(days=1), start + pd.Timedelta(days=2)
    v["battle_second_day"] = _day(second, [*_ids(_on(t.changes, second)), *_ids(_on(t.battle, second))])
    gates = t.figures[t.figures["metric"] == "front_distance_km_to_hama"]
    gates = gates[gates["as_of"] == gates["as_of"].min()]
    v["battle_gates_km"] = prose.number(gates["value"].min(), gates)
    captured = t.events[(t.events["category"] == "city_captured") & (t.events["date"] == third)]
    v["battle_third_day"] = _day(third, [*_ids(_on(t.changes, third)), *_ids(captured)])
    hands = hand_changes(t.kept, t.actors)
    flipped = hands[hands["times"] > 1]
    v["battle_flipped_n"] = prose.count(len(flipped), [i for ids in flipped["change_ids"] for i in ids], noun="place")
    top = flipped[flipped["times"] == flipped["times"].max()]
    v["battle_flipped_top"] = prose.text(
        f"{prose.join_words(sorted(_names(t.places, top['place_id'])))}, "
        f"{prose.count_word(int(top['times'].max()))} times {'each' if len(top) > 1 else ''}".strip(),
        [i for ids in top["change_ids"] for i in ids],
    )
    return Section(values=v)


def counter_attack(t: Tables) -> Section:
    """4 December: the counter-attack, how far it went by each estimate, the ring around the city; the table."""
    v: dict[str, prose.Value] = {}
    battle = t.battle
    counter = battle[battle["category"] == "counter_offensive"]
    day = counter["date"].max()
    v["battle_counter_day"] = _day(day, _on(counter, day))
    depth = t.figures[t.figures["metric"] == "counter_attack_depth_km"]
    v["battle_depth_range"] = prose.text(
        f"{prose.fmt_number(depth['value'].min())} and {prose.fmt_number(depth['value'].max())} km", depth
    )
    sohr = depth[depth["estimated_by"].map(bodies()) == SOHR]
    v["battle_depth_sohr"] = prose.text(
        prose.join_words(f"{prose.fmt_number(x)}" for x in sorted(sohr["value"])) + " km", sohr
    )
    deepest = depth[depth["value"] == depth["value"].max()]
    v["battle_depth_max"] = prose.number(deepest["value"].max(), deepest)
    ring = t.figures[t.figures["metric"] == "front_distance_km_to_hama"].dropna(subset=["low"])
    v["battle_ring_km"] = prose.text(prose.fmt_range(ring["low"].min(), ring["high"].max(), "km"), ring)
    statements = battle[
        battle["category"].isin(("statement",))
        & (battle["actor_id"] == "syrian-government")
        & battle["date"].isin(counter["date"])
    ]
    counter_rows = with_sources(
        pd.concat(
            [
                counter.assign(kind="counter-offensive report", row=counter["event_id"]),
                statements.assign(kind="government statement that day", row=lambda d: d["event_id"]),
            ]
        ),
        t.sources,
    ).sort_values(["date", "row"])
    s = Section(values=v)
    s.add(
        "battle-counter",
        _folded(
            counter_rows[["date", "kind", "summary", "publisher", "reliability", "credibility", "row"]],
            "The government counter-attack of early December: every report of how far it went",
            COUNTER_LABELS,
            noun="reports",
            after=FOLD_LONG_ROWS,
        ),
    )
    return s


def high_ground(t: Tables) -> Section:
    """Jabal Zayn al-Abidin and Qamhana, the airbase and the prison: the dawn report, and every report in a table."""
    sided, pl = t.sided, t.pl
    zayn = sided[(sided["place_id"] == "jabal-zayn-al-abidin") & (sided["claimed_by"] == "monitor")]
    held = zayn[zayn["taken_by_side"] == "government"]
    v = {"battle_zayn_dawn": _day(held["date"].min(), held)}
    high = sided[
        sided["place_id"].isin(pl.index[pl["kind"].isin(HIGH_GROUND_KINDS)]) | (sided["place_id"] == "qamhana")
    ]
    high_rows = with_sources(high.join(pl["name"], on="place_id"), t.sources).sort_values(
        ["date", "place_id", "change_id"]
    )
    columns = ["name", "date", "date_precision", "taken_by_side", "how", "claimed_by", "publisher", "reliability"]
    s = Section(values=v)
    s.add(
        "battle-high-ground",
        _folded(
            high_rows[[*columns, "credibility", "change_id"]],
            "Every report of the high ground, the airbase and the prison changing hands",
            HIGH_GROUND_LABELS,
            noun="reports",
        ),
    )
    return s


def _community_words(community: str) -> str:
    """A places.csv community as words: 'mixed (Alawite, Ismaili)' -> 'Alawite and Ismaili'."""
    inner = community.partition("(")[2].rstrip(")") if community.startswith("mixed (") else community
    return prose.join_words([w.strip() for w in inner.split(",")])


def _towns_by_community(towns: pd.DataFrame) -> str:
    """The towns grouped by community, in a sentence: 'Salamiyah, Ismaili and Alawite; Mhardeh and
    Suqaylabiyah, Christian; and Masyaf, Alawite and Ismaili'."""
    groups: dict[str, list[str]] = {}
    for p in towns.index:
        groups.setdefault(_community_words(towns.loc[p, "community"]), []).append(towns.loc[p, "name"])
    parts = [f"{prose.join_words(names)}, {words}" for words, names in groups.items()]
    return "; ".join(parts[:-1]) + ("; and " if len(parts) > 1 else "") + parts[-1]


def minority_towns(t: Tables) -> Section:
    """The minority towns around Hama: who lives there, when and how each changed hands, the deals; the table."""
    v: dict[str, prose.Value] = {}
    pl, sided = t.pl, t.sided
    towns = pl[pl["community"].notna() & (pl["community"] != "Sunni") & pl.index.isin(t.changes["place_id"])]
    town_rows = sided[sided["place_id"].isin(towns.index)]
    v["battle_minority_towns"] = prose.text(_towns_by_community(towns), town_rows)
    salamiyah = town_rows[(town_rows["place_id"] == "salamiyah") & (town_rows["how"] == "negotiated")]
    v["battle_salamiyah_day"] = _day(salamiyah["date"].min(), salamiyah)
    mhardeh = town_rows[town_rows["place_id"] == "mhardeh"]
    v["battle_mhardeh_days"] = _either(mhardeh["date"], mhardeh)
    handover = t.battle[t.battle["category"].isin(MINORITY)]
    deals = handover[handover["date"] == handover["date"].max()]
    v["battle_deal_day"] = _day(deals["date"].max(), deals)
    envoy = t.events[(t.events["actor_id"] == "un-envoy") & (t.events["date"] < handover["date"].min())]
    v["battle_envoy_day"] = _day(envoy["date"].min(), _on(envoy, envoy["date"].min()))
    mt = with_sources(town_rows.join(pl[["name", "community"]], on="place_id"), t.sources)
    mt = mt.assign(how=mt["how"].replace({"unknown": "not stated"})).sort_values(["date", "place_id", "change_id"])
    columns = ["name", "community", "date", "date_precision", "taken_by_side", "how", "claimed_by", "publisher"]
    s = Section(values=v)
    s.add(
        "battle-minority",
        _folded(
            mt[[*columns, "reliability", "change_id"]],
            "Reports of the minority towns around Hama changing hands",
            MINORITY_LABELS,
            noun="reports",
        ),
    )
    return s


def claims(t: Tables) -> Section:
    """What each side said: the government's first 'redeployment' (Aleppo), before the one from Hama."""
    withdrawals = t.events[(t.events["category"] == "army_withdrawal") & (t.events["place_id"] == "aleppo")]
    day = withdrawals["date"].min()
    return Section(values={"battle_aleppo_redeploy_day": _day(day, _on(withdrawals, day))})


def road_south(t: Tables) -> Section:
    """After Hama: the Rastan bridge, Rastan and Talbiseh, the towns on the way to Homs, and Homs itself."""
    v: dict[str, prose.Value] = {}
    events, sided = t.events, t.sided
    strikes = events[(events["place_id"] == "rastan") & events["category"].isin(STRIKES)]
    v["battle_bridge_days"] = _either(strikes["date"], strikes)
    gate = sided[sided["place_id"].isin(GATE_TOWNS) & (sided["taken_by_side"] == "opposition")]
    entered = events[events["place_id"].isin(GATE_TOWNS) & events["category"].isin(("city_entered", "city_captured"))]
    day = gate["date"].mode().min()
    v["battle_south_day"] = _day(day, [*_ids(_on(gate, day)), *_ids(_on(entered, day))])
    earlier = gate[gate["date"] < day]
    v["battle_south_earlier"] = _day(earlier["date"].min(), earlier) if len(earlier) else prose.text("none", gate)
    apart = t.figures[t.figures["metric"] == "distance_km_hama_homs"]
    v["battle_homs_km"] = prose.text(prose.fmt_range(apart["value"].min(), apart["value"].max(), "km"), apart)
    homs = sided[(sided["place_id"] == "homs") & (sided["taken_by_side"] == "opposition")]
    v["battle_homs_days"] = _either(homs["date"], homs)
    return Section(values=v)


def why(t: Tables) -> Section:
    """The signs that the army was leaving before the city fell: the columns towards Masyaf, the emptied banks."""
    battle = t.battle
    leaving = battle[(battle["category"] == "encirclement") & (battle["place_id"] == "hama")]
    first = leaving["date"].min()
    banks = battle[(battle["category"] == "army_withdrawal") & (battle["actor_id"] == "syrian-government")]
    return Section(
        values={
            "battle_columns_day": _day(first, _on(leaving, first)),
            "battle_banks_day": _day(banks["date"].min(), _on(banks, banks["date"].min())),
        }
    )


def control_map(t: Tables) -> Section:
    """The day-by-day map (slider and small multiples), and what leaving out improbable reports changes."""
    v: dict[str, prose.Value] = {}
    changes, days = t.changes, t.days
    status = control_by_day(t.kept, t.actors, days)
    frame = map_frame(status, t.places)
    mapped = frame[frame["layer"] == "place"]
    contested_days = mapped[mapped["status"] == "contested"]
    s = Section(values=v)
    for name, output in _map_figures(t, frame).items():
        s.add(name, output)
    v["battle_mapped_n"] = prose.count(
        mapped["place_id"].nunique(), changes.loc[changes["place_id"].isin(mapped["place_id"]), "change_id"]
    )
    v["battle_map_days"] = prose.date_range(
        days[0], days[-1], t.kept.loc[t.kept["date"].isin([days[0], days[-1]]), "change_id"]
    )
    dropped = changes[changes["credibility"] > DECIDING_CREDIBILITY]
    extra = newly_contested(control_by_day(changes, t.actors, days), status)
    # none dropped: the count (and the places it changes) is of the whole table
    of_table = "control_changes" if dropped.empty else ""
    v["battle_improbable_n"] = prose.count(len(dropped), dropped["change_id"], noun="report", table=of_table)
    v["battle_improbable_places"] = prose.text(
        prose.join_words(
            f"{t.pl.loc[p, 'name']} ({prose.fmt_date_range(g['day'].min(), g['day'].max())})"
            for p, g in extra.groupby("place_id")
        )
        if len(extra)
        else "no place",
        dropped["change_id"],
        table=of_table,
    )
    v["battle_contested_n"] = prose.count(
        contested_days["place_id"].nunique(),
        contested_days["last_change_ids"].str.split().explode().dropna(),
        table="" if len(contested_days) else "control_changes",
    )
    return s


def _map_figures(t: Tables, frame: pd.DataFrame) -> dict[str, object]:
    """The map as a slider over the days and as one small map per day, with one caption. A contest counts only
    while its reports are recent (``STALE_AFTER_DAYS``), so ``frame``'s statuses are recomputed by that rule."""
    places, days = t.places, t.days
    geography = load("geography")
    frame, sources = map_rows(t, geography)
    mapped = frame[frame["layer"] == "place"]
    last = mapped[mapped["day"] == days[-1]]["status"].value_counts()
    reported = t.changes["place_id"].nunique()
    caption = (
        f"Each day of {prose.fmt_date_range(days[0], days[-1])}, the {mapped['place_id'].nunique()} of the "
        f"{reported} places in the control reports that have a sourced coordinate, coloured by their reported holder. "
        f"On {prose.fmt_date(days[-1])} the last reports have "
        f"{prose.count_word(int(last.get('opposition', 0)))} held by the opposition, "
        f"{prose.count_word(int(last.get('government', 0)))} by the government, "
        f"{prose.count_word(int(last.get('contested', 0)))} contested and "
        f"{prose.count_word(int(last.get('unresolved', 0)))} unresolved. A place is contested while reports dated "
        f"within a day of its latest put it in both sides' hands; once that latest report is more than "
        f"{STALE_AFTER_DAYS} days old the contest no longer counts: the latest day's reports alone decide, and a "
        "place they still split is marked unresolved. The Orontes is drawn from World Data Bank II; the M5 "
        "schematically, straight between the cities a cited page names on it."
    )
    order = list(dict.fromkeys(frame.sort_values("day")["day_label"]))
    named = [n for p, n in zip(places["place_id"], places["name"]) if p in maps.LABELS and p in set(mapped["place_id"])]
    alt_text = (
        "Map of the Hama area and the road to Homs: one point per place with a sourced coordinate, coloured and "
        "shaped by its reported holder on the chosen day (opposition, government, contested, unresolved or no "
        "report), over the Orontes, the M5 and the governorate boundaries; "
        f"{prose.join_words(named)} are named."
    )
    one_per_day = " One small map per day from " + order[0] + " to " + order[-1] + "."
    drawn = maps.wide_frame(frame)
    kinds = {
        "battle-map": (maps.control_map_slider(drawn, geography), " A slider picks the day."),
        "battle-map-panels": (maps.control_map_panels(drawn, geography), one_per_day),
    }
    return {
        name: figure(
            name,
            chart,
            drawn,
            caption=caption,
            alt_text=alt_text + how,
            sources=sources,
        )
        for name, (chart, how) in kinds.items()
    }


def map_rows(t: Tables, geography: pd.DataFrame, voice: Voice = ENGLISH) -> tuple[pd.DataFrame, list[str]]:
    """The battle maps' drawn frame (each place's holder by day, a contest counting only while its reports are
    recent: ``STALE_AFTER_DAYS``), in the ``voice``'s words, and its sources: coordinates, control changes, lines."""
    places, days = t.places, t.days
    status = control_by_day(t.kept, t.actors, days, stale_after=STALE_AFTER_DAYS)
    frame = maps.map_frame(status, places, days, maps.battle_notes(voice), voice)
    mapped = frame[frame["layer"] == "place"]
    coord_sources = list(places.loc[places["place_id"].isin(frame["place_id"]), "coord_source_id"].dropna().unique())
    change_sources = list(dict.fromkeys(t.changes.loc[t.changes["place_id"].isin(mapped["place_id"]), "source_id"]))
    line_sources = list(
        dict.fromkeys(geography.loc[geography["layer"].isin(["river", "road", "governorate"]), "source_id"])
    )
    return frame, [*coord_sources, *change_sources, *line_sources]


def front_rows(t: Tables) -> tuple[pd.DataFrame, list[str]]:
    """The front's distance from Damascus each day (the nearest place held by the opposition, by the control
    changes and the capture reports further on), and the sources of its coordinates and reports."""
    everywhere = control_by_day(t.everywhere, t.actors, pd.date_range(FIRST_DAY, LAST_DAY, freq="D"))
    dist = front_distance(everywhere, t.places, "damascus")
    dist_ids = dist["last_change_ids"].str.split().explode()
    coords = t.places.loc[t.places["place_id"].isin([*dist["place_id"], "damascus"]), "coord_source_id"].dropna()
    reports = t.everywhere.set_index("change_id").loc[list(dict.fromkeys(dist_ids)), "source_id"]
    return dist, list(dict.fromkeys([*coords, *reports]))


def distance_to_damascus(t: Tables) -> Section:
    """How far the front stood from Damascus each day: the control changes plus the capture reports further on."""
    dist, sources = front_rows(t)
    start, end = dist.iloc[0], dist.iloc[-1]
    end_where = "Damascus itself" if end["km"] == 0 else f"{end['nearest']}, {prose.fmt_number(end['km'])} km away"
    caption = (
        f"On {prose.fmt_date(start['day'])} the nearest place reported held by the opposition, "
        f"{start['nearest']}, was {prose.fmt_number(start['km'])} km from Damascus; "
        f"by {prose.fmt_date(end['day'])} it had reached {end_where}: "
        f"{prose.fmt_number(start['km'] - end['km'])} km in {(end['day'] - start['day']).days} days."
    )
    s = Section()
    s.add(
        "battle-front-distance",
        figure(
            "battle-front-distance",
            maps.front_distance_line(dist),
            dist,
            caption=caption,
            alt_text=(
                "Line chart of the straight-line distance in kilometres from Damascus to the nearest place "
                "reported held by the opposition, one point per day."
            ),
            sources=sources,
        ),
    )
    start_ids, end_ids = start["last_change_ids"].split(), end["last_change_ids"].split()
    s.values["battle_km_start"] = prose.number(start["km"], start_ids)
    s.values["battle_km_end_where"] = prose.text(end_where, end_ids)
    s.values["battle_km_start_day"] = prose.date(start["day"], start_ids)
    s.values["battle_km_end_day"] = prose.date(end["day"], end_ids)
    s.values["battle_km_start_place"] = prose.text(start["nearest"], start_ids)
    return s


def day_by_day(t: Tables) -> Section:
    """The table of places reported changing hands each day, by the side reported taking them."""
    daily, sided = t.daily, t.sided
    names = [
        ", ".join(sorted(set(_names(t.places, _on(sided[sided["taken_by_side"] == side], d)["place_id"]))))
        for d, side in zip(daily["date"], daily["taken_by_side"])
    ]
    s = Section()
    s.add(
        "battle-daily",
        _folded(
            daily.assign(names=names)[["date", "taken_by_side", "places", "reports", "names"]],
            "Places reported changing hands each day, by the side reported taking them",
            DAILY_LABELS,
            noun="days and sides",
        ),
    )
    return s


def bar_rows(t: Tables) -> pd.DataFrame:
    """Reports of a change of hands and places changing hands per day, by the side reported taking them."""
    return t.daily.rename(columns={"date": "day"})[["day", "taken_by_side", "reports", "places"]]


def reports_per_day(t: Tables) -> Section:
    """Reports of places changing hands per day, by the side reported taking them (a bar chart)."""
    bars = bar_rows(t)
    gov_days = bars[bars["taken_by_side"] == "government"]
    s = Section()
    s.add(
        "battle-reports-per-day",
        figure(
            "battle-reports-per-day",
            maps.reports_per_day_bars(bars),
            bars,
            caption=(
                f"Reports of a change of hands by day ({prose.fmt_number(int(bars['reports'].sum()))} in all): "
                "the first report of a government retake is dated "
                f"{prose.fmt_date(gov_days['day'].min())} and the last {prose.fmt_date(gov_days['day'].max())}."
            ),
            alt_text="Stacked bar chart of reports of places changing hands per day, by the side reported taking them.",
            sources=list(dict.fromkeys(t.changes["source_id"])),
        ),
    )
    return s


def method(t: Tables) -> Section:
    """The method note: places without coordinates, the sides and originators heard, the data's date."""
    v: dict[str, prose.Value] = {}
    changes, pl = t.changes, t.pl
    used = changes["place_id"].unique()
    unmapped = pl.loc[pl.index.isin(used) & pl["latitude"].isna(), "name"].sort_values()
    unmapped_ids = changes.loc[changes["place_id"].isin(unmapped.index), "change_id"]
    v["battle_unmapped_n"] = prose.count(len(unmapped), unmapped_ids, noun="place")
    rows_used = pd.concat([changes[["source_id", "as_of"]], t.battle[["source_id", "as_of"]]])
    read = t.sources[t.sources["source_id"].isin(rows_used["source_id"])]
    labels = registry_labels("alignments")
    sides = set(with_originator_sides(read)["side"])
    heard = [a for a in labels.index if a in sides]
    unheard = [a for a in labels.index if a not in sides]
    clause = prose.join_words(labels[a] for a in heard)
    if unheard:
        clause += f"; none speaks for {prose.join_words((labels[a] for a in unheard), 'or')}"
    v["battle_heard"] = prose.text(clause, table="sources")
    v["battle_originators_n"] = prose.count(read["originator"].nunique(), table="sources")
    all_ids = list(changes["change_id"])
    v["battle_reports_n"] = prose.count(len(changes), all_ids)
    v["battle_places_n"] = prose.count(changes["place_id"].nunique(), all_ids)
    hama = t.sided[(t.sided["place_id"] == "hama") & (t.sided["taken_by_side"] == "opposition")]
    v["battle_hama_reports"] = prose.count(count_reports(hama, CONTROL_CLAIM), hama, noun="independent report")
    latest = changes["as_of"].max()
    v["battle_as_of"] = prose.date(latest, changes.loc[changes["as_of"] == latest, "change_id"])
    return Section(values=v)
