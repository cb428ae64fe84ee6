"""Lesson 04's judge-first calls, kept in the learner's record of work like answers and reflections.

Each case is kept as soon as its first call is locked in (so a reload cannot turn a
second look into a "first" call), and again when the final call is made. The
record section :data:`SECTION` holds, per lesson::

    {"04_trust": {"cases": 10, "started_again": 0,
                  "calls": [{"case": 3, "first_call": "accept", "confidence": 80,
                             "app_call": "reject", "app_sure": 0.31, "final_call": "reject",
                             "switched": true, "did_well": false}, ...]}}

``final_call`` is ``None`` while the learner has seen the app's verdict but not yet
moved on. ``records/EXPORT_FORMAT.md`` documents the same layout in the export.

Examples
--------
>>> import pandas as pd
>>> case = pd.Series({"case": 3, "app_accepts": False, "certainty": 0.312, "outcome": 0})
>>> entry = call_entry(case, "accept", 80, "reject")
>>> entry["switched"], entry["app_call"], entry["app_sure"], entry["did_well"]
(True, 'reject', 0.31, False)
>>> screen_calls([entry], [3, 4])
[{'initial': 'accept', 'confidence': 80, 'final': 'reject'}]
>>> screen_calls([entry], [4, 3]) is None  # kept for other cases: not restored
True
"""

import html

from ..errors import RecordError
from ..records.export import JUDGE_FIRST as SECTION  # the record section, and the export's key
from . import my_work

_CALLS = ("accept", "reject")


def call_entry(case, first_call: str, confidence: int, final_call: str | None) -> dict:
    """One case as kept: the learner's first call, the app's verdict, any switch, the final call."""
    return {
        "case": int(case["case"]),
        "first_call": first_call,
        "confidence": int(confidence),
        "app_call": "accept" if case["app_accepts"] else "reject",
        "app_sure": round(float(case["certainty"]), 2),
        "final_call": final_call,
        "switched": final_call is not None and final_call != first_call,
        "did_well": bool(case["outcome"]),
    }


def screen_calls(calls, case_ids) -> list[dict] | None:
    """The kept calls as the explorer holds them, or ``None`` if they do not fit these cases.

    Only complete calls in the order of ``case_ids`` fit; a last call without a final
    call yet is left to :func:`pending_call`.
    """
    if not isinstance(calls, list) or len(calls) > len(case_ids):
        return None
    held = []
    for number, (entry, case) in enumerate(zip(calls, case_ids, strict=False)):
        if not isinstance(entry, dict) or entry.get("case") != int(case):
            return None
        final, first = entry.get("final_call"), entry.get("first_call")
        confidence = entry.get("confidence")
        if first not in _CALLS or not isinstance(confidence, int):
            return None
        if final is None and number == len(calls) - 1:
            break  # locked in, final call not made yet
        if final not in _CALLS:
            return None
        held.append({"initial": first, "confidence": confidence, "final": final})
    return held


def pending_call(calls) -> dict | None:
    """The last kept call if its final call is not made yet (the learner saw the app's verdict)."""
    last = calls[-1] if isinstance(calls, list) and calls else None
    if isinstance(last, dict) and last.get("final_call") is None:
        return {"initial": last.get("first_call"), "confidence": last.get("confidence")}
    return None


class JudgeRecord:
    """Read and write one lesson's judge-first calls in the signed-in learner's record."""

    def __init__(self, lesson: str) -> None:
        self.lesson = lesson
        self.problem = ""

    def kept(self) -> dict:
        """The kept fields for this lesson (``{}`` when nothing is kept or nobody signed in)."""
        learner = my_work.current_learner()
        if learner is None:
            return {}
        try:
            kept = my_work.current_store().load(learner).get(SECTION, {}).get(self.lesson, {})
        except RecordError as error:
            self.problem = str(error)
            return {}
        return kept if isinstance(kept, dict) else {}

    def save(self, calls: list[dict], *, cases: int, started_again: int) -> bool:
        """Keep ``calls`` (entries of :func:`call_entry`); False (and :attr:`problem`) if not kept."""
        learner = my_work.current_learner()
        if learner is None:
            return False
        store = my_work.current_store()
        mine = {"cases": cases, "started_again": started_again, "calls": calls}
        try:
            section = store.load(learner).get(SECTION, {})
            store.save(learner, SECTION, {**section, self.lesson: mine}, allow_empty=True)
        except RecordError as error:
            self.problem = str(error)
            return False
        self.problem = ""
        return True

    def describe(self, restored: int = 0, *, other_cases: bool = False) -> str:
        """Where the calls go, for the explorer to show (read out to screen readers)."""
        learner = my_work.current_learner()
        if other_cases:
            text = (
                "Your record holds judge-first calls for other cases; they were not brought back. "
                "Your first call here replaces them."
            )
        elif self.problem:
            text = f"<strong>Your calls are not kept:</strong> {html.escape(self.problem)}"
        elif learner is None:
            text = (
                "Your calls are not kept until you sign in at the top of the lesson; nothing is "
                f"sent anywhere. {my_work.AFTER_RESTART}"
            )
        else:
            plural = "s are" if restored != 1 else " is"
            back = f"Your {restored} kept call{plural} back. " if restored else ""
            text = (
                f"{back}Your calls are kept for {html.escape(learner)} on this machine, each as "
                "soon as you lock it in; they leave it only if you export your work."
            )
        return f"<p>{text}</p>"


class KeepsCalls:
    """What :class:`~.trust_judge.JudgeFirstExplorer` does with the record: keep, restore, clear.

    It uses the explorer's ``cases``, ``answers``, ``pending``, ``position``, ``finished``,
    ``record`` (a :class:`JudgeRecord`), ``started_again``, ``kept`` (an HTML widget),
    ``reset``, ``_show_case`` and ``_reveal``.
    """

    def start_over(self) -> None:
        """Start again: the kept calls are cleared too, and the record counts the new start."""
        self.started_again += 1
        self.reset()
        self._keep()

    def _entries(self) -> list[dict]:
        done = [
            call_entry(self.cases.iloc[i], a["initial"], a["confidence"], a["final"])
            for i, a in enumerate(self.answers)
        ]
        if self.pending and not self.finished:
            case = self.cases.iloc[self.position]
            done.append(call_entry(case, self.pending["initial"], self.pending["confidence"], None))
        return done

    def _keep(self, restored: int = 0) -> None:
        self.record.save(self._entries(), cases=len(self.cases), started_again=self.started_again)
        self.kept.value = self.record.describe(restored)

    def on_sign_in(self) -> None:
        """Bring kept calls back; or keep the calls made on screen before the sign-in."""
        signed_in = my_work.current_learner() is not None
        kept = self.record.kept() if signed_in else {}
        calls = kept.get("calls")
        if not calls:  # nothing kept yet (or nobody signed in): keep what is on screen
            if signed_in and (self.answers or self.pending):
                return self._keep()
            self.kept.value = self.record.describe()
            return
        held = screen_calls(calls, self.cases["case"].tolist())
        if held is None:  # kept for other cases (another seed): left as they are
            self.kept.value = self.record.describe(other_cases=True)
            return
        # the kept first calls win over calls made before signing in: those came second
        self.started_again = int(kept.get("started_again") or 0)
        self.answers, self.pending = held, {}
        self._show_case()
        if pending_call(calls) and not self.finished:
            self._reveal(pending_call(calls))
        self.kept.value = self.record.describe(len(calls))
