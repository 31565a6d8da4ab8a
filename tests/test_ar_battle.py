"""What only the Arabic battle for Hama has (the checks every Arabic page gets are in tests/test_ar_chapters.py): its
bottom line gives the English page's verdicts, and its judgment box lists the rows it rests on."""

import pytest

from hamabook.data import load


@pytest.fixture(scope="module")
def pages(chapter):
    return chapter("battle"), chapter("ar.battle")


def test_the_bottom_line_gives_the_english_page_s_verdicts(pages):
    from hamabook.chapters.ar import battle

    english, arabic_page = pages
    assert set(battle.BOTTOM_LINE) <= english.values.keys() & arabic_page.values.keys()


def test_the_judgment_box_lists_the_rows_it_rests_on(pages):
    _, arabic_page = pages
    judgments = load("judgments").set_index("judgment_id")
    markup = arabic_page.show("J08").data
    assert all(r in markup for r in judgments.loc["J08", "basis"].split())
