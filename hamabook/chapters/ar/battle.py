"""The Arabic battle for Hama (``book/ar/battle.ipynb``): ``build() -> Page``.

It tells what the English chapter (:mod:`hamabook.chapters.battle`) tells, from the same rows: each value is the
English section's value, whose selection gives the rows, written again in Arabic (:mod:`hamabook.output.arabic`)
from those rows' own dates and figures. Keys keep their English names.

The judgments are shown in full (statement, likelihood, confidence, the rows they rest on, assumptions,
alternative, indicators), every word of them read from ``data/translations.csv`` through
:mod:`hamabook.rows.translations`. The Arabic judgment helper (:mod:`hamabook.output.arabic_judgments`) renders the
key-judgments list and verdicts but no full box, and reads its words through :mod:`hamabook.rows.arabic`, which does
not yet read the catalogue's layout (table, key, field, lang, text); so :func:`judged` here renders the boxes and the
verdicts the prose cites from the catalogue, in the same words on the whole page.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

from ...charts import theme
from ...data import load
from ...output import arabic
from ...output.figure import block
from ...output.prose import Value
from ...rows.translations import translated
from .. import battle as en
from ..page import Page, Section
from . import _maps

LANG = "ar"
# The judgments the bottom line cites: the English page's (tests/test_ar_battle.py holds them equal).
BOTTOM_LINE = {"j09_verdict": "J09", "j08_verdict": "J08"}
# Counted nouns the edition's helper does not have yet (the forms arabic.count wants).
PLACE = arabic.Noun("موقع", "موقعين", "مواقع", "موقعاً")
KM = "كم"


# --- The judgments in full, in Arabic, from data/translations.csv ---------------------------------------------


def _words(row) -> tuple[str, str, str]:
    """The likelihood word, its band and the confidence level, in the catalogue's words."""
    return (
        translated("likelihood_scale", row.likelihood, "term"),
        arabic.band_text(row.low, row.high),
        translated("judgments", row.confidence, "confidence"),
    )


def _judgment_rows(ids) -> pd.DataFrame:
    judgments, scale = load("judgments"), load("likelihood_scale")
    rows = judgments[judgments["judgment_id"].isin(ids)].merge(
        scale[["term", "low", "high"]], left_on="likelihood", right_on="term", how="left"
    )
    missing = sorted(set(ids) - set(rows["judgment_id"]))
    if missing:
        raise KeyError(f"no judgment(s) {', '.join(missing)} in judgments.csv")
    return rows


def verdict_text(row) -> str:
    """'مرجح (55–80%)، بثقة متوسطة'."""
    word, band, confidence = _words(row)
    return f"{word} ({band})، بثقة {confidence}"


def box_html(row) -> str:
    jid = row.judgment_id
    word, band, confidence = _words(row)
    field = {f: html.escape(translated("judgments", jid, f)) for f in ("statement", "assumptions", "alternative")}
    field["indicators"] = html.escape(translated("judgments", jid, "indicators"))
    links = arabic.row_links(row.basis)
    details = (
        ("يستند إلى صفوف البيانات", links),
        ("يفترض", field["assumptions"]),
        ("البديل الذي وُزن", field["alternative"]),
        ("ما قد يغيّر تقديرنا", field["indicators"]),
    )
    items = "".join(f"<dt>{label}</dt><dd>{text}</dd>" for label, text in details)
    return (
        f'<div class="admonition hb-judgment" id="{jid.lower()}" role="note" aria-label="الحكم {jid}">'
        f'<p class="admonition-title">الحكم {arabic.isolate(jid)}</p>'
        f"<p><strong>{html.escape(word)}</strong> ({band})، بثقة {html.escape(confidence)}: "
        f"{field['statement']}.</p><dl>{items}</dl></div>"
    )


def box_markdown(row) -> str:
    jid = row.judgment_id
    return (
        f"**الحكم {jid}.** {verdict_text(row)}: {translated('judgments', jid, 'statement')}. "
        f"*يستند إلى* {'، '.join(row.basis.split())}. *يفترض* {translated('judgments', jid, 'assumptions')} "
        f"*البديل الذي وُزن* {translated('judgments', jid, 'alternative')} "
        f"*ما قد يغيّر تقديرنا* {translated('judgments', jid, 'indicators')}"
    )


