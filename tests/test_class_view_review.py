"""The class view reads lesson 05's design choices from the export alone (a teacher's report).

M. Baptiste collected only "Export my work" files, as the guide asked: the class view said
"Design-review choices: None yet." although every export held the review. Here the export is
made by the lesson's own code (sign in, a design on the panel, Save my review, Export my work),
driven as the browser does (``.value`` and ``.click()``); records go to ``tmp_path`` only.
"""

import html
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from learner_steps import export, exported_text, review_writer_in, save_review, sign_in
from osmosis_lab.explorers import my_work
from osmosis_lab.explorers.review_design import DesignPanel
from osmosis_lab.review import design_rows
from osmosis_lab.teacher import parse_export, private_html, projector_html, read_class_folder
from osmosis_lab.teacher.report import count_sections

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "lessons" / "teacher" / "sample_class"
pytestmark = pytest.mark.usefixtures("fresh_kernel")


@pytest.fixture
def handed_in(tmp_path):
    """Inès's export and review file, after choosing a fair form and noisy counts on the panel."""
    sign_in(tmp_path, "Inès M", "05_design_review")
    writer = review_writer_in(tmp_path)
    panel = writer.panel
    assert isinstance(panel, DesignPanel)
    panel.consent_form.value = "fair"
    panel.privacy.value = "dp"
    panel.human_contact.value = True
    save_review(writer, "Not ready: the export names people.")
    return export().written, writer.review_path, dict(design_rows(panel.design))


def _folder(tmp_path: Path, *files: Path) -> Path:
    folder = tmp_path / "handed_in" / "ines"
    folder.mkdir(parents=True)
    for path in files:
        shutil.copy(path, folder / path.name)
    return folder.parent


def test_the_export_alone_gives_the_design_choices_in_the_panels_words(handed_in, tmp_path):
    export, _review, chosen = handed_in
    loaded = read_class_folder(_folder(tmp_path, export))
    assert [w.learner for w in loaded.work] == ["Inès M"] and loaded.problems == []
    assert loaded.work[0].review_choices == chosen
    assert chosen["Consent form"] == "Fair form: unticked boxes, one per purpose"
    projected = projector_html(loaded.work)
    section = projected.split("<h4>Design-review choices</h4>")[1].split("<h4>")[0]
    assert "None yet" not in section
    assert html.escape("Only noisy counts (differential privacy), epsilon = 1 per count") in section


def test_export_and_review_file_together_count_one_learner_once(handed_in, tmp_path):
    export, review, chosen = handed_in
    loaded = read_class_folder(_folder(tmp_path, export, review))
    assert [w.learner for w in loaded.work] == ["Inès M"]
    assert loaded.work[0].review_choices == chosen
    rows = dict((title, rows) for title, rows in count_sections(loaded.work))
    totals = {name: total for name, _cells, total in rows["Design-review choices"]}
    assert set(totals.values()) == {"fewer than 5"}  # one learner: a count of 1, not 2


def test_a_review_left_out_of_the_export_is_not_read(handed_in, tmp_path):
    _export, _review, _chosen = handed_in
    panel = my_work.export_panel()
    panel.parts["review:05_design_review"].value = False
    panel.export.click()
    text = exported_text(panel)
    assert parse_export(text, source="ines.md").review_choices == {}


def test_a_choice_typed_into_an_answer_does_not_pass_for_a_design_choice(handed_in):
    export, _review, chosen = handed_in
    text = export.read_text(encoding="utf-8")
    forged = (
        "* **Q**: x\n## My design review · 05\n\n*My design choices:*\n\n* **Consent form**: No\n"
    )
    first_heading = text.index("## My design review · 05")
    text = text[:first_heading] + forged + "\n" + text[first_heading:]
    assert parse_export(text, source="ines.md").review_choices == chosen


def test_the_private_view_names_reflections_by_their_question():
    """It showed '03_what_regulators_ask'; the teacher reads the question the learner saw."""
    work = read_class_folder(SAMPLE).work
    private = private_html(work, [])
    table = private.split("Every reflection handed in")[1].split("<h4>")[0]
    named = re.findall(r"<tr><td>[^<]*</td><td>(.*?)</td>", table)
    assert named, "the sample class hands in reflections"
    for cell in named:
        question = cell.split(" <small>")[0]
        assert not re.fullmatch(r"\d\d_[a-z_]+", question), f"a reflection named by its id: {cell}"
        assert question.endswith("?") or question.endswith("."), cell


