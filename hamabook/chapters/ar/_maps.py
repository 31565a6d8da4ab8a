"""The Arabic edition's maps and the battle chapter's other charts (private to the Arabic battle, eleven days and
military pages): each the English page's figure, from the same rows by the same rules (the English chapter's own
functions select them), drawn by the same builder with the Arabic voice: places named by ``name_ar``, statuses, notes
and titles in Arabic, captions and text alternatives written for Arabic readers.
"""

from __future__ import annotations

import pandas as pd

from ...charts import campaign, corridor, maps
from ...data import load
from ...output import arabic
from ...output.figure import figure
from .. import battle as en_battle
from .. import campaign as en_campaign
from ._figures import voice

LANG = "ar"
PLACE = arabic.Noun("موقع", "موقعين", "مواقع", "موقعاً")

# The battle's charts: statuses, notes, titles and the drawn columns their tooltips name.
BATTLE_WORDS = {
    "opposition": "المعارضة",
    "government": "الحكومة",
    "contested": "متنازع عليه",
    "unresolved": "غير محسوم",
    "no report": "لا تقرير",
    "Reported holder": "الطرف المسيطر كما أفادت التقارير",
    "Orontes": "نهر العاصي",
    "M5 (schematic)": "M5 (تخطيطي)",
    "10 km": "10 كم",
    "10 km (at 35° N)": "10 كم (عند خط العرض 35° شمالاً)",
    "Day": "اليوم",
    "Kilometres to Damascus (great circle)": "كم إلى دمشق",
    "km": "كم",
    "nearest": "أقرب موقع",
    "Reported date": "التاريخ كما أفادت به التقارير",
    "Reports of a change of hands": "تقارير تبدّل السيطرة",
    "Reported taken by": "الطرف الذي أفادت التقارير بسيطرته",
    "taken_by_side": "الطرف",
    "reports": "التقارير",
}


def battle_figures(t: en_battle.Tables) -> dict[str, object]:
    """The English battle page's figures in Arabic: the map (slider and small maps), the front's distance from
    Damascus, the reports of a change of hands per day."""
    said = voice(BATTLE_WORDS, short_months=True)
    return {**battle_maps(t, said), "battle-front-distance": front_figure(t), "battle-reports-per-day": bars(t)}


def _dated(text: str, days) -> dict[str, str]:
    """An axis title of days naming their months: 'اليوم (29 تشرين الثاني/نوفمبر – 8 كانون الأول/ديسمبر 2024)'."""
    return {text: f"{BATTLE_WORDS[text]}\n({arabic.fmt_date_range(min(days), max(days))})"}


