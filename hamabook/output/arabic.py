"""Prose that writes Arabic around computed values: the Arabic edition's one convention for numbers and dates.

The convention (stated on the Arabic pages and in README.md):

- **Digits**: Western digits (0-9), as Arabic news sites and the UN's Arabic documents print them and as CLDR's
  ``ar`` locale has them by default (numbering system ``latn``), grouped with a comma: 1,234. Numbers are formatted
  by Babel (``babel.numbers``), never by hand.
- **Dates**: day, month, year, the month named twice, by its Syrian (Levantine) name and its Gregorian name, as the
  UN's and Al Jazeera's Arabic write it: ``5 كانون الأول/ديسمبر 2024``. Both names come from CLDR through Babel
  (``ar_SY`` and ``ar``). A date is written only as precisely as its source gives it (year, month, day, "about").
- **Counts** agree with their noun as Arabic grammar wants a written numeral to: one and two by the noun itself
  (``تقرير واحد``, ``تقريرين``), 3-10 with the plural (``3 تقارير``), 11-99 with the singular in the accusative
  (``11 يوماً``), round hundreds and thousands with the singular (``100 تقرير``).

:class:`hamabook.output.prose.Value` carries the text and the rows behind it, whatever the language.
"""

from __future__ import annotations

import datetime as dt
import html
import numbers
from dataclasses import dataclass

import pandas as pd
from babel.dates import get_month_names
from babel.numbers import format_decimal, format_percent

from ..rows.provenance import credit_chain, note_rows, row_href
from .prose import PRECISIONS, Value, _ids

LOCALE = "ar"  # Gregorian month names (يناير ... ديسمبر) and number symbols
LEVANT = "ar_SY"  # Syrian month names (كانون الثاني ... كانون الأول)
DIGITS = "latn"  # Western digits (see the module's docstring)
AND = "و"  # the conjunction, written joined to the word after it
OR = "أو"
# The Arabic pages live in book/ar/, one folder below the English pages they link to (evidence, chapters).
ENGLISH = "../"
ABOUT = "نحو"


def fmt_number(value) -> str:
    """1234567 -> '1,234,567'; 12.5 -> '12.5'; whole floats lose their '.0' (Babel, locale ``ar``, Western digits)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Number):
        raise TypeError(f"not a number: {value!r}")
    if pd.isna(value):
        raise ValueError("cannot format a missing number")
    pattern = "#,##0" if float(value).is_integer() else "#,##0.0"
    return format_decimal(value, format=pattern, locale=LOCALE, numbering_system=DIGITS)


def fmt_percent(share: float) -> str:
    """0.55 -> '55%' (Babel)."""
    return format_percent(share, locale=LOCALE, numbering_system=DIGITS)


def band_text(low: float, high: float) -> str:
    """A probability band: 0.55, 0.8 -> '55–80%'."""
    return f"{fmt_number(round(low * 100))}–{fmt_percent(high)}"


def month_name(month: int) -> str:
    """12 -> 'كانون الأول/ديسمبر': the Syrian name, then the Gregorian one (CLDR, through Babel)."""
    levant = get_month_names("wide", locale=LEVANT)[month]
    gregorian = get_month_names("wide", locale=LOCALE)[month]
    return levant if levant == gregorian else f"{levant}/{gregorian}"


def _day(value) -> pd.Timestamp:
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return pd.Timestamp(value)


def fmt_date(value) -> str:
    """A date as '5 كانون الأول/ديسمبر 2024'."""
    day = _day(value)
    return f"{day.day} {month_name(day.month)} {day.year}"


def fmt_date_at(value, precision: str = "day") -> str:
    """A date only as precisely as it is known: '1982', 'شباط/فبراير 1982', '5 كانون الأول/ديسمبر 2024',
    'نحو 5 كانون الأول/ديسمبر 2024'."""
    if precision not in PRECISIONS:
        raise ValueError(f"precision must be one of {', '.join(PRECISIONS)}, not {precision!r}")
    day = _day(value)
    if precision == "year":
        return f"{day.year}"
    if precision == "month":
        return f"{month_name(day.month)} {day.year}"
    text = fmt_date(day)
    return f"{ABOUT} {text}" if precision == "approximate" else text


def fmt_day(value, month=None) -> str:
    """A day of the campaign's year in a chart, its year left to the chart's caption: '5 كانون الأول/ديسمبر'
    (``month=levant_month``: '5 كانون الأول')."""
    day = _day(value)
    return f"{day.day} {(month or month_name)(day.month)}"


def levant_month(month: int) -> str:
    """12 -> 'كانون الأول': the Syrian name alone, for a map's labels, where the caption gives the dates in full."""
    return get_month_names("wide", locale=LEVANT)[month]


