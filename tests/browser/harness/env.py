"""Is a browser here, must it be, and how to start it offline."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
#: Debian's two builds of the same Chromium, the lighter first. The old headless shell
#: (``chromium-headless-shell``) runs Blink and V8 as the full browser does, without its
#: browser interface: a JupyterLab tab costs a quarter less CPU in it (1.8 CPU-seconds against
#: 2.4, ``benchmarks/bench_browser_cpu.py``), and the browser layer is bound by the two cores
#: (issue 16). ``/usr/bin/chromium`` serves where the shell is not installed.
BUILDS = (Path("/usr/bin/chromium-headless-shell"), Path("/usr/bin/chromium"))


def _runnable(path: Path) -> bool:
    return path.is_file() and os.access(path, os.X_OK)


def chromium_path(named: str | None = None, builds=BUILDS) -> Path:
    """The Chromium the browser tests start: ``named`` (``$OSMOSIS_CHROMIUM``) if given, else
    the first of ``builds`` installed (the last, to name in a message, when none is).

    >>> chromium_path("/opt/chrome/chrome")
    PosixPath('/opt/chrome/chrome')
    >>> chromium_path(builds=(Path("/nowhere/shell"), Path("/nowhere/chromium")))
    PosixPath('/nowhere/chromium')
    """
    if named:
        return Path(named)
    return next((path for path in builds if _runnable(path)), builds[-1])


CHROMIUM = chromium_path(os.environ.get("OSMOSIS_CHROMIUM"))

#: Flags that keep Chromium quiet and offline (field notes). The host-resolver rule makes every
#: name except loopback unresolvable, so a lesson that needs a CDN fails here exactly as it
#: would in a closed classroom, even outside CI's network namespace.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-proxy-server",
    "--disable-domain-reliability",
    "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]

_FALSE_WORDS = {"", "0", "false", "no", "off"}


def browser_required() -> bool:
    """True when a missing browser must fail the run: ``CI`` or ``OSMOSIS_REQUIRE_BROWSER`` set."""
    return any(
        os.environ.get(name, "").strip().lower() not in _FALSE_WORDS
        for name in ("CI", "OSMOSIS_REQUIRE_BROWSER")
    )


def browser_unavailable_reason() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Python playwright is not installed (pip install -e '.[test]')"
    if not _runnable(CHROMIUM):
        return (
            f"no Chromium at {CHROMIUM} (Debian/Ubuntu: apt-get install chromium-headless-shell, "
            "or chromium; elsewhere set OSMOSIS_CHROMIUM to its path)"
        )
    return None


def axe_script_path() -> Path | None:
    """axe-core's ``axe.min.js`` as bundled in the ``axe-playwright-python`` wheel, or None.

    ``OSMOSIS_AXE_JS`` may name another copy of ``axe.min.js``.
    """
    override = os.environ.get("OSMOSIS_AXE_JS")
    if override:
        return Path(override) if Path(override).is_file() else None
    try:
        from importlib.resources import files

        path = Path(str(files("axe_playwright_python") / "axe.min.js"))
    except ImportError:
        return None
    return path if path.is_file() else None


@contextlib.contextmanager
def launch_chromium(executable: Path = CHROMIUM) -> Iterator:
    """Start playwright with Debian's Chromium (never a downloaded browser); yield the Browser."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(executable), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()
