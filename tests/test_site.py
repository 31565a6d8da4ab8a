"""Open every page of the built site in headless Chromium, served from loopback, as a reader would."""

import functools
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
        empty = page.eval_on_selector_all(".pasted-text", "els => els.filter(e => !e.textContent.trim()).length")
        assert empty == 0, f"{empty} empty glued value(s) on {path}"
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / (path.replace("/", "_") + ".png")), full_page=True)
    finally:
        context.close()
    assert seen["outside"] == [], f"requests outside the site from {path}: {seen['outside']}"
    assert seen["failed"] == [], f"failed requests from {path}: {seen['failed']}"
    assert seen["console"] == [], f"console errors on {path}: {seen['console']}"


def test_every_figure_has_caption_alt_credit_and_data(browser, site_url):
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
                href = fig.locator("a.hb-download").get_attribute("href")
                response = page.request.get(urllib.parse.urljoin(page.url, href))
                assert response.ok, f"{fid}: CSV link {href} is broken"
                lines = response.text().strip().splitlines()
                assert len(lines) >= 2, f"{fid}: CSV {href} has no data rows"
        finally:
            context.close()
    assert figures >= 1, "the site has no figures at all"
