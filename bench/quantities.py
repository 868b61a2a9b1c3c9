"""Benchmark reading quantities: zhiku against Recognizers-Text and cn2an, in one run.

    .venv/bin/python bench/quantities.py              # prints a Markdown table
    .venv/bin/python bench/quantities.py --write      # and writes docs/benchmarks.md's section

The corpus (≥ 2 MiB of UTF-8) is the seed issue plus generated policy prose: 20 sentence
templates whose slots (regions, indicators, years, money, percentages, counts, dates, clock
times, durations, ranges, Chinese numerals) are filled from a fixed random seed, mixed with
sentences that hold no number at all, so no text is repeated verbatim at scale. Every reader
gets the same paragraphs, one call per paragraph, after a warm-up call.

- zhiku: ``parse_quantities`` on every paragraph of the corpus.
- Recognizers-Text (``ms-recognizers-text-suite`` 1.0.1, Python): the Chinese number, percentage,
  ordinal, currency, dimension, age, temperature and date-time models, each built once.
  It reads about 5,000 characters a second, so it runs on a sample: the first paragraphs of the
  same corpus up to ``--peer-chars`` characters (default 60,000), stated in the output.
- cn2an ``transform`` (Chinese numerals → Arabic in running text) on the whole corpus.
- jieba ``lcut`` (word segmentation only, no number reading) on the whole corpus: the cost a
  segmenter-first design would pay before reading a single number (docs/quantities.md).
"""

from __future__ import annotations

import argparse
import contextlib
import random
import re
import statistics
import time
import warnings
from collections.abc import Callable
from pathlib import Path

from docsection import write_section
from rich.console import Console
from rich.progress import Progress

from zhiku.quantities import parse_quantities

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed" / "000_d1431f2bc3438f4f.txt"
SECTION = "## Quantities / 数量识别 (`bench/quantities.py`)"
TARGET_BYTES = 2 * 1024 * 1024 + 1

REGIONS = [
    "东盟",
    "中亚五国",
    "欧盟",
    "非洲",
    "拉美",
    "海湾国家",
    "中东欧",
    "南亚",
    "东北亚",
    "大洋洲",
    "长三角",
    "粤港澳大湾区",
    "京津冀",
    "成渝地区",
    "西部陆海新通道沿线",
]
INDICATORS = [
    "货物贸易进出口总额",
    "实际使用外资",
    "对外直接投资",
    "新签合同额",
    "完成营业额",
    "跨境电商交易额",
    "服务贸易额",
    "社会消费品零售总额",
    "固定资产投资",
    "财政收入",
    "研发投入",
    "居民人均可支配收入",
]
SECTORS = [
    "制造业",
    "高技术产业",
    "数字经济",
    "绿色能源",
    "基础设施",
    "现代农业",
    "物流",
    "金融服务",
    "医疗卫生",
]
MEASURES = [
    ("列", "班列"),
    ("家", "企业"),
    ("个", "项目"),
    ("项", "协议"),
    ("件", "物资"),
    ("万标箱", "集装箱"),
    ("人", "劳务人员"),
    ("条", "航线"),
    ("座", "港口"),
    ("所", "学校"),
]
CURRENCY = ["亿美元", "亿元", "万亿元", "万亿美元", "亿欧元", "亿元人民币", "万元"]
QUALIFIERS = ["", "", "", "约", "近", "超过", "逾", "不足", "将近"]
SUFFIXES = ["", "", "", "以上", "左右", "以下"]
CN_DIGITS = "零一二三四五六七八九"
FILLER = [
    "这一进展为构建新发展格局提供了有力支撑。",
    "与会人员表示，应坚持共商共建共享原则，推动高质量发展不断取得新成效。",
    "专家认为，政策沟通和民心相通是合作行稳致远的基础。",
    "一方面要巩固互联互通合作基础，另一方面要拓展国际合作新空间。",
    "中美元首会晤释放了积极信号，两国关系有望回到健康稳定的轨道。",
    "外交部发言人华春莹表示，中方愿同各方一道推动全球治理体系改革。",
    "“一带一路”倡议是构建人类命运共同体的生动实践。",
    "各地区各部门要把思想和行动统一到中央决策部署上来。",
    "报告指出，风险防控网络需要进一步筑牢，合作水平需要进一步提高。",
    "从长远看，绿色丝路和数字丝路建设将成为新的增长点。",
]


