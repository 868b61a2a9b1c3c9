"""Differences between rates: 比上年提高0.6个百分点 / 西部增速比东部高4.0个百分点 / 由15.2%提升至15.6%，
提高0.4个百分点 / 下降0.4个千分点 / 环比下降8个基点 / 增速高出14.6个百分点.

Trigger: a change or a gap written in points (个百分点, 个千分点, 个基点), or a gap written as a
percentage (高4.0%) where the two things compared are rates. The two rates are, in order of
certainty: the ends of 由a提升至b; a rate and the one written inside its comparison (比上年的5.6%);
a rate and the same rate in the base period (比上年, 比2010年, 较2022年末; 环比: the month before);
two rates of different things (A比B高, A快于B, 高出B), each found by its name; or, with no
comparison named, the rate just before and the like rate before it (…增长5.8%；…增长20.4%，增速高出
14.6个百分点). The gap must equal the difference in the claim's unit: percentage points for
rates in %, per-mille points for ‰, basis points as hundredths of a point.

A gap between rates written as a percentage (高出4.0%) is read as a relative change (a ÷ b − 1),
the meaning the statistical convention gives it; when only the difference in points fits, the
finding says the unit is wrong. Points used for the growth of an amount (增长4.76个百分点) are
wrong the same way: an amount grows by a percentage.
"""

from __future__ import annotations

import re

from zhiku.claims import fmt, labels
from zhiku.claims.facts import (
    AMOUNT_KINDS,
    SPAN_YEARS,
    Fact,
    FactTable,
    clause_before,
    clause_start,
    years_count,
)
from zhiku.claims.interval import Interval
from zhiku.claims.judge import (
    POINTS_AS_PERCENT,
    Pairing,
    absolute,
    bound_only,
    conclude,
    push_number,
    reading,
    value,
)
from zhiku.claims.search import (
    Scored,
    base_periods,
    candidates,
    closed_note,
    current_of,
    former_or_latter,
    later_passage,
    later_sentence,
    name_likeness,
    other_bases,
    period_fits,
)

RELATION = "pp_change"

_REFERENCE = re.compile(r"前值|(?:市场)?(?:一致)?预期(?:值)?|预测值")

RATE_ROLES = ("rate", "share", "growth", "level")
_RATE_KINDS = ("percent",)


def _points(f: Fact) -> bool:
    """A gap between rates: 个百分点 (unit pp), 个基点 (bp), 个千分点 (‰pt): kind percent, not a rate."""
    return f.q.kind == "percent" and not f.q.is_rate


# 升幅, 降幅, 提高幅度: how far a rate moved, in points
_AMPLITUDE = re.compile(r"升幅|降幅|提高幅度|下降幅度|改善幅度")
_CONTRIBUTION = re.compile(r"拉动|带动|贡献(?!率)")


def check(table: FactTable) -> None:
    for claim in table.facts:
        if claim.is_cell:
            if _points(claim) and claim.role in ("change", "gap"):
                _judge_cell(table, claim)
            continue
        points = _points(claim) and claim.role in ("change", "gap", "growth")
        if _CONTRIBUTION.search(claim.text, clause_start(claim.text, claim.q.start), claim.q.start):
            continue  # 拉动电信业务收入增长1.2个百分点: a part's pull on the whole's growth, no gap of rates
        if points or (claim.q.is_rate and claim.role == "gap"):
            _judge(table, claim)


def _scale(claim: Fact, a: Fact) -> tuple[float, str]:
    """How many of the claim's units one unit of the rates' difference is, and the unit's name."""
    unit = claim.q.unit or ""
    if a.q.unit == unit and unit in ("bp", "‰pt"):
        return 1.0, "个基点" if unit == "bp" else "个千分点"  # (two falls in 基点 compared in 基点)
    if unit == "bp":
        return (100.0 if a.q.is_rate else 10.0), "个基点"
    if unit == "‰pt":
        return (10.0 if a.q.is_rate else 1.0), "个千分点"
    return 1.0, "个百分点"


def _phrase(table: FactTable, claim: Fact) -> tuple[int, int]:
    lo = max(claim.text.rfind(mark, 0, claim.q.start) for mark in "，,；;。！？") + 1
    start = claim.compare_at if claim.compare_at >= lo else claim.q.start
    if start == claim.q.start:
        m = re.search(
            r"(?:增速|比重|占比)?(?:比|较|同比|环比)?[^，,。；;]{0,12}?(?:提高|下降|上升|回落|提升|降低|增加|减少|高出|高|低|快|慢|多|少|大|小|缩小|扩大)",
            claim.text[lo : claim.q.start],
        )
        if m:
            start = lo + m.start()
    end = claim.q.end
    if claim.group is not None and claim.q.text.endswith("个"):
        # 分别下降3.37个和3.60个百分点: the unit the first members leave off is written after the last
        end = max(end, *(g.q.end for g in table.list_of(claim)))
    return start, end


def _judge(table: FactTable, claim: Fact) -> None:
    phrase = _phrase(table, claim)
    stated_text = claim.text[phrase[0] : phrase[1]]
    sign = -1.0 if claim.down else 1.0
    stated = reading(claim) * sign
    pairs = _rate_pairs(table, claim)
    points_on_amount = not pairs and _points(claim) and claim.role in ("change", "growth")
    if points_on_amount and _amount_in_points(table, claim, stated_text, phrase):
        return
    pairings = [
        p
        for a, b, score in pairs
        if not bound_only(a) and not bound_only(b) and (p := _pairing(claim, a, b, score)) is not None
    ]
    if claim.verb == "相差" or claim.verb.startswith("差距"):
        # 幼儿园增长8.8%，中等职业学校仅增长0.7%，相差8.1个百分点: how far apart, not which is higher
        stated = reading(claim)
        pairings = [absolute(p) for p in pairings]
    missing = _missing(table, claim)
    table.push(
        conclude(table, RELATION, claim, stated, stated_text, pairings, missing=missing, phrase=phrase)
    )


def _missing(table: FactTable, claim: Fact) -> str:
    """What is missing, named: the rate of the base period, or the rate of the thing compared with."""
    what = re.sub(r"^(?:其|该)", "", claim.subject) or "所述比率"
    if claim.base_period is not None:
        when = claim.base_period.label()
        return f"缺少{when}「{what}」的比率 / the rate for {when} is not given"
    if claim.compare:
        return f"缺少「{claim.compare}」的比率 / the rate of {claim.compare} is not given"
    cur = _current_rate(table, claim)
    if not cur:
        return f"缺少「{what}」本期的比率 / the current rate is not given"
    return "缺少对比的比率（上一期）/ the rate compared with is not given"


