"""The data package validates, and each kind of bad input is rejected with a precise message."""

import csv
import io
from pathlib import Path

import pytest

from hamabook.data import DataError, NotFound, load, row, validate_package


def test_package_is_valid():
    assert validate_package() == []


def test_load_returns_typed_tables():
    events = load("events")
    assert str(events["date"].dtype).startswith("datetime64")
    assert events["credibility"].dtype == "Int64"
    assert events["event_id"].is_unique


def test_load_unknown_table():
    with pytest.raises(KeyError, match="no table 'nope'"):
        load("nope")


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def _write(path: Path, rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def _set(data: Path, table: str, line: int, field: str, value: str) -> None:
    """Set one cell: ``line`` is the file line (header is line 1)."""
    rows = _rows(data / f"{table}.csv")
    rows[line - 1][rows[0].index(field)] = value
    _write(data / f"{table}.csv", rows)


def _cell(data: Path, table: str, line: int, field: str) -> str:
    rows = _rows(data / f"{table}.csv")
    return rows[line - 1][rows[0].index(field)]


def _only(problems: list[str]) -> str:
    assert len(problems) >= 1, "expected the corruption to be reported"
    return problems[0]


@pytest.mark.parametrize(
    ("table", "field", "value", "expected"),
    [
        (
            "events",
            "credibility",
            "high",
            "events.csv: line 2: field 'credibility' value 'high': expected a whole number",
        ),
        (
            "events",
            "date",
            "2024-13-01",
            "events.csv: line 2: field 'date' value '2024-13-01': expected a date written YYYY-MM-DD",
        ),
        (
            "events",
            "date",
            "1890-01-01",
            "events.csv: line 2: field 'date' value '1890-01-01': expected a value >= 1946-01-01",
        ),
        (
            "events",
            "date",
            "2031-01-01",
            "events.csv: line 2: field 'date' value '2031-01-01': expected a value <= 2026-12-31",
        ),
        (
            "events",
            "summary",
            "",
            "events.csv: line 2: field 'summary' value '': expected a value (the field is required)",
        ),
        (
            "events",
            "summary",
            "   ",
            "events.csv: line 2: field 'summary' value '   ': expected text without leading/trailing",
        ),
        (
            "events",
            "summary",
            "<script>alert(1)</script>",
            "events.csv: line 2: field 'summary' value '<script>alert(1)</script>': expected text without",
        ),
        ("events", "credibility", "9", "events.csv: line 2: field 'credibility' value '9': expected a value <= 6"),
        (
            "sources",
            "reliability",
            "G",
            "sources.csv: line 2: field 'reliability' value 'G': expected one of A, B, C, D, E, F",
        ),
        (
            "sources",
            "url",
            "htp:/bad url",
            "sources.csv: line 2: field 'url' value 'htp:/bad url': expected an http(s) URL without spaces",
        ),
        ("sources", "kind", "tabloid", "sources.csv: line 2: field 'kind' value 'tabloid': expected one of un_agency"),
        ("places", "latitude", "95", "places.csv: line 2: field 'latitude' value '95': expected a value <= 90"),
        ("figures", "value", "1,000", "figures.csv: line 2: field 'value' value '1,000': expected a number"),
        (
            "figures",
            "as_of_precision",
            "week",
            "figures.csv: line 2: field 'as_of_precision' value 'week': expected one of day, month, year",
        ),
        ("events", "event_id", "e1", "events.csv: line 2: field 'event_id' value 'e1': expected an id such as E001"),
    ],
)
def test_bad_cell_is_reported(data_copy, table, field, value, expected):
    _set(data_copy, table, 2, field, value)
    assert _only(validate_package(data_copy)).startswith(expected)


def test_unknown_source_id(data_copy):
    _set(data_copy, "events", 2, "source_id", "no-such-source")
    problem = _only(validate_package(data_copy))
    assert (
        problem == "events.csv: line 2: field 'source_id' value 'no-such-source': expected an id listed in sources.csv"
    )


def test_duplicate_id(data_copy):
    first = _cell(data_copy, "events", 2, "event_id")
    _set(data_copy, "events", 3, "event_id", first)
    problem = _only(validate_package(data_copy))
    assert (
        problem
        == f"events.csv: line 3: field 'event_id' value '{first}': expected a unique id (already used on line 2)"
    )


def test_low_greater_than_high(data_copy):
    rows = _rows(data_copy / "figures.csv")
    line = next(i for i, r in enumerate(rows) if i and r[rows[0].index("low")]) + 1
    _set(data_copy, "figures", line, "low", "99999999")
    problem = _only(validate_package(data_copy))
    assert problem.startswith(f"figures.csv: line {line}: field 'low' value '99999999': expected low <= high")


def test_neither_value_nor_range(data_copy):
    rows = _rows(data_copy / "figures.csv")
    line = next(i for i, r in enumerate(rows) if i and r[rows[0].index("value")] and not r[rows[0].index("low")]) + 1
    _set(data_copy, "figures", line, "value", "")
    assert (
        _only(validate_package(data_copy))
        == f"figures.csv: line {line}: field 'value' value '': expected a value, or both low and high"
    )


def test_wrong_header(data_copy):
    path = data_copy / "events.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("summary", "description", 1), encoding="utf-8")
    problem = _only(validate_package(data_copy))
    assert problem.startswith("events.csv: line 1: header")
    assert "missing column(s) summary; unexpected column(s) description" in problem


def test_missing_column(data_copy):
    rows = [r[:-1] for r in _rows(data_copy / "events.csv")]
    _write(data_copy / "events.csv", rows)
    assert "missing column(s) research_id" in _only(validate_package(data_copy))


def test_extra_column(data_copy):
    rows = [[*r, "x"] for r in _rows(data_copy / "events.csv")]
    _write(data_copy / "events.csv", rows)
    assert "unexpected column(s) x" in _only(validate_package(data_copy))


def test_extra_cell_in_row(data_copy):
    path = data_copy / "places.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] += ",surplus"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    columns = len(lines[0].split(","))
    assert validate_package(data_copy) == [
        f"places.csv: line 2 has {columns + 1} cells, header has {columns} (a stray comma? quote cells containing commas)"
    ]


def test_empty_file(data_copy):
    (data_copy / "figures.csv").write_text("", encoding="utf-8")
    assert _only(validate_package(data_copy)).startswith(
        "figures.csv: file is empty; expected a header line: figure_id,metric"
    )


def test_byte_order_mark(data_copy):
    path = data_copy / "sources.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert (
        _only(validate_package(data_copy))
        == "sources.csv: line 1: starts with a byte-order mark; expected UTF-8 without BOM"
    )


