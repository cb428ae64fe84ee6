"""Numbers typed as words (issue 13): the phrasings a number answer accepts and refuses.

A table of what a learner may type, in English and French, and what it must read as; and a
table of what must never read as a number (negations, two numbers, a number with other
words). Both go through ``parse_number``, the one place typed numbers are read, and a few
through a real answer control, as a learner meets them.
"""

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from osmosis_lab.check import number_words
from osmosis_lab.check.exercise import NotANumber, normalise_phrase, parse_number
from osmosis_lab.check.number_words import WHOLE_NUMBERS
from osmosis_lab.explorers.answers import answer_control

ACCEPTED = [
    # English
    ("zero", 0), ("none", 0), ("one", 1), ("Twelve", 12), ("twelve.", 12), ("  TWELVE ", 12),
    ("nineteen", 19), ("twenty", 20), ("twenty-one", 21), ("twenty one", 21),
    ("forty-two", 42), ("ninety nine", 99), ("a hundred", 100), ("one hundred", 100),
    ("one hundred one", 101), ("six hundred and thirty-three", 633), ("twelve hundred", 1200),
    ("one thousand and twenty-four", 1024), ("a thousand", 1000),
    # French, both spellings of the hyphens, and the Belgian and Swiss tens
    ("zéro", 0), ("un", 1), ("une", 1), ("Douze", 12), ("seize", 16), ("dix-sept", 17),
    ("dix sept", 17), ("vingt", 20), ("vingt et un", 21), ("vingt-et-un", 21),
    ("vingt-deux", 22), ("trente et une", 31), ("soixante", 60), ("soixante-dix", 70),
    ("soixante et onze", 71), ("soixante-douze", 72), ("soixante-dix-neuf", 79),
    ("quatre-vingts", 80), ("quatre-vingt-un", 81), ("quatre-vingt-dix", 90),
    ("quatre-vingt-onze", 91), ("quatre-vingt-dix-neuf", 99), ("cent", 100),
    ("septante", 70), ("septante-deux", 72), ("huitante", 80), ("octante", 80),
    ("nonante et un", 91), ("aucun", 0), ("mille", 1000), ("deux cents", 200),
    ("six cent trente-trois", 633), ("mille vingt-quatre", 1024), ("sept cent soixante-dix", 770),
    # fractions and percentages in words
    ("half", 0.5), ("a half", 0.5), ("a quarter", 0.25), ("three quarters", 0.75),
    ("la moitié", 0.5), ("un quart", 0.25), ("trois quarts", 0.75),
    ("fifteen percent", 0.15), ("fifteen per cent", 0.15), ("quinze pour cent", 0.15),
    ("15 per cent", 0.15), ("15 percent", 0.15), ("twelve %", 0.12), ("douze%", 0.12),
    # an estimate asked for ("About how many…?", lesson 04) is answered with "about" (w51)
    ("about twelve", 12), ("environ douze", 12),
    # with what was counted, as "12 people" is read (w57, w58)
    ("twelve people", 12), ("ten testers.", 10), ("vingt-et-un testeurs", 21),
    # a decimal said aloud, as "0.85" is read (w57, w58)
    ("zero point eight five", 0.85), ("zéro virgule huit cinq", 0.85),
]  # fmt: skip

REJECTED = [
    "not twelve", "not 12", "pas douze", "twelve or thirteen", "douze ou treize",
    "twelve or thirteen people", "twelve twelve", "twelve twelve people", "nine or ten testers",
    "twelve % people", "twelve million", "zero point eighty five", "zero point five point five",
    "12 twelve", "3 quarters", "one two", "no", "nobody", "personne",
    "twenty and one", "vingt un", "quatre vingt et un", "hundred and one",
    "a million", "eleventy", "twelfth", "half twelve", "percent", "not half",
    "minus twelve", "twelve percent%", "",
    # a scale's plural multiplies: never dropped as the noun of what was counted (read as 2)
    "deux milles", "six hundreds", "2 dozen", "deux milliers", "trois centaines",
    # hundreds and thousands out of order, twice, or said as nobody says them; beyond 9,999;
    # digits with a scale word
    "hundred six", "six hundred hundred", "thirty hundred", "one thousand and six hundred",
    "six hundred and", "un mille", "un cent", "mille et un", "twelve thousand",
    "1 thousand", "6 hundred", "six hundred trente",
]  # fmt: skip


@pytest.mark.parametrize(("typed", "means"), ACCEPTED)
def test_a_number_in_words_reads_as_that_number(typed, means):
    assert parse_number(typed, unit="value") == pytest.approx(means)
    counted = parse_number(typed, unit="count")
    # a whole number in words is a count like its digits (the check says 12, not 12.0)
    assert type(counted) is (int if float(means).is_integer() else float)


@pytest.mark.parametrize("typed", REJECTED)
def test_anything_else_is_not_a_number(typed):
    with pytest.raises(NotANumber):
        parse_number(typed, unit="value")


def test_every_whole_number_from_0_to_100_has_a_name_in_each_language():
    english, french = number_words._english(), number_words._french()
    assert set(english.values()) == set(french.values()) == set(range(101))
    # a name in both languages ("six") means the same number in both
    assert all(english[name] == french[name] for name in english.keys() & french.keys())
    # each name is stored normalised, so what a learner types is matched as it is stored
    assert all(normalise_phrase(name) == name for name in WHOLE_NUMBERS)


# nine of the twelve testers are invented; "twelve" is the named misconception "every tester"
@pytest.mark.parametrize(("typed", "status"), [("nine", "correct"), ("Neuf.", "correct"),
                                               ("twelve", "hint"), ("not nine", "not attempted")])  # fmt: skip
def test_an_answer_control_judges_words_as_the_number(typed, status):
    control = answer_control("count_the_testers")
    control.text.value = typed
    control.check_button.click()
    assert control.status == status, control.verdict.value
    if status == "not attempted":
        assert "digits or words" in control.verdict.value


@given(st.text())
def test_the_ascii_shortcut_normalises_as_the_accent_folding_does(text):
    # normalise_phrase skips Unicode's decomposition when the casefolded text is ASCII
    # (nothing to decompose there): what it returns must not depend on that shortcut
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    assert normalise_phrase(text) == " ".join(re.sub(r"[^\w]+", " ", letters).split())
