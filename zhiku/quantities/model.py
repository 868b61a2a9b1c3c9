"""The Quantity record: the contract between the quantity reader and everything after it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal[
    "number",
    "money",
    "percent",  # a proportion: %, 百分之, 成, 折, ‰/千分之 (in %), and 个百分点 (unit ``pp``)
    "count",
    "date",
    "year_range",
    "date_range",
    "clock_time",
    "duration",
    "ordinal",
    "dimension",  # a physical measure: 7.6万吨 → 76000 t (added after the first contract)
    "multiple",  # 一倍, 3.5倍, 翻一番 (added after the first contract)
]
Qualifier = Literal["exact", "approx", "near", "more", "over", "under", "range", "unit"]
QUALIFIERS: tuple[Qualifier, ...] = ("exact", "approx", "near", "more", "over", "under", "range", "unit")


@dataclass(frozen=True)
class Quantity:
    """One quantitative mention in a text.

    Span: ``start``/``end`` are code-point offsets into the text (end exclusive) and
    ``text == source[start:end]``; the qualifier words belong to the span (超过8000亿美元,
    50%以上, 不低于6.5%).

    ``value`` is the *stated* number in the base unit with every magnitude applied
    (715.7亿美元 → 71570000000.0, unit ``USD``; 1.5‰ → 0.15, unit ``%``; 七成 → 70, ``%``;
    八折 → 80, ``%``; 2.1个百分点 → 2.1, unit ``pp``). It is None when the text states no number:
    an approximate numeral (十几, 三四十, 数百). A range of amounts (17%-19%, 3至5年) states two and
    gives its upper end (19, 5): the end its unit is written with in 5-20%, the figure a reader who
    wants one number per mention quotes; its interval is ``low``/``high``, which is all the claim
    checker reads of it.

    ``low``/``high`` are the interval the words allow, in the same unit as ``value``; None is an
    open side. ``low_inclusive``/``high_inclusive`` say whether that end belongs to the interval
    (always False for an open side). Per qualifier (docs/quantities.md has the phrase table):

    - ``exact`` — the number as written (8225列, 29%). ``low``/``high`` None; how far rounding
      reaches is the checker's business (``decimals`` is the writer's precision). One exception:
      after 等于 / = the text states equality as a comparison, so low = high = value, both
      inclusive.
    - ``approx`` — 约, 大约, 大概, 左右, 上下, 十来个: ``value`` is the stated number and
      ``low``/``high`` are None (the band of "about" is the checker's tolerance). An approximate
      *numeral* states no number but its words bound it: ``value`` None and
      十几 → (10, 20), 二十几 → (20, 30), 三千四百五十几万 → (3450万, 3460万) (both ends
      exclusive: 几 is a digit 1–9 in the next place down); 几十 / 数十 → [20, 100),
      几百 / 数百 → [200, 1000), 数千亿 → [2000亿, 1万亿) (几/数 before a place is 2–9 of it,
      low inclusive, high exclusive); 三四十 → [30, 40], 七八千 → [7000, 8000], 一二百 →
      [100, 200], 七、八万亿 → [7万亿, 8万亿], 二三成 → [20, 30] % (two neighbouring digits: "this
      or that", both ends included — the only approximate numeral whose ends both are; that each
      is a round figure, so 一二百个 may be 218, is the claim checker's tolerance);
      成百上千 → [100, 10000), 成千上万 → [1000, 100000).
    - ``near`` — 近, 将近, 接近, 逼近, 几近 ("just below"): high = value (inclusive), low = value
      minus half a unit of its last non-zero digit (inclusive): the values that round up to the
      stated number at the precision it was written with. 近3000 → [2500, 3000], 近8000亿 →
      [7500亿, 8000亿], 近三成 → [25, 30] %, 近29.5% → [29.45, 29.5].
    - ``more`` — X多, X余, X有余, X开外, X出头, 1个多月: from X up to the next unit of X's last
      non-zero digit, both ends exclusive; ``value`` is X. 百余家 → (100, 200), 500多亿 →
      (500亿, 600亿), 230余万 → (230万, 240万), 1.5万多 → (1.5万, 1.6万), 3个多月 → (3, 4)
      months, 七十余年 → (70, 80) years.
    - ``over`` — a floor: low = value, high None (上百/上千: also None). Inclusive after 不低于,
      不少于, 不小于, 不下, 至少, 最少, 起码, 最低, 以上, 及以上, 或以上, 或更多, 突破, 破,
      登上/迈上/站上 (…台阶), ≥, >=, 大于等于; exclusive after 超过, 超出, 超, 逾, 过, 高于, 多于,
      大于, 之上, >, 比X大/多/高.
    - ``under`` — a ceiling: high = value, low None. Inclusive after 不超过, 不高于, 不多于,
      不大于, 最多, 至多, 顶多, 最高, 以内, 之内, 以下, 及以下, 或以下, ≤, <=, 小于等于;
      exclusive after 不到, 不足, 不满, 未满, 未达, 低于, 少于, 小于, 之下, <, 比X小/少/低.
    - ``range`` — two stated ends: 17%-19%, 3至5年, 介于3%与5%之间, 在20到30之间 → low/high
      both inclusive, ``value`` the upper end (None for dates and years). A floor and a ceiling
      written together (大于10小于20, 不低于6%、不高于7%, 1000以上、1500以下, 三年以上十年以下)
      are one range with each end inclusive as its own word says. Dates, quarters and year
      ranges (date_range, year_range) are ranges of months or years: low/high hold them
      (2013-2019年 → 2013, 2019; 一季度 → 1, 3).
    - ``unit`` — a unit named with no number: a currency name (人民币汇率, 美元指数, 以欧元计价 →
      kind ``money``, unit CNY/USD/EUR) or a temperature unit (转换为摄氏度, 单位是°C → kind
      ``dimension``, unit °C/°F). ``value``, ``low`` and ``high`` are None: there is nothing to
      compute with, and every reader that needs a number skips these (``Quantity.unit_only``). A
      name right after a number is part of that amount (8亿元人民币), and one right before it labels it
      (人民币50元: only 50元 is read); neither is a mention of its own.

    Dates and clock times carry an ISO string in ``iso`` (``2021-11-22``, ``--11-16`` without a
    year, ``08:45``). ``measure`` is the measure or unit word as written (列, 个, 家, 标箱, ‰, 成,
    折 …). ``decimals`` is the number of digits written after the decimal point.
    """

    start: int
    end: int
    text: str
    kind: Kind
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None  # USD, CNY, %, pp, TEU, 列, 个, hour, minute, year …
    qualifier: Qualifier = "exact"
    iso: str | None = None
    measure: str | None = None  # the measure word as written (列, 个, 家, 标箱, 成, 折, ‰ …)
    decimals: int = 0  # digits written after the decimal point: the writer's precision
    low_inclusive: bool = False  # ``low`` belongs to the interval (False when low is None)
    high_inclusive: bool = False  # ``high`` belongs to the interval (False when high is None)

    @property
    def is_rate(self) -> bool:
        """A rate or share in percent (29%, 七成, 八折, 1.5‰ read as 0.15 %), not a gap between rates."""
        return self.kind == "percent" and self.unit == "%"

    @property
    def unit_only(self) -> bool:
        """A unit named without a number (人民币, 摄氏度): no value, nothing to compute with."""
        return self.qualifier == "unit"

    @property
    def is_points(self) -> bool:
        """A gap between two rates: 2.1个百分点 (kind percent, unit ``pp``)."""
        return self.kind == "percent" and self.unit == "pp"

    def to_json(self) -> dict[str, object]:
        """The `zhiku quantities --json` record of design.md, with the bounds' inclusiveness."""
        value: object = (
            self.iso
            if self.iso is not None and self.kind in ("date", "date_range", "clock_time")
            else self.value
        )
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "value": value,
            "low": self.low,
            "high": self.high,
            "low_inclusive": self.low_inclusive,
            "high_inclusive": self.high_inclusive,
            "unit": self.unit,
            "qualifier": self.qualifier,
        }
