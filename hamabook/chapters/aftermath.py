"""What happened after 8 December 2024, and how the forecasts made before it fared.

Scoring rule for ``data/forecasts.csv`` (one row per forecast published before 8 December 2024; each names
its ``resolution_rule``, ``resolves_by`` date and ``outcome``):

* ``outcome`` says whether the forecast, read by its resolution rule, came true (``right``) or not (``wrong``).
* The probability of a forecast is its ``probability`` column where the forecaster stated a number (rule
  ``stated``). Otherwise, if ``scale_term`` is set (our reading of the forecaster's probability word as a term
  of the book's likelihood scale, ``data/likelihood_scale.csv``, ICD 203, for the chance of the event in the
  ``resolution_rule``), it is the midpoint of that term's band (rule ``scale term``: ``likely``, 55-80 %,
  gives 0.675). A forecast with neither used no probability word and is not scored (rule ``none``); the
  hedge as written (``likelihood_words``) is never read by itself.
* The Brier score is ``(p - o) ** 2`` with ``o = 1`` if right and ``0`` if wrong: 0 is perfect, 1 the worst,
  and a flat 50 % forecast always scores 0.25. Unscored forecasts are left out of every mean.
* A **statement of intent** is kept apart from the forecasts: a row whose ``forecaster_kind`` is ``government``
  or ``armed group`` and whose ``forecaster_side`` is one of the warring sides (``government``, which takes in
  Damascus's allies, or ``opposition``), with neither a stated probability nor a ``scale_term``: a party to the
  war saying what it will do or can do. It is never scored, and its record is counted on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import altair as alt
import pandas as pd

from ..charts import theme
from ..charts.voice import ENGLISH, Voice
from ..data import load
from ..output import prose
from ..output.figure import figure, folded_table
from ..rows.figures import latest, of_metric, value_or_range
from ..rows.select import labels, with_sources
from ..rows.stated import stating
from .page import Page, Section, judged

OUTCOME_VALUE = {"right": 1.0, "wrong": 0.0}
RULES = ("stated", "scale term", "none")
JUDGMENTS = {
    "j10_verdict": "J10",
    "j11_verdict": "J11",
    "j12_verdict": "J12",
    "j14_verdict": "J14",
}  # verdict key -> judgment
SIDE_LABELS = {"government": "Government", "opposition": "Opposition", "other": "Neither side"}
# A statement of intent: a government or armed group on a warring side, with no probability (module docstring).
INTENT_KINDS = ("government", "armed group")
WARRING_SIDES = ("government", "opposition")
STATEMENT_LABELS = {True: "statement of intent", False: "forecast"}


# Column labels of the table of outcome reports.
OUTCOME_LABELS = {
    "label": "Question",
    "status": "Status",
    "publisher": "Source",
    "outcome_id": "Row",
}


def band_midpoints(scale: pd.DataFrame) -> dict[str, float]:
    """Each likelihood term's band midpoint, e.g. {'likely': 0.675, ...}."""
    return {row.term: round((row.low + row.high) / 2, 6) for row in scale.itertuples()}


def forecast_probability(forecasts: pd.DataFrame, scale: pd.DataFrame) -> pd.DataFrame:
    """Per forecast: the probability used for scoring (``p``) and the rule that gave it (``rule``)."""
    mids = band_midpoints(scale)
    stated = pd.to_numeric(forecasts["probability"], errors="coerce").astype(float)
    if ((stated < 0) | (stated > 1)).any():
        raise ValueError("a stated probability lies outside [0, 1]")
    words = forecasts["scale_term"].fillna("").astype(str).str.strip().str.lower()
    unknown = sorted(set(words[words != ""]) - set(mids))
    if unknown:
        raise ValueError(f"scale_term not on the likelihood scale: {', '.join(unknown)}")
    read = words.map(mids).astype(float)
    p = stated.where(stated.notna(), read)
    rule = pd.Series("none", index=forecasts.index)
    rule[read.notna()] = "scale term"
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


