"""Chart kinds shared by several chapters. Each builder takes the exact DataFrame it draws, and a ``voice`` (its
words and direction: :mod:`hamabook.charts.voice`) that the Arabic edition sets."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..rows.grades import grade_rank
from .voice import ENGLISH, Voice


def report_dots(
    drawn: pd.DataFrame,
    y: str,
    order: list[str],
    *,
    x_title: str,
    height: int,
    size: int,
    opacity: float,
    voice: Voice = ENGLISH,
) -> alt.Chart:
    """One dot per report: its date (``date``) against a place (column ``y``, in ``order``), coloured by the grade of
    the source (``reliability``); ``publisher`` in the tooltip. Contested dates show as dots on several days."""
    chart = (
        alt.Chart(drawn)
        .mark_point(filled=True, size=size, opacity=opacity)
        .encode(
            x=alt.X(
                "date:T", title=voice.title(x_title), **voice.along(), **voice.axis(format="%d %b", tickCount="day")
            ),
            y=alt.Y(f"{y}:N", sort=order, title=None, **voice.axis(rtl_orient="right")),
            color=alt.Color(
                "reliability:N",
                title=voice.title("Source grade"),
                scale=alt.Scale(domain=list(grade_rank())),
                **voice.legend(),
            ),
            tooltip=[
                voice.tooltip(y),
                voice.tooltip("date", "T", format="%d %b %Y"),
                voice.tooltip("publisher"),
                voice.tooltip("reliability"),
            ],
        )
        .properties(width="container", height=height)
    )
    return voice.finish(chart)
