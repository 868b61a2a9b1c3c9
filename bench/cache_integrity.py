"""What checking the build cache costs a rebuild (issue 16: the cache is signed data, verified).

    .venv/bin/python bench/cache_integrity.py --issues 200     # generate, full build, then measure

A publication of N issues (bench/site.py's generator) is built once; then, in this process and
with the cache warm, each is timed `--runs` times (medians): reading the sources from the signed
JSON cache; verifying every issue's render-cache entry (signed manifest, a `stat` of each file,
no hashing while nothing changed) and listing its files; and a whole rebuild after one article
changed. Prints a Markdown table for docs/benchmarks.md ("Cache integrity").
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def median_ms(fn: object, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--issues", type=int, default=200)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()

    from zhiku.site import build_site, cache, sourcecache

    # bench/site.py's generator ("site" is also the name of a standard module: load it by path).
    spec = importlib.util.spec_from_file_location("bench_site", REPO / "bench" / "site.py")
    assert spec is not None and spec.loader is not None
    bench_site = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench_site)
    generate = bench_site.generate

    out_root = REPO / "bench" / "out"
    pub = generate(out_root / f"integrity-pub-{args.issues}", args.issues)
    site = out_root / f"integrity-site-{args.issues}"
    started = time.perf_counter()
    build_site(pub, site)
    print(f"full build: {time.perf_counter() - started:.1f} s", file=sys.stderr)
    root = pub.absolute()
    keys = json.loads((root / ".zhiku" / "site" / "manifest.json").read_text(encoding="utf-8"))

    def verify_entries() -> int:
        store = cache.IssueCache(root)
        files = 0
        for key in keys.values():
            assert store.entry(key) is not None
            files += len(store.files(key))
        return files

    files = verify_entries()
    read_ms = median_ms(lambda: sourcecache.read_publication(root), args.runs)
    verify_ms = median_ms(verify_entries, args.runs)

    article = sorted(sorted((pub / "issues").iterdir())[args.issues // 2].glob("*.md"))[0]
    rebuilds = []
    for n in range(args.runs):
        edited = article.read_text(encoding="utf-8") + f"\n编者按：第{n}次修订。\n"
        article.write_text(edited, encoding="utf-8")
        t = time.perf_counter()
        build_site(pub, site)
        rebuilds.append(time.perf_counter() - t)
    rebuild_ms = statistics.median(rebuilds[1:] or rebuilds) * 1000  # the first starts from no spare

    print("| issues | entries' files | sources from the cache | verify every entry | rebuild, one change |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    per_file = verify_ms / files * 1000
    print(f"| {args.issues} | {files} | {read_ms:.0f} ms | {verify_ms:.0f} ms ({per_file:.1f} µs a file) "
          f"| {rebuild_ms:.0f} ms |")


if __name__ == "__main__":
    main()
