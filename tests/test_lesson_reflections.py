"""Every Discuss prompt in lessons 00-05 has a kept reflection box right after it (issue 14 item 2).

A Discuss prompt is a Markdown cell with ``### Discuss`` (or ``**Discuss``). The cell after it
must build ``my_work.reflection("<NN>_<name>", "<prompt>")``, the box whose text the record store
keeps and Export my work hands in; and the prompt must be the last thing in its cell, or the box
would land under the next section's heading. Old "double-click to write here" placeholders, which
keep nothing, are gone.
"""

import ast
import re
from pathlib import Path

import nbformat
import pytest

LESSONS = sorted((Path(__file__).resolve().parents[1] / "lessons").glob("0[0-5]_*.ipynb"))
DISCUSS = re.compile(r"^(### Discuss|\*\*Discuss)", re.M)
PLACEHOLDER = re.compile(r"\*\*Your reflection\*\*[^\n]*\n\s*\n> \.\.\.", re.S)


def reflection_call(source: str) -> tuple[str, str] | None:
    """(prompt id, prompt text) if the cell is exactly one ``my_work.reflection(id, text)`` call."""
    try:
        body = ast.parse(source).body
    except SyntaxError:
        return None
    if len(body) != 1 or not isinstance(body[0], ast.Expr):
        return None
    call = body[0].value
    if not (isinstance(call, ast.Call) and ast.unparse(call.func) == "my_work.reflection"):
        return None
    args = [a.value for a in call.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
    return tuple(args) if len(args) == 2 == len(call.args) else None


def boxes_missing(cells) -> list[str]:
    """A sentence for every Discuss prompt without its reflection box right after it."""
    missing = []
    for index, cell in enumerate(cells):
        if cell.cell_type != "markdown" or not DISCUSS.search(cell.source):
            continue
        after = cell.source[DISCUSS.search(cell.source).end() :]
        following = cells[index + 1] if index + 1 < len(cells) else None
        if re.search(r"^## ", after, re.M):
            missing.append(f"cell {index}: a section starts after its Discuss, in the same cell")
        elif following is None or following.cell_type != "code":
            missing.append(f"cell {index}: no reflection box after its Discuss")
        elif reflection_call(following.source) is None:
            missing.append(f"cell {index}: the cell after its Discuss is not my_work.reflection")
    return missing


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_every_discuss_has_a_reflection_box_right_after_it(path):
    cells = nbformat.read(path, as_version=4).cells
    assert any(DISCUSS.search(c.source) for c in cells if c.cell_type == "markdown")
    assert boxes_missing(cells) == []
    assert not [c for c in cells if PLACEHOLDER.search(c.source)], "a box that keeps nothing"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_each_box_is_named_for_its_lesson(path):
    cells = nbformat.read(path, as_version=4).cells
    for call in filter(None, (reflection_call(c.source) for c in cells if c.cell_type == "code")):
        prompt_id, text = call
        assert prompt_id.startswith(path.stem[:3]) and text.strip(), call


def test_prompt_ids_are_unique_across_the_module():
    found = [
        call[0]
        for path in LESSONS
        for cell in nbformat.read(path, as_version=4).cells
        if cell.cell_type == "code" and (call := reflection_call(cell.source))
    ]
    assert len(found) == len(set(found)) >= 12


def test_the_rule_can_fail():
    new = nbformat.v4
    discuss = new.new_markdown_cell("### Discuss\n\nWho pays?")
    box = new.new_code_cell('my_work.reflection("04_who_pays", "Who pays?")')
    assert boxes_missing([discuss, box]) == []
    assert boxes_missing([discuss]) and boxes_missing([discuss, new.new_code_cell("judge")])
    merged = new.new_markdown_cell("### Discuss\n\nWho pays?\n\n## Next (3 minutes)")
    assert boxes_missing([merged, box])
