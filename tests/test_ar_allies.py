"""What only the Arabic allies page has (the checks every Arabic page gets are in tests/test_ar_chapters.py): its
bottom line cites the English page's judgments."""


def test_the_bottom_line_cites_the_english_page_s_judgments():
    from hamabook.chapters import allies
    from hamabook.chapters.ar import allies as ar_allies

    assert ar_allies.JUDGMENTS == allies.JUDGMENTS
