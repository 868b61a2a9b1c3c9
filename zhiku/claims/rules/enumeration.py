"""Counts the text enumerates: 东部、中部、西部、东北四个地区 / 三大门类中，采矿业、制造业、公用事业… /
越南、马来西亚、印度尼西亚、泰国和新加坡是…前五大贸易伙伴 / 前5名的省份为北京、广东、江苏、山东和浙江 /
包括A 1242所、B 33所、C 1547所和D 252所，四类合计3074所.

Trigger: a count of kinds (N个, N类, N大, 前N名, N者, N项, N种, N所) standing next to a list. The list
is the one written right before the count in its clause, or right after it (…中，A、B、C / …为A、B和C;
not one after 其中, which names some of them), or the values listed before a 合计 the count qualifies,
or the 分别 list of one value each right after it (4个行业增加值分别增长12.5%、21.3%、10.2%、94.1%).
Items are separated by 、, the last two
often by 和/及/与; a last item holding 和 counts as two when both halves are places or short names
like the other items, else either reading is accepted (社会保障和就业 is one item). An approximate
count holds the lists its words allow (十几个 and 十多个: 11–19, 三四个: 3–4). 等 right before the count
leaves the list open (北京、上海等5个城市): fewer items than the count are not checked, more are a
slip. Lists with 包括…在内, 例如 are not complete and are not checked.
"""

from __future__ import annotations

import math
import re

from zhiku.claims import labels
from zhiku.claims.facts import LIST_SEP, Fact, FactTable, clause_start
from zhiku.claims.judge import bound_only, finding, reading, reading_sum

RELATION = "enumeration"

_NUMERAL = r"[0-9一二两三四五六七八九十几多余]+"
_MEASURE = r"个|类|大|名|者|项|种|所|家|国|条|方面|部分"
_COUNT = re.compile(rf"^(?:前)?(?P<n>{_NUMERAL})\s*(?P<m>{_MEASURE})")
_NEXT_COUNT = re.compile(rf"{_NUMERAL}\s*(?:{_MEASURE})")
_CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_PARTIAL = re.compile(r"等|包括[^，,。；;]*在内|例如|比如|诸如|以及其他|之一|部分")
_CONJ = re.compile(rf"以及|和|{labels.JI}|与|同")
_CLAUSE = re.compile(r"[，,。；;：:（）()“”\"]")
_NUMERAL_ONLY = re.compile(r"^[\s〇零一二三四五六七八九十百千万两0-9０-９.．%]+$")
# A、B、C等5个城市: 等 before the count leaves the list open (five cities, two of them named).
_NAMED_GROUP = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,}$")
# 其中四项, 以上三类, 上述五个: words that point back at a list, not a group's name
_POINTING = re.compile(
    r"(?:其中|以上|上述|前述|前面|这|这些|此|共|合计|总计|分别|其他|其余|所有|全部|主要|为|是|有)$"
)
_ANOTHER_COUNT = re.compile(r"[^、。；;]{0,20}?[一二两三四五六七八九十\d]+\s*(?:席|个|家|项|位|名|种|类)")
# (25日、26日、27日依次为23个…; 1月、2月分别接收热点9个和23个: a value after 分别 and its verb)
_A_LISTED_VALUE = re.compile(
    r"(?:依次|分别)(?:为|是)?\s*$|(?:依次|分别)(?:为|是)?[^，,。；;]{0,12}、\s*$|(?:依次|分别)[^，,。；;\d、]{1,8}$"
)
_LIST_GOES_ON = re.compile(
    rf"\s*(?:以及|和|{labels.JI}|与|、)[^，,。；;：:]{{1,12}}?(?:[0-9]+|[一二两三四五六七八九十]{{1,3}})\s*(?:{_MEASURE})"
)
_OPEN_END = re.compile(r"等{1,2}\s*$")
_TOTAL_ALONE = re.compile(r"\s*(?:共|一共|共计|合计|总计)\s*")
# 样本村依次为…, 覆盖…, 包括…: the words that open a list standing as its clause's object
_LIST_INTRO = re.compile(r"(?:依次|分别)?(?:为|是)|包括|涵盖|覆盖|涉及|[:：]")


