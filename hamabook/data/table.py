"""The parsed table and the descriptor's file name: what the loader builds and the checks read, in a module of its
own so that neither imports the other."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

DESCRIPTOR = "datapackage.json"


@dataclass(frozen=True, eq=False)
class Table:
    """One parsed table: typed ``rows`` (None for an empty cell), the ``raw`` cell text and each row's file line.

    Compared and hashed by identity: a table parsed from the same bytes is the same (cached) object, so checks
    between two tables can be cached on the pair."""

    name: str
    path: str
    fields: tuple[dict, ...]
    key: tuple[str, ...]
    rows: tuple[dict[str, Any], ...]
    raw: tuple[dict[str, str], ...]
    lines: tuple[int, ...]
    complete: bool = True  # False when some lines could not be read as rows (their ids are unknown)
    references: tuple[str, ...] = ()  # fields that name rows of a table (declared foreign keys)

    def field(self, name: str) -> dict | None:
        return next((f for f in self.fields if f["name"] == name), None)

    def names(self, kind: str | None = None) -> list[str]:
        """Field names, optionally only those of one type."""
        return [f["name"] for f in self.fields if kind is None or f.get("type", "string") == kind]

    def problem(self, i: int, field: str, expected: str) -> str:
        """A problem with row ``i``'s cell ``field``, in the form every message takes."""
        return f"{self.path}: line {self.lines[i]}: field '{field}' value {self.raw[i][field]!r}: expected {expected}"
