"""What happened after 8 December 2024, and how the predictions made before it fared.

Scoring rule for ``data/claims.csv`` (one row per statement made before 8 December 2024):

* ``outcome`` says whether the statement, as written in ``statement``, came true (``right``), did not
  (``wrong``), or cannot be judged yet (``unresolved``).
* The probability a claimant gave the statement is the ``probability`` column where the claimant stated a
  number. Otherwise it is read from ``likelihood_words``, which holds the term of the book's likelihood scale
  (``data/likelihood_scale.csv``) that matches the claimant's language; the probability is the midpoint of
  that term's band (``likely``, 55-80 %, gives 0.675). An unhedged statement of what will happen is read as
  ``almost certain``. A pledge or aim with no likelihood language gets neither, and is not scored.
* The Brier score of a scored claim is ``(p - o) ** 2`` with ``o = 1`` if right and ``0`` if wrong: 0 is a
  perfect forecast, 1 the worst possible, and a flat 50 % forecast always scores 0.25. Unresolved claims and
  claims without a probability are left out of every mean.
"""

from __future__ import annotations

import pandas as pd

from ..rows import with_sources

OUTCOME_VALUE = {"right": 1.0, "wrong": 0.0}

# Events shown in the timeline after the offensive: the last cities, the end of the regime, and the
# steps of the transition.
TIMELINE_CATEGORIES = (
    "city_captured",
    "regime_end",
    "assad_exit",
    "caretaker_government",
    "transitional_president",
    "constitutional_declaration",
)


def band_midpoints(scale: pd.DataFrame) -> dict[str, float]:
    """Each likelihood term's band midpoint, e.g. {'likely': 0.675, ...}."""
    return {row.term: round((row.low + row.high) / 2, 6) for row in scale.itertuples()}


def forecast_probability(claims: pd.DataFrame, scale: pd.DataFrame) -> pd.DataFrame:
    """Per claim: the probability used for scoring and its basis ('stated', 'scale midpoint' or 'none')."""
    mids = band_midpoints(scale)
    words = claims["likelihood_words"]
    unknown = sorted(set(words.dropna()) - set(mids))
    if unknown:
        raise ValueError(f"likelihood words not on the scale: {', '.join(unknown)}")
    stated = pd.to_numeric(claims["probability"], errors="coerce").astype(float)
    read = words.map(mids).astype(float)
    probability = stated.where(stated.notna(), read)
    basis = pd.Series("none", index=claims.index)
    basis[read.notna()] = "scale midpoint"
    basis[stated.notna()] = "stated"
    return pd.DataFrame({"p": probability, "basis": basis}, index=claims.index)


def brier(probability: float, outcome: str) -> float:
    """Brier score of one forecast: (p - o)^2 with o = 1 for 'right' and 0 for 'wrong'."""
    if outcome not in OUTCOME_VALUE:
        raise ValueError(f"only right/wrong outcomes can be scored, not {outcome!r}")
    if not 0 <= probability <= 1:
        raise ValueError(f"probability must lie in [0, 1], not {probability!r}")
    return (probability - OUTCOME_VALUE[outcome]) ** 2


def score_claims(claims: pd.DataFrame, scale: pd.DataFrame) -> pd.DataFrame:
    """Claims with kind, probability used, its basis, and a Brier score where the claim can be scored."""
    out = claims.copy()
    out["kind"], out["side"] = out["claimant_kind"], out["claimant_side"]
    out = out.join(forecast_probability(out, scale))
    out["scored"] = out["outcome"].isin(list(OUTCOME_VALUE)) & out["p"].notna()
    out["brier"] = [brier(p, o) if s else float("nan") for p, o, s in zip(out["p"], out["outcome"], out["scored"])]
    return out.sort_values(["made_on", "claim_id"]).reset_index(drop=True)


def mean_brier_by(scored: pd.DataFrame, column: str = "kind") -> pd.DataFrame:
    """Mean Brier score and counts per group (claimant kind or side), over scored claims only; best first."""
    rows = scored[scored["scored"]]
    table = rows.groupby(column).agg(
        claims=("claim_id", "size"),
        right=("outcome", lambda o: int((o == "right").sum())),
        wrong=("outcome", lambda o: int((o == "wrong").sum())),
        mean_brier=("brier", "mean"),
    )
    return table.sort_values(["mean_brier", "claims"], ascending=[True, False]).reset_index()


def post_offensive_timeline(
    events: pd.DataFrame, places: pd.DataFrame, sources: pd.DataFrame, start: str
) -> pd.DataFrame:
    """Events from ``start`` on that end the offensive or shape the transition, one row per report, oldest first."""
    mask = events["category"].isin(TIMELINE_CATEGORIES) & (events["date"] >= pd.Timestamp(start))
    rows = events.loc[mask].merge(places[["place_id", "name"]], on="place_id", how="left")
    rows = with_sources(rows, sources)
    rows["place"] = rows["name"].fillna("")
    return rows.sort_values(["date", "event_id"]).reset_index(drop=True)[
        ["date", "place", "category", "summary", "publisher", "reliability", "credibility", "event_id"]
    ]


def metric_series(figures: pd.DataFrame, metrics: list[str]) -> pd.DataFrame:
    """Every row of the given metrics, oldest first (ties by id)."""
    rows = figures[figures["metric"].isin(metrics)]
    if rows.empty:
        raise LookupError(f"no rows for {', '.join(metrics)}")
    return rows.sort_values(["as_of", "figure_id"]).reset_index(drop=True)


def latest_on_or_before(figures: pd.DataFrame, metric: str, date: str | pd.Timestamp) -> pd.Series:
    """The most recent row of ``metric`` dated on or before ``date`` (the rule for a single headline figure)."""
    rows = metric_series(figures, [metric])
    rows = rows[rows["as_of"] <= pd.Timestamp(date)]
    if rows.empty:
        raise LookupError(f"no {metric} row on or before {pd.Timestamp(date):%Y-%m-%d}")
    return rows.iloc[-1]
