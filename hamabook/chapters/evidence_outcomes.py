"""The evidence page of data/outcomes.csv: every row with its own anchor, which values link to."""

from .appendix import evidence_table_page


def build():
    return evidence_table_page("outcomes")
