"""The seeded generator of the synthetic "Osmosis beta" data set.

Everything here is invented. The series gives names and a few facts (see
``data/datasheet.md``); every number is drawn from the distributions below.
The same seed gives byte-identical CSVs (``tests/test_data.py`` checks it).

Examples
--------
>>> tables = generate_all(seed=2019)
>>> sorted(tables)
['pairs', 'people', 'population', 'public_profiles']
>>> len(tables["people"]), len(tables["population"])
(24, 1000)
>>> tables["people"].set_index("name").loc["Niels Larson", "age"]
np.int64(17)
"""

import numpy as np
import pandas as pd

from ..categories import CATEGORIES
from . import cast
from .residents import generate_residents

SEED = 2019
POPULATION_SIZE = 1000

# Two lists of the same length, position by position, so that a draw of
# (position, surname) gives a unique full name whatever the person's gender.
WOMEN_FIRST_NAMES = (
    "Adèle", "Alice", "Anaïs", "Aya", "Capucine", "Elsa", "Emma", "Fatou", "Héloïse", "Irène",
    "Justine", "Lina", "Lucie", "Manon", "Nina", "Océane", "Pauline", "Romane", "Salomé", "Sarah",
    "Yasmine", "Zélie", "Léna", "Margaux", "Clara", "Inaya", "Juliette", "Maëlys", "Rose",
    "Louna", "Mila", "Ambre", "Lola", "Céleste", "Victoire", "Anna", "Maya", "Eva", "Lou", "Mathilde",
)  # fmt: skip
MEN_FIRST_NAMES = (
    "Amir", "Arthur", "Baptiste", "Clément", "Ethan", "Gaspard", "Ilyes", "Jules", "Louis",
    "Marius", "Maxime", "Mehdi", "Noah", "Oscar", "Rayan", "Sacha", "Samuel", "Thomas", "Valentin",
    "Adam", "Léon", "Gabin", "Nathan", "Enzo", "Victor", "Axel", "Malo", "Aaron", "Timothée",
    "Youssef", "Naël", "Lucien", "Ismaël", "Augustin", "Eliott", "Martial", "Aurélien", "Bilal",
    "Florian", "Damien",
)  # fmt: skip
LAST_NAMES = (
    "Bernard", "Bonnet", "Boyer", "Chevalier", "Clement", "David", "Diallo", "Dupont",
    "Faure", "Fournier", "Garcia", "Garnier", "Girard", "Gauthier", "Haddad", "Lambert",
    "Laurent", "Lefebvre", "Legrand", "Leroy", "Martinez", "Mercier", "Michel", "Morel",
    "Moreau", "Nguyen", "Perrin", "Petit", "Richard", "Robin", "Rousseau", "Roux",
    "Blanchard", "Traoré", "Vincent", "Ziani",
)  # fmt: skip


def _unique_names(genders, rng: np.random.Generator) -> list[str]:
    """Unique "First Last" names whose first name fits the person's gender.

    A non-binary person gets a name from either list (names do not decide gender).
    """
    picks = rng.choice(len(WOMEN_FIRST_NAMES) * len(LAST_NAMES), size=len(genders), replace=False)
    names = []
    for pick, gender in zip(picks, genders, strict=True):
        first, last = divmod(int(pick), len(LAST_NAMES))
        women = gender == "woman" or (gender == "non-binary" and first % 2 == 0)
        names.append(
            f"{(WOMEN_FIRST_NAMES if women else MEN_FIRST_NAMES)[first]} {LAST_NAMES[last]}"
        )
    return names


def generate_population(rng: np.random.Generator, n: int = POPULATION_SIZE) -> pd.DataFrame:
    """The synthetic Paris residents, users and non-users, with ids R0001 ... and names."""
    residents = generate_residents(n, rng)
    residents.insert(0, "name", _unique_names(residents["gender"], rng))
    residents.insert(0, "person_id", [f"R{i:04d}" for i in range(1, n + 1)])
    return residents


def generate_public_profiles(population: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """What a social network shows publicly for about 60% of residents (shuffled, no ids)."""
    shown = population[rng.random(len(population)) < 0.6]
    columns = ["name", "age", "arrondissement", "occupation", "gender"]
    return shown[columns].sample(frac=1.0, random_state=rng).reset_index(drop=True)


def wellbeing_probability(a: pd.DataFrame, b: pd.DataFrame) -> np.ndarray:
    """The hidden model of the long-term outcome: care and shared memories, not intensity.

    ``a`` and ``b`` are aligned rows of partners. The app never sees ``care``.
    """
    conscious = list(CATEGORIES["conscious"])
    distance = np.abs(a[conscious].to_numpy() - b[conscious].to_numpy()).mean(axis=1)
    care = a["care"].to_numpy() + b["care"].to_numpy()
    logit = 4.0 * (care - 1.3) + 6.0 * (0.25 - distance)
    return 1.0 / (1.0 + np.exp(-logit))


def generate_pairs(population: pd.DataFrame, rng: np.random.Generator, n: int = 1500):
    """Couples of users who met a year ago, with the hidden outcome ``wellbeing_after_1y``.

    Drawn at random among users, not chosen by the app, so the app may reject some of them.
    """
    users = population[population["signed_up"]].reset_index(drop=True)
    first = rng.integers(0, len(users), size=n * 2)
    second = rng.integers(0, len(users), size=n * 2)
    keep = np.flatnonzero(first != second)[:n]
    a, b = users.iloc[first[keep]], users.iloc[second[keep]]
    outcome = rng.random(len(keep)) < wellbeing_probability(a, b)
    return pd.DataFrame(
        {
            "pair_id": [f"M{i:04d}" for i in range(1, len(keep) + 1)],
            "person_a": a["person_id"].to_numpy(),
            "person_b": b["person_id"].to_numpy(),
            "wellbeing_after_1y": outcome.astype(int),
        }
    )


def generate_all(seed: int = SEED) -> dict[str, pd.DataFrame]:
    """Every table of the data set, from one seed."""
    rng = np.random.default_rng(seed)
    people = cast.generate_people(rng)
    population = generate_population(rng)
    return {
        "people": people,
        "population": population,
        "public_profiles": generate_public_profiles(population, rng),
        "pairs": generate_pairs(population, rng),
    }
