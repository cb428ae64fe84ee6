"""Privacy tools for lesson 03: attack an "anonymised" table, then protect it.

Pure functions over DataFrames and numpy arrays; randomness only through an
``rng`` argument. Bad input raises :class:`~osmosis_lab.errors.PrivacyError`,
and a query past the budget :class:`~osmosis_lab.errors.BudgetExceeded`.

Re-identification
    :func:`linkage_attack`, :func:`class_sizes`, :func:`k_anonymity`, :func:`l_diversity`,
    :func:`matching_rows`, :func:`narrowing`
Defences by coarsening
    :func:`generalise` with :class:`Bands`, :class:`Lookup`, :class:`Redact`;
    :func:`suppress_small_groups`
Defences by noise
    :func:`randomized_response`, :func:`estimate_proportion`, :func:`posterior_yes`,
    :func:`laplace_mechanism`, :func:`laplace_error_bound`, :class:`PrivacyBudget`
What a privacy loss means for one person (lessons 03 and 05)
    :func:`privacy_loss`, :class:`PrivacyLoss`, :data:`DENIABLE_ODDS`
The lesson's scenario (:mod:`osmosis_lab.privacy.release`)
    :func:`beta_export`, :func:`known_to_attacker`, :func:`pseudonymise`,
    :data:`HIERARCHIES`, :func:`hierarchy_rules`

Examples
--------
>>> import pandas as pd
>>> from osmosis_lab.privacy import Bands, generalise, k_anonymity
>>> df = pd.DataFrame({"age": [23, 27, 34, 38], "gender": ["woman", "woman", "man", "man"]})
>>> coarse = generalise(df, {"age": Bands(10)})
>>> k_anonymity(df, ["age", "gender"]), k_anonymity(coarse, ["age", "gender"])
(1, 2)
"""

from osmosis_lab.errors import BudgetExceeded, PrivacyError
from osmosis_lab.privacy.anonymity import (
    class_sizes,
    k_anonymity,
    l_diversity,
    matching_rows,
    narrowing,
    suppress_small_groups,
)
from osmosis_lab.privacy.generalise import Bands, Lookup, Redact, generalise
from osmosis_lab.privacy.laplace import (
    PrivacyBudget,
    laplace_error_bound,
    laplace_mechanism,
    laplace_scale,
)
from osmosis_lab.privacy.linkage import OUTCOMES, LinkageResult, linkage_attack
from osmosis_lab.privacy.loss import DENIABLE_ODDS, PrivacyLoss, privacy_loss
from osmosis_lab.privacy.randomized_response import (
    ProportionEstimate,
    estimate_proportion,
    posterior_yes,
    randomized_response,
    truth_probability,
)
from osmosis_lab.privacy.release import (
    EXPORT_COLUMNS,
    HIERARCHIES,
    OCCUPATION_SECTORS,
    beta_export,
    hierarchy_rules,
    known_to_attacker,
    pseudonymise,
)

__all__ = [
    "DENIABLE_ODDS",
    "PrivacyLoss",
    "privacy_loss",
    "EXPORT_COLUMNS",
    "HIERARCHIES",
    "OCCUPATION_SECTORS",
    "beta_export",
    "hierarchy_rules",
    "known_to_attacker",
    "pseudonymise",
    "OUTCOMES",
    "Bands",
    "BudgetExceeded",
    "LinkageResult",
    "Lookup",
    "PrivacyBudget",
    "PrivacyError",
    "ProportionEstimate",
    "Redact",
    "class_sizes",
    "estimate_proportion",
    "generalise",
    "k_anonymity",
    "l_diversity",
    "laplace_error_bound",
    "laplace_mechanism",
    "laplace_scale",
    "linkage_attack",
    "matching_rows",
    "narrowing",
    "posterior_yes",
    "randomized_response",
    "suppress_small_groups",
    "truth_probability",
]
