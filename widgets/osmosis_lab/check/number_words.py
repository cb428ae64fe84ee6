"""Numbers typed as words: whole numbers 0 to 100 in English and French, and a few fractions.

A learner who answers "twelve" or "douze" has given a number, and the answer
control reads it as one (issue 13: words are accepted as words). The phrasings
are a closed table, generated once from each language's rules, so a phrase is
either exactly a number's name or not a number at all: "not twelve", "twelve or
thirteen" and "about twelve" are refused, never read as 12. French follows both
spellings (``vingt et un`` and the 1990 ``vingt-et-un``), and the Belgian and
Swiss ``septante``, ``huitante``/``octante``, ``nonante``. A phrase may end in
"percent" / "per cent" / "pour cent", read as a percentage (like ``%``).

A decimal said aloud, a whole number then "point" (or "virgule") then one word per digit
("zero point eight five", "zéro virgule huit cinq"), is turned into the digits it names
(:func:`decimal_in_digits`), so that it is read by the very rule that reads digits: exactly
as said, or refused for more digits than a check can tell apart.

The text must already be normalised (:func:`~osmosis_lab.check.exercise.normalise_phrase`:
lower case, no accents, punctuation and hyphens as single spaces).

Examples
--------
>>> number_from_words("twenty one"), number_from_words("vingt et un"), number_from_words("douze")
(21, 21, 12)
>>> number_from_words("quatre vingt dix neuf"), number_from_words("a quarter")
(99, 0.25)
>>> number_from_words("fifteen per cent"), number_from_words("not twelve") is None
(0.15, True)
>>> decimal_in_digits("zero point eight five"), decimal_in_digits("nought point five")
('0.85', '0.5')
>>> decimal_in_digits("zero virgule huit cinq"), decimal_in_digits("twelve point five percent")
('0.85', '12.5%')
"""

from __future__ import annotations

_EN_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_EN_TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy",
            80: "eighty", 90: "ninety"}  # fmt: skip
_FR_UNITS = ["zero", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"]
_FR_TEENS = [
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
]  # 10-16; 17-19 are dix sept...
_FR_TENS = {20: ["vingt"], 30: ["trente"], 40: ["quarante"], 50: ["cinquante"],
            60: ["soixante"], 70: ["septante"], 80: ["huitante", "octante"],
            90: ["nonante"]}  # fmt: skip
#: Fractions said in words (for answers that are shares).
_FRACTIONS = {
    "half": 0.5, "a half": 0.5, "one half": 0.5, "quarter": 0.25, "a quarter": 0.25,
    "one quarter": 0.25, "three quarters": 0.75,
    "moitie": 0.5, "la moitie": 0.5, "un demi": 0.5, "un quart": 0.25, "trois quarts": 0.75,
}  # fmt: skip
_PERCENT = ("percent", "per cent", "pour cent")
#: The words for a decimal point, and the words for one digit after it ("point oh five" and
#: "eighty-five" after the point are not read: the digits would be a guess).
_POINTS = ("point", "virgule")
_DIGITS = {word: str(n) for words in (_EN_UNITS, _FR_UNITS) for n, word in enumerate(words)}
_DIGITS["nought"] = "0"  # British: "nought point five"


def _english() -> dict[str, int]:
    names = {w: n for n, w in enumerate(_EN_UNITS)} | {w: 10 + n for n, w in enumerate(_EN_TEENS)}
    for tens, word in _EN_TENS.items():
        names[word] = tens
        for n in range(1, 10):
            names[f"{word} {_EN_UNITS[n]}"] = tens + n
    names |= {"none": 0, "nought": 0, "a hundred": 100, "one hundred": 100, "hundred": 100}
    return names


def _french_below_20() -> dict[int, list[str]]:
    names = {n: [w] for n, w in enumerate(_FR_UNITS)} | {
        10 + n: [w] for n, w in enumerate(_FR_TEENS)
    }
    names[1].append("une")
    for n in (7, 8, 9):
        names[10 + n] = [f"dix {_FR_UNITS[n]}"]
    return names


def _french() -> dict[str, int]:
    small, names = _french_below_20(), {"aucun": 0, "aucune": 0, "cent": 100}
    for n, words in small.items():
        names |= dict.fromkeys(words, n)

    def tens_and(prefix: str, tens: int, upto: int) -> None:
        # 21 is "vingt et un" (and 71 "soixante et onze"); 81 and 91 take no "et"
        no_et = prefix.startswith("quatre vingt")
        for n in range(1, upto):
            for word in small[n]:
                joined = f"{prefix} et {word}" if n in (1, 11) and not no_et else f"{prefix} {word}"
                names[joined] = tens + n

    for tens, prefixes in _FR_TENS.items():
        for prefix in prefixes:
            names[prefix] = tens
            tens_and(prefix, tens, 10)
    names["soixante dix"] = 70
    tens_and("soixante", 60, 20)
    names |= {"quatre vingts": 80, "quatre vingt": 80}
    tens_and("quatre vingt", 80, 20)
    return names


#: Every accepted phrasing of a whole number from 0 to 100, normalised, and what it means.
WHOLE_NUMBERS: dict[str, int] = _english() | _french()
#: Every word that is part of a number's name: never the name of what a number counts ("twelve
#: twelve", "vingt un" are two numbers, not a number and a noun).
NUMBER_WORDS = frozenset(" ".join([*WHOLE_NUMBERS, *_FRACTIONS, *_PERCENT, *_DIGITS]).split())


def _without_percent(text: str) -> tuple[str, bool]:
    """``text`` without a last "percent" (or "per cent", "pour cent"), and whether it had one."""
    for word in _PERCENT:
        if text.endswith(" " + word):
            return text.removesuffix(" " + word), True
    return text, False


def decimal_in_digits(text: str) -> str | None:
    """The digits of a decimal said in words ("twelve point five": "12.5"), or ``None`` when
    ``text`` (normalised) is not a whole number's name, a decimal point, then digit words.

    >>> decimal_in_digits("point two five"), decimal_in_digits("vingt et un virgule zero un")
    ('.25', '21.01')
    >>> decimal_in_digits("zero point eighty five") is None, decimal_in_digits("twelve") is None
    (True, True)
    """
    text, percent = _without_percent(text)
    for point in _POINTS:
        whole, found, after = f" {text} ".partition(f" {point} ")
        digits = [_DIGITS.get(word) for word in after.split()]
        whole = whole.strip()
        if found and digits and None not in digits and (not whole or whole in WHOLE_NUMBERS):
            said = f"{WHOLE_NUMBERS[whole] if whole else ''}.{''.join(digits)}"
            return said + ("%" if percent else "")
    return None


def number_from_words(text: str) -> int | float | None:
    """The number ``text`` names, or ``None`` when it is not exactly a number's name.

    Parameters
    ----------
    text
        Normalised text (lower case, no accents, single spaces).

    Returns
    -------
    int, float or None
        A whole number 0-100 as ``int``; a fraction or a percentage as ``float``.
    """
    whole, percent = _without_percent(text)
    if percent:
        return None if whole not in WHOLE_NUMBERS else WHOLE_NUMBERS[whole] / 100
    if text in _FRACTIONS:
        return _FRACTIONS[text]
    return WHOLE_NUMBERS.get(text)
