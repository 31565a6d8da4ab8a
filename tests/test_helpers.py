"""Unit tests of the package's helpers: formatting, distance, analysis, rendering, the figure helper."""

import json
import re
import urllib.parse

import altair as alt
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import hamabook.rows.select as analysis
from hamabook.output import figure as figures
from hamabook.output import prose as text  # noqa: E402
from hamabook.output import render, runtime
from hamabook.rows.geo import great_circle_km  # noqa: E402


def test_fmt_number():
    assert text.fmt_number(280000) == "280,000"
    assert text.fmt_number(280000.0) == "280,000"
    assert text.fmt_number(12.25) == "12.2"
    with pytest.raises(TypeError):
        text.fmt_number("12")
    with pytest.raises(ValueError):
        text.fmt_number(float("nan"))


def test_fmt_date_and_range():
    assert text.fmt_date(pd.Timestamp("2024-12-05")) == "5 December 2024"
    assert text.fmt_date("2024-11-27") == "27 November 2024"
    assert text.fmt_range(10, 12, "days") == "10–12 days"
    assert text.fmt_range(11, 11, "days") == "11 days"


def test_fmt_ordinal():
    assert [text.fmt_ordinal(n) for n in (1, 4, 10, 11, 12, 21, 23)] == [
        "first",
        "fourth",
        "tenth",
        "11th",
        "12th",
        "21st",
        "23rd",
    ]
    with pytest.raises(ValueError):
        text.fmt_ordinal(0)


def test_glue_text_refuses_empty(monkeypatch):
    glued = {}
    monkeypatch.setattr("myst_nb.glue", lambda name, value, display: glued.update({name: value}))
    text.glue_text("n", 280000)
    text.glue_text("d", pd.Timestamp("2024-12-08"))
    assert glued == {"n": "280,000", "d": "8 December 2024"}
    with pytest.raises(ValueError, match="empty"):
        text.glue_text("blank", "  ")


def test_great_circle_known_distance():
    # Hama -> Homs, GeoNames coordinates: about 45 km as the crow flies.
    assert great_circle_km(35.13179, 36.75783, 34.72405, 36.72559) == pytest.approx(45.4, abs=0.5)
    assert great_circle_km(0, 0, 0, 0) == 0


EVENTS = pd.DataFrame(
    {
        "event_id": ["E001", "E002", "E003", "E004", "E005"],
        "date": pd.to_datetime(["2024-11-27", "2024-11-29", "2024-11-27", "2024-12-05", "2024-12-06"]),
        "category": ["offensive_launch", "offensive_launch", "offensive_launch", "city_captured", "city_captured"],
        "place_id": ["idlib", "idlib", "idlib", "hama", "hama"],
        "source_id": ["a", "b", "c", "a", "b"],
        "summary": ["x"] * 5,
        "credibility": [2, 3, 2, 2, 4],
    }
)


def test_modal_date_and_span():
    assert analysis.modal_date(EVENTS, "offensive_launch") == pd.Timestamp("2024-11-27")
    assert analysis.date_span(EVENTS, "offensive_launch") == (pd.Timestamp("2024-11-27"), pd.Timestamp("2024-11-29"))
    # a tie goes to the earlier date
    assert analysis.modal_date(EVENTS, "city_captured", "hama") == pd.Timestamp("2024-12-05")
    with pytest.raises(LookupError, match="no city_captured event at homs"):
        analysis.modal_date(EVENTS, "city_captured", "homs")


def test_days_between():
    assert analysis.days_between(pd.Timestamp("2024-11-27"), pd.Timestamp("2024-12-05")) == 8


def test_with_sources_rejects_unknown():
    sources = pd.DataFrame({"source_id": ["a", "b"], "publisher": ["P", "Q"], "reliability": ["B", "D"]})
    with pytest.raises(KeyError, match="unknown sources: c"):
        analysis.with_sources(EVENTS, sources)
    with pytest.raises(KeyError, match="unknown sources: c"):  # also when the publisher is not asked for
        analysis.with_sources(EVENTS, sources, ("reliability",))


