"""The battle for Hama: who was reported holding which place, day by day, from the control-change reports.

Every row is selected by its fields (place, side, category, topic, date), never by its id or its wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from ..charts import maps, theme
from ..data import load
from ..output import prose
from ..output.figure import figure, table
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


@dataclass(frozen=True)
class Tables:
    """What the sections read: the tables, loaded once, and the rules every section shares, computed once."""

    changes: pd.DataFrame  # control_changes.csv
    places: pd.DataFrame
    actors: pd.DataFrame
    sources: pd.DataFrame
    sided: pd.DataFrame  # the control changes with the side of who took and who lost each place
    battle: pd.DataFrame  # events of the battle topic
    daily: pd.DataFrame  # per day and side: places reported taken and reports
    kept: pd.DataFrame  # the control changes allowed to decide a status
    days: pd.DatetimeIndex  # the days the map shows
    everywhere: pd.DataFrame  # the deciding control reports, capture events included

    @property
    def pl(self) -> pd.DataFrame:
        return self.places.set_index("place_id")


def tables() -> Tables:
    changes, places, actors = load("control_changes"), load("places"), load("actors")
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
        battle=events[events["topic"] == "battle"],
        daily=daily,
        kept=kept,
        days=pd.date_range(kept["date"].min(), LAST_DAY, freq="D"),
        everywhere=deciding(control_reports(changes, events)),
    )


def build() -> Page:
    theme.apply()
    t = tables()
    return Page.of(
        judged("battle", {"j09_verdict": "J09", "j08_verdict": "J08"}),
        day_by_day(t),
        changes_of_hands(t),
        high_ground(t),
        who_fought(t),
        counter_attack(t),
        minority_towns(t),
        claims(t),
        road_south(t),
        control_map(t),
        distance_to_damascus(t),
        reports_per_day(t),
        method(t),
    )


def day_by_day(t: Tables) -> Section:
    """The numbers of the day-by-day account, and the table of places changing hands each day."""
    s = Section()
    v = s.values
    changes, sided = t.changes, t.sided
    all_ids = list(changes["change_id"])
    opp = sided[sided["taken_by_side"] == "opposition"]
    v["battle_reports_n"] = prose.count(len(changes), all_ids)
    v["battle_places_n"] = prose.count(changes["place_id"].nunique(), all_ids)
    v["battle_first_day"] = prose.date(
        changes["date"].min(), changes.loc[changes["date"] == changes["date"].min(), "change_id"]
    )
    per_day = opp.groupby("date")["place_id"].nunique()
    peak = per_day.idxmax()
    peak_ids = opp.loc[opp["date"] == peak, "change_id"]
    same = peak == changes["date"].min()
    v["battle_peak_clause"] = prose.text(
        "this was also the busiest day" if same else f"the busiest day was {prose.fmt_date(peak)}", peak_ids
    )
    v["battle_peak_n"] = prose.count(int(per_day.max()), opp.loc[opp["date"] == peak, "change_id"], noun="place")
    hama_opp = opp[opp["place_id"] == "hama"]
    fall = hama_opp["date"].mode().min()
    v["battle_hama_fall"] = prose.date(fall, hama_opp["change_id"])
    v["battle_hama_reports"] = prose.count(count_reports(hama_opp, CONTROL_CLAIM), hama_opp["change_id"], noun="report")
    hama_gov_claim = hama_opp[hama_opp["claimed_by"] == "government"]
    v["battle_hama_gov_how"] = prose.text(
        prose.join_words(sorted(set(hama_gov_claim["how"]))) if len(hama_gov_claim) else "not reported",
        hama_gov_claim["change_id"] if len(hama_gov_claim) else hama_opp["change_id"],
    )
    daily = t.daily
    daily_table = daily.assign(
        names=[
            ", ".join(
                sorted(
                    _names(
                        t.places, sided.loc[(sided["date"] == d) & (sided["taken_by_side"] == s), "place_id"].unique()
                    )
                )
            )
            for d, s in zip(daily["date"], daily["taken_by_side"])
        ]
    )
    s.add(
        "battle-daily",
        table(
            daily_table[["date", "taken_by_side", "places", "reports", "names"]],
            "Places reported changing hands each day, by the side reported taking them",
            DAILY_LABELS,
            noun="days and sides",
        ),
    )
    return s


def changes_of_hands(t: Tables) -> Section:
    """Places reported changing hands more than once, and the government's own claims of retakes."""
    v: dict[str, prose.Value] = {}
    hands = hand_changes(t.kept, t.actors)
    flipped = hands[hands["times"] > 1].sort_values(["times", "place_id"], ascending=[False, True])
    flipped_ids = [i for ids in flipped["change_ids"] for i in ids]
    v["battle_flipped_n"] = prose.count(len(flipped), flipped_ids, noun="place")
    v["battle_flipped_list"] = prose.text(
        prose.join_words(
            f"{t.pl.loc[p, 'name']} ({prose.plural(n, 'change')})"
            for p, n in zip(flipped["place_id"], flipped["times"])
        ),
        flipped_ids,
    )
    gov = t.sided[t.sided["taken_by_side"] == "government"]
    v["battle_gov_claims_n"] = prose.count(len(gov), gov["change_id"], noun="report")
    v["battle_gov_places_n"] = prose.count(gov["place_id"].nunique(), gov["change_id"], noun="place")
    return Section(values=v)


