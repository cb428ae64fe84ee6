"""Algorithmic trust: calibration, the app's stated certainty, objectives, explanations,
reliance and failure.

A pure engine (stdlib, numpy, pandas; randomness only through an ``rng``
argument) behind lesson 04. Every public name is importable from here.

Examples
--------
>>> from osmosis_lab import trust
>>> round(trust.expected_calibration_error([0.9, 0.9], [1, 0]), 2)
0.4

References
----------
Lee, J. D. & See, K. A. (2004). Trust in automation: designing for appropriate
reliance. *Human Factors*, 46(1), 50-80.
"""

from osmosis_lab.trust.app import (
    APP_MIDPOINT,
    APP_SHARPNESS,
    all_pairs,
    app_certainty,
    category_similarities,
    judge_cases,
    mutual_score_table,
    pair_scores,
)
from osmosis_lab.trust.calibration import (
    RELIABILITY_COLUMNS,
    band_verdict,
    calibration_summary,
    expected_calibration_error,
    reliability_table,
)
from osmosis_lab.trust.certainty import overconfidence_sweep, stated_certainty
from osmosis_lab.trust.explanations import category_contributions, explain_contributions
from osmosis_lab.trust.failure import (
    DESIGNS,
    OutageOutcome,
    compare_outage_designs,
    simulate_outage,
)
from osmosis_lab.trust.objectives import OBJECTIVES, match_under_objectives, objective_summary
from osmosis_lab.trust.reliance import RelianceSummary, decision_probability, reliance_summary
from osmosis_lab.trust.scores import base_rate_brier_score, brier_score, threshold_accuracy

__all__ = [
    "APP_MIDPOINT",
    "APP_SHARPNESS",
    "all_pairs",
    "app_certainty",
    "category_similarities",
    "decision_probability",
    "judge_cases",
    "mutual_score_table",
    "pair_scores",
    "DESIGNS",
    "OBJECTIVES",
    "RELIABILITY_COLUMNS",
    "OutageOutcome",
    "RelianceSummary",
    "band_verdict",
    "base_rate_brier_score",
    "brier_score",
    "calibration_summary",
    "category_contributions",
    "compare_outage_designs",
    "expected_calibration_error",
    "explain_contributions",
    "match_under_objectives",
    "objective_summary",
    "overconfidence_sweep",
    "reliability_table",
    "reliance_summary",
    "simulate_outage",
    "stated_certainty",
    "threshold_accuracy",
]
