"""Semantic rules a Table Schema cannot state, run by ``make validate`` after the schema checks.

Each rule is a plain function ``rule(tables, today) -> list[str]`` registered in :data:`RULES`; its
docstring says which failure it prevents. ``tables`` maps resource names to parsed
:class:`hamabook.data.Table` objects (typed values, raw cell text, file lines). Every problem is one
line: ``file: line N: field 'x' value 'v': expected ...``, or ``file: ...`` for a whole file.

Rules find their columns by name and type in the descriptor, so new tables and columns are checked
without code changes. What the rules need to know about the world is kept here, in one place:
"""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
import urllib.parse
from collections.abc import Callable, Iterator
from datetime import date, datetime
from functools import lru_cache

from .table import DESCRIPTOR, Table

# Units that count people or things: values in them are whole and never negative.
COUNT_UNITS = frozenset(
    {
        "people",
        "deaths",
        "fighters",
        "troops",
        "soldiers",
        "civilians",
        "children",
        "refugees",
        "families",
        "households",
        "vehicles",
        "aircraft",
        "ships",
        "tanks",
        "cities",
        "towns",
        "villages",
        "airstrikes",
        "air raids",
        "attacks",
        "strikes",
        "targets",
        "airbases",
        "casualties",
        "churches",
        "drones",
        "facilities",
        "mosques",
        "prisoners",
        "schools",
        "trucks",
    }
)
# Units of measure (may be fractional; a negative value is left to the schema's minimum).
MEASURE_UNITS = frozenset(
    {"km", "km2", "miles", "days", "hours", "years", "year", "percent", "rank", "USD", "SYP", "euros", "people per day"}
)
# Syria's bounding box (degrees) and the margin allowed around it.
SYRIA_LATITUDE = (32.3, 37.4)
SYRIA_LONGITUDE = (35.6, 42.4)
BOX_MARGIN = 0.1
# Ids of rows (any table with latitude/longitude) allowed outside the box, e.g. a place in Lebanon.
OUTSIDE_SYRIA: frozenset[str] = frozenset()
# Date fields that must be in this order when a table has both: (earlier, later).
DATE_ORDER = (("published", "accessed"), ("date", "as_of"), ("made_on", "as_of"))
# Fields holding space-separated ids of rows in any table (besides *_id columns).
ID_LIST_FIELDS = ("basis", "for_rows", "against_rows", "row_id")
# (table, field) pairs whose ids may name rows no longer in their table; judgment_history_consistent checks them.
HISTORY_FIELDS = (("judgment_history", "judgment_id"),)
# Changes after which a judgment no longer stands (judgment_history.csv).
ENDING_CHANGES = frozenset({"merged", "withdrawn", "never_issued"})
# Tables the book reads that must have rows. None means every table with a primary key.
NON_EMPTY_TABLES: tuple[str, ...] | None = None
# Pairs of fields that must name different rows when both are set (a place is taken by one actor from another).
DIFFERENT_FIELDS = (("taken_by", "taken_from"),)
# The longest text a cell may hold, in characters (the longest real cell, a judgment's alternative, is about 520).
MAX_TEXT_LENGTH = 2000
# The letter every row id of a fact table starts with (E001 is an event): a link to a row goes to the evidence page
# of its table by this letter (hamabook.rows.provenance.row_href), so a row under another letter would be lost.
FACT_ID_LETTERS = {"events": "E", "figures": "N", "control_changes": "K", "forecasts": "P", "outcomes": "O"}
# Units of measure that are never negative (a change in percent may be, and a share is bounded by PERCENT_RANGE).
NON_NEGATIVE_MEASURES = MEASURE_UNITS - {"percent"}
# A value in percent is a share, within this range, unless its metric's kind is PERCENT_CHANGE_KIND.
PERCENT_UNIT = "percent"
PERCENT_RANGE = (0, 100)
PERCENT_CHANGE_KIND = "change"
# Facts the book is written around, as (table, field, value, what such a row records): without one, the chapter
# that dates or draws it has nothing to build from.
REQUIRED_FACTS = (
    ("control_changes", "place_id", "hama", "a report of the capture of Hama, which the battle chapter dates"),
    *(
        ("control_changes", "place_id", place, f"a report that {place} changed hands, which the eleven days page dates")
        for place in (
            "regiment-46",
            "aleppo-international-airport",
            "tel-rifaat",
            "suwayda",
            "quneitra",
            "albu-kamal",
            "qusayr",
            "sednaya-prison",
        )
    ),
)
# Words a chapter gives in passing and must find in a report of one place (table, field, value, words, what):
# dropping or moving that report leaves the sentence without its source.
STATED_FACTS = (
    ("control_changes", "place_id", "suwayda", "24 hours", "the ultimatum the eleven days page quotes for As-Suwayda"),
)
# Text fields that go into the bibliography (book/references.bib) and the print edition.
BIBLIOGRAPHY_FIELDS = {"sources": ("title", "title_en", "publisher", "originator", "via")}

Rule = Callable[[dict[str, Table], date], list[str]]


def _numbers(table: Table) -> list[str]:
    return table.names("number") + table.names("integer")


def _numeric(table: Table, *names: str) -> bool:
    """Whether the table has all these fields and each holds numbers (rules compare only numbers)."""
    return all(name in _numbers(table) for name in names)


def _numeric_rows(tables: dict[str, Table], *names: str):
    """(table, row index, row) for every row of the tables whose fields ``names`` all hold numbers."""
    for table in tables.values():
        if _numeric(table, *names):
            for i, row in enumerate(table.rows):
                yield table, i, row


def numbers_finite(tables: dict[str, Table], today: date) -> list[str]:
    """Every number is finite: prevents NaN or inf cells (which parse as numbers) from reaching sums and charts."""
    problems = []
    for table in tables.values():
        for name in table.names("number"):
            for i, row in enumerate(table.rows):
                value = row[name]
                if value is not None and not math.isfinite(value):
                    problems.append(table.problem(i, name, "a finite number (not NaN or infinity)"))
    return problems


