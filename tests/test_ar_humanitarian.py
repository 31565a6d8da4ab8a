"""What only the Arabic page of the humanitarian impact has (the checks every Arabic page gets are in
tests/test_ar_chapters.py): 'the same day' is said when the English says it, the headline values are the English
page's, and J40's verdict is the catalogue's likelihood word."""

import pytest


@pytest.fixture(scope="module")
def pages(chapter):
    return chapter("humanitarian"), chapter("ar.humanitarian")


def test_the_same_day_is_said_in_arabic_when_the_english_says_it(pages):
    english, arabic_page = pages
    same = english.values["hum_sohr_civ_then_when"].text == "the same day"
    assert (arabic_page.values["hum_sohr_civ_then_when"].text == "في اليوم نفسه") == same


def test_the_headline_values_are_the_english_page_s(pages):
    english, arabic_page = pages
    assert {k for k, v in arabic_page.values.items() if v.headline} == {
        k for k, v in english.values.items() if v.headline
    }


def test_the_verdict_is_the_catalogue_s_likelihood_word(pages):
    from hamabook.rows.translations import translations

    _, arabic_page = pages
    assert arabic_page.values["j40_verdict"].text.split(" (")[0] in set(translations("likelihood_scale", "term"))
