"""Whether two numbers measure the same thing, judged from the words that name them.

Statistical prose names what a number measures right before it (``税收收入181129亿元``) and
repeats the name, often shortened or lengthened, where it uses the number again (``税收收入占
全部收入的83.6%``, ``全国收入``). We compare names by the character pairs they share: a name's
likeness to a candidate is the share of its character pairs found in the candidate. Words that
carry no meaning of their own here (的, 全部, 总) are dropped first, and a known opposite (出口 and
进口, 城镇 and 乡村, 中央 and 地方) or two different places make the likeness zero: when in doubt a
pairing is refused, and the claim is reported unverifiable, never wrong.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

# Words naming complementary parts of one whole: the parts add up to the whole.
COMPLEMENTS: tuple[tuple[str, ...], ...] = (
    ("去程", "回程"),
    ("出口", "进口"),
    ("城镇", "乡村"),
    ("城镇", "农村"),
    ("城市", "农村"),
    ("男性", "女性"),
    ("男", "女"),
    ("境内", "境外"),
    ("国内", "国外"),
    ("中央", "地方"),
    ("本地", "外出"),
    ("税收", "非税"),
    ("国产", "进口"),
    ("第一产业", "第二产业", "第三产业"),
    ("上半年", "下半年"),
    ("东部", "中部", "西部", "东北"),
    ("东部", "中部", "西部"),
    ("公有", "非公有"),
    ("国有", "民营", "外资"),
    ("银行间", "交易所"),
    # (339个城市中，达标的有221个…超标城市118个: meeting a standard and exceeding its limit)
    ("达标", "超标"),
    # The statutory breakdowns of official statistics: industry by its three 门类 (采矿业, 制造业,
    # 电力、热力、燃气及水生产和供应业) and a year's grain by season (夏粮, 早稻, 秋粮).
    ("采矿业", "制造业", "电力"),
    ("夏粮", "早稻", "秋粮"),
    # retail sales and industry by the size threshold (限上 and 限下 make 社会消费品零售总额), and
    # retail sales by the form of consumption (商品零售 and 餐饮收入 make it too)
    ("限额以上", "限额以下"),
    ("商品零售", "餐饮收入"),
    ("规模以上", "规模以下"),
    # 支出法: GDP's growth is pulled by final consumption, capital formation and net exports
    ("最终消费", "资本形成", "净出口"),
    # The household survey's statutory breakdowns (国家统计局 住户收支与生活状况调查): disposable
    # income by its four sources, consumption spending by its eight categories.
    ("工资性", "经营", "财产", "转移"),
    ("食品烟酒", "衣着", "居住", "生活用品及服务", "交通通信", "教育文化娱乐", "医疗保健", "其他用品"),
)

# The word for the whole a group of complements makes up.
GROUP_WHOLES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("出口", "进口"), "进出口"),
    (("城镇", "乡村", "农村"), "城乡"),
    (("男性", "女性"), "男女"),
    (("境内", "境外"), "境内外"),
    (("国内", "国外"), "国内外"),
    (("去程", "回程"), "往返"),
    (("入境", "出境"), "出入境"),
)

# Words naming a whole made of complementary parts: 进出口 is exports plus imports.
WHOLES = (
    "进出口",
    "出入境",
    "往返",
    "城乡",
    "男女",
    "境内外",
    "国内外",
    "全年",
    "总",
    "合计",
    "全部",
    "整体",
    "全行业",
)

OPPOSITES: tuple[tuple[str, str], ...] = (
    *((a, b) for group in COMPLEMENTS for a in group for b in group if a != b),
    ("新签", "完成"),
    ("合同额", "营业额"),
    ("收入", "支出"),
    ("流入", "流出"),
    ("对华", "对外"),
    ("发行", "托管"),
    ("施工", "竣工"),
    ("新开工", "竣工"),
    ("施工", "新开工"),
    ("招生", "在学"),
    ("招收", "在学"),
    ("博士", "硕士"),
    ("本科", "专科"),
    ("增加值", "营业收入"),
    ("名义", "实际"),
    ("当年价格", "可比价格"),
    ("数量", "金额"),
    # 全国国有企业资产总额 against | 地方国有企业 |: the country's whole against its local part
    ("全国", "地方"),
)

# Places: two names naming different places measure different things.
PLACES = (
    "全国", "全球", "世界", "全省", "全市", "中国", "我国", "美国", "日本", "欧盟", "欧洲", "英国",
    "德国", "法国", "俄罗斯", "印度", "韩国", "东盟", "非洲", "拉美", "中亚", "巴西", "土耳其", "伊朗",
    "越南", "泰国", "新加坡", "马来西亚", "印度尼西亚", "北京", "天津", "上海", "重庆", "河北",
    "山西", "内蒙古",
    "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南",
    "广东", "广西", "海南", "四川", "贵州", "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆",
    "香港", "澳门", "台湾", "深圳", "广州", "成都", "武汉", "西安", "郑州", "杭州", "南京", "苏州",
    "青岛", "厦门", "长沙", "合肥", "长三角", "珠三角",
)  # fmt: skip
_SAME_PLACE = ({"中国", "我国", "全国"},)

# Words that mark growth at constant prices: nominal values cannot verify it.
REAL_TERMS = ("实际增长", "可比价", "扣除价格因素", "不变价", "可比口径", "按可比")
REAL_INDICATORS = ("GDP", "国内生产总值", "生产总值", "增加值")

# Characters and words that say nothing about what is measured.
_NOISE = re.compile(
    r"[的了是为在和与及、，,；;：:（）()“”\"'《》\s·%％]|全部|全体|所有|总额|总量|总数|总计|合计|"
    r"整体|共计|累计|全年|当年|今年|去年|本年|上年|明年|同期|当月|其中|分别|以上|以下|左右|约|近|达到|达|完成|实现|总值|各地|各省|平均水平|"
    r"各类|各种|各项|本级|规模以上|规模|初步核算|核算|数据|情况|水平"
)
_WHOLE_WORDS = re.compile(r"全部|全体|所有|总额|总量|总数|总计|合计|整体|全行业|总体|总")


# Standard abbreviations of official statistics, read as the full name (外贸 is 对外贸易, which
# customs counts as 进出口; 社零 is 社会消费品零售总额; 固投 is 固定资产投资; 规上 is 规模以上; GDP
# is 国内/地区生产总值; 高校 is 高等学校).
_ABBREVIATIONS = (
    ("对外贸易", "进出口"),
    ("外贸", "进出口"),
    ("规上", "规模以上"),
    ("限上", "限额以上"),
    ("社零", "社会消费品零售"),
    ("固投", "固定资产投资"),
    ("GDP", "生产总值"),
    # education statistics: 高校 are 高等学校, 中职 中等职业教育/学校
    ("高校", "高等学校"),
    ("中职", "中等职业"),
)
# A territory's economy, named alone (全市经济增长, 全省经济增速 once the rate's words are off), is
# its GDP: what statistics offices mean by 经济增长 (not 数字经济, not 民营经济).
_ECONOMY = re.compile(r"^(?:全国|全省|全市|全区|全县|全州|我国|我省|我市|我区|我县)?经济$")
# The scope a whole is named with (占全市投资, 占我国外贸总值): the publication's own territory.
# The point or span of time a row's name opens with: 年末常住人口 counts 常住人口 at the year's end.
_WHEN = re.compile(r"^(?:年末|年底|年初|期末|全年)")
_SCOPE = re.compile(r"^(?:全国|全省|全市|全区|全县|全州|全盟|全旗|全镇|全乡|我国|我省|我市|我区|我县|我)")


def expanded(label: str) -> str:
    """``label`` with the standard abbreviations written out (规上 → 规模以上, GDP → 生产总值)."""
    for short, full in _ABBREVIATIONS:
        if short in label:
            label = label.replace(short, full)
    return label


def _clean(label: str) -> str:
    if _ECONOMY.match(label):
        label = "生产总值"
    return _NOISE.sub("", expanded(label))


def only_a_total(label: str) -> bool:
    """全国总量, 同期总额, 总额: a whole named only as the total of whatever the part measures."""
    return names_whole(label) and not has_content(_SCOPE.sub("", label))


def strip_scope(label: str) -> str:
    """占全市投资比重 → 投资: the whole of the text's own territory, named without its scope (the
    values it is found among are that territory's already). Kept when nothing else remains."""
    rest = _SCOPE.sub("", label)
    return rest if has_content(rest) else label


