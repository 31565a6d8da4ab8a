"""Unit tests of hamabook.chapters.battle: how actors and lists read, and what the page counts."""

from hamabook.chapters import battle


def test_actor_phrase_reads_as_english():
    assert battle.actor_phrase("25th Special Tasks Division (formerly Tiger Forces)") == (
        "the 25th Special Tasks Division"
    )
    assert battle.actor_phrase("Hayat Tahrir al-Sham (HTS)") == "Hayat Tahrir al-Sham"
    assert battle.join_phrases(["the government and army", "the B"]) == "the government and army, and the B"
    assert battle.join_phrases(["A", "B", "C"]) == "A, B and C"


def test_minority_towns_leave_out_sunni_places(chapter):
    page = chapter("battle")
    assert "Qamhana" not in page.values["battle_minority_towns"].text
    assert "_" not in page.values["battle_heard"].text