def units_known(tables: dict[str, Table], today: date) -> list[str]:
    """Every unit is listed as a count or a measure: prevents a new unit from silently escaping the count rule."""
    problems = []
    known = COUNT_UNITS | MEASURE_UNITS
    for table in tables.values():
        if table.field("unit") is None or table.field("unit").get("type", "string") != "string" or not _numbers(table):
            continue
        for i, row in enumerate(table.rows):
            if row["unit"] is not None and row["unit"] not in known:
                problems.append(
                    table.problem(
                        i,
                        "unit",
                        "a unit listed in COUNT_UNITS or MEASURE_UNITS in hamabook/data/checks.py (add it there)",
                    )
                )
    return problems


def counts_whole_and_non_negative(tables: dict[str, Table], today: date) -> list[str]:
    """Counts of people or things are whole and >= 0: prevents negative head counts and fractional people."""
    problems = []
    for table in tables.values():
        if table.field("unit") is None or table.field("unit").get("type", "string") != "string":
            continue
        for i, row in enumerate(table.rows):
            if row["unit"] not in COUNT_UNITS:
                continue
            for name in _numbers(table):
                value = row[name]
                if value is None or not math.isfinite(value):
                    continue
                if value < 0:
                    problems.append(table.problem(i, name, f"a count of {row['unit']} >= 0"))
                elif value != int(value):
                    problems.append(table.problem(i, name, f"a whole number of {row['unit']}"))
    return problems


def low_not_above_high(tables: dict[str, Table], today: date) -> list[str]:
    """low <= high: prevents inverted ranges (a swapped pair draws a negative error bar)."""
    problems = []
    for table, i, row in _numeric_rows(tables, "low", "high"):
        low, high = row["low"], row["high"]
        if low is not None and high is not None and low > high:
            problems.append(table.problem(i, "low", f"low <= high ({table.raw[i]['high']})"))
    return problems


def value_within_range(tables: dict[str, Table], today: date) -> list[str]:
    """A value lies within its own low-high: prevents a point estimate outside the range reported with it."""
    problems = []
    for table, i, row in _numeric_rows(tables, "value", "low", "high"):
        value, low, high = row["value"], row["low"], row["high"]
        if None in (value, low, high) or low > high:
            continue
        if not low <= value <= high:
            raw = table.raw[i]
            problems.append(table.problem(i, "value", f"a value within its own range {raw['low']}-{raw['high']}"))
    return problems


def value_or_range(tables: dict[str, Table], today: date) -> list[str]:
    """A row has a value or both low and high: prevents figures with nothing to draw."""
    problems = []
    for table, i, row in _numeric_rows(tables, "value", "low", "high"):
        if row["value"] is None and (row["low"] is None or row["high"] is None):
            problems.append(table.problem(i, "value", "a value, or both low and high"))
    return problems


def coordinates_in_syria(tables: dict[str, Table], today: date) -> list[str]:
    """Latitude and longitude fall in Syria's box: prevents swapped or mistyped coordinates misplacing a map mark."""
    problems = []
    boxes = {"latitude": SYRIA_LATITUDE, "longitude": SYRIA_LONGITUDE}
    for table, i, row in _numeric_rows(tables, "latitude", "longitude"):
        if table.key and len(table.key) == 1 and row[table.key[0]] in OUTSIDE_SYRIA:
            continue
        if "country" in row and row["country"] not in (None, "Syria"):
            continue
        for name, (low, high) in boxes.items():
            value = row[name]
            if value is not None and not low - BOX_MARGIN <= value <= high + BOX_MARGIN:
                problems.append(
                    table.problem(
                        i,
                        name,
                        f"a {name} within Syria ({low}-{high}; swapped latitude and longitude?"
                        " a place outside Syria goes in OUTSIDE_SYRIA in hamabook/data/checks.py)",
                    )
                )
    return problems


def _as_date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def dates_not_in_future(tables: dict[str, Table], today: date) -> list[str]:
    """No date is after the day of validation: prevents typos such as 2025 for 2024 in as_of or accessed."""
    problems = []
    for table in tables.values():
        for name in table.names("date") + table.names("datetime"):
            for i, row in enumerate(table.rows):
                value = _as_date(row[name])
                if value is not None and value > today:
                    problems.append(table.problem(i, name, f"a date not after today ({today.isoformat()})"))
    return problems


def dates_in_order(tables: dict[str, Table], today: date) -> list[str]:
    """Dates are in order (published <= accessed, event date <= report as_of): prevents sources read before they
    were published and events reported before they happened."""
    problems = []
    for table in tables.values():
        for earlier, later in DATE_ORDER:
            if table.field(earlier) is None or table.field(later) is None:
                continue
            for i, row in enumerate(table.rows):
                first, second = _as_date(row[earlier]), _as_date(row[later])
                if first is not None and second is not None and first > second:
                    problems.append(table.problem(i, later, f"a date on or after {earlier} ({table.raw[i][earlier]})"))
    return problems


def _row_ids(tables: dict[str, Table]) -> set[str]:
    """The ids of the package's rows, as text; a table keyed by the id of another table's row (evidence_kinds by
    row_id) adds none."""
    return {
        str(r[t.key[0]]) for t in tables.values() if len(t.key) == 1 and t.key[0] not in ID_LIST_FIELDS for r in t.rows
    }


def cited_ids_exist(tables: dict[str, Table], today: date) -> list[str]:
    """Every id a row cites exists: prevents judgments resting on deleted rows, and *_id columns that point to
    another table's key without a declared foreign key."""
    problems = []
    keys = {t.key[0]: t for t in tables.values() if len(t.key) == 1}
    all_ids = _row_ids(tables)
    for table in tables.values():
        for name in table.names("string"):
            target = keys.get(name)
            if name in ID_LIST_FIELDS:
                for i, row in enumerate(table.rows):
                    missing = [tok for tok in (row[name] or "").split() if tok not in all_ids]
                    if missing:
                        listed = ", ".join(missing)
                        problems.append(table.problem(i, name, f"ids of rows that exist (no row has id {listed})"))
            elif name.endswith("_id") and target not in (None, table) and (table.name, name) not in HISTORY_FIELDS:
                known = {r[name] for r in target.rows}
                for i, row in enumerate(table.rows):
                    if row[name] is not None and row[name] not in known:
                        problems.append(table.problem(i, name, f"an id listed in {target.path}"))
    return problems


