"""Answer an exercise's answer control from the keyboard only, and read what it shows.

Focusing the control's first input stands for Tabbing into it from the cell; from there on
only Tab, Shift+Tab, the arrow keys (in a radio group), Space, typing and Enter, and the
focus must stay inside the control (if JupyterLab took a key, it would leave). Used by the
tests that answer controls in a lesson (``test_answers_kept.py``) and by the one that shows
each kind (``test_a11y_answer_kinds.py``).
"""

from __future__ import annotations

from .control import plain
from .page import LabPage

#: What a control shows, read from the page: pressed buttons, typed text, the chosen answer
#: in words, the verdict.
SHOWN = """
(out) => ({
  pressed: Array.from(out.querySelectorAll('button.mod-active')).map(b => b.textContent),
  typed: Array.from(out.querySelectorAll('input[type=text]')).map(i => i.value),
  selection: (Array.from(out.querySelectorAll('.widget-html-content'))
              .find(e => e.textContent.startsWith('Your answer:')) || {textContent: ''}).textContent,
  verdict: (out.querySelector('.osmosis-check') || {textContent: ''}).textContent,
})
"""


def shown(out) -> dict:
    """What the answer control in the output ``out`` (a Locator) shows (see :data:`SHOWN`)."""
    return out.evaluate(SHOWN)


def keys(lab: LabPage, *pressed: str, text: str = "") -> None:
    """Press ``pressed`` (after typing ``text`` over the box's content) where the focus is,
    then wait until the kernel has handled what they sent, if anything."""
    before = lab.comm_sent()
    if text:
        lab.page.keyboard.press("ControlOrMeta+A")
        lab.page.keyboard.type(text)
    for key in pressed:
        lab.page.keyboard.press(key)
    lab.wait_for_keys(before)


def focused_in(out) -> str:
    """The text of the focused element, which must be inside ``out``."""
    found = out.evaluate(
        "o => o.contains(document.activeElement) ? document.activeElement.textContent : null"
    )
    assert found is not None, "the focus left the answer control: JupyterLab took a key"
    return plain(found).strip()


def tab_to(lab: LabPage, out, label: str, *, limit: int = 40) -> None:
    """Tab until the focused button reads ``label`` (it must come after the focus)."""
    for _ in range(limit):
        if focused_in(out) == label:
            return
        keys(lab, "Tab")
    raise AssertionError(f"Tab never reached {label!r} in the answer control")


def arrow_to(lab: LabPage, group, label: str) -> None:
    """In a radio group, press → until the focused (and so chosen) option reads ``label``."""
    for _ in range(group.locator("button").count()):
        if focused_in(group) == label:
            if group.locator('[aria-checked="true"]').count() == 0:  # focused, not chosen yet
                keys(lab, "Space")
            return
        keys(lab, "ArrowRight")
    raise AssertionError(f"the arrow keys never reached {label!r} in the radio group")


def answer(lab: LabPage, out, exercise, value) -> None:
    """Give ``value`` (as the exercise's check takes it) to ``exercise``'s control in the output
    ``out`` from the keyboard, then Tab to **Check** and press Enter."""
    kind = exercise.kind
    if kind in ("number", "phrase"):
        out.locator("input[type=text]").focus()
        keys(lab, text=str(value))
    elif kind == "picks":
        out.locator("button").first.focus()
        pressed = shown(out)["pressed"]
        for option in exercise.choices():  # flip those whose state differs from the answer
            if (option in value) != (exercise.label(option) in pressed):
                tab_to(lab, out, exercise.label(option))
                keys(lab, "Space")
    else:  # toggle-button groups: one for a choice, two for a pair, one per person for pairs
        if kind == "choice":
            wanted = [exercise.label(value)]
        elif kind == "pair":
            wanted = list(value)
        else:
            wanted = [value[person] for person in exercise.choices()[0]]
        groups = out.locator(".widget-toggle-buttons")
        assert groups.count() == len(wanted), (exercise.name, groups.count())
        for i, label in enumerate(wanted):  # each a radio group: one Tab stop, arrows choose
            groups.nth(i).locator('[role="radio"][tabindex="0"]').focus()
            arrow_to(lab, groups.nth(i), label)
    tab_to(lab, out, "Check")
    keys(lab, "Enter")
