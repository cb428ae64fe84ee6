"""Chances as a learner reads them: "N in 100", rounded the way the claim needs.

:func:`in_100` rounds to the nearest, or up for a worst case (down for what is left beside
it); :func:`rounding_said` says so when rounding moved the figure; :func:`chance_words` keeps
the decimals it takes to show a chance is not whole, for a chance lesson 03 names in several
places as one quantity (the coin's truth chance); :func:`epsilon_words` writes an ε beside them.

>>> in_100(0.53), rounding_said(0.7311, "up"), chance_words(0.7310585786)
('53 in 100', '74 in 100 (73.1 rounded up)', '73.1 in 100')
"""

from __future__ import annotations

import math

from osmosis_lab.errors import PrivacyError


def in_100(chance: float, *, rounding: str = "nearest") -> str:
    """A chance as "N in 100", never rounding a near-certainty up to certain.

    ``rounding="up"`` is for a worst case: it is never shown as smaller than it
    is (and "down" for what is left beside it), so a worst case just past a
    limit never reads as just inside it.

    >>> in_100(0.53), in_100(0.9996), in_100(1.0), in_100(0.001)
    ('53 in 100', 'more than 99 in 100', '100 in 100', 'less than 1 in 100')
    >>> in_100(0.7503, rounding="up"), in_100(0.2497, rounding="down")
    ('76 in 100', '24 in 100')

    Raises
    ------
    PrivacyError
        ``chance`` is not a number from 0 to 1, or ``rounding`` is unknown.
    """
    if isinstance(chance, bool) or not isinstance(chance, int | float) or not 0 <= chance <= 1:
        raise PrivacyError(f"chance must be a number from 0 to 1, got {chance!r}.")
    if rounding not in ("nearest", "up", "down"):
        raise PrivacyError(f"rounding must be 'nearest', 'up' or 'down'; got {rounding!r}.")
    # The edges where rounding would print 100 for "not certain" or 0 for "possible".
    near_certain = chance > 0.99 if rounding == "up" else chance >= 0.995
    near_impossible = chance < 0.01 if rounding == "down" else chance <= 0.005
    if near_certain and chance < 1:
        return "more than 99 in 100"
    if near_impossible and chance > 0:
        return "less than 1 in 100"
    step = {"nearest": round, "up": math.ceil, "down": math.floor}[rounding]
    # Rounded to 9 places first, so float noise (75.00000000000001) does not step up a whole point.
    return f"{step(round(100 * chance, 9))} in 100"


def rounding_said(chance: float, rounding: str) -> str:
    """:func:`in_100` with ``rounding``, saying so beside the number when it moved it.

    The figure in brackets is the chance to one decimal (more when one would hide the
    difference), so a reader sees how far the rounding moved it.

    >>> rounding_said(0.7311, "up"), rounding_said(0.2689, "down"), rounding_said(0.75, "up")
    ('74 in 100 (73.1 rounded up)', '26 in 100 (26.9 rounded down)', '75 in 100')
    >>> rounding_said(0.73004, "up"), rounding_said(0.9996, "up")
    ('74 in 100 (73.004 rounded up)', 'more than 99 in 100')

    Raises
    ------
    PrivacyError
        ``chance`` is not a number from 0 to 1, or ``rounding`` is unknown (as :func:`in_100`).
    """
    words = in_100(chance, rounding=rounding)
    exact = round(100 * chance, 9)
    if not words[0].isdigit() or exact == int(exact):  # "more than 99", or nothing rounded
        return words
    return f"{words} ({_figure(exact)} rounded {rounding})"


def chance_words(chance: float) -> str:
    """A chance as "N in 100" with the decimals it takes to show it is not whole: one figure.

    For a chance that lesson 03 says in several places as the same quantity: the chance the
    coin tells the truth at an ε, which is also the worst case from an even (50 in 100) prior.
    Rounding that worst case up ("74 in 100") beside a truth chance rounded to the nearest
    ("73 %") named one chance with two numbers (issue 12, w54); this figure is never whole
    unless the chance is, so it never reads as inside a whole-number limit it is past.

    >>> chance_words(0.7310585786), chance_words(0.75), chance_words(0.2689414214)
    ('73.1 in 100', '75 in 100', '26.9 in 100')
    >>> chance_words(0.7500026), chance_words(0.99966), chance_words(1.0)
    ('75.0003 in 100', '99.97 in 100', '100 in 100')

    Raises
    ------
    PrivacyError
        ``chance`` is not a number from 0 to 1 (as :func:`in_100`).
    """
    in_100(chance)  # the same refusal as every other chance
    exact = round(100 * chance, 9)
    return f"{exact:g} in 100" if exact == int(exact) else f"{_figure(exact)} in 100"


def _figure(exact: float) -> str:
    """``exact`` (a chance in 100, not whole) with as many decimals as show it is not whole:
    73.004 is not "73.0", and 99.97 is not "100.0"."""
    return next(
        f for d in (1, 2, 3, 4, 9) if not float(f := f"{exact:.{d}f}").is_integer() or d == 9
    )


#: The largest e^ε written as a logarithm ("ln 27"): three polls with the coin "truth 3 in 4".
LOG_NAMED_UP_TO = 1000


def epsilon_words(epsilon: float) -> str:
    """An ε as printed beside a chance: "ln 3 ≈ 1.099" when it is exactly a logarithm.

    The class poll's coins have ε = ln 2, ln 3, ln 4, ln 9 exactly. Rounded to 1.1, ln 3 reads
    as lesson 03's ε = 1.1, which is past the deniable line while ln 3 sits on it (issue 12,
    w56): an exact logarithm is named, with three decimals; any other ε keeps two at most.

    >>> epsilon_words(math.log(3)), epsilon_words(3 * math.log(3)), epsilon_words(1.1)
    ('ln 3 ≈ 1.099', 'ln 27 ≈ 3.296', '1.1')
    >>> epsilon_words(1.0), epsilon_words(0.2 * 5), epsilon_words(0.0)
    ('1', '1', '0')
    """
    if 0 < epsilon < math.log(LOG_NAMED_UP_TO + 1):
        factor = math.exp(epsilon)
        whole = round(factor)
        if whole >= 2 and math.isclose(factor, whole, rel_tol=1e-9):
            return f"ln {whole} ≈ {epsilon:.3f}"
    return f"{round(epsilon, 2):g}"
