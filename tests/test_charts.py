import pandas as pd
import pytest

from hamabook.charts.kinds import report_dots


def test_report_dots_draws_one_dot_per_report_by_place_and_grade():
    drawn = pd.DataFrame(
        {
            "city": ["Hama", "Homs"],
            "date": pd.to_datetime(["2024-12-05", "2024-12-08"]),
            "publisher": ["a", "b"],
            "reliability": ["B", "D"],
        }
    )
    spec = report_dots(drawn, "city", ["Homs", "Hama"], x_title="Day", height=100, size=50, opacity=0.5).to_dict()
    assert spec["mark"] == {"type": "point", "filled": True, "size": 50, "opacity": 0.5}
    assert spec["encoding"]["y"]["field"] == "city" and spec["encoding"]["y"]["sort"] == ["Homs", "Hama"]
    assert spec["encoding"]["color"]["field"] == "reliability"
    assert spec["encoding"]["x"]["title"] == "Day" and spec["height"] == 100


def _geography():
    return pd.DataFrame(
        {
            "layer": ["river", "river", "road", "road"],
            "feature": ["orontes", "orontes", "m5", "m5"],
            "name": ["Orontes", "Orontes", "M5", "M5"],
            "part": [0, 0, 0, 0],
            "seq": [0, 1, 0, 1],
            "longitude": [36.5, 36.8, 36.7, 36.76],
            "latitude": [35.0, 35.2, 34.7, 35.13],
            "source_id": ["s", "s", "r", "r"],
        }
    )


def test_campaign_frame_names_every_reported_date_and_shows_a_city_from_its_first_report():
    from hamabook.charts import campaign

    places = pd.DataFrame(
        {
            "place_id": ["aleppo", "hama", "suwayda", "idlib", "latakia", "tartus", "raqqa"],
            "name": ["Aleppo", "Hama", "As-Suwayda", "Idlib", "Latakia", "Tartus", "Raqqa"],
            "longitude": [37.16, 36.76, 36.57, 36.63, 35.79, 35.89, 39.0],
            "latitude": [36.2, 35.13, 32.71, 35.93, 35.53, 34.89, 35.95],
        }
    )
    reports = pd.DataFrame(
        {
            "place_id": ["aleppo", "aleppo", "hama"],
            "date": pd.to_datetime(["2024-11-29", "2024-12-01", "2024-12-05"]),
            "taken_by_side": ["opposition"] * 3,
            "change_id": ["E1", "E2", "C1"],
        }
    )
    fronts = pd.DataFrame(
        {"place_id": ["suwayda"], "date": pd.to_datetime(["2024-12-06"]), "category": ["army_withdrawal"],
         "event_id": ["E9"]}
    )  # fmt: skip
    days = pd.date_range("2024-11-28", "2024-12-06")
    frame = campaign.campaign_frame(reports, fronts, places, days)
    assert frame.loc[frame["layer"] == "place", "place_id"].is_unique  # one row per place, not per place and day
    aleppo = frame[frame["place_id"] == "aleppo"].iloc[0]
    assert aleppo["label"] == "Aleppo 29 Nov, 1 Dec" and aleppo["first_report"] == "29 Nov"
    on = {d: campaign.campaign_day(frame, i).set_index("place_id") for i, d in enumerate(["28 Nov", "29 Nov"])}
    assert on["28 Nov"].loc["aleppo", "status"] == "not yet reported taken"
    assert on["29 Nov"].loc["aleppo", "status"] == "taken by the opposition"
    assert "suwayda" not in campaign.campaign_day(frame, 7)["place_id"].values  # a front shows from its report
    panels = campaign.day_frame(frame, days, ["5 Dec", "6 Dec"])
    suwayda = panels[panels["place_id"] == "suwayda"]
    assert list(suwayda["day_label"]) == ["6 Dec"] and suwayda["label"].iloc[0] == "As-Suwayda: army withdrew 6 Dec"
    assert list(panels.loc[panels["place_id"] == "hama", "status"]) == ["taken by the opposition"] * 2
    spec = campaign.campaign_slider(frame, _geography(), days).to_dict()
    assert spec["params"][0]["bind"]["max"] == len(days) - 1
    assert any(layer.get("mark", {}).get("type") == "geoshape" for layer in spec["layer"])
    # the browser computes each day as campaign_day does
    drawn = [layer for layer in spec["layer"] if layer.get("mark", {}).get("type") == "point"][0]
    assert drawn["transform"][:2] == [
        {"filter": campaign.SHOWN.format(day="day")},
        {"calculate": campaign.STATUS_ON.format(day="day", untaken='"not yet reported taken"'), "as": "status"},
    ]


