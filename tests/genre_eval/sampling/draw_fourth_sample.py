"""The fourth sample (seed 20261211): development sports, news and economy texts, labellers G and H."""
import random

from common import crawl_candidates, genre_candidates, labelled, write


def main() -> None:
    old = labelled("ABCDEF")
    cands = genre_candidates(old, 12000, 1, {'economy', 'news', 'sports'})
    want = {'economy': 8, 'news': 10, 'sports': 16}
    rng = random.Random(20261211)
    rows = []
    for g in sorted(want):
        ids = sorted(cands.get(g, []))
        rows += [(d, g) for d in rng.sample(ids, min(want[g], len(ids)))]
    crawl = crawl_candidates(old, 15000, 2)
    rows += [(d, "official-encyclopedia") for d in rng.sample(crawl, 10)]
    write(rows, "GH")


if __name__ == "__main__":
    main()
