"""Issue 13: what lessons 03-05 print reads as words and tables, not as Python.

Each test builds the lesson's own data (same seed, same calls as the lesson cell), passes it
through the helper the cell uses, and asserts two things a learner would see: every value the
engine computed is there unchanged, and nothing looks like Python (brackets, quotes around
names, ``True``/``False``, column names with underscores).
"""

import re

import numpy as np
import pytest

from osmosis_lab import data, trust
from osmosis_lab.explorers import review_notes
from osmosis_lab.explorers.plain_words import (
    narrowing_words,
    outcome_words,
    reliability_words,
    yes_no_table,
)
from osmosis_lab.privacy import beta_export, known_to_attacker, linkage_attack, narrowing
from osmosis_lab.review import (
    AS_PLANNED,
    compare_changes,
    consequences,
    readable_columns,
    review_scenario,
)

#: What a learner with no Python would read as code in a printed line.
PYTHON = re.compile(r"[\[\]{}()']|\bTrue\b|\bFalse\b|\b[a-z]+_[a-z_]+\b")


def looks_like_python(text: str) -> bool:
    return PYTHON.search(text.replace("(unique)", "").replace("(6+)", "")) is not None


@pytest.fixture(scope="module")
def lesson03():
    rng = np.random.default_rng(2019)  # the lesson's seed and order of draws
    people, population, public = (
        data.load_people(), data.load_population(), data.load_public_profiles()
    )  # fmt: skip
    released, _key = beta_export(people, population, rng=rng)
    known = known_to_attacker(people, public)
    return released, known


def test_the_narrowing_reveal_is_one_line_per_fact_with_the_engines_counts(lesson03):
    released, known = lesson03
    lucas = known.loc["Lucas Apert", ["age", "arrondissement", "occupation", "gender"]].to_dict()
    steps = narrowing(released, lucas)
    lines = narrowing_words(steps, person="his").splitlines()
    assert len(lines) == len(steps) == 4
    assert lines[0] == f"Knowing his age: {steps[0][1]} people fit."
    assert lines[1] == "Knowing his age and arrondissement: 1 person fits."
    for line, (fact, count) in zip(lines, steps, strict=True):
        assert fact in line and f": {count} " in line
        assert not looks_like_python(line), line


def test_the_linkage_counts_are_printed_in_words(lesson03):
    released, known = lesson03
    testers = known.index[known["group"] == "tester"]
    counts = linkage_attack(released, known, quasi_identifiers=["age", "arrondissement"]).counts(
        among=testers
    )
    text = outcome_words(counts, "testers")
    assert text.splitlines()[0] == f"Of the {len(testers)} testers:"
    assert f"{counts['unique']} re-identified (unique)" in text
    assert f"{counts['small group']} narrowed to 2-5 people" in text
    assert not looks_like_python(text), text


def test_the_reliability_table_has_readable_columns_and_the_engines_values():
    pairs, population = data.load_pairs(), data.load_population()
    stated = trust.app_certainty(trust.pair_scores(pairs, population))
    table = trust.reliability_table(stated, pairs["wellbeing_after_1y"])
    shown = reliability_words(table)
    columns = list(shown.data.columns)
    assert "came true" in columns and "the app said (average)" in columns
    assert not any("_" in c for c in columns), columns
    assert list(shown.data["matches"]) == list(table["count"])
    assert shown.data["the app's certainty"].iloc[-1] == "90% to 100%"
    html = shown.to_html()
    assert "observed_rate" not in html and "mean_predicted" not in html


def whole_percent(cell: str) -> int:
    assert re.fullmatch(r"\d{1,3}%", cell), cell
    return int(cell[:-1])


def signed_points(cell: str) -> float:
    found = re.fullmatch(r"([+−]?)(\d+(?:\.\d)?) points", cell)
    assert found, cell
    return -float(found[2]) if found[1] == "−" else float(found[2])


