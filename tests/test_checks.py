"""Each semantic rule and each catalogued corruption: bad input is reported, one line per problem, never raised."""

import re
import shutil
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from corruptions import CATALOGUE, TODAY, TOMORROW, Corruption

from hamabook import DATA_DIR
from hamabook.__main__ import main
from hamabook.data import DataError, checks, load, parse_package, validate_package

# Every message is one line: a cell (file: line N: field 'x' value 'v': expected ...), a line
# (file: line N ...) or a whole file (file: ...).
MESSAGE = re.compile(
    r"(?P<file>[\w.-]+\.(csv|json)): "
    r"(line \d+: field '[^']+' value .*: expected .+|line \d+( |: ).+|(?!line \d).+)"
)


def assert_messages(problems: list[str]) -> None:
    for line in problems:
        assert "\n" not in line and MESSAGE.fullmatch(line), f"message not in the agreed form: {line!r}"
        assert "could not run" not in line, line


@pytest.fixture(scope="module")
def real_tables():
    tables, problems = parse_package(DATA_DIR)
    assert problems == []
    return tables


def test_real_data_passes_every_rule():
    assert validate_package(today=TODAY) == []


@pytest.mark.parametrize("rule", checks.RULES, ids=lambda r: r.__name__)
def test_rule_is_documented_and_quiet_on_real_data(rule, real_tables):
    assert rule.__doc__ and "prevent" in rule.__doc__.lower(), f"{rule.__name__} must say which failure it prevents"
    assert rule(real_tables, TODAY) == []


@pytest.mark.parametrize("corruption", CATALOGUE, ids=lambda c: c.name)
def test_corruption_is_reported(corruption: Corruption, data_copy: Path):
    corruption.apply(data_copy)
    problems = validate_package(data_copy, today=TODAY)
    assert problems, f"{corruption.name} was accepted"
    assert_messages(problems)
    assert any(corruption.expect in p for p in problems), f"{corruption.expect!r} not in {problems}"
    if corruption.only:
        assert len(problems) == 1, problems
    with pytest.raises(DataError):
        load("events", data_copy)


def test_catalogue_has_fifty_kinds_with_unique_names():
    names = [c.name for c in CATALOGUE]
    assert len(names) >= 50 and len(set(names)) == len(names)


def test_every_rule_fires_on_some_corruption(tmp_path: Path):
    """Each rule is proved by at least one catalogued corruption (run on a fresh copy each)."""
    fired = set()
    for corruption in CATALOGUE:
        copy = tmp_path / corruption.name
        shutil.copytree(DATA_DIR, copy)
        corruption.apply(copy)
        tables, problems = parse_package(copy)
        if problems:
            continue
        for rule in checks.RULES:
            if rule(tables, TODAY):
                fired.add(rule.__name__)
    assert {r.__name__ for r in checks.RULES} - fired == set()


def test_cli_reports_and_exits_1_without_writing(data_copy: Path, capsys):
    next(c for c in CATALOGUE if c.name == "stray_comma").apply(data_copy)
    before = {p.name: p.read_bytes() for p in data_copy.iterdir()}
    assert main(["validate", str(data_copy), "--today", TODAY.isoformat()]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and err[-1] == "data package INVALID: 1 problem(s)"
    assert_messages(err[:-1])
    assert {p.name: p.read_bytes() for p in data_copy.iterdir()} == before


def test_cli_accepts_the_real_package(capsys):
    assert main(["validate", "--today", TODAY.isoformat()]) == 0
    assert "data package valid" in capsys.readouterr().out


def test_validation_date_is_a_parameter(data_copy: Path):
    next(c for c in CATALOGUE if c.name == "as_of_after_today").apply(data_copy)
    assert validate_package(data_copy, today=TODAY)
    assert validate_package(data_copy, today=date.fromisoformat(TOMORROW)) == []


def test_rule_that_crashes_is_one_line(monkeypatch, real_tables):
    def broken(tables, today):
        """Prevents nothing."""
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(checks, "RULES", [broken])
    assert checks.run_checks(real_tables, TODAY) == [
        "datapackage.json: rule broken could not run (ZeroDivisionError: boom)"
    ]


def test_topics_and_judgment_chapters_come_from_the_chapters_registry(data_copy: Path):
    events = data_copy / "events.csv"
    events.write_text(events.read_text(encoding="utf-8").replace(",battle,", ",nowhere,", 1), encoding="utf-8")
    problems = validate_package(data_copy, today=TODAY)
    assert any("events.csv" in p and "'nowhere'" in p and "chapters" in p for p in problems), problems


def test_text_rule_rejects_every_control_and_invisible_format_character():
    """The character class of text_clean holds every code point of categories Cc, Cf, Zl and Zp (bidi controls,
    zero-width characters, tags...) but tab and the line ends a quoted cell may hold."""
    kinds = ("Cc", "Cf", "Zl", "Zp")
    missed = [
        f"U+{c:04X}"
        for c in range(0x110000)
        if unicodedata.category(chr(c)) in kinds and chr(c) not in "\t\n\r" and not checks._CONTROL.match(chr(c))
    ]
    assert missed == []


def test_urls_of_one_page_normalise_alike():
    same = [
        "https://www.example.org/news/2024/12/05/story/?utm_source=feed&id=7&fbclid=x#top",
        "http://m.example.org:80/news/2024/12/5/story?id=7",
        "https://amp.example.org:443/news/2024/012/05/story?at_medium=rss&maca=en-rss&id=7",
    ]
    assert len({checks.normalised_url(url) for url in same}) == 1
    different = [
        "https://example.org/a?id=1",
        "https://example.org/a?id=2",
        "https://example.org:8080/a",
        "http://[::1",
    ]
    assert len({checks.normalised_url(url) for url in different}) == len(different)
