"""The Arabic page of the chapter on the 1982 Hama massacre (``book/ar/hama1982.ipynb``): ``build() -> Page``.

It says what the English chapter (:mod:`hamabook.chapters.hama1982`) says, from the same rows: each value is taken
from the English section that selects its rows, and only written again in Arabic (:mod:`hamabook.output.arabic`).
The death toll is given as the English gives it: its spread (lowest and highest estimate, the factor between them,
the middle half), the range most repeated, and the one count by name beside it, every estimate in a table.

The judgments are shown in full in Arabic (statement, likelihood, confidence, assumptions, alternative, what would
change the view), every word from ``data/translations.csv``, through the Arabic pages' shared boxes
(:func:`hamabook.chapters.ar._judged.judged`).
"""

from __future__ import annotations

import pandas as pd

from ...charts import theme
from ...charts.kinds_hama1982 import estimate_ranges, population_dots
from ...output import arabic
from ...output.figure import figure, table
from ...output.prose import Value
from ...rows.arabic import original_quote
from ...rows.figures import agreed
from ...rows.select import days_between, modal_date, with_sources
from ...rows.translations import translations
from .. import hama1982 as en
from ..page import Page, Section
from . import _figures as charts
from ._english import English, values_of
from ._judged import judged

LANG = "ar"
CHAPTER = en.CHAPTER
# The judgments the bottom line and the prose cite, as the English page names them (the test holds them equal).
VERDICTS = {"j06_verdict": "J06", "j30_verdict": "J30", "j31_verdict": "J31", "j33_verdict": "J33"}
ESTIMATE = arabic.Noun("تقدير", "تقديرين", "تقديرات", "تقديراً")
SCOPES = {"civilians": "مدنيون", "all deaths": "كل القتلى", "unspecified": "غير محدد"}


# --- The page -------------------------------------------------------------------------------------------------------


Tables = English


def tables() -> Tables:
    t = en.tables()
    sections = (en.months, en.assault, en.death_toll, en.known_then, en.why_estimates_differ, en.then_and_now)
    sections += (en.memory, en.reassurance, en.accountability, en.before, en.data_as_of)
    return Tables(t, values_of(t, sections))


def build() -> Page:
    theme.apply()
    a = tables()
    return Page.of(
        bottom_line(a), assault(a), toll(a), memory(a), accountability(a), judged(CHAPTER, VERDICTS), lang=LANG
    )


def _figures(a: Tables, key: str) -> pd.DataFrame:
    """The figure rows the English value ``key`` rests on, with their bounds."""
    rows = a.t.figures[a.t.figures["figure_id"].isin(a.en[key].rows)]
    if rows.empty:
        raise LookupError(f"{key}: no figure rows")
    return en.bounds(rows)


def _one_figure(a: Tables, key: str) -> pd.Series:
    """The row the English value ``key`` rests on (the best-sourced, where copies of one figure agree)."""
    return agreed(with_sources(_figures(a, key), a.t.sources, ("reliability",)), key)[0]


def _events(a: Tables, key: str) -> pd.DataFrame:
    rows = a.t.events[a.t.events["event_id"].isin(a.en[key].rows)]
    if rows.empty:
        raise LookupError(f"{key}: no event rows")
    return rows


def event_date(a: Tables, key: str, precision: str | None = None) -> Value:
    """The one date the events behind the English value ``key`` give, at their (finest) precision."""
    days = en.distinct_days(_events(a, key))
    if len(days) != 1:
        raise ValueError(f"{key}: rows give {len(days)} dates, not one")
    day, given = days[0]
    return arabic.date(day, a.en[key].rows, precision=precision or given)


def figure_date(a: Tables, key: str, precision: str | None = None) -> Value:
    row = _one_figure(a, key)
    return arabic.date(row["as_of"], a.en[key].rows, precision=precision or row["as_of_precision"])


def number(a: Tables, value, key: str) -> Value:
    return arabic.number(value, a.en[key].rows)


def fmt_between(low: float, high: float, noun: arabic.Noun | None = None) -> str:
    """'بين 1,000 و40,000' (with its noun agreeing with the last number: 'بين 15 و27 يوماً'); one number when
    both ends are the same."""
    if low == high:
        return arabic.count(int(low), noun) if noun else arabic.fmt_number(low)
    last = arabic.count(int(high), noun) if noun else arabic.fmt_number(high)
    return f"بين {arabic.fmt_number(low)} {arabic.AND}{last}"


def between(a: Tables, key: str, noun: arabic.Noun | None = None) -> Value:
    """The span of the figure rows behind the English value ``key``: smallest low to largest high."""
    rows = _figures(a, key)
    return arabic.text(fmt_between(rows["low_"].min(), rows["high_"].max(), noun), a.en[key].rows)


