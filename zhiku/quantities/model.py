"""The Quantity record: the contract between the quantity reader and everything after it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal[
    "number",
    "money",
    "percent",
    "percentage_point",
    "per_mille",
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
Qualifier = Literal["exact", "approx", "over", "under", "range"]


@dataclass(frozen=True)
class Quantity:
    """One quantitative mention in a text.

    ``start``/``end`` are code-point offsets into the text (end exclusive) and
    ``text == source[start:end]``. ``value`` is in the base unit with every magnitude applied
    (715.7亿美元 → 71570000000.0, unit ``USD``). Ranges fill ``low``/``high`` and leave
    ``value`` as None. Dates and clock times carry an ISO string in ``iso``
    (``2021-11-22``, ``--11-16`` without a year, ``08:45``) and, for a year alone or a year
    range, ``low``/``high`` hold the years.
    """

    start: int
    end: int
    text: str
    kind: Kind
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None  # USD, CNY, %, pp, ‰, TEU, 列, 个, hour, minute, year …
    qualifier: Qualifier = "exact"
    iso: str | None = None
    measure: str | None = None  # the measure word as written (列, 个, 家, 标箱 …)
    decimals: int = 0  # digits written after the decimal point: the writer's precision

    def to_json(self) -> dict[str, object]:
        """The `zhiku quantities --json` record of design.md."""
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
            "unit": self.unit,
            "qualifier": self.qualifier,
        }
