"""The Arabic page on what happened next (``book/ar/aftermath.ipynb``): ``build() -> Page``.

It tells what the English aftermath chapter tells, from the same rows: each value is the English section's value
(:mod:`hamabook.chapters.aftermath`, whose selections and rules pick the rows), worded again in Arabic from those
rows (:mod:`hamabook.chapters.ar._worded`, and below for what it does not word: a last report, a span of days, a
forecast's publication day, a count of forecasts that came true); the judgments J10, J11, J12 and J14 in full, from
``data/translations.csv`` (:mod:`hamabook.chapters.ar._judged`).
"""

from __future__ import annotations

import pandas as pd

from ...charts import theme
from ...data import load
from ...output import arabic
from ...output.figure import figure
from ...output.prose import Value
from ...rows.arabic import scale_word
from ...rows.select import labels
from ...rows.translations import translations
from .. import aftermath as en
from ..page import Page, Section
from . import _figures, _judged
from ._worded import Worded

LANG = "ar"
CHAPTER = "aftermath"
FORECAST = arabic.Noun("توقع", "توقعين", "توقعات", "توقعاً")
STATEMENT = arabic.Noun("تصريح", "تصريحين", "تصريحات", "تصريحاً")
QUESTION = arabic.Noun("مسألة", "مسألتين", "مسائل", "مسألة")
KM = arabic.Noun("كيلومتر", "كيلومترين", "كيلومترات", "كيلومتراً")
# The judgments the bottom line and the closing list cite: the English page's (tests/test_ar_aftermath.py).
JUDGMENTS = {"j10_verdict": "J10", "j11_verdict": "J11", "j12_verdict": "J12", "j14_verdict": "J14"}

# The values the page words as the date of its rows' first report (the English selections' first, or the day's
# reports of one event).
FIRST = (
    "am_assad_exit_date",
    "am_assad_left_date",
    "am_hama_fell",
    "am_fell_date",
    "am_caretaker_date",
    "am_president_date",
    "am_declaration_date",
    "am_government_date",
    "am_elections_date",
    "am_coast_monitor_date",
    "am_coast_un_date",
    "am_church_date",
    "am_israel_strike_date",
    "am_suwayda_first_date",
    "am_us_not_reviewing_date",
    "am_blinken_date",
    "am_bounty_date",
    "am_fto_memo_date",
    "am_fto_date",
    "am_uk_delist_date",
    "am_un_delist_date",
    "am_un_hts_date",
    "am_eu_decision_date",
    "am_us_ended_date",
    "am_caesar_repealed_date",
    "am_katz_winter_date",
    "am_weapons_demand_date",
    "am_israel_stay_date",
    "am_paris_date",
    "am_incursions_date",
    "am_sdf_signed_date",
    "am_sdf_pullback_date",
    "am_sdf_integration_date",
    "am_qamishli_date",
    "am_moscow_talks_date",
    "am_seizure_date",
    "am_sednaya_date",
    "am_sednaya_search_date",
    "am_families_date",
    "am_curfew_lifted_date",
    "am_defence_minister_date",
    "am_factions_agree_date",
    "am_factions_dissolved_date",
    "am_as_of",
)


def tables() -> Worded:
    """The English page's values, as its ``build()`` inserts them (its sections and its closing values)."""
    w = Worded(dict(en.build().values))
    _precise(w.rows)
    return w


def _precise(rows: pd.DataFrame) -> None:
    """Give outcome rows their ``date_precision`` and figures their ``as_of_precision`` (the shared helper words
    both to the day; the English page words them at the precision the source gives: 'April 2025', 'about ...')."""
    outcomes = load("outcomes").set_index("outcome_id")["date_precision"]
    figures = load("figures").set_index("figure_id")["as_of_precision"]
    for precision in (outcomes, figures):
        held = precision[precision.index.isin(rows.index)].dropna()
        rows.loc[held.index, "date_precision"] = held


def _rows(w: Worded, key: str) -> pd.DataFrame:
    return w.rows.loc[list(w.en[key].rows)].sort_values("date", kind="stable")


def _last(w: Worded, key: str) -> Value:
    """The date of the last report the English value rests on (a status's last report), at its precision."""
    row = _rows(w, key).iloc[-1]
    return arabic.date(row["date"], w.en[key].rows, precision=row["date_precision"])


def _month(w: Worded, key: str) -> Value:
    """The month of the first report the English value rests on."""
    return arabic.date(_rows(w, key)["date"].min(), w.en[key].rows, precision="month")


