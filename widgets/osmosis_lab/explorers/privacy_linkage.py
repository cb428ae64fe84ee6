"""Lesson 03's linkage-attack explorer: tick what the attacker knows, see who is re-identified.

The "anonymised" beta export (names and ids removed) is joined to what an
attacker knows: residents' public profiles and the testers' basic facts.

Examples
--------
>>> import numpy as np
>>> from osmosis_lab import data
>>> explorer = LinkageExplorer(data.load_people(), data.load_population(),
...                            data.load_public_profiles(), rng=np.random.default_rng(2019))
>>> explorer.knows["arrondissement"].value = True
>>> "testers" in explorer.summary.value
True
"""

import html

import ipywidgets as widgets
import numpy as np
import pandas as pd

from ..categories import QUASI_IDENTIFIERS, SENSITIVE_COLUMNS
from ..charts import privacy as privacy_charts
from ..data import load_people, load_population, load_public_profiles
from ..privacy import OUTCOMES, beta_export, known_to_attacker, linkage_attack
from .base import Explorer, show_chart, text_block

#: How each quasi-identifier reads next to its checkbox.
KNOWS_LABELS = {
    "age": "Attacker knows age",
    "arrondissement": "Attacker knows arrondissement",
    "occupation": "Attacker knows occupation",
    "gender": "Attacker knows gender",
}
FACT_LABELS = {
    "sexual_orientation": "sexual orientation",
    "health_condition": "health condition",
    "secret_relationship": "secret relationship",
}
#: Table cells with room to breathe (inline: notebook outputs carry no stylesheet of ours).
CELL = "style='padding:0.15em 0.9em 0.15em 0;text-align:left'"
GROUP_LABELS = {"tester": "beta testers", "resident": "residents with a public profile"}
#: The fold for the series' testers' rows: their values follow the series (Lucas's secret
#: relationship is an episode-2 storyline), so they are shown only to those who open it (w56).
SERIES_FOLD = "Spoiler (ep. 2): what the attacker learns about the {n} testers from the series"


class LinkageExplorer(Explorer):
    """Checkboxes for what the attacker knows; a chart, a sentence, the testers' leaked facts."""

    def __init__(
        self,
        people: pd.DataFrame,
        population: pd.DataFrame,
        public_profiles: pd.DataFrame,
        *,
        rng: np.random.Generator,
        knows: tuple[str, ...] = ("age",),
    ) -> None:
        super().__init__()
        self.released, self.key = beta_export(people, population, rng=rng)
        self.known = known_to_attacker(people, public_profiles)
        self.series = set(people.loc[people["source"] == "named in the series", "name"])
        self.knows = {
            column: widgets.Checkbox(
                value=column in knows, description=KNOWS_LABELS[column], indent=False
            )
            for column in QUASI_IDENTIFIERS
        }
        self.leaks = widgets.HTML()
        self._assemble(list(self.knows.values()))
        self.view.children += (self.leaks,)  # the leaks table reads best after the summary
        self.refresh()

    @property
    def chosen(self) -> list[str]:
        """The quasi-identifiers currently ticked."""
        return [column for column, box in self.knows.items() if box.value]

    def refresh(self) -> None:
        chosen = self.chosen
        if not chosen:
            self.result = None
            self.chart.outputs = ()
            self.summary.value = text_block(
                "The attacker knows nothing about anyone yet.",
                ["Tick at least one box: with no facts to join on, nobody can be singled out."],
            )
            self.leaks.value = ""
            return
        self.result = linkage_attack(self.released, self.known, quasi_identifiers=chosen)
        table = self.outcome_table()
        show_chart(self.chart, privacy_charts.linkage_chart(table))
        self.summary.value = text_block(self.headline(table), self.detail_lines(table))
        self.leaks.value = self.leaks_html()

    def outcome_table(self) -> pd.DataFrame:
        """One row per (group, outcome): how many people and what share of the group."""
        rows = []
        for group, label in GROUP_LABELS.items():
            members = self.known.index[self.known["group"] == group]
            counts = self.result.counts(among=members)
            for outcome in OUTCOMES:
                rows.append(
                    {
                        "group": f"{len(members)} {label}",
                        "outcome": outcome,
                        "count": counts[outcome],
                        "share": counts[outcome] / len(members),
                    }
                )
        return pd.DataFrame(rows)

    def headline(self, table: pd.DataFrame) -> str:
        unique = table[table["outcome"] == "unique"].reset_index(drop=True)
        testers, residents = unique.iloc[0], unique.iloc[1]
        return (
            f"Knowing {_join(self.chosen)}, the attacker re-identifies {testers['count']} "
            f"of the {testers['group']} ({testers['share']:.0%}) and {residents['count']} of the "
            f"{residents['group']} ({residents['share']:.0%})."
        )

    def detail_lines(self, table: pd.DataFrame) -> list[str]:
        lines = []
        for group, rows in table.groupby("group", sort=False):
            parts = [
                f"{r.count} {privacy_charts.OUTCOME_LABELS[r.outcome]}" for r in rows.itertuples()
            ]
            lines.append(f"{group}: " + ", ".join(parts) + ".")
        return lines

    def leaks_html(self) -> str:
        """A table of what the attacker now learns about each tester (nothing graphic); the
        series' testers' rows in a spoiler fold below it."""
        testers = self.known.index[self.known["group"] == "tester"]
        facts = self.result.facts_learned(self.released, list(SENSITIVE_COLUMNS))
        sizes = self.result.group_sizes
        rows = {}
        for name in testers:
            cells = [_fact(facts, name, c) for c in SENSITIVE_COLUMNS]
            found = "unique" if sizes[name] == 1 else f"one of {sizes[name]}"
            rows[name] = (
                f"<tr><th scope='row' {CELL}>{html.escape(name)}</th><td {CELL}>{found}</td>"
                + "".join(f"<td {CELL}>{c}</td>" for c in cells)
                + "</tr>"
            )
        series = [row for name, row in rows.items() if name in self.series]
        table = _leaks_table(
            "What the attacker learns about each beta tester invented for these lessons",
            [row for name, row in rows.items() if name not in self.series],
        )
        if not series:
            return table
        summary = html.escape(SERIES_FOLD.format(n=len(series)))
        fold = _leaks_table("The testers from the series (their values are invented too)", series)
        return f"{table}<details><summary>{summary}</summary>{fold}</details>"

    @classmethod
    def with_lesson_data(cls) -> "LinkageExplorer":
        return cls(
            load_people(), load_population(), load_public_profiles(),
            rng=np.random.default_rng(2019),
        )  # fmt: skip


def _leaks_table(caption: str, rows: list[str]) -> str:
    header = "".join(f"<th scope='col' {CELL}>{FACT_LABELS[c]}</th>" for c in SENSITIVE_COLUMNS)
    return (
        f"<table class='osmosis-leaks' aria-label='{html.escape(caption, quote=True)}'>"
        f"<caption>{html.escape(caption)}</caption>"
        f"<tr><th scope='col' {CELL}>tester</th>"
        f"<th scope='col' {CELL}>found as</th>{header}</tr>" + "".join(rows) + "</table>"
    )


def _fact(facts: pd.DataFrame, name: str, column: str) -> str:
    if name not in facts.index or pd.isna(facts.loc[name, column]):
        return "hidden"
    value = facts.loc[name, column]
    if isinstance(value, bool | np.bool_):
        value = "yes" if value else "no"
    return f"<strong>{html.escape(str(value))}</strong>"


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
