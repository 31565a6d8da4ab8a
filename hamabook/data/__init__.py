"""Load the data package through validation.

Every table in ``data/`` is described in ``data/datapackage.json`` (a
Frictionless Data Package with Table Schemas). :func:`validate_package` checks
the package in three layers and returns one readable line per problem, naming
the file, line, field, value and what was expected:

1. the descriptor itself (resources, fields, types, constraints, keys);
2. every file against its Table Schema (encoding, header, cells per line,
   types, constraints, primary and foreign keys);
3. once the package matches its schema, the semantic rules in
   :mod:`hamabook.data.checks` (counts, ranges, coordinates, dates, cited ids,
   empty tables, text encoding).

Bad input never raises: every problem is a line of text. :func:`load` refuses to
hand a table to a chapter unless the whole package is valid, so bad data cannot
reach the book; :func:`row` fetches one row by its key and says clearly when it
does not exist.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import re
from datetime import date, datetime, time
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from .. import DATA_DIR
from .table import DESCRIPTOR, Table

__all__ = [
    "DESCRIPTOR",
    "DataError",
    "NotFound",
    "Table",
    "descriptor",
    "load",
    "parse_package",
    "row",
    "validate_package",
]


# What a pattern constraint in the schema means, in words a data editor reads.
PATTERN_MEANINGS = {
    r"^(?!\s)[^<>]*(?<!\s)$": "text without leading/trailing spaces and without < or > (no markup)",
    r"^[a-z0-9]+(-[a-z0-9]+)*$": "an id of lowercase letters, digits and single hyphens",
    r"^[a-z0-9]+(_[a-z0-9]+)*$": "a snake_case name",
    r"^https?://[^\s<>\"]+\.[^\s<>\"]+$": "an http(s) URL without spaces",
    r"^[A-Z][0-9]{3,4}$": "an id such as E001 (a capital letter and 3-4 digits)",
    r"^([01][0-9]|2[0-3]):[0-5][0-9]$": "a local time HH:MM",
}

# Field types this validator reads (the Table Schema types a CSV package of this kind uses).
TYPE_WORDS = {
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "date": "a date written YYYY-MM-DD",
    "datetime": "a date and time written YYYY-MM-DDTHH:MM:SS",
    "time": "a time written HH:MM:SS",
    "year": "a year written YYYY",
    "boolean": "true or false",
    "any": "any value",
}
CONSTRAINTS = ("required", "unique", "pattern", "enum", "minimum", "maximum", "minLength", "maxLength")
_INT64 = 2**63 - 1
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
# Table Schema spells these NaN, INF and -INF; any spelling parses, and checks.numbers_finite rejects them.
_NON_FINITE = re.compile(r"[+-]?(nan|inf|infinity)", re.IGNORECASE)
_TRUE, _FALSE = ("true", "True", "TRUE", "1"), ("false", "False", "FALSE", "0")


class DataError(Exception):
    """The data package is invalid; ``problems`` holds one line per problem."""

    def __init__(self, problems: list[str] | str):
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("invalid data package:\n" + "\n".join(self.problems))


class NotFound(DataError, KeyError):
    """A table or row asked for does not exist (also a KeyError); the message is one line."""

    def __init__(self, message: str):
        DataError.__init__(self, [message])
        self.args = (message,)

    def __str__(self) -> str:
        return self.problems[0]


# --- cells -----------------------------------------------------------------------------------------


def _parse(kind: str, text: str) -> Any:
    """Parse one non-empty cell as ``kind``; raise ValueError when it is not one."""
    if kind == "string" or kind == "any":
        return text
    if kind == "integer":
        if not re.fullmatch(r"[+-]?\d+", text) or abs(int(text)) > _INT64:
            raise ValueError
        return int(text)
    if kind == "number":
        if _NUMBER.fullmatch(text):
            return float(text)
        if _NON_FINITE.fullmatch(text):
            return float(text)
        raise ValueError
    if kind == "date":
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError
        value = date.fromisoformat(text)
        if not 1678 <= value.year <= 2261:  # what pandas can hold
            raise ValueError
        return value
    if kind == "datetime":
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z?", text):
            raise ValueError
        return datetime.fromisoformat(text.removesuffix("Z"))
    if kind == "time":
        if not re.fullmatch(r"\d{2}:\d{2}:\d{2}", text):
            raise ValueError
        return time.fromisoformat(text)
    if kind == "year":
        if not re.fullmatch(r"\d{4}", text):
            raise ValueError
        return int(text)
    if kind == "boolean":
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise ValueError
    raise ValueError


def _bound(kind: str, value: Any) -> Any:
    """A minimum/maximum/enum value from the descriptor, in the field's type."""
    if isinstance(value, bool):
        raise ValueError
    if kind in ("number", "integer", "year") and isinstance(value, int | float):
        return value
    return _parse(kind, str(value))


