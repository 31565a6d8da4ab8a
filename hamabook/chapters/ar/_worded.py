"""The English page's values worded again in Arabic, from their own rows (private to the Arabic allies, aftermath
and implications pages): a date from the rows the English value rests on, at their precision; a figure's value;
two dates the reports disagree on. Nothing is selected here: the English section chose the rows.
"""

from __future__ import annotations

import pandas as pd

from ...data import load
from ...output import arabic
from ...output.prose import Value


def dated() -> pd.DataFrame:
    """Every fact row's id, date (a figure's ``as_of``) and precision, and a figure's value."""
    events, figures, outcomes = load("events"), load("figures"), load("outcomes")
    frames = [
        events.rename(columns={"event_id": "row_id"}),
        figures.rename(columns={"figure_id": "row_id"}).assign(date=figures["as_of"], date_precision="day"),
        outcomes.rename(columns={"outcome_id": "row_id"}).assign(date_precision="day"),
    ]
    cols = ["row_id", "date", "as_of", "date_precision", "value"]
    out = pd.concat([f.reindex(columns=cols) for f in frames], ignore_index=True)
    out["date"], out["as_of"] = pd.to_datetime(out["date"]), pd.to_datetime(out["as_of"])
    return out.set_index("row_id")


class Worded:
    """The English page's values (by key) and the dated rows, with the Arabic wordings of a value."""

    def __init__(self, values: dict[str, Value]):
        self.en = values
        self.rows = dated()

    def _of(self, key: str) -> pd.DataFrame:
        return self.rows.loc[list(self.en[key].rows)]

    def day(self, key: str, precision: str | None = None, column: str = "date") -> Value:
        """The date of the first row the English value ``key`` rests on (the rows its sentence dates; the rest
        are reports of the same day's other facts), at that row's precision unless ``precision`` is given;
        ``column="as_of"``: the day the report was filed)."""
        first = self._of(key).iloc[0]
        if column != "date":  # the day a report was filed: known to the day
            return arabic.date(first[column], self.en[key].rows, precision=precision or "day")
        return arabic.date(first["date"], self.en[key].rows, precision=precision or first["date_precision"])

    def year(self, key: str) -> Value:
        return self.day(key, precision="year")

    def either(self, key: str, word: str = arabic.OR) -> Value:
        """The first and last day the rows of ``key`` give ('7 أو 8 كانون الأول/ديسمبر 2024')."""
        rows = self._of(key)
        return arabic.two_days(rows["date"].min(), rows["date"].max(), self.en[key].rows, word=word)

    def figure(self, key: str, noun: arabic.Noun | None = None, how: str = "one") -> Value:
        """The figure the rows of ``key`` report (``how="max"``: the highest), counted with ``noun`` if given."""
        values = self._of(key)["value"].dropna().astype(float)
        if how == "one" and values.nunique() != 1:
            raise ValueError(f"{key}: rows report {values.nunique()} values, not one")
        n = values.max()
        if noun is not None:
            return arabic.counted(int(n), noun, self.en[key].rows)
        return arabic.number(int(n) if float(n).is_integer() else n, self.en[key].rows)
