"""What the fall of Assad has meant so far, question by question, and what we judge comes next.

One section per question a reader who must act would ask (terrorist designations, the old army's arsenal,
sanctions, refugee returns, Russia's bases, Israel and Syria, the SDF, Iran's network to Hezbollah). Each states
the dated developments from ``data/outcomes.csv`` (selected by ``question`` and ``status``, never by the summary
text), numbers from ``data/figures.csv`` where a metric measures them, the judgment box of ``data/judgments.csv``
(chapter ``implications``) and what to watch: the judgment's own ``indicators``, so the page and the box cannot
disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from ..data import load
from ..output import prose
from ..rows.figures import latest, of_metric
from ..rows.select import with_sources
from .aftermath import outcome_rows, status_date
from .page import Page, Section, judged

CHAPTER = "implications"

# Per section, the developments its prose dates: glue key -> (question, status as the outcome rows code it,
# first or last such report).
DESIGNATIONS = {
    "im_fto_date": ("hts_designation", "US FTO designation of HTS revoked", "first"),
    "im_uk_date": ("hts_designation", "UK deproscribes HTS", "first"),
    "im_un_date": ("hts_designation", "UN delists al-Sharaa and Khattab", "first"),
    "im_sdgt_date": ("hts_designation", "US delists al-Sharaa (SDGT)", "first"),
}
ARSENAL = {
    "im_arsenal_claim_date": ("arsenal", "old army's arsenal largely destroyed (Israeli claim)", "first"),
    "im_opcw_sites_date": ("arsenal", "OPCW estimates 100+ chemical weapons sites", "first"),
    "im_opcw_mission_date": ("arsenal", "Syria's OPCW mission reinstated", "first"),
}
SANCTIONS = {
    "im_eu_lift_date": ("sanctions", "EU decides to lift", "first"),
    "im_eu_acts_date": ("sanctions", "EU legal acts adopted", "first"),
    "im_us_ended_date": ("sanctions", "US sanctions programme ended", "first"),
    "im_caesar_date": ("sanctions", "Caesar Act repealed", "first"),
}
RETURNS = {
    "im_returns_year_date": ("returns", "returns (UNHCR)", "last"),
    "im_returns_outlook_date": ("returns", "returns (UNHCR) and 2026 forecast", "first"),
}
RUSSIA = {
    "im_tartus_port_date": ("russia_bases", "Tartus port contract cancelled", "first"),
    "im_kremlin_talks_date": ("russia_bases", "bases under negotiation", "last"),  # the talks, not the build-up
    "im_qamishli_date": ("russia_bases", "Russia leaves Qamishli; keeps Hmeimim and Tartus", "first"),
    "im_moscow_talks_date": ("russia_bases", "bases discussed; no agreement announced", "first"),
}
ISRAEL = {
    "im_katz_stay_date": ("israel_south", "Israel to stay indefinitely", "first"),
    "im_damascus_strike_date": ("israel_south", "Israel strikes Damascus", "first"),
    "im_katz_again_date": ("israel_south", "Israel to stay on Hermon and in security zone", "first"),
    "im_paris_date": ("israel_south", "US-supervised Israel-Syria coordination mechanism", "first"),
    "im_incursions_date": ("israel_south", "incursions continue after Paris mechanism", "first"),
}
SDF = {
    "im_sdf_march_date": ("sdf", "SDF agreement signed", "first"),
    "im_sdf_pullback_date": ("sdf", "SDF pull-back and handover deal", "first"),
    "im_sdf_integration_date": ("sdf", "comprehensive integration agreement", "first"),
    "im_sdf_delay_date": ("sdf", "integration agreed; possible delay", "first"),
}
IRAN = {
    "im_seizure_date": ("iran_network", "smuggling to Lebanon interdicted; some routes open", "first"),
}

# The verdicts the bottom line cites, and what to watch under each section: glue key -> judgment.
VERDICTS = {
    "j50_verdict": "J50",
    "j51_verdict": "J51",
    "j52_verdict": "J52",
    "j53_verdict": "J53",
    "j54_verdict": "J54",
    "j55_verdict": "J55",
    "j56_verdict": "J56",
    "j57_verdict": "J57",
}
WATCH = {
    "im_hts_watch": "J50",
    "im_arsenal_watch": "J51",
    "im_sanctions_watch": "J52",
    "im_returns_watch": "J53",
    "im_russia_watch": "J54",
    "im_israel_watch": "J55",
    "im_sdf_watch": "J56",
    "im_iran_watch": "J57",
}


@dataclass(frozen=True)
class Tables:
    """What the sections read, loaded once: outcome rows by question and date, figures, events, judgments."""

    outcomes: pd.DataFrame
    figures: pd.DataFrame
    events: pd.DataFrame
    judgments: pd.DataFrame


def dated(rows: pd.DataFrame, facts: dict[str, tuple[str, str, str]]) -> dict[str, prose.Value]:
    """The date of each development in ``facts``, citing every report of its status."""
    return {key: status_date(rows, question, status, which) for key, (question, status, which) in facts.items()}


def watch(judgments: pd.DataFrame, keys: dict[str, str]) -> dict[str, prose.Value]:
    """What to watch under each judgment: its indicators as the row states them, without the final stop."""
    by_id = judgments.set_index("judgment_id")
    missing = sorted(set(keys.values()) - set(by_id.index))
    if missing:
        raise LookupError(f"no judgment {', '.join(missing)}")
    return {key: prose.text(by_id.at[jid, "indicators"].rstrip(". "), table="judgments") for key, jid in keys.items()}


AFTER = "aftermath"  # the topic of the event and figure rows on what followed the fall


def after_events(events: pd.DataFrame, actor: str, category: str) -> pd.DataFrame:
    """The event rows on what followed the fall by one actor and of one category, oldest first; an error if none."""
    rows = events[(events["actor_id"] == actor) & (events["category"] == category) & (events["topic"] == AFTER)]
    if rows.empty:
        raise LookupError(f"no {category} event by {actor} after the fall")
    return rows.sort_values(["date", "event_id"])


def event_date(rows: pd.DataFrame, which: str = "first") -> prose.Value:
    """The date of the first (or last) of ``rows``, at its own precision, citing it."""
    row = rows.iloc[0] if which == "first" else rows.iloc[-1]
    return prose.date(row["date"], [row["event_id"]], precision=row["date_precision"])


def designations(t: Tables) -> Section:
    """HTS and al-Sharaa taken off the US, UK and UN terrorist lists, and HTS itself off the UN committee's."""
    hts = after_events(t.events, "hts", "terror_designation")
    us = after_events(t.events, "united-states", "terror_designation")
    return Section(
        values={
            **dated(t.outcomes, DESIGNATIONS),
            "im_fto_memo_date": event_date(us, "last"),  # the memo that revoked the designation
            "im_un_hts_date": event_date(hts, "last"),
        }
    )