def _span(w: Worded, key: str, column: str = "date") -> Value:
    """The first and last day of the rows (fact rows, or forecasts by ``published``) an English range rests on."""
    rows = _forecasts(w, key) if column == "published" else _rows(w, key)
    return arabic.date_range(rows[column].min(), rows[column].max(), w.en[key].rows)


def _forecasts(w: Worded, key: str) -> pd.DataFrame:
    forecasts = load("forecasts").set_index("forecast_id")
    out = forecasts.loc[list(w.en[key].rows)]
    out["published"] = pd.to_datetime(out["published"])
    return out


def _published(w: Worded, key: str) -> Value:
    """The day the statements an English value rests on were published (one day: the English rule)."""
    days = _forecasts(w, key)["published"].unique()
    if len(days) != 1:
        raise ValueError(f"{key}: statements of {len(days)} days, not one")
    return arabic.date(days[0], w.en[key].rows)


def _count(w: Worded, key: str, noun: arabic.Noun | None = None, *, right: bool = False) -> Value:
    """How many forecasts the English value counts (its rows), or how many of them came true (``right``)."""
    rows = _forecasts(w, key)
    n = int((rows["outcome"] == "right").sum()) if right else len(rows)
    return arabic.counted(n, noun, w.en[key].rows) if noun else arabic.number(n, w.en[key].rows)


def _of_all(w: Worded, key: str) -> Value:
    """How many of the statements an English value rests on came true, as the clause the sentence needs: none
    ('لم يتحقق أيٌّ منها'), all ('تحققت كلها') or some ('تحقق منها 3')."""
    rows = _forecasts(w, key)
    k, n = int((rows["outcome"] == "right").sum()), len(rows)
    if k == 0:
        words = "لم يتحقق أيٌّ منها"
    elif k == n:
        words = "تحققت كلها"
    else:
        words = f"تحقق منها {arabic.fmt_number(k)}"
    return arabic.text(words, w.en[key].rows)


def _toll(w: Worded, key: str) -> Value:
    """A toll the English page reads from its report's words ('1,334'), as a number."""
    return arabic.number(int(w.en[key].text.replace(",", "")), w.en[key].rows)


def build() -> Page:
    theme.apply()
    w = tables()
    return Page.of(story(w), foresight(w), figures(), evidence(w), _judged.judged(CHAPTER, JUDGMENTS), lang=LANG)


# The charts' words: titles and the drawn columns their tooltips name.
CHART_WORDS = {
    "Probability stated (band midpoint)": "الاحتمال المُعلن (منتصف الفئة)",
    "Share that came true": "نسبة ما صدق منها",
    "Forecasts": "التوقعات",
    "term": "كلمة الاحتمال",
    "forecasts": "التوقعات",
    "came_true": "ما صدق",
    "share_true": "نسبة ما صدق",
    "label": "المسألة",
}


def figures() -> Section:
    """The English page's charts (its forecasts scored by its rule, its outcome rows), right to left, in Arabic."""
    scale, sources = load("likelihood_scale"), load("sources")
    scored = en.score_forecasts(load("forecasts"), scale)
    said = _figures.voice(CHART_WORDS)
    s = Section()
    s.add("aftermath-calibration", calibration_figure(scored, scale, said))
    s.add("aftermath-outcomes", outcomes_figure(en.outcome_rows(load("outcomes"), sources), said))
    return s


def calibration_figure(scored: pd.DataFrame, scale: pd.DataFrame, said):
    """Each likelihood band at its midpoint against the share of its forecasts that came true."""
    done = scored[scored["scored"]]
    cal = en.calibration(scored, scale)
    drawn = cal[en.CALIBRATION_DRAWN].assign(term=[scale_word("likelihood", t) for t in cal["term"]])
    bands = "؛ ".join(f"{r.term}: {r.came_true} من {r.forecasts}" for r in drawn.itertuples())
    return figure(
        "aftermath-calibration",
        en.calibration_chart(drawn, said),
        drawn,
        caption=f"من بين {arabic.count(len(done), FORECAST)} استعملت كلمة احتمال قرأناها على سلّم الاحتمالات، صدق "
        f"{arabic.fmt_number(int(cal['came_true'].sum()))}؛ وبحسب الفئة: {bands}.",
        alt_text="مخطط معايرة: كل دائرة فئة احتمال، موضعها الأفقي منتصف احتمالها والعمودي نسبة ما صدق من توقعاتها، "
        f"وحجمها عدد التوقعات؛ والقطر المتقطع موضع المعايرة التامة. {bands}.",
        sources=list(dict.fromkeys(done["source_id"])) + list(dict.fromkeys(done["outcome_source_id"])),
        lang=LANG,
    )