@lru_cache(maxsize=65536)
def pairs(label: str) -> frozenset[str]:
    s = _clean(label)
    if len(s) < 2:
        return frozenset(s)
    return frozenset(s[i : i + 2] for i in range(len(s) - 1))


@lru_cache(maxsize=65536)
def likeness_of(query: str, label: str, forward_only: bool = False) -> float:
    """How surely ``label`` names what ``query`` names (0–1).

    Mostly how much of the query the label holds (character pairs and characters, so that
    招收研究生 and 研究生招生 agree), a little how much of the label the query holds; two names that
    each carry characters the other lacks (财产险公司… and 车险…: a modifier on each side) are
    two different things of one kind, and count for less.
    """
    if not query or not label or opposed(query, label):
        return 0.0
    # An acronym is one word (SCI is not in CPCI-S, though its letters are): the query's Latin words
    # must each stand whole in the label
    latin_q = _LATIN.findall(expanded(query))
    if latin_q and not set(latin_q) <= set(_LATIN.findall(label) + _LATIN.findall(expanded(label))):
        return 0.0
    # The territory's own scope (全省, 我国) says where, not what: places were compared above.
    uq, ul = _SCOPE.sub("", query), _SCOPE.sub("", label)
    if has_content(uq) and has_content(ul):
        query, label = uq, ul
    # 年末常住人口 is the 常住人口 a query names without a time (城镇常住人口 is a part of it; 乡村常住人口
    # is no more 常住人口 at the year's end than before)
    ul = _WHEN.sub("", label)
    if ul != label and not _WHEN.match(query) and has_content(ul) and set(_clean(query)) <= set(_clean(ul)):
        label = ul
    q, c = _clean(query), _clean(label)
    if not q or not c:
        return 0.0
    if _abbreviates(q, label):
        return 0.8  # 工行 for 工商银行, 农行 for 农业银行: a name shortened to its words' first characters
    qp, cp = pairs(query), pairs(label)
    qc, cc = set(q), set(c)
    shared_p, shared_c = len(qp & cp), len(qc & cc)
    fwd = 0.5 * shared_p / len(qp) + 0.5 * shared_c / len(qc)
    bwd = 0.5 * shared_p / len(cp) + 0.5 * shared_c / len(cc)
    if forward_only:
        return fwd
    score = 0.7 * fwd + 0.3 * bwd
    extra_q, extra_c = len(qc - cc), len(cc - qc)
    if (extra_q >= 2 and extra_c >= 1) or (extra_q >= 1 and extra_c >= 2):
        score *= 0.6
    return score


