"""Serve a built site on loopback and look at it in headless Chromium (site tests and `make bench`).

Playwright drives Debian's Chromium at :data:`CHROMIUM` (never ``playwright install``).
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import re
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # No host name but loopback resolves, so the browser fails a request for another host at once, itself
    # (intercepting requests instead would stop every request for a round trip to the test process, and turn the
    # cache off). The tests list every request to a URL matching OUTSIDE, a literal IP address's included.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]
# A URL on a host other than loopback (data: and other URLs without a host do not match).
OUTSIDE = re.compile(r"^[a-z][a-z0-9+.-]*://(?!(?:127\.0\.0\.1|localhost)(?::\d+)?/)")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """The site at ``http://127.0.0.1:<free port>/`` for as long as the block runs."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def chromium() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


FCP_JS = """() => new Promise((resolve) => {
  const now = performance.getEntriesByName("first-contentful-paint")[0];
  if (now) return resolve(now.startTime);
  new PerformanceObserver((list, obs) => {
    const e = list.getEntriesByName("first-contentful-paint")[0];
    if (e) { obs.disconnect(); resolve(e.startTime); }
  }).observe({type: "paint", buffered: true});
  setTimeout(() => resolve(null), 5000);
})"""


def first_visit(browser, url: str, width: int = 1280, height: int = 900) -> dict:
    """Open ``url`` in a fresh context (empty cache) and wait until the network is idle.

    Returns the bytes every request transferred, gzip-compressed as a server would send them
    (``gzip_bytes``), the raw bytes, the number of requests, and first contentful paint in ms.
    """
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    responses = []
    page.on("response", lambda r: responses.append(r))
    try:
        page.goto(url, wait_until="networkidle")
        fcp = page.evaluate(FCP_JS)
        raw = packed = 0
        for response in responses:
            if response.url.startswith("data:"):
                continue
            try:
                body = response.body()
            except Exception:  # redirects have no body
                continue
            raw += len(body)
            packed += len(gzip.compress(body, mtime=0))
        return {"requests": len(responses), "raw_bytes": raw, "gzip_bytes": packed, "fcp_ms": fcp}
    finally:
        context.close()
