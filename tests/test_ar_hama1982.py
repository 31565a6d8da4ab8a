"""What only the Arabic page of Hama 1982 has (the checks every Arabic page gets are in tests/test_ar_chapters.py):
the death toll keeps its spread and every estimate, the verdicts are the catalogue's likelihood words, and the video
is quoted in its source's own Arabic."""

import re

import pytest


@pytest.fixture(scope="module")
def pages(chapter):
    return chapter("hama1982"), chapter("ar.hama1982")


def test_the_toll_is_given_with_its_spread_and_every_estimate(pages):
    english, arabic_page = pages
    for key in ("h82_toll_lowest", "h82_toll_highest", "h82_toll_ratio", "h82_toll_iqr_range", "h82_bracket"):
        assert arabic_page.values[key].text, key
    markup = arabic_page.show("hama1982-estimates").data
    assert markup.count("<tr") - 1 == len(english.values["h82_n_estimates"].rows)
    assert "Show all" not in markup


def test_the_verdicts_are_the_english_page_s_in_the_catalogue_s_words(pages):
    from hamabook.rows.translations import translations

    english, arabic_page = pages
    words = set(translations("likelihood_scale", "term"))
    verdicts = sorted(k for k in arabic_page.values if k.endswith("_verdict"))
    assert verdicts == sorted(k for k in english.values if k.endswith("_verdict"))
    assert all(arabic_page.values[k].text.split(" (")[0] in words for k in verdicts)


def test_the_video_is_quoted_in_its_source_s_own_words(pages):
    _, arabic_page = pages
    assert re.search(r"[\u0600-\u06FF]", arabic_page.values["h82_video_quote"].text)
