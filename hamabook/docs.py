"""Tables that document the data package itself: the data dictionary and the sources registry."""

from __future__ import annotations

import pandas as pd

from .data import descriptor, load

CITING_TABLES = ("events", "figures", "places", "actors", "claims", "likelihood_scale")


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


def resources() -> list[dict]:
    return descriptor()["resources"]


def citation_counts() -> pd.Series:
    """How many rows across the fact tables cite each source (0 for a registered but unused source)."""
    sources = load("sources")
    cited = pd.concat([load(t)["source_id"] for t in CITING_TABLES], ignore_index=True)
    return cited.value_counts().reindex(sources["source_id"], fill_value=0)


def sources_table() -> pd.DataFrame:
    """The registry for the sources page, with the number of rows citing each source."""
    sources = load("sources")
    table = sources.assign(rows=citation_counts().to_numpy())
    table["published"] = table["published"].dt.strftime("%Y-%m-%d").fillna("")
    table["kind"] = table["kind"].str.replace("_", " ")
    return table[["source_id", "publisher", "title", "published", "kind", "reliability", "rows", "url"]]
