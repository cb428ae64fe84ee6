"""Plain data, where the third mutation run found it weakly tested (benchmarks/MUTATION.md).

A dict's values and a set's items count as a level, like a list's items (``to_plain``'s
documented ``MAX_DEPTH``); a set of picks, as the answer control hands it over, is read;
``True`` is not the number 1.
"""

import pytest

from osmosis_lab.check.core import Check, Misconception, is_value
from osmosis_lab.check.plain import MAX_DEPTH, NotPlainData, to_plain


def nested(levels, kind=list):
    return 0 if levels == 0 else kind([nested(levels - 1, kind)])


@pytest.mark.parametrize(
    "holding",
    [lambda inner: {"answer": inner}, lambda inner: {inner}, lambda inner: frozenset({inner})],
    ids=["dict value", "set item", "frozenset item"],
)
def test_a_value_held_in_a_dict_or_a_set_counts_a_level_like_a_list_item(holding):
    # the container is level 1, so its contents may be MAX_DEPTH - 1 levels deep, and no more
    at_the_limit = holding(nested(MAX_DEPTH - 1, tuple))
    assert to_plain(at_the_limit) == at_the_limit
    with pytest.raises(NotPlainData, match="nested too deeply or too large"):
        to_plain(holding(nested(MAX_DEPTH, tuple)))


def test_picks_handed_over_as_a_frozenset_are_read_as_a_set():
    # the "picks" answer control gives the check a frozenset (explorers/answers.py)
    picks = frozenset({"Ana", "Simon"})
    assert to_plain(picks) == picks and type(to_plain(picks)) is frozenset
    assert to_plain(to_plain({"Ana", "Simon"})) == picks  # reading plain data changes nothing


def test_true_is_not_the_number_one():
    # `answer = True` where one person was asked for: neither right nor the "only one" hint
    assert not is_value(True, 1) and not is_value("1", 1)
    assert is_value(1.0, 1) and is_value(1, 1)
    check = Check(
        "how_many",
        "How many testers?",
        lambda answer: is_value(answer, 2),
        "Two.",
        misconceptions=(
            Misconception("only one", 1, hint="Count both testers.", wrong_value=lambda: 1),
        ),
        fallback_hint="Count them.",
    )
    assert check.verdict(1).message == "Count both testers."
    assert check.verdict(True).message == "Count them."
