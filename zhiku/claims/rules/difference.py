"""Differences of amounts: 比上年增加191万人 / 竣工比新开工多4455万平方米 / 高出约1878亿元 /
两者相差2.29万亿元 / 贸易顺差0.88万亿元 / 收支相抵，差额为57790亿元 / 由3.54降至0.50，下降3.04.

Trigger: an amount read as a change (增加, 减少, 多增, 净增, 缩减, 提高 + amount) or as a gap (A比B多,
高出, 相差, 差额, 顺差, 逆差). The two amounts are, in order of certainty: the ends of 由A增至B; the
value and the one inside its comparison (比2022年12月的47.9小时); the value and the same value in
the base period (比上年, 比2010年, 比上年末; the year before when no period is named); two values
of different things, each by its name (竣工 … 新开工); the two values just before (两者相差, 高出);
exports and imports (顺差 = 出口 − 进口, 逆差 = 进口 − 出口), revenue and spending (差额).
The change must equal the difference, with its sign.
"""

from __future__ import annotations

import re

from zhiku.claims import fmt, labels
from zhiku.claims.facts import (
    AMOUNT_KINDS,
    Fact,
    FactTable,
    clause_before,
    clause_start,
    open_bracket,
    per_unit,
    same_measure,
)
from zhiku.claims.judge import Pairing, absolute, bound_only, conclude, push_number, reading, value
from zhiku.claims.search import (
    Scored,
    bare_totals,
    base_periods,
    candidates,
    closed_note,
    column_named,
    current_of,
    from_to_base,
    name_likeness,
    of_a_ratio,
    opening_rows,
    other_bases,
)

RELATION = "difference"

_KINDS = AMOUNT_KINDS | {"duration"}
_FLOWS = (("支出", "收入"), ("进口", "出口"), ("流出", "流入"))
_SIDES = {
    "顺差": (("出口",), ("进口",)),
    "逆差": (("进口",), ("出口",)),
}


# Rates defined as the difference of two others: the natural increase of a population is its birth
# rate less its death rate (人口自然增长率 = 出生率 − 死亡率, as every population bulletin computes it).
_DEFINED_RATES = {"自然增长率": ("出生率", "死亡率")}


_BOTH = re.compile(r"\s*(?:两者|二者|两地|两市|两省|两家)")
# Two sides a gap names by their first characters: 男女相差1.43岁, 城乡差距…
_SIDE_PAIRS = frozenset({"男女", "城乡", "中外", "东西", "南北", "内外"})


def check(table: FactTable) -> None:
    _defined_rates(table)
    _residuals(table)
    _row_changes(table)
    for claim in table.facts:
        if claim.is_cell or claim.q.kind not in _KINDS or claim.restates is not None:
            continue
        if (
            claim.q.kind == "number"
            and not claim.q.unit
            and 0 < (claim.q.value or 0) <= 1
            and not re.search(r"\d", claim.q.text)
        ):
            continue  # 较上年的28148对减少约一半: a change by a fraction is relative, not an amount
        if claim.role == "change" or (claim.role == "gap" and claim.q.kind in _KINDS):
            _judge(table, claim)


def _row_changes(table: FactTable) -> None:
    """| 高职（专科）学校 | 1489 | 1562 | 73 | under | 2022年 | 2024年 | 增减 |: a change column's cell is
    its row's later year less its earlier one."""
    cells = table.cells()
    for c in cells:
        if c.role != "change" or c.q.kind not in _KINDS or c.q.value is None or bound_only(c):
            continue
        row = [
            f
            for f in cells
            if (f.place.table, f.place.row) == (c.place.table, c.place.row)
            and f.role == "level"
            and f.q.value is not None
            and f.period.year is not None
            and (f.q.kind, f.q.unit) == (c.q.kind, c.q.unit)
            and not bound_only(f)
        ]
        if len(row) != 2 or row[0].period.year == row[1].period.year or row[0].header != row[1].header:
            continue  # (two dated columns of one measure, and nothing else, say what the change is of)
        b, a = sorted(row, key=lambda f: f.period.year or 0)
        point = value(a) - value(b)
        shown = fmt.like_shown(point, [c.q, a.q, b.q])
        # (| 3.03 | 2.63 | 减少0.40人 |: a fall written as one in its cell)
        # (not a cell's own minus sign, -2, which its value carries already)
        fall = re.search(r"(?:减少|下降|降低|回落)\s*$", c.text[max(0, c.q.start - 4) : c.q.start])
        sign = -1.0 if fall else 1.0
        p = Pairing(
            ((a, "本期"), (b, "基期")),
            0.9,
            (reading(a) - reading(b)) * sign,
            point * sign,
            f"{a.q.text} − {b.q.text} = {shown}",
            "",
            shown,
        )
        push_number(table, RELATION, c, [p])