def fmt_days(values, month=month_name) -> str:
    """Distinct days in a chart's label, each month named once after its days: '29 و30 تشرين الثاني/نوفمبر و1 كانون
    الأول/ديسمبر' (``month=levant_month``: '29 و30 تشرين الثاني و1 كانون الأول')."""
    days = sorted({_day(v) for v in values})
    months: dict[tuple[int, int], list[str]] = {}
    for day in days:
        months.setdefault((day.year, day.month), []).append(f"{day.day}")
    return f" {AND}".join(f" {AND}".join(d) + f" {month(m)}" for (_, m), d in months.items())


def fmt_date_range(start, end) -> str:
    """'29–30 تشرين الثاني/نوفمبر 2024', '30 تشرين الثاني/نوفمبر – 5 كانون الأول/ديسمبر 2024', one date when
    both are the same day, both in full across a new year."""
    a, b = sorted((_day(start), _day(end)))
    if a == b:
        return fmt_date(a)
    if a.year != b.year:
        return f"{fmt_date(a)} – {fmt_date(b)}"
    if a.month != b.month:
        return f"{a.day} {month_name(a.month)} – {fmt_date(b)}"
    return f"{a.day}–{b.day} {month_name(b.month)} {b.year}"


def fmt_two_days(first, last, word: str = AND) -> str:
    """The first and last day reports give for one event: '29 تشرين الثاني/نوفمبر و1 كانون الأول/ديسمبر 2024',
    or with ``word=OR`` '7 أو 8 كانون الأول/ديسمبر 2024'; one date when they are the same day."""
    a, b = sorted((_day(first), _day(last)))
    if a == b:
        return fmt_date(a)
    if a.year != b.year:
        start = fmt_date(a)
    else:
        start = f"{a.day}" if a.month == b.month else f"{a.day} {month_name(a.month)}"
    joined = f" {AND}" if word == AND else f" {word} "  # و joins the word after it; أو stands alone
    return f"{start}{joined}{fmt_date(b)}"


# --- Counts -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Noun:
    """A counted noun's forms: singular, dual (in the case the sentence needs), plural, and the singular in the
    accusative that follows 11-99 (e.g. يوم، يومين، أيام، يوماً)."""

    one: str
    two: str
    few: str
    many: str


DAY = Noun("يوم", "يومين", "أيام", "يوماً")
YEAR = Noun("عام", "عامين", "أعوام", "عاماً")
REPORT = Noun("تقرير", "تقريرين", "تقارير", "تقريراً")
ROW = Noun("صف", "صفين", "صفوف", "صفاً")


def count(n: int, noun: Noun) -> str:
    """A numeral with its noun in the form Arabic grammar gives it: 'تقرير واحد', 'تقريرين', '3 تقارير',
    '11 تقريراً', '100 تقرير', '103 تقارير', '111 تقريراً'; none is 'لا تقارير'."""
    if isinstance(n, bool) or int(n) != n or n < 0:
        raise ValueError(f"not a count: {n!r}")
    n = int(n)
    if n == 0:
        return f"لا {noun.few}"
    if n == 1:
        return f"{noun.one} واحد"
    if n == 2:
        return noun.two
    rest = n % 100
    if 3 <= rest <= 10:
        form = noun.few
    elif rest >= 11:
        form = noun.many
    else:  # 100, 101, 102, 1000: the singular
        form = noun.one
    return f"{fmt_number(n)} {form}"