# Fields whose prose names rows by id, "(O111, O112)": the reasoning a reader follows to the evidence (a judgment's,
# and the weighing of a cause of the speed). The history's reasons record why a change was made then, so they may
# name rows dropped since.
PROSE_CITING_ROWS = {
    "judgments": ("statement", "assumptions", "alternative", "indicators"),
    "causes": ("assessment", "indicators"),
}


def prose_cites_rows_that_exist(tables: dict[str, Table], today: date) -> list[str]:
    """Every id a judgment's or a cause's reasoning names in its prose exists: prevents an assumption that still
    leans on a row dropped since ('the Assembly met in July (O116)' after O116 went with its unfound page)."""
    known = _row_ids(tables)
    problems = []
    for table_name, fields in PROSE_CITING_ROWS.items():
        table = tables.get(table_name)
        for name in fields if table is not None else ():
            if table.field(name) is None:
                continue
            for i, row in enumerate(table.rows):
                missing = sorted(set(CITED_IDS.findall(row[name] or "")) - known)
                if missing:
                    listed = ", ".join(missing)
                    problems.append(table.problem(i, name, f"ids of rows that exist (no row has id {listed})"))
    return problems


def fact_ids_carry_their_letter(tables: dict[str, Table], today: date) -> list[str]:
    """Every fact row's id starts with its table's letter (:data:`FACT_ID_LETTERS`): prevents a value's
    provenance link that sends the reader to the evidence page of another table, where its row is not."""
    problems = []
    for name, letter in FACT_ID_LETTERS.items():
        table = tables.get(name)
        if table is None or len(table.key) != 1:
            continue
        key = table.key[0]
        for i, row in enumerate(table.rows):
            if row[key] is not None and not str(row[key]).startswith(letter):
                problems.append(table.problem(i, key, f"an id starting with {letter}, the letter of {table.path}"))
    return problems


def judgment_history_consistent(tables: dict[str, Table], today: date) -> list[str]:
    """Each judgment's last change in judgment_history.csv agrees with judgments.csv: prevents a withdrawn or merged
    judgment still rendering as a box, and a standing judgment whose box cannot say when it last changed."""
    history, judgments = tables.get("judgment_history"), tables.get("judgments")
    if history is None or judgments is None or not judgments.rows:  # an emptied table is tables_not_empty's finding
        return []
    last: dict[str, tuple[int, dict]] = {}
    for i, row in sorted(enumerate(history.rows), key=lambda pair: str(pair[1]["date"])):
        last[row["judgment_id"]] = (i, row)
    standing = {row["judgment_id"] for row in judgments.rows}
    problems = [
        history.problem(i, "change", f"{row['judgment_id']} out of judgments.csv (its last change is {row['change']})")
        for i, row in last.values()
        if row["change"] in ENDING_CHANGES and row["judgment_id"] in standing
    ]
    problems += [
        history.problem(i, "judgment_id", f"a judgment in judgments.csv ({row['judgment_id']} was removed)")
        for i, row in last.values()
        if row["change"] not in ENDING_CHANGES and row["judgment_id"] not in standing
    ]
    problems += [
        judgments.problem(i, "judgment_id", "a judgment with at least one row in judgment_history.csv")
        for i, row in enumerate(judgments.rows)
        if row["judgment_id"] not in last
    ]
    return problems


def tables_not_empty(tables: dict[str, Table], today: date) -> list[str]:
    """Tables the book reads have rows: prevents an emptied table turning chapters blank without an error."""
    names = NON_EMPTY_TABLES if NON_EMPTY_TABLES is not None else [n for n, t in tables.items() if t.key]
    return [
        f"{tables[n].path}: has a header but no rows; expected at least one row (the book reads this table)"
        for n in names
        if n in tables and not tables[n].rows
    ]


def required_facts_present(tables: dict[str, Table], today: date) -> list[str]:
    """The facts the book is written around have rows (REQUIRED_FACTS): prevents a package cut short from building
    a chapter about an event it no longer records (a traceback from an empty selection, not a message)."""
    problems = []
    for name, field, value, what in REQUIRED_FACTS:
        table = tables.get(name)
        if table is not None and table.field(field) is not None and not any(r[field] == value for r in table.rows):
            problems.append(f"{table.path}: has no row with {field} {value!r}; expected at least one ({what})")
    return problems


def stated_facts_present(tables: dict[str, Table], today: date) -> list[str]:
    """The words a chapter gives in passing are in a report of their place (STATED_FACTS): prevents a package
    whose only report of them was dropped or moved from failing the chapter's build instead of validation."""
    problems = []
    for name, field, value, words, what in STATED_FACTS:
        table = tables.get(name)
        if table is None or table.field(field) is None:
            continue
        texts = (
            " ".join(r.get(c) or "" for c in ("summary", "quote", "quote_en")) for r in table.rows if r[field] == value
        )
        if not any(words.casefold() in t.casefold() for t in texts):
            problems.append(f"{table.path}: has no row with {field} {value!r} stating {words!r}; expected one ({what})")
    return problems


def _above(scale: Table):
    """``above(grade, cap)``: whether ``grade`` is better than ``cap`` on the reliability scale (the scale's order is
    the grade order, best first); grades not on the scale compare as neither."""
    rank = {r["grade"]: i for i, r in enumerate(scale.rows)}
    return lambda grade, cap: grade in rank and cap in rank and rank[grade] < rank[cap]


def grade_not_above_originator(tables: dict[str, Table], today: date) -> list[str]:
    """A source is graded no higher than its originator's standing: prevents a repost or relay of a monitor's or
    a party's claim from lending the claim the carrier's better grade (a SOHR figure in a wire story stays C)."""
    sources, originators, scale = tables.get("sources"), tables.get("originators"), tables.get("reliability_scale")
    if sources is None or originators is None or scale is None or not sources.field("reliability"):
        return []
    above = _above(scale)
    standing = {r["originator"]: r["standing"] for r in originators.rows}
    problems = []
    for i, row in enumerate(sources.rows):
        cap = standing.get(row["originator"])
        if above(row["reliability"], cap):
            expected = f"a grade of {cap} or weaker (the standing of originator {row['originator']!r})"
            problems.append(sources.problem(i, "reliability", expected))
    return problems


