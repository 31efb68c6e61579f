"""``parstats serve`` under load: 20 uploads of the home report at once.

Starts ``parstats serve`` (the command, in a subprocess, on a free port of 127.0.0.1), waits
for its first line, then sends ``--uploads`` uploads of ``data/raw/`` 's report together, one
thread each, and times each from its request to the last line of its answer (every file's
audit and annotated page). Every upload must come back with the audit of ``parstats audit``
(the same number of claims and of inconsistent ones, no error): a failure exits 1. While it
runs, the memory of the server and of its worker processes is sampled from ``/proc`` (the
sum of the resident sets of the whole process tree, every 20 ms; pages the fork server's
children share are counted in each, so the figure is an upper bound); the peak is printed with the median and
95th-percentile times. Not a timed test: run it and report.

    .venv/bin/python benchmarks/bench_serve.py [--uploads 20] [--workers 2]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from parstats.audit import audit_path
from parstats.paths import PROJ_ROOT, RAW_REPORT


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += children.get(p, [])
    return out


def _rss(pid: int) -> int:
    """Resident bytes of ``pid``'s process tree."""
    total = 0
    for p in _tree(pid):
        try:
            total += int(Path(f"/proc/{p}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            pass
    return total


def percentile(values: list[float], q: float) -> float:
    """The ``q``-th percentile (nearest rank).

    >>> percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)
    10
    """
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, -(-len(ordered) * q // 100) - 1))]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--uploads", type=int, default=20, help="uploads sent at once (default 20)")
    ap.add_argument("--workers", type=int, default=2, help="the server's audit processes (default 2)")
    args = ap.parse_args(argv)

    expected = audit_path(RAW_REPORT).counts()
    data = RAW_REPORT.read_bytes()
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "parstats.cli", "serve", "--port", str(port),
                               "--workers", str(args.workers), "--max-files", "5"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=PROJ_ROOT,
                              start_new_session=True)
    peak, sampling = [0], [True]
    try:
        first = server.stdout.readline().strip()
        print(first)
        url = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                httpx.get(url + "/", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.05)

        def sample():
            while sampling[0]:
                peak[0] = max(peak[0], _rss(server.pid))
                time.sleep(0.02)
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()

        def upload(i: int) -> tuple[float, str | None]:
            start = time.perf_counter()
            try:
                r = httpx.post(url + "/api/kiem-tra", files=[("tep", (f"bao-cao-{i:02d}.md", data))], timeout=600)
                lines = [json.loads(x) for x in r.text.splitlines()] if r.status_code == 200 else []
            except httpx.HTTPError as exc:
                return time.perf_counter() - start, f"upload {i}: {exc}"
            elapsed = time.perf_counter() - start
            results = [x for x in lines if x.get("type") == "result"]
            if r.status_code != 200 or len(results) != 1 or lines[-1].get("type") != "done":
                return elapsed, f"upload {i}: HTTP {r.status_code}: {r.text[:200]}"
            row = results[0]
            if row["error"] or row["claims"] != expected["claims"] or \
                    row["inconsistent"] != expected["by_status"]["inconsistent"]:
                return elapsed, f"upload {i}: {row['claims']} claims, {row['inconsistent']} inconsistent, {row['detail']}"
            return elapsed, None

        # the first audit of a worker process pays for its start: warm the pool once, untimed
        upload(-1)
        idle = _rss(server.pid)
        wall = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.uploads) as ex:
            outcomes = list(ex.map(upload, range(args.uploads)))
        wall = time.perf_counter() - wall
        sampling[0] = False
        sampler.join()
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
    times = [t for t, _ in outcomes]
    failures = [e for _, e in outcomes if e]
    print(f"python {platform.python_version()}, {os.cpu_count()} cores, server with {args.workers} audit processes")
    print(f"{args.uploads} uploads of the home report ({len(data) / 1024:.0f} kB, {expected['claims']} claims) at once: "
          f"{args.uploads - len(failures)} answered with the CLI's audit, {len(failures)} failed; all done in {wall:.2f} s")
    print(f"time per upload: median {statistics.median(times):.2f} s, p95 {percentile(times, 95):.2f} s, "
          f"max {max(times):.2f} s")
    print(f"memory of the server and its workers: {idle / 2**20:.0f} MB idle (after one upload), "
          f"peak {peak[0] / 2**20:.0f} MB")
    for f in failures:
        print("FAILED:", f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