def battle_maps(t: en_battle.Tables, said) -> dict[str, object]:
    """Who held each place each day around Hama, as a slider and as one small map per day."""
    geography, days = load("geography"), t.days
    frame, sources = en_battle.map_rows(t, geography, said)
    mapped = frame[frame["layer"] == "place"]
    last = mapped[mapped["day"] == days[-1]]["status"].value_counts()

    def held(status: str) -> str:
        return arabic.count(int(last.get(said.word(status), 0)), PLACE)

    finding = (
        f"كل يوم من أيام {arabic.fmt_date_range(days[0], days[-1])}: المواقع التي لها إحداثيات موثّقة من مواقع تقارير "
        f"السيطرة ({arabic.fmt_number(mapped['place_id'].nunique())} من أصل "
        f"{arabic.fmt_number(t.changes['place_id'].nunique())})، ملوّنة بحسب الطرف المسيطر كما أفادت التقارير. في "
        f"{arabic.fmt_date(days[-1])} تضع آخر التقارير {held('opposition')} في يد المعارضة، "
        f"و{held('government')} في يد الحكومة، و{held('contested')} موضع نزاع، و{held('unresolved')} غير محسومة."
    )
    method = (
        "يُعدّ الموقع متنازعاً عليه ما دامت تقارير مؤرّخة في حدود يوم من آخرها تضعه في يد الطرفين؛ "
        "فإذا مضى على آخرها أكثر من "
        f"{arabic.count(en_battle.STALE_AFTER_DAYS, arabic.DAY)} لم يعد النزاع يُحتسب: تحسم تقارير اليوم الأخير وحدها، "
        "ويُعلَّم الموقع الذي ما زالت تختلف فيه بأنه غير محسوم. رُسم نهر العاصي من World Data Bank II، والطريق M5 "
        "تخطيطياً، خطاً مستقيماً بين المدن التي تذكرها عليه صفحة موثّقة."
    )
    order = list(dict.fromkeys(frame.sort_values("day")["day_label"]))
    named = arabic.join_words(dict.fromkeys(mapped.loc[mapped["place_id"].isin(maps.LABELS), "name"]))
    alt_text = (
        "خريطة لمنطقة حماة والطريق إلى حمص: نقطة لكل موقع له إحداثيات موثّقة، ملوّنة ومشكّلة بحسب الطرف المسيطر عليه "
        "كما أفادت التقارير في اليوم المختار (المعارضة، الحكومة، متنازع عليه، غير محسوم، لا تقرير)، فوق نهر العاصي "
        f"والطريق M5 وحدود المحافظات؛ وعليها أسماء {named}."
    )
    # The small maps' caption states the finding and leaves the method to the map before it (the page's weight);
    # their text alternative names what they name (Hama, Rastan, Homs).
    panel_names = arabic.join_words(dict.fromkeys(mapped.loc[mapped["place_id"].isin(maps.PANEL_LABELS), "name"]))
    drawn = maps.wide_frame(frame)
    kinds = {
        "battle-map": (
            maps.control_map_slider(drawn, geography, voice=said),
            f"{finding} {method}",
            f"{alt_text} يختار شريط التمرير اليوم.",
        ),
        "battle-map-panels": (
            maps.control_map_panels(drawn, geography, voice=said),
            f"{finding} وطريقة العدّ كما في الخريطة السابقة.",
            f"خريطة صغيرة لكل يوم، من {order[0]} إلى {order[-1]}، لمنطقة حماة والطريق إلى حمص: نقطة لكل موقع له "
            f"إحداثيات موثّقة، ملوّنة ومشكّلة بحسب الطرف المسيطر عليه كما أفادت التقارير؛ وعليها أسماء {panel_names}.",
        ),
    }
    return {
        name: figure(name, chart, drawn, caption=caption, alt_text=alt, sources=sources, lang=LANG)
        for name, (chart, caption, alt) in kinds.items()
    }


def front_figure(t: en_battle.Tables):
    """How far the front stood from Damascus each day: the English page's distances, places named in Arabic."""
    dist, sources = en_battle.front_rows(t)
    said = voice({**BATTLE_WORDS, **_dated("Day", dist["day"])})
    dist = dist.assign(nearest=[said.place(p, n) for p, n in zip(dist["place_id"], dist["nearest"])])
    start, end = dist.iloc[0], dist.iloc[-1]
    km = arabic.fmt_number
    end_where = "دمشق نفسها" if end["km"] == 0 else f"{end['nearest']}، على بعد {km(end['km'])} كم"
    return figure(
        "battle-front-distance",
        maps.front_distance_line(dist, said),
        dist,
        caption=(
            f"في {arabic.fmt_date(start['day'])} كان أقرب موقع أفادت التقارير بأن المعارضة تسيطر عليه، "
            f"{start['nearest']}، على بعد {km(start['km'])} كم من دمشق؛ وبحلول {arabic.fmt_date(end['day'])} بلغت "
            f"{end_where}: {km(start['km'] - end['km'])} كم في "
            f"{arabic.count((end['day'] - start['day']).days, arabic.DAY)}."
        ),
        alt_text="مخطط خطي للمسافة المستقيمة بالكيلومتر بين دمشق وأقرب موقع أفادت التقارير بأن المعارضة تسيطر عليه، "
        "نقطة لكل يوم، والزمن يجري من اليمين إلى اليسار.",
        sources=sources,
        lang=LANG,
    )


def bars(t: en_battle.Tables):
    """Reports of a change of hands per day, by the side reported taking the place."""
    rows = en_battle.bar_rows(t)
    said = voice({**BATTLE_WORDS, **_dated("Reported date", rows["day"])})
    drawn = said.values(rows, "taken_by_side")
    gov = drawn[drawn["taken_by_side"] == said.word("government")]
    return figure(
        "battle-reports-per-day",
        maps.reports_per_day_bars(drawn, said),
        drawn,
        caption=(
            f"تقارير تبدّل السيطرة بحسب اليوم ({arabic.fmt_number(int(drawn['reports'].sum()))} في المجموع): أول تقرير "
            f"عن استعادة الحكومة موقعاً مؤرّخ في {arabic.fmt_date(gov['day'].min())} وآخرها في "
            f"{arabic.fmt_date(gov['day'].max())}."
        ),
        alt_text="مخطط أعمدة متراكمة لتقارير تبدّل السيطرة على المواقع في كل يوم، بحسب الطرف الذي أفادت التقارير "
        "بسيطرته، والزمن يجري من اليمين إلى اليسار.",
        sources=list(dict.fromkeys(t.changes["source_id"])),
        lang=LANG,
    )


