"""Write lessons/teacher/sample_class/: 30 scripted learners' handed-in work, for the teacher notebook.

A hub drop folder has one folder per learner; each holds the export of "Export my
work" (``osmosis_export_<key>.md``, the layout of ``osmosis_lab/records/EXPORT_FORMAT.md``)
and, for some, lesson 05's review file (``my_design_review_<key>.md``). Both are written
by the lessons' own code (``records.export_markdown`` with the words the export panel
uses, ``review.review_markdown``), and every design choice, reflection prompt and
stakeholder value is drawn from what the lessons offer (the design panel's options in
``osmosis_lab.review``, the prompts in the lessons' ``reflection(...)`` cells), never typed
here: a sample class showing an option the lesson does not have misleads a teacher.

The learners are scripted from one seeded generator, so running this again writes the same
files: some leave parts out (the review among them), some opt out of the poll, some allow a
reflection to be shown, most hand in lesson 04's judge-first calls (some switching to the
app's verdict); most hand in only the export, as the teacher's guide asks. Every name is
invented. Run from the repository's root:

    python lessons/teacher/make_sample_class.py
"""

from __future__ import annotations

import ast
import json
import shutil
from dataclasses import asdict
from functools import cache
from pathlib import Path

import numpy as np

from osmosis_lab.categories import CATEGORIES
from osmosis_lab.data import load_pairs, load_people, load_population, load_public_profiles
from osmosis_lab.explorers.export_words import seen_words
from osmosis_lab.explorers.judge_record import call_entry
from osmosis_lab.privacy.poll import answer_to_send, token_for
from osmosis_lab.records import export_markdown, learner_key, write_text_atomically
from osmosis_lab.records.export import export_parts
from osmosis_lab.review import (
    AS_PLANNED,
    CONSENT_FORMS,
    EPSILONS,
    ITEM_TITLES,
    MINOR_POLICIES,
    OBJECTIVE_LABELS,
    PRIVACY_MECHANISMS,
    PROPOSERS,
    ROLES,
    VALUES,
    LaunchDesign,
    consequences,
    review_markdown,
    review_scenario,
)
from osmosis_lab.trust import judge_cases

HERE = Path(__file__).resolve().parent
FOLDER = HERE / "sample_class"
SEED = 14
NAMES = (
    "Alba Reyes",
    "Noor Haddad",
    "Tom Weber",
    "Ines Faure",
    "Yusuf Demir",
    "Lea Novak",
    "Sami Berg",
    "Mira Lund",
    "Jonas Keller",
    "Eva Rossi",
    "Karim Saidi",
    "Lina Moreau",
    "Oskar Nilsson",
    "Ada Quinn",
    "Theo Martin",
    "Zara Khan",
    "Ravi Patel",
    "Nina Horvat",
    "Leo Dubois",
    "Maya Cohen",
    "Omar Farah",
    "Ella Jansen",
    "Finn Olsen",
    "Sara Costa",
    "Ivan Petrov",
    "Lucie Blanc",
    "Hugo Simon",
    "Aya Mori",
    "Emil Brandt",
    "Rosa Vidal",
)
#: lesson 03's exercises (their names in osmosis_lab/check/exercises/lesson03.py) -> (chance
#: right first time, chance right later, the named misconception a wrong answer hits)
EXERCISES = {
    "03_privacy": {
        "reidentified_testers": (0.5, 0.3, "forgot gender"),
        "k_after_generalising": (0.6, 0.2, "did not generalise"),
        "exposed_by_homogeneity": (0.4, 0.3, "gave l"),
        "randomized_response_estimate": (0.3, 0.4, "took the raw rate"),
        "error_per_query": (0.4, 0.3, "forgot composition"),
    },
    "05_design_review": {},
}
#: the lessons whose reflections the scripted learners answer
REFLECTING = ("00_start_here", "03_privacy", "05_design_review")
TEXTS = (
    "Whether anyone could trace the data back to a person, and who checked.",
    "The people who never signed up: they did not choose any of this.",
    "Subconscious signals: I cannot even know what they show.",
    "Who may read the implant's data, and for how long.",
)
REVIEWS = (
    "Not ready: the research export still names people through their traits.",
    "Launch only with a fair form and Billie on call; the rest can wait a month.",
    "Delay: nobody asked the people found online.",
)
#: the design panel's options (review.design), in the order it offers them
OPTIONS = {
    "proposers": tuple(PROPOSERS),
    "consent_form": tuple(CONSENT_FORMS),
    "minors": tuple(MINOR_POLICIES),
    "privacy": tuple(PRIVACY_MECHANISMS),
    "objective": tuple(OBJECTIVE_LABELS),
    "epsilon": EPSILONS,
}


@cache
def lesson_prompts(lesson: str) -> dict[str, str]:
    """Prompt id -> prompt, as ``lesson``'s ``reflection("id", "prompt")`` cells ask them."""
    cells = json.loads((HERE.parent / f"{lesson}.ipynb").read_text(encoding="utf-8"))["cells"]
    prompts = {}
    for cell in cells:
        source = "".join(cell["source"])
        if cell["cell_type"] != "code" or "reflection(" not in source:
            continue
        for node in ast.walk(ast.parse(source)):
            name = getattr(node, "func", None)
            if getattr(name, "id", getattr(name, "attr", "")) == "reflection":
                prompt_id, prompt = (ast.literal_eval(arg) for arg in node.args[:2])
                prompts[prompt_id] = prompt
    return prompts


