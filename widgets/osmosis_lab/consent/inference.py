"""Inference gets around refusal: guess a refused category from the ones shared.

If traits in different categories are correlated across a population (they
are in the data set, as in life), a model trained on the people who shared
everything predicts a refused category from the categories someone did
share. Refusing a category then protects less than it seems.

The model is ordinary least squares with an intercept, one output per trait
of the refused category, trained on a random share of the population and
scored on the rest. Accuracy is reported three ways: R² per trait, mean
absolute error against the baseline of always guessing the average, and how
often the guess lands on the right side of the population median ("high" or
"low"), where a coin flip gets 50 %.

References
----------
Kosinski, M., Stillwell, D. and Graepel, T. (2013). Private traits and
attributes are predictable from digital records of human behavior. *PNAS*
110(15), 5802-5805.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from osmosis_lab.categories import CATEGORIES
from osmosis_lab.consent._checks import categories_of, one_category
from osmosis_lab.errors import ConsentError


@dataclass(frozen=True, eq=False)
class Inference:
    """A fitted guess of one category from others, and how well it does on held-out people."""

    target: str
    sources: tuple[str, ...]
    coefficients: np.ndarray
    medians: np.ndarray
    r2: dict[str, float]
    mae: float
    baseline_mae: float
    high_low_accuracy: float
    n_train: int
    n_test: int

    def predict(self, people: pd.DataFrame) -> pd.DataFrame:
        """Guess the target category's traits for ``people`` (clipped to [0, 1])."""
        x = _design(people, self.sources)
        guess = np.clip(x @ self.coefficients, 0.0, 1.0)
        return pd.DataFrame(guess, index=people.index, columns=list(CATEGORIES[self.target]))

    def right_side(self, people: pd.DataFrame) -> pd.DataFrame:
        """Per person and trait: is the guess on the same side of the median as the truth?

        ``high_low_accuracy`` is this, averaged over the held-out residents. Averaged over
        people whose traits go together in another pattern (the lesson's testers were
        generated apart from the residents) it can be far lower: right on average is not
        right about each person.

        Examples
        --------
        >>> from osmosis_lab.data import load_people, load_population
        >>> fit = fit_inference(load_population(), "subconscious", rng=np.random.default_rng(2019))
        >>> testers = load_people().query("role == 'tester'").set_index("person_id")
        >>> hits = fit.right_side(testers)
        >>> hits.shape, round(float(hits.to_numpy().mean()), 2)
        ((12, 4), 0.44)
        """
        columns = list(CATEGORIES[self.target])
        truth = people[columns].to_numpy(float)
        hits = (self.predict(people).to_numpy() > self.medians) == (truth > self.medians)
        return pd.DataFrame(hits, index=people.index, columns=columns)


def fit_inference(
    population: pd.DataFrame,
    target: str,
    *,
    sources: Iterable[str] | None = None,
    rng: np.random.Generator,
    test_share: float = 0.3,
) -> Inference:
    """Fit the guess of ``target`` from ``sources`` (default: the other categories).

    Parameters
    ----------
    population : pandas.DataFrame
        People with every trait column (``load_population()``).
    target : str
        The refused category.
    sources : list of str, optional
        The categories shared; must not include ``target``.
    rng : numpy.random.Generator
        Draws the train/test split.
    test_share : float
        Share of people held out to measure accuracy.

    Raises
    ------
    ConsentError
        The target or a source category is unknown or repeated, the target is among the sources,
        rng is not a numpy Generator, there are fewer than 20 people, test_share is outside 0.05
        to 0.9, or the table lacks trait columns or holds values that are not finite numbers.

    Examples
    --------
    >>> from osmosis_lab.data import load_population
    >>> fit = fit_inference(load_population(), "subconscious", rng=np.random.default_rng(2019))
    >>> fit.sources, fit.high_low_accuracy > 0.6, fit.mae < fit.baseline_mae
    (('declared', 'scraped', 'conscious'), True, True)
    """
    target = one_category(target)
    sources = (
        tuple(c for c in CATEGORIES if c != target) if sources is None else categories_of(sources)
    )
    if target in sources:
        raise ConsentError(f"{target!r} cannot be guessed from itself; drop it from sources.")
    if not isinstance(rng, np.random.Generator):
        raise ConsentError("rng must be a numpy Generator, e.g. np.random.default_rng(2019).")
    if not 0.05 <= test_share <= 0.9 or len(population) < 20:
        raise ConsentError("Need at least 20 people and a test_share between 0.05 and 0.9.")
    _require_traits(population, (target, *sources))
    order = rng.permutation(len(population))
    cut = int(round(len(population) * (1 - test_share)))
    train, test = population.iloc[order[:cut]], population.iloc[order[cut:]]
    y_train, y_test = (t[list(CATEGORIES[target])].to_numpy(float) for t in (train, test))
    coefficients, *_ = np.linalg.lstsq(_design(train, sources), y_train, rcond=None)
    guess = np.clip(_design(test, sources) @ coefficients, 0.0, 1.0)
    medians = np.median(y_train, axis=0)
    residual = ((y_test - guess) ** 2).sum(axis=0)
    spread = ((y_test - y_test.mean(axis=0)) ** 2).sum(axis=0)
    return Inference(
        target,
        sources,
        coefficients,
        medians,
        dict(zip(CATEGORIES[target], (1 - residual / spread).round(3).tolist(), strict=True)),
        float(np.abs(y_test - guess).mean()),
        float(np.abs(y_test - y_train.mean(axis=0)).mean()),
        float(((guess > medians) == (y_test > medians)).mean()),
        len(train),
        len(test),
    )


def _require_traits(people: pd.DataFrame, categories: tuple[str, ...]) -> None:
    """Every trait column of ``categories`` present and holding finite numbers."""
    columns = [c for category in categories for c in CATEGORIES[category]]
    missing = [c for c in columns if c not in people.columns]
    if missing:
        raise ConsentError(f"The table lacks trait columns {missing[:4]}; use the data set's.")
    values = people[columns].apply(pd.to_numeric, errors="coerce").to_numpy(float)
    if not np.isfinite(values).all():
        raise ConsentError("The trait columns hold values that are not finite numbers.")


def _design(people: pd.DataFrame, sources: tuple[str, ...]) -> np.ndarray:
    columns = [c for s in sources for c in CATEGORIES[s]]
    missing = [c for c in columns if c not in people.columns]
    if missing:
        raise ConsentError(f"The table lacks trait columns {missing[:4]}; use the data set's.")
    x = people[columns].to_numpy(float)
    return np.hstack([np.ones((len(x), 1)), x])
