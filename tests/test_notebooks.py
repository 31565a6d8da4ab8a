"""Contract between each notebook and its chapter module.

A notebook is prose plus one-line calls: it builds its chapter's page, glues the values, and shows figures,
tables and judgment boxes by name. These tests fail when the prose inserts a value the module does not
produce, when the module produces a value or output the page never uses, or when a notebook grows code of
its own (row ids, text searches, data literals, long cells).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
TOC = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))


def _files(node) -> list[str]:
    out = [node["file"]] if "file" in node else []
    for key in ("parts", "chapters", "sections"):
        for child in node.get(key, []):
            out += _files(child)
    return out


NOTEBOOKS = [ROOT / f"{f}.ipynb" for f in [TOC["root"], *_files(TOC)] if (ROOT / f"{f}.ipynb").exists()]
# The only statements a notebook's code cells may hold (an Arabic page imports its module from hamabook.chapters.ar).
ALLOWED = (
    re.compile(r"^from hamabook\.chapters(\.ar)? import [a-z0-9_]+$"),
    re.compile(r"^page = [a-z0-9_]+\.build\(\)$"),
    re.compile(r"^page\.glue\(\)$"),
    re.compile(r'^page\.show\("[a-z0-9_-]+"\)$'),
    re.compile(r'^page\.show\("J[0-9]{2}"\)$'),
)
GLUE_ROLE = re.compile(r"\{glue(?::text)?\}`([^`]+)`")
SHOW = re.compile(r'page\.show\("([^"]+)"\)')
MODULE = re.compile(r"^page = ([a-z0-9_]+)\.build\(\)$", re.M)
IMPORT = re.compile(r"^from hamabook\.chapters(\.ar)? import ([a-z0-9_]+)$", re.M)


def _name(path: Path) -> str:
    return path.relative_to(ROOT / "book").as_posix()


def _module_name(path: Path) -> str | None:
    """The chapter module a notebook builds, under hamabook.chapters: 'battle', or 'ar.intro' for an Arabic page."""
    code = "\n".join(_cells(path, "code"))
    module, imported = MODULE.search(code), IMPORT.search(code)
    if not module:
        return None
    arabic = imported is not None and imported.group(2) == module.group(1) and imported.group(1)
    return f"ar.{module.group(1)}" if arabic else module.group(1)


def _cells(path: Path, kind: str) -> list[str]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == kind]


def _page(path: Path, chapter):
    module = _module_name(path)
    assert module, f"{path.name}: no `page = <chapter>.build()` line"
    return chapter(module)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_name)
def test_code_cells_are_one_line_calls(path):
    for cell in _cells(path, "code"):
        lines = [ln for ln in cell.splitlines() if ln.strip()]
        assert len(lines) <= 12, f"{path.name}: a code cell has {len(lines)} lines (at most 12)"
        for line in lines:
            assert any(p.match(line) for p in ALLOWED), f"{path.name}: code belongs in the chapter module: {line!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_name)
def test_code_cells_are_hidden_from_readers(path):
    """Readers see the outputs, never the calls that make them: every code cell carries the remove-input tag."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    shown = [
        i
        for i, c in enumerate(nb["cells"])
        if c["cell_type"] == "code" and "remove-input" not in c.get("metadata", {}).get("tags", [])
    ]
    assert not shown, f"{path.name}: code cells {shown} would show their source on the page (tag them remove-input)"


def test_notebooks_hold_little_code():
    total = sum(len([ln for c in _cells(p, "code") for ln in c.splitlines() if ln.strip()]) for p in NOTEBOOKS)
    assert total <= 250


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_name)
def test_prose_and_module_agree(path, chapter):
    page = _page(path, chapter)
    used = set(GLUE_ROLE.findall("\n".join(_cells(path, "markdown"))))
    produced = set(page.values)
    assert not used - produced, f"{path.name} inserts values its module does not produce: {sorted(used - produced)}"
    assert not produced - used, f"{path.name}'s module produces values the prose never uses: {sorted(produced - used)}"
    shown = SHOW.findall("\n".join(_cells(path, "code")))
    assert len(shown) == len(set(shown)), f"{path.name} shows an output twice"
    assert set(shown) == set(page.shows), (
        f"{path.name}: shown {sorted(set(shown) - set(page.shows))} not built; "
        f"built {sorted(set(page.shows) - set(shown))} not shown"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_name)
