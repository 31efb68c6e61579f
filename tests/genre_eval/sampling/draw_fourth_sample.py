"""The fourth sample (seed 20261211): development sports, news and economy texts, labellers G and H."""
from common import draw

if __name__ == "__main__":
    draw(20261211, "ABCDEF", {"economy": 8, "news": 10, "sports": 16}, "GH", max_bytes=12000, min_pcts=1,
         n_crawl=10, crawl_min_pcts=2)
