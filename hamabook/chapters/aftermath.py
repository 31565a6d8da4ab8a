"""What happened after 8 December 2024, and how the forecasts made before it fared.

Scoring rule for ``data/forecasts.csv`` (one row per forecast published before 8 December 2024; each names
its ``resolution_rule``, ``resolves_by`` date and ``outcome``):

* ``outcome`` says whether the forecast, read by its resolution rule, came true (``right``) or not (``wrong``).
* The probability of a forecast is its ``probability`` column where the forecaster stated a number (rule
  ``stated``). Otherwise, if ``likelihood_words`` is a term of the book's likelihood scale
  (``data/likelihood_scale.csv``, ICD 203), it is the midpoint of that term's band (rule ``scale midpoint``:
  ``likely``, 55-80 %, gives 0.675). Any other hedge gets no probability and is not scored (rule ``none``).
* The Brier score is ``(p - o) ** 2`` with ``o = 1`` if right and ``0`` if wrong: 0 is perfect, 1 the worst,
  and a flat 50 % forecast always scores 0.25. Unscored forecasts are left out of every mean.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..charts import theme
from ..data import load
from ..output import prose
from ..output.figure import figure, table
from ..output.judgments import judgment_boxes, verdict_values
from ..rows import with_sources
from .page import Page

OUTCOME_VALUE = {"right": 1.0, "wrong": 0.0}
RULES = ("stated", "scale midpoint", "none")
QUESTIONS = ("transition", "minorities", "sanctions", "russia_bases", "israel_south", "returns", "sdf")
QUESTION_LABELS = {
    "transition": "Transition",
    "minorities": "Minorities",
    "sanctions": "Sanctions",
    "russia_bases": "Russian bases",
    "israel_south": "Israel in the south",
    "returns": "Returns",
    "sdf": "SDF",
}
JUDGMENTS = ("J10", "J11", "J12", "J14")


def band_midpoints(scale: pd.DataFrame) -> dict[str, float]:
    """Each likelihood term's band midpoint, e.g. {'likely': 0.675, ...}."""
    return {row.term: round((row.low + row.high) / 2, 6) for row in scale.itertuples()}


def forecast_probability(forecasts: pd.DataFrame, scale: pd.DataFrame) -> pd.DataFrame:
    """Per forecast: the probability used for scoring (``p``) and the rule that gave it (``rule``)."""
    mids = band_midpoints(scale)
    stated = pd.to_numeric(forecasts["probability"], errors="coerce").astype(float)
    if ((stated < 0) | (stated > 1)).any():
        raise ValueError("a stated probability lies outside [0, 1]")
    words = forecasts["likelihood_words"].fillna("").str.strip().str.lower()
    read = words.map(mids).astype(float)
    p = stated.where(stated.notna(), read)
    rule = pd.Series("none", index=forecasts.index)
    rule[read.notna()] = "scale midpoint"
    rule[stated.notna()] = "stated"
    term = words.where(read.notna() & stated.isna(), "")
    return pd.DataFrame({"p": p, "rule": rule, "term": term}, index=forecasts.index)


def brier(probability: float, outcome: str) -> float:
    """Brier score of one forecast: (p - o)^2 with o = 1 for 'right' and 0 for 'wrong'."""
    if outcome not in OUTCOME_VALUE:
        raise ValueError(f"only right/wrong outcomes can be scored, not {outcome!r}")
    if not 0 <= probability <= 1:
        raise ValueError(f"probability must lie in [0, 1], not {probability!r}")
    return (probability - OUTCOME_VALUE[outcome]) ** 2


def score_forecasts(forecasts: pd.DataFrame, scale: pd.DataFrame) -> pd.DataFrame:
    """Forecasts with the probability used, its rule, and a Brier score where one can be computed."""
    out = forecasts.join(forecast_probability(forecasts, scale))
    out["scored"] = out["outcome"].isin(list(OUTCOME_VALUE)) & out["p"].notna()
    out["brier"] = [brier(p, o) if s else float("nan") for p, o, s in zip(out["p"], out["outcome"], out["scored"])]
    return out.sort_values(["published", "forecast_id"]).reset_index(drop=True)


