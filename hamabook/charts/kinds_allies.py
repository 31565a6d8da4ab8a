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


def moves_timeline(drawn: pd.DataFrame, voice: Voice = ENGLISH) -> alt.Chart:
    """One row per actor, one mark per reported move at its date: a circle for a deed, a diamond for a statement,
    coloured by the side the actor stands on (in the voice's words)."""
    kinds = alt.Scale(domain=voice.domain(["action", "statement"]), range=["circle", "diamond"])
    sides = alt.Scale(domain=voice.domain(theme.SIDE_COLOURS), range=list(theme.SIDE_COLOURS.values()))
    chart = (
        alt.Chart(drawn)
        .mark_point(size=70, filled=True, opacity=0.85)
        .encode(
            x=alt.X("date:T", title=None, **voice.along(), **voice.axis(format="%d %b")),
            y=alt.Y("actor:N", title=None, **voice.axis(rtl_orient="right")),
            yOffset=alt.YOffset("slot:O"),
            shape=alt.Shape("kind:N", title=voice.title("Kind"), scale=kinds, **voice.legend()),
            color=alt.Color("side:N", title=voice.title("Side"), scale=sides, **voice.legend()),
            tooltip=[voice.tooltip("date", "T", format="%d %b %Y")]
            + [voice.tooltip(c) for c in ("actor", "kind", "summary", "publisher")],
        )
        .properties(width="container", height=210)
    )
    return voice.finish(chart)
