"""The tenth sample (seed 20261217): development texts of the groups left (every sports text left),
under the fifth sample's filter, labellers S and T."""
from common import draw

if __name__ == "__main__":
    draw(20261217, "ABCDEFGHIJKLMNOPQR", {"legal": 10, "sports": 10, "statistics-geography": 12},
         "ST", max_bytes=15000, min_pcts=1, n_crawl=4, crawl_max_bytes=30000, crawl_min_pcts=1)
