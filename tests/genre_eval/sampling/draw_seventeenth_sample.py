"""The seventeenth sample (seed 20261224): development texts of sports, news, legal and geography
without the percentage filter, drawn after the sixteenth's classes were built, to measure the
audit on arrival; labellers AG and AH."""
from common import draw

if __name__ == "__main__":
    draw(20261224, tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZ") + ("AA", "AB", "AC", "AD", "AE", "AF"),
         {"sports": 10, "news": 8, "legal": 4, "statistics-geography": 4},
         ("AG", "AH"), max_bytes=15000, min_pcts=0, n_crawl=0, crawl_max_bytes=30000, crawl_min_pcts=1)