def _cn_small(n: int) -> str:
    """Chinese numerals for 1 ≤ n ≤ 99 (enough for counts written in words)."""
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")


def _money(r: random.Random) -> str:
    value = round(r.uniform(1, 9999), r.choice([0, 1, 1, 2]))
    return f"{r.choice(QUALIFIERS)}{value:g}{r.choice(CURRENCY)}"


def _pct(r: random.Random) -> str:
    return f"{round(r.uniform(-9.9, 99.9), 1):g}%"


def _template(r: random.Random) -> str:
    y1 = r.randint(2000, 2022)
    y2 = y1 + r.randint(1, 8)
    region, ind, sector = r.choice(REGIONS), r.choice(INDICATORS), r.choice(SECTORS)
    unit, noun = r.choice(MEASURES)
    count = r.randint(2, 99999)
    month, day = r.randint(1, 12), r.randint(1, 28)
    sp = r.choice(["", " "])
    choices: list[Callable[[], str]] = [
        lambda: f"{y1}年，{region}{ind}达{_money(r)}，同比增长{_pct(r)}。",
        lambda: f"{y1}-{y2}年，{region}{ind}由{_money(r)}增至{_money(r)}，年均增长{_pct(r)}。",
        lambda: (
            f"{sector}占比提高{round(r.uniform(0.1, 9.9), 1)}个百分点，达到{_pct(r)}{r.choice(SUFFIXES)}。"
        ),
        lambda: (
            f"截至{sp}{y1}{sp}年{sp}{month}{sp}月底，累计开行{count}{unit}，"
            f"运送{noun}{r.randint(2, 999)}万件。"
        ),
        lambda: (
            f"{month}{sp}月{sp}{day}{sp}日上午，双方举行视频会晤，时长约{sp}{r.randint(30, 150)}{sp}分钟。"
        ),
        lambda: (
            f"会议从早上{sp}{r.randint(7, 11)}{sp}点{sp}{r.choice(['半', '45', '15', '30'])}开始，持续了"
            f"{_cn_small(r.randint(2, 5))}个半小时。"
        ),
        lambda: (
            f"{region}已与{r.randint(2, 200)}个国家、{r.randint(2, 60)}个国际组织签署了{count}份合作文件。"
        ),
        lambda: f"{_cn_small(r.randint(2, 9))}年间，{region}{sector}投资累计超过{_money(r)}。",
        lambda: f"{noun}数量增至{r.randint(10, 99)}多{unit}，覆盖{r.randint(20, 90)}余个城市。",
        lambda: f"{region}{ind}占全国的{r.randint(10, 40)}%-{r.randint(41, 60)}%，接近一半。",
        lambda: (
            f"第{sp}{r.randint(2, 120)}{sp}届论坛在{region}召开，{_cn_small(r.randint(2, 30))}位部长出席。"
        ),
        lambda: f"{y1}年{month}月{day}日，{region}发布{sector}规划，提出{_cn_small(r.randint(2, 9))}项任务。",
        lambda: f"据测算，{sector}规模将达{_cn_small(r.randint(2, 9))}、{_cn_small(r.randint(2, 9))}万亿元。",
        lambda: (
            f"{ind}较上年下降{round(r.uniform(0.1, 30), 1)}%，降幅收窄{round(r.uniform(0.1, 5), 1)}个百分点。"
        ),
        lambda: f"今年{month}月，{region}{sector}用工人数达{r.randint(1, 999)}.{r.randint(1, 9)}万人。",
        lambda: (
            f"{region}港口吞吐量为{round(r.uniform(1, 99), 2)}亿吨，"
            f"集装箱{round(r.uniform(1, 999), 1)}万标箱。"
        ),
        lambda: f"在{sector}领域，{region}共有企业{count:,}家，其中外资企业{r.randint(2, 999)}家。",
        lambda: f"{ind}比{y1}年翻了一番，是{y2}年的{round(r.uniform(1.1, 5), 1)}倍。",
        lambda: (
            f"{region}的千分之{_cn_small(r.randint(1, 9))}、百分之{_cn_small(r.randint(2, 99))}和"
            f"{round(r.uniform(0.1, 9), 1)}‰都曾被引用。"
        ),
        lambda: (
            f"从北京时间{r.choice(['上午', '下午', '晚上'])}{r.randint(1, 11)}点开始，{region}代表团进行了"
            f"{_cn_small(r.randint(2, 9))}轮磋商。"
        ),
    ]
    return r.choice(choices)()


