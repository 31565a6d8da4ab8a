"""The evidence page: every fact row with its own anchor. (The data dictionary and sources pages have their
own modules: ``data_dictionary`` and ``sources_page``.)"""

from __future__ import annotations

import pandas as pd


def evidence_html(index: pd.DataFrame, table: str, title: str) -> str:
    """Every row of one fact table, each with its own anchor (``#row-<id>``) that values and judgment boxes
    link to; folded behind a summary so the page stays short (a link to a row opens its fold)."""
    import html

    from ..output.prose import fmt_date
    from ..rows.provenance import row_anchor

    rows = index[index["table"] == table].sort_values(["date", "row_id"])
    body = "".join(
        f'<tr id="{row_anchor(r.row_id)}"><th scope="row">{html.escape(r.row_id)}</th>'
        f"<td>{'' if pd.isna(r.date) else fmt_date(r.date)}</td><td>{html.escape(r.summary)}</td>"
        f'<td><a href="{html.escape(r.url)}">{html.escape(r.publisher)}</a></td>'
        f"<td>{r.reliability}</td><td>{r.credibility}</td></tr>"
        for r in rows.itertuples()
    )
    head = "".join(
        f'<th scope="col">{h}</th>'
        for h in ("Row", "Date", "What it records (our words)", "Source", "Grade", "Credibility")
    )
    return (
        f'<details class="hb-evidence" id="evidence-{table}"><summary>{html.escape(title)}: {len(rows)} rows</summary>'
        f'<div class="hb-table-wrap" tabindex="0"><table class="hb-table"><caption>{html.escape(title)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div></details>"
    )


def evidence_page():
    """The evidence page: one folded table per fact table."""
    from ..output.figure import block
    from ..rows.provenance import FACT_TABLES, evidence_index
    from .page import Page

    index = evidence_index()
    titles = {
        "events": "Events",
        "figures": "Figures (numbers)",
        "control_changes": "Control changes",
        "forecasts": "Forecasts",
        "outcomes": "Outcomes after December 2024",
    }
    page = Page()
    for table in FACT_TABLES:
        page.add(table, block(evidence_html(index, table, titles[table]), f"*{titles[table]}: see the web edition.*"))
    return page
