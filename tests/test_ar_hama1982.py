"""The Arabic page of Hama 1982 says what the English chapter says, from the same rows: every value both pages insert
rests on the same data rows and states the same numbers and months; the death toll keeps its spread and every
estimate; the judgments are shown in full, in the catalogue's Arabic."""

import html
import re

import pytest

from hamabook.output import arabic

EN_MONTHS = ("January February March April May June July August September October November December").split()
EN_WORDS = {w: i for i, w in enumerate("none one two three four five six seven eight nine ten".split())}
WORDED: set[str] = set()  # keys whose English text is words, not numbers or dates
AR_MONTHS = [arabic.month_name(m) for m in range(1, 13)]
DUALS = (arabic.DAY.two, arabic.YEAR.two, "تقديرين")


def facts_en(text: str) -> list:
    """The numbers and months an English value states, in order; house-style number words count as numbers."""
    out = []
    for token in re.findall(r"\d[\d,.]*\d|\d|[A-Za-z]+", text):
        if token[0].isdigit():
            out.append(float(token.replace(",", "")))
        elif token in EN_MONTHS:
            out.append(EN_MONTHS.index(token) + 1)
        elif token.lower() in EN_WORDS:
            out.append(EN_WORDS[token.lower()])
    return out


def facts_ar(text: str, duals=DUALS) -> list:
    """The numbers and months an Arabic value states, in order; a dual noun is two, 'واحد' one."""
    months = "|".join(re.escape(m) for m in sorted(AR_MONTHS, key=len, reverse=True))
    words = "|".join(duals)
    out = []
    for token in re.findall(rf"\d[\d,.]*\d|\d|{months}|{words}|واحد", text):
        if token[0].isdigit():
            out.append(float(token.replace(",", "")))
        elif token in AR_MONTHS:
            out.append(AR_MONTHS.index(token) + 1)
        else:
            out.append(1 if token == "واحد" else 2)
    return out


@pytest.fixture(scope="module")
def pages(chapter):
    return chapter("hama1982"), chapter("ar.hama1982")


def test_shared_values_rest_on_the_same_rows(pages):
    english, arabic_page = pages
    shared = english.values.keys() & arabic_page.values.keys()
    assert len(shared) >= 45
    assert arabic_page.values.keys() - english.values.keys() == {"h82_video_quote"}
    differ = {k for k in shared if set(english.values[k].rows) != set(arabic_page.values[k].rows)}
    assert not differ, f"values resting on other rows than the English page's: {sorted(differ)}"
    assert not {k for k in shared if english.values[k].table != arabic_page.values[k].table}


def test_shared_values_state_the_same_numbers_and_months(pages):
    english, arabic_page = pages
    shared = sorted((english.values.keys() & arabic_page.values.keys()) - WORDED)
    differ = {
        k: (english.values[k].text, arabic_page.values[k].text)
        for k in shared
        if not k.endswith("_verdict") and facts_en(english.values[k].text) != facts_ar(arabic_page.values[k].text)
    }
    assert not differ


def test_verdicts_are_the_english_page_s_judgments_in_the_catalogue_s_words(pages):
    from hamabook.rows.translations import translations

    english, arabic_page = pages
    words = set(translations("likelihood_scale", "term"))
    verdicts = [k for k in arabic_page.values if k.endswith("_verdict")]
    assert sorted(verdicts) == sorted(k for k in english.values if k.endswith("_verdict"))
    for key in verdicts:
        text = arabic_page.values[key].text
        assert re.findall(r"\d+", text) == re.findall(r"\d+", english.values[key].text)
        assert text.split(" (")[0] in words
        assert arabic_page.values[key].rows == english.values[key].rows


def test_the_toll_is_given_with_its_spread_and_every_estimate(pages):
    english, arabic_page = pages
    for key in ("h82_toll_lowest", "h82_toll_highest", "h82_toll_ratio", "h82_toll_iqr_range", "h82_bracket"):
        assert arabic_page.values[key].text, key
    markup = arabic_page.show("hama1982-estimates").data
    n_rows = len(english.values["h82_n_estimates"].rows)
    assert markup.count("<tr") - 1 == n_rows
    assert "Show all" not in markup


def test_the_judgments_are_shown_in_full_in_arabic(pages):
    from hamabook.data import load
    from hamabook.rows.translations import translated

    english, arabic_page = pages
    mine = load("judgments").query("chapter == 'hama1982'")["judgment_id"]
    assert set(mine) == {k for k in arabic_page.shows if re.fullmatch(r"J\d+", k)}
    assert set(mine) == {k for k in english.shows if re.fullmatch(r"J\d+", k)}
    for jid in mine:
        markup = arabic_page.show(jid).data
        assert f'id="{jid.lower()}"' in markup
        for field in ("statement", "assumptions", "alternative", "indicators"):
            assert html.escape(translated("judgments", jid, field)) in markup, (jid, field)


def test_the_page_is_arabic_and_quotes_its_source_in_its_own_words(pages):
    from hamabook.data import load

    _, arabic_page = pages
    assert arabic_page.lang == "ar"
    latin = {k: v.text for k, v in arabic_page.values.items() if re.search(r"[A-Za-z]{3,}", v.text)}
    assert not latin, f"values written in Latin letters: {latin}"
    events, sources = load("events").set_index("event_id"), load("sources").set_index("source_id")
    (row,) = arabic_page.values["h82_video_quote"].rows
    assert arabic_page.values["h82_video_quote"].text == events.loc[row, "quote"]
    assert sources.loc[events.loc[row, "source_id"], "language"] == "ar"