_COPY_WORDS = re.compile(r"\b(mirror|repost)\b", re.IGNORECASE)


def own_page(publisher: str, originator: str, via: str) -> bool:
    """Whether a source is the originator's own page: published under the originator's name (or that name followed
    by an edition, 'Rudaw Arabic'), with no carrier between them, and not marked a mirror or repost."""
    named = publisher == originator or publisher.startswith(originator + " ")
    return named and not via and not _COPY_WORDS.search(publisher)


def own_page_graded_at_standing(tables: dict[str, Table], today: date) -> list[str]:
    """An originator's own page carries the originator's standing: prevents one outlet's reporting from being
    graded B on one page and C on the next (the grade is the scale's judgement of the publisher, not the helper's
    of the page), and a standing that the originator's own pages contradict."""
    sources, originators = tables.get("sources"), tables.get("originators")
    if sources is None or originators is None or not sources.field("reliability"):
        return []
    standing = {r["originator"]: r["standing"] for r in originators.rows}
    problems = []
    for i, row in enumerate(sources.rows):
        cap = standing.get(row["originator"])
        if cap and own_page(row["publisher"], row["originator"], row["via"]) and row["reliability"] != cap:
            expected = f"{cap}, the standing of originator {row['originator']!r} (this is its own page)"
            problems.append(sources.problem(i, "reliability", expected))
    return problems


# Control characters, line and paragraph separators and every invisible format character (Unicode categories Cc,
# Cf, Zl, Zp but tab and line ends): bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069),
# zero-width spaces and joiners, soft hyphens, the byte-order mark, tag characters; and the replacement character.
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ufffd\U000110bd\U000110cd"
    "\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)


def text_clean(tables: dict[str, Table], today: date) -> list[str]:
    """Text is at most MAX_TEXT_LENGTH characters of NFC Unicode without control, bidi or invisible format
    characters or mojibake: prevents a pasted article (or a runaway quote that swallowed the rest of the file)
    published as one summary, look-alike ids that do not match, text whose displayed order differs from its stored
    order (a bidi override), invisible characters, and text that was decoded with the wrong encoding (e.g. 'Ã©'
    for 'é')."""
    return [problem for table in tables.values() for problem in _unclean_text(table)]


@lru_cache(maxsize=64)
def _unclean_text(table: Table) -> tuple[str, ...]:
    """text_clean for one table; cached on the parsed table (the same bytes give the same object)."""
    problems = []
    for name in table.names("string"):
        for i, raw in enumerate(table.raw):
            text = raw[name]
            if len(text) > MAX_TEXT_LENGTH:
                problems.append(
                    f"{table.path}: line {table.lines[i]}: field '{name}' value {text[:40]!r}... ({len(text)}"
                    f" characters): expected text of at most {MAX_TEXT_LENGTH} characters"
                )
            elif found := _CONTROL.search(text):
                where = f"U+{ord(found.group()):04X} at character {found.start() + 1}"
                problems.append(table.problem(i, name, f"text without control, bidi or invisible characters ({where})"))
            elif text.isascii():
                continue
            elif not unicodedata.is_normalized("NFC", text):
                problems.append(table.problem(i, name, "text in Unicode NFC form (composed accents)"))
            elif (fixed := _unmojibake(text)) is not None:
                problems.append(table.problem(i, name, f"correctly decoded UTF-8 text ({fixed!r}?)"))
    return tuple(problems)


def _unmojibake(text: str) -> str | None:
    """The text as it reads when UTF-8 bytes were wrongly decoded as Windows-1252/Latin-1, or None."""
    for codec in ("cp1252", "latin-1"):
        try:
            fixed = text.encode(codec).decode("utf-8")
        except UnicodeError:
            continue
        if fixed != text:
            return fixed
    return None


# A private-use character (the planes' private-use areas lie above U+1F000) or an emoji or pictograph from U+1F000
# up: the print edition's fonts have no glyph for them, and a reference manager reading the bibliography none either.
_UNPRINTABLE = re.compile("[\ue000-\uf8ff\U0001f000-\U0010ffff]")


def bibliography_text_has_no_private_use(tables: dict[str, Table], today: date) -> list[str]:
    """Text exported to the bibliography has no private-use characters and no emoji: prevents a character no font
    of the print edition has from printing as a gap in the PDF and in the exported bibliography."""
    problems = []
    for name, fields in BIBLIOGRAPHY_FIELDS.items():
        table = tables.get(name)
        if table is None:
            continue
        for field in fields:
            if table.field(field) is None:
                continue
            for i, raw in enumerate(table.raw):
                if _UNPRINTABLE.search(raw[field]):
                    problems.append(table.problem(i, field, "text without private-use characters or emoji"))
    return problems


def measures_not_negative(tables: dict[str, Table], today: date) -> list[str]:
    """Durations, distances, areas, prices, ranks and years are >= 0: prevents a negative number of days or
    kilometres (a lost minus sign the count rule would not see, as these are not counts)."""
    problems = []
    for table in tables.values():
        if table.field("unit") is None or table.field("unit").get("type", "string") != "string":
            continue
        for i, row in enumerate(table.rows):
            if row["unit"] not in NON_NEGATIVE_MEASURES:
                continue
            for name in _numbers(table):
                value = row[name]
                if value is not None and value < 0:
                    problems.append(table.problem(i, name, f"a value in {row['unit']} >= 0"))
    return problems


def _metric_kinds(tables: dict[str, Table]) -> dict[str, str]:
    metrics = tables.get("metrics")
    if metrics is None or metrics.field("metric") is None or metrics.field("kind") is None:
        return {}
    return {row["metric"]: row["kind"] for row in metrics.rows}


