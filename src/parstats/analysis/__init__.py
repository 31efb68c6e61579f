"""The analysis behind the notebooks: display tables, figure style, the targets scoreboard.

Being split into one module per notebook (issue 10); the notebooks' tables and figures are
still :mod:`parstats.themes` and :mod:`parstats.charts`.
"""
