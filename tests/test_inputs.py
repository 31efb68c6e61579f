"""Reading every input format (parstats.audit.inputs and its readers), and the clear error for
each kind of file that cannot be read: small crafted files, one per kind."""
from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import docx
import pytest

from parstats.audit import readers
from parstats.audit.batch import collect_paths
from parstats.audit.inputs import FORMATS, read_document, text_locations
from parstats.audit.readers import legacy
from parstats.audit.reading import (
    DamagedFileError,
    EncryptedFileError,
    LegacyEncodingError,
    NoTextLayerError,
    ReportReadError,
    TooLargeError,
    UnsupportedFormatError,
)
from parstats.audit.results import audit_path
from parstats.cli import main
from parstats.paths import RAW_REPORT

SCRIPTY = ("Có 27 người, tỷ lệ 13,70% trên tổng số 197 người. <script>alert(1)</script> "
           "<img src=x onerror=alert(2)> javascript:alert(3)")
LITERALS = ("<script>alert(1)</script>", "onerror=alert(2)", "javascript:alert(3)")


def _docx(path: Path, paragraphs: list[str], font: str | None = None) -> Path:
    d = docx.Document()
    for text in paragraphs:
        run = d.add_paragraph().add_run(text)
        if font:
            run.font.name = font
    d.save(path)
    return path


# ------------------------------------------------------------------ Markdown and plain text

def test_markdown_is_read_as_it_is():
    doc = read_document(RAW_REPORT)
    assert doc.format == "markdown"
    assert doc.data == RAW_REPORT.read_bytes()
    assert doc.text == RAW_REPORT.read_text(encoding="utf-8")


def test_markdown_sections_and_footnotes_are_located():
    doc = read_document(RAW_REPORT)
    lines = doc.text.split("\n")
    # a footnote definition line carries its number
    for n, line in enumerate(lines, start=1):
        m = re.match(r"<sup>(\d+)</sup>", line)
        if m:
            assert doc.location(n).footnote == m.group(1)
    # the body line under "*2.5. …*" is in section II.2.5, under "2.2. Nguyên nhân" (in
    # "III - ĐÁNH GIÁ CHUNG", "2. Hạn chế …") in III.2.2
    start = next(i for i, ln in enumerate(lines, start=1) if ln.startswith("*2.5."))
    body = next(i for i in range(start + 1, len(lines)) if lines[i - 1].strip())
    assert doc.location(body).section == "II.2.5"
    cause = next(i for i, ln in enumerate(lines, start=1) if "2.2. Nguyên nhân" in ln)
    assert doc.location(cause + 2).section == "III.2.2"


def test_section_numbering_of_a_short_text():
    locs = text_locations("## I - MỞ ĐẦU\n\nA.\n\n### 1. Một\n\nB.\n\n2.3. Hai ba\n\nC.\n\n## Phần thứ hai\n\nD.")
    assert [(n, locs[n].section) for n in (3, 7, 11, 15)] == [
        (3, "I"), (7, "I.1"), (11, "I.2.3"), (15, "Phần thứ hai")]


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_plain_text_keeps_script_like_text(tmp_path, suffix):
    p = tmp_path / f"x{suffix}"
    p.write_text(SCRIPTY, encoding="utf-8")
    doc = read_document(p)
    assert all(s in doc.text for s in LITERALS)


# ------------------------------------------------------------------ HTML

