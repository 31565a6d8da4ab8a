"""Every link inside the built site lands: the file it names exists and, when it names a fragment (a provenance
note's ``evidence_events.html#row-e002``, a judgment's ``military.html#j01``), the page holds an element with that id.
Read from the files, no browser: Sphinx's nitpicky build checks its own cross-references, not the links the book's
outputs write as HTML."""

from __future__ import annotations

import functools
import os
import re
import urllib.parse
from pathlib import Path

import pytest

from hamabook import ROOT

pytestmark = pytest.mark.site

SITE = Path(os.environ.get("HAMABOOK_SITE", ROOT / "_build" / "html"))
HREF = re.compile(r'<a\b[^>]*?\shref="([^"]*)"')
ID = re.compile(r'\sid="([^"]+)"')
OUTSIDE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)  # http:, mailto:, data:, protocol-relative


def _pages() -> list[Path]:
    return sorted(p for p in SITE.rglob("*.html") if "_static" not in p.parts)


@functools.cache
def _ids(page: Path) -> frozenset[str]:
    return frozenset(ID.findall(page.read_text(encoding="utf-8")))


def _broken(page: Path) -> list[str]:
    broken = []
    for href in dict.fromkeys(HREF.findall(page.read_text(encoding="utf-8"))):
        href = href.replace("&amp;", "&")
        if not href or OUTSIDE.match(href):
            continue
        parts = urllib.parse.urlsplit(href)
        target = (page.parent / urllib.parse.unquote(parts.path)).resolve() if parts.path else page
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            broken.append(
                f"{href}: no file {target.relative_to(SITE.resolve()) if SITE.resolve() in target.parents else target}"
            )
        elif parts.fragment and target.suffix == ".html" and urllib.parse.unquote(parts.fragment) not in _ids(target):
            broken.append(f"{href}: no id {parts.fragment!r} in {target.name}")
    return broken


def test_every_link_in_the_site_lands():
    pages = _pages()
    if not pages:
        pytest.fail(f"no built site in {SITE}: run `make book` first")
    broken = {page.relative_to(SITE).as_posix(): found for page in pages if (found := _broken(page))}
    listed = "; ".join(
        f"{page}: {', '.join(found[:3])}{' ...' if len(found) > 3 else ''}" for page, found in broken.items()
    )
    assert not broken, f"links that land nowhere: {listed}"