def bottom_line(a: Tables) -> Section:
    """The months of the massacre and of the capture, the toll's lowest and highest estimate and the threshold."""
    t = a.t
    capture = modal_date(t.events, "city_captured", "hama")
    stats = t.stats
    return Section(
        values={
            "h82_massacre_month": arabic.date(t.start, a.en["h82_massacre_month"].rows, precision="month"),
            "h82_capture_month": arabic.date(capture, a.en["h82_capture_month"].rows, precision="month"),
            "h82_toll_lowest": number(a, stats["lowest"], "h82_toll_lowest"),
            "h82_toll_highest": number(a, stats["highest"], "h82_toll_highest"),
            "h82_threshold": number(a, en.THRESHOLD, "h82_threshold"),
            "h82_data_as_of": arabic.date(_figures_or_events_latest(a, "h82_data_as_of"), a.en["h82_data_as_of"].rows),
        }
    )


def _figures_or_events_latest(a: Tables, key: str) -> pd.Timestamp:
    t, rows = a.t, a.en[key].rows
    dates = pd.concat(
        [
            t.figures.loc[t.figures["figure_id"].isin(rows), "as_of"],
            t.events.loc[t.events["event_id"].isin(rows), "as_of"],
        ]
    ).dropna()
    return pd.Timestamp(dates.max())


def assault(a: Tables) -> Section:
    """The years before and the assault: its start, the day it was declared over, its length, the forces."""
    t = a.t
    declared = _events(a, "h82_declared_date").iloc[0]
    troops = _one_figure(a, "h82_troops_range")
    return Section(
        values={
            "h82_ctx_years": arabic.text(
                f"{_events(a, 'h82_ctx_years')['date'].min().year}–{_events(a, 'h82_ctx_years')['date'].max().year}",
                a.en["h82_ctx_years"].rows,
            ),
            "h82_palmyra_date": event_date(a, "h82_palmyra_date"),
            "h82_law_date": arabic.date(_events(a, "h82_law_date")["date"].mode().min(), a.en["h82_law_date"].rows),
            "h82_start_date": arabic.date(t.start, a.en["h82_start_date"].rows),
            "h82_declared_date": event_date(a, "h82_declared_date"),
            "h82_declared_after": arabic.counted(
                days_between(t.start, declared["date"]), arabic.DAY, a.en["h82_declared_after"].rows
            ),
            "h82_days_range": between(a, "h82_days_range", arabic.DAY),
            "h82_troops_range": arabic.text(
                fmt_between(troops["low_"], troops["high_"]), a.en["h82_troops_range"].rows
            ),
        }
    )


def toll(a: Tables) -> Section:
    """The toll: its spread and what each estimate counts, the first and later figures, the one count by name,
    the range most repeated; every estimate in a table."""
    t, stats = a.t, a.t.stats
    counts = t.toll["scope_class"].value_counts()
    first, later = _one_figure(a, "h82_first_toll"), _one_figure(a, "h82_later_toll")
    bracket = _figures(a, "h82_bracket")
    v = {
        "h82_n_estimates": arabic.counted(stats["n"], ESTIMATE, a.en["h82_n_estimates"].rows),
        "h82_toll_ratio": number(a, round(stats["ratio"]), "h82_toll_ratio"),
        "h82_toll_median": number(a, stats["median"], "h82_toll_median"),
        "h82_toll_iqr_range": arabic.text(fmt_between(stats["q1"], stats["q3"]), a.en["h82_toll_iqr_range"].rows),
        "h82_first_date": figure_date(a, "h82_first_date"),
        "h82_first_toll": number(a, first["high_"], "h82_first_toll"),
        "h82_later_year": figure_date(a, "h82_later_year", precision="year"),
        "h82_later_toll": number(a, later["high_"], "h82_later_toll"),
        "h82_boast": number(a, _one_figure(a, "h82_boast")["value"], "h82_boast"),
        "h82_thirty_year": figure_date(a, "h82_thirty_year", precision="year"),
        "h82_both_sides": number(a, _one_figure(a, "h82_both_sides")["high_"], "h82_both_sides"),
        "h82_counters_toll": between(a, "h82_counters_toll"),
        "h82_dis_range": between(a, "h82_dis_range"),
        "h82_snhr_documented": number(a, _one_figure(a, "h82_snhr_documented")["value"], "h82_snhr_documented"),
        "h82_snhr_documented_date": figure_date(a, "h82_snhr_documented_date"),
        "h82_dis_documented": number(a, _one_figure(a, "h82_dis_documented")["value"], "h82_dis_documented"),
        "h82_snhr_estimate": between(a, "h82_snhr_estimate"),
        "h82_swiss_range": between(a, "h82_swiss_range"),
        "h82_bracket": arabic.text(
            fmt_between(bracket["low_"].iloc[0], bracket["high_"].iloc[0]), a.en["h82_bracket"].rows
        ),
        "h82_n_bracket": arabic.counted(len(bracket), ESTIMATE, a.en["h82_n_bracket"].rows),
        "h82_bracket_first_year": arabic.date(
            bracket["as_of"].min(), a.en["h82_bracket_first_year"].rows, precision="year"
        ),
    }
    for key, cls in (
        ("h82_n_civilian", "civilians"),
        ("h82_n_all", "all deaths"),
        ("h82_n_unspecified", "unspecified"),
    ):
        v[key] = arabic.counted(int(counts.get(cls, 0)), ESTIMATE, a.en[key].rows)
    s = Section(values=v)
    s.add("hama1982-death-toll", toll_figure(a))
    s.add("hama1982-estimates", estimates_table(a))
    s.add("hama1982-population", population_figure(a))
    return s


