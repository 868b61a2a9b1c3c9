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

import functools
import re

from zhiku.claims import fmt, labels
from zhiku.claims.facts import (
    AMOUNT_KINDS,
    SPAN,
    Fact,
    FactTable,
    clause_start,
    open_bracket,
    ratio_term,
    same_measure,
)
from zhiku.claims.interval import Interval
from zhiku.claims.judge import (
    Pairing,
    bound_only,
    conclude,
    finding,
    push_number,
    reading,
    reading_sum,
    value,
)
from zhiku.claims.pulls import pull_of, pulled_growth, puller
from zhiku.claims.search import (
    change_after,
    growth_after,
    name_likeness,
    rest_of_list,
    states_a_base,
    words_start,
)

RELATION = "sum"

_TOTAL_WORD = re.compile(r"(?:合计|总计|共计|共|总和|加总|合起来)(?:完成|实现|为|达|达到|是|约)?\s*$")
_COUNT_WORD = re.compile(
    r"(?P<n>[两二三四五六七八九十\d]+)(?:者|类|项|个|大|种|部分|地区|方面|家|国|省|市|座|所|名|位)"
)
_BREAKDOWN = re.compile(
    r"^(?:其中)?[，,]?\s*(?:分|按|从)(?P<by>[^，,。；;：:]{1,10}?)(?:来看|看|分|统计|划分)\s*[，,：:]"
)
_REST = re.compile(r"(?:其余|其他|剩余|余下)(?:的)?(?:部分)?\s*$")
_GDP = re.compile(r"生产总值|GDP|gdp")
_SUB_ROW = re.compile(r"\s*(?:其中|内含|含)[：:、]?")
_TOTAL_ROW = re.compile(r"合计|总计|全国(?!性)|总体|总额|全部|小计")  # (全国性赛事 is a kind of event)
_PLACES = re.compile(r"^(?:城市|地区|省份|国家|县|市|区|乡镇|村)")
_ANOTHER_VIEW = re.compile(r"^除.{1,12}(?:以外|之外)|限额以上|规模以上|限上|规上")
_CN = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def check(table: FactTable) -> None:
    done: set[int] = set()
    for f in table.facts:
        if f.is_cell or not (f.q.kind in AMOUNT_KINDS or f.q.is_rate) or f.q.value is None:
            continue
        head = f.text[max(0, f.q.start - 12) : f.q.start]
        head = head[clause_start(head, len(head), "，,；;。：") :]
        if _TOTAL_WORD.search(head) and f.q.kind in AMOUNT_KINDS:
            _list_total(table, f, head)
            done.add(f.id)
        elif f.q.is_rate and _REST.search(head):
            _rest_of_shares(table, f)
    for f in table.facts:
        if f.id in done or f.is_cell or f.role != "level" or f.q.kind not in AMOUNT_KINDS:
            continue
        parts = [g for g in table.children(f)]
        if len(parts) >= 2 or (parts and reading(parts[0]).lo > reading(f).hi):
            _of_which(table, f, parts)
        _years_total(table, f)
    _year_parts(table)
    _month_tilings(table)
    _table_totals(table)
    _shares_of_a_complete_list(table)
    _complete_groups(table)
    _growth_from_parts(table)
    _pulls(table)


def _list_total(table: FactTable, total: Fact, head: str) -> None:
    """合计t after a list: the list just before it in its sentence (a 分别 list or the values before)."""
    before = [g for g in table.around(total) if g.q.end <= total.q.start and g.id != total.id]
    parts: list[Fact] = []
    count = _COUNT_WORD.search(head)
    n = _count(count.group("n")) if count else None
    s = total.place.sentence
    opening = n is not None and s > 0 and all(g.role == "other" for g in before)
    if opening and table.sentences[s - 1].passage == table.sentences[s].passage:
        # …个人所得税7307亿元。四项合计76225亿元: a counted total opening its sentence is of the
        # list that ended the sentence before, in the same paragraph
        before = [*table.in_sentence(s - 1)[-2 * SPAN :], *before]
    groups = [g for g in before if g.group is not None and same_measure(g.q, total.q)]
    if groups:
        parts = table.list_of(groups[-1])
        # (三大区域分别有72个、58个和34个，其他地区22个，合计186个: the rest, named after the list, is a
        # part of the total too)
        parts = parts + [g for g in rest_of_list(table, parts, total) if not _bracketed(g)]
    else:
        for g in reversed(before):
            if g.role == "other" or ratio_term(g.text, g.q):
                continue  # 四类合计: the count of the list, not one of its values; 按1:0.5配捐: a ratio
            if n is not None and g.q.is_rate and len(parts) < n:
                # 国内增值税33248亿元，同比下降6.9%；…四项合计76225亿元: each item's rate stands
                # beside its value; the count says how many values the total is of
                continue
            if _bracketed(g):
                # 职业本科8.99万人（上年为7.63万人，增长17.82%），…三者合计: a note on a part, not a part
                continue
            if g.role != "level" or not same_measure(g.q, total.q) or g.restates is not None:
                break
            if states_a_base(g):
                break  # 增值税上年为1953.6亿元；增值税1912.6亿元与…合计: a base year's value ends the list
            parts.insert(0, g)
            if n is not None and len(parts) == n:
                break
            if "分别" in g.text[words_start(table, g) : g.q.start]:
                break  # (全省二十九个学科…，三校分别入选12个、8个和2个，合计22个: a 分别 list opens there)
    if not groups and n is None and len(parts) >= 3:
        # 完成…体检21.8万人；结核病筛查老年人17.67万人、初高中学生8.77万人，合计26.44万人: the run joined
        # by 、 after a ；is the list the total closes, not the value of the clause before
        k = len(parts) - 1
        while k > 0 and re.match(
            r"\s*[、和及与][^，,；;。]*$", total.text[parts[k - 1].q.end : parts[k].q.start]
        ):
            k -= 1
        if 0 < k < len(parts) - 1 and re.search(r"[；;]", total.text[parts[k - 1].q.end : parts[k].q.start]):
            parts = parts[k:]
    # 立行立改的1786个问题完成1691个，…分阶段整改的817个问题完成513个，尚余304个。两类合计完成2204个:
    # the verb after 合计 says which values it sums — those the text wrote with that verb
    verb = re.search(r"(?:合计|总计|共计|共)(?P<v>完成|实现|销售|发行|接待|新增|减少|增加)\s*$", head)
    if verb and not groups:
        named = [
            g
            for g in before
            if g.role == "level"
            and same_measure(g.q, total.q)
            and not _bracketed(g)
            and verb.group("v") in g.text[max(0, g.q.start - 4) : g.q.start]
        ]
        if len(named) >= 2 and (n is None or len(named) == n):
            parts = named
    if not parts and opening and n is not None:
        parts = _table_column_of(table, total, n)
    if len(parts) < 2:
        return
    if (
        len({p.period for p in parts}) == 1
        and parts[0].period.known
        and total.period.known
        and parts[0].period.clashes(total.period)
    ):
        return  # (2020年…分别为4665亿和2611亿千瓦时；2022年两者合计1.19万亿: the two in another year)
    # 依次为4.27亿、4.67亿、7.14亿千瓦和4530万千瓦；风光合计11.8亿千瓦: a total that names what it sums
    # (风光) is of the values so named, not of the last ones before it
    word = _TOTAL_WORD.search(head)
    total_name = re.sub(
        r"[两二三四五六七八九十\d]+(?:者|年|项|类|种|个|家|大|地|省|市|国)?|以上|上述|各项|这|其|共|总|的|\s",
        "",
        head[: word.start()] if word else "",
    )
    names = "".join(p.label() + p.item for p in parts)
    if n is None and re.search(r"[\u4e00-\u9fff]", total_name) and not all(ch in names for ch in total_name):
        return
    if n is not None and n != len(parts):
        return  # the count names another list (or the enumeration rule will say so)
    _judge(table, total, parts, complete=True, phrase=_phrase(total, head))


