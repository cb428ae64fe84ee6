"""The synthetic "Osmosis beta" data set: seeded generator, schemas and loaders.

Everything in it is invented (see ``data/datasheet.md``).

Examples
--------
>>> from osmosis_lab import data
>>> sorted(data.load_people()["role"].unique())
['candidate', 'tester']
"""

from .generate import SEED, generate_all, wellbeing_probability
from .load import (
    DATA_DIR,
    FILES,
    load_csv,
    load_pairs,
    load_people,
    load_population,
    load_public_profiles,
)

__all__ = [
    "DATA_DIR",
    "FILES",
    "SEED",
    "generate_all",
    "load_csv",
    "load_pairs",
    "load_people",
    "load_population",
    "load_public_profiles",
    "wellbeing_probability",
    "write_all",
]


def write_all(data_dir=None, seed: int = SEED) -> list:
    """Generate every table and write it as CSV; return the paths written.

    The CSV format is pinned (3 decimals, ``\\n`` line ends) so regeneration is byte-identical.
    """
    from pathlib import Path

    out = Path(data_dir or DATA_DIR)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, table in generate_all(seed).items():
        path = out / FILES[name][0]
        table.to_csv(path, index=False, float_format="%.3f", lineterminator="\n")
        written.append(path)
    return written
