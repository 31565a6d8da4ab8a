"""Provenance that follows the data: every number a page inserts rests on rows that hold it, or is a count or an
aggregate of them (a sum, an extreme, a median, a share, a difference of dates, a distance between their places,
a Brier score of their forecasts). A value citing rows it was not computed from fails here."""

import itertools
import re
import statistics

import pandas as pd
import pytest

from hamabook.chapters import aftermath
from hamabook.data import descriptor, load
from hamabook.rows.geo import great_circle_km
from hamabook.rows.provenance import FACT_TABLES
from hamabook.rows.stated import figures_in, row_text

CHAPTERS = [
    "intro",
    "eleven_days",
    "military",
    "argument",
    "battle",
    "hama1982",
    "allies",
    "humanitarian",
    "aftermath",
    "implications",
    "methods",
    "what_changed",
]
WORDS = ["none", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def number_of(text: str) -> tuple[float, int] | None:
    """The number a value's text states, and how many decimals it shows; None for text that is not a number."""
    if text in WORDS:
        return float(WORDS.index(text)), 0
    if re.fullmatch(r"-?[\d,]+(\.\d+)?", text):
        return float(text.replace(",", "")), len(text.partition(".")[2])
    return None


@pytest.fixture(scope="module")
def held():
    """Per fact row: the numbers it holds (values, range ends, credibility, a forecast's probability, outcome and
    Brier score; for a row with no value column, the figures its own words state), its principal figure (its value or the low end of its range; a forecast's Brier score), its dates
    and its place's coordinates."""
    places = load("places").set_index("place_id")
    scored = aftermath.score_forecasts(load("forecasts"), load("likelihood_scale")).set_index("forecast_id")
    numbers, amounts, dates, where = {}, {}, {}, {}
    for table, (key, date_col, _) in FACT_TABLES.items():
        for row in load(table).to_dict("records"):
            rid = row[key]
            numbers[rid] = [float(row[c]) for c in ("value", "low", "high", "credibility") if pd.notna(row.get(c))]
            if "value" not in row:  # a row with no value column holds the numbers its own words state
                numbers[rid] += [float(f) for f in figures_in(row_text(pd.Series(row))) if re.fullmatch(r"[\d.]+", f)]
            amounts[rid] = [float(row[c]) for c in ("value", "low", "high") if pd.notna(row.get(c))][:1]
            dates[rid] = [pd.Timestamp(row[c]) for c in (date_col, "as_of") if pd.notna(row.get(c))]
            place = row.get("place_id")
            if isinstance(place, str) and pd.notna(places.loc[place, "latitude"]):
                where[rid] = (places.loc[place, "latitude"], places.loc[place, "longitude"])
    for fid, row in scored[scored["scored"]].iterrows():
        numbers[fid] += [row["p"], aftermath.OUTCOME_VALUE[row["outcome"]], row["brier"]]
        amounts[fid] = [row["brier"]]
    coords = places.dropna(subset=["latitude"])[["latitude", "longitude"]].itertuples(index=False)
    return numbers, amounts, dates, where, list(coords)


def aggregates(rows: tuple[str, ...], held) -> set[float]:
    numbers, amounts, dates, where, coords = held
    values = [v for r in rows for v in numbers[r]]
    out = {float(len(rows)), *values}
    principal = [v for r in rows for v in amounts[r]]
    if principal:
        out |= {sum(principal), statistics.median(principal), statistics.mean(principal)}
    if values:
        out |= {min(values), max(values), *(a + b for a, b in itertools.combinations(values, 2))}
        out |= {v / 1e6 for v in values}
        for a, b in itertools.permutations(values, 2):
            out |= {a / b, 100 * a / b, 100 * a / (a + b)} if b and a + b else set()
    days = sorted({d for r in rows for d in dates[r]})
    out |= {float(d.year) for d in days}
    for a, b in itertools.combinations(days, 2):
        out |= {float((b - a).days), float(int((b - a).days / 365.25))}
    for r in rows:
        if r in where:
            out |= {great_circle_km(*where[r], lat, lon) for lat, lon in coords}
    return out


@pytest.mark.parametrize("name", CHAPTERS)
def test_every_number_rests_on_rows_that_hold_it_or_count_it(name, held, chapter):
    page = chapter(name)
    known = set(held[0])
    unfounded = []
    for key, value in page.values.items():
        stated = number_of(value.text)
        if stated is None or not value.rows:
            continue
        n, decimals = stated
        assert set(value.rows) <= known, f"{key} cites rows that are not fact rows"
        counted = n.is_integer() and n <= len(value.rows)  # a count of the rows, or of things among them
        if not counted and not any(round(c, decimals) == n for c in aggregates(value.rows, held)):
            unfounded.append(f"{key} = {value.text} (rows {', '.join(value.rows[:5])})")
    assert not unfounded, f"{name}: numbers their rows neither hold nor count: {unfounded}"


@pytest.mark.parametrize("name", CHAPTERS)
def test_a_number_from_no_row_names_tables_of_the_package(name, chapter):
    page = chapter(name)
    names = {r["name"] for r in descriptor()["resources"]}
    for key, value in page.values.items():
        if not value.rows:
            assert set(value.table.split(", ")) <= names, f"{key} counts {value.table!r}, not a table of the package"