def test_html_text_as_written_scripts_dropped(tmp_path):
    p = tmp_path / "x.html"
    p.write_text(
        "<html><head><script>alert('head')</script><style>p{}</style></head><body>"
        "<h2>II - KẾT QUẢ</h2>"
        "<p>Có 27 người, tỷ lệ 13,70%<sup>1</sup> trên tổng số 197 người. "
        "&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt; "
        "<a href=\"javascript:alert(9)\">javascript:alert(3)</a><img src=x onerror=\"alert(8)\"></p>"
        "<script>alert('body')</script>"
        "<table><tr><th>Chỉ tiêu</th><th>Số lượng</th></tr><tr><td>Tổng cộng</td><td>10 người</td></tr>"
        "<tr><td>Nam</td><td>6 người (60,0%)</td></tr><tr><td>Nữ</td><td>4 người (40,0%)</td></tr></table>"
        "<div id=\"fn1\"><p>Tổng số là 197 người.</p></div></body></html>", encoding="utf-8")
    doc = read_document(p)
    assert all(s in doc.text for s in LITERALS)
    assert "alert('head')" not in doc.text and "alert('body')" not in doc.text
    assert "alert(8)" not in doc.text and "alert(9)" not in doc.text  # attributes are markup
    assert "## II - KẾT QUẢ" in doc.text and "[^1]: Tổng số là 197 người." in doc.text
    rep = audit_path(p)
    shares = {f.claim.numerator: (f.claim.denominator, f.status) for f in rep.findings if f.claim.kind == "ratio"}
    assert shares == {27: (197, "inconsistent"), 6: (10, "consistent"), 4: (10, "consistent")}
    row = next(f for f in rep.findings if f.claim.numerator == 6)
    loc = rep.location(row)
    assert (loc.table, loc.row, loc.row_header, loc.column_headers) == (1, 3, "Nam", ("Chỉ tiêu", "Số lượng"))
    assert loc.section == "II"


# ------------------------------------------------------------------ Word

EVAL_TEXTS = RAW_REPORT.parents[2] / "tests" / "audit_eval" / "texts"
#: the first real texts (by name) of tests/audit_eval with a Markdown table
TABLE_TEXTS = [p.name for p in sorted(EVAL_TEXTS.glob("*.md"))
               if re.search(r"(?m)^\|.*\|\s*$", p.read_text(encoding="utf-8"))][:12]


@pytest.mark.parametrize("name", TABLE_TEXTS)
def test_docx_of_real_texts_gives_the_same_claims(tmp_path, name):
    """Each real text made a Word file (paragraphs, headings, footnotes, Word tables) reads
    back to the same claims and statuses."""
    from docbuild import markdown_to_docx

    src = EVAL_TEXTS / name
    out = markdown_to_docx(src.read_text(encoding="utf-8"), tmp_path / "x.docx")

    def claims(rep):
        return Counter((f.claim.kind, f.claim.reported, f.claim.numerator, f.claim.denominator,
                        f.claim.parts, f.status, f.severity) for f in rep.findings)

    assert claims(audit_path(out)) == claims(audit_path(src))


def test_docx_keeps_script_like_text(tmp_path):
    doc = read_document(_docx(tmp_path / "x.docx", [SCRIPTY]))
    assert all(s in doc.text for s in LITERALS)


def test_docx_tables_merged_cells_written_once(tmp_path):
    d = docx.Document()
    t = d.add_table(rows=3, cols=3)
    t.cell(0, 0).text, t.cell(0, 1).text = "Đơn vị", "Số người"
    t.cell(0, 1).merge(t.cell(0, 2))
    t.cell(1, 0).text, t.cell(1, 1).text, t.cell(1, 2).text = "Huyện", "5", "7"
    t.cell(1, 0).merge(t.cell(2, 0))
    t.cell(2, 1).text, t.cell(2, 2).text = "6", "8"
    d.save(tmp_path / "t.docx")
    doc = read_document(tmp_path / "t.docx")
    rows = [ln for ln in doc.text.split("\n") if ln.startswith("| ")]
    assert rows == ["| Đơn vị | Số người |  |", "| Huyện | 5 | 7 |", "|  | 6 | 8 |"]


def test_docx_tcvn3_font_is_converted(tmp_path):
    # "Phát triển kinh tế - xã hội" typed in the ABC font .VnTime, and a heading in .VnTimeH
    doc = read_document(_docx(tmp_path / "abc.docx", ["Ph¸t triÓn kinh tÕ - x· héi", "b¸o c¸o"],
                              font=".VnTime"))
    assert "Phát triển kinh tế - xã hội" in doc.text
    d = docx.Document(tmp_path / "abc.docx")
    d.paragraphs[1].runs[0].font.name = ".VnTimeH"
    d.save(tmp_path / "abch.docx")
    doc = read_document(tmp_path / "abch.docx")
    assert "BÁO CÁO" in doc.text and doc.notes


