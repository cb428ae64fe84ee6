"""A notebook a test writes for itself: a few cells, served next to the lessons, in its own tab.

Some browser tests need one control on its own (an answer control, the sign-in box) rather than
a whole lesson: they write a small notebook into a folder of the served copy of the lessons
(``workspace.copy_lessons``) and open it in one of the worker's tabs.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import nbformat

#: Every tab the browser tests open is this size (conftest's tabs too).
VIEWPORT = {"width": 1280, "height": 900}
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def sign_in_and_answer(lesson: str, exercise: str, folder) -> list[str]:
    """The cells of a notebook with ``lesson``'s sign-in (records kept in ``folder``) and the
    answer control of ``exercise``: what a learner answers with, on its own.

    >>> sign_in_and_answer("00_start_here", "youngest_tester", "/tmp/r")[1]
    "answer_control('youngest_tester')"
    """
    return [
        "from osmosis_lab.explorers import my_work\n"
        "from osmosis_lab.explorers.answers import answer_control\n\n"
        f"my_work.sign_in({lesson!r}, folder={str(folder)!r})",
        f"answer_control({exercise!r})",
    ]


def write_notebook(path: Path, cells: list[str]) -> Path:
    """Write ``cells`` (code, in order) as a notebook at ``path``, its folder made if need be.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = write_notebook(Path(folder) / "a" / "n.ipynb", ["1 + 1"])
    ...     [c.source for c in nbformat.read(path, as_version=4).cells]
    ['1 + 1']
    """
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(source) for source in cells]
    notebook.metadata["kernelspec"] = dict(KERNELSPEC)
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, path)
    return path


@contextlib.contextmanager
def scratch_tab(tabs, request, notebook: str, cells: list[str]):
    """One of the worker's ``tabs`` (browser conftest) on ``notebook`` (a path under the served
    lessons, e.g. ``"picks/picks.ipynb"``) holding ``cells``, after Run All; given back after
    the test or module of ``request``."""
    write_notebook(tabs.server.root / notebook, cells)
    with tabs.lend(request, notebook, run=True) as tab:
        yield tab
