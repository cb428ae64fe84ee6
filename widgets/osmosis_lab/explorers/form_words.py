"""Lesson 02's form explorer in words: how each recorded yes was obtained, said one way everywhere.

The engine labels each yes with a code (:data:`osmosis_lab.consent.forms.HOW`). A learner of
16 reads these words instead, in the chart's legend, in the counts of the text and in the line
that explains each kind of yes shown, all from :data:`HOW_WORDS`. The explorer once said
"default" in its chart and counts and "unread" in its text for people who never read the form
(a class of 16-year-olds asked whether they were different people); neither word says what
the person did.

Examples
--------
>>> from osmosis_lab.consent.forms import HOW
>>> tuple(HOW_WORDS) == HOW  # words for every way the engine labels a yes, in its order
True
>>> words("unread"), words("default")
('did not read the form', 'left a box ticked')
>>> explained("default")
'Left a box ticked: read the form, did not want this, but left its pre-ticked box ticked. A yes on record, not informed consent.'
"""

#: Code -> (the short words shown in the legend and the counts, what they mean in a sentence).
HOW_WORDS: dict[str, tuple[str, str]] = {
    "chosen": ("read and chose", "read the form and chose yes: the only informed consent"),
    "unread": (
        "did not read the form",
        "ticked the box of the service they came for, or left the form as it came, without "
        "reading it",
    ),
    "default": (
        "left a box ticked",
        "read the form, did not want this, but left its pre-ticked box ticked",
    ),
    "bundled": (
        "came in a bundle",
        "read the form, did not want this, but took the one box that also holds the service "
        "they came for",
    ),
    "no way out": (
        "could not find how to refuse",
        "wanted to refuse, but the form hid the way to say no",
    ),
    "worn down": ("gave in", "refused, was asked again, and gave in"),
}


def words(how: str) -> str:
    """The short words for ``how`` (a code of :data:`~osmosis_lab.consent.forms.HOW`)."""
    return HOW_WORDS[how][0]


def explained(how: str) -> str:
    """One sentence saying what a yes of kind ``how`` is (never said of informed consent)."""
    short, meaning = HOW_WORDS[how]
    tail = "" if how == "chosen" else " A yes on record, not informed consent."
    return f"{short[0].upper()}{short[1:]}: {meaning}.{tail}"