def _allowed(field: dict) -> tuple | None:
    """A field's enum values in its type (parsed once per field, not once per cell), or None without an enum."""
    enum = field.get("constraints", {}).get("enum")
    return None if enum is None else tuple(_bound(field.get("type", "string"), v) for v in enum)


def _cell_problem(field: dict, text: str, value: Any, allowed: tuple | None) -> str | None:
    """Check one typed cell against its constraints (``allowed``: the field's :func:`_allowed` values); return
    what was expected instead, or None."""
    kind = field.get("type", "string")
    constraints = field.get("constraints", {})
    if not constraints:
        return None
    pattern = constraints.get("pattern")
    if pattern is not None and kind == "string" and not re.fullmatch(pattern, text):
        return PATTERN_MEANINGS.get(pattern, f"text matching {pattern}")
    if allowed is not None and value not in allowed:
        return "one of " + ", ".join(map(str, constraints["enum"]))
    comparable = not (isinstance(value, float) and math.isnan(value))
    if "minimum" in constraints and comparable and value < _bound(kind, constraints["minimum"]):
        return f"a value >= {constraints['minimum']}"
    if "maximum" in constraints and comparable and value > _bound(kind, constraints["maximum"]):
        return f"a value <= {constraints['maximum']}"
    if "minLength" in constraints and len(text) < constraints["minLength"]:
        return f"at least {constraints['minLength']} characters"
    if "maxLength" in constraints and len(text) > constraints["maxLength"]:
        return f"at most {constraints['maxLength']} characters"
    return None


# --- the descriptor --------------------------------------------------------------------------------


def _as_list(value: Any) -> list | None:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return value
    return None


def _check_field(where: str, field: Any) -> list[str]:
    if not isinstance(field, dict) or not isinstance(field.get("name"), str) or not field["name"]:
        return [f"{where}: expected an object with a 'name' (and a 'type')"]
    where = f"{where[: where.rindex(' fields[')]} field '{field['name']}'"
    kind = field.get("type", "string")
    if not isinstance(kind, str) or kind not in TYPE_WORDS:
        return [f"{where}: type {kind!r} is not a Table Schema type; expected one of {', '.join(TYPE_WORDS)}"]
    constraints = field.get("constraints", {})
    if not isinstance(constraints, dict):
        return [f"{where}: 'constraints' is {constraints!r}; expected an object"]
    problems = []
    for name, value in constraints.items():
        if name not in CONSTRAINTS:
            problems.append(f"{where}: unknown constraint {name!r}; expected one of {', '.join(CONSTRAINTS)}")
        elif name in ("required", "unique") and not isinstance(value, bool):
            problems.append(f"{where}: constraint {name!r} is {value!r}; expected true or false")
        elif name in ("minLength", "maxLength") and (not isinstance(value, int) or isinstance(value, bool)):
            problems.append(f"{where}: constraint {name!r} is {value!r}; expected a whole number")
        elif name == "pattern":
            try:
                re.compile(value)
            except (re.error, TypeError):
                problems.append(f"{where}: pattern {value!r} is not a regular expression")
        elif name == "enum" and not (isinstance(value, list) and value):
            problems.append(f"{where}: 'enum' is {value!r}; expected a non-empty list")
        elif name in ("minimum", "maximum", "enum"):
            for item in value if name == "enum" else [value]:
                try:
                    _bound(kind, item)
                except (ValueError, TypeError):
                    problems.append(f"{where}: constraint {name!r} value {item!r} is not {TYPE_WORDS[kind]}")
                    break
    return problems


