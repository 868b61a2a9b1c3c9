"""Benchmark the whole cold ``zhiku build`` of the example against Pandoc + Typst.

    .venv/bin/python bench/build_site.py                    # 9 rounds, prints a Markdown section
    .venv/bin/python bench/build_site.py --runs 15 --write  # and writes docs/benchmarks.md's section
    .venv/bin/python bench/build_site.py --baseline ../old  # also times a checkout of an earlier zhiku

zhiku: the command an editor runs, ``zhiku build examples/runwaysys --out …`` (a fresh process,
from its start to its exit), on a copy of the example without ``.zhiku/`` and without an output
folder: the data store, the number check, the figures (drawn natively, the page's and the
phone's chart, and their PNGs), the issue's web, WeChat and PDF pages, the archive pages,
feed, sitemap and the Pagefind index are all made afresh. What does not depend on the sources
stays in the user's cache, as after any earlier build on the machine (the font cuts, the glyph
outlines, the store of the bundled BLS and exchange-rate series, compiled templates); one
build before the rounds fills it.
``--timings`` gives the stages.

Peer: Pandoc + Typst writing the HTML page and the PDF of the same articles (their figures as
ready SVG files, drawn beforehand: Pandoc draws no charts), as ``bench/build_issue.py`` runs
them: ``pandoc`` → HTML, ``pandoc -t typst``, and the .typ compiled cold by a fresh process of
the ``typst`` package with the same Noto CJK fonts. Its time counts the compile as timed inside
that process (Python's start-up and ``import typst``, which the typst binary does not have, left
out: in Pandoc's favour); the whole process is shown beside.

Rounds alternate which side runs first. Wall time is what the user waits for; on the shared
2-core machine it moves with other people's work, so CPU time (user + system of the process and
all its children, ``os.wait4``) is reported beside it, with the load averages.
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import build_issue
import pypandoc  # type: ignore[import-untyped]
from build_issue import TYPST_COLD
from build_issue import prepare as prepare_pandoc_sources
from docsection import write_section

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "runwaysys"
SECTION = "## Whole build / 整站冷构建 (`bench/build_site.py`)"
ZHIKU = Path(sys.executable).parent / "zhiku"

# The stages of ``zhiku build --timings`` shown in the breakdown (English names of its table).
STAGES = (
    "start-up and imports", "reading the sources", "data store", "number check", "figures",
    "pages and PDF (together)", "linking cached files", "archive pages, feed, sitemap",
    "search index (beside the two above)", "permissions and sizes", "swapping the output in",
    "recording the statements",
)
_ROW = re.compile(r"^[│|]\s*(?P<name>.+?)\s*[│|]\s*(?P<value>[\d.]+)\s*[│|]\s*$")


def timed(command: list[str], **kwargs: object) -> tuple[float, float, str]:
    """Run ``command``; its wall seconds, CPU seconds (with its children) and standard error."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=err, **kwargs  # type: ignore[call-overload]
        )
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        err.seek(0)
        text = err.read().decode("utf-8", errors="replace")
    if status != 0:
        raise SystemExit(f"{command[:3]} failed:\n{text[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, text


def stage_times(stderr: str) -> dict[str, float]:
    found: dict[str, float] = {}
    for line in stderr.splitlines():
        m = _ROW.match(line.strip())
        if m:
            name = m.group("name").split(" / ", 1)[-1].strip()
            found[name] = float(m.group("value"))
    return found


def zhiku_cold(pub: Path, out: Path, code: Path | None = None) -> tuple[float, float, dict[str, float]]:
    """The cold build by this zhiku, or by the checkout ``code`` (``python -m zhiku`` with it on
    PYTHONPATH, run from a folder that holds no other zhiku)."""
    for folder in (out, out.with_name(f".{out.name}.spare"), pub / ".zhiku"):
        shutil.rmtree(folder, ignore_errors=True)
    if code is not None:
        env = {**os.environ, "PYTHONPATH": str(code)}
        command = [sys.executable, "-m", "zhiku", "build", str(pub), "--out", str(out)]
        wall, cpu, err = timed(command, env=env, cwd=pub.parent)
        return wall, cpu, {}
    wall, cpu, err = timed([str(ZHIKU), "build", str(pub), "--out", str(out), "--timings"])
    assert (out / "index.html").is_file() and next(out.rglob("*.pdf"), None) is not None
    return wall, cpu, stage_times(err)


def zhiku_again(pub: Path, out: Path) -> tuple[float, float]:
    wall, cpu, _ = timed([str(ZHIKU), "build", str(pub), "--out", str(out)])
    return wall, cpu


def peer(sources: list[Path], font_dirs: list[str]) -> tuple[float, float, float, dict[str, float]]:
    """Pandoc's HTML, its Typst source, and that compiled cold. Returns the time counted (the
    compile as timed in its process), the whole wall time, the CPU time and the parts."""
    pandoc = pypandoc.get_pandoc_path()
    folder = sources[0].parent
    names = [s.name for s in sources]
    common = [pandoc, "-f", "markdown", "--metadata", "title=兰瑞智库政策观察"]
    html = [*common, "-V", "lang=zh-CN", "-s", "-t", "html", "-o", "issue.html", *names]
    font = ["-V", "lang=zh", "-V", "mainfont=Noto Serif CJK SC"]
    typ = [*common, *font, "-s", "-t", "typst", "-o", "issue.typ", *names]
    compile_args = [":".join(font_dirs), str(folder), str(folder / "issue.typ"), str(folder / "issue.pdf")]
    w1, c1, _ = timed(html, cwd=folder)
    w2, c2, _ = timed(typ, cwd=folder)
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", TYPST_COLD, *compile_args], stdout=out)
        _, status, usage = os.wait4(proc.pid, 0)
        w3 = time.perf_counter() - start
        out.seek(0)
        inside = float(out.read().decode().strip().splitlines()[-1])
    assert status == 0
    c3 = usage.ru_utime + usage.ru_stime
    parts = {"html": w1, "to_typst": w2, "typst_inside": inside, "typst_process": w3}
    return w1 + w2 + inside, w1 + w2 + w3, c1 + c2 + c3, parts


def median(values: list[float]) -> float:
    return statistics.median(values)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--write", action="store_true", help="write the section into docs/benchmarks.md")
    parser.add_argument(
        "--baseline", type=Path, help="a checkout of an earlier zhiku, timed in the same rounds"
    )
    args = parser.parse_args()
    baseline = args.baseline.resolve() if args.baseline else None
    if baseline is not None:
        compileall.compile_dir(baseline / "zhiku", quiet=1)  # as installing it would

    from zhiku.render.pdf import cjk_font_dirs

    base = Path(tempfile.mkdtemp(prefix="zhiku-bench-site-"))
    pub = base / "pub"
    shutil.copytree(EXAMPLE, pub, ignore=shutil.ignore_patterns(".zhiku", "_site"))
    out = base / "site"
    # The same publication with its figure blocks taken out: what the build costs without charts.
    bare = base / "bare"
    shutil.copytree(pub, bare)
    for md in bare.glob("issues/*/*.md"):
        text = re.sub(r"```figure\n.*?```\n?", "", md.read_text(encoding="utf-8"), flags=re.S)
        md.write_text(text, encoding="utf-8")
    bare_out = base / "bare-site"
    _, _, sources = prepare_pandoc_sources()  # figures drawn once, as SVG files for Pandoc
    fonts = list(cjk_font_dirs())
    zhiku_cold(pub, out)  # fills the user's cache (font cuts, glyphs) and the OS file cache
    peer(sources, fonts)
    if baseline is not None:
        zhiku_cold(pub, out, baseline)
    b_wall: list[float] = []
    b_cpu: list[float] = []
    n_wall: list[float] = []
    n_cpu: list[float] = []
    load_before = os.getloadavg()
    z_wall: list[float] = []
    z_cpu: list[float] = []
    stages: dict[str, list[float]] = {}
    p_counted: list[float] = []
    p_wall: list[float] = []
    p_cpu: list[float] = []
    p_parts: dict[str, list[float]] = {}
    for i in range(args.runs):
        order = ["zhiku", "peer", "bare", "baseline"] if i % 2 == 0 else ["baseline", "bare", "peer", "zhiku"]
        for side in order:
            if side == "bare":
                wall, cpu, _ = zhiku_cold(bare, bare_out)
                n_wall.append(wall)
                n_cpu.append(cpu)
                continue
            if side == "baseline":
                if baseline is not None:
                    wall, cpu, _ = zhiku_cold(pub, out, baseline)
                    b_wall.append(wall)
                    b_cpu.append(cpu)
                continue
            if side == "zhiku":
                wall, cpu, st = zhiku_cold(pub, out)
                z_wall.append(wall)
                z_cpu.append(cpu)
                for k, v in st.items():
                    stages.setdefault(k, []).append(v)
            else:
                counted, whole, cpu, parts = peer(sources, fonts)
                p_counted.append(counted)
                p_wall.append(whole)
                p_cpu.append(cpu)
                for k, v in parts.items():
                    p_parts.setdefault(k, []).append(v)
    again = [zhiku_again(pub, out) for _ in range(3)]
    load_after = os.getloadavg()
    zw, zc, pw, pwhole, pc = median(z_wall), median(z_cpu), median(p_counted), median(p_wall), median(p_cpu)
    ratio_wall, ratio_cpu = zw / pw, zc / pc
    verdict = "met" if ratio_wall <= 1.0 else "**not met**"
    rows = "\n".join(
        f"| {name} | {median(stages[name]):.3f} |" for name in STAGES if name in stages
    )
    pp = {k: median(v) for k, v in p_parts.items()}
    load = (
        f"{load_before[0]:.1f}, {load_before[1]:.1f}, {load_before[2]:.1f} before and "
        f"{load_after[0]:.1f}, {load_after[1]:.1f}, {load_after[2]:.1f} after"
    )
    wall_row = (
        f"| wall time (what the user waits for) | {zw:.3f} s "
        f"| {pw:.3f} s (whole Typst process: {pwhole:.3f} s) "
        f"| **{ratio_wall:.2f}×** (goal ≤ 1.0×: {verdict}); {zw / pwhole:.2f}× against the whole processes |"
    )
    again_wall, again_cpu = median([w for w, _ in again]), median([c for _, c in again])
    again_row = (
        f"| `zhiku build` again, nothing changed (median of 3) "
        f"| {again_wall:.3f} s wall, {again_cpu:.3f} s CPU | — | — |"
    )

    bare_row = (
        f"| the same cold build with the 3 figure blocks taken out | {median(n_wall):.3f} s wall, "
        f"{median(n_cpu):.3f} s CPU | — | {median(n_wall) / pw:.2f}× wall, {median(n_cpu) / pc:.2f}× CPU |"
    )

    def listed(values: list[float]) -> str:
        return ", ".join(f"{t:.2f}" for t in values)

    before = ""
    if baseline is not None:
        commit = subprocess.run(
            ["git", "-C", str(baseline), "log", "-1", "--format=%h %cs"], capture_output=True, text=True
        ).stdout.strip() or str(baseline)
        bw, bc = median(b_wall), median(b_cpu)
        before = (
            f"\n| the same build by zhiku before (CHECKOUT: {commit}), same rounds | {bw:.3f} s wall, "
            f"{bc:.3f} s CPU | — | after / before: {zw / bw:.2f}× wall, {zc / bc:.2f}× CPU |"
            f"\n\nRuns before, wall (s): {listed(b_wall)}; CPU (s): {listed(b_cpu)}."
        )
    option = " --baseline CHECKOUT" if baseline is not None else ""
    section = f"""
Command: `.venv/bin/python bench/build_site.py --runs {args.runs}{option} --write` — the whole cold
`zhiku build examples/runwaysys` (a fresh process, start to exit, no `.zhiku/` and no output
folder: data store, number check, 3 figures drawn twice each (page and phone, zhiku.figures.draw),
the issue's web, WeChat and PDF pages, archive pages, feed, sitemap, Pagefind) against Pandoc +
Typst writing the HTML page and the PDF of the same two articles (figures given as ready SVG).
{args.runs} rounds, interleaved, alternating which side goes first; medians. Load average (1, 5, 15 min)
{load}: the 2 cores were
shared with other people's builds and tests, so wall times are upper bounds and vary from run
to run; CPU time (user + system of the process and every child) depends on it much less.

| what | zhiku build (cold) | Pandoc + Typst | zhiku / peer |
| --- | ---: | ---: | ---: |
{wall_row}
| CPU time | {zc:.3f} s | {pc:.3f} s | {ratio_cpu:.2f}× |
{again_row}
{bare_row}{before}

Runs, wall (s): zhiku {listed(z_wall)}; Pandoc + Typst {listed(p_counted)}.
Runs, CPU (s): zhiku {listed(z_cpu)}; Pandoc + Typst {listed(p_cpu)}.

Pandoc + Typst's parts (medians): `pandoc` → HTML {pp["html"]:.3f} s,
`pandoc -t typst` {pp["to_typst"]:.3f} s,
the cold Typst compile {pp["typst_inside"]:.3f} s ({pp["typst_process"]:.3f} s for its whole process).

zhiku's stages (`zhiku build --timings`, medians of the same runs; "figures" is drawing the
charts' SVGs with their text outlined; the number check runs in a child forked at the command's
start, which imports the claim engine while the site stage loads (zhiku.site.checkfork), and
"number check" is only the wait for its answer, after the pages; Typst compiles the PDF in one
thread and rasterises the charts' PNGs in another while the main one writes the pages — "pages
and PDF" is that stretch; Pagefind starts on the web pages within it, and the "search index"
row is what is left of it beside the linking and the archive pages):

| stage | s |
| --- | ---: |
{rows}
"""
    print(section)
    if args.write:
        write_section(SECTION, section)
    shutil.rmtree(base, ignore_errors=True)
    shutil.rmtree(build_issue.OUT, ignore_errors=True)


if __name__ == "__main__":
    main()
