"""The reproducibility page: the versions that executed the notebooks (the build adds the execution table)."""

from __future__ import annotations

import sys
from importlib.metadata import version

import pandas as pd

from ..output.figure import table
from .page import Page

PACKAGES = (
    "jupyter-book",
    "sphinx",
    "myst-nb",
    "pandas",
    "numpy",
    "matplotlib",
    "altair",
    "vl-convert-python",
    "frictionless",
    "nbval",
    "playwright",
)


def versions() -> pd.DataFrame:
    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    return pd.DataFrame({"package": ["python", *PACKAGES], "version": [python, *map(version, PACKAGES)]})


def build() -> Page:
    page = Page()
    page.add(
        "versions",
        table(
            versions(),
            "Versions that executed the notebooks (all pinned in requirements.txt)",
            {"package": "Package", "version": "Version"},
            noun="packages",
        ),
    )
    return page
