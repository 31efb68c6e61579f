"""The sixth sample (seed 20261213): texts of every group in none of the earlier samples, under the
fifth sample's filter, labellers K and L; drawn after the rules of the fifth sample were written
and kept untouched by tuning (split=test)."""
from common import draw

if __name__ == "__main__":
    draw(20261213, "ABCDEFGHIJ", {"health": 2, "legal": 8, "news": 5, "sports": 12, "statistics-geography": 8},
         "KL", max_bytes=15000, min_pcts=1, n_crawl=10, crawl_min_pcts=1)
