"""Unit tests of the appendix pages: methods, data dictionary and sources."""

import pandas as pd
import pytest

from hamabook.chapters import data_dictionary, methods, sources_page, what_changed


def test_rows_by_grade_lists_every_grade_and_shares():
    index = pd.DataFrame({"reliability": ["A", "A", "B", "F"]})
    out = methods.rows_by_grade(index).set_index("grade")
    assert list(out.index) == list("ABCDEF")
    assert out.loc["A", "rows"] == 2 and out.loc["C", "rows"] == 0
    assert out.loc["A", "share"] == 50.0


def test_contested_metrics_needs_two_sources_and_two_values():
    figures = pd.DataFrame(
        {
            "metric": ["m", "m", "n", "n", "o"],
            "unit": ["x"] * 5,
            "source_id": ["a", "b", "a", "b", "a"],
            "value": [1, 2, 3, 3, 4],
        }
    )
    assert methods.contested_metrics(figures) == (3, 1)


def test_relayed_share():
    sources = pd.DataFrame({"originator": ["SOHR", "AFP"], "publisher": ["Gulf News", "AFP"]})
    assert methods.relayed_share(sources) == 0.5


def test_field_table_puts_constraints_in_words():
    res = {
        "schema": {
            "fields": [
                {"name": "id", "type": "string", "constraints": {"required": True, "pattern": "^E"}},
                {"name": "k", "type": "string", "constraints": {"enum": ["a", "b"]}},
            ],
            "primaryKey": ["id"],
            "foreignKeys": [{"fields": ["k"], "reference": {"resource": "t", "fields": ["k"]}}],
        }
    }
    table = data_dictionary.field_table(res)
    assert list(table["required"]) == ["yes", "no"]
    assert table.loc[1, "constraints"] == "one of: a, b"
    assert data_dictionary.keys_text(res) == "primary key: id; k → t.k"


def test_data_dictionary_covers_the_new_tables():
    names = {r["name"] for r in data_dictionary.resources()}
    assert {"originators", "metrics", "categories", "control_changes", "forecasts", "outcomes"} <= names


def test_citations_take_topic_or_the_tables_chapter():
    tables = {
        "events": pd.DataFrame({"source_id": ["s1"], "topic": ["military"]}),
        "control_changes": pd.DataFrame({"source_id": ["s2"]}),
        "forecasts": pd.DataFrame({"source_id": ["s1"]}),
    }
    out = sources_page.citations(tables)
    assert list(out["topic"]) == ["military", "battle", "aftermath"]
    with pytest.raises(ValueError):
        sources_page.citations({"events": pd.DataFrame({"source_id": ["s1"], "topic": [None]})})


def test_mix_counts_each_source_once_per_chapter():
    cites = pd.DataFrame({"topic": ["battle", "battle", "military"], "source_id": ["s1", "s1", "s2"]})
    sources = pd.DataFrame(
        {
            "source_id": ["s1", "s2"],
            "language": ["ar", "fr"],
            "alignment": ["arab_other", "western"],
            "originator": ["SOHR", "AFP"],
            "reliability": ["D", "A"],
        }
    )
    out = sources_page.mix(cites, sources)
    lang = out[out["dimension"] == "language"].set_index("topic")
    assert lang.loc["Battle for Hama", "value"] == "Arabic" and lang.loc["Battle for Hama", "sources"] == 1
    assert lang.loc["Military campaign", "value"] == "other languages"
    # Alignment codes and chapter topics reach the reader as labels, never as raw codes.
    assert set(out[out["dimension"] == "alignment"]["value"]) == {"Other Arab", "Western"}
    # The side is the originator's (SOHR, a monitor, read in an Arab outlet), not the carrier's.
    side = out[out["dimension"] == "side"].set_index("topic")
    assert side.loc["Battle for Hama", "value"] == "Independent monitor"
    assert "context" not in set(out["topic"])
    with pytest.raises(ValueError):
        sources_page.mix(cites, sources.assign(alignment=["arab_other", "no_such_code"]))