def _table_column_of(table: FactTable, total: Fact, n: int) -> list[Fact]:
    """| 东部 | 180.1 |…（four rows）… 四个地区合计408.9万个: a counted total opening the paragraph after a
    table is of that table's rows — the one column of its measure with that many rows."""
    s = total.place.sentence
    prev = table.sentences[s - 1] if s > 0 else None
    if prev is None or prev.table is None or prev.row is None:
        return []
    cells = [f for f in table.cells() if f.place.table == prev.table and not _TOTAL_ROW.search(f.subject)]
    columns: dict[int, list[Fact]] = {}
    for f in cells:
        if f.place.col is not None and f.role == "level" and same_measure(f.q, total.q):
            columns.setdefault(f.place.col, []).append(f)
    fitting = [col for col in columns.values() if len(col) == n]
    return fitting[0] if len(fitting) == 1 else []


def _bracketed(g: Fact) -> bool:
    """Whether ``g`` stands inside a bracket that dates it to another period (（上年为7.63万人…）);
    日本(52金) is a part written in brackets."""
    opened = open_bracket(g.text, g.q.start)
    note = g.text[opened : g.q.start] if opened >= 0 else ""
    return re.search(r"上年|去年|同期|上月|\d{4}\s*年", note) is not None


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
    if not additive(total) and not components_of_average(total, parts):
        return
    what = counted(total)
    if what:
        # 31个省份收入… 其中5个省份增长…: what is counted is the noun right after the measure word
        # (most are two characters: 省份, 行业, 项目), whatever verb follows it
        parts = [
            p
            for p in parts
            if not counted(p)
            or counted(p)[:2] == what[:2]
            or counted(p).startswith(_among_head(total))
            or labels.likeness_of(what, counted(p)) >= 0.5
        ]
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
    # 其中古遗址、古墓葬…、其他六类分别为…: a list that ends on the rest (其他) covers the whole
    complete = complete or (len(parts) >= 2 and re.match(r"其[他它余]", names[-1].strip()) is not None)
    if any(bound_only(p) for p in parts) or bound_only(total):
        return
    s = reading_sum(parts)
    ok = s.overlaps(reading(total))
    if not complete and not ok:
        return  # 其中 names some parts only: they need not add up
    _judge(table, total, parts, complete=complete, phrase=(total.q.start, total.q.end))


def _among_head(total: Fact) -> str:
    """在41个工业大类行业中: the head noun (the last two characters) of what the count is among."""
    m = re.match(r"[^，,。；;中]{2,10}(?=中[，,：:])", total.text[total.q.end : total.q.end + 12])
    return m.group(0)[-2:] if m else "\uffff"


def _judge(
    table: FactTable, total: Fact, parts: list[Fact], *, complete: bool, phrase: tuple[int, int]
) -> None:
    if any(bound_only(p) for p in parts):
        return
    # (五省产量在5000万吨至1亿吨之间，分别为…，合计3.88亿吨: a range names the band, no part)
    parts = [p for p in parts if p.q.low is None or p.q.high is None or p.q.low == p.q.high]
    if len(parts) < 2:
        return
    computed = reading_sum(parts)
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
    if complete and not computed.overlaps(reading(total)) and _slipped_part(table, total, parts):
        return
    push_number(table, RELATION, total, [p], phrase)
    if computed.overlaps(reading(total)):
        _changes(table, total, parts, complete)


def _slipped_part(table: FactTable, total: Fact, parts: list[Fact]) -> bool:
    """1.76亿元 + 2.35万元 + 46.52亿元 against 50.63亿元: with 2.35亿元 the parts add up, so the slip is
    the part's unit (万 for 亿), not the total — report it there, and leave the total (and the shares
    of it) standing."""
    for i, slip in enumerate(parts):
        others = [q for j, q in enumerate(parts) if j != i]
        rest = reading_sum(others) if others else None
        if rest is None:
            continue
        if rest.overlaps(reading(total)):
            continue  # the others alone make the total: a part left out, not a slipped one
        for factor in (1e4,):
            # (written 万 for 亿, 元 for 万元: the part shrinks; the other way round it would
            # outgrow the whole, which the text would show at once)
            if not (rest + reading(slip) * factor).overlaps(reading(total)):
                continue
            computed = reading(total) - rest
            point = value(total) - sum(value(q) for q in others)
            amount = fmt.amount(point, slip.q.measure or slip.q.unit)
            shown = fmt.shown([total.q, *(q.q for q in others)])
            pairing = Pairing(
                ((total, "总数"), *((q, "其他部分") for q in others)),
                0.9,
                computed,
                point,
                f"{' − '.join(shown)} = {amount}",
                "与其他部分和总数相差正好一万倍，疑为“万”“亿”或“元”“万元”写错 / "
                "exactly 10⁴ off what the total and the other parts leave: a 万/亿 slip?",
                amount,
            )
            push_number(table, RELATION, slip, [pairing])
            return True
    return False


def _changes(table: FactTable, total: Fact, parts: list[Fact], complete: bool) -> None:
    """…126.05亿元，同比增加2.25亿元。其中：地方80.18亿元，增加2.79亿元；上划中央37.78亿元，减少0.46亿元；
    上划省级8.09亿元，减少766万元: parts that add up to a total change by what the total changes."""
    whole = change_after(table, total)
    moves = [change_after(table, p) for p in parts]
    if whole is None or any(m is None for m in moves):
        return
    signed = [(m, -1.0 if m.down else 1.0) for m in moves if m is not None]
    computed = sum((reading(m) * k for m, k in signed[1:]), reading(signed[0][0]) * signed[0][1])
    point = sum(value(m) * k for m, k in signed)
    shown = fmt.shown([whole.q, *(m.q for m, _ in signed)])
    terms = shown[1] if signed[0][1] > 0 else "−" + shown[1]
    for sv, (_, k) in zip(shown[2:], signed[1:], strict=True):
        terms += f" {'−' if k < 0 else '+'} {sv}"
    result = fmt.like_shown(abs(point), [whole.q, *(m.q for m, _ in signed)])
    pairing = Pairing(
        tuple((m, "部分的增减") for m, _ in signed),
        1.0 if complete else 0.5,
        computed,
        point,
        f"{terms} = {'−' if point < 0 else ''}{result}",
        "各部分的增减量之和即总数的增减量 / the parts' changes add up to the total's",
        result,
    )
    push_number(table, RELATION, whole, [pairing], (max(0, whole.q.start - 2), whole.q.end), signed=True)


