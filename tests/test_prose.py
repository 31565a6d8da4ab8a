import pandas as pd
import pytest

from hamabook.chapters.page import Page
from hamabook.output import arabic, prose
from hamabook.output.provenance import provenance_note
from hamabook.rows.provenance import credit, evidence_index


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        ("2024-11-29", "2024-11-30", "29–30 November 2024"),
        ("2024-11-30", "2024-12-05", "30 November – 5 December 2024"),
        ("2024-12-29", "2025-01-03", "29 December 2024 – 3 January 2025"),
        ("2024-12-05", "2024-12-05", "5 December 2024"),
        ("2024-12-05", "2024-12-01", "1–5 December 2024"),
    ],
)
def test_date_ranges_are_compressed(start, end, text):
    assert prose.fmt_date_range(start, end) == text


@pytest.mark.parametrize(
    ("precision", "text"),
    [
        ("year", "1982"),
        ("month", "February 1982"),
        ("day", "2 February 1982"),
        ("approximate", "about 2 February 1982"),
    ],
)
def test_dates_render_only_as_precisely_as_known(precision, text):
    assert prose.fmt_date_at("1982-02-02", precision) == text
    with pytest.raises(ValueError):
        prose.fmt_date_at("1982-02-02", "week")


def test_counts_agree_with_their_nouns():
    assert prose.plural(1, "report") == "one report"
    assert prose.plural(3, "report") == "three reports"
    assert prose.plural(0, "report") == "no reports"
    assert prose.plural(12, "city", "cities") == "12 cities"
    assert [prose.of_all(k, n) for k, n in ((1, 1), (2, 2), (3, 3), (2, 5), (0, 4))] == [
        "the one",
        "both",
        "all three",
        "two of the five",
        "none",
    ]
    with pytest.raises(ValueError):
        prose.of_all(3, 2)


def test_lists_and_sentence_starts():
    assert prose.join_words(["Hama"]) == "Hama"
    assert prose.join_words(["Hama", "Homs", "Damascus"]) == "Hama, Homs and Damascus"
    assert prose.sentence_start("rebels") == "Rebels"
    with pytest.raises(ValueError, match="cannot start with a figure"):
        prose.sentence_start("3 reports")


def test_a_value_needs_its_rows():
    assert prose.number(280000, ["N209"]) == prose.Value("280,000", ("N209",))
    assert prose.date(pd.Timestamp("1982-01-01"), "N074", precision="year").text == "1982"
    with pytest.raises(ValueError, match="needs the rows"):
        prose.text("Hama")
    assert prose.count(3, table="sources", noun="source").text == "three sources"


def test_value_html_is_quiet_and_escaped():
    out = prose.value_html("k", prose.Value("<b>", ("E001",)), "data row E001")
    assert out.startswith('<span class="hb-val" tabindex="0" data-key="k">&lt;b&gt;')
    assert '<span class="hb-note" role="note"> (data row E001)</span>' in out
    assert "<strong>" not in out


def test_credit_names_the_originator_first():
    assert credit("SOHR", "Asharq Al-Awsat", "AFP") == "SOHR, via AFP via Asharq Al-Awsat"
    assert credit("Reuters", "Reuters") == "Reuters"


def test_provenance_note_names_row_source_and_grade():
    index = evidence_index()
    row = index.iloc[0]
    note = provenance_note((row["row_id"],), index)
    page = f"evidence_{row['table']}.html"  # the row's table's own evidence page
    assert f'href="{page}#row-{row["row_id"].lower()}"' in note and f"grade {row['reliability']}" in note
    with pytest.raises(KeyError, match="not in the data package"):
        provenance_note(("Z999",), index)
    assert "table sources.csv" in provenance_note((), index, "sources")


def test_a_row_whose_speaker_is_not_its_page_s_originator_credits_the_speaker():
    """A page carrying several parties' words (a monitor quoted in a round-up credited to a broadcaster): the note
    credits who spoke in the row, then the page read, not the page's originator."""
    index = evidence_index()
    said = index["speaker"].fillna("").astype(str)
    spoken = index[(said != "") & (said != index["originator"])].iloc[0]
    note = provenance_note((spoken["row_id"],), index)
    assert credit(spoken["speaker"], spoken["publisher"]) in note
    assert credit(spoken["originator"], spoken["publisher"]) not in note
    ar_note = arabic.provenance_note((spoken["row_id"],), index)
    assert arabic.credit_html(spoken["speaker"], spoken["publisher"]) in ar_note