def _check_descriptor(desc: Any) -> list[str]:
    """Structural problems of the descriptor (checked before any file is read)."""
    d = DESCRIPTOR
    if not isinstance(desc, dict):
        return [f"{d}: expected a JSON object with a 'resources' list"]
    resources = desc.get("resources")
    if not isinstance(resources, list) or not resources:
        return [f"{d}: has no resources; expected a 'resources' list with one entry (name, path, schema) per table"]
    problems: list[str] = []
    seen: set[str] = set()
    for i, res in enumerate(resources):
        where = f"{d}: resources[{i}]"
        if not isinstance(res, dict):
            problems.append(f"{where}: expected an object with name, path and schema")
            continue
        name, path, schema = res.get("name"), res.get("path"), res.get("schema")
        if not isinstance(name, str) or not name:
            problems.append(f"{where}: expected a 'name'")
            continue
        where = f"{d}: resource '{name}'"
        if name in seen:
            problems.append(f"{where}: name used twice; expected unique resource names")
        seen.add(name)
        if not isinstance(path, str) or not re.fullmatch(r"[A-Za-z0-9_.-]+\.csv", path) or path.startswith("."):
            problems.append(f"{where}: path {path!r}; expected the name of a .csv file in the package folder")
        if not isinstance(schema, dict) or not isinstance(schema.get("fields"), list) or not schema["fields"]:
            problems.append(f"{where}: expected a 'schema' object with a non-empty 'fields' list")
            continue
        names = []
        for j, field in enumerate(schema["fields"]):
            found = _check_field(f"{where} fields[{j}]", field)
            problems += found
            if isinstance(field, dict) and isinstance(field.get("name"), str):
                if field["name"] in names:
                    problems.append(f"{where} field '{field['name']}': name used twice; expected unique field names")
                names.append(field["name"])
        if "primaryKey" in schema:
            key = _as_list(schema["primaryKey"])
            if key is None or not set(key) <= set(names):
                problems.append(f"{where}: primaryKey {schema['primaryKey']!r}; expected field name(s) of this table")
    if problems:
        return problems
    by_name = {r["name"]: r for r in resources}
    for res in resources:
        where = f"{d}: resource '{res['name']}'"
        fks = res["schema"].get("foreignKeys", [])
        if not isinstance(fks, list):
            problems.append(f"{where}: foreignKeys {fks!r}; expected a list")
            continue
        for fk in fks:
            ref = fk.get("reference") if isinstance(fk, dict) else None
            fields = _as_list(fk.get("fields")) if isinstance(fk, dict) else None
            target = by_name.get(ref.get("resource") or res["name"]) if isinstance(ref, dict) else None
            ref_fields = _as_list(ref.get("fields")) if isinstance(ref, dict) else None
            names = [f["name"] for f in res["schema"]["fields"]]
            if (
                fields is None
                or target is None
                or ref_fields is None
                or len(fields) != len(ref_fields)
                or not set(fields) <= set(names)
                or not set(ref_fields) <= {f["name"] for f in target["schema"]["fields"]}
            ):
                problems.append(
                    f"{where}: foreign key {json.dumps(fk)}; expected fields of this table and a reference"
                    " to a resource and fields that exist"
                )
    return problems


# --- files ---------------------------------------------------------------------------------------


