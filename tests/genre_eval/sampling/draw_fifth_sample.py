"""The fifth sample (seed 20261212): development texts of the groups the earlier samples left
texts in (economy has none left under the filter), labellers I and J. The filter is looser than
the second sample's (one percentage): the texts with three were all drawn."""
from common import draw

if __name__ == "__main__":
    draw(20261212, "ABCDEFGH", {"health": 2, "legal": 7, "news": 8, "sports": 10, "statistics-geography": 7},
         "IJ", max_bytes=15000, min_pcts=1, n_crawl=10, crawl_min_pcts=1)
