"""How a zhiku command runs as a process: the garbage collector tuned for a short run.

A build reads a whole publication and keeps it — articles, templates, fonts — until it exits.
Python's cyclic collector, left at its default (a pass every 700 net allocations), walks those
long-lived objects again and again, and at exit it walks them once more before freeing them.
Measured on the example issue in a fresh process (bench/build_issue.py's child, 13 interleaved
runs): 0.243 s as Python starts, 0.222 s with the freeze at the end alone, 0.218 s with both.
The thresholds stay moderate because a big build holds a lot: on 1,000 issues (bench/site.py)
the largest process peaks at 358 MiB with them against 348 MiB without, where a threshold of
100,000 made it 451 MiB.
"""

from __future__ import annotations

import gc

# A first-generation pass every 10,000 net allocations instead of 700; the older generations
# as often relative to it as by default.
_THRESHOLDS = (10_000, 10, 10)


def start_short_run() -> None:
    """Call once, first thing, in a process that runs one zhiku command or a render worker."""
    gc.set_threshold(*_THRESHOLDS)


def end_short_run() -> None:
    """Call last: what is alive now lives until exit, so the exit's collection can skip it."""
    gc.freeze()
