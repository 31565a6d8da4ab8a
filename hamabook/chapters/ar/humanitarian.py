"""The Arabic page of the chapter on the humanitarian impact (``book/ar/humanitarian.ipynb``): ``build() -> Page``.

It says what the English chapter (:mod:`hamabook.chapters.humanitarian`) says, from the same rows: each value is
taken from the English section that selects its rows (the latest figure of one organisation and one definition,
the peak, the first day) and only written again in Arabic (:mod:`hamabook.output.arabic`). Counts of different
things are never merged: each figure keeps its organisation, its definition and its date. The judgment is shown in
full in Arabic through the Arabic pages' shared boxes (:func:`hamabook.chapters.ar._judged.judged`).
"""

from __future__ import annotations

import pandas as pd

from ...charts import theme
from ...output import arabic
from ...output.figure import figure
from ...output.prose import Value
from ...rows.figures import value_or_range
from ...rows.translations import translated
from .. import humanitarian as en
from ..page import Page, Section
from ._english import English, values_of
from ._figures import voice as chart_voice
from ._judged import judged
from .hama1982 import fmt_between

LANG = "ar"
CHAPTER = "humanitarian"
VERDICTS = {"j40_verdict": "J40"}  # as the English page names it (the test holds them equal)


Tables = English


def tables() -> Tables:
    t = en.tables()
    sections = (en.baseline, en.flight, en.displacement, en.displacement_definitions, en.casualties, en.hama)
    sections += (en.relief, en.returns, en.data_dates)
    return Tables(t, values_of(t, sections))


def build() -> Page:
    theme.apply()
    a = tables()
    page = Page.of(
        bottom_line(a),
        before(a),
        flight(a),
        Section(shows={"humanitarian-displacement": displacement_figure(a)}),
        casualties(a),
        Section(shows={"humanitarian-casualties": casualty_figure(a)}),
        hama(a),
        returns(a),
        judged(CHAPTER, VERDICTS),
        lang=LANG,
    )
    page.headline("hum_peak_value", "hum_still_value")
    return page


def _figures(a: Tables, key: str) -> pd.DataFrame:
    """The figure rows the English value ``key`` rests on, with their low and high ends."""
    figures = a.t.figures
    rows = figures[figures["figure_id"].isin(a.en[key].rows)]
    if rows.empty:
        raise LookupError(f"{key}: no figure rows")
    low, high = value_or_range(rows)
    return rows.assign(low_=low, high_=high)


def amount(a: Tables, key: str) -> Value:
    """The figure the English value ``key`` states: one number, or 'بين X وY' where its rows give a range."""
    rows = _figures(a, key)
    return arabic.text(fmt_between(rows["low_"].min(), rows["high_"].max()), a.en[key].rows)


def when(a: Tables, key: str, precision: str | None = None) -> Value:
    """The one as-of date of the figure rows behind the English value ``key``, at their precision."""
    rows = _figures(a, key)
    days = rows["as_of"].unique()
    if len(days) != 1:
        raise ValueError(f"{key}: rows give {len(days)} dates, not one")
    given = rows["as_of_precision"].iloc[0] if "as_of_precision" in rows else "day"
    return arabic.date(days[0], a.en[key].rows, precision=precision or (given if isinstance(given, str) else "day"))


def event_date(a: Tables, key: str) -> Value:
    """The one date of the events behind the English value ``key``."""
    events = a.t.events
    rows = events[events["event_id"].isin(a.en[key].rows)]
    if rows["date"].nunique() != 1:
        raise ValueError(f"{key}: rows give {rows['date'].nunique()} dates, not one")
    return arabic.date(rows["date"].iloc[0], a.en[key].rows)


def percent(a: Tables, share: float, key: str) -> Value:
    return arabic.text(arabic.fmt_percent(share / 100), a.en[key].rows)


def bottom_line(a: Tables) -> Section:
    """The peak of the displaced still away from home, and where it stood by the end of the window."""
    return Section(
        values={
            "hum_peak_value": amount(a, "hum_peak_value"),
            "hum_peak_date": when(a, "hum_peak_date"),
            "hum_still_value": amount(a, "hum_still_value"),
            "hum_still_date": when(a, "hum_still_date"),
            "hum_disp_as_of": when(a, "hum_disp_as_of"),
            "hum_data_as_of": when(a, "hum_data_as_of"),
        }
    )


def before(a: Tables) -> Section:
    """The country the offensive struck: the war's dead, the people in need, the refugees abroad."""
    return Section(
        values={
            "hum_war_dead": amount(a, "hum_war_dead"),
            "hum_pin": amount(a, "hum_pin"),
            "hum_pin_date": when(a, "hum_pin_date"),
            "hum_ref": amount(a, "hum_ref"),
            "hum_start": arabic.date(pd.Timestamp(en.START), a.en["hum_start"].rows),
        }
    )


