"""Open every page of the built site in headless Chromium, served from loopback, as a reader would."""

import csv
import functools
import io
import json
import re
import threading
import urllib.parse
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from hamabook import ROOT

pytestmark = pytest.mark.site

SITE = ROOT / "_build" / "html"
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Markup that should have been rendered: roles, directive fences, directive options.
RAW_MYST = re.compile(r"\{(?:glue|cite|doc|numref|ref|download|bibliography)[:}]|```|^:::|^:class:", re.M)
PAGES = sorted(p.relative_to(SITE).as_posix() for p in SITE.rglob("*.html") if "_static" not in p.parts)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site_url():
    if not PAGES:
        pytest.fail("no built site in _build/html: run `make book` first")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(SITE)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _open(browser, url, width=1280):
    """Open ``url``; return the page and the lists of problems seen while loading it."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    seen = {"outside": [], "failed": [], "console": []}

    def on_request(request):
        host = urllib.parse.urlparse(request.url).hostname
        if request.url.startswith("data:"):
            return
        if host not in ("127.0.0.1", "localhost"):
            seen["outside"].append(request.url)

    page.on("request", on_request)
    page.route(lambda u: urllib.parse.urlparse(u).hostname not in ("127.0.0.1", "localhost", None), lambda r: r.abort())
    page.on("requestfailed", lambda r: seen["failed"].append(r.url))
    page.on("response", lambda r: r.status >= 400 and seen["failed"].append(f"{r.status} {r.url}"))
    page.on("console", lambda m: m.type in ("error", "warning") and seen["console"].append(m.text))
    page.on("pageerror", lambda e: seen["console"].append(str(e)))
    page.goto(url, wait_until="networkidle")
    return context, page, seen


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_cleanly(browser, site_url, path):
    context, page, seen = _open(browser, site_url + path)
    try:
        charts = page.locator(".hb-chart")
        for i in range(charts.count()):
            chart = charts.nth(i)
            chart.locator("svg, canvas").first.wait_for(timeout=10_000)
            box = chart.locator("svg, canvas").first.bounding_box()
            assert box and box["width"] > 50 and box["height"] > 50, f"chart {i} on {path} is empty"
        body = page.inner_text("body")
        assert "{glue" not in body, f"raw glue markup on {path}"
        leaked = RAW_MYST.findall(page.inner_text("main"))
        assert leaked == [], f"raw MyST markup on {path}: {leaked}"
        empty = page.eval_on_selector_all(".pasted-text", "els => els.filter(e => !e.textContent.trim()).length")
        assert empty == 0, f"{empty} empty glued value(s) on {path}"
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / (path.replace("/", "_") + ".png")), full_page=True)
    finally:
        context.close()
    assert seen["outside"] == [], f"requests outside the site from {path}: {seen['outside']}"
    assert seen["failed"] == [], f"failed requests from {path}: {seen['failed']}"
    assert seen["console"] == [], f"console errors on {path}: {seen['console']}"


def _download(page, href: str) -> str:
    """The text a download link gives: data: URLs are decoded, others fetched from the site."""
    if href.startswith("data:"):
        header, _, payload = href.partition(",")
        assert header == "data:text/csv;charset=utf-8", header
        return urllib.parse.unquote(payload)
    response = page.request.get(urllib.parse.urljoin(page.url, href))
    assert response.ok, f"download {href} is broken"
    return response.body().decode("utf-8", "replace")


def test_every_figure_has_caption_alt_credit_and_its_data(browser, site_url):
    figures = 0
    for path in PAGES:
        context, page, _ = _open(browser, site_url + path)
        try:
            for fig in page.locator("figure.hb-figure").all():
                figures += 1
                fid = fig.get_attribute("id")
                assert fig.locator(".hb-caption").inner_text().strip(), f"{fid}: no caption"
                alt = fig.evaluate(
                    "f => f.querySelector('.hb-chart')?.getAttribute('aria-label') || f.querySelector('img')?.getAttribute('alt')"
                )
                assert alt and alt.strip(), f"{fid}: no text alternative"
                assert fig.locator(".hb-credit").inner_text().startswith("Source"), f"{fid}: no source credit"
                rows = list(
                    csv.DictReader(io.StringIO(_download(page, fig.locator("a.hb-download").get_attribute("href"))))
                )
                assert rows, f"{fid}: the CSV has no data rows"
                script = fig.evaluate("f => f.querySelector('script')?.textContent || ''")
                match = re.search(r'hbEmbed\("vega-[0-9a-f]+", (\{.*\})\); \}', script)
                if match:  # an Altair chart: the CSV holds exactly the rows and columns it draws
                    (drawn,) = json.loads(match.group(1))["datasets"].values()
                    assert len(rows) == len(drawn), f"{fid}: CSV rows differ from the chart's data"
                    assert set(rows[0]) == set(drawn[0]), f"{fid}: CSV columns differ from the chart's data"
        finally:
            context.close()
    assert figures >= 1, "the site has no figures at all"


def test_every_download_link_works(browser, site_url):
    links = 0
    for path in PAGES:
        context, page, _ = _open(browser, site_url + path)
        try:
            for href in page.eval_on_selector_all("a[download]", "els => els.map(e => e.getAttribute('href'))"):
                links += 1
                assert _download(page, href), f"download {href[:60]} on {path} is empty"
        finally:
            context.close()
    assert links >= 2


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violations(browser, site_url, path):
    from axe_playwright_python.sync_playwright import Axe

    context, page, _ = _open(browser, site_url + path)
    try:
        results = Axe().run(page)
    finally:
        context.close()
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])} node(s), e.g. {v['nodes'][0]['target']}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], f"axe-core on {path}:\n" + "\n".join(serious)


@pytest.mark.parametrize("path", PAGES)
def test_headings_in_order(browser, site_url, path):
    context, page, _ = _open(browser, site_url + path)
    try:
        levels = page.eval_on_selector_all(
            "main h1, main h2, main h3, main h4, main h5, main h6",
            "els => els.filter(e => e.getClientRects().length).map(e => +e.tagName[1])",
        )
    finally:
        context.close()
    assert levels and levels[0] == 1, f"{path} does not start with one h1: {levels}"
    assert levels.count(1) == 1, f"{path} has more than one h1"
    jumps = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
    assert jumps == [], f"{path} skips heading levels: {jumps}"


@pytest.mark.parametrize("path", PAGES)
def test_narrow_screen_does_not_scroll_sideways(browser, site_url, path):
    context, page, _ = _open(browser, site_url + path, width=375)
    try:
        page.wait_for_timeout(300)
        overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / (path.replace("/", "_") + ".mobile.png")), full_page=True)
    finally:
        context.close()
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 375px width"


def test_charts_follow_dark_mode(browser, site_url):
    context, page, seen = _open(browser, site_url + "book/intro.html")
    try:
        page.evaluate("() => document.documentElement.dataset.theme = 'dark'")
        page.wait_for_timeout(800)
        fills = page.eval_on_selector_all(".hb-chart svg text", "els => els.map(e => getComputedStyle(e).fill)")
        page.screenshot(path=str(ARTIFACTS / "book_intro.dark.png"), full_page=False)
    finally:
        context.close()
    assert fills, "no chart text found"
    assert "rgb(230, 230, 230)" in fills, f"chart text did not switch to the dark-mode colour: {set(fills)}"
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
        reached = set()
        for _ in range(600):
            page.keyboard.press("Tab")
            reached.add(
                page.evaluate(
                    "() => { const e = document.activeElement; if (!e) return ''; "
                    "if (e.matches('a[download]')) return 'download:' + e.closest('figure, p').id + e.getAttribute('download'); "
                    "if (e.closest('.bd-sidebar-primary nav')) return 'toc:' + e.getAttribute('href'); return ''; }"
                )
            )
    finally:
        context.close()
    assert any(r.startswith("toc:") for r in reached), "Tab never reaches the table of contents"
    assert downloads >= 1
    assert len({r for r in reached if r.startswith("download:")}) == downloads, "Tab does not reach every download link"


def test_chart_bundle_only_where_charts_are():
    with_charts = []
    for path in PAGES:
        text = (SITE / path).read_text(encoding="utf-8")
        loads = "_static/vega-bundle.js" in text
        assert loads == ("hbEmbed(" in text), f"{path}: bundle loaded={loads} but draws charts={'hbEmbed(' in text}"
        with_charts.append(loads)
    assert any(with_charts) and not all(with_charts)


def test_judgments_link_to_existing_sections():
    intro = (SITE / "book" / "intro.html").read_text(encoding="utf-8")
    links = re.findall(r'<li id="j\d+">.*?<a href="([a-z0-9_]+\.html)#([a-z0-9-]+)">Evidence</a>', intro)
    assert len(links) >= 5, "the intro lists fewer than five key judgments"
    for page, anchor in links:
        assert f'id="{anchor}"' in (SITE / "book" / page).read_text(encoding="utf-8"), f"{page}#{anchor} does not exist"
