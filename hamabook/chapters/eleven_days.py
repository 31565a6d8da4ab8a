"""The eleven days (``book/eleven_days.ipynb``): one narrative of the campaign, 27 November – 8 December 2024, from
Idlib to Damascus, with the campaign map.

Who attacked (HTS's origins, its designations, the Salvation Government, the joint command, the SNA), then the
campaign in order: the launch, Aleppo, the SNA's front, Hama, the south and east, Homs, Damascus. Every date of a
place changing hands comes from the control reports (``rows.control``: control changes and capture events, the
improbable ones left out); every other value from the events and figures it rests on. Rows are selected by their
fields (category, place, actor, metric, date), never by their id or their wording.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..charts import theme
from ..data import load
from ..output import prose
from ..output.figure import COLUMN_LABELS, block, readable
from ..output.render import table_html, table_print
from ..rows.control import DECIDING_CREDIBILITY, control_reports, deciding, with_sides
from ..rows.select import with_sources
from ..rows.stated import stating
from . import campaign as campaign_maps
from .page import Page, Section, judged

WINDOW = ("2024-11-27", "2024-12-08")  # the eleven days
YEAR = 2024  # dates in this year read without it ('5 December'); others with it ('24 January 2012')
GOVERNMENT = "syrian-government"
COMMAND = "military-operations-command"
# The places of the evidence table: every control report outside the Hama front (the battle chapter's), and the
# cities on the M5 whose capture the story dates.
M5_CITIES = ("khan-shaykhun", "maarat-al-numan", "hama", "rastan", "talbiseh", "homs")

CAPTURE_LABELS = {
    "name": "Place",
    "taken_by": "Reported taken by",
    "how": "How",
    "claimed_by": "Claimed by",
    "publisher": "Source",
    "change_id": "Row",
}
FOLD_AFTER = 1  # the evidence table shows its first row; "Show all" opens the rest (the page fits twelve screens)


# --- Dates and values as a reader says them -------------------------------------------------------------------


def _day(rows: pd.DataFrame, *, precision: str | None = None) -> prose.Value:
    """The one date ``rows`` give, at their precision (or ``precision``), resting on them; every date they give
    (:func:`_either`) where they disagree, 'no date' where none does."""
    days = rows["date"].dropna().unique()
    if len(days) == 0:
        return prose.text("no date", table="events")
    if len(days) > 1:
        return _either(rows)
    if precision is None:
        exact = [p for p in ("day", "month", "year") if p in set(rows["date_precision"])]
        precision = exact[0] if exact else "approximate"
    return prose.text(prose.fmt_day(days[0], YEAR, precision), _ids(rows))


def _either(rows: pd.DataFrame) -> prose.Value:
    """Every date ``rows`` give: '5 or 6 December', '29 November, 30 November or 1 December', '30 or 31 May 2013'."""
    days = rows["date"].dropna()
    if days.empty:
        return prose.text("no date", table="events")
    return prose.text(prose.in_year(prose.fmt_dates(days, "or"), YEAR), _ids(rows))


def _ids(*frames: pd.DataFrame) -> list[str]:
    """The ids of rows from the fact tables (events, control reports, figures), in order."""
    out: list[str] = []
    for frame in frames:
        column = next(c for c in ("change_id", "event_id", "figure_id") if c in frame.columns)
        out += list(frame[column])
    return list(dict.fromkeys(out))


def _said(words: str, *frames: pd.DataFrame) -> prose.Value:
    """A phrase the rows give in passing ('19', 'more than 300,000', 'March 2020'), resting on those of ``frames``'
    rows (selected by their fields) that state every figure in it (:func:`hamabook.rows.stated.stating`)."""
    stated = [stating(words, f) for f in _full(*frames) if _states(words, f)]
    if not stated:
        raise ValueError(f"{words!r} is not stated in rows {_ids(*frames)}")
    return prose.text(words, _ids(*stated))


def _full(*frames: pd.DataFrame) -> list[pd.DataFrame]:
    """The fact rows behind ``frames`` (control reports and selections keep their ids, not always their words)."""
    ids = set(_ids(*(f for f in frames if not f.empty)))
    tables = (("events", "event_id"), ("figures", "figure_id"), ("control_changes", "change_id"))
    rows = [load(name)[lambda t, key=key: t[key].isin(ids)] for name, key in tables]
    return [r for r in rows if not r.empty]


def _states(words: str, frame: pd.DataFrame) -> bool:
    try:
        stating(words, frame)
    except ValueError:
        return False
    return True


def _on(frame: pd.DataFrame, day) -> pd.DataFrame:
    return frame[frame["date"] == pd.Timestamp(day)]


def _modal(rows: pd.DataFrame) -> pd.Timestamp:
    """The date most rows give (ties go to the earlier); NaT when there are none."""
    counts = rows["date"].value_counts()
    return min(counts[counts == counts.max()].index) if len(counts) else pd.NaT


def _nonempty(frame: pd.DataFrame, what: str) -> pd.DataFrame:
    if frame.empty:
        raise LookupError(f"no rows for {what}")
    return frame


# --- What the sections read ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tables:
    """The tables, loaded once, and the control reports every section reads."""

    events: pd.DataFrame
    figures: pd.DataFrame
    changes: pd.DataFrame
    places: pd.DataFrame
    sources: pd.DataFrame
    reports: pd.DataFrame  # every control report (changes and capture events), with sides
    kept: pd.DataFrame  # the reports allowed to decide a date (credibility DECIDING_CREDIBILITY or better)

    def ev(self, category=None, place=None, actor=None, on=None, before=None, after=None) -> pd.DataFrame:
        """Events selected by their fields: category (one or several), place, actor, date (on, before, after)."""
        e = self.events
        if category is not None:
            e = e[e["category"].isin([category] if isinstance(category, str) else category)]
        if place is not None:
            e = e[e["place_id"] == place]
        if actor is not None:
            e = e[e["actor_id"] == actor]
        if on is not None:
            e = e[e["date"] == pd.Timestamp(on)]
        if before is not None:
            e = e[e["date"] < pd.Timestamp(before)]
        if after is not None:
            e = e[e["date"] > pd.Timestamp(after)]
        return _nonempty(e, f"{category} at {place} by {actor}")

    def fig(self, metric: str, place=None) -> pd.DataFrame:
        f = self.figures[self.figures["metric"] == metric]
        if place is not None:
            f = f[f["place_id"] == place]
        return _nonempty(f, metric)

    def taken(self, place: str) -> pd.DataFrame:
        """The deciding reports of ``place`` taken from the government (none, when no report says so: its date
        then reads 'no date')."""
        k = self.kept
        return k[(k["place_id"] == place) & (k["taken_by_side"] != "government")]


def tables() -> Tables:
    events, figures, changes, actors = load("events"), load("figures"), load("control_changes"), load("actors")
    reports = with_sides(control_reports(changes, events), actors)
    return Tables(
        events=events,
        figures=figures,
        changes=changes,
        places=load("places"),
        sources=load("sources"),
        reports=reports,
        kept=deciding(reports),
    )


def build() -> Page:
    theme.apply()
    t = tables()
    page = Page.of(
        judged("eleven_days", {"j15_verdict": "J15", "j16_verdict": "J16", "j09_verdict": "J09", "j10_verdict": "J10"}),
        bottom_line(t),
        origins(t),
        idlib(t),
        command(t),
        launch(t),
        aleppo(t),
        north(t),
        hama(t),
        south_and_east(t),
        homs(t),
        damascus(t),
        what_it_means(t),
        campaign_maps.campaign_map(prefix="days"),
        captures(t),
        method(t),
    )
    page.values["days_as_of"] = as_of(t, page)
    page.headline("days_launch", "days_damascus", "days_n")
    return page


# --- The bottom line ------------------------------------------------------------------------------------------


def _launch_rows(t: Tables) -> pd.DataFrame:
    launch = t.ev("offensive_launch")
    return launch[launch["credibility"] <= DECIDING_CREDIBILITY]


def bottom_line(t: Tables) -> Section:
    """The launch, Damascus, and the days between them."""
    launch = _launch_rows(t)
    start = _modal(launch)
    damascus = t.taken("damascus")
    end = _modal(damascus)
    first, last = _on(launch, start), _on(damascus, end)
    return Section(
        values={
            "days_launch": _day(first),
            "days_damascus": _day(last),
            "days_n": prose.count((end - start).days, [*_ids(first), *_ids(last)]),
        }
    )


# --- Who attacked ---------------------------------------------------------------------------------------------


def origins(t: Tables) -> Section:
    """HTS from the Nusra Front: its founding, its pledge to al-Qaeda, its listings, its rebrandings."""
    v: dict[str, prose.Value] = {}
    born = t.ev("hts_origins", before="2013-01-01")
    v["days_nusra_formed"] = _day(born)
    us = t.ev("terror_designation", actor="united-states", before="2013-01-01")
    v["days_us_nusra"] = _day(us)
    isi = t.ev("hts_origins", on="2013-04-09")
    v["days_isi_claim"] = _day(isi)
    pledge = t.ev("hts_origins", on="2013-04-10")
    v["days_pledge"] = _day(pledge)
    jolani = t.ev("terror_designation", on="2013-05-16")
    v["days_jolani_listed"] = _day(jolani)
    v["days_reward"] = _said("up to $10 million", jolani)
    un = t.ev("terror_designation", after="2013-05-29", before="2013-06-01")
    v["days_un_listed"] = _either(un)
    rebrand = t.ev("hts_origins", after="2016-01-01", before="2017-01-01")
    v["days_jfs"] = _day(rebrand)
    alias = t.ev("terror_designation", actor="united-states", after="2016-01-01", before="2017-01-01")
    v["days_us_jfs"] = _day(alias)
    merged = t.ev("hts_origins", after="2017-01-01", before="2018-01-01")
    v["days_hts_formed"] = _day(merged[merged["date_precision"] == "day"])
    v["days_hts_factions"] = _said("five", merged[merged["date_precision"] == "day"])
    listed = t.ev("terror_designation", actor="hts", after="2018-01-01", before="2019-01-01")
    v["days_us_hts"] = _day(listed)
    uk = t.ev("terror_designation", actor="hts", after="2024-01-01")
    v["days_uk_ban"] = _said("in 2017", uk)
    turkey = t.ev("terror_designation", actor="turkey")
    v["days_turkey_hts"] = _day(turkey)
    return Section(values=v)


def idlib(t: Tables) -> Section:
    """The Salvation Government and HTS's rule in Idlib, and what HTS built there."""
    v: dict[str, prose.Value] = {}
    founding = t.ev("context", place="idlib", before="2018-01-01").sort_values("date")
    v["days_salvation_announced"] = _day(founding.iloc[[0]])
    v["days_salvation_formed"] = _day(founding.iloc[[-1]])
    ruled = t.ev("context", place="idlib", actor="hts", after="2018-12-31", before="2020-01-01")
    v["days_salvation_idlib"] = _day(ruled)
    bodies = t.ev("context", place="idlib", actor="hts", after="2024-01-01", before="2024-11-01")
    v["days_idlib_bodies"] = _day(bodies, precision="month")
    protests = t.ev("protest", place="idlib", actor="hts")
    v["days_protests"] = _day(protests, precision="month")
    size = t.fig("opposition_force_size", "idlib")
    hts = size[size["value"] == size["value"].min()]
    v["days_hts_size"] = _said(f"somewhat more than {prose.fmt_number(hts['value'].iloc[0])}", hts)
    v["days_size_year"] = prose.text(f"{hts['as_of'].iloc[0].year}", hts)
    red = t.ev("context", actor="hts-red-bands").sort_values("date")
    v["days_red_bands"] = _day(red.iloc[[0]], precision="month")
    prep = t.ev("offensive_preparation", actor="hts", after="2024-11-27")
    v["days_prep_years"] = _said("nearly four years", prep)
    room = t.ev("command_structure", place="idlib", before="2024-01-01")
    v["days_one_room"] = _said("mid-2020", room)
    return Section(values=v)


