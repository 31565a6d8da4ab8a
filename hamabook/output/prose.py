"""Prose that writes English around computed values: numbers, dates at their precision, counts, lists,
and :class:`Value` (the text a sentence inserts plus the data rows it comes from)."""

from __future__ import annotations

import datetime as dt
import html
import numbers
import re
from dataclasses import dataclass, replace

import pandas as pd

from .bundle import Bundle


def fmt_number(value) -> str:
    """1234567 -> '1,234,567'; 12.5 -> '12.5'; whole floats lose their '.0'."""
    if isinstance(value, bool) or not isinstance(value, numbers.Number):
        raise TypeError(f"not a number: {value!r}")
    if pd.isna(value):
        raise ValueError("cannot format a missing number")
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{float(value):,.1f}"


def fmt_date(value) -> str:
    """A date as '5 December 2024'."""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return f"{value.day} {value:%B %Y}"


_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]


def fmt_ordinal(n: int) -> str:
    """4 -> 'fourth' (words up to tenth, then '11th', '12th', …)."""
    if isinstance(n, bool) or int(n) != n or n < 1:
        raise ValueError(f"not a positive whole number: {n!r}")
    n = int(n)
    if n <= len(_ORDINALS):
        return _ORDINALS[n - 1]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def fmt_range(low, high, unit: str = "") -> str:
    """'3,000–40,000 deaths', or a single figure when low == high."""
    text = fmt_number(low) if low == high else f"{fmt_number(low)}–{fmt_number(high)}"
    return f"{text} {unit}".strip()


def glue_text(name: str, value) -> None:
    """Format ``value`` (number, date or text) and glue it as plain text for ``{glue:text}``."""
    from myst_nb import glue

    if isinstance(value, (dt.date, pd.Timestamp)):
        text = fmt_date(value)
    elif isinstance(value, numbers.Number) and not isinstance(value, bool):
        text = fmt_number(value)
    else:
        text = str(value)
    if not text.strip():
        raise ValueError(f"glued value {name!r} is empty")
    glue(name, text, display=False)


# --- Dates at the precision their source gives -------------------------------------------------------

PRECISIONS = ("day", "month", "year", "approximate")


def fmt_date_at(value, precision: str = "day") -> str:
    """A date written only as precisely as it is known: '1982', 'February 1982', '5 December 2024',
    'about 5 December 2024'."""
    if precision not in PRECISIONS:
        raise ValueError(f"precision must be one of {', '.join(PRECISIONS)}, not {precision!r}")
    value = pd.Timestamp(value)
    if precision == "year":
        return f"{value.year}"
    if precision == "month":
        return f"{value:%B %Y}"
    text = fmt_date(value)
    return f"about {text}" if precision == "approximate" else text


def fmt_date_range(start, end) -> str:
    """'29–30 November 2024', '30 November – 5 December 2024', '5 December 2024' (same day),
    '29 December 2024 – 3 January 2025'."""
    a, b = pd.Timestamp(start), pd.Timestamp(end)
    if b < a:
        a, b = b, a
    if a == b:
        return fmt_date(a)
    if a.year != b.year:
        return f"{fmt_date(a)} – {fmt_date(b)}"
    if a.month != b.month:
        return f"{a.day} {a:%B} – {fmt_date(b)}"
    return f"{a.day}–{b.day} {b:%B %Y}"


# --- Dates as a story set in one year says them ---------------------------------------------------------------
# The book's helpers write '5 December 2024'; inside the story of one week the year goes without saying.

_NAMES_A_DAY = re.compile(r"^(about )?\d{1,2}(?!\d)")  # '5 December 2024', 'about 5 December', '6, 8 or 9 December'


def in_year(value, year: int):
    """A date's text (or a :class:`Value` of one) as a story set in ``year`` says it: the year dropped where the text
    names its day ('5 December', 'about 5 December', '29–30 November', '5 or 6 December', '29 December 2023 –
    3 January'), kept on a month or a year alone ('December 2024', '2024') and on a date in another year ('24
    January 2012')."""
    text = value.text if isinstance(value, Value) else str(value)
    if _NAMES_A_DAY.match(text):
        text = text.removesuffix(f" {year}")
    return replace(value, text=text) if isinstance(value, Value) else text


def fmt_day(value, year: int, precision: str = "day") -> str:
    """:func:`fmt_date_at` as a story set in ``year`` says it (:func:`in_year`): '5 December', 'about 5 December',
    '24 January 2012', 'December 2024', '2012'."""
    return in_year(fmt_date_at(value, precision), year)


def fmt_dates(dates, conjunction: str = "and") -> str:
    """Distinct dates in words: '5 December 2024', '5 and 6 December 2024', '30 November and 1 December 2024'
    (or, with ``conjunction="or"``, '5 or 6 December 2024': the dates reports give for one event)."""
    days = sorted({pd.Timestamp(d) for d in dates if not pd.isna(d)})
    if not days:
        raise ValueError("no dates")
    if len({d.year for d in days}) > 1:
        return join_words((fmt_date(d) for d in days), conjunction)
    same_month = len({d.month for d in days}) == 1
    parts = [str(d.day) if same_month else f"{d.day} {d:%B}" for d in days[:-1]]
    return join_words([*parts, fmt_date(days[-1])], conjunction)


# --- Counts and lists that read as English -------------------------------------------------------------

