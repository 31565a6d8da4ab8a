import copy
import json

import pytest

from hamabook.build import sphinxext


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
    monkeypatch.setattr(sphinxext, "DATA_DIR", data)
    monkeypatch.setattr(sphinxext, "ROOT", tmp_path)
    first = sphinxext.inputs_digest()
    assert sphinxext.inputs_digest() == first
    (data / "x.csv").write_text("a\n2\n")
    assert sphinxext.inputs_digest() != first


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


def test_print_build_refuses_a_site_build_made_on_other_inputs(tmp_path, monkeypatch):
    from types import SimpleNamespace

    from hamabook.build import printed, sphinxext

    cache = tmp_path / "_build" / ".jupyter_cache"
    monkeypatch.setenv(printed.PRINT_FROM_ENV, str(cache))
    connected = []
    app, config = SimpleNamespace(connect=lambda *a: connected.append(a)), SimpleNamespace(nb_execution_mode="cache")
    with pytest.raises(printed.StaleExecution, match="build the site first"):
        printed._use_site_execution(app, config)
    stamp = cache / sphinxext.STAMP_NAME
    stamp.parent.mkdir(parents=True)
    stamp.write_text("another digest")
    with pytest.raises(printed.StaleExecution, match="changed since"):
        printed._use_site_execution(app, config)
    assert connected == [] and config.nb_execution_mode == "cache"
    stamp.write_text(sphinxext.inputs_digest())
    printed._use_site_execution(app, config)
    assert config.nb_execution_mode == "off" and connected[0][0] == "source-read"


def test_refresh_keeps_outputs_and_drops_run_metadata_and_print_markdown():
    import nbformat

    from hamabook.build.notebooks import strip_volatile
    from hamabook.output.figure import PRINT_MARKDOWN

    nb = nbformat.v4.new_notebook()
    output = nbformat.v4.new_output("display_data", data={"text/html": "<p>x</p>"}, metadata={PRINT_MARKDOWN: "x"})
    cell = nbformat.v4.new_code_cell(
        "page.show('x')", outputs=[output], metadata={"execution": {"iopub.execute_input": "2026-11-30T05:00:00Z"}}
    )
    nb.cells.append(cell)
    stripped = strip_volatile(nb)
    assert stripped.cells[0].outputs[0].data == {"text/html": "<p>x</p>"}
    assert PRINT_MARKDOWN not in stripped.cells[0].outputs[0].metadata and "execution" not in stripped.cells[0].metadata


def test_print_build_reads_whole_outputs_from_the_execution_cache(tmp_path, monkeypatch):
    """The print edition takes each notebook's outputs from the site build's execution cache, glued values
    included (myst-nb's executed copies lack them), and refuses a notebook whose code the site did not run."""
    from types import SimpleNamespace

    import nbformat
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn

    from hamabook.build import printed

    source = nbformat.v4.new_notebook()
    source.cells = [nbformat.v4.new_markdown_cell("Held {glue}`n` places."), nbformat.v4.new_code_cell("glue('n', 3)")]
    run = copy.deepcopy(source)
    glued = nbformat.v4.new_output(
        "display_data",
        data={"text/plain": "3"},
        metadata={"scrapbook": {"name": "n", "mime_prefix": ""}},
    )
    run.cells[1].outputs = [glued]
    cache_dir = tmp_path / ".jupyter_cache"
    get_cache(str(cache_dir)).cache_notebook_bundle(CacheBundleIn(run, "book/page.ipynb"), check_validity=False)
    monkeypatch.setenv(printed.PRINT_FROM_ENV, str(cache_dir))
    app = SimpleNamespace(env=SimpleNamespace(doc2path=lambda d: f"book/{d}.ipynb", note_dependency=lambda p: None))
    text = [nbformat.writes(source)]
    printed._read_executed(app, "page", text)
    cell = json.loads(text[0])["cells"][1]
    assert cell["outputs"][0]["metadata"]["scrapbook"]["name"] == "n" and "".join(cell["source"]) == "glue('n', 3)"
    source.cells[1].source = "glue('n', 4)"
    with pytest.raises(printed.StaleExecution, match="did not run in the site build"):
        printed._read_executed(app, "page", [nbformat.writes(source)])