_YEARS_TOTAL = re.compile(
    r"(?P<n>\d+|[两二三四五六七八九十]+)\s*年(?:间|来|中)?(?:的)?(?:累计|合计|共计|总计)(?:总额|总量|总计|金额)?(?:为|达|达到|超过|逾)?\s*$"
)


def _years_total(table: FactTable, total: Fact) -> None:
    """7年间的累计总额超过7.81万亿美元: the years' values must all be given to check it."""
    head = total.text[max(0, total.q.start - 16) : total.q.start]
    head = head[clause_start(head, len(head)) :]
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
    before = [g for g in table.around(rest) if g.q.end <= rest.q.start and g.q.is_rate]
    shares = [g for g in before if g.role == "share"]
    if shares and shares[-1].group is not None:
        shares = table.list_of(shares[-1])
    if not shares or any(bound_only(g) for g in shares):
        return
    pairings = [_the_rest(shares, 0.9)]
    # (煤炭…占能源消费总量的比重为53.2%…。清洁能源消费量占比28.6%，…其余18.2%为石油: the shares of the
    # same whole its paragraph gave before — a rival reading, so that one that agrees is never convicted)
    last = shares[-1]
    earlier = [
        g
        for g in table.facts[: shares[0].id]
        if g.place.passage == rest.place.passage
        and g.role == "share"
        and g.q.is_rate
        and not g.is_cell
        and not bound_only(g)
        and (not g.whole or not last.whole or g.whole == last.whole)
        and g.subject not in {h.subject for h in shares}
    ]
    if earlier and sum(value(g) for g in earlier + shares) < 100.0:
        pairings.append(_the_rest(earlier + shares, 0.8))
    start = rest.text.rfind("其", 0, rest.q.start)
    phrase = (start if start >= 0 else rest.q.start, rest.q.end)
    push_number(table, RELATION, rest, pairings, phrase)


def _the_rest(shares: list[Fact], score: float) -> Pairing:
    point = 100.0 - sum(value(g) for g in shares)
    return Pairing(
        tuple((g, "其他部分") for g in shares),
        score,
        100.0 - reading_sum(shares),
        point,
        "100% − " + " − ".join(g.q.text for g in shares) + f" = {fmt.pct(point, 1)}",
        "各部分合计为100% / the parts make 100%",
        fmt.pct(point, 1),
    )


_SUMMED_RUN = re.compile(r"合计|累计|共计|总计|加上|加起来|全季|全年")


def _month_tilings(table: FactTable) -> None:
    """10月4.1亿吨；11月4.3亿吨；12月4.4亿吨。…四季度合计12.8亿吨: three or more runs of months that
    together make exactly a longer run add up to its figure, when the longer one is written as a total
    (合计, 累计) or named like them. (Two runs are read by _year_parts.)"""
    level = [
        f
        for f in table.facts
        if f.role in ("level", "gap")
        and not f.is_cell
        and f.q.kind in AMOUNT_KINDS
        and f.period.year is not None
        and f.period.months is not None
        and not f.period.end
        and f.restates is None
        and not bound_only(f)
        # (…日均产量1426.6万吨；12月4.4亿吨: a month named alone is no average, whatever name it inherits)
        and (additive(f) or not (f.own or labels.PER_UNIT.search(f.qualifier_words)))
    ]
    for w in level:
        w0, w1 = w.period.months or (1, 12)
        if w1 - w0 < 2:
            continue
        near = [
            f
            for f in level
            if f.id != w.id
            and f.place.passage == w.place.passage  # (the next paragraph's imports, of the same months)
            and f.period.year == w.period.year
            and f.role == w.role
            and (f.role != "gap" or f.verb == w.verb)
            and same_measure(f.q, w.q)
            and w0 <= (f.period.months or (0, 0))[0]
            and (f.period.months or (0, 0))[1] <= w1
            and f.period.months != w.period.months
        ]
        by_start: dict[int, list[Fact]] = {}
        for f in near:
            by_start.setdefault((f.period.months or (0, 0))[0], []).append(f)
        chain: list[Fact] = []
        m = w0
        while m <= w1:
            runs = by_start.get(m, [])
            if len(runs) != 1:
                break  # none, or two values for one run: not one tiling
            chain.append(runs[0])
            m = (runs[0].period.months or (0, 0))[1] + 1
        if m != w1 + 1 or len(chain) < 3:
            continue
        total_word = _SUMMED_RUN.search(w.context) is not None
        if not (total_word or all(_alike(f, w) for f in chain)):
            continue
        claim = max((*chain, w), key=lambda f: f.id)
        if claim is not w:
            continue  # the total written last is the one the text adds up
        computed = reading_sum(chain)
        point = sum(value(f) for f in chain)
        shown = fmt.like_shown(point, [w.q, *[f.q for f in chain]])
        p = Pairing(
            tuple((f, f.period.label()) for f in chain),
            0.9,
            computed,
            point,
            " + ".join(f.q.text for f in chain) + f" = {shown}",
            "各月份之和 / the months add up",
            shown,
        )
        lo = clause_start(w.text, w.q.start)
        push_number(table, RELATION, w, [p], (lo, w.q.end))


_LIST_OF_MONTHS = re.compile(r"(?:\d+|[两二三四五六七八九十]+)个月(?:合计|共计|总计|累计|加起来)")


