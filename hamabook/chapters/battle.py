"""The battle for Hama: who was reported holding which place, day by day, from the control-change reports.

Every row is selected by its fields (place, side, category, topic, date), never by its id or its wording.
"""

from __future__ import annotations

import re

import pandas as pd

from ..charts import maps, theme
from ..charts.geo import great_circle_km
from ..data import load
from ..output import prose
from ..output.figure import figure, table
from ..output.judgments import judgment_boxes, verdict_values
from ..rows import control_reports, with_originator_sides, with_sources
from ..rows import labels as registry_labels
from .page import Page

FIRST_DAY, LAST_DAY = "2024-11-26", "2024-12-08"
ROAD_SOUTH = "2024-12-06"  # the days after Hama's fall
ORIENTATION = ("aleppo", "idlib", "hama", "homs", "damascus")  # cities labelled on the map
FOUGHT = ("unit_deployment", "army_reinforcement", "reinforcements")
MINORITY = ("minority_town_handover", "minority_assurance")
HIGH_GROUND_KINDS = ("site",)  # hills and other named positions in places.csv
CONTEST_WINDOW_DAYS = 1  # claims by both sides within this many days of the latest report make a place contested
# Reports rated worse than this on the credibility scale (5 improbable: contradicted by well-established facts;
# 6 cannot be judged) are listed but do not decide a place's status on the map, its changes of hands or the front.
DECIDING_CREDIBILITY = 4


