"""The Arabic military situation says what the English chapter says, from the same rows: every value both pages insert
rests on the same data rows and states the same numbers and months; the verdicts are the same judgments, and each
judgment the chapter cites is shown in full in the catalogue's Arabic."""

import re

import pytest

from hamabook.output import arabic
from tests.test_ar_intro import _facts_ar, _facts_en

CAMPAIGN_YEAR = 2024  # the English chapter leaves this year out of its dates ('5 December')


@pytest.fixture(scope="module")
def pages(chapter):
    return chapter("military"), chapter("ar.military")


def test_shared_values_rest_on_the_same_rows(pages):
    english, arabic_page = pages
    shared = english.values.keys() & arabic_page.values.keys()
    assert len(shared) >= 50
    differ = {k for k in shared if set(english.values[k].rows) != set(arabic_page.values[k].rows)}
    assert not differ, f"values resting on other rows than the English page's: {sorted(differ)}"


def test_shared_values_state_the_same_numbers_and_months(pages):
    """The same numbers and months (in any order: Arabic names the month once after several days); the campaign's
    year, which the English chapter leaves out, may be added."""
    english, arabic_page = pages
    shared = sorted(k for k in english.values.keys() & arabic_page.values.keys() if not k.endswith("_verdict"))
    differ = {}
    for k in shared:
        en_facts, ar_facts = _facts_en(english.values[k].text), _facts_ar(arabic_page.values[k].text)
        if CAMPAIGN_YEAR not in en_facts:
            ar_facts = [f for f in ar_facts if f != CAMPAIGN_YEAR]
        if sorted(set(en_facts)) != sorted(set(ar_facts)):
            differ[k] = (english.values[k].text, arabic_page.values[k].text)
    assert not differ


def test_verdicts_are_the_english_page_s_judgments(pages):
    from hamabook.chapters.ar import military as ar

    english, arabic_page = pages
    for key in ar.JUDGMENTS:
        assert re.findall(r"\d+", arabic_page.values[key].text) == re.findall(r"\d+", english.values[key].text)
        assert arabic_page.values[key].rows == english.values[key].rows


def test_judgments_in_full_in_the_catalogue_s_arabic(pages):
    from hamabook.chapters.ar import military as ar
    from hamabook.data import load
    from hamabook.rows.translations import translated

    _, arabic_page = pages
    judgments = load("judgments").set_index("judgment_id")
    for jid in ar.JUDGMENTS.values():
        markup = arabic_page.show(jid).data
        assert f'id="{jid.lower()}"' in markup
        for field in ("statement", "assumptions", "alternative", "indicators"):
            assert translated("judgments", jid, field).replace('"', "&quot;") in markup.replace("&#x27;", "'")
        assert translated("likelihood_scale", judgments.loc[jid, "likelihood"], "term") in markup


def test_the_page_is_arabic(pages):
    _, arabic_page = pages
    assert arabic_page.lang == "ar"
    latin = {k: v.text for k, v in arabic_page.values.items() if re.search(r"[A-Za-z]{3,}", v.text)}
    assert not latin, f"values written in Latin letters: {latin}"


def test_dates_read_in_the_edition_s_convention(pages):
    _, arabic_page = pages
    months = "|".join(re.escape(arabic.month_name(m)) for m in range(1, 13))
    dated = [v.text for k, v in arabic_page.values.items() if re.search(months, v.text)]
    assert len(dated) >= 25
    assert all(re.search(rf"({months}) \d{{4}}$", text) for text in dated), dated


def test_the_chapter_s_own_judgments_are_all_shown():
    from hamabook.chapters.ar import military as ar
    from hamabook.data import load

    judgments = load("judgments")
    assert set(ar.JUDGMENTS.values()) == set(judgments.loc[judgments["chapter"] == "military", "judgment_id"])


def test_the_verdict_keys_are_the_english_page_s():
    from hamabook.chapters import military
    from hamabook.chapters.ar import military as ar

    assert ar.JUDGMENTS.items() <= military.JUDGMENTS.items()  # the English page also cites J09's verdict