def _year_parts(table: FactTable) -> None:
    """1—11月累计427945亿元，12月份当月43550亿元 … 全年471495亿元 / 一季度…二季度…上半年合计…: two runs of
    months that together make a longer run (or the year) add up to its figure, for the same thing."""
    by_year: dict[int, list[Fact]] = {}
    for f in table.facts:
        if (
            f.role == "level"
            and not f.is_cell
            and f.q.kind in AMOUNT_KINDS
            and f.period.year is not None
            and not f.period.end
            and f.restates is None
            and not bound_only(f)
            and additive(f)  # 前7个月月均约5856亿元: an average of the months, not their sum
            and not _LIST_OF_MONTHS.search(f.context)  # (三个月合计2.36万亿元: a list's sum, not one month)
        ):
            by_year.setdefault(f.period.year, []).append(f)
    found: dict[tuple[int, int], list[tuple[Fact, Fact, Fact]]] = {}
    for facts in by_year.values():
        spans = [f for f in facts if f.period.months is not None]
        for w in facts:
            if w.period.months is None and not w.period.explicit:
                continue  # a whole year only when the text says so (全年, 2023年)
            w0, w1 = w.period.months or (1, 12)
            for a in spans:
                if a.id == w.id or abs(a.id - w.id) > 4 * SPAN or a.period.months is None:
                    continue
                a0, a1 = a.period.months
                if a0 != w0 or a1 >= w1:
                    continue
                for b in spans:
                    if b.period.months != (a1 + 1, w1) or abs(b.id - w.id) > 4 * SPAN:
                        continue
                    if not (same_measure(a.q, b.q) and same_measure(a.q, w.q)):
                        continue
                    if not (_alike(a, b) and _alike(a, w, across=True) and _alike(b, w, across=True)):
                        continue
                    if abs(value(a)) < 0.1 * abs(value(w)) * (a1 - a0 + 1) / (w1 - w0 + 1):
                        continue  # 1—10月出口3502亿元 of one product, 全国出口25.45万亿元: another thing
                    found.setdefault((a.id, b.id), []).append((a, b, w))

    # (3月零售194.0万辆 … 3月新能源乘用车国内零售99.1万辆: of two values for the same months, the one
    # named as the others are is the part; the other is another thing's)
    def named_alike(t: tuple[Fact, Fact, Fact]) -> float:
        return min(name_likeness(t[1].subject, t[0]), name_likeness(t[0].subject, t[1]))

    best: dict[tuple[int, int], float] = {}
    for triples in found.values():
        for t in triples:
            key = (t[0].id, t[2].id)
            best[key] = max(best.get(key, 0.0), named_alike(t))
    found = {
        k: kept
        for k, triples in found.items()
        if (kept := [t for t in triples if named_alike(t) >= best[(t[0].id, t[2].id)] - 1e-9])
    }
    for triples in found.values():
        # (全省2024年5.26万亿元…；义乌2024年6689亿元，…9—12月1146.4亿元: of the years a pair of parts may
        # add up to, the one named most like them, and nearest)
        a, b, w = max(
            {t[2].id: t for t in triples}.values(),
            key=lambda t: (
                min(name_likeness(t[0].subject, t[2]), name_likeness(t[2].subject, t[0])),
                -abs(t[2].id - t[1].id),
            ),
        )
        # the figure written last is the one derived (据此推算…11—12月…; …上半年合计…)
        claim = max((a, b, w), key=lambda f: f.id)
        _year_judge(table, claim, a, b, w)


def _alike(a: Fact, b: Fact, across: bool = False) -> bool:
    """The same name, one perhaps shortened (全省全社会用电量 and 用电量). With ``across``, a part from
    another paragraph than its total must be named like it both ways (1—2月累计零售318.7万辆 is the
    whole market's, no part of 一季度新能源累计零售 two paragraphs on)."""
    one, other = name_likeness(a.subject, b), name_likeness(b.subject, a)
    if across and a.place.passage != b.place.passage:
        return min(one, other) >= 0.6
    return max(one, other) >= 0.6


# 累计值随快报滚动修订，两者之差并不等于9月当月数: the text itself says its periods do not add up
_NOT_ADDITIVE = re.compile(r"并不等于|不等于|不完全等于|累计[^。；;]{0,8}修订|修订[^。；;]{0,8}累计")


def _year_judge(table: FactTable, claim: Fact, a: Fact, b: Fact, whole: Fact) -> None:
    if any(
        _NOT_ADDITIVE.search(s.text, s.start, s.end)
        for s in table.sentences
        if s.passage is not None and s.passage == table.sentences[whole.place.sentence].passage
    ):
        return
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
        if point < 0 <= min(value(whole), value(other), value(claim)):
            # (干旱…损失205.5亿元 and 四季度损失371.6亿元: a "year" smaller than one of its parts is
            # another thing's figure, not the year these parts make up)
            return
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
    lo = clause_start(claim.text, claim.q.start)
    phrase = (lo, claim.q.end)
    push_number(table, RELATION, claim, [p], phrase)


# A column of rates (落实率, 增长率, 利润率) or of prices; shares of a whole (占比, 比重, 占有率) do add up
# (| 生师比 |, | 城乡收入比 |, | 性别比 |: a ratio's 合计 row is the ratio of the totals, not a sum)
# (| 单产（公斤/公顷）|: a yield, a quantity per unit of another — its unit says so with its slash, or
# its name: 单产 and 亩产 are a yield per unit of land, | 亩产（公斤）|)
# (| 比上年提高（个百分点）|: changes of rates; the 合计 row's is the whole's rate's, no sum)
_RATE_COLUMN = re.compile(
    r"(?<!占有)率|增速|增幅|指数|单价|价格|[^占]比$|比值|倍数|[单亩]产|百分点|[（(][^（）()]*/[^（）()]*[）)]"
)


def _two_breakdowns(column: list[Fact], total: Fact) -> bool:
    """Whether the rows are two breakdowns of the total one after the other (城镇、乡村 and then 商品零售、
    餐饮收入): the rows before some row add up to the total, and so do the rows after it."""
    whole = reading(total)
    everything = sum(value(f) for f in column)
    for j in range(2, len(column) - 1):
        head = sum((reading(f) for f in column[1:j]), reading(column[0]))
        tail = sum((reading(f) for f in column[j + 1 :]), reading(column[j]))
        if head.overlaps(whole) and tail.overlaps(whole):
            return True
        # | 一般贸易 | 加工贸易 | 保税物流 | 民营企业 | 外商投资企业 | 国有企业 | 全省合计 |: two breakdowns,
        # each leaving out its 其他 row — the rows come to nearly twice the total, each run within it
        if everything > 1.5 * value(total) and head.lo <= whole.hi and tail.lo <= whole.hi:
            return True
    return False


def _sub_run(column: list[Fact], cells: list[Fact]) -> set[int]:
    """| 公务用车购置及运行费 | 96.00 |, | 其中：购置费 | 30.00 |, | 运行费 | 66.00 |: the rows after a
    其中 row that, with it, add up to the row above it are that row's parts too (其中 is written once)."""
    out: set[int] = set()
    if not column:
        return out
    by_row = {f.place.row: f for f in column}
    for f in cells:
        if f.place.col != column[0].place.col or not _SUB_ROW.match(f.subject):
            continue
        parent = by_row.get((f.place.row or 0) - 1)
        if parent is None or parent.q.value is None:
            continue
        total = f.q.value or 0.0
        row = (f.place.row or 0) + 1
        run: list[int] = []
        while row in by_row and total < parent.q.value - 1e-9:
            total += by_row[row].q.value or 0.0
            run.append(by_row[row].id)
            row += 1
        summed = sum((reading(by_row[r]) for r in range((f.place.row or 0) + 1, row)), reading(f))
        if run and reading(parent).overlaps(summed):
            out.update(run)
    return out


