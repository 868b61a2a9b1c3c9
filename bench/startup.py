"""Benchmark start-up: how long a fresh process takes for commands that do little work.

Run: ``.venv/bin/python bench/startup.py [--runs N] [--write]``. zhiku is byte-compiled first,
as installing it does; each command runs in a new process (``subprocess.run``), one warm-up run
first so the OS file cache is warm; the median wall time of ``N`` runs is printed as a Markdown
table (``--write`` puts it into docs/benchmarks.md). ``python -X importtime`` shows where the
remaining time goes. No issue names a peer for start-up: the interpreter alone is the floor.
"""

from __future__ import annotations

import argparse
import compileall
import statistics
import subprocess
import sys
import time
from pathlib import Path

from docsection import write_section

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
    parser.add_argument("--write", action="store_true", help="write the table into docs/benchmarks.md")
    args = parser.parse_args()
    compileall.compile_dir(ROOT / "zhiku", quiet=1)
    lines = [f"| command (median of {args.runs} fresh processes) | ms |", "|---|---:|"]
    for label, argv in COMMANDS:
        lines.append(f"| `{label}` | {timed(argv, args.runs):.0f} |")
        print(lines[-1], flush=True)
    if args.write:
        table = "\n".join(lines)
        text = f"Command: `.venv/bin/python bench/startup.py --runs {args.runs} --write`.\n\n{table}\n"
        write_section(SECTION, text)


SECTION = "## Start-up / 启动 (`bench/startup.py`)"


if __name__ == "__main__":
    main()
