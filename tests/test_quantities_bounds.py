"""Bounds, approximations and ranges as a reader means them: the table in
tests/fixtures/quantities/bounds.yml (policy prose written for it, one row per sentence)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from zhiku.quantities import parse_quantities

TABLE = Path(__file__).resolve().parent / "fixtures" / "quantities" / "bounds.yml"
ROWS: list[list[Any]] = yaml.safe_load(TABLE.read_text(encoding="utf-8"))["rows"]
# Every phrase of issue 19, each used by at least three sentences of the table.
PHRASES = tuple(
    " ".join(
        (
            "不低于 不少于 不小于 至少 最少 起码 最多 至多 以内 不到 不足 及以上",
            "≥ 大于等于 ≤ 不超过 不高于 不多于",
            "十几 二十几 几十 数十 几百 三四十 七八千 一二百 百余 千余 上百 成百上千",
            "介于 之间 至 — ~ 个百分点",
            "七成 二三成 九成以上 八折 七五折 近 将近 接近 超过 以上 以下",
        )
    ).split(" ")
)


def test_the_table_is_large_and_covers_every_phrase() -> None:
    assert len(ROWS) >= 150
    uses = Counter(p for p in PHRASES for row in ROWS if p in row[0])
    assert {p: uses[p] for p in PHRASES if uses[p] < 3} == {}
    assert sum(1 for row in ROWS if row[1] is None) >= 5  # sentences where nothing is read


def _ends(q: Any) -> str:
    low = "-" if q.low is None else ("[" if q.low_inclusive else "(")
    high = "-" if q.high is None else ("]" if q.high_inclusive else ")")
    return low + high


@pytest.mark.parametrize("row", ROWS, ids=[r[0] for r in ROWS])
def test_sentence(row: list[Any]) -> None:
    sentence, text, kind, unit, value, low, high, qualifier, ends = row
    found = parse_quantities(sentence)
    if text is None:
        assert found == [], found
        return
    matches = [q for q in found if q.text == text]
    assert len(matches) == 1, [(q.text, q.kind, q.qualifier) for q in found]
    q = matches[0]
    assert (q.kind, q.unit, q.qualifier, _ends(q)) == (kind, unit, qualifier, ends)
    for got, want in ((q.value, value), (q.low, low), (q.high, high)):
        assert (got is None) == (want is None) and (want is None or got == pytest.approx(float(want))), (
            q.value,
            q.low,
            q.high,
        )
