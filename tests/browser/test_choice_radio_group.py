"""A row of choice buttons is a radio group a screen reader can read and the arrow keys can move.

Issue 12's browser walk: ipywidgets 8.1.9's ``ToggleButtons`` showed the chosen option only by
colour (class ``mod-active``): no ``aria-checked``, no group role or name, every button its own
Tab stop, and the arrow keys did nothing. ``controls.ToggleButtons`` (choice_buttons.js) draws
the WAI-ARIA radio group pattern instead; here, on lesson 00's tester picker, as a keyboard and
screen-reader user meets it: what the accessibility tree says, one Tab stop, arrows that move
and choose (wrapping, as native radios do), Home and End, and the explorer answering each
choice. On ipywidgets' own buttons the first test finds no radio group named "Beta tester".
"""

from .harness.control import plain

LESSON = "lessons/00_start_here.ipynb"
#: The tester picker's explorer, built afresh for this module (``lesson``: the cells that build it run again
#: in the kernel that ran the lesson, when the lesson's own module has left it so).
CELLS = ("TesterExplorer(",)
NAME = "Beta tester"

#: Each option as assistive technology gets it: role, checked state, Tab stop, and its name.
OPTIONS = """
(group) => Array.from(group.querySelectorAll('button')).map(b => ({
  role: b.getAttribute('role'), checked: b.getAttribute('aria-checked'),
  tabbable: b.tabIndex >= 0, name: b.textContent, title: b.title,
}))
"""
#: Where the focus is: inside the group (the focused option's words) or not ("outside").
FOCUS = "(group) => group.contains(document.activeElement) ? document.activeElement.textContent : 'outside'"


def read(picker) -> list[dict]:
    return picker.locator.evaluate(OPTIONS)


def checked(picker) -> list[str]:
    return [plain(o["name"]) for o in read(picker) if o["checked"] == "true"]


def focused(picker) -> str:
    return plain(picker.locator.evaluate(FOCUS))


def test_the_row_is_a_radio_group_named_by_its_label(lesson):
    picker = lesson.control(NAME)
    assert picker.role == "radiogroup", f"{NAME!r} was found as a {picker.role}, not a radio group"
    options = read(picker)
    assert len(options) == 12 and {o["role"] for o in options} == {"radio"}, options
    # it opens on the second tester, the first adult: Niels (17), first in the data, would
    # answer Exercise 2 below it (tests/test_lesson00_first_card.py)
    start = 1
    assert [o["checked"] for o in options] == ["false"] * start + ["true"] + ["false"] * 10, options
    # one Tab stop: the chosen option; every option says what choosing it does
    assert [o["tabbable"] for o in options] == [False] * start + [True] + [False] * 10, options
    assert all(o["title"] == f"Show {plain(o['name'])}'s card" for o in options), options
    labelled_by = picker.locator.get_attribute("aria-labelledby")
    label = lesson.page.locator(f"#{labelled_by}")
    assert label.is_visible() and plain(label.inner_text()) == NAME
    lesson.shots_dir.mkdir(parents=True, exist_ok=True)  # for a reviewer: how the row looks
    picker.locator.screenshot(path=str(lesson.shots_dir / "00-choice-radio-group.png"))


def test_tab_reaches_the_group_once(lesson):
    picker = lesson.control(NAME).focus()
    first = focused(picker)
    assert first == checked(picker)[0]
    lesson.page.keyboard.press("Shift+Tab")
    assert focused(picker) == "outside"  # before the group
    lesson.page.keyboard.press("Tab")
    assert focused(picker) == first  # back on the chosen option, not on the first button
    lesson.page.keyboard.press("Tab")
    assert focused(picker) == "outside", "Tab went from one option to another: 12 Tab stops"


def test_arrows_home_and_end_move_and_choose_and_the_explorer_answers(lesson):
    picker = lesson.control(NAME)
    names = [plain(o["name"]) for o in read(picker)]
    steps = [
        ("Home", 0),  # from the option it opens on (the second) to the first
        ("ArrowRight", 1), ("ArrowDown", 2), ("ArrowLeft", 1), ("ArrowUp", 0),
        ("ArrowLeft", 11),  # from the first, back to the last, as native radio buttons do
        ("ArrowRight", 0), ("End", 11), ("Home", 0),
    ]  # fmt: skip
    for key, index in steps:
        picker.press(key)  # fails if the focus left the group (JupyterLab took the key)
        want = names[index]
        assert focused(picker) == want and checked(picker) == [want], (key, want, read(picker))
        tabbable = [plain(o["name"]) for o in read(picker) if o["tabbable"]]
        assert tabbable == [want], f"after {key}: Tab stops {tabbable}"
        card = picker.readout()
        assert f"Chart: Bar chart of {want}'s" in card, f"after {key} the explorer says: {card}"
    lesson.assert_no_errors()


def test_the_group_passes_the_accessibility_audit(lesson):
    picker = lesson.control(NAME)
    picker.locator.evaluate(
        "g => g.closest('.jp-OutputArea-output').setAttribute('data-audit', '')"
    )
    report = lesson.axe_audit(scope="[data-audit]")
    assert report.passes > 0, "axe judged nothing: the scope found no output"
    aria = [v for v in report.violations if v["id"].startswith("aria-")]
    assert not report.failing and not aria, report.describe()