def _check_bytes(name: str, raw: bytes | None, fields: list[str]) -> tuple[list[str], str | None]:
    """Encoding and header checks; return problems and the decoded text (None when unusable)."""
    if raw is None:
        return [f"{name}: file is missing (listed in {DESCRIPTOR})"], None
    if not raw.strip():
        return [f"{name}: file is empty; expected a header line: {','.join(fields)}"], None
    if raw.startswith(b"\xef\xbb\xbf"):
        return [f"{name}: line 1: starts with a byte-order mark; expected UTF-8 without BOM"], None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return [f"{name}: line {line}: byte {raw[exc.start]:#04x} is not valid UTF-8; expected UTF-8 text"], None
    try:
        header = next(csv.reader(io.StringIO(text, newline="")), [])
    except csv.Error:
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
            detail.append("columns in the wrong order or repeated")
        shown = ",".join(header)
        return [f"{name}: line 1: header {shown!r} has {'; '.join(detail)}; expected {','.join(fields)}"], None
    return [], text


@lru_cache(maxsize=64)
def _parse_table(res_json: str, raw: bytes | None) -> tuple[Table | None, tuple[str, ...]]:
    """Parse one file against its resource; cached on the resource and the file's bytes."""
    res = json.loads(res_json)
    path, schema = res["path"], res["schema"]
    fields = schema["fields"]
    names = [f["name"] for f in fields]
    enums = [_allowed(f) for f in fields]
    problems, text = _check_bytes(path, raw, names)
    if text is None:
        return None, tuple(problems)
    key = tuple(_as_list(schema.get("primaryKey", [])) or [])
    rows, raws, lines = [], [], []
    previous, unreadable = 0, 0
    if not text.endswith(("\n", "\r")):  # every file ends with a line break; one that does not was cut short
        last = len(text.splitlines())
        problems.append(f"{path}: line {last}: ends without a line break (truncated file?); expected a complete line")
        unreadable += 1
        end = max(text.rfind("\n"), text.rfind("\r"))
        text = text[: end + 1] if end >= 0 else text
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        next(reader)
        previous = reader.line_num
        for cells in reader:
            line, previous = previous + 1, reader.line_num
            if not cells or (len(cells) != len(names) and all(not c.strip() for c in cells)):
                problems.append(
                    f"{path}: line {line}: is blank; expected a row of {len(names)} cells (delete the line)"
                )
                unreadable += 1
                continue
            if len(cells) != len(names):
                why = "truncated line?" if len(cells) < len(names) else "a stray comma? quote cells containing commas"
                if any("\n" in c or "\r" in c for c in cells):
                    why = "an unclosed double quote?"
                problems.append(f"{path}: line {line} has {len(cells)} cells, header has {len(names)} ({why})")
                unreadable += 1
                continue
            broken = next((n for n, c in zip(names, cells) if "\n" in c or "\r" in c), None)
            if broken is not None:  # no cell spans lines: a stray double quote has swallowed line ends
                cell = dict(zip(names, cells))[broken]
                problems.append(
                    f"{path}: line {line}: field '{broken}' value {cell!r}: expected text on one line"
                    " (a stray double quote joins lines?)"
                )
                unreadable += 1
                continue
            typed = {}
            for field, cell, allowed in zip(fields, cells, enums):
                kind = field.get("type", "string")
                expected = None
                if cell == "":
                    typed[field["name"]] = None
                    if field.get("constraints", {}).get("required") or field["name"] in key:
                        expected = "a value (the field is required)"
                else:
                    try:
                        typed[field["name"]] = value = _parse(kind, cell)
                    except (ValueError, OverflowError):
                        typed[field["name"]] = None
                        expected = TYPE_WORDS[kind]
                    else:
                        expected = _cell_problem(field, cell, value, allowed)
                if expected:
                    problems.append(f"{path}: line {line}: field '{field['name']}' value {cell!r}: expected {expected}")
            rows.append(typed)
            raws.append(dict(zip(names, cells)))
            lines.append(line)
    except csv.Error as exc:
        problems.append(f"{path}: line {previous + 1}: cannot be read as CSV ({exc}); expected comma-separated cells")
        unreadable += 1
    complete = unreadable == 0
    references = tuple(dict.fromkeys(n for fk in schema.get("foreignKeys", []) for n in _as_list(fk["fields"]) or []))
    table = Table(res["name"], path, tuple(fields), key, tuple(rows), tuple(raws), tuple(lines), complete, references)
    problems += _unique_problems(table)
    return table, tuple(problems)