def test_lesson04s_reliability_table_reads_in_percentages_and_points():
    """A teacher read "0.03 / 0.28 / −0.25" under bands labelled in %: the shares read as
    percentages, the gap in percentage points, and the gap a learner reads is the difference of
    the two percentages they read (within a point of the engine's gap)."""
    pairs, population = data.load_pairs(), data.load_population()
    stated = trust.app_certainty(trust.pair_scores(pairs, population))
    table = trust.reliability_table(stated, pairs["wellbeing_after_1y"])
    shown = reliability_words(table).data
    text = " ".join(re.sub(r"<[^>]+>", " ", reliability_words(table).to_html()).split())
    assert not re.search(r"(?<![\d.])0\.\d", text), "a share as a decimal"
    for (_, row), (_, engine) in zip(shown.iterrows(), table.iterrows(), strict=True):
        said = whole_percent(row["the app said (average)"])
        came = whole_percent(row["came true"])
        assert said == round(engine["mean_predicted"] * 100)
        assert came == round(engine["observed_rate"] * 100)
        gap = signed_points(row["gap (said minus came true)"])
        assert gap == said - came
        assert abs(gap - engine["gap"] * 100) <= 1
    first = shown.iloc[0]  # the band the teacher read: 3 % said, 28 % came true
    assert (first["the app said (average)"], first["came true"]) == ("3%", "28%")
    assert first["gap (said minus came true)"] == "−25 points"


def test_sofias_lists_read_as_a_table_of_cases():
    lists = {"Sofia accepted": [1, 1, 0], "it worked out": [0, 1, 0]}
    table = yes_no_table(lists)
    assert list(table["case"]) == [1, 2, 3]
    assert list(table["Sofia accepted"]) == ["yes", "yes", "no"]
    assert list(table["it worked out"]) == ["no", "yes", "no"]


@pytest.fixture(scope="module")
def scenario():
    return review_scenario(
        data.load_people(), data.load_population(), data.load_public_profiles(), data.load_pairs()
    )


def test_lesson05_tables_have_readable_column_names(scenario):
    changes = compare_changes(AS_PLANNED, scenario, rng=np.random.default_rng(2019))
    keys = ["reidentified", "health_learned", "count_error", "privacy_cost"]
    keys += ["couples_doing_well", "neural_held", "delay_weeks", "staff", "cash_left"]
    shown = readable_columns(changes[keys].reset_index())
    html = shown.style.hide(axis="index").to_html()
    for key in ["change", *keys]:
        assert f">{key}<" not in html, key
    assert not any("_" in c for c in shown.columns), list(shown.columns)
    assert list(shown.iloc[:, 1]) == list(changes["reidentified"])  # values unchanged


def test_the_privacy_cost_is_in_words_and_the_module_name_on_its_own_line(scenario):
    figures = consequences(AS_PLANNED, scenario, rng=np.random.default_rng(0))
    words, for_coders = review_notes.privacy_notes(figures)
    assert "osmosis_lab" not in words
    assert words.startswith("Privacy cost (an invented model")
    assert (
        for_coders
        == "For those who code: the model is explained in osmosis_lab.review.privacy_cost."
    )


def test_lesson04s_ece_by_hand_data_is_shown_as_a_table_in_words():
    """The cell under Exercise 2 shows the forecasts as a small table, not as Python lists: the
    numbers the exercise states (90 %: 10 matches, 6 worked out; 30 %: 10, 4), and no brackets."""
    import ast
    import json
    from pathlib import Path

    lesson = Path(__file__).resolve().parents[1] / "lessons" / "04_trust.ipynb"
    cells = ["".join(c["source"]) for c in json.loads(lesson.read_text())["cells"]]
    setup = next(c for c in cells if "plain_words import" in c)
    data_cell = next(c for c in cells if c.startswith("predicted = "))
    namespace: dict = {}
    exec(setup, namespace)  # the lesson's own imports and data
    body = ast.parse(data_cell).body
    assert isinstance(body[-1], ast.Expr), "the cell shows nothing: the learner reads the lists"
    exec(compile(ast.Module(body[:-1], []), "cell", "exec"), namespace)
    shown = eval(compile(ast.Expression(body[-1].value), "cell", "eval"), namespace)
    html = shown.to_html() if hasattr(shown, "to_html") else shown._repr_html_()
    table = shown.data if hasattr(shown, "data") else shown
    assert table.to_dict("list") == {
        "the app said": ["90 %", "30 %"],
        "matches": [10, 10],
        "worked out": [6, 4],
        "did not": [4, 6],
    }
    text = re.sub(r"<[^>]+>", " ", html.split("</style>")[-1])
    assert not looks_like_python(text), text
    assert "0.9" not in text and ">0<" not in html  # no row numbers, no raw shares


