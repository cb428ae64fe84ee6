"""The lesson lint: every lesson has the shape house-style.md describes.

It reads notebooks as JSON and runs nothing, so it is fast and its failures
name the lesson and the cell to fix.
"""

import ast
import re

import pytest

import reading_model
from conftest import LESSONS, ROOT, read_notebook
from spoilers import is_marked, register, spoilers_in

ALLOWED_TAGS = {"exercise", "solution", "raises-exception", "hide-input", "teacher", "spoiler"}
FRONT_MATTER = (
    "Learning objectives",
    "Prerequisites",
    "Time",
    "Data used",
    "Content note",
    "Spoiler note",
)
CLOSING_SECTIONS = ("## Summary", "## Fiction and reality", "## What's next")
MAX_CODE_LINES = 15
FORBIDDEN_CODE = (
    (re.compile(r"^\s*[%!]", re.M), "shell or line magics (%pip, !cmd) are not allowed"),
    (re.compile(r"\b(requests|urllib|httpx|socket)\b"), "lessons make no network calls"),
)

ids = [path.name for path in LESSONS]


def test_there_are_lessons():
    assert LESSONS, "no lessons/NN_*.ipynb found"


@pytest.mark.parametrize("path", LESSONS, ids=ids)
def test_first_cell_is_the_front_matter(path):
    first = read_notebook(path).cells[0]
    assert first.cell_type == "markdown", f"{path.name}: the first cell must be markdown"
    number = path.name[:2]
    assert first.source.startswith(f"# {number} · "), (
        f"{path.name}: the first line must be '# {number} · Title'"
    )
    for heading in FRONT_MATTER:
        assert f"**{heading}" in first.source, f"{path.name}: the front matter lacks '{heading}'"


@pytest.mark.parametrize("path", LESSONS, ids=ids)
def test_exactly_one_h1(path):
    h1 = [
        line
        for cell in read_notebook(path).cells
        if cell.cell_type == "markdown"
        for line in cell.source.splitlines()
        if line.startswith("# ")
    ]
    assert len(h1) == 1, f"{path.name}: expected one '# ' heading, found {h1}"


@pytest.mark.parametrize("path", LESSONS, ids=ids)
def test_stored_without_outputs(path):
    for index, cell in enumerate(read_notebook(path).cells):
        if cell.cell_type == "code":
            assert not cell.outputs, f"{path.name} cell {index}: stored outputs (strip them)"
            assert cell.execution_count is None, f"{path.name} cell {index}: execution count"


@pytest.mark.parametrize("path", LESSONS, ids=ids)
def test_tags_on_the_allow_list(path):
    for index, cell in enumerate(read_notebook(path).cells):
        unknown = set(cell.metadata.get("tags", [])) - ALLOWED_TAGS
        assert not unknown, f"{path.name} cell {index}: tags {unknown} not in {ALLOWED_TAGS}"


def counted_lines(source):
    """Lines of a code cell, an import statement counting as one however it is wrapped.

    The formatter (ruff format) puts each name of a long ``from x import (...)`` on its
    own line; that is layout, not logic, so it does not make a cell "long".

    >>> counted_lines("from a import (\\n    b,\\n    c,\\n)\\nprint(b)")
    2
    """
    wrapped = sum(
        node.end_lineno - node.lineno
        for node in ast.parse(source).body
        if isinstance(node, ast.Import | ast.ImportFrom)
    )
    return len(source.splitlines()) - wrapped


@pytest.mark.parametrize("path", LESSONS, ids=ids)
def test_code_cells_are_short_and_offline(path):
    for index, cell in enumerate(read_notebook(path).cells):
        if cell.cell_type != "code":
            continue
        lines = counted_lines(cell.source)
        assert lines <= MAX_CODE_LINES, (
            f"{path.name} cell {index}: {lines} lines; move helpers into osmosis_lab"
        )
        for pattern, why in FORBIDDEN_CODE:
            assert not pattern.search(cell.source), f"{path.name} cell {index}: {why}"