def _phrase(claim: Fact) -> tuple[int, int]:
    lo = clause_start(claim.text, claim.q.start)
    start = claim.compare_at if claim.compare_at >= lo else -1
    if start < 0:
        m = re.search(
            r"(?:比|较)?[^，,。；;]{0,10}?(?:增加|减少|多增|少增|净增加?|净减少?|提高|下降|上升|回落|缩减|缩小|扩大|"
            r"多|少|高出|相差|差额|顺差|逆差|增长|降低|减)",
            claim.text[lo : claim.q.start],
        )
        start = lo + m.start() if m else claim.q.start
        # 与“客流担当”2号线的97.2万人次相差…: the comparison begins at 与, not ten characters back
        w = list(re.finditer(r"[与同跟]", claim.text[lo:start]))
        if w and start - (lo + w[-1].start()) <= 12:
            start = lo + w[-1].start()
    # 比2017年（1762站）少82站: a measure word the number reader did not take is the claim's own
    unit = re.match(r"[\u4e00-\u9fff](?=[，,。；;、）)]|$)", claim.text[claim.q.end : claim.q.end + 2])
    return start, claim.q.end + (1 if unit and not claim.q.unit else 0)


def _sign(claim: Fact) -> float:
    return -1.0 if claim.down else 1.0


def _judge(table: FactTable, claim: Fact) -> None:
    phrase = _phrase(claim)
    stated_text = claim.text[phrase[0] : phrase[1]]
    pairs = _pairs(table, claim)
    if claim.role == "gap" and claim.compare and claim.base_fact is None and claim.base_period is None:
        # (重点城市…34.9微克，去年同期为39.3微克，…比全省平均水平高4.4微克: a gap between two things
        # now, neither of them last year's)
        pairs = [
            (a, b, s)
            for a, b, s in pairs
            if not a.period.clashes(claim.period) and not b.period.clashes(claim.period)
        ]
    pairings = [p for a, b, score in pairs if (p := _pairing(claim, a, b, score)) is not None]
    if (
        claim.verb == "相差"
        or claim.verb.startswith("差距")
        or (
            not claim.compare
            and claim.role == "gap"
            and claim.verb not in _SIDES
            and claim.verb not in ("差额",)
        )
    ):
        stated = reading(claim)
        pairings = [absolute(p) for p in pairings]
    else:
        stated = reading(claim) * _sign(claim)
    what = claim.subject or "所述指标"
    if claim.base_period is not None:
        when = claim.base_period.label()
        missing = f"缺少{when}「{what}」的数值 / the value for {when} is not given"
    elif claim.compare:
        missing = f"缺少「{claim.compare}」的数值 / the value of {claim.compare} is not given"
    else:
        missing = f"缺少计算差额的两个数值（「{what}」）/ the two values are not given"
    table.push(
        conclude(table, RELATION, claim, stated, stated_text, pairings, missing=missing, phrase=phrase)
    )


