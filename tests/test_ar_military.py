"""What only the Arabic military situation has (the checks every Arabic page gets are in tests/test_ar_chapters.py):
its verdicts are the English page's, on every judgment the chapter owns."""


def test_the_verdicts_are_the_english_page_s_on_the_chapter_s_judgments(chapter):
    from hamabook.chapters import military
    from hamabook.chapters.ar import military as ar
    from hamabook.data import load

    judgments = load("judgments")
    assert set(ar.JUDGMENTS.values()) == set(judgments.loc[judgments["chapter"] == "military", "judgment_id"])
    assert ar.JUDGMENTS.items() <= military.JUDGMENTS.items()  # the English page also cites J09's verdict
    english, arabic_page = chapter("military"), chapter("ar.military")
    assert set(ar.JUDGMENTS) <= english.values.keys() & arabic_page.values.keys()
