"""Seeded random sequences of entries over every answer control of every lesson (issue 12, w43).

A keyboard-only tester found three faults that need a path, not a state: a number the question
does not allow (150 % for a share, -3 for a count) was counted as a try and got a wrong answer's
hint; after an unreadable entry and a wrong one the reply said "Not yet:" with nothing after it;
an empty reflection said "Saved". Here each control takes random entries, drawn from right,
wrong, out of range, unreadable, empty and the same again (each kind where the control can be
given it: only a box can hold text that is not a number), sent as the browser sends them
(``sequences.run_sequence``), mostly followed by Check or Enter. After each press:

* the reply opens with its verdict's word and every such word has a reason after it;
* the tries kept are the presses on a changed, readable answer the question allows, and
  nothing else (the test counts them itself, from what it entered);
* a hint ("Not yet:", "Noted:") shows only for the answer the record kept as a try.

Reflections take empty, blank, text and the same again, each mostly followed by Save: an
empty box keeps nothing and never says "Saved"; a text is kept as typed.
"""

from __future__ import annotations

import html
import itertools
import re

import comm
import pytest

from learner_steps import sign_in
from memory_record import MemoryRecord
from osmosis_lab.check.exercise import parse_number
from osmosis_lab.check.exercises import all_exercises
from osmosis_lab.explorers import my_work
from osmosis_lab.explorers.answers import answer_control
from sequences import KernelLikeComm, click, run_sequence, send, update

STEPS = 30
SEEDS = (0, 1)
EXERCISES = [e for e in all_exercises().values() if e.control]
#: The words a reply opens with, one per verdict (and the two "not counted" openings).
LABELS = ("Correct!", "Not yet:", "Noted:", "Not attempted yet:", "Could not check:",
          "Not counted as a try:", "Not read, not counted as a try:")  # fmt: skip
A_LABEL = "|".join(re.escape(label) for label in LABELS)
#: A verdict's word followed by nothing, another word or a bracket: a reply with no reason.
NO_REASON = re.compile(rf"({A_LABEL})\s*(?=$|\(|{A_LABEL})")
#: Entries that are readable answers the question allows: only these are tries.
COUNTED = ("right", "wrong")


@pytest.fixture(autouse=True)
def kernel_like(monkeypatch, clock):
    # every message a widget sends is serialised as a real kernel would; the clock is the
    # late-keystroke rule's, moved on between steps (tests/test_late_keystrokes.py tests it)
    monkeypatch.setattr(comm, "create_comm", KernelLikeComm)


def said(widget) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", widget.value)).split())


# ---------------------------------------------------------------------- what each entry is


def candidates(exercise) -> list:
    """Answers the control can hold, as its ``state()`` keeps them (a box's text)."""
    kind, options = exercise.kind, exercise.choices()
    if kind == "choice":
        return list(options)
    if kind == "picks":
        subsets = itertools.chain.from_iterable(
            itertools.combinations(options, n) for n in range(1, len(options) + 1)
        )
        return [list(s) for s in itertools.islice(subsets, 2000)]
    if kind == "pair":
        return [list(p) for p in itertools.product(*options)]
    if kind == "pairs":
        people, partners = options
        return [dict(zip(people, p, strict=False)) for p in itertools.permutations(partners)]
    if kind == "phrase":
        return [*exercise.accepted, *exercise.rejected]
    grid = {
        "count": [str(n) for n in range(0, 1100)],
        "fraction": [f"{n / 1000:g}" for n in range(0, 1001)],
        "value": [f"{n / 100:g}" for n in range(0, 5000)],
    }[exercise.unit]
    wrong_methods = [str(m.example) for m in exercise.check.misconceptions if not m.form_slip]
    return wrong_methods + grid


def as_answer(exercise, state):
    """The answer the check judges for ``state``, read here, not by the control under test."""
    kind = exercise.kind
    if kind == "number":
        return parse_number(state, unit=exercise.unit)
    if kind == "phrase":
        return exercise.read_phrase(state)
    return {"picks": frozenset, "pair": tuple}.get(kind, lambda s: s)(state)