def test_table_html_escapes_markup():
    frame = pd.DataFrame({"summary": ["<script>alert(1)</script>"], "n": [1]})
    out = render.table_html(frame, caption="A & B", labels={"summary": "What"})
    assert "<script>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "<caption>A &amp; B</caption>" in out
    assert '<th scope="col">What</th>' in out


def test_altair_html_is_deterministic_and_offline():
    data = pd.DataFrame({"x": [1, 2], "y": [3, 4]})
    chart = alt.Chart(data).mark_point().encode(x="x", y="y")
    one, two = render.altair_html(chart, "alt"), render.altair_html(chart, "alt")
    assert one == two
    assert re.search(r'id="vega-[0-9a-f]{12}"', one)
    assert "cdn" not in one and "http" not in one.split("<script>")[1].split("{")[0]


def test_matplotlib_html_is_deterministic():
    def draw():
        fig, ax = plt.subplots()
        ax.plot([1, 2], [3, 4])
        html = render.matplotlib_html(fig, "a line")
        plt.close(fig)
        return html

    first = draw()
    assert first == draw()
    assert 'alt="a line"' in first


def test_figure_links_csv_and_credits_sources():
    data = pd.DataFrame({"date": pd.to_datetime(["2024-12-05"]), "n": [1]})
    chart = alt.Chart(data).mark_point().encode(x="date:T", y="n:Q")
    out = figures.figure("test-fig", chart, data, caption="Finding.", alt_text="Alt.", sources=["geonames-cities15000"])
    html = out.data
    assert 'id="fig-test-fig"' in html and "Finding." in html and "GeoNames" in html
    href = re.search(r'class="hb-download" href="([^"]+)" download="test-fig.csv"', html).group(1)
    assert urllib.parse.unquote(href.removeprefix("data:text/csv;charset=utf-8,")) == "date,n\n2024-12-05,1\n"


def test_figure_requires_drawn_data_and_text():
    data = pd.DataFrame({"n": [1]})
    other = pd.DataFrame({"n": [2]})
    chart = alt.Chart(other).mark_point().encode(y="n:Q")
    with pytest.raises(ValueError, match="top-level data"):
        figures.figure("f", chart, data, caption="c", alt_text="a", sources=["geonames-cities15000"])
    with pytest.raises(ValueError, match="non-empty caption"):
        figures.figure("f", alt.Chart(data).mark_point(), data, caption=" ", alt_text="a", sources=["x"])
    with pytest.raises(ValueError, match="lowercase"):
        figures.figure("Bad Name", alt.Chart(data).mark_point(), data, caption="c", alt_text="a", sources=["x"])
    with pytest.raises(KeyError, match="unknown source"):
        figures.figure("f", alt.Chart(data).mark_point(), data, caption="c", alt_text="a", sources=["nope"])


def test_bundle_defines_embed_function():
    bundle = runtime.vega_bundle()
    assert bundle.startswith("(function () {")
    assert "window.hbEmbed" in bundle
    assert "https://cdn" not in bundle
    json.dumps(len(bundle))


def test_table_html_links_escape_url_and_hide_url_column():
    frame = pd.DataFrame({"title": ["A <b>"], "url": ['https://example.org/?a="x"']})
    out = render.table_html(frame, caption="c", links={"title": "url"})
    assert '<a href="https://example.org/?a=&quot;x&quot;">A &lt;b&gt;</a>' in out
    assert ">url<" not in out


def test_figure_without_sources_needs_own_data():
    data = pd.DataFrame({"n": [1]})
    with pytest.raises(ValueError, match="needs source ids"):
        figures.figure("f", alt.Chart(data).mark_point(), data, caption="c", alt_text="a", sources=[])
    out = figures.figure(
        "f", alt.Chart(data).mark_point(), data, caption="c", alt_text="a", sources=[], own_data="data/x.csv"
    )
    assert "this book's data package (data/x.csv)" in out.data


