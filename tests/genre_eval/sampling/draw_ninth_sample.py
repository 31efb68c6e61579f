"""The ninth sample (seed 20261216): development texts of the groups left, under the fifth sample's
filter, labellers Q and R."""
from common import draw

if __name__ == "__main__":
    draw(20261216, "ABCDEFGHIJKLMNOP", {"legal": 10, "sports": 10, "statistics-geography": 14},
         "QR", max_bytes=15000, min_pcts=1, n_crawl=8, crawl_max_bytes=30000, crawl_min_pcts=1)
