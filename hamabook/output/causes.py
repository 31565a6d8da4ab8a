"""The causes weighed (``data/causes.csv``) as a folded table: each cause with its weight, the rows for and
against it as links to the evidence page, the assessment and what would change it."""

from __future__ import annotations

import html

import pandas as pd

from .figure import Printable, block
from .judgments import row_links
from .render import table_print

CAPTION = "The causes of the speed of the collapse, weighed"
LABELS = {
    "cause": "Cause",
    "weight": "Weight",
    "for_rows": "Evidence for",
    "against_rows": "Evidence against",
    "assessment": "Assessment",
    "indicators": "What would change it",
}
LINKED = ("for_rows", "against_rows")


def causes_table(causes: pd.DataFrame) -> Printable:
    """The causes, folded under a summary line that names each cause's weight; rows cited link to their rows."""
    frame = causes[list(LABELS)]
    head = "".join(f'<th scope="col">{html.escape(label)}</th>' for label in LABELS.values())
    body = "".join(
        "<tr>"
        + "".join(f"<td>{row_links(record[col]) if col in LINKED else html.escape(record[col])}</td>" for col in LABELS)
        + "</tr>"
        for record in frame.to_dict("records")
    )
    weights = ", ".join(f"{c.split(':')[0]}: {w}" for c, w in zip(frame["cause"], frame["weight"], strict=True))
    text = (
        f'<details class="hb-group"><summary>{html.escape(CAPTION)} ({html.escape(weights)})</summary>'
        f'<div class="hb-table-wrap" tabindex="0"><table class="hb-table"><caption>{html.escape(CAPTION)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div></details>"
    )
    return block(text, table=table_print(frame, CAPTION, LABELS))
