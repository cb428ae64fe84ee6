"""Random sequences of what learners do, sent the way the browser sends it, for every explorer.

One control at a time from the starting state misses faults that need a path: switch
the timeline, *then* press End; spend the budget, *then* nudge the total. Each
explorer here gets several seeded sequences of at least ``STEPS`` actions (see
``sequences.py``); any exception, any logged error and any broken invariant fails, and so does an action that
makes more than one live region speak (``sequences.OneLiveRegion``, issue 12: shown to fail on
lesson 02's consent board, lesson 03's generaliser and lesson 05's review writer before each
kept one region live).
Lesson 02's timeline and consent board and lesson 03's noise dial also get a model: after each action it recomputes,
from the engines and the control values, what the text states, and compares.
"""

from __future__ import annotations

import html
import re

import comm
import pytest

from osmosis_lab.categories import CATEGORY_LABELS
from osmosis_lab.consent import PURPOSE_LABELS, shared_categories
from osmosis_lab.consent.market import match_changes, match_with_consent
from osmosis_lab.consent.scenarios import SCENARIOS
from osmosis_lab.consent.timeline import moments, replay
from osmosis_lab.explorers.consent_board import MARKETS, ConsentBoard
from osmosis_lab.explorers.consent_timeline import TimelineExplorer
from osmosis_lab.explorers.privacy_noise import COUNT_SENSITIVITY, EPSILONS, NoiseExplorer
from osmosis_lab.explorers.privacy_noise import FACTS as NOISE_FACTS
from osmosis_lab.privacy import PrivacyBudget, laplace_error_bound, privacy_loss
from osmosis_lab.privacy.loss import in_100
from sequences import (
    CLASSES,
    KernelLikeComm,
    LogProblems,
    OneLiveRegion,
    check_invariants,
    click,
    every_text,
    move_slider,
    run_sequence,
    update,
)

#: The floor: a sequence shorter than this rarely reaches the second step of a path.
STEPS = 30
#: Seeds for every explorer (CI is deterministic: the seeds are fixed).
SEEDS = (0, 1)
#: More seeds where a model checks every figure the text states.
MODEL_SEEDS = (2, 3, 4, 5)


@pytest.fixture(autouse=True)
def in_a_scratch_folder(tmp_path, monkeypatch):
    # an explorer that saves (lesson 05's writer) writes into the working folder
    monkeypatch.chdir(tmp_path)
    # every message a widget sends is serialised as a real kernel would (half an emoji fails)
    monkeypatch.setattr(comm, "create_comm", KernelLikeComm)


def test_every_explorer_is_driven():
    assert len(CLASSES) >= 20
    assert TimelineExplorer in CLASSES and NoiseExplorer in CLASSES


def sequence_cases():
    for cls in CLASSES:
        for seed in SEEDS:
            yield pytest.param(cls, seed, id=f"{cls.__name__}-{seed}")


@pytest.mark.parametrize(("cls", "seed"), list(sequence_cases()))
def test_random_sequences_break_nothing(cls, seed):
    explorer = cls.with_lesson_data()
    sequence = run_sequence(explorer, seed, STEPS, model=OneLiveRegion(explorer))
    assert len(sequence.actions) == STEPS


# ---------------------------------------------------------------------- lesson 02: the timeline


def timeline_model(explorer: TimelineExplorer, _control) -> None:
    """The slider spans the chosen story's moments; the headline states step, day and violations,
    except Esther's count, Exercise 2's answer, until that exercise has a checked answer."""
    steps = moments(replay(SCENARIOS[explorer.timeline.value]()))
    n, k = len(steps), explorer.step.value
    assert (explorer.step.min, explorer.step.max) == (1, n)
    assert explorer.step.labels == [str(i) for i in range(1, n + 1)], "stale slider labels"
    violations = sum(
        entry.kind == "use" and entry.outcome != "allowed"
        for moment in steps[:k]
        for replayed in moment
        for entry in replayed.entries
    )
    where = f"Step {k} of {n} (day {steps[k - 1][-1].step.day}): "
    shown = every_text(explorer)
    if explorer.timeline.value == "esther" and not explorer.count_gate.shown:
        assert where + "count the violations yourself" in shown, f"expected {where!r}, no count"
        assert "violations so far" not in shown, "Exercise 2's answer shown before it is answered"
        assert "This step adds" not in shown, "a step's count: Exercise 2 becomes a sum"
        return
    headline = f"{where}{violations} violations so far."
    assert headline in shown, f"expected {headline!r}"


