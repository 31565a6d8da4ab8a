"""The Arabic edition's words that live in the data package, for the Arabic pages: judgments with their Arabic
statements and scale words, event kinds' labels, places' Arabic names, and the reports that quote an Arabic source in
its own words. The texts are the book's translations, ``data/translations.csv``, read through
:mod:`hamabook.rows.translations` (a missing one stops the build and names the row to add); places' names are
``name_ar`` in ``places.csv``.
"""

from __future__ import annotations

import pandas as pd

from .translations import translated, translations

# The label a row of control_changes.csv takes in a list of reports: that of the event kind it reports (a place
# taken), so a control change and a capture event read alike.
CONTROL_CHANGE = "control_change"
CONTROL_CHANGE_CATEGORY = "city_captured"


def scale_word(kind: str, term: str) -> str:
    """The Arabic for a likelihood word (``kind="likelihood"``) or a confidence level (``"confidence"``)."""
    if kind == "likelihood":
        return translated("likelihood_scale", term, "term")
    if kind == "confidence":
        return translated("judgments", term, "confidence")
    raise KeyError(f"no scale of {kind!r} words")


def category_label(category: str) -> str:
    """The Arabic label of an event kind (categories.csv), or of a control change (:data:`CONTROL_CHANGE`)."""
    return translated("categories", CONTROL_CHANGE_CATEGORY if category == CONTROL_CHANGE else category, "label")


def judgments_ar(judgments: pd.DataFrame) -> pd.DataFrame:
    """The judgments with ``statement_ar``, ``likelihood_ar`` and ``confidence_ar``, from the translations."""
    statements = translations("judgments", "statement")
    missing = sorted(set(judgments["judgment_id"]) - set(statements.index))
    if missing:
        raise KeyError(f"translations.csv has no Arabic statement for judgment(s) {', '.join(missing)}")
    out = judgments.copy()
    out["statement_ar"] = [statements[j] for j in out["judgment_id"]]
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
