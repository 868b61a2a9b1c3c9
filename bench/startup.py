"""Benchmark start-up: how long a fresh process takes for commands that do little work.

Run: ``.venv/bin/python bench/startup.py [--runs N]``. Each command runs in a new process
(``subprocess.run``), one warm-up run first so the OS file cache and ``__pycache__`` are warm;
the median wall time of ``N`` runs is printed as a Markdown table. ``python -X importtime``
shows where the remaining time goes.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "runwaysys"
ZHIKU = Path(sys.executable).parent / "zhiku"

COMMANDS: list[tuple[str, list[str]]] = [
    ("python -c pass (interpreter alone)", [sys.executable, "-c", "pass"]),
    ("zhiku --help", [str(ZHIKU), "--help"]),
    ("zhiku show examples/runwaysys", [str(ZHIKU), "show", str(EXAMPLE)]),
    ("python -c 'import zhiku.cli'", [sys.executable, "-c", "import zhiku.cli"]),
    (
        "python -c 'from zhiku.sources import read_publication'",
        [sys.executable, "-c", "from zhiku.sources import read_publication"],
    ),
]


def timed(argv: list[str], runs: int) -> float:
    """Median wall time of ``runs`` fresh processes, in milliseconds (after one warm-up run)."""
    subprocess.run(argv, check=True, capture_output=True)
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10, help="runs per command (median is reported)")
    args = parser.parse_args()
    print(f"| command (median of {args.runs} fresh processes) | ms |")
    print("|---|---:|")
    for label, argv in COMMANDS:
        print(f"| `{label}` | {timed(argv, args.runs):.0f} |", flush=True)


if __name__ == "__main__":
    main()
