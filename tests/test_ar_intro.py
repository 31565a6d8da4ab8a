"""What only the Arabic opening page has (the checks every Arabic page gets are in tests/test_ar_chapters.py): its
bottom line cites the English page's judgments, the offensive's first and last words are its sources' own Arabic,
and the chronology lists the English page's rows."""

import pytest


@pytest.fixture(scope="module")
def pages(chapter):
    return chapter("intro"), chapter("ar.intro")


def test_the_bottom_line_cites_the_english_page_s_judgments(pages):
    from hamabook.chapters import intro
    from hamabook.chapters.ar import intro as ar_intro

    english, arabic_page = pages
    assert ar_intro.BOTTOM_LINE == intro.BOTTOM_LINE
    assert set(ar_intro.BOTTOM_LINE) <= english.values.keys() & arabic_page.values.keys()


def test_the_first_and_last_words_are_quoted_in_arabic(pages):
    from hamabook.data import load

    _, arabic_page = pages
    events, sources = load("events").set_index("event_id"), load("sources").set_index("source_id")
    for key in ("launch_quote", "end_quote"):
        (row,) = arabic_page.values[key].rows
        assert arabic_page.values[key].text == events.loc[row, "quote"]
        assert sources.loc[events.loc[row, "source_id"], "language"] == "ar"


def test_the_chronology_lists_the_english_page_s_rows(pages):
    english, arabic_page = pages
    assert english.values["chronology_reports"].rows == arabic_page.values["chronology_reports"].rows
    markup = arabic_page.show("chronology").data
    assert markup.count("<tr") - 1 == len(arabic_page.values["chronology_reports"].rows)
    assert "Show all" not in markup and "عرض التقارير كلها" in markup