def design(rng: np.random.Generator) -> LaunchDesign:
    """A design a learner could set on lesson 05's panel."""
    chosen = {name: options[rng.integers(len(options))] for name, options in OPTIONS.items()}
    categories = [c for c in CATEGORIES if rng.random() < 0.8] or ["declared"]
    switches = {name: bool(rng.random() < 0.5) for name in ("search_non_users", "human_contact",
                                                             "fallback")}  # fmt: skip
    return LaunchDesign(**chosen, categories=categories, k=int(rng.choice([2, 5, 10])), **switches)


def review_fields(rng: np.random.Generator) -> dict:
    """Lesson 05's review as its writer saves it: text, design, matrix entries, reasons."""
    saved = asdict(design(rng))
    saved["categories"] = list(saved["categories"])
    matrix = {role: [str(rng.choice(VALUES)), ""] for role in ROLES if rng.random() < 0.6}
    reasons = {item: str(rng.choice(TEXTS)) for item in ITEM_TITLES if rng.random() < 0.3}
    return {"review": str(rng.choice(REVIEWS)), "design": saved, "matrix": matrix,
            "reasons": reasons}  # fmt: skip


@cache
def _scenario():
    return review_scenario(load_people(), load_population(), load_public_profiles(), load_pairs())


def review_file(fields: dict) -> str:
    """The review file lesson 05's writer saves for ``fields`` (its figures included)."""
    chosen = LaunchDesign(**fields["design"])
    figures, planned = (
        consequences(d, _scenario(), rng=np.random.default_rng(SEED)) for d in (chosen, AS_PLANNED)
    )
    matrix = {role: tuple(entry) for role, entry in fields["matrix"].items()}
    return review_markdown(
        chosen, figures, matrix, fields["review"], planned=planned, reasons=fields["reasons"]
    )


#: lesson 04's ten cases, as its judge-first explorer shows them (JudgeFirstExplorer.with_lesson_data)
CASES = judge_cases(load_pairs(), load_population(), n=10, rng=np.random.default_rng(2019))


def judge_first(rng: np.random.Generator) -> dict:
    """One learner's judge-first calls: a first call, then, sometimes, the app's call instead."""
    calls = []
    for _, case in CASES.iterrows():
        first = "accept" if rng.random() < 0.5 else "reject"
        app = "accept" if case["app_accepts"] else "reject"
        switch = rng.random() < (0.3 if first != app else 0.05)
        final = ("accept" if first == "reject" else "reject") if switch else first
        confidence = int(rng.choice(np.arange(50, 101, 5)))
        calls.append(call_entry(case, first, confidence, final))
    return {"04_trust": {"cases": len(CASES), "started_again": 0, "calls": calls}}


def learner_files(number: int, rng: np.random.Generator) -> dict[str, str]:
    """File name -> text for one scripted learner."""
    name = NAMES[number]
    answers = {}
    for exercise, (first, later, missed) in EXERCISES["03_privacy"].items():
        if rng.random() < 0.1:
            continue  # not attempted
        draw = rng.random()
        status, tries, hit = (
            ("correct", 1, None)
            if draw < first
            else ("correct", 2, None)
            if draw < first + later
            else ("hint", 1, missed)
        )
        answers[exercise] = {"answer": "…", "first_answer": "…", "tries": tries, "status": status,
                             "misconception": hit}  # fmt: skip
    record = {"03_privacy": answers}
    judged = judge_first(rng) if rng.random() < 0.8 else {}
    if rng.random() < 0.8:  # the rest opted out of the poll
        truth = bool(rng.random() < 0.4)
        sent = answer_to_send(truth, coin_says_truth=bool(rng.random() < 0.75))
        record["class_poll"] = {"Q1": {"send": token_for(1, sent)}}
    elif rng.random() < 0.5:
        record["class_poll"] = {"Q1": {"send": token_for(1, None)}}
    reflections = {
        prompt_id: {"prompt": prompt, "text": str(rng.choice(TEXTS)),
                    "may_show": bool(rng.random() < 0.4)}
        for lesson in REFLECTING
        for prompt_id, prompt in sorted(lesson_prompts(lesson).items())
        if rng.random() < 0.3
    }  # fmt: skip
    if reflections:
        record["reflections"] = reflections
    if judged:
        record["judge_first"] = judged
    reviewed = rng.random() < 0.9  # the rest did not reach lesson 05's review
    if reviewed:
        record["design_review"] = review_fields(rng)
    left_out = sorted(p for p in export_parts(record) if rng.random() < 0.1)
    export = export_markdown(
        name, record, leave_out=left_out, exported_at="2026-12-06T10:00:00+00:00", **seen_words()
    )
    key = learner_key(name)
    files = {f"osmosis_export_{key}.md": export}
    if reviewed and rng.random() < 0.3:  # the review file too: its Save writes it beside the record
        files[f"my_design_review_{key}.md"] = review_file(record["design_review"])
    return files


def main() -> None:
    rng = np.random.default_rng(SEED)
    shutil.rmtree(FOLDER, ignore_errors=True)
    for number in range(30):
        folder = FOLDER / f"learner{number + 1:02d}"
        folder.mkdir(parents=True)
        for file_name, text in learner_files(number, rng).items():
            write_text_atomically(folder / file_name, text)
    print(f"wrote 30 learners' work to {FOLDER}")


if __name__ == "__main__":
    main()
