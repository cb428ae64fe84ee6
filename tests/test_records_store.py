"""The record store: one file per learner, named safely, loaded only by its learner's name."""

import json
import re
import threading
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from osmosis_lab import errors
from osmosis_lab.records import (
    VERSION,
    RecordStore,
    learner_key,
    normalise_name,
    repair_surrogates,
)
from osmosis_lab.records.store import PREFIX

KEY = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*-[0-9a-f]{8}$|^learner-[0-9a-f]{8}$")


@pytest.fixture
def store(tmp_path):
    return RecordStore(tmp_path)


@given(st.text(min_size=1, max_size=80))
def test_every_name_becomes_a_plain_file_name_part(name):
    try:
        key = learner_key(name)
    except errors.RecordError:
        normal = " ".join(unicodedata.normalize("NFKC", repair_surrogates(name)).split())
        assert not normal or len(normal.casefold()) > 80  # refused only when blank or too long
        return
    assert KEY.match(key), key
    assert "/" not in key and "\\" not in key and ".." not in key and len(key) <= 49


@given(st.text(min_size=1, max_size=30), st.text(min_size=1, max_size=30))
def test_different_learners_get_different_files(first, second):
    try:
        a, b = normalise_name(first), normalise_name(second)
    except errors.RecordError:
        return
    assert (learner_key(first) == learner_key(second)) == (a == b)


@pytest.mark.parametrize(
    ("name", "same_as"),
    [(" zoé  LEMOINE ", "Zoé Lemoine"), ("Ｚｏé", "zoé"), ("Zoe\u0301", "Zoé")],
)
def test_one_learner_typing_differently_gets_one_file(name, same_as):
    assert learner_key(name) == learner_key(same_as)


@pytest.mark.parametrize("name", ["../../etc/passwd", "a/b", "C:\\Users\\x", "..", "\x00", "名前"])
def test_hostile_names_stay_inside_the_folder(store, tmp_path, name):
    path = store.save(name, "05", {"review": "mine"})
    assert path.parent == tmp_path and path.name.startswith(PREFIX)
    assert store.load(name) == {"05": {"review": "mine"}}


@pytest.mark.parametrize("name", ["", "   ", "x" * 81])
def test_a_missing_or_overlong_name_is_refused(store, name):
    with pytest.raises(errors.RecordError, match="name|characters"):
        store.save(name, "05", {"review": "text"})


def test_two_learners_on_one_laptop_each_load_only_their_own(store, tmp_path):
    store.save("Zoé", "05_design_review", {"review": "Zoé's review"})
    store.save("Niels", "05_design_review", {"review": "Niels's review"})
    assert len(list(tmp_path.glob(f"{PREFIX}*.json"))) == 2
    assert store.load("zoé")["05_design_review"]["review"] == "Zoé's review"
    assert store.load("Niels")["05_design_review"]["review"] == "Niels's review"
    assert store.load("Karim") == {}
    assert "Zoé" not in store.path("Niels").read_text(encoding="utf-8")


def test_a_restart_finds_the_fields_again(tmp_path):
    RecordStore(tmp_path).save("Zoé", "02", {"answer": "Karim", "reflection": "Consent is…"})
    RecordStore(tmp_path).save("Zoé", "05", {"review": "Delay."})
    assert RecordStore(tmp_path).load("Zoé") == {
        "02": {"answer": "Karim", "reflection": "Consent is…"},
        "05": {"review": "Delay."},
    }


def test_the_file_is_versioned_readable_json(store):
    path = store.save("Zoé", "05", {"review": "é"})
    record = json.loads(path.read_text(encoding="utf-8"))
    assert record["format"] == "osmosis-lab-record" and record["version"] == VERSION
    assert record["learner"] == "Zoé" and record["sections"]["05"]["fields"] == {"review": "é"}
    assert "saved_at" in record["sections"]["05"]


def test_empty_fields_never_replace_saved_text(store):
    path = store.save("Zoé", "05", {"review": "Delay.", "notes": ["a"]})
    before = path.read_bytes()
    with pytest.raises(errors.EmptyRecordRefused, match="Clear button"):
        store.save("Zoé", "05", {"review": " ", "notes": [""]})
    assert path.read_bytes() == before
    store.save("Zoé", "05", {"review": ""}, allow_empty=True)
    assert store.load("Zoé")["05"] == {"review": ""}


def test_half_an_emoji_in_a_field_is_repaired_not_lost(store):
    store.save("Zoé\ud83d", "05", {"review": "Delay \ud83d the \ud83d\ude00 launch"})
    assert store.load("Zoé\ufffd")["05"]["review"] == "Delay \ufffd the 😀 launch"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not a readable record"),
        ('{"format": "something else"}', "not an Osmosis Lab record"),
        ('{"format": "osmosis-lab-record", "version": 99, "sections": {}}', "version 99"),
    ],
)
def test_an_unreadable_record_is_reported_and_never_overwritten(store, content, message):
    store.path("Zoé").write_text(content, encoding="utf-8")
    with pytest.raises(errors.RecordError, match=message):
        store.load("Zoé")
    with pytest.raises(errors.RecordError, match=message):
        store.save("Zoé", "05", {"review": "new"})
    assert store.path("Zoé").read_text(encoding="utf-8") == content


def test_a_symlinked_record_is_refused(store, tmp_path):
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text("{}", encoding="utf-8")
    store.path("Zoé").symlink_to(elsewhere)
    with pytest.raises(errors.UnsafeRecordPath):
        store.load("Zoé")
    with pytest.raises(errors.UnsafeRecordPath):
        store.save("Zoé", "05", {"review": "new"})
    assert elsewhere.read_text(encoding="utf-8") == "{}"


def test_two_writers_racing_on_one_learner_leave_one_whole_record(tmp_path):
    texts = [f"review {n} " + "é" * 50_000 for n in range(6)]

    def save(text):
        for _ in range(5):
            RecordStore(tmp_path).save("Zoé", "05", {"review": text})

    threads = [threading.Thread(target=save, args=(text,)) for text in texts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert RecordStore(tmp_path).load("Zoé")["05"]["review"] in texts  # last whole write wins
    assert [p.name for p in tmp_path.iterdir()] == [RecordStore(tmp_path).path("Zoé").name]