def test_docx_vni_font_is_refused(tmp_path):
    with pytest.raises(LegacyEncodingError, match="VNI"):
        read_document(_docx(tmp_path / "vni.docx", ["Phaùt trieån kinh teá"], font="VNI-Times"))


def test_docx_tcvn3_text_in_a_unicode_font_is_detected(tmp_path):
    p = _docx(tmp_path / "x.docx", ["Ph¸t triÓn kinh tÕ - x· héi cña huyÖn, tû lÖ 13,70%"],
              font="Times New Roman")
    with pytest.raises(LegacyEncodingError, match="TCVN3") as exc:
        read_document(p)
    assert exc.value.code == "legacy-encoding" and "x.docx" in str(exc.value)


def test_docx_not_a_zip(tmp_path):
    p = tmp_path / "broken.docx"
    p.write_bytes(b"this is not a word file at all")
    with pytest.raises(DamagedFileError, match="not a ZIP package"):
        read_document(p)


def test_docx_zip_without_a_document(tmp_path):
    p = tmp_path / "other.docx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("hello.txt", "x")
    with pytest.raises(DamagedFileError, match="not a Word document"):
        read_document(p)


def test_docx_truncated(tmp_path):
    whole = _docx(tmp_path / "x.docx", ["Có 5 người."]).read_bytes()
    p = tmp_path / "cut.docx"
    p.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(DamagedFileError):
        read_document(p)


def test_docx_encrypted_and_legacy_doc(tmp_path):
    cfb = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    enc = tmp_path / "secret.docx"
    enc.write_bytes(cfb + "EncryptedPackage".encode("utf-16-le") + b"\0" * 64)
    with pytest.raises(EncryptedFileError, match="password-protected"):
        read_document(enc)
    old = tmp_path / "old.docx"
    old.write_bytes(cfb + "WordDocument".encode("utf-16-le") + b"\0" * 64)
    with pytest.raises(UnsupportedFormatError, match="97-2003"):
        read_document(old)


