"""Bounds restated by the value: 稻谷总产量突破2亿吨，达到20078万吨 / 三大作物总产量超5亿吨。…三大粮食
作物总产量达到51045万吨 / 不足三成…占28.6%.

A headline or a clause often gives a round bound (超过, 突破, 以上, 不足, 近…) and the exact figure next
to it. The exact figure must lie within the bound: 突破2亿吨 with 19078万吨 is a slip. The figure is the
nearest exact value of the same measure and period in the bound's sentence (after it, or before it
with nothing named between), or in the sentence next to it when its name is like the bound's.
"""

from __future__ import annotations

import re

from zhiku.claims import fmt, labels
from zhiku.claims.facts import AMOUNT_KINDS, LIST_SEP, Fact, FactTable, clause_start, same_measure
from zhiku.claims.judge import Pairing, bound_only, push_number, reading, reading_sum, value
from zhiku.claims.labels import likeness_of
from zhiku.claims.search import name_likeness

RELATION = "bound"
_OF_A_SUM = re.compile(
    r"(?:合计|共计|总计|加起来|两者相加|二者相加)(?:已|达|约)?(?:超过|突破|逾|超|近|接近|不足|不到)?\s*$"
)
# 50万元以上的村 / 15万元以下市场, 规模以上企业: a bound that names a band of things, not a figure
# (其中超过20亿元的3个: the band's things counted)
_BAND_LABEL = re.compile(
    r"\s*的[\u4e00-\u9fff\d]|(?:市场|车型|价位|区间|档位|企业|家庭|人群|群体|产品|客户|用户|车辆|住房|项目)"
)
# 90平方米以下、90—144平方米…: a bound followed by another band in a 、-list
_BAND_LIST = re.compile(r"\s*、\s*(?:\d|[一二三四五六七八九十])")
# 每案, 每户, 每批: what an average is per, one character after 每
_PER_THING = re.compile(r"每[\u4e00-\u9fff]")
_ADDEND = re.compile(r"\s*(?:再)?加上|\s*加之")
_DISTRIBUTIVE = re.compile(r"^(?:双双|均|都|皆|也|亦|同时)+|(?:双双|均|都|皆)$")


def check(table: FactTable) -> None:
    for b in table.facts:
        if b.is_cell or not bound_only(b) or b.role not in ("level", "rate", "share"):
            continue
        if not (b.q.kind in AMOUNT_KINDS or b.q.is_rate) or b.q.value is None:
            continue
        if _BAND_LABEL.match(b.text, b.q.end) or _BAND_LIST.match(b.text, b.q.end):
            continue  # 按年收入分档：50万元以上的村12个: a band's label, not a figure rounded
        if re.search(r"、\s*$", b.text[max(0, b.q.start - 2) : b.q.start]):
            continue  # (90平方米以下、90—144平方米、144平方米以上三类: the bands listed, labels all)
        if _summed_list(table, b) or _OF_A_SUM.search(b.text, max(0, b.q.start - 6), b.q.start):
            continue  # (…6669万亩、…4836万亩，合计超过1亿亩: the bound is of their sum, not of one)
        exact = _exact(table, b)
        if exact is None:
            continue
        f, score = exact
        where = "" if f.place.sentence == b.place.sentence else f"{f.q.text}见{f.place.describe()}"
        pairing = Pairing(
            ((f, "确数"),),
            score,
            reading(f),
            value(f),
            _restated(f, b),
            where or "确数与其约数 / the exact figure against its bound",
            fmt.like_shown(value(f), [b.q, f.q]),
        )
        push_number(table, RELATION, b, [pairing])
    _headline_shares(table)


# 一般贸易进出口比重达到6成 / 地方对外投资占比近八成: a share named in a headline, without its whole
_SHARE_WORDS = re.compile(r"比重|占比|份额|比例")
# 九成以上增产来自粮食主产区 / 近七成利润来自民营企业: the share's whole named after it, its part
# after 来自 (N成 of the whole comes from the part)
_WHOLE_AFTER = re.compile(
    r"\s*(?:的)?(?P<whole>[^，,。；;：:\d\ue000]{2,12}?)(?:来自|来源于|源于|集中在|集中于|出自)"
)


