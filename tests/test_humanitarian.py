"""Unit tests of the humanitarian chapter's helpers: who counted, series, headline rule."""

import pandas as pd
import pytest

from hamabook.chapters import humanitarian as hum

SOURCES = pd.DataFrame(
    {
        "source_id": ["ocha", "wire", "blog", "unhcr"],
        "publisher": ["OCHA", "Wire", "Blog", "UNHCR"],
        "originator": ["OCHA", "WFP", "WFP", "UNHCR (Filippo Grandi)"],
        "via": ["", "AFP", "", ""],
        "reliability": ["A", "B", "D", "A"],
    }
)


def _figures(rows):
    cols = ["figure_id", "metric", "value", "low", "high", "as_of", "summary", "source_id", "credibility"]
    frame = pd.DataFrame(rows, columns=cols)
    frame["as_of"] = pd.to_datetime(frame["as_of"])
    for col in ("value", "low", "high"):
        frame[col] = frame[col].astype("Float64")
    return frame


NEW = "displaced_new_since_2024_11_27"
CUR = "displaced_current_since_2024_11_27"
FIGS = _figures(
    [
        ("N1", NEW, 14000, None, None, "2024-11-28", "OCHA counted 14,000.", "ocha", 2),
        ("N2", NEW, None, 800000, 1000000, "2024-12-08", "UNHCR estimated a range.", "unhcr", 2),
        ("N3", NEW, 280000, None, None, "2024-12-06", "WFP said 280,000, citing the UN.", "wire", 2),
        ("N4", NEW, 280000, None, None, "2024-12-06", "WFP said 280,000.", "blog", 3),
        ("N5", CUR, 1100000, None, None, "2024-12-12", "OCHA said the peak was 1.1 million.", "ocha", 2),
        ("N6", CUR, 664000, None, None, "2024-12-31", "OCHA said 664,000.", "ocha", 2),
        ("N7", CUR, 700000, None, None, "2024-12-31", "A blog said 700,000.", "blog", 3),
        ("N8", "other_metric", 5, None, None, "2024-12-31", "Something else.", "ocha", 2),
    ]
)


def test_organisation_drops_the_spokesperson():
    assert hum.organisation("UNHCR (Filippo Grandi)") == "UNHCR"
    assert hum.organisation("OCHA") == "OCHA"


def test_tidy_credits_originator_from_the_registry_not_the_summary():
    rows = hum.tidy(FIGS, SOURCES, [NEW]).set_index("figure_id")
    # N3's summary mentions the UN, but the registry says WFP counted it, relayed by AFP and the wire
    assert rows.loc["N3", "organisation"] == "WFP"
    assert rows.loc["N3", "counted_by"] == "WFP, via AFP via Wire"
    assert rows.loc["N2", "organisation"] == "UNHCR"
    assert rows.loc["N1", "counted_by"] == "OCHA"


def test_tidy_keeps_only_metrics_and_fills_intervals():
    rows = hum.tidy(FIGS, SOURCES, [NEW, CUR])
    assert set(rows["metric"]) == {NEW, CUR}
    ranged = rows.set_index("figure_id").loc["N2"]
    assert ranged["is_range"] and ranged["point"] == 900000
    single = rows.set_index("figure_id").loc["N1"]
    assert single["low"] == single["high"] == single["point"] == 14000
    assert list(rows["metric"].unique()) == [NEW, CUR]


def test_tidy_rejects_unknown_source():
    bad = FIGS.assign(source_id=FIGS["source_id"].replace("ocha", "nowhere"))
    with pytest.raises(KeyError):
        hum.tidy(bad, SOURCES, [NEW])


def test_series_never_joins_metrics_or_originators_and_dedupes_relays():
    s = hum.series(hum.tidy(FIGS, SOURCES, [NEW, CUR]))
    wfp = s[(s["organisation"] == "WFP") & (s["metric"] == NEW)]
    assert len(wfp) == 1 and wfp.iloc[0]["n_reports"] == 2
    assert wfp.iloc[0]["source_id"] == "wire"  # the better-graded relay is kept
    for name, group in s.groupby("series"):
        assert group["metric"].nunique() == 1 and group["organisation"].nunique() == 1, name
    assert s[s["metric"] == CUR]["series"].str.contains("Still displaced").all()


def test_as_text_reads_a_value_or_a_range():
    rows = hum.tidy(FIGS, SOURCES, [NEW, CUR]).set_index("figure_id")
    assert hum.as_text(rows.loc["N2"]) == "800,000–1,000,000"
    assert hum.as_text(rows.loc["N1"]) == "14,000"


def test_as_of_text_respects_precision():
    row = pd.Series({"as_of": pd.Timestamp("2023-12-01"), "as_of_precision": "month"})
    assert hum.as_of_text(row) == "December 2023"
    assert hum.as_of_text(row.replace("month", "year")) == "2023"
    assert (
        hum.as_of_text(pd.Series({"as_of": pd.Timestamp("2024-12-05"), "as_of_precision": "day"})) == "5 December 2024"
    )


def test_build_credits_registry_originators_and_computes_returns_caption(chapter):
    page = chapter("humanitarian")
    assert page.values["hum_wfp_value"].text == "280,000"
    assert page.values["hum_wfp_carriers"].text == "AFP and LBCI"
    assert all(v.rows or v.table for v in page.values.values())
    # The same 1,100,000 under two definitions is read from two metrics, never mixed.
    assert page.values["hum_peak_value"].rows != page.values["hum_unhcr_cum_value"].rows
    assert page.values["hum_dead_split"].text == "772 combatants and 138 civilians"
    assert set(page.shows) == {
        "humanitarian-displacement",
        "humanitarian-displacement-table",
        "humanitarian-casualties",
        "humanitarian-hama-table",
        "J40",
    }


