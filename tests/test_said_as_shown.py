"""A reply says the learner's answer back as the screen showed it (a walkthrough, lesson 05).

A 17-year-old picked several rows in lesson 05's first exercise; the reply listed them
alphabetically while the buttons stand in another order, and quoted each as Python does
('a few', but "the launch's delay"). Here every exercise is answered through its real answer
control, driven as the browser drives it:

* picks, entered in any order, are said back in the order the buttons stand;
* no reply quotes the learner's text (a button's words, or typed text with an apostrophe) as
  Python's ``repr`` does.
"""

import html
import itertools
import random
import re

import pytest

from memory_record import MemoryRecord
from osmosis_lab.check.exercises import all_exercises
from osmosis_lab.explorers.answers import answer_control

EXERCISES = all_exercises()
PICKS = [e for e in EXERCISES.values() if e.kind == "picks"]
#: Typed text a learner might give, with apostrophes (Python quotes these "…", others '…').
TYPED = ("Léopold's", "l'IA", "a few")
#: Where a prediction's reply says the answer back: from here to the data's side of it.
SAID = "you predicted "


def reply_to(exercise, enter) -> str:
    """The reply a learner reads after ``enter(control)`` and Check, as plain text."""
    control = answer_control(exercise, record=MemoryRecord())
    enter(control)
    control.check_button.click()
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", control.verdict.value)).split())


def pick(indexes):
    """Press the picks at ``indexes``, in that order (the browser sends the positions)."""

    def enter(control):
        control.picks.indexes = list(indexes)

    return enter


def orders(exercise) -> list[list[int]]:
    """Picks to enter, each in a seeded shuffled order: every two of the options (the order
    of any two is then checked), and all of them."""
    n = len(exercise.choices())
    shuffle = random.Random(f"{exercise.name}").sample
    answers = [*itertools.combinations(range(n), 2), tuple(range(n))]
    return [shuffle(list(a), len(a)) for a in answers] + [sorted(a, reverse=True) for a in answers]


@pytest.mark.parametrize("exercise", PICKS, ids=[e.name for e in PICKS])
def test_picks_are_said_back_in_the_order_their_buttons_stand(exercise):
    labels = [exercise.label(o) for o in exercise.choices()]
    for indexes in orders(exercise):
        reply = reply_to(exercise, pick(indexes))
        if SAID not in reply:
            continue  # this reply does not say the answer back (a hint, or "Correct!")
        said = reply[reply.index(SAID) :]
        # each pick's first place in the reply: the answer is said before the data's truth
        places = [said.index(labels[i]) for i in sorted(indexes)]
        assert places == sorted(places), (exercise.name, reply)


def test_some_exercise_says_its_picks_back():
    """The test above has replies to read: lesson 05's first exercise says its picks back."""
    exercise = EXERCISES["review_noisy_counts_prediction"]
    assert SAID in reply_to(exercise, pick(range(len(exercise.choices()))))


def answers(exercise) -> list[tuple[str, object]]:
    """``(text the learner gave, how to give it)`` for each answer of ``exercise``'s examples:
    each button (each pick, and all picks at once) in its own words, or each typed text."""
    options = exercise.choices()
    if exercise.kind == "choice":
        return [(exercise.label(o), _choose(i)) for i, o in enumerate(options)]
    if exercise.kind == "picks":
        every = [(exercise.label(o), pick([i])) for i, o in enumerate(options)]
        return every + [(exercise.label(o), pick(range(len(options)))) for o in options]
    if exercise.kind in ("number", "phrase"):
        return [(text, _type(text)) for text in TYPED]
    return []  # pairs: names, said without quotes


def _choose(index):
    def enter(control):
        control.choice.index = index

    return enter


def _type(text):
    def enter(control):
        control.text.value = text

    return enter


CASES = [(e, text, enter) for e in EXERCISES.values() for text, enter in answers(e)]


@pytest.mark.parametrize(
    "exercise,text,enter", CASES, ids=[f"{e.name}-{text[:20]}" for e, text, _ in CASES]
)
def test_no_reply_quotes_the_learners_text_as_python_does(exercise, text, enter):
    reply = reply_to(exercise, enter)
    assert repr(text) not in reply, (exercise.name, reply)
    assert f"'{text}'" not in reply, (exercise.name, reply)


def test_the_texts_with_an_apostrophe_are_said_back_somewhere():
    """The test above reads replies that say the learner's text (else it could not fail)."""
    number = next(e for e in EXERCISES.values() if e.kind == "number")
    assert "l'IA" in reply_to(number, _type("l'IA"))
    review = EXERCISES["review_noisy_counts_prediction"]
    assert "the launch's delay" in reply_to(review, pick(range(len(review.choices()))))
