"""How a chart speaks: the words of its titles, legends, labels and tooltips, and the direction it reads.

Every chart builder takes a ``voice`` (default :data:`ENGLISH`: the builder's own English words, left to right, which
leaves the English charts' specs exactly as they were). The Arabic edition passes a voice holding its words (keyed by
the builder's English text, so a word the Arabic module has not given stops the build instead of showing English)
and reading right to left: time runs from right to left, categories stand on the right, legends on the left, and
every text the chart draws is isolated as right-to-left (Unicode's RLI ... PDI) so the browser orders and shapes it
as Arabic reads, in the static drawing and in the interactive chart alike. No Arabic word is written here: the
words come from the Arabic modules (:mod:`hamabook.chapters.ar`) and the data package.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import altair as alt
import pandas as pd

RLI, PDI = "\u2067", "\u2069"  # right-to-left isolate, pop directional isolate


def rtl(text: str) -> str:
    """``text`` isolated as right-to-left, for a chart's title or label."""
    return f"{RLI}{text}{PDI}"


def english_day(day) -> str:
    """'29 Nov'."""
    return f"{day.day} {day:%b}"


def english_days(days) -> str:
    """'29 Nov, 30 Nov, 1 Dec' from the distinct dates."""
    return ", ".join(english_day(d) for d in sorted(set(days)))


ISOLATED = f"'{RLI}' + datum.label + '{PDI}'"  # a Vega label expression: the label isolated right to left


@dataclass(frozen=True)
class Voice:
    """A chart's language and direction. ``words`` maps the builders' English texts to the page's (None: English);
    ``names`` names places by place_id (None: places.csv's ``name``); ``day`` and ``days`` write a day and a list of
    days."""

    words: Mapping[str, str] | None = None
    rtl: bool = False
    font: str | None = None
    names: Mapping[str, str] | None = None
    day: Callable = english_day
    days: Callable = english_days
    formats: Mapping[str, str] | None = None  # the builders' d3 date formats naming a month -> the page's
    latin_font: str | None = None  # the typeface of labels in Latin letters in a chart of another script

    def word(self, text: str) -> str:
        """``text`` in the chart's language, as data (a category's value, a mark's text): not isolated."""
        if self.words is None:
            return text
        if text not in self.words:
            raise KeyError(f"no word for {text!r} in this chart's language: add it to the Arabic module's words")
        return self.words[text]

    def date_format(self, english: str) -> str:
        """A d3 format in the chart's language: one naming a month in English letters (%b, %B) as the page writes
        it (``formats``); any other as it is."""
        if self.formats is None or "%b" not in english.lower():
            return english
        if english not in self.formats:
            raise KeyError(f"no date format for {english!r} in this chart's language")
        return self.formats[english]

    def title(self, text: str | None) -> str | list[str] | None:
        """A title or legend heading in the chart's language, isolated when it reads right to left; a word with a
        line break (a title naming its dates on a second line, so it fits a phone's width) as a list of lines."""
        if text is None:
            return None
        said = self.word(text)
        if not self.rtl:
            return said
        lines = [rtl(line) for line in said.split("\n")]
        return lines if len(lines) > 1 else lines[0]

    def values(self, frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
        """``frame`` with the values of ``columns`` in the chart's language (the same rows, the same order)."""
        if self.words is None:
            return frame
        return frame.assign(**{c: frame[c].map(self.word) for c in columns})

    def place(self, place_id: str, english: str) -> str:
        """A place's name in the chart's language (``english``: its name in places.csv)."""
        return english if self.names is None else self.names[place_id]

    def domain(self, values) -> list[str]:
        return [self.word(v) for v in values]

    def along(self, **scale) -> dict:
        """Arguments of an axis along the reading direction (time, a bar's length): it runs right to left when the chart
        does."""
        if self.rtl:
            scale = {**scale, "reverse": True}
        return {"scale": alt.Scale(**scale)} if scale else {}

    def axis(self, rtl_orient: str | None = None, latin: bool = False, **axis) -> dict:
        """Arguments of an axis's encoding: ``axis`` as given, its labels isolated right to left (and a category
        axis, ``rtl_orient="right"``, moved to the right) when the chart reads right to left; ``latin``: labels that are
        names in Latin letters, set in the Latin typeface (Vega measures a label in the chart's first typeface, the
        Arabic one, which the browser does not draw Latin letters in: the label would run out of the chart)."""
        if self.rtl:
            axis = {**axis, "labelExpr": ISOLATED, **({"orient": rtl_orient, "titlePadding": 8} if rtl_orient else {})}
            if "format" in axis:
                axis["format"] = self.date_format(axis["format"])
            if axis.get("format") == "~s":  # SI prefixes are Latin letters (300k): grouped digits instead
                axis["format"] = ",d"
            if latin and self.latin_font:
                axis["labelFont"] = self.latin_font
        return {"axis": alt.Axis(**axis)} if axis else {}

    def header(self, **header) -> alt.Header:
        """A facet's header: aligned to the right and its labels isolated when the chart reads right to left."""
        if self.rtl:
            align = {"left": "right", "right": "left"}.get(header.get("labelAlign"), header.get("labelAlign"))
            # A header's expression reads the facet's value (it has no formatted label).
            isolated = f"'{RLI}' + datum.value + '{PDI}'"
            header = {**header, "labelExpr": isolated, "labelAnchor": "end", **({"labelAlign": align} if align else {})}
        return alt.Header(**header)

    def legend(self, **legend) -> dict:
        """Arguments of a legend: on the left, its labels isolated, when the chart reads right to left."""
        if self.rtl:
            legend = {"orient": "left", **legend, "labelExpr": ISOLATED}
        return {"legend": alt.Legend(**legend)} if legend else {}

    def tooltip(self, column: str, kind: str | None = None, **fmt) -> alt.Tooltip | str:
        """A tooltip's field (``column``, of Vega-Lite type ``kind`` if given), titled in the chart's language: the
        words give the column's title under its own name (English keeps the builder's field as written)."""
        field = f"{column}:{kind}" if kind else column
        if self.words is None:
            return alt.Tooltip(field, **fmt) if fmt else field
        if "format" in fmt:
            fmt = {**fmt, "format": self.date_format(fmt["format"])}
        return alt.Tooltip(field if kind else f"{column}:N", title=self.word(column), **fmt)

    def text(self, chart: alt.Chart, column: str) -> tuple[alt.Chart, str]:
        """A text mark's chart and field: the text isolated right to left (a calculated field) when it reads so."""
        if not self.rtl:
            return chart, f"{column}:N"
        # Each line of a text that breaks into lines (\n) is isolated on its own: a line is drawn as a chunk apart.
        isolated = f"'{RLI}' + replace(datum.{column}, /\\n/g, '{PDI}\\n{RLI}') + '{PDI}'"
        return chart.transform_calculate(**{f"{column}_rtl": isolated}), f"{column}_rtl:N"

    def finish(self, chart):
        """The finished chart: in the page's typeface when it names one."""
        return chart.configure(font=self.font) if self.font else chart


ENGLISH = Voice()
