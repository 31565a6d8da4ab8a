"""The print edition, written from the site build's reading of the notebooks: nothing is read or run twice.

While the site build reads a notebook, every output carrying a print form in its metadata
(:class:`hamabook.output.figure.Printable`: Markdown, or a table as rows of plain text) gets a :class:`print_form`
node beside its HTML, holding that form unparsed (:class:`PrintForm`, a myst-nb MIME renderer registered in
``pyproject.toml``), and Sphinx saves both in its doctrees. ``make pdf`` then runs the LaTeX builder with
``HAMABOOK_PRINT_FROM`` naming the site build's ``_build``: it copies the site's doctrees, finds nothing to read
(a page it would have to read stops it) and only writes. Before LaTeX is written, each output with a print form
becomes that form (:class:`WritePrintForms`): Markdown parsed, or a table, after a figure's drawing, a vector
PDF of the static SVG the site shows (its text stays text, in embedded fonts). The site's own builders drop the
print forms. A site build made on other data, package or requirements (its execution cache's stamp) stops the
print build too.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from ..output.printform import PRINT_MARKDOWN, PRINT_TABLE
from .inputs import STAMP_NAME, inputs_digest

PRINT_FROM_ENV = "HAMABOOK_PRINT_FROM"
FIGURE_MARK = 'class="hb-figure"'

logger = logging.getLogger(__name__)


class StaleSite(RuntimeError):
    """The site build the print edition would be written from is missing or out of date."""


class print_form(nodes.General, nodes.Element):  # noqa: N801 (docutils names node classes in lower case)
    """An output's print form: ``markdown`` or ``table`` (see :mod:`hamabook.output.printform`), and ``figure``
    (whether a drawing precedes it)."""


class PrintForm:
    """myst-nb MIME renderer: an HTML output that carries a print form is rendered as HTML followed by that
    form, unparsed."""

    @staticmethod
    def handle_mime(renderer, data, inline: bool) -> list[nodes.Element] | None:
        markdown, table = data.output_metadata.get(PRINT_MARKDOWN), data.output_metadata.get(PRINT_TABLE)
        if inline or data.mime_type != "text/html" or not (markdown or table):
            return None
        markdown = "".join(markdown) if isinstance(markdown, list) else markdown
        printed = print_form(markdown=markdown, table=table, figure=FIGURE_MARK in data.string)
        return [*renderer.render_text_html(data), printed]


def figure_svg(markup: str) -> str:
    """The drawing a figure's HTML shows before any script runs (its static SVG)."""
    from ..output.render import static_svgs

    svgs = static_svgs(markup)
    if len(svgs) != 1:
        raise ValueError(f"a figure's HTML should hold one static image, found {len(svgs)}")
    return svgs[0]


# A table longer than this is a registry: the print edition names it and leaves its rows to the web edition and
# the data package, instead of running over pages of small print.
PRINT_MAX_ROWS = 80


def _breakable(text: str) -> list[nodes.Node]:
    """Text whose long words (URLs, ids) may break between the pieces of :func:`print_pieces`, in LaTeX."""
    from ..output.render import print_pieces

    out: list[nodes.Node] = []
    for n, word in enumerate(text.split()):
        if n:
            out.append(nodes.Text(" "))
        pieces = print_pieces(word)
        for i, piece in enumerate(pieces):
            if i:
                out.append(nodes.raw("", r"\allowbreak{}", format="latex"))
            out.append(nodes.Text(piece))
    return out


def table_nodes(spec: dict) -> list[nodes.Node]:
    """The docutils table a MyST list-table with these widths, a header row and plain-text cells would give, set
    as a longtable (it breaks across pages). A table too wide for the printed line (its columns' longest words
    alone fill more than it) becomes its caption and one paragraph per row, each value after its column's name; a
    registry longer than PRINT_MAX_ROWS, a paragraph naming it."""
    from ..output.render import PRINT_LINE

    header, *body = spec["rows"]
    caption = nodes.paragraph("", "", nodes.strong(spec["caption"], spec["caption"]))
    if len(body) > PRINT_MAX_ROWS:
        text = (
            f"{spec['caption']}: {len(body)} rows, listed in full in the web edition of this page and in the data"
            " package (data/*.csv) it is computed from."
        )
        return [nodes.paragraph(text, text)]
    if sum(spec["widths"]) > PRINT_LINE:
        records = []
        for cells in body:
            record = nodes.paragraph()
            for name, text in zip(header, cells):
                if text:
                    if len(record):
                        record += nodes.Text("; ")
                    record += nodes.strong(f"{name}: ", f"{name}: ")
                    record.extend(_breakable(text))
            records.append(record)
        return [caption, *records]
    table = nodes.table(classes=["colwidths-given", "longtable"])
    table += nodes.title(spec["caption"], spec["caption"])
    group = nodes.tgroup(cols=len(header))
    table += group
    group.extend(nodes.colspec(colwidth=width) for width in spec["widths"])
    for part, rows in ((nodes.thead(), [header]), (nodes.tbody(), body)):
        for cells in rows:
            part += nodes.row("", *(nodes.entry("", nodes.paragraph("", "", *_breakable(text))) for text in cells))
        group += part
    return [table]


