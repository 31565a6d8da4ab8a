"""The argument: why the government fell so fast, and when it lost the ability to stop the advance.

The causes of the speed (``causes.csv``) are weighed one by one, with the rows for and against each. Then competing
hypotheses of the turning point (``hypotheses.csv``, each naming the point's date and place on the axis of the
advance) are laid against evidence rows (``evidence_kinds.csv``: each row with the kind of evidence it is), every
cell rated by one rule (:func:`hamabook.rows.ach.rate`). Following the analysis of competing hypotheses, a
hypothesis is weakened by evidence inconsistent with it, not strengthened by evidence that fits several hypotheses
at once, so the hypotheses are ranked by their count of inconsistent cells.
"""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd

from ..charts import theme
from ..charts.voice import ENGLISH, Voice
from ..data import load
from ..output import prose
from ..output.causes import causes_table
from ..output.figure import figure, table
from ..rows.ach import RATINGS, rated, row_axes
from ..rows.figures import of_metric
from ..rows.grades import at_least
from ..rows.provenance import evidence_index
from ..rows.select import days_between, modal_date, reported_dates
from .page import Page, Section, judged

WEAKEST_STRONG_GRADE = "C"  # the sensitivity test leaves out rows whose source is graded below it (D, E or F)
RATING_COLOURS = ("#c0392b", "#d5d8dc", "#2e86c1")


# Column labels of the table of cells per explanation.
SCORE_LABELS = {
    "label": "Turning point",
    **{rating: rating.capitalize() for rating in RATINGS},
    "inconsistent_strong": "Inconsistent, sources graded A-C only",
}


def matrix(kinds: pd.DataFrame, hypotheses: pd.DataFrame, index: pd.DataFrame) -> pd.DataFrame:
    """One row per cell, rated by the rule, with the hypothesis label and the evidence row's date and originator."""
    missing = sorted(set(kinds["row_id"]) - set(index["row_id"]))
    if missing:
        raise KeyError(f"evidence_kinds.csv cites row(s) not in the data package: {', '.join(missing)}")
    evidence = kinds.merge(index[["row_id", "date", "originator", "reliability"]], on="row_id", validate="one_to_one")
    evidence["axis"] = row_axes(list(evidence["row_id"])).to_numpy()
    cells = rated(evidence, hypotheses).merge(hypotheses[["hypothesis_id", "label"]], on="hypothesis_id")
    cells["evidence"] = cells["row_id"] + " · " + cells["date"].dt.strftime("%-d %b %Y") + " · " + cells["originator"]
    return cells.sort_values(["date", "row_id", "hypothesis_id"]).reset_index(drop=True)


def scores(cells: pd.DataFrame) -> pd.DataFrame:
    """Per hypothesis: cells of each rating; ranked by fewest inconsistent, then most consistent."""
    counts = cells.pivot_table(index=["hypothesis_id", "label"], columns="rating", values="row_id", aggfunc="count")
    counts = counts.reindex(columns=list(RATINGS), fill_value=0).fillna(0).astype(int).reset_index()
    return counts.sort_values(["inconsistent", "consistent"], ascending=[True, False]).reset_index(drop=True)


def matrix_chart(cells: pd.DataFrame, hypothesis_order: list[str], voice: Voice = ENGLISH) -> alt.Chart:
    """The matrix: one column per explanation (``label``, in ``hypothesis_order``), one row per piece of evidence,
    each cell coloured by its rating (in the voice's words)."""
    evidence_order = list(dict.fromkeys(cells["evidence"]))
    chart = (
        alt.Chart(cells)
        .mark_rect(stroke="white", strokeWidth=1)
        .encode(
            x=alt.X(
                "label:N", sort=hypothesis_order, title=None, **voice.along(), **voice.axis(orient="top", labelAngle=0)
            ),
            y=alt.Y("evidence:N", sort=evidence_order, title=None, **voice.axis(rtl_orient="right", labelLimit=320)),
            color=alt.Color(
                "rating:N",
                title=voice.title("The evidence is"),
                scale=alt.Scale(domain=voice.domain(RATINGS), range=list(RATING_COLOURS)),
                **voice.legend(orient="bottom"),
            ),
            tooltip=[voice.tooltip(c, "N") for c in ("label", "evidence", "kind", "rating", "note")],
        )
        .properties(width="container", height=24 * len(evidence_order))
    )
    return voice.finish(chart)


def strong(cells: pd.DataFrame) -> pd.Series:
    """Which cells rest on a source graded :data:`WEAKEST_STRONG_GRADE` or better (the reliability scale's order)."""
    return at_least(cells["reliability"], WEAKEST_STRONG_GRADE)


