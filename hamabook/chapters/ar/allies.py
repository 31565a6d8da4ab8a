"""The Arabic allies page (``book/ar/allies.ipynb``): ``build() -> Page``.

It tells what the English allies chapter tells, from the same rows: each value is the English section's value
(:mod:`hamabook.chapters.allies`, whose selections pick the rows), worded again in Arabic from those rows
(:mod:`hamabook.chapters.ar._worded`); the judgments J02, J05 and J13 in full, from ``data/translations.csv``
(:mod:`hamabook.chapters.ar._judged`).
"""

from __future__ import annotations

import pandas as pd

from ...charts import kinds_allies, theme
from ...data import load
from ...output import arabic
from ...output.figure import figure
from ...rows.select import with_sources
from .. import allies as en
from ..page import Page, Section
from . import _figures, _judged
from ._worded import Worded

LANG = "ar"
CHAPTER = "allies"
FIGHTER = arabic.Noun("مقاتل", "مقاتلَين", "مقاتلين", "مقاتلاً")
HOUR = arabic.Noun("ساعة", "ساعتين", "ساعات", "ساعة")
YEARS = arabic.YEAR
# The judgments the bottom line cites: the English page's (tests/test_ar_allies.py holds them equal).
JUDGMENTS = {"j02_verdict": "J02", "j05_verdict": "J05", "j13_verdict": "J13"}


def english_tables() -> en.Tables:
    """The English page's tables, as its ``build()`` reads them."""
    start, end = (pd.Timestamp(d) for d in en.WINDOW)
    return en.Tables(
        load("events"), load("figures"), load("outcomes"), load("actors"), load("sources"), load("places"), start, end
    )


def tables(t: en.Tables) -> Worded:
    """The English page's values, from its sections."""
    sections = (
        en.history,
        en.late_2024,
        en.first_days,
        en.iraq,
        en.hama_days,
        en.last_days,
        en.fall,
        en.diplomacy,
        en.turkey,
        en.israel,
        en.cost,
        en.after,
    )
    return Worded({k: v for s in sections for k, v in s(t).values.items()})


def build() -> Page:
    theme.apply()
    t = english_tables()
    w = tables(t)
    return Page.of(story(w), figures(t), after(w), _judged.judged(CHAPTER, JUDGMENTS), lang=LANG)


# The allies' charts' words: titles, what each backer gave (actors.csv support_kind), the forces counted, and the
# drawn columns the tooltips name.
CHART_WORDS = {
    "Backed": "الطرف المدعوم",
    "backer": "الداعم",
    "backed": "المدعوم",
    "what": "الدعم",
    "start": "من",
    "end": "حتى",
    "years": "الأعوام",
    "air campaign and bases": "حملة جوية وقواعد",
    "IRGC advisers and militias": "مستشارون من الحرس الثوري وميليشيات",
    "fighters": "مقاتلون",
    "troops and backing for rebel factions": "قوات ودعم لفصائل المعارضة",
    "partnership against the Islamic State": "شراكة في قتال تنظيم الدولة الإسلامية",
    "Air raids in the offensive's first week (SOHR count)": (
        "الغارات الجوية في الأسبوع الأول من الهجوم (إحصاء المرصد السوري)"
    ),
    "Russian jets": "الطائرات الحربية الروسية",
    "Syrian jets": "الطائرات الحربية السورية",
    "Syrian helicopters": "المروحيات السورية",
    "force": "القوة",
    "raids": "الغارات",
    "Kind": "النوع",
    "Side": "الطرف",
    "action": "فعل",
    "statement": "تصريح",
    "government": "الحكومة وحلفاؤها",
    "opposition": "المعارضة وداعموها",
    "other": "أطراف أخرى",
    "actor": "الطرف",
    "kind": "النوع",
    "summary": "ما أفيد به (بالإنجليزية)",
}


def figures(t: en.Tables) -> Section:
    """The English page's charts (its rows, its rules), right to left, in Arabic."""
    said = _figures.voice(CHART_WORDS)
    s = Section()
    s.add("allies-support", support_figure(t, said))
    s.add("allies-air-raids", raids_figure(t, said))
    s.add("allies-actor-moves", moves_figure(t, said))
    return s


def moves_figure(t: en.Tables, said):
    """Each outside actor's reported moves in the eleven days: the English page's rows, actors named in Arabic."""
    moves = en.actor_moves(t.events, t.actors, *en.WINDOW)
    names = t.actors.set_index("actor_id")["name_ar"]
    drawn = with_sources(moves, t.sources)[en.MOVES_DRAWN].assign(actor=moves["actor_id"].map(names).to_numpy())
    drawn = said.values(drawn, "side", "kind")
    counts = drawn["actor"].value_counts()
    return figure(
        "allies-actor-moves",
        kinds_allies.moves_timeline(drawn, said),
        drawn,
        caption=f"صاحب أكثر التحركات المُبلَّغ عنها بين الأطراف الخارجية: {_short(counts.index[0])} "
        f"({arabic.fmt_number(int(counts.iloc[0]))} من أصل {arabic.fmt_number(len(moves))})، "
        f"{arabic.fmt_date_range(t.start, t.end)}.",
        alt_text=f"خط زمني من {arabic.fmt_date(t.start)} إلى {arabic.fmt_date(t.end)}، والزمن يجري من اليمين إلى "
        "اليسار، فيه صف لكل طرف؛ كل علامة حدث أفاد به تقرير، دائرة للفعل ومعيَّن للتصريح، ملوّنة بحسب الطرف.",
        sources=list(dict.fromkeys(moves["source_id"])),
        lang=LANG,
    )


