"""Candidate search over the fact table: the values a claim may be computed from, scored.

A candidate must measure in a compatible unit and belong to the period asked for; among those,
its score says how surely it is the one the writer meant: how much of the claim's name its own
name holds (``labels.likeness``), and how near it stands (same sentence, same paragraph, earlier
in the article). Searches look at a bounded window of sentences around the claim and keep the
best few candidates, so checking stays linear in the length of an article.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from zhiku.claims import labels
from zhiku.claims.facts import (
    AMOUNT_KINDS,
    OPENED_COMPARISON,
    PLANNED,
    SPAN,
    Fact,
    FactTable,
    clause_start,
    open_bracket,
    per_unit,
    ratio_term,
    same_measure,
    unit_rate,
)
from zhiku.claims.periods import Period
from zhiku.claims.tolerance import is_bound_only

WINDOW = 40  # sentences on either side of a claim that a search reads
# ；2024年…: a clause after a semicolon that opens with a year of its own
_NEW_YEAR_CLAUSE = re.compile(r"[；;]\s*\d{4}\s*年")
_PLANNED = re.compile(r"目标|规划值|预期值|计划值|考核值")
KEEP = 6  # candidates kept per search


@dataclass(frozen=True)
class Scored:
    fact: Fact
    score: float
    likeness: float


def name_likeness(query: str, f: Fact, forward_only: bool = False) -> float:
    """How well ``f``'s names (its item, subject, column header) match ``query``."""
    best = 0.0
    for name in (f.label(), f.subject, f.item):
        if name:
            best = max(best, labels.likeness_of(query, name, forward_only))
    if f.is_cell and f.header:
        best = max(best, labels.likeness_of(query, f"{f.subject}{f.header}", forward_only))
    return best


def nearness(f: Fact, claim: Fact) -> float:
    if f.place.sentence == claim.place.sentence:
        return 1.0
    same_block = f.place.passage is not None and f.place.passage == claim.place.passage
    same_table = f.place.table is not None and f.place.table == claim.place.table
    if same_block or same_table:
        return 0.85
    return 0.7 if f.place.sentence < claim.place.sentence else 0.55


def period_fits(f: Fact, want: Period | None) -> bool:
    if want is None:
        return True
    p = f.period
    if want.year is not None and p.year is not None and p.year != want.year:
        return False
    if want.year is not None and p.year is None:
        return False
    if want.year is None and p.year is None and want.offset != p.offset:
        return False
    if p.fiscal != want.fiscal:
        return False
    if want.months != p.months:
        return False
    return not (want.months is not None and want.end != p.end)


def candidates(
    table: FactTable,
    claim: Fact,
    query: str,
    *,
    like: Fact | None = None,
    kinds: Iterable[str] = AMOUNT_KINDS,
    period: Period | None = None,
    roles: Iterable[str] = ("level",),
    exclude: Iterable[int] = (),
    accept: Callable[[Fact], bool] | None = None,
    min_likeness: float = 0.3,
    floor: float = 0.0,
    other_years: bool = False,
) -> list[Scored]:
    """Facts that may be the value named ``query`` in ``period``, best first. An undated text's
    figures of another year (上年, 上年末) are left out unless ``other_years`` asks for them."""
    want_kinds = set(kinds)
    want_roles = set(roles)
    # (含金融企业口径的…: a figure on another basis is a base only of a claim that names a basis too)
    any_basis = "口径" in claim.text[clause_start(claim.text, claim.q.start) : claim.q.end]
    skip = set(exclude) | {claim.id}
    out: list[Scored] = []
    for f in table.near(claim, WINDOW):
        if f.id in skip or f.role not in want_roles or f.q.kind not in want_kinds:
            continue
        if f.q.value is None or f.restates is not None:
            continue  # a value restated in other units is not a second value
        if like is not None and not same_measure(f.q, like.q):
            continue
        if like is not None and like.q.unit and ratio_term(f.text, f.q):
            continue  # (玉米2.28元/公斤，比上周低0.01元…猪粮比价上周为6.51:1: a ratio's term is no price)
        if not period_fits(f, period):
            continue
        if (
            period is None
            and not other_years
            and claim.period.year is None
            and f.period.year is None
            and f.period.offset != claim.period.offset
        ):
            # (一般公共预算支出712.4亿元，比上年的690.3亿元增长3.2%…占支出的比重: an undated text's 上年 is
            # certainly not the year it speaks of)
            continue
        if accept is not None and not accept(f):
            continue
        if (
            not any_basis
            and not f.is_cell
            and "口径" in f.text
            and "口径" in f.text[clause_start(f.text, f.q.start) : f.q.start]
        ):
            continue  # (含金融企业口径的2022年末…资产总额27.59万亿元: a figure on another basis)
        if f.is_cell and _PLANNED.search(f.header) and not _PLANNED.search(query):
            continue  # | 2024年现状值 | 目标值 |: a target column holds no value of any year's outcome
        if f.corner and not claim.is_cell and not _speaks_of(table, claim, f.corner):
            continue  # | 人均消费支出 | 2022年 |…: a table of a measure the claim's paragraph never names
        lk = name_likeness(query, f) if query else 0.0
        if floor and not labels.opposed(query, f.label()):
            # (网上支付 against 移动支付: a sibling's name may be another kind of the same unit — found,
            # but too loosely to convict on its own)
            lk = max(lk, floor * 0.8 if _siblings(query, f.label()) else floor)
        if lk < min_likeness:
            continue
        if (
            like is not None
            and like.place.table is not None
            and f.place.table == like.place.table
            and f.place.col != like.place.col
        ):
            # (第二阶梯水价是第一阶梯的1.53倍: the other row's cell in A's own column — 水价 — before its
            # 污水处理费 or 合计 cells, which the row's name alone matches as well)
            lk *= 0.9
        out.append(Scored(f, lk * (0.8 + 0.2 * nearness(f, claim)), lk))
    # best first; among equals, the nearest (earlier before later)
    out.sort(
        key=lambda s: (-s.score, abs(s.fact.place.sentence - claim.place.sentence), abs(s.fact.id - claim.id))
    )
    return out[:KEEP]