# The campaign map: statuses, what was reported on the other fronts, the neighbours, rivers, roads and scale.
CAMPAIGN_WORDS = {
    "taken by the opposition": "سيطرت عليها المعارضة",
    "taken by the SDF": "سيطرت عليها قسد",
    "not yet reported taken": "لم تُفِد التقارير بسقوطها بعد",
    "other front": "جبهة أخرى",
    "named for orientation": "للاسترشاد",
    "army withdrew": "انسحب الجيش",
    "front opened": "فُتحت جبهة",
    "border crossing taken": "سيطرة على معبر حدودي",
    "SNA operation": "عملية للجيش الوطني",
    "TURKEY": "تركيا",
    "IRAQ": "العراق",
    "JORDAN": "الأردن",
    "LEBANON": "لبنان",
    "Orontes": "نهر العاصي",
    "Euphrates": "نهر الفرات",
    "M5": "M5",
    "M4": "M4",
    "100 km (at 33° N)": "100 كم (عند 33° شمالاً)",
    "100 km": "100 كم",
}


def campaign_figures(prefix: str) -> dict[str, object]:
    """The English page's campaign map (slider and six small maps), from the same control reports and fronts."""
    t = en_campaign.tables()
    said = voice(CAMPAIGN_WORDS, short_months=True)
    c = en_campaign.campaign_rows(t, said)
    names = said.names
    order = " ← ".join(f"{names[p]} ({arabic.fmt_date(d)})" for p, d in c.firsts.items())
    caption = (
        f"التقدّم كما تؤرّخه التقارير: {order}. تُسمّى كل مدينة بكل تاريخ تذكره التقارير لسقوطها، وتختلف التقارير في "
        f"{arabic.join_words(names[p] for p in c.split)}. وبعيداً عن الطريق M5 تُسمّى الجبهات الأخرى بما أفادت به "
        "التقارير هناك. الطريقان M5 وM4 مرسومان تخطيطياً (خطاً مستقيماً بين المدن التي تذكرها عليهما صفحة موثّقة)؛ "
        "والأنهار من World Data Bank II، والحدود والساحل وحدود المحافظات من Natural Earth."
    )
    alt_text = (
        "خريطة لسوريا بحدودها مع تركيا والعراق والأردن ولبنان وخط الجولان، والساحل، وحدود المحافظات، ونهري العاصي "
        "والفرات، والطريقين M5 وM4؛ كل مدينة سيطر عليها الهجوم نقطةٌ تحمل اسمها وتاريخ سقوطها أو تواريخه كما أفادت "
        f"بها التقارير ({arabic.join_words(names[p] for p in c.firsts.index)})، والجبهات الأخرى معلَّمة بما أفادت به "
        "التقارير هناك."
    )
    maps_ = {
        f"{prefix}-map": (
            campaign.campaign_slider(c.frame, t.geography, c.days, said),
            c.frame,
            " يختار شريط التمرير اليوم.",
        ),
        f"{prefix}-map-panels": (
            campaign.campaign_panels(c.frame, t.geography, c.days, c.shown, voice=said),
            c.frame,
            f" ست خرائط صغيرة: {arabic.join_words(c.shown)}.",
        ),
    }
    return {
        name: figure(name, chart, drawn, caption=caption, alt_text=alt_text + how, sources=c.sources, lang=LANG)
        for name, (chart, drawn, how) in maps_.items()
    }


# The corridor map: its notes, the bridge's label, the legend, the panels' titles.
CORRIDOR_WORDS = {
    "no report": "لا تقرير",
    "km": "كم",
    "Rastan bridge": "جسر الرستن",
    "struck": "ضُرب",
    "crossed": "عُبر",
    "Orontes": "نهر العاصي",
    "M5 (schematic)": "M5 (تخطيطي)",
    "HAMA\nGOVERNORATE": "محافظة\nحماة",
    "HOMS\nGOVERNORATE": "محافظة\nحمص",
    "LEBANON": "لبنان",
    "M5": "M5",
    "(at {lat}° N)": "(عند خط العرض {lat}° شمالاً)",
    corridor.KINDS[0]: "بلدة أو مدينة: تاريخ سقوطها أو تواريخه كما أفادت التقارير",
    corridor.KINDS[1]: "جسر الرستن: تواريخ ضربه وعبوره",
    "Hama to Homs": "من حماة إلى حمص",
    "On to Damascus": "إلى دمشق",
}