def test_topic_label_refuses_an_unknown_topic():
    assert sources_page.topic_label("context") == "Background and argument"
    with pytest.raises(KeyError):
        sources_page.topic_label("nowhere")


def test_title_text_glosses_foreign_titles_only():
    assert sources_page.title_text("عنوان", "A title", "ar") == "عنوان (English: A title)"
    assert sources_page.title_text("A title", "A title", "en") == "A title"
    assert sources_page.title_text(None, "Gloss", "ar") == "Gloss"


def test_kind_label_keeps_acronyms():
    assert sources_page.kind_label("ngo") == "NGO"
    assert sources_page.kind_label("un agency") == "UN agency"
    assert sources_page.kind_label("state_media") == "State media"


def _history(rows):
    cols = ["judgment_id", "date", "change", "old", "new", "reason"]
    return pd.DataFrame(rows, columns=cols).assign(date=lambda d: pd.to_datetime(d["date"]))


HISTORY = _history(
    [
        ("J01", "2026-11-25", "new", "", "A", "Oldest."),
        ("J02", "2026-11-25", "new", "", "B", "First."),
        ("J03", "2026-11-25", "new", "", "C", "First."),
        ("J01", "2026-12-07", "reworded", "A", "A2", "Clearer."),
        ("J01", "2026-12-07", "likelihood", "likely", "very likely", "More rows."),
        ("J02", "2026-12-07", "confidence", "high", "low", "Fewer rows."),
        ("J03", "2026-12-07", "merged", "C", "merged into J01", "Same claim."),
        ("J04", "2026-12-07", "new", "", "D", "First."),
        ("J05", "2026-12-07", "never_issued", "", "", "Skipped."),
    ]
)


def test_the_latest_review_counts_standing_judgments_changed_added_and_ended():
    judgments = pd.DataFrame({"judgment_id": ["J01", "J02", "J04"]})
    values = {k: v.text for k, v in what_changed.latest_review(HISTORY, judgments).values.items()}
    assert values == {
        "wc_review_date": "7 December 2026",
        "wc_n_standing": "three",
        "wc_n_changed": "two",
        "wc_n_likelihood": "one",
        "wc_n_new": "one",
        "wc_n_ended": "one",
    }


def test_the_history_table_is_newest_first_in_file_order_within_a_day():
    html = what_changed.changes(HISTORY).shows["history"].data
    order = [
        html.index(f"<td>{text}</td>")
        for text in ("Clearer.", "More rows.", "Fewer rows.", "Same claim.", "never issued", "Oldest.")
    ]
    assert order == sorted(order)


def test_every_row_link_goes_to_the_one_evidence_page_that_holds_the_row():
    import re

    from hamabook.chapters import appendix
    from hamabook.rows.provenance import FACT_TABLES, evidence_index, evidence_page, row_href

    index = evidence_index()
    anchors = {evidence_page(t): re.findall(r'<tr id="([^"]+)"', appendix.evidence_html(index, t)) for t in FACT_TABLES}
    held = [a for ids in anchors.values() for a in ids]
    assert len(held) == len(set(held)) == len(index), "each row on exactly one evidence page"
    for row_id in index["row_id"]:
        page, anchor = row_href(row_id).split("#")
        assert anchor in anchors[page], f"{row_id} links to {page}, which does not hold it"
    with pytest.raises(KeyError, match="not the id of a fact row"):
        row_href("J01")


def test_the_evidence_landing_page_keeps_an_anchor_for_every_row():
    """Links made before the evidence was split by table (and the Arabic pages' links) name evidence.html#row-<id>:
    the landing page holds that id for every row, as a link to the row on its table's page."""
    from hamabook.chapters import appendix
    from hamabook.rows.provenance import evidence_index, row_anchor, row_href

    index = evidence_index()
    markup = appendix.row_index_html(index)
    for row_id in index["row_id"]:
        assert f'<a id="{row_anchor(row_id)}" href="{row_href(row_id)}">' in markup
