"""Benchmark the archive build: a publication of many issues made from the example's real text.

    .venv/bin/python bench/site.py --issues 1000            # generate, full build, two one-change rebuilds
    .venv/bin/python bench/site.py --issues 100 --keep      # keep bench/out/ for a look
    .venv/bin/python bench/site.py --issues 1000 --jobs 1   # render in one process

The generator takes the paragraphs and figure blocks of examples/runwaysys and, per issue,
rearranges them into 2–3 articles with new titles, tags and numbers, dated a week apart.
Each build runs in a fresh child process so its peak memory (the process and its children:
Pagefind) is its own. Prints a Markdown table for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "runwaysys"
OUT = REPO / "bench" / "out"
TAGS = ("中美关系", "一带一路", "通货膨胀", "中欧班列", "经贸合作", "全球治理")
FIGURE = (
    "```figure\ntitle: 美国历年通货膨胀率（{start}—{end}年）\nseries: us.cpi_u.inflation.annual\n"
    "from: {start}\nto: {end}\nkind: bar\nsource: 美国劳工统计局（BLS），CPI-U 年均值同比\n```\n"
)


def example_pool() -> tuple[list[str], list[str]]:
    """The example's paragraphs and section headings (headings without their 一、 numbering)."""
    paragraphs: list[str] = []
    headings: list[str] = []
    for md in sorted((EXAMPLE / "issues").glob("*/*.md")):
        body = re.sub(r"\A---\n.*?\n---\n", "", md.read_text(encoding="utf-8"), flags=re.S)
        body = re.sub(r"```figure\n.*?```\n?", "", body, flags=re.S)
        for block in re.split(r"\n\s*\n", body):
            block = block.strip()
            if not block:
                continue
            if block.startswith("#"):
                headings.append(re.sub(r"^#+\s*([一二三四五六七八九十]+、|\d+、)?", "", block).strip())
            elif len(block) > 40:
                paragraphs.append(block)
    return paragraphs, headings


def generate(dst: Path, issues: int, seed: int = 7) -> Path:
    """A publication of ``issues`` issues at ``dst`` (replaced)."""
    if dst.exists():
        shutil.rmtree(dst)
    dst.mkdir(parents=True)
    shutil.copy(EXAMPLE / "zhiku.yml", dst / "zhiku.yml")
    if (EXAMPLE / "data").is_dir():
        shutil.copytree(EXAMPLE / "data", dst / "data")
    paragraphs, headings = example_pool()
    rng = random.Random(seed)
    newest = dt.date(2021, 11, 22)
    for i in range(issues):
        date = newest - dt.timedelta(weeks=i)
        folder = dst / "issues" / date.isoformat()
        folder.mkdir(parents=True)
        names = []
        for a in range(rng.choice((2, 2, 3))):
            slug = f"a{i:04d}-{a + 1}"
            title = f"{rng.choice(headings)}（{issues - i}-{a + 1}）"
            parts = [f"---\ntitle: {title}\nslug: {slug}\ntags: {rng.choice(TAGS)}\n---\n"]
            for s in range(3):
                parts.append(f"## {'一二三'[s]}、{rng.choice(headings)}\n")
                parts.extend(p + "\n" for p in rng.sample(paragraphs, 3))
                if a == 0 and s == 1:  # one figure an issue, over a different span of years
                    start = rng.randrange(1960, 2000)
                    parts.append(FIGURE.format(start=start, end=rng.randrange(start + 10, 2022)))
            name = f"{a + 1:02d}-{slug}.md"
            (folder / name).write_text("\n".join(parts), encoding="utf-8")
            names.append(name)
        listed = "".join(f"- {n}\n" for n in names)
        (folder / "issue.yml").write_text(
            f"date: {date.isoformat()}\nnumber: {issues - i}\narticles:\n{listed}", encoding="utf-8"
        )
    return dst


def child_build(pub: Path, out: Path) -> None:
    """Run in a child process: one build, then a JSON line with its report and peak memory."""
    from zhiku.site import build_site
    from zhiku.site.cache import code_version

    def progress(stage: str, done: int, total: int) -> None:
        if done % 50 == 0 or done == total:
            print(f"{time.strftime('%H:%M:%S')} {stage} {done}/{total}", file=sys.stderr, flush=True)

    jobs = int(os.environ.get("ZHIKU_BENCH_JOBS", "0")) or None
    report = build_site(pub, out, progress=progress, jobs=jobs)
    self_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({
        "seconds": report.seconds, "rendered": len(report.rendered), "reused": len(report.reused),
        "parsed": len(report.parsed),
        "files": report.files, "bytes": report.bytes, "peak_mib": max(self_kib, children_kib) / 1024,
        "timings": report.timings, "articles": report.articles, "code": code_version(),
    }))


