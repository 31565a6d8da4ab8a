"""Sphinx extension: ships the local chart runtime, the book's icons and the data package with the site.

Generated at build time into the output's ``_static`` (nothing third-party is committed, nothing is
fetched when a page is viewed):

- ``vega-bundle.js``: vega, vega-lite and vega-embed from the pinned ``vl-convert-python``; cached with the
  environment (:func:`asset_cache`) under a key of the package version and our snippet, so neither a rebuild nor a
  clean build regenerates it;
- ``hb-charts.js``: a 1 KB loader, on chart pages only, that fetches the bundle when a chart scrolls into view
  (every chart is already shown as a static SVG rendered at build time);
- ``hb-icons.css``: the few icons the themes use, taken from the theme's own Font Awesome script, which is
  then left out of every page (1.5 MB); cached the same way, under a key of the themes' versions.
"""

from __future__ import annotations

import hashlib
import html
import re
import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path

from docutils import nodes

from ..output.runtime import bundle_key, chart_loader, vega_bundle
from . import editions, icons, printed, search
from .dist import data_files, write_zip
from .inputs import STAMP_NAME, inputs_digest

BUNDLE = "vega-bundle.js"
LOADER = "hb-charts.js"
ICONS = "hb-icons.css"
TEMPLATES = Path(__file__).parent / "templates"
DATA_BUNDLE = "downloads/fall-of-hama-data.zip"
# Marks a page that draws an Altair chart (see hamabook.output.render.altair_html).
CHART_MARK = "window.hbCharts"


def _guard_cache(app, config) -> None:
    """In ``cache`` execution mode, jupyter-cache keys results on a notebook's code only, and Sphinx
    re-reads only sources that changed. When data, package or pinned dependencies change, wipe both
    the execution cache and Sphinx's saved environment, so every notebook runs again."""
    if config.nb_execution_mode != "cache" or printed.print_mode():  # the print build executes nothing
        return
    cache = Path(config.nb_execution_cache_path or Path(app.outdir).parent / ".jupyter_cache")
    stamp = cache / STAMP_NAME
    digest = inputs_digest()
    if not stamp.exists() or stamp.read_text(encoding="utf-8") != digest:
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(app.doctreedir, ignore_errors=True)
        cache.mkdir(parents=True)
        stamp.write_text(digest, encoding="utf-8")


def _work_dir(app) -> Path:
    """``_build/.hamabook``: the data zip's stamp (kept out of the site)."""
    return Path(app.doctreedir).parent / ".hamabook"


def asset_cache(app) -> Path:
    """Where assets derived only from the pinned packages are kept: inside the virtual environment that
    pinned them (so a clean ``_build`` does not regenerate them), or ``_build/.hamabook`` outside one."""
    if sys.prefix != sys.base_prefix:
        return Path(sys.prefix) / "share" / "hamabook"
    return _work_dir(app)


def _write_if_changed(path: Path, text: str) -> None:
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _drop_icon_script(app) -> None:
    """Serve the theme's asset macros without the fontawesome.js ``<script>``: a template loader holding
    that one trimmed template goes ahead of the others (no config change, so builds stay identical)."""
    if app.builder.format != "html" or not hasattr(app.builder, "templates"):
        return
    from jinja2 import DictLoader

    trimmed = DictLoader({"static/webpack-macros.html": icons.webpack_macros_without_icon_script()})
    app.builder.templates.loaders.insert(0, trimmed)
    app.builder.templates.templatepathlen += 1


def cached_bundle(work: Path) -> Path:
    """The chart bundle, generated only when the pinned package or our snippet changed."""
    path = work / f"vega-bundle-{bundle_key()}.js"
    if not path.exists():
        for old in work.glob("vega-bundle-*.js"):
            old.unlink()
        work.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(vega_bundle(), encoding="utf-8")
        tmp.replace(path)
    return path


def cached_icon_css(work: Path) -> str:
    """The icons' CSS (about a second to extract), generated only when the themes or our extractor change."""
    from importlib.metadata import version

    recipe = f"{version('pydata-sphinx-theme')} {version('sphinx-book-theme')}\n".encode()
    key = hashlib.sha256(recipe + Path(icons.__file__).read_bytes()).hexdigest()[:16]
    path = work / f"hb-icons-{key}.css"
    if not path.exists():
        for old in work.glob("hb-icons-*.css"):
            old.unlink()
        _write_if_changed(path, icons.build_icon_css())
    return path.read_text(encoding="utf-8")


def _write_generated_assets(app) -> None:
    """Before pages are written (so Sphinx versions their URLs by content): bundle, loader and icons."""
    if app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    bundle = cached_bundle(asset_cache(app))
    target = static / BUNDLE
    if not target.exists() or target.read_bytes() != bundle.read_bytes():
        shutil.copyfile(bundle, target)
    _write_if_changed(static / LOADER, chart_loader(BUNDLE))
    _write_if_changed(static / ICONS, cached_icon_css(asset_cache(app)))


