"""The errors the toolkit raises: each says what was wrong and what to do next.

Every error is a ``ValueError`` so that generic code can catch it, and a
subclass of :class:`OsmosisLabError` so that a lesson can catch all of ours
at once without hiding genuine bugs.
"""


class OsmosisLabError(ValueError):
    """Base class of every error this package raises on bad input."""


class InvalidPreferences(OsmosisLabError):
    """Preference lists are malformed (unknown names, duplicates, ties ...)."""


class NoStableMatching(OsmosisLabError):
    """A stable-roommates instance has no stable matching."""


class SchemaError(OsmosisLabError):
    """A data file or table does not match its documented schema."""


class ConsentError(OsmosisLabError):
    """A consent-ledger operation makes no sense (unknown person, bad dates ...)."""


class PrivacyError(OsmosisLabError):
    """A privacy tool got bad parameters (epsilon <= 0, unknown columns ...)."""


class BudgetExceeded(PrivacyError):
    """A query would spend more privacy budget than is left."""


class TrustError(OsmosisLabError):
    """A calibration or reliance tool got bad input (probabilities outside [0, 1] ...)."""


class ReviewError(OsmosisLabError):
    """A launch design or a review is malformed (unknown option, epsilon <= 0 ...)."""
