"""Reading a typed number: one rule for the answer box and for text answered in a code cell.

A number is read *exactly as typed* or not at all (issue 12, w52): "3.0000000001" stays
3.0000000001 (so "3.0000000001 is more than 3", never "3 is more than 3"); a whole number of
any length stays whole ("99…9", 26 nines, is not 100,000,000,000,000,004,764,729,344); and
digits a float cannot tell apart ("0.000…0001", 403 characters, which a float reads as 0) are
refused, saying so, instead of being judged as another number.

Examples
--------
>>> parse_number("15 %", unit="fraction"), parse_number(" 9 ", unit="count")
(0.15, 9)
>>> parse_number("9" * 26, unit="value") == 10**26 - 1
True
>>> print(not_a_number("0." + "0" * 400 + "1", "value"))  # doctest: +ELLIPSIS
“0.00000…01” (403 characters) has more digits than a check can tell apart: type at most 15 ...
>>> print(not_a_number("😀", "count"))
“😀” is not a number: type it in digits or words, e.g. 12 or twelve.
"""

import re
from decimal import Decimal
from fractions import Fraction

from .allowed import UNITS, number_examples
from .number_of import share_as_fraction
from .number_words import NUMBER_WORDS, decimal_in_digits, normalise_phrase, number_from_words
from .quoting import quoted


class NotANumber(ValueError):
    """Typed text that does not read as one number."""


class TooManyDigits(NotANumber):
    """Typed digits that no float can hold as typed (it would read another number)."""


#: Typed text longer than this is quoted back by its start only (it is in the box already).
SHORT = 60
#: Longer text is not read as a number (a number this long is nobody's answer); it bounds the work.
LONGEST = 10_000
#: Beyond this, a whole number is kept as a Python int: a float would change its last digits.
_FLOAT_WHOLE = 2**53


def shortened(text: str) -> str:
    """Typed text as it is quoted back to the learner: its start and its length if long.

    >>> shortened("nine"), shortened("x" * 5000)[-20:]
    ('nine', '… (5,000 characters)')
    """
    return text if len(text) <= SHORT else f"{text[:SHORT]}… ({len(text):,} characters)"


def _quoted(text: str) -> str:
    """``text`` said back: quoted; a long one by its start and end, and its length."""
    if len(text) <= SHORT:
        return quoted(text)
    return f"{quoted(text[:7] + '…' + text[-2:])} ({len(text):,} characters)"


def not_a_number(text: str, unit: str, quantity: str | tuple[str, ...] = ()) -> str:
    """What a learner reads when ``text`` is not a number of ``unit`` (:func:`parse_number`'s
    own reason: not a number at all, more digits than a check can tell apart, or a number
    named as another quantity than ``quantity``, the one asked for).

    >>> print(not_a_number("inf", "count"))
    “inf” is not a number: type it in digits or words, e.g. 12 or twelve.
    >>> print(not_a_number("12/12", "count"))
    “12/12” is a fraction, and this question asks how many: type the count itself, as a whole number.
    >>> print(not_a_number("l = 2", "count", quantity="k"))
    “l = 2” gives l, but this question asks for k: type k = 2 if that is what you meant, or just the number.
    >>> print(not_a_number("l'IA", "count"))
    “l'IA” is not a number: type it in digits or words, e.g. 12 or twelve.
    """
    try:
        parse_number(text, unit=unit, quantity=quantity)
    except OtherQuantity:
        name, number = _named(text)
        asked = quantity if isinstance(quantity, str) else quantity[0]
        return (
            f"{_quoted(text)} gives {name}, but this question asks for {asked}: type "
            f"{asked} = {number.strip()} if that is what you meant, or just the number."
        )
    except FractionForCount:
        return (
            # no example number: "e.g. 12" for "12/12" invited a wrong answer (w59)
            f"{_quoted(text)} is a fraction, and this question asks how many: type the count "
            "itself, as a whole number."
        )
    except TooManyDigits:
        return (
            f"{_quoted(text)} has more digits than a check can tell apart: type at most 15 "
            f"significant digits, {number_examples(unit)}."
        )
    except NotANumber:
        pass
    said = quoted(text) if len(text) <= SHORT else shortened(text)
    return f"{said} is not a number: type it in digits or words, {number_examples(unit)}."


#: Words after a number that change what it means ("5 or 6", "7 million"): never dropped.
_NOT_A_NOUN = re.compile(
    r"or|ou|and|et|more|plus|less|moins|not|pas|than|que|per|cents?|percent|pourcent"
    r"|hundreds?|thousands?|milles?|milliers?|centaines?|dozens?|douzaines?|millions?|billion"
    r"|milliard"  # "deux milles" is no 2 and its noun: a scale's plural multiplies, as "mille"
)


#: "About 40": lesson 04 asks "About how many…?", and a learner who answers in those words is
#: answering the question (w51 was told "'about 40' is not a number"). English and French.
_ABOUT = re.compile(
    r"^\s*(?:about|around|roughly|approximately|approx\.?|circa|ca\.|~|≈|environ|"
    r"à peu près|a peu pres)\s*(?=\S)",
    re.IGNORECASE,
)


