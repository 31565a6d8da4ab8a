"""The Arabic opening page (``book/ar/intro.ipynb``): ``build() -> Page``.

It says what the English introduction says from the same rows: each value is taken from the English page's section
(:mod:`hamabook.chapters.intro`), whose selection gives the rows, and only written again in Arabic
(:mod:`hamabook.output.arabic`): dates as the reports give them, counts with their noun. The key judgments, the
bottom line's verdicts and the chronology read the same tables through the same rules. Quotations from Arabic
sources are their own words (``quote``), picked by one rule (:func:`hamabook.rows.arabic.original_quote`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

import pandas as pd

from ...charts import theme
from ...charts.kinds import report_dots
from ...data import load
from ...data.checks import own_page
from ...output import arabic
from ...output.arabic_judgments import key_judgments, verdict_values
from ...output.figure import FOLD_AFTER, figure, table
from ...output.prose import Value
from ...rows.arabic import category_label, original_quote, place_names
from ...rows.provenance import credit_chain
from ...rows.select import days_between, modal_date, reported_dates
from .. import intro as en
from ..page import Page, Section
from . import _figures

LANG = "ar"
CONTROL_CHANGE = "control_change"  # category_label's key for a row of control_changes.csv
# The judgments the bottom line cites: the English page's (tests/test_ar_intro.py holds them equal).
BOTTOM_LINE = {"j16_verdict": "J16", "j09_verdict": "J09"}


@dataclass(frozen=True)
class Tables:
    """The English page's tables and its sections (whose values' rows are the selections this page words again),
    and every fact row's date at its precision."""

    t: en.Tables
    en: dict[str, Value]  # the English page's values, by key
    story: list[str]  # the rows the English page's story cites (its "as of" date counts them)
    dated: pd.DataFrame  # row_id, date, date_precision


def tables() -> Tables:
    t = en.tables()
    story = [en.eleven_days(t), en.who_governs(t), en.why_it_matters(t)]  # as the English build() reads them
    values = {k: v for s in (en.what_happened(t), *story, en.context(t)) for k, v in s.values.items()}
    cited = [row for s in story for value in s.values.values() for row in value.rows]
    frames = [
        t.events.rename(columns={"event_id": "row_id"}),
        t.changes.rename(columns={"change_id": "row_id"}),
        t.outcomes.rename(columns={"outcome_id": "row_id"}).assign(date_precision="day"),
        t.figures.rename(columns={"figure_id": "row_id", "as_of": "date"}).assign(date_precision="day"),
    ]
    dated = pd.concat([f[["row_id", "date", "date_precision"]] for f in frames], ignore_index=True)
    return Tables(t, values, cited, dated)


def _rows(a: Tables, key: str) -> pd.DataFrame:
    """The dated rows the English page's value ``key`` rests on."""
    return a.dated[a.dated["row_id"].isin(a.en[key].rows)]


def one_date(a: Tables, key: str, precision: str | None = None) -> Value:
    """The one date the rows of the English value ``key`` give, at their precision (or ``precision``)."""
    rows = _rows(a, key)
    days = rows["date"].unique()
    if len(days) != 1:
        raise ValueError(f"{key}: rows give {len(days)} dates, not one")
    return arabic.date(days[0], a.en[key].rows, precision=precision or rows["date_precision"].iloc[0])


def two_days(a: Tables, key: str, word: str = arabic.AND) -> Value:
    """The first and last day the rows of the English value ``key`` give ('7 أو 8 كانون الأول/ديسمبر 2024')."""
    rows = _rows(a, key)
    return arabic.two_days(rows["date"].min(), rows["date"].max(), a.en[key].rows, word=word)


def build() -> Page:
    theme.apply()
    a = tables()
    judgments, likelihood = load("judgments"), load("likelihood_scale")
    return Page.of(
        opening(a),
        what_happened(a),
        who_governs(a),
        why_it_matters(a),
        Section(
            values=verdict_values(judgments, likelihood, BOTTOM_LINE),
            shows={"key-judgments": key_judgments(judgments, likelihood, en.ranked(judgments), judgment_pages())},
        ),
        chronology(a),
        lang=LANG,
    )


