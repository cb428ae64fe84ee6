"""The class view counts a multi-choice design answer per choice (issue 12, item 2).

"Data categories read" showed 8 rows, one per combination of categories a learner chose
("declared profile, conscious memories" ...), so a teacher could not read how many chose
each category. Here seeded random classes hand in designs written by lesson 05's own words
(:func:`osmosis_lab.review.design_rows`); the table must count each category once per learner
who chose it, and the other questions (some of whose answers hold commas) whole.
"""

from dataclasses import replace
from itertools import combinations

import numpy as np
import pytest

from osmosis_lab.categories import CATEGORIES, CATEGORY_LABELS, READ_QUESTION
from osmosis_lab.review import AS_PLANNED, EPSILONS, design_rows
from osmosis_lab.teacher.exports import LearnerWork
from osmosis_lab.teacher.report import count_sections, projector_html
from osmosis_lab.teacher.tables import answered_counts, choice_counts

SUBSETS = [c for n in range(len(CATEGORIES) + 1) for c in combinations(CATEGORIES, n)]


def _random_class(seed: int) -> tuple[list[LearnerWork], list[tuple[str, ...]]]:
    rng = np.random.default_rng(seed)
    size = int(rng.integers(5, 40))
    work, read = [], []
    for i in range(size):
        categories = SUBSETS[int(rng.integers(len(SUBSETS)))]
        design = replace(
            AS_PLANNED,
            categories=categories,
            privacy="dp",  # "Only noisy counts (...), epsilon = 5 per count": a comma in one answer
            epsilon=float(EPSILONS[int(rng.integers(len(EPSILONS)))]),
        )
        work.append(
            LearnerWork(f"learner {i}", f"{i}.md", review_choices=dict(design_rows(design)))
        )
        read.append(categories)
    return work, read


@pytest.mark.parametrize("seed", range(20))
def test_each_category_is_counted_once_per_learner_who_chose_it(seed):
    work, read = _random_class(seed)
    counts = choice_counts(work)[READ_QUESTION]
    expected = {CATEGORY_LABELS[c].lower(): sum(c in chosen for chosen in read) for c in CATEGORIES}
    expected["nothing"] = sum(not chosen for chosen in read)
    assert counts == {label: n for label, n in expected.items() if n}
    # the per-choice counts add up to every choice made, not to the learners
    assert sum(counts.values()) == sum(max(len(chosen), 1) for chosen in read)
    assert answered_counts(work)[READ_QUESTION] == len(work)
    # single-choice answers stay whole, commas and all: their counts add up to the learners
    export = choice_counts(work)["Research export"]
    assert sum(export.values()) == len(work)
    assert all("epsilon = " in option for option in export)


@pytest.mark.parametrize("seed", range(5))
def test_the_projected_row_has_a_line_per_category_out_of_the_learners(seed):
    work, read = _random_class(seed)
    rows = dict(
        (name, (cells, total))
        for name, cells, total in dict(count_sections(work))["Design-review choices"]
    )
    cells, total = rows[READ_QUESTION]
    assert len(cells) <= len(CATEGORIES) + 1
    assert {label for label, _shown in cells} <= {
        *(CATEGORY_LABELS[c].lower() for c in CATEGORIES),
        "nothing",
    }
    assert total == str(len(work))  # "(of N)": N learners, whatever their counts add up to
    assert "Data categories read" in projector_html(work)
