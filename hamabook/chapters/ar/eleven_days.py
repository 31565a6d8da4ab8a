"""The Arabic eleven days (``book/ar/eleven_days.ipynb``): ``build() -> Page``.

The campaign from Idlib to Damascus told again for Arabic readers from the English chapter's rows: every value is
the value of the same key on the English page (:mod:`hamabook.chapters.eleven_days`, whose section functions select
the rows), and only written again in Arabic (:mod:`hamabook.output.arabic`): a date from the dates its rows give, at
their precision; a figure a report gives in passing from the English page's own words for it. The judgments the
chapter cites are shown in full in Arabic, from ``data/translations.csv`` (:func:`judgment_boxes`).
"""

from __future__ import annotations

import html
import re

import pandas as pd

from ...charts import theme
from ...data import load
from ...output import arabic
from ...output.figure import block
from ...output.judgments import with_bands
from ...output.prose import Value
from ...output.render import md_escape
from ...rows.translations import translated
from .. import eleven_days as en
from ..page import Page, Section
from . import _maps
from ._english import Dated, dated_rows, values_of

LANG = "ar"
# The judgments the English chapter cites, by the keys its prose uses (tests/test_ar_eleven_days.py holds them equal).
JUDGMENTS = {"j15_verdict": "J15", "j16_verdict": "J16", "j09_verdict": "J09", "j10_verdict": "J10"}
FACTION = arabic.Noun("فصيل", "فصيلين", "فصائل", "فصيلاً")
PLACE = arabic.Noun("مكان", "مكانين", "أماكن", "مكاناً")
PERSON = arabic.Noun("شخص", "شخصين", "أشخاص", "شخصاً")
PRISONER = arabic.Noun("سجين", "سجينين", "سجناء", "سجيناً")
NUMBER_WORDS = ("none", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")  # house style
# How the English page qualifies a figure a report gives in passing, in Arabic.
QUALIFIERS = {"about": "نحو", "more than": "أكثر من", "up to": "ما يصل إلى", "": ""}


Tables = Dated


def tables() -> Tables:
    t = en.tables()
    sections = (
        en.bottom_line, en.origins, en.idlib, en.command, en.launch, en.aleppo, en.north, en.hama,
        en.south_and_east, en.homs, en.damascus, en.what_it_means, en.method,
    )  # fmt: skip
    return Tables(t, values_of(t, sections), dated_rows(t))


# --- Values: the English page's, worded in Arabic ---------------------------------------------------------------


def _rows(a: Tables, key: str) -> pd.DataFrame:
    rows = a.dated[a.dated["row_id"].isin(a.en[key].rows)]
    if rows.empty:
        raise LookupError(f"{key}: the English value rests on no dated row")
    return rows


def either_text(days) -> str:
    """Every date reports give for one event, joined by أو: '5 أو 6 كانون الأول/ديسمبر 2024',
    '30 تشرين الثاني/نوفمبر أو 1 كانون الأول/ديسمبر 2024'."""
    days = sorted({pd.Timestamp(d) for d in days})
    parts = []
    for d, after in zip(days, [*days[1:], None]):
        if after is None or d.year != after.year:
            parts.append(arabic.fmt_date(d))
        elif d.month == after.month:
            parts.append(f"{d.day}")
        else:
            parts.append(f"{d.day} {arabic.month_name(d.month)}")
    return f" {arabic.OR} ".join(parts)


def when(a: Tables, key: str, precision: str | None = None) -> Value:
    """The date(s) the rows of the English value ``key`` give: one date at its precision (the English page's
    rule: the most exact precision the rows give), or every date they give, joined by أو."""
    rows = _rows(a, key)
    days = rows["date"].dropna().unique()
    if len(days) > 1:
        return arabic.text(either_text(days), a.en[key].rows)
    if precision is None:
        exact = [p for p in ("day", "month", "year") if p in set(rows["date_precision"])]
        precision = exact[0] if exact else "approximate"
    return arabic.date(days[0], a.en[key].rows, precision=precision)


def span(a: Tables, key: str) -> Value:
    """The first to the last day the rows of the English value ``key`` give, as a range."""
    rows = _rows(a, key)
    return arabic.date_range(rows["date"].min(), rows["date"].max(), a.en[key].rows)


def amount(a: Tables, key: str, noun: arabic.Noun | None = None) -> Value:
    """A figure the English page quotes from its rows ('about 24,000', '40 years'), its number and qualifier in
    Arabic; with ``noun``, counted with it."""
    text = a.en[key].text
    found = re.fullmatch(r"(about|more than|up to|)\s*([\d,.]+)(?:\s+\w+)?", text)
    if not found:
        raise ValueError(f"{key}: cannot read a figure in {text!r}")
    n = float(found.group(2).replace(",", ""))
    number = arabic.count(int(n), noun) if noun else arabic.fmt_number(n)
    return arabic.text(f"{QUALIFIERS[found.group(1)]} {number}".strip(), a.en[key].rows)


def counts_between(a: Tables, key: str, of_what: str) -> Value:
    """The English page's range of counts ('21–32 villages, towns and positions') in Arabic: 'ما بين 21 و32'
    followed by ``of_what`` (a partitive, which takes any number); one count when the range is one number."""
    numbers = [int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", a.en[key].text)]
    low, high = arabic.fmt_number(min(numbers)), arabic.fmt_number(max(numbers))
    text = low if low == high else f"ما بين {low} و{high}"
    return arabic.text(f"{text} {of_what}", a.en[key].rows)


def month_of(a: Tables, key: str) -> Value:
    """A month the English page quotes from its rows ('March 2020'), in Arabic."""
    return arabic.text(arabic.fmt_date_at(pd.Timestamp(a.en[key].text), "month"), a.en[key].rows)


def counted(a: Tables, key: str, noun: arabic.Noun) -> Value:
    """A count the English page states (its first number, or the house style's word for one up to nine), with
    the Arabic noun."""
    text = a.en[key].text
    digits = re.search(r"\d[\d,]*", text)
    n = int(digits.group().replace(",", "")) if digits else NUMBER_WORDS.index(text.split()[0].lower())
    return arabic.counted(n, noun, a.en[key].rows)


# --- The judgments, in full, in the catalogue's Arabic --------------------------------------------------------


def _judgments(ids) -> pd.DataFrame:
    rows = with_bands(load("judgments"), load("likelihood_scale")).set_index("judgment_id")
    missing = sorted(set(ids) - set(rows.index))
    if missing:
        raise KeyError(f"no judgment(s) {', '.join(missing)} in judgments.csv")
    return rows.loc[list(ids)]


def verdict_text(row) -> str:
    """'مرجح (55–80%)، بثقة متوسطة': the likelihood and confidence words as translations.csv gives them."""
    word = translated("likelihood_scale", row.likelihood, "term")
    confidence = translated("judgments", row.confidence, "confidence")
    return f"{word} ({arabic.band_text(row.low, row.high)})، بثقة {confidence}"


def verdicts(keys: dict[str, str]) -> dict[str, Value]:
    """The verdicts the prose cites, by the English page's keys, resting on each judgment's basis."""
    rows = _judgments(keys.values())
    return {k: Value(verdict_text(rows.loc[j]), tuple(rows.loc[j, "basis"].split())) for k, j in keys.items()}


def judgment_boxes(ids) -> dict[str, object]:
    """Each judgment in full, as a box keyed by its id: verdict, statement, the rows it rests on (linking to the
    English evidence page), what it assumes, the alternative weighed and what would change it, all in the
    catalogue's Arabic (``hamabook.rows.translations``). The edition's helper (``output.arabic_judgments``) has the
    key-judgments list and the verdicts but no box, so the box is written here. Its verdict and statement stand in a
    ``div``, not a paragraph, like the rest of the box: they are the data's words, not the page's prose (the site
    test of numbers in Arabic prose leaves the key-judgments list out for the same reason)."""
    out = {}
    for jid, row in _judgments(ids).iterrows():
        text = {f: translated("judgments", jid, f) for f in ("statement", "assumptions", "alternative", "indicators")}
        links = arabic.row_links(row.basis)
        details = (
            ("يستند إلى صفوف البيانات", links),
            ("يفترض", html.escape(text["assumptions"])),
            ("البديل الذي وزنّاه", html.escape(text["alternative"])),
            ("ما قد يغيّر تقديرنا", html.escape(text["indicators"])),
        )
        items = "".join(f"<dt>{label}</dt><dd>{body}</dd>" for label, body in details)
        verdict = verdict_text(row)
        markup = (
            f'<div class="admonition hb-judgment" id="{jid.lower()}" role="note" aria-label="التقدير {jid}">'
            f'<p class="admonition-title">التقدير {html.escape(jid)}</p>'
            f'<div class="hb-judgment-statement"><strong>{html.escape(verdict)}</strong>: '
            f"{html.escape(text['statement'])}.</div><dl>{items}</dl></div>"
        )
        markdown = (
            f"**التقدير {jid}.** **{md_escape(verdict)}**: {md_escape(text['statement'])}. "
            f"*يستند إلى* {md_escape('، '.join(row.basis.split()))}. *يفترض* {md_escape(text['assumptions'])} "
            f"*البديل الذي وزنّاه* {md_escape(text['alternative'])} *ما قد يغيّر تقديرنا* {md_escape(text['indicators'])}"
        )
        out[jid] = block(markup, markdown)
    return out


# --- The page -----------------------------------------------------------------------------------------------------


def build() -> Page:
    theme.apply()
    a = tables()
    page = Page.of(
        Section(values=verdicts(JUDGMENTS), shows=judgment_boxes(JUDGMENTS.values())),
        bottom_line(a),
        who(a),
        campaign(a),
        Section(shows=_maps.campaign_figures("days")),
        after(a),
        method(a),
        lang=LANG,
    )
    latest = en.as_of(a.t, page)
    page.values["days_ar_as_of"] = arabic.date(pd.Timestamp(latest.text), latest.rows)
    return page


def bottom_line(a: Tables) -> Section:
    """The launch, Damascus and the days between them."""
    return Section(
        values={
            "days_launch": when(a, "days_launch"),
            "days_damascus": when(a, "days_damascus"),
            "days_n": counted(a, "days_n", arabic.DAY),
        }
    )


def who(a: Tables) -> Section:
    """HTS from the Nusra Front to the joint command."""
    return Section(
        values={
            "days_nusra_formed": when(a, "days_nusra_formed"),
            "days_pledge": when(a, "days_pledge"),
            "days_sharaa_month": when(a, "days_sharaa_month", precision="month"),
            "days_hts_formed": when(a, "days_hts_formed"),
            "days_hts_factions": counted(a, "days_hts_factions", FACTION),
            "days_salvation_formed": when(a, "days_salvation_formed"),
            "days_factions_n": amount(a, "days_factions_n", FACTION),
        }
    )


def campaign(a: Tables) -> Section:
    """The campaign in order: the launch, Aleppo, the turn south, Hama, the south and east, Homs, Damascus."""
    keys_when = (
        "days_m5_cut", "days_saraqib", "days_aleppo_entered", "days_aleppo_dates",
        "days_tel_rifaat", "days_turn_south", "days_hama", "days_zero_hour", "days_daraa_dates", "days_suwayda",
        "days_dez", "days_palmyra", "days_rastan", "days_homs_dates", "days_ring", "days_last_contact", "days_barzeh",
        "days_moscow", "days_sednaya",
    )  # fmt: skip
    v = {k: when(a, k) for k in keys_when}
    v["days_frozen_since"] = month_of(a, "days_frozen_since")
    v["days_first_towns"] = counts_between(a, "days_first_towns", "من القرى والبلدات والمواقع")
    v["days_stand"] = span(a, "days_stand")
    v["days_wound_years"] = counted(a, "days_wound_years", arabic.YEAR)
    v["days_released"] = amount(a, "days_released", PRISONER)
    v["days_missing"] = counted(a, "days_missing", PERSON)
    return Section(values=v)


def after(a: Tables) -> Section:
    """What followed for HTS: the defence ministry, the factions dissolved, the listings lifted."""
    return Section(
        values={
            "days_abu_qasra": when(a, "days_abu_qasra"),
            "days_dissolved": when(a, "days_dissolved"),
            "days_us_revoked": when(a, "days_us_revoked", precision="month"),
            "days_un_delisted": when(a, "days_un_delisted", precision="month"),
        }
    )


def method(a: Tables) -> Section:
    """The method note: how many reports date how many places."""
    return Section(
        values={
            "days_reports_n": counted(a, "days_reports_n", arabic.REPORT),
            "days_places_n": counted(a, "days_places_n", PLACE),
        }
    )
