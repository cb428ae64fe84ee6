"""Lesson 04's judge-first calls as the teacher sees them: read from an export, counted in learners.

An export (version 2) holds ``judge_first``: lesson -> ``{"cases", "started_again",
"calls": [{"case", "first_call", "confidence", "app_call", "app_sure", "final_call",
"switched", "did_well"}]}`` (``osmosis_lab/records/EXPORT_FORMAT.md``). Only calls
whose final call was made are counted. The class sees counts of *learners*, never
of calls: "3 calls" could be one learner. Whether a switch was over- or
under-reliance is decided by :func:`osmosis_lab.trust.reliance_summary`, the rule
lesson 04 teaches, not again here.

Examples
--------
>>> calls = judge_calls({"04_trust": {"calls": [
...     {"first_call": "reject", "app_call": "accept", "final_call": "accept", "did_well": False},
...     {"first_call": "accept", "app_call": "accept", "final_call": None, "did_well": True}]}})
>>> len(calls), calls[0].switched
(1, True)
>>> learner_rows([calls])["Changed a call to the app's after seeing it"]
{'never': 0, 'at least once': 1}
>>> judge_note(calls)
'1 call, 1 changed'
"""

from __future__ import annotations

from dataclasses import dataclass

from osmosis_lab.trust import reliance_summary

_CALLS = {"accept": True, "reject": False}
#: row title -> the RelianceSummary field that counts it (per learner: zero, or at least one)
ROWS = {
    "Changed a call to the app's after seeing it": "switched_to_app",
    "Followed the app when it was wrong (over-reliance)": "switched_to_app_when_wrong",
    "Left the app when it was right (under-reliance)": "switched_away_when_right",
}


@dataclass(frozen=True)
class JudgeCall:
    """One case a learner decided: their first and final calls, the app's, and what happened."""

    first: bool
    final: bool
    app: bool
    did_well: bool

    @property
    def switched(self) -> bool:
        return self.first != self.final


def judge_calls(value) -> tuple[JudgeCall, ...]:
    """The complete calls in an export's ``judge_first`` value; anything malformed is skipped."""
    found = []
    for kept in value.values() if isinstance(value, dict) else ():
        calls = kept.get("calls") if isinstance(kept, dict) else None
        for call in calls if isinstance(calls, list) else ():
            if not isinstance(call, dict):
                continue
            picks = [call.get(k) for k in ("first_call", "final_call", "app_call")]
            if all(p in _CALLS for p in picks) and isinstance(call.get("did_well"), bool):
                found.append(JudgeCall(*(_CALLS[p] for p in picks), call["did_well"]))
    return tuple(found)


def learner_rows(per_learner: list[tuple[JudgeCall, ...]]) -> dict[str, dict[str, int]]:
    """Per row of :data:`ROWS`: how many learners never did it, and how many at least once."""
    table = {title: {"never": 0, "at least once": 0} for title in ROWS}
    for calls in per_learner:
        if not calls:
            continue
        summary = reliance_summary(
            [c.final for c in calls],
            [c.app for c in calls],
            [c.did_well for c in calls],  # accepting was right when the couple did well
            initial=[c.first for c in calls],
        )
        for title, field in ROWS.items():
            table[title]["at least once" if getattr(summary, field) else "never"] += 1
    return table if any(calls for calls in per_learner) else {}


def judge_note(calls: tuple[JudgeCall, ...]) -> str:
    """For the private view: how many calls a learner handed in, and how many they changed."""
    if not calls:
        return "-"
    changed = sum(c.switched for c in calls)
    return f"{len(calls)} call{'s' if len(calls) != 1 else ''}, {changed} changed"
