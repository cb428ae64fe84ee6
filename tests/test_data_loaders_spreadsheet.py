"""The loaders on data files a spreadsheet saved back, or a hand edit broke (issue 11, item 12).

Every file either loads equal to the original (after putting case, spacing,
decimal marks and true/false back to the schema's) or raises a SchemaError that
names the file and says what to do. The fixtures are real LibreOffice re-saves
where they could be made (tests/fixtures/spreadsheet/make_fixtures.sh); these
tests never need LibreOffice.
"""

import codecs
import os
import shutil
import subprocess
import sys
import traceback
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

from osmosis_lab import data
from osmosis_lab.data import schema
from osmosis_lab.errors import SchemaError
from osmosis_lab.privacy import OCCUPATION_SECTORS

FIXTURES = Path(__file__).parent / "fixtures" / "spreadsheet"
ACTIONS = ("make data", "CSV UTF-8", "save again")

#: re-saved fixture -> what its bytes must show, so that the test means something
RESAVES = {
    "people_lo_utf8.csv": lambda raw: raw.startswith(b'"person_id","name"'),
    "people_lo_cp1252.csv": lambda raw: "Léopold".encode("cp1252") in raw and not _is_utf8(raw),
    "people_lo_unicode_text.txt": lambda raw: (
        raw.startswith(codecs.BOM_UTF16_LE) and "\t".encode("utf-16-le") in raw
    ),
    "people_lo_fr_semicolon.csv": lambda raw: b";VRAI;" in raw and b";0,234;" in raw,
    "people_lo_fr_semicolon_cp1252.csv": lambda raw: b";FAUX;" in raw and not _is_utf8(raw),
    "people_utf8_bom.csv": lambda raw: raw.startswith(codecs.BOM_UTF8),
    "people_category_variants.csv": lambda raw: b",Student , MAN,Women," in raw,
    "public_profiles_lo_fr_semicolon.csv": lambda raw: raw.startswith(b'"name";"age"'),
}

#: broken fixture -> what its message must say besides the file name and an action
BROKEN = {
    "people_empty.csv": "is empty",
    "people_header_only.csv": "has column names but no rows",
    "people_unbalanced_quote.csv": 'line 6: a quote (") opened here is never closed',
    "people_lo_fr_semicolon_unbalanced_quote.csv": "line 6: text after a closing quote",
    "people_extra_field.csv": "line 7: 35 fields where the first line has 34",
    "people_missing_field.csv": "line 9: 33 fields where the first line has 34",
    "people_unknown_occupation.csv": "column 'occupation': values not in",
}


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _original(fixture: str) -> tuple[pd.DataFrame, tuple]:
    if fixture.startswith("public_profiles"):
        return data.load_public_profiles().head(20), schema.PUBLIC_PROFILES
    return data.load_people(), schema.PEOPLE


@pytest.mark.parametrize("fixture", sorted(RESAVES))
def test_a_spreadsheet_resave_loads_equal_to_the_original(fixture):
    raw = (FIXTURES / fixture).read_bytes()
    assert RESAVES[fixture](raw), f"{fixture} is not what its name says: rerun make_fixtures.sh"
    original, table_schema = _original(fixture)
    pd.testing.assert_frame_equal(data.load_csv(FIXTURES / fixture, table_schema), original)


@pytest.mark.parametrize("fixture", sorted(BROKEN))
def test_a_broken_file_is_refused_naming_it_and_what_to_do(fixture):
    with pytest.raises(SchemaError) as error:
        data.load_csv(FIXTURES / fixture, schema.PEOPLE)
    message = str(error.value)
    assert fixture in message and BROKEN[fixture] in message
    assert any(action in message for action in ACTIONS), message


@pytest.mark.parametrize("fixture", sorted(BROKEN))
def test_a_refusal_shows_no_pandas_or_csv_internals(fixture):
    # What a notebook shows under the setup cell: the frames and chained errors.
    with pytest.raises(SchemaError) as error:
        data.load_csv(FIXTURES / fixture, schema.PEOPLE)
    frames = [frame.filename for frame in traceback.extract_tb(error.value.__traceback__)]
    assert not [f for f in frames if "pandas" in f or f.endswith("csv.py")], frames
    assert error.value.__cause__ is None
    assert error.value.__context__ is None or error.value.__suppress_context__


def test_the_setup_cell_fails_with_one_readable_error(tmp_path):
    shutil.copy(FIXTURES / "people_header_only.csv", tmp_path / "people.csv")
    setup = "from osmosis_lab.data import load_people\npeople = load_people()\n"
    run = subprocess.run(
        [sys.executable, "-c", setup],
        capture_output=True,
        text=True,
        env={**os.environ, "OSMOSIS_DATA_DIR": str(tmp_path)},
        check=False,
    )
    last = run.stderr.strip().splitlines()[-1]
    assert last.startswith("osmosis_lab.errors.SchemaError: people.csv has column names but no")
    assert "pandas" not in run.stderr and len(run.stderr.splitlines()) < 15, run.stderr


