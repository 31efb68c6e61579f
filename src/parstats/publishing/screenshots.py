"""Screenshots of the built site for the README (``make screenshots``).

Opens the pages of ``site/`` from disk in headless Chromium (Debian's ``chromium``, driven by
Playwright), with every request that would leave ``file://`` blocked, and writes one PNG per
page into ``docs/site/``. The README shows them; they are documentation, not build outputs,
so they are refreshed by hand after a change to the site's look.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from parstats.files import write_atomic
from parstats.paths import PROJ_ROOT, SITE_DIR

__all__ = ["PAGES", "take"]

#: ``(page, what to do before the shot, file name)``: the pages a reader meets first.
PAGES = (
    ("index.html", None, "index.png"),
    ("bao-cao.html", "#annot-summary a.to-mark", "annotated-report.png"),
    ("04-budget-downsizing.html", None, "notebook.png"),
    ("du-lieu.html#dossiers", None, "data.png"),
)


def take(site: Path = SITE_DIR, out: Path = PROJ_ROOT / "docs" / "site",
         chromium: str = os.environ.get("PARSTATS_CHROMIUM", "/usr/bin/chromium")) -> list[Path]:
    """Write the screenshots of :data:`PAGES`; return their paths.

    Raises
    ------
    FileNotFoundError
        When the site is not built (``make report``) or Chromium is missing.
    """
    from playwright.sync_api import sync_playwright

    if not (site / "index.html").is_file():
        raise FileNotFoundError(f"{site}/index.html not found: build the site first (make report)")
    if not Path(chromium).is_file():
        raise FileNotFoundError(f"{chromium} not found: install Debian's chromium (apt-get install chromium)")
    written = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, headless=True,
                                     args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        context = browser.new_context(viewport={"width": 1100, "height": 820}, device_scale_factor=1)
        context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
        for page_name, click, file_name in PAGES:
            name, _, fragment = page_name.partition("#")
            page = context.new_page()
            page.goto((site / name).as_uri() + (f"#{fragment}" if fragment else ""), wait_until="load")
            if click:
                page.click(click)  # a flagged figure, its explanation open
                page.wait_for_timeout(200)
            write_atomic(out / file_name, page.screenshot())
            written.append(out / file_name)
            page.close()
        browser.close()
    return written


def report_written(make) -> int:
    """Run ``make()`` (a screenshot maker returning the files it wrote), print each file (under
    the project: relative to it) and return the exit status: 2, with one line on standard
    error, when what it needs is missing."""
    try:
        for path in make():
            print(path.relative_to(PROJ_ROOT) if path.is_relative_to(PROJ_ROOT) else path)
    except FileNotFoundError as exc:
        print(f"parstats screenshots: {exc}", file=sys.stderr)
        return 2
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m parstats.publishing.screenshots", description=__doc__)
    parser.add_argument("--site", type=Path, default=SITE_DIR)
    parser.add_argument("--out", type=Path, default=PROJ_ROOT / "docs" / "site")
    args = parser.parse_args(argv)
    return report_written(lambda: take(args.site, args.out))


if __name__ == "__main__":
    sys.exit(main())
