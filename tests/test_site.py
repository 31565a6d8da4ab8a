"""Open every page of the built site in headless Chromium, served from loopback, as a reader would.

Each page is visited once per viewport (desktop, 375 px phone, desktop with JavaScript off); everything
checked is gathered during that visit and each test asserts on its part. Waits are on conditions, never
fixed sleeps. A missing build fails (it does not skip). ``HAMABOOK_SITE`` points the tests at another build.
"""

import csv
import functools
import gzip
import io
import json
import os
import re
import urllib.parse
from pathlib import Path

import pytest
from pages import CHAPTERS

from hamabook import ROOT
from hamabook.build.browser import OUTSIDE, serve

pytestmark = [pytest.mark.site, pytest.mark.browser]

SITE = Path(os.environ.get("HAMABOOK_SITE", ROOT / "_build" / "html"))
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
# Markup that should have been rendered: roles, directive fences, directive options.
RAW_MYST = re.compile(r"\{(?:glue|cite|doc|numref|ref|download|bibliography)[:}]|```|^:::|^:class:", re.M)
NO_SITE = "(no built site)"
PAGES = sorted(p.relative_to(SITE).as_posix() for p in SITE.rglob("*.html") if "_static" not in p.parts) or [NO_SITE]
# Full-page screenshots of every visit go to test-artifacts/screenshots when this is set (for a reviewer's eyes;
# no check reads them, and taking them is a fifth of the visits' time).
SCREENSHOTS = os.environ.get("HAMABOOK_SCREENSHOTS") == "1"
CHART_SPEC = re.compile(r'hbCharts \|\| \[\]\)\.push\(\["(vega-[0-9a-f]+)", (\{.*\})\]\);')
# Everything a reader can interact with; any one of them starts the chart runtime (see runtime.CHART_LOADER).
WAKE = "() => window.dispatchEvent(new Event('pointermove'))"  # what a reader's first move sends
NARROW = 375  # a phone's width, in CSS pixels
# A first visit (empty cache) to any page transfers at most this much, every request counted, each body
# gzip-compressed as a server sends it (bench/bench.py measures the same).
BUDGET_KB = 250
SCREEN = {"width": 1280, "height": 900}


def _require_site():
    if PAGES == [NO_SITE]:
        pytest.fail(f"no built site in {SITE}: run `make book` first")


@pytest.fixture(scope="module")
def site_url():
    _require_site()
    with serve(SITE) as url:
        yield url


class Tab:
    """A browser tab that visits page after page. Opening a tab costs more than the visit itself, so the
    per-page checks share one tab per kind of visit (with and without JavaScript); every visit still starts
    from a blank page and fetches everything (the tab's cache is off).
    Each visit records the requests the page made, those that failed or left the site, and console errors."""

    def __init__(self, browser, javascript: bool = True):
        self.context = browser.new_context(viewport=SCREEN, java_script_enabled=javascript)
        self.page = self.context.new_page()
        self.seen: dict[str, list] = {}
        self.pending: set = set()
        page = self.page
        page.on("request", self._on_request)
        page.on("requestfinished", lambda r: self.pending.discard(r))
        page.on("requestfailed", self._on_failed)
        page.on("response", lambda r: r.status >= 400 and self.seen["failed"].append(f"{r.status} {r.url}"))
        page.on("console", lambda m: m.type in ("error", "warning") and self.seen["console"].append(m.text))
        page.on("pageerror", lambda e: self.seen["console"].append(str(e)))
        devtools = self.context.new_cdp_session(page)
        devtools.send("Network.enable")
        devtools.send("Network.setCacheDisabled", {"cacheDisabled": True})

    def _on_request(self, request) -> None:
        if request.url.startswith("data:"):
            return
        self.pending.add(request)
        self.seen["requests"].append(request.url)
        if OUTSIDE.search(request.url):
            self.seen["outside"].append(request.url)

    def _on_failed(self, request) -> None:
        self.pending.discard(request)
        self.seen["failed"].append(request.url)

    def visit(self, url: str, width: int = SCREEN["width"]):
        """Load ``url`` at ``width`` (following a redirect page) and wait until it has settled; return the
        page and what this visit saw."""
        self.page.goto("about:blank")  # leave the last page first, so nothing it does is blamed on this one
        self.seen = {"outside": [], "failed": [], "console": [], "requests": []}
        self.pending = set()
        self.page.set_viewport_size({"width": width, "height": SCREEN["height"]})
        self.page.goto(url, wait_until="load")
        served = SITE / (urllib.parse.urlparse(url).path.lstrip("/") or "index.html")
        if served.is_file() and 'http-equiv="Refresh"' in served.read_text(encoding="utf-8"):  # a redirect page
            self.page.wait_for_url(lambda u: u != url, wait_until="load")  # (index.html): follow it
        _settle(self.page, self.pending)
        return self.page, self.seen


