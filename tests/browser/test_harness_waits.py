"""The harness never waits forever (issue 16): a promise that never settles fails its step.

A JupyterLab stand-in page whose kernel never answers (a restart, an execute request), whose
commands never finish and which draws no frames: each harness step that waits on the page
must fail within its timeout with a message naming the notebook, the step and the server
log's tail, instead of holding the run until CI's limit. (``tests/test_browser_waits.py``
checks that no test evaluates a promise outside ``LabPage.call``.)
"""

from __future__ import annotations

import signal

import pytest

from .harness import LabPage, LabServer, scripts

#: A page with just enough of ``window.jupyterapp`` for the harness, every promise pending.
STAND_IN = """
<title>stand-in</title>
<script>
  const never = () => new Promise(() => {});
  const kernel = {status: 'idle', connectionStatus: 'connected', restart: never,
                  requestExecute: () => ({done: never()})};
  window.jupyterapp = {
    shell: {currentWidget: {context: {path: 'stand-in.ipynb'}, sessionContext: {session: {kernel}},
                            content: {isAttached: true, widgets: []}}},
    commands: {execute: never},
    serviceManager: {sessions: {shutdownAll: never}},
  };
  window.axe = {run: never};
  window.requestAnimationFrame = () => 0;  // a page that draws no frames
</script>
"""

#: Seconds, for every step below. Each step here waits on a promise that never settles, so it
#: always runs to its timeout: the test proves the wait ends and says why, and half a second
#: proves it as well as two did (the length is not under test; the step's own starting
#: ``evaluate`` is outside the timeout, so a loaded machine cannot make a step fail early).
TIMEOUT = 0.5
#: The whole test fails, rather than hangs, if a step is not bounded after all. Far above the
#: steps' own timeout: a backstop against a hang, not a measure of speed.
BACKSTOP = 60

LOG_LINE = "[I 00:00:00 ServerApp] the stand-in server's last words"

STEPS = {
    "run_hidden": (lambda lab: lab.run_hidden("1"), "hidden code '1'"),
    "restart": (lambda lab: lab.restart_and_run_all(), "restarting the kernel"),
    "keys": (lambda lab: lab.wait_for_keys(lab.comm_sent(), timeout=TIMEOUT), "two frames"),
    "settle": (lambda lab: lab.settle(timeout=TIMEOUT), "one frame"),
    "axe": (lambda lab: lab.axe_audit(), "the accessibility audit"),
    "call": (lambda lab: lab.call(scripts.SHUT_DOWN_KERNELS, step="a step"), "a step"),
}


class Hung(Exception):
    pass


@pytest.fixture
def stand_in(chromium, tmp_path):
    server = LabServer(tmp_path, tmp_path / "home")  # never started: only its log is read
    server.log_path.parent.mkdir(parents=True)
    server.log_path.write_text(LOG_LINE + "\n", encoding="utf-8")
    context = chromium.new_context()
    page = context.new_page()
    page.set_content(STAND_IN)
    page.evaluate(scripts.PANEL_HELPER)  # installed before JupyterLab loads, in a real tab
    lab = LabPage(page, server, tmp_path / "shots", path="stand-in.ipynb")
    lab.step_timeout = TIMEOUT

    def hung(*_):
        raise Hung(f"a harness step waited past its timeout ({TIMEOUT} s) for {BACKSTOP} s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(BACKSTOP)
    try:
        yield lab
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
        context.close()


@pytest.mark.parametrize("name", sorted(STEPS))
def test_a_promise_that_never_settles_fails_its_step(stand_in, name):
    action, step = STEPS[name]
    with pytest.raises(TimeoutError) as failure:
        action(stand_in)
    message = str(failure.value)
    assert f"stand-in.ipynb: {step}" in message, message
    assert f"did not finish within {TIMEOUT} s" in message, message
    assert LOG_LINE in message, "the failure does not show the server log's tail"


def test_closing_a_tab_whose_kernels_never_shut_down_ends(stand_in):
    stand_in.close()  # its own failure is swallowed: the page may already be gone
    assert stand_in.page.is_closed()


#: A notebook whose chart is still being drawn and whose last widget change is still on its
#: way, as a loaded machine leaves them after the kernel went quiet: the chart is drawn after
#: 300 ms, and the change answered after 500.
DRAWN_LATE = """
<title>drawn late</title>
<div class="jp-NotebookPanel"><div class="jp-RenderedVegaCommon5" id="chart"></div></div>
<script>
  window.__osmosis = {pending: new Set(['a widget change']), lastMessage: 0};
  setTimeout(() => { document.getElementById('chart').innerHTML = '<svg class="marks"></svg>'; }, 300);
  setTimeout(() => { window.__osmosis.pending.clear(); window.__osmosis.answered = true; }, 500);
</script>
"""


def test_settle_waits_for_the_charts_and_the_widget_changes_not_only_for_quiet(chromium, tmp_path):
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.set_content(DRAWN_LATE)
        lab = LabPage(page, LabServer(tmp_path, tmp_path / "home"), tmp_path, path="late.ipynb")
        lab.settle(quiet_ms=50)
        drawn, answered = page.evaluate(
            "() => [!!document.querySelector('#chart svg.marks'), !!window.__osmosis.answered]"
        )
        assert drawn, "settle returned before the chart was drawn"
        assert answered, "settle returned with a widget change still on its way"
    finally:
        context.close()
