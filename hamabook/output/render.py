"""Offline rendering of charts and tables as HTML the book embeds.

An Altair chart becomes a ``<div>`` whose id derives from the spec's hash,
holding a static SVG rendered at build time by the pinned ``vl-convert-python``
(so every chart is visible before any script runs, and with JavaScript off),
plus the spec queued for the interactive runtime. The runtime (vega, vega-lite,
vega-embed: :func:`hamabook.output.runtime.vega_bundle`) is generated from the same package and loaded
by a tiny script (:data:`hamabook.output.runtime.CHART_LOADER`) only when a chart scrolls into view;
the interactive chart then replaces the static one and follows dark mode.
No CDN is involved and the same spec always gives the same HTML.
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import json
import re
import urllib.parse

import altair as alt
import matplotlib as mpl
import pandas as pd


def spec_id(spec: dict) -> str:
    digest = hashlib.sha256(json.dumps(spec, sort_keys=True).encode()).hexdigest()
    return "vega-" + digest[:12]


def altair_html(chart: alt.TopLevelMixin, alt_text: str, *, ascii_only: bool = True) -> str:
    """HTML showing ``chart`` at once as a static SVG (made at build time) that the interactive chart
    replaces when the runtime loads; ``alt_text`` labels it for screen readers. ``ascii_only=False`` writes the
    spec's text as it is (UTF-8) rather than as \\u escapes, and the static drawing's letters as they are: a chart in
    Arabic, whose every letter would take six bytes (the page's weight)."""
    spec = chart.to_dict()
    div_id = spec_id(spec)
    payload = json.dumps(spec, sort_keys=True, separators=(",", ":"), ensure_ascii=ascii_only).replace("</", "<\\/")
    label = html.escape(alt_text)
    # A chart with a control (a slider) is a group a keyboard can enter; any other chart is one image. Both are
    # focusable, because a chart wider than the column scrolls inside its box.
    role = "group" if any("bind" in param for param in spec.get("params", [])) else "img"
    return (
        f'<div class="hb-chart" id="{div_id}" role="{role}" aria-label="{label}" tabindex="0">'
        f"{static_svg_img(spec, alt_text, letters=not ascii_only)}</div>\n"
        f'<script>(window.hbCharts = window.hbCharts || []).push(["{div_id}", {payload}]);</script>'
    )


STATIC_WIDTH = 560  # pixels, for charts whose width follows their container (the theme's default width)
_SVG_REF = re.compile(r'(\bid="|url\(#|href="#)([^")]+)')
_SVG_SIZE = re.compile(r'<svg[^>]*?\bwidth="([\d.]+)"[^>]*?\bheight="([\d.]+)"')
# Attributes that serve only an SVG inlined in a page (classes for its style sheet, ARIA roles and labels): the
# static chart is an <img>, which its alt text describes and no style sheet reaches, so they are dropped (about
# two fifths of a chart's bytes after gzip).
_INLINE_ONLY = re.compile(r'\s(?:class|role|aria-[\w-]+)="[^"]*"')
# Characters left as they are in a data: URL (quoted attribute): the rest is percent-encoded, which keeps the
# SVG nearly as small after gzip as inline markup, unlike base64. Only characters a URL may hold stay (the Nu HTML
# Checker rejects < > [ ] space " ` { } | ^ \ in a URL), so the markup's brackets are written %3C and %3E.
_URL_SAFE = ",/:;=()'!*@?+$.-_~"


def static_svg(spec: dict, width: int = STATIC_WIDTH) -> str:
    """The chart's initial state as SVG, rendered in-process by vl-convert (no browser).

    A ``"container"`` width becomes ``width`` pixels. Vega numbers gradient and clip ids with a
    counter that runs across calls; they are renumbered in order, so a spec always gives the same bytes.
    """
    import vl_convert

    spec = dict(spec)
    if spec.get("width") == "container":
        spec["width"] = width
    svg = vl_convert.vegalite_to_svg(spec)
    names: dict[str, str] = {}

    def renumber(match: re.Match) -> str:
        new = names.setdefault(match.group(2), f"hb{len(names)}")
        return match.group(1) + new

    return _INLINE_ONLY.sub("", _SVG_REF.sub(renumber, svg))


_ESCAPED_LETTERS = re.compile(r"(?:%[89A-F][0-9A-F])+")  # the percent-escaped UTF-8 bytes of non-ASCII letters


def with_letters(url: str) -> str:
    """A percent-encoded URL with its non-ASCII letters written as they are (a valid URL in HTML, which a browser
    encodes again when it reads it): an Arabic chart's data URL, whose every letter would otherwise take six bytes."""
    return _ESCAPED_LETTERS.sub(lambda m: urllib.parse.unquote(m.group(0)), url)


def static_svg_img(spec: dict, alt_text: str, *, letters: bool = False) -> str:
    """``<img>`` carrying :func:`static_svg` as a ``data:`` URL, with its size and alt text (``letters``: its
    non-ASCII letters as they are, :func:`with_letters`)."""
    svg = static_svg(spec)
    size = _SVG_SIZE.search(svg)
    dims = f' width="{round(float(size.group(1)))}" height="{round(float(size.group(2)))}"' if size else ""
    src = "data:image/svg+xml," + urllib.parse.quote(svg, safe=_URL_SAFE)
    src = with_letters(src) if letters else src
    return f'<img class="hb-chart-static" src="{src}"{dims} alt="{html.escape(alt_text)}">'


def matplotlib_html(fig, alt_text: str) -> str:
    """Deterministic SVG of a matplotlib figure, as an <img> with alt text."""
    buffer = io.BytesIO()
    with mpl.rc_context({"svg.hashsalt": "hamabook"}):  # stable ids in the SVG
        fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<img class="hb-static-chart" src="data:image/svg+xml;base64,{data}" alt="{html.escape(alt_text)}">'


_STATIC_IMG = re.compile(r'<img class="hb-(?:chart-static|static-chart)" src="data:image/svg\+xml(;base64)?,([^"]*)"')


def static_svgs(markup: str) -> list[str]:
    """The SVG of every static chart image in ``markup``, as :func:`static_svg_img` (percent-encoded) and
    :func:`matplotlib_html` (base64) embed them: what the print edition turns into images."""
    return [
        base64.b64decode(data).decode("utf-8") if b64 else urllib.parse.unquote(data)
        for b64, data in _STATIC_IMG.findall(markup)
    ]


def table_html(
    frame: pd.DataFrame,
    caption: str,
    labels: dict[str, str] | None = None,
    links: dict[str, str] | None = None,
    *,
    fold_after: int | None = None,
    noun: str = "rows",
    fold_words: tuple[str, str] | None = None,
) -> str:
    """An accessible HTML table; every cell is escaped, so markup in data shows as text.

    ``links`` maps a shown column to a column holding a URL: that cell becomes a link,
    and the URL column itself is not shown.

    With ``fold_after``, a longer table shows its first rows and hides the rest until the reader asks: one table,
    not two; the rows after ``fold_after`` carry the class ``hb-more`` and a checkbox (keyboard-operable, labelled
    "Show all N <noun>") reveals them with CSS alone, so it works without scripts and screen readers never meet
    the same rows twice. Print shows every row. ``fold_words`` replaces the toggle's two labels ("Show all N
    <noun>", "Show the first N only"), for a page in another language.
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
        rows.append("".join(cells))
    start = (
        '<div class="hb-table-wrap" tabindex="0">'
        f'<table class="hb-table"><caption>{html.escape(caption)}</caption><thead><tr>{head}</tr></thead><tbody>'
    )
    end = "</tbody></table></div>"
    whole = start + "".join(f"<tr>{r}</tr>" for r in rows) + end
    if fold_after is None or len(rows) <= fold_after:
        return whole
    shown = "".join(f"<tr>{r}</tr>" for r in rows[:fold_after])
    more = "".join(f'<tr class="hb-more">{r}</tr>' for r in rows[fold_after:])
    toggle = "fold-" + hashlib.sha256(whole.encode()).hexdigest()[:12]
    show, hide = fold_words or (f"Show all {len(rows)} {noun}", f"Show the first {fold_after} only")
    return (
        f'<div class="hb-fold"><input type="checkbox" class="hb-fold-toggle" id="{toggle}">{start}{shown}{more}{end}'
        f'<label for="{toggle}"><span class="hb-fold-show">{html.escape(show)}</span>'
        f'<span class="hb-fold-hide">{html.escape(hide)}</span></label></div>'
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


def table_print(frame: pd.DataFrame, caption: str, labels: dict[str, str] | None = None) -> dict:
    """The table for print: its caption, column widths (relative; columns wrap) and every row as plain text,
    the header first (see hamabook.build.printed.table_nodes)."""
    labels = labels or {}
    header = [labels.get(c, c) for c in frame.columns]
    cells = [[_cell_text(v).replace("\n", " ") for v in record] for record in frame.itertuples(index=False)]
    return {"caption": caption, "widths": _print_widths(header, cells), "rows": [header, *cells]}


PRINT_LINE = 90  # characters a line of the print edition holds (10 pt serif on its text width)
PRINT_PADDING = 3  # characters a table column loses to the space either side of it
PRINT_MAX_COLUMN = 40  # characters: a longer text wraps
PRINT_MAX_WORD = (
    16  # characters: a longer word (a URL, an id) may break after / . - _ ? & = or, failing those, anywhere
)
_WORD_BREAKS = re.compile(r"(?<=[/.\-_?&=])")


def print_pieces(text: str) -> list[str]:
    """The pieces the print edition may break ``text`` into: its words, and each word longer than PRINT_MAX_WORD
    cut after its separators (or every PRINT_MAX_WORD characters where it has none); "" for empty text."""
    pieces = []
    for word in text.split() or [""]:
        if len(word) <= PRINT_MAX_WORD:
            pieces.append(word)
            continue
        for part in _WORD_BREAKS.split(word):
            pieces += [part[i : i + PRINT_MAX_WORD] for i in range(0, len(part), PRINT_MAX_WORD)] or [""]
    return pieces


def _print_widths(header: list[str], cells: list[list[str]]) -> list[int]:
    """Relative column widths, in characters, for a table that fits the printed line: each column at least as wide
    as its longest word or piece of a long word (so none runs out of its column), the rest of the line shared out in
    proportion to how much wider each column's longest text would like to be."""
    columns = [[h, *(row[i] for row in cells)] for i, h in enumerate(header)]
    least = [max(len(piece) for text in col for piece in print_pieces(text)) for col in columns]
    least = [n + PRINT_PADDING for n in least]
    wanted = [max(low, min(max(map(len, col)), PRINT_MAX_COLUMN) + PRINT_PADDING) for low, col in zip(least, columns)]
    if sum(wanted) <= PRINT_LINE or sum(least) >= PRINT_LINE:
        return wanted if sum(wanted) <= PRINT_LINE else least
    share = (PRINT_LINE - sum(least)) / (sum(wanted) - sum(least))
    return [low + round((want - low) * share) for low, want in zip(least, wanted)]
