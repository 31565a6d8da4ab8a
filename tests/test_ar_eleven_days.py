"""What only the Arabic eleven days has (the checks every Arabic page gets are in tests/test_ar_chapters.py): its
verdicts are the English page's, on the judgments it shows in full."""


def test_the_verdicts_are_the_english_page_s_on_the_judgments_shown(chapter):
    from hamabook.chapters.ar import eleven_days as ar

    english, arabic_page = chapter("eleven_days"), chapter("ar.eleven_days")
    assert set(ar.JUDGMENTS) <= english.values.keys() & arabic_page.values.keys()
    assert set(ar.JUDGMENTS.values()) <= set(arabic_page.shows)
