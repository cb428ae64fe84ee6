"""Each test file, and each module's docstring examples, start as a fresh kernel would.

Under three workers the consent board's docstring example ran after a file that left an
answered Exercise 4 control alive (ipywidgets keeps every widget until it is closed); the
board's count gate followed that control, showed the count, and the example's question was
gone (ci47). ``tests/conftest.py`` registers :class:`FreshKernelPerFile` as a plugin, so it
runs before every item of a new file, docstring examples in ``widgets/`` included.
"""

from pathlib import Path
from types import SimpleNamespace

from conftest import FreshKernelPerFile
from osmosis_lab.data import load_people
from osmosis_lab.explorers.answers import answer_control
from osmosis_lab.explorers.consent_board import ConsentBoard

QUESTION = "How many of them changed nothing"


def _board_after_the_exercises_click() -> ConsentBoard:
    board = ConsentBoard(load_people(), tester="T05")
    board.toggles["scraped", "matching"].value = False
    return board


def test_an_answered_control_left_by_a_file_does_not_reach_the_next():
    left = answer_control("bystanders_count")
    left.text.value = "3"
    left.check_button.click()
    assert QUESTION not in _board_after_the_exercises_click().summary.value  # it follows `left`

    FreshKernelPerFile().pytest_runtest_setup(SimpleNamespace(path=Path("the_next_file.py")))
    assert QUESTION in _board_after_the_exercises_click().summary.value


def test_it_runs_before_the_docstring_examples_too(request):
    plugin = request.config.pluginmanager.get_plugin("osmosis-fresh-kernel-per-file")
    assert isinstance(plugin, FreshKernelPerFile)


def test_a_control_left_by_a_file_is_not_told_of_the_next_files_sign_in():
    from osmosis_lab.explorers import my_work

    class Follower:
        told = 0

        def on_sign_in(self):
            self.told += 1

    left = Follower()
    my_work.follow(left)
    FreshKernelPerFile().pytest_runtest_setup(SimpleNamespace(path=Path("the_next_file.py")))
    told = left.told
    my_work.sign_out()  # a sign-in, a sign-out or a deletion tells every follower
    assert left.told == told
