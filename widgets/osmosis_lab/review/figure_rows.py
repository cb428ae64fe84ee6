"""The figures of a :class:`~osmosis_lab.review.consequences.Consequences`, one row each.

Split from :mod:`.consequences` (which computes the figures) so each module
stays short: this one only lays them out, in words, for the design panel and
the review file. Rows marked "invented" come from an invented model named in
the docstring of the function that computes them.

Examples
--------
>>> _rank(float("nan")), _rank(1.5)
('nobody matched', '1.50')
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, NamedTuple

from osmosis_lab.review import themes
from osmosis_lab.review.privacy_cost import cost_words

if TYPE_CHECKING:
    from osmosis_lab.review.consequences import Consequences, PrivacyFigures
    from osmosis_lab.review.tradeoffs import CompanyFigures


class FigureRow(NamedTuple):
    """One figure: a short ``key``, its ``theme``, the ``figure`` in words, its ``value``, the
    value as ``shown`` in words, which way is ``better`` ("lower", "higher" or "") and whether
    it is a ``share`` (drawn as a percentage)."""

    key: str
    theme: str
    figure: str
    value: float
    shown: str
    better: str
    share: bool


#: What a figure about matches says when the design matched nobody (it reads no data).
NOBODY = "nobody matched"


def figure_rows(c: Consequences) -> list[tuple]:
    """(key, theme, figure, value, shown, better, share) for every figure of ``c``.

    Computed once per :class:`~osmosis_lab.review.consequences.Consequences`: read them
    from its ``rows`` (each a :class:`FigureRow`) or its ``table()``.
    """
    m, s, p, t, x = c.matching, c.consent, c.privacy, c.trust, c.tradeoffs
    launched = len(m.unmatched) + 2 * len(m.pairs)
    count = themes.PUBLISHED_COUNT
    # key, theme, figure, value, shown, better, share
    return [
        (
            "tester_rank",
            "matching",
            "testers' average partner rank on one fixed reference list (1 = first choice)",
            m.tester_rank,
            _rank(m.tester_rank),
            "lower",
            False,
        ),
        (
            "candidate_rank",
            "matching",
            "candidates' average partner rank on one fixed reference list (1 = first choice)",
            m.candidate_rank,
            _rank(m.candidate_rank),
            "lower",
            False,
        ),
        (
            "unmatched",
            "matching",
            "people in the launch left unmatched",
            _share(len(m.unmatched), launched),
            f"{len(m.unmatched)} of {launched}",
            "lower",
            True,
        ),
        (
            "couples_doing_well",
            "product",
            "couples expected to be doing well a year later (from the outcomes of past matches)",
            x.couples_doing_well,
            f"{x.couples_doing_well:.1f} of {x.matches} matches" if x.matches else NOBODY,
            "higher",
            False,
        ),
        (
            "consent_rate",
            "consent",
            "people who consent to research",
            s.consent_rate,
            f"{s.consents} of {s.people_asked} ({s.consent_rate:.0%}; {s.wanted_rate:.0%} want to)",
            "",
            True,
        ),
        (
            "informed_share",
            "consent",
            "research consents that are informed",
            s.informed_share,
            f"{s.informed} of {s.consents} ({s.informed_share:.0%})",
            "higher",
            True,
        ),
        (
            "non_users_used",
            "consent",
            "people used who never signed up",
            float(s.non_users_used),
            str(s.non_users_used),
            "lower",
            False,
        ),
        (
            "minor_uses_without_consent",
            "consent",
            "uses of a minor's data without a valid consent",
            float(s.minor_uses_without_consent),
            str(s.minor_uses_without_consent),
            "lower",
            False,
        ),
        (
            "reidentified",
            "privacy",
            "people in the city re-identified by name",
            p.reidentified_share,
            f"{p.reidentified} of {p.city} ({p.reidentified_share:.0%})",
            "lower",
            True,
        ),
        (
            "health_learned",
            "privacy",
            "people whose health condition the attacker learns",
            p.health_learned / p.city,
            f"{p.health_learned} of {p.city}",
            "lower",
            True,
        ),
        (
            "count_error",
            "privacy",
            f"error of the published count of {count}",
            p.count_error,
            _count_error(p),
            "lower",
            False,
        ),
        (
            "privacy_cost",
            "privacy",
            "worst case: how sure an observer can become that one resident lives with "
            "depression (invented model)",
            _worst_case(p),
            cost_words(c.design, p.cost, rows_released=p.rows_released),
            "lower",
            True,
        ),
        (
            "neural_held",
            "privacy",
            "connected users whose subconscious signals the company holds (invented model)",
            float(x.neural_held),
            f"{x.neural_held} of {x.connected_users}",
            "lower",
            False,
        ),
        (
            "ending_badly",
            "trust",
            "matches expected to end badly (lesson 04's wellbeing model, not past matches)",
            t.share_ending_badly,
            f"{t.share_ending_badly:.0%} of {t.matches} matches (optimising {t.objective})"
            if t.matches
            else f"{NOBODY} (optimising {t.objective})",
            "lower",
            True,
        ),
        (
            "calibration_error",
            "trust",
            "the app's calibration error (0 = says what happens)",
            t.calibration_error,
            f"{t.calibration_error:.2f}",
            "lower",
            True,
        ),
        (
            "harmed",
            "trust",
            "users harmed in an outage of the AI",
            _share(t.harmed, t.users),
            # an outage reaches every implant, matched or not: say so where nobody is matched
            f"{t.harmed} of {t.users}" + ("" if m.pairs else " (connected, matched or not)"),
            "lower",
            True,
        ),
        *_company_rows(x.company),
    ]


def work_and_delay(work_weeks: int, delay_weeks: int) -> str:
    """The company's time cost in words: the work always shows, so a change to it is seen.

    >>> work_and_delay(2, 0), work_and_delay(6, 2), work_and_delay(1, 1)
    ('2 weeks of work, launch not delayed', '6 weeks of work, launch delayed 2 weeks', '1 week of work, launch delayed 1 week')
    """

    delay = f"launch delayed {weeks(delay_weeks)}" if delay_weeks else "launch not delayed"
    return f"{weeks(work_weeks)} of work, {delay}"


def weeks(n: float) -> str:
    """``n`` weeks in words, singular for exactly one (money can last 1 week, or 0.5 weeks).

    >>> weeks(1), weeks(1.0), weeks(0.5), weeks(6)
    ('1 week', '1 week', '0.5 weeks', '6 weeks')
    """
    return f"{n:g} week{'' if n == 1 else 's'}"


def _company_rows(co: CompanyFigures) -> list[tuple]:
    left = (
        weeks(co.cash_weeks_left)
        if co.cash_weeks_left >= 0
        else f"none: runs out {weeks(-co.cash_weeks_left)} before launch"
    )
    # neither is "better": they are the company's costs, weighed against the other figures
    return [
        (
            "delay_weeks",
            "company",
            "weeks of work on safeguards, and the launch's delay (invented model; about a month of work fits)",
            float(co.delay_weeks),
            work_and_delay(co.work_weeks, co.delay_weeks),
            "",
            False,
        ),
        (
            "staff",
            "company",
            "extra staff on call (invented model)",
            float(co.staff),
            str(co.staff),
            "",
            False,
        ),
        (
            "cash_left",
            "company",
            "money left at launch, in weeks of costs, since the investors left (invented model)",
            co.cash_weeks_left,
            left,
            "",
            False,
        ),
    ]


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _rank(value: float) -> str:
    return NOBODY if math.isnan(value) else f"{value:.2f}"


def _worst_case(p: PrivacyFigures) -> float:
    """The worst-case posterior as a share; a bounded one stays below 1 even where a float
    rounds it up (e^50 odds), so no chart or sentence calls it certain."""
    if math.isfinite(p.cost.epsilon):
        return min(p.cost.posterior, math.nextafter(1.0, 0.0))
    return p.cost.posterior


def _count_error(p: PrivacyFigures) -> str:
    # an exact count (rows, or groups of rows) is a whole number; only noise makes it fractional.
    # The true count is over everyone the export is drawn from, not "in the export": a
    # generalised export holds back small groups ("releases 630 rows" beside "1024 people in
    # the export", w60)
    if p.rows_released == 0 and p.error_bound is None:  # nothing published: a count withheld
        return (
            f"{_amount(p.count_error)} (true {p.true_count} of the {p.people_in_export} people "
            "the export is drawn from; no row released, so the count is withheld and reads 0)"
        )
    text = (
        f"{_amount(p.count_error)} (true {p.true_count} of the {p.people_in_export} people the "
        f"export is drawn from, published {_amount(p.published_count)})"
    )
    if p.error_bound is not None:
        text += f"; 95% of draws within {p.error_bound:.1f}"
    return text


def _amount(x: float) -> str:
    """A count as a whole number when it is one ("91", not "91.0"), else to one decimal."""
    return f"{x:.0f}" if float(x).is_integer() else f"{x:.1f}"
