import pytest

from hamabook.build import inputs, sphinxext


def test_sitemap_lists_pages_sorted_with_base(tmp_path):
    (tmp_path / "book").mkdir()
    (tmp_path / "_static").mkdir()
    for page in ("index.html", "book/intro.html", "_static/skip.html"):
        (tmp_path / page).write_text("x")
    text = sphinxext.write_sitemap(tmp_path, "https://example.org/hama").read_text()
    assert text.count("<url>") == 2
    assert text.index("book/intro.html") < text.index("index.html")
    assert "<loc>https://example.org/hama/index.html</loc>" in text


def test_inputs_digest_tracks_data_content(monkeypatch, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "x.csv").write_text("a\n1\n")
    monkeypatch.setattr(inputs, "DATA_DIR", data)
    monkeypatch.setattr(inputs, "ROOT", tmp_path)
    first = inputs.inputs_digest()
    assert inputs.inputs_digest() == first
    (data / "x.csv").write_text("a\n2\n")
    assert inputs.inputs_digest() != first


def test_cache_guard_wipes_cache_and_environment_when_inputs_change(monkeypatch, tmp_path):
    from types import SimpleNamespace

    cache, doctrees = tmp_path / "_build" / ".jupyter_cache", tmp_path / "_build" / ".doctrees"
    for folder in (cache, doctrees):
        folder.mkdir(parents=True)
        (folder / "old").write_text("stale")
    app = SimpleNamespace(outdir=str(tmp_path / "_build" / "html"), doctreedir=str(doctrees))
    config = SimpleNamespace(nb_execution_mode="cache", nb_execution_cache_path="")
    monkeypatch.setattr(sphinxext, "inputs_digest", lambda: "one")
    sphinxext._guard_cache(app, config)
    assert not (cache / "old").exists() and not doctrees.exists()
    assert (cache / "hamabook-inputs.sha256").read_text() == "one"
    doctrees.mkdir()
    (doctrees / "kept").write_text("fresh")
    sphinxext._guard_cache(app, config)  # same inputs: nothing is wiped
    assert (doctrees / "kept").exists()
    monkeypatch.setattr(sphinxext, "inputs_digest", lambda: "two")
    sphinxext._guard_cache(app, config)
    assert not doctrees.exists()


def test_static_svg_is_deterministic_and_renumbers_ids():
    import altair as alt
    import pandas as pd

    from hamabook.output.render import altair_html, static_svg

    frame = pd.DataFrame({"x": [1, 2, 3], "y": [3, 1, 2]})
    chart = (
        alt.Chart(frame)
        .mark_area(
            color=alt.Gradient(
                gradient="linear",
                stops=[alt.GradientStop(color="#fff", offset=0), alt.GradientStop(color="#000", offset=1)],
            )
        )
        .encode(x="x", y="y")
    )
    spec = chart.properties(width="container").to_dict()
    first, second = static_svg(spec), static_svg(spec)  # vega's id counter has moved on in between
    assert first == second and first.startswith("<svg")
    assert 'id="hb0"' in first and "url(#hb0)" in first
    html = altair_html(chart, "A rising then falling area.")
    assert html == altair_html(chart, "A rising then falling area.")
    assert (
        '<img class="hb-chart-static" src="data:image/svg+xml,' in html and 'alt="A rising then falling area."' in html
    )
    assert "window.hbCharts" in html and "vega-bundle" not in html


def test_chart_bundle_is_cached_by_key(monkeypatch, tmp_path):
    calls = []
    monkeypatch.setattr(sphinxext, "vega_bundle", lambda: calls.append(1) or "bundle")
    monkeypatch.setattr(sphinxext, "bundle_key", lambda: "k1")
    path = sphinxext.cached_bundle(tmp_path)
    assert path.read_text() == "bundle" and sphinxext.cached_bundle(tmp_path) == path and len(calls) == 1
    monkeypatch.setattr(sphinxext, "bundle_key", lambda: "k2")
    assert sphinxext.cached_bundle(tmp_path).name == "vega-bundle-k2.js" and len(calls) == 2
    assert not path.exists()