def _judge_cell(table: FactTable, claim: Fact) -> None:
    """A table's change column in points: the row's rates in two years, the later minus the earlier."""
    row = [
        f
        for f in table.facts
        if f.place.table == claim.place.table
        and f.place.row == claim.place.row
        and f.q.is_rate
        and f.id != claim.id
    ]
    dated = sorted(
        (f for f in row if f.period.year is not None and f.period.explicit), key=lambda f: f.period.year or 0
    )
    if len(dated) != 2 or dated[0].period.year == dated[1].period.year or dated[0].header != dated[1].header:
        return
    b, a = dated
    p = _pairing(claim, a, b, 1.0)
    if p is not None:
        push_number(table, RELATION, claim, [p])


def _pairing(claim: Fact, a: Fact, b: Fact, score: float) -> Pairing | None:
    # (two rises in points compared in points: 德阳升幅比遂宁高1.0个百分点)
    moves = _points(a) and _points(b) and not claim.q.is_rate
    if not (a.q.is_rate and b.q.is_rate) and not moves:
        return None
    sa, sb = fmt.shown([a.q, b.q])
    where = "" if b.place.sentence == claim.place.sentence else f"{b.q.text}见{b.place.describe()}"
    if claim.q.is_rate:
        # 高4.0%: a relative difference by the convention; the points reading is named if it fits
        computed = (reading(a) / reading(b) - 1.0) * 100.0
        point = (value(a) / value(b) - 1) * 100 if value(b) else float("nan")
        diff = value(a) - value(b)
        note = where
        if abs(abs(diff) - value(claim)) <= 10**-claim.q.decimals:
            note += (
                ("；" if note else "")
                + f"两者相差{fmt.num(abs(diff))}个百分点：{POINTS_AS_PERCENT} / "
                + f"the gap is {fmt.num(abs(diff))} percentage points"
            )
        return Pairing(
            ((b, "对比"), (a, "本项")),
            score,
            computed,
            point,
            f"{sa}/{sb} − 1 = {fmt.pct(point)}",
            note,
            fmt.pct(point),
        )
    factor, unit_name = _scale(claim, a)
    # 增速比上年回落11.6个百分点 (7.0% → 下降4.6%) compares growth rates with their signs; 降幅扩大
    # 4.5个百分点 (下降1.0% → 下降5.5%) compares the sizes of two falls, as its word says
    clause = claim.text[clause_start(claim.text, claim.q.start) : claim.q.start]
    # (同比下降10.3%，比1—9月的10.1%扩大0.2个百分点: a fall compared with a rate written without its
    # sign by 扩大/收窄 compares the sizes of the two falls)
    widens = re.search(r"扩大|收窄", claim.verb + claim.text[claim.q.start - 4 : claim.q.start])
    # (新能源车降幅9.2%，比燃油车的6.8%高出2.4个百分点: the rate now named as a fall's size)
    own_clause = a.text[clause_start(a.text, a.q.start) : a.q.start] if not a.is_cell else ""
    signed = (
        not _SIZE_OF_FALL.search(clause)
        and not _SIZE_OF_FALL.search(own_clause)
        and not (widens and _falls(a) and not _falls(b))
        # (自然增长率-0.99‰，较上年（-1.48‰）收窄0.49个千分点: two falls narrowing, by their sizes)
        and not (widens and (_falls(a) or value(a) < 0) and (_falls(b) or value(b) < 0))
        # (能耗降低3%左右，比去年的2.5%左右提高0.5个百分点: a base written into the comparison of a fall
        # is last year's fall, its sign left unwritten)
        and not (_falls(a) and not _falls(b) and b.id == claim.base_fact and value(b) > 0)
    )
    computed = (_signed(a) - _signed(b) if signed else _size(a) - _size(b)) * factor
    point = (_signed_value(a) - _signed_value(b) if signed else abs(value(a)) - abs(value(b))) * factor
    if not signed:
        # 降幅比5月末（-4.2%）扩大: the sizes of the falls ((−1.48) as the shown form writes a negative)
        sa, sb = sa.strip("()").lstrip("−-"), sb.strip("()").lstrip("−-")
    if signed and _falls(b):
        sb = f"(−{sb.lstrip('−')})"
    if signed and _falls(a):
        sa = f"−{sa.lstrip('−')}"
    arithmetic = f"{sa} − {sb} = {fmt.num(point, 2)}{unit_name}"
    if re.match(r"年均|平均每年", claim.verb) or re.search(r"(?:年均|平均每年)$", clause):
        # 城镇化率由2020年的52.6%提高到58.1%…年均提高1.38个百分点: the change spread over the years
        years = (a.period.year or 0) - (b.period.year or 0)
        if a.period.year is None or b.period.year is None or years <= 0:
            return None
        computed, point = computed / years, point / years
        if not (a.period.explicit and b.period.explicit):
            score = min(score, 0.5)  # a year carried from another sentence may confirm, not convict
        arithmetic = f"({sa} − {sb}) ÷ {years}年 = {fmt.num(point, 2)}{unit_name}"
    note = where
    if factor != 1.0 and claim.q.unit not in ("bp", "‰pt"):
        note += ("；" if note else "") + "两个比率以‰计，其差为千分点 / the rates are per mille"
    return Pairing(
        ((b, "对比"), (a, "本项")),
        score,
        computed,
        point,
        arithmetic,
        note,
        f"{fmt.num(point, 2)}{unit_name}",
    )


_RATE_WORDS = re.compile(r"(?:的)?(?:增速|增幅|增长率|增长|涨幅|降幅|平均水平)$")
# 高出整体增速9.6个百分点: the rate of the whole the thing is part of, named by no name of its own
_WHOLE_ONLY = re.compile(r"(?:整体|总体|全部|总)(?:的)?(?:增速|增幅|增长|水平|平均水平)?")


def _rate_of_the_whole(table: FactTable, claim: Fact, a: Fact) -> Fact | None:
    """The like rate (same kind and role, same period) of the largest amount written before the
    claim that is larger than ``a``'s own amount: the total whose growth is 整体增速."""

    def amount_of(r: Fact) -> Fact | None:
        level = [
            g
            for g in table.in_sentence(r.place.sentence)
            if g.role == "level"
            and g.q.kind in AMOUNT_KINDS
            and g.q.end <= r.q.start
            and g.subject == r.subject
        ]
        return level[-1] if level else None

    own = amount_of(a)
    if own is None:
        return None
    best: tuple[float, Fact] | None = None
    for r in table.facts[max(0, a.id - 80) : a.id]:
        if not _is_rate(r) or r.role != a.role or r.q.kind != a.q.kind or not r.period.same(a.period):
            continue
        total = amount_of(r)
        if total is None or not _same_unit(total, own) or (total.value or 0.0) <= (own.value or 0.0):
            continue
        if best is None or (total.value or 0.0) > best[0]:
            best = (total.value or 0.0, r)
    return best[1] if best else None


