"""Lesson 01's step-through: deferred acceptance one proposal at a time.

The engine returns the whole story as events (``deferred_acceptance_steps``);
this view only chooses how much of it to show. One "proposal" is a proposal
and its answer (and the rejection of whoever it displaces).

Examples
--------
>>> explorer = StepThroughExplorer()
>>> explorer.next_proposal.click()
>>> "Ada proposes to X" in explorer.summary.value
True
>>> explorer.play.click()
>>> "Done:" in explorer.summary.value
True

At the end nothing is left to show: Next proposal and Play to the end are disabled, and the
text says what to do next. A "Finished" button appears in their place and takes the focus: it
does nothing, so a learner pressing Enter to go on keeps the end on screen; Start again needs a
press of its own. Start again brings them back (before the first proposal, Back and Start
again are the ones disabled).

>>> explorer.next_proposal.disabled, explorer.play.disabled
(True, True)
>>> explorer.finished.layout.display is None, explorer.finished.description
(True, '✓ Finished: all 7 proposals shown')
>>> explorer.finished.click()
>>> "Done:" in explorer.summary.value
True
>>> "Press Start again to watch it again" in explorer.summary.value
True
>>> explorer.start_again.click()
>>> explorer.next_proposal.disabled, explorer.back.disabled, explorer.start_again.disabled
(False, True, True)
>>> explorer.finished.layout.display
'none'
"""

import html

import ipywidgets as widgets

from ..charts import matching as matching_charts
from ..matching import deferred_acceptance_steps
from ..matching.compare import proposal_grid
from .base import Explorer, show_chart, text_block
from .matching_common import CASES, alone_reasons, case_picker, load_case


class StepThroughExplorer(Explorer):
    """Example picker; Next proposal / Back one proposal / Play to the end / Start again; grid
    and log.

    Buttons rather than a slider: JupyterLab gives an ipywidgets slider handle no
    accessible name, and every button here is reachable with Tab and pressed with Enter.
    A button that would do nothing is disabled (a learner found "Next proposal" still
    looking live at the end); when that happens to the button just pressed, the focus moves
    on (:meth:`_go`), so a keyboard user is never dropped. At the end it moves to
    ``finished``, a button that says so and does nothing: on Start again, one more Enter (a
    learner going on) threw the end state away (w47, w48).
    """

    def __init__(self, case: str = CASES[0]) -> None:
        super().__init__()
        self.example = case_picker(value=case)
        self.position = 0  # proposals shown so far
        self.next_proposal = _button("Next proposal", "Show the next proposal and its answer")
        self.back = _button("Back one proposal", "Hide the last proposal shown")
        self.play = _button("Play to the end", "Show every remaining proposal")
        self.start_again = _button("Start again", "Back to before the first proposal")
        # shown only at the end, where it holds the focus: pressing it changes nothing
        self.finished = _button("✓ Finished", "The end: every proposal is shown")
        self.next_proposal.on_click(lambda b: self._go(self.position + 1, b))
        self.back.on_click(lambda b: self._go(self.position - 1, b))
        self.play.on_click(lambda b: self._go(self.total, b))
        self.start_again.on_click(lambda b: self._go(0, b))
        self.log = widgets.HTML()
        buttons = widgets.HBox(
            [self.finished, self.next_proposal, self.back, self.play, self.start_again]
        )
        self._loaded = None
        self._assemble([self.example, buttons])
        self.view.children = (*self.view.children, self.log)
        self.refresh()

    @classmethod
    def with_lesson_data(cls) -> "StepThroughExplorer":
        return cls()

    def _go(self, proposals: int, pressed: widgets.Button | None = None) -> None:
        """Show the first ``proposals`` proposals; ``pressed``: the button that asked.

        A press the browser sent before its button was disabled changes nothing. If the press
        disables its own button, the browser would drop the focus to the page: it goes to
        ``finished`` at the end (never Start again: the next Enter would start over), to Next
        proposal at the start.
        """
        if pressed is not None and pressed.disabled:
            return
        self.position = max(0, min(proposals, self.total))
        self.refresh()
        if pressed is not None and pressed.disabled:
            (self.finished if self.position else self.next_proposal).focus()

    def _load(self, name: str) -> None:
        case = load_case(name)
        self.case = case
        self.events = deferred_acceptance_steps(case.proposers, case.reviewers)
        # where each proposal starts; the story after the last one ends with the final event
        self.starts = [i for i, e in enumerate(self.events) if e.kind == "proposal"]
        self.total = len(self.starts)
        self._loaded = name
        self.position = 0

    def shown_events(self, proposals: int | None = None) -> int:
        """How many events the first ``proposals`` proposals cover (all of them at the end)."""
        k = self.position if proposals is None else proposals
        return len(self.events) if k >= len(self.starts) else self.starts[k]

    def refresh(self) -> None:
        if self.example.value != self._loaded:
            self._load(self.example.value)
        upto = self.shown_events()
        grid = proposal_grid(self.events, self.case.proposers, upto=upto)
        latest = self.events[self.shown_events(self.position - 1) : upto] if upto else []
        held = self.events[upto - 1].held if upto else ()
        done = upto == len(self.events)
        alone = {}
        if done:  # only the end result has people left alone for good
            alone = alone_reasons(dict(held), self.case.proposers, self.case.reviewers)
        # the engine's last line counts only the proposers left alone: say both sides, in words
        ending = final_words(self.case, len(held), alone) if done else ""
        lines = [ending if e.kind == "final" else e.text for e in latest]
        lines = lines or ["Nobody has proposed yet. Press Next proposal."]
        together = ", ".join(f"{p} and {r}" for p, r in held) or "nobody yet"
        lines.append(f"{'Final pairs' if done else 'Tentatively together'}: {together}.")
        lines += list(alone.values())
        show_chart(
            self.chart,
            matching_charts.steps_chart(
                grid, step=self.position, total=self.total, unmatched=list(alone)
            ),
        )
        if done:
            lines.append("Press Start again to watch it again, or Back one proposal to step back.")
        self._enable(at_start=self.position == 0, at_end=done)
        title = f"{self.case.name}: proposal {self.position} of {self.total}"
        self.summary.value = text_block(title, lines)
        self.log.value = _log_html(self.events[:upto], ending)

    def _enable(self, *, at_start: bool, at_end: bool) -> None:
        """Disable the buttons that would do nothing here (the one rule for their state)."""
        self.next_proposal.disabled = self.play.disabled = at_end
        self.back.disabled = self.start_again.disabled = at_start
        self.finished.layout.display = None if at_end else "none"
        shown = f"all {self.total} proposals" if self.total != 1 else "the one proposal"
        self.finished.description = f"✓ Finished: {shown} shown"


