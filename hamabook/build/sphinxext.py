"""Sphinx extension: ships the local chart bundle and the data package with the site.

The bundle is generated at build time from the pinned ``vl-convert-python``
package and written into the output's ``_static``; nothing third-party is
committed and nothing is fetched when a page is viewed.
"""

from __future__ import annotations

import hashlib
import html
import re
import shutil
from pathlib import Path

from docutils import nodes

from .. import DATA_DIR, ROOT
from ..dist import data_files, write_zip
from ..output.render import vega_bundle

BUNDLE = "vega-bundle.js"
DATA_BUNDLE = "downloads/fall-of-hama-data.zip"


def inputs_digest() -> str:
    """Hash of everything a notebook's outputs depend on besides its own code cells."""
    h = hashlib.sha256()
    files = [*sorted(DATA_DIR.glob("*")), *sorted((ROOT / "hamabook").rglob("*.py")), ROOT / "requirements.txt"]
    for path in files:
        if path.is_file():
            h.update(path.relative_to(ROOT).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def _guard_cache(app, config) -> None:
    """In ``cache`` execution mode, jupyter-cache keys results on a notebook's code only, and Sphinx
    re-reads only sources that changed. When data, package or pinned dependencies change, wipe both
    the execution cache and Sphinx's saved environment, so every notebook runs again."""
    if config.nb_execution_mode != "cache":
        return
    cache = Path(config.nb_execution_cache_path or Path(app.outdir).parent / ".jupyter_cache")
    stamp = cache / "hamabook-inputs.sha256"
    digest = inputs_digest()
    if not stamp.exists() or stamp.read_text(encoding="utf-8") != digest:
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(app.doctreedir, ignore_errors=True)
        cache.mkdir(parents=True)
        stamp.write_text(digest, encoding="utf-8")


def _write_static_files(app, exception) -> None:
    """After an HTML build: the chart bundle, the data package zip and (with a base URL) the sitemap."""
    if exception is not None or app.builder.format != "html":
        return
    target = Path(app.outdir) / "_static" / BUNDLE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(vega_bundle(), encoding="utf-8")
    write_zip(data_files(), Path(app.outdir) / "_static" / DATA_BUNDLE)
    if app.config.html_baseurl:
        write_sitemap(Path(app.outdir), app.config.html_baseurl)


def write_sitemap(outdir: Path, baseurl: str) -> Path:
    """sitemap.xml listing every page, sorted, with absolute URLs under ``baseurl``."""
    base = baseurl.rstrip("/") + "/"
    pages = sorted(p.relative_to(outdir).as_posix() for p in outdir.rglob("*.html") if "_static" not in p.parts)
    urls = "".join(f"  <url><loc>{html.escape(base + page)}</loc></url>\n" for page in pages)
    target = outdir / "sitemap.xml"
    target.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + urls + "</urlset>\n",
        encoding="utf-8",
    )
    return target


def _is_thebe(asset) -> bool:
    name = getattr(asset, "filename", None) or ""
    body = getattr(asset, "attributes", {}).get("body", "") or ""
    return "thebe" in name or "THEBE" in body


def _trim_assets(app, pagename, templatename, context, doctree) -> None:
    """Remove sphinx-thebe's assets (the book has no live kernels, and its inline script,
    which names a CDN, is declared twice on some pages: a console error), and load the
    chart bundle only on pages that draw an Altair chart."""
    has_chart = "hbEmbed(" in context.get("body", "")
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [
                asset
                for asset in context[key]
                if not _is_thebe(asset) and (has_chart or not str(getattr(asset, "filename", "")).endswith(BUNDLE))
            ]


def _page_metadata(app, pagename, templatename, context, doctree) -> None:
    """A description plus OpenGraph/Twitter tags, so links to a chapter preview properly."""
    if doctree is None:
        return
    first = next((p.astext() for p in doctree.findall(nodes.paragraph) if p.astext().strip()), "")
    description = re.sub(r"\s+", " ", first).strip()
    if len(description) > 200:
        description = description[:197].rsplit(" ", 1)[0] + "…"
    title = re.sub(r"<[^>]+>", "", context.get("title", ""))
    tags = {
        "description": description,
        "og:title": html.unescape(title),
        "og:description": description,
        "og:type": "article",
        "og:site_name": app.config.project,
        "twitter:card": "summary",
    }
    if app.config.html_baseurl:
        tags["og:url"] = app.config.html_baseurl.rstrip("/") + "/" + context["pagename"] + ".html"
    lines = []
    for key, value in tags.items():
        attr = "property" if key.startswith("og:") else "name"
        lines.append(f'<meta {attr}="{key}" content="{html.escape(value)}" />')
    context["metatags"] = context.get("metatags", "") + "\n".join(lines) + "\n"


def _fix_citation_list_role(app, pagename, templatename, context, doctree) -> None:
    """docutils marks a bibliography `role="list"` but its entries are `doc-biblioentry`,
    not list items: an ARIA error (axe-core aria-required-children). Drop the list role."""
    if "body" in context:
        listed = '<div role="list" class="citation-list">'
        context["body"] = context["body"].replace(listed, '<div class="citation-list">')


class unsearched(nodes.comment):  # noqa: N801 (docutils names node classes in lower case)
    """Shown on the page, kept out of the search index: Sphinx 7's indexer skips comment nodes."""


def _visit_unsearched(self, node) -> None:
    self.body.append('<div class="no-search">')


def _depart_unsearched(self, node) -> None:
    self.body.append("</div>")


def _unsearch(app, doctree, docname) -> None:
    """Wrap the content of ``{container} no-search`` blocks (e.g. build run times, which differ
    on every build) so it is rendered but not indexed, keeping searchindex.js reproducible."""
    for container in list(doctree.findall(nodes.container)):
        if "no-search" in container["classes"]:
            wrapper = unsearched()
            wrapper.extend(container.children)
            container.replace_self(wrapper)


def setup(app):
    app.add_js_file(BUNDLE)
    app.connect("config-inited", _guard_cache, priority=100)
    app.add_node(unsearched, html=(_visit_unsearched, _depart_unsearched))
    app.connect("doctree-resolved", _unsearch, priority=900)
    app.connect("html-page-context", _trim_assets, priority=900)
    app.connect("html-page-context", _page_metadata)
    app.connect("html-page-context", _fix_citation_list_role)
    app.connect("build-finished", _write_static_files)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
