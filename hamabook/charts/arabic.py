"""Charts for the Arabic edition: the book's chart kinds drawn right to left.

A chart of the Arabic edition is its English kind built with a right-to-left :class:`hamabook.charts.voice.Voice`
(:func:`voice`): the categories' axis on the right, time running from right to left, the legend on the left, the
titles, labels and tooltips in Arabic.

Vega lays text out left to right (an SVG's own direction), so each Arabic text is isolated as right-to-left
(:func:`rtl`, Unicode's RLI ... PDI): the browser then orders it, numbers and brackets included, as Arabic reads, in
the static drawing and in the interactive chart alike. The browser also shapes it (Vega writes text, not outlines).
The text is set in Noto Naskh Arabic, which the Arabic pages ship (the interactive chart uses it) and which the
static drawing names first (an image's SVG cannot use the page's fonts: a reader's own Arabic font draws it where
that font is not installed).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from .theme import FONT
from .voice import PDI, RLI, Voice, rtl

ARABIC_FONT = f'"Noto Naskh Arabic", {FONT}'
# Vega writes month names in English: a day on an axis is its number (the axis title names the months), a date in a
# tooltip day/month/year in digits.
FORMATS = {
    "%d %b": "%-d",
    "%-d %b": "%-d",
    "%b %Y": "%-m/%Y",
    "%d %b %Y": "%-d/%-m/%Y",
    "%-d %b %Y": "%-d/%-m/%Y",
}

__all__ = ["ARABIC_FONT", "PDI", "RLI", "rtl", "voice"]


def voice(words: Mapping[str, str], names: Mapping[str, str], day: Callable, days: Callable) -> Voice:
    """The right-to-left voice of an Arabic chart: ``words`` (the builders' English texts and column names to their
    Arabic), place ``names`` by place_id, and how a day and a list of days are written."""
    return Voice(
        words=dict(words),
        rtl=True,
        font=ARABIC_FONT,
        names=dict(names),
        day=day,
        days=days,
        formats=FORMATS,
        latin_font=FONT,
    )