def test_a_chart_vega_lite_would_refuse_breaks_the_invariants():
    """Explorers show charts unchecked (``show_chart``: the check is slow); the sequences
    check every chart shown after every action. A spec the schema refuses fails them."""
    from osmosis_lab.explorers.base import VEGALITE_MIME

    explorer = TimelineExplorer.with_lesson_data()
    check_invariants(explorer)
    spec = explorer.chart.outputs[0]["data"][VEGALITE_MIME]
    broken = {**spec, "height": {"step": "26 px"}}
    explorer.chart.outputs = ({**explorer.chart.outputs[0], "data": {VEGALITE_MIME: broken}},)
    with pytest.raises(Exception, match="26 px"):
        check_invariants(explorer)


@pytest.mark.parametrize("seed", MODEL_SEEDS)
def test_timeline_states_what_the_ledger_computes(seed):
    explorer = TimelineExplorer.with_lesson_data()
    if seed % 2:  # half the sequences after Exercise 2 is answered, half before
        explorer.count_gate.reveal("answered")
    run_sequence(explorer, seed, STEPS, model=timeline_model)


def test_timeline_switch_then_end_reads_the_last_step():
    """Fault 1 (issue 11), as a learner met it: choose "Niels, 17", then End on the Step slider."""

    explorer = TimelineExplorer.with_lesson_data()
    niels = [value for _, value in explorer.timeline.options].index("niels")
    with LogProblems() as problems:
        update(explorer.timeline, index=niels)
        move_slider(explorer.step, len(explorer.step.labels) - 1)  # End
    n = len(moments(replay(SCENARIOS["niels"]())))
    assert not problems.found, problems.found
    assert explorer.step.labels[-1] == str(n) and explorer.step.value == n
    assert f"Step {n} of {n}" in explorer.summary.value


# ---------------------------------------------------------------------- lesson 03: the noise dial


class NoiseModel:
    """Follows Publish and Start-over clicks with the budget engine; compares what the text says."""

    def __init__(self) -> None:
        self.queries: list[tuple[str, float]] = []
        self.refused = False
        self.settings = None

    def __call__(self, explorer: NoiseExplorer, control) -> None:
        budget = PrivacyBudget(total=explorer.total.value, queries=tuple(self.queries))
        settings = (explorer.query.value, explorer.epsilon.value, explorer.total.value)
        if control is explorer.start_over:
            self.queries, self.refused = [], False
        elif control is explorer.publish:
            self.refused = not budget.can_spend(explorer.epsilon.value)
            if not self.refused:
                self.queries.append((explorer.query.value, explorer.epsilon.value))
        elif settings != self.settings:
            self.refused = False  # a changed setting redraws the status without the refusal
        self.settings = settings
        self.compare(explorer)

    def compare(self, explorer: NoiseExplorer) -> None:
        budget = PrivacyBudget(total=explorer.total.value, queries=tuple(self.queries))
        n = len(self.queries)
        status = (
            f"Spent {budget.spent:.2f} of the budget of {budget.total:.1f} on {n} "
            f"{'query' if n == 1 else 'queries'}; {budget.remaining:.2f} left."
        )
        shown = every_text(explorer)
        assert status in shown, f"expected {status!r}"
        assert ("Refused:" in shown) == self.refused
        # the visible history: one row per published count, and its epsilons add up to the spend
        rows = re.findall(
            r"<th scope='row'[^>]*>([^<]*)</th><td[^>]*>([0-9.]+)</td>", explorer.published.value
        )
        assert [(q, f"{e:.2f}") for q, e in self.queries] == rows
        assert f"{sum(float(e) for _, e in rows):.2f}" == f"{budget.spent:.2f}"
        eps = explorer.epsilon.value
        bound = laplace_error_bound(sensitivity=COUNT_SENSITIVITY, epsilon=eps)
        assert f"At epsilon {eps:.2f}, 95% of published counts are within ±{bound:.1f}" in shown
        self.compare_observer(explorer, budget, shown)

    def compare_observer(self, explorer: NoiseExplorer, budget: PrivacyBudget, shown: str) -> None:
        """What an observer may believe uses every epsilon spent (composition), not the dial's."""
        query, eps = explorer.query.value, explorer.epsilon.value
        prior = explorer.truth[query] / explorer.residents
        fact = NOISE_FACTS[query]
        spent = [e for _, e in self.queries]
        if spent:
            said = privacy_loss(spent, prior=prior).sentence("a resident", fact)
            assert said in html.unescape(shown), f"expected {said!r}"
        else:
            assert (
                f"Nothing is published yet, so an observer still thinks there is a {in_100(prior)}"
                in shown
            )
        after = privacy_loss([*spent, eps], prior=prior)
        would = f"Publishing this count at epsilon {eps:g} would make it {after.worst_case_words()}"
        assert would in shown, f"expected {would!r}"
        refuses = f"so this budget refuses it: only {budget.remaining:g} is left."
        assert (refuses in shown) == (not budget.can_spend(eps)), refuses


