"""The Arabic page on what the fall means (``book/ar/implications.ipynb``): ``build() -> Page``.

It tells what the English implications chapter tells, from the same rows: each value is the English page's value
(:mod:`hamabook.chapters.implications`, whose selections pick the rows), worded again in Arabic from those rows
(:mod:`hamabook.chapters.ar._worded`; outcome and figure dates at their source's precision, as on the Arabic
aftermath page); the judgments J50-J57 in full, from ``data/translations.csv`` (:mod:`hamabook.chapters.ar._judged`),
whose boxes give what to watch (the English page's ``*_watch`` values are the boxes' indicators).
"""

from __future__ import annotations

from ...data import load
from ...output import arabic
from .. import implications as en
from ..page import Page, Section
from . import _judged
from ._worded import Worded
from .aftermath import KM, _last, _precise, _span

LANG = "ar"
CHAPTER = "implications"
JUDGMENT = arabic.Noun("تقدير", "تقديرين", "تقديرات", "تقديراً")
# The verdicts the page cites: the English page's (tests/test_ar_implications.py holds them equal), each key written
# out so that searching for it finds this line.
JUDGMENTS = {
    "j50_verdict": "J50",
    "j51_verdict": "J51",
    "j52_verdict": "J52",
    "j53_verdict": "J53",
    "j54_verdict": "J54",
    "j55_verdict": "J55",
    "j56_verdict": "J56",
    "j57_verdict": "J57",
}


def tables() -> Worded:
    """The English page's values, as its ``build()`` inserts them."""
    w = Worded(dict(en.build().values))
    _precise(w.rows)
    return w


def build() -> Page:
    w = tables()
    return Page.of(so_far(w), overview(), _judged.judged(CHAPTER, JUDGMENTS), lang=LANG)


def overview() -> Section:
    """How many implications are judged (the English rule: the chapter's judgment rows)."""
    judgments = load("judgments")
    return Section(
        values={
            "im_n_judged": arabic.counted(int((judgments["chapter"] == CHAPTER).sum()), JUDGMENT, table="judgments"),
        }
    )


def so_far(w: Worded) -> Section:
    """What the fall has meant so far, section by section: the dated developments and the numbers."""
    return Section(
        values={
            "im_as_of": w.day("im_as_of"),
            "im_fto_memo_date": w.day("im_fto_memo_date"),
            "im_fto_date": w.day("im_fto_date"),
            "im_uk_date": w.day("im_uk_date"),
            "im_un_date": w.day("im_un_date"),
            "im_sdgt_date": w.day("im_sdgt_date"),
            "im_un_hts_date": w.day("im_un_hts_date"),
            "im_arsenal_claim_date": w.day("im_arsenal_claim_date"),
            "im_opcw_sites_date": w.day("im_opcw_sites_date"),
            "im_opcw_mission_date": w.day("im_opcw_mission_date"),
            "im_eu_lift_date": w.day("im_eu_lift_date"),
            "im_eu_acts_date": w.day("im_eu_acts_date"),
            "im_us_ended_date": w.day("im_us_ended_date"),
            "im_caesar_date": w.day("im_caesar_date"),
            "im_refugees_back": w.figure("im_refugees_back"),
            "im_refugees_back_date": w.day("im_refugees_back_date"),
            "im_idps_back": w.figure("im_idps_back"),
            "im_returns_year_date": _last(w, "im_returns_year_date"),
            "im_returns_outlook_date": w.day("im_returns_outlook_date"),
            "im_lease_years": w.figure("im_lease_years", arabic.YEAR),
            "im_tartus_port_date": w.day("im_tartus_port_date"),
            "im_kremlin_talks_date": w.day("im_kremlin_talks_date"),
            "im_qamishli_date": w.day("im_qamishli_date"),
            "im_moscow_talks_date": w.day("im_moscow_talks_date"),
            "im_israeli_strikes": w.figure("im_israeli_strikes"),
            "im_israeli_strikes_date": w.day("im_israeli_strikes_date"),
            "im_beyond_km": w.figure("im_beyond_km", KM),
            "im_beyond_date": w.day("im_beyond_date"),
            "im_katz_stay_date": w.day("im_katz_stay_date"),
            "im_katz_again_date": w.day("im_katz_again_date"),
            "im_damascus_strike_date": w.day("im_damascus_strike_date"),
            "im_paris_date": w.day("im_paris_date"),
            "im_incursions_date": w.day("im_incursions_date"),
            "im_manbij_dates": _span(w, "im_manbij_dates"),
            "im_sdf_march_date": w.day("im_sdf_march_date"),
            "im_sdf_pullback_date": w.day("im_sdf_pullback_date"),
            "im_sdf_integration_date": w.day("im_sdf_integration_date"),
            "im_sdf_delay_date": w.day("im_sdf_delay_date"),
            "im_route_lost_date": w.day("im_route_lost_date"),
            "im_putin_date": w.day("im_putin_date"),
            "im_advisers_date": w.day("im_advisers_date"),
            "im_seizure_date": w.day("im_seizure_date"),
        }
    )
