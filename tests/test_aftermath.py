"""Scoring of the pre-8-December predictions and the post-offensive helpers."""

import math

import pandas as pd
import pytest

from hamabook.chapters import aftermath
from hamabook.data import load

SCALE = pd.DataFrame(
    {
        "term": ["almost no chance", "unlikely", "roughly even chance", "likely", "almost certain"],
        "low": [0.01, 0.20, 0.45, 0.55, 0.95],
        "high": [0.05, 0.45, 0.55, 0.80, 0.99],
        "source_id": ["s"] * 5,
    }
)


KINDS = {"gov": ("government", "government"), "tt": ("analyst or think tank", "other")}


def _claims(rows):
    cols = ["claim_id", "made_on", "claimant", "likelihood_words", "probability", "outcome"]
    frame = pd.DataFrame(rows, columns=cols)
    frame["claimant_kind"] = [KINDS.get(c, ("government", "other"))[0] for c in frame["claimant"]]
    frame["claimant_side"] = [KINDS.get(c, ("government", "other"))[1] for c in frame["claimant"]]
    frame["made_on"] = pd.to_datetime(frame["made_on"])
    return frame


def test_band_midpoints():
    mids = aftermath.band_midpoints(SCALE)
    assert mids["likely"] == pytest.approx(0.675)
    assert mids["almost certain"] == pytest.approx(0.97)
    assert mids["roughly even chance"] == pytest.approx(0.5)


@pytest.mark.parametrize(
    ("p", "outcome", "expected"),
    [
        (0.97, "wrong", 0.9409),  # confident and wrong: (0.97 - 0)^2
        (0.97, "right", 0.0009),  # confident and right: (0.97 - 1)^2
        (0.675, "right", 0.105625),  # 'likely' and right: 0.325^2
        (0.675, "wrong", 0.455625),  # 'likely' and wrong: 0.675^2
        (0.5, "right", 0.25),
        (0.5, "wrong", 0.25),
        (0.0, "wrong", 0.0),
        (1.0, "wrong", 1.0),
    ],
)
def test_brier_hand_worked(p, outcome, expected):
    assert aftermath.brier(p, outcome) == pytest.approx(expected)


def test_brier_refuses_unresolved_and_bad_probability():
    with pytest.raises(ValueError, match="unresolved"):
        aftermath.brier(0.5, "unresolved")
    with pytest.raises(ValueError, match="probability"):
        aftermath.brier(1.2, "right")


def test_stated_probability_wins_over_words_and_pledges_get_none():
    claims = _claims(
        [
            ["C1", "2024-12-01", "a", "likely", 0.9, "right"],
            ["C2", "2024-12-01", "a", "likely", None, "right"],
            ["C3", "2024-12-01", "a", None, None, "wrong"],
        ]
    )
    got = aftermath.forecast_probability(claims, SCALE)
    assert list(got["p"].iloc[:2]) == pytest.approx([0.9, 0.675])
    assert math.isnan(got["p"].iloc[2])
    assert list(got["basis"]) == ["stated", "scale midpoint", "none"]


def test_unknown_likelihood_words_are_rejected():
    claims = _claims([["C1", "2024-12-01", "a", "pretty sure", None, "right"]])
    with pytest.raises(ValueError, match="pretty sure"):
        aftermath.forecast_probability(claims, SCALE)


def test_unresolved_and_unscorable_claims_are_excluded():
    claims = _claims(
        [
            ["C1", "2024-12-01", "gov", "almost certain", None, "wrong"],  # 0.9409
            ["C2", "2024-12-02", "gov", "likely", None, "right"],  # 0.105625
            ["C3", "2024-12-03", "gov", "almost certain", None, "unresolved"],  # excluded
            ["C4", "2024-12-03", "gov", None, None, "wrong"],  # no probability: excluded
            ["C5", "2024-12-04", "tt", "roughly even chance", None, "right"],  # 0.25
        ]
    )
    scored = aftermath.score_claims(claims, SCALE)
    assert list(scored["scored"]) == [True, True, False, False, True]
    assert scored["brier"].isna().tolist() == [False, False, True, True, False]
    by_kind = aftermath.mean_brier_by(scored, "kind").set_index("kind")
    assert by_kind.loc["government", "claims"] == 2
    assert by_kind.loc["government", "mean_brier"] == pytest.approx((0.9409 + 0.105625) / 2)
    assert by_kind.loc["government", "wrong"] == 1
    assert by_kind.loc["analyst or think tank", "mean_brier"] == pytest.approx(0.25)
    assert list(by_kind.index) == ["analyst or think tank", "government"]  # best (lowest) first
    by_side = aftermath.mean_brier_by(scored, "side").set_index("side")
    assert by_side.loc["government", "claims"] == 2
    assert list(scored["side"]) == ["government"] * 4 + ["other"]


def test_latest_on_or_before():
    figures = pd.DataFrame(
        {
            "figure_id": ["N1", "N2", "N3"],
            "metric": ["m", "m", "m"],
            "value": [1.0, 2.0, 3.0],
            "as_of": pd.to_datetime(["2025-01-01", "2025-06-20", "2025-09-24"]),
        }
    )
    assert aftermath.latest_on_or_before(figures, "m", "2025-06-30")["value"] == 2.0
    assert aftermath.latest_on_or_before(figures, "m", "2025-06-20")["figure_id"] == "N2"
    with pytest.raises(LookupError):
        aftermath.latest_on_or_before(figures, "m", "2024-12-31")


def test_every_claim_in_the_data_can_be_classified_and_read():
    claims, scale = load("claims"), load("likelihood_scale")
    scored = aftermath.score_claims(claims, scale)
    assert scored["kind"].notna().all()
    assert set(scored["side"]) <= {"government", "opposition", "other"}
    assert (scored["made_on"] < pd.Timestamp("2024-12-08")).all(), "claims must predate the fall of Damascus"
    assert scored.loc[scored["outcome"] == "unresolved", "brier"].isna().all()