def command(t: Tables) -> Section:
    """The joint command, its factions and drones; al-Sharaa's name; the SNA and Turkey."""
    v: dict[str, prose.Value] = {}
    factions = t.ev("command_structure", actor=COMMAND, after="2024-11-28", before="2024-12-08")
    counted = factions[factions["date_precision"] == "approximate"]
    v["days_factions_n"] = _said("more than 20", counted)
    fsa = _on(factions, "2024-11-30")
    v["days_nfl_fsa"] = _said("11 factions", fsa)
    sharaa = t.ev("statement", place="hama", actor="hts")  # his statements as Hama fell
    dated = sharaa[sharaa["date_precision"] == "day"]  # the reports that give the day (CNA gives none)
    v["days_sharaa_day"] = _day(dated)
    v["days_sharaa_month"] = _day(dated, precision="month")
    sna = t.fig("opposition_force_size")
    sna = sna[sna["place_id"].isna() & (sna["unit"] == "people") & (sna["as_of"].dt.year == 2019)]
    v["days_sna_size"] = prose.text(prose.fmt_range(sna["value"].min(), sna["value"].max()), sna)
    v["days_sna_size_when"] = prose.date(sna["as_of"].iloc[0], sna, precision="month")
    told = t.ev("offensive_preparation", actor="turkey")
    v["days_turkey_told"] = _said("about six months", told)
    return Section(values=v)


