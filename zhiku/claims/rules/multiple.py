"""Multiples: A是B的k倍 / 是上年的2.46倍 / 比1949年增长202.6倍 / A比B多k倍 / 即增长1.46倍 / 翻了一番(多) /
至少是…的2倍 / 性别比为105.07.

Trigger: a multiple (k倍, 翻n番) or the sex ratio (性别比). The two values:
- 是B的k倍: A is what the clause continues; B is the value written after 是 (9215元), the same
  value in a year written there (是上年的, 是2004年的), or the value of the thing named there
  (是钢材的, 是印度的) in A's period. The ratio A ÷ B must equal k.
- 增长k倍, 多k倍, 提高k倍: the same, against the base of the comparison (比1949年, 比钢材) or of
  由A增至B; by the standard reading the ratio is k + 1. A ratio of exactly k is the common
  misreading and is reported as such.
- 翻n番: the ratio is 2ⁿ (翻一番多: from 2ⁿ up to 2ⁿ⁺¹).
- 性别比: males per 100 females, the standard official indicator. (A ratio written as one number,
  城乡居民收入比为2.39, is the structure rule's.)
A bound (至少, 接近, 超过) turns the equality into the matching interval.
"""

from __future__ import annotations

import re

from zhiku.claims import fmt, labels
from zhiku.claims.facts import (
    AMOUNT_KINDS,
    SPAN,
    Fact,
    FactTable,
    clause_before,
    clause_start,
    open_bracket,
    same_measure,
)
from zhiku.claims.interval import INF, Interval
from zhiku.claims.judge import Pairing, bound_only, conclude, push_number, reading, value
from zhiku.claims.periods import Period
from zhiku.claims.search import (
    EDITION,
    Scored,
    bare_totals,
    candidates,
    column_named,
    current_of,
    dated_in_sentence,
    earlier_in_sentence,
    from_to_base,
    later_passage,
    latest_of_place,
    leading_place,
    name_likeness,
    of_edition,
    opening_rows,
    period_fits,
    the_two_named,
    thing_of_the_clause_before,
)
from zhiku.claims.tolerance import NEAR_BAND

RELATION = "multiple"

# 四川省 is named 四川 again: a place's name without its 省, 市, 区 or 县
_ADMIN_SUFFIX = re.compile(r"(?:省|市|区|县|自治区)$")

_KINDS = AMOUNT_KINDS | {"duration", "percent"}
_IS_OF = re.compile(
    r"(?:是|为|相当于|达到|达|接近|将近|约为|约是|超过|不到|不足)(?P<of>[^，,。；;]{0,20}?)的$"
)
_GROW = re.compile(r"(?:增长|增加|提高|扩大|上升|增)了?$")
_MORE = re.compile(r"(?:多|多出|高出|超出|高)了?$")  # 比存栏多出1.62倍: the ratio less one, as 多 is
# (较2021年的3160人次扩大到2.98倍: grown to the multiple, the B of a ratio all the same)
_COMPARE = re.compile(
    r"(?:比|较)(?P<of>[^，,。；;]{0,20}?)(?:增长|增加|提高|扩大|上升|多出|高出|超出|多|高|增|翻)(?:了|到|至)?$"
)
_A_MOMENT = re.compile(r"首日|首月|首年|开盘|上市|开业|开通|启动|当初|起初|最初")
_THAN = re.compile(r"(?:比|较)(?P<of>[^，,。；;]{1,20}?)$")
# (a bare 第一 is part of a name: 第一阶梯, 第三产业, 第二季度)
_RANK = re.compile(
    r"(?:(?:排名|排在|位居|居)第[一二三四五六七八九十\d]+(?:名|位)?|第[一二三四五六七八九十\d]+(?:名|位))的?"
)
_FLOOR = re.compile(r"至少|起码|最少|不少于|不低于|超过|以上|逾|突破")
_NEAR = re.compile(r"接近|将近|近")
_SEX_RATIO = re.compile(r"性别比")


def check(table: FactTable) -> None:
    for claim in table.facts:
        if claim.is_cell:
            continue
        if claim.q.kind == "multiple" and claim.q.value is not None:
            _judge(table, claim)
        elif (
            claim.q.kind == "number"
            and _SEX_RATIO.search(claim.own or claim.subject)
            # (性别比（女性为100）为108.6: the bracket names the ratio's base, 100 females)
            and not (open_bracket(claim.text, claim.q.start) >= 0 and value(claim) == 100)
        ):
            _sex_ratio(table, claim)


def _phrase(claim: Fact) -> tuple[int, int]:
    lo = clause_start(claim.text, claim.q.start)
    m = re.search(
        r"(?:至少|起码|接近|将近)?(?:仍)?(?:是|为|相当于|比|较|即|翻|增长)", claim.text[lo : claim.q.start]
    )
    start = lo + m.start() if m else claim.q.start
    # 翻了一番多 / 3倍以上: the bound word after the number is the claim's own
    tail = re.match(r"多|以上|有余", claim.text[claim.q.end : claim.q.end + 2])
    return start, claim.q.end + (len(tail.group(0)) if tail else 0)


