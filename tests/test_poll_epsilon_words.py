"""Every ε the class poll prints reads on the same side of lesson 03's deniable line as the ε spent.

The poll's coin "truth 3 in 4" spends ε = ln 3 ≈ 1.0986, exactly on the line (an observer ends at
most 75 in 100 sure). Printed as "epsilon = 1.1", it read as lesson 03's explorer at ε = 1.1,
which says "no longer deniable" (75.03 in 100): a teacher saw both on one screen (issue 12, w56).
"""

import math
import re
from fractions import Fraction

import pytest

from osmosis_lab.explorers.class_poll import ClassPoll
from osmosis_lab.explorers.teacher_view import TeacherPoll
from osmosis_lab.privacy import privacy_loss
from osmosis_lab.privacy.poll import OFFERED_TRUTH_PROBABILITIES, epsilon_of

#: "epsilon = ln 3 ≈ 1.099", "epsilon 0.69", "ε = 1.39": the figure, and the logarithm it names.
PRINTED = re.compile(r"(?:epsilon|ε) =? ?(?:ln (\d+) ≈ )?(\d+(?:\.\d+)?)")


def printed_epsilons(text: str) -> list[float]:
    """Each ε in ``text`` as a reader takes it: the logarithm when one is named, else the figure."""
    return [math.log(int(ln)) if ln else float(figure) for ln, figure in PRINTED.findall(text)]


def reads_true(printed: float, spent: float) -> bool:
    deniable = privacy_loss([printed]).deniable == privacy_loss([spent]).deniable
    return deniable and math.isclose(printed, spent, abs_tol=0.005)


def test_the_reader_of_printed_epsilons_tells_ln_3_from_1_1():
    assert printed_epsilons("epsilon = ln 3 ≈ 1.099 in total; ε = 1.10") == [math.log(3), 1.1]
    assert not reads_true(1.1, math.log(3)) and reads_true(math.log(3), math.log(3))


@pytest.mark.parametrize("p", OFFERED_TRUTH_PROBABILITIES, ids=str)
@pytest.mark.parametrize("earlier", [0, 1, 2])
def test_the_teachers_poll_prints_each_epsilon_on_its_side_of_the_line(p: Fraction, earlier):
    poll = TeacherPoll()
    poll.coin.value, poll.earlier.value = p, earlier
    poll.yes.value, poll.no.value = 18, 12
    text = poll.summary.value
    spent = {epsilon_of(p), epsilon_of(p) * (earlier + 1)} | {
        epsilon_of(q) for q in OFFERED_TRUTH_PROBABILITIES
    }
    shown = printed_epsilons(text)
    assert len(shown) >= len(OFFERED_TRUTH_PROBABILITIES) + 2, text
    wrong = [e for e in shown if not any(reads_true(e, s) for s in spent)]
    assert not wrong, f"printed {wrong}, spent {sorted(spent)}:\n{text}"


def test_the_learners_coin_labels_print_each_epsilon_on_its_side_of_the_line(tmp_path):
    poll = ClassPoll(folder=tmp_path)
    for label, p in poll.coin.options:
        (shown,) = printed_epsilons(label)
        assert reads_true(shown, epsilon_of(p)), f"{label!r} for ε = {epsilon_of(p)}"


def test_the_poll_notebook_sends_learners_to_the_teachers_line_with_its_figures():
    # w62: the notebook said "from 50-50 to 75 in 100 ... look for the same sentence on your
    # teacher's screen", where the teacher's screen said it in other words ("a 50 in 100 chance
    # ... now think it is 75 in 100"): the notebook names the line and gives its figures
    from conftest import LESSONS, read_notebook
    from osmosis_lab.teacher.report import WHY_DENIABLE

    poll = read_notebook(LESSONS[0].parent / "class_poll.ipynb")
    paragraph = next(c.source for c in poll.cells if "teacher's screen" in c.source)
    coin = privacy_loss([epsilon_of(Fraction(3, 4))], prior=0.5)
    assert WHY_DENIABLE in paragraph, paragraph
    assert '"50 in 100"' in paragraph and f'"{coin.posterior_words()}"' in paragraph, paragraph
