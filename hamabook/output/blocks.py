"""Outputs with more than one form: each Sphinx builder picks the one it renders (HTML for the site, the print
form for the PDF)."""

from __future__ import annotations

from IPython.display import HTML

from .printform import PRINT_MARKDOWN, PRINT_TABLE


class Bundle:
    """An output with several representations; each Sphinx builder picks the one it can render."""

    def __init__(self, **mimes: str):
        self.mimes = {key.replace("_", "/", 1): value for key, value in mimes.items()}

    def _repr_mimebundle_(self, include=None, exclude=None):
        return self.mimes


class Printable(HTML):
    """HTML for the site that also carries its print form in the output's metadata: Markdown, or a table
    (:func:`hamabook.output.render.table_print`). The site build keeps it beside the HTML, unparsed, and the
    print edition (:mod:`hamabook.build.printed`) writes it. One execution serves both editions."""

    def __init__(self, html_text: str, markdown: str | None = None, *, table: dict | None = None):
        if (markdown is None) == (table is None):
            raise ValueError("a Printable's print form is Markdown or a table, one of the two")
        super().__init__(html_text)
        self.print_form = {PRINT_MARKDOWN: markdown} if table is None else {PRINT_TABLE: table}

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/html": self.data}, dict(self.print_form)


def block(html_text: str, markdown: str | None = None, *, table: dict | None = None) -> Printable:
    """A block of the page: HTML for the site; Markdown or a table for the PDF."""
    return Printable(html_text, markdown, table=table)
