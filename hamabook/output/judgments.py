"""Judgment boxes, all rendered from ``data/judgments.csv``.

A judgment is written once, as a row (statement, likelihood word, confidence, the rows it rests on, its
assumptions, the alternative weighed, what would change it). Every box in a chapter and every line of the
key judgments comes from that row, so one judgment can never read two ways. Each box also says when and how the
judgment last changed, from ``data/judgment_history.csv``.
"""

from __future__ import annotations

import html

import pandas as pd

from ..rows.provenance import row_href
from .figure import block
from .prose import Value
from .render import md_escape


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


def _verdict(row) -> str:
    return (
        f"<strong>{html.escape(row.likelihood.capitalize())}</strong> ({html.escape(row.band)}), "
        f"confidence {html.escape(row.confidence)}"
    )


def row_links(ids: str) -> str:
    """Space-separated row ids as links to their rows on the evidence page."""
    return ", ".join(f'<a href="{row_href(r)}">{html.escape(r)}</a>' for r in ids.split())


def _day(value) -> str:
    day = pd.Timestamp(value)
    return f"{day.day} {day:%B %Y}"


def _change_words(change) -> str:
    if change.change in ("likelihood", "confidence"):
        return f"{change.change} from {change.old} to {change.new}"
    return {"new": "issued", "reworded": "reworded"}.get(change.change, change.change.replace("_", " "))


def last_changes(history: pd.DataFrame) -> dict[str, str]:
    """For each judgment in ``history``, one sentence on its last change: 'Last changed 7 December 2026:
    reworded; likelihood from likely to very likely; J07 merged into it.' or 'Issued 29 November 2026; unchanged
    since.' A judgment merged into another is also a change of the one it was merged into."""
    day, merged = pd.to_datetime(history["date"]), history["change"] == "merged"
    events = pd.concat(
        [
            pd.DataFrame(
                {
                    "judgment_id": history["judgment_id"],
                    "day": day,
                    "words": [_change_words(c) for c in history.itertuples()],
                }
            ),
            pd.DataFrame(
                {
                    "judgment_id": history.loc[merged, "new"].str.removeprefix("merged into "),
                    "day": day[merged],
                    "words": history.loc[merged, "judgment_id"] + " merged into it",
                }
            ),
        ]
    )
    lines = {}
    for jid, own in events.groupby("judgment_id", sort=False):
        last = own["day"].max()
        changes = list(own.loc[own["day"] == last, "words"])
        issued = changes == ["issued"]
        lines[jid] = (
            f"Issued {_day(last)}; unchanged since." if issued else f"Last changed {_day(last)}: {'; '.join(changes)}."
        )
    return lines


def box_html(row, change: str) -> str:
    """One judgment as a box: id, verdict, statement, then what it rests on, assumes, weighed and watches."""
    jid = row.judgment_id
    details = (
        ("Rests on data rows", row_links(row.basis)),
        ("Assumes", html.escape(row.assumptions)),
        ("Weighed against", html.escape(row.alternative)),
        ("Would change our view", html.escape(row.indicators)),
        ("History", f'{html.escape(change)} <a href="what_changed.html">What changed</a>'),
    )
    items = "".join(f"<dt>{label}</dt><dd>{text}</dd>" for label, text in details)
    return (
        f'<div class="admonition hb-judgment" id="{jid.lower()}" role="note" aria-label="Judgment {jid}">'
        f'<p class="admonition-title">Judgment {html.escape(jid)}</p>'
        f"<p>{_verdict(row)}: {html.escape(row.statement)}.</p><dl>{items}</dl></div>"
    )


def box_markdown(row, change: str) -> str:
    return (
        f"**Judgment {row.judgment_id}.** **{md_escape(row.likelihood.capitalize())}** ({md_escape(row.band)}), "
        f"confidence {row.confidence}: {md_escape(row.statement)}. "
        f"*Rests on* {md_escape(', '.join(row.basis.split()))}. "
        f"*Assumes* {md_escape(row.assumptions)} *Weighed against* {md_escape(row.alternative)} "
        f"*Would change our view* {md_escape(row.indicators)} *History* {md_escape(change)}"
    )


def key_judgments_html(rows: pd.DataFrame) -> str:
    """The intro's list: each judgment's id, verdict and statement, linking to its box in its chapter."""
    items = "".join(
        f"<li><strong>{html.escape(r.judgment_id)}</strong> {_verdict(r)}: {html.escape(r.statement)}. "
        f'<a href="{html.escape(r.chapter)}.html#{r.judgment_id.lower()}">Evidence and reasoning</a></li>'
        for r in rows.itertuples()
    )
    return (
        f'<div class="admonition tip hb-judgments"><p class="admonition-title">Key judgments</p><ul>{items}</ul></div>'
    )


def key_judgments_markdown(rows: pd.DataFrame) -> str:
    lines = ["**Key judgments**", ""]
    for r in rows.itertuples():
        lines.append(
            f"- **{r.judgment_id}** **{md_escape(r.likelihood.capitalize())}** ({md_escape(r.band)}), "
            f"confidence {r.confidence}: {md_escape(r.statement)}. (Chapter: {md_escape(r.chapter)}.)"
        )
    return "\n".join(lines)


def judgment_boxes(
    judgments: pd.DataFrame, likelihood: pd.DataFrame, history: pd.DataFrame, chapter: str
) -> dict[str, object]:
    """Every judgment of ``chapter`` as a displayable box, keyed by its id (what ``page.show`` takes), each saying
    when and how it last changed (``history``: judgment_history.csv)."""
    rows = with_bands(judgments[judgments["chapter"] == chapter], likelihood)
    changes = last_changes(history)
    missing = sorted(set(rows["judgment_id"]) - set(changes))
    if missing:
        raise KeyError(f"no history for judgment(s) {', '.join(missing)} in judgment_history.csv")
    return {
        r.judgment_id: block(box_html(r, changes[r.judgment_id]), box_markdown(r, changes[r.judgment_id]))
        for r in rows.itertuples()
    }


def key_judgments(judgments: pd.DataFrame, likelihood: pd.DataFrame, ids: list[str] | None = None):
    """The key-judgments list (all judgments, or ``ids`` in that order) as a displayable block."""
    rows = with_bands(judgments, likelihood)
    if ids is not None:
        missing = sorted(set(ids) - set(rows["judgment_id"]))
        if missing:
            raise KeyError(f"no judgment(s) {', '.join(missing)} in judgments.csv")
        rows = rows.set_index("judgment_id").loc[ids].reset_index()
    return block(key_judgments_html(rows), key_judgments_markdown(rows))


def verdict_values(judgments: pd.DataFrame, likelihood: pd.DataFrame, keys: dict[str, str]) -> dict[str, Value]:
    """``{"j06_verdict": Value("very likely (80–95 %), confidence high", rows=basis)}`` for each literal key and
    the judgment id it names (``{"j06_verdict": "J06"}``): how a bottom line or a sentence cites a judgment without
    restating its likelihood or confidence by hand."""
    rows = with_bands(judgments, likelihood).set_index("judgment_id")
    missing = sorted(set(keys.values()) - set(rows.index))
    if missing:
        raise KeyError(f"no judgment(s) {', '.join(missing)} in judgments.csv")
    return {
        key: Value(
            f"{rows.loc[jid, 'likelihood']} ({rows.loc[jid, 'band']}), confidence {rows.loc[jid, 'confidence']}",
            tuple(rows.loc[jid, "basis"].split()),
        )
        for key, jid in keys.items()
    }
