"""The fourteenth sample (seed 20261221): development texts of sports, news, economy and legal
without the percentage filter, drawn after the thirteenth's classes were built; labellers AA and AB
(the letters ran out: ``claims-aa.csv``, ``claims-ab.csv``)."""
from common import draw

if __name__ == "__main__":
    draw(20261221, tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), {"sports": 12, "news": 8, "economy": 2, "legal": 4},
         ("AA", "AB"), max_bytes=15000, min_pcts=0, n_crawl=0, crawl_max_bytes=30000, crawl_min_pcts=1)