def judged(chapter: str, verdicts: dict[str, str]) -> Section:
    """The chapter's judgment boxes in Arabic (keyed by id, as the English page shows them), and the verdicts its
    prose cites (``{literal key: judgment id}``), all in the catalogue's words."""
    judgments = load("judgments")
    ids = list(judgments.loc[judgments["chapter"] == chapter, "judgment_id"])
    rows = _judgment_rows(set(ids) | set(verdicts.values())).set_index("judgment_id", drop=False)
    return Section(
        values={k: Value(verdict_text(rows.loc[j]), tuple(rows.loc[j, "basis"].split())) for k, j in verdicts.items()},
        shows={j: block(box_html(rows.loc[j]), box_markdown(rows.loc[j])) for j in ids},
    )


# --- The English page's values, worded again ------------------------------------------------------------------


@dataclass(frozen=True)
class Tables:
    t: en.Tables
    en: dict[str, Value]  # the English page's values, by key
    dated: pd.DataFrame  # row_id, date, date_precision, as_of of every fact row
    figures: pd.DataFrame  # figures.csv by figure_id


def tables() -> Tables:
    t = en.tables()
    sections = (
        en.bottom_line(t),
        en.sweep(t),
        en.stand(t),
        en.counter_attack(t),
        en.high_ground(t),
        en.minority_towns(t),
        en.road_south(t),
        en.why(t),
        en.method(t),
    )
    values = {k: v for s in sections for k, v in s.values.items()}
    events, changes, figures = load("events"), load("control_changes"), load("figures")
    frames = [
        events.rename(columns={"event_id": "row_id"})[["row_id", "date", "date_precision", "as_of"]],
        changes.rename(columns={"change_id": "row_id"})[["row_id", "date", "date_precision", "as_of"]],
        figures.rename(columns={"figure_id": "row_id", "as_of_precision": "date_precision"}).assign(
            date=lambda f: f["as_of"]
        )[["row_id", "date", "date_precision", "as_of"]],
    ]
    dated = pd.concat(frames, ignore_index=True)
    return Tables(t, values, dated, figures.set_index("figure_id"))


def _rows(a: Tables, key: str) -> pd.DataFrame:
    rows = a.dated[a.dated["row_id"].isin(a.en[key].rows)]
    if rows.empty:
        raise LookupError(f"{key}: the English value rests on no dated row")
    return rows


def _precision(rows: pd.DataFrame) -> str:
    return "approximate" if (rows["date_precision"] == "approximate").all() else "day"


def one_date(a: Tables, key: str) -> Value:
    """The one day the rows of the English value ``key`` give ('about' when every one gives it approximately)."""
    rows = _rows(a, key)
    days = rows["date"].unique()
    if len(days) != 1:
        raise ValueError(f"{key}: rows give {len(days)} dates, not one")
    return arabic.date(days[0], a.en[key].rows, precision=_precision(rows))


def first_date(a: Tables, key: str) -> Value:
    """The earliest day the rows of ``key`` give (the English rule for 'at dawn on', 'by')."""
    rows = _rows(a, key)
    day = rows["date"].min()
    return arabic.date(day, a.en[key].rows, precision=_precision(rows[rows["date"] == day]))


def modal_day(a: Tables, key: str) -> Value:
    """The day most of the rows of ``key`` give (the earliest such day)."""
    rows = _rows(a, key)
    return arabic.date(rows["date"].mode().min(), a.en[key].rows)


def either(a: Tables, key: str) -> Value:
    """The days different reports give for one thing: '5 أو 6 كانون الأول/ديسمبر 2024'."""
    days = sorted(pd.Timestamp(d) for d in _rows(a, key)["date"].unique())
    if len(days) <= 2:
        return arabic.two_days(days[0], days[-1], a.en[key].rows, word=arabic.OR)
    if len({(d.year, d.month) for d in days}) == 1:
        words = f" {arabic.OR} ".join(str(d.day) for d in days[:-1]) + f" {arabic.OR} {arabic.fmt_date(days[-1])}"
    else:
        words = f" {arabic.OR} ".join(arabic.fmt_date(d) for d in days)
    return arabic.text(words, a.en[key].rows)


