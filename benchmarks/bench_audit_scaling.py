"""Scaling of the audit with the claims of one paragraph, and its throughput over a folder.

Not a timed test: run it and read what it prints (every number comes from this one run).

(a) One long paragraph. Text extracted from a PDF often comes as one paragraph (no blank
    line) holding thousands of claims. The script builds such a paragraph from realistic
    Vietnamese sentences (fraction ratios ``năm 2022 979/17.328 hồ sơ, đạt 5,68%``, counts
    with a share ``Trung cấp có 231 người, tỷ lệ 79,90%``, sums ``58 đơn vị (gồm 51 …; 07
    …)``, changes ``1.563 người, giảm 108 người so với năm 2021, đạt 6,91%``, dates and
    document numbers), with varied numbers: the figures joined by semicolons into one long
    sentence (a table flattened by a PDF extractor), then the sums, dates and documents as
    sentences of their own (``--periods``: every statement ends with a full stop), wrapped
    at 100 columns without a blank line (``--one-line``: not wrapped). It times
    ``audit_text`` (extraction and audit) on paragraphs of about 1,000 and 8,000 claims and
    prints the claims actually extracted, the times and t(8000)/t(1000): 8 is linear; the
    bar is at most 12.

(b) Folder throughput. Over a folder of real texts (``--folder``; by default
    ``../shared/corpus/texts`` next to the project if it exists, else ``tests/corpus``), with
    all cores (one process pool over the files, the same pool for both), it measures

    * a bare pass: read the file, decode UTF-8, NFC-normalise, one ``re.findall`` of the
      numeric tokens; the least any reader of these files has to do;
    * the audit: read the file, decode it and ``audit_text`` it;

    and prints the MB/s of each and the ratio audit/bare (the bar: at least 0.15). Files
    that are not valid UTF-8 are skipped by both and counted. Each is the best of
    ``--repeat`` runs.

    .venv/bin/python benchmarks/bench_audit_scaling.py [--claims 1000 8000] [--one-line] [--periods]
        [--folder DIR] [--processes N] [--repeat 3] [--skip-paragraph] [--skip-folder]
"""
from __future__ import annotations

import argparse
import os
import random
import re
import textwrap
import time
import unicodedata
from multiprocessing import Pool
from pathlib import Path

from parstats.audit import audit_text
from parstats.audit.extraction import extract_claims
from parstats.markdown import split_paragraphs
from parstats.numbers import format_number, format_percent
from parstats.paths import PROJ_ROOT, SHARED_CORPUS

SHARED_TEXTS = SHARED_CORPUS / "texts"
NUMERIC_TOKEN_RE = re.compile(r"[0-9][0-9.,/]*")

UNITS = ("hồ sơ", "thủ tục", "người", "cán bộ", "công chức", "đơn vị", "xã", "hộ")
LEVELS = ("Trung cấp", "Cao đẳng", "Đại học", "Thạc sĩ", "Sơ cấp", "Cao cấp lý luận chính trị")
AGENCIES = ("UBND", "HĐND", "BNV", "BTC", "TTg")


# --------------------------------------------------------------------------------------------
# (a) one long paragraph
# --------------------------------------------------------------------------------------------

def _share(rng: random.Random, part: int, whole: int, decimals: int) -> str:
    """``part/whole`` as a percentage; now and then a little off, as in real reports."""
    value = part * 100 / whole
    if rng.random() < 0.1:
        value += rng.choice((-1, 1)) * 10 ** -decimals
    return format_percent(f"{max(value, 0):.{decimals}f}", decimals)


#: kinds of statement that stand as sentences of their own: sums, dates and documents
OWN_SENTENCE = (2, 4)


