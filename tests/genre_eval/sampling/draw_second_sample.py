"""The second sample (seed 20261209): the untouched test part, labellers C and D."""
import random

from common import crawl_candidates, genre_candidates, labelled, write


def main() -> None:
    old = labelled("AB")
    cands = genre_candidates(old, 15000, 3, None)
    want = {'economy': 12, 'health': 2, 'legal': 8, 'news': 12, 'sports': 12, 'statistics-geography': 12}
    rng = random.Random(20261209)
    rows = []
    for g in sorted(want):
        ids = sorted(cands.get(g, []))
        rows += [(d, g) for d in rng.sample(ids, min(want[g], len(ids)))]
    crawl = crawl_candidates(set(), 15000, 3)
    rows += [(d, "official-encyclopedia") for d in rng.sample(crawl, 16)]
    write(rows, "CD")


if __name__ == "__main__":
    main()