def _stated(claim: Fact, target: float | None = None) -> Interval:
    """The claim as an interval of ratios; 翻n番 → 2ⁿ (多: up to 2ⁿ⁺¹)."""
    pre = claim.text[max(0, claim.q.start - 6) : claim.q.start] + claim.qualifier_words
    after = claim.text[claim.q.end : claim.q.end + 2]
    if claim.q.unit == "番":
        n = value(claim)
        lo, hi = 2.0**n, 2.0**n
        if after.startswith("多"):
            return Interval(lo, 2.0 ** (n + 1))
        if re.search(r"(?:接近|将近|近)(?:于)?$", claim.text[max(0, claim.q.start - 4) : claim.q.start]):
            # 比2022年同期的3.1万亩接近翻了一番 (5.62 ÷ 3.1 = 1.81): nearly 2ⁿ, up to 10% under it
            return Interval(lo * (1 - NEAR_BAND), hi * 1.05)
        return Interval(lo * 0.95, hi * 1.05)
    r = reading(claim)
    if _FLOOR.search(pre) or after.startswith(("以上", "多")):
        return Interval(r.lo, INF)
    if _NEAR.search(pre):
        v = value(claim)
        return Interval(v * 0.9, v + (r.hi - v))
    return r


def _judge(table: FactTable, claim: Fact) -> None:
    sentence = table.sentences[claim.place.sentence]
    if re.search(r"之比(?:由|从|为)", claim.text[sentence.start : claim.q.start]):
        # 高收入户与低收入户人均收入之比由2020年的6.25倍降至5.62倍: each is the ratio of the two groups
        # in its own year, which this rule does not pair — no claim against other figures
        return
    phrase = _phrase(claim)
    stated_text = claim.text[phrase[0] : phrase[1]]
    pre = claim.text[max(0, claim.q.start - 24) : claim.q.start]
    pre = pre[clause_start(pre, len(pre)) :]
    grow = claim.q.unit == "倍" and (_GROW.search(pre) is not None or _MORE.search(pre) is not None)
    pairs = _pairs(table, claim, pre, grow)
    add = 1.0 if grow else 0.0
    pairings = [p for a, b, score in pairs if (p := _pairing(claim, a, b, score, add)) is not None]
    if not pairings and (derived := _base_from_change(table, claim, pre, add)) is not None:
        pairings = [derived]
    stated = _stated(claim)
    if grow:
        stated = stated + 1.0
    missing = "缺少比较的两个数值 / the two values compared are not given"
    f = conclude(table, RELATION, claim, stated, stated_text, pairings, missing=missing, phrase=phrase)
    if f.verdict == "inconsistent" and pairings:
        f = _explain(f, claim, pairings, grow)
    table.push(f)


def _explain(f, claim: Fact, pairings: list[Pairing], grow: bool):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    best = max(pairings, key=lambda p: p.score)
    ratio = best.point
    k = value(claim)
    step = 10.0**-claim.q.decimals
    if grow and abs(ratio - k) <= step:
        note = (
            f"比值为{fmt.num(ratio, 2)}：“增长{fmt.num(k)}倍”是原来的{fmt.num(k + 1)}倍，"
            f"此处应为“是…的{fmt.num(k)}倍” / 增长k倍 means k + 1 times"
        )
    elif not grow and claim.q.unit == "倍" and abs(ratio - 1 - k) <= step:
        note = (
            f"比值为{fmt.num(ratio, 2)}：应为“是…的{fmt.num(ratio, 1)}倍”或“增长{fmt.num(k)}倍” / "
            "the ratio minus one"
        )
    else:
        return f
    return replace(f, evidence=f"{f.evidence}；{note}")