def test_icons_come_from_the_theme_and_cover_its_templates():
    from hamabook.build import icons

    css = icons.build_icon_css()
    for name in ("fa-bars", "fa-magnifying-glass", "fa-sun", "fa-moon", "fa-list", "fa-arrow-up"):
        assert f"--hb-{name}:url(" in css and f"html .{name}::before" in css
    assert "admonition-title::after" in css  # the theme's CSS-drawn icons too (no web font fetched)
    assert css == icons.build_icon_css()
    assert "fontawesome.js" not in icons.webpack_macros_without_icon_script()


def test_chart_loader_points_at_the_versioned_bundle():
    from hamabook.output.runtime import bundle_key, chart_loader

    loader = chart_loader("vega-bundle.js")
    assert f"vega-bundle.js?v={bundle_key()}" in loader and "IntersectionObserver" in loader
    assert len(loader) < 3000


def test_the_extension_loads_without_the_analysis_stack():
    """A no-op rebuild imports the extension only: pandas, Altair, matplotlib and IPython stay unloaded."""
    import subprocess
    import sys

    probe = "import sys, hamabook.build.sphinxext; print(sorted({'pandas', 'altair', 'matplotlib', 'IPython'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_print_build_starts_from_the_site_doctrees_and_refuses_a_stale_site(tmp_path, monkeypatch):
    from types import SimpleNamespace

    from hamabook.build import printed, sphinxext

    site = tmp_path / "site" / "_build"
    monkeypatch.setenv(printed.PRINT_FROM_ENV, str(site))
    connected = []
    app = SimpleNamespace(connect=lambda *a: connected.append(a), doctreedir=str(tmp_path / "print" / ".doctrees"))
    with pytest.raises(printed.StaleSite, match="build the site first"):
        printed._write_from_site(app, None)
    (site / ".doctrees").mkdir(parents=True)
    (site / ".doctrees" / "environment.pickle").write_bytes(b"site")
    stamp = site / ".jupyter_cache" / sphinxext.STAMP_NAME
    stamp.parent.mkdir()
    stamp.write_text("another digest")
    with pytest.raises(printed.StaleSite, match="changed since"):
        printed._write_from_site(app, None)
    assert connected == []
    stamp.write_text(sphinxext.inputs_digest())
    printed._write_from_site(app, None)
    assert (tmp_path / "print" / ".doctrees" / "environment.pickle").read_bytes() == b"site"
    assert connected == [("builder-inited", printed._english_book), ("env-before-read-docs", printed._refuse_to_read)]
    printed._refuse_to_read(app, None, [])  # nothing to read: the print build only writes
    own = SimpleNamespace(connect=app.connect, doctreedir=str(site / ".doctrees"))
    with pytest.raises(printed.StaleSite, match="own output"):
        printed._write_from_site(own, None)  # would delete the site's doctrees before copying them
    with pytest.raises(printed.StaleSite, match="book/battle"):
        printed._refuse_to_read(app, None, ["book/battle"])


def test_refresh_keeps_outputs_and_drops_run_metadata_and_print_forms():
    import nbformat

    from hamabook.build.notebooks import strip_volatile
    from hamabook.output.printform import PRINT_MARKDOWN, PRINT_TABLE

    nb = nbformat.v4.new_notebook()
    output = nbformat.v4.new_output("display_data", data={"text/html": "<p>x</p>"}, metadata={PRINT_MARKDOWN: "x"})
    table = nbformat.v4.new_output("display_data", data={"text/html": "<table/>"}, metadata={PRINT_TABLE: {}})
    cell = nbformat.v4.new_code_cell(
        "page.show('x')",
        outputs=[output, table],
        metadata={"execution": {"iopub.execute_input": "2026-11-30T05:00:00Z"}},
    )
    nb.cells.append(cell)
    stripped = strip_volatile(nb)
    assert stripped.cells[0].outputs[0].data == {"text/html": "<p>x</p>"}
    assert [o.metadata for o in stripped.cells[0].outputs] == [{}, {}] and "execution" not in stripped.cells[0].metadata


def test_the_site_root_forwards_to_the_first_chapter_and_fetches_no_icon(tmp_path):
    from types import SimpleNamespace

    config = SimpleNamespace(root_doc="book/intro", html_title="Hama & after")
    app = SimpleNamespace(builder=SimpleNamespace(name="html"), config=config, outdir=str(tmp_path))
    sphinxext._write_redirect(app, None)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="Refresh" content="0; url=book/intro.html" />' in page
    assert '<link rel="icon" href="data:,">' in page  # or the browser asks for /favicon.ico
    assert '<a href="book/intro.html">Hama &amp; after</a>' in page and '<html lang="en">' in page
    config.html_title = "Another title"
    sphinxext._write_redirect(app, RuntimeError("the build failed"))  # a failed build writes nothing new
    assert (tmp_path / "index.html").read_text(encoding="utf-8") == page
    config.root_doc = "index"  # the first page is the site's own index: nothing to forward to
    sphinxext._write_redirect(app, None)
    assert (tmp_path / "index.html").read_text(encoding="utf-8") == page


