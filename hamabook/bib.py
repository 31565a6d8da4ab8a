"""Export the sources registry as BibTeX, so chapters can cite with {cite} and the book lists a bibliography."""

from __future__ import annotations

import pandas as pd

from . import ROOT
from .data import load

BIB_PATH = ROOT / "book" / "references.bib"

_LATEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def escape(text: str) -> str:
    """Escape LaTeX specials so any title or publisher is safe inside a BibTeX field."""
    return "".join(_LATEX_SPECIAL.get(ch, ch) for ch in text)


def entry(row: pd.Series) -> str:
    fields = {"title": escape(row["title"]) if pd.notna(row["title"]) else escape(row["publisher"])}
    fields["organization"] = escape(row["publisher"])
    fields["howpublished"] = r"\url{" + row["url"].replace("%", r"\%").replace("#", r"\#") + "}"
    if pd.notna(row["published"]):
        fields["year"] = f"{row['published']:%Y}"
        fields["month"] = f"{row['published']:%b}".lower()
    fields["urldate"] = f"{row['accessed']:%Y-%m-%d}"
    note = f"Reliability grade {row['reliability']} ({row['kind'].replace('_', ' ')})"
    if pd.notna(row["carries"]):
        note += f"; carries {escape(row['carries'])}"
    fields["note"] = note
    body = ",\n".join(f"  {key} = {{{value}}}" for key, value in fields.items())
    return f"@misc{{{row['source_id']},\n{body}\n}}\n"


def bibtex(sources: pd.DataFrame | None = None) -> str:
    """The whole registry as BibTeX, one @misc entry per source, in registry order."""
    sources = load("sources") if sources is None else sources
    header = "% Generated from data/sources.csv by `python -m hamabook bib`. Do not edit by hand.\n\n"
    return header + "\n".join(entry(row) for _, row in sources.iterrows())