def arsenal(t: Tables) -> Section:
    """The old army's weapons: Israel's strikes, the OPCW's suspected sites, Syria back at the OPCW."""
    return Section(values=dated(t.outcomes, ARSENAL))


def sanctions(t: Tables) -> Section:
    """European and American sanctions lifted, the Caesar Act repealed."""
    return Section(values=dated(t.outcomes, SANCTIONS))


# The number of refugees back from abroad as an outcome report words it ("over 1.2 million from abroad").
REFUGEES_STATED = re.compile(r"\b(over|more than|about) (\d+(?:\.\d+)?) million (?:refugees|from abroad)")


def stated_refugees(summary: str) -> str:
    """The count of refugees back from abroad in an outcome report's own words: 'over 1.2 million'."""
    found = REFUGEES_STATED.search(summary)
    if found is None:
        raise LookupError(f"no count of refugees back from abroad in {summary!r}")
    return f"{found[1]} {found[2]} million"


def returns(t: Tables) -> Section:
    """Refugees and displaced people back home: UNHCR's counts from the figures, then its latest, which only
    the outcome reports give (in words), and its outlook."""
    refugees = latest(t.figures, "refugee_returns_since_2024_12_08")
    idps = latest(t.figures, "idp_returns_since_2024_12_08")
    said = t.outcomes[(t.outcomes["question"] == "returns") & t.outcomes["status"].str.startswith("returns (UNHCR)")]
    last = said.sort_values(["date", "outcome_id"]).iloc[-1]
    return Section(
        values={
            **dated(t.outcomes, RETURNS),
            "im_refugees_back": prose.number(refugees["value"], refugees),
            "im_refugees_back_date": prose.date(refugees["as_of"], refugees, precision=refugees["as_of_precision"]),
            "im_idps_back": prose.number(idps["value"], idps),
            "im_refugees_latest": prose.text(stated_refugees(last["summary"]), [last["outcome_id"]]),
            "im_refugees_anniversary": prose.text(
                stated_refugees(said.sort_values(["date", "outcome_id"]).iloc[-2]["summary"]),
                [said.sort_values(["date", "outcome_id"]).iloc[-2]["outcome_id"]],
            ),
        }
    )


