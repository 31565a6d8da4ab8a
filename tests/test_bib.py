"""The BibTeX export matches the registry and is safe LaTeX."""

import pandas as pd

from hamabook.bib import BIB_PATH, bibtex, entry, escape


def test_committed_bibtex_matches_registry():
    assert BIB_PATH.read_text(encoding="utf-8") == bibtex(), (
        "book/references.bib is stale: run `python -m hamabook bib`"
    )


def test_escape_latex_specials():
    assert (
        escape("R&D 50% #1 a_b {x} ~^\\")
        == r"R\&D 50\% \#1 a\_b \{x\} \textasciitilde{}\textasciicircum{}\textbackslash{}"
    )


def test_entry_fields():
    row = pd.Series(
        {
            "source_id": "x-2024",
            "title": "A & B",
            "publisher": "P",
            "url": "https://e.org/a%20b",
            "published": pd.Timestamp("2024-12-05"),
            "accessed": pd.Timestamp("2026-11-25"),
            "kind": "un_agency",
            "reliability": "A",
            "carries": float("nan"),
        }
    )
    text = entry(row)
    assert text.startswith("@misc{x-2024,\n")
    assert "title = {A \\& B}" in text and "year = {2024}" in text and "month = {dec}" in text
    assert r"\url{https://e.org/a\%20b}" in text
    assert "note = {Reliability grade A (un agency)}" in text
