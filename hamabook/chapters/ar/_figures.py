"""The words the Arabic edition's charts share, and the voice they speak in (private to the Arabic pages).

A chart of an Arabic page is the English page's chart, built by the same builder from the same rows, with the voice
:func:`voice` gives: these words (keyed by the builder's English text or the drawn column's name), the page's own,
places named by ``name_ar`` (places.csv), days as the edition writes them. A word missing here stops the build.
"""

from __future__ import annotations

from functools import partial

from ...charts import arabic as charts
from ...charts.voice import Voice
from ...data import load
from ...output import arabic
from ...rows.arabic import place_names

# Texts of the shared builders and drawn columns' names (tooltips), in Arabic.
WORDS = {
    "Source grade": "درجة المصدر",
    "date": "التاريخ",
    "day": "اليوم",
    "publisher": "الناشر",
    "reliability": "الدرجة",
    "grade": "الدرجة",
    "place": "المكان",
    "city": "المدينة",
    "name": "المكان",
    "label": "المكان",
    "status": "الحالة",
    "day_label": "اليوم",
    "row_ids": "الصفوف",
    "last_change_ids": "الصفوف",
    "Day ": "اليوم ",
    "; ": "؛ ",  # the separator of a label's parts
}


def voice(words: dict[str, str] | None = None, *, short_months: bool = False) -> Voice:
    """The right-to-left voice of an Arabic chart, with the page's own ``words`` beside the shared ones;
    ``short_months``: a day names its month by its Syrian name alone (a map, crowded with labels and drawn for every
    day, whose caption gives the dates in full)."""
    month = arabic.levant_month if short_months else arabic.month_name
    day, days = partial(arabic.fmt_day, month=month), partial(arabic.fmt_days, month=month)
    return charts.voice({**WORDS, **(words or {})}, place_names(load("places")), day, days)
