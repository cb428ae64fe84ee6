"""Lesson 05's design panel: every sentence and figure it prints has a predicate the engine computes.

The model reads the controls (never ``panel.design`` nor the explorer's text functions),
builds the design, runs the review engine (``osmosis_lab.review``) on it and on the plan
with the panel's seed, and recomputes from the engine's numbers, and from the rules the
lesson teaches (Bayes' rule for the worst case, e^ε for the odds, who is in the launch),
what each kind of sentence must say: the headline, each of the 19 figures as planned and
in the design (bold when it changed, which way is better), what the matching did, the
privacy cost in words, and the chart's description. It runs after every step of seeded
random sequences and over each control's whole range (``sentence_sweep.py``), and over
every combination of the export's controls.
"""

from __future__ import annotations

import html
import itertools
import math
import re
from dataclasses import replace

import numpy as np
import pytest

from design_table import amounts, headline_choices, headline_count, table_rows, what_it_does
from osmosis_lab.categories import CATEGORIES
from osmosis_lab.explorers import base
from osmosis_lab.explorers import review_design as panels
from osmosis_lab.explorers.answers import answer_control
from osmosis_lab.review import AS_PLANNED, LaunchDesign, consequences, launch_mask, themes
from osmosis_lab.review.tradeoffs import company_side, reference_side
from sentence_sweep import SEEDS, STEPS, positions, sweep, text
from sequences import LogProblems, run_sequence

#: What the headline calls each choice, in the order of the panel's controls.
CHOICE_WORDS = (
    ("proposers", "who proposes"), ("consent_form", "the consent form"), ("minors", "minors"),
    ("categories", "the data read"), ("search_non_users", "searching non-users"),
    ("privacy", "the export"), ("k", "k"), ("epsilon", "epsilon"),
    ("objective", "the objective"), ("human_contact", "a human contact"),
    ("fallback", "a fallback"),
)  # fmt: skip


def design_of(panel) -> LaunchDesign:
    """The design the controls show, read from the widgets themselves."""
    return LaunchDesign(
        proposers=panel.proposers.value, consent_form=panel.consent_form.value,
        minors=panel.minors.value,
        categories=[c for c in CATEGORIES if panel.categories[c].value],
        search_non_users=panel.search_non_users.value, privacy=panel.privacy.value,
        k=panel.k.value, epsilon=panel.epsilon.value, objective=panel.objective.value,
        human_contact=panel.human_contact.value, fallback=panel.fallback.value,
    )  # fmt: skip


# ---------------------------------------------------------------------- the rules, in the test


def amount(x: float) -> str:
    """A count as a learner reads it: whole when it is whole ("91", never "91.0")."""
    return str(int(x)) if x == int(x) else f"{x:.1f}"


def chance_words(p: float, *, bounded: bool) -> str:
    """A worst case as "N in 100", rounded up; certainty only when nothing bounds it."""
    if p >= 1 and not bounded:
        return "100 in 100"
    if p > 0.99:
        return "more than 99 in 100"
    if 0 < p <= 0.005:
        return "less than 1 in 100"
    return f"{math.ceil(round(100 * p, 9))} in 100"


def chance_said(p: float, *, bounded: bool) -> str:
    """A worst case as the sentence and the table write it: rounded up, and saying so with the
    unrounded figure (as few decimals as show it is not whole)."""
    words = chance_words(p, bounded=bounded)
    exact = round(100 * p, 9)
    if not words[0].isdigit() or exact == int(exact):
        return words
    figure = next(
        f"{exact:.{d}f}" for d in (1, 2, 3, 9) if not float(f"{exact:.{d}f}").is_integer() or d == 9
    )
    return f"{words} ({figure} rounded up)"


def prior_words(p: float) -> str:
    return f"{round(100 * p)} in 100"


def odds_words(total: float) -> str:
    factor = math.exp(total)
    if factor > 1e6:
        return "more than a million times"
    return f"{factor:,.0f} times" if factor >= 100 else f"{factor:.1f} times"