# --- The campaign, in order ------------------------------------------------------------------------------------


def launch(t: Tables) -> Section:
    """27–29 November: the launch, the first day's gains, the M5 cut, Saraqib."""
    v: dict[str, prose.Value] = {}
    launch_rows = _launch_rows(t)
    start = _modal(launch_rows)
    v["days_launch_time"] = _said("7:50 a.m.", _on(launch_rows, start))
    context = t.ev("offensive_context", on=start)
    v["days_frozen_since"] = _said("March 2020", context)
    first = t.taken("regiment-46")
    v["days_regiment"] = prose.text(t.places.set_index("place_id").loc["regiment-46", "name"], first)
    area = t.fig("military_km2", "aleppo")
    v["days_first_km"] = _said("10 km", area, context)
    cut = t.ev("road_cut", after="2024-11-27", before="2024-11-29")
    v["days_m5_cut"] = _day(cut)
    saraqib = t.taken("saraqib")
    v["days_saraqib"] = _day(_on(saraqib, _modal(saraqib)))
    counts = t.fig("military_towns").sort_values("as_of")
    # The first day's counts of what the rebels took in western Aleppo (the monitor's and a broadcaster's, each
    # counting villages with other positions): a range over every count of that day.
    first_day = counts[counts["as_of"] == start]
    first_range = prose.fmt_range(first_day["value"].min(), first_day["value"].max())
    v["days_first_towns"] = prose.text(f"{first_range} villages, towns and positions", first_day["figure_id"])
    late = counts.iloc[[-1]]
    v["days_towns_late"] = _said(f"more than {prose.fmt_number(late['value'].iloc[0])}", late)
    v["days_towns_late_day"] = prose.text(prose.fmt_day(late["as_of"].iloc[0], YEAR), late)
    return Section(values=v)


