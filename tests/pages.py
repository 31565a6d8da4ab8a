"""The chapter pages (the book's argument; the appendix pages aside), for checks of the built site: the chapters
of data/chapters.csv that have a page, in page order; and how the numbers of a page's prose are counted, in either
edition."""

import csv
import re
from pathlib import Path

from bs4 import BeautifulSoup

NUMBER = re.compile(r"(?<![\w.-])\d[\d,.]*(?![\w-])")

with (Path(__file__).resolve().parent.parent / "data" / "chapters.csv").open(encoding="utf-8") as f:
    CHAPTERS = [
        row["chapter"] for row in sorted((r for r in csv.DictReader(f) if r["page"]), key=lambda r: int(r["page"]))
    ]


def numbers_in_prose(main) -> tuple[int, int]:
    """The numbers in a page's paragraphs (``main``: its parsed main element) that are inserted values with their
    note, and those typed bare; tables, figures, folded details, navigation and judgment boxes (rendered from
    judgments.csv) aside."""
    marked = unmarked = 0
    for para in main.select("section p, section li"):
        boxes = para.find_parent(class_=["hb-judgment", "hb-judgments"])
        if para.find_parent(["table", "figure", "details", "nav"]) or boxes:
            continue
        for value in para.select(".hb-val"):
            marked += len(NUMBER.findall(value.contents[0] if value.contents else ""))
        bare = BeautifulSoup(str(para), "html.parser")
        for inserted in bare.select(".hb-val, a, code"):
            inserted.decompose()
        unmarked += len(NUMBER.findall(bare.get_text(" ")))
    return marked, unmarked