def test_non_utf8_bytes(data_copy):
    path = data_copy / "places.csv"
    raw = path.read_bytes().splitlines(keepends=True)
    raw[3] = raw[3].replace(b"Homs", b"H\xf6ms")
    path.write_bytes(b"".join(raw))
    assert _only(validate_package(data_copy)) == "places.csv: line 4: byte 0xf6 is not valid UTF-8; expected UTF-8 text"


def test_missing_file(data_copy):
    (data_copy / "judgments.csv").unlink()
    assert _only(validate_package(data_copy)).startswith("judgments.csv: file is missing")


def test_load_refuses_invalid_package_and_changes_nothing(data_copy):
    _set(data_copy, "events", 2, "date", "not-a-date")
    before = {p.name: p.read_bytes() for p in data_copy.iterdir()}
    with pytest.raises(DataError) as info:
        load("events", data_copy)
    assert "events.csv: line 2: field 'date'" in str(info.value)
    assert {p.name: p.read_bytes() for p in data_copy.iterdir()} == before


def test_unknown_table_is_a_one_line_data_error():
    with pytest.raises(DataError) as info:
        load("nope")
    assert isinstance(info.value, KeyError)
    assert str(info.value).startswith("no table 'nope' in datapackage.json; tables: sources")
    assert "\n" not in str(info.value)


def test_row_by_id():
    first = load("events").iloc[0]
    assert row("events", first["event_id"])["summary"] == first["summary"]


def test_row_that_does_not_exist_names_table_and_id():
    with pytest.raises(NotFound) as info:
        row("events", "E9999")
    assert str(info.value) == "events.csv has no row with event_id 'E9999'; expected an id listed there"
    assert isinstance(info.value, KeyError) and isinstance(info.value, DataError)


def test_frictionless_agrees_the_real_package_is_valid():
    """The hand-written reader must not drift from the standard: Frictionless also accepts the package."""
    from frictionless import Package

    from hamabook import DATA_DIR

    report = Package(str(DATA_DIR / "datapackage.json")).validate()
    assert report.valid, [e.message for task in report.tasks for e in task.errors][:5]


def test_cli_prints_no_traceback_and_writes_nothing(data_copy):
    import subprocess
    import sys

    (data_copy / "datapackage.json").write_text('{"resources": [', encoding="utf-8")
    before = {p.name: p.read_bytes() for p in data_copy.iterdir()}
    result = subprocess.run(
        [sys.executable, "-m", "hamabook", "validate", str(data_copy)], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0].startswith("datapackage.json: cannot be read as JSON: ")
    assert result.stdout == ""
    assert {p.name: p.read_bytes() for p in data_copy.iterdir()} == before
