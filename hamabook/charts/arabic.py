"""Charts for the Arabic edition: the book's chart kinds drawn right to left.

A chart of the Arabic edition mirrors its English kind: the categories' axis on the right, time running from right
to left, the legend on the left, the titles and tooltips in Arabic.

Vega lays text out left to right (an SVG's own direction), so each Arabic text is isolated as right-to-left
(:func:`rtl`, Unicode's RLI ... PDI): the browser then orders it, numbers and brackets included, as Arabic reads, in
the static drawing and in the interactive chart alike. The browser also shapes it (Vega writes text, not outlines).
The text is set in Noto Naskh Arabic, which the Arabic pages ship (the interactive chart uses it) and which the
static drawing names first (an image's SVG cannot use the page's fonts: a reader's own Arabic font draws it where
that font is not installed).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..rows.grades import grade_rank
from .kinds import report_dots
from .theme import FONT

ARABIC_FONT = f'"Noto Naskh Arabic", {FONT}'
RLI, PDI = "\u2067", "\u2069"  # right-to-left isolate, pop directional isolate


def rtl(text: str) -> str:
    """``text`` isolated as right-to-left, for a chart's title or label."""
    return f"{RLI}{text}{PDI}"


def report_dots_rtl(
    drawn: pd.DataFrame,
    y: str,
    order: list[str],
    *,
    x_title: str,
    legend_title: str,
    tooltips: dict[str, str],
    height: int,
    size: int,
    opacity: float,
) -> alt.Chart:
    """:func:`hamabook.charts.kinds.report_dots`, right to left: days as numbers (the axis title names the months),
    ``tooltips`` giving each drawn column's Arabic title."""
    chart = report_dots(drawn, y, order, x_title=x_title, height=height, size=size, opacity=opacity)
    return chart.encode(
        x=alt.X(
            "date:T",
            title=rtl(x_title),
            scale=alt.Scale(reverse=True),
            axis=alt.Axis(format="%-d", tickCount="day"),
        ),
        y=alt.Y(
            f"{y}:N",
            sort=order,
            title=None,
            axis=alt.Axis(orient="right", labelExpr=f"'{RLI}' + datum.label + '{PDI}'"),
        ),
        color=alt.Color(
            "reliability:N",
            title=rtl(legend_title),
            scale=alt.Scale(domain=list(grade_rank())),
            legend=alt.Legend(orient="left"),
        ),
        tooltip=[
            alt.Tooltip(
                f"{col}:{'T' if col == 'date' else 'N'}",
                title=title,
                **({"format": "%-d/%-m/%Y"} if col == "date" else {}),
            )
            for col, title in tooltips.items()
        ],
    ).configure(font=ARABIC_FONT)
