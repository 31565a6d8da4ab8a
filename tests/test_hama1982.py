"""Unit tests of hamabook.chapters.hama1982: bounds, scope classes, spread statistics and shares."""

import pandas as pd
import pytest

from hamabook.chapters import hama1982
from hamabook.data import load


def _figures(rows):
    cols = ["figure_id", "metric", "value", "low", "high", "as_of", "scope", "source_id"]
    frame = pd.DataFrame(rows, columns=cols)
    frame["as_of"] = pd.to_datetime(frame["as_of"])
    for col in ("value", "low", "high"):
        frame[col] = frame[col].astype("Float64")
    return frame


SOURCES = pd.DataFrame(
    {
        "source_id": ["a", "b"],
        "publisher": ["Alpha (blog)", "Beta"],
        "originator": [None, "AFP"],
        "kind": ["ngo", "wire"],
        "reliability": ["C", "B"],
    }
)


def test_scope_class():
    assert hama1982.scope_class("civilians; SNHR estimate") == "civilians"
    assert hama1982.scope_class("All deaths") == "all deaths"
    assert hama1982.scope_class("unspecified") == "unspecified"
    with pytest.raises(ValueError):
        hama1982.scope_class("soldiers only")
    with pytest.raises(ValueError):
        hama1982.scope_class(None)


def test_estimator():
    assert hama1982.estimator(None, "Robert Fisk, The Great War for Civilisation (2005)", "whosread") == "Robert Fisk"
    assert hama1982.estimator(None, "Amnesty International (1983 report)", "Nabd") == "Amnesty International"
    assert hama1982.estimator("", None, "Amnesty International") == "Amnesty International"
    assert (
        hama1982.estimator(None, None, "Swiss Federal Council / Office of the Attorney General")
        == "Swiss Federal Council"
    )
    assert hama1982.estimator(float("nan"), float("nan"), "Friday Lunch Club (blog)") == "Friday Lunch Club"
    # estimated_by names who made an estimate the source retells, and is used as written
    assert (
        hama1982.estimator("Rifaat al-Assad (as told by Thomas Friedman)", "Thomas Friedman, From Beirut", "WiC")
        == "Rifaat al-Assad (as told by Thomas Friedman)"
    )
    assert hama1982.estimator(pd.NA, "SOHR", "DW") == "SOHR"


def test_lenient_scope_class():
    assert hama1982.lenient_scope_class("civilians; SNHR estimate") == "civilians"
    assert hama1982.lenient_scope_class("several accounts (upper estimate)") == "unspecified"


def test_made_by_prefers_estimated_by_then_originator():
    rows = pd.DataFrame(
        {"publisher": ["P1", "P2", "P3"], "originator": ["DIA", None, "AFP"], "estimated_by": [None, None, "activists"]}
    )
    assert hama1982.made_by(rows) == ["DIA", "P2", "activists"]
    assert hama1982.made_by(rows[["publisher", "originator"]]) == ["DIA", "P2", "AFP"]
    assert hama1982.made_by(rows[["publisher"]]) == ["P1", "P2", "P3"]


def test_bounds_point_and_range():
    rows = hama1982.bounds(
        _figures(
            [
                ("N1", "m", 1000, None, None, "1982-01-01", "unspecified", "a"),
                ("N2", "m", 20000, 10000, 20000, "2005-01-01", "unspecified", "a"),
                ("N3", "m", None, 3000, 60000, "2024-03-11", "all deaths", "b"),
            ]
        )
    )
    assert rows["low_"].tolist() == [1000, 10000, 3000]
    assert rows["high_"].tolist() == [1000, 20000, 60000]
    assert rows["midpoint"].tolist() == [1000, 15000, 31500]
    assert rows["is_range"].tolist() == [False, True, True]


def test_bounds_rejects_empty_and_inverted():
    with pytest.raises(ValueError, match="N9"):
        hama1982.bounds(_figures([("N9", "m", None, 5, None, "2000-01-01", "unspecified", "a")]))
    with pytest.raises(ValueError, match="low > high"):
        hama1982.bounds(_figures([("N8", "m", None, 9, 5, "2000-01-01", "unspecified", "a")]))


def test_death_toll_estimates_orders_by_date_and_joins_sources():
    frame = _figures(
        [
            ("N2", hama1982.DEATH_TOLL, None, 10000, 40000, "2024-12-05", "unspecified", "b"),
            ("N1", hama1982.DEATH_TOLL, 1000, None, None, "1982-01-01", "unspecified", "a"),
            ("N3", "other_metric", 5, None, None, "1990-01-01", "unspecified", "a"),
        ]
    )
    est = hama1982.death_toll_estimates(frame, SOURCES)
    assert est["figure_id"].tolist() == ["N1", "N2"]
    assert est["publisher"].tolist() == ["Alpha (blog)", "Beta"]
    assert est["made_by"].tolist() == ["Alpha", "AFP"]
    assert hama1982.death_toll_estimates(frame.assign(estimated_by=["rights groups", None, None]), SOURCES)[
        "made_by"
    ].tolist() == ["Alpha", "rights groups"]
    assert est["label"].tolist() == ["Alpha, 1982 [N1]", "AFP, 2024 [N2]"]
    with pytest.raises(KeyError):
        hama1982.death_toll_estimates(frame.assign(source_id="zzz"), SOURCES)