def test_docx_zip_bomb_refused_unread(tmp_path):
    p = tmp_path / "bomb.docx"
    chunk = b"\0" * (1 << 20)
    with zipfile.ZipFile(p, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            for _ in range(readers.MAX_UNPACKED_BYTES // len(chunk) + 1):
                f.write(chunk)
    assert p.stat().st_size < 2 * 2**20  # small on disk, huge unpacked
    with pytest.raises(TooLargeError, match="zip bomb") as exc:
        read_document(p)
    assert exc.value.code == "too-large"


# ------------------------------------------------------------------ PDF

def _pdf(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    """A PDF from its objects (1-based), with a correct cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R " % (len(objects) + 1) + trailer_extra
              + b">>\nstartxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def _pages_pdf(n: int, trailer_extra: bytes = b"", extra_objects: list[bytes] = ()) -> bytes:
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(n))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n]
    objs += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"] * n
    return _pdf(objs + list(extra_objects), trailer_extra)


def test_pdf_with_too_many_pages_refused(tmp_path):
    p = tmp_path / "long.pdf"
    p.write_bytes(_pages_pdf(readers.MAX_PDF_PAGES + 1))
    with pytest.raises(TooLargeError, match=f"{readers.MAX_PDF_PAGES + 1:,} pages"):
        read_document(p)


def test_pdf_without_text_layer(tmp_path):
    from PIL import Image

    p = tmp_path / "scan.pdf"
    Image.new("L", (200, 100), 255).save(p)
    with pytest.raises(NoTextLayerError, match="OCR") as exc:
        read_document(p)
    assert exc.value.code == "no-text-layer"


def test_pdf_damaged(tmp_path):
    p = tmp_path / "bad.pdf"
    p.write_bytes(b"%PDF-1.4\nnothing here")
    with pytest.raises(DamagedFileError, match="bad.pdf"):
        read_document(p)


def test_pdf_encrypted(tmp_path):
    # the standard security handler with an owner and a user password (no empty password opens it)
    enc = (b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <" + b"11" * 32 + b"> /U <"
           + b"22" * 32 + b"> >>")
    n = 1
    data = _pages_pdf(n, b"/Encrypt %d 0 R /ID [<00112233445566778899aabbccddeeff> "
                         b"<00112233445566778899aabbccddeeff>] " % (3 + n), [enc])
    p = tmp_path / "secret.pdf"
    p.write_bytes(data)
    with pytest.raises(EncryptedFileError, match="password-protected"):
        read_document(p)


# ------------------------------------------------------------------ legacy encodings

def test_tcvn3_table_agrees_with_glibc_iconv():
    iconv = shutil.which("iconv")
    raw = bytes(sorted(legacy.TCVN3))
    try:
        out = subprocess.run([iconv or "iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=raw,
                             capture_output=True, check=True).stdout.decode("utf-8")
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("iconv with TCVN5712-1 not available")
    import unicodedata

    assert unicodedata.normalize("NFC", out) == raw.decode("latin-1").translate(legacy.TCVN3)


def test_the_issue_example_converts():
    assert legacy.tcvn3_to_unicode("Ph¸t triÓn") == "Phát triển"


def test_legacy_8bit_text_file(tmp_path):
    p = tmp_path / "abc.txt"
    p.write_bytes("Ph¸t triÓn kinh tÕ - x· héi cña huyÖn".encode("latin-1"))
    with pytest.raises(LegacyEncodingError, match="TCVN3"):
        read_document(p)
    q = tmp_path / "latin.txt"
    q.write_bytes(b"caf\xe9")  # an 8-bit file that is not Vietnamese: the plain UTF-8 error
    with pytest.raises(ReportReadError, match="not UTF-8 text") as exc:
        read_document(q)
    assert type(exc.value) is ReportReadError


def test_no_legacy_false_alarm_on_unicode_texts():
    texts = [RAW_REPORT, *sorted((RAW_REPORT.parents[2] / "tests" / "corpus").glob("*.md"))]
    assert all(legacy.detect(p.read_text(encoding="utf-8")) is None for p in texts)


# ------------------------------------------------------------------ formats, CLI, folders

def test_unsupported_format_says_what_to_do(tmp_path):
    with pytest.raises(UnsupportedFormatError, match="save it as .docx"):
        read_document(tmp_path / "x.doc")
    assert set(FORMATS) >= {".md", ".txt", ".docx", ".pdf", ".html"}


def test_cli_docx_json_has_locations_and_old_keys(tmp_path, capsys):
    p = _docx(tmp_path / "r.docx", ["Có 27 người, tỷ lệ 13,70% trên tổng số 197 người."])
    assert main(["audit", str(p), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["format"] == "docx"
    claim = out["claims"][0]
    assert {"id", "kind", "line", "status", "basis"} <= set(claim)
    assert claim["location"] == {"line": 1, "paragraph": 1}
    assert main(["audit", str(p), "--format", "csv"]) == 0
    header = capsys.readouterr().out.split("\n")[0]
    assert header.endswith("basis,page,paragraph,table,row,footnote,section")


def test_cli_error_is_one_line_exit_2(tmp_path, capsys):
    p = tmp_path / "scan.pdf"
    from PIL import Image

    Image.new("L", (50, 50), 255).save(p)
    assert main(["audit", str(p)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "scan.pdf" in err and "OCR" in err


def test_folder_picks_up_every_format_skips_lock_files(tmp_path, capsys):
    _docx(tmp_path / "a.docx", ["Có 27 người, tỷ lệ 13,70% trên tổng số 197 người."])
    (tmp_path / "~$a.docx").write_bytes(b"lock")
    (tmp_path / "b.md").write_text("Tinh giản 28/1.752 biên chế, đạt 1,6%.", encoding="utf-8")
    (tmp_path / "c.pdf").write_bytes(b"%PDF-1.4 broken")
    (tmp_path / "d.html").write_text("<p>Có 3/4 hồ sơ, đạt 75%.</p>", encoding="utf-8")
    assert [p.name for p in collect_paths([tmp_path])] == ["a.docx", "b.md", "c.pdf", "d.html"]
    assert main(["audit", str(tmp_path), "--format", "jsonl", "-j", "1", "-q"]) == 0
    rows = [json.loads(ln) for ln in capsys.readouterr().out.splitlines()]
    assert [r.get("format") for r in rows] == ["docx", None, None, "html"]
    assert rows[2]["error_code"] == "damaged"