def worst_case(design: LaunchDesign, scenario) -> tuple[float, float, float, int]:
    """(prior, total epsilon, posterior, counts published) by Bayes' rule and composition."""
    prior = float((scenario.health == "depression").mean())  # the whole city's share
    if design.privacy != "dp":
        return prior, math.inf, 1.0, 0
    counts = 1 + len(design.categories)  # depression, then one count per category read
    total = counts * design.epsilon
    odds = prior / (1 - prior) * math.exp(total)
    return prior, total, odds / (1 + odds), counts


def people(n: int) -> str:
    return "nobody" if n == 0 else "1 person" if n == 1 else f"{n} people"


# ---------------------------------------------------------------------- the figures


def figures_expected(design: LaunchDesign, scenario, seed: int) -> list[tuple[str, str, str]]:
    """(figure, which way is better, the figure in words) for ``design``, recomputed."""
    c = consequences(design, scenario, rng=np.random.default_rng(seed))
    side = themes.market_preferences(scenario, design)
    match = themes.stable_match(side, design.proposers)
    reference, ranks = reference_side(scenario), ([], [])
    for i, j in enumerate(match):
        if j >= 0:
            ranks[0].append(list(reference.tester_prefs[i]).index(j) + 1)
            ranks[1].append(list(reference.candidate_prefs[j]).index(i) + 1)
    assert len(c.matching.pairs) == (match >= 0).sum()
    rank = [f"{np.mean(r):.2f}" if r else "nobody matched" for r in ranks]
    in_launch = int(launch_mask(scenario.people, design).sum())
    unmatched = in_launch - 2 * len(c.matching.pairs)
    tables = (scenario.people, scenario.population)
    unsigned = sum(
        int((launch_mask(t, design) & ~t["signed_up"].astype(bool)).sum()) for t in tables
    )
    users = sum(int((launch_mask(t, design) & t["signed_up"].astype(bool)).sum()) for t in tables)
    s, p, t, x = c.consent, c.privacy, c.trust, c.tradeoffs
    assert s.informed <= s.consents <= s.people_asked
    city = len(scenario.people) + len(scenario.population)
    if design.privacy == "dp":  # no rows leave the company: nobody to name
        assert p.reidentified == p.health_learned == 0
        error = f"; 95% of draws within {math.log(20) / design.epsilon:.1f}"  # Laplace, Δ = 1
    else:
        assert p.published_count == round(p.published_count), "rows give an exact count"
        error = ""
    prior, total, posterior, counts = worst_case(design, scenario)
    cost = f"{prior_words(prior)} → {chance_said(posterior, bounded=math.isfinite(total))}"
    withheld = design.privacy == "generalised" and p.rows_released == 0
    if withheld:  # this export changed nobody's chances; the method's worst case is elsewhere (w53)
        cost = (
            f"{prior_words(prior)} now (no row released); on data where rows are released, up "
            f"to {chance_said(posterior, bounded=False)} (no bound)"
        )
    elif math.isinf(total):
        cost += " (no bound: an export of rows has no guarantee)"
    else:
        cost += (
            f" (epsilon {total:g} = {counts} count{'' if counts == 1 else 's'} × "
            f"{design.epsilon:g}; odds up to {odds_words(total)})"
        )
    company = company_side(design)
    work = f"{company.work_weeks} week{'' if company.work_weeks == 1 else 's'}"
    left = company.cash_weeks_left
    assert users == t.users == x.connected_users, "one number of connected users"
    if not (design.human_contact or design.fallback):
        assert t.harmed == t.users, "no safeguard: everyone connected is harmed in an outage"
    assert t.matches == x.matches, "one number of matches"
    # one market: the objective matches nobody exactly when the stable matching does (w57 read
    # "nobody matched" beside "4.0 of 7 matches" with no data read)
    assert (t.matches == 0) is (not c.matching.pairs), (t.matches, c.matching.pairs)
    nobody = not c.matching.pairs
    return [
        ("testers' average partner rank on one fixed reference list (1 = first choice)", "lower", rank[0]),
        ("candidates' average partner rank on one fixed reference list (1 = first choice)", "lower", rank[1]),
        ("people in the launch left unmatched", "lower", f"{unmatched} of {in_launch}"),
        ("couples expected to be doing well a year later (from the outcomes of past matches)",
         "higher", "nobody matched" if nobody else f"{x.couples_doing_well:.1f} of {t.matches} matches"),
        ("people who consent to research", "",
         f"{s.consents} of {s.people_asked} ({s.consents / s.people_asked:.0%}; {s.wanted_rate:.0%} want to)"),
        ("research consents that are informed", "higher",
         f"{s.informed} of {s.consents} ({s.informed / s.consents:.0%})"),
        ("people used who never signed up", "lower", str(unsigned)),
        ("uses of a minor's data without a valid consent", "lower", str(s.minor_uses_without_consent)),
        ("people in the city re-identified by name", "lower",
         f"{p.reidentified} of {city} ({p.reidentified / city:.0%})"),
        ("people whose health condition the attacker learns", "lower", f"{p.health_learned} of {city}"),
        ("error of the published count of people living with depression", "lower",
         f"{amount(abs(p.published_count - p.true_count))} (true {p.true_count} of the "
         f"{p.people_in_export} people the export is drawn from"
         + ("; no row released, so the count is withheld and reads 0)" if withheld else
            f", published {amount(p.published_count)}){error}")),
        ("worst case: how sure an observer can become that one resident lives with depression "
         "(invented model)", "lower", cost),
        ("connected users whose subconscious signals the company holds (invented model)", "lower",
         f"{users if 'subconscious' in design.categories else 0} of {users}"),
        ("matches expected to end badly (lesson 04's wellbeing model, not past matches)", "lower",
         ("nobody matched" if nobody else f"{t.share_ending_badly:.0%} of {t.matches} matches")
         + f" (optimising {design.objective})"),
        ("the app's calibration error (0 = says what happens)", "lower",
         f"{scenario.calibration_error[design.objective]:.2f}"),
        ("users harmed in an outage of the AI", "lower",
         f"{t.harmed} of {users}" + (" (connected, matched or not)" if nobody else "")),
        ("weeks of work on safeguards, and the launch's delay (invented model; about a month of work fits)", "",
         f"{work} of work, " + (f"launch delayed {company.delay_weeks} week"
                                 f"{'' if company.delay_weeks == 1 else 's'}"
                                 if company.delay_weeks else "launch not delayed")),
        ("extra staff on call (invented model)", "", str(company.staff)),
        ("money left at launch, in weeks of costs, since the investors left (invented model)", "",
         f"{left:g} weeks" if left >= 0 else f"none: runs out {-left:g} weeks before launch"),
    ]  # fmt: skip


