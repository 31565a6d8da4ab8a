"""Key judgments: rendered from data/judgments.csv with their probability bands."""

from __future__ import annotations

import html

import pandas as pd


def band_text(low: float, high: float) -> str:
    """A probability band as the book writes it: 0.55, 0.8 -> '55–80 %'."""
    return f"{round(low * 100)}–{round(high * 100)} %"


def likelihood_band(scale: pd.DataFrame, term: str) -> str:
    """'55–80 %' for 'likely', read from likelihood_scale.csv."""
    rows = scale.loc[scale["term"] == term]
    if rows.empty:
        raise KeyError(f"{term!r} is not a term of the likelihood scale")
    return band_text(*rows.iloc[0][["low", "high"]])


def with_bands(judgments: pd.DataFrame, likelihood: pd.DataFrame) -> pd.DataFrame:
    """Add each judgment's probability band (e.g. '55–80 %') from the likelihood scale."""
    merged = judgments.merge(likelihood[["term", "low", "high"]], left_on="likelihood", right_on="term", how="left")
    if merged["low"].isna().any():
        bad = ", ".join(merged.loc[merged["low"].isna(), "likelihood"])
        raise KeyError(f"likelihood word(s) not on the scale: {bad}")
    merged["band"] = [band_text(lo, hi) for lo, hi in zip(merged["low"], merged["high"], strict=True)]
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
            f'<a href="{html.escape(row.chapter)}.html#{html.escape(row.section)}">Evidence</a> '
            f'<span class="hb-basis">(data rows {html.escape(", ".join(row.basis.split()))})</span></li>'
        )
    return (
        '<div class="admonition tip hb-judgments"><p class="admonition-title">Key judgments</p>'
        f"<ol>{''.join(items)}</ol></div>"
    )


def judgments_markdown(judgments: pd.DataFrame, likelihood: pd.DataFrame) -> str:
    """The same judgments as a Markdown list, for the print edition."""
    from .render import md_escape

    lines = ["**Key judgments**", ""]
    for n, row in enumerate(with_bands(judgments, likelihood).itertuples(), start=1):
        lines.append(
            f"{n}. **{md_escape(row.likelihood.capitalize())}** ({md_escape(row.band)}): {md_escape(row.statement)}. "
            f"*Confidence: {row.confidence}.* Evidence: chapter {md_escape(row.chapter)}, "
            f"data rows {md_escape(', '.join(row.basis.split()))}."
        )
    return "\n".join(lines)
