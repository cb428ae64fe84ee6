"""Lesson 02's timeline explorer: replay a story step by step against the consent ledger.

Each step (a consent, a withdrawal, a use ...) is applied to the ledger in
turn; every use gets the ledger's verdict, and violations are flagged with
their reason. Esther's hidden experiment is the default timeline.

Examples
--------
>>> explorer = TimelineExplorer()
>>> explorer.step.value = explorer.step.max
>>> "Step 10 of 10 (day 16): count the violations" in explorer.summary.value
True

How many violations Esther's timeline ends with is Exercise 2's answer, held back until that
exercise has a checked answer (its control, or a teacher's reveal), as the consent board
holds back Exercise 4's; every step and its verdicts stay on screen to count from:

>>> explorer.count_gate.reveal("shown anyway")
>>> "Step 10 of 10 (day 16): 7 violations so far." in explorer.summary.value
True
"""

from __future__ import annotations

import html
import re

import ipywidgets as widgets
import pandas as pd

from ..categories import CATEGORY_LABELS
from ..consent.scenarios import SCENARIOS
from ..consent.timeline import Replayed, Scenario, moments, replay
from ..data import load_people
from . import controls as sliders
from .base import Explorer, show_chart, text_block
from .consent_charts import timeline_chart
from .gate import Gate
from .live import LiveText

TIMELINES = {
    "esther": "Esther's hidden experiment",
    "niels": "Niels, 17",
    "louise": "Louise cannot consent",
    "soulmates": "Never signed up",
}
#: The exercise whose answer is Esther's count of violations (Exercise 2), and her timeline.
VIOLATIONS_EXERCISE = "esther_violation_count"
COUNTED_TIMELINE = "esther"


class Replay:
    """A step slider with Previous/Next buttons over a replayed scenario (mixed into explorers).

    The slider moves through *moments* (``consent.timeline.moments``): the same decision taken
    by several people on one day (twelve sign-ups) is one step, so every click shows something
    new. Notes name people by name where the explorer knows them, not by their ids.
    """

    step: widgets.IntSlider
    #: Whether the count of violations is an exercise's answer not yet answered: then no
    #: step says how many it adds (the timeline's Exercise 2 sets it; erasure has none).
    count_held_back: bool = False

    def _replay_controls(self, scenario: Scenario, names: dict[str, str] | None) -> None:
        self.names = names or {}
        self.history: tuple[Replayed, ...] = replay(scenario)
        self.moments = moments(self.history)
        self.step = sliders.IntSlider(
            value=1,
            min=1,
            max=len(self.moments),
            description="Step",
            style={"description_width": "initial"},
        )
        self.back = widgets.Button(description="Previous step", tooltip="Show the step before")
        self.next = widgets.Button(description="Next step", tooltip="Show the step after")
        self.back.on_click(lambda _b: self._move(-1))
        self.next.on_click(lambda _b: self._move(+1))
        # Says why a press did nothing at either end. The buttons stay enabled: disabling the
        # button that has keyboard focus drops the focus to the page.
        self.edge = LiveText()
        self.step.observe(lambda _change: setattr(self.edge, "value", ""), names="value")
        self.step_buttons = widgets.HBox([self.back, self.next, self.edge])
        self.story = LiveText()  # the one live region: this step's event (step_html)
        # the list under the chart is not live (see step_html): the step says what changed
        self.summary = widgets.HTML()

    def _load(self, scenario: Scenario) -> None:
        self.history = replay(scenario)
        self.moments = moments(self.history)
        # max is live (controls.IntSlider): the browser's slider gets the new number of steps,
        # and a value past the new end is clamped to it before anyone reads it
        self.step.max = len(self.moments)
        self.step.value = 1  # a new story starts at its first step
        self.edge.value = ""  # what was said about the old story's ends is not about this one

    def _move(self, delta: int) -> None:
        """Go ``delta`` steps; past either end, stay and say so (:func:`edge_words`)."""
        target = self.step.value + delta
        self.step.value = min(self.step.max, max(self.step.min, target))
        words = edge_words(target, self.step.min, self.step.max)
        self.edge.value = words or ""

    @property
    def current(self) -> Replayed:
        """The last step of the current moment: the ledger as it stands after it."""
        return self.moments[self.step.value - 1][-1]

    def _shown(self) -> tuple[Replayed, ...]:
        """Every replayed step up to the end of the current moment."""
        return self.history[: sum(len(m) for m in self.moments[: self.step.value])]

    def name(self, pid: str) -> str:
        return f"{self.names[pid]} ({pid})" if pid in self.names else pid

    def in_words(self, note: str) -> str:
        """A step's note with each person's id replaced by their name (ids are for the ledger)."""
        if not self.names:
            return note
        ids = "|".join(re.escape(pid) for pid in sorted(self.names, key=len, reverse=True))
        return re.sub(rf"\b({ids})\b", lambda m: self.names[m.group(1)], note)

    def events(self) -> pd.DataFrame:
        """One row per log entry of a use or decision, up to the current step."""
        rows = []
        for r in self._shown():
            uses = [e for e in r.entries if e.kind == "use"]
            for e in uses or r.entries[:1]:
                verdict = (
                    "decision"
                    if e.kind != "use"
                    else "allowed"
                    if e.outcome == "allowed"
                    else "violation"
                )
                what = (
                    f"{r.step.action} by {r.step.by or 'the person'}"
                    if e.kind != "use"
                    else f"{e.purpose} use of {category_words(e.category).lower()} by {r.step.by}"
                )
                rows.append(
                    {
                        "day": r.step.day,
                        "person": self.name(r.step.person),
                        "what": what,
                        "verdict": verdict,
                        "outcome": e.outcome,
                        "detail": e.detail,
                    }
                )
        return pd.DataFrame(rows)

    def step_html(self) -> str:
        """This step's event and its verdicts: the one live region, read once at each step.

        The text equivalent under the chart (every violation so far) is not live: read whole
        at each step it repeated the instruction and the list, and never this step (w47).
        """
        moment = self.moments[self.step.value - 1]
        day = f"<strong>Step {self.step.value} of {self.step.max}. Day {moment[0].step.day}.</strong> "
        flagged = sum(e.outcome != "allowed" for r in moment for e in r.entries if e.kind == "use")
        changed = (
            "<p>No violation at this step.</p>"
            if not flagged
            # a number here would turn Exercise 2's count into a sum of the steps' numbers
            else "<p>This step flags at least one violation (⚠ above).</p>"
            if self.count_held_back
            else f"<p>This step adds {flagged} violation{'s' * (flagged != 1)}.</p>"
        )
        if len(moment) == 1:
            body = self._step_text(moment[0])
        else:
            items = "".join(f"<li>{self._step_text(r)}</li>" for r in moment)
            body = f"{len(moment)} people, on the same day:<ul>{items}</ul>"
        return f"<div class='osmosis-step'>{day}{body}{changed}</div>"

    def _step_text(self, r: Replayed) -> str:
        verdicts = "".join(
            f"<li>{'⚠ VIOLATION: ' if e.outcome != 'allowed' else '✓ '}"
            f"{html.escape(category_words(e.category))}: {html.escape(self.in_words(e.detail))}</li>"
            for e in r.entries
            if e.kind == "use"
        )
        return html.escape(self.in_words(r.step.note)) + (
            f"<ul>{verdicts}</ul>" if verdicts else ""
        )


