"""The thirteenth sample (seed 20261220): development texts of sports, news and economy without the
percentage filter, as the twelfth, drawn after the twelfth's classes were built; labellers Y and Z."""
from common import draw

if __name__ == "__main__":
    draw(20261220, "ABCDEFGHIJKLMNOPQRSTUVWX", {"sports": 12, "news": 10, "economy": 4},
         "YZ", max_bytes=15000, min_pcts=0, n_crawl=0, crawl_max_bytes=30000, crawl_min_pcts=1)
