"""Every self-check: placeholder, each misconception it names, strict mode,
answers that claim to equal everything, and a right answer it cannot compute."""

import dataclasses
import importlib
import pkgutil
from unittest.mock import ANY

import numpy as np
import pytest

from osmosis_lab import check
from osmosis_lab.check import STRICT_ENV, CheckFailed, CheckUnavailable
from osmosis_lab.data import load as data_load

CHECKS = check.all_checks()
MISCONCEPTIONS = [(name, m) for name, c in sorted(CHECKS.items()) for m in c.misconceptions]


def test_every_lesson_has_checks():
    assert len(CHECKS) >= 2


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_placeholder_is_not_attempted(name, monkeypatch):
    monkeypatch.delenv(STRICT_ENV, raising=False)
    verdict = check.all_checks()[name](...)
    assert verdict.status == "not attempted"
    assert "replace `...`" in str(verdict)


@pytest.mark.parametrize(
    ("name", "misconception"), MISCONCEPTIONS, ids=[f"{n}-{m.name}" for n, m in MISCONCEPTIONS]
)
def test_each_named_misconception_gets_its_own_hint(name, misconception, monkeypatch):
    monkeypatch.delenv(STRICT_ENV, raising=False)
    verdict = CHECKS[name](misconception.example)
    # a form slip the question does not allow (83 for a share) is refused with its hint: no try
    allowed = CHECKS[name].allowed
    refused = allowed is not None and allowed.why_outside(misconception.example) is not None
    assert verdict.status == ("not attempted" if refused else "hint"), str(verdict)
    assert not refused or misconception.form_slip, f"a wrong method is a try: {verdict}"
    # a prediction's reply says what was predicted and the truth first, then this hint
    assert verdict.message.endswith(misconception.hint), str(verdict)


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_strange_answers_get_a_hint_never_an_exception(name, monkeypatch):
    monkeypatch.delenv(STRICT_ENV, raising=False)
    for odd in (None, object(), float("nan"), [], {}, "", -1, [[[[[[[[[[1]]]]]]]]]]):
        status = CHECKS[name](odd).status
        assert status in {"hint", "not attempted"}, f"{name}({odd!r}) said {status!r}"


def test_strict_mode_raises_on_a_wrong_answer(monkeypatch):
    monkeypatch.setenv(STRICT_ENV, "1")
    with pytest.raises(CheckFailed, match="count_the_testers"):
        check.count_the_testers(12)
    assert check.count_the_testers(9).status == "correct"


def test_unknown_check_names_the_known_ones():
    with pytest.raises(AttributeError, match="count_the_testers"):
        check.no_such_check  # noqa: B018


def test_verdict_html_says_it_in_words_and_announces_itself():
    html = check.youngest_tester("Claire")._repr_html_()
    assert 'role="status"' in html and "Not yet:" in html


class AlwaysEqualFloat(float):
    """A float that says yes to every comparison (what a pass-everything answer looks like)."""

    def __eq__(self, other):
        return True

    __ne__ = lambda self, other: False  # noqa: E731
    __lt__ = __le__ = __gt__ = __ge__ = __eq__
    __hash__ = float.__hash__

    def __abs__(self):
        return self

    __sub__ = __rsub__ = __truediv__ = __rtruediv__ = __mul__ = __rmul__ = lambda self, o: self


class AlwaysEqualStr(str):
    def __eq__(self, other):
        return True

    __ne__ = lambda self, other: False  # noqa: E731
    __contains__ = __eq__
    __hash__ = str.__hash__

    def strip(self, *args):
        return self

    casefold = lower = strip


class AlwaysEqualInt(int):
    def __eq__(self, other):
        return True

    __ne__ = lambda self, other: False  # noqa: E731
    __lt__ = __le__ = __gt__ = __ge__ = __eq__
    __hash__ = int.__hash__


class AlwaysEqualNumpyFloat(np.float64):
    def __eq__(self, other):
        return True

    __hash__ = np.float64.__hash__


# Values no exercise accepts, so their own value never makes them right.
MAGIC_ANSWERS = {
    "mock.ANY": ANY,
    "float subclass": AlwaysEqualFloat(-1234.5),
    "str subclass": AlwaysEqualStr("zzz-nobody"),
    "int subclass": AlwaysEqualInt(-98765),
    "numpy float subclass": AlwaysEqualNumpyFloat(-1234.5),
    "ANY in a tuple": ("beta", ANY),
    "subclass in a set": {AlwaysEqualStr("a"), AlwaysEqualStr("d")},
    "ANY in a dict": {"Ada": ANY, "Ben": ANY, "Cyd": ANY, "Dev": ANY},
    "subclass in a list": [AlwaysEqualStr("zzz"), AlwaysEqualStr("zzz")],
}