def _base_from_change(table: FactTable, claim: Fact, pre: str, add: float) -> Pairing | None:
    """合计40.02亿立方米，比常年同期多蓄12.13亿立方米，约为常年同期的1.43倍: the base never written
    is the value less the change the sentence states against that same base."""
    m = _IS_OF.search(pre) or _COMPARE.search(pre)
    of = m.group("of").strip() if m else ""
    if len(of) < 2:
        return None
    before = [g for g in table.around(claim) if g.q.end <= claim.q.start and g.q.kind in AMOUNT_KINDS]
    changes = [
        g
        for g in before
        if g.role == "change"
        and g.compare
        and (g.compare == of or of.endswith(g.compare) or g.compare.endswith(of))
    ]
    if len(changes) != 1:
        return None
    change = changes[0]
    if not same_measure(before[-1].q, change.q):
        return None  # (多出近30场；…发布4300余个，是上届的6倍多: the change is of another thing)
    levels = [
        g for g in before if g.q.end <= change.q.start and g.role == "level" and same_measure(g.q, change.q)
    ]
    if not levels or bound_only(levels[-1]) or bound_only(change):
        return None
    a = levels[-1]
    sign = -1.0 if change.down else 1.0
    base = reading(a) - reading(change) * sign
    base_v = value(a) - value(change) * sign
    if base.lo <= 0 or base_v <= 0:
        return None
    point = value(a) / base_v
    sa, sc = fmt.shown([a.q, change.q])
    op = "+" if sign < 0 else "−"
    arithmetic = f"{sa}/({sa} {op} {sc}) = {fmt.num(point, 2)}"
    if add:
        arithmetic += f"（增长{fmt.num(value(claim))}倍即为{fmt.num(value(claim) + 1)}倍）"
    return Pairing(
        ((change, "差额"), (a, "比较")),
        0.9,
        reading(a) / base,
        point,
        arithmetic,
        f"{of}的数值由{a.q.text}与{change.q.text}推得 / the base is the value less the change",
        f"{fmt.num(point, 2)}倍",
    )


_INCREASE_NAMED = re.compile(r"增量|增加量|增长量|净增|增减量")


def _row_change(table: FactTable, found: Scored) -> Scored:
    """A table cell's row's one change cell (its 增减 column), in its place; else the cell."""
    f = found.fact
    if not f.is_cell or f.role == "change":
        return found
    changes = [
        g
        for g in table.cells()
        if (g.place.table, g.place.row) == (f.place.table, f.place.row) and g.role == "change"
    ]
    return Scored(changes[0], found.score, found.likeness) if len(changes) == 1 else found


_ADDED = re.compile(r"新增|新建|新投运|新开工|新注册|增加了?$")
_AN_INCREMENT_OF = re.compile(r"(?P<name>.{2,12}?)(?:的)?(?:增量|增加量|增加额|增长量|净增量)$")


def _increments(table: FactTable, claim: Fact, of: str) -> tuple[Fact, Fact, float] | None:
    """60岁及以上人口增加8637万人，是总人口增量的1.2倍: an increase against the increase of the thing
    named — the change written just before, and that thing's change (its row's 变化 cell, or a change
    named so)."""
    m = _AN_INCREMENT_OF.fullmatch(of.strip())
    if m is None:
        return None
    before = [
        g
        for g in table.around(claim)
        if g.q.end <= claim.q.start and g.place.sentence == claim.place.sentence and g.role == "change"
    ]
    if not before or before[-1].down:
        return None
    a = before[-1]
    for s in candidates(
        table,
        claim,
        m.group("name"),
        like=a,
        kinds=_KINDS,
        roles=("level", "change"),
        exclude={a.id},
        min_likeness=0.5,
    ):
        b = _row_change(table, s).fact if s.fact.is_cell else s.fact
        if b.role == "change" and b.id != a.id and same_measure(a.q, b.q):
            return (a, b, min(0.9, s.score))
    return None


def _elliptical(a: Fact, b: Fact) -> bool:
    """城镇居民人均消费支出由30391元增至32994元；农村居民由16632元增至18175元: the second names only
    its group (农村居民), of the measure the first named in full — the same per-head measure."""
    long, short = (a, b) if labels.PER_UNIT.search(a.label()) else (b, a)
    m = labels.PER_UNIT.search(long.label())
    if m is None:
        return False
    group, name = long.label()[: m.start()], short.subject
    rest = short.label().replace(name, "")
    return 2 <= len(group) <= 6 and 2 <= len(name) <= 6 and name not in long.label() and len(rest) <= 2


def _pairing(claim: Fact, a: Fact, b: Fact, score: float, add: float) -> Pairing | None:
    if a.id == b.id or bound_only(a) or bound_only(b):
        return None
    if not (same_measure(a.q, b.q) or (a.q.kind == b.q.kind == "money" and a.q.unit == b.q.unit)):
        return None
    if (a.q.kind == "money") != (b.q.kind == "money"):
        return None  # (万人次 against 亿元: no ratio a 倍 can state)
    if bool(labels.PER_UNIT.search(a.label() + a.qualifier_words)) != bool(
        labels.PER_UNIT.search(b.label() + b.qualifier_words)
    ) and not _elliptical(a, b):
        return None  # (人均2283元 against 旅游收入28.8亿元: an average is no multiple of a total)
    computed = reading(a) / reading(b)
    point = value(a) / value(b) if value(b) else float("nan")
    stated = value(claim)
    if stated and point == point and not 1e-3 < point / stated < 1e3:
        score *= 0.5  # (0.00000039/126.06 for 4.4倍: the values are of other things, not a slip)
    sa, sb = fmt.shown([a.q, b.q])
    where = [f"{x.q.text}见{x.place.describe()}" for x in (a, b) if x.place.sentence != claim.place.sentence]
    arithmetic = f"{sa}/{sb} = {fmt.num(point, 2)}"
    if claim.q.unit == "番":
        arithmetic += f"（翻{fmt.num(value(claim))}番为×{fmt.num(2 ** value(claim))}）"
    elif add:
        arithmetic += f"（增长{fmt.num(value(claim))}倍即为{fmt.num(value(claim) + 1)}倍）"
    return Pairing(
        ((b, "基数"), (a, "比较")),
        score,
        computed,
        point,
        arithmetic,
        "；".join(where),
        f"{fmt.num(point, 2)}倍",
    )