def broader(query: str, label: str) -> bool:
    """Whether ``label`` names the whole of which ``query`` is a part: its name with a group before
    it (重点城市优良天数率 and 全省优良天数率 → 优良天数率; 乡村常住人口 and 常住人口)."""
    q, c = _clean(_SCOPE.sub("", query)), _clean(_SCOPE.sub("", label))
    return len(c) >= 2 and q != c and q.endswith(c) and has_content(q[: -len(c)])


# (5G and 4G, M1 and M2 are words too: 4G基站 is not 5G基站, M1余额 not M2余额)
_LATIN = re.compile(r"[A-Z]{2,}[0-9]*|(?<![A-Za-z])[A-Z][0-9]+(?![0-9])|(?<![0-9.])[0-9]G(?![A-Za-z])")


def _abbreviates(short: str, label: str) -> bool:
    """Whether ``short`` (2–3 characters) shortens one of ``label``'s names the way Chinese does: the
    name's first and last characters, and the others in order (工行 — 工商银行, 建行 — 建设银行), or the
    first character of its last word (高企 — 高新技术企业)."""
    if not 2 <= len(short) <= 3:
        return False
    # (全省有效期内高新技术企业: the name may stand after words that place or qualify it)
    names = [word[i:] for word in label.split() for i in range(len(word)) if word[i] == short[0]]
    for name in names:
        # (a shortened name is at most half its name's length: 进口 does not shorten 进出口)
        if len(name) < 2 * len(short) or name[0] != short[0]:
            continue
        # (高企 — 高新技术企业: the last character may be the first of the name's last word, 企业)
        for end in (len(name) - 1, len(name) - 2):
            rest = iter(name[1:end])
            if name[end] == short[-1] and all(ch in rest for ch in short[1:-1]):
                return True
    return False


