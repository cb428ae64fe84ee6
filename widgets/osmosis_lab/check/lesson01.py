"""Self-checks for lesson 01 · What is a match?

Every right answer is computed here from the matching engine, never typed in.

Examples
--------
>>> print(hand_matching({"Ada": "X", "Ben": "Y", "Cyd": "Z", "Dev": "W"}))
Correct! 7 proposals: Ben is turned down once, Cyd twice (W lets Cyd go when Dev asks).
>>> find_a_blocking_pair(("alpha", "A")).status
'hint'
>>> print(men_first_choices_when_women_propose(0))  # doctest: +NORMALIZE_WHITESPACE
Correct! When the women propose, each woman gets her first choice, and every man gets his
last: the proposing side gains, the other side pays.
"""

from collections import Counter
from functools import cache

import pandas as pd

from ..categories import CATEGORIES
from ..data import load_people
from ..data.markets import beta_preferences
from ..matching import blocking_pairs, deferred_acceptance, deferred_acceptance_steps
from ..matching.compare import lie_outcome
from ..matching.scenarios import (
    HAND_PROPOSERS,
    HAND_REVIEWERS,
    gale_shapley_example,
)
from .allowed import Allowed
from .core import Check, Misconception
from .said import said_back

#: Exercise 2's matching of Gale and Shapley's example (one pair would rather swap).
SHAKY_MATCHING = {"alpha": "B", "beta": "A", "gamma": "C"}
#: Exercise 4: the tester and the category they stop sharing.
WITHDRAWAL = ("Bastien Colin", "conscious")
#: Exercise 4: candidates whose match moves too (a likely wrong pick: the question asks for a tester).
MOVED_CANDIDATES = ("Chloé Garnier", "Jade Morin", "Amina Kaci")


def _names(answer):
    """'beta', ('beta', 'C'), ['C', 'beta'] -> a tuple of stripped strings."""
    if isinstance(answer, str):
        return (answer.strip(),)
    return tuple(str(a).strip() for a in answer)


def _first_choices() -> dict[str, str]:
    """The wrong method "everyone gets their first choice", on the hand example."""
    return {p: ranking[0] for p, ranking in HAND_PROPOSERS.items()}


def _reviewers_proposing() -> dict[str, str]:
    """The wrong method "the reviewers proposed": their matching, read proposer -> reviewer."""
    return {p: r for r, p in deferred_acceptance(HAND_REVIEWERS, HAND_PROPOSERS).items() if p}


_TIMES = {1: "once", 2: "twice"}


def hand_story(proposers: dict, reviewers: dict) -> str:
    """The run in one sentence, counted from the engine's events (rule 3: being let go after
    being held counts as being turned down).

    >>> hand_story({"Ana": ["Simon"], "Lea": ["Simon"]}, {"Simon": ["Lea", "Ana"]})
    '2 proposals: Ana is turned down once (Simon lets Ana go when Lea asks).'
    """
    events = deferred_acceptance_steps(proposers, reviewers)
    proposals = sum(e.kind == "proposal" for e in events)
    turned_down = Counter(e.proposer for e in events if e.kind == "rejection")
    times = [f"{p} {_TIMES.get(n, f'{n} times')}" for p, n in turned_down.items()]
    if times:  # "Ben is turned down once, Cyd twice"
        first = next(iter(turned_down))
        times[0] = f"{first} is turned down{times[0].removeprefix(first)}"
    let_go = [
        f"{e.reviewer} lets {e.displaced} go when {e.proposer} asks"
        for e in events
        if e.kind == "acceptance" and e.displaced
    ]
    said = f"{proposals} proposals: " + (", ".join(times) or "nobody is turned down")
    return said + (f" ({'; '.join(let_go)})." if let_go else ".")


_TIMES_GIVEN = {2: "twice", 3: "three times", 4: "four times"}


def _given_times(answer, reviewer: str) -> int:
    """How many proposers ``answer`` gives ``reviewer`` to."""
    return sum(partner == reviewer for partner in dict(answer).values())


def _partners(reviewer: str, times: int, reviewers: list) -> list[str]:
    """``reviewer`` ``times`` over, then each other reviewer once."""
    return [reviewer] * times + [r for r in reviewers if r != reviewer]


