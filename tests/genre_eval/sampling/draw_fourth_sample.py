"""Fourth sample (seed 20261211, development): sports, news and economy texts not drawn before,
with at least one percentage and at most 12,000 bytes; and 10 more texts of ../shared/corpus."""
import csv, pathlib, random, re, sys


def main() -> None:
    G = pathlib.Path(__file__).resolve().parents[4] / 'shared' / 'corpus-genres'; C = pathlib.Path(__file__).resolve().parents[4] / 'shared' / 'corpus'
    old = {r['doc'] for r in csv.DictReader(open(str(pathlib.Path(__file__).resolve().parents[1] / 'texts.csv')))}
    PCT = re.compile(r'\d+([.,]\d+)?\s*%')
    group = {'economy': 'economy', 'education': 'news', 'society': 'news', 'world': 'news', 'news-other': 'news',
             'sports': 'sports', 'science-tech': 'news', 'culture': 'news'}
    cands = {}
    for r in csv.DictReader(open(G / 'sources.csv')):
        if r['genre'] not in group or r['id'] in old:
            continue
        b = (G / 'texts' / f"{r['id']}.txt").read_bytes()
        if len(b) > 12000 or len(PCT.findall(b.decode())) < 1:
            continue
        cands.setdefault(group[r['genre']], []).append(r['id'])
    rng = random.Random(20261211)
    want = {'sports': 16, 'news': 10, 'economy': 8}
    rows = []
    for g in sorted(want):
        ids = sorted(cands.get(g, []))
        rows += [(d, g) for d in rng.sample(ids, min(want[g], len(ids)))]
    cc = [p.stem for p in sorted((C / 'texts').glob('*.md')) if p.stem not in old and len(p.read_bytes()) <= 15000
          and len(PCT.findall(p.read_text())) >= 2]
    rows += [(d, 'official-encyclopedia') for d in rng.sample(cc, 10)]
    w = csv.writer(sys.stdout)
    w.writerow(['doc', 'group', 'labeller'])
    for i, (d, g) in enumerate(rows):
        w.writerow([d, g, 'G' if i % 2 == 0 else 'H'])
    print({g: len(v) for g, v in cands.items()}, len(cc), file=sys.stderr)


if __name__ == "__main__":
    main()
