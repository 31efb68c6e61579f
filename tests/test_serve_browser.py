"""``parstats serve``'s page as a reviewer uses it, and the folder ``parstats audit DIR --format
html -o OUTDIR`` writes, in headless Chromium.

The app runs in this process (uvicorn in a thread, :mod:`servekit`); the browser may reach it
and nothing else. A reviewer drops the home report as a Word file and sees its flags in the row
and marked in its annotated page; drops a zip of three files, one of them broken, and sees two
results and one error row; chooses a file, sorts the table and opens a page with the keyboard
only; axe-core finds no serious or critical violation. The folder's ``index.html`` opens from
disk, sorts and links its pages.

Chromium: Debian's ``chromium`` package driven by Playwright (as in ``test_site_browser.py``);
without it the tests are skipped, except under ``CI=true``.
"""
from __future__ import annotations

import base64
import io
import json
import zipfile
from pathlib import Path

import httpx
import pytest

from clikit import audit_cli
from docbuild import markdown_to_docx
from parstats.audit import audit_path
from parstats.paths import RAW_REPORT
from parstats.serve.app import Settings
from servekit import running_app
from browserkit import browser_or_skip, plain_browser  # noqa: F401 (the browser fixture)

#: the home report's flags, as the command line finds them in its Markdown
HOME_FLAGS = audit_path(RAW_REPORT).flagged

SMALL = "Cán bộ có trình độ đại học trở lên là 128/129 người, tỷ lệ 98,45%.\n"
SERIOUS = ("serious", "critical")


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("reviewer")
    markdown_to_docx(RAW_REPORT.read_text(encoding="utf-8"), d / "bao-cao-so-ket.docx")
    (d / "home.md").write_bytes(RAW_REPORT.read_bytes())
    (d / "small.txt").write_text(SMALL, encoding="utf-8")
    (d / "broken.pdf").write_bytes(b"%PDF-1.7\nnot a PDF at all")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name in ("home.md", "small.txt", "broken.pdf"):
            zf.write(d / name, f"ba-tep/{name}")
    (d / "ba-tep.zip").write_bytes(buf.getvalue())
    return d


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    browser_or_skip()
    with running_app(Settings(workers=2, temp_root=tmp_path_factory.mktemp("serve-temp"))) as url:
        yield url


def _context(browser, allowed: tuple[str, ...], problems: list[str]):
    context = browser.new_context(viewport={"width": 1200, "height": 900})

    def route(r):
        if r.request.url.startswith(allowed):
            r.continue_()
        else:
            problems.append(f"request left the app: {r.request.url[:80]}")
            r.abort()

    context.route("**/*", route)

    def watch(page):
        page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    context.on("page", watch)
    return context


def _drop(page, path: Path, mime: str):
    """Drop ``path`` on the drop zone as a file dragged from the desktop."""
    data = base64.b64encode(path.read_bytes()).decode()
    transfer = page.evaluate_handle(
        """([data, name, mime]) => { const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
            const dt = new DataTransfer(); dt.items.add(new File([bytes], name, {type: mime})); return dt; }""",
        [data, path.name, mime])
    page.dispatch_event("#vung-tha", "dragenter", {"dataTransfer": transfer})
    page.dispatch_event("#vung-tha", "drop", {"dataTransfer": transfer})


def _rows(page) -> list[list[str]]:
    return page.eval_on_selector_all("#ket-qua tbody tr", "rs => rs.map(r => [...r.cells].map(c => c.innerText.trim()))")


def _wait_done(page, n: int):
    page.wait_for_function(
        f"""() => {{ const rs = document.querySelectorAll('#ket-qua tbody tr');
            return rs.length === {n} && [...rs].every(r => ['Xong', 'Lỗi'].includes(r.cells[1].innerText.trim())); }}""",
        timeout=120_000)