def high_ground(t: Tables) -> Section:
    """Jabal Zayn al-Abidin, Qamhana, the airbase and the prison: every report, both sides."""
    v: dict[str, prose.Value] = {}
    sided, pl = t.sided, t.pl
    zayn = sided[sided["place_id"] == "jabal-zayn-al-abidin"]
    zayn_opp, zayn_gov = (zayn[zayn["taken_by_side"] == s] for s in ("opposition", "government"))
    if _side_dates(zayn, "opposition") == _side_dates(zayn, "government"):
        v["battle_zayn_both"] = prose.text(
            f"Reports dated {_side_dates(zayn, 'opposition')} put Jabal Zayn al-Abidin in both sides' hands",
            zayn["change_id"],
        )
    else:
        v["battle_zayn_both"] = prose.text(
            f"Jabal Zayn al-Abidin was reported held by the opposition on {_side_dates(zayn, 'opposition')} "
            f"and by the government on {_side_dates(zayn, 'government')}",
            zayn["change_id"],
        )
    v["battle_zayn_opp_n"] = prose.count(len(zayn_opp), zayn_opp["change_id"], noun="report")
    v["battle_zayn_gov_n"] = prose.count(len(zayn_gov), zayn_gov["change_id"], noun="report")
    qamhana = sided[sided["place_id"] == "qamhana"]
    v["battle_qamhana_opp"] = prose.text(_side_dates(qamhana, "opposition"), qamhana["change_id"])
    airbase = sided[sided["place_id"] == "hama-military-airport"]
    v["battle_airbase"] = _taken_on(airbase)
    v["battle_prison"] = _taken_on(sided[sided["place_id"] == "hama-central-prison"])
    air = airbase[airbase["taken_by_side"] == "government"]
    v["battle_airbase_gov"] = prose.count(len(air), air["change_id"], noun="report")
    air_src = with_sources(air, t.sources)
    cred = load("credibility_scale").set_index("score")["label"]
    v["battle_airbase_gov_source"] = prose.text(
        prose.join_words(
            f"{pub}, grade {g}, rated {cred.loc[c].lower()}"
            for pub, g, c in zip(air_src["publisher"], air_src["reliability"], air_src["credibility"])
        ),
        air["change_id"],
    )
    high = sided[
        sided["place_id"].isin(pl.index[pl["kind"].isin(HIGH_GROUND_KINDS)]) | (sided["place_id"] == "qamhana")
    ]
    high_rows = with_sources(high.join(pl["name"], on="place_id"), t.sources).sort_values(
        ["place_id", "date", "change_id"]
    )
    columns = ["name", "date", "date_precision", "taken_by_side", "how", "claimed_by", "publisher", "reliability"]
    s = Section(values=v)
    s.add(
        "battle-high-ground",
        table(
            high_rows[[*columns, "credibility", "change_id"]],
            "Every report of the high ground, the airbase and the prison changing hands",
            HIGH_GROUND_LABELS,
            noun="reports",
        ),
    )
    return s