# Measure words many different counts share (人次 of passengers, tourists and patients alike; 辆
# of cars made and cars sold; 标箱 of every port): they name no one thing.
_BARE_UNITS = frozenset(
    {"", "个", "次", "项", "人", "家", "件", "份", "元", "CNY", "USD", "种", "名", "位", "户", "所"}
)
_GENERIC_UNITS = _BARE_UNITS | {"人次", "辆", "台", "套", "部", "只", "头", "张", "本", "篇", "标箱", "TEU"}


_NOUN_GAPS = frozenset({"差额", "顺差", "逆差", "差值", "缺口"})


def only_one_of_its_unit(table: FactTable, claim: Fact, like: Fact, period: Period) -> Fact | None:
    """2019年开行8225列、发运72.5万标箱。2020年…运送113.5万标箱，分别同比增长…: values named
    differently, but the only value of that measure (not 个 or 元: 标箱, 人次, 辆) in the period —
    the same thing when the text walks through parallel lists, unless the names clash."""
    if like.q.kind != "count" or (like.q.unit or "") in _BARE_UNITS:
        return None
    found = [
        f
        for f in table.near(claim, WINDOW)
        if f.id != like.id
        and f.role == "level"
        and f.q.kind == like.q.kind
        and f.q.unit == like.q.unit
        and f.restates is None
        and period_fits(f, period)
        and not labels.PER_UNIT.search(f.label() + f.qualifier_words)
    ]
    if len(found) != 1 or labels.opposed(like.label(), found[0].label()):
        return None
    if _siblings(like.label(), found[0].label()):
        return None  # 网上支付 against (银行处理)移动支付: two kinds of one thing, not one thing twice
    return found[0]


def _siblings(a: str, b: str) -> bool:
    """Two names ending a shared word of two or more characters with different modifiers, each
    absent from the other name: 网上支付 and 移动支付, not 移动支付 and 银行处理移动支付业务."""
    for i in range(len(a) - 1):
        word = a[i : i + 2]
        j = b.find(word)
        if j < 2 or i < 2 or not re.fullmatch(r"[\u4e00-\u9fff]{2}", word):
            continue
        ma, mb = a[i - 2 : i], b[j - 2 : j]
        if ma != mb and ma not in b and mb not in a:
            return True
    return False


def specific_unit(f: Fact) -> bool:
    """A measure word that itself names what is counted (列, 标箱, 架次), unlike 个, 元 or 吨."""
    return f.q.kind == "count" and (f.q.unit or "") not in _GENERIC_UNITS


_AS_COUNT = re.compile(r"数量|件数|个数|人数|户数|(?<![金总余])量$")
_AS_MONEY = re.compile(r"金额|额$")


def measure_hint(query: str, kinds: Iterable[str]) -> tuple[str, set[str]]:
    """进口数量 asks for a count, 进口金额 for money: the word says which unit, the rest names the thing."""
    want = set(kinds)
    if _AS_COUNT.search(query) and not _AS_MONEY.search(query):
        narrowed = want & {"count", "dimension", "number"}
        return _AS_COUNT.sub("", query) or query, narrowed or want
    if _AS_MONEY.search(query) and "money" in want:
        return query, {"money"}
    return query, want


def parallel_member(table: FactTable, claim: Fact) -> Fact | None:
    """高技术产业和装备制造业增加值分别增长10.6%和9.1%，增速分别比规模以上工业快4.6和3.1个百分点:
    the k-th member of a 分别 list speaks of the k-th member of the 分别 list before it in the
    same sentence, when both lists are as long."""
    if claim.group is None:
        return None
    mine = table.list_of(claim)
    k = next((i for i, g in enumerate(mine) if g.id == claim.id), None)
    if k is None:
        return None
    seen: set[int] = set()
    for g in reversed(table.in_sentence(claim.place.sentence)):
        if g.q.end > mine[0].q.start or g.group is None or g.group == claim.group or g.group in seen:
            continue
        seen.add(g.group)
        other = table.list_of(g)
        if len(other) == len(mine):
            return other[k]
        return None  # the nearest earlier list is another length: no parallel to read
    return None


_A_BASE_ONLY = re.compile(
    r"(?:为|是|较|比|相当于)?(?:常年|多年平均|历史同期|上年|去年|前年)(?:同期|同月|同季度?)?(?:值|水平)?"
)


_A_LISTS_TOTAL = re.compile(r"\s*(?:两者|二者|三者|几项|各项)?(?:合计|共计|总计)(?:为|达|达到)?\s*$")


