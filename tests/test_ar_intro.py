"""The Arabic opening page says what the English one says, from the same rows: every value both pages insert rests on
the same data rows and states the same numbers and months; the bottom line cites the same judgments."""

import re

import pytest

from hamabook.output import arabic

EN_MONTHS = ("January February March April May June July August September October November December").split()
EN_WORDS = {w: i for i, w in enumerate("none one two three four five six seven eight nine".split())}
# Keys whose English text is words, not numbers or dates (a phrase, an ordinal).
WORDED = {"hama_never_taken", "hama_rank"}


def _facts_en(text: str) -> list:
    """The numbers and months an English value states, in order ('29 November and 1 December 2024' ->
    [29, 11, 1, 12, 2024]); house-style number words count as numbers."""
    tokens = re.findall(r"\d[\d,]*|[A-Za-z]+", text)
    out = []
    for token in tokens:
        if token[0].isdigit():
            out.append(int(token.replace(",", "")))
        elif token in EN_MONTHS:
            out.append(EN_MONTHS.index(token) + 1)
        elif token.lower() in EN_WORDS:
            out.append(EN_WORDS[token.lower()])
    return out


AR_MONTHS = [arabic.month_name(m) for m in range(1, 13)]


def _facts_ar(text: str) -> list:
    """The numbers and months an Arabic value states, in order; a dual noun ('يومين') is two, 'واحد' one."""
    pattern = "|".join(re.escape(m) for m in sorted(AR_MONTHS, key=len, reverse=True))
    out = []
    for token in re.findall(rf"\d[\d,]*|{pattern}|{arabic.DAY.two}|{arabic.REPORT.two}|واحد", text):
        if token[0].isdigit():
            out.append(int(token.replace(",", "")))
        elif token in AR_MONTHS:
            out.append(AR_MONTHS.index(token) + 1)
        else:
            out.append(1 if token == "واحد" else 2)
    return out


@pytest.fixture(scope="module")
def pages(chapter):
    return chapter("intro"), chapter("ar.intro")


def test_shared_values_rest_on_the_same_rows(pages):
    english, arabic_page = pages
    shared = english.values.keys() & arabic_page.values.keys()
    assert len(shared) >= 25
    differ = {k for k in shared if set(english.values[k].rows) != set(arabic_page.values[k].rows)}
    assert not differ, f"values resting on other rows than the English page's: {sorted(differ)}"
    tables = {k for k in shared if english.values[k].table != arabic_page.values[k].table}
    assert not tables


def test_shared_values_state_the_same_numbers_and_months(pages):
    english, arabic_page = pages
    shared = sorted((english.values.keys() & arabic_page.values.keys()) - WORDED)
    differ = {
        k: (english.values[k].text, arabic_page.values[k].text)
        for k in shared
        if not k.endswith("_verdict") and _facts_en(english.values[k].text) != _facts_ar(arabic_page.values[k].text)
    }
    assert not differ


def test_verdicts_are_the_english_page_s_judgments_in_arabic(pages):
    from hamabook.chapters import intro
    from hamabook.chapters.ar import intro as ar_intro

    assert ar_intro.BOTTOM_LINE == intro.BOTTOM_LINE
    english, arabic_page = pages
    for key in ar_intro.BOTTOM_LINE:
        bands = re.findall(r"\d+", english.values[key].text)
        assert re.findall(r"\d+", arabic_page.values[key].text) == bands


def test_the_page_is_arabic_and_its_notes_are_too(pages):
    _, arabic_page = pages
    assert arabic_page.lang == "ar"
    latin = {k: v.text for k, v in arabic_page.values.items() if re.search(r"[A-Za-z]{3,}", v.text)}
    assert not latin, f"values written in Latin letters: {latin}"


def test_quotations_are_the_sources_own_arabic_words(pages):
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
