"""The English and Arabic editions in the built site: each page's language and direction, the language switch and the
hreflang links both ways, the Arabic style sheet and typeface on Arabic pages only, the Arabic pages' prose and values,
and Arabic search. The page-by-page checks of tests/test_site.py (axe, no sideways scrolling at 375 px, clean loads,
no empty values) run on the Arabic pages too; the tests marked ``browser`` here drive Chromium."""

from __future__ import annotations

import functools
import json
import re
import urllib.parse
from pathlib import Path, PurePosixPath

import pytest
from bs4 import BeautifulSoup
from pages import numbers_in_prose
from visits import TEXT_BOXES_JS, desktop, open_tab

from hamabook import ROOT
from hamabook.build import editions, fonts

pytestmark = pytest.mark.site

SITE = ROOT / "_build" / "html"
ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
GLUE_ROLE = re.compile(r"\{glue(?::text)?\}`([^`]+)`")


def _pages() -> list[str]:
    if not SITE.is_dir():
        pytest.fail(f"no built site in {SITE}: run `make book` first")
    return sorted(p.relative_to(SITE).as_posix() for p in SITE.rglob("*.html") if "_static" not in p.parts)


ARABIC_NOTEBOOKS = sorted((ROOT / "book" / "ar").glob("*.ipynb"))
ARABIC = [f"book/ar/{p.stem}.html" for p in ARABIC_NOTEBOOKS]
# The Arabic pages that draw a chart (their committed outputs hold one): the pages whose charts are checked.
ARABIC_CHARTED = [f"book/ar/{p.stem}.html" for p in ARABIC_NOTEBOOKS if 'class=\\"hb-chart\\"' in p.read_text("utf-8")]


@functools.cache
def soup(path: str) -> BeautifulSoup:
    page = SITE / path
    if not page.exists():
        pytest.fail(f"{page} is missing: run `make book` first")
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def _is_redirect(path: str) -> bool:
    return 'http-equiv="Refresh"' in (SITE / path).read_text(encoding="utf-8")


def test_the_arabic_edition_has_pages():
    assert ARABIC, "no Arabic pages in book/ar/"


def test_each_page_declares_its_language_and_direction():
    for path in _pages():
        html = soup(path).find("html")
        if path in ARABIC:
            assert (html.get("lang"), html.get("dir")) == ("ar", "rtl"), path
        else:
            assert (html.get("lang"), html.get("dir")) == ("en", None), path


def test_arabic_style_and_typeface_only_on_arabic_pages():
    for path in _pages():
        links = [link.get("href", "") for link in soup(path).find_all("link", rel="stylesheet")]
        loads = any(PurePosixPath(urllib.parse.urlparse(h).path).name == editions.CSS for h in links)
        assert loads == (path in ARABIC), f"{path}: loads {editions.CSS}={loads}"
        preloads = [link["href"] for link in soup(path).find_all("link", rel="preload") if link.get("as") == "font"]
        assert len(preloads) == (len(fonts.WEIGHTS) if path in ARABIC else 0), f"{path}: font preloads {preloads}"
        assert all((SITE / _resolve(path, href)).is_file() for href in preloads), preloads
    shipped = SITE / "_static" / editions.FONTS
    for weight in fonts.WEIGHTS:
        assert (shipped / fonts.shipped_name(weight)).read_bytes() == (
            fonts.font_dir() / fonts.shipped_name(weight)
        ).read_bytes()
    assert "SIL OPEN FONT LICENSE" in (shipped / editions.LICENCE).read_text(encoding="utf-8").upper()
    css = (SITE / "_static" / editions.CSS).read_text(encoding="utf-8")
    assert css.count("@font-face") == len(fonts.WEIGHTS) and "http" not in css  # nothing fetched from elsewhere


def _resolve(path: str, href: str) -> str:
    """A link's target page, relative to the site root."""
    return urllib.parse.urljoin(f"http://site/{path}", href).removeprefix("http://site/").split("#")[0]


def test_every_page_has_a_language_switch_to_the_other_edition():
    pairs = editions.counterparts()
    for path in _pages():
        if _is_redirect(path):
            continue
        switches = soup(path).select("a.hb-lang-switch")
        assert len(switches) == 1, f"{path}: {len(switches)} language switches"
        target = _resolve(path, switches[0]["href"])
        assert (SITE / target).is_file(), f"{path}: the switch leads to a missing page {target}"
        name = path.removesuffix(".html")
        if name in pairs:
            assert target == pairs[name] + ".html", f"{path}: the switch does not lead to its counterpart"
        if path in ARABIC:
            assert soup(target).find("html").get("lang") == "en", f"{path}: the switch does not lead to English"
        else:
            assert target in ARABIC, f"{path}: the switch does not lead to the Arabic edition"