def flight(a: Tables) -> Section:
    """The flight: Hama, Homs, WFP's count and its warning."""
    return Section(
        values={
            "hum_hama_wave_date": event_date(a, "hum_hama_wave_date"),
            "hum_homs_flight_date": event_date(a, "hum_homs_flight_date"),
            "hum_wfp_value": amount(a, "hum_wfp_value"),
            "hum_wfp_date": when(a, "hum_wfp_date"),
            "hum_wfp_proj": amount(a, "hum_wfp_proj"),
        }
    )


def _part(row: pd.Series, total: pd.Series, noun: str) -> str:
    """'772 من المقاتلين', with the part's own date where it differs from the total's."""
    text = f"{fmt_between(row['low_'], row['high_'])} من {noun}"
    if pd.Timestamp(row["as_of"]) == pd.Timestamp(total["as_of"]):
        return text
    return f"{text} (حتى {arabic.fmt_date_at(row['as_of'], row.get('as_of_precision') or 'day')})"


def casualties(a: Tables) -> Section:
    """SOHR's running toll and its split; the civilians counted by OCHA and SNHR."""
    total = _figures(a, "hum_dead_all").iloc[0]
    split = _figures(a, "hum_dead_split")
    fighters, civilians = (split[split["metric"] == m].iloc[0] for m in en.DEATHS[1:])
    return Section(
        values={
            "hum_dead_first": amount(a, "hum_dead_first"),
            "hum_dead_all": amount(a, "hum_dead_all"),
            "hum_dead_all_date": when(a, "hum_dead_all_date"),
            "hum_dead_split": arabic.text(
                f"{_part(fighters, total, 'المقاتلين')} {arabic.AND}{_part(civilians, total, 'المدنيين')}",
                a.en["hum_dead_split"].rows,
            ),
            "hum_civ_share": percent(a, round(100 * civilians["low_"] / total["low_"]), "hum_civ_share"),
            "hum_dead_ocha": amount(a, "hum_dead_ocha"),
            "hum_dead_ocha_date": when(a, "hum_dead_ocha_date"),
            "hum_dead_snhr": amount(a, "hum_dead_snhr"),
            "hum_dead_snhr_date": when(a, "hum_dead_snhr_date"),
        }
    )


def hama(a: Tables) -> Section:
    """Hama in the week it fell: the unverified claim, the counts it is weighed against, the strikes, the prison."""
    claim, then = _figures(a, "hum_hama_claim").iloc[0], _figures(a, "hum_sohr_civ_then").iloc[0]
    same_day = pd.Timestamp(then["as_of"]) == pd.Timestamp(claim["as_of"])
    return Section(
        values={
            "hum_hama_claim": amount(a, "hum_hama_claim"),
            "hum_hama_claim_date": when(a, "hum_hama_claim_date"),
            "hum_sohr_civ_then": amount(a, "hum_sohr_civ_then"),
            "hum_sohr_civ_then_when": (
                arabic.text("في اليوم نفسه", a.en["hum_sohr_civ_then_when"].rows)
                if same_day
                else arabic.text(f"في {arabic.fmt_date(then['as_of'])}", a.en["hum_sohr_civ_then_when"].rows)
            ),
            "hum_ocha_civ_then": amount(a, "hum_ocha_civ_then"),
            "hum_ocha_civ_then_date": when(a, "hum_ocha_civ_then_date"),
            "hum_hama_strikes_date": event_date(a, "hum_hama_strikes_date"),
            "hum_hama_freed_date": event_date(a, "hum_hama_freed_date"),
            "hum_chief_date": event_date(a, "hum_chief_date"),
        }
    )


def returns(a: Tables) -> Section:
    """Going home: the displaced back by the end of December and their share; refugees back by the latest
    estimate, against UNHCR's forecast."""
    rows = _figures(a, "hum_home_share")
    back, away = (rows.loc[rows["metric"] == m, "low_"].iloc[0] for m in (en.DISPLACEMENT[2], en.DISPLACEMENT[1]))
    share = en.home_share(back, away)
    return Section(
        values={
            "hum_home_value": amount(a, "hum_home_value"),
            "hum_home_date": when(a, "hum_home_date"),
            "hum_home_share": percent(a, share, "hum_home_share"),
            "hum_forecast": amount(a, "hum_forecast"),
            "hum_ret_last": amount(a, "hum_ret_last"),
            "hum_ret_last_date": when(a, "hum_ret_last_date"),
            "hum_idp_back": amount(a, "hum_idp_back"),
        }
    )


# The displacement chart's words: its titles and the drawn columns its tooltip names.
CHART_WORDS = {
    "Counted by": "الجهة التي أحصت",
    "People": "الأشخاص",
    "counted_by": "الجهة التي أحصت",
    "point": "العدد",
    "as_of": "التاريخ",
    "People killed since the offensive began": "القتلى منذ بدء الهجوم",
    "Counted by – what": "الجهة التي أحصت – ما أحصته",
    "series": "السلسلة",
}


