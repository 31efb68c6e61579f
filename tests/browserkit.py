"""What the browser tests share: Debian's Chromium, its flags for this closed machine, a skip
(or, in CI, a failure) when it or Playwright is missing, and a plain module-scoped browser."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("PARSTATS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]


def browser_or_skip():
    """Skip the test (fail it in CI) when Chromium or Playwright is missing."""
    missing = None
    if not Path(CHROMIUM).is_file():
        missing = f"{CHROMIUM} not found: install Debian's Chromium with `sudo apt-get install chromium`"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            missing = "the playwright package is missing: pip install -e '.[test]'"
    if missing:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"browser test cannot run in CI: {missing}")
        pytest.skip(missing)


@pytest.fixture(scope="module", name="browser")
def plain_browser():
    """A headless Chromium for the module's tests (import it: ``from browserkit import plain_browser``)."""
    browser_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()