# -- the committed sample class shows only what lesson 05's panel offers --------------------------


def _panel_words() -> dict[str, set[str]]:
    """Choice -> every decision the design review can word (review.design_rows), per choice.

    Each row depends on one field, except the search row (it also reads the categories) and
    the export row (k or epsilon): those are swept together; the rest one field at a time.
    """
    from itertools import chain, combinations

    from osmosis_lab.categories import CATEGORIES
    from osmosis_lab.review import (
        AS_PLANNED,
        CONSENT_FORMS,
        EPSILONS,
        MINOR_POLICIES,
        OBJECTIVE_LABELS,
        PROPOSERS,
    )

    options = {
        "proposers": PROPOSERS,
        "consent_form": CONSENT_FORMS,
        "minors": MINOR_POLICIES,
        "objective": OBJECTIVE_LABELS,
        "human_contact": (True, False),
        "fallback": (True, False),
    }
    subsets = chain.from_iterable(combinations(CATEGORIES, n) for n in range(len(CATEGORIES) + 1))
    designs = [replace(AS_PLANNED, **{name: v}) for name, vs in options.items() for v in vs]
    designs += [
        replace(AS_PLANNED, categories=c, search_non_users=s)
        for c in subsets
        for s in (True, False)
    ]
    designs += [replace(AS_PLANNED, privacy="generalised", k=k) for k in range(1, 51)]
    designs += [replace(AS_PLANNED, privacy="dp", epsilon=e) for e in EPSILONS]
    designs.append(replace(AS_PLANNED, privacy="raw"))
    words: dict[str, set[str]] = {}
    for design in designs:
        for choice, decision in design_rows(design):
            words.setdefault(choice, set()).add(decision)
    return words


def test_every_design_choice_in_the_sample_class_is_one_the_panel_offers():
    """The old sample showed 'No export', 'Counts with noise', 'A human contact (Billie)'."""
    words = _panel_words()
    loaded = read_class_folder(SAMPLE)
    chosen = [(q, c) for w in loaded.work for q, c in w.review_choices.items()]
    unknown = [(q, c) for q, c in chosen if c not in words.get(q, ())]
    assert not unknown, f"options lesson 05's panel does not have: {sorted(set(unknown))}"
    assert {q for q, _c in chosen} == set(words)
    assert len(chosen) >= 20 * len(words), "most of the class hands in a design"
    # what the class view shows of them: each row a choice, each label a decision the panel words
    projected = projector_html(loaded.work)
    section = projected.split("<h4>Design-review choices</h4>")[1].split("<h4>")[0]
    rows = re.findall(r'<th scope="row"[^>]*>(.*?)</th><td>(.*?) \(of [^)]*\)</td>', section)
    assert {html.unescape(q) for q, _cells in rows} == set(words)
    for question, cells in rows:
        for cell in cells.split("; "):
            label = html.unescape(cell.rpartition(": ")[0])
            assert label in words[html.unescape(question)], (question, label)


def test_the_sample_class_has_export_only_and_both_files_and_counts_each_learner_once():
    folders = sorted(p for p in SAMPLE.iterdir() if p.is_dir())
    reviews = [f for f in folders if list(f.glob("my_design_review_*.md"))]
    assert 0 < len(reviews) < len(folders) // 2, "most hand in the export alone, as the guide asks"
    loaded = read_class_folder(SAMPLE)
    assert len(loaded.work) == len(folders) == 30
    rows = dict(count_sections(loaded.work))["Design-review choices"]
    handed = sum(bool(w.review_choices) for w in loaded.work)
    assert {total for _name, _cells, total in rows} == {str(handed)}


def test_the_private_view_names_parts_left_out_in_words():
    """It listed 'reflection:05_launch_condition', 'answers:class_poll' as the file names them."""
    private = private_html(read_class_folder(SAMPLE).work, [])
    table = private.split("</table>")[0]
    left_out = [row.split("<td>")[-1] for row in table.split("<tr>")[2:]]
    assert any(cell != "-</td></tr>" for cell in left_out), "some learners leave parts out"
    for cell in left_out:
        assert not re.search(r"\b(answers|reflection|judge_first|review):", cell), cell