def is_intent(forecasts: pd.DataFrame) -> pd.Series:
    """Per row: a statement of intent (a party to the war on what it will or can do, with no probability), by the
    rule of the module docstring, read from ``forecaster_kind``, ``forecaster_side``, ``probability`` and
    ``scale_term`` only."""
    no_probability = forecasts["probability"].isna() & forecasts["scale_term"].fillna("").astype(str).str.strip().eq("")
    return (
        forecasts["forecaster_kind"].isin(INTENT_KINDS) & forecasts["forecaster_side"].isin(WARRING_SIDES)
    ) & no_probability


def score_forecasts(forecasts: pd.DataFrame, scale: pd.DataFrame) -> pd.DataFrame:
    """Forecasts with the probability used, its rule, a Brier score where one can be computed, and whether the
    row is a statement of intent (``intent``), which is never scored."""
    out = forecasts.join(forecast_probability(forecasts, scale))
    out["intent"] = is_intent(forecasts)
    out["scored"] = out["outcome"].isin(list(OUTCOME_VALUE)) & out["p"].notna() & ~out["intent"]
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
    """Outcome rows with the question's label (``questions.csv``) and the source's publisher, by question in the
    registry's order, then date."""
    questions = labels("questions")
    unknown = sorted(set(outcomes["question"]) - set(questions.index))
    if unknown:
        raise ValueError(f"outcomes name unknown questions: {', '.join(unknown)}")
    rows = with_sources(outcomes, sources)
    rows["label"] = rows["question"].map(questions)
    rows["order"] = rows["question"].map({q: i for i, q in enumerate(questions.index)})
    return rows.sort_values(["order", "date", "outcome_id"]).reset_index(drop=True)


# The dated developments the page states as facts: glue key -> (question, status as the outcome rows code it,
# first or last such report). Selected by the ``status`` field, never by the summary text.
STATUS_FACTS = {
    "am_fell_date": ("transition", "regime fell", "first"),
    "am_caretaker_date": ("transition", "caretaker government named", "first"),
    "am_president_date": ("transition", "al-Sharaa named president", "first"),
    "am_declaration_date": ("transition", "constitutional declaration signed", "first"),
    "am_government_date": ("transition", "government formed", "first"),
    "am_elections_date": ("transition", "indirect elections held", "first"),
    "am_final_results_date": ("transition", "final results; seats vacant", "first"),
    "am_coast_monitor_date": ("minorities", "coastal killings (monitor count)", "first"),
    "am_coast_inquiry_date": ("minorities", "coastal killings (official inquiry)", "first"),
    "am_coast_un_date": ("minorities", "UN inquiry on coast", "first"),
    "am_church_date": ("minorities", "church bombing (early toll)", "first"),
    "am_suwayda_first_date": ("minorities", "Suwayda clashes (monitor count)", "first"),
    "am_suwayda_last_date": ("minorities", "Suwayda clashes (monitor count)", "last"),
    "am_eu_decision_date": ("sanctions", "EU decides to lift", "first"),
    "am_eu_acts_date": ("sanctions", "EU legal acts adopted", "first"),
    "am_us_ended_date": ("sanctions", "US sanctions programme ended", "first"),
    "am_caesar_house_date": ("sanctions", "Caesar repeal passes House", "first"),
    "am_caesar_repealed_date": ("sanctions", "Caesar Act repealed", "first"),
    "am_israel_stay_date": ("israel_south", "Israel to stay indefinitely", "first"),
    "am_israel_strike_date": ("israel_south", "Israel strikes Damascus", "first"),
    "am_katz_again_date": ("israel_south", "Israel to stay on Hermon and in security zone", "first"),
    "am_sdf_signed_date": ("sdf", "SDF agreement signed", "first"),
    "am_sdf_talks_date": ("sdf", "integration talks", "first"),
    "am_sdf_latest_date": ("sdf", "integration understanding; political issues open", "first"),
    "am_sdf_pullback_date": ("sdf", "SDF pull-back and handover deal", "first"),
    "am_sdf_integration_date": ("sdf", "comprehensive integration agreement", "first"),
    "am_fto_date": ("hts_designation", "US FTO designation of HTS revoked", "first"),
    "am_uk_delist_date": ("hts_designation", "UK deproscribes HTS", "first"),
    "am_un_delist_date": ("hts_designation", "UN delists al-Sharaa and Khattab", "first"),
    "am_sdgt_date": ("hts_designation", "US delists al-Sharaa (SDGT)", "first"),
    "am_qamishli_date": ("russia_bases", "Russia leaves Qamishli; keeps Hmeimim and Tartus", "first"),
    "am_moscow_talks_date": ("russia_bases", "bases discussed; no agreement announced", "first"),
    "am_paris_date": ("israel_south", "US-supervised Israel-Syria coordination mechanism", "first"),
    "am_incursions_date": ("israel_south", "incursions continue after Paris mechanism", "first"),
    "am_arsenal_claim_date": ("arsenal", "old army's arsenal largely destroyed (Israeli claim)", "first"),
    "am_opcw_mission_date": ("arsenal", "Syria's OPCW mission reinstated", "first"),
    "am_seizure_date": ("iran_network", "smuggling to Lebanon interdicted; some routes open", "first"),
}