def final_words(case, pairs: int, alone: dict) -> str:
    """The end of the story in words: pairs, and who is left alone on each side.

    In deferred acceptance a proposer left alone has asked everyone on their list, and a
    reviewer left alone was never asked (anyone asked holds an offer from then on).

    >>> from .matching_common import BETA, load_case
    >>> print(final_words(load_case(BETA), 10, {"Sofia Ricci": "", "Antoine": ""}))
    ... # doctest: +NORMALIZE_WHITESPACE
    Done: nobody is left to propose. 10 pairs; left alone: 1 of the testers, who asked everyone
    on their list (Sofia Ricci), and 1 of the candidates, whom nobody asked (Antoine).
    """
    asked = [who for who in alone if who in case.proposers]
    never = [who for who in alone if who in case.reviewers]
    named = []
    if asked:
        named.append(
            f"{len(asked)} of the {case.proposer_side}, who asked everyone on their list "
            f"({', '.join(asked)})"
        )
    if never:
        named.append(
            f"{len(never)} of the {case.reviewer_side}, whom nobody asked ({', '.join(never)})"
        )
    left = f"left alone: {', and '.join(named)}" if named else "nobody is left alone"
    return f"Done: nobody is left to propose. {pairs} pair{'s' * (pairs != 1)}; {left}."


def _button(label: str, tooltip: str) -> widgets.Button:
    return widgets.Button(description=label, tooltip=tooltip, layout=widgets.Layout(width="auto"))


def _log_html(events, ending: str) -> str:
    """The story so far as a numbered list, in a scrolling box (``ending``: the last line)."""
    if not events:
        return "<p><em>The log is empty.</em></p>"
    texts = [ending if e.kind == "final" else e.text for e in events]
    items = "".join(f"<li>{html.escape(text, quote=False)}</li>" for text in texts)
    return (
        "<details open><summary>Log of every step so far</summary>"
        f"<ol style='max-height:14em;overflow-y:auto' tabindex='0' aria-label='Log of every step'>"
        f"{items}</ol></details>"
    )
