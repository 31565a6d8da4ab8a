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
from ..rows.grades import NOT_USUALLY_RELIABLE, USUALLY_RELIABLE, at_least, at_most, grade_rank
from ..rows.provenance import evidence_index
from .page import Page, Section


def rows_by_grade(index: pd.DataFrame) -> pd.DataFrame:
    """Fact rows per source grade (every grade of the reliability scale listed, in its order, zero when unused)
    with each grade's share in %."""
    counts = index["reliability"].value_counts().reindex(list(grade_rank()), fill_value=0)
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
    sources = load("sources")
    return Page.of(scales(), fact_rows_by_grade(evidence_index()), sourcing(load("figures"), sources))


def scales() -> Section:
    """The grading scales and the likelihood words, as tables."""
    reliability, credibility, likelihood = (
        load(t) for t in ("reliability_scale", "credibility_scale", "likelihood_scale")
    )
    s = Section()
    s.values["meth_credibility_low"] = prose.number(credibility["score"].min(), table="credibility_scale")
    s.values["meth_credibility_high"] = prose.number(credibility["score"].max(), table="credibility_scale")
    s.add(
        "methods-reliability",
        table(
            reliability,
            caption="Source reliability grades as applied in this book",
            labels={"grade": "Grade", "label": "Admiralty label", "applied_to": "Applied to"},
            noun="grades",
        ),
    )
    s.add(
        "methods-credibility",
        table(
            credibility,
            caption="Information credibility scores as applied in this book",
            labels={"score": "Score", "label": "Admiralty label", "applied_when": "Given when"},
            noun="scores",
        ),
    )
    scale = likelihood.assign(band=[likelihood_band(likelihood, t) for t in likelihood["term"]])
    s.add(
        "methods-likelihood",
        table(
            scale[["term", "band"]],
            caption="Likelihood words and the probability each stands for (ICD 203)",
            labels={"term": "Word", "band": "Probability"},
            noun="words",
        ),
    )
    s.values["meth_n_terms"] = prose.count(len(likelihood), table="likelihood_scale", noun="word")
    return s


def fact_rows_by_grade(index: pd.DataFrame) -> Section:
    """How the book's fact rows are spread over the grades of the sources they cite (a bar chart)."""
    graded = rows_by_grade(index)
    total = int(graded["rows"].sum())
    ab = graded[at_least(graded["grade"], USUALLY_RELIABLE)]
    weak = graded[at_most(graded["grade"], NOT_USUALLY_RELIABLE)]
    s = Section()
    s.values["meth_fact_rows"] = prose.number(total, table="events, figures, control_changes, forecasts, outcomes")
    s.values["meth_share_ab"] = prose.number(round(100 * ab["rows"].sum() / total), table="sources")
    s.values["meth_share_weak_rows"] = prose.number(round(100 * weak["rows"].sum() / total), table="sources")
    top = graded.sort_values(["rows", "grade"], ascending=[False, True]).iloc[0]
    chart = (
        alt.Chart(graded)
        .mark_bar()
        .encode(
            x=alt.X("grade:N", title="Reliability grade of the source", sort=list(grade_rank())),
            y=alt.Y("rows:Q", title="Fact rows citing a source of this grade"),
            tooltip=["grade", "rows", alt.Tooltip("share:Q", title="Share (%)")],
        )
        .properties(width="container", height=220)
    )
    s.add(
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
    return s


def sourcing(figures: pd.DataFrame, sources: pd.DataFrame) -> Section:
    """Contested quantities, weak and relayed sources, and when the sources were read."""
    n_metrics, n_contested = contested_metrics(figures)
    weak = at_most(sources["reliability"], NOT_USUALLY_RELIABLE)
    return Section(
        values={
            "meth_n_metrics": prose.count(n_metrics, table="figures"),
            "meth_n_contested": prose.count(n_contested, table="figures"),
            "meth_share_weak_sources": prose.number(round(100 * weak.mean()), table="sources"),
            "meth_share_relayed": prose.number(round(100 * relayed_share(sources)), table="sources"),
            "meth_accessed": prose.date(sources["accessed"].max(), table="sources"),
        }
    )
