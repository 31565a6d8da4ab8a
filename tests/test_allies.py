import pandas as pd
import pytest

from hamabook.chapters import allies
from hamabook.data import load


def _events(rows):
    return pd.DataFrame(
        rows, columns=["event_id", "date", "date_precision", "category", "actor_id", "topic", "source_id"]
    ).assign(date=lambda f: pd.to_datetime(f["date"]))


ACTORS = pd.DataFrame(
    {
        "actor_id": ["russia", "syrian-government"],
        "name": ["Russia", "Syrian government"],
        "side": ["government"] * 2,
        "backs": ["syrian-government", None],
        "support_kind": ["air campaign", None],
    }
)


def test_support_period_selected_by_category_and_actor():
    events = _events(
        [
            ("X1", "2015-09-30", "day", "military_intervention", "russia", "allies", "s"),
            ("X2", "2010-01-01", "day", "ally_withdrawal", "russia", "allies", "s"),  # before the start: ignored
            ("X3", "2024-12-10", "day", "ally_withdrawal", "russia", "aftermath", "s"),
            ("X4", "2024-12-20", "day", "ally_withdrawal", "russia", "aftermath", "s"),
        ]
    )
    got = allies.support_periods(events, ACTORS, "2024-12-08").iloc[0]
    assert (got["start_event"], got["end_event"]) == ("X1", "X3")
    assert not got["open_ended"]
    assert got["years"] == pytest.approx(9.2, abs=0.1)


def test_open_ended_support_runs_to_as_of():
    events = _events([("X1", "2015-09-30", "day", "support_start", "russia", "allies", "s")])
    got = allies.support_periods(events, ACTORS, "2024-12-08").iloc[0]
    assert got["open_ended"] and got["end"] == pd.Timestamp("2024-12-08")


def test_support_needs_a_start_row_and_known_actors():
    events = _events([("X1", "2015-09-30", "day", "ally_statement", "russia", "allies", "s")])
    with pytest.raises(LookupError):
        allies.support_periods(events, ACTORS, "2024-12-08")
    with pytest.raises(KeyError):
        allies.support_periods(events, ACTORS.assign(backs=["iran", None]), "2024-12-08")


def test_select_filters_category_topic_date_actor():
    events = _events(
        [
            ("X1", "2024-12-07", "day", "un_statement", "ag-un-envoy", "allies", "s"),
            ("X2", "2024-12-07", "day", "un_statement", "ag-un-envoy", "military", "s"),
            ("X3", "2024-12-20", "day", "un_statement", "ag-un-envoy", "allies", "s"),
            ("X4", "2024-12-01", "day", "ally_statement", "iran", "allies", "s"),
        ]
    )
    got = allies.select(events, ("un_statement",), pd.Timestamp("2024-11-27"), pd.Timestamp("2024-12-08"))
    assert got["event_id"].tolist() == ["X1"]
    got = allies.select(events, ("un_statement", "ally_statement"), "2024-11-27", "2024-12-08", actors=["iran"])
    assert got["event_id"].tolist() == ["X4"]


def test_real_data(chapter):
    page = chapter("allies")
    events = load("events")
    periods = allies.support_periods(events, load("actors"), "2024-12-08").set_index("backer_id")
    # Hezbollah's support ends at its first reported withdrawal (from Homs or Qusayr), inside the eleven days
    left = events[(events["actor_id"] == "hezbollah") & (events["category"] == "ally_withdrawal")]["date"].min()
    assert periods.loc["hezbollah", "end"] == left
    assert pd.Timestamp("2024-11-27") <= left <= pd.Timestamp("2024-12-08")
    assert periods.loc["turkey", "open_ended"]
    assert {"allies-diplomacy", "allies-cost", "J02", "J05", "J13"} <= set(page.shows)


def test_kind_labels_come_from_categories_and_never_call_a_non_ally_an_ally():
    actors = pd.DataFrame(
        {"actor_id": ["russia", "turkey"], "backs": ["syrian-government", "sna"], "name": ["Russia", "Turkey"]}
    )
    categories = pd.DataFrame(
        {
            "category": ["ally_statement", "statement", "ally_support"],
            "label": ["Ally's statement", "Statement or claim", "Outside support"],
        }
    )
    rows = pd.DataFrame(
        {
            "actor_id": ["russia", "turkey", "turkey"],
            "category": ["ally_statement", "ally_statement", "ally_support"],
        }
    )
    got = allies.kind_labels(rows, actors, categories.set_index("category")["label"]).tolist()
    assert got == ["Ally's statement", "Statement or claim", "Outside support"]
    with pytest.raises(KeyError):
        allies.kind_labels(rows.assign(category="unknown"), actors, categories.set_index("category")["label"])


def test_longest_backers_names_every_tie():
    periods = pd.DataFrame({"backer": ["Iran", "Iraqi militias", "Russia"], "years": [12.9, 12.9, 9.2]})
    assert allies.longest_backers(periods)["backer"].tolist() == ["Iran", "Iraqi militias"]
    assert allies.longest_backers(periods.iloc[1:])["backer"].tolist() == ["Iraqi militias"]


def test_real_tables_show_no_raw_category_ids(chapter):
    page = chapter("allies")
    html = "".join(page.shows[name].data for name in ("allies-moves-table", "allies-diplomacy", "allies-cost"))
    assert "ally_statement" not in html and "ally statement" not in html


def test_with_article_names_states_in_a_sentence():
    from hamabook.chapters.allies import with_article

    assert with_article("United States") == "the United States"
    assert with_article("Turkey") == "Turkey"
    assert with_article("the United Nations") == "the United Nations"