@pytest.mark.parametrize("seed", MODEL_SEEDS)
def test_noise_budget_states_the_sum_of_what_was_published(seed):
    explorer = NoiseExplorer.with_lesson_data()
    run_sequence(explorer, seed, STEPS, model=NoiseModel())


def test_five_counts_at_0_2_cost_what_epsilon_1_costs():
    """M. Baptiste's path: five counts at 0.2 spend 1.00, so the observer sentence is ε = 1's."""
    explorer = NoiseExplorer.with_lesson_data()
    move_slider(explorer.epsilon, EPSILONS.index(0.2))
    for _ in range(5):
        click(explorer.publish)
    assert "Spent 1.00 of the budget of 1.0 on 5 queries" in explorer.budget_text.value
    prior = explorer.truth["Secret relationship"] / explorer.residents
    at_one = privacy_loss([1.0], prior=prior).sentence("a resident", "has a secret relationship")
    assert at_one in html.unescape(explorer.summary.value)
    assert "(epsilon = 0.2 in total)" not in explorer.summary.value


def test_nudging_the_total_keeps_the_history():
    """Fault 2 (issue 11): exhaust the budget, nudge the total and back; nothing is forgotten."""

    explorer = NoiseExplorer.with_lesson_data()
    for _ in range(3):
        click(explorer.publish)  # 0.5 + 0.5, then refused
    assert explorer.budget.spent == pytest.approx(1.0) and len(explorer.releases) == 2
    start = explorer.total.index
    move_slider(explorer.total, start + 1)
    move_slider(explorer.total, start)
    assert explorer.budget.spent == pytest.approx(1.0) and len(explorer.releases) == 2
    assert "Spent 1.00 of the budget of 1.0 on 2 queries" in explorer.budget_text.value
    move_slider(explorer.total, 0)  # a total below what was spent: the spend stays
    assert "Spent 1.00 of the budget of 0.5" in explorer.budget_text.value
    assert "more than the new total" in explorer.budget_text.value
    click(explorer.start_over)  # only its own button restarts a budget
    assert explorer.budget.spent == 0 and "Nothing published yet" in explorer.published.value


# ---------------------------------------------------------------------- lesson 02: the consent board


#: The market the board's numbers are counted in, as the last-change line names it.
MARKET_WORDS = {
    "beta": "beta market (12 testers, 12 candidates)",
    "city": "city market (beta + 1,000 residents)",
}


