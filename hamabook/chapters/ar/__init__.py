"""The Arabic edition's pages (``book/ar/``): one module per page, each reusing its English chapter's rows and
rules (the same selections, the same ``hamabook.rows`` functions) and changing only the wording and the formatting
of numbers and dates (:mod:`hamabook.output.arabic`)."""
