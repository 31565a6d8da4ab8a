import pandas as pd
import pytest

from hamabook.data import load
from hamabook.output.judgments import (
    box_html,
    judgment_boxes,
    key_judgments_html,
    last_changes,
    likelihood_band,
    missing_basis,
    verdict_values,
    with_bands,
)
from hamabook.rows.provenance import FACT_TABLES

SCALE = pd.DataFrame({"term": ["likely", "very likely"], "low": [0.55, 0.8], "high": [0.8, 0.95]})
ONE = pd.DataFrame(
    {
        "judgment_id": ["J01"],
        "statement": ["A <b> claim"],
        "likelihood": ["likely"],
        "confidence": ["moderate"],
        "chapter": ["military"],
        "section": ["why-the-army-collapsed"],
        "basis": ["E001 N002"],
        "assumptions": ["An assumption."],
        "alternative": ["An alternative."],
        "indicators": ["A sign."],
    }
)


CHANGE = "Issued 25 November 2026; unchanged since."
HISTORY = pd.DataFrame(
    {
        "judgment_id": ["J01", "J02", "J02", "J03", "J02", "J02", "J04"],
        "date": pd.to_datetime(
            ["2026-11-25", "2026-11-25", "2026-12-07", "2026-11-25", "2026-12-07", "2026-12-07", "2026-12-07"]
        ),
        "change": ["new", "new", "reworded", "new", "likelihood", "confidence", "never_issued"],
        "old": ["", "", "Old words", "", "likely", "high", ""],
        "new": ["A claim", "B claim", "New words", "C claim", "very likely", "low", ""],
        "reason": ["First issued."] * 7,
    }
)


def test_band_from_scale():
    assert with_bands(ONE, SCALE)["band"].tolist() == ["55–80 %"]


def test_unknown_word_is_refused():
    with pytest.raises(KeyError, match="not on the scale: probably"):
        with_bands(ONE.assign(likelihood="probably"), SCALE)


def test_box_shows_id_verdict_and_every_part_escaped():
    row = next(with_bands(ONE, SCALE).itertuples())
    out = box_html(row, CHANGE)
    assert 'id="j01"' in out and "Judgment J01" in out
    assert "<strong>Likely</strong> (55–80 %), confidence moderate" in out
    assert "A &lt;b&gt; claim" in out
    assert 'href="evidence_events.html#row-e001"' in out and "An assumption." in out and "A sign." in out


def test_key_judgments_link_to_the_box_in_its_chapter():
    out = key_judgments_html(with_bands(ONE, SCALE))
    assert '<a href="military.html#j01">' in out and "<strong>J01</strong>" in out


def test_one_judgment_reads_the_same_everywhere():
    """The intro list, the chapter box and a cited verdict take likelihood and confidence from the same row."""
    row = next(with_bands(ONE, SCALE).itertuples())
    verdict = verdict_values(ONE, SCALE, {"j01_verdict": "J01"})["j01_verdict"].text
    assert verdict == "likely (55–80 %), confidence moderate"
    assert "(55–80 %), confidence moderate" in box_html(row, CHANGE)
    assert "(55–80 %), confidence moderate" in key_judgments_html(with_bands(ONE, SCALE))


def test_boxes_only_for_the_chapter_asked():
    two = pd.concat([ONE, ONE.assign(judgment_id="J02", chapter="allies")])
    assert list(judgment_boxes(two, SCALE, HISTORY, "allies")) == ["J02"]


def test_a_box_says_when_and_how_its_judgment_last_changed():
    box = judgment_boxes(ONE, SCALE, HISTORY, "military")["J01"].data
    assert "Issued 25 November 2026; unchanged since." in box and 'href="what_changed.html"' in box


def test_a_box_without_history_is_refused():
    with pytest.raises(KeyError, match="no history for judgment"):
        judgment_boxes(ONE, SCALE, HISTORY[HISTORY["judgment_id"] != "J01"], "military")


def test_last_change_lists_every_change_of_the_last_day():
    lines = last_changes(HISTORY)
    assert lines["J01"] == "Issued 25 November 2026; unchanged since."
    assert lines["J02"] == (
        "Last changed 7 December 2026: reworded; likelihood from likely to very likely; confidence from high to low."
    )
    assert lines["J04"] == "Last changed 7 December 2026: never issued."


def test_a_merge_is_a_change_of_the_judgment_merged_into():
    merge = pd.DataFrame(
        {
            "judgment_id": ["J03"],
            "date": pd.to_datetime(["2026-12-08"]),
            "change": ["merged"],
            "old": ["C claim"],
            "new": ["merged into J01"],
            "reason": ["Said the same."],
        }
    )
    lines = last_changes(pd.concat([HISTORY, merge], ignore_index=True))
    assert lines["J01"] == "Last changed 8 December 2026: J03 merged into it."
    assert lines["J03"] == "Last changed 8 December 2026: merged."


def test_no_likelihood_word_carries_most_judgments():
    """A scale used for more than 60 % of the judgments no longer discriminates between them."""
    shares = load("judgments")["likelihood"].value_counts(normalize=True)
    assert shares.max() <= 0.6, shares.to_dict()


def test_missing_basis():
    assert missing_basis(ONE, {"E001"}) == ["N002"]


def test_every_judgment_rests_on_existing_rows():
    known = set()
    for table, (key, _, _) in FACT_TABLES.items():
        known |= set(load(table)[key])
    assert missing_basis(load("judgments"), known) == []


def test_the_book_has_enough_judgments_each_with_its_reasoning():
    judgments = load("judgments")
    assert len(judgments) >= 12
    for column in ("assumptions", "alternative", "indicators"):
        assert judgments[column].str.strip().str.len().gt(0).all(), column


def test_likelihood_band():
    assert likelihood_band(SCALE, "likely") == "55–80 %"
    with pytest.raises(KeyError, match="'probable' is not a term"):
        likelihood_band(SCALE, "probable")