@dataclass(frozen=True)
class Tables:
    """The hypotheses, the matrix of cells and their ranking (fewest inconsistent first), computed once."""

    hypotheses: pd.DataFrame
    index: pd.DataFrame  # evidence_index()
    cells: pd.DataFrame  # matrix()
    ranked: pd.DataFrame  # scores() of every cell, with the count of inconsistent strong cells beside
    strong: pd.DataFrame  # scores() of the strong cells only

    @property
    def evidence_ids(self) -> list[str]:
        return list(dict.fromkeys(self.cells["row_id"]))


def tables() -> Tables:
    hypotheses, index = load("hypotheses"), evidence_index()
    cells = matrix(load("evidence_kinds"), hypotheses, index)
    ranked = scores(cells)
    strong_scores = scores(cells[strong(cells)])
    ranked = ranked.merge(
        strong_scores[["hypothesis_id", "inconsistent"]].rename(columns={"inconsistent": "inconsistent_strong"}),
        on="hypothesis_id",
        how="left",
    ).fillna({"inconsistent_strong": 0})
    ranked["inconsistent_strong"] = ranked["inconsistent_strong"].astype(int)
    return Tables(hypotheses, index, cells, ranked, strong_scores)


def build() -> Page:
    theme.apply()
    t = tables()
    page = Page.of(
        why_so_fast(load("causes")),
        moments(load("events"), load("figures")),
        ranking(t),
        judged("argument", {"j16_verdict": "J16", "j09_verdict": "J09"}),
        matrix_section(t),
        sensitivity(t),
    )
    return page


def why_so_fast(causes: pd.DataFrame) -> Section:
    """The causes of the speed of the collapse, weighed: the decisive one named, every one in a folded table."""
    decisive = causes[causes["weight"] == "decisive"]
    rows = tuple(i for ids in decisive["for_rows"] for i in ids.split())
    s = Section(
        values={
            "arg_n_causes": prose.count(len(causes), table="causes", noun="cause"),
            "arg_decisive": prose.text(prose.join_words(decisive["cause"].str.split(":").str[0].str.lower()), rows),
        }
    )
    s.add("causes", causes_table(causes))
    return s


def ranking(t: Tables) -> Section:
    """Which explanation survives: the one meeting the fewest inconsistent evidence rows, and the runner-up."""
    best, second = t.ranked.iloc[0], t.ranked.iloc[1]
    evidence_ids, cells = t.evidence_ids, t.cells
    inconsistent_with = {
        h: tuple(cells.loc[(cells["hypothesis_id"] == h) & (cells["rating"] == "inconsistent"), "row_id"])
        for h in t.ranked["hypothesis_id"]
    }
    against_best = inconsistent_with[best["hypothesis_id"]] or evidence_ids
    against_second = inconsistent_with[second["hypothesis_id"]]
    events = load("events")
    launch, end = modal_date(events, "offensive_launch"), modal_date(events, "regime_end")
    spell = [*reported_dates(events, "offensive_launch")["event_id"], *reported_dates(events, "regime_end")["event_id"]]
    index = t.index
    return Section(
        values={
            "arg_n_hypotheses": prose.count(len(t.hypotheses), table="hypotheses", noun="explanation"),
            "arg_n_evidence": prose.count(len(evidence_ids), evidence_ids, noun="report"),
            "arg_survivor": prose.text(best["label"], against_best),
            "arg_survivor_inconsistent": prose.count(int(best["inconsistent"]), against_best),
            "arg_runner_up": prose.text(second["label"], against_second),
            "arg_runner_up_inconsistent": prose.count(int(second["inconsistent"]), against_second),
            "arg_days": prose.count(days_between(launch, end), spell, noun="day"),
            "arg_as_of": prose.date(index.loc[index["row_id"].isin(evidence_ids), "date"].max(), evidence_ids),
        }
    )


