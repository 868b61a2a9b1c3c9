"""``copy_number_style`` and ``copy_numeral_mix``: how numbers are written, one way per article.

GB/T 15835-2011 (出版物上数字用法) leaves some choices to the writer and asks only that a text
keep to one: "同类别同形式" — numbers of the same kind take the same form (§4.3).

- ``copy_number_style``: digit grouping. Integers of four digits or more may be grouped
  (``1,000``, ``12,345``) or not (``3094``, §5.1.5.3: non-technical texts usually do not group);
  an article that does both is corrected to what it does most (no grouping on a tie). Years
  (``2020年``, ``2013-2019年``, a four-digit 1900–2100 in a table) and decimals' fractions are not
  groupable numbers and are skipped.
- ``copy_numeral_mix``: the same kind of number written once in Arabic and once in Chinese
  numerals (``8年来`` … ``八年间``, ``7年间`` … ``七年间``). Only where the choice is free under
  §4.3 is it compared: durations (年, 天, 个月, 周, 小时) of 2–99 across the article, and counts
  of 2–10 with the same classifier within one paragraph. Ordinals (第一, 十八大), approximations
  (七八年, 十几个, 七十余年), idioms and fixed terms the quantity reader does not count
  (一带一路), and 一 as an article (一个) are out.
  Quoted words and titles (“…”, 《…》) are someone else's and are neither counted nor changed.
  The minority form is changed to the majority when there is one (at least two of one form,
  more than of the other); the value never changes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable

from zhiku.claims.copy.issue import CopyIssue
from zhiku.claims.copy.prose import Prose
from zhiku.quantities.model import Quantity

STYLE_RELATION = "copy_number_style"
MIX_RELATION = "copy_numeral_mix"

_GROUPABLE = re.compile(r"(?<![\d.,，])(\d{1,3}(?:,\d{3})+|\d{4,})(?=(\.\d+)?)(?![\d,]\d)")
_ANY_GROUPED = re.compile(r"\d,\d{3}")
_YEAR_AFTER = re.compile(r"^\s*(?:年|-|—|–|～|~|至)")
_YEAR_BEFORE = re.compile(r"(?:-|—|–|～|~|至)\s*$")
_UNITS = "年天个位名家项次列条份届座所种批"
_UNIT = rf"(个月|小时|周(?!年)|[{_UNITS}])"  # 20周年 is an anniversary, not a duration
_CHINESE = re.compile(
    rf"(?<![零〇一二两三四五六七八九十百千万亿第几数每初周星期礼拜余多近约逾超])"
    rf"([二两三四五六七八九十]{{1,3}})(?={_UNIT})"
)
_ARABIC = re.compile(rf"(?<![\d.,A-Za-z第近约逾超])(\d{{1,2}})(?![\d.])\s*(?={_UNIT})")
_QUOTED = re.compile(r"“[^“”\n]*”|《[^《》\n]*》|「[^「」\n]*」")
_CLAUSE = re.compile(r"[，。；：！？,;:!?\n]")
_DURATION_UNITS = {"year", "day", "week", "month", "hour"}


def check_style(prose: Prose) -> list[CopyIssue]:
    view = prose.view
    if not _ANY_GROUPED.search(view):
        return []  # nothing grouped, so nothing mixed (most Chinese prose): skip the scan
    grouped: list[re.Match[str]] = []
    bare: list[re.Match[str]] = []
    for m in _GROUPABLE.finditer(view):
        digits = m.group(1)
        if "," not in digits:
            after, before = view[m.end() : m.end() + 3], view[max(0, m.start() - 3) : m.start()]
            if len(digits) == 4 and (
                _YEAR_AFTER.match(after) or _YEAR_BEFORE.search(before) or 1900 <= int(digits) <= 2100
            ):
                continue  # a year (2020年, 2013-2019, a table's 2016 row), not a groupable number
            if len(digits) > 15:
                continue  # an identifier, not a quantity
            bare.append(m)
        else:
            grouped.append(m)
    if not grouped or not bare:
        return []
    wrong, to_grouped = (bare, True) if len(grouped) > len(bare) else (grouped, False)
    out = []
    for m in wrong:
        digits = m.group(1)
        plain = digits.replace(",", "")
        new = f"{int(plain):,}" if to_grouped else plain
        if to_grouped:
            zh = f"数字分节与本文多数写法不一致：{digits} → {new}"
            en = f"digit grouping differs from the rest of the article: {digits} → {new}"
        else:
            zh = f"本文数字多不分节，{digits} 应写作 {new}"
            en = f"the article's numbers are mostly not grouped: write {new}"
        out.append(CopyIssue(STYLE_RELATION, m.start(1), m.end(1), new, zh, en))
    return out


def check_mix(prose: Prose) -> list[CopyIssue]:
    from zhiku.quantities import parse_quantities

    view = prose.view
    # Quoted words and titles are someone else's, verbatim: neither counted nor changed.
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(view)]

    def in_quote(i: int) -> bool:
        return any(a < i < b for a, b in quoted)

    chinese: dict[str, list[tuple[int, int, float, str]]] = defaultdict(list)
    for m in _CHINESE.finditer(view):
        if in_quote(m.start()):
            continue
        q = _quantity_at(view, m.start(), parse_quantities)
        if q is None:
            continue
        key = _kind(q, m.group(2), _block(prose, m.start()))
        if key is None or not _in_range(key, q.value):
            continue
        chinese[key].append((m.start(1), m.end(1), float(q.value or 0), m.group(2)))
    if not chinese:
        return []
    arabic: dict[str, list[tuple[int, int, float, str]]] = defaultdict(list)
    for m in _ARABIC.finditer(view):
        if in_quote(m.start()):
            continue
        q = _quantity_at(view, m.start(), parse_quantities)
        if q is None:
            continue
        key = _kind(q, m.group(2), _block(prose, m.start()))
        if key is None or key not in chinese or not _in_range(key, q.value):
            continue
        arabic[key].append((m.start(1), m.end(1), float(q.value or 0), m.group(2)))
    out: list[CopyIssue] = []
    for key, arabic_items in arabic.items():
        chinese_items = chinese[key]
        if len(chinese_items) == len(arabic_items) or max(len(chinese_items), len(arabic_items)) < 2:
            continue  # no form is the article's own: nothing to make consistent with
        to_chinese = len(chinese_items) > len(arabic_items)
        wrong = arabic_items if to_chinese else chinese_items
        for a, b, value, unit in wrong:
            old = prose.text[a:b]
            new = _in_chinese(int(value), unit) if to_chinese else str(int(value))
            form_zh = "汉字数字" if to_chinese else "阿拉伯数字"
            form_en = "Chinese numerals" if to_chinese else "Arabic numerals"
            out.append(
                CopyIssue(
                    MIX_RELATION,
                    a,
                    b,
                    new,
                    f"同类数字写法不一：本文此类数（…{unit}）多用{form_zh}，{old} → {new}"
                    "（GB/T 15835 同类别同形式）",
                    f"numbers of this kind (…{unit}) are mostly in {form_en} here: {old} → {new}",
                )
            )
    return out


def _quantity_at(view: str, start: int, parse: Callable[[str], list[Quantity]]) -> Quantity | None:
    """The quantity the quantity reader finds starting at ``start`` (its clause read alone)."""
    lo = start
    while lo > 0 and not _CLAUSE.match(view[lo - 1]) and start - lo < 40:
        lo -= 1
    m = _CLAUSE.search(view, start)
    hi = m.start() if m else len(view)
    for q in parse(view[lo : min(hi, start + 40)]):
        if q.unit_only:
            continue  # 人民币, 摄氏度 named without a number: no number to restyle
        if q.start == start - lo:
            if q.qualifier != "exact" or q.value is None or q.value != int(q.value):
                return None
            return q
    return None


def _kind(q: Quantity, unit: str, block: int) -> str | None:
    """Which numbers are "the same kind": durations in the same unit across the article; counts
    with the same classifier within one paragraph (GB/T 15835's "同一场合": 这三个问题 in one
    argument and 17个、2个合作区 in a list of figures are different occasions)."""
    if q.kind == "duration" and q.unit in _DURATION_UNITS:
        return f"duration:{q.unit}"
    if q.kind == "count":
        return f"count:{unit}:{block}"
    return None


def _block(prose: Prose, offset: int) -> int:
    starts = [b.start for b in prose.blocks]
    return bisect_right(starts, offset)


def _in_range(key: str, value: float | None) -> bool:
    if value is None:
        return False
    top = 99 if key.startswith("duration") else 10
    return 2 <= value <= top


def _in_chinese(n: int, unit: str) -> str:
    import cn2an

    # 两 before a classifier or a unit of time (两年, 两个月), 二 elsewhere.
    if n == 2:
        return "两"
    out = str(cn2an.an2cn(str(n)))
    return out[1:] if out.startswith("一十") else out
