"""Benchmark publishing one issue: zhiku against Pandoc, the engine Quarto drives.

    .venv/bin/python bench/build_issue.py               # 5 runs each, prints a Markdown table
    .venv/bin/python bench/build_issue.py --runs 9 --write   # and writes docs/benchmarks.md's section

Both sides get the example issue's two articles (examples/runwaysys) and its figures as ready
SVG files, drawn once beforehand, so neither pays for charting.

- zhiku, cold: a fresh Python process (interpreter start, imports, fonts) that reads the
  publication and runs ``zhiku.render.render_issue`` — HTML pages, WeChat pages, checks.html
  and the Typst PDF.
- Pandoc (``pypandoc-binary``'s pandoc): ``pandoc -s`` → HTML, and ``pandoc -t typst`` → .typ
  compiled by the same ``typst`` package with the same Noto CJK fonts — what Quarto does, so
  a lower bound for Quarto, which cannot be installed from a registry. The compile is cold, as
  the typst CLI that Quarto calls runs it: a fresh process, timed inside it from loading the
  fonts to writing the PDF, so Python's start-up and ``import typst`` (which the typst binary
  does not have) are left out in Pandoc's favour. Typst memoises layout across compiles in one
  process, so a compile in the benchmark's own process would be a warm one; that number is
  shown beside, never in the ratio.
- zhiku, rebuild: ``render_article_update`` for one changed article inside one process, as
  ``zhiku serve`` does (web pages only; the PDF waits for the full build).
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import pickle
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pypandoc  # type: ignore[import-untyped]
import typst
from docsection import write_section

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "runwaysys"
# A private temporary folder: other benchmarks clear bench/out/ when they start.
OUT = Path(tempfile.mkdtemp(prefix="zhiku-bench-issue-"))
SECTION = "## Issue build / 单期出版 (`bench/build_issue.py`)"

# The child runs as a zhiku command does (zhiku.cli.main): the collector tuned for a short run.
CHILD = """
import time
t0 = time.perf_counter()
from zhiku.runtime import end_short_run, start_short_run
start_short_run()
import json, pickle, sys
from pathlib import Path
from zhiku.sources import read_publication
t1 = time.perf_counter()
from zhiku.render import render_issue
t2 = time.perf_counter()
pub = read_publication(Path(sys.argv[1]))
figures = pickle.loads(Path(sys.argv[2]).read_bytes())
t3 = time.perf_counter()
render_issue(pub, pub.issues[0], Path(sys.argv[3]), store=None, findings=[], figures=figures)
t4 = time.perf_counter()
print(json.dumps({"import_sources": t1 - t0, "import_render": t2 - t1, "read": t3 - t2, "render": t4 - t3}))
end_short_run()
"""


def prepare() -> tuple[Path, Path, list[Path]]:
    """Copy the example, draw its figures once (pickled for zhiku, SVG files for Pandoc) and
    write Pandoc's Markdown, where each figure block becomes an image of the same SVG."""
    from zhiku.data import open_store
    from zhiku.figures import render_article_figures
    from zhiku.sources import read_publication

    # Byte-compile zhiku as installing it does (pip writes the .pyc files): a shell with
    # PYTHONDONTWRITEBYTECODE set would otherwise recompile every changed module in every run.
    compileall.compile_dir(REPO / "zhiku", quiet=1)
    pub_root = OUT / "pub"
    shutil.copytree(EXAMPLE, pub_root, ignore=shutil.ignore_patterns(".zhiku", "_site"))
    pub = read_publication(pub_root)
    store = open_store(pub_root)
    figures = {a.slug: render_article_figures(a, store) for a in pub.issues[0].articles}
    store.close()
    pickled = OUT / "figures.pickle"
    pickled.write_bytes(pickle.dumps(figures))
    pandoc_dir = OUT / "pandoc"
    pandoc_dir.mkdir()
    sources: list[Path] = []
    for md in sorted((pub_root / "issues").glob("*/*.md")):
        slug = next(a.slug for a in pub.issues[0].articles if a.source.file.name == md.name)
        counter = iter(range(1, 100))

        def image(match: re.Match[str], slug: str = slug, counter: object = counter) -> str:
            n = next(counter)  # type: ignore[call-overload]
            rf = figures[slug][n - 1]
            svg = pandoc_dir / f"{slug}-{n}.svg"
            svg.write_text(rf.svg, encoding="utf-8")
            return f"![{rf.caption}]({svg.name})\n\n{rf.source_line}\n"

        text = re.sub(r"```figure\n.*?```\n?", image, md.read_text(encoding="utf-8"), flags=re.S)
        target = pandoc_dir / md.name
        target.write_text(text, encoding="utf-8")
        sources.append(target)
    return pub_root, pickled, sources


