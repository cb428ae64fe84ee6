"""Lesson 03's linkage explorer never shows a series person's sensitive value outside a spoiler fold.

Its table showed "Lucas Apert | unique | gay or lesbian | none | yes" (his secret relationship, an
episode-2 storyline) in the open, while lesson 04 folds the same storyline (issue 12, w56). Here
every combination of the attacker's facts is ticked, and what the explorer shows, its spoiler
folds taken out (``spoilers.unmarked``, as tests/test_spoilers_swept.py reads folds), must hold no
row of a tester from the series; each of their rows must still be there, inside the fold.
"""

import itertools
import re

from osmosis_lab.data import load_people
from osmosis_lab.explorers.privacy_linkage import LinkageExplorer
from spoilers import unmarked
from test_spoilers_swept import shown

ROW = re.compile(r"<tr><th scope='row'[^>]*>(.*?)</th>")


def test_no_series_testers_row_shows_outside_a_spoiler_fold():
    people = load_people()
    testers = set(people.loc[people["role"] == "tester", "name"])
    series = set(people.loc[people["source"] == "named in the series", "name"]) & testers
    assert series, "the series' testers (Niels, Ana, Lucas)"
    explorer = LinkageExplorer.with_lesson_data()
    states = 0
    for ticks in itertools.product([False, True], repeat=len(explorer.knows)):
        for box, ticked in zip(explorer.knows.values(), ticks, strict=True):
            box.value = ticked
        texts = shown(explorer)
        in_the_open = {name for text in texts for name in ROW.findall(unmarked(text))}
        everywhere = {name for text in texts for name in ROW.findall(text)}
        assert not in_the_open & series, (ticks, sorted(in_the_open & series))
        if any(ticks):
            assert everywhere == testers, (ticks, sorted(testers - everywhere))
            states += 1
    assert states == 2 ** len(explorer.knows) - 1