def _pairs(table: FactTable, claim: Fact, pre: str, grow: bool) -> list[tuple[Fact, Fact, float]]:
    # 是B的k倍 / 比B增长k倍: what is named there
    m = _IS_OF.search(pre) or _COMPARE.search(pre)
    if m is None and claim.q.unit == "番":
        m = _THAN.search(pre)  # 较首日开盘价翻了一番多: 翻 is the quantity's own word
    # 是排名第八的天津港的2.2倍: a rank says which, it is no part of the name
    of = _RANK.sub("", m.group("of")).strip() if m else ""
    sentence_facts = table.around(claim)
    clause = claim.text[clause_start(claim.text, claim.q.start) : claim.q.start]
    if (
        of in ("前者", "后者")
        and (head := re.match(r"\s*(?:其中)?(前者|后者)", clause))
        and head.group(1) != of
    ):
        # 中央企业…28610.0亿元，地方国有企业16554.7亿元，前者是后者的1.7倍: the two just named
        pair = the_two_named(table, claim, _KINDS)
        if pair is None:
            return []
        one, other = pair if head.group(1) == "前者" else (pair[1], pair[0])
        return [(one, other, 1.0)] if same_measure(one.q, other.q) else []
    if m:
        of_start = claim.q.start - len(pre) + m.start("of")
        inside = [
            g
            for g in sentence_facts
            if of_start <= g.q.start and g.q.end <= claim.q.start and g.q.kind in _KINDS
        ]
        if inside:
            # 是低收入组9215元的10.3倍: the value written there; A is the value before it
            b = inside[-1]
            # (合计90.25亿人次，平均每天约2.26亿人次，几乎是…47.33亿人次的两倍: an average per day is
            # no match for a total)
            # (日均供餐8659份，是上年同期96.3万份的1.64倍: what the value inside is per is said by its own
            # words, not by the name carried to it)
            b_words = claim.text[of_start : b.q.start] + b.qualifier_words
            per_b = bool(labels.PER_UNIT.search(b_words if not b.own else b.label() + b.qualifier_words))
            # (…比上年的38万余场增长三成以上，是2020年22.5万余场的2.3倍: another claim's base is no A)
            bases = {g.base_fact for g in sentence_facts if g.base_fact is not None}
            before = [
                g
                for g in sentence_facts
                if g.q.end <= of_start
                and g.id not in bases
                and g.q.kind in _KINDS
                and g.role == "level"
                and bool(labels.PER_UNIT.search(g.label() + g.qualifier_words)) == per_b
                # 比第三产业用电量（8525亿千瓦时）多出…: a bracket note, not A
                and open_bracket(g.text, g.q.start) < 0
                # (2024年出口585.9万辆，上年为491.0万辆，…，较2020年的99.5万辆增长4.9倍: last year's
                # value is no A of this year's growth)
                and not g.period.clashes(claim.period)
            ]
            # 风电、太阳能发电装机分别为4.4亿千瓦和6.1亿千瓦，合计10.5亿千瓦；太阳能装机约为水电…的1.5倍:
            # A is the value the claim names, when it names one; else the value just before
            own = claim.own or ""
            # (…7376万千瓦，…，全年新增4237万千瓦；装机规模是…328万千瓦的二十多倍: what was added is no
            # stock, unless the claim names an addition too)
            if not _ADDED.search(own):
                before = [g for g in before if not _ADDED.search(g.own + g.qualifier_words)] or before
            named = [g for g in before if own and name_likeness(own, g) >= 0.6 and same_measure(g.q, b.q)]
            a = named[-1] if named else (before[-1] if before else None)
            if a is not None and same_measure(a.q, b.q):
                return [(a, b, 1.0)]
            return []
    a_found = [s for s in _current(table, claim) if not (of and _summed_with(s.fact, of))]
    if not a_found:
        return []
    a = a_found[0].fact
    out: list[tuple[Fact, Fact, float]] = []
    if re.fullmatch(r"(?:当时|那时|彼时|其时|届时)", of):
        # 与2019年的72072亿元相比，收入规模是当时的1.9倍: "then" is the year the sentence compares with
        refs = table.sentences[claim.place.sentence].refs_before(claim.q.start)
        then = next((r.year for r in refs if r.year is not None), None)
        written = dated_in_sentence(table, claim, a, then) if then is not None else None
        if written is not None and a_found[0].score >= 0.9:
            return [(a, written, a_found[0].score)]
        # (A found by a name as loose as 收入规模 may be any income: read on as any comparison)
    # (31.6天，较常年（14.2天）偏多17.4天，是常年的2.2倍: the value the sentence gave as the time compared
    # with — the base of a comparison with the same word — before any other value of that name)
    compared = [
        table.fact(g.base_fact)
        for g in table.around(claim)
        if g.q.end <= claim.q.start
        and g.base_fact is not None
        and re.sub(r"[（(][^）)]*[）)]", "", g.compare).strip() == of  # (常年（14.2天）: its value aside)
    ]
    if compared and a_found[0].score >= 0.9 and compared[-1].id != a.id:
        return [(a, compared[-1], a_found[0].score)]
    year = re.search(r"(\d{4})\s*年(末|底)?", of)
    if year or re.fullmatch(r"(?:上年|去年|上年末|上年同期)", of):
        y = int(year.group(1)) if year else (a.period.year - 1 if a.period.year else None)
        if y is None:
            return []
        want = Period(year=y, end=bool(year and year.group(2)) or of.endswith("末"))
        for a_s in [x for x in a_found[:3] if x.score >= a_found[0].score - 0.15 and not bound_only(x.fact)]:
            for s in candidates(
                table,
                claim,
                a_s.fact.subject,
                like=a_s.fact,
                kinds=_KINDS,
                period=want,
                roles=("level", a_s.fact.role),  # (| 可再生能源电力使用占比 | 21.5 |: a rate's own row)
                exclude={a_s.fact.id},
                min_likeness=0.5,
            ):
                out.append((a_s.fact, s.fact, min(a_s.score, s.score)))
        return out
    if of and EDITION.fullmatch(of):
        edition = of_edition(table, claim, a, of, _KINDS)
        return [(a, edition.fact, min(a_found[0].score, edition.score))] if edition is not None else []
    if of and (increments := _increments(table, claim, of)) is not None:
        return [increments]
    if of:
        # 收支相抵，…支出是收入的4.6倍: a balance's two sides named by their bare words are the totals
        if (totals := bare_totals(table, claim, claim.own, of, _KINDS)) is not None:
            return [(*totals, 0.9)]
        # 支出规模是本级收入的2.3倍: A found by a name as short as 支出 may be any of several (全省 or
        # 省级): each that names it as well is a rival pairing
        sentence = table.sentences[claim.place.sentence]
        opening = "年初" in claim.text[sentence.start : claim.q.start]
        for a_s in [x for x in a_found[:3] if x.score >= a_found[0].score - 0.1]:
            found = candidates(
                table,
                claim,
                of,
                like=a_s.fact,
                kinds=_KINDS,
                period=None if opening else a_s.fact.period.as_filter(),
                exclude={a_s.fact.id},
                min_likeness=0.5,
                other_years=opening,
            )
            # (…是日均水平的1.27倍。｜深中通道…日均车流量约10万车次: a later paragraph's value only when
            # the paragraphs up to the claim's name none; 比全国平均水平高1.45倍 may be of a background
            # paragraph further on)
            found = [x for x in found if not later_passage(x.fact, claim)] or found
            # (经营现金流62.50亿元，约为归母净利的2.0倍 after 前三季度归母净利35.90亿元: a year's flow is no
            # multiple of three quarters' — though it may be of a stock: 出栏量相当于年初存栏的1.62倍)
            found = [
                x
                for x in found
                if x.fact.period.end
                or a_s.fact.period.end
                or (x.fact.period.same_part(a_s.fact.period) and not x.fact.period.clashes(a_s.fact.period))
            ]
            if _INCREASE_NAMED.search(claim.own + claim.subject):
                # (| 区域 | 2024年末 | 增减 |…；其中高新区增量是滨江区的1.9倍: of the increases' column)
                found = [_row_change(table, x) for x in found]
            here = [
                x
                for x in found
                if x.fact.place.sentence == claim.place.sentence
                and x.fact.q.end <= claim.q.start
                and _ADMIN_SUFFIX.sub("", x.fact.subject) == of
            ]
            if len(here) == 1:
                found = here  # (…重庆市23.84万件，四川约为重庆的2.5倍: the value the sentence itself names)
            if opening:
                # 以年初存栏计，出栏量相当于存栏的1.62倍: the stock at the year's start is the one at the
                # end of the year before (上年末)
                found = [s for s in found if s.fact.period.end and _year_before(s.fact, a_s.fact)]
            if not found and _A_MOMENT.search(of):
                # 较首日开盘价翻了一番多: a moment named (首日, 上市时) is of its own time, whatever year
                anytime = [
                    s
                    for s in candidates(
                        table,
                        claim,
                        of,
                        like=a_s.fact,
                        kinds=_KINDS,
                        exclude={a_s.fact.id},
                        min_likeness=0.75,
                    )
                    if s.fact.q.start < claim.q.start or s.fact.place.sentence < claim.place.sentence
                ]
                found = anytime if len(anytime) == 1 else []
            for s in found:
                a = a_s.fact
                if s.fact.is_cell and (not a.is_cell or a.place.col != s.fact.place.col):
                    # (| 西安 | 45.9 | 47.6 |…｜西安是唯一不降反升的城市，浓度为广州的2.2倍: B is a row's
                    # cell; A is the cell, in B's column, of the row a clause of the sentence opens with)
                    part = max(claim.text.rfind(c, 0, claim.q.start) for c in "；;。") + 1
                    rows = [
                        f
                        for f in opening_rows(table, claim, roles=("level", "change"))
                        if (f.place.table, f.place.col) == (s.fact.place.table, s.fact.place.col)
                        and f.id != s.fact.id
                        and f.subject in claim.text[part : claim.q.start]  # (its own part of the sentence)
                    ]
                    if len(rows) == 1:
                        a = rows[0]
                measure = _measure_after(s.fact.subject, of)
                if (
                    re.search(r"规模|体量|总量", pre[: pre.rfind(of)])
                    and measure
                    and measure not in a.label()
                ):
                    # 苏相合作区规上工业总产值458.4亿元…，园区规模为合作区的14.2倍: a size compares
                    # the measure the other side is given in (规上工业总产值), not the one found first
                    like = [
                        c.fact
                        for c in candidates(
                            table,
                            claim,
                            measure,
                            like=s.fact,
                            kinds=_KINDS,
                            period=s.fact.period.as_filter(),
                            exclude={s.fact.id},
                            min_likeness=0.6,
                        )
                        if c.fact.q.end <= claim.q.start and of not in c.fact.label()
                    ]
                    if not like:
                        continue
                    a = like[0]
                out.append((a, s.fact, min(a_s.score, s.score)))
        return out
    # 由A增至B，翻了一番 / 增长k倍 with no comparison: the pair, else the comparison of the sentence
    base = from_to_base(table, a) or earlier_in_sentence(table, claim, a)
    if base is not None:
        return [(a, base, a_found[0].score)]
    sentence = table.sentences[claim.place.sentence]
    for ref in sentence.refs_before(claim.q.start):
        if ref.year is not None and a.period.year is not None and ref.year < a.period.year:
            for s in candidates(
                table,
                claim,
                a.subject,
                like=a,
                kinds=_KINDS,
                period=Period(year=ref.year, end=ref.end),
                roles=("level", a.role),
                exclude={a.id},
                min_likeness=0.5,
            ):
                out.append((a, s.fact, min(a_found[0].score, s.score)))
            return out
    return out


