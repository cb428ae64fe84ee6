"""Write lessons/teacher/sample_class/: 30 scripted learners' handed-in work, for the teacher notebook.

A hub drop folder has one folder per learner; each holds the export of "Export my
work" (``osmosis_export_<key>.md``, the layout of ``osmosis_lab/records/EXPORT_FORMAT.md``)
and, for most, lesson 05's review (``my_design_review_<key>.md``). The learners are
scripted from one seeded generator, so running this again writes the same files:
some leave parts out, some opt out of the poll, some allow a reflection to be shown,
most hand in lesson 04's judge-first calls (some switching to the app's verdict).
Every name is invented. Run from the repository's root:

    python lessons/teacher/make_sample_class.py
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np

from osmosis_lab.data import load_pairs, load_population
from osmosis_lab.explorers.judge_record import call_entry
from osmosis_lab.privacy.poll import answer_to_send, token_for
from osmosis_lab.records import EXPORT_VERSION, inert_markdown, learner_key, write_text_atomically
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
#: reflection prompts as lessons 00 and 03 ask them (their my_work.reflection cells)
REFLECTIONS = {
    "00_refuse_first": "Which category would you refuse first? Would a worse match change your "
    "answer?",
    "03_what_regulators_ask": "Scraping, neural data, an implant that only transmits: what should "
    "regulators have asked?",
}
TEXTS = (
    "Whether anyone could trace the data back to a person, and who checked.",
    "The people who never signed up: they did not choose any of this.",
    "Subconscious signals: I cannot even know what they show.",
    "Who may read the implant's data, and for how long.",
)
CHOICES = {
    "Consent form": ("Pre-ticked boxes", "Separate unticked boxes", "One checkbox for everything"),
    "Research export": (
        "Rows with names removed (pseudonymised)",
        "Counts with noise",
        "No export",
    ),
    "A human contact (Billie)": ("yes", "no"),
}


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
        prompt: {
            "prompt": text,
            "text": str(rng.choice(TEXTS)),
            "may_show": bool(rng.random() < 0.4),
        }
        for prompt, text in REFLECTIONS.items()
        if rng.random() < 0.7
    }
    parts = [f"answers:{s}" for s in sorted(record)]
    parts += [f"judge_first:{lesson}" for lesson in sorted(judged)]
    parts += [f"reflection:{p}" for p in sorted(reflections)]
    left_out = sorted(p for p in parts if rng.random() < 0.1)  # some leave a part out
    data = {
        "format": "osmosis-lab-export",
        "version": EXPORT_VERSION,
        "learner": name,
        "exported_at": "2026-12-06T10:00:00+00:00",
        "reader": "your teacher",
        "consent": {"included": [p for p in parts if p not in left_out], "left_out": left_out},
        "answers": {s: f for s, f in record.items() if f"answers:{s}" not in left_out},
        "judge_first": {k: f for k, f in judged.items() if f"judge_first:{k}" not in left_out},
        "reflections": {p: r for p, r in reflections.items() if f"reflection:{p}" not in left_out},
    }
    key = learner_key(name)
    export = (
        f"# Osmosis Ethics Lab: my work\n\n*Learner:* {inert_markdown(name)}\n\n"
        "## Data (for the teacher's view)\n\n```json\n"
        + json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
        + "\n```\n"
    )
    files = {f"osmosis_export_{key}.md": export}
    if rng.random() < 0.85:
        rows = "".join(f"| {q} | {rng.choice(options)} |\n" for q, options in CHOICES.items())
        files[f"my_design_review_{key}.md"] = (
            "# Design review: Osmosis before launch\n\n## My design choices\n\n"
            f"| Choice | My decision |\n|---|---|\n{rows}\n## My review\n\n…\n"
        )
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
