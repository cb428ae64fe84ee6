"""Every lesson has a browser test that checks what issue 8 asks of all of them.

A static check (no browser needed): for each ``lessons/NN_*.ipynb`` there is a
``tests/browser/test_lesson_NN.py`` that opens that lesson and calls the harness's checks for
errors, drawn charts, keyboard operation of its controls, the axe-core audit, and every control
label shown whole (measured on the page the module's Run All left: issue 16 moved it here from a
file that ran every lesson once more).
"""

import re
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
LESSONS = sorted((HERE.parents[1] / "lessons").glob("[0-9][0-9]_*.ipynb"))

#: What each lesson's browser test must call, and why.
REQUIRED = {
    "assert_no_errors": "no error, stderr or offline failure after Run All",
    "assert_charts_drawn": "every chart drawn and named",
    "assert_accessible": "zero critical/serious axe-core violations in the outputs",
    r"exercise_every_control|\.operate\(": "every control operated from the keyboard",
    "assert_no_control_cut": "no control label cut off after Run All (issue 12, item 4)",
}


@pytest.mark.parametrize("lesson", LESSONS, ids=[p.stem for p in LESSONS])
def test_lesson_has_a_complete_browser_test(lesson):
    test = HERE / f"test_lesson_{lesson.name[:2]}.py"
    assert test.is_file(), f"{lesson.name} has no browser test ({test.name})"
    source = test.read_text(encoding="utf-8")
    assert f"lessons/{lesson.name}" in source, f"{test.name} does not open {lesson.name}"
    missing = [why for call, why in REQUIRED.items() if not re.search(call, source)]
    assert not missing, f"{test.name} does not check: {missing}"


def test_lessons_are_found():
    assert LESSONS and LESSONS[0].name == "00_start_here.ipynb"
