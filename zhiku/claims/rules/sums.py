"""Sums: parts that add up to a total.

- a list with its total: A、B、C分别为a、b和c，合计(共、总计、三者合计、四类合计)t — the parts add up to t;
- a total and its parts after 其中 (…收入216784亿元，其中税收收入181129亿元、非税收入35655亿元): the parts
  are complete when they are complements (税收/非税, 城镇/乡村, 出口/进口, 男/女) or as many as a count
  names; complete parts must add up; incomplete ones are only reported when they do add up, and
  parts that exceed their total are never convicted (a 其中 may list overlapping groups);
- parts of a year (1—11月 and 12月; 1—10月 and 11—12月) that add up to the year's figure of the
  same thing;
- the rest of a list of shares (…分别占26.7%和27.3%，其余46.0%…) makes 100%;
- a table's 合计 row (the sum of each column; shares add to 100).
"""

from __future__ import annotations

import re

from zhiku.claims import fmt, labels
from zhiku.claims.facts import AMOUNT_KINDS, Fact, FactTable, same_measure
from zhiku.claims.interval import Interval
from zhiku.claims.judge import Pairing, bound_only, conclude, finding, reading, value
from zhiku.claims.search import name_likeness

RELATION = "sum"

_TOTAL_WORD = re.compile(r"(?:合计|总计|共计|共|总和|加总|合起来)(?:为|达|达到|是|约)?\s*$")
_COUNT_WORD = re.compile(r"(?P<n>[两二三四五六七八九十\d]+)(?:者|类|项|个|大|种|部分|地区|方面)")
_REST = re.compile(r"(?:其余|其他|剩余|余下)(?:的)?(?:部分)?\s*$")
_TOTAL_ROW = re.compile(r"合计|总计|全国|总体|总额|全部|小计")
_CN = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def check(table: FactTable) -> None:
    done: set[int] = set()
    for f in table.facts:
        if f.is_cell or f.q.kind not in AMOUNT_KINDS | {"percent"} or f.q.value is None:
            continue
        head = f.text[max(0, f.q.start - 12) : f.q.start]
        head = head[max(head.rfind(c) for c in "，,；;。：") + 1 :]
        if _TOTAL_WORD.search(head) and f.q.kind in AMOUNT_KINDS:
            _list_total(table, f, head)
            done.add(f.id)
        elif f.q.kind == "percent" and _REST.search(head):
            _rest_of_shares(table, f)
    for f in table.facts:
        if f.id in done or f.is_cell or f.role != "level" or f.q.kind not in AMOUNT_KINDS:
            continue
        parts = [g for g in table.children(f)]
        if len(parts) >= 2 or (parts and reading(parts[0]).lo > reading(f).hi):
            _of_which(table, f, parts)
        _years_total(table, f)
    _year_parts(table)
    _table_totals(table)


def _list_total(table: FactTable, total: Fact, head: str) -> None:
    """合计t after a list: the list just before it in its sentence (a 分别 list or the values before)."""
    before = [
        g for g in table.in_sentence(total.place.sentence) if g.q.end <= total.q.start and g.id != total.id
    ]
    parts: list[Fact] = []
    groups = [g for g in before if g.group is not None and same_measure(g.q, total.q)]
    if groups:
        parts = table.list_of(groups[-1])
    else:
        for g in reversed(before):
            if g.role == "other":
                continue  # 四类合计: the count of the list, not one of its values
            if g.role != "level" or not same_measure(g.q, total.q) or g.restates is not None:
                break
            parts.insert(0, g)
    count = _COUNT_WORD.search(head)
    n = _count(count.group("n")) if count else None
    if len(parts) < 2:
        return
    if n is not None and n != len(parts):
        return  # the count names another list (or the enumeration rule will say so)
    _judge(table, total, parts, complete=True, phrase=_phrase(total, head))


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _CN.get(word)


def _phrase(total: Fact, head: str) -> tuple[int, int]:
    return total.q.start - len(head), total.q.end


