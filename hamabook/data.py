"""Load the data package through validation.

Every table in ``data/`` is described in ``data/datapackage.json`` (a
Frictionless Data Package with Table Schemas). :func:`validate_package` checks
the files against it and returns one readable line per problem, naming the
file, line, field, value and what was expected. :func:`load` refuses to hand a
table to a chapter unless the whole package is valid, so bad data cannot reach
the book.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

import pandas as pd
from frictionless import Package

from . import DATA_DIR

DESCRIPTOR = "datapackage.json"

# What a pattern constraint in the schema means, in words a data editor reads.
PATTERN_MEANINGS = {
    r"^(?!\s)[^<>]*(?<!\s)$": "text without leading/trailing spaces and without < or > (no markup)",
    r"^[a-z0-9]+(-[a-z0-9]+)*$": "an id of lowercase letters, digits and single hyphens",
    r"^[a-z0-9]+(_[a-z0-9]+)*$": "a snake_case name",
    r"^https?://[^\s<>\"]+\.[^\s<>\"]+$": "an http(s) URL without spaces",
    r"^[A-Z][0-9]{3,4}$": "an id such as E001 (a capital letter and 3-4 digits)",
    r"^([01][0-9]|2[0-3]):[0-5][0-9]$": "a local time HH:MM",
}


class DataError(Exception):
    """The data package is invalid; ``problems`` holds one line per problem."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("invalid data package:\n" + "\n".join(problems))


def _expected(field: dict | None, error) -> str:
    """Describe in words what the schema expected for this error."""
    if error.type == "type-error" and field:
        kind = field["type"]
        return {
            "date": "a date written YYYY-MM-DD",
            "integer": "a whole number",
            "number": "a number",
        }.get(kind, f"a value of type {kind}")
    if error.type == "constraint-error" and field:
        constraints = field.get("constraints", {})
        note = error.note
        if "required" in note:
            return "a value (the field is required)"
        if "pattern" in note:
            pattern = constraints["pattern"]
            return PATTERN_MEANINGS.get(pattern, f"text matching {pattern}")
        if "enum" in note:
            return "one of " + ", ".join(map(str, constraints["enum"]))
        if "minimum" in note:
            return f"a value >= {constraints['minimum']}"
        if "maximum" in note:
            return f"a value <= {constraints['maximum']}"
        return note
    if error.type == "primary-key":
        return "a unique id (" + error.note.replace("the same as in the row at position", "already used on line") + ")"
    if error.type == "foreign-key":
        return f"an id listed in {error.reference_name}.csv"
    if error.type == "extra-cell":
        return "no more cells than the header has"
    if error.type == "missing-cell":
        return "as many cells as the header has"
    return error.note or error.message


def _check_bytes(path: Path, fields: list[str]) -> list[str]:
    """Checks Frictionless does not make in a form we can report: encoding and header."""
    name = path.name
    if not path.exists():
        return [f"{name}: file is missing (listed in {DESCRIPTOR})"]
    raw = path.read_bytes()
    if not raw.strip():
        return [f"{name}: file is empty; expected a header line: {','.join(fields)}"]
    if raw.startswith(b"\xef\xbb\xbf"):
        return [f"{name}: line 1: starts with a byte-order mark; expected UTF-8 without BOM"]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return [f"{name}: line {line}: byte {raw[exc.start]:#04x} is not valid UTF-8; expected UTF-8 text"]
    header = text.splitlines()[0].split(",")
    if header != fields:
        missing = [f for f in fields if f not in header]
        extra = [h for h in header if h not in fields]
        detail = []
        if missing:
            detail.append("missing column(s) " + ", ".join(missing))
        if extra:
            detail.append("unexpected column(s) " + ", ".join(extra))
        if not detail:
            detail.append("columns in the wrong order")
        return [f"{name}: line 1: header {','.join(header)!r} has {'; '.join(detail)}; expected {','.join(fields)}"]
    return []