def test_counting_body_is_estimated_by_when_given():
    figures = pd.DataFrame(
        {
            "figure_id": ["N1", "N2"],
            "metric": ["deaths_all_since_2024_11_27"] * 2,
            "value": [10.0, 20.0],
            "low": [None, None],
            "high": [None, None],
            "as_of": pd.to_datetime(["2024-12-01", "2024-12-02"]),
            "estimated_by": ["SOHR", None],
            "source_id": ["s1", "s2"],
        }
    )
    sources = pd.DataFrame(
        {
            "source_id": ["s1", "s2"],
            "publisher": ["Al-Mayadeen", "OCHA"],
            "originator": ["AFP", "OCHA (spokesperson)"],
            "via": [None, None],
            "reliability": ["C", "A"],
        }
    )
    rows = hum.tidy(figures, sources, ["deaths_all_since_2024_11_27"])
    assert rows.set_index("figure_id")["organisation"].to_dict() == {"N1": "SOHR", "N2": "OCHA"}
    # selection goes by the body's id in originators.csv: the estimate's maker, else the source's originator
    body = rows.set_index("figure_id")["body"]
    assert body["N1"] == "sohr" and pd.isna(body["N2"])  # 'OCHA (spokesperson)' is no originator of the registry
    assert rows["metric_label"].iloc[0] == "All deaths since 27 Nov"
    with pytest.raises(KeyError):
        hum.tidy(figures.assign(metric="no_such_metric"), sources, ["no_such_metric"])


def test_table_figures_carry_their_unit():
    row = pd.Series({"figure_id": "N1", "low": 310e6, "high": 310e6, "unit": "USD"})
    assert hum.with_unit(row) == "310,000,000 USD"
    assert hum.with_unit(row.replace("USD", "percent")) == "310,000,000 %"
    with pytest.raises(ValueError):
        hum.with_unit(row.drop("unit"))


def test_death_split_names_a_date_only_when_it_differs():
    day = pd.Timestamp("2024-12-08")
    total = pd.Series({"as_of": day, "low": 910, "high": 910})
    comb = pd.Series({"as_of": day, "low": 772, "high": 772})
    civ = pd.Series({"as_of": pd.Timestamp("2024-12-07"), "low": 138, "high": 138, "as_of_precision": "day"})
    assert hum.death_split(comb, civ, total) == "772 combatants and 138 civilians (as of 7 December 2024)"


def test_home_share_divides_by_everyone_displaced_not_the_net_stock():
    # 486,000 back and 664,000 still displaced: 42 % of the 1,150,000 displaced, not 44 % of a 1.1M peak
    assert hum.home_share(486000, 664000) == 42
    assert hum.home_share(1, 1) == 50


def test_same_day_total_adds_still_displaced_and_returned_of_one_body():
    figs = _figures(
        [
            ("N1", CUR, 880000, None, None, "2024-12-15", "", "ocha", 2),
            ("N2", "returned_idps_since_2024_11_27", 220000, None, None, "2024-12-15", "", "ocha", 2),
            ("N3", "returned_idps_since_2024_11_27", 486000, None, None, "2024-12-27", "", "ocha", 2),
            ("N4", CUR, 900000, None, None, "2024-12-15", "", "blog", 3),
        ]
    )
    rows = hum.tidy(figs, SOURCES, hum.DISPLACEMENT)
    both = hum.same_day_total(rows, "ocha")
    assert both["still"] + both["home"] == 1100000
    assert both["rows"] == ["N1", "N2"]
    with pytest.raises(LookupError):
        hum.same_day_total(rows, "wfp")


def test_bottom_line_and_returns_use_one_series_each(chapter):
    v = chapter("humanitarian").values
    # peak and later stock are both "still displaced" figures from OCHA
    assert v["hum_peak_value"].rows != v["hum_still_value"].rows
    assert v["hum_sum_total"].text == v["hum_peak_value"].text
    # the monitored crossings count is smaller than the first estimate, which is not among the later estimates
    crossed = int(v["hum_ret_crossed"].text.replace(",", ""))
    assert crossed < int(v["hum_ret_dec"].text.replace(",", ""))
    assert not set(v["hum_ret_dec"].rows) & (set(v["hum_ret_first"].rows) | set(v["hum_ret_last"].rows))


def test_day_month_and_first_day():
    assert hum.day_month("2024-12-05") == "5 December"
    rows = pd.DataFrame(
        {"event_id": ["E1", "E2", "E3"], "date": pd.to_datetime(["2024-12-05", "2024-12-05", "2024-12-06"])}
    )
    assert hum.on_first_day(rows)["event_id"].tolist() == ["E1", "E2"]


def test_the_week_in_order_rests_on_one_body_and_one_day(chapter):
    v = chapter("humanitarian").values
    # OCHA's rising count of the newly displaced, oldest first, one point per date
    assert v["hum_ocha_series"].text.startswith("14,000 by 28 November")
    # the figures of the day WFP spoke: WFP's own and the UN's other, as a range
    assert v["hum_wfp_day_range"].text == "280,000–370,000"
    assert set(v["hum_wfp_value"].rows) <= set(v["hum_wfp_day_range"].rows)
    # the mid-December stock is every still-displaced figure of the day OCHA gave both stock and returns
    assert v["hum_mid_still"].text == "880,000"
    # the half-year estimate set against UNHCR's forecast falls by the end of June of the year after
    assert v["hum_ret_june_date"].text.endswith("2025") and "June" in v["hum_ret_june_date"].text
