"""Drawing synthetic residents: demographics, traits, weights, hidden care.

Examples
--------
>>> import numpy as np
>>> table = generate_residents(5, np.random.default_rng(0))
>>> table.shape
(5, 30)
>>> bool(table["care"].between(0, 1).all())
True
"""

import numpy as np
import pandas as pd

from ..categories import CATEGORIES, TRAIT_COLUMNS, WEIGHT_COLUMNS
from .schema import HEALTH_CONDITIONS, OCCUPATIONS, ORIENTATIONS


def _latent_traits(n: int, rng: np.random.Generator) -> np.ndarray:
    """Traits in [0, 1] driven by 4 shared latent factors.

    The factors load on every category, so one category can be guessed from
    the others: that is what lesson 02's "inference gets around refusal" shows.
    """
    latent = rng.normal(size=(n, 4))
    loadings = rng.normal(scale=0.9, size=(4, len(TRAIT_COLUMNS)))
    noise = rng.normal(scale=0.6, size=(n, len(TRAIT_COLUMNS)))
    return np.round(1.0 / (1.0 + np.exp(-(latent @ loadings + noise))), 3)


def _weights(n: int, rng: np.random.Generator) -> np.ndarray:
    """Per-person category weights (Dirichlet), rounded to 3 decimals, rows summing to 1."""
    raw = np.round(rng.dirichlet(np.full(len(CATEGORIES), 2.0), size=n), 3)
    raw[:, -1] = np.round(1.0 - raw[:, :-1].sum(axis=1), 3)
    return raw


def _orientation_and_seeking(gender: np.ndarray, rng: np.random.Generator):
    orientation = rng.choice(ORIENTATIONS, size=len(gender), p=[0.82, 0.08, 0.08, 0.02])
    opposite = np.where(gender == "woman", "men", "women")
    same = np.where(gender == "woman", "women", "men")
    seeking = np.select(
        [gender == "non-binary", orientation == "heterosexual", orientation == "gay or lesbian"],
        ["everyone", opposite, same],
        default="everyone",
    )
    return orientation, seeking


def generate_residents(n: int, rng: np.random.Generator) -> pd.DataFrame:
    """Draw ``n`` synthetic residents with every person column except the id and name."""
    gender = rng.choice(["woman", "man", "non-binary"], size=n, p=[0.48, 0.48, 0.04])
    orientation, seeking = _orientation_and_seeking(gender, rng)
    table = {
        "signed_up": rng.random(n) < 0.4,
        "age": rng.integers(18, 76, size=n),
        "arrondissement": rng.integers(1, 21, size=n),
        "occupation": rng.choice(OCCUPATIONS, size=n),
        "gender": gender,
        "seeking": seeking,
    }
    table.update(zip(TRAIT_COLUMNS, _latent_traits(n, rng).T, strict=True))
    table.update(zip(WEIGHT_COLUMNS.values(), _weights(n, rng).T, strict=True))
    table["sexual_orientation"] = orientation
    table["health_condition"] = rng.choice(
        HEALTH_CONDITIONS,
        size=n,
        p=[0.66, 0.1, 0.08, 0.08, 0.04, 0.04],
    )
    table["secret_relationship"] = rng.random(n) < 0.05
    table["care"] = np.round(rng.beta(4.0, 2.0, size=n), 3)
    return pd.DataFrame(table)
