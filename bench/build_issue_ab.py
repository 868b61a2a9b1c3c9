"""A/B: the cold issue build of bench/build_issue.py for two checkouts of zhiku, interleaved.

    git -C . worktree add /tmp/zhiku-base main   # or: git archive main | tar -x -C /tmp/zhiku-base
    .venv/bin/python bench/build_issue_ab.py /tmp/zhiku-base --runs 15

Both sides run in this virtual environment (the same dependencies); each side's code comes first
on PYTHONPATH. The publication is the example issue (examples/runwaysys, the seed) copied once;
each side draws its figures once with its own code (pickled, as bench/build_issue.py does) and
then the cold child process — imports, reading the publication, ``render_issue`` with the web
pages, WeChat pages and the PDF — runs A, B, A, B … so both see the same machine load. Prints
the medians and the ratio B/A (B is this checkout).
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from build_issue import CHILD
from docsection import write_section

REPO = Path(__file__).resolve().parents[1]
SECTION = "## Issue build, before and after / 单期出版前后对比 (`bench/build_issue_ab.py`)"

PREPARE = """
import pickle, sys
from pathlib import Path
from zhiku.data import open_store
from zhiku.figures import render_article_figures
from zhiku.sources import read_publication
pub = read_publication(Path(sys.argv[1]))
store = open_store(Path(sys.argv[1]))
figures = {a.slug: render_article_figures(a, store) for a in pub.issues[0].articles}
store.close()
Path(sys.argv[2]).write_bytes(pickle.dumps(figures))
"""


def _env(code: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(code)}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("base", type=Path, help="the other checkout (A)")
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--label", default="", help="what A is, for the written section")
    parser.add_argument("--write", action="store_true", help="write the result into docs/benchmarks.md")
    args = parser.parse_args()
    sides = {"A": args.base.resolve(), "B": REPO}
    with tempfile.TemporaryDirectory(prefix="zhiku-ab-") as tmp:
        work = Path(tmp)
        pickles: dict[str, Path] = {}
        pubs: dict[str, Path] = {}
        for name, code in sides.items():
            compileall.compile_dir(code / "zhiku", quiet=1)
            pub = work / f"pub-{name}"
            shutil.copytree(REPO / "examples" / "runwaysys", pub, ignore=shutil.ignore_patterns(".zhiku"))
            pickles[name] = work / f"figures-{name}.pickle"
            pubs[name] = pub
            subprocess.run(
                [sys.executable, "-c", PREPARE, str(pub), str(pickles[name])], check=True, env=_env(code)
            )
        times: dict[str, list[float]] = {"A": [], "B": []}
        for run in range(args.runs + 1):  # the first round warms the OS file cache, not counted
            for name, code in sides.items():
                out = work / f"out-{name}"
                shutil.rmtree(out, ignore_errors=True)
                start = time.perf_counter()
                child = [sys.executable, "-c", CHILD, str(pubs[name]), str(pickles[name]), str(out)]
                done = subprocess.run(child, check=True, capture_output=True, text=True, env=_env(code))
                took = time.perf_counter() - start
                json.loads(done.stdout.strip().splitlines()[-1])
                if run:
                    times[name].append(took)
    a, b = statistics.median(times["A"]), statistics.median(times["B"])
    print(f"A {sides['A']}: median {a:.3f} s  runs {', '.join(f'{t:.3f}' for t in times['A'])}")
    print(f"B {sides['B']}: median {b:.3f} s  runs {', '.join(f'{t:.3f}' for t in times['B'])}")
    print(f"B/A = {b / a:.3f}  (load average {os.getloadavg()[0]:.1f})")
    if args.write:
        write_section(
            SECTION,
            f"""
Command: `.venv/bin/python bench/build_issue_ab.py A_CHECKOUT --runs {args.runs} --write` — the cold
issue build of `bench/build_issue.py` (a fresh process: imports, reading examples/runwaysys, the
web pages, WeChat pages and the PDF; figures drawn beforehand) for two checkouts in one
environment, interleaved A, B, A, B …; medians of {args.runs} runs each, machine load average
{os.getloadavg()[0]:.1f} (2 shared cores: absolute times vary, the interleaved ratio less so).

| checkout | median | runs |
| --- | ---: | --- |
| A: {args.label or sides["A"]} | {a:.3f} s | {", ".join(f"{t:.2f}" for t in times["A"])} |
| B: this checkout | {b:.3f} s | {", ".join(f"{t:.2f}" for t in times["B"])} |

B / A = **{b / a:.2f}×**.
""",
        )


if __name__ == "__main__":
    main()
