"""The Arabic "why the government fell so fast, and when" (``book/ar/argument.ipynb``): ``build() -> Page``.

It weighs what the English chapter (:mod:`hamabook.chapters.argument`) weighs, from the same rows: each value is
the English section's value, whose selection gives the rows, written again in Arabic. The causes and the
explanations tested are the rows of ``causes.csv`` and ``hypotheses.csv`` in their Arabic words from
``data/translations.csv`` (:mod:`hamabook.rows.translations`); the judgments are shown in full by the boxes of
:func:`hamabook.chapters.ar.battle.judged` (see that module for why the page renders them itself).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ...charts import theme
from ...data import load
from ...output import arabic
from ...output.figure import figure, table
from ...output.prose import Value
from ...rows.select import days_between, modal_date
from ...rows.translations import translated
from .. import argument as en
from ..page import Page, Section
from ._figures import voice
from .battle import judged

LANG = "ar"
# The judgments the bottom line cites: the English page's (tests/test_ar_argument.py holds them equal).
BOTTOM_LINE = {"j16_verdict": "J16", "j09_verdict": "J09"}
# Counted nouns the edition's helper does not have yet (the forms arabic.count wants).
CAUSE = arabic.Noun("سبب", "سببين", "أسباب", "سبباً")
EXPLANATION = arabic.Noun("تفسير", "تفسيرين", "تفسيرات", "تفسيراً")


@dataclass(frozen=True)
class Tables:
    t: en.Tables
    causes: pd.DataFrame
    en: dict[str, Value]  # the English page's values, by key
    dated: pd.DataFrame  # row_id, date (figures: as_of) of every fact row


def tables() -> Tables:
    t = en.tables()
    causes, events, figures = load("causes"), load("events"), load("figures")
    sections = (en.why_so_fast(causes), en.moments(events, figures), en.ranking(t), en.sensitivity(t))
    values = {k: v for s in sections for k, v in s.values.items()}
    dated = pd.concat(
        [
            events.rename(columns={"event_id": "row_id"})[["row_id", "date"]],
            load("control_changes").rename(columns={"change_id": "row_id"})[["row_id", "date"]],
            figures.rename(columns={"figure_id": "row_id", "as_of": "date"})[["row_id", "date"]],
        ],
        ignore_index=True,
    )
    return Tables(t, causes, values, dated)


def _dates(a: Tables, key: str) -> pd.Series:
    rows = a.dated.loc[a.dated["row_id"].isin(a.en[key].rows), "date"]
    if rows.empty:
        raise LookupError(f"{key}: the English value rests on no dated row")
    return rows


def label(hypothesis_id: str) -> str:
    return translated("hypotheses", hypothesis_id, "label")


def build() -> Page:
    theme.apply()
    a = tables()
    return Page.of(
        causes(a),
        moments(a),
        ranking(a),
        judged("argument", BOTTOM_LINE),
        explanations(a),
        Section(shows={"ach-matrix": matrix_figure(a)}),
        lang=LANG,
    )


# The matrix's words: its legend, the three ratings, and the drawn columns its tooltip names.
MATRIX_WORDS = {
    "The evidence is": "الدليل",
    "consistent": "متّسق مع التفسير",
    "inconsistent": "متعارض مع التفسير",
    "neutral": "محايد",
    "label": "التفسير",
    "evidence": "الدليل",
    "kind": "نوع الدليل",
    "rating": "الحكم",
    "note": "ملاحظة",
}


def matrix_figure(a: Tables):
    """The English page's matrix of the explanations against the evidence (the same cells, rated by the same rule),
    right to left: explanations named as data/translations.csv words them, each piece of evidence by its row, date
    and originator."""
    t = a.t
    said = voice(MATRIX_WORDS)
    cells = t.cells.assign(
        label=t.cells["hypothesis_id"].map(label),
        evidence=[
            f"{arabic.fmt_date(d)} · {r} · {o}"
            for r, d, o in zip(t.cells["row_id"], t.cells["date"], t.cells["originator"])
        ],  # the date first: the row and originator, in Latin letters, then read as one run after it
    )
    drawn = said.values(cells[["hypothesis_id", "label", "row_id", "evidence", "kind", "rating", "note"]], "rating")
    order = [label(h) for h in t.ranked["hypothesis_id"]]
    best, second, n = t.ranked.iloc[0], t.ranked.iloc[1], len(t.evidence_ids)
    return figure(
        "argument-ach-matrix",
        en.matrix_chart(drawn, order, said),
        drawn,
        caption=(
            f"من بين {arabic.count(len(t.hypotheses), EXPLANATION)}، يلقى تفسير «{label(best['hypothesis_id'])}» أقلّ "
            f"عدد من الأدلة المتعارضة معه ({arabic.fmt_number(int(best['inconsistent']))} من أصل "
            f"{arabic.fmt_number(n)})، ويليه «{label(second['hypothesis_id'])}» "
            f"({arabic.fmt_number(int(second['inconsistent']))})."
        ),
        alt_text=(
            f"شبكة فيها عمود لكل تفسير ({arabic.join_words(order)})، من اليمين إلى اليسار، وصف لكل دليل، الأقدم "
            "أولاً؛ تُلوَّن الخلية بالأحمر حيث يتعارض الدليل مع التفسير، وبالأزرق حيث يتّسق معه، وبالرمادي حيث "
            "يكون محايداً."
        ),
        sources=list(dict.fromkeys(t.index.set_index("row_id").loc[t.evidence_ids, "source_id"])),
        lang=LANG,
    )


def causes(a: Tables) -> Section:
    """The causes of the speed, and the decisive one named, in the catalogue's words; the causes weighed, as a
    table."""
    c = a.causes
    decisive = c[c["weight"] == "decisive"]
    names = [translated("causes", i, "cause").split(":")[0] for i in decisive["cause_id"]]
    s = Section(
        values={
            "arg_n_causes": arabic.counted(len(c), CAUSE, table="causes"),
            "arg_decisive": arabic.text(arabic.join_words(names), a.en["arg_decisive"].rows),
        }
    )
    order = {"decisive": 0, "major": 1, "contributing": 2}
    shown = c.assign(_o=c["weight"].map(order)).sort_values(["_o", "cause_id"])
    s.add(
        "causes",
        table(
            pd.DataFrame(
                {
                    "cause": [translated("causes", i, "cause") for i in shown["cause_id"]],
                    "weight": [translated("causes", w, "weight") for w in shown["weight"]],
                    "assessment": [translated("causes", i, "assessment") for i in shown["cause_id"]],
                    "indicators": [translated("causes", i, "indicators") for i in shown["cause_id"]],
                }
            ),
            "أسباب سرعة السقوط موزونةً: الحاسم ثم الرئيسي ثم المساعد",
            {"cause": "السبب", "weight": "وزنه", "assessment": "تقديرنا", "indicators": "ما قد يغيّر تقديرنا"},
            noun="أسباب",
            fold_words=(f"عرض الأسباب كلها ({arabic.fmt_number(len(shown))})", "عرض أولها فقط"),
        ),
    )
    return s


def moments(a: Tables) -> Section:
    """The candidate turning points told as the war: Aleppo, the push-back north of Hama by each account, Hama,
    the south rising, Homs."""
    push = _dates(a, "arg_pushback_date")
    figures = load("figures").set_index("figure_id")
    depth = figures.loc[list(a.en["arg_pushback_low"].rows), "value"]
    hama = _dates(a, "arg_hama_fell")
    if hama.nunique() != 1:
        raise ValueError("arg_hama_fell: rows give more than one date")
    aleppo, homs = _dates(a, "arg_aleppo_fell"), _dates(a, "arg_homs_fell")
    return Section(
        values={
            "arg_aleppo_fell": arabic.date_range(aleppo.min(), aleppo.max(), a.en["arg_aleppo_fell"].rows),
            "arg_hama_fell": arabic.date(hama.iloc[0], a.en["arg_hama_fell"].rows),
            "arg_homs_fell": arabic.date_range(homs.min(), homs.max(), a.en["arg_homs_fell"].rows),
            "arg_pushback_low": arabic.number(depth.min(), a.en["arg_pushback_low"].rows),
            "arg_pushback_high": arabic.number(depth.max(), a.en["arg_pushback_high"].rows),
            "arg_pushback_date": arabic.date(push.max(), a.en["arg_pushback_date"].rows),
            "arg_south_rose": arabic.date(_dates(a, "arg_south_rose").min(), a.en["arg_south_rose"].rows),
        }
    )


def ranking(a: Tables) -> Section:
    """Which explanation survives and the runner-up, with their counts of inconsistent reports; the days from the
    launch to the regime's end; the sensitivity test on the strong sources alone."""
    t = a.t
    best, second = t.ranked.iloc[0], t.ranked.iloc[1]
    events = load("events")
    days = days_between(modal_date(events, "offensive_launch"), modal_date(events, "regime_end"))
    evidence = a.en["arg_n_evidence"].rows
    strong = a.en["arg_n_strong"].rows
    robust = t.strong.iloc[0]["hypothesis_id"] == best["hypothesis_id"]
    survivor = (
        f"ما زال تفسير «{label(best['hypothesis_id'])}» يلقى أقل عدد من التقارير غير المتسقة معه"
        if robust
        else f"صار تفسير «{label(t.strong.iloc[0]['hypothesis_id'])}» هو الذي يلقى أقل عدد من التقارير غير المتسقة معه"
    )
    as_of = _dates(a, "arg_as_of")
    return Section(
        values={
            "arg_days": arabic.counted(days, arabic.DAY, a.en["arg_days"].rows),
            "arg_n_hypotheses": arabic.counted(len(t.hypotheses), EXPLANATION, table="hypotheses"),
            "arg_n_evidence": arabic.counted(len(evidence), arabic.REPORT, evidence),
            "arg_survivor": arabic.text(label(best["hypothesis_id"]), a.en["arg_survivor"].rows),
            "arg_survivor_inconsistent": arabic.number(
                int(best["inconsistent"]), a.en["arg_survivor_inconsistent"].rows
            ),
            "arg_runner_up": arabic.text(label(second["hypothesis_id"]), a.en["arg_runner_up"].rows),
            "arg_runner_up_inconsistent": arabic.number(
                int(second["inconsistent"]), a.en["arg_runner_up_inconsistent"].rows
            ),
            "arg_n_strong": arabic.counted(len(strong), arabic.REPORT, strong),
            "arg_sensitivity": arabic.text(survivor, a.en["arg_sensitivity"].rows),
            "arg_as_of": arabic.date(as_of.max(), a.en["arg_as_of"].rows),
        }
    )


def explanations(a: Tables) -> Section:
    """The explanations weighed, in the catalogue's words, with the day each names as its turning point."""
    h = a.t.hypotheses
    shown = pd.DataFrame(
        {
            "label": [label(i) for i in h["hypothesis_id"]],
            "statement": [translated("hypotheses", i, "statement") for i in h["hypothesis_id"]],
            "point_date": [arabic.fmt_date(d) if not pd.isna(d) else "—" for d in h["point_date"]],
        }
    )
    s = Section()
    s.add(
        "hypotheses",
        table(
            shown,
            "التفسيرات التي وُزنت",
            {"label": "نقطة التحوّل", "statement": "التفسير", "point_date": "تاريخ تجاوزها"},
            noun="تفسيرات",
        ),
    )
    return s
