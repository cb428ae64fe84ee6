"""Loaders for the shipped CSVs: read, validate, return a DataFrame.

Examples
--------
>>> people = load_people()
>>> people.loc[people["name"] == "Niels Larson", "age"].item()
17
>>> len(load_population())
1000
"""

import os
from pathlib import Path

import pandas as pd

from ..errors import SchemaError
from . import schema
from .csvfile import read_table

#: The repository's data/ folder (widgets/osmosis_lab/data -> ../../../data).
#: OSMOSIS_DATA_DIR overrides it, e.g. for a copy of the data elsewhere.
DATA_DIR = Path(os.environ.get("OSMOSIS_DATA_DIR", Path(__file__).resolve().parents[3] / "data"))

FILES = {
    "people": ("people.csv", schema.PEOPLE),
    "population": ("population.csv", schema.POPULATION),
    "public_profiles": ("public_profiles.csv", schema.PUBLIC_PROFILES),
    "pairs": ("pairs.csv", schema.PAIRS),
}


def load_csv(path: Path | str, table_schema: tuple[schema.Column, ...]) -> pd.DataFrame:
    """Read ``path`` and validate it against ``table_schema``.

    The file may be as a spreadsheet saved it again (see :mod:`.csvfile`): its
    encoding and separator are recognised, and values differing only in case,
    spacing, decimal mark or the spelling of true/false are put back to the
    schema's (:func:`.schema.normalise`).

    Raises
    ------
    SchemaError
        When the file is missing, empty, unreadable (encoding, quotes, a line with
        too many or too few fields), or a column is missing, mistyped, out of range
        or holds a value outside its allowed ones (which the message lists); the
        message names the file, the line or the column and first bad rows, and what
        to do.
    """
    path = Path(path)
    if not path.is_file():
        raise SchemaError(f"{path}: no such file. Run `make data` to regenerate the data set.")
    table = read_table(path, [column.name for column in table_schema])
    table = schema.normalise(table, table_schema)
    schema.validate(table, table_schema, source=path.name)
    return table


def _load(name: str, data_dir: Path | str | None) -> pd.DataFrame:
    filename, table_schema = FILES[name]
    return load_csv(Path(data_dir or DATA_DIR) / filename, table_schema)


def load_people(data_dir: Path | str | None = None) -> pd.DataFrame:
    """The 12 beta testers and the 12 candidates they can be matched with."""
    return _load("people", data_dir)


def load_population(data_dir: Path | str | None = None) -> pd.DataFrame:
    """1,000 synthetic Paris residents, Osmosis users and non-users."""
    return _load("population", data_dir)


def load_public_profiles(data_dir: Path | str | None = None) -> pd.DataFrame:
    """What an attacker can find publicly: name and quasi-identifiers, no ids."""
    return _load("public_profiles", data_dir)


def load_pairs(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Couples of app users who met a year ago, with the hidden outcome the app never saw."""
    return _load("pairs", data_dir)
