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

_STOP = set("的了是为在和与及年月日全当同其中共计约近达到至比较同比增长加减少下降提高万亿元个")


def complement_group(labels: list[str]) -> bool:
    """Whether the labels name complementary parts (去程/回程) each exactly once."""
    for group in COMPLEMENTS:
        hits = [next((w for w in group if w in lab), None) for lab in labels]
        if all(h is not None for h in hits) and len(set(hits)) == len(labels) == len(group):
            return True
    return False


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
    if any(w in a for w in WHOLES) or any(w in b for w in WHOLES):
        return False
    return any(x in a and y in b and y not in a and x not in b for x, y in OPPOSITES)


def overlap(a: str, b: str) -> int:
    """Shared content characters (a cheap, order-free likeness of two short labels)."""
    return len((set(a) - _STOP) & (set(b) - _STOP))


def related(a: str, b: str) -> bool:
    return not opposed(a, b) and overlap(a, b) >= 2
