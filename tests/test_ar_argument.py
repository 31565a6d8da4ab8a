"""What only the Arabic argument has (the checks every Arabic page gets are in tests/test_ar_chapters.py): its bottom
line gives the English page's verdicts, each judgment box lists the rows it rests on, and the causes and explanations
are named in the catalogue's Arabic."""

import pytest

from hamabook.data import load
from hamabook.rows.translations import translated


@pytest.fixture(scope="module")
def pages(chapter):
    return chapter("argument"), chapter("ar.argument")


def test_the_bottom_line_gives_the_english_page_s_verdicts(pages):
    from hamabook.chapters.ar import argument

    english, arabic_page = pages
    assert set(argument.BOTTOM_LINE) <= english.values.keys() & arabic_page.values.keys()


def test_each_judgment_box_lists_the_rows_it_rests_on(pages):
    _, arabic_page = pages
    judgments = load("judgments").set_index("judgment_id")
    for jid in ("J16", "J09"):
        markup = arabic_page.show(jid).data
        assert all(r in markup for r in judgments.loc[jid, "basis"].split()), jid


def test_the_causes_and_explanations_are_the_catalogue_s(pages):
    _, arabic_page = pages
    causes = arabic_page.show("causes").data
    for cid in load("causes")["cause_id"]:
        assert translated("causes", cid, "cause").split(":")[0] in causes
    hypotheses = arabic_page.show("hypotheses").data
    for hid in load("hypotheses")["hypothesis_id"]:
        assert translated("hypotheses", hid, "label") in hypotheses
