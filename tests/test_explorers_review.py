"""Lesson 05's explorers, headless: set every control, read what the learner would read.

Modules are imported (not the classes) so pytest does not try to collect them.
"""

import html
import re
from dataclasses import replace

import mistune
import pytest

from osmosis_lab.categories import CATEGORY_LABELS
from osmosis_lab.explorers import base, review_design, review_matrix, review_writer
from osmosis_lab.explorers.answers import answer_control
from osmosis_lab.review import AS_PLANNED, CAUTIOUS, ROLES, checklist, design_rows
from osmosis_lab.review.privacy_cost import FACT, WHO, cost_words, observer_prior, privacy_cost


@pytest.fixture(scope="module")
def shared_panel():
    return review_design.DesignPanel.with_lesson_data()


@pytest.fixture
def panel(shared_panel):
    shared_panel.set_design(AS_PLANNED)
    return shared_panel


def text_of(widget):
    return html.unescape(re.sub(r"<[^>]+>", " ", widget.value))


def row_of(panel, figure):
    """The 'your design' cell of a figure in the panel's text table."""
    match = re.search(
        re.escape(figure) + r".*?</th><td>.*?</td><td>(.*?)</td>", panel.summary.value
    )
    assert match, f"no row for {figure!r}"
    return html.unescape(re.sub(r"<[^>]+>", "", match.group(1)))


def test_the_panel_starts_on_the_plan(panel):
    assert panel.design == AS_PLANNED
    assert "Your design is the planned launch" in text_of(panel.said)  # the headline, said
    spec = base.chart_spec(panel.chart)
    assert spec["description"].startswith("Bar chart comparing your design")
    assert {v["design"] for v in spec["data"]["values"]} == {"as planned", "your design"}


SETTINGS = [
    ("proposers", "candidates", "proposers"),
    ("consent_form", "fair", "consent_form"),
    ("consent_form", "bundled", "consent_form"),
    ("minors", "excluded", "minors"),
    ("minors", "parent_and_assent", "minors"),
    ("search_non_users", False, "search_non_users"),
    ("privacy", "generalised", "privacy"),
    ("privacy", "dp", "privacy"),
    ("objective", "wellbeing", "objective"),
    ("human_contact", True, "human_contact"),
    ("fallback", True, "fallback"),
]


@pytest.mark.parametrize(("control", "value", "field"), SETTINGS)
def test_every_control_changes_the_design(panel, control, value, field):
    getattr(panel, control).value = value
    assert getattr(panel.design, field) == value
    assert getattr(panel.figures.design, field) == value


def test_the_sliders_and_checkboxes_reach_the_design(panel):
    panel.privacy.value = "generalised"
    panel.k.value = 8
    assert panel.design.k == 8 and panel.figures.privacy.k >= 8
    panel.privacy.value = "dp"
    panel.epsilon.value = 0.1
    assert panel.design.epsilon == 0.1
    assert "95% of draws within 30.0" in row_of(panel, "error of the published count")
    for category, box in panel.categories.items():
        box.value = False
        assert category not in panel.design.categories
    assert panel.figures.matching.pairs == ()


def test_changed_figures_are_bold_and_counted(panel):
    panel.privacy.value = "dp"
    headline = "differs from the plan in 1 choice (the export); 5 of the 19 figures change"
    assert headline in text_of(panel.said)
    assert row_of(panel, "people in the city re-identified by name") == "0 of 1024 (0%)"
    assert "<strong>0 of 1024 (0%)</strong>" in panel.summary.value
    values = base.chart_spec(panel.chart)["data"]["values"]
    mine = {v["figure"]: v["percent"] for v in values if v["design"] == "your design"}
    assert mine["people in the city re-identified by name"] == 0


COST = "worst case: how sure an observer can become that one resident lives with depression"


def test_every_epsilon_shows_its_computed_worst_case(panel):
    panel.privacy.value = "dp"
    prior = observer_prior(panel.scenario)
    for index in range(len(panel.epsilon.labels)):  # as the browser moves the slider
        panel.epsilon.index = index
        design = panel.design
        cost = privacy_cost(design, prior=prior)
        assert row_of(panel, COST) == cost_words(design, cost)
        assert cost.sentence(WHO, FACT) in text_of(panel.summary)
        values = base.chart_spec(panel.chart)["data"]["values"]
        mine = {v["figure"]: v["percent"] for v in values if v["design"] == "your design"}
        assert mine[COST + " (invented model)"] == pytest.approx(100 * cost.posterior)
    assert panel.design.epsilon == 10
    # e^10 per count is no "no cost": the worst case is shown, and it is near certainty
    assert "→ more than 99 in 100 (epsilon 50 = 5 counts × 10" in row_of(panel, COST)
    assert "invented model" in text_of(panel.summary)


