"""The Arabic edition's numbers, dates, counts and provenance notes (hamabook.output.arabic): one convention,
through Babel."""

import unicodedata

import pandas as pd
import pytest

from hamabook.output import arabic
from hamabook.rows.provenance import evidence_index

DEC = "كانون الأول/ديسمبر"
NOV = "تشرين الثاني/نوفمبر"


def test_numbers_use_western_digits_and_babel_grouping():
    assert arabic.fmt_number(1234567) == "1,234,567"
    assert arabic.fmt_number(12.5) == "12.5"
    assert arabic.fmt_number(40.0) == "40"
    assert arabic.fmt_percent(0.8) == "80%"
    assert arabic.band_text(0.55, 0.8) == "55–80%"
    with pytest.raises(TypeError):
        arabic.fmt_number("12")
    with pytest.raises(ValueError):
        arabic.fmt_number(float("nan"))


def test_no_formatted_text_carries_bidi_controls():
    """Babel's Arabic patterns may hold direction marks; the book's text never does (the data checks forbid them)."""
    texts = [arabic.fmt_number(1234.5), arabic.fmt_percent(0.5), arabic.fmt_date("2024-12-05"), arabic.band_text(0, 1)]
    assert not [t for t in texts if any(unicodedata.category(c) == "Cf" for c in t)]


def test_months_carry_the_syrian_and_the_gregorian_name():
    assert arabic.month_name(12) == DEC
    assert arabic.month_name(2) == "شباط/فبراير"
    assert arabic.month_name(5) == "أيار/مايو"


@pytest.mark.parametrize(
    ("precision", "text"),
    [
        ("year", "1982"),
        ("month", "شباط/فبراير 1982"),
        ("day", "2 شباط/فبراير 1982"),
        ("approximate", "نحو 2 شباط/فبراير 1982"),
    ],
)
def test_dates_render_only_as_precisely_as_known(precision, text):
    assert arabic.fmt_date_at("1982-02-02", precision) == text
    with pytest.raises(ValueError):
        arabic.fmt_date_at("1982-02-02", "week")


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        ("2024-11-29", "2024-11-30", f"29–30 {NOV} 2024"),
        ("2024-11-30", "2024-12-05", f"30 {NOV} – 5 {DEC} 2024"),
        ("2024-12-29", "2025-01-03", f"29 {DEC} 2024 – 3 كانون الثاني/يناير 2025"),
        ("2024-12-05", "2024-12-05", f"5 {DEC} 2024"),
        ("2024-12-05", "2024-12-01", f"1–5 {DEC} 2024"),
    ],
)
def test_date_ranges_are_compressed(start, end, text):
    assert arabic.fmt_date_range(start, end) == text


def test_two_days_joined_by_and_or_or():
    assert arabic.fmt_two_days("2024-11-29", "2024-12-01") == f"29 {NOV} و1 {DEC} 2024"
    assert arabic.fmt_two_days("2024-12-08", "2024-12-07", arabic.OR) == f"7 أو 8 {DEC} 2024"
    assert arabic.fmt_two_days("2024-12-05", "2024-12-05") == f"5 {DEC} 2024"


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (0, "لا تقارير"),
        (1, "تقرير واحد"),
        (2, "تقريرين"),
        (3, "3 تقارير"),
        (10, "10 تقارير"),
        (11, "11 تقريراً"),
        (99, "99 تقريراً"),
        (100, "100 تقرير"),
        (102, "102 تقرير"),
        (103, "103 تقارير"),
        (111, "111 تقريراً"),
        (1000, "1,000 تقرير"),
    ],
)
def test_counts_agree_with_their_noun(n, text):
    assert arabic.count(n, arabic.REPORT) == text


def test_days_and_years():
    assert arabic.count(11, arabic.DAY) == "11 يوماً"
    assert arabic.count(3, arabic.DAY) == "3 أيام"
    assert arabic.count(53, arabic.YEAR) == "53 عاماً"
    with pytest.raises(ValueError):
        arabic.count(-1, arabic.DAY)


def test_ordinals_and_lists():
    assert [arabic.ordinal(n) for n in (1, 4, 10)] == ["أول", "رابع", "عاشر"]
    assert arabic.ordinal(12) == "الـ12"
    with pytest.raises(ValueError):
        arabic.ordinal(0)
    assert arabic.join_words(["حلب"]) == "حلب"
    assert arabic.join_words(["حلب", "حماة", "حمص"]) == "حلب وحماة وحمص"
    with pytest.raises(ValueError):
        arabic.join_words([])


def test_values_keep_their_rows():
    value = arabic.date("2024-12-05", pd.DataFrame({"event_id": ["E1", "E2"]}))
    assert value.text == f"5 {DEC} 2024" and value.rows == ("E1", "E2")
    assert arabic.counted(3, arabic.DAY, ["E1"]).text == "3 أيام"
    with pytest.raises(ValueError):
        arabic.text("", ["E1"])


def test_the_note_names_rows_sources_and_grades_in_arabic():
    index = evidence_index()
    ids = tuple(index["row_id"].head(6))
    note = arabic.provenance_note(ids[:1], index)
    assert note.startswith('صف البيانات <a href="../evidence_')  # the row's own table page
    assert "الدرجة <bdi>" in note and "<bdi>" + ids[0] + "</bdi>" in note
    many = arabic.provenance_note(ids, index)
    assert many.startswith("صفوف البيانات") and many.endswith("إضافة إلى صفين")
    assert arabic.provenance_note((), index, "sources") == "محسوب من حزمة بيانات الكتاب، الجدول <bdi>sources.csv</bdi>"
    assert arabic.provenance_note(ids[:1], index, single="SOHR").startswith("مصدر واحد: <bdi>SOHR</bdi>؛ ")


def test_credit_names_the_chain_in_arabic_with_names_as_registered():
    html = arabic.credit_html("SOHR", "Asharq Al-Awsat", "AFP")
    assert html == "<bdi>SOHR</bdi> عبر <bdi>AFP</bdi> عبر <bdi>Asharq Al-Awsat</bdi>"
    assert arabic.credit_html("Reuters", "Reuters") == "<bdi>Reuters</bdi>"


def test_figure_credits_and_downloads_in_arabic():
    """A figure of the Arabic edition credits its sources and offers its data in Arabic: names and titles as
    published, dates in the edition's convention."""
    import altair as alt

    from hamabook.data import load
    from hamabook.output.figure import figure, source_credit

    ids = list(load("sources")["source_id"].head(6))
    one = source_credit(ids[:1], "ar")
    assert one.startswith("المصدر: <bdi><a href=") and "(الدرجة " in one
    assert source_credit(ids[:2], "ar").startswith("المصادر: ") and "؛ " in source_credit(ids[:2], "ar")
    many = source_credit(ids, "ar")
    assert many.startswith("<details><summary>المصادر: 6 تقارير (الدرجات ") and "؛ اعرضها كلها</summary> " in many
    data = pd.DataFrame({"x": [1, 2], "y": [3, 4]})
    chart = alt.Chart(data).mark_point().encode(x="x:Q", y="y:Q")
    shown = figure("toy-ar", chart, data, caption="تعليق", alt_text="وصف", sources=ids[:1], lang="ar")
    assert "نزّل البيانات المرسومة (CSV، صفين)" in shown.data
    assert "المصدر:" in shown.print_form["text/markdown"] if "text/markdown" in shown.print_form else True