def aleppo(t: Tables) -> Section:
    """29 November – 3 December: Aleppo entered, taken, its airport and citadel, the strikes, the Kurdish districts."""
    v: dict[str, prose.Value] = {}
    entered = t.ev("city_entered", place="aleppo", before="2024-11-30")
    v["days_aleppo_entered"] = _day(entered)
    airport = t.taken("aleppo-international-airport")
    v["days_aleppo_airport"] = _day(airport)
    taken = t.taken("aleppo")
    lost = taken[taken["date"] == taken["date"].max()]
    v["days_aleppo_lost"] = _day(lost)
    v["days_aleppo_dates"] = _either(taken)
    first = t.fig("civilians_killed_russian_strikes_day", "aleppo")
    v["days_strike_dead"] = prose.number(first["value"].iloc[0], first)
    v["days_strike_day"] = prose.text(prose.fmt_day(first["as_of"].iloc[0], YEAR), first)
    second = t.fig("deaths_air_strikes_day", "aleppo")
    v["days_strike_dead_next"] = prose.number(second["value"].iloc[0], second)
    v["days_road_cut"] = _day(t.ev("road_cut", place="aleppo"))
    v["days_kurds_leave"] = _day(t.ev("sdf_withdrawal", place="aleppo"))
    v["days_amnesty"] = _day(t.ev("amnesty", place="aleppo"))
    return Section(values=v)