def test_reading_subconscious_signals_shows_in_the_privacy_cost(panel):
    panel.privacy.value = "dp"
    panel.epsilon.value = 0.2
    reading = row_of(panel, COST)
    panel.categories["subconscious"].value = False
    assert row_of(panel, COST) != reading
    assert "epsilon 0.8 = 4 counts × 0.2" in row_of(panel, COST)
    assert "epsilon 1 = 5 counts × 0.2" in reading


@pytest.mark.usefixtures("no_explorer_followed", "nobody_signed_in")  # as a fresh kernel
def test_the_panel_holds_back_exercise_2s_answer_until_it_is_answered():
    """The panel is shown before Exercise 2 ("who gains when the candidates propose?"):
    what proposing changes appears only once that exercise's control holds an answer."""
    control = answer_control("review_proposing_side")
    panel = review_design.DesignPanel.with_lesson_data()
    before = text_of(panel.summary)
    assert "Who proposes changes" not in before and "one stable matching" not in before
    assert "Whether who proposes changes anything here is Exercise 2's question" in before
    control.choice.index = control.exercise.options.index("testers")  # even a wrong answer
    control.check_button.click()
    assert "Who proposes changes nothing here" in text_of(panel.summary)
    # the lesson's order: the exercise's control is built after the panel; it is followed too
    answer_control("review_proposing_side")  # unanswered, the newest again
    later = review_design.DesignPanel.with_lesson_data()
    after = answer_control("review_proposing_side")
    assert "Who proposes changes" not in text_of(later.summary)
    after.choice.index = 0
    after.check_button.click()
    assert "Who proposes changes nothing here" in text_of(later.summary)


def test_the_matching_notes_say_why_proposing_changes_nothing(panel):
    panel.proposing_gate.reveal("answered")
    panel.proposers.value = "candidates"
    summary = text_of(panel.summary)
    assert "in 1 choice (who proposes); 0 of the 19 figures change" in text_of(panel.said)
    assert "Who proposes changes nothing here" in summary
    assert "Matched without ever signing up, from the series: Léopold." in summary  # folded
    panel.search_non_users.value = False
    assert (
        "Not in the launch: Chloé Garnier, Zoé Lemoine and 1 person from the series (named in "
        "the spoiler box below)." in text_of(panel.summary)
    )


def test_scraping_off_means_nobody_is_found(panel):
    panel.categories["scraped"].value = False
    assert row_of(panel, "people used who never signed up") == "0"


def test_back_to_the_plan_resets_every_control(panel):
    panel.set_design(CAUTIOUS)
    assert panel.design == CAUTIOUS
    panel.reset.click()
    assert panel.design == AS_PLANNED
    assert "Your design is the planned launch" in text_of(panel.said)  # the headline, said


def test_the_same_choice_gives_the_same_figures(panel):
    first = panel.figures
    panel.privacy.value = "dp"
    panel.privacy.value = "raw"
    assert panel.figures == first


# -- the stakeholder matrix ----------------------------------------------------------------------


@pytest.mark.usefixtures("no_explorer_followed", "nobody_signed_in")  # as a fresh kernel
def test_the_matrix_fills_from_its_controls():
    explorer = review_matrix.StakeholderExplorer.with_lesson_data()
    assert "0 of 8 roles filled in" in text_of(explorer.said)  # the headline, said
    # no empty chart before anything is chosen: a sentence says what will appear
    assert base.chart_spec(explorer.chart) == {}
    assert "appears when you choose" in explorer.chart.outputs[0]["data"]["text/plain"]
    explorer.values["tester"].value = "wellbeing"
    explorer.values["found"].value = "consent"
    explorer.values["minor"].value = "consent"
    explorer.notes["found"].value = "Léopold was never asked <ever>"
    matrix = explorer.matrix()
    assert matrix.loc["Found, never signed up", "note"] == "Léopold was never asked <ever>"
    summary = text_of(explorer.summary)
    assert "3 of 8 roles filled in" in text_of(explorer.said)
    assert "Léopold was never asked <ever>" in summary
    spec = base.chart_spec(explorer.chart)
    counts = {v["value"]: v["roles"] for v in spec["data"]["values"]}
    assert counts["consent"] == 2 and counts["wellbeing"] == 1 and counts["profit"] == 0
    assert "consent 2, wellbeing 1" in spec["description"]


def test_every_role_has_a_labelled_value_row_and_note():
    explorer = review_matrix.StakeholderExplorer()
    assert set(explorer.values) == set(explorer.notes) == set(ROLES)
    labels = [control.description for control in explorer.controls()]
    assert len(set(labels)) == len(labels) == 2 * len(ROLES)  # every name is unique


# -- the review writer (more in tests/test_records_*.py) ------------------------------------------


@pytest.fixture
def writer(tmp_path):
    writer = review_writer.ReviewWriter.with_lesson_data(folder=tmp_path)
    writer.name.value = "Zoé"
    writer.open.click()
    return writer