def test_spread_statistics():
    est = hama1982.bounds(
        _figures(
            [
                ("N1", "m", 1000, None, None, "1982-01-01", "unspecified", "a"),
                ("N2", "m", None, 10000, 20000, "1990-01-01", "unspecified", "a"),
                ("N3", "m", None, 10000, 40000, "2000-01-01", "unspecified", "a"),
                ("N4", "m", None, 3000, 60000, "2024-01-01", "unspecified", "a"),
            ]
        )
    )
    stats = hama1982.spread(est)
    # midpoints 1000, 15000, 25000, 31500 -> median 20000, quartiles by linear interpolation
    assert stats["n"] == 4
    assert stats["median"] == 20000
    assert stats["q1"] == pytest.approx(11500)
    assert stats["q3"] == pytest.approx(26625)
    assert stats["iqr"] == pytest.approx(15125)
    assert stats["lowest"] == 1000 and stats["highest"] == 60000
    assert stats["ratio"] == 60
    with pytest.raises(ValueError):
        hama1982.spread(est.iloc[0:0])


def test_share_range():
    low, high = hama1982.share_range(10000, 30000, 150000, 250000)
    assert low == pytest.approx(4.0)
    assert high == pytest.approx(20.0)
    with pytest.raises(ValueError):
        hama1982.share_range(10, 20, 0, 100)
    with pytest.raises(ValueError):
        hama1982.share_range(30, 20, 100, 200)


def test_population_periods():
    frame = _figures(
        [
            ("N1", hama1982.POPULATION, 177208, None, None, "1980-01-01", "city", "a"),
            ("N2", hama1982.POPULATION, 1000000, None, None, "2024-12-01", "city", "b"),
        ]
    )
    pop = hama1982.population_then_and_now(frame, SOURCES, 1982)
    assert pop["period"].tolist() == ["around 1982", "later"]
    assert hama1982.population_then_and_now(frame, SOURCES, 1979)["period"].tolist() == ["later", "later"]


def test_real_data_rows_are_usable():
    """Every death-toll row in data/ has a known scope class and a value or a range."""
    est = hama1982.death_toll_estimates(load("figures"), load("sources"))
    assert len(est) >= 10
    assert set(est["scope_class"]) <= set(hama1982.SCOPE_CLASSES)
    assert set(est["method"].dropna()) <= {"documented", "census", "estimate", "claim", "diplomatic_report"}
    assert (est["low_"] <= est["high_"]).all()


def test_modal_bracket():
    est = hama1982.bounds(
        _figures(
            [
                ("N1", "m", 1000, None, None, "1982-01-01", "unspecified", "a"),
                ("N2", "m", None, 10000, 40000, "2012-01-01", "unspecified", "a"),
                ("N3", "m", None, 10000, 40000, "2024-01-01", "unspecified", "a"),
                ("N4", "m", None, 3000, 60000, "2024-01-01", "unspecified", "a"),
            ]
        )
    )
    assert hama1982.modal_bracket(est)["figure_id"].tolist() == ["N2", "N3"]
    with pytest.raises(LookupError):
        hama1982.modal_bracket(est.iloc[:1])


def test_by_method():
    frame = _figures(
        [
            ("N2", "m", 2, None, None, "2004-01-01", "city", "a"),
            ("N1", "m", 1, None, None, "1980-01-01", "city", "a"),
            ("N3", "m", 3, None, None, "1990-01-01", "city", "a"),
        ]
    ).assign(method=pd.array(["census", "census", pd.NA], dtype="string"))
    assert hama1982.by_method(frame, "census")["figure_id"].tolist() == ["N1", "N2"]
    with pytest.raises(LookupError):
        hama1982.by_method(frame, "claim")


def test_their_estimate_pairs_source_and_scope_class():
    toll = hama1982.bounds(
        _figures(
            [
                ("N1", "m", 7984, None, None, "2022-02-01", "civilians; documented", "a"),
                ("N2", "m", None, 30000, 40000, "2022-02-01", "civilians; estimate", "a"),
                ("N3", "m", 40000, None, None, "2022-02-01", "unspecified", "a"),
                ("N4", "m", None, 10000, 40000, "2022-02-01", "civilians", "b"),
            ]
        )
    ).assign(method=pd.array(["documented", pd.NA, pd.NA, pd.NA], dtype="string"))
    toll["scope_class"] = toll["scope"].map(hama1982.lenient_scope_class)
    documented = hama1982.by_method(toll, "documented")
    assert hama1982.their_estimate(toll, documented)["figure_id"].tolist() == ["N2"]
    with pytest.raises(LookupError):
        hama1982.their_estimate(toll[toll["figure_id"] != "N2"], documented)


