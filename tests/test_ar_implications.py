"""What only the Arabic page on what the fall means has (the checks every Arabic page gets are in
tests/test_ar_chapters.py): its bottom line cites the English page's verdicts, and what to watch is each judgment
box's indicators."""

import html

from hamabook.data import load
from hamabook.rows.translations import translated


def test_the_bottom_line_cites_the_english_page_s_judgments():
    from hamabook.chapters import implications
    from hamabook.chapters.ar import implications as ar_implications

    assert ar_implications.JUDGMENTS == implications.VERDICTS


def test_what_to_watch_is_each_box_s_indicators(chapter):
    from hamabook.chapters import implications

    english, arabic_page = chapter("implications"), chapter("ar.implications")
    judgments = load("judgments").set_index("judgment_id")
    for key, jid in implications.WATCH.items():
        assert english.values[key].text.rstrip(". ") in judgments.at[jid, "indicators"]
        assert html.escape(translated("judgments", jid, "indicators")) in arabic_page.show(jid).data
