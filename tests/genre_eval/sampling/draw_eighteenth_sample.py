"""The eighteenth sample (seed 20261225): development texts of sports, news, legal and geography
without the percentage filter, drawn after the seventeenth's classes were built, to measure the
audit on arrival; labellers AI and AJ."""
from common import draw

if __name__ == "__main__":
    draw(20261225, tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZ") + ("AA", "AB", "AC", "AD", "AE", "AF", "AG", "AH"),
         {"sports": 12, "news": 3, "legal": 5, "statistics-geography": 6},
         ("AI", "AJ"), max_bytes=15000, min_pcts=0, n_crawl=0, crawl_max_bytes=30000, crawl_min_pcts=1)