def _unique_problems(table: Table) -> list[str]:
    problems = []
    groups = [list(table.key)] if table.key else []
    groups += [
        [f["name"]] for f in table.fields if f.get("constraints", {}).get("unique") and [f["name"]] != groups[:1]
    ]
    for group in groups:
        first: dict[tuple, int] = {}
        for i, row in enumerate(table.rows):
            value = tuple(row[k] for k in group)
            if any(v is None for v in value):
                continue
            if value in first:
                cells = ", ".join(repr(table.raw[i][k]) for k in group)
                problems.append(
                    f"{table.path}: line {table.lines[i]}: field '{','.join(group)}' value {cells}: "
                    f"expected a unique id (already used on line {first[value]})"
                )
            else:
                first[value] = table.lines[i]
    return problems


def _foreign_key_problems(tables: dict[str, Table], resources: list[dict]) -> list[str]:
    problems = []
    for res in resources:
        table = tables.get(res["name"])
        for fk in res["schema"].get("foreignKeys", []):
            target = tables.get(fk["reference"].get("resource") or res["name"])
            if table is None or target is None or not target.complete:
                continue  # the missing or partly unreadable table is reported on its own
            fields, ref_fields = tuple(_as_list(fk["fields"])), tuple(_as_list(fk["reference"]["fields"]))
            problems += _unknown_references(table, fields, target, ref_fields)
    return problems


@lru_cache(maxsize=64)
def _keys(table: Table, fields: tuple[str, ...]) -> frozenset[tuple]:
    return frozenset(tuple(r[k] for k in fields) for r in table.rows)


@lru_cache(maxsize=256)
def _unknown_references(
    table: Table, fields: tuple[str, ...], target: Table, ref_fields: tuple[str, ...]
) -> tuple[str, ...]:
    """One problem per row of ``table`` whose ``fields`` name no row of ``target``; cached on the two tables."""
    known = _keys(target, ref_fields)
    problems = []
    for i, row in enumerate(table.rows):
        value = tuple(row[k] for k in fields)
        if any(v is None for v in value) or value in known:
            continue
        cells = ", ".join(repr(table.raw[i][k]) for k in fields)
        problems.append(
            f"{table.path}: line {table.lines[i]}: field '{','.join(fields)}' value {cells}: "
            f"expected an id listed in {target.path}"
        )
    return tuple(problems)


# --- the package -----------------------------------------------------------------------------------


def _digest(data_dir: Path) -> str:
    h = hashlib.sha256()
    if data_dir.is_dir():
        for path in sorted(data_dir.glob("*")):
            if path.is_file():
                h.update(path.name.encode())
                h.update(path.read_bytes())
    return h.hexdigest()


def validate_package(data_dir: Path | str = DATA_DIR, today: date | None = None) -> list[str]:
    """Validate the package; return one line per problem (empty if valid). ``today`` bounds every date."""
    data_dir = Path(data_dir)
    today = today or date.today()
    return list(_validate_cached(str(data_dir), _digest(data_dir), today))


