"""The data dictionary page: every table of ``data/datapackage.json`` with its fields, keys and row count, read
from the descriptor the validator enforces (so the page cannot drift from the rules)."""

from __future__ import annotations

import html

import pandas as pd

from ..data import descriptor, load
from ..output import prose
from ..output.figure import block, table
from ..output.render import md_escape
from .page import Page

DOWNLOAD = "../_static/downloads/fall-of-hama-data.zip"


def resources() -> list[dict]:
    return descriptor()["resources"]


def field_table(resource: dict) -> pd.DataFrame:
    """One row per field of a resource: name, type, required, constraints in words, description."""
    rows = []
    for field in resource["schema"]["fields"]:
        constraints = dict(field.get("constraints", {}))
        required = "yes" if constraints.pop("required", False) else "no"
        words = []
        if "enum" in constraints:
            words.append("one of: " + ", ".join(map(str, constraints.pop("enum"))))
        if "minimum" in constraints:
            words.append(f"≥ {constraints.pop('minimum')}")
        if "maximum" in constraints:
            words.append(f"≤ {constraints.pop('maximum')}")
        if "pattern" in constraints:
            words.append(f"pattern {constraints.pop('pattern')}")
        words += [f"{k} {v}" for k, v in constraints.items()]
        rows.append(
            {
                "field": field["name"],
                "type": field["type"],
                "required": required,
                "constraints": "; ".join(words),
                "description": field.get("description", ""),
            }
        )
    return pd.DataFrame(rows)


def keys_text(resource: dict) -> str:
    """Primary and foreign keys of a resource, in words."""
    schema = resource["schema"]
    parts = [f"primary key: {', '.join(schema['primaryKey'])}"]
    for fk in schema.get("foreignKeys", []):
        ref = fk["reference"]
        parts.append(f"{', '.join(fk['fields'])} → {ref['resource']}.{', '.join(ref['fields'])}")
    return "; ".join(parts)


def resource_block(resource: dict, rows: int):
    """A table's heading (anchored ``#table-<name>``), description, row count and keys, then its fields."""
    summary = f"{resource.get('description', '')} {rows:,} rows; {keys_text(resource)}."
    head = block(
        f'<h2 id="table-{html.escape(resource["name"])}">{html.escape(resource["title"])} '
        f"(<code>{html.escape(resource['path'])}</code>)</h2><p>{html.escape(summary)}</p>",
        f"**{md_escape(resource['title'])} ({md_escape(resource['path'])})**: {md_escape(summary)}",
    )
    return head, table(field_table(resource), caption=f"Fields of {resource['path']}", noun="fields")


class Blocks:
    """Several outputs displayed in one cell (a heading and its table)."""

    def __init__(self, parts):
        self.parts = parts

    def _ipython_display_(self):
        from IPython.display import display

        for part in self.parts:
            display(part)


def build() -> Page:
    page = Page()
    res = resources()
    counts = {r["name"]: len(load(r["name"])) for r in res}
    page.values["dd_n_tables"] = prose.count(len(res), table="datapackage.json")
    page.values["dd_n_rows"] = prose.number(sum(counts.values()), table="datapackage.json")
    page.add(
        "dd-download",
        block(
            f'<p><a class="hb-download hb-bundle" href="{DOWNLOAD}" download>'
            "Download the whole data package (zip: datapackage.json and every CSV)</a></p>",
            "The whole data package is published with the book as a zip file (datapackage.json and every CSV).",
        ),
    )
    parts = []
    for r in res:
        parts += list(resource_block(r, counts[r["name"]]))
    page.add("dd-tables", Blocks(parts))
    return page