def build_corpus(seed_text: str) -> list[str]:
    """Paragraphs: the seed's, then generated ones until the corpus passes 2 MB of UTF-8."""
    paragraphs = [p for p in re.split(r"\n\s*\n", seed_text) if p.strip()]
    r = random.Random(20211122)
    size = sum(len(p.encode()) for p in paragraphs)
    while size < TARGET_BYTES:
        sentences = [_template(r) if r.random() < 0.6 else r.choice(FILLER) for _ in range(r.randint(3, 8))]
        paragraph = "".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph.encode())
    return paragraphs


def _rate(
    read: Callable[[str], object], paragraphs: list[str], label: str, progress: Progress, passes: int = 1
) -> float:
    """Characters per second of CPU time, the best of ``passes`` runs. CPU time of this process, not
    the wall clock: the 2-core machine is shared, and other work's load would otherwise decide the
    ratio (with a quiet machine the two agree, the reader being single-threaded)."""
    read(paragraphs[0])  # warm-up: imports, compiled patterns, dictionaries
    chars = sum(len(p) for p in paragraphs)
    best = 0.0
    task = progress.add_task(label, total=len(paragraphs) * passes)
    for _ in range(passes):
        _cold()
        start = time.process_time()
        for p in paragraphs:
            read(p)
            progress.advance(task)
        best = max(best, chars / (time.process_time() - start))
    return best


def _cold() -> None:
    """Empty zhiku's numeral caches, so that no pass profits from an earlier one: each pass reads the
    text as a user's single run would (a numeral still profits from being read earlier in the same pass)."""
    from zhiku.quantities import numerals

    for fn in (getattr(numerals, "evaluate", None), getattr(numerals, "evaluate_vague", None)):
        if hasattr(fn, "cache_clear"):
            fn.cache_clear()


def _interleaved(
    ours: Callable[[str], object],
    peer: Callable[[str], object],
    sample: list[str],
    passes: int,
    progress: Progress,
) -> tuple[list[float], list[float]]:
    """Rates (characters/s) of zhiku and the peer on the same sample, one pass of each in turn, so
    that a busy moment on the shared machine falls on both."""
    ours_rates: list[float] = []
    peer_rates: list[float] = []
    for i in range(passes):
        ours_rates.append(_rate(ours, sample, f"zhiku (sample) {i + 1}/{passes}", progress, 3))
        peer_rates.append(_rate(peer, sample, f"Recognizers-Text {i + 1}/{passes}", progress))
    return ours_rates, peer_rates


_ONE_PASS = """
import pickle, sys, time
sys.path.insert(0, sys.argv[1])
from zhiku.quantities import parse_quantities
paragraphs = pickle.load(open(sys.argv[2], "rb"))
parse_quantities(paragraphs[0])
start = time.process_time()
for p in paragraphs:
    parse_quantities(p)
print(time.process_time() - start)
"""


