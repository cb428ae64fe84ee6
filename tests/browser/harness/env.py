"""Is a browser here, must it be, and how to start it offline."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
CHROMIUM = Path(os.environ.get("OSMOSIS_CHROMIUM", "/usr/bin/chromium"))

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
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        return (
            f"no Chromium at {CHROMIUM} (Debian/Ubuntu: apt-get install chromium; "
            "elsewhere set OSMOSIS_CHROMIUM to its path)"
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
def launch_chromium() -> Iterator:
    """Start playwright with Debian's Chromium (never a downloaded browser); yield the Browser."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()