def status_date(rows: pd.DataFrame, question: str, status: str, which: str = "first") -> prose.Value:
    """The date of the first (or last) report of one status under one question, citing every report that gives
    that date."""
    pick = rows[(rows["question"] == question) & (rows["status"] == status)].sort_values(["date", "outcome_id"])
    if pick.empty:
        raise LookupError(f"no outcome row with status {status!r} for {question}")
    row = pick.iloc[0] if which == "first" else pick.iloc[-1]
    same_day = pick[pick["date"] == row["date"]]
    return prose.date(row["date"], list(same_day["outcome_id"]), precision=row["date_precision"])


# Death tolls the outcome rows give in their words (outcome rows have no value column): glue key -> (question,
# status, first or last report); the toll is the count of people or dead the row's summary gives.
TOLLS = {
    "am_coast_dead": ("minorities", "coastal killings (monitor count)", "first"),
    "am_suwayda_dead": ("minorities", "Suwayda clashes (monitor count)", "last"),
}
TOLL = re.compile(r"(\d[\d,]*) (?:people|dead)")


def toll(rows: pd.DataFrame, question: str, status: str, which: str = "first") -> prose.Value:
    """The toll the first (or last) report of one status gives ('1,334'), resting on that report."""
    pick = rows[(rows["question"] == question) & (rows["status"] == status)].sort_values(["date", "outcome_id"])
    if pick.empty:
        raise LookupError(f"no outcome row with status {status!r} for {question}")
    row = pick.iloc[[0]] if which == "first" else pick.iloc[[-1]]
    found = TOLL.search(str(row["summary"].iloc[0]))
    if not found:
        raise ValueError(f"outcome {row['outcome_id'].iloc[0]} gives no toll of people or dead")
    return prose.text(found.group(1), stating(found.group(1), row))


def _question_values(rows: pd.DataFrame) -> dict[str, prose.Value]:
    """The date of each development the prose states."""
    return {key: status_date(rows, question, status, which) for key, (question, status, which) in STATUS_FACTS.items()}


def _latest_return(figures: pd.DataFrame, sources: pd.DataFrame, metric: str) -> pd.Series:
    """The latest figure of ``metric`` (most credible first on one date), with its originator."""
    rows = with_sources(figures[figures["metric"] == metric], sources, ("publisher", "originator"))
    if rows.empty:
        raise LookupError(f"no {metric} figure")
    return rows.sort_values(["as_of", "credibility", "figure_id"], ascending=[False, True, True]).iloc[0]


def returns(t: Tables) -> Section:
    """UNHCR's latest counts of refugees and displaced people back home since 8 December 2024."""
    refugees = _latest_return(t.figures, t.sources, "refugee_returns_since_2024_12_08")
    idps = _latest_return(t.figures, t.sources, "idp_returns_since_2024_12_08")
    _, high = value_or_range(pd.DataFrame([refugees, idps]))
    return Section(
        values={
            "am_refugee_returns": prose.number(high.iloc[0], refugees),
            "am_refugee_returns_date": prose.date(refugees["as_of"], refugees, precision=refugees["as_of_precision"]),
            "am_refugee_returns_by": prose.text(refugees["originator"], refugees),
            "am_idp_returns": prose.number(high.iloc[1], idps),
        }
    )