def _measure_after(subject: str, of: str) -> str:
    """What ``subject`` measures after the thing named (苏相合作区规上工业总产值, 合作区 → 规上工业总产值)."""
    i = subject.find(of)
    rest = subject[i + len(of) :] if i >= 0 else ""
    return rest if len(rest) >= 2 else ""


def _year_before(b: Fact, a: Fact) -> bool:
    """Whether ``b`` is dated the year before ``a`` (上年末 against this year's figure)."""
    if b.period.year is not None and a.period.year is not None:
        return b.period.year == a.period.year - 1
    return b.period.offset == a.period.offset - 1


# 10年间翻了一番, 五年来增长1.3倍: the years the comparison spans, not the value that grew
_SPAN = re.compile(r"^\s*(?:间|来|中|内|里|之间|以来|增长|增加|翻)")


def _summed_with(f: Fact, of: str) -> bool:
    """城市与县城合计3552座，城市是县城的1.3倍: a sum that names the other side is neither side."""
    clause = f.text[clause_start(f.text, f.q.start) : f.q.start]
    return of in clause and re.search(r"合计|总计|共计|相加|之和", clause) is not None


def _spans_years(f: Fact) -> bool:
    return f.q.kind == "duration" and bool(_SPAN.match(f.text[f.q.end : f.q.end + 3]))


