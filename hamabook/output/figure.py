"""The figure helper every chart in the book goes through.

:func:`figure` takes a chart (Altair or matplotlib), the exact DataFrame it
draws, a caption that states the finding, a text alternative and source ids.
It returns one ``<figure>`` holding the chart, the caption, the source credit
and a download link carrying the drawn DataFrame as CSV (a ``data:`` URL, so
the link works from a cached build, in the notebook, and offline). Every chart
therefore has all four by construction.
"""

from __future__ import annotations

import html
import re
import urllib.parse

import altair as alt
import pandas as pd
from IPython.display import HTML

from ..data import load
from .printform import PRINT_MARKDOWN, PRINT_TABLE
from .prose import fmt_date_at, fmt_number, plural
from .render import (
    altair_html,
    matplotlib_html,
    md_escape,
    table_html,
    table_print,
    with_letters,
)


class Printable(HTML):
    """HTML for the site that also carries its print form in the output's metadata: Markdown, or a table
    (:func:`hamabook.output.render.table_print`). The site build keeps it beside the HTML, unparsed, and the
    print edition (:mod:`hamabook.build.printed`) writes it. One execution serves both editions."""

    def __init__(self, html_text: str, markdown: str | None = None, *, table: dict | None = None):
        if (markdown is None) == (table is None):
            raise ValueError("a Printable's print form is Markdown or a table, one of the two")
        super().__init__(html_text)
        self.print_form = {PRINT_MARKDOWN: markdown} if table is None else {PRINT_TABLE: table}

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/html": self.data}, dict(self.print_form)


def block(html_text: str, markdown: str | None = None, *, table: dict | None = None) -> Printable:
    """A block of the page: HTML for the site; Markdown or a table for the PDF."""
    return Printable(html_text, markdown, table=table)


_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


# The credit's and the download link's words, by the page's language (``figure(..., lang=)``).
WORDS = {
    "en": {
        "source": "Source",
        "sources": "Sources",
        "grade": "grade",
        "many": "{n} reports (grades {grades}); show all",
        "download": "Download the data drawn (CSV, {rows} rows)",
        "own": "Source: this book's data package ({name}).",
    },
    "ar": {
        "source": "المصدر",
        "sources": "المصادر",
        "grade": "الدرجة",
        "many": "{n} (الدرجات {grades})؛ اعرضها كلها",
        "download": "نزّل البيانات المرسومة (CSV، {rows})",
        "own": "المصدر: حزمة بيانات هذا الكتاب ({name}).",
    },
}


def _words(lang: str, key: str, **values) -> str:
    """The words of ``key`` in ``lang``, with counts written as that language writes them."""
    if lang == "ar":
        from .arabic import REPORT, ROW, count

        values = {**values, **({"n": count(values["n"], REPORT)} if "n" in values else {})}
        values = {**values, **({"rows": count(values["rows"], ROW)} if "rows" in values else {})}
    return WORDS[lang][key].format(**values)


def source_credit(source_ids: list[str], lang: str = "en") -> str:
    """'Source: …' as HTML, with publisher, title, date and link for each id, in the given order (in Arabic with
    ``lang="ar"``: 'المصدر: …', dates as the Arabic edition writes them, names and titles as published)."""
    if not source_ids:
        raise ValueError("a figure needs at least one source id")
    sources = load("sources").set_index("source_id")
    unknown = [s for s in source_ids if s not in sources.index]
    if unknown:
        raise KeyError(f"unknown source id(s): {', '.join(unknown)}")
    parts = []
    for sid in dict.fromkeys(source_ids):
        row = sources.loc[sid]
        parts.append(_credit_part(row, lang))
    comma, semicolon = ("، ", "؛ ") if lang == "ar" else (", ", "; ")
    if len(parts) == 1:
        return f"{WORDS[lang]['source']}: {parts[0]}."
    if len(parts) <= 4:
        return f"{WORDS[lang]['sources']}: " + semicolon.join(parts) + "."
    grades = sorted({str(g) for g in sources.loc[list(dict.fromkeys(source_ids)), "reliability"]})
    many = _words(lang, "many", n=len(parts), grades=comma.join(grades))
    # A space after the summary, so the printed credit does not run into the first source.
    return f"<details><summary>{WORDS[lang]['sources']}: {many}</summary> " + semicolon.join(parts) + ".</details>"


