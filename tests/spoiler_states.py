"""How a reader meets an explorer's text: paragraph by paragraph, and one state whole.

``tests/test_spoilers_swept.py`` reads each text an explorer shows paragraph by paragraph
(:func:`paragraphs_shown`) for the spoiler register's relations, and each state whole
(:func:`said_in_the_open`, :func:`told`) for the relations between two of the data's people.
Lesson 02's "Never signed up" timeline passed the first: one step said "Léopold's social media
is scraped (in our toy he never signed up): the app scores him as a candidate", the step before
"Lucas's match is computed", and the chart beside it drew Lucas Apert, Antoine and Léopold
together. No paragraph stated Lucas's episode-2 relation; the state did.
"""

import re

from osmosis_lab.data import load_people
from osmosis_lab.explorers.base import VEGALITE_MIME, Explorer, descendants
from spoilers import unmarked

#: An HTML block a reader takes as one paragraph: a list item, a paragraph, a table row...
_BLOCK = re.compile(r"</?(?:p|li|ul|ol|tr|table|caption|div|h\d)\b[^>]*>|<br\s*/?>", re.I)
#: A roster: "Left unmatched: Ana Stern, Simon." Its names are listed, not related.
_ROSTER = re.compile(r"^\s*[^:<>]+:\s*(.+?)\.?\s*$", re.S)
NAMES = frozenset(load_people()["name"])


def paragraphs_shown(text: str) -> list[str]:
    """``text`` (HTML or plain) as a reader meets it: each block, spoiler markers taken out.

    An explorer's text equivalent is one ``<div>`` of list items; read whole, a name in one
    line and a name in another would count as stated together. A line that only lists people
    (a roster of the data's names) states no relation and is left out.

    >>> paragraphs_shown("<ul><li>Left unmatched: Ana Stern, Simon.</li><li>Ana and Simon</li></ul>")
    ['Ana and Simon']
    >>> paragraphs_shown("<p>Pairs: Lucas Apert and Léopold.</p>")
    ['Pairs: Lucas Apert and Léopold.']
    """
    blocks = [b for b in _BLOCK.split(unmarked(text)) if b.strip()]
    return [b for b in blocks if not is_roster(b)]


def is_roster(block: str) -> bool:
    listed = _ROSTER.match(re.sub(r"<[^>]+>", "", block))
    # commas only: "Pairs: Lucas Apert and Léopold." pairs two names, it is no roster
    return bool(listed) and set(re.split(r",\s*", listed[1].strip())) <= NAMES


def between_two_people(relations) -> list:
    """The registered relations between two of the data's people (Léopold and Lucas, Niels
    and Claire, Ana and Simon): those a state tells by naming both, in whatever paragraphs.

    A relation with another kind of word ("Esther's experiment", "coma") needs that word in
    the same paragraph to be stated, so test_spoilers_swept.py reads it paragraph by paragraph.

    >>> from spoilers import register
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
