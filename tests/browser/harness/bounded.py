"""Every wait on a page ends: a script's promise, or a condition, each with a timeout (issue 16).

Playwright's ``page.evaluate`` waits for the promise a script returns with no timeout at all.
A promise that never settles (a kernel that died at start never answers a restart or an
execute request; a page that draws no frame never calls ``requestAnimationFrame`` back) held
a two-worker run until CI's 90-minute limit. :func:`call` therefore starts such a script
without waiting on it, then waits for its result with ``page.wait_for_function``, whose
timeout playwright enforces outside the page (so it holds even when the page's own timers do
not run); :func:`until` waits for a condition. Both raise :class:`StepTimeout`, whose message
names the step and whatever ``context`` adds (``LabPage`` adds the notebook and the server
log's tail). ``tests/test_browser_waits.py`` fails when a promise is evaluated any other way.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

#: Distinguishes the calls in flight in one page (``window.__osmosisCalls``).
_IDS = itertools.count(1)

# The script is put between these two halves as text: a function cannot travel as an argument.
# ``Promise.resolve().then`` also turns a script that throws at once into a rejection.
_START_HEAD = """
([id, arg]) => {
  const calls = window.__osmosisCalls || (window.__osmosisCalls = new Map());
  const slot = {done: false};
  calls.set(id, slot);
  Promise.resolve().then(() => ("""
_START_TAIL = """)(arg)).then(
    value => { slot.value = value; slot.done = true; },
    error => { slot.error = String((error && error.stack) || error); slot.done = true; });
}
"""
# After a reload the map is gone: that call never finishes, and its wait times out.
_DONE = (
    "(id) => { const s = (window.__osmosisCalls || new Map()).get(id); return !!(s && s.done); }"
)
_TAKE = """
(id) => {
  const slot = window.__osmosisCalls.get(id);
  window.__osmosisCalls.delete(id);
  return slot.error === undefined ? {value: slot.value} : {error: slot.error};
}
"""


class StepTimeout(TimeoutError):
    """A step in the page did not finish within its timeout."""


class ScriptError(RuntimeError):
    """A script's promise was rejected in the page (what ``page.evaluate`` would raise)."""


def until(
    page,
    predicate: str,
    arg=None,
    *,
    timeout: float,
    step: str,
    context: Callable[[], str] = lambda: "",
    polling: float = 50,
):
    """Wait until ``predicate(arg)`` is truthy in ``page``, for at most ``timeout`` seconds.

    ``polling`` is in milliseconds, never "raf": a page that draws no frames polls no condition.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        return page.wait_for_function(predicate, arg=arg, timeout=timeout * 1000, polling=polling)
    except PlaywrightTimeout as error:
        raise StepTimeout(f"{step} did not finish within {timeout:g} s{context()}") from error


def call(
    page,
    script: str,
    arg=None,
    *,
    timeout: float,
    step: str,
    context: Callable[[], str] = lambda: "",
):
    """``page.evaluate(script, arg)`` for a script that returns a promise, bounded by ``timeout``
    seconds: its value, or :class:`StepTimeout` if the promise has not settled by then, or
    :class:`ScriptError` if it was rejected."""
    call_id = next(_IDS)
    page.evaluate(_START_HEAD + script.strip() + _START_TAIL, [call_id, arg])
    until(page, _DONE, call_id, timeout=timeout, step=step, context=context)
    result = page.evaluate(_TAKE, call_id)
    if "error" in result:
        raise ScriptError(f"{step} failed in the page: {result['error']}{context()}")
    return result.get("value")
