"""The newest explorer of each class in this kernel, for views that read another explorer.

Re-running a lesson cell builds a new explorer; the old one disappears from the
page but lives on in memory. A view built from it (lesson 05's review writer
reads the design panel and the stakeholder matrix) must follow the new one, or
it saves values nobody can see. Every explorer announces itself here when it
lays out its controls (:meth:`Explorer._assemble`); followers are told, and held
weakly, so a writer that is gone is simply forgotten.

Which reader adopts a new explorer is decided by :func:`may_adopt`: only the
newest reader of its class (an older writer whose cell was re-run stays put),
and only an explorer no other reader has claimed (:func:`claim`) or is building
(:func:`building`), so two writers in one kernel keep their own.

Examples
--------
>>> class Toy:
...     pass
>>> seen = []
>>> class Follower:
...     def notice(self, explorer):
...         seen.append(explorer)
>>> follower = Follower()
>>> follow(Toy, follower.notice)
>>> first, second = Toy(), Toy()
>>> announce(first); announce(second)
>>> newest(Toy) is second, seen == [first, second]
(True, True)
>>> announce(follower)
>>> may_adopt(follower, second)
True
>>> other_reader = Follower()
>>> claim(second, other_reader); may_adopt(follower, second)
False
"""

from __future__ import annotations

import contextlib
import weakref
from collections.abc import Callable, Iterator

_newest: dict[type, weakref.ref] = {}
_followers: dict[type, list[weakref.WeakMethod]] = {}
_readers: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_building = 0


def announce(explorer: object) -> None:
    """Record ``explorer`` as the newest of its class and tell that class's followers."""
    kind = type(explorer)
    _newest[kind] = weakref.ref(explorer)
    alive = [ref for ref in _followers.get(kind, []) if ref() is not None]
    _followers[kind] = alive
    for ref in alive:
        callback = ref()
        if callback is not None:
            callback(explorer)


def newest(kind: type) -> object | None:
    """The newest live explorer of class ``kind``, or ``None``."""
    ref = _newest.get(kind)
    return ref() if ref is not None else None


def follow(kind: type, callback: Callable[[object], None]) -> None:
    """Call ``callback(explorer)`` whenever a new ``kind`` is announced.

    ``callback`` must be a bound method; it is held weakly, so following keeps
    nothing alive.
    """
    _followers.setdefault(kind, []).append(weakref.WeakMethod(callback))


def claim(explorer: object, reader: object) -> None:
    """Record that ``reader`` reads ``explorer`` (weakly: a reader that is gone claims nothing)."""
    _readers[explorer] = weakref.ref(reader)


@contextlib.contextmanager
def building() -> Iterator[None]:
    """Explorers built inside belong to the reader about to be built: nobody adopts them."""
    global _building
    _building += 1
    try:
        yield
    finally:
        _building -= 1


def may_adopt(reader: object, explorer: object) -> bool:
    """True if ``reader`` should switch to ``explorer``, a newly built explorer."""
    owner = _readers.get(explorer)
    return (
        not _building
        and newest(type(explorer)) is explorer
        and newest(type(reader)) is reader
        and (owner is None or owner() is None)
    )