def coverage(query: str, label: str) -> float:
    """How much of ``query``'s name is found in ``label`` (0–1): shared character pairs over the
    query's pairs. A one-character query counts as found when the label holds the character."""
    q = pairs(query)
    if not q:
        return 0.0
    lab = pairs(label)
    if len(_clean(query)) == 1:
        return 1.0 if next(iter(q)) in _clean(label) else 0.0
    return len(q & lab) / len(q)


def likeness(query: str, label: str) -> float:
    """``coverage`` with opposites and different places counted as no likeness at all."""
    if not query or not label:
        return 0.0
    if opposed(query, label):
        return 0.0
    return coverage(query, label)


def places(text: str) -> set[str]:
    found = {w for w in PLACES if w in text}
    for same in _SAME_PLACE:
        if found & same:
            found = (found - same) | {"中国"}
    return found


# An age band: 65岁及以上, 16—59岁, 0—14岁, 80岁以上
AGE_BAND = re.compile(r"\d+\s*[—\-~～至]\s*\d+\s*岁|\d+\s*岁及?以[上下]")
# 及 joining two items — not inside a word (发放不及时, 涉及, 普及, 波及)
JI = r"(?<![不涉普波危顾])及(?!时)"
# X均 is an average per X — per head, household, visit, item, transaction, mu (次均费用, 件均, 笔均,
# 亩均), and 吨均产值 (per tonne), 企均 (per enterprise), 校均, 村均, 场均 (per event), 店均, 馆均
# (per museum), 台均 (per machine), 架均, 案均 (per case), 船均, 箱均… The things are the measure words
# and nouns such averages are formed with. After 各, 每 or a number, 均 is the adverb "all" (各村均已
# 通路, 两县均为), and 平台均, 列车均, 航船均 are a noun's last character before it.
PER_THINGS = "户次件笔亩单吨企校村场店车床院站园馆台架案船箱"
PER_ITEM = rf"人均|(?<![各每平列航两二三四五六七八九十\d])[{PER_THINGS}]均"
# A value per head, per day or per unit — an average or a price: never a total, never added up.
PER_UNIT = re.compile(rf"平均|均价|单价|日均|周均|月均|每|{PER_ITEM}")
# A table row that is the total of the others, by its whole name: | 合计 |, | 全县 | (not 全国性赛事)
TOTAL_ROW = re.compile(r"\s*(?:合计|总计|全国|全省|全市|全区|全县|全镇|全乡|总体|全部)\s*")
# A table column of the period before (| 上年死亡人数 |, | 去年同期 |): the bases of a growth column,
# never the amounts now that a growth or an unlabelled share column is of.
# (上一供暖季占比, 上一年度: 上一 and 前一 name the period before, whatever it is called)
EARLIER_COLUMN = re.compile(r"^(?:上年|去年|前年|上期|上月|上季度?|同期|上年同期|上一|前一)")
# (万元地区生产总值用水量, 亿元GDP死亡率, 百元营业收入成本: an indicator's name that opens with a sum of
# money is a measure per that sum of the thing it names; only for a table's row names, as the words
# before a value in prose may begin with the unit of the value before it: 由100亿元增至200亿元)
PER_SUM = re.compile(r"^[百千万亿]元(?=[\u4e00-\u9fffA-Z])")
# The names of an average of a total written beside it (人均地区生产总值 and 地区生产总值): narrower
# than PER_UNIT, as 每年 or 每月 with a year's or a month's value name that period's own total.
_AVERAGE_OF = re.compile(r"人均|户均|日均|月均|年均|每人|每户|每百|每千|每万|平均每")


def common_ending(words: Sequence[str]) -> str:
    """The last characters every word shares (号线 of 1号线、2号线; 码洋 of 网店码洋 and 实体店码洋)."""
    n = 0
    while all(len(w) > n for w in words) and len({w[len(w) - 1 - n] for w in words}) == 1:
        n += 1
    return words[0][len(words[0]) - n :] if n else ""