def _choose_by_keyboard(page, paths: list[Path]) -> None:
    """Space on the focused file input opens the chooser, and the files are chosen in it.

    Headless Chromium now and then loses the chooser a keystroke asks for (the interception
    Playwright turns on when a page first waits for one can arrive after the key;
    microsoft/playwright#19051): a chooser that is coming comes within a second, so the key is
    pressed again, three tries of 7 s each, and the keyboard path is still the one tested.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for _ in range(3):
        page.locator("#chon-tep").focus()
        try:
            with page.expect_file_chooser(timeout=7000) as chooser:
                page.keyboard.press("Space")
        except PlaywrightTimeout:
            continue
        chooser.value.set_files([str(p) for p in paths])
        return
    pytest.fail("Space on the focused file input never opened the file chooser (3 tries)")


def _axe(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {v['help']}: {v['nodes'][0]['html'][:120]}"
            for v in result.response["violations"] if v["impact"] in SERIOUS]


def test_drop_the_home_report_as_word_and_see_its_flags(app, browser, files, tmp_path):
    problems: list[str] = []
    context = _context(browser, (app,), problems)
    page = context.new_page()
    page.goto(app + "/")
    assert page.eval_on_selector("html", "e => e.lang") == "vi"
    assert page.title() == "Kiểm tra số liệu trong báo cáo"
    page.screenshot(path=str(tmp_path / "empty.png"))
    _drop(page, files / "bao-cao-so-ket.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    _wait_done(page, 1)
    row = _rows(page)[0]
    claims = json.loads(audit_cli(str(files / "bao-cao-so-ket.docx"), "--format", "json")[1])["claims"]
    flagged = [c for c in claims if c["status"] == "inconsistent"]
    assert len(flagged) == len(HOME_FLAGS) > 0  # the Word file gives the home report's flags
    assert row[0] == "bao-cao-so-ket.docx" and row[1] == "Xong"
    assert row[2:6] == [str(len(claims)), *(str(sum(c["status"] == s for c in claims))
                                            for s in ("consistent", "inconsistent", "unverifiable"))]
    assert row[4] == str(len(flagged)) and row[6] == ""
    assert page.locator("#thong-bao").inner_text().startswith("Đã kiểm tra xong")
    assert page.locator("#tai-ve").is_visible()
    page.screenshot(path=str(tmp_path / "result.png"), full_page=True)

    # its annotated page: the 8 flags marked, each with its explanation
    with context.expect_page() as opened:
        page.locator("#ket-qua a", has_text="Xem báo cáo chú giải").click()
    report = opened.value
    report.wait_for_load_state()
    for c in flagged:
        mark = report.locator(f"#c-{c['id']} + button.mark")
        assert mark.count() == 1 and "s-inconsistent" in mark.get_attribute("class"), c["id"]
    assert report.locator("a.to-mark").count() == len(flagged)
    assert f"Không nhất quán: {len(flagged)}" in report.locator(".annot-counts").inner_text()
    report.close()

    # the downloads: the CLI's CSV, and the pages as a zip
    csv_href = page.get_attribute("#tai-csv", "href")
    rows = httpx.get(app + csv_href).text.splitlines()  # the CLI's CSV: test_serve.py compares it byte for byte
    assert rows[0].startswith("source,id,kind,") and len(rows) == len(claims) + 1
    assert all(r.startswith("bao-cao-so-ket.docx,") for r in rows[1:])
    with page.expect_download() as download:
        page.click("#tai-zip")
    names = zipfile.ZipFile(download.value.path()).namelist()
    assert names == ["bao-cao-chu-giai/01-bao-cao-so-ket-docx.html", "bao-cao-chu-giai/index.html"]
    context.close()
    assert not problems, "\n".join(problems)


def test_a_zip_of_three_files_one_broken(app, browser, files):
    problems: list[str] = []
    context = _context(browser, (app,), problems)
    page = context.new_page()
    page.goto(app + "/")
    _drop(page, files / "ba-tep.zip", "application/zip")
    _wait_done(page, 3)
    rows = {r[0]: r for r in _rows(page)}
    assert sorted(rows) == ["ba-tep.zip/ba-tep/broken.pdf", "ba-tep.zip/ba-tep/home.md", "ba-tep.zip/ba-tep/small.txt"]
    done = [r for r in rows.values() if r[1] == "Xong"]
    errors = [r for r in rows.values() if r[1] == "Lỗi"]
    assert len(done) == 2 and len(errors) == 1
    assert all(r[7].startswith("Xem báo cáo chú giải") for r in done)
    broken = rows["ba-tep.zip/ba-tep/broken.pdf"]
    assert broken[6].startswith("Tệp bị hỏng") and broken[7] == "" and broken[2] == ""
    assert rows["ba-tep.zip/ba-tep/home.md"][4] == "8"
    assert page.locator("#ket-qua tbody tr.error").count() == 1
    context.close()
    assert not problems, "\n".join(problems)


def test_everything_by_keyboard_and_no_serious_accessibility_violation(app, browser, files):
    problems: list[str] = []
    context = _context(browser, (app,), problems)
    page = context.new_page()
    page.goto(app + "/")
    assert not _axe(page)
    # Tab to the file chooser, Space opens it
    for _ in range(8):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "chon-tep":
            break
    else:
        pytest.fail("Tab never reached the file chooser")
    _choose_by_keyboard(page, [files / "small.txt", files / "home.md", files / "broken.pdf"])
    _wait_done(page, 3)
    # Tab to the header of "Không nhất quán", Enter sorts by it (twice: the most flags first)
    seen = []
    for _ in range(40):
        page.keyboard.press("Tab")
        seen.append(page.evaluate("document.activeElement.tagName + ':' + document.activeElement.textContent.slice(0, 30)"))
        if page.evaluate("document.activeElement.textContent") == "Không nhất quán":
            break
    else:
        pytest.fail(f"Tab never reached the sort button of 'Không nhất quán': {seen}")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    assert page.get_attribute("#ket-qua th:nth-child(5)", "aria-sort") == "descending"
    assert [r[0] for r in _rows(page)] == ["home.md", "small.txt", "broken.pdf"]
    page.keyboard.press("Enter")
    assert [r[0] for r in _rows(page)] == ["small.txt", "home.md", "broken.pdf"]  # no value: last
    # Tab on to the first row's link; Enter opens its annotated page
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "A" and \
                page.evaluate("document.activeElement.closest('tbody') !== null"):
            break
    else:
        pytest.fail("Tab never reached a row's link")
    with context.expect_page() as opened:
        page.keyboard.press("Enter")
    opened.value.wait_for_load_state()
    assert opened.value.locator(".annot-doc").count() == 1
    opened.value.close()
    # the downloads are links a keyboard reaches too
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "tai-csv":
            break
    else:
        pytest.fail("Tab never reached the CSV download")
    # a refused upload says why, in Vietnamese, where a screen reader hears it
    _choose_by_keyboard(page, [files / "small.txt"] * 21)
    assert page.locator("#loi").inner_text().startswith("Quá nhiều tệp: mỗi lần tải lên được tối đa 20 tệp")
    assert page.get_attribute("#loi", "role") == "alert"
    violations = _axe(page)
    assert not violations, violations
    context.close()
    assert not problems, "\n".join(problems)


def test_the_folder_of_annotated_pages_opens_from_disk(browser, files, tmp_path):
    browser_or_skip()
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("home.md", "small.txt", "broken.pdf", "bao-cao-so-ket.docx"):
        (folder / name).write_bytes((files / name).read_bytes())
    out = tmp_path / "out"
    code, _, err = audit_cli(str(folder), "--format", "html", "-o", str(out), check=False)
    assert code == 0 and "broken.pdf" in err
    assert sorted(p.name for p in out.iterdir()) == ["01-bao-cao-so-ket-docx.html", "03-home-md.html",
                                                     "04-small-txt.html", "index.html"]
    problems: list[str] = []
    context = _context(browser, ("file://", "data:"), problems)
    page = context.new_page()
    page.goto((out / "index.html").as_uri())
    rows = _rows(page)
    assert [r[0] for r in rows] == [str(folder / n) for n in ("bao-cao-so-ket.docx", "broken.pdf", "home.md", "small.txt")]
    assert rows[1][5].startswith("Tệp bị hỏng") and rows[1][6] == ""
    assert rows[0][3] == rows[2][3] == "8"
    page.locator("th button.sort", has_text="Không nhất quán").focus()
    page.keyboard.press("Enter")
    assert [r[3] for r in _rows(page)] == ["1", "8", "8", ""]
    assert not _axe(page)
    page.locator("tbody a").first.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("04-small-txt.html") and page.locator("button.mark").count() == 1
    context.close()
    assert not problems, "\n".join(problems)