def _via(counted_by: str) -> str:
    """Who counted a figure and through whom it came, in Arabic: 'OCHA, via ReliefWeb' -> 'OCHA، عبر ReliefWeb'."""
    return counted_by.replace(", via ", "، عبر ").replace(" via ", " عبر ")


def displacement_figure(a: Tables):
    """The English page's displacement chart (the same figures, one panel per definition, one line per counting
    body), right to left, each definition labelled as data/translations.csv words it."""
    disp = a.t.disp
    top, still, home, unhcr = en.displacement_points(disp)
    drawn = en.series(disp)
    labels = {m: translated("metrics", m, "label") for m in en.DISPLACEMENT}
    drawn = drawn.assign(
        metric_label=drawn["metric"].map(labels),
        counted_by=drawn["counted_by"].map(_via),
    )
    span = arabic.fmt_date_range(drawn["as_of"].min(), drawn["as_of"].max())
    said = chart_voice({**CHART_WORDS, "As of": f"التاريخ\n({span})"})
    shown = drawn[[*en.DISPLACEMENT_DRAWN, "reliability", "n_reports"]]
    bodies = arabic.join_words(sorted(shown["organisation"].unique()))
    return figure(
        "humanitarian-displacement",
        en.displacement_chart(shown, [labels[m] for m in en.DISPLACEMENT], said),
        shown,
        caption=(
            f"بلغ عدد من ما زالوا نازحين في إحصاء {top['organisation']} ذروته، {en.as_text(top)}، في "
            f"{arabic.fmt_date(top['as_of'])}، ثم صار {en.as_text(still)} في {arabic.fmt_date(still['as_of'])}؛ "
            f"وبحلول {arabic.fmt_date(home['as_of'])} أحصى {en.as_text(home)} عادوا إلى مناطقهم الأصلية. لا تصل "
            "الخطوط إلا بين أرقام جهة واحدة وتعريف واحد، والأشرطة العمودية نطاقات."
        ),
        alt_text=(
            f"ثلاثة مخططات خطية متراكبة يجمعها محور زمني واحد، {span}، والزمن يجري من اليمين إلى اليسار، مخطط لكل "
            "تعريف: النازحون الجدد، ومن ما زالوا نازحين، ومن عادوا. النقاط ملوّنة بحسب الجهة التي أحصت "
            f"({bodies})؛ وتُرسم تقديرات المفوضية السامية للأمم المتحدة لشؤون اللاجئين أشرطةً عمودية من "
            f"{en.as_text(unhcr)}."
        ),
        sources=list(dict.fromkeys(drawn["source_id"])),
        lang=LANG,
    )


def casualty_figure(a: Tables):
    """The English page's death tolls (the same figures, one line per counting body and definition), right to left,
    each definition as data/translations.csv words it."""
    dead = a.t.dead
    tot, fighters, civ, ocha, snhr = en.casualty_points(dead)
    drawn = en.series(dead)
    labels = {m: translated("metrics", m, "label") for m in en.DEATHS}
    drawn = drawn.assign(metric_label=drawn["metric"].map(labels))
    drawn = drawn.assign(
        series=drawn["organisation"] + " – " + drawn["metric_label"],
        counted_by=drawn["counted_by"].map(_via),
    )
    span = arabic.fmt_date_range(drawn["as_of"].min(), drawn["as_of"].max())
    said = chart_voice({**CHART_WORDS, "As of": f"التاريخ\n({span})"})
    shown = drawn[en.CASUALTY_DRAWN]
    return figure(
        "humanitarian-casualties",
        en.casualty_chart(shown, said),
        shown,
        caption=(
            f"بلغت حصيلة المرصد السوري لحقوق الإنسان المتراكمة {en.as_text(tot)} "
            f"بحلول {arabic.fmt_date(tot['as_of'])}، "
            f"معظمهم من المقاتلين ({en.as_text(fighters)})؛ أما أعداد المدنيين فأقل بكثير وتختلف بحسب التعريف: "
            f"المرصد {en.as_text(civ)}، والشبكة السورية لحقوق الإنسان {en.as_text(snhr)} (في الشمال، حتى "
            f"{arabic.fmt_date(snhr['as_of'])})، ومكتب الأمم المتحدة لتنسيق الشؤون الإنسانية {en.as_text(ocha)} "
            f"(موثّقة، في الشمال الغربي، حتى {arabic.fmt_date(ocha['as_of'])})."
        ),
        alt_text=(
            f"مخطط خطي لحصائل القتلى، {span}، والزمن يجري من اليمين إلى اليسار، خط لكل جهة وتعريف: مجموع القتلى عند "
            f"المرصد السوري يرتفع إلى {en.as_text(tot)}، وقتلى المقاتلين عنده دونه بقليل، وخطوط أدنى بكثير للمدنيين "
            "كما أحصاهم المرصد ومكتب تنسيق الشؤون الإنسانية والشبكة السورية لحقوق الإنسان."
        ),
        sources=list(dict.fromkeys(drawn["source_id"])),
        lang=LANG,
    )
