"""The English page an Arabic page words again (private to the Arabic pages): its tables and its sections' values by
key, and, for the pages that date each value from its own rows, every fact row's date. Nothing is selected here: the
English sections chose the rows."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ...output.prose import Value


@dataclass(frozen=True)
class English:
    """The English page's tables and the values of its sections, by key (their rows are what the Arabic page words
    again)."""

    t: Any
    en: dict[str, Value]


@dataclass(frozen=True)
class Dated(English):
    """The English page's tables and values, and every fact row's date."""

    dated: pd.DataFrame  # row_id, date, date_precision


def values_of(t: Any, sections: Iterable[Callable], *args: Any) -> dict[str, Value]:
    """The values of the English page's ``sections``, by key, built from its tables ``t`` (and ``args``)."""
    return {k: v for section in sections for k, v in section(t, *args).values.items()}


def dated_rows(t: Any) -> pd.DataFrame:
    """Every event's, control change's and figure's id, date (a figure's ``as_of``) and precision."""
    frames = [
        t.events.rename(columns={"event_id": "row_id"}),
        t.changes.rename(columns={"change_id": "row_id"}),
        t.figures.rename(columns={"figure_id": "row_id", "as_of": "date", "as_of_precision": "date_precision"}),
    ]
    return pd.concat([f[["row_id", "date", "date_precision"]] for f in frames], ignore_index=True)
