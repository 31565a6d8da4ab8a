"""Tables that document the data package itself: the data dictionary and the sources registry."""

from __future__ import annotations

import pandas as pd

from ..data import descriptor, load

CITING_TABLES = ("events", "figures", "control_changes", "forecasts", "outcomes", "actors", "likelihood_scale")


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


def evidence_html(index: pd.DataFrame, table: str, title: str) -> str:
    """Every row of one fact table, each with its own anchor (``#row-<id>``) that values and judgment boxes
    link to; folded behind a summary so the page stays short (a link to a row opens its fold)."""
    import html

    from ..output.prose import fmt_date
    from ..rows import row_anchor

    rows = index[index["table"] == table].sort_values(["date", "row_id"])
    body = "".join(
        f'<tr id="{row_anchor(r.row_id)}"><th scope="row">{html.escape(r.row_id)}</th>'
        f"<td>{'' if pd.isna(r.date) else fmt_date(r.date)}</td><td>{html.escape(r.summary)}</td>"
        f'<td><a href="{html.escape(r.url)}">{html.escape(r.publisher)}</a></td>'
        f"<td>{r.reliability}</td><td>{r.credibility}</td></tr>"
        for r in rows.itertuples()
    )
    head = "".join(f'<th scope="col">{h}</th>' for h in ("Row", "Date", "What it records (our words)", "Source", "Grade", "Credibility"))
    return (
        f'<details class="hb-evidence" id="evidence-{table}"><summary>{html.escape(title)}: {len(rows)} rows</summary>'
        f'<div class="hb-table-wrap" tabindex="0"><table class="hb-table"><caption>{html.escape(title)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div></details>"
    )


def evidence_page():
    """The evidence page: one folded table per fact table."""
    from ..output.figure import block
    from ..rows import FACT_TABLES, evidence_index
    from .page import Page

    index = evidence_index()
    titles = {
        "events": "Events",
        "figures": "Figures (numbers)",
        "control_changes": "Control changes",
        "forecasts": "Forecasts",
        "outcomes": "Outcomes after December 2024",
    }
    page = Page()
    for table in FACT_TABLES:
        page.add(table, block(evidence_html(index, table, titles[table]), f"*{titles[table]}: see the web edition.*"))
    return page