def check(table: FactTable) -> None:
    for s in table.sentences:
        if s.table is not None or ("、" not in s.words and "和" not in s.words):
            continue
        text = s.text
        for m in re.finditer(rf"(?:前)?{_NUMERAL}\s*(?:{_MEASURE})", text[s.start : s.end]):
            start = s.start + m.start()
            end = s.start + m.end()
            cm = _COUNT.match(text[start:end])
            if cm is None:
                continue
            allowed = _allowed(cm.group("n"))
            if allowed is None or not (allowed[0] >= 2 and allowed[1] <= 30):
                continue
            if re.match(r"\d", text[max(0, start - 1) : start]) or text[end : end + 1] in ("%", "万", "亿"):
                continue
            if _NEXT_COUNT.match(text, end, s.end):
                continue  # 欧盟、俄罗斯、中亚五国三个方向: 中亚五国 is an item; the count by the noun counts
            if _LIST_GOES_ON.match(text, end, s.end):
                # 冰壶、冬季两项和滑雪登山6个大项: the list goes on past it to the count of the whole —
                # 两项 is an item's own name (冬季两项, biathlon)
                continue
            if text[end : end + 1] == "月" and text[end - 1 : end] == "个":
                continue  # 前7个月: a span of months, no count of the items listed
            if text[max(s.start, start - 1) : start] in ("每", "占"):
                continue  # 每10个工作日调整一次; 汽、柴油合计占三类的比重: a rate's period, a share's whole
            if text[max(s.start, start - 1) : start] == "、":
                continue  # 决赛、三四名决赛分别有…: a listed item's own words, no count of the list
            if _A_LISTED_VALUE.search(text, max(s.start, start - 6), start):
                continue  # 25日、26日、27日依次为23个、37个和15个: a value of the list, not its count
            if text[start : start + 1] == "前" and _ANOTHER_COUNT.match(text, end, s.end):
                continue  # 全球前十大集装箱港口中，中国内地港口占了六席——上海…: the list is the 六席
            if text[start : start + 1] == "前" and re.match(
                r"[^，,。；;]{0,4}?(?:合计|共计|占)", text[end : end + 8]
            ):
                continue  # 按防洪…四大类统计，…前两类合计占比七成以上: the first of a list already counted
            # 发明专利92.1万件…；实用新型…、外观设计…，三类专利合计364.9万件: the values summed count too
            summed = re.match(r"[\u4e00-\u9fff]{0,6}?(?:合计|共计|总计)", text[end : end + 10]) is not None
            _judge(
                table,
                s.index,
                text,
                start,
                end,
                allowed,
                summed and _summed_count(table, s.index, start, end, allowed),
            )


def _summed_count(table: FactTable, sidx: int, start: int, end: int, allowed: tuple[int, int]) -> bool:
    """Whether a count before 合计 counts as many values of the total's unit written before it in its
    sentence, one in a clause before the 、-list too."""
    facts = table.in_sentence(sidx)
    total = next((f for f in facts if f.q.start >= end), None)
    if total is None:
        return False
    bases = {f.base_fact for f in facts if f.base_fact is not None}  # (比上年的79.8万件: no part)
    summed = [
        f
        for f in facts
        if f.q.end <= start
        and f.role == "level"
        and f.id not in bases
        and (f.q.kind, f.q.unit) == (total.q.kind, total.q.unit)
    ]
    return allowed[0] <= len(summed) <= allowed[1]


def _number(w: str) -> int | None:
    if w.isdigit():
        return int(w)
    if w in _CN:
        return _CN[w]
    if w.startswith("十") and len(w) == 2 and w[1] in _CN:
        return 10 + _CN[w[1]]
    return None