def test_figure_allows_a_basemap_layer_only():
    data = pd.DataFrame({"longitude": [36.7], "latitude": [35.1]})
    outline = {
        "type": "Feature",
        "geometry": {"type": "Polygon", "coordinates": [[[36, 35], [37, 35], [37, 36], [36, 35]]]},
    }
    basemap = alt.Chart(alt.Data(values=[outline])).mark_geoshape()
    points = alt.Chart(data).mark_point().encode(longitude="longitude:Q", latitude="latitude:Q")
    out = figures.figure(
        "map", alt.layer(basemap, points, data=data), data, caption="c", alt_text="a", sources=["geonames-cities15000"]
    )
    assert "fig-map" in out.data
    other = alt.Chart(alt.Data(values=[{"x": 1}])).mark_point()
    with pytest.raises(ValueError, match="other data"):
        figures.figure(
            "map",
            alt.layer(other, points, data=data),
            data,
            caption="c",
            alt_text="a",
            sources=["geonames-cities15000"],
        )


def test_long_source_lists_fold_into_details():
    ids = list(figures.load("sources")["source_id"][:6])
    credit = figures.source_credit(ids)
    assert credit.startswith("<details><summary>Sources: 6 reports (grades ")
    assert credit.count("<a href=") == 6
    assert figures.source_credit(ids[:2]).startswith("Sources: ")


def test_outputs_carry_their_print_form_and_the_pdf_draws_figures_from_their_svg():
    from docutils import nodes

    from hamabook.build.printed import figure_svg, table_nodes

    data = pd.DataFrame({"x": [1, 2], "y": [3, 4]})
    chart = alt.Chart(data).mark_line().encode(x="x", y="y").properties(width="container")
    out = figures.figure("f", chart, data, caption="Rise *fast*", alt_text="a", sources=["geonames-cities15000"])
    shown, meta = out._repr_mimebundle_()
    assert list(shown) == ["text/html"] and "hb-figure" in shown["text/html"]  # the site parses HTML only
    assert meta[figures.PRINT_MARKDOWN].startswith("**Rise \\*fast\\*** Source: GeoNames")
    assert figure_svg(shown["text/html"]) == render.static_svgs(shown["text/html"])[0]
    fig, ax = plt.subplots()
    ax.plot([1, 2], [3, 4])
    drawn = figures.figure("g", fig, data, caption="c", alt_text="a", sources=["geonames-cities15000"])
    plt.close(fig)
    assert figure_svg(drawn.data).startswith("<?xml")
    with pytest.raises(ValueError, match="one static image"):
        figure_svg("<p>no drawing</p>")

    _, meta = figures.table(pd.DataFrame({"a": ["x|<y>"], "b": [None]}), caption="T_1")._repr_mimebundle_()
    spec = meta[figures.PRINT_TABLE]
    assert spec == {"caption": "T_1", "widths": [8, 4], "rows": [["a", "b"], ["x|<y>", ""]]}  # text as it is
    (table,) = table_nodes(spec)
    assert table["classes"] == ["colwidths-given", "longtable"] and table[0].astext() == "T_1"
    assert [c["colwidth"] for c in table.findall(nodes.colspec)] == [8, 4]
    (head,), (body,) = table.findall(nodes.thead), table.findall(nodes.tbody)
    assert [e.astext() for e in head.findall(nodes.entry)] == ["a", "b"]
    assert [e.astext() for e in body.findall(nodes.entry)] == ["x|<y>", ""]
    with pytest.raises(ValueError, match="one of the two"):
        figures.Printable("<p>x</p>")


def test_print_tables_fit_the_line_and_registries_are_named_not_printed():
    from hamabook.build.printed import PRINT_MAX_ROWS, table_nodes

    text = ["word " * 40, "a much longer text " * 9]
    words = pd.DataFrame({"Grade": ["A", "B"], "Reported": text, "Quote": text, "Translation": text})
    spec = render.table_print(words, "wide")
    assert abs(sum(spec["widths"]) - render.PRINT_LINE) <= 2  # the long texts share the line and wrap
    assert spec["widths"][0] >= len("Grade") + render.PRINT_PADDING  # the header keeps its word whole
    registry = render.table_print(pd.DataFrame({"id": range(PRINT_MAX_ROWS + 1)}), "Sources of kind wire")
    (note,) = table_nodes(registry)
    assert note.astext().startswith(f"Sources of kind wire: {PRINT_MAX_ROWS + 1} rows, listed in full in the web")


