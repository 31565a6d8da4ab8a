"""The figure helper every chart in the book goes through.

:func:`figure` takes a chart (Altair or matplotlib), the exact DataFrame it
draws, a caption that states the finding, a text alternative and source ids.
It returns one ``<figure>`` holding the chart, the caption, the source credit
and a download link carrying the drawn DataFrame as CSV (a ``data:`` URL, so
the link works from a cached build, in the notebook, and offline). Every chart
therefore has all four by construction.
"""

from __future__ import annotations

import base64
import html
import os
import re
import urllib.parse

import altair as alt
import pandas as pd
from IPython.display import HTML, display

from ..data import load
from .render import (
    altair_html,
    altair_png,
    matplotlib_html,
    matplotlib_png,
    md_escape,
    table_html,
    table_markdown,
)

# Set by `make pdf`: outputs then also carry PNG images and Markdown, which the LaTeX builder can use.
# HTML builds and the committed notebooks never set it, so their outputs stay HTML only.
PRINT_ENV = "HAMABOOK_PRINT"


def print_mode() -> bool:
    return os.environ.get(PRINT_ENV) == "1"


class Bundle:
    """An output with several representations; each Sphinx builder picks the one it can render."""

    def __init__(self, **mimes: str):
        self.mimes = {key.replace("_", "/", 1): value for key, value in mimes.items()}

    def _repr_mimebundle_(self, include=None, exclude=None):
        return self.mimes


class Sequence:
    """Several outputs shown one after another where the object is displayed (print edition: image, then
    caption), so a figure built ahead of time still appears where the page shows it."""

    def __init__(self, *parts):
        self.parts = parts

    def _ipython_display_(self):
        for part in self.parts:
            display(part)


def block(html_text: str, markdown: str) -> HTML | Bundle:
    """HTML for the site; in print mode also Markdown, for the PDF."""
    return Bundle(text_html=html_text, text_markdown=markdown) if print_mode() else HTML(html_text)


_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def source_credit(source_ids: list[str]) -> str:
    """'Source: …' as HTML, with publisher, title, date and link for each id, in the given order."""
    if not source_ids:
        raise ValueError("a figure needs at least one source id")
    sources = load("sources").set_index("source_id")
    unknown = [s for s in source_ids if s not in sources.index]
    if unknown:
        raise KeyError(f"unknown source id(s): {', '.join(unknown)}")
    parts = []
    for sid in dict.fromkeys(source_ids):
        row = sources.loc[sid]
        date = "" if pd.isna(row["published"]) else f", {row['published']:%Y-%m-%d}"
        title = "" if pd.isna(row["title"]) else f", “{html.escape(row['title'])}”"
        parts.append(
            f'<a href="{html.escape(row["url"])}">{html.escape(row["publisher"])}</a>'
            f"{title}{date} (grade {row['reliability']})"
        )
    if len(parts) == 1:
        return f"Source: {parts[0]}."
    if len(parts) <= 4:
        return "Sources: " + "; ".join(parts) + "."
    grades = sorted({str(g) for g in sources.loc[list(dict.fromkeys(source_ids)), "reliability"]})
    return (
        f"<details><summary>Sources: {len(parts)} reports (grades {', '.join(grades)}); show all</summary>"
        + "; ".join(parts)
        + ".</details>"
    )


def figure_csv(data: pd.DataFrame) -> str:
    """The drawn DataFrame as CSV text (dates as YYYY-MM-DD)."""
    out = data.copy()
    for col in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[col]):
            out[col] = out[col].dt.strftime("%Y-%m-%d")
    return out.to_csv(index=False, lineterminator="\n")


def _is_basemap(layer) -> bool:
    """A geoshape layer draws base geometry (credited like a source), not the figure's data."""
    mark = layer.mark
    return (mark if isinstance(mark, str) else getattr(mark, "type", None)) == "geoshape"


def _check_altair_data(chart: alt.TopLevelMixin, data: pd.DataFrame) -> None:
    """The chart must draw ``data`` and nothing else (a basemap aside), so the CSV is exactly what is drawn."""
    if chart.data is not data:
        raise ValueError("the chart's top-level data must be the DataFrame passed to figure()")
    for layer in getattr(chart, "layer", []) or []:
        if layer.data is not alt.Undefined and layer.data is not data and not _is_basemap(layer):
            raise ValueError("a layer draws other data than the DataFrame passed to figure()")