def north(t: Tables) -> Section:
    """The SNA's own operation: Dawn of Freedom, Tel Rifaat, Manbij."""
    v: dict[str, prose.Value] = {}
    sna = t.ev("sna_operation")
    tel = t.taken("tel-rifaat")
    sna = sna[sna["credibility"] <= DECIDING_CREDIBILITY]
    capture = (sna["place_id"] == "tel-rifaat") & (sna["actor_id"] == "sna") & (sna["date"] == tel["date"].min())
    opened = sna[~sna["place_id"].isin(["manbij"]) & (sna["date"] <= tel["date"].min()) & ~capture.fillna(False)]
    v["days_sna_opened"] = _either(opened)
    v["days_tel_rifaat"] = _day(tel)
    separate = _on(sna[sna["actor_id"] == "sna"], tel["date"].min())
    v["days_kurds_displaced"] = _said("more than 300,000", separate[separate["place_id"] == "tel-rifaat"])
    v["days_manbij"] = _either(sna[sna["place_id"] == "manbij"])
    return Section(values=v)


def _stand(t: Tables) -> pd.DataFrame:
    """The army's stand north of Hama: its battle reports (statements, reinforcements, counter-attack) from the day
    after the rebels first reached the city's outskirts to its last counter-offensive report."""
    battle = t.events[(t.events["topic"] == "battle") & (t.events["actor_id"] == GOVERNMENT)]
    reached = t.ev("city_approach", place="hama")["date"].min()
    end = battle.loc[battle["category"] == "counter_offensive", "date"].max()
    fought = battle["category"].isin(("statement", "army_reinforcement", "counter_offensive"))
    return battle[fought & (battle["date"] > reached) & (battle["date"] <= end)]


def hama(t: Tables) -> Section:
    """30 November – 5 December: the turn south, the stand north of Hama, the city's fall (the battle chapter)."""
    v: dict[str, prose.Value] = {}
    south = pd.concat([t.taken("khan-shaykhun"), t.taken("maarat-al-numan")])
    v["days_turn_south"] = _day(_on(south, _modal(south)))
    stand = _stand(t)
    start, end = stand["date"].min(), stand["date"].max()
    v["days_stand"] = prose.text(f"{start.day}–{end.day} {end:%B}", [*_ids(_on(stand, start)), *_ids(_on(stand, end))])
    people = t.fig("population_under_opposition_control")
    v["days_pedersen_day"] = prose.text(prose.fmt_day(people["as_of"].iloc[0], YEAR), people)
    v["days_people_m"] = prose.number(people["value"].iloc[0] / 1e6, people)
    hama_rows = t.taken("hama")
    v["days_hama"] = _day(_on(hama_rows, _modal(hama_rows)))
    memory = t.events[(t.events["topic"] == "hama1982") & (t.events["category"] == "statement")]
    v["days_wound_years"] = _said("40 years", _on(memory[memory["place_id"] == "hama"], _modal(hama_rows)))
    return Section(values=v)


def south_and_east(t: Tables) -> Section:
    """6–7 December: Daraa, As-Suwayda, Quneitra, Deir ez-Zor, Albu Kamal, Palmyra."""
    v: dict[str, prose.Value] = {}
    zero = t.ev("battle_account", place="daraa")
    v["days_sleeper_since"] = _said("since 2018", zero)
    v["days_zero_hour"] = _day(zero)
    share = t.fig("province_share_controlled_percent", "daraa")
    v["days_daraa_share"] = prose.number(share["value"].iloc[0], share)
    daraa = t.taken("daraa")
    v["days_daraa_dates"] = _either(daraa)
    v["days_daraa_deal"] = _day(daraa[daraa["how"] == "negotiated"])
    suwayda_day = t.ev("army_withdrawal", place="suwayda", on="2024-12-06")
    v["days_suwayda_first"] = _day(suwayda_day)
    v["days_suwayda_freed"] = _said("about 550", suwayda_day)
    city = t.taken("suwayda")
    v["days_suwayda_ultimatum"] = _said("24 hours", city)  # whichever report states it, however it dates the day
    city = city[city["date_precision"] == "day"]
    v["days_suwayda"] = _day(city)
    v["days_quneitra"] = _day(t.taken("quneitra"))
    dez = t.taken("deir-ez-zor")
    v["days_dez"] = _day(_on(dez, dez["date"].min()))
    kamal = t.taken("albu-kamal")
    v["days_kamal_taken"] = _day(kamal)
    v["days_kamal_denied"] = _day(t.ev("claim_denied", place="albu-kamal"))
    fled = t.ev("army_flight", place="al-qaim")
    v["days_iraq_flight"] = _day(fled)
    v["days_iraq_soldiers"] = _said("2,000 soldiers", fled)
    v["days_palmyra"] = _day(_on(t.taken("palmyra"), _modal(t.taken("palmyra"))))
    return Section(values=v)