# The toll chart's words: its titles and the columns its tooltip names (the classes are SCOPES).
TOLL_WORDS = {
    "What the estimate counts": "ما يُحصيه التقدير",
    "Deaths (estimate)": "القتلى (تقدير)",
    "made_by": "صاحب التقدير",
    "estimate_year": "سنة التقدير",
    "low": "الأدنى",
    "high": "الأعلى",
    "counts": "ما يُحصيه",
}


# The population chart's words: titles, the two periods a figure refers to, the drawn columns its tooltip names.
POPULATION_WORDS = {
    "Year the figure refers to": "السنة التي يعود إليها الرقم",
    "Population of Hama city": "عدد سكان مدينة حماة",
    "Refers to": "يعود إلى",
    "later": "وقت لاحق",
    "refers_to": "السنة",
    "population": "عدد السكان",
    "scope": "ما يشمله",
}


def population_figure(a: Tables):
    """Hama's population then and now: the English page's figures, by the year each refers to, in Arabic."""
    t, fmt = a.t, arabic.fmt_number
    pop_then, latest, _, growth = en.population_facts(t)
    around = f"around {t.start.year}"  # the English chapter's period of a figure for the time of the massacre
    said = charts.voice({**POPULATION_WORDS, around: f"نحو {t.start.year}"})
    drawn = said.values(en.population_drawn(t.pop), "period")
    low, high = fmt(pop_then["value"].min()), fmt(pop_then["value"].max())
    return figure(
        "hama1982-population",
        population_dots(drawn, said),
        drawn,
        caption=(
            f"تتراوح أرقام سكان حماة وقت المجزرة بين {low} و{high}؛ وبحلول {latest['as_of'].year} قُدّر عدد سكان المدينة "
            f"بنحو {fmt(latest['value'])}، أي نحو {arabic.fmt_number(round(growth, 1))} أضعاف أكبرها."
        ),
        alt_text=(
            f"مخطط نقطي لعدد سكان حماة بحسب السنة التي يعود إليها كل رقم، نقطة لكل مصدر، ملوّنة بحسب وصفها المدينة "
            f"نحو عام {t.start.year} أو بعده، والزمن يجري من اليمين إلى اليسار؛ ترتفع النقاط من {low}–{high} نحو عام "
            f"{t.start.year} إلى نحو {fmt(latest['value'])} في {latest['as_of'].year}."
        ),
        sources=list(dict.fromkeys(t.pop["source_id"])),
        lang=LANG,
    )


def arabic_estimator(figure_id: str, made_by: str) -> str:
    """Who made an estimate, in the book's Arabic (data/translations.csv) where the row names them in words of its
    own; an organisation the source names as it publishes keeps that name."""
    return translations("figures", "estimated_by").get(figure_id, made_by)