_ALL_OF = re.compile(r"(?:全国|全省|全市|全区|全县|全州|全镇|全乡|全社会|全行业)(?:平均|平均水平|整体|总体)?")


def _total_row_of(table: FactTable, claim: Fact, a: Fact, compared: str) -> Fact | None:
    """The 合计 row's cell in the column of the table row ``a`` is (or restates) when the claim
    compares with the whole place (比全县高): 龙潭乡…达7.2% is the 龙潭乡 row's 增长 cell."""
    if not _ALL_OF.fullmatch(compared):
        return None
    opened = a.text[table.sentences[a.place.sentence].start : a.q.start]
    rows = [
        c
        for c in table.cells()
        if c.q.value is not None
        and a.q.value is not None
        and abs(c.q.value - a.q.value) < 1e-9
        and _is_rate(c)
        and len(c.subject) >= 2
        and (c.id == a.id or c.subject in opened)
    ]
    if len(rows) != 1:
        return None
    row = rows[0]
    totals = [
        c
        for c in table.cells()
        if c.place.table == row.place.table
        and c.place.col == row.place.col
        and c.id != row.id
        and labels.TOTAL_ROW.fullmatch(c.subject)
    ]
    return totals[0] if len(totals) == 1 else None


def _like_roles(a: Fact) -> tuple[str, ...]:
    """The roles the other side of a points gap from ``a`` may have: a growth against a growth, a
    share against a share, and any other rate against rates that are no growth — 周转量达到2019年
    同期的114.83%，高出运力…: a level above its base is never measured in points against a rate of
    change (同比上升12.34%)."""
    if a.role in ("growth", "share"):
        return (a.role,)
    # (龙潭乡增速最快，达7.2%: a rate named as a growth, in its words or the clause before, is one)
    said = a.text[clause_before(a.text, a.q.start) : a.q.start]
    if re.search(r"增速|增幅|增长率|涨幅|降幅", a.own or said):
        return ("growth", "rate")
    return tuple(r for r in RATE_ROLES if r != "growth")


def _same_unit(a: Fact, b: Fact) -> bool:
    return a.q.kind == b.q.kind and a.q.unit == b.q.unit


_SIZE_OF_FALL = re.compile(r"降幅|跌幅|减幅|降速|下降幅度|下滑幅度")


def _falls(f: Fact) -> bool:
    """A growth written as a fall (下降6.4%): the rate is −6.4% when rates are subtracted."""
    return f.role == "growth" and f.down


def _signed(f: Fact) -> Interval:
    return -reading(f) if _falls(f) else reading(f)


def _size(f: Fact) -> Interval:
    """How large a fall is (下降5.0% and -4.2% alike: 5.0 and 4.2)."""
    return -reading(f) if value(f) < 0 else reading(f)


def _signed_value(f: Fact) -> float:
    return -value(f) if _falls(f) else value(f)


def _compared_pair(table: FactTable, claim: Fact) -> tuple[Fact, Fact, float] | None:
    """I—III类比例为90.4%，…劣V类比例为0.6%，…。与上年的89.4%和0.7%相比，前者提高1.0个百分点，后者下降0.1
    个百分点: 前者 is the first value now against the first compared, 后者 the second against the second."""
    own = clause_start(claim.text, claim.q.start)
    which = re.match(r"\s*(前者|后者)", claim.text[own : claim.q.start])
    if which is None:
        return None
    start = table.sentences[claim.place.sentence].start
    bases = [
        g
        for g in table.around(claim)
        if g.place.sentence == claim.place.sentence and g.q.end <= own and _is_rate(g)
    ]
    if (
        len(bases) != 2
        or not re.search(r"(?:与|同|跟)[^，,。；;\d]{0,12}$", claim.text[start : bases[0].q.start])
        or not re.fullmatch(r"\s*(?:和|与|、|及)\s*", claim.text[bases[0].q.end : bases[1].q.start])
        or (after := re.match(r"\s*(?:相比|比较)[，,]", claim.text[bases[1].q.end :])) is None
        # (only the other of the two may be spoken of between the comparison and the claim)
        or not re.fullmatch(
            r"(?:\s*(?:前者|后者)[^，,。；;]*[，,])?\s*", claim.text[bases[1].q.end + after.end() : own]
        )
    ):
        return None
    now = [
        g
        for g in table.facts[: bases[0].id]
        if g.place.passage == claim.place.passage and _is_rate(g) and g.q.kind == bases[0].q.kind
    ][-2:]
    if len(now) != 2:
        return None
    k = 0 if which.group(1) == "前者" else 1
    return now[k], bases[k], 0.95


def _is_rate(f: Fact) -> bool:
    # (普及率79.84%，接近八成: a rate said again, rounded, is no second rate)
    return f.q.is_rate and f.role in RATE_ROLES and f.q.value is not None and f.restates is None


