"""Self-checks for the lessons' exercises: ``check.<name>(answer)``.

Each lesson's checks live in a module ``lessonNN.py`` of this package, as
:class:`~osmosis_lab.check.core.Check` objects. They are found by name, so a
lesson only needs ``from osmosis_lab import check``.

Examples
--------
>>> from osmosis_lab import check
>>> check.count_the_testers(...).status
'not attempted'
>>> "count_the_testers" in check.all_checks()
True
"""

import importlib
import pkgutil

from .core import (
    STATUSES,
    STRICT_ENV,
    Check,
    CheckFailed,
    CheckUnavailable,
    Misconception,
    Verdict,
)
from .hints import FOR_CODERS

__all__ = [
    "FOR_CODERS",
    "STATUSES",
    "STRICT_ENV",
    "Check",
    "CheckFailed",
    "CheckUnavailable",
    "Misconception",
    "Verdict",
    "all_checks",
]


def all_checks() -> dict[str, Check]:
    """Every check of every lesson module, by name (names are unique across lessons)."""
    found: dict[str, Check] = {}
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if not module_info.name.startswith("lesson"):
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for value in vars(module).values():
            if isinstance(value, Check):
                if value.name in found and found[value.name] is not value:
                    raise RuntimeError(f"two checks are named {value.name!r}; rename one")
                found[value.name] = value
    return found


def __getattr__(name: str) -> Check:
    checks = all_checks()
    if name in checks:
        return checks[name]
    raise AttributeError(f"no self-check named {name!r}; known: {', '.join(sorted(checks))}")
