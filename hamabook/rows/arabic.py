"""The Arabic edition's words that live in the data package, read through one accessor.

Judgment statements, likelihood and confidence words and category labels in Arabic belong in
``data/translations.csv`` (added on its own branch, with places' and actors' ``name_ar``). Until that table is in
the package, :func:`translations` finds nothing and the accessors fall back: a judgment's statement stays in
English (the page marks it as such), and the likelihood and confidence words come from :data:`INTERIM`, the
standard Arabic renderings of the ICD 203 scale. Switching over is this module's business only: the pages call
:func:`judgments_ar`, :func:`scale_word`, :func:`category_label` and :func:`place_names`.
"""

from __future__ import annotations

import pandas as pd

from ..data import descriptor, load

TRANSLATIONS = "translations"

# Until data/translations.csv carries them: the ICD 203 likelihood words and the confidence levels in Arabic, and
# the labels of the event kinds the opening chronology lists (keyed as likelihood_scale.csv, the judgments'
# confidence column and categories.csv are).
INTERIM = {
    "likelihood": {
        "almost no chance": "شبه معدوم",
        "very unlikely": "مستبعد جداً",
        "unlikely": "مستبعد",
        "roughly even chance": "احتمال متكافئ تقريباً",
        "likely": "مرجّح",
        "very likely": "مرجّح جداً",
        "almost certain": "شبه مؤكد",
    },
    "confidence": {"low": "منخفضة", "moderate": "متوسطة", "high": "عالية"},
    "category": {
        "offensive_launch": "بدء الهجوم",
        "city_captured": "السيطرة على المكان",
        "army_withdrawal": "انسحاب الجيش",
        "regime_end": "إعلان نهاية حكم الأسد",
        "assad_exit": "خروج الأسد من سوريا",
        "control_change": "تغيّر السيطرة",
    },
}


def translations() -> pd.DataFrame | None:
    """``data/translations.csv`` when the package has it, else None."""
    names = {r["name"] for r in descriptor()["resources"]}
    return load(TRANSLATIONS) if TRANSLATIONS in names else None


def _translated(kind: str) -> dict[str, str]:
    """{key: Arabic} for one kind of text in translations.csv (columns kind, key, ar); empty until it exists."""
    table = translations()
    if table is None or not {"kind", "key", "ar"} <= set(table.columns):
        return {}
    rows = table[(table["kind"] == kind) & table["ar"].notna()]
    return dict(zip(rows["key"], rows["ar"]))


def scale_word(kind: str, term: str) -> str:
    """The Arabic for a likelihood word (``kind="likelihood"``) or a confidence level (``"confidence"``)."""
    words = {**INTERIM[kind], **_translated(kind)}
    if term not in words:
        raise KeyError(f"no Arabic for the {kind} word {term!r}")
    return words[term]


def category_label(category: str) -> str:
    """The Arabic label of an event kind (categories.csv), or of ``control_change``."""
    words = {**INTERIM["category"], **_translated("category")}
    if category not in words:
        raise KeyError(f"no Arabic label for category {category!r}")
    return words[category]


def judgments_ar(judgments: pd.DataFrame) -> pd.DataFrame:
    """The judgments with ``statement_ar`` (their Arabic statement, or NA until it is in the data),
    ``likelihood_ar`` and ``confidence_ar``."""
    statements = _translated("judgment")
    out = judgments.copy()
    out["statement_ar"] = pd.array([statements.get(j) for j in out["judgment_id"]], dtype="string")
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
