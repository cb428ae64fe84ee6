"""Lesson 05's design panel: change a launch choice, see every theme's figures beside the plan.

Each change builds a :class:`~osmosis_lab.review.LaunchDesign` from the
controls and re-runs :func:`~osmosis_lab.review.consequences` with the same
seed (drawn once from ``rng`` when the panel is built), so going back to a
choice gives back the same figures.

Examples
--------
>>> import numpy as np
>>> panel = DesignPanel.with_lesson_data()
>>> panel.privacy.value = "dp"
>>> panel.figures.privacy.reidentified
0
>>> "re-identified by name" in panel.summary.value
True
"""

import html
from collections.abc import Callable

import ipywidgets as widgets
import numpy as np

from ..categories import CATEGORIES, CATEGORY_LABELS
from ..charts import review as review_charts
from ..data import load_pairs, load_people, load_population, load_public_profiles
from ..review import (
    AS_PLANNED,
    EPSILONS,
    FIELDS,
    K_OFFERED,
    Consequences,
    LaunchDesign,
    ReviewScenario,
    consequences,
    review_scenario,
)
from . import controls as sliders
from . import review_notes
from .base import Explorer, show_chart
from .gate import Gate
from .live import LiveText
from .review_acting import follow_acts

#: The exercise whose answer the panel's line about who proposes gives away.
PROPOSING_EXERCISE = "review_proposing_side"

STYLE = {"description_width": "11em"}
BUTTONS = {"description_width": "11em", "button_width": "13em"}
WIDE = {"width": "auto"}  # a checkbox's label is cut at the default width
#: Designs whose figures the panel keeps: a learner compares by trying a choice and taking it
#: back, so the last few designs come back often (each is a few kilobytes).
RECENT = 32


def _toggles(description: str, options: list[tuple[str, str]], value: str, tips: list[str]):
    return sliders.ToggleButtons(
        options=options, value=value, description=description, tooltips=tips, style=BUTTONS
    )


