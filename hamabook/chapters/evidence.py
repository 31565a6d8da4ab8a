"""The evidence page: every fact row with its own anchor, which values and judgment boxes link to."""

from __future__ import annotations

from .appendix import evidence_page
from .page import Page


def build() -> Page:
    return evidence_page()
