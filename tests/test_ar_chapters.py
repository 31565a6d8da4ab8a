"""Every Arabic page says what its English page says, from the same rows (one set of checks for every page that
data/chapters.csv gives an ``arabic_page``): each value both pages insert rests on the same data rows and states the
same numbers and months; the Arabic page inserts no value of its own but its sources' own Arabic words and the date
its text is current to; its values are written in Arabic; it shows the chapter's judgment boxes (and the English page's), each
in full in the catalogue's Arabic; its prose is Arabic, with every number inserted from data. What only one chapter has (a
toll's spread, a chronology, what to watch) is checked in tests/test_ar_<chapter>.py."""

from __future__ import annotations

import html
import importlib
import json
import re

import pytest

from hamabook import ROOT
from hamabook.data import load
from hamabook.output import arabic
from hamabook.rows.translations import translated

CHAPTERS = [
    pytest.param(row.chapter, id=row.chapter)
    for row in load("chapters").itertuples()
    if isinstance(row.arabic_page, str) and row.arabic_page
]
EN_MONTHS = "January February March April May June July August September October November December".split()
AR_MONTHS = [arabic.month_name(m) for m in range(1, 13)]
# House-style number words an English value may write for a count ('eight'; 'none' is said in words in both).
EN_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
CAMPAIGN_YEAR = 2024  # the year an English date inside the week may leave out; the Arabic edition writes it
# Chapters whose Arabic dates name a month once after several days ('29 و30 تشرين الثاني'), so their numbers and months
# are compared in any order.
ANY_ORDER = {"eleven_days", "military"}
JUDGMENT_BOX = re.compile(r"J\d+")


def _duals() -> list[str]:
    """Every dual noun the Arabic edition writes for 'two' (يومين, تقريرين, موقعين...): each states the number two."""
    modules = [arabic] + [importlib.import_module(f"hamabook.chapters.ar.{c.values[0]}") for c in CHAPTERS]
    found = {v.two for m in modules for v in vars(m).values() if isinstance(v, arabic.Noun)}
    return sorted(found | {"تقديرين"}, key=len, reverse=True)


DUALS = _duals()


def _facts(text: str, names: dict[str, float], pattern: str) -> list[float]:
    """The numbers ``text`` states, in order: its numerals, and the words of ``names`` (months, number words) it
    uses, each as the number it stands for (a word also read in lower case: 'Eight' is eight)."""
    out: list[float] = []
    for token in re.findall(rf"\d[\d,.]*\d|\d|{pattern}", text):
        if token[0].isdigit():
            out.append(float(token.replace(",", "")))
        elif (found := names.get(token, names.get(token.lower()))) is not None:
            out.append(found)
    return out


EN_NAMES = {month: i + 1 for i, month in enumerate(EN_MONTHS)} | EN_WORDS
AR_NAMES = {month: i + 1 for i, month in enumerate(AR_MONTHS)} | dict.fromkeys(DUALS, 2) | {"واحد": 1}


def facts_en(text: str) -> list[float]:
    """The numbers and months an English value states, in order ('29 November and 1 December 2024' ->
    [29, 11, 1, 12, 2024]); house-style number words count as numbers."""
    return _facts(text, EN_NAMES, "[A-Za-z]+")


def facts_ar(text: str) -> list[float]:
    """The numbers and months an Arabic value states, in order; a dual noun is two, 'واحد' one."""
    return _facts(text, AR_NAMES, "|".join(re.escape(n) for n in sorted(AR_NAMES, key=len, reverse=True)))


def same_facts(en: str, ar: str, any_order: bool = False) -> bool:
    """Whether two values state the same numbers and months (the campaign's year, where the English leaves it out,
    aside)."""
    a, b = facts_en(en), facts_ar(ar)
    if CAMPAIGN_YEAR not in a:
        b = [x for x in b if x != CAMPAIGN_YEAR]
    return sorted(set(a)) == sorted(set(b)) if any_order else a == b


@pytest.fixture(scope="module")
def built(chapter):
    """``built("battle")``: the English and the Arabic page, from the session's builds (the other modules' tests
    read the same pages)."""

    def pair(name: str):
        return chapter(name), chapter(f"ar.{name}")

    return pair


def _own_words(page, key: str) -> bool:
    """A value that is a source's own Arabic words: its one row's quote, from an Arabic page."""
    events, sources = load("events").set_index("event_id"), load("sources").set_index("source_id")
    rows = page.values[key].rows
    return (
        len(rows) == 1
        and rows[0] in events.index
        and page.values[key].text == events.loc[rows[0], "quote"]
        and sources.loc[events.loc[rows[0], "source_id"], "language"] == "ar"
    )


@pytest.mark.parametrize("name", CHAPTERS)
def test_shared_values_rest_on_the_same_rows(built, name):
    english, page = built(name)
    shared = english.values.keys() & page.values.keys()
    assert len(shared) >= max(18, len(english.values) / 4), f"the Arabic page inserts only {len(shared)} values"
    differ = {k for k in shared if set(english.values[k].rows) != set(page.values[k].rows)}
    assert not differ, f"values resting on other rows than the English page's: {sorted(differ)}"
    assert not {k for k in shared if english.values[k].table != page.values[k].table}