# --- The two editions (hamabook.build.editions, hamabook.build.fonts) ----------------------------------------------


def test_the_theme_layout_gains_direction_only_on_pages_that_set_it():
    """The served layout writes lang and dir on <html> for a page that sets hb_lang/hb_dir, and exactly the theme's
    lang attribute otherwise (so English pages are unchanged)."""
    from jinja2 import Environment

    from hamabook.build import editions

    tag = editions.layout_with_direction().split("{% endset %}")[0].split("{% set html_tag %}")[1]
    render = Environment().from_string(tag).render
    common = {"language": "en", "content_root": "../", "default_mode": "light", "html5_doctype": True}
    assert render(**common).strip() == '<html lang="en" data-content_root="../" data-theme="light">'
    assert 'lang="ar" dir="rtl" data-content_root' in render(**common, hb_lang="ar", hb_dir="rtl")


def test_language_switch_and_alternates():
    from hamabook.build import editions

    to_ar = editions.switch_html("ar/intro.html", to_arabic=True, counterpart=True)
    assert to_ar.startswith('<a class="hb-lang-switch"') and to_ar.endswith(">بالعربية</a>")
    assert 'href="ar/intro.html" hreflang="ar" lang="ar" dir="rtl"' in to_ar
    assert "النسخة العربية" in editions.switch_html("ar/intro.html", to_arabic=True, counterpart=False)
    back = editions.switch_html("../intro.html", to_arabic=False, counterpart=True)
    assert 'hreflang="en" lang="en" dir="ltr">English</a>' in back and "\n" not in back
    links = editions.alternate_links({"en": "intro.html", "ar": "ar/intro.html"})
    assert links == (
        '<link rel="alternate" hreflang="ar" href="ar/intro.html" />\n'
        '<link rel="alternate" hreflang="en" href="intro.html" />\n'
    )


def test_counterparts_come_from_the_chapters_registry():
    from hamabook.build import editions
    from hamabook.data import load

    pairs = editions.counterparts()
    written = load("chapters").dropna(subset=["arabic_page"]).sort_values("page")
    for row in written.itertuples():
        assert pairs[f"book/{row.chapter}"] == f"book/{row.arabic_page}"
        assert pairs[f"book/{row.arabic_page}"] == f"book/{row.chapter}"
    assert len(pairs) == 2 * len(written)
    assert editions.arabic_home() == (f"book/{written.iloc[0]['arabic_page']}" if len(written) else None)


def test_a_notebook_declares_its_language_in_its_metadata(tmp_path):
    import json

    from hamabook.build import editions

    page = tmp_path / "p.ipynb"
    page.write_text(json.dumps({"metadata": {"hamabook": {"lang": "ar"}}, "cells": []}))
    assert editions.page_language(page) == "ar"
    page.write_text(json.dumps({"metadata": {}, "cells": []}))
    assert editions.page_language(page) is None
    assert editions.page_language(tmp_path / "p.md") is None


def test_the_font_covers_modern_standard_arabic_as_css_ranges():
    from hamabook.build import fonts

    assert fonts.unicode_range([0x621, 0x622, 0x623, 0x60C]) == "U+60C,U+621-623"
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة"
    assert all(ord(c) in fonts.CODEPOINTS for c in letters + "،؛؟ـًٌٍَُِّْ")
    css = fonts.font_face_css("fonts/")
    assert css.count("@font-face") == len(fonts.WEIGHTS) and 'url("fonts/noto-naskh-arabic-700.woff")' in css
    assert "font-display: swap" in css