def _intent_values(scored: pd.DataFrame) -> dict[str, prose.Value]:
    """The statements of intent kept apart from the forecasts: how many, how many came true, the government side's."""
    intent = scored[scored["intent"]]
    if intent.empty:
        raise LookupError("no statement of intent among the forecasts")
    right = intent[intent["outcome"] == "right"]
    gov = intent[intent["forecaster_side"] == "government"]
    gov_right = gov[gov["outcome"] == "right"]
    return {
        "am_n_intent": prose.count(len(intent), intent["forecast_id"]),
        "am_intent_right": prose.count(len(right), intent["forecast_id"]),
        "am_intent_gov_n": prose.count(len(gov), gov["forecast_id"]),
        "am_intent_gov_right": prose.text(prose.of_all(len(gov_right), len(gov)), gov["forecast_id"]),
    }


def forecast_record(t: Tables) -> Section:
    """The statements made before 8 December: intent kept apart; the forecasts, how many came true, Brier scores."""
    scored = t.scored
    ids = scored["forecast_id"]
    forecasts = scored[~scored["intent"]]
    done = forecasts[forecasts["scored"]]
    unscored = forecasts[~forecasts["scored"]]
    v: dict[str, prose.Value] = _intent_values(scored)
    v["am_n_statements"] = prose.count(len(scored), ids)
    v["am_published_span"] = prose.date_range(scored["published"].min(), scored["published"].max(), ids)
    v["am_resolves_last"] = prose.date(scored["resolves_by"].max(), ids)
    v["am_n_forecasts"] = prose.count(len(forecasts), forecasts["forecast_id"])
    right = forecasts[forecasts["outcome"] == "right"]
    v["am_n_right"] = prose.count(len(right), forecasts["forecast_id"])
    v["am_n_scored"] = prose.count(len(done), done["forecast_id"])
    v["am_n_unscored"] = prose.count(len(unscored), unscored["forecast_id"])
    stated = scored[scored["rule"] == "stated"]
    v["am_n_stated"] = (
        prose.count(len(stated), ids) if stated.empty else prose.count(len(stated), stated["forecast_id"])
    )
    v["am_brier_mean"] = prose.text(f"{done['brier'].mean():.2f}", done["forecast_id"])
    best = done.sort_values(["brier", "forecast_id"]).iloc[0]
    v["am_brier_best_who"] = prose.text(best["forecaster"], best)
    v["am_brier_best"] = prose.text(f"{best['brier']:.2f}", best)
    worst = done.sort_values(["brier", "forecast_id"], ascending=[False, True]).iloc[0]
    v["am_brier_worst_who"] = prose.text(worst["forecaster"], worst)
    v["am_brier_worst"] = prose.text(f"{worst['brier']:.2f}", worst)
    s = Section(values=v)
    s.add("aftermath-forecasts", _forecast_table(scored, t.sources))
    s.add("aftermath-by-side", _by_side_table(scored))
    s.add("aftermath-calibration", _calibration_figure(scored, t.scale))
    return s


FORECAST_LABELS = {
    "published": "Published",
    "forecaster": "Who",
    "forecaster_kind": "Kind",
    "forecaster_side": "Side",
    "statement_kind": "Statement",
    "statement": "Forecast (our words)",
    "likelihood_words": "Their words",
    "term": "Our scale reading",
    "resolution_rule": "Resolves true if",
    "resolves_by": "Resolves by",
    "outcome": "Outcome (our reading)",
    "rule": "Probability rule",
    "p_pct": "Probability (%)",
    "brier": "Brier score",
    "publisher": "Source",
    "forecast_id": "Row",
}


def _forecast_table(scored: pd.DataFrame, sources: pd.DataFrame):
    """Every forecast with the rule that resolves it, our reading of the outcome and its score."""
    span = prose.fmt_date_range(scored["published"].min(), scored["published"].max())
    shown = with_sources(scored, sources).assign(
        p_pct=lambda f: (100 * f["p"]).round(1),
        brier=lambda f: [("" if pd.isna(b) else f"{b:.2f}") for b in f["brier"]],  # two decimals, as in the prose
        forecaster_side=lambda f: f["forecaster_side"].map(SIDE_LABELS),
        statement_kind=lambda f: f["intent"].map(STATEMENT_LABELS),
    )
    return folded_table(
        shown[list(FORECAST_LABELS)],
        caption=f"Every statement about what would happen, published {span}, with the rule that resolves it, "
        "our reading of the outcome and, where it gave a probability, its Brier score",
        labels=FORECAST_LABELS,
        noun="statements",
    )