def current_of(
    table: FactTable, claim: Fact, kinds: Iterable[str] = AMOUNT_KINDS, exclude: Iterable[int] = ()
) -> list[Scored]:
    """The value a change or share claim is about, as it stands now.

    In order: the value a 分别 member continues; the end of a 由A增至B pair just before; the
    nearest value before the claim in its sentence that the claim's words continue; else the
    value in the claim's period whose name the claim repeats.
    """
    subject, want = measure_hint(claim.subject, kinds)
    # (…，为常年同期（36.67亿立方米）的1.5倍；较去年同期少蓄8.81亿立方米，降幅13.8%: a value named only
    # by the period it is of — the normal, last year — is a base, never the value now)
    exclude = set(exclude) | {g.id for g in table.around(claim) if _A_BASE_ONLY.fullmatch(g.subject)}
    named = former_or_latter(table, claim, want)
    if named is not None:
        return [Scored(named, 1.0, 1.0)]
    pair = _the_two_compared(table, claim, want)
    if pair is not None:
        return [Scored(pair, 1.0, 1.0)]
    if claim.target is not None:
        t = table.fact(claim.target)
        if t.q.kind in want:
            return [Scored(t, 1.0, 1.0)]
    parallel = parallel_member(table, claim)
    # (…分别比上年增加1.95万元和0.50万元，分别增长2.46%和4.55%: a parallel list of changes gives each
    # growth its increase, not its value now)
    if parallel is not None and parallel.q.kind in want and parallel.role not in ("change", "gap"):
        return [Scored(parallel, 1.0, 1.0)]
    if parallel is not None and parallel.role == "change" and parallel.target is not None:
        # 能力12.4亿吨、4692万标准箱，比上年分别增加0.7亿吨、753万标准箱，分别增长6%和19.1%: the value now
        # is the one the parallel change is of
        now = table.fact(parallel.target)
        if now.q.kind in want:
            return [Scored(now, 1.0, 1.0)]
    # (按1美元兑7.2元人民币计: a rate of exchange is no value now)
    before = [
        g
        for g in table.around(claim)
        if g.q.end <= claim.q.start and g.id != claim.id and g.q.value is not None and not unit_rate(g)
    ]
    bases = {h.base_fact for h in table.around(claim) if h.base_fact is not None}
    bases |= set(exclude) | ({claim.whole_fact} if claim.whole_fact is not None else set())
    # 与2011年的294.91万平方公里相比，…减少超过一成: the value inside the comparison is its base
    sentence = table.sentences[claim.place.sentence]
    for m in OPENED_COMPARISON.finditer(claim.text, sentence.start, claim.q.start):
        bases |= {g.id for g in before if m.start() <= g.q.start < m.end()}
    compared = _compared_bases(claim, claim.text[sentence.start : claim.q.start])
    # 累计接待38.6万人次，日均1.29万人次，比上届的34.3万人次增长12.5%: against a total, the value
    # now is a total too, not an average per day or per head written beside it
    # (only this claim's own base: 比上届的V, or a value inside its 与…相比)
    own_bases = {claim.base_fact} | {
        g.id
        for m in OPENED_COMPARISON.finditer(claim.text, sentence.start, claim.q.start)
        for g in before
        if m.start() <= g.q.start < m.end()
    }
    written_bases = [g for g in before if g.id in own_bases]
    # (较上年同期14380元: an inline base takes the claim's name — 次均住院费用 — not words of its own)
    total_base = bool(written_bases) and not any(
        _per_unit(b) or (b.id == claim.base_fact and labels.PER_UNIT.search(b.subject)) for b in written_bases
    )
    if total_base and subject and not labels.has_content(labels.PER_UNIT.sub("", subject)):
        subject = ""  # (the clause's 日均 names no total)
    noted: set[str] = set()  # the names of the bracketed notes passed over
    for g in reversed(before):
        if claim.period.months is not None and g.period.months not in (None, claim.period.months):
            continue  # (…三个月合计2.36万亿元；10月进出口…增长9.5%: not the value of other months)
        if (
            total_base
            and _per_unit(g)
            and any(
                h.id < g.id
                and h.role == "level"
                and h.q.kind == g.q.kind
                and not _per_unit(h)
                and h.id not in bases
                for h in before
            )
        ):
            continue  # (人均生产总值15.89万元，比2022年的15.42万元: no total before it, it is the value)
        if g.verb in _CONVERTED and any(
            h.id < g.id and (same_measure(h.q, g.q) or (h.q.kind == g.q.kind == "dimension")) for h in before
        ):
            # 单产444.6公斤/亩，每公顷折合6669公斤 / 15.2万吨，折合3.04亿斤: the same figure per another unit
            # or in another unit of weight (a figure in another currency, 约合17.89万亿美元, is the one
            # a share of a dollar whole is of)
            continue
        if closed_note(g, claim):
            noted.add(g.subject)
            continue  # 完成年度目标（3000人）的108.7%，比上年…增长4.2%: a bracketed note is not the value now
        if g.restates is not None or (g.role == "share" and g.q.kind == "number"):
            continue  # 约6.2亿人次 restates the value before it; 接近一半 is a share, not a value
        said = _BASE_STATED.match(g.context)
        if said is not None and said.group("when") in compared:
            continue  # 年末29.95万亿元，年初为26.80万亿元，比年初增加…，增长11.75%: 年初's value is the base
        if g.q.kind not in want or g.id in bases:
            continue  # an inline base (比2022年的V) is not the value now
        if _added_to(g, claim):
            continue  # (新增运营里程748公里；年末里程较上年末…净增779.9公里: what was added is no stock now)
        if unit_rate(g):
            continue  # (4806标准组，每标准组按8辆计，…增长8.6%: a rate between units is no value now)
        if (
            # (…，合计106643万人，比上年末增加1336万人: a clause with no name goes on with the total)
            claim.own
            and not g.own
            and g.place.clause != claim.place.clause
            and _A_LISTS_TOTAL.match(g.text, clause_start(g.text, g.q.start), g.q.start)
            # (the total took the last item's name: 中型灌区7316处，合计7766处)
            and any(h.id == g.id - 1 and h.subject == g.subject and h.own for h in before)
        ):
            continue  # (大型灌区450处、中型灌区7316处，合计7766处，中型灌区数量是…: the list's total)
        if _per_another(g, claim):
            continue  # (2.48元/公斤，约合每斤1.24元，同比降低0.15元/公斤: the value per 公斤, not per 斤)
        rate_like = g.role == "share" and g.q.is_rate and not (want & AMOUNT_KINDS)
        if (
            g.role not in ("level", "rate")
            and not rate_like
            and not (g.role == "gap" and g.verb in _NOUN_GAPS)
        ):
            continue
        # The claim continues a subject (its own words, or the clause before it): the value must
        # carry that name, or carry none of its own.
        # (小麦亩产由452公斤提高到511公斤…，而全县粮食总产比上年增长2.3%: a claim that names its own
        # subject is not about the 由…到 pair before it)
        # (…分别为92.1万件、209万件和63.8万件，三类合计364.9万件，其中发明专利比上年的79.8万件增长
        # 15.3%: the list's member the claim names, not the list's total; 大型、中型水库…分别为39.71亿
        # 立方米和8.22亿立方米，大型水库占八成以上: not its last member)
        # (…分别为142家、118家…，合计558家，…；山东比江苏多24家: nor the unnamed total after the list)
        listed = (
            [h for h in before if h.group is not None]
            if g.group is None and ("、" in g.subject or not g.subject)
            else []
        )
        member = _member_named(subject, table.list_of(g) if g.group is not None else listed, want)
        if subject and member is not None and member.id != g.id:
            return [Scored(member, 1.0, 1.0)]
        if (
            subject
            and g.subject
            and (not g.base_fact or claim.own)
            and not (not claim.own and subject in noted)
        ):
            lk = name_likeness(subject, g, forward_only=True)
            if lk < 0.6:
                continue
            if g.subject != subject:
                # (其中，普通程序案件3000件，简易程序案件334件，普通程序案件约占九成: the value its sentence
                # names exactly, before a nearer one named alike)
                exact = [
                    h
                    for h in before
                    if h.id < g.id
                    and h.subject == subject
                    and h.q.kind == g.q.kind
                    and h.role in ("level", "rate")
                    and h.id not in bases
                    and h.place.sentence == claim.place.sentence
                ]
                if exact:
                    return [Scored(exact[-1], 1.0, 1.0)]
            return [Scored(g, 0.9 + 0.1 * lk, lk)]
        return [Scored(g, 1.0, 1.0)]
    if not subject:
        return []
    found = candidates(
        table,
        claim,
        subject,
        kinds=want,
        exclude=bases - {None},
        period=claim.period.as_filter(),
        # (…外地观众占8成以上。｜天津站…其中外地观众占62%，约11.5万人次: not a later paragraph's)
        accept=lambda f: (
            not (f.q.kind == "number" and f.q.value is not None and f.q.value <= 1)
            and not later_passage(f, claim)
            # (…平均每个项目完成1.32亿元。与上年的52.9亿元相比，多出…: a claim that names nothing
            # of its own, against a total, is not about the average its sentence inherited)
            and not (total_base and not claim.own and _per_unit(f))
            # (…增长8.87%；2022—2024年年均增长8.85%，三年累计87.49亿元，年均29.16亿元: a sum over the
            # years or an average per year is no one year's value)
            and not _OVER_YEARS.search(f.qualifier_words)
            and not _added_to(f, claim)
            and not _per_another(f, claim)
        ),
    )
    found = [s for s in found if s.likeness >= 0.5]
    # 票房95.10亿元…。与…相比，票房同比增长18.6%。…前三名依次为48.39亿元: the value a change is
    # about is written before it (or in its own sentence), not in a sentence that follows
    # (a table may follow the prose that sums it up: its rows are not "later" in that sense)
    earlier = [s for s in found if s.fact.place.sentence <= claim.place.sentence]
    return earlier or [s for s in found if s.fact.is_cell]


