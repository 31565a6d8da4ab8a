"""The Arabic military situation (``book/ar/military.ipynb``): ``build() -> Page``.

How the front collapsed down the M5, told again for Arabic readers from the English chapter's rows: every value is
the value of the same key on the English page (:mod:`hamabook.chapters.military`, whose section functions select the
rows), and only written again in Arabic (:mod:`hamabook.output.arabic`), with the helpers of the Arabic eleven days
(:mod:`hamabook.chapters.ar.eleven_days`): a date from the dates its rows give, a figure from the English page's own
words for it. The chapter's judgments (J01, J04, J15) are shown in full in the catalogue's Arabic.
"""

from __future__ import annotations

import re

from ...charts import theme
from ...charts.kinds import report_dots
from ...output import arabic
from ...output.figure import figure as draw
from ...output.prose import Value
from .. import military as en
from ..page import Page, Section
from . import _figures, _maps
from ._english import Dated, dated_rows, values_of
from .eleven_days import counted, judgment_boxes, verdicts, when

LANG = "ar"
# The chapter's own judgments, by the keys its prose uses (tests/test_ar_military.py holds them to the English page's).
JUDGMENTS = {"j01_verdict": "J01", "j04_verdict": "J04", "j15_verdict": "J15"}
SOLDIER = arabic.Noun("جندي", "جنديين", "جنود", "جندياً")
PLACE = arabic.Noun("مكان", "مكانين", "أماكن", "مكاناً")


Tables = Dated


def tables() -> Tables:
    t = en.tables()
    ids = en.Used(t.year)
    sections = (
        en.origins, en.aleppo, en.hama_front, en.advance, en.distances, en.army, en.exchange_rate,
        en.russian_strikes, en.homs, en.north, en.other_fronts,
    )  # fmt: skip
    return Tables(t, values_of(t, sections, ids), dated_rows(t))


def span(a: Tables, key: str) -> Value:
    rows = a.dated[a.dated["row_id"].isin(a.en[key].rows)]
    return arabic.date_range(rows["date"].min(), rows["date"].max(), a.en[key].rows)


def dates_and(a: Tables, key: str) -> Value:
    """Several days the rows give for several reports, joined by و ('3 و4 كانون الأول/ديسمبر 2024')."""
    rows = a.dated[a.dated["row_id"].isin(a.en[key].rows)]
    days = sorted(rows["date"].unique())
    if len(days) == 1:
        return arabic.date(days[0], a.en[key].rows)
    return arabic.two_days(days[0], days[-1], a.en[key].rows) if len(days) == 2 else span(a, key)


def figure(a: Tables, key: str) -> Value:
    """A figure or range the English page gives ('50', '1,500–4,000', '10'), in the edition's digits."""
    text = a.en[key].text
    parts = re.fullmatch(r"([\d,.]+)(?:–([\d,.]+))?", text)
    if not parts:
        raise ValueError(f"{key}: cannot read a figure in {text!r}")
    low, high = (float(p.replace(",", "")) for p in (parts.group(1), parts.group(2) or parts.group(1)))
    words = arabic.fmt_number(low) if low == high else f"{arabic.fmt_number(low)}–{arabic.fmt_number(high)}"
    return arabic.text(words, a.en[key].rows)


def build() -> Page:
    theme.apply()
    a = tables()
    dates = (
        "mil_launch", "mil_m5_cut", "mil_aleppo_entered", "mil_aleppo_redeploy", "mil_aleppo_sohr",
        "mil_hama_outskirts", "mil_hold_claim", "mil_four_towns", "mil_counter_begun", "mil_counter_claimed",
        "mil_hama", "mil_pay_date",
        "mil_isw_date", "mil_amnesty_aleppo", "mil_amnesty_conscripts", "mil_ru_killed_first_date", "mil_bridge_dates",
        "mil_bridge_crossed", "mil_homs_walls", "mil_homs_entered", "mil_homs_span", "mil_damascus",
        "mil_sna_opened", "mil_manbij_span", "mil_fronts_first", "mil_daraa_all", "mil_dez_left", "mil_palmyra",
        "mil_fx_official_date",
    )  # fmt: skip
    figures = (
        "mil_aleppo_km", "mil_towns_low", "mil_towns_high", "mil_front_km", "mil_counter_state_km",
        "mil_counter_sohr_km",
        "mil_ring_km",
        "mil_pay_pct", "mil_pay_usd", "mil_buyout_usd", "mil_fx_official", "mil_fx_hama", "mil_iraq_soldiers",
        "mil_ru_killed_first", "mil_bridge_homs_km", "mil_hezbollah_fighters", "mil_daraa_km",
    )  # fmt: skip
    v = {k: when(a, k) for k in dates}
    v |= {k: figure(a, k) for k in figures}
    v["mil_command_first"] = when(a, "mil_command_first", precision="year")
    v["mil_aleppo_span"] = span(a, "mil_aleppo_span")
    v["mil_ring_dates"] = dates_and(a, "mil_ring_dates")
    v["mil_days_total"] = counted(a, "mil_days_total", arabic.DAY)
    v["mil_launch_reports"] = counted(a, "mil_launch_reports", arabic.REPORT)
    v["mil_withdrawal_n"] = counted(a, "mil_withdrawal_n", arabic.REPORT)
    v["mil_outpost"] = counted(a, "mil_outpost", SOLDIER)
    v["mil_places_n"] = counted(a, "mil_places_n", PLACE)
    v["mil_homs_reports"] = counted(a, "mil_homs_reports", arabic.REPORT)
    return Page.of(
        Section(values=verdicts(JUDGMENTS), shows=judgment_boxes(JUDGMENTS.values())),
        Section(
            values=v,
            shows={
                "military-advance-dates": advance_figure(a),
                "military-exchange-rate": exchange_figure(a),
                "military-corridor-map": _maps.corridor_figure("military"),
            },
        ),
        lang=LANG,
    )


