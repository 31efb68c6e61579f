"""Open every page of the built site in headless Chromium with the network cut off.

Runs on the real notebooks, built into a copy of the project under ``tmp_path`` so that the
checkout's ``site/`` is not touched.
Every page must load with no request leaving ``file://``, every image decoded, no console
error, and the expected title and Vietnamese headings; a screenshot of each page is saved
under the test's temporary folder.

Chromium: Debian's ``chromium`` package (``apt-get install chromium``), driven by Playwright
with ``executable_path``. Without it the test is skipped, except under ``CI=true``.
"""
from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path

import pytest

from parstats.publishing.notebooks import find_notebooks
from parstats.publishing.site import notebook_title, page_name

ROOT = Path(__file__).resolve().parents[1]
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


def _browser_or_skip():
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


@pytest.fixture(scope="module")
def built_site(project_build):
    """The site of the test run's one build of the project (``conftest.project_build``)."""
    _browser_or_skip()
    project, result, _ = project_build
    assert result.exit_code == 0, [str(r.failure or r.message) for r in result.failed]
    return project


def test_every_page_loads_offline(built_site, tmp_path):
    from playwright.sync_api import sync_playwright

    project = built_site
    notebooks = find_notebooks(project.notebooks_dir)
    pages = ["index.html"] + [page_name(p.name) for p in notebooks]
    assert sorted(p.name for p in project.site_dir.iterdir()) == sorted(pages)
    titles = {page_name(p.name): notebook_title(json.loads(p.read_text(encoding="utf-8")), p.stem) for p in notebooks}

    problems: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1100, "height": 900})
        blocked: list[str] = []

        def route(r):
            if r.request.url.startswith(("file://", "data:")):
                r.continue_()
            else:
                blocked.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        for name in pages:
            page = context.new_page()
            console, failed = [], []
            page.on("console", lambda m, c=console: c.append(f"{m.type}: {m.text}") if m.type == "error" else None)
            page.on("pageerror", lambda e, c=console: c.append(f"pageerror: {e}"))
            page.on("requestfailed", lambda r, f=failed: f.append(f"{r.url[:80]} ({r.failure})"))
            n_blocked = len(blocked)
            # "load": every resource of an offline page is in it (a request elsewhere is blocked
            # and counted above), so there is no network to wait for
            page.goto((project.site_dir / name).as_uri(), wait_until="load")
            images = page.eval_on_selector_all(
                "img", "els => els.map(e => [e.complete && e.naturalWidth > 0, (e.getAttribute('src')||'').slice(0,30)])"
            )
            broken = [src for ok, src in images if not ok]
            headings = [h.strip() for h in page.eval_on_selector_all("h1, h2, h3", "els => els.map(e => e.innerText)")]
            title = page.title()
            lang = page.eval_on_selector("html", "e => e.lang")
            page.screenshot(path=str(tmp_path / f"{Path(name).stem}.png"), full_page=True)
            if name != "index.html":
                # the code toggle works: code hidden at first, shown after a click
                assert not page.is_visible(".code_cell .input"), name
                page.click("#toggle-code")
                assert page.is_visible(".code_cell .input"), name
            page.close()

            where = f"{name}:"
            problems += [f"{where} blocked request {u}" for u in blocked[n_blocked:]]
            problems += [f"{where} failed request {u}" for u in failed]
            problems += [f"{where} console {c}" for c in console]
            problems += [f"{where} image not loaded {s}" for s in broken]
            if lang != "vi":
                problems.append(f"{where} html lang={lang!r}")
            if name == "index.html":
                expected = ["Các sổ tay phân tích", "Thông tin bản dựng"] + list(titles.values())
                if not images:
                    problems.append(f"{where} no thumbnail")
            else:
                expected = [titles[name]]
                if not title.startswith(titles[name]):
                    problems.append(f"{where} title {title!r} does not start with {titles[name]!r}")
            for heading in expected:
                if not any(heading in h for h in headings):
                    problems.append(f"{where} heading {heading!r} missing (have {headings[:6]})")
        browser.close()
    assert not problems, "\n".join(problems)
    assert sorted(p.name for p in tmp_path.glob("*.png")) == sorted(f"{Path(p).stem}.png" for p in pages)


def test_pages_reference_no_other_host(built_site):
    for page in sorted(built_site.site_dir.glob("*.html")):
        text = page.read_text(encoding="utf-8")
        assert '<meta charset="utf-8">' in text and '<html lang="vi">' in text, page.name
        loaded = re.findall(r"""<(?:script|img|link|iframe|source|video|audio)\b[^>]*?\b(?:src|href)=["']([^"']+)""", text)
        remote = [html.unescape(u)[:60] for u in loaded if not u.startswith("data:")]
        assert remote == [], f"{page.name} loads {remote}"
        assert "url(http" not in text and "@import" not in text, page.name