def _write_static_files(app, exception) -> None:
    """After an HTML build: the data package zip (when the data changed) and, with a base URL, the sitemap."""
    if exception is not None or app.builder.format != "html":
        return
    target = Path(app.outdir) / "_static" / DATA_BUNDLE
    files = data_files()
    digest = hashlib.sha256(b"".join(name.encode() + path.read_bytes() for path, name in files)).hexdigest()
    stamp = _work_dir(app) / "data-zip.sha256"
    if not target.exists() or not stamp.exists() or stamp.read_text(encoding="utf-8") != digest:
        write_zip(files, target)
        _write_if_changed(stamp, digest)
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
    which names a CDN, is declared twice on some pages: a console error), and add the
    chart loader only to pages that draw an Altair chart."""
    has_chart = CHART_MARK in context.get("body", "")
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [
                asset
                for asset in context[key]
                if not _is_thebe(asset) and (has_chart or not str(getattr(asset, "filename", "")).endswith(LOADER))
            ]


# The one script file a page's inline code reads at once (``DOCUMENTATION_OPTIONS.pagename = ...`` follows it).
RUN_AT_ONCE = "documentation_options.js"
# The style sheet the theme's own (``styles/theme.css``) imports: a chain of two requests before the first paint.
IMPORTED_CSS = "_static/basic.css"


def _first_paint_first(app, pagename, templatename, context, doctree) -> None:
    """Nothing but style sheets holds up a page's first paint: every script file but :data:`RUN_AT_ONCE` is
    deferred (run in order once the page is parsed, where the theme's scripts and the chart loader wait anyway),
    and the style sheet the theme imports is asked for with the page's first bytes (``rel=preload``). The search
    page keeps its scripts as they are: its inline code calls the search tools at once."""
    if "script_files" in context and pagename != "search":
        context["script_files"] = [
            type(asset)(asset.filename, priority=asset.priority, **{**asset.attributes, "defer": "defer"})
            if asset.filename and not str(asset.filename).endswith(RUN_AT_ONCE)
            else asset
            for asset in context["script_files"]
        ]
    href = html.escape(context["pathto"](IMPORTED_CSS, 1))
    context["metatags"] = context.get("metatags", "") + f'<link rel="preload" as="style" href="{href}" />\n'


VOID_ELEMENTS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"})


class _ReadText(HTMLParser):
    """The text a reader sees in a fragment of HTML: data outside elements whose class marks a note (hb-note, the
    provenance note of an inserted value, shown only on hover or focus)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.stack: list[bool] = []  # per open element: whether it or an ancestor is a note

    def handle_starttag(self, tag, attrs):
        if tag in VOID_ELEMENTS:
            return
        note = "hb-note" in (dict(attrs).get("class") or "").split()
        self.stack.append(note or (bool(self.stack) and self.stack[-1]))

    def handle_endtag(self, tag):
        if self.stack and tag not in VOID_ELEMENTS:
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)


def _plain_text(node) -> str:
    """A node's text as a reader sees it: inserted values (raw HTML) as their visible text, without markup."""
    if isinstance(node, nodes.raw):
        if "html" not in node.get("format", "").split():
            return ""
        reader = _ReadText()
        reader.feed(node.astext())
        reader.close()
        return "".join(reader.parts)
    if isinstance(node, nodes.Text):
        return str(node)
    return "".join(_plain_text(child) for child in node.children)


def _page_metadata(app, pagename, templatename, context, doctree) -> None:
    """A description plus OpenGraph/Twitter tags, so links to a chapter preview properly: plain text, as a link
    preview shows it (inserted values by their text, without their notes or markup)."""
    if doctree is None:
        return
    texts = (_plain_text(p) for p in doctree.findall(nodes.paragraph))
    first = next((text for text in texts if text.strip()), "")
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


def _restore_bibliography_text(app, doctree, docname) -> None:
    """Put back the characters whose LaTeX escapes pybtex shows as written (see hamabook.build.bib)."""
    from .bib import restore  # here, not at the top: bib loads pandas, which a no-op build skips

    for text in list(doctree.findall(nodes.Text)):
        if "\\" in text and (shown := restore(str(text))) != text:
            text.parent.replace(text, nodes.Text(shown))


def _write_redirect(app, exception) -> None:
    """The HTML site's ``index.html``: a page that forwards to the first chapter at once, as sphinx-external-toc's
    would (which then leaves it alone; it also serves other builders), with the book's title and a link to follow
    without forwarding. Its icon is empty: without one a browser asks for ``/favicon.ico`` (which the site does
    not have), and fetching the site's icon is cut off when the page forwards."""
    if exception is not None or app.builder.name != "html" or app.config.root_doc == "index":
        return
    first = f"{app.config.root_doc}.html"
    title = html.escape(app.config.html_title)
    page = (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Refresh" content="0; url={first}" />\n<link rel="icon" href="data:,">\n'
        f'<title>{title}</title>\n</head>\n<body><p><a href="{first}">{title}</a></p></body>\n</html>\n'
    )
    _write_if_changed(Path(app.outdir) / "index.html", page)


def _add_templates(app, config) -> None:
    """The book's template overrides (``templates/``), ahead of the theme's."""
    config.templates_path = [*config.templates_path, str(TEMPLATES)]


def setup(app):
    app.add_js_file(LOADER)
    app.add_css_file(ICONS)
    app.connect("config-inited", _add_templates)
    printed.setup(app)
    editions.setup(app)
    search.setup(app)
    app.connect("config-inited", _guard_cache, priority=100)
    app.connect("builder-inited", _drop_icon_script)
    app.connect("builder-inited", _write_generated_assets)
    app.add_node(unsearched, html=(_visit_unsearched, _depart_unsearched))
    app.connect("doctree-resolved", _unsearch, priority=900)
    app.connect("doctree-resolved", _restore_bibliography_text)
    app.connect("html-page-context", _trim_assets, priority=900)
    app.connect("html-page-context", _first_paint_first, priority=910)
    app.connect("html-page-context", _page_metadata)
    app.connect("html-page-context", _fix_citation_list_role)
    app.connect("build-finished", _write_static_files)
    app.connect("build-finished", _write_redirect, priority=400)  # before sphinx-external-toc's (500)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