def freeze_code() -> Path:
    """A copy of zhiku's code for the builds to import, so that edits to the working tree during a
    long benchmark (others work in it) change neither the code measured nor the cache keys."""
    frozen = OUT / "code"
    if frozen.exists():
        shutil.rmtree(frozen)
    shutil.copytree(REPO / "zhiku", frozen / "zhiku", ignore=shutil.ignore_patterns("__pycache__"))
    return frozen


def run_build(pub: Path, out: Path, code: Path) -> dict[str, object]:
    started = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": str(code)}
    proc = subprocess.run(
        [sys.executable, __file__, "--child", str(pub), str(out)],
        stdout=subprocess.PIPE, stderr=None, text=True, check=False, env=env,
    )
    if proc.returncode != 0:
        sys.exit("build failed (see above)")
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    result["wall"] = time.perf_counter() - started
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--issues", type=int, default=1000)
    ap.add_argument("--keep", action="store_true", help="keep bench/out/ afterwards")
    ap.add_argument("--jobs", type=int, default=0, help="render processes (default: zhiku's default)")
    ap.add_argument("--child", nargs=2, metavar=("PUB", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child_build(Path(args.child[0]), Path(args.child[1]))
        return

    pub = generate(OUT / f"pub-{args.issues}", args.issues)
    site = OUT / f"site-{args.issues}"
    if site.exists():
        shutil.rmtree(site)
    print(f"generated {args.issues} issues in {pub}", file=sys.stderr)
    os.environ["ZHIKU_BENCH_JOBS"] = str(args.jobs)
    frozen = freeze_code()
    full = run_build(pub, site, frozen)
    print(f"full build: {full['seconds']:.1f} s", file=sys.stderr)

    # One article of an issue in the middle of the archive changes: a paragraph is added; then
    # another issue's article. The first rebuild after a full build starts from an empty staging
    # folder (there was no earlier site to keep aside); later ones start from the site the
    # previous build swapped out (the usual case while editing). Both are measured.
    # (If zhiku's own rendering code changed meanwhile, every issue is rightly re-rendered; that is
    # not the measurement wanted, so the change and rebuild are repeated.)
    code = full["code"]
    rebuilds: list[dict[str, object]] = []
    offset = 0
    while len(rebuilds) < 2 and offset < 6:
        middle = sorted((pub / "issues").iterdir())[args.issues // 2 + offset]
        offset += 1
        article = sorted(middle.glob("*.md"))[0]
        edited = article.read_text(encoding="utf-8") + "\n编者按：本文已于发布后修订。\n"
        article.write_text(edited, encoding="utf-8")
        rebuild = run_build(pub, site, frozen)
        if rebuild["code"] != code:
            print("zhiku's code changed during the benchmark; measuring the rebuild again", file=sys.stderr)
            code = rebuild["code"]
            continue
        rebuilds.append(rebuild)

    def timing(r: dict[str, object], key: str) -> float:
        t = r["timings"]
        assert isinstance(t, dict)
        return float(t.get(key, 0.0))

    def detail(r: dict[str, object]) -> str:
        stages = ("read", "keys", "render", "copy", "pages", "search", "finish", "swap")
        return ", ".join(f"{k} {timing(r, k):.2f}" for k in stages)

    print("| issues | articles | full build | output | files | peak memory (full) |")
    print("| --- | --- | --- | --- | --- | --- |")
    print(
        f"| {args.issues} | {full['articles']} | {full['seconds']:.1f} s "
        f"(render {timing(full, 'render'):.1f} s, pages and search {timing(full, 'search'):.1f} s) "
        f"| {int(full['bytes']) / 1_048_576:.0f} MiB | {full['files']} | {full['peak_mib']:.0f} MiB |"  # type: ignore[call-overload]
    )
    print()
    print("| rebuild after one article change | time | rebuild / full | issues parsed / re-rendered "
          "| where the time goes (s; search runs beside copy and pages) | peak memory |")
    print("| --- | --- | --- | --- | --- | --- |")
    names = ("first (after the full build)", "second (from the kept site)")
    for name, r in zip(names, rebuilds, strict=False):
        ratio = float(r["seconds"]) / float(full["seconds"])  # type: ignore[arg-type]
        print(
            f"| {name} | {r['seconds']:.2f} s | {ratio:.1%} | {r['parsed']} / {r['rendered']} "
            f"| {detail(r)} | {r['peak_mib']:.0f} MiB |"
        )
    if not args.keep:
        shutil.rmtree(pub, ignore_errors=True)
        shutil.rmtree(site, ignore_errors=True)
        shutil.rmtree(site.with_name(f".{site.name}.spare"), ignore_errors=True)  # the kept site


if __name__ == "__main__":
    main()
