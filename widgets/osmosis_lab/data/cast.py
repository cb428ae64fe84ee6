"""The 24 people of the beta: 12 testers and 12 candidates the app can match them with.

Names marked "named in the series" come from the series (lessons/story_facts.md);
everything numeric about them, and every other person, is invented. The
overrides below encode the story's situations as data, so the toys reproduce
them: Léopold looks like Lucas's "soulmate" on every category yet treats
partners badly (low ``care``); Antoine shares Lucas's memories and cares well;
Niels and Claire both run on intense, novelty-seeking signals. Invented for the
toy, not from the series: Ana and Simon share a love of books and quiet.

A person named in the series carries no sensitive value the series does not
support: Niels's addiction and Lucas's affair are the story's; every other named
person has no health condition and no secret relationship (tests/test_data.py).

Examples
--------
>>> import numpy as np
>>> people = generate_people(np.random.default_rng(1)).set_index("name")
>>> people.loc["Lucas Apert", "role"], people.loc["Léopold", "care"]
('tester', np.float64(0.15))
"""

import numpy as np
import pandas as pd

from ..categories import CATEGORIES, WEIGHT_COLUMNS
from .residents import generate_residents
from .schema import PEOPLE

NAMED, INVENTED = "named in the series", "invented"

# name, role, source, gender, seeking, age, arrondissement, occupation
CAST = (
    ("Niels Larson", "tester", NAMED, "man", "women", 17, 11, "student"),
    ("Ana Stern", "tester", NAMED, "woman", "men", 24, 5, "bookseller"),
    ("Lucas Apert", "tester", NAMED, "man", "men", 29, 3, "graphic designer"),
    ("Inès Marchal", "tester", INVENTED, "woman", "men", 26, 18, "nurse"),
    ("Karim Benali", "tester", INVENTED, "man", "women", 31, 20, "engineer"),
    ("Sofia Ricci", "tester", INVENTED, "woman", "women", 28, 10, "chef"),
    ("Mathis Roy", "tester", INVENTED, "man", "women", 35, 15, "accountant"),
    ("Léa Fontaine", "tester", INVENTED, "woman", "men", 22, 13, "student"),
    ("Yanis Haddou", "tester", INVENTED, "man", "women", 27, 19, "delivery rider"),
    ("Camille Perrot", "tester", INVENTED, "non-binary", "everyone", 30, 11, "musician"),
    ("Nour Saïdi", "tester", INVENTED, "woman", "men", 33, 12, "lawyer"),
    ("Bastien Colin", "tester", INVENTED, "man", "women", 40, 16, "architect"),
    ("Claire", "candidate", NAMED, "woman", "men", 17, 11, "student"),
    ("Simon", "candidate", NAMED, "man", "women", 27, 6, "researcher"),
    ("Léopold", "candidate", NAMED, "man", "men", 31, 4, "photographer"),
    ("Antoine", "candidate", NAMED, "man", "men", 33, 3, "teacher"),
    ("Chloé Garnier", "candidate", INVENTED, "woman", "men", 29, 17, "journalist"),
    ("Malik Sow", "candidate", INVENTED, "man", "women", 30, 19, "software developer"),
    ("Jade Morin", "candidate", INVENTED, "woman", "men", 25, 14, "barista"),
    ("Théo Blanc", "candidate", INVENTED, "man", "women", 36, 7, "doctor"),
    ("Amina Kaci", "candidate", INVENTED, "woman", "men", 32, 9, "civil servant"),
    ("Julien Marty", "candidate", INVENTED, "man", "women", 23, 20, "shop assistant"),
    ("Zoé Lemoine", "candidate", INVENTED, "woman", "everyone", 27, 1, "artist"),
    ("Rémi Caron", "candidate", INVENTED, "man", "men", 38, 2, "librarian"),
)

#: The people named in the series: a list that names them can hint at the plot (lesson 05's
#: panel folds them; the spoiler register, lessons/spoiler_register.yml, holds the relations).
FROM_THE_SERIES = frozenset(name for name, _role, source, *_ in CAST if source == NAMED)

# Candidates who never signed up: Osmosis "found" them through scraped data.
NOT_SIGNED_UP = ("Léopold", "Chloé Garnier", "Zoé Lemoine")


def _copy_traits(people, source, target, categories, rng, jitter=0.03):
    """Make ``target`` resemble ``source`` on ``categories`` (up to a little noise)."""
    for category in categories:
        cols = list(CATEGORIES[category])
        base = people.loc[source, cols].to_numpy(dtype=float)
        noisy = base + rng.uniform(-jitter, jitter, size=len(cols))
        people.loc[target, cols] = np.round(np.clip(noisy, 0.0, 1.0), 3)


def _story_overrides(people: pd.DataFrame, rng: np.random.Generator) -> None:
    everything = tuple(CATEGORIES)
    _copy_traits(people, "Lucas Apert", "Léopold", everything, rng)
    _copy_traits(people, "Lucas Apert", "Antoine", ("conscious",), rng)
    people.loc["Niels Larson", ["signal_intensity", "signal_novelty"]] = [0.95, 0.9]
    _copy_traits(people, "Niels Larson", "Claire", ("subconscious", "scraped"), rng)
    people.loc["Ana Stern", ["scraped_culture", "memory_solitude"]] = [0.95, 0.85]
    _copy_traits(people, "Ana Stern", "Simon", ("declared", "conscious", "scraped"), rng)
    people.loc["Lucas Apert", list(WEIGHT_COLUMNS.values())] = [0.15, 0.15, 0.2, 0.5]
    people.loc[["Léopold", "Antoine", "Ana Stern", "Simon"], "care"] = [0.15, 0.92, 0.8, 0.85]
    named = people["source"] == NAMED
    people.loc[named, "health_condition"] = "none"
    people.loc[named, "secret_relationship"] = False
    people.loc["Niels Larson", "health_condition"] = "addiction recovery"
    people.loc["Lucas Apert", "secret_relationship"] = True


def generate_people(rng: np.random.Generator) -> pd.DataFrame:
    """The 24 testers and candidates, with ids T01..T12 and C01..C12."""
    columns = ["name", "role", "source", "gender", "seeking", "age", "arrondissement", "occupation"]
    cast = pd.DataFrame(CAST, columns=columns)
    drawn = generate_residents(len(cast), rng).drop(columns=columns[3:])
    people = pd.concat([cast, drawn], axis=1).set_index("name")
    people["signed_up"] = ~people.index.isin(NOT_SIGNED_UP)
    people["sexual_orientation"] = np.where(
        people["seeking"] == "everyone", "bisexual", np.where(
            (people["gender"] == "man") == (people["seeking"] == "men"),
            "gay or lesbian", "heterosexual"))  # fmt: skip
    _story_overrides(people, rng)
    people = people.reset_index()
    ids = [f"T{i:02d}" for i in range(1, 13)] + [f"C{i:02d}" for i in range(1, 13)]
    people.insert(0, "person_id", ids)
    return people[[column.name for column in PEOPLE]]
