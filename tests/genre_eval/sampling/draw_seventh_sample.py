"""The seventh sample (seed 20261214): development texts of every group in none of the earlier
samples, under the fifth sample's filter, labellers M and N."""
from common import draw

if __name__ == "__main__":
    draw(20261214, "ABCDEFGHIJKL", {"legal": 8, "news": 4, "sports": 12, "statistics-geography": 8},
         "MN", max_bytes=15000, min_pcts=1, n_crawl=10, crawl_min_pcts=1)