def _allowed(w: str) -> tuple[int, int] | None:
    """The counts a numeral allows, as whole numbers from…to: 四 → 4–4; an approximate numeral
    by the bounds the quantity reader gives it: 十几 and 十多/十余 → 11–19, 三四 → 3–4."""
    n = _number(w)
    if n is not None:
        return n, n
    from zhiku.quantities import parse_quantities

    qs = parse_quantities(f"{w}个")
    if len(qs) != 1 or qs[0].low is None or qs[0].high is None or qs[0].qualifier not in ("approx", "more"):
        return None
    q = qs[0]
    assert q.low is not None and q.high is not None
    lo = math.ceil(q.low) if q.low_inclusive else math.floor(q.low) + 1
    hi = math.floor(q.high) if q.high_inclusive else math.ceil(q.high) - 1
    return (lo, hi) if lo <= hi else None


def _judge(
    table: FactTable,
    sidx: int,
    text: str,
    start: int,
    end: int,
    allowed: tuple[int, int],
    summed: bool = False,
) -> None:
    sentence = table.sentences[sidx]
    facts = [f for f in table.in_sentence(sidx)]
    if any(f.q.start <= start < f.q.end and f.role not in ("other",) for f in facts if f.q.kind != "count"):
        return
    found = (
        _list_before(text, sentence.start, start, end, facts)
        or _list_after(text, end, sentence.end, facts)
        or _values_after(text, end, sentence.end, facts)
    )
    if found is None:
        return
    items, lo, hi, values = found
    counts = {len(items)} if values else _readings(items)
    lo_n, hi_n = allowed
    if _OPEN_END.search(text[sentence.start : start]) and max(counts) < lo_n:
        return  # 北京、上海等5个城市: the others are not named, nothing to count
    listed_ok = any(lo_n <= c <= hi_n for c in counts)
    ok = listed_ok or summed
    listed = "、".join(items)
    readings = "或".join(str(c) for c in sorted(counts))
    evidence = f"列出{readings}项：{listed} {'=' if ok else '≠'} {text[start:end]} / {readings} items listed"
    if summed and not listed_ok:
        evidence = f"合计前所列数值共{lo_n}项 = {text[start:end]} / the values summed number {lo_n}"
    claim = _anchor(table, sidx, start, end)
    if claim is None:
        return
    # the count with what it counts (这三类补贴, not 三类 alone): the words the reader looks for
    noun = re.match(r"[^\s，,。；;：:、的（(\d]{0,4}", text[end : min(sentence.end, end + 4)])
    stop = end + (len(noun.group(0)) if noun else 0)
    # (…牙买加恰为八国, …和武夷山第一批六个国家公园: the few words joining the list to its count are
    # the claim's own — 恰为八国 — and the reader looks for them)
    lead = (
        hi
        if not values and 0 < start - hi <= 5 and not re.search(r"[，,。；;：:、（）()]", text[hi:start])
        else start
    )
    if stop == end and text[stop : stop + 1] in ("：", ":"):
        # (高发的主要有五类：刷单返利、…: a count its colon's list follows is said by its whole clause)
        lead = min(lead, max(clause_start(text, start), start - 10))
    table.push(
        finding(
            table,
            RELATION,
            "consistent" if ok else "inconsistent",
            claim,
            text[lead:stop],
            readings,
            evidence,
            [(claim, "所述")],
            (lead, stop),
            extra=[] if values else [(lo, hi)],
        )
    )


def _anchor(table: FactTable, sidx: int, start: int, end: int) -> Fact | None:
    """A fact to hang the finding on: the count itself when the reader read it, else a stand-in."""
    for f in table.in_sentence(sidx):
        if f.q.start <= start < f.q.end or start <= f.q.start < end:
            return f
    from dataclasses import replace

    facts = table.in_sentence(sidx)
    if not facts:
        return None
    base = facts[0]
    from zhiku.quantities.model import Quantity

    q = Quantity(start, end, base.text[start:end], "count")
    return replace(base, id=-1, q=q, role="other")


