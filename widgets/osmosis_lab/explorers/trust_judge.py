"""Lesson 04's "Judge first": decide on past matches before the app tells you its verdict.

For each anonymised case the learner sees what the app saw (how alike the two
people are in each data category), decides to accept or reject the match and
says how sure they are, and only then sees the app's verdict; they may keep
or change their call. At the end, their calibration and reliance are shown
beside the app's. Once the learner signs in (:mod:`.my_work`), each call is kept
in their record of work as soon as it is locked in, and comes back after a reload
or a restart (:mod:`.judge_record`); nothing is sent anywhere.

Examples
--------
>>> import numpy as np
>>> from osmosis_lab.data import load_pairs, load_population
>>> from osmosis_lab.trust import judge_cases
>>> cases = judge_cases(load_pairs(), load_population(), n=4, rng=np.random.default_rng(1))
>>> explorer = JudgeFirstExplorer(cases)
>>> for _ in range(4):
...     explorer.judge("accept", 80)
>>> "You agreed with the app on" in explorer.summary.value
True
"""

import ipywidgets as widgets
import numpy as np
import pandas as pd

from ..charts import trust as trust_charts
from ..data import load_pairs, load_population
from ..trust import (
    calibration_summary,
    decision_probability,
    judge_cases,
    reliability_table,
    reliance_summary,
)
from . import controls as sliders
from . import my_work
from .base import Explorer, show_chart, text_block
from .confirm import ConfirmStep
from .judge_record import JudgeRecord, KeepsCalls
from .live import LiveText
from .plain_words import calibration_error_words
from .trust_judge_words import ReportText, case_card_html, live_report_html, stated_chance_words

BINS = 5
#: What the Next case button says on the last case: pressing it shows the results (the lesson
#: names this button).
SEE_RESULTS = "See my results"
CHOICES = [("Accept the match", "accept"), ("Reject it", "reject")]
START_CONFIDENCE = 75


