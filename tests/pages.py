"""The chapter pages (the book's argument; the appendix pages aside), for checks of the built site: the chapters
of data/chapters.csv that have a page, in page order."""

import csv
from pathlib import Path

with (Path(__file__).resolve().parent.parent / "data" / "chapters.csv").open(encoding="utf-8") as f:
    CHAPTERS = [
        row["chapter"] for row in sorted((r for r in csv.DictReader(f) if r["page"]), key=lambda r: int(r["page"]))
    ]
