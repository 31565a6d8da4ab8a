"""The Arabic page of the humanitarian impact says what the English chapter says, from the same rows: every value both
pages insert rests on the same data rows and states the same numbers and months; judgment J40 is shown in full, in
the catalogue's Arabic."""

import html
import re

import pytest
from test_ar_hama1982 import facts_ar, facts_en

# Keys whose English text is words: 'the same day' (or a date) where SOHR's toll and the claim fall on one day.
WORDED = {"hum_sohr_civ_then_when"}


@pytest.fixture(scope="module")
def pages(chapter):
    return chapter("humanitarian"), chapter("ar.humanitarian")


def test_every_value_is_one_of_the_english_page_s_on_the_same_rows(pages):
    english, arabic_page = pages
    assert len(arabic_page.values) >= 35
    assert not arabic_page.values.keys() - english.values.keys()
    differ = {k for k in arabic_page.values if set(english.values[k].rows) != set(arabic_page.values[k].rows)}
    assert not differ, f"values resting on other rows than the English page's: {sorted(differ)}"
    assert not {k for k in arabic_page.values if english.values[k].table != arabic_page.values[k].table}


def test_values_state_the_same_numbers_and_months(pages):
    english, arabic_page = pages
    differ = {
        k: (english.values[k].text, arabic_page.values[k].text)
        for k in sorted(arabic_page.values.keys() - WORDED)
        if not k.endswith("_verdict") and facts_en(english.values[k].text) != facts_ar(arabic_page.values[k].text)
    }
    assert not differ


def test_the_same_day_is_said_in_arabic_when_the_english_says_it(pages):
    english, arabic_page = pages
    same = english.values["hum_sohr_civ_then_when"].text == "the same day"
    assert (arabic_page.values["hum_sohr_civ_then_when"].text == "في اليوم نفسه") == same


def test_the_headline_values_are_the_english_page_s(pages):
    english, arabic_page = pages
    assert {k for k, v in arabic_page.values.items() if v.headline} == {
        k for k, v in english.values.items() if v.headline
    }


def test_the_judgment_is_shown_in_full_in_arabic(pages):
    from hamabook.rows.translations import translated, translations

    english, arabic_page = pages
    assert {k for k in arabic_page.shows if re.fullmatch(r"J\d+", k)} == {
        k for k in english.shows if re.fullmatch(r"J\d+", k)
    }
    markup = arabic_page.show("J40").data
    for field in ("statement", "assumptions", "alternative", "indicators"):
        assert html.escape(translated("judgments", "J40", field)) in markup, field
    verdict = arabic_page.values["j40_verdict"].text
    assert verdict.split(" (")[0] in set(translations("likelihood_scale", "term"))
    assert re.findall(r"\d+", verdict) == re.findall(r"\d+", english.values["j40_verdict"].text)


def test_the_page_is_arabic(pages):
    _, arabic_page = pages
    assert arabic_page.lang == "ar"
    latin = {k: v.text for k, v in arabic_page.values.items() if re.search(r"[A-Za-z]{3,}", v.text)}
    assert not latin, f"values written in Latin letters: {latin}"
