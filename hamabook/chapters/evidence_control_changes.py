"""The evidence page of data/control_changes.csv: every row with its own anchor, which values link to."""

from .appendix import evidence_table_page


def build():
    return evidence_table_page("control_changes")
