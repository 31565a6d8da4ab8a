"""Export the sources registry as BibTeX, so chapters can cite with {cite} and the book lists a bibliography.

The only reader of ``book/references.bib`` is pybtex (through sphinxcontrib-bibtex), which parses the file
as BibTeX, decodes LaTeX with latexcodec and treats braces as grouping. :func:`escape` writes text so that
pybtex shows it exactly as written: backslash, tilde, %, #, & and _ become LaTeX commands that latexcodec
decodes back; $ and ^ stay as they are (pybtex shows them literally, while their LaTeX escapes would leave
a backslash in the page); TeX ligatures (-- `` '' ?` !`) are broken with ``{}``. pybtex has no escape for a
brace (it reads every brace as grouping and drops it), so :func:`escape` writes each brace as a private-use
stand-in character that pybtex passes through untouched, and :func:`restore` turns the stand-ins back into
braces in what pybtex rendered (the book's Sphinx extension does this on every page). The data rule
``bibliography_text_has_no_brace_stand_ins`` keeps the stand-ins out of the registry, so the mapping is one to
one. Titles are wrapped in braces so the style keeps their capitals (proper names stay capitalised).
"""

from __future__ import annotations

import functools
from pathlib import Path

import pandas as pd

from .. import ROOT
from ..data import load

BIB_PATH = ROOT / "book" / "references.bib"
HEADER = "% Generated from data/sources.csv by `python -m hamabook bib`. Do not edit by hand.\n\n"

# Private-use code points that stand for { and } inside the .bib file (see the module docstring).
BRACE_STAND_INS = {"{": "\ue000", "}": "\ue001"}
_RESTORE = str.maketrans({v: k for k, v in BRACE_STAND_INS.items()})
_LATEX_SPECIAL = {
    **BRACE_STAND_INS,
    "\\": r"\textbackslash{}",
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
    """Write ``text`` for a BibTeX field so that pybtex renders it exactly, once :func:`restore` has put its
    braces back (whitespace runs read as one space)."""
    text = " ".join(text.split())
    out = []
    for i, ch in enumerate(text):
        out.append(_LATEX_SPECIAL.get(ch, ch))
        if ch in _LIGATURE_FIRST and text[i + 1 : i + 2] in _LIGATURE_SECOND:
            out.append("{}")
    return "".join(out)


def restore(text: str) -> str:
    """Text as rendered by pybtex with the brace stand-ins written by :func:`escape` turned back into braces."""
    return text.translate(_RESTORE)


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