class DesignPanel(Explorer):
    """Every launch choice as a keyboard-operable control; the figures as a chart and a table."""

    def __init__(self, scenario: ReviewScenario, *, rng: np.random.Generator) -> None:
        super().__init__()
        self._refreshed: list[Callable[[], None]] = []  # see on_refresh
        # what a change did, announced (live); the table under it is read when reached
        self.said, self.summary = LiveText(), widgets.HTML()
        self.scenario = scenario
        self.seed = int(rng.integers(2**32))
        self.planned = consequences(AS_PLANNED, scenario, rng=np.random.default_rng(self.seed))
        self._recent = {AS_PLANNED: self.planned}  # design -> figures, oldest first
        # The lesson shows this panel before Exercise 2, whose answer is what proposing
        # changes: hold that line back until the exercise is answered. The gate (never
        # displayed) follows the exercise's control, also one built after the panel.
        self.proposing_gate = Gate(PROPOSING_EXERCISE, widgets.HTML())
        self.proposing_gate.status.observe(lambda _change: self._proposing_said(), names="value")
        self._build_controls()
        sections = [
            _heading("Matching (lesson 01)"), self.proposers,
            _heading("Consent (lesson 02)"), self.consent_form, self.minors,
            *self.categories.values(), self.search_non_users,
            _heading("Privacy (lesson 03)"), self.privacy, self.k, self.epsilon,
            _heading("Trust (lesson 04)"), self.objective, self.human_contact, self.fallback,
        ]  # fmt: skip
        self._assemble(self._value_controls(), extra=[self.reset])
        self.view.children = (*sections, self.reset, self.chart, self.said, self.summary)
        self.reset.on_click(lambda _button: self.set_design(AS_PLANNED))
        self._holding = False
        self.refresh()

    @classmethod
    def with_lesson_data(cls) -> "DesignPanel":
        scenario = review_scenario(
            load_people(), load_population(), load_public_profiles(), load_pairs()
        )
        return cls(scenario, rng=np.random.default_rng(2019))

    def _build_controls(self) -> None:
        d = AS_PLANNED
        self.proposers = _toggles(
            "Who proposes",
            [("Testers", "testers"), ("Candidates", "candidates")],
            d.proposers,
            ["The 12 testers propose", "The 12 candidates propose"],
        )
        self.consent_form = _toggles(
            "Consent form",
            [
                ("Fair, unticked", "fair"),
                ("Pre-ticked", "pre_ticked"),
                ("One box for all", "bundled"),
            ],
            d.consent_form,
            [
                "One unticked box per purpose; refusing is as easy as accepting",
                "Every box is ticked until someone unticks it",
                "One box covers every purpose",
            ],
        )
        self.minors = _toggles(
            "Minors",
            [
                ("Cannot join", "excluded"),
                ("Parent + minor agree", "parent_and_assent"),
                ("Parent signs alone", "parent_only"),
            ],
            d.minors,
            [
                "Nobody under 18 joins",
                "A parent's consent and the minor's own",
                "A parent's signature is enough (as for Niels)",
            ],
        )
        self.categories = {
            c: widgets.Checkbox(
                value=c in d.categories,
                indent=False,
                layout=WIDE,
                description=f"Read {CATEGORY_LABELS[c].lower()}",
            )
            for c in CATEGORIES
        }
        self.search_non_users = widgets.Checkbox(
            value=d.search_non_users,
            indent=False,
            layout=WIDE,
            description="Search people who never signed up (needs scraped data)",
        )
        self.privacy = _toggles(
            "Research export",
            [
                ("Names removed", "raw"),
                ("Generalised (k)", "generalised"),
                ("Noisy counts (ε)", "dp"),
            ],
            d.privacy,
            [
                "Rows without names: pseudonymised",
                "Coarsened rows; groups smaller than k left out",
                "No rows: counts with Laplace noise (differential privacy)",
            ],
        )
        self.k = sliders.IntSlider(
            value=d.k,
            min=K_OFFERED[0],
            max=K_OFFERED[-1],
            description="k (generalised)",
            continuous_update=False,
            style=STYLE,
        )
        self.epsilon = sliders.SelectionSlider(
            options=[(f"{e:g}", e) for e in EPSILONS],
            value=d.epsilon,
            description="ε (noisy counts)",
            continuous_update=False,
            style=STYLE,
        )
        self.objective = _toggles(
            "The app optimises",
            [("Attraction", "attraction"), ("Wellbeing", "wellbeing")],
            d.objective,
            ["The soulmate score", "Being well together a year later"],
        )
        self.human_contact = widgets.Checkbox(
            value=d.human_contact,
            indent=False,
            layout=WIDE,
            description="Billie on call when the AI fails",
        )
        self.fallback = widgets.Checkbox(
            value=d.fallback,
            indent=False,
            layout=WIDE,
            description="A safe-mode fallback when the AI fails",
        )
        self.reset = widgets.Button(
            description="Back to the plan", tooltip="Set every control to the planned launch"
        )

    def _value_controls(self) -> list[widgets.Widget]:
        return [
            self.proposers,
            self.consent_form,
            self.minors,
            *self.categories.values(),
            self.search_non_users,
            self.privacy,
            self.k,
            self.epsilon,
            self.objective,
            self.human_contact,
            self.fallback,
        ]

    def field_controls(self) -> dict[str, list[widgets.Widget]]:
        """Each field of the design (:data:`~osmosis_lab.review.FIELDS`) and its controls."""
        return {
            name: list(self.categories.values()) if name == "categories" else [getattr(self, name)]
            for name in FIELDS
        }

    @property
    def design(self) -> LaunchDesign:
        """The design the controls show now."""
        return LaunchDesign(
            proposers=self.proposers.value, consent_form=self.consent_form.value,
            minors=self.minors.value,
            categories=[c for c, box in self.categories.items() if box.value],
            search_non_users=self.search_non_users.value, privacy=self.privacy.value,
            k=self.k.value, epsilon=self.epsilon.value, objective=self.objective.value,
            human_contact=self.human_contact.value, fallback=self.fallback.value,
        )  # fmt: skip

    def set_design(self, design: LaunchDesign) -> None:
        """Move every control to ``design`` (one refresh at the end)."""
        self._holding = True
        try:
            for name in FIELDS:
                if name != "categories":
                    getattr(self, name).value = getattr(design, name)
            for category, box in self.categories.items():
                box.value = category in design.categories
        finally:
            self._holding = False
        self.refresh()

    def refresh(self) -> None:
        if getattr(self, "_holding", False):
            return
        design = self.design
        if design == getattr(self, "_shown", None):  # a control set to the value it had
            return
        follow_acts(self.field_controls(), design)  # a choice that cannot act is greyed out
        self.figures = self.figures_of(design)
        show_chart(self.chart, review_charts.consequences_chart(self.figures, self.planned))
        self.said.value = f"<p><strong>{html.escape(self.headline())}</strong></p>"
        self.summary.value = self.summary_html()
        self._shown = design
        self._tell()

    def on_refresh(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` after each change to what the panel shows: once per learner
        action, after the figures, chart and summary are new (the review writer reads them)."""
        self._refreshed.append(callback)

    def _tell(self) -> None:
        for callback in list(self._refreshed):
            callback()

    def figures_of(self, design: LaunchDesign) -> Consequences:
        """The figures the panel shows for ``design``, from its own seed: a lesson cell quoting
        a design beside the panel quotes these (w60 read 17 harmed in a cell, 7 in the panel).
        A design seen lately (a choice tried and taken back, the plan) is not simulated again."""
        figures = self._recent.pop(design, None) or consequences(
            design, self.scenario, rng=np.random.default_rng(self.seed)
        )
        self._recent[design] = figures  # the newest last
        while len(self._recent) > RECENT:
            del self._recent[next(iter(self._recent))]
        return figures

    def headline(self) -> str:
        """What differs from the plan: the choices, then how many figures move."""
        comparison = review_charts.comparison_rows(self.figures, self.planned)
        return review_notes.headline(self.figures.design, comparison)

    def summary_html(self) -> str:
        """The text equivalent under the headline (``said``): the figures table, what the
        matching did, and the privacy cost in words (the figures compared with the plan once)."""
        comparison = review_charts.comparison_rows(self.figures, self.planned)
        return review_notes.summary_html(
            comparison,
            [*self.matching_notes(), *self.privacy_notes()],
            review_notes.series_rosters(self.figures),
        )

    def matching_notes(self) -> list[str]:
        return review_notes.matching_notes(self.figures, reveal=self.proposing_gate.shown)

    def _proposing_said(self) -> None:
        if hasattr(self, "figures"):  # the gate may reveal before the first refresh
            self.summary.value = self.summary_html()
            self._tell()

    def privacy_notes(self) -> list[str]:
        """The design's privacy cost as consequences for one person (an invented model)."""
        return review_notes.privacy_notes(self.figures)


def _heading(text: str) -> widgets.HTML:
    # h3: the panel sits under the lesson's h2 section, and headings must not skip a level
    style = "margin:0.6em 0 0.2em;font-size:1.05em"
    return widgets.HTML(f"<h3 style='{style}'>{html.escape(text)}</h3>")