def judged(exercise, state) -> str:
    try:
        return exercise.check.verdict(as_answer(exercise, state)).status
    except ValueError:
        return "unreadable"


#: Each exercise's entries, found once (judging every candidate is the slow part).
_ENTRIES: dict[str, dict[str, list]] = {}


def entries(exercise) -> dict[str, list]:
    """Each kind of entry this control can be given: a few states of each."""
    if exercise.name not in _ENTRIES:
        _ENTRIES[exercise.name] = _entries(exercise)
    return _ENTRIES[exercise.name]


def _entries(exercise) -> dict[str, list]:
    found = {"right": [], "wrong": []}
    for state in candidates(exercise):
        status = judged(exercise, state)
        kind = "right" if status == "correct" else "wrong" if status == "hint" else None
        if kind and len(found[kind]) < 3:
            found[kind].append(state)
        if len(found["right"]) and len(found["wrong"]) >= 3:
            break
    assert found["right"] and found["wrong"], f"{exercise.name}: no right or wrong answer found"
    if exercise.kind in ("number", "phrase"):
        found["empty"] = ["", "   "]
    if exercise.kind == "picks":
        found["empty"] = [[]]
    if exercise.kind == "number":
        found["unreadable"] = ["abc", "inf", "=4"]
        found["out of range"] = outside(exercise)
    return found


def outside(exercise) -> list[str]:
    """Numbers no question of this unit allows, and beyond the exercise's own bounds."""
    typed = {"count": ["-3", "2.5"], "fraction": ["150 %", "1.5", "-0.2"], "value": ["-3"]}
    found = typed[exercise.unit]
    allowed = getattr(exercise.check, "allowed", None)
    if allowed is not None and allowed.high is not None:
        found = [*found, str(allowed.high + 1)]
    return found


# ---------------------------------------------------------------------- driving a control


class Driven:
    """An answer control as ``run_sequence`` drives it, with what the test expects of it."""

    def __init__(self, exercise, clock):
        self.exercise, self.clock, self.record = exercise, clock, MemoryRecord()
        self.control = answer_control(exercise, record=self.record)
        self.name = exercise.name
        self.view, self.summary = self.control.view, self.control.selection
        self.entries = entries(exercise)
        self.options = exercise.choices()  # computed from the lesson's data: read it once
        self.on_screen, self.kind_on_screen = None, "empty"
        self.changed = True  # since the last counted try
        self.tries = 0

    def controls(self):
        return [*self.control.inputs, self.control.check_button]

    def enter(self, state) -> None:
        """Give ``state`` through the inputs as the browser sends it."""
        c, kind, options = self.control, self.exercise.kind, self.options
        if kind == "choice":
            update(c.choice, index=options.index(state))
        elif kind == "picks":
            # one message, the picked positions, as the group of checkboxes sends it
            update(c.picks, indexes=[i for i, option in enumerate(options) if option in state])
        elif kind == "pair":
            for side, names, chosen in zip(c.sides, options, state, strict=True):
                update(side, index=names.index(chosen))
        elif kind == "pairs":
            for person, partner in state.items():
                update(c.partners[person], index=options[1].index(partner))
        else:
            update(c.text, value=state)

    def step(self, driven, sequence, rng):
        kinds = [*self.entries, "same again"]
        kind = rng.choice(kinds)
        state = None if kind == "same again" else rng.choice(self.entries[kind])
        press = rng.random() < 0.8
        enter_key = press and self.exercise.kind in ("number", "phrase") and rng.random() < 0.3

        def act():
            self.clock.now += 10  # no late keystrokes: each message is the learner's own
            if state is not None:
                self.enter(state)
                if state != self.on_screen:
                    self.on_screen, self.kind_on_screen, self.changed = state, kind, True
            self.clock.now += 10
            if enter_key:
                send(self.control.text, {"method": "custom", "content": {"event": "submit"}})
            elif press:
                click(self.control.check_button)
            self.pressed = press

        self.pressed = False
        words = f"{kind} {state!r}" if state is not None else kind
        return act, words + (", Enter" if enter_key else ", Check" if press else "")