def _loose_sub_rows(column: list[Fact], cells: list[Fact]) -> set[int]:
    """The rows right after a 其中 row that, with it, stay below the row above it: perhaps more of
    that 其中's parts (| 其中：国内增值税 |, | 契税 |), its 其中 written once."""
    out: set[int] = set()
    by_row = {f.place.row: f for f in column}
    for f in cells:
        if not column or f.place.col != column[0].place.col or not _SUB_ROW.match(f.subject):
            continue
        parent = by_row.get((f.place.row or 0) - 1)
        if parent is None:
            continue
        total = value(f)
        row = (f.place.row or 0) + 1
        while row in by_row and total + value(by_row[row]) < value(parent):
            total += value(by_row[row])
            out.add(row)
            row += 1
    return out


def _table_totals(table: FactTable) -> None:
    """A table's 合计 row against the sum of the rows above it, column by column."""
    dropped: dict[int, set[int]] = {}  # by table: rows read as 其中 parts, from the amounts' column
    for ti in range(len(table.doc.tables)):
        cells = [f for f in table.facts if f.place.table == ti]
        totals = [f for f in cells if _TOTAL_ROW.search(f.subject)]
        for t in totals:
            # | 合计 | … |, then | 其中：国家一级博物馆 |, | 国家二级博物馆 |…: the rows from a 其中 row on,
            # below the total, are parts of it taken another way — not more rows of the breakdown
            subs = [
                f.place.row
                for f in cells
                if _SUB_ROW.match(f.subject)
                and (f.place.row or 0) > (t.place.row or 0)
                and f.place.row is not None
            ]
            sub_from = min(subs) if subs else None
            column = [
                f
                for f in cells
                if f.place.col == t.place.col
                and f.id != t.id
                and not _TOTAL_ROW.search(f.subject)
                and not _SUB_ROW.match(f.subject)  # | 其中：北京 |: a part of the row above, not a row
                and (sub_from is None or (f.place.row or 0) < sub_from)
            ]
            if "小计" in t.subject:
                # | 北方6区小计 |, …, | 南方4区小计 |, | 全国 |: a subtotal is of the rows since the
                # total above it
                above = [
                    g.place.row or 0
                    for g in totals
                    if g.place.col == t.place.col and (g.place.row or 0) < (t.place.row or 0)
                ]
                top = max(above, default=-1)
                column = [f for f in column if top < (f.place.row or 0) < (t.place.row or 0)]
            parts_of_rows = _sub_run(column, cells)
            if t.q.kind in AMOUNT_KINDS and not t.q.is_rate:
                # (the amounts say which rows are parts; a column of growth rates cannot add up to tell)
                dropped.setdefault(ti, set()).update(
                    f.place.row or 0 for f in column if f.id in parts_of_rows
                )
            column = [f for f in column if f.id not in parts_of_rows]
            # | 社会消费品零售总额 |, | 除汽车以外的消费品零售额 |, | 商品零售额 |, | 餐饮收入 |: a row that
            # leaves something out (除…以外) or counts a narrower scope (限额以上) is another view of the
            # total, not a part of its breakdown — and a table of such views may be a list of
            # indicators, not a breakdown at all: the rest is then summed only if it adds up (or is a
            # known breakdown, 商品零售 and 餐饮收入)
            views = {
                f.id
                for f in column
                if _ANOTHER_VIEW.search(f.subject) and not _ANOTHER_VIEW.search(t.subject)
            }
            column = [f for f in column if f.id not in views]
            # | 税收收入 | 18319 |, | 其中：国内增值税 | 7875 |, | 　　契税 | 2689 |, | 非税收入 |: rows that
            # go on a 其中 row's list (indented, which the text loses) are parts too, when the rest then
            # adds up to the 合计 and with them it does not
            loose = _loose_sub_rows(column, cells)
            if loose and t.q.kind in AMOUNT_KINDS and not t.q.is_rate:
                kept = [f for f in column if f.place.row not in loose]
                whole = reading(t)
                if (
                    len(kept) >= 2
                    and not reading_sum(column).overlaps(whole)
                    and reading_sum(kept).overlaps(whole)
                ):
                    dropped.setdefault(ti, set()).update(loose)
            column = [f for f in column if f.place.row not in dropped.get(ti, set())]
            if len(column) < 2 or any(not same_measure(f.q, t.q) for f in column):
                continue
            header = table.doc.tables[ti].header
            name = header[t.place.col] if t.place.col is not None and t.place.col < len(header) else ""
            if labels.PER_UNIT.search(name) or _RATE_COLUMN.search(name):
                # | 均价（美元/台）| 落实率（%）|: the 合计 row of an average or a rate is the rate of
                # the totals, not a sum
                continue
            if t.role == "growth":
                _table_growth(table, t, column, cells)
                continue
            if t.q.is_rate and abs(value(t) - 100.0) > 1.0:
                continue  # | 占年计划(%) | … | 102.9 |: rates each of their own whole (shares add to 100)
            if t.q.is_rate and any(
                f.place.row == t.place.row and f.id != t.id and f.q.kind in AMOUNT_KINDS for f in totals
            ):
                # | 增加值 | 占比 |, 合计 14915 | 100.0: the share rule checks each row's share against
                # the amounts; a slip in one share is reported there, not again as the column's sum
                continue
            if _two_breakdowns(column, t):
                continue  # | 城镇 | 乡村 | 商品零售 | 餐饮收入 | 社零总额 |: two breakdowns of one total
            computed = reading_sum(column)
            if (
                (t.place.row or 0) < min(f.place.row or 0 for f in column)
                and any(
                    o.place.col == t.place.col and (o.place.row or 0) > (t.place.row or 0) for o in totals
                )
                and not computed.overlaps(reading(t))
            ):
                # | 全部发电装机 | 29.2 |, then | 太阳能发电 |, | 风电 |, | 风光合计 |: a total written above
                # rows that have a subtotal of their own heads a selection of them, not a breakdown
                continue
            if _PLACES.search(name) and value(t) < computed.lo:
                # | 制式 | 城市（个） |: a city that runs several kinds is counted in each row and once in
                # the 合计 — places counted by kind overlap, and their total may be smaller
                continue
            breakdown = labels.complement_parts([f.subject for f in column], exhaustive=True)
            if views and breakdown != list(range(len(column))) and not computed.overlaps(reading(t)):
                continue
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