_ORDINALS = ("أول", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع", "عاشر")


def ordinal(n: int) -> str:
    """4 -> 'رابع' (the masculine form that stands before a superlative: 'رابع أكبر مدينة'), up to tenth; then
    'الـ11'."""
    if isinstance(n, bool) or int(n) != n or n < 1:
        raise ValueError(f"not a positive whole number: {n!r}")
    n = int(n)
    return _ORDINALS[n - 1] if n <= len(_ORDINALS) else f"الـ{fmt_number(n)}"


def join_words(items) -> str:
    """'أ', 'أ وب', 'أ وب وج': Arabic repeats the conjunction before every item after the first."""
    items = [str(i) for i in items]
    if not items:
        raise ValueError("nothing to join")
    return items[0] + "".join(f" {AND}{item}" for item in items[1:])


# --- Values: what the prose inserts, with the rows behind it ------------------------------------------------------


def number(value, rows=(), *, table: str = "") -> Value:
    return Value(fmt_number(value), _ids(rows), table)


def counted(n: int, noun: Noun, rows=(), *, table: str = "") -> Value:
    return Value(count(n, noun), _ids(rows), table)


def date(value, rows=(), *, precision: str = "day", table: str = "") -> Value:
    return Value(fmt_date_at(value, precision), _ids(rows), table)


def date_range(start, end, rows=(), *, table: str = "") -> Value:
    return Value(fmt_date_range(start, end), _ids(rows), table)


def two_days(first, last, rows=(), *, word: str = AND) -> Value:
    return Value(fmt_two_days(first, last, word), _ids(rows))


def text(value: str, rows=(), *, table: str = "") -> Value:
    return Value(str(value), _ids(rows), table)


# --- The provenance note, in Arabic -------------------------------------------------------------------------------


def isolate(name: str) -> str:
    """A name in another script, isolated from the Arabic around it (``<bdi>``), escaped."""
    return f"<bdi>{html.escape(name)}</bdi>"


def credit_html(originator: str, publisher: str, via: str = "") -> str:
    """Who to credit for a copy, in Arabic: 'SOHR عبر AFP عبر Asharq Al-Awsat', names as the registry spells them."""
    chain = credit_chain(originator, publisher, via)
    return " عبر ".join(isolate(name) for name in chain)


def row_link(row_id: str) -> str:
    """A fact row's id, linked to its row in the (English) evidence appendix, isolated for right-to-left text."""
    return f'<a href="{ENGLISH}{row_href(row_id)}" hreflang="en">{isolate(row_id)}</a>'


def row_links(row_ids: str) -> str:
    """Space-separated row ids as links, joined with the Arabic comma."""
    return "، ".join(row_link(r) for r in row_ids.split())


def provenance_note(row_ids: tuple[str, ...], index: pd.DataFrame, table: str = "", *, single: str = "") -> str:
    """The note a reader opens on an inserted value, in Arabic: which rows, from which source, graded how, dated
    when; each row links to its line on the (English) evidence page. ``single`` names the one originator a
    headline value rests on."""
    lead = f"مصدر واحد: {isolate(single)}؛ " if single else ""
    if not row_ids:
        return f"{lead}محسوب من حزمة بيانات الكتاب، الجدول {isolate(table + '.csv')}"
    shown, more = note_rows(row_ids, index)
    parts = []
    for row in shown:
        when = "" if row["published"] is None else f"، {fmt_date(row['published'])}"
        who = credit_html(row["who"], row["publisher"])
        parts.append(f"{row_link(row['row_id'])}: {who}، الدرجة {isolate(row['grade'])}{when}")
    label = "صف البيانات" if len(row_ids) == 1 else "صفوف البيانات"
    tail = f"؛ إضافة إلى {count(more, ROW)}" if more else ""
    return f"{lead}{label} {'؛ '.join(parts)}{tail}"