def _rate_pairs(table: FactTable, claim: Fact) -> list[tuple[Fact, Fact, float]]:
    sentence = table.around(claim)
    before = [g for g in sentence if g.q.end <= claim.q.start and g.id != claim.id]
    said = claim.text[clause_start(claim.text, claim.q.start) : claim.q.start]
    if claim.role == "gap" and _TO_TARGET.search(said):
        return _to_target(table, claim, before)
    if claim.role == "gap" and claim.verb == "差" and not claim.compare:
        # 研发投入强度1.95%，差0.25个百分点: 差 alone after a rate is how far it falls short of its target
        aimed = _to_target(table, claim, before)
        if aimed:
            return aimed
    if (paired := _compared_pair(table, claim)) is not None:
        return [paired]
    if claim.role == "gap" and re.match(r"\s*(?:两者|二者)(?:之间)?(?:相差|差距为?|差)", said):
        # (…分别为79.46%和61.21%（2020年分别为77.83%和57.64%），两者相差18.25个百分点: the two rates just
        # before, not a bracketed note of another year, nor a change of one of them)
        two = [
            g
            for g in before
            if _is_rate(g)
            and g.role in ("rate", "share", "level", "growth")  # (东部增长7.8%，东北仅增长1.8%，两者相差)
            and not closed_note(g, claim)
        ]
        return [(two[-2], two[-1], 0.9)] if len(two) >= 2 else []
    # 1. 由a提升至b，提高n个百分点 (分别由a1、a2提高到b1、b2，分别提高n1和n2个百分点: each member its pair)
    if claim.group is not None:
        moved = [
            g for g in before if _is_rate(g) and g.base_fact is not None and _is_rate(table.fact(g.base_fact))
        ]
        members = table.list_of(claim)
        k = claim.member
        if k is not None and len(moved) == len(members) >= 2 and k < len(moved):
            g = moved[k]
            return [(g, table.fact(g.base_fact), 1.0)]  # type: ignore[arg-type]
    for g in reversed(before):
        if g.role in ("change", "gap", "growth") and _points(g):
            break
        if _is_rate(g) and g.base_fact is not None and g.place.clause >= claim.place.clause - 2:
            base = table.fact(g.base_fact)
            if _is_rate(base):
                return [(g, base, 1.0)]
    # 2. a rate with its base inside the comparison (比上年的5.6%下降0.4个百分点)
    if claim.base_fact is not None:
        base = table.fact(claim.base_fact)
        cur = _current_rate(table, claim, exclude={base.id})
        if re.search(r"比重|占比|份额|结构", claim.subject + claim.own):
            # (…分别增长3.8%、6.9%和4.9%。三次产业结构7.7∶40.7∶51.6，第三产业比重较去年同期的51.5%提高0.1个
            # 百分点: a share's change is of a share, not of the sector's growth)
            cur = [s for s in cur if s.fact.role != "growth"]
        # (由上年的15.2%升至15.6%…；占比较上年的19.4%提高…: a rate of the year before is no rate now)
        if cur and _is_rate(base) and not cur[0].fact.period.clashes(claim.period):
            return [(cur[0].fact, base, cur[0].score)]
        if _is_rate(base):
            return []  # (占比较上年的19.4%提高1.8个百分点: the base is given, the rate now is not)
    out: list[tuple[Fact, Fact, float]] = []
    if _REFERENCE.fullmatch(claim.compare):
        # yoy +6.6%，前值5.9%，较前值抬升0.7pct: the previous reading written just before
        refs = [g for g in before if _is_rate(g) and _REFERENCE.fullmatch(g.subject)]
        cur = _current_rate(table, claim)
        if refs and cur and cur[0].fact.id != refs[-1].id:
            return [(cur[0].fact, refs[-1], cur[0].score)]
        return []
    if claim.role in ("change", "growth") or claim.base_period is not None:
        cur = _current_rate(table, claim)
        if not cur:
            return []
        a = cur[0].fact
        if claim.item and a.subject and not (a.item or a.subject).startswith(claim.item[:2]):
            # (按时处理率达98.99%…；纤维制品、医疗器械…三类调解成功率分别提高15.51、13.15…: a 分别
            # member is the change of its own item, not of the rate before the list)
            return []
        for bp in base_periods(table, claim, a):
            for s in candidates(
                table,
                claim,
                a.subject or claim.subject,
                kinds=[a.q.kind],
                roles=_like_roles(a),
                period=bp,
                exclude={a.id},
                min_likeness=0.5,
            ):
                if later_passage(s.fact, claim):
                    continue  # the base of a change is written before it, not a paragraph later
                if labels.broader(a.subject, s.fact.subject):
                    continue  # (重点城市优良天数率…同比上升: not 全省优良天数率's base)
                out.append((a, s.fact, min(cur[0].score, s.score)))
            if out:
                break
        return out
    # 3. a gap between two things
    if claim.compare and _AMPLITUDE.search(claim.own):
        # 德阳、绵阳、遂宁优良天数率同比分别上升12.3、11.9和11.3个百分点，德阳升幅比遂宁高1.0个百分点: the
        # two rises in points the list gives, not two rates
        moved = [g for g in before if g.role == "change" and _points(g) and g.item]
        mine = [g for g in moved if claim.own.startswith(g.item)]
        other = [g for g in moved if g.item == claim.compare.strip()]
        if len(mine) == 1 and len(other) == 1:
            return [(mine[0], other[0], 1.0)]
        if moved:
            return []
        # 一般贷款…比上年同期的4.81%下降32个基点；企业贷款…同比下降27个基点，降幅比一般贷款小5个基点: the
        # fall just before, against the fall of the thing compared
        falls = [
            g for g in table.around(claim) if g.q.end <= claim.q.start and g.role == "change" and _points(g)
        ]
        if falls:
            theirs = [g for g in falls[:-1] if name_likeness(claim.compare.strip(), g) >= 0.5]
            return [(falls[-1], theirs[-1], 0.9)] if theirs else []
    if claim.compare:
        a_found = _current_rate(table, claim)
        # (中等职业教育3309亿元，占高中阶段的32.6%，仅增长2.1%，比高中阶段整体低4.1个百分点: a gap right
        # after a growth compares that growth)
        grew = [g for g in before if _is_rate(g)]
        if (
            grew
            and not claim.own  # (西部增速比东部高: a gap that names its side is that side's)
            and grew[-1].group is None
            and grew[-1].role == "growth"
            and grew[-1].place.clause == claim.place.clause - 1
            and (not a_found or a_found[0].fact.id != grew[-1].id)
        ):
            a_found = [Scored(grew[-1], 0.9, 0.9)]
        if not a_found:
            return []
        a = a_found[0].fact
        # 比全国（21.79万亿元，增长2.9%）快1.1个百分点: the one rate written inside the comparison is
        # the other side's
        inside = [
            g
            for g in table.around(claim)
            if claim.compare_at >= 0 and claim.compare_at <= g.q.start < claim.q.start and _is_rate(g)
        ]
        if len(inside) == 1 and inside[0].id != a.id:
            return [(a, inside[0], a_found[0].score)]
        after = next((g for g in table.around(claim) if g.q.start > claim.q.end and _is_rate(g)), None)
        if after is not None and _THE_LATTER_IS.fullmatch(claim.text[claim.q.end : after.q.start]):
            # 比规上制造业平均水平高1.39个百分点，后者为1.71%: the other side, written after the gap
            return [(a, after, a_found[0].score)]
        if (total := _total_row_of(table, claim, a, claim.compare.strip())) is not None:
            # 龙潭乡增速最快，达7.2%，比全县高2.1个百分点: the table's 合计 row, in the column of the
            # row the sentence names
            return [(a, total, a_found[0].score)]
        if _WHOLE_ONLY.fullmatch(claim.compare):
            whole = _rate_of_the_whole(table, claim, a)
            return [(a, whole, 0.9 * a_found[0].score)] if whole is not None else []
        # 高于GDP增速, 高于全市经济增长: the thing whose rate it is (GDP, 全市经济)
        compared = _RATE_WORDS.sub("", claim.compare) or claim.compare
        if a.group is not None:
            # 美国、欧盟、中国、日本占全球的比重依次为…；美国所占比重比中国高出9.0个百分点: the other
            # side is the list's member the comparison names
            member = [g for g in table.list_of(a) if g.id != a.id and g.item and g.item == compared.strip()]
            if not member:
                # 2660列、215812标箱，同比分别增长40.6%和41.7%，标箱增速快于列数1.1个百分点: the member whose
                # value's unit the comparison names (列数: the count in 列)
                member = [
                    g
                    for g in table.list_of(a)
                    if g.id != a.id
                    and g.target is not None
                    and (unit := table.fact(g.target).q.unit or "")
                    and compared.strip().startswith(unit)
                ]
            if len(member) == 1:
                return [(a, member[0], a_found[0].score)]
        # 实际增速高出全国农村0.4个百分点: a real growth against the other's real growth, a nominal
        # one against its nominal
        said = claim.text[clause_start(claim.text, claim.q.start) : claim.q.start]
        real = a.role == "growth" and labels.real_terms(_growth_words(a))
        asked = a.role == "growth" and bool(re.search(r"实际|名义", said))
        for s in candidates(
            table,
            claim,
            compared,
            kinds=[a.q.kind],
            roles=_like_roles(a),
            period=a.period.as_filter(),
            exclude={a.id},
            min_likeness=0.5,
        ):
            if asked and labels.real_terms(_growth_words(s.fact)) != real:
                continue
            if not _of_kind(claim, s.fact):
                continue
            if (a.q.measure == "‰") != (s.fact.q.measure == "‰"):
                continue  # 杭州出生率6.7‰，高出全省0.9个千分点: not the 全省 row's share in %
            if later_passage(s.fact, claim) or later_sentence(s.fact, claim):
                # 比东京奥运会（38金32银18铜）提高0.8个百分点: not a rate a later paragraph gives; 西宁市超出
                # 目标7.4个百分点 …。海西州…用去目标的18.7%: nor one a later sentence gives
                continue
            if s.fact.role == "share" and compared in (
                s.fact.whole or (s.fact.header if s.fact.is_cell else "")
            ):
                # (规模占全国的13.6%…；制造业占比比全国高: a share OF 全国 is not 全国's share;
                # | 全省 | 100.0 | under 占全省比重 is no 全省's 结收比)
                continue
            if a.is_cell and s.fact.place.table == a.place.table and s.fact.place.col != a.place.col:
                continue  # (龙潭乡增速…达7.2%，比全县高2.1个百分点: the 合计 row's cell in the same column)
            out.append((a, s.fact, min(a_found[0].score, s.score)))
        if not out and a.role == "growth":
            # (出游3.14亿人次，同比增长6.4%；…总花费…同比增长8.0%，花费增速快于人次增速1.6个百分点: a growth
            # named by the unit of what grew — 人次 — is the one growth of a value counted in it)
            by_unit = [
                g
                for g in table.facts[: claim.id]
                if g.id != a.id
                and g.role == "growth"
                and _is_rate(g)
                and g.place.passage == claim.place.passage
                and (value_of := _what_grew(table, g)) is not None
                and len(unit := value_of.q.measure or value_of.q.unit or "") >= 2
                and compared.strip() == unit
                # (同比分别增长9.4%和10.2%，比2019年同期分别增长18.5%和23.1%: growths over one span)
                and g.compare == a.compare
            ]
            if len(by_unit) == 1:
                return [(a, by_unit[0], a_found[0].score)]
        if (
            out
            and _A_SCOPE.fullmatch(compared.strip())
            and all(
                name_likeness(a.subject, b) < 0.5 and not _A_SCOPE.fullmatch(b.subject.strip())
                for _, b, _ in out
            )
        ):
            # (全国…217.7万架，较上年末增长71.8%；全年…飞行2666万小时，…增长15.4%。…我市全年飞行61.2万小时，
            # 同比增长59.0%，增速高出全国43.6个百分点: the same measure's rate in the scope named — the
            # scope may be said once for its whole sentence — not another measure named with the scope;
            # 全国为5.2% names the scope alone, its measure the one before)
            bases = {g.base_fact for g in table.facts[: claim.id] if g.base_fact is not None}
            scoped = [
                g
                for g in table.facts[: claim.id]
                if g.id != a.id
                and g.id not in bases
                and _is_rate(g)
                and g.role == a.role
                and name_likeness(a.subject, g) >= 0.5
                and compared.strip()
                in g.subject + g.text[table.sentences[g.place.sentence].start : g.q.start]
            ]
            return [(a, scoped[-1], a_found[0].score)] if scoped else []
        return out
    # 4. 增速高出14.6个百分点: the rate just before and the like rate before it (not a base written
    # inside a comparison: 较2020年的15.9%提高2.0个百分点，离…20%左右的目标还差2.1个百分点)
    bases = {g.base_fact for g in before if g.base_fact is not None}
    rates = [g for g in before if _is_rate(g) and g.id not in bases]
    # (10年期国债2.14%，利差5个基点；15年期国债2.20%，利差10个基点: a rate an earlier gap already spoke of
    # is no side of the next one)
    spoken = [g.id for g in before if g.role == "gap" and _points(g)]  # (a change is of one rate)
    if spoken:
        rates = [g for g in rates if g.id > spoken[-1]]
    if claim.role == "gap" and (sides := _TWO_SIDES.fullmatch(claim.own.strip())) is not None:
        # 东部枢纽上架率为70.2%，西部为50.4%…；上架率最高的京津冀与最低的甘肃相差34个百分点: a gap that
        # names its two sides is between their rates (the table's rows), not the two rates just before
        return _sides_named(table, claim, sides)
    if claim.group is not None and claim.role == "gap":
        return _members_apart(table, claim, bases)
    if "分别" in claim.text[clause_start(claim.text, claim.q.start) : claim.q.start]:
        return []  # (A股分别高出7.0个和1.1个百分点, its items unread: no one pair is the first member's)
    if len(rates) >= 2 and _NOW.fullmatch(claim.subject):
        # 客座率为84.55%，去年同期为77.08%…；2019年同期为80.85%，本月高出3.70个百分点: 本月 is the
        # value now, against the period just named
        then = rates[-1]
        now = [
            g
            for g in rates[:-1]
            if g.period.offset == 0
            and g.period != then.period
            and g.role == then.role
            and name_likeness(then.subject, g) >= 0.6
        ]
        # (of 2024年10月 and 去年同期 — 2023年10月 — the later is now)
        latest = max((g.period.year or 0 for g in now), default=0)
        now = [g for g in now if (g.period.year or 0) == latest]
        return [(now[-1], then, 0.9)] if now and then.period.explicit else []
    if len(rates) >= 2:
        a = rates[-1]
        like = [
            g
            for g in rates[:-1]
            if (g.role == a.role and g.q.kind == a.q.kind and g.group != a.group)
            or (g.group is None and g.role == a.role)
        ]
        if claim.verb == "差" and a.subject:
            # 城镇化率…58.1%…；研发投入强度1.95%，差0.25个百分点: short of its own target, not of another rate
            like = [g for g in like if name_likeness(a.subject, g) >= 0.6]
        if like:
            head = claim.text[clause_start(claim.text, claim.q.start) : claim.q.start]
            if "前者" in head:
                # 本地5.3%，外来4.6%，前者高出0.7个百分点: the first named (of the latter's kind)
                former = former_or_latter(table, claim, _RATE_KINDS)
                return [(former if former is not None else like[-1], a, 0.9)]
            named = re.sub(r"增速|增幅|增长率|涨幅|降幅|比重|占比", "", claim.own)
            if (
                a.period.explicit
                and a.period.clashes(claim.period)
                and not like[-1].period.clashes(claim.period)
                and name_likeness(a.subject, like[-1]) >= 0.6
            ):
                # 客座率84.9%，去年同期为82.1%，高出2.8个百分点: the value now against last year's, written
                # after it
                return [(like[-1], a, 0.9)]
            if labels.has_content(named) and name_likeness(named, like[-1]) > name_likeness(named, a) + 0.2:
                # 企业同比增长8.2%，个体工商户增长0.8%，企业增速高出7.4个百分点: the side the claim names
                return [(like[-1], a, 0.9)]
            return [(a, like[-1], 0.9)]
    return []