def test_prose_uses_the_quiet_glue_role(path):
    text = "\n".join(_cells(path, "markdown"))
    assert "{glue:text}" not in text, f"{path.name}: use {{glue}}`key` (value with its provenance note)"


BOTTOM_LINE = re.compile(r":::\{admonition\} Bottom line\n(.*?)\n:::", re.S)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_name)
def test_bottom_line_numbers_state_their_sourcing(path, chapter):
    """Every value a bottom line states from data rows (judgment verdicts aside) is a headline value, so the page
    says in its note when one originator stands behind it; a value resting on the same rows as a headline
    value beside it (a figure's date, say) is covered by that label."""
    boxes = BOTTOM_LINE.findall("\n".join(_cells(path, "markdown")))
    assert len(boxes) <= 1, f"{path.name}: expected at most one bottom line, found {len(boxes)}"
    if not boxes:
        pytest.skip(f"{path.name} has no bottom line")
    page = _page(path, chapter)
    stated = GLUE_ROLE.findall(boxes[0])
    keys = [k for k in stated if not k.endswith("_verdict") and page.values[k].rows]
    headline_rows = {r for k in keys if page.values[k].headline for r in page.values[k].rows}
    loose = [k for k in keys if not page.values[k].headline and not set(page.values[k].rows) <= headline_rows]
    assert not loose, f"{path.name}: bottom-line values not marked prose.headline(...): {loose}"
    stray = [k for k, v in page.values.items() if v.headline and k not in stated]
    assert not stray, f"{path.name}: headline values outside the bottom line: {stray}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_name)
def test_every_inserted_key_is_a_literal_in_its_chapter_module(path):
    """Searching for a key finds the line that computes it: each key the prose inserts stands, quoted, in the
    chapter module the notebook builds (never put together from pieces at run time)."""
    module = _module_name(path)
    assert module, f"{path.name}: no `page = <chapter>.build()` line"
    file = f"hamabook/chapters/{module.replace('.', '/')}.py"
    source = (ROOT / file).read_text(encoding="utf-8")
    keys = {k for cell in _cells(path, "markdown") for k in GLUE_ROLE.findall(cell)}
    hidden = sorted(k for k in keys if f'"{k}"' not in source)
    assert not hidden, f"{path.name}: keys not written out in {file}: {hidden}"


def test_the_chapter_pages_are_those_of_the_chapters_registry():
    """The book's opening part lists the chapters of data/chapters.csv that have a page, in page order."""
    from pages import CHAPTERS

    pages = [TOC["root"], *(c["file"] for c in TOC["parts"][0]["chapters"])]
    assert pages == [f"book/{c}" for c in CHAPTERS], "_toc.yml and data/chapters.csv list different chapter pages"


ARABIC_PAGES = [p for p in NOTEBOOKS if p.parent.name == "ar"]


def _lang(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))["metadata"].get("hamabook", {}).get("lang")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_name)
def test_a_page_declares_arabic_exactly_when_it_is_an_arabic_page(path):
    """book/ar/ holds the Arabic edition: its notebooks, and only they, say so in their metadata (which gives the page
    lang="ar" dir="rtl"), and build a module of hamabook.chapters.ar."""
    arabic = path.parent.name == "ar"
    assert (_lang(path) == "ar") == arabic, f"{_name(path)}: metadata hamabook.lang is {_lang(path)!r}"
    assert _module_name(path).startswith("ar.") == arabic, f"{_name(path)} builds {_module_name(path)}"


def test_the_arabic_pages_are_those_of_the_chapters_registry():
    """Every Arabic page is a chapter's arabic_page in data/chapters.csv, in a part of _toc.yml of its own, and every
    arabic_page the registry names is written: the language switch and hreflang links come from that column."""
    import csv

    with (ROOT / "data" / "chapters.csv").open(encoding="utf-8") as f:
        named = sorted(f"book/{r['arabic_page']}" for r in csv.DictReader(f) if r["arabic_page"])
    assert named, "no chapter names its Arabic page"
    assert sorted(f"book/{_name(p).removesuffix('.ipynb')}" for p in ARABIC_PAGES) == named
    parts = [part for part in TOC["parts"] if any(c["file"].startswith("book/ar/") for c in part["chapters"])]
    assert len(parts) == 1 and all(c["file"].startswith("book/ar/") for c in parts[0]["chapters"])
