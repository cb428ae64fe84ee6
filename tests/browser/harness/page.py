"""One Chromium tab on one notebook: open it, Run All, and check what the learner sees."""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

from . import bounded, scripts
from .control import Control, plain
from .env import axe_script_path
from .server import LabServer

#: Impacts that fail an accessibility audit (axe-core's scale: minor, moderate, serious, critical).
FAILING_IMPACTS = ("critical", "serious")

#: Text that means an output did not render for the learner.
BROKEN_OUTPUT_MARKERS = (
    "Error loading script",
    "Javascript Error",
    "Error displaying widget",
    "Failed to display",
    "model not found",
)

#: Accessible roles tried, in order, when looking a control up by name.
CONTROL_ROLES = ("combobox", "listbox", "checkbox", "radio", "switch", "button", "textbox",
                 "spinbutton", "slider", "tab", "radiogroup")  # fmt: skip


@dataclass
class AxeReport:
    """What axe-core found in the output areas: every violation, and those that fail."""

    violations: list[dict]
    passes: int
    scope: str

    @property
    def failing(self) -> list[dict]:
        return [v for v in self.violations if v["impact"] in FAILING_IMPACTS]

    def counts(self) -> dict[str, int]:
        """Violating nodes per impact."""
        counts = dict.fromkeys(("critical", "serious", "moderate", "minor"), 0)
        for violation in self.violations:
            counts[violation["impact"] or "minor"] += len(violation["nodes"])
        return counts

    def describe(self, violations: list[dict] | None = None) -> str:
        lines = []
        for v in self.violations if violations is None else violations:
            lines.append(f"{v['id']} ({v['impact']}, {len(v['nodes'])} nodes): {v['help']}")
            lines += [f"    {node}" for node in v["nodes"][:5]]
        return "\n".join(lines) or "no violations"