def _pairing(claim: Fact, a: Fact, b: Fact, score: float) -> Pairing | None:
    """a − b, in the claim's unit."""
    if a.id == b.id or bound_only(a) or bound_only(b) or not same_measure(a.q, b.q):
        return None
    if any(re.search(r"\d\s*[:：]\s*$", f.text[max(0, f.q.start - 3) : f.q.start]) for f in (a, b)):
        return None  # (城乡收入比2.42:1，较上年同期的2.48:1缩小0.06: the 1 of a ratio is no value)
    if not same_measure(a.q, claim.q) and not (claim.q.kind == "number" or a.q.kind == "number"):
        return None
    if claim.q.kind != "number" and a.q.kind == "number" and not a.is_cell:
        return None  # (城乡居民收入比为2.47，比…2.52缩小0.05，绝对差为14182元: a ratio is no sum of money)
    if per_unit(a) and per_unit(b) and per_unit(a) != per_unit(b):
        return None  # (折合每吨2360元，比2023年的每斤1.17元提高…: per tonne against per jin)
    if (
        claim.q.kind == "number"
        and a.q.unit
        and re.match(r"[\u4e00-\u9fff]", claim.text[claim.q.end : claim.q.end + 1])
    ):
        return None  # (提高1分钱: a unit the reader does not know — the number alone states nothing)
    computed = reading(a) - reading(b)
    point = value(a) - value(b)
    if score < 1.0 and claim.role == "change" and value(b) > 0:
        # (较大事故…死亡38人，同比减少3起、9人 against 上年…997人: a base found by name that the stated
        # change would put 2.5 times away is more likely another indicator than a slip)
        implied = value(a) - _sign(claim) * value(claim)
        if implied <= 0 or max(implied / value(b), value(b) / implied) > 2.5:
            score *= 0.5
    sa, sb = fmt.shown([a.q, b.q])
    shown = fmt.like_shown(point, [a.q, b.q])
    where = [f.q.text + "见" + f.place.describe() for f in (a, b) if f.place.sentence != claim.place.sentence]
    unit = claim.q.text[len(fmt.num(value(claim))) :] if False else ""
    return Pairing(
        ((b, "对比"), (a, "本项")),
        score,
        computed,
        point,
        f"{sa} − {sb} = {shown}{unit}",
        "；".join(where),
        fmt.amount(point, a.q.unit) if a.q.kind == "money" else fmt.num(point),
    )


def _average_of_a_total(table: FactTable, claim: Fact, g: Fact, base: Fact) -> bool:
    """参与餐馆1260家，平均每城105家，比去年首届的860家增加400家: when its sentence gave a total in the same
    unit before it, an average (its own words say per what) is no value now of a base whose own words,
    inside the comparison, say no such thing (平均每户2.49人，比2020年的2.61人: with no such total the
    average is what the base is of)."""
    if not labels.PER_UNIT.search(g.own) or labels.PER_UNIT.search(
        claim.text[max(0, claim.compare_at) : base.q.start]
    ):
        return False
    return any(
        h.q.end <= g.q.start
        and h.role == "level"
        and same_measure(h.q, g.q)
        and not labels.PER_UNIT.search(h.own + h.qualifier_words)
        for h in table.around(g)
    )


