"""The data categories the Osmosis implant reads, and the columns behind them.

These names are shared by the data set (``data/*.csv``), the engines and the
lessons. Consent is granted per category, so every trait column belongs to
exactly one category.

Examples
--------
>>> CATEGORIES["declared"][0]
'declared_openness'
>>> len(TRAIT_COLUMNS)
16
>>> category_of("signal_novelty")
'subconscious'
"""

#: Category -> its four trait columns. Values are in [0, 1].
CATEGORIES: dict[str, tuple[str, ...]] = {
    # what a person says about themselves when they sign up
    "declared": (
        "declared_openness",
        "declared_family_wish",
        "declared_ambition",
        "declared_humour",
    ),
    # what Osmosis scrapes from social media, with or without sign-up
    "scraped": (
        "scraped_nightlife",
        "scraped_culture",
        "scraped_outdoors",
        "scraped_activism",
    ),
    # what the implant reads from conscious memories
    "conscious": (
        "memory_warmth",
        "memory_conflict",
        "memory_adventure",
        "memory_solitude",
    ),
    # what the implant reads below awareness
    "subconscious": (
        "signal_attachment",
        "signal_novelty",
        "signal_reassurance",
        "signal_intensity",
    ),
}

#: Plain-language labels for controls and charts.
CATEGORY_LABELS: dict[str, str] = {
    "declared": "Declared profile",
    "scraped": "Scraped social media",
    "conscious": "Conscious memories",
    "subconscious": "Subconscious signals",
}

#: How much each person weighs each category (a row sums to 1).
WEIGHT_COLUMNS: dict[str, str] = {c: f"weight_{c}" for c in CATEGORIES}

TRAIT_COLUMNS: tuple[str, ...] = tuple(t for ts in CATEGORIES.values() for t in ts)

#: Columns an attacker can often find elsewhere (public profiles, registers).
QUASI_IDENTIFIERS: tuple[str, ...] = ("age", "arrondissement", "occupation", "gender")

#: Facts a person would not want released (invented values). The first two are
#: special-category data in the sense of GDPR Article 9; the third stands for
#: the kind of secret Lucas keeps (a relationship his partner does not know of).
SENSITIVE_COLUMNS: tuple[str, ...] = (
    "sexual_orientation",
    "health_condition",
    "secret_relationship",
)


def category_of(column: str) -> str:
    """Return the category a trait column belongs to.

    Raises ``KeyError`` naming the known columns when ``column`` is not a trait.

    >>> category_of("scraped_culture")
    'scraped'
    """
    for category, columns in CATEGORIES.items():
        if column in columns:
            return category
    raise KeyError(f"{column!r} is not a trait column; known: {', '.join(TRAIT_COLUMNS)}")


def trait_words(column: str) -> str:
    """A trait column as a learner reads it: its category's prefix dropped, in words.

    A column's name is for code; "family_wish" on screen read as code (w54).

    >>> trait_words("declared_family_wish"), trait_words("signal_novelty")
    ('family wish', 'novelty')
    """
    category_of(column)  # a trait column, or a KeyError naming the known ones
    return column.split("_", 1)[1].replace("_", " ")


#: The design-review question whose answer is a list of categories (lesson 05's "data read"):
#: the one multi-choice answer a class view tabulates, so it is counted per category.
READ_QUESTION = "Data categories read"
#: What a list of no categories says, and what separates the categories of a list.
NOTHING, _SEPARATOR = "nothing", ", "


def categories_in_words(categories) -> str:
    """A list of categories as a learner reads it (and as :func:`categories_from_words` reads back).

    >>> categories_in_words(["declared", "subconscious"])
    'declared profile, subconscious signals'
    >>> categories_in_words([])
    'nothing'
    """
    return _SEPARATOR.join(CATEGORY_LABELS[c].lower() for c in categories) or NOTHING


def categories_from_words(text: str) -> list[str] | None:
    """The categories' words in ``text`` (written by :func:`categories_in_words`), one per
    category chosen; ``[]`` for "nothing"; ``None`` when ``text`` is not such a list.

    >>> categories_from_words("declared profile, subconscious signals")
    ['declared profile', 'subconscious signals']
    >>> categories_from_words("nothing"), categories_from_words("declared profile, fun")
    ([], None)
    """
    text = " ".join(str(text).split())
    if text == NOTHING:
        return []
    words = {label.lower() for label in CATEGORY_LABELS.values()}
    items = text.split(_SEPARATOR)
    return items if items and all(item in words for item in items) else None
