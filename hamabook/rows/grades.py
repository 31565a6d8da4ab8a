"""Source grades in the order of the reliability scale (``reliability_scale.csv``, best first), and the groups of
grades the book counts: usually reliable or better (A and B), not usually reliable or worse (D to F)."""

from __future__ import annotations

import pandas as pd

from ..data import load

USUALLY_RELIABLE = "B"  # this grade or better: A and B
NOT_USUALLY_RELIABLE = "D"  # this grade or worse: D to F


def grade_rank() -> dict[str, int]:
    """Each reliability grade's rank, best first, in the order of ``reliability_scale.csv``."""
    return {grade: i for i, grade in enumerate(load("reliability_scale")["grade"])}


def at_least(grades: pd.Series, grade: str) -> pd.Series:
    """Which ``grades`` are ``grade`` or better on the reliability scale."""
    rank = grade_rank()
    return grades.map(rank) <= rank[grade]


def at_most(grades: pd.Series, grade: str) -> pd.Series:
    """Which ``grades`` are ``grade`` or worse on the reliability scale."""
    rank = grade_rank()
    return grades.map(rank) >= rank[grade]