def test_on_picks_by_actor_kind_day_and_place_and_refuses_nothing():
    events = _events(
        [
            ("X1", "2024-12-06", "day", "ally_withdrawal", "iran", "allies", "s"),
            ("X2", "2024-12-06", "day", "ally_statement", "iran", "allies", "s"),
            ("X3", "2024-12-07", "day", "ally_withdrawal", None, "allies", "s"),
        ]
    ).assign(place_id=["a", "b", None])
    assert allies.on(events, actor="iran", category="ally_withdrawal")["event_id"].tolist() == ["X1"]
    assert allies.on(events, actor=allies.NO_ACTOR)["event_id"].tolist() == ["X3"]
    assert allies.on(events, day="2024-12-06", place="b")["event_id"].tolist() == ["X2"]
    with pytest.raises(LookupError):
        allies.on(events, actor="russia")


def test_dates_read_as_a_reader_says_them():
    assert allies.prose.fmt_day("2024-12-05", allies.YEAR) == "5 December"
    assert allies.prose.fmt_day("2024-12-13", allies.YEAR, "approximate") == "about 13 December"
    assert allies.prose.fmt_day("2015-09-30", allies.YEAR) == "30 September 2015"
    assert allies.prose.fmt_day("2025-01-20", allies.YEAR, "month") == "January 2025"
    rows = _events(
        [
            ("X1", "2024-12-05", "day", "airstrike", None, "military", "s"),
            ("X2", "2024-12-06", "day", "airstrike", None, "military", "s"),
        ]
    )
    got = allies.either_date(rows)
    assert got.text == "5 or 6 December" and got.rows == ("X1", "X2")
    assert allies.either_date(rows.iloc[:1]).text == "5 December"
    with pytest.raises(ValueError):
        allies.when(rows)  # two dates are not one


def test_when_rests_on_the_rows_of_the_same_days_other_facts():
    rows = _events([("X1", "2024-12-01", "day", "ally_air_strike", "russia", "allies", "s")])
    more = _events([("X2", "2024-12-01", "day", "ally_command_change", "russia", "allies", "s")])
    assert allies.when(rows, also=[more]).rows == ("X1", "X2")


def test_evidence_tables_fold_whole_under_a_summary_line(chapter):
    page = chapter("allies")
    for name in ("allies-support-table", "allies-moves-table", "allies-diplomacy", "allies-cost", "allies-cited"):
        html = page.shows[name].data
        assert html.startswith('<details class="hb-group"><summary>'), name
        assert "hb-more" not in html  # the whole table opens at once


def test_daily_tolls_are_listed_by_day_and_place_never_chosen_between():
    figures = pd.DataFrame(
        {
            "figure_id": ["N1", "N2", "N3"],
            "value": [19.0, 8.0, 16.0],
            "as_of": pd.to_datetime(["2024-11-28", "2024-12-01", "2024-11-30"]),
            "place_id": [None, "idlib", "aleppo"],
        }
    )
    places = pd.DataFrame({"place_id": ["idlib", "aleppo"], "name": ["Idlib", "Aleppo"]})
    got = allies.reports_by_day(figures, places)
    assert got.text == "19 on 28 November, 16 in Aleppo on 30 November and 8 in Idlib on 1 December"
    assert set(got.rows) == {"N1", "N2", "N3"}
    with pytest.raises(ValueError):
        allies.figure_value(figures)  # three values are not one


def test_first_and_last_reports_pick_the_day_by_a_stated_rule():
    rows = _events(
        [
            ("X1", "2024-12-06", "day", "ally_withdrawal", "iran", "allies", "s"),
            ("X2", "2024-12-06", "day", "ally_withdrawal", "iran", "allies", "t"),
            ("X3", "2024-12-08", "day", "ally_withdrawal", "iran", "allies", "u"),
        ]
    )
    assert allies.first_of(rows)["event_id"].tolist() == ["X1", "X2"]
    assert allies.last_of(rows)["event_id"].tolist() == ["X3"]
    assert allies.when(allies.first_of(rows)).text == "6 December"


def test_two_days_across_a_month_read_as_either():
    rows = _events(
        [
            ("X1", "2024-11-30", "day", "sna_operation", None, "military", "s"),
            ("X2", "2024-12-01", "day", "sna_operation", None, "military", "t"),
        ]
    )
    assert allies.either_date(rows).text == "30 November or 1 December"


def test_real_contested_reports_are_told_each_way(chapter):
    page = chapter("allies")
    v = page.values
    # Assad's exit: SOHR's departure from Damascus and his own account from Latakia, each dated by its reports
    assert v["al_sohr_exit"].text == "7 December" and v["al_assad_own"].text == "8 December"
    assert not set(v["al_sohr_exit"].rows) & set(v["al_assad_own"].rows)
    # every civilian toll SOHR gave for Russian strikes, and the IDF's own count beside SOHR's
    killed = load("figures").query("metric == 'civilians_killed_russian_strikes_day'")
    assert set(v["al_russia_civilians"].rows) == set(killed["figure_id"])
    assert "–" in v["al_sohr_strikes_then"].text
    # Turkey's foreknowledge rests on the Reuters account's rows, not on other accounts of the preparation
    rows = load("events").set_index("event_id").loc[list(v["al_prep_account"].rows)]
    assert rows["source_id"].nunique() == 1 and "turkey" in set(rows["actor_id"])


def test_every_report_the_story_cites_is_in_a_folded_table(chapter):
    page = chapter("allies")
    tables = ("allies-support-table", "allies-moves-table", "allies-diplomacy", "allies-cost", "allies-cited")
    html = "".join(page.shows[name].data for name in tables)
    cited = {r for key, value in page.values.items() if key not in allies.JUDGMENTS for r in value.rows}
    missing = sorted(r for r in cited if f">{r}<" not in html)
    assert not missing, f"cited rows in no folded table: {missing}"