def _after_a_gap(table: FactTable, claim: Fact) -> Fact | None:
    """泉州GDP为12988.6亿元，厦门为8589.0亿元，泉州多4399.6亿元，是厦门的1.51倍: a clause with no name of
    its own after a gap goes on about the thing the gap named — its value in the sentence."""
    own_at = clause_start(claim.text, claim.q.start)
    if not re.match(r"\s*(?:是|为|约为|约是|相当于|仅为|仅相当于)", claim.text[own_at : claim.q.start]):
        return None
    gap = next(
        (
            g
            for g in reversed(table.around(claim))
            if g.q.end <= own_at and g.place.sentence == claim.place.sentence
        ),
        None,
    )
    if gap is None or gap.role not in ("gap", "change") or len(gap.subject) < 2:
        return None
    levels = [
        g
        for g in table.around(claim)
        if g.place.sentence == claim.place.sentence
        and g.id < gap.id
        and g.role == "level"
        and g.q.kind in _KINDS
        and same_measure(g.q, gap.q)
        and g.subject.startswith(gap.subject)
    ]
    return levels[0] if len(levels) == 1 else None


def _the_places_here(table: FactTable, claim: Fact) -> Fact | None:
    """厦门一般公共预算收入835.9亿元，…；泉州480.7亿元。厦门财力是泉州的1.74倍: a place named with a measure
    the text gives under no such name (财力) is that place's latest value of its paragraph."""
    place = leading_place(claim.own)
    if not place or not labels.has_content(claim.own[len(place) :]):
        return None
    return latest_of_place(table, claim, place, _KINDS)


