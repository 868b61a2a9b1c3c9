"""Real official texts against the relations a reader can verify in them (issue 18, "Real text").

``tests/fixtures/realtext/`` holds releases and commentaries as published (NBS, customs, MOFCOM, MOF,
city and county finance bureaus and statistics bulletins), each with its source on the first line,
and ``relations.yml`` lists by hand every relation a careful reader can verify from each text alone,
with the arithmetic and the verdict the reader reaches (four of them are real errors in the texts).

A relation counts as evaluated correctly when a finding states the relation's claim number — the
finding's stated number (its ``所述`` input, or a span when it names none) covers the place where the
relation's claim number stands in the file — and the finding's verdict is the expected one. Every
``inconsistent`` finding must be a real error: it must stand on a relation listed as inconsistent.
Both are ratchets on what the checker does today; the issue's goal is 80% evaluated correctly and
no false alarm.
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
import yaml

from zhiku.claims import Finding, check_text

REALTEXT = Path(__file__).resolve().parent / "fixtures" / "realtext"
RELATIONS = REALTEXT / "relations.yml"
VERDICTS = {"consistent", "inconsistent", "unverifiable"}
_NUMBER = re.compile(r"\d+(?:\.\d+)?")

# What the checker achieves today (`pytest -s tests/test_claims_realtext.py` prints the table):
# 49 of the 157 listed relations on main 13a4bd7 (45 on 2851ca3), with 9 false alarms; 53 and none
# after one line is one paragraph in plain text, undated periods keep their year offset (去年同期),
# 分别 lists pair by position, and a whole is never smaller than its parts. Raise it as the checker
# improves. 126 of 157 (80.3%, no false alarm) met the issue's goal of 80%; then 131; 133 once a
# GDP is read as the three sectors' 增加值 and a total that counts its kinds (三大…) as their sum;
# 135 with 营业收入利润率 read as 利润总额 ÷ 营业收入; 138 once 其中's total is the value that measures
# what the parts do (总产值, not 增加值) and a list that names its measure once is read as one; 139
# with 登上…台阶 read as a floor; 140 with 高出整体增速 read against the total's growth (signed); 142
# with a headline's round share (占比近八成) checked against the exact one in the next sentence; 143
# once a share of the budget may stand between a value and its change; 144 once a bracketed aside
# between a name and its value (全国人口（包括…外籍人员）141260万人) is read past; 145 with a headline
# share whose whole follows it (九成以上增产来自粮食主产区) checked against the next sentence's share.
# Text 23 added (8 relations): 153 of 165, once GDP is 生产总值, 全市经济 its GDP, and 高于GDP增速
# n个百分点 compares with GDP's rate (its 增长 not read as the gap's own verb). Texts 24–26 (three city
# releases, 15 relations): 168 of 180 once 增长面 is read as a share of the branches, small counts
# are exact, GDP437.0亿元 is a value, 限额以上/以下 make 社零 and a count matches its 分别 list; 169
# with the list in brackets after a count (亚洲十国/地区（香港、澳门…）). Texts 27–31 (fiscal releases, 22
# relations): 191 of 202 once 增收 after the growth is its increment, the four budgets are not parts of
# one another, and 增长 after a share of the budget is the amount's. Texts 32–34 (customs, 19 relations):
# 210 of 221, after a false alarm on 去年同期为逆差433亿元 (last year's balance) was fixed. Text 35 (NBS
# income, 10 relations): 219 of 231, after a false alarm on 两年平均实际增长5.1% (a real average taken
# as the root of the nominal 14.3%) was fixed. Text 36 (NBS profits, 5 relations): 224 of 236 with
# 每百元营业收入中的成本 read as 营业成本 ÷ 营业收入 × 100. Text 37 (China–Europe trains, the seed's
# subject, 3 relations): 225 of 239 with 其中 opening a line read as going on from the line before.
# Texts 38–39 (summer grain, 19 relations, two real errors): 243 of 258, with a bracket read as the
# value in another legal unit (14582万吨（2916亿斤）) and 增产总量 as the thing's own increase. Text 40
# (power, 1 relation): 244 of 259, a 全口径 whole no longer taken for 统计局's total (a false alarm).
# Texts 41–42 (education statistics, 21 relations): 264 of 280, a value in brackets after a part
# (本科院校1270所（含…21所）) no longer taken for another part.
CORRECT_AT_LEAST = 264
# The real errors the checker reports today (ratchet: it must go on catching these).
# (the share 4.6% of the slipped 2.35万元 is reported at its cause, the part, as the input that is wrong)
CAUGHT_TODAY = {
    "占全市固定资产投资比重42%",
    "第二产业完成投资2.35万元",
    "占全市投资比重为43.2%",
    "265.5万公顷(398.2万亩)",  # 千 written as 万 in a reprint of NBS's 2021 summer grain release
    "(398.2万亩),增长1%",
}
# Inconsistent findings today on relations a reader finds consistent, or on claims that cannot be
# checked from the text: (file, claim of the listed relation, or the finding's stated text) and
# the finding's evidence. Each must go; none may be added.
KNOWN_FALSE_ALARMS: dict[tuple[str, str], str] = {}


@dataclass(frozen=True)
class Relation:
    file: str
    claim: str
    number: str
    type: str
    expected: str
    derived: bool
    start: int  # offset of the claim number in the file's text (after the source line)
    end: int


@dataclass(frozen=True)
class Text:
    name: str
    body: str  # the text without its source line
    first_line: int  # the file line of the body's first line


def _texts() -> dict[str, Text]:
    out: dict[str, Text] = {}
    for path in sorted(REALTEXT.glob("*.txt")):
        source, body = path.read_text(encoding="utf-8").split("\n", 1)
        assert source.startswith("来源 / source: "), f"{path.name}: the first line names the source"
        out[path.name] = Text(path.name, body, 2)
    return out


TEXTS = _texts()


def _relations() -> list[Relation]:
    raw = yaml.safe_load(RELATIONS.read_text(encoding="utf-8"))
    out: list[Relation] = []
    for r in raw:
        text = TEXTS[r["file"]].body
        claim = r["claim"]
        assert text.count(claim) == 1, f"{r['file']}: the claim {claim!r} must stand once in the text"
        number = str(r.get("number") or _NUMBER.findall(claim)[-1])
        at = text.index(claim) + claim.rindex(number)
        for i in r["inputs"]:
            assert i in text, f"{r['file']}: input {i!r} is not in the text"
        assert r["expected"] in VERDICTS and r["arithmetic"]
        derived = bool(r.get("derived"))
        out.append(
            Relation(r["file"], claim, number, r["type"], r["expected"], derived, at, at + len(number))
        )
    return out


RELS = _relations()


@cache
def findings(name: str) -> tuple[Finding, ...]:
    t = TEXTS[name]
    return tuple(check_text(t.body, REALTEXT / name, line=t.first_line))


def _paragraph(text: Text, line: int, length: int) -> tuple[str, list[int]]:
    """The passage of ``length`` characters that starts at ``line``, and each character's offset in
    the body (a passage is one line, or hard-wrapped lines each stripped and joined without a
    separator)."""
    lines = text.body.split("\n")
    starts = [0]
    for ln in lines:
        starts.append(starts[-1] + len(ln) + 1)
    joined: list[str] = []
    where: list[int] = []
    i = line - text.first_line
    while i < len(lines) and lines[i].strip() and len(joined) < length:
        raw = lines[i]
        lead = len(raw) - len(raw.lstrip())
        for k, ch in enumerate(raw.strip()):
            joined.append(ch)
            where.append(starts[i] + lead + k)
        i += 1
    return "".join(joined), where


def claim_places(f: Finding) -> list[tuple[int, int]]:
    """Where in the body the finding's stated number stands: its ``所述`` input inside the span that
    holds it (the last occurrence: a claim ends its span), or every span when it names none."""
    text = TEXTS[f.file.name]
    joined, where = _paragraph(text, f.line, len(f.text))
    stated = next((i.text for i in f.inputs if i.role == "所述"), None)
    ranges: list[tuple[int, int]] = []
    for (a, b), span in zip(f.span_offsets, f.spans, strict=False):
        if stated is not None and stated not in span:
            continue
        if joined[a:b] != span:  # the passage was rewritten (Markdown): find the span itself
            hits = [m.start() for m in re.finditer(re.escape(span), joined)]
            if not hits:
                continue
            a = min(hits, key=lambda h: abs(h - a))
            b = a + len(span)
        if stated is not None:
            a += span.rindex(stated)
            b = a + len(stated)
        ranges.append((where[a], where[b - 1] + 1))
    return ranges


def on(f: Finding, r: Relation) -> bool:
    return f.file.name == r.file and any(a < r.end and r.start < b for a, b in claim_places(f))


@cache
def evaluate() -> tuple[dict[Relation, list[Finding]], list[Finding]]:
    """Each relation with the findings that state its claim number; and every inconsistent finding."""
    by_rel: dict[Relation, list[Finding]] = {}
    bad: list[Finding] = []
    for name in TEXTS:
        fs = findings(name)
        bad.extend(f for f in fs if f.verdict == "inconsistent")
        for r in (r for r in RELS if r.file == name):
            by_rel[r] = [f for f in fs if on(f, r)]
    return by_rel, bad


def correct(r: Relation, fs: list[Finding]) -> bool:
    return any(f.verdict == r.expected for f in fs)


def false_alarm_key(f: Finding) -> tuple[str, str]:
    rel = next((r for r in RELS if on(f, r)), None)
    return f.file.name, rel.claim if rel is not None else f.stated


def test_the_material_is_what_the_issue_asks_for() -> None:
    assert len(TEXTS) >= 10
    assert sum(len(t.body) for t in TEXTS.values()) >= 15000
    assert {r.file for r in RELS} == set(TEXTS), "every text has relations listed"
    assert sum(r.expected == "inconsistent" for r in RELS) >= 2, "the real errors are listed"
    assert len({(r.file, r.start, r.type) for r in RELS}) == len(RELS), "no relation listed twice"


def test_checker_evaluates_the_listed_relations(capsys: pytest.CaptureFixture[str]) -> None:
    by_rel, _ = evaluate()
    ok = [r for r, fs in by_rel.items() if correct(r, fs)]
    per_type: Counter[str] = Counter(r.type for r in RELS)
    ok_type: Counter[str] = Counter(r.type for r in ok)
    with capsys.disabled():
        plain = [r for r in RELS if not r.derived]
        print(f"\nrealtext: {len(ok)} of {len(RELS)} relations evaluated correctly", end="")
        print(f" ({sum(not r.derived for r in ok)} of the {len(plain)} not derived)")
        for t, n in sorted(per_type.items()):
            print(f"  {t:20} {ok_type[t]:3} / {n}")
    assert len(ok) >= CORRECT_AT_LEAST, (
        f"{len(ok)} of {len(RELS)} evaluated correctly, fewer than the {CORRECT_AT_LEAST} reached before"
    )


def test_every_inconsistent_finding_is_a_real_error() -> None:
    _, bad = evaluate()
    wrong = [r for r in RELS if r.expected == "inconsistent"]
    alarms = {false_alarm_key(f): f for f in bad if not any(on(f, r) for r in wrong)}
    new = {k: f"{f.stated} → {f.evidence}" for k, f in alarms.items() if k not in KNOWN_FALSE_ALARMS}
    assert not new, f"false alarms on real texts: {new}"
    gone = set(KNOWN_FALSE_ALARMS) - set(alarms)
    if gone:
        warnings.warn(f"no longer raised, take them off KNOWN_FALSE_ALARMS: {sorted(gone)}", stacklevel=1)


def test_the_real_errors_found_stay_found() -> None:
    by_rel, _ = evaluate()
    caught = {r.claim for r, fs in by_rel.items() if r.expected == "inconsistent" and correct(r, fs)}
    assert caught >= CAUGHT_TODAY, f"no longer caught: {CAUGHT_TODAY - caught}"
