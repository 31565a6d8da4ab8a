"""The judgments in Arabic, rendered from ``data/judgments.csv`` and their translations (``data/translations.csv``,
through :mod:`hamabook.rows.arabic`): the key-judgments list and the verdicts a bottom line cites. Same rows, same
likelihood bands as the English boxes, so one judgment never reads two ways."""

from __future__ import annotations

import html

import pandas as pd

from ..rows.arabic import judgments_ar
from .arabic import band_text
from .figure import block
from .judgments import with_bands
from .prose import Value
from .render import md_escape


def verdict(row) -> str:
    """'مرجّح (55–80%)، بثقة متوسطة'."""
    return f"{row.likelihood_ar} ({band_text(row.low, row.high)})، بثقة {row.confidence_ar}"


def _rows(judgments: pd.DataFrame, likelihood: pd.DataFrame) -> pd.DataFrame:
    return judgments_ar(with_bands(judgments, likelihood))


def key_judgments(judgments: pd.DataFrame, likelihood: pd.DataFrame, ids: list[str], pages: dict[str, str]):
    """The key-judgments list in ``ids`` order, each linking to its box: ``pages`` maps a chapter to the page that
    holds its judgment boxes (relative to the Arabic page) and whether it is in Arabic (``(href, "ar"|"en")``)."""
    rows = _rows(judgments, likelihood).set_index("judgment_id")
    missing = sorted(set(ids) - set(rows.index))
    if missing:
        raise KeyError(f"no judgment(s) {', '.join(missing)} in judgments.csv")
    items, lines = [], ["**التقديرات الرئيسية**", ""]
    for jid in ids:
        row = rows.loc[jid]
        href, lang = pages[row.chapter]
        where = "الأدلة والتعليل" if lang == "ar" else "الأدلة والتعليل (بالإنجليزية)"
        items.append(
            f"<li><strong>{html.escape(jid)}</strong> <strong>{html.escape(row.likelihood_ar)}</strong> "
            f"({html.escape(band_text(row.low, row.high))})، بثقة {html.escape(row.confidence_ar)}: "
            f"{html.escape(row.statement_ar)}. "
            f'<a href="{html.escape(href)}#{jid.lower()}" hreflang="{lang}">{where}</a></li>'
        )
        lines.append(f"- **{jid}** {md_escape(verdict(row))}: {md_escape(row.statement_ar)}.")
    markup = (
        '<div class="admonition tip hb-judgments"><p class="admonition-title">التقديرات الرئيسية</p>'
        f"<ul>{''.join(items)}</ul></div>"
    )
    return block(markup, "\n".join(lines))


def verdict_values(judgments: pd.DataFrame, likelihood: pd.DataFrame, keys: dict[str, str]) -> dict[str, Value]:
    """``{"j16_verdict": Value("مرجّح (55–80%)، بثقة متوسطة", rows=basis)}`` for each literal key and the judgment
    it names: how an Arabic bottom line cites a judgment."""
    rows = _rows(judgments, likelihood).set_index("judgment_id")
    missing = sorted(set(keys.values()) - set(rows.index))
    if missing:
        raise KeyError(f"no judgment(s) {', '.join(missing)} in judgments.csv")
    return {key: Value(verdict(rows.loc[jid]), tuple(rows.loc[jid, "basis"].split())) for key, jid in keys.items()}
