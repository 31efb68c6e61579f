"""The third sample (seed 20261210): development, labellers E and F."""
from common import draw

if __name__ == "__main__":
    draw(20261210, "ABCD", {"economy": 9, "health": 0, "legal": 12, "news": 0, "sports": 0, "statistics-geography": 14},
         "EF", max_bytes=15000, min_pcts=3, n_crawl=24)
