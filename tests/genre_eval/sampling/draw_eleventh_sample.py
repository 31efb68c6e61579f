"""The eleventh sample (seed 20261218): development texts of the two groups with texts left
(legal and statistics-geography), under the fifth sample's filter, labellers U and V."""
from common import draw

if __name__ == "__main__":
    draw(20261218, "ABCDEFGHIJKLMNOPQRST", {"legal": 10, "statistics-geography": 12},
         "UV", max_bytes=15000, min_pcts=1, n_crawl=0, crawl_max_bytes=30000, crawl_min_pcts=1)