def _pairs(table: FactTable, claim: Fact) -> list[tuple[Fact, Fact, float]]:
    sentence = table.around(claim)
    before = [g for g in sentence if g.q.end <= claim.q.start and g.id != claim.id]
    if _MORE_ADDED.fullmatch(claim.verb or ""):
        return _increases(table, claim, before)
    # 1. a value and its base inside the comparison (比人才规划提出的2025年3.2人多出0.20人: its own base,
    # whatever 由A增至B stood before it)
    if claim.base_fact is not None:
        base = table.fact(claim.base_fact)
        # 每万人口…拥有量为14.0件，比2023年的11.8件多2.2件: the value of the base's own name just before
        # the comparison, of the claim's period, is the value now
        limit = claim.compare_at if claim.compare_at >= 0 else base.q.start
        # (月薪6830元，比上届的6540元增长4.4%，比全国…（6050元）高出780元: another comparison's base is
        # no value now)
        bases = other_bases(table, claim) | _of_multiples(table, claim)
        nearest = [
            g
            for g in before
            if g.id != base.id and g.id not in bases and g.q.end <= limit and g.q.kind in _KINDS
        ]
        if nearest:
            g = nearest[-1]
            if (
                g.role == "level"
                and same_measure(g.q, base.q)
                and g.subject == base.subject
                and g.period.same(claim.period)
                and not bound_only(g)
                and not _average_of_a_total(table, claim, g, base)
            ):
                return [(g, base, 1.0)]
        cur = _current(table, claim, exclude={base.id} | bases)
        cur = [c for c in cur if not _average_of_a_total(table, claim, c.fact, base)]
        # (比1996年7月的148.0毫米少8.0毫米，1998年7月为146.8毫米: a value of a third year is no value now)
        cur = [c for c in cur if not c.fact.period.clashes(claim.period)]
        return [(c.fact, base, c.score) for c in cur[:1]]
    # 2. 由A降至B，下降n
    for g in reversed(before):
        if g.role in ("change", "gap") and g.id != claim.id:
            break
        if (
            g.base_fact is not None
            and g.role in ("level", "rate")
            and g.place.clause >= claim.place.clause - 2
        ):
            base = table.fact(g.base_fact)
            if base.q.end <= g.q.start:
                return [(g, base, 1.0)]
    # 3. 顺差, 逆差, 差额: the two sides by name
    if claim.verb in _SIDES or claim.verb in ("差额", "差值", "缺口"):
        return _sides(table, claim)
    # 4. a change over time (工行比建行多赚…: a change against a thing, not a period, is a gap: 5.)
    cur = _current(table, claim) if claim.role == "change" else []
    periods = base_periods(table, claim, cur[0].fact) if cur else []
    if claim.role == "change" and (periods or not claim.compare or not cur):
        out: list[tuple[Fact, Fact, float]] = []
        if not cur:
            return []
        a = cur[0].fact
        ft = from_to_base(table, a)
        if ft is not None:
            return [(a, ft, cur[0].score)]
        for bp in periods:
            for s in candidates(
                table,
                claim,
                a.subject or claim.subject,
                like=a,
                kinds=_KINDS,
                period=bp,
                exclude={a.id},
                min_likeness=0.5,
            ):
                one = a
                if not a.period.same_part(s.fact.period):
                    # (全年2776.5亿元，推算四季度717.0亿元；与2023年的2312.8亿元相比，多出463.7亿元: the
                    # base is a whole year's, so the value now is the whole year's written before)
                    like = [
                        g
                        for g in before
                        if g.role == "level"
                        and g.id != s.fact.id
                        and same_measure(g.q, s.fact.q)
                        and g.period.same_part(s.fact.period)
                        and g.period.year == a.period.year
                    ]
                    if not like:
                        continue
                    one = like[-1]
                out.append((one, s.fact, min(cur[0].score, s.score)))
            if out:
                break
        return out
    # 5. a gap between two things named
    if claim.compare:
        # 收支相抵，一季度支出大于收入787.6亿元: the balance's two sides named by their bare words are
        # the totals of those names
        if (totals := bare_totals(table, claim, claim.own, claim.compare.strip(), _KINDS)) is not None:
            return [(*totals, 0.9)]
        cur = _current(table, claim)
        a_period = _A_PERIOD.fullmatch(claim.compare.strip()) is not None
        if not a_period:
            # (江北区、城关区分别完工186部和143部，去年两区分别为150部和130部，…；江北区比城关区多43部: two
            # things compared now, not last year's list)
            cur = [c for c in cur if not _of_an_earlier_period(table, c.fact)]
        if not cur:
            return []
        a = cur[0].fact
        # (玉米2.28元/公斤，比上周低0.01元 … 仔猪…，上周为36.87元/公斤: a period compared with names no
        # thing: its value is the same thing's, in the sentence or named as it is)
        return [
            (a, s.fact, min(cur[0].score, s.score))
            for s in candidates(
                table,
                claim,
                claim.compare,
                like=a,
                kinds=_KINDS,
                period=a.period.as_filter(),
                exclude={a.id},
                min_likeness=0.5,
            )
            if (
                (not a_period and not _of_an_earlier_period(table, s.fact))
                or (
                    a_period
                    and (s.fact.place.sentence == a.place.sentence or name_likeness(a.subject, s.fact) >= 0.5)
                )
            )
        ]
    # 6. 两者相差 / 高出: the two values just before — unless the clause compares their sum with
    # something (职工56890亿元、居民12962亿元，相加因四舍五入差1亿元)
    head = claim.text[clause_start(claim.text, claim.q.start) : claim.q.start]
    if re.search(r"相加|合计|之和|加总|加起来", head):
        return []
    last = claim.text[clause_before(claim.text, claim.q.start) : claim.q.start]
    if _BOTH.match(head) and any(
        g.role == "multiple" and g.q.start >= claim.q.start - len(last) for g in before
    ):
        # 末位眉山的综合指数是首位阿坝的2.3倍，两者相差2.12: 两者 are the two the multiple compares,
        # whose values this sentence does not write — not the values before it
        return []
    # (…以10950元居首，比上年同期的10280元增长6.5%；…4680元垫底，两者相差6270元: a base is neither of two)
    bases = other_bases(table, claim)
    values = [
        g
        for g in before
        if g.role in ("level", "rate") and g.q.kind in _KINDS and g.restates is None and g.id not in bases
    ]
    named = _TWO_SIDES.match(head)
    if named:
        # 美西线、美东线分别报6863美元和9442美元，上周分别为7223美元和9882美元，…；美东与美西价差2579美元:
        # each side's latest value of the period the claim speaks of (not the list of last week's)
        now = [g for g in values if not _of_an_earlier_period(table, g)]
        sides = [[g for g in now if (g.item or g.subject).startswith(named.group(k))] for k in ("a", "b")]
        if all(sides) and sides[0][-1].id != sides[1][-1].id and same_measure(sides[0][-1].q, sides[1][-1].q):
            return [(sides[0][-1], sides[1][-1], 0.9)]
    pair = re.match(r"\s*([\u4e00-\u9fff])([\u4e00-\u9fff])(?:之间|两者)?(?:相差|差距为?|差)", head)
    if pair and pair.group(1) + pair.group(2) in _SIDE_PAIRS:
        # 男性29.38岁、女性27.95岁（2010年分别为…），…，男女相差1.43岁: the two sides the gap names
        # by their first characters (男女, 城乡), the latest value of each
        sides = [
            [g for g in values if g.subject.startswith(c) and open_bracket(g.text, g.q.start) < 0]
            for c in pair.groups()
        ]
        if all(sides) and sides[0][-1].id != sides[1][-1].id and same_measure(sides[0][-1].q, sides[1][-1].q):
            return [(sides[0][-1], sides[1][-1], 0.9)]
        return []  # the sides are named, and the values just before are not they
    # (8号线73.3万人次，占全线网485.9万人次的15.1%，与2号线的97.2万人次相差23.9万人次: when the gap's own
    # clause names its other side, the share's whole is what the line is part of, not that side; but
    # 相当于世界平均值13.26次的九成，差距为1.32次 compares with the whole)
    wholes = {g.whole_fact for g in sentence if g.whole_fact is not None}
    own_side = bool(values) and values[-1].q.start >= clause_start(claim.text, claim.q.start)
    if own_side and len([g for g in values if g.id not in wholes]) >= 2:
        values = [g for g in values if g.id not in wholes]
    # (…分别为79.46%和61.21%（2020年分别为77.83%和57.64%），两者相差18.25个百分点: a bracketed note of
    # another year is neither of the two)
    values = [g for g in values if not closed_note(g, claim)]
    if len(values) < 2:
        return []
    a, b = values[-2], values[-1]
    if not same_measure(a.q, b.q):
        return []
    if not a.period.same_part(b.period):
        # (全年2776.5亿元，推算四季度717.0亿元；与2023年的2312.8亿元相比，多出463.7亿元: a quarter and a
        # whole year are no two values compared; the nearest of the same part of its year is)
        like = [g for g in values[:-2] if same_measure(g.q, b.q) and g.period.same_part(b.period)]
        return [(like[-1], b, 0.8)] if like else []
    return [(a, b, 0.9)]


