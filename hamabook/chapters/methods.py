"""The methods page: grading rules, the likelihood scale, and how the book's fact rows are spread over source
grades (computed from the package, so the page cannot drift from the data)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..charts import theme
from ..data import load
from ..output import prose
from ..output.figure import figure, table
from ..output.judgments import likelihood_band
from ..rows.provenance import evidence_index
from .page import Page

GRADES = list("ABCDEF")


def rows_by_grade(index: pd.DataFrame) -> pd.DataFrame:
    """Fact rows per source grade (every grade A-F listed, zero when unused) with each grade's share in %."""
    counts = index["reliability"].value_counts().reindex(GRADES, fill_value=0)
    frame = counts.rename_axis("grade").reset_index(name="rows")
    frame["share"] = (100 * frame["rows"] / frame["rows"].sum()).round(1)
    return frame


def contested_metrics(figures: pd.DataFrame) -> tuple[int, int]:
    """(quantities measured, quantities that different sources report with different values)."""
    spread = figures.groupby(["metric", "unit"]).agg(
        sources=("source_id", "nunique"), low=("value", "min"), high=("value", "max")
    )
    contested = spread[(spread["sources"] > 1) & (spread["low"] != spread["high"])]
    return len(spread), len(contested)


def relayed_share(sources: pd.DataFrame) -> float:
    """Share (0-1) of sources that carry another organisation's report (originator is not the publisher)."""
    return float((sources["originator"] != sources["publisher"]).mean())


def build() -> Page:
    theme.apply()
    reliability, credibility, likelihood = (
        load(t) for t in ("reliability_scale", "credibility_scale", "likelihood_scale")
    )
    sources, figures = load("sources"), load("figures")
    index = evidence_index()
    page = Page()
    v = page.values
    v["meth_credibility_low"] = prose.number(credibility["score"].min(), table="credibility_scale")
    v["meth_credibility_high"] = prose.number(credibility["score"].max(), table="credibility_scale")
    page.add(
        "methods-reliability",
        table(
            reliability,
            caption="Source reliability grades as applied in this book",
            labels={"grade": "Grade", "label": "Admiralty label", "applied_to": "Applied to"},
            noun="grades",
        ),
    )
    page.add(
        "methods-credibility",
        table(
            credibility,
            caption="Information credibility scores as applied in this book",
            labels={"score": "Score", "label": "Admiralty label", "applied_when": "Given when"},
            noun="scores",
        ),
    )
    scale = likelihood.assign(band=[likelihood_band(likelihood, t) for t in likelihood["term"]])
    page.add(
        "methods-likelihood",
        table(
            scale[["term", "band"]],
            caption="Likelihood words and the probability each stands for (ICD 203)",
            labels={"term": "Word", "band": "Probability"},
            noun="words",
        ),
    )
    v["meth_n_terms"] = prose.count(len(likelihood), table="likelihood_scale", noun="word")

    graded = rows_by_grade(index)
    total = int(graded["rows"].sum())
    ab = graded[graded["grade"].isin(["A", "B"])]
    weak = graded[graded["grade"].isin(["D", "E", "F"])]
    v["meth_fact_rows"] = prose.number(total, table="events, figures, control_changes, forecasts, outcomes")
    v["meth_share_ab"] = prose.number(round(100 * ab["rows"].sum() / total), table="sources")
    v["meth_share_weak_rows"] = prose.number(round(100 * weak["rows"].sum() / total), table="sources")
    top = graded.sort_values(["rows", "grade"], ascending=[False, True]).iloc[0]
    chart = (
        alt.Chart(graded)
        .mark_bar()
        .encode(
            x=alt.X("grade:N", title="Reliability grade of the source", sort=GRADES),
            y=alt.Y("rows:Q", title="Fact rows citing a source of this grade"),
            tooltip=["grade", "rows", alt.Tooltip("share:Q", title="Share (%)")],
        )
        .properties(width="container", height=220)
    )
    page.add(
        "methods-grades",
        figure(
            "methods-grades",
            chart,
            graded,
            caption=(
                f"Of the book's {total:,} fact rows, {round(100 * ab['rows'].sum() / total)} % rest on sources graded "
                f"A or B and {round(100 * weak['rows'].sum() / total)} % on sources graded D to F; "
                f"grade {top['grade']} is the most cited ({top['rows']:,} rows)."
            ),
            alt_text=(
                "Bar chart of the number of fact rows (events, figures, control changes, forecasts and outcomes) by "
                "the reliability grade of the source they cite, grades A to F: "
                + ", ".join(f"{g} {n:,}" for g, n in zip(graded["grade"], graded["rows"]))
                + "."
            ),
            sources=[],
            own_data="data/sources.csv and the fact tables",
        ),
    )
    n_metrics, n_contested = contested_metrics(figures)
    v["meth_n_metrics"] = prose.count(n_metrics, table="figures")
    v["meth_n_contested"] = prose.count(n_contested, table="figures")
    v["meth_share_weak_sources"] = prose.number(
        round(100 * sources["reliability"].isin(["D", "E", "F"]).mean()), table="sources"
    )
    v["meth_share_relayed"] = prose.number(round(100 * relayed_share(sources)), table="sources")
    v["meth_accessed"] = prose.date(sources["accessed"].max(), table="sources")
    return page
