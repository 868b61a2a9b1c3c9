"""Whether two numbers measure the same thing, judged from the words before them.

A rule that pairs a value with an earlier one (this year's trains with last year's) must
not pair exports with imports. We ask for shared words and the absence of a known opposite;
when in doubt the pair is refused and the claim becomes unverifiable, never inconsistent.
"""

from __future__ import annotations

# Words naming complementary parts of one whole: the parts add up to the whole.
COMPLEMENTS: tuple[tuple[str, ...], ...] = (
    ("去程", "回程"),
    ("出口", "进口"),
    ("城镇", "农村"),
    ("男性", "女性"),
    ("境内", "境外"),
    ("国内", "国外"),
    ("第一产业", "第二产业", "第三产业"),
    ("上半年", "下半年"),
)

# Words naming a whole made of complementary parts: 进出口 is exports plus imports.
WHOLES = ("进出口", "往返", "城乡", "男女", "境内外", "国内外", "全年")

# Words that make two labels measure different things.
OPPOSITES: tuple[tuple[str, str], ...] = (
    *((a, b) for group in COMPLEMENTS for a in group for b in group if a != b),
    ("新签", "完成"),
    ("合同额", "营业额"),
    ("收入", "支出"),
    ("流入", "流出"),
    ("对华", "对外"),
    ("男", "女"),
)

_STOP = set("的了是为在和与及年月日全当同其中共计约近达到至比较同比增长加减少下降提高万亿元个额量数总")

# Places: two labels naming different places (全国 and 重庆) measure different things.
PLACES = (
    "全国",
    "全球",
    "世界",
    "全省",
    "全市",
    "中国",
    "美国",
    "日本",
    "欧盟",
    "欧洲",
    "英国",
    "德国",
    "法国",
    "俄罗斯",
    "印度",
    "韩国",
    "东盟",
    "非洲",
    "拉美",
    "中亚",
    "北京",
    "天津",
    "上海",
    "重庆",
    "河北",
    "山西",
    "内蒙古",
    "辽宁",
    "吉林",
    "黑龙江",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "广西",
    "海南",
    "四川",
    "贵州",
    "云南",
    "西藏",
    "陕西",
    "甘肃",
    "青海",
    "宁夏",
    "新疆",
    "香港",
    "澳门",
    "台湾",
    "深圳",
    "广州",
    "成都",
    "武汉",
    "西安",
    "郑州",
    "杭州",
    "南京",
    "苏州",
    "青岛",
    "厦门",
    "义乌",
    "长沙",
    "合肥",
    "沈阳",
    "大连",
    "哈尔滨",
    "昆明",
    "南宁",
    "乌鲁木齐",
    "兰州",
    "长三角",
    "珠三角",
)

# Words that mark growth at constant prices: nominal values cannot verify it.
REAL_TERMS = ("GDP", "国内生产总值", "生产总值", "增加值", "实际增长", "可比价", "扣除价格因素", "不变价")


def complement_parts(labels: list[str]) -> list[int] | None:
    """Indexes of labels forming one complete complementary group (去程…, 回程…), or None."""
    for group in COMPLEMENTS:
        picked: list[int] = []
        for word in group:
            hits = [i for i, lab in enumerate(labels) if word in lab]
            if len(hits) != 1:
                break
            picked.append(hits[0])
        else:
            if len(set(picked)) == len(group):
                return sorted(picked)
    return None


def names_a_part(label: str) -> bool:
    """Whether a label names one complementary part (进口额) rather than the whole (进出口总额)."""
    if any(w in label for w in WHOLES):
        return False
    for group in COMPLEMENTS:
        hits = [w for w in group if w in label]
        if len(hits) == 1:
            return True
    return False


def opposed(a: str, b: str) -> bool:
    """One label names x and the other its opposite y (a label naming both, 进出口, is the whole)."""
    pa, pb = {w for w in PLACES if w in a}, {w for w in PLACES if w in b}
    if pa and pb and pa != pb:
        return True
    if any(w in a for w in WHOLES) or any(w in b for w in WHOLES):
        return False
    return any(x in a and y in b and y not in a and x not in b for x, y in OPPOSITES)


def overlap(a: str, b: str) -> int:
    """Shared content characters (a cheap, order-free likeness of two short labels)."""
    return len((set(a) - _STOP) & (set(b) - _STOP))


def related(a: str, b: str) -> bool:
    return not opposed(a, b) and overlap(a, b) >= 2


def real_terms(text: str) -> bool:
    """Whether a growth claim is about real (constant-price) growth, like GDP's."""
    return any(w in text for w in REAL_TERMS)
