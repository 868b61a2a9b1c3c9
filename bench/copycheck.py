"""What the copy check and the cross-issue memory add to `zhiku check` on the benchmark issue.

The benchmark issue is bench/check.py's: the generated corpus's first articles, ≥ 30,000
characters, one issue folder in a publication. Measured in one go, interleaved, medians:

- the whole command a user waits for: `zhiku check --json ISSUE` (numbers, archive, copy)
  against `zhiku check --json --no-copy ISSUE`, each in a fresh process, alternating;
- in-process on one core (the issue already read): `check_issue` alone, and the copy check
  (`check_copy_text` on each article's source, already read) and the archive comparison
  (`check_paths_against_archive`) beside it.

    .venv/bin/python bench/copycheck.py            # measure and print
    .venv/bin/python bench/copycheck.py --record   # …and write docs/benchmarks.md's section
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import time

import check as corpus
from docsection import write_section

HEADING = "## Copy check and archive memory / 文字检查与跨期记忆 (`bench/copycheck.py`)"


def whole_command(folder: str, runs: int) -> tuple[float, float]:
    """Medians of the whole `zhiku check` process without and with the copy check, alternating."""
    without, with_copy = [], []
    for _ in range(runs):
        for flags, out in (["--no-copy"], without), ([], with_copy):
            t0 = time.perf_counter()
            r = subprocess.run(
                [sys.executable, "-m", "zhiku", "check", "--json", *flags, folder],
                capture_output=True,
                text=True,
            )
            out.append(time.perf_counter() - t0)
            if r.returncode not in (0, 1):
                raise SystemExit(r.stderr)
    return statistics.median(without), statistics.median(with_copy)


def in_process(repeats: int) -> tuple[float, float, float, int]:
    from zhiku.claims import check_issue
    from zhiku.claims.copy import article_files, check_copy_paths, check_copy_text, house_style_for
    from zhiku.claims.facts import FactTable
    from zhiku.claims.memory import check_paths_against_archive
    from zhiku.data import open_store
    from zhiku.sources import read_issue, read_text

    big = corpus.OUT / "issues" / "2099-01-05"
    store = open_store(corpus.OUT)
    issue = read_issue(big)
    tables: list[FactTable] = []
    check_issue(issue, store, keep=tables)
    copy_findings = check_copy_paths([big])  # warm: autocorrect loaded, patterns compiled
    check_paths_against_archive([big], tables)
    # Like check_issue's issue, the copy check's texts are read beforehand: both time the checking.
    style = house_style_for(big)
    texts = [(f, read_text(f)) for f, _ in article_files(big)]
    numbers, copy, archive = [], [], []
    for _ in range(repeats):
        t0 = time.perf_counter()
        tables = []
        check_issue(issue, store, keep=tables)
        t1 = time.perf_counter()
        for f, text in texts:
            check_copy_text(text, f, style=style)
        t2 = time.perf_counter()
        check_paths_against_archive([big], tables)
        t3 = time.perf_counter()
        numbers.append(t1 - t0)
        copy.append(t2 - t1)
        archive.append(t3 - t2)
    return statistics.median(numbers), statistics.median(copy), statistics.median(archive), len(copy_findings)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=9, help="whole-command runs of each kind")
    ap.add_argument("--record", action="store_true", help="write this section of docs/benchmarks.md")
    args = ap.parse_args()
    load_before = os.getloadavg()[0]
    corpus.write_corpus(60, 10, random.Random(6))
    big, chars, names = corpus.one_issue()
    try:
        without, with_copy = whole_command(str(big), args.runs)
        if hasattr(os, "sched_setaffinity"):
            os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
        numbers, copy, archive, found = in_process(15)
    finally:
        shutil.rmtree(corpus.OUT.parent, ignore_errors=True)
    added = with_copy / without - 1
    lines = [
        HEADING,
        "",
        "Command: `.venv/bin/python bench/copycheck.py --record` (the benchmark issue of bench/check.py: "
        f"{chars:,} characters, {len(names)} articles; random seed 6).",
        "",
        "| measure | result |",
        "| --- | --- |",
        f"| `zhiku check --json ISSUE`, whole process, median of {args.runs} (alternating with the next) | "
        f"{with_copy * 1000:.0f} ms |",
        f"| `zhiku check --json --no-copy ISSUE`, the same | {without * 1000:.0f} ms |",
        f"| **what the copy check adds to the command** (goal < 20%) | **{added:+.1%}** |",
        f"| in-process, one core, median of 15: `check_issue` (numbers) | {numbers * 1000:.0f} ms |",
        f"| the copy check of the same issue (`check_copy_text` on each article's text, {found} findings) | "
        f"{copy * 1000:.1f} ms (**{copy / numbers:.1%}** of the number check) |",
        f"| the archive comparison (`check_paths_against_archive`) | {archive * 1000:.1f} ms |",
        "",
        f"Load average while measuring: {load_before:.1f} before, {os.getloadavg()[0]:.1f} after "
        "(2 cores shared with other jobs: the whole-command runs alternate so that both kinds see the "
        "same load, and the medians are compared). The whole command also includes Python start-up, "
        "reading the issue and opening the data store, the same for both.",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if args.record:
        write_section(HEADING, "\n".join(lines[2:]))


if __name__ == "__main__":
    main()