def homs(t: Tables) -> Section:
    """5–8 December: the Rastan bridge, Rastan and Talbiseh, the flight from Homs, the city's fall, Qusayr."""
    v: dict[str, prose.Value] = {}
    v["days_bridge"] = _either(t.ev("airstrike", place="rastan"))
    gate = pd.concat([t.taken("rastan"), t.taken("talbiseh")])
    day = _modal(gate)
    v["days_rastan"] = _day(_on(gate, day))
    earlier = gate[gate["date"] < day]
    v["days_talbiseh_earlier"] = _day(earlier)
    flight = t.ev("displacement", place="homs", on="2024-12-05")
    v["days_exodus"] = _day(flight[flight["topic"] == "battle"])
    left = t.ev("helicopter_evacuation", place="homs")
    v["days_commanders_left"] = _day(left)
    v["days_homs_dates"] = _either(t.taken("homs"))
    freed = t.fig("prisoners_released_2024", "homs")
    v["days_homs_freed"] = _said(f"more than {prose.fmt_number(freed['value'].iloc[0])}", freed)
    v["days_qusayr"] = _day(t.taken("qusayr"))
    return Section(values=v)


def damascus(t: Tables) -> Section:
    """7–8 December: the ring round Damascus, Assad's flight, the army's notice, the prime minister, the prisons."""
    v: dict[str, prose.Value] = {}
    ring = t.ev("encirclement", place="damascus")
    v["days_ring"] = _day(ring)
    v["days_ring_km"] = _said("10 km", t.ev("army_withdrawal", place="damascus", actor=GOVERNMENT))
    last = t.ev("assad_exit", place="damascus", actor=GOVERNMENT)
    v["days_last_contact"] = _day(last)
    plane = t.ev("assad_exit", place="damascus", on=last["date"].min())
    plane = plane[plane["actor_id"].isna()]
    v["days_plane"] = _said("10 p.m.", plane)
    own = t.ev("assad_exit", place="latakia")
    v["days_own_account"] = prose.text(prose.fmt_day(own["as_of"].max(), YEAR), own["event_id"])  # the day reported
    v["days_latakia"] = _day(own)
    moscow = t.ev("assad_exit", after=last["date"].min())
    moscow = moscow[moscow["place_id"].isna()]
    v["days_moscow"] = _day(moscow)
    v["days_barzeh"] = _day(t.ev("city_entered", place="damascus"))
    tv = t.ev("regime_end", place="damascus")
    tv = tv[tv["actor_id"].isna()]
    v["days_statement_one"] = _said("Statement No. 1", tv)
    sednaya = t.taken("sednaya-prison")
    v["days_sednaya"] = _day(sednaya)
    queue = t.ev("families_search", place="sednaya-prison")
    v["days_queue"] = _said("about seven kilometres", queue)
    released = t.fig("prisoners_released_2024")
    released = released[released["place_id"].isna()]
    v["days_released"] = _said(f"about {prose.fmt_number(released['value'].iloc[0])}", released)
    missing = t.fig("forcibly_disappeared_remaining")
    v["days_missing"] = prose.number(missing["value"].iloc[0], missing)
    v["days_snhr_as_of"] = prose.text(prose.fmt_day(missing["as_of"].iloc[0], YEAR), [*_ids(released), *_ids(missing)])
    return Section(values=v)


