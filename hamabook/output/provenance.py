"""The provenance note a reader opens on an inserted value, as HTML."""

from __future__ import annotations

import html

import pandas as pd

from ..rows.provenance import cited, credit, row_href
from .prose import fmt_date, join_words


def provenance_note(row_ids: tuple[str, ...], index: pd.DataFrame, table: str = "") -> str:
    """The note a reader opens on an inserted value: which rows, from which source, graded how, dated when.

    HTML; every row links to its line on the evidence page. ``table`` names the table a value counts when
    it rests on no single row.
    """
    if not row_ids:
        return f"counted from this book's data package, table {html.escape(table)}.csv"
    by_id = cited(row_ids, index)
    shown = row_ids[:4]
    parts = []
    for rid in shown:
        row = by_id.loc[rid]
        when = "" if pd.isna(row["published"]) else f", {fmt_date(row['published'])}"
        parts.append(
            f'<a href="{row_href(rid)}">{html.escape(rid)}</a>: '
            f"{html.escape(credit(row['originator'], row['publisher']))}, grade {row['reliability']}{when}"
        )
    more = len(row_ids) - len(shown)
    tail = f" and {more} more" if more else ""
    label = "data row" if len(row_ids) == 1 else "data rows"
    return f"{label} {join_words(parts) if not more else '; '.join(parts)}{tail}"
