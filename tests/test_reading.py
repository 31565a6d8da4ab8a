"""What a reader sees on the built site: judgments that read one way, prose without machine artefacts, every
inserted value one step from its source. Reads the HTML in ``_build/html``; the tests marked ``browser`` drive
Chromium."""

from __future__ import annotations

import contextlib
import functools
import re

import pytest
from bs4 import BeautifulSoup
from pages import CHAPTERS, numbers_in_prose

from hamabook import ROOT
from hamabook.build.browser import serve
from hamabook.data import load

pytestmark = pytest.mark.site

SITE = ROOT / "_build" / "html"
VERDICT = re.compile(
    r"(almost no chance|very unlikely|unlikely|roughly even chance|likely|very likely|almost certain)"
    r" \(\d+–\d+ %\),? confidence (low|moderate|high)",
    re.I,
)
ISO_DATE = re.compile(r"\b(19|20)\d\d-\d\d-\d\d\b")
TRAILING_ZERO = re.compile(r"(?<![\d.])\d[\d,]*\.0(?!\d)")
BAD_PHRASES = re.compile(r"\b(all 2|both 2|of the 1|1 reports|1 sources|1 rows)\b")


@functools.cache
def soup(name: str) -> BeautifulSoup:
    path = SITE / "book" / f"{name}.html"
    if not path.exists():
        pytest.fail(f"{path} is missing: run `make book` first")
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _main(name: str):
    return soup(name).select_one("article.bd-article") or soup(name).select_one("main") or soup(name)


def _visible_text(node) -> str:
    node = BeautifulSoup(str(node), "html.parser")
    for hidden in node.select("script, style, .hb-note, details:not([open]) > :not(summary)"):
        hidden.decompose()
    return node.get_text(" ", strip=True)


def test_each_judgment_reads_one_way_everywhere_and_shows_its_id():
    seen: dict[str, set] = {}
    pages = [p.stem for p in (SITE / "book").glob("*.html")]
    for name in pages:
        main = _main(name)
        for box in main.select(".hb-judgment"):
            jid = box["id"].upper()
            assert f"Judgment {jid}" in box.get_text(" "), f"{name}: box {jid} does not show its id"
            seen.setdefault(jid, set()).update(m.group(0).lower() for m in VERDICT.finditer(box.get_text(" ")))
        for item in main.select(".hb-judgments li"):
            jid = item.find("strong").get_text()
            seen.setdefault(jid, set()).update(m.group(0).lower() for m in VERDICT.finditer(item.get_text(" ")))
        for value in main.select('.hb-val[data-key$="_verdict"]'):
            jid = value["data-key"].split("_")[0].upper()
            seen.setdefault(jid, set()).add(value.contents[0].strip().lower())
    two_ways = {jid: verdicts for jid, verdicts in seen.items() if len(verdicts) > 1}
    assert not two_ways
    boxed = {box["id"].upper() for name in pages for box in _main(name).select(".hb-judgment")}
    assert set(load("judgments")["judgment_id"]) <= boxed, "every judgment is shown in a box"


@pytest.mark.parametrize("name", CHAPTERS)
def test_chapter_opens_with_a_bottom_line(name):
    first = _main(name).select_one(".admonition")
    assert first is not None and first.select_one(".admonition-title").get_text(strip=True) in (
        "Bottom line",
        "Key judgments",
    )
    assert "Bottom line" in [t.get_text(strip=True) for t in _main(name).select(".admonition-title")]


@pytest.mark.parametrize("name", CHAPTERS)
def test_prose_has_no_machine_artefacts(name):
    main = _main(name)
    for figure in main.select("figure, .hb-chart, script"):
        figure.decompose()
    text = _visible_text(main)
    assert not ISO_DATE.findall(text), f"{name}: ISO dates in visible text"
    assert not TRAILING_ZERO.findall(text), f"{name}: numbers with a trailing .0"
    assert not BAD_PHRASES.findall(text), f"{name}: {BAD_PHRASES.findall(text)}"
    assert not main.select("strong .hb-val, b .hb-val"), f"{name}: an inserted value is bold"


@pytest.mark.parametrize("name", CHAPTERS)
def test_numbers_in_prose_open_their_source(name):
    """At least 90 % of the numbers in a chapter's paragraphs are inserted values with a provenance note."""
    marked, unmarked = numbers_in_prose(_main(name))
    assert marked + unmarked == 0 or marked / (marked + unmarked) >= 0.9, (name, marked, unmarked)


@pytest.mark.parametrize("name", CHAPTERS)
def test_link_previews_name_the_page_and_the_book(name):
    """A link to a chapter shared elsewhere shows its title, its first words and the book's title."""
    import yaml

    book = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["title"]
    tags = {m.get("property") or m.get("name"): m.get("content") for m in soup(name).find_all("meta")}
    assert tags["og:site_name"] == book
    assert tags["og:title"] and tags["og:title"] in soup(name).title.get_text()
    assert len(tags["description"]) > 40 and tags["og:description"] == tags["description"]


PAGES = sorted(p.relative_to(SITE).as_posix() for p in SITE.rglob("*.html") if "_static" not in p.parts)
PREVIEW_TAGS = ("description", "og:title", "og:description", "og:site_name", "twitter:card")


