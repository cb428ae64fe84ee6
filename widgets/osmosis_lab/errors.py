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


class RecordError(OsmosisLabError):
    """A learner's saved work could not be read or written safely; nothing was lost."""


class RecordNotWritten(RecordError):
    """The system refused a save (disk full, read-only folder ...); the previous file is unchanged."""


class UnsafeRecordPath(RecordError):
    """A save would go through a symbolic link, into a folder, or outside the learner's folder."""


class EmptyRecordRefused(RecordError):
    """Saving would replace saved work with nothing; only an explicit "Clear" may do that."""


class UnencodableText(RecordError):
    """The text holds characters no file can store (half an emoji: a lone surrogate)."""