def _row_level(cells: list[Fact], growth: Fact) -> Fact | None:
    """The level a row's growth cell is of: | 地区 | 2023年 | 2024年 | 同比 |: the latest year's column;
    undated columns, the nearest one before the growth's."""
    row = [
        f for f in cells if f.place.row == growth.place.row and f.role == "level" and f.q.kind in AMOUNT_KINDS
    ]
    # (| 死亡人数 | 上年死亡人数 | 同比 |: the growth is of this year's column, the one before it its base)
    row = [f for f in row if not labels.EARLIER_COLUMN.match(f.header)] or row
    dated = [f for f in row if f.period.explicit and f.period.year is not None]
    if dated:
        return max(dated, key=lambda f: (f.period.year or 0, f.place.col or 0))
    # | 商品类 | 服务类 | 小计 | 服务类同比 |: the column the growth's header names
    named = [f for f in row if len(f.header) >= 2 and f.header in growth.header]
    if len(named) == 1:
        return named[0]
    before = [f for f in row if (f.place.col or 0) < (growth.place.col or 0)]
    return max(before, key=lambda f: f.place.col or 0) if before else (row[0] if row else None)


_REAL_GROWTH = re.compile(r"不变价|可比价|扣除价格因素")


def _table_growth(table: FactTable, total: Fact, column: list[Fact], cells: list[Fact]) -> None:
    """The 合计 row's growth from the rows' levels and growth rates: Σ levels ÷ Σ (level ÷ (1 + g)) − 1."""
    levels: list[tuple[Fact, Fact]] = []
    total_level = _row_level(cells, total)
    for g in column:
        level = _row_level(cells, g)
        if level is None:
            return
        levels.append((level, g))
    if total_level is None or len(levels) < 2:
        return
    rows = {
        f.place.row
        for f in cells
        if f.place.col == total_level.place.col and f.place.row != total.place.row and f.role == "level"
    }
    if rows - {lv.place.row for lv, _ in levels}:
        return  # | 其他 | 152.7 | — |: a row whose growth is not given leaves the total's unknown
    if len(levels) >= 4 and _two_breakdowns([lv for lv, _ in levels], total_level):
        return  # two breakdowns of one total: the rows' growths weigh each part twice
    if any(
        f.place.row == total.place.row
        and f.role == "level"
        and (
            (f.header == total_level.header and f.period.year == (total_level.period.year or 0) - 1)
            or labels.EARLIER_COLUMN.match(f.header)
        )
        for f in cells
    ):
        # | 合计 | 547.47 | 568.75 | 3.9 |, | 本期 | 上年同期 | 增长 |: the row's own two years check it
        # (yoy_growth), and each row's growth its own
        return
    if any(s.table is None and _REAL_GROWTH.search(s.text) for s in table.sentences):
        # 按不变价格计算，同比增长2.2%: real growths weigh last year's values at constant prices, which
        # this year's values in current prices ÷ (1 + g) are not
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
    push_number(table, RELATION, total, [p])


def additive(f: Fact) -> bool:
    """Whether values like ``f`` add up: an average per head or per day does not (城镇人均收入 and
    农村人均收入 do not add up to the national one)."""
    return not labels.PER_UNIT.search(f.label() + f.qualifier_words)


def components_of_average(total: Fact, parts: list[Fact]) -> bool:
    """人均可支配收入21691元，其中工资性收入9163元、经营净收入7431元…: an average per head is the sum of
    the averages of its components over the same heads (收入 by source, 消费支出 by category), though
    averages of different populations (城镇 and 农村) never add up. So the parts add up when each
    names the same per-unit word with the same population as the total, or none, and each is a
    kind of the total's measure (its name ends in the same noun, 收入 or 支出, and is another one)."""
    label = total.label()
    per = labels.PER_UNIT.search(label)
    if per is None:
        return False
    whose, what = label[: per.start()], label[per.end() :]
    if len(what) < 2:
        return False
    for p in parts:
        name = p.label()
        mark = labels.PER_UNIT.search(name)
        if mark is not None:
            if mark.group(0) != per.group(0) or name[: mark.start()] not in ("", whose):
                return False
            name = name[mark.end() :]
        if labels.PER_UNIT.search(name) or name == what or name[-2:] != what[-2:] or len(name) <= 2:
            return False
    return True


def _exhaustive(facts: list[Fact]) -> bool:
    """Whether the facts' names are one complete group of complements (税收/非税, 东/中/西/东北)."""
    names = [f.item or f.subject for f in facts]
    found = labels.complement_parts(names, exhaustive=True)
    return found is not None and len(found) == len(facts)


def _shares_of_a_complete_list(table: FactTable) -> None:
    """第一产业、第二产业、第三产业…分别占7.2%、38.5%和54.3%: the shares of a complete list make 100%."""
    for ids in table.lists.values():
        members = [table.fact(i) for i in ids]
        if len(members) < 2 or not all(m.role == "share" and m.q.is_rate for m in members):
            continue
        if any(bound_only(m) for m in members) or not _exhaustive(members):
            continue
        first = members[0]
        if "相当于" in first.text[clause_start(first.text, first.q.start) : first.q.start]:
            # (国产气、进口气分别相当于表观消费量的57.8%和42.6%: a ratio to another measure — 表观消费量 nets
            # the exports out — not parts of it that make 100%)
            continue
        last = members[-1]
        others = members[:-1]
        computed = 100.0 - reading_sum(others)
        point = 100.0 - sum(value(m) for m in others)
        arithmetic = "100% − " + " − ".join(m.q.text for m in others) + f" = {fmt.pct(point, 1)}"
        p = Pairing(
            tuple((m, "其他部分") for m in others),
            0.9,
            computed,
            point,
            arithmetic,
            "所列各项构成整体，占比合计为100% / the parts listed make the whole",
            fmt.pct(point, 1),
        )
        phrase = (members[0].q.start, last.q.end)
        push_number(table, RELATION, last, [p], phrase)