def _short(name: str) -> str:
    """An actor's Arabic name without its gloss: 'إيران (الحرس الثوري وفيلق القدس)' -> 'إيران'."""
    return name.split(" (")[0]


def support_figure(t: en.Tables, said):
    """Who backed whom from when to when: the English page's periods, each backer and backed named in Arabic."""
    periods = en.support_periods(t.events, t.actors, t.end)
    arabic_names = t.actors.set_index("name")["name_ar"]
    drawn = said.values(periods[en.SUPPORT_DRAWN], "what")
    drawn = drawn.assign(backer=drawn["backer"].map(arabic_names), backed=drawn["backed"].map(arabic_names))
    longest, ended = drawn.loc[en.longest_backers(periods).index], drawn[~drawn["open_ended"]]
    first = periods.loc[longest.index].sort_values("start").iloc[0]
    return figure(
        "allies-support",
        kinds_allies.support_bars(drawn, said),
        drawn,
        caption=(
            f"كان دعم {arabic.join_words(longest['backer'].map(_short))} لطرفه الأطول عهداً (منذ "
            f"{arabic.fmt_date_at(first['start'], first['start_precision'])})؛ أما "
            f"{arabic.join_words(ended['backer'].map(_short))} فقلّص دعمه أو انسحب بين "
            f"{arabic.fmt_date_range(ended['end'].min(), ended['end'].max())}."
        ),
        alt_text=f"مخطط شريطي، شريط لكل داعم من بدء دعمه إلى نهايته أو إلى {arabic.fmt_date(t.end)}، والزمن يجري من "
        "اليمين إلى اليسار: "
        + "؛ ".join(f"{_short(r.backer)}، {arabic.fmt_number(r.years)} سنة" for r in drawn.itertuples())
        + ".",
        sources=list(dict.fromkeys(periods["source_id"])),
        lang=LANG,
    )


def raids_figure(t: en.Tables, said):
    """The air raids of the offensive's first week by force: the English page's rows, in Arabic."""
    raids, _, share = en.raid_rows(t)
    drawn = said.values(raids[["force", "value", "as_of", "publisher"]].rename(columns={"value": "raids"}), "force")
    return figure(
        "allies-air-raids",
        kinds_allies.raid_bars(drawn, said),
        drawn,
        caption=f"نفّذت الطائرات الحربية الروسية نحو {arabic.fmt_percent(share)} من الغارات الجوية التي أحصاها المرصد "
        "السوري لحقوق الإنسان في الأسبوع الأول من الهجوم.",
        alt_text="مخطط شريطي للغارات الجوية بحسب القوة: "
        + "؛ ".join(f"{r.force} {arabic.fmt_number(r.raids)}" for r in drawn.itertuples())
        + ".",
        sources=list(dict.fromkeys(raids["source_id"])),
        lang=LANG,
    )


def story(w: Worded) -> Section:
    """Who came to Assad's aid before, and what each ally did in the eleven days."""
    return Section(
        values={
            "al_iran_since": w.day("al_iran_since"),
            "al_qusayr_year": w.year("al_qusayr_year"),
            "al_russia_since": w.day("al_russia_since"),
            "al_lease_year": w.year("al_lease_year"),
            "al_lease_years": w.figure("al_lease_years", YEARS),
            "al_ceasefire_date": w.day("al_ceasefire_date"),
            "al_adviser_killed": w.day("al_adviser_killed"),
            "al_aid_promised": w.day("al_aid_promised"),
            "al_aid_hours": w.figure("al_aid_hours", HOUR),
            "al_araghchi_damascus": w.day("al_araghchi_damascus"),
            "al_iraqi_fighters": w.figure("al_iraqi_fighters", FIGHTER),
            "al_iraqi_crossed": w.day("al_iraqi_crossed"),
            "al_hama_fell": w.day("al_hama_fell"),
            "al_iran_evacuation": w.day("al_iran_evacuation"),
            "al_irgc_memo": w.day("al_irgc_memo"),
            "al_hezbollah_max": w.figure("al_hezbollah_max", FIGHTER, how="max"),
            "al_hezbollah_out": w.day("al_hezbollah_out"),
            "al_meeting_date": w.day("al_meeting_date"),
            "al_asylum": w.day("al_asylum"),
            "al_erdogan_march": w.day("al_erdogan_march"),
            "al_prep_account": w.day("al_prep_account", column="as_of"),
            "al_yilmaz": w.day("al_yilmaz"),
            "al_buffer_zone": w.day("al_buffer_zone"),
        }
    )


def after(w: Worded) -> Section:
    """What the week cost the allies: Russia back to the coast, Iran out, Hezbollah's route lost, the bases."""
    return Section(
        values={
            "al_tartus_empty": w.day("al_tartus_empty"),
            "al_hezbollah_speech": w.day("al_hezbollah_speech"),
            "al_iranians_out": w.figure("al_iranians_out"),
            "al_iranians_out_date": w.day("al_iranians_out_date"),
            "al_bases_talks": w.day("al_bases_talks"),
        }
    )
