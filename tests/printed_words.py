"""What an explorer prints when its cell first runs, in words: the reading model's second input.

A learner reads the sentences under a chart, a table in words and a card as surely as the
lesson's Markdown. :func:`shown_text` is what a learner can read in a built explorer: the text
of its ``HTML`` and ``Label`` widgets (what ``sequences.every_text`` asserts on), without what
the browser does not show as text: a ``<style>`` or ``<script>`` block, the body of a folded
``<details>`` (only its summary shows until opened, and opening it is optional: lesson 05's
file preview repeats the panel) and any widget whose layout, or an ancestor's, is
``display: none`` (a confirmation that appears only when asked for).

**One state here, every step in** ``step_words``. An explorer is counted here at its starting
state, as ``with_lesson_data()`` builds it (how the generic tests and the benchmarks build each
one as its lesson does; its figures may differ from the lesson's, whose generator has drawn
before, but not its length by more than a word or two). What a learner reads stepping through an
explorer to its end (lesson 04's judge-first: ten cases, then the results) is counted by
``step_words``, in the same fresh process, after every starting count.

**A fresh kernel, not this process.** The counts are built in a new Python process, started in
an empty folder (:func:`fresh_counts`), never in the test process: there, what earlier tests
built lives on (ipywidgets keeps every widget until it is closed) and changes what a new
explorer shows. A lesson 05 review writer left from a test, with a signed-in learner's saved
design, adopts every design panel built after it and refills it with that design (28 more
words under pytest-xdist, where the tests ran in another order); the sign-in, the gates'
controls and the newest explorers are per-kernel state too. A fresh process has none of it.

Building every explorer takes seconds (altair, ipywidgets, the simulations), so the counts are
computed once (one process for all of them) and kept on disk under ``.pytest_cache/`` keyed by
a hash of the package's source, the data and this file: a lint run after an unrelated edit
imports no widget at all.

>>> import ipywidgets as widgets
>>> view = widgets.VBox([
...     widgets.HTML("<style>.a { color: red }</style><p>Two figures <b>changed</b>.</p>"),
...     widgets.HTML("<details><summary>Preview</summary><pre>a long file</pre></details>"),
...     widgets.HTML("Asked only on Clear", layout=widgets.Layout(display="none")),
...     widgets.Label("Step 1 of 9"),
... ])
>>> shown_text(view)
'Two figures changed . Preview Step 1 of 9'
>>> count_words(shown_text(view))
8
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import subprocess
import sys
import tempfile
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "widgets" / "osmosis_lab"
CACHE = ROOT / ".pytest_cache" / "reading_model"
STEPS = Path(__file__).with_name("step_words.py")  # how the step-throughs are stepped
#: A word, for the lesson's Markdown and the explorers' text alike: letters or digits, with the
#: marks inside a word kept in it, so "1.90", "12,000", "10:30" and "Lucas's" are one word each
#: (the tables in words are mostly such numbers; counted as "1" and "90" they read twice as long).
WORD = re.compile(r"\w+(?:[.,'’:]\w+)*")

_HIDDEN_MARKUP = re.compile(
    r"<(style|script)\b.*?</\1>|(?<=</summary>).*?(?=</details>)", re.S | re.I
)


def count_words(text: str) -> int:
    return len(WORD.findall(text))


def shown_text(widget) -> str:
    """The text a learner can read in ``widget`` and its children, markup removed."""
    return re.sub(r"\s+", " ", " ".join(text for _, text in shown_parts(widget))).strip()


def shown_parts(widget) -> list[tuple[str, str]]:
    """(widget id, its text) for each text widget a learner can read in ``widget``, in order:
    :func:`shown_text` in pieces, so a step can say which widget's text changed
    (``step_words``)."""
    import ipywidgets as widgets

    from osmosis_lab.explorers.live import LiveText  # shown text too, announced

    if getattr(getattr(widget, "layout", None), "display", None) == "none":
        return []  # hidden, and everything in it
    parts = []
    value = getattr(widget, "value", None)
    if isinstance(
        widget, widgets.HTML | widgets.Label | widgets.HTMLMath | LiveText
    ) and isinstance(value, str):
        visible = _HIDDEN_MARKUP.sub(" ", value)
        parts.append((widget.model_id, html.unescape(re.sub(r"<[^>]+>", " ", visible))))
    for child in getattr(widget, "children", ()):
        parts += shown_parts(child)
    return parts


def _fingerprint() -> str:
    """A hash of everything the counts depend on: the package, the data and this module's rule."""
    digest = hashlib.sha256()
    files = [*PACKAGE.rglob("*.py"), *(ROOT / "data").rglob("*.csv"), Path(__file__), STEPS]
    for path in sorted(files):
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _explorer_classes() -> dict:
    """Every concrete Explorer subclass in ``osmosis_lab.explorers``, by class name."""
    import importlib
    import inspect
    import pkgutil

    from osmosis_lab import explorers
    from osmosis_lab.explorers.base import Explorer

    found = {}
    for info in pkgutil.iter_modules(explorers.__path__):
        module = importlib.import_module(f"{explorers.__name__}.{info.name}")
        for name, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, Explorer) and value is not Explorer:
                found[name] = value
    return found