def _what_grew(table: FactTable, g: Fact) -> Fact | None:
    """The value a growth is of: its list member's value, else the level of the same name written just
    before it in its sentence (出游3.14亿人次，同比增长6.4%)."""
    if g.target is not None:
        return table.fact(g.target)
    levels = [
        f
        for f in table.around(g)
        if f.q.end <= g.q.start and f.place.sentence == g.place.sentence and f.role == "level"
    ]
    return levels[-1] if levels and levels[-1].subject == g.subject else None


# 高出全国, 低于全省: a comparison with the same measure in a wider scope
_A_SCOPE = re.compile(r"全国|全省|全市|全区|全县|全州|全盟|全球|全世界|我国|我省|我市|我区|我县")

# X与Y相差: two sides named (上架率最高的京津冀与最低的甘肃), each a name the 的 before it qualifies
_TWO_SIDES = re.compile(r"(?P<a>[^与和同跟，,。；;]+?)(?:与|和|同|跟)(?P<b>[^与和同跟，,。；;]+)")


def _sides_named(table: FactTable, claim: Fact, sides: re.Match[str]) -> list[tuple[Fact, Fact, float]]:
    """The rates of the two sides a gap names — each the one rate written before the gap under that
    name (a prose value or a table row) — or none."""
    found: list[Fact] = []
    for side in (sides.group("a"), sides.group("b")):
        name = side.rsplit("的", 1)[-1].strip()
        measure = re.split(r"最高|最低|最大|最小|最快|最慢", side)[0] if "的" in side else ""
        named = [
            g
            for g in table.facts[: claim.id]
            if _is_rate(g)
            and g.role in ("rate", "share", "level", "growth")
            and name
            and (g.item or g.subject).strip() == name
            and (not measure or not g.is_cell or measure in g.header)
        ]
        if len(named) != 1:
            return []
        found.append(named[0])
    return [(found[0], found[1], 0.9)]


