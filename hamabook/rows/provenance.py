"""Provenance: from any fact row id to its source, its originator and its line on its table's evidence page."""

from __future__ import annotations

import pandas as pd

from ..data import load
from ..data.checks import FACT_ID_LETTERS
from .select import with_sources

# Fact tables: key column, the date a row is about, and the text that says what it records. Every row id in
# the book is unique across them (E events, N figures, K control changes, P forecasts, O outcomes).
FACT_TABLES = {
    "events": ("event_id", "date", "summary"),
    "figures": ("figure_id", "as_of", "summary"),
    "control_changes": ("change_id", "date", "summary"),
    "forecasts": ("forecast_id", "published", "statement"),
    "outcomes": ("outcome_id", "date", "summary"),
}
# The evidence appendix: a landing page (its tables, and an anchor for every row id, linked to its row) and one page
# per fact table, so no page outgrows the page-weight budget as rows are added. A link to a row is made by row_href;
# EVIDENCE_PAGE#row-<id> (the landing page's anchor, one click from the row) is what the Arabic edition's pages still
# link to, and what links made before the split name.
EVIDENCE_PAGE = "evidence.html"
TABLE_OF_LETTER = {letter: table for table, letter in FACT_ID_LETTERS.items()}


def evidence_index() -> pd.DataFrame:
    """One row per fact row of the package: id, table, date, summary, who speaks in it where that is not its page's
    originator (``speaker``, else empty) and its source's credit fields."""
    parts = []
    for table, (key, date_col, text_col) in FACT_TABLES.items():
        frame = load(table)
        parts.append(
            pd.DataFrame(
                {
                    "row_id": frame[key],
                    "table": table,
                    "date": frame[date_col],
                    "summary": frame[text_col],
                    "source_id": frame["source_id"],
                    "credibility": frame["credibility"],
                    "speaker": frame["speaker"] if "speaker" in frame else "",
                }
            )
        )
    index = pd.concat(parts, ignore_index=True)
    return with_sources(index, load("sources"), ("publisher", "originator", "reliability", "published", "url"))


def credit_chain(originator: str, publisher: str, via: str = "") -> list[str]:
    """Who carried a copy, from its originator to the publisher read: ['SOHR', 'AFP', 'Asharq Al-Awsat']; just the
    publisher for its own report."""

    def same(a: str, b: str) -> bool:  # 'SNHR' and 'Syrian Network for Human Rights (SNHR)' are one body
        return a == b or f"({a})" in b or f"({b})" in a or b.startswith(a + " ") or a.startswith(b + " ")

    chain = [*(via.split("; ") if isinstance(via, str) and via else []), publisher]
    return [originator, *(c for c in dict.fromkeys(chain) if not same(originator, c))]


def credit(originator: str, publisher: str, via: str = "") -> str:
    """Who to credit for a copy: 'SOHR, via AFP via Asharq Al-Awsat'; just the publisher for its own report."""
    first, *carriers = credit_chain(originator, publisher, via)
    return first + "".join(f", via {c}" if i == 0 else f" via {c}" for i, c in enumerate(carriers))


def cited(row_ids: tuple[str, ...], index: pd.DataFrame) -> pd.DataFrame:
    """:func:`evidence_index` by row id, after checking that every row a value cites exists."""
    by_id = index.set_index("row_id")
    unknown = [r for r in row_ids if r not in by_id.index]
    if unknown:
        raise KeyError(f"value cites row(s) not in the data package: {', '.join(unknown)}")
    return by_id


NOTE_ROWS = 4  # the rows a value's note names; the rest it counts


def note_rows(row_ids: tuple[str, ...], index: pd.DataFrame) -> tuple[list[dict], int]:
    """The rows a value's provenance note names (its first NOTE_ROWS) and how many more it rests on. Each: its id;
    who spoke (the row's speaker where a page carries several parties' words, else the page's originator) and the
    publisher read, for :func:`credit`; its grade; the date its page was published (None if unknown)."""
    by_id = cited(row_ids, index)
    shown = []
    for rid in row_ids[:NOTE_ROWS]:
        row = by_id.loc[rid]
        speaker = row["speaker"] if isinstance(row["speaker"], str) and row["speaker"] else ""
        shown.append(
            {
                "row_id": rid,
                "who": speaker or row["originator"],
                "publisher": row["publisher"],
                "grade": str(row["reliability"]),
                "published": None if pd.isna(row["published"]) else row["published"],
            }
        )
    return shown, len(row_ids) - len(shown)


def originators(row_ids: tuple[str, ...], index: pd.DataFrame) -> list[str]:
    """The distinct originators behind ``row_ids`` (looked up in :func:`evidence_index`), in row order: two
    copies of one agency's report count once, however many outlets carried them."""
    return list(dict.fromkeys(cited(row_ids, index).loc[list(row_ids), "originator"]))


def row_anchor(row_id: str) -> str:
    """The HTML id of a row on its evidence page."""
    return "row-" + row_id.lower()


def evidence_page(table: str) -> str:
    """The page (beside the chapters) that lists every row of the fact table ``table``."""
    if table not in FACT_TABLES:
        raise KeyError(f"{table!r} is not a fact table ({', '.join(FACT_TABLES)})")
    return f"evidence_{table}.html"


def row_href(row_id: str) -> str:
    """The link to a fact row, relative to a chapter page: its table's evidence page, found by the id's letter
    (``make validate`` holds every id to its table's letter), and the row's anchor."""
    if row_id[:1] not in TABLE_OF_LETTER:
        raise KeyError(f"{row_id!r} is not the id of a fact row (letters {', '.join(TABLE_OF_LETTER)})")
    return f"{evidence_page(TABLE_OF_LETTER[row_id[0]])}#{row_anchor(row_id)}"