def planned_figures(panel, _kept={}) -> list[tuple[str, str, str]]:  # noqa: B006
    """The plan's figures, once per panel (the plan never changes)."""
    if id(panel) not in _kept:
        _kept[id(panel)] = figures_expected(AS_PLANNED, panel.scenario, panel.seed)
    return _kept[id(panel)]


# ---------------------------------------------------------------------- the model


def review_model(panel, _control) -> None:
    """Every kind of sentence the panel prints, recomputed from the review engine."""
    design, scenario, shown = design_of(panel), panel.scenario, text(panel)
    mine = figures_expected(design, scenario, panel.seed)
    planned = planned_figures(panel)
    # the table: every figure, as planned and in the design, bold exactly when the amounts it
    # shows changed (the same amounts with other words are not a change the learner can count)
    expected = [
        (figure, better, plan, now, amounts(plan) != amounts(now))
        for (figure, better, plan), (_, _, now) in zip(planned, mine, strict=True)
    ]
    shown_rows = table_rows(panel.summary.value)
    assert shown_rows == expected
    # the headline: which choices differ from the plan, and how many figures change: the bold
    # the learner counts in the rendered table
    changed = sum(bold for *_, bold in shown_rows)
    assert headline_count(panel.said.value) == (changed, len(shown_rows))
    named, idle = acting_choices(panel, design, mine)
    words = dict(CHOICE_WORDS)
    differs = [words[name] for name in named]
    assert headline_choices(panel.said.value) == (
        differs,
        [f"{words[name]} {clause}" for name, clause in idle_clauses(panel.said.value, idle)],
    ), (panel.said.value, named, idle)
    if not differs:
        assert changed == 0, "a design that does what the plan does shows the plan's figures"
        opening = (
            "Your design does what the plan does, all"
            if idle
            else "Your design is the planned launch: all"
        )
        assert f"{opening} {len(expected)} figures as planned" in shown
    else:
        assert (
            f"Your design differs from the plan in {len(differs)} "
            f"choice{'' if len(differs) == 1 else 's'} ({', '.join(differs)}); "
            f"{changed} of the {len(expected)} figures change (in bold in the table)."
        ) in shown
    matching_notes_model(panel, design, shown)
    privacy_notes_model(panel, design, shown)
    chart_model(panel, expected, design)