# 美东与美西价差 / 城镇和农村之间相差: the two sides of a gap named in its own clause
_TWO_SIDES = re.compile(
    r"\s*(?P<a>[\u4e00-\u9fff]{2,6}?)(?:与|和|同)(?P<b>[\u4e00-\u9fff]{2,6}?)(?:之间)?(?:的)?(?:价差|差距为?|相差|差)"
)
# 上周分别为…, 去年同期为…: a clause of values of an earlier period
_EARLIER = re.compile(r"\s*(?:上周|上月|上年|去年|上期|前值|上一期|上季)")


_A_PERIOD = re.compile(r"(?:上|前一?)(?:周|月|季度?|年|期|旬)(?:同期|末)?|去年(?:同期|末)?|年初|同期")


# 多增, 少增, 多减, 少减: how much more (or less) was added (or taken) than in the time compared with
_MORE_ADDED = re.compile(r"[多少][增减]")


def _increases(table: FactTable, claim: Fact, before: list[Fact]) -> list[tuple[Fact, Fact, float]]:
    """比年初增加4987.2亿元，同比多增312.5亿元: 多增 is this increase less the increase of the same kind a
    year before (去年前三季度…比年初增加4674.7亿元), never a difference of the levels."""
    added = [
        g
        for g in before
        if g.role == "change" and g.place.sentence == claim.place.sentence and same_measure(g.q, claim.q)
    ]
    if not added or added[-1].period.year is None:
        return []
    now = added[-1]
    # (2024年增加14.26万亿元，比2022年的高点少增3.58万亿元: the year the claim names, else the year before)
    bp = claim.base_period
    year = bp.year if bp is not None and bp.year is not None else (now.period.year or 0) - 1
    found = candidates(
        table,
        claim,
        now.subject or claim.subject,
        like=now,
        roles=("change",),
        exclude={now.id},
        min_likeness=0.35,
        accept=lambda g: g.compare == now.compare and g.period.year == year,
    )
    return [(now, found[0].fact, found[0].score)] if found else []