def _taken_on(rows: pd.DataFrame) -> prose.Value:
    """The dates a place was reported taken by the opposition, resting on those reports."""
    return prose.text(_side_dates(rows, "opposition"), rows.loc[rows["taken_by_side"] == "opposition", "change_id"])


def who_fought(t: Tables) -> Section:
    """The forces each side is reported to have fought with: those taking places, and the reinforcements."""
    v: dict[str, prose.Value] = {}
    changes, actors, battle = t.changes, t.actors, t.battle
    fought = battle[battle["category"].isin(FOUGHT)].join(actors.set_index("actor_id")[["name", "side"]], on="actor_id")
    taker_ids = list(dict.fromkeys(changes["taken_by"]))
    for side, key in (("government", "battle_gov_forces"), ("opposition", "battle_opp_forces")):
        ev = fought[fought["side"] == side]
        names = list(dict.fromkeys(ev["name"]))
        takers = actors[actors["actor_id"].isin(taker_ids) & (actors["side"] == side)]["name"]
        names = list(dict.fromkeys([*takers, *names]))
        rows = [
            *ev["event_id"],
            *changes.loc[changes["taken_by"].isin(actors.loc[actors["side"] == side, "actor_id"]), "change_id"],
        ]
        v[key] = prose.text(join_phrases(actor_phrase(n) for n in names), rows)
    v["battle_reinforcement_reports"] = prose.count(len(fought), fought["event_id"], noun="report")
    return Section(values=v)


def counter_attack(t: Tables) -> Section:
    """The government counter-attack of early December: the reports, how far it went, and the table."""
    v: dict[str, prose.Value] = {}
    battle = t.battle
    counter = battle[battle["category"] == "counter_offensive"]
    v["battle_counter_n"] = prose.count(len(counter), counter["event_id"], noun="report")
    v["battle_counter_dates"] = prose.text(
        prose.join_words(sorted({prose.fmt_date(d) for d in counter["date"]})), counter["event_id"]
    )
    depth = load("figures")
    depth = depth[depth["metric"] == "counter_attack_depth_km"]
    v["battle_depth_n"] = prose.count(len(depth), depth["figure_id"], noun="figure")
    v["battle_depth_range"] = prose.text(
        f"{prose.fmt_number(depth['value'].min())} to {prose.fmt_number(depth['value'].max())} km", depth["figure_id"]
    )
    sohr = depth[depth["estimated_by"].map(bodies()) == SOHR]
    v["battle_depth_sohr_n"] = prose.count(len(sohr), sohr["figure_id"])
    v["battle_depth_sohr"] = prose.text(
        prose.join_words(f"{prose.fmt_number(x)} km" for x in sohr["value"]), sohr["figure_id"]
    )
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
        table(
            counter_rows[["date", "kind", "summary", "publisher", "reliability", "credibility", "row"]],
            "The government counter-attack of early December: every report of how far it went",
            COUNTER_LABELS,
            noun="reports",
        ),
    )
    return s


def minority_towns(t: Tables) -> Section:
    """The minority towns around Hama: who took them and how, and every report of them changing hands."""
    v: dict[str, prose.Value] = {}
    pl, sided = t.pl, t.sided
    minority = t.battle[t.battle["category"].isin(MINORITY)]
    towns = pl[pl["community"].notna() & (pl["community"] != "Sunni") & pl.index.isin(t.changes["place_id"])]
    town_rows = sided[sided["place_id"].isin(towns.index)]
    v["battle_minority_towns"] = prose.text(
        prose.join_words(
            f"{towns.loc[p, 'name']} ({towns.loc[p, 'community'].replace(' (', ': ').rstrip(')')})" for p in towns.index
        ),
        town_rows["change_id"],
    )
    v["battle_minority_how"] = prose.text(
        prose.join_words(
            f"{'not stated' if h == 'unknown' else h} ({prose.plural(n, 'report')})"
            for h, n in town_rows["how"].value_counts().sort_index().items()
        ),
        town_rows["change_id"],
    )
    v["battle_minority_n"] = prose.count(len(minority), minority["event_id"], noun="report")
    mt = with_sources(town_rows.join(pl[["name", "community"]], on="place_id"), t.sources)
    mt = mt.assign(how=mt["how"].replace({"unknown": "not stated"})).sort_values(["date", "place_id", "change_id"])
    columns = ["name", "community", "date", "date_precision", "taken_by_side", "how", "claimed_by", "publisher"]
    s = Section(values=v)
    s.add(
        "battle-minority",
        table(
            mt[[*columns, "reliability", "change_id"]],
            "Reports of the minority towns around Hama changing hands",
            MINORITY_LABELS,
            noun="reports",
        ),
    )
    return s


