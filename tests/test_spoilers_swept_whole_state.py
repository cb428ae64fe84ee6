"""No state of a lesson's unmarked explorer names both people of a registered relation.

``test_spoilers_swept.py`` reads each text an explorer shows paragraph by paragraph. Lesson
02's "Never signed up" timeline passed it: one step said "Léopold's social media is scraped
(in our toy he never signed up): the app scores him as a candidate", the step before "Lucas's
match is computed", and the chart beside it drew Lucas Apert, Antoine and Léopold together. No
paragraph stated Lucas's episode-2 relation; the state did. This test sweeps the same states
(``sweep``) and reads each one whole: every paragraph outside the spoiler markers and what its
chart draws, for the relations between two of the data's people.
"""

import pytest

from osmosis_lab.explorers.base import VEGALITE_MIME, Explorer, descendants
from spoilers import register
from test_spoilers_swept import CASES, NAMES, paragraphs_shown, sweep


def between_two_people(relations) -> list:
    """The registered relations between two of the data's people (Léopold and Lucas, Niels
    and Claire, Ana and Simon): those a state tells by naming both, in whatever paragraphs.

    A relation with another kind of word ("Esther's experiment", "coma") needs that word in
    the same paragraph to be stated, so test_spoilers_swept.py reads it paragraph by paragraph.

    >>> [r.text for r in between_two_people(register())][:1]
    ["Osmosis names Léopold, Lucas's ex, as his soulmate; Lucas leaves Antoine for him"]
    """
    return [
        r
        for r in relations
        if len(r.groups) == 2
        and all(any(p.search(name) for name in NAMES for p in group) for group in r.groups)
    ]


def said_in_the_open(texts: list[str]) -> str:
    """What one state says outside its spoiler markers, read whole (``texts``: :func:`told`),
    rosters left out (``paragraphs_shown``: "Left unmatched: Ana Stern, Simon." lists people
    side by side because they are *not* paired).

    >>> state = said_in_the_open(["<ul><li>Lucas</li><li>Left unmatched: Léopold.</li></ul>", "Day 2"])
    >>> state.splitlines()
    ['Lucas', '', 'Day 2']
    """
    return "\n\n".join(p for text in texts for p in paragraphs_shown(text))


def told(explorer: Explorer) -> list[str]:
    """The texts of one state: the value of every widget that is not a control (HTML, Label,
    the live regions), the chart's description and what the chart draws (:func:`drawn`).

    Left out, each for a reason: the controls (``Explorer.controls``), their labels, options,
    tooltips and values: a tester picker offering "Niels Larson", "Ana Stern", "Lucas Apert"
    states nothing about who is with whom, and what a learner typed in a text area is theirs,
    not the explorer's statement.
    """
    controls = set(map(id, explorer.controls()))
    texts = []
    for w in descendants(explorer.view):
        value = getattr(w, "value", None)
        if id(w) not in controls and isinstance(value, str):
            texts.append(value)
        for output in getattr(w, "outputs", ()):
            texts.append(str(output.get("data", {}).get("text/plain", "")))
            texts.append(drawn(output.get("data", {}).get(VEGALITE_MIME, {})))
    return [t for t in texts if t]


def drawn(spec: dict) -> str:
    """What a chart draws in words, as one paragraph: its data's texts (axis labels, tooltips).

    >>> drawn({"datasets": {"d": [{"person": "Lucas Apert (T03)", "day": 2}]}})
    '<p>Lucas Apert (T03)</p>'
    """
    values = dict.fromkeys(
        value
        for rows in spec.get("datasets", {}).values()
        for row in rows
        for value in row.values()
        if isinstance(value, str)
    )
    return f"<p>{'; '.join(values)}</p>" if values else ""


@pytest.mark.slow
@pytest.mark.parametrize(
    ("path", "index", "cls"), CASES, ids=[f"{p.stem}-{i}-{c.__name__}" for p, i, c in CASES]
)
def test_no_state_of_an_unmarked_explorer_names_both_people_of_a_relation(
    path, index, cls, tmp_path, monkeypatch
):
    # Lesson 02's "Never signed up" timeline said "Lucas signs up", "Lucas's match is
    # computed" and "Léopold's social media is scraped: the app scores him as a candidate" in
    # three paragraphs of one step: none states the relation alone, the step does (ep. 2).
    monkeypatch.chdir(tmp_path)
    relations, found, seen = between_two_people(register()), {}, set()
    explorer = cls.with_lesson_data()
    for _texts in sweep(explorer):
        state = said_in_the_open(told(explorer))
        if state in seen:
            continue
        seen.add(state)
        for relation in relations:
            if relation.stated_in(state):
                found.setdefault(relation.text, state[:300])
    assert not found, (
        f"{path.name} cell {index}: {cls.__name__} names, outside a spoiler marker, both people of"
        + "".join(f"\n  {r!r}, first in {s!r}" for r, s in found.items())
    )


def test_the_whole_state_sweep_reads_across_paragraphs():
    # the old "Never signed up" step: each paragraph alone passes, the state does not
    step = (
        "<ul><li>Lucas's match is computed.</li><li>Léopold's social media is scraped (in our "
        "toy he never signed up): the app scores him as a candidate.</li></ul>"
    )
    relations = between_two_people(register())
    assert not any(r.stated_in(p) for p in paragraphs_shown(step) for r in relations)
    assert any(r.stated_in(said_in_the_open([step])) for r in relations)
    # a roster lists, it does not relate; a fold is the marker
    assert not any(
        r.stated_in(said_in_the_open(texts))
        for r in relations
        for texts in (
            ["<p>Left unmatched: Lucas Apert, Léopold.</p>"],
            ["<p>Lucas</p><details><summary>Spoiler (ep. 2): x</summary>Léopold</details>"],
        )
    )