def _complete_groups(table: FactTable) -> None:
    """…利润总额7.3万亿元。分地区看，东部地区4.2万亿元，中部地区1.5万亿元，西部地区1.3万亿元，东北地区0.3万亿元:
    parts that make up the whole, listed after a total of the same thing, add up to it.

    A sentence that opens with a breakdown (分产业看，按经营地统计，分三大门类看) lists the parts of the
    figure the paragraph has been about, so its total may stand further back in the paragraph; and
    a count in it (三大门类) says the list is complete."""
    for s in table.sentences:
        marker = _BREAKDOWN.match(s.text[s.start : s.end].lstrip()) if s.passage is not None else None
        counted_n = None
        if marker is not None and (c := _COUNT_WORD.search(marker.group("by"))):
            counted_n = _count(c.group("n"))
        levels = [
            f
            for f in table.in_sentence(s.index)
            if f.role == "level"
            and f.q.kind in AMOUNT_KINDS
            and f.restates is None
            and not bound_only(f)
            and f.parent is None
            and f.group is None
            and additive(f)
        ]
        for size in (4, 3, 2):
            for k in range(len(levels) - size + 1):
                parts = levels[k : k + size]
                if not all(same_measure(p.q, parts[0].q) and p.period.same(parts[0].period) for p in parts):
                    continue
                if not _exhaustive(parts) and counted_n != len(parts):
                    # 三大粮食作物总产量达到51045万吨。稻谷…20078万吨；小麦…11792万吨；玉米…19175万吨: the
                    # total before counts its kinds, and so many values follow
                    alike = all((p.q.kind, p.q.unit) == (parts[0].q.kind, parts[0].q.unit) for p in parts)
                    total = _total_before(table, parts) if alike else None
                    if total is None or _counted_in(table, total) != len(parts):
                        continue
                else:
                    # complements (税收/非税, 城镇/乡村) that make up a whole may follow it further on
                    # in its paragraph, as a breakdown's parts do
                    wide = marker is not None or _exhaustive(parts)
                    total = _total_before(table, parts, whole_paragraph=wide)
                    if (
                        total is not None
                        and _exhaustive(parts)
                        and not additive(total)
                        and not components_of_average(total, parts)
                    ):
                        # (全市居民人均…81752元 … 城镇居民50897元、农村居民26277元: the groups' per-head
                        # values do not add up to the whole's)
                        total = None
                if total is not None and _comparable_scale(total, parts):
                    _judge(table, total, parts, complete=True, phrase=(total.q.start, total.q.end))
                    _total_growth(table, total, parts)
                    break
            else:
                continue
            break


def _comparable_scale(total: Fact, parts: list[Fact]) -> bool:
    """Parts a millionth of their total are of something else (每百元营业收入带来的利润，中央企业为6.86元,
    地方国有企业为4.89元 against 营业总收入755543.6亿元); a 万/亿 slip (10⁴) is still a slip to report."""
    whole, summed = abs(value(total)), sum(abs(value(p)) for p in parts)
    return summed > 0 and whole / summed < 1e6 and summed / max(whole, 1e-12) < 1e6


def _counted_in(table: FactTable, total: Fact) -> int | None:
    """How many kinds a total's own words count (全国三大粮食作物总产量 → 3), or None. Not a count
    that sums what came before it (…卫生健康两项合计就达401.3亿元: the two named just before), nor a
    class's name the quantity reader left unread (完成二类首次注册2223件: Class II)."""
    begin = clause_start(total.text, total.q.start, "，,；;。：:")
    clause = total.text[begin : total.q.start]
    m = _COUNT_WORD.search(clause)
    if m is None or re.search(r"合计|相加|加起来|加总|之和|共计|总计", clause[m.end() :]):
        return None
    if not m.group("n").isdigit() and not any(
        f.q.start == begin + m.start() for f in table.in_sentence(total.place.sentence)
    ):
        return None
    return _count(m.group("n"))


# an age or size band named before a value: 15—59岁, 60岁及以上, 10万吨级以上
_WHOLE_NAMED = re.compile(
    r"(?:相加|合计|加起来|之和)(?:即为|就是|即是|正是|构成|等于)(?P<name>[^，,。；;\d]{2,12}?)(?:[，,。；;]|$)"
)


def _total_before(table: FactTable, parts: list[Fact], whole_paragraph: bool = False) -> Fact | None:
    """The nearest value before the parts of the same thing and period that names none of them: in
    the sentence before, or anywhere earlier in the paragraph after a breakdown word."""
    # a value naming one of the parts' own words (城镇… before 城镇、乡村) is one of them, not the
    # total; other groups' words are only names (国内生产总值 holds 国内 of 国内/国外)
    named = [p.label() for p in parts]
    words = [
        w
        for group in labels.COMPLEMENTS
        if sum(any(x in n for x in group) for n in named) >= 2
        for w in group
    ]
    first = parts[0]
    # 生产总值 (GDP) is by definition the three sectors' 增加值 added up: the total keeps its own name
    gdp = len(parts) == 3 and all("增加值" in n for n in named) and labels.complement_parts(named) is not None
    # what the parts measure, without the words that tell them apart (第一产业完成投资 → 完成投资)
    own = [functools.reduce(lambda n, w: n.replace(w, ""), words, n) for n in named]
    # 东部地区民间固定资产投资96065亿元…；中部地区59200亿元: a list names what it measures once, so
    # the parts that say only which they are (地区) leave the measure to the one that names it
    spoken = [n for n in own if len(n) > 2]
    head = _shared_head(spoken if spoken and len(spoken) < len(own) else own)
    # 中央…50011亿元、地方本级收入65902亿元，二者相加即为全国收入: the whole the sentence names
    said = _WHOLE_NAMED.search(table.sentences[parts[-1].place.sentence].words)
    for f in reversed(table.facts[max(0, first.id - 2 * SPAN) : first.id]):
        if said is not None and not set(said.group("name")) <= set(f.label()):
            continue  # (every character of 全国收入 is in 全国一般公共预算收入; not in 前5个月的收入)
        near = (
            f.place.passage == first.place.passage
            if whole_paragraph
            else (f.place.sentence >= first.place.sentence - 1)
        )
        if not near and (
            first.place.passage is None
            or f.place.passage is None
            or f.place.passage < first.place.passage - 3
        ):
            break
        if f.role != "level" or not same_measure(f.q, first.q):
            continue
        undated = (
            not first.period.explicit
            and first.period.months is None
            and first.period.year in (None, f.period.year)
            and first.period.offset == 0
        )
        if not f.period.same(first.period) and not (not near and undated):
            # (a paragraph that names no months of its own is about the period named above it)
            continue
        by_name = len(head) >= 2 and name_likeness(head, f) >= 0.6
        if not near and not by_name and not (gdp and _GDP.search(f.label())):
            # 1~2月份，全国规模以上工业企业实现利润总额…（two paragraphs on）采矿业实现利润总额…、
            # 制造业…、电力…: further back, the total must carry the parts' shared name
            continue
        if any(w in f.label() for w in words) or bound_only(f):
            continue
        if labels.AGE_BAND.search(f.text, max(0, f.q.start - 16), f.q.start) and not any(
            labels.AGE_BAND.search(p.text, max(0, p.q.start - 16), p.q.start) for p in parts
        ):
            continue  # (15—59岁人口2198.44万人。…男性1769.69万人，女性…: a band is no whole of 男女)
        if any(g.whole_fact == f.id for g in table.in_sentence(f.place.sentence)):
            continue  # 完成年初预算数60999万元的40.4%: the denominator of a share is another figure
        if _listed(table, f):
            # 国有控股企业…3752.2亿元；股份制企业…20510.5亿元: one of another breakdown's parts
            continue
        largest = max(p.value or 0.0 for p in parts)
        if (f.value or 0.0) < largest and all((p.value or 0.0) >= 0 for p in parts):
            # 死亡人口1014万人 … 男性人口72311万人、女性人口68949万人: a whole is never smaller than
            # one of its parts, so a smaller value before them is something else
            continue
        return f
    return None