def claims(t: Tables) -> Section:
    """Statements against reports: what each side said, and what the government's and independent claims say."""
    v: dict[str, prose.Value] = {}
    battle, sided = t.battle, t.sided
    stm = battle[battle["category"] == "statement"].join(
        t.actors.set_index("actor_id")[["name", "side"]], on="actor_id"
    )
    stm_by_side = stm["side"].value_counts()
    v["battle_statements_gov"] = prose.count(
        int(stm_by_side.get("government", 0)), stm.loc[stm["side"] == "government", "event_id"], noun="statement"
    )
    v["battle_statements_opp"] = prose.count(
        int(stm_by_side.get("opposition", 0)), stm.loc[stm["side"] == "opposition", "event_id"], noun="statement"
    )
    gov_claims = sided[sided["claimed_by"] == "government"]
    v["battle_gov_claim_retakes"] = prose.count(
        int((gov_claims["taken_by_side"] == "government").sum()), gov_claims["change_id"], noun="report"
    )
    v["battle_gov_claim_losses"] = prose.count(
        int((gov_claims["taken_by_side"] == "opposition").sum()), gov_claims["change_id"], noun="report"
    )
    indep = sided[sided["claimed_by"].isin(["monitor", "journalist"])]
    v["battle_indep_gov"] = prose.count(int((indep["taken_by_side"] == "government").sum()), indep["change_id"])
    v["battle_indep_n"] = prose.count(len(indep), indep["change_id"], noun="report")
    return Section(values=v)