def days_between(low, high) -> str:
    """The days between the captures at a leg's ends, as the English map gives them ('1 day', '2–3 days', 'same
    day', 'no date'), in Arabic: 'يوم واحد'، '2–3 أيام'، 'في اليوم نفسه'، 'لا تاريخ'."""
    if pd.isna(low) or pd.isna(high):
        return "لا تاريخ"
    low, high = int(low), int(high)
    if low == high == 0:
        return "في اليوم نفسه"
    if low >= 0:
        # A range takes the plural for up to ten and the singular accusative above, as arabic.count does.
        return arabic.count(high, arabic.DAY) if low == high else f"{low}–{high} {'أيام' if high <= 10 else 'يوماً'}"
    signed = [f"\u2212{abs(n)}" if n < 0 else str(n) for n in (low, high)]
    return f"{signed[0]} أيام" if low == high else f"من {signed[0]} إلى {signed[1]} أيام"


def corridor_figure(prefix: str):
    """The English page's corridor map (the same legs, bridge reports and places), in Arabic: the corridor panel on
    the right, each town named in Arabic with the days it was reported taken."""
    t = en_campaign.tables()
    said = voice(CORRIDOR_WORDS, short_months=True)
    c = en_campaign.corridor_rows(t, said, days_between)
    leg = c.legs.set_index(["from_id", "to_id"])
    names = said.names

    def taken(place_id: str) -> str:
        dates = t.reports.loc[t.reports["place_id"] == place_id, "date"]
        return f"{names[place_id]} ({arabic.fmt_days(dates) if len(dates) else 'لا تاريخ'})"

    def km(a: str, b: str) -> str:
        return f"{arabic.fmt_number(round(float(leg.loc[(a, b), 'km'])))} كم"

    def days(a: str, b: str) -> str:
        return days_between(leg.loc[(a, b), "days_min"], leg.loc[(a, b), "days_max"])

    route = en_campaign.ROUTE
    chain = taken(route[0]) + "".join(f" ← {km(a, b)}، {days(a, b)} ← {taken(b)}" for a, b in zip(route, route[1:]))
    struck = c.bridge[c.bridge["category"] != "bridge_crossing"]
    caption = (
        f"على الطريق M5 جنوباً: {chain}. قُطعت مسافة {km('hama', 'homs')} من حماة إلى حمص في {days('hama', 'homs')}، "
        f"و{km('homs', 'damascus')} منها إلى دمشق في {days('homs', 'damascus')}. المسافات على الدائرة العظمى بين "
        "إحداثيات places.csv، والأيام بين تواريخ السقوط كما أفادت بها التقارير. الطريق M5 مرسوم تخطيطياً، وجسر الرستن "
        f"(ضُرب في {arabic.fmt_days(struck['date'])}، {arabic.count(len(struck), arabic.REPORT)}) مرسوم حيث يعبر "
        "الطريقُ نهرَ العاصي."
    )
    bars = {panel: n for panel, n, _lon, _lat in corridor.SCALES}
    towns = arabic.join_words(dict.fromkeys(c.frame.loc[c.frame["layer"] == "place", "name"]))
    alt_text = (
        "خريطتان. على اليمين، من حماة إلى حمص: الطريق M5 خطاً مستقيماً تخطيطياً إلى جانب نهر العاصي المتعرّج، والحدّ "
        "المتقطع بين محافظتي حماة وحمص، وجسر الرستن حيث يعبر الطريق النهر مع تواريخ ضربه وعبوره، وعلى كل مرحلة من "
        f"الطريق طولها بالكيلومتر والأيام بين سقوط طرفيها، ومقياس {bars['corridor']} كم. وعلى اليسار، الطريق إلى "
        f"دمشق مع حدود لبنان، والمرحلتان من حماة إلى حمص ومن حمص إلى دمشق، ومقياس {bars['overview']} كم. كل مكان "
        f"نقطة تحمل اسمه وتاريخ سقوطه أو تواريخه كما أفادت بها التقارير: {towns}."
    )
    name = f"{prefix}-corridor-map"
    chart = corridor.corridor_map(c.frame, t.geography, said)
    return figure(name, chart, c.frame, caption=caption, alt_text=alt_text, sources=c.sources, lang=LANG)
