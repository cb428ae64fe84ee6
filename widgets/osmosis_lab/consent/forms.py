"""Designing the form: the same people meet a fair consent form and deceptive ones.

A **simulation**, not data: every behaviour below is an assumption, stated in
:class:`Behaviour` with its default, and the lesson says so. Each simulated
person has, for each purpose, what they would choose if fully informed
("want"), and either reads the form or does not. A form design then turns that
into a recorded yes or no, and labels *how* each yes was obtained:

``chosen``
    read the form, wanted it, ticked it (the only informed consent);
``unread``
    a yes from someone who never read the form, on any form: they ticked the service they
    came for, took the bundle, or left the pre-ticked boxes as they were;
``default``
    read the form, did not want the purpose, and left its pre-ticked box ticked;
``bundled``
    came with a bundle they accepted for another purpose;
``no way out``
    wanted to refuse but could not find how;
``worn down``
    refused, was asked again, and gave in.

References
----------
GDPR Art. 4(11), Art. 7(2)-(4) and Recital 32 ("pre-ticked boxes or inactivity
should not therefore constitute consent"); CJEU, Case C-673/17 *Planet49*
(1 October 2019). Utz, C., Degeling, M., Fahl, S., Schaub, F. and Holz, T.
(2019). (Un)informed Consent: Studying GDPR Consent Notices in the Field. *ACM
CCS 2019*.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from osmosis_lab.consent.rules import PURPOSES
from osmosis_lab.errors import ConsentError

HOW = ("chosen", "unread", "default", "bundled", "no way out", "worn down")

#: The most people one simulation takes (the lessons' checks use 20,000).
MAX_PEOPLE = 1_000_000
#: The most repeated requests a form may make (the lessons' forms make 3); each round draws
#: a random number per person and purpose, so this bounds the work with ``MAX_PEOPLE``.
MAX_NAG_ROUNDS = 100


@dataclass(frozen=True)
class FormDesign:
    """A consent form: which deceptive patterns it uses."""

    label: str
    pre_ticked: bool = False
    bundled: bool = False
    refuse_hidden: bool = False
    nag_rounds: int = 0


#: The designs the explorer offers; "fair" uses none of the patterns.
FORMS: dict[str, FormDesign] = {
    "fair": FormDesign("Fair: one unticked box per purpose, refuse as easy as accept"),
    "pre_ticked": FormDesign("Pre-ticked boxes", pre_ticked=True),
    "bundled": FormDesign("One box for every purpose (bundled)", bundled=True),
    "refuse_hidden": FormDesign("'Accept all' button, refusal hidden", refuse_hidden=True),
    "nagging": FormDesign("Asks again after each refusal (3 times)", nag_rounds=3),
    "all_tricks": FormDesign("All of the above", True, True, True, 3),
}

#: Each design's short name, as the form explorer's buttons and the lesson's answer buttons show it.
BUTTON_NAMES = {
    "fair": "Fair",
    "pre_ticked": "Pre-ticked",
    "bundled": "Bundled",
    "refuse_hidden": "Refusal hidden",
    "nagging": "Nagging",
    "all_tricks": "All tricks",
}


@dataclass(frozen=True)
class Behaviour:
    """The simulation's assumptions (invented round numbers, not measurements)."""

    wants: dict[str, float] = field(
        default_factory=lambda: {"matching": 0.9, "research": 0.4, "medical": 0.35, "sharing": 0.15}
    )
    reads: float = 0.3  # share who read a form before answering
    untick: float = 0.9  # a reader unticks a pre-ticked box they do not want
    refuse_bundle: float = 0.2  # a reader refuses a bundle holding something unwanted
    find_refuse: float = 0.35  # someone who wants to refuse finds a hidden refusal
    give_in: float = 0.2  # chance of giving in at each repeated request