def _shared_head(names: list[str]) -> str:
    """The name the parts share at their end (采矿业实现利润总额, 制造业实现利润总额 → 实现利润总额):
    Chinese names put what is measured last and the part's own word first."""
    if not names:
        return ""
    k = 0
    shortest = min(len(n) for n in names)
    while k < shortest and len({n[len(n) - 1 - k] for n in names}) == 1:
        k += 1
    return names[0][len(names[0]) - k :] if k else ""


def _listed(table: FactTable, f: Fact) -> bool:
    """Whether ``f`` follows a like value in its own sentence (a member of a list, not a total), or
    opens a complete pair with the one after it (城镇人口1070.2万人，乡村人口192.2万人: one side of a
    breakdown, no total of another)."""

    def like(g: Fact) -> bool:
        return g.role == "level" and g.restates is None and same_measure(g.q, f.q) and g.period.same(f.period)

    for g in table.in_sentence(f.place.sentence):
        if g.id == f.id:
            continue
        if g.id > f.id:
            return (
                like(g)
                and g.parent != f.id
                and labels.complement_parts([f.label(), g.label()], exhaustive=True) is not None
            )
        if like(g) and f.parent != g.id and f.base_fact != g.id:
            return True
    return False


def _growth_from_parts(table: FactTable) -> None:
    """进出口4.5万亿元，增长10%；其中出口2.69万亿元、增长13.1%，进口1.81万亿元、增长5.7%: the total's growth
    is Σ now ÷ Σ (now ÷ (1 + g)) − 1 of its complete parts."""
    for total in table.facts:
        parts = table.children(total)
        if len(parts) < 2 or not _exhaustive(parts) or total.is_cell:
            continue
        _total_growth(table, total, parts)


def _total_growth(table: FactTable, total: Fact, parts: list[Fact]) -> None:
    """The growth written after a total against the growths written after its complete parts."""
    total_growth = growth_after(table, total)
    growths = [growth_after(table, p) for p in parts]
    if total_growth is None or any(g is None for g in growths):
        return
    if labels.real_indicator(total.label()) or labels.real_terms(total_growth.context):
        return  # real growth (GDP, 增加值) weighs parts at last year's prices, not this year's values
    pairs = [(p, g) for p, g in zip(parts, growths, strict=True) if g is not None]
    now = sum((reading(p) for p, _ in pairs[1:]), reading(pairs[0][0]))
    before = sum(
        (reading(p) / (reading(g) * (-0.01 if g.down else 0.01) + 1.0) for p, g in pairs[1:]),
        reading(pairs[0][0]) / (reading(pairs[0][1]) * (-0.01 if pairs[0][1].down else 0.01) + 1.0),
    )
    computed = (now / before - 1.0) * 100.0
    now_v = sum(value(p) for p, _ in pairs)
    before_v = sum(value(p) / (1 + (-1 if g.down else 1) * value(g) / 100) for p, g in pairs)
    point = (now_v / before_v - 1) * 100
    shown = fmt.shown([p.q for p, _ in pairs])
    terms = " + ".join(
        f"{sv}/(1{'−' if g.down else '+'}{g.q.text})" for sv, (_, g) in zip(shown, pairs, strict=True)
    )
    arithmetic = f"({' + '.join(shown)})/({terms}) − 1 = {fmt.pct(point)}"
    p_ = Pairing(
        tuple((x, "部分") for pair in pairs for x in pair),
        0.9,
        computed,
        point,
        arithmetic,
        "总数的增速由各部分的数值和增速推得 / the total's growth from its parts'",
        fmt.pct(point),
    )
    push_number(
        table,
        RELATION,
        total_growth,
        [p_],
        (max(0, total_growth.q.start - 2), total_growth.q.end),
        signed=True,
    )


def _pulls(table: FactTable) -> None:
    """三大需求分别拉动经济增长4.3、1.5和-0.6个百分点: the pulls of the parts of growth add up to it."""
    for ids in table.lists.values():
        members = [table.fact(i) for i in ids]
        if len(members) < 2 or not all(m.q.is_points for m in members):
            continue
        if not all("拉动" in m.context or "贡献" in m.context for m in members[:1]):
            continue
        growth = next(
            (
                g
                for g in reversed(table.around(members[0]))
                if g.q.end <= members[0].q.start and g.role == "growth" and g.q.is_rate
            ),
            None,
        )
        if growth is not None:
            _judge_pulls(table, members, growth)
    _pull_groups(table)


def _pull_groups(table: FactTable) -> None:
    """分产业看，第一产业…拉动经济增长0.4个百分点；第二产业…8.6个百分点；第三产业…9.3个百分点: the
    pulls of a complete group (the three industries, the three demands) add up to the growth."""
    for s in table.sentences:
        pulls = [f for f in table.in_sentence(s.index) if f.group is None and pull_of(f) is not None]
        if len(pulls) < 2:
            continue
        picked = labels.complement_parts([puller(table, p) for p in pulls], exhaustive=True)
        if picked is None or len(picked) != len(pulls):
            continue
        growth = pulled_growth(table, pulls[0])
        if growth is not None:
            _judge_pulls(table, pulls, growth, on_growth=True)


def _judge_pulls(table: FactTable, members: list[Fact], growth: Fact, *, on_growth: bool = False) -> None:
    """The pulls against the growth; the finding stands on the last pull of a 分别 list, or on the
    growth when the pulls are spread over a breakdown (the growth is then the total they make)."""
    if any(bound_only(m) for m in members):
        return
    signs = [(-1.0 if m.down else 1.0) for m in members]
    computed = sum(
        (reading(m) * sg for m, sg in zip(members[1:], signs[1:], strict=True)),
        reading(members[0]) * signs[0],
    )
    point = sum(value(m) * sg for m, sg in zip(members, signs, strict=True))
    arithmetic = (
        " + ".join(fmt.num(value(m) * sg) for m, sg in zip(members, signs, strict=True))
        + f" = {fmt.num(point, 2)}"
    )
    far = (
        ""
        if growth.place.sentence == members[0].place.sentence
        else f"；{growth.q.text}见{growth.place.describe()}"
    )
    p = Pairing(
        tuple((m, "拉动") for m in members),
        0.9,
        computed,
        point,
        arithmetic,
        "各部分拉动的百分点之和即为总增速 / the parts' pulls add up to the growth" + far,
        f"{fmt.num(point, 2)}%",
    )
    stated = reading(growth) * (-1.0 if growth.down else 1.0)
    claim = growth if on_growth else members[-1]
    phrase = (max(0, growth.q.start - 2), growth.q.end) if on_growth else (members[0].q.start, claim.q.end)
    table.push(
        conclude(
            table, RELATION, claim, stated, claim.text[phrase[0] : phrase[1]], [p], missing="", phrase=phrase
        )
    )