def _credit_part(row, lang: str) -> str:
    """One source in a credit: publisher (linked), title, date, grade."""
    link = f'<a href="{html.escape(row["url"])}">{html.escape(row["publisher"])}</a>'
    if lang == "ar":
        from .arabic import fmt_date

        date = "" if pd.isna(row["published"]) else f"، {fmt_date(row['published'])}"
        title = "" if pd.isna(row["title"]) else f"، «<bdi>{html.escape(row['title'])}</bdi>»"
        return f"<bdi>{link}</bdi>{title}{date} (الدرجة {row['reliability']})"
    date = "" if pd.isna(row["published"]) else f", {row['published']:%Y-%m-%d}"
    title = "" if pd.isna(row["title"]) else f", “{html.escape(row['title'])}”"
    return f"{link}{title}{date} (grade {row['reliability']})"


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
    lang: str = "en",
) -> Printable:
    """Render a captioned, credited figure with a CSV download of ``data``.

    ``name`` is a stable lowercase-hyphenated id; it becomes the HTML id
    ``fig-<name>`` and the CSV file name. ``sources`` are ids in sources.csv.
    Only a chart about the book's own data package (e.g. its sources registry)
    may instead pass ``sources=[]`` and name that data in ``own_data``. ``lang="ar"`` writes the credit and the
    download link in Arabic (caption and text alternative are the caller's, in the page's language).
    """
    if not _NAME.match(name):
        raise ValueError(f"figure name {name!r} must be lowercase letters, digits and hyphens")
    for label, text in (("caption", caption), ("alt_text", alt_text)):
        if not text or not text.strip():
            raise ValueError(f"figure {name!r} needs a non-empty {label}")
    if isinstance(chart, alt.TopLevelMixin):
        _check_altair_data(chart, data)
        body = altair_html(chart.properties(description=alt_text), alt_text, ascii_only=lang == "en")
    else:
        body = matplotlib_html(chart, alt_text)
    if sources:
        credit = source_credit(sources, lang)
    elif own_data:
        credit = _words(lang, "own", name=html.escape(own_data))
    else:
        raise ValueError(f"figure {name!r} needs source ids (or own_data for a chart of the data package itself)")
    href = "data:text/csv;charset=utf-8," + urllib.parse.quote(figure_csv(data))
    href = href if lang == "en" else with_letters(href)
    markup = (
        f'<figure class="hb-figure" id="fig-{name}">\n{body}\n'
        f'<figcaption><p class="hb-caption">{html.escape(caption)}</p>'
        f'<div class="hb-credit">{credit} '
        f'<a class="hb-download" href="{href}" download="{name}.csv">'
        f"{_download_words(len(data), lang)}</a></div>"
        "</figcaption></figure>"
    )
    # The print edition draws the figure from its static SVG (hamabook.build.printed), then this caption.
    credit_text = html.unescape(re.sub(r"<[^>]+>", "", credit.replace("; show all", "").replace("؛ اعرضها كلها", "")))
    return Printable(markup, f"**{md_escape(caption)}** {md_escape(credit_text)}")


def _download_words(rows: int, lang: str) -> str:
    return f"Download the data drawn (CSV, {rows} rows)" if lang == "en" else _words(lang, "download", rows=rows)


def readable(frame: pd.DataFrame) -> pd.DataFrame:
    """Cells as a reader expects them: dates in words at their precision (a ``<col>_precision`` column, or
    ``as_of_precision``/``date_precision``, gives it; the precision column itself is not shown), whole
    numbers without '.0', thousands separated."""
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
    fold_words: tuple[str, str] | None = None,
) -> Printable:
    """Show a DataFrame as an accessible, escaped HTML table that scrolls inside its own box.

    A table longer than :data:`FOLD_AFTER` rows shows its first rows and folds the rest (see ``table_html``, which
    also says what ``fold_words`` are). Print shows it all.
    """
    frame = readable(frame)
    labels = {**COLUMN_LABELS, **(labels or {})}
    full = table_html(frame, caption, labels, links, fold_after=FOLD_AFTER, noun=noun, fold_words=fold_words)
    return block(full, table=table_print(frame, caption, labels))


def folded_table(
    frame: pd.DataFrame,
    caption: str,
    labels: dict[str, str] | None = None,
    noun: str = "rows",
    *,
    fold_after: int | None = None,
) -> Printable:
    """A table of evidence folded whole under a one-line summary (its caption and how many ``noun`` it holds), so
    the story reads on and the reader opens the evidence when she wants it; with ``fold_after``, its first rows show
    and "Show all" opens the rest. Print shows every row. (:func:`table` folds after :data:`FOLD_AFTER` rows; the
    chapters that must fit twelve screens fold their report tables whole, or after a row or two.)"""
    frame = readable(frame)
    labels = {**COLUMN_LABELS, **(labels or {})}
    if fold_after is not None:
        markup = table_html(frame, caption, labels, fold_after=fold_after, noun=noun)
    else:
        summary = f"{caption} ({plural(len(frame), noun.removesuffix('s'), noun)})"
        markup = (
            f'<details class="hb-group"><summary>{html.escape(summary)}</summary>'
            f"{table_html(frame, caption, labels)}</details>"
        )
    return block(markup, table=table_print(frame, caption, labels))