def acting_choices(panel, design: LaunchDesign, mine) -> tuple[list[str], list[str]]:
    """The choices that differ from the plan, in the panel's order: (those that, set back to the
    plan's value, change the design's figures or rows, those that change nothing: w60 read "1
    choice (k)" beside an export k does not touch)."""
    does = (mine, what_it_does(design))
    named, idle = [], []
    for name, _ in CHOICE_WORDS:
        if getattr(design, name) == getattr(AS_PLANNED, name):
            continue
        back = replace(design, **{name: getattr(AS_PLANNED, name)})
        back_does = (figures_expected(back, panel.scenario, panel.seed), what_it_does(back))
        (named if back_does != does else idle).append(name)
    return named, idle


def idle_clauses(headline: str, idle: list[str]) -> list[tuple[str, str]]:
    """(choice, the rest of its clause) for each clause the headline gives a moved choice that
    does not act, the clause read past the choice's words (each clause starts with them)."""
    words = dict(CHOICE_WORDS)
    clauses = headline_choices(headline)[1]
    assert len(clauses) == len(idle), (headline, idle)
    pairs = []
    for name, clause in zip(idle, clauses, strict=True):
        assert clause.startswith(words[name] + " "), (clause, name)
        pairs.append((name, clause[len(words[name]) + 1 :]))
    return pairs


def matching_notes_model(panel, design: LaunchDesign, shown: str) -> None:
    """Who proposing changes, who is unmatched, who is out, who was matched unasked."""
    scenario = panel.scenario
    side = themes.market_preferences(scenario, design)
    by_testers, by_candidates = (themes.stable_match(side, p) for p in ("testers", "candidates"))
    # the two proposer-optimal matchings agree only when there is one stable matching
    one = np.array_equal(by_testers, by_candidates)
    if panel.proposing_gate.shown:
        assert ("Who proposes changes nothing here: these people have only one stable matching"
                in shown) is one  # fmt: skip
        assert ("Who proposes changes partners here: these people have more than one stable "
                "matching" in shown) is not one  # fmt: skip
    else:  # Exercise 2 not answered yet: its answer is held back
        assert "Whether who proposes changes anything here is Exercise 2's question" in shown
        assert "Who proposes changes" not in shown
    match = by_testers if design.proposers == "testers" else by_candidates
    names, market = scenario.names, scenario.market
    matched = {names[market.proposers[i]] for i, j in enumerate(match) if j >= 0}
    matched |= {names[market.reviewers[j]] for j in match if j >= 0}
    inside = launch_mask(scenario.people, design)
    left = [
        n for n, ok in zip(scenario.people["name"], inside, strict=True) if ok and n not in matched
    ]
    out = [n for n, ok in zip(scenario.people["name"], inside, strict=True) if not ok]
    unsigned = set(scenario.people.loc[~scenario.people["signed_up"].astype(bool), "name"])
    found = [
        names[market.reviewers[j]]
        for j in match
        if j >= 0 and names[market.reviewers[j]] in unsigned
    ]
    assert not found or design.finds_non_users, "nobody is found without searching scraped data"
    opened, folded = _open_and_folded(panel.summary.value)
    roster_model("Left unmatched", left, opened, folded, always=True)
    roster_model("Not in the launch", out, opened, folded)
    roster_model("Matched without ever signing up", found, opened, folded)


#: The people the series names (tests/test_data.py checks the data's own "source" column).
FROM_THE_SERIES = frozenset(
    ("Niels Larson", "Ana Stern", "Lucas Apert", "Claire", "Simon", "Léopold", "Antoine")
)
_FOLD = re.compile(r"<details><summary>Spoiler \(ep\. 2\)[^<]*</summary>(.*?)</details>", re.S)


