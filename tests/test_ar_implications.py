"""The Arabic page on what the fall means says what the English one says, from the same rows: every value both pages
insert rests on the same data rows and states the same numbers and months (the English page writes a small count in
words, 'eight', the Arabic in digits); its judgments are the chapter's, in full, in the Arabic of
data/translations.csv, whose indicators are what the English page's 'what to watch' inserts."""

import re

import pytest

from hamabook.output import arabic
from hamabook.rows.translations import translated

EN_MONTHS = ("January February March April May June July August September October November December").split()
AR_MONTHS = [arabic.month_name(m) for m in range(1, 13)]
YEAR = 2024  # the year an English date may leave out
WORDS = "zero one two three four five six seven eight nine ten eleven twelve".split()


def _facts_en(text: str) -> list:
    out = []
    for token in re.findall(r"\d[\d,.]*\d|\d|[A-Za-z]+", text):
        if token[0].isdigit():
            out.append(float(token.replace(",", "")))
        elif token in EN_MONTHS:
            out.append(EN_MONTHS.index(token) + 1)
        elif token.lower() in WORDS:
            out.append(float(WORDS.index(token.lower())))
    return out


def _facts_ar(text: str) -> list:
    pattern = "|".join(re.escape(m) for m in sorted(AR_MONTHS, key=len, reverse=True))
    out = []
    for token in re.findall(rf"\d[\d,.]*\d|\d|{pattern}", text):
        out.append(float(token.replace(",", "")) if token[0].isdigit() else AR_MONTHS.index(token) + 1)
    return out


def _same(en: str, ar: str) -> bool:
    a, b = _facts_en(en), _facts_ar(ar)
    return a == b or (b and b[-1] == YEAR and a == b[:-1])


@pytest.fixture(scope="module")
def pages(chapter):
    return chapter("implications"), chapter("ar.implications")


def test_shared_values_rest_on_the_same_rows(pages):
    english, arabic_page = pages
    shared = english.values.keys() & arabic_page.values.keys()
    assert len(shared) >= 40
    assert not {k for k in shared if set(english.values[k].rows) != set(arabic_page.values[k].rows)}


def test_every_value_is_one_the_english_page_inserts(pages):
    english, arabic_page = pages
    assert set(arabic_page.values) <= set(english.values)


def test_shared_values_state_the_same_numbers_and_months(pages):
    english, arabic_page = pages
    shared = sorted(k for k in english.values.keys() & arabic_page.values.keys() if not k.endswith("_verdict"))
    differ = {
        k: (english.values[k].text, arabic_page.values[k].text)
        for k in shared
        if not _same(english.values[k].text, arabic_page.values[k].text)
    }
    assert not differ


def test_dates_keep_the_precision_of_their_source(pages):
    english, arabic_page = pages
    for key, value in arabic_page.values.items():
        if key.endswith("_verdict"):
            continue
        en_text = english.values[key].text
        assert en_text.startswith("about ") == value.text.startswith(arabic.ABOUT + " "), key


def test_the_page_is_arabic_and_its_values_too(pages):
    _, arabic_page = pages
    assert arabic_page.lang == "ar"
    assert not {k: v.text for k, v in arabic_page.values.items() if re.search(r"[A-Za-z]{3,}", v.text)}


def test_verdicts_cite_the_english_page_s_judgments_in_arabic_words(pages):
    english, arabic_page = pages
    verdicts = {k for k in english.values if k.endswith("_verdict")}
    assert verdicts and verdicts <= set(arabic_page.values)
    for key in verdicts:
        assert re.findall(r"\d+", arabic_page.values[key].text) == re.findall(r"\d+", english.values[key].text)
        assert set(arabic_page.values[key].rows) == set(english.values[key].rows)


def test_every_judgment_of_the_chapter_is_shown_in_full_in_arabic(pages):
    from hamabook.data import load

    english, arabic_page = pages
    judgments = load("judgments")
    ids = list(judgments.loc[judgments["chapter"] == "implications", "judgment_id"])
    assert ids
    for jid in ids:
        box = arabic_page.show(jid).data
        assert f'id="{jid.lower()}"' in box
        for field in ("statement", "assumptions", "alternative", "indicators"):
            text = translated("judgments", jid, field)
            assert (
                text.replace("&", "&amp;")
                .replace('"', "&quot;")
                .replace("'", "&#x27;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                in box
            ), (jid, field)


def test_the_notebook_has_250_arabic_words_of_prose_and_every_value():
    import json
    from pathlib import Path

    nb = json.loads(Path("book/ar/implications.ipynb").read_text())
    assert nb["metadata"]["hamabook"]["lang"] == "ar"
    prose = " ".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    assert len(re.findall(r"[\u0600-\u06FF]+", prose)) >= 250
    assert not re.search(r"[0-9]", re.sub(r"\{glue\}`[^`]*`|\([^)]*\.ipynb\)|\bJ\d+\b|\bM5\b", "", prose))


def test_the_bottom_line_cites_the_english_page_s_judgments():
    from hamabook.chapters import implications
    from hamabook.chapters.ar import implications as ar_implications

    assert ar_implications.JUDGMENTS == implications.VERDICTS


def test_what_to_watch_is_each_box_s_indicators(pages):
    english, arabic_page = pages
    from hamabook.chapters import implications

    for key, jid in implications.WATCH.items():
        assert english.values[key].text.rstrip(". ") in _english_indicators(jid)
        assert html_escaped(translated("judgments", jid, "indicators")) in arabic_page.show(jid).data


def _english_indicators(jid: str) -> str:
    from hamabook.data import load

    judgments = load("judgments").set_index("judgment_id")
    return judgments.at[jid, "indicators"]


def html_escaped(text: str) -> str:
    import html

    return html.escape(text)
