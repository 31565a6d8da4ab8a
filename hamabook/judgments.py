"""Key judgments: rendered from data/judgments.csv with their probability bands."""

from __future__ import annotations

import html

import pandas as pd


def with_bands(judgments: pd.DataFrame, likelihood: pd.DataFrame) -> pd.DataFrame:
    """Add each judgment's probability band (e.g. '55–80 %') from the likelihood scale."""
    merged = judgments.merge(likelihood[["term", "low", "high"]], left_on="likelihood", right_on="term", how="left")
    if merged["low"].isna().any():
        bad = ", ".join(merged.loc[merged["low"].isna(), "likelihood"])
        raise KeyError(f"likelihood word(s) not on the scale: {bad}")
    merged["band"] = [f"{lo * 100:.0f}–{hi * 100:.0f} %" for lo, hi in zip(merged["low"], merged["high"], strict=True)]
    return merged.drop(columns=["term"])


def missing_basis(judgments: pd.DataFrame, known_ids: set[str]) -> list[str]:
    """Basis ids that name no row in the data package."""
    return sorted({i for basis in judgments["basis"] for i in basis.split()} - known_ids)


def judgments_html(judgments: pd.DataFrame, likelihood: pd.DataFrame) -> str:
    """A 'Key judgments' box: likelihood word and band, confidence, statement, link to the evidence."""
    items = []
    for row in with_bands(judgments, likelihood).itertuples():
        items.append(
            f'<li id="{html.escape(row.judgment_id.lower())}">'
            f"<strong>{html.escape(row.likelihood.capitalize())}</strong> "
            f"({html.escape(row.band)}): {html.escape(row.statement)}. "
            f"<em>Confidence: {html.escape(row.confidence)}.</em> "
            f'<a href="{html.escape(row.chapter)}.html">Evidence</a> '
            f'<span class="hb-basis">(data rows {html.escape(", ".join(row.basis.split()))})</span></li>'
        )
    return (
        '<div class="admonition tip hb-judgments"><p class="admonition-title">Key judgments</p>'
        f"<ol>{''.join(items)}</ol></div>"
    )
