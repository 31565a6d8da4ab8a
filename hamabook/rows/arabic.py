"""The Arabic edition's words that live in the data package, read through one accessor.

Judgment statements, likelihood and confidence words and category labels in Arabic are rows of
``data/translations.csv`` (the book's own translation), read through :mod:`hamabook.rows.translations`; places'
and actors' Arabic names are ``name_ar`` in their registries. The pages call :func:`judgments_ar`,
:func:`scale_word`, :func:`category_label` and :func:`place_names`.
"""

from __future__ import annotations

import pandas as pd

from .translations import NotFound, translated

# The one label the chronology shows that is not a category of events.csv: a row of control_changes.csv.
CONTROL_CHANGE = ("control_change", "تغيّر السيطرة")
# Where each scale's Arabic words are kept in translations.csv: (table, field).
SCALES = {"likelihood": ("likelihood_scale", "term"), "confidence": ("judgments", "confidence")}


def scale_word(kind: str, term: str) -> str:
    """The Arabic for a likelihood word (``kind="likelihood"``) or a confidence level (``"confidence"``)."""
    table, field = SCALES[kind]
    return translated(table, term, field)


def category_label(category: str) -> str:
    """The Arabic label of an event kind (categories.csv), or of a control change."""
    if category == CONTROL_CHANGE[0]:
        return CONTROL_CHANGE[1]
    return translated("categories", category, "label")


def _statement(judgment_id: str) -> str | None:
    try:
        return translated("judgments", judgment_id, "statement")
    except NotFound:
        return None


def judgments_ar(judgments: pd.DataFrame) -> pd.DataFrame:
    """The judgments with ``statement_ar`` (their Arabic statement, or NA where the catalogue lacks one),
    ``likelihood_ar`` and ``confidence_ar``."""
    out = judgments.copy()
    out["statement_ar"] = pd.array([_statement(j) for j in out["judgment_id"]], dtype="string")
    out["likelihood_ar"] = [scale_word("likelihood", t) for t in out["likelihood"]]
    out["confidence_ar"] = [scale_word("confidence", c) for c in out["confidence"]]
    return out


def place_names(places: pd.DataFrame) -> pd.Series:
    """Each place's Arabic name (``name_ar``), by place_id; the registry's name where none is recorded yet."""
    return places.set_index("place_id")["name_ar"].fillna(places.set_index("place_id")["name"])


def original_quote(rows: pd.DataFrame, sources: pd.DataFrame, language: str = "ar") -> pd.Series:
    """The report among ``rows`` (fact rows with ``quote`` and ``source_id``) whose source is in ``language`` and
    that quotes it in its own words, best source first: reliability grade (the scale's order), credibility, date,
    id. A LookupError when none does."""
    from .grades import grade_rank

    key = next(c for c in ("event_id", "change_id", "figure_id", "outcome_id") if c in rows.columns)
    merged = rows.merge(sources[["source_id", "language", "reliability"]], on="source_id", how="left")
    quoted = merged[(merged["language"] == language) & merged["quote"].notna()]
    if quoted.empty:
        raise LookupError(f"no report in {language!r} quotes its source among these rows")
    ordered = quoted.assign(_grade=quoted["reliability"].map(grade_rank())).sort_values(
        ["_grade", "credibility", "date", key]
    )
    return rows[rows[key] == ordered[key].iloc[0]].iloc[0]
