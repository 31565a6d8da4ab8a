"""Open every page of the built site in headless Chromium, served from loopback, as a reader would.

Each page is visited once per viewport (desktop, 375 px phone, desktop with JavaScript off: tests/visits.py);
everything checked is gathered during that visit and each test asserts on its part. A missing build fails (it does
not skip).
"""

import csv
import io
import json
import re

import pytest
from pages import CHAPTERS
from visits import (
    ARTIFACTS,
    NARROW,
    PAGES,
    SCREEN,
    SETTLED_LAYOUT,
    SITE,
    WAKE,
    Tab,
    desktop,
    no_javascript,
    open_tab,
    require_site,
    screenshot,
    shared_tab,
)

from hamabook.build.browser import serve

pytestmark = [pytest.mark.site, pytest.mark.browser]

# Markup that should have been rendered: roles, directive fences, directive options.
RAW_MYST = re.compile(r"\{(?:glue|cite|doc|numref|ref|download|bibliography)[:}]|```|^:::|^:class:", re.M)
CHART_SPEC = re.compile(r'hbCharts \|\| \[\]\)\.push\(\["(vega-[0-9a-f]+)", (\{.*\})\]\);')
# A first visit (empty cache) to any page transfers at most this much, every request counted, each body
# gzip-compressed as a server sends it (bench/bench.py measures the same).
BUDGET_KB = 250


@pytest.mark.parametrize("path", PAGES)
def test_first_visit_within_the_page_weight_budget(browser, site_url, path):
    """Every page, the evidence tables and the search page included, within the budget on a first visit."""
    kb = desktop(browser, site_url, path)["first_visit_kb"]
    assert kb <= BUDGET_KB, f"{path}: a first visit transfers {kb:.1f} KB gzip (budget {BUDGET_KB} KB)"


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_cleanly(browser, site_url, path):
    found = desktop(browser, site_url, path)
    seen = found["seen"]
    assert seen["outside"] == [], f"requests outside the site from {path}: {seen['outside']}"
    assert seen["failed"] == [], f"failed requests from {path}: {seen['failed']}"
    assert seen["console"] == [], f"console errors on {path}: {seen['console']}"
    assert "{glue" not in found["body"], f"raw glue markup on {path}"
    leaked = RAW_MYST.findall(found["main"])
    assert leaked == [], f"raw MyST markup on {path}: {leaked}"
    assert found["empty_glue"] == 0, f"{found['empty_glue']} empty glued value(s) on {path}"


@pytest.mark.parametrize("path", PAGES)
def test_charts_show_at_once_and_draw_when_in_view(browser, site_url, path):
    """Before any interaction each chart is a static SVG with its alt text and the runtime is not fetched;
    once the reader interacts and the chart is in view, the interactive chart replaces it."""
    found = desktop(browser, site_url, path)
    for chart in found["static_charts"]:
        assert chart["img"] and chart["complete"], f"{path}: chart {chart['id']} has no static SVG"
        assert chart["width"] > 50 and chart["height"] > 50, f"{path}: static chart {chart['id']} is empty"
        assert chart["alt"].strip(), f"{path}: static chart {chart['id']} has no alt text"
    assert found["runtime_before_interaction"] == [], f"{path} fetched the chart runtime before any interaction"
    for chart_id, box in found["drawn"]:
        assert box and box["width"] > 50 and box["height"] > 50, f"chart {chart_id} on {path} is empty"


@pytest.mark.parametrize("path", PAGES)
def test_every_chart_is_visible_without_javascript(browser, site_url, path):
    found = no_javascript(browser, site_url, path)
    assert len(found["charts"]) == found["charts_in_html"]
    for chart in found["charts"]:
        assert chart["complete"], f"{path}: chart {chart['id']} shows nothing without JavaScript"
        assert chart["width"] > 50 and chart["height"] > 50, f"{path}: chart {chart['id']} is empty without JavaScript"
    # (Preloaded scripts show up as failed requests here: the browser blocks them, as it should.)
    assert found["seen"]["outside"] == [], f"requests outside the site from {path}: {found['seen']['outside']}"


@pytest.mark.parametrize("path", PAGES)
def test_every_figure_has_caption_alt_credit_and_its_data(browser, site_url, path):
    found = desktop(browser, site_url, path)
    for fig in found["figures"]:
        fid = fig["id"]
        assert fig["caption"], f"{fid}: no caption"
        assert fig["alt"].strip(), f"{fid}: no text alternative"
        assert fig["credit"].startswith(("Source", "المصدر", "المصادر")), f"{fid}: no source credit"
        assert fig["csv"], f"{fid}: no data download"
        rows = list(csv.DictReader(io.StringIO(found["download_texts"][fig["csv"]])))
        assert rows, f"{fid}: the CSV has no data rows"
        match = CHART_SPEC.search(fig["script"])
        if match:  # an Altair chart: the CSV holds exactly the rows and columns it draws
            (drawn,) = json.loads(match.group(2))["datasets"].values()
            assert len(rows) == len(drawn), f"{fid}: CSV rows differ from the chart's data"
            assert set(rows[0]) == set(drawn[0]), f"{fid}: CSV columns differ from the chart's data"


def test_the_site_has_figures_and_downloads(browser, site_url):
    figures = sum(len(desktop(browser, site_url, p)["figures"]) for p in PAGES)
    downloads = sum(len(desktop(browser, site_url, p)["downloads"]) for p in PAGES)
    assert figures >= 1, "the site has no figures at all"
    assert downloads >= 2


@pytest.mark.parametrize("path", PAGES)
def test_every_download_link_works(browser, site_url, path):
    for href, text in desktop(browser, site_url, path)["download_texts"].items():
        assert text, f"download {href[:60]} on {path} is empty"


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violations(browser, site_url, path):
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])} node(s), e.g. {v['nodes'][0]['target']}"
        for v in desktop(browser, site_url, path)["axe"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], f"axe-core on {path}:\n" + "\n".join(serious)