def simulate_form(
    n: int, design: FormDesign, *, rng: np.random.Generator, behaviour: Behaviour | None = None
) -> pd.DataFrame:
    """Simulate ``n`` people meeting ``design``; count each purpose's consents by how obtained.

    Returns a table indexed by purpose with one column per :data:`HOW` label
    (counts), plus ``consents``, ``consent_rate``, ``informed_share`` (the
    share of consents that were ``chosen``) and ``wanted_rate`` (the share of
    people who would have said yes if fully informed).

    Parameters
    ----------
    n : int
        How many simulated people, 1 to :data:`MAX_PEOPLE` (1,000,000).
    design : FormDesign
        The form; its ``nag_rounds`` is 0 to :data:`MAX_NAG_ROUNDS` (100).
    rng : numpy.random.Generator
        The source of every simulated choice.
    behaviour : Behaviour, optional
        The assumptions; :class:`Behaviour` ``()`` when omitted. Each share is in [0, 1]
        and ``wants`` gives one for every purpose.

    Raises
    ------
    ConsentError
        ``n``, ``design``, ``rng`` or ``behaviour`` is not as described above.

    Examples
    --------
    >>> rng = np.random.default_rng(2019)
    >>> fair = simulate_form(1000, FORMS["fair"], rng=rng)
    >>> tricked = simulate_form(1000, FORMS["pre_ticked"], rng=np.random.default_rng(2019))
    >>> bool(tricked.loc["sharing", "consent_rate"] > fair.loc["sharing", "consent_rate"])
    True
    >>> float(fair.loc["research", "informed_share"])
    1.0
    """
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= MAX_PEOPLE:
        raise ConsentError(
            f"n must be a whole number of people from 1 to {MAX_PEOPLE:,}, got {n!r}."
        )
    if not isinstance(rng, np.random.Generator):
        raise ConsentError("rng must be a numpy Generator, e.g. np.random.default_rng(2019).")
    _check_design(design)
    b = _check_behaviour(Behaviour() if behaviour is None else behaviour)
    purposes = list(PURPOSES)
    want = rng.random((n, len(purposes))) < np.array([b.wants[p] for p in purposes])
    reads = (rng.random(n) < b.reads)[:, None]
    yes, how = _first_answer(design, b, want, reads, rng)
    how = np.broadcast_to(how, want.shape).astype(object)
    yes, how = _pressure(design, b, want, reads, yes, how, rng)
    return _tally(purposes, want, yes, how)


def _check_design(design) -> None:
    if not isinstance(design, FormDesign):
        raise ConsentError(f"design must be a FormDesign (e.g. FORMS['fair']), got {design!r}.")
    rounds = design.nag_rounds
    if isinstance(rounds, bool) or not isinstance(rounds, int) or not 0 <= rounds <= MAX_NAG_ROUNDS:
        raise ConsentError(
            f"nag_rounds must be a whole number from 0 to {MAX_NAG_ROUNDS}, got {rounds!r}: "
            "how many times the form asks again after a refusal."
        )


def _check_behaviour(b) -> Behaviour:
    if not isinstance(b, Behaviour):
        raise ConsentError(f"behaviour must be a Behaviour (e.g. Behaviour()), got {b!r}.")
    wants = b.wants if isinstance(b.wants, dict) else {}
    shares = {f"wants[{p!r}]": wants.get(p) for p in PURPOSES}
    shares.update((name, getattr(b, name)) for name in ("reads", "untick", "refuse_bundle"))
    shares.update((name, getattr(b, name)) for name in ("find_refuse", "give_in"))
    for name, share in shares.items():
        if isinstance(share, bool) or not isinstance(share, int | float) or not 0 <= share <= 1:
            raise ConsentError(
                f"behaviour.{name} must be a share between 0 and 1, got {share!r}; "
                "wants needs one share per purpose: " + ", ".join(PURPOSES) + "."
            )
    return b


def _first_answer(design, b, want, reads, rng):
    n, k = want.shape
    main = np.zeros(k, dtype=bool)
    main[0] = True  # matching: the service people came for
    if design.bundled:
        unwanted_extra = (~want[:, 1:]).any(axis=1, keepdims=True)
        refuse = ~want[:, :1] | (unwanted_extra & (rng.random((n, 1)) < b.refuse_bundle))
        yes = np.where(reads, ~refuse, True) & np.ones((n, k), dtype=bool)
        how = np.where(reads & want, "chosen", np.where(reads, "bundled", "unread"))
        return yes, how
    if design.pre_ticked:
        keeps = want | (rng.random((n, k)) >= b.untick)
        yes = np.where(reads, keeps, True)
        # one label per kind of person: whoever never read the form is "unread" on every form
        how = np.where(reads & want, "chosen", np.where(reads, "default", "unread"))
        return yes, how
    yes = np.where(reads, want, main[None, :])
    how = np.where(reads, "chosen", "unread")
    return yes, how


def _pressure(design, b, want, reads, yes, how, rng):
    n, k = want.shape
    if design.refuse_hidden:
        found = rng.random((n, 1)) < b.find_refuse
        trapped = ~yes & ~found
        yes, how = yes | trapped, np.where(trapped, "no way out", how)
    for _ in range(design.nag_rounds):
        gives = ~yes & (rng.random((n, k)) < b.give_in)
        yes, how = yes | gives, np.where(gives, "worn down", how)
    return yes, how


def _tally(purposes, want, yes, how) -> pd.DataFrame:
    rows = {}
    for j, purpose in enumerate(purposes):
        counts = {label: int(((how[:, j] == label) & yes[:, j]).sum()) for label in HOW}
        consents = int(yes[:, j].sum())
        rows[purpose] = {
            **counts,
            "consents": consents,
            "consent_rate": consents / len(yes),
            "informed_share": counts["chosen"] / consents if consents else 0.0,
            "wanted_rate": float(want[:, j].mean()),
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "purpose"
    return table
