"""The causes weighed, as a folded table: row links, escaping, the summary line and the print form."""

import pandas as pd

from hamabook.output.causes import causes_table
from hamabook.output.printform import PRINT_TABLE

CAUSES = pd.DataFrame(
    {
        "cause_id": ["C1", "C2"],
        "cause": ["The army's decay: pay <low>", "Turkey's consent"],
        "weight": ["decisive", "contributing"],
        "for_rows": ["E001 N002", "E003"],
        "against_rows": ["E004", "E005 E006"],
        "assessment": ["Decisive.", "Contributing."],
        "indicators": ["Pay records.", "Turkish papers."],
    }
)


def test_rows_for_and_against_link_to_the_evidence_page():
    html = causes_table(CAUSES).data
    assert '<a href="evidence_figures.html#row-n002">N002</a>' in html
    assert '<a href="evidence_events.html#row-e006">E006</a>' in html


def test_the_table_is_folded_under_each_causes_weight():
    html = causes_table(CAUSES).data
    assert html.startswith('<details class="hb-group"><summary>')
    assert "The army&#x27;s decay: decisive, Turkey&#x27;s consent: contributing" in html


def test_text_is_escaped_and_print_lists_every_cause():
    printed = causes_table(CAUSES)
    assert "pay &lt;low&gt;" in printed.data
    assert [row[0] for row in printed.print_form[PRINT_TABLE]["rows"]] == ["Cause", *CAUSES["cause"]]
