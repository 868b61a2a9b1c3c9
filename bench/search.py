"""Benchmark the archive's Chinese search: Pagefind's word segmentation against zhiku's bigrams.

    .venv/bin/python bench/search.py --issues 1000            # print the tables
    .venv/bin/python bench/search.py --issues 1000 --write    # and write docs/benchmarks.md's section
    .venv/bin/python bench/search.py --issues 100 --keep      # keep bench/out/ for a look

The archive is bench/site.py's (the example's paragraphs rearranged into 1,000 weekly issues,
2,366 articles), built once with ``zhiku build`` (its render cache makes a second run quick).
Its article pages are then indexed twice, in yearly shards as the site does:

- ``words``: what zhiku did before — each article page's ``<main>`` (navigation and footer
  excluded), language zh-cn, so Pagefind segments with jieba (charabia) when indexing and the
  browser's Intl.Segmenter when searching;
- ``bigrams``: what zhiku does now (zhiku.site.searchtext): the title and body, Chinese as
  overlapping character bigrams, language und; the query is cut the same way and searched as a
  phrase, as site-assets/search.js does.

Both are searched in Debian's Chromium (headless, through Playwright) from a page served on
127.0.0.1, with the twenty queries of tests/test_browser_search.py: the time until a query's
first ten results are loaded (what a reader waits for), the first query including loading the
engine and merging the shards, and what was downloaded. Rounds alternate the two methods (a
fresh browser each time, so nothing is cached) and the medians are reported. Each query's
expected pages are those whose title or body (as zhiku.site.searchtext reads the page) holds it.
"""

from __future__ import annotations

import argparse
import functools
import html as htmllib
import http.server
import importlib.util
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "bench" / "out"
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "bench"))

QUERIES = (
    "中欧班列",
    "班列",
    "欧班",
    "高质量发展",
    "质量发展",
    "高质量",
    "元首会晤",
    "美元首",
    "通货膨胀",
    "膨胀",
    "供应链危机",
    "应链危",
    "命运共同体",
    "共同体",
    "数字丝路",
    "丝路建设",
    "对外承包工程",
    "承包工程",
    "人类卫生健康",
    "卫生健康",
)
RUNTIME = (".js", ".css", ".pagefind")  # Pagefind's own code in each shard, the same for both
BUILD = "import sys\nfrom zhiku.site import build_site\nbuild_site(sys.argv[1], sys.argv[2])"


