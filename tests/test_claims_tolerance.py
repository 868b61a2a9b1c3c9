"""How a written number is read: precision step, qualifier, and the interval it stands for."""

from __future__ import annotations

import pytest

from zhiku.claims.interval import Interval
from zhiku.claims.tolerance import bound_of, interval_of, step_of, verdict
from zhiku.quantities import parse_quantities


def q1(text: str):  # type: ignore[no-untyped-def]
    [q] = [q for q in parse_quantities(text) if q.kind not in ("date", "year_range")]
    return q


@pytest.mark.parametrize(
    ("text", "step"),
    [
        ("1.24万列", 100.0),
        ("715.7亿美元", 1e7),
        ("13.7%", 0.1),
        ("8225列", 1.0),
        ("3个半小时", 0.5),
        ("1.76万亿元", 1e10),
    ],
)
def test_step_is_the_last_written_digit(text: str, step: float) -> None:
    assert step_of(q1(text)) == pytest.approx(step)


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("开行突破7600列", "over"),
        ("超过8000亿美元", "over"),
        ("均达到50%以上", "over"),
        ("60 多个", "range"),  # 60多个 is 61–69, not any number over 60
        ("近 3 个半小时", "near"),
        ("约 90 分钟", "approx"),
        ("不足5000万元", "under"),
        ("17%-19%", "range"),
        ("增长13.7%", "exact"),
    ],
)
def test_qualifiers(text: str, bound: str) -> None:
    q = q1(text)
    assert bound_of(q, text) == bound


def test_exact_accepts_rounding_and_truncation_only() -> None:
    i = interval_of(q1("13.7%"), "13.7%")
    assert i.contains(13.65) and i.contains(13.79) and not i.contains(13.6) and not i.contains(13.81)


def test_near_means_a_little_under() -> None:
    i = interval_of(q1("近 3 个半小时"), "近 3 个半小时")
    assert i.contains(3.0) and i.contains(3.5) and not i.contains(3.9)


def test_verdict_from_intervals() -> None:
    assert verdict(Interval(30.53, 30.58), Interval(28.5, 30.0)) == "inconsistent"
    assert verdict(Interval(50.15, 51.37), Interval(49.5, 51.0)) == "consistent"
    assert verdict(Interval(float("-inf"), float("inf")), Interval(1, 2)) == "unverifiable"


def test_interval_arithmetic() -> None:
    a, b = Interval(8224.5, 8225.5), Interval(6299.0, 6301.0)
    g = (a / b - 1.0) * 100.0
    assert 30.5 < g.lo < g.hi < 30.6
    assert Interval(2.0, 3.0).pow(0.5).lo == pytest.approx(2**0.5)


def test_more_is_bounded_by_the_next_unit() -> None:
    """500多亿 lies between 500亿 and 600亿: a stated 700亿 elsewhere cannot be 500多亿."""
    got = interval_of(q1("500多亿元"), "500多亿元")
    assert got.lo < 500e8 < got.hi < 700e8


@pytest.mark.parametrize(
    ("text", "inside", "outside"),
    [
        ("一二百个", (60.0, 100.0, 218.0, 249.0), (40.0, 262.0)),  # 218 rounds to 二百
        ("三四十家", (26.0, 30.0, 40.0, 44.0), (23.0, 47.0)),
        ("二三成", (16.0, 30.0, 34.0), (13.0, 37.0)),
    ],
)
def test_two_neighbouring_digits_hold_what_rounds_to_either(
    text: str, inside: tuple[float, ...], outside: tuple[float, ...]
) -> None:
    """The reader gives 三四十 as 30–40 (issue 19); the checker accepts what rounds to either
    round figure at its place, as the development set's trap 一二百个（218个） wants."""
    q = q1(text)
    assert q.value is None and (q.low_inclusive, q.high_inclusive) == (True, True)
    got = interval_of(q, text)
    assert all(got.lo <= v <= got.hi for v in inside), (got, inside)
    assert not any(got.lo <= v <= got.hi for v in outside), (got, outside)