def span(a: Tables, key: str, start, end) -> Value:
    return arabic.date_range(start, end, a.en[key].rows)


def _figures(a: Tables, key: str) -> pd.DataFrame:
    return a.figures.loc[[r for r in a.en[key].rows if r in a.figures.index]]


def km_range(low: float, high: float) -> str:
    """'3–5 كم'; one number when both ends are the same."""
    if low == high:
        return f"{arabic.fmt_number(low)} {KM}"
    return f"{arabic.fmt_number(low)}–{arabic.fmt_number(high)} {KM}"


def places(a: Tables, key: str) -> int:
    """How many places the control reports among the rows of ``key`` name."""
    changes = a.t.changes
    return changes.loc[changes["change_id"].isin(a.en[key].rows), "place_id"].nunique()


# --- The page ---------------------------------------------------------------------------------------------------


def build() -> Page:
    theme.apply()
    a = tables()
    return Page.of(
        judged("battle", BOTTOM_LINE),
        story(a),
        numbers(a),
        method(a),
        Section(shows=_maps.battle_figures(a.t)),
        lang=LANG,
    )


def story(a: Tables) -> Section:
    """The dates the story tells, from the launch to the fall of Homs."""
    start, end, _ = en._stand_days(a.t)  # the English rule for the stand north of Hama
    return Section(
        values={
            "battle_stand": span(a, "battle_stand", start, end),
            "battle_hama_fall": modal_day(a, "battle_hama_fall"),
            "battle_launch_day": one_date(a, "battle_launch_day"),
            "battle_sweep_day": one_date(a, "battle_sweep_day"),
            "battle_dig_in_day": one_date(a, "battle_dig_in_day"),
            "battle_third_day": one_date(a, "battle_third_day"),
            "battle_counter_day": one_date(a, "battle_counter_day"),
            "battle_zayn_dawn": first_date(a, "battle_zayn_dawn"),
            "battle_salamiyah_day": first_date(a, "battle_salamiyah_day"),
            "battle_mhardeh_days": either(a, "battle_mhardeh_days"),
            "battle_deal_day": one_date(a, "battle_deal_day"),
            "battle_envoy_day": one_date(a, "battle_envoy_day"),
            "battle_south_day": one_date(a, "battle_south_day"),
            "battle_homs_days": either(a, "battle_homs_days"),
            "battle_columns_day": one_date(a, "battle_columns_day"),
            "battle_banks_day": one_date(a, "battle_banks_day"),
        }
    )


def numbers(a: Tables) -> Section:
    """The counts and distances: places lost on the first day, the gates of Hama, the counter-attack's depth by
    every estimate, the ring around the city, Hama to Homs."""
    gates = _figures(a, "battle_gates_km")["value"]
    depth = _figures(a, "battle_depth_range")["value"]
    ring = _figures(a, "battle_ring_km")
    apart = _figures(a, "battle_homs_km")["value"]
    return Section(
        values={
            "battle_sweep_n": arabic.counted(places(a, "battle_sweep_n"), PLACE, a.en["battle_sweep_n"].rows),
            "battle_gates_km": arabic.number(gates.min(), a.en["battle_gates_km"].rows),
            "battle_depth_range": arabic.text(
                f"{arabic.fmt_number(depth.min())} {arabic.AND}{arabic.fmt_number(depth.max())} {KM}",
                a.en["battle_depth_range"].rows,
            ),
            "battle_ring_km": arabic.text(km_range(ring["low"].min(), ring["high"].max()), a.en["battle_ring_km"].rows),
            "battle_homs_km": arabic.text(km_range(apart.min(), apart.max()), a.en["battle_homs_km"].rows),
        }
    )


def method(a: Tables) -> Section:
    """The method note: how many reports of places changing hands, of how many places, read up to when."""
    rows = a.dated[a.dated["row_id"].isin(a.en["battle_as_of"].rows)]
    return Section(
        values={
            "battle_reports_n": arabic.counted(
                len(a.en["battle_reports_n"].rows), arabic.REPORT, a.en["battle_reports_n"].rows
            ),
            "battle_places_n": arabic.counted(places(a, "battle_places_n"), PLACE, a.en["battle_places_n"].rows),
            "battle_as_of": arabic.date(rows["as_of"].max(), a.en["battle_as_of"].rows),
        }
    )
