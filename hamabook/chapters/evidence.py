"""The evidence appendix's landing page: its pages, one per fact table, and every row id linked to its row."""

from __future__ import annotations

from .appendix import evidence_landing
from .page import Page


def build() -> Page:
    return evidence_landing()