def test_battle_map_frame_labels_the_key_places_with_their_offsets():
    from hamabook.charts import maps

    places = pd.DataFrame(
        {"place_id": ["hama", "kafraa"], "name": ["Hama", "Kafraa"], "latitude": [35.13, 35.2],
         "longitude": [36.76, 36.8]}
    )  # fmt: skip
    status = pd.DataFrame(
        {"place_id": ["hama", "kafraa"], "day": pd.to_datetime(["2024-12-05"] * 2),
         "status": ["opposition", "unresolved"], "last_change_ids": ["C1", "C2"]}
    )  # fmt: skip
    frame = maps.map_frame(status, places, pd.to_datetime(["2024-12-05"]), maps.battle_notes())
    hama = frame[frame["place_id"] == "hama"].iloc[0]
    assert hama["label"] == "Hama" and (hama["dx"], hama["dy"], hama["align"]) == maps.LABELS["hama"]
    assert frame.loc[frame["place_id"] == "kafraa", "label"].iloc[0] == ""
    assert {"note", "scale"} <= set(frame["layer"])
    drawn = maps.wide_frame(frame)
    assert drawn.loc[drawn["place_id"] == "kafraa", "2024-12-05"].iloc[0] == "unresolved"
    assert drawn.loc[drawn["place_id"] == "hama", "ids 2024-12-05"].iloc[0] == "C1"
    assert drawn["place_id"].where(drawn["layer"] == "place").dropna().is_unique  # one row per place
    spec = maps.control_map_slider(drawn, _geography()).to_dict()
    assert "unresolved" in spec["layer"][-1 - 0]["encoding"].get("color", {}).get("scale", {}).get("domain", []) or any(
        "unresolved" in str(layer) for layer in spec["layer"]
    )


def test_arabic_dot_chart_reads_right_to_left():
    """The Arabic edition's dot chart: the shared kind with an Arabic voice: time reversed, categories on the right,
    legend on the left, every Arabic text isolated as right-to-left, Naskh named first, tooltips titled in Arabic."""
    import pandas as pd

    from hamabook.charts.arabic import RLI, rtl, voice
    from hamabook.charts.kinds import report_dots

    drawn = pd.DataFrame(
        {"city": ["حماة"], "date": pd.to_datetime(["2024-12-05"]), "publisher": ["X"], "reliability": ["B"]}
    )
    words = {"Reported date": "تاريخ السيطرة", "Source grade": "درجة المصدر", "city": "المدينة", "date": "التاريخ"}
    words |= {"publisher": "الناشر", "reliability": "الدرجة"}
    said = voice(words, {}, str, str)
    spec = report_dots(
        drawn, "city", ["حماة"], x_title="Reported date", height=100, size=50, opacity=1, voice=said
    ).to_dict()
    enc = spec["encoding"]
    assert enc["x"]["scale"]["reverse"] is True and enc["x"]["title"] == rtl("تاريخ السيطرة")
    assert enc["x"]["axis"]["format"] == "%-d"  # Vega would name the month in English
    assert enc["y"]["axis"]["orient"] == "right" and RLI in enc["y"]["axis"]["labelExpr"]
    assert enc["color"]["legend"]["orient"] == "left" and enc["color"]["title"] == rtl("درجة المصدر")
    assert [t["title"] for t in enc["tooltip"]] == ["المدينة", "التاريخ", "الناشر", "الدرجة"]
    assert spec["config"]["font"].startswith('"Noto Naskh Arabic"')


def test_a_voice_without_a_word_stops_the_chart():
    """An Arabic chart missing a word is an error, never an English word on an Arabic page."""
    import pandas as pd

    from hamabook.charts.arabic import voice
    from hamabook.charts.kinds import report_dots

    drawn = pd.DataFrame({"city": ["حماة"], "date": pd.to_datetime(["2024-12-05"]), "publisher": ["X"]})
    with pytest.raises(KeyError, match="Source grade"):
        report_dots(drawn.assign(reliability="B"), "city", ["حماة"], x_title="Reported date", height=1, size=1,
                    opacity=1, voice=voice({"Reported date": "التاريخ"}, {}, str, str))  # fmt: skip


def test_the_english_voice_leaves_a_spec_as_written():
    """The default voice adds nothing: no axis, legend or scale the builder did not write, tooltips as written."""
    from hamabook.charts.voice import ENGLISH

    assert ENGLISH.axis(rtl_orient="right") == {} and ENGLISH.legend() == {} and ENGLISH.along() == {}
    assert ENGLISH.tooltip("publisher") == "publisher" and ENGLISH.title("Day") == "Day"
    assert ENGLISH.date_format("%d %b") == "%d %b" and ENGLISH.place("hama", "Hama") == "Hama"


def test_map_specs_stay_within_their_targets():
    """The maps carry one row per place and pick each day in the browser: each spec's JSON, as a page embeds it
    (UTF-8), stays within its target in both editions (battle map 50 KB, campaign map 35 KB)."""
    import json

    from hamabook.chapters import battle
    from hamabook.chapters import campaign as en_campaign
    from hamabook.chapters.ar import _maps
    from hamabook.charts import campaign, maps
    from hamabook.data import load

    def kb(chart) -> float:
        spec = json.dumps(chart.to_dict(), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return len(spec.encode()) / 1024

    t, geography, ct = battle.tables(), load("geography"), en_campaign.tables()
    for said in (None, _maps.voice(_maps.BATTLE_WORDS, short_months=True)):
        frame = maps.wide_frame(battle.map_rows(t, geography, *([said] if said else []))[0])
        voice = {"voice": said} if said else {}
        assert kb(maps.control_map_slider(frame, geography, **voice)) <= 50
        assert kb(maps.control_map_panels(frame, geography, **voice)) <= 50
    for said in (None, _maps.voice(_maps.CAMPAIGN_WORDS, short_months=True)):
        c = en_campaign.campaign_rows(ct, *([said] if said else []))
        voice = {"voice": said} if said else {}
        assert kb(campaign.campaign_slider(c.frame, ct.geography, c.days, **voice)) <= 35
        assert kb(campaign.campaign_panels(c.frame, ct.geography, c.days, c.shown, **voice)) <= 35
