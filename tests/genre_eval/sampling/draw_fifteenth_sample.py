"""The fifteenth sample (seed 20261222): development texts of sports, news and geography without
the percentage filter, drawn after the fourteenth's classes were built, to measure the audit on
arrival; labellers AC and AD."""
from common import draw

if __name__ == "__main__":
    draw(20261222, tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZ") + ("AA", "AB"),
         {"sports": 12, "news": 10, "statistics-geography": 4},
         ("AC", "AD"), max_bytes=15000, min_pcts=0, n_crawl=0, crawl_max_bytes=30000, crawl_min_pcts=1)
