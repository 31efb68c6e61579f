"""Benchmark ``parstats build`` against the naive way of executing the notebooks.

On a copy of the project (so the checkout's ``site/`` and cache are not touched), in one run:

(a) naive: ``jupyter nbconvert --to html --execute`` on each notebook in turn;
(b) ``parstats build --force`` (parallel, one new kernel per notebook, site rendered);
(c) ``parstats build`` with nothing changed (everything cached).

(d) warm kernels against one fresh kernel per notebook: the build kept its kernels warm (a
    reset between notebooks) until commit ``WARM_COMMIT``; that commit's project is exported
    with ``git archive`` and its forced build timed both ways (``--fresh-kernels``), so the
    figure that decided to drop the reuse can be measured again in the same run.

Prints the times and the ratios b/a and c/a (targets on a 2-core machine: b/a <= 0.35,
c/a <= 0.05) and d(fresh)/d(warm). Not a test: run it with ``make bench`` or ``python benchmarks/bench_build.py``.
Options: ``--repeat N`` takes the best of N runs of each; ``--fixtures`` uses the small test
notebooks instead of ``notebooks/``; ``--jobs N`` is passed to ``parstats build``.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "notebooks"
#: The last commit whose build reused warm kernels.
WARM_COMMIT = "8a2ae3a"


def copy_project(dest: Path, fixtures: bool, source: Path = ROOT) -> Path:
    if fixtures:
        (dest / "notebooks").mkdir(parents=True)
        for nb in sorted(FIXTURES.glob("*.ipynb.json")):
            shutil.copy(nb, dest / "notebooks" / nb.name.removesuffix(".json"))
        (dest / "data").mkdir()
        (dest / "data" / "a.csv").write_text("name,value\nx,3\ny,5\n", encoding="utf-8")
        (dest / "data" / "b.csv").write_text("name,value\nu,7\nv,2\n", encoding="utf-8")
        return dest
    ignore = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "*.egg-info")
    for name in ("notebooks", "data", "figures", "src"):
        if (source / name).is_dir():
            shutil.copytree(source / name, dest / name, ignore=ignore)
    return dest


def timed(cmd: list[str], env: dict, cwd: Path) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr[-3000:]}")
    return seconds


def build_command(env: dict, cwd: Path) -> list[str]:
    """``python -m parstats.cli build``, or the build module directly if the CLI cannot load."""
    probe = subprocess.run([sys.executable, "-c", "import parstats.cli, parstats.audit"], env=env, cwd=cwd,
                           capture_output=True)
    if probe.returncode == 0:
        return [sys.executable, "-m", "parstats.cli", "build"]
    return [sys.executable, "-c", "import argparse, sys; from parstats.publishing import build; p = argparse.ArgumentParser(); "
            "build.add_arguments(p); sys.exit(build.run(p.parse_args(sys.argv[1:])))"]


def warm_against_fresh(tmp: Path, repeat: int, jobs: list[str]) -> tuple[float, float] | None:
    """Forced builds (no site) of the project at :data:`WARM_COMMIT`: warm kernels, fresh kernels."""
    dest = tmp / "warm"
    dest.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", WARM_COMMIT,
                              "src", "notebooks", "data", "figures"], capture_output=True)
    if archive.returncode != 0:
        print(f"(d) skipped: commit {WARM_COMMIT} not in this clone ({archive.stderr.decode().strip()})")
        return None
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive.stdout, check=True)
    env = dict(os.environ, PARSTATS_ROOT=str(dest), PYTHONPATH=str(dest / "src"))
    env.pop("MPLBACKEND", None)
    cmd = [sys.executable, "-m", "parstats.build", "--force", "--no-site", "--no-validate", *jobs]
    warm = fresh = float("inf")
    for _ in range(repeat):
        warm = min(warm, timed(cmd, env, dest))
        fresh = min(fresh, timed(cmd + ["--fresh-kernels"], env, dest))
    return warm, fresh


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="best of N runs of each measurement")
    parser.add_argument("--fixtures", action="store_true", help="use the small test notebooks")
    parser.add_argument("--jobs", type=int, default=None, help="passed to parstats build")
    parser.add_argument("--root", type=Path, default=ROOT, help="project to copy and benchmark (default: this one)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="parstats-bench-") as tmp:
        root = copy_project(Path(tmp) / "project", args.fixtures, args.root.resolve())
        notebooks = sorted((root / "notebooks").glob("*.ipynb"))
        if not notebooks:
            sys.exit("no notebook in notebooks/: nothing to benchmark (try --fixtures)")
        env = dict(os.environ, PARSTATS_ROOT=str(root))
        if (root / "src" / "parstats").is_dir():
            env["PYTHONPATH"] = str(root / "src")
        env.pop("MPLBACKEND", None)
        jupyter = str(Path(sys.executable).with_name("jupyter"))
        naive_out = Path(tmp) / "naive"
        build = build_command(env, root)
        jobs = (["--jobs", str(args.jobs)] if args.jobs else []) + (["--no-validate"] if args.fixtures else [])
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
        print(f"{len(notebooks)} notebooks, {cores} cores, best of {args.repeat}", flush=True)

        a = b = c = float("inf")
        for _ in range(args.repeat):
            t = 0.0
            for nb in notebooks:
                t += timed([jupyter, "nbconvert", "--to", "html", "--execute", str(nb), "--output-dir", str(naive_out)],
                           env, nb.parent)
            a = min(a, t)
            b = min(b, timed(build + ["--force"] + jobs, env, root))
            c = min(c, timed(build + jobs, env, root))
        # (c) must be a true no-op: check that the last one executed nothing
        out = subprocess.run(build + jobs, env=env, cwd=root, capture_output=True, text=True)
        if f"0 executed, {len(notebooks)} cached" not in out.stderr:
            sys.exit(f"a rebuild with nothing changed still executed something:\n{out.stderr}")

        print(f"(a) nbconvert --execute, one by one : {a:7.2f} s")
        print(f"(b) parstats build --force           : {b:7.2f} s   b/a = {b / a:.3f}  (target <= 0.35)")
        print(f"(c) parstats build, nothing changed  : {c:7.2f} s   c/a = {c / a:.3f}  (target <= 0.05)")
        if not args.fixtures:
            d = warm_against_fresh(Path(tmp), args.repeat, ["--jobs", str(args.jobs)] if args.jobs else [])
            if d is not None:
                warm, fresh = d
                print(f"(d) forced build at {WARM_COMMIT}, no site: warm kernels {warm:6.2f} s, "
                      f"one fresh kernel per notebook {fresh:6.2f} s, fresh/warm = {fresh / warm:.2f}")
        site = root / "site"
        pages = sorted(site.glob("*.html"))
        total = sum(p.stat().st_size for p in pages)
        largest = max(pages, key=lambda p: p.stat().st_size)
        print(f"site: {len(pages)} pages, {total / 1024:.0f} KiB in all; largest {largest.name} "
              f"{largest.stat().st_size / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