@lru_cache(maxsize=65536)
def opposed(a: str, b: str) -> bool:
    """One name says x and the other its opposite y (a name holding both, 进出口, is the whole)."""
    pa, pb = places(a), places(b)
    if pa and pb and not (pa & pb):
        return True
    if _negated(a, b) or _negated(b, a):
        return True
    # 人均地区生产总值 against 地区生产总值: a value per person (per household, per day) is never the
    # total it is the average of — when the other name holds all the per-person name's other words
    if bool(_AVERAGE_OF.search(a)) != bool(_AVERAGE_OF.search(b)):
        per, total = (a, b) if _AVERAGE_OF.search(a) else (b, a)
        rest = _clean(_AVERAGE_OF.sub("", per))
        if len(rest) >= 2 and rest in _clean(total):
            return True
    for group, whole in GROUP_WHOLES:
        # 进口 against 进出口: a part against the whole made of it
        part_a = any(w in a for w in group) and whole not in a
        part_b = any(w in b for w in group) and whole not in b
        if (part_a and whole in b) or (part_b and whole in a):
            return True
    for x, y in OPPOSITES:
        if x in a and y in b and y not in a and x not in b:
            if any(w in a for w in WHOLES if x in w) or any(w in b for w in WHOLES if y in w):
                continue
            return True
    return False


def has_content(label: str) -> bool:
    """Whether a name says what is measured once generic words (总额, 累计, 的) are dropped."""
    return bool(_clean(label))


def _negated(a: str, b: str) -> bool:
    """非税收入 against 税收收入: ``b`` names the complement (非X) of what ``a`` names (X)."""
    for i, ch in enumerate(b):
        if ch != "非":
            continue
        w = b[i + 1 : i + 3]
        if len(w) == 2 and w in a and "非" + w not in a:
            return True
    return False


def names_whole(label: str) -> bool:
    """A name that says it is the whole (全部收入, 发行总额, 全行业, 农民工总量)."""
    return bool(_WHOLE_WORDS.search(label))


def strip_whole(label: str) -> str:
    return _WHOLE_WORDS.sub("", label)


# Groups that are complete when all their members are named (a total is exactly their sum). 东/中/西
# without 东北 and 国有/民营/外资 are not: other schemes have more parts.
_NOT_EXHAUSTIVE = {("东部", "中部", "西部"), ("国有", "民营", "外资")}


def _names_its_whole(label: str, word: str) -> bool:
    """进出口总额 for 出口, 合计 for any part: the label names the whole, not the part ``word``.
    (总 alone is no such sign: 利润总额 and 总产值 are the names of indicators.)"""
    return any(w in label for w in WHOLES if word in w) or any(
        w in label for w in ("合计", "全部", "整体", "全行业")
    )


def complement_parts(labels: list[str], exhaustive: bool = False) -> list[int] | None:
    """Indexes of labels forming one complete complementary group (去程…, 回程…), or None.

    With ``exhaustive``, only groups whose members make up the whole (for sums) count."""
    for group in COMPLEMENTS:
        if exhaustive and group in _NOT_EXHAUSTIVE:
            continue
        picked: list[int] = []
        for word in group:
            hits = [
                i
                for i, lab in enumerate(labels)
                if word in lab and not _names_its_whole(lab, word) and "非" + word not in lab
            ]
            if len(hits) != 1:
                break
            picked.append(hits[0])
        else:
            if len(set(picked)) == len(group):
                return sorted(picked)
    return None


# The four budgets of public finance (预算法: 一般公共预算, 政府性基金预算, 国有资本经营预算, 社会保险
# 基金预算): one is never a part of another, though a release lists them in one 其中 sentence.
_BUDGETS = ("一般公共预算", "政府性基金", "国有资本经营", "社会保险基金")


def other_budgets(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` name different ones of the four budgets (收入 of each is its own)."""
    ka = {w for w in _BUDGETS if w in a}
    kb = {w for w in _BUDGETS if w in b}
    return bool(ka) and bool(kb) and not (ka & kb)


def names_a_part(label: str) -> bool:
    """Whether a name says one complementary part (进口额) rather than the whole (进出口总额)."""
    if any(w in label for w in WHOLES):
        return False
    return any(sum(w in label for w in group) == 1 for group in COMPLEMENTS)


def real_terms(text: str) -> bool:
    """Whether a growth claim is about real (constant-price) growth."""
    return any(w in text for w in REAL_TERMS)


def real_indicator(text: str) -> bool:
    """GDP and value added grow in real terms unless the text says 名义 (nominal)."""
    return any(w in text for w in REAL_INDICATORS) and "名义" not in text