_WORDS = ["none", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def count_word(n: int) -> str:
    """Whole numbers under ten as words (house style), larger ones as figures: 3 -> 'three', 12 -> '12'."""
    if isinstance(n, bool) or int(n) != n or n < 0:
        raise ValueError(f"not a count: {n!r}")
    n = int(n)
    return _WORDS[n] if n < 10 else f"{n:,}"


def plural(n: int, noun: str, plural_form: str | None = None) -> str:
    """'one report', 'three reports', '12 sources', 'no reports'."""
    word = noun if n == 1 else (plural_form or noun + "s")
    return f"no {plural_form or noun + 's'}" if n == 0 else f"{count_word(n)} {word}"


def of_all(k: int, n: int) -> str:
    """How many of a group: 'none', 'the one', 'both', 'all three', 'two of the five'."""
    if not 0 <= k <= n:
        raise ValueError(f"{k} of {n} is not a part of a whole")
    if k == 0:
        return "none"
    if k == n:
        return {1: "the one", 2: "both"}.get(n, f"all {count_word(n)}")
    return f"{count_word(k)} of the {count_word(n)}"


def join_words(items, conjunction: str = "and") -> str:
    """'A', 'A and B', 'A, B and C' (no serial comma)."""
    items = [str(i) for i in items]
    if not items:
        raise ValueError("nothing to join")
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def sentence_start(text: str) -> str:
    """Capitalise the first letter; a sentence must not open with a figure (raise if it would)."""
    if not text or text[0].isdigit():
        raise ValueError(f"a sentence cannot start with a figure: {text!r}")
    return text[0].upper() + text[1:]


# --- Values: what the prose inserts, with the rows behind it ---------------------------------------------


@dataclass(frozen=True)
class Value:
    """One inserted value: the text as it reads in the sentence and the data rows it comes from.

    ``rows`` are ids of rows in the data package (events, figures, control changes, ...); the constructors below
    take the rows themselves (a table of rows, or one row) or their ids. A value
    computed from no row (a count of our own sources, say) names the table it counts in ``table``.
    A ``headline`` value is one a chapter's bottom line states: when its rows come from a single originator,
    its note says so first (see :func:`headline` and ``Page.glue``).
    """

    text: str
    rows: tuple[str, ...] = ()
    table: str = ""
    headline: bool = False

    def __post_init__(self):
        if not self.text.strip():
            raise ValueError("a value needs text")
        if not self.rows and not self.table:
            raise ValueError(f"value {self.text!r} needs the rows it comes from (or the table it counts)")


# The id column of each fact table (hamabook.rows.provenance.FACT_TABLES), and of the evidence index.
ID_COLUMNS = ("event_id", "figure_id", "change_id", "forecast_id", "outcome_id", "row_id")


def _id_column(labels) -> str:
    found = [c for c in ID_COLUMNS if c in labels]
    if len(found) != 1:
        raise ValueError(f"rows need exactly one id column of {', '.join(ID_COLUMNS)}; found {found or 'none'}")
    return found[0]


def _ids(rows) -> tuple[str, ...]:
    """The ids a value rests on: from the data rows themselves (a table of rows, or one row), or given as ids."""
    if isinstance(rows, str):
        return (rows,)
    if isinstance(rows, pd.DataFrame):
        return _ids(rows[_id_column(rows.columns)])
    if isinstance(rows, pd.Series) and any(c in rows.index for c in ID_COLUMNS):
        return (str(rows[_id_column(rows.index)]),)
    return tuple(dict.fromkeys(str(r) for r in rows))


def number(value, rows=(), *, table: str = "") -> Value:
    return Value(fmt_number(value), _ids(rows), table)


def count(n: int, rows=(), *, noun: str | None = None, table: str = "") -> Value:
    """A count in house style ('three', '12'), optionally with its noun ('three reports')."""
    return Value(plural(n, noun) if noun else count_word(n), _ids(rows), table)


def date(value, rows=(), *, precision: str = "day", table: str = "") -> Value:
    return Value(fmt_date_at(value, precision), _ids(rows), table)


def date_range(start, end, rows=(), *, table: str = "") -> Value:
    return Value(fmt_date_range(start, end), _ids(rows), table)


def text(value: str, rows=(), *, table: str = "") -> Value:
    return Value(str(value), _ids(rows), table)


def headline(value: Value) -> Value:
    """The same value, marked as a bottom-line number whose sourcing the text must state."""
    if not value.rows:
        raise ValueError(f"headline value {value.text!r} must rest on data rows")
    return replace(value, headline=True)


def single_source(value: Value, originators: list[str]) -> str:
    """The words a headline value's note opens with when every row behind it comes from one originator: the
    bottom line's sentence stays plain, and a reader who opens the value learns it rests on one source."""
    if not value.headline or len(originators) != 1:
        return ""
    return f"single source: {originators[0]}; "


def value_html(key: str, value: Value, note: str) -> str:
    """The inserted value as quiet HTML: focusable, with a provenance note that screen readers read out
    and sighted readers see on hover, focus or tap (CSS only, so it works offline and without scripts)."""
    return (
        f'<span class="hb-val" tabindex="0" data-key="{html.escape(key)}">{html.escape(value.text)}'
        f'<span class="hb-note" role="note"> ({note})</span></span>'
    )


def glue_values(values: dict[str, Value], notes: dict[str, str]) -> None:
    """Glue every value under its literal key: HTML with its note for the site, plain text for print."""
    from myst_nb import glue

    for key, value in values.items():
        glue(key, Bundle(text_html=value_html(key, value, notes[key]), text_plain=value.text), display=False)
