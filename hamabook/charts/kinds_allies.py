"""Chart builders of the allies chapter: who backed whom for how long, the air raids by force, the outside actors'
moves. Each takes the exact DataFrame it draws and a ``voice`` (:mod:`hamabook.charts.voice`)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from . import theme
from .voice import ENGLISH, Voice


def support_bars(drawn: pd.DataFrame, voice: Voice = ENGLISH) -> alt.Chart:
    """One bar per backer (``backer``, in the frame's order) from ``start`` to ``end``, coloured by whom it backed."""
    chart = (
        alt.Chart(drawn)
        .mark_bar(height=14)
        .encode(
            x=alt.X("start:T", title=None, **voice.along()),
            x2="end:T",
            y=alt.Y("backer:N", sort=list(drawn["backer"]), title=None, **voice.axis(rtl_orient="right")),
            color=alt.Color("backed:N", title=voice.title("Backed"), **voice.legend()),
            tooltip=[
                voice.tooltip("backer"),
                voice.tooltip("backed"),
                voice.tooltip("what"),
                voice.tooltip("start", "T", format="%Y"),
                voice.tooltip("end", "T", format="%d %b %Y"),
                voice.tooltip("years"),
            ],
        )
        .properties(width="container", height=150)
    )
    return voice.finish(chart)


def raid_bars(drawn: pd.DataFrame, voice: Voice = ENGLISH) -> alt.Chart:
    """Air raids (``raids``) by ``force``, longest bar first."""
    chart = (
        alt.Chart(drawn)
        .mark_bar()
        .encode(
            x=alt.X(
                "raids:Q", title=voice.title("Air raids in the offensive's first week (SOHR count)"), **voice.along()
            ),
            y=alt.Y("force:N", sort="-x", title=None, **voice.axis(rtl_orient="right")),
            color=alt.value(theme.SIDE_COLOURS["government"]),
            tooltip=[voice.tooltip("force"), voice.tooltip("raids"), voice.tooltip("publisher")],
        )
        .properties(width="container", height=120)
    )
    return voice.finish(chart)