def percentages_are_shares(tables: dict[str, Table], today: date) -> list[str]:
    """A value in percent lies within 0-100 unless its metric measures a change (kind 'change' in metrics.csv):
    prevents a share of 170 % from being published, in a figure or in a metric's plausible range."""
    problems = []
    kinds = _metric_kinds(tables)
    low, high = PERCENT_RANGE
    for table in tables.values():
        if table.field("unit") is None or table.field("unit").get("type", "string") != "string":
            continue
        for i, row in enumerate(table.rows):
            if row["unit"] != PERCENT_UNIT or kinds.get(row.get("metric")) == PERCENT_CHANGE_KIND:
                continue
            for name in _numbers(table):
                value = row[name]
                if value is not None and math.isfinite(value) and not low <= value <= high:
                    expected = (
                        f"a share within {low}-{high} percent (a metric that measures a change in percent has kind"
                        f" {PERCENT_CHANGE_KIND!r} in metrics.csv)"
                    )
                    problems.append(table.problem(i, name, expected))
    return problems


def figures_within_metric_range(tables: dict[str, Table], today: date) -> list[str]:
    """A figure lies within its metric's plausible range (minimum-maximum in metrics.csv), and each range is in
    order: prevents a slipped digit or sign (400,000 deaths for 40,000, -11 days) from reaching the prose."""
    metrics = tables.get("metrics")
    if metrics is None or metrics.field("metric") is None or not _numeric(metrics, "minimum", "maximum"):
        return []
    problems, ranges = [], {}
    for i, row in enumerate(metrics.rows):
        low, high = row["minimum"], row["maximum"]
        if low is not None and high is not None and low > high:
            problems.append(metrics.problem(i, "minimum", f"minimum <= maximum ({metrics.raw[i]['maximum']})"))
        else:
            ranges[row["metric"]] = (low, high, f"{metrics.raw[i]['minimum']} to {metrics.raw[i]['maximum']}")
    for table in tables.values():
        if table is metrics or table.field("metric") is None:
            continue
        names = [name for name in ("value", "low", "high") if name in _numbers(table)]
        signed_rules = COUNT_UNITS | NON_NEGATIVE_MEASURES if table.field("unit") is not None else frozenset()
        for i, row in enumerate(table.rows):
            low, high, shown = ranges.get(row["metric"], (None, None, ""))
            for name in names:
                value = row[name]
                if value is None or not math.isfinite(value) or (value < 0 and row.get("unit") in signed_rules):
                    continue  # a negative count or measure is reported by its own rule
                if (low is not None and value < low) or (high is not None and value > high):
                    expected = f"a value within the plausible range of metric {row['metric']!r} ({shown}, metrics.csv)"
                    problems.append(table.problem(i, name, expected))
    return problems


def fields_differ(tables: dict[str, Table], today: date) -> list[str]:
    """Paired fields name different rows (DIFFERENT_FIELDS: taken_by differs from taken_from): prevents a control
    change in which an actor takes a place from itself, which no map of who held what can draw."""
    problems = []
    for table in tables.values():
        for first, second in DIFFERENT_FIELDS:
            if table.field(first) is None or table.field(second) is None:
                continue
            for i, row in enumerate(table.rows):
                if row[first] is not None and row[first] == row[second]:
                    problems.append(table.problem(i, second, f"another value than {first} ({table.raw[i][first]})"))
    return problems


# --- one page, one source row; relays named in summaries; duplicate fact rows (issue #29) ---------------------

# Host prefixes that serve the same page as the bare host (mobile, AMP, www).
URL_HOST_PREFIXES = ("www.", "m.", "amp.")
# Query parameters that track a visit but do not choose the page.
TRACKING_PARAMETERS = frozenset({"fbclid", "gclid", "dclid", "msclkid", "maca", "ocid", "cmpid", "mc_cid", "mc_eid"})
TRACKING_PREFIXES = ("utm_", "at_")
_DEFAULT_PORTS = {"http": 80, "https": 443}


@lru_cache(maxsize=4096)
def normalised_url(url: str) -> str:
    """The page a URL names, for comparing two: scheme dropped, host lower-case without a www./m./amp. prefix or
    default port, zero-padded numbers in path segments unpadded, no trailing slash, tracking parameters and
    fragment dropped, the other parameters sorted."""
    try:
        parts = urllib.parse.urlsplit(url.strip())
    except ValueError:  # e.g. an unclosed IPv6 bracket: compared as written
        return url.strip()
    host = (parts.hostname or "").lower()
    for prefix in URL_HOST_PREFIXES:
        if host.startswith(prefix):
            host = host[len(prefix) :]
            break
    try:
        port = parts.port
    except ValueError:
        port = None
    if port is not None and port != _DEFAULT_PORTS.get(parts.scheme.lower()):
        host += f":{port}"
    segments = [str(int(s)) if s.isdigit() else s for s in parts.path.split("/")]
    path = "/".join(segments).rstrip("/")
    query = sorted(
        (key, value)
        for key, value in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
        if key.lower() not in TRACKING_PARAMETERS and not key.lower().startswith(TRACKING_PREFIXES)
    )
    return host + path + ("?" + urllib.parse.urlencode(query) if query else "")


def one_source_row_per_page(tables: dict[str, Table], today: date) -> list[str]:
    """No two source rows name the same page (URLs compared by :func:`normalised_url`): prevents one report
    counted as two sources, and two grades or access dates for one copy."""
    sources = tables.get("sources")
    if sources is None or sources.field("url") is None:
        return []
    problems, seen = [], {}
    for i, raw in enumerate(sources.raw):
        page = normalised_url(raw["url"])
        if page in seen:
            first = seen[page]
            problems.append(
                sources.problem(
                    i, "url", f"a page no other row lists (line {sources.lines[first]} lists the same page)"
                )
            )
        else:
            seen[page] = i
    return problems


# Words in a fact row's summary that name the carrier a report came through ("via AFP", "quoted by SANA").
_NAME = r"(?:[A-Z0-9](?:[\w'’.&-]*\w)?|(?:al|el)-[\w'’-]*\w)"  # a capitalised word, or al-/el- and a word
_NAMES = rf"{_NAME}(?:\s+{_NAME})*"
_RELAY = re.compile(rf"\b(?:via|quoted by|relayed by)\s+(?:the\s+)?({_NAMES}(?:\s*(?:/|\band\b)\s*{_NAMES})*)")
_NAME_SPLIT = re.compile(r"\s*(?:/|\||;|,|\(|\)|\band\b)\s*")  # names in a list, or a name and its gloss