def lesson04_with_scores() -> tuple[list[str], dict]:
    """Lesson 04's code cells, and a namespace in which its setup cell and its ``scores`` cell
    have run (the lesson's own imports and data), for a test to run a later cell in."""
    import json
    from pathlib import Path

    lesson = Path(__file__).resolve().parents[1] / "lessons" / "04_trust.ipynb"
    cells = ["".join(c["source"]) for c in json.loads(lesson.read_text())["cells"]]
    setup = next(c for c in cells if "plain_words import" in c)
    scores_cell = next(c for c in cells if c.startswith("scores = trust.pair_scores"))
    namespace: dict = {}
    for cell in (setup, scores_cell):
        exec(cell, namespace)
    return cells, namespace


def test_lesson04s_sweep_for_exercise_3_is_shown_in_words():
    """The cell before Exercise 3 shows the nine settings with readable column names, no row
    numbers 0-8 and the engine's values (rounded to 3 places as before)."""
    import ast

    cells, namespace = lesson04_with_scores()
    sweep_cell = next(c for c in cells if "overconfidence_sweep(" in c)
    body = ast.parse(sweep_cell).body
    exec(compile(ast.Module(body[:-1], []), "cell", "exec"), namespace)
    shown = eval(compile(ast.Expression(body[-1].value), "cell", "eval"), namespace)
    sweep = namespace["sweep"]  # the engine's table, which the code path still reads
    html = shown.to_html()
    text = " ".join(re.sub(r"<[^>]+>", " ", html.split("</style>")[-1]).split())
    assert not looks_like_python(text), text
    for column in sweep.columns:
        assert "_" not in column or f">{column}<" not in html, column
    for setting in ("0.1", "0.75", "3"):
        assert f">{setting}<" in html, setting
    assert ">8<" not in html and ">0<" not in html  # no row numbers
    assert "expected calibration error" in text and "accuracy" in text
    # A teacher read "0.475 / 0.625 / 0.067": shares as whole percentages; the ECE as lesson 04
    # writes it everywhere (a share, 2 decimals: the form Exercise 2 accepts), cell by cell
    table = shown.data
    for (_, row), (_, engine) in zip(table.iterrows(), sweep.iterrows(), strict=True):
        assert whole_percent(row["the app said on average"]) == round(engine["mean_stated"] * 100)
        assert whole_percent(row["accuracy"]) == round(engine["accuracy"] * 100)
        assert row["expected calibration error"] == f"{engine['expected_calibration_error']:.2f}"
    eces = [float(cell) for cell in table["expected calibration error"]]
    best = sweep["expected_calibration_error"].idxmin()
    assert eces.index(min(eces)) == best and eces.count(min(eces)) == 1  # no tie on screen


def lesson05_cell_output(starts: str, *, after: tuple[str, ...] = (), namespace=None):
    """Run lesson 05's setup, its design panel's cell, its ``changes`` cell (drawn with the
    panel's seed), the cells starting with ``after`` and the cell starting with ``starts`` in one
    namespace, as the lesson does; return what that cell shows (its last expression)."""
    import ast
    import json
    from pathlib import Path

    lesson = Path(__file__).resolve().parents[1] / "lessons" / "05_design_review.ipynb"
    cells = ["".join(c["source"]) for c in json.loads(lesson.read_text())["cells"]]
    setup = next(c for c in cells if "review_writer import ReviewWriter" in c)
    panel = next(c for c in cells if c.startswith("panel = DesignPanel("))
    changes_cell = next(c for c in cells if "changes, words = compare_changes_with_words(" in c)
    cell = next(c for c in cells if c.startswith(starts))
    namespace = {} if namespace is None else namespace
    before = (setup, panel) if cell == changes_cell else (setup, panel, changes_cell)
    for code in (*before, *(next(c for c in cells if c.startswith(a)) for a in after)):
        exec(code, namespace)
    body = ast.parse(cell).body
    assert isinstance(body[-1], ast.Expr), "the cell shows nothing"
    exec(compile(ast.Module(body[:-1], []), "cell", "exec"), namespace)
    return eval(compile(ast.Expression(body[-1].value), "cell", "eval"), namespace)