def advance_figure(a: Tables):
    """The English page's chart of the days the places on the M5 changed hands (the same reports), right to left."""
    t = a.t
    reported, contested, dots, order = en.advance_dots(en.advance_reports(t)[2], t.places, t.sources)
    first, last = dots["date"].min(), dots["date"].max()
    said = _figures.voice({"Reported date": f"التاريخ كما أفادت به التقارير\n({arabic.fmt_date_range(first, last)})"})
    drawn = dots.assign(place=[said.place(p, n) for p, n in zip(dots["place_id"], dots["place"])])
    drawn = drawn[["place", "date", "publisher", "reliability"]]
    chart = report_dots(
        drawn, "place", [said.place(p, "") for p in order], x_title="Reported date", height=190, size=70,
        opacity=0.75, voice=said,
    )  # fmt: skip
    disputed = arabic.join_words(said.place(p, "") for p in contested.index)
    return draw(
        "military-advance-dates",
        chart,
        drawn,
        caption=f"تبدّلت السيطرة على البلدات والمدن الواقعة على الطريق الدولي M5 واحدةً تلو الأخرى بين "
        f"{arabic.fmt_date_range(first, last)}، واختلفت الروايات في يوم سقوط {disputed}. يرسم الشكل نقطةً لكل تقرير "
        f"({arabic.count(len(drawn), arabic.REPORT)} عن {arabic.count(len(reported), PLACE)}).",
        alt_text="مخطط نقطي، نقطة لكل تقرير، للأيام التي أفادت التقارير بأن البلدات والمدن تبدّلت فيها السيطرة، "
        "الأسبق سقوطاً في الأعلى والزمن يجري من اليمين إلى اليسار، والنقاط ملوّنة بحسب درجة المصدر.",
        sources=list(dict.fromkeys(dots["source_id"])),
        lang=LANG,
    )


# The exchange-rate chart's words: titles, the two rates, the drawn columns its tooltip names.
EXCHANGE_WORDS = {
    "Syrian pounds per US dollar": "ليرة للدولار",
    "Rate": "السعر",
    "market": "السوق",
    "official": "الرسمي",
    "as_of": "التاريخ",
    "rate": "السعر",
    "low": "الأدنى",
    "high": "الأعلى",
}


def exchange_figure(a: Tables):
    """The pound against the dollar: the English page's quotes (official before the launch, market during the
    campaign), right to left, in Arabic."""
    t = a.t
    fx, before, during = en.exchange_rows(t)
    fmt_range = arabic.fmt_date_range
    said = _figures.voice(
        {**EXCHANGE_WORDS, "Date reported": f"تاريخ التقرير\n({fmt_range(fx['as_of'].min(), fx['as_of'].max())})"}
    )
    drawn = said.values(
        fx.assign(place=[said.place(p, "") if isinstance(p, str) else "" for p in fx["place_id"]]), "rate"
    )
    drawn = drawn[en.EXCHANGE_DRAWN]
    official = arabic.fmt_date_at(before["as_of"].iloc[0], before["as_of_precision"].iloc[0])
    return draw(
        "military-exchange-rate",
        en.exchange_chart(drawn, said),
        drawn,
        caption=f"بلغت أسعار السوق في الفترة {fmt_range(during['as_of'].min(), during['as_of'].max())} "
        f"{en.value_text(during)} ليرة للدولار، مقابل سعر رسمي قدره {en.value_text(before)} ليرة في {official}. "
        f"يرسم الشكل نقطةً لكل سعر ({arabic.count(len(fx), arabic.REPORT)})، في الفترة "
        f"{fmt_range(fx['as_of'].min(), fx['as_of'].max())}.",
        alt_text="سلسلة مؤرّخة لأسعار صرف الليرة السورية كما أفادت بها التقارير، في السوق والرسمية، والزمن يجري من "
        "اليمين إلى اليسار، نقطة لكل تقرير وشريط لنطاق الشراء والبيع حين يُذكر.",
        sources=list(dict.fromkeys(fx["source_id"])),
        lang=LANG,
    )