def what_it_means(t: Tables) -> Section:
    """What followed for HTS: Washington's line, the reward, the defence ministry, the lifted listings."""
    v: dict[str, prose.Value] = {}
    us = t.ev("terror_designation", actor="united-states", after="2024-12-08")
    v["days_us_reviewing"] = _day(us[us["date"] == us["date"].min()])
    v["days_reward_dropped"] = _day(us[us["place_id"] == "damascus"])
    contact = t.ev("ally_statement", actor="united-states", on="2024-12-14")
    v["days_us_contact"] = _day(contact)
    minister = t.ev("command_structure", actor="hts", after="2024-12-08")
    v["days_abu_qasra"] = _day(minister)
    dissolved = t.ev("command_structure", actor="hassan-abdul-ghani")
    v["days_dissolved"] = _day(dissolved)
    revoked = t.ev("terror_designation", actor="united-states", after="2025-01-01")
    v["days_us_revoked"] = _day(revoked, precision="month")
    uk = t.ev("terror_designation", actor="hts", after="2025-01-01", before="2026-01-01")
    v["days_uk_delisted"] = _day(uk, precision="month")
    un = t.ev("terror_designation", actor="hts", after="2026-01-01")
    v["days_un_delisted"] = _day(un, precision="month")
    return Section(values=v)


# --- The evidence ---------------------------------------------------------------------------------------------


def _captures_frame(t: Tables) -> pd.DataFrame:
    """Every control report of the places the story dates: those outside the Hama front and the M5 cities."""
    pl = t.places.set_index("place_id")
    outside = pl.index[(pl["front"] != "hama") | pl.index.isin(M5_CITIES)]
    rows = t.reports[t.reports["place_id"].isin(outside) & t.reports["date"].between(*WINDOW)]
    actors = load("actors").set_index("actor_id")["name"]
    claimed = t.changes.set_index("change_id")["claimed_by"]
    rows = rows.assign(
        name=rows["place_id"].map(pl["name"]),
        taken_by=rows["taken_by"].map(actors).str.replace(r"\s*\([^)]*\)", "", regex=True),
        how=rows["how"].replace({"unknown": "not stated"}),
        claimed_by=rows["change_id"].map(claimed).fillna("not recorded"),
    )
    rows = with_sources(rows, t.sources).sort_values(["date", "name", "change_id"])
    columns = ["date", "date_precision", "name", "taken_by", "how", "claimed_by", "publisher", "reliability"]
    return rows[[*columns, "credibility", "change_id"]]


def captures(t: Tables) -> Section:
    """The evidence table: every report of the cities and towns taken, in date order, folded."""
    frame = readable(_captures_frame(t))
    caption = "Every report of a city, town or base changing hands away from the Hama front, and on the M5"
    labels = {**COLUMN_LABELS, **CAPTURE_LABELS}
    html_text = table_html(frame, caption, labels, fold_after=FOLD_AFTER, noun="reports")
    s = Section()
    s.add("days-captures", block(html_text, table=table_print(frame, caption, labels)))
    return s


def method(t: Tables) -> Section:
    """The method note: how many reports date the places, the improbable ones left out."""
    frame = _captures_frame(t)
    v: dict[str, prose.Value] = {
        "days_reports_n": prose.count(len(frame), frame, noun="report"),
        "days_places_n": prose.count(frame["name"].nunique(), frame),
    }
    launch = t.ev("offensive_launch")
    odd = launch[launch["credibility"] > DECIDING_CREDIBILITY]
    v["days_launch_odd"] = _either(odd)
    return Section(values=v)


def as_of(t: Tables, page: Page) -> prose.Value:
    """The latest publication date of the rows the page's values rest on."""
    rows = {r for value in page.values.values() for r in value.rows}
    dated = pd.concat(
        [
            t.events.set_index("event_id")["as_of"],
            t.figures.set_index("figure_id")["as_of"],
            t.changes.set_index("change_id")["as_of"],
        ]
    )
    dated = dated[dated.index.isin(rows)]
    latest = dated.max()
    return prose.date(latest, list(dated.index[dated == latest]))
