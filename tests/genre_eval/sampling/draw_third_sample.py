"""The third sample (seed 20261210): development, labellers E and F."""
import random

from common import crawl_candidates, genre_candidates, labelled, write


def main() -> None:
    old = labelled("ABCD")
    cands = genre_candidates(old, 15000, 3, None)
    want = {'economy': 9, 'health': 0, 'legal': 12, 'news': 0, 'sports': 0, 'statistics-geography': 14}
    rng = random.Random(20261210)
    rows = []
    for g in sorted(want):
        ids = sorted(cands.get(g, []))
        rows += [(d, g) for d in rng.sample(ids, min(want[g], len(ids)))]
    crawl = crawl_candidates(old, 15000, 3)
    rows += [(d, "official-encyclopedia") for d in rng.sample(crawl, 24)]
    write(rows, "EF")


if __name__ == "__main__":
    main()
