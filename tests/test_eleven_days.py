"""Unit tests of hamabook.chapters.eleven_days: dates read as a reader says them, every value rests on rows that
hold it (numbers, dates and the figures a report gives in passing), and the story's dates come from its rows."""

import re

import pandas as pd
import pytest
from test_provenance import aggregates, held, number_of  # noqa: F401 (held is a fixture)

from hamabook.chapters import eleven_days
from hamabook.data import load
from hamabook.rows.provenance import FACT_TABLES

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE = re.compile(rf"((?:\d{{1,2}}(?:, | or |–| ))+)({MONTHS})(?: (\d{{4}}))?")


def test_dates_read_without_the_campaigns_year():
    def said(day, precision="day"):
        return eleven_days.prose.fmt_day(day, eleven_days.YEAR, precision)

    assert said("2024-12-05") == "5 December"
    assert said("2012-01-24") == "24 January 2012"
    assert said("2012-12-01", "month") == "December 2012"
    assert said("2024-12-07", "approximate") == "about 7 December"


def test_either_names_every_date_once():
    rows = pd.DataFrame(
        {"event_id": ["a", "b", "c"], "date": pd.to_datetime(["2024-11-30", "2024-11-29", "2024-12-01"])}
    )
    assert eleven_days._either(rows).text == "29 November, 30 November or 1 December"
    assert eleven_days._either(rows.iloc[:2]).text == "29 or 30 November"
    assert eleven_days._either(rows.iloc[:2]).rows == ("a", "b")


def test_a_phrase_rests_only_on_the_rows_that_state_its_figures():
    """A selection that kept only ids (a control report) is read in its rows' own words: K2105 gives the 24-hour
    ultimatum, not a 48-hour one."""
    rows = pd.DataFrame({"change_id": ["K2105"]})
    assert eleven_days._said("24 hours", rows).rows == ("K2105",)
    with pytest.raises(ValueError):
        eleven_days._said("48 hours", rows)


@pytest.fixture(scope="module")
def page(chapter):
    return chapter("eleven_days")


def test_every_number_rests_on_rows_that_hold_it_or_count_it(page, held):  # noqa: F811
    """tests/test_provenance.py's rule, for this page."""
    unfounded = []
    for key, value in page.values.items():
        stated = number_of(value.text)
        if stated is None or not value.rows:
            continue
        n, decimals = stated
        counted = n.is_integer() and n <= len(value.rows)
        if not counted and not any(round(c, decimals) == n for c in aggregates(value.rows, held)):
            unfounded.append(key)
    assert not unfounded


@pytest.fixture(scope="module")
def facts():
    """Per fact row: its dates (the event's or report's date and its publication date) and its own words."""
    dates, words = {}, {}
    for table, (key, date_col, _) in FACT_TABLES.items():
        for row in load(table).to_dict("records"):
            dates[row[key]] = {pd.Timestamp(row[c]) for c in (date_col, "as_of") if pd.notna(row.get(c))}
            words[row[key]] = " ".join(str(row.get(c) or "") for c in ("summary", "quote", "quote_en"))
    return dates, words


def test_figures_in_phrases_stand_in_their_rows(page, facts, held):  # noqa: F811
    """A phrase that carries a figure ('more than 300,000', '19 towns and villages', 'since 2018') rests on rows that
    state that figure in their own words, hold it as a value, or are dated in that year or on that day; a count with
    its noun ('81 reports') counts its rows."""
    dates, words = facts
    numbers = held[0]
    loose = []
    for key, value in page.values.items():
        if key.endswith("_verdict") or number_of(value.text) is not None:
            continue  # verdicts come from judgments.csv; bare numbers are checked above
        known = {n.replace(",", "") for r in value.rows for n in re.findall(r"\d[\d,]*", words.get(r, ""))}
        known |= {f"{v:g}" for r in value.rows for v in numbers.get(r, [])}
        known |= {str(d.year) for r in value.rows for d in dates.get(r, ())} | {
            str(d.day) for r in value.rows for d in dates.get(r, ())
        }
        stated = {n.replace(",", "") for n in re.findall(r"\d[\d,]*", value.text)}
        if re.fullmatch(r"[\d,]+ [a-z]+", value.text):  # a count with its noun ('81 reports') counts the rows
            known |= {str(n) for n in range(len(value.rows) + 1)}
        if stated - known:
            loose.append(f"{key}: {sorted(stated - known)}")
    assert not loose


def test_every_date_rests_on_rows_dated_that_day_or_saying_it(page, facts):
    """Each date a value writes ('5 December', '30 or 31 May 2013', 'December 2012') is the date of one of its rows,
    or stands in the words of one of them."""
    dates, words = facts
    loose = []
    for key, value in page.values.items():
        for days, month, year in DATE.findall(value.text):
            for day in re.findall(r"\d{1,2}", days):
                when = pd.Timestamp(f"{day} {month} {year or eleven_days.YEAR}")
                dated = any(when in dates[r] for r in value.rows if r in dates)
                said = any(re.search(rf"\b{int(day)} {month}", words.get(r, "")) for r in value.rows)
                if not (dated or said):
                    loose.append(f"{key}: {day} {month}")
    assert not loose


def test_dates_the_reports_dispute_are_given_as_every_date(page):
    """Aleppo, Daraa and Homs fell on days the reports give differently: the story names every date."""
    assert " or " in page.values["days_aleppo_dates"].text
    assert " or " in page.values["days_daraa_dates"].text
    assert " or " in page.values["days_homs_dates"].text


def test_the_page_shows_the_campaign_map_and_its_evidence(page):
    assert set(page.shows) == {"days-map", "days-map-panels", "days-captures"}
    assert page.values["days_damascus"].headline and page.values["days_launch"].headline