def counted(f: Fact) -> str:
    """What a count with a generic measure word counts: 19个自贸协定 → 自贸协定."""
    m = re.match(r"[^，,。；;、和及与的为是\d]{1,4}", f.text[f.q.end : f.q.end + 4])
    return m.group(0) if m and f.q.kind == "count" else ""


def _of_which(table: FactTable, total: Fact, parts: list[Fact]) -> None:
    what = counted(total)
    if what:
        parts = [p for p in parts if not counted(p) or labels.likeness_of(what, counted(p)) >= 0.5]
    if not parts:
        return
    big = [p for p in parts if not bound_only(p) and reading(p).lo > reading(total).hi]
    if big and not bound_only(total):
        # 签署19个自贸协定，其中…有21个: a part larger than its total counts something else, or is wrong
        p = big[0]
        table.push(
            finding(
                table,
                RELATION,
                "unverifiable",
                p,
                p.text[p.q.start : p.q.end],
                "—",
                f"其中的{p.q.text}大于总数{total.q.text}：两者所计可能不同，请核对 / "
                "a part exceeds its whole",
                [(total, "总数"), (p, "所述")],
                (p.q.start, p.q.end),
                missing="部分大于整体 / a part exceeds its whole",
            )
        )
        return
    names = [p.item or p.subject for p in parts]
    complete = labels.complement_parts(names) is not None and len(
        labels.complement_parts(names) or []
    ) == len(parts)
    if any(bound_only(p) for p in parts) or bound_only(total):
        return
    s = sum((reading(p) for p in parts[1:]), reading(parts[0]))
    ok = s.overlaps(reading(total))
    if not complete and not ok:
        return  # 其中 names some parts only: they need not add up
    _judge(table, total, parts, complete=complete, phrase=(total.q.start, total.q.end))


def _judge(
    table: FactTable, total: Fact, parts: list[Fact], *, complete: bool, phrase: tuple[int, int]
) -> None:
    if any(bound_only(p) for p in parts):
        return
    computed = sum((reading(p) for p in parts[1:]), reading(parts[0]))
    point = sum(value(p) for p in parts)
    shown = fmt.shown([total.q, *[p.q for p in parts]])
    parts_s = " + ".join(shown[1:])
    result = fmt.like_shown(point, [total.q, *[p.q for p in parts]])
    far = [f"{p.q.text}见{p.place.describe()}" for p in parts if p.place.sentence != total.place.sentence]
    p = Pairing(
        tuple((x, "部分") for x in parts),
        1.0 if complete else 0.5,
        computed,
        point,
        f"{parts_s} = {result}",
        "；".join(far[:2]),
        result,
    )
    stated_text = total.text[phrase[0] : phrase[1]]
    table.push(conclude(table, RELATION, total, reading(total), stated_text, [p], missing="", phrase=phrase))


_YEARS_TOTAL = re.compile(
    r"(?P<n>\d+|[两二三四五六七八九十]+)\s*年(?:间|来|中)?(?:的)?(?:累计|合计|共计|总计)(?:总额|总量|总计|金额)?(?:为|达|达到|超过|逾)?\s*$"
)


def _years_total(table: FactTable, total: Fact) -> None:
    """7年间的累计总额超过7.81万亿美元: the years' values must all be given to check it."""
    head = total.text[max(0, total.q.start - 16) : total.q.start]
    head = head[max(head.rfind(c) for c in "，,；;。") + 1 :]
    m = _YEARS_TOTAL.search(head) or _YEARS_TOTAL.search(head + total.q.text[:2])
    if m is None:
        return
    n = _count(m.group("n"))
    if n is None or n < 2:
        return
    same = [
        g
        for g in table.near(total, 3)
        if g.role == "level"
        and same_measure(g.q, total.q)
        and g.period.year is not None
        and g.restates is None
        and (g.place.sentence == total.place.sentence or name_likeness(total.subject, g) >= 0.5)
    ]
    years = sorted({g.period.year for g in same if g.period.year is not None})
    phrase = (total.q.start - len(head) + m.start(), total.q.end)
    if len(years) < n:
        table.push(
            finding(
                table,
                RELATION,
                "unverifiable",
                total,
                total.text[phrase[0] : phrase[1]],
                "—",
                f"{n}年的累计需要{n}个年度数值，文中只有{len(years)}个"
                + (f"（{'、'.join(map(str, years))}年）" if years else "")
                + f" / {len(years)} of {n} years given",
                [(g, f"{g.period.year}年") for g in same] + [(total, "所述")],
                phrase,
                missing=f"缺少{n - len(years)}个年度的数值 / {n - len(years)} yearly values missing",
            )
        )
        return
    picked = [next(g for g in same if g.period.year == y) for y in years[-n:]]
    _judge(table, total, picked, complete=True, phrase=phrase)