def _given_twice() -> tuple[Misconception, ...]:
    """One partner given to several people, said by name and count ("X is given twice").

    A learner who gave X to two people was told a generic "not yet". The count is exact
    (a misconception per partner and per count) so that the sentence is true of the answer;
    the example gives the others distinct partners, so it shows only this slip.

    >>> print(hand_matching({"Ada": "Y", "Ben": "Y", "Cyd": "Z", "Dev": "W"}).message)
    ... # doctest: +ELLIPSIS
    you predicted ... Y is given twice: each person has one partner, and Y holds only ...
    """
    proposers, reviewers = list(HAND_PROPOSERS), list(HAND_REVIEWERS)
    return tuple(
        Misconception(
            f"{reviewer} given {words}",
            example=dict(
                zip(proposers, _partners(reviewer, times, reviewers)[: len(proposers)], strict=True)
            ),
            matches=lambda answer, r=reviewer, n=times: _given_times(answer, r) == n,
            hint=f"{reviewer} is given {words}: each person has one partner, and {reviewer} "
            "holds only the best offer among those who ask (the others ask their next choice).",
            words=f"matched {reviewer} with {times} people at once",
        )
        for reviewer in reviewers
        for times, words in _TIMES_GIVEN.items()
        if times <= len(proposers)
    )


hand_matching = Check(
    name="hand_matching",
    prediction=True,  # its result is hidden until answered: a wrong one is "Noted:"
    reference=lambda: deferred_acceptance(HAND_PROPOSERS, HAND_REVIEWERS),
    shows=lambda: (
        "run to the end, it pairs " + said_back(deferred_acceptance(HAND_PROPOSERS, HAND_REVIEWERS))
    ),
    question="Run deferred acceptance by hand: Ada, Ben, Cyd and Dev propose to W, X, Y and Z. "
    "Who ends up with whom? Give each of Ada, Ben, Cyd and Dev their partner.",
    is_correct=lambda answer: dict(answer) == deferred_acceptance(HAND_PROPOSERS, HAND_REVIEWERS),
    why=hand_story(HAND_PROPOSERS, HAND_REVIEWERS),
    misconceptions=(
        Misconception(
            "everyone gets their first choice",
            example={"Ada": "X", "Ben": "X", "Cyd": "W", "Dev": "W"},
            matches=lambda answer: dict(answer) == _first_choices(),
            wrong_value=lambda: _first_choices(),
            hint="Two people cannot share one partner: X and W each hold only their favourite "
            "among those who asked, and the other then asks their next choice.",
        ),
        Misconception(
            "reviewers proposed",
            example={"Ada": "X", "Ben": "W", "Cyd": "Z", "Dev": "Y"},
            matches=lambda answer: dict(answer) == _reviewers_proposing(),
            wrong_value=lambda: _reviewers_proposing(),
            hint="That is the result when W, X, Y and Z propose; here Ada, Ben, Cyd and Dev ask.",
        ),
        *(_given_twice()),
        Misconception(
            "kept the first acceptance",
            example={"Ada": "X", "Ben": "Y", "Cyd": "W", "Dev": "Z"},
            matches=lambda answer: dict(answer).get("Cyd") == "W",
            hint="An acceptance is only tentative: when Dev asks W, W prefers Dev to Cyd and lets "
            "Cyd go, so Cyd must ask again.",
        ),
    ),
    fallback_hint="Give each of Ada, Ben, Cyd and Dev one partner: follow the lists in order, one "
    "proposal at a time, and let each reviewer keep only the best offer so far.",
)


def _blocks(answer) -> bool:
    found = {
        (b.proposer, b.reviewer) for b in blocking_pairs(SHAKY_MATCHING, *gale_shapley_example())
    }
    names = _names(answer)
    return len(names) == 2 and (names in found or names[::-1] in found)


find_a_blocking_pair = Check(
    name="find_a_blocking_pair",
    reference=lambda: blocking_pairs(SHAKY_MATCHING, *gale_shapley_example()),
    question="In the shaky matching ("
    + ", ".join(f"{m} with {w}" for m, w in SHAKY_MATCHING.items())
    + "), which man and which woman, not together, would both rather be together?",
    is_correct=_blocks,
    why="beta has A, his 3rd choice, and prefers C; C has gamma, her 3rd, and prefers beta. "
    "Both would leave: the matching is not stable.",
    misconceptions=(
        Misconception(
            "only one of them wants it",
            example=("alpha", "A"),
            matches=lambda answer: (
                set(_names(answer)) in ({"alpha", "A"}, {"gamma", "A"}, {"beta", "B"})
            ),
            hint="One of the two would like the swap, but the other is happier where they are. "
            "A blocking pair needs BOTH to prefer each other to their current partners.",
        ),
        Misconception(
            "a current pair",
            example=("alpha", "B"),
            matches=lambda answer: tuple(_names(answer)) in SHAKY_MATCHING.items(),
            hint="Those two are already together. Look for two people who are NOT paired.",
        ),
    ),
    fallback_hint="Pick a man and a woman who are not together and who each rank the other "
    "above their current partner.",
)


