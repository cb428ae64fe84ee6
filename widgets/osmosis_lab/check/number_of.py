"""A number copied from the screen as "A of B": "113 of 850", "nine out of twelve", "nine of them".

The panels print shares as counts ("113 of 850 people"), and a learner asked for a share types
what they see (walkthrough h94: "113 of 850" was "not a number"). :func:`share_as_fraction`
rewrites it as the fraction in digits, ``"113/850"``, so that the one rule for fractions reads
it (:func:`.numbers.parse_number`): exactly A/B for a share; for a count, refused as a fraction,
the way "12/12" is (w57), since "5 of 12" answers "how many?" and "what share?" alike and a
misread would be a wrong verdict for a right answer. "Nine of them" names no whole, so for a
count it is the count, 9. A and B are whole numbers in digits or words (:mod:`.number_words`);
anything else with "of" ("15 % of 850", "1 of 2 of 3", "nine of them" for a share) is no
number, as before.

Examples
--------
>>> share_as_fraction("113 of 850", "fraction"), share_as_fraction("nine out of twelve", "count")
('113/850', '9/12')
>>> share_as_fraction("Nine of them", "count"), share_as_fraction("0.25", "fraction")
('9', '0.25')
>>> share_as_fraction("1 of 2 of 3", "fraction")
Traceback (most recent call last):
...
ValueError: '1 of 2 of 3' is not a whole number of a whole number
"""

import re

from .number_words import normalise_phrase, whole_number

#: "A of B" or "A out of B": the words around "of" are read as whole numbers (or "them").
_OF = re.compile(r"\s*(.+?)\s+(?:out\s+)?of\s+(.+?)\s*", re.IGNORECASE)
#: What "A of them" counts: a count with no whole to share it of.
_THEM = "them"


def _whole(text: str) -> int | None:
    """The whole number ``text`` is, in digits ("1 024") or words ("eight hundred and fifty")."""
    digits = re.sub(r"\s+", "", text)
    if re.fullmatch(r"\d+", digits):
        return int(digits)
    return whole_number(normalise_phrase(text))


def share_as_fraction(text: str, unit: str) -> str:
    """``text`` with "A of B" written as "A/B" (and, for a count, "A of them" as "A"); any
    other text unchanged.

    Raises
    ------
    ValueError
        If ``text`` has "of" but is not "A of B" (or "A of them" for a ``count``), or the unit
        is a plain ``"value"``, which is no share. :func:`.numbers.parse_number` turns it into
        its NotANumber.
    """
    found = _OF.fullmatch(text)
    if found is None:
        return text
    part, whole = _whole(found[1]), found[2]
    if part is not None and unit == "count" and normalise_phrase(whole) == _THEM:
        return str(part)
    of = _whole(whole)
    if part is None or of is None or unit == "value":
        raise ValueError(f"{text!r} is not a whole number of a whole number")
    return f"{part}/{of}"