def _open_and_folded(summary_html: str) -> tuple[list[str], list[str]]:
    """The panel's list items in the open, and those in its spoiler fold, as plain text."""

    def items(part):
        return [
            html.unescape(re.sub(r"<[^>]+>", "", li)) for li in re.findall(r"<li>(.*?)</li>", part)
        ]

    folded = _FOLD.findall(summary_html)
    return items(_FOLD.sub("", summary_html)), items("".join(folded))


def roster_model(label, people, opened, folded, *, always=False) -> None:
    """A list of people as lesson 05's panel must give it: the invented by name in the open,
    the series' people only counted there and named in the spoiler fold (w53 read "Left
    unmatched: … Antoine" and "… Léopold" in the open, a hint at Lucas's storyline)."""
    line = [item for item in opened if item.startswith(label + ":")]
    if not people:
        assert line == ([f"{label}: nobody."] if always else []), (label, line)
        return
    assert len(line) == 1, (label, opened)
    series = [n for n in people if n in FROM_THE_SERIES]
    for name in people:
        assert (name in line[0]) is (name not in FROM_THE_SERIES), (name, line[0])
    assert not any(name in item for item in opened for name in series), (series, opened)
    if series:
        many = "person" if len(series) == 1 else "people"
        assert f"{len(series)} {many} from the series (named in the spoiler box below)" in line[0]
        assert f"{label}, from the series: {', '.join(series)}." in folded, (label, folded)
    else:
        assert "from the series" not in line[0] and not any(i.startswith(label) for i in folded)


def privacy_notes_model(panel, design: LaunchDesign, shown: str) -> None:
    """What the export spends, and the worst case for one resident, in words."""
    prior, total, posterior, counts = worst_case(design, panel.scenario)
    when, opening = "now", "An observer"
    if design.privacy == "dp":
        if counts == 1:
            spent = (
                f"The export publishes 1 noisy count (about depression: the app reads no data "
                f"category) at epsilon = {design.epsilon:g}."
            )
        else:
            spent = (
                f"The export publishes {counts} noisy counts (one about depression, one per data "
                f"category read) at epsilon = {design.epsilon:g} each, and the epsilons add up."
            )
        why = f": the odds can grow up to {odds_words(total)} (epsilon = {total:g} in total)"
    else:
        c = consequences(design, panel.scenario, rng=np.random.default_rng(panel.seed)).privacy
        if c.rows_released == 0:
            assert design.privacy == "generalised", "only suppression can leave no row"
            spent = (
                f"The export releases no rows this time: every group is smaller than k = "
                f"{design.k}, so all are suppressed, and this export tells an observer nothing new."
            )
            # nothing released: the worst case is the method's on other data, never "now" (w51)
            assert "now think" not in shown, "an export of no rows changed nobody's chances"
            when, opening = "then", "If it did, an observer"
        else:
            spent = (
                f"The export releases {c.rows_released} rows, which no epsilon bounds: lesson "
                f"03's attack names {people(c.reidentified)} in it and learns the health "
                f"condition of {people(c.health_learned)}."
            )
        why = ", because nothing limits it: the release has no differential-privacy guarantee"
    assert spent in shown, spent
    worst = chance_said(posterior, bounded=math.isfinite(total))
    assert (
        f"{opening} who thought there was a {prior_words(prior)} chance that one resident lives "
        f"with depression could, in the worst case, {when} think it is {worst}{why}."
    ) in shown
    # a finite epsilon never makes anyone certain; rows leave nothing bounded
    assert ("100 in 100" in worst) is (design.privacy != "dp")


def chart_model(panel, expected, design: LaunchDesign) -> None:
    """The chart's description (its accessible name): every share, planned and in the design,
    as a percentage that never calls a worst case certain while a bound exists."""
    description = base.chart_spec(panel.chart)["description"]
    assert description.startswith("Bar chart comparing your design with the planned launch")
    _, total, posterior, _ = worst_case(design, panel.scenario)
    cost = re.search(
        r"lives with depression \(invented model\), (.+?) planned and (.+?) in your design",
        description,
    )
    assert cost, description
    assert cost.group(1) == "100%", "the plan releases rows: nothing bounds the worst case"
    words = chance_words(posterior, bounded=math.isfinite(total))
    assert cost.group(2) == words.replace(" in 100", "%"), "the chart says what the table says"
    shares = [figure for figure, *_ in expected if f": {figure}, " in description]
    assert len(shares) == 9, shares