def parse_package(data_dir: Path | str = DATA_DIR) -> tuple[dict[str, Table], list[str]]:
    """The descriptor and files read against their schemas: tables by name and the problems found."""
    base = Path(data_dir)
    try:
        desc = json.loads((base / DESCRIPTOR).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, [f"{DESCRIPTOR}: file is missing; expected the package descriptor in {base}"]
    except (OSError, ValueError) as exc:
        return {}, [f"{DESCRIPTOR}: cannot be read as JSON: {exc}"]
    problems = _check_descriptor(desc)
    if problems:
        return {}, problems
    tables: dict[str, Table] = {}
    for res in desc["resources"]:
        try:
            raw = (base / res["path"]).read_bytes()
        except FileNotFoundError:
            raw = None
        except OSError as exc:
            problems.append(f"{res['path']}: cannot be read ({exc.strerror}); expected a readable file")
            continue
        table, found = _parse_table(json.dumps(res, sort_keys=True), raw)
        problems += found
        if table is not None:
            tables[res["name"]] = table
    problems += _foreign_key_problems(tables, desc["resources"])
    return tables, problems


@lru_cache(maxsize=8)
def _validate_cached(data_dir: str, digest: str, today: date) -> tuple[str, ...]:
    from .checks import run_checks

    tables, problems = parse_package(data_dir)
    if not problems:  # the rules read typed values, so they run once the package matches its schema
        problems = run_checks(tables, today)
    return tuple(p.replace("\r", "\\r").replace("\n", "\\n") for p in problems)


# Typed frames already read, by the bytes of their file and the schema read with: chapters load the same tables
# many times in one build, and a copy is cheaper than parsing the CSV again. Bounded (oldest dropped first).
_FRAMES: dict[tuple[str, str], pd.DataFrame] = {}
_FRAMES_KEPT = 64


def _read(path: Path, schema: dict) -> pd.DataFrame:
    """Table ``path`` typed by ``schema``: a copy of the frame read before from the same bytes, else parsed."""
    data = path.read_bytes()
    key = (hashlib.blake2b(data, digest_size=16).hexdigest(), json.dumps(schema, sort_keys=True))
    if key not in _FRAMES:
        if len(_FRAMES) >= _FRAMES_KEPT:
            del _FRAMES[next(iter(_FRAMES))]
        _FRAMES[key] = _parse_frame(data, schema)
    return _FRAMES[key].copy()


def _parse_frame(data: bytes, schema: dict) -> pd.DataFrame:
    dtypes, dates = {}, []
    for field in schema["fields"]:
        kind = field.get("type", "string")
        if kind == "integer":
            dtypes[field["name"]] = "Int64"
        elif kind == "number":
            dtypes[field["name"]] = "Float64"
        elif kind == "date":
            dates.append(field["name"])
            dtypes[field["name"]] = "string"
        else:
            dtypes[field["name"]] = "string"
    try:
        frame = pd.read_csv(io.BytesIO(data), dtype=dtypes, keep_default_na=False, na_values=[""], encoding="utf-8")
    except (ValueError, OverflowError):  # e.g. a 25-digit number pandas cannot hold as Float64 while parsing
        text = {name: "string" for name in dtypes}
        frame = pd.read_csv(io.BytesIO(data), dtype=text, keep_default_na=False, na_values=[""], encoding="utf-8")
        for name, kind in dtypes.items():
            if kind in ("Int64", "Float64"):
                cast = int if kind == "Int64" else float
                frame[name] = pd.array([None if pd.isna(v) else cast(v) for v in frame[name]], dtype=kind)
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
        raise NotFound(f"no table {name!r} in {DESCRIPTOR}; tables: {', '.join(resources)}")
    res = resources[name]
    return _read(Path(data_dir) / res["path"], res["schema"])


def row(name: str, key: Any, data_dir: Path | str = DATA_DIR) -> pd.Series:
    """The row of table ``name`` whose primary key is ``key``; NotFound (a KeyError) names table and id if absent."""
    frame = load(name, data_dir)
    res = next(r for r in descriptor(data_dir)["resources"] if r["name"] == name)
    key_fields = _as_list(res["schema"].get("primaryKey", [])) or []
    if len(key_fields) != 1:
        raise NotFound(f"{res['path']} has no single-field primary key to look {key!r} up by")
    column = frame[key_fields[0]]
    match = frame[column.astype("string") == str(key)]
    if match.empty:
        raise NotFound(f"{res['path']} has no row with {key_fields[0]} {str(key)!r}; expected an id listed there")
    return match.iloc[0]
