"""``parstats serve``'s app as a program talks to it (the page as a reviewer uses it:
test_serve_browser.py): the same answers as ``parstats audit``, the limits, zips that try to
escape or explode, the temporary folders, the security headers and a file that hangs."""
from __future__ import annotations

import io
import json
import time
import zipfile
from pathlib import Path

import httpx
import pytest

from clikit import audit_cli
from docbuild import markdown_to_docx
from parstats.audit import audit_path
from parstats.paths import PROJ_ROOT, RAW_REPORT
from parstats.serve.app import Settings
from parstats.serve.pool import KILL_GRACE, AuditPool
from servekit import running_app, stuck_worker

SMALL = "Cán bộ có trình độ đại học trở lên là 128/129 người, tỷ lệ 98,45%.\n"


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> Path:
    """The home report as .md and .docx, a small .txt, a damaged .pdf and an unknown .doc."""
    d = tmp_path_factory.mktemp("uploads")
    (d / "home.md").write_bytes(RAW_REPORT.read_bytes())
    markdown_to_docx(RAW_REPORT.read_text(encoding="utf-8"), d / "home.docx")
    (d / "small.txt").write_text(SMALL, encoding="utf-8")
    (d / "broken.pdf").write_bytes(b"%PDF-1.7\nthis is not a PDF")
    (d / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0 not read")
    return d


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    temp = tmp_path_factory.mktemp("serve-temp")
    settings = Settings(workers=2, max_files=8, max_upload_bytes=5 * 1024 * 1024,
                        max_unpacked_bytes=1024 * 1024, temp_root=temp)
    with running_app(settings) as url:
        yield url, temp


def _upload(url: str, named: list[tuple[str, bytes]], session: str = "") -> httpx.Response:
    return httpx.post(f"{url}/api/kiem-tra", files=[("tep", (n, data)) for n, data in named],
                      data={"phien": session}, timeout=300)


def _lines(response: httpx.Response) -> list[dict]:
    assert response.status_code == 200, response.text
    return [json.loads(line) for line in response.text.splitlines()]


def _zip(members: dict[str, bytes], encrypted: tuple = ()) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    data = bytearray(buf.getvalue())
    # mark members as encrypted (zipfile does not write encrypted archives): the flag bit of
    # their entries in the central directory and their local headers, as an encrypting tool sets it
    at = data.find(b"PK\x01\x02")
    while at != -1:
        length = int.from_bytes(data[at + 28:at + 30], "little")
        if data[at + 46:at + 46 + length].decode() in encrypted:
            data[at + 8] |= 0x1
            local = int.from_bytes(data[at + 42:at + 46], "little")
            data[local + 6] |= 0x1
        at = data.find(b"PK\x01\x02", at + 46)
    return bytes(data)


def test_same_answers_as_the_command_line(app, files, monkeypatch):
    url, _ = app
    names = ["home.docx", "home.md", "small.txt", "broken.pdf", "old.doc"]
    lines = _lines(_upload(url, [(n, (files / n).read_bytes()) for n in names]))
    batch, results, done = lines[0], lines[1:-1], lines[-1]
    assert [r["source"] for r in batch["rows"]] == names
    assert done["type"] == "done" and len(results) == len(names)
    by_row = {r["row"]: r for r in results}

    monkeypatch.chdir(files)  # the command line is given the same names
    cli_json = json.loads(audit_cli(*names, "--format", "json", check=False)[1])
    assert [by_row[i]["json"] for i in range(len(names))] == cli_json
    session = batch["session"]
    app_json = json.loads(httpx.get(f"{url}/ket-qua/{session}/ket-qua.json").text)
    assert app_json == cli_json
    for fmt in ("csv", "jsonl"):
        got = httpx.get(f"{url}/ket-qua/{session}/ket-qua.{fmt}")
        assert got.headers["content-disposition"] == f'attachment; filename="ket-qua.{fmt}"'
        assert got.text == audit_cli(*names, "--format", fmt, check=False)[1], fmt

    # the rows: counts as the JSON says, the home report's 8 flags, a Vietnamese error per bad file
    home = by_row[0]
    statuses = [c["status"] for c in home["json"]["claims"]]
    flags = len(audit_path(RAW_REPORT).flagged)
    assert home["claims"] == len(statuses) and home["inconsistent"] == statuses.count("inconsistent") == flags > 0
    assert by_row[1]["inconsistent"] == flags and by_row[1]["claims"] == home["claims"]
    assert by_row[3]["code"] == "damaged" and by_row[3]["error"].startswith("Tệp bị hỏng")
    assert by_row[4]["code"] == "unsupported-format" and "Định dạng không được hỗ trợ" in by_row[4]["error"]
    assert by_row[3]["page"] is None and by_row[3]["claims"] is None

    # each page is the one `parstats audit FILE --format html` writes
    for row, name in ((0, "home.docx"), (2, "small.txt")):
        page = httpx.get(url + by_row[row]["page"])
        assert page.text == audit_cli(name, "--format", "html", check=False)[1], name
        assert page.headers["content-security-policy"].startswith("default-src 'none'; script-src 'sha256-")

    # the zip of pages is what `parstats audit FILES --format html -o OUTDIR` writes
    out = files / "out"
    audit_cli(*names, "--format", "html", "-o", str(out), check=False)
    archive = zipfile.ZipFile(io.BytesIO(httpx.get(f"{url}/ket-qua/{session}/bao-cao-chu-giai.zip").content))
    assert {n.removeprefix("bao-cao-chu-giai/"): archive.read(n) for n in archive.namelist()} == \
        {p.name: p.read_bytes() for p in out.iterdir()}
    assert httpx.get(f"{url}/ket-qua/{session}/index.html").content == (out / "index.html").read_bytes()


def test_a_zip_member_that_climbs_out_or_hides_is_a_row(app, tmp_path):
    url, temp = app
    archive = _zip({"a.md": SMALL.encode(), "sub/b.txt": SMALL.encode(), "../evil.md": SMALL.encode(),
                    "/etc/evil2.md": SMALL.encode(), "locked.md": SMALL.encode(), "inner.zip": _zip({"c.md": b"x"}),
                    "tool.exe": b"MZ", "__MACOSX/._a.md": b"junk"}, encrypted=("locked.md",))
    lines = _lines(_upload(url, [("bundle.zip", archive)]))
    rows = {r["source"]: r for r in lines[1:-1]}
    assert sorted(rows) == sorted(f"bundle.zip/{n}" for n in
                                  ["a.md", "sub/b.txt", "../evil.md", "/etc/evil2.md", "locked.md", "inner.zip", "tool.exe"])
    assert rows["bundle.zip/a.md"]["claims"] == 1 and rows["bundle.zip/sub/b.txt"]["inconsistent"] == 1
    codes = {n: r["code"] for n, r in rows.items() if r["code"]}
    assert codes == {"bundle.zip/../evil.md": "unsafe-name", "bundle.zip//etc/evil2.md": "unsafe-name",
                     "bundle.zip/locked.md": "encrypted", "bundle.zip/inner.zip": "nested-archive",
                     "bundle.zip/tool.exe": "unsupported-format"}
    assert "../" in rows["bundle.zip/../evil.md"]["error"]
    assert not (temp.parent / "evil.md").exists() and not Path("/etc/evil2.md").exists()
    assert list(temp.iterdir()) == []  # the upload's folder is gone once its results are sent


def test_a_zip_bomb_and_a_damaged_zip_are_one_row_each(app):
    url, _ = app
    bomb = _zip({"a.md": b"0" * (3 * 1024 * 1024)})  # 3 MB of zeros, a few kB packed; the limit is 1 MB
    assert len(bomb) < 50_000
    lines = _lines(_upload(url, [("bomb.zip", bomb), ("bad.zip", b"PK\x03\x04 not a zip"), ("ok.txt", SMALL.encode())]))
    rows = {r["source"]: r for r in lines[1:-1]}
    assert rows["bomb.zip"]["code"] == "too-large" and rows["bomb.zip"]["error"].startswith("Tệp quá lớn")
    assert rows["bad.zip"]["code"] == "damaged"
    assert rows["ok.txt"]["claims"] == 1


def test_limits_refuse_the_upload_with_a_vietnamese_message(app):
    url, _ = app
    many = _upload(url, [(f"f{i}.txt", SMALL.encode()) for i in range(9)])
    assert many.status_code == 413 and many.json()["error"].startswith("Quá nhiều tệp: mỗi lần tải lên được tối đa 8 tệp")
    in_zip = _upload(url, [("many.zip", _zip({f"f{i}.txt": SMALL.encode() for i in range(9)}))])
    assert in_zip.status_code == 413 and "Quá nhiều tệp" in in_zip.json()["error"]
    big = _upload(url, [("big.txt", b"x" * (6 * 1024 * 1024))])
    assert big.status_code == 413 and big.json()["error"].startswith("Tải lên quá lớn: mỗi lần tải lên được tối đa 5 MB")
    none = httpx.post(f"{url}/api/kiem-tra", data={"phien": ""})
    assert none.status_code == 400 and none.json()["error"].startswith("Chưa có tệp nào")


def test_every_response_carries_a_content_security_policy(app):
    url, _ = app
    session = _lines(_upload(url, [("ok.txt", SMALL.encode())]))[0]["session"]
    answers = [httpx.get(url + "/"), httpx.get(url + "/app.js"), httpx.get(url + "/sort-table.js"),
               httpx.get(f"{url}/ket-qua/{session}/01-ok-txt.html"), httpx.get(f"{url}/ket-qua/{session}/ket-qua.csv"),
               httpx.get(f"{url}/ket-qua/nope/index.html"), httpx.get(url + "/khong-co"),
               _upload(url, [(f"f{i}.txt", b"x") for i in range(9)])]
    assert [a.status_code for a in answers] == [200, 200, 200, 200, 200, 404, 404, 413]
    for a in answers:
        csp = a.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp, a.url
        assert "'unsafe-eval'" not in csp and "script-src 'unsafe-inline'" not in csp
        assert a.headers["x-content-type-options"] == "nosniff"
    assert "script-src 'self'" in answers[0].headers["content-security-policy"]
    assert "sandbox" in answers[4].headers["content-security-policy"]
    # a session's rows accumulate: a second upload of the same page adds its rows after the first
    second = _lines(_upload(url, [("again.txt", SMALL.encode())], session))
    assert second[0]["session"] == session and second[0]["rows"][0]["row"] == 1


def test_uploads_never_go_under_the_project():
    with pytest.raises(ValueError, match="inside the project"):
        Settings(temp_root=PROJ_ROOT / "uploads").temp_dir()


def test_a_file_that_hangs_is_an_error_row_and_the_server_goes_on(tmp_path):
    settings = Settings(workers=1, time_limit=1.0, temp_root=tmp_path)
    pool = AuditPool(1, 1.0, worker=stuck_worker)
    with running_app(settings, pool=pool) as url:
        start = time.monotonic()
        lines = _lines(_upload(url, [("stuck.txt", SMALL.encode()), ("ok.txt", SMALL.encode())]))
        rows = {r["source"]: r for r in lines[1:-1]}
        assert rows["stuck.txt"]["code"] == "timeout" and rows["stuck.txt"]["error"].startswith("Quá thời gian")
        assert rows["ok.txt"]["claims"] == 1, rows["ok.txt"]
        assert time.monotonic() - start < 1.0 + KILL_GRACE + 20
        # the server still answers, with a new pool
        assert httpx.get(url + "/").status_code == 200
        again = _lines(_upload(url, [("after.txt", SMALL.encode())]))
        assert again[1]["claims"] == 1
        assert list(tmp_path.iterdir()) == []


def test_the_alarm_stops_a_slow_audit(tmp_path):
    """A time limit shorter than the home report's audit: the worker stops itself."""
    settings = Settings(workers=1, time_limit=0.02, temp_root=tmp_path)
    with running_app(settings) as url:
        lines = _lines(_upload(url, [("home.md", RAW_REPORT.read_bytes())]))
        assert lines[1]["code"] == "timeout" and "0.02 s" in lines[1]["detail"]
        assert httpx.get(url + "/").status_code == 200


def test_scanned_and_encrypted_documents_are_rows_with_their_message(app, tmp_path):
    from PIL import Image

    url, _ = app
    scan = tmp_path / "scan.pdf"
    Image.new("L", (200, 100), 255).save(scan)  # a page that is only an image: no text layer
    cfb = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504  # Word's password-protected container
    secret = cfb + "EncryptedPackage".encode("utf-16-le") + b"\0" * 64
    lines = _lines(_upload(url, [("scan.pdf", scan.read_bytes()), ("secret.docx", secret),
                                 ("ok.txt", SMALL.encode())]))
    rows = {r["source"]: r for r in lines[1:-1]}
    assert rows["scan.pdf"]["code"] == "no-text-layer" and "OCR" in rows["scan.pdf"]["error"]
    assert rows["secret.docx"]["code"] == "encrypted" and "mật khẩu" in rows["secret.docx"]["error"]
    assert "scan.pdf" in rows["scan.pdf"]["detail"] and "/tmp" not in rows["scan.pdf"]["detail"]
    assert rows["ok.txt"]["claims"] == 1


def test_another_site_cannot_post_or_rebind_a_name(tmp_path):
    settings = Settings(workers=1, temp_root=tmp_path, allowed_hosts=("127.0.0.1", "localhost"))
    with running_app(settings) as url:
        other = httpx.post(f"{url}/api/kiem-tra", files=[("tep", ("a.txt", SMALL.encode()))],
                           headers={"origin": "http://evil.example"})
        assert other.status_code == 403 and other.json()["error"].startswith("Chỉ trang của parstats serve")
        assert "content-security-policy" in other.headers
        rebound = httpx.get(url + "/", headers={"host": "evil.example"})
        assert rebound.status_code == 400 and "content-security-policy" in rebound.headers
        same = httpx.post(f"{url}/api/kiem-tra", files=[("tep", ("a.txt", SMALL.encode()))], headers={"origin": url})
        assert _lines(same)[1]["claims"] == 1
