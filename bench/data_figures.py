"""Benchmark the data store and figures on the example publication.

Run: ``.venv/bin/python bench/data_figures.py`` (prints a Markdown section for docs/benchmarks.md).
Works on a copy of ``examples/runwaysys`` in a temporary folder; the example is not touched.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from zhiku.data import open_store, store_path
from zhiku.figures import render_article_figures
from zhiku.sources import read_publication

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "runwaysys"


def timed(fn: Callable[[], object], runs: int, setup: Callable[[], object] | None = None) -> float:
    """Median wall time of ``runs`` calls in milliseconds (``setup`` runs untimed before each)."""
    samples = []
    for _ in range(runs):
        if setup is not None:
            setup()
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="zhiku-bench-data-"))
    try:
        pub = work / "runwaysys"
        shutil.copytree(EXAMPLE, pub, ignore=shutil.ignore_patterns(".zhiku"))
        csv = pub / "data" / "china_europe_trains.csv"
        original = csv.read_text(encoding="utf-8")
        flip = [0]

        def drop_store() -> None:
            store_path(pub).unlink(missing_ok=True)

        def touch_csv() -> None:
            flip[0] += 1
            csv.write_text(original + ("\n" * (flip[0] % 2)), encoding="utf-8")

        rows: list[tuple[str, float]] = []
        cold = timed(lambda: open_store(pub).close(), 5, drop_store)
        rows.append(("store, cold build (BLS CPI-U + FX + 2 CSV)", cold))
        rows.append(("store, up to date (fingerprints only)", timed(lambda: open_store(pub).close(), 20)))
        rows.append(("store, one CSV changed", timed(lambda: open_store(pub).close(), 10, touch_csv)))

        issue = read_publication(pub).issues[0]
        store = open_store(pub)
        render_article_figures(issue.articles[0], store)  # warm: glyphs read, resvg loaded
        rows.append(
            ("3 example figures (SVG outlined + PNG), warm process",
             timed(lambda: [render_article_figures(a, store) for a in issue.articles], 5))
        )
        code = (
            "import sys; from pathlib import Path; from zhiku.data import open_store; "
            "from zhiku.figures import render_article_figures; from zhiku.sources import read_publication; "
            "p=Path(sys.argv[1]); s=open_store(p); "
            "[render_article_figures(a, s) for a in read_publication(p).issues[0].articles]"
        )
        rows.append(
            ("3 example figures, fresh process (imports, glyph cache)",
             timed(lambda: subprocess.run([sys.executable, "-c", code, str(pub)], check=True), 3))
        )
        store.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print("| what | median ms |")
    print("| --- | ---: |")
    for name, ms in rows:
        print(f"| {name} | {ms:.0f} |")


if __name__ == "__main__":
    main()