def _members_apart(table: FactTable, claim: Fact, bases: set[int]) -> list[tuple[Fact, Fact, float]]:
    """平均股利支付率37.7%；平均股息率2.5%。同期美股两项指标分别为30.7%和1.4%，A股分别高出7.0个和1.1个
    百分点: each gap of a 分别 list is between the like member of the list of rates just before and the
    rate named the same place in order before that list — or none."""
    members = table.list_of(claim)
    lists = [
        table.list_of(g)
        for g in table.around(claim)
        if g.q.end <= claim.q.start and g.group is not None and g.group != claim.group and g.member == 0
    ]
    lists = [lst for lst in lists if len(lst) == len(members) and all(_is_rate(g) for g in lst)]
    k = claim.member
    if not lists or k is None or k >= len(members):
        return []
    other = lists[-1]
    if _ALL_THAN.search(claim.text, other[-1].q.end, claim.q.start):
        # (规范管理服务率分别为65.5%和64.1%，均高于62%的任务目标，分别高出3.5个和2.1个百分点: each member
        # is against the one rate they all exceed — which the reader takes as a bound, 高于62% — not
        # against the rates before the list)
        return []
    passage = table.sentences[claim.place.sentence].passage
    own = [
        g
        for g in table.facts[: other[0].id]
        if _is_rate(g)
        and g.id not in bases
        and g.base_fact is None
        and g.role in ("rate", "share", "level")
        and table.sentences[g.place.sentence].passage == passage
    ][-len(members) :]
    if len(own) != len(members) or any(g.group is not None for g in own):
        return []
    return [(own[k], other[k], 0.9)]


_ALL_THAN = re.compile(r"均(?:高于|低于|超过|快于|慢于|达到|优于)")


# The period now as a gap's subject: 本月高出, 今年比…高.
_NOW = re.compile(r"(?:本|当|这个)(?:月|季度?|年度?|期)|今年|目前|现在")


# 距目标还差1.9个百分点, 离规划目标尚有…: how far a rate is from a target set for it
_TO_TARGET = re.compile(r"(?:距|离|距离|与|比|较)[^，,。；;]{0,6}目标")
_AIMED = re.compile(r"目标|规划|计划|力争|预期|到20\d\d年|至20\d\d年")


def _to_target(table: FactTable, claim: Fact, before: list[Fact]) -> list[tuple[Fact, Fact, float]]:
    """城镇化率…提高到58.1%，距目标还差1.9个百分点 (规划提出…城镇化率达到60%): the target set for the rate,
    in a sentence that sets targets, less the rate now."""
    rates = [g for g in before if _is_rate(g) and g.role in ("rate", "level", "share")]
    if not rates:
        return []
    a = rates[-1]
    if not a.subject:
        return []
    targets = [
        g
        for g in table.facts[: a.id]
        if g.place.passage == a.place.passage
        and _is_rate(g)
        and g.q.kind == a.q.kind
        and _AIMED.search(g.text, table.sentence_of(g).start, g.q.start)
        and name_likeness(a.subject, g) >= 0.6
    ]
    return [(targets[-1], a, 0.9)] if targets else []


def _of_kind(claim: Fact, g: Fact) -> bool:
    """Whether ``g`` is the kind of change the claim names: 环比涨幅比布伦特高2.9个百分点 compares the
    month-on-month rises, not the year-on-year ones written beside them."""
    said = re.search(r"环比|同比", claim.own or claim.subject)
    if said is None or g.role != "growth":
        return True
    if said.group(0) == "环比":
        return g.compare.startswith("环比")
    return g.compare == "同比" or (not g.compare and g.against_last_year)


_NAMES_A_RATE = re.compile(r"率|比重|占比|份额|比例|系数|指数|结构|增速|增幅|涨幅|降幅|跌幅|增长面|覆盖面")


def _growth_before(table: FactTable, claim: Fact, skip: set[int]) -> list[Scored]:
    """The last growth rate written before the claim in its sentence."""
    rates = [
        g
        for g in table.around(claim)
        if g.role == "growth" and _is_rate(g) and g.q.end <= claim.q.start and g.id not in skip
    ]
    return [Scored(rates[-1], 0.9, 0.9)] if rates else []


