"""Lesson 02's timelines name only the consent that counts, as the lesson's rules say (w54).

Niels's allowed matches read "holds (a parent on day 0; the person themself on day 2)", though
the lesson says his mother's signature is "neither needed nor enough" for matching at 17, and
Louise's research step read "given by a representative on day 2; their own consent is
missing", though nobody may consent for her to an experiment. Each verdict of every step of
every timeline, as the browser moves the slider, is checked against the engine's rule
(:func:`osmosis_lab.consent.rules.requirement`): whose signatures count towards the use, and
whose count for nothing.
"""

from __future__ import annotations

import html
import re

from osmosis_lab.categories import CATEGORY_LABELS
from osmosis_lab.consent.decide import actor_name
from osmosis_lab.consent.rules import PURPOSES, requirement
from osmosis_lab.explorers.consent_timeline import TimelineExplorer
from sequences import LogProblems, move_slider, update

VERDICT = re.compile(r"<li>(?:⚠ VIOLATION: |✓ )([^<]*)</li>")


def verdicts(explorer) -> list[str]:
    """This step's verdict lines, as the learner reads them, in the order of the uses."""
    return [html.unescape(v) for v in VERDICT.findall(explorer.story.value)]


def expected(explorer, replayed, entry) -> tuple[list[str], list[str], bool]:
    """Who counts towards this use, whose signature counts for nothing, and whether nobody
    may consent for the person (they cannot, and the rule asks for their own consent only)."""
    record = replayed.ledger.records[replayed.step.person]
    day = replayed.step.day
    need = requirement(
        replayed.ledger.rules,
        age=record.person.age_on(day),
        capable=record.capable_on(day),
        purpose=entry.purpose,
    )
    active = [g for g in record.grants.get((entry.category, entry.purpose), ()) if g.active_on(day)]
    counted = {role for alternative in need.alternatives for role in alternative}
    signed = [
        (explorer.in_words(actor_name(None, record, g.actor)), g.day, g.role in counted)
        for g in active
    ]
    count = [f"{who} on day {when}" for who, when, counts in signed if counts]
    nothing = [f"what {who} signed on day {when}" for who, when, counts in signed if not counts]
    nobody = not record.capable_on(day) and need.alternatives == (frozenset({"self"}),)
    return count, nothing, nobody


def test_every_verdict_names_only_the_consent_that_counts():
    explorer = TimelineExplorer.with_lesson_data()
    seen = {"counts for nothing": 0, "nobody may consent": 0, "allowed": 0}
    with LogProblems() as problems:
        for index, (_label, timeline) in enumerate(explorer.timeline.options):
            update(explorer.timeline, index=index)
            for position in range(len(explorer.step.labels)):
                move_slider(explorer.step, position)
                uses = [
                    (r, e)
                    for r in explorer.moments[explorer.step.value - 1]
                    for e in r.entries
                    if e.kind == "use"
                ]
                lines = verdicts(explorer)
                assert len(lines) == len(uses), (timeline, position, lines)
                for (replayed, entry), line in zip(uses, lines, strict=True):
                    where = (timeline, explorer.step.value, line)
                    assert line.startswith(f"{CATEGORY_LABELS[entry.category]}: "), where
                    count, nothing, nobody = expected(explorer, replayed, entry)
                    for words in nothing:  # named, if at all, as counting for nothing
                        assert re.search(rf"{re.escape(words)}[^;]* counts? for nothing", line), (
                            *where,
                            words,
                        )
                        seen["counts for nothing"] += 1
                    if entry.outcome == "allowed":
                        assert f"given by {'; '.join(count)}" in line, (*where, count)
                        seen["allowed"] += 1
                    elif count:
                        assert f"was given by {'; '.join(count)};" in line, (*where, count)
                    if nobody:
                        assert f"nobody may consent for them to {PURPOSES[entry.purpose]}" in line
                        assert "their own consent is missing" not in line, where
                        seen["nobody may consent"] += 1
                    for who in (w.split(" signed on day ")[0][5:] for w in nothing):
                        assert f"given by {who}" not in line, (*where, who)
    assert not problems.found, problems.found
    # Niels's and Louise's cases are there to be read (the sweep is not empty of them)
    assert all(seen.values()), seen
