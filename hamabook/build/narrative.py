"""How much of a built page tells the story, and how often that story talks about its own data.

A page's *narrative* is its running prose: the paragraphs and list items of the article, outside tables, figures,
folded details, judgment boxes, provenance notes and every admonition but the bottom line (method notes, "as of"
notes and the like are admonitions). A *data reference* is a phrase whose subject is the book's evidence rather
than the war: "our data", "the rows", "the table below", "reports we hold". The book's writing guide asks for at
most three of them per 1,000 words of narrative; counting reports and grading copies belongs in method notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from ..data import load

#: Containers whose text is evidence or apparatus, not narrative.
APPARATUS = (
    "table, figure, details, nav, script, style, .hb-note, .hb-judgment, .hb-judgments, .hb-fold, .hb-table-wrap,"
    " .hb-figure, .hb-chart, .cell_output .output pre, .admonition:not(.tip)"
)

#: Phrases about the book's own evidence (case-insensitive, whole words).
DATA_TALK = re.compile(
    r"\b(?:our|the|these|this|its) (?:data|dataset|database|rows?|records?|entries|copies|tables?|reports we hold)\b"
    r"|\bdata (?:hold|holds|give|gives|show|shows|record|records|contain|contains)\b"
    r"|\bin (?:our|the) data\b"
    r"|\b(?:rows?|entries) (?:in|of) (?:our|the)\b"
    r"|\bwe (?:hold|count|counted|record|recorded|have found)\b"
    r"|\b(?:table|chart) (?:below|above)\b"
    r"|\bthe (?:table|chart|figure) (?:gives|lists|shows|collects|holds)\b",
    re.I,
)
WORD = re.compile(r"[^\W\d_][\w'’-]*", re.U)


@dataclass(frozen=True)
class Narrative:
    """A page's running prose and what it says about its own data."""

    text: str
    words: int
    references: tuple[str, ...]

    @property
    def references_per_1000(self) -> float:
        return 1000 * len(self.references) / self.words if self.words else 0.0


def narrative(html: str) -> Narrative:
    """The running prose of a built page's article (see the module's docstring for what is left out)."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article.bd-article") or soup.select_one("main") or soup
    for node in article.select(APPARATUS):
        node.decompose()
    paragraphs = [node.get_text(" ", strip=True) for node in article.select("p, li") if not node.find_parent("li")]
    text = "\n".join(p for p in paragraphs if p)
    return Narrative(text, len(WORD.findall(text)), tuple(m.group(0) for m in DATA_TALK.finditer(text)))


def chapter_pages() -> list[str]:
    """The chapters that have a page, in page order (data/chapters.csv)."""
    chapters = load("chapters")
    return list(chapters[chapters["page"].notna()].sort_values("page")["chapter"])


def report(pages: dict[str, Path]) -> list[str]:
    """One line per page: narrative words, data references and their rate, and the phrases found."""
    lines = []
    for name, path in pages.items():
        found = narrative(path.read_text(encoding="utf-8"))
        lines.append(
            f"{name:<14} {found.words:>6} words  {len(found.references):>3} data references"
            f" ({found.references_per_1000:.1f} per 1,000)  {'; '.join(found.references[:8])}"
        )
    return lines
