"""The eighth sample (seed 20261215): development texts of the groups left, under the fifth sample's
filter, labellers O and P."""
from common import draw

if __name__ == "__main__":
    draw(20261215, "ABCDEFGHIJKLMN", {"legal": 10, "sports": 12, "statistics-geography": 10},
         "OP", max_bytes=15000, min_pcts=1, n_crawl=10, crawl_max_bytes=30000, crawl_min_pcts=1)