def _of_an_earlier_period(table: FactTable, g: Fact) -> bool:
    first = table.list_of(g)[0] if g.group is not None else g
    return bool(_EARLIER.match(first.text, clause_start(first.text, first.q.start)))


def _of_multiples(table: FactTable, claim: Fact) -> set[int]:
    """The values of the claim's sentence that a multiple is of (是…3901.3万标箱的1.26倍)."""
    return {
        g.id
        for g in table.around(claim)
        if g.id != claim.id and g.place.sentence == claim.place.sentence and of_a_ratio(g)
    }


def _current(table: FactTable, claim: Fact, exclude: set[int] | None = None) -> list[Scored]:
    # (8号线承载客流73.3万人次，占全线网当日485.9万人次的15.1%，与2号线的…相差: a share's whole is another
    # thing, never the value the difference is about)
    skip = (exclude or set()) | {
        g.whole_fact for g in table.around(claim) if g.whole_fact is not None and g.id != claim.id
    }
    # (上海港完成4915.8万标箱，是第二名新加坡港3901.3万标箱的1.26倍，比宁波舟山港…多1385.7万标箱: what a
    # multiple is of is another thing's value, never the value the difference is about)
    skip |= _of_multiples(table, claim)
    found = [s for s in current_of(table, claim, _KINDS, exclude=skip) if s.fact.id not in skip]
    if found and found[0].fact.is_cell:
        # (三季度持续高温，供水量占全年近三成，比一季度多3250万立方米: a table's row the sentence opens with,
        # not the nearest cell, is what the sentence speaks of)
        rows = [
            Scored(f, 1.0, 1.0)
            for f in opening_rows(table, claim)
            if f.id not in skip and same_measure(f.q, claim.q)
        ]
        # the row's cell in the column of the measure found (供水总量), else in the column named
        top = found[0].fact.place
        rows = [r for r in rows if (r.fact.place.table, r.fact.place.col) == (top.table, top.col)] or (
            column_named(rows, claim.own) if claim.own else rows
        )
        if len(rows) == 1 and rows[0].fact.subject != found[0].fact.subject:
            return rows
    if found:
        return found
    # 新增银幕4658块，银幕总数达到90968块: the value may follow the change.
    for g in table.around(claim):
        if (
            g.q.start > claim.q.end
            and g.role == "level"
            and g.q.kind in _KINDS
            and same_measure(g.q, claim.q)
            # (…低126元；制造业月均收入相当于全国同行业（4978元）的96.4%: a bracketed value after is
            # another thing's, no value the change is of)
            and open_bracket(g.text, g.q.start) < 0
            and g.place.clause <= claim.place.clause + 1
        ):
            return [Scored(g, 0.9, 0.9)]
    return []


