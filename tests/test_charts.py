import pandas as pd

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