def test_saving_writes_the_review_next_to_the_notebook(writer, tmp_path):
    writer.panel.consent_form.value = "fair"
    writer.panel.fallback.value = True
    writer.stakeholders.values["regulator"].value = "privacy"
    writer.stakeholders.notes["regulator"].value = "Asks for the DPIA | before launch"
    writer.text.value = "Launch only with the **fair form**.\n\nBillie must be on call."
    assert "not saved yet" in text_of(writer.summary)
    writer.save.click()

    path = tmp_path / "my_design_review_zoe-33b40fa2.md"
    assert path.is_file() and writer.saved_to == path == writer.review_path
    assert str(path) in text_of(writer.status) and "nothing was sent" in text_of(writer.status)
    saved = path.read_text(encoding="utf-8")
    assert saved == writer.markdown()
    for _, decision in design_rows(writer.panel.design):
        assert decision in saved
    assert "Fair form: unticked boxes, one per purpose" in saved
    assert "Asks for the DPIA \\| before launch" in saved
    assert "Billie must be on call." in saved
    for item in checklist(writer.panel.design, writer.panel.figures):
        assert f"- {item.line()}" in saved
    rendered = mistune.create_markdown(plugins=["table", "task_lists"])(saved)
    assert rendered.count("<table>") == 3 and "<strong>fair form</strong>" in rendered
    assert ", saved." in text_of(writer.summary)


def test_the_preview_follows_the_panel_and_the_matrix(writer):
    writer.panel.privacy.value = "dp"
    assert "Only noisy counts (differential privacy)" in text_of(writer.preview)
    writer.stakeholders.values["investor"].value = "profit"
    assert "| An investor | wants the launch, and a return | profit |" in text_of(writer.preview)
    writer.text.value = "one two three"
    assert "3 words" in text_of(writer.summary)


def test_a_folder_that_cannot_be_written_is_reported(tmp_path):
    writer = review_writer.ReviewWriter.with_lesson_data(folder=tmp_path / "missing")
    writer.name.value = "Zoé"
    writer.open.click()
    writer.text.value = "My review."
    writer.save.click()
    assert "Not saved" in text_of(writer.status) and "folder does not exist" in text_of(
        writer.status
    )
    assert writer.saved_to is None and "Saved" not in text_of(writer.status)


def test_save_review_returns_the_absolute_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = review_writer.save_review("review.md", "# Hi\n")
    assert path == tmp_path / "review.md" and path.read_text(encoding="utf-8") == "# Hi\n"


def test_the_controls_are_labelled_for_the_keyboard(panel):
    names = [c.description for c in panel.controls()]
    assert len(set(names)) == len(names)
    assert {f"Read {label.lower()}" for label in CATEGORY_LABELS.values()} <= set(names)


def test_each_reason_box_shows_whether_the_file_ticks_its_item_live(writer):
    """A learner wrote a reason for "protection by default" under an item the file marked as
    missing: beside each box, the file's own mark for it, following the design on screen."""
    from osmosis_lab.review import ITEM_TITLES

    def marks_in_file():
        lines = [line for line in writer.markdown().splitlines() if line.startswith("- [")]
        return [line[3] == "x" for line in lines[-len(ITEM_TITLES) :]]

    def marks_beside_boxes():
        shown = writer.reasons.met_words()
        for key in ITEM_TITLES:  # in words, and shown in the view beside the box
            assert shown[key] in ("[x] met by your design", "[ ] not met by your design"), key
            row = next(r for r in writer.reasons.view.children if writer.reasons.boxes[key] in
                       getattr(r, "children", ()))  # fmt: skip
            assert shown[key] in text_of(row.children[1])
        return [shown[key].startswith("[x]") for key in ITEM_TITLES]

    assert marks_beside_boxes() == marks_in_file()
    assert not marks_beside_boxes()[-1], "the plan does not protect by default"
    writer.panel.set_design(replace(CAUTIOUS, epsilon=0.2))
    assert marks_beside_boxes() == marks_in_file()
    assert marks_beside_boxes()[-1], "this design protects by default"
    writer.panel.set_design(AS_PLANNED)
    assert marks_beside_boxes() == marks_in_file()


def test_why_an_item_is_not_met_is_shown_under_its_box_not_in_a_tooltip():
    # w40 chose noisy counts and saw "[ ] not met by your design" beside the export's box, with
    # the reason only in a tooltip: the file's own line for the item is now read under the box
    from osmosis_lab.explorers.review_reasons import ChecklistReasons
    from osmosis_lab.review import AS_PLANNED, checklist

    reasons = ChecklistReasons()
    items = checklist(AS_PLANNED)
    reasons.show_met(items)
    for (key, shown), item in zip(reasons.met.items(), items, strict=True):
        visible = text_of(shown)
        assert visible.strip().startswith(reasons.met_words()[key]), key
        assert item.text in visible and "title=" not in shown.value, key