class _Counts:
    """The words each explorer shows at its start, computed lazily and kept on disk."""

    def __init__(self) -> None:
        self.path = CACHE / f"words-{_fingerprint()}.json"
        try:
            self.known = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.known = {}
        self._classes = None

    def classes(self) -> dict:
        if self._classes is None:
            self._classes = _explorer_classes()
        return self._classes

    def names(self) -> list[str]:
        if "classes" not in self.known:
            self.known["classes"] = sorted(self.classes())
            self._save()
        return self.known["classes"]

    def fresh(self, key: str) -> dict:
        """``fresh_run()[key]``, from the disk when it was computed for this fingerprint."""
        if key not in self.known:
            self.known.update(fresh_run())  # every class at once: one process to start
            self._save()
        return self.known[key]

    def _save(self) -> None:
        try:
            CACHE.mkdir(parents=True, exist_ok=True)
            for old in CACHE.glob("words-*.json"):  # an older fingerprint: never read again
                if old != self.path:
                    old.unlink(missing_ok=True)
            # whole or not at all: the other pytest-xdist worker may read it meanwhile
            part = self.path.with_suffix(f".{os.getpid()}.part")
            part.write_text(json.dumps(self.known, sort_keys=True), encoding="utf-8")
            os.replace(part, self.path)
        except OSError:  # a read-only checkout: the counts stay for this process only
            pass


@cache
def fresh_run() -> dict[str, dict | list]:
    """Every count, each explorer built in a fresh process: {"words": {class name: the words
    it shows at its start}, "walks": {class name: ``step_words.walk``'s result} for the
    step-throughs, "steps_on": the classes whose starting view has a Next button}.

    The process starts in an empty temporary folder (a writer reads saved work next to the
    notebook) and builds the explorers one after another: none of them reads another's state
    at its start (``tests/test_reading_model_printed.py`` checks a leftover writer changes
    nothing). Deterministic, so one run per test process is enough.
    """
    with tempfile.TemporaryDirectory(prefix="osmosis-words-") as folder:
        result = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--count-fresh"],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=600,
        )
    if result.returncode != 0:
        raise RuntimeError(f"counting the explorers' words failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout)


def fresh_counts() -> dict[str, int]:
    """{class name: the words it shows at its start}, from :func:`fresh_run`."""
    return fresh_run()["words"]


def _count_fresh() -> dict:
    """What :func:`fresh_run` returns, computed in this process (the fresh one)."""
    import step_words

    classes = _explorer_classes()
    words, steps_on = {}, []
    for name in sorted(classes):
        view = classes[name].with_lesson_data().view
        words[name] = count_words(shown_text(view))
        if step_words.next_buttons(view):
            steps_on.append(name)
    # walked last, each built again: stepping one to its end changes no other's start
    return {"words": words, "walks": step_words.fresh_walks(classes), "steps_on": steps_on}


@cache
def counts() -> _Counts:
    return _Counts()


def explorers_built(source: str) -> list[str]:
    """The explorer classes a code cell builds: each one named and called (``Name(`` or
    ``Name.a_constructor(``), so an import line builds nothing."""
    return [name for name in counts().names() if re.search(rf"\b{name}\s*(\(|\.\w+\()", source)]


def words_at_start(name: str) -> int:
    """The words explorer class ``name`` shows when its cell first runs."""
    return counts().fresh("words")[name]


def walked(name: str) -> dict[str, int]:
    """What a learner reads and decides stepping explorer class ``name`` to its end, after its
    start (``step_words.walk``): no steps, words or decisions for an explorer not stepped."""
    return counts().fresh("walks").get(name, {"steps": 0, "words": 0, "decisions": 0})


if __name__ == "__main__" and sys.argv[1:] == ["--count-fresh"]:
    # the fresh process fresh_run() starts: print every count as JSON
    print(json.dumps(_count_fresh()))
