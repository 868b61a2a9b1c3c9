"""Benchmark the sources stage: decoding, importing the seed, reading publications.

Run: ``.venv/bin/python bench/sources.py`` (prints a Markdown section for docs/benchmarks.md).
Reads the seed from ``../shared/seed`` beside the clone.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from zhiku.sources import import_legacy, read_publication, read_text

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "000_d1431f2bc3438f4f.txt"


def timed(fn: Callable[[], object], runs: int) -> float:
    """Median wall time of ``runs`` calls, in milliseconds (after one warm-up call)."""
    fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="zhiku-bench-sources-"))
    try:
        text = SEED.read_text(encoding="utf-8")
        gb = work / "seed-gb18030.txt"
        gb.write_bytes(text.encode("gb18030"))
        rows: list[tuple[str, float]] = []
        rows.append(("read_text, seed UTF-8 (30 KB)", timed(lambda: read_text(SEED), 50)))
        rows.append(("read_text, seed GB18030 (charset-normalizer)", timed(lambda: read_text(gb), 20)))
        rows.append(
            (
                "import_legacy, seed → folder (parse, write, read back, rename)",
                timed(lambda: import_legacy(SEED, work / "out", force=True), 20),
            )
        )
        example = ROOT / "examples" / "runwaysys"
        rows.append(
            ("read_publication, examples/runwaysys (1 issue)", timed(lambda: read_publication(example), 50))
        )
        big = work / "big"
        shutil.copytree(example, big)
        src_issue = big / "issues" / "2021-11-22"
        for n in range(1, 100):
            day = f"2022-{1 + n // 28:02d}-{1 + n % 28:02d}"
            dst = big / "issues" / day
            shutil.copytree(src_issue, dst)
            yml = (dst / "issue.yml").read_text(encoding="utf-8")
            lines = [ln for ln in yml.splitlines() if not ln.startswith(("date:", "weekday:"))]
            (dst / "issue.yml").write_text(f"date: {day}\n" + "\n".join(lines) + "\n", encoding="utf-8")
        rows.append(("read_publication, 100 issues × 2 articles", timed(lambda: read_publication(big), 5)))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("## Sources / 读取与导入 (`bench/sources.py`)\n")
    print("Command: `.venv/bin/python bench/sources.py` (median of repeated runs, after one warm-up).\n")
    print("| operation | median |\n| --- | --- |")
    for name, ms in rows:
        print(f"| {name} | {ms:.1f} ms |")


if __name__ == "__main__":
    main()
