"""Numbers typed as words: whole numbers 0 to 9,999 in English and French, and a few fractions.

A learner who answers "twelve" or "douze" has given a number, and the answer
control reads it as one (issue 13: words are accepted as words). The phrasings
are a closed table, generated once from each language's rules, so a phrase is
either exactly a number's name or not a number at all: "not twelve", "twelve or
thirteen" and "about twelve" are refused, never read as 12. French follows both
spellings (``vingt et un`` and the 1990 ``vingt-et-un``), and the Belgian and
Swiss ``septante``, ``huitante``/``octante``, ``nonante``. A phrase may end in
"percent" / "per cent" / "pour cent", read as a percentage (like ``%``).

Above 100, a number is its thousands, then its hundreds, then 1 to 99 from that table, each
said once, in that order, in one language (:func:`whole_number`), as a 16-year-old types it:
"six hundred and thirty-three" or "six hundred thirty three", "a hundred", "one thousand and
twenty-four", "twelve hundred" (but never a round ten of hundreds: "thirty hundred" is
refused); "six cent trente-trois", "mille vingt-quatre", "deux cents" (its "s" read wherever
it is put), "onze cents". What breaks that order ("hundred six", "six hundred hundred", "un
mille", "six hundred trente") is refused, never guessed at: a misread number would be a wrong
verdict for a right answer. Digits with a scale word ("1 thousand", "6 hundred") are refused
too: digits and words are read by two rules, and a mix of them ("1 024 thousand", "1.5
thousand") would need a third; every answer up to 9,999 can be typed in one or the other.

A decimal said aloud, a whole number then "point" (or "virgule") then one word per digit
("zero point eight five", "zéro virgule huit cinq"), is turned into the digits it names
(:func:`decimal_in_digits`), so that it is read by the very rule that reads digits: exactly
as said, or refused for more digits than a check can tell apart.

The text must already be normalised (:func:`normalise_phrase`, at the end of this module:
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

import re
import unicodedata
from dataclasses import dataclass

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


_ENGLISH, _FRENCH = _english(), _french()
#: Every accepted phrasing of a whole number from 0 to 100, normalised, and what it means.
WHOLE_NUMBERS: dict[str, int] = _ENGLISH | _FRENCH


@dataclass(frozen=True)
class _Scales:
    """How one language says the hundreds and thousands of a number up to 9,999."""

    names: dict[str, int]  #: its names of 0 to 100: a number is said in one language only
    hundred: tuple[str, ...]
    thousand: str
    and_: str | None  #: the word that may come before the last part ("six hundred and two")
    bare: bool  #: a scale word alone means one of it ("cent", "mille"; not "hundred and one")
    hundreds: range  #: how many hundreds may be said when no thousand is ("twelve hundred")


_EN_SCALES = _Scales(
    _ENGLISH, hundred=("hundred",), thousand="thousand", and_="and", bare=False,
    hundreds=range(1, 100),
)  # fmt: skip
# "onze cents", "dix-neuf cent quatre-vingt-dix": French says 1100-1999 in hundreds too; the
# "s" of "deux cents" is read wherever a learner puts it (the number it names is the same)
_FR_SCALES = _Scales(
    _FRENCH, hundred=("cent", "cents"), thousand="mille", and_=None, bare=True,
    hundreds=range(1, 20),
)  # fmt: skip


def _multiplier(words: list[str], scales: _Scales, *, first: bool, most: range) -> int | None:
    """How many of a scale ``words`` say, before "hundred" or "thousand"; None if unreadable.

    One to nine ("a" only at the very start: "a hundred", not "one thousand a hundred"), or
    more, below ``most`` ("twelve hundred"), but never a round ten ("thirty hundred", "dix
    cents": not how anyone says a number, so not read as one).
    """
    said = " ".join(words)
    if not said:
        return 1 if scales.bare else None
    if said == "a" and first and not scales.bare:
        return 1
    n = scales.names.get(said)
    if n is None or scales.bare and n == 1:  # "un mille", "un cent": French says "mille", "cent"
        return None
    return n if n in range(1, 10) or n in most and n % 10 else None


def _scaled(text: str, scales: _Scales) -> int | None:
    """The number ``text`` says with "hundred" or "thousand" (or "cent", "mille"), or None.

    Thousands, then hundreds, then (after "and", in English, if the learner says it) 1 to 99,
    each part at most once and in that order: anything else is refused, never guessed at.
    """
    rest, total = text.split(), 0
    if scales.thousand in rest:
        at = rest.index(scales.thousand)
        thousands = _multiplier(rest[:at], scales, first=True, most=range(10))
        if thousands is None:
            return None
        total, rest = 1000 * thousands, rest[at + 1 :]
    at = next((i for i, word in enumerate(rest) if word in scales.hundred), None)
    if at is not None:
        most = range(10) if total else scales.hundreds  # "one thousand twelve hundred": no
        hundreds = _multiplier(rest[:at], scales, first=not total, most=most)
        if hundreds is None or (rest[at] == "cents" and at == 0):  # "cents" alone is no number
            return None
        total, rest = total + 100 * hundreds, rest[at + 1 :]
    if total and rest[:1] == [scales.and_]:
        rest = rest[1:]
        if not rest:  # "six hundred and": nothing after its "and"
            return None
    if not rest:
        return total or None
    last = scales.names.get(" ".join(rest))  # 1 to 99 only: "six hundred one hundred" is two
    return total + last if total and last in range(1, 100) else None


def whole_number(text: str) -> int | None:
    """The whole number from 0 to 9,999 ``text`` (normalised) names, or None.

    >>> whole_number("six hundred and thirty three"), whole_number("six cent trente trois")
    (633, 633)
    >>> whole_number("one thousand and twenty four"), whole_number("mille vingt quatre")
    (1024, 1024)
    >>> whole_number("nineteen hundred and ninety"), whole_number("deux cents")
    (1990, 200)
    >>> [whole_number(t) for t in ("hundred six", "six hundred hundred", "thirty hundred")]
    [None, None, None]
    """
    if text in WHOLE_NUMBERS:
        return WHOLE_NUMBERS[text]
    english = _scaled(text, _EN_SCALES)
    return english if english is not None else _scaled(text, _FR_SCALES)


#: Every word that is part of a number's name: never the name of what a number counts ("twelve
#: twelve", "vingt un" are two numbers, not a number and a noun).
_SCALE_WORDS = ["thousand", "cents", "mille", "and"]  # "hundred", "cent" are in the table
NUMBER_WORDS = frozenset(
    " ".join([*WHOLE_NUMBERS, *_FRACTIONS, *_PERCENT, *_DIGITS, *_SCALE_WORDS]).split()
)


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
        if (
            found
            and digits
            and None not in digits
            and (not whole or whole_number(whole) is not None)
        ):
            said = f"{whole_number(whole) if whole else ''}.{''.join(digits)}"
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
        A whole number 0-9,999 as ``int``; a fraction or a percentage as ``float``.
    """
    whole, percent = _without_percent(text)
    if percent:
        named = whole_number(whole)
        return None if named is None else named / 100
    if text in _FRACTIONS:
        return _FRACTIONS[text]
    return whole_number(text)


def normalise_phrase(text: str) -> str:
    """Lower case, accents dropped, punctuation as spaces, one space between words.

    Examples
    --------
    >>> normalise_phrase("Not  REFUSED.")
    'not refused'
    """
    letters = str(text).casefold()
    if not letters.isascii():  # ASCII has no accents to drop (and most answers are ASCII)
        decomposed = unicodedata.normalize("NFKD", letters)
        letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", letters).split())