def toll_figure(a: Tables):
    """The English page's range chart of the toll's estimates (the same rows), right to left, in Arabic."""
    t, stats, fmt = a.t, a.t.stats, arabic.fmt_number
    said = charts.voice({**TOLL_WORDS, **SCOPES})
    drawn = said.values(en.toll_drawn(t.toll), "counts")
    drawn = drawn.assign(made_by=[arabic_estimator(f, m) for f, m in zip(drawn["figure_id"], drawn["made_by"])])
    drawn = drawn.assign(label=drawn["made_by"] + "، " + drawn["estimate_year"] + " [" + drawn["figure_id"] + "]")
    widest = t.toll.loc[(t.toll["high_"] - t.toll["low_"]).idxmax()]
    first, last = t.toll.iloc[0]["year"], t.toll.iloc[-1]["year"]
    return figure(
        "hama1982-death-toll",
        estimate_ranges(drawn, en.SCOPE_CLASSES, said),
        drawn,
        caption=(
            f"تمتد تقديرات حصيلة قتلى حماة، وهي {arabic.count(stats['n'], ESTIMATE)} وُضعت بين عامي {first} و{last}، "
            f"من {fmt(stats['lowest'])} إلى {fmt(stats['highest'])}؛ ويقع نصف نقاط منتصفها بين {fmt(stats['q1'])} "
            f"و{fmt(stats['q3'])} (الخط المتقطع: وسيط نقاط المنتصف، {fmt(stats['median'])}). "
            "وتسمّي كل تسمية صاحب التقدير."
        ),
        alt_text=(
            f"مخطط مدى، صف لكل تقدير لحصيلة قتلى حماة عام {t.start.year}، الأقدم في الأعلى، وعلى كل صف اسم صاحب "
            "التقدير وسنته. تُظهر الأشرطة المدى من الأدنى إلى الأعلى والنقاط الأرقام المفردة، ملوّنة بحسب ما يُحصيه "
            f"التقدير: المدنيين أو كل القتلى أو غير محدد. أوسع مدى، من {fmt(widest['low_'])} إلى "
            f"{fmt(widest['high_'])}، هو تقدير {arabic_estimator(widest['figure_id'], widest['made_by'])}؛ "
            "ويشير خط متقطع إلى الوسيط."
        ),
        sources=list(dict.fromkeys(t.toll["source_id"])),
        lang=LANG,
    )


def estimates_table(a: Tables):
    """Every dated estimate of the toll, oldest first, as the English table lists them, in Arabic."""
    rows = a.t.toll
    shown = pd.DataFrame(
        {
            "made": [arabic.fmt_date_at(d, p) for d, p in zip(rows["as_of"], rows["as_of_precision"], strict=True)],
            "estimate": [fmt_between(lo, hi) for lo, hi in zip(rows["low_"], rows["high_"], strict=True)],
            "made_by": [arabic_estimator(f, m) for f, m in zip(rows["figure_id"], rows["made_by"], strict=True)],
            "counts": rows["scope_class"].map(SCOPES),
            "publisher": rows["publisher"],
            "url": rows["url"],
            "reliability": rows["reliability"],
        }
    )
    return table(
        shown,
        caption=f"كل تقدير مؤرّخ لحصيلة قتلى حماة عام {a.t.start.year}، الأقدم أولاً",
        labels={
            "made": "تاريخ التقدير",
            "estimate": "القتلى",
            "made_by": "صاحب التقدير",
            "counts": "من يُحصي",
            "publisher": "النسخة المقروءة",
            "reliability": "الدرجة",
        },
        links={"publisher": "url"},
        fold_words=(f"عرض التقديرات كلها ({arabic.fmt_number(len(shown))})", "عرض أولها فقط"),
    )


def memory(a: Tables) -> Section:
    """2024: the video and its words (quoted in Arabic), the years of the wound, the offers around the capture."""
    t = a.t
    video = _events(a, "h82_video_date")
    said = t.mine[
        (t.mine["category"] == "statement") & (t.mine["date"] == video["date"].iloc[0]) & (t.mine["place_id"] == "hama")
    ]
    quote = original_quote(said, t.sources)
    wound = _figures(a, "h82_wound_years")
    start_rows = a.en["h82_elapsed_years"].rows
    return Section(
        values={
            "h82_video_date": event_date(a, "h82_video_date"),
            "h82_video_quote": arabic.text(quote["quote"], quote),
            "h82_wound_years": arabic.counted(int(wound["value"].mode().iloc[0]), arabic.YEAR, wound["figure_id"]),
            "h82_elapsed_years": arabic.counted(
                int(days_between(t.start, video["date"].iloc[0]) / 365.25), arabic.YEAR, start_rows
            ),
            "h82_towns_dates": arabic.date_range(
                _events(a, "h82_towns_dates")["date"].min(),
                _events(a, "h82_towns_dates")["date"].max(),
                a.en["h82_towns_dates"].rows,
            ),
            "h82_anniversary_date": event_date(a, "h82_anniversary_date"),
        }
    )


def accountability(a: Tables) -> Section:
    """The Swiss case and the French one."""
    back = _one_figure(a, "h82_return_year")
    sentence = _one_figure(a, "h82_sentence_years")
    return Section(
        values={
            "h82_indict_date": event_date(a, "h82_indict_date"),
            "h82_return_year": arabic.text(str(int(back["value"])), a.en["h82_return_year"].rows),
            "h82_close_date": event_date(a, "h82_close_date"),
            "h82_fr_conviction_date": event_date(a, "h82_fr_conviction_date"),
            "h82_sentence_years": arabic.counted(int(sentence["value"]), arabic.YEAR, a.en["h82_sentence_years"].rows),
            "h82_fr_final_date": event_date(a, "h82_fr_final_date"),
        }
    )