def test_the_unknown_occupation_error_lists_every_allowed_one():
    with pytest.raises(SchemaError) as error:
        data.load_csv(FIXTURES / "people_unknown_occupation.csv", schema.PEOPLE)
    message = str(error.value)
    assert "'étudiant'" in message and "on lines 2" in message
    assert all(repr(occupation) in message for occupation in schema.OCCUPATIONS)


def test_occupations_are_exactly_those_lesson_03_generalises():
    assert sorted(schema.OCCUPATIONS) == sorted(OCCUPATION_SECTORS)


CATEGORICAL = [
    (name, column)
    for name, (_, table_schema) in sorted(data.FILES.items())
    for column in table_schema
    if column.allowed is not None
]


@pytest.mark.parametrize(("name", "column"), CATEGORICAL, ids=lambda c: getattr(c, "name", c))
def test_every_categorical_column_refuses_an_unknown_value_listing_the_allowed(
    tmp_path, name, column
):
    filename, table_schema = data.FILES[name]
    table = pd.read_csv(data.DATA_DIR / filename)
    table.loc[2, column.name] = "robot"
    table.to_csv(tmp_path / filename, index=False)
    with pytest.raises(SchemaError) as error:
        data.load_csv(tmp_path / filename, table_schema)
    message = str(error.value)
    assert f"{filename}, column {column.name!r}: values not in" in message
    assert "on lines 4" in message and "'robot'" in message and "make data" in message
    assert all(repr(value) in message for value in column.allowed)


@pytest.mark.parametrize(("name", "column"), CATEGORICAL, ids=lambda c: getattr(c, "name", c))
def test_case_and_spaces_of_category_values_are_normalised(tmp_path, name, column):
    filename, table_schema = data.FILES[name]
    original = data.load_csv(data.DATA_DIR / filename, table_schema)
    table = pd.read_csv(data.DATA_DIR / filename)
    variants = (str.upper, str.title, lambda v: f"  {v} ", lambda v: " " + v.replace(" ", "  "))
    table[column.name] = [variants[i % 4](v) for i, v in enumerate(table[column.name])]
    assert (table[column.name] != original[column.name]).any()
    table.to_csv(tmp_path / filename, index=False)
    pd.testing.assert_frame_equal(data.load_csv(tmp_path / filename, table_schema), original)


def test_a_whole_population_saved_the_french_way_with_windows_line_ends_loads_equal(tmp_path):
    # As French Excel's "CSV (séparateur : point-virgule)": cp1252, ';', decimal commas, CRLF.
    original = data.load_population()
    french = original.replace({True: "VRAI", False: "FAUX"}).astype(
        {c: object for c in ("signed_up", "secret_relationship")}
    )
    text = french.to_csv(index=False, sep=";", decimal=",", lineterminator="\r\n")
    (tmp_path / "population.csv").write_bytes(text.encode("cp1252"))
    pd.testing.assert_frame_equal(data.load_population(tmp_path), original)


@pytest.mark.parametrize(
    "raw",
    [
        b"person_id,name\r\nT01,L\x81opold\r\n",  # 0x81: neither UTF-8 nor Windows-1252
        "person_id,name\nT01,Zoé\n".encode("utf-16-le"),  # UTF-16 without its byte-order mark
        codecs.BOM_UTF16_LE + b"p\x00\x00\xd8",  # a UTF-16 mark, then a broken surrogate
    ],
    ids=["not-cp1252", "utf16-no-bom", "bad-utf16"],
)
def test_text_in_no_encoding_a_spreadsheet_writes_is_refused(tmp_path, raw):
    (tmp_path / "people.csv").write_bytes(raw)
    with pytest.raises(SchemaError, match=r"^people\.csv: .*'CSV UTF-8'.*make data"):
        data.load_people(tmp_path)


def test_a_number_column_holding_text_names_the_value_and_row(tmp_path):
    table = pd.read_csv(data.DATA_DIR / "pairs.csv")
    table["wellbeing_after_1y"] = table["wellbeing_after_1y"].astype(object)
    table.loc[4, "wellbeing_after_1y"] = "yes"
    table.to_csv(tmp_path / "pairs.csv", index=False)
    with pytest.raises(SchemaError, match=r"expected int values, found 'yes' on lines 6"):
        data.load_pairs(tmp_path)


def test_names_typed_decomposed_or_with_spaces_load_equal(tmp_path):
    # A Mac may save "é" as "e" + combining accent (NFD); the lessons look names up.
    original = data.load_people()
    table = pd.read_csv(data.DATA_DIR / "people.csv")
    table["name"] = [unicodedata.normalize("NFD", name) + " " for name in table["name"]]
    assert "Le\u0301opold " in set(table["name"])
    table.to_csv(tmp_path / "people.csv", index=False)
    pd.testing.assert_frame_equal(data.load_people(tmp_path), original)


def test_rows_of_bare_separators_at_the_end_are_ignored(tmp_path):
    # Excel saves ",,,,"-only rows for cells that were once formatted.
    text = (data.DATA_DIR / "people.csv").read_text(encoding="utf-8")
    (tmp_path / "people.csv").write_text(text + ("," * 33 + "\n") * 3, encoding="utf-8")
    pd.testing.assert_frame_equal(data.load_people(tmp_path), data.load_people())