def _sides(table: FactTable, claim: Fact) -> list[tuple[Fact, Fact, float]]:
    """出口 and 进口 for 顺差/逆差; revenue and spending (or the two values before) for 差额."""
    period = claim.period.as_filter()
    if claim.verb in _SIDES:
        plus, minus = _SIDES[claim.verb]
        a = _side(table, claim, plus, period)
        b = _side(table, claim, minus, period)
        if a is not None and b is not None:
            return [(a.fact, b.fact, min(a.score, b.score))]
        return []
    # 差额 (收支相抵): spending and revenue, exports and imports, inflow and outflow
    for income, outgo in _FLOWS:
        a = _side(table, claim, (income,), period)
        b = _side(table, claim, (outgo,), period)
        if a is not None and b is not None:
            # (全部财政收入421.7亿元，其中一般公共预算收入283.6亿元…；一般公共预算支出712.4亿元…收支缺口:
            # spending's own budget names the revenue it is set against)
            sa, sb = _stem(a.fact, income), _stem(b.fact, outgo)
            # (一、收入端…全国一般公共预算收入219702亿元…税收收入174972亿元。二、支出端…。三、收支差额为
            # 64910亿元: a side named in full by the other's budget may stand two paragraphs back)
            if sa and sb != sa:
                b = _side(table, claim, (sa + outgo,), period, far=True) or b
            elif sb and sa != sb:
                a = _side(table, claim, (sb + income,), period, far=True) or a
            big, small = (a, b) if value(a.fact) >= value(b.fact) else (b, a)
            return [(big.fact, small.fact, min(a.score, b.score))]
    return []


def _this_or_last_paragraph(g: Fact, claim: Fact, back: int = 1) -> bool:
    a, b = g.place.passage, claim.place.passage
    return a is not None and b is not None and 0 <= b - a <= back


def _stem(f: Fact, word: str) -> str:
    """The budget a side is named in: 一般公共预算 of 一般公共预算支出."""
    name = f.subject if f.is_cell else f.label()
    m = re.search(rf"([\u4e00-\u9fff]{{2,8}}?){word}", name)
    return m.group(1) if m and m.group(1).endswith(("预算", "基金", "账户")) else ""


def _side(table: FactTable, claim: Fact, words: tuple[str, ...], period, far: bool = False) -> Scored | None:  # type: ignore[no-untyped-def]
    best: Scored | None = None
    for g in table.near(claim, 24 if far else 16):
        if g.role != "level" or not same_measure(g.q, claim.q) or g.restates is not None:
            continue
        if claim.place.sentence - g.place.sentence > 8 and not _this_or_last_paragraph(
            g, claim, 2 if far else 1
        ):
            # (二、支出…收支相抵，缺口…: revenue's total may stand in the paragraph before, 一、收入…)
            continue
        if (
            period is None
            and claim.period.year is None
            and g.period.year is None
            and g.period.offset != claim.period.offset
        ):
            continue  # (支出712.4亿元，比上年的690.3亿元增长: the year before, in an undated text)
        if words[0] in ("收入", "支出") and (g.parent is not None or g.group is not None):
            continue  # a part of spending (其中教育支出…) is not one side of the budget balance
        if period is not None and (
            (g.period.known and not g.period.same(period)) or g.period.clashes(period)
        ):
            continue  # (去年同期为逆差433亿元: last year's balance, of last year's trade)
        # (| 企业所得税 | 25384 | under 上半年收入: a row of a breakdown, named by its row, is no side)
        name = g.subject if g.is_cell else g.label()
        if labels.PER_UNIT.search(name):
            continue  # a price or an average is not one side of a total
        if any(w in name for w in words) and not labels.opposed(words[0], name):
            score = 0.9 if g.place.sentence == claim.place.sentence else 0.8
            # (…其中出口约1.03万亿元、进口约2911亿元；同期货物贸易…出口13万亿元、进口8.79万亿元，顺差…:
            # of equals, the one nearest before the balance)
            nearer = best is not None and score == best.score == 0.9 and best.fact.id < g.id < claim.id
            if best is None or score > best.score or nearer:
                best = Scored(g, score, 1.0)
    return best


def _place(subject: str, rate: str) -> str:
    """Whose rate it is: 杭州 of 杭州出生率; nothing for 出生率, 人口出生率 or 全省出生率."""
    return re.sub(r"^(?:全[国省市县区]|人口)+|人口$", "", subject[: -len(rate)])


