"""The class poll's questions, read from ``lessons/poll_questions.yml``.

The list is data in the repository, with a warning at its top about what never
to ask. A question a teacher adds is marked ``vetted: false`` and is shown with
that warning.

Examples
--------
>>> questions = load_poll_questions()
>>> questions[0].text
"Have you ever pretended to have seen a film you haven't?"
>>> all(q.vetted for q in questions)
True
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from osmosis_lab.errors import SchemaError

#: Where the list lives in a checkout of the repository (the notebooks sit beside it).
DEFAULT_PATH = Path(__file__).resolve().parents[3] / "lessons" / "poll_questions.yml"
NEVER_ASK = (
    "Never ask about health, sexuality or relationships, crime, family, religion or politics, "
    "or anything that could harm a learner if their answer were known."
)


@dataclass(frozen=True)
class PollQuestion:
    """A question learners answer by its number."""

    number: int
    text: str
    vetted: bool


def load_poll_questions(path: str | Path | None = None) -> list[PollQuestion]:
    """The questions in ``path`` (default: the repository's list), in the order given.

    Raises
    ------
    SchemaError
        The file is missing, is not the documented shape, or repeats a number.
    """
    source = Path(path) if path is not None else DEFAULT_PATH
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise SchemaError(f"Cannot read the poll questions in {source}: {error}") from None
    entries = data.get("questions") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise SchemaError(f"{source} must hold 'questions:', a list of number/text/vetted.")
    questions = []
    for entry in entries:
        ok = isinstance(entry, dict) and isinstance(entry.get("number"), int)
        if not ok or not isinstance(entry.get("text"), str) or not entry["text"].strip():
            raise SchemaError(f"{source}: each question needs a number and a text; got {entry!r}.")
        questions.append(
            PollQuestion(entry["number"], entry["text"].strip(), entry.get("vetted") is True)
        )
    numbers = [q.number for q in questions]
    if len(set(numbers)) != len(numbers):
        raise SchemaError(f"{source}: question numbers repeat ({numbers}); never renumber, add.")
    return questions