def _range_checks(name: str, schema: dict, frame: pd.DataFrame) -> list[str]:
    """Cross-field rules a Table Schema cannot state: low <= value <= high."""
    problems = []
    names = {f["name"] for f in schema["fields"]}
    if not {"low", "high"} <= names:
        return problems
    for idx, row in frame.iterrows():
        line = idx + 2  # header is line 1
        low, high, value = row["low"], row["high"], row.get("value")
        if pd.notna(low) and pd.notna(high) and low > high:
            problems.append(f"{name}: line {line}: field 'low' value {low!r}: expected low <= high ({high!r})")
        if pd.isna(value) and (pd.isna(low) or pd.isna(high)):
            problems.append(f"{name}: line {line}: field 'value' value '': expected a value, or both low and high")
    return problems


def _digest(data_dir: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(data_dir.glob("*")):
        if path.is_file():
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def validate_package(data_dir: Path | str = DATA_DIR) -> list[str]:
    """Validate every table of the package; return one line per problem (empty if valid)."""
    data_dir = Path(data_dir)
    return list(_validate_cached(str(data_dir), _digest(data_dir)))


@lru_cache(maxsize=8)
def _validate_cached(data_dir: str, digest: str) -> tuple[str, ...]:
    base = Path(data_dir)
    descriptor_path = base / DESCRIPTOR
    try:
        descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return (f"{DESCRIPTOR}: cannot be read as JSON: {exc}",)
    problems: list[str] = []
    for res in descriptor["resources"]:
        fields = [f["name"] for f in res["schema"]["fields"]]
        problems += _check_bytes(base / res["path"], fields)
    if problems:  # Frictionless would only repeat these in a less useful form
        return tuple(problems)
    report = Package(descriptor, basepath=str(base)).validate()
    by_resource = {r["name"]: r for r in descriptor["resources"]}
    for task in report.tasks:
        res = by_resource[task.name]
        fields = {f["name"]: f for f in res["schema"]["fields"]}
        for error in task.errors:
            row = getattr(error, "row_number", None)
            field_name = getattr(error, "field_name", None)
            cell = getattr(error, "cell", None)
            where = f"{res['path']}: line {row}" if row else res["path"]
            if field_name:
                where += f": field '{field_name}' value {cell!r}"
            elif error.type == "foreign-key":
                names, cells = error.field_names, error.field_cells
                where += f": field '{','.join(names)}' value {', '.join(map(repr, cells))}"
            elif error.type == "primary-key":
                key = res["schema"]["primaryKey"]
                order = list(fields)
                cells = [error.cells[order.index(k)] for k in key]
                where += f": field '{','.join(key)}' value {', '.join(map(repr, cells))}"
            problems.append(f"{where}: expected {_expected(fields.get(field_name), error)}")
    if not problems:
        for res in descriptor["resources"]:
            frame = _read(base / res["path"], res["schema"])
            problems += _range_checks(res["path"], res["schema"], frame)
    return tuple(problems)


def _read(path: Path, schema: dict) -> pd.DataFrame:
    dtypes, dates = {}, []
    for field in schema["fields"]:
        kind = field["type"]
        if kind == "integer":
            dtypes[field["name"]] = "Int64"
        elif kind == "number":
            dtypes[field["name"]] = "Float64"
        elif kind == "date":
            dates.append(field["name"])
            dtypes[field["name"]] = "string"
        else:
            dtypes[field["name"]] = "string"
    frame = pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=[""], encoding="utf-8")
    for name in dates:
        frame[name] = pd.to_datetime(frame[name], format="%Y-%m-%d")
    return frame


def descriptor(data_dir: Path | str = DATA_DIR) -> dict:
    """The package descriptor (``datapackage.json``) as a dict."""
    return json.loads((Path(data_dir) / DESCRIPTOR).read_text(encoding="utf-8"))


def load(name: str, data_dir: Path | str = DATA_DIR) -> pd.DataFrame:
    """Return table ``name`` as a typed DataFrame; raise DataError if the package is invalid."""
    problems = validate_package(data_dir)
    if problems:
        raise DataError(problems)
    resources = {r["name"]: r for r in descriptor(data_dir)["resources"]}
    if name not in resources:
        raise KeyError(f"no table {name!r} in {DESCRIPTOR}; tables: {', '.join(resources)}")
    res = resources[name]
    return _read(Path(data_dir) / res["path"], res["schema"])
