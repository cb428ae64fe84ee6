"""What a learner reads stepping through an explorer, and the decisions its steps ask for.

A step-through explorer shows one thing at a time: lesson 01's matching one proposal a press,
lesson 02's timelines one moment a press, lesson 04's judge-first one case at a time. Its
starting text (``printed_words``) is one step's worth; a learner who presses *Next* to the
end reads every step. A teacher timed lesson 04's judge-first at 8-10 minutes in class against
the 4 its heading stated, which counted case 1 alone (issue 12).

So each step-through is driven here as a learner drives it, by its own controls (``STEPPED``:
which to set, which to press, and when nothing is left), in the fresh process that counts its
starting words (``printed_words.fresh_counts``). After every press the words it **newly
shows** are counted (:func:`newly_shown`): in each text widget, the words that were not there
before, as a word-by-word comparison finds them. A proposal appended to a log counts its own
line, not the log again; a case card counts the figures and the case number that change, not
the row labels it repeats (reading those again is part of deciding, below); a widget that
appears counts whole. Each widget's text is compared with every text it showed before, the
nearest counted: judge-first's instruction "Case 2 of 10: decide before you look anywhere
else ..." comes back after each verdict, and only its case number is new. Nothing a learner
has read is counted twice.

**Decisions.** Some steps ask the learner to decide: judge-first asks two per case (accept or
reject and how sure, locked in; then keep or change the call once the app's verdict shows).
``STEPPED`` states them per step; the reading model times each at ``DECISION_MINUTES``
(``reading_model``). A press that only shows the next sentence asks none.

>>> newly_shown({"a": [["Step", "1", "of", "9"]]}, {"a": ["Step", "2", "of", "9"], "b": ["New"]})
2
>>> newly_shown({"log": [["Ana", "proposes"]]}, {"log": ["Ana", "proposes", "Ben", "accepts"]})
2
>>> newly_shown({"s": [["Case", "1", "decide"], ["Locked", "in"]]}, {"s": ["Case", "2", "decide"]})
1
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

import printed_words

#: More presses than any explorer has steps: a walk that never ends is a fault, not a long read.
MAX_STEPS = 200


@dataclass(frozen=True)
class Stepping:
    """How a learner steps through one explorer class, by its own controls."""

    #: the buttons pressed for one step, in order (attribute names on the explorer)
    press: tuple[str, ...]
    #: whether a step is left to take (read-only: the explorer's own state)
    left: Callable[[object], bool]
    #: controls set before the presses (a call to lock in), attribute name -> value
    choose: dict = field(default_factory=dict)
    #: the decisions a step asks of the learner
    decisions: int = 0


STEPPED = {
    "StepThroughExplorer": Stepping(("next_proposal",), lambda e: e.position < e.total),
    "TimelineExplorer": Stepping(("next",), lambda e: e.step.value < e.step.max),
    "ErasureExplorer": Stepping(("next",), lambda e: e.step.value < e.step.max),
    # a call and how sure, locked in; then keep or change it: two decisions a case. The call
    # chosen changes no sentence's length but the results' (a few words)
    "JudgeFirstExplorer": Stepping(
        ("lock", "next_case"), lambda e: not e.finished, {"decision": "accept"}, decisions=2
    ),
}


def words_by_widget(view) -> dict[str, list[str]]:
    """{widget id: the words it shows} for every text widget a learner can read in ``view``."""
    return {key: printed_words.WORD.findall(text) for key, text in printed_words.shown_parts(view)}


def newly_shown(shown: dict[str, list[list[str]]], after: dict[str, list[str]]) -> int:
    """The words in ``after`` that no text in ``shown`` had, widget by widget: each widget's
    new text is compared with every text it showed before, the nearest counted."""
    new = 0
    for key, words in after.items():
        new += min((_added(earlier, words) for earlier in shown.get(key, [])), default=len(words))
    return new


def _added(before: list[str], after: list[str]) -> int:
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    return sum(j2 - j1 for tag, _, _, j1, j2 in matcher.get_opcodes() if tag != "equal")


def walk(explorer, stepping: Stepping) -> dict[str, int]:
    """Step ``explorer`` to its end: {"steps": taken, "words": newly shown, "decisions": asked}."""
    shown: dict[str, list[list[str]]] = {}  # every text each widget has shown, oldest first

    def read() -> int:
        now = words_by_widget(explorer.view)
        new = newly_shown(shown, now)
        for key, words in now.items():
            if words not in shown.setdefault(key, []):
                shown[key].append(words)
        return new

    read()  # the starting state: counted by printed_words, not here
    steps = words = 0
    while stepping.left(explorer):
        if steps == MAX_STEPS:
            raise RuntimeError(f"{type(explorer).__name__} still has steps after {MAX_STEPS}")
        for name, value in stepping.choose.items():
            getattr(explorer, name).value = value
        for name in stepping.press:
            getattr(explorer, name).click()
            words += read()
        steps += 1
    return {"steps": steps, "words": words, "decisions": steps * stepping.decisions}


def next_buttons(view) -> list[str]:
    """The descriptions of the buttons in ``view`` that step on ("Next ..."): an explorer with
    one is a step-through, and ``STEPPED`` must say how to step it."""
    import ipywidgets as widgets

    from osmosis_lab.explorers.base import descendants

    return [
        w.description
        for w in descendants(view)
        if isinstance(w, widgets.Button) and w.description.lower().startswith("next")
    ]


def fresh_walks(classes: dict) -> dict[str, dict]:
    """{class name: its walk} for each class in ``STEPPED``. Run in ``printed_words``' fresh
    process after every starting count: each explorer is built again to be walked."""
    return {name: walk(classes[name].with_lesson_data(), STEPPED[name]) for name in STEPPED}
