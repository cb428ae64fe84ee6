"""Every self-check: placeholder, each misconception it names, strict mode."""

import pytest

from osmosis_lab import check
from osmosis_lab.check import STRICT_ENV, CheckFailed

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
    assert verdict.status == "hint"
    assert verdict.message == misconception.hint


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_strange_answers_get_a_hint_never_an_exception(name, monkeypatch):
    monkeypatch.delenv(STRICT_ENV, raising=False)
    for odd in (None, object(), float("nan"), [], {}, "", -1):
        assert CHECKS[name](odd).status in {"hint", "correct"}


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