def _on_a_basis(table: FactTable, f: Fact) -> bool:
    """Whether ``f``'s sentence names the basis it is counted on (按户籍人口口径) before it."""
    return "口径" in f.text[table.sentences[f.place.sentence].start : f.q.start]


def _defined_rates(table: FactTable) -> None:
    """人口出生率为7.52‰；死亡率为7.18‰；人口自然增长率为0.34‰: 7.52 − 7.18 = 0.34."""
    for claim in table.facts:
        if claim.is_cell or not claim.q.is_rate or claim.role not in ("rate", "level"):
            continue
        name = next((n for n in _DEFINED_RATES if claim.subject.endswith(n)), None)
        if name is None:
            continue
        plus_word, minus_word = _DEFINED_RATES[name]
        sides = []
        for word in (plus_word, minus_word):
            found = [
                g
                for g in table.near(claim, 3)
                if g.q.is_rate
                and g.role in ("rate", "level")
                and g.subject.endswith(word)
                and g.period.same(claim.period)
                and not bound_only(g)
                # (…死亡率8.11‰，自然增长率-1.92‰。若按户籍人口口径，出生率为6.35‰: another basis's rate)
                and _on_a_basis(table, g) == _on_a_basis(table, claim)
            ]
            # 杭州出生率 beside 出生率 and 自然增长率: the side of the same place, nearest.
            own = _place(claim.subject, name)
            sides.append(
                min(found, key=lambda g: (_place(g.subject, word) != own, abs(g.id - claim.id)))
                if found
                else None
            )
        a, b = sides
        if a is None or b is None:
            continue
        computed = reading(a) - reading(b)
        point = value(a) - value(b)
        decimals = max(a.q.decimals, b.q.decimals)
        per_mille = claim.q.measure == "‰"
        scale = 10.0 if per_mille else 1.0
        sa, sb = fmt.num(value(a) * scale, decimals), fmt.num(value(b) * scale, decimals)
        shown = fmt.num(point * scale, decimals) + ("‰" if per_mille else "%")
        pairing = Pairing(
            ((a, "出生率"), (b, "死亡率")),
            0.9,
            computed,
            point,
            f"{sa} − {sb} = {shown}",
            f"{name} = {plus_word} − {minus_word}",
            shown,
        )
        push_number(table, RELATION, claim, [pairing])


_EXCEPT = re.compile(r"除(?P<x>[^，,。；;、]{1,8}?)(?:以外|之外|外)的?(?P<rest>.*)")


def _residuals(table: FactTable) -> None:
    """社会消费品零售总额471495亿元…除汽车以外的消费品零售额422881亿元…汽车类零售额约4.86万亿元: what
    除X以外 leaves out is X, so X is the total less it (471495 − 422881 = 48614亿元)."""
    for rest in table.facts:
        m = _EXCEPT.search(rest.label())
        if m is None or rest.is_cell or rest.role != "level" or bound_only(rest):
            continue
        x = m.group("x").strip()
        later = [
            f
            for f in table.near(rest, 3)
            if f.id > rest.id
            and f.role == "level"
            and x in f.label()
            and "除" not in f.label()
            and same_measure(f.q, rest.q)
            and not f.period.clashes(rest.period)
        ]
        total = next(
            (
                f
                for f in reversed(table.facts[max(0, rest.id - 24) : rest.id])
                if f.role == "level"
                and same_measure(f.q, rest.q)
                and f.period.same(rest.period)
                and (f.value or 0.0) > (rest.value or 0.0)
                and name_likeness(m.group("rest"), f, forward_only=True) >= 0.6
                and not bound_only(f)
            ),
            None,
        )
        if not later or total is None:
            continue
        claim = later[0]
        computed = reading(total) - reading(rest)
        point = value(total) - value(rest)
        amount = fmt.amount(point, claim.q.measure or claim.q.unit)
        pairing = Pairing(
            ((total, "总数"), (rest, f"除{x}以外")),
            0.8,
            computed,
            point,
            f"{total.q.text} − {rest.q.text} = {amount}",
            f"{x} = 总数 − 除{x}以外的部分 / {x} is the total less what 除{x}以外 counts",
            amount,
        )
        push_number(table, RELATION, claim, [pairing])
