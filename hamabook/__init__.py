"""Helpers for the book *The Fall of Hama, December 2024*.

The flow is one way: ``data/`` -> this package (load and validate, compute,
chart, render) -> ``book/`` notebooks -> the static site.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"

__all__ = ["ROOT", "DATA_DIR"]