def zhiku_cold(pub_root: Path, pickled: Path) -> tuple[float, dict[str, float]]:
    out = OUT / "zhiku-site"
    if out.exists():
        shutil.rmtree(out)
    start = time.perf_counter()
    child = [sys.executable, "-c", CHILD, str(pub_root), str(pickled), str(out)]
    done = subprocess.run(child, check=True, capture_output=True, text=True)
    total = time.perf_counter() - start
    return total, json.loads(done.stdout.strip().splitlines()[-1])


TYPST_COLD = """
import sys, time
import typst
start = time.perf_counter()
fonts = typst.Fonts(include_system_fonts=False, font_paths=sys.argv[1].split(":"))
pdf = typst.Compiler(root=sys.argv[2], font_paths=fonts).compile(input=sys.argv[3], format="pdf")
assert isinstance(pdf, bytes) and len(pdf) > 10_000
with open(sys.argv[4], "wb") as fh:
    fh.write(pdf)
print(time.perf_counter() - start)
"""


def pandoc_build(sources: list[Path], font_dirs: list[str]) -> tuple[float, dict[str, float]]:
    """Pandoc's HTML, its Typst source, and that source compiled cold (see the module's doc).
    Returns the total and its parts; the total counts the compile as timed inside its process."""
    pandoc = pypandoc.get_pandoc_path()
    folder = sources[0].parent
    start = time.perf_counter()
    common = [pandoc, "-f", "markdown", "--metadata", "title=兰瑞智库政策观察"]
    names = [s.name for s in sources]
    html = [*common, "-V", "lang=zh-CN", "-s", "-t", "html", "-o", "issue.html", *names]
    subprocess.run(html, cwd=folder, check=True)
    t_html = time.perf_counter()
    # Typst wants a bare language code (zh), not zh-CN.
    font = ["-V", "lang=zh", "-V", "mainfont=Noto Serif CJK SC"]
    typ = [*common, *font, "-s", "-t", "typst", "-o", "issue.typ", *names]
    subprocess.run(typ, cwd=folder, check=True)
    t_typ = time.perf_counter()
    args = [":".join(font_dirs), str(folder), str(folder / "issue.typ"), str(folder / "issue.pdf")]
    cmd = [sys.executable, "-c", TYPST_COLD, *args]
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    end = time.perf_counter()
    typst_cold = float(done.stdout.strip().splitlines()[-1])
    parts = {"html": t_html - start, "to_typst": t_typ - t_html, "typst": typst_cold}
    parts["typst_process"] = end - t_typ
    return t_typ - start + typst_cold, parts


def pandoc_typst_warm(sources: list[Path], font_dirs: list[str]) -> float:
    """For reference only (not in the ratio): Pandoc's .typ compiled again in this benchmark's
    process, which has compiled it before — Typst's memoised layout makes this a warm compile
    (fonts still loaded afresh). Earlier versions of this benchmark used this number."""
    folder = sources[0].parent
    start = time.perf_counter()
    fonts = typst.Fonts(include_system_fonts=False, font_paths=font_dirs)
    compiler = typst.Compiler(root=str(folder), font_paths=fonts)
    pdf = compiler.compile(input=str(folder / "issue.typ"), format="pdf")
    assert isinstance(pdf, bytes) and len(pdf) > 10_000
    return time.perf_counter() - start


