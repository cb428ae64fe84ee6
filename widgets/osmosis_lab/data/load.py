"""Loaders for the shipped CSVs: read, validate, return a DataFrame.

Examples
--------
>>> people = load_people()
>>> people.loc[people["name"] == "Niels Larson", "age"].item()
17
>>> len(load_population())
1000
"""

import hashlib
import os
from collections import OrderedDict
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


#: Tables already read and validated, by file, content and schema. A check reads the data
#: again each time a learner presses Check (the data may have been edited since), and an
#: explorer when it is built: parsing and validating took 5 ms (people) to 9 ms (population)
#: each time, 4,000 times in one ``make test``. Keyed by the file's bytes, not its modified
#: time (two saves in one clock tick share one), so an edited file is always read afresh;
#: a refused file is never kept, so it is refused again. Each caller gets its own copy.
_READ: OrderedDict = OrderedDict()
_READ_KEPT = 16


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
    raw = path.read_bytes()
    key = (path.resolve(), hashlib.blake2b(raw).digest(), table_schema)
    if key not in _READ:
        table = read_table(path, [column.name for column in table_schema], raw=raw)
        table = schema.normalise(table, table_schema)
        schema.validate(table, table_schema, source=path.name)
        _READ[key] = table
        while len(_READ) > _READ_KEPT:
            _READ.popitem(last=False)
    _READ.move_to_end(key)
    return _READ[key].copy()


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