@pytest.mark.parametrize("path", LESSONS, ids=ids)
def test_one_setup_cell_with_a_seeded_rng(path):
    code = [c.source for c in read_notebook(path).cells if c.cell_type == "code"]
    setup = [source for source in code if "np.random.default_rng(" in source]
    assert len(setup) == 1, (
        f"{path.name}: one setup cell must create rng = np.random.default_rng(seed)"
    )
    assert "from osmosis_lab" in setup[0], f"{path.name}: the setup cell imports from osmosis_lab"
    unseeded = [s for s in code if re.search(r"np\.random\.(rand|randn|random|seed|choice)\(", s)]
    assert not unseeded, f"{path.name}: use the seeded `rng`, not the global numpy RNG"


@pytest.mark.parametrize("path", LESSONS, ids=ids)
def test_closes_with_summary_fiction_and_reality_whats_next(path):
    text = "\n".join(c.source for c in read_notebook(path).cells if c.cell_type == "markdown")
    positions = [text.find(section) for section in CLOSING_SECTIONS]
    assert all(p >= 0 for p in positions), f"{path.name}: needs sections {CLOSING_SECTIONS}"
    assert positions == sorted(positions), f"{path.name}: closing sections out of order"


def answer_checked_in_the_same_cell(source):
    """True when the cell assigns an answer and its last statement checks that same name.

    >>> answer_checked_in_the_same_cell("x = ...\\ncheck.count_the_testers(x)")
    True
    >>> answer_checked_in_the_same_cell("x = ...")
    False
    """
    body = ast.parse(source).body
    if len(body) < 2 or not isinstance(body[-1], ast.Expr):
        return False
    call = body[-1].value
    assigned = {
        t.id
        for node in body[:-1]
        if isinstance(node, ast.Assign)
        for t in node.targets
        if isinstance(t, ast.Name)
    }
    return (
        isinstance(call, ast.Call)
        and isinstance(call.func, ast.Attribute)
        and isinstance(call.func.value, ast.Name)
        and call.func.value.id == "check"
        and len(call.args) == 1
        and isinstance(call.args[0], ast.Name)
        and call.args[0].id in assigned
    )


@pytest.mark.parametrize("path", LESSONS, ids=ids)
def test_every_exercise_has_a_check_and_a_hidden_solution(path):
    cells = read_notebook(path).cells
    exercises = [i for i, c in enumerate(cells) if "exercise" in c.metadata.get("tags", [])]
    for i in exercises:
        following = cells[i + 1 : i + 4]
        # The check is the answer cell's last line, so a SyntaxError in the answer stops both:
        # a separate check cell would grade whatever value an earlier run left in memory.
        assert answer_checked_in_the_same_cell(cells[i].source), (
            f"{path.name} cell {i}: an exercise cell is `answer = ...` and, on its last line, "
            "`check.name(answer)`"
        )
        solution = next((c for c in following if "solution" in c.metadata.get("tags", [])), None)
        assert solution is not None, f"{path.name} cell {i}: no solution cell after the exercise"
        between = following[: following.index(solution)]
        assert not any(c.cell_type == "code" and "check." in c.source for c in between), (
            f"{path.name} cell {i}: the check call belongs in the exercise cell, not a cell after it"
        )
        assert "<details>" in solution.source and "```python" in solution.source, (
            f"{path.name} cell {i}: the solution is a collapsed <details> block with a python fence"
        )
        assert "= ..." in cells[i].source, (
            f"{path.name} cell {i}: exercises start as `answer = ...`"
        )


def test_every_lesson_is_listed_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in LESSONS:
        assert f"lessons/{path.name}" in readme, f"README.md does not list lessons/{path.name}"


@pytest.mark.parametrize("path", LESSONS, ids=ids)
def test_no_registered_plot_relation_outside_a_spoiler_marker(path):
    relations = register()
    found = [
        (index, relation, paragraph)
        for index, cell in enumerate(read_notebook(path).cells)
        if cell.cell_type == "markdown" and not is_marked(cell)
        for relation, paragraph in spoilers_in(cell.source, relations)
    ]
    assert not found, f"{path.name}: plot relations outside a spoiler marker " + "".join(
        f"\n  cell {i}: {relation!r} in {paragraph!r}" for i, relation, paragraph in found
    )


def test_the_spoiler_check_can_fail():
    relations = register()
    assert spoilers_in("Osmosis names Léopold as Lucas's soulmate.", relations)
    assert spoilers_in("**Content note.** people fall into a coma", relations)
    # lesson 02's old section 6, open: the register dates it from episode 3 to be safe
    assert spoilers_in(
        "Joséphine, Paul's wife and partner in the company, has her implant removed in the series.",
        relations,
    )
    assert not spoilers_in(
        "<details><summary>Spoiler (ep. 2): who Lucas is matched with</summary>\n\n"
        "Léopold and Lucas</details>",
        relations,
    )