def outcomes_figure(rows: pd.DataFrame, said):
    """What happened after the fall, question by question: the English page's outcome rows on a timeline."""
    questions = translations("questions", "label")
    drawn = rows[en.OUTCOMES_DRAWN].assign(label=rows["question"].map(questions))
    busiest = drawn["label"].value_counts()
    order = [questions[q] for q in labels("questions").index]
    return figure(
        "aftermath-outcomes",
        en.outcomes_chart(drawn, order, said),
        drawn,
        caption=f"ما جرى بعد السقوط، {arabic.fmt_date_range(drawn['date'].min(), drawn['date'].max())}: "
        f"{arabic.count(len(drawn), arabic.REPORT)} عن {arabic.count(rows['question'].nunique(), QUESTION)}، "
        f"أكثرها في «{busiest.index[0]}» ({arabic.fmt_number(int(busiest.iloc[0]))}).",
        alt_text=f"خط زمني فيه صف لكل مسألة ({arabic.join_words(order)})، والزمن يجري من اليمين إلى اليسار؛ كل علامة "
        "تطوّر واحد أفاد به تقرير، في تاريخه.",
        sources=list(dict.fromkeys(rows["source_id"])),
        lang=LANG,
    )


def story(w: Worded) -> Section:
    """What followed the fall: the prisons, the new state, the killings, the world's turn, Israel, the north-east."""
    return Section(
        values={
            **{key: w.day(key) for key in FIRST},
            "am_suwayda_last_date": _last(w, "am_suwayda_last_date"),
            "am_coast_month": _month(w, "am_coast_month"),
            "am_coast_dead": _toll(w, "am_coast_dead"),
            "am_suwayda_dead": _toll(w, "am_suwayda_dead"),
            "am_released": w.figure("am_released"),
            "am_released_date": w.day("am_released_date"),
            "am_missing": w.figure("am_missing"),
            "am_soldiers_back": w.figure("am_soldiers_back"),
            "am_soldiers_back_date": w.day("am_soldiers_back_date"),
            "am_beyond_km": w.figure("am_beyond_km", KM),
            "am_refugee_returns": w.figure("am_refugee_returns"),
            "am_refugee_returns_date": w.day("am_refugee_returns_date"),
            "am_idp_returns": w.figure("am_idp_returns"),
        }
    )


def foresight(w: Worded) -> Section:
    """What was said before the fall: the government side's promises, and how the forecasts fared."""
    gov_n = _forecasts(w, "am_intent_gov_n")
    return Section(
        values={
            "am_gov_first_date": _published(w, "am_gov_first_date"),
            "am_gov_last_date": _published(w, "am_gov_last_date"),
            "am_intent_gov_n": arabic.counted(len(gov_n), STATEMENT, w.en["am_intent_gov_n"].rows),
            "am_intent_gov_right": _of_all(w, "am_intent_gov_right"),
            "am_before_n": _count(w, "am_before_n", FORECAST),
            "am_before_right": _count(w, "am_before_right", right=True),
            "am_after_n": _count(w, "am_after_n", FORECAST),
            "am_after_right": _count(w, "am_after_right", right=True),
            "am_hez_call_date": _published(w, "am_hez_call_date"),
            "am_hez_sent": w.figure("am_hez_sent", how="max"),
            "am_hez_out": _span(w, "am_hez_out"),
            "am_n_statements": _count(w, "am_n_statements", STATEMENT),
            "am_published_span": _span(w, "am_published_span", "published"),
        }
    )


def evidence(w: Worded) -> Section:
    """How many reports the developments rest on, on how many questions, over which days."""
    n_questions = load("outcomes").set_index("outcome_id").loc[list(w.en["am_n_questions"].rows), "question"]
    return Section(
        values={
            "am_n_outcomes": arabic.counted(len(w.en["am_n_outcomes"].rows), arabic.REPORT, w.en["am_n_outcomes"].rows),
            "am_n_questions": arabic.counted(n_questions.nunique(), QUESTION, w.en["am_n_questions"].rows),
            "am_outcomes_span": _span(w, "am_outcomes_span"),
        }
    )