@pytest.mark.parametrize("name", CHAPTERS)
def test_the_arabic_page_adds_only_its_sources_own_words_and_its_date(built, name):
    english, page = built(name)
    own = {k for k in page.values.keys() - english.values.keys() if not k.endswith("_as_of")}
    assert {k for k in own if not _own_words(page, k)} == set()


@pytest.mark.parametrize("name", CHAPTERS)
def test_shared_values_state_the_same_numbers_and_months(built, name):
    english, page = built(name)
    differ = {
        k: (english.values[k].text, page.values[k].text)
        for k in sorted(english.values.keys() & page.values.keys())
        if not same_facts(english.values[k].text, page.values[k].text, name in ANY_ORDER)
    }
    assert not differ


@pytest.mark.parametrize("name", CHAPTERS)
def test_the_page_and_its_values_are_arabic(built, name):
    _, page = built(name)
    assert page.lang == "ar"
    latin = {k: v.text for k, v in page.values.items() if re.search(r"[A-Za-z]{3,}", v.text)}
    assert not latin, f"values written in Latin letters: {latin}"


@pytest.mark.parametrize("name", CHAPTERS)
def test_the_chapter_s_judgments_are_shown_in_full_in_the_catalogue_s_arabic(built, name):
    english, page = built(name)
    judgments = load("judgments").set_index("judgment_id")
    shown = {k for k in page.shows if JUDGMENT_BOX.fullmatch(k)}
    own = set(judgments.index[judgments["chapter"] == name])
    assert {k for k in english.shows if JUDGMENT_BOX.fullmatch(k)} | own <= shown  # (it may show the ones it cites)
    for jid in shown:
        box = page.show(jid).data
        assert f'id="{jid.lower()}"' in box
        for field in ("statement", "assumptions", "alternative", "indicators"):
            assert html.escape(translated("judgments", jid, field)) in box, (jid, field)
        assert translated("likelihood_scale", judgments.loc[jid, "likelihood"], "term") in box


@pytest.mark.parametrize("name", CHAPTERS)
def test_the_prose_is_arabic_with_every_number_from_data(name):
    notebook = json.loads((ROOT / "book" / "ar" / f"{name}.ipynb").read_text(encoding="utf-8"))
    assert notebook["metadata"]["hamabook"]["lang"] == "ar"
    prose = "\n".join("".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "markdown")
    assert len(re.findall(r"[\u0600-\u06FF]+", prose)) >= 250
    # Outside headings, links and tags (a chapter's title may name its year: 'Hama 1982'), judgment ids, road names.
    running = "\n".join(line for line in prose.splitlines() if not line.startswith("#"))
    typed = re.sub(r"\{glue(?::text)?\}`[^`]*`|\[[^\]]*\]\([^)]*\)|<[^>]+>|(?<![A-Za-z])J\d+|\bM[45]\b", "", running)
    assert not re.findall(r"[0-9]+", typed)


def test_every_arabic_page_is_checked():
    assert sorted(p.name for p in (ROOT / "book" / "ar").glob("*.ipynb")) == sorted(
        f"{c.values[0]}.ipynb" for c in CHAPTERS
    )


def test_the_facts_of_a_value_are_read_alike_in_both_languages():
    assert facts_en("29 November and 1 December 2024") == [29, 11, 1, 12, 2024]
    assert facts_ar(f"29 {arabic.month_name(11)} و1 {arabic.month_name(12)} 2024") == [29, 11, 1, 12, 2024]
    assert same_facts("5 December", f"5 {arabic.month_name(12)} 2024", any_order=True)
    assert not same_facts("5 December", f"6 {arabic.month_name(12)} 2024", any_order=True)
    assert same_facts("two days", arabic.DAY.two) and same_facts("8 reports", "8 تقارير")
    assert not same_facts("eight reports", "9 تقارير")


@pytest.mark.parametrize("name", CHAPTERS)
def test_dates_read_in_the_edition_s_convention(built, name):
    """Day, Syrian month name with the Gregorian one, year: every date the Arabic page inserts ends in its year."""
    _, page = built(name)
    months = "|".join(re.escape(m) for m in AR_MONTHS)
    dated = [v.text for v in page.values.values() if re.search(months, v.text)]
    assert dated
    assert [t for t in dated if not re.search(rf"({months}) \d{{4}}$", t)] == []


@pytest.mark.parametrize("name", CHAPTERS)
def test_dates_keep_the_precision_of_their_source(built, name):
    """A date the English page gives as 'about' one day is 'نحو' that day in Arabic, and only then."""
    english, page = built(name)
    differ = [
        k
        for k in english.values.keys() & page.values.keys()
        if english.values[k].text.startswith("about ") != page.values[k].text.startswith(arabic.ABOUT + " ")
    ]
    assert differ == []