def _growth_words(f: Fact) -> str:
    """The words of a growth's own clause before it (实际增长6.7%, 扣除价格因素…增长)."""
    return f.text[clause_start(f.text, f.q.start) : f.q.start]


def _items_opened(table: FactTable, claim: Fact, skip: set[int]) -> list[Fact]:
    """同城、异地…分别增长1.0%、15.0%和8.8%；异地快递占…的89.9%，增速比同城高出14.0个百分点: the
    growth of the list's item the claim's part of the sentence opens with."""
    sentence = table.sentences[claim.place.sentence]
    head = claim.text[sentence.start : clause_start(claim.text, claim.q.start)]
    # (…；其中东盟占17.6%，增速高于欧盟…: 其中 opens no item)
    opener = re.sub(r"^\s*其中[，,：:]?", "", re.split(r"[；;]", head)[-1])
    return [
        g
        for g in table.around(claim)
        if g.role == "growth"
        and g.id not in skip
        and g.q.end <= claim.q.start
        and len(g.item) >= 2
        and opener.startswith(g.item)
        and not (claim.compare and g.item in claim.compare)
    ]


def _rows_opened(
    table: FactTable, claim: Fact, skip: set[int], roles: tuple[str, ...], own: str
) -> list[Fact]:
    """The rates of the table rows the claim's sentence names before its clause (not the row it
    compares with), in the claim's period; named like ``own`` when it names anything."""
    opened = claim.text[table.sentences[claim.place.sentence].start : clause_start(claim.text, claim.q.start)]
    said = claim.text[table.sentences[claim.place.sentence].start : claim.q.start]
    return [
        g
        for g in table.cells()
        if _is_rate(g)
        and g.role in roles
        and g.id not in skip
        and len(g.subject) >= 2
        and g.subject in opened
        and not (claim.compare and g.subject in claim.compare)
        and period_fits(g, claim.period.as_filter())
        and (not own or name_likeness(own, g) >= 0.6)
        and not _benchmark(g, said)
    ]


_THE_LATTER_IS = re.compile(r"\s*[，,]\s*后者(?:为|是|则为)?\s*")
_BENCHMARK_COLUMN = re.compile(r"^(?:高于|低于|快于|慢于|比)?(全国|全省|全市|全区|全县|同期)")


def _benchmark(g: Fact, said: str) -> bool:
    """| 增长（%） | 全国增长（%） | 高于全国（百分点） |: a cell of the benchmark's column or of the gap's,
    which the words ``said`` do not name — not the row's own rate."""
    m = _BENCHMARK_COLUMN.match(g.header) if g.is_cell else None
    return m is not None and m.group(1) not in said


def _current_rate(table: FactTable, claim: Fact, exclude: set[int] | None = None) -> list[Scored]:
    """The rate the claim is about, never one a later sentence of its paragraph gives (上海降幅比江苏大
    3.54个百分点；…。由表中两列倒算，…上海…增长1.7%: another rate, worked out after)."""
    found = _current_rate_anywhere(table, claim, exclude)
    return [s for s in found if not later_sentence(s.fact, claim)]


def _current_rate_anywhere(table: FactTable, claim: Fact, exclude: set[int] | None = None) -> list[Scored]:
    """The rate the claim is about: named by its own words (西部增速), or the rate just before it."""
    # (比全国（6.1%）快1.5个百分点，较上年全年（7.5%）加快0.1个百分点: a rate that is the base of
    # another gap in the sentence is the other side's, not the rate the claim is about)
    skip = (exclude or set()) | other_bases(table, claim)
    # (yoy +6.6%，前值5.9%，…比市场一致预期3.0%高出3.6pct: the previous reading and the forecast
    # are what the value now is measured against, never the value now)
    skip |= {g.id for g in table.around(claim) if _REFERENCE.fullmatch(g.subject)}
    if claim.role == "gap" and claim.compare_at >= 0:
        # (比全国（…，增长2.9%）快…: what stands inside the comparison is the other side)
        skip |= {g.id for g in table.around(claim) if claim.compare_at <= g.q.start < claim.q.start}
    skip |= {g.id for g in table.around(claim) if not _of_kind(claim, g)}
    pointed = former_or_latter(table, claim, _RATE_KINDS)
    if pointed is not None and pointed.id not in skip and _is_rate(pointed):
        return [Scored(pointed, 1.0, 1.0)]
    if (mean := _mean_over_years(table, claim, skip)) is not None:
        return [Scored(mean, 1.0, 1.0)]
    # (美国所占比重 is 美国占…的比重: 所 before 占 adds nothing to the name)
    own = re.sub(r"^(?:其|该)|增速|增幅|增长率|涨幅|降幅|比重|占比|水平|整体|所(?=占)", "", claim.own)
    # (水电增速则比7月份的36.2%回落: an adverb after the name names nothing)
    own = re.sub(r"(?:则|也|还|仍|却|更)$", "", own)
    if not claim.own:
        # (乡村老龄化率升至31.1%。…；乡村老龄化率是城镇（19.6%）的1.6倍，比全国平均水平（22.0%）高9.1个百分点:
        # a gap naming nothing after a multiple or a gap that names its thing is of that thing's rate,
        # wherever its paragraph gave it — not the rate just before)
        before_it = [
            g
            for g in table.around(claim)
            if g.q.end <= claim.q.start
            and g.place.clause == claim.place.clause - 1
            and g.role in ("multiple", "gap")
            and g.own
        ]
        if before_it:
            thing = before_it[-1].own
            rates = [
                g
                for g in table.facts[: claim.id]
                if g.place.passage == claim.place.passage
                and _is_rate(g)
                and g.id not in skip
                and g.subject == thing
            ]
            return [Scored(rates[-1], 0.95, 0.95)] if rates else []
    # 农村增速快于城镇2.6个百分点: a rate named as a growth (增速) is a growth, never a share
    # (比GDP增速(4.7%)高2.4个百分点: a gap with a growth rate is between growth rates, too)
    roles = ("growth",) if re.search(r"增速|增幅|增长率|涨幅|降幅", claim.own + claim.compare) else RATE_ROLES
    if own:
        sentence = table.around(claim)
        named = [
            g
            for g in sentence
            if _is_rate(g)
            and g.id not in skip
            and g.q.end <= claim.q.start
            and name_likeness(own, g) >= 0.6
            # (全省农民工总量占全国的4.4%…；全省外出农民工增速比全国（1.2%）高0.6个百分点: a share is no 增速)
            and (g.role in roles or roles == RATE_ROLES)
        ]
        if named:
            # (东部、中部、西部…占比分别为…，中西部合计36.8%…；西部占比较上年的19.3%提高…: the value named
            # exactly, before one whose name only holds it)
            exact = [g for g in named if own in (g.item, g.subject)]
            return [Scored((exact or named)[-1], 1.0, 1.0)]
        # 青岛一市的收入是日照的5.4倍，自给率比日照高出14.7个百分点: the sentence names the table's row
        # (青岛) whose column (自给率) the clause reads; not the 合计 row nearest to it
        rows = _rows_opened(table, claim, skip, RATE_ROLES, own)
        if len(rows) > 1:
            # 第二产业比重超过一半，…；第三产业恢复更快，同比增速比第二产业高4.2个百分点: the row the clause
            # before the claim's opens with, of the rows its sentence names
            own_at = clause_start(claim.text, claim.q.start)
            last = claim.text[clause_before(claim.text, claim.q.start) : own_at]
            rows = [g for g in rows if last.lstrip().startswith(g.subject)] or rows
        if len(rows) == 1:
            return [Scored(rows[0], 1.0, 1.0)]
        found = candidates(
            table,
            claim,
            own,
            kinds=_RATE_KINDS,
            roles=roles,
            period=claim.period.as_filter(),
            exclude=skip,
            min_likeness=0.6,
        )
        said = claim.text[table.sentences[claim.place.sentence].start : claim.q.start]
        found = [s for s in found if _is_rate(s.fact) and not _benchmark(s.fact, said)]
        if found:
            return found[:1]
    elif (
        re.fullmatch(r"(?:其)?(?:增速|增幅|增长率|涨幅|降幅)", claim.own)
        and (rows := _rows_opened(table, claim, skip, roles, own="") or _items_opened(table, claim, skip))
        and len(rows) == 1
    ):
        # 基础研究经费首次突破2500亿元，增速比全部经费快1.8个百分点: a bare 增速 is of the table's
        # row the sentence opens with (or of the 分别 list's item its clause opens with)
        return [Scored(rows[0], 1.0, 1.0)]
    elif claim.subject and claim.group is None:
        # 制造业比采矿业高出5.0个百分点，并快于当月规上工业1.2个百分点: the subject the clause goes on
        # with, when its sentence gives that subject's rate
        sentence = table.around(claim)
        named = [
            g
            for g in sentence
            if _is_rate(g)
            and g.id not in skip
            and g.q.end <= claim.q.start
            and g.role in roles
            and name_likeness(claim.subject, g, forward_only=True) >= 0.8
        ]
        if len(named) == 1:
            return [Scored(named[0], 0.95, 0.95)]
    found = [s for s in current_of(table, claim, _RATE_KINDS) if s.fact.id not in skip and _is_rate(s.fact)]
    if roles == ("growth",):
        # (…占全国的21.0%，增速高出全国（5.2%）5.4个百分点: 增速 is the growth, not the share before it)
        found = [s for s in found if s.fact.role == "growth"] or _growth_before(table, claim, skip)
    if own and claim.base_fact is not None and found and name_likeness(own, found[0].fact) < 0.3:
        # (当月环比增长0.8%；其中重工业增速较去年同期的10.8%提高5个百分点: the claim names its thing,
        # whose rate now is not written — not the rate of another thing just before)
        return []
    if found:
        return found[:1]
    sentence = table.around(claim)
    # (占各项贷款的10.2%，增速高于各项贷款7.7个百分点: a 增速 is no share written before it)
    rates = [
        g
        for g in sentence
        if _is_rate(g)
        and g.q.end <= claim.q.start
        and g.id not in skip
        and (g.role in roles or g.role != "share")
    ]
    return [Scored(rates[-1], 0.9, 0.9)] if rates else []


