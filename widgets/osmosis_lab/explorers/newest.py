"""The newest explorer of each class in this kernel, for views that read another explorer.

Re-running a lesson cell builds a new explorer; the old one disappears from the
page but lives on in memory. A view built from it (lesson 05's review writer
reads the design panel and the stakeholder matrix) must follow the new one, or
it saves values nobody can see. Every explorer announces itself here when it
lays out its controls (:meth:`Explorer._assemble`); followers are told, and held
weakly, so a writer that is gone is simply forgotten.

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
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

_newest: dict[type, weakref.ref] = {}
_followers: dict[type, list[weakref.WeakMethod]] = {}


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
