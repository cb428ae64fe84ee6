"""Lesson 04's "What are we optimising?": the same matching for attraction or for wellbeing.

Both matchings are computed once, when the explorer is built; the controls
only choose what to read, so every update is instant.

Examples
--------
>>> from osmosis_lab.data import load_people
>>> explorer = ObjectivesExplorer.for_testers(load_people())
>>> explorer.objective.value = "wellbeing"
>>> "Lucas Apert is matched with Antoine" in explorer.summary.value
True

The match's score is the *mutual* one (the mean of both directions), and the sentence says so;
"Why this match?" shows one direction only:

>>> "the average of Lucas Apert's score for Antoine (0.90) and Antoine's for Lucas Apert" in (
...     explorer.summary.value)
True
"""

import pandas as pd

from ..charts import trust as trust_charts
from ..data import load_people, wellbeing_probability
from ..data.markets import who_may_meet
from ..matching import compatibility_scores
from ..trust import (
    OBJECTIVES,
    all_pairs,
    match_under_objectives,
    mutual_score_table,
    objective_summary,
)
from . import controls
from .base import Explorer, show_chart, text_block
from .trust_explain import person_picker


class ObjectivesExplorer(Explorer):
    """Toggle the objective, pick a person: their match under each, and the share ending badly."""

    def __init__(self, rows: pd.DataFrame, columns: pd.DataFrame, *, person: str | None = None):
        super().__init__()
        # kept to explain a match: each direction of its mutual score, and who may meet whom
        self.forward = compatibility_scores(rows, other_traits=columns)
        self.backward = compatibility_scores(columns, other_traits=rows)
        self.allowed = pd.DataFrame(
            who_may_meet(rows, columns), index=rows.index, columns=columns.index
        )
        self.matches = match_under_objectives(
            mutual_score_table(rows, columns),
            all_pairs(rows, columns, wellbeing_probability),
            allowed=self.allowed.to_numpy(),
        )
        self.totals = objective_summary(self.matches)
        options = list(rows.index)
        self.objective = controls.ToggleButtons(
            options=[(f"Optimise for {o}", o) for o in OBJECTIVES],
            value="attraction",
            description="Objective",
            # "auto": each button as wide as its words ("Optimise for wellbeing" was cut off)
            style={"description_width": "initial", "button_width": "auto"},
        )
        self.person = person_picker(options, person, "Person")
        self._assemble([self.objective, self.person])
        self.refresh()

    @classmethod
    def for_testers(cls, people: pd.DataFrame, *, person: str = "Lucas Apert"):
        """The 12 beta testers matched with the 12 candidates."""
        table = people.set_index("name")
        return cls(
            table[table["role"] == "tester"], table[table["role"] == "candidate"], person=person
        )

    @classmethod
    def with_lesson_data(cls) -> "ObjectivesExplorer":
        return cls.for_testers(load_people())

    def match_of(self, person: str, objective: str) -> pd.Series | None:
        rows = self.matches[
            (self.matches["person"] == person) & (self.matches["objective"] == objective)
        ]
        return None if rows.empty else rows.iloc[0]

    def refresh(self) -> None:
        chosen = self.matches[self.matches["objective"] == self.objective.value]
        people = chosen["person"].tolist()
        if len(people) <= 30:  # a bar per person; a big population shows the totals only
            shown = self.matches[self.matches["person"].isin(people)]
            show_chart(self.chart, trust_charts.objectives_chart(shown, named=self.objective.value))
        # Only the chosen objective's match is named (in the heading): the lesson asks the
        # learner to predict the other one before switching.
        lines = []
        for objective, row in self.totals.iterrows():
            lines.append(
                f"Optimised for {objective}: {int(row['matches'])} "
                f"{'match' if int(row['matches']) == 1 else 'matches'}, mean score "
                f"{row['mean_attraction']:.2f}; expected to end badly: "
                f"{row['share_ending_badly']:.0%}."
            )
        self.summary.value = text_block(
            self.sentence(self.person.value, self.objective.value), lines
        )

    def sentence(self, person: str, objective: str) -> str:
        """Who ``person`` is matched with and why the score is what it is, or why no one.

        The score that the matching maximises is mutual: the mean of both people's one-way
        scores. The sentence gives both, so that it agrees with "Why this match?", which shows
        one direction.
        """
        match = self.match_of(person, objective)
        if match is None:
            return f"Optimised for {objective}, {person} is left unmatched: " + self.why_unmatched(
                person, objective
            )
        other = match["match"]
        mine, theirs = self.forward.loc[person, other], self.backward.loc[other, person]
        return (
            f"Optimised for {objective}, {person} is matched with {other} (mutual score "
            f"{match['attraction']:.2f}: the average of {person}'s score for {other} "
            f"({mine:.2f}) and {other}'s for {person} ({theirs:.2f})); chance both are doing well "
            f"a year later: {match['wellbeing']:.0%}."
        )

    def why_unmatched(self, person: str, objective: str) -> str:
        """The engine's reason for no match: nobody may meet them, or all who may are taken.

        Who may meet whom is :func:`~osmosis_lab.data.markets.who_may_meet` (each seeks the
        other's gender; minors only with minors); the matching then keeps the largest total.
        """
        fits = self.allowed.columns[self.allowed.loc[person]].tolist()
        if not fits:
            return "no candidate both seeks someone like them and is someone they seek."
        chosen = self.matches[self.matches["objective"] == objective]
        partner = dict(zip(chosen["match"], chosen["person"], strict=True))
        taken = [f"{name} is matched with {partner[name]}" for name in fits if name in partner]
        total = "score" if objective == "attraction" else "chance of doing well"
        if len(taken) < len(fits):  # a candidate who fits is free: the total was higher without
            return f"matching them would lower the total {total}."
        who = "the only candidate" if len(fits) == 1 else f"the {len(fits)} candidates"
        return (
            f"{who} who may meet them (each seeking the other's gender, in the same age group): "
            f"{_join(fits)}; {_join(taken)}, which gives a higher total {total} than matching "
            f"{person}."
        )


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
