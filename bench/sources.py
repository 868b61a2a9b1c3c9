"""Benchmark the sources stage: decoding, importing the seed (text and Word), reading publications.

Run: ``.venv/bin/python bench/sources.py`` (prints a Markdown section for docs/benchmarks.md).
Reads the seed from ``../shared/seed`` beside the clone. The Word rows import a 39-page .docx
(the seed's articles three times over, made by bench/docx_readers.py with pandoc) — in process,
and as the whole ``zhiku import`` command a user waits for — against pandoc's own .docx →
Markdown conversion of the same file, the peer an editor would otherwise reach for.
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

from zhiku.sources import import_legacy, read_publication, read_text
from zhiku.sources.importer import import_issue

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


def word_rows(work: Path) -> list[tuple[str, float]]:
    """The 39-page Word briefing: zhiku's import in process and as a command, and pandoc's."""
    sys.path.insert(0, str(ROOT / "bench"))
    import pypandoc
    from docx_readers import thirty_pages

    (work / "docx").mkdir()
    docx = thirty_pages(work / "docx")
    pub = work / "word-pub"

    def command() -> None:
        cmd = [sys.executable, "-m", "zhiku", "import", str(docx), "--into", str(pub), "--force"]
        subprocess.run(cmd, check=True, capture_output=True)

    def pandoc() -> None:
        out = work / "pandoc"
        shutil.rmtree(out, ignore_errors=True)
        cmd = [pypandoc.get_pandoc_path(), str(docx), "-t", "gfm", "-o", str(work / "pandoc.md"),
               f"--extract-media={out}"]  # fmt: skip
        subprocess.run(cmd, check=True, capture_output=True)

    # Interleaved, so both see the same load on a shared machine.
    ours, peer, inproc = [], [], []
    for _ in range(6):
        for samples, fn in (
            (inproc, lambda: import_issue(docx, into=pub, force=True)),
            (ours, command),
            (peer, pandoc),
        ):
            start = time.perf_counter()
            fn()
            samples.append((time.perf_counter() - start) * 1000)
    return [
        ("import_issue, 39-page .docx → issue folder (in process)", statistics.median(inproc[1:])),
        ("`zhiku import` 39-page .docx, whole command (goal < 2 s)", statistics.median(ours[1:])),
        ("`pandoc -t gfm --extract-media` same .docx (peer)", statistics.median(peer[1:])),
    ]


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
        rows.extend(word_rows(work))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("## Sources / 读取与导入 (`bench/sources.py`)\n")
    print("Command: `.venv/bin/python bench/sources.py` (median of repeated runs, after one warm-up).\n")
    print("| operation | median |\n| --- | --- |")
    for name, ms in rows:
        print(f"| {name} | {ms:.1f} ms |")


if __name__ == "__main__":
    main()