def judgment_pages() -> dict[str, tuple[str, str]]:
    """Where each chapter's judgment boxes are, seen from this page: its Arabic page once it has one
    (``arabic_page`` in chapters.csv), the English one until then."""
    chapters = load("chapters")
    pages = {}
    for row in chapters.itertuples():
        if isinstance(row.arabic_page, str) and row.arabic_page:
            pages[row.chapter] = (f"{PurePosixPath(row.arabic_page).name}.html", "ar")
        else:
            pages[row.chapter] = (f"{arabic.ENGLISH}{row.chapter}.html", "en")
    return pages


def relayed(rows: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The rows whose copy carries another party's words (its originator is not the outlet itself): an
    announcement quoted, not an outlet's own account of it."""
    own = sources.fillna({"via": ""}).apply(lambda s: own_page(s["publisher"], s["originator"], s["via"]), axis=1)
    return rows[rows["source_id"].isin(sources.loc[~own, "source_id"])]


def opening(a: Tables) -> Section:
    """What happened, in the page's first paragraphs: the launch (in the words of its announcement), Aleppo, Hama,
    Damascus (in the words of the broadcast that ended Assad's rule) and Assad in Moscow."""
    t = a.t
    launch = modal_date(t.events, "offensive_launch")
    hama = modal_date(t.events, "city_captured", "hama")
    damascus = modal_date(t.events, "city_captured", "damascus")
    rank = int(t.rank_rows.iloc[0]["value"])
    said = original_quote(relayed(t.launch_rows, t.sources), t.sources)
    ended = original_quote(reported_dates(t.events, en.END_EVENTS[0]), t.sources)
    return Section(
        values={
            "launch_date": arabic.date(launch, a.en["launch_date"].rows),
            "launch_quote": arabic.text(said["quote"], said),
            "aleppo_dates": two_days(a, "aleppo_dates"),
            "hama_rank": arabic.text(
                "أكبر مدينة" if rank == 1 else f"{arabic.ordinal(rank)} أكبر مدينة", a.en["hama_rank"].rows
            ),
            "hama_date": arabic.date(hama, a.en["hama_date"].rows),
            "days_hama_to_damascus": arabic.counted(
                days_between(hama, damascus), arabic.DAY, a.en["days_hama_to_damascus"].rows
            ),
            "damascus_date": arabic.date(damascus, a.en["damascus_date"].rows),
            "end_quote": arabic.text(ended["quote"], ended),
            "assad_moscow": two_days(a, "assad_moscow", arabic.OR),
        }
    )


def what_happened(a: Tables) -> Section:
    """The offensive in brief: the approaches to Hama, the days to Hama and Damascus, Homs and Daraa."""
    t = a.t
    launch = modal_date(t.events, "offensive_launch")
    return Section(
        values={
            "hama_approach": one_date(a, "hama_approach"),
            "days_to_hama": arabic.counted(
                days_between(launch, modal_date(t.events, "city_captured", "hama")),
                arabic.DAY,
                a.en["days_to_hama"].rows,
            ),
            "homs_dates": two_days(a, "homs_dates", arabic.OR),
            "daraa_dates": two_days(a, "daraa_dates", arabic.OR),
            "days_to_damascus": arabic.counted(
                days_between(launch, modal_date(t.events, "city_captured", "damascus")),
                arabic.DAY,
                a.en["days_to_damascus"].rows,
            ),
            "length_range": length_range(a),
        }
    )


def length_range(a: Tables) -> Value:
    """The offensive's reported length: '11 يوماً' or 'بين 11 و12 يوماً' (the figures' own values)."""
    days = a.t.length["value"].astype(float)
    low, high = int(days.min()), int(days.max())
    words = arabic.count(low, arabic.DAY) if low == high else f"بين {low} {arabic.AND}{arabic.count(high, arabic.DAY)}"
    return arabic.text(words, a.en["length_range"].rows)


def who_governs(a: Tables) -> Section:
    """Who has governed Syria since: the name al-Sharaa used until December 2024, the caretaker government, the
    transitional president, the constitutional declaration, the lifting of the sanctions listings."""
    t = a.t
    president = en._of(t.events, "category", "transitional_president")
    return Section(
        values={
            "sharaa_until": one_date(a, "sharaa_until", precision="month"),
            "caretaker_date": one_date(a, "caretaker_date"),
            "president_date": arabic.date(president["date"].iloc[0], a.en["president_date"].rows),
            "declaration_date": one_date(a, "declaration_date"),
            "delisted": arabic.date(_rows(a, "delisted")["date"].max(), a.en["delisted"].rows, precision="month"),
        }
    )


def why_it_matters(a: Tables) -> Section:
    """What the week ended: the Assad family's years over Hama, the city never taken and its massacre; what it
    changed: Iran's route to Hezbollah, Israel's line on the Golan."""
    t = a.t
    family = t.figures[t.figures["metric"] == "context_years"]
    return Section(
        values={
            "family_years": arabic.counted(int(family["value"].max()), arabic.YEAR, a.en["family_years"].rows),
            "hama_never_taken": arabic.text(
                "مدينةً لم تدخلها الفصائل قط طوال سنوات الحرب", a.en["hama_never_taken"].rows
            ),
            "massacre_year": arabic.text(str(modal_date(t.events, "hama_1982").year), a.en["massacre_year"].rows),
            "route_lost": one_date(a, "route_lost"),
            "buffer_zone": one_date(a, "buffer_zone"),
        }
    )


def chronology_table(a: Tables, chron: pd.DataFrame) -> pd.DataFrame:
    """The English chronology's rows (:func:`hamabook.chapters.intro.chronology_rows`), worded in Arabic: the date
    at its precision, the place's Arabic name, the kind of report, the credit chain as the registry names it."""
    t = a.t
    kinds = pd.concat(
        [
            t.events[["event_id", "category", "place_id", "source_id"]].rename(columns={"event_id": "row_id"}),
            t.changes[["change_id", "place_id", "source_id"]]
            .rename(columns={"change_id": "row_id"})
            .assign(category=CONTROL_CHANGE),
        ],
        ignore_index=True,
    )
    rows = chron[["row_id", "date", "date_precision", "reliability", "credibility"]].merge(kinds, on="row_id")
    rows = rows.merge(t.sources[["source_id", "originator", "publisher", "via"]], on="source_id")
    names = place_names(t.places)
    return pd.DataFrame(
        {
            "date": [arabic.fmt_date_at(d, p) for d, p in zip(rows["date"], rows["date_precision"])],
            "place": [names.get(p, "غير مسجّل") if isinstance(p, str) else "غير مسجّل" for p in rows["place_id"]],
            "what": [category_label(c) for c in rows["category"]],
            "source": [" عبر ".join(arabic_chain(*r)) for r in zip(rows["originator"], rows["publisher"], rows["via"])],
            "reliability": rows["reliability"],
            "credibility": rows["credibility"],
        }
    )


def arabic_chain(originator: str, publisher: str, via) -> list[str]:
    return credit_chain(originator, publisher, via if isinstance(via, str) else "")


def chronology(a: Tables) -> Section:
    """The chronology from the launch to the regime's end, in Arabic, from the English page's rows; the date of the
    latest report the English page uses and of the last reading of the sources."""
    t = a.t
    start = t.launch_rows["date"].min()
    end = max(reported_dates(t.events, category)["date"].max() for category in en.END_EVENTS)
    chron = en.chronology_rows(t.events, t.changes, t.places, t.sources, start, end)
    english = en.chronology(t, a.story).values
    latest = en.row_dates(t, english["data_as_of"].rows)["as_of"].max()
    credibility = load("credibility_scale")["score"]
    s = Section(
        values={
            "chronology_span": arabic.date_range(start, end, chron["row_id"]),
            "chronology_reports": arabic.counted(len(chron), arabic.REPORT, chron["row_id"]),
            "launch_reports": arabic.counted(len(t.launch_rows), arabic.REPORT, t.launch_rows["event_id"]),
            "credibility_span": arabic.text(f"{credibility.min()}–{credibility.max()}", table="credibility_scale"),
            "data_as_of": arabic.date(latest, english["data_as_of"].rows),
            "read_up_to": arabic.date(t.sources["accessed"].max(), table="sources"),
        }
    )
    shown = chronology_table(a, chron)
    s.add(
        "chronology",
        table(
            shown,
            caption=f"التسلسل الزمني، {arabic.fmt_date_range(start, end)}: الأحداث التي حرّكت الجبهة وتغيّر السيطرة "
            "على المدن، صفٌّ لكل تقرير",
            labels={
                "date": "التاريخ",
                "place": "المكان",
                "what": "ما أُفيد به",
                "source": "المصدر",
                "reliability": "الدرجة",
                "credibility": "المصداقية",
            },
            fold_words=(f"عرض التقارير كلها ({arabic.fmt_number(len(shown))})", f"عرض أول {FOLD_AFTER} فقط"),
        ),
    )
    s.add("capture-dates", capture_figure(en.capture_dates(t.changes, t.events, t.places, t.sources), t.places))
    return s


COPY = arabic.Noun("نسخة", "نسختين", "نسخ", "نسخةً")


def fall_sentence(caps: pd.DataFrame, order: list[str]) -> str:
    """How the reports date each city's fall, in ``order`` (the English page's caption, in Arabic): 'تُجمع التقارير
    (12) على أن حماة سقطت في 5 كانون الأول/ديسمبر 2024؛ ...؛ وتتوزع التواريخ المُفادة على 3 أيام لحلب ويومين لحمص.'
    (``caps``: columns name, date)."""
    parts, spread = [], []
    for city, kind, n, day in en.fall_facts(caps, order):
        if kind == "spread":
            spread.append(f"{arabic.count(n, arabic.DAY)} ل{city}")
        elif kind == "one":
            parts.append(f"يؤرّخ التقرير الوحيد عن {city} سقوطها في {arabic.fmt_date(day)}")
        else:
            parts.append(f"تُجمع التقارير ({arabic.fmt_number(n)}) على أن {city} سقطت في {arabic.fmt_date(day)}")
    if spread:
        parts.append(f"تتوزع التواريخ المُفادة على {arabic.join_words(spread)}")
    return "؛ و".join(parts) + "."


def capture_figure(caps: pd.DataFrame, places: pd.DataFrame):
    """The English page's chart of the reported capture dates, right to left, in Arabic."""
    names = place_names(places)
    caps = caps.assign(name=caps["place_id"].map(names))
    drawn = caps[["name", "date", "publisher", "reliability"]].rename(columns={"name": "city"})
    order = [names[p] for p in en.KEY_CITIES]
    months = arabic.fmt_date_range(caps["date"].min(), caps["date"].max())
    caption = (
        f"{fall_sentence(caps, order)} يرسم الشكل نقطةً لكل نسخة قُرئت ({arabic.count(len(caps), COPY)})، "
        "أما نُسخ التقرير الواحد فتُعدّ في النص مرة واحدة."
    )
    x_title = f"تاريخ السيطرة كما أفادت به التقارير\n({months})"
    said = _figures.voice({"Reported date of capture": x_title})
    chart = report_dots(
        drawn, "city", order, x_title="Reported date of capture", height=180, size=90, opacity=0.8, voice=said
    )
    return figure(
        "capture-dates",
        chart,
        drawn,
        caption=caption,
        alt_text=f"مخطط نقطي لتواريخ السيطرة على {arabic.join_words(order)} كما أفادت بها التقارير، نقطة لكل تقرير، "
        "ملوّنة بحسب درجة المصدر.",
        sources=list(dict.fromkeys(caps["source_id"])),
        lang=LANG,
    )