@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
@pytest.mark.parametrize("name", sorted(CHECKS))
def test_an_answer_that_equals_everything_is_never_correct(name, strict, monkeypatch):
    if strict:
        monkeypatch.setenv(STRICT_ENV, "1")
    else:
        monkeypatch.delenv(STRICT_ENV, raising=False)
    for label, magic in MAGIC_ANSWERS.items():
        if strict:
            with pytest.raises(CheckFailed):
                CHECKS[name](magic)
        else:
            assert CHECKS[name](magic).status != "correct", f"{name} accepted {label}"


def test_plain_values_of_subclasses_are_still_judged_by_their_value(monkeypatch):
    monkeypatch.delenv(STRICT_ENV, raising=False)
    assert check.count_the_testers(np.int64(9)).status == "correct"
    assert check.youngest_tester(np.str_("Niels Larson")).status == "correct"
    assert check.ece_by_hand(np.float64(0.2)).status == "correct"
    assert check.what_erasure_undoes(["a"]).status == "correct"
    assert check.count_the_testers(ANY).status == "not attempted"
    assert "cannot read" in check.count_the_testers(ANY).message


def _forget_cached_answers():
    """Clear the checks' cached right answers, so the next call reads the data again."""
    for info in pkgutil.iter_modules(check.__path__):
        module = importlib.import_module(f"osmosis_lab.check.{info.name}")
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()


@pytest.fixture
def data_missing(tmp_path, monkeypatch):
    """The data folder is empty, as after a learner moved or deleted the CSVs."""
    monkeypatch.delenv(STRICT_ENV, raising=False)
    monkeypatch.setattr(data_load, "DATA_DIR", tmp_path)
    _forget_cached_answers()
    yield
    monkeypatch.undo()
    _forget_cached_answers()


def _answers_to_try(one_check):
    return [m.example for m in one_check.misconceptions] + [0, 9, 0.5, "Niels", ("beta", "C")]


def test_missing_data_is_could_not_check_never_not_yet(data_missing):
    unavailable = []
    for name, one_check in sorted(CHECKS.items()):
        if one_check.reference is None:
            continue
        try:
            one_check.reference()
        except Exception:  # noqa: BLE001 - this check reads the data
            unavailable.append(name)
            for answer in _answers_to_try(one_check):
                verdict = one_check(answer)
                assert verdict.status == "could not check", f"{name}({answer!r}): {verdict}"
                assert "SchemaError" in verdict.message and "make data" in verdict.message
                assert str(verdict).startswith("Could not check:")
    # Every lesson whose checks read the data is covered, not a vacuous empty list.
    assert len(unavailable) >= 12, unavailable
    assert {"count_the_testers", "review_non_users_used", "lucas_wellbeing_match"} <= set(
        unavailable
    )


def test_missing_data_raises_in_strict_mode_naming_the_cause(data_missing, monkeypatch):
    monkeypatch.setenv(STRICT_ENV, "1")
    with pytest.raises(CheckUnavailable, match="could not work out") as raised:
        check.count_the_testers(9)
    assert type(raised.value.__cause__).__name__ == "SchemaError"


def test_edited_data_that_breaks_the_reference_is_could_not_check(monkeypatch):
    """A column renamed in people.csv: a KeyError inside the reference computation."""
    monkeypatch.delenv(STRICT_ENV, raising=False)
    lesson00 = importlib.import_module("osmosis_lab.check.lesson00")
    edited = lesson00.load_people().rename(columns={"source": "origin"})
    monkeypatch.setattr(lesson00, "load_people", lambda: edited)
    verdict = check.count_the_testers(9)  # the right answer with intact data
    assert verdict.status == "could not check"
    assert "KeyError" in verdict.message and "'source'" in verdict.message
    assert check.count_the_testers(12).status == "could not check"


@pytest.mark.parametrize("name", sorted(n for n, c in CHECKS.items() if c.reference))
def test_any_failing_reference_is_reported_not_graded(name, monkeypatch):
    monkeypatch.delenv(STRICT_ENV, raising=False)

    def broken():
        raise FileNotFoundError("people.csv")

    broken_check = dataclasses.replace(CHECKS[name], reference=broken)
    for answer in _answers_to_try(broken_check):
        assert broken_check(answer).status == "could not check"
    assert broken_check(...).status == "not attempted"


def test_checks_keep_no_state_between_calls(monkeypatch):
    """A verdict depends only on the answer given, never on an earlier call."""
    monkeypatch.delenv(STRICT_ENV, raising=False)
    assert check.youngest_tester("Niels Larson").status == "correct"
    assert check.youngest_tester("Claire").status == "hint"
    assert check.youngest_tester(...).status == "not attempted"
    mutable = [  # the checks (core) and the verdicts they give (verdict)
        name
        for module in ("osmosis_lab.check.core", "osmosis_lab.check.verdict")
        for name, value in vars(importlib.import_module(module)).items()
        if isinstance(value, list | set | dict) and not name.startswith("__")
    ]
    assert mutable == ["_LABELS", "_COLOURS"], mutable  # constant lookup tables only
