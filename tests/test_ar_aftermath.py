"""What only the Arabic page on what happened next has (the checks every Arabic page gets are in
tests/test_ar_chapters.py): 'none' of the statements of intent come true is said in words, and the bottom line cites
the English page's judgments."""


def test_none_come_true_is_said_in_words(chapter):
    assert chapter("aftermath").values["am_intent_gov_right"].text == "none"
    assert chapter("ar.aftermath").values["am_intent_gov_right"].text == "لم يتحقق أيٌّ منها"


def test_the_bottom_line_cites_the_english_page_s_judgments():
    from hamabook.chapters import aftermath
    from hamabook.chapters.ar import aftermath as ar_aftermath

    assert ar_aftermath.JUDGMENTS == aftermath.JUDGMENTS