def _rest_of_shares(table: FactTable, rest: Fact) -> None:
    """其余46.0%: 100 minus the shares listed before it in the sentence."""
    before = [
        g for g in table.in_sentence(rest.place.sentence) if g.q.end <= rest.q.start and g.q.kind == "percent"
    ]
    shares = [g for g in before if g.role == "share"]
    if shares and shares[-1].group is not None:
        shares = table.list_of(shares[-1])
    if not shares or any(bound_only(g) for g in shares):
        return
    computed = 100.0 - sum((reading(g) for g in shares[1:]), reading(shares[0]))
    point = 100.0 - sum(value(g) for g in shares)
    arithmetic = "100% − " + " − ".join(g.q.text for g in shares) + f" = {fmt.pct(point, 1)}"
    p = Pairing(
        tuple((g, "其他部分") for g in shares),
        0.9,
        computed,
        point,
        arithmetic,
        "各部分合计为100% / the parts make 100%",
        fmt.pct(point, 1),
    )
    start = rest.text.rfind("其", 0, rest.q.start)
    phrase = (start if start >= 0 else rest.q.start, rest.q.end)
    table.push(
        conclude(
            table,
            RELATION,
            rest,
            reading(rest),
            rest.text[phrase[0] : phrase[1]],
            [p],
            missing="",
            phrase=phrase,
        )
    )


def _year_parts(table: FactTable) -> None:
    """1—11月累计427945亿元，12月份当月43550亿元 … 全年471495亿元: parts of a year add up to it."""
    by_year: dict[int, list[Fact]] = {}
    for f in table.facts:
        if (
            f.role == "level"
            and not f.is_cell
            and f.q.kind in AMOUNT_KINDS
            and f.period.year is not None
            and not f.period.end
        ) and f.restates is None and not bound_only(f):
            by_year.setdefault(f.period.year, []).append(f)
    for facts in by_year.values():
        wholes = [f for f in facts if f.period.months is None and f.period.explicit]
        spans = [f for f in facts if f.period.months is not None]
        for a in spans:
            for b in spans:
                if a.id >= b.id or a.period.months is None or b.period.months is None:
                    continue
                (a0, a1), (b0, b1) = sorted([a.period.months, b.period.months])
                if not (a0 == 1 and b0 == a1 + 1 and b1 == 12):
                    continue
                if not same_measure(a.q, b.q) or name_likeness(a.subject, b) < 0.6:
                    continue
                for w in wholes:
                    if (
                        same_measure(w.q, a.q)
                        and name_likeness(a.subject, w) >= 0.6
                        and name_likeness(b.subject, w) >= 0.6
                    ):
                        # the part written last is the one derived (据此推算…11—12月…)
                        claim = max((a, b, w), key=lambda f: f.id)
                        _year_judge(table, claim, a, b, w)