def _mean_over_years(table: FactTable, claim: Fact, skip: set[int]) -> Fact | None:
    """…两年平均增长4.3%。两年平均较3月的6.3%回落2.0个百分点: a bare N年平均 (no measure named) is the
    average over N years its paragraph gave last before it."""
    if claim.own != "平均" or claim.compare_at < 0:
        return None
    head = claim.text[clause_start(claim.text, claim.q.start) : claim.compare_at]
    years = years_count(SPAN_YEARS.search(head[: head.rfind("平均")])) if head.endswith("平均") else None
    if years is None:
        return None
    means = [
        g
        for g in table.facts[: claim.id]
        if g.over_years == years
        and g.place.passage == claim.place.passage
        and g.id not in skip
        and _is_rate(g)
    ]
    return means[-1] if means else None


def _amount_in_points(table: FactTable, claim: Fact, stated_text: str, phrase: tuple[int, int]) -> bool:
    """研究生招生增长4.76个百分点: an amount's growth written in points (it grows by a percentage)."""
    head = claim.text[clause_start(claim.text, claim.q.start) : claim.q.start]
    if _NAMES_A_RATE.search(claim.subject + claim.own + head):
        return False  # 常住人口城镇化率…较上年末提高0.84个百分点: a rate's change, its rate not found
    # (比东京奥运会（38金32银18铜）提高0.8个百分点: what the comparison holds is the other side's;
    # 2022年该比重为41.5%（当年GDP为1210207亿元），一年间提高1.3个百分点: a bracketed note is an aside)
    before = [
        g
        for g in table.around(claim)
        if g.q.end <= claim.q.start and not (0 <= claim.compare_at < g.q.start) and not closed_note(g, claim)
    ]
    if before and before[-1].q.is_rate and before[-1].role in ("share", "rate", "level", "growth"):
        # 比重升至38.3%，比上年提高9.0个百分点 / 同比增长6.2%，比上月末回落0.8个百分点: the rate just
        # named changed
        return False
    cur = current_of(table, claim, AMOUNT_KINDS)
    if not cur:
        return False
    bp = claim.base_period
    a = cur[0].fact
    if bp is None and a.period.known:
        bp = a.period.shifted(-1)
    if bp is None:
        return False
    found = candidates(
        table, claim, a.subject or claim.subject, like=a, period=bp, exclude={a.id}, min_likeness=0.5
    )
    if not found:
        return False
    b = found[0].fact
    growth = (reading(a) / reading(b) - 1.0) * 100.0
    point = (value(a) / value(b) - 1) * 100 if value(b) else float("nan")
    sa, sb = fmt.shown([a.q, b.q])
    pairing = Pairing(
        ((b, "基期"), (a, "本期")),
        cur[0].score * found[0].score,
        Interval(growth.lo, growth.hi),
        point,
        f"{sa}/{sb} − 1 = {fmt.pct(point)}",
        "数量的增长以%计，“个百分点”只用于比率之差 / an amount grows by a percentage, not by points",
        fmt.pct(point),
    )
    # The claim in points can never be right for an amount: judge it against an impossible interval.
    f = conclude(
        table,
        RELATION,
        claim,
        Interval(float("inf"), float("inf")),
        stated_text,
        [pairing],
        missing="",
        phrase=phrase,
    )
    table.push(f)
    return True
