"""What the sampling scripts share: the corpora beside the project, the texts already labelled,
the number of percentages of a text. Run a draw script by hand (``python draw_….py > sample.csv``);
it prints the sample as it was drawn while ``texts.csv`` held the texts labelled before it."""
import csv
import pathlib
import re

HERE = pathlib.Path(__file__).resolve()
GENRES = HERE.parents[4] / "shared" / "corpus-genres"
CRAWL = HERE.parents[4] / "shared" / "corpus"
PCT = re.compile(r"\d+([.,]\d+)?\s*%")
GROUP = {"economy": "economy", "education": "news", "society": "news", "world": "news", "news-other": "news",
         "sports": "sports", "statistics-geography": "statistics-geography", "legal": "legal", "health": "health",
         "science-tech": "news", "culture": "news"}


def labelled(labellers: str) -> set[str]:
    """The documents of ``texts.csv`` read by ``labellers`` (``"AB"`` or a tuple of names: the samples
    before a draw)."""
    with open(HERE.parents[1] / "texts.csv", encoding="utf-8") as fh:
        return {r["doc"] for r in csv.DictReader(fh) if r["labeller"] in labellers}


def write(rows: list[tuple[str, str]], pair: str) -> None:
    """Print the sample as CSV, the texts given to the two labellers of ``pair`` in turn."""
    import sys
    w = csv.writer(sys.stdout)
    w.writerow(["doc", "group", "labeller"])
    for i, (d, g) in enumerate(rows):
        w.writerow([d, g, pair[i % 2]])


def genre_candidates(old: set[str], max_bytes: int, min_pcts: int, groups=None) -> dict[str, list[str]]:
    """corpus-genres texts not in ``old`` of at most ``max_bytes`` with at least ``min_pcts``
    percentages, by genre group."""
    out: dict[str, list[str]] = {}
    with open(GENRES / "sources.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            g = GROUP.get(r["genre"])
            if r["id"] in old or g is None or (groups is not None and g not in groups):
                continue
            b = (GENRES / "texts" / f"{r['id']}.txt").read_bytes()
            if len(b) <= max_bytes and len(PCT.findall(b.decode())) >= min_pcts:
                out.setdefault(g, []).append(r["id"])
    return out


def crawl_candidates(old: set[str], max_bytes: int, min_pcts: int) -> list[str]:
    """Texts of ../shared/corpus not in ``old`` under the same filter, in name order."""
    return [p.stem for p in sorted((CRAWL / "texts").glob("*.md")) if p.stem not in old
            and len(p.read_bytes()) <= max_bytes and len(PCT.findall(p.read_text(encoding="utf-8"))) >= min_pcts]


def draw(seed: int, before: str, want: dict[str, int], pair: str, *, max_bytes: int, min_pcts: int,
         n_crawl: int, crawl_max_bytes: int = 15000, crawl_min_pcts: int = 3, crawl_excludes_old: bool = True) -> None:
    """Draw ``want[group]`` texts of each genre group (sorted groups, ``random.sample`` of the
    sorted candidates) and ``n_crawl`` texts of ../shared/corpus with one ``random.Random(seed)``,
    leaving out the texts of the labellers ``before``; print them for the labellers of ``pair``."""
    import random
    old = labelled(before)
    cands = genre_candidates(old, max_bytes, min_pcts, set(want))
    rng = random.Random(seed)
    rows = []
    for g in sorted(want):
        ids = sorted(cands.get(g, []))
        rows += [(d, g) for d in rng.sample(ids, min(want[g], len(ids)))]
    crawl = crawl_candidates(old if crawl_excludes_old else set(), crawl_max_bytes, crawl_min_pcts)
    rows += [(d, "official-encyclopedia") for d in rng.sample(crawl, n_crawl)]
    write(rows, pair)