def record_by(scored: pd.DataFrame, column: str) -> pd.DataFrame:
    """Per group (forecaster kind or side): forecasts, how many came true, how many scored, mean Brier."""
    table_ = scored.groupby(column).agg(
        forecasts=("forecast_id", "size"),
        came_true=("outcome", lambda o: int((o == "right").sum())),
        scored=("scored", "sum"),
        mean_brier=("brier", "mean"),
    )
    table_["scored"] = table_["scored"].astype(int)
    table_["mean_brier"] = table_["mean_brier"].round(3)
    return table_.sort_values(["forecasts", column], ascending=[False, True]).reset_index()


def calibration(scored: pd.DataFrame, scale: pd.DataFrame) -> pd.DataFrame:
    """Per likelihood band used by a scored forecast: band midpoint, forecasts, share that came true."""
    rows = scored[scored["scored"]]
    mids = band_midpoints(scale)
    out = rows.groupby("term").agg(
        forecasts=("forecast_id", "size"),
        came_true=("outcome", lambda o: int((o == "right").sum())),
        ids=("forecast_id", lambda s: " ".join(s)),
    )
    out["stated"] = out.index.map(mids)
    out["share_true"] = out["came_true"] / out["forecasts"]
    return out.reset_index().sort_values("stated").reset_index(drop=True)


