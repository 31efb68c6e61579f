"""What a Vietnamese NLP library would cost the audit: underthesea's word segmentation and POS
tagging against the audit itself, on the same texts, one core, in one run.

Issue 16 allowed a well-kept library (underthesea) where finding the noun a number counts needs
more than patterns, provided its cost is measured. It is not a dependency of the project: install
it in a separate environment (``python -m venv /tmp/uts && /tmp/uts/bin/pip install
underthesea==9.5.0 -e .``) and run this script there. Without it the script says so and exits 0.

    python benchmarks/bench_underthesea.py [--texts 60]
"""
from __future__ import annotations

import argparse
import time

from parstats.audit import audit_text
from parstats.paths import PROJ_ROOT

SHARED_TEXTS = PROJ_ROOT.parent / "shared" / "corpus" / "texts"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--texts", type=int, default=60, help="how many corpus texts (by name)")
    args = ap.parse_args(argv)
    try:
        from underthesea import pos_tag, word_tokenize
    except ImportError:
        print("underthesea is not installed here (see the docstring): nothing measured")
        return 0
    texts = [p.read_text(encoding="utf-8") for p in sorted(SHARED_TEXTS.glob("*.md"))][:args.texts]
    mb = sum(len(t.encode()) for t in texts) / 1e6
    rates = {}
    for name, func in (("audit_text", None), ("word_tokenize", word_tokenize), ("pos_tag", pos_tag)):
        t0 = time.process_time()
        for t in texts:
            if func is None:
                audit_text(t)
            else:
                for line in t.split("\n"):
                    if line.strip():
                        func(line)
        dt = time.process_time() - t0
        rates[name] = mb / dt
        print(f"{name:>14}: {mb:.2f} MB in {dt:.2f} s CPU -> {rates[name]:.2f} MB/s")
    for name in ("word_tokenize", "pos_tag"):
        print(f"audit_text is {rates['audit_text'] / rates[name]:.0f} times as fast as {name} alone")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
