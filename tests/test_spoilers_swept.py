"""No registered plot relation in any state a lesson's unmarked explorer can reach.

The solutions test reads what each explorer shows as the lesson runs, that is in its
*starting* state. Lesson 01 told learners to "switch the example to 12 beta testers and play to
the end", which printed "Lucas Apert and Léopold" and "Niels Larson and Claire" together, in a
cell no spoiler marker covered: the starting state had no pair, so nothing failed.

This test sweeps every explorer built in an unmarked code cell of a lesson (and of the class
poll and the teacher's class view), as the lesson builds it (``with_lesson_data``): every combination of its toggle buttons and checkboxes, then
from each combination every slider over its positions and every button pressed until the text
stops changing. The lesson's instructions lead only to states within that sweep. A cell tagged
``spoiler`` after a warning (``tests/spoilers.py``) is the marker; its explorers are not swept.
What an explorer shows is read block by block (``paragraphs_shown``), as a reader reads it.
"""

import importlib
import itertools
import re

import ipywidgets as widgets
import pytest

from conftest import LESSONS, read_notebook
from osmosis_lab.explorers import controls as sliders
from osmosis_lab.explorers.base import Explorer, descendants
from spoiler_states import between_two_people, paragraphs_shown, said_in_the_open, told
from spoilers import is_marked, register, spoilers_in

#: The notebooks swept: every numbered lesson, the class poll and the teacher's class view.
SWEPT = [*LESSONS, LESSONS[0].parent / "class_poll.ipynb"] + [
    LESSONS[0].parent / "teacher" / "class_view.ipynb"
]
#: module.Class( or Class( imported by name, or a class's own constructor (ClassView.in_notebook()
_BUILT = re.compile(r"\b(?:(\w+)\.)?([A-Z]\w*)(?:\.[a-z_]\w*)?\(")
_IMPORTED = re.compile(r"from osmosis_lab\.explorers\.(\w+) import (\([^)]*\)|[\w, ]+)")
_MOST_COMBINATIONS, _MOST_PRESSES = 64, 200
_SLIDERS = (sliders.IntSlider, sliders.FloatSlider, sliders.SelectionSlider)


def explorers_in(path) -> list[tuple[int, type]]:
    """(cell index, class) of every explorer an unmarked code cell of ``path`` builds.

    Lessons 01-02 build them as ``module.Class(``; lessons 03-05 and the class view import
    each class by name (``from osmosis_lab.explorers.privacy_survey import SurveyExplorer``).
    """
    cells = read_notebook(path).cells
    home = {  # a class imported by name -> the explorers module it comes from
        name: module
        for cell in cells
        if cell.cell_type == "code"
        for module, names in _IMPORTED.findall(cell.source)
        for name in re.findall(r"\w+", names)
    }
    found = []
    for index, cell in enumerate(cells):
        if cell.cell_type != "code" or is_marked(cell):
            continue
        for module, name in _BUILT.findall(cell.source):
            module = module or home.get(name)
            if module is None:  # a class from elsewhere (pd.DataFrame, Path)
                continue
            try:
                cls = getattr(importlib.import_module(f"osmosis_lab.explorers.{module}"), name)
            except (ImportError, AttributeError):
                continue
            if isinstance(cls, type) and issubclass(cls, Explorer):
                found.append((index, cls))
    return found


def shown(explorer: Explorer) -> list[str]:
    """Every text the explorer shows: widget values, labels, options, the chart's description."""
    texts = []
    for widget in descendants(explorer.view):
        for key in ("value", "description", "tooltip"):
            value = getattr(widget, key, None)
            if isinstance(value, str):
                texts.append(value)
        texts += [str(label) for label in getattr(widget, "_options_labels", ())]
        for output in getattr(widget, "outputs", ()):
            texts.append(str(output.get("data", {}).get("text/plain", "")))
    return [t for t in texts if t]


def sweep(explorer: Explorer):
    """Yield the explorer's texts in every state of the sweep described above."""
    choosers = [
        w for w in explorer.controls() if isinstance(w, sliders.ToggleButtons | widgets.Checkbox)
    ]
    counts = [len(w.options) if hasattr(w, "options") else 2 for w in choosers]
    combinations = list(
        itertools.islice(itertools.product(*map(range, counts)), _MOST_COMBINATIONS)
    )
    for combination in combinations:
        for widget, choice in zip(choosers, combination, strict=True):
            if isinstance(widget, widgets.Checkbox):
                widget.value = bool(choice)
            elif choice < len(widget.options):  # options may depend on another choice
                widget.index = choice
        yield shown(explorer)
        for slider in (w for w in explorer.controls() if isinstance(w, _SLIDERS)):
            for index in range(len(slider._positions)):
                slider.index = index
                yield shown(explorer)
        for button in (w for w in explorer.controls() if isinstance(w, widgets.Button)):
            before = None
            for _ in range(_MOST_PRESSES):
                button.click()
                now = shown(explorer)
                if now == before:
                    break
                before = now
                yield now