def _bench_site() -> object:
    """bench/site.py as a module (its name would shadow the standard library's ``site``)."""
    spec = importlib.util.spec_from_file_location("bench_site", REPO / "bench" / "site.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_archive(issues: int) -> tuple[Path, Path]:
    pub = OUT / f"search-pub-{issues}"
    site = OUT / f"search-site-{issues}"
    bench_site = _bench_site()
    if not (pub / "zhiku.yml").is_file():
        bench_site.generate(pub, issues)  # type: ignore[attr-defined]
    # The committed code (HEAD) builds the site, in a process of its own: edits in the working
    # tree during the minutes of a full build cannot change it half-way.
    frozen = OUT / "search-code"
    shutil.rmtree(frozen, ignore_errors=True)
    frozen.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", "HEAD", "zhiku"], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(frozen)], input=archive, check=True)
    t = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", BUILD, str(pub), str(site)],
        check=True,
        env={**os.environ, "PYTHONPATH": str(frozen)},
        cwd=frozen,  # not the repo: '' is first
    )
    print(f"built {site} in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    return pub, site


def article_pages(pub: Path) -> list[tuple[str, str, str]]:
    """(page path in the site, title, year) of every article."""
    from zhiku.sources import read_publication

    publication = read_publication(pub)
    return [
        (f"{i.date.isoformat()}/{a.slug}.html", a.title, str(i.date.year))
        for i in publication.issues
        for a in i.articles
    ]


def words_document(page_html: str, title: str) -> str:
    """The page as zhiku gave it to Pagefind before the bigrams: the title as a meta element at
    the start of <main>."""
    meta = f'<span data-pagefind-meta="title" hidden>{htmllib.escape(title)}</span>'
    m = re.search(r"<main\b[^>]*>", page_html)
    return page_html if m is None else page_html[: m.end()] + meta + page_html[m.end() :]


def index_words(bundle: Path, site: Path, pages: list[tuple[str, str, str]]) -> None:
    from zhiku.site.search import pagefind_binary

    with tempfile.TemporaryDirectory(prefix="bench-pagefind-") as tmp:
        work = Path(tmp)
        for rel, title, _ in pages:
            target = work / "site" / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            page = (site / rel).read_text(encoding="utf-8")
            target.write_text(words_document(page, title), encoding="utf-8")
        config = {
            "site": str(work / "site"),
            "output_path": str(bundle),
            "force_language": "zh-cn",
            "root_selector": "main",
            "exclude_selectors": ["nav", "footer", "[data-pagefind-ignore]"],
        }
        (work / "pagefind.json").write_text(json.dumps(config), encoding="utf-8")
        subprocess.run([str(pagefind_binary())], cwd=work, check=True, capture_output=True)


def index_bigrams(bundle: Path, site: Path, pages: list[tuple[str, str, str]]) -> None:
    from zhiku.site.search import SearchPage, index_pages

    index_pages(bundle, site, [SearchPage(rel, title, year) for rel, title, year in pages])


METHODS = {"words": index_words, "bigrams": index_bigrams}


def index_all(method: str, site: Path, pages: list[tuple[str, str, str]], root: Path) -> float:
    """Every yearly shard of ``method`` under ``root/method/``, one Pagefind at a time; seconds."""
    target = root / method
    if target.exists():
        shutil.rmtree(target)
    by_year: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for page in pages:
        by_year[page[2]].append(page)
    t = time.perf_counter()
    for year, group in by_year.items():
        METHODS[method](target / year, site, group)
    return time.perf_counter() - t


def sizes(folder: Path) -> dict[str, int]:
    out = {"index": 0, "fragments": 0, "runtime": 0, "files": 0}
    for f in folder.rglob("*"):
        if not f.is_file():
            continue
        out["files"] += 1
        size = f.stat().st_size
        if f.suffix in RUNTIME:
            out["runtime"] += size
        elif f.parent.name == "fragment":
            out["fragments"] += size
        else:
            out["index"] += size
    return out


QUERY_PAGE = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"></head><body>
<script type="module">
const method = new URLSearchParams(location.search).get("method");
const years = %(years)s;
const bundles = years.map((y) => `/${method}/${y}/`);
const HAN_RUN = /[\\u3007\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF\\u{20000}-\\u{323AF}]+/gu;
function bigrams(word) {  // one word of Han characters, as search.js cuts it
  const out = [];
  for (const m of word.matchAll(HAN_RUN)) {
    const run = Array.from(m[0]);
    if (run.length === 1) out.push(run[0]);
    else for (let i = 0; i + 1 < run.length; i++) out.push(run[i] + run[i + 1]);
  }
  return out;
}
let pf = null;
async function load() {
  pf = await import(bundles[0] + "pagefind.js");
  await pf.options({ excerptLength: 30 });
  if (method === "bigrams") {
    const lang = document.documentElement.getAttribute("lang");
    document.documentElement.setAttribute("lang", "und");
    pf.init();
    document.documentElement.setAttribute("lang", lang);
  }
  for (const b of bundles.slice(1)) await pf.mergeIndex(b, method === "bigrams" ? { language: "und" } : {});
}
const term = (q) => (method === "bigrams" ? `"${bigrams(q).join(" ")}"` : q);
window.timed = async (q) => {  // ms until the first ten results' data are in
  const t0 = performance.now();
  if (pf === null) await load();
  const t1 = performance.now();
  const found = await pf.search(term(q));
  await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
  const t2 = performance.now();
  return { load: t1 - t0, query: t2 - t1, results: found.results.length };
};
window.urls = async (q) => {  // every result's page, 50 at a time (not a thousand fetches at once)
  const found = await pf.search(term(q));
  const urls = [];
  for (let i = 0; i < found.results.length; i += 50) {
    const data = await Promise.all(found.results.slice(i, i + 50).map((r) => r.data()));
    urls.push(...data.map((d) => d.url));
  }
  return urls;
};
window.ready = true;
</script></body></html>
"""


class _Server(http.server.ThreadingHTTPServer):
    request_queue_size = 512  # Pagefind fetches up to 100 fragments at once; the default backlog is 5


def serve(root: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = _Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def measure(root: Path, years: list[str], rounds: int) -> dict[str, dict[str, list[float]]]:
    from chromium import ARGS, CHROMIUM
    from playwright.sync_api import sync_playwright

    (root / "q.html").write_text(QUERY_PAGE % {"years": json.dumps(years)}, encoding="utf-8")
    server = serve(root)
    url = f"http://127.0.0.1:{server.server_port}/q.html"
    out: dict[str, dict[str, list[float]]] = {m: defaultdict(list) for m in METHODS}
    try:
        with sync_playwright() as p:
            for r in range(rounds):
                order = list(METHODS) if r % 2 == 0 else list(reversed(METHODS))
                for method in order:
                    browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
                    page = browser.new_page()
                    page.goto(f"{url}?method={method}")
                    page.wait_for_function("window.ready === true")
                    # Bytes of every response from here on, the search worker's fetches included.
                    fetched: list[int] = []
                    page.on("requestfinished", lambda r, f=fetched: f.append(r.sizes()["responseBodySize"]))
                    first = page.evaluate("(q) => timed(q)", QUERIES[0])
                    out[method]["first"].append(first["load"] + first["query"])
                    out[method]["fetched_first"].append(sum(fetched))
                    for q in QUERIES:
                        out[method]["query"].append(page.evaluate("(q) => timed(q)", q)["query"])
                    page.wait_for_timeout(100)
                    out[method]["fetched_all"].append(sum(fetched))
                    browser.close()
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            page = browser.new_page()
            for method in METHODS:
                page.goto(f"{url}?method={method}")
                page.wait_for_function("window.ready === true")
                page.evaluate("(q) => timed(q)", QUERIES[0])
                for q in QUERIES:
                    found = page.evaluate("(q) => urls(q)", q)
                    out[method][f"urls:{q}"] = found
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return out


def expected_pages(site: Path, pages: list[tuple[str, str, str]]) -> dict[str, set[str]]:
    from zhiku.site.searchtext import article_blocks

    texts = {
        rel: re.sub(r"\s+", "", title + "".join(article_blocks((site / rel).read_text(encoding="utf-8"))))
        for rel, title, _ in pages
    }
    return {q: {rel for rel, text in texts.items() if q in text} for q in QUERIES}


def report(
    issues: int,
    n_pages: int,
    shards: int,
    seconds: dict[str, list[float]],
    size: dict[str, dict[str, int]],
    timing: dict[str, dict[str, list[float]]],
    expected: dict[str, set[str]],
) -> str:
    def found(method: str, q: str) -> tuple[int, int]:
        urls = {u.lstrip("/") for u in timing[method][f"urls:{q}"]}  # type: ignore[union-attr]
        return len(urls & expected[q]), len(urls - expected[q])

    lines = [
        f"| method | index (words, fragments) | index time, {n_pages:,} pages | first query (load + merge "
        f"{shards} shards + query) | a query (median / slowest of 20) | downloaded: first query / all 20 "
        "| queries finding every page that holds them | pages found / expected | extra results |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    total_expected = sum(len(v) for v in expected.values())
    for method, name in (("words", "Pagefind's segmentation (before)"), ("bigrams", "zhiku's bigrams (now)")):
        s = size[method]
        t = timing[method]
        hits = [found(method, q) for q in QUERIES]
        complete = sum(1 for q, (ok, _) in zip(QUERIES, hits, strict=True) if ok == len(expected[q]))
        lines.append(
            f"| {name} | {(s['index'] + s['fragments']) / 1e6:.1f} MB ({s['index'] / 1e6:.1f} + "
            f"{s['fragments'] / 1e6:.1f}) | {statistics.median(seconds[method]):.1f} s "
            f"| {statistics.median(t['first']):.0f} ms | {statistics.median(t['query']):.0f} / "
            f"{max(t['query']):.0f} ms | {statistics.median(t['fetched_first']) / 1e3:.0f} KB / "
            f"{statistics.median(t['fetched_all']) / 1e3:.0f} KB | {complete}/{len(QUERIES)} "
            f"| {sum(ok for ok, _ in hits):,} / {total_expected:,} | {sum(x for _, x in hits):,} |"
        )
    per_query = ", ".join(f"{q} {len(expected[q])}" for q in QUERIES)
    lines.append("")
    lines.append(f"Pages holding each query in the {issues:,}-issue archive: {per_query}.")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--issues", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=4, help="browser rounds per method (alternating)")
    ap.add_argument("--index-runs", type=int, default=2, help="indexing runs per method (alternating)")
    ap.add_argument("--keep", action="store_true", help="keep bench/out/ afterwards")
    ap.add_argument("--write", action="store_true", help="write the section of docs/benchmarks.md")
    args = ap.parse_args()
    pub, site = build_archive(args.issues)
    pages = article_pages(pub)
    root = OUT / f"search-index-{args.issues}"
    root.mkdir(parents=True, exist_ok=True)
    seconds: dict[str, list[float]] = defaultdict(list)
    for r in range(args.index_runs):
        for method in list(METHODS) if r % 2 == 0 else list(reversed(METHODS)):
            seconds[method].append(index_all(method, site, pages, root))
            print(f"indexed {method}: {seconds[method][-1]:.1f} s", file=sys.stderr)
    size = {m: sizes(root / m) for m in METHODS}
    years = sorted({p[2] for p in pages}, reverse=True)
    timing = measure(root, years, args.rounds)
    expected = expected_pages(site, pages)
    load = Path("/proc/loadavg").read_text().split()[0] if Path("/proc/loadavg").exists() else "?"
    table = report(args.issues, len(pages), len(years), seconds, size, timing, expected)
    print(table)
    if args.write:
        from docsection import write_section

        body = (
            f"Command: `.venv/bin/python bench/search.py --issues {args.issues} --write`. The archive of "
            f"`bench/site.py` ({args.issues:,} issues, {len(pages):,} articles) indexed in "
            f"{len(years)} yearly shards both ways, then searched in Chromium with the 20 queries of "
            f"`tests/test_browser_search.py` ({args.rounds} alternating rounds, a fresh browser each; "
            f"medians; {args.index_runs} alternating indexing runs). Load average at the end: {load} "
            "(2 cores shared with other work: times vary, the comparison less so).\n\n" + table + "\n\n"
            "- *Index*: the bytes a search may download, every shard together — Pagefind's word index "
            "and metadata (`index/`, `pf_meta`) plus the page fragments (`fragment/`, each page's "
            "stored text); Pagefind's own scripts and wasm (the same for both) are left out.\n"
            "- *A query*: from `search()` until its first ten results' texts are loaded, after the "
            f"engine is loaded; *first query* adds loading the engine and merging the {len(years)} shards.\n"
            "- *Queries finding every page*: the result set holds every article whose title or body "
            "contains the query. Before, a part of a compound (能源 of 新能源, 欧班 of 中欧班列, 质量 of "
            "高质量) found nothing, because jieba indexed the compound as one word; the search box's "
            "filter then also hid any partial matches. *Extra results*: results not holding the "
            "query (the search box drops them).\n"
        )
        write_section("## Search / 全文搜索 (`bench/search.py`)", body)
    if not args.keep:
        for folder in (root, pub, site, site.with_name(f".{site.name}.spare"), OUT / "search-code"):
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