def outcome_rows(outcomes: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Outcome rows with the question's label and the source's publisher, by question then date."""
    unknown = sorted(set(outcomes["question"]) - set(QUESTIONS))
    if unknown:
        raise ValueError(f"outcomes name unknown questions: {', '.join(unknown)}")
    rows = with_sources(outcomes, sources)
    rows["label"] = rows["question"].map(QUESTION_LABELS)
    rows["order"] = rows["question"].map({q: i for i, q in enumerate(QUESTIONS)})
    return rows.sort_values(["order", "date", "outcome_id"]).reset_index(drop=True)


def _question_values(page: Page, rows: pd.DataFrame) -> None:
    """Per question: how many rows, first and latest status with their dates."""
    keys = {
        "transition": (
            "am_transition_n",
            "am_transition_first",
            "am_transition_first_date",
            "am_transition_last",
            "am_transition_last_date",
        ),
        "minorities": (
            "am_minorities_n",
            "am_minorities_first",
            "am_minorities_first_date",
            "am_minorities_last",
            "am_minorities_last_date",
        ),
        "sanctions": (
            "am_sanctions_n",
            "am_sanctions_first",
            "am_sanctions_first_date",
            "am_sanctions_last",
            "am_sanctions_last_date",
        ),
        "russia_bases": (
            "am_russia_bases_n",
            "am_russia_bases_first",
            "am_russia_bases_first_date",
            "am_russia_bases_last",
            "am_russia_bases_last_date",
        ),
        "israel_south": (
            "am_israel_south_n",
            "am_israel_south_first",
            "am_israel_south_first_date",
            "am_israel_south_last",
            "am_israel_south_last_date",
        ),
        "returns": (
            "am_returns_n",
            "am_returns_first",
            "am_returns_first_date",
            "am_returns_last",
            "am_returns_last_date",
        ),
        "sdf": ("am_sdf_n", "am_sdf_first", "am_sdf_first_date", "am_sdf_last", "am_sdf_last_date"),
    }
    for question, (n, first, first_date, last, last_date) in keys.items():
        q = rows[rows["question"] == question]
        if q.empty:
            raise LookupError(f"no outcome rows for {question}")
        a, b = q.iloc[0], q.iloc[-1]
        page.values[n] = prose.count(len(q), q["outcome_id"], noun="report")
        page.values[first] = prose.text(a["status"], [a["outcome_id"]])
        page.values[first_date] = prose.date(a["date"], [a["outcome_id"]], precision=a["date_precision"])
        page.values[last] = prose.text(b["status"], [b["outcome_id"]])
        page.values[last_date] = prose.date(b["date"], [b["outcome_id"]], precision=b["date_precision"])


def _forecast_section(page: Page, forecasts: pd.DataFrame, scale: pd.DataFrame, sources: pd.DataFrame) -> None:
    scored = score_forecasts(forecasts, scale)
    ids = scored["forecast_id"]
    done = scored[scored["scored"]]
    unscored = scored[~scored["scored"]]
    page.values["am_n_forecasts"] = prose.count(len(scored), ids)
    page.values["am_published_first"] = prose.date(scored["published"].min(), ids)
    page.values["am_published_last"] = prose.date(scored["published"].max(), ids)
    page.values["am_resolves_last"] = prose.date(scored["resolves_by"].max(), ids)
    right = scored[scored["outcome"] == "right"]
    page.values["am_n_right"] = prose.count(len(right), right["forecast_id"])
    page.values["am_n_scored"] = prose.count(len(done), done["forecast_id"])
    page.values["am_n_unscored"] = prose.count(len(unscored), unscored["forecast_id"])
    stated = scored[scored["rule"] == "stated"]
    page.values["am_n_stated"] = (
        prose.count(len(stated), ids) if stated.empty else prose.count(len(stated), stated["forecast_id"])
    )
    page.values["am_brier_mean"] = prose.text(f"{done['brier'].mean():.2f}", done["forecast_id"])
    best = done.sort_values(["brier", "forecast_id"]).iloc[0]
    page.values["am_brier_best_who"] = prose.text(best["forecaster"], [best["forecast_id"]])
    page.values["am_brier_best"] = prose.text(f"{best['brier']:.2f}", [best["forecast_id"]])
    worst = done.sort_values(["brier", "forecast_id"], ascending=[False, True]).iloc[0]
    page.values["am_brier_worst_who"] = prose.text(worst["forecaster"], [worst["forecast_id"]])
    page.values["am_brier_worst"] = prose.text(f"{worst['brier']:.2f}", [worst["forecast_id"]])
    gov = scored[scored["forecaster_side"] == "government"]
    gov_right = gov[gov["outcome"] == "right"]
    page.values["am_gov_side_n"] = prose.count(len(gov), gov["forecast_id"])
    page.values["am_gov_side_right"] = prose.text(prose.of_all(len(gov_right), len(gov)), gov["forecast_id"])
    other = scored[scored["forecaster_side"] != "government"]
    other_right = other[other["outcome"] == "right"]
    page.values["am_other_side_right"] = prose.text(
        f"{prose.count_word(len(other_right))} of {prose.count_word(len(other))}", other["forecast_id"]
    )

    span = prose.fmt_date_range(scored["published"].min(), scored["published"].max())
    shown = with_sources(scored, sources).assign(
        p_pct=lambda f: (100 * f["p"]).round(1), brier=lambda f: f["brier"].round(3)
    )
    page.add(
        "aftermath-forecasts",
        table(
            shown[
                [
                    "published",
                    "forecaster",
                    "forecaster_kind",
                    "forecaster_side",
                    "statement",
                    "likelihood_words",
                    "resolution_rule",
                    "resolves_by",
                    "outcome",
                    "rule",
                    "p_pct",
                    "brier",
                    "publisher",
                    "forecast_id",
                ]
            ],
            caption=f"{len(shown)} forecasts published {span}, "
            "each with the rule that resolves it, its outcome and, where a probability can be assigned, a Brier score",
            labels={
                "published": "Published",
                "forecaster": "Who",
                "forecaster_kind": "Kind",
                "forecaster_side": "Side",
                "statement": "Forecast (our words)",
                "likelihood_words": "Their hedge",
                "resolution_rule": "Resolves true if",
                "resolves_by": "Resolves by",
                "outcome": "Outcome",
                "rule": "Probability rule",
                "p_pct": "Probability (%)",
                "brier": "Brier score",
                "publisher": "Source",
                "forecast_id": "Row",
            },
            noun="forecasts",
        ),
    )
    labels = {"forecasts": "Forecasts", "came_true": "Came true", "scored": "Scored", "mean_brier": "Mean Brier score"}
    page.add(
        "aftermath-by-kind",
        table(
            record_by(scored, "forecaster_kind"),
            caption="Forecast record by kind of forecaster (mean Brier over scored forecasts only)",
            labels={"forecaster_kind": "Kind", **labels},
        ),
    )
    page.add(
        "aftermath-by-side",
        table(
            record_by(scored, "forecaster_side"),
            caption="Forecast record by the side the forecaster stood on (mean Brier over scored forecasts only)",
            labels={"forecaster_side": "Side", **labels},
        ),
    )

    cal = calibration(scored, scale)
    drawn = cal[["term", "stated", "forecasts", "came_true", "share_true"]]
    chart = alt.Chart(drawn).encode(
        x=alt.X(
            "stated:Q",
            title="Probability stated (band midpoint)",
            scale=alt.Scale(domain=[0, 1]),
            axis=alt.Axis(format="%"),
        )
    )
    diagonal = chart.mark_line(color=theme.MUTED, strokeDash=[4, 4]).encode(y="stated:Q")
    points = chart.mark_circle(color=theme.PALETTE[0], opacity=0.9).encode(
        y=alt.Y(
            "share_true:Q", title="Share that came true", scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%")
        ),
        size=alt.Size("forecasts:Q", title="Forecasts", scale=alt.Scale(range=[80, 400])),
        tooltip=["term", "forecasts", "came_true", alt.Tooltip("share_true:Q", format=".0%")],
    )
    hits = int(cal["came_true"].sum())
    page.add(
        "aftermath-calibration",
        figure(
            "aftermath-calibration",
            alt.layer(diagonal, points, data=drawn).properties(width=360, height=300),
            drawn,
            caption=(
                f"Of {prose.plural(len(done), 'forecast')} that used a term of the likelihood scale, "
                f"{prose.count_word(hits)} came true; by band: "
                + "; ".join(f"{r.term}, {r.came_true} of {r.forecasts}" for r in cal.itertuples())
                + "."
            ),
            alt_text=(
                "Calibration chart: each circle is a likelihood band, placed by its midpoint probability "
                "(horizontal) and the share of forecasts in it that came true (vertical), sized by the number "
                "of forecasts; the dashed diagonal marks perfect calibration. "
                + "; ".join(f"{r.term}: {r.came_true} of {r.forecasts} came true" for r in cal.itertuples())
                + "."
            ),
            sources=list(dict.fromkeys(done["source_id"])) + list(dict.fromkeys(done["outcome_source_id"])),
        ),
    )


def _outcome_section(page: Page, outcomes: pd.DataFrame, sources: pd.DataFrame) -> None:
    rows = outcome_rows(outcomes, sources)
    _question_values(page, rows)
    page.values["am_n_outcomes"] = prose.count(len(rows), rows["outcome_id"])
    page.values["am_outcomes_span"] = prose.date_range(rows["date"].min(), rows["date"].max(), rows["outcome_id"])
    drawn = rows[["date", "label", "status", "publisher"]]
    chart = (
        alt.Chart(drawn)
        .mark_point(filled=True, size=80, opacity=0.85)
        .encode(
            x=alt.X("date:T", title=None, axis=alt.Axis(format="%b %Y")),
            y=alt.Y("label:N", title=None, sort=[QUESTION_LABELS[q] for q in QUESTIONS]),
            color=alt.Color("label:N", legend=None),
            tooltip=[alt.Tooltip("date:T", format="%d %b %Y"), "label", "status", "publisher"],
        )
        .properties(width="container", height=240)
    )
    busiest = rows["label"].value_counts()
    page.add(
        "aftermath-outcomes",
        figure(
            "aftermath-outcomes",
            chart,
            drawn,
            caption=(
                f"Our data holds {prose.plural(len(rows), 'report')} on {prose.count_word(rows['question'].nunique())} "
                "questions after the fall, "
                f"{prose.fmt_date_range(rows['date'].min(), rows['date'].max())}; "
                f"{busiest.index[0]} has the most ({busiest.iloc[0]})."
            ),
            alt_text=(
                "Timeline with one row per question ("
                + ", ".join(QUESTION_LABELS[q] for q in QUESTIONS)
                + "); each mark is one reported development, placed at its date."
            ),
            sources=list(dict.fromkeys(rows["source_id"])),
        ),
    )
    page.add(
        "aftermath-outcomes-table",
        table(
            rows[["label", "date", "date_precision", "status", "summary", "publisher", "credibility", "outcome_id"]],
            caption="What happened after the fall, by question, one row per report",
            labels={
                "label": "Question",
                "date": "Date",
                "status": "Status",
                "summary": "What was reported (our words)",
                "publisher": "Source",
                "credibility": "Credibility",
                "outcome_id": "Row",
            },
            noun="reports",
        ),
    )


def build() -> Page:
    theme.apply()
    forecasts, outcomes, scale, sources = (load(t) for t in ("forecasts", "outcomes", "likelihood_scale", "sources"))
    judgments = load("judgments")
    page = Page()
    _forecast_section(page, forecasts, scale, sources)
    _outcome_section(page, outcomes, sources)
    page.values["am_as_of"] = prose.date(
        outcomes["date"].max(), outcomes.loc[outcomes["date"] == outcomes["date"].max(), "outcome_id"]
    )
    page.values.update(verdict_values(judgments, scale, list(JUDGMENTS)))
    for jid, box in judgment_boxes(judgments, scale, "aftermath").items():
        page.add(jid, box)
    return page