def figure(
    name: str,
    chart,
    data: pd.DataFrame,
    *,
    caption: str,
    alt_text: str,
    sources: list[str],
    own_data: str | None = None,
) -> HTML | Bundle:
    """Render a captioned, credited figure with a CSV download of ``data``.

    ``name`` is a stable lowercase-hyphenated id; it becomes the HTML id
    ``fig-<name>`` and the CSV file name. ``sources`` are ids in sources.csv.
    Only a chart about the book's own data package (e.g. its sources registry)
    may instead pass ``sources=[]`` and name that data in ``own_data``.
    """
    if not _NAME.match(name):
        raise ValueError(f"figure name {name!r} must be lowercase letters, digits and hyphens")
    for label, text in (("caption", caption), ("alt_text", alt_text)):
        if not text or not text.strip():
            raise ValueError(f"figure {name!r} needs a non-empty {label}")
    if isinstance(chart, alt.TopLevelMixin):
        _check_altair_data(chart, data)
        body = altair_html(chart.properties(description=alt_text), alt_text)
    else:
        body = matplotlib_html(chart, alt_text)
    if sources:
        credit = source_credit(sources)
    elif own_data:
        credit = f"Source: this book's data package ({html.escape(own_data)})."
    else:
        raise ValueError(f"figure {name!r} needs source ids (or own_data for a chart of the data package itself)")
    href = "data:text/csv;charset=utf-8," + urllib.parse.quote(figure_csv(data))
    markup = (
        f'<figure class="hb-figure" id="fig-{name}">\n{body}\n'
        f'<figcaption><p class="hb-caption">{html.escape(caption)}</p>'
        f'<div class="hb-credit">{credit} '
        f'<a class="hb-download" href="{href}" download="{name}.csv">'
        f"Download the data drawn (CSV, {len(data)} rows)</a></div>"
        "</figcaption></figure>"
    )
    if not print_mode():
        return HTML(markup)
    png = altair_png(chart) if isinstance(chart, alt.TopLevelMixin) else matplotlib_png(chart)
    credit_text = re.sub(r"<[^>]+>", "", credit.replace("; show all", ""))
    return Sequence(
        Bundle(text_html=markup, image_png=base64.b64encode(png).decode("ascii")),
        Bundle(text_html="", text_markdown=f"**{md_escape(caption)}** {md_escape(html.unescape(credit_text))}"),
    )


def readable(frame: pd.DataFrame) -> pd.DataFrame:
    """Cells as a reader expects them: dates in words at their precision (a ``<col>_precision`` column, or
    ``as_of_precision``/``date_precision``, gives it; the precision column itself is not shown), whole
    numbers without '.0', thousands separated."""
    from .prose import fmt_date_at, fmt_number

    out = frame.copy()
    for col in list(out.columns):
        if pd.api.types.is_datetime64_any_dtype(out[col]):
            prec_col = next((p for p in (f"{col}_precision", "date_precision") if p in out.columns), None)
            precisions = out[prec_col] if prec_col else pd.Series("day", index=out.index)
            out[col] = [
                "" if pd.isna(v) else fmt_date_at(v, p if isinstance(p, str) else "day")
                for v, p in zip(out[col], precisions)
            ]
        elif pd.api.types.is_float_dtype(out[col]) or pd.api.types.is_integer_dtype(out[col]):
            out[col] = ["" if pd.isna(v) else fmt_number(v) for v in out[col]]
    return out.drop(columns=[c for c in out.columns if c.endswith("_precision")])


FOLD_AFTER = 4  # longer tables show their first rows; the rest open with "Show all"


# Headers of columns that mean the same in every table; a table's own labels add to or override them.
COLUMN_LABELS = {"date": "Date", "reliability": "Grade", "credibility": "Credibility"}


def table(
    frame: pd.DataFrame,
    caption: str,
    labels: dict[str, str] | None = None,
    links: dict[str, str] | None = None,
    *,
    noun: str = "rows",
) -> HTML | Bundle:
    """Show a DataFrame as an accessible, escaped HTML table that scrolls inside its own box.

    A table longer than :data:`FOLD_AFTER` rows shows its first rows and folds the rest (see ``table_html``).
    Print shows it all.
    """
    frame = readable(frame)
    labels = {**COLUMN_LABELS, **(labels or {})}
    full = table_html(frame, caption, labels, links, fold_after=FOLD_AFTER, noun=noun)
    return block(full, table_markdown(frame, caption, labels))