def _headline_shares(table: FactTable) -> None:
    """四是一般贸易进出口比重达到6成。一季度，…一般贸易进出口3.94万亿元，…占我国外贸总值的60%: a
    paragraph that opens with a share stated round, alone in its sentence, and gives it exactly in
    the next sentence — the exact share must lie within the round one (近八成 is 75%–80%)."""
    for s in table.sentences:
        if s.passage is None or s.index + 1 >= len(table.sentences):
            continue
        if s.index > 0 and table.sentences[s.index - 1].passage == s.passage:
            continue  # not the paragraph's first sentence
        nxt = table.sentences[s.index + 1]
        head = table.in_sentence(s.index)
        if nxt.passage != s.passage or len(head) != 1:
            continue
        h = head[0]
        name = _SHARE_WORDS.sub("", h.own or h.subject)
        after = _WHOLE_AFTER.match(s.text, h.q.end, s.end) if len(name) < 2 else None
        if not h.q.is_rate or (
            after is None
            and (not (h.role == "share" or _SHARE_WORDS.search(h.own or h.subject)) or len(name) < 2)
        ):
            continue
        body = [
            f
            for f in table.in_sentence(nxt.index)
            if f.q.is_rate and f.role == "share" and f.q.value is not None and not bound_only(f)
        ]
        if after is not None:  # the exact share of the same whole (增产 → 占全国总增产量的90.5%)
            named = [f for f in body if f.whole and likeness_of(after.group("whole"), f.whole) >= 0.5]
        else:
            named = [f for f in body if name_likeness(name, f) >= 0.5]
        if len(named) != 1:
            continue
        f = named[0]
        pairing = Pairing(
            ((f, "确数"),),
            0.9,
            reading(f),
            value(f),
            f.q.text,
            f"{f.q.text}见{f.place.describe()}",
            fmt.like_shown(value(f), [h.q, f.q]),
        )
        push_number(table, RELATION, h, [pairing])


_PLAN = re.compile(r"计划|目标|力争|预计|规划|拟|争取")


def _planned(f: Fact) -> bool:
    """Whether ``f``'s clause sets a plan or a target (计划建成, 目标为) rather than states a result."""
    return bool(_PLAN.search(f.text, clause_start(f.text, f.q.start), f.q.start))


def _summed_list(table: FactTable, b: Fact) -> bool:
    """两地占比分别为56%和26.6%，合计在八成以上: the bound is of the 分别 list's sum."""
    head = b.text[max(0, b.q.start - 8) : b.q.start]
    if not re.search(r"(?:合计|共计|总计|加起来|相加|之和)[^，,。；;]{0,3}$", head):
        return False
    before = [f for f in table.around(b) if f.q.end <= b.q.start]
    if not before:
        return False
    if before[-1].group is not None:
        members = table.list_of(before[-1])
    else:
        # 分别为56%和26.6%: the values joined by 、 or 和 just before
        members = [before[-1]]
        for f in reversed(before[:-1]):
            if f.q.kind != members[0].q.kind or not LIST_SEP.match(f.text[f.q.end : members[0].q.start]):
                break
            members.insert(0, f)
    if len(members) < 2 or any(bound_only(m) or m.q.value is None for m in members):
        return False
    if not all(same_measure(m.q, b.q) if b.q.kind in AMOUNT_KINDS else m.q.is_rate for m in members):
        return False
    total = reading_sum(members)
    point = sum(value(m) for m in members)
    shown = fmt.like_shown(point, [b.q, members[0].q])
    arithmetic = " + ".join(m.q.text for m in members) + f" = {shown}"
    pairing = Pairing(tuple((m, "部分") for m in members), 0.9, total, point, arithmetic, "", shown)
    push_number(table, RELATION, b, [pairing])
    return True


def _restated(f: Fact, b: Fact) -> str:
    """51045万吨 = 5.1045亿吨: the exact figure in the bound's own magnitude when they differ."""
    if fmt.shown([b.q, f.q]) == fmt.shown([f.q]) + fmt.shown([b.q])[1:] or b.q.kind not in AMOUNT_KINDS:
        return f.q.text
    in_bound = fmt.amount(value(f), f.q.measure or f.q.unit)
    return f.q.text if in_bound == f.q.text else f"{f.q.text} = {in_bound}"


