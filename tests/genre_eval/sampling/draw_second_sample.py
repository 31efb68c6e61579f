"""The second sample (seed 20261209): the untouched test part, labellers C and D."""
from common import draw

if __name__ == "__main__":
    draw(20261209, "AB", {"economy": 12, "health": 2, "legal": 8, "news": 12, "sports": 12, "statistics-geography": 12},
         "CD", max_bytes=15000, min_pcts=3, n_crawl=16, crawl_excludes_old=False)