def _split(words: str) -> list[str]:
    # (省工业和信息化厅会同省住房城乡建设厅、省交通运输厅…六个部门: 会同 joins two items as 、 does)
    # (我局将会同金融监管部门落实贷款贴息、保险补偿、风险补偿三项: after 将, 要, 已… 会同 is the predicate,
    # acting jointly, not a join of the items)
    return [w.strip() for w in re.split(r"、|(?<![将要已拟正还再也并又需应])(?:会同|连同)", words)]


def _list_before(
    text: str, s0: int, start: int, end: int, facts: list[Fact]
) -> tuple[list[str], int, int, bool] | None:
    """A、B、C和D四个地区 / A、B…是…前五大…: the 、-list before the count in its clause."""
    clause_start = max(s0, max((m.end() for m in _CLAUSE.finditer(text, s0, start)), default=s0))
    words = text[clause_start:start]
    if _TOTAL_ALONE.fullmatch(words) and clause_start > s0 and text[clause_start - 1] in "，,":
        # 样本村依次为中田村、太山村…长乐村，共9个村: a clause holding only 共 counts the list that
        # ends the clause before it
        prev = max(s0, max((m.end() for m in _CLAUSE.finditer(text, s0, clause_start - 1)), default=s0))
        first = text.find("、", prev, clause_start - 1)
        intro = _LIST_INTRO.search(text, prev, first) if first >= 0 else None
        head = intro.end() if intro else prev
        listed = text[head : clause_start - 1]
        if "、" in listed and not _PARTIAL.search(listed):
            if any(head <= f.q.start < clause_start for f in facts if f.q.kind not in ("date",)):
                return None
            items = _split(listed)
            if all(w and not _NUMERAL_ONLY.match(w) and len(w) <= 12 for w in items):
                return items, head, clause_start - 1, False
        return None
    # 是我国在东盟的前五大: the list ends where 是/为 begins
    # (…出租汽车和共享单车五类: 共 of 共享 is no 共 that counts)
    # (…危地马拉、牙买加恰为九国: 恰, 正, 均 before 为 are the verb's adverbs, not the last item's)
    if re.search(rf"等\s*(?:{_NUMERAL})\s*[\u4e00-\u9fff]", words):
        return None  # A市、B市…E市等五市12条重点步行街: the list has its count (五市); 12条 is another's
    words = (
        re.split(
            r"(?:(?:恰好|恰恰|正好|刚好|恰|正|均|都)?(?:是|为)|这|作为|共(?=\s*$)|等)(?=[^、]*$)", words
        )[0]
        if "、" in words
        else words
    )
    # (…和武夷山第一批六个国家公园: the batch is the count's, not the last item's)
    words = re.sub(r"(?:这|共|合计|总计|首批|第[一二三四五六七八九十0-9]+批)$", "", words.strip())
    if "、" not in words and _NAMED_GROUP.search(words) and not _POINTING.search(words):
        return None  # 欧盟27国合计, 东盟10国: the size of a group named by its name, not a list's count
    if "、" not in words or _PARTIAL.search(words):
        # 包括A 1242所、B 33所…，四类合计: the values listed before the count's clause
        return _value_list(text, s0, start, end, facts)
    if any(clause_start <= f.q.start < start for f in facts if f.q.kind not in ("date",)):
        return _value_list(text, s0, start, end, facts)
    # (设站37座，与1号线、2号线…和10号线共7条既有线路…换乘: a clause's first 与 is a preposition, not
    # a join inside the first item)
    items = _split(re.sub(r"^(?:其中|包括|分别是|即|有|按[^、]*分|在|与|同|跟|和)", "", words.strip()))
    if any(not w or _NUMERAL_ONLY.match(w) for w in items):
        return None
    shortest = max(len(w) for w in items[:-1])
    if (
        shortest <= 3
        and len(items[-1]) >= 2 * shortest + 3
        and re.match(r"[，,。；;、）)]|$", text[end : end + 1])
    ):
        # 新建、改扩建义务教育学校9所: short words before a long last item qualify its noun, and the
        # number after that noun is how many of it (学校9所), not how many words are listed
        return None
    lo = text.find(items[0], clause_start, start)
    hi = text.rfind(items[-1], max(lo, clause_start), start) + len(items[-1])
    return items, max(lo, clause_start), max(hi, lo + 1), False