def _by_side_table(scored: pd.DataFrame):
    """The record by the side the speaker stood on, statements of intent apart from forecasts."""
    columns = {
        "forecasts": "Forecasts",
        "came_true": "Came true (our reading)",
        "scored": "Scored",
        "mean_brier": "Mean Brier score",
    }
    group = scored["forecaster_side"].map(SIDE_LABELS) + ": " + scored["intent"].map(STATEMENT_LABELS) + "s"
    return folded_table(
        record_by(scored.assign(group=group), "group"),
        caption="Forecasts and statements of intent by the side the speaker stood on, how many came true and the "
        "mean Brier score of those scored",
        labels={"group": "Side and kind", **columns},
        noun="groups",
    )


CALIBRATION_DRAWN = ["term", "stated", "forecasts", "came_true", "share_true"]  # the calibration chart's columns


def calibration_chart(drawn: pd.DataFrame, voice: Voice = ENGLISH) -> alt.LayerChart:
    """Each likelihood band (``term``) at its midpoint (``stated``) against the share of its forecasts that came
    true, sized by their number; a dashed diagonal where the two are equal."""
    percent = voice.axis(format="%")
    chart = alt.Chart(drawn).encode(
        x=alt.X(
            "stated:Q",
            title=voice.title("Probability stated (band midpoint)"),
            scale=alt.Scale(domain=[0, 1]),
            **percent,
        )  # fmt: skip
    )
    diagonal = chart.mark_line(color=theme.MUTED, strokeDash=[4, 4]).encode(y="stated:Q")
    points = chart.mark_circle(color=theme.PALETTE[0], opacity=0.9).encode(
        y=alt.Y(
            "share_true:Q",
            title=voice.title("Share that came true"),
            scale=alt.Scale(domain=[0, 1]),
            **voice.axis(rtl_orient="right", format="%"),
        ),  # fmt: skip
        size=alt.Size(
            "forecasts:Q", title=voice.title("Forecasts"), scale=alt.Scale(range=[80, 400]), **voice.legend()
        ),
        tooltip=[voice.tooltip(c) for c in ("term", "forecasts", "came_true")]
        + [voice.tooltip("share_true", "Q", format=".0%")],
    )
    return voice.finish(alt.layer(diagonal, points, data=drawn).properties(width=360, height=180))


