"""Lesson 02's timeline explorer: replay a story step by step against the consent ledger.

Each step (a consent, a withdrawal, a use ...) is applied to the ledger in
turn; every use gets the ledger's verdict, and violations are flagged with
their reason. Esther's hidden experiment is the default timeline.

Examples
--------
>>> explorer = TimelineExplorer()
>>> explorer.step.value = explorer.step.max
>>> "6 violations" in explorer.summary.value or "7 violations" in explorer.summary.value
True
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd

from ..consent.scenarios import SCENARIOS
from ..consent.timeline import Replayed, Scenario, replay
from ..data import load_people
from . import controls as sliders
from .base import Explorer, show_chart, text_block
from .consent_charts import timeline_chart

TIMELINES = {
    "esther": "Esther's hidden experiment",
    "niels": "Niels, 17",
    "louise": "Louise cannot consent",
    "soulmates": "Never signed up",
}


class Replay:
    """A step slider with Previous/Next buttons over a replayed scenario (mixed into explorers)."""

    step: widgets.IntSlider

    def _replay_controls(self, scenario: Scenario, names: dict[str, str] | None) -> None:
        self.names = names or {}
        self.history: tuple[Replayed, ...] = replay(scenario)
        self.step = sliders.IntSlider(
            value=1,
            min=1,
            max=len(self.history),
            description="Step",
            style={"description_width": "initial"},
        )
        self.back = widgets.Button(description="Previous step")
        self.next = widgets.Button(description="Next step")
        self.back.on_click(lambda _b: self._move(-1))
        self.next.on_click(lambda _b: self._move(+1))
        self.story = widgets.HTML()

    def _load(self, scenario: Scenario) -> None:
        self.history = replay(scenario)
        # max is live (controls.IntSlider): the browser's slider gets the new number of steps,
        # and a value past the new end is clamped to it before anyone reads it
        self.step.max = len(self.history)
        self.step.value = 1  # a new story starts at its first step

    def _move(self, delta: int) -> None:
        self.step.value = min(self.step.max, max(self.step.min, self.step.value + delta))

    @property
    def current(self) -> Replayed:
        return self.history[self.step.value - 1]

    def name(self, pid: str) -> str:
        return f"{self.names[pid]} ({pid})" if pid in self.names else pid

    def events(self) -> pd.DataFrame:
        """One row per log entry of a use or decision, up to the current step."""
        rows = []
        for r in self.history[: self.step.value]:
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
                    else f"{e.purpose} use of {e.category} by {r.step.by}"
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
        r = self.current
        verdicts = "".join(
            f"<li>{'⚠ VIOLATION: ' if e.outcome != 'allowed' else '✓ '}"
            f"{html.escape(e.category)}: {html.escape(e.detail)}</li>"
            for e in r.entries
            if e.kind == "use"
        )
        return (
            f"<div class='osmosis-step'><strong>Day {r.step.day}.</strong> "
            f"{html.escape(r.step.note)}" + (f"<ul>{verdicts}</ul>" if verdicts else "") + "</div>"
        )


class TimelineExplorer(Replay, Explorer):
    """Pick a timeline (Esther's experiment by default) and step through it."""

    def __init__(self, names: dict[str, str] | None = None, *, timeline: str = "esther") -> None:
        Explorer.__init__(self)
        self._replay_controls(SCENARIOS[timeline](), names)
        self.timeline = widgets.ToggleButtons(
            options=[(v, k) for k, v in TIMELINES.items()],
            value=timeline,
            description="Timeline",
            tooltips=list(TIMELINES.values()),
            style={"description_width": "initial", "button_width": "15em"},
        )
        self.timeline.observe(lambda c: self._load(SCENARIOS[c["new"]]()), names="value")
        self._assemble(
            [self.timeline, self.step], extra=[widgets.HBox([self.back, self.next]), self.story]
        )
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

    def refresh(self) -> None:
        if getattr(self, "_loading", False):
            return
        table = self.events()
        flagged = table[table["verdict"] == "violation"]
        r = self.current
        headline = (
            f"Step {self.step.value} of {self.step.max} (day {r.step.day}): "
            f"{len(flagged)} violations so far."
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
        self.summary.value = text_block(headline, lines or ["No violation so far."])