def road_south(t: Tables) -> Section:
    """The places the opposition took on the road south after Hama fell."""
    sided = t.sided
    south = sided[(sided["taken_by_side"] == "opposition") & (sided["date"] >= ROAD_SOUTH)]
    places = prose.join_words(sorted(_names(t.places, south["place_id"].unique())))
    return Section(
        values={
            "battle_south_places": prose.text(places, south["change_id"]),
            "battle_south_dates": prose.date_range(south["date"].min(), south["date"].max(), south["change_id"]),
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
    v["battle_improbable_n"] = prose.count(len(dropped), dropped["change_id"], noun="report")
    v["battle_improbable_places"] = prose.text(
        prose.join_words(
            f"{t.pl.loc[p, 'name']} ({prose.fmt_date_range(g['day'].min(), g['day'].max())})"
            for p, g in extra.groupby("place_id")
        )
        if len(extra)
        else "no place",
        dropped["change_id"],
    )
    v["battle_contested_n"] = prose.count(
        contested_days["place_id"].nunique(), contested_days["last_change_ids"].str.split().explode()
    )
    return s


def _map_figures(t: Tables, frame: pd.DataFrame) -> dict[str, object]:
    """The map as a slider over the days and as one small map per day, with one caption. A contest counts only
    while its reports are recent (``STALE_AFTER_DAYS``), so ``frame``'s statuses are recomputed by that rule."""
    places, days = t.places, t.days
    status = control_by_day(t.kept, t.actors, days, stale_after=STALE_AFTER_DAYS)
    geography = load("geography")
    frame = maps.map_frame(status, places, days, maps.battle_notes())
    mapped = frame[frame["layer"] == "place"]
    last = mapped[mapped["day"] == days[-1]]["status"].value_counts()
    reported = t.changes["place_id"].nunique()
    coord_sources = list(places.loc[places["place_id"].isin(frame["place_id"]), "coord_source_id"].dropna().unique())
    change_sources = list(dict.fromkeys(t.changes.loc[t.changes["place_id"].isin(mapped["place_id"]), "source_id"]))
    line_sources = list(
        dict.fromkeys(geography.loc[geography["layer"].isin(["river", "road", "governorate"]), "source_id"])
    )
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
    kinds = {
        "battle-map": (maps.control_map_slider(frame, geography), " A slider picks the day."),
        "battle-map-panels": (maps.control_map_panels(frame, geography, order), one_per_day),
    }
    return {
        name: figure(
            name,
            chart,
            frame,
            caption=caption,
            alt_text=alt_text + how,
            sources=[*coord_sources, *change_sources, *line_sources],
        )
        for name, (chart, how) in kinds.items()
    }


def distance_to_damascus(t: Tables) -> Section:
    """How far the front stood from Damascus each day: the control changes plus the capture reports further on."""
    everywhere = control_by_day(t.everywhere, t.actors, pd.date_range(FIRST_DAY, LAST_DAY, freq="D"))
    dist = front_distance(everywhere, t.places, "damascus")
    start, end = dist.iloc[0], dist.iloc[-1]
    dist_ids = dist["last_change_ids"].str.split().explode()
    end_where = "Damascus itself" if end["km"] == 0 else f"{end['nearest']}, {prose.fmt_number(end['km'])} km away"
    caption = (
        f"On {prose.fmt_date(start['day'])} the nearest place reported held by the opposition, "
        f"{start['nearest']}, was {prose.fmt_number(start['km'])} km from Damascus; "
        f"by {prose.fmt_date(end['day'])} it had reached {end_where}: "
        f"{prose.fmt_number(start['km'] - end['km'])} km in {(end['day'] - start['day']).days} days."
    )
    coords = t.places.loc[t.places["place_id"].isin([*dist["place_id"], "damascus"]), "coord_source_id"].dropna()
    reports = t.everywhere.set_index("change_id").loc[list(dict.fromkeys(dist_ids)), "source_id"]
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
            sources=list(dict.fromkeys([*coords, *reports])),
        ),
    )
    start_ids, end_ids = start["last_change_ids"].split(), end["last_change_ids"].split()
    s.values["battle_km_start"] = prose.number(start["km"], start_ids)
    s.values["battle_km_end_where"] = prose.text(end_where, end_ids)
    s.values["battle_km_start_day"] = prose.date(start["day"], start_ids)
    s.values["battle_km_end_day"] = prose.date(end["day"], end_ids)
    s.values["battle_km_start_place"] = prose.text(start["nearest"], start_ids)
    return s


def reports_per_day(t: Tables) -> Section:
    """Reports of places changing hands per day, by the side reported taking them (a bar chart)."""
    bars = t.daily.rename(columns={"date": "day"})[["day", "taken_by_side", "reports", "places"]]
    gov_days = bars[bars["taken_by_side"] == "government"]
    s = Section()
    s.add(
        "battle-reports-per-day",
        figure(
            "battle-reports-per-day",
            maps.reports_per_day_bars(bars),
            bars,
            caption=(
                f"The data hold {prose.plural(int(bars['reports'].sum()), 'report')} of a change of hands; "
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
    v["battle_unmapped"] = prose.text(prose.join_words(unmapped), unmapped_ids)
    rows_used = pd.concat([changes[["source_id", "as_of"]], t.battle[["source_id", "as_of"]]])
    read = t.sources[t.sources["source_id"].isin(rows_used["source_id"])]
    labels = registry_labels("alignments")
    sides = set(with_originator_sides(read)["side"])
    heard = [a for a in labels.index if a in sides]
    unheard = [a for a in labels.index if a not in sides]
    v["battle_heard"] = prose.text(prose.join_words(labels[a] for a in heard), table="sources")
    v["battle_unheard"] = prose.text(prose.join_words((labels[a] for a in unheard), "or"), table="sources")
    origin = read["originator"].value_counts()
    top = origin[origin > 2]
    v["battle_originators_n"] = prose.count(len(origin), table="sources")
    v["battle_originators_top"] = prose.text(
        prose.join_words(f"{o} ({prose.plural(int(n), 'source')})" for o, n in top.items()), table="sources"
    )
    latest = changes["as_of"].max()
    v["battle_as_of"] = prose.date(latest, changes.loc[changes["as_of"] == latest, "change_id"])
    return Section(values=v)
