"""Offline rendering of charts and tables as HTML the book embeds.

Altair charts become a ``<div>`` with an id derived from the spec's hash and a
call to ``hbEmbed``, defined in one local JavaScript bundle (vega, vega-lite
and vega-embed) that :func:`vega_bundle` generates from the pinned
``vl-convert-python`` package at build time. No CDN is involved and the same
spec always gives the same HTML.
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import json
import re

import altair as alt
import matplotlib as mpl
import pandas as pd

# Defines window.hbEmbed(id, spec): draws as SVG, follows the site's light/dark mode.
_EMBED_SNIPPET = """
window.vegaEmbed = vegaEmbed;
const DARK = {background: null, axis: {labelColor: "#e6e6e6", titleColor: "#e6e6e6",
  gridColor: "#444444", domainColor: "#aaaaaa", tickColor: "#aaaaaa"},
  legend: {labelColor: "#e6e6e6", titleColor: "#e6e6e6"}, title: {color: "#e6e6e6"},
  text: {color: "#e6e6e6"}};
const drawn = [];
function merged(base, over) {
  const out = Object.assign({}, base);
  for (const [key, value] of Object.entries(over)) {
    const both = value && typeof value === "object" && out[key] && typeof out[key] === "object";
    out[key] = both ? Object.assign({}, out[key], value) : value;
  }
  return out;
}
function draw(id, spec) {
  const dark = document.documentElement.dataset.theme === "dark";
  const shown = dark ? Object.assign({}, spec, {config: merged(spec.config || {}, DARK)}) : spec;
  return vegaEmbed("#" + id, shown, {actions: false, renderer: "svg"});
}
window.hbEmbed = function (id, spec) { drawn.push([id, spec]); return draw(id, spec); };
new MutationObserver(() => drawn.forEach(([id, spec]) => draw(id, spec)))
  .observe(document.documentElement, {attributes: true, attributeFilter: ["data-theme"]});
"""


def vega_bundle() -> str:
    """JavaScript defining ``hbEmbed``, with vega, vega-lite and vega-embed inlined."""
    import vl_convert

    code = vl_convert.javascript_bundle(_EMBED_SNIPPET)
    # An IIFE keeps the bundle's top-level names (e.g. `_`) from clashing with Sphinx's.
    return "(function () {\n" + code + "\n})();\n"


def spec_id(spec: dict) -> str:
    digest = hashlib.sha256(json.dumps(spec, sort_keys=True).encode()).hexdigest()
    return "vega-" + digest[:12]


def altair_html(chart: alt.TopLevelMixin, alt_text: str) -> str:
    """HTML that draws ``chart`` with the local bundle; ``alt_text`` labels it for screen readers."""
    spec = chart.to_dict()
    div_id = spec_id(spec)
    payload = json.dumps(spec, sort_keys=True, separators=(",", ":")).replace("</", "<\\/")
    return (
        f'<div class="hb-chart" id="{div_id}" role="img" aria-label="{html.escape(alt_text)}"></div>\n'
        f'<script>if (window.hbEmbed) {{ hbEmbed("{div_id}", {payload}); }} else {{ '
        f'document.getElementById("{div_id}").textContent = '
        f'"(Interactive chart: it draws in the built book; run make book.)"; }}</script>'
    )


def matplotlib_html(fig, alt_text: str) -> str:
    """Deterministic SVG of a matplotlib figure, as an <img> with alt text."""
    buffer = io.BytesIO()
    with mpl.rc_context({"svg.hashsalt": "hamabook"}):  # stable ids in the SVG
        fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<img class="hb-static-chart" src="data:image/svg+xml;base64,{data}" alt="{html.escape(alt_text)}">'


def table_html(
    frame: pd.DataFrame,
    caption: str,
    labels: dict[str, str] | None = None,
    links: dict[str, str] | None = None,
) -> str:
    """An accessible HTML table; every cell is escaped, so markup in data shows as text.

    ``links`` maps a shown column to a column holding a URL: that cell becomes a link,
    and the URL column itself is not shown.
    """
    labels, links = labels or {}, links or {}
    shown = [c for c in frame.columns if c not in links.values()]
    head = "".join(f'<th scope="col">{html.escape(labels.get(c, c))}</th>' for c in shown)
    rows = []
    for record in frame.to_dict("records"):
        cells = []
        for col in shown:
            text = html.escape(_cell_text(record[col]))
            if col in links and _cell_text(record[links[col]]):
                text = f'<a href="{html.escape(_cell_text(record[links[col]]))}">{text or "link"}</a>'
            cells.append(f"<td>{text}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (
        '<div class="hb-table-wrap" tabindex="0">'
        f'<table class="hb-table"><caption>{html.escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _cell_text(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    return str(value)


# --- Print (PDF) fallbacks: the LaTeX builder cannot use HTML outputs. ---

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~])")


def md_escape(text: str) -> str:
    """Backslash-escape Markdown punctuation so text from data renders literally."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def altair_png(chart: alt.TopLevelMixin, width: int = 640) -> bytes:
    """A static PNG of an Altair chart (a 'container' width becomes ``width`` pixels)."""
    import vl_convert

    spec = chart.to_dict()
    if spec.get("width") == "container":
        spec["width"] = width
    return vl_convert.vegalite_to_png(spec, scale=1.5)


def matplotlib_png(fig) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=150, bbox_inches="tight", metadata={"Software": None})
    return buffer.getvalue()


def table_markdown(frame: pd.DataFrame, caption: str, labels: dict[str, str] | None = None) -> str:
    """The table as a MyST list-table (columns wrap in print), every cell escaped."""
    labels = labels or {}
    header = [labels.get(c, c) for c in frame.columns]
    cells = [[_cell_text(v).replace("\n", " ") for v in record] for record in frame.itertuples(index=False)]
    widths = [min(max([len(h), *(len(row[i]) for row in cells)]), 40) or 1 for i, h in enumerate(header)]
    lines = [
        f"```{{list-table}} {md_escape(caption)}",
        ":header-rows: 1",
        f":widths: {' '.join(map(str, widths))}",
        "",
    ]
    for row in [header, *cells]:
        lines.append(f"* - {md_escape(row[0])}")
        lines.extend(f"  - {md_escape(cell)}" for cell in row[1:])
    lines.append("```")
    return "\n".join(lines)