@pytest.mark.parametrize("path", PAGES)
def test_headings_in_order(browser, site_url, path):
    levels = desktop(browser, site_url, path)["headings"]
    assert levels and levels[0] == 1, f"{path} does not start with one h1: {levels}"
    assert levels.count(1) == 1, f"{path} has more than one h1"
    jumps = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
    assert jumps == [], f"{path} skips heading levels: {jumps}"


@pytest.mark.parametrize("path", PAGES)
def test_narrow_screen_does_not_scroll_sideways(browser, site_url, path):
    found = desktop(browser, site_url, path)
    assert found["overflow"] <= 0, f"{path} scrolls sideways by {found['overflow']}px at {NARROW}px width"


def test_chapter_pages_fit_in_twelve_screens(browser, site_url):
    """At 1280 x 900, with long tables folded, no chapter page is taller than twelve screens: measured as the page
    first lays out when opened at that width, and again after the reader's visit (which starts on a phone's width)."""
    tab = shared_tab(browser, True)
    heights = {}
    for name in CHAPTERS:
        page, _ = tab.visit(f"{site_url}book/{name}.html")
        page.evaluate(SETTLED_LAYOUT)
        direct = page.evaluate("document.documentElement.scrollHeight") / SCREEN["height"]
        heights[name] = max(direct, desktop(browser, site_url, f"book/{name}.html")["screens"])
    assert {k: round(v, 1) for k, v in heights.items() if v > 12} == {}


def _chart_page() -> str:
    require_site()
    for path in PAGES:
        if "window.hbCharts" in (SITE / path).read_text(encoding="utf-8") and path.startswith("book/"):
            return path
    pytest.fail("no page draws an Altair chart")


def test_charts_follow_dark_mode(browser, site_url):
    path = _chart_page()
    context, page, seen = open_tab(browser, site_url + path)
    try:
        page.evaluate("() => document.documentElement.dataset.theme = 'dark'")
        page.evaluate(WAKE)
        chart = page.locator(".hb-chart").first
        chart.scroll_into_view_if_needed()
        page.wait_for_function(
            "() => [...document.querySelectorAll('.hb-chart-live svg text')]"
            ".some(e => getComputedStyle(e).fill === 'rgb(230, 230, 230)')",
            timeout=15_000,
        )
        # Back to light: the charts redraw with dark text.
        page.evaluate("() => document.documentElement.dataset.theme = 'light'")
        page.wait_for_function(
            "() => ![...document.querySelectorAll('.hb-chart-live svg text')]"
            ".some(e => getComputedStyle(e).fill === 'rgb(230, 230, 230)')",
            timeout=15_000,
        )
        page.evaluate("() => document.documentElement.dataset.theme = 'dark'")
        page.wait_for_function(
            "() => [...document.querySelectorAll('.hb-chart-live svg text')]"
            ".some(e => getComputedStyle(e).fill === 'rgb(230, 230, 230)')"
        )
        screenshot(page, path=str(ARTIFACTS / (path.replace("/", "_") + ".dark.png")), full_page=False)
    finally:
        context.close()
    assert seen["console"] == []


def test_markup_in_data_is_shown_as_text(browser):
    """Text from data is escaped: a table cell holding <script> shows the characters and runs nothing."""
    import pandas as pd

    from hamabook.output.render import table_html

    html = table_html(pd.DataFrame({"summary": ["<script>window.pwned = 1</script><b>bold</b>"]}), caption="t")
    context = browser.new_context()
    page = context.new_page()
    try:
        page.set_content(f"<html><body>{html}</body></html>")
        assert page.evaluate("() => window.pwned") is None
        assert page.inner_text("td") == "<script>window.pwned = 1</script><b>bold</b>"
        assert page.locator("td b").count() == 0
    finally:
        context.close()


def test_keyboard_reaches_contents_and_downloads(browser, site_url):
    """Tabbing through the intro page reaches the table of contents and every download link."""
    context, page, _ = open_tab(browser, site_url + "book/intro.html")
    try:
        downloads = page.locator("a[download]").count()
        toc, reached = set(), set()  # table-of-contents links and download links that Tab has focused
        for _ in range(600):
            page.keyboard.press("Tab")
            kind, _, name = page.evaluate(
                "() => { const e = document.activeElement; if (!e) return ''; "
                "if (e.matches('a[download]')) return 'download:' + e.closest('figure, p').id + e.getAttribute('download'); "
                "if (e.closest('.bd-sidebar-primary nav')) return 'toc:' + e.getAttribute('href'); return ''; }"
            ).partition(":")
            if kind == "toc":
                toc.add(name)
            elif kind == "download":
                reached.add(name)
            if toc and len(reached) == downloads:
                break  # everything this test looks for has been reached
    finally:
        context.close()
    assert toc, "Tab never reaches the table of contents"
    assert downloads >= 1
    assert len(reached) == downloads, "Tab does not reach every download link"


def test_requests_off_loopback_are_listed_and_fail_at_once(browser, tmp_path):
    """What the per-page checks rely on: a request to another host is listed as leaving the site, and the
    browser fails it itself (no host but loopback resolves), so no check waits on the network."""
    page = '<link rel="icon" href="data:,"><img alt="" src="https://example.com/x.png">'  # (no icon fetched)
    (tmp_path / "away.html").write_text(page, encoding="utf-8")
    tab = Tab(browser)
    try:
        with serve(tmp_path) as url:
            _, seen = tab.visit(url + "away.html")
    finally:
        tab.context.close()
    assert seen["outside"] == seen["failed"] == ["https://example.com/x.png"]