# 新增运营里程, 全年新开工: a flow of additions, named by its verb
_ADDED = re.compile(r"(?:全年|当年|年内)?(?:新增|新开|新建|新投运|新投产)")


def _per_another(g: Fact, claim: Fact) -> bool:
    """Whether ``g`` and an amount ``claim`` are each per a unit, and not the same one (每斤, /公斤)."""
    if claim.q.kind not in AMOUNT_KINDS:
        return False
    a, b = per_unit(g), per_unit(claim)
    return bool(a) and bool(b) and a != b


def _added_to(g: Fact, claim: Fact) -> bool:
    """Whether ``g`` is an addition (新增…) that a change of the stock (净增, 增长) is not about."""
    return (
        bool(_ADDED.match(g.subject))
        and not _ADDED.match(claim.subject)
        and claim.role in ("change", "growth")
    )


_OVER_YEARS = re.compile(r"(?:年均|年平均|平均每年|[两二三四五六七八九十\d]年(?:累计|合计|共计|共))\s*$")


# A clause that gives a base period's value by its time word alone (年初为26.80万亿元, 上年同期为…):
# a claim compared with that period is about the other value, never this one.
_BASE_STATED = re.compile(
    r"^\s*(?P<name>[^，,；;。\d]{0,8}?)"  # (增值税上年为1953.6亿元: a short name may come first)
    r"(?P<when>年初|上年末|上年底|去年末|去年底|上年同期|去年同期|上年|去年|上月|上季度?|上期)\s*"
    r"(?:(?:时|的)?(?:为|是|有|仅为|只有|仅|达)|(?=[0-9]))"  # (上年同期69.56万亿元: or the figure at once)
)
_BASE_WORDS = {"上年同期": "上年", "去年同期": "上年", "去年": "上年", "上年末": "上年", "上年底": "上年",
               "去年末": "上年", "去年底": "上年", "上季": "上季度"}  # fmt: skip


def _speaks_of(table: FactTable, claim: Fact, measure: str) -> bool:
    """Whether the claim's sentence, or its paragraph, names ``measure`` (or most of it)."""
    passage = claim.place.passage
    text = table.doc.passages[passage].text if passage is not None else claim.text
    return measure in text or labels.likeness_of(measure, text, forward_only=True) >= 0.9


_CONVERTED = frozenset({"折合", "约合", "合", "折算为", "折算成", "换算为", "换算成"})


def closed_note(g: Fact, claim: Fact) -> bool:
    """Whether ``g`` stands in brackets that close before ``claim`` (a note: a target, a base)."""
    if open_bracket(g.text, g.q.start) < 0:
        return False
    closes = [i for i in (g.text.find("）", g.q.end), g.text.find(")", g.q.end)) if i >= 0]
    return bool(closes) and min(closes) < claim.q.start


def _member_named(subject: str, members: list[Fact], want: set[str]) -> Fact | None:
    """The one list member whose item the claim's subject names (大型 of 大型水库, 发明专利)."""
    hits = [
        m
        for m in members
        if len(item := m.item.strip()) >= 2
        and (subject.startswith(item) or item.endswith(subject) or subject.endswith(item))
        and m.q.kind in want
    ]
    return hits[0] if len(hits) == 1 else None


