"""Visits to the built site in headless Chromium, served from loopback, shared by the browser checks.

Each page is visited once per kind of visit (JavaScript on: opened at a phone's width, then widened to a desktop's;
JavaScript off); everything the checks need is gathered during that visit (``desktop``, ``no_javascript``, cached per
page), and each test asserts on its part. Waits are on conditions, never fixed sleeps. A missing build fails (it
does not skip). ``HAMABOOK_SITE`` points the checks at another build.
"""

import functools
import gzip
import os
import urllib.parse
from pathlib import Path

import pytest

from hamabook import ROOT
from hamabook.build.browser import OUTSIDE

SITE = Path(os.environ.get("HAMABOOK_SITE", ROOT / "_build" / "html"))
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
NO_SITE = "(no built site)"
PAGES = sorted(p.relative_to(SITE).as_posix() for p in SITE.rglob("*.html") if "_static" not in p.parts) or [NO_SITE]
# Full-page screenshots of every visit go to test-artifacts/screenshots when this is set (for a reviewer's eyes;
# no check reads them, and taking them is a fifth of the visits' time).
SCREENSHOTS = os.environ.get("HAMABOOK_SCREENSHOTS") == "1"
# Everything a reader can interact with; any one of them starts the chart runtime (see runtime.CHART_LOADER).
WAKE = "() => window.dispatchEvent(new Event('pointermove'))"  # what a reader's first move sends
NARROW = 375  # a phone's width, in CSS pixels
SCREEN = {"width": 1280, "height": 900}


def require_site():
    if PAGES == [NO_SITE]:
        pytest.fail(f"no built site in {SITE}: run `make book` first")


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
def shared_tab(browser, javascript: bool) -> Tab:
    return Tab(browser, javascript)


def open_tab(browser, url, width=SCREEN["width"], javascript=True):
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


def screenshot(page, path: str, full_page: bool) -> None:
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


# axe-core checks every element of a page but the rows of a long data table past its first AXE_TABLE_ROWS: those
# rows repeat one markup, styled alike (the table's cells, links and stripes are all in its first rows), and
# checking each one's colour contrast took three quarters of the browser checks' axe time on the evidence pages.
AXE_TABLE_ROWS = 40
AXE_CONTEXT = {"exclude": [[f"table.hb-table > tbody > tr:nth-child(n+{AXE_TABLE_ROWS + 1})"]]}
# The Arabic edition's page: direction, language, the notes' rule side, the Arabic typeface, sideways scrolling.
LAYOUT_JS = """() => {
  const box = e => e ? getComputedStyle(e) : null;
  const note = box(document.querySelector('article .admonition'));
  return {
    dir: document.dir, lang: document.documentElement.lang,
    direction: getComputedStyle(document.querySelector('article.bd-article')).direction,
    noteRight: note ? parseFloat(note.borderRightWidth) : null, noteLeft: note ? parseFloat(note.borderLeftWidth) : null,
    naskh: [...document.fonts].filter(f => f.family.includes('Noto Naskh Arabic') && f.status === 'loaded').length,
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    text: document.querySelector('article.bd-article').innerText,
  };
}"""
# Each Arabic text of a drawn chart (an SVG root): its text and its box against the drawing's.
TEXT_BOXES_JS = """(root) => { const s = root.getBoundingClientRect();
  return [...root.querySelectorAll('text')].filter(t => /[\\u0600-\\u06FF]/.test(t.textContent)).map(t => {
    const r = t.getBoundingClientRect();
    return {text: t.textContent, left: r.left - s.left, right: r.right - s.left, width: r.width, box: s.width}; }); }"""


SETTLED_LAYOUT = (
    "() => document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))))"
)


@functools.cache
def desktop(browser, site_url, path) -> dict:
    """One visit per page. It loads at 375 px (sideways scrolling, once layout has settled), then widens to
    1280 x 900 to measure the page's height, check the static charts, wake the runtime, draw every chart, scan."""
    require_site()
    tab = shared_tab(browser, True)
    page, seen = tab.visit(site_url + path, width=NARROW)
    found = {"path": path}
    page.evaluate(SETTLED_LAYOUT)
    found["first_visit_kb"] = _transfer_kb(seen["requests"])
    found["overflow"] = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    arabic = path.startswith("book/ar/")
    if arabic:  # the Arabic edition's layout at each width (tests/test_editions.py)
        found["layout"] = {NARROW: page.evaluate(LAYOUT_JS)}
        found["live_text_boxes"] = {}
    screenshot(page, path=str(ARTIFACTS / (path.replace("/", "_") + ".mobile.png")), full_page=True)
    page.set_viewport_size(SCREEN)
    page.evaluate(SETTLED_LAYOUT)
    if arabic:
        found["layout"][SCREEN["width"]] = page.evaluate(LAYOUT_JS)
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
        live = chart.locator(".hb-chart-live svg, .hb-chart-live canvas").first
        drawn.append((chart.get_attribute("id"), live.bounding_box()))
        if arabic:  # where each Arabic text of the drawn chart sits (tests/test_editions.py)
            page.evaluate("() => document.fonts.ready.then(() => true)")
            found["live_text_boxes"][chart.get_attribute("id")] = page.evaluate(TEXT_BOXES_JS, live.element_handle())
    found["drawn"] = drawn
    _settle(page, tab.pending)
    # What the reader's visit requested and logged; axe-core's own fetches (it re-requests
    # stylesheets' @imports, resolving them against the wrong base) are not the site's.
    found["seen"] = {key: list(value) for key, value in seen.items()}
    from axe_playwright_python.sync_playwright import Axe

    found["axe"] = Axe().run(page, context=AXE_CONTEXT).response["violations"]
    screenshot(page, path=str(ARTIFACTS / (path.replace("/", "_") + ".png")), full_page=True)
    return found


def _transfer_kb(urls: list[str]) -> float:
    """What the requests for ``urls`` (files of the site) transfer, in KB, each gzip-compressed."""
    files = [SITE / urllib.parse.unquote(urllib.parse.urlparse(u).path).lstrip("/") for u in urls]
    files = [f / "index.html" if f.is_dir() else f for f in files]
    return sum(len(gzip.compress(f.read_bytes(), mtime=0)) for f in files if f.is_file()) / 1024


@functools.cache
def no_javascript(browser, site_url, path) -> dict:
    """One visit with JavaScript disabled: what a reader without scripts sees."""
    require_site()
    page, seen = shared_tab(browser, False).visit(site_url + path)
    page.evaluate("() => 0")  # evaluate works; page scripts do not run
    charts = page.evaluate(STATIC_CHARTS_JS)
    shown = urllib.parse.urlparse(page.url).path.lstrip("/") or "index.html"  # index.html redirects
    charts_in_html = (SITE / shown).read_text(encoding="utf-8").count('class="hb-chart"')
    return {"charts": charts, "charts_in_html": charts_in_html, "seen": dict(seen)}
