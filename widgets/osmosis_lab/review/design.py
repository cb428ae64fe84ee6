"""A launch design: the choices an ethics board can still change a month before launch.

Each field is one decision from lessons 01-04, with the options the design
panel offers. :data:`AS_PLANNED` is the toy's launch plan. From the series
(``story.md``): an implant that reads conscious and subconscious memories,
people found online who never signed up, a 17-year-old tester taken on at his
mother's request, and one AI (Martin) running every implant. Invented by the
toy: who proposes, the pre-ticked boxes, the research export (only
pseudonymised), attraction as the named objective, no safe mode, and Billie,
who looks after the testers in the series, not on call for the public launch's
users when the AI fails.

Examples
--------
>>> from dataclasses import replace
>>> design = replace(AS_PLANNED, consent_form="fair", categories=["conscious", "declared"])
>>> design.categories
('declared', 'conscious')
>>> replace(AS_PLANNED, privacy="anonymised")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
osmosis_lab.errors.ReviewError: privacy must be one of 'raw', 'generalised', 'dp'; got ...
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields, replace
from numbers import Integral, Real

from osmosis_lab.categories import CATEGORIES, READ_QUESTION, categories_in_words
from osmosis_lab.errors import ReviewError

#: Who proposes in deferred acceptance (lesson 01).
PROPOSERS: dict[str, str] = {
    "testers": "The testers propose",
    "candidates": "The candidates propose",
}
#: The consent form people meet (lesson 02); keys of ``consent.forms.FORMS``.
CONSENT_FORMS: dict[str, str] = {
    "fair": "Fair form: unticked boxes, one per purpose",
    "pre_ticked": "Pre-ticked boxes",
    "bundled": "One box for every purpose",
}
#: How a minor (Niels, 17) may join (lesson 02).
MINOR_POLICIES: dict[str, str] = {
    "excluded": "Minors cannot join",
    "parent_and_assent": "A parent's consent and the minor's own",
    "parent_only": "A parent's signature alone",
}
#: What the research export releases (lesson 03).
PRIVACY_MECHANISMS: dict[str, str] = {
    "raw": "Rows with names removed (pseudonymised)",
    "generalised": "Coarsened rows, groups smaller than k suppressed",
    "dp": "Only noisy counts (differential privacy)",
}
#: What the app optimises (lesson 04).
OBJECTIVE_LABELS: dict[str, str] = {
    "attraction": "Attraction (the soulmate score)",
    "wellbeing": "Wellbeing a year later",
}
#: The epsilons the design panel offers, smallest (most private) first.
EPSILONS: tuple[float, ...] = (0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0)

_CHOICES = {
    "proposers": PROPOSERS,
    "consent_form": CONSENT_FORMS,
    "minors": MINOR_POLICIES,
    "privacy": PRIVACY_MECHANISMS,
    "objective": OBJECTIVE_LABELS,
}
_SWITCHES = ("search_non_users", "human_contact", "fallback")
#: The k the design panel's slider offers.
K_OFFERED: tuple[int, ...] = tuple(range(2, 21))
#: Every value the design panel offers for each field but ``categories`` (read or not, each).
OFFERED: dict[str, tuple] = {
    **{name: tuple(choices) for name, choices in _CHOICES.items()},
    **{switch: (False, True) for switch in _SWITCHES},
    "k": K_OFFERED,
    "epsilon": EPSILONS,
}


def one_move(design: LaunchDesign, rng) -> LaunchDesign:
    """``design`` after one move a learner can make in the panel: a field set to a value the
    panel offers (maybe the one it had), or one data category toggled. ``rng``: a numpy
    Generator (benchmarks and tests walk the panel's designs with it).

    >>> import numpy as np
    >>> moved = one_move(AS_PLANNED, np.random.default_rng(1))
    >>> sum(getattr(moved, f) != getattr(AS_PLANNED, f) for f in FIELDS) <= 1
    True
    """
    name = str(rng.choice([*OFFERED, "categories"]))
    if name == "categories":
        flipped = list(CATEGORIES)[rng.integers(len(CATEGORIES))]
        return replace(design, categories=set(design.categories) ^ {flipped})
    values = OFFERED[name]
    return replace(design, **{name: values[rng.integers(len(values))]})


@dataclass(frozen=True)
class LaunchDesign:
    """One launch design; every field is validated, ``categories`` kept in category order.

    Attributes
    ----------
    proposers : {"testers", "candidates"}
    consent_form : {"fair", "pre_ticked", "bundled"}
    minors : {"excluded", "parent_and_assent", "parent_only"}
    categories : tuple of str
        The data categories the app reads at all (any subset of the four).
    search_non_users : bool
        Look for soulmates among people found online who never signed up
        (possible only while scraped social media is read).
    privacy : {"raw", "generalised", "dp"}
        The research export: pseudonymised rows, rows generalised and
        suppressed to ``k``, or counts with Laplace noise of scale 1/``epsilon``.
    k : int
        Smallest group size kept by the generalised export (1 to 50).
    epsilon : float
        Privacy loss per published count (above 0).
    objective : {"attraction", "wellbeing"}
    human_contact : bool
        Billie (the testers' main contact in the series) on call, with the
        staff the toy gives her, for every user when the AI fails.
    fallback : bool
        A local safe mode that takes over when the central AI fails.
    """

    proposers: str = "testers"
    consent_form: str = "pre_ticked"
    minors: str = "parent_only"
    categories: tuple[str, ...] = tuple(CATEGORIES)
    search_non_users: bool = True
    privacy: str = "raw"
    k: int = 5
    epsilon: float = 1.0
    objective: str = "attraction"
    human_contact: bool = False
    fallback: bool = False

    def __post_init__(self) -> None:
        for name, options in _CHOICES.items():
            value = getattr(self, name)
            if not isinstance(value, str) or value not in options:
                raise ReviewError(
                    f"{name} must be one of {', '.join(map(repr, options))}; got {value!r}."
                )
        for name in _SWITCHES:
            if not isinstance(getattr(self, name), bool):
                raise ReviewError(f"{name} must be True or False; got {getattr(self, name)!r}.")
        object.__setattr__(self, "categories", _categories(self.categories))
        if isinstance(self.k, bool) or not isinstance(self.k, Integral) or not 1 <= self.k <= 50:
            raise ReviewError(f"k must be a whole number from 1 to 50; got {self.k!r}.")
        object.__setattr__(self, "k", int(self.k))
        eps = self.epsilon
        if isinstance(eps, bool) or not isinstance(eps, Real) or not math.isfinite(eps) or eps <= 0:
            raise ReviewError(f"epsilon must be a number above 0 (e.g. 1.0); got {eps!r}.")
        object.__setattr__(self, "epsilon", float(eps))

    @property
    def finds_non_users(self) -> bool:
        """Whether people who never signed up are found and used (it takes scraping)."""
        return self.search_non_users and "scraped" in self.categories


#: Choices that act only with another: (whether the rest of the design lets it act, why not in
#: words). k shapes only the generalised export, epsilon only the noisy counts, and searching
#: non-users takes scraped social media (:attr:`LaunchDesign.finds_non_users`); every other
#: choice always acts. Lesson 05's headline named a moved k beside "Names removed" (w60).
ACTS_ONLY_WITH: dict[str, tuple[Callable[[LaunchDesign], bool], str]] = {
    "k": (lambda d: d.privacy == "generalised", "k acts only on a generalised export"),
    "epsilon": (lambda d: d.privacy == "dp", "epsilon acts only on noisy counts"),
    "search_non_users": (
        lambda d: "scraped" in d.categories,
        "searching non-users finds nobody while scraped social media is not read",
    ),
}


def acts(design: LaunchDesign, name: str) -> bool:
    """Whether field ``name`` acts on ``design``: setting it to another value changes what
    the design does (its figures or its rows).

    >>> acts(AS_PLANNED, "k"), acts(replace(AS_PLANNED, privacy="generalised"), "k")
    (False, True)
    """
    when = ACTS_ONLY_WITH.get(name)
    return when is None or when[0](design)


def differences(design: LaunchDesign, plan: LaunchDesign) -> tuple[list[str], list[str]]:
    """The fields where ``design`` differs from ``plan``, in :data:`FIELDS` order: (those that
    act on ``design``, those that do not: set back to the plan's, they change nothing).

    >>> differences(replace(AS_PLANNED, k=9), AS_PLANNED)
    ([], ['k'])
    >>> differences(replace(AS_PLANNED, privacy="generalised", k=9), AS_PLANNED)
    (['privacy', 'k'], [])
    """
    moved = [name for name in FIELDS if getattr(design, name) != getattr(plan, name)]
    return (
        [name for name in moved if acts(design, name)],
        [name for name in moved if not acts(design, name)],
    )


def _categories(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise ReviewError(
            f"categories must be a list of category names (e.g. ['declared']); got {value!r}."
        )
    chosen = list(value)
    unknown = [c for c in chosen if c not in CATEGORIES]
    if unknown:
        raise ReviewError(f"unknown categories {unknown}; known: {', '.join(CATEGORIES)}.")
    return tuple(c for c in CATEGORIES if c in chosen)


#: The toy's launch plan (see the module docstring for what is the series and what is invented).
AS_PLANNED = LaunchDesign()

#: Single changes to the planned design that lesson 05 compares, by label.
SINGLE_CHANGES: dict[str, dict[str, object]] = {
    "candidates propose": {"proposers": "candidates"},
    "fair consent form": {"consent_form": "fair"},
    "minors need their own consent too": {"minors": "parent_and_assent"},
    "stop reading subconscious signals": {"categories": ("declared", "scraped", "conscious")},
    "stop searching for people who never signed up": {"search_non_users": False},
    "generalise the export (k = 5)": {"privacy": "generalised"},
    "differential privacy (epsilon = 1)": {"privacy": "dp"},
    "optimise wellbeing": {"objective": "wellbeing"},
    "Billie on call when the AI fails": {"human_contact": True},
    "a safe-mode fallback": {"fallback": True},
}


def with_change(design: LaunchDesign, label: str) -> LaunchDesign:
    """Apply one of :data:`SINGLE_CHANGES` to ``design``.

    >>> with_change(AS_PLANNED, "optimise wellbeing").objective
    'wellbeing'
    """
    if label not in SINGLE_CHANGES:
        raise ReviewError(f"no change called {label!r}; known: {', '.join(SINGLE_CHANGES)}.")
    return replace(design, **SINGLE_CHANGES[label])


def design_rows(design: LaunchDesign) -> list[tuple[str, str]]:
    """The design as (choice, decision) pairs in words, for tables and the review file.

    >>> design_rows(AS_PLANNED)[0]
    ('Who proposes', 'The testers propose')
    """
    read = categories_in_words(design.categories)
    if design.privacy == "generalised":
        export = f"{PRIVACY_MECHANISMS['generalised']} (k = {design.k})"
    elif design.privacy == "dp":
        export = f"{PRIVACY_MECHANISMS['dp']}, epsilon = {design.epsilon:g} per count"
    else:
        export = PRIVACY_MECHANISMS["raw"]
    return [
        ("Who proposes", PROPOSERS[design.proposers]),
        ("Consent form", CONSENT_FORMS[design.consent_form]),
        ("Minors", MINOR_POLICIES[design.minors]),
        (READ_QUESTION, read),
        ("Search people who never signed up", _searching(design)),
        ("Research export", export),
        ("The app optimises", OBJECTIVE_LABELS[design.objective]),
        ("Billie on call for every user when the AI fails", _yes(design.human_contact)),
        ("A safe-mode fallback", _yes(design.fallback)),
    ]


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _searching(design: LaunchDesign) -> str:
    """What the switch does, not only where it stands: searching takes scraped data."""
    if design.search_non_users and not design.finds_non_users:
        return "no (switched on, but scraped data is not read, so nobody is found)"
    return _yes(design.finds_non_users)


FIELDS: tuple[str, ...] = tuple(f.name for f in fields(LaunchDesign))