def test_the_font_cut_is_deterministic_and_keeps_the_shaping(tmp_path):
    """Cutting the package's file twice gives the same bytes, holding every codepoint of the cut and the joining
    forms (the cut keeps the OpenType features that shape them). Needs `make arabic-font`."""
    from fontTools.ttLib import TTFont

    from hamabook.build import fonts

    source = fonts.font_dir() / "package" / "files" / fonts.source_name(400)
    if not source.is_file():
        pytest.fail(f"{source} is missing: run `make arabic-font`")
    first, second = tmp_path / "a.woff", tmp_path / "b.woff"
    fonts.cut(source, first)
    fonts.cut(source, second)
    assert first.read_bytes() == second.read_bytes()
    font = TTFont(first)
    assert set(fonts.CODEPOINTS) <= set(font.getBestCmap())
    features = {r.FeatureTag for r in font["GSUB"].table.FeatureList.FeatureRecord}
    assert {"init", "medi", "fina", "rlig"} <= features
    assert len(font.getGlyphOrder()) > len(fonts.CODEPOINTS)  # the joining forms and ligatures came along


def test_the_print_edition_leaves_out_the_pages_of_another_language(tmp_path):
    """The PDF is the English book: Arabic pages leave the root page's tables of contents (an emptied one with its
    wrapper), English ones stay, in order."""
    import json
    import pickle

    from docutils import nodes
    from docutils.utils import new_document
    from sphinx import addnodes

    from hamabook.build.printed import _leave_out_other_languages

    src = tmp_path / "src"
    for name, lang in (("book/intro", None), ("book/battle", None), ("book/ar/intro", "ar")):
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        meta = {"hamabook": {"lang": lang}} if lang else {}
        (src / f"{name}.ipynb").write_text(json.dumps({"metadata": meta, "cells": []}))
    tree = new_document("intro")
    for files in (["book/battle", "book/ar/intro"], ["book/ar/intro"]):
        wrapper = nodes.compound(classes=["toctree-wrapper"])
        wrapper += addnodes.toctree(includefiles=list(files), entries=[(None, f) for f in files])
        tree += wrapper
    doctrees = tmp_path / "doctrees" / "book"
    doctrees.mkdir(parents=True)
    (doctrees / "intro.doctree").write_bytes(pickle.dumps(tree))
    _leave_out_other_languages(tmp_path / "doctrees", src, "book/intro")
    left = pickle.loads((doctrees / "intro.doctree").read_bytes())
    tocs = list(left.findall(addnodes.toctree))
    assert [t["includefiles"] for t in tocs] == [["book/battle"]]
    assert tocs[0]["entries"] == [(None, "book/battle")]
    assert len(list(left.findall(nodes.compound))) == 1


def test_the_search_index_reads_html_outputs_word_by_word():
    """A table's neighbouring cells are two words, not one glued term; an entity is its character."""
    from hamabook.build.search import words_of_html

    markup = "<tr><td>1,000</td><td>AFP&#x27;s</td></tr><script>var x = 1;</script><b>a&lt;b</b>"
    assert words_of_html(markup).split() == ["1,000", "AFP's", "a", "b"]


def test_scripts_wait_for_the_parsed_page_and_the_imported_style_sheet_is_asked_for_at_once():
    from sphinx.builders.html._assets import _JavaScript

    def page(pagename):
        context = {
            "script_files": [
                _JavaScript("_static/documentation_options.js", priority=1),
                _JavaScript("_static/doctools.js", priority=200),
                _JavaScript("_static/design-tabs.js", priority=900, **{"data-sd-tabs-storage-prefix": "x"}),
                _JavaScript(None, body="DOCUMENTATION_OPTIONS.pagename = 'p';"),
            ],
            "pathto": lambda name, resource=0: "../" + name,
            "metatags": "<meta>\n",
        }
        sphinxext._first_paint_first(None, pagename, "page.html", context, None)
        return context

    chapter = page("book/battle")
    deferred = {str(a.filename): a.attributes.get("defer") for a in chapter["script_files"]}
    assert deferred == {
        "_static/documentation_options.js": None,  # the page's inline code reads it at once
        "_static/doctools.js": "defer",
        "_static/design-tabs.js": "defer",
        "None": None,  # inline code runs where it stands
    }
    assert chapter["script_files"][2].attributes["data-sd-tabs-storage-prefix"] == "x"
    assert [a.priority for a in chapter["script_files"]] == [1, 200, 900, 500]
    assert chapter["metatags"] == '<meta>\n<link rel="preload" as="style" href="../_static/basic.css" />\n'
    search = page("search")  # its inline code calls the search tools as it is parsed
    assert not any(a.attributes.get("defer") for a in search["script_files"])
    assert "basic.css" in search["metatags"]
