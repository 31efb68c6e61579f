"""Draw the third sample (seed 20261210, development) from corpus-genres and corpus; prints its CSV."""
import csv, pathlib, random, re, sys


def main() -> None:
    """Draw the sample as it was drawn (the texts already in texts.csv at that time excluded)."""
    G = pathlib.Path(__file__).resolve().parents[4] / 'shared' / 'corpus-genres'; C = pathlib.Path(__file__).resolve().parents[4] / 'shared' / 'corpus'
    old = {r['doc'] for r in csv.DictReader(open(str(pathlib.Path(__file__).resolve().parents[1] / 'texts.csv')))}
    PCT = re.compile(r'\d+([.,]\d+)?\s*%')
    group = {'economy':'economy','education':'news','society':'news','world':'news','news-other':'news',
             'sports':'sports','statistics-geography':'statistics-geography','legal':'legal','health':'health',
             'science-tech':'news','culture':'news'}
    cands = {}
    for r in csv.DictReader(open(G/'sources.csv')):
        p = G/'texts'/f"{r['id']}.txt"; b = p.read_bytes()
        if r['id'] in old or len(b) > 15000: continue
        if len(PCT.findall(b.decode())) < 3: continue
        cands.setdefault(group[r['genre']], []).append(r['id'])
    want = {'economy': 9, 'news': 0, 'sports': 0, 'statistics-geography': 14, 'legal': 12, 'health': 0}
    rng = random.Random(20261210)
    rows = []
    for g in sorted(want):
        ids = sorted(cands.get(g, []))
        pick = rng.sample(ids, min(want[g], len(ids)))
        rows += [(d, g) for d in pick]
    # the older crawl (tnt305): encyclopedia articles, official documents, government news
    cc = []
    for p in sorted((C/'texts').glob('*.md')):
        b = p.read_bytes()
        if len(b) > 15000 or len(PCT.findall(b.decode())) < 3: continue
        cc.append(p.stem)
    rows += [(d, 'official-encyclopedia') for d in rng.sample([c for c in cc if c not in old], 24)]
    w = csv.writer(sys.stdout); w.writerow(['doc', 'group', 'labeller'])
    for i, (d, g) in enumerate(rows):
        w.writerow([d, g, 'E' if i % 2 == 0 else 'F'])


if __name__ == "__main__":
    main()