def edge_words(target: int, first: int, last: int) -> str:
    """What a press of Next or Previous that would leave the steps says ("" inside them).

    >>> edge_words(8, 1, 7)
    'Step 7 of 7 is the last step: there is no next step. Previous step goes back.'
    >>> edge_words(0, 1, 7)
    'Step 1 is the first step: there is no previous step. Next step goes on.'
    >>> edge_words(4, 1, 7)
    ''
    """
    if target > last:
        return (
            f"Step {last} of {last} is the last step: there is no next step. "
            "Previous step goes back."
        )
    if target < first:
        return f"Step {first} is the first step: there is no previous step. Next step goes on."
    return ""


def category_words(category: str) -> str:
    """A data category as the learner reads it ("Scraped social media", not ``scraped``).

    >>> category_words("scraped")
    'Scraped social media'
    """
    return CATEGORY_LABELS.get(category, category)  # a category outside the four: as it is


class TimelineExplorer(Replay, Explorer):
    """Pick a timeline (Esther's experiment by default) and step through it."""

    def __init__(self, names: dict[str, str] | None = None, *, timeline: str = "esther") -> None:
        Explorer.__init__(self)
        self._replay_controls(SCENARIOS[timeline](), names)
        self.timeline = sliders.ToggleButtons(
            options=[(v, k) for k, v in TIMELINES.items()],
            value=timeline,
            description="Timeline",
            tooltips=list(TIMELINES.values()),
            # each button as wide as its words: a fixed 15em cut "Esther's hidden experim…"
            style={"description_width": "initial", "button_width": "auto"},
        )
        self.timeline.observe(lambda c: self._load(SCENARIOS[c["new"]]()), names="value")
        # Exercise 2 asks for Esther's count: the headline and the chart's title hold it back
        # until the exercise has a checked answer (the board's pattern for Exercise 4). The
        # gate is never displayed; it follows the exercise's control, built after this one.
        self.count_gate = Gate(VIOLATIONS_EXERCISE, widgets.HTML())
        self.count_gate.status.observe(lambda _change: self._count_revealed(), names="value")
        self._assemble([self.timeline, self.step], extra=[self.step_buttons, self.story])
        self.refresh()

    @classmethod
    def with_lesson_data(cls) -> TimelineExplorer:
        people = load_people()
        return cls(dict(zip(people["person_id"], people["name"], strict=True)))

    def _load(self, scenario: Scenario) -> None:
        self._loading = True  # one refresh for the new timeline, not one per slider change
        super()._load(scenario)
        self._loading = False
        self.refresh()

    def _count_revealed(self) -> None:
        if self.view is not None:  # the gate may reveal before the explorer is built
            self.refresh()

    @property
    def count_held_back(self) -> bool:
        """Whether the count is Exercise 2's answer, not yet answered (Esther's timeline only)."""
        return self.timeline.value == COUNTED_TIMELINE and not self.count_gate.shown

    def refresh(self) -> None:
        if getattr(self, "_loading", False):
            return
        table = self.events()
        flagged = table[table["verdict"] == "violation"]
        r = self.current
        where = f"Step {self.step.value} of {self.step.max} (day {r.step.day})"
        headline = (
            f"{where}: count the violations yourself from the steps and the list below (a "
            "cross marked ×2 on the chart is two uses). Answer Exercise 2 and press Check: "
            "then the timeline tells you its count."
            if self.count_held_back
            else f"{where}: {len(flagged)} violation{'s' * (len(flagged) != 1)} so far."
        )
        show_chart(
            self.chart,
            timeline_chart(
                table[["day", "person", "what", "verdict"]], f"Timeline chart. {headline}"
            ),
        )
        self.story.value = self.step_html()
        lines = [
            f"Day {row.day}, {row.person}: {row.what}. {row.detail}" for row in flagged.itertuples()
        ]
        # not live: the step's own event is announced (step_html), not this whole list again
        self.summary.value = text_block(headline, lines or ["No violation so far."])
