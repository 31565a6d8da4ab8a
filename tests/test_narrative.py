from hamabook.build.narrative import DATA_TALK, narrative

PAGE = """<html><body><article class="bd-article"><section>
<h1>The battle</h1>
<div class="admonition tip"><p class="admonition-title">Bottom line</p><p>Rebels took Hama in a day.</p></div>
<div class="admonition note"><p class="admonition-title">How we counted</p><p>Our data hold nine rows.</p></div>
<p>The army left the city <span class="hb-val">on 5 December<span class="hb-note"> (row E1)</span></span>.</p>
<div class="hb-table-wrap"><table><tr><td>the table below lists rows</td></tr></table></div>
<figure><figcaption>The chart shows our data</figcaption></figure>
<details><summary>More</summary><p>In our data there are more.</p></details>
<div class="admonition hb-judgment"><p>The rows support it.</p></div>
<ul><li>Homs fell next.</li></ul>
</section></article></body></html>"""


def test_narrative_is_the_running_prose_and_its_bottom_line():
    found = narrative(PAGE)
    assert found.text.splitlines() == [
        "Bottom line",
        "Rebels took Hama in a day.",
        "The army left the city on 5 December .",
        "Homs fell next.",
    ]
    assert found.words == 18
    assert found.references == ()


def test_talk_about_the_data_is_counted_in_the_narrative():
    found = narrative(PAGE.replace("Homs fell next.", "Our data hold three reports; the table below lists them."))
    assert found.references == ("Our data", "the table")
    assert found.references_per_1000 == 2000 / found.words


def test_phrases_about_the_war_are_not_data_talk():
    for sentence in (
        "Damascus called each withdrawal a redeployment.",
        "SOHR said 280,000 people fled.",
        "Sources put the toll between 10,000 and 40,000.",
    ):
        assert not DATA_TALK.findall(sentence), sentence
