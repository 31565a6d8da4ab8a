"""The output metadata keys of an output's print form: Markdown, or a table (caption, column widths, rows of plain
text, header first). :class:`hamabook.output.figure.Printable` writes them and the site build reads them
(:mod:`hamabook.build.printed`); a module of its own, so the site build reads them without loading pandas or Altair."""

PRINT_MARKDOWN = "hamabook_print_markdown"
PRINT_TABLE = "hamabook_print_table"