def _per_unit(f: Fact) -> bool:
    """Whether ``f``'s own words make it an average (日均, 平均每个项目, 人均), not a total."""
    return bool(labels.PER_UNIT.search(f.own + f.qualifier_words))


def states_a_base(f: Fact) -> bool:
    """Whether ``f`` is given in a clause of its own as a base period's value (年初为…, 上年同期为…)."""
    return _BASE_STATED.match(f.context) is not None


def _compared_bases(claim: Fact, before: str) -> set[str]:
    """The time words a claim is measured against: its own comparison (比年初, 同比: 上年), or one
    written before it in its sentence (比年初增加3.15万亿元，增长11.75%)."""
    words = {claim.compare} if claim.compare else set()
    words |= {m.group(1) for m in _COMPARED.finditer(before)}
    if not claim.compare or claim.compare == "同比":
        words.add("上年")
    out = set()
    for w in words:
        out.add(w)
        out.add(_BASE_WORDS.get(w, w))
    return out | {k for k, v in _BASE_WORDS.items() if v in out}


_COMPARED = re.compile(
    r"(?:比|较|相比|同)\s*(年初|上年末|上年底|去年末|去年底|上年同期|去年同期|上年|去年|上月|上季度?|上期)"
)


_BOTH_COMPARED = re.compile(r"\s*(?:两者|二者|两相)(?:相比|比较|对比|对照)")


def _the_two_compared(table: FactTable, claim: Fact, want: set[str]) -> Fact | None:
    """嫦娥六号带回1935.3克…；嫦娥五号…为1731克。两者相比，多出204.3克，增加11.8%: a change after
    两者相比 is of the first of the two values just named over the second."""
    sentence = table.sentences[claim.place.sentence]
    if not _BOTH_COMPARED.match(claim.text, sentence.start):
        return None
    earlier = [
        f
        for f in table.facts[max(0, claim.id - 2 * SPAN) : claim.id]
        if f.place.passage == claim.place.passage
        and f.place.sentence < claim.place.sentence
        and f.role == "level"
        and f.q.kind in want
        and f.restates is None
        and not is_bound_only(f.q, f.text)
    ]
    # the two things are the last two names the values were given under (a value restated in other
    # units, 约合1.94千克, is the same thing): the first is the first value of the first thing
    things: list[list[Fact]] = []
    for f in earlier:
        if things and (not f.own or f.subject == things[-1][0].subject):
            things[-1].append(f)
        else:
            things.append([f])
    if len(things) < 2 or not same_measure(things[-1][0].q, things[-2][0].q):
        return None
    return things[-2][0]


def compared_value(table: FactTable, claim: Fact, cur: Fact) -> Fact | None:
    """与2024年春节档（2月10日—17日，80.16亿元）相比，票房同比增长18.6%: the one value of the current
    value's measure written inside a 与…相比 that opens the claim's sentence is the claim's base."""
    sentence = table.sentences[claim.place.sentence]
    opened = list(OPENED_COMPARISON.finditer(claim.text, sentence.start, claim.q.start))
    if not opened:
        return None
    m = opened[-1]
    inside = [
        g
        for g in table.around(claim)
        if m.start() <= g.q.start < m.end()
        and g.id != cur.id
        and g.role == "level"
        and g.restates is None
        and same_measure(g.q, cur.q)
        and not is_bound_only(g.q, g.text)
    ]
    return inside[0] if len(inside) == 1 else None


def other_bases(table: FactTable, claim: Fact) -> set[int]:
    """The values written as the base of another claim near ``claim`` (较去年同期的2.70元…): never its
    value now or its own base."""
    return {g.base_fact for g in table.around(claim) if g.base_fact is not None and g.id != claim.id}


def bare_totals(
    table: FactTable, claim: Fact, one: str, other: str, kinds: Iterable[str]
) -> tuple[Fact, Fact] | None:
    """收支相抵，一季度支出大于收入787.6亿元 / 支出是收入的4.6倍: the two sides of a budget named by their
    bare words (支出, 收入) are its totals in the claim's period — the largest value whose name ends with
    each (全省一般公共预算收入221亿元), not a part of it (税收收入150.6亿元)."""
    a, b = (_bare_total(table, claim, w, kinds) for w in (one, other))
    return (a, b) if a is not None and b is not None and a.id != b.id else None


def _bare_total(table: FactTable, claim: Fact, word: str, kinds: Iterable[str]) -> Fact | None:
    if word not in ("收入", "支出"):
        return None  # (trade's 出口/进口 are named per partner or product: their sentence's own)
    if any(f.role == "level" and _named(f).endswith(word) for f in table.around(claim)):
        return None  # (对美出口5246.6亿美元，自美进口1636.2亿美元，…出口是进口的3.2倍: the sentence's own)
    kinds = set(kinds)
    found = [
        f
        for f in table.facts[: claim.id]
        if not f.is_cell
        and f.role == "level"
        and f.q.kind in kinds
        and f.q.value is not None
        and not is_bound_only(f.q, f.text)
        and _named(f).endswith(word)
        # (年初预算安排支出452000万元: a budget planned is no side of the balance done)
        and not PLANNED.search(f.subject)
        and f.period.same_part(claim.period)
        and f.period.year in (None, claim.period.year)
        and f.period.offset == claim.period.offset
    ]
    return max(found, key=lambda f: f.value or 0.0, default=None)


# 一般公共预算收入累计完成186432.57万元: what was done, said after the name
_DONE_TAIL = re.compile(r"(?:累计)?(?:完成|实现|达到|达)?$")


def _named(f: Fact) -> str:
    """``f``'s subject without the verb of doing after the name (…收入累计完成 → …收入)."""
    return _DONE_TAIL.sub("", f.subject)


def later_sentence(f: Fact, claim: Fact) -> bool:
    """Whether ``f`` stands in a sentence after the claim's, in the claim's paragraph."""
    return f.place.passage == claim.place.passage and f.place.sentence > claim.place.sentence


