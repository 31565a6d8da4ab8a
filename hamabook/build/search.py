"""The search index reads the book's HTML outputs word by word.

Sphinx indexes a raw HTML block (every table, note and box a notebook outputs) by deleting its tags, which glues
the text of neighbouring cells into one "word" (``1,000</td><td>AFP`` becomes ``1,000afp``) and keeps entities as
words (``&#x27;`` gives ``x27``): a third of the index's terms were such words, which no reader searches for, and
the search page loads them all (the index is most of its weight). Here the indexer reads each raw HTML block as a
reader does (a tag separates words, an entity is the character it stands for); the page itself is left as it is.
"""

from __future__ import annotations

import html
import re

from docutils import nodes
from sphinx.search import IndexBuilder

SKIPPED = re.compile(r"<(style|script)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"<[^<]+?>")
_SPHINX_COLLECTOR = IndexBuilder._word_collector


def words_of_html(markup: str) -> str:
    """The text of an HTML fragment as a reader reads it: scripts and styles dropped, a space for every tag, entities
    read (an angle bracket in the text becomes a space, so that Sphinx's own tag stripping finds no tag in it)."""
    text = html.unescape(TAG.sub(" ", SKIPPED.sub(" ", markup)))
    return text.replace("<", " ").replace(">", " ")


def _word_collector(self, doctree: nodes.document):
    """Sphinx's collector, given a copy of the page whose raw HTML blocks hold their words only."""
    copy = doctree.deepcopy()
    for node in list(copy.findall(nodes.raw)):
        if "html" in node.get("format", "").split():
            node.replace_self(nodes.raw("", words_of_html(node.astext()), format="html"))
    return _SPHINX_COLLECTOR(self, copy)


def setup(app) -> None:
    IndexBuilder._word_collector = _word_collector