def _list_after(text: str, end: int, s1: int, facts: list[Fact]) -> tuple[list[str], int, int, bool] | None:
    """三大门类中，A、B、C… / 前5名的省份为A、B、C、D和E: the first 、-list after the count."""
    rest = text[end:s1]
    # 亚洲十国/地区（香港、澳门、…和韩国）: the list in brackets right after the counted things' name
    m = _BRACKETED.match(rest) or _COLON_LIST.match(rest) or _INTRODUCED.search(rest)
    if m is None or m.start() > 12:
        return None
    if (
        m.re is _INTRODUCED
        and re.search(r"[，,；;]", rest[: m.start()])
        and not re.search(r"依次|分别", rest[: m.end()])
    ):
        # (未达标的3个均为地下水型，超标指标为锰、铁: another clause lists another thing — but 对12个设区市
        # 逐一评价，排名依次为金华、宁波…: 依次 goes through the things counted)
        return None
    words, *cut = re.split(r"(增加值|等|分别|的|合计|共)", m.group("list"), maxsplit=1)
    if cut and cut[0] == "等":
        return None  # 三大门类中，采矿业、制造业等…: the list is left open, some of the three named
    if cut and m.re is _COLON_LIST:
        return None  # (六项：地区生产总值、规模以上工业增加值…: a colon's list runs past the cut)
    lo = end + m.start("list")
    if _PARTIAL.search(words) or any(lo <= f.q.start < lo + len(words) for f in facts):
        return None
    items = _split(words)
    if len(items) < 2 or any(not w for w in items):
        return None
    if (
        m.re is _BRACKETED
        and all(len(w) == 1 for w in items)
        and re.search(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff][（(]", rest[: m.start("list")])
    ):
        return None  # 29个省（区、市）, 县（市、区）: the kinds of unit counted together, not their members
    return items, lo, lo + len(words), False


# 三大门类中，A、B、C / 前5名的省份为A、B… (not after 其中: 有7个行业…增长，其中，A、B…4个行业 lists a
# part of the seven)
# (中 only before its comma or colon — 中型餐馆 is a word)
_INTRODUCED = re.compile(
    r"(?:(?<!其)中[，,：:]|(?:为|是|有|包括)[，,：:]?)\s*(?P<list>[^，,。；;：:]*、[^，,。；;：:]*)"
)
# 涵盖四类业态：大型餐馆、中型餐馆…: a colon right after the counted things' name introduces the list (not
# 八大类价格“五涨三降”：…, where the words before the colon count another list)
_COLON_LIST = re.compile(r"[\u4e00-\u9fff]{0,6}[：:]\s*(?P<list>[^，,。；;：:]*、[^，,。；;：:]*)")
_BRACKETED = re.compile(r"[^，,。；;（(\d]{0,8}[（(](?P<list>[^（）()，,。；;]*、[^（）()，,。；;]*)[）)]")
_EACH = re.compile(r"[^，,。；;：:\d]{0,16}?分别(?:为|是|达到|增长|下降|实现|完成|占)?")


def _values_after(text: str, end: int, s1: int, facts: list[Fact]) -> tuple[list[str], int, int, bool] | None:
    """…4个行业增加值分别增长12.5%、21.3%、10.2%、94.1%: one value per thing counted, in the 分别 list
    right after the count (the names before it may be set apart by commas, not 、)."""
    m = _EACH.match(text, end, s1)
    if m is None:
        return None
    after = sorted((f for f in facts if f.q.start >= m.end()), key=lambda f: f.q.start)
    if not after or re.search(r"[，,。；;]", text[m.end() : after[0].q.start]):
        return None
    run = [after[0]]
    for f in after[1:]:  # the values joined by 、 (和, 及) into one list, of one kind
        if f.q.kind != run[0].q.kind or not LIST_SEP.match(text[run[-1].q.end : f.q.start]):
            break
        run.append(f)
    if len(run) < 2:
        return None
    return [f.q.text for f in run], run[0].q.start, run[-1].q.end, True


def _value_list(
    text: str, s0: int, start: int, end: int, facts: list[Fact]
) -> tuple[list[str], int, int, bool] | None:
    """包括普通本科学校1242所、本科层次职业学校33所…和成人高等学校252所，四类合计…: one value per item."""
    if not re.match(r"^[^，,。；;\d]{0,4}?(?:合计|共计|总计|共)", text[end : end + 8]):
        return None  # 四类合计: only a count that totals the values listed counts them
    before = [f for f in facts if f.q.end <= start and f.role in ("level",) and f.q.kind != "date"]
    if not before:
        return None
    # 立行立改的2186个问题…，分阶段整改的1299个、持续整改的753个问题…，三类问题共计4238个: the values of
    # the total's unit written before it that add up to it are the items it counts
    total = next((f for f in facts if end <= f.q.start <= end + 8 and f.role == "level"), None)
    if total is not None:
        same = [
            f for f in before if f.q.unit == total.q.unit and f.q.kind == total.q.kind and not bound_only(f)
        ]
        if len(same) >= 2 and reading_sum(same).overlaps(reading(total)):
            return [f.item or f.subject or f.q.text for f in same], same[0].q.start, same[-1].q.end, True
    group = [f for f in before if f.group is not None]
    if group:
        g = group[-1].group
        members = [f for f in before if f.group == g]
        # A和B分别完成4211亿元和4759亿元，C完成1138亿元，三项合计…: a part named after the 分别
        # list, in the same unit, is one more of what the count totals
        members += [
            f
            for f in before
            if f.q.start >= members[-1].q.end and f.group is None and f.q.unit == members[0].q.unit
        ]
        return [f.item or f.subject or f.q.text for f in members], members[0].q.start, members[-1].q.end, True
    run = [before[-1]]
    for f in reversed(before[:-1]):
        gap = text[f.q.end : run[0].q.start]
        if re.fullmatch(r"(?:、|和|及|与)[^，,。；;0-9]{0,16}", gap) and f.q.unit == run[0].q.unit:
            run.insert(0, f)
        else:
            break
    if len(run) < 2 or re.search(r"[，,；;]", text[run[-1].q.end : start]) is None:
        return None
    return [f.subject or f.q.text for f in run], run[0].q.start, run[-1].q.end, True


def _readings(items: list[str]) -> set[int]:
    """How many items a list can be read as: A、B、C和D is four; 社会保障和就业 may be one item."""
    k = len(items)
    last = items[-1]
    parts = [p for p in _CONJ.split(last) if p]
    # 以转让、许可、作价投资和技术开发、咨询、服务六种方式: 和 inside a middle item may join two lists
    # (not in the first: 可与2号线、10号线…六条线路, a preposition)
    middle = sum(len([p for p in _CONJ.split(x) if p]) - 1 for x in items[1:-1])
    if len(parts) < 2:
        return {k, k + middle}
    if any(_CONJ.search(x) for x in items[:-1]):
        # 生活用品及服务、…、其他用品及服务: 及 inside the names
        return {k, k + len(parts) - 1, k + middle, k + middle + len(parts) - 1}
    if any(p.startswith("其他") for p in parts[1:]):
        return {k, k + len(parts) - 1}  # 垂直及其他电商: a residual class may be named with its neighbour
    short = max(len(x) for x in items[:-1]) if k > 1 else 4
    if all(labels.places(p) for p in parts) or all(len(p) <= max(3, short) and len(p) <= 4 for p in parts):
        return {k + len(parts) - 1}
    # 1号线、2号线…6号线和10号线; 国有资本经营预算、…预算和政府性基金预算: halves named like every
    # other item (the same last word) are two items
    tail = labels.common_ending(items[:-1]) if k > 2 else ""
    if re.fullmatch(r"[\u4e00-\u9fff]+", tail) and all(p.endswith(tail) and p != tail for p in parts):
        return {k + len(parts) - 1}
    return {k, k + len(parts) - 1}
