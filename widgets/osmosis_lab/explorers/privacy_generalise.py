"""Lesson 03's generalisation explorer: coarsen the export with sliders, watch k, l and utility.

Examples
--------
>>> import numpy as np
>>> from osmosis_lab import data
>>> explorer = GeneraliseExplorer(data.load_people(), data.load_population(),
...                               data.load_public_profiles(), rng=np.random.default_rng(2019))
>>> explorer.levels["age"].value = "10-year bands"
>>> "k = " in explorer.summary.value
True
"""

import ipywidgets as widgets
import numpy as np
import pandas as pd

from ..categories import QUASI_IDENTIFIERS
from ..charts import privacy as privacy_charts
from ..data import load_people, load_population, load_public_profiles
from ..privacy import (
    HIERARCHIES,
    beta_export,
    class_sizes,
    generalise,
    hierarchy_rules,
    k_anonymity,
    known_to_attacker,
    l_diversity,
    linkage_attack,
    suppress_small_groups,
)
from . import controls as sliders
from .base import Explorer, show_chart, text_block

#: Class-size buckets for the chart: (label, smallest, largest).
BUCKETS = (("1 (unique)", 1, 1), ("2", 2, 2), ("3-4", 3, 4), ("5-9", 5, 9),
           ("10-49", 10, 49), ("50+", 50, 10**9))  # fmt: skip

#: What a researcher can still do with a column left exact or hidden. Banded and grouped
#: levels are described from the released values instead (:func:`still_good_for`), so the
#: number of bands said is the number there are.
STILL_GOOD_FOR = {
    ("age", "exact"): "age: exact, so any age comparison works",
    ("age", "hidden"): "age: gone, no question about age can be answered",
    ("arrondissement", "exact"): "arrondissement: exact, any district can be studied",
    ("arrondissement", "hidden"): "arrondissement: gone, no question about place",
    ("occupation", "exact"): "occupation: exact, any job can be studied",
    ("occupation", "hidden"): "occupation: gone, no question about work",
    ("gender", "exact"): "gender: exact",
    ("gender", "hidden"): "gender: gone, no question about gender",
}


#: What an empty released table is good for, and the statistics computed from it.
NOTHING_LEFT = (
    "nothing: every person is left out, so no question can be answered from it and no "
    "statistic is computed from it."
)


def still_good_for(column: str, level: str, values: pd.Series) -> str:
    """What ``column`` at ``level`` is still good for, counting the groups actually released.

    >>> still_good_for("age", "20-year bands", pd.Series(["20-39", "0-19", "60-79", "20-39"]))
    'age: 20-year bands, 3 of them in the table (0-19, 20-39, 60-79), so e.g. 0-19 can be compared with 60-79'
    >>> still_good_for("occupation", "sector", pd.Series(["health", "food, retail and delivery"]))
    'occupation: sector, 2 of them in the table (food, retail and delivery; health), so e.g. food, retail and delivery can be compared with health'
    >>> still_good_for("gender", "hidden", pd.Series(["*"]))
    'gender: gone, no question about gender'
    """
    if (column, level) in STILL_GOOD_FOR:
        return STILL_GOOD_FOR[(column, level)]
    groups = sorted(values.dropna().astype(str).unique(), key=_band_order)
    if not groups:
        return f"{column}: nothing is released, so no question about it can be answered"
    # a sector's name can hold a comma or an "and" ("food, retail and delivery"): then a comma
    # between sectors reads as more items than there are, so semicolons separate them (w54)
    joint = "; " if any("," in g or " and " in g for g in groups) else ", "
    named = f"{column}: {level}, {len(groups)} of them in the table ({joint.join(groups)})"
    if len(groups) < 2:
        return f"{named}, so nothing can be compared within it"
    return f"{named}, so e.g. {groups[0]} can be compared with {groups[-1]}"


def still_singled_out(unique: int, testers: int) -> str:
    """How many testers are still singled out, the verb agreeing with the count (w54).

    "0 of 12 testers are" means none, and "12 of 12" all: it says so.

    >>> still_singled_out(0, 12), still_singled_out(1, 12), still_singled_out(5, 12), still_singled_out(12, 12)
    ('none of the 12 testers is still', '1 of the 12 testers is still', '5 of the 12 testers are still', 'all 12 testers are still')
    """
    if unique == 0:
        return f"none of the {testers} testers is still"
    if unique == testers:
        return f"all {testers} testers are still"
    return f"{unique} of the {testers} testers {'is' if unique == 1 else 'are'} still"


def _band_order(label: str) -> tuple[int, str]:
    """Bands in numeric order ("6-10" before "11-15"); words in alphabetical order."""
    start = label.split("-")[0]
    return (int(start), label) if start.isdigit() else (0, label)