@functools.cache
def _shared_tab(browser, javascript: bool) -> Tab:
    return Tab(browser, javascript)


def _open(browser, url, width=SCREEN["width"], javascript=True):
    """Open ``url`` in a tab of its own; return the context, the page and what the visit saw."""
    tab = Tab(browser, javascript)
    page, seen = tab.visit(url, width)
    return tab.context, page, seen


def _settle(page, pending: set, timeout_ms: int = 15_000) -> None:
    """Wait until the fonts are in and no request the page made is still in flight (every request
    the page starts is counted, unlike Playwright's 500 ms "networkidle" heuristic)."""
    page.evaluate("() => document.fonts.ready.then(() => true)")
    waited = 0
    while pending and waited < timeout_ms:
        page.wait_for_timeout(10)
        waited += 10
    assert not pending, f"requests still in flight after {timeout_ms} ms: {[r.url for r in pending]}"


def _screenshot(page, path: str, full_page: bool) -> None:
    if SCREENSHOTS:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=path, full_page=full_page)


def _download(page, href: str) -> str:
    """The text a download link gives: data: URLs are decoded, others fetched from the site."""
    if href.startswith("data:"):
        header, _, payload = href.partition(",")
        assert header == "data:text/csv;charset=utf-8", header
        return urllib.parse.unquote(payload)
    response = page.request.get(urllib.parse.urljoin(page.url, href))
    assert response.ok, f"download {href} is broken"
    return response.body().decode("utf-8", "replace")


STATIC_CHARTS_JS = """() => [...document.querySelectorAll('.hb-chart')].map(c => {
  const img = c.querySelector('img.hb-chart-static');
  const box = img ? img.getBoundingClientRect() : null;
  return {id: c.id, img: !!img, complete: !!img && img.complete && img.naturalWidth > 0,
          width: box ? box.width : 0, height: box ? box.height : 0, alt: img ? img.alt : ''};
})"""

FIGURES_JS = """() => [...document.querySelectorAll('figure.hb-figure')].map(f => ({
  id: f.id,
  caption: (f.querySelector('.hb-caption')?.innerText || '').trim(),
  alt: f.querySelector('.hb-chart')?.getAttribute('aria-label') || f.querySelector('img')?.getAttribute('alt') || '',
  credit: f.querySelector('.hb-credit')?.innerText || '',
  csv: f.querySelector('a.hb-download')?.getAttribute('href') || '',
  script: f.querySelector('script')?.textContent || '',
}))"""


SETTLED_LAYOUT = (
    "() => document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))))"
)