def test_page_refuses_duplicates_and_unknown_names():
    page = Page()
    page.add("a", "x")
    with pytest.raises(KeyError, match="already"):
        page.add("a", "y")
    with pytest.raises(KeyError, match="no 'b' on this page"):
        page.show("b")


def test_long_tables_fold_without_repeating_rows():
    from hamabook.output.figure import FOLD_AFTER, table
    from hamabook.output.render import table_html

    out = table(pd.DataFrame({"a": range(FOLD_AFTER + 3)}), "cap", noun="reports").data
    assert out.count("<tr") == FOLD_AFTER + 3 + 1  # every row once, plus the header row
    assert out.count('class="hb-more"') == 3 and f"Show all {FOLD_AFTER + 3} reports" in out
    assert 'type="checkbox"' in out and "<label for=" in out
    short = pd.DataFrame({"a": range(FOLD_AFTER)})
    assert table_html(short, "cap", fold_after=FOLD_AFTER) == table_html(short, "cap")
    assert "hb-fold" not in table_html(short, "cap", fold_after=FOLD_AFTER)


def test_registry_labels_replace_codes_in_registry_order():
    from hamabook.rows.select import labels

    alignments = labels("alignments")
    assert alignments["un_ngo"] == "UN or NGO" and list(alignments.index)[0] == "syrian_government"
    assert labels("categories")["city_captured"]
    with pytest.raises(KeyError, match="no label registry"):
        labels("places")


def test_a_value_takes_its_ids_from_the_rows_it_is_made_from():
    rows = pd.DataFrame({"figure_id": ["N2", "N1", "N2"], "value": [1.0, 2.0, 1.0]})
    assert prose.number(3, rows).rows == ("N2", "N1")  # the table's rows, each once
    assert prose.text("x", rows.iloc[1]).rows == ("N1",)  # one row
    assert prose.count(2, rows["figure_id"]).rows == ("N2", "N1")  # or their ids
    with pytest.raises(ValueError, match="exactly one id column"):
        prose.number(1, rows.assign(event_id="E1"))
    with pytest.raises(ValueError, match="exactly one id column"):
        prose.number(1, pd.DataFrame({"value": [1.0]}))


def test_a_single_source_headline_says_so_in_its_note_not_its_sentence():
    value = prose.headline(prose.number(280000, ["N209"]))
    assert prose.single_source(value, ["WFP"]) == "single source: WFP; "
    assert prose.single_source(value, ["WFP", "OCHA"]) == ""
    assert prose.single_source(prose.number(280000, ["N209"]), ["WFP"]) == ""  # not a bottom-line value
    assert value.text == "280,000"


def test_dates_in_the_story_year_go_without_it():
    """One rule for every chapter's dates (battle, eleven days, allies, military): the year goes where the date
    names its day and falls in the story's year; a month or a year alone, and another year's date, keep it."""
    day = pd.Timestamp("2024-12-05")
    assert prose.fmt_day(day, 2024) == "5 December"
    assert prose.fmt_day(day, 2024, "approximate") == "about 5 December"
    assert prose.fmt_day(day, 2024, "month") == "December 2024"
    assert prose.fmt_day(day, 2024, "year") == "2024"
    assert prose.fmt_day(pd.Timestamp("2012-01-24"), 2024) == "24 January 2012"
    value = prose.date(day, ["E1"])
    assert prose.in_year(value, 2024).text == "5 December" and prose.in_year(value, 2024).rows == ("E1",)
    assert prose.in_year(value, 2023).text == "5 December 2024"
    span = prose.date_range(pd.Timestamp("2024-11-30"), day, ["E1"])
    assert prose.in_year(span, 2024).text == "30 November – 5 December"
    assert prose.in_year("29–30 November 2024", 2024) == "29–30 November"
    assert prose.in_year("6, 8 or 9 December 2024", 2024) == "6, 8 or 9 December"


def test_fmt_dates_lists_each_day_once():
    days = pd.to_datetime(["2024-12-06", "2024-12-05", "2024-12-05"])
    assert prose.fmt_dates(days) == "5 and 6 December 2024"
    assert prose.fmt_dates(days, "or") == "5 or 6 December 2024"  # the days reports give for one event
    assert prose.fmt_dates(pd.to_datetime(["2024-11-30", "2024-12-01"])) == "30 November and 1 December 2024"
    assert prose.fmt_dates(pd.to_datetime(["2024-12-05"])) == "5 December 2024"
    assert prose.in_year(prose.fmt_dates(pd.to_datetime(["2024-11-30", "2024-12-01"]), "or"), 2024) == (
        "30 November or 1 December"
    )