def with_sides(changes: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Add ``taken_by_side`` and ``taken_from_side`` (government, opposition, other) from actors.csv."""
    side = actors.set_index("actor_id")["side"]
    unknown = sorted(set(changes["taken_by"]).union(changes["taken_from"].dropna()) - set(side.index))
    if unknown:
        raise KeyError(f"control changes name unknown actors: {', '.join(unknown)}")
    return changes.assign(taken_by_side=changes["taken_by"].map(side), taken_from_side=changes["taken_from"].map(side))


def _records(reports: pd.DataFrame) -> list[tuple[pd.Timestamp, str, str]]:
    """A place's dated reports as (date, change_id, side), in date then id order."""
    rows = zip(reports["date"], reports["change_id"], reports["taken_by_side"], strict=True)
    return sorted(r for r in rows if not pd.isna(r[0]))


def _status(records: list[tuple], day: pd.Timestamp, window: int) -> tuple[str, list[str]]:
    """A place's status on ``day`` from its :func:`_records` and the ids that decide it.

    No report on or before the day: 'no report'. Otherwise the reports dated within ``window`` days of the
    latest one decide: one side in all of them gives that side; both sides give 'contested'.
    """
    known = [r for r in records if r[0] <= day]
    if not known:
        return "no report", []
    start = known[-1][0] - pd.Timedelta(days=window)
    recent = [r for r in known if r[0] >= start]
    sides = {side for _, _, side in recent}
    return (sides.pop() if len(sides) == 1 else "contested"), [change_id for _, change_id, _ in recent]


def control_by_day(changes: pd.DataFrame, actors: pd.DataFrame, days) -> pd.DataFrame:
    """One row per place in ``changes`` and day: place_id, day, status, last_change_ids (space-separated)."""
    sided = with_sides(changes, actors)
    days = pd.to_datetime(list(days))
    rows = []
    for place_id, reports in sided.groupby("place_id", sort=True):
        records = _records(reports)
        for day in days:
            status, ids = _status(records, day, CONTEST_WINDOW_DAYS)
            rows.append({"place_id": place_id, "day": day, "status": status, "last_change_ids": " ".join(ids)})
    return pd.DataFrame(rows, columns=["place_id", "day", "status", "last_change_ids"])


def hand_changes(changes: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Per place: how many times the reported holder changed, counting reports in date order and a change
    each time the side reported taking it differs from the one before (the first report counts as one)."""
    sided = with_sides(changes, actors).sort_values(["date", "change_id"])
    rows = []
    for place_id, reports in sided.groupby("place_id", sort=True):
        sides = list(reports["taken_by_side"])
        times = 1 + sum(a != b for a, b in zip(sides, sides[1:]))
        rows.append({"place_id": place_id, "times": times, "change_ids": list(reports["change_id"])})
    return pd.DataFrame(rows)


def front_distance(status: pd.DataFrame, places: pd.DataFrame, target: str) -> pd.DataFrame:
    """Per day: great-circle km from ``target`` to the nearest mapped place held by the opposition that day.

    Days on which no mapped place is reported held by the opposition are left out.
    """
    coords = places.set_index("place_id")[["name", "latitude", "longitude"]]
    t = coords.loc[target]
    held = status[status["status"] == "opposition"].join(coords, on="place_id").dropna(subset=["latitude"])
    held = held.assign(
        km=[great_circle_km(t.latitude, t.longitude, a, b) for a, b in zip(held["latitude"], held["longitude"])]
    )
    nearest = held.loc[held.groupby("day")["km"].idxmin()]
    return (
        nearest.assign(km=nearest["km"].round(0), nearest=nearest["name"])[
            ["day", "km", "nearest", "place_id", "last_change_ids"]
        ]
        .sort_values("day")
        .reset_index(drop=True)
    )


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


def deciding(changes: pd.DataFrame, worst: int = DECIDING_CREDIBILITY) -> pd.DataFrame:
    """The control reports allowed to decide a status: credibility ``worst`` or better (lower is better)."""
    return changes[changes["credibility"] <= worst]


def newly_contested(all_status: pd.DataFrame, kept_status: pd.DataFrame) -> pd.DataFrame:
    """Place-days contested when every report counts but not when only the deciding reports do."""
    both = all_status.merge(kept_status, on=["place_id", "day"], suffixes=("", "_kept"))
    return both[(both["status"] == "contested") & (both["status_kept"] != "contested")]


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


def build() -> Page:
    theme.apply()
    page = Page()
    v = page.values
    changes, places, actors, sources = (load(t) for t in ("control_changes", "places", "actors", "sources"))
    events, judgments, scale = load("events"), load("judgments"), load("likelihood_scale")
    sided = with_sides(changes, actors)
    battle = events[events["topic"] == "battle"]
    pl = places.set_index("place_id")
    all_ids = list(changes["change_id"])

    # --- bottom line ---------------------------------------------------------------------------------
    v.update(verdict_values(judgments, scale, ["J09", "J07", "J08"]))

    # --- numbers for the day-by-day account ------------------------------------------------------------
    opp = sided[sided["taken_by_side"] == "opposition"]
    gov = sided[sided["taken_by_side"] == "government"]
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
    v["battle_hama_reports"] = prose.count(len(hama_opp), hama_opp["change_id"], noun="report")
    hama_gov_claim = hama_opp[hama_opp["claimed_by"] == "government"]
    v["battle_hama_gov_how"] = prose.text(
        prose.join_words(sorted(set(hama_gov_claim["how"]))) if len(hama_gov_claim) else "not reported",
        hama_gov_claim["change_id"] if len(hama_gov_claim) else hama_opp["change_id"],
    )

    # per day table: places reported taken by each side
    daily = (
        sided.groupby(["date", "taken_by_side"])
        .agg(places=("place_id", "nunique"), reports=("change_id", "count"))
        .reset_index()
        .sort_values(["date", "taken_by_side"])
    )
    daily_table = daily.assign(
        names=[
            ", ".join(
                sorted(
                    _names(places, sided.loc[(sided["date"] == d) & (sided["taken_by_side"] == s), "place_id"].unique())
                )
            )
            for d, s in zip(daily["date"], daily["taken_by_side"])
        ]
    )
    page.add(
        "battle-daily",
        table(
            daily_table[["date", "taken_by_side", "places", "reports", "names"]],
            "Places reported changing hands each day, by the side reported taking them",
            {
                "taken_by_side": "Reported taken by",
                "places": "Places",
                "reports": "Reports",
                "names": "Places named",
            },
            noun="days and sides",
        ),
    )

    # places reported changing hands more than once
    hands = hand_changes(deciding(changes), actors)
    flipped = hands[hands["times"] > 1].sort_values(["times", "place_id"], ascending=[False, True])
    flipped_ids = [i for ids in flipped["change_ids"] for i in ids]
    v["battle_flipped_n"] = prose.count(len(flipped), flipped_ids, noun="place")
    v["battle_flipped_list"] = prose.text(
        prose.join_words(
            f"{pl.loc[p, 'name']} ({prose.plural(t, 'change')})" for p, t in zip(flipped["place_id"], flipped["times"])
        ),
        flipped_ids,
    )
    v["battle_gov_claims_n"] = prose.count(len(gov), gov["change_id"], noun="report")
    v["battle_gov_places_n"] = prose.count(gov["place_id"].nunique(), gov["change_id"], noun="place")

    # high ground: every report, both sides
    high = sided[
        sided["place_id"].isin(pl.index[pl["kind"].isin(HIGH_GROUND_KINDS)]) | (sided["place_id"] == "qamhana")
    ]
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
    for pid, key in (("hama-military-airport", "battle_airbase"), ("hama-central-prison", "battle_prison")):
        rows = sided[sided["place_id"] == pid]
        v[key] = prose.text(
            _side_dates(rows, "opposition"), rows.loc[rows["taken_by_side"] == "opposition", "change_id"]
        )
    air = sided[(sided["place_id"] == "hama-military-airport") & (sided["taken_by_side"] == "government")]
    v["battle_airbase_gov"] = prose.count(len(air), air["change_id"], noun="report")
    air_src = with_sources(air, sources)
    cred = load("credibility_scale").set_index("score")["label"]
    v["battle_airbase_gov_source"] = prose.text(
        prose.join_words(
            f"{pub}, grade {g}, rated {cred.loc[c].lower()}"
            for pub, g, c in zip(air_src["publisher"], air_src["reliability"], air_src["credibility"])
        ),
        air["change_id"],
    )
    high_rows = with_sources(high.join(pl["name"], on="place_id"), sources).sort_values(
        ["place_id", "date", "change_id"]
    )
    page.add(
        "battle-high-ground",
        table(
            high_rows[
                [
                    "name",
                    "date",
                    "date_precision",
                    "taken_by_side",
                    "how",
                    "claimed_by",
                    "publisher",
                    "reliability",
                    "credibility",
                    "change_id",
                ]
            ],
            "Every report of the high ground, the airbase and the prison changing hands",
            {
                "name": "Place",
                "taken_by_side": "Taken by",
                "how": "How",
                "claimed_by": "Claimed by",
                "publisher": "Source",
                "change_id": "Row",
            },
            noun="reports",
        ),
    )

    # who fought
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

    # the counter-attack
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
    sohr = depth[depth["estimated_by"] == "SOHR"]
    v["battle_depth_sohr_n"] = prose.count(len(sohr), sohr["figure_id"])
    v["battle_depth_sohr"] = prose.text(
        prose.join_words(f"{prose.fmt_number(x)} km" for x in sohr["value"]), sohr["figure_id"]
    )
    counter_rows = with_sources(
        pd.concat(
            [
                counter.assign(kind="counter-offensive report", row=counter["event_id"]),
                battle[
                    battle["category"].isin(("statement",))
                    & (battle["actor_id"] == "syrian-government")
                    & battle["date"].isin(counter["date"])
                ].assign(kind="government statement that day", row=lambda d: d["event_id"]),
            ]
        ),
        sources,
    ).sort_values(["date", "row"])
    page.add(
        "battle-counter",
        table(
            counter_rows[["date", "kind", "summary", "publisher", "reliability", "credibility", "row"]],
            "The government counter-attack of early December: every report of how far it went",
            {
                "kind": "Kind",
                "summary": "What was reported (our words)",
                "publisher": "Source",
                "row": "Row",
            },
            noun="reports",
        ),
    )

    # the minority towns
    minority = battle[battle["category"].isin(MINORITY)]
    towns = pl[pl["community"].notna() & (pl["community"] != "Sunni") & pl.index.isin(changes["place_id"])]
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
    mt = with_sources(town_rows.join(pl[["name", "community"]], on="place_id"), sources)
    mt = mt.assign(how=mt["how"].replace({"unknown": "not stated"})).sort_values(["date", "place_id", "change_id"])
    page.add(
        "battle-minority",
        table(
            mt[
                [
                    "name",
                    "community",
                    "date",
                    "date_precision",
                    "taken_by_side",
                    "how",
                    "claimed_by",
                    "publisher",
                    "reliability",
                    "change_id",
                ]
            ],
            "Reports of the minority towns around Hama changing hands",
            {
                "name": "Town",
                "community": "Community",
                "taken_by_side": "Taken by",
                "how": "How",
                "claimed_by": "Claimed by",
                "publisher": "Source",
                "change_id": "Row",
            },
            noun="reports",
        ),
    )

    # statements vs reports
    stm = battle[battle["category"] == "statement"].join(actors.set_index("actor_id")[["name", "side"]], on="actor_id")
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
    # the road south
    south = opp[opp["date"] >= ROAD_SOUTH]
    v["battle_south_places"] = prose.text(
        prose.join_words(sorted(_names(places, south["place_id"].unique()))), south["change_id"]
    )
    v["battle_south_dates"] = prose.date_range(south["date"].min(), south["date"].max(), south["change_id"])

    # --- the map ------------------------------------------------------------------------------------------
    kept = deciding(changes)
    days = pd.date_range(kept["date"].min(), LAST_DAY, freq="D")
    status = control_by_day(kept, actors, days)
    frame = map_frame(status, places)
    mapped = frame[frame["layer"] == "place"]
    last = mapped[mapped["day"] == days[-1]]["status"].value_counts()
    contested_days = mapped[mapped["status"] == "contested"]
    coord_sources = list(places.loc[places["place_id"].isin(frame["place_id"]), "coord_source_id"].dropna().unique())
    change_sources = list(dict.fromkeys(changes.loc[changes["place_id"].isin(mapped["place_id"]), "source_id"]))
    n_mapped = mapped["place_id"].nunique()
    caption = (
        f"Each day of {prose.fmt_date_range(days[0], days[-1])}, the {n_mapped} mapped places coloured by their "
        f"reported holder. On {prose.fmt_date(days[-1])} the last reports have "
        f"{prose.count_word(int(last.get('opposition', 0)))} held by the opposition, "
        f"{prose.count_word(int(last.get('government', 0)))} by the government and "
        f"{prose.count_word(int(last.get('contested', 0)))} contested; "
        f"{prose.plural(contested_days['place_id'].nunique(), 'place')} were contested on at least one day."
    )
    order = list(dict.fromkeys(frame.sort_values("day")["day_label"]))
    alt_text = (
        "Map of the Hama area and the road to Homs over Syria's outline, one point per place with sourced "
        "coordinates, coloured by its reported holder on the chosen day (opposition, government, contested "
        "or no report); "
        "Aleppo, Idlib, Hama, Homs and Damascus are labelled for orientation."
    )
    page.add(
        "battle-map",
        figure(
            "battle-map",
            maps.control_map_slider(frame),
            frame,
            caption=caption,
            alt_text=alt_text + " A slider picks the day.",
            sources=[*coord_sources, *change_sources],
        ),
    )
    page.add(
        "battle-map-panels",
        figure(
            "battle-map-panels",
            maps.control_map_panels(frame, order),
            frame,
            caption=caption,
            alt_text=alt_text + " One small map per day from " + order[0] + " to " + order[-1] + ".",
            sources=[*coord_sources, *change_sources],
        ),
    )
    v["battle_mapped_n"] = prose.count(
        mapped["place_id"].nunique(), changes.loc[changes["place_id"].isin(mapped["place_id"]), "change_id"]
    )
    v["battle_map_days"] = prose.date_range(
        days[0], days[-1], kept.loc[kept["date"].isin([days[0], days[-1]]), "change_id"]
    )
    dropped = changes[changes["credibility"] > DECIDING_CREDIBILITY]
    extra = newly_contested(control_by_day(changes, actors, days), status)
    v["battle_improbable_n"] = prose.count(len(dropped), dropped["change_id"], noun="report")
    v["battle_improbable_places"] = prose.text(
        prose.join_words(
            f"{pl.loc[p, 'name']} ({prose.fmt_date_range(g['day'].min(), g['day'].max())})"
            for p, g in extra.groupby("place_id")
        )
        if len(extra)
        else "no place",
        dropped["change_id"],
    )
    v["battle_contested_n"] = prose.count(
        contested_days["place_id"].nunique(), contested_days["last_change_ids"].str.split().explode()
    )

    # --- distance to Damascus: the control changes plus the capture reports of the cities further on --------
    everywhere = control_by_day(
        deciding(control_reports(changes, load("events"))), actors, pd.date_range(FIRST_DAY, LAST_DAY, freq="D")
    )
    dist = front_distance(everywhere, places, "damascus")
    start, end = dist.iloc[0], dist.iloc[-1]
    dist_ids = dist["last_change_ids"].str.split().explode()
    dist_caption = (
        f"On {prose.fmt_date(start['day'])} the nearest place reported held by the opposition, "
        f"{start['nearest']}, was {prose.fmt_number(start['km'])} km from Damascus; "
        f"by {prose.fmt_date(end['day'])} it had reached "
        f"{'Damascus itself' if end['km'] == 0 else end['nearest'] + ', ' + prose.fmt_number(end['km']) + ' km away'}: "
        f"{prose.fmt_number(start['km'] - end['km'])} km in {(end['day'] - start['day']).days} days."
    )
    page.add(
        "battle-front-distance",
        figure(
            "battle-front-distance",
            maps.front_distance_line(dist),
            dist,
            caption=dist_caption,
            alt_text=(
                "Line chart of the straight-line distance in kilometres from Damascus to the nearest place "
                "reported held by the opposition, one point per day."
            ),
            sources=list(
                dict.fromkeys(
                    [
                        *places.loc[
                            places["place_id"].isin([*dist["place_id"], "damascus"]), "coord_source_id"
                        ].dropna(),
                        *deciding(control_reports(changes, load("events")))
                        .set_index("change_id")
                        .loc[list(dict.fromkeys(dist_ids)), "source_id"],
                    ]
                )
            ),
        ),
    )
    v["battle_km_start"] = prose.number(start["km"], start["last_change_ids"].split())
    end_where = "Damascus itself" if end["km"] == 0 else f"{end['nearest']}, {prose.fmt_number(end['km'])} km away"
    v["battle_km_end_where"] = prose.text(end_where, end["last_change_ids"].split())
    v["battle_km_start_day"] = prose.date(start["day"], start["last_change_ids"].split())
    v["battle_km_end_day"] = prose.date(end["day"], end["last_change_ids"].split())
    v["battle_km_start_place"] = prose.text(start["nearest"], start["last_change_ids"].split())

    # --- reports per day by side --------------------------------------------------------------------------
    bars = daily.rename(columns={"date": "day"})[["day", "taken_by_side", "reports", "places"]]
    gov_days = bars[bars["taken_by_side"] == "government"]
    page.add(
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
            sources=list(dict.fromkeys(changes["source_id"])),
        ),
    )

    # --- judgments -----------------------------------------------------------------------------------------
    for jid, box in judgment_boxes(judgments, scale, "battle").items():
        page.add(jid, box)

    # --- method ----------------------------------------------------------------------------------------------
    used = changes["place_id"].unique()
    unmapped = pl.loc[pl.index.isin(used) & pl["latitude"].isna(), "name"].sort_values()
    v["battle_unmapped_n"] = prose.count(
        len(unmapped), changes.loc[changes["place_id"].isin(unmapped.index), "change_id"], noun="place"
    )
    v["battle_unmapped"] = prose.text(
        prose.join_words(unmapped), changes.loc[changes["place_id"].isin(unmapped.index), "change_id"]
    )
    rows_used = pd.concat([changes[["source_id", "as_of"]], battle[["source_id", "as_of"]]])
    read = sources[sources["source_id"].isin(rows_used["source_id"])]
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
    return page