def later_passage(f: Fact, claim: Fact) -> bool:
    return (
        f.place.passage is not None
        and claim.place.passage is not None
        and f.place.passage > claim.place.passage
    )


_A_PERIOD = re.compile(r"\d{4}\s*年|上年|去年|上一年|前一年|同期|上月|上季")


def dated_in_sentence(table: FactTable, claim: Fact, cur: Fact, year: int) -> Fact | None:
    """与2011年的294.91万平方公里相比，…减少超过一成 / 从2012年的10298.4亿元算起: the base written in the
    claim's own sentence, named only by its year (the thing is the one the sentence speaks of)."""
    sentence = table.around(claim)
    # (比上年的38.55亿人次增长11.9%…；其中动车组…同比增长12.9%: a base written inside another
    # value's comparison is that value's, not the sentence's)
    taken = {g.base_fact for g in sentence if g.base_fact is not None}
    found = [
        g
        for g in sentence
        if g.q.end <= claim.q.start
        and g.id != cur.id
        and g.id not in taken
        and g.role == "level"
        and g.period.explicit
        and g.period.year == year
        and g.period.months is None
        and same_measure(g.q, cur.q)
        and not labels.has_content(_COMPARING.sub("", g.own or ""))
        # (归母净利润5.08亿元，上年同期为3.61亿元，同比增长40.72%；扣非净利润4.37亿元，同比增长52.3%: a base
        # closed by its own growth is no base of a value written after that growth)
        and not any(h.role == "growth" and g.q.end <= h.q.start and h.q.end <= cur.q.start for h in sentence)
    ]
    return found[-1] if found else None


_COMPARING = re.compile(r"^(?:同|与|和|跟|比|较|从|由|自)")
_FORMER = re.compile(r"^\s*(?:其中)?(?P<which>前者|后者)")


def former_or_latter(table: FactTable, claim: Fact, kinds: Iterable[str]) -> Fact | None:
    """拨备覆盖率、资本充足率分别为205.14%和15.06%，前者较三季度末…，后者较…: 前者 is the first of the two
    values just named (the first of their 分别 list), 后者 the last."""
    start = clause_start(claim.text, claim.q.start)
    m = _FORMER.match(claim.text[start : claim.q.start])
    if m is None:
        return None
    pair = the_two_named(table, claim, kinds)
    if pair is None:
        return None
    return pair[0] if m.group("which") == "前者" else pair[1]


_TOTAL_BEFORE_IT = re.compile(r"(?:合计|共计|总计|加起来|相加|两项|二者|两者)[^，,。；;\d]{0,3}$")


def the_two_named(table: FactTable, claim: Fact, kinds: Iterable[str]) -> tuple[Fact, Fact] | None:
    """The two values 前者 and 后者 point at: the last two named before the claim's clause (a 分别
    list's, or the last value and the one of its kind before it)."""
    start = clause_start(claim.text, claim.q.start)
    want = set(kinds)
    window = [
        g
        for g in table.facts[max(0, claim.id - 4 * SPAN) : claim.id + 1]
        if g.place.passage == claim.place.passage and g.place.sentence >= claim.place.sentence - 1
    ]
    bases = {g.base_fact for g in window if g.base_fact is not None}  # 较三季度末的207.88%: a base
    before = [
        g
        for g in window
        if (g.place.sentence < claim.place.sentence or g.q.end <= start)
        and g.id != claim.id
        and g.id not in bases
        and g.q.kind in want
        and g.role in ("level", "rate", "share", "growth")
        and g.q.value is not None
    ]
    # (…上岸76169人，…需转移28304人，两项合计10.4万余人，前者是后者的2.7倍: the total of the two is
    # neither of them)
    before = [g for g in before if not _TOTAL_BEFORE_IT.search(g.text, max(0, g.q.start - 8), g.q.start)]
    if not before:
        return None
    last = before[-1]
    if last.group is not None:
        pair = table.list_of(last)
    else:
        # …增长20.8%，…三年间年均增长27.8%；同期全部…仅增长2.3%，前者增速高出…: the former is the last
        # value of the latter's own kind (a year's growth, not an average over years)
        # (…仍接近七成。外出农民工中大专及以上的占19.5%，本地农民工为7.2%，前者是后者的2.7倍: a share and
        # a rate are of one kind, and a bound restating an earlier figure is none of the two)
        alike = [
            g
            for g in before[:-1]
            if (g.role == last.role or {g.role, last.role} <= {"rate", "share"})
            and g.verb.startswith("年均") == last.verb.startswith("年均")
            and not is_bound_only(g.q, g.text)
        ]
        pair = [alike[-1], last] if alike else []
    if len(pair) < 2:
        return None
    return pair[0], pair[-1]


def base_periods(table: FactTable, claim: Fact, cur: Fact) -> list[Period]:
    """The periods a change may be measured against, most certain first: the one written in its
    comparison (比2010年, 同比, 比上年末); else one named as a reference earlier in its sentence
    (…是2004年的7.3倍，…提高6.2个百分点); else the year before (增长x% alone, by convention)."""
    if claim.base_period is not None:
        return [claim.base_period]
    if claim.compare and claim.compare not in ("同比", "环比"):
        return []
    span = claim.period
    own = claim.text[clause_start(claim.text, claim.q.start) : claim.q.start]
    if (
        span.first is not None
        and span.last is not None
        and span.first < span.last
        and cur.period.year == span.last
        # (2021—2023年年均增长5.3%；综合能源消费量仅增长2.5%: a span another clause wrote is not this
        # change's)
        and str(span.first) in own
    ):
        # 援建希望小学2018—2020年增加483所: over the span written, from its first year
        return [Period(year=span.first)]
    out: list[Period] = []
    sentence = table.sentences[claim.place.sentence]
    named: list[Period] = []
    for at, ref in sentence.refs_at_before(claim.q.start):
        if (
            _NEW_YEAR_CLAUSE.search(claim.text, at, claim.q.start)
            and str(cur.period.year) in claim.text[at : claim.q.start]
        ):
            continue  # (…比上年少3400亿份；2024年略回升至…，增长2.6%: a new year's clause, its own base)
        if ref.year is not None and cur.period.year is not None and ref.year < cur.period.year:
            # 与2011年的294.91万平方公里相比，…减少超过一成: against that year only
            named.append(ref)
    if len({r.year for r in named}) > 1:
        # (…比2020年提高1.3个百分点，较2014年提高4.6个百分点；…比例为69.1%，提高1.6个百分点: two years
        # named before it, and the bare change says against which of them — or neither)
        return []
    if named:
        return named[:1]
    opened = OPENED_COMPARISON.search(claim.text, sentence.start, claim.q.start)
    if opened is not None and not _A_PERIOD.search(opened.group("with")):
        return []  # 与近5年均值相比，…下降24.4%: against what it names, not the year before
    # (without a year, the year before is what 去年/上年 names: 客座率为84.55%，去年同期为77.08%，同比上升…)
    out.append(cur.period.shifted(-1))
    return out