def warm_times(pub_root: Path, pickled: Path, runs: int) -> list[float]:
    """The whole issue (HTML + PDF) rendered again in a process that has rendered before: the
    per-issue cost when `zhiku build` renders many issues in one process."""
    from zhiku.render import render_issue
    from zhiku.sources import read_publication

    pub = read_publication(pub_root)
    figures = pickle.loads(pickled.read_bytes())
    out = OUT / "warm-site"
    render_issue(pub, pub.issues[0], out, store=None, findings=[], figures=figures)
    times: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        render_issue(pub, pub.issues[0], out, store=None, findings=[], figures=figures)
        times.append(time.perf_counter() - start)
    return times


def rebuild_times(pub_root: Path, pickled: Path, runs: int) -> list[float]:
    import dataclasses

    from zhiku.model import Paragraph
    from zhiku.render import render_article_update, render_issue
    from zhiku.sources import read_publication

    pub = read_publication(pub_root)
    issue = pub.issues[0]
    figures = pickle.loads(pickled.read_bytes())
    out = OUT / "serve-site"
    render_issue(pub, issue, out, store=None, findings=[], figures=figures)
    times: list[float] = []
    for i in range(runs):
        # An editor changes one paragraph of the second article, as in `zhiku serve`.
        article = issue.articles[1]
        first = next(b for b in article.walk_blocks() if isinstance(b, Paragraph))
        changed_lead = (dataclasses.replace(first, text=first.text + f"（修订{i}）"), *article.blocks[1:])
        changed = dataclasses.replace(article, blocks=changed_lead) if article.blocks else article
        issue2 = dataclasses.replace(issue, articles=(issue.articles[0], changed))
        start = time.perf_counter()
        render_article_update(pub, issue2, changed, out, findings=[], figures=figures)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--write", action="store_true", help="write the table into docs/benchmarks.md")
    args = parser.parse_args()

    from zhiku.render.pdf import cjk_font_dirs

    pub_root, pickled, sources = prepare()
    fonts = list(cjk_font_dirs())
    pandoc_build(sources, fonts)  # warm the OS file cache for both sides
    zhiku_cold(pub_root, pickled)
    z: list[float] = []
    p: list[float] = []
    warm_typst: list[float] = []
    phases: dict[str, list[float]] = {}
    pphases: dict[str, list[float]] = {}
    for _ in range(args.runs):  # interleaved, so both see the same machine load
        total, parts = zhiku_cold(pub_root, pickled)
        z.append(total)
        for k, v in parts.items():
            phases.setdefault(k, []).append(v)
        ptotal, pparts = pandoc_build(sources, fonts)
        p.append(ptotal)
        for k, v in pparts.items():
            pphases.setdefault(k, []).append(v)
        warm_typst.append(pandoc_typst_warm(sources, fonts))
    ph = {k: statistics.median(v) for k, v in phases.items()}
    pp = {k: statistics.median(v) for k, v in pphases.items()}
    wt = statistics.median(warm_typst)
    warm_total = pp["html"] + pp["to_typst"] + wt
    zruns = ", ".join(f"{t:.2f}" for t in z)
    pruns = ", ".join(f"{t:.2f}" for t in p)
    r = rebuild_times(pub_root, pickled, max(20, args.runs * 4))
    w = warm_times(pub_root, pickled, args.runs)
    cli = cli_build_times(pub_root, 3)
    load = os.getloadavg()[0]
    zm, pm, rm, wm = statistics.median(z), statistics.median(p), statistics.median(r), statistics.median(w)
    chars = sum(len(s.read_text(encoding="utf-8")) for s in sources)
    pages = len(re.findall(rb"/Type\s*/Page\b", next((OUT / "zhiku-site").rglob("*.pdf")).read_bytes()))
    verdict = "goal met" if zm / pm <= 0.75 else "**goal missed**"
    table = f"""
Command: `.venv/bin/python bench/build_issue.py --runs {args.runs} --write` — the example issue
(2 articles, {chars:,} characters of Markdown, 3 figures given as ready SVG, a {pages}-page PDF);
medians of {args.runs} interleaved runs, and {len(r)} rebuilds; machine load average {load:.1f}
(the 2 cores are shared, so absolute times vary; the interleaved ratio less so).

| what | zhiku | Pandoc 3 (+ typst) | ratio zhiku / Pandoc |
| --- | ---: | ---: | ---: |
| cold build: web page(s) + print PDF | {zm:.3f} s | {pm:.3f} s | **{zm / pm:.2f}×** (≤ 0.75×: {verdict}) |
| the same in a warm process (per issue of a many-issue build) | {wm:.3f} s | {pm:.3f} s | {wm / pm:.2f}× |
| rebuild of one changed article in one process (`zhiku serve`) | {rm * 1000:.0f} ms | — | goal < 50 ms |

What is timed. zhiku: a fresh Python process, from its start to its exit, that imports zhiku,
reads the publication and runs `render_issue` (with the garbage collector set as the `zhiku`
command sets it, `zhiku.runtime`) — the issue page, one page per article, one WeChat
page per article, checks.html and the PDF. Pandoc: `pandoc` → HTML and `pandoc -t typst`, each a
fresh process, then the .typ compiled cold as the typst CLI that Quarto calls would: a fresh
process, timed inside it from loading the fonts to writing the PDF (Python's start-up, `import
typst` and exit, which the typst binary does not have, are left out: that favours Pandoc).
Pandoc writes one HTML page and one PDF. Runs: zhiku {zruns} s; Pandoc {pruns} s.

Where zhiku's cold build goes (medians): importing `zhiku.sources` {ph["import_sources"]:.3f} s,
importing `zhiku.render` {ph["import_render"]:.3f} s, reading the issue (and unpickling the
figures) {ph["read"]:.3f} s, `render_issue` {ph["render"]:.3f} s; the rest is the interpreter
starting and exiting. Inside `render_issue` the Typst source is written first, then the PDF
compiles in a second thread while the web and WeChat pages render (Typst releases the GIL), so
the render's time is Typst's cold compile. It reads the fonts from zhiku's font cache: the four
Noto CJK SC faces cut to what the issue's text needs — here GB 2312's ideographs and the common
symbols, 11 MB instead of the collections' 30 faces (an issue with rarer characters gets a
larger cut or the whole faces).

Where Pandoc's time goes (medians): `pandoc` → HTML {pp["html"]:.3f} s, `pandoc -t typst`
{pp["to_typst"]:.3f} s, the cold Typst compile {pp["typst"]:.3f} s ({pp["typst_process"]:.3f} s for its
whole process). For reference only: compiled again inside the benchmark's own process, where
Typst's memoised layout from the earlier runs makes it a warm compile, it takes {wt:.3f} s, which
would put Pandoc at {warm_total:.3f} s and the ratio at {zm / warm_total:.2f}× (this benchmark's method
before 2026-11-26's second session, which counted that warm compile as Pandoc's).

The whole `zhiku build` command on the same publication, from a clean output folder and build
cache — the number check, the figures drawn, the issue, the archive pages, the
feed and the Pagefind search index, most of which Pandoc does not do — takes
{statistics.median(cli[0]):.2f} s; run again with nothing changed it takes {statistics.median(cli[1]):.2f} s
(medians of {len(cli[0])} runs).
"""
    print(table)
    if args.write:
        write_section(SECTION, table)
    shutil.rmtree(OUT, ignore_errors=True)


def cli_build_times(pub_root: Path, runs: int) -> tuple[list[float], list[float]]:
    """The whole `zhiku build` CLI on the benchmark's copy: from a clean output folder and build
    cache (numbers checked, figures drawn, every page, the search index), and run again with
    nothing changed (everything reused). A first run fills the data store and the font cache."""
    zhiku = Path(sys.executable).parent / "zhiku"
    out = OUT / "cli-site"
    command = [str(zhiku), "build", str(pub_root), "--out", str(out)]
    subprocess.run(command, check=True, capture_output=True)
    clean: list[float] = []
    again: list[float] = []
    for _ in range(runs):
        for folder in (out, OUT / f".{out.name}.spare", pub_root / ".zhiku" / "site"):
            shutil.rmtree(folder, ignore_errors=True)
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        clean.append(time.perf_counter() - start)
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        again.append(time.perf_counter() - start)
    return clean, again


if __name__ == "__main__":
    main()
