"""The stakeholder matrix: who is affected by the launch, and what each has most at stake.

The roles follow value sensitive design's advice to count *indirect*
stakeholders too: people who never use the app but are affected by it (here,
someone found as a soulmate who never signed up). For each role the learner
picks the value most at stake and writes a short note; the matrix is kept as
a table.

Examples
--------
>>> matrix = stakeholder_matrix({"tester": ("wellbeing", "Lucas trusts the score"),
...                              "found": ("consent", "never asked")})
>>> matrix.loc["Found, never signed up", "most at stake"]
'consent'
>>> matrix.loc["An investor", "most at stake"]
'(not chosen)'
>>> int(values_at_stake(matrix).set_index("value").loc["consent", "roles"])
1

References
----------
Friedman, B. and Hendry, D. G. (2019). *Value Sensitive Design: Shaping
Technology with Moral Imagination*. MIT Press (direct and indirect
stakeholder analysis).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from osmosis_lab.errors import ReviewError

#: Role key -> (short label, who it stands for in the story).
ROLES: dict[str, tuple[str, str]] = {
    "tester": ("Beta tester", "one of the 12 testers, such as Ana or Lucas"),
    "minor": ("A minor and their parent", "Niels, 17, and his mother"),
    "found": ("Found, never signed up", "someone named as a soulmate who never joined"),
    "humanist": ("Humanist activist", "wants love to stay 'organic'"),
    "founders": ("The founders", "Paul and Esther Vanhove"),
    "investor": ("An investor", "wants the launch, and a return"),
    "regulator": ("A regulator", "a data protection authority, such as France's CNIL"),
    "support": ("Billie (support)", "looks after the testers day to day"),
}
#: The values the matrix offers.
VALUES: tuple[str, ...] = (
    "consent", "privacy", "wellbeing", "safety", "autonomy", "fairness", "profit",
)  # fmt: skip
NOT_CHOSEN = "(not chosen)"


def stakeholder_matrix(entries: Mapping[str, tuple[str | None, str]]) -> pd.DataFrame:
    """The filled matrix: one row per role (all eight, in order), indexed by its label.

    Parameters
    ----------
    entries : mapping
        Role key (of :data:`ROLES`) -> (value most at stake or None, note).
        Roles left out are shown as not chosen, with no note.

    Returns
    -------
    pandas.DataFrame
        Columns ``who``, ``most at stake`` and ``note``.
    """
    if not isinstance(entries, Mapping):
        raise ReviewError(
            "entries must map a role to (value, note), e.g. "
            "{'tester': ('wellbeing', 'trusts the score')}."
        )
    unknown = [role for role in entries if role not in ROLES]
    if unknown:
        raise ReviewError(f"unknown roles {unknown}; known: {', '.join(ROLES)}.")
    rows = []
    for role, (label, who) in ROLES.items():
        value, note = _entry(role, entries.get(role, (None, "")))
        rows.append({"role": label, "who": who, "most at stake": value or NOT_CHOSEN, "note": note})
    return pd.DataFrame(rows).set_index("role")


def _entry(role: str, entry) -> tuple[str | None, str]:
    if not isinstance(entry, tuple | list) or len(entry) != 2:
        raise ReviewError(f"the entry for {role!r} must be (value, note); got {entry!r}.")
    value, note = entry
    if value is not None and value not in VALUES:
        raise ReviewError(
            f"{value!r} is not a value of the matrix; use one of {', '.join(VALUES)} (or None)."
        )
    if not isinstance(note, str):
        raise ReviewError(f"the note for {role!r} must be text; got {note!r}.")
    return value, " ".join(note.split())  # one line: a note lives in a table cell


def values_at_stake(matrix: pd.DataFrame) -> pd.DataFrame:
    """How many roles put each value first, and which roles: every value, in order."""
    chosen = matrix["most at stake"]
    return pd.DataFrame(
        [
            {
                "value": value,
                "roles": int((chosen == value).sum()),
                "who": ", ".join(chosen.index[chosen == value]),
            }
            for value in VALUES
        ]
    )