def test_step_and_dated_list():
    acc = pd.DataFrame(
        {
            "event_id": ["E1", "E2", "E3", "E4", "E5"],
            "category": ["indictment", "arrest_warrant", "arrest_warrant", "conviction", "conviction"],
            "date": pd.to_datetime(["2024-03-11", "2021-11-30", "2023-08-16", "2020-06-17", "2020-06-17"]),
            "date_precision": ["day", "month", "day", "day", "day"],
            "publisher": ["OAG", "Swiss Times", "SNHR", "AFP", "France 24"],
        }
    )
    assert hama1982.step(acc, "indictment")["event_id"].tolist() == ["E1"]
    # Two reports of one conviction agree on its date: the date rests on both.
    convicted = hama1982.step_date(hama1982.step(acc, "conviction"))
    assert convicted.text == "17 June 2020" and set(convicted.rows) == {"E4", "E5"}
    with pytest.raises(ValueError, match="E2, E3"):
        hama1982.step(acc, "arrest_warrant")
    with pytest.raises(LookupError):
        hama1982.step(acc, "final_ruling")
    warrants = acc[acc["category"] == "arrest_warrant"]
    assert (
        hama1982.dated_list(warrants, "date", "date_precision", "publisher")
        == "November 2021 (Swiss Times) and 16 August 2023 (SNHR)"
    )


def test_fmt_share():
    assert hama1982.fmt_share(0.42, 40.0) == "0.4–40 %"
    assert hama1982.fmt_share(6.7, 21.2) == "7–21 %"


def test_chapter_events_by_topic():
    events = pd.DataFrame(
        {
            "event_id": ["E1", "E2"],
            "category": ["statement", "statement"],
            "topic": ["hama1982", "military"],
            "source_id": ["a", "b"],
        }
    )
    assert hama1982.chapter_events(events)["event_id"].tolist() == ["E1"]


def test_precisions_default_and_column():
    rows = pd.DataFrame({"date": pd.to_datetime(["2022-07-01"])})
    assert hama1982.precisions(rows, "month").tolist() == ["month"]
    assert hama1982.precisions(rows.assign(date_precision=["day"]), "month").tolist() == ["day"]


def test_distinct_days_merges_an_approximate_copy_of_the_same_day():
    rows = pd.DataFrame(
        {
            "date": pd.to_datetime(["2024-12-07", "2024-12-07", "2024-12-05"]),
            "date_precision": ["approximate", "day", "approximate"],
        }
    )
    assert hama1982.distinct_days(rows) == [
        (pd.Timestamp("2024-12-05"), "approximate"),
        (pd.Timestamp("2024-12-07"), "day"),
    ]


def test_short_name_drops_the_transliteration_and_adds_the_article():
    from hamabook.chapters.hama1982 import short_name

    assert short_name("Defence Companies (Saraya al-Difa)") == "the Defence Companies"
    assert short_name("Special Forces (al-Wahdat al-Khassa) under Ali Haydar") == "the Special Forces under Ali Haydar"
    assert short_name("Syrian army") == "the Syrian army"


def test_what_was_said_then_and_since_rests_on_the_right_rows(chapter):
    """The first-decade estimates leave out the perpetrator's claim; the thirtieth-anniversary estimate counts all
    deaths; those who also counted the missing are the sources of the disappeared rows."""
    page = chapter("hama1982")
    v = page.values
    toll = hama1982.death_toll_estimates(load("figures"), load("sources")).set_index("figure_id")
    first, later = v["h82_first_toll"].rows[0], v["h82_later_toll"].rows[0]
    assert toll.loc[first, "as_of"] <= toll.loc[later, "as_of"]
    assert toll.loc[[first, later], "method"].ne(hama1982.CLAIM).all()
    assert toll.loc[list(v["h82_both_sides"].rows), "scope_class"].eq("all deaths").all()
    assert (toll.loc[list(v["h82_both_sides"].rows), "as_of"].dt.year == 2012).all()
    assert v["h82_counters_toll"].text == "30,000–40,000"
    # the memory table links each report to the evidence page
    assert "evidence_events.html#row-e403" in page.shows["hama1982-memory"].data


def test_events_of_filters_by_category_and_dates():
    events = pd.DataFrame(
        {
            "event_id": ["E2", "E1", "E3"],
            "category": ["amnesty", "amnesty", "statement"],
            "date": pd.to_datetime(["2024-12-09", "2024-12-03", "2024-12-05"]),
        }
    )
    t = type("T", (), {"events": events})()
    assert hama1982.events_of(t, "amnesty")["event_id"].tolist() == ["E1", "E2"]
    assert hama1982.events_of(t, "amnesty", before="2024-12-05")["event_id"].tolist() == ["E1"]
    with pytest.raises(LookupError):
        hama1982.events_of(t, "amnesty", after="2024-12-10")