def _men_first_choices(*, women_propose: bool = True) -> int:
    men, women = gale_shapley_example()
    if women_propose:
        pairs = [(m, w) for w, m in deferred_acceptance(women, men).items() if m is not None]
    else:  # the wrong method "the algorithm is neutral": the men's count when THEY propose
        pairs = [(m, w) for m, w in deferred_acceptance(men, women).items() if w is not None]
    return sum(1 for m, w in pairs if men[m][0] == w)


men_first_choices_when_women_propose = Check(
    name="men_first_choices_when_women_propose",
    allowed=Allowed("count", 0, len(gale_shapley_example()[0])),
    prediction=True,  # its result is hidden until answered: a wrong one is "Noted:"
    reference=_men_first_choices,
    shows=lambda: (
        f"in the example, {_men_first_choices()} of the "
        f"{len(gale_shapley_example()[0])} men get their first choice"
    ),
    question="In Gale and Shapley's example, when the WOMEN propose, how many men get their "
    "first choice?",
    is_correct=lambda answer: answer == _men_first_choices(),
    why="When the women propose, each woman gets her first choice, and every man gets his "
    "last: the proposing side gains, the other side pays.",
    misconceptions=(
        Misconception(
            "the algorithm is neutral",
            example=3,
            matches=lambda answer: answer == _men_first_choices(women_propose=False),
            wrong_value=lambda: _men_first_choices(women_propose=False),
            hint="3 is what the men get when THEY propose: switch sides in the explorer.",
        ),
    ),
    fallback_hint="Run the 'Who proposes?' explorer on Gale & Shapley's 3 × 3 and count.",
)


def _liars() -> frozenset[str]:
    """Everyone in the example who gains by misreporting their list (swap or truncate)."""
    men, women = gale_shapley_example()
    return frozenset(
        person
        for person in [*men, *women]
        if any(
            lie_outcome(men, women, person, how).verdict.startswith("The lie paid off")
            for how in ("swap", "truncate")
        )
    )


lie_that_pays = Check(
    name="lie_that_pays",
    reference=_liars,
    question="Men propose in Gale and Shapley's example. Name one person who can get a better "
    "partner by misreporting their list.",
    is_correct=lambda answer: isinstance(answer, str) and answer.strip() in _liars(),
    why="Each woman gets her last choice when the men propose; by leaving the lower men off her "
    "list she makes the algorithm reach her best stable partner (Gale and Sotomayor, 1985).",
    misconceptions=(
        Misconception(
            "a proposer",
            example="alpha",
            matches=lambda answer: answer.strip() in gale_shapley_example()[0],
            hint="The men already get their first choice. A proposer can never gain by lying to "
            "deferred acceptance (Dubins and Freedman, 1981); look at the other side.",
        ),
    ),
    fallback_hint="Pick one person from the example: try each lie in the 'What if I lie?' "
    "explorer and read whether it paid off.",
)


@cache
def _changed_without_withdrawing() -> frozenset[str]:
    people = load_people()
    tester, category = WITHDRAWAL
    sharing = pd.DataFrame(True, index=[tester], columns=list(CATEGORIES))
    sharing.loc[tester, category] = False
    before = deferred_acceptance(*beta_preferences(people))
    after = deferred_acceptance(*beta_preferences(people, shared=sharing))
    return frozenset(t for t in after if after[t] != before[t] and t != tester)


switched_nothing_off = Check(
    name="switched_nothing_off",
    reference=_changed_without_withdrawing,
    question="Bastien Colin stops sharing his conscious memories. Name a tester whose match "
    "changes although they shared everything.",
    is_correct=lambda answer: (
        isinstance(answer, str) and answer.strip() in _changed_without_withdrawing()
    ),
    why="Karim Benali and Mathis Roy change partner without touching their settings: Bastien's "
    "choice changed how he and the candidates score each other, and the chain of proposals moved.",
    misconceptions=(
        Misconception(
            "Bastien himself",
            example="Bastien Colin",
            matches=lambda answer: answer.strip() == WITHDRAWAL[0],
            hint="Bastien's match changes, but he is the one who switched something off. Who "
            "else moved?",
        ),
        Misconception(
            "a candidate",
            example="Chloé Garnier",
            matches=lambda answer: answer.strip() in MOVED_CANDIDATES,
            hint="Candidates moved too, but the question asks for a tester (a proposer).",
        ),
    ),
    fallback_hint="Use the 'Consent changes the match' explorer: pick Bastien Colin, untick his "
    "conscious memories, and read the names marked 'switched nothing off'.",
)
