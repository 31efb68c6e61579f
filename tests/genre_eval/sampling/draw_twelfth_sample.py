"""The twelfth sample (seed 20261219): development texts of sports, news and economy WITHOUT the
percentage filter (every earlier draw asked for at least one percentage; a count in words needs
none), labellers W and X."""
from common import draw

if __name__ == "__main__":
    draw(20261219, "ABCDEFGHIJKLMNOPQRSTUV", {"sports": 14, "news": 8, "economy": 4},
         "WX", max_bytes=15000, min_pcts=0, n_crawl=0, crawl_max_bytes=30000, crawl_min_pcts=1)