def sentences(rng: random.Random):
    """An endless stream of ``(kind, sentence)`` of a report, each with different numbers."""
    while True:
        # records by year come most often (the rows of a table flattened into the text)
        kind = rng.choice((0, 0, 0, 0, 1, 2, 3, 4, 5))
        if kind == 0:  # a fraction with its share
            year = rng.randint(2015, 2024)
            whole = rng.randint(200, 40_000)
            part = rng.randint(1, whole)
            unit = "hồ sơ" if rng.random() < 0.8 else rng.choice(UNITS)
            yield 0, (f"năm {year} giải quyết {format_number(part)}/{format_number(whole)} {unit}, "
                   f"đạt {_share(rng, part, whole, 2)};")
        elif kind == 1:  # a total, then counts with their shares
            whole = rng.randint(100, 3_000)
            a = rng.randint(1, whole // 2)
            b = rng.randint(1, whole - a)
            la, lb = rng.sample(LEVELS, 2)
            yield 1, (f"Tổng số {format_number(whole)} người được đào tạo, trong đó {la} có "
                   f"{format_number(a)} người, tỷ lệ {_share(rng, a, whole, 2)}; {lb} có "
                   f"{format_number(b)} người, tỷ lệ {_share(rng, b, whole, 1)}.")
        elif kind == 2:  # a sum in parentheses
            p1 = rng.randint(2, 90)
            p2 = rng.randint(1, 20)
            total = p1 + p2 + (rng.random() < 0.1)
            yield 2, (f"Toàn huyện có {total:02d} đơn vị (gồm {p1:02d} đơn vị sự nghiệp giáo dục; "
                   f"{p2:02d} đơn vị sự nghiệp thuộc huyện).")
        elif kind == 3:  # a change against an earlier year
            new = rng.randint(500, 9_000)
            d = rng.randint(1, new // 5)
            year = rng.randint(2018, 2022)
            word = rng.choice(("giảm", "tăng"))
            old = new + d if word == "giảm" else new - d
            yield 3, (f"Số biên chế năm {year + 2} là {format_number(new)} người, {word} "
                   f"{format_number(d)} người so với năm {year}, đạt {_share(rng, d, old, 2)}.")
        elif kind == 4:  # a date and a document number
            yield 4, (f"Ngày {rng.randint(1, 28)}/{rng.randint(1, 12)}/{rng.randint(2015, 2024)}, "
                   f"UBND tỉnh ban hành Quyết định số {rng.randint(10, 9_999)}/QĐ-"
                   f"{rng.choice(AGENCIES)} về việc kiện toàn tổ chức bộ máy.")
        else:  # a count with its share of a total stated after it
            whole = rng.randint(50, 2_000)
            part = rng.randint(1, whole)
            yield 5, (f"Có {format_number(part)} cán bộ, chiếm {_share(rng, part, whole, 2)} trên "
                   f"tổng số {format_number(whole)} cán bộ của huyện.")


def paragraph(n_sentences: int, seed: int, one_line: bool, periods: bool = False) -> str:
    """``n_sentences`` statements in one paragraph.

    By default the figures (fractions, shares, changes) are joined by semicolons into one
    long sentence (the rows of a table flattened by a PDF extractor), followed by the sums,
    dates and documents as sentences of their own; with ``periods`` every statement is a
    sentence, in the order drawn.
    """
    rng = random.Random(seed)
    gen = sentences(rng)
    items = [next(gen) for _ in range(n_sentences)]
    if periods:
        body = " ".join(s for _, s in items)
    else:
        run = "; ".join(s.rstrip(".;") for k, s in items if k not in OWN_SENTENCE)
        body = " ".join([run + "."] + [s for k, s in items if k in OWN_SENTENCE])
    # no line of the wrapped text looks like a list item (none starts with "- " or "1. ")
    text = "Kết quả thực hiện: " + body
    if one_line:
        return text + "\n"
    return "\n".join(textwrap.wrap(text, width=100, break_on_hyphens=False)) + "\n"


def paragraph_of(claims: int, seed: int, one_line: bool, periods: bool) -> str:
    """A paragraph of about ``claims`` claims (the rate measured on a sample of statements)."""
    sample = 400
    rate = len(extract_claims(paragraph(sample, seed, one_line, periods))) / sample
    return paragraph(max(1, round(claims / rate)), seed, one_line, periods)


def bench_paragraph(sizes: list[int], one_line: bool, periods: bool) -> None:
    shape = "short sentences" if periods else "figures in one long sentence"
    print(f"(a) one paragraph of many claims ({shape}): audit_text (extraction and audit)")
    times = {}
    for size in sizes:
        text = paragraph_of(size, seed=size, one_line=one_line, periods=periods)
        n_paras = len(split_paragraphs(text))
        t0 = time.perf_counter()
        rep = audit_text(text, source="benchmark")
        dt = time.perf_counter() - t0
        times[size] = dt
        print(f"  ~{size:>6,} claims: {len(rep.findings):>6,} extracted, {len(text.encode()) / 1e6:.2f} MB, "
              f"{text.count(chr(10)):,} lines, {n_paras} paragraph(s): {dt:8.2f} s")
    if len(sizes) >= 2:
        lo, hi = sizes[0], sizes[-1]
        print(f"  t({hi})/t({lo}) = {times[hi] / times[lo]:.1f}  "
              f"(linear: {hi / lo:.0f}; the bar: at most {hi / lo * 1.5:.0f})")


# --------------------------------------------------------------------------------------------
# (b) folder throughput
# --------------------------------------------------------------------------------------------

def _decode(path: str) -> tuple[int, str | None]:
    data = Path(path).read_bytes()
    try:
        return len(data), data.decode("utf-8")
    except UnicodeDecodeError:
        return len(data), None


def bare_one(path: str) -> tuple[int, int]:
    """(bytes, numeric tokens) of one file; bytes -1 when it is not UTF-8."""
    size, text = _decode(path)
    if text is None:
        return -1, 0
    return size, len(NUMERIC_TOKEN_RE.findall(unicodedata.normalize("NFC", text)))


def audit_one(path: str) -> tuple[int, int]:
    """(bytes, claims) of one file; bytes -1 when it is not UTF-8."""
    size, text = _decode(path)
    if text is None:
        return -1, 0
    return size, len(audit_text(text, source=path).findings)


def _noop(x):
    return x


def _timed(pool: Pool, func, files: list[str]) -> tuple[float, int, int, int]:
    t0 = time.perf_counter()
    results = pool.map(func, files, chunksize=1)
    dt = time.perf_counter() - t0
    ok = [(b, n) for b, n in results if b >= 0]
    return dt, sum(b for b, _ in ok), sum(n for _, n in ok), len(results) - len(ok)


def bench_folder(folder: Path, processes: int, repeat: int) -> None:
    files = sorted(str(p) for p in folder.iterdir()
                   if p.is_file() and p.suffix in (".md", ".txt") and p.name != "README.md")
    # largest first, so that no long file starts last and keeps one core busy alone
    files.sort(key=lambda p: -os.path.getsize(p))
    for p in files:  # both passes read from the page cache
        Path(p).read_bytes()
    print(f"(b) folder throughput: {len(files)} files in {folder}, {processes} processes")
    with Pool(processes) as pool:
        pool.map(_noop, range(processes * 4))  # the workers are started before any timing
        pool.map(audit_one, files[:processes], chunksize=1)  # and have imported parstats
        best = {"bare": float("inf"), "audit": float("inf")}
        info = {}
        for _ in range(repeat):
            for name, func in (("bare", bare_one), ("audit", audit_one)):
                dt, size, n, skipped = _timed(pool, func, files)
                best[name] = min(best[name], dt)
                info[name] = (size, n, skipped)
    size, tokens, skipped = info["bare"]
    mb = size / 1e6
    print(f"  {mb:.2f} MB of UTF-8 text; {skipped} file(s) skipped as not UTF-8")
    bare = mb / best["bare"]
    audit = mb / best["audit"]
    print(f"  bare pass (read, decode, NFC, findall: {tokens:,} numeric tokens): "
          f"{best['bare']:.3f} s -> {bare:8.1f} MB/s")
    print(f"  audit ({info['audit'][1]:,} claims):{'':>38}{best['audit']:.3f} s -> {audit:8.1f} MB/s")
    print(f"  ratio audit/bare = {audit / bare:.3f}  (the bar: at least 0.15); best of {repeat}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, nargs="+", default=[1000, 8000],
                    help="claims of the long paragraphs (default 1000 8000)")
    ap.add_argument("--one-line", action="store_true", help="the paragraph on one line (not wrapped)")
    ap.add_argument("--periods", action="store_true",
                    help="end each statement with a full stop (default: one long sentence)")
    default_folder = SHARED_TEXTS if SHARED_TEXTS.is_dir() else PROJ_ROOT / "tests" / "corpus"
    ap.add_argument("--folder", type=Path, default=default_folder,
                    help=f"folder of texts (default {default_folder})")
    ap.add_argument("--processes", type=int, default=os.cpu_count() or 1,
                    help="processes of the pool (default: all cores)")
    ap.add_argument("--repeat", type=int, default=5, help="runs of each folder pass; the best is kept")
    ap.add_argument("--skip-paragraph", action="store_true", help="only the folder throughput")
    ap.add_argument("--skip-folder", action="store_true", help="only the long paragraphs")
    args = ap.parse_args(argv)
    if not args.skip_paragraph:
        bench_paragraph(sorted(args.claims), args.one_line, args.periods)
    if not args.skip_folder:
        bench_folder(args.folder, args.processes, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
