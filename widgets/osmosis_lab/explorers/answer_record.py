"""What an answer control keeps its answers in: a contract, checked when the control is built.

An answer control (:mod:`.answers`) keeps each try in a record: ``get(name)`` reads the entry
kept for an exercise, ``put(name, value)`` keeps one, and ``forget(name)`` takes it out again.
``forget`` is not optional: when the last letters of an entry reach the kernel after its Check
(:mod:`.late_keystrokes`), the press is judged again from what it found, and a press that
turns out to be no try ("2" then "50": 250, out of range) must leave no entry behind. A record
without ``forget`` once made that a quiet no-op, and the record kept "2" as a try the learner
never made; so a record that lacks any of the three is refused where the control is built,
with the names of what it lacks, before a learner can press anything.

The lessons' record (:class:`.my_work.LessonRecord`) has all three; ``describe()``, where a
record has it, says under the verdict where the answers are kept (optional: a record in memory
has nothing to say).

Examples
--------
>>> class Kept(dict):
...     def put(self, name, value):
...         self[name] = value
...     def forget(self, name):
...         self.pop(name, None)
>>> isinstance(required(Kept()), Kept)
True
>>> class NoForget(dict):
...     def put(self, name, value):
...         self[name] = value
>>> required(NoForget())  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
TypeError: an answer control's record needs get, put and forget; NoForget has no forget ...
"""

from typing import Any, Protocol, runtime_checkable

#: The methods every record must have, in the order the message names them.
METHODS = ("get", "put", "forget")


@runtime_checkable
class AnswerRecord(Protocol):
    """Where an answer control keeps its tries (see the module's docstring)."""

    def get(self, name: str) -> Any: ...

    def put(self, name: str, value: Any) -> None: ...

    def forget(self, name: str) -> None: ...


def required(record: Any) -> AnswerRecord:
    """``record``, if it has every method of :class:`AnswerRecord`; else a ``TypeError`` that
    names what it lacks (raised when the control is built, never at a later press)."""
    missing = [method for method in METHODS if not callable(getattr(record, method, None))]
    if missing:
        raise TypeError(
            f"an answer control's record needs {', '.join(METHODS[:-1])} and {METHODS[-1]}; "
            f"{type(record).__name__} has no {' or '.join(missing)} (a record without forget "
            "would keep a press its late letters made no try: see explorers.answer_record)"
        )
    return record