def texts_of(states):
    """Each text the states show, in the order first shown, once: a text's paragraphs and
    what they state do not depend on the state showing it (the design panel's 1,856 states
    show 76,096 texts, 710 of them different).

    >>> list(texts_of([["a", "b"], ["b", "c"], ["a"]]))
    ['a', 'b', 'c']
    """
    seen = set()
    for texts in states:
        for text in texts:
            if text not in seen:
                seen.add(text)
                yield text


CASES = [(p, i, cls) for p in SWEPT for i, cls in explorers_in(p)]


def test_the_lessons_unmarked_explorers_are_found():
    # a floor for the sweep below: the explorers outside marked cells, built either way
    names = {(p.stem, cls.__name__) for p, _, cls in CASES}
    assert {
        ("02_consent", "ConsentBoard"),  # it folds the series' couples (consent_board_words)
        ("02_consent", "TimelineExplorer"),
        ("02_consent", "ErasureExplorer"),
        ("02_consent", "FormExplorer"),
        ("03_privacy", "SurveyExplorer"),
        ("03_privacy", "GeneraliseExplorer"),
        ("04_trust", "CertaintyExplorer"),
        ("05_design_review", "DesignPanel"),
        ("05_design_review", "ReviewWriter"),
        ("class_view", "ClassView"),
    } <= names
    assert ("04_trust", "WhyThisMatchExplorer") not in names  # tagged spoiler, after a warning


@pytest.mark.slow
@pytest.mark.parametrize(
    ("path", "index", "cls"), CASES, ids=[f"{p.stem}-{i}-{c.__name__}" for p, i, c in CASES]
)
def test_no_state_of_an_unmarked_explorer_states_a_registered_relation(
    path, index, cls, tmp_path, monkeypatch
):
    # buttons such as "Save my review" write next to the notebook: here, an empty folder
    monkeypatch.chdir(tmp_path)
    relations, found = register(), {}
    pairs, states = between_two_people(relations), set()
    explorer = cls.with_lesson_data()
    # one sweep, read two ways: each text paragraph by paragraph, each state whole (lesson 02's
    # "Never signed up" timeline named Lucas in one step's paragraph, Léopold in the next)
    for text in texts_of(state_by_state(sweep(explorer), explorer, states)):
        for paragraph in paragraphs_shown(text):
            for relation, stated in spoilers_in(paragraph, relations):
                found.setdefault(relation, stated)  # the first state that shows it
    for state in states:
        for relation in pairs:
            if relation.stated_in(state):
                found.setdefault(relation.text + " (both named in one state)", state[:300])
    assert not found, (
        f"{path.name} cell {index}: {cls.__name__} can show, outside a spoiler marker: "
        + "".join(f"\n  {r!r}, first in {p!r}" for r, p in found.items())
    )


def state_by_state(states, explorer, seen: set):
    """Pass ``states`` through, adding what each says in the open, read whole, to ``seen``."""
    for texts in states:
        seen.add(said_in_the_open(told(explorer)))
        yield texts


def test_the_whole_state_reading_reads_across_paragraphs():
    # the old "Never signed up" step: each paragraph alone passes, the state does not
    step = (
        "<ul><li>Lucas's match is computed.</li><li>Léopold's social media is scraped (in our "
        "toy he never signed up): the app scores him as a candidate.</li></ul>"
    )
    relations = between_two_people(register())
    assert not any(r.stated_in(p) for p in paragraphs_shown(step) for r in relations)
    assert any(r.stated_in(said_in_the_open([step])) for r in relations)
    # a roster lists, it does not relate; a fold is the marker
    assert not any(
        r.stated_in(said_in_the_open(texts))
        for r in relations
        for texts in (
            ["<p>Left unmatched: Lucas Apert, Léopold.</p>"],
            ["<p>Lucas</p><details><summary>Spoiler (ep. 2): x</summary>Léopold</details>"],
        )
    )


@pytest.mark.parametrize("path", SWEPT, ids=[p.stem for p in SWEPT])
def test_every_marked_code_cell_follows_a_spoiler_warning(path):
    # the tag spares a cell from the sweep only because the learner was warned just before it
    cells = read_notebook(path).cells
    for index, cell in enumerate(cells):
        if cell.cell_type == "code" and is_marked(cell):
            before = index - 1
            while cells[before].cell_type == "code" and is_marked(cells[before]):
                before -= 1  # one warning covers a run of marked cells (an answer box and its cell)
            warning = cells[before].source.split("\n\n")[-1]
            assert re.match(r"\*\*Spoiler warning \(ep\. [^)]+\):\*\*", warning), (
                f"{path.name} cell {index} is tagged spoiler; the cell before it must end with a "
                f"'**Spoiler warning (ep. N):**' paragraph, not {warning[:80]!r}"
            )


@pytest.mark.slow
def test_the_sweep_reaches_the_end_of_a_step_through():
    # the sweep presses buttons until nothing changes: the state the old lesson 01 led to
    from osmosis_lab.explorers.matching_steps import StepThroughExplorer

    assert any(
        any("Final pairs" in t and "Léopold" in t for t in texts)
        for texts in sweep(StepThroughExplorer())
    )
