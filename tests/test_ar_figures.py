"""Every Arabic page carries the figures its English page carries, the English page's first figure first, and a
figure on an Arabic page speaks Arabic: its drawing's texts, caption and text alternative hold no English word but
proper names (the data's own: publishers, originators, estimators, places without an Arabic name) and the units and
names listed here."""

import json
import re
from functools import cache
from pathlib import Path

import pytest

from hamabook import DATA_DIR
from hamabook.data import load
from hamabook.output.render import static_svgs

BOOK = Path(__file__).resolve().parents[1] / "book"
FIGURE = re.compile(r'<figure class="hb-figure" id="fig-([a-z0-9-]+)">')
SHOWN = re.compile(r'page\.show\("([^"]+)"\)')
CAPTION = re.compile(r'<p class="hb-caption">(.*?)</p>', re.S)
ALT = re.compile(r'<img class="hb-chart-static"[^>]* alt="([^"]*)"')
SVG_TEXT = re.compile(r"<text\b[^>]*>(.*?)</text>", re.S)
LATIN_WORD = re.compile(r"[A-Za-z](?:[A-Za-z0-9'’.&-]*[A-Za-z0-9])?")
ROW_ID = re.compile(r"^[A-Z]{1,2}\d+$")  # a data row's id (E1084, N403)
# Names and units an Arabic figure may write in Latin letters: roads, data sets drawn, file formats.
ALLOWED = {"M5", "M4", "World", "Data", "Bank", "II", "Natural", "Earth", "CSV", "PDF", "km"}

PAGES = [
    pytest.param(row.chapter, row.arabic_page, id=row.chapter)
    for row in load("chapters").itertuples()
    if isinstance(row.arabic_page, str) and row.arabic_page
]


def _figures_in_order(notebook: Path, page) -> list[str]:
    """The figure ids (``fig-<name>``) a page's notebook shows, in its order."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    shown = [name for c in cells if c["cell_type"] == "code" for name in SHOWN.findall("".join(c["source"]))]
    return [m[1] for name in shown if (m := FIGURE.search(getattr(page.show(name), "data", "")))]


@pytest.mark.parametrize(("chapter_name", "arabic_page"), PAGES)
def test_the_arabic_page_carries_the_english_page_s_figures(chapter, chapter_name, arabic_page):
    english = _figures_in_order(BOOK / f"{chapter_name}.ipynb", chapter(chapter_name))
    arabic = _figures_in_order(BOOK / f"{arabic_page}.ipynb", chapter(arabic_page.replace("/", ".")))
    assert sorted(arabic) == sorted(english), f"{arabic_page} shows {arabic}, the English page {english}"
    if english:
        assert arabic[0] == english[0], f"{arabic_page}: the English page's main figure ({english[0]}) comes first"


@cache
def proper_names() -> frozenset[str]:
    """The words of the data's proper names: the sources' publishers and originators (the counting organisations
    among them), the places named in English only (no name_ar yet), the grades."""
    sources, places = load("sources"), load("places")
    names = [*sources["publisher"], *sources["originator"].dropna()]
    names += list(load("originators")["originator"]) + list(places.loc[places["name_ar"].isna(), "name"])
    names += list(load("reliability_scale").iloc[:, 0])  # the sources' grades, A to F
    return frozenset(w for name in names for w in LATIN_WORD.findall(str(name)))


def english_words(text: str) -> list[str]:
    """The words in Latin letters of ``text`` that are neither a row id, an allowed name or unit, nor a proper name
    of the data (in a label the chart cut short, '…', the start of one)."""
    names = proper_names()

    def named(word: str) -> bool:
        if word.endswith(".csv"):  # a table of the data package, by its file name
            return (DATA_DIR / word).is_file()
        return word in names or ("…" in text and any(n.startswith(word) for n in names))

    return [w for w in LATIN_WORD.findall(text) if not ROW_ID.match(w) and w not in ALLOWED and not named(w)]


def _visible_texts(markup: str) -> list[str]:
    """A figure's texts a reader sees or hears: the drawing's, the caption, the text alternative."""
    import html

    texts = [re.sub(r"<[^>]+>", "", t) for svg in static_svgs(markup) for t in SVG_TEXT.findall(svg)]
    texts += CAPTION.findall(markup) + ALT.findall(markup)
    return [html.unescape(t) for t in texts]


@pytest.mark.parametrize(("chapter_name", "arabic_page"), PAGES)
def test_an_arabic_figure_s_texts_are_arabic(chapter, chapter_name, arabic_page):
    page = chapter(arabic_page.replace("/", "."))
    figures = {n: o.data for n, o in page.shows.items() if FIGURE.search(getattr(o, "data", ""))}
    found = {}
    for name, markup in figures.items():
        words = sorted({w for text in _visible_texts(markup) for w in english_words(text)})
        if words:
            found[name] = words
    assert not found, f"English words on {arabic_page}'s figures: {found}"


def test_the_check_finds_an_english_word():
    """The check itself: an English title in an Arabic chart is found; names, units and row ids pass."""
    assert english_words("Reported date (29 تشرين الثاني)") == ["Reported", "date"]
    assert english_words("الطريق M5 · E1084 · Reuters · 10 km") == []