class JudgeFirstExplorer(KeepsCalls, Explorer):
    """One case at a time: your call and confidence, then the app's verdict, then results."""

    def __init__(self, cases: pd.DataFrame, *, lesson: str = "04_trust") -> None:
        super().__init__()
        self.cases = cases.reset_index(drop=True)
        self.answers: list[dict] = []
        self.pending: dict = {}
        self.record, self.started_again = JudgeRecord(lesson), 0
        self.kept = LiveText()  # where the calls are kept, said when it changes
        self.report_view = LiveText()  # the live report (:meth:`live_report`)
        style = {"description_width": "initial"}
        self.progress = widgets.Label()
        self.case_card = widgets.HTML()
        self.decision = sliders.ToggleButtons(
            options=CHOICES, value=None, description="Your call", style=style
        )
        self.confidence = sliders.IntSlider(
            value=START_CONFIDENCE,
            min=50,
            max=100,
            step=5,
            description="How sure are you (%)",
            style=style,
        )
        self.confidence.layout.width = "520px"
        # The buttons stay enabled while cases are left: disabling the one that has the focus
        # would drop a keyboard user's focus. Pressed out of turn, they say why not. On the last
        # case Next case reads "See my results"; once pressed it stays enabled (it has the
        # focus) as "All N judged" and says where the results are. Lock in is switched off then.
        self.lock = widgets.Button(
            description="Lock in my call", tooltip="Record your call before you see the app's"
        )
        self.verdict = LiveText()
        self.final = sliders.ToggleButtons(
            options=CHOICES, value=None, disabled=True, description="Final call", style=style
        )
        self.next_case = widgets.Button(description="Next case")
        self.start_again = widgets.Button(description="Start again")
        self.lock.on_click(lambda _: self._lock())
        self.next_case.on_click(lambda _: self._next())
        # one Enter on Start again erased ten kept calls (w43): it asks first when any is kept
        self.starting_again = ConfirmStep(
            self.start_again, "Forget all your calls, the kept ones too, and judge the cases "
            "again from the first?", yes="Yes, start again", on_ask=self._ask_start_over,
            on_yes=self.start_over, on_keep=lambda: self.starting_again.show(False),
        )  # fmt: skip
        steps = [self.progress, self.case_card, self.decision, self.confidence, self.lock]
        steps += [self.verdict, self.final, self.next_case, self.chart, self.summary]
        self.view = widgets.VBox([*steps, self.start_again, self.starting_again.row, self.kept])
        self.reset()
        my_work.follow(self)  # Run All builds this before the learner presses Open my work
        self.on_sign_in()

    @classmethod
    def with_lesson_data(cls) -> "JudgeFirstExplorer":
        """The lesson's 10 cases (its setup seed, drawn first)."""
        cases = judge_cases(load_pairs(), load_population(), n=10, rng=np.random.default_rng(2019))
        return cls(cases)

    # -- the flow ---------------------------------------------------------------------------
    @property
    def position(self) -> int:
        return len(self.answers)

    @property
    def finished(self) -> bool:
        return self.position >= len(self.cases)

    def reset(self) -> None:
        """Forget every call on screen and start from the first case."""
        self.answers, self.pending = [], {}
        self.chart.outputs = ()
        self._show_case()

    def _ask_start_over(self) -> None:
        if self.answers or self.pending:
            self.starting_again.show(True)
        else:  # nothing to lose
            self.start_over()

    def judge(self, call: str, confidence: int, final: str | None = None) -> None:
        """Decide the current case as a learner would: call, confidence, lock, final, next."""
        self.decision.value = call
        self.confidence.value = confidence
        self.lock.click()
        self.final.value = final or call
        self.next_case.click()

    def _show_case(self) -> None:
        self.final.value, self.final.disabled = None, True
        self.verdict.value = ""
        # every change to the decided cases passes here (next case, start again, calls restored)
        self.report_view.value = live_report_html(self.report())
        if self.finished:
            self._show_results()
            return
        case = self.cases.iloc[self.position]
        self.next_case.description, self.next_case.disabled = "Next case", False
        self.lock.disabled = False
        self.progress.value = f"Case {self.position + 1} of {len(self.cases)}"
        self.case_card.value = case_card_html(case)
        self.decision.value = None
        self.confidence.value = START_CONFIDENCE  # each case starts from the same neutral place
        self.decision.disabled = self.confidence.disabled = False
        # the summary is what is announced: it names the case, or a listener heard no new case
        self.summary.value = text_block(
            f"{self.progress.value}: decide before you look anywhere else.",
            # where the calls go is said once, by the record (``self.kept``), true signed in or not
            ["Pick accept or reject, set how sure you are, then lock in your call."],
        )

    def _lock(self) -> None:
        if self.finished or not self.final.disabled:  # nothing left, or already locked
            return
        if self.decision.value is None:
            self.verdict.value = "<p>Choose accept or reject first.</p>"
            return
        self._reveal({"initial": self.decision.value, "confidence": self.confidence.value})
        self._keep()

    def _reveal(self, pending: dict) -> None:
        """Show the app's verdict on the current case, the learner's call locked in."""
        case = self.cases.iloc[self.position]
        self.pending = pending
        self.decision.value, self.confidence.value = pending["initial"], pending["confidence"]
        self.decision.disabled = self.confidence.disabled = True
        app_call = "accept" if case["app_accepts"] else "reject"
        last = self.position == len(self.cases) - 1
        self.next_case.description = SEE_RESULTS if last else "Next case"
        then = f"press {SEE_RESULTS}" if last else "go to the next case"
        self.verdict.value = (
            f"<p><strong>The app says: {app_call}</strong>, and states it is "
            f"{case['certainty']:.0%} sure the couple will do well. Keep your call or change it, "
            f"then {then}.</p>"
        )
        self.final.value, self.final.disabled = pending["initial"], False
        # "decide before you look anywhere else" stayed on screen after the call was locked (w40)
        self.summary.value = text_block(
            "Your first call is locked in.", [f"Keep it or change it, then {then}."]
        )

    def _next(self) -> None:
        if self.finished:  # the button keeps the keyboard focus; it says where to look
            self.verdict.value = (
                f"<p>All {len(self.cases)} cases are decided: your results are "
                "below. Press Start again to judge them again.</p>"
            )
            return
        if self.final.disabled or self.final.value is None:
            self.verdict.value = "<p>Lock in your call first; then you see the app's verdict.</p>"
            return
        self.answers.append({**self.pending, "final": self.final.value})
        self.pending = {}
        self._show_case()
        self._keep()

    # -- the results --------------------------------------------------------------------------
    def results(self) -> dict:
        """Your calibration and reliance beside the app's, on the cases decided so far."""
        done = self.cases.iloc[: self.position]
        answers = pd.DataFrame(self.answers)
        initial = (answers["initial"] == "accept").to_numpy()
        final = (answers["final"] == "accept").to_numpy()
        yours = decision_probability(initial, answers["confidence"].to_numpy() / 100)
        outcome = done["outcome"].to_numpy()
        reliance = reliance_summary(final, done["app_accepts"].to_numpy(), outcome, initial=initial)
        # accuracy counts the calls themselves (reliance_summary's rule), not a threshold on
        # ``yours``: a reject at 50 % sure is 0.5 there, which a threshold reads as accept (w52)
        you = {**calibration_summary(yours, outcome, bins=BINS)}
        you["accuracy"] = reliance.first_right / reliance.cases
        return {
            "you": you,
            "app": calibration_summary(done["certainty"].to_numpy(), outcome, bins=BINS),
            "tables": {
                "you": reliability_table(yours, outcome, bins=BINS),
                "the app": reliability_table(done["certainty"].to_numpy(), outcome, bins=BINS),
            },
            "reliance": reliance,
        }

    def report(self) -> "ReportText":
        """Your reliance so far, in words (or what to do first when nothing is decided yet)."""
        if not self.answers:
            return ReportText(
                "You have not judged any case yet: go back to the Judge first explorer."
            )
        words = self.results()["reliance"].in_words()
        if not self.finished:
            words = f"So far ({self.position} of {len(self.cases)} cases): " + words
        return ReportText(words)

    def live_report(self) -> widgets.HTML:
        """:meth:`report` as a widget that follows the explorer: it changes with each case judged.

        A lesson shows it once; it never goes stale, so the learner never has to re-run its cell.
        """
        return self.report_view

    def _show_results(self) -> None:
        self.progress.value = f"All {len(self.cases)} cases decided."
        # Nothing is left to go to: say so on the button itself. It stays enabled: the learner
        # has just pressed it, and disabling it would drop their keyboard focus.
        self.next_case.description = f"All {len(self.cases)} judged"
        self.lock.disabled = True
        self.case_card.value = ""
        self.decision.disabled = self.confidence.disabled = True
        found = self.results()
        show_chart(self.chart, trust_charts.reliability_chart(found["tables"]))
        you, app = found["you"], found["app"]
        self.summary.value = text_block(
            f"Your first calls, made before you saw the app's, were right on "
            f"{you['accuracy']:.0%} of the cases; the app's on {app['accuracy']:.0%}.",
            [
                f"Calibration error (0 is best; very rough on only {you['cases']} cases): yours "
                f"{calibration_error_words(you['expected_calibration_error'])}, the app's "
                f"{calibration_error_words(app['expected_calibration_error'])}.",
                f"You said on average you were {you['mean_predicted']:.0%} sure a couple would "
                f"do well; the app, {app['mean_predicted']:.0%}; {you['observed_rate']:.0%} did.",
                found["reliance"].in_words(),
                stated_chance_words(self.answers[0]["initial"], self.answers[0]["confidence"]),
                *trust_charts.reliability_text(found["tables"]["you"], who="you")[:1],
                *trust_charts.reliability_text(found["tables"]["the app"])[:1],
            ],
        )

    def refresh(self) -> None:
        self._show_case()
