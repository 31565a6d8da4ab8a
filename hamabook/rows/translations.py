"""The book's own translations (``data/translations.csv``), read in one place.

A translation is the text of one field of one row in another language: ``translated("judgments", "J09",
"statement")``. A field whose values come from a fixed list (judgments' ``confidence``, causes' ``weight``) is
translated once per value, so the key is the value: ``translated("judgments", "moderate", "confidence")``. Place and
actor names are not here: they are ``name_ar`` in ``places.csv`` and ``actors.csv``, each place's with its source.

A missing translation is an error that names what is missing, never an English fallback: an Arabic page that
asks for a text the catalogue lacks stops with a message saying which row to add.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .. import DATA_DIR
from ..data import NotFound, load

CATALOGUE = "translations"
LANGUAGES = ("ar",)  # the schema's list of lang values (datapackage.json)


def _catalogue(lang: str, data_dir: Path | str) -> pd.DataFrame:
    if lang not in LANGUAGES:
        raise NotFound(f"no translations into {lang!r}; languages: {', '.join(LANGUAGES)}")
    rows = load(CATALOGUE, data_dir)
    return rows[rows["lang"] == lang]


def translations(table: str, field: str, lang: str = "ar", data_dir: Path | str = DATA_DIR) -> pd.Series:
    """Every translation of ``field`` of ``table`` into ``lang``, indexed by key (the row's id, or the value of a
    field with a fixed list of values), in the catalogue's order: ``translations("categories", "label")``."""
    rows = _catalogue(lang, data_dir)
    picked = rows[(rows["table"] == table) & (rows["field"] == field)]
    return pd.Series(picked["text"].to_numpy(), index=pd.Index(picked["key"].to_numpy(), name="key"), name=field)


def translated(table: str, key: object, field: str, lang: str = "ar", data_dir: Path | str = DATA_DIR) -> str:
    """The translation of ``field`` of the row ``key`` of ``table`` (or of the value ``key`` of a field with a fixed
    list of values) into ``lang``; NotFound (a KeyError) names what to add to translations.csv when it is missing."""
    found = translations(table, field, lang, data_dir)
    key = str(key)
    if key not in found.index:
        raise NotFound(
            f"translations.csv has no {lang} text for {table} {key!r} field {field!r};"
            f" expected a row {table},{key},{field},{lang},<text>"
        )
    return str(found[key])


def untranslated(
    table: str, fields: tuple[str, ...], keys: list[object], lang: str = "ar", data_dir: Path | str = DATA_DIR
) -> list[tuple[str, str]]:
    """The (key, field) pairs among ``keys`` x ``fields`` of ``table`` that have no translation into ``lang``."""
    done = {(str(k), f) for f in fields for k in translations(table, f, lang, data_dir).index}
    return [(str(k), f) for k in keys for f in fields if (str(k), f) not in done]