def earlier_in_sentence(table: FactTable, claim: Fact, cur: Fact) -> Fact | None:
    """1949年原油产量仅为12.0万吨，2018年达到1.9亿吨，增长1574.9倍: the same thing at an earlier
    year, written earlier in the sentence, is the base of a change stated after both."""
    if cur.period.year is None:
        return None
    for g in reversed(table.around(claim)):
        if g.q.end > cur.q.start or g.id == cur.id or g.role != "level" or g.restates is not None:
            continue
        if g.period.year is None or g.period.year >= cur.period.year or not same_measure(g.q, cur.q):
            continue
        if g.subject and cur.subject and name_likeness(cur.subject, g) < 0.6:
            continue
        return g
    return None


def from_to_base(table: FactTable, current: Fact) -> Fact | None:
    """The A of 由A增至B when ``current`` is the B."""
    if current.base_fact is None:
        return None
    base = table.fact(current.base_fact)
    return base if base.q.end <= current.q.start else None


def growth_after(table: FactTable, level: Fact) -> Fact | None:
    """The growth rate written right after a value (…2.69万亿元、增长13.1%), with no other value between."""
    following = [g for g in table.around(level) if g.q.start > level.q.end]
    for g in following[:2]:
        if g.role == "growth" and g.q.is_rate and not g.verb.startswith("年均") and g.against_last_year:
            return g if g.place.clause <= level.place.clause + 1 else None
        if g.role == "level":
            return None
    return None


def change_after(table: FactTable, level: Fact) -> Fact | None:
    """The change written right after a value (…80.18亿元，增加2.79亿元), in the same unit."""
    following = [g for g in table.around(level) if g.q.start > level.q.end]
    # 收入24627万元，完成年初预算数60999万元的40.4%，比上年减收1070万元: a share of the budget may stand
    # between the value and its change (its denominator and its rate are not the change)
    wholes = {g.whole_fact for g in following if g.whole_fact is not None}
    seen = 0
    for g in following:
        if g.id in wholes or (g.q.is_rate and g.role == "share"):
            continue
        seen += 1
        if seen > 2:
            return None
        if g.role == "change" and same_measure(g.q, level.q) and g.against_last_year:
            return g if g.place.clause <= level.place.clause + 2 else None
        if g.role == "level":
            return None
    return None


def opening_rows(table: FactTable, claim: Fact, roles: tuple[str, ...] = ("level",)) -> list[Fact]:
    """Table cells whose row a clause of the claim's sentence opens with, up to the claim's own
    clause: 上海港领先…，是…天津港的2.2倍; 三季度持续高温，…比一季度多3250万立方米; 从表中看，道路运输…
    (words that only point at the table may come first)."""
    sentence = table.sentences[claim.place.sentence]
    own = clause_start(claim.text, claim.q.start)
    before = claim.text[sentence.start : own]
    clause = claim.text[own : claim.q.start]
    openers = [
        m.group(0)
        # (其中高新区增量是…: 其中 opens the clause before the row it names)
        for m in (
            re.match(r"[^，,。；;\d]{2,8}", _OF_WHICH.sub("", t))
            for t in (*re.split(r"[，,；;]", before), clause)
        )
        if m
    ]
    if claim.group is not None and claim.item:
        # (城网、农网停电时间分别减少0.62小时/户和1.57小时/户: a 分别 member's row is its own item's)
        openers = [claim.item.strip()]
    # (农田灌溉与林牧渔畜两项合计73.26亿立方米，…是工业用水量的2.0倍: a clause that opens with two rows
    # joined speaks of them together, not of its first row)
    return [
        f
        for f in table.cells()
        if len(f.subject) >= 2
        and f.role in roles
        and any(o.startswith(f.subject) and not _JOINED.match(o, len(f.subject)) for o in openers)
    ]


_OF_WHICH = re.compile(r"^\s*其中[，,：:、]?\s*")


_JOINED = re.compile(r"\s*(?:、|与|和|及|以及|同)")


def column_named(cells: list[Scored], own: str) -> list[Scored]:
    """A row's cells in the column the claim's own words name: 第二阶梯水价 is the 水价 column's
    cell, not the 污水处理费 or 合计 one (死亡人数, not 事故起数)."""
    headed = [s for s in cells if s.fact.header and s.fact.header in own]
    if headed:
        return headed
    return [s for s in cells if name_likeness(own, s.fact) >= 0.6] or cells