def test_lesson05s_exercise_4_table_reads_in_words_not_decimals():
    """A learner read "0.578" for the share of the city named: the table before Exercise 4
    gives each figure as the panel says it ("592 of 1024 (58%)", "9 in 100 → 94 in 100"), and
    the words are of the same draw as the figures the answer is computed from."""
    namespace: dict = {}
    lesson05_cell_output("# the figures, and the same", namespace=namespace)
    shown, changes = namespace["shown"], namespace["changes"]
    html = shown.to_html()
    text = re.sub(r"<[^>]+>", " ", html.split("</style>")[-1])
    assert not re.search(r"\b0\.\d", text), "a share as a decimal"
    table = shown.data
    for change, row in table.set_index("change to the plan").iterrows():
        named = re.fullmatch(r"(\d+) of (\d+) \(\d+%\)", row["share of the city named"])
        assert named, row["share of the city named"]
        assert int(named[1]) / int(named[2]) == changes.loc[change, "reidentified"]
        assert re.fullmatch(r"\d+ of \d+", row["share whose health is learned"])
        assert re.match(r"\d+ in 100 → \d+ in 100", row["worst case for one resident"])


def test_lesson05s_trade_off_table_shows_counts_as_whole_numbers_with_their_denominators():
    """A learner saw "391.0" users and "4.0" staff: counts print as whole numbers, and the
    expected couples doing well as a number of the launch's matches ("5.2 of 10 matches")."""
    shown = lesson05_cell_output('sides = ["couples_doing_well"')
    table = shown.data if hasattr(shown, "data") else shown
    html = shown.to_html() if hasattr(shown, "to_html") else shown._repr_html_()
    text = re.sub(r"<[^>]+>", " ", html.split("</style>")[-1])
    assert "391.0" not in text and "4.0" not in text  # what the learner saw
    for cell in table["couples doing well after a year"]:
        assert re.fullmatch(r"\d+\.\d of \d+ matches", cell), cell
    for cell in table["users whose signals the company holds"]:
        assert re.fullmatch(r"\d+ of \d+", cell), cell
    for cell in table["extra staff (invented)"]:
        assert re.fullmatch(r"\d+", cell), cell


def test_lesson05s_cost_lines_give_the_couples_with_the_matches_they_are_out_of():
    """The line under the table said "couples doing well after a year (5.2 as planned)"."""
    import contextlib
    import io

    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        lesson05_cell_output('print("\\n".join(cost_lines(', after=("sides = [",))
    lines = printed.getvalue().splitlines()
    assert re.search(r"\(\d+\.\d of \d+ matches as planned", lines[0]), lines[0]
    moved = [line for line in lines if "couples doing well" in line and "instead of" in line]
    assert moved, "no change moves the couples doing well"
    for line in moved:
        assert re.search(r"well \d+\.\d of \d+ matches instead of \d+\.\d of \d+ matches", line)


def test_lesson05s_trade_off_figures_take_no_random_draw(scenario):
    """The cell says so in a comment: the table is the same whatever the seed."""
    sides = ["couples_doing_well", "neural_held", "delay_weeks", "staff", "cash_left"]
    one, other = (
        compare_changes(AS_PLANNED, scenario, rng=np.random.default_rng(s), shown=True)[sides]
        for s in (0, 1)
    )
    assert one.equals(other)


def test_lesson04s_brier_line_says_worse_when_the_app_scores_higher():
    """At 0.282 against 0.242 the lesson printed "The app is no better than that": lower is
    better, so the app is worse, and the cell says so (the lesson's own cell, run here)."""
    import contextlib
    import io

    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        cells, namespace = lesson04_with_scores()
        exec(next(c for c in cells if "base_rate_brier_score(" in c), namespace)
    app, base = namespace["app_brier"], namespace["base_brier"]
    assert app > base  # the data as it is: the app loses to the base rate
    last = printed.getvalue().splitlines()[-1]
    assert last.startswith("The app is worse than that"), last
    assert "no better" not in printed.getvalue()