class BoardModel:
    """Recomputes the match from the consent engine and says who made the last change.

    What a learner reads in "N people's matches changed; M of them changed nothing
    themselves. Last change: X" is that X moved N people: so N is the match in the market
    shown, before X and after it, whatever was shown or looked at in between."""

    def __init__(self, board: ConsentBoard) -> None:
        self.last, self.actor, self.reset = "none yet", None, False
        self.settings = self.controls(board)
        self.before = (board.ledger, board.scrape.value)  # the state before the last change
        self.now = self.before
        self.first = (board.tester.value, board.market.value)

    @staticmethod
    def controls(board: ConsentBoard) -> tuple:
        boxes = tuple(box.value for box in board.toggles.values())
        return board.tester.value, board.market.value, board.scrape.value, boxes

    def __call__(self, board: ConsentBoard, control) -> None:
        settings = self.controls(board)
        name = board.names[board.tester.value]
        state = (board.ledger, board.scrape.value)
        if control is board.start_again:
            self.last, self.actor, self.reset = "every box back as at the start", None, True
            assert board.scrape.value and board.ledger == board._start
            assert (board.tester.value, board.market.value) == self.first
        elif control in (board.tester, board.market) and settings[:2] != self.settings[:2]:
            self.reset = False  # looking elsewhere is not going back to the start
        elif control is board.scrape and settings[2] != self.settings[2]:
            verb = "scrapes" if board.scrape.value else "stopped scraping"
            again = " again" if board.scrape.value else ""
            self.last = f"Osmosis {verb} people who never signed up{again}"
            self.actor, self.reset = None, False
        elif control in board.toggles.values() and settings[3] != self.settings[3]:
            verb = "granted" if control.value else "withdrew"
            category, purpose = next(k for k, box in board.toggles.items() if box is control)
            what = f"{PURPOSE_LABELS[purpose].lower()} with {CATEGORY_LABELS[category].lower()}"
            day = board.ledger.latest_day  # the day the board recorded this change on
            self.last = f"{name} {verb} {what} (day {day})"
            self.actor, self.reset = board.tester.value, False
        if control is board.start_again or state != self.now:  # a change, not a look
            self.before, self.now = self.now, state
        self.settings = settings
        shown = every_text(board)
        line = self.expected_line(board)
        assert line in shown, f"expected {line!r}"
        headline = self.expected_headline(board)
        assert headline in shown, f"expected {headline!r}"

    def expected_line(self, board: ConsentBoard) -> str:
        """The last-change line: whose change the numbers are, which change, in which market,
        and, when another tester is shown, that it was not theirs (a teacher read Karim's change
        under Niels's name in the city as stale)."""
        if self.last == "none yet":
            return "Last change: none yet."
        line = f"Last change: {self.last}, counted in the {MARKET_WORDS[board.market.value]}."
        shown = board.tester.value
        if self.actor is not None and self.actor != shown:
            line += f" {board.names[self.actor]} made it, not {board.names[shown]}, whose boxes"
        return line

    def expected_headline(self, board: ConsentBoard) -> str:
        market = board.markets[board.market.value]

        def match(ledger, scrape):
            shared = shared_categories(ledger, "matching")
            return match_with_consent(market, shared, scrape_unsigned=scrape)

        changed = match_changes(match(*self.before), match(*self.now))
        movers = sum(1 for who, *_ in changed if who == self.actor)
        if not changed:
            if self.last == "none yet":
                return "Nobody's match has changed yet."
            return f"Nobody's match changed with the last change ({MARKETS[board.market.value]})."
        if self.reset:
            return f"Back to the start: {len(changed)} people's matches changed back."
        if not board.count_gate.shown:  # Exercise 4's answer, held back until it is answered
            return f"{len(changed)} people's matches changed. How many of them changed nothing"
        return (
            f"{len(changed)} people's matches changed; {len(changed) - movers} of them "
            "changed nothing themselves."
        )


def test_the_last_change_line_follows_the_teachers_path():
    """Issue 12: Karim withdraws, then Niels is picked and the city shown: the line says whose
    change the city's numbers are, and that it is not Niels's."""
    board = ConsentBoard.with_lesson_data()
    model = BoardModel(board)
    for control, value in (
        (board.toggles["scraped", "matching"], False),
        (board.tester, "T01"),
        (board.market, "city"),
    ):
        control.value = value
        model(board, control)
    said = every_text(board)
    assert "counted in the city market" in said and "Karim Benali made it, not Niels Larson" in said


@pytest.mark.parametrize("seed", MODEL_SEEDS)
def test_consent_board_reports_the_change_the_engine_computes(seed):
    board = ConsentBoard.with_lesson_data()
    if seed % 2:  # half the sequences after Exercise 4 is answered, half before
        board.count_gate.reveal("answered")
    run_sequence(board, seed, STEPS, model=BoardModel(board))