def _without_about(text: str) -> str:
    """``text`` without a leading "about" (or "around", "~", "environ"...).

    >>> _without_about("about 40"), _without_about("~ 0.3"), _without_about("environ douze")
    ('40', '0.3', 'douze')
    >>> _without_about("about")  # nothing after it: left as typed, and not a number
    'about'
    """
    return _ABOUT.sub("", text, count=1)


#: "k = 2", "epsilon: 0.5", "ε=0.5": a quantity's name, then the number (w54 typed "k=2" as
#: the explorer prints it and read "not a number"). A name is letters, maybe with digits or
#: underscores after the first (a coder may type the answer's variable, "k_proposed = 2").
_NAMED = re.compile(r"^\s*([^\W\d_][\w]{0,30})\s*[=:]\s*(?=\S)")
#: Names that mean the same quantity (the lessons write ε and epsilon both).
_SAME_NAME = {"ε": "epsilon", "eps": "epsilon"}


class OtherQuantity(NotANumber):
    """A number named as another quantity than the one asked for ("l = 2" for a k question)."""


class FractionForCount(NotANumber):
    """A fraction typed where the question asks how many ("12/12" for "how many testers")."""


def _named(text: str) -> tuple[str | None, str]:
    """The name typed before the number ("k = 2": "k"), and the rest; None if no name.

    >>> _named("k=2"), _named(" epsilon : 0.5"), _named("2"), _named("k =")
    (('k', '2'), ('epsilon', '0.5'), (None, '2'), (None, 'k ='))
    """
    found = _NAMED.match(text)
    return (found[1], text[found.end() :]) if found else (None, text)


def _same_quantity(name: str, quantity: str | tuple[str, ...]) -> bool:
    """Whether ``name`` names ``quantity`` (one name, or several for one quantity).

    >>> _same_quantity("K", "k"), _same_quantity("ε", "epsilon"), _same_quantity("l", ("k",))
    (True, True, False)
    """
    asked = (quantity,) if isinstance(quantity, str) else quantity
    said = name.casefold()
    return _SAME_NAME.get(said, said) in {_SAME_NAME.get(q.casefold(), q.casefold()) for q in asked}


def _without_sign_and_noun(text: str) -> str:
    """``text`` without a leading "±" and a trailing noun: learners copy the screen ("±15")
    and say what they counted ("7 violations", "ten testers", "4 personnes"). A noun is one
    word after a number, in digits or in words, that is no part of a number's name and does
    not change what the number means ("5 or 6", "7 million").

    >>> _without_sign_and_noun("±15"), _without_sign_and_noun("7 violations")
    ('15', '7')
    >>> _without_sign_and_noun("ten testers"), _without_sign_and_noun("zéro virgule cinq personnes")
    ('ten', 'zéro virgule cinq')
    >>> _without_sign_and_noun("5 or 6"), _without_sign_and_noun("12 per cent")
    ('5 or 6', '12 per cent')
    >>> _without_sign_and_noun("twelve twelve"), _without_sign_and_noun("vingt un")
    ('twelve twelve', 'vingt un')
    """
    text = re.sub(r"^\s*(±|\+/-|\+-)\s*", "", text)
    noun = re.fullmatch(r"\s*(.*\S)\s+([^\W\d_]+)\.?\s*", text)
    if noun is None or _NOT_A_NOUN.fullmatch(noun[2].casefold()):
        return text
    # what ends the number: a digit, or a word of a number's name ("one %" is not a number
    # then a noun, as "1 %" is not)
    ends = re.search(r"(\d|[^\W\d_]+)$", noun[1])
    number = ends and (ends[1].isdecimal() or normalise_phrase(ends[1]) in NUMBER_WORDS)
    return noun[1] if number and normalise_phrase(noun[2]) not in NUMBER_WORDS else text


def _exact(text: str) -> tuple[Fraction | None, bool]:
    """The number typed, exactly, and whether it was typed in digits (None: not in digits)."""
    cleaned = re.sub(r"\s+", "", text).replace(",", ".").casefold()
    cleaned = re.sub(r"(percent|pourcent)$", "%", cleaned)  # "15 per cent" is "15 %"
    percent = cleaned.endswith("%")
    cleaned = cleaned.removesuffix("%")
    fraction = re.fullmatch(r"([+-]?\d+)/(\d+)", cleaned)
    # Decimal reads any script's digits (٣ is 3) and any length (int() stops at 4,300 digits)
    if fraction and Decimal(fraction[2]) and not percent:  # a simple fraction: "1/4" is 0.25
        return Fraction(Decimal(fraction[1])) / Fraction(Decimal(fraction[2])), False
    if re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", cleaned):
        return Fraction(Decimal(cleaned)) / (100 if percent else 1), True
    return None, False


