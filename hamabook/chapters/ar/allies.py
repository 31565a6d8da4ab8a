"""The Arabic allies page (``book/ar/allies.ipynb``): ``build() -> Page``.

It tells what the English allies chapter tells, from the same rows: each value is the English section's value
(:mod:`hamabook.chapters.allies`, whose selections pick the rows), worded again in Arabic from those rows
(:mod:`hamabook.chapters.ar._worded`); the judgments J02, J05 and J13 in full, from ``data/translations.csv``
(:mod:`hamabook.chapters.ar._judged`).
"""

from __future__ import annotations

import pandas as pd

from ...charts import theme
from ...data import load
from ...output import arabic
from .. import allies as en
from ..page import Page, Section
from . import _judged
from ._worded import Worded

LANG = "ar"
CHAPTER = "allies"
FIGHTER = arabic.Noun("مقاتل", "مقاتلَين", "مقاتلين", "مقاتلاً")
HOUR = arabic.Noun("ساعة", "ساعتين", "ساعات", "ساعة")
YEARS = arabic.YEAR
# The judgments the bottom line cites: the English page's (tests/test_ar_allies.py holds them equal).
JUDGMENTS = {"j02_verdict": "J02", "j05_verdict": "J05", "j13_verdict": "J13"}


def tables() -> Worded:
    """The English page's values, from its sections (as its ``build()`` reads the tables)."""
    start, end = (pd.Timestamp(d) for d in en.WINDOW)
    t = en.Tables(
        load("events"), load("figures"), load("outcomes"), load("actors"), load("sources"), load("places"), start, end
    )
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
    w = tables()
    return Page.of(story(w), after(w), _judged.judged(CHAPTER, JUDGMENTS), lang=LANG)


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