@dataclass
class LabPage:
    """A Chromium tab on the test server: open one notebook, run it, and drive it."""

    page: object  # playwright.sync_api.Page
    server: LabServer
    shots_dir: Path
    path: str = ""
    offsite_requests: list[str] = field(default_factory=list)
    #: The longest a step whose script returns a promise may take (a kernel restart, hidden
    #: code, an audit) before it fails, in seconds: playwright would wait forever (``bounded``).
    step_timeout: float = 120
    #: The kernel restarts the page had counted when Run All last ended (None: not since the
    #: notebook was opened): :meth:`has_run_all`.
    _ran_all_at: int | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.page.add_init_script(scripts.PANEL_HELPER)
        self.page.on("request", self._note_request)

    def _note_request(self, request) -> None:
        if request.url.startswith(("data:", "blob:")):
            return
        if urlsplit(request.url).netloc != urlsplit(self.server.base_url).netloc:
            self.offsite_requests.append(request.url)

    # -- bounded waits (harness.bounded): each failure names the notebook, the step, the log ---

    def _server_log(self) -> str:
        return f"\nserver log:\n{self.server.log_tail()}"

    def call(self, script: str, arg=None, *, step: str, timeout: float | None = None):
        """Evaluate ``script``, which returns a promise, for at most ``timeout`` seconds
        (``step_timeout`` by default); ``step`` says what it does, for the failure message."""
        return bounded.call(
            self.page,
            script,
            arg,
            timeout=self.step_timeout if timeout is None else timeout,
            step=f"{self.path or 'the lab'}: {step}",
            context=self._server_log,
        )

    def wait_until(
        self, predicate: str, arg=None, *, step: str, timeout: float, polling: float = 50
    ) -> None:
        """Wait until ``predicate(arg)`` holds in the page, for at most ``timeout`` seconds."""
        bounded.until(
            self.page,
            predicate,
            arg,
            timeout=timeout,
            step=f"{self.path or 'the lab'}: {step}",
            context=self._server_log,
            polling=polling,
        )

    # -- opening and running -------------------------------------------------------------------

    def open(self, notebook: str, *, timeout: float = 90) -> LabPage:
        """Open ``notebook`` (a path relative to the served root) alone, with a fresh kernel.

        A new tab loads JupyterLab with its default layout. In a tab whose JupyterLab is loaded,
        the notebook it shows is closed unsaved, its kernels shut down and what the page
        recorded of it forgotten, and ``notebook`` opened in the same JupyterLab, its layout as
        it was (``scripts.SWITCH_NOTEBOOK``; no test changes the layout).
        """
        path = Path(notebook).as_posix()
        if not (self.server.root / path).is_file():
            raise FileNotFoundError(f"{path} is not in {self.server.root}")
        if self.path and self.page.evaluate("() => !!window.jupyterapp"):
            self.page.evaluate(scripts.FORGET_THE_NOTEBOOK)
            self.offsite_requests.clear()
            self.call(scripts.SWITCH_NOTEBOOK, path, step=f"switching to {path}", timeout=timeout)
        else:
            self.page.goto(self.server.url(f"lab/tree/{quote(path)}?reset"))
        self.path, self._ran_all_at = path, None
        self.wait_kernel_ready(timeout=timeout)
        return self

    def wait_kernel_ready(self, *, timeout: float = 90) -> None:
        """Wait until the notebook's kernel is connected AND idle (see scripts.KERNEL_READY).

        A kernel-picker dialog (a notebook without kernelspec) is accepted with its default.
        """
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.page.evaluate(scripts.KERNEL_READY, self.path):
                self.page.evaluate(scripts.TRACK_IOPUB, self.path)
                return
            dialog = self.page.locator(".jp-Dialog .jp-mod-accept")
            if dialog.count():
                dialog.first.click()
            self.page.wait_for_timeout(200)
        raise TimeoutError(
            f"the kernel of {self.path} was not connected and idle after {timeout} s\n"
            f"server log:\n{self.server.log_tail()}"
        )

    def run_all(self, *, timeout: float = 120) -> LabPage:
        """Run All, then wait until every cell has run (or one failed) and outputs settled."""
        # the command's promise settles once every cell's reply is back (JupyterLab's
        # NotebookActions.runAll): no fixed 300 ms, then polling every 200 ms, as before (issue 16)
        self.call(scripts.RUN_ALL, step="Run All", timeout=timeout)
        self.wait_until(
            scripts.ALL_EXECUTED, self.path, step="Run All", timeout=timeout, polling=50
        )
        self.settle()
        self._ran_all_at = self._restarts()
        return self

    def has_run_all(self) -> bool:
        """Whether the notebook's kernel is the one that ran it all: Run All ended, and the
        kernel has not been restarted since (from the menu or by a test alike)."""
        return self._ran_all_at is not None and self._restarts() == self._ran_all_at

    def _restarts(self) -> int:
        return self.page.evaluate("() => window.__osmosis ? window.__osmosis.restarts : -1")

    def run_cells(self, indices: list[int], *, timeout: float = 120) -> LabPage:
        """Run the cells at ``indices`` in turn (as Shift+Enter does), then wait until the
        kernel is idle and its replies are drawn."""
        self.call(scripts.RUN_CELLS, [self.path, indices], step=f"running cells {indices}")
        self.wait_until(
            "(p) => { const k = window.__osmosisPanel(p).sessionContext.session.kernel;"
            " return k.status === 'idle'; }",
            self.path,
            step=f"the kernel to be idle after cells {indices}",
            timeout=timeout,
        )
        self.settle()
        return self

    def run_again(self, *texts: str) -> LabPage:
        """Run again, in notebook order, the first code cell holding each of ``texts``: what
        they build (an explorer, say) is new, the rest of the kernel as it was."""
        indices = self.page.evaluate(scripts.CELLS_HOLDING, [self.path, list(texts)])
        missing = [text for text, index in zip(texts, indices, strict=True) if index is None]
        if missing:
            raise LookupError(f"{self.path}: no code cell holds {missing}")
        return self.run_cells(sorted(set(indices)))

    def restart_kernel(self) -> LabPage:
        """Restart the kernel (no dialog) and wait until it is connected and idle."""
        self.call(scripts.RESTART_KERNEL, self.path, step="restarting the kernel")
        self.wait_kernel_ready()
        return self

    def restart_and_run_all(self, *, timeout: float = 120) -> LabPage:
        """Restart the kernel (no dialog), then Run All."""
        return self.restart_kernel().run_all(timeout=timeout)

    def run_hidden(self, code: str) -> None:
        """Run ``code`` in this notebook's kernel as no cell does: no output, no history. For
        tests that make the machine behave as a loaded one would (a slow disk, say)."""
        status = self.call(scripts.RUN_HIDDEN, [self.path, code], step=f"hidden code {code!r}")
        assert status == "ok", f"{self.path}: hidden code failed in the kernel: {code!r}"

    def comm_sent(self) -> int:
        """How many comm messages (widget changes) this page has sent its kernels so far."""
        return self.page.evaluate("() => (window.__osmosis || {commSent: 0}).commSent")

    def wait_for_keys(self, sent_before: int, timeout: float = 10) -> None:
        """After pressing keys: wait until the kernel has handled every widget change they sent.

        ``sent_before`` is :meth:`comm_sent` from before the keys. Keys that sent nothing (Tab,
        a slider already at its end) return after two frames; the others once each message's
        "idle" has come back, the kernel has been quiet a moment and its charts are drawn
        (:meth:`settle`): what the keys changed is then on the page.
        """
        self.call(scripts.TWO_FRAMES, step="two frames after the keys", timeout=timeout)
        if self.comm_sent() == sent_before:
            return
        self.wait_until(
            "() => window.__osmosis.pending.size === 0",
            step="the kernel to handle every widget change the keys sent",
            timeout=timeout,
            polling=20,
        )
        self.settle(quiet_ms=150, timeout=timeout)

    def settle(self, quiet_ms: int = 250, timeout: float = 10) -> None:
        """Wait until no widget change is on its way, the kernel has said nothing for
        ``quiet_ms`` and every chart of the notebook is drawn (``scripts.SETTLED``), then for one
        frame."""
        self.wait_until(
            scripts.SETTLED,
            quiet_ms,
            step=f"the kernel to be quiet for {quiet_ms} ms and every chart drawn",
            timeout=timeout,
            polling=20,
        )
        self.call(scripts.ONE_FRAME, step="one frame after the kernel went quiet", timeout=timeout)

    # -- what the learner sees -----------------------------------------------------------------

    @property
    def notebook(self):
        """The visible notebook's DOM (a playwright Locator)."""
        return self.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook").first

    def problems(self) -> list[str]:
        """Errors, stderr and unrun cells, widget-callback errors, broken outputs, requests
        that left this machine: everything a learner should never see."""
        found = [
            f"cell {p['cell']} ({p['head']!r}): {p['kind']} {p['text']}".rstrip()
            for p in self.page.evaluate(scripts.CELL_PROBLEMS, self.path)
            if not p["expected"]
        ]
        tracked = self.page.evaluate("() => window.__osmosis || {errors: [], stderr: []}")
        found += [f"widget callback error: {e}" for e in tracked["errors"]]
        # "No such comm" is the kernel dropping a message from a view of a widget it has let go
        # (a view left from before a restart, or one whose widget a re-render replaced): logged
        # against the view's message, in no cell, harmless by design. Everything else counts.
        found += [
            f"widget callback stderr: {e}"
            for e in tracked["stderr"]
            if not e.startswith("No such comm")
        ]
        root = self.notebook.element_handle()
        found += self.page.evaluate(scripts.BROKEN_OUTPUTS, [root, list(BROKEN_OUTPUT_MARKERS)])
        found += [f"request to a non-local address: {url}" for url in self.offsite_requests]
        return found

    def assert_no_errors(self) -> None:
        problems = self.problems()
        if problems:
            shot = self.screenshot("errors")
            raise AssertionError(
                f"{self.path}: {len(problems)} problem(s) a learner would see "
                f"(screenshot: {shot}):\n" + "\n".join(problems)
            )

    def charts(self, *, timeout: float = 15) -> list[dict]:
        """Every Vega-Lite output (also inside widgets), once all are drawn or after ``timeout``."""
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        root = self.notebook.element_handle()
        with contextlib.suppress(PlaywrightTimeout):  # the blank ones are reported by the caller
            self.page.wait_for_function(scripts.CHARTS_DRAWN, arg=root, timeout=timeout * 1000)
        return self.page.evaluate(scripts.CHARTS, root)

    def assert_charts_drawn(self, *, min_count: int = 1) -> int:
        """Every chart has drawn marks and an accessible name; return how many there are."""
        charts = self.charts()
        assert len(charts) >= min_count, (
            f"{self.path}: expected at least {min_count} chart(s), found {len(charts)}"
        )
        blank = [c for c in charts if not c["drawn"]]
        assert not blank, f"{self.path}: {len(blank)} chart(s) not drawn: {blank}"
        unnamed = [c for c in charts if not c["label"].strip()]
        assert not unnamed, f"{self.path}: {len(unnamed)} chart(s) without a description"
        return len(charts)

    def control(self, name: str, *, index: int = 0) -> Control:
        """The control a learner knows as ``name``, found by its accessible name in the outputs.

        A row of choice buttons (``controls.ToggleButtons``) is a radio group named by its
        description. Falls back to the visible ipywidgets description for a ToggleButtons group (role
        "togglebuttons"; its buttons are named by their options) and for sliders, whose handle
        has no accessible name (the accessibility audit reports that separately).
        """
        outputs = self.notebook.locator(".jp-OutputArea-output")
        for role in CONTROL_ROLES:
            found = outputs.get_by_role(role, name=name, exact=True)
            if found.count() > index:
                return Control(self, found.nth(index), role)
        label = self.page.locator(".widget-label", has_text=name)
        groups = outputs.locator(".widget-toggle-buttons").filter(has=label)
        if groups.count() > index:
            return Control(self, groups.nth(index), "togglebuttons", name=name)
        sliders = outputs.locator(".widget-slider").filter(has=label)
        if sliders.count() > index:
            handle = sliders.nth(index).locator(".noUi-handle").first
            return Control(self, handle, "slider", name=name)
        raise LookupError(f"{self.path}: no control named {name!r} in the outputs")

    def controls(self) -> list[Control]:
        """Every operable element in the outputs (sliders, drop-downs, boxes, buttons) in page
        order, each with its role, its name as a learner reads it, and its cell output."""
        found = self.page.evaluate(scripts.CONTROLS, self.notebook.element_handle())
        return [
            Control(
                self,
                self.page.locator(f'[data-osmosis-control="{c["id"]}"]'),
                c["role"],
                name=c["name"],
                toggle=c["toggle"],
                output=c["output"],
            )
            for c in found
        ]

    def exercise_every_control(self) -> list[dict]:
        """Operate every control once from the keyboard (:meth:`Control.operate`), in page
        order; report each one's name, role, keys, and whether its explorer's readout changed."""
        results = []
        for control in self.controls():
            if not control.locator.is_visible() or control.locator.is_disabled():
                continue  # hidden or disabled now (a confirm step not asked yet, a name box fixed
                # by the sign-in): no keyboard reaches it, by design
            before = control.readout()
            keys = control.operate()
            results.append(
                {
                    "name": control.name,
                    "role": control.role,
                    "keys": keys,
                    "output": control.output,
                    "changed": control.readout() != before,
                }
            )
        return results

    def output_text(self, contains: str) -> str:
        """The text of the first cell output that contains ``contains``."""
        output = self.notebook.locator(".jp-OutputArea-output", has_text=contains).first
        return plain(output.inner_text())

    def screenshot(self, name: str) -> Path:
        """Save a screenshot of the tab in the session's screenshot folder; return its path."""
        self.shots_dir.mkdir(parents=True, exist_ok=True)
        path = self.shots_dir / f"{Path(self.path).stem or 'lab'}-{name}.png"
        self.page.screenshot(path=str(path))
        return path

    # -- accessibility --------------------------------------------------------------------------

    def axe_audit(self, *, scope: str = ".jp-OutputArea-output") -> AxeReport:
        """axe-core over the notebook's outputs; JupyterLab's own interface is out of scope."""
        script = axe_script_path()
        if script is None:
            raise RuntimeError(
                "axe-core is missing: install the [test] extra (axe-playwright-python bundles "
                "axe.min.js) or point OSMOSIS_AXE_JS at a copy of axe.min.js"
            )
        if not self.page.evaluate("() => typeof window.axe !== 'undefined'"):
            self.page.add_script_tag(content=script.read_text(encoding="utf-8"))
        selector = f".jp-NotebookPanel:not(.lm-mod-hidden) {scope}"
        result = self.call(scripts.AXE_RUN, selector, step="the accessibility audit (axe-core)")
        return AxeReport(result["violations"], result["passes"], selector)

    def assert_accessible(self, *, scope: str = ".jp-OutputArea-output") -> AxeReport:
        """No critical or serious axe-core violation in the outputs; returns the full report."""
        report = self.axe_audit(scope=scope)
        assert not report.failing, (
            f"{self.path}: axe-core found critical/serious violations in the outputs:\n"
            + report.describe(report.failing)
        )
        return report

    def close(self) -> None:
        """Shut the kernels down and close the tab (nothing is saved)."""
        with contextlib.suppress(Exception):  # the page may already be gone
            timeout = min(self.step_timeout, 30)
            self.call(scripts.SHUT_DOWN_KERNELS, step="shutting the kernels down", timeout=timeout)
        self.page.close()