def _exact(table: FactTable, b: Fact) -> tuple[Fact, float] | None:
    """The exact value the bound rounds: the nearest one of the same measure, period and name."""

    # A fraction of a whole (超过一半, 不到三分之一) is a share: only a share restates it, never a count.
    fraction = b.q.kind == "number" and b.q.value is not None and 0 < b.q.value <= 1

    def fits(f: Fact) -> bool:
        return (
            f.id != b.id
            # (3万亿元以上 and 约107亿元: a figure 300 times off rounds nothing of the bound's)
            and (not b.q.value or not f.q.value or 0.1 < abs(value(f) / value(b)) < 10)
            and (not fraction or f.q.is_rate or (f.q.kind == "number" and 0 < (f.q.value or 0) <= 1))
            and not bound_only(f)
            # (占有效样本的72.3%，超过七成: a bare bound after a share restates the share)
            and (f.role == b.role or (f.role == "share" and b.role == "rate" and not b.own))
            and f.q.value is not None
            and (same_measure(f.q, b.q) if b.q.kind in AMOUNT_KINDS else f.q.is_rate and b.q.is_rate)
            and not f.period.clashes(b.period)
            and (f.period.same(b.period) or not f.period.explicit or not b.period.explicit)
            and f.base_fact != b.id
            # (占全国的44%…；…占全年净增量的八成多: shares of two different wholes)
            and (not (f.whole and b.whole) or likeness_of(b.whole, f.whole) >= 0.5)
            # (加上2024年的5.8万个，累计已超过30万个: an addend, not the figure the bound rounds)
            and not _ADDEND.match(f.context)
            # (两级合计分别不低于70%和60%: the bound governs each member of its list; they are no
            # exact figures of one another)
            and not (b.group is not None and f.group == b.group)
            and not LIST_SEP.fullmatch(b.text[min(b.q.end, f.q.end) : max(b.q.start, f.q.start)])
            # (计划建成13项超300公里，已建成通车4项105.1公里: what is done so far is no figure of the plan)
            and _planned(f) == _planned(b)
            # (8个省份产量不足千万吨，合计仅4407.0万吨: the bound is each one's, the 合计 their sum)
            and not re.search(
                r"合计|共计|总计|累计", b.text[min(b.q.end, f.q.end) : max(b.q.start, f.q.start)]
            )
        )

    # (余额仍稳在300万亿元以上；较年初（292.27万亿元）增加…: a comparison's base is another figure)
    bases = {g.base_fact for g in table.in_sentence(b.place.sentence) if g.base_fact is not None}
    sentence = [f for f in table.in_sentence(b.place.sentence) if fits(f) and f.id not in bases]
    # (出口709.8万辆，首次超过700万辆；其中新能源汽车出口261.5万辆: a part is no figure of the bound)
    after = [f for f in sentence if f.q.start > b.q.end and "其中" not in b.text[b.q.end : f.q.start]]
    if after:
        f = after[0]
        # 突破2亿吨，达到20078万吨: the clause right after, unnamed or named alike
        if f.place.clause <= b.place.clause + 1 and (not f.own or name_likeness(b.subject, f) >= 0.6):
            return f, 0.9
    before = [f for f in sentence if f.q.end <= b.q.start]
    # 分别达到5571万吨和5543万吨，双双登上5500万吨新台阶: 双双, 均, 都 say which values, not what they are
    own = _DISTRIBUTIVE.sub("", b.own)
    if before:
        f = before[-1]
        if f.place.clause >= b.place.clause - 1 and (not own or name_likeness(own, f) >= 0.6):
            return f, 0.9  # 20078万吨，突破2亿吨
        return None
    if not b.subject or not labels.has_content(labels.PER_UNIT.sub("", _PER_THING.sub("", b.subject))):
        # (人均不足90元, 平均每案6人以上: 人均 or 每案 alone names nothing to look for in the next
        # sentence — each sentence's average is of its own counts)
        return None
    for s in (b.place.sentence + 1, b.place.sentence - 1):
        if s < 0 or s >= len(table.sentences):
            continue
        if table.sentences[s].passage != table.sentences[b.place.sentence].passage:
            continue
        named = [f for f in table.in_sentence(s) if fits(f) and name_likeness(b.subject, f) >= 0.75]
        if len(named) == 1:
            return named[0], 0.8
    return None
