"""A chapter's judgment boxes in Arabic, in full, and the verdicts its bottom line cites (private to the Arabic
allies, aftermath and implications pages).

:mod:`hamabook.output.arabic_judgments` renders the key-judgments list and the verdicts, but not a chapter's boxes
(assumptions, alternative, indicators), and its accessor (:mod:`hamabook.rows.arabic`) still reads an earlier
layout of ``data/translations.csv`` and falls back to English statements and interim scale words. Until it reads
the catalogue, these pages read every Arabic word of a judgment from ``data/translations.csv`` through its accessor
(:func:`hamabook.rows.translations.translated`), never retyped, and write the verdict in the helper's form
(:func:`hamabook.output.arabic_judgments.verdict`).
"""

from __future__ import annotations

import html
from types import SimpleNamespace

from ...data import load
from ...output.arabic import band_text, row_links
from ...output.arabic_judgments import verdict
from ...output.figure import block
from ...output.judgments import with_bands
from ...output.prose import Value
from ...output.render import md_escape
from ...rows.translations import translated
from ..page import Section

FIELDS = (
    ("assumptions", "يفترض"),
    ("alternative", "البديل الذي وزنّاه"),
    ("indicators", "ما قد يغيّر تقديرنا"),
)


def _rows(chapter: str | None = None):
    judgments = load("judgments")
    if chapter is not None:
        judgments = judgments[judgments["chapter"] == chapter]
    rows = with_bands(judgments, load("likelihood_scale"))
    out = {}
    for r in rows.itertuples():
        jid = r.judgment_id
        out[jid] = SimpleNamespace(
            judgment_id=jid,
            basis=r.basis,
            chapter=r.chapter,
            low=r.low,
            high=r.high,
            likelihood_ar=translated("likelihood_scale", r.likelihood, "term"),
            confidence_ar=translated("judgments", r.confidence, "confidence"),
            statement_ar=translated("judgments", jid, "statement"),
            **{f: translated("judgments", jid, f) for f, _ in FIELDS},
        )
    return out


def _links(ids: str) -> str:
    return row_links(ids)


def box_html(row) -> str:
    jid = row.judgment_id
    items = f"<dt>يستند إلى صفوف البيانات</dt><dd>{_links(row.basis)}</dd>" + "".join(
        f"<dt>{label}</dt><dd>{html.escape(getattr(row, field))}</dd>" for field, label in FIELDS
    )
    return (
        f'<div class="admonition hb-judgment" id="{jid.lower()}" role="note" aria-label="التقدير {jid}">'
        f'<p class="admonition-title">التقدير {html.escape(jid)}</p>'
        f"<p><strong>{html.escape(row.likelihood_ar)}</strong> ({html.escape(band_text(row.low, row.high))})، "
        f"بثقة {html.escape(row.confidence_ar)}: {html.escape(row.statement_ar)}.</p><dl>{items}</dl></div>"
    )


def box_markdown(row) -> str:
    parts = " ".join(f"*{label}:* {md_escape(getattr(row, field))}" for field, label in FIELDS)
    return (
        f"**التقدير {row.judgment_id}.** {md_escape(verdict(row))}: {md_escape(row.statement_ar)}. "
        f"*يستند إلى* {md_escape('، '.join(row.basis.split()))}. {parts}"
    )


def judged(chapter: str, verdicts: dict[str, str]) -> Section:
    """The chapter's judgment boxes in Arabic (keyed by id, as the English page shows them) and the verdicts its
    prose cites (``{literal key: judgment id}``, the English page's keys), resting on each judgment's basis."""
    rows = _rows(chapter)
    every = _rows() if set(verdicts.values()) - set(rows) else rows
    return Section(
        values={key: Value(verdict(every[jid]), tuple(every[jid].basis.split())) for key, jid in verdicts.items()},
        shows={jid: block(box_html(r), box_markdown(r)) for jid, r in rows.items()},
    )
