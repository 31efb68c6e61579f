"""The twentieth sample (seed 20261227): legal and geography with at least two percentages, and
crawl texts of up to 60 KB, drawn like the test part after the nineteenth's classes were built,
to measure the audit on arrival on texts of the test part's shape; labellers AM and AN."""
from common import draw

if __name__ == "__main__":
    draw(20261227, tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZ") + ("AA", "AB", "AC", "AD", "AE", "AF", "AG", "AH", "AI", "AJ",
                                                          "AK", "AL"),
         {"legal": 10, "statistics-geography": 10},
         ("AM", "AN"), max_bytes=15000, min_pcts=2, n_crawl=4, crawl_max_bytes=60000, crawl_min_pcts=1)
