"""Helpers for the book *The Fall of Hama, December 2024*.

The flow is one way: ``data/`` -> this package (load and validate, compute,
chart, render) -> ``book/`` notebooks -> the static site.
"""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The data package: data/ beside the package in a checkout; HAMABOOK_DATA names it for an installed package.
DATA_DIR = Path(os.environ.get("HAMABOOK_DATA", ROOT / "data"))

__all__ = ["ROOT", "DATA_DIR"]
