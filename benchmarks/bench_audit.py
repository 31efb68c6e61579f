"""Throughput of claim extraction plus audit over >= 10 MB of Vietnamese report text.

Concatenates the report and the texts of ``tests/corpus`` until the target size is reached
(each copy separated by a blank line), then times ``audit_text`` (normalisation, paragraphs,
extraction, audit and the shared-total pass) on one core. Not a timed test: run it and report.

    .venv/bin/python benchmarks/bench_audit.py [--mb 10] [--repeat 3]
"""
from __future__ import annotations

import argparse
import time
from collections import Counter

from parstats.audit import audit_text
from parstats.paths import PROJ_ROOT, RAW_REPORT


def corpus_text(target_bytes: int) -> str:
    texts = [RAW_REPORT.read_text(encoding="utf-8")]
    for p in sorted((PROJ_ROOT / "tests" / "corpus").iterdir()):
        if p.suffix in (".md", ".txt") and p.name != "README.md":
            texts.append(p.read_text(encoding="utf-8"))
    unit = "\n\n".join(texts) + "\n\n"
    n = -(-target_bytes // len(unit.encode("utf-8")))
    return unit * n


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=10.0, help="size of the text in MB (default 10)")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs; the best is reported")
    args = ap.parse_args(argv)
    text = corpus_text(int(args.mb * 1_000_000))
    size_mb = len(text.encode("utf-8")) / 1_000_000
    best = float("inf")
    rep = None
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        rep = audit_text(text, source="benchmark")
        best = min(best, time.perf_counter() - t0)
    kinds = Counter(f.claim.kind for f in rep.findings)
    status = Counter(f.status for f in rep.findings)
    print(f"text: {size_mb:.1f} MB, {text.count(chr(10)) + 1:,} lines")
    print(f"claims: {len(rep.findings):,} " + str(dict(kinds)) + " " + str(dict(status)))
    print(f"best of {args.repeat}: {best:.2f} s  ->  {size_mb / best:.1f} MB/s (one core; target >= 5 MB/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