def _year_judge(table: FactTable, claim: Fact, a: Fact, b: Fact, whole: Fact) -> None:
    first, second = sorted((a, b), key=lambda f: f.period.months or (0, 0))
    if claim is whole:
        computed = reading(first) + reading(second)
        point = value(first) + value(second)
        sh = fmt.shown([whole.q, first.q, second.q])
        arithmetic = f"{sh[1]} + {sh[2]} = {fmt.like_shown(point, [whole.q, first.q, second.q])}"
        inputs: tuple[tuple[Fact, str], ...] = (
            (first, first.period.label()),
            (second, second.period.label()),
        )
    else:
        other = first if claim is second else second
        computed = reading(whole) - reading(other)
        point = value(whole) - value(other)
        sh = fmt.shown([whole.q, other.q, claim.q])
        arithmetic = f"{sh[0]} − {sh[1]} = {fmt.like_shown(point, [whole.q, other.q, claim.q])}"
        inputs = ((whole, whole.period.label()), (other, other.period.label()))
    p = Pairing(
        inputs,
        0.9,
        computed,
        point,
        arithmetic,
        "全年 = 各月份之和 / the months add up to the year",
        fmt.like_shown(point, [whole.q, first.q, second.q]),
    )
    lo = max(claim.text.rfind(c, 0, claim.q.start) for c in "，,；;。") + 1
    phrase = (lo, claim.q.end)
    table.push(
        conclude(
            table,
            RELATION,
            claim,
            reading(claim),
            claim.text[phrase[0] : phrase[1]],
            [p],
            missing="",
            phrase=phrase,
        )
    )


def _table_totals(table: FactTable) -> None:
    """A table's 合计 row against the sum of the rows above it, column by column."""
    for ti in range(len(table.doc.tables)):
        cells = [f for f in table.facts if f.place.table == ti]
        totals = [f for f in cells if _TOTAL_ROW.search(f.subject)]
        for t in totals:
            column = [
                f
                for f in cells
                if f.place.col == t.place.col and f.id != t.id and not _TOTAL_ROW.search(f.subject)
            ]
            if len(column) < 2 or any(not same_measure(f.q, t.q) for f in column):
                continue
            if t.role == "growth":
                _table_growth(table, t, column, cells)
                continue
            computed = sum((reading(f) for f in column[1:]), reading(column[0]))
            point = sum(value(f) for f in column)
            shown = fmt.like_shown(point, [t.q, *[f.q for f in column]])
            arithmetic = " + ".join(f.q.text for f in column) + f" = {shown}"
            col = (t.place.col or 0) + 1
            p = Pairing(
                tuple((f, "各行") for f in column),
                1.0,
                computed,
                point,
                arithmetic,
                f"表格第{col}列各行之和",
                shown,
            )
            table.push(
                conclude(
                    table, RELATION, t, reading(t), t.q.text, [p], missing="", phrase=(t.q.start, t.q.end)
                )
            )


def _table_growth(table: FactTable, total: Fact, column: list[Fact], cells: list[Fact]) -> None:
    """The 合计 row's growth from the rows' levels and growth rates: Σ levels ÷ Σ (level ÷ (1 + g)) − 1."""
    levels: list[tuple[Fact, Fact]] = []
    total_level = next(
        (
            f
            for f in cells
            if f.place.row == total.place.row and f.role == "level" and f.q.kind in AMOUNT_KINDS
        ),
        None,
    )
    for g in column:
        level = next(
            (
                f
                for f in cells
                if f.place.row == g.place.row and f.role == "level" and f.q.kind in AMOUNT_KINDS
            ),
            None,
        )
        if level is None:
            return
        levels.append((level, g))
    if total_level is None or len(levels) < 2:
        return
    now = sum((reading(lv) for lv, _ in levels[1:]), reading(levels[0][0]))
    before = Interval(0.0, 0.0)
    for lv, g in levels:
        before = before + reading(lv) / (reading(g) / 100.0 + 1.0)
    computed = (now / before - 1.0) * 100.0
    now_v = sum(value(lv) for lv, _ in levels)
    before_v = sum(value(lv) / (1 + value(g) / 100) for lv, g in levels)
    point = (now_v / before_v - 1) * 100
    arithmetic = (
        f"Σ本期 / Σ(本期/(1+增速)) − 1 = {fmt.num(now_v)}/{fmt.num(before_v, 1)} − 1 = {fmt.pct(point)}"
    )
    p = Pairing(
        tuple((x, "各行") for pair in levels for x in pair),
        0.9,
        computed,
        point,
        arithmetic,
        "合计增速由各行数值和增速推得",
        fmt.pct(point),
    )
    table.push(
        conclude(
            table,
            RELATION,
            total,
            reading(total),
            total.q.text,
            [p],
            missing="",
            phrase=(total.q.start, total.q.end),
        )
    )
