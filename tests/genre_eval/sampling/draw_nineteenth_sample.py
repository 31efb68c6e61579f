"""The nineteenth sample (seed 20261226): development texts of legal and geography with at least
two percentages, and crawl texts of up to 60 KB with one, drawn like the test part (shares,
changes and sums of amounts rather than counts of names), to measure the audit on arrival on
texts of its shape; labellers AK and AL."""
from common import draw

if __name__ == "__main__":
    draw(20261226, tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZ") + ("AA", "AB", "AC", "AD", "AE", "AF", "AG", "AH", "AI", "AJ"),
         {"legal": 10, "statistics-geography": 10},
         ("AK", "AL"), max_bytes=15000, min_pcts=2, n_crawl=6, crawl_max_bytes=60000, crawl_min_pcts=1)