def answer_model(driven: Driven, _control) -> None:
    """After a press: a reply with reasons; tries counted only for allowed, readable answers."""
    if not driven.pressed:
        return
    control, reply = driven.control, said(driven.control.verdict)
    if driven.kind_on_screen in COUNTED and driven.changed:
        driven.tries, driven.changed = driven.tries + 1, False
    assert re.match(A_LABEL, reply), f"the reply opens with no verdict: {reply!r}"
    assert not NO_REASON.search(reply), f"a verdict with no reason: {reply!r}"
    kept = driven.record.get(driven.name) or {}
    assert kept.get("tries", 0) == driven.tries, (
        f"{kept.get('tries', 0)} tries kept, {driven.tries} counted ({driven.kind_on_screen} "
        f"on screen): {reply!r}"
    )
    if control.status == "hint":  # a hint answers the try the record kept, never another entry
        assert kept.get("answer") == control.state() and kept.get("status") == "hint", reply
    if driven.kind_on_screen not in COUNTED:
        assert not re.match(r"(Not yet:|Noted:|Correct!)", reply), reply
    if driven.kind_on_screen == "out of range":
        assert "Not counted as a try" in reply, reply
        allowed = driven.exercise.check.allowed
        assert allowed.words() in reply and "Type it" in reply, reply


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.name)
def test_answer_controls_count_only_allowed_tries_and_always_give_a_reason(exercise, seed, clock):
    driven = Driven(exercise, clock)
    run_sequence(driven, seed, STEPS, model=answer_model, action=driven.step)


def test_the_entries_cover_each_kind_a_box_can_be_given():
    (share,) = [e for e in EXERCISES if e.name == "ece_by_hand"]
    found = entries(share)
    assert set(found) == {"right", "wrong", "empty", "unreadable", "out of range"}
    assert parse_number(found["right"][0], unit="fraction") == pytest.approx(0.2, abs=0.02)


# ---------------------------------------------------------------------- reflections

TEXTS = ("Because the app never asked.", "<b>Ana</b> & Simon", "Léa: d'accord")
BLANKS = ("", "   ", "\n\t ")


class Reflected:
    """A reflection box as ``run_sequence`` drives it, with what was saved so far."""

    name = "reflection"

    def __init__(self, clock):
        self.clock = clock
        self.box = my_work.reflection("03_expo", "Who should see this?")
        self.view, self.summary = self.box.view, self.box.status
        self.saved: str | None = None

    def controls(self):
        return [self.box.text, self.box.save]

    def kept(self) -> dict | None:
        store = my_work.current_store().load(my_work.current_learner())
        return store.get("reflections", {}).get("03_expo")

    def step(self, _driven, _sequence, rng):
        kind = rng.choice(["empty", "blank", "text", "same again"])
        text = {"empty": "", "blank": rng.choice(BLANKS[1:]), "text": rng.choice(TEXTS)}.get(kind)
        press = rng.random() < 0.8

        def act():
            self.clock.now += 10
            if text is not None:
                update(self.box.text, value=text)
            self.clock.now += 10
            if press:
                click(self.box.save)
            self.pressed = press

        self.pressed = False
        return act, f"{kind} {text!r}" + (", Save" if press else "")


def reflection_model(driven: Reflected, _control) -> None:
    status, on_screen, kept = said(driven.box.status), driven.box.text.value, driven.kept()
    if driven.pressed and on_screen.strip():
        driven.saved = on_screen
    if driven.pressed and not on_screen.strip():
        expected = "Nothing to save yet" if driven.saved is None else "It is unchanged"
        assert expected in status, status
    if driven.saved is None:
        assert kept is None, f"an empty box kept {kept!r}"
    else:
        assert kept["text"] == driven.saved, (kept, driven.saved)
    if "Saved" in status:
        assert on_screen.strip() and kept and kept["text"] == on_screen, (status, kept)


@pytest.mark.usefixtures("fresh_kernel")
@pytest.mark.parametrize("seed", (0, 1, 2, 3))
def test_reflections_keep_only_text_and_never_say_saved_for_nothing(seed, tmp_path, clock):
    sign_in(tmp_path, "Inès", "03_privacy")
    driven = Reflected(clock)
    run_sequence(driven, seed, STEPS, model=reflection_model, action=driven.step)
