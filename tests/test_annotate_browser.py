"""The annotated report as a person uses it: headless Chromium, opened from disk, network cut off.

``parstats audit data/raw/bao-cao-so-ket-ctr-09-tu.md --format html`` is run as a reader would
run it, and the page is checked against ``--format json`` of the same command: every flagged
claim has its mark and its explanation; a reader goes from the summary to a mark with the
keyboard (Tab, Enter) and reads the explanation; the filter leaves only the passages with a
flagged figure; a document full of markup that looks like script opens no dialog. Screenshots go
to the test's temporary folder; ``PARSTATS_SCREENSHOT=docs/annotated-report.png`` also writes
the README's screenshot.

Chromium: Debian's ``chromium`` package driven by Playwright (as in ``test_site_browser.py``);
without it the test is skipped, except under ``CI=true``.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from clikit import audit_cli
from parstats.audit.inputs import read_document
from test_annotate import HOSTILE, write_hostile
from browserkit import browser_or_skip, plain_browser  # noqa: F401 (the browser fixture)

ROOT = Path(__file__).resolve().parents[1]
HOME = ROOT / "data" / "raw" / "bao-cao-so-ket-ctr-09-tu.md"


_cli = audit_cli


def _open(browser, path: Path, problems: list[str], **context_args):
    context = browser.new_context(viewport={"width": 1100, "height": 900}, **context_args)

    def route(r):
        if r.request.url.startswith(("file://", "data:")):
            r.continue_()
        else:
            problems.append(f"request left the page: {r.request.url[:80]}")
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("dialog", lambda d: (problems.append(f"dialog opened: {d.message}"), d.dismiss()))
    page.goto(path.as_uri(), wait_until="load")
    return page


def _axe(page) -> list[str]:
    """The rules of axe-core (bundled with axe-playwright-python) that the page breaks."""
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {v['help']}: {v['nodes'][0]['html'][:120]}"
            for v in result.response["violations"]]


def test_home_report_page(browser, tmp_path):
    out = tmp_path / "home.html"
    _cli(str(HOME.relative_to(ROOT)), "--format", "html", "-o", str(out))
    claims = json.loads(_cli(str(HOME.relative_to(ROOT)), "--format", "json")[1])["claims"]
    flagged = [c for c in claims if c["status"] == "inconsistent"]
    assert flagged, "the home report has inconsistent figures"
    problems: list[str] = []
    page = _open(browser, out, problems)
    assert page.eval_on_selector("html", "e => e.lang") == "vi"

    # every flagged claim of the JSON has its mark (its status and figure) and its explanation
    for c in flagged:
        mark = page.locator(f"#c-{c['id']} + button.mark")
        assert mark.count() == 1, c["id"]
        assert "s-inconsistent" in mark.get_attribute("class"), c["id"]
        if c["reported"] and c["kind"] in ("ratio", "change"):
            assert c["reported"].replace(" ", "") in mark.inner_text().replace(" ", ""), c["id"]
        explain = page.locator(f'#{mark.get_attribute("aria-controls")} [data-claim="{c["id"]}"]')
        assert explain.count() == 1, c["id"]
        text = explain.text_content()
        assert "Không nhất quán" in text and "Chẩn đoán" in text, c["id"]
        if c["recomputed"] and c["kind"] in ("ratio", "change"):
            assert f"= {c['recomputed']}, báo cáo ghi {c['reported']}" in text, c["id"]
        assert not explain.is_visible(), c["id"]
    assert page.locator("button.mark").count() >= len({c["line"] for c in claims}) // 2
    # the summary counts every status and lists the flagged claims, each a link to its mark
    counts = page.locator(".annot-counts").inner_text()
    for status, word in (("consistent", "Nhất quán"), ("inconsistent", "Không nhất quán"),
                         ("unverifiable", "Không kiểm chứng được")):
        assert f"{word}: {sum(c['status'] == status for c in claims)}" in counts
    links = page.locator("a.to-mark")
    assert links.count() == len(flagged)
    page.screenshot(path=str(tmp_path / "home-top.png"))

    # keyboard: Tab from the top reaches the first summary link; Enter goes to its mark and
    # opens its explanation; Enter on the mark closes it again
    page.locator("body").focus()
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('to-mark')"):
            break
    else:
        pytest.fail("Tab never reached the summary's first link")
    target = page.evaluate("document.activeElement.getAttribute('data-mark')")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == target
    mark = page.locator(f"#{target}")
    assert mark.get_attribute("aria-expanded") == "true"
    panel = page.locator(f"#{mark.get_attribute('aria-controls')}")
    assert panel.is_visible() and "Chẩn đoán" in panel.inner_text()
    assert mark.bounding_box()["y"] >= 0 and mark.bounding_box()["y"] < 900  # scrolled into view
    page.screenshot(path=str(tmp_path / "home-mark.png"))
    shot = os.environ.get("PARSTATS_SCREENSHOT")
    if shot:
        page.screenshot(path=str(ROOT / shot))
    # Tab from the mark reaches its explanation's link back to the summary
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#annot-summary"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    assert mark.get_attribute("aria-expanded") == "false" and not panel.is_visible()

    # the filter: only the passages with a flagged figure stay
    blocks = page.locator(".annot-doc > *")
    n_blocks = blocks.count()
    page.check("#annot-only-flagged")
    visible = page.eval_on_selector_all(".annot-doc > *", "els => els.filter(e => e.offsetParent !== null).length")
    assert 0 < visible < n_blocks
    assert page.eval_on_selector_all(
        ".annot-doc > *", "els => els.filter(e => e.offsetParent !== null && !e.querySelector('.mark.flag')).length") == 0
    for c in flagged:
        assert page.locator(f"#c-{c['id']} + button.mark").is_visible(), c["id"]
    page.screenshot(path=str(tmp_path / "home-filtered.png"), full_page=True)
    page.uncheck("#annot-only-flagged")
    assert page.eval_on_selector_all(".annot-doc > *", "els => els.filter(e => e.offsetParent !== null).length") == n_blocks

    # accessibility (axe-core): none of its rules broken, with an explanation open and filtered
    page.check("#annot-only-flagged")
    page.locator("a.to-mark").first.click()
    violations = _axe(page)
    assert not violations, violations
    page.uncheck("#annot-only-flagged")

    # print: the explanations of the flagged figures are printed, the filter is not
    page.emulate_media(media="print")
    assert not page.locator(".annot-filter").is_visible()
    assert page.locator(".explain.flag").first.is_visible()
    page.close()
    assert not problems, "\n".join(problems)
    assert sorted(p.name for p in tmp_path.glob("*.png")) == ["home-filtered.png", "home-mark.png", "home-top.png"]


@pytest.mark.parametrize("suffix", HOSTILE)
def test_hostile_document_runs_nothing(browser, tmp_path, suffix):
    src = write_hostile(tmp_path, suffix)
    out = tmp_path / "hostile.html"
    _cli(str(src), "--format", "html", "-o", str(out))
    problems: list[str] = []
    page = _open(browser, out, problems)
    for mark in page.locator("button.mark").all():
        mark.click()
    page.locator("a").all()  # links exist only as the page's own
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
    assert all(h.startswith(("#", "http://", "https://", "mailto:")) for h in hrefs), hrefs
    assert page.evaluate("window.__pwned === undefined")
    if "<script>" in read_document(src).text:
        assert "<script>" in page.locator(".annot-doc").inner_text()  # shown as text
    page.close()
    assert not problems, "\n".join(problems)


def test_english_page_by_keyboard(browser, tmp_path):
    out = tmp_path / "home-en.html"
    _cli(str(HOME.relative_to(ROOT)), "--format", "html", "--lang", "en", "-o", str(out))
    claims = json.loads(_cli(str(HOME.relative_to(ROOT)), "--format", "json")[1])["claims"]
    problems: list[str] = []
    page = _open(browser, out, problems)
    assert page.eval_on_selector("html", "e => e.lang") == "en"
    link = page.locator("a.to-mark").first
    link.focus()
    page.keyboard.press("Enter")
    mark_id = page.evaluate("document.activeElement.getAttribute('data-claims')").split()[0]
    claim = next(c for c in claims if c["id"] == mark_id)
    text = page.locator(f"#c-{mark_id} + button.mark + .explain").inner_text()
    assert claim["diagnosis"] in text and "Diagnosis" in text and "Inconsistent" in text
    page.keyboard.press("Escape")
    assert page.locator(f"#c-{mark_id} + button.mark").get_attribute("aria-expanded") == "false"
    assert not _axe(page)
    page.close()
    assert not problems, "\n".join(problems)
