"""The evidence appendix: a landing page and one page per fact table, every row with its own anchor. (The data
dictionary and sources pages have their own modules: ``data_dictionary`` and ``sources_page``.)

One page per table keeps each page within the page-weight budget as rows are added (``tests/test_links.py``
weighs every page); a link to a row goes straight to its table's page (``rows.provenance.row_href``), and the
landing page keeps an anchor for every row id too, so a link made before the split still finds its row."""

from __future__ import annotations

import html

import pandas as pd

from ..output.figure import block
from ..output.prose import fmt_date, plural
from ..rows.provenance import FACT_TABLES, evidence_index, evidence_page, row_anchor, row_href
from .page import Page

TITLES = {
    "events": "Events",
    "figures": "Figures (numbers)",
    "control_changes": "Control changes",
    "forecasts": "Forecasts",
    "outcomes": "Outcomes after December 2024",
}
COLUMNS = ("Row", "Date", "What it records (our words)", "Source", "Grade", "Credibility")


def evidence_html(index: pd.DataFrame, table: str) -> str:
    """Every row of one fact table, oldest first, each with its own anchor (``#row-<id>``) that values and
    judgment boxes link to."""
    rows = index[index["table"] == table].sort_values(["date", "row_id"])
    body = "".join(
        f'<tr id="{row_anchor(r.row_id)}"><th scope="row">{html.escape(r.row_id)}</th>'
        f"<td>{'' if pd.isna(r.date) else fmt_date(r.date)}</td><td>{html.escape(r.summary)}</td>"
        f'<td><a href="{html.escape(r.url)}">{html.escape(r.publisher)}</a></td>'
        f"<td>{r.reliability}</td><td>{r.credibility}</td></tr>"
        for r in rows.itertuples()
    )
    head = "".join(f'<th scope="col">{h}</th>' for h in COLUMNS)
    title = html.escape(TITLES[table])
    return (
        f'<div class="hb-table-wrap" tabindex="0"><table class="hb-table">'
        f"<caption>{title}: {plural(len(rows), 'row', 'rows')}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def evidence_table_page(table: str) -> Page:
    """The evidence page of one fact table: its rows as one table."""
    page = Page()
    page.add("rows", block(evidence_html(evidence_index(), table), f"*{TITLES[table]}: see the web edition.*"))
    return page


def tables_html(index: pd.DataFrame) -> str:
    """The evidence pages, one per fact table, with how many rows each holds."""
    items = "".join(
        f'<li><a href="{evidence_page(table)}">{html.escape(TITLES[table])}</a>: '
        f"{plural(int((index['table'] == table).sum()), 'row', 'rows')}</li>"
        for table in FACT_TABLES
    )
    return f'<ul class="hb-evidence-tables">{items}</ul>'


def row_index_html(index: pd.DataFrame) -> str:
    """Every row id, by table, linked to its row on its table's page; each keeps its old anchor on this page."""
    parts = []
    for table in FACT_TABLES:
        ids = sorted(index.loc[index["table"] == table, "row_id"])
        links = " ".join(f'<a id="{row_anchor(r)}" href="{row_href(r)}">{html.escape(r)}</a>' for r in ids)
        parts.append(f"<p><strong>{html.escape(TITLES[table])}</strong>: {links}</p>")
    return f'<details class="hb-row-index"><summary>Every row by its id</summary>{"".join(parts)}</details>'


def evidence_landing() -> Page:
    """The landing page of the evidence appendix: the table pages, and every row id linked to its row."""
    index = evidence_index()
    page = Page()
    page.add("tables", block(tables_html(index), "*The evidence tables: see the web edition.*"))
    page.add("row-index", block(row_index_html(index), "*The rows by id: see the web edition.*"))
    return page