@pytest.mark.parametrize("path", LESSONS, ids=ids)
def test_the_core_path_fits_a_period_and_its_minutes_add_up(path):
    core = [s for s in reading_model.sections(path) if not s.extension]
    stated = sum(s.stated for s in core)
    assert stated == reading_model.stated_time(path), (
        f"{path.name}: the core sections add up to {stated} minutes, the front matter says "
        f"{reading_model.stated_time(path)}"
    )
    assert stated <= reading_model.PERIOD_MINUTES, (
        f"{path.name}: the core path takes {stated} minutes; mark sections '· Extension' to fit "
        f"{reading_model.PERIOD_MINUTES}"
    )


@pytest.mark.parametrize("path", LESSONS, ids=ids)
def test_every_section_states_the_time_the_reading_model_gives(path):
    wrong = [
        f"{s.title}: {s.stated} stated, {s.estimate:.1f} modelled"
        for s in reading_model.sections(path)
        if not s.agrees()
    ]
    assert not wrong, f"{path.name} (run `python tests/reading_model.py`):\n  " + "\n  ".join(wrong)


@pytest.mark.parametrize("path", LESSONS, ids=ids)
def test_every_box_to_write_in_states_the_words_it_asks_for(path):
    # writing takes a 16-year-old longer than reading: a box the model does not see is a lesson
    # that says it is shorter than it is (lesson 05's review: stated 10 minutes, took 20)
    missing = reading_model.writing_cells_without_words(path)
    assert not missing, (
        f'{path.name}: give these cells metadata "osmosis": {{"writes": <words asked for>}}: '
        + "; ".join(missing)
    )


@pytest.mark.parametrize("path", LESSONS, ids=ids)
def test_the_words_a_section_asks_for_are_the_words_it_counts(path):
    short = [
        f"{s.title}: the prose asks for at least {s.asked} words, the cells state {s.written}"
        for s in reading_model.sections(path)
        if s.written < s.asked
    ]
    assert not short, f"{path.name}:\n  " + "\n  ".join(short)


@pytest.mark.parametrize("path", LESSONS, ids=ids)
def test_the_core_total_is_the_time_the_reading_model_gives(path):
    # every section can sit inside its own slack while the total a teacher plans by is not
    core = [s for s in reading_model.sections(path) if not s.extension]
    stated, modelled = sum(s.stated for s in core), sum(s.estimate for s in core)
    assert reading_model.core_agrees(reading_model.sections(path)), (
        f"{path.name}: the core states {stated} minutes, the reading model gives {modelled:.1f} "
        f"(more than {reading_model.CORE_TOLERANCE_MINUTES:g} apart); trim words or mark a "
        "section '· Extension' (run `python tests/reading_model.py`)"
    )


def notebook_markdown(path) -> str:
    cells = read_notebook(path).cells
    return "\n".join(cell.source for cell in cells if cell.cell_type == "markdown")


@pytest.mark.parametrize("path", LESSONS, ids=ids)
def test_the_readme_and_the_guide_state_the_lessons_time(path):
    minutes = reading_model.stated_time(path)
    for document in (ROOT / "README.md", ROOT / "lessons" / "teacher_guide.md"):
        rows = [
            line
            for line in document.read_text(encoding="utf-8").splitlines()
            if line.startswith("| [") and f"{path.name})" in line
        ]
        assert rows, f"{document.name} has no table row for {path.name}"
        assert all(f"| {minutes} min |" in row for row in rows), (
            f"{document.name} states another time for {path.name} than its {minutes} minutes"
        )
    # lesson 00's map of the module, which every learner reads first
    start_here = notebook_markdown(ROOT / "lessons" / "00_start_here.ipynb")
    rows = [line for line in start_here.splitlines() if line.startswith(f"| {path.name[:2]} · ")]
    assert rows, f"lesson 00's map has no row for {path.name}"
    assert all(f"| {minutes} min |" in row for row in rows), (
        f"lesson 00's map states another time for {path.name} than its {minutes} minutes: {rows}"
    )
