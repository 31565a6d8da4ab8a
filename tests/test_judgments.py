import pandas as pd
import pytest

from hamabook.data import load
from hamabook.output.judgments import judgments_html, likelihood_band, missing_basis, with_bands

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
    }
)


def test_band_from_scale():
    assert with_bands(ONE, SCALE)["band"].tolist() == ["55–80 %"]


def test_unknown_word_is_refused():
    with pytest.raises(KeyError, match="not on the scale: probably"):
        with_bands(ONE.assign(likelihood="probably"), SCALE)


def test_html_escapes_and_links():
    out = judgments_html(ONE, SCALE)
    assert (
        "A &lt;b&gt; claim" in out and '<a href="military.html#why-the-army-collapsed">' in out and "E001, N002" in out
    )


def test_missing_basis():
    assert missing_basis(ONE, {"E001"}) == ["N002"]


def test_every_judgment_rests_on_existing_rows():
    known = set()
    for table, key in (("events", "event_id"), ("figures", "figure_id"), ("claims", "claim_id")):
        known |= set(load(table)[key])
    assert missing_basis(load("judgments"), known) == []


def test_likelihood_band():
    assert likelihood_band(SCALE, "likely") == "55–80 %"
    assert likelihood_band(SCALE, "very likely") == "80–95 %"
    with pytest.raises(KeyError, match="'probable' is not a term"):
        likelihood_band(SCALE, "probable")


def test_markdown_for_print():
    from hamabook.output.judgments import judgments_markdown

    text = judgments_markdown(ONE, SCALE)
    assert text.startswith("**Key judgments**\n\n1. **Likely** (55–80 %): A \\<b\\> claim.")
    assert "data rows E001, N002." in text