def thing_of_the_clause_before(table: FactTable, claim: Fact, kinds: Iterable[str]) -> list[Scored]:
    """工行一家就比建行多赚302.86亿元，净利润相当于农行的1.3倍: a clause that names only a measure
    (净利润) is about the thing the clause before it named (工行): that thing's value of the measure."""
    prev = next(
        (
            g
            for g in reversed(table.around(claim))
            if g.q.end <= claim.q.start and g.own and g.place.clause == claim.place.clause - 1
        ),
        None,
    )
    # (…工行一家贡献了26.1%，其归母净利润是邮储银行的4.2倍: 其 is that thing, the rest its measure)
    clause = claim.text[clause_start(claim.text, claim.q.start) : claim.q.start]
    its = re.match(r"其(?P<measure>[^，,。；;\d]{2,8}?)(?:是|为|相当于|约为|约是|约占|占)", clause)
    measure = claim.own or (its.group("measure") if its else "")
    if prev is None or not measure:
        return []
    thing = re.split(r"一家|一省|一市|一国|一地|就|即|便", prev.own)[0]  # (工行一家贡献: 工行)
    values = [
        f
        for f in table.facts[max(0, claim.id - 8 * SPAN) : claim.id]
        if f.id != prev.id
        and (f.role == "level" or (f.role == "rate" and f.is_cell))
        and f.q.kind in kinds
        and (f.place.passage == claim.place.passage or f.is_cell)
        and (
            labels.likeness_of(thing, f.item or f.subject) >= 0.8
            # (居民医保当期结存…，其支出: the thing, 居民医保, is what the clause's own words open with)
            or (len(name := f.item or f.subject) >= 2 and thing.startswith(name))
        )
        and name_likeness(measure, f) >= 0.6
    ]
    if len(values) > 1 and claim.period.year is not None:
        # (| 2025年目标 | 2030年目标 |: the claim's own year says which — 2030年目标为2023年水平的两倍多)
        values = [f for f in values if f.period.year == claim.period.year]
    return [Scored(values[0], 0.95, 0.95)] if len(values) == 1 else []


# 上届, 首届, 上一届, 第三届, 上期: an edition of a recurring event
EDITION = re.compile(r"(?:上一?|前一?|首|本|第[一二三四五六七八九十\d]+)(?:届|期|轮|季)")


def of_edition(table: FactTable, claim: Fact, cur: Fact, edition: str, kinds: Iterable[str]) -> Scored | None:
    """线上直播累计观看1.26亿人次，…比上届增长近一倍 (注：上届现场观众268.9万人次、线上观看6380万人次): an
    edition names when, not what — ``cur``'s measure where the text last names that edition before it."""
    for s in candidates(
        table,
        claim,
        cur.subject,
        like=cur,
        kinds=kinds,
        exclude={cur.id},
        min_likeness=0.25,
        other_years=True,
    ):
        start = table.sentences[s.fact.place.sentence].start
        named = [m.group(0) for m in EDITION.finditer(s.fact.text, start, s.fact.q.start)]
        if named and named[-1] == edition:
            return s
    return None


# 3901.3万标箱的1.26倍, 每周7800班的82.1%: a value a multiple or a ratio is taken of (its unit's tail
# may stand between)
_OF_A_RATIO = re.compile(r"[^\d，,。；;]{0,3}的\s*(?:[\d.]+\s*%|[\d.一二三四五六七八九十两]+(?:多)?倍)")


def of_a_ratio(f: Fact) -> bool:
    """Whether ``f`` is what a multiple or a ratio written right after it is taken of."""
    return _OF_A_RATIO.match(f.text, f.q.end) is not None


def leading_place(words: str) -> str:
    """The place ``words`` open with, the longest the text knows (厦门财力 → 厦门), or ""."""
    words = words.lstrip()
    return next((p for p in sorted(labels.places(words), key=len, reverse=True) if words.startswith(p)), "")


def latest_of_place(table: FactTable, claim: Fact, place: str, kinds: Iterable[str]) -> Fact | None:
    """厦门一般公共预算收入835.9亿元，…；泉州480.7亿元。厦门财力是泉州的1.74倍: the latest value ``place``
    names in the claim's paragraph before it — no other claim's base or whole, of no other period."""
    want = set(kinds)
    skip = other_bases(table, claim)
    mine = [
        g
        for g in table.facts[max(0, claim.id - 4 * SPAN) : claim.id]
        if g.place.passage == claim.place.passage
        and g.role == "level"
        and g.q.kind in want
        and (g.item or g.subject).startswith(place)
        and g.id not in skip
        and g.id != claim.whole_fact
        and not g.period.clashes(claim.period)
    ]
    return mine[-1] if mine else None


_THE_REST = re.compile(r"其他|其余|其它|剩余|余下")


def rest_of_list(table: FactTable, members: list[Fact], total: Fact) -> list[Fact]:
    """三大区域分别有72个、58个和34个，其他地区22个，合计186个: the values after a list and before its
    total in their sentence, named as the rest (其他, 其余), which the total sums with the list."""
    if not members:
        return []
    out = []
    for g in table.around(total):
        if not (members[-1].id < g.id < total.id) or g.role != "level" or not same_measure(g.q, total.q):
            continue
        if _THE_REST.search(g.text, words_start(table, g), g.q.start):
            out.append(g)
    return out


def words_start(table: FactTable, g: Fact) -> int:
    """Where the words before ``g`` start: its clause's start, or the end of the value before it there."""
    start = clause_start(g.text, g.q.start)
    prev = table.facts[g.id - 1] if g.id > 0 else None
    if prev is not None and prev.place.sentence == g.place.sentence and prev.q.end <= g.q.start:
        start = max(start, prev.q.end)
    return start


def compared_with(table: FactTable, claim: Fact) -> set[int]:
    """The values before ``claim`` in its sentence that a change or a multiple is compared with."""
    return {g.id for g in table.around(claim) if g.q.end <= claim.q.start and is_compared(table, g)}


def is_compared(table: FactTable, g: Fact) -> bool:
    """Whether ``g`` is what a change or a multiple of its clause is compared with, inside its 比…的
    (订单面积5.62万亩，…，比2022年同期的3.1万亩接近翻了一番; 是去年同期12.3万份的13.7倍): no part, no
    total and no value now."""
    return re.search(
        r"[比较是][^，,。；;]*$", g.text[clause_start(g.text, g.q.start) : g.q.start]
    ) is not None and any(
        h.place.clause == g.place.clause
        and h.q.start > g.q.end
        and h.role in ("multiple", "growth", "change")
        for h in table.around(g)
    )
