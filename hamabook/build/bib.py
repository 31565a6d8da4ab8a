"""Export the sources registry as BibTeX, so chapters can cite with {cite} and the book lists a bibliography.

``book/references.bib`` is standard BibTeX, for BibTeX, biber and reference managers alike: :func:`escape` writes
LaTeX's special characters the LaTeX way (backslash, braces, tilde and circumflex as text commands; $, &, %, # and
_ with a backslash) and breaks TeX ligatures (-- `` '' ?` !`) with ``{}``, so every brace in the file is grouping
and balanced. The book's own reader is pybtex (through sphinxcontrib-bibtex), which decodes most of these but shows
a few text commands and ``\\$`` as written: :func:`restore` turns them back into their characters in what pybtex
rendered (the book's Sphinx extension does this on every page). Titles are wrapped in braces so the style keeps
their capitals (proper names stay capitalised).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pandas as pd

from .. import ROOT
from ..data import load

BIB_PATH = ROOT / "book" / "references.bib"
HEADER = "% Generated from data/sources.csv by `python -m hamabook bib`. Do not edit by hand.\n\n"

_LATEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "^": r"\textasciicircum{}",
    "$": r"\$",
    "~": r"\textasciitilde{}",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
}
_LIGATURE_FIRST = set("-`'?!")
_LIGATURE_SECOND = set("-`'")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def escape(text: str) -> str:
    """Write ``text`` for a BibTeX field, LaTeX's special characters escaped, so that LaTeX prints it and pybtex
    renders it exactly once :func:`restore` has run (whitespace runs read as one space)."""
    text = " ".join(text.split())
    out = []
    for i, ch in enumerate(text):
        out.append(_LATEX_SPECIAL.get(ch, ch))
        if ch in _LIGATURE_FIRST and text[i + 1 : i + 2] in _LIGATURE_SECOND:
            out.append("{}")
    return "".join(out)


# What pybtex shows for the escapes it does not decode (a text command keeps one space after it), and the character.
SHOWN_AS_WRITTEN = {
    "\\textbraceleft ": "{",
    "\\textbraceright ": "}",
    "\\textasciicircum ": "^",
    "\\$": "$",
}
_SHOWN = re.compile("|".join(re.escape(shown) for shown in SHOWN_AS_WRITTEN))


def restore(text: str) -> str:
    """Text as rendered by pybtex with the escapes it shows as written (:data:`SHOWN_AS_WRITTEN`) turned back
    into their characters."""
    return _SHOWN.sub(lambda match: SHOWN_AS_WRITTEN[match.group()], text)


def _url(url: str) -> str:
    """A URL for the raw ``url`` field: braces, backslashes and spaces percent-encoded (the same address)."""
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D").replace(" ", "%20")


def _get(row: pd.Series, name: str) -> str | None:
    """An optional cell as text, or None when the column is absent or the cell empty."""
    value = row.get(name)
    return None if value is None or pd.isna(value) else str(value)


def entry(row: pd.Series) -> str:
    title = _get(row, "title") or row["publisher"]
    if _get(row, "title_en") and _get(row, "title_en") != title:
        title += f" [{row['title_en']}]"  # a translated title follows the original, in square brackets
    fields = {"title": "{{" + escape(title) + "}}", "howpublished": "{" + escape(row["publisher"]) + "}"}
    if pd.notna(row["published"]):
        fields["year"] = "{" + f"{row['published']:%Y}" + "}"
        fields["month"] = _MONTHS[row["published"].month - 1]  # a BibTeX macro: the style prints the month name
    fields["url"] = "{" + _url(row["url"]) + "}"
    fields["urldate"] = "{" + f"{row['accessed']:%Y-%m-%d}" + "}"
    fields["keywords"] = "{" + row["kind"] + "}"  # the bibliography page groups entries by kind of source
    note = f"Reliability grade {row['reliability']} ({row['kind'].replace('_', ' ')})"
    if _get(row, "originator") and row["originator"] != row["publisher"]:
        note += f"; originated by {row['originator']}"
    if _get(row, "via"):
        note += f"; via {row['via']}"
    fields["note"] = "{" + escape(note) + "}"
    body = ",\n".join(f"  {key} = {value}" for key, value in fields.items())
    return f"@misc{{{row['source_id']},\n{body}\n}}\n"


def bibtex(sources: pd.DataFrame | None = None) -> str:
    """The whole registry as BibTeX, one @misc entry per source, in registry order."""
    sources = load("sources") if sources is None else sources
    return HEADER + "\n".join(entry(row) for _, row in sources.iterrows())


def write(path: Path = BIB_PATH, sources: pd.DataFrame | None = None) -> bool:
    """Write the bibliography if its content changed (so an unchanged file keeps its date); True if written."""
    text = bibtex(sources)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return True


@functools.cache
def _pybtex():
    """pybtex's BibTeX parser class, its unsrt style and text backend, looked up once: pybtex finds each plugin
    by scanning every installed package's entry points (about 10 ms a lookup)."""
    from pybtex.plugin import find_plugin

    parser = find_plugin("pybtex.database.input", "bibtex")
    return parser, find_plugin("pybtex.style.formatting", "unsrt")(), find_plugin("pybtex.backends", "text")()


def rendered(text: str) -> dict[str, dict[str, str]]:
    """How pybtex (the book's bibliography renderer) shows each entry: key -> {'entry': text, field: text}."""
    from pybtex.richtext import Text

    parser, style, backend = _pybtex()
    database = parser().parse_string(text)
    shown = {}
    for formatted in style.format_entries(database.entries.values()):
        fields = database.entries[formatted.key].fields
        shown[formatted.key] = {name: restore(Text.from_latex(value).render(backend)) for name, value in fields.items()}
        shown[formatted.key]["entry"] = restore(formatted.text.render(backend))
    return shown