def _calibration_figure(scored: pd.DataFrame, scale: pd.DataFrame):
    """Each likelihood band placed by its midpoint and the share of its forecasts that came true."""
    done = scored[scored["scored"]]
    cal = calibration(scored, scale)
    drawn = cal[CALIBRATION_DRAWN]
    hits = int(cal["came_true"].sum())
    return figure(
        "aftermath-calibration",
        calibration_chart(drawn),
        drawn,
        caption=(
            f"Of {prose.plural(len(done), 'forecast')} that used a probability word we read on the likelihood "
            "scale, "
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
    )


OUTCOMES_DRAWN = ["date", "label", "status", "publisher"]  # the outcomes timeline's columns


def outcomes_chart(drawn: pd.DataFrame, order: list[str], voice: Voice = ENGLISH) -> alt.Chart:
    """One row per question (``label``, in ``order``), one mark per reported development at its date."""
    chart = (
        alt.Chart(drawn)
        .mark_point(filled=True, size=80, opacity=0.85)
        .encode(
            x=alt.X("date:T", title=None, **voice.along(), **voice.axis(format="%b %Y")),
            y=alt.Y("label:N", title=None, sort=order, **voice.axis(rtl_orient="right")),
            color=alt.Color("label:N", legend=None),
            tooltip=[voice.tooltip("date", "T", format="%d %b %Y")] + [voice.tooltip(c) for c in OUTCOMES_DRAWN[1:]],
        )
        .properties(width="container", height=200)
    )
    return voice.finish(chart)


def outcomes_tracker(t: Tables) -> Section:
    """What happened after the fall, question by question: the dated developments, a timeline and the table."""
    rows = outcome_rows(t.outcomes, t.sources)
    s = Section(
        values={
            **_question_values(rows),
            **{key: toll(rows, *spec) for key, spec in TOLLS.items()},
            "am_n_outcomes": prose.count(len(rows), rows["outcome_id"]),
            "am_outcomes_span": prose.date_range(rows["date"].min(), rows["date"].max(), rows["outcome_id"]),
        }
    )
    drawn = rows[OUTCOMES_DRAWN]
    chart = outcomes_chart(drawn, list(labels("questions")))
    busiest = rows["label"].value_counts()
    s.add(
        "aftermath-outcomes",
        figure(
            "aftermath-outcomes",
            chart,
            drawn,
            caption=(
                f"What happened after the fall, {prose.fmt_date_range(rows['date'].min(), rows['date'].max())}: "
                f"{prose.plural(len(rows), 'report')} on {prose.count_word(rows['question'].nunique())} questions; "
                f"{busiest.index[0]} has the most ({busiest.iloc[0]})."
            ),
            alt_text=(
                "Timeline with one row per question ("
                + ", ".join(labels("questions"))
                + "); each mark is one reported development, placed at its date."
            ),
            sources=list(dict.fromkeys(rows["source_id"])),
        ),
    )
    s.add(
        "aftermath-outcomes-table",
        folded_table(
            rows[["label", "date", "date_precision", "status", "publisher", "outcome_id"]],
            caption=(
                f"What happened after the fall, by question, {fmt_range_dates(rows)}, one row per report (each row "
                "links to its report's words and source on the evidence page)"
            ),
            labels=OUTCOME_LABELS,
            noun="reports",
        ),
    )
    return s


def fmt_range_dates(rows: pd.DataFrame) -> str:
    return prose.fmt_date_range(rows["date"].min(), rows["date"].max())


OUTCOME_KEYS_COAST = "coastal killings (monitor count)"


def hezbollah_call(forecasts: pd.DataFrame) -> pd.Series:
    """The earliest forecast by a government on neither side that we read as wrong (the Israeli intelligence call
    on Hezbollah); raises unless exactly one forecast is the earliest."""
    pick = forecasts[
        (forecasts["forecaster_kind"] == "government")
        & (forecasts["forecaster_side"] == "other")
        & (forecasts["outcome"] == "wrong")
    ]
    published = pd.to_datetime(pick["published"])
    pick = pick[published == published.min()]
    if len(pick) != 1:
        raise LookupError(f"expected one such forecast, found {len(pick)}")
    return pick.iloc[0]


def hezbollah(t: Tables) -> Section:
    """What Hezbollah did, for the prose that explains our reading of the forecast that it would defend Assad."""
    call = hezbollah_call(t.forecasts)
    sent = t.figures[t.figures["metric"] == "hezbollah_fighters_sent"]
    out = t.events[(t.events["actor_id"] == "hezbollah") & (t.events["category"] == "ally_withdrawal")]
    return Section(
        values={
            "am_hez_call_who": prose.text(call["forecaster"].split(" (")[0], call),
            "am_hez_call_date": prose.date(call["published"], call),
            "am_hez_sent": prose.number(sent["value"].max(), sent["figure_id"]),
            "am_hez_out": prose.date_range(out["date"].min(), out["date"].max(), out["event_id"]),
        }
    )


def _came_true(part: pd.DataFrame) -> tuple[prose.Value, prose.Value]:
    """How many forecasts ``part`` holds, and how many of them came true (by our reading), citing them all."""
    ids = part["forecast_id"]
    return prose.count(len(part), ids), prose.count(int((part["outcome"] == "right").sum()), ids)


def _said_on(rows: pd.DataFrame, when: pd.Timestamp) -> prose.Value:
    """The date a statement of intent in ``rows`` was published, citing those published that day; the prose names
    the speaker as a government's own (army, ministry), so a day whose statements are not all a government's is an
    error."""
    day = rows[rows["published"] == when]
    if not day["forecaster_kind"].eq("government").all():
        raise LookupError(f"statements of {when:%Y-%m-%d} are not all a government's")
    return prose.date(when, day["forecast_id"])


def foresight(t: Tables) -> Section:
    """What was said before the fall, told: the government side's first and last statements of intent, and how the
    forecasts made before and after Hama fell turned out."""
    hama = events_of(t.events, "city_captured", place="hama")
    day, scored = hama["date"].min(), t.scored
    gov = scored[scored["intent"] & (scored["forecaster_side"] == "government")]
    forecasts = scored[~scored["intent"]]
    before_n, before_right = _came_true(forecasts[forecasts["published"] < day])
    after_n, after_right = _came_true(forecasts[forecasts["published"] >= day])
    return Section(
        values={
            "am_hama_fell": on_day(hama),
            "am_before_n": before_n,
            "am_before_right": before_right,
            "am_after_n": after_n,
            "am_after_right": after_right,
            "am_gov_first_date": _said_on(gov, gov["published"].min()),
            "am_gov_last_date": _said_on(gov, gov["published"].max()),
        }
    )


@dataclass(frozen=True)
class Tables:
    """What the sections read: the tables, loaded once, and the forecasts scored once."""

    forecasts: pd.DataFrame
    outcomes: pd.DataFrame
    scale: pd.DataFrame  # likelihood_scale.csv
    sources: pd.DataFrame
    figures: pd.DataFrame
    events: pd.DataFrame
    scored: pd.DataFrame  # the forecasts with their probability rule and Brier score

    @property
    def cited_figures(self) -> pd.DataFrame:
        """The figures with their source's grade and originator (what ``rows.figures.latest`` ranks by)."""
        return with_sources(self.figures, self.sources)


def what_next(t: Tables) -> Section:
    """The page's opening: when Assad left Damascus and reached Moscow, and how many questions the page follows."""
    exit_ = t.events[t.events["category"] == "assad_exit"]
    if exit_.empty:
        raise LookupError("no event records Assad's exit")
    return Section(
        values={
            "am_assad_exit_date": on_day(exit_, "last"),  # in Moscow, granted asylum
            "am_assad_left_date": on_day(exit_, "first"),  # the last word from him and the plane out of Damascus
            "am_n_questions": prose.count(t.outcomes["question"].nunique(), t.outcomes["outcome_id"]),
        }
    )


# --- The months after the fall, told from fact rows selected by category, actor, place and topic ---------------

AFTER = "aftermath"  # the topic of the rows on what followed the fall


def events_of(
    events: pd.DataFrame, category: str, *, actor: str | None = None, place: str | None = None, topic: str | None = None
) -> pd.DataFrame:
    """The event rows of one category (and actor, place, topic where given), oldest first; a LookupError if none."""
    rows = events[events["category"] == category]
    for column, wanted in (("actor_id", actor), ("place_id", place), ("topic", topic)):
        if wanted is not None:
            rows = rows[rows[column] == wanted]
    if rows.empty:
        raise LookupError(f"no {category} event for actor={actor}, place={place}, topic={topic}")
    return rows.sort_values(["date", "event_id"])


def on_day(rows: pd.DataFrame, which: str = "first", *, also: pd.DataFrame | None = None) -> prose.Value:
    """The date of the first (or last) of ``rows``, citing every report of that day (and ``also``'s reports of the
    same day); given to the day when any of them gives the day, else at their own precision ("about ...")."""
    day = rows["date"].min() if which == "first" else rows["date"].max()
    same = rows[rows["date"] == day]
    if also is not None:
        same = pd.concat([same, also[also["date"] == day]]).drop_duplicates("event_id")
    precision = "day" if same["date_precision"].eq("day").any() else same["date_precision"].iloc[0]
    return prose.date(day, same["event_id"], precision=precision)


def _figure(
    figures: pd.DataFrame, metric: str, key: str, date_key: str | None = None, **where: str
) -> dict[str, prose.Value]:
    """The latest figure of ``metric`` (restricted by column=value pairs in ``where``) under ``key``, and the date
    it was given under ``date_key`` where one is named."""
    rows = of_metric(figures, metric)
    for column, wanted in where.items():
        rows = rows[rows[column] == wanted]
    row = latest(rows, metric)
    out = {key: prose.number(row["value"], row)}
    if date_key:
        out[date_key] = prose.date(row["as_of"], row, precision=row["as_of_precision"])
    return out


def prisons(t: Tables) -> Section:
    """Sednaya opened, families searching, and SNHR's count of the prisoners freed and of the missing."""
    sednaya = events_of(t.events, "prison_opened", place="sednaya-prison")
    return Section(
        values={
            "am_sednaya_date": on_day(sednaya, "first"),
            "am_sednaya_search_date": on_day(sednaya, "last"),
            "am_families_date": on_day(events_of(t.events, "families_search")),
            **_figure(t.cited_figures, "prisoners_released_2024", "am_released", "am_released_date"),
            **_figure(t.cited_figures, "forcibly_disappeared_remaining", "am_missing"),
        }
    )


def state(t: Tables) -> Section:
    """The new rulers take over: the curfew lifted, a defence minister, the factions folded into one army, soldiers
    who fled to Iraq sent home."""
    command = events_of(t.events, "command_structure", topic=AFTER)
    return Section(
        values={
            "am_curfew_lifted_date": on_day(events_of(t.events, "services_disrupted", topic=AFTER)),
            "am_defence_minister_date": on_day(command[command["actor_id"] == "hts"]),
            "am_factions_agree_date": on_day(command[command["actor_id"] == "military-operations-command"]),
            "am_factions_dissolved_date": on_day(command, "last"),
            **_figure(t.cited_figures, "soldiers_returned_from_iraq", "am_soldiers_back", "am_soldiers_back_date"),
        }
    )


def contacts(t: Tables) -> Section:
    """December 2024: Washington talks to HTS while it stays listed; London says it may reconsider its ban; the
    US memo revoking the designation, and the UN committee's delisting of HTS itself."""
    listed = events_of(t.events, "terror_designation", topic=AFTER)
    us = listed[listed["actor_id"] == "united-states"]
    hts = listed[listed["actor_id"] == "hts"]
    return Section(
        values={
            "am_us_not_reviewing_date": on_day(us, "first", also=listed),  # Russia at the UN the same day
            "am_blinken_date": on_day(events_of(t.events, "ally_statement", actor="united-states", topic=AFTER)),
            "am_bounty_date": on_day(us[us["date"].dt.year == us["date"].min().year], "last"),  # the fall's year
            "am_uk_reconsider_date": on_day(hts, "first"),
            "am_fto_memo_date": on_day(us, "last"),
            "am_un_hts_date": on_day(hts, "last"),
        }
    )


def israel_ground(t: Tables) -> Section:
    """Israel stays past the buffer zone after the first days: Katz on the Hermon, tanks in Quneitra, the depth of
    the push beyond the zone, the UN's concern."""
    held = events_of(t.events, "occupation_extended", actor="israel")
    quneitra = held[held["place_id"] == "quneitra"]
    return Section(
        values={
            "am_katz_winter_date": on_day(held[held["place_id"] == "mount-hermon"], "last"),
            "am_khan_arnabah_date": on_day(quneitra, "first"),
            "am_weapons_demand_date": on_day(quneitra, "last"),
            **_figure(t.cited_figures, "military_km", "am_beyond_km", place_id="quneitra", topic=AFTER),
            "am_guterres_date": on_day(events_of(t.events, "un_statement", topic=AFTER), "last"),
        }
    )


def build() -> Page:
    theme.apply()
    forecasts_, outcomes, scale = load("forecasts"), load("outcomes"), load("likelihood_scale")
    t = Tables(
        forecasts_,
        outcomes,
        scale,
        load("sources"),
        load("figures"),
        load("events"),
        score_forecasts(forecasts_, scale),
    )
    coast = outcomes[(outcomes["question"] == "minorities") & (outcomes["status"] == OUTCOME_KEYS_COAST)]
    last = outcomes["date"].max()
    closing = {
        "am_coast_month": prose.date(coast["date"].min(), coast["outcome_id"], precision="month"),
        "am_as_of": prose.date(last, outcomes.loc[outcomes["date"] == last, "outcome_id"]),
    }
    page = Page.of(
        what_next(t),
        prisons(t),
        state(t),
        contacts(t),
        israel_ground(t),
        foresight(t),
        forecast_record(t),
        outcomes_tracker(t),
        returns(t),
        hezbollah(t),
        Section(values=closing),
        judged("aftermath", JUDGMENTS),
    )
    page.headline(
        "am_assad_exit_date",
        "am_president_date",
        "am_caesar_repealed_date",
        "am_sdf_integration_date",
        "am_israel_stay_date",
    )
    return page