@lru_cache(maxsize=8192)
def _words(name: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", name.casefold()))


def _named_in(name: tuple[str, ...], known: set[tuple[str, ...]]) -> bool:
    """Whether ``name`` is one of ``known`` or a run of words contains, or is contained in, one of them."""
    text = f" {' '.join(name)} "
    return any(f" {' '.join(k)} " in text or text in f" {' '.join(k)} " for k in known if k)


def _summaries(tables: dict[str, Table], sources: Table) -> Iterator[tuple[Table, int, dict]]:
    """Every fact row that has a summary and cites a source, with its table and index: what the checks of credits
    and relays in summaries read."""
    for table in tables.values():
        if table is sources or table.field("summary") is None or table.field("source_id") is None:
            continue
        for i, row in enumerate(table.rows):
            if row["summary"]:
                yield table, i, row


def relays_are_recorded(tables: dict[str, Table], today: date) -> list[str]:
    """A carrier a fact row's summary names ("via X", "quoted by X") is its source row's publisher, originator or
    one of its via carriers: prevents a relay the registry does not record, which hides a step between the
    originator and the copy read (a place or actor named after "via" is not a carrier, so those are left alone)."""
    sources = tables.get("sources")
    if sources is None or sources.field("source_id") is None:
        return []
    carriers = {}
    for row in sources.rows:
        names = [row.get("publisher"), row.get("originator"), *_NAME_SPLIT.split(row.get("via") or "")]
        carriers[row["source_id"]] = {_words(n) for n in names if n}
    others = set()
    for name, field_names in (("places", ("name", "alt_names")), ("actors", ("name",))):
        for row in tables[name].rows if name in tables else ():
            for field in field_names:
                others |= {_words(n) for n in _NAME_SPLIT.split(row.get(field) or "") if n.strip()}
    problems = []
    for table, i, row in _summaries(tables, sources):
        known = carriers.get(row["source_id"])
        if known is None:
            continue
        for match in _RELAY.finditer(row["summary"]):
            for name in _NAME_SPLIT.split(match.group(1)):
                words = _words(name)
                if words and words not in others and not _named_in(words, known):
                    expected = (
                        f"a relay recorded in sources.csv ({name!r} is not the publisher, originator or a via"
                        f" carrier of source {row['source_id']!r})"
                    )
                    problems.append(table.problem(i, "summary", expected))
    return problems


# Words in a summary that credit a report to someone and name the copy it came through: "AP (via CTV News ...".
_CREDIT = re.compile(rf"({_NAMES})\s*\((?:via|quoted by|relayed by|carried by)\b")
_CREDIT_MARK = re.compile(r"\((?:via|quoted by|relayed by|carried by)\b")  # cheap test before the full pattern


def credits_are_recorded(tables: dict[str, Table], today: date) -> list[str]:
    """Whoever a summary credits before the copy it came through ("AP (via CTV News)") is its source row's
    originator (or an alias) or a via carrier, or the row's speaker: prevents a wire's credit that the page, and so the
    registry, does not give (once a page is found to be the outlet's own report, its rows cannot keep the wire)."""
    sources, originators = tables.get("sources"), tables.get("originators")
    if sources is None or originators is None or sources.field("source_id") is None:
        return []
    aliases = {r["originator"]: r for r in originators.rows}
    credited = {}
    for row in sources.rows:
        known = _originator_names(aliases.get(row["originator"], {"originator": row["originator"]}))
        credited[row["source_id"]] = known | {_words(n) for n in _NAME_SPLIT.split(row.get("via") or "") if n}
    problems = []
    for table, i, row in _summaries(tables, sources):
        known = credited.get(row["source_id"])
        if known is None or not _CREDIT_MARK.search(row["summary"]):
            continue
        speaker = row.get("speaker") or ""
        if speaker:
            known = known | _originator_names(aliases.get(speaker, {"originator": speaker}))
        for match in _CREDIT.finditer(row["summary"]):
            words = _words(match.group(1))
            if words and not words[0][0].isdigit() and not _named_in(words, known):  # a date is no credit
                expected = (
                    f"a credit recorded in sources.csv ({match.group(1)!r} is not the originator, a via carrier or"
                    f" the speaker of source {row['source_id']!r})"
                )
                problems.append(table.problem(i, "summary", expected))
    return problems


def _originator_names(row: dict) -> frozenset[tuple[str, ...]]:
    """The words an originator is named by: its name, its name without a gloss and the gloss ('Ahmed al-Sharaa
    (al-Jolani)'), and its aliases (originators.csv; proper names of it or of whoever speaks for it)."""
    return _names_of(row["originator"], row.get("aliases") or "")


@lru_cache(maxsize=4096)
def _names_of(name: str, aliases: str) -> frozenset[tuple[str, ...]]:
    names = [name, re.sub(r"\s*\(.*?\)", "", name), *re.findall(r"\((.*?)\)", name), *aliases.split(";")]
    return frozenset(_words(n) for n in names if _words(n))


def speaker_caps_the_grade(tables: dict[str, Table], today: date) -> list[str]:
    """A row whose speaker is not its page's originator (``speaker``) rests on a copy graded no higher than the
    speaker's standing: prevents a monitor's count on a broadcaster's round-up from borrowing the broadcaster's
    grade, as the source-level rule prevents for a page with one originator."""
    sources, originators, scale = tables.get("sources"), tables.get("originators"), tables.get("reliability_scale")
    if sources is None or originators is None or scale is None:
        return []
    above = _above(scale)
    standing = {r["originator"]: r["standing"] for r in originators.rows}
    grade = {r["source_id"]: r["reliability"] for r in sources.rows}
    problems = []
    for table in tables.values():
        if table.field("speaker") is None:
            continue
        for i, row in enumerate(table.rows):
            cap, got = standing.get(row["speaker"] or ""), grade.get(row["source_id"])
            if above(got, cap):
                expected = f"a copy graded {cap} or weaker (the standing of speaker {row['speaker']!r}); it is {got}"
                problems.append(table.problem(i, "speaker", expected))
    return problems


def summaries_name_their_originator(tables: dict[str, Table], today: date) -> list[str]:
    """A fact row read on a copy that is not its originator's own page names the originator in its summary (by name
    or an alias; a row's ``speaker``, where given, in place of the page's originator): prevents a relayed claim
    told in the carrier's voice ('IRNA reported that the airport was
    retaken', where IRNA passed on another outlet's correspondent), the overstatement a fact-checker finds most."""
    sources, originators = tables.get("sources"), tables.get("originators")
    if sources is None or originators is None or sources.field("source_id") is None:
        return []
    by_name = {r["originator"]: r for r in originators.rows}
    # a joint originator ('Kremlin; Presidency of Türkiye') is named when each of its parts is, by its own names
    names = {
        name: [_originator_names(by_name.get(part.strip(), {"originator": part.strip()})) for part in name.split(";")]
        for name in by_name
    }
    relayed = {
        r["source_id"]: r["originator"]
        for r in sources.rows
        if not own_page(r["publisher"], r["originator"], r.get("via") or "")
    }
    problems = []
    for table, i, row in _summaries(tables, sources):
        originator = row.get("speaker") or relayed.get(row["source_id"])
        if originator is None:
            continue
        said = f" {' '.join(_words(row['summary']))} "
        parts = names.get(originator, [])
        if not all(any(f" {' '.join(n)} " in said for n in part) for part in parts):
            expected = f"a summary that names its originator {originator!r} (or an alias in originators.csv)"
            problems.append(table.problem(i, "summary", expected))
    return problems


# Fields that make two fact rows of one source report the same thing: the same date and place, or the same metric
# and value; and how alike their summaries must be (difflib's ratio, case and spacing aside) to be one report:
# retellings of one report by one source score 0.6 and more in this package (the same words reordered, a clause
# added); below it, different statements of one source, day and place begin (0.41: a minister's and a ministry's).
# What makes two rows the same fact: an event of one kind at one place on one day, one force taking one place on
# one day, one figure. Two kinds of event one page reports for the same place and day are two facts.
SAME_FACT_FIELDS = (("date", "place_id", "category"), ("date", "place_id", "taken_by"), ("metric", "value"))
NEAR_IDENTICAL = 0.6


def _summary_key(text: str) -> str:
    return " ".join(text.casefold().split())


@lru_cache(maxsize=8192)
def _near_identical(first: str, second: str) -> bool:
    """Whether two summaries read as one report retold (difflib's ratio at least NEAR_IDENTICAL)."""
    matcher = difflib.SequenceMatcher(None, _summary_key(first), _summary_key(second), autojunk=False)
    return matcher.quick_ratio() >= NEAR_IDENTICAL and matcher.ratio() >= NEAR_IDENTICAL


def no_duplicate_facts(tables: dict[str, Table], today: date) -> list[str]:
    """No two fact rows with the same source and the same date and place (or metric and value) have near-identical
    summaries: prevents one report entered twice from counting as two reports."""
    problems = []
    for table in tables.values():
        if table.field("summary") is None or table.field("source_id") is None:
            continue
        reported = set()
        for fields in SAME_FACT_FIELDS:
            if not all(table.field(f) is not None for f in fields):
                continue
            groups: dict[tuple, list[int]] = {}
            for i, row in enumerate(table.rows):
                values = tuple(row[f] for f in fields)
                if None not in values:
                    groups.setdefault((row["source_id"], values), []).append(i)
            for rows in groups.values():
                for n, later in enumerate(rows):
                    for earlier in rows[:n]:
                        if (earlier, later) in reported:
                            continue
                        if _near_identical(table.raw[earlier]["summary"], table.raw[later]["summary"]):
                            reported.add((earlier, later))
                            same = " and ".join(fields)
                            expected = (
                                f"a report other than line {table.lines[earlier]}'s (same source, {same} and a"
                                " near-identical summary: one report entered twice?)"
                            )
                            problems.append(table.problem(later, "summary", expected))
    return problems


# --- the Arabic edition: sourced values and the translations catalogue (issue #34) ------------------------------

# A field ``<f>_source_id`` names the source of field ``<f>`` of the same row (places: name_ar, community).
SOURCE_SUFFIX = "_source_id"
# The catalogue of the book's translations: one row per translated field of a row (or per value of a field whose
# values come from a fixed list), in a language of TRANSLATION_SCRIPTS.
TRANSLATIONS = "translations"
# The pattern of a field of free text (PATTERN_MEANINGS in hamabook.data): the fields a translation may translate,
# besides a field whose values come from a fixed list (an enum).
FREE_TEXT_PATTERN = r"^(?!\s)[^<>]*(?<!\s)$"
# The letters of each translation language's script: at least half the letters of a translation are of it.
TRANSLATION_SCRIPTS = {"ar": ("Arabic", re.compile("[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]"))}
# Ids of rows, judgments, hypotheses and causes a text cites (E1036, K086, J30, H2, C1): a translation cites the same.
CITED_IDS = re.compile(r"(?<![A-Za-z0-9])[A-Z][0-9]{1,4}(?![A-Za-z0-9])")


def sourced_values_have_sources(tables: dict[str, Table], today: date) -> list[str]:
    """A value with a source field (``name_ar`` and ``name_ar_source_id``) has its source, and a source names a
    value: prevents an Arabic place name nobody can trace to a gazetteer or a source's own words, and a source
    cited for a name that was removed."""
    problems = []
    for table in tables.values():
        for name in table.names("string"):
            value = name.removesuffix(SOURCE_SUFFIX)
            if value == name or table.field(value) is None:
                continue
            for i, row in enumerate(table.rows):
                if row[value] is not None and row[name] is None:
                    problems.append(table.problem(i, name, f"the source of {value} {table.raw[i][value]!r}"))
                elif row[value] is None and row[name] is not None:
                    problems.append(table.problem(i, name, f"no source while {value} is blank (or a {value})"))
    return problems


def _translatable(table: Table, name: str) -> str | None:
    """Why field ``name`` of ``table`` cannot be translated, or None: a translation is of free text or of a value
    from a fixed list, never of a number, an id, a code or a reference to another row."""
    field = table.field(name)
    if field is None:
        return f"a field of {table.path} ({', '.join(table.names())})"
    constraints = field.get("constraints", {})
    free = constraints.get("pattern") == FREE_TEXT_PATTERN or "enum" in constraints
    if field.get("type", "string") != "string" or not free or name in table.references:
        return f"a text field of {table.path} (not a number, id, code or reference: {name!r} is not one)"
    return None


def translations_name_what_exists(tables: dict[str, Table], today: date) -> list[str]:
    """Each translation names a table, a text field of it and a row (by its key) or, for a field whose values come
    from a fixed list, one of those values: prevents a translation left behind when its row is deleted or renamed,
    and one of an id, number or reference (which the book never shows translated)."""
    catalogue = tables.get(TRANSLATIONS)
    if catalogue is None or any(catalogue.field(f) is None for f in ("table", "key", "field")):
        return []
    problems, index = [], {}
    for i, row in enumerate(catalogue.rows):
        table = tables.get(row["table"])
        if table is None or table is catalogue:
            names = ", ".join(n for n in tables if n != TRANSLATIONS)
            problems.append(catalogue.problem(i, "table", f"a table of the package ({names})"))
            continue
        if not table.rows:
            continue  # an emptied table is tables_not_empty's finding
        why = _translatable(table, row["field"])
        if why is not None:
            problems.append(catalogue.problem(i, "field", why))
            continue
        allowed = table.field(row["field"]).get("constraints", {}).get("enum")
        if allowed is not None:
            if row["key"] not in allowed:
                expected = f"a value of {table.path} field {row['field']!r} ({', '.join(map(str, allowed))})"
                problems.append(catalogue.problem(i, "key", expected))
        elif len(table.key) != 1:
            problems.append(catalogue.problem(i, "table", f"a table with a one-field key ({table.path} has none)"))
        elif row["key"] not in _keys_of(table, index):
            expected = f"the {table.key[0]} of a row of {table.path} (no row has {row['key']!r})"
            problems.append(catalogue.problem(i, "key", expected))
    return problems


def _keys_of(table: Table, index: dict[str, dict[str, dict]]) -> dict[str, dict]:
    """A one-field-key table's rows by their key, as text (the first row of a repeated key: duplicate keys are
    another rule's finding), made once per check in ``index``."""
    if table.path not in index:
        keyed = index[table.path] = {}
        for r in table.rows:
            keyed.setdefault(str(r[table.key[0]]), r)
    return index[table.path]


@lru_cache(maxsize=8192)
def _mostly_in(text: str, lang: str) -> bool:
    """Whether at least half the letters of ``text`` are in the script of ``lang`` (TRANSLATION_SCRIPTS)."""
    letters = [c for c in text if c.isalpha()]
    return len([c for c in letters if TRANSLATION_SCRIPTS[lang][1].match(c)]) * 2 >= len(letters)


def translations_in_their_script(tables: dict[str, Table], today: date) -> list[str]:
    """A translation is written in its language's script (at least half its letters): prevents the English text,
    or a transliteration, filed as the book's Arabic."""
    catalogue = tables.get(TRANSLATIONS)
    if catalogue is None or catalogue.field("lang") is None or catalogue.field("text") is None:
        return []
    problems = []
    for i, row in enumerate(catalogue.rows):
        script = TRANSLATION_SCRIPTS.get(row["lang"])
        if script is not None and not _mostly_in(row["text"] or "", row["lang"]):
            problems.append(catalogue.problem(i, "text", f"text in the {script[0]} script (lang {row['lang']!r})"))
    return problems


def translations_cite_the_same_ids(tables: dict[str, Table], today: date) -> list[str]:
    """A translation cites the same row, judgment, hypothesis and cause ids as the text it translates: prevents a
    translated judgment that drops, adds or mistypes the evidence it rests on (E1036 for E1063)."""
    catalogue = tables.get(TRANSLATIONS)
    if catalogue is None or catalogue.field("text") is None:
        return []
    problems, index = [], {}
    for i, row in enumerate(catalogue.rows):
        table = tables.get(row["table"])
        if table is None or len(table.key) != 1 or table.field(row["field"] or "") is None:
            continue  # reported by translations_name_what_exists
        original = _keys_of(table, index).get(row["key"])
        if original is None or not isinstance(original[row["field"]], str):
            continue
        english, translated = set(CITED_IDS.findall(original[row["field"]])), set(CITED_IDS.findall(row["text"]))
        if english != translated:
            detail = [f"missing {', '.join(sorted(english - translated))}"] if english - translated else []
            detail += [f"not in the original {', '.join(sorted(translated - english))}"] if translated - english else []
            expected = f"the ids {row['table']}.{row['field']} cites ({'; '.join(detail)})"
            problems.append(catalogue.problem(i, "text", expected))
    return problems


RULES: list[Rule] = [
    numbers_finite,
    units_known,
    counts_whole_and_non_negative,
    low_not_above_high,
    value_within_range,
    value_or_range,
    coordinates_in_syria,
    dates_not_in_future,
    dates_in_order,
    cited_ids_exist,
    prose_cites_rows_that_exist,
    fact_ids_carry_their_letter,
    judgment_history_consistent,
    tables_not_empty,
    required_facts_present,
    stated_facts_present,
    text_clean,
    measures_not_negative,
    percentages_are_shares,
    figures_within_metric_range,
    fields_differ,
    bibliography_text_has_no_private_use,
    grade_not_above_originator,
    own_page_graded_at_standing,
    one_source_row_per_page,
    relays_are_recorded,
    credits_are_recorded,
    summaries_name_their_originator,
    speaker_caps_the_grade,
    no_duplicate_facts,
    sourced_values_have_sources,
    translations_name_what_exists,
    translations_in_their_script,
    translations_cite_the_same_ids,
]


def run_checks(tables: dict[str, Table], today: date) -> list[str]:
    """Run every rule; a rule that fails is reported as one line, never as a traceback."""
    problems = []
    for rule in RULES:
        try:
            problems += rule(tables, today)
        except Exception as exc:  # noqa: BLE001 - a bug in a rule must not hide the other rules' findings
            problems.append(f"{DESCRIPTOR}: rule {rule.__name__} could not run ({type(exc).__name__}: {exc})")
    return problems
