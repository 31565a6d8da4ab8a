"""Chart kinds shared by several chapters. Each builder takes the exact DataFrame it draws."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..rows.grades import grade_rank


def report_dots(
    drawn: pd.DataFrame, y: str, order: list[str], *, x_title: str, height: int, size: int, opacity: float
) -> alt.Chart:
    """One dot per report: its date (``date``) against a place (column ``y``, in ``order``), coloured by the grade of
    the source (``reliability``); ``publisher`` in the tooltip. Contested dates show as dots on several days."""
    return (
        alt.Chart(drawn)
        .mark_point(filled=True, size=size, opacity=opacity)
        .encode(
            x=alt.X("date:T", title=x_title, axis=alt.Axis(format="%d %b", tickCount="day")),
            y=alt.Y(f"{y}:N", sort=order, title=None),
            color=alt.Color("reliability:N", title="Source grade", scale=alt.Scale(domain=list(grade_rank()))),
            tooltip=[y, alt.Tooltip("date:T", format="%d %b %Y"), "publisher", "reliability"],
        )
        .properties(width="container", height=height)
    )