def russia(t: Tables) -> Section:
    """Russia's coastal bases: the 2017 lease, the cancelled port contract, the talks, the exit from Qamishli."""
    lease = of_metric(t.figures, "russia_base_lease_years")
    if lease["value"].nunique() != 1:
        raise ValueError("the reports of the Russian lease disagree on its term")
    return Section(
        values={
            **dated(t.outcomes, RUSSIA),
            "im_lease_years": prose.number(lease["value"].iloc[0], lease["figure_id"]),
        }
    )


def israel(t: Tables) -> Section:
    """Israel in southern Syria: its strikes after the fall, the Hermon summit kept, the Paris mechanism."""
    strikes = latest(t.figures, "israeli_strikes_since_2024_12_08")
    held = of_metric(t.figures, "military_km")
    beyond = latest(held[(held["place_id"] == "quneitra") & (held["topic"] == AFTER)], "military_km")
    return Section(
        values={
            **dated(t.outcomes, ISRAEL),
            "im_israeli_strikes": prose.number(strikes["value"], strikes),
            "im_israeli_strikes_date": prose.date(strikes["as_of"], strikes, precision=strikes["as_of_precision"]),
            "im_beyond_km": prose.number(beyond["value"], beyond),
            "im_beyond_date": prose.date(beyond["as_of"], beyond, precision=beyond["as_of_precision"]),
        }
    )


def sdf(t: Tables) -> Section:
    """Turkey's allies take Manbij from the SDF; the SDF's agreements with Damascus."""
    manbij = t.events[(t.events["place_id"] == "manbij") & (t.events["category"] == "sna_operation")]
    if manbij.empty:
        raise LookupError("no Syrian National Army operation at Manbij in the events")
    return Section(
        values={
            **dated(t.outcomes, SDF),
            "im_manbij_dates": prose.date_range(manbij["date"].min(), manbij["date"].max(), manbij["event_id"]),
        }
    )


def iran(t: Tables) -> Section:
    """Iran withdraws its advisers; Hezbollah's leader admits the route through Syria is lost; Syria seizes arms
    bound for Lebanon."""
    said = t.events[
        (t.events["actor_id"] == "hezbollah")
        & (t.events["category"] == "ally_statement")
        & (t.events["topic"] == "aftermath")
    ]
    if said.empty:
        raise LookupError("no Hezbollah statement after the fall")
    first = said["date"].min()
    return Section(
        values={
            **dated(t.outcomes, IRAN),
            "im_route_lost_date": prose.date(first, said.loc[said["date"] == first, "event_id"]),
            "im_advisers_date": event_date(after_events(t.events, "iran", "ally_withdrawal")),
            "im_putin_date": event_date(after_events(t.events, "russia", "ally_statement")),
        }
    )


def overview(t: Tables) -> Section:
    """How far the record runs and how many implications are judged."""
    last = t.outcomes["date"].max()
    judged_here = t.judgments[t.judgments["chapter"] == CHAPTER]
    return Section(
        values={
            "im_as_of": prose.date(last, t.outcomes.loc[t.outcomes["date"] == last, "outcome_id"]),
            "im_n_judged": prose.count(len(judged_here), table="judgments"),
            **watch(t.judgments, WATCH),
        }
    )


def build() -> Page:
    t = Tables(
        outcome_rows(load("outcomes"), load("sources")),
        with_sources(load("figures"), load("sources")),
        load("events"),
        load("judgments"),
    )
    page = Page.of(
        overview(t),
        designations(t),
        arsenal(t),
        sanctions(t),
        returns(t),
        russia(t),
        israel(t),
        sdf(t),
        iran(t),
        judged(CHAPTER, VERDICTS),
    )
    page.headline("im_caesar_date", "im_sdf_integration_date", "im_qamishli_date", "im_refugees_latest")
    return page