class GeneraliseExplorer(Explorer):
    """A slider per quasi-identifier, a target k for suppression; k, l, classes and utility."""

    def __init__(
        self,
        people: pd.DataFrame,
        population: pd.DataFrame,
        public_profiles: pd.DataFrame,
        *,
        rng: np.random.Generator,
    ) -> None:
        super().__init__()
        self.released, _ = beta_export(people, population, rng=rng)
        self.known = known_to_attacker(people, public_profiles)
        self.testers = self.known.index[self.known["group"] == "tester"]
        self.levels = {
            column: sliders.SelectionSlider(
                options=[name for name, _ in HIERARCHIES[column]],
                value="exact",
                description=column.capitalize(),
                continuous_update=False,
                style={"description_width": "initial"},
            )
            for column in QUASI_IDENTIFIERS
        }
        self.k_target = sliders.IntSlider(
            value=1, min=1, max=10, description="Suppress classes smaller than k =",
            continuous_update=False, style={"description_width": "initial"},
        )  # fmt: skip
        # read where it is: a slider's consequence is the summary's k, l and re-identified
        # count, the one live region (both live, each move was said twice at once, issue 12)
        self.still_good_for = widgets.HTML()
        self._assemble([*self.levels.values(), self.k_target])
        self.view.children += (self.still_good_for,)
        self.refresh()

    def refresh(self) -> None:
        qi = list(QUASI_IDENTIFIERS)
        rules = hierarchy_rules(
            {c: [n for n, _ in HIERARCHIES[c]].index(s.value) for c, s in self.levels.items()}
        )
        coarse = generalise(self.released, rules)
        sizes = class_sizes(coarse, qi)
        kept = suppress_small_groups(coarse, qi, k=self.k_target.value)
        self.k = k_anonymity(coarse, qi)
        self.k_after = k_anonymity(kept, qi) if len(kept) else None
        self.l_after = l_diversity(kept, qi, "health_condition") if len(kept) else None
        self.suppressed = len(coarse) - len(kept)
        self.testers_unique = 0
        if len(kept):
            attack = linkage_attack(kept, generalise(self.known, rules), quasi_identifiers=qi)
            self.testers_unique = attack.counts(among=self.testers)["unique"]
        show_chart(
            self.chart,
            privacy_charts.class_size_chart(self._buckets(sizes), k_target=self.k_target.value),
        )
        self.summary.value = text_block(self._headline(), self._details(sizes))
        self.still_good_for.value = text_block(*self._what_is_left(kept))

    def _what_is_left(self, kept: pd.DataFrame) -> tuple[str, list[str]]:
        """What the released table is still good for; an empty one is good for nothing (w57
        read "age: exact, so any age comparison works" of a table with nobody left)."""
        if kept.empty:
            return "What the released table is still good for:", [NOTHING_LEFT]
        # counted in what is released, after suppression: a band nobody is left in is not there
        lines = [still_good_for(c, s.value, kept[c]) for c, s in self.levels.items()]
        lines.append(self._suppression_cost())
        return "What the released table is still good for:", lines

    def _buckets(self, sizes: pd.Series) -> pd.DataFrame:
        target = self.k_target.value
        rows = []
        for label, low, high in BUCKETS:
            people = int(sizes.between(low, high).sum())
            status = "suppressed" if high < target else "released"
            rows.append({"bucket": label, "people": people, "below_target": status})
        return pd.DataFrame(rows)

    def _headline(self) -> str:
        if self.k_after is None:
            return (
                f"k = {self.k} before suppression; suppressing every class smaller than "
                f"{self.k_target.value} removes all {self.suppressed} people: nothing is left."
            )
        still = still_singled_out(self.testers_unique, len(self.testers))
        return (
            f"k = {self.k_after} and l = {self.l_after} (health condition) in the released "
            f"table; {still} re-identified uniquely."
        )

    def _details(self, sizes: pd.Series) -> list[str]:
        lines = [
            f"Before suppression k = {self.k}: {int((sizes == 1).sum())} of {len(sizes)} people "
            f"are unique and {_combinations(_classes(sizes))}.",
        ]
        if self.k_after is not None and self.k_after >= 2 and self.l_after == 1:
            lines.append(
                "l = 1: in some class everyone has the same health condition, so an attacker "
                "who places a person in that class learns it without singling them out."
            )
        lines.append(
            "Class sizes: "
            + ", ".join(
                f"{_how_many(r.people)} in classes of {r.bucket}"
                for r in self._buckets(sizes).itertuples()
            )
            + "."
        )
        return lines

    def _suppression_cost(self) -> str:
        if self.suppressed == 0:  # nothing removed: no statistic is skewed by suppression
            return "suppression: nobody is left out."
        share = self.suppressed / len(self.released)
        return (
            f"suppression: {self.suppressed} of {len(self.released)} people ({share:.0%}) are left "
            "out, and they are the rarest ones, so any statistic about small groups is skewed."
        )

    @classmethod
    def with_lesson_data(cls) -> "GeneraliseExplorer":
        return cls(
            load_people(), load_population(), load_public_profiles(),
            rng=np.random.default_rng(2019),
        )  # fmt: skip


def _classes(sizes: pd.Series) -> int:
    """How many equivalence classes: each row of a class of size s counts 1/s."""
    return round((1 / sizes).sum())


def _combinations(count: int) -> str:
    """How many distinct combinations, as a sentence says it.

    >>> _combinations(1), _combinations(14)
    ('there is 1 distinct combination', 'there are 14 distinct combinations')
    """
    if count == 1:
        return "there is 1 distinct combination"
    return f"there are {count} distinct combinations"


def _how_many(people: int) -> str:
    """A number of people as a sentence says it: "nobody", "1 person", "12 people"."""
    return "nobody" if people == 0 else "1 person" if people == 1 else f"{people} people"