@functools.cache
def desktop(browser, site_url, path) -> dict:
    """One visit per page. It loads at 375 px (sideways scrolling, once layout has settled), then widens to
    1280 x 900 to measure the page's height, check the static charts, wake the runtime, draw every chart, scan."""
    _require_site()
    tab = _shared_tab(browser, True)
    page, seen = tab.visit(site_url + path, width=NARROW)
    found = {"path": path}
    page.evaluate(SETTLED_LAYOUT)
    found["first_visit_kb"] = _transfer_kb(seen["requests"])
    found["overflow"] = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    _screenshot(page, path=str(ARTIFACTS / (path.replace("/", "_") + ".mobile.png")), full_page=True)
    page.set_viewport_size(SCREEN)
    page.evaluate(SETTLED_LAYOUT)
    found["screens"] = page.evaluate("document.documentElement.scrollHeight") / SCREEN["height"]
    found["static_charts"] = page.evaluate(STATIC_CHARTS_JS)
    found["runtime_before_interaction"] = [u for u in seen["requests"] if "vega-bundle" in u]
    found["body"] = page.inner_text("body")
    found["main"] = page.inner_text("main")
    found["empty_glue"] = page.eval_on_selector_all(
        ".pasted-text", "els => els.filter(e => !e.textContent.trim()).length"
    )
    found["figures"] = page.evaluate(FIGURES_JS)
    found["downloads"] = page.eval_on_selector_all("a[download]", "els => els.map(e => e.getAttribute('href'))")
    found["download_texts"] = {h: _download(page, h) for h in dict.fromkeys(found["downloads"])}
    found["headings"] = page.eval_on_selector_all(
        "main h1, main h2, main h3, main h4, main h5, main h6",
        "els => els.filter(e => e.getClientRects().length).map(e => +e.tagName[1])",
    )
    # Wake the chart runtime as a reader would, bring each chart into view, wait until it is drawn.
    page.evaluate(WAKE)
    drawn = []
    charts = page.locator(".hb-chart")
    for i in range(charts.count()):
        chart = charts.nth(i)
        chart.scroll_into_view_if_needed()
        chart.locator(".hb-chart-live svg, .hb-chart-live canvas").first.wait_for(timeout=15_000)
        page.wait_for_function(
            "id => !document.querySelector('#' + id + ' .hb-chart-static')", arg=chart.get_attribute("id")
        )
        box = chart.locator(".hb-chart-live svg, .hb-chart-live canvas").first.bounding_box()
        drawn.append((chart.get_attribute("id"), box))
    found["drawn"] = drawn
    _settle(page, tab.pending)
    # What the reader's visit requested and logged; axe-core's own fetches (it re-requests
    # stylesheets' @imports, resolving them against the wrong base) are not the site's.
    found["seen"] = {key: list(value) for key, value in seen.items()}
    from axe_playwright_python.sync_playwright import Axe

    found["axe"] = Axe().run(page).response["violations"]
    _screenshot(page, path=str(ARTIFACTS / (path.replace("/", "_") + ".png")), full_page=True)
    return found


def _transfer_kb(urls: list[str]) -> float:
    """What the requests for ``urls`` (files of the site) transfer, in KB, each gzip-compressed."""
    files = [SITE / urllib.parse.unquote(urllib.parse.urlparse(u).path).lstrip("/") for u in urls]
    files = [f / "index.html" if f.is_dir() else f for f in files]
    return sum(len(gzip.compress(f.read_bytes(), mtime=0)) for f in files if f.is_file()) / 1024


@functools.cache
def no_javascript(browser, site_url, path) -> dict:
    """One visit with JavaScript disabled: what a reader without scripts sees."""
    _require_site()
    page, seen = _shared_tab(browser, False).visit(site_url + path)
    page.evaluate("() => 0")  # evaluate works; page scripts do not run
    charts = page.evaluate(STATIC_CHARTS_JS)
    shown = urllib.parse.urlparse(page.url).path.lstrip("/") or "index.html"  # index.html redirects
    charts_in_html = (SITE / shown).read_text(encoding="utf-8").count('class="hb-chart"')
    return {"charts": charts, "charts_in_html": charts_in_html, "seen": dict(seen)}


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
    tab = _shared_tab(browser, True)
    heights = {}
    for name in CHAPTERS:
        page, _ = tab.visit(f"{site_url}book/{name}.html")
        page.evaluate(SETTLED_LAYOUT)
        direct = page.evaluate("document.documentElement.scrollHeight") / SCREEN["height"]
        heights[name] = max(direct, desktop(browser, site_url, f"book/{name}.html")["screens"])
    assert {k: round(v, 1) for k, v in heights.items() if v > 12} == {}


def _chart_page() -> str:
    _require_site()
    for path in PAGES:
        if "window.hbCharts" in (SITE / path).read_text(encoding="utf-8") and path.startswith("book/"):
            return path
    pytest.fail("no page draws an Altair chart")


def test_charts_follow_dark_mode(browser, site_url):
    path = _chart_page()
    context, page, seen = _open(browser, site_url + path)
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
        _screenshot(page, path=str(ARTIFACTS / (path.replace("/", "_") + ".dark.png")), full_page=False)
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
    context, page, _ = _open(browser, site_url + "book/intro.html")
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
