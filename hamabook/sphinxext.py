"""Sphinx extension: ships the local chart bundle with the site.

The bundle is generated at build time from the pinned ``vl-convert-python``
package and written into the output's ``_static``; nothing third-party is
committed and nothing is fetched when a page is viewed.
"""

from __future__ import annotations

from pathlib import Path

from .render import vega_bundle

BUNDLE = "vega-bundle.js"


def _write_bundle(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    target = Path(app.outdir) / "_static" / BUNDLE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(vega_bundle(), encoding="utf-8")


def _is_thebe(asset) -> bool:
    name = getattr(asset, "filename", None) or ""
    body = getattr(asset, "attributes", {}).get("body", "") or ""
    return "thebe" in name or "THEBE" in body


def _drop_thebe(app, pagename, templatename, context, doctree) -> None:
    """Remove sphinx-thebe's assets: the book has no live kernels, and its inline
    script (which names a CDN) is declared twice on some pages, a console error."""
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [asset for asset in context[key] if not _is_thebe(asset)]


def setup(app):
    app.add_js_file(BUNDLE)
    app.connect("html-page-context", _drop_thebe, priority=900)
    app.connect("build-finished", _write_bundle)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
