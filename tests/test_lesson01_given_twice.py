"""Exercise 1 of lesson 01 tells a learner who gave one partner to several people exactly that.

A learner answered with X given to two proposers and was told only a generic "Noted … give
each one partner". Here every answer the four partner boxes can hold (each of Ada, Ben, Cyd
and Dev given one of W, X, Y, Z: 256 answers) is judged: an answer that gives a partner to
several people names that partner and how many times, truly; no other answer says "is given".
"""

import itertools
import re
from collections import Counter

from osmosis_lab import check
from osmosis_lab.check.lesson01 import _first_choices
from osmosis_lab.matching.scenarios import HAND_PROPOSERS, HAND_REVIEWERS

TIMES = {2: "twice", 3: "three times", 4: "four times"}
SAID = re.compile(r"\b(\w+) is given (twice|three times|four times): each person has one partner")


def answers():
    for partners in itertools.product(HAND_REVIEWERS, repeat=len(HAND_PROPOSERS)):
        yield dict(zip(HAND_PROPOSERS, partners, strict=True))


def test_a_partner_given_to_several_people_is_named_with_how_many_times():
    told = 0
    for answer in answers():
        counts = Counter(answer.values())
        repeated = {r: n for r, n in counts.items() if n > 1}
        message = check.hand_matching(answer).message
        said = SAID.findall(message)
        if answer == _first_choices():  # its own hint: "Two people cannot share one partner"
            assert "cannot share one partner" in message
            continue
        if not repeated:
            assert not said, (answer, message)
            continue
        assert len(said) == 1, (answer, message)
        who, times = said[0]
        assert who in repeated and TIMES[repeated[who]] == times, (answer, message)
        told += 1
    assert told > 200  # all but the 24 one-each answers and the first-choices one
