"""Chart builders of the Hama 1982 chapter: a range chart of contested estimates and a dot chart of population
figures. Each takes the exact DataFrame it draws (what ``output.figure.figure`` writes as CSV)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..rows.grades import grade_rank
from . import theme
from .voice import ENGLISH, Voice


def estimate_ranges(drawn: pd.DataFrame, classes: tuple[str, ...], voice: Voice = ENGLISH) -> alt.LayerChart:
    """One row per estimate (``label``, in the frame's order): a bar from ``low`` to ``high`` for a range, a
    dot for a single figure, coloured by ``counts`` (one of ``classes``, in the voice's words); a dashed rule at the
    median of the midpoints."""
    needed = {"label", "low", "high", "midpoint", "is_range", "counts", "grade", "made_by", "estimate_year"}
    missing = needed - set(drawn.columns)
    if missing:
        raise KeyError(f"estimate_ranges needs column(s) {', '.join(sorted(missing))}")
    colour = alt.Color(
        "counts:N",
        title=voice.title("What the estimate counts"),
        scale=alt.Scale(domain=voice.domain(classes), range=theme.PALETTE[: len(classes)]),
        **voice.legend(orient="top"),
    )
    tip = [voice.tooltip(c, k) for c, k in (("made_by", "N"), ("estimate_year", "N"), ("low", "Q"), ("high", "Q"))]
    tip += [voice.tooltip("counts", "N"), voice.tooltip("grade", "N")]
    base = alt.Chart(drawn).encode(
        y=alt.Y(
            "label:N",
            sort=list(drawn["label"]),
            title=None,
            **voice.axis(rtl_orient="right", latin=True, labelLimit=260),
        )
    )
    x = alt.X("low:Q", title=voice.title("Deaths (estimate)"), **voice.axis(format=",d", tickCount=6))
    bars = (
        base.transform_filter("datum.is_range")
        .mark_rule(strokeWidth=5)
        .encode(x=x, x2="high:Q", color=colour, tooltip=tip)
    )
    dots = (
        base.transform_filter("!datum.is_range")
        .mark_point(filled=True, size=80, opacity=1)
        .encode(x="low:Q", color=colour, tooltip=tip)
    )
    median = alt.Chart(drawn).mark_rule(strokeDash=[4, 4], color=theme.MUTED).encode(x="median(midpoint):Q")
    return voice.finish(alt.layer(bars, dots, median, data=drawn).properties(width="container", height=18 * len(drawn)))


def population_dots(drawn: pd.DataFrame, voice: Voice = ENGLISH) -> alt.Chart:
    """Population figures by the year they refer to (``refers_to``), coloured by ``period``, shaped by grade."""
    chart = (
        alt.Chart(drawn)
        .mark_point(filled=True, size=90)
        .encode(
            x=alt.X(
                "refers_to:T",
                title=voice.title("Year the figure refers to"),
                **voice.along(),
                **voice.axis(format="%Y"),
            ),
            y=alt.Y(
                "population:Q",
                title=voice.title("Population of Hama city"),
                **voice.axis(rtl_orient="right", format=",d"),
            ),
            color=alt.Color(
                "period:N", title=voice.title("Refers to"), scale=alt.Scale(range=theme.PALETTE[:2]), **voice.legend()
            ),
            shape=alt.Shape(
                "grade:N",
                title=voice.title("Source grade"),
                scale=alt.Scale(domain=list(grade_rank())),
                **voice.legend(),
            ),
            tooltip=[
                voice.tooltip("refers_to", "T", format="%Y"),
                voice.tooltip("population", "Q", format=","),
                voice.tooltip("scope", "N"),
                voice.tooltip("publisher", "N"),
                voice.tooltip("grade", "N"),
            ],
        )
        .properties(width="container", height=280)
    )
    return voice.finish(chart)
