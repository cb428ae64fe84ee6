"""Lesson 02 as a 16-year-old with no Python met it in a browser (issue 16's first try).

Each test names what the learner hit: a right answer in words refused, spoilers in an
explorer's text, raw program output, a form called fair that records unread "consents",
a hint pointing at something the printout never showed, an answer printed before the
exercise asked for a prediction.
"""

import contextlib
import io
import re
from pathlib import Path

import nbformat
import pytest

from osmosis_lab.check import lesson02
from osmosis_lab.consent import may_use
from osmosis_lab.consent.forms import FORMS
from osmosis_lab.consent.scenarios import SCENARIOS
from osmosis_lab.consent.timeline import replay
from osmosis_lab.data import load_people, load_population
from osmosis_lab.explorers.answers import answer_control
from osmosis_lab.explorers.base import descendants
from osmosis_lab.explorers.consent_board import ConsentBoard
from osmosis_lab.explorers.consent_forms import FormExplorer, assumptions
from osmosis_lab.explorers.form_words import words
from spoilers import is_marked, register, spoilers_in

LESSON = nbformat.read(Path(__file__).parents[1] / "lessons" / "02_consent.ipynb", as_version=4)
CELLS = LESSON.cells


def _code_cell(start: str) -> int:
    return next(i for i, c in enumerate(CELLS) if c.source.startswith(start))


def _exercise_cells(name: str) -> list[int]:
    return [i for i, c in enumerate(CELLS) if c.metadata.get("osmosis", {}).get("exercise") == name]


# --- 1. a clear verdict, then any reason ---------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "No, because she agreed only to matching",
        "No. She said yes only for matching.",
        "it can't, she never agreed to research",
        "no, she only said yes to matching not research",
        "No, she agreed to matching.",
    ],
)
def test_the_learners_own_sentences_are_correct(typed):
    assert lesson02.consent_is_specific(typed).status == "correct"


def test_yes_with_a_reason_gets_the_blank_cheque_hint():
    verdict = lesson02.consent_is_specific("yes, she agreed already")
    assert verdict.status == "hint" and "not a blank cheque" in str(verdict)


@pytest.mark.parametrize(
    "typed",
    ["no, she agreed to research", "No, it is allowed", "no, she agreed to matching and research"],
)
def test_a_reason_that_contradicts_the_no_gets_its_own_hint(typed):
    verdict = lesson02.consent_is_specific(typed)
    assert verdict.status == "hint" and "your reason says the opposite" in str(verdict)


@pytest.mark.parametrize("typed", ["no, she never consented at all", "No she did not consent"])
def test_no_because_she_never_consented_is_still_the_never_consented_idea(typed):
    verdict = lesson02.consent_is_specific(typed)
    assert verdict.status == "hint" and "Ana did consent, on day 0" in str(verdict)


# --- 2. spoilers in the board's text ---------------------------------------------------------------


def _board_spoilers() -> set[str]:
    board = ConsentBoard(load_people(), load_population(), tester="T05")
    relations, found = register(), set()
    for index in range(len(board.tester.options)):
        board.tester.index = index
        for widget in descendants(board.view):
            value = getattr(widget, "value", None)
            if isinstance(value, str):
                found |= {relation for relation, _ in spoilers_in(value, relations)}
    return found


def test_the_board_folds_registered_pairs_so_its_cell_is_unmarked_and_swept():
    # the board once named the series' couples in the open, behind a spoiler warning; it now
    # folds them (tests/test_sentences_consent_board_spoilers.py), so the cell is swept
    # like any other (tests/test_spoilers_swept.py) and the text before it says where they are
    assert not _board_spoilers(), "the board names a pair in the open: fold it"
    index = _code_cell("board = consent_board.ConsentBoard(")
    assert not is_marked(CELLS[index])
    note = CELLS[index - 1].source.split("\n\n")[-1]
    assert "*Spoiler (ep. 3)*" in note and "board" in note


# --- 3. readable output instead of program output --------------------------------------------------


def test_the_forms_assumptions_are_a_readable_table_not_a_repr():
    assert not any(c.source.strip() == "Behaviour()" for c in CELLS)
    assert any(c.source.strip() == "consent_forms.assumptions()" for c in CELLS)
    table = assumptions()
    assert table.loc["Read a form before answering", "Share of people"] == "30 %"
    assert all(len(row) <= 50 for row in table.index)  # pandas would cut longer ones short


def test_exercise_7s_buttons_show_the_explorers_names_and_the_check_gets_the_key():
    control = answer_control("most_consenting_trick")
    shown = [label for label, _ in control.choice.options]
    assert shown == [FormExplorer().design.options[i][0] for i in range(len(FORMS))]
    assert "Pre-ticked" in shown and "pre_ticked" not in shown
    control.choice.index = shown.index("Bundled")
    control.check_button.click()
    assert control.status == "correct"
    control.choice.index = shown.index("Pre-ticked")
    control.check_button.click()
    assert control.status == "hint" and "readers untick them" in control.verdict.value


# --- 4. the fair form's sentences are true at every reading rate -----------------------------------


def _lines(explorer) -> list[str]:
    return re.sub(r"<[^>]+>", "\n", explorer.summary.value).split("\n")


@pytest.mark.parametrize("design", list(FORMS))
def test_every_form_sentence_is_true_at_every_reading_rate(design):
    explorer = FormExplorer()
    explorer.design.index = list(FORMS).index(design)
    steps = len(range(explorer.reads.min, explorer.reads.max + 1, explorer.reads.step))
    for index in range(steps):
        explorer.reads.value = explorer.reads.min + index * explorer.reads.step
        table, lines = explorer.table(), _lines(explorer)
        for _purpose, row in table.iterrows():
            line = next(
                x for x in lines if re.match(rf"\w[^:]*: {int(row['consents'])} recorded yes", x)
            )
            parts = {how: int(n) for n, how in re.findall(r"(\d+) ([a-z ]+?)(?=,|\))", line)}
            assert sum(parts.values()) == row["consents"], line
            assert "consents" not in line, f"an unread or tricked yes called consent: {line}"
        unread = table["unread"].sum() > 0
        assert any(x.startswith(f"{words('unread').capitalize()}: ") for x in lines) is bool(unread)
        if design == "fair":  # on the fair form only the service people came for is ticked unread
            assert table.loc[table.index != "matching", "unread"].sum() == 0


# --- 5 and 6. hints point at what the learner sees; the answer comes after the prediction ----------


def test_the_minor_hint_points_at_lines_the_printout_shows():
    index = _code_cell('niels = replay(SCENARIOS["niels"]())')
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(CELLS[index].source, {"replay": replay, "SCENARIOS": SCENARIOS, "may_use": may_use})  # noqa: S102
    printed = out.getvalue()
    assert re.search(r"^day 0: .*mother.*research", printed, re.M)
    assert "day 4: research with subconscious: not enough consent" in printed
    hint = next(
        m.hint
        for m in lesson02.who_consents_for_niels.misconceptions
        if m.example == {"his mother"}
    )
    assert (
        "day 0" in hint
        and "day 4" in hint
        and "'not enough consent'" in hint
        and "flagged" not in hint
    )


def test_exercise_1s_answer_is_revealed_only_after_the_exercise():
    reveal = [
        i for i, c in enumerate(CELLS) if c.cell_type == "code" and '"research", day=3' in c.source
    ]
    assert reveal and min(reveal) > max(_exercise_cells("consent_is_specific"))
    before = [c.source for c in CELLS[: min(_exercise_cells("consent_is_specific"))]]
    assert not any('"research"' in s and "may_use" in s for s in before)
