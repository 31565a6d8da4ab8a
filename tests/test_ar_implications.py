"""What only the Arabic page on what the fall means has (the checks every Arabic page gets are in
tests/test_ar_chapters.py): what to watch is each judgment box's indicators (its verdicts are the English page's
by construction: ``JUDGMENTS`` is the English ``VERDICTS``)."""

import html

from hamabook.data import load
from hamabook.rows.translations import translated


def test_what_to_watch_is_each_box_s_indicators(chapter):
    from hamabook.chapters import implications

    english, arabic_page = chapter("implications"), chapter("ar.implications")
    judgments = load("judgments").set_index("judgment_id")
    for key, jid in implications.WATCH.items():
        assert english.values[key].text.rstrip(". ") in judgments.at[jid, "indicators"]
        assert html.escape(translated("judgments", jid, "indicators")) in arabic_page.show(jid).data
