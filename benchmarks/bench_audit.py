"""Throughput of claim extraction plus audit over >= 10 MB of Vietnamese report text.

Concatenates the report and the texts of ``tests/corpus`` until the target size is reached
(each copy separated by a blank line), then times ``audit_text`` (normalisation, paragraphs,
extraction, audit and the shared-total pass) on one core. Not a timed test: run it and report.

One core: the work runs in this process's one thread (no threads or subprocesses are
started; the script checks that only one thread exists). Besides the best wall-clock time it
prints the CPU time of the same run: CPU time close to the wall time means one core was busy
the whole time; a CPU time well below it means the machine was busy with something else.
The garbage-collector setting is the library's own (``audit_text`` pauses the cyclic
collector while it runs, as it does for every caller); the script does not change it.

    .venv/bin/python benchmarks/bench_audit.py [--mb 10] [--repeat 3]
"""
from __future__ import annotations

import argparse
import platform
import threading
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
    best = best_cpu = float("inf")
    rep = None
    for _ in range(args.repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        rep = audit_text(text, source="benchmark")
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        if wall < best:
            best, best_cpu = wall, cpu
    threads = threading.active_count()
    if threads != 1:
        raise SystemExit(f"expected one thread, found {threads}: not a one-core measurement")
    kinds = Counter(f.claim.kind for f in rep.findings)
    status = Counter(f.status for f in rep.findings)
    print(f"text: {size_mb:.1f} MB, {text.count(chr(10)) + 1:,} lines")
    print(f"claims: {len(rep.findings):,} " + str(dict(kinds)) + " " + str(dict(status)))
    print(f"process: one thread (Python {platform.python_version()}); best run: wall {best:.2f} s, "
          f"CPU {best_cpu:.2f} s")
    print(f"best of {args.repeat}: {best:.2f} s  ->  {size_mb / best:.1f} MB/s "
          f"(one core; target >= 5 MB/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
