"""Screenshots of ``parstats serve``'s page for the README (``make screenshots``).

Serves the app in a thread, opens its page in headless Chromium (Debian's ``chromium``, driven
by Playwright; every request to another address blocked), and writes ``docs/serve/page.png``
(the empty page) and ``docs/serve/result.png`` (the table after the home report, a small text
and a damaged PDF were chosen). Documentation, refreshed by hand after a change to the page.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from parstats.files import write_atomic
from parstats.paths import PROJ_ROOT, RAW_REPORT
from parstats.publishing.screenshots import report_written

__all__ = ["take"]

#: a one-claim text and a file that is not the PDF it says it is
SMALL = "Cán bộ có trình độ đại học trở lên là 128/129 người, tỷ lệ 98,45%.\n"
BROKEN = b"%PDF-1.7\nnot a PDF"


def take(out: Path = PROJ_ROOT / "docs" / "serve",
         chromium: str = os.environ.get("PARSTATS_CHROMIUM", "/usr/bin/chromium")) -> list[Path]:
    """Write the two screenshots; return their paths.

    Raises
    ------
    FileNotFoundError
        When Chromium is missing.
    """
    from playwright.sync_api import sync_playwright

    from parstats.serve.app import Settings, serving

    if not Path(chromium).is_file():
        raise FileNotFoundError(f"{chromium} not found: install Debian's chromium (apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="parstats-shots-") as tmp:
        files = Path(tmp) / "tep"
        files.mkdir()
        (files / "bao-cao-so-ket-ctr-09-tu.md").write_bytes(RAW_REPORT.read_bytes())
        (files / "bao-cao-ngan.txt").write_text(SMALL, encoding="utf-8")
        (files / "bao-cao-scan.pdf").write_bytes(BROKEN)
        with serving(Settings(workers=2, temp_root=Path(tmp))) as url, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, headless=True,
                                         args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
            context = browser.new_context(viewport={"width": 1100, "height": 820}, device_scale_factor=1)
            context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(url) else r.abort())
            page = context.new_page()
            page.goto(url + "/", wait_until="load")
            write_atomic(out / "page.png", page.screenshot())
            page.set_input_files("#chon-tep", sorted(str(p) for p in files.iterdir()))
            page.wait_for_function("() => !document.querySelector('#tai-ve').hidden",
                                   timeout=120_000)
            page.locator("#ket-qua-tieu-de").scroll_into_view_if_needed()
            page.evaluate("document.getElementById('ket-qua-tieu-de').scrollIntoView()")
            write_atomic(out / "result.png", page.screenshot())
            browser.close()
    return [out / "page.png", out / "result.png"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m parstats.serve.shots", description=__doc__)
    parser.add_argument("--out", type=Path, default=PROJ_ROOT / "docs" / "serve")
    args = parser.parse_args(argv)
    return report_written(lambda: take(args.out))


if __name__ == "__main__":
    sys.exit(main())
