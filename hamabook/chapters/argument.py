"""The argument: when did the government lose the ability to stop the advance?

Competing hypotheses (``hypotheses.csv``) are laid against evidence rows (``ach.csv``: one cell per hypothesis
and row, rated consistent, inconsistent or neutral, each with its reason). Following the analysis of competing
hypotheses, a hypothesis is weakened by evidence inconsistent with it, not strengthened by evidence that fits
several hypotheses at once, so the hypotheses are ranked by their count of inconsistent cells.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..charts import theme
from ..data import load
from ..output import prose
from ..output.figure import figure, table
from ..output.judgments import judgment_boxes, verdict_values
from ..rows.provenance import evidence_index
from ..rows.select import days_between, modal_date, reported_dates
from .page import Page

RATINGS = ("inconsistent", "neutral", "consistent")
STRONG_GRADES = ("A", "B", "C")  # the sensitivity test leaves out rows whose source is graded D, E or F
RATING_COLOURS = ("#c0392b", "#d5d8dc", "#2e86c1")


def matrix(ach: pd.DataFrame, hypotheses: pd.DataFrame, index: pd.DataFrame) -> pd.DataFrame:
    """One row per cell, with the hypothesis label and the evidence row's date and a short label."""
    missing = sorted(set(ach["row_id"]) - set(index["row_id"]))
    if missing:
        raise KeyError(f"ach.csv cites row(s) not in the data package: {', '.join(missing)}")
    cells = ach.merge(hypotheses[["hypothesis_id", "label"]], on="hypothesis_id", validate="many_to_one")
    cells = cells.merge(index[["row_id", "date", "originator", "reliability"]], on="row_id", validate="many_to_one")
    cells["evidence"] = cells["row_id"] + " · " + cells["date"].dt.strftime("%-d %b %Y") + " · " + cells["originator"]
    return cells.sort_values(["date", "row_id", "hypothesis_id"]).reset_index(drop=True)


def scores(cells: pd.DataFrame) -> pd.DataFrame:
    """Per hypothesis: cells of each rating; ranked by fewest inconsistent, then most consistent."""
    counts = cells.pivot_table(index=["hypothesis_id", "label"], columns="rating", values="row_id", aggfunc="count")
    counts = counts.reindex(columns=list(RATINGS), fill_value=0).fillna(0).astype(int).reset_index()
    return counts.sort_values(["inconsistent", "consistent"], ascending=[True, False]).reset_index(drop=True)


def matrix_chart(cells: pd.DataFrame, hypothesis_order: list[str]) -> alt.Chart:
    evidence_order = list(dict.fromkeys(cells["evidence"]))
    return (
        alt.Chart(cells)
        .mark_rect(stroke="white", strokeWidth=1)
        .encode(
            x=alt.X("label:N", sort=hypothesis_order, title=None, axis=alt.Axis(orient="top", labelAngle=0)),
            y=alt.Y("evidence:N", sort=evidence_order, title=None, axis=alt.Axis(labelLimit=320)),
            color=alt.Color(
                "rating:N",
                title="The evidence is",
                scale=alt.Scale(domain=list(RATINGS), range=list(RATING_COLOURS)),
                legend=alt.Legend(orient="bottom"),
            ),
            tooltip=["label:N", "evidence:N", "rating:N", "note:N"],
        )
        .properties(width="container", height=24 * len(evidence_order))
    )


def build() -> Page:
    theme.apply()
    hypotheses, ach = load("hypotheses"), load("ach")
    judgments, scale = load("judgments"), load("likelihood_scale")
    index = evidence_index()
    cells = matrix(ach, hypotheses, index)
    ranked = scores(cells)
    strong = scores(cells[cells["reliability"].isin(STRONG_GRADES)])
    ranked = ranked.merge(
        strong[["hypothesis_id", "inconsistent"]].rename(columns={"inconsistent": "inconsistent_strong"}),
        on="hypothesis_id",
        how="left",
    ).fillna({"inconsistent_strong": 0})
    ranked["inconsistent_strong"] = ranked["inconsistent_strong"].astype(int)
    best, second = ranked.iloc[0], ranked.iloc[1]
    evidence_ids = list(dict.fromkeys(cells["row_id"]))
    inconsistent_with = {
        h: tuple(cells.loc[(cells["hypothesis_id"] == h) & (cells["rating"] == "inconsistent"), "row_id"])
        for h in ranked["hypothesis_id"]
    }

    page = Page()
    v = page.values
    v["arg_n_hypotheses"] = prose.count(len(hypotheses), table="hypotheses", noun="explanation")
    v["arg_n_evidence"] = prose.count(len(evidence_ids), evidence_ids, noun="evidence row")
    v["arg_survivor"] = prose.text(best["label"], inconsistent_with[best["hypothesis_id"]] or evidence_ids)
    v["arg_survivor_inconsistent"] = prose.count(
        int(best["inconsistent"]), inconsistent_with[best["hypothesis_id"]] or evidence_ids
    )
    v["arg_runner_up"] = prose.text(second["label"], inconsistent_with[second["hypothesis_id"]])
    v["arg_runner_up_inconsistent"] = prose.count(
        int(second["inconsistent"]), inconsistent_with[second["hypothesis_id"]]
    )
    events = load("events")
    launch, end = modal_date(events, "offensive_launch"), modal_date(events, "regime_end")
    spell = [*reported_dates(events, "offensive_launch")["event_id"], *reported_dates(events, "regime_end")["event_id"]]
    v["arg_days"] = prose.count(days_between(launch, end), spell, noun="day")
    v["arg_as_of"] = prose.date(index.loc[index["row_id"].isin(evidence_ids), "date"].max(), evidence_ids)
    v.update(verdict_values(judgments, scale, ["J09"]))

    page.add(
        "hypotheses",
        table(
            hypotheses[["hypothesis_id", "label", "statement"]],
            "The explanations weighed",
            {"hypothesis_id": "Id", "label": "Turning point", "statement": "The explanation"},
            noun="explanations",
        ),
    )
    order = list(ranked["label"])
    drawn = cells[["hypothesis_id", "label", "row_id", "evidence", "rating", "note"]]
    sources = list(dict.fromkeys(index.set_index("row_id").loc[evidence_ids, "source_id"]))
    page.add(
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
            sources=sources,
        ),
    )
    page.add(
        "scores",
        table(
            ranked[["label", *RATINGS, "inconsistent_strong"]],
            "Cells of each kind per explanation, fewest inconsistent first",
            {
                "label": "Turning point",
                "inconsistent": "Inconsistent",
                "neutral": "Neutral",
                "consistent": "Consistent",
                "inconsistent_strong": "Inconsistent, sources graded A-C only",
            },
            noun="explanations",
        ),
    )
    robust = strong.iloc[0]["hypothesis_id"] == best["hypothesis_id"]
    strong_ids = tuple(cells.loc[cells["reliability"].isin(STRONG_GRADES), "row_id"].unique())
    v["arg_n_strong"] = prose.count(len(strong_ids), strong_ids, noun="row")
    v["arg_sensitivity"] = prose.text(
        f"{best['label']} still meets the fewest" if robust else f"{strong.iloc[0]['label']} meets the fewest instead",
        strong_ids,
    )
    for jid, box in judgment_boxes(judgments, scale, "argument").items():
        page.add(jid, box)
    page.headline("arg_n_evidence", "arg_survivor_inconsistent", "arg_runner_up", "arg_runner_up_inconsistent")
    return page