def before_and_after(baseline: Path, paragraphs: list[str], passes: int) -> str:
    """zhiku at ``baseline`` (another checkout's root, e.g. ``git worktree add /tmp/base main``)
    against this tree, each pass a fresh process (cold caches), the two in turn."""
    import pickle
    import subprocess
    import sys
    import tempfile

    chars = sum(len(p) for p in paragraphs)
    times: dict[str, list[float]] = {"before": [], "after": []}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.pickle"
        corpus.write_bytes(pickle.dumps(paragraphs))
        for _ in range(passes):
            for name, root in (("before", baseline), ("after", REPO)):
                out = subprocess.run(
                    [sys.executable, "-c", _ONE_PASS, str(root), str(corpus)],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                times[name].append(float(out.stdout))
    before, after = (chars / statistics.median(times[k]) for k in ("before", "after"))
    return (
        f"Before and after (`--baseline {baseline}`, {passes} fresh-process passes of each over the whole "
        f"corpus, in turn; medians): before {before:,.0f} characters/s, after {after:,.0f} characters/s "
        f"(after ÷ before = {after / before:.2f})."
    )


def conformance_table() -> str:
    """The Recognizers-Text Number/NumberWithUnit specs through zhiku's public API, per model, with the
    suite's own scorer (as tests/test_quantities_conformance.py runs it)."""
    import importlib.util
    import json

    spec_dir = REPO.parent / "shared" / "conformance" / "recognizers-text-zh"
    spec = importlib.util.spec_from_file_location("score_public_api", spec_dir / "score_public_api.py")
    if spec is None or spec.loader is None or not spec_dir.exists():
        return "(the conformance specs are not in ../shared: no table)"
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    rows = ["| model | reader | pass | rate |", "| --- | --- | ---: | ---: |"]
    total = ok = 0
    for rel, select in scorer.SELECT.items():
        cases = json.loads((spec_dir / rel).read_text(encoding="utf-8-sig"))
        passed = 0
        for case in cases:
            with contextlib.suppress(Exception):  # a reader that raises fails the case, as in the scorer
                passed += bool(scorer.passes(select, case))
        reader = "`parse_numbers`" if rel.endswith("NumberModel.json") else "`parse_quantities`, one kind"
        rows.append(f"| {Path(rel).stem} | {reader} | {passed}/{len(cases)} | {passed / len(cases):.1%} |")
        total += len(cases)
        ok += passed
    rows.append(f"| **all eight models** | | **{ok}/{total}** | **{ok / total:.1%}** |")
    return "\n".join(rows)


NUMERALS = [
    "一百零一万一千",
    "三千二百万",
    "两千零二十一",
    "十万柒仟捌佰伍拾肆",
    "九万四",
    "二零二一",
    "一亿二千三百四十五万六千七百八十九",
    "十二点五",
]


def _per_call(fn: Callable[[str], object], rounds: int = 5000) -> float:
    """Microseconds per call over numerals both evaluators accept (best of 3)."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(rounds):
            for x in NUMERALS:
                fn(x)
        best = min(best, (time.perf_counter() - start) / (rounds * len(NUMERALS)) * 1e6)
    return best


def _recognizers() -> Callable[[str], object]:
    from ms_recognizers_date_time import DateTimeRecognizer
    from ms_recognizers_number import Culture, NumberRecognizer
    from ms_recognizers_number_with_unit import NumberWithUnitRecognizer

    number = NumberRecognizer(Culture.Chinese)
    unit = NumberWithUnitRecognizer(Culture.Chinese)
    models = [
        number.get_number_model(),
        number.get_percentage_model(),
        number.get_ordinal_model(),
        unit.get_currency_model(),
        unit.get_dimension_model(),
        unit.get_age_model(),
        unit.get_temperature_model(),
        DateTimeRecognizer(Culture.Chinese).get_datetime_model(),
    ]

    def read(text: str) -> object:
        return [m.parse(text) for m in models]

    return read


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--write", action="store_true", help="write the section of docs/benchmarks.md")
    parser.add_argument("--peer-chars", type=int, default=60_000, help="sample size for Recognizers-Text")
    parser.add_argument("--peer-passes", type=int, default=3, help="interleaved passes of zhiku and the peer")
    parser.add_argument("--baseline", type=Path, help="another checkout of zhiku to compare this tree with")
    args = parser.parse_args()

    import cn2an
    import jieba

    jieba.setLogLevel(60)
    warnings.simplefilter("ignore")  # cn2an.transform warns on every numeral it cannot read (千亿, 万)
    console = Console()
    paragraphs = build_corpus(SEED.read_text(encoding="utf-8"))
    chars = sum(len(p) for p in paragraphs)
    size = sum(len(p.encode()) for p in paragraphs)
    sample: list[str] = []
    for p in paragraphs:
        if sum(len(s) for s in sample) >= args.peer_chars:
            break
        sample.append(p)
    sample_chars = sum(len(p) for p in sample)
    with Progress(console=console, transient=True) as progress:
        zhiku = _rate(parse_quantities, paragraphs, "zhiku", progress, 3)
        cn2an_rate = _rate(cn2an.transform, paragraphs, "cn2an.transform", progress, 3)
        jieba_rate = _rate(jieba.lcut, paragraphs, "jieba.lcut", progress, 3)
        peer_read = _recognizers()
        ours_rates, peer_rates = _interleaved(parse_quantities, peer_read, sample, args.peer_passes, progress)
    zhiku_sample, peer = statistics.median(ours_rates), statistics.median(peer_rates)
    ratios = sorted(o / p for o, p in zip(ours_rates, peer_rates, strict=True))
    found = sum(len(parse_quantities(p)) for p in paragraphs)
    from zhiku.quantities.numerals import evaluate

    cn2an_call = _per_call(lambda x: cn2an.cn2an(x, "smart"))
    ours_call = _per_call(getattr(evaluate, "__wrapped__", evaluate))  # the arithmetic, not the cache
    table = "\n".join(
        [
            "| reader | text | characters/s | zhiku ÷ reader |",
            "| --- | --- | ---: | ---: |",
            f"| zhiku `parse_quantities` | whole corpus | {zhiku:,.0f} | 1 |",
            f"| zhiku `parse_quantities` | peer's sample (median of {args.peer_passes}) | "
            f"{zhiku_sample:,.0f} | — |",
            f"| Recognizers-Text 1.0.1 (number, percentage, ordinal, currency, dimension, age, temperature, "
            f"date-time) | sample of {sample_chars:,} chars (median of {args.peer_passes}) | {peer:,.0f} | "
            f"**{zhiku_sample / peer:,.0f}×** |",
            "| cn2an 0.5 `transform` (rewrites numerals only, no reading) | whole corpus | "
            f"{cn2an_rate:,.0f} | {zhiku / cn2an_rate:.2f}× |",
            "| jieba 0.42 `lcut` (segmentation only) | whole corpus | "
            f"{jieba_rate:,.0f} | {zhiku / jieba_rate:.2f}× |",
        ]
    )
    body = (
        "Corpus: the seed issue plus generated policy prose, "
        f"{len(paragraphs):,} paragraphs, {chars:,} characters, "
        f"{size / 1024 / 1024:.2f} MiB UTF-8; zhiku finds {found:,} quantities in it. "
        f"Recognizers-Text runs on the corpus's first {len(sample)} paragraphs "
        f"({sample_chars:,} characters): at its speed the whole corpus would take minutes; "
        "zhiku's rate on the same sample is the one compared: three passes of zhiku (the best), then one of "
        f"Recognizers-Text, {args.peer_passes} times in turn, and the ratio of the medians (the ratios of "
        f"the single pairs: {', '.join(f'{r:,.0f}×' for r in ratios)}). Whole-corpus rates are the best "
        "of 3 passes. All rates are characters per second of CPU time (the machine is shared with other "
        "work; CPU time leaves its load out).\n\n"
        f"{table}\n\n"
        f"Evaluating one Chinese numeral (8 forms such as 一百零一万一千, 九万四, 二零二一): "
        f"`cn2an.cn2an(x, 'smart')` {cn2an_call:.1f} µs a call, zhiku's `numerals.evaluate` "
        f"{ours_call:.1f} µs — and cn2an rejects 百三, 1.76万亿, 3094 亿, which prose uses.\n\n"
        "Command (one run, all readers): `.venv/bin/python bench/quantities.py --write` "
        "(needs the `bench` extra: `pip install -e '.[bench]'`).\n\n"
        "Conformance: the Recognizers-Text Chinese Number and NumberWithUnit specs "
        "(`../shared/conformance/recognizers-text-zh/`) through what the product calls, scored by the "
        "suite's `score_public_api.py` (the failing cases and why: "
        "`tests/conformance/rt_public_api_failures.json`; the scorer alone: `.venv/bin/python "
        "../shared/conformance/recognizers-text-zh/score_public_api.py "
        "../shared/conformance/recognizers-text-zh 0.98`):\n\n"
        f"{conformance_table()}\n"
    )
    if args.baseline is not None:
        body += "\n" + before_and_after(args.baseline, paragraphs, 5) + "\n"
    console.print(body, markup=False, highlight=False)
    if args.write:
        write_section(SECTION, body)


if __name__ == "__main__":
    main()