def _alternates(path: str) -> dict[str, str]:
    links = soup(path).find_all("link", rel="alternate")
    return {link["hreflang"]: _resolve(path, link["href"]) for link in links if link.get("hreflang")}


def test_hreflang_links_both_ways():
    pairs = editions.counterparts()
    assert pairs, "no chapter has an Arabic page"
    for name, other in pairs.items():
        path = name + ".html"
        found = _alternates(path)
        lang = "ar" if path in ARABIC else "en"
        assert found == {lang: path, ("en" if lang == "ar" else "ar"): other + ".html"}, path
        assert _alternates(other + ".html") == found, f"{path} and its counterpart name different alternates"
    for path in _pages():
        if path.removesuffix(".html") not in pairs:
            assert not _alternates(path), f"{path} names alternates but has no counterpart"


def test_every_arabic_character_is_in_the_shipped_typeface():
    """The typeface is cut to Modern Standard Arabic: a character outside the cut would be drawn in another font, in
    the middle of a word (breaking its joins)."""
    from fontTools.ttLib import TTFont

    for weight in fonts.WEIGHTS:
        cmap = set(TTFont(SITE / "_static" / editions.FONTS / fonts.shipped_name(weight)).getBestCmap())
        assert set(fonts.CODEPOINTS) <= cmap
    for path in ARABIC:
        text = soup(path).get_text()
        outside = sorted({c for c in ARABIC_SCRIPT.findall(text) if ord(c) not in fonts.CODEPOINTS})
        assert not outside, f"{path}: Arabic characters outside the shipped typeface: {outside}"


def _main(path: str):
    return soup(path).select_one("article.bd-article")


@pytest.mark.parametrize("path", ARABIC or ["(none)"])
def test_arabic_page_tells_the_story_in_arabic(path):
    """At least 250 Arabic words of running prose (outside tables, figures, notes and method boxes), opening with
    its bottom line, marked as the book's translation."""
    from hamabook.build.narrative import narrative

    found = narrative(str(soup(path)))
    arabic_words = [w for w in found.text.split() if ARABIC_SCRIPT.search(w)]
    assert len(arabic_words) >= 250, f"{path}: {len(arabic_words)} Arabic words of narrative"
    first = _main(path).select_one(".admonition .admonition-title")
    assert first is not None and first.get_text(strip=True) in ("الخلاصة", "التقديرات الرئيسية")
    assert "ترجمتنا" in _main(path).get_text() or "ترجمة" in _main(path).get_text()


@pytest.mark.parametrize("path", ARABIC or ["(none)"])
def test_arabic_numbers_in_prose_open_their_source(path):
    """As on the English pages: at least 90 % of the numbers in the prose are inserted values with their note."""
    marked, unmarked = numbers_in_prose(_main(path))
    assert marked >= 20 and marked / (marked + unmarked) >= 0.9, (path, marked, unmarked)


def _glued_keys(notebook: Path) -> set[str]:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return {k for c in cells if c["cell_type"] == "markdown" for k in GLUE_ROLE.findall("".join(c["source"]))}


@pytest.mark.parametrize("notebook", ARABIC_NOTEBOOKS, ids=lambda p: p.stem)
def test_every_glued_value_is_on_the_arabic_page_with_an_arabic_note(notebook):
    path = f"book/ar/{notebook.stem}.html"
    values = {v["data-key"]: v for v in _main(path).select(".hb-val[data-key]")}
    assert _glued_keys(notebook) <= set(values), sorted(_glued_keys(notebook) - set(values))
    for key, value in values.items():
        note = value.select_one(".hb-note").get_text()
        assert "صف" in note or "محسوب" in note, f"{path}: {key}'s note is not in Arabic: {note[:80]}"
        for link in value.select(".hb-note a"):
            assert (SITE / _resolve(path, link["href"])).is_file(), f"{path}: {key}'s note links nowhere"


