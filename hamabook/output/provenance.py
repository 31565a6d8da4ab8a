"""The provenance note a reader opens on an inserted value, as HTML."""

from __future__ import annotations

import html

import pandas as pd

from ..rows.provenance import credit, note_rows, row_href
from .prose import fmt_date, join_words


def provenance_note(row_ids: tuple[str, ...], index: pd.DataFrame, table: str = "") -> str:
    """The note a reader opens on an inserted value: which rows, from which source, graded how, dated when.

    HTML; every row links to its line on the evidence page. ``table`` names the table a value counts when
    it rests on no single row.
    """
    if not row_ids:
        return f"counted from this book's data package, table {html.escape(table)}.csv"
    shown, more = note_rows(row_ids, index)
    parts = []
    for row in shown:
        when = "" if row["published"] is None else f", {fmt_date(row['published'])}"
        parts.append(
            f'<a href="{row_href(row["row_id"])}">{html.escape(row["row_id"])}</a>: '
            f"{html.escape(credit(row['who'], row['publisher']))}, grade {row['grade']}{when}"
        )
    tail = f" and {more} more" if more else ""
    label = "data row" if len(row_ids) == 1 else "data rows"
    return f"{label} {join_words(parts) if not more else '; '.join(parts)}{tail}"
