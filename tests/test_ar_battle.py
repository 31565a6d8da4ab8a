"""The Arabic battle for Hama says what the English chapter says, from the same rows: every value both pages insert
rests on the same data rows and states the same numbers and months (the English chapter leaves the year of the
week unsaid; the Arabic edition writes every date in full); the bottom line cites the same judgments, and the
judgments are shown in full in the catalogue's Arabic words."""

import re

import pytest

from hamabook.output import arabic

EN_MONTHS = "January February March April May June July August September October November December".split()
EN_WORDS = {w: i for i, w in enumerate("none one two three four five six seven eight nine".split())}
AR_MONTHS = [arabic.month_name(m) for m in range(1, 13)]
YEAR = 2024  # the year the English chapter leaves unsaid inside the week
JUDGMENTS = ("J08",)  # the chapter's own judgments (judgments.csv chapter); J09 is cited, its box is the argument's


def facts_en(text: str) -> list:
    out = []
    for token in re.findall(r"\d[\d,.]*\d|\d|[A-Za-z]+", text):
        if token[0].isdigit():
            out.append(float(token.replace(",", "")))
        elif token in EN_MONTHS:
            out.append(EN_MONTHS.index(token) + 1)
        elif token.lower() in EN_WORDS:
            out.append(EN_WORDS[token.lower()])
    return [x for x in out if x != YEAR]


def facts_ar(text: str, nouns=()) -> list:
    """The numbers and months an Arabic value states, in order; a dual noun is two, 'واحد' one."""
    months = "|".join(re.escape(m) for m in sorted(AR_MONTHS, key=len, reverse=True))
    duals = "|".join(n.two for n in (arabic.DAY, arabic.REPORT, *nouns))
    out = []
    for token in re.findall(rf"\d[\d,.]*\d|\d|{months}|{duals}|واحد", text):
        if token[0].isdigit():
            out.append(float(token.replace(",", "")))
        elif token in AR_MONTHS:
            out.append(AR_MONTHS.index(token) + 1)
        else:
            out.append(1 if token == "واحد" else 2)
    return [x for x in out if x != YEAR]


@pytest.fixture(scope="module")
def pages(chapter):
    return chapter("battle"), chapter("ar.battle")


def test_shared_values_rest_on_the_same_rows(pages):
    english, arabic_page = pages
    shared = english.values.keys() & arabic_page.values.keys()
    assert len(shared) >= 25
    assert not {k for k in shared if set(english.values[k].rows) != set(arabic_page.values[k].rows)}
    assert not {k for k in shared if english.values[k].table != arabic_page.values[k].table}


def test_shared_values_state_the_same_numbers_and_months(pages):
    from hamabook.chapters.ar import battle

    english, arabic_page = pages
    shared = sorted(english.values.keys() & arabic_page.values.keys())
    differ = {
        k: (english.values[k].text, arabic_page.values[k].text)
        for k in shared
        if not k.endswith("_verdict")
        and facts_en(english.values[k].text) != facts_ar(arabic_page.values[k].text, (battle.PLACE,))
    }
    assert not differ


def test_verdicts_are_the_english_page_s_judgments_in_arabic(pages):
    from hamabook.chapters.ar import battle

    english, arabic_page = pages
    assert set(battle.BOTTOM_LINE) <= english.values.keys()
    for key in battle.BOTTOM_LINE:
        assert re.findall(r"\d+", arabic_page.values[key].text) == re.findall(r"\d+", english.values[key].text)
        assert arabic_page.values[key].rows == english.values[key].rows


def test_the_judgments_are_shown_in_full_in_the_catalogue_s_words(pages):
    from hamabook.data import load
    from hamabook.rows.translations import translated

    english, arabic_page = pages
    judgments = load("judgments").set_index("judgment_id")
    for jid in JUDGMENTS:
        assert jid in english.shows
        markup = arabic_page.show(jid).data
        for field in ("statement", "assumptions", "alternative", "indicators"):
            text = translated("judgments", jid, field)
            assert text.replace('"', "&quot;").replace("'", "&#x27;") in markup, (jid, field)
        assert translated("likelihood_scale", judgments.loc[jid, "likelihood"], "term") in markup
        assert f'id="{jid.lower()}"' in markup
        assert all(r in markup for r in judgments.loc[jid, "basis"].split())


def test_the_page_is_arabic_and_its_values_too(pages):
    _, arabic_page = pages
    assert arabic_page.lang == "ar"
    assert not {k: v.text for k, v in arabic_page.values.items() if re.search(r"[A-Za-z]{3,}", v.text)}