# ---------------------------------------------------------------------- the sweeps


@pytest.fixture(scope="module")
def panel():
    """The panel once lesson 05's Exercise 2 is answered, so its line about who proposes is
    shown (before, it is held back: test_explorers_review.py)."""
    control = answer_control(panels.PROPOSING_EXERCISE)  # the newest: the panel follows it
    panel = panels.DesignPanel.with_lesson_data()
    control.choice.index = 0  # any checked answer reveals, as a prediction's gate does
    control.check_button.click()
    assert panel.proposing_gate.shown
    return panel


def test_review_sentences_over_each_controls_whole_range(panel):
    panel.set_design(AS_PLANNED)
    ranges = sum(len(positions(c)) for c in panel.controls())
    assert sweep(panel, review_model) == ranges >= 2 + 3 + 3 + 4 * 2 + 2 + 3 + 19 + 8 + 2 * 3 + 2


def test_review_sentences_over_every_export_setting(panel):
    """Every combination of the export, its epsilon and what the app reads (the privacy cost)."""
    panel.set_design(AS_PLANNED)
    chosen = [panel.privacy, panel.epsilon, panel.categories["subconscious"]]
    steps = 0
    with LogProblems() as problems:
        for combination in itertools.product(*(range(len(positions(c))) for c in chosen)):
            for control, index in zip(chosen, combination, strict=True):
                positions(control)[index]()
            review_model(panel, chosen[-1])
            steps += 1
        assert not problems.found, problems.found
    assert steps == 3 * 8 * 2


def test_no_data_read_and_noisy_counts(panel):
    """The extreme the sweeps pass through only by chance: nothing read, one count published."""
    panel.set_design(AS_PLANNED)
    for box in panel.categories.values():
        box.value = False
    panel.privacy.value = "dp"
    for index in range(len(panel.epsilon.labels)):
        positions(panel.epsilon)[index]()
        review_model(panel, panel.epsilon)


def test_a_generalised_export_over_every_k(panel):
    """The corner the one-control sweeps never reach (the plan's export is not generalised):
    at large k every group is suppressed, and the panel once said an observer could "now think
    it is 100 in 100" of an export that released no row (w51)."""
    panel.set_design(AS_PLANNED)
    panel.privacy.value = "generalised"
    suppressed = 0
    for index in range(len(positions(panel.k))):
        positions(panel.k)[index]()
        review_model(panel, panel.k)
        suppressed += "releases no rows" in text(panel)
    assert suppressed, "no k suppressed every group: the corner was not reached"


def test_the_export_holds_the_rows_it_releases_in_every_sentence(panel):
    """w60, k = 5: "The export releases 630 rows" beside "true 91 of the 1024 people in the
    export": the count is over everyone the export is drawn from. Over every k, a sentence that
    counts the people *in* the export counts the rows it releases."""
    panel.set_design(AS_PLANNED)
    panel.privacy.value = "generalised"
    partial = 0
    for index in range(len(positions(panel.k))):
        positions(panel.k)[index]()
        shown = text(panel)
        released = re.search(r"The export releases (\d+) rows", shown)
        rows = int(released[1]) if released else 0
        in_export = {int(n) for n in re.findall(r"(\d+) people in the export", shown)}
        assert in_export <= {rows}, (panel.k.value, rows, in_export)
        partial += 0 < rows < panel.figures.privacy.people_in_export
    assert partial, "no k held back some rows and released others: the corner was not reached"


def test_no_data_read_matches_nobody_in_every_figure(panel):
    """w57's corner: nothing read, nobody searched, candidates propose, minors out, one box,
    noisy counts at the lowest epsilon, wellbeing. The matching rows said "nobody matched"
    while the product and trust rows counted 7 matches from a second market that ignored the
    data read; every objective, with and without searching non-users, now says so."""
    panel.set_design(AS_PLANNED)
    for box in panel.categories.values():
        box.value = False
    panel.proposers.value, panel.minors.value = "candidates", "excluded"
    panel.consent_form.value, panel.privacy.value = "bundled", "dp"
    positions(panel.epsilon)[0]()
    couples = "couples expected to be doing well a year later (from the outcomes of past matches)"
    for search in (False, True):
        panel.search_non_users.value = search
        for index in range(len(positions(panel.objective))):
            positions(panel.objective)[index]()
            review_model(panel, panel.objective)
            said = {figure: mine for figure, _, _, mine, _ in table_rows(panel.summary.value)}
            assert said[couples] == "nobody matched", "the corner was not reached"