@pytest.mark.parametrize("path", PAGES or ["(no built site)"])
def test_link_previews_are_plain_text_on_every_page(path):
    """What a link preview shows (description, OpenGraph and Twitter tags) is text, never markup: a glued value
    appears as its text, without its note."""
    page = SITE / path
    if not page.exists():
        pytest.fail(f"{page} is missing: run `make book` first")
    markup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    tags = {m.get("property") or m.get("name"): m.get("content") for m in markup.find_all("meta")}
    for key in PREVIEW_TAGS:
        if key in tags:
            assert not re.search(r"[<>]|hb-(val|note)|data-key|&\w+;", tags[key]), (key, tags[key])
    if tags.get("description"):
        for hidden in markup.select("head, script, style, .hb-note"):
            hidden.decompose()
        start = tags["description"].removesuffix("…")[:60]
        assert start in " ".join(markup.get_text().split()), tags["description"]  # the page's own words


@pytest.fixture(scope="module")
def served():
    with serve(SITE) as url:
        yield url + "book/"


@contextlib.contextmanager
def _page(browser, url: str, touch: bool = False):
    """A page at 1280 x 900 (nothing beyond loopback resolves: hamabook.build.browser); closed with its context."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, has_touch=touch)
    try:
        page = context.new_page()
        page.goto(url)
        yield page
    finally:
        context.close()


@pytest.mark.browser
def test_value_notes_open_on_hover_focus_and_tap(served, browser):
    with _page(browser, served + "military.html", touch=True) as page:
        value = page.locator(".hb-val").first
        note = value.locator(".hb-note")
        before = value.bounding_box()
        value.hover()
        page.wait_for_function("el => el.getBoundingClientRect().width > 40", arg=note.element_handle())
        assert value.bounding_box() == before, "the note must not move the text"
        assert "grade" in note.inner_text() and re.match(
            r"evidence_[a-z_]+\.html#row-", note.locator("a").first.get_attribute("href")
        )
        page.mouse.move(0, 0)
        value.focus()
        assert page.evaluate("el => el.getBoundingClientRect().width", note.element_handle()) > 40
        page.locator("body").focus()
        value.tap()
        assert page.evaluate("el => el.getBoundingClientRect().width", note.element_handle()) > 40
        assert note.get_attribute("role") == "note"


@pytest.mark.browser
def test_the_control_map_slider_changes_the_day(served, browser):
    """The day-by-day map draws in Chromium and its slider moves the map to another day."""
    with _page(browser, served + "battle.html") as page:
        chart = page.locator("#fig-battle-map .hb-chart")
        chart.scroll_into_view_if_needed()
        page.mouse.move(10, 10)  # a reader's first move wakes the chart runtime
        slider = chart.locator("input[type=range]")
        slider.wait_for(timeout=15_000)
        before = chart.locator(".hb-chart-live svg").inner_html()
        slider.evaluate("el => { el.value = el.min; el.dispatchEvent(new Event('input', {bubbles: true})); }")
        page.wait_for_function(
            "([sel, old]) => document.querySelector(sel).innerHTML !== old",
            arg=["#fig-battle-map .hb-chart-live svg", before],
        )


@pytest.mark.browser
def test_long_tables_unfold_with_the_keyboard(served, browser):
    with _page(browser, served + "battle.html") as page:
        fold = page.locator(".hb-fold").first
        hidden = fold.locator("tr.hb-more").first
        assert not hidden.is_visible()
        fold.locator("input.hb-fold-toggle").focus()
        page.keyboard.press("Space")
        assert hidden.is_visible()
        assert fold.locator(".hb-fold-hide").is_visible()


def _require_site() -> None:
    if not SITE.is_dir():
        pytest.fail(f"no built site in {SITE}: run `make book` first")


def test_chart_loader_only_where_charts_are_and_no_icon_script_or_search_index():
    _require_site()
    with_charts = []
    for path in sorted(p.relative_to(SITE).as_posix() for p in SITE.rglob("*.html") if "_static" not in p.parts):
        text = (SITE / path).read_text(encoding="utf-8")
        loads = "_static/hb-charts.js" in text
        draws = "window.hbCharts" in text
        assert loads == draws, f"{path}: chart loader loaded={loads} but draws charts={draws}"
        assert "vega-bundle.js" not in text, f"{path}: the chart runtime is loaded up front"
        assert "fontawesome.js" not in text, f"{path}: the theme's 1.5 MB icon script is still loaded"
        if path != "search.html":  # search-as-you-type is off: only the search page needs the index
            assert "searchindex.js" not in text, f"{path}: loads the 230 KB search index up front"
        with_charts.append(loads)
    assert any(with_charts) and not all(with_charts)


def test_judgments_link_to_existing_sections():
    _require_site()
    intro = (SITE / "book" / "intro.html").read_text(encoding="utf-8")
    links = re.findall(r'<li><strong>(J\d+)</strong>.*?<a href="([a-z0-9_]+\.html)#(j\d+)">', intro)
    assert len(links) >= 12, "the intro lists fewer than twelve key judgments"
    for jid, page, anchor in links:
        assert anchor == jid.lower(), f"{jid} links to #{anchor}"
        target = (SITE / "book" / page).read_text(encoding="utf-8")
        assert f'id="{anchor}"' in target and f"Judgment {jid}" in target, f"{page}#{anchor} is not {jid}'s box"


NARRATIVE_FLOOR = {
    row["chapter"]: int(row["narrative_words"]) for _, row in load("chapters").iterrows() if row["narrative_words"] > 0
}


@pytest.mark.parametrize("name", CHAPTERS)
def test_chapters_tell_the_war_not_the_database(name):
    """Each chapter page carries its floor of running prose (data/chapters.csv) and talks about its own data at
    most three times per 1,000 words of it: counting reports belongs in method notes and on the sources page."""
    from hamabook.build.narrative import narrative

    found = narrative(str(soup(name)))
    assert found.words >= NARRATIVE_FLOOR.get(name, 0), f"{name}: {found.words} words of narrative"
    assert found.references_per_1000 <= 3, f"{name}: {found.references}"
