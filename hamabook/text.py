"""Numbers and dates for prose: formatted once, glued into Markdown with myst-nb."""

from __future__ import annotations

import datetime as dt
import numbers

import pandas as pd


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