def test_reading_nothing_says_why_the_export_and_the_minors_figures_stay(panel):
    """w59 unticked every data category and read "235 of 1024 re-identified" and "4 uses of a
    minor's data" unchanged, with nothing on screen saying why: the export is the beta's table
    and the minors are signed up whatever the app reads. Said exactly when nothing is read."""
    panel.set_design(AS_PLANNED)
    boxes = list(panel.categories.values())
    for count in range(len(boxes), -1, -1):
        for box in boxes:
            box.value = boxes.index(box) < count
        shown = html.unescape(re.sub(r"<[^>]+>", " ", panel.summary.value))
        said = "Reading no data category changes the matching only." in shown
        assert said is (count == 0), (count, said)
    for figure, _better, planned, mine, _bold in table_rows(panel.summary.value):
        if figure.startswith("uses of a minor"):
            assert mine == planned, (figure, planned, mine)  # as the sentence says
        if figure.startswith("people in the city re-identified"):
            assert not mine.startswith("0 "), (figure, mine)  # the export still leaks


@pytest.mark.parametrize(
    ("moved", "idle"),
    [
        ({"k": 12}, "k"),
        ({"epsilon": 0.1, "privacy": "generalised"}, "epsilon"),
        ({"scraped": False, "search_non_users": False}, "search_non_users"),
    ],
)
def test_a_choice_that_does_not_act_is_not_counted(panel, moved, idle):
    """w60: "differs from the plan in 1 choice (k); 0 of the 19 figures change" beside "Names
    removed". A choice moved where it does not act, alone or beside one that acts, is not named:
    the model holds the headline to what setting each choice back changes."""
    panel.set_design(AS_PLANNED)
    for name, value in moved.items():
        control = panel.categories.get(name) or getattr(panel, name)
        control.value = value
    review_model(panel, panel.said)
    said = headline_choices(panel.said.value)
    assert dict(CHOICE_WORDS)[idle] not in said[0], said
    assert len(said[1]) == 1, "the corner was not reached: no moved choice left idle"
    panel.fallback.value = True  # beside a choice that acts
    review_model(panel, panel.fallback)
    assert len(headline_choices(panel.said.value)[1]) == 1


@pytest.mark.parametrize("seed", SEEDS)
def test_review_sentences_in_random_sequences(panel, seed):
    panel.set_design(AS_PLANNED)
    run_sequence(panel, seed, STEPS, model=review_model)


def test_the_connected_users_add_up_as_the_lesson_says():
    """Lesson 04's outage counts the residents who signed up; lesson 05 adds the testers and
    candidates of lesson 01. The sentence that says so gives the three numbers the data gives."""
    import json
    from pathlib import Path

    from osmosis_lab import data
    from osmosis_lab.review import review_scenario
    from osmosis_lab.review.tradeoffs import neural_data_held

    lesson = Path(__file__).parents[1] / "lessons" / "05_design_review.ipynb"
    prose = " ".join(
        " ".join(cell["source"]).replace("\n ", " ")
        for cell in json.loads(lesson.read_text())["cells"]
        if cell["cell_type"] == "markdown"
    )
    said = re.search(
        r"lesson 04's (\d+) residents and (\d+) of lesson 01's\s+testers and candidates, (\d+) as planned",
        prose,
    )
    assert said, "lesson 05 no longer says who the connected users are"
    residents, testers, total = map(int, said.groups())
    people, population = data.load_people(), data.load_population()
    from osmosis_lab.explorers.trust_outage import OutageExplorer

    assert residents == len(OutageExplorer.with_lesson_data().users)  # lesson 04's outage
    assert testers == people["signed_up"].sum()
    scenario = review_scenario(people, population, data.load_public_profiles(), data.load_pairs())
    assert total == residents + testers == neural_data_held(scenario, AS_PLANNED)[1]
