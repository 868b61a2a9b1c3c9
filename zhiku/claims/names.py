"""Names of relations and verdicts as editors read them (Chinese, English)."""

from __future__ import annotations

RELATIONS: dict[str, tuple[str, str]] = {
    "compound_growth": ("年均增长", "compound annual growth"),
    "yoy_growth": ("同比增长", "year-on-year growth"),
    "sum": ("合计", "sum"),
    "share": ("占比", "share"),
    "pp_change": ("百分点变化", "percentage-point change"),
    "difference": ("增减量", "difference"),
    "multiple": ("倍数", "multiple"),
    "conversion": ("汇率折算", "currency conversion"),
    "weekday": ("星期", "weekday"),
    "lunar_date": ("农历日期", "lunar date"),
    "clock_duration": ("时长", "clock duration"),
    "enumeration": ("列举计数", "enumerated count"),
    "series": ("数据序列", "series look-up"),
    "average": ("平均数", "average"),
    "date_span": ("日期间隔", "days between dates"),
    "ordinal_year": ("届次", "ordinal of a yearly event"),
    "copy_invisible": ("不可见字符", "invisible characters"),
    "archive_conflict": ("与往期不一致", "differs from the archive"),
    "copy_punctuation_width": ("全角半角", "punctuation width"),
    "copy_cjk_spacing": ("中英文间空格", "spacing between Chinese and Latin"),
    "copy_doubled": ("重复字词", "doubled word"),
    "copy_unmatched": ("引号括号不配对", "unmatched quotation mark or bracket"),
    "copy_number_style": ("数字写法", "number style"),
    "copy_numeral_mix": ("数字形式混用", "Arabic and Chinese numerals mixed"),
}

VERDICTS: dict[str, tuple[str, str]] = {
    "inconsistent": ("不符", "inconsistent"),
    "unverifiable": ("无法核实", "unverifiable"),
    "consistent": ("相符", "consistent"),
    "copy": ("文字", "copy"),
}


def relation_zh(relation: str) -> str:
    return RELATIONS.get(relation, (relation, relation))[0]


def verdict_zh(verdict: str) -> str:
    return VERDICTS.get(verdict, (verdict, verdict))[0]