class WritePrintForms(SphinxPostTransform):
    """LaTeX: an output with a print form becomes its drawing (a figure's) and that form. Other builders: the
    print forms are dropped. Runs before myst-nb picks each output's MIME type (priority 4), which for LaTeX
    would find none it prints among an HTML output's (and warn: how an output with no print form shows up)."""

    default_priority = 3

    def run(self, **kwargs) -> None:
        latex = self.app.builder.format == "latex"
        for node in list(self.document.findall(print_form)):
            bundle = node.parent.parent if node.parent is not None else None
            if not latex:
                node.parent.remove(node)
            elif bundle is None or bundle.get("nb_element") != "mime_bundle":
                logger.warning("a print form outside a notebook output is left out", location=node)
                node.parent.remove(node)
            else:
                try:
                    bundle.replace_self(self._printed(node))
                except ValueError as exc:
                    logger.warning(f"an output's print form cannot be written: {exc}", location=node)
                    bundle.parent.remove(bundle)

    def _printed(self, node: print_form) -> list[nodes.Node]:
        from sphinx.transforms import SphinxSmartQuotes
        from sphinx.util.docutils import new_document

        # In LaTeX the whole book is one tree; the page this output belongs to starts at its start_of_file.
        page = next((a for a in _ancestors(node) if isinstance(a, addnodes.start_of_file)), None)
        docname = page["docname"] if page is not None else self.env.docname
        document = new_document(str(self.env.doc2path(docname)), self.document.settings)
        if node["figure"]:
            markup = "".join(raw.astext() for raw in node.parent.findall(nodes.raw) if raw.get("format") == "html")
            svg = figure_svg(markup)
            name = hashlib.sha256(svg.encode("utf-8")).hexdigest() + ".pdf"
            path = Path(self.app.builder.outdir) / name
            if not path.exists():
                import vl_convert

                path.write_bytes(vl_convert.svg_to_pdf(svg))
            document += nodes.image(uri=name, candidates={"application/pdf": name})
        if node.get("table"):
            document.extend(table_nodes(node["table"]))
        else:
            from myst_parser.parsers.sphinx_ import MystParser

            saved = dict(self.env.temp_data)
            self.env.temp_data["docname"] = docname  # what directives and roles read while parsing
            try:
                MystParser().parse(node["markdown"], document)
            finally:
                self.env.temp_data.clear()
                self.env.temp_data.update(saved)
        SphinxSmartQuotes(document, None).apply()  # as every page's text gets while it is read
        return list(document.children)


def _ancestors(node: nodes.Node):
    while node.parent is not None:
        node = node.parent
        yield node


def _write_from_site(app, config) -> None:
    """With HAMABOOK_PRINT_FROM set: start from the site build's doctrees, if made on the data, package and
    requirements as they are now (its execution cache's stamp)."""
    site = os.environ.get(PRINT_FROM_ENV)
    if not site:
        return
    stamp = Path(site) / ".jupyter_cache" / STAMP_NAME
    doctrees = Path(site) / ".doctrees"
    if not stamp.is_file() or not doctrees.is_dir():
        raise StaleSite(f"{PRINT_FROM_ENV}={site}: no site build there; build the site first (make book)")
    if stamp.read_text(encoding="utf-8") != inputs_digest():
        raise StaleSite(f"{site}: data, package or requirements changed since; build the site again (make book)")
    if doctrees.resolve() == Path(app.doctreedir).resolve():
        raise StaleSite(f"{PRINT_FROM_ENV}={site} is this build's own output; give the print build another one")
    shutil.rmtree(app.doctreedir, ignore_errors=True)
    shutil.copytree(doctrees, app.doctreedir)
    app.connect("builder-inited", _english_book)
    app.connect("env-before-read-docs", _refuse_to_read)


def _english_book(app) -> None:
    """Once sphinx-external-toc has named the root page (it does so as the configuration is read): the copied
    doctrees without the pages of another language (:func:`_leave_out_other_languages`)."""
    _leave_out_other_languages(Path(app.doctreedir), Path(app.srcdir), app.config.root_doc)


def _leave_out_other_languages(doctrees: Path, srcdir: Path, root: str) -> None:
    """The print edition is the English book: the pages of another edition (a notebook declaring another language,
    hamabook.build.editions) are taken out of the root page's tables of contents, which the LaTeX builder follows to
    assemble the book, and a table of contents left empty (the Arabic part) goes with them. XeLaTeX as configured
    sets no right-to-left text; the Arabic edition is read on the web."""
    import pickle

    from .editions import page_language

    path = doctrees / f"{root}.doctree"
    tree = pickle.loads(path.read_bytes())
    changed = False
    for toc in list(tree.findall(addnodes.toctree)):
        kept = [d for d in toc["includefiles"] if page_language(srcdir / f"{d}.ipynb") in (None, "en")]
        if kept == toc["includefiles"]:
            continue
        changed = True
        toc["entries"] = [(title, d) for title, d in toc["entries"] if d in kept]
        toc["includefiles"] = kept
        if not kept:
            wrapper = toc.parent if isinstance(toc.parent, nodes.compound) else toc
            wrapper.parent.remove(wrapper)
    if changed:
        path.write_bytes(pickle.dumps(tree, pickle.HIGHEST_PROTOCOL))


def _refuse_to_read(app, env, docnames: list[str]) -> None:
    """The print build writes what the site build read; a page it would read again changed since (or the
    configuration did, and Sphinx reads every page again)."""
    if docnames:
        changed = ", ".join(sorted(docnames))
        raise StaleSite(f"changed since the site build: {changed} (or its configuration); build the site again")


def print_mode() -> bool:
    """Whether this build writes the print edition from a site build (no execution cache of its own)."""
    return bool(os.environ.get(PRINT_FROM_ENV))


def setup(app) -> None:
    """Called by :mod:`hamabook.build.sphinxext`."""
    app.connect("config-inited", _write_from_site, priority=50)
    app.add_post_transform(WritePrintForms)
