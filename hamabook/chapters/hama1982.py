"""Computations for the chapter on the 1982 Hama massacre (``book/hama1982.ipynb``).

The death toll of February 1982 is contested: every estimate is one row of
``figures.csv`` with metric ``hama_1982_death_toll``, a point ``value`` or a
``low``/``high`` range, the date the estimate was made (``as_of``) and a
``scope`` that starts with what it counts: ``civilians``, ``all deaths`` or
``unspecified`` (details may follow after a semicolon). The functions here put
those rows in one shape, summarise their spread, and turn tolls into shares of
the city's population. None of them picks a "true" figure.
"""

from __future__ import annotations

import pandas as pd

from ..rows import with_sources

DEATH_TOLL = "hama_1982_death_toll"
POPULATION = "hama_city_population"
SCOPE_CLASSES = ("civilians", "all deaths", "unspecified")


def scope_class(scope) -> str:
    """'civilians; SNHR estimate' -> 'civilians'; the part before ';' must be a known class."""
    if scope is None or pd.isna(scope):
        raise ValueError("a death-toll row needs a scope (civilians, all deaths or unspecified)")
    head = str(scope).split(";")[0].strip().lower()
    if head not in SCOPE_CLASSES:
        raise ValueError(f"scope {scope!r} must start with one of: {', '.join(SCOPE_CLASSES)}")
    return head


def estimator(carries, publisher: str) -> str:
    """Who made the estimate: the original author or agency a copy carries, else the publisher,
    shortened at the first comma, parenthesis or slash ('Robert Fisk, The Great War ...' -> 'Robert Fisk')."""
    text = publisher if carries is None or pd.isna(carries) else str(carries)
    for stop in (",", " (", " / "):
        text = text.split(stop)[0]
    return text.strip()


def bounds(rows: pd.DataFrame) -> pd.DataFrame:
    """Add ``low_``, ``high_``, ``midpoint`` and ``is_range``: a point value counts as low == high.

    When a source gives a range, its ends are used (the point ``value`` is ignored);
    a one-sided figure ("up to 25,000") is a point.
    """
    low = rows["low"].where(rows["low"].notna(), rows["value"])
    high = rows["high"].where(rows["high"].notna(), rows["value"])
    if low.isna().any() or high.isna().any():
        bad = ", ".join(rows.loc[low.isna() | high.isna(), "figure_id"].astype(str))
        raise ValueError(f"rows without a value or a range: {bad}")
    if (low > high).any():
        bad = ", ".join(rows.loc[low > high, "figure_id"].astype(str))
        raise ValueError(f"rows with low > high: {bad}")
    out = rows.assign(low_=low.astype(float), high_=high.astype(float))
    out["midpoint"] = (out["low_"] + out["high_"]) / 2
    out["is_range"] = out["low_"] < out["high_"]
    return out


def death_toll_estimates(figures: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Every death-toll estimate, oldest estimate first, with bounds, scope class and its source."""
    rows = figures[figures["metric"] == DEATH_TOLL]
    if rows.empty:
        raise LookupError(f"no {DEATH_TOLL} rows in the data")
    rows = bounds(rows)
    rows["scope_class"] = rows["scope"].map(scope_class)
    rows = with_sources(rows, sources, ("publisher", "carries", "kind", "reliability"))
    rows["year"] = rows["as_of"].dt.year
    rows["estimator"] = [estimator(c, p) for c, p in zip(rows["carries"], rows["publisher"])]
    rows["label"] = rows["estimator"] + ", " + rows["year"].astype(str) + " [" + rows["figure_id"] + "]"
    return rows.sort_values(["as_of", "figure_id"]).reset_index(drop=True)


def spread(estimates: pd.DataFrame) -> dict:
    """Summary of the spread of estimates, one vote per row (not weighted by source quality).

    Median and quartiles are of the midpoints (pandas' linear interpolation);
    ``lowest``/``highest`` are the smallest low and largest high end of any row.
    """
    if estimates.empty:
        raise ValueError("no estimates to summarise")
    mid = estimates["midpoint"].astype(float)
    q1, median, q3 = (float(mid.quantile(q)) for q in (0.25, 0.5, 0.75))
    lowest, highest = float(estimates["low_"].min()), float(estimates["high_"].max())
    return {
        "n": int(len(estimates)),
        "median": median,
        "q1": q1,
        "q3": q3,
        "iqr": q3 - q1,
        "lowest": lowest,
        "highest": highest,
        "ratio": highest / lowest if lowest > 0 else float("inf"),
    }


def share_range(toll_low: float, toll_high: float, pop_low: float, pop_high: float) -> tuple[float, float]:
    """Tolls as a percentage of population, as a range: smallest toll over largest population,
    largest toll over smallest population."""
    if min(pop_low, pop_high) <= 0:
        raise ValueError("population must be positive")
    if toll_low > toll_high or pop_low > pop_high:
        raise ValueError("give each range as (low, high)")
    return 100 * toll_low / pop_high, 100 * toll_high / pop_low


def metric_rows(figures: pd.DataFrame, metric: str, sources: pd.DataFrame | None = None) -> pd.DataFrame:
    """All rows of one metric with bounds (and publisher, if ``sources`` is given), oldest first."""
    rows = figures[figures["metric"] == metric]
    if rows.empty:
        raise LookupError(f"no {metric} rows in the data")
    rows = bounds(rows)
    if sources is not None:
        rows = with_sources(rows, sources)
    return rows.sort_values(["as_of", "figure_id"]).reset_index(drop=True)


def population_then_and_now(figures: pd.DataFrame, sources: pd.DataFrame, massacre_year: int) -> pd.DataFrame:
    """City population rows, each marked as referring to the time of the massacre (up to the end of
    ``massacre_year``) or later; the period label names the year."""
    rows = metric_rows(figures, POPULATION, sources)
    then = rows["as_of"].dt.year <= massacre_year
    rows["period"] = then.map({True: f"around {massacre_year}", False: "later"})
    return rows