def _current(table: FactTable, claim: Fact) -> list[Scored]:
    if (after_gap := _after_a_gap(table, claim)) is not None:
        return [Scored(after_gap, 1.0, 1.0)]
    found = [s for s in current_of(table, claim, _KINDS) if not _spans_years(s.fact)]
    if not any(s.likeness >= 0.8 for s in found) and (mine := _the_places_here(table, claim)) is not None:
        return [Scored(mine, 0.9, 0.9)]
    # 制造业仍是利润“压舱石”，…利润规模是采矿业的4.0倍: the sentence names the row it speaks of (a
    # table's 制造业), though its clause names only the measure (利润): that row's value is A
    sentence = table.sentences[claim.place.sentence]
    before = claim.text[sentence.start : clause_start(claim.text, claim.q.start)]
    # (三级医院较上年…增长9.4%；一级医院数量是三级医院的3.4倍: the row the claim's own clause opens
    # with, before a row named earlier in the sentence)
    own_clause = re.match(
        r"[^，,。；;\d]{2,8}", claim.text[clause_start(claim.text, claim.q.start) : claim.q.start]
    )
    # (分地区看，四川省60.75万件，重庆市23.84万件，四川约为重庆的2.5倍: the sentence's own value of the
    # thing the clause opens with, before a table's row of the same name)
    own_value = [
        g
        for g in table.around(claim)
        if own_clause is not None
        and g.place.sentence == claim.place.sentence
        and g.q.end <= claim.q.start
        and g.role == "level"
        and g.q.kind in _KINDS
        and len(thing := _ADMIN_SUFFIX.sub("", g.subject)) >= 2
        and own_clause.group(0).startswith(thing)
    ]
    if len(own_value) == 1:
        return [Scored(own_value[0], 1.0, 1.0)]
    # (三大产业产值分别为142.6亿元、51.5亿元和7.3亿元，…。电子信息产值占…66%，…，产值是装备制造的2.8倍: the
    # member of an earlier 分别 list the sentence opens with)
    # (…六类分别为15240处、3160处、452处…。古遗址占72.2%，…，古墓葬是古建筑的7.0倍: the member the
    # claim's own clause opens with, before the one the sentence opens with)
    listed = [
        g
        for g in table.facts[max(0, claim.id - 2 * SPAN) : claim.id]
        if g.group is not None
        and len(g.item) >= 2
        and g.place.passage == claim.place.passage
        and g.place.sentence <= claim.place.sentence
        and g.q.end <= claim.q.start
        and g.role == "level"
        and g.q.kind in _KINDS
    ]
    own_at = clause_start(claim.text, claim.q.start)
    for opening in (
        claim.text[own_at : claim.q.start].lstrip(),
        # (…分别进出口1347.7亿元、1324.4亿元和812.7亿元；对欧盟进出口比美国多23.3亿元，是东盟的1.7倍: the
        # member the clause before opens with, when the claim's own clause names none)
        re.sub(r"^\s*(?:其中|对|而)", "", claim.text[clause_before(claim.text, claim.q.start) : own_at]),
        claim.text[sentence.start : claim.q.start].lstrip(),
    ):
        members = [g for g in listed if opening.startswith(g.item)]
        if len(members) == 1:
            return [Scored(members[0], 1.0, 1.0)]
    named = [
        Scored(f, 1.0, 1.0)
        for f in table.cells()
        if own_clause is not None
        and len(f.subject) >= 2
        and own_clause.group(0).startswith(f.subject)
        and f.role == "level"
        and f.q.kind in AMOUNT_KINDS
        and (not found or (f.q.kind, f.q.unit) == (found[0].fact.q.kind, found[0].fact.q.unit))
    ]
    if not named:
        named = [s for s in found if s.fact.is_cell and len(s.fact.subject) >= 2 and s.fact.subject in before]
    if not named:
        named = thing_of_the_clause_before(table, claim, _KINDS)
    # (从表中看，溪口镇…，茶园面积是白沙镇的1.7倍: a 合计 row found by the measure's name is no better a
    # guess than the row the sentence opens with)
    if (
        not named
        and found
        and (not found[0].fact.is_cell or labels.TOTAL_ROW.fullmatch(found[0].fact.subject))
    ):
        # 上海港领先第二名新加坡1038.6万标箱，是…天津港的2.2倍 / …，春熙路站则是宽窄巷子站的5.2倍: the
        # sentence, or the claim's own clause, opens with a table's row
        # (从表中看，道路运输事故起数占全省的近七成，死亡人数是建筑业的3.8倍: any clause of the sentence
        # may open with the row)
        rows = opening_rows(table, claim)
        if not found[0].fact.is_cell and any(found[0].fact.subject.startswith(f.subject) for f in rows):
            # (即食类吨均产值6.70万元，是即配类的4.3倍: the value the sentence wrote for the row's thing, in
            # its own measure, is A — not the row's cell of another column)
            rows = []
        named = [
            Scored(f, 1.0, 1.0)
            for f in rows
            if (
                (f.q.kind, f.q.unit) == (found[0].fact.q.kind, found[0].fact.q.unit)
                # (| 死亡人数 | 598 |: a count whose column header names it, its unit left unwritten)
                or (
                    f.q.kind == "number" and not f.q.unit and claim.own and name_likeness(claim.own, f) >= 0.6
                )
            )
        ]
    if not named and claim.own and claim.place.sentence > 0:
        # 2024年国内大豆产量2065万吨…。…进口量约为国内产量的5.1倍: the sentence before names the row
        # (大豆) the claim's measure (进口量) is read from, and no other row
        prev = table.sentences[claim.place.sentence - 1]
        if prev.passage is not None and prev.passage == sentence.passage:
            rows = [
                f
                for f in table.cells()
                if len(f.subject) >= 2
                and f.subject in prev.words
                and f.role == "level"
                and f.q.kind in _KINDS
                and (not found or (f.q.kind, f.q.unit) == (found[0].fact.q.kind, found[0].fact.q.unit))
                and name_likeness(claim.own, f) >= 0.6
            ]
            if len({f.subject for f in rows}) == 1 and len(rows) == 1:
                named = [Scored(rows[0], 0.95, 0.95)]
    if len(named) > 1 and claim.own:
        named = column_named(named, claim.own)
    if len({s.fact.period for s in named}) > 1:
        # | 公路 | 403.37 | 418.80 | (2023, 2024): the row named has a value for each year; the
        # claim's year says which
        named = [s for s in named if period_fits(s.fact, claim.period.as_filter())] or named
    if named:
        return [Scored(s.fact, 1.0, s.likeness) for s in named]  # named by the sentence: certain
    if found and found[0].fact.is_cell and labels.TOTAL_ROW.fullmatch(found[0].fact.subject):
        own = claim.text[clause_start(claim.text, claim.q.start) : claim.q.start]
        if not labels.TOTAL_ROW.search(own) and not labels.names_whole(own):
            # (从表中看，省会一地就占了全省滑雪人次的一半以上，滑雪人次是牡丹江的3.1倍: a clause naming only
            # the measure speaks of the sentence's topic, a row it does not name here — not the 合计 row)
            return []
    if found:
        return found
    if claim.subject:
        return [
            s
            for s in candidates(table, claim, claim.subject, kinds=_KINDS, period=claim.period.as_filter())
            if s.likeness >= 0.6 and not _spans_years(s.fact)
        ][:1]
    return []