def test_site_build_keeps_the_print_form_beside_the_html():
    from types import SimpleNamespace

    from myst_nb.core.render import MimeData

    from hamabook.build.printed import PrintForm, print_form

    renderer = SimpleNamespace(render_text_html=lambda data: [data.string])
    meta = {figures.PRINT_MARKDOWN: ["**a** ", "b"]}
    shown, printed = PrintForm.handle_mime(renderer, MimeData("text/html", "<p>a</p>", output_metadata=meta), False)
    assert shown == "<p>a</p>" and isinstance(printed, print_form)
    assert printed["markdown"] == "**a** b" and printed["table"] is None and not printed["figure"]
    assert PrintForm.handle_mime(renderer, MimeData("text/html", "<p>a</p>"), False) is None  # no print form
    assert PrintForm.handle_mime(renderer, MimeData("text/html", "<p>a</p>", output_metadata=meta), True) is None
    assert PrintForm.handle_mime(renderer, MimeData("text/plain", "a", output_metadata=meta), False) is None


def test_static_svgs_reads_back_what_the_renderers_embed():
    from hamabook.output.render import altair_html, matplotlib_html, static_svg, static_svgs

    chart = alt.Chart(pd.DataFrame({"x": [1, 2]})).mark_bar().encode(x="x:Q")
    assert static_svgs(altair_html(chart, "a & b")) == [static_svg(chart.to_dict())]
    fig, ax = plt.subplots()
    ax.set_title('5 < 6 & "q"')
    (svg,) = static_svgs(matplotlib_html(fig, "a"))
    plt.close(fig)
    assert svg.startswith("<?xml") and "&lt; 6 &amp;" in svg
    assert static_svgs("<p>no chart</p>") == []


def test_table_labels_shared_columns_unless_told_otherwise():
    frame = pd.DataFrame({"date": ["2024-12-05"], "reliability": ["B"], "credibility": [2]})
    shown = figures.table(frame, "c").data
    assert '<th scope="col">Date</th>' in shown and ">Grade</th>" in shown and ">Credibility</th>" in shown
    own = figures.table(frame, "c", labels={"reliability": "Copy's grade"}).data
    assert ">Copy&#x27;s grade</th>" in own and ">Grade</th>" not in own


def test_outside_matches_every_url_off_loopback_and_nothing_else():
    from hamabook.build.browser import CHROMIUM_ARGS, OUTSIDE

    # The browser the checks drive resolves no host name but loopback.
    assert "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost" in CHROMIUM_ARGS

    for url in (
        "https://cdn.example.org/x.js",
        "http://127.0.0.1.evil.com/",
        "ws://example.org:80/",
        "http://10.0.0.1/",
    ):
        assert OUTSIDE.search(url), url
    for url in ("http://127.0.0.1:8000/book/x.html", "http://localhost/", "data:text/csv,a", "about:blank", "blob:x"):
        assert not OUTSIDE.search(url), url


def test_folded_table_folds_whole_or_after_its_first_rows():
    """One home for the chapters' evidence tables (allies, aftermath, military): folded whole under a summary line,
    or showing its first rows with "Show all"; print shows every row either way."""
    import pandas as pd

    from hamabook.output.figure import folded_table

    frame = pd.DataFrame({"what": ["a", "b", "c"]})
    whole = folded_table(frame, "Caption", {"what": "What"}, "reports")
    assert whole.data.startswith('<details class="hb-group"><summary>Caption (three reports)</summary>')
    assert "hb-more" not in whole.data
    partly = folded_table(frame, "Caption", {"what": "What"}, "reports", fold_after=1)
    assert partly.data.count('class="hb-more"') == 2 and "Show all 3 reports" in partly.data
