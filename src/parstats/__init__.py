"""parstats: exact parsing, ratios and a consistency audit for a Vietnamese government report."""

__version__ = "0.1.0"