def _sex_ratio(table: FactTable, claim: Fact) -> None:
    """性别比: males per 100 females, from the two counts named 男 and 女 in the claim's paragraph."""
    male = female = None
    for g in table.near(claim, 4):
        if g.role != "level" or g.q.kind not in AMOUNT_KINDS:
            continue
        name = g.label()
        if male is None and "男" in name and "女" not in name:
            male = g
        if female is None and "女" in name and "男" not in name:
            female = g
    phrase = (claim.text.rfind("性别比", 0, claim.q.start), claim.q.end)
    stated_text = claim.text[phrase[0] : phrase[1]]
    if male is None or female is None or not same_measure(male.q, female.q):
        table.push(
            conclude(
                table,
                RELATION,
                claim,
                reading(claim),
                stated_text,
                [],
                missing="缺少男性或女性人数 / the counts of men and women are not given",
                phrase=phrase,
            )
        )
        return
    computed = reading(male) / reading(female) * 100.0
    point = value(male) / value(female) * 100 if value(female) else float("nan")
    sm, sf = fmt.shown([male.q, female.q])
    p = Pairing(
        ((male, "男性"), (female, "女性")),
        0.9,
        computed,
        point,
        f"{sm}/{sf} × 100 = {fmt.num(point, 2)}",
        "性别比 = 男性/女性 × 100",
        fmt.num(point, 2),
    )
    push_number(table, RELATION, claim, [p], phrase)
