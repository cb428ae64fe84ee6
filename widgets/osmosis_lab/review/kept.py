"""What the review keeps per scenario, and under which key: results a design decides only in part.

A design has 11 fields, and each theme reads only a few of them (who is in the launch reads
two). A result that depends only on the fields it reads, and on a random stream that the
same seed gives back, is computed once and kept in ``ReviewScenario.memo`` under those
fields: the design panel moves one control at a time, so most of a refresh is found there.

Examples
--------
>>> from dataclasses import replace
>>> from osmosis_lab.review.design import AS_PLANNED
>>> launch_key(AS_PLANNED), launch_key(replace(AS_PLANNED, minors="excluded"))
((True, False), (True, True))
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

import numpy as np

if TYPE_CHECKING:
    from osmosis_lab.review.design import LaunchDesign
    from osmosis_lab.review.scenario import ReviewScenario

T = TypeVar("T")


def memo(scenario: ReviewScenario, key: tuple, compute: Callable[[], T]) -> T:
    """``compute()``, kept in ``scenario.memo`` under ``key`` (computed the first time only).

    ``key`` must name everything the result depends on besides the scenario.
    """
    if key not in scenario.memo:
        scenario.memo[key] = compute()
    return scenario.memo[key]


def launch_key(design: LaunchDesign) -> tuple[bool, bool]:
    """The design fields that decide who is in the launch (``scenario.launch_mask``): whether
    it finds people who never signed up, and whether minors are kept out."""
    return (design.finds_non_users, design.minors == "excluded")


def stream_key(rng: np.random.Generator) -> tuple:
    """Which stream a freshly spawned ``rng`` is: its draws depend on nothing else.

    ``consequences`` spawns its streams from the rng it is given and uses each once; a
    stream's draws follow from its seed sequence alone (entropy and spawn key), so a result
    simulated with it can be kept under this key and is the same when the seed comes back.

    >>> a, b = np.random.default_rng(1).spawn(2)
    >>> stream_key(a) == stream_key(np.random.default_rng(1).spawn(1)[0]) != stream_key(b)
    True
    """
    seq = rng.bit_generator.seed_seq
    return (seq.entropy, tuple(seq.spawn_key), seq.pool_size)