# --- In Chromium ----------------------------------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("path", ARABIC or ["(none)"])
def test_arabic_page_reads_right_to_left_in_chromium(browser, site_url, path):
    from hamabook.chapters.ar import intro  # the page's values, to find each one's text on the page

    found = desktop(browser, site_url, path)  # the shared visit: opened at a phone's width, then widened
    requests = found["seen"]["requests"]
    for width, layout in found["layout"].items():
        assert (layout["dir"], layout["lang"], layout["direction"]) == ("rtl", "ar", "rtl")
        assert layout["noteRight"] > 0 and layout["noteLeft"] == 0, "the notes' rule is not on the reading side"
        assert layout["naskh"] >= 1, "the Arabic typeface did not load"
        assert layout["overflow"] <= 0, f"{path} scrolls sideways at {width}px"
    assert set(found["layout"]) == {375, 1280}
    assert any("/_static/fonts/" in u for u in requests) and all(u.startswith(site_url) for u in requests)
    if path == "book/ar/intro.html":
        built = intro.build()
        text = " ".join(found["layout"][1280]["text"].split())
        missing = [k for k, v in built.values.items() if " ".join(v.text.split()) not in text]
        assert not missing, f"values not shown on the page: {missing}"


@pytest.mark.browser
def test_english_pages_neither_load_nor_need_the_arabic_typeface(browser, site_url):
    context, page, seen = open_tab(browser, site_url + "book/intro.html")
    requests = seen["requests"]
    try:
        assert page.evaluate("() => [document.dir, document.documentElement.lang]") == ["", "en"]
        assert not [u for u in requests if "/fonts/" in u or editions.CSS in u]
    finally:
        context.close()


@pytest.mark.browser
def test_the_switch_leads_to_the_other_edition_and_back(browser, site_url):
    for start in ("book/intro.html", "book/military.html"):
        context, page, _ = open_tab(browser, site_url + start)
        try:
            page.locator("a.hb-lang-switch").click()
            page.wait_for_load_state("load")
            assert page.evaluate("() => document.documentElement.lang") == "ar"
            page.locator("a.hb-lang-switch").click()
            page.wait_for_load_state("load")
            assert page.evaluate("() => document.documentElement.lang") == "en"
            if start == "book/intro.html":
                assert page.url == site_url + start, "the Arabic intro does not lead back to the English one"
        finally:
            context.close()


@pytest.mark.browser
def test_search_finds_arabic_words(browser, site_url):
    """Sphinx's search (its index and its script) finds a page by an Arabic word only an Arabic page holds."""
    word = "الجولاني"  # al-Sharaa's former name, as the Arabic intro writes it
    assert word in soup("book/ar/intro.html").get_text()
    context, page, _ = open_tab(browser, site_url + "search.html?q=" + urllib.parse.quote(word))
    try:
        page.wait_for_function(
            "() => (document.querySelector('#search-results')?.innerText || '').includes('Search finished')",
            timeout=15_000,
        )
        found = page.eval_on_selector_all("#search-results li a", "els => els.map(e => e.getAttribute('href'))")
    finally:
        context.close()
    assert any("book/ar/intro.html" in href for href in found), found


@pytest.mark.browser
@pytest.mark.parametrize("path", ARABIC_CHARTED or ["(none)"])
def test_arabic_figures_draw_their_text_right_to_left_inside_the_drawing(browser, site_url, path):
    """Every Arabic text of a chart (labels, legend, titles) is isolated right to left and drawn, shaped, inside the
    chart: in the static SVG (opened on its own in Chromium) and in the interactive chart on the page."""
    from hamabook.charts.arabic import PDI, RLI
    from hamabook.output.render import static_svgs

    svgs = static_svgs((SITE / path).read_text(encoding="utf-8"))
    assert svgs, f"{path} has no chart"
    context = browser.new_context(viewport={"width": 900, "height": 600})
    try:
        page = context.new_page()
        for svg in svgs:
            page.set_content(f"<html><body style='margin:0'>{svg}</body></html>")
            boxes = page.evaluate(TEXT_BOXES_JS, page.query_selector("svg"))
            assert boxes, "no Arabic text in the chart"
            for box in boxes:
                # A label Vega cut to its limit ends in its ellipsis, where the closing PDI was: the isolate still
                # holds to the end of the label.
                assert box["text"].startswith(RLI) and box["text"].endswith((PDI, "…")), box["text"]
                assert box["width"] > 5 and 0 <= box["left"] and box["right"] <= box["box"] + 1, box
    finally:
        context.close()
    live = desktop(browser, site_url, path)["live_text_boxes"]  # the charts the shared visit drew
    assert len(live) == len(svgs), f"{path}: {len(live)} charts drawn, {len(svgs)} static"
    for boxes in live.values():
        for box in boxes:
            assert box["width"] > 5 and 0 <= box["left"] and box["right"] <= box["box"] + 1, box