def matrix_section(t: Tables) -> Section:
    """The explanations weighed, the matrix of cells (a grid) and the count of each kind per explanation."""
    hypotheses, ranked, cells, evidence_ids = t.hypotheses, t.ranked, t.cells, t.evidence_ids
    best, second = ranked.iloc[0], ranked.iloc[1]
    s = Section()
    s.add(
        "hypotheses",
        table(
            hypotheses[["hypothesis_id", "label", "statement", "point_date"]],
            "The explanations weighed",
            {
                "hypothesis_id": "Id",
                "label": "Turning point",
                "statement": "The explanation",
                "point_date": "Point passed on",
            },
            noun="explanations",
        ),
    )
    order = list(ranked["label"])
    drawn = cells[["hypothesis_id", "label", "row_id", "evidence", "kind", "rating", "note"]]
    s.add(
        "ach-matrix",
        figure(
            "argument-ach-matrix",
            matrix_chart(drawn, order),
            drawn,
            caption=(
                f"Of the {prose.count_word(len(hypotheses))} explanations, {best['label']} meets the fewest "
                f"evidence rows inconsistent with it ({prose.count_word(int(best['inconsistent']))} of "
                f"{prose.count_word(len(evidence_ids))}); the next best, {second['label']}, meets "
                f"{prose.count_word(int(second['inconsistent']))}."
            ),
            alt_text=(
                f"A grid with one column per explanation ({prose.join_words(order)}) and one row per piece of "
                "evidence, oldest first; each cell is coloured red where the evidence is inconsistent with the "
                "explanation, blue where it is consistent and grey where it is neutral."
            ),
            sources=list(dict.fromkeys(t.index.set_index("row_id").loc[evidence_ids, "source_id"])),
        ),
    )
    s.add(
        "scores",
        table(
            ranked[["label", *RATINGS, "inconsistent_strong"]],
            "Cells of each kind per explanation, fewest inconsistent first",
            SCORE_LABELS,
            noun="explanations",
        ),
    )
    return s


def sensitivity(t: Tables) -> Section:
    """The sensitivity test: does the same explanation survive on the strong sources alone?"""
    best = t.ranked.iloc[0]
    robust = t.strong.iloc[0]["hypothesis_id"] == best["hypothesis_id"]
    strong_ids = tuple(t.cells.loc[strong(t.cells), "row_id"].unique())
    survivor = (
        f"{best['label']} still meets the fewest" if robust else f"{t.strong.iloc[0]['label']} meets the fewest instead"
    )
    return Section(
        values={
            "arg_n_strong": prose.count(len(strong_ids), strong_ids, noun="report"),
            "arg_sensitivity": prose.text(survivor, strong_ids),
        }
    )


def _fell(events: pd.DataFrame, place: str) -> prose.Value:
    """When a city fell: the span of the dates its capture is reported on (one date when all agree), citing every
    report."""
    rows = reported_dates(events, "city_captured", place)
    return prose.date_range(rows["date"].min(), rows["date"].max(), rows["event_id"])


def moments(events: pd.DataFrame, figures: pd.DataFrame) -> Section:
    """The candidate turning points told as the war: Aleppo given up, the stand north of Hama and how far its
    counter-attack pushed the rebels back by each account, Hama's fall, the south rising the next day, Homs."""
    push = of_metric(figures, "counter_attack_depth_km")
    by_sohr = push["estimated_by"].fillna("").str.contains("SOHR")
    sohr, state = push[by_sohr], push[~by_sohr & push["estimated_by"].fillna("").str.contains("TV|SANA")]
    near = of_metric(figures, "front_distance_km_to_hama")
    ring = near[near["low"].notna() & near["as_of"].isin(push["as_of"])]
    south = events[(events["category"] == "battle_account") & (events["actor_id"] == "southern-operations-room")]
    if south.empty:
        raise LookupError("no account of the southern rising")
    hama = reported_dates(events, "city_captured", "hama")
    hama_day = modal_date(events, "city_captured", "hama")
    return Section(
        values={
            "arg_aleppo_fell": _fell(events, "aleppo"),
            "arg_hama_fell": prose.date(hama_day, hama.loc[hama["date"] == hama_day, "event_id"]),
            "arg_homs_fell": _fell(events, "homs"),
            # Who claimed what: SOHR's figures (10 and 15 km) apart from the state media's (20 km).
            "arg_pushback_low": prose.number(sohr["value"].min(), sohr["figure_id"]),
            "arg_pushback_high": prose.number(sohr["value"].max(), sohr["figure_id"]),
            "arg_pushback_state": prose.number(state["value"].max(), state["figure_id"]),
            "arg_pushback_date": prose.date(push["as_of"].max(), push["figure_id"]),
            # SOHR's distance of the front from Hama on the same day, which its push-back figures cannot match.
            "arg_ring_low": prose.number(ring["low"].min(), ring["figure_id"]),
            "arg_ring_high": prose.number(ring["high"].max(), ring["figure_id"]),
            "arg_south_rose": prose.date(south["date"].min(), south["event_id"]),
        }
    )
