"""The loaders read a file once, and never give back a stale or shared table (issue 16).

A check reads the data each time a learner presses Check, an explorer when it is built, and a
``make test`` did so about 4,000 times, parsing and validating the same bytes each time. The
loaders now keep what they read, keyed by the file's content: these tests hold them to reading
a file once, and to never letting that make them wrong (an edit in the same clock tick, a
table changed by its caller, a file refused).
"""

import os

import pytest

from osmosis_lab import data
from osmosis_lab.data import load as data_load
from osmosis_lab.errors import SchemaError


@pytest.fixture
def people_file(tmp_path):
    path = tmp_path / "people.csv"
    path.write_bytes((data.DATA_DIR / "people.csv").read_bytes())
    return path


@pytest.fixture
def reads(monkeypatch):
    """How many times the loaders parse a file (``csvfile.read_table``)."""
    calls = []
    read = data_load.read_table

    def counting(path, columns, **kwargs):
        calls.append(path)
        return read(path, columns, **kwargs)

    monkeypatch.setattr(data_load, "read_table", counting)
    return calls


def test_the_same_file_is_parsed_once(people_file, reads):
    first = data.load_people(people_file.parent)
    again = data.load_people(people_file.parent)
    assert len(reads) == 1, f"parsed {len(reads)} times"
    assert again.equals(first)


def test_an_edit_in_the_same_clock_tick_is_read(people_file, reads):
    """Two saves within one tick of the file clock leave the same size and modified time:
    only the content tells them apart."""
    before = people_file.stat()
    assert data.load_people(people_file.parent).loc[0, "age"] == 17
    edited = people_file.read_text(encoding="utf-8").replace(",True,17,", ",True,18,", 1)
    people_file.write_text(edited, encoding="utf-8")
    os.utime(people_file, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (people_file.stat().st_size, people_file.stat().st_mtime_ns) == (
        before.st_size,
        before.st_mtime_ns,
    )
    assert data.load_people(people_file.parent).loc[0, "age"] == 18
    assert len(reads) == 2


def test_a_table_changed_by_its_caller_is_not_what_the_next_caller_gets(people_file):
    table = data.load_people(people_file.parent)
    table.loc[0, "name"] = "Someone Else"
    table["age"] = 0
    again = data.load_people(people_file.parent)
    assert again.loc[0, "name"] != "Someone Else"
    assert (again["age"] > 0).all()


def test_what_is_kept_under_some_bytes_is_what_they_hold(people_file, monkeypatch):
    """A file saved again between the loader's hash and its parse: the table is the one hashed."""
    read = data_load.read_table

    def saved_meanwhile(path, columns, **kwargs):
        edited = path.read_text(encoding="utf-8").replace(",True,17,", ",True,18,", 1)
        path.write_text(edited, encoding="utf-8")
        return read(path, columns, **kwargs)

    monkeypatch.setattr(data_load, "read_table", saved_meanwhile)
    assert data.load_people(people_file.parent).loc[0, "age"] == 17


def test_a_refused_file_is_refused_every_time(people_file, reads):
    people_file.write_text("person_id,name\nT01,Ana\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(SchemaError, match="people.csv"):
            data.load_people(people_file.parent)
    assert len(reads) == 2