def parse_number(text: str, *, unit: str, quantity: str | tuple[str, ...] = ()) -> int | float:
    """Read a typed number leniently, and exactly: spaces, a decimal comma and a per cent sign
    are fine; a number a float cannot hold as typed is refused, never changed.

    Parameters
    ----------
    text
        What the learner typed, e.g. ``"0.15"``, ``"15 %"``, ``"15%"``, ``"0,15"``, ``"1 024"``,
        a simple fraction of whole numbers (``"1/4"``), or a whole number 0-9,999, a decimal said
        digit by digit or a simple fraction in English or French words (``"twelve"``,
        ``"six hundred and thirty-three"``, ``"vingt et un"``, ``"zero point eight five"``,
        ``"a quarter"``: :mod:`.number_words`);
        in digits or words, maybe with what it counts (``"7 violations"``, ``"ten testers"``);
        or copied from a panel as ``"113 of 850"``, the fraction 113/850 (:mod:`.number_of`).
    unit
        ``"count"``: a whole number comes back as an ``int``; ``"fraction"`` or ``"value"``:
        a ``float`` (an ``int`` beyond 2**53, which a float would change). Whatever the unit,
        ``"15 %"`` means 0.15 (that is what per cent means); ``"15"`` stays 15, so the check
        can say how a percentage is typed (with its sign).
    quantity
        The name (or names) of what the question asks for, e.g. ``"k"``: "k = 2" reads as 2,
        and a number named as anything else ("l = 2") is refused, not judged as a k. Left
        empty (a reader that does not know the question), any one name before "=" or ":" is
        read past: the number is what is judged.

    Raises
    ------
    NotANumber
        If the text is empty or is not one number; :class:`TooManyDigits` (a NotANumber) if
        its digits are more than a float holds as typed (a float would read another number);
        :class:`OtherQuantity` (a NotANumber) if it names another quantity than ``quantity``;
        :class:`FractionForCount` (a NotANumber) if a fraction is typed for a count.

    Examples
    --------
    >>> parse_number("0,83", unit="fraction"), parse_number("12.0", unit="count")
    (0.83, 12)
    >>> parse_number("Twelve", unit="count"), parse_number("vingt-et-un", unit="count")
    (12, 21)
    >>> parse_number("1/4", unit="fraction"), parse_number("±15", unit="value")
    (0.25, 15.0)
    >>> parse_number("7 violations", unit="count"), parse_number("3.0000000001", unit="count")
    (7, 3.0000000001)
    >>> parse_number("ten testers", unit="count"), parse_number("douze personnes", unit="count")
    (10, 12)
    >>> parse_number("zero point eight five", unit="fraction")
    0.85
    >>> parse_number("zéro virgule cinq", unit="count"), parse_number("nought point five", unit="value")
    (0.5, 0.5)
    >>> parse_number("about 40", unit="count"), parse_number("environ quarante", unit="count")
    (40, 40)
    >>> parse_number("k=2", unit="count", quantity="k"), parse_number("ε = 0.5", unit="value")
    (2, 0.5)
    >>> parse_number("113 of 850 people", unit="fraction") == 113 / 850
    True
    >>> parse_number("nine of them", unit="count")
    9
    """
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {UNITS}, not {unit!r}")
    text = str(text)
    if len(text) > LONGEST:
        raise NotANumber(f"{quoted(shortened(text))} is not a number")
    name, text = _named(text)
    if name is not None and quantity and not _same_quantity(name, quantity):
        raise OtherQuantity(f"{name!r} is not what the question asks for")
    text = _without_sign_and_noun(_without_about(text))
    try:  # "113 of 850", copied from a panel, is the fraction 113/850 (see .number_of)
        text = share_as_fraction(text, unit)
    except ValueError:
        raise NotANumber(f"{text!r} is not a number") from None
    sign = text.rstrip().endswith("%")  # "twelve %": the sign is not a word
    phrase = normalise_phrase(text) + (" percent" if sign else "")
    # a decimal in words is read as its digits: by the same rule, as exactly as they are
    exact, digits = _exact(decimal_in_digits(phrase) or text)
    if unit == "count" and exact is not None and not digits:
        # "12/12" for "how many of the 12": read as 1 it was judged a wrong try (w57)
        raise FractionForCount(f"{text!r} is a fraction, not a count")
    if exact is None:  # a number in words ("twelve", "douze"), or not a number at all
        named = number_from_words(phrase)
        if named is None:
            raise NotANumber(f"{text!r} is not a number")
        value = float(named)
        return int(value) if unit == "count" and value.is_integer() else value
    if exact.denominator == 1 and (unit == "count" or abs(exact) > _FLOAT_WHOLE):
        return int(exact)  # whole, however long: a float would change its last digits
    try:
        value = float(exact)
    except OverflowError:  # beyond any float: it would read as infinity
        raise TooManyDigits(f"{quoted(shortened(text))} has too many digits") from None
    # typed in digits, it must come back as typed; as a fraction, at least not as 0
    if (Fraction(repr(value)) != exact) if digits else (value == 0) != (exact == 0):
        raise TooManyDigits(f"{quoted(shortened(text))} has too many digits")
    return value
